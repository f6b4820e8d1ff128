"""Does a sentence contradict a claim, read from the two embeddings alone.

Public API: `PairModel`, `PairData`, `PAIR_PATH`, `LABELS`, `TERMS`, `fit_pair_weights`, `load_pairs`,
`pair_features`, `related_contradiction`, `train_pair_model`.

A three-way logistic regression (SUPPORT, CONTRADICT, NEI) over the elementwise product and the
absolute difference of the claim's and the sentence's MiniLM vectors, and their cosine (the
sentence-pair features of Conneau et al., 2017).  It needs no forward pass beyond the claim's: the
sentences' vectors are the index's own.  The embedding model hardly separates "X reduces Y" from
"X increases Y" by cosine, but the dimensions in which two such sentences differ are not the ones
in which a paraphrase differs, and a linear model over |u - v| and u * v learns which are which from
labelled pairs.  P(contradicts | related) = P(CONTRADICT) / (P(SUPPORT) + P(CONTRADICT)) is one
feature of the polarity model (`assistant.claims.features.POLARITY_FEATURES`).

Stored as one float32 .npy (3, 2 * dim + 2): per label the weights, then the intercept; trained by
`python -m assistant.claims.train` on the sources `claims.json` names (never on SciFact, whose
train claims fit the polarity model that reads this feature).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["LABELS", "PAIR_PATH", "TERMS", "PairData", "PairModel", "fit_pair_weights", "load_pairs", "pair_features",
           "related_contradiction", "train_pair_model"]

PAIR_PATH = Path(__file__).resolve().parent.parent / "models" / "claim_pair.npy"
LABELS = ("SUPPORT", "CONTRADICT", "NEI")
# Each source's terms as stated upstream (../shared/claims-extra/README.md).
TERMS = {
    "scifact": "CC BY-NC 2.0 (non-commercial)",
    "scifact-flipped": "CC BY-NC 2.0 (non-commercial; SciFact's pairs with their claims reversed here)",
    "healthver": "no licence stated",
    "covidfact": "no licence stated; contradictions are machine-generated counter-claims",
    "climate-fever": "no licence stated; evidence from Wikipedia (CC BY-SA)",
    "check-covid": "MIT",
    "sick": "CC BY-NC-SA 3.0 (non-commercial)",
    "nli4ct": "no licence stated",
}
C = 1.0  # inverse L2 strength, scikit-learn's default


def pair_features(claims: np.ndarray, sentences: np.ndarray) -> np.ndarray:
    """(n, 2 * dim + 1): u * v, |u - v| and the cosine, for unit vectors u (claim) and v (sentence)."""
    claims, sentences = np.atleast_2d(claims).astype(np.float32), np.atleast_2d(sentences).astype(np.float32)
    prod = claims * sentences
    return np.hstack([prod, np.abs(claims - sentences), prod.sum(1, keepdims=True)])


class PairModel:
    """The stored weights and the one way they are applied."""

    def __init__(self, weights: np.ndarray) -> None:
        if weights.ndim != 2 or weights.shape[0] != len(LABELS):
            raise ValueError(f"pair model weights have shape {weights.shape}, expected ({len(LABELS)}, features + 1)")
        self.coef, self.intercept = weights[:, :-1].astype(np.float64), weights[:, -1].astype(np.float64)

    @classmethod
    def load(cls, path: Path = PAIR_PATH) -> PairModel:
        return cls(np.load(path, allow_pickle=False))

    def probabilities(self, claim: np.ndarray, sentences: np.ndarray) -> np.ndarray:
        """(n, 3): P(SUPPORT), P(CONTRADICT), P(NEI) for one claim vector and n sentence vectors."""
        if not len(sentences):
            return np.zeros((0, len(LABELS)))
        return self.row_probabilities(pair_features(np.broadcast_to(claim, np.shape(sentences)), sentences))

    def row_probabilities(self, x: np.ndarray) -> np.ndarray:
        """(n, 3) probabilities of `pair_features` rows."""
        z = x @ self.coef.T + self.intercept
        z -= z.max(1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(1, keepdims=True)

    def contradiction(self, claim: np.ndarray, sentences: np.ndarray) -> np.ndarray:
        """P(the sentence contradicts the claim | it supports or contradicts it), per sentence."""
        return related_contradiction(self.probabilities(claim, sentences))


def related_contradiction(p: np.ndarray) -> np.ndarray:
    """P(CONTRADICT) / (P(SUPPORT) + P(CONTRADICT)) of (n, 3) probabilities."""
    return p[:, 1] / np.maximum(p[:, 0] + p[:, 1], 1e-9)


def load_pairs(extra_dir: Path, sources: Sequence[str]) -> list[tuple[str, str, str]]:
    """(claim, evidence, label) of every pair of the named `../shared/claims-extra` sources."""
    out = []
    for name in sources:
        for line in (Path(extra_dir) / name / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["claim"], row["evidence"], row["label"]))
    return out


def fit_pair_weights(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(3, features + 1) float32 weights fitted on `pair_features` rows `x` with label indices `y`."""
    from sklearn.linear_model import LogisticRegression

    # Balanced: the sources hold far more NEI than CONTRADICT pairs, and the feature is read as a ratio
    # of the two related labels.
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(x, y)
    return np.hstack([model.coef_, model.intercept_[:, None]]).astype(np.float32)


@dataclass
class PairData:
    """Labelled pairs as the pair model sees them: texts, both vectors, feature rows, label indices."""

    pairs: list[tuple[str, str, str]]
    claims: np.ndarray
    evidence: np.ndarray
    x: np.ndarray
    y: np.ndarray


def train_pair_model(encoder, extra_dir: Path, sources: Sequence[str]) -> tuple[np.ndarray, PairData]:
    """Weights fitted on the sources' pairs, and those pairs."""
    pairs = load_pairs(extra_dir, sources)
    texts = sorted({t for c, e, _ in pairs for t in (c, e)})
    at = {t: i for i, t in enumerate(texts)}
    vectors = encoder.encode(texts, progress=True)
    claims, evidence = vectors[[at[c] for c, _, _ in pairs]], vectors[[at[e] for _, e, _ in pairs]]
    data = PairData(pairs, claims, evidence, pair_features(claims, evidence),
                    np.array([LABELS.index(label) for _, _, label in pairs]))
    return fit_pair_weights(data.x, data.y), data

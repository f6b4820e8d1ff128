"""The trained parts of a claim check, stored without pickle, and the one way each is applied.

Public API: `ClaimModel` (detector, polarity model, thresholds, adapter and the cross-encoder stage
from `claims.json`), `NLIStage`, `LinearModel`, `ClaimAdapter`,
`NLIModel`, `ClaimError`, `MODEL_PATH`, `ADAPTER_PATH`, `RETRAIN`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.fileio import file_sha256
from assistant.linear import LinearModel

__all__ = ["ADAPTER_PATH", "MODEL_PATH", "RETRAIN", "ClaimAdapter", "ClaimError", "ClaimModel", "LinearModel",
           "NLIModel", "NLIStage"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "claims.json"
ADAPTER_PATH = MODEL_PATH.with_name("claim_adapter.npy")
RETRAIN = "retrain with `python -m assistant.claims.train`"


class ClaimError(ValueError):
    """A claim the checker cannot work with, or a claim model it cannot use; the message says why."""


class NLIModel:
    """A user's own NLI cross-encoder (a local Hugging Face sequence-classification folder)."""

    def __init__(self, path: Path) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        if not Path(path).is_dir():
            raise ClaimError(f"no NLI model folder at {path}")
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(str(path), local_files_only=True).eval()
        labels = {i: str(lab).lower() for i, lab in self.model.config.id2label.items()}
        self.contradiction = next((i for i, lab in labels.items() if lab.startswith("contradict")), None)
        self.entailment = next((i for i, lab in labels.items() if lab.startswith("entail")), None)
        if self.contradiction is None or self.entailment is None:
            raise ClaimError(f"NLI model at {path} must have 'entailment' and 'contradiction' labels, has {labels}")

    def contradiction_probability(self, claim: str, sentences: list[str]) -> np.ndarray:
        import torch

        if not sentences:
            return np.zeros(0)
        enc = self.tokenizer(sentences, [claim] * len(sentences), padding=True, truncation=True, max_length=256,
                             return_tensors="pt")
        with torch.inference_mode():
            probs = torch.softmax(self.model(**enc).logits, dim=-1).numpy()
        c, e = probs[:, self.contradiction], probs[:, self.entailment]
        return c / np.maximum(c + e, 1e-9)


class ClaimAdapter:
    """A claim embedding moved towards the sentences that are evidence for such claims:
    normalise(q + (q @ U) @ V), U and V rank-64 factors stored as one float16 .npy (2, dim, rank)
    with V transposed; trained by `python -m assistant.claims.train`."""

    def __init__(self, factors: np.ndarray) -> None:
        if factors.ndim != 3 or factors.shape[0] != 2:
            raise ClaimError(f"claim adapter factors have shape {factors.shape}, expected (2, dim, rank)")
        factors = factors.astype(np.float32)
        self.u, self.v = factors[0], factors[1].T

    @classmethod
    def load(cls, path: Path = ADAPTER_PATH, sha256: str | None = None) -> ClaimAdapter:
        """The adapter stored at `path`; with `sha256`, only if the file has that hash."""
        retrain = RETRAIN
        try:
            digest = file_sha256(Path(path)) if sha256 is not None else None
            factors = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ClaimError(f"claim adapter unreadable at {path} ({exc}); {retrain}") from exc
        if digest != sha256:
            raise ClaimError(f"claim adapter {path} is not the one the claim model was trained with; {retrain}")
        return cls(factors)

    def __call__(self, q: np.ndarray) -> np.ndarray:
        x = q + (q @ self.u) @ self.v
        return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


@dataclass
class NLIStage:
    """The shipped cross-encoder reads the detector's `top` best sentences for a claim; each one's
    P(contradicts) is its P(CONTRADICT) / (P(SUPPORT) + P(CONTRADICT)).  The detector alone decides
    what is evidence: letting the cross-encoder's view of relatedness into P(evidence) lowered the
    held-out F1 (assistant/models/README.md)."""

    model: object  # ClaimNLI, loaded on first use
    top: int

    def contradiction(self, claim: str, texts: list[str], p_evidence: np.ndarray) -> np.ndarray:
        top = np.argsort(-p_evidence, kind="stable")[: self.top]
        p_con = np.zeros(len(texts))
        if len(top):
            probs = self.model.probabilities(claim, [texts[i] for i in top])
            p_con[top] = probs[:, 1] / np.maximum(probs[:, 0] + probs[:, 1], 1e-9)
        return p_con


@dataclass
class ClaimModel:
    """Everything `claims.json` holds, checked for consistency on load."""

    detector: LinearModel
    polarity: LinearModel
    evidence_threshold: float
    contradiction_threshold: float
    adapter: ClaimAdapter
    nli: NLIStage | None = None

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ClaimModel:
        try:
            spec = json.loads(Path(path).read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise ClaimError(f"claim model unreadable at {path} ({exc}); {RETRAIN}") from exc
        adapter = spec.get("adapter") if isinstance(spec, dict) else None
        if not isinstance(adapter, dict) or not {"file", "sha256"} <= set(adapter):
            raise ClaimError(f"{path} names no claim adapter (trained by an older version); {RETRAIN}")
        try:
            nli = None
            if spec.get("nli"):
                from assistant.claims.nli import ClaimNLI

                nli_path = Path(path).with_name(Path(str(spec["nli"]["file"])).name)
                if not nli_path.exists() or file_sha256(nli_path) != spec["nli"]["sha256"]:
                    raise ClaimError(f"{nli_path} is missing or not the cross-encoder {path} was calibrated with; "
                                     f"{RETRAIN}")
                nli = NLIStage(ClaimNLI(nli_path), int(spec["nli"]["top"]))
            return cls(LinearModel(spec["detector"]), LinearModel(spec["polarity"]),
                       float(spec["thresholds"]["evidence"]), float(spec["thresholds"]["contradiction"]),
                       ClaimAdapter.load(Path(path).with_name(Path(str(adapter["file"])).name), sha256=adapter["sha256"]),
                       nli)
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ClaimError):
                raise
            raise ClaimError(f"claim model at {path} is malformed ({exc!r}); {RETRAIN}") from exc

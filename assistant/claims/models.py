"""The trained parts of a claim check, stored without pickle, and the one way each is applied.

Public API: `ClaimModel` (detector, polarity model, thresholds and adapter from `claims.json`),
`LinearModel`, `ClaimAdapter`, `NLIModel`, `ClaimError`, `MODEL_PATH`, `ADAPTER_PATH`, `RETRAIN`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.fileio import file_sha256

__all__ = ["ADAPTER_PATH", "MODEL_PATH", "RETRAIN", "ClaimAdapter", "ClaimError", "ClaimModel", "LinearModel",
           "NLIModel"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "claims.json"
ADAPTER_PATH = MODEL_PATH.with_name("claim_adapter.npy")
RETRAIN = "retrain with `python -m assistant.claims.train`"


class ClaimError(ValueError):
    """A claim the checker cannot work with, or a claim model it cannot use; the message says why."""


class LinearModel:
    """Logistic regression stored as JSON (weights, feature names, scaling), never pickled."""

    def __init__(self, spec: dict) -> None:
        self.features = spec["features"]
        self.mean = np.array(spec["mean"], dtype=np.float64)
        self.scale = np.array(spec["scale"], dtype=np.float64)
        self.coef = np.array(spec["coef"], dtype=np.float64)
        self.intercept = float(spec["intercept"])
        if not len(self.features) == len(self.mean) == len(self.scale) == len(self.coef):
            raise ValueError(f"{len(self.features)} feature names for {len(self.coef)} weights")

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, names: list[str], c: float = 1.0) -> LinearModel:
        """Standardised features, scikit-learn's logistic regression; training and the product
        then predict through the same `predict`."""
        from sklearn.linear_model import LogisticRegression

        mean, scale = x.mean(0), x.std(0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
        return cls({"features": names, "mean": mean.tolist(), "scale": scale.tolist(),
                    "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])})

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((np.asarray(x, dtype=np.float64) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


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
class ClaimModel:
    """Everything `claims.json` holds, checked for consistency on load."""

    detector: LinearModel
    polarity: LinearModel
    evidence_threshold: float
    contradiction_threshold: float
    adapter: ClaimAdapter

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
            return cls(LinearModel(spec["detector"]), LinearModel(spec["polarity"]),
                       float(spec["thresholds"]["evidence"]), float(spec["thresholds"]["contradiction"]),
                       ClaimAdapter.load(Path(path).with_name(Path(str(adapter["file"])).name), sha256=adapter["sha256"]))
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ClaimError):
                raise
            raise ClaimError(f"claim model at {path} is malformed ({exc!r}); {RETRAIN}") from exc

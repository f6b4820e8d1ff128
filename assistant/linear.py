"""A logistic regression stored as JSON, shared by the trained parts of search and claim checking.

Public API: `LinearModel`.
"""

from __future__ import annotations

import numpy as np

__all__ = ["LinearModel"]


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
    def fit(cls, x: np.ndarray, y: np.ndarray, names: list[str], c: float = 1.0,
            weights: np.ndarray | None = None) -> LinearModel:
        """Standardised features, scikit-learn's logistic regression (`weights` per row, if given);
        training and the product then predict through the same `predict`."""
        from sklearn.linear_model import LogisticRegression

        mean, scale = x.mean(0), x.std(0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y, sample_weight=weights)
        return cls({"features": names, "mean": mean.tolist(), "scale": scale.tolist(),
                    "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])})

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((np.asarray(x, dtype=np.float64) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

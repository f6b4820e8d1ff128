"""A logistic regression stored as JSON, shared by the trained parts of search and claim checking.

Public API: `LinearModel`.
"""

from __future__ import annotations

from collections.abc import Collection

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
            weights: np.ndarray | None = None, increasing: Collection[str] = ()) -> LinearModel:
        """Standardised features, scikit-learn's logistic regression (`weights` per row, if given);
        training and the product then predict through the same `predict`.  The features named in
        `increasing` get weights >= 0 (the same L2-regularised loss, minimised with those bounds):
        where more of a feature can never mean less of the outcome, a negative weight is an
        artefact of correlated features, and it turns wrong on inputs far from the training data."""
        mean, scale = x.mean(0), x.std(0)
        scale[scale == 0] = 1.0
        z = (x - mean) / scale
        if increasing:
            coef, intercept = _bounded_logistic(z, y, c, weights, [n in increasing for n in names])
        else:
            from sklearn.linear_model import LogisticRegression

            model = LogisticRegression(C=c, max_iter=5000).fit(z, y, sample_weight=weights)
            coef, intercept = model.coef_[0], float(model.intercept_[0])
        return cls({"features": names, "mean": mean.tolist(), "scale": scale.tolist(),
                    "coef": np.asarray(coef).tolist(), "intercept": float(intercept)})

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((np.asarray(x, dtype=np.float64) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def _bounded_logistic(z: np.ndarray, y: np.ndarray, c: float, weights: np.ndarray | None,
                      nonnegative: list[bool]) -> tuple[np.ndarray, float]:
    """scikit-learn's objective (C x weighted log-loss + half the squared weights, intercept free),
    minimised by L-BFGS-B with the `nonnegative` weights bounded below by 0."""
    from scipy.optimize import minimize

    y = np.asarray(y, dtype=np.float64)
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=np.float64)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        coef, b = theta[:-1], theta[-1]
        m = z @ coef + b
        # log(1 + e^m) - y m, computed stably
        value = c * float(w @ (np.logaddexp(0.0, m) - y * m)) + 0.5 * float(coef @ coef)
        r = c * w * (1.0 / (1.0 + np.exp(-m)) - y)
        return value, np.append(z.T @ r + coef, r.sum())

    bounds = [(0.0, None) if nn else (None, None) for nn in nonnegative] + [(None, None)]
    result = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 5000})
    return result.x[:-1], float(result.x[-1])

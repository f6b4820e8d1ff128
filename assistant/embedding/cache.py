"""The embedding cache: vectors keyed by model, arithmetic and text content hash, in .npy shards.

Public API: `EmbeddingCache`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["EmbeddingCache"]


class EmbeddingCache:
    """Vectors keyed by (model, text) content hash, in a folder of .npy shards; never pickled."""

    def __init__(self, directory: Path, model_key: str) -> None:
        self.directory = Path(directory) / hashlib.sha1(model_key.encode()).hexdigest()[:12]
        self._map: dict[str, np.ndarray] | None = None

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()

    def _load(self) -> dict[str, np.ndarray]:
        if self._map is None:
            self._map = {}
            if self.directory.exists():
                for keys_file in sorted(self.directory.glob("*.keys")):
                    vec_file = keys_file.with_suffix(".npy")
                    try:
                        keys = keys_file.read_text().split()
                        vecs = np.load(vec_file, allow_pickle=False)
                    except (OSError, ValueError):
                        continue  # a damaged shard only costs re-embedding
                    if len(keys) == len(vecs):
                        self._map.update(zip(keys, vecs))
        return self._map

    def get(self, keys: Sequence[str]) -> list[np.ndarray | None]:
        m = self._load()
        return [m.get(k) for k in keys]

    def put(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        if not len(keys):
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha1("".join(keys).encode()).hexdigest()[:16]
        tmp = self.directory / f".{name}.tmp.npy"
        np.save(tmp, vectors.astype(np.float32), allow_pickle=False)
        os.replace(tmp, self.directory / f"{name}.npy")
        (self.directory / f".{name}.keys.tmp").write_text("\n".join(keys))
        os.replace(self.directory / f".{name}.keys.tmp", self.directory / f"{name}.keys")
        self._load().update(zip(keys, vectors))

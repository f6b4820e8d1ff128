"""What every encoder offers (`Encoder`), and the cache lookup they share (`encode_cached`).

Vectors are L2-normalised float32, so a dot product is the cosine similarity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol

import numpy as np

from assistant.embedding.cache import EmbeddingCache

__all__ = ["Arithmetic", "Encoder", "encode_cached"]

Arithmetic = Literal["fp32", "bf16"]


class Encoder(Protocol):
    """The interface the index builder, search and claims use; `LocalEncoder` and `RayEncoder` implement it."""

    model_id: str
    dim: int

    @property
    def key(self) -> str:
        """The model and its dimension: an index built under another key is rebuilt."""
        ...

    @property
    def arithmetic(self) -> Arithmetic:
        """The arithmetic bulk batches run in (recorded in the manifest and the cache key)."""
        ...

    def warm_up(self) -> None: ...

    def count_tokens(self, texts: Sequence[str]) -> list[int]: ...

    def encode(self, texts: Sequence[str], progress: bool = False, cache: EmbeddingCache | None = None) -> np.ndarray: ...

    def encode_query(self, text: str) -> np.ndarray: ...


def encode_cached(texts: Sequence[str], dim: int, forward: Callable[[list[str], bool], np.ndarray],
                  progress: bool, cache: EmbeddingCache | None) -> np.ndarray:
    """Vectors of `texts`: from `cache` where present, the rest from `forward` (and then cached)."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    todo = list(range(len(texts)))
    keys: list[str] = []
    if cache is not None:
        keys = [cache.key(t) for t in texts]
        todo = []
        for i, v in enumerate(cache.get(keys)):
            if v is None:
                todo.append(i)
            else:
                out[i] = v
    if todo:
        vecs = forward([texts[i] for i in todo], progress)
        out[todo] = vecs
        if cache is not None:
            cache.put([keys[i] for i in todo], vecs)
    return out

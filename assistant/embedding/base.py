"""What every encoder offers (`Encoder`), and the cache lookup they share (`encode_cached`).

Vectors are L2-normalised float32, so a dot product is the cosine similarity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol

import numpy as np

from assistant.embedding.cache import EmbeddingCache

__all__ = ["Arithmetic", "Encoder", "encode_cached", "encode_with_spans_cached"]

Arithmetic = Literal["fp32", "bf16", "int8"]


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

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                          progress: bool = False) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors of `texts` and of each character span of each text from the same forward pass
        (NaN rows for spans the model did not see)."""
        ...

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


def encode_with_spans_cached(encoder: Encoder, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                             progress: bool, cache: EmbeddingCache | None) -> tuple[np.ndarray, list[np.ndarray]]:
    """`encoder.encode_with_spans`, reading and filling `cache`: a text is taken from it when the
    text and every one of its spans are there."""
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    span_out = [np.zeros((len(s), encoder.dim), dtype=np.float32) for s in spans]
    todo = list(range(len(texts)))
    keys: list[str] = []
    span_keys: list[list[str]] = []
    if cache is not None:
        keys = [cache.key(t) for t in texts]
        span_keys = [[cache.key(f"{t}\x00span {a}:{b}") for a, b in s] for t, s in zip(texts, spans)]
        have = cache.get(keys)
        todo = []
        for i, v in enumerate(have):
            sv = cache.get(span_keys[i]) if v is not None else [None]
            if v is None or any(x is None for x in sv):
                todo.append(i)
                continue
            out[i] = v
            if len(sv):
                span_out[i] = np.stack(sv)
    if todo:
        vecs, svecs = encoder.encode_with_spans([texts[i] for i in todo], [spans[i] for i in todo], progress)
        out[todo] = vecs
        for i, sv in zip(todo, svecs):
            span_out[i] = sv
        if cache is not None:
            cache.put([keys[i] for i in todo], vecs)
            flat = [(k, v) for i, sv in zip(todo, svecs) for k, v in zip(span_keys[i], sv) if not np.isnan(v).any()]
            if flat:
                cache.put([k for k, _ in flat], np.stack([v for _, v in flat]))
    return out, span_out

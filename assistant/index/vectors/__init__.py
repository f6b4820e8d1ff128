"""Vector backends behind one factory: a new backend is one module here and one line in `BACKENDS`.

Public API: `INDEX_TYPES`, `VectorIndex`, `build_vectors`, `load_vectors`, `FLAT_LIMIT`, `PQ_LIMIT`.
Each backend module has `build(dense) -> VectorIndex | None` (None: too few vectors to train it)
and `load(path, meta, dense) -> VectorIndex`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.index.errors import StoreError
from assistant.index.vectors import flat, hnsw, ivf_flat, ivf_pq
from assistant.index.vectors.base import VectorIndex

__all__ = ["FLAT_LIMIT", "INDEX_TYPES", "PQ_LIMIT", "VectorIndex", "build_vectors", "load_vectors"]

BACKENDS = {
    "flat": flat,
    "ivf_flat": ivf_flat,
    "ivf_pq": ivf_pq,
    "hnsw": hnsw,
}
INDEX_TYPES = ("auto", *BACKENDS)

# "auto": exact search up to FLAT_LIMIT passages, IVF-Flat up to PQ_LIMIT, IVF-PQ above, where
# full vectors would no longer fit in memory (benchmarks/scale_search.py; README "Scale").
FLAT_LIMIT = 50_000
PQ_LIMIT = 2_000_000


def build_vectors(dense: np.ndarray, index_type: str = "auto") -> VectorIndex:
    """The backend for `dense`.  A type asked for explicitly is kept unless there are too few
    vectors to train it (then exact, and the manifest says what was requested)."""
    if index_type not in INDEX_TYPES:
        raise StoreError(f"index type must be one of {', '.join(INDEX_TYPES)}, not {index_type!r}")
    n = len(dense)
    kind = index_type
    if kind == "auto":
        kind = "flat" if n <= FLAT_LIMIT else "ivf_flat" if n <= PQ_LIMIT else "ivf_pq"
    vectors = BACKENDS[kind].build(dense) or flat.build(dense)
    if index_type != "auto":
        vectors.meta["requested"] = index_type
    return vectors


def load_vectors(path: Path, meta: dict, dense: np.ndarray) -> VectorIndex:
    backend = BACKENDS.get(meta.get("type", ""))
    if backend is None:
        raise StoreError(f"unknown vector index type {meta.get('type')!r} in the manifest")
    return backend.load(path, meta, dense)

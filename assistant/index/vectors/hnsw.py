"""A navigable small-world graph over full vectors (FAISS `IndexHNSWFlat`): chosen only on request
(`--index-type hnsw`).  No training, so it suits collections that grow by uploads; it holds the
vectors plus 2·M neighbour ids a passage."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.index.vectors.base import FaissVectors, add_in_blocks, bulk_threads, read_faiss

__all__ = ["EF_CONSTRUCTION", "EF_SEARCH", "M", "build", "load"]

M = 32
EF_CONSTRUCTION = 80
EF_SEARCH = 128


def build(dense: np.ndarray) -> FaissVectors:
    import faiss

    bulk_threads()
    index = faiss.IndexHNSWFlat(dense.shape[1], M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = EF_CONSTRUCTION
    index.hnsw.efSearch = EF_SEARCH
    add_in_blocks(index, dense)
    return FaissVectors(index, {"type": "hnsw", "metric": "inner_product", "m": M,
                                "ef_construction": EF_CONSTRUCTION, "ef_search": EF_SEARCH})


def load(path: Path, meta: dict, dense: np.ndarray) -> FaissVectors:
    import faiss

    index = read_faiss(path)
    faiss.downcast_index(index).hnsw.efSearch = meta["ef_search"]
    return FaissVectors(index, meta)

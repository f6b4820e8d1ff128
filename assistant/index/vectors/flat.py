"""Exact inner-product search (FAISS `IndexFlatIP`): the default up to 50,000 passages."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.index.vectors.base import FaissVectors, add_in_blocks, bulk_threads, read_faiss

__all__ = ["build", "load"]


def build(dense: np.ndarray) -> FaissVectors:
    import faiss

    bulk_threads()
    index = faiss.IndexFlatIP(dense.shape[1])
    add_in_blocks(index, dense)
    return FaissVectors(index, {"type": "flat", "metric": "inner_product"})


def load(path: Path, meta: dict, dense: np.ndarray) -> FaissVectors:
    return FaissVectors(read_faiss(path), meta)

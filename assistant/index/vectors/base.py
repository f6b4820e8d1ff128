"""What a vector backend offers, and the FAISS plumbing the FAISS backends share.

Public API: `VectorIndex`, `FaissVectors`, `read_faiss`, `add_in_blocks`, `training_sample`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

__all__ = ["FaissVectors", "VectorIndex", "add_in_blocks", "read_faiss", "training_sample"]


class VectorIndex(Protocol):
    """Nearest passages to a unit vector by inner product; `meta` goes into the manifest."""

    meta: dict

    def search(self, q: np.ndarray, k: int) -> np.ndarray:
        """Rows of the k nearest vectors, best first."""
        ...

    def save(self, path: Path) -> None: ...


class FaissVectors:
    """A FAISS index searched as is."""

    def __init__(self, index, meta: dict) -> None:
        self.index = index
        self.meta = meta

    def search(self, q: np.ndarray, k: int) -> np.ndarray:
        _, ids = self.index.search(np.ascontiguousarray(q.reshape(1, -1), dtype=np.float32), k)
        return ids[0][ids[0] >= 0]

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))


def bulk_threads() -> None:
    """Building is bulk work: every core (search sets one thread, see `read_faiss`)."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)


def add_in_blocks(index, dense: np.ndarray) -> None:
    """In blocks, so a memory-mapped matrix is never copied whole."""
    for start in range(0, len(dense), 100_000):
        index.add(np.ascontiguousarray(dense[start : start + 100_000], dtype=np.float32))


def training_sample(dense: np.ndarray, size: int) -> np.ndarray:
    n = len(dense)
    rows = np.sort(np.random.default_rng(0).choice(n, size=min(n, size), replace=False))
    return np.ascontiguousarray(dense[rows], dtype=np.float32)


def read_faiss(path: Path):
    """Memory-mapped where the type allows."""
    import faiss

    # One query at a time: FAISS's OpenMP threads would only spin against torch's.
    faiss.omp_set_num_threads(1)
    try:
        return faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
    except RuntimeError:
        return faiss.read_index(str(path))

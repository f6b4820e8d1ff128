"""Inverted lists over full vectors (FAISS `IndexIVFFlat`): about 4·sqrt(n) lists, 32 probed.
The default from 50,000 to 2,000,000 passages."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant.index.vectors.base import FaissVectors, add_in_blocks, bulk_threads, read_faiss, training_sample

__all__ = ["NPROBE", "build", "load", "n_lists"]

NPROBE = 32


def n_lists(n: int) -> int:
    return int(4 * np.sqrt(n))


def build(dense: np.ndarray) -> FaissVectors | None:
    """None when there are too few passages to train the lists (a point per centroid)."""
    import faiss

    n, d = dense.shape
    nlist = n_lists(n)
    if n < nlist or nlist < 1:
        return None
    bulk_threads()
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
    sample = training_sample(dense, 40 * max(nlist, 256))
    index.train(sample)
    add_in_blocks(index, dense)
    index.nprobe = NPROBE
    return FaissVectors(index, {"type": "ivf_flat", "metric": "inner_product", "nlist": nlist, "nprobe": NPROBE,
                                "trained_on": len(sample)})


def load(path: Path, meta: dict, dense: np.ndarray) -> FaissVectors:
    import faiss

    index = read_faiss(path)
    faiss.extract_index_ivf(index).nprobe = meta["nprobe"]
    return FaissVectors(index, meta)

"""The passage and sentence tables of one generation, as arrays, and their files.

Public API: `Tables`, `load_tables`, `save_tables`.  Only the index package reads these names.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

__all__ = ["Tables", "load_tables", "save_tables"]


@dataclass
class Tables:
    """Row-aligned arrays; passages are grouped by document, sentences too."""

    passage_doc: np.ndarray       # (n,) int32   document row of each passage
    passage_span: np.ndarray      # (n, 2) int64 character span in the document text
    passage_sent: np.ndarray      # (n, 2) int64 range of the passage's sentences in the sentence table
    sentence_doc: np.ndarray      # (m,) int32
    sentence_span: np.ndarray     # (m, 2) int64
    dense: np.ndarray             # (n, d) float32 passage vectors (L2-normalised)
    sentence_vectors: np.ndarray  # (m, d) float16
    bm25_terms: np.ndarray        # (t,) int32 stemmed BM25 terms of every passage, ids into the vocabulary
    bm25_offsets: np.ndarray      # (n+1,) int64 where each passage's terms start

    def __len__(self) -> int:
        return len(self.passage_doc)


def _file(name: str) -> str:
    return f"{name}.npy"


def save_tables(tables: Tables, directory: Path) -> None:
    for f in fields(Tables):
        np.save(directory / _file(f.name), getattr(tables, f.name), allow_pickle=False)


def load_tables(directory: Path) -> Tables:
    """Memory-mapped (nothing is read until used); ValueError/OSError on a damaged file."""
    return Tables(**{f.name: np.load(directory / _file(f.name), mmap_mode="r", allow_pickle=False)
                     for f in fields(Tables)})

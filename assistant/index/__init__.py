"""The index: everything about how a collection is stored and read back.

Nothing outside this package knows its file layout.  `Index` is read by behaviour (documents,
passages, their sentences, vector search with an optional row filter, BM25 scores); `DiskIndex` is
one generation on disk and `MemoryIndex` the same interface in memory.  `build_index` writes a
generation (plan -> embed -> write -> publish); vector backends are chosen by `vectors.BACKENDS`.
"""

from __future__ import annotations

from pathlib import Path

from assistant.index.builder import BuildReport, build_index, current_index
from assistant.index.errors import StoreError
from assistant.index.layout import FORMAT_VERSION, current_generation, index_lock
from assistant.index.memory import MemoryIndex
from assistant.index.reader import DiskIndex, Index, PassageRef, index_arithmetic, open_index
from assistant.index.vectors import INDEX_TYPES

__all__ = ["FORMAT_VERSION", "INDEX_TYPES", "BuildReport", "DiskIndex", "Index", "MemoryIndex", "PassageRef",
           "StoreError", "build_index", "current_generation", "current_index", "index_arithmetic", "index_exists", "index_lock",
           "open_index"]


def index_exists(index_dir: Path | str) -> bool:
    """Whether `index_dir` has a live generation (a damaged pointer counts as one: opening it
    reports the damage with the repair command)."""
    try:
        return current_generation(Path(index_dir)) is not None
    except StoreError:
        return True

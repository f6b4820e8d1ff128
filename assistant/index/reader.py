"""Reading an index by behaviour: documents, passages, their sentences, vector and BM25 search.

Public API: `Index` (the interface search, claims, evaluation and the UI use), `DiskIndex` (one
generation on disk, memory-mapped), `PassageRef`, `open_index`.  `MemoryIndex` (memory.py)
implements the same interface in memory.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.index.documents import DocumentTable
from assistant.index.errors import StoreError
from assistant.index.layout import current_generation, read_manifest, verify_files
from assistant.index.lexical import Bm25
from assistant.index.tables import Tables, load_tables
from assistant.index.vectors import VectorIndex, load_vectors
from assistant.ingest import Document

__all__ = ["DiskIndex", "Index", "PassageRef", "open_index"]


@dataclass(frozen=True)
class PassageRef:
    """Where a passage stands: its row, its document's row and its character span there."""

    row: int
    doc: int
    start: int
    end: int


class Index:
    """Behaviour over the tables; subclasses supply the documents and the two search backends."""

    tables: Tables
    doc_ids: list[str]
    # How the passages' vectors were made ("fp32", "bf16", "int8"; None where unknown): a question
    # is embedded the same way, since vectors of two arithmetics differ a little in every direction.
    arithmetic: str | None = None

    # -- supplied by subclasses ------------------------------------------------------------

    def document(self, doc: int) -> Document:
        raise NotImplementedError

    @property
    def doc_titles(self) -> list[str]:
        raise NotImplementedError

    def _vectors(self) -> VectorIndex:
        raise NotImplementedError

    def _bm25(self) -> Bm25:
        raise NotImplementedError

    # -- documents -------------------------------------------------------------------------

    def __len__(self) -> int:
        """Passages in the index."""
        return len(self.tables)

    @property
    def n_documents(self) -> int:
        return len(self.doc_ids)

    @functools.cached_property
    def _doc_rows(self) -> dict[str, int]:
        return {d: i for i, d in enumerate(self.doc_ids)}

    def doc_row(self, doc_id: str) -> int | None:
        return self._doc_rows.get(doc_id)

    def documents(self) -> Iterator[Document]:
        for i in range(self.n_documents):
            yield self.document(i)

    @functools.cached_property
    def _doc_passage_start(self) -> np.ndarray:
        # Passages are stored grouped by document: the first passage row of each document.
        return np.searchsorted(np.asarray(self.tables.passage_doc), np.arange(self.n_documents + 1))

    # -- passages --------------------------------------------------------------------------

    def passage(self, row: int) -> PassageRef:
        s, e = (int(x) for x in self.tables.passage_span[row])
        return PassageRef(int(row), int(self.tables.passage_doc[row]), s, e)

    def passage_text(self, row: int) -> str:
        p = self.passage(row)
        return self.document(p.doc).text[p.start : p.end]

    def passage_docs(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Document row of each passage in `rows` (all passages when None)."""
        return np.asarray(self.tables.passage_doc if rows is None else self.tables.passage_doc[rows])

    def passage_rows(self, doc_rows: list[int]) -> np.ndarray:
        """Rows of every passage of these documents."""
        starts = self._doc_passage_start
        rows = [np.arange(starts[d], starts[d + 1]) for d in doc_rows]
        return np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)

    def passage_vectors(self, rows: np.ndarray | None = None) -> np.ndarray:
        """float32 vectors of `rows` (all passages when None)."""
        dense = self.tables.dense
        return np.asarray(dense if rows is None else dense[rows], dtype=np.float32)

    # -- sentences -------------------------------------------------------------------------

    def passage_sentences(self, row: int) -> range:
        a, b = (int(x) for x in self.tables.passage_sent[row])
        return range(a, b)

    def sentence_ranges(self, rows: np.ndarray) -> np.ndarray:
        """(len(rows), 2) start and end sentence row of each passage in `rows`."""
        return np.asarray(self.tables.passage_sent[rows])

    def document_sentences(self, doc: int) -> range:
        a, b = int(self._doc_passage_start[doc]), int(self._doc_passage_start[doc + 1])
        if b <= a:
            return range(0)
        return range(int(self.tables.passage_sent[a, 0]), int(self.tables.passage_sent[b - 1, 1]))

    def sentence_span(self, row: int) -> tuple[int, int]:
        s, e = self.tables.sentence_span[row]
        return int(s), int(e)

    def sentence_text(self, row: int) -> str:
        s, e = self.sentence_span(row)
        return self.document(int(self.tables.sentence_doc[row])).text[s:e]

    def sentence_vectors(self, rows: np.ndarray | range) -> np.ndarray:
        """float32 vectors of sentence `rows` (gathered: the table may hold millions of rows)."""
        if isinstance(rows, range):
            return np.asarray(self.tables.sentence_vectors[rows.start : rows.stop], dtype=np.float32)
        return np.asarray(self.tables.sentence_vectors[rows], dtype=np.float32)

    # -- search ----------------------------------------------------------------------------

    def vector_search(self, q: np.ndarray, k: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Rows of the k passages nearest to the unit vector q, best first; with `rows`, among those
        only, scored exactly (an approximate backend's probes could miss a small filtered set)."""
        if rows is None:
            return self._vectors().search(q, min(k, len(self)))
        return rows[np.argsort(-(self.passage_vectors(rows) @ q), kind="stable")[:k]]

    def bm25_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every passage for the stemmed query `tokens`."""
        return self._bm25().scores(tokens)

    def terms_starting(self, prefix: str) -> list[str]:
        """The stemmed BM25 terms of the passages that begin with `prefix` ("overdosag" of "overdos")."""
        return self._bm25().terms_starting(prefix)

    def idf(self, tokens: list[str]) -> np.ndarray:
        """How rare each stemmed token is among the passages (BM25's inverse document frequency)."""
        return self._bm25().idf(tokens)

    def warm_up(self) -> None:
        """Open the search backends now rather than on the first question."""
        self._vectors()
        self._bm25()


class DiskIndex(Index):
    """One generation on disk (read-only, memory-mapped)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.manifest = read_manifest(directory)
        try:
            self._documents = DocumentTable(directory)
            self.tables = load_tables(directory)
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            raise StoreError(f"index file damaged in {directory} ({exc})") from exc
        # Ids and titles come from the manifest (same order as documents.jsonl): opening a large
        # collection reads no document text.
        self.doc_ids: list[str] = list(self.manifest["documents"])
        self.arithmetic = self.manifest["model"].get("precision")
        if len(self.tables.passage_doc) != len(self.tables.dense) or len(self._documents) != len(self.doc_ids):
            raise StoreError(f"index tables disagree in {directory}")
        self._vector_index: VectorIndex | None = None
        self._lexical: Bm25 | None = None

    # Built on first use: opening the index (and so starting the app) does not wait for them.
    @functools.cached_property
    def doc_titles(self) -> list[str]:
        return [m["title"] for m in self.manifest["documents"].values()]

    @functools.cached_property
    def doc_sha256(self) -> list[str]:
        return [m["sha256"] for m in self.manifest["documents"].values()]

    def document(self, doc: int) -> Document:
        return self._documents[doc]

    def verify(self) -> list[str]:
        """Names of files whose checksum differs from the manifest (empty when all are intact)."""
        return verify_files(self.directory, self.manifest)

    def _vectors(self) -> VectorIndex:
        if self._vector_index is None:
            self._vector_index = load_vectors(self.directory / "faiss.index", self.manifest["index"], self.tables.dense)
        return self._vector_index

    def _bm25(self) -> Bm25:
        if self._lexical is None:
            self._lexical = Bm25.load(self.directory, len(self))
        return self._lexical


def index_arithmetic(index_dir: Path | str) -> str | None:
    """The arithmetic the live index in `index_dir` was embedded in (`Index.arithmetic`); None when
    there is no readable index, so that a first build uses this machine's choice."""
    try:
        gen = current_generation(Path(index_dir))
        return read_manifest(gen)["model"].get("precision") if gen is not None else None
    except (StoreError, OSError, KeyError, TypeError, ValueError):
        return None


def open_index(index_dir: Path) -> DiskIndex:
    """The live index in `index_dir`; StoreError with the repair command if absent or damaged."""
    index_dir = Path(index_dir)
    gen = current_generation(index_dir) if index_dir.exists() else None
    if gen is None:
        raise StoreError(f"no index at {index_dir}: run `assistant index --index-dir {index_dir}`")
    try:
        return DiskIndex(gen)
    except StoreError as exc:
        raise StoreError(f"{exc}; repair with `assistant index --rebuild --index-dir {index_dir}`") from exc

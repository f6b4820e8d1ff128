"""An index held in memory, built the way a generation on disk is built: for tests of search logic
and for small collections that need no files.

Public API: `MemoryIndex`.
"""

from __future__ import annotations

from assistant import config
from assistant.config import ChunkingParams
from assistant.embedding import Encoder
from assistant.index.builder import BuildReport, assemble, embed_plan, plan_build
from assistant.index.lexical import Bm25
from assistant.index.reader import Index
from assistant.index.vectors import VectorIndex, build_vectors
from assistant.ingest import Document

__all__ = ["MemoryIndex"]


class MemoryIndex(Index):
    """`documents` chunked, embedded and indexed (exact vectors, BM25) without touching disk."""

    def __init__(self, documents: list[Document], encoder: Encoder,
                 chunking: ChunkingParams = config.DEFAULT_CHUNKING) -> None:
        report = BuildReport()
        plans = plan_build(documents, None, encoder, chunking, report)
        embed_plan(plans, encoder, chunking, report)
        self.tables, vocab = assemble(plans, [], encoder.dim)
        self._docs = list(documents)
        self.doc_ids = [d.doc_id for d in documents]
        self.arithmetic = encoder.arithmetic
        self._vector_index: VectorIndex = build_vectors(self.tables.dense, "flat")
        self._lexical = Bm25.in_memory(self.tables.bm25_terms, self.tables.bm25_offsets, vocab)

    @property
    def doc_titles(self) -> list[str]:
        return [d.title for d in self._docs]

    def document(self, doc: int) -> Document:
        return self._docs[doc]

    def _vectors(self) -> VectorIndex:
        return self._vector_index

    def _bm25(self) -> Bm25:
        return self._lexical

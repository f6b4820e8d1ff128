"""What ingestion produces: `Document`s with page spans, and one `IngestEntry` per input for the report.

Public API: `Document`, `PageSpan`, `IngestEntry`, `IngestStatus`, `IngestError`, `LoadResult`, `content_sha256`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Document", "IngestEntry", "IngestError", "IngestStatus", "LoadResult", "PageSpan", "content_sha256"]

# Bumped when cleaning changes, so the content hash (and the index) notices.
LOADER_VERSION = 1

IngestStatus = Literal["ok", "skipped"]

@dataclass(frozen=True)
class PageSpan:
    """Characters [start, end) of the document text came from PDF page `page` (1-based)."""

    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    source: str
    sha256: str
    pages: tuple[PageSpan, ...] = ()

    def page_range(self, start: int, end: int) -> tuple[int, ...]:
        """Pages that characters [start, end) fall on; empty for documents without pages."""
        return tuple(p.page for p in self.pages if p.start < end and start < p.end)




@dataclass
class IngestEntry:
    """One line of the ingest report."""

    source: str
    status: IngestStatus
    reason: str = ""
    doc_id: str = ""
    chars: int = 0
    passages: int = 0
    note: str = ""

    def line(self) -> str:
        if self.status == "ok":
            extra = f"; {self.note}" if self.note else ""
            return f"ok       {self.source}: {self.passages} passages, {self.chars} characters{extra}"
        return f"skipped  {self.source}: {self.reason}"


class IngestError(Exception):
    """A file that cannot become a document; the message is the reason shown to the user."""



@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    report: list[IngestEntry] = field(default_factory=list)


def content_sha256(data: bytes) -> str:
    """The content hash an index keys a document by: its bytes and the loader version."""
    h = hashlib.sha256(data)
    h.update(f"loader-v{LOADER_VERSION}".encode())
    return h.hexdigest()

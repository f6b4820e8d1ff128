"""What ingestion produces: `Document`s with page spans, and one `IngestEntry` per input for the report.

Public API: `Document`, `PageSpan`, `SectionSpan`, `IngestEntry`, `IngestStatus`, `IngestError`, `LoadResult`, `content_sha256`.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["DECLARATIONS_HEADING", "Document", "IngestEntry", "IngestError", "IngestStatus", "LoadResult", "PageSpan",
           "REFERENCES_HEADING", "SectionSpan", "content_sha256"]

# Bumped when cleaning changes, so the content hash (and the index) notices.
LOADER_VERSION = 182

IngestStatus = Literal["ok", "skipped"]

# A heading that opens a document's reference list.
REFERENCES_HEADING = re.compile(r"^(\d+\.?\s*)?(references|bibliography|literature cited|works cited|reference list)$", re.I)
# A heading of a paper's declarations after its text: who did, paid for and thanks whom, and what
# they declare (the sections journals require of every paper, not a finding of this one).
DECLARATIONS_HEADING = re.compile(
    r"^(\d+\.?\s*)?(acknowledge?ments?|funding( statement| sources?| information)?|sources? of funding|"
    r"competing (financial )?interests?( statement)?|conflicts? of interests?( statement)?|declarations?( of "
    r"(competing )?interests?)?|disclosures?|disclaimer|authors?[’']?s?[’']? (contributions?|details|information)|"
    r"contributors?|corresponding author|publisher[’']?s note|provenance and peer review)\W*$", re.I)

@dataclass(frozen=True)
class PageSpan:
    """Characters [start, end) of the document text came from page `page` (1-based) of a PDF, or
    of text paged by form feeds."""

    start: int
    end: int
    page: int
    label: str = ""  # the page number the page prints, where it differs from `page`


@dataclass(frozen=True)
class SectionSpan:
    """Characters [start, end) of the document text sit under the headings `path` (outermost first)."""

    start: int
    end: int
    path: tuple[str, ...]


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    source: str
    sha256: str
    pages: tuple[PageSpan, ...] = ()
    sections: tuple[SectionSpan, ...] = ()
    # The file it was read from on this machine: the source viewer renders and serves it. Never
    # shown to clients, who see `source`.
    path: str = ""
    # What a reference to it needs beyond the title, where the file states it.
    authors: tuple[str, ...] = ()
    year: str = ""
    doi: str = ""

    def __post_init__(self) -> None:
        if any(b.start < a.end for a, b in zip(self.sections, self.sections[1:])):
            raise ValueError(f"{self.doc_id}: sections must be in text order and must not overlap")

    def page_range(self, start: int, end: int) -> tuple[int, ...]:
        """Pages that characters [start, end) fall on, in order; empty for documents without pages."""
        return tuple(sorted({p.page for p in self.pages if p.start < end and start < p.end}))

    def page_label(self, page: int) -> str:
        """The number page `page` prints ("2292" for the PDF's second page), else `str(page)`."""
        return next((p.label for p in self.pages if p.page == page and p.label), str(page))

    def in_references(self, offset: int) -> bool:
        """Whether the character at `offset` is part of the reference list."""
        path = self.section_at(offset)
        return bool(path) and REFERENCES_HEADING.match(path[0]) is not None

    def declarations_at(self, offset: int) -> str:
        """The heading of the declarations section (`DECLARATIONS_HEADING`) the character at
        `offset` sits in, at any depth ("Paper › Acknowledgements"), or ""."""
        return next((h for h in reversed(self.section_at(offset)) if DECLARATIONS_HEADING.match(h)), "")

    def section_at(self, offset: int) -> tuple[str, ...]:
        """The headings the character at `offset` sits under; () outside any section."""
        # Sections are in text order and never overlap, so the last one starting at or before
        # `offset` is the only candidate (a long PDF has thousands, asked once per sentence).
        i = bisect.bisect_right(self._section_starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i].path
        return ()

    def opens_section(self, offset: int) -> bool:
        """Whether the text at `offset` is the first under its section's heading (an FAQ's answer
        under its question, an abstract's first line under "Conclusions")."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        if i < 0 or offset >= self.sections[i].end or not self.sections[i].path:
            return False
        section = self.sections[i]
        return self.text[section.start : offset].rstrip().endswith(section.path[-1].strip())

    def headings_opening(self, start: int, end: int) -> list[str]:
        """The headings of the sections that open in characters [start, end), innermost each."""
        lo, hi = bisect.bisect_left(self._section_starts, start), bisect.bisect_left(self._section_starts, end)
        return [s.path[-1] for s in self.sections[lo:hi] if s.path]

    @functools.cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]




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

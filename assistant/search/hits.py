"""What a search returns: `Hit`s with their `Highlight`, and how a location is written.

Public API: `Hit`, `Highlight`, `location_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

__all__ = ["Highlight", "Hit", "location_text"]


def location_text(start: int, end: int, pages: Sequence[int] = ()) -> str:
    """"p. 3, chars 120-480", "pp. 5-6, chars ..." or "chars ..." for documents without pages."""
    where = f"chars {start}-{end}"
    if not pages:
        return where
    return f"p. {pages[0]}, {where}" if len(pages) == 1 else f"pp. {pages[0]}-{pages[-1]}, {where}"


@dataclass(frozen=True)
class Highlight:
    text: str
    start: int  # offsets in the document text
    end: int


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    doc_id: str
    title: str
    source: str
    start: int
    end: int
    page: int | None
    text: str
    highlight: Highlight
    pages: tuple[int, ...] = ()

    def to_dict(self) -> dict:
        """The JSON form: exactly rank, score, doc_id, title, source, start, end, page, text, highlight."""
        d = asdict(self)
        d.pop("pages")
        d["score"] = round(float(self.score), 6)
        return d

    @property
    def location(self) -> str:
        return location_text(self.start, self.end, self.pages)

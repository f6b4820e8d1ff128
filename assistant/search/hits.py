"""What a search returns: `Hit`s with their `Highlight`, and how a location is written.

Public API: `Hit`, `Highlight`, `location_text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

__all__ = ["Highlight", "Hit", "location_text"]


def location_text(start: int, end: int, pages: Sequence[int] = (), page_label: str = "") -> str:
    """"p. 3, chars 120-480", "pp. 5-6, chars ...", "p. 2292 (PDF p. 2), chars ..." where the page
    prints another number than its place in the file, or "chars ..." for documents without pages.
    Pages that print one number are one page ("p. 7 (PDF pp. 7-10)": a slide shown in steps)."""
    where = f"chars {start}-{end}"
    if not pages:
        return where
    index = f"{pages[0]}" if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
    prefix = "p." if len(pages) == 1 else "pp."
    if page_label and page_label != index:
        printed = "pp." if len(pages) > 1 and "-" in page_label else "p."
        return f"{printed} {page_label} (PDF {prefix} {index}), {where}"
    return f"{prefix} {index}, {where}"


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
    section: tuple[str, ...] = ()  # the headings the passage sits under, outermost first
    page_label: str = ""  # the page number(s) printed on the page(s), e.g. "2292" or "147-148"
    probability: float = 0.0  # calibrated probability that the passage holds the answer
    match: str = ""  # that probability in words: "strong match", "partial match", "weak match"

    def to_dict(self) -> dict:
        """The JSON form: rank, score, doc_id, title, source, start, end, page (the PDF page, or
        [first, last] for a passage that spans pages; null without pages), page_label (the printed
        page number or range; null without pages), section ("Methods › Participants", "" when none),
        text, highlight, probability (calibrated: that the passage holds the answer), match (it in
        words)."""
        pages = self.pages
        page = None if not pages else pages[0] if len(pages) == 1 else [pages[0], pages[-1]]
        label = self.page_label or (None if not pages else str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}")
        return {"rank": self.rank, "score": round(float(self.score), 6), "doc_id": self.doc_id, "title": self.title,
                "source": self.source, "start": self.start, "end": self.end, "page": page, "page_label": label,
                "section": " › ".join(self.section), "text": self.text, "highlight": asdict(self.highlight),
                "probability": round(self.probability, 4), "match": self.match}

    @property
    def location(self) -> str:
        return location_text(self.start, self.end, self.pages, self.page_label)

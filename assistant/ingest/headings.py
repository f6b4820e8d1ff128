"""Section paths for documents whose headings are marked up (Markdown `#`, HTML `<h1>`–`<h6>`):
`TextRead`, what a text reader hands the loader, and `section_spans`, which finds the headings in
the cleaned text and gives every character the path of headings it sits under.

Public API: `TextRead`, `section_spans`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.model import SectionSpan
from assistant.text import collapse_spaces, normalize_unicode

__all__ = ["TextRead", "section_spans"]


@dataclass(frozen=True)
class TextRead:
    """A text file as read: its text, title, a decoding note, its headings (level 1-6, text) in
    order, and what it states about itself."""

    text: str
    title: str = ""
    note: str = ""
    headings: tuple[tuple[int, str], ...] = ()
    authors: tuple[str, ...] = ()
    year: str = ""
    doi: str = ""


def _norm(text: str) -> str:
    return collapse_spaces(normalize_unicode(text)).strip()


def section_spans(text: str, headings: tuple[tuple[int, str], ...], title: str = "") -> tuple[SectionSpan, ...]:
    """Spans of `text` under each heading, found in order as whole lines; the document's title
    (a heading that repeats it) opens no section.  A heading cleaning removed is skipped."""
    found: list[tuple[int, int, str]] = []  # (line start, level, heading)
    pos = 0
    for level, heading in headings:
        h = _norm(heading)
        if not h or h.casefold() == _norm(title).casefold():
            continue
        m = re.compile(rf"^[ \t]*{re.escape(h)}[ \t]*$", re.M).search(text, pos)
        if m:
            found.append((m.start(), level, h))
            pos = m.end()
    spans, stack = [], []
    for i, (start, level, h) in enumerate(found):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, h))
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        if end > start:
            spans.append(SectionSpan(start, end, tuple(x for _, x in stack)))
    return tuple(spans)

"""A PDF's outline (its bookmarks): the sections the author's tools wrote down, with their levels
and pages, matched to the lines that print them.

Public API: `OutlineEntry`, `read_outline`, `OutlineMatcher`.

Where a PDF has an outline it names the sections more reliably than fonts and sizes do: a heading
set in the body font, or in the same size as the title page's lines, is still in it. Entries whose
page cannot be resolved, or whose title is printed on no line near that page (a file name left by
a merge tool), are never used.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["OutlineEntry", "OutlineMatcher", "read_outline"]


@dataclass(frozen=True)
class OutlineEntry:
    level: int  # 1 is the top level, as the PDF counts
    title: str
    page: int  # 1-based index in the file


def _page_of(document, target, page_ids: dict[int, int]) -> int | None:
    """The page a destination points to: an explicit one ([page, /XYZ ...]), a named one, or a
    dictionary holding one under /D; None when it cannot be resolved."""
    from pdfminer.pdftypes import PDFObjRef, resolve1
    from pdfminer.psparser import PSLiteral

    for _ in range(4):  # names resolve to arrays or dictionaries; never loop on a cyclic file
        target = resolve1(target)
        if isinstance(target, (bytes, str, PSLiteral)):
            try:
                target = document.get_dest(target.name if isinstance(target, PSLiteral) else target)
            except Exception:  # a name the file does not define
                return None
        elif isinstance(target, dict):
            target = target.get("D")
        elif isinstance(target, list) and target and isinstance(target[0], PDFObjRef):
            return page_ids.get(target[0].objid)
        else:
            return None
    return None


def read_outline(document, page_ids: dict[int, int]) -> list[OutlineEntry]:
    """The outline of a pdfminer `PDFDocument`, in its order, keeping the entries whose page is
    known; `page_ids` maps page object ids to page numbers. Empty when the file has none."""
    from pdfminer.pdftypes import resolve1

    try:
        items = list(document.get_outlines())
    except Exception:  # no outline, or a damaged one: the layout still gives the headings
        return []
    entries = []
    for level, title, dest, action, _ in items:
        if dest is None and action is not None:
            action = resolve1(action)
            if isinstance(action, dict) and getattr(action.get("S"), "name", None) == "GoTo":
                dest = action.get("D")
        page = _page_of(document, dest, page_ids) if dest is not None else None
        if page is not None and isinstance(title, str) and _key(title):
            entries.append(OutlineEntry(int(level), " ".join(title.split()), page))
    return entries


# A section number, after a label word when there is one: "2.1", "IV.", "Appendix A", "Chapter 3:".
_NUMBERING = re.compile(r"^\s*(?:[A-Z][a-z]+\s+)?(?:(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*[.:]?|§)\s+")


def _words(text: str) -> str:
    return _NUMBERING.sub("", unicodedata.normalize("NFKC", text))


def _key(text: str) -> str:
    """Letters and digits only, case-folded, after any section number: "2.1 Animals" and
    "Animals", "Authors’ contributions" and "Authors' contributions" are one key."""
    return "".join(ch for ch in _words(text).casefold() if ch.isalnum())


def _starts_lower(text: str) -> bool:
    return next((ch.islower() for ch in _words(text) if ch.isalpha()), False)


# An outline title cut short by the writing tool ("Selective innervation of NK1 receptor–lacking la")
# still names a heading that starts with it, when it is this long.
_TRUNCATED = 30
_UNKNOWN = "\0"
# A heading set on two lines: its first line must be this share of the title at least.
_FIRST_LINE = 0.3


def _alike(key: str, title: str) -> bool:
    """The same key, or one glyph apart in a long one: the outline spells "Aδ" where the page's
    symbol font gave "Ad"."""
    if key == title:
        return True
    return len(title) >= 12 and len(key) == len(title) and sum(a != b for a, b in zip(key, title)) <= 1


class OutlineMatcher:
    """Tells, line by line in reading order, which lines print an outline entry. An entry is looked
    for on its page and the next (a heading at a page's foot is often linked to the next page's
    top); each entry is used once, so a title repeated ("Methods" in the abstract and in the text)
    goes to the line on its page."""

    def __init__(self, entries: list[OutlineEntry]) -> None:
        top = min((e.level for e in entries), default=1)
        self._pending = [(e, _key(e.title), e.level - top) for e in sorted(entries, key=lambda e: e.page)]
        # What the heading begun on the line before has still to print: _UNKNOWN after a title
        # the outline cut short.
        self._rest = ""

    def heading(self, text: str, page: int, nxt: str | None) -> int | None:
        """The level (0 the highest) when this line is, or begins, an outline heading; `nxt` is
        the line after it in its box, if any."""
        self._rest = ""
        key = _key(text)
        if not key:
            return None
        near = [i for i, (e, _, _) in enumerate(self._pending) if page - 1 <= e.page <= page]
        for i in sorted(near, key=lambda i: self._pending[i][0].page != page):
            entry, title, level = self._pending[i]
            if _starts_lower(text) and not _starts_lower(entry.title):
                continue  # the end of a sentence wrapped onto its own line ("randomisation.")
            if _alike(key, title):
                rest = ""
            elif len(title) >= _TRUNCATED and len(key) > len(title) and _alike(key[:len(title)], title):
                rest = _UNKNOWN
            elif title.startswith(key) and len(key) >= _FIRST_LINE * len(title) and not text.rstrip().endswith((".", ",", ";")) \
                    and (nxt is None or title[len(key):].startswith(_key(nxt) or "\0")):
                rest = title[len(key):]
            else:
                continue
            del self._pending[i]
            self._rest = rest
            return level
        return None

    def continues(self, text: str) -> bool:
        """Whether this line may carry on the heading the line before began (the caller checks
        that it is set in the same style)."""
        key = _key(text)
        if key and self._rest == _UNKNOWN:
            return True
        if key and self._rest.startswith(key):
            self._rest = self._rest[len(key):]
            return True
        self._rest = ""
        return False

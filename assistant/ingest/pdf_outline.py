"""A PDF's outline (its bookmarks): the sections the author's tools wrote down, with their levels
and pages, matched to the lines that print them.

Public API: `OutlineEntry`, `PlacedLine`, `read_outline`, `outline_lines`, `outline_key`.

Where a PDF has an outline it names the sections more reliably than fonts and sizes do: a heading
set in the body font, or in the same size as the title page's lines, is still in it. Entries whose
page cannot be resolved, or whose title is printed on no line near that page (a file name left by
a merge tool), are never used.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["OutlineEntry", "PlacedLine", "outline_key", "outline_lines", "read_outline"]


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
        if page is not None and isinstance(title, str) and outline_key(title):
            title = _LATEX_OPTION.sub("", _utf8_read_as_pdfdoc(title))
            entries.append(OutlineEntry(int(level), " ".join(w for w in title.split() if not _spilled(w)), page))
    return entries


# A macro's optional argument that LaTeX wrote into a bookmark as text, glued to the word it sets
# ("Applying the [functioncolor]sva function": the page prints "Applying the sva function"); the
# entry then matched no printed line and headed its page with the leaked name.
_LATEX_OPTION = re.compile(r"\[[a-z]{4,}\](?=\S)")


SPILLED_SIGNS = 8  # signs in a word without letters past which it is a macro's definition, not a title's


def _spilled(word: str) -> bool:
    """Whether a word of a bookmark is a macro's expansion that LaTeX wrote into it as text: a
    section title naming code wrote TeX's special characters' list ("I set =2```̃`'`.=`?=`!=`:=`
    digits.sec=3"), which then matched no printed line and headed its page so."""
    return len(word) >= SPILLED_SIGNS and sum(c.isalnum() for c in word) <= 1


@lru_cache(maxsize=1)
def _pdfdoc_codes() -> dict[str, int]:
    """PDFDocEncoding's byte for each character it reads as."""
    from pdfminer.utils import PDFDocEncoding

    return {char: code for code, char in enumerate(PDFDocEncoding)}


def _utf8_read_as_pdfdoc(title: str) -> str:
    """A title whose bytes are UTF-8 but were read as PDFDocEncoding ("SpÃ©cificitÃ©"), as
    tools write it that leave out the byte-order mark (or write PDF 2.0's UTF-8 one, which
    pdfminer does not know), read as UTF-8; any other title as it is. Bytes that are not valid
    UTF-8 (a real "é" is one byte in PDFDocEncoding) are left as read."""
    if title.isascii():
        return title
    codes = _pdfdoc_codes()
    try:
        return bytes(codes[char] for char in title).decode("utf-8").removeprefix("\ufeff")
    except (KeyError, UnicodeDecodeError):
        return title


# A section number, after a label word when there is one: "2.1", "IV.", "Appendix A", "Chapter 3:".
_NUMBERING = re.compile(r"^\s*(?:[A-Z][a-z]+\s+)?(?:(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*[.:]?|§)\s+")


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    # A section number may stand before a numbered label, and an outline may write only the label:
    # the page prints "4.6 Step 2: Generate template files" where the entry says "Step 2: Generate
    # template files". Both lose both.
    return _NUMBERING.sub("", _NUMBERING.sub("", text, count=1), count=1)


def outline_key(text: str) -> str:
    """A title as outline entries and the lines that print them are compared: letters and digits
    only, case-folded, after any section number: "2.1 Animals" and "Animals", "Authors’
    contributions" and "Authors' contributions" are one key."""
    return "".join(ch for ch in _words(text).casefold() if ch.isalnum())


def _starts_lower(text: str) -> bool:
    return next((ch.islower() for ch in _words(text) if ch.isalpha()), False)


# An outline title cut short by the writing tool ("Selective innervation of NK1 receptor–lacking la")
# still names a heading that starts with it, when it is this long.
_TRUNCATED = 30
# A heading set on two lines: its first line must be this share of the title at least.
_FIRST_LINE = 0.3


def _alike(key: str, title: str) -> bool:
    """The same key, or one glyph apart in a long one: the outline spells "Aδ" where the page's
    symbol font gave "Ad"."""
    if key == title:
        return True
    return len(title) >= 12 and len(key) == len(title) and sum(a != b for a, b in zip(key, title)) <= 1


@dataclass(frozen=True)
class PlacedLine:
    """A line of the document in reading order, with the page it is on and whether it opens its box."""

    text: str
    page: int
    style: tuple[str, float]  # font and size
    first_in_box: bool


def _printed(lines: list[PlacedLine], keys: list[str], i: int, title: str, body: tuple[str, float]) -> list[int] | None:
    """The lines, from line `i` on, that print `title` (a key; `keys` are the lines'): the line
    alone; or its start when the outline cut the title short, with the lines after it in its style;
    or a heading set on several lines, each carrying on the title, in its style or in another set
    larger than the text (`body`: font and size), as a name in a typewriter face ends "5 Adjusting
    for surrogate variables using the" over "f.pvalue function". None when line `i` does not print it."""
    line = lines[i]
    key = keys[i]
    if not key:
        return None
    if _alike(key, title):
        return [i]
    if len(title) >= _TRUNCATED and len(key) > len(title) and _alike(key[:len(title)], title):
        out = [i]
        while out[-1] + 1 < len(lines) and lines[out[-1] + 1].style == line.style and len(out) < 4 \
                and not lines[out[-1] + 1].first_in_box:
            out.append(out[-1] + 1)
        return out
    if not (title.startswith(key) and len(key) >= _FIRST_LINE * len(title)) or line.text.rstrip().endswith((".", ",", ";")):
        return None
    out, rest = [i], title[len(key):]
    while rest:
        j = out[-1] + 1
        nxt = keys[j] if j < len(lines) and (lines[j].style == line.style or lines[j].style[1] > body[1]) else ""
        if not nxt or not rest.startswith(nxt):
            return None
        out.append(j)
        rest = rest[len(nxt):]
    return out


def outline_lines(entries: list[OutlineEntry], lines: list[PlacedLine], body: tuple[str, float]) -> dict[int, tuple[int, bool]]:
    """Which lines print the outline's entries: line index -> (level, 0 the highest; whether it
    opens the heading, or carries on the one the line before opened).

    An entry is looked for on its page and the next (a heading at a page's foot is often linked to
    the next page's top). Of the lines that print its title, the one that looks most like a heading
    wins: on its page, set otherwise than the body text (`body`: font and size), opening its box,
    then the first in reading order; so a table's row label "Physical activity" on the same page
    does not take the section's heading. Each line serves one entry, so a title repeated
    ("Methods" in the abstract and in the text) goes to the line on its page."""
    top = min((e.level for e in entries), default=1)
    keys = [outline_key(ln.text) for ln in lines]
    lower = [_starts_lower(ln.text) for ln in lines]
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_page.setdefault(ln.page, []).append(i)
    taken: dict[int, tuple[int, bool]] = {}
    # Every entry is looked for on its own page first, and only then on the next: the abstract's
    # "Background" (a run-in label, printed on no line of its own) must not take the next page's.
    found: set[int] = set()
    for shift in (0, 1):
        for n, entry in sorted(enumerate(entries), key=lambda ne: ne[1].page):
            if n in found:
                continue
            title, title_lower = outline_key(entry.title), _starts_lower(entry.title)
            best: tuple[tuple[bool, bool, int], list[int]] | None = None
            for i in by_page.get(entry.page + shift, []):
                line = lines[i]
                if i in taken or (lower[i] and not title_lower):
                    continue  # the end of a sentence wrapped onto its own line ("randomisation.")
                printed = _printed(lines, keys, i, title, body)
                if printed is None or any(j in taken for j in printed):
                    continue
                rank = (line.style == body, not line.first_in_box, i)
                if best is None or rank < best[0]:
                    best = (rank, printed)
            if best is not None:
                found.add(n)
                for k, j in enumerate(best[1]):
                    taken[j] = (entry.level - top, k == 0)
    return taken

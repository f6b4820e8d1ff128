"""PDF files as a person reads them: paragraphs in reading order, headings and their sections,
tables and captions as blocks of their own, page furniture left out, printed page numbers kept.

Public API: `pdf_document`.

The layout (boxes, lines, fonts) comes from `pdf_layout`; the words are repaired by `words`. The
document text is the blocks joined by blank lines; `Document.pages` and `Document.sections` map
its characters back to pages and headings.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.ingest.clean import BULLET, guess_title, is_byline, is_date, meaningful_title, title_parts
from assistant.ingest.model import REFERENCES_HEADING, Document, IngestError, PageSpan, SectionSpan
from assistant.ingest.pdf_layout import (
    CAPTION,
    Box,
    Line,
    PageLayout,
    baseline_rows,
    furniture,
    is_slide_deck,
    page_text_size,
    printed_page_numbers,
    read_layout,
    text_style,
    typewriter_fonts,
)
from assistant.ingest.pdf_outline import OutlineEntry, PlacedLine, outline_key, outline_lines
from assistant.ingest.reference import find_doi, split_authors, year_of
from assistant.ingest.words import Vocabulary, join_lines, repair_line
from assistant.text import RELEASE_NOTE, UNFINISHED_WORDS, ends_unfinished, normalize_unicode, same_text

__all__ = ["pdf_document"]

_SENTENCE_END = re.compile(r"[.!?:]['\")\]’”]*$")
# A section's number before its name: Roman numerals or a capital letter with a full stop, or
# arabic numbers as deep as they go ("II. MATH", "A. Multiline equations", "2.1 Template Styles").
_HEADING_NUMBER = re.compile(r"^(?:([IVX]+)\.|([A-Z])\.|(\d+(?:\.\d+)*)\.?)\s+\S")


@dataclass
class _Block:
    # "heading", "body", "code" (lines in a typewriter font), "aside" (tables, captions, footnotes),
    # "table" (a ruled table's rows)
    kind: str
    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # the page of each line
    level: int = 0  # headings: 0 is the highest
    section: bool = False  # a heading that opens a section (not a banner or a title line)
    outline: bool = False  # a heading the PDF's outline names
    back_matter: bool = False  # a heading of the back matter in small print: a top-level section whatever the outline says
    # A heading no later heading goes under: a reference list's or the back matter's (a chapter's
    # references, or a guideline page's, end where the next heading begins, whatever its level).
    leaf: bool = False
    printed: bool = True  # False for an outline entry no line prints, heading its page's text (no type style to compare)
    style: tuple[str, float] = ("", 0.0)  # headings: the font and size it is set in
    geometry: list[Line] = field(default_factory=list)  # asides: the lines with their place on the page
    boxes: list[Box] = field(default_factory=list)  # asides: the boxes those lines came in
    references: bool = False  # asides: set in the reference list's section
    # Text after a paper's abstract set in small print, at the text's size again with no heading
    # between: the abstract's section ends before it, and it stands under no heading.
    after_abstract: bool = False


@dataclass(frozen=True)
class _Style:
    body_font: str
    body_size: float
    heading_sizes: tuple[float, ...]
    section_styles: frozenset[tuple[str, float]] = frozenset()  # heading styles that recur on two pages or more
    typewriter_fonts: frozenset[str] = frozenset()  # code, never headings
    # ids of lines (`_side_by_side`) set beside another line of their style: a table's header row
    side_by_side: frozenset[int] = frozenset()
    # The reference list's heading's style where it is small print (`_small_print_heading`)
    small_print_heading: tuple[str, float] | None = None
    # ids of boxes (`_grid_cells`) that are a table's cells set at the text's size
    grid_cells: frozenset[int] = frozenset()
    numbered_styles: frozenset[tuple[str, float]] = frozenset()  # `_numbered_styles`
    slides: bool = False  # `is_slide_deck`
    # On slides, each page's own text size (`page_text_size`, by page number - 1): a presentation
    # program shrinks a full slide's text to fit, so small print is told from it
    slide_text_sizes: tuple[float, ...] = ()


def _kept(pages: list[PageLayout], skip: set[tuple[int, int]]) -> Iterator[tuple[PageLayout, Box]]:
    """The boxes in reading order that are not furniture (`skip`: page and box indexes), with their page."""
    for pi, page in enumerate(pages):
        for bi, box in enumerate(page.boxes):
            if (pi, bi) not in skip:
                yield page, box


# A description list's entry: a name in lower case, of one word (a parameter's: "error_desc"), then a
# colon and its description.
_TERM_LABEL = re.compile(r"[a-z_][\w.]*:\s+\S")
# The most a paragraph's line stands below the one before it, in the size it is set in.
_LINE_SPACING = 1.8


# A parameter's or a keyword's name alone, in lower case (argparse's "nargs", "metavar", "dest"
# headings): one word of three letters or more.
_LOWER_NAME = re.compile(r"[a-z][a-z0-9]{2,}")
# A program's name: one word holding an underscore, a dot, a colon or a capital after its first
# letter ("asn1_create_element", "os.cpus()", "readFile").
_IDENTIFIER = re.compile(r"[a-z_]\w*(?:[_.:]\w+|[A-Z]\w*)+(?:\(\S*\))?|[a-z]\w*_\w*")


# Where a reference list's entry gives its journal's volume and pages, "2017;27(11):1341-1346",
# "Comp. Appl. Biosci., 6:373–381, 1990." (a line set mostly in the journal's italics), or its
# authors' year: "Cameron AC, Trivedi PK (2005). Microeconometrics: ..." (a book's title in italics).
_CITED_WORK = re.compile(r"\b(?:19|20)\d{2}\s*;\s*\d+(?:\s*\([\w–-]+\))?\s*:\s*[eE]?\d+|"
                         r"\b\d{1,4}(?:\s*\([\w–-]+\))?\s*:\s*[eE]?\d+\s*[–-]\s*[eE]?\d+\b(?=.*\b(?:19|20)\d{2}\b)|"
                         r"\((?:19|20)\d{2}[a-z]?\)\.")


# A reference list entry's number: "[12] ", "12. ".
_ENTRY_MARK = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s")
_FIRST_LINE_WORDS = 6  # the fewest words of a paragraph's first line set apart from the rest (`_left_unfinished`)
# A heading's mark that it goes on from the page before: "(cont.)", "(continued)", "— cont'd".
_CONTINUED = re.compile(r"\s*(?:\(\s*(?:cont(?:inued|\.|['’]d)?)\s*\)|[—–-]\s*cont(?:inued|\.|['’]d))\s*$", re.I)


_ABSTRACT_LABEL = re.compile(r"abstract[.:]?", re.I)
_FAR_LARGER = 1.3  # a line set this many times the text's size is a heading or a title, never a table's cell
NUMBERED_HEADING_WORDS, NUMBERED_HEADING_CHARS = 30, 240  # the most of a numbered heading in a numbered style


# How font names say bold, italic or slanted: "Times-Bold", "NimbusRomNo9L-Medi", "Helvetica-Oblique",
# TeX's "CMBX10", "CMTI10", "CMSL10" and the EC fonts' "SFBX0900", "SFTI1000".
_EMPHASIS_FONT = re.compile(r"bold|medi|semibold|demi|black|heavy|ital|oblique|-it$|\w(?:bx|ti|sl)\d", re.I)


def _is_heading(line: Line, nxt: Line | None, style: _Style, opens_box: bool = True) -> bool:
    """A short line, not a sentence, set larger than the text or in another font than the text's
    (but not in a typewriter font: that is code), nor a reference list's entry (`_CITED_WORK`) or
    a software manual's release note, set in italics on a line of its own (`RELEASE_NOTE`: it
    dates what is above it)."""
    text = line.text
    words = text.split()
    # A numbered heading in the style of two numbered headings or more may be a question of a FAQ
    # ("5. Why does lag give slightly different results on a "zoo" and a "zooreg" series which
    # are otherwise the same?"), longer than any other heading.
    numbered = (line.font, line.size) in style.numbered_styles and _HEADING_NUMBER.match(text) is not None
    most_words, most_chars = (NUMBERED_HEADING_WORDS, NUMBERED_HEADING_CHARS) if numbered else (14, 120)
    if _code_line(line, style) or id(line) in style.side_by_side or not words or len(words) > most_words \
            or len(text) > most_chars or CAPTION.match(text) or BULLET.match(text) or _CITED_WORK.search(text) \
            or _ADDRESS_LINE.match(text) or RELEASE_NOTE.match(text):
        return False
    # A line that starts in lower case goes on from the line before, unless it opens its box set
    # far larger than the text, or larger and naming nothing but a program's name: an API's
    # headings are its names ("path.basename(path[, suffix])", a Texinfo manual's
    # "asn1_create_element" over its signature line, which is set in a typewriter font, argparse's
    # "nargs").
    lower_heading = opens_box and (line.size >= style.body_size * _FAR_LARGER
                                   or (line.size >= style.body_size * 1.1 and (_IDENTIFIER.fullmatch(text) is not None
                                                                              or _LOWER_NAME.fullmatch(text) is not None)))
    # A heading names something in words; an equation's line set in its own fonts ("Ei =", "E = m c2",
    # a lone variable "X") names nothing.
    # A line broken at a hyphen goes on, unless set far larger than the text: a heading wrapped
    # onto a box of its own ("2 The penalized least squares approach to lin-" / "ear mixed models").
    broken = text.endswith((",", ";")) or (text.endswith("-") and line.size < style.body_size * _FAR_LARGER)
    # Two brackets left open is a formula's line ("E[n−1/2 xi[Ni(exp(x"); a heading wrapped onto the
    # next line leaves one at most.
    broken = broken or sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}") >= 2
    if (text[0].islower() and not lower_heading) or broken or "=" in text \
            or sum(c.isalpha() for c in text) < 2 or ends_unfinished(text) or _formula(text):
        return False
    if line.size < style.body_size * 0.88 or (nxt is not None and nxt.text[:1].islower()):
        return False
    if line.size < style.body_size - 0.05 and not _EMPHASIS_FONT.search(line.font):
        return False  # set smaller than the text, a heading is bold or italic: a listing's "1 ⟨∗package⟩" in 9 pt sans is none
    if line.run_in and line.size < style.body_size * 1.1:
        return False  # a run-in label at the text's size ("Since: 2.0"); a larger one is a heading ("Class: dns.Resolver")
    if line.size < style.body_size * 1.1 and _WORD_OF_THREE.search(text) is None and _HEADING_NUMBER.match(text) is None \
            and not _JOINED_INITIALS.search(text):
        return False  # a bold symbol of a display at the text's size ("Ak", a genotype "Aa") names nothing in words
    if line.size >= style.body_size * 1.1:
        return True
    if line.font == style.body_font:
        return False
    if text.endswith(".") and len(words) > 6 and not numbered:
        return False  # a sentence; a numbered heading in its style may close with a full stop ("2.15. What about ... feature.")
    return nxt is None or nxt.font == style.body_font or nxt.size != line.size


def _code_line(line: Line, style: _Style) -> bool:
    """Whether a line is set mostly in a typewriter font, unless numbered in another: a section's
    heading may name a function, "2. Using Rcpp.package.skeleton" with its number and first word
    in the headings' font (it had run into the text as a line of it)."""
    if line.font not in style.typewriter_fonts:
        return False
    # the number and a word: a list item's "6. as(m, "generalMatrix")" is code, its number aside
    worded = _NUMBERED_WORD.match(line.text) is not None
    return not (worded and any(f not in style.typewriter_fonts for f in line.fonts))


_NUMBERED_WORD = re.compile(r"\d+(?:\.\d+)*\.?\s+[A-Z][a-z]+\s")


# A web address alone on its line, an arrow or a mark before it (a printed page's link under its
# note, "→ https://www.debian.org/social_contract.html"): it names no section.
_ADDRESS_LINE = re.compile(r"^\W{0,3}(?:https?://|www\.)\S+$", re.I)

# A word of three letters or more: a heading names something in words.
_WORD_OF_THREE = re.compile(r"[^\W\d_\u0370-\u03ff]{3,}|[\u0370-\u03ff]{3,}")  # of one script: "ZΛθ" is symbols


# A function's name applied to what it holds: "COV(" of "COV(xi, xj)", "exp(" (not "f()" alone).
_APPLIED = re.compile(r"[^\W\d_]+\((?!\))")

# Initials joined into a word: "I/O", "Q&A", "R&D".
_JOINED_INITIALS = re.compile(r"\b[A-Z][/&][A-Z]\b")


def _formula(text: str) -> bool:
    """A display equation's line without its "=" ("B ∼ N (0, Σ)", "− (∂g1/∂η)", "Λθ", "f(y1, x1)", "LL′P",
    "COV(xi, xj)."): no word of three letters or more but a function's name applied, and a
    mathematical symbol, a Greek letter, a prime or a function applied."""
    return _WORD_OF_THREE.search(_APPLIED.sub("(", text)) is None and (
        any(unicodedata.category(c) == "Sm" or "\u0370" <= c <= "\u03ff" or c in "′″‴" for c in text)
        or re.search(r"[^\W\d_]\(", text) is not None)


def _wrapped_heading(lines: tuple[Line, ...], i: int, style: _Style) -> bool:
    """Whether line `i` and the next are one heading wrapped onto a second line that goes on in
    lower case, after a hyphen or after a word a phrase does not end on ("1. Induction of
    myelodysplasia by myeloid-derived suppressor" / "cells.", "... Survival and" / "Tumor
    Growth"): both in one style set apart from the text's, the two read as a heading, and the
    lines before and after them (if any) in another style."""
    if i + 1 >= len(lines):
        return False
    line, nxt = lines[i], lines[i + 1]
    after = lines[i + 2] if i + 2 < len(lines) else None
    goes_on = nxt.text[:1].islower() or line.text.endswith("-") or line.text.split()[-1].lower() in UNFINISHED_WORDS
    if (nxt.font, nxt.size) != (line.font, line.size) or not goes_on:
        return False
    before = lines[i - 1] if i else None
    if (line.font == style.body_font and line.size < style.body_size * 1.1) or any(
            other is not None and (other.font, other.size) == (line.font, line.size) for other in (before, after)):
        return False  # a title or a paragraph set large runs on over more lines
    joined = replace(line, text=line.text + ("" if line.text.endswith("-") else " ") + nxt.text, x1=max(line.x1, nxt.x1))
    return _is_heading(joined, after, style, i == 0)


_SMALL_PRINT = 0.93  # set this much smaller than the text: small print (a table, a footnote)


def _is_aside(box: Box, style: _Style, page: int = 0) -> bool:
    """Set smaller than the text (tables, footnotes, captions), or starting with a caption label.
    On slides the text is the slide's own where that is set smaller than the deck's (PowerPoint's
    two-column slide shrinks its lists to fit: read as small print, they were one table of rows)."""
    body = style.body_size
    if 0 < page <= len(style.slide_text_sizes) and style.slide_text_sizes[page - 1] > 0:
        body = min(body, style.slide_text_sizes[page - 1])
    chars = sum(len(ln.text) for ln in box.lines)
    small = sum(len(ln.text) for ln in box.lines if ln.size < body * _SMALL_PRINT)
    return small > chars / 2 or bool(CAPTION.match(box.lines[0].text))


def _paragraph_breaks(box: Box) -> list[bool]:
    """Before each line, whether a new paragraph starts: after a short line that ends a sentence,
    at a run-in label after a short line ("Returns:" set bold after a line of code ending in ";"),
    at an indented line, or where the type size changes by a third (a title set at 24 pt over its
    authors' names at 11 pt, in one box)."""
    out = [False]
    width = box.x1 - box.x0
    for prev, line in zip(box.lines, box.lines[1:]):
        short = prev.x1 < box.x1 - 0.15 * width and (_SENTENCE_END.search(prev.text) is not None or line.run_in)
        indented = line.x0 > box.x0 + 0.8 * line.size and prev.x0 <= box.x0 + 0.3 * line.size
        resized = max(prev.size, line.size) > 1.33 * min(prev.size, line.size)
        out.append(short or (indented and _SENTENCE_END.search(prev.text) is not None) or bool(BULLET.match(line.text))
                   or resized)
    return out


# Punctuation a program's line has and a name, a word or an address has not.
_PROGRAM_MARK = re.compile(r"[(){}\[\];=<>]")


class _Assembler:
    """Boxes in reading order to blocks: a paragraph broken by a column or page end continues
    after it, and the tables or figures that interrupt it follow it."""

    def __init__(self, style: _Style, outline: dict[int, tuple[int, bool]]) -> None:
        self.style = style
        self.outline = outline  # `_outline_headings`: id of a line -> (level, whether it opens its heading)
        self.blocks: list[_Block] = []
        self.open: _Block | None = None  # a body paragraph that has not ended its sentence
        self.deferred: list[_Block] = []
        self.tail: tuple[Line, Box] | None = None  # the last body line added, and its box
        self.small_print = False  # inside a back-matter section set in small print: its text is prose
        self.item: Line | None = None  # the bulleted line that opened the open paragraph, if one did
        self.references = False  # inside the reference list's section
        self.slide: int | None = None  # on slides, the page whose title has been read
        self.heading_line: tuple[Line, int] | None = None  # the last heading's last line, and its page
        # An "Abstract" label set smaller than the text was read (its abstract is small print too),
        # and whether a line of that small print has been since: the text at its size then ends it.
        self.abstract: tuple[bool, bool] = (False, False)

    def add_unprinted(self, title: str, level: int, page: int) -> None:
        """An outline entry that no line prints, heading the text of the page it points to."""
        self._close()
        self.blocks.append(_Block("heading", [title], [page], level, section=True, outline=True, printed=False))

    def _close(self) -> None:
        if self.open is not None:
            self.blocks.append(self.open)
            self.open = None
        self.blocks.extend(self.deferred)
        self.deferred = []

    def _typed(self, line: Line) -> bool:
        """Whether the line is set wholly in a typewriter font (or in several of its family's faces,
        bold or italic: a signature's module, name and arguments)."""
        families = {f.split("-")[0] for f in self.style.typewriter_fonts}
        typed = line.one_font or (bool(line.fonts) and all(f.split("-")[0] in families for f in line.fonts))
        return typed and line.font in self.style.typewriter_fonts

    def _below_text(self, box: Box, page: int) -> bool:
        """Whether `box` stands wholly below the last line of text read, or on a later page."""
        if self.tail is None or self.open is None or page != self.open.pages[-1]:
            return True
        return box.y1 <= self.tail[0].y0 + 0.5 * self.tail[0].size

    def _is_code(self, line: Line, nxt: Line | None, listing: bool = False) -> bool:
        """A program's line, which stays a line in a block of its own (joined as a paragraph's,
        "{ // s is not valid here" ran on into "let s = ..."): set wholly in a typewriter font, and
        neither inside a sentence still open ("... means to load" / "/usr/share/mime/text/html.xml, and")
        unless it is in a `listing` (a box of two lines or more, all typed: Sweave's "For example,"
        over a displayed call), nor one that a line in words carries on ("Returns: ASN1_SUCCESS if
        ... if str is" / "not a valid OID"), or that ends in a hyphen."""
        if not self._typed(line) or line.text.endswith("-"):
            return False
        if self.open is not None and self.open.kind == "body" and not _SENTENCE_END.search(self.open.lines[-1]) \
                and not listing:
            return False
        return nxt is None or nxt.font in self.style.typewriter_fonts or not nxt.text[:1].islower()

    def _body_line(self, line: Line, page: int, new_paragraph: bool, nxt: Line | None = None, listing: bool = False) -> None:
        code = self._is_code(line, nxt, listing)
        if self.open is not None and (new_paragraph or code != (self.open.kind == "code")):
            self._close()
        if self.open is None:
            self._close()
            self.open = _Block("code" if code else "body")
            self.item = line if BULLET.match(line.text) or (self.references and _ENTRY_MARK.match(line.text)) else None
        small, read = self.abstract
        if small and read and not self.open.lines and line.size >= self.style.body_size - 0.05:
            self.open.after_abstract = True
            self.abstract = (False, False)
        self.open.lines.append(line.text)
        self.open.pages.append(page)

    def add_table(self, box: Box, page: int) -> None:
        """A ruled table's rows (`Box.table`), a line each, after the paragraph it stands in; a
        table the page before ended with goes on (a word processor's table over a page break)."""
        into = self.deferred if self.open is not None else self.blocks
        last = into[-1] if into else None
        if last is None or last.kind != "table" or last.pages[-1] != page - 1:
            last = _Block("table")
            into.append(last)
        last.lines.extend(ln.text for ln in box.lines)
        last.pages.extend([page] * len(box.lines))

    def add_box(self, box: Box, page: int) -> None:
        if REFERENCES_HEADING.match(box.lines[0].text.strip()):
            # The reference list opens a top-level section whatever its heading looks like.
            self._close()
            self.blocks.append(_Block("heading", [box.lines[0].text], [page], 0, section=True, outline=True, leaf=True,
                                      style=(box.lines[0].font, box.lines[0].size)))
            self.small_print = False
            self.references = True
            if len(box.lines) == 1:
                return
            box = replace(box, lines=box.lines[1:])
        if self._opens_small_print_section(box):
            self._close()
            line = box.lines[0]
            self.blocks.append(_Block("heading", [line.text], [page], 0, section=True, back_matter=True, leaf=True,
                                      style=(line.font, line.size)))
            box = replace(box, lines=box.lines[1:])
            self.small_print = True
        # On slides, a line standing alone that prints an outline entry heads a section however
        # small it is set: a deck's navigation bar prints the current section's name in small type
        # over every slide. (Elsewhere such small print is a running head, an index letter.)
        names_section = self.style.slides and len(box.lines) == 1 and id(box.lines[0]) in self.outline
        if self._repeats_section(box) or self._abstract_label(box, page):
            return  # the bar again on the section's next slides, or a paper's "Abstract" label
        self._note_abstract_print(box)
        if (_is_aside(box, self.style, page) and not names_section and not (self.small_print and not CAPTION.match(box.lines[0].text))
                and not (self._next_item(box) or self._hangs(box.lines[0]) or self._small_heading(box))) or (
                id(box) in self.style.grid_cells and self._in_table(page)):
            self._add_aside(box, page)
            return
        breaks = _paragraph_breaks(box)
        # Two lines or more all typed, below the text before, one with a program's punctuation (not
        # a table's column of names, nor addresses a sentence gives)
        listing = (len(box.lines) >= 2 and all(self._typed(ln) for ln in box.lines) and self._below_text(box, page)
                   and any(_PROGRAM_MARK.search(ln.text) for ln in box.lines))
        first_body = True
        wrapped_onto: int | None = None  # the line a heading just read went on to
        for i, line in enumerate(box.lines):
            if i == wrapped_onto:
                continue
            nxt = box.lines[i + 1] if i + 1 < len(box.lines) else None
            if (i == 0 and self._ends_heading(line, page)) or self._heads(line, page, i):
                first_body = False
                continue
            wrapped = _wrapped_heading(box.lines, i, self.style)
            if (wrapped or _is_heading(line, nxt, self.style, i == 0)) and not self._entry_goes_on(line) and (
                    i == 0 or breaks[i] or _SENTENCE_END.search(box.lines[i - 1].text) or _is_heading(box.lines[i - 1], line, self.style)):
                self._add_heading(box.lines[i : i + 2] if wrapped else (line,), page,
                                  i > 0 and _is_heading(box.lines[i - 1], line, self.style))
                wrapped_onto = i + 1 if wrapped else None
                continue
            if first_body and self.open is not None:
                # A new box: the open paragraph goes on only when this box continues its sentence.
                # A box opening with a name and a colon is a description list's next entry
                # ("definitions: return the pointer ..." under "array: specify the array ..."), not
                # the rest of the sentence above it, whatever its case; in a reference list a
                # title goes on so ("... during the swine flu" / "outbreak: cross sectional survey").
                starts_lower = ((line.text[:1].islower() and not (_TERM_LABEL.match(line.text) and not self.references))
                                or self.open.lines[-1].endswith("-") or self._runs_on(line)
                                or self._hangs(line) or self._left_unfinished(line, page))
                same_kind = self._is_code(line, nxt, listing) == (self.open.kind == "code")
                # After a sentence's end, a box set at another size is no column's next line but a
                # name over what follows (a Texinfo manual's "asn1_der_decoding" over its signature).
                resized = abs(line.size - self.style.body_size) > 0.1 * self.style.body_size
                ended = resized and _SENTENCE_END.search(self.open.lines[-1]) is not None
                # A line set letter-spaced is a label ("abstract", "article info"), no sentence's rest.
                if starts_lower and not breaks[i] and same_kind and not ended and not line.tracking:
                    self.open.lines.append(line.text)
                    self.open.pages.append(page)
                    self.tail = (line, box)
                    first_body = False
                    continue
                self._close()
            first_body = False
            self._body_line(line, page, breaks[i] and i > 0, nxt, listing)
            self.tail = (line, box)

    def _note_abstract_print(self, box: Box) -> None:
        """Notes a box of the small print under an "Abstract" label set small (`abstract`)."""
        if self.abstract[0] and box.lines[0].size < self.style.body_size - 0.05:
            self.abstract = (True, True)

    def _abstract_label(self, box: Box, page: int) -> bool:
        """Whether `box` is a paper's "Abstract" label alone on its line, set no larger than the text
        (a JSS paper sets it as small as its abstract), and if so adds it as a section's heading that
        no later heading goes under: read as text, it was the first word of the abstract's first
        sentence, and the highlight opened "Abstract This vignette is ...". One set larger is a
        heading by its looks."""
        line = box.lines[0]
        if len(box.lines) > 1 or not _ABSTRACT_LABEL.fullmatch(line.text.strip()) or line.size >= self.style.body_size * 1.1 \
                or id(line) in self.outline:
            return False  # an outline's entry is read as the outline says
        self._close()
        self.blocks.append(_Block("heading", [line.text], [page], 0, section=True, leaf=True, style=(line.font, line.size)))
        self.abstract = (line.size < self.style.body_size - 0.05, False)
        return True

    def _entry_goes_on(self, line: Line) -> bool:
        """Whether `line`, in the reference list, is the rest of an entry rather than a heading: set
        at the text's size, in no style of numbered headings (an entry's journal name in italics, a
        box of its own: "American Statistical Association, 89, 190–200." had opened a section, and
        the entries after it stood outside the list)."""
        return self.references and line.size < self.style.body_size * 1.1 \
            and (line.font, line.size) not in self.style.numbered_styles

    def _small_heading(self, box: Box) -> bool:
        """Whether `box` is a heading alone on its line in a heading style found on two pages or more
        (`_Style.section_styles`) set a little smaller than the text, and numbered or in the style of
        numbered headings (`_Style.numbered_styles`): a journal may set its headings in 9 pt bold
        over 10 pt text ("B. Citations and References", "ACKNOWLEDGMENTS"), which `_is_aside` would
        take for a footnote. Otherwise such a line is as often a table's label ("Continued", "Pilot
        trial") or note."""
        line = box.lines[0]
        return len(box.lines) == 1 and (line.font, line.size) in self.style.section_styles \
            and (_HEADING_NUMBER.match(line.text) is not None or (line.font, line.size) in self.style.numbered_styles) \
            and _is_heading(line, None, self.style)

    def _next_item(self, box: Box) -> bool:
        """Whether `box` opens the next item of the list being read, its bullet under the open
        item's: an item set mostly in code, smaller than the text ("• options <Object>" of an API's
        printed page), is no aside, which had been read after the item above it (nor is its line at
        the hanging indent, `_hangs`)."""
        first = box.lines[0]
        return (self.open is not None and self.open.kind == "body" and self.item is not None
                and BULLET.match(first.text) is not None and abs(first.x0 - self.item.x0) <= 0.5 * first.size)

    def _in_table(self, page: int) -> bool:
        """Whether the region read last is a table or figure region of this page (opened by its
        caption), which a table's cells set at the text's size go on (`_grid_cells`)."""
        into = self.deferred if self.open is not None else self.blocks
        return bool(into) and into[-1].kind == "aside" and into[-1].pages[-1] == page

    def _add_aside(self, box: Box, page: int) -> None:
        """A box of a table, figure or footnote region: with the region's other boxes on its page."""
        into = self.deferred if self.open is not None else self.blocks
        last = into[-1] if into else None
        # A reference list set small in two columns: the second column's entries are no cells
        # beside the first's (read as rows, each left entry's line ran into the right one's).
        next_column = self.references and last is not None and last.kind == "aside" and \
            box.x0 >= max(b.x1 for b in last.boxes)
        if last is None or last.kind != "aside" or last.pages[-1] != page or CAPTION.match(box.lines[0].text) \
                or next_column:
            last = _Block("aside", references=self.references)
            into.append(last)
        last.geometry.extend(box.lines)
        last.boxes.append(box)
        last.pages.extend([page] * len(box.lines))

    def _add_heading(self, lines: tuple[Line, ...], page: int, under_heading: bool) -> None:
        """A heading's lines (one, or two it wraps over); `under_heading` whether the line above
        it in its box reads as a heading too, which it then goes on when set at its level."""
        self._close()
        line = lines[0]
        self.heading_line = (lines[-1], page)
        level = _level(line.size, self.style)
        last = self.blocks[-1] if self.blocks else None
        # A heading goes on in its own font: a contact block's plain lines under its bold name at that size
        # ("Service à la clientèle" over "Téléphone : ...") are no part of it.
        if last is not None and last.kind == "heading" and last.level == level and last.pages[-1] == page and under_heading \
                and last.style == (line.font, line.size):
            last.lines.extend(ln.text for ln in lines)  # a heading set on two lines
            last.pages.extend([page] * len(lines))
        else:
            text = " ".join(ln.text for ln in lines)
            self.blocks.append(_Block("heading", [ln.text for ln in lines], [page] * len(lines), level,
                                      style=(line.font, line.size), section=(line.font, line.size) in self.style.section_styles
                                      and not self._continues_section(text, level)))
        self.small_print = False  # a heading at the text's size ends the back matter
        self.references = False
        self.abstract = (False, False)

    def _ends_heading(self, line: Line, page: int) -> bool:
        """Whether `line`, a new box's first line, is the last heading's wrapped end, and if so adds
        it to the heading: in its style, right under it, going on in lower case ("2. Evanescent vs.
        conventional quadrupole light-matter" / "coupling", set at the hanging indent after the
        number, a box of its own)."""
        if self.open is not None or not self.blocks or self.blocks[-1].kind != "heading" or self.heading_line is None:
            return False
        last, on = self.heading_line
        # after a hyphen, in any font of its size: "3 ... für ta-" / "bular*", the name in a typewriter font
        same_style = line.size == last.size and (line.font == last.font or last.text.endswith("-"))
        if not (on == page and same_style and line.text[:1].islower()
                and 0 <= last.y0 - line.y1 <= 0.8 * line.size and line.x0 >= last.x0 - 0.5 * line.size):
            return False
        self.blocks[-1].lines.append(line.text)
        self.blocks[-1].pages.append(page)
        self.heading_line = (line, page)
        return True

    def _continues_section(self, text: str, level: int) -> bool:
        """Whether a heading repeats the last section heading at its level or above with a mark
        that it goes on ("FASTA version history (cont.)" atop the next page, perhaps set smaller): no
        section of its own, nested under the one it continues."""
        named = _CONTINUED.sub("", text)
        if named == text:
            return False
        last = next((b for b in reversed(self.blocks) if b.kind == "heading" and b.section and b.level <= level), None)
        return last is not None and " ".join(last.lines).strip().casefold() == named.strip().casefold()

    def _opens_small_print_section(self, box: Box) -> bool:
        """Whether the box opens with a heading of the back matter set in small print like the
        reference list's ("Competing interests", "Acknowledgements" over their text at 7.5 pt in a
        journal set at 9.8 pt): a short line in that style, not a sentence, over a line in another
        font. `_is_aside` would take it for a footnote's first line."""
        first = box.lines[0]
        if self.style.small_print_heading != (first.font, first.size) or len(box.lines) < 2:
            return False
        return (len(first.text.split()) <= 6 and first.text[:1].isupper() and not _SENTENCE_END.search(first.text)
                and box.lines[1].font != first.font)

    def _runs_on(self, line: Line) -> bool:
        """Whether the open paragraph runs on into `line`, a new box's first line, whatever its
        case ("... and WHO Trial" at a page's foot, "Portal) for studies ..." atop the next): its
        last line ends in a letter (not a number: a table's row, a contents entry), and it and the line above it in its box are filled to
        the box's right edge, as a wrapped paragraph's lines are (a list's items, a table's rows
        and a one-line box are not), and `line` is set at the same size."""
        if self.tail is None or self.open is None or self.open.kind != "body":
            return False
        last, box = self.tail
        at = next((i for i, ln in enumerate(box.lines) if ln is last), 0)
        if at == 0 or last.text != self.open.lines[-1] or not last.text[-1:].isalpha():
            return False
        return (all(ln.x1 >= box.x1 - ln.size for ln in box.lines[at - 1 : at + 1])
                and abs(line.size - last.size) <= 0.1 * last.size)

    def _left_unfinished(self, line: Line, page: int) -> bool:
        """Whether the open paragraph stopped on a word no sentence ends on ("... to have to prefix
        each operation with") and `line`, a new box's first line at its size and no caption, goes
        on with it whatever its case ("Restriction., so here is ...", a line opening with code), as
        does a paragraph's indented first line standing alone over the rest of it, unless it is a
        list's item or a line of code ("... the same result simply with" over "\\usepackage{color}"):
        on the next page, or on this one a line below. Further down, after "is defined as", a
        formula the text layer lacks stood between them."""
        if (self.tail is None or self.open is None or self.open.kind != "body" or CAPTION.match(line.text)
                or BULLET.match(line.text) or line.font in self.style.typewriter_fonts):
            return False
        last, box = self.tail
        words = self.open.lines[-1].split()
        below = page != self.open.pages[-1] or 0 < last.y0 - line.y0 <= _LINE_SPACING * last.size
        # a paragraph's indented first line of words, a box of its own, over the rest of it at the
        # margin (a manual's "You can also obtain ... (see" over "Section 2.10 [What is CRAN?], page
        # 9)."); not a list's item, nor a line ending in an address, code or a reference's bracket
        first_line = (len(box.lines) == 1 and len(self.open.lines) == 1 and page == self.open.pages[-1]
                      and 0.8 * last.size <= last.x0 - line.x0 <= 3 * last.size and len(words) >= _FIRST_LINE_WORDS
                      and re.search(r"[a-z][,;]?$", words[-1]) is not None and "/" not in words[-1]
                      and not any(BULLET.match(t) or _ENTRY_MARK.match(t) for t in (last.text, line.text)))
        return (bool(words) and (words[-1].lower() in UNFINISHED_WORDS or first_line)
                and abs(line.size - last.size) <= 0.1 * last.size and below)

    def _hangs(self, line: Line) -> bool:
        """Whether `line`, a new box's first line, carries on the open list item at its hanging
        indent ("• <MIME>/XMLnamespaces (contains a mapping from XML pairs to" / "MIME types)"): set
        right under the item's last line, at its size, indented from its bullet by up to a few
        letters, not a bullet of its own, after a line that has not ended its sentence. In the
        reference list an entry's number is its bullet ("[12]", "12."), and its line may end a
        "sentence" anywhere ("... perspective. J." / "Mol. Biol., 219:555-65, 1991.")."""
        if self.item is None or self.tail is None or self.open is None or self.open.kind != "body":
            return False
        last, size = self.tail[0], self.item.size
        indent = line.x0 - self.item.x0
        return (0.3 * size <= indent <= 2.5 * size and abs(line.size - size) <= 0.1 * size
                and 0 <= last.y0 - line.y1 <= 0.6 * size and not BULLET.match(line.text) and not _ENTRY_MARK.match(line.text)
                and (self.references or not _SENTENCE_END.search(last.text)))

    def _heads(self, line: Line, page: int, i: int) -> bool:
        """Whether the line is read as a heading by the outline (`_outline_heading`) or as its
        slide's title (`_slide_title`), the `i`-th line of its box."""
        if self._outline_heading(line, page):
            if line.size >= self.style.body_size * _SMALL_PRINT:
                self.slide = page  # the slide's title is the outline's entry (not a navigation bar's)
            return True
        return self._slide_title(line, page, i)

    def _slide_title(self, line: Line, page: int, i: int) -> bool:
        """On slides, whether the line is its slide's title: the first line of the slide's text,
        set in a heading style that recurs (`section_styles`), a sentence or not ("We can do perfect
        phylogeny haplotyping efficiently, but . . ." heads its slide as the others' titles do)."""
        if not self.style.slides or self.slide == page:
            return False
        self.slide = page
        if i or (line.font, line.size) not in self.style.section_styles or _is_heading(line, None, self.style):
            return False  # a title that reads as a heading is read as one
        self._add_heading((line,), page, False)
        return True

    def _repeats_section(self, box: Box) -> bool:
        """Whether the box is a slide's line of small print that prints the heading of the outline
        section it stands in (the navigation bar over the section's later slides)."""
        if not self.style.slides or len(box.lines) != 1 or not _is_aside(box, self.style):
            return False
        last = next((b for b in reversed(self.blocks) if b.kind == "heading" and b.outline), None)
        return last is not None and outline_key(" ".join(last.lines)) == outline_key(box.lines[0].text)

    def _outline_heading(self, line: Line, page: int) -> bool:
        """Whether the line prints an outline entry, or carries on the one the line before began."""
        if id(line) not in self.outline:
            return False
        level, opens = self.outline[id(line)]
        last = self.blocks[-1] if self.blocks else None
        if not opens and self.open is None and last is not None and last.outline and last.kind == "heading":
            last.lines.append(line.text)
            last.pages.append(page)
            return True
        self._close()
        self.references = False
        self.blocks.append(_Block("heading", [line.text], [page], level, section=True, outline=True, style=(line.font, line.size)))
        return True

    def finish(self) -> list[_Block]:
        self._close()
        blocks = self.blocks = _labels_joined(self.blocks)
        for i, b in enumerate(blocks):
            if b.kind == "heading" and not b.outline and _over_a_caption(blocks, i):
                b.section = False
        _levels_by_number(blocks)
        _numbers_carried_on(blocks)
        _listed_forms_unsectioned(blocks, self.style.body_size)
        if blocks:
            _title_page_lines(blocks, self.style.slides)
        named = [b for b in blocks if b.outline and b.printed]
        if len(named) >= 2:
            # The outline names the sections. A heading found by its looks opens one only when set
            # smaller than any the outline names (a level the outline leaves out), below them all:
            # the others are bylines, index letters, a table of contents.
            # On slides whose outline's lines are set smaller than the text, those lines are the
            # deck's navigation bar rather than headings, and a heading found by its looks (a
            # slide's title) goes under them whatever its size.
            floor, deepest = min(b.style[1] for b in named), max(b.level for b in named)
            navigation = self.style.slides and floor < self.style.body_size * _SMALL_PRINT
            for b in blocks:
                if b.kind == "heading" and not b.outline and not b.back_matter:
                    b.section = b.section and (navigation or b.style[1] < floor - 0.05)
                    b.level += deepest + 1
        return blocks


def _numbers_carried_on(blocks: list[_Block]) -> None:
    """A heading set in a style of its own opens a section where its number is the next after the
    last section's ("2" after "1"): a section naming a function in a typewriter font, "2. Using
    Rcpp.package.skeleton", is set unlike the others, and a style seen once is no section's else."""
    last: tuple[int, ...] | None = None
    for b in blocks:
        if b.kind != "heading" or not b.lines:
            continue
        number = _decimal_number(b.lines[0])
        if not b.section and not b.outline and number is not None and last is not None \
                and len(number) == len(last) and number[:-1] == last[:-1] and number[-1] == last[-1] + 1:
            b.section = True
        if b.section and number is not None:
            last = number


LISTED_FORMS = 3  # lines in a row set like headings at the text's size, past which they are a list


def _listed_forms_unsectioned(blocks: list[_Block], body_size: float) -> None:
    """Lines at the text's size that look like headings (bold, on a line of their own) and stand
    `LISTED_FORMS` or more in a row with no text between them open no sections: they are a list, a
    manual page's forms of a clause ("BEGIN { action }", "BEG_G { action }", ... "END { action }"),
    which had made five empty sections and put the text under them in the last one's."""
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _listed_form(blocks[j], body_size):
            j += 1
        if j - i >= LISTED_FORMS:
            for b in blocks[i:j]:
                b.section = False
        i = max(j, i + 1)


def _listed_form(block: _Block, body_size: float) -> bool:
    return block.kind == "heading" and block.section and not block.outline and len(block.lines) == 1 \
        and 0 < block.style[1] <= body_size + 0.05 and not block.leaf


def _bylines_unsectioned(blocks: list[_Block], authors: tuple[str, ...]) -> list[_Block]:
    """A heading found by its looks that holds nothing but the authors' names the file's metadata
    gives (with "and", commas and affiliation marks), or a date alone, opens no section: LaTeX sets
    the author and date lines under a title larger than the text, and "Achim Zeileis" had headed
    a paper's abstract.  So does one on the first page before the abstract's label: what stands
    between a paper's title and its abstract is its byline ("Douglas Bates Department of Statistics
    University of Wisconsin Madison", where the metadata names no author), and names on the first
    page before any text (`_names_several`)."""
    names = {w.casefold() for a in authors for w in re.findall(r"[^\W\d_]+", a)}
    first = blocks[0].pages[0] if blocks and blocks[0].pages else None
    abstract = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.pages[:1] == [first]
                     and _ABSTRACT_LABEL.fullmatch(" ".join(b.lines).strip())), None)
    for i, b in enumerate(blocks):
        if b.kind != "heading" or b.outline or not b.section:
            continue
        text = " ".join(b.lines)
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
        # the line over the date under a title is its byline, whatever names the metadata gives
        # ("Limma Package Introduction", "Gordon Smyth", "23 October 2004, Revised 21 October 2013")
        dated = i + 1 < len(blocks) and blocks[i + 1].pages[:1] == [first] and is_date(" ".join(blocks[i + 1].lines))
        # names under the title with no text before them: a byline ("Dirk Eddelbuettela and Romain
        # Françoisb", the affiliations' marks glued on, over the affiliations set small)
        leading = b.pages[:1] == [first] and not any(x.kind in ("body", "code") for x in blocks[:i])
        if is_date(text) or (words and set(words) <= names | {"and"} and not set(words) <= {"and"}) \
                or (abstract is not None and i < abstract) or (dated and b.pages[:1] == [first] and is_byline(text)) \
                or (leading and _names_several(text)):
            b.section = False
    return blocks


TITLE_PAGE_WORDS = 20  # words of text in one block, past which a first page (a slide) holds content, not a title
_SENTENCE_WORDS = 5  # words of a sentence a title page holds none of


def _says_something(block: _Block) -> bool:
    """Whether a block of text or small print (an abstract set small) holds a sentence, or words
    enough for one (`TITLE_PAGE_WORDS`)."""
    if block.kind not in ("body", "aside"):
        return False
    text = " ".join(block.lines or [ln.text for ln in block.geometry])
    words = len(text.split())
    return words >= TITLE_PAGE_WORDS or (words >= _SENTENCE_WORDS and _SENTENCE_END.search(text) is not None)


def _title_page_lines(blocks: list[_Block], slides: bool) -> None:
    """A title page's lines set large (a deck's subtitle, the author, the institute, the date) open
    no section where the first page holds no block of text (`TITLE_PAGE_WORDS`) nor an entry of
    the outline: they had made "Ivan Gankevich" and "DD MM YYYY" sections before a deck's first.
    A document's first page is its title page so only where more pages follow and no sentence
    stands on it (a manual's "Peter Hiscocks" and "Department of Electrical and Computer
    Engineering" had been sections of their own over an e-mail address; a chapter's first page
    under "Chapter 1" says something)."""
    first = [b for b in blocks if b.pages and b.pages[0] == blocks[0].pages[0]]
    if any(b.outline or b.kind == "body" and len(" ".join(b.lines).split()) >= TITLE_PAGE_WORDS for b in first):
        return
    if not slides and (len(first) == len(blocks) or any(_says_something(b) for b in first)):
        return
    for b in first:
        if b.kind == "heading" and not b.outline:
            b.section = False


# A book's label over its chapter's title: "Chapter 2" over "Survival curves", "Part II", "Appendix A".
_CHAPTER_LABEL = re.compile(r"(?:Chapter|Part|Appendix|Book|Lecture|Unit)\s+(?:\d+|[IVXLC]+|[A-Z])", re.I)


def _labels_joined(blocks: list[_Block]) -> list[_Block]:
    """A chapter's label heading joined to the title heading right after it, on its page and set
    as large or larger ("Chapter 2 Survival curves"): alone it was a section of the chapter before
    ("Introduction › Chapter 2"), set smaller than that chapter's title, holding nothing."""
    out: list[_Block] = []
    for b in blocks:
        label = out[-1] if out else None
        if (label is not None and label.kind == b.kind == "heading" and len(label.lines) == 1
                and _CHAPTER_LABEL.fullmatch(label.lines[0].strip()) and label.pages[-1] == b.pages[0]
                and b.style[1] >= label.style[1]):
            b.lines, b.pages = label.lines + b.lines, label.pages + b.pages
            out[-1] = b
        else:
            out.append(b)
    return out


def _over_a_caption(blocks: list[_Block], i: int) -> bool:
    """Whether block `i` is followed by nothing but a figure's notes and caption: words drawn in a
    figure read as a heading set large ("Wide Test Figure" over "FIG. 2. Use the figure*
    environment ..."), while a section's heading is followed by its text.  The figure is on the
    heading's page: a heading at a page's foot over a footnote is followed by the next page's
    figures (a paper's "5. Summary" had opened no section)."""
    page = blocks[i].pages[-1] if blocks[i].pages else None
    asides = itertools.takewhile(lambda x: x.kind == "aside" and x.pages[:1] == [page], itertools.islice(blocks, i + 1, None))
    return any(x.geometry and CAPTION.match(x.geometry[0].text) for x in asides)


SUBLEVELS = 8  # the levels numbering tells apart among headings of one size
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _numbering(heading: str) -> tuple[tuple[str, int], int] | None:
    """How a heading is numbered (`_HEADING_NUMBER`), ("roman", 1), ("letter", 1) or ("number", how
    many numbers: 2 for "2.1"), and its number's last value; None when it is not numbered."""
    m = _HEADING_NUMBER.match(heading)
    if m is None:
        return None
    if m.group(3):
        return ("number", m.group(3).count(".") + 1), int(m.group(3).split(".")[-1])
    if m.group(1):
        return ("roman", 1), sum(_ROMAN[c] * (-1 if _ROMAN[c] < _ROMAN.get(n, 0) else 1)
                                 for c, n in zip(m.group(1), m.group(1)[1:] + " "))
    return ("letter", 1), ord(m.group(2))


def _levels_by_number(blocks: list[_Block]) -> None:
    """Nest the headings one size sets by how they are numbered: a journal may set "II. MATH",
    "A. Multiline equations" and "1. Wide equations" in one size. A way of numbering that starts
    over less often is the outer one ("A." again after "C.", "1." after "4."), and one goes under it
    where the outer comes back after it ("II." after "A."); "2.1" goes under "2". A way that never
    gives way back (an appendix's "A." after the last "6.") stays beside the other."""
    by_level: dict[int, list[tuple[int, tuple[str, int], int]]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading" and not b.outline and (numbering := _numbering(b.lines[0])) is not None:
            by_level.setdefault(b.level, []).append((i, *numbering))
    sub: dict[int, int] = {}  # block index -> its depth among its size's headings
    for numbered in by_level.values():
        first: dict[tuple[str, int], int] = {}
        last: dict[tuple[str, int], int] = {}
        value: dict[tuple[str, int], int] = {}
        restarts: Counter[tuple[str, int]] = Counter()
        for n, (_, key, v) in enumerate(numbered):
            first.setdefault(key, n)
            last[key] = n
            restarts[key] += key in value and v <= value[key]
            value[key] = v
        depth: dict[tuple[str, int], int] = {}
        for key in sorted(first, key=lambda k: (restarts[k], first[k])):
            outer = [k for k in depth if last[k] > first[key] or (k[0] == key[0] == "number" and k[1] < key[1])]
            depth[key] = max((depth[k] + 1 for k in outer), default=0)
        sub.update((i, min(depth[key], SUBLEVELS - 1)) for i, key, _ in numbered)
    for i, b in enumerate(blocks):
        if b.kind == "heading" and not b.outline:
            b.level = b.level * SUBLEVELS + sub.get(i, 0)


# An outline entry that names a file rather than a section ("13063_2015_578_CoverPage.pdf", a figure's "x.eps").
_FILE_NAME = re.compile(r"^\S+\.[A-Za-z]\w{1,3}$")


def _outline_headings(entries: list[OutlineEntry], pages: list[PageLayout], skip: set[tuple[int, int]],
                      style: _Style) -> tuple[dict[int, tuple[int, bool]], dict[int, list[tuple[int, str]]]]:
    """The lines that print the outline's entries, by the identity of their `Line` (the assembler
    meets the same objects, while a box it splits renumbers its lines): (level, whether the line
    opens its heading); and by page, the entries (level, title) no line prints on a page where no
    line prints any: they open their page's section (a guideline's flowchart pages, which print
    only a code, "THYR-1", where the outline says "Nodule Evaluation (THYR-1)"). An entry on a page
    with printed headings is a run-in label ("Trial registration" in an abstract) and names none."""
    if not entries:
        return {}, {}
    placed, ids = [], []
    for page, box in _kept(pages, skip):
        for li, ln in enumerate(box.lines):
            placed.append(PlacedLine(ln.text, page.number, (ln.font, ln.size), li == 0))
            ids.append(id(ln))
    taken = outline_lines(entries, placed, (style.body_font, style.body_size))
    printed = {placed[i].page for i in taken}
    titles = {outline_key(placed[i].text) for i in taken}
    top = min(e.level for e in entries)
    unprinted: dict[int, list[tuple[int, str]]] = {}
    # On slides, the part a section belongs to ("Introduction" over "The Model and the Problem")
    # is printed only in the navigation bar with every other part, as furniture.
    part_of: dict[int, int] = {}  # page -> the highest level a line on it prints
    for i, (level, _) in taken.items():
        part_of[placed[i].page] = min(level, part_of.get(placed[i].page, level))
    for e in entries:
        above = style.slides and e.level - top < part_of.get(e.page, 0)
        if (e.page not in printed or above) and not _FILE_NAME.match(e.title) and outline_key(e.title) not in titles:
            unprinted.setdefault(e.page, []).append((e.level - top, e.title))
    return {ids[i]: v for i, v in taken.items()}, unprinted



_LABEL_WORDS = 2  # words of a chapter's label line ("CHAPTER", "ONE")


def _chapter_labels(pages: list[PageLayout], skip: set[tuple[int, int]], named: dict[int, tuple[int, bool]],
                    body_size: float) -> set[tuple[int, int]]:
    """(page index, box index) of the lines that label a chapter over its heading (Sphinx's
    "CHAPTER" over "ONE" over "ABOUT THIS MANUAL"): one or two lines of at most `_LABEL_WORDS`
    words, in the heading's font, no smaller than the text and with no sentence's end, all the page
    holds above a heading that prints one of the outline's top entries (`named`). Read as text, a
    label closed the chapter before ("... the English text prevails. CHAPTER TWO"); the heading
    says which chapter it is. A word and a number ("Chapter 1", `_NUMBERED_LABEL`) stay: the
    heading is read with them ("Chapter 1 The base package"). A line of code that ends a listing
    atop the page is in another font."""
    if not named:
        return set()
    top = min(level for level, _ in named.values())
    out: set[tuple[int, int]] = set()
    for pi, page in enumerate(pages):
        kept = [(bi, b) for bi, b in enumerate(page.boxes) if (pi, bi) not in skip]
        heading = next((b for _, b in kept if named.get(id(b.lines[0]), (None, False)) == (top, True)), None)
        if heading is None:
            continue
        above = [(bi, b) for bi, b in kept if b.y0 > heading.y1]
        if 1 <= len(above) <= 2 and all(
                len(b.lines) == 1 and len(b.text.split()) <= _LABEL_WORDS and b.lines[0].size >= body_size - 0.05
                and b.lines[0].font == heading.lines[0].font and not re.search(r"[.!?:;,]$", b.text.strip())
                for _, b in above) and not _NUMBERED_LABEL.fullmatch(" ".join(b.text.strip() for _, b in above)):
            out.update((pi, bi) for bi, _ in above)
    return out


def _level(size: float, style: _Style) -> int:
    for i, s in enumerate(style.heading_sizes):
        if size >= s - 0.05:
            return i
    return len(style.heading_sizes)


COLUMN_WIDTH = 0.3  # the least share of the page's width of a column of text under a heading (a table's cells are narrower)


def _side_by_side(pages: list[PageLayout], skip: set[tuple[int, int]], body: tuple[str, float]) -> frozenset[int]:
    """Lines set otherwise than the body text that share their baseline with another line of their
    style in another box: the header cells of a table set at the text's size ("Result type",
    "Shorthand method"), which look like headings one by one. A heading stands alone on its line.
    A line that text in another style goes on from, on its baseline, is no cell: a run-in label
    ("Theorem 1." then its statement) or an equation's first symbols, across the gutter from a
    heading of a two-column page ("1. Introduction"). A line set far larger than the text is no
    cell: a poster's boxes side by side head their columns on one baseline ("Introduction",
    "Construction"); nor are two lines each over a paragraph as wide as a column of a two-column
    page (`COLUMN_WIDTH` of the page's width or more: two headings that happen to share a baseline)."""
    by_style: dict[tuple[int, str, float], list[Line]] = {}  # page number, font, size
    by_baseline: dict[tuple[int, int], list[Line]] = {}  # page number, baseline to the nearest 4 points
    boxes: dict[int, list[Box]] = {}  # page number: its boxes
    widths = {page.number: page.width for page in pages}
    for page, box in _kept(pages, skip):
        boxes.setdefault(page.number, []).append(box)
        for ln in box.lines:
            by_baseline.setdefault((page.number, round(ln.y0 / 4)), []).append(ln)
            if (ln.font, ln.size) != body and ln.size < _FAR_LARGER * body[1]:
                by_style.setdefault((page.number, ln.font, ln.size), []).append(ln)

    def runs_on(a: Line, page: int) -> bool:
        near = (c for k in range(-2, 3) for c in by_baseline.get((page, round(a.y0 / 4) + k), ()))
        return any(abs(c.y0 - a.y0) <= 0.3 * a.size and (c.font, c.size) != (a.font, a.size)
                   and 0 <= c.x0 - a.x1 <= 2 * a.size for c in near)

    def heads_column(a: Line, page: int) -> bool:
        # two lines or more right under it, in boxes that start where it starts, as wide as a column
        under = [ln for b in boxes.get(page, ()) if abs(b.x0 - a.x0) <= 0.5 * a.size for ln in b.lines
                 if 0.5 * a.size < a.y0 - ln.y0 <= 4 * a.size]
        return len(under) >= 2 and max(ln.x1 for ln in under) - a.x0 >= COLUMN_WIDTH * widths[page]

    out: set[int] = set()
    for (page, _, _), lines in by_style.items():
        lines = sorted((ln for ln in lines if not runs_on(ln, page)), key=lambda ln: ln.y0)
        for i, a in enumerate(lines):  # the lines within reach of a's baseline follow it
            for b in lines[i + 1:]:
                if b.y0 - a.y0 > 0.3 * a.size:
                    break
                # two headings of a two-column page that happen to share a baseline each head
                # their column's text, no table's narrow cells
                if (a.x1 < b.x0 or b.x1 < a.x0) and not (heads_column(a, page) and heads_column(b, page)):
                    out.update((id(a), id(b)))
    return frozenset(out)


CELL_LINES, CELL_WORDS, CELL_WIDTH = 3, 8, 0.4  # the most lines, words a line and share of the page's width of a cell


def _grid_cells(pages: list[PageLayout], skip: set[tuple[int, int]]) -> frozenset[int]:
    """Boxes that are a table's cells set at the text's size (a web page's or a word processor's
    table printed to PDF, each cell a box of its own, which read one under another: "Individual
    CBT", "16 to 20", "3 to 4 months"): at most `CELL_LINES` short lines in a narrow box, with a line
    on the baseline of a short line of another such box beside it, or of the caption's box (which
    may hold the header's other cells).  They are read as the table's rows when they follow its
    caption (`_Assembler._in_table`)."""
    out: set[int] = set()
    for pi, page in enumerate(pages):
        kept = [b for bi, b in enumerate(page.boxes) if (pi, bi) not in skip]
        small = {id(b) for b in kept if len(b.lines) <= CELL_LINES and b.x1 - b.x0 <= CELL_WIDTH * page.width
                 and all(len(ln.text.split()) <= CELL_WORDS for ln in b.lines)}
        # the short lines of those boxes and of the captions' boxes, by baseline
        lines = sorted(((ln, b) for b in kept if id(b) in small or CAPTION.match(b.lines[0].text)
                        for ln in b.lines if len(ln.text.split()) <= CELL_WORDS), key=lambda lb: lb[0].y0)
        for i, (la, a) in enumerate(lines):  # the lines within reach of la's baseline follow it
            for j in range(i + 1, len(lines)):
                lb, b = lines[j]
                if lb.y0 - la.y0 > 0.3 * la.size:
                    break
                if b is not a and (la.x1 < lb.x0 or lb.x1 < la.x0):
                    out.update(x for x in (id(a), id(b)) if x in small)
    return frozenset(out)


def _heading_styles(pages: list[PageLayout], skip: set[tuple[int, int]], body_font: str,
                    body_size: float, typewriter_fonts: frozenset[str], side_by_side: frozenset[int] = frozenset()
                    ) -> tuple[tuple[float, ...], frozenset[tuple[str, float]]]:
    """The sizes headings are set in, largest first, and the heading styles (font, size) found on two
    pages or more: those open sections, while a style seen once is a banner ("Open Access")."""
    sizes = {body_size}
    style = _Style(body_font, body_size, (), typewriter_fonts=typewriter_fonts, side_by_side=side_by_side)
    pages_of: dict[tuple[str, float], set[int]] = {}
    count: Counter[tuple[str, float]] = Counter()
    for page, box in _kept(pages, skip):
        for i, line in enumerate(box.lines):
            nxt = box.lines[i + 1] if i + 1 < len(box.lines) else None
            if _is_heading(line, nxt, style, i == 0):
                sizes.add(round(line.size, 1))
                pages_of.setdefault((line.font, line.size), set()).add(page.number)
                count[(line.font, line.size)] += 1
    # On one page (a web page printed on one), three headings of one style set a quarter larger than
    # the text open sections too, and in a document of two pages or less (a leaflet, a short article)
    # two set larger, or three in a font of their own at the text's size (meeting minutes' bold
    # "Announcements", "Old Business", "New Business"); labels at the text's size on a longer
    # paper's cover sheet do not, nor its banners.
    short = len(pages) <= 2
    recurring = frozenset(k for k, v in pages_of.items()
                          if len(v) >= 2 or (count[k] >= 3 and k[1] >= 1.25 * body_size)
                          or (short and count[k] >= 2 and k[1] >= 1.1 * body_size) or (short and count[k] >= 3))
    return tuple(sorted(sizes, reverse=True)), recurring


def _numbered_styles(pages: list[PageLayout], skip: set[tuple[int, int]], style: _Style) -> frozenset[tuple[str, float]]:
    """The styles (font, size) of section styles that set two numbered headings or more
    (`_HEADING_NUMBER`): the journal's headings, numbered or not ("II. MATH AND EQUATIONS" and
    "ACKNOWLEDGMENTS" alike)."""
    count: Counter[tuple[str, float]] = Counter()
    for _, box in _kept(pages, skip):
        line = box.lines[0]
        if (line.font, line.size) in style.section_styles and _HEADING_NUMBER.match(line.text) \
                and _is_heading(line, box.lines[1] if len(box.lines) > 1 else None, style):
            count[(line.font, line.size)] += 1
    return frozenset(k for k, n in count.items() if n >= 2)


def _small_print_heading(pages: list[PageLayout], skip: set[tuple[int, int]], body_size: float) -> tuple[str, float] | None:
    """The style (font, size) of the reference list's heading where it is set smaller than the text
    and in another font than the list: a journal sets its back matter's headings so ("Competing
    interests", "Authors' contributions", "Acknowledgements", then "References")."""
    for _, box in _kept(pages, skip):
        first = box.lines[0]
        if REFERENCES_HEADING.match(first.text.strip()) and first.size < body_size * 0.93 \
                and (len(box.lines) < 2 or box.lines[1].font != first.font):
            return first.font, first.size
    return None


_TITLE_LEADING = 2.0  # baselines of a title's wrapped lines stand about 1.2 sizes apart


def _title(pages: list[PageLayout], skip: set[tuple[int, int]], body_size: float, vocab: Vocabulary,
           two_words: bool = False) -> str:
    """The largest text on the first page with text, when it is several words set well above the
    body size on consecutive lines (headings set as large further down are not part of it), or
    with `two_words` (the file names no title) two words on one line set far larger ("Article
    Title" at 18 pt over 9 pt text; not a running head, nor a journal's name printed over two
    lines, "Trials" / "Trials", where the file's title is the article's), or a program's name
    (`_PROGRAM_NAME`) set largest atop the page.
    Looked for first among all the page's lines: a running head that repeats the title is
    furniture, but set large on the first page it is the title; then without the furniture (a
    publisher's logo set large)."""
    for pi, page in enumerate(pages[:2]):
        every = [(bi, ln) for bi, b in enumerate(page.boxes) for ln in b.lines]
        if pi > 0 and sum(_has_leaders(ln.text) for _, ln in every) > len(every) / 2:
            break  # past a cover, a page of contents: its "Table of Contents" names no document
        for kept, lines in ((False, [ln for _, ln in every]), (True, [ln for bi, ln in every if (pi, bi) not in skip])):
            while lines:
                top = max(ln.size for ln in lines)
                if top < body_size * 1.3:
                    break
                large = [ln.size >= top - 0.5 for ln in lines]
                first = large.index(True)
                run = lines[first: first + (large[first:] + [False]).index(False)]
                # A title's lines stand a line apart; one set further below is a heading in its size
                # ("The FASTA program package", then "Introduction" two lines down).
                run = run[:next((k for k in range(1, len(run)) if run[k - 1].y0 - run[k].y0 > _TITLE_LEADING * run[k].size),
                                len(run))]
                below = lines[first + len(run): first + len(run) + 2]
                if any(_VOLUME.search(ln.text) for ln in below) or (
                        len(run) == 1 and _NUMBERED_LABEL.fullmatch(run[0].text.strip()) and below
                        and below[0].size >= body_size * 1.3):
                    # a journal's name over its volume and issue ("Journal of Statistical Software"
                    # over "August 2010, Volume 36, Issue 3."), or a chapter's label over its title
                    # in any language ("Kapitel 1" over "Syntax versus Semantik"), set larger than
                    # the title
                    lines = [ln for ln in lines if ln not in run]
                    continue
                title = join_lines([repair_line(ln.text, vocab) for ln in run], vocab)[0]
                alone = two_words and kept and len(run) == 1
                if 3 <= len(title.split()) <= 40 or (alone and len(title.split()) == 2 and top >= body_size * _TWO_WORD_TITLE) \
                        or (alone and first == 0 and _PROGRAM_NAME.fullmatch(title)) \
                        or (alone and first == 0 and top >= body_size * _TWO_WORD_TITLE and below
                            and (_names_several(below[0].text) or is_date(below[0].text))):
                    # a title of a word or two over its byline or date ("Concordance" over "Terry
                    # Therneau, Elizabeth Atkinson", which had named the document)
                    return title
                break
    return ""


def _names_several(line: str) -> bool:
    """A line of two people's names or more ("Terry Therneau, Elizabeth Atkinson"): two
    capitalised words alone are as often a label ("STUDY PROTOCOL", "Open Access")."""
    return is_byline(line) and re.search(r",|\s(?:and|&)\s", line) is not None


# A word and a number or numeral alone: a chapter's, a part's or a lecture's label ("Kapitel 1", "Part II").
_NUMBERED_LABEL = re.compile(r"[^\W\d_]+\s+(?:\d{1,3}|[IVXLC]{1,6})")


# A journal's volume and issue as its masthead prints them: "Volume 36, Issue 3", "Vol. 12, No. 4".
_VOLUME = re.compile(r"\b(?:Volume|Vol\.)\s*\d+\s*[,(]\s*(?:Issue|No\.|Number)\s*\d+", re.I)


def _with_file_title(title: str, meta_title: str, pages: list[PageLayout], skip: set[tuple[int, int]], body_size: float) -> str:
    """The title `_title` found, or the file's own (`meta_title`, or its first part) where the
    first page prints it in a way that says it names the document; "" where neither does."""
    parts = title_parts(meta_title)
    if len(parts) > 1 and (not title or title.casefold() == parts[-1].casefold()) and _prints(pages[0], parts[-1], whole=True):
        # A page printed from a browser: the file's title names the page and the site ("DNS | Node.js
        # v20.20.2 Documentation"), and the site's name is printed atop the page, often largest.
        title = parts[0]
    elif len(meta_title.split()) >= 2 and title.casefold() not in meta_title.casefold() \
            and any(same_text(ln.text) == same_text(meta_title) for bi, box in enumerate(pages[0].boxes) if (0, bi) not in skip
                    for ln in box.lines if ln.size >= body_size * (1.0 if len(meta_title.split()) >= 3 else _HEADING_SIZE)):
        # The file's title printed as a heading of the first page under larger text: the page's own
        # heading under a site's name set larger on every page ("Module keys from libxslt" under
        # "The XSLT C library for GNOME", "9.10. Backup" under a handbook's name in its navigation
        # bar); not in a browser's small print stamp atop the page. A title of two words is printed
        # larger than the text.
        title = meta_title
    elif title and meaningful_title(meta_title) and not _prints(pages[0], title, whole=False) \
            and _prints(pages[0], parts[0], whole=True):
        # The file's title (or its first part, the rest a subtitle: "Long title - With a subtitle")
        # printed on the first page as a line of its own, where the largest text was found past it:
        # a slide deck's title in two words, then its contents slide's heading set larger.
        title = meta_title
    return title


def _prints(page: PageLayout, text: str, whole: bool) -> bool:
    """Whether the page prints `text`: as one of its lines where `whole`, else anywhere in them."""
    lines = [same_text(ln.text) for box in page.boxes for ln in box.lines]
    wanted = same_text(text)
    return bool(wanted) and (wanted in lines if whole else wanted in " ".join(lines))


_TWO_WORD_TITLE = 1.6  # how much larger than the text a title of two words is set
# A program's or a package's name, a title of one word in lower case or with a digit ("a0poster",
# "pgfplots", "Libtasn1"), unlike a journal's name set large over its article ("Trials").
_PROGRAM_NAME = re.compile(r"(?=\S*[a-z])(?:[a-z0-9]|(?=\S*\d)[A-Z])[\w.+-]{2,}")
_HEADING_SIZE = 1.2  # how much larger than the text a heading that prints the file's title of two words is set


_LETTERS = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LEADERS = re.compile(r"(?:\.\s?){4,}")
MAX_SINGLE_LETTERS = 0.5  # the share of a page's words that are single letters, past which it reads as letters


def _run_together(word: str) -> bool:
    """Whether a long "word" reads as words run together: a run of more than 25 letters (code's
    names are shorter between their dots and brackets: "library(BSgenome.Mmusculus.UCSC.mm10)")
    with ten distinct letters or more, as prose uses (a DNA sequence, "TGGCTCCTGCTGAGG...", or a
    hexadecimal digest has a handful). Letters are those with a case: Chinese, Japanese and Thai
    are written without word spaces."""
    return any(len(run) > 25 and len({c for c in run.casefold() if c != c.upper()}) >= 10
               for run in _LETTERS.findall(word))


def _unreadable_pages(pages: list[PageLayout]) -> str:
    """A note naming pages whose text layer cannot be read as words."""
    unmapped = [p.number for p in pages if p.chars and p.unmapped > 0.1 * p.chars]
    image_only = [p.number for p in pages if not p.chars and p.images]
    spaceless, spaced = [], []
    for p in pages:
        text = " ".join(b.text for b in p.boxes)
        # a table of contents' dot leaders are no word run together
        words = _LEADERS.sub(" ", text).split()
        if len(text) > 200 and sum(len(w) for w in words if _run_together(w)) > 0.3 * len(text):
            spaceless.append(p.number)
        # A scan's text layer that places each letter on its own ("C h i na O c e an"): most words
        # are single letters, against about one in ten in prose and a third in a table of symbols.
        # Words are what spaces part: the letters of a formula ("[a+b+c+d]", "df(a) = m7-m6") are
        # set apart by signs, and read.
        lettered = [w for w in text.split() if _LETTERS.search(w)]
        if len(text) > 200 and lettered and sum(bool(_LETTER.fullmatch(w)) for w in lettered) > MAX_SINGLE_LETTERS * len(lettered):
            spaced.append(p.number)
    notes = []
    for label, numbers in (("glyphs without a Unicode mapping", unmapped), ("no word spaces", spaceless),
                           ("letters set apart", spaced), ("images only, needs OCR", image_only)):
        if numbers:
            notes.append(f"unreadable text on page{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))} ({label})")
    return "; ".join(notes)


_WORD = re.compile(r"[^\W\d_]{2}")


def _wraps(row: list[Line], nxt: list[Line], x0: float, x1: float) -> bool:
    """Whether `nxt` continues the prose of `row` (a caption, a footnote or an abstract set small
    over several lines): both are one cell of words starting at the region's left edge, `row` may
    be a paragraph's first line indented (LaTeX indents by 1.5 em of the running text, `PARINDENT`
    at most; an abstract's first line had stood alone, "... the many smaller" / "and larger design
    decisions ..."), and `row` runs to its right edge, `nxt` no bulleted item. Table rows have
    several cells, numbers, or stop short, and stay lines of their own."""
    def prose(r: list[Line], indent: float, fewest: int = 3, left: float = x0) -> bool:
        # a line whose glyphs all advance alike is a program's (`Line.pitch`), unless words in
        # another font stand around its code ("in /etc/NetworkManager/system-connections/ or through")
        words = r[0].text.split()
        return len(r) == 1 and (r[0].pitch <= 0 or not r[0].one_font) and len(words) >= fewest \
            and sum(bool(_WORD.search(w)) for w in words) >= 0.6 * len(words) \
            and r[0].x0 <= left + max(indent * r[0].size, PARINDENT if indent > 1 else 0.0)
    # a word broken at the line's end goes on however short the last line ("Soft-" / "ware."); broken
    # at its own hyphen or slash ("(nm-connection-" / "editor)", "/etc/network/" / "interfaces"),
    # the line stops short by about the next word's width
    broken = len(nxt) == 1 and bool(re.search(r"[^\W\d_][-/]$", row[0].text)) and nxt[0].text[:1].islower()
    reach = row[0].x1 + (_first_word_width(nxt[0]) if broken else 0)
    # a paragraph's last line may be a word or two closing its sentence ("their direction.")
    closing = len(nxt) == 1 and nxt[0].text.rstrip().endswith(".") and nxt[0].font == row[0].font
    # a bulleted line opens an item of its own, however far the one before it runs (a boxed list of
    # key points, its first item the widest)
    # a bulleted item's lines go on under its text, past its bullet (a boxed list of key points set
    # with a hanging indent: "▪ We describe the feasibility ..." over "health promotion intervention
    # ...", each line had stood alone and "By com-" / "bining" stayed broken)
    size = row[0].size
    hanging = nxt[0].x0 > x0 + size and (
        (bool(BULLET.match(row[0].text)) and row[0].x0 < nxt[0].x0 <= row[0].x0 + 2.5 * size)
        or (row[0].x0 > x0 + size and abs(nxt[0].x0 - row[0].x0) <= 0.5 * size))
    return prose(row, 2.0) and prose(nxt, 1.0, 1 if broken or closing else 3, nxt[0].x0 if hanging else x0) \
        and reach >= x1 - 2 * size and not BULLET.match(nxt[0].text)


# LaTeX indents a paragraph by its running text's 1.5 em (15 pt at 10 pt, 18 at 12) however small
# the print: a note set at 6 pt is indented 2.5 of its own sizes.
PARINDENT = 18.0


def _first_word_width(line: Line) -> float:
    """About how wide `line`'s first word is set: its share of the line's characters."""
    first = re.match(r"\S+", line.text)
    return (line.x1 - line.x0) * len(first.group()) / len(line.text) if first else 0.0


_NUMERIC_CELL = re.compile(r"^[\d±+−–.-]")


def _continues(group: list[list[Line]], row: list[Line]) -> bool:
    """Whether baseline row `row` carries on the table row `group` opened: cells that wrap onto more
    lines ("Trial packs posted to parents by researchers. Trial" / "packs given out to parents").
    It has nothing under the row's label, every cell under one of the row's other cells, no cell
    that opens with a number (a row of figures under an empty label is a row of its own), it sits
    close under the line above, and some cell goes on from the line above it in its column."""
    head, above = group[0], group[-1]
    if len(head) < 2 or any(c.x0 <= head[0].x1 for c in row):
        return False
    if min(c.y0 for c in above) - max(c.y1 for c in row) > 0.8 * max(c.size for c in row):
        return False
    columns = [c.x0 for c in head[1:]]
    if any(min(abs(c.x0 - x) for x in columns) > 0.5 * c.size or _NUMERIC_CELL.match(c.text) for c in row):
        return False

    def goes_on(cell: Line) -> bool:
        over = [ln for r in group for ln in r if abs(ln.x0 - cell.x0) <= 0.5 * cell.size]
        return cell.text[:1].islower() or bool(over) and over[-1].text.rstrip().endswith(("-", ","))
    return any(goes_on(c) for c in row)


def _table_rows(rows: list[list[Line]]) -> list[list[list[Line]]]:
    """Baseline rows grouped into table rows: a row and the lines its cells wrap onto (`_continues`)."""
    groups: list[list[list[Line]]] = []
    for row in rows:
        if groups and _continues(groups[-1], row):
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _row_text(group: list[list[Line]], vocab: Vocabulary) -> str:
    """A table row's text: each cell's lines joined as a paragraph's are, the cells left to right,
    so two cells that wrap are read one after the other rather than line by line across both."""
    if len(group) == 1:
        return " ".join(c.text for c in group[0])
    cells: list[list[Line]] = [[c] for c in group[0]]
    for row in group[1:]:
        for c in row:
            min(cells[1:], key=lambda cell: abs(cell[0].x0 - c.x0)).append(c)
    return " ".join(join_lines([repair_line(ln.text, vocab) for ln in cell], vocab)[0] for cell in cells)


def _is_running_text(box: Box) -> bool:
    """A column of running text: six lines or more, five words a line on average, most of them words."""
    words = [w for ln in box.lines for w in ln.text.split()]
    return len(box.lines) >= 6 and len(words) >= 5 * len(box.lines) and \
        sum(bool(_WORD.search(w)) for w in words) >= 0.7 * len(words)


def _stands_apart(box: Box, boxes: list[Box]) -> bool:
    """Whether a column of running text stands beside other boxes of its region whose lines keep
    another pitch: an abstract set small beside the article's notes column ("To cite: ...",
    "Received ..."). Regrouped into rows, the two would interleave line by line; a table's cells
    beside one another share their rows' baselines."""
    if not _is_running_text(box):
        return False
    others = [o for o in boxes if o is not box and (o.x1 <= box.x0 or o.x0 >= box.x1) and min(o.y1, box.y1) > max(o.y0, box.y0)]
    if any(_is_running_text(o) for o in others):
        return False  # two columns of text side by side (a reference list's) stay in rows
    beside = [ln for o in others for ln in o.lines if box.y0 <= (ln.y0 + ln.y1) / 2 <= box.y1]
    aligned = sum(any(abs(ln.y0 - b.y0) <= 0.2 * ln.size for b in box.lines) for ln in beside)
    return bool(beside) and aligned < 0.6 * len(beside)


def _aside_lines(block: _Block, vocab: Vocabulary) -> tuple[list[str], list[bool]]:
    """A figure or table region's lines and whether each continues the line before it: table rows
    (`_table_rows`) and a caption's wrapped lines, except that a column of running text that stands
    apart from its neighbours (`_stands_apart`) is read on its own, a paragraph a line."""
    apart = {id(b) for b in block.boxes if _stands_apart(b, block.boxes)}
    regions: list[tuple[Box | None, list[Line]]] = []
    if not apart and not any(_next_column(b, block.boxes[:i]) for i, b in enumerate(block.boxes)):
        regions.append((None, block.geometry))
    else:
        for i, box in enumerate(block.boxes):
            if id(box) in apart:
                regions.append((box, list(box.lines)))
            elif regions and regions[-1][0] is None and not _next_column(box, block.boxes[:i]):
                regions[-1][1].extend(box.lines)
            else:
                regions.append((None, list(box.lines)))
    lines: list[str] = []
    wrapped: list[bool] = []
    one_column = True
    for box, geometry in regions:
        if box is not None:
            breaks = _paragraph_breaks(box)
            starts = [i for i, b in enumerate(breaks) if i == 0 or b] + [len(geometry)]
            for a, b in zip(starts, starts[1:]):
                lines.append(join_lines([repair_line(ln.text, vocab) for ln in geometry[a:b]], vocab)[0])
                wrapped.append(False)
            continue
        groups = _table_rows(baseline_rows(geometry))
        one_column &= _one_column(geometry)
        x0, x1 = min(ln.x0 for ln in geometry), max(ln.x1 for ln in geometry)
        texts = [_row_text(g, vocab) for g in groups]
        lines += texts
        # A paragraph set small runs to its own right edge, and goes on at its own size: an
        # abstract's lines under an affiliation line set smaller across the page had stood a line each.
        edges = _justified_edges(geometry)
        joins = [len(a) == 1 and len(b) == 1 and abs(a[0][0].size - b[0][0].size) <= 0.05 * a[0][0].size
                 and _wraps(a[0], b[0], x0, edges.get((a[0][0].font, a[0][0].size), x1))
                 for a, b in zip(groups, groups[1:])]
        wrapped += [False] + _notes_apart(texts, joins)
    if block.references and one_column:  # two columns read as rows are beyond mending here
        wrapped = _entries_wrapped(lines) or wrapped
    return lines, wrapped


def _next_column(box: Box, before: list[Box]) -> bool:
    """Whether `box` goes on a region in the next column: wholly right of the boxes read before it
    and above them by more than they stand tall (a table that runs from the foot of the left column
    to the head of the right; read as one region, its rows from the right column stood before its
    header's). A wide table's next cells stand right of and above the lower cells read before
    them, close by."""
    if not before:
        return False
    top, bottom = max(b.y1 for b in before), min(b.y0 for b in before)
    return box.x0 >= max(b.x1 for b in before) and box.y0 - top > top - bottom


# A footnote's number opening its line ("1 Shared decision making is ...", "2) At the time ...").
_NOTE_NUMBER = re.compile(r"^\s*(\d{1,3})[.)]?\s+(?=\S)")


def _notes_apart(texts: list[str], joins: list[bool]) -> list[bool]:
    """`joins` (whether each line after the first goes on the one before it) with a line that opens
    with the number after the one its paragraph opened with starting a paragraph of its own: a
    page's footnotes ("1 Shared decision making is described ...", then "2 At the time of
    publication, ...") had run together as one, the second number read in mid-sentence."""
    out, opened = [], _NOTE_NUMBER.match(texts[0]) if texts else None
    for text, join in zip(texts[1:], joins):
        number = _NOTE_NUMBER.match(text)
        if join and opened and number and int(number.group(1)) == int(opened.group(1)) + 1:
            join = False
        out.append(join)
        if not join:
            opened = number
    return out


def _justified_edges(lines: list[Line]) -> dict[tuple[str, float], float]:
    """The right edge of each style (font, size) whose lines are justified: `JUSTIFIED_LINES` or
    more of them end there (`JUSTIFIED_EDGE`); a listing's or a list of notes' lines end where their
    words do, two of them alike now and then ("... | grep SONAME", "... | grep NEEDED")."""
    ends: dict[tuple[str, float], list[float]] = {}
    for ln in lines:
        ends.setdefault((ln.font, ln.size), []).append(ln.x1)
    edges = {}
    for (font, size), xs in ends.items():
        edge = max(xs)
        if sum(edge - x <= JUSTIFIED_EDGE * size for x in xs) >= JUSTIFIED_LINES:
            edges[(font, size)] = edge
    return edges


JUSTIFIED_EDGE, JUSTIFIED_LINES = 0.2, 3  # sizes within which a justified paragraph's lines end alike, and how many


def _one_column(lines: list[Line]) -> bool:
    """Whether lines stand in one column: no gap as wide as their type runs down between them all
    (a justified line's pieces part at other places on every line; two columns part at one)."""
    spans = sorted((ln.x0, ln.x1) for ln in lines)
    reach = spans[0][1] if spans else 0.0
    size = min((ln.size for ln in lines), default=0.0)
    for x0, x1 in spans[1:]:
        if x0 - reach >= size:
            return False
        reach = max(reach, x1)
    return True


# A numbered reference's label: "[12] ", "12. ".
_ENTRY_NUMBER = re.compile(r"^\[?(\d{1,3})[\].]\s")


def _entries_wrapped(lines: list[str]) -> list[bool] | None:
    """For a numbered reference list's lines, whether each goes on with the entry above it: every
    line up to the next entry's number, one more than the last (a line of a reference that opens
    with a volume's number, "30. 2010;", opens none), so that each reference reads as one line and
    a word broken at a line's end is whole ("Confer-" / "ence"); the lines before the first entry
    go on with one another. None for a list not numbered so."""
    numbers = [int(m.group(1)) if (m := _ENTRY_NUMBER.match(t)) else None for t in lines]
    if sum(n is not None for n in numbers) < 2:
        return None
    out, expected = [], None
    for i, n in enumerate(numbers):
        opens = n is not None and (expected is None or n == expected)
        if opens:
            expected = n + 1
        # lines before the first entry are the end of one begun in the column or page before
        out.append(i > 0 and not opens)
    return out


def _pieces(block: _Block, vocab: Vocabulary) -> list[tuple[str, int]]:
    """A block's text cut where its page changes: (text, page) pieces that concatenate to the block."""
    wrapped: list[bool] = []  # asides: whether each line continues the line before it
    if block.kind == "aside":
        block.lines, wrapped = _aside_lines(block, vocab)
        block.pages = block.pages[: len(block.lines)]
    texts = [repair_line(t, vocab, prose=block.kind != "code") for t in block.lines]
    kept = [(t, p, w) for t, p, w in zip(texts, block.pages, wrapped or [False] * len(texts)) if t]
    if not kept:
        return []
    if block.kind in ("code", "table"):
        joined = "\n".join(t for t, _, _ in kept)
        starts = list(itertools.accumulate((len(t) + 1 for t, _, _ in kept[:-1]), initial=0))
    elif block.kind == "aside":
        # Table rows and cells stay lines of their own; a caption's wrapped lines are joined.
        joined, starts, i = "", [], 0
        while i < len(kept):
            j = i + 1
            while j < len(kept) and kept[j][2]:
                j += 1
            text, offsets = join_lines([t for t, _, _ in kept[i:j]], vocab)
            joined += "\n" if joined else ""
            starts += [len(joined) + o for o in offsets]
            joined += text
            i = j
    else:
        joined, starts = join_lines([t for t, _, _ in kept], vocab)
    pieces: list[tuple[str, int]] = []
    for j, (_, page, _) in enumerate(kept):
        end = starts[j + 1] if j + 1 < len(kept) else len(joined)
        if pieces and pieces[-1][1] == page:
            pieces[-1] = (pieces[-1][0] + joined[starts[j]:end], page)
        else:
            pieces.append((joined[starts[j]:end], page))
    return pieces


# A table of contents' entry: a title, dot leaders and the page it starts on ("2.1 ASN.1 syntax. . . . 2",
# a guideline's "Overview ....... MS-2").
# An entry's page number may stand in a box of its own at the page's edge, its leaders ending the line
# (a beamer handout's contents: "1.1 Syntax natürlicher Sprachen . . . . .", then "1 1 3 3").
# An index's entry gives several pages and ranges ("\\at@lb . . . . . 13, 48", "138–141, 145"), and
# a function index's may name an operator ("!= . . . . 10"). An entry's leaders may stand apart from its
# title, a line of their own (dblatex's contents through xdvipdfmx).
_CONTENTS_ENTRY = re.compile(r"(?:[^\s.].*?)?(?:\.\s?){4,}\s*(?:\d+(?:[–-]\d+)?(?:,\s*\d+(?:[–-]\d+)?)*|[ivxlcdm]+|[A-Z]{1,4}-\d+)?"
                             r"\s*$", re.I)


# A caption's label, number and title: "Figure 1.1: This test figure ...", "Table A.1. Test table.".
_NUMBERED_CAPTION = re.compile(r"^\s*(?:Table|Fig\.?|Figure)\s+((?:[A-Z]|\d+)(?:\.\d+)*)\s*[:.]?\s+(\S.*)$", re.I | re.S)
_BROKEN_AT_HYPHEN = re.compile(r"(?<=\w)- (?=\w)")
def _has_leaders(line: str) -> bool:
    """Whether a line is a contents' entry with dot leaders (`_CONTENTS_ENTRY`); the pattern is
    costly on a line of prose, which holds fewer dots than leaders do."""
    return line.count(".") >= 4 and _CONTENTS_ENTRY.search(line) is not None


_IN_WORDS = re.compile(r"[^\W\d_]{2}")  # a line that names something in words, not a section's number alone
MIN_LISTED_HEADINGS = 3  # list items naming later headings that make a list a table of contents
_PAGE_REFERENCE = re.compile(r"^\s*(?:(?:\d{1,4}|[ivxlc]{1,6})\s+){0,3}(?:\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
_PAGE_AT_END = re.compile(r"\s+(?:\d{1,4}|[ivxlc]{1,6})\s*$", re.I)
_SECTION_NUMBER = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3}){1,5}\s*$")
_CONTENTS_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[A-Z])(?:\.\d{1,3}){0,5}\.?\s+(?=\S)")  # "2.1", an appendix's "A", "A.1"


def _leaders(b: _Block) -> bool:
    """Whether most of a block's lines are entries with dot leaders."""
    # an aside's lines are still its geometry: an index or contents set small (Texinfo's
    # index in 9 pt under 11 pt text) had stayed, ranked for the words of its entries
    lines = b.lines or [ln.text for ln in b.geometry]
    entries = sum(_has_leaders(ln) for ln in lines)
    # an entry's page number may be a line of its own
    if entries >= 1 and entries >= 0.6 * sum(not _PAGE_REFERENCE.match(ln) for ln in lines):
        return True
    # An entry's title may wrap, its leaders on its last line ("3.1 Taxonomic diversity: average
    # dis-" over "tance of traits . . . ."), and a chapter's entry has none ("5 Species accumulation
    # and beta diver-" over "sity"): the lines from one numbered line to the next are one entry.
    numbered = [i for i, ln in enumerate(lines) if _CONTENTS_NUMBER.match(ln)]
    if not numbered or numbered[0] != 0:
        return False
    led = [any(_has_leaders(ln) for ln in lines[i:j]) for i, j in zip(numbered, [*numbered[1:], len(lines)])]
    return sum(led) >= 2 and sum(led) >= 0.6 * len(led)


class _Named:
    """A document's headings, as its contents' entries may print them, and its captions, as a list
    of figures or tables prints them: their number and title ("1.1 this test figure ..." of
    "Figure 1.1: This test figure ..."), each with the last block it is in (`after`).  `texts`: the
    blocks' as `same_text` reads them."""

    def __init__(self, blocks: list[_Block], texts: list[str]) -> None:
        self._last: dict[str, int] = {}
        # each text by its first words as `_key` reads them, with the block it is in: an entry
        # cut short is looked up there, not compared with every heading after it
        self._openings: dict[str, list[tuple[str, int]]] = {}
        for k in range(len(blocks) - 1, -1, -1):
            b, text = blocks[k], texts[k]
            new: list[str] = []
            if b.kind in ("aside", "body") and (caption := _NUMBERED_CAPTION.match(
                    " ".join(b.lines or [ln.text for ln in b.geometry]))):
                # as an entry prints it, without the full stop that ends the caption's title
                new.append(same_text(f"{caption.group(1)} {caption.group(2)}").rstrip(" ."))
            if b.kind == "heading":
                # a chapter's heading may print a word or two before what its entry says ("Chapter
                # 1 GNU/Linux tutorials", "Appendix A Appendix" for "1 GNU/Linux tutorials", "A Appendix")
                words = text.split()
                new += [text, *(" ".join(words[n:]) for n in (1, 2) if len(words) - n >= 2)]
                # a heading broken at a hyphen over two lines ("direct adjust-" over "ment", "RNA-"
                # over "Seq") is whole in its entry, a word or a hyphenated name
                if _BROKEN_AT_HYPHEN.search(text):
                    new += [_BROKEN_AT_HYPHEN.sub("", text), _BROKEN_AT_HYPHEN.sub("-", text)]
            for t in new:
                self._last.setdefault(t, k)
                key = _key(t)
                self._openings.setdefault(" ".join(key.split()[:_OPENING_WORDS]), []).append((key, k))

    def after(self, text: str, i: int) -> bool:
        """Whether a heading or caption after block `i` reads `text` (`same_text`)."""
        return self._last.get(text, -1) > i

    def names(self, line: str, i: int) -> bool:
        """Whether a line of a contents names a heading or a caption after block `i`: as printed,
        without its number, its page and its leaders ("model. . 10"), or as the first line of an
        entry wrapped onto a second that stands apart, holding the rest of its title and the
        leaders ("5 Adjusting for surrogate variables using the f.pvalue" over "function . . . 5");
        or is an entry's number or page set apart from its title ("2 3", "2.3")."""
        bare = _PAGE_AT_END.sub("", line).rstrip(" .")
        text, unnumbered = same_text(bare), same_text(_CONTENTS_NUMBER.sub("", bare))
        if self.after(text, i) or self.after(unnumbered, i) or _PAGE_REFERENCE.match(line) or _SECTION_NUMBER.match(line):
            return True
        for start in (text, unnumbered):
            key = _key(start)
            words = key.split()
            if len(words) >= _OPENING_WORDS and any(k > i and h.startswith(key + " ") for h, k in
                                                    self._openings.get(" ".join(words[:_OPENING_WORDS]), ())):
                return True
        return False


_OPENING_WORDS = 4  # an entry cut short names a heading it opens by this many words at least


def _key(text: str) -> str:
    """`text`'s words and numbers alone, as an entry cut short and the heading it opens are compared."""
    return " ".join(re.findall(r"\w+(?:\.\w+)*", text.casefold()))


def _contents_left_out(blocks: list[_Block]) -> list[_Block]:
    """The blocks without those of a printed table of contents: most of their lines entries with
    dot leaders and a page number, or a run of list items that name the document's later headings,
    with the headings that head them (a web page's list of links into itself, printed). It repeats
    the headings, and ranked first for the words of a chapter's or a function's name, it answered
    nothing."""
    texts = [same_text(" ".join(b.lines)) for b in blocks]
    named = _Named(blocks, texts)
    after = named.after
    # An entry without dot leaders names a later heading as printed ("1 Introduction", as LaTeX
    # sets a chapter's or a section's entry), its page number a box of its own across the page, or
    # a cell beside it where the entries read as a table's rows ("1 Introduction 2"), or in a box of
    # entries whose leaders stand apart, after the title or on a line of its own ("3.1 Netzwerk 2", "3").
    def entry(line: str, i: int) -> bool:
        title = _PAGE_AT_END.sub("", line)
        return after(same_text(title), i) or names(line, i) or bool(_SECTION_NUMBER.match(title)) or _has_leaders(line)

    # A slide deck's contents slide numbers its entries where the slides' headings are not ("1.
    # Aspect ratio" for "Aspect ratio"); `_Named.names`.
    names = named.names

    entries = [(b.kind in ("heading", "body") and bool(b.lines) and all(names(ln, i) or _has_leaders(ln) for ln in b.lines)
                and any(names(ln, i) and not _PAGE_REFERENCE.match(ln) for ln in b.lines))
               or (b.kind == "table" and all(after(same_text(_PAGE_AT_END.sub("", ln)), i) or names(ln, i) for ln in b.lines))
               or (b.kind in ("body", "table") and len(b.lines) > 1 and sum(entry(ln, i) for ln in b.lines) >= 0.8 * len(b.lines)
                   and sum(after(same_text(_PAGE_AT_END.sub("", ln)), i) for ln in b.lines) >= 2)
               for i, b in enumerate(blocks)]
    # Page numbers in boxes of their own, an entry's number set apart from its title ("6.2.4.1"
    # wider than the box kept for it), and entries with leaders go on a run of entries without
    # them (a chapter's entry in bold between its sections' entries with leaders).
    numbers = [b.kind != "code" and (bool(b.lines) and all(_PAGE_REFERENCE.match(ln) or _SECTION_NUMBER.match(ln)
                                                            for ln in b.lines) or _leaders(b))
               for b in blocks]
    items = [(b.kind != "code" and bool(b.lines) and all(BULLET.match(ln) for ln in b.lines)) or entries[i] or numbers[i]
             for i, b in enumerate(blocks)]
    listed = [entries[i] or (item and not numbers[i] and all(after(same_text(BULLET.sub("", ln)), i) for ln in b.lines))
              for i, (b, item) in enumerate(zip(blocks, items))]
    def label(k: int) -> bool:
        """A heading, or a line of a few words that ends no sentence, over list items."""
        b = blocks[k]
        short = len(b.lines) == 1 and len(b.lines[0].split()) <= 8 and not _SENTENCE_END.search(b.lines[0])
        return (b.kind == "heading" or (b.kind == "body" and short)) and k + 1 < len(blocks) and items[k + 1]

    # The block each text is first printed in: a block's, or an entry's line, its page and leaders
    # aside ("1 Introduction 1" among a table's rows), which a heading prints again: that heading is
    # the body's, however its text was placed among the entries.
    first: dict[str, int] = {}
    for k, (b, t) in enumerate(zip(blocks, texts)):
        first.setdefault(t, k)
        for ln in b.lines:
            first.setdefault(same_text(_PAGE_AT_END.sub("", ln).rstrip(" .")), k)
    dropped: set[int] = set()
    i = 0
    while i < len(blocks):
        # A run of list items and of the labels over them, up to a block printed before it: the
        # body's first heading, which an entry named.
        j = i
        while j < len(blocks) and (items[j] or label(j)) and (numbers[j] or first[texts[j]] == j):
            j += 1
        # a table's rows are entries each, and so are the lines in words of a block that are all
        # entries (a leaflet's "What is in this leaflet" set as one box of numbered lines)
        named = sum(len(blocks[k].lines) if blocks[k].kind == "table" else
                    max(1, sum(bool(_IN_WORDS.search(ln)) for ln in blocks[k].lines)) if entries[k] else 1
                    for k in range(i, j) if listed[k])
        if named >= MIN_LISTED_HEADINGS and sum(listed[i:j]) >= 0.6 * (sum(items[i:j]) - sum(numbers[i:j])):
            dropped.update(range(i, j))
        i = max(j, i + 1)
    # Where a contents was left out, a column of page numbers alone is its page numbers, however
    # far from its entries it was read ("1", "2", "2", "6" after the body's first heading).
    def page_column(b: _Block) -> bool:
        lines = b.lines or [ln.text for ln in b.geometry]
        return bool(dropped) and b.kind != "code" and len(lines) >= 3 and all(_PAGE_REFERENCE.match(ln) for ln in lines)

    return [b for k, b in enumerate(blocks) if k not in dropped and (b.kind == "code" or not _leaders(b)) and not page_column(b)]


def _prints_title(heading: str, title: str, page: int) -> bool:
    """Whether a heading is the title (or its first lines) rather than a section: "Physical activity"
    on page 7 is a section, though the title ends "... on maternal diet and physical activity"."""
    h, t = " ".join(heading.lower().split()), " ".join(title.lower().split())
    return bool(h) and (h == t or (page <= 2 and t.startswith(h)))


# A table of contents' heading: its list is no part of what follows, however deep an outline sets
# the next entries ("Contents" at level 1, an FAQ's questions at 2 and 3, had held them all).
_CONTENTS_TITLE = re.compile(r"(?:table of )?contents|inhaltsverzeichnis|table des matières|sommaire|índice", re.I)


def _decimal_number(heading: str) -> tuple[int, ...] | None:
    """A heading's decimal number ("3.1.1" -> (3, 1, 1)), None when it has none."""
    m = _HEADING_NUMBER.match(heading)
    return tuple(int(n) for n in m.group(3).split(".")) if m and m.group(3) else None


def _numbered_apart(stack: list[tuple[int, str, bool]], heading: str) -> list[tuple[int, str, bool]]:
    """The open sections a numbered heading may go under: "3.2" none numbered otherwise than "3"
    (nor those after it), "3" not "2". A template that sets a subsection's heading run in at one
    size and alone on its line at another had nested "3.2. Functions ..." under "3.1.1. Conversion
    to bool." by size, and one naming a function in a typewriter font is set larger than the
    others ("2. Using Rcpp.package.skeleton"); the number says where it goes. (A chapter's "3" may
    hold sections numbered "1", "2" again.)"""
    number = _decimal_number(heading)
    if number is None:
        return stack
    for k, (_, above, _) in enumerate(stack):
        outer = _decimal_number(above)
        if outer is None:
            continue
        stranger = len(number) >= 2 and (len(outer) >= len(number) or number[: len(outer)] != outer)
        # the one before it ("2" before "3"): a listing's line numbers ("8 <*code>") follow none
        sibling = len(outer) == len(number) and outer[:-1] == number[:-1] and outer[-1] + 1 == number[-1]
        if stranger or sibling:
            return stack[:k]
    return stack


def _render(blocks: list[_Block], vocab: Vocabulary, title: str) -> tuple[str, list[PageSpan], list[SectionSpan]]:
    """The document text, its page spans and its section spans."""
    parts: list[str] = []
    page_spans: list[PageSpan] = []
    sections: list[SectionSpan] = []
    stack: list[tuple[int, str, bool]] = []  # (level, heading, leaf)
    section_start, pos = 0, 0
    for block in blocks:
        pieces = _pieces(block, vocab)
        if not pieces:
            continue
        heading = " ".join(t for t, _ in pieces)
        if block.after_abstract and stack and stack[-1][2]:
            if pos > section_start:
                sections.append(SectionSpan(section_start, pos, tuple(h for _, h, _ in stack)))
            stack = [(lvl, h, leaf) for lvl, h, leaf in stack if not leaf]
            section_start = pos + (2 if parts else 0)
        if block.kind == "heading" and block.section and not _prints_title(heading, title, block.pages[0]):
            if stack and pos > section_start:
                sections.append(SectionSpan(section_start, pos, tuple(h for _, h, _ in stack)))
            stack = _numbered_apart([(lvl, h, leaf) for lvl, h, leaf in stack if lvl < block.level and not leaf], heading)
            stack.append((block.level, heading, block.leaf or _CONTENTS_TITLE.fullmatch(heading.strip()) is not None))
            section_start = pos + (2 if parts else 0)
        if parts:
            parts.append("\n\n")
            pos += 2
        for text, page in pieces:
            if page_spans and page_spans[-1].page == page and page_spans[-1].end >= pos - 2:
                page_spans[-1] = PageSpan(page_spans[-1].start, pos + len(text), page, page_spans[-1].label)
            else:
                page_spans.append(PageSpan(pos, pos + len(text), page))
            parts.append(text)
            pos += len(text)
    if stack and pos > section_start:
        sections.append(SectionSpan(section_start, pos, tuple(h for _, h, _ in stack)))
    return "".join(parts), page_spans, sections


def _slide_text_sizes(pages: list[PageLayout], skip: set[tuple[int, int]], body_size: float) -> tuple[float, ...]:
    """Each slide's text size (`page_text_size`), its furniture and headings aside."""
    skipped: dict[int, set[int]] = {}
    for pi, bi in skip:
        skipped.setdefault(pi, set()).add(bi)
    return tuple(page_text_size(page, skipped.get(pi, set()), body_size) for pi, page in enumerate(pages))


def _overlay_steps(pages: list[PageLayout], skip: set[tuple[int, int]], labels: Sequence[str] = ()) -> set[tuple[int, int]]:
    """The boxes left out of slides shown in steps: a presentation builds a slide up one step a
    page (beamer's overlays, some only recolouring), and a step whose every word the next page
    prints would otherwise stand two or three times in one passage. (Words, not lines: a line the
    next step carries on may be read in other pieces there.) Where the file labels pages alike
    (`labels`: beamer numbers a frame's steps as one page) and they open alike (the frame's title),
    a step whose words the next does not all print (a figure's label changes: "no perfect
    phylogeny" under a matrix, then "perfect phylogeny" under each block) is read whole and each
    later step for what it adds: its boxes whose words the steps read before print, in a run, are left out,
    so the frame is read once, in order, under its title, and nothing is lost. (Frames left
    unnumbered share the label of the frame before them: a theme's section page after its
    contents, which opens otherwise.)"""
    def words(pi: int, bi: int) -> Counter[str]:
        return Counter(w for ln in pages[pi].boxes[bi].lines for w in ln.text.split()) if (pi, bi) not in skip else Counter()

    boxes = [[words(pi, bi) for bi in range(len(page.boxes))] for pi, page in enumerate(pages)]
    held = [sum(page, Counter()) for page in boxes]

    # each page's boxes as `_core_text`, "" for furniture; the first is its frame's title or first line
    texts = [[_core_text(page.boxes[bi]) if box else "" for bi, box in enumerate(boxes[pi])] for pi, page in enumerate(pages)]
    opening = [next((t for t, box in zip(page, boxes[pi]) if box), "") for pi, page in enumerate(texts)]
    # whether the page goes on the frame of the page before it
    steps = [0 < pi < len(labels) and bool(labels[pi]) and labels[pi] == labels[pi - 1]
             and bool(opening[pi]) and opening[pi] == opening[pi - 1] for pi in range(len(pages))]

    out: set[tuple[int, int]] = set()
    shown = ""  # what the boxes read of the frame's steps so far print, `_core_text`
    for pi in range(len(pages)):
        if not steps[pi]:
            shown = ""
        left, kept = f" {shown} ", []
        for bi, said in enumerate(texts[pi]):
            if said and steps[pi] and f" {said} " in left:
                out.add((pi, bi))
                left = left.replace(f" {said} ", " | ", 1)  # a box shown once is left out once
            elif said:
                kept.append(said)
        if pi + 1 < len(pages) and held[pi] and held[pi] <= held[pi + 1]:
            out |= {(pi, bi) for bi in range(len(pages[pi].boxes))}
        else:
            shown = " ".join([shown, *kept]).strip()
    return out


def _core_text(box: Box) -> str:
    """A box's words without the marks around and inside them, which a step's highlighting may
    set apart ("..y.=" of "x + y = 10" with y framed), in lower case, one space apart: a box of a
    later step that this text holds, as a run of its words, was shown."""
    return " ".join(core for ln in box.lines for w in ln.text.split() if (core := re.sub(r"\W+", "", w).lower()))


def pdf_document(path: Path, doc_id: str, sha: str, source: str) -> tuple[Document, str]:
    """The document of a PDF file whose bytes hash to `sha`, and a note for the ingest report;
    `source` is what clients are shown as its origin."""
    pages, meta, labels, outline = read_layout(path)
    skip = furniture(pages)
    slides = is_slide_deck(pages)
    if slides:
        skip |= _overlay_steps(pages, skip, labels)
    body_font, body_size = text_style(pages, skip)
    if not body_size and skip:
        # Nothing but what repeats from page to page ("Potato 1", "Potato 2", ... one line a page):
        # that is the text, not furniture around it.
        skip = set()
        body_font, body_size = text_style(pages, skip)
    if not body_size:
        if found := _unlaid_document(path, doc_id, sha, source, meta, pages):
            return found
        kind = "images only, needs OCR" if any(p.images for p in pages) else "no text"
        raise IngestError(f"no text layer ({len(pages)} page(s): {kind})")
    code = typewriter_fonts(pages)
    cells = _side_by_side(pages, skip, (body_font, body_size))
    style = _Style(body_font, body_size, *_heading_styles(pages, skip, body_font, body_size, code, cells), code, cells,
                   _small_print_heading(pages, skip, body_size), _grid_cells(pages, skip))
    style = replace(style, numbered_styles=_numbered_styles(pages, skip, style), slides=slides,
                    slide_text_sizes=_slide_text_sizes(pages, skip, body_size) if slides else ())
    vocab = Vocabulary(ln.text for page in pages for box in page.boxes for ln in box.lines)
    named, unprinted = _outline_headings(outline, pages, skip, style)
    if not slides:
        skip |= _chapter_labels(pages, skip, named, body_size)
    assembler = _Assembler(style, named)
    last_page = None
    for page, box in _kept(pages, skip):
        if page.number != last_page:
            for level, heading in unprinted.get(page.number, []):
                assembler.add_unprinted(heading, level, page.number)
            last_page = page.number
        (assembler.add_table if box.table else assembler.add_box)(box, page.number)
    meta_title = _fix_mojibake(meta.get("title", ""))
    title = _title(pages, skip, body_size, vocab, two_words=not meaningful_title(meta_title))
    blocks = _bylines_unsectioned(assembler.finish(), _meta_authors(meta))
    text, page_spans, sections = _render(_contents_left_out(blocks), vocab, title)
    if not text.strip():
        raise IngestError(f"no text layer ({len(pages)} page(s) of images or blank; needs OCR)")
    printed = printed_page_numbers(pages)
    # What the page prints wins over the file's /PageLabels, which some producers fill with "0, 1, 2...".
    names = [printed[i] or (labels[i] if i < len(labels) and labels[i] not in ("", "0") else "") or str(i + 1)
             for i in range(len(pages))]
    page_spans = [PageSpan(s.start, s.end, s.page, names[s.page - 1] if names[s.page - 1] != str(s.page) else "")
                  for s in page_spans]
    title = _with_file_title(title, meta_title, pages, skip, body_size) or (
        meta_title if meaningful_title(meta_title) else guess_title(text, path.stem))
    # no title ends on a comma: one there stood before a footnote's raised mark, which is dropped
    # ("This is a specimen ab title,")
    title = re.sub(r"\s+", " ", normalize_unicode(repair_line(title, vocab))).strip().rstrip(",;").rstrip()
    first_pages = "\n".join(ln.text for page in pages[:2] for box in page.boxes for ln in box.lines)
    doi = find_doi(" ".join(meta.get(k, "") for k in ("doi", "subject", "keywords"))) or find_doi(first_pages)
    return _document(doc_id, title, text, source, sha, page_spans, sections, path, meta, doi), _unreadable_pages(pages)


def _meta_authors(meta: dict[str, str]) -> tuple[str, ...]:
    """The authors the file's metadata names."""
    return split_authors(_fix_mojibake(meta.get("author", "")))


def _document(doc_id: str, title: str, text: str, source: str, sha: str, page_spans: list[PageSpan],
              sections: list[SectionSpan], path: Path, meta: dict[str, str], doi: str) -> Document:
    """The document, with the authors and year its metadata states."""
    return Document(doc_id, title, text, source, sha, tuple(page_spans), tuple(sections), path=str(path.resolve()),
                    authors=_meta_authors(meta),
                    year=year_of(meta.get("creationdate", "")), doi=doi)


def _unlaid_document(path: Path, doc_id: str, sha: str, source: str, meta: dict[str, str],
                     pages: list[PageLayout]) -> tuple[Document, str] | None:
    """The document as PDFium reads its text, page by page, without layout (a paragraph a block of
    lines), for a file whose fonts pdfminer.six cannot decode at all (an encoding given as a CMap
    stream it does not know: a Japanese file's text came out empty and the file was skipped as
    having no text layer); None when PDFium reads no text either."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None
    try:
        page_texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for number, raw in enumerate(page_texts, 1):
        blocks = [" ".join(ln.strip() for ln in block.splitlines() if ln.strip())
                  for block in re.split(r"(?:\r?\n\s*){2,}", normalize_unicode(raw.replace("\x00", "")))]
        page = "\n\n".join(b for b in blocks if b)
        if not page:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append(PageSpan(pos, pos + len(page), number))
        parts.append(page)
        pos += len(page)
    text = "".join(parts)
    if not text.strip():
        return None
    meta_title = _fix_mojibake(meta.get("title", ""))
    title = meta_title if meaningful_title(meta_title) else guess_title(text, path.stem)
    document = _document(doc_id, title, text, source, sha, spans, [], path, meta, find_doi(text[:5000]))
    note = "text read without its layout (fonts the layout reader cannot decode)"
    images = [n for n, raw in enumerate(page_texts, 1) if not raw.strip() and n <= len(pages) and pages[n - 1].images]
    if images:
        note += f"; unreadable text on page{'s' if len(images) > 1 else ''} {', '.join(map(str, images))} (images only, needs OCR)"
    return document, note


def _fix_mojibake(text: str) -> str:
    """Metadata written as UTF-8 but read as Latin-1 ("receptorâ€“lacking"), repaired by ftfy."""
    import ftfy

    return ftfy.fix_text(text) if text else ""

"""The layout of PDF pages: text boxes in reading order, lines with their font and size (pdfminer.six).

Public API: `Line`, `Box`, `PageLayout`, `read_layout`, `furniture`, `printed_page_numbers`,
`is_slide_deck`, `page_text_size`.

pdfminer.six groups characters into lines and lines into boxes and orders the boxes column by column;
what it cannot know is which boxes repeat on every page (running heads, footers, page numbers,
download stamps). `furniture` finds those by repetition across pages, and `printed_page_numbers`
reads the page numbers the document prints.
"""

from __future__ import annotations

import itertools
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.ingest.clean import BULLET
from assistant.ingest.model import IngestError
from assistant.ingest.pdf_grid import Grid, find_grids
from assistant.ingest.pdf_outline import OutlineEntry, read_outline
from assistant.ingest.words import DOTLESS, UNMAPPED_CODE, ligature_codes

__all__ = ["CAPTION", "Box", "Line", "PageLayout", "baseline_rows", "furniture", "is_slide_deck", "page_text_size",
           "printed_page_numbers", "read_layout", "text_style"]

logging.getLogger("pdfminer").setLevel(logging.ERROR)

# pdfminer writes a glyph it cannot map to Unicode as "(cid:N)"; private-use code points are
# symbol-font glyphs with no meaning outside that font.
_UNMAPPED = re.compile(UNMAPPED_CODE.pattern + r"|[\ue000-\uf8ff]")
# A list's mark set in an icon or symbol font that gives it no character (FontAwesome's chevron,
# Word's Symbol-font bullet read as U+F0B7) opens its line in a font of its own: a bullet, where
# words follow, the first capitalised ("Food groups", "Flinders Medical Centre (669): ..."); a
# formula's symbol opens a piece of its line too ("Du |Du|", "dHn-1(y)"), and "©" a licence's
# "2014 The Authors".
_ICON_MARK = re.compile(r"^\s*(?:\(cid:\d+/[\w+-]*\)|[\ue000-\uf8ff])\s+(?=[A-Z][^\W\d_]*[,.:;]?\s+\(?[^\W\d_]{2})")
# A glyph without a character opening a line, words after it: set larger or smaller than they
# are, a list's mark ("(cid:127) are allergic to ..."), where a formula's symbol is the text's size.
_LONE_MARK = re.compile(r"\s*\(cid:\d+/[\w+-]*\)\s*")
_SIZED_MARK = re.compile(r"^\s*\(cid:\d+/[\w+-]*\)\s+(?=[^\W\d_]{2})")
_SUPERSCRIPT_RUN = re.compile(r"^[\d,–\-]+$")
_RAISED_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# A superscript is set at most this share of its line's size: a browser's is "smaller", 83%.
_SUPERSCRIPT_SIZE = 0.9


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the size most of its characters are set in
    font: str  # the font most of its characters are set in
    # Its font's glyphs' advance over the size when they all advance alike (a typewriter font
    # does), -1 when they differ, 0 when the line has too few different glyphs to tell.
    pitch: float = 0.0
    # It opens with a label in a font of its own ending in a colon, and goes on in another font:
    # "Since: 2.0", "Alias: forEach".
    run_in: bool = False
    # Every glyph of it is set in its main font (a line of a program, not words around a name in code).
    one_font: bool = False
    # It was drawn with a space at its start or end: a piece of a line a word away from the next one.
    spaced: bool = False
    # The gap between the letters of a line set letter-spaced ("a r t i c l e"), 0 for another: the
    # next word of its line stands that much further away than words set tight do.
    tracking: float = 0.0
    # A paragraph's name set in bold at its start, the sentence going on in the text's font
    # ("Sustainability While we may ..."): its text, font and right edge, and where the rest starts
    # and its font.
    label: tuple[str, str, float, float, str] | None = None
    # The fonts its glyphs are set in (a signature's module, name and arguments in three typewriter
    # faces is code all the same).
    fonts: frozenset[str] = frozenset()
    # Where its glyphs stand, for upright text (0 where unknown): a glyph's box goes as deep as its
    # font says, and a bullet from a font with a deep box (TeX's CMSY) sits a line's depth below
    # the text it shares a baseline with.
    baseline: float = 0.0


@dataclass(frozen=True)
class Box:
    lines: tuple[Line, ...]
    x0: float
    y0: float
    x1: float
    y1: float
    # A table read a row a line (ruled: `_grid_rows`; borderless: `_aligned_tables`): its lines are
    # rows, no paragraph's.
    table: bool = False

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class PageLayout:
    number: int  # 1-based index in the file
    width: float
    height: float
    boxes: list[Box]
    unmapped: int = 0  # glyphs without a Unicode mapping
    chars: int = 0
    images: int = 0


Rule = tuple[float, float, float, float]  # x0, y0, x1, y1 of a short horizontal stroke on the page


def _ornament(text: str) -> bool:
    """A rule drawn in type: one symbol over and over ("◃◃◃◃◃◃", "★ ★ ★", "────"), under a slide's
    title or between a page's parts, which says nothing. Signs and punctuation are left: a row of
    "–" fills a table's empty cells."""
    marks = text.replace(" ", "")
    return len(marks) >= 3 and len(set(marks)) == 1 and unicodedata.category(marks[0]) == "So"


def _with_raised(before: str, run: str, nxt: str, spaced: bool) -> str:
    """The line's text `before` a raised run of characters (`run`, `nxt` the text after it) with
    that run read as what it is; `spaced`: pdfminer put a space of its own before the run."""
    # A citation number after a word ("active12and") or a punctuation mark ("is 1.2%.7 It",
    # "(P < .001).254 Some"): dropped, keeping the words apart.  Straight after a digit or a
    # short unit ("10^6", "m2") it is an exponent and stays.
    if _SUPERSCRIPT_RUN.match(run) and re.search(r"[A-Za-z]{3,}[.,;:)]?$|[.,;:)\]%]$", before):
        return before + " " if nxt[:1].isalnum() else before
    if run.isdigit() and spaced and re.search(r"(?<!\w)[^\W\d_]\s$", before):
        # a power of a one-letter symbol set in maths ("I²", "R²", "χ²"), which pdfminer parts
        # from the italic letter by a space of its own: written after it as an exponent after a
        # digit is ("I2", as a question types it; "I 2" had matched no "I2")
        return before.rstrip() + run
    if run.isdigit() and not before.strip() and nxt[:1].isalpha():
        # opening the line: a footnote's or an affiliation's mark ("1Note that", "2Department
        # of"), kept apart from the word it stands before and raised, so that it numbers no
        # section ("1 CTAN:pkg/atbegshi" read as a heading)
        return before + run.translate(_RAISED_DIGITS) + " "
    return before + run


# A list item's number run into its first word: a list sets its numbers flush right before the
# items' text, and "10." reaches the text where "9." leaves a gap ("10.Tax Related", "11.Placeholder").
_LIST_NUMBER_FUSED = re.compile(r"^(\d{1,3}\.)(?=[A-Z][a-z])")


def _points(size: float) -> float:
    """A glyph's size to a tenth of a point. pdfminer derives it from the glyph's box, so one size
    comes out 10.949999 on one baseline and 10.950001 on another (groff's 10.95 pt headings): rounded
    once, those would be two sizes, and two heading levels. Halves round up, in whole thousandths."""
    return (round(size * 1000) + 50) // 100 / 10


def _line(ltline, rules: list[Rule] = ()) -> Line | None:
    """One pdfminer text line: its text with superscript citation numbers dropped, unmapped glyphs
    removed, underscores drawn as short rules (`rules`) put back in the gaps they fill, and a
    list item's number parted from its first word (`_LIST_NUMBER_FUSED`)."""
    from pdfminer.layout import LTChar

    chars = [c for c in ltline if isinstance(c, LTChar)]
    if not chars:
        return None
    sizes = Counter(_points(c.size) for c in chars)
    size = sizes.most_common(1)[0][0]
    font = Counter(map(_typeface, chars)).most_common(1)[0][0]
    base = min(c.y0 for c in chars if _points(c.size) == size)
    # Characters set small and raised above the baseline: superscripts.
    raised = [isinstance(c, LTChar) and c.size < _SUPERSCRIPT_SIZE * size and c.y0 > base + 0.2 * size for c in ltline]
    parts: list[str] = []
    i, items = 0, list(ltline)
    glyphs = _accents_composed(items)
    pitch = _pitch(chars, font)
    while i < len(items):
        if raised[i]:
            j = i
            while j < len(items) and raised[j]:
                j += 1
            run = "".join(c.get_text() for c in items[i:j])
            nxt = items[j].get_text() if j < len(items) else ""
            parts = [_with_raised("".join(parts), run, nxt, spaced=not isinstance(items[i - 1], LTChar))]
            i = j
            continue
        text = glyphs[i]
        if text.startswith("(cid:") and isinstance(items[i], LTChar):
            # the code with its font: one code is another glyph in another font (a ligature in the
            # text's, a bracket in the equations')
            text = f"{text[:-1]}/{re.sub(r'[^A-Za-z0-9+-]', '', items[i].fontname)})"
        if rules and text == " " and not isinstance(items[i], LTChar) and 0 < i < len(items) - 1:
            text = _drawn_underscores(items[i - 1], items[i + 1], rules) or text
        if text == " " and pitch > 0 and not isinstance(items[i], LTChar) and _close_in_fixed_pitch(items, i, font):
            text = ""
        parts.append(text)
        i += 1
    text = _icon_bullet("".join(parts).replace("\n", " "), chars, font, size)
    if _LONE_MARK.fullmatch(text) and len(chars) == 1:
        # a glyph without a character alone on its line: a list's hanging mark, put back before
        # its item's first line (`_attach_bullets`), as "(cid:127) are allergic ..." reads when
        # pdfminer keeps the two on one line
        text = "•"
    # a glyph without a character inside a word is kept as its code, for `_ligatures_read`
    text = _UNMAPPED.sub(lambda m: m.group() if m.group().startswith("(cid:") and _in_word(text, m) else "", text)
    text = _LIST_NUMBER_FUSED.sub(r"\1 ", _struck_signs(re.sub(r"\s+", " ", text).strip()))
    if not UNMAPPED_CODE.sub("", text).strip() or _ornament(text):
        return None
    # A typewriter font's space is a whole advance, and a row of digits is numbers: neither is a
    # heading set letter-spaced (R's printed "1 2 2 2 3 4 5 5" had read "12223455").
    spaced = None if pitch > 0 or text.replace(" ", "").isdigit() else _letter_spaced_words(text, chars, size)
    text, tracking = spaced or (text, 0.0)
    fonts = frozenset(_typeface(c) for c in chars if not c.get_text().isspace())
    raw = ltline.get_text()
    upright = [c for c in chars if c.matrix[0] > 0 and c.matrix[1] == c.matrix[2] == 0]
    baseline = Counter(round(c.matrix[5], 1) for c in upright).most_common(1)[0][0] if upright else 0.0
    return Line(text, ltline.x0, ltline.y0, ltline.x1, ltline.y1, size, font, pitch, _run_in(chars), fonts == {font},
                raw[:1].isspace() or raw.rstrip("\n")[-1:].isspace(), tracking, _bold_label(items, text), fonts,
                baseline)


def _icon_bullet(text: str, chars: list, font: str, size: float) -> str:  # type: ignore[type-arg]
    """The line with its opening mark read as a bullet where the mark is set in a font of its own
    that gives it no character (`_ICON_MARK`), or in the line's font at another size than its
    words (`_SIZED_MARK`: ReportLab's list bullet, a code its font's encoding does not map)."""
    mark = _ICON_MARK.match(text)
    if mark and _typeface(chars[0]) != font:
        return "• " + text[mark.end():]
    sized = _SIZED_MARK.match(text)
    return "• " + text[sized.end():] if sized and _points(chars[0].size) != size else text


# A spacing accent and the combining mark it stands for.  TeX's older fonts set an accent as a
# glyph of its own over the letter ("Schr¨odinger", "Poincar´e"), which reads as two characters.
_ACCENTS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "^": "\u0302", "\u02dc": "\u0303",
            "~": "\u0303", "\u00b8": "\u0327", "\u02db": "\u0328", "\u02d8": "\u0306", "\u02c7": "\u030c",
            "\u02dd": "\u030b", "\u02da": "\u030a", "\u00af": "\u0304", "\u02d9": "\u0307"}


def _accents_composed(items: list) -> list[str]:  # type: ignore[type-arg]
    """Each item's text, with a spacing accent set over a letter (their boxes overlapping by more than
    half the narrower) composed with it into one character ("¨" over "a": "ä"), the accent's own
    text emptied.  An accent beside a letter ("TeX´99", "10^5") or with no single accented
    character (a math hat over x) stays as it is."""
    from pdfminer.layout import LTChar

    out = [c.get_text() for c in items]
    for i, c in enumerate(items):
        mark = _ACCENTS.get(out[i])
        if mark is None or not isinstance(c, LTChar):
            continue
        best, share = None, 0.5
        for j in (i + 1, i - 1):
            o = items[j] if 0 <= j < len(items) else None
            if isinstance(o, LTChar) and out[j].isalpha() and len(out[j]) == 1:
                overlap = min(c.x1, o.x1) - max(c.x0, o.x0)
                if overlap > share * max(min(c.width, o.width), 1e-6):
                    best, share = j, overlap / max(min(c.width, o.width), 1e-6)
        if best is None:
            continue
        composed = unicodedata.normalize("NFC", DOTLESS.get(out[best], out[best]) + mark)
        if len(composed) == 1:
            out[best], out[i] = composed, ""
    return out


# A subset's tag: "PRHUPG+NimbusSanL-Regu" and "WSCXRD+NimbusSanL-Regu" are two subsets of one
# typeface, embedded apart (a line set in the second read as set in another font: a heading).
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def _typeface(char) -> str:  # type: ignore[no-untyped-def]
    """The font a character is set in, without its subset's tag (glyph codes still go by the
    subset: one code is another glyph in another subset)."""
    return _SUBSET_TAG.sub("", char.fontname)


def _in_word(text: str, m: re.Match) -> bool:
    """Whether the glyph matched stands against a Latin letter: inside a word, or opening or ending
    one; or after a digit and before a word (a range's dash: "1–12", "r1–r12")."""
    return bool(re.search(r"[A-Za-z]$", text[:m.start()]) or re.match(r"[A-Za-z]", text[m.end():])
                or (re.search(r"\d$", text[:m.start()]) and re.match(r"\w", text[m.end():])))


def _ligatures_read(pages: list[PageLayout]) -> None:
    """The glyph codes kept inside words read as the ligatures they stand for (`ligature_codes`:
    "de(cid:28)ned" is "defined" where "fi" reads most such words), other codes left out."""
    lines = [ln.text for page in pages for box in page.boxes for ln in box.lines]
    if not any("(cid:" in t for t in lines):
        return
    codes = ligature_codes(lines)

    def read(text: str) -> str:
        return re.sub(r"\s+", " ", UNMAPPED_CODE.sub(lambda m: codes.get(m.group(), ""), text)).strip()

    for page in pages:
        page.boxes = [replace(box, lines=tuple(replace(ln, text=read(ln.text)) if "(cid:" in ln.text else ln
                                               for ln in box.lines)) for box in page.boxes]


def _letter_spaced_words(text: str, chars: list, size: float) -> tuple[str, float] | None:
    """A heading set letter-spaced ("S T U D Y P R O T O C O L", a space read between every two
    letters) as its words, told apart by the wider gaps between them: "STUDY PROTOCOL", with the
    usual gap between its letters. None for a line that is not letter-spaced."""
    if not _SPACED_LETTERS.match(text):
        return None
    glyphs = [c for c in chars if not c.get_text().isspace()]
    if len(glyphs) != len(text.split()):
        return None
    gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:])]
    usual = sorted(gaps)[len(gaps) // 2]
    out = glyphs[0].get_text()
    for gap, glyph in zip(gaps, glyphs[1:]):
        out += (" " if gap > max(2 * usual, 0.25 * size) else "") + glyph.get_text()
    return out, max(usual, 0.0)


_SPACED_LETTERS = re.compile(r"^(?:\S ){3,}\S$")


def _drawn_underscores(before, after, rules: list[Rule]) -> str:
    """The underscores drawn as rules in the gap between two glyphs, with the space on either side
    of them where the gap is wider than they are ("" when none is there). TeX sets an underscore in
    a text font as a rule a third to half an em wide on the baseline, not as a glyph (Texinfo's
    "ret_len", LaTeX's "\\_"), so the text layer holds a space there; an underline runs under
    words and a strike-through stands above the baseline."""
    size = getattr(before, "size", 0.0)
    if not size or not hasattr(after, "x0"):
        return ""
    drawn = sorted(r for r in rules if before.x1 - 0.1 * size <= r[0] and r[2] <= after.x0 + 0.1 * size
                   and 0.2 * size <= r[2] - r[0] <= 0.8 * size and before.y0 - 0.1 * size <= r[1] <= before.y0 + 0.4 * size)
    if not drawn:
        return ""
    left = " " if drawn[0][0] - before.x1 > 0.2 * size else ""
    right = " " if after.x0 - drawn[-1][2] > 0.2 * size else ""
    return left + "_" * len(drawn) + right


def _run_in(chars: list) -> bool:
    """Whether the characters open with a run in one font ending in a colon, followed by more text
    in other fonts."""
    first = _typeface(chars[0])
    n = next((i for i, c in enumerate(chars) if _typeface(c) != first and c.get_text().strip()), len(chars))
    label = "".join(c.get_text() for c in chars[:n]).strip()
    return 0 < n < len(chars) and label.endswith(":") and len(label.split()) <= 4


# How font names say bold: "Helvetica-Bold", "NimbusRomNo9L-Medi", "MinionPro-Semibold", TeX's "CMBX10".
_BOLD_FONT = re.compile(r"bold|medi|semibold|demi|black|heavy|cmbx", re.I)
_LABEL_WORDS, _NUMBERED_LABEL_WORDS = 6, 14  # the most words of a paragraph's run-in name, and of a numbered one
_NUMBERED_NAME = re.compile(r"\d+(?:\.\d+)*\.?\s+[A-Z]")  # a run-in name may be numbered ("5.2 Hyperlinked Titles.")


def _bold_label(items: list, text: str) -> tuple[str, str, float, float, str] | None:
    """`Line.label` from a pdfminer line's items (characters, and the spaces it puts between words):
    the line opens with up to `_LABEL_WORDS` words in a bold font, capitalised or numbered, not ending in a colon (that is
    `_run_in`'s "Since: 2.0"), then a sentence starts in a font that is not bold."""
    from pdfminer.layout import LTChar

    chars = [(i, c) for i, c in enumerate(items) if isinstance(c, LTChar)]
    first = _typeface(chars[0][1])
    if not _BOLD_FONT.search(first):
        return None
    n, after = next(((i, c) for i, c in chars if _typeface(c) != first and c.get_text().strip()), (None, None))
    if n is None or _BOLD_FONT.search(after.fontname):
        return None
    label = re.sub(r"\s+", " ", "".join(c.get_text() for c in items[:n])).strip()
    rest = text[len(label):].lstrip()
    # a numbered name closed by its full stop may run longer ("2.15. What about the new ‘no-linking’
    # feature. Starting with ...": a FAQ's question run in)
    most = _NUMBERED_LABEL_WORDS if _NUMBERED_NAME.match(label) and label.endswith(".") else _LABEL_WORDS
    if (not label or not text.startswith(label) or not (label[0].isupper() or _NUMBERED_NAME.match(label)) or label.endswith(":")
            or len(label.split()) > most or not rest[:1].isupper() or len(rest.split()) < 3):
        return None
    return label, first, max(c.x1 for i, c in chars if i < n), after.x0, _typeface(after)


def _close_in_fixed_pitch(items: list, i: int, font: str) -> bool:
    """Whether the space pdfminer put at `items[i]` parts two glyphs of the line's fixed-pitch font
    set closer than half a glyph's advance, the second after the first: no space, which in such a
    font takes a whole advance. A listing set on a grid a little wider than its font
    ("debian-edu-config" read "debian -edu - config" where a glyph stood a point further on)."""
    from pdfminer.layout import LTChar

    if not 0 < i < len(items) - 1:
        return False
    before, after = items[i - 1], items[i + 1]
    return (isinstance(before, LTChar) and isinstance(after, LTChar) and _typeface(before) == font == _typeface(after)
            and -0.25 * before.adv < after.x0 - before.x1 < 0.5 * before.adv)  # not back to a line's start


def _pitch(chars: list, font: str) -> float:
    """`Line.pitch` from the glyphs set in the line's main font, each advance taken over its size: a
    signature's name set larger than its module ("ArgumentParser." and "set_defaults") advances
    alike in a typewriter font."""
    glyphs = [c for c in chars if _typeface(c) == font and not c.get_text().isspace() and c.size > 0]
    if len({c.get_text() for c in glyphs}) < 2:
        return 0.0
    advances = [c.adv / c.size for c in glyphs]
    return -1.0 if max(advances) - min(advances) > 0.01 * max(advances) else max(advances)


def _page_layout(number: int, ltpage) -> PageLayout:
    from pdfminer.layout import LTChar, LTCurve, LTImage, LTTextBox, LTTextLine

    boxes: list[Box] = []
    unmapped = chars = images = 0

    def count(obj) -> None:
        nonlocal unmapped, chars, images
        if isinstance(obj, LTChar):
            chars += 1
            unmapped += bool(_UNMAPPED.search(obj.get_text()))
        elif isinstance(obj, LTImage):
            images += 1
        elif hasattr(obj, "__iter__"):
            for child in obj:
                count(child)

    dots: list[tuple[float, float, float, float]] = []
    # Short flat strokes, the shape of a drawn underscore, read before the text they sit in.
    rules = [(o.x0, o.y0, o.x1, o.y1) for o in ltpage if isinstance(o, LTCurve) and o.height <= 1.0 and 0 < o.width <= 12]
    strokes: list[tuple[float, float, float, float]] = []
    for obj in ltpage:
        count(obj)
        if isinstance(obj, LTTextBox) and _off_page(obj, ltpage):
            continue  # drawn where no reader sees it: a slide's overlay not yet shown
        if isinstance(obj, (LTTextBox, LTTextLine)):
            if (box := _text_box(obj, rules)) is not None:
                boxes.append(box)
        elif isinstance(obj, LTCurve) and (obj.fill or obj.stroke) and 0 < obj.width <= 8 and 0.6 <= obj.height / obj.width <= 1.6:
            dots.append((obj.x0, obj.y0, obj.x1, obj.y1))
        elif isinstance(obj, LTCurve):
            strokes.extend(_straight_strokes(obj))
    boxes = _watermarks_dropped(boxes)
    boxes = _drawn_bullets(boxes, dots) if dots else boxes
    boxes = _grid_rows(boxes, find_grids(strokes)) if strokes else boxes
    boxes = _aligned_tables(boxes, ltpage.width)
    return PageLayout(number, ltpage.width, ltpage.height, boxes, unmapped, chars, images)


def _text_box(obj, rules: list[Rule]) -> Box | None:
    """The box of a pdfminer text box's lines, None where none holds text; of a line pdfminer
    grouped with nothing, only a list's hanging mark, put back before its item later
    (`_attach_bullets`): the other lines it leaves alone hold nothing but spaces."""
    from pdfminer.layout import LTTextBox

    if isinstance(obj, LTTextBox):
        lines = tuple(ln for ln in (_line(x, _near(rules, x)) for x in obj) if ln is not None)
    else:
        lines = tuple(ln for ln in (_line(obj),) if ln is not None and _LONE_BULLET.match(ln.text))
    return Box(lines, obj.x0, obj.y0, obj.x1, obj.y1) if lines else None


def _off_page(obj, ltpage) -> bool:
    """Whether a box of text lies further from the page than the page is wide (or tall): beamer
    moves an overlay's items not yet uncovered thousands of points to the side, and no viewer shows
    what is drawn there. Text just past an edge is kept: a table too long for its page runs on
    below its bottom edge, and its rows are still the document's."""
    width, height = ltpage.x1 - ltpage.x0, ltpage.y1 - ltpage.y0
    return (obj.x1 <= ltpage.x0 - width or obj.x0 >= ltpage.x1 + width
            or obj.y1 <= ltpage.y0 - height or obj.y0 >= ltpage.y1 + height)


WATERMARK_SIZE = 2.0  # how many times larger than the text it lies over a watermark is set


def _watermarks_dropped(boxes: list[Box]) -> list[Box]:
    """The page without its watermark: a line set far larger than the text it lies over, which
    holds two boxes of text or more ("DRAFT", a poster's "LaTeX Poster" behind its columns). No
    heading or title has text inside it; a watermark read as text broke the columns around it and
    was taken for the title."""
    def inside(box: Box, big: Box) -> bool:
        x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        return big.x0 < x < big.x1 and big.y0 < y < big.y1

    out = []
    for big in boxes:
        if len(big.lines) == 1:
            held = [b for b in boxes if b is not big and inside(b, big)
                    and max(ln.size for ln in b.lines) * WATERMARK_SIZE <= big.lines[0].size]
            if len(held) >= 2:
                continue
        out.append(big)
    return out


def _straight_strokes(obj) -> list[tuple[float, float, float, float]]:  # type: ignore[no-untyped-def]
    """A drawn line or rectangle as the straight strokes a ruled table is drawn with: a thin one
    itself, a rectangle's outline its four sides (a cell drawn as a box of its own)."""
    from pdfminer.layout import LTLine, LTRect

    x0, y0, x1, y1 = obj.x0, obj.y0, obj.x1, obj.y1
    if min(x1 - x0, y1 - y0) <= 1.5 and isinstance(obj, (LTLine, LTRect)):
        return [(x0, y0, x1, y1)]
    if isinstance(obj, LTRect) and obj.stroke and not obj.fill:
        return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]
    return []


def _grid_rows(boxes: list[Box], grids: list[Grid]) -> list[Box]:
    """The boxes with the lines inside each ruled table (`find_grids`) taken out of them and read
    as one box of the table's rows, each a line: its cells left to right, a cell's lines top to
    bottom. pdfminer groups a ruled table's words column by column."""
    grids = [grid for grid in grids if not _ruled_paper(grid, [ln for box in boxes for ln in box.lines])]
    if not grids:
        return boxes
    cells: dict[tuple[int, int, int], list[Line]] = {}
    out: list[Box | int] = []  # a grid's number stands where its first line was
    for box in boxes:
        rest = []
        for ln in box.lines:
            y = (ln.y0 + ln.y1) / 2
            at = next(((g, c) for g, grid in enumerate(grids) if (c := grid.cell(ln.x0 + 0.5 * ln.size, y)) is not None), None)
            if at is None:
                rest.append(ln)
                continue
            if at[0] not in out:
                out.append(at[0])
            cells.setdefault((at[0], *at[1]), []).append(ln)
        if len(rest) == len(box.lines):
            out.append(box)
        elif rest:
            out.append(_box_of(tuple(rest), box.table))
    return [item if isinstance(item, Box) else _table_box(grids[item], {k[1:]: v for k, v in cells.items() if k[0] == item})
            for item in out]


def _ruled_paper(grid: Grid, lines: list[Line]) -> bool:
    """Whether most lines inside the grid are taller than the band they stand in: ruled or squared
    paper drawn behind a slide's text (a theme's background), which no table is. A table's rules
    go between its rows."""
    inside = taller = 0
    for ln in lines:
        at = grid.cell(ln.x0 + 0.5 * ln.size, (ln.y0 + ln.y1) / 2)
        if at is not None:
            inside += 1
            taller += ln.y1 - ln.y0 > grid.rows[at[0]] - grid.rows[at[0] + 1] + 1.0
    return taller * 2 > inside


# A borderless table's column: a narrow box of short lines (`_aligned_tables`), at most _CELL_WORDS
# words a line and _CELL_MEAN_WORDS on average (a narrow column of prose has five or more), no wider
# than _CELL_WIDTH of the page (a two-column page's columns are wider).
_CELL_WORDS, _CELL_MEAN_WORDS, _CELL_WIDTH = 8, 4, 0.3
_MAX_CELL_BOXES = 400
_LETTERS = re.compile(r"[^\W\d_]")  # (a line of figures advances alike in any font)
_LEADERS = re.compile(r"(?:\.\s?){4,}")  # an index's or contents' dot leaders
# A word or a figure: most of a table's cells hold one, and an index's letters ("A", "M") none.
_CELL_TEXT = re.compile(r"[^\W\d_]{2}|\d")
# A caption's label; a sentence that opens with one and goes on in lower case is running text
# ("Figure 2 shows an inverted pyramid ..."), not a caption ("Fig. 1 A figure caption").
CAPTION = re.compile(r"^(Table|Fig\.?|Figure|Supplementary (Table|Figure))\s*S?\d+(?!\w*\s+(?-i:[a-z]))", re.I)


def _aligned_tables(boxes: list[Box], width: float) -> list[Box]:
    """The boxes with each borderless table made one box of its rows (`Box.table`): narrow boxes of
    short lines side by side whose lines share baselines, two rows or more of two cells or more,
    with the boxes over them in their type size that a column's header or cell stands in. pdfminer
    groups such a table (a word processor's with a rule under its header alone) a column a box,
    and the heading under it was read between its columns.  A page that prints a caption has its
    tables read with it (`pdf._Assembler`), but for a table set over its caption
    (`_tables_over_captions`); and so do tables set smaller than the page's text (a journal's, a
    table's page over from its caption), their cells grouped otherwise."""
    sizes: Counter[float] = Counter()
    for b in boxes:
        for ln in b.lines:
            sizes[round(ln.size, 1)] += len(ln.text)
    text_size = sizes.most_common(1)[0][0] if sizes else 0.0
    captions = [b for b in boxes if CAPTION.match(b.lines[0].text)]
    if captions:
        return _tables_over_captions(boxes, width, captions, text_size)
    cells = [i for i, b in enumerate(boxes) if not b.table and b.x1 - b.x0 <= _CELL_WIDTH * width and _cells(b)
             and min(ln.size for ln in b.lines) >= 0.95 * text_size]
    if len(cells) > _MAX_CELL_BOXES:
        return boxes  # a map's or a chart's labels: comparing every two would cost seconds a page
    tables = {}
    joined: set[int] = set()
    for found, beside in _cell_groups(boxes, cells):
        rows = [[[ln] for ln in row] for row in baseline_rows([ln for i in found for ln in boxes[i].lines])]
        if beside and _table_like(rows):
            if more := [i for i in _columns_on_rows(boxes, found, rows, width) if i not in joined and i not in cells]:
                joined.update(more)
                found = found + more
                rows = [[[ln] for ln in row] for row in baseline_rows([ln for i in found for ln in boxes[i].lines])]
            tables[_first_cell(boxes, found, rows)] = (set(found), rows)
    return _tables_made(boxes, tables)


def _columns_on_rows(boxes: list[Box], found: list[int], rows: list[list[list[Line]]], width: float) -> list[int]:
    """The boxes beside a borderless table's cells (`found`) whose every line stands on one of its
    rows: a column of longer cells ("Benefits and harms are closely balanced" under "Meaning"),
    more words a line than a column of `_cells` holds, which had been read after the table as
    paragraphs of their own. Two lines or more in all, each box narrow and short-lined as a cell
    column is, within the table's height, each line clear of its row's cells."""
    def row_of(ln: Line) -> list[list[Line]] | None:
        mid = (ln.y0 + ln.y1) / 2
        return next((row for row in rows if abs((row[0][0].y0 + row[0][0].y1) / 2 - mid) <= 0.4 * ln.size), None)

    top, bottom = max(boxes[i].y1 for i in found), min(boxes[i].y0 for i in found)
    out = []
    for i, b in enumerate(boxes):
        if i in found or b.table or b.x1 - b.x0 > _CELL_WIDTH * width or b.y1 > top + 1 or b.y0 < bottom - 1 \
                or max(len(ln.text.split()) for ln in b.lines) > _CELL_WORDS or any(_LEADERS.search(ln.text) for ln in b.lines):
            continue
        # each line on a row, clear of that row's cells
        if all((row := row_of(ln)) is not None and not any(ln.x0 < c.x1 and c.x0 < ln.x1 for cell in row for c in cell)
               for ln in b.lines):
            out.append(i)
    return out if sum(len(boxes[i].lines) for i in out) >= 2 else []


# A table over its caption: its columns may be wider (a browser gives a two-column table the
# text's width), at most _CAPTIONED_WIDTH of the page and _CELL_WORDS words a line, and
# _CELL_MEAN_WORDS a line over the whole table.
_CAPTIONED_WIDTH = 0.45


def _tables_over_captions(boxes: list[Box], width: float, captions: list[Box], text_size: float) -> list[Box]:
    """`_aligned_tables` on a page that prints a caption: a table set right over its caption, as a
    browser prints HTML's `<figure>` or a bottom `<caption>` (which the caption's region, reading
    what follows the caption, left out: a two-column table's second column was read under the next
    section's heading). Its rows are bands (`_band_rows`): a cell wraps onto more lines, set at
    its row's top or centred on it."""
    cells = [i for i, b in enumerate(boxes) if not b.table and b.x1 - b.x0 <= _CAPTIONED_WIDTH * width
             and max(len(ln.text.split()) for ln in b.lines) <= _CELL_WORDS and min(ln.size for ln in b.lines) >= 0.95 * text_size
             and not CAPTION.match(b.lines[0].text)]
    if len(cells) > _MAX_CELL_BOXES:
        return boxes
    tables = {}
    for found, beside in _cell_groups(boxes, cells, slack=0.6):
        group = [boxes[i] for i in found]
        rows = _band_rows(group)
        said = [ln for row in rows for cell in row for ln in cell]
        if beside and _table_like(rows) and sum(len(ln.text.split()) for ln in said) <= _CELL_MEAN_WORDS * len(said) \
                and _over_caption(group, captions, boxes):
            tables[_first_cell(boxes, found, rows)] = (set(found), rows)
    return _tables_made(boxes, tables)


def _table_like(rows: list[list[list[Line]]]) -> bool:
    """Two rows or more of two cells or more, most of the lines a word or a figure (`_CELL_TEXT`)."""
    said = [ln for row in rows for cell in row for ln in cell]
    return sum(len(row) >= 2 for row in rows) >= 2 and sum(bool(_CELL_TEXT.search(ln.text)) for ln in said) > len(said) / 2


def _first_cell(boxes: list[Box], found: list[int], rows: list[list[list[Line]]]) -> int:
    """The box of a table's first cell, where the table is read: pdfminer may order its other
    columns before the text above it."""
    return next(i for i in found if rows[0][0][0] in boxes[i].lines)


def _tables_made(boxes: list[Box], tables: dict[int, tuple[set[int], list[list[list[Line]]]]]) -> list[Box]:
    """The boxes with each table's (its first cell's box, its boxes, its rows of cells) made one box
    of its rows, in its first cell's place."""
    if not tables:
        return boxes
    taken = set().union(*(found for found, _ in tables.values()))
    out = []
    for i, box in enumerate(boxes):
        if i in tables:
            out.append(_box_of(tuple(_row_line(row) for row in tables[i][1]), table=True))
        elif i not in taken:
            out.append(box)
    return out


def _over_caption(group: list[Box], captions: list[Box], boxes: list[Box]) -> bool:
    """Whether a caption stands right under a group of cells, within three of its lines and with
    nothing between them, and nearer than any caption over it (which heads it, or an earlier table)."""
    top, bottom = max(b.y1 for b in group), min(b.y0 for b in group)
    x0, x1 = min(b.x0 for b in group), max(b.x1 for b in group)
    size = group[0].lines[0].size
    under = [c for c in captions if c.y1 <= bottom + 0.5 * size and c.x0 < x1 and c.x1 > x0]
    if not under:
        return False
    caption = max(under, key=lambda c: c.y1)
    gap = bottom - caption.y1
    over = [c.y0 - top for c in captions if c.y0 >= top - 0.5 * size]
    between = any(b is not caption and all(b is not g for g in group) and b.y0 >= caption.y1 - 0.5 * size
                  and b.y1 <= bottom + 0.5 * size and b.x0 < x1 and b.x1 > x0 for b in boxes)
    return gap <= 3 * size and not between and all(gap < o for o in over)


_WRAPPED = re.compile(r"[(\[]?[a-z]")  # a cell's line that goes on the one above it


def _band_rows(group: list[Box]) -> list[list[list[Line]]]:
    """A borderless table's rows, top first, each its cells left to right, a cell its lines top to
    bottom. A row is a band of lines that overlap one another across the columns: a cell over two
    or three lines stands beside its row's other cells, set at their top or centred on them. A line
    that overlaps no other column's, and a band of lines that each go on in lower case right under
    a line of their cell, go on the cell above (cells wrapped at their rows' tops: "and getting up"
    beside "body clock" under "Keep regular times for going to bed")."""
    lines = [(ln, bi) for bi, b in enumerate(group) for ln in b.lines]
    band = list(range(len(lines)))

    def root(i: int) -> int:
        while band[i] != i:
            i = band[i]
        return i

    def under_its_cell(i: int) -> bool:
        return i > 0 and lines[i - 1][1] == lines[i][1] and lines[i - 1][0].y0 - lines[i][0].y1 <= 0.6 * lines[i][0].size

    crossed: set[int] = set()
    for i, j in itertools.combinations(range(len(lines)), 2):
        (a, ba), (b, bb) = lines[i], lines[j]
        if ba != bb and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.25 * min(a.size, b.size):
            band[root(i)] = root(j)
            crossed.update((i, j))
    for i in range(len(lines)):
        if i not in crossed and under_its_cell(i):
            band[root(i)] = root(i - 1)
    for members in _bands(lines, root):
        if all(under_its_cell(i) and _WRAPPED.match(lines[i][0].text) for i in members):
            for i in members:
                band[root(i)] = root(i - 1)
    bands = sorted(_bands(lines, root), key=lambda m: -max(lines[i][0].y1 for i in m))
    return [_band_cells([lines[i] for i in members]) for members in bands]


def _bands(lines: list, root) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The lines' indices grouped by their band's root."""
    members: dict[int, list[int]] = {}
    for i in range(len(lines)):
        members.setdefault(root(i), []).append(i)
    return list(members.values())


def _band_cells(lines: list[tuple[Line, int]]) -> list[list[Line]]:
    """A band's (line, box) pairs as its cells: a box's lines, left to right, each top to bottom."""
    cells: dict[int, list[Line]] = {}
    for ln, box in lines:
        cells.setdefault(box, []).append(ln)
    return [sorted(c, key=lambda ln: -ln.y1) for c in sorted(cells.values(), key=lambda c: min(ln.x0 for ln in c))]


def _cells(box: Box) -> bool:
    """Whether a box's lines may be a borderless table's cells: short lines of words, not a
    program's lines set in a typewriter font (a listing beside its output is no table), nor an
    index's entries with their leaders."""
    words = [len(ln.text.split()) for ln in box.lines]
    return max(words) <= _CELL_WORDS and sum(words) <= _CELL_MEAN_WORDS * len(words) \
        and not any(_LEADERS.search(ln.text) for ln in box.lines) \
        and sum(ln.pitch > 0 and len(_LETTERS.findall(ln.text)) >= 3 for ln in box.lines) <= len(box.lines) / 2


def _cell_groups(boxes: list[Box], cells: list[int], slack: float = 0.3) -> list[tuple[list[int], bool]]:
    """The boxes `cells` grouped where they share a baseline side by side (within `slack` of a type
    size; a cell over two lines centred on its row shares none with the row's others), or stand
    one right under the other at one type size and left edge (a column's header over its cells);
    with whether any two of a group share a baseline."""
    group = {i: i for i in cells}

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    beside: set[int] = set()
    for a, b in itertools.combinations(cells, 2):
        upper, lower = sorted((boxes[a], boxes[b]), key=lambda x: -x.y1)
        size = upper.lines[-1].size
        side_by_side = upper.x1 <= lower.x0 or lower.x1 <= upper.x0
        shared = side_by_side and any(abs(la.y0 - lb.y0) <= slack * la.size for la in upper.lines for lb in lower.lines)
        stacked = (abs(upper.x0 - lower.x0) <= 0.5 * size and 0 <= upper.y0 - lower.y1 <= 1.5 * size
                   and abs(lower.lines[0].size - size) <= 0.1 * size)
        if shared or stacked:
            group[root(a)] = root(b)
        if shared:
            beside.update((a, b))
    members: dict[int, list[int]] = {}
    for i in cells:
        members.setdefault(root(i), []).append(i)
    return [(found, any(i in beside for i in found)) for found in members.values()]


def baseline_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines of a table or figure region regrouped into rows: cells that share a baseline, left to
    right, top row first."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (-round((ln.y0 + ln.y1) / 2, 0), ln.x0)):
        mid = (ln.y0 + ln.y1) / 2
        if rows and abs((rows[-1][0].y0 + rows[-1][0].y1) / 2 - mid) <= 0.4 * ln.size:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [sorted(row, key=lambda c: c.x0) for row in rows]


def _row_line(cells: list[list[Line]]) -> Line:
    """A table row as one line: its cells left to right, a cell's lines joined top to bottom (a word
    broken at a hyphen joined at it)."""
    texts = []
    for cell in cells:
        text = ""
        for ln in cell:
            text += ("" if not text or text.endswith("-") else " ") + ln.text.strip()
        texts.append(text)
    first, every = cells[0][0], [ln for cell in cells for ln in cell]
    return Line(" ".join(texts), min(ln.x0 for ln in every), min(ln.y0 for ln in every), max(ln.x1 for ln in every),
                max(ln.y1 for ln in every), first.size, first.font)


def _table_box(grid: Grid, cells: dict[tuple[int, int], list[Line]]) -> Box:
    """A ruled table's box: a line per band of the grid holding text (`_row_line`)."""
    rows = [_row_line([sorted(cells[key], key=lambda ln: (-round(ln.y1), ln.x0)) for key in sorted(cells) if key[0] == band])
            for band in sorted({b for b, _ in cells})]
    return Box(tuple(rows), grid.x0, grid.rows[-1], grid.x1, grid.rows[0], table=True)


def _pieces_and_bullets_joined(pages: list[PageLayout]) -> None:
    """Each page's pieces of one line joined (`_line_pieces_joined`), then its hanging bullets put
    back (`_attach_bullets`), then its columns read one after the other (`_columns_in_order`).
    The running text's size is the document's: on a page of references, set small, those are the
    page's most common size."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for box in page.boxes:
            for ln in box.lines:
                sizes[ln.size] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    slides = is_slide_deck(pages)
    for page in pages:
        page.boxes = _headings_over_their_column(_attach_bullets(_line_pieces_joined(_line_numbers_dropped(page.boxes), body_size)))
        boxes = _small_rows_apart([_labels_apart(box) for box in page.boxes], body_size)
        # A slide's text may be shrunk to fit it (a two-column slide's lists): its columns are those
        # of its own size, unless its lines pair across the page as a table's rows do.
        size = min(body_size, page_text_size(page, frozenset(), body_size) or body_size) if slides else body_size
        if size < body_size and _rows_across(boxes):
            size = body_size
        page.boxes = _columns_in_order(boxes, page.width, size)


SMALL_CELL_LINES, CELL_GAP = 2, 8  # the most lines of a table's cell, and the widest gap (in type sizes) to the next


def _small_rows_apart(boxes: list[Box], body_size: float) -> list[Box]:
    """A box whose last lines are set smaller than the running text and stand on a baseline with
    small print beside them, split before those lines: pdfminer grouped a table's first cell with
    the heading above it ("Technical specifications" over "Measurement range", beside "1.1 to 33.3
    mmol/L"), and the heading's box read the cell as a paragraph of its own, apart from its row."""
    def small(line: Line) -> bool:
        return line.size < 0.93 * body_size

    # a cell is a line or two; one beside it stands in a box of a few lines, near it
    cells = [(box, ln) for box in boxes if len(box.lines) <= SMALL_CELL_LINES + 1 for ln in box.lines if small(ln)]
    out: list[Box] = []
    for box in boxes:
        k = len(box.lines)
        while k and small(box.lines[k - 1]):
            k -= 1
        if 0 < k and len(box.lines) - SMALL_CELL_LINES <= k < len(box.lines) and any(
                other is not box and abs(ln.y0 - line.y0) <= 1.0 and 0 <= max(ln.x0 - line.x1, line.x0 - ln.x1) <= CELL_GAP * line.size
                for line in box.lines[k:] for other, ln in cells):
            out += [_box_of(box.lines[:k]), _box_of(box.lines[k:])]
        else:
            out.append(box)
    return out


MIN_LINE_NUMBERS, IN_SEQUENCE = 5, 0.8  # the fewest margin numbers, and the share of them one more than the one above


def _line_numbers_dropped(boxes: list[Box]) -> list[Box]:
    """The page's boxes without its margin's line numbers (a preprint's or a manuscript's "1", "2",
    ... beside each line, which had come out as a column of numbers above the title): boxes
    holding bare whole numbers only, `MIN_LINE_NUMBERS` or more, counting up down the page
    (`IN_SEQUENCE` of them one more than the one above), each beside a line of text on its
    baseline set larger, all on one side of them. A table's column of numbers is set as its rows are."""
    numbered = [b for b in boxes if all(re.fullmatch(r"\d{1,5}", ln.text.strip()) for ln in b.lines)]
    if len(numbered) < MIN_LINE_NUMBERS:
        return boxes
    numbers = sorted((ln for b in numbered for ln in b.lines), key=lambda ln: -ln.y0)
    if sum(int(b.text) == int(a.text) + 1 for a, b in zip(numbers, numbers[1:])) < IN_SEQUENCE * (len(numbers) - 1):
        return boxes
    ids = {id(b) for b in numbered}
    text = [ln for b in boxes if id(b) not in ids for ln in b.lines]

    def beside(number: Line, right: bool) -> bool:
        return any(abs(ln.y0 - number.y0) <= 2.0 and ln.size > number.size + 0.5
                   and (ln.x0 >= number.x1 if right else ln.x1 <= number.x0) for ln in text)

    if any(sum(beside(n, right) for n in numbers) >= IN_SEQUENCE * len(numbers) for right in (True, False)):
        return [b for b in boxes if id(b) not in ids]
    return boxes


ROWS_ACROSS = 0.75  # the share of a page's lines on a baseline shared with a line beside them that makes it a table


def _rows_across(boxes: list[Box]) -> bool:
    """Whether most lines (`ROWS_ACROSS`) share their baseline with a line beside them: a table's
    rows (a font sampler's names beside their samples), not columns of their own."""
    lines = [ln for box in boxes for ln in box.lines]
    paired = sum(any(other is not ln and abs(other.y0 - ln.y0) <= 1.0 and (other.x0 >= ln.x1 or other.x1 <= ln.x0)
                     for other in lines) for ln in lines)
    return bool(lines) and paired >= ROWS_ACROSS * len(lines)


SLIDE_SHAPE = 1.2  # 4:3 slides are 1.33 as wide as tall, 16:9 ones 1.78


def is_slide_deck(pages: list[PageLayout]) -> bool:
    """Whether the file is a presentation's slides: most of its pages, two or more, wider than tall
    (a landscape table page in a paper is one among many)."""
    wide = sum(p.width >= SLIDE_SHAPE * p.height for p in pages)
    return wide >= 2 and wide > len(pages) / 2


def page_text_size(page: PageLayout, skip: AbstractSet[int], largest: float) -> float:
    """The size most of the page's characters are set in, outside the boxes `skip` (indexes) and
    lines set larger than `largest` (headings); 0.0 where there are none."""
    sizes: Counter[float] = Counter()
    for bi, box in enumerate(page.boxes):
        if bi not in skip:
            for ln in box.lines:
                if ln.size <= largest + 0.05:
                    sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _labels_apart(box: Box) -> Box:
    """A box whose lines open with a paragraph's run-in name (`Line.label`) with that name as a line
    of its own before the rest: read as a heading where it starts a paragraph."""
    if not any(ln.label for ln in box.lines):
        return box
    lines: list[Line] = []
    for ln in box.lines:
        if ln.label is None:
            lines.append(ln)
            continue
        text, font, end, start, rest_font = ln.label
        lines += [replace(ln, text=text, font=font, x1=end, label=None, one_font=True, pitch=0.0),
                  replace(ln, text=ln.text[len(text):].lstrip(), font=rest_font, x0=start, label=None, one_font=False)]
    return replace(box, lines=tuple(lines))


# Where a page's two columns part: a line that boxes of the running text do not cross between
# these shares of its width, with at least `COLUMN_SHARE` of their letters on either side of it.
GUTTER_RANGE = (0.35, 0.65)
COLUMN_SHARE = 0.2


def _columns_in_order(boxes: list[Box], width: float, body_size: float, inner: bool = False,
                      paragraphs: bool = False) -> list[Box]:
    """A two-column page's running text read column by column: pdfminer groups boxes closest pair
    first, so where the left column runs lower than the right, its last paragraphs came after the
    right column's paragraphs beside them (a section read on after the next one had begun). Boxes
    of the running text (set at `body_size` or larger) that cross the gutter part the page into
    bands; within a band the left column's come first, then the right's, each read again the same
    way (`inner`: across the part of the page it spans), so a poster's or a newsletter's three or
    four columns are read one by one. Small print (tables, captions, notes) goes on right after the
    box it followed, so a table's cells stay together. A page without such a gutter keeps its order,
    as does one where `paragraphs` asks for a paragraph (`_paragraph`) on either side of it
    and one side has none (a description list's names beside their text, a table's cells)."""
    if width <= 0 or len(boxes) < 4:
        return boxes
    text = [b for b in boxes if any(ln.size >= 0.93 * body_size for ln in b.lines)]
    size = {id(b): sum(len(ln.text) for ln in b.lines) for b in text}
    total = sum(size.values())
    best: tuple[int, float] | None = None
    clear: float | None = None  # a gutter no box of the running text crosses, however little stands right of it
    left_edge, right_edge = (min(b.x0 for b in text), max(b.x1 for b in text)) if inner and text else (0.0, width)
    low, high = (left_edge + share * (right_edge - left_edge) for share in GUTTER_RANGE)
    # The fewest letters cross the gutter at some box's edge (or anywhere, when none stands there).
    for x in sorted({e for b in text for e in (b.x0, b.x1) if low <= e <= high} | {(low + high) / 2}):
        left = sum(size[id(b)] for b in text if b.x1 <= x)
        right = sum(size[id(b)] for b in text if b.x0 >= x)
        if total and min(left, right) >= COLUMN_SHARE * total and (best is None or total - left - right < best[0]):
            best = (total - left - right, x)
        if clear is None and total and left >= COLUMN_SHARE * total and right and left + right == total:
            clear = x
    if best is None and clear is not None:
        # a paper's last page: the left column full, the right holding a paragraph's last words and
        # the reference list's heading, which had been read first
        best = (0, clear)
    if best is None or best[0] > 0.4 * total:
        if inner:
            return boxes
        return _boxes_risen(_stacks_in_order(boxes, text, width, body_size) or _centred_lines_in_place(boxes, width),
                            body_size)
    gutter = best[1]
    if paragraphs and not all(any(_paragraph(b) and side(b) for b in text)
                              for side in (lambda b: b.x1 <= gutter, lambda b: b.x0 >= gutter)):
        return boxes
    spanning = [b for b in text if b.x0 < gutter < b.x1]
    # Small print across the gutter with no running text beside it (a table across both columns:
    # its caption, cells or notes) parts them too: the columns above a table are read before the
    # columns below it, not the left column through and then the right (a sentence went on in the
    # right column's paragraph above the table).
    parting = [b for b in boxes if id(b) not in size and b.x0 < gutter < b.x1
               and not any(t.y0 < b.y1 and b.y0 < t.y1 for t in text)]
    middles = sorted(((s.y0 + s.y1) / 2 for s in spanning + parting), reverse=True)
    leading, followers = _followers(boxes, set(size))
    preceding = _small_print_in_its_column(text, followers, gutter)
    groups: dict[tuple[int, int], list[Box]] = {}
    for b in text:
        across = b.x0 < gutter < b.x1
        groups.setdefault((_band(b, middles, across), 0 if b.x1 <= gutter or across else 1), []).append(b)
    out = list(leading)
    for key in sorted(groups):
        column = [x for b in groups[key] for x in (*preceding.get(id(b), []), b, *followers.get(id(b), []))]
        out.extend(column if key[0] % 2 else _columns_in_order(column, width, body_size, inner=True))
    return out


def _band(box: Box, middles: list[float], across: bool) -> int:
    """The band of the page the box stands in, counted down from the top: an even number between
    the boxes across the page (whose middles are `middles`), the odd one after it for a box that
    is itself `across`."""
    middle = (box.y0 + box.y1) / 2
    return sum(1 for m in middles if m > middle) * 2 + across


def _followers(boxes: list[Box], text: set[int]) -> tuple[list[Box], dict[int, list[Box]]]:
    """The small print before any box of the running text (ids `text`), and after each such box
    the small print that followed it, which goes where it goes."""
    followers: dict[int, list[Box]] = {}
    anchor: Box | None = None
    leading: list[Box] = []
    for b in boxes:
        if id(b) in text:
            anchor = b
        else:
            (followers.setdefault(id(anchor), []) if anchor is not None else leading).append(b)
    return leading, followers


NEAR_PRINT = 2.0  # in type sizes: how close small print across the gutter keeps a box where it stands


def _small_print_in_its_column(text: list[Box], followers: dict[int, list[Box]], gutter: float) -> dict[int, list[Box]]:
    """Small print that followed a box of the other column (pdfminer's order: a table set small at
    the top of the right column came after a paragraph halfway down the left one, and was read
    inside a numbered list) moved to its own column, where no small print stands beside it or close
    by across the gutter (a table across the page): after the box of the running text closest
    above it there, or, where none stands above it below a box across the gutter, before the one
    closest below it. `followers` is changed in place; the boxes to read before each box of the
    running text (by id) are returned."""
    def side(box: Box) -> int | None:
        return 0 if box.x1 <= gutter else 1 if box.x0 >= gutter else None

    preceding: dict[int, list[Box]] = {}
    by_id = {id(b): b for b in text}
    prints = [b for small in followers.values() for b in small]
    for key, small in list(followers.items()):
        anchor_side = side(by_id[key])
        for b in list(small):
            column = side(b)
            if column is None or anchor_side is None or column == anchor_side:
                continue
            # small print beside it or close by across the gutter: a table across the page (its
            # cells, the notes under it), read as it stands
            reach = NEAR_PRINT * b.lines[0].size
            if any(side(o) != column and o.y0 - reach < b.y1 and b.y0 < o.y1 + reach for o in prints):
                continue
            above = [t for t in text if side(t) in (column, None) and t.y0 >= b.y1 - 0.5]
            below = [t for t in text if side(t) == column and t.y1 <= b.y0 + 0.5]
            over = min(above, key=lambda t: t.y0, default=None)
            if over is not None and side(over) == column:
                followers.setdefault(id(over), []).append(b)
            elif below:
                preceding.setdefault(id(max(below, key=lambda t: t.y1)), []).append(b)
            else:
                continue
            small.remove(b)
    return preceding


PARAGRAPH_LINES, PARAGRAPH_WORDS = 3, 4  # the fewest lines of a column's paragraph, and words a line


def _paragraph(box: Box) -> bool:
    """Whether the box is a paragraph of prose: lines of words, not a list of names or figures."""
    return len(box.lines) >= PARAGRAPH_LINES and sum(len(ln.text.split()) for ln in box.lines) >= PARAGRAPH_WORDS * len(box.lines)


WIDE = 0.75  # the share of the running text's width a box spanning the columns covers


def _stacks_in_order(boxes: list[Box], text: list[Box], width: float, body_size: float) -> list[Box] | None:
    """A page whose parts have columns of their own (a newsletter's stories one above another, each
    set in two or three columns parted at its own gutter; no one gutter parts the page): boxes of
    the running text that span most of its width (a headline, a story's full-width paragraph) part
    the page into stacks, each read column by column (`_columns_in_order`) where each column holds a
    paragraph. None when no stack has columns to read."""
    if not text:
        return None
    start, end = min(b.x0 for b in text), max(b.x1 for b in text)
    middle = (start + end) / 2
    wide = [b for b in text if b.x0 < middle < b.x1 and b.x1 - b.x0 >= WIDE * (end - start)]
    if not wide:
        return None
    middles = sorted(((b.y0 + b.y1) / 2 for b in wide), reverse=True)
    leading, followers = _followers(boxes, {id(b) for b in text})
    stacks: dict[int, list[Box]] = {}
    for b in text:
        stacks.setdefault(_band(b, middles, b in wide), []).extend((b, *followers.get(id(b), [])))
    out, parted = list(leading), False
    for key in sorted(stacks):
        stack = stacks[key] if key % 2 else _columns_in_order(stacks[key], width, body_size, inner=True, paragraphs=True)
        parted = parted or [id(b) for b in stack] != [id(b) for b in stacks[key]]
        out.extend(stack)
    return out if parted else None


CENTRED = 0.02  # how far, in page widths, a centred line's middle may stand from the page's


def _centred_lines_in_place(boxes: list[Box], width: float) -> list[Box]:
    """A page of one column with a centred line that pdfminer read after the box beneath it: a
    centred heading came after the flush-left heading under it ("Method" after "Participants", an
    APA paper's headings) or after its first paragraph ("III. Results", "3.3. General figures").
    A box of one short line of words centred on the page that stands wholly above the box before it,
    and wholly below the one before that, goes between the two. (Any box so placed would move a
    table's cells.)"""
    out = list(boxes)
    for i in range(2, len(out)):
        before, last, box = out[i - 2], out[i - 1], out[i]
        centred = abs((box.x0 + box.x1) / 2 - width / 2) <= CENTRED * width and box.x1 - box.x0 <= 0.5 * width
        # A line of words: a reference list's numbers in a column of their own stand there too ("84.").
        worded = len(box.lines) == 1 and sum(c.isalpha() for c in box.lines[0].text) >= 2
        if centred and worded and box.y0 >= last.y1 and before.y0 >= box.y1:
            out[i - 1], out[i] = box, last
    return out


def _boxes_risen(boxes: list[Box], body_size: float) -> list[Box]:
    """A page without columns with each box of text (set at `body_size` or larger, no table) read
    before the first box read before it that stands wholly below it and beside it neither left nor
    right: pdfminer read a page around a plot's axis labels out of order, the section's heading atop
    the page last and a command over the plot after the plot ("5.1 F statistics: function Fstats"
    had followed section 5.2). Boxes read after that one that stand so above the box rise with it,
    before it: a paragraph read after the formula beneath it had risen above its own
    heading, read between the two ("1.2 Estimating cumulative risks")."""
    def text(box: Box) -> bool:
        return not box.table and any(ln.size >= 0.93 * body_size for ln in box.lines)

    out: list[Box] = []
    for b in boxes:
        # only a box of text rises: small print keeps its place without looking at the others
        beside = [k for k, a in enumerate(out) if a.x0 < b.x1 and b.x0 < a.x1] if text(b) else []
        below = next((k for k in beside if out[k].y1 <= b.y0 + 0.5), None)
        if below is None:
            out.append(b)
            continue
        over = {k for k in beside if k > below and out[k].y0 + 0.5 >= b.y1}
        out[below:] = [*(out[k] for k in sorted(over)), b, *(a for k, a in enumerate(out[below:], below) if k not in over)]
    return out


def _headings_over_their_column(boxes: list[Box]) -> list[Box]:
    """A letter-spaced heading standing alone over a column, read before the other column's boxes
    beside it (Elsevier's "a b s t r a c t" over the right column, read before the left column's
    article history and keywords), moved to just before the box right beneath it: a heading goes
    with the text it heads.  (Any short line would move table cells and captions too.)"""
    out = list(boxes)
    i = 0
    while i < len(out) - 1:
        box = out[i]
        line = box.lines[0]
        if len(box.lines) == 1 and line.tracking and len(line.text.split()) <= 6 and not _beneath(out[i + 1], box):
            below = next((j for j in range(i + 2, len(out)) if _beneath(out[j], box)), None)
            if below is not None:
                out.insert(below - 1, out.pop(i))
                continue
        i += 1
    return out


def _beneath(other: Box, heading: Box) -> bool:
    """Whether `other` starts where the one-line `heading` does, right under it."""
    size = heading.lines[0].size
    return abs(other.x0 - heading.x0) <= 0.5 * size and 0 <= heading.y0 - other.y1 <= 2 * size


LINE_GAP = 0.8  # the widest gap, in type sizes, between two pieces of one line (a gutter is wider)
# A wider gap, up to this, in a loosely justified line of the running text: when the piece
# after it is not where a column's lines start (its box's left edge, lines under it) but a piece of
# its own. Not in a table or a reference list, set smaller, whose columns stand closer.
LOOSE_LINE_GAP = 1.2
# A heading's number stands further from its name, a quad or two in LaTeX ("5" then "Implications",
# set larger than the text), than words of one line do.
SECTION_NUMBER_GAP = 2.0
# The widest gap, in type sizes, between words of a justified line stretched across its column (a
# long word wrapped to the next line leaves few words to fill it). Such a line lies between lines of
# its paragraph and runs from the column's left edge to its right edge, where a gutter or a table's
# gap would not.
JUSTIFIED_GAP = 3.0
# The widest gap, in characters, between two pieces of one line of code set in a fixed-pitch font:
# pdfminer parted a listing's line before its last item ('> state <- c("tas", ... "wa",' and '"wa",',
# two characters on), which was read as a paragraph of its own after the listing.
CODE_GAP = 2.5
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}|[A-Z])(?:\.\d{1,2})*\.?")
PIECE_OVERLAP = 0.5  # sizes a piece of a line may start before the last one's end, over a space
ABUTTING = 0.02  # sizes a piece may start before the last one's end without one: rounding


def _line_pieces_joined(boxes: list[Box], body_size: float) -> list[Box]:
    """Pieces of one printed line joined into it, in the box of its first piece. pdfminer builds a
    line from characters in the order the file draws them, so a line drawn in pieces out of order
    comes as several lines side by side on one baseline, often in boxes of their own, which were
    read after the paragraph ("underlie social" + "interactions," + "including perceiving," +
    "inter-": the last joined to the next line and the middle ones set after the paragraph). Pieces
    are set at one size on one baseline, each starting within `LINE_GAP` sizes of the last one's end,
    or `LOOSE_LINE_GAP` in running text (set at `body_size`) when it is not where a column's lines
    start."""
    pieces = [(b, i, ln) for b, box in enumerate(boxes) for i, ln in enumerate(box.lines)]
    follows = _piece_order(pieces, boxes, body_size) if len(pieces) > 1 else {}
    if not follows:
        return boxes
    by_key = {(b, i): ln for b, i, ln in pieces}
    after = {v: k for k, v in follows.items()}
    joined: dict[tuple[int, int], Line] = {}
    for key in by_key:
        if key in follows or key not in after:
            continue
        chain = [key]
        while chain[-1] in after:
            chain.append(after[chain[-1]])
        joined[key] = _joined([by_key[k] for k in chain])
    out = []
    for b, box in enumerate(boxes):
        lines = tuple(joined.get((b, i), ln) for i, ln in enumerate(box.lines) if (b, i) not in follows)
        if lines:
            out.append(box if lines == box.lines else _box_of(lines, box.table))
    return out


def _piece_order(pieces: list[tuple[int, int, Line]], boxes: list[Box], body_size: float
                 ) -> dict[tuple[int, int], tuple[int, int]]:
    """Which piece (box, line) each piece continues on its line: the nearest one ending before it."""
    pieces = sorted(pieces, key=lambda p: (round(p[2].y0), p[2].x0))

    tops = _column_tops([ln for _, _, ln in pieces])

    def loose(b: int, piece: Line) -> bool:
        box = boxes[b]
        column = (len(box.lines) > 1 and piece.x0 <= box.x0 + 0.5 * piece.size) or id(piece) in tops
        return not column and abs(piece.size - body_size) <= 0.05 * body_size

    def widest(b: int, piece: Line) -> float:
        return (LOOSE_LINE_GAP if loose(b, piece) else LINE_GAP) * piece.size

    follows = _stretched_lines(pieces, boxes)
    led = set(follows.values())
    for at, (b, i, ln) in enumerate(pieces):
        if (b, i) in led:
            continue
        best = None
        number = _SECTION_NUMBER.fullmatch(ln.text.strip()) is not None and ln.size > 1.05 * body_size
        for b2, i2, other in pieces[max(0, at - 50) : at + 50]:
            gap = other.x0 - ln.x1
            # Words set letter-spaced stand apart by their letters' gap on either side of the space.
            reach = widest(b2, other) + 2 * max(ln.tracking, other.tracking)
            if number and other.font == ln.font:
                reach = max(reach, SECTION_NUMBER_GAP * ln.size)
            if ln.pitch > 0 and other.font == ln.font and other.pitch == ln.pitch:
                reach = max(reach, CODE_GAP * ln.pitch * ln.size)
            if reach <= gap < CROSSED_GAP * ln.size and not boxes[b2].table and loose(b2, other) \
                    and _crossed(ln, other, [p[2] for p in pieces[max(0, at - 50) : at + 50]]):
                reach = CROSSED_GAP * ln.size
            # A piece may start right at the last one's end, give or take rounding, or a little
            # inside it over a space drawn there: a word processor sets a link's text so ("to be
            # migrated. Table" + " 11.1" + "  summarizes the answers ..."). Without a space, two
            # pieces that overlap are two columns' words (an index's entry running into the next).
            overlap = (PIECE_OVERLAP if ln.spaced or other.spaced else ABUTTING) * ln.size
            if ((b2, i2) != (b, i) and -overlap <= gap < reach and abs(other.size - ln.size) <= 0.1 * ln.size
                    and abs(other.y0 - ln.y0) < 0.2 * ln.size and (b2, i2) not in follows
                    and (best is None or abs(gap) < best[0])):
                best = (abs(gap), (b2, i2))
        if best is not None:
            follows[best[1]] = (b, i)
    return follows


CROSSING_LINE = 1.6  # sizes from a line's baseline to the next line's in a paragraph, at most
# The widest word gap, in type sizes, of a line a paragraph's neighbouring line runs across
# (`_crossed`): TeX stretches one to about 1.5; an index's columns set small stand 2.8 apart, and a
# line of its spanning the gutter is no paragraph's.
CROSSED_GAP = 2.0


def _crossed(left: Line, right: Line, lines: list[Line]) -> bool:
    """Whether a line of the same size just above or below (`CROSSING_LINE`) runs across the gap
    between two pieces on one baseline: the gap is then a word space of a justified line stretched
    wide (TeX fills a line of few words so: "within R if you have access to repositories such as
    CRAN." + "See the help page for", 1.4 sizes apart, had been read a line apart, the paragraph's
    words out of order), not a gutter or a table's column gap, which no line of its text crosses."""
    return any(abs(o.size - left.size) <= 0.05 * left.size and 0.5 * left.size < abs(o.y0 - left.y0) <= CROSSING_LINE * left.size
               and o.x0 <= left.x1 and o.x1 >= right.x0 and _prose(o.text) for o in lines)


def _column_tops(lines: list[Line]) -> set[int]:
    """The ids of lines that stand atop a column of prose, two lines of words or more below them
    starting where they do and none above (a paragraph's last words opening a LaTeX page's right
    column, 10 points from the left column's first line: "... lesions in" + "cine design."; not a
    line of a column of page numbers, leaders or cells)."""
    tops = set()
    prose = [_prose(other.text) for other in lines]
    for line in lines:
        below = above = 0
        for other, words in zip(lines, prose):
            if abs(other.x0 - line.x0) <= 0.5 * line.size:
                below += other.y0 < line.y0 - 0.5 * line.size and words
                above += other.y0 > line.y0 + 0.5 * line.size
        if below >= 2 and not above:
            tops.add(id(line))
    return tops


def _prose(text: str) -> bool:
    """A line of words: five or more, most of its characters letters."""
    return len(text.split()) >= 5 and sum(c.isalpha() for c in text) >= 0.6 * len(text.replace(" ", ""))


def _stretched_lines(pieces: list[tuple[int, int, Line]], boxes: list[Box]) -> dict[tuple[int, int], tuple[int, int]]:
    """Pieces of a justified line whose word gaps are too wide for `_piece_order`'s reach: on one
    baseline strictly between two lines of a paragraph's box, the first of them in that box, together
    running from the box's left edge (or a paragraph's indent) to its right edge, no gap over
    `JUSTIFIED_GAP` sizes. Which piece each follows."""
    follows: dict[tuple[int, int], tuple[int, int]] = {}
    for at, box in enumerate(boxes):
        if len(box.lines) < 3:
            continue
        size = box.lines[0].size
        if sum(abs(ln.x1 - box.x1) <= 0.5 * size for ln in box.lines) < 2:
            continue  # not a justified paragraph
        tops, bottoms = max(ln.y0 for ln in box.lines), min(ln.y0 for ln in box.lines)
        inside = [(b, i, ln) for b, i, ln in pieces
                  if abs(ln.size - size) <= 0.05 * size and bottoms + 0.5 * size < ln.y0 < tops - 0.5 * size
                  and ln.x0 >= box.x0 - 0.5 * size and ln.x1 <= box.x1 + 0.5 * size]
        rows: dict[int, list[tuple[int, int, Line]]] = {}
        for piece in inside:
            rows.setdefault(round(piece[2].y0 / (0.2 * size)), []).append(piece)
        for row in rows.values():
            row.sort(key=lambda p: p[2].x0)
            first, last = row[0][2], row[-1][2]
            gaps = [q[2].x0 - p[2].x1 for p, q in zip(row, row[1:])]
            # The line starts in the paragraph's box, so that it is read there.
            if (len(row) > 1 and row[0][0] == at and first.x0 <= box.x0 + 2 * size and last.x1 >= box.x1 - 0.5 * size
                    and all(0 <= g <= JUSTIFIED_GAP * size for g in gaps)):
                follows.update({(q[0], q[1]): (p[0], p[1]) for p, q in zip(row, row[1:])})
    return follows


def _joined(parts: list[Line]) -> Line:
    """Pieces of one line, left to right, as one line: no space where one piece ends right where
    the next starts without one (one word drawn in two)."""
    first = parts[0]
    text = first.text + "".join((" " if p.x0 - q.x1 >= 0.15 * p.size or q.spaced or p.spaced else "") + p.text
                                for q, p in zip(parts, parts[1:]))
    return replace(first, text=text, x1=max(p.x1 for p in parts), y0=min(p.y0 for p in parts),
                   y1=max(p.y1 for p in parts),
                   one_font=all(p.one_font for p in parts) and len({p.font for p in parts}) == 1,
                   fonts=frozenset().union(*(p.fonts for p in parts)))


def _near(rules: list[Rule], line) -> list[Rule]:
    """The rules within a text line's bounds."""
    return [r for r in rules if line.y0 - 2 <= r[1] <= line.y1 and line.x0 <= r[2] and r[0] <= line.x1] if rules else []


MAX_DRAWN_BULLETS = 200  # round shapes on a page beyond which none is read as a list bullet


def _drawn_bullets(boxes: list[Box], dots: list[tuple[float, float, float, float]]) -> list[Box]:
    """Boxes whose lines open a list item with a bullet drawn as a small filled shape rather than
    set as a character (as a browser prints a web page's list), with "• " put before those lines.
    A list has two items or more, their bullets alike and one above the other, each standing alone:
    a shape beside a single line is a banner's ornament or a chart's legend, and a logo is drawn of
    many small touching pieces."""
    def alone(d: tuple[float, float, float, float]) -> bool:
        # no other shape overlaps it (one drawn twice, filled and stroked, is one)
        return not any(o != d and o[0] < d[2] and d[0] < o[2] and o[1] < d[3] and d[1] < o[3] for o in dots)

    round_ = [d for d in dots if d[2] - d[0] >= 2 and 0.8 <= (d[3] - d[1]) / (d[2] - d[0]) <= 1.25]
    if len(round_) > MAX_DRAWN_BULLETS:
        return boxes  # hundreds of round marks: a chart's, and checking them pairwise costs their square
    bullets = list(dict.fromkeys(d for d in round_ if alone(d)))
    column = Counter((round(d[0]), round(d[2] - d[0])) for d in bullets)
    bullets = [d for d in bullets if column[(round(d[0]), round(d[2] - d[0]))] >= 2]
    out = []
    for box in boxes:
        lines = []
        for ln in box.lines:
            # beside the line's start, its centre within the line's middle (a frame's rounded corners
            # sit at a banner's top and bottom edges)
            height = ln.y1 - ln.y0
            drawn = any(x1 <= ln.x0 <= x1 + 1.5 * ln.size and x1 - x0 <= 0.6 * ln.size
                        and ln.y0 + 0.15 * height <= (y0 + y1) / 2 <= ln.y1 - 0.15 * height for x0, y0, x1, y1 in bullets)
            lines.append(replace(ln, text="• " + ln.text) if drawn and not ln.text.startswith("•") else ln)
        out.append(replace(box, lines=tuple(lines)))
    return out


_LONE_BULLET = re.compile(r"^[•·▪◦●‣∙*\-–]$")


def _attach_bullets(boxes: list[Box]) -> list[Box]:
    """A list item's bullet set apart from its text (a hanging bullet) comes as a box of its own:
    it is put back before the first line of the box that starts just to its right on the same line.
    A column of such bullets may come as one box (a word processor's nested list: "–", "–", its
    items' text a box beside it, one item a line): each is put back before the line of any box
    that starts just to its right on its line, and the box keeps what is left."""
    out = list(boxes)
    for bullet in boxes:
        if len(bullet.lines) == 1:
            if not _LONE_BULLET.match(bullet.lines[0].text):
                continue
            mark = bullet.lines[0]
            item = next((b for b in out if b is not bullet and _right_of_bullet(mark, b.lines[0])), None)
            if item is None:
                continue
            first = item.lines[0]
            joined = Line(f"{mark.text} {first.text}", mark.x0, first.y0, first.x1, first.y1, first.size, first.font,
                          first.pitch)
            out[out.index(item)] = replace(item, lines=(joined, *item.lines[1:]), x0=min(item.x0, bullet.x0))
            out.remove(bullet)
        elif all(_LONE_BULLET.match(ln.text) or _LONE_BULLET.match(ln.text.split(" ", 1)[0]) for ln in bullet.lines):
            out = _bullet_column_attached(out, bullet)
    return out


def _right_of_bullet(mark: Line, line: Line) -> bool:
    """Whether `line` starts just right of the hanging bullet `mark`, on its line (by their boxes'
    feet, or by their baselines where both are known): the item's text."""
    level = abs(line.y0 - mark.y0) < 0.5 * mark.size or (
        mark.baseline > 0 and line.baseline > 0 and abs(line.baseline - mark.baseline) < 0.25 * mark.size)
    return level and 0 <= line.x0 - mark.x1 < 3 * mark.size


def _bullet_column_attached(boxes: list[Box], column: Box) -> list[Box]:
    """`boxes` with each lone bullet of `column` (a box of bullets, some with their item's text)
    put before the line of another box that starts just to its right on its line."""
    out = list(boxes)
    kept: list[Line] = []
    for mark in column.lines:
        if not _LONE_BULLET.match(mark.text):
            kept.append(mark)
            continue
        target = next(((k, n) for k, b in enumerate(out) if b is not column for n, ln in enumerate(b.lines)
                       if _right_of_bullet(mark, ln)), None)
        if target is None:
            kept.append(mark)
            continue
        k, n = target
        box, ln = out[k], out[k].lines[n]
        joined = replace(ln, text=f"{mark.text} {ln.text}", x0=mark.x0)
        out[k] = replace(box, lines=(*box.lines[:n], joined, *box.lines[n + 1:]), x0=min(box.x0, mark.x0))
    if len(kept) == len(column.lines):
        return boxes
    at = out.index(column)
    if kept:
        out[at] = replace(column, lines=tuple(kept), y0=min(ln.y0 for ln in kept), y1=max(ln.y1 for ln in kept))
    else:
        del out[at]
    return out


def _resources():
    """pdfminer's resource manager, with the Type 3 fonts TeX's bitmaps are drawn in read by their
    codes where their character map names Dingbats: such a font names each glyph by its code
    ("/a101" for "e", as dvips does), and a tool wrote the map by the Zapf Dingbats glyphs of those
    names, so every word came out as "❡" and its kind ("Definition" as "❉❡✜♥✐t✐♦♥"). A font
    named as one of the standard 14 that gives its own widths is measured by them, as a viewer
    draws it: pdfminer measured it by the standard font's metrics, so where the file's encoding
    gives a code another glyph (groff sets "-" as a minus, wider than a hyphen) the characters
    after it drifted from their place and a word was read in two at the next placed piece ("belo w",
    "--ignor e-backups"). Glyphs TeX's math fonts name outside the Adobe glyph list read as their
    symbols (`_tex_glyphs_read`)."""
    from pdfminer.pdffont import PDFSimpleFont, PDFType1Font, PDFType3Font
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdftypes import list_value, resolve1
    from pdfminer.psparser import PSSyntaxError

    class Resources(PDFResourceManager):
        def get_font(self, objid: object, spec):  # type: ignore[no-untyped-def]
            font = super().get_font(objid, spec)
            if isinstance(font, PDFSimpleFont) and isinstance(spec, dict):
                _tex_glyphs_read(font, spec)
            if isinstance(font, PDFType3Font) and font.unicode_map is not None and _dingbat_map(font):
                font.unicode_map = None  # its encoding, by which codes are letters, reads it
            elif isinstance(font, PDFType1Font) and isinstance(spec, dict) and "Widths" in spec:
                try:
                    first = int(resolve1(spec.get("FirstChar", 0)))
                    widths = {first + i: float(resolve1(w)) for i, w in enumerate(list_value(spec["Widths"]))}
                except (TypeError, ValueError, PSSyntaxError):
                    return font  # a damaged width table: the standard metrics stand
                if widths:
                    font.widths = widths
            return font

    return Resources()


# The glyphs TeX's math fonts (cmex, cmsy, cmmi and their Latin Modern versions) give names the
# Adobe glyph list lacks.  A file made without a character map for them (pdfTeX's default before
# 2019, common on arXiv) was read by the code's letter in the standard encoding: "P i xi" for
# "∑ i xi", "a 6= b" for "a ≠ b", a big bracket as "h" or "i" (a display's "Xi" read as a heading).
_TEX_GLYPHS = {
    "parenleft": "(", "parenright": ")", "bracketleft": "[", "bracketright": "]", "braceleft": "{", "braceright": "}",
    "angbracketleft": "⟨", "angbracketright": "⟩", "floorleft": "⌊", "floorright": "⌋", "ceilingleft": "⌈",
    "ceilingright": "⌉", "slash": "/", "backslash": "\\", "radical": "√", "vextendsingle": "|", "vextenddouble": "‖",
    "bardbl": "‖", "latticetop": "⊤", "follows": "≻", "similarequal": "≃", "mapsto": "↦", "star": "⋆", "epsilon1": "ε",
    "lscript": "ℓ", "prime": "′", "pi1": "ϖ", "rho1": "ϱ", "dotlessj": "ȷ", "lessmuch": "≪", "greatermuch": "≫",
    "precedesequal": "⪯", "followsequal": "⪰", "owner": "∋", "turnstileleft": "⊢", "turnstileright": "⊣",
    "unionsq": "⊔", "intersectionsq": "⊓", "subsetsqequal": "⊑", "supersetsqequal": "⊒", "triangleinv": "▽",
    "triangleleft": "◁", "triangleright": "▷", "slurbelow": "⌣", "slurabove": "⌢", "circlecopyrt": "◯",
    "equivasymptotic": "≍", "arrownortheast": "↗", "arrowsoutheast": "↘", "arrownorthwest": "↖",
    "arrowsouthwest": "↙", "circledot": "⊙", "harpoonleftup": "↼", "harpoonleftdown": "↽", "harpoonrightup": "⇀",
    "harpoonrightdown": "⇁", "negationslash": "\u0338",  # composed with the sign it strikes (`_struck_signs`)
}
# A big operator of the extension font, in its in-line ("text") or display size.
_TEX_OPERATORS = {"summation": "∑", "product": "∏", "coproduct": "∐", "integral": "∫", "contintegral": "∮",
                  "union": "⋃", "intersection": "⋂", "unionmulti": "⨄", "unionsq": "⨆", "logicaland": "⋀",
                  "logicalor": "⋁", "circledot": "⨀", "circleplus": "⨁", "circlemultiply": "⨂"}
_TEX_NAME = re.compile(r"([A-Za-z]+?)(big|Big|bigg|Bigg|text|display|tp|bt|ex|mid|vertex|wide|wider|widest)?")


def _struck_signs(text: str) -> str:
    """TeX's negation slash, set before the sign it strikes, composed with it: "a ≠ b", "x ∉ A"."""
    if "\u0338" not in text:
        return text
    return re.sub(r"\u0338\s?(\S)?", lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0338") if m.group(1) else "/", text)


def _tex_glyph(name: str) -> str | None:
    """The character of a TeX math glyph name the Adobe glyph list lacks ("summationdisplay": "∑",
    "angbracketleft": "⟨"); "" for a delimiter set large ("parenleftBigg"), a piece of a tall one or
    a wide accent: drawn on lines of their own around a display, they would scatter brackets through
    its lines; None for a name of no such glyph."""
    m = _TEX_NAME.fullmatch(name)
    if m is None:
        return None
    base, size = m.groups()
    if size in ("text", "display"):
        return _TEX_OPERATORS.get(base)
    if size is not None or base in ("vextendsingle", "vextenddouble"):
        return "" if base in _TEX_GLYPHS or base in ("brace", "paren", "bracket", "arrow", "radical", "hat", "tilde") else None
    return _TEX_GLYPHS.get(base)


def _tex_glyphs_read(font, spec: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    """Reads the codes a simple font's encoding names by a TeX math glyph name unknown to pdfminer
    as that glyph's character (a character map, where the file has one, still comes first)."""
    from pdfminer.encodingdb import name2unicode
    from pdfminer.pdftypes import list_value, resolve1
    from pdfminer.psparser import PSLiteral

    try:
        encoding = resolve1(spec.get("Encoding"))
        differences = list_value(encoding.get("Differences", [])) if isinstance(encoding, dict) else []
    except Exception:  # a damaged encoding: pdfminer's reading stands
        return
    code = 0
    for item in differences:
        if isinstance(item, int):
            code = item
            continue
        if isinstance(item, PSLiteral) and isinstance(item.name, str):
            try:
                name2unicode(item.name)
            except (KeyError, ValueError):
                char = _tex_glyph(item.name)
                if char is not None:
                    font.cid2unicode[code] = char
            code += 1


def _dingbat_map(font) -> bool:  # type: ignore[no-untyped-def]
    """Whether most of the letter codes a font's character map gives map to Dingbats (U+2700-27BF)."""
    mapped = []
    for code in [*range(65, 91), *range(97, 123)]:
        try:
            mapped.append(font.unicode_map.get_unichr(code))
        except KeyError:
            continue
    return len(mapped) >= 3 and sum("\u2700" <= c[:1] <= "\u27bf" for c in mapped) > 0.5 * len(mapped)


def read_layout(path: Path) -> tuple[list[PageLayout], dict[str, str], list[str], list[OutlineEntry]]:
    """Every page's layout (an unreadable page is an empty layout), the metadata, the page labels
    and the outline.

    Raises IngestError for a file that is not a readable PDF or needs a password."""
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    from assistant.ingest.pdf_grouping import PageAggregator

    try:
        with path.open("rb") as fh:
            parser = PDFParser(fh)
            try:
                document = PDFDocument(parser, password="")
            except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
                raise IngestError("encrypted PDF (a password is required)") from exc
            meta = _metadata(document)
            rsrc = _resources()
            device = PageAggregator(rsrc, laparams=LAParams())
            interpreter = PDFPageInterpreter(rsrc, device)
            vertical = PageAggregator(rsrc, laparams=LAParams(detect_vertical=True))
            vertical_interpreter = PDFPageInterpreter(rsrc, vertical)
            pages: list[PageLayout] = []
            page_ids: dict[int, int] = {}
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                page_ids[page.pageid] = number
                try:
                    interpreter.process_page(page)
                    layout = _page_layout(number, device.get_result())
                    if _has_vertical_text(layout):
                        vertical_interpreter.process_page(page)
                        layout = _page_layout(number, vertical.get_result())
                    pages.append(layout)
                except Exception:  # one damaged page loses that page, not the document
                    pages.append(PageLayout(number, 0.0, 0.0, []))
            try:  # an endless generator: as many labels as pages
                labels = list(itertools.islice(document.get_page_labels(), len(pages)))
            except Exception:  # no /PageLabels, or a malformed one: the index is the only number
                labels = []
            outline = read_outline(document, page_ids)
            _pieces_and_bullets_joined(pages)
            _ligatures_read(pages)
            _fixed_lines_apart(pages)
            _listings_read_in_place(pages)
    except IngestError:
        raise
    except Exception as exc:
        # A damaged file's error may quote kilobytes of its bytes: the report keeps a line of it.
        detail = " ".join(str(exc).split())
        detail = detail if len(detail) <= 120 else detail[:117] + "..."
        raise IngestError(f"unreadable PDF ({type(exc).__name__}: {detail})") from exc
    return pages, meta, labels, outline


# Text set vertically (a stamp up the margin of a landscape table) comes out of the horizontal
# analysis one character per line, spliced into the lines beside it.  Such a page is read again with
# vertical text detection, which is not used everywhere: it regroups some ordinary pages, splitting
# paragraphs and table cells.
_VERTICAL_HINT = 5


def _has_vertical_text(page: PageLayout) -> bool:
    """Several lines of one letter: letters stacked vertically, read across (a lone digit is more
    often a table's row number)."""
    return sum(len(line.text) == 1 and line.text.isalpha() for box in page.boxes for line in box.lines) >= _VERTICAL_HINT


def _metadata(document) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    out: dict[str, str] = {}
    for info in document.info or []:
        for key in ("Title", "Author", "Subject", "Keywords", "CreationDate", "doi"):
            value = resolve1(info.get(key))
            if isinstance(value, bytes):
                value = _pdf_string(value)
            elif isinstance(value, PSLiteral):
                value = str(value.name)
            if isinstance(value, str) and value.strip():
                out[key.lower()] = value.strip()
    return out


def _pdf_string(raw: bytes) -> str:
    """A PDF text string: UTF-16 with a byte-order mark, else PDFDocEncoding (close to Latin-1)."""
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


def _key(text: str) -> str:
    """What a margin line says, digits aside: letters only, so that the same running head read
    across a portrait and a rotated page ("journal-2016", "journal 2016") is one key."""
    return re.sub(r"[^a-z#]", "", re.sub(r"\d+", "#", text.lower()))


def _in_margin(box: Box, page: PageLayout) -> bool:
    """In the top or bottom tenth of the page, or a narrow strip along a side (a rotated stamp or
    running head, whole or in pieces): narrower than 6% of the page, taller than wide, and in the
    outer tenth of its width or over a fifth of its height."""
    if page.height <= 0:
        return False
    top, bottom = box.y1 >= page.height * 0.9, box.y0 <= page.height * 0.1
    width, height = box.x1 - box.x0, box.y1 - box.y0
    outer = box.x1 <= page.width * 0.1 or box.x0 >= page.width * 0.9
    side = width < page.width * 0.06 and height > width and (outer or height > page.height * 0.2)
    return top or bottom or side


_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,4}((\s+of\s+|\s*/\s*)\d{1,4})?$", re.I)
# A front matter's page number in lower-case Roman numerals, "i" to "xlix" (a contents page's "i" had
# ended the paragraph before it).
_ROMAN_PAGE = re.compile(r"(?=[ivxl])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def _edge_number(box: Box, page: PageLayout, reach: float = 1 / 6) -> bool:
    """A bare number standing below (or above) everything else on the page, within its bottom (top)
    sixth (`reach`), but what stands on its baseline (`_at_edge`): where a page number stands though
    LaTeX's margins set it just above the bottom tenth, or beside its running head below the top tenth."""
    return _PAGE_NUMBER.match(box.text.strip()) is not None and _at_edge(box, page, reach)


# How far up (down) the page a bare number that is the page's printed number may stand below (above)
# all else: LaTeX's default margins on letter paper set the first page's number 145 pt up, above the
# bottom sixth, where the pages after it number themselves in their running heads.
PRINTED_NUMBER_REACH = 1 / 4


def _at_edge(box: Box, page: PageLayout, reach: float = 1 / 6) -> bool:
    """Whether the box stands within the page's bottom (top) sixth (`reach`) with nothing below
    (above) it but boxes on its own baseline."""
    if page.height <= 0:
        return False
    if box.y0 <= page.height * reach:
        return all(other is box or other.y0 > box.y1 or abs(other.y0 - box.y0) <= _BASELINE_SLACK for other in page.boxes)
    if box.y1 >= page.height * (1 - reach):
        return all(other is box or other.y1 < box.y0 or abs(other.y0 - box.y0) <= _BASELINE_SLACK for other in page.boxes)
    return False


def _beside_number(box: Box, page: PageLayout) -> bool:
    """Whether a bare number stands on the box's baseline, in it or beside it: a running head
    carries the page's number, a table's header row repeated atop each page does not."""
    if re.search(r"^\d{1,4}\s|\s\d{1,4}$", box.text.strip()):
        return True
    return any(other is not box and _PAGE_NUMBER.match(other.text.strip()) and abs(other.y0 - box.y0) <= _BASELINE_SLACK
               for other in page.boxes)


def _edge_head(box: Box, page: PageLayout, text: tuple[str, float]) -> bool:
    """A box at the edge of an upright page (`_at_edge`) outside its margins, set no larger than the
    text and not in its style (`text`: font and size): where LaTeX sets a running head on letter
    paper, just below the top tenth. A title set there on the first page of a paper or a chapter is
    larger; a page's first line of text is in the text's style; a slide's title stands there too,
    on a landscape page."""
    return page.width < page.height and not _in_margin(box, page) and _at_edge(box, page) \
        and all(line.size <= text[1] + 0.1 and (line.font, round(line.size, 1)) != (text[0], round(text[1], 1)) for line in box.lines)
# What a browser prints in a page's margins: the page's address and a page count ("file:///...
# 1/3"), or the date and time before the page's title ("11/30/26, 8:16 PM Valgrind FAQ").
_BROWSER_STAMP = re.compile(r"^[a-z][a-z+.-]{1,15}://\S+(\s+\d{1,4}/\d{1,4})?$|^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}\b",
                            re.I)


def furniture(pages: list[PageLayout]) -> set[tuple[int, int]]:
    """(page index, box index) of running heads and footers, page numbers and stamps.

    A bare number below or above all else on the page, within its bottom or top quarter
    (`PRINTED_NUMBER_REACH`), that is the page's printed number (`_edge_number`: LaTeX sets it
    above the bottom tenth) is furniture.
    A margin box is furniture when its text, digits aside, recurs in the margins of at least three
    pages and a fifth of them (odd and even pages often carry different heads), or when it is a bare
    page number (in Roman numerals too) or a browser's print stamp (`_BROWSER_STAMP`: a page printed on one or two pages has
    no repetition to go by) or a running head naming the section beside the printed page number
    (`_numbered_head`), or stands on the baseline of either (the page's title the browser prints
    beside the date: on a page printed on two pages it stood mid-text at the top of the second), or
    is one line on the baseline of the page's printed number (a manual's "Chapter 1: Introduction"
    over each page of the chapter, too few pages to recur enough, was read mid-sentence where a
    paragraph ran on from the page before).
    Anywhere on the page, a box is furniture when the same text stands at the same place on at least
    three pages and half of them: a web page's fixed sidebar or banner, which a browser prints on
    every page (`_fixed_lines_apart` parts it from a box of text pdfminer grouped it with); in the
    margins of a document of two pages, on both. A line in the top or bottom
    margin is furniture, whatever it says, where at least three pages and half of them set a line
    on its baseline in its style, one that is not the text's and no larger (`_running_style`): a
    book's running heads naming each page's chapter and section ("CHAPTER 4. SIMPLE EXAMPLE", "4.3.
    WHAT IS DEBMAKE?"), each recurring too seldom to be found by its words. Margin boxes on one
    line read together (`_margin_runs`) count as the line they make: a stamp read in pieces down a
    rotated page's side is the stamp read whole along the other pages' top. Below the top or bottom
    tenth, a box at the edge of an upright page set no larger than the text (`_edge_head`: LaTeX's
    running heads on letter paper) is furniture when its words recur as the margin rule asks and a
    page number stands on its baseline (`_beside_number`). A chapter's running head in the text's own
    style is furniture on the pages of its chapter (`_chapter_heads`)."""
    counts: Counter[str] = Counter()
    edge_counts: Counter[str] = Counter()  # in the margins or at the page's edge below them (`_edge_head`)
    places = [[_placed(b) for b in page.boxes] for page in pages]
    placed: Counter[tuple[str, int, int]] = Counter()
    styled: Counter[tuple[str, float, int]] = Counter()
    body = text_style(pages)
    runs = [_margin_runs(page) for page in pages]
    for page, page_places, page_runs in zip(pages, places, runs):
        margin = {_key(b.text) for b in page.boxes if _in_margin(b, page)}
        counts.update(margin | {_run_key(page, run) for run in page_runs})
        edge_counts.update(margin | {_key(b.text) for b in page.boxes if _edge_head(b, page, body)})
        placed.update(set(page_places))
        styled.update({key for b in page.boxes if (key := _running_style(b, page, body))})
    need = max(3, len(pages) // 5)
    half = max(3, (len(pages) + 1) // 2)
    numbers = printed_page_numbers(pages)
    chapters = _chapter_heads(pages, places, body)
    out: set[tuple[int, int]] = set()
    for pi, page in enumerate(pages):
        number = numbers[pi] if pi < len(numbers) else ""
        # (and "Page 1 of 2" in the margin, a printed number with its words)
        number_lines = [b.y0 for b in page.boxes
                        if (number and b.text.strip() == number and (_in_margin(b, page) or _edge_number(b, page)))
                        or (_in_margin(b, page) and re.search(r"\D", b.text.strip()) and _PAGE_NUMBER.match(b.text.strip()))]
        for bi, box in enumerate(page.boxes):
            if len(pages) >= 3 and (placed[places[pi][bi]] >= half or places[pi][bi] in chapters
                                    or styled[_running_style(box, page, body) or ("", 0.0, 0)] >= half):
                out.add((pi, bi))
            if number and box.text.strip() == number and _edge_number(box, page, PRINTED_NUMBER_REACH):
                out.add((pi, bi))
            if not _in_margin(box, page):
                continue
            if len(pages) == 2 and placed[places[pi][bi]] == 2:
                out.add((pi, bi))  # the same line at the same place in the margin of both pages
                continue
            text = re.sub(r"\s+", " ", box.text).strip()
            if len(box.lines) == 1 and any(abs(box.y0 - y) <= _BASELINE_SLACK for y in number_lines):
                out.add((pi, bi))  # a running head set beside the printed page number, a box of its own
            elif (_BROWSER_STAMP.match(unicodedata.normalize("NFKC", text)) or _numbered_head(text, number)):
                # The whole printed line goes, itself among the margin's boxes on its baseline: a
                # browser sets its header and footer each on one (the page's title beside the date
                # and time, the address beside the page count), a book its numbered running head
                # with the chapter's title across the page.
                out.update((pi, bj) for bj, other in enumerate(page.boxes)
                           if _in_margin(other, page) and abs(other.y0 - box.y0) <= _BASELINE_SLACK)
            elif _PAGE_NUMBER.match(text) or _ROMAN_PAGE.fullmatch(text) or (len(pages) >= 3 and counts[_key(text)] >= need):
                out.add((pi, bi))
    if len(pages) >= 3:
        # Below the margin, at the page's edge, only a head that recurs in words: a section heading
        # atop a page ("3 Results" on page 3) is no running head beside its number.
        out.update((pi, bi) for pi, page in enumerate(pages) for bi, box in enumerate(page.boxes)
                   if _edge_head(box, page, body) and re.search("[a-z]", key := _key(box.text)) and edge_counts[key] >= need
                   and _beside_number(box, page))
        # A stamp read in pieces on one page and whole on the others (a journal's "Downloaded
        # from ..." down the side of a rotated page, along the top of the others)
        out.update((pi, i) for pi, page in enumerate(pages) for run in runs[pi]
                   if _recurs_whole(page, run, counts, need) for i in run)
    return out


def _chapter_heads(pages: list[PageLayout], places: list[list[tuple[str, int, int]]],
                   body: tuple[str, float]) -> set[tuple[str, int, int]]:
    """The places (`_placed`) of a book's running heads that name each page's chapter in the text's
    own style (a manual's "The Basics" atop each page of its chapter 2, "Investments" atop
    chapter 9's): a line in the top or bottom tenth, no larger than the text and no sentence, that
    stands with the same text at the same place on at least three pages and on half the pages from
    the first of them to the last, every page or every other one. Each recurs too seldom over the
    whole book to be found by its words, and in the text's style `_running_style` cannot tell it
    from a page's first line; a heading ("Note") that opens a page now and then stands at that
    place on a few pages far apart. A deck's frame, its title repeated over its steps, is no book."""
    if is_slide_deck(pages):
        return set()
    seen: dict[tuple[str, int, int], list[int]] = {}
    for pi, page in enumerate(pages):
        for box, place in zip(page.boxes, places[pi]):
            if (len(box.lines) == 1 and (box.y1 >= page.height * 0.9 or box.y0 <= page.height * 0.1)
                    and box.lines[0].size <= body[1] + 0.05 and re.search(r"[^\W\d_]{2}", place[0])
                    and not re.search(r"[.!?]$", place[0])):
                seen.setdefault(place, []).append(pi)
    return {place for place, at in seen.items()
            if len(set(at)) >= 3 and 2 * len(set(at)) >= at[-1] - at[0] + 1}


STAMP_LETTERS = 10  # letters a stamp read in pieces says at least: pieces of code or numbers say none


def _recurs_whole(page: PageLayout, run: list[int], counts: Counter[str], need: int) -> bool:
    """Whether the margin boxes `run`, read together, say in words (`STAMP_LETTERS`) what recurs in
    the margins of `need` pages or more."""
    key = _run_key(page, run)
    return len(key.replace("#", "")) >= STAMP_LETTERS and counts[key] >= need


def _run_key(page: PageLayout, run: list[int]) -> str:
    """What the margin boxes `run` say read together, as `_key` says it of one."""
    return "".join(_key(page.boxes[i].text) for i in run)


def _margin_runs(page: PageLayout) -> list[list[int]]:
    """The page's margin boxes (`_in_margin`) that stand on one line, two or more, in reading
    order: along the top or bottom on one baseline left to right, or down a side strip at one
    left edge top to bottom."""
    groups: dict[tuple[str, int], list[int]] = {}
    for i, box in enumerate(page.boxes):
        if not _in_margin(box, page):
            continue
        upright = box.y1 - box.y0 > box.x1 - box.x0
        key = ("side", round(box.x0 / _BASELINE_SLACK)) if upright else ("edge", round(box.y0 / _BASELINE_SLACK))
        groups.setdefault(key, []).append(i)
    runs = []
    for (kind, _), members in groups.items():
        if len(members) >= 2:
            runs.append(sorted(members, key=lambda i: -page.boxes[i].y1 if kind == "side" else page.boxes[i].x0))
    return runs


# The share of a document's characters set outside typewriter fonts for its text to be that prose
# rather than its listings: a LaTeX package's documented source is mostly its code in CMTT9, and
# read as the text, its prose in CMR10 had stood larger than the text, every line a heading.
PROSE_SHARE = 0.25


def text_style(pages: list[PageLayout], skip: AbstractSet[tuple[int, int]] = frozenset()) -> tuple[str, float]:
    """The (font, size) most of the characters are set in, outside the boxes `skip` (page and box
    indexes), of those outside typewriter fonts (`typewriter_fonts`) where they are `PROSE_SHARE`
    of all; ("", 0.0) where there are none."""
    chars: Counter[tuple[str, float]] = Counter()
    for pi, page in enumerate(pages):
        for bi, box in enumerate(page.boxes):
            if (pi, bi) not in skip:
                for ln in box.lines:
                    chars[(ln.font, ln.size)] += len(ln.text)
    typed = typewriter_fonts(pages)
    prose = Counter({style: n for style, n in chars.items() if style[0] not in typed})
    if prose and prose.total() >= PROSE_SHARE * chars.total():
        return prose.most_common(1)[0][0]
    return chars.most_common(1)[0][0] if chars else ("", 0.0)


def _running_style(box: Box, page: PageLayout, body: tuple[str, float]) -> tuple[str, float, int] | None:
    """(font, size, baseline to the nearest 2 points) of a one-line box in the top or bottom tenth
    of the page set in another style than the text's and no larger (a slide's title is larger),
    and not the first or last line of a block in its style: a line of code opening a page of a
    tutorial printed from a browser has the next line of its listing in its style a line below,
    where a running head has the text in another; None for any other box."""
    top, bottom = box.y1 >= page.height * 0.9, box.y0 <= page.height * 0.1
    if len(box.lines) != 1 or page.height <= 0 or not (top or bottom):
        return None
    line = box.lines[0]
    if (line.font, line.size) == body or line.size > body[1] + 0.05:
        return None
    # the nearest line toward the text, past any beside it on its baseline (a page number)
    toward = [(abs(ln.y0 - line.y0), ln) for b in page.boxes if b is not box for ln in b.lines
              if (ln.y0 < line.y0 - _BASELINE_SLACK if top else ln.y0 > line.y0 + _BASELINE_SLACK)]
    if toward:
        gap, nearest = min(toward, key=lambda t: t[0])
        if (nearest.font, nearest.size) == (line.font, line.size) and gap <= _LISTING_LEADING * line.size:
            return None
    return line.font, line.size, round(line.y0 / 2)


# The most a line of a listing stands from the next, in its size (a browser sets a <pre> at 1.76).
_LISTING_LEADING = 2.5


def _numbered_head(text: str, number: str) -> bool:
    """A running head that names the section a page is in beside its printed page number ("1.2
    Estimating cumulative risks 3", "2 1.2 Estimating ..."): it changes with the section, so it
    recurs too seldom to be found by repetition, and read as a heading it nested every later section
    under it."""
    if not number.isdigit():
        return False
    if re.match(r"(?:Table|Fig(?:ure)?\.?)\s", text, re.I):
        return False  # a caption at the page's top ("Table 3" on page 3)
    # words, then the number ("... Estimating cumulative risks 3"): read from the end, since as a
    # regex (".*[^\W\d_].*\s+3") a margin box of a whole paragraph backtracked for seconds
    words = text.removesuffix(number)
    if len(words) < len(text) and words[-1:].isspace() and "\n" not in words.rstrip() \
            and re.search(r"[^\W\d_]", words):
        return True
    return bool(re.fullmatch(rf"{number}\s+\d+(?:\.\d+)*\.?\s+\S.*", text))


_BASELINE_SLACK = 2.0  # points between the baselines of two boxes of one printed line


def typewriter_fonts(pages: list[PageLayout]) -> frozenset[str]:
    """Fonts whose glyphs all advance alike on every line they set (`Line.pitch`), on three lines or
    more: a short line of code ("BEGIN") cannot tell on its own, its font can."""
    alike: Counter[str] = Counter()
    differ: set[str] = set()
    for page in pages:
        for box in page.boxes:
            for ln in box.lines:
                if ln.pitch < 0:
                    differ.add(ln.font)
                elif ln.pitch > 0:
                    alike[ln.font] += 1
    return frozenset(f for f, n in alike.items() if n >= 3 and f not in differ)


GRID_SLACK = 0.25  # how far, in characters, a listing's piece may stand off the character grid
# The most characters a listing's row leaves blank between two pieces (a help's option and its
# meaning, a line and its comment); listings in a poster's columns stand further apart.
LISTING_GAP = 24


def _listings_read_in_place(pages: list[PageLayout]) -> None:
    """Each page's listings (text set wholly in a typewriter font) read as they are set: pieces of
    one listing side by side, on one grid of characters, joined row by row
    (`_listing_columns_joined`), and a listing that pdfminer read after the text beneath it put
    back under the text above it (`_listing_in_place`)."""
    fonts = typewriter_fonts(pages)
    if not fonts:
        return
    for page in pages:
        page.boxes = _listing_in_place(_listing_columns_joined(page.boxes, fonts), fonts)


def _typed(box: Box, fonts: frozenset[str]) -> bool:
    """Whether a box is set wholly in the typewriter `fonts`, and no table."""
    return not box.table and all(ln.font in fonts for ln in box.lines)


def _advance(lines: list[Line]) -> float:
    """The width of a character of the lines' typewriter font, 0 where none tells."""
    pitches = sorted(ln.pitch * ln.size for ln in lines if ln.pitch > 0)
    return pitches[len(pitches) // 2] if pitches else 0.0


def _listing_columns_joined(boxes: list[Box], fonts: frozenset[str]) -> list[Box]:
    """The boxes with the pieces of a listing that stand side by side made one box of its rows.
    pdfminer parts a listing where its columns leave a gap ("-c, --check" and "checks the syntax
    only" of a program's help; a declaration's names and types), and its columns were read one
    after the other. Two boxes set wholly in one typewriter font at one size are pieces of one
    listing where they share a baseline and their left edges stand a whole number of characters
    apart (two listings side by side, on a slide's two columns, need not); a row's pieces are
    joined with a space for each character of the gap between them."""
    typed = [i for i, b in enumerate(boxes) if _typed(b, fonts)]
    # the text's left margin: a margin note (the name a line of code defines, set beside it in a
    # package's documented source) stands left of it, no piece of the listing
    edges = Counter(round(ln.x0) for b in boxes if not _typed(b, fonts) for ln in b.lines)
    margin = edges.most_common(1)[0][0] if edges else -math.inf
    group = {i: i for i in typed}

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for a, b in itertools.combinations(typed, 2):
        if boxes[a].lines[0].font == boxes[b].lines[0].font and _one_listing(boxes[a], boxes[b], margin):
            group[root(a)] = root(b)
    members: dict[int, list[int]] = {}
    for i in typed:
        members.setdefault(root(i), []).append(i)
    joined = {min(m): m for m in members.values() if len(m) > 1}
    if not joined:
        return boxes
    taken = {i for m in joined.values() for i in m}
    out = []
    for i, box in enumerate(boxes):
        if i in joined:
            lines = [ln for k in joined[i] for ln in boxes[k].lines]
            out.append(_box_of(tuple(_listing_row(row, _advance(lines)) for row in baseline_rows(lines))))
        elif i not in taken:
            out.append(box)
    return out


def _one_listing(a: Box, b: Box, margin: float) -> bool:
    """Whether two boxes in one typewriter font hold pieces of one listing: a line of each on one
    baseline, one left of the other and at most `LISTING_GAP` characters from it, their left edges
    a whole number of characters apart; the left one reaching past the text's left `margin`, the
    right one no list's item (a list set in two columns: "• \\expanded" beside "• \\pdfprimitive")."""
    advance = _advance([*a.lines, *b.lines])
    if not advance:
        return False
    for la, lb in itertools.product(a.lines, b.lines):
        left, right = sorted((la, lb), key=lambda ln: ln.x0)
        if abs(la.size - lb.size) <= 0.1 and abs(la.y0 - lb.y0) <= 0.3 * la.size \
                and left.x1 <= right.x0 <= left.x1 + LISTING_GAP * advance and left.x1 > margin \
                and not BULLET.match(right.text):
            offset = (right.x0 - left.x0) / advance
            if abs(offset - round(offset)) <= GRID_SLACK:
                return True
    return False


def _listing_row(pieces: list[Line], advance: float) -> Line:
    """A listing's row: its pieces left to right, a space for each character of the gap between two."""
    text = pieces[0].text
    for before, piece in itertools.pairwise(pieces):
        text += " " * max(1, round((piece.x0 - before.x1) / advance)) + piece.text
    # pitch as the pieces tell it: "##" alone cannot, the output beside it can (`Line.pitch`)
    pitches = [p.pitch for p in pieces if p.pitch]
    pitch = -1.0 if any(p < 0 for p in pitches) else max(pitches, default=0.0)
    return replace(pieces[0], text=text, pitch=pitch, x0=min(p.x0 for p in pieces), y0=min(p.y0 for p in pieces),
                   x1=max(p.x1 for p in pieces), y1=max(p.y1 for p in pieces),
                   one_font=all(p.one_font for p in pieces), fonts=frozenset().union(*(p.fonts for p in pieces)))


def _listing_in_place(boxes: list[Box], fonts: frozenset[str]) -> list[Box]:
    """The boxes with a listing that pdfminer read after text beneath it (it groups a listing's
    pieces first, then reads the group after the paragraphs below) moved back to just after the
    box right above it: consecutive boxes set in a typewriter font that stand wholly above the boxes
    read before them, back to one wholly above the listing, all in the listing's column."""
    out = list(boxes)
    i = 0
    while i < len(out):
        if not _typed(out[i], fonts):
            i += 1
            continue
        end = i  # a listing reads down the page: a typed box above the one before starts another
        while end + 1 < len(out) and _typed(out[end + 1], fonts) and out[end + 1].y1 <= out[end].y1:
            end += 1
        run = out[i: end + 1]
        top, bottom = max(b.y1 for b in run), min(b.y0 for b in run)
        x0, x1 = min(b.x0 for b in run), max(b.x1 for b in run)
        k = i
        while k > 0 and out[k - 1].y1 <= bottom and out[k - 1].x0 < x1 and x0 < out[k - 1].x1:
            k -= 1
        if 0 < k < i and out[k - 1].y0 >= top and out[k - 1].x0 < x1 and x0 < out[k - 1].x1:
            out[k:end + 1] = run + out[k:i]
        i = end + 1
    return out


def _fixed_lines_apart(pages: list[PageLayout]) -> None:
    """Each line that stands with the same text at the same place on at least three pages and half
    of them (`_fixed_lines`) set apart, a box of its own, from a box whose other lines are the
    page's own: a web page's fixed element ("Download the ebook" atop a printed handbook page) that
    pdfminer grouped with the paragraph it was printed over, where it was read mid-sentence; apart,
    `furniture` finds it as on the pages where it stands alone."""
    fixed = _fixed_lines(pages)
    if not fixed:
        return
    said: Counter[str] = Counter()  # on how many pages each line's text stands, anywhere
    for page in pages:
        said.update({_placed(ln)[0] for b in page.boxes for ln in b.lines})
    for page in pages:
        boxes = []
        for b in page.boxes:
            apart = tuple(ln for ln in b.lines if _placed(ln) in fixed)
            rest = tuple(ln for ln in b.lines if _placed(ln) not in fixed)
            # A box whose other lines recur too (a stamp whose lines stand a little apart from page
            # to page) is left whole.
            if not apart or not rest or any(said[_placed(ln)[0]] > 1 for ln in rest):
                boxes.append(b)
                continue
            boxes += [_box_of(apart, b.table), _box_of(rest, b.table)]
        page.boxes[:] = boxes


def _box_of(lines: tuple[Line, ...], table: bool = False) -> Box:
    """A box of `lines`, its edges theirs."""
    return Box(lines, min(ln.x0 for ln in lines), min(ln.y0 for ln in lines), max(ln.x1 for ln in lines),
               max(ln.y1 for ln in lines), table=table)


def _fixed_lines(pages: list[PageLayout]) -> set[tuple[str, int, int]]:
    """The lines (`_line_placed`) that stand with the same text at the same place on at least three
    pages and half of them."""
    if len(pages) < 3:
        return set()
    seen: Counter[tuple[str, int, int]] = Counter()
    for page in pages:
        seen.update({_placed(ln) for b in page.boxes for ln in b.lines})
    return {key for key, n in seen.items() if n >= max(3, (len(pages) + 1) // 2) and key[0]}


def _placed(item: Box | Line) -> tuple[str, int, int]:
    """A box's or a line's text and its place on the page, to the nearest 2 points."""
    return re.sub(r"\s+", " ", item.text).strip(), round(item.x0 / 2), round(item.y0 / 2)


def printed_page_numbers(pages: list[PageLayout]) -> list[str]:
    """The page number each page prints in its margin, where most pages agree on the offset from the
    page index (a cover sheet shifts it by one; a journal issue starts at 147); else empty labels."""
    offsets: Counter[int] = Counter()
    alone: Counter[int] = Counter()  # of numbers standing alone
    for page in pages:
        seen, bare = set(), set()
        for box in page.boxes:
            if not (_in_margin(box, page) or _edge_number(box, page)):
                continue
            text = re.sub(r"\s+", " ", box.text).strip()
            # Only a number that stands alone, or opens or ends the margin line, is a page number.
            m = _PAGE_NUMBER.match(text) or re.match(r"^(\d{1,4})\s", text) or re.search(r"\s(\d{1,4})$", text)
            if m:
                seen.add(int(re.search(r"\d+", m.group()).group()) - page.number)
                if text.isdigit():
                    bare.add(int(text) - page.number)
        offsets.update(seen)
        alone.update(bare)
    offset, votes = offsets.most_common(1)[0] if offsets else (0, 0)
    # Two pages that agree are enough where the numbers stand alone (a chapter's two pages printed
    # "87" and "88", their footnotes numbered 1 and 2 below).
    if len(pages) == 2 and alone and alone.most_common(1)[0][1] == 2:
        offset, votes = alone.most_common(1)[0][0], 3
    if votes < max(3, len(pages) // 2):
        return _page_codes(pages)
    return [str(p.number + offset) if p.number + offset >= 1 else "" for p in pages]


# A page code printed in the margin instead of a number: a guideline's "MS-12", "THYR-1", "ANAP-A".
_PAGE_CODE = re.compile(r"^[A-Z]{2,6}-(?:\d{1,3}|[A-Z]{1,2})$")


def _page_codes(pages: list[PageLayout]) -> list[str]:
    """The code each page prints in its margin, where half the pages print one and they differ
    from page to page (the same code on every page, "COVID-19", is a running head); else empty
    labels."""
    codes = []
    for page in pages:
        found = [t for box in page.boxes if _in_margin(box, page) and _PAGE_CODE.match(t := " ".join(box.text.split()))]
        codes.append(found[0] if len(found) == 1 else "")
    printed = [c for c in codes if c]
    if len(printed) < max(3, len(pages) // 2) or len(set(printed)) < 0.8 * len(printed):
        return [""] * len(pages)
    return codes

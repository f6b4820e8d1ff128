"""Sentences with exact character spans, and token-budgeted overlapping windows of them.

Public API: `Passage`, `CountTokens`, `split_sentences`, `make_passages`, `embedding_title`, `embedding_text`,
`is_list_item`, `item_mark`.
Knows nothing about files or models: token counts come from a `count_tokens` callable.
For every passage, `document.text[p.start:p.end] == p.text`; `p.embedded` is what the model and BM25
see (the title, then the text), derived here once.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from assistant.config import ChunkingParams
from assistant.ingest import BULLET, Document, is_field

__all__ = ["SECTION_SEPARATOR", "CountTokens", "Passage", "TableCell", "embedding_text", "embedding_title",
           "is_list_item", "item_mark", "item_text", "table_cells",
           "lead_line", "make_passages", "split_sentences"]

CountTokens = Callable[[Sequence[str]], list[int]]

_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "al", "vs", "fig", "figs", "eq", "eqs", "dr", "mr", "mrs", "ms", "prof",
    "no", "vol", "approx", "ca", "cf", "resp", "st", "jr", "sr", "inc", "ltd", "co", "dept", "univ",
    "min", "max", "mg", "ml", "kg", "hr", "hrs", "ref", "refs", "sec", "ch", "pp", "p", "ed", "eds",
}
# A sentence's end: a full stop, question or exclamation mark, then a space before the next one's
# first letter (checked in `split_sentences`: a capital, of any script, a digit or a letter of a
# script without case); or a full-width mark (Chinese, Japanese), which needs no space.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]’”»]*\s+(?=[\"'(\[‘“«]?[\w•])|[。！？]+[」』）”]*")
_OPENING = re.compile(r"[\"'(\[‘“«]?(.)")
# A name that is written in lower case opens a sentence as it stands: a camel-case word
# ("deflateEnd", "mRNA", "iOS", "pH"), a name with a digit ("i386", "p53") or a function called
# ("inflate()"), after a mark that ends the word before it (a mark after a space is code's: "a ?
# f(x) : y", "! isNotOk").
_LOWER_NAME = re.compile(r"[a-z]+[A-Z][\w]*\b|[a-z]+\d\w*\b|[a-z_][\w.]*\(")


@dataclass(frozen=True)
class Passage:
    doc_id: str
    start: int
    end: int
    text: str
    pages: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # document-level spans of the sentences inside
    embedded: str = ""  # the title (cut to its token budget), the section path, then the text
    section: tuple[str, ...] = ()  # the headings of its blocks (of its start, for windows)
    # What the model sees for each sentence: its text, after the first line of its block when it
    # sits lower in a block of several lines (a table row after its caption).
    embedded_sentences: tuple[str, ...] = ()


# A word's letters before a dot: an abbreviation's ("z.B", "etc", "J"); not a unit's last letter
# after a slash ("1.0 mmol/L.", which ends a sentence).
_BEFORE_DOT = re.compile(r"(?<![\w./])([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)$")
# Letter groups of one or two joined by dots: "z.B", "u.a", "d.h", "p.ex" (German's, French's e.g.).
_DOTTED = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2})+")
_SHORT_WORD = re.compile(r"(?<![\w.])([^\W\d_]{1,4})(\.?)(?![\w])")
_GOES_ON_AFTER_DOT = re.compile(r"\.[ \t]*[a-z0-9(]")
MIN_ABBREVIATION_USES = 3


def learned_abbreviations(text: str) -> frozenset[str]:
    """Short lower-case words that a text always writes with a dot, at least `MIN_ABBREVIATION_USES`
    times, and goes on after in lower case more than once: its own abbreviations, in any language
    ("bzw.", "usw.", "env."). A verb that ends a sentence ("... sein.") never goes on so."""
    total: dict[str, int] = {}
    dotted: dict[str, int] = {}
    goes_on: dict[str, int] = {}
    for m in _SHORT_WORD.finditer(text):
        word = m.group(1)
        if not word[0].islower():
            continue
        total[word] = total.get(word, 0) + 1
        if m.group(2):
            dotted[word] = dotted.get(word, 0) + 1
            if _GOES_ON_AFTER_DOT.match(text, m.end(1)):
                goes_on[word] = goes_on.get(word, 0) + 1
    return frozenset(w for w, n in dotted.items() if n >= MIN_ABBREVIATION_USES and n == total[w] and goes_on.get(w, 0) >= 2)


# Units a number is given in, which are abbreviations elsewhere ("min." for "minimum") but end
# their sentence after a number: "then increase to 50 mg. Warn the person ...".
_UNITS = frozenset({"mg", "ml", "kg", "min", "hr", "hrs", "sec"})
_NUMBER_BEFORE = re.compile(r"\d\s?$")


def _word_before(pattern: re.Pattern, line: str, end: int) -> re.Match | None:
    """`pattern.search(line, 0, end)` for a pattern of a word ending at `end`: only the word's
    neighbourhood is read unless the word runs on past it, so that a long line's dots cost linear
    time (a text of 5,000 sentences on one line had taken 30 s to split)."""
    start = max(0, end - 200)
    m = pattern.search(line, start, end)
    if m is None and start > 0 and _WORD_RUN.fullmatch(line, start - 1, end):
        m = pattern.search(line, 0, end)  # a run of letters and dots longer than the window
    return m


_WORD_RUN = re.compile(r"[\w.]*")


def _abbreviation_before(line: str, dot: int, learned: frozenset[str] = frozenset()) -> bool:
    m = _word_before(_BEFORE_DOT, line, dot)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _UNITS and _NUMBER_BEFORE.search(line, max(0, m.start() - 2), m.start()):
        return False
    return (word.lower() in _ABBREVIATIONS or word in learned or len(word) == 1  # initials such as "J. Smith"
            or bool(_DOTTED.fullmatch(word)))


def _goes_on(line: str, mark: int, first: int, words: frozenset[str] = frozenset()) -> bool:
    """Whether the sentence goes on past the mark at `mark`: the next word, at `first`, opens in
    lower case and is no name written so (`_LOWER_NAME`), or the mark follows a space; but not past
    one full stop after a word the text writes elsewhere without one (`words`): that word is no
    abbreviation, so a program's name opens the next sentence in lower case ("... share the same
    options. dot draws directed graphs."), nor past one after a closing bracket or before a closing
    quotation mark."""
    if not (line[first].islower() or line[first] == "_"):
        return False
    if _LOWER_NAME.match(line, first) and line[mark - 1 : mark].strip():
        return False
    if line[mark] != "." or line[mark + 1 : mark + 2] in ".!?":
        return True
    if mark > 0 and (line[mark - 1] in ")]" or (line[mark - 1].isalnum() and line[mark + 1 : mark + 2] in ("’", "”", '"'))):
        # no abbreviation ends in a bracket ("(see Kamada and Kawai, 1989). twopi draws ..."), nor
        # ends a word inside quotation marks that close after it ("a natural ‘‘flow.’’ neato draws ...",
        # not a dot quoted, "”.” with")
        return False
    before = _word_before(_WORD_BEFORE, line, mark)
    word = before.group(1).lower() if before is not None else ""
    return not (word and (word in words or len(word) >= LONG_WORD) and word not in _ABBREVIATIONS)


# Letters past which a word before a full stop is no abbreviation, however the text writes it.
LONG_WORD = 6
# A word of three letters or more and what follows it: a dot, or not.
_WORD = re.compile(r"(?<![\w.])([^\W\d_]{3,})\b(\.?)")
_WORD_BEFORE = re.compile(r"(?<![\w.])([^\W\d_]{3,})$")


def _undotted_words(text: str) -> frozenset[str]:
    """Words (lower-cased) the text writes at least once without a dot after them."""
    return frozenset(m.group(1).lower() for m in _WORD.finditer(text) if not m.group(2))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences; a line break always ends one (headings, bullets, paragraphs)."""
    spans: list[tuple[int, int]] = []
    learned = learned_abbreviations(text)
    words = _undotted_words(text)
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(), line_match.start()
        cut = 0
        for b in _BOUNDARY.finditer(line):
            first = _OPENING.match(line, b.end())
            if first is None or _goes_on(line, b.start(), first.start(1), words):
                continue  # "e.g. the" goes on; so does a sentence that ends the line
            if line[b.start()] == "." and _abbreviation_before(line, b.start(), learned):
                continue
            if re.fullmatch(r"\s*(\d{1,3}(?:\.\d{1,3}){0,3}|[a-zA-Z]|[ivxIVX]{1,4})", line[cut : b.start()]):
                # a list marker such as "1." or "a." starts its item, and a section's number such as
                # "5.3." its heading: neither is a sentence
                continue
            end = b.start() + len(b.group().rstrip())
            spans.append((base + cut, base + end))
            cut = b.end()
        spans.append((base + cut, base + len(line)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        s2 = s + (len(seg) - len(seg.lstrip()))
        e2 = e - (len(seg) - len(seg.rstrip()))
        if e2 > s2:
            out.append((s2, e2))
    return out


def _split_long(text: str, span: tuple[int, int], tokens: int, budget: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than the budget at spaces into near-equal pieces."""
    s, e = span
    pieces = math.ceil(tokens / budget)
    out, cur = [], s
    for i in range(1, pieces):
        target = s + (e - s) * i // pieces
        space = text.rfind(" ", cur + 1, target + 1)
        if space <= cur:
            space = target
        out.append((cur, space))
        cur = space
        while cur < e and text[cur] == " ":
            cur += 1
    out.append((cur, e))
    return [(a, b) for a, b in out if b > a]


def cut_title(title: str, count_tokens: CountTokens, limit: int) -> str:
    n = count_tokens([title])[0]
    if n <= limit:
        return title
    return title[: max(1, len(title) * limit // n)].rsplit(" ", 1)[0]


def embedding_title(title: str, count_tokens: CountTokens, params: ChunkingParams) -> str:
    """The title as passages carry it: cut to `params.title_tokens`."""
    return cut_title(title, count_tokens, params.title_tokens) if title else ""


def make_passages(doc: Document, count_tokens: CountTokens, params: ChunkingParams) -> list[Passage]:
    """Passages of whole sentences that fit the model window together with the title: whole blocks
    of one section packed together (`params.unit == "blocks"`), or overlapping windows."""
    title = embedding_title(doc.title, count_tokens, params)
    title_cost = count_tokens([title])[0] + 1 if title else 0
    budget = max(16, params.max_tokens - 2 - title_cost)
    spans = split_sentences(doc.text)
    if not spans:
        return []
    counts = count_tokens([doc.text[s:e] for s, e in spans])
    sents: list[tuple[int, int]] = []
    toks: list[int] = []
    for span, n in zip(spans, counts):
        if n > budget:
            parts = _split_long(doc.text, span, n, budget)
            sents.extend(parts)
            toks.extend(count_tokens([doc.text[a:b] for a, b in parts]))
        else:
            sents.append(span)
            toks.append(n)
    blocks = _blocks(doc, sents) if params.unit == "blocks" else []
    if params.unit == "blocks":
        groups = _packed_blocks(doc, sents, toks, blocks, budget, params.overlap_tokens, params.opening_tokens + 1)
    else:
        groups = _windows(toks, 0, len(sents), budget, params.overlap_tokens)
    block_starts = [b[0] for b in blocks]
    newlines = _Newlines(doc.text)
    cut: dict[str, str] = {}

    def opening(k: int) -> str:
        # A reference list is one long block whose first line is just its first entry.
        if params.unit != "blocks" or doc.in_references(sents[k][0]):
            return ""
        line = _opening(doc.text, newlines, sents, blocks, block_starts, k)
        if line and line not in cut:
            cut[line] = cut_title(line, count_tokens, params.opening_tokens)
        return cut.get(line, "")

    def sentence_input(k: int) -> str:
        line, text = opening(k), doc.text[sents[k][0] : sents[k][1]]
        return f"{line}\n{text}" if line else text

    passages: list[Passage] = []
    for i, j in groups:
        start, end = sents[i][0], sents[j][1]
        text = doc.text[start:end]
        # A packed passage's blocks share a section, but for a title or a colon line carried in.
        section = doc.section_at(sents[j][0] if params.unit == "blocks" else start)
        passages.append(Passage(doc.doc_id, start, end, text, doc.page_range(start, end), tuple(sents[i : j + 1]),
                                embedding_text(title, text, section, opening(i)), section,
                                tuple(sentence_input(k) for k in range(i, j + 1))))
    return passages


class _Newlines:
    """Where a text's line breaks stand: `str.find` and `str.rfind` of "\n" by bisection, since
    they are asked for every sentence and a block may be one line of megabytes (a text saved
    without line breaks: 100,000 sentences had taken 28 s to cut into passages)."""

    def __init__(self, text: str) -> None:
        self.at = [m.start() for m in re.finditer("\n", text)]
        self.length = len(text)

    def find(self, start: int, end: int | None = None) -> int:
        i = bisect.bisect_left(self.at, start)
        return self.at[i] if i < len(self.at) and self.at[i] < (self.length if end is None else end) else -1

    def rfind(self, start: int, end: int) -> int:
        i = bisect.bisect_left(self.at, end) - 1
        return self.at[i] if i >= 0 and self.at[i] >= start else -1


def _opening(text: str, newlines: _Newlines, sents: list[tuple[int, int]], blocks: list[tuple[int, int, tuple[str, ...]]],
             block_starts: list[int], first: int) -> str:
    """The first line of a block of several lines (a table's caption, a list's lead-in) when
    sentence `first` sits below it in that block; "" otherwise. A row of a table, or a window cut
    from its middle, would otherwise lose what it is a row of. `block_starts`: each block's first
    sentence."""
    at = bisect.bisect_right(block_starts, first) - 1
    b_first, b_last, _ = blocks[at]
    start = sents[b_first][0]
    parent = _parent_item(text, newlines, start, sents[first][0]) or _parent_block(text, newlines, sents, blocks, at)
    if parent:
        return parent
    line_end = newlines.find(start, sents[b_last][1])
    line = text[start:line_end].strip() if 0 <= line_end <= sents[first][0] and b_first != first else ""
    # A list whose first line is an item has no lead-in: the first item is a sibling, not a header.
    return "" if is_list_item(line) else line


MAX_SIBLING_BLOCKS = 50  # how far back a list item set as a paragraph of its own looks for its parent


def _parent_block(text: str, newlines: _Newlines, sents: list[tuple[int, int]], blocks: list[tuple[int, int, tuple[str, ...]]],
                  at: int) -> str:
    """For a nested list's items each set as a paragraph of its own (a PDF's list, "– LTSP server:
    40 GiB." under "• The minimum disk space ... installed:"), the item they are nested in: past
    the blocks of items with the same mark, the last line of an item with another mark that ends in
    a colon; else ""."""
    def first_line(k: int) -> str:
        s, e = sents[blocks[k][0]][0], sents[blocks[k][1]][1]
        end = newlines.find(s, e)
        return text[s : end if end >= 0 else e]

    own = item_mark(first_line(at))
    if own in ("", "1"):
        return ""
    for k in range(at - 1, max(-1, at - 1 - MAX_SIBLING_BLOCKS), -1):
        if item_mark(first_line(k)) == own:
            continue
        s, e = sents[blocks[k][0]][0], sents[blocks[k][1]][1]
        last = text[newlines.rfind(s, e) + 1 or s : e].strip()
        return last if item_mark(last) not in ("", own) and last.endswith(":") else ""
    return ""


def item_mark(line: str) -> str:
    """A list item's kind of mark: its bullet ("•", "◦", "–"), "1" for a number or letter; "" for no item."""
    bullet = BULLET.match(line)
    if bullet:
        return bullet.group().strip()
    return "1" if _NUMBERED.match(line.lstrip()) else ""


def _parent_item(text: str, newlines: _Newlines, block_start: int, at: int) -> str:
    """For a sentence at `at` on a nested list's item (a bullet other than the block's first item's
    mark: "◦" under "•", "–" under "•" as LaTeX sets them, a bullet under "1."), the line of the
    item it is nested in, or ""."""
    line_start = newlines.rfind(block_start, at) + 1 or block_start
    line_end = newlines.find(line_start)
    own = item_mark(text[line_start : line_end if line_end >= 0 else len(text)])
    if own in ("", "1") or line_start == block_start:
        return ""  # a numbered item after bullets is as likely their sibling
    top, cut = "", block_start
    while cut < line_start and not top:  # the block's first item's mark
        end = newlines.find(cut, line_start)
        top = item_mark(text[cut:end])
        cut = end + 1
    if not top or own == top:
        return ""
    end = line_start - 1
    while end > block_start:  # the nearest item above with that mark
        start = newlines.rfind(block_start, end) + 1 or block_start
        if item_mark(text[start:end]) == top:
            return text[start:end].strip()
        end = start - 1
    return ""


def lead_line(text: str, at: int) -> str:
    """The line that the list item or table row at offset `at` stands under: its list's lead-in
    ("Common side effects happen in more than 1 in 100 people:" over "• diarrhoea", past blank
    lines) or its table's header row ("Condition | Starting dose | Usual maximum" over "Depression
    | 50 mg a day | 200 mg a day"); "" for any other line.  A reader reads an item or a row with
    it: "• diarrhoea" says that diarrhoea is a common side effect."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    row = " | " in line
    if not row and not is_list_item(line):
        return ""
    top = start
    while top > 0:
        above_start = text.rfind("\n", 0, top - 1) + 1
        above = text[above_start : top - 1]
        if row and " | " not in above:
            break  # `top` opens the table: its header row
        if not row and above.strip() and not is_list_item(above):
            return above.strip()
        top = above_start
    if not row or top == start:
        return ""  # a header row stands under nothing
    return text[top : text.find("\n", top)]


class TableCell(NamedTuple):
    """A cell of a table's row after its first, read as a statement: the row's label (its first
    cell), the column's header and the cell's value, units in brackets moved onto a number alone."""

    label: str
    head: str
    value: str

    @property
    def statement(self) -> str:
        """"Sleep efficiency Digital CBT-I 86%"."""
        return f"{self.label} {self.head} {self.value}"


def table_cells(header: str, row: str) -> list[TableCell]:
    """The cells of a table's row after its first under the table's header row: "Depression | 50
    mg a day | 200 mg a day" under "Condition | Starting dose | Usual maximum" holds ("Depression",
    "Starting dose", "50 mg a day") and ("Depression", "Usual maximum", "200 mg a day"); a number
    alone takes the unit its row's or column's label gives in brackets ("Sleep efficiency (%) |
    86": "86%"); an empty cell holds none.  A row shorter than its header of three columns or more
    lost its empty cells at the end ("GAD-7 | | X | | X" under "Assessment | Screening | Baseline
    | Week 6 | Week 12 | Week 26"); none where the row has fewer than two cells, more than the
    header, or a header of fewer than three."""
    heads, cells = [h.strip() for h in _CELL_BAR.split(header)], [c.strip() for c in _CELL_BAR.split(row)]
    if len(heads) < 3 or not 2 <= len(cells) <= len(heads):
        return []
    cells += [""] * (len(heads) - len(cells))
    return [TableCell(_unit_dropped(cells[0]), _unit_dropped(heads[j]), _with_unit(cells[j], _unit(cells[0]) or _unit(heads[j])))
            for j in range(1, len(cells)) if cells[j]]


# A bar between two cells, spaces or the row's end on either side: an empty cell reads "| |", and a
# bar inside a cell ("KeepAlive On|Off") parts nothing.
_CELL_BAR = re.compile(r"(?<!\S)\|(?!\S)")


# A unit a row's or a column's label gives its numbers in brackets: "Sleep efficiency (%)", "Dose (mg)".
_UNIT = re.compile(r"\s*\(([^()\d]{1,12})\)\s*$")
_BARE_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


def _unit(label: str) -> str:
    m = _UNIT.search(label)
    return m.group(1).strip() if m else ""


def _unit_dropped(label: str) -> str:
    return _UNIT.sub("", label)


def _with_unit(cell: str, unit: str) -> str:
    """A cell that is a number alone, with the unit its label gives ("86" under "(%)": "86%")."""
    if not unit or not _BARE_NUMBER.fullmatch(cell):
        return cell
    return f"{cell}{unit}" if unit == "%" else f"{cell} {unit}"


def item_text(line: str) -> str | None:
    """A list item's text after its mark ("Structural Neuroplasticity: ..." of "1. Structural
    Neuroplasticity: ..."), or None for a line that opens no item (`is_list_item`)."""
    if bullet := BULLET.match(line):
        return line[bullet.end():].strip()
    numbered = _NUMBERED.match(line.lstrip())
    return line.lstrip()[numbered.end():].strip() if numbered else None


def is_list_item(line: str) -> bool:
    """Whether a line opens a list item: a bullet, or a number or letter with a full stop or a
    parenthesis ("1.", "b)", "(iv)")."""
    return bool(BULLET.match(line) or _NUMBERED.match(line.lstrip()))


def _windows(toks: list[int], first: int, stop: int, budget: int, overlap: int) -> list[tuple[int, int]]:
    """Overlapping windows (first and last sentence index) over sentences [first, stop): each as
    long as the budget allows, each starting with up to `overlap` tokens of the one before."""
    out: list[tuple[int, int]] = []
    i = first
    while i < stop:
        j, used = i, toks[i]
        while j + 1 < stop and used + toks[j + 1] <= budget:
            j += 1
            used += toks[j]
        out.append((i, j))
        if j + 1 >= stop:
            break
        k, carried = j + 1, 0
        while k - 1 > i and carried + toks[k - 1] <= overlap:
            k -= 1
            carried += toks[k]
        i = k
    return out


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_NUMBERED = re.compile(r"^\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s", re.I)


def _packed_blocks(doc: Document, sents: list[tuple[int, int]], toks: list[int],
                   blocks: list[tuple[int, int, tuple[str, ...]]], budget: int, overlap: int,
                   opening_cost: int) -> list[tuple[int, int]]:
    """Whole blocks (text between blank lines: a paragraph, a list, a table) of one section packed
    into passages up to the budget, so an answer and the paragraph around it land in one passage
    and no passage mixes two sections; a block longer than the budget gets windows of its own,
    leaving `opening_cost` tokens for its first line when it has several."""
    heads = {sec.start for sec in doc.sections}
    out: list[tuple[int, int]] = []
    pack: list[tuple[int, int, tuple[str, ...]]] = []  # the blocks of the passage being filled

    def tokens(first: int, last: int) -> int:
        return sum(toks[first : last + 1])

    for i, j, here in blocks:
        before = pack[-1][2] if pack else ()
        if pack and here == before and tokens(pack[0][0], j) <= budget:
            pack.append((i, j, here))
            continue
        # What introduces the next block goes with it, however many there are: the headings that
        # end the pack (an empty section's heading too), the document's opening line (its title),
        # and, within a section, a block ending in a colon ("... four aspects:" before a list).
        keep = len(pack)
        while keep and _introduces_next(doc.text, sents, pack, keep - 1, here, heads):
            keep -= 1
        # So does a short line under such a block, what it introduces before the text that says what
        # that is (a manual's "trap:", then its synopsis "trap [-lp] [arg] [sigspec …]"), where the
        # next block fits beside them.
        if (keep == len(pack) >= 2 and pack[-1][2] == here and _bare_line(doc.text, sents, pack[-1])
                and _introduces_next(doc.text, sents, pack, keep - 2, here, heads) and tokens(pack[-2][0], j) <= budget):
            keep -= 2
            while keep and _introduces_next(doc.text, sents, pack, keep - 1, here, heads):
                keep -= 1
        # Nor is a short line that ends no sentence a passage of its own, nor the document's front
        # matter (`_front_matter`), which had made a passage that named the topic and said nothing of it.
        if keep and (all(b[2] == here and _bare_line(doc.text, sents, b) for b in pack[:keep])
                     or _front_matter(doc.text, sents, pack[:keep])):
            keep = 0
        first = pack[keep][0] if keep < len(pack) else i
        if keep:
            out.append((pack[0][0], pack[keep - 1][1]))
        if tokens(first, j) <= budget:
            pack = [*pack[keep:], (i, j, here)]
        else:
            pack = []
            lines = "\n" in doc.text[sents[i][0] : sents[j][1]]
            out.extend(_windows(toks, first, j + 1, budget - opening_cost if lines else budget, overlap))
    if pack:
        out.append((pack[0][0], pack[-1][1]))
    return out


def _introduces_next(text: str, sents: list[tuple[int, int]], pack: list[tuple[int, int, tuple[str, ...]]], k: int,
                     here: tuple[str, ...], heads: set[int]) -> bool:
    """Whether block `k` of the pack introduces the block after it (`here` is the section of the block
    that comes next): a heading (an empty section's too), the document's opening line (its title),
    or, within a section, a block ending in a colon or reading as a heading."""
    block = pack[k]
    return (sents[block[0]][0] in heads or _opening_line(text, sents, block)
            or (block[2] == here and (_ends_in_colon(text, sents, block) or _heading_line(text, sents, block))))


def _blocks(doc: Document, sents: list[tuple[int, int]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """First and last sentence index and the section of each block: a blank line or a new section
    ends one."""
    breaks = [m.start() for m in _BLOCK_BREAK.finditer(doc.text)]
    sections = [doc.section_at(s) for s, _ in sents]
    blocks: list[tuple[int, int, tuple[str, ...]]] = []
    b, first = 0, 0
    for n in range(1, len(sents) + 1):
        if n < len(sents):
            crossed = False
            while b < len(breaks) and breaks[b] < sents[n][0]:
                crossed, b = True, b + 1
            if not crossed and sections[n] == sections[n - 1]:
                continue
        blocks.append((first, n - 1, sections[first]))
        first = n
    return blocks


def _opening_line(text: str, sents: list[tuple[int, int]], block: tuple[int, int, tuple[str, ...]]) -> bool:
    """Whether a block is the line that opens the document (its title, where no heading says so)."""
    return sents[block[0]][0] == 0 and "\n" not in text[: sents[block[1]][1]]


FRONT_MATTER_LINES = 6  # the most lines of a document's front matter: a title and a few lines about it


def _front_matter(text: str, sents: list[tuple[int, int]], blocks: list[tuple[int, int, tuple[str, ...]]]) -> bool:
    """Whether blocks before any heading are a document's front matter without prose: a title and
    a few short lines that neither end a sentence nor lead in to what follows ("The distribution
    contains the following files:"), or that are fields ("Version 2.0, January 2004", a web
    address, "Status: draft, experimental", "Stability: 2 - Stable"), not a structured abstract's
    labelled paragraph ("Conclusions: Results suggest ...")."""
    lines = [ln for b in blocks for ln in text[sents[b[0]][0] : sents[b[1]][1]].strip().split("\n") if ln.strip()]
    # the document's opening line, its title, may run long ("Computing Cumulative Incidence
    # Functions with the etmCIF Function, with a view Towards Pregnancy Applications" over its author)
    opens = bool(blocks) and sents[blocks[0][0]][0] == 0
    return (not any(b[2] for b in blocks) and len(lines) <= FRONT_MATTER_LINES
            and all((k == 0 and opens or len(ln.split()) <= _HEADING_WORDS) and (is_field(ln) or not _SAYS.search(ln))
                    for k, ln in enumerate(lines)))


_SAYS = re.compile(r"[.!?:;][\"')\]’”]*\s*$")  # a line that ends a sentence, or leads in to what follows


def _ends_in_colon(text: str, sents: list[tuple[int, int]], block: tuple[int, int, tuple[str, ...]]) -> bool:
    return text[sents[block[1]][1] - 1] == ":"


_HEADING_WORDS = 12  # the most words of a line taken for a heading no reader marked as one
_HEADING_LINE = re.compile(r"[A-Z][^\W\d_]*(?:[ '’-][^\W\d_]+)*")  # words alone, the first capitalised
_UNFINISHED = re.compile(r"[^.!?;,…\"”’]\s*$")  # a line that ends no sentence


def _heading_line(text: str, sents: list[tuple[int, int]], block: tuple[int, int, tuple[str, ...]]) -> bool:
    """Whether a block reads as a heading the reader did not know as one: one short line of words
    alone, capitalised, without a digit or a stop ("Strengths and limitations of this study")."""
    body = text[sents[block[0]][0] : sents[block[1]][1]].strip()
    return len(body.split()) <= _HEADING_WORDS and bool(_HEADING_LINE.fullmatch(body))


def _bare_line(text: str, sents: list[tuple[int, int]], block: tuple[int, int, tuple[str, ...]]) -> bool:
    """Whether a block is one short line that ends no sentence (a heading, however it was set)."""
    body = text[sents[block[0]][0] : sents[block[1]][1]].strip()
    return "\n" not in body and len(body.split()) <= _HEADING_WORDS and bool(_UNFINISHED.search(body))


SECTION_SEPARATOR = " › "


def embedding_text(title: str, passage_text: str, section: tuple[str, ...] = (), opening: str = "") -> str:
    """What the model (and BM25) sees for a passage: the title, the headings it sits under, the
    first line of the block it was cut from (`opening`, where given), then the passage."""
    head = [title] if title and not passage_text.startswith(title) else []
    path = SECTION_SEPARATOR.join(section)
    if path and not passage_text.startswith(section[-1]):
        head.append(path)
    if opening:
        head.append(opening)
    return "\n".join([*head, passage_text])

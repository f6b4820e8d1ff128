"""Cleaning extracted text: Unicode and whitespace normalised, hard-wrapped paragraphs joined, the
debris of a saved web page dropped, titles guessed.

Public API: `AFFILIATION`, `clean_text`, `page_starts`, `guess_title`, `underlined_title`, `meaningful_title`, `title_parts`,
`unwrap_lines`, `BULLET`.

Web debris is told by where a line stands and what it shares with the article, not by a list of
its words, so a page nobody has seen is cleaned the same way:
- the article runs from its first line of prose to its last; a short line outside it that shares
  no content word with the prose (menus, "top of page", print, share and feedback widgets, the
  footer) is dropped, but a byline (personal names, optionally labelled), a date, a sentence, a
  table's rows (lines of numbers one above another) and the line just above the first paragraph
  (its heading) are kept;
- a short line repeated three times or more that shares no content word with the prose (the
  "Reply" under every comment) is dropped wherever it stands;
- a line that repeats the end of the line before it ("Writer: Ann Lee" then "Ann Lee") is dropped;
- comments: a short line sharing no content word with the prose, after at least half of the
  page's prose and followed by two or more dated lines (comment headers), ends the article;
- by their form wherever they stand: breadcrumbs ("Home > Approaches > Therapy"), reading-time
  badges ("2 min read"), copyright lines and image file names.
A text file typed with line breaks (hard-wrapped paragraphs, underlined headings: release notes, a
README) is no saved page, whose text has a line per paragraph: only the debris told by form goes.
Paginated text (form feeds between pages, or a fixed page length: an RFC, a PDF's text saved by
pdftotext, a formatted manual page) loses its running heads and feet, short lines repeated but for
a page number at the pages' edges, and a paragraph cut by a page break is joined again; a page
set in two columns side by side (`pdftotext -layout`) is read column by column.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection
from functools import cache, lru_cache

from assistant.ingest.words import Vocabulary, english_words
from assistant.text import FUNCTION_WORDS, STOP_WORDS, UNFINISHED_WORDS, WORD, collapse_spaces, normalize_unicode

__all__ = ["AFFILIATION", "BULLET", "LABEL", "SECTION_NUMBER", "clean_text", "guess_title", "is_byline", "is_copyright_notice",
           "meaningful_title", "is_field", "opens_first_subsection", "page_starts", "title_parts",
           "typed_with_line_breaks", "underlined_lines", "underlined_title", "unwrap_lines"]

_FORM_DEBRIS = [
    re.compile(r"^\d+\s+min(ute)?s?\s+read$", re.I),
    re.compile(r"^(©|\(c\)|copyright)\s*\d{4}.*$", re.I),
    # An image's file name left as its caption; a path ("./usr/share/pixmaps/hello.png") is a line
    # of a listing.
    re.compile(r"^[^/\\]{0,60}\.(jpe?g?|png|gif|webp|svg)$", re.I),
    re.compile(r"^(screen ?shot|img_|dsc_)\S*.*$", re.I),
]
# A trail of links ("Home > Products > Shoes"); not a table's row nor a C++ type ("| Mat33< T > &r |").
_BREADCRUMB = re.compile(r"^[^.!?<>»›|]{1,60}(\s[>»›]\s[^.!?<>»›|]{1,60}){1,6}$")
BULLET = re.compile(r"^\s*[•·▪◦●‣∙*\-–]\s+")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_PROSE_END = re.compile(r"[.!?][\"')\]’”]*$")
_MONTH = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
# A date with its day: "May 25, 2016", "12 February 2026", "2014-06-20", "22/07/2010".
_DAY_DATE = (rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
             r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_DATE = re.compile(rf"\b({_DAY_DATE}|{_MONTH}\s+\d{{4}}|\d{{1,3}}\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago)\b",
                   re.I)
# A line's closing date with its day, after a comma: "Practice Learning Session, 12 February 2026".
_DATELINE = re.compile(rf",\s*(?:{_DAY_DATE})\W*$", re.I)
_NAME = re.compile(r"(?:[A-Z][\w'’-]*\.?|[a-z]{1,3})(?:\s(?:[A-Z][\w'’-]*\.?|van|von|de|der|da|di|le|la|bin))+")
_SHORT = 6  # words: menus, widgets and footers are shorter, an affiliation or a sentence longer


def _words(line: str) -> list[str]:
    return WORD.findall(line.lower())


def _content_words(line: str) -> set[str]:
    return {w for w in _words(line) if len(w) > 2 and not w.isdigit() and w not in STOP_WORDS}


def _is_prose(line: str) -> bool:
    """Sentences, or a line too long to be a title."""
    n = len(_words(line))
    return n >= 30 or (n >= 6 and _PROSE_END.search(line) is not None)


def _is_sentence(line: str) -> bool:
    """A short sentence ("It continues throughout life."): content, where a menu item, a widget or
    a footer line is a bare label."""
    return len(_words(line)) >= 3 and line[:1].isupper() and _PROSE_END.search(line) is not None


_NUMBER = re.compile(r"(?<![\w.])[-−+]?\d+(?:[.,]\d+)*%?(?![\w.])")


def _holds_numbers(line: str) -> bool:
    return len(_NUMBER.findall(line)) >= 2


def _is_dated(line: str) -> bool:
    return len(_words(line)) <= 8 and _DATE.search(line) is not None


# The marks after an author's name that point at an affiliation: "Okoro(1)", "Dodd1,2*", "Lee†".
_AFFILIATION_MARKS = re.compile(r"(?<=[a-z])(?:\(\d{1,2}(?:,\s?\d{1,2})*\)|\d{1,2}(?:,\d{1,2})*[*†‡§¶]*|[*†‡§¶]+)"
                                r"(?=\s*(?:,|&|\band\b|$))")


def is_byline(line: str) -> bool:
    """Personal names, optionally after a one- or two-word label and with marks pointing at their
    affiliations: "Writer: Ann Lee", "A. Smith and B. Jones", "Hannah Okoro(1), Li Wei(2)"."""
    names = _AFFILIATION_MARKS.sub("", re.sub(r"^\w+(\s\w+)?:\s*", "", line).rstrip("."))
    parts = [x.strip() for x in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", names) if x.strip()]
    return bool(parts) and all(2 <= len(x.split()) <= 4 and _NAME.fullmatch(x) for x in parts)


# An affiliation's line beside its writer's name: "Maastricht University", "Department of ...".
AFFILIATION = re.compile(r"\b(?:Universit(?:y|ät|é|à|eit|at|ad)|Institut(?:e|o)?|Hospital|College|School|Department|"
                         r"Faculty|Cent(?:re|er)|Laboratory|Clinic|Foundation|Corporation|Inc\.|Ltd\.?)\b")
_LABELLED_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|\w+(?:\s\w+)?:)\s*[A-Z]", re.I)


def _by_form(line: str) -> bool:
    low = line.lower()
    return any(p.match(low) for p in _FORM_DEBRIS) or bool(_BREADCRUMB.match(line))


def _debris(lines: list[str], capture: bool) -> list[bool]:
    """Which lines are debris: by form, and for a saved page's text (`capture`) also by position,
    vocabulary and repetition (see the module docstring)."""
    bare = [BULLET.sub("", ln) for ln in lines]
    # A list of fields is a report's or a transcript's head ("Interviewer: RK", "Ward: 7B") or a
    # record ("Copyright: 2002 CodeFactory AB" over "Copyright 2005 Red Hat, Inc."), which no
    # menu or footer is set as.
    fields = field_lines(bare)
    drop = [bool(ln) and _by_form(ln) and i not in fields for i, ln in enumerate(bare)]
    if not capture:
        return drop
    nonblank = [i for i, ln in enumerate(bare) if ln]
    prose = [i for i in nonblank if _is_prose(bare[i])]
    vocab = set().union(*(_content_words(bare[i]) for i in prose)) if prose else set()
    short = [len(_words(ln)) <= _SHORT for ln in bare]
    foreign = [bool(ln) and short[i] and not (_content_words(ln) & vocab) for i, ln in enumerate(bare)]
    counts = Counter(ln.lower() for ln in bare)
    for n, i in enumerate(nonblank):
        before = bare[nonblank[n - 1]] if n else ""
        repeated = counts[bare[i].lower()] >= 3 and foreign[i] and i not in fields
        echo = short[i] and before != bare[i] and before.endswith(bare[i])
        drop[i] = drop[i] or repeated or echo
    _cut_comments(bare, nonblank, prose, foreign, drop)
    kept_prose = [i for i in prose if not drop[i]]
    if kept_prose:
        # The article's words, not its comments' ("Great news, ..." under it names no menu's "News").
        vocab = set().union(*(_content_words(bare[i]) for i in kept_prose))
        foreign = [bool(ln) and short[i] and not (_content_words(ln) & vocab) for i, ln in enumerate(bare)]
        # The line just above the first paragraph is its heading ("Background"), whatever its words,
        # unless it closes a run of the page's short lines ("Share", "Facebook", "Twitter", "Email").
        heading = max((i for i in nonblank if i < kept_prose[0]), default=-1)
        if heading > 0 and foreign[heading] and foreign[heading - 1] and _words(bare[heading]) and len(_words(bare[heading])) == 1:
            heading = -1
        # A table's rows: lines of two or more numbers, one above another ("2 3.4 2.8").
        numeric = {i for i in nonblank if _holds_numbers(bare[i])}
        rows = {i for n, i in enumerate(nonblank) if i in numeric
                and ((n and nonblank[n - 1] in numeric) or (n + 1 < len(nonblank) and nonblank[n + 1] in numeric))}
        # and the line over them, their caption ("Table 2 Sleep duration by age group").
        rows |= {nonblank[n - 1] for n, i in enumerate(nonblank) if n and i in rows}
        rows |= fields | _numbered_parents(bare, nonblank)
        # A byline stands by the article's date or its writer's affiliation, says whom it names ("By
        # ...", "Writer: ..."), or names one of a list of authors the page gives ("Yu Takizawa" under
        # "Address for Correspondence"); a menu's item in two capitalised words ("Live Well", "About
        # Us") looks like a name too.
        where = {i: n for n, i in enumerate(nonblank)}
        authors = [bare[i] for i in nonblank if "," in bare[i] and is_byline(bare[i])]

        def byline(i: int) -> bool:
            if not is_byline(bare[i]):
                return False
            near = [bare[nonblank[m]] for m in (where[i] - 1, where[i] + 1) if 0 <= m < len(nonblank)]
            if _LABELLED_BYLINE.match(bare[i]) or any(bare[i] in listed and bare[i] != listed for listed in authors):
                return True
            # (the affiliation's own line, "Maastricht University", is one beside its writer's name)
            mine = AFFILIATION.search(bare[i]) is not None
            return any(_is_dated(ln) or _LABELLED_BYLINE.match(ln) or AFFILIATION.search(ln) or (mine and is_byline(ln))
                       for ln in near)

        # A line above the article that the article says again as a line of its own is its table
        # of contents' entry ("2. What you need to know before you take Sertraline" over the
        # section it names), not the site's menu, which a page repeats below the article if at all.
        opening = heading if heading >= 0 else kept_prose[0]
        within = {bare[i].lower() for i in nonblank if opening <= i < kept_prose[-1]}
        for i in nonblank:
            outside = ((i < kept_prose[0] and i != heading and (i >= opening or bare[i].lower() not in within))
                       or i > kept_prose[-1]) and i not in rows
            # Above the article's heading a line of any length that ends on a label, not a
            # sentence's end or a lead-in's colon, and most of whose words the prose never uses is
            # the page's (a cookie notice and its buttons, a site's tagline), where a title shares most.
            words = _content_words(bare[i])
            unrelated = foreign[i] or (i < heading and not _SENTENCE_END.search(bare[i]) and 2 * len(words & vocab) < len(words))
            if (outside and unrelated and not _is_dated(bare[i]) and not byline(i)
                    and not _is_sentence(bare[i])):
                drop[i] = True
    return drop


SECTION_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[^\s\d]")  # a heading's number: "1", "1.2", "1.2.3."


def opens_first_subsection(line: str, following: str) -> bool:
    """Whether numbered `line` stands over its first numbered subsection, `following` ("1
    Recommendations" over "1.1 Principles of care"): a document's own outline."""
    number = SECTION_NUMBER.match(line)
    return number is not None and following.startswith((f"{number.group(1)}.1 ", f"{number.group(1)}.1. "))


def _numbered_parents(bare: list[str], nonblank: list[int]) -> set[int]:
    """Numbered headings over their first numbered subsection (`opens_first_subsection`), which
    no menu is numbered as."""
    return {i for n, i in enumerate(nonblank[:-1]) if opens_first_subsection(bare[i], bare[nonblank[n + 1]])}


def _cut_comments(bare: list[str], nonblank: list[int], prose: list[int], foreign: list[bool],
                  drop: list[bool]) -> None:
    """Drop from the comment section's opening line on: a foreign line after at least half of the
    page's prose, with two or more dated lines (comment headers) after it and no prose before the
    first of them (a "Related stories" box in mid-article has the article going on after it).  A
    page whose prose already stands under two or more dated lines is a thread of posts (a forum's,
    each under its writer and date): the dated lines after are more of its posts, not comments."""
    dated = [_is_dated(bare[i]) for i in nonblank]
    dated_after = [0] * len(nonblank)  # how many dated lines follow each nonblank line
    for n in range(len(nonblank) - 2, -1, -1):
        dated_after[n] = dated_after[n + 1] + dated[n + 1]
    # how many dated lines before each nonblank line have prose after them, before it
    posts_before, heading, posts, in_prose = [0] * len(nonblank), False, 0, set(prose)
    for n, i in enumerate(nonblank):
        posts_before[n] = posts
        if dated[n]:
            heading = True
        elif heading and i in in_prose:
            posts, heading = posts + 1, False
    next_dated: list[int | None] = [None] * len(nonblank)  # the first dated line after each nonblank line
    for n in range(len(nonblank) - 2, -1, -1):
        next_dated[n] = nonblank[n + 1] if dated[n + 1] else next_dated[n + 1]
    for n, i in enumerate(nonblank):
        if 2 * bisect.bisect_left(prose, i) < len(prose) or not foreign[i] or dated[n] or posts_before[n] >= 2:
            continue
        first_dated, after = next_dated[n], bisect.bisect_right(prose, i)  # the first prose line after it
        if dated_after[n] >= 2 and first_dated is not None and not (after < len(prose) and prose[after] < first_dated):
            drop[i:] = [True] * (len(drop) - i)
            return


NESTED_BULLET = "◦ "  # a nested list's item, as a browser marks it (`markdown` marks them)


def _bullets_marked(lines: list[str], nested: bool) -> list[str]:
    """Each bulleted line's mark as "• ", or, where `nested`, "◦ " for a nested list's item that
    `markdown` marked so ("LTSP server: 40 GiB." under "The minimum disk space depends on the
    profile:"), which then knows the item it belongs to.  There `markdown` has marked its items
    "• " already, and a line still opening with "* " or "- " is code's own ("* 2.7.6 (set by
    ...)", a shell's active version; a YAML list's "- name: build")."""
    return [BULLET.sub(NESTED_BULLET if nested and ln.lstrip().startswith("◦") else "• ", ln)
            if BULLET.match(ln) and not (nested and ln.lstrip()[:1] in "*-") else ln
            for ln in lines]


def clean_text(raw: str, capture: bool = True) -> str:
    """Normalise Unicode and whitespace and drop web-page debris, keeping every content line.
    `capture`: the text may be a saved page's text, so debris is also told by position and
    vocabulary unless it was typed with line breaks; otherwise (Markdown, an HTML page's main
    content) only by form."""
    # Markdown and a page's main content keep each line's indent within its block: a code block's
    # lines are nested by it (Python's meaning). An indent the whole block shares (a list item's
    # paragraph, a stray space before a line) is layout, and goes.
    marked = not capture  # `markdown` marked a nested list's items
    if capture:
        # Markdown (and an HTML page's main content, read as Markdown) was unwrapped on its source,
        # where code blocks are known; here a line of code would be joined to the next.
        unwrapped, typed = _unwrapped(raw)
        lines, capture = list(unwrapped), not typed
        if capture:
            lines = _link_marks_dropped(lines)
    else:
        lines = _heading_rules_dropped(_dedented(_normalized_lines(raw)[0]))
    drop = _debris(lines, capture)
    kept = _bullets_marked([ln for ln, gone in zip(lines, drop) if not gone], marked)
    # A saved page repeats its title cut off (a card, a breadcrumb); in Markdown or a page's main
    # content a line shorter than an earlier one is code or prose ("const rl = createInterface({").
    kept = _run_in_headings_apart(_drop_truncated_repeats(kept)) if capture else kept
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


# A saved page's links to its notes, copied as text after a sentence or a clause ("hormone.[1] As",
# "cycles,[12][13]", "bleeding.[citation needed]"), and a heading's link to its editor ("Jet lag[edit]").
_NOTE_MARK = re.compile(r"(?<=[.,;:!?)\]\"'”’])\[(?:\d{1,3}(?:[,–-]\d{1,3})*|[a-z]|[a-z][a-z ]{2,30})\]")
_EDIT_MARK = re.compile(r"(?<=\w)\[[a-z][a-z ]{1,19}\]$")


def _link_marks_dropped(lines: list[str]) -> list[str]:
    """A saved page's lines without its note marks (`_NOTE_MARK`) and without the bracketed word
    ending a line of a few words (`_EDIT_MARK`): a heading's "[edit]" kept it from heading its section."""
    out = []
    for line in lines:
        line = _NOTE_MARK.sub("", line)
        if len(line.split()) <= _SHORT:
            line = _EDIT_MARK.sub("", line)
        out.append(line)
    return out


_ANCHOR_WORDS = 6  # words of a page's first line looked for in the cleaned text
_ANCHOR_TRIES = 5  # lines of a page tried, where cleaning changed or dropped the first


def page_starts(raw: str, cleaned: str) -> list[tuple[int, int, str]]:
    """For text paged by form feeds (a PDF's text saved by pdftotext, an RFC), where each page
    begins in `cleaned` (`clean_text(raw)`): (page number, offset, printed number), the first page
    at 0, found by the words that open the page's first line of text (its running head aside); a
    page whose opening is not found is read as part of the one before. The printed number is the
    one the running heads and feet count the pages by, where it is not the page's own ("2292" of
    a journal's second page), else "". Empty for text without form feeds."""
    if "\f" not in raw:
        return []
    stripped, breaks, furniture = _paged(raw)
    if not breaks:
        return []
    bounds = [*breaks, len(stripped)]
    shift = _printed_shift(stripped, [0, *bounds], furniture)
    starts, pos = [(1, 0, str(1 + shift) if shift else "")], 0
    for page, (a, b) in enumerate(zip(bounds, bounds[1:]), 2):
        tried = [ln for i, ln in enumerate(stripped[a:b], a) if i not in furniture and len(ln.split()) >= 3
                 and not BULLET.match(ln)][:_ANCHOR_TRIES]
        for line in tried:
            words = line.split()[:_ANCHOR_WORDS]
            if words[-1].endswith("-"):  # a word broken at the line's end is joined in `cleaned`
                words.pop()
            at = cleaned.find(" ".join(words), pos + 1)
            if at > pos and len(words) >= 3:
                while at > pos + 1 and cleaned[at - 1].isalnum():  # the rest of a word the page break broke
                    at -= 1
                starts.append((page, at, str(page + shift) if shift else ""))
                pos = at
                break
    return starts


def _printed_shift(lines: list[str], bounds: list[int], furniture: frozenset[int]) -> int:
    """How far the page numbers the running heads and feet print run from the pages' own (0 where
    they print the page's own, or none): the difference most pages' furniture gives, on half the
    pages and three at least."""
    shifts: Counter[int] = Counter()
    for page, (a, b) in enumerate(zip(bounds, bounds[1:]), 1):
        shifts.update({int(n) - page for i in range(a, b) if i in furniture for n in re.findall(r"\d{1,5}", lines[i])})
    if not shifts:
        return 0
    shift, count = shifts.most_common(1)[0]
    return shift if count >= 3 and 2 * count >= len(bounds) - 1 else 0


def _normalized_lines(raw: str) -> tuple[list[str], list[int]]:
    """The text's lines, Unicode normalised, and the indices of the lines that open a page after
    a form feed (which normalising makes a line break)."""
    lines: list[str] = []
    breaks: list[int] = []
    for n, page in enumerate(raw.split("\f")):
        if n:
            breaks.append(len(lines))
        lines += normalize_unicode(page).split("\n")
    return lines, breaks


@lru_cache(maxsize=1)
def _paged(raw: str) -> tuple[list[str], list[int], frozenset[int]]:
    """Plain text's lines, columns apart (`_columns_apart`) and runs of spaces collapsed, the
    indices of the lines that open a page after a form feed, and the pages' running heads and
    feet (`_page_furniture`); kept for the one text last read, which is cleaned and then paged."""
    lines, breaks = _columns_apart(*_normalized_lines(raw))
    stripped = [collapse_spaces(ln).strip() for ln in lines]
    furniture = frozenset(_page_furniture(stripped, breaks))
    for i in _aligned_rows(lines, furniture):  # a page's foot and the next page's head are no table
        stripped[i] = " | ".join(_CELL_GAP.split(lines[i].strip()))
    return stripped, breaks, furniture


# Two spaces or more part a table's cells; after a sentence's end they part sentences, as a typist
# sets them ("processing.  This feature").
_CELL_GAP = re.compile(r"(?<![.!?:;,])\s{2,}(?=\S)")
_ROW_CELLS = 3  # cells a line of a table set with spaces holds at least


def _aligned_rows(lines: list[str], furniture: frozenset[int]) -> set[int]:
    """The lines of tables set with spaces: blocks (runs of nonblank lines) of two lines or more,
    each parted into `_ROW_CELLS` cells or more by gaps of two spaces or more ("unpacked    never
    maybe    No    postinst configure"). Their rows are read with " | " between cells, as a
    Markdown table's are, since as prose they ran together into one paragraph. A running head or
    foot (`furniture`) parts blocks as a blank line does."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip() and j not in furniture:
            j += 1
        if j - i >= 2 and all(len(_CELL_GAP.findall(lines[k].strip())) >= _ROW_CELLS - 1 for k in range(i, j)):
            out.update(range(i, j))
        i = j + 1
    return out


@lru_cache(maxsize=1)
def _unwrapped(raw: str) -> tuple[tuple[str, ...], bool]:
    """Plain text's lines with runs of spaces collapsed, heading rules dropped and hard-wrapped
    paragraphs joined, and whether the file was typed with line breaks (paragraphs hard-wrapped,
    headings underlined: release notes, a README): no saved page, whose text has a line per
    paragraph and no rules. Such a file has no menus or footers, its short lines before and after
    the prose are headings and lists, and its first line names it. Kept for the one text last
    read: the loader asks it for the cleaned text and again for the title."""
    stripped, breaks, furniture = _paged(raw)
    pages = _pages_apart(stripped, breaks, furniture)
    if len(pages) == 1 and _paragraph_per_line(stripped):
        return tuple(_heading_rules_dropped(_unboxed(pages[0][0]))), False
    # Each page unwrapped on its own, then a paragraph that runs on into the next page joined to
    # its rest: a page's paragraphs are measured by their own lines.
    ruled = [_heading_rules_dropped(_unboxed(page)) for page, _ in pages]
    unwrapped: list[str] = []
    runs_on = False
    vocabulary = cache(lambda: Vocabulary(stripped))  # built once, and only for a word broken at a line's end
    for lines, (_, next_runs_on) in zip(ruled, pages):
        page = unwrap_lines(lines, vocabulary)
        if runs_on and unwrapped and page:
            last, rest = unwrapped[-1], page.pop(0)
            unwrapped[-1] = _continued(last, rest, vocabulary()) if last.endswith("-") else f"{last} {rest}"
        elif unwrapped and page:
            unwrapped.append("")
        unwrapped += page
        runs_on = next_runs_on
    typed = len(pages) > 1 or not (_nonblank(unwrapped) == _nonblank(ruled[0]) == _nonblank(stripped))
    return tuple(_numbered_headings_apart(unwrapped) if typed else unwrapped), typed


_PARAGRAPH_LINE = 150  # characters: longer than any width text is wrapped at
_PROSE_WORDS = 12  # words of a line of prose


def _paragraph_per_line(lines: list[str]) -> bool:
    """Whether a text sets each paragraph on one line, as a browser copies a page's text: a third of
    its lines of prose, two or more, run past any wrapping width, and it holds no list of fields (a
    licence file's "Files:", "Copyright:" records, typed with their own line breaks). Such a text's
    short lines are no wrapped paragraph's ends but its menus, bylines and widgets ("Accept all
    Manage preferences" / "Health Daily" is no sentence)."""
    prose = [ln for ln in lines if len(ln.split()) >= _PROSE_WORDS]
    long = sum(len(ln) > _PARAGRAPH_LINE for ln in prose)
    return long >= 2 and 3 * long >= len(prose) and not field_lines(lines)


_GUTTER = 3  # spaces at least between two columns of text set side by side
_COLUMN = 25  # characters a column of running text holds at least, on its median line
_NEAR = 4  # characters a line's gap may stand off the page's gutter (a column's ragged edge)
_GAP = re.compile(rf"(?<=\S) {{{_GUTTER},}}(?=\S)")


def _columns_apart(lines: list[str], breaks: list[int]) -> tuple[list[str], list[int]]:
    """Text set in two columns side by side, as `pdftotext -layout` writes a two-column page (each
    line the left column's line, spaces, the right column's line), read column by column: each
    page's lines between lines that cross its gutter (a title, an abstract, a footer across the
    page) give their left parts, then their right parts. A page is in columns where at least two
    in five of its lines, and five, part at one gutter and nowhere else, and both sides are running
    text: a median line of `_COLUMN` characters, in words (a table's cells are shorter, or
    numbers, and part its rows more than once); else it is left as it is. The lines'
    indices after form feeds (`breaks`) are given again for the text returned."""
    bounds = [0, *breaks, len(lines)]
    out: list[str] = []
    starts: list[int] = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        if n:
            starts.append(len(out))
        out += _page_columns_apart(lines[a:b])
    return out, starts


def _page_columns_apart(page: list[str]) -> list[str]:
    """One page's lines read column by column (`_columns_apart`), or as they are."""
    gaps = [[m.span() for m in _GAP.finditer(ln)] for ln in page]
    votes: Counter[int] = Counter(c for spans in gaps for s, e in spans for c in range(s, e))
    if not votes:
        return page
    gutter, count = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
    # The gutter's columns: about as many lines part at each (a column's ragged edge moves it).
    lo = hi = gutter
    while votes[lo - 1] >= 0.8 * count:
        lo -= 1
    while votes[hi + 1] >= 0.8 * count:
        hi += 1
    nonblank = sum(bool(ln.strip()) for ln in page)
    parts = [_sides(ln, spans, lo, hi) for ln, spans in zip(page, gaps)]
    split = [p for p in parts if p and p[0] and p[1]]
    if count < 5 or len(split) < max(5, 0.4 * nonblank):
        return page
    for side in (0, 1):
        texts = [p[side] for p in split]
        lengths = sorted(map(len, texts))
        # Running text: long lines in words.
        if lengths[len(lengths) // 2] < _COLUMN or sum(map(_wordy, texts)) < 0.6 * len(texts):
            return page
    out: list[str] = []
    band: list[tuple[str, str]] = []
    for ln, p in [*zip(page, parts), ("", None)]:
        if p is not None:
            band.append(p)
            continue
        out += _band_read(band) + [ln.strip()]
        band = []
    return out


def _sides(line: str, gaps: list[tuple[int, int]], lo: int, hi: int) -> tuple[str, str] | None:
    """A line's left and right parts about the gutter (columns `lo` to `hi`), parted at its gap
    there; None for a line across it, or parted by more gaps (a table's row)."""
    if len(gaps) > 1:
        return None
    near = [(s, e) for s, e in gaps if s - _NEAR <= hi and lo < e + _NEAR]
    if near:
        return line[: near[0][0]].strip(), line[near[0][1]:].strip()
    if not line[: lo + 1].strip():
        return "", line.strip()
    if not line[hi:].strip():
        return line.strip(), ""
    return None


def _band_read(band: list[tuple[str, str]]) -> list[str]:
    """A band of two columns' lines (left part, right part) read left column first, its last
    paragraph going on at the right column's top when it runs on (`_runs_on`)."""
    left, right = [x for x, _ in band], [x for _, x in band]
    while left and not left[-1]:
        left.pop()
    while right and not right[0]:
        right.pop(0)
    return left + ([] if left and right and _runs_on(left[-1], right[0]) else [""]) + right


_FURNITURE_WORDS = 12  # a running head or foot ("RFC 2616  HTTP/1.1  June 1999") is a short line
_PAGE_EDGE = 3  # nonblank lines at a page's top and at its bottom where a head or a foot stands
_PAGE_LINES = (20, 100)  # lines a printed page holds: fewer or more between two repeats of a line make no page


def _furniture_shape(line: str) -> str:
    """A line as its running head or foot repeats it: digits (the page number) aside."""
    return re.sub(r"\d+", "#", line.casefold())


def _page_furniture(lines: list[str], breaks: list[int]) -> set[int]:
    """Indices of the running heads and feet of paginated plain text (a PDF's text with a form feed
    between pages, an RFC, a formatted manual page), each a short line that is no list item,
    repeated but for its page number (`_numbered_as_pages`): at the top or bottom of at least half
    the pages and three, where form feeds mark the pages; else a page's length apart on at least
    half the pages (a fixed page length), standing apart from the text."""
    shapes = {i: _furniture_shape(ln) for i, ln in enumerate(lines)
              if ln and len(ln.split()) <= _FURNITURE_WORDS and not BULLET.match(ln)}
    found: set[int] = set()
    if len(breaks) >= 2:
        bounds = [0, *breaks, len(lines)]
        at: dict[str, list[tuple[int, int]]] = {}  # each shape's (page, line) at the pages' edges
        for page, (a, b) in enumerate(zip(bounds, bounds[1:])):
            body = [i for i in range(a, b) if lines[i]]
            # Of the lines alike at an edge, the outermost: the page number, not a footnote's
            # number or a listing's line number above it.
            top = {shapes[i]: i for i in reversed(body[:_PAGE_EDGE]) if i in shapes}
            bottom = {shapes[i]: i for i in body[-_PAGE_EDGE:] if i in shapes}
            at_edges = {*top.values(), *bottom.values()}
            for i in sorted(at_edges):
                at.setdefault(shapes[i], []).append((page, i))
        for candidates in at.values():
            on = _numbered_as_pages(lines, candidates)
            if len({p for p, _ in on}) >= 3 and 2 * len({p for p, _ in on}) >= len(bounds) - 1:
                found.update(i for _, i in on)
        return found
    repeats: dict[str, list[int]] = {}
    for i, shape in shapes.items():
        # Without form feeds a head or a foot stands apart, a blank line on one side at least
        # (a data file's line repeated at a fixed interval does not).
        if not (0 < i < len(lines) - 1 and lines[i - 1] and lines[i + 1]):
            repeats.setdefault(shape, []).append(i)
    for idx in repeats.values():
        # The page length: the commonest distance between a line and its next few repeats (a
        # page without it, a line of the text alike, "2", in between).
        gaps = Counter(b - a for n, a in enumerate(idx) for b in idx[n + 1: n + 4]
                       if _PAGE_LINES[0] <= b - a <= _PAGE_LINES[1])
        if not gaps:
            continue
        length = gaps.most_common(1)[0][0]
        place, count = Counter(i % length for i in idx).most_common(1)[0]
        on = _numbered_as_pages(lines, [(i // length, i) for i in idx if i % length == place])
        if len(on) >= 3 and 2 * len(on) >= -(-len(lines) // length):
            found.update(i for _, i in on)
    return found


def _numbered_as_pages(lines: list[str], candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of lines alike but for their numbers, as (page index, line index), those that differ only
    by the page number: each number either the value most of them give at its place or the page's
    index plus the offset most of them give ("Page 5 of 10", "curl 7.88.1  February 19 2023  34"),
    so that neither a section's number at a page's top ("4") nor the versions or dates of a NEWS
    file's or a change log's entries pass for one."""
    numbers = {c: [int(n) for n in re.findall(r"\d+", lines[c[1]])] for c in candidates}
    wanted: list[tuple[bool, int]] = []  # at each place: (by the page, the value or the offset)
    for place in range(len(numbers[candidates[0]])):
        same = Counter(numbers[c][place] for c in candidates).most_common(1)[0]
        shift = Counter(numbers[c][place] - c[0] for c in candidates).most_common(1)[0]
        wanted.append((shift[1] > same[1], shift[0] if shift[1] > same[1] else same[0]))
    return [c for c in candidates
            if all(numbers[c][k] - (c[0] if by_page else 0) == v for k, (by_page, v) in enumerate(wanted))]


def _pages_apart(lines: list[str], breaks: list[int], furniture: frozenset[int]) -> list[tuple[list[str], bool]]:
    """The text's pages without their running heads and feet (`furniture`), each with whether its
    last paragraph runs on into the next page (`_runs_on`). All of it as one page where no head or
    foot is found, or nothing but them."""
    if not furniture or all(i in furniture for i, ln in enumerate(lines) if ln):
        return [(lines, False)]
    pages: list[tuple[list[str], bool]] = []
    start = i = 0
    while i <= len(lines):
        if i < len(lines) and (i not in furniture):
            i += 1
            continue
        # A page break: a head or a foot and the blank lines about it.
        end = i
        while end > start and not lines[end - 1]:
            end -= 1
        j = i
        while j < len(lines) and (not lines[j] or j in furniture):
            j += 1
        page = lines[start:end]
        while page and not page[0]:
            page.pop(0)
        if page:
            # A page's last block, after a blank line or a rule, may be its footnotes ("1
            # originally conceived after ..."), which the next page's text does not go on from.
            cut = max((k for k, ln in enumerate(page) if not ln or _RULE.match(ln)), default=-1)
            footnote = 0 <= cut < len(page) - 1 and _FOOTNOTE.match(page[cut + 1]) is not None
            pages.append((page, not footnote and _runs_on(page[-1], lines[j] if j < len(lines) else "")))
        start = i = j if j > i else i + 1
    return pages


_FOOTNOTE = re.compile(r"^(?:\d{1,3}|[*†‡§])\s+\S")


def _runs_on(line: str, after: str) -> bool:
    """Whether a paragraph whose last line on a page or in a column is `line` goes on with `after`
    on the next: it ends mid-sentence, and `after` goes on in lower case, or it ends on a comma, a
    hyphen or a word no phrase ends on ("an")."""
    return bool(line and after) and not _SENTENCE_END.search(line) and (
        after[0].islower() or line.endswith((",", "-")) or line.rsplit(None, 1)[-1].lower() in UNFINISHED_WORDS)


def _continued(line: str, rest: str, vocab: Vocabulary) -> str:
    """`line` going on with `rest`: a word a line-end hyphen broke made whole or a compound, as the
    document's vocabulary says ("pat-" + "tern", "self-" + "blame"), else a space between."""
    cut, second = re.search(r"([^\W\d_]+)-$", line), re.match(r"[^\W\d_]+", rest)
    if cut and second:
        return line[: cut.start()] + vocab.join_hyphen(cut.group(1), second.group()) + rest[second.end():]
    return line + rest if cut else f"{line} {rest}"


# A box's top or bottom: one mark repeated ("*****", "+-----+" is a table's and is left alone).
_BOX_EDGE = re.compile(r"^([*#=])\1{9,}$")


def _unboxed(lines: list[str]) -> list[str]:
    """Text framed in a box of one mark (a licence's disclaimer set in asterisks: a row of "*"
    above and below, each line between opening and closing with "*") without the frame, so that
    its heading and paragraphs read as any other."""
    out = list(lines)
    i = 0
    while i < len(out):
        edge = _BOX_EDGE.match(out[i])
        j = i + 1
        while edge and j < len(out) and len(out[j]) >= 2 and out[j][0] == out[j][-1] == edge.group(1) \
                and not _BOX_EDGE.match(out[j]):
            j += 1
        if edge and j > i + 1 and j < len(out) and out[j] == out[i]:
            out[i] = out[j] = ""
            out[i + 1 : j] = [ln[1:-1].strip() for ln in out[i + 1 : j]]
        i = j if edge else i + 1
    return out


# "2. Grant of Copyright License. Subject to the terms ...": a numbered clause whose name, a few
# words in capitals, opens its paragraph (a licence's, a contract's, a standard's).
_INLINE_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.?\s+((?:[A-Z][\w'’-]*|of|and|or|the|a|an|to|for|in|on|with|by|not)"
                              r"(?:\s+(?:[A-Z][\w'’-]*|of|and|or|the|a|an|to|for|in|on|with|by|not)){0,7})\.)\s+(?=[A-Z(\"“])")


def _numbered_headings_apart(lines: list[str]) -> list[str]:
    """Paragraphs that open with a numbered clause's name ("3. Grant of Patent License. Subject
    to ...") with the name on a line of its own, a heading; only where two or more paragraphs
    open so (numbered sections, not one list item that happens to), and not a name that is all
    small words."""
    found = [_INLINE_NUMBERED.match(ln) for ln in lines]
    named = {i for i, m in enumerate(found) if m and m.group(2)[0].isupper() and len(lines[i][m.end():].split()) > 12}
    if len(named) < 2:
        return lines
    out: list[str] = []
    for i, (line, m) in enumerate(zip(lines, found)):
        out += [m.group(1), "", line[m.end():]] if i in named and m else [line]
    return out


# Where a sentence may start within a paragraph: after a sentence's end.
_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[a-z0-9)\]%][.!?] ))(?=[A-Z])")
_TITLE_WORD = re.compile(r"[A-Z][\w'’-]*|[a-z]+")
_HEADING_WORDS = 10  # the most words of a run-in heading


def _run_in_word_heading(line: str, lower: Collection[str]) -> int | None:
    """Where the sentence starts when a paragraph opens with a heading of one word whose line break
    a saved page lost: a capitalised word the page never writes in lower case, then a capitalised
    word it does write so (a common noun, capitalised here only as a sentence's first word), then
    lower-case prose ("Conclusion Neuroplasticity is a fundamental ...").  "Structural
    Neuroplasticity is ..." stays whole where the page writes "structural" too."""
    words = list(re.finditer(r"\S+", line[:200]))[:5]
    if len(words) < 5:
        return None
    first, second = words[0].group(), words[1].group()
    if not (re.fullmatch(r"[A-Z][a-z]{2,}", first) and re.fullmatch(r"[A-Z][a-z]{2,}", second)):
        return None
    if first.lower() in FUNCTION_WORDS or first.lower() in lower or second.lower() not in lower:
        return None
    return words[1].start() if all(w.group()[:1].islower() for w in words[2:4]) else None


def _run_in_heading(line: str, start: int) -> tuple[int, int] | None:
    """(end of the heading, start of the sentence) when the sentence at `start` opens with a
    heading whose line break a saved page lost: a phrase in title case (2 to `_HEADING_WORDS`
    words, capitals but for function words after its first, its last word a capitalised one, no
    capitalised word twice), then the sentence's first word, capitalised (not in capitals:
    "SETTING General US community"): a function word followed by lower-case prose ("Types of
    Neuroplasticity There are two main types ...", not a title's "Is a Metabolic Marker"), or else
    the title case's last word where it restates a word of the heading ("Understanding
    Neuroplasticity Neuroplasticity, also known as ..."). "The United States Congress is ..." has
    neither; "I" and "A" open no sentence here ("Last Christmas I gave", "Influenza A virus"), nor
    a word after "and" ("Both Cameron and Theresa May have")."""
    words = [m for m in re.finditer(r"\S+", line[start : start + 400])][: _HEADING_WORDS + 8]
    run = []
    for m in words:
        word = m.group()
        core = word[:-1] if word.endswith(",") else word
        if not _TITLE_WORD.fullmatch(core) or (core.islower() and core not in FUNCTION_WORDS):
            break
        run.append(core)
        if core != word:
            break  # a comma ends the title-case run

    def prose_after(i: int) -> bool:
        # In a title the words after a function word are capitalised again ("Is a Metabolic Marker").
        later = [m.group().strip(",;:.") for m in words[i + 1 : i + 5]]
        word = next((w for w in later if w.lower() not in FUNCTION_WORDS), "")
        return bool(later) and later[0][:1].islower() and word[:1].islower()

    capitals = [i for i, w in enumerate(run) if w[0].isupper() and (w[1:].islower() or len(w) == 1)]
    first = next((i for i in capitals if i >= 2 and run[i].lower() in FUNCTION_WORDS and run[i] not in ("I", "A")
                  and not words[i].group().endswith(",") and prose_after(i)), None)
    if first is None and capitals and capitals[-1] >= 2:
        last = capitals[-1]
        restated = {w.lower() for w in run[:last] if w.lower() not in FUNCTION_WORDS}
        if run[last].lower() in restated and (prose_after(last) or words[last].group().endswith(",")):
            first = last
    if first is None:
        return None
    heading = [w.lower() for w in run[:first] if w[0].isupper()]
    if (first > _HEADING_WORDS or run[first - 1][0].islower() or run[first - 2].lower() in ("and", "or")
            or any(w[0].isupper() and w.lower() in FUNCTION_WORDS for w in run[1:first])
            or len(set(heading)) < len(heading) or len(words) < first + 5):
        return None
    return start + words[first - 1].end(), start + words[first].start()


def _run_in_headings_apart(lines: list[str]) -> list[str]:
    """A saved page's paragraphs with each run-in heading (`_run_in_heading`) on a line of its
    own, between blank lines, so that it heads the text after it and no sentence opens with it."""
    out: list[str] = []
    lower = {w for line in lines for w in re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", line)}
    for line in lines:
        at = 0
        if (word := _run_in_word_heading(line, lower)) is not None:
            out += [line[:word].rstrip(), ""]
            at = word
        for m in _SENTENCE_STARTS.finditer(line):
            found = _run_in_heading(line, m.start()) if m.start() >= at else None
            if found:
                out += [line[at : m.start()].rstrip(), "", line[m.start() : found[0]], ""]
                at = found[1]
        out.append(line[at:])
    return [ln for i, ln in enumerate(out) if ln or (i and out[i - 1])]


def typed_with_line_breaks(raw: str) -> bool:
    """Whether plain text was typed with line breaks rather than saved from a web page."""
    return _unwrapped(raw)[1]


def _nonblank(lines: list[str]) -> int:
    return sum(map(bool, lines))


def _dedented(lines: list[str]) -> list[str]:
    """Each line with runs of spaces collapsed after its indent, and its block's (run of nonblank
    lines) smallest indent taken off every line of the block."""
    bodies = [ln.lstrip(" ") for ln in lines]
    indents = [len(ln) - len(b) if b.strip() else -1 for ln, b in zip(lines, bodies)]
    out, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and indents[j] >= 0:
            j += 1
        if j == i:
            out.append("")
            i += 1
            continue
        least = min(indents[i:j])
        out += [" " * (indents[k] - least) + collapse_spaces(bodies[k]).strip() for k in range(i, j)]
        i = j
    return out


# A list item's mark: a number, a letter or a roman numeral before ")" or "."; a letter before "."
# only early in the alphabet, as a list's are ("W. Eaton", a wrapped name's initial, goes on); a
# number only with no digit after its dot ("10.3, no one other than ..." and "2.1 of this License
# shall terminate." go on a sentence that cited a section), unless a name follows ("2.1. Grants").
_LIST_ITEM = re.compile(r"^(\(?(\d{1,3}|[a-z]|[ivx]{1,4})\)|\(?(\d{1,3}|[a-h]|[ivx]{1,4})\.(?!\d)|[|>#])\s*", re.I)
_NUMBERED_NAME = re.compile(r"^\d+(?:\.\d+)+\.?\s+[\"“]?[A-Z]")
_LETTERS = re.compile(r"[^\W\d_]{2}")


def _wordy(line: str) -> bool:
    words = line.split()
    return bool(words) and sum(bool(_LETTERS.search(w)) for w in words) >= 0.6 * len(words)


def _clause_goes_on(last: str, line: str, width: int) -> bool:
    """Whether a line ending in a colon or a semicolon is a wrapped sentence's, going on in `line`:
    lower case, itself a wrapped line running near the paragraph's width ("... any derivative work
    under copyright law:" / "that is to say, a work containing the Program or a portion of it,") at
    the same indent and opening with an English word, not one entry of a list ("gzip compresses
    files") nor a command ("dpkg-trigger --no-await <name-of-trigger>")."""
    first = re.match(r"[a-z]+\b(?![-./_])", line.lstrip())
    return (last.rstrip()[-1:] in ":;" and first is not None and first.group() in english_words()
            and len(line) >= 0.6 * width and _indent(line) == _indent(last))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_CELLS = re.compile(r"^[^\n]* \| [^\n]* \| ", re.M)  # a table's row, its cells parted by " | "
_ENUMERATION_MARK = re.compile(r"^\((\d|[a-h])\)\s")


def _enumerated_inline(last: str, line: str) -> bool:
    """Whether `line` opens with the next mark of an enumeration that `last` runs inside a sentence
    ("We protect your rights with two steps: (1) copyright the software, and" / "(2) offer you this
    license ..."): no list item."""
    mark = _ENUMERATION_MARK.match(line)
    if not mark:
        return False
    before = chr(ord(mark.group(1)) - 1)
    return f"({before})" in last[1:] and not last.startswith("(")


_RULE = re.compile(r"^([=\-~^*+#_])\1{2,}$")


def _underlines(rule: str, line: str) -> bool:
    """Whether `rule`, right under `line`, is a rule of marks about its length: an underline."""
    return bool(line) and not _RULE.match(line) and bool(_RULE.match(rule)) \
        and 0.5 * len(line) <= len(rule) <= 1.5 * len(line) + 3


def underlined_lines(raw: str) -> tuple[tuple[str, int], ...]:
    """The lines of `raw` a rule of marks about their length underlines (`_underlines`: how
    reStructuredText, Sphinx's text output and Markdown's setext style set a heading), with their
    spaces collapsed, each with its level: the order in which its mark first underlines a line
    (reStructuredText's rule: "*" under the chapters, then "=" under their sections)."""
    lines = [ln.strip() for ln in raw.split("\n")]
    marks: dict[str, int] = {}
    out: dict[str, int] = {}
    for line, rule in zip(lines, lines[1:]):
        if _underlines(rule, line):
            level = marks.setdefault(rule[0], len(marks) + 1)
            out.setdefault(" ".join(line.split()), level)
    return tuple(out.items())


def _heading_rules_dropped(lines: list[str]) -> list[str]:
    """A line of one repeated mark right under a line of about its length underlines a heading
    (reStructuredText, AsciiDoc, Markdown's setext headings; one over it too, for a title): the
    heading stays, standing alone, and the marks go.  A rule between paragraphs is left alone."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if _RULE.match(line):
            above = out[-1] if out else ""
            below = lines[i + 1] if i + 1 < len(lines) else ""
            if _underlines(line, above):
                out.append("")
                continue
            if below and not _RULE.match(below) and i + 2 < len(lines) and _RULE.match(lines[i + 2]):
                out.append("")  # an overline: its title's underline follows
                continue
        out.append(line)
    return out


# A label: up to four words, the first capitalised, and a colon ("Diagnosis:", "Date of
# interview:"); a field is a label, then its value ("Patient: Jane Example", a transcript's "P07:
# Seven months.").
LABEL = re.compile(r"[A-Z][\w'’()/&-]*(?: [\w'’()/&-]+){0,3}:")
# (a Markdown source's label may be set in bold: "**Present:** ...", "**Apologies**: ...")
_FIELD = re.compile(rf"^[*_]{{0,2}}{LABEL.pattern[:-1]}(?:[*_]{{0,2}}:|:[*_]{{0,2}})\s+\S")
_FIELD_ANYWHERE = re.compile(rf"(?:^|\s){LABEL.pattern}\s+\S")


def is_field(line: str) -> bool:
    """Whether a line is a field: a label, then its value ("Status: draft, experimental")."""
    return _FIELD.match(line.strip()) is not None


def field_lines(lines: list[str]) -> frozenset[int]:
    """The lines of blocks (runs of nonblank lines) that are lists of fields: two or more lines,
    at least half of them opening with a label and its colon (a report's or a transcript's head:
    "Study: ...", "Date of interview: ...", "Interviewer: RK"). A field there is a line of its own,
    neither a wrapped paragraph's nor a title."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        if j - i >= 2 and 2 * sum(bool(_FIELD.match(lines[k].strip())) for k in range(i, j)) >= j - i:
            out.update(range(i, j))
        i = j + 1
    return frozenset(out)


def _wraps_value(line: str) -> bool:
    """Whether `line`, under a field that ran to the paragraph's width mid-sentence, goes on with
    its value: it opens in lower case ("Whitespace-separated list: list of patterns indicating files
    covered by" / "the license and copyright specified in this stanza."), as the next field or a
    line of its own would not."""
    return line.lstrip()[:1].islower()


def unwrap_lines(lines: list[str], vocabulary: Callable[[], Vocabulary] | None = None) -> list[str]:
    """Paragraphs hard-wrapped at a fixed width (a text or Markdown file typed with line breaks)
    joined into one line each, since a line break ends a sentence: a line continues the one before
    it when that one is wordy, ran to near the paragraph's widest line and stopped mid-sentence, and
    this one is wordy and opens no list item, table row, quote or heading. Lists, tables,
    addresses, verse, lists of fields (but a field's value wrapped, `_wraps_value`) and a saved
    page's one-line paragraphs keep their lines. A word
    broken at a line's end is decided by `vocabulary()`, the whole text's words (by default `lines`')."""
    out: list[str] = []
    width = 0
    fields = field_lines(lines)
    vocab: Vocabulary | None = None  # built only for a file that breaks a word at a line's end
    for i, line in enumerate(lines):
        if not line:
            out.append(line)
            width = 0
            continue
        if not width:  # the first line of a paragraph: its widest line sets the measure
            j = i
            while j < len(lines) and lines[j]:
                width = max(width, len(lines[j]))
                j += 1
        prev = out[-1] if out else ""
        last = lines[i - 1] if i else ""
        if (last and width >= 40 and len(last) >= 0.6 * width and len(last.split()) >= 3
                and (not _SENTENCE_END.search(last) or _clause_goes_on(last, line, width))
                and _wordy(last) and _wordy(line) and not BULLET.match(line) and not _CELLS.search(last + "\n" + line)
                and (not _LIST_ITEM.match(line) or _enumerated_inline(last, line)) and not _NUMBERED_NAME.match(line)
                and not (i in fields and (_FIELD.match(line.strip()) or (_FIELD.match(last.strip()) and not _wraps_value(line))))
                # a title over its speaker's or writer's name, and that name over a date, are lines
                # of their own ("Managing Type 2 Diabetes in Primary Care" / "Dr Aisha Rahman, GP Partner")
                and not is_byline(line.strip()) and not is_byline(last.strip())):
            # The line's indent is layout (a list item's or a note's text), not space within a sentence.
            rest = line.lstrip()
            if prev.endswith("-"):
                vocab = vocab or (vocabulary() if vocabulary else Vocabulary(lines))
            out[-1] = _continued(prev, rest, vocab) if vocab else f"{prev} {rest}"
        else:
            out.append(line)
    return out


def _drop_truncated_repeats(lines: list[str]) -> list[str]:
    """Drop a line that is a cut-off copy of an earlier heading (a page's repeated title): a few
    characters or more short of it, so that a line differing only at its end ("... Default: false"
    after "... Default: false.", "sea-prep.blob ^" after "sea-prep.blob `") is no copy."""
    seen: dict[str, list[str]] = {}  # earlier lines by their first 30 characters, all a copy can share
    out: list[str] = []
    for ln in lines:
        low = ln.lower()
        if len(low) > 30 and not _SENTENCE_END.search(low) and any(
            len(s) >= len(low) + 3 and s.startswith(low[: max(30, len(low) - 2)]) for s in seen.get(low[:30], ())
        ):
            continue
        if ln:
            seen.setdefault(low[:30], []).append(low)
        out.append(ln)
    return out


def underlined_title(raw: str) -> str:
    """The first line of `raw` (after an editor's settings, `_MODE_LINE`) when a rule of marks
    underlines it (as reStructuredText, AsciiDoc and Markdown set a title), else ""."""
    lines = [ln.strip() for ln in raw.lstrip().split("\n")[:4]]
    if lines and _MODE_LINE.match(lines[0]):
        lines = lines[1:]  # the editor's settings ("-*- text -*-") are no title
    if lines and _RULE.match(lines[0]):
        lines = lines[1:]  # an overline
    if len(lines) >= 2 and _underlines(lines[1], lines[0]):
        return lines[0]
    return ""


# An editor's settings on a file's first line: Emacs's "-*- text -*-", a Vim modeline.
_MODE_LINE = re.compile(r"^-\*-.*-\*-$|^(?:vim?|ex):\s*(?:set?\s)?.*:$")


# A copyright notice names the holder, not the work: "Copyright © 2007 Free Software Foundation, Inc.".
_COPYRIGHT = re.compile(r"^(copyright\b|©|\(c\)\s)", re.I)


def is_copyright_notice(line: str) -> bool:
    """A line that opens with "Copyright", "©" or "(c)": no title and no heading."""
    return bool(_COPYRIGHT.match(line.strip()))


def _beside_field(lines: list[str], i: int) -> bool:
    """Whether the nonblank line before or after line `i` is a field (`is_field`)."""
    before = next((ln for ln in reversed(lines[:i]) if ln), "")
    after = next((ln for ln in lines[i + 1:] if ln), "")
    return is_field(before) or is_field(after)


_TABLE_ROW = re.compile(r"^\|.*\|$|\s\|\s")


# A Markdown heading's marks: "# Title", not a script's "#!/usr/bin/python" nor a "#define".
_ATX_HEADING = re.compile(r"#{1,6}(?:\s|$)")


_COMMENT_MARK = re.compile(r"^(?:%+|;{2,}|//+)(?:\s+|$)")


_BY = re.compile(r"^(?:by|written\s+by|words\s+by)\s+", re.I)


# An e-mail's header, as a saved message opens: "From: ...", "To: ...", "Date: ...", "Subject: ...".
_MAIL_HEADER = re.compile(r"^(from|to|cc|bcc|date|sent|subject)\s*:\s*(.*)$", re.I)
_MAIL_FIELDS = 3  # header fields a message opens with, for its subject to be its title


def _mail_subject(lines: list[str]) -> str:
    """The subject of a message whose first lines are its header (three or more fields, one of
    them "Subject:"), else ""."""
    fields = {}
    for ln in lines:
        if not (m := _MAIL_HEADER.match(ln)):
            break
        fields[m.group(1).lower()] = m.group(2).strip()
    return fields.get("subject", "") if len(fields) >= _MAIL_FIELDS else ""


def guess_title(text: str, fallback: str, first: bool = False) -> str:
    """A saved e-mail's subject (`_mail_subject`), else the title `_guessed_title` reads."""
    return _mail_subject([ln.strip() for ln in text.split("\n")[:15]]) or _guessed_title(text, fallback, first)


def _guessed_title(text: str, fallback: str, first: bool = False) -> str:
    """The title is the longest heading-like line before the first paragraph of prose (a saved
    page's first lines are its site's), or with `first` (a file typed with line breaks) the first
    ("Apache License" over "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION"), after
    the site's menu where one opens the page (`_menu_at`) and past a section's label in capitals
    ("NAME" over "ssh - OpenSSH remote login client"); a line
    that ends as a sentence does ("This directory contains the 4.3 release of GNU Make."), or leads in
    to what follows in more than five words ("The following cp command copies a single file:"), is
    prose, and a copyright notice is none."""
    candidates: list[str] = []
    before_menu: list[str] | None = None
    lines = [ln.strip() for ln in text.split("\n")[:15]]
    listed: list[str] = []  # fields beside fields, and the rest of one's value
    last = ""  # the last heading-like line read
    looked = 0  # heading-like lines read
    for i, ln in enumerate(lines):
        # a comment's mark before a source file's header names nothing ("% CONTENTS OF THE BUNDLE")
        ln = _COMMENT_MARK.sub("", ln)
        if not ln:
            continue
        words = len(ln.split())
        if first and before_menu is None and ln.startswith("• ") and _menu_at(lines, i):
            # a typed page's first lines may be its site's menu ("Download the ebook", then
            # "• Prev", "• Next"): its title is the first line after the menu, if one is there
            before_menu, candidates = candidates, []
            continue
        if before_menu is not None and ln.startswith("• ") and not candidates:
            continue
        if ln.startswith("• ") or words > 30 or (words > 5 and ln.endswith((".", "!", ":"))) or _said(ln):
            break
        if _ATX_HEADING.match(ln):
            return ln.lstrip("#").strip() or fallback
        if _RULE.match(ln) or sum(c.isalnum() for c in ln) < 2 or is_copyright_notice(ln) or _TABLE_ROW.search(ln) or (
                not first and _BY.match(ln) and is_byline(_BY.sub("", ln))):
            # a rule between the title and the text names nothing, nor a row of ornaments, a drop
            # letter, a table's row ("| Flag | Meaning |", "Name | Size") or a saved page's byline
            # ("By Laura Bennett, Health Reporter", longer than the title above it)
            continue
        looked += 1
        # A line of several fields ("Patient: Jane Example Date of birth: 02/05/1961") names no
        # document, nor does a label over its text ("Presenting complaint:"); a field beside another,
        # or the rest of its value on the line after it, names it only where no other line does (a
        # transcript's "Study: ...", not minutes' "Present: B. Smart (Chair), ..." over "Absent: B.
        # Gone" under "Minutes for October 5", nor a copyright holder under "Copyright:").
        # A date alone, or a line of more digits than letters ("2016 年 5 月 25 日" under a deck's
        # title in Chinese, longer than it), names it only where no other line does; so does a
        # line closing on a day's date, which says when the document was given ("Practice
        # Learning Session, 12 February 2026" under a talk's title and speaker).
        if len(_FIELD_ANYWHERE.findall(ln)) < 2 and not LABEL.fullmatch(ln):
            in_list = _beside_field(lines, i) if is_field(ln) else bool(listed) and (listed[-1] == last or LABEL.fullmatch(last))
            (listed if in_list or _numbers_only(ln) or _DATELINE.search(ln) else candidates).append(ln)
        last = ln
        if looked >= 4:
            break
    # A section's label in capitals names no document: a manual page opens with "NAME", then "ssh -
    # OpenSSH remote login client" (printed, its names run on past 30 words: the file's name is the
    # better title).
    candidates = [ln for ln in candidates or before_menu or listed if not re.fullmatch(r"[A-Z]{2,}:?", ln)]
    if not candidates:
        return fallback
    if first:
        return candidates[0][:300]
    return max(candidates, key=len)[:300]


def is_date(line: str) -> bool:
    """A date alone ("May 25, 2016", "31 October 2022", "2014-06-20"), or dates with a word of
    label each at most ("10 October 2012 Revised 8 October 2014", "Edited: December 16, 2015;
    Compiled: December 23, 2022", as a vignette's title page dates it)."""
    bare = line.strip(" .,")
    if _DATE.fullmatch(bare):
        return True
    rest = _DATE.sub(" ", bare)
    dates = len(_DATE.findall(bare))
    return dates > 0 and not any(ch.isdigit() for ch in rest) and len(re.findall(r"[^\W\d_]+", rest)) <= dates


def _numbers_only(line: str) -> bool:
    """A date alone, or a line of more digits than letters."""
    digits, letters = sum(c.isdigit() for c in line), sum(c.isalpha() for c in line)
    return digits > letters or is_date(line)


_MENU_ITEM_WORDS = 4


def _said(line: str) -> bool:
    """A long line under a label, in words of a sentence rather than a title's capitals: what someone
    said or wrote (a transcript's "RK: Thank you for agreeing to talk ... ?"), prose whatever it ends
    with. A title with a subtitle ("Neuroplasticity and Neuropsychiatry: Exploring the Dynamic
    Relationship ...") capitalises its words."""
    long_words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return len(line.split()) > 12 and _FIELD.match(line) is not None \
        and sum(w[0].isupper() for w in long_words) < 0.6 * len(long_words)


def _menu_at(lines: list[str], i: int) -> bool:
    """Whether the bulleted lines from `i` on are a menu: each item a few words (a link's text)."""
    items = []
    for ln in lines[i:]:
        if ln.startswith("• "):
            items.append(ln)
        elif ln:
            break
    return len(items) >= 2 and all(len(item.split()) <= _MENU_ITEM_WORDS + 1 for item in items)



def meaningful_title(title: str) -> bool:
    t = title.strip()
    return len(t) >= 4 and any(c.isalnum() for c in t) and not re.match(
        r"^(untitled|microsoft (word|powerpoint|excel)|document\d*|\S+\.(docx?|pdf|tex|dvi|e?ps|rtf|odt|pptx?|xlsx?|indd)$)", t, re.I)


_TITLE_PARTS = re.compile(r"\s+[-|–—·:]{1,2}\s+")


def title_parts(title: str) -> list[str]:
    """A page title's parts, as a browser tab shows them: "DNS | Node.js v20.20.2 Documentation"
    is the page ("DNS") and the site; a part may be the site's name, set large atop every page."""
    return [p.strip() for p in _TITLE_PARTS.split(title.strip()) if p.strip()]

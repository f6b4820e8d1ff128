"""Section paths: `TextRead`, what a text reader hands the loader with the headings its markup
marks (Markdown `#`, HTML `<h1>`–`<h6>`); `plain_headings`, the headings of plain text, which has no
markup; and `section_spans`, which finds the headings in the cleaned text and gives every character
the path of headings it sits under.

Public API: `TextRead`, `plain_headings`, `section_spans`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest.clean import AFFILIATION, LABEL, SECTION_NUMBER, is_byline, is_copyright_notice, opens_first_subsection
from assistant.ingest.model import SectionSpan
from assistant.text import collapse_spaces, ends_unfinished, normalize_unicode

__all__ = ["TextRead", "plain_headings", "section_spans"]


@dataclass(frozen=True)
class TextRead:
    """A text file as read: its text, title, a decoding note, the headings its markup marks (level
    1-6, text) in order, None for text without markup (then the lines it underlines, which may
    mark them), what it states about itself, and whether it names no title at all (then the file's
    name is one; not guessed from its lines)."""

    text: str
    title: str = ""
    note: str = ""
    headings: tuple[tuple[int, str], ...] | None = None
    authors: tuple[str, ...] = ()
    year: str = ""
    doi: str = ""
    untitled: bool = False  # the text names no title: the file's name is its title
    underlined: tuple[tuple[str, int], ...] = ()  # plain text's lines underlined by rules of marks, and their levels


# A numbered heading may end in a full stop, as a licence's or a standard's do: "8. Termination.",
# "Section 1 -- Definitions.".
_NUMBERED = re.compile(r"^(?:(?i:section|article|chapter|part)\s+)?\d+(?:\.\d+)*\.?(?:\s*(?:--?|[–—:]))?\s+([A-Z][^.]*)\.$")
NUMBERED_WORDS = 8  # the most words of a numbered heading's name when it ends in a full stop
_HEADING_WORDS = 12  # the most words of any heading of plain text
_ENDED = re.compile(r"[.!?][\"'”’)]*\s*$")  # a numbered heading may follow a paragraph's last sentence without a blank line
_ITEM = re.compile(r"^\d+[.)]?\s")  # a numbered list's item, which a numbered line right under one continues
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S")  # "1.3. \"Contribution\"", a numbered term of a licence
# A sentence's end then another sentence's start, in a line that itself ends unfinished: a wrapped
# paragraph's first line ("The value is evaluated like with 'statusline'. You can use").
_SENTENCE_THEN_MORE = re.compile(r"(?:[a-z]{2}|[\"'”’)])[.!?]\s+[A-Z].*[^.!?:;,\"'”’)\s]\s*$")


# A line giving a web or e-mail address is a reference or a byline, no heading (a change log's
# "2017-12-10 Frank Mittelbach <frank@example.org>" had headed every entry after it).
_WEB_ADDRESS = re.compile(r"\b(?:https?|ftp)://|\bwww\.|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
_CAPITALS = re.compile(r"[A-Z][A-Z0-9&/'-]*(?: [A-Z0-9&/'-]+){0,3}")  # up to four words in capitals


# An FAQ's question and answer, each labelled: "Q: Does the clinic ...?", then "A: Yes. ...".
_FAQ_QUESTION = re.compile(r"^(?:q|question)\s*[:.]\s+\S.*\?$", re.I)
_FAQ_ANSWER = re.compile(r"^(?:a|answer)\s*[:.]\s+\S", re.I)

_MARKED = 3  # underlined lines in a text that sets its headings so: one or two may be a table's rules


def plain_headings(text: str, underlined: tuple[tuple[str, int], ...] = ()) -> tuple[tuple[int, str], ...]:
    """Lines of plain text set as headings: standing alone after a blank line (or first), at most
    12 words and 100 characters, starting with a capital or a digit, not a bullet, a copyright
    notice, a line giving a web or e-mail address nor a numbered item the next item follows, not ending on a
    word no phrase ends on ("... two steps: (1) copyright the software, and") nor as a clause does
    (. , ; :) unless numbered and short (`_NUMBERED`, which may also follow a paragraph's last
    sentence directly, but not the items of a numbered list), not a wrapped paragraph's first line
    (a sentence's end, then words left unfinished), and followed by a paragraph of prose (more than
    12 words, or under a numbered heading, "0. Definitions." or "1.3. \"Contribution\"", a sentence
    of five or more that is no numbered item), or, for a line of up to four words in capitals, by
    any line of two words or more not in capitals; with the numbered lines that complete the
    outline between them (`_numbered_gaps_filled`), and the short lines set as three or more of
    them are, right over their text (`_set_alike`). Level 1, but for headings numbered at two
    depths or more (`_numbered_levels`). A text that underlines its headings (`underlined`, the
    raw text's `underlined_lines`, three or more) says which they are and how they nest: a line
    found otherwise goes under the heading before it, one level below the deepest underlined (a
    release note's "Backward compatibility warts" under "Updates since Git 2.34"; a definition
    list's term, "Chosen Convention" over its indented definition, had headed the chapter's next
    sections)."""
    lines = text.split("\n")
    found = _found_headings(lines)
    marked = dict(underlined)
    if len(marked) < _MARKED:
        return _numbered_levels(lines, found)
    under = max(marked.values()) + 1
    at = {i: (under, s) for i, s in found}
    at.update({i: (marked[key], s) for i, line in enumerate(lines) if (s := line.strip()) and (key := " ".join(s.split())) in marked})
    return tuple(at[i] for i in sorted(at))


def _found_headings(lines: list[str]) -> list[tuple[int, str]]:
    """The lines `plain_headings` takes for headings by their look, with their line numbers."""
    out = []
    labels = _label_headings(lines) | _slide_titles(lines)
    for i, line in enumerate(lines):
        s = line.strip()
        if i in labels:
            out.append((i, s))
            continue
        name = _NUMBERED.match(s)
        numbered = name is not None and len(name.group(1).split()) <= NUMBERED_WORDS
        if (not s or len(s) > 100 or len(s.split()) > 12 or not (s[0].isupper() or s[0].isdigit())
                or (s[-1] in ".,;:" and not numbered) or s.startswith(("•", "-", "*")) or is_copyright_notice(s)
                or _WEB_ADDRESS.search(s) or ends_unfinished(s)
                or (i > 0 and lines[i - 1].strip() and not (numbered and _ENDED.search(lines[i - 1])
                                                            and not _in_numbered_list(lines, i)))
                or _SENTENCE_THEN_MORE.search(s)):
            continue
        following = next((x.strip() for x in lines[i + 1:] if x.strip()), "")
        if _next_item(s, following):
            continue  # "5. Run "make"." over "6. Run "make install"": an item of a numbered list
        if is_byline(s) and len(following.split()) <= 25 and AFFILIATION.search(following):
            continue  # the writers' names over their affiliation head nothing
        if _FAQ_QUESTION.match(s) and _FAQ_ANSWER.match(following):
            # an FAQ's labelled question heads its labelled answer, however short ("Q: Why are
            # sessions fifty minutes long?" over "A: Ten minutes between sessions let ...")
            out.append((i, s))
            continue
        if _CAPITALS.fullmatch(s) and len(following.split()) >= 2 and not following.isupper():
            # A short line in capitals over text in words heads it, however short that text is: a
            # manual page's "NAME" over "tar - an archiving utility", "OPTIONS" over its first group.
            out.append((i, s))
            continue
        # Under a numbered heading a short sentence is prose too ("0. Definitions." over "\"This
        # License\" refers to version 3 of the GNU General Public License."), but not the next item.
        sectioned = numbered or (_SECTION_NUMBER.match(s) is not None and len(s.split()) <= NUMBERED_WORDS)
        if len(following.split()) > 12 or (sectioned and len(following.split()) >= 5 and _ENDED.search(following)
                                           and not _ITEM.match(following)):
            out.append((i, s))
    return _set_alike(lines, _series_completed(lines, _numbered_gaps_filled(lines, _record_blocks(lines, out))))


_SET_OVER = 3  # headings set right over their text, for the document to be taken to set them so


# A record's labelled line: "Study Type: Interventional", "Phone: +44 1632 960123".
_FIELD_LINE = re.compile(rf"^{LABEL.pattern}\s+\S")


def _record_blocks(lines: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the headings of a record laid out in blocks, each opened by a short line
    alone over its labelled lines ("Study Overview" over "Study Type: Interventional"), where three
    or more blocks open so (a trial registry's record, a form printed as text): then a short line
    alone over any text of its own heads it too ("Official Title" over the title, "Secondary
    Outcome Measures" over its first measure), and so does one over a second short line that
    does ("Outcome Measures" over "Primary Outcome Measures"). Their text is too short to be
    taken for prose; one labelled block is a paragraph's lead-in, no record."""
    if sum(1 for i in range(len(lines) - 1) if _block_opening(lines, i) and _FIELD_LINE.match(lines[i + 1].strip())) < _SET_OVER:
        return found
    have = {i for i, _ in found}
    more = []
    for i in range(len(lines) - 1):
        if i in have or not _block_opening(lines, i):
            continue
        following = lines[i + 1].strip()
        if _over_text(following):
            more.append((i, lines[i].strip()))
        elif i + 2 < len(lines) and _short_line(following) and not _FIELD_LINE.match(following) \
                and _over_text(lines[i + 2].strip()):
            more += [(i, lines[i].strip()), (i + 1, following)]
    return sorted(found + [m for m in dict(more).items() if m[0] not in have])


def _block_opening(lines: list[str], i: int) -> bool:
    """Whether line `i` is a short line (`_short_line`) alone after a blank line (or first) over a line of text."""
    return (i == 0 or not lines[i - 1].strip()) and i + 1 < len(lines) and bool(lines[i + 1].strip()) \
        and _short_line(line := lines[i].strip()) and not _FIELD_LINE.match(line)


def _short_line(s: str) -> bool:
    """Whether `s` may be a heading known by where it stands: at most six words, opening with a
    capital, ending in no clause's mark, no bullet, web address nor unfinished phrase.  (A
    record's "Study Overview" reads as a person's name, so a byline is left to the caller: a name
    over a contact's lines heads them.)"""
    return (bool(s) and len(s.split()) <= _SHORT_HEADING and s[0].isupper() and s[-1] not in ".,;:"
            and not s.startswith(("•", "-", "*")) and not _WEB_ADDRESS.search(s) and not ends_unfinished(s))


def _over_text(following: str) -> bool:
    """Whether a block's line under its opening is text of its own: a labelled line, a bullet, or five words or more."""
    return bool(_FIELD_LINE.match(following)) or following.startswith(("•", "- ", "* ")) or len(following.split()) >= 5
_SHORT_HEADING = 6  # the most words of a heading known only by standing as the others do


def _set_alike(lines: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the short lines set as three or more of its headings are, alone after a
    blank line and right over their text: a discharge summary's "Past medical history" over its
    first bullet and "Diagnosis on discharge" over a one-sentence diagnosis, too short to be taken
    for prose, head them as "Hospital course" heads its paragraph. Each line has at most six words,
    opens with a capital, ends in no clause's mark, and is followed by a bullet item or a sentence
    of five words or more."""
    have = {i for i, _ in found}
    set_over = sum(1 for i, _ in found if i + 1 < len(lines) and lines[i + 1].strip())
    if set_over < _SET_OVER:
        return found
    more = []
    for i, line in enumerate(lines[:-1]):
        s, following = line.strip(), lines[i + 1].strip()
        if i in have or not following or (i and lines[i - 1].strip()) or not _short_line(s) or is_byline(s):
            continue
        if following.startswith(("•", "- ", "* ")) or (len(following.split()) >= 5 and _ENDED.search(following)):
            more.append((i, s))
    return sorted(found + more)


# A heading of a series: up to four words, then a number ("Changes to Version 3.1-0", "Release
# 2.4", "Day 3 - Tuesday").
_SERIES = re.compile(r"^([A-Z][\w'-]*(?: [\w'-]+){0,3}) v?\d")


def _series_completed(lines: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the lines standing alone that open as two or more of its headings do, up to
    their number: a change log's "Changes to Version 3.1-0" heads its items as "Changes to Version
    3.0-12" does, though its items are too short to be taken for prose (they had been the previous
    release's)."""
    openings = Counter(m.group(1) for _, s in found if (m := _SERIES.match(s)))
    series = {opening for opening, n in openings.items() if n >= 2}
    if not series:
        return found
    have = {i for i, _ in found}
    more = [(i, s) for i, line in enumerate(lines)
            if i not in have and (s := line.strip()) and (i == 0 or not lines[i - 1].strip()) and len(s) <= 100
            and len(s.split()) <= 12 and s[-1] not in ".,;:" and (m := _SERIES.match(s)) is not None and m.group(1) in series]
    return sorted(found + more)


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """Whether section number `after` comes right after `before` in an outline: its first
    subsection ("2" then "2.1"), its next sibling ("2.1" then "2.2") or the next of an enclosing
    section ("1.14" then "2")."""
    if after == before + (1,):
        return True
    k = len(after)
    return k <= len(before) and after[:-1] == before[: k - 1] and after[-1] == before[k - 1] + 1


def _parts(number: re.Match) -> tuple[int, ...]:
    """A section number's parts (`SECTION_NUMBER`'s match): "2.1" is (2, 1)."""
    return tuple(map(int, number.group(1).split(".")))


def _numbered_gaps_filled(lines: list[str], found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with the short numbered lines standing alone that complete the outline between two
    numbered headings found ("3.2. Distribution of Executable Form" between "3.1." and "3.3.", over
    a lead-in too short to pass for prose: "If You distribute ... then:"): each line's number comes
    right after the one before, up to the heading after the gap; one ending in a full stop is a
    short name or in capitals ("10. U.S. GOVERNMENT END USERS."). A numbered list's item in a section
    ("3. Run the tests" after "2 Usage") leaves no such chain to the next heading ("3 Results")."""
    numbered = [(i, _parts(m)) for i, s in found if (m := SECTION_NUMBER.match(s))]
    at = {i for i, _ in found}
    added: list[tuple[int, str]] = []
    if numbered and numbered[0][1][-1] > 1:
        # before the first, from its first sibling on: a leaflet's "1. What Sertraline is and what
        # it is used for", too long a name over too short a sentence, before "2. What you need to know ..."
        numbered.insert(0, (-1, numbered[0][1][:-1] + (0,)))
    for (start, before), (end, after) in zip(numbered, numbered[1:]):
        chain, last = [], before
        for i in range(start + 1, end):
            s = lines[i].strip()
            number = SECTION_NUMBER.match(s)
            if (i in at or not number or (i and lines[i - 1].strip())
                    or len(s.split()) > (NUMBERED_WORDS if s.endswith(".") else _HEADING_WORDS)
                    or not re.match(r"[\"“]?[A-Z]", s[number.end(1):].lstrip(". "))
                    or (s[-1] in ".,;:" and not (_NUMBERED.match(s) or s.isupper()))):
                continue
            if _follows(last, _parts(number)):
                chain.append((i, s))
                last = _parts(number)
        if chain and _follows(last, after):
            added += chain
    return sorted(found + added)


LABEL_HEADINGS = 3  # labels a document sets so at least, for them to be its headings


# A slide's number alone on its line, as a deck saved as text marks each slide: "Slide 3", "-- Slide 3 --".
_SLIDE_MARK = re.compile(r"^\W*slide\s+\d{1,3}\W*$", re.I)
SLIDE_MARKS = 3  # slides a text marks so at least, for the lines under the marks to be their titles


def _slide_titles(lines: list[str]) -> set[int]:
    """The lines right under a slide's mark (`_SLIDE_MARK`, alone after a blank line or first) in a
    text that marks three or more slides so: each is its slide's title ("Slide 3" over "Diagnosis"
    over its bullets), however short its items, where it is a line of at most 12 words that ends in
    no clause's mark and is no bullet."""
    under = [i + 1 for i, line in enumerate(lines[:-1]) if _SLIDE_MARK.match(line.strip()) and (i == 0 or not lines[i - 1].strip())]
    if len(under) < SLIDE_MARKS:
        return set()
    return {i for i in under if (s := lines[i].strip()) and len(s.split()) <= _HEADING_WORDS and s[-1] not in ".,;:"
            and not s.startswith(("•", "-", "*")) and not _SLIDE_MARK.match(s)}


def _label_headings(lines: list[str]) -> set[int]:
    """Lines of a form's labels: a label alone on its line after a blank line (or first), the text
    it labels on the next line, where the document sets three or more so, each once (a discharge
    summary's "Presenting complaint:", "Diagnosis:", "Treatment:"; one "Example:" over a command is
    a paragraph's lead-in, not a form, and a label set again and again is a record's field: a
    Debian copyright file's "Files:" over each group of paths)."""
    found = [i for i, line in enumerate(lines)
             if LABEL.fullmatch(line.strip()) and (i == 0 or not lines[i - 1].strip())
             and i + 1 < len(lines) and lines[i + 1].strip()]
    counts = Counter(lines[i].strip().casefold() for i in found)
    once = {i for i in found if counts[lines[i].strip().casefold()] == 1}
    return once if len(once) >= LABEL_HEADINGS else set()


def _numbered_levels(lines: list[str], found: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """Headings (line, text) as (level, text): where they are numbered at two depths or more
    ("1.1 Principles of care", "1.2 Treatment ..."), a numbered heading goes one level under the
    heading before it that its number's prefix names ("1.2" under "1"; level 1 where none does),
    and a short numbered line over its first subsection ("1 Recommendations" over "1.1 ...") heads
    them; plain text says nothing else of how headings nest, so the rest are level 1."""
    at = dict(found)
    for i, line in enumerate(lines):
        s = line.strip()
        number = SECTION_NUMBER.match(s)
        if i in at or not number or len(s.split()) > NUMBERED_WORDS or (i and lines[i - 1].strip()):
            continue
        after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if after in at and opens_first_subsection(s, at[after]):
            at[i] = s
    if len({m.group(1).count(".") for s in at.values() if (m := SECTION_NUMBER.match(s))}) < 2:
        return tuple((1, s) for _, s in found)
    out, levels = [], {}  # levels: the headings' numbers so far
    for _, s in sorted(at.items()):
        # under the heading before it that its number's prefix names ("1.2" under "1")
        number = SECTION_NUMBER.match(s)
        if not number:
            out.append((1, s))
            continue
        parts = number.group(1).split(".")
        parent = next((".".join(parts[:k]) for k in range(len(parts) - 1, 0, -1) if ".".join(parts[:k]) in levels), None)
        levels[number.group(1)] = levels[parent] + 1 if parent else 1
        out.append((levels[number.group(1)], s))
    return tuple(out)


def _next_item(line: str, following: str) -> bool:
    """Whether `following` is the item numbered next after `line`'s ("6." after "5.")."""
    this, then = re.match(r"(\d{1,3})[.)]\s", line), re.match(r"(\d{1,3})[.)]\s", following)
    return bool(this and then) and int(then.group(1)) == int(this.group(1)) + 1


def _in_numbered_list(lines: list[str], i: int) -> bool:
    """Whether line `i` continues a numbered list of its block: the numbered line above it in the
    block is an item too long to be a heading ("2 Concealed text is completely hidden unless it has
    a custom replacement character defined (see", then "3 Concealed text is completely hidden.").
    Under a short numbered heading ("9. Acceptance Not Required.") it is the next heading."""
    for line in reversed(lines[:i]):
        s = line.strip()
        if not s:
            return False
        if _ITEM.match(s):
            return len(s.split()) > 12
    return False


def _norm(text: str) -> str:
    return collapse_spaces(normalize_unicode(text)).strip()


@dataclass(frozen=True)
class _Lines:
    """A text's lines and where each starts, read once for every heading (a regex per heading read
    the text again for each: 20,000 headings took 27 s)."""

    lines: list[str]
    starts: list[int]
    where: dict[str, list[tuple[int, int]]]  # a line without the blanks around it -> (start, end), in order


def _whole_lines(text: str) -> _Lines:
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(x) + 1 for x in lines[:-1]), initial=0))
    where: dict[str, list[tuple[int, int]]] = {}
    for line, start in zip(lines, starts):
        where.setdefault(line.strip(" \t"), []).append((start, start + len(line)))
    return _Lines(lines, starts, where)


def _found_as_lines(text: str, lines: _Lines, heading: str) -> list[tuple[int, int]]:
    """Where `heading` stands as whole lines of `text`: one line by `lines`, a heading of
    several lines by a regex."""
    if "\n" not in heading:
        return lines.where.get(heading, [])
    return [m.span() for m in re.finditer(rf"^[ \t]*{re.escape(heading)}[ \t]*$", text, re.M)]


def section_spans(text: str, headings: tuple[tuple[int, str], ...], title: str = "") -> tuple[SectionSpan, ...]:
    """Spans of `text` under each heading, found in order as whole lines; the document's title
    (a heading that repeats it) opens no section, nor does a line above it (a site's category or
    breadcrumb).  A heading cleaning removed is skipped."""
    found: list[tuple[int, int, str]] = []  # (line start, level, heading)
    lines = _whole_lines(text)
    t = _norm(title)
    at_title = next(iter(_found_as_lines(text, lines, t)), None) if t else None
    # The title stands above the headings, under at most one line (a site's category): a line that
    # repeats it below two headings is text (a manual's example command "cargo build", on its page
    # titled "cargo build"), and searching from there lost every heading above it.
    if at_title:
        above = 0
        for _, heading in headings:
            h = _norm(heading)
            # (only the text above the title's line is read)
            if h and h.casefold() != t.casefold() and any(start < at_title[0] for start, _ in _found_as_lines(text, lines, h)):
                above += 1
                if above == 2:
                    at_title = None
                    break
    pos = at_title[1] if at_title else 0
    named = {_norm(heading).casefold() for _, heading in headings}
    for level, heading in headings:
        h = _norm(heading)
        if not h or h.casefold() == t.casefold():
            continue
        spans = _found_as_lines(text, lines, h)
        m = _outside_contents(lines, spans[bisect.bisect_left(spans, (pos, -1)):], named)
        if m:
            found.append((m[0], level, h))
            pos = m[1]
    spans, stack = [], []
    for i, (start, level, h) in enumerate(found):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, h.removesuffix(":").rstrip()))  # a label's colon is no part of its name
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        if end > start:
            spans.append(SectionSpan(start, end, tuple(x for _, x in stack)))
    return tuple(spans)


def _outside_contents(lines: _Lines, matches: list[tuple[int, int]], headings: set[str]) -> tuple[int, int] | None:
    """The first of a heading's whole-line `matches` (start, end) that stands in no table of contents
    (`_in_contents`): a contents list names the headings line under line, and the heading is the
    line after it; the first where all do, None where there is none."""
    if len(matches) < 2:
        return matches[0] if matches else None
    return next((m for m in matches if not _in_contents(lines.lines, bisect.bisect_right(lines.starts, m[0]) - 1, headings)),
                matches[0])


_CONTENTS_LINES = 3  # headings listed line under line, for a table of contents


def _in_contents(lines: list[str], at: int, headings: set[str]) -> bool:
    """Whether line `at` of `lines` stands in a table of contents: in a run of three or more of
    the `headings` (casefolded) line under line, no blank line between ("1. What Sertraline is ..."
    over "2. What you need to know ..." in a leaflet's "What is in this leaflet"; a chapter's
    heading over its first section's is no such run)."""

    def listed(i: int) -> bool:
        return 0 <= i < len(lines) and bool(lines[i].strip()) and _norm(lines[i]).casefold() in headings

    up = next((k for k in range(1, at + 2) if not listed(at - k)), at + 1) - 1
    down = next((k for k in range(1, len(lines) - at + 1) if not listed(at + k)), 0) - 1
    return 1 + up + down >= _CONTENTS_LINES

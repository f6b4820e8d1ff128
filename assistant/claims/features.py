"""Features of a claim and a sentence, shared by training and checking.

Public API: `SENTENCE_FEATURES`, `sentence_features` (is the sentence evidence for the claim?),
`POLARITY_FEATURES`, `polarity_features` (does it contradict the claim?), `negates` (does it say the
claim's own words with a "not" the claim lacks, or lack the claim's?), `moves_opposite` (does it move
what the claim moves the other way?), `reverses` (either), `flip_claim`.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from assistant.chunking import TableCell
from assistant.ingest.words import english_words
from assistant.search.answer import asked_values, gives_range, range_holds, without_values
from assistant.text import FUNCTION_WORDS, MONTH, OPPOSITE_WORDS, STOP_WORDS, WORD, bm25_tokenize, stemmer, stems

__all__ = ["POLARITY_FEATURES", "SENTENCE_FEATURES", "changes_default", "changes_number", "changes_path", "changes_share",
           "changes_span", "contrasts", "span_free",
           "flip_claim", "holds_claim_terms", "is_negated", "moves_opposite", "negates", "polarity_features", "reverses",
           "sentence_features", "swaps_comparison", "widens"]

_WORD = WORD
_NEG = {"not", "no", "never", "without", "none", "neither", "nor", "cannot", "fail", "fails", "failed",
        "unable", "lack", "lacks", "lacking", "absence", "absent", "nothing", "n't", "non", "unaffected",
        "independent", "irrespective", "regardless"}
_NULL_RESULT = re.compile(r"\b(no|not|nor)\b[^.]{0,40}\b(significant|significantly|difference|differences|effect|"
                          r"effects|association|associated|correlat\w*|change|changes|impact|influence|benefit|"
                          r"increase|decrease|reduc\w*)\b|\bdid not\b|\bdoes not\b|\bwas not\b|\bwere not\b|"
                          r"\bn\.?s\.?\b|\bunchanged\b|\bsimilar\b|\bcomparable\b", re.I)
_UP = {"increase", "increases", "increased", "increasing", "higher", "high", "more", "elevated", "elevates",
       "promote", "promotes", "promoted", "enhance", "enhances", "enhanced", "induce", "induces", "induced",
       "activate", "activates", "activated", "upregulate", "upregulates", "upregulated", "raise", "raises",
       "raised", "improve", "improves", "improved", "greater", "positive", "positively", "accelerate",
       "accelerates", "accelerated", "stimulate", "stimulates", "stimulated", "gain", "augment", "augments",
       "exacerbate", "exacerbates", "worsens", "risk", "associated", "correlated", "required", "necessary",
       "essential", "causes", "cause", "leads", "triggers", "major", "strong", "stronger"}
_DOWN = {"decrease", "decreases", "decreased", "decreasing", "lower", "low", "less", "fewer", "reduce",
         "reduces", "reduced", "reduction", "inhibit", "inhibits", "inhibited", "inhibition", "suppress",
         "suppresses", "suppressed", "impair", "impairs", "impaired", "downregulate", "downregulates",
         "downregulated", "prevent", "prevents", "prevented", "attenuate", "attenuates", "attenuated",
         "block", "blocks", "blocked", "negative", "negatively", "diminish", "diminishes", "diminished",
         "slow", "slows", "slowed", "loss", "protect", "protects", "protective", "decline", "minor", "weak",
         "weaker", "dispensable", "unnecessary", "rare", "rarely"}


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


SENTENCE_FEATURES = ["cosine", "cosine_rank_in_doc", "gap_to_doc_best", "doc_score", "doc_rank", "claim_terms_covered",
                     "sentence_terms_in_claim", "numbers_shared", "numbers_missing", "position", "is_title",
                     "log_length", "bigrams_shared"]


def sentence_features(claim: str, claim_stems: list[str], sentence: str, cosine: float, rank_in_doc: int,
                      doc_best: float, doc_score: float, doc_rank: int, position: float, is_title: bool) -> list[float]:
    s_stems = stems(sentence)
    cs, ss = set(claim_stems), set(s_stems)
    covered = len(cs & ss) / len(cs) if cs else 0.0
    back = len(cs & ss) / len(ss) if ss else 0.0
    cb = set(zip(claim_stems, claim_stems[1:]))
    sb = set(zip(s_stems, s_stems[1:]))
    bigrams = len(cb & sb) / len(cb) if cb else 0.0
    cn, sn = _numbers(claim), _numbers(sentence)
    return [cosine, 1.0 / (1 + rank_in_doc), doc_best - cosine, doc_score, 1.0 / (1 + doc_rank), covered, back,
            float(bool(cn & sn)), float(bool(cn) and not (cn & sn)), position, float(is_title),
            math.log1p(len(s_stems)), bigrams]


POLARITY_FEATURES = ["negation_mismatch", "claim_negated", "sentence_negated", "null_result", "claim_null_result",
                     "direction_agree", "direction_oppose", "claim_up", "claim_down", "sentence_up", "sentence_down",
                     "cosine", "claim_terms_covered", "flip_delta", "object_agree", "object_oppose", "bias"]

# Opposites for `flip_claim` (both directions are used).
_OPPOSITES = [*OPPOSITE_WORDS, ("can", "cannot"), ("with", "without"), ("associated", "unassociated")]
_FLIP = {}
for _a, _b in _OPPOSITES:
    _FLIP.setdefault(_a, _b)
    _FLIP.setdefault(_b, _a)
_AUXILIARIES = {"is", "are", "was", "were", "does", "do", "did", "has", "have", "can", "could", "may", "will",
                "should"}


def flip_claim(claim: str) -> str:
    """The claim with its direction reversed, for the polarity model to compare against: the first
    negation removed, or else the first direction word replaced by its opposite, or else "not"
    after the first auxiliary verb ("X increases Y" -> "X decreases Y"; "X is safe" -> "X is not
    safe").  The embedding model hardly separates a claim from its opposite, but a sentence that
    contradicts the claim sits measurably closer to the reversed one (SciFact train)."""
    words = claim.split()
    for i, w in enumerate(words):
        core = re.sub(r"[^\w-]", "", w)
        low = core.lower()
        if low in ("not", "no", "never"):
            return " ".join(words[:i] + words[i + 1 :])
        if low in _FLIP:
            rep = _FLIP[low] if core.islower() else _FLIP[low].capitalize()
            return " ".join(words[:i] + [w.replace(core, rep)] + words[i + 1 :])
    for i, w in enumerate(words):
        if w.lower() in _AUXILIARIES:
            return " ".join(words[: i + 1] + ["not"] + words[i + 1 :])
    return "It is not true that " + claim


def _direction(words: list[str]) -> tuple[int, int]:
    return sum(w in _UP for w in words), sum(w in _DOWN for w in words)


# A typographic apostrophe, as web pages, books and PDFs set "doesn’t", is an apostrophe.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


_OBJECT_WORDS = 4  # content words after a direction word that say what it changes (4 of 2-6 by train CV)
_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*|[.,;:()]")
# What a direction word changes is read by its stem, so every inflection counts ("worsen", "worsened"),
# with general verbs of change beside the lists above.
_MORE_UP = ["boost", "strengthen", "amplify", "expand", "grow", "rise", "worsen", "aggravate", "intensify",
            "heighten", "extend", "maximize", "maximise"]
_MORE_DOWN = ["weaken", "lessen", "alleviate", "relieve", "ease", "mitigate", "shrink", "shorten", "drop", "fall",
              "lose", "minimize", "minimise", "eliminate", "remove", "limit", "restrict", "hinder", "hamper"]
_UP_STEMS = set(stems(" ".join(sorted(_UP) + _MORE_UP)))
_DOWN_STEMS = set(stems(" ".join(sorted(_DOWN) + _MORE_DOWN)))
_UP_STEMS, _DOWN_STEMS = _UP_STEMS - _DOWN_STEMS, _DOWN_STEMS - _UP_STEMS


# A claim is read against every candidate sentence: its own reading is kept, not redone.
@lru_cache(maxsize=1024)
def _object_directions(text: str, composed: bool = False) -> tuple[tuple[int, frozenset[str]], ...]:
    """Each direction word of `text` with what it changes: +1 up or -1 down (reversed by a
    negation among the three words before it), and the stems of the next `_OBJECT_WORDS` content
    words, up to a punctuation mark or the next direction word ("can induce neuroplastic changes
    that reduce anxiety symptoms": up {neuroplast, chang}, down {anxieti, symptom}).  `composed`:
    a direction word whose object is the next direction word moves what that one moves, the two
    signs multiplied ("reduces the risk of bleeding": down {bleed}, where alone "risk" reads up;
    "reduced the loss of neurons": up {neuron}); the polarity model learned from the words read
    one by one."""
    tokens = _TOKEN.findall(text.translate(_APOSTROPHES).lower().replace("n't", " not"))
    signs = [1 if s in _UP_STEMS else -1 if s in _DOWN_STEMS else 0 for s in stemmer().stemWords(tokens)]
    out = []
    carried = 0  # the sign of a direction word acting on the one next to it
    for i, sign in enumerate(signs):
        if not sign:
            continue
        if any(t in _NEG for t in tokens[max(0, i - 3) : i]):
            sign = -sign
        if carried:
            sign, carried = sign * carried, 0
        between = next((j for j in range(i + 1, len(tokens)) if tokens[j] not in STOP_WORDS), None)
        if composed and between is not None and signs[between] and tokens[between][0].isalnum() \
                and all(t[0].isalnum() for t in tokens[i + 1 : between]):
            carried = sign
            continue
        words: list[str] = []
        for t, other in zip(tokens[i + 1 :], signs[i + 1 :]):
            if other or not t[0].isalnum() or len(words) == _OBJECT_WORDS:
                break
            if t not in STOP_WORDS:
                words.append(t)
        changed = frozenset(stems(" ".join(words)))
        if changed:
            out.append((sign, changed))
    return tuple(out)


def _object_polarity(claim: str, sentence: str, least: int = 1, composed: bool = False) -> tuple[bool, bool]:
    """Whether the sentence moves what the claim moves the same way, and the opposite way: each
    direction of the claim is matched with the sentence's direction whose object shares most of
    its stems ("increase anxiety symptoms" against "... that reduce anxiety symptoms": opposite,
    although the sentence's first direction word, "induce", goes up as the claim does); the objects
    share at least `least` stems, or all of the claim's."""
    agree = oppose = False
    found = _object_directions(sentence, composed)
    for sign, changed in _object_directions(claim, composed):
        overlap = [len(changed & obj) for _, obj in found]
        shared = max(overlap, default=0)
        if shared and shared >= min(least, len(changed)):
            # objects that share as many stems are all read: "reduces side effects of medication"
            # against "enhance the effectiveness of medication and reduce side effects" agrees too
            others = {s for (s, _), n in zip(found, overlap) if n == shared}
            agree |= sign in others
            oppose |= -sign in others
    return agree, oppose


# Stems an object must share with the claim's for `moves_opposite` (2 of 1-3 by train cross-validation).
_SAME_OBJECT = 2


def moves_opposite(claim: str, sentence: str) -> bool:
    """Whether the sentence moves what the claim moves the other way, and nothing it moves the
    same way: each direction of the claim is matched with the sentence's direction whose object
    shares most of its stems, at least `_SAME_OBJECT` (or all of a shorter object): "Neuroplasticity
    reduces the effectiveness of medication." against "It can enhance the effectiveness of
    medication and reduce side effects."."""
    agree, oppose = _object_polarity(claim, sentence, _SAME_OBJECT, composed=True)
    return oppose and not agree


# Comparatives by what they compare and which way: "more common in women than in men".
_COMPARATIVES = {"more": ("more", 1), "less": ("more", -1), "fewer": ("more", -1), "greater": ("more", 1),
                 "higher": ("high", 1), "lower": ("high", -1), "larger": ("large", 1), "bigger": ("large", 1),
                 "smaller": ("large", -1), "better": ("good", 1), "worse": ("good", -1), "faster": ("fast", 1),
                 "slower": ("fast", -1), "stronger": ("strong", 1), "weaker": ("strong", -1), "older": ("old", 1),
                 "younger": ("old", -1), "longer": ("long", 1), "shorter": ("long", -1), "earlier": ("early", 1),
                 "later": ("early", -1), "rather": ("prefer", 1)}
# A preference is a comparison too ("prefer"): "A is recommended over B", "A rather than B", "A
# instead of B"; its verb may differ between claim and source ("recommended", "should be used").
_PREFERRING = {"preferred", "recommended", "favoured", "favored", "chosen", "prioritised", "prioritized"}
_PREFERENCE_WORDS = _PREFERRING | {"prefer", "recommend", "favour", "favor", "choose", "use", "used", "using", "should",
                                   "instead", "rather"}
_THAN = re.compile(r"\b(?:than|instead\s+of|over|as\s+[\w-]+\s+as)\b", re.I)
# A multiple before "as <word> as": "twice as often as men", "three times as likely as", "half as common as".
_MULTIPLES = {"twice": 1, "thrice": 1, "times": 1, "half": -1}


def _multiple(tokens: list[str], t: int) -> int | None:
    """Which way "<multiple> as <word> as" ending at the second "as" (token `t`) compares: 1 for
    more ("twice", "3 times"), -1 for less ("half"); None for another "as" ("as well as")."""
    if t < 3 or tokens[t - 2] != "as" or not tokens[t - 1][:1].isalpha():
        return None
    return _MULTIPLES.get(tokens[t - 3])
_THAN_SIDE = 4  # content words after "than" that name what is compared against ("in men", "placebo")


def _comparative(word: str) -> str | None:
    """The comparative a word is or opens ("longer" of "longer-lasting", "better-tolerated"), else None."""
    head = word.split("-", 1)[0]
    return head if head in _COMPARATIVES else None


def _compared_at(tokens: list[str], t: int) -> int | None:
    """Where the comparative stands whose "than" (or "instead of", "over") is token `t`: the
    comparative before "than", "instead", or a word of preferring before "over"; None for another token."""
    w = tokens[t]
    if w == "than":
        return next((i for i in range(t - 1, -1, -1) if _comparative(tokens[i])), None)
    if w == "of" and t and tokens[t - 1] == "instead":
        return t - 1  # "B should be used instead of A"
    if w == "over":
        return next((i for i in range(t - 1, max(t - 3, -1), -1) if tokens[i] in _PREFERRING), None)
    return None


def _comparisons(text: str) -> list[tuple[str, int, set[str], set[str]]]:
    """Each "<comparative> ... than <other>" of the text (or "<twice> as <word> as <other>",
    `_MULTIPLES`): what it compares and which way, the content stems of its clause before "than",
    and those of the other side (up to `_THAN_SIDE` words)."""
    out = []
    for tokens, stemmed in _clauses(text):
        for t, w in enumerate(tokens):
            multiple = _multiple(tokens, t) if w == "as" else None
            c = t - 2 if multiple is not None else _compared_at(tokens, t)
            if c is None or any(tokens[i] in ".,()" for i in range(c, t)):
                continue
            axis, sign = ("more", multiple) if multiple is not None else \
                _COMPARATIVES.get(_comparative(tokens[c]) or tokens[c], ("prefer", 1))
            if any(x in _NEG for x in tokens[:t]):
                sign = -sign  # "not more common in men than in women"
            # what is preferred is said in words of its own: "recommended over" against "used instead of"
            before = {x for x, word in zip(stemmed[:t], tokens[:t]) if word[0].isalnum() and word not in FUNCTION_WORDS
                      and word not in _NEG and not (axis == "prefer" and word in _PREFERENCE_WORDS)}
            after: set[str] = set()
            for x, word in zip(stemmed[t + 1:], tokens[t + 1:]):
                if word in ".,()" or len(after) == _THAN_SIDE:
                    break
                if word[0].isalnum() and word not in FUNCTION_WORDS:
                    after.add(x)
            if after:
                out.append((axis, sign, before - {stemmed[c]}, after))
    return out


def swaps_comparison(claim: str, sentence: str) -> bool:
    """Whether the sentence makes the claim's comparison the other way round: its two sides swapped
    ("Thyroid nodules are more common in men than in women." against "... are approximately 4 times
    more common in women than in men."), or the same sides with the opposite comparative ("less
    common in women than in men").  Two thirds of the claim's content words must be the sentence's,
    as for `negates`, and every word of the claim's side of the comparison."""
    if not (_THAN.search(claim) and _THAN.search(sentence)):
        return False  # most sentences compare nothing: read no further
    said, heard = _words_said(claim), _words_said(sentence)
    if not _says_most(said, heard):
        return False
    for axis, sign, before, after in _comparisons(claim):
        for axis2, sign2, before2, after2 in _comparisons(sentence):
            if axis != axis2:
                continue
            if not (before - after2) <= heard:
                continue  # the sentence compares something else ("thyroid cancer" against "nodules")
            swapped = bool(after & before2) and bool(after2 & before) and not after & after2
            same_sides = bool(after & after2) and not after & before2
            if (swapped and sign == sign2) or (same_sides and sign != sign2):
                return True
    return False


# A number and what it counts or measures: "96 instructions", "40%", "2.5 mg", "30 million cases",
# "version 2.0.0" read as "2.0.0 version" is none but "the 2.0.0 version" is (a decimal point may be
# set as a middle dot: "3·0 million"); not a name's ("COVID-19"), nor a bound ("over 20 degrees",
# "less than 5%"), an estimate ("about 30", `_ESTIMATED`) or a difference ("10% higher").
# A number written as a word counts too ("two main types"); not "one", a pronoun as often ("one can").
# A number joined to its unit measures as one set apart does ("a 12-month treatment", "for 6 months").
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=2)}
_AMOUNT = (r"(\d+(?:[.,·]\d+)*(?:\s+(?:hundred|thousand|million|billion))?|(?i:" + "|".join(_NUMBER_WORDS) + r")\b)"
           r"(?:\s*|-)(%|[a-z][a-z-]+)")
_NOT_COMPARED = rf"(?!\s+(?:{'|'.join(_COMPARATIVES)})\b)"
_COUNTED = re.compile(r"(?<![\w.,·-])(?<!than )(?<!least )(?<!most )(?<!over )(?<!under )(?<!to )(?<!about )"
                      r"(?<!approximately )(?<!nearly )(?<!almost )(?<!around )(?<!roughly )(?<![<>~≤≥] )(?<![<>~≤≥])"
                      r"(?<!than a )" + _AMOUNT + _NOT_COMPARED, re.I)
_ESTIMATED = re.compile(r"(?:\b(?:about|approximately|nearly|almost|around|roughly)\s+|~\s?)" + _AMOUNT + _NOT_COMPARED, re.I)
# A least or a most allowed of a thing ("at least 5 characters", "a maximum of 2 tablets"): a
# requirement's bound.
_BOUND = re.compile(r"\b(at least|at most|a minimum of|a maximum of|no more than|no fewer than|no less than)\s+" + _AMOUNT
                    + _NOT_COMPARED, re.I)
# How far apart an estimate and another number of one thing must be to say another amount: "about
# 60ns" and "about 800ns" do, "about 30" and "32" do not.
_ESTIMATE_RATIO = 2.0


def _number(text: str) -> str:
    """A number as one writing: in digits ("two" is "2"), thousands' commas dropped ("1,000,000"),
    a decimal comma or middle dot a point ("3,5", "3·0")."""
    digits, _, rest = text.partition(" ")
    digits = digits.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) else _NUMBER_WORDS.get(digits.lower(), digits)
    return re.sub(r"\s+", " ", f"{digits} {rest}".strip().replace(",", ".").replace("·", ".").lower())


# The words after a number's first that go on naming what it counts, up to a function word or a
# mark: "five different psychotherapy models" counts models, and psychotherapy ones.
_NAMED_ON = re.compile(r"\s+([A-Za-z][\w-]*)")
COUNTED_WORDS = 4
_RATE_WORDS = frozenset({"per", "each", "every"})


@lru_cache(maxsize=1024)  # a claim's counts are asked for once per sentence it is checked against
def _counts(text: str, pattern: re.Pattern[str] = _COUNTED) -> dict[str, set[str]]:
    """The numbers `text` gives of each thing it counts or measures (stemmed; function words are
    none), as `pattern` finds them: exact by default, else estimates.  A number counts each of
    the first `COUNTED_WORDS` words after it up to a function word, as an adjective may stand
    between it and its noun."""
    out: dict[str, set[str]] = {}
    for m in pattern.finditer(text):
        n, w = m.group(1), m.group(2)
        if w.lower() in _RATE_WORDS:
            continue  # a rate ("N=153 per school") counts none of the thing
        words, at = [w], m.end()
        while w != "%" and len(words) < COUNTED_WORDS and (more := _NAMED_ON.match(text, at)):
            if more.group(1).lower() in FUNCTION_WORDS:
                break
            words.append(more.group(1))
            at = more.end()
        for word in words:
            if word.lower() not in FUNCTION_WORDS:
                out.setdefault(stemmer().stemWord(word.lower()), set()).add(_number(n))
    if pattern is _COUNTED:
        for m in _TIMES.finditer(text):  # "twice a day" is 2 of "/day", no count of days
            times = m.group(1).lower()
            n = _ONCE.get(times) or _number(times.split()[0])
            out.setdefault("/" + (m.group(2) or _PER[m.group(3).lower()]).lower(), set()).add(n)
    return out


# How often: "once a day", "twice daily", "3 times per week".
_ONCE = {"once": "1", "twice": "2", "thrice": "3"}
_PER = {"daily": "day", "nightly": "night", "weekly": "week", "monthly": "month", "yearly": "year", "hourly": "hour"}
_TIMES = re.compile(r"\b(once|twice|thrice|(?:\d+|" + "|".join(_NUMBER_WORDS) + r")\s+times)\s+(?:(?:a|an|per|each|every)\s+"
                    r"(day|night|week|month|year|hour)s?|(" + "|".join(_PER) + r"))\b", re.I)


# A range of a thing: "16 to 20 sessions", "3-4 months", "between 10 and 12 weeks".
_RANGE_END = r"(\d+(?:\.\d+)?|(?i:" + "|".join(_NUMBER_WORDS) + r"))"
_RANGE = re.compile(rf"(?<![\w.,·-]){_RANGE_END}(?:\s+[a-z]+)??\s*(?:to|-|–|and)\s*{_RANGE_END}\s+([a-z][a-z-]+)", re.I)
# An age said of people: "aged 70", "70 years old", "a 70-year-old" is 70 years.
_AGED = re.compile(r"\baged\s+(\d+)\b|\b(\d+)(?:\s+|-)years?(?:\s+|-)old\b", re.I)


@lru_cache(maxsize=1024)
def _ranges(text: str) -> dict[str, tuple[float, float]]:
    """The ranges `text` gives of each thing it counts (its stem): "16 to 20 sessions" -> sessions 16-20."""
    out = {}
    for m in _RANGE.finditer(text):
        lo, hi = (float(_number(g)) for g in (m.group(1), m.group(2)))
        if lo < hi and m.group(3).lower() not in FUNCTION_WORDS:
            out[stemmer().stemWord(m.group(3).lower())] = (lo, hi)
    return out


_ONCE_STEMS = frozenset(stemmer().stemWords([*_ONCE, "times"]))
_TIME_STEMS = frozenset(stemmer().stemWords(["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
                                             "nights", "week", "weeks", "fortnight", "fortnights", "month", "months", "year",
                                             "years", "decade", "decades", "apart", "later", "earlier", "old"]))
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


# "Most participants ...", "Few patients ...": what share of a group the claim says does something.
_MAJORITY = re.compile(r"^\W*(?:most|(?:the\s+|a\s+)?(?:vast\s+)?majority\s+of|(?:nearly|almost)\s+all|all)\s+", re.I)
_MINORITY = re.compile(r"^\W*(?:(?:very\s+|only\s+a\s+)?few|(?:a|the)\s+minority\s+of|hardly\s+any|"
                       r"a\s+small\s+(?:number|proportion|share)\s+of)\s+", re.I)
# a share of a group a sentence gives: a count and its percentage ("15 participants (2%)"), or "2% of"
_SHARE = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,6}?\(\s*(\d+(?:\.\d+)?)\s*%[^)]*\)|\b(\d+(?:\.\d+)?)\s*%\s+of\b")
_PARTS = re.compile(r",\s+|;\s+|\s+and\s+|\s+but\s+|\s+whereas\s+|\s+while\s+")
# a share in words: "fewer than a third of", "two thirds of", "more than half of"
_WORD_SHARE = re.compile(r"\b(?:(fewer|less|more)\s+than\s+)?(?:(a|one|two|three|four)\s+(?=\w)|(?=half\b))"
                         r"(half|thirds?|quarters?|fifths?|tenths?)\s+of\b", re.I)
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _word_shares(text: str) -> list[float]:
    """The shares `text` gives in words (`_WORD_SHARE`), as percentages, a bound's a point past it:
    "fewer than a third of" is 32.3, "more than half of" 51."""
    out = []
    for m in _WORD_SHARE.finditer(text):
        share = _COUNTS[(m.group(2) or "a").lower()] * _FRACTIONS[m.group(3).lower().rstrip("s")]
        out.append(share + (1 if (m.group(1) or "").lower() == "more" else -1 if m.group(1) else 0))
    return out


def changes_share(claim: str, sentence: str) -> bool:
    """Whether the claim says most of a group (or all of it) does what the sentence gives a share
    under half of, or a few do what it gives a share over half of: "Most participants downloaded
    the app." against "... and only 15 participants (2%) downloaded the app.". The share is a
    count's percentage, "2% of" or one in words ("fewer than a third of"), in the part of the sentence (between commas, "and", "but")
    that says most of the claim's words, two at least, and more than any other part; "reduced by
    30%" gives no share."""
    majority, minority = _MAJORITY.match(claim), _MINORITY.match(claim)
    if not majority and not minority:
        return False  # most claims give no share: read no further
    said = _words_said(claim[(majority or minority).end():])
    if not _says_most(said, _words_said(sentence)):
        return False
    parts = [(len(said & _words_said(part)), part) for part in _PARTS.split(sentence)]
    best = max(n for n, _ in parts)
    shared = [part for n, part in parts if n == best]
    if best < 2 or len(shared) > 1:
        return False
    shares = [float(m.group(1) or m.group(2)) for m in _SHARE.finditer(shared[0])] + _word_shares(shared[0])
    if len(shares) != 1:
        return False
    return shares[0] < 50 if majority else shares[0] > 50


def changes_bound(claim: str, sentence: str) -> bool:
    """Whether the sentence says the claim's words (two thirds of them, as for `negates`) with the
    claim's bound of a thing ("at least", "a maximum of") at another number, and never the
    claim's: "The password must have at least 8 characters." against "The password for this user
    must have a length of at least 5 characters"."""
    bounds = {(b.lower(), stemmer().stemWord(w.lower())): _number(n) for b, n, w in _BOUND.findall(claim)}
    if not bounds:
        return False  # most claims set no bound: read no further
    said = _words_said(claim)
    # A sentence may bound two things, each in a clause of its own: "A Front-Cover Text may be at
    # most 5 words, and a Back-Cover Text may be at most 25 words."
    for part in {sentence, *_BOUND_PARTS.split(sentence)}:
        given: dict[tuple[str, str], set[str]] = {}
        for b, n, w in _BOUND.findall(part):
            given.setdefault((b.lower(), stemmer().stemWord(w.lower())), set()).add(_number(n))
        stated = set().union(*given.values(), *_counts(part).values())
        if (any(len(given.get(k, ())) == 1 and n not in stated for k, n in bounds.items())
                and _says_most(said, _words_said(part))):
            return True
    return False


_BOUND_PARTS = re.compile(r";|,\s*(?:and|or|but|whereas|while)\b")

# A sentence that sets one thing against another and says what holds of the first alone: "A
# dynamic frame is similar to a static frame, but its contents are re-typeset on each page.",
# "Unlike static frames, dynamic frames are re-typeset ...". `other` is the thing compared against.
_CONTRASTED = (
    re.compile(r"\b(?:is|are|was|were)\s+(?:very\s+|quite\s+)?(?:similar|comparable|akin)\s+to\s+"
               r"(?P<other>[^,;]+?)\s*,?\s+but\s+(?P<rest>.+)$", re.I),
    re.compile(r"^\W*(?:unlike|in\s+contrast\s+to|contrary\s+to)\s+(?P<other>[^,;]+?)\s*,\s*(?P<rest>.+)$", re.I),
)


def contrasts(claim: str, sentence: str) -> bool:
    """Whether the sentence sets another thing against the one the claim names and says the claim's
    other words of that other thing alone (`_CONTRASTED`): "Static frames are re-typeset on each
    page." against "A dynamic frame is similar to a static frame, but its contents are re-typeset on
    each page." The thing compared against is all named by the claim, the words said of the other
    thing are two thirds of the claim's other words, and that thing is named by some word the claim
    does not say."""
    said = _words_said(claim)
    for pattern in _CONTRASTED:
        m = pattern.search(sentence)
        if m is None:
            continue
        other, rest = _words_said(m.group("other")), _words_said(m.group("rest"))
        predicate = said - other
        named = rest | _words_said(sentence[: m.start()])  # the words that name the other thing
        if other and other <= said and predicate and _says_most(predicate, rest) and named - said - other:
            return True
    return False


# A year ("2001", "in 1998"), not a figure's part ("1,998", "20.05") nor a percentage; `_years`
# leaves out a count ("2001 patients").
_YEAR = re.compile(r"(?<![\d.,-])(?:1[89]\d\d|20\d\d)(?![\d.,%-]*\d)(?!\s*%)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _years(text: str) -> set[str]:
    out = set()
    for m in _YEAR.finditer(text):
        after = _NEXT_WORD.match(text, m.end())
        if not after or after.group(1) in FUNCTION_WORDS:
            out.add(m.group())
    return out


# A span of time and how long it is in days: "4 to 6 weeks", "6-8 weeks", "within a few days",
# "a year", "several months", "after 12 weeks" (a bound: "within" is up to it, "after" from it on).
_SPAN_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14,
              "month": 30, "year": 365, "decade": 3650}
_AMOUNTS = {"a": (1, 1), "an": (1, 1), "one": (1, 1), "a few": (2, 5), "few": (2, 5), "several": (3, 9), "a couple of": (2, 3)}
# "a" or "an" is one of a unit only after a word of duration ("for a year", "lasts a day"), not of a
# rate ("50 mg a day", "twice a day").
_ONE_OF = "|".join(f"(?<={w} )" for w in ("for", "within", "in", "after", "over", "under", "than", "about", "last", "lasts",
                                            "lasted", "take", "takes", "took"))
_SPAN_AMOUNT = r"\d+(?:\.\d+)?|" + "|".join([*_NUMBER_WORDS, "a couple of", "a few", "few", "several", "one"]) + \
    rf"|(?:{_ONE_OF})(?:an|a)"
_SPAN = re.compile(rf"(?:\b(?P<bound>within|under|up\s+to|less\s+than|after|over|more\s+than|at\s+least)\s+)?"
                   rf"(?<![\w.,-])(?P<n>{_SPAN_AMOUNT})(?:\s*(?:to|-|–|or)\s*(?P<m>\d+(?:\.\d+)?|{'|'.join(_NUMBER_WORDS)}))?"
                   rf"(?:\s+|-)(?P<unit>{'|'.join(_SPAN_DAYS)})s?\b", re.I)
# How far apart two spans must be to say another time: "4 to 6 weeks" and "a few days" are; "6
# weeks" and "a month and a half" are not read at all (two spans).
_SPAN_RATIO = 2.0


# A span of time without end, in words: a long term (half a year or more, as clinics use it) or a
# whole life.
_OPEN_SPAN = re.compile(r"\b(?:long[- ]term|(?P<life>lifelong|life-long|for\s+life|permanently|indefinitely))\b", re.I)
_LONG_TERM_DAYS, _LIFELONG_DAYS = 180.0, 3650.0
_SPAN_CONTEXT = 3  # words before a span that say what lasts it ("each lasting one hour")


@lru_cache(maxsize=1024)  # a claim's span is asked for once per sentence it is checked against
def _span(text: str, context: frozenset[str] = frozenset()) -> tuple[tuple[float, float], str] | None:
    """The one span of time `text` states, as (least, most) days, with the text without it; None
    for none or several, but where several, the one `context` (stems of the words before a claim's
    span) shares a word with the `_SPAN_CONTEXT` words before it, if one alone does: "Exercise
    classes last two hours." is read against "each lasting one hour", not "for 12 weeks"."""
    text = _TIMES.sub(" ", text)  # how often is no span: "twice a day"
    found = list(_SPAN.finditer(text))
    if len(found) > 1 and context:
        found = [m for m in found if _before(text, m.start()) & context]
    if not found and len(spans := list(_OPEN_SPAN.finditer(text))) == 1:
        # a span in words with no end ("need CPAP long term", "for life")
        m = spans[0]
        least = _LIFELONG_DAYS if m.group("life") else _LONG_TERM_DAYS
        return (least, float("inf")), text[: m.start()] + " " + text[m.end():]
    if len(found) != 1:
        return None
    m = found[0]

    def amount(word: str) -> tuple[float, float]:
        word = word.lower()
        if word in _AMOUNTS:
            return _AMOUNTS[word]
        n = float(_NUMBER_WORDS.get(word, word))
        return n, n

    days = _SPAN_DAYS[m.group("unit").lower()]
    lo, hi = amount(m.group("n"))
    if m.group("m"):
        hi = amount(m.group("m"))[1]
    lo, hi = lo * days, hi * days
    bound = (m.group("bound") or "").lower().split()[0] if m.group("bound") else ""
    if bound in ("within", "under", "up", "less"):
        lo = 0.0
    elif bound in ("after", "over", "more", "at"):
        hi = float("inf")
    return (lo, hi), text[: m.start()] + " " + text[m.end():]


def _in_figures(text: str) -> bool:
    """Whether every span of time `text` states is given in figures ("8 to 10 hours"), none in words
    ("a few days", "a month and a half"), which say a time only roughly."""
    return all(m.group("n")[0].isdigit() for m in _SPAN.finditer(_TIMES.sub(" ", text)))


def span_free(claim: str) -> str | None:
    """The claim without the one span of time it states ("Her symptoms took weeks to resolve." of
    "... took two weeks to resolve."), or None where it states none or several."""
    found = _span(claim)
    return found[1] if found else None


def _before(text: str, at: int) -> frozenset[str]:
    """The stems of the `_SPAN_CONTEXT` words before offset `at`, function words aside."""
    words = re.findall(r"[a-z]+", text[:at].lower())[-_SPAN_CONTEXT:]
    return frozenset(stemmer().stemWord(w) for w in words if w not in FUNCTION_WORDS)


def changes_span(claim: str, sentence: str) -> bool:
    """Whether the sentence says the claim's other words (two thirds of them, as for `negates`) with
    a span of time far from the claim's, in any unit: "Sertraline works within a few days." against
    "It usually takes 4 to 6 weeks for sertraline to work fully." Each must state one span; they
    differ where they do not overlap and the nearer ends are `_SPAN_RATIO` apart or more (or at all,
    both given in figures: "5 to 6 hours" against "8 to 10 hours"), or where both are bounds from
    above ("within a week", "up to 4 weeks") that far apart."""
    ours = _span(claim)
    if ours:
        timed = _TIMES.sub(" ", claim)
        found = _SPAN.search(timed) or _OPEN_SPAN.search(timed)
        theirs = _span(sentence, _before(timed, found.start()) if found else frozenset())
    else:
        theirs = None
    if not ours or not theirs:
        return False
    (lo, hi), rest = ours
    (lo2, hi2), rest2 = theirs
    if not _says_most(_words_said(rest), _words_said(rest2)):
        return False
    # spans both sides give in figures differ wherever they part ("5 to 6 hours" against "8 to 10 hours")
    if _in_figures(claim) and _in_figures(sentence) and (hi < lo2 or hi2 < lo):
        return True
    if hi < lo2:
        return lo2 >= _SPAN_RATIO * max(hi, 1e-9)
    if hi2 < lo:
        return lo >= _SPAN_RATIO * max(hi2, 1e-9)
    # two bounds from above far apart say other times too: "The rash heals within a week." against
    # "The rash can take up to 4 weeks to heal."
    return lo == lo2 == 0 and 0 < min(hi, hi2) and max(hi, hi2) < float("inf") and max(hi, hi2) >= _SPAN_RATIO * min(hi, hi2)


_DECIMAL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]*\d)")


def states_cell(claim: str, cell: TableCell) -> bool:
    """Whether the claim gives the number a table's cell holds, naming the cell as `changes_cell`
    reads it: "Dropout was 9% in the sleep hygiene group." of 9 under "Sleep hygiene" in the row
    "Dropout (%)"."""
    given, held = _given(claim, cell), set(_DECIMAL.findall(cell.value))
    return bool(given & held) and _names_cell(claim, cell)


def _names_cell(claim: str, cell: TableCell) -> bool:
    """Whether the claim names the cell's row and column: two thirds of the words of each, or, for
    a row labelled by a range ("6 to 11 years"), an amount in it ("a 10-year-old")."""
    said = _words_said(claim)
    if gives_range(cell.label) and (values := asked_values(claim)):
        return range_holds(cell.label, values) and _says_most(_words_said(cell.head), said)
    return _says_most(_words_said(cell.label), said) and _says_most(_words_said(cell.head), said)


def _cell_free(claim: str, cell: TableCell) -> str:
    """The claim without the amount that names a row labelled by a range ("10" of "a 10-year-old"
    names the row "6 to 11 years" and is no number of its cells)."""
    return without_values(claim, cell.label) if gives_range(cell.label) else claim


def changes_cell(claim: str, cell: TableCell) -> bool:
    """Whether the claim gives a number for a table's cell it names (two thirds of the words of the
    cell's row label and of its column's header) that the cell does not hold, and none that it
    does: "The Insomnia Severity Index was 14.2 with digital CBT-I." against 9.1 in the row
    "Insomnia Severity Index" under "Digital CBT-I" (14.2 is the other column's)."""
    given, held = _given(claim, cell), set(_DECIMAL.findall(cell.value))
    return bool(given and held) and not given & held and _names_cell(claim, cell)


def _given(claim: str, cell: TableCell) -> set[str]:
    """The numbers the claim gives for a cell (`_cell_free`), but a numbered point naming its row
    or column (`_POINT`): the "3" of "on day 3" names the column "Day 3" and is no value of its cells."""
    text = _cell_free(claim, cell)
    for m in _POINT.finditer(f"{cell.head} {cell.label}"):
        text = re.sub(rf"\b{m.group(1)}\s+{m.group(2)}\b", " ", text, flags=re.I)
    return set(_DECIMAL.findall(text))


# The group of a trial a comparison is said of: "in the CBT-I group", "among the placebo arm".
_GROUP = re.compile(r"\b(?:in|among|for|within)\s+(?:the\s+)?(?P<group>(?:[\w-]+\s+){1,3}?)(?:group|arm)\b", re.I)


@lru_cache(maxsize=1024)  # a claim's is asked for once per sentence it is checked against
def _group_compared(text: str) -> tuple[str, str, tuple[str, int]] | None:
    """The one group a text says a comparison of ("more common in the CBT-I group"), the text
    without it, and the comparison's axis and way (`_COMPARATIVES`); None for none or several."""
    groups = list(_GROUP.finditer(text))
    if len(groups) != 1:
        return None
    ways = {_COMPARATIVES[c] for w in _WORD.findall(text.lower()) if (c := _comparative(w)) and c != "rather"}
    if len(ways) != 1:
        return None
    g = groups[0]
    return g.group("group"), text[: g.start()] + " " + text[g.end():], ways.pop()


def swaps_group(claim: str, sentence: str) -> bool:
    """Whether the sentence makes the claim's comparison of one group of a trial of another group
    (`_GROUP`), the same way ("Daytime sleepiness was more common in the sleep hygiene group."
    against "... more common in the CBT-I group"): the groups share no word, and the sentence says
    every other word of the claim."""
    ours = _group_compared(claim)
    theirs = _group_compared(sentence) if ours else None
    if not ours or not theirs or ours[2] != theirs[2]:
        return False
    group, group2 = set(stems(ours[0])), set(stems(theirs[0]))
    said = _words_said(ours[1])
    return bool(group and group2 and said) and not group & group2 and said <= _words_said(theirs[1])


def changes_year(claim: str, sentence: str) -> bool:
    """Whether the sentence says the claim's other words (two thirds of them, as for `negates`)
    with other years where the claim names one: "The Skolelinux project was founded in 2005."
    against "The Skolelinux project in Norway was founded on July 2nd 2001 ..."."""
    named = _years(claim)
    if len(named) != 1:
        return False  # most claims name no year: read no further
    given = _years(sentence)
    if not given or named & given:
        return False
    return _says_most(_words_said(_YEAR.sub(" ", claim)), _words_said(_YEAR.sub(" ", sentence)))


# "one" before a noun counts it in a claim ("one session a week"); elsewhere "one" is as often a
# pronoun ("one can"), which a function word after it shows.
_ONE_OF = re.compile(r"\bone\s+([a-z][a-z-]+)", re.I)


def _claim_counts(claim: str) -> dict[str, set[str]]:
    """`_counts` of a claim, with what "one" counts (`_ONE_OF`) and an age in years (`_AGED`)."""
    counted = {w: set(ns) for w, ns in _counts(claim).items()}
    for m in _ONE_OF.finditer(claim):
        if m.group(1).lower() not in FUNCTION_WORDS:
            counted.setdefault(stemmer().stemWord(m.group(1).lower()), set()).add("1")
    for m in _AGED.finditer(claim):
        counted.setdefault("year", set()).add(m.group(1) or m.group(2))
    return counted


def changes_number(claim: str, sentence: str) -> bool:
    """Whether the sentence says the claim's words (two thirds of them, as for `negates`) with
    another number of what the claim counts, each giving one number of it: "The 386 reference
    manual lists 200 instructions." against "The 386 reference manual lists 96 instructions.". A
    sentence that also states the claim's number ("96 of 200 instructions") changes nothing, nor
    does one that gives several (a table's row, "25 mg ... 40 mg"), nor a claim's bound ("less than
    5%"). Where either number is an estimate ("about 30") the sentence's numbers of the thing must
    each be more than `_ESTIMATE_RATIO` times it or less ("about 800ns per iteration" against
    "about 60ns per iteration (80ns with tqdm.gui)"). A numbered point ("on day 4" against "on day
    9") is another number too (`_changes_point`)."""
    counted, estimated = _claim_counts(claim), _counts(claim, _ESTIMATED)
    if (points := _points(claim)) and _changes_point(claim, points, sentence):
        return True
    if _AGED.search(claim) and _outside_age_bound(claim, sentence):
        return True
    if _beyond_bound(claim, sentence):
        return True
    if _changes_day(claim, sentence) or _changes_rate(claim, sentence) or _changes_done_amount(claim, sentence):
        return True
    if not counted and not estimated:
        return False  # most claims count nothing: read no further
    # the claim's other words: its numbers are what is compared ("the trial" is the document's own,
    # which its sentences call "we": "We randomly assigned 312 adults ...")
    said = {w for w in _words_said(_OWN_STUDY.sub(" ", claim)) if not re.search(r"\d", w) and w not in _NUMBER_WORDS
            and w not in _ONCE_STEMS and w != "one"}
    stated, about = _counts(sentence), _counts(sentence, _ESTIMATED)
    heard = _words_said(sentence) | stated.keys() | about.keys()  # "12-month" says "month"
    numbers = set().union(*stated.values(), *about.values())
    # A span of time is no count of another thing, nor the other way round: "three weeks apart"
    # says nothing of "three doses", nor "Two oral doses" of "two weeks apart".
    timed = {kind: set().union(*(ns for w, ns in [*stated.items(), *about.items()] if (w in _TIME_STEMS) == kind))
             for kind in (True, False)}
    ranges = _ranges(sentence)  # a range's first end ("18 years to 65 years") is no count of its own
    # the claim's number anywhere in the sentence is said, whatever it counts there ("187 of the
    # 312 participants planned" states "187 participants")
    bare = {_number(n) for n in _BARE_NUMBER.findall(sentence)}
    if _says_most(said, heard) and any(len(ns) == 1 and len(stated.get(w, ())) == 1 and not about.get(w) and w not in ranges
                                       and not ns & timed[w in _TIME_STEMS] and not ns & bare for w, ns in counted.items()):
        return True
    # a number outside the range the sentence gives of the thing ("6 sessions" against "16 to 20 sessions")
    if ranges and _says_most(said, heard | ranges.keys()) and any(
            len(ns) == 1 and w in ranges and not ns & numbers and not _within(next(iter(ns)), ranges[w])
            for w, ns in counted.items()):
        return True
    # against an estimate the numbers are what differ: the words said are the others ("About
    # 1,000,000 people ..." against "About 3 million people ...")
    if not (estimated or about) or not _says_most(said - _SCALE.keys(), heard):
        return False
    for w, ns in [*counted.items(), *estimated.items()]:
        given = stated.get(w, set()) | about.get(w, set())
        if len(ns) == 1 and given and not ns & numbers and (w in estimated or w in about) \
                and all(_far_apart(next(iter(ns)), g) for g in given):
            return True
    return False


# A period's length in days, to compare rates given per different periods ("once a week" is
# 1/7 a day, "7 times a week" once a day).
_DAYS_IN = {"hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def _changes_rate(claim: str, sentence: str) -> bool:
    """Whether the sentence says most of the claim's other words with only other rates where the
    claim gives one ("once a day", `_TIMES`): "The meter should be cleaned once a day." against
    "Clean the meter once a week and disinfect it at least once a month."; the same rate per
    another period ("7 times a week") is none other."""
    rates = [(w[1:], n) for w, ns in _counts(claim).items() if w.startswith("/") for n in ns]
    if len(rates) != 1:
        return False
    given = [(w[1:], n) for w, ns in _counts(sentence).items() if w.startswith("/") for n in ns]
    if not given:
        return False
    period, n = rates[0]
    per_day = float(n) / _DAYS_IN[period]
    if any(abs(float(g) / _DAYS_IN[p] - per_day) <= 0.01 * per_day for p, g in given):
        return False
    said = {w for w in _words_said(_TIMES.sub(" ", claim)) if not re.search(r"\d", w)}
    return _says_most(said, _words_said(sentence))


# An amount a verb is done at, to or by: "started at 50 mg", "increase to 50 mg", "reduced by 19
# minutes" (the verb, its preposition, the number and its unit).
_DONE_AMOUNT = re.compile(r"\b([a-z]{3,})\s+(at|to|by|from)\s+(?:about\s+|approximately\s+|around\s+)?(\d+(?:[.,]\d+)?)\s*"
                          r"(mg|g|mcg|µg|ml|kg|%|minutes?|hours?|days?|weeks?|months?|years?|points?|sessions?)\b", re.I)


def _done_amounts(text: str) -> dict[tuple[str, str, str], set[str]]:
    """The amounts `text` says verbs are done at, by (stemmed verb, preposition, unit's stem)."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for m in _DONE_AMOUNT.finditer(text):
        verb = m.group(1).lower()
        if verb in FUNCTION_WORDS or verb in STOP_WORDS:
            continue
        key = (stemmer().stemWord(verb), m.group(2).lower(), stemmer().stemWord(m.group(4).lower()))
        out.setdefault(key, set()).add(m.group(3).replace(",", ""))
    return out


def _changes_done_amount(claim: str, sentence: str) -> bool:
    """Whether the sentence says most of the claim's other words and, where the claim gives the
    amount a verb is done at (`_DONE_AMOUNT`: "started at 50 mg"), gives that verb another amount
    and never the claim's: "Sertraline should be started at 50 mg daily." against "Start at 25 mg
    daily for one week, then increase to 50 mg." (the 50 mg is where it goes, not where it starts)."""
    claimed = _done_amounts(claim)
    if not claimed:
        return False
    given = _done_amounts(sentence)
    if not any(key in given and not ns & given[key] for key, ns in claimed.items()):
        return False
    said = {w for w in _words_said(claim) if not re.search(r"\d", w)}
    return _says_most(said, _words_said(sentence))


_MONTH = f"({MONTH})"
# A day of a month: "20 January", "January 20", "20th of January".
_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)


def _days(text: str) -> set[tuple[int, str]]:
    """The days of a month `text` names, as (day, month's first three letters)."""
    return {(int(m.group(1) or m.group(4)), (m.group(2) or m.group(3)).lower()[:3]) for m in _DAY.finditer(text)}


def _changes_day(claim: str, sentence: str) -> bool:
    """Whether the sentence says most of the claim's other words with other days where the claim
    names one: "The next meeting is on 15 March 2026." against "The next meeting will be held on
    20 January 2026 at 10:00."."""
    named = _days(claim)
    if len(named) != 1:
        return False
    given = _days(sentence)
    if not given or named & given:
        return False
    said = {w for w in _words_said(_DAY.sub(" ", _YEAR.sub(" ", claim))) if not re.search(r"\d", w)}
    return _says_most(said, _words_said(sentence))


_BARE_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w,]*\d)")


# A point in a course numbered after its word: "day 9", "week 6", "visit 3", "stage 2".
_POINT = re.compile(r"\b(day|week|month|year|visit|cycle|stage|grade|phase|wave|session)\s+(\d+)\b(?![.,]\d)", re.I)
# A value said of its measure, with no unit or word after it: "Her CURB-65 score was 3.", "a
# score of 12", "ISI = 9"; and a sum of money by its currency's sign: "£26 per month".
_VALUE = re.compile(r"\b([a-z][a-z-]{2,})\s+(?:was|were|is|are|of|=)\s+(\d+(?:\.\d+)?)(?![\d.,]*\s*(?:%|[^\W\d_]))", re.I)
_MONEY = re.compile(r"([£$€¥])\s?(\d+(?:[.,]\d+)*)")
# An amount in a unit of measure: "2 g per day", "500 mg", "1.5 mmol/L" (not a ratio's parts: "140/90 mmHg").
_MEASURED = re.compile(r"(?<![\w.,/])(\d+(?:\.\d+)?)\s?(mg|g|kg|mcg|µg|ng|ml|mL|L|mmol/L|mmol/mol|µmol/L|mmHg|IU|units?)(?![\w/])")


@lru_cache(maxsize=1024)
def _points(text: str) -> dict[str, frozenset[str]]:
    """The numbered points `text` names (`_POINT`), the values it says of a measure (`_VALUE`), its
    sums of money (`_MONEY`, by currency) and its amounts in a unit (`_MEASURED`, by unit), by their
    word's stem: "on day 9" -> day {9}, "score was 3" -> score {3}, "£26" -> £ {26}, "2 g per day" -> g {2}."""
    out: dict[str, set[str]] = {}
    for m in [*_POINT.finditer(text), *_VALUE.finditer(text)]:
        if m.group(1).lower() not in FUNCTION_WORDS:
            out.setdefault(stemmer().stemWord(m.group(1).lower()), set()).add(m.group(2))
    for m in _MONEY.finditer(text):
        out.setdefault(m.group(1), set()).add(_number(m.group(2)))
    for m in _MEASURED.finditer(text):
        out.setdefault(m.group(2).lower().rstrip("s"), set()).add(_number(m.group(1)))
    return {w: frozenset(ns) for w, ns in out.items()}


def _changes_point(claim: str, points: dict[str, frozenset[str]], sentence: str) -> bool:
    """Whether the sentence says most of the claim's words with another numbered point of one kind,
    each naming one: "She was discharged on day 4." against "She was discharged on day 9."."""
    stated = _points(sentence)
    if not any(len(ns) == 1 and len(stated.get(w, ())) == 1 and not ns & stated[w] for w, ns in points.items()):
        return False
    said = {w for w in _words_said(claim) if not re.search(r"\d", w)}
    return _says_most(said, _words_said(sentence))


# An age a sentence bounds: "aged 55 and over", "aged 16 or under", "aged 65 years or older".
_AGE_BOUND = re.compile(r"\baged\s+(\d+)\s*(?:years?\s+)?(?:and|or)\s+(over|older|above|under|younger|below)\b", re.I)


def _outside_age_bound(claim: str, sentence: str) -> bool:
    """Whether the claim gives one age (`_AGED`) outside the one bound the sentence gives (`_AGE_BOUND`)
    and the sentence says most of the claim's other words: "... for people aged 40." against "...
    for people aged 55 and over ..."."""
    ages = {int(m.group(1) or m.group(2)) for m in _AGED.finditer(claim)}
    bounds = _AGE_BOUND.findall(sentence)
    if len(ages) != 1 or len(bounds) != 1:
        return False
    age, (limit, way) = next(iter(ages)), bounds[0]
    outside = age < int(limit) if way.lower() in ("over", "older", "above") else age > int(limit)
    said = {w for w in _words_said(_AGED.sub(" ", claim)) if not re.search(r"\d", w)}
    return outside and _says_most(said, _words_said(sentence))


# A most or a least a sentence allows of a thing: "up to three days", "a maximum of 2 tablets",
# "no fewer than 8 sessions".
_UPPER = re.compile(r"\b(?:up\s+to|at\s+most|a\s+maximum\s+of|no\s+more\s+than|not\s+more\s+than)\s+" + _AMOUNT, re.I)
_LOWER = re.compile(r"\b(?:at\s+least|a\s+minimum\s+of|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than)\s+" + _AMOUNT, re.I)


def _beyond_bound(claim: str, sentence: str) -> bool:
    """Whether the claim gives one number of a thing above the one most the sentence allows of it,
    or below its one least, and the sentence says most of the claim's other words: "Employees may
    work remotely five days a week." against "Employees may work remotely for up to three days in
    a five-day week."."""
    counted = _claim_counts(claim)
    if not counted:
        return False
    for pattern, above in ((_UPPER, True), (_LOWER, False)):
        bounds: dict[str, set[float]] = {}
        for m in pattern.finditer(sentence):
            if (value := _value(_number(m.group(1)))) is not None:
                bounds.setdefault(stemmer().stemWord(m.group(2).lower()), set()).add(value)
        for w, ns in counted.items():
            if len(ns) != 1 or len(bounds.get(w, ())) != 1 or (n := _value(next(iter(ns)))) is None:
                continue
            limit = next(iter(bounds[w]))
            if n > limit if above else n < limit:
                said = {x for x in _words_said(claim) if not re.search(r"\d", x) and x not in _NUMBER_WORDS}
                return _says_most(said, _words_said(sentence))
    return False


# A file's path ("/etc/apparmor.d/", "~/kernel") or an address ("https://deb.debian.org/debian"):
# a name no other words can stand for.  Not "and/or", "mg/kg" (a path opens on its slash), nor
# "receptor /CD3" (one step from the root, a slash set apart).
_PATH = re.compile(r"(?<![\w/])(?:[a-z][a-z0-9+.-]*://[^\s,;()<>\"']+|~/[\w.@+-]+(?:/[\w.@+-]+)*/?|"
                   r"/[\w.@+-]+(?:/[\w.@+-]+)+/?)", re.I)


def _paths(text: str) -> set[str]:
    return {m.group().rstrip("/.").lower() for m in _PATH.finditer(text)} - {""}


def changes_path(claim: str, sentence: str) -> bool:
    """Whether the sentence says the claim's other words (two thirds of them, as for `negates`)
    with another path or address where the claim names one, and never the claim's: "AppArmor
    profiles are stored in /etc/selinux/." against "AppArmor profiles are stored in /etc/apparmor.d/
    and ...".  A trailing slash or full stop is no difference."""
    named = _paths(claim)
    if not named:
        return False  # most claims name no path: read no further
    given = _paths(sentence)
    if not given or named & given:
        return False
    return _says_most(_words_said(_PATH.sub(" ", claim)), _words_said(_PATH.sub(" ", sentence)))


def _within(number: str, span: tuple[float, float]) -> bool:
    """Whether a number (as `_number` writes it) lies in the range `span`; True for no number."""
    value = _value(number)
    return value is None or span[0] <= value <= span[1]


def _far_apart(a: str, b: str) -> bool:
    """Whether two numbers (as `_number` writes them) are more than `_ESTIMATE_RATIO` times apart."""
    x, y = _value(a), _value(b)
    return x is not None and y is not None and min(x, y) > 0 and max(x, y) / min(x, y) > _ESTIMATE_RATIO


def _value(number: str) -> float | None:
    """The number `_number` wrote, or None for one with no value ("1.0.0", a version)."""
    digits, *scale = number.split()
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * (_SCALE.get(scale[0], 1.0) if scale else 1.0)


# Words that say a claim holds without limit, and those that limit what a sentence says.
_UNLIMITED = {"anywhere", "everywhere", "always", "whenever", "wherever", "anytime", "all", "every", "any"}
_ONLY = {"only", "solely", "exclusively"}
# Words that say a part, a small one, of what the claim says of all: "supports very few GCC
# extensions" against "supports all GCC extensions", "rarely" against "always".
_FEW = {"few", "fewest", "rarely", "seldom"}


def restricts(claim: str, sentence: str) -> bool:
    """Whether the sentence limits to a case what the claim says holds without limit: the claim
    says "anywhere", "always", "all", "every" or "any" and no "only", and a clause of the sentence
    says two thirds of its other content words with "only", "few" or "rarely" ("The escape
    character is recognized anywhere in a line." against "The escape character is only recognized
    at the beginning of a line."; "pycparser supports all GCC extensions." against "pycparser
    supports very few GCC extensions")."""
    claim_clauses = _clauses(claim)
    words = {w for t, _ in claim_clauses for w in t}
    if not words & _UNLIMITED or words & (_ONLY | _FEW):
        return False
    said = set().union(*(_content(*c) for c in claim_clauses)) - set(stems(" ".join(sorted(_UNLIMITED | _FEW))))
    return bool(said) and any(_limits(t) and _says_most(said, _content(t, x)) for t, x in _clauses(sentence))


def _limits(tokens: list[str]) -> bool:
    """Whether a clause says "only", not "not only" (which widens), or "few" or "rarely", not "not
    a few" or "not rarely" (which say many, often)."""
    return any(w in _ONLY | _FEW and "not" not in tokens[max(0, i - 2):i] for i, w in enumerate(tokens))


# A setting's default value as a manual gives it: "(default: False)", "defaults to off", "default=None".
_DEFAULT_VALUE = re.compile(r"\bdefaults?(?:\s+value)?\s*(?::|=|is|to)\s*[`'\"]?(true|false|on|off|yes|no|none|null|enabled|"
                            r"disabled)\b", re.I)
_OFF_VALUES = {"false", "off", "no", "none", "null", "disabled"}
_CODE_NAMED = re.compile(r"\b\w+(?:[._]\w+)+(?:\(\))?")  # a name of code: "json.dumps", "sort_keys"


def changes_default(claim: str, sentence: str) -> bool:
    """Whether the sentence gives a default that denies what the claim says happens by default: the
    claim says "by default" (or "default"), the sentence two thirds of its other content words and
    a default of off where the claim says it happens, or of on where the claim says it does not
    ("json.dumps sorts dictionary keys by default." against "If sort_keys is true (default: False),
    then the output of dictionaries will be sorted by key")."""
    claim_clauses = _clauses(claim)
    tokens = [w for t, _ in claim_clauses for w in t]
    given = _DEFAULT_VALUE.search(sentence) if "default" in tokens else None
    if not given:
        return False
    # a manual's entry says what its setting does under the entry's name ("json.dumps"), not in it
    named = " ".join(m.group() for m in _CODE_NAMED.finditer(claim))
    said = _words_said(claim) - set(stems("default")) - _words_said(named)
    off = given.group(1).lower() in _OFF_VALUES
    return bool(said) and off != bool(_NEG.intersection(tokens)) and _says_most(said, _words_said(sentence))


def widens(claim: str, sentence: str) -> bool:
    """Whether the sentence says that what the claim limits to a case holds beyond it: the claim
    says "only", "solely" or "exclusively" (no "not" before it) of what its subject does, not
    opening the claim ("Only rowwise() works ..." says nothing else does, which "not just" does not
    deny), and a clause of the sentence says two thirds of its other content words with "not only",
    "not just" or "not merely" ("rowwise() only works with functions that return a length-1
    vector." against "rowwise() doesn't just work with functions that return a length-1 vector
    ...; it can work with any function")."""
    claim_clauses = _clauses(claim)
    if not any(w in _ONLY and 0 < i and "not" not in t[max(0, i - 2):i] for t, _ in claim_clauses for i, w in enumerate(t)):
        return False
    said = set().union(*(_content(*c) for c in claim_clauses)) - set(stems(" ".join(sorted(_ONLY | _WIDE))))
    return bool(said) and any(_widened(t) and _says_most(said, _content(t, x)) for t, x in _clauses(sentence))


_WIDE = {"just", "merely"}  # "not just", "not merely": more than what follows


def _widened(tokens: list[str]) -> bool:
    """Whether a clause says "not only", "not just" or "not merely" (which say more than a case)."""
    return any(w in _ONLY | _WIDE and "not" in tokens[max(0, i - 2):i] for i, w in enumerate(tokens))


MIN_HELD_TERMS = 3  # the fewest terms of a claim whose sentence holding all is evidence by that alone


# English verbs whose past forms the stemmer leaves apart from the verb ("taken", "took" and "take"):
# base, past, past participle.
_IRREGULAR_VERBS = """be was been; begin began begun; break broke broken; bring brought brought; choose chose chosen;
do did done; draw drew drawn; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen; feel felt felt;
find found found; forget forgot forgotten; freeze froze frozen; get got gotten; give gave given; go went gone;
grow grew grown; hide hid hidden; hold held held; keep kept kept; know knew known; lead led led; leave left left;
lose lost lost; make made made; mean meant meant; meet met met; pay paid paid; ride rode ridden; rise rose risen;
run ran run; say said said; see saw seen; seek sought sought; sell sold sold; send sent sent; show showed shown;
sleep slept slept; speak spoke spoken; spend spent spent; stand stood stood; steal stole stolen; take took taken;
teach taught taught; tell told told; think thought thought; throw threw thrown; understand understood understood;
wake woke woken; wear wore worn; win won won; write wrote written"""


@lru_cache(maxsize=1)
def _verb_bases() -> dict[str, str]:
    """Each irregular past form's BM25 stem -> its verb's ("taken" -> "take"): "Sertraline is taken
    once daily." holds "Take sertraline once daily." as it holds "takes"."""
    out = {}
    for forms in _IRREGULAR_VERBS.split(";"):
        words = forms.split()
        stemmed = {w: (bm25_tokenize([w])[0] or [""])[0] for w in words}  # "" for a stop word ("was")
        base = stemmed[words[0]]
        out.update({stemmed[w]: base for w in words[1:] if base and stemmed[w] and stemmed[w] != base})
    return out


def _terms(text: str) -> set[str]:
    """`text`'s BM25 terms, an irregular verb's past forms read as the verb (`_verb_bases`)."""
    bases = _verb_bases()
    return {bases.get(t, t) for t in bm25_tokenize([text])[0]}


def holds_claim_terms(claim: str, sentences: list[str], spare: int = 0, least: int = MIN_HELD_TERMS) -> np.ndarray:
    """Per sentence, whether it holds every BM25 term of a claim of three terms or more, its negating
    words and auxiliary verbs aside: it speaks of what the claim says, for or against it. Of the
    sentences of SciFact train's cited abstracts, 18 hold all of their claim's terms and all 18 are
    rationales (12% of all sentences are); of
    Climate-FEVER's pairs 17 of 19 such are evidence, of Check-COVID's 7 of 7, of SICK's 951 of 1,050
    (counted outside their test splits). The share a claim opens with ("Most participants ...") is
    aside too: a sentence giving another share ("only 15 participants (2%)") lacks it. Paid for is
    paid for in any words (`_PAID_BY`: "supported by" is "funded by"). `spare`: how many of the
    terms a sentence may lack (the one a sentence saying the claim the other way round replaces:
    "low toxicity" against "high toxicity"). `least`: the fewest terms a claim is read for."""
    share = _MAJORITY.match(claim) or _MINORITY.match(claim)
    claim = _PAID_BY.sub("funded by", claim[share.end():] if share else claim)
    # "The study will recruit 240 people." speaks of the document's own study, which its sentences
    # call "we" or nothing at all ("We plan to recruit 240 people ...")
    terms = {_WORD_FAMILIES.get(t, t) for t in _terms(_OWN_STUDY.sub(" ", claim)) - _negation_terms() - _auxiliary_terms()}
    if len(terms) < least:
        return np.zeros(len(sentences), bool)
    bases = _verb_bases()
    # (a word of a family the stemmer keeps apart is its head: "dosage" holds "dose", `_WORD_FAMILIES`)
    return np.array([len(terms - {_WORD_FAMILIES.get(b := bases.get(w, w), b) for w in t}) <= spare
                     for t in bm25_tokenize([_PAID_BY.sub("funded by", s) for s in sentences])], bool)


# A study a claim names by its kind alone: the one its document reports.
_OWN_STUDY = re.compile(r"\b(?:the|this|our)\s+(?:study|trial|research|project)\b", re.I)
# Who paid for a thing, said in other words: "This work was supported by the Wellcome Trust" holds
# "funded by the Wellcome Trust".
_PAID_BY = re.compile(r"\b(?:supported|sponsored|financed|paid\s+for)\s+by\b", re.I)


@lru_cache(maxsize=1)
def _negation_terms() -> frozenset[str]:
    """The BM25 terms of the negating words (`_NEG`): a claim's "never" is its polarity, which a
    sentence against it lacks."""
    return frozenset(bm25_tokenize([" ".join(sorted(_NEG))])[0])


@lru_cache(maxsize=1)
def _auxiliary_terms() -> frozenset[str]:
    """The BM25 terms of the auxiliary verbs ("does", "can", "had"; BM25 keeps them): the "does" of
    "Cargo does not work on Windows." carries the claim's negation, and "Cargo works on Windows."
    lacks it."""
    return frozenset(bm25_tokenize([" ".join(_AUXILIARY_VERBS)])[0])


# Every auxiliary verb (`_AUXILIARIES`, the few `flip_claim` puts a "not" after, is narrower).
_AUXILIARY_VERBS = ("do", "does", "did", "done", "be", "been", "being", "is", "are", "was", "were", "can", "could", "will",
                    "would", "shall", "should", "may", "might", "must", "has", "have", "had")


# What only one thing can be: "the most common side effect", "the primary outcome", "the main
# cause", "the largest ...", and what it is ("... is weight gain"), up to a clause's end.
_ONE_VALUE = re.compile(r"^\W*(?P<subject>the\s+(?:(?:most|least|main|primary|principal|leading|commonest|chief|only|"
                        r"first-line|single\s+most)\b|[a-z]{3,}est\b)[^,;:()]*?)\s+(?:is|are|was|were)\s+(?P<value>[^;]+)$",
                        re.I)


def changes_value(claim: str, sentence: str) -> bool:
    """Whether the sentence says of what only one thing can be (`_ONE_VALUE`: "the most common side
    effects", "the primary outcome") that it is another thing than the claim says, none of its
    content words the claim's: "The most common side effect of stimulants is weight gain." against
    "The most common side effects are reduced appetite, trouble sleeping and headache.". The
    sentence's subject says nothing the claim's does not, and two thirds of it (the rest may be its
    section's: "of stimulants"); neither side is negated."""
    c, s = _ONE_VALUE.match(claim.strip()), _ONE_VALUE.match(sentence.strip())
    if not c or not s or is_negated(claim) or is_negated(sentence):
        return False
    subject, said = _words_said(c.group("subject")), _words_said(s.group("subject"))
    value, given = _words_said(c.group("value")), _words_said(s.group("value"))
    return bool(said) and said <= subject and _says_most(subject, said) and bool(value) and bool(given) \
        and not value & given


# "X is a Y": what a claim says a thing is a kind of (a name of up to three words, a kind of up to three).
_IS_KIND = re.compile(r"^\W*(?P<thing>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:is|are|was|were)\s+(?:a|an)\s+"
                      r"(?P<kind>[\w'-]+(?:\s+[\w'-]+){0,2}?)\s*[.!]?$", re.I)


def names_other_kind(claim: str, sentence: str) -> bool:
    """Whether the sentence names the thing the claim says is a kind of thing ("Atomoxetine is a
    stimulant.") as one of the kind's negation: "Non-stimulants such as atomoxetine are used when
    ...", "atomoxetine, a non-stimulant,", "atomoxetine is a non-stimulant"."""
    m = _IS_KIND.match(claim.strip())
    if not m or is_negated(claim):
        return False
    thing, kind = re.escape(m.group("thing")), re.escape(re.sub(r"e?s$", "", m.group("kind")))
    other = rf"non-?{kind}(?:e?s)?\b"
    return re.search(rf"\b{other}\s*,?\s*\(?(?:such\s+as|like|including|e\.g\.,?|for\s+example,?)\s+[^.;]*?\b{thing}\b"
                     rf"|\b{thing}\b\s*(?:,\s*|\s+(?:is|are|was|were)\s+)(?:a|an)\s+{other}", sentence, re.I) is not None


# A necessity a claim states ("must be taken with food", "has to be taken without ..."), and an
# option a sentence gives of the same thing ("with or without food").
_NECESSITY = re.compile(r"\b(?:must|has\s+to|have\s+to|needs?\s+to|is\s+required\s+to|are\s+required\s+to|should\s+always|"
                        r"always)\b[^.;]*?\bwith(?:out)?\s+([a-z][a-z-]+)", re.I)


def makes_option_a_must(claim: str, sentence: str) -> bool:
    """Whether the claim says a thing must be done with (or without) something the sentence leaves
    to choice, with the same verb: "Sertraline must be taken with food." against "You can take it
    with or without food." (an irregular verb's forms are one: `_terms`)."""
    m = _NECESSITY.search(claim)
    if not m or is_negated(claim):
        return False
    thing = re.escape(m.group(1))
    option = re.search(rf"(?P<before>[^.;]*?)\bwith(?:\s+or\s+without|out\s+or\s+with)\s+{thing}\b", sentence, re.I)
    if not option:
        return False
    # the verb: the last content word before "with"
    before = [w for w in re.findall(r"[a-z]+", claim[: m.start(1)].lower()) if w not in FUNCTION_WORDS | {"with", "without"}]
    return bool(before) and bool(_terms(before[-1]) & _terms(option.group("before")))


def reverses(claim: str, sentence: str) -> bool:
    """The rules beside the learned polarity model: the sentence says the claim's words with a
    negation or an opposite (`negates`), moves what the claim moves the other way
    (`moves_opposite`), makes its comparison the other way round (`swaps_comparison`) or of
    another group of a trial (`swaps_group`), gives
    another number of what the claim counts (`changes_number`), a span of time far from the
    claim's (`changes_span`), a share of the group under half
    where the claim says most or over half where it says few (`changes_share`), or another of what
    it bounds (`changes_bound`), other
    years (`changes_year`), another path or address than the claim's (`changes_path`), a default
    that denies what the claim says happens by default (`changes_default`), limits to
    a case what the claim says holds without limit (`restricts`) or beyond the case the claim
    limits it to (`widens`), says the claim's words of another thing set against the claim's
    (`contrasts`), another value of what only one thing can be (`changes_value`), or names the
    thing the claim says is a kind of thing as one of the kind's negation (`names_other_kind`), or
    leaves to choice what the claim says must be done (`makes_option_a_must`).  Any contradicts the claim."""
    return (negates(claim, sentence) or moves_opposite(claim, sentence) or swaps_comparison(claim, sentence)
            or swaps_group(claim, sentence) or changes_number(claim, sentence) or changes_span(claim, sentence)
            or changes_share(claim, sentence)
            or changes_bound(claim, sentence)
            or changes_year(claim, sentence)
            or changes_path(claim, sentence) or changes_default(claim, sentence) or restricts(claim, sentence)
            or widens(claim, sentence) or contrasts(claim, sentence) or changes_value(claim, sentence)
            or names_other_kind(claim, sentence) or makes_option_a_must(claim, sentence))


def polarity_features(claim: str, sentence: str, cosine: float, flip_delta: float) -> list[float]:
    """`flip_delta`: cos(sentence, flip_claim(claim)) - cos(sentence, claim)."""
    c, s = claim.translate(_APOSTROPHES), sentence.translate(_APOSTROPHES)
    cw = _WORD.findall(c.lower().replace("n't", " not"))
    sw = _WORD.findall(s.lower().replace("n't", " not"))
    cneg = any(w in _NEG for w in cw)
    sneg = any(w in _NEG for w in sw)
    cu, cd = _direction(cw)
    su, sd = _direction(sw)
    cdir = np.sign(cu - cd) * (-1 if cneg else 1)
    sdir = np.sign(su - sd) * (-1 if sneg else 1)
    cs, ss = set(stems(claim)), set(stems(sentence))
    object_agree, object_oppose = _object_polarity(claim, sentence)
    return [float(cneg != sneg), float(cneg), float(sneg), float(bool(_NULL_RESULT.search(s))),
            float(bool(_NULL_RESULT.search(c))), float(cdir * sdir > 0), float(cdir * sdir < 0),
            float(cu > cd), float(cd > cu), float(su > sd), float(sd > su), cosine,
            len(cs & ss) / len(cs) if cs else 0.0, flip_delta, float(object_agree), float(object_oppose), 1.0]


# Negations of what a clause says: "don't support", "is not safe", "cannot be strengthened", "comes
# with no warranty". "lack", "without", "absence" negate a thing ("mice lacking Sirt1").
_CLAUSE_NEG = {"not", "never", "cannot", "nor", "neither", "no"}
_COVERED = 0.66  # share of the claim's content words the negated clause must say: two of three (chosen on train data, models README)
# Words of permission, ability and purpose a negation reaches through: "doesn't allow us to index
# into a String", "is NOT intended to store user preferences".
_ABLE = {"allow", "allows", "allowed", "let", "lets", "permit", "permits", "permitted", "able", "possible",
         "enable", "enables", "enabled", "used", "use", "ability", "capacity", "intended", "meant", "designed",
         "supposed"}
# Where a sentence's clauses part: "there was no association with 8 of 10 cancers; ever use was associated ...";
# a consequence too: "are disabled by default, so must be enabled for each connection".
_CLAUSE_END = re.compile(r"[;:]|,\s*(?:but|whereas|while|although|though|however|so|yet|therefore|thus|hence)\b")


# Opposite words `negates` reads beside `_OPPOSITES` (which `flip_claim` and the polarity model's
# features read too, so they stay as trained): general antonyms of size, time, number and state.
# Not words that are also nouns of another sense: "failure" (heart failure), "light", "fall";
# "complex" (a protein complex) only as "simple"'s opposite, which a noun seldom stands against.
_ANTONYMS = [
    ("large", "small"), ("larger", "smaller"), ("big", "small"), ("bigger", "smaller"), ("long", "short"),
    ("longer", "shorter"), ("early", "late"), ("earlier", "later"), ("fast", "slow"), ("faster", "slower"),
    ("quick", "slow"), ("quickly", "slowly"), ("rapidly", "slowly"), ("faster", "slowly"), ("quicker", "slowly"),
    ("many", "few"), ("wide", "narrow"), ("thick", "thin"), ("present", "absent"), ("true", "false"),
    ("possible", "impossible"), ("likely", "unlikely"), ("safe", "unsafe"), ("safe", "dangerous"), ("safe", "harmful"),
    # what is safe is not to be avoided ("Lithium is safe in the first trimester" against "Lithium
    # should be avoided in the first trimester")
    ("safe", "avoid"), ("safe", "avoided"), ("easy", "difficult"),
    ("cheap", "expensive"), ("simple", "complex"), ("successful", "unsuccessful"), ("include", "exclude"), ("includes", "excludes"),
    ("accept", "reject"), ("accepts", "rejects"), ("allow", "forbid"), ("allows", "forbids"),
    ("visible", "invisible"), ("legal", "illegal"), ("encourage", "discourage"), ("encouraged", "discouraged"),
    ("agree", "disagree"), ("approve", "disapprove"), ("appear", "disappear"), ("similar", "dissimilar"),
    ("mandatory", "optional"), ("correct", "incorrect"), ("complete", "incomplete"),
    ("sufficient", "insufficient"), ("adequate", "inadequate"), ("consistent", "inconsistent"),
    # what a thing does to another, or the state it leaves it in (not kinds of a thing: "acute" and
    # "chronic" stress are two things, not one said two ways)
    ("keep", "delete"), ("keeps", "deletes"), ("kept", "deleted"), ("keep", "remove"), ("keeps", "removes"),
    ("kept", "removed"), ("enable", "disable"), ("enables", "disables"), ("enabled", "disabled"),
    ("automatic", "manual"), ("automatically", "manually"), ("permanent", "temporary"),
    ("permanently", "temporarily"), ("explicit", "implicit"), ("explicitly", "implicitly"),
    ("synchronous", "asynchronous"), ("mutable", "immutable"), ("encrypted", "unencrypted"),
    ("supported", "unsupported"), ("stable", "unstable"), ("reversible", "irreversible"),
    ("curable", "incurable"), ("benign", "malignant"), ("normal", "abnormal"), ("regular", "irregular"),
    ("voluntary", "involuntary"),
    # what is done with a treatment: kept up, or stopped ("Ramipril was continued" against "Ramipril
    # was withheld because of the kidney injury")
    ("continue", "stop"), ("continued", "stopped"), ("continued", "withheld"), ("continued", "discontinued"),
    ("continue", "discontinue"), ("start", "stop"), ("started", "stopped"),
    # the ends of a scale, and a figure's way ("the most common diagnosis", "the wait fell")
    ("most", "least"), ("highest", "lowest"), ("largest", "smallest"), ("biggest", "smallest"), ("longest", "shortest"),
    ("best", "worst"), ("rose", "fell"), ("risen", "fallen"), ("first", "last"), ("minimum", "maximum"),
    ("low", "highest"), ("high", "lowest"),
    ("minimal", "maximal"),
]
# A word's opposites by stem, for `negates`: the content words of `_OPPOSITES` and `_ANTONYMS` (a
# negation or "without" is read as a negation there).
_OPPOSITE_STEMS: dict[str, set[str]] = {}
for _a, _b in _OPPOSITES + _ANTONYMS:
    if _a not in FUNCTION_WORDS and _b not in FUNCTION_WORDS and _b not in _NEG:
        (_sa,), (_sb,) = stems(_a) or [""], stems(_b) or [""]
        if _sa and _sb and _sa != _sb:
            _OPPOSITE_STEMS.setdefault(_sa, set()).add(_sb)
            _OPPOSITE_STEMS.setdefault(_sb, set()).add(_sa)


# A word negated by its prefix: "unbiased" against "biased", "inaccurate" against "accurate".  The
# bare word is an English word of five letters or more ("unless" is no "less", "union" no "ion").
# "in-" makes some other words too ("informed", "instance"), but on the training data it flagged
# only contradictions; "non-" names another class of a thing ("noninfluenza viruses" against
# influenza: two claims of SciFact-like pairs in claims-extra's training data), and "im-" and "dis-"
# make other words more often than opposites ("impatient", "dispose").
_NEGATING_PREFIXES = ("un", "in")
_PREFIXED_WORD = 5


@lru_cache(maxsize=1)
def _word_stems() -> frozenset[str]:
    """The stems of the English words (`english_words`) of `_PREFIXED_WORD` letters or more."""
    return frozenset(stems(" ".join(w for w in english_words() if len(w) >= _PREFIXED_WORD and w.isalpha())))


def _opposite_stems(stem: str) -> set[str]:
    """A content word's opposites by stem: `_OPPOSITE_STEMS`, and the word with a negating prefix
    added or taken away (`_NEGATING_PREFIXES`), of a compound's last part too ("case-insensitive" /
    "case-sensitive")."""
    out = set(_OPPOSITE_STEMS.get(stem, ()))
    if "-" in stem:
        head, tail = stem.rsplit("-", 1)
        out.update(f"{head}-{o}" for o in _opposite_stems(tail))
    for prefix in _NEGATING_PREFIXES:
        if stem.startswith(prefix) and stem[len(prefix):] in _word_stems():
            out.add(stem[len(prefix):])
    if stem in _word_stems():
        out.update(prefix + stem for prefix in _NEGATING_PREFIXES)
    return out


_Clause = tuple[list[str], list[str]]  # a clause's tokens and their stems


# Suffixes that make a noun of state from a word without changing what it names, which the Snowball
# stemmer keeps ("adulthood" and "adults" are stemmed apart; "-ness" it strips itself).
_STATE_SUFFIXES = ("hood", "ship")
_FAMILY_ROOT = 4  # "worship" is no "wor-ship"


# Verbs of advice, one act in a guideline's words: "Do not offer benzodiazepines" says they are not
# recommended.
_ADVICE_STEMS = frozenset(stemmer().stemWords(["recommend", "offer", "advise", "prescribe", "suggest"]))


# Stems of one word's family that the stemmer keeps apart: a dose and its dosage, a use and its
# usage, a day and what is done daily ("400 mg a day" against "200 mg once daily").
_WORD_FAMILIES = {"dosag": "dose", "usag": "use", "daili": "day", "nightli": "night", "weekli": "week", "monthli": "month",
                  "yearli": "year", "hourli": "hour"}


def _family(stem: str) -> str:
    """The stem of the word a noun of state is made from ("adulthood" -> "adult", "friendship" ->
    "friend"), else the stem itself, so that a claim about adults is read against a sentence about
    adulthood; a verb of advice is "recommend" (`_ADVICE_STEMS`); a word of a family the stemmer
    keeps apart is its head (`_WORD_FAMILIES`: "dosage" -> "dose", "daily" -> "day")."""
    if stem in _ADVICE_STEMS:
        return "recommend"
    if stem in _WORD_FAMILIES:
        return _WORD_FAMILIES[stem]
    for suffix in _STATE_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _FAMILY_ROOT:
            return stemmer().stemWord(stem[: -len(suffix)])
    # A degree of a word with an opposite is that word, which the stemmer keeps apart ("cheapest",
    # "easier", "biggest", "safer"): "the cheapest method" is read against "the most expensive method".
    for suffix in ("est", "er"):
        base = stem[: -len(suffix)]
        # a degree with opposites of its own keeps them ("lower" is also the opposite of "raise")
        if stem.endswith(suffix) and len(base) >= 3 and stem not in _OPPOSITE_STEMS:
            for candidate in (base, base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else ""):
                if candidate in _OPPOSITE_STEMS:
                    return candidate
    return stem


@lru_cache(maxsize=1024)
def _clauses(text: str) -> tuple[_Clause, ...]:
    clauses = _CLAUSE_END.split(text.translate(_APOSTROPHES).lower().replace("n't", " not"))
    tokens = [_TOKEN.findall(c) for c in clauses]
    return tuple((t, [_family(x) for x in stemmer().stemWords(t)]) for t in tokens if t)


def _words_said(text: str) -> set[str]:
    """The content words (stems) of all of `text`'s clauses."""
    return set().union(*(_content(*c) for c in _clauses(text)))


def _says_most(said: set[str], heard: set[str]) -> bool:
    """Whether `heard` holds two thirds (`_COVERED`) of the claim's content words `said`."""
    return bool(said) and len(said & heard) >= _COVERED * len(said)


def _content(tokens: list[str], stemmed: list[str]) -> set[str]:
    """The clause's content words, its negations aside ("loses" of "loses the ability to")."""
    # the other negations are never content words: read the clause for these alone
    negations = {i for i, _ in _negations(tokens)} if _VERB_NEG.intersection(tokens) else set()
    return {x for i, (w, x) in enumerate(zip(tokens, stemmed))
            if w[0].isalnum() and w not in FUNCTION_WORDS and w not in _NEG and i not in negations}


# "Most models lack evidence from clinical trials": "lack" as a clause's verb negates what it has;
# "mice lacking Sirt1" and "the lack of ..." name a thing without it, and negate no clause.
_LACK = {"lack", "lacks", "lacked"}
_BEFORE_NOUN = {"a", "an", "the", "this", "that", "its", "their", "of"}
_LACK_REACH = 2  # a verb's object may open with a modifier: "lack research evidence"
_NONE_REACH = 8  # "none of" negates its group and what the clause says of it
# Verbs that say a thing is not done: "unable to adapt", "failed to reduce" negate the verb after
# "to" as "cannot", "did not" do; "lost the ability to change" says it can no longer.  "failure",
# "lose weight" negate nothing.
_FAIL = {"unable", "fail", "fails", "failed", "failing"}
_LOSE = {"lose", "loses", "lost", "losing"}
_VERB_NEG = _FAIL | _LOSE


def _negations(tokens: list[str]) -> list[tuple[int, int]]:
    """Each negation of the clause: its position and how many content words after it it reaches:
    one for "not", "never", ... but "not only", two for "no longer" and "no more" (the word after
    them is the verb they end), `_NONE_REACH` for "none of" (its group and the verb), one for
    "absent" ("absent from the path"), "without" before
    a verb's -ing form ("without relying on a trusted kernel"; "patients without diabetes" names a
    group), "unable to",
    "fail to" and "lose the ability to"; `_LACK_REACH` for the verb "lack"."""
    out = []
    for i, w in enumerate(tokens):
        after = tokens[i + 1 : i + 4]
        if w == "no" and after[:1] in (["longer"], ["more"]) and after[1:2] != ["than"]:
            out.append((i, 2))  # "no longer returned": what ends is the verb after it ("no longer than" compares)
        elif w == "none" and after[:1] == ["of"]:
            out.append((i, _NONE_REACH))  # "None of the 36 centres withdrew": no centre did
        elif (w in _CLAUSE_NEG and after[:1] != ["only"]) or w == "absent" or (w == "without" and after[:1]
                                                                                 and after[0].endswith("ing")):
            out.append((i, 1))
        elif w in _LACK and i and tokens[i - 1] not in _BEFORE_NOUN and after[:1] != ["of"]:
            out.append((i, _LACK_REACH))
        elif (w in _FAIL and after[:1] == ["to"]) or (
                w in _LOSE and [t for t in after if t not in _BEFORE_NOUN][:2] in (["ability", "to"], ["capacity", "to"])):
            out.append((i, 1))
    return out


# Adverbs of what is done by default, which a negation reaches past: "Do not routinely offer
# antidepressants" says not to offer them.
_DEFAULT_ADVERBS = {"routinely", "usually", "normally", "generally", "typically"}


_GET = frozenset({"get", "gets", "got", "gotten", "getting"})


def _negated_words(tokens: list[str], stemmed: list[str], words: set[str]) -> set[str]:
    """Those of `words` a negation in the clause comes right before (stop words, `_DEFAULT_ADVERBS`
    and a light "get" between: "You cannot get shingles from someone with shingles" negates
    catching shingles)."""
    out: set[str] = set()
    for i, reach in _negations(tokens):
        following = [x for t, x in zip(tokens[i + 1 :], stemmed[i + 1 :])
                     if t[0].isalnum() and t not in FUNCTION_WORDS and t not in _ABLE and t not in _DEFAULT_ADVERBS
                     and t not in _GET]
        out |= set(following[:reach]) & words
    return out


def _negated(tokens: list[str], stemmed: list[str], words: set[str]) -> bool:
    """Whether a negation in the clause comes right before one of `words` (stop words between)."""
    return bool(_negated_words(tokens, stemmed, words))


def _after(clause: _Clause, word: str) -> str | None:
    """The content word right after `word` (a stem) in the clause, if any."""
    tokens, stemmed = clause
    if word not in stemmed:
        return None
    at = stemmed.index(word)
    return next((x for t, x in zip(tokens[at + 1 :], stemmed[at + 1 :])
                 if t[0].isalnum() and t not in FUNCTION_WORDS and t not in _NEG), None)


def _of_another(word: str, negated: _Clause, others: tuple[_Clause, ...]) -> bool:
    """Whether the two sides move different things by `word`, a direction word: the content word
    after it differs and neither side says the other's ("did not improve attention" against
    "improves memory"). After another word the next one need not be what it is said of ("is not
    safe to share" against "is safe to use")."""
    if word not in _UP_STEMS and word not in _DOWN_STEMS:
        return False
    mine = _after(negated, word)
    theirs = next((w for c in others if (w := _after(c, word)) is not None), None)
    if mine is None or theirs is None or mine == theirs:
        return False
    return mine not in set().union(*(_content(*c) for c in others)) and theirs not in _content(*negated)


# Opposites that are nouns of another sense too ("the mTORC1 complex"): an opposite only where an
# adjective stands, after an article, a degree or a copula ("a complex process", "more complex").
_NOUN_TOO = frozenset(stems("complex"))
_BEFORE_ADJECTIVE = {"a", "an", "the", "more", "most", "less", "least", "very", "highly", "so", "too", "quite", "rather",
                     "is", "are", "was", "were", "be", "been", "being", "and", "or"}


def _as_adjective(tokens: list[str], stemmed: list[str], stem: str) -> bool:
    """Whether `stem` stands in the clause as an adjective: always, but for `_NOUN_TOO`."""
    return stem not in _NOUN_TOO or any(x == stem and i and tokens[i - 1] in _BEFORE_ADJECTIVE for i, x in enumerate(stemmed))


def _says_opposite(tokens: list[str], stemmed: list[str], said: set[str]) -> bool:
    """Whether the clause says most of the claim's words `said`, one of them by its opposite
    without a negation and not itself: "has low toxicity" against "has high toxicity"."""
    words = _content(tokens, stemmed)
    opposed = {w for w in said - words
               if any(o in words and not _negated(tokens, stemmed, {o}) and _as_adjective(tokens, stemmed, o)
                      for o in _opposite_stems(w))}
    return bool(opposed) and len((said & words) | opposed) >= _COVERED * len(said)


def is_negated(text: str) -> bool:
    """Whether a clause of `text` holds a negation (`_negations`: "not", "never", "unable to", ...):
    "Cargo does not work on Windows."."""
    return any(_negations(t) for t, _ in _clauses(text))


# What a rule leaves out of itself: "..., except for patients with obsessive-compulsive disorder",
# "unless ...", "other than ...".
_EXCEPTION = re.compile(r"\b(?:except(?:\s+(?:for|in|when|where|if))?|unless|other\s+than|apart\s+from|"
                        r"with\s+the\s+exception\s+of)\b", re.I)


def _excepted(said: set[str], sentence: str) -> bool:
    """Whether the claim (its content words `said`) is of what the sentence leaves out of what it
    says: the words the sentence lacks before its exception are all said after it ("Sertraline can
    be used in children with obsessive-compulsive disorder." against "Sertraline should not be
    used in children ..., except for patients with obsessive-compulsive disorder.")."""
    m = _EXCEPTION.search(sentence)
    if m is None:
        return False
    before, after = _words_said(sentence[: m.start()]), _words_said(sentence[m.end():])
    # the person addressed is no part of what is excepted: "Do not take sleeping tablets on the
    # night of the study unless you take them every night." says nothing of "You should take ..."
    lacking = said - before - _PERSONS
    return bool(lacking) and lacking <= after


_PERSONS = frozenset({"i", "you", "we", "they", "he", "she", "one"})


# A thing advised against by its use negated: "should not be used", "must not be taken", "do not take".
_NOT_USED = re.compile(r"\s(?:should|must|do|does|is\s+to)\s+(?:not|never)\s+(?:be\s+)?(?:used|taken|given|use|take|give)\b", re.I)


# What is done in place of another act, which is then not done: "rather than stopping ...",
# "instead of taking ...".
_RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?=[a-z]+ing\b)", re.I)


def negates(claim: str, sentence: str) -> bool:
    """Whether one of the sentence's clauses says what the claim says, two thirds of its content words,
    with a negation of one of those words that the claim lacks, or the claim negates one of its
    words that the sentence says without a negation: "Rust strings don't support indexing."
    against "Rust strings support indexing.", "Rc<T> is not safe to share across threads." against
    "Rc<T> is safe to use across multiple threads.".  A negation of a word the claim does not say
    ("not surprising", "not only", "not attention"), or in another clause than the claim's words,
    is none.  "unable to", "fail to" and "lose the ability to" negate the verb after them as
    "cannot" does, and "rather than" or "instead of" the act after them; a claim of what the
    sentence excepts (`_excepted`) is not negated.  A clause that says the claim's words with one of them replaced by its opposite
    (`_OPPOSITES`: "has low toxicity" against "has high toxicity") and not under a negation
    negates it too.  The learned polarity model hardly reads this (SciFact's evidence seldom repeats its
    claim's words), so it is a rule; what it does on SciFact train is in assistant/models/README.md."""
    if _RATHER_THAN.search(claim) or _RATHER_THAN.search(sentence):
        # "reduce the dosage rather than stopping sertraline abruptly" says not to stop it so
        return negates(_RATHER_THAN.sub("; not ", claim), _RATHER_THAN.sub("; not ", sentence))
    claim_clauses, sentence_clauses = _clauses(claim), _clauses(sentence)
    said = set().union(*(_content(*c) for c in claim_clauses))
    if not said or _excepted(said, sentence):
        return False
    if any(_says_opposite(t, s, said) for t, s in sentence_clauses):
        return True
    if _NOT_USED.search(sentence) and any(_says_opposite(t, s, said) for t, s in _clauses(_NOT_USED.sub(" should be avoided", sentence))):
        return True  # "should not be used in women who could become pregnant" against "safe in pregnancy"
    claim_neg = any(_negations(t) for t, _ in claim_clauses)
    sentence_neg = any(_negations(t) for t, _ in sentence_clauses)
    if claim_neg and sentence_neg:
        # both negate something: the claim a word the sentence says plainly, its own negation in
        # another clause ("Digital CBT-I must never be offered." against "... may be offered to
        # people who ... cannot attend ...")
        shared = said & set().union(*(_content(*c) for c in sentence_clauses))
        if len(shared) < _COVERED * len(said):
            return False
        negated = {w for t, s in claim_clauses for w in _negated_words(t, s, shared)}
        return bool(negated) and not any(_negated_words(t, s, negated) for t, s in sentence_clauses)
    if claim_neg == sentence_neg:
        return False
    # A negated word said of another thing than on the other side negates nothing the claim says.
    if sentence_neg:
        return any(len(said & _content(t, s)) >= _COVERED * len(said)
                   and any(not _of_another(w, (t, s), claim_clauses) for w in _negated_words(t, s, said & _content(t, s)))
                   for t, s in sentence_clauses)
    shared = said & set().union(*(_content(*c) for c in sentence_clauses))
    return len(shared) >= _COVERED * len(said) and any(
        not _of_another(w, (t, s), sentence_clauses) for t, s in claim_clauses for w in _negated_words(t, s, shared))

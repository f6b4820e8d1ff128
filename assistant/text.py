"""Text helpers every stage shares: Unicode normalisation, control characters, stop words, stemming
and BM25 tokens.

Public API: `normalize_unicode`, `strip_control`, `collapse_spaces`, `has_surrogate`, the word lists
(`STOP_WORDS`, `FUNCTION_WORDS`, `QUESTION_FILLER`), `british_spellings`, `american_spelling`, `stemmer`,
`stems`, `same_stem`, `bm25_tokenize`, `bm25_terms`, `greek_named`, `acronyms`, `numbered_references`, `mixed_case_names`, `WORD`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache

__all__ = ["FUNCTION_WORDS", "MIN_REPEAT", "MONTH", "OPPOSITE_WORDS", "QUESTION_FILLER", "RELEASE_NOTE", "STOP_WORDS",
           "UNFINISHED_WORDS", "WORD", "ends_unfinished",
           "acronym_definitions", "acronyms", "document_acronyms",
           "american_spelling", "command_options", "dotted_numbers", "step_numbers", "holds_number", "holds_option",
           "bm25_terms", "bm25_tokenize", "british_spellings", "expanded_acronyms", "glossary_definitions", "glossary_entry",
           "greek_named", "heading_names_number", "release_numbers",
           "glossary_only", "hyphen_joined", "identifiers", "mention_patterns", "mixed_case_names", "numbered_references",
           "collapse_spaces", "has_surrogate", "normalize_unicode",
           "same_stem", "same_text", "spelled_out", "stemmer", "stems", "strip_control"]

_CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\u00b4": "'",  # an acute accent typed for an apostrophe ("client´s")
    "\u2010": "-", "\u2011": "-",  # the typographic hyphens (groff sets every hyphen of a manual page as U+2010)
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\r": "\n", "\t": " ", "\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n",
}
# A regex over the mapped characters: str.translate looks up every character in a dict, several
# times slower on long, mostly clean text (loading 5,000 abstracts spent 0.27 s there).
_MAPPED = re.compile("[" + "".join(_CHAR_MAP) + "]")
# Control characters a document may carry (line breaks and tabs are mapped above, not dropped).
_DOC_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# In a one-line input (question, claim): control and invisible format characters, and lone
# surrogates (a command-line argument that was not valid UTF-8 arrives with them).
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
# A lone surrogate (from a JSON "\ud800" escape) cannot be written as UTF-8: shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r" {2,}")

WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def has_surrogate(text: str) -> bool:
    return bool(_SURROGATE.search(text))


# A minus sign that opens a word: groff prints a manual page's options so ("−P", "−−force"), and a
# reader types them, and searches for them, with the hyphen-minus. Between spaces it is arithmetic's.
_OPTION_MINUS = re.compile(r"(?<![\w\u2212])\u2212(?=\u2212?[A-Za-z])|(?<=(?<![\w\u2212])\u2212)\u2212(?=[A-Za-z])")


def normalize_unicode(text: str) -> str:
    """NFC, typographic spaces and ligatures mapped, an option's minus sign written as a hyphen,
    invisible characters and control codes dropped."""
    text = _MAPPED.sub(lambda m: _CHAR_MAP[m.group()], text)
    if "\u2212" in text:
        text = _OPTION_MINUS.sub("-", text)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return _DOC_CONTROL.sub("", text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces as one (line breaks kept)."""
    return _SPACES.sub(" ", text) if "  " in text else text


# A sentence this long found again in another document is the same text (a file added twice, a
# chapter also inside a whole-book page), not a common phrase such as "Results are shown below."
MIN_REPEAT = 40


def same_text(text: str) -> str:
    """`text` as compared for repeats: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def strip_control(text: str) -> str:
    """`text` on one line: control and format characters and lone surrogates as spaces, runs of
    whitespace as one space, trimmed."""
    return re.sub(r"\s+", " ", _LINE_CONTROL.sub(" ", text)).strip()


def _load_stop_words() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


# bm25s's short English list, for BM25 and the highlight's term share: the index's stored terms
# depend on it, so changing it means re-indexing.
STOP_WORDS: frozenset[str] = _load_stop_words()
# English function words for claim features: longer than BM25's, and without "no"/"not", which
# decide a claim's polarity.
FUNCTION_WORDS: frozenset[str] = frozenset("""a an the of to in on for with and or but by from at as is are was were be
been being do does did have has had can could should would may might will this that these those it its they
them their there than then so such also any some into which who whom whose what when where why how we our us
i he she his her between within during after before over under about via per""".split())
# A month's name, whole or cut short ("January", "Jan", "Sept"), as a pattern without a group.
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# Words of opposite direction or sense, in pairs ("increases" / "decreases", "effective" /
# "ineffective"): a claim's opposite, or a question asked the opposite way.
OPPOSITE_WORDS: tuple[tuple[str, str], ...] = (
    ("increase", "decrease"), ("increases", "decreases"), ("increased", "decreased"), ("increasing", "decreasing"),
    ("higher", "lower"), ("high", "low"), ("more", "less"), ("greater", "smaller"), ("enhances", "reduces"),
    ("enhance", "reduce"), ("enhanced", "reduced"), ("promotes", "inhibits"), ("promote", "inhibit"),
    ("promoted", "inhibited"), ("activates", "suppresses"), ("activate", "suppress"), ("activated", "suppressed"),
    ("positive", "negative"), ("positively", "negatively"), ("upregulates", "downregulates"),
    ("upregulated", "downregulated"), ("improves", "worsens"), ("improve", "worsen"), ("improved", "worsened"),
    ("accelerates", "slows"), ("induces", "prevents"), ("induce", "prevent"), ("induced", "prevented"),
    ("elevated", "reduced"), ("raises", "lowers"), ("stimulates", "inhibits"), ("facilitates", "impairs"),
    ("beneficial", "harmful"), ("effective", "ineffective"), ("required", "dispensable"),
    ("necessary", "unnecessary"), ("gain", "loss"), ("risk", "protection"), ("protects", "predisposes"),
    ("better", "worse"), ("strong", "weak"), ("stronger", "weaker"), ("major", "minor"), ("common", "rare"),
    ("maintained", "lost"), ("maintain", "lose"), ("sustained", "lost"),
)
# A software manual's note of the release that brought or changed something ("New in version 3.9.",
# "Added in version 3.12.", "Changed in version 3.11: ..."), up to the version's first digit.
RELEASE_NOTE = re.compile(r"^\W*(?:new|added|changed|deprecated|removed)\s+(?:in|since)\s+(?:version|release)\s+v?\d", re.I)
# Words a phrase does not end on: a line ending on one goes on ("1. Cognitive remediation therapy
# will be superior to" / "standard treatment ..."), as a heading does not.
UNFINISHED_WORDS: frozenset[str] = frozenset("""a an the to of and or nor but with for from by as than that which
whose into onto between be is are was were will would towards toward via upon among amongst versus""".split())
# A preposition a wh-clause leaves at its end: "What Amitriptyline is and what it is used for",
# "What to look out for" end so, finished.
_STRANDED_BY_WH = re.compile(r"\b(?:what|which|who|whom|where)\b.*\s(?:for|of|with|from|by|to|into|onto|upon|about|in|on|at)\W*$",
                             re.I)


def ends_unfinished(line: str) -> bool:
    """Whether a line ends on a word no phrase ends on (`UNFINISHED_WORDS`), but for a preposition
    a wh-clause strands ("what it is used for")."""
    words = line.split()
    return bool(words) and words[-1].lower() in UNFINISHED_WORDS and not _STRANDED_BY_WH.search(line)


# Words a follow-up question carries that name no topic ("Please tell me more about ...").
QUESTION_FILLER: frozenset[str] = frozenset("""shall here me my you your not no yes please tell show explain
give more much many same other else again too very just only""".split())

_STEMMER = None
_STEMS: dict[str, str] = {}
_BM25_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's (and scikit-learn's) default pattern


@lru_cache(maxsize=1)
def british_spellings() -> Mapping[str, str]:
    """breame's British spellings (lower case), each with its American one."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return BRITISH_ENGLISH_SPELLINGS


def american_spelling(word: str) -> str:
    """`word` (lower case) spelt as in American English where breame lists its British spelling
    ("behaviour" -> "behavior", "haemoglobin" -> "hemoglobin"), each part of a hyphenated word alike."""
    table = british_spellings()
    if "-" in word:
        return "-".join(table.get(part, part) for part in word.split("-"))
    return table.get(word, word)


class _Stemmer:
    """Snowball's English stemmer reading each word in its American spelling, so that a question
    spelt one way finds the documents spelt the other ("cognitive behavioural therapy" and
    "cognitive-behavioral therapy" share their stems)."""

    def __init__(self) -> None:
        import Stemmer

        self._snowball = Stemmer.Stemmer("english")

    def stemWord(self, word: str) -> str:  # noqa: N802 - PyStemmer's names
        return self._snowball.stemWord(american_spelling(word))

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802
        return self._snowball.stemWords([american_spelling(w) for w in words])


def stemmer() -> _Stemmer:
    """The one English stemmer of this process (`_Stemmer`)."""
    global _STEMMER
    if _STEMMER is None:
        _STEMMER = _Stemmer()
    return _STEMMER


def _stem_all(words_per_text: list[list[str]]) -> list[list[str]]:
    cache = _STEMS
    unseen = list({w for words in words_per_text for w in words if w not in cache})
    if unseen:
        if len(cache) + len(unseen) > 2_000_000:  # bound the cache on huge vocabularies
            cache.clear()
        cache.update(zip(unseen, stemmer().stemWords(unseen)))
    return [[cache[w] for w in words] for words in words_per_text]


_IDENTIFIER = re.compile(r"(?=\w*\d)(?=\w*[^\W\d_])\w+")


def identifiers(tokens: list[str]) -> list[str]:
    """The BM25 terms that are identifiers, letters and digits ("e0382", "brca2", "p53"), once each."""
    return list(dict.fromkeys(t for t in tokens if _IDENTIFIER.fullmatch(t)))


def bm25_tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free, stemmed tokens: the output of `bm25s.tokenize(...,
    stopwords="en", stemmer=english_stemmer, return_ids=False)`, but without accents
    (`_unaccented`), Greek letters by their names (`greek_named`), each word stemmed in its
    American spelling (`stemmer`), and with a
    process-wide stem cache, so re-indexing a mostly unchanged collection does not pay for
    stemming again."""
    return _stem_all([[w for w in _BM25_TOKEN.findall(greek_named(_unaccented(t.lower()))) if w not in STOP_WORDS]
                      for t in texts])


def same_stem(a: str, b: str) -> bool:
    """Whether BM25 terms `a` and `b` are one word's: equal, one opening the other (four letters
    or more: "regist" of "registered" and "registr" of "registration"), or a verb's and its noun's,
    whose stems end in "d" and "s" ("exclud" and "exclus", "decid" and "decis") or in "t" and
    "ss" ("admit" and "admiss", "permit" and "permiss")."""
    if a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))):
        return True
    if len(a) == len(b) >= 5 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"d", "s"}:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and short.endswith("t") and long == short[:-1] + "ss"


_GREEK_LETTER = re.compile(r"[\u0370-\u03ff]")
_GREEK_NAME = re.compile(r"GREEK (?:SMALL |CAPITAL )?(?:LETTER (?:FINAL )?(\w+)|(\w+) SYMBOL)")
_SPELT_OTHERWISE = {"lamda": "lambda"}  # Unicode's spelling, not a reader's


@lru_cache(maxsize=256)
def _greek_name(letter: str) -> str:
    m = _GREEK_NAME.fullmatch(unicodedata.name(letter, ""))
    name = (m.group(1) or m.group(2)).lower() if m else ""
    return _SPELT_OTHERWISE.get(name, name)


def greek_named(text: str) -> str:
    """`text` with each Greek letter as its name, a word of its own ("TNF- alpha ", "coefficient
    alpha "), as a question types it: the letter alone is no BM25 term (one character), so
    "coefficient alpha" had never matched "coefficient α", nor "TNF-alpha" "TNF-α"."""
    if text.isascii():
        return text
    return _GREEK_LETTER.sub(lambda m: f" {_greek_name(m.group())} " if _greek_name(m.group()) else m.group(), text)


def _unaccented(text: str) -> str:
    """`text` without its letters' accents ("Sjögren" -> "Sjogren", "naïve" -> "naive"), as a
    question is often typed: a letter's combining marks dropped after Unicode's decomposition."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def bm25_terms(texts: list[str]) -> list[list[str]]:
    """What BM25 indexes: `bm25_tokenize`'s tokens, then each hyphenated word joined
    (`hyphen_joined`), each acronym as written, then the numbered reference each caption opens
    with (`numbered_references`).  A question is searched by the same, less the joined words."""
    return [words + hyphen_joined(t) + acronyms(t) + numbered_references(t, captions=True)
            for words, t in zip(bm25_tokenize(texts), texts)]


_HYPHENATED = re.compile(r"\b(?=[\w-]*[^\W\d_])\w+(?:-\w+)+\b")


def hyphen_joined(text: str) -> list[str]:
    """Each hyphenated word with a letter in it, written without its hyphens and stemmed: "follow-up"
    -> "followup", "COVID-19" -> "covid19".  BM25 indexes them beside the parts, so a question that
    writes the word whole ("followup", "COVID19") finds the text that hyphenates it; a question's
    own hyphenated words are searched by their parts alone, which a passage hyphenating them
    matches already (searched joined as well, they counted twice)."""
    words = [m.group().replace("-", "").lower() for m in _HYPHENATED.finditer(text)]
    return _stem_all([words])[0] if words else []


# A word then a number of up to three digits, with parts ("9-6", "2.3") and a letter ("3B", "S1"):
# "Table 2", "Fig. 3B", "Listing 9-6", "Section 2.3", "week 12". Years and counts of four digits or
# more are no reference.
_NUMBERED = r"\b([A-Za-z]{3,})\.?[ \u00a0]+(S?\d{1,3}(?:[.\-\u2013]\d{1,3})*)[A-Za-z]?(?![\w.\-\u2013]*\d)"
_REFERENCE = re.compile(_NUMBERED)
_CAPTION = re.compile(r"^[ \t]*" + _NUMBERED, re.M)


def numbered_references(text: str, captions: bool = False) -> list[str]:
    """"tab 2" for each "Table 2", "Tables 2", "Tab. 2" in a question, or with `captions` for each
    line of a passage that opens with one (its caption: "Table 2 Food group consumption",
    "Listing 9-6: A function that ..."), not a mention in running text ("as Table 2 shows").
    BM25's tokens drop a number of one character and keep none with its word, so "What does Table
    2 show?" matched every "table". The word is cut to its first three letters, as its
    abbreviations and plural are written ("Fig. 3" for "Figure 3"); a stop word names nothing."""
    pattern = _CAPTION if captions else _REFERENCE
    return [f"{word[:3].lower()} {number.replace(chr(0x2013), '-').lower()}" for word, number in pattern.findall(text)
            if word.lower() not in STOP_WORDS]


# A command-line option: "-k", "--keep", "-Wall" after a space or an opening mark (not "IL-6").
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def command_options(text: str) -> list[str]:
    """The command-line options `text` names, once each, as written ("-k", "--keep"): BM25's tokens
    leave out a one-letter option and part every long one from its dashes."""
    return list(dict.fromkeys(_OPTION.findall(text)))


def holds_option(text: str, option: str) -> bool:
    """Whether `text` names `option` as a whole word ("-k" is not in "-kv" nor in "x-k")."""
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


# A number with parts, as versions and sections are written ("3.16", "v2.6.30", "7.3.22"): BM25's
# tokens keep only its parts of two or more characters ("16"), which many other numbers share.
_DOTTED = re.compile(r"(?<![\w.])v?(\d+(?:\.\d+)+)(?![\w.]*\d)")


def dotted_numbers(text: str) -> list[str]:
    """The numbers with parts that `text` names, once each, without a leading "v" ("3.16", "2.6.30")."""
    return list(dict.fromkeys(_DOTTED.findall(text)))


# A step of a procedure named by its number: "step 6", "Step no. 3", "step #2".
_STEP = re.compile(r"\bstep\s+(?:no\.?\s*|number\s+|#\s*)?(\d{1,2})(?![\d.,]\d|\s*%)", re.I)


def step_numbers(text: str) -> list[str]:
    """The numbers of the steps `text` names, once each ("6" of "What is step 6?"): BM25's tokens
    drop a number of one character, and "6" is any six."""
    return list(dict.fromkeys(_STEP.findall(text)))


# A release named by its number: three parts or more ("3.4.0", "v1.12.4"), or two after "version",
# "release" or "v" ("version 3.1", "v2.0"); a measurement's "0.05" is none.
_RELEASE = re.compile(r"(?<![\w.])(?:(?:version|release)\s+v?|v)(\d+(?:\.\d+)+)(?![\w.]*\d)|"
                      r"(?<![\w.])(\d+(?:\.\d+){2,})(?![\w.]*\d)", re.I)


def release_numbers(text: str) -> list[str]:
    """The releases `text` names by number, once each, without a leading "v" ("3.4.0", "3.1" of
    "version 3.1-0")."""
    return list(dict.fromkeys(a or b for a, b in _RELEASE.findall(text)))


def heading_names_number(heading: str, number: str) -> bool:
    """Whether a heading names `number` after its own section number, whole or as the series of a
    release it names: "ggplot2 3.4.0" names 3.4.0 and 3.4 (a question asking of "ggplot2 3.4" asks
    of its releases), "Changes to Version 3.1-0" names 3.1, "3.4 Results" names no 3.4, "3.45" no 3.4."""
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", _HEADING_NUMBER.sub("", heading)) is not None


_HEADING_NUMBER = re.compile(r"^\s*(?:[A-Z]\.)?\d+(?:\.\d+)*\.?(?=\s|$)")


def holds_number(text: str, number: str) -> bool:
    """Whether `text` names `number` whole ("3.16" is in "CPython 3.16-dev" and "v3.16", not in
    "3.16.1" nor "13.16")."""
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\.?\d)", text) is not None


def acronyms(text: str) -> list[str]:
    """Words of three or more characters written in capitals ("LIMIT", "PANSS", "NK1") in lines that
    also hold lower-case letters, kept as written: lower-cased and stemmed, a study called LIMIT
    matches every "limited" and "limits" of other documents, and AIDS matches "aid".  Upper-case
    tokens never equal a stem, so this only adds matches; a line wholly in capitals (a heading, a
    shouted question) adds none."""
    if not any(c.isupper() for c in text):
        return []
    return [w for line in text.splitlines() if any(c.islower() for c in line)
            for w in _BM25_TOKEN.findall(line) if len(w) >= 3 and w.isupper()]


_MIXED_CASE = re.compile(r"\b\w*[a-z][A-Z]\w*\b")


def mixed_case_names(text: str) -> list[str]:
    """Words with a capital after a small letter, as names of studies and products are written
    ("GoActive", "BeneMin", "PubMed"), as BM25 terms (lower-cased and stemmed, as indexed)."""
    found = _MIXED_CASE.findall(text)
    return bm25_tokenize([" ".join(found)])[0] if found else []


# An abbreviation defined in parentheses after its long form: "cholera toxin B subunit (CTb)", or
# first in them: "moderate-to-vigorous physical activity (MVPA; >=2000 counts/min)".
_DEFINED = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{1,9})(?:\)|[;,]\s)")


def _long_form(short: str, before: str) -> str:
    """The long form `short` abbreviates at the end of `before`, or "" (Schwartz and Hearst, 2003:
    the short form's letters and digits found right to left in order, its first one opening a word)."""
    s, i = len(short) - 1, len(before) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (before[i].lower() != c or (s == 0 and i > 0 and before[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return ""
        i -= 1
        s -= 1
    start = before.rfind(" ", 0, i + 1) + 1
    return before[start:].strip()


@lru_cache(maxsize=64)
def document_acronyms(text: str) -> dict[str, str]:
    """`acronym_definitions` of a whole document's text, parsed once a document (read, never changed:
    the answer's highlight and the claim checker ask it for every candidate passage or sentence)."""
    return acronym_definitions(text)


def acronym_definitions(text: str) -> dict[str, str]:
    """Abbreviations a document defines ("(CTb)" after "cholera toxin B subunit"), with two or more
    capitals, each with its first long form."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        if short in out or sum(c.isupper() for c in short) < 2:
            continue
        words = text[max(0, m.start() - 300) : m.start()].split()
        long = _long_form(short, " ".join(words[-min(len(short) + 5, 2 * len(short)):]))
        if len(long.split()) >= 2:
            out[short] = long
    return out


# An entry of a list of abbreviations: "UHR: Ultra-high risk;", "CTb, cholera toxin B subunit;".
_GLOSSED = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9-]{1,9})\s*[:,=–—]\s+([^;:,\n]{3,80}?)\s*(?=[;.\n]|$)")


def glossary_definitions(text: str) -> dict[str, str]:
    """Abbreviations a list of them spells out ("Abbreviations: ... QALY: Quality adjusted life
    years; ..."), with two or more capitals, each with its long form: the words after it whose
    initial letters it takes in order, as `acronym_definitions` reads the words before one."""
    out: dict[str, str] = {}
    for short, long, _ in _glossed(text):
        out.setdefault(short, long)
    return out


def glossary_entry(text: str, short: str) -> tuple[int, int] | None:
    """Where in `text` a list of abbreviations spells out `short` ("QALY: Quality adjusted life
    years"), as `glossary_definitions` reads it; None where it does not."""
    return next((span for s, _, span in _glossed(text) if s == short), None)


def glossary_only(text: str, short: str) -> bool:
    """Whether `text` names the abbreviation `short` only in a list of abbreviations that spells it
    out ("QALY: Quality adjusted life years;"), and neither it nor that long form anywhere else: such
    an entry says what the name stands for and nothing about it (papers list every abbreviation of
    their protocol, tables and supplements)."""
    entries = [(span, long) for s, long, span in _glossed(text) if s == short]
    if not entries:
        return False
    rest = text
    for (a, b), _ in reversed(entries):
        rest = rest[:a] + "\n" + rest[b:]
    return not any(p.search(rest) for p in mention_patterns(short, entries[0][1]))


def mention_patterns(short: str, long: str) -> tuple[re.Pattern, re.Pattern]:
    """An abbreviation as a word ("QALY", "QALYs"), and its long form with any spaces or hyphens and
    in either number ("quality-adjusted life year")."""
    words = re.split(r"[\s-]+", long.strip())
    words[-1] = words[-1].removesuffix("s")
    return (re.compile(r"(?<![\w-])" + re.escape(short) + r"s?(?![\w-])"),
            re.compile(r"(?<![\w-])" + r"[\s-]+".join(map(re.escape, words)) + r"s?(?![\w-])", re.I))


def _glossed(text: str) -> Iterator[tuple[str, str, tuple[int, int]]]:
    for m in _GLOSSED.finditer(text):
        short, long = m.group(1), m.group(2).strip()
        if sum(c.isupper() for c in short) >= 2 and len(long.split()) >= 2 and _long_form(short, long) == long:
            yield short, long, (m.start(1), m.start(2) + len(long))


def expanded_acronyms(text: str, definitions: dict[str, str]) -> str:
    """The long forms of the defined abbreviations `text` uses but does not spell out, one line each:
    what BM25 also indexes for a passage, so that a question saying "cholera toxin" finds the
    passage that says "CTb"."""
    if not definitions:
        return ""
    low = text.lower()
    used = set(_short_forms(tuple(definitions)).findall(text))
    return "\n".join(long for short, long in definitions.items() if short in used and long.lower() not in low)


def spelled_out(text: str, definitions: Mapping[str, str]) -> str:
    """`text` with each abbreviation of `definitions` it uses, as a word of its own, read as its long
    form ("Is CBT effective?" as "Is cognitive behavioural therapy effective?")."""
    if not definitions:
        return text
    return _short_forms(tuple(definitions)).sub(lambda m: definitions[m.group(1)], text)


@lru_cache(maxsize=256)
def _short_forms(shorts: tuple[str, ...]) -> re.Pattern:
    """One pattern for a document's abbreviations, each as a word of its own (compiled once: a
    pattern per abbreviation and text cost more than the search it serves)."""
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(shorts, key=len, reverse=True))) + r")(?![\w-])")


def stems(text: str) -> list[str]:
    """Stemmed content words of `text` in order, hyphenated words kept whole (claim features)."""
    return _stem_all([[w for w in WORD.findall(text.lower()) if w not in FUNCTION_WORDS]])[0]

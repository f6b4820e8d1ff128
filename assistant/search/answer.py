"""Which sentence of a passage answers, how likely the passage holds the answer, and when nothing does.

Two logistic regressions stored as JSON in `assistant/models/answer.json` (trained by
`python -m assistant.search.train_answer`; what they learned from is written there and in
`assistant/models/README.md`):
- the sentence model scores each sentence of a passage from `SENTENCE_FEATURES` (its cosine with the
  question, its neighbours' and its passage's, the share of the question's terms it holds, each
  weighted by its rarity (`term_weights`)); the highlight is the best-scoring sentence that is not
  heading-like (`is_heading_like`; a short line right under another line of its table or list is
  a row, not a heading) nor a line of code (`is_code_like`), or the one right after a heading-like
  line that scores best of all, unless that one is a row under a table's header (`pick`), shown
  with the sentence before it when it opens by pointing back to that one, and with the one after
  it when that one opens the enumeration it announces or is the command its colon announces, or
  with the list its colon announces when each item is a sentence (`answer_span`); for a question
  asking for an amount, the best sentence that states a number, a citation's aside, and for how
  often, a rate over time (`asked_amount`); for where something is done, a place's name, and for who
  made or paid for a thing, a sentence saying who did (`asked_statement`); for what a term is, the best sentence that defines it
  (`asked_term`, `states_definition`); a highlight that opens a list item runs on to a value the
  item gives under a label the question names ("Default: 30.", `labelled_value_end`);
- the relevance model turns `RELEVANCE_FEATURES` of a passage into the probability that it holds the
  answer (on SciFact train claims: that it is a passage of an evidence abstract containing a
  rationale sentence), calibrated out of fold.
A search is *answered* when some hit's probability reaches the model's `answer_bar`; otherwise the
hits are the closest passages, not answers.  `match_words` says a probability in words.

Public API: `AnswerModel`, `PassageAnswer`, `SENTENCE_FEATURES`, `RELEVANCE_FEATURES`, `MODEL_PATH`,
`about_a_document`, `answer_model`, `answer_span`, `asked_amount`, `asked_entry`, `asked_expansion`, `asked_statement`,
`asked_term`, `asked_values`, `asks_aim`, `asks_figure`, `shows_figure`, `names_row`, `gives_range`, `range_holds`, `without_values`,
`asks_code_name`, `asks_doi`, `asks_document_date`, `asks_front_matter`, `asks_gist`,
`asks_person`, `asks_place`, `asks_count_done`, `asks_share`, `defines`, `counts_with_share`, `states_rate`,
`states_share`,
`is_byline`, `is_code_like`, `is_heading_like`, `is_reply`, `is_question`, `labelled_value_end`,
`labels_statement`, `list_asked`, `listed_names`, `lists_names_only`, `match_words`, `measured`,
`opens_entry`, `passage_answer`, `pick`, `points_elsewhere`, `pool_cosine`, `poses_question`, `refers_back`,
`relevance_features`, `sentence_features`, `states_action`, `states_definition`, `states_entry`, `states_origin`, `states_place`,
`term_weights`,
`MatchWord`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from assistant.chunking import is_list_item, item_mark
from assistant.index import Index
from assistant.ingest import AFFILIATION, BULLET, is_date
from assistant.ingest.words import english_words
from assistant.linear import LinearModel
from assistant.search.questions import own_words, unquoted
from assistant.text import (
    FUNCTION_WORDS,
    MONTH,
    RELEASE_NOTE,
    STOP_WORDS,
    acronym_definitions,
    bm25_tokenize,
    command_options,
    document_acronyms,
    expanded_acronyms,
    glossary_definitions,
    same_stem,
    stemmer,
)

__all__ = ["about_a_document", "asked_superlative", "asks_reason", "asks_treatment", "asks_use", "dates_event", "gives_reason",
           "asked_action", "asked_advice", "asked_count_of", "asks_count_done", "asks_share", "counts_with_share", "states_share",
           "measured_terms", "same_cells", "states_treatment", "states_use", "MODEL_PATH",
           "RELEVANCE_FEATURES", "SENTENCE_FEATURES",
           "AmountKind", "AnswerModel", "MatchWord",
           "PassageAnswer", "PersonKind", "answer_span", "answer_model", "asked_amount", "asked_expansion", "asked_statement",
           "asked_entry", "asked_term", "asked_values", "asks_aim", "asks_figure", "names_row", "shows_figure",
           "gives_range", "range_holds", "without_values", "asks_code_name", "asks_definition", "asks_doi", "asks_document_date",
           "asks_front_matter", "asked_means", "asked_interval", "states_attribute",
           "asks_examples", "asks_gist", "asks_origin", "asks_person", "asks_place", "asks_writers", "defines", "gives_examples",
           "is_byline", "is_code_like", "is_heading_like", "is_reply", "refers_back",
           "is_question", "labelled_value_end", "labels_statement", "list_asked", "listed_names", "lists_names_only", "match_words",
           "measured",
           "is_caption_title",
           "names_few_writers",
           "names_titled_person",
           "names_no_document", "names_time",
           "names_writer", "opens_entry", "opens_signature", "states_entry", "passage_answer", "pick", "points_elsewhere", "pool_cosine",
           "poses_question",
           "relevance_features", "sentence_features",
           "states_action", "states_definition", "states_origin", "states_place", "states_rate", "term_weights",
           "BYLINE_PARTS", "DONE_AT_PLACE_TERMS", "event_words", "lists_aims", "states_number", "states_time_point"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "answer.json"

# What makes a sentence the answer is how it matches the question, not its form: the training
# abstracts' rationale sentences are long and numeric, which a user's documents' answers need not be.
SENTENCE_FEATURES = ["cos", "cos_minus_best", "cos_prev", "cos_next", "term_share"]
RELEVANCE_FEATURES = ["cos_passage", "cos_margin", "cos_gap", "answer_logit", "answer_cos", "answer_term_share",
                      "passage_term_share", "is_question"]
# cos_margin: the passage's cosine minus the mean of the POOL best documents' cosines (how far it
# stands out from what the collection offers); cos_gap: minus the best candidate's cosine.
POOL = 10
_QUESTION = re.compile(r"^\s*(what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                       r"should|would|will|has|have|had)\b", re.I)
# A request is a question put otherwise: "Give me an example of ...", "Tell me about ...", "Explain
# ...", "List the side effects of ...".
_REQUEST = re.compile(r"^\s*(?:please\s+)?(?:give|tell|explain|describe|list|name|define|summari[sz]e|outline)\b", re.I)

MatchWord = Literal["strong match", "partial match", "weak match"]
_END = re.compile(r"[.!;:)\]\"'”’]\s*$")


def is_question(text: str) -> bool:
    """A question rather than a statement (a claim, a keyword query), or a request for an answer
    ("Give me an example of ...", `_REQUEST`): questions match their answers with lower cosines
    than claims match their evidence."""
    return text.rstrip().endswith("?") or bool(_QUESTION.match(text)) or bool(_REQUEST.match(text))


def pool_cosine(dense: np.ndarray, docs: np.ndarray) -> tuple[float, float]:
    """Mean cosine of the POOL best documents (each by its best candidate passage) and the best
    one: how close the collection comes to the question at all.  By documents, not passages: the
    many passages of one long document would otherwise fill the pool, and a passage would have to
    stand out from its own neighbours; only in a document searched alone must it."""
    if not len(dense):
        return 0.0, 0.0
    dense = np.asarray(dense, dtype=np.float64)
    order = np.argsort(-dense, kind="stable")
    _, first = np.unique(np.asarray(docs)[order], return_index=True)
    # A document alone (a paper indexed on its own) is its own pool: its best passages, since its
    # best passage had nothing to stand out from but itself.
    best = np.sort(first) if len(first) > 1 else np.arange(min(POOL, len(order)))
    top = dense[order[best]][:POOL]
    return float(top.mean()), float(top[0])


def match_words(probability: float) -> MatchWord:
    """Thirds of the calibrated probability: a strong match holds the answer two times in three or
    more, a weak one less than one time in three."""
    return "strong match" if probability >= 2 / 3 else "partial match" if probability >= 1 / 3 else "weak match"


def is_heading_like(text: str, start: int, title: str, heading_starts: frozenset[int]) -> bool:
    """A line that names a topic but states nothing, so it never is the answer: a section heading
    of the document (a section starts at it), the document's title, a question (headings and
    rhetorical questions in the text), a label of a few words ending in a colon ("For example:",
    announcing what follows; a longer line ending so may state the answer: "There are two main
    types:"), a single word without a number, or a short line without a sentence end and without a
    number (a table row with numbers may be the answer; a digit inside a name, "Libtasn1", "MP3
    players", is no number) unless it is a bulleted list's item of two words or more."""
    t = text.strip()
    if not t:
        return True
    if start in heading_starts or t.casefold() == title.strip().casefold() or (t.endswith("?") and not _ASKS_AFTER_COLON.match(t)):
        return True
    if t.endswith(":") and len(t.split()) < 4:
        return True
    if len(t.split()) == 1 and not _NUMERAL.search(t):
        return True  # one word, even with a full stop ("Notes.", a table's footnotes' label)
    if _LABEL_ALONE.fullmatch(t):
        return True  # a label and its number alone ("Section 1" on a deck's section slide, "Table 2")
    # A term in quotes alone, an item's run-in label ('• "Still reachable". This covers ...'): it
    # names what the sentences after it say.
    if (quoted := _QUOTED_LABEL.fullmatch(BULLET.sub("", t))) and len(quoted.group(1).split()) <= _LABEL_WORDS:
        return True
    # A bulleted item of two words or more states an item of its list ("– Stimulus control" under
    # "CBT-I components"), where a heading names a topic: a slide's short items had all stood aside
    # and the slide's title was the highlight.
    if item_mark(t) not in ("", "1") and len(t.split()) >= 3:
        return False
    # An option and what it does, a row of a program's help ("-c, --check checks the syntax only"),
    # states what the option does, as a list's item does.
    if _OPTION_ENTRY.match(t):
        return False
    # A numbered item's number is its bullet, no word nor number it states ("13. Maximum Number Of
    # Rows In A Table"), and so is a section's number ("2.3.1 Outlier detection") and a numbered
    # label's ("Example 1: To create an IAM user", "Step 2: Install Clippy"; a caption's is read as
    # a caption).
    item = _NUMBERED_LABEL.sub("", _ENUMERATOR.sub("", _SECTION_NUMBER.sub("", t)))
    return len(item.split()) < 8 and not _END.search(t) and not _NUMERAL.search(item)


# A statement whose colon announces the question it ends with ("Ask people who may have
# depression two questions: During the last month, have you often ...?") says what to ask; a
# label before the colon ("Q:", "Question 3:") is no statement.
_ASKS_AFTER_COLON = re.compile(r"^(?:\S+\s+){3,}\S*:\s+\S")
# A section's number before its capitalised name ("1.1 Years of life lost (YLL)", "2.3.1 Outlier
# detection"), a heading's mark where the reader did not mark the line as one.
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+(?=[A-Z])")
_NUMBERED_LABEL = re.compile(r"^(?!(?:fig(?:ure)?|table|tab|listing|exhibit|chart)s?\b)[A-Za-z][a-z]+\s+\d{1,3}[a-z]?:\s+(?=\S)",
                             re.I)


# A program's help's row: options ("-c, --check", "-o, --output=FILE"), then two words or more.
_OPTION_ENTRY = re.compile(r"(?:--?[^\W\d_][\w-]*(?:=\S+)?,?\s+)+[^\W\d_][\w'-]*(?:\s+\S+)+$")
_LABEL_ALONE = re.compile(r"[A-Z][a-z]{2,}\.?\s+(?:\d{1,3}(?:\.\d{1,3})*[a-z]?|[IVXLC]{1,6})\.?")
_QUOTED_LABEL = re.compile(r"[\"“‘']([^\"“”‘’']+)[\"”’'][.:]?")
_LABEL_WORDS = 5


# A journal reference's year, volume (issue) and pages: "2017;27(11):1341-1346", "2014;155:e12".
_JOURNAL = re.compile(r"\b(?:19|20)\d{2}\s*;\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*:\s*[eE]?\d+")
_ADDRESS = re.compile(r"https?://\S+|\bdoi:\s*\S+|\bwww\.\S+", re.I)


def _citation_like(text: str) -> bool:
    """A reference to a source rather than a statement: a short sentence that gives a journal's
    year, volume and pages, or one that is mostly a web address or a DOI."""
    t = text.strip()
    if _JOURNAL.search(t) and len(t.split()) < 15:
        return True
    return bool(t) and sum(len(m.group()) for m in _ADDRESS.finditer(t)) > 0.5 * len(t)


# A digit that starts a number: not one inside a name, after a letter.
_NUMERAL = re.compile(r"(?<![A-Za-z])\d")
# The amounts a sentence states only in words of their kind (not any number).
_SPECIFIC_AMOUNTS = frozenset({"frequency", "duration", "money", "date", "time", "age"})

# "Keywords: neuroscience, psychotherapy, counselling, depression": a label of one to three words,
# a colon, then a list.
_LABELLED = re.compile(r"^(?:[•*-]\s*)?([A-Z][^\W\d_]*(?:[ -][^\W\d_]+){0,2})\s*:\s*(\S.*)$", re.S)


def _in_fields(text: str, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) is a whole line of a record's head: labelled ("Label:
    value"), as is the line above or below it, one line break apart."""
    ls, le = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    le = len(text) if le < 0 else le
    if text[ls:start].strip() or text[end:le].strip() or not _LABELLED.match(text[ls:le].strip()):
        return False
    above = text[text.rfind("\n", 0, max(ls - 1, 0)) + 1 : max(ls - 1, 0)] if ls else ""
    below_end = text.find("\n", le + 1)
    below = text[le + 1 : len(text) if below_end < 0 else below_end] if le < len(text) else ""
    return any(_LABELLED.match(line.strip()) for line in (above, below) if line.strip())


def _term_list_label(text: str) -> str | None:
    """The label of a line that is a labelled list of terms ("Keywords: a, b, c, d", "Writing Group:
    JM Dodd, D Turnbull, ..."): four or more items of at most four words each, no parenthesis split
    by the commas (a signature's arguments) and a label without function words ("These included:"
    leads a sentence)."""
    m = _LABELLED.match(text.strip())
    if not m or any(w in STOP_WORDS for w in m.group(1).lower().split()):
        return None
    items = [i.strip() for i in re.split(r"[,;]", m.group(2).strip().rstrip("."))]
    if len(items) < 4 or any(not i or len(i.split()) > 4 or i.count("(") != i.count(")") for i in items):
        return None
    return m.group(1)


# A row of a table of fields, its label's cell ending in a colon: "Default: | KeepAlive On".
_FIELD_ROW = re.compile(r"^([A-Z][^\W\d_]*(?:[ -][^\W\d_]+){0,2})\s*:\s*\|\s*\S")


def list_asked(text: str, terms: Collection[str], field: bool = False) -> bool | None:
    """For a labelled list of terms (`_term_list_label`), whether the question (its `bm25_tokenize`
    terms) names its label; None for any other line.  Such a line repeats the topic's words and
    answers only what its label names: "What are the keywords?", not "Which brain regions ...?".
    A row of a table of fields (`_FIELD_ROW`) or a `field` of a record's head (a labelled line
    beside another) whose label the question names is one too ("What is the default value of
    Timeout?" and "Default: | TimeOut 60", not the "Description:" row above it; "Who sent
    apologies?" and a minute's "Apologies: Dr Peter Lindqvist" under "Present: ..."); one whose
    label it does not name may still answer ("What does KeepAlive do?" and its
    "Description:"), so it is None.  A list's label is named by its last word, the noun it lists:
    "Where is the study conducted?" names no "Study contact: a unit, a hospital, a telephone, an email"."""
    label = _term_list_label(text)
    if label is None:
        labelled = _FIELD_ROW.match(text.strip()) or (_LABELLED.match(text.strip()) if field else None)
        if labelled and any(w in STOP_WORDS for w in labelled.group(1).lower().split()):
            return None
        return True if labelled and set(bm25_tokenize([labelled.group(1).replace("-", " ").split()[-1]])[0]) & set(terms) else None
    head = bm25_tokenize([label.replace("-", " ").split()[-1]])[0]
    return bool(set(head) & set(terms))


@dataclass(frozen=True)
class PassageAnswer:
    """The sentence row to highlight (None without sentences), its answer log-odds, and the
    passage's relevance features."""

    sentence: int | None
    logit: float
    relevance: np.ndarray


class AnswerModel:
    """The sentence and relevance models, the bar for answering, and where they came from."""

    def __init__(self, spec: dict) -> None:
        self.sentence = LinearModel(spec["sentence"])
        self.relevance = LinearModel(spec["relevance"])
        if self.sentence.features != SENTENCE_FEATURES or self.relevance.features != RELEVANCE_FEATURES:
            raise ValueError("answer model features differ from the code's; retrain with "
                             "`python -m assistant.search.train_answer`")
        self.answer_bar = float(spec["answer_bar"])
        self.spec = spec

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> AnswerModel:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def sentence_logits(self, x: np.ndarray) -> np.ndarray:
        p = np.clip(self.sentence.predict(x), 1e-9, 1 - 1e-9)
        return np.log(p / (1 - p))

    def probability(self, relevance: np.ndarray) -> np.ndarray:
        return self.relevance.predict(np.atleast_2d(relevance))


@lru_cache(maxsize=1)
def answer_model() -> AnswerModel:
    """The shipped model, read once per process."""
    return AnswerModel.load()


def _heading_starts(index: Index, doc: int) -> frozenset[int]:
    return frozenset(s.start for s in index.document(doc).sections)


# The words by which a person asking names themselves ("Can my child ...?"), which BM25's stop words
# keep: a leaflet says "your child", so as the rarest words they had weighed most and matched none.
# ("us" is left: it is also "US", a country.)
_ASKER_WORDS = frozenset({"me", "my", "mine", "myself", "we", "our", "ours", "ourselves"})


def term_weights(index: Index, question: str, tokens: list[str]) -> dict[str, float]:
    """The question's stemmed terms (`tokens`, `bm25_tokenize`'s), each weighted by how rare it is
    among the passages (BM25's inverse document frequency): a term every passage of a manual holds
    ("node", "build") says little about which sentence answers, a rare one ("ram") much.  The
    numbers and command-line options the question names count too, whole ("4" of "at 4 weeks",
    "-k" of "What does the -k option do?", which BM25's tokens leave out; "4" is not "4.96"), each
    as much as its rarest word: they pick one row of a table, one option of a list.  The asker's
    own words (`_ASKER_WORDS`) are none of its terms."""
    unique = [t for t in dict.fromkeys(tokens) if t not in _ASKER_WORDS]
    terms = dict(zip(unique, index.idf(unique).tolist())) if unique else {}
    rarest = max(terms.values(), default=1.0)
    terms.update(dict.fromkeys(_exact_terms(question), rarest))
    return terms


# A number written on its own: not part of a name ("NK1", "COVID-19") nor of a longer number.
_WHOLE_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")


def _exact_terms(text: str) -> set[str]:
    """The whole numbers and command-line options of `text`, keyed apart from BM25's tokens ("#4",
    "#1000" for "1,000", "#-k")."""
    return ({"#" + m.group().replace(",", "") for m in _WHOLE_NUMBER.finditer(text)}
            | {"#" + option for option in command_options(text)})


def _share(terms: dict[str, float], tokens: set[str]) -> float:
    """The weighted share of the question's terms that `tokens` hold."""
    total = sum(terms.values())
    return sum(w for t, w in terms.items() if t in tokens) / total if total > 0 else 0.0


def sentence_features(index: Index, row: int, q: np.ndarray, terms: dict[str, float], amount: AmountKind | None = None
                      ) -> tuple[range, np.ndarray, np.ndarray, np.ndarray, dict[str, float], np.ndarray]:
    """Sentence rows of passage `row`, their `SENTENCE_FEATURES` (one row each; `terms` as
    `term_weights` gives them), which are
    heading-like or code (never the highlight while a sentence in words is there), which of those
    introduce the sentence after them (all but the document's title and code: a title sums up the
    document, a heading or a question line announces what follows), the passage's own features
    (cos_passage, passage_term_share), and which are labelled lists of terms whose label the
    question names (`list_asked`; those it does not name count as heading-like).  A sentence that
    poses a question ("whether") or states an aim ("we aimed to") counts as heading-like too,
    introducing nothing, unless the question asks for the aim or it states the `amount` the
    question asks for (`asked_amount`); so does a caption's title (the
    sentence after "Fig. 6.", or after "Listing 8-19:" in one sentence with it), unless the question
    asks about figures, tables or listings."""
    sentences = index.passage_sentences(row)
    n = len(sentences)
    if not n:
        none = np.zeros(0, bool)
        return sentences, np.zeros((0, len(SENTENCE_FEATURES)), np.float32), none, none, {}, none
    sims = index.sentence_vectors(sentences) @ q
    p = index.passage(row)
    doc = index.document(p.doc)
    spans = [index.sentence_span(r) for r in sentences]
    texts = [doc.text[s:e] for s, e in spans]
    labels = _row_labels(doc.text, spans, texts)
    # A sentence that says "CCs" holds the terms of "children's centres" the document defines it as.
    definitions = document_acronyms(doc.text)
    spelled = [expanded_acronyms(t, definitions) for t in texts]
    # And one that spells out an abbreviation the document defines holds the abbreviation: "What is
    # CET?" is answered by "Control-flow enforcement technology defends against ...".
    longs = [(short, long.lower()) for short, long in definitions.items()]
    abbreviated = [" ".join(short for short, long in longs if long in low) for low in map(str.lower, texts)] \
        if longs else [""] * n
    words = bm25_tokenize(texts + labels + spelled + abbreviated)
    tokens = [set(t) | set(label) | set(long) | set(short) | _exact_terms(text)
              for t, label, long, short, text in zip(words, words[n:], words[2 * n:], words[3 * n:], texts)]
    passage_terms = set().union(*tokens)
    cos_passage = float((index.passage_vectors(np.array([row])) @ q)[0])
    prev = np.concatenate([sims[:1], sims[:-1]])
    nxt = np.concatenate([sims[1:], sims[-1:]])
    x = np.column_stack([sims, sims - sims.max(), prev, nxt, [_share(terms, t) for t in tokens]]).astype(np.float32)
    starts = _heading_starts(index, p.doc)
    code = _comments_in_code(texts, np.array([is_code_like(t) for t in texts])
                             | np.array(_session_output(doc.text, spans), dtype=bool))
    rows = _table_rows(doc.text, spans, texts, code, starts, doc.title)
    # A heading's line may hold two sentences ("1.7." and "\"Larger Work\""): both are the heading.
    heading = np.array([is_heading_like(t, s, doc.title, starts) or doc.text.rfind("\n", 0, s) + 1 in starts
                        for t, (s, _) in zip(texts, spans)]) & ~rows
    heading |= _titles(doc.text, spans, texts, words[:n]) & ~rows
    # A table's header row names its columns over the rows under it ("Outcome | Effect (95% CI) |
    # Participants (studies)"): like a heading, it answers nothing itself.
    heading |= np.array([i + 1 < n and rows[i + 1] and not rows[i] and " | " in t and t.count(" | ") == texts[i + 1].count(" | ")
                         for i, t in enumerate(texts)], dtype=bool)
    # A line opening with an ellipsis under a heading goes on with it ("1.1 Years of life lost
    # (YLL)" over ". . . to diabetes or any other disease for that matter."): a heading too.
    heading |= np.array([bool(i) and heading[i - 1] and _ELLIPSIS_OPENING.match(t) is not None for i, t in enumerate(texts)])
    # A line introduces the sentence after it only when that one is prose: after a short log line
    # ("warning: missing documentation") the next line is more output, not its answer.
    # Nor does a table's header row or a list's lead-in: the line under it is one of its rows, which
    # says nothing about which row answers.
    # Nor does a line that a sentence ending in a colon announced ("Installation is done using the
    # npm install command:" over "npm install express"): it is that sentence's example, not a heading.
    # A question's answer may be a word or two ("Seven months.", "Yes, daily.").
    leads = heading & ~code & np.array([t.strip().casefold() != doc.title.strip().casefold() and i + 1 < n
                                        and (_is_prose(texts[i + 1])
                                             or (t.rstrip().endswith("?") and _says_words(texts[i + 1])))
                                        and not (i and texts[i - 1].rstrip().endswith(":") and not heading[i - 1])
                                        and not (rows[i + 1] and not _END.search(texts[i + 1]))
                                        for i, t in enumerate(texts)])
    # A line of code shares the question's names ("path.relative(...)") but says nothing in words:
    # like a heading, it is the highlight only when no sentence in words is there.
    heading |= code
    # So does a line of numbers or symbols alone (a table's cell, a superscript's "2" torn from
    # "I2", a plot's axis "−2.0 −1.0 0.0 1.0"): it says nothing in words, and "2" had been the
    # highlight for "What does the I2 statistic measure?", the axis for "How many observations ...?".
    heading |= np.array([not re.search(r"[^\W\d_]{2}", t) for t in texts])
    # So does a lead-in with nothing after it in its document ("Some concerns treated with
    # Neuropsychotherapy include:" closing a saved page whose list was lost): it announces what is not there.
    heading |= np.array([t.rstrip().endswith(":") and not doc.text[e:].strip() for t, (_, e) in zip(texts, spans)])
    # So does a reference to a source ("Thyroid 2017;27(11):1341-1346.", a bare web address): it
    # names its topic's words in a journal's title and says nothing of it.
    heading |= np.array([_citation_like(t) for t in texts])
    # So does a sentence that only points elsewhere ("See also git-fetch(1).", "For details, see
    # Section 4."): it shares its topic's words and says nothing of it.
    heading |= np.array([points_elsewhere(t) for t in texts])
    # A list of terms under a label the question does not name ("Keywords: ...") shares the
    # question's words and answers nothing asked: it stands aside like a heading, announcing nothing.
    listed = [list_asked(t, terms, _in_fields(doc.text, s, e)) for t, (s, e) in zip(texts, spans)]
    heading |= np.array([v is False for v in listed], dtype=bool)
    # A sentence that poses the question ("Little is known about whether HIV infection affects
    # ...", "We examined whether ...") or states what a study set out to find ("We aimed to
    # estimate the number of participants required ...") restates it and answers nothing.
    # A question about the aim itself ("What was the study's objective?") is answered by it.
    # One that states the rate, span, sum or date asked for answers it, whatever it goes on to ask:
    # "How often is treatment reviewed?" of "Your doctor will review the treatment at least once a
    # year to decide whether it is still needed." (Any number is no such amount: "we aimed to
    # estimate the number of participants required ... among 13-14 years old adolescents".)
    said = amount in _SPECIFIC_AMOUNTS
    if not _ASKS_AIM.intersection(terms):
        heading |= np.array([bool(_POSES.search(t) or _ROADMAP.search(t)) and not (said and _states_amount(t, amount))
                             for t in texts])
    # A figure's or table's caption opens with its title ("Fig. 6." then "Contact density by distance
    # from the cell body."): it names what is shown, and the sentences after it say what it
    # shows, unless the question asks about figures or tables themselves.
    # So does a caption whose label and title are one sentence ("Listing 8-19: Attempting to use
    # indexing syntax with a String").
    if not _ASKS_FIGURE.intersection(terms):
        titled = np.array([(i > 0 and bool(_CAPTION_LABEL.match(texts[i - 1])) and "\n" not in doc.text[spans[i - 1][1]:s])
                           or (bool(_CAPTION_TITLE.match(texts[i])) and doc.text[doc.text.rfind("\n", 0, s) + 1 : s].strip() == "")
                           for i, (s, _) in enumerate(spans)]) & ~code
        heading |= titled
    passage = {"cos_passage": cos_passage, "passage_term_share": _share(terms, passage_terms)}
    # a line of code or output is no labelled list ("## Error in library(ballgown): there is no package ...")
    named = np.array([v is True for v in listed], dtype=bool) & ~code
    if amount and named.any():
        # and a label the question names answers an amount where its line states one: "When was the
        # interview?" is not answered by "Interviewer: Dr Amara Okafor (AO)" above "Date: 3 March 2026"
        named &= np.array([_states_amount(t, amount) for t in texts])
    return sentences, x, heading, leads, passage, named


# "whether" opens a question a sentence poses; not in "whether or not", "regardless of whether",
# which assert that something holds either way, nor where it says what a value tells, as an API's
# reference does ("Path.exists(): Whether the path points to ...", "returns whether").  An aim
# ("we aimed to", "the objective of this study was to") poses one too: in SciFact train's cited
# abstracts none of 33 such sentences is a rationale (19% of all sentences are).  A purpose clause
# alone ("To assess activity, pupils wore monitors") may answer how something was done, so it is
# not one.
_POSES = re.compile(r"(?<!regardless of )(?<!irrespective of )(?<!: )(?<!return )(?<!returns )(?<!indicates )"
                    r"(?<!indicating )(?<!tells )(?<!specifies )(?<!controls )\bwhether\b(?!\s+or\s+not\b)|"
                    # a study's aim, not a program's scope ("pycparser aims to support the full C11 language")
                    r"\b(?:we|I|study|studies|trial|paper|review|analysis|research|survey|investigation|authors|"
                    r"investigators|researchers|protocol|experiment|project)(?:\s+\w+){0,2}?\s+"
                    r"(?:aimed|aims|sought|seeks|set out|intended)\s+to\b|"
                    # "We hypothesized that hand-washing rates ... would be higher": what it expected to find
                    r"\b(?:we|I|authors|investigators|researchers)\s+(?:hypothesi[sz]ed|predicted|expected|anticipated)\s+that\b|"
                    # "The present study was designed to test the effects of ...": what it was built to find out
                    r"\b(?:study|studies|trial|experiment|survey|analysis|project)\s+(?:is|was|were|are)\s+designed\s+to\s+"
                    r"(?:test|examine|assess|evaluate|determine|investigate|explore|compare|establish|find\s+out)\b|"
                    r"\b(?:aim|aims|objective|objectives|purpose|goal|goals)\s+(?:of\s+(?:this|the|our)\s+(?:\w+\s+)?"
                    r"(?:study|work|trial|analysis|paper|review|research)\s+)?(?:was|were|is|are)\s+to\b", re.I)
# What a text says it will do ("In this blog post, we will explore the concept of neuroplasticity
# and how it contributes to ...", "This article describes ..."): like an aim, it announces what
# the text answers and answers nothing itself, unless the question asks for the aim.
_ROADMAP = re.compile(r"^\W*(?:in\s+)?this\s+(?:blog\s+post|post|article|page|chapter|guide|section|review|paper|essay|"
                      r"report|leaflet|booklet|document)\s*,?\s+(?:we|I)?\s*(?:will|shall|'ll)?\s*(?:explore|discuss|describe|"
                      r"examine|review|outline|cover|look\s+at|consider|explain|summari[sz]e|present|introduce)s?\b", re.I)
_POINTS_ELSEWHERE = re.compile(r"^\W*(?:see(?:\s+also)?|refer\s+to|cf\.|(?:for|with)\s+(?:\w+\s+){0,3}"
                               r"(?:information|details|examples?|more)\s*,?\s*(?:see|refer\s+to))\s", re.I)
# "For full documentation, including tutorials, please see https://...", "Consult the Changelog page
# for fixes": sent to a page, a section, an address, at any length.
_SENDS_TO_WORK = re.compile(r"^\W*(?:for\s[^.;:]{1,80}?,\s*)?(?:please\s+)?(?:see|refer\s+to|consult|visit|check\s+out|go\s+to)\s+"
                            r"(?:(?:the|our|this|its)\s+)?(?:[\w-]+\s+){0,2}?(?:https?://|www\.|(?:web\s*)?page\b|section\b|"
                            r"chapter\b|documentation\b|docs\b|manual\b|guide\b|help\b|website\b|site\b|faq\b|wiki\b|"
                            r"readme\b|tutorial\b|changelog\b|appendix\b|below\b|above\b)", re.I)
_POINTER_WORDS = 12
# "See typing.NamedTuple for a way to add type hints", "See Table 3 for ...": sent to a named thing (a
# capitalised or dotted name, not "a doctor") for what it says, at any length.
_SEE_NAME_FOR = re.compile(r"^\W*(?i:see)(?:\s+also)?\s+(?:[A-Z]\S*|\S*[.(_]\S*)(?:\s+\S+){0,2}?\s+for\s")
# A pointer may name the work it sends to at any length: "For more information, see Creating an IAM
# user in your AWS account in the AWS IAM User Guide."
_NAMES_WORK = re.compile(r"\b(?:guide|manual|documentation|docs|reference|book|handbook|chapter|section|appendix|faq|"
                         r"wiki|tutorial)\W*$", re.I)


def points_elsewhere(text: str) -> bool:
    """A sentence that only sends the reader elsewhere: to a page, a section or an address
    (`_SENDS_TO_WORK`), or "see ..." (`_POINTS_ELSEWHERE`) short or ending in the name of the work it
    sends to, or "see <name> for ..." (`_SEE_NAME_FOR`); a list's bullet is no word of it."""
    return bool(_SENDS_TO_WORK.match(text) or _SEE_NAME_FOR.match(text)) or bool(_POINTS_ELSEWHERE.match(text)) and (
        sum(bool(re.search(r"\w", w)) for w in text.split()) <= _POINTER_WORDS or bool(_NAMES_WORK.search(text)))
_ASKS_AIM = frozenset(bm25_tokenize(["aim objective purpose goal intend"])[0])


_WANTED = re.compile(r"\b(?:want|wanted|wants|set\s+out|sets\s+out|try|tried|tries|seek|seeks|sought|hope|hoped|designed)\s+to\s+"
                     r"(?:find\s+out|know|learn|test|examine|investigate|assess|see|answer)\b", re.I)


def asks_aim(question: str) -> bool:
    """Whether the question asks for an aim, an objective or a purpose ("What was the study's
    objective?", "What did the review want to find out?")."""
    return bool(_ASKS_AIM.intersection(bm25_tokenize([question])[0])) or bool(_WANTED.search(question))


def poses_question(sentence: str) -> bool:
    """Whether a sentence poses a question ("We wanted to find out whether ...") or states what a
    study or a text sets out to do (`_POSES`, `_ROADMAP`): it answers nothing but a question for the aim."""
    low = sentence.lower()
    # (`_POSES` is slow to try at every character; a claim's check reads thousands of sentences)
    return bool(any(w in low for w in _POSES_WORDS) and _POSES.search(sentence) or _ROADMAP.search(sentence))


# A section that lists what a talk or a course will cover: "Learning objectives", "Session aims",
# "Agenda", "Outline". Its items name the topics the sections after it answer ("Understand the
# current first-line treatment" names the slide "First-line treatment").
_AIMS_HEADING = re.compile(r"^\W*(?:(?:learning|session|course|training|workshop|lecture|teaching|module)\s+"
                           r"(?:objectives?|outcomes?|aims?|goals?)|agenda|outline|(?:today['’]s\s+)?plan\s+for\s+today|"
                           r"what\s+(?:we['’]ll|we\s+will|you['’]ll|you\s+will)\s+(?:cover|learn))\W*$", re.I)


def lists_aims(section: Sequence[str]) -> bool:
    """Whether a passage stands under a heading listing what a talk or course will cover
    (`_AIMS_HEADING`): like an aim stated, its items answer nothing but a question for the aims."""
    return bool(section) and _AIMS_HEADING.match(section[-1]) is not None


# A word every sentence `_POSES` finds holds.
_POSES_WORDS = ("whether", "aim", "sought", "seek", "set out", "intend", "objective", "purpose", "goal", "designed to",
                "hypothesi", "predicted that", "expected that", "anticipated that")
_ASKS_FIGURE = frozenset(bm25_tokenize(["figure fig table caption listing exhibit chart"])[0])
_CAPTION_WORD = r"^\s*(?:fig(?:ure)?s?\.?|tables?|tab\.|listings?|exhibits?|charts?)\s*[A-Z]?\d{1,3}(?:[.\-\u2013]\d{1,3})?[a-z]?"
_CAPTION_LABEL = re.compile(_CAPTION_WORD + r"\s*[.:|]?\s*$", re.I)
# A caption's label, then its title after a colon, a bar or a dash, or straight after the number in
# capitals as journals set it ("Table 1 Baseline characteristics", "Figure 1 Flow of participants
# through the trial."): not "Table 2 shows ...".
_CAPTION_TITLE = re.compile(_CAPTION_WORD + r"(?::|\s*\||\s+[-\u2013\u2014]|\s+(?=(?-i:[A-Z][A-Za-z])))\s*\S", re.I)
_LEADING_WORDS = re.compile(r"^[^\d]*")
_CAPTION_END = re.compile(r"[.!?][\"'”’)]*$")  # a caption that ends so is a sentence too


def is_caption_title(text: str) -> bool:
    """Whether the line is a figure's or table's label and title, and no sentence ("Table 4.2
    Treatments for generalised anxiety disorder"): it names what is shown and states nothing of it."""
    t = text.strip()
    return bool(_CAPTION_TITLE.match(t) or _CAPTION_LABEL.match(t)) and not _CAPTION_END.search(t)


# A question about a figure itself: "Which figure shows ...?", "What does Figure 2 show?", "What does
# the chart show?", "... according to its homepage figure?"; not "figure out", "the figure for 2020"
# (a number), "a public figure", nor "What is a Gantt chart?" (a kind of chart, which prose defines).
_PICTURE = r"(?:figure|chart|diagram)"
_ASKS_FOR_FIGURE = re.compile(rf"\bfig(?:ure)?s?\.?\s*\d|\b(?:which|what)\s+{_PICTURE}s?\b|"
                              rf"\b{_PICTURE}s?\s+(?:show|shows|showing|illustrates?|depicts?)\b|"
                              rf"\b(?:according\s+to|in|from|on)\s+(?:the|its|this|their)\s+(?:[\w-]+\s+)?{_PICTURE}\b", re.I)
# A line that opens with a figure's label and title: "Figure 1 Tiered leadership system.", "Fig. 2.
# Example of ...", "Figure 1. Homepage of ..." (not "Figure 2 shows ...", a sentence about it).
_FIGURE_CAPTION = re.compile(r"^[ \t]*(?:fig(?:ure)?\.?|chart|diagram)[ \t]*[A-Z]?\d{1,3}(?:[.\-\u2013]\d{1,3})?[a-z]?"
                             r"(?:[ \t]*[.:|][ \t]*|[ \t]+[-\u2013\u2014][ \t]*|[ \t]+)(?-i:[A-Z])", re.I | re.M)


def asks_figure(question: str) -> bool:
    """Whether the question asks about a figure (`_ASKS_FOR_FIGURE`), which its caption answers; of
    its own words, not the earlier question a follow-up is searched with (`own_words`)."""
    return _ASKS_FOR_FIGURE.search(own_words(question)) is not None


def shows_figure(text: str) -> bool:
    """Whether a line of the text is a figure's caption (`_FIGURE_CAPTION`)."""
    return _FIGURE_CAPTION.search(text) is not None


# A table's row as a PDF's borderless table reads: its label, then values alone ("Current smokers
# 11.99 - 85 11.28 - 83", "28 weeks 1009.34 (366.54) 984.56 (400.48) 0.04 40.73 (1.57 to 79.88)"):
# numbers, bracketed numbers and ranges, dashes for empty cells, two numbers at least.
_ONE_VALUE = re.compile(r"[(\[]?[\u2212\u2013-]?(?:\d[\d,:]*(?:\.\d+)?|\.\d+)%?[)\]]?,?")
_GAPS = frozenset(("-", "\u2013", "\u2014", "to"))
_ROW_END = re.compile(r"[\d)\]%,\-\u2013\u2014]\s*$")


def _values_row(line: str) -> tuple[str, list[str]] | None:
    """A line's label and values where it reads as a borderless table's row: the longest run of
    values and gaps (`_GAPS`) that ends the line, opening with a value, at least two of them values,
    after a label whose last word holds a letter ("September 2015 to" is a line of prose cut short);
    None for another line."""
    words = line.split()
    i = len(words)
    while i and (words[i - 1] in _GAPS or _ONE_VALUE.fullmatch(words[i - 1])):
        i -= 1
    while i < len(words) and not _ONE_VALUE.fullmatch(words[i]):
        i += 1
    values = words[i:]
    if not i or not any(c.isalpha() for c in words[i - 1]) or sum(_ONE_VALUE.fullmatch(v) is not None for v in values) < 2:
        return None
    return " ".join(words[:i]), values


def names_row(text: str, asked: Collection[str]) -> bool:
    """Whether `text` holds a table's row (`_values_row`) whose label the question's terms `asked`
    name whole, two words or more ("Current smokers 11.99 - 85 11.28 - 83" for "What percentage
    of control-arm students were current smokers at baseline?"; one word, "N participants 234 138",
    names what a whole table counts)."""
    words = set(asked)
    for line in text.splitlines():
        # a row ends in a value or a gap: most lines are prose and end otherwise
        if not _ROW_END.search(line):
            continue
        row = _values_row(line)
        if row is not None:
            label = set(bm25_tokenize([row[0]])[0])
            if len(label) >= 2 and label <= words:
                return True
    return False


_TITLE_WORDS = 15  # the longest title line `_titles` takes for one
# A table's row written as text, a term's definition after its colon ("--json: configure json
# messages"), a signature's brackets, or a line cut mid-sentence ("... and", "... int der_len,"):
# no title.
_NO_TITLE = re.compile(r"\s\|\s|\t|:\s|[(\[{]|,\s*$|\s(?:and|or|of|the|a|an|to|in|for|with)\s*$", re.I)
_SENTENCE = re.compile(r"^\W*(?:\S+\s+){5,}.*[.!?][\"'”’)]*\s*$", re.S)  # six words or more, ending a sentence


def _titles(text: str, spans: list[tuple[int, int]], lines: list[str], words: list[list[str]]) -> np.ndarray:
    """Which sentences are a title over the sentence after them: a line of its own of at most
    `_TITLE_WORDS` words, with no sentence end, number, bullet or `_NO_TITLE` mark, two or more of
    whose content words, and a third of them or more, the next sentence says, a sentence in words
    ("BACK TO BASICS The hard link, a second name for the file" over "A hard link, as opposed to a
    symbolic link, cannot be ..."; a boxed note's title, which no heading mark-up made a heading).
    A list's items and a table's rows repeat no such words."""
    out = np.zeros(len(lines), dtype=bool)
    for i in range(len(lines) - 1):
        s, e = spans[i]
        t = lines[i].strip()
        own = set(words[i])
        alone = (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n")
        if alone and own and len(t.split()) <= _TITLE_WORDS and not _END.search(t) and not _NUMERAL.search(t) \
                and not is_list_item(t) and not _NO_TITLE.search(t) and _SENTENCE.search(lines[i + 1]) \
                and not is_code_like(t) and len(own & set(words[i + 1])) >= max(2, len(own) / 3):
            out[i] = True
    return out


def _row_labels(text: str, spans: list[tuple[int, int]], lines: list[str]) -> list[str]:
    """The label each line that opens with a number reads under: a table's rows for time points or
    doses ("28 weeks 1009.34 (366.54) ...") stand under the row that names what they measure
    ("Calcium, mg Trial entry 930.81 ..."), the last line above them in their block that opens
    with a word; its words before its first number are the label.  "" for other lines."""
    out = [""] * len(lines)
    for i in range(1, len(lines)):
        if not lines[i][:1].isdigit() or text.count("\n", spans[i - 1][1], spans[i][0]) != 1:
            continue
        above = lines[i - 1]
        out[i] = out[i - 1] if above[:1].isdigit() else _LEADING_WORDS.match(above).group()
    return out


LIST_ITEMS = 8  # the most items of an announced list a highlight takes
# A line that goes on in the next as a program's do ("napi_value code,", "const {").
_NOT_A_ROW = re.compile(r"[,;({\[\\=]\s*$")


def _table_rows(text: str, spans: list[tuple[int, int]], lines: list[str], code: np.ndarray,
                heading_starts: frozenset[int], title: str = "") -> np.ndarray:
    """Which sentences are rows of a table under the line above them rather than headings: lines
    one line break apart, in a run of such lines with no list item, code or line that goes on like
    a program's among them (a list of parameters or a program is no table), under a line that
    states no sentence either, neither opening a section, and holding three words or more
    ("Saliva Oragene kit for DNA donation RP" under "Blood cytokine screen test BO BO"; a command,
    "cd node_gn", is no row), nor the document's `title` (a subtitle under it, "Summary of
    recommendations", is no row, but a row of cells is: an infobox's first, "Trade names | Priadel, ...",
    under its caption). Such a line may be the answer and introduces nothing."""
    n = len(spans)
    joined = [i > 0 and text.count("\n", spans[i - 1][1], spans[i][0]) == 1 and not text[spans[i - 1][1] : spans[i][0]].strip()
              for i in range(n)]
    out = np.zeros(n, bool)
    i = 0
    while i < n:
        j = i + 1
        while j < n and joined[j]:
            j += 1
        if j - i >= 2 and not any(code[k] or is_list_item(lines[k]) or _NOT_A_ROW.search(lines[k]) for k in range(i, j)):
            for k in range(i + 1, j):
                above = lines[k - 1].strip()
                # the whole line above: a cell may hold two sentences ("... | Paracetamol is a safer
                # painkiller. Ask about a stomach-protecting medicine.")
                line_above = text[text.rfind("\n", 0, spans[k - 1][0]) + 1 : spans[k - 1][1]]
                titled = above.casefold() == title.strip().casefold()
                out[k] = (spans[k - 1][0] not in heading_starts and spans[k][0] not in heading_starts and bool(above)
                          and ((titled and " | " in lines[k])
                               or (not titled and (same_cells(line_above, lines[k])
                                                   or (not _END.search(above) and not above.endswith("?")
                                                       and not lines[k].strip().endswith(("?", ":")) and _is_prose(lines[k]))))))
        i = j
    return out


def same_cells(above: str, line: str) -> bool:
    """Whether `line` is a row of cells as many as the row `above` ("Sodium (mmol/L) | 138 | 134"
    under "Test | Day 1 | Day 3"): a row of numbers under its label is a row, however few its words,
    and under a header row ending as a sentence may ("... | Difference (95% CI)")."""
    cells = line.count(" | ")
    return cells > 0 and cells == above.count(" | ")


_WORD = re.compile(r"^[(\"'“‘]?[A-Za-z][A-Za-z'’-]*[.,;:!?)\"'”’]*$")


def _is_prose(text: str) -> bool:
    """Words rather than code or output: three or more whitespace-separated tokens that are words."""
    return sum(bool(_WORD.match(t)) for t in text.split()) >= 3


def _says_words(text: str) -> bool:
    """Words, however few ("Seven months."), and no code."""
    return any(_WORD.match(t) for t in text.split()) and not is_code_like(text)


# a synopsis's part: an option, a placeholder, an optional part (not a citation, "[5]", nor "< 0.05")
_SYNOPSIS_PART = r"(?:--?\w\S*|<(?![\s\d=])\S*|\[(?![\s\d])\S*|\.\.\.\S*|\||[\])]+\S*)"
_CODE = re.compile(
    r"^\s*(//|/\*|\*/|#!|#include\b|<!--)"  # a comment or a directive opens the line
    r"|^\s*[{}]|[{}]\s*$"  # a brace opens or closes it
    r"|^\s*(import|return|const|let|var|def|function) |^\s*from \S+ import |^\s*console\.\w+\("  # a statement
    r"|^\s*(for|if|elif|while|with|class|try|except)\b.*:\s*$"  # a block's opening line, in Python
    r"|^\s*#\s"  # a Python or shell comment (Markdown's headings are no longer "#" lines once read)
    r"|[A-Za-z_][\w.]*\w\([^()]*\)\s*;?\s*$"  # it ends in a call
    r"|[A-Za-z_][\w.]*\w\([^()]*\).*(=>|==|;\s*$)"  # a call, then an arrow, a comparison or a statement's end
    r"|\w\[[^\]]*\]\s*;\s*$"  # a statement ends on an index: "int static[5];"
    # an SQL statement: keywords in capitals or a name with a dot, "_", "*" or "(", to its end
    # ("PRAGMA schema.journal_mode;", "DROP TABLE users;"; not "HIV infection rates fell;")
    r"|^\s*[A-Z]{2,}\s+(?:[A-Z]{2,}\b|\S*[._*(])[^\n]*;\s*$"
    r"|^\s*[a-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*[\w\"'\[({]"  # an assignment: "df = pd.DataFrame(...)"
    r"|^\s*[A-Za-z_][\w.:]*\((?![^()]*\))"  # a call or a signature left open, wrapped onto the next line
    r"|^\s*\"[^\"\n]{1,80}\"\s*:\s*(?:\"|-?\d|\[|\{|true\b|false\b|null\b)"  # a JSON member: "Size": 373
    r"|\s\\$"  # a command going on on the next line: "aws s3 rb s3://amzn-s3-demo-bucket \"
    # a command's synopsis: a name, then nothing but options, placeholders and optional parts
    # ("cmake --find-package [<options>]"), or placeholders and optional parts alone ("<PRIVATE|PUBLIC>
    # <item>..."); an option alone ("--trace-children-skip=patt1,...") is its entry's term, no code
    r"|^\s*\[(?:[A-Z][A-Z_]+\b|<)[^\n]*[\])][\]).,]*$"  # an optional part in keywords or placeholders: "[OUTPUT <dir>]"
    rf"|^\s*(?:[A-Za-z_][\w.+-]*(?:\s+{_SYNOPSIS_PART})+|(?:<(?![\s\d=])|\[(?![\s\d]))\S*(?:\s+{_SYNOPSIS_PART})*|[\])]\S*(?:\s+{_SYNOPSIS_PART})+)\s*$"
)
# An import statement holds none of `_CODE_MARK`: "from tqdm import tqdm", "import numpy as np".
_IMPORT = re.compile(r"^\s*(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*\s*$|from\s+[\w.]+\s+import\s)")


_TOKEN = re.compile(r"\S+")
# A cheap test first: a line with none of these is taken for words ("return value" too).
_CODE_MARK = re.compile(r"[(){};#/=<\[]|--|\"\s*:|\s\\$")
_BLOCK = re.compile(r"[)\w]\s*\{\s*$|^\s*\}")
_TRAILING_COMMENT = re.compile(r"\s+(?:#|//)\s.*$")  # a comment after a statement, to the line's end
_BLOCK_COMMENT_LINE = re.compile(r"\s*(?:/\*|\*\*(?:\s|$)|\*/)")
# A C function's declaration, whole or wrapped after a parameter: a type (one of C's, or a name with
# "_": "asn1_node"), pointer stars, the name, its parameters ("int asn1_der_decoding (asn1_node *
# element, const void * ider,"), however many words they hold.
_C_DECLARATION = re.compile(r"^\s*(?:(?:const|unsigned|signed|static|extern|inline|struct|enum)\s+)*"
                            r"(?:void|int|char|long|short|float|double|bool|[A-Za-z]\w*_\w*)\s*\**\s*[A-Za-z_]\w*\s*"
                            r"\([^()]*(?:\)\s*;?|,)\s*$")
_C_COMMENT_AFTER = re.compile(r"[,;{}()\[\]]\s*/\*[^\n]*\*/\s*$")  # no sentence ends in "*/"
_OBJECT_MEMBER = re.compile(r"^\s*[A-Za-z_$][\w$]*\s*:\s*(?:true|false|null|undefined|-?\d[\d.]*|'[^']*'|\"[^\"]*\"|"
                            r"[A-Za-z_$][\w$.]*(?:\([^()]*\))?)\s*,\s*$")


def is_code_like(text: str) -> bool:
    """A line of a program: typed at an interpreter's prompt (">>> print(x)", ">>> # a comment") or
    printed by it under an R Markdown page's code ("## [1] 2"), a message it prints ("FATAL: no
    pg_hba.conf entry ..."),
    or shaped like code (see the pattern above) and with fewer than five words ("MPI_Pcontrol
    cannot be wrapped as it has variable arity: int MPI_Pcontrol(...)" is a sentence)."""
    # a block comment's line, however many words ("** If the backup process is successfully completed, ...")
    if _PROMPT.match(text) or _IMPORT.match(text) or _BLOCK_COMMENT_LINE.match(text) or _PROGRAM_MESSAGE.match(text):
        return True
    # a member of an object literal, its one value and a comma closing the line ("changeOrigin: true,",
    # "port: 443,"): no option's entry, which says what the option does
    if _OBJECT_MEMBER.match(text):
        return True
    if not _CODE_MARK.search(text):
        return False
    # a statement with a comment after it ("c.items()  # convert to a list of pairs"): its words
    # are the comment's, the line is code
    commented = _TRAILING_COMMENT.search(text)
    if commented and commented.start() and is_code_like(text[:commented.start()]):
        return True
    # a C parameter or statement with a comment closing the line ("sqlite3 *pDb, /* Database to back up */")
    if _C_COMMENT_AFTER.search(text):
        return True
    # a line that opens a block with a brace ("for await (const startTime of setInterval(interval,
    # Date.now())) {") or closes one ("} else {") is code however many words it has: no sentence
    # ends in an opening brace
    if _BLOCK.search(text) or _C_DECLARATION.match(text):
        return True
    words = 0
    for token in _TOKEN.finditer(text):  # most sentences reach five words early: stop there
        words += bool(_WORD.match(token.group()))
        if words >= 5:
            return False
    # a wrapped synopsis's line of keywords, alternatives and placeholders, no word among them
    # ("PRIVATE_HEADER|PUBLIC_HEADER|FILE_SET <set-name>|CXX_MODULES_BMI]")
    if not words and _SYNOPSIS_MARK.search(text):
        return True
    return bool(_CODE.search(text))


_SYNOPSIS_MARK = re.compile(r"<[A-Za-z][\w-]*>|\w\|\w")


_COMMENT = re.compile(r"^\s*(?:#|//)\s")


def _comments_in_code(texts: list[str], code: np.ndarray) -> np.ndarray:
    """`code` with a comment line ("# (can use tqdm.gui.tqdm, optional kwargs, etc.)") that stands
    among lines of code counted as code however many words it has: a run of comments next to code
    is the program's; and with a run of lines without words between two lines of code."""
    code = code.copy()
    comments = [bool(_COMMENT.match(t)) for t in texts]
    for order in (range(len(texts)), range(len(texts) - 1, -1, -1)):
        for i in order:
            if comments[i] and not code[i] and ((i and code[i - 1]) or (i + 1 < len(texts) and code[i + 1])):
                code[i] = True
    # So is a run of lines without words or a sentence's end between two lines of code: a struct's
    # fields ("x: i32,", "y: i32,") between "struct Point {" and "}".
    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and not code[j] and not _is_prose(texts[j]) and not _END.search(texts[j]):
            j += 1
        if j > i and i and code[i - 1] and j < len(texts) and code[j]:
            code[i:j] = True
        i = max(j, i + 1)
    return code


# An interactive session's prompt: Python's (">>> ", and "... " under it).
# Python's prompt, or a shell's "$ " before a command ("$ pyenv install 2.7.6"; not "$ 5", an amount)
# A line typed at a prompt, or a program's output as knitr prints it under the code in an R
# Markdown page ("## Error in library(ballgown): there is no package called 'ballgown'", "## [1] 2").
# A program's message as it prints it, its level and then words in lower case ("FATAL: no
# pg_hba.conf entry for host ...", "error[E0382]: borrow of moved value"): output quoted, which
# repeats the question's words and says nothing of them; a warning in prose opens in capitals.
_PROGRAM_MESSAGE = re.compile(r"^\s*(?:FATAL|ERROR|PANIC|WARNING|NOTICE|fatal|error|warning)(?:\[\w+\])?:\s+[a-z]")
# R's prompt before a call or an assignment ("> sample.xts <- xts(1:6, ...)"); a quotation's ">"
# stands before words
_PROMPT = re.compile(r"^\s*(?:>>>(?:\s|$)|\$\s+[A-Za-z./~]|##\s|>\s+(?=[^\n]*(?:<-|[\w.]\()))")
_SESSION_REACH = 4000  # characters above a line in which its session's prompt is looked for
_SESSION_LINE = re.compile(r"^\s*(?:(?:>>>|\.\.\.)(?:\s|$)|\$\s+[A-Za-z./~])")


def _session_output(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Which sentences are lines of an interactive session that only a prompt above shows to be
    code: in a block (no blank line between) under a line typed at its prompt, printed by it
    ("'Text file contents'" after ">>> p.read_text()") or typed at its continuation prompt ("...
    help='additional help')", a call's last argument in words)."""
    out = []
    for s, e in spans:
        line_start = text.rfind("\n", 0, s) + 1
        # the block's lines above, as far back as a prompt is looked for
        window = max(0, line_start - _SESSION_REACH)
        block_start = text.rfind("\n\n", window, line_start)
        above = text[block_start + 2 if block_start >= 0 else window:line_start].split("\n")
        out.append(not text[line_start:s].strip() and (not _SESSION_LINE.match(text[s:e]) or text[s:e].lstrip().startswith("..."))
                   and any(_PROMPT.match(ln) for ln in above))
    return out


def relevance_features(x: np.ndarray, logits: np.ndarray, best: int, passage: dict[str, float],
                       pool: tuple[float, float], question: bool) -> np.ndarray:
    """`RELEVANCE_FEATURES` of a passage whose sentence `best` answers (training uses this too)."""
    cos = passage["cos_passage"]
    return np.array([cos, cos - pool[0], cos - pool[1], logits[best], x[best, 0], x[best, 4],
                     passage["passage_term_share"], float(question)], np.float32)


def measured(logits: np.ndarray, heading: np.ndarray, leads: np.ndarray) -> int:
    """The sentence whose features measure the passage's answer (`relevance_features`): the one
    `pick` highlights, or, where that follows a line introducing it that scores best of all, that
    line, which names what is asked ("os.EOL" over "The operating system-specific end-of-line
    marker."; '"Still reachable".' over "This covers cases 1 and 2 ...")."""
    shown = pick(logits, heading, leads)
    best = int(np.argmax(logits))
    return best if leads[best] and shown == best + 1 else shown


def pick(logits: np.ndarray, heading: np.ndarray, leads: np.ndarray) -> int:
    """The best sentence that is not heading-like (any sentence when all are); but when the best
    line of all is one that introduces what follows ("Primary outcome measure" for "What is the
    primary outcome?"), the sentence right after it, if that one is not heading-like."""
    best = int(np.argmax(logits))
    if leads[best] and best + 1 < len(logits) and not heading[best + 1]:
        return best + 1
    return int(np.argmax(logits if heading.all() else np.where(heading, -np.inf, logits)))


_ELLIPSIS_OPENING = re.compile(r"^\s*(?:\.\s?\.\s?\.|…)\s*[a-z]")
# A sentence that opens by pointing back ("These were sent to 8150 people", "For this reason we ...")
# says what it means only with the one before it.
_REFERS_BACK = re.compile(r"^(this|these|those|such|it|they|thus|therefore|hence|consequently|"
                          r"as a result|for (this|these) reasons?|in this way|to this end)\b", re.I)
# "It" that points at nothing before it: the subject of "It is estimated that ...", "It is important
# to ...", "It seems that ..." (a participle before "that", "whether" or "if", or an adjective before
# "to" as well, or a noun phrase before "that" and a clause's subject: "It was a limitation of this
# pilot that we only included one control school"); "It is used to treat ...", "It is a drug that
# treats ..." point back.
_IRREGULAR = r"(?:thought|known|shown|said|found|held|seen|made|taken|given)"
_EXPLETIVE_IT = re.compile(r"^it\s+(?:(?:is|was|has been|had been|will be|would be|may be|might be|could be|can be|"
                           r"seems|seemed|appears|appeared|remains|remained)\s+(?:not\s+|also\s+|now\s+|therefore\s+)?"
                           rf"(?:(?:\w+(?:ed|en)|{_IRREGULAR})\s+(?:that|whether|if)|(?!\w+(?:ed|en)\b|{_IRREGULAR}\b)\w+\s+"
                           r"(?:to|that|whether|if|how|why)|(?:a|an|one|another)\s+(?:[\w-]+\s+){1,6}?that\s+"
                           r"(?:we|i|you|they|he|she|it|there|the|this|these|those|our|their|its|only|no)\b)|"
                           r"(?:seems|seemed|appears|appeared|follows)\s+that)\b", re.I)
# A bare reply to a question, one word ("No.", "Yes!").
_REPLY = re.compile(r"(?:(?:a|answer)\s*[:.]\s*)?(?:yes|no|yep|nope)[.!]?", re.I)  # "A: Yes." of a labelled FAQ too


def refers_back(text: str) -> bool:
    """Whether a sentence opens by pointing back to the one before it ("This design could ...",
    "Thus, ..."; not the "It" of "It is estimated that ...")."""
    return bool(_REFERS_BACK.match(text)) and not _EXPLETIVE_IT.match(text)


def is_reply(text: str) -> bool:
    """Whether `text` is a bare reply ("Yes!", "No.", "A: Yes."), what says why coming after it."""
    return _REPLY.fullmatch(text.strip()) is not None
# A sentence that names what the one before it speaks of: "They include headache, daytime sleepiness ..."
_LISTS_BACK = re.compile(r"^(?:they|these|those)\s+(?:include|included|includes|are|were|consist\s+of)\s+[a-z]", re.I)
# A sentence followed by one that opens an enumeration ("There are several possible reasons ...",
# then "First, ...") announces what it does not say.
_ENUMERATION = re.compile(r"^(first|firstly|first of all)\b", re.I)


def answer_span(index: Index, row: int, sentence: int) -> tuple[int, int]:
    """Characters of the highlight for sentence row `sentence` of passage `row`: the sentence, with
    the one before it in its paragraph when it opens by referring back to that one, or with a bare
    reply ("No.") to a question before it, and with the
    one after it when it is a bare reply itself, or when that one names what it speaks of ("They
    include ..."), or opens the enumeration it announces, or when it ends in a colon and
    the line after it is a command or code rather than words ("... invoking the following command:",
    then "cargo clippy"), or with the list of one-sentence items its colon, or the colon of the
    sentence after it in its paragraph, announces (`_list_end`)."""
    text = index.document(index.passage(row).doc).text
    rows = index.passage_sentences(row)
    start, end = index.sentence_span(sentence)
    if sentence > rows.start and refers_back(text[start:end]):
        prev_start, prev_end = index.sentence_span(sentence - 1)
        if "\n\n" not in text[prev_end:start]:
            start = prev_start
    elif sentence - 1 > rows.start and is_reply(index.sentence_text(sentence - 1)) \
            and index.sentence_text(sentence - 2).rstrip().endswith("?"):
        # "Should I commit my .env file?" / "No." / "Unless you encrypt it ...": the reply is the answer's start
        start = index.sentence_span(sentence - 1)[0]
    if sentence + 1 < rows.stop:
        next_start, next_end = index.sentence_span(sentence + 1)
        after = text[next_start:next_end]
        if (is_reply(text[start:end]) or _LISTS_BACK.match(after)) and "\n\n" not in text[end:next_start]:
            # "Yes." alone says nothing of what was asked: "Yes. Please give us 48 hours' notice ...";
            # "Side effects are uncommon." goes on in "They include headache, ...", which names them
            end = next_end
        elif ("\n\n" not in text[end:next_start] and _ENUMERATION.match(after)) or \
                (text[start:end].rstrip().endswith(":") and not _is_prose(after)):
            end = next_end
        elif text[start:end].rstrip().endswith(":"):
            end = _list_end(index, text, sentence, rows.stop, end)
        elif "\n" not in text[end:next_start] and after.rstrip().endswith(":"):
            # "First, let's look at the ownership rules. Keep these rules in mind:" then the rules
            listed = _list_end(index, text, sentence + 1, rows.stop, next_end)
            end = listed if listed > next_end else end
    return start, end


# A value an item of a reference list gives under a label after its description ("• historySize
# {number} Maximum number of history lines retained. To disable ... Default: 30."): a line, or a
# sentence, that opens with a capitalised label of one or two words and a colon.
_VALUE_LABEL = re.compile(r"(?:^|(?<=[.!?] ))([A-Z][a-z]+(?: [a-z]+)?):[ \t]+\S[^\n]*", re.M)
MAX_ITEM_CHARS = 1000


def labelled_value_end(text: str, start: int, end: int, stop: int, terms: Collection[str]) -> int:
    """Where a highlight [start, end) that opens a list item ends when the question names a label
    the rest of the item gives a value under ("What is the default history size?" and its
    "Default: 30."): the end of that label's line; `end` otherwise.  The item ends at the next
    item, a blank line or `stop` (the passage's end)."""
    line = text.rfind("\n", 0, start) + 1
    if not is_list_item(text[line:end]):
        return end
    first, *later = text[end:min(stop, end + MAX_ITEM_CHARS)].split("\n")
    lines = [first]
    for ln in later:
        if not ln.strip() or is_list_item(ln):
            break
        lines.append(ln)
    for m in _VALUE_LABEL.finditer("\n".join(lines)):
        if set(bm25_tokenize([m.group(1)])[0]) & set(terms):
            return end + m.end()
    return end


def _list_end(index: Index, text: str, sentence: int, stop: int, end: int) -> int:
    """Where the list a sentence ending in a colon announces ends ("... these three behaviors
    occur:" then "• Two or more pointers ..."), when its items are a sentence each: at most
    `LIST_ITEMS` of them, within the passage (sentence rows below `stop`); `end` when no such list
    follows."""
    j, out = sentence + 1, end
    # announced by an item of a list ("• Ask about the following symptoms:"), the list is the one
    # nested under it: an item with the announcing item's mark is its sibling, and ends it
    lead_start, lead_end = index.sentence_span(sentence)
    lead = item_mark(text[text.rfind("\n", 0, lead_start) + 1 : lead_end])
    while j < stop and j - sentence <= LIST_ITEMS:
        s, e = index.sentence_span(j)
        if "\n" not in text[out:s] or not is_list_item(text[s:e]) or (lead and item_mark(text[s:e]) == lead):
            break
        if j + 1 < stop and "\n" not in text[e : index.sentence_span(j + 1)[0]]:
            return end  # an item of several sentences: the list is too long to show as the answer
        out, j = e, j + 1
    return out


# A question that asks for an amount ("How many ...", "By how much ...", "What percentage ...") is
# answered by a sentence that states one.
_QUANTITY = re.compile(r"\b(how (many|much|often|long|large|big|old|far|frequently|soon|rare|common|high|low|small)|"
                       r"what (percentage|proportion|share|number|fraction|rate|dose|dosage|amount|size|age|duration|"
                       r"frequency)|at what (dose|dilution|rate|age|temperature|time))\b", re.I)
# "What was her temperature?", "What is the sodium level on day 3?", "What was the incidence of
# ...?": what a measure of a thing was, which a number answers ("the value of mindfulness", "the
# level of education" name no measure).
_MEASURES = ("temperature", "weight", "height", "BMI", "concentration", "incidence", "prevalence", "mortality", "dose", "dosage",
             "pressure", "rate", "count", "score", "percentage", "proportion", "size", "age", "duration", "level", "value")
_MEASURE_ASKED = re.compile(
    r"^\W*(?:and\s+)?what\s+(?:is|was|are|were)\s+(?:(?:the|her|his|their|its|your|my|our|a|an)\s+)?(?:[\w-]+\s+){0,3}?"
    rf"(?:(?:{'|'.join(m for m in _MEASURES if m not in ('level', 'value'))})s?|(?:levels?|values?)(?!\s+of\b))"
    r"(?:\s+(?:on|at|in|after|before|during|of|for|with|among)\b[^?]*)?\W*$", re.I)
# What a measure asked for is of: "sertraline" of "What is the dose of sertraline?", "paracetamol"
# of "What is the dose of paracetamol for a 3 year old?" (up to a circumstance).
_MEASURED = re.compile(rf"\b(?:{'|'.join(_MEASURES)})s?\s+(?:of|for)\s+(?:(?:the|a|an)\s+)?(.+?)"
                       r"(?:\s+(?:in|on|at|for|with|among|after|before|during|from)\b.*)?\W*$", re.I)


def measured_terms(question: str) -> list[str]:
    """The BM25 terms of what the measure a question asks for is of (`_MEASURED`), function words
    aside; [] where the question asks for no measure or says of nothing."""
    if asked_amount(question) != "measure" or not (m := _MEASURED.search(question)):
        return []
    return [t for t in bm25_tokenize([m.group(1)])[0] if t not in FUNCTION_WORDS]


# A number stands on its own: an author's affiliation marks ("Dodd1,2*") and a gene's name ("NK1")
# state no amount.
_NUMBER = re.compile(r"(?<![\w,.])\d|\b(once|twice|half|dozens?|hundreds?|thousands?|millions?|one|two|three|four|five|six|"
                     r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
                     re.I)
# A citation's numbers ("[71]", "[12, 13]", "[3–5]"; an author's year: "Rasch et al. (2007)",
# "(Rasch et al., 2007)", "(Smith and Lee 2019a)") refer to the references, and state no amount.
_CITATION = re.compile(r"\[\d+(?:\s*[,;\-–]\s*\d+)*\]|"
                       r"\bet\s+al\.?,?\s*\(\d{4}[a-z]?\)|\(\s*[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?"
                       r"\s+\d{4}[a-z]?\s*\)")
# A number that names a thing rather than counting it: the label after a word of numbered things
# ("Table 2", "year 9" of a school, "phase 3", "type 2 diabetes") and the end of a name ("COVID-19").
_LABEL_NUMBER = re.compile(r"\b(?:tables?|figs?\.?|figures?|appendix|years?|grades?|phases?|stages?|types?|waves?|"
                           r"steps?|levels?|sections?|chapters?|experiments?|study|studies|sessions?|visits?|models?)"
                           r"\s+\d+[a-z]?\b|(?<=[A-Za-z]-)\d+\b", re.I)


def states_number(text: str) -> bool:
    """Whether `text` states a number that stands on its own (`_NUMBER`; no citation's nor label's)."""
    return bool(_NUMBER.search(_LABEL_NUMBER.sub("", _CITATION.sub("", text))))


_PERSON = re.compile(r"^\s*(?:and\s+)?(who|whom|whose)\b|\b(authors?|wrote|written|writer)\b", re.I)
# A question for an abbreviation's long form: "What does CTb stand for?", "What is MVPA short for?",
# "the full form of PANSS".
_ABBREVIATION = r"[\"'“‘]?(?P<{}>[A-Za-z][\w-]{{1,11}})[\"'”’]?"
_EXPANSION = re.compile(
    rf"\bwhat\s+(?:does|do|did)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?{_ABBREVIATION.format('a')}\s+"
    rf"(?:stand\s+for|mean|abbreviate)\b|\bwhat\s+(?:is|are)\s+{_ABBREVIATION.format('b')}\s+short\s+for\b|"
    rf"\b(?:full\s+form|expansion|long\s+form|full\s+name)\s+of\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?"
    rf"{_ABBREVIATION.format('c')}", re.I)


def asked_expansion(question: str) -> str | None:
    """The abbreviation whose long form the question asks for ("CTb" of "What does CTb stand
    for?"): a word with two or more capitals, as `text.acronym_definitions` finds them; else None."""
    m = _EXPANSION.search(question)
    short = m and (m.group("a") or m.group("b") or m.group("c"))
    return short if short and sum(c.isupper() for c in short) >= 2 else None


def defines(text: str, short: str) -> bool:
    """Whether `text` spells out the abbreviation `short`: before it, "cholera toxin B subunit
    (CTb)", or after it in a list of abbreviations, "QALY: Quality adjusted life years;"."""
    return (f"({short}" in text and short in acronym_definitions(text)) or (short in text and short in glossary_definitions(text))


# A question for what a term is: "What is a shim?", "What are projection neurons?",
# "What does neuroplasticity mean?", "Define structural plasticity."  The term is one to four words.
# A dotted name is one word ("json.dumps", "os.path.split").
_TERM = r"(?:an?\s+|the\s+)?(?P<{}>[^\W\d_][\w'’-]*(?:\.[\w'’-]+)*(?:\s+[\w'’-]+){{0,3}})"
# A command-line option asked of ("What does the -J option of ssh do?", "What does -x do in tar?",
# "What is --json for?", "What does -9 do in gzip?", "What does cmake --build do?"): the option
# itself is the term, the line that names it over its description its heading.
_OPTION_TERM = (r"what\s+(?:does|do|is)\s+(?:the\s+)?(?:[a-z][\w.+-]*\s+){0,2}?"
                r"(?P<o>--?[^\W\d_][\w-]*|-\d(?=\s+(?:option|flag|switch|do)\b))"
                r"(?:\s+(?:option|flag|switch))?"
                r"(?:\s+(?:of|in|to)\s+[\w.+-]+)?(?:\s+(?:do|for|mean))?(?:\s+(?:in|of|with|for)\s+[\w.+-]+)?")
# A program's parameter asked of ("What does the leave parameter do in tqdm?", "What does the PS1
# variable control?", "What is the default mininterval?", "What is the default value of the timeout
# setting?"): its entry in a list of
# parameters ("• mininterval : float, optional") is where what it does is said.
_ENTRY_WORDS = r"(?:option|flag|switch|parameter|argument|setting|attribute|field|keyword|key|variable|property)"
# Where the entry is asked of: a program, or a file or a format in a few words ("in tqdm", "in a
# copyright file", "of debian/control").
_ENTRY_PLACE = r"(?:\s+(?:of|in|to|for|with)\s+(?:an?\s+|the\s+)?[\w./+-]+(?:\s+[\w./+-]+){0,2})?"
_PARAMETER_TERM = (rf"what\s+(?:does|do|is)\s+the\s+(?P<p>[A-Za-z_][\w.-]*)\s+{_ENTRY_WORDS}{_ENTRY_PLACE}"
                   rf"(?:\s+(?:do|for|mean|used\s+for|[a-z]+))?{_ENTRY_PLACE}|"
                   rf"what\s+is\s+the\s+default(?:\s+value)?(?:\s+(?:of|for))?\s+(?:the\s+)?(?P<q>[A-Za-z_][\w.-]*)"
                   rf"(?:\s+{_ENTRY_WORDS})?{_ENTRY_PLACE}|"
                   rf"(?:what\s+is\s+the\s+(?:purpose|meaning|use|role)\s+of|what\s+goes\s+(?:in|into))\s+the\s+"
                   rf"(?P<r>[A-Za-z_][\w.-]*)\s+{_ENTRY_WORDS}{_ENTRY_PLACE}")
# A shell's builtin or a tool's command asked of ("What does the trap builtin do?", "What does the
# find_package command do?"): a manual lists each under its name ("trap:", then its synopsis).
_COMMAND_TERM = (r"what\s+(?:does|do|is)\s+the\s+(?P<k>[A-Za-z_][\w.-]*)\s+(?:builtin|command|subcommand|keyword|directive)"
                 r"(?:\s+(?:do|for|mean|[a-z]+))?(?:\s+(?:in|of|with|for)\s+[\w.+-]+)?")
_ASKED_TERM = re.compile(
    rf"^\s*(?:and\s+)?(?:{_OPTION_TERM}|{_PARAMETER_TERM}|{_COMMAND_TERM}|what\s+(?:is|are)\s+{_TERM.format('a')}|what\s+(?:does|do)\s+{_TERM.format('b')}\s+mean|"
    rf"what\s+(?:does|do)\s+{_TERM.format('e')}\s+(?:do|return)|"
    rf"define\s+{_TERM.format('c')}|what\s+is\s+meant\s+by\s+{_TERM.format('d')})\s*[?.]?\s*$", re.I)
# A definition opens with its term as the subject ("Shims are lightweight executables that ...",
# "Neuroplasticity, also known as brain plasticity, refers to ..."), or as a label ("Shim: a small
# program that ...").  After "is" the class it names takes an article ("is a therapeutic approach"),
# after "are" a plural of content words ("are lightweight executables"); else the verb describes rather than defines:
# "Neuroplasticity is present throughout our lives", "The results are shown in Table 2".
# A noun without an article, as a definition of a thing no one counts opens ("Insomnia is trouble
# falling or staying asleep", "Anxiety is fear of ...", "The hippocampus is part of ..."): a word
# with none of an adjective's, a participle's or an adverb's endings, nor one of the adjectives that
# take "of" ("capable of", "aware of").
_MASS_NOUN = (r"(?!(?:capable|aware|afraid|full|free|independent|characteristic|typical|indicative|reminiscent|"
              r"worthy|devoid|short|proud|fond|sure|certain|likely|unlikely|able|unable|made|composed|comprised)\b)"
              r"[a-z]{3,}(?<!ing)(?<!ed)(?<!ly)(?<!ful)(?<!ous)(?<!ive)(?<!able)(?<!ible)(?<!al)(?<!ic)(?<!ent)(?<!ant)(?<!less)(?<!ary)")
_DEFINING = (r"(?:refers?\s+to|(?:shall\s+)?means?|denotes?|(?:is|are)\s+(?:defined|known)\s+as|(?:is|are)\s+called|"
             r"(?:is|was)\s+(?:an?|the|one|any)\s|(?:are|were)\s+(?P<plural>(?:[\w-]+\s+){0,2}[\w-]+s)\b|"
             rf"(?:is|was)\s+{_MASS_NOUN}\s+(?:of\b|[a-z]+ing\b))")


# What the term is of: "The type affinity of a column is the recommended type ...".
_OF_WHAT = r"\s+(?:of|for)\s+(?:an?\s+|the\s+|each\s+)?[\w-]+"


def asked_term(question: str) -> str | None:
    """The term whose definition the question asks for ("shim" of "What is a shim?"), or what it
    does ("truncate" of "What does truncate do?", "-J" of "What does the -J option of ssh do?"),
    when it holds a content word; else None."""
    m = _ASKED_TERM.match(unquoted(question))
    term = m and next(g for g in m.groups() if g)
    return term if term and any(w not in STOP_WORDS for w in re.findall(r"[\w'’-]+", term.lower())) else None


def asks_definition(question: str) -> bool:
    """Whether the question asks what a term is or means ("What is quantile regression?"), not
    what it does: a sentence that defines it answers before one that says what it does."""
    m = _ASKED_TERM.match(unquoted(question))
    return m is not None and any(m.group(g) for g in ("a", "b", "c", "d"))


def asked_entry(question: str) -> str | None:
    """The command-line option or program parameter the question asks of ("-J", "mininterval"),
    whose entry in a list of options or parameters says what it does (`opens_entry`); else None."""
    m = _ASKED_TERM.match(unquoted(question))
    return next((m.group(g) for g in ("o", "p", "q", "r", "k") if m.group(g)), None) if m else None


def _term_pattern(term: str) -> str:
    """`term` as a pattern, singular or plural; a name of code as it is ("json.dumps" is not the
    plural of "json.dump")."""
    if _CODE_NAME.search(term):
        return re.escape(term)
    words = term.split()
    last = words[-1][:-1] if words[-1].lower().endswith("s") and len(words[-1]) > 3 else words[-1]
    return r"\s+".join(map(re.escape, words[:-1] + [last])) + r"(?:e?s)?"


# A name as code writes it: dotted, with an underscore, a digit or a capital inside ("os.path",
# "lru_cache", "utf8", "ChainMap").
_CODE_NAME = re.compile(r"\w[._]\w|[a-z][A-Z]|[A-Za-z]\d")
# What an API reference's entry says its name is, before the name.
_API_KIND = r"(?:class|classmethod|staticmethod|abstractmethod|exception|function|method|attribute|property|async|coroutine)"


def _api_name(name: str) -> str:
    """The pattern `name` as an API reference writes it: what it is, a decorator's "@" and its
    module before it ("classmethod date.today", "@functools.lru_cache")."""
    return rf"(?:{_API_KIND}\s+)?@?(?:[A-Za-z_]\w*\.)*{name}"


def _introduces(text: str, term: str) -> bool:
    """Whether `text` names `term` as it introduces it: "called", "termed", "known as", "referred
    to as" ("a phenomenon termed “stunning” may occur when ...")."""
    return bool(re.search(rf"\b(?:called|termed|known\s+as|referred\s+to\s+as)\s+[\"'“‘]?(?:an?\s+|the\s+)?"
                          rf"{_term_pattern(term)}\b", text, re.I))


def states_definition(text: str, term: str) -> bool:
    """Whether `text` defines `term` (`asked_term`): it opens with the term, singular or plural,
    as its subject (an aside in commas or brackets, or what it is of, after it allowed: "The type
    affinity of a column is the ...") before "refers to", "means",
    "is defined as", "is a ..." or "are [...] ...s", as a label before a colon, or before a dash on a
    manual page's name line (`_NAME_LINE`), an abbreviation perhaps after its long form ("Slow-wave
    sleep (SWS): ..."); or it names the term as it introduces it ("called", "known as", "termed", "referred to as"). A line of code or
    a program's output defines nothing ("## Error in library(ballgown): there is no package called
    'ballgown'" names the term as "called" introduces one)."""
    if is_code_like(text):
        return False
    if _introduces(text, term):
        return True  # named as it is introduced: "two new types called raw pointers that are ..."
    name = _term_pattern(term)
    if " " not in term.strip():
        # an API reference's entry: "json.dumps(obj, *, skipkeys=False, ...): Serialize obj to a JSON
        # formatted str", "class collections.deque([iterable[, maxlen]]): Returns a new deque object",
        # a decorator's "@functools.lru_cache(maxsize=128, typed=False): Decorator to wrap ..."
        name = rf"{_api_name(name)}(?:\((?:[^()\n]|\([^()\n]*\)){{0,400}}\))?"
    if term.isupper() and term.isalpha():
        # an abbreviation defined under its long form: "Slow-wave sleep (SWS): the deepest stage ..."
        name = rf"(?:{name}|(?:[\w'’]+[\s-]+){{1,5}}\(\s*{re.escape(term)}\s*\))"
    m = re.match(rf"^[\s•*·\-–\d.)]*[\"'“‘]?(?:an?\s+|the\s+)?{name}[\"'”’]?(?:(?P<label>\s*:\s+\S)|{_NAME_LINE}|"
                 rf"(?:\s*\([^()]{{0,80}}\)|\s*,[^,]{{1,80}},|{_OF_WHAT})?\s+{_DEFINING})", text, re.I)
    # "are as follows", "are its parts": a plural of content words only.
    return bool(m) and not (m.group("plural") and STOP_WORDS.intersection(m.group("plural").lower().split()))


def states_attribute(text: str, term: str) -> bool:
    """Whether `text` says what a study's attribute asked of is: the term as its subject, then "is",
    "was", "are", "were" or "will be" and what it is, no participle ("The primary outcome was
    min/day of MVPA", "The primary outcome is overall cognitive function"; not "The primary
    outcome will be measured at 6 months", which says when)."""
    name = _term_pattern(term)
    return re.match(rf"^[\s•*·\-–\d.)]*(?:the\s+|its\s+|our\s+|their\s+)?{name}\s+(?:is|was|are|were|will\s+be)\s+"
                    rf"(?![a-z]+(?:ed|en)\b)[\w/(\"“‘]", text, re.I) is not None


# A manual page's name line: the name, its section perhaps, a dash and what it is or does
# ("clusterdb — cluster a PostgreSQL database", "bash(1) - GNU Bourne-Again SHell").
_NAME_LINE = r"(?:\(\d\w*\))?\s+[—–-]\s+[^\W\d_]"


def states_action(text: str, term: str) -> bool:
    """Whether `text` says what `term` does, opening with it as the subject of a verb in the
    present ("scater provides tools for visualization ...", "edgeR implements novel statistical
    methods ..."), an aside in commas or brackets after it allowed; not a noun it names
    ("DESeq2 results are stored ...")."""
    m = re.match(rf"^[\s•*·\-–]*(?:an?\s+|the\s+)?{_term_pattern(term)}(?:\s*\([^()]{{0,80}}\)|\s*,[^,]{{1,80}},)?"
                 rf"\s+(?:also\s+|\w+ly\s+)?(?!is\b|was\b|has\b|does\b)(?P<verb>[a-z]{{2,}}(?<!s)s)\s+(?P<next>\S+)", text, re.I)
    return m is not None and m.group("next").lower() not in ("are", "were", "have", "can", "may", "will", "should")


def opens_signature(text: str, term: str) -> bool:
    """Whether `text` opens with the signature of the code name `term` (its module, what it is, a
    decorator's "@" around it): "json.dumps(obj, *, skipkeys=False, ...", "classmethod
    date.today()", as a printed reference sets an entry above what it does; not a listing's call,
    a statement ("apop_draw(out, r, m);") or broken after its bracket ("apop_estimate(")."""
    return " " not in term.strip() and not text.rstrip().endswith(";") and re.match(
        rf"^\s*{_api_name(re.escape(term.strip()))}\s*\(\s*\S", text, re.I) is not None


def opens_entry(text: str, option: str) -> bool:
    """Whether a line of `text` opens with the command-line option or parameter `option`
    (`asked_entry`'s "-J", "mininterval"): its entry in a list of options or parameters ("-J
    destination", "-J, --remote-header-name", "• mininterval : float, optional"), where what it
    does is said, rather than a mention of it. A parameter's name is followed by its type or
    description after a colon, a bracket, an equals sign, a comma, a table's bar or a gap, or ends the line
    ("• mininterval is more intuitive ..." is a sentence about it). A manual page's name with its
    section ("debmake(1) manpage", "See also: dpkg-source(1)") names a page, no entry."""
    after = r"(?![\w-])" if option.startswith("-") else r"(?!\(\d\w*\))(?=\s*[:(=,|]|\s{2,}|\s*$)"
    # (a member of an object literal in an example, "changeOrigin: true,", sets it and says nothing of it)
    return any(not _OBJECT_MEMBER.match(text[m.start():].partition("\n")[0])
               for m in re.finditer(rf"(?m)^[\s•*·]*{re.escape(option)}{after}", text))


_ENTRY_LINE_WORDS = 8  # an entry's opening line names and types it ("• leave : bool, optional"): a few words


def entry_heading(entry: str) -> re.Pattern[str]:
    """A heading that names the option, parameter or field `entry` (`asked_entry`) and nothing
    else: after its section's number, in quotes or marks, with its kind ("5.6.2 Maintainer",
    '5.6.2. "Maintainer"', "6.9. Files", "timeout setting"). A reference gives each field a
    section of its own, and its list of fields names them all ("• Maintainer (mandatory)")."""
    return re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?[\"“‘'`*]?{re.escape(entry)}[\"”’'`*]?(?:\s+{_ENTRY_WORDS})?\s*:?\s*$",
                      re.I)


def _entry_sentence(index: Index, sentences: range, heading: np.ndarray, shown: int, entry: str | None) -> int:
    """Where `entry` is an option or parameter asked of, the first sentence in words under a heading
    that names it (`entry_heading`: "5.6.21 Files", then "This field contains a list of files ...";
    the example under it opens with "Files:"); else the sentence that opens its entry
    (`opens_entry`: "verify | Whether the server's TLS certificate is checked. | true", a table's
    row), or the first one in words after it (past its synopsis) where that names and types it in
    a few words without a sentence's end ("• leave : bool, optional": the line under it says what
    it does); else `shown`."""
    if not entry:
        return shown
    texts = [index.sentence_text(r) for r in sentences]
    headed = entry_heading(entry)
    for i in (i for i, t in enumerate(texts) if heading[i] and headed.match(t)):
        under = next((j for j in range(i + 1, len(texts)) if not heading[j] and not is_code_like(texts[j])), None)
        if under is not None:
            return under
    opening = next((i for i, t in enumerate(texts) if opens_entry(t, entry)), None)
    if opening is None:
        return next((i for i, t in enumerate(texts) if states_entry(t, entry)), shown)
    names_only = _names_only(texts[opening])
    after = opening + 1
    # past its synopsis: code, or a line that names it again ("trap:", then "trap [-lp] [arg] [sigspec
    # …]", then what it does)
    while names_only and after < len(texts) - 1 and ((heading[after] and is_code_like(texts[after])) or (
            texts[after].lstrip().startswith(entry) and _names_only(texts[after]))):
        after += 1
    return after if names_only and after < len(texts) and not heading[after] else opening


def states_entry(text: str, entry: str) -> bool:
    """Whether `text` says in words what the option or parameter `entry` (`asked_entry`) does or
    is, opening with it as its subject ("The pageofpages option defines the string between ...",
    "-J enables ...", "mininterval is the ..."), as a guide's list says it where no list of entries
    opens with it; not a line of code, nor a sentence of what it has or does not do, nor of what
    it is like ("mininterval is more intuitive ...")."""
    if is_code_like(text):
        return False
    return re.match(rf"^[\s•*·\-–]*(?:the\s+)?{re.escape(entry)}\s+(?:{_ENTRY_WORDS}s?\s+)?(?:also\s+|\w+ly\s+)?"
                    r"(?:(?:is|are)\s+(?:an?|the|one)\s|(?!is\b|has\b|does\b|was\b)[a-z]{2,}(?<!s)s\s+(?!not\b)\S)", text, re.I) is not None


POINTER_ITEM_WORDS = 3  # words of a list item that only names a section ("• MaxKeepAliveRequests")


def listed_names(text: str) -> list[str]:
    """The items, lower-cased, of a passage that is a list of names and nothing else: its lines a
    heading of a few words and items of at most `POINTER_ITEM_WORDS` words without a sentence's
    end; [] for any other passage."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    items = [BULLET.sub("", ln).strip().lower() for ln in lines if is_list_item(ln)]
    if not items or len(lines) - len(items) > 1 or any(re.search(r"[.!?:]$", ln) for ln in lines):
        return []
    return items if all(len(item.split()) <= POINTER_ITEM_WORDS for item in items) else []


def lists_names_only(text: str, headings: Collection[str]) -> bool:
    """Whether a passage is a list of cross-references and nothing else (`listed_names`), each item
    opening one of `headings` (section headings, lower-cased): a manual's "See also" list ("•
    MaxKeepAliveRequests" of "MaxKeepAliveRequests Directive"), a contents list. Every word of it is
    a name to look up elsewhere; it answers nothing. A list of short items that head nothing ("•
    Fever", "• Cough" under "Symptoms") is an answer."""
    items = listed_names(text)
    return bool(items) and all(any(h.startswith(item) and h[len(item) : len(item) + 1] in ("", " ") for h in headings)
                               for item in items)


def _names_only(line: str) -> bool:
    """Whether a line only names an entry, its type or its synopsis: a few words, no full stop at
    its end ("• leave : bool, optional", "trap:\n\ntrap [-lp] [arg]")."""
    return len(line.split()) <= _ENTRY_LINE_WORDS and not re.search(r"[.!?][\"'”’)\]]*\s*$", line)


def _first_under_heading(index: Index, row: int, sentences: range, heading: np.ndarray, leads: np.ndarray,
                         term: str) -> int | None:
    """The first sentence in words right under a heading line of passage `row` (one that introduces
    the sentence after it, `leads`, or the document's own heading, even one set as code: a
    signature, or a signature of `term` set as a line of code, `opens_signature`) that names
    `term` as a word (singular or plural): what a document says first under a
    thing's own heading says what it is or does ("1.0.0 · pub fn truncate(&mut self, len: usize)",
    then "Shortens the vector, ..."; a later sentence that names it, "The drain method can emulate
    truncate", only mentions it)."""
    doc = index.passage(row).doc
    document = index.document(doc)
    text, starts = document.text, _heading_starts(index, doc)
    name = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, term.split())) + r"(?:e?s)?(?![\w-])", re.I)
    for i in range(len(sentences) - 1):
        s, e = index.sentence_span(sentences[i])
        # the page's own title heads it too ("configure_file", then "Copy a file to another location ...")
        under = (leads[i] or text.rfind("\n", 0, s) + 1 in starts or text[s:e].strip().casefold() == document.title.strip().casefold()
                 or opens_signature(text[s:e], term))
        if not (under and name.search(text[s:e])):
            continue
        after = i + 1  # past the rest of a signature wrapped over lines of code
        while after < len(sentences) - 1 and heading[after] and is_code_like(index.sentence_text(sentences[after])):
            after += 1
        if not heading[after]:
            return after
    return None


PersonKind = Literal["who", "author"]
_AUTHORED = re.compile(r"\b(?:wrote|written|writers?|authors?|authored)\b", re.I)


# "Who developed neuropsychotherapy?", "Who funded the trial?": who made, began or paid for a thing,
# which a passage answers by naming someone; not "Who was eligible?", "Who delivered the sessions?",
# which a role answers.
_ORIGIN_ASKED = re.compile(r"^\W*(?:and\s+)?who\s+(?:first\s+|originally\s+)?(?:developed|created|invented|founded|"
                           r"discovered|coined|funded|sponsored|proposed|introduced|pioneered|established|funds|sponsors|"
                           r"made|makes|manufactures|manufactured|produces|produced|pa(?:ys|id)\s+for|financ(?:es|ed)|"
                           r"(?:is|are|was|were)\s+(?:funding|sponsoring|paying\s+for|financing))\b", re.I)


def asks_origin(question: str) -> bool:
    """Whether the question asks who made, began or paid for a thing (`_ORIGIN_ASKED`)."""
    return _ORIGIN_ASKED.match(question) is not None


# Verbs that say who paid for a thing, and who made or began one: a question asks with one, a
# sentence may answer with another ("Who funded the trial?": "This work was supported by ...").
_FUNDING = r"funded|supported|sponsored|financed|paid\s+for|commissioned"
_MAKING = (r"developed|created|invented|founded|discovered|coined|proposed|introduced|pioneered|established|designed|"
           r"devised|formulated|made|manufactured|produced")
_FUNDING_ASKED = re.compile(r"\b(?:fund(?:s|ed|ing)|sponsor(?:s|ed|ing)|paying|pa(?:ys|id)\s+for|financ(?:es|ed|ing))\b", re.I)
# A record's line that a label of funding opens ("Sponsor: Northfield University Hospital",
# "Funding: the Wellcome Trust"), as trial registries and papers' back matter write it.
_FUNDING_LABEL = re.compile(r"(?:^|\n)\W*(?:(?:study|trial|lead|main)\s+)?(?:sponsors?|funders?|funding(?:\s+sources?)?|"
                            r"sources?\s+of\s+funding|financial\s+support)\s*:\s*(?:the\s+)?(?P<label>[A-Z][^\n.;]*)", re.I)
# And one that a label of making opens ("Manufacturer: Example Diagnostics Ltd, ...", "Developer: ..."),
# as a device's or a product's label writes it.
_MAKER_LABEL = re.compile(r"(?:^|\n)\W*(?:(?:legal\s+)?manufacturer|maker|producer|developer|made\s+by|manufactured\s+by)\s*:?\s*"
                          r"(?:the\s+)?(?P<label>[A-Z][^\n.;]*)", re.I)
_WHO_NAME = r"[A-Z][\w'’.-]*[\w'’]"


def states_origin(text: str, question: str) -> bool:
    """Whether `text` says who made, began or paid for a thing (`asks_origin`), naming someone the
    question does not: "<made> ... by <name>" ("This work was supported by the UK Medical Research
    Council", "funded by a four-year project grant from the NHMRC") or "<name> <made>" ("Aaron Beck
    developed ..."), with a verb of paying for a funding question, of making for another; for a
    funding question "<name> is the sponsor", "funding from <name>" and "Funding for this trial was
    provided by <name>" too; a record's line a label
    of funding or making opens ("Sponsor: ...", "Manufacturer: ...")."""
    verbs = _FUNDING if _FUNDING_ASKED.search(question) else _MAKING
    asked = {w.casefold() for w in re.findall(r"[\w'’.-]+", question)}
    said = re.compile(rf"\b(?:{verbs})\b[^.;:]{{0,40}}?\bby\s+(?:[a-z][\w'’-]*\s+){{0,6}}?(?P<by>{_WHO_NAME}(?:\s+{_WHO_NAME})*)|"
                      rf"(?P<who>{_WHO_NAME}(?:\s+{_WHO_NAME})*)\s+(?:\(\d{{4}}\)\s+)?(?:first\s+|originally\s+)?(?:{verbs})\b"
                      + (rf"|(?P<is>{_WHO_NAME}(?:\s+{_WHO_NAME})*)\s+(?:is|was|are|were)\s+the\s+(?:[a-z]+\s+)?"
                         rf"(?:sponsors?|funders?)\b|\b(?i:funding|grants?|support)\s+(?:[a-z][\w'’-]*\s+){{0,3}}?from\s+"
                         rf"(?:the\s+)?(?P<from>{_WHO_NAME}(?:\s+{_WHO_NAME})*)|\b(?i:funding|grants?|financial\s+support)\b"
                         rf"[^.;:]{{0,40}}?\bprovided\s+by\s+(?:the\s+)?(?P<provided>{_WHO_NAME}(?:\s+{_WHO_NAME})*)"
                         if verbs == _FUNDING else ""))
    found = list(said.finditer(text)) + list((_FUNDING_LABEL if verbs == _FUNDING else _MAKER_LABEL).finditer(text))
    for m in found:
        names = re.findall(r"[\w'’.-]+", next(g for g in m.groups() if g))
        if any(n.casefold() not in asked and n.lower() not in FUNCTION_WORDS for n in names):
            return True
    return False


# The most words a record's field holds after its label: "Location: Room 2.14, Department of
# Psychology, University of Sheffield" is one; a structured abstract's "Methods: The FOCUS trial
# (...) is a randomised ... trial enrolling 126 patients ..." is a paragraph under a label.
_FIELD_WORDS = 20


def labels_statement(sentence: str, stating: Callable[[str], bool]) -> bool:
    """Whether `sentence` is a record's labelled line ("Location: ...", "Sponsor: ...") that states what a
    question asks (`stating`, `asked_statement`): such a line answers it, though the answer model,
    which learned from sentences, reads a line without a clause as unlike any answer."""
    field = _LABELLED.match(sentence.strip())
    return bool(field) and len(field.group(2).split()) <= _FIELD_WORDS and stating(sentence)


def asked_statement(question: str) -> Callable[[str], bool] | None:
    """What a sentence must state to answer the question beyond its words, as a test of a text:
    a place for where something was done (`asks_place`, `states_place`), who for who made or paid
    for a thing (`asks_origin`, `states_origin`), a name beside a role for who holds it
    (`asked_role`, `states_role_holder`); None for another question."""
    if asks_place(question):
        asked = bm25_tokenize([question])[0]
        return lambda text: states_place(text, asked)
    if asks_origin(question):
        return lambda text: states_origin(text, question)
    if role := asked_role(question):
        return lambda text: states_role_holder(text, role)
    return None


# "Who is the study coordinator?", "Who was the principal investigator?": a role, and who holds it.
_ASKS_ROLE = re.compile(r"^\W*(?:and\s+)?who\s+(?:is|was|are|were|will\s+be)\s+(?:the|our|my|your|their)\s+"
                        r"((?:[\w-]+\s+){0,3}[\w-]+)\s*[?.!]*\s*$", re.I)
# A person's name as a record or a letter writes it: "Dr Hannah Reid", "Prof. A. B. Jones", "Maria Gonzalez".
_PERSON_NAME = (r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame)\.?\s+)?(?:[A-Z]\.\s*){0,2}[A-Z][a-z'’-]+"
                r"(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z'’-]+)+")


def asked_role(question: str) -> str | None:
    """The role a question asks who holds ("study coordinator" of "Who is the study coordinator?");
    None for another question, and for one asking who wrote the document."""
    asked = _ASKS_ROLE.match(question)
    return asked.group(1) if asked and not asks_writers(question) else None  # writers: `asks_writers`


def states_role_holder(text: str, role: str) -> bool:
    """Whether `text` names who holds `role`, the name beside it: "Dr Hannah Reid, Study
    Coordinator", "Study Coordinator: Dr Hannah Reid", "Dr Reid (study coordinator)", "Dr Hannah
    Reid is the study coordinator"."""
    named = r"(?i:" + r"\s+".join(map(re.escape, role.split())) + r")"
    return re.search(rf"{_PERSON_NAME}\s*(?:,|\(|–|-|\bis\b|\bwas\b|\bwill\s+be\b)\s*(?i:the\s+|our\s+)?{named}\b|"
                     rf"\b{named}\s*(?::|,|–|-|\bis\b|\bwas\b)?\s*{_PERSON_NAME}", text) is not None


# A question for examples: "What are examples of neuroplasticity-based interventions?", "Give me an
# example of functional plasticity", "Can you give some examples?".
_ASKS_EXAMPLES = re.compile(r"\b(?:examples?|instances?)\s+of\b|\bgive\s+(?:me\s+)?(?:an?\s+|some\s+|any\s+)?examples?\b|"
                            r"\bfor\s+(?:an\s+)?(?:example|instance)\b|\bsuch\s+as\s+what\b", re.I)
# A sentence giving examples: "Interventions, such as psychotherapy, medication and ...", "for
# example", "e.g.", "including", "is an example of", "Examples include ...".
_GIVES_EXAMPLES = re.compile(r"\b(?:such\s+as|for\s+(?:example|instance)|including|an?\s+example\s+of|examples?\s+(?:include|are))\b|"
                             r"\be\.g\.", re.I)


def asks_examples(question: str) -> bool:
    """Whether the question asks for examples ("What are examples of ...?", "Give an example of ...")."""
    return bool(_ASKS_EXAMPLES.search(question))


# "How was the serotonin syndrome treated?", "How is insomnia managed?", "What was the treatment?":
# what was done for a condition, which a sentence saying what was given, stopped or done answers.
_ASKS_TREATMENT = re.compile(r"^\W*(?:and\s+)?how\s+(?:was|were|is|are|should|can|could|do|does|did)\s+(?:\S+\s+){1,6}?"
                            r"(?:treated|managed)\W*$|^\W*(?:and\s+)?what\s+(?:was|were|is|are)\s+(?:the\s+|her\s+|his\s+|their\s+)?"
                            r"(?:treatment|management)\b", re.I)
# A sentence saying what was given or done for a condition: "she was given cyproheptadine",
# "Linezolid and sertraline were stopped", "is treated with CBT", "received six sessions".
_STATES_TREATMENT = re.compile(r"\b(?:was|were|is|are|be|been)\s+(?:\w+\s+)?(?:given|prescribed|administered|started|stopped|"
                               r"discontinued|withdrawn|switched|treated|managed)\b|\b(?:received|underwent|treated\s+with|"
                               r"managed\s+with)\b", re.I)


def asks_treatment(question: str) -> bool:
    """Whether the question asks how a condition was or is treated (`_ASKS_TREATMENT`)."""
    return bool(_ASKS_TREATMENT.search(question))


# A sentence of an article naming a treatment by what it does for the condition: "Antipsychotic
# medications and cognitive remediation therapy can induce neuroplastic changes that improve symptoms
# of schizophrenia", "Exposure therapy reduces avoidance".
_TREATMENT_HELPS = re.compile(r"\b(?:therap(?:y|ies)|medications?|medicines?|drugs?|treatments?)\b[^.;:]{0,60}?\b"
                              r"(?:improve|reduce|relieve|alleviate|ease|lessen)[sd]?\b", re.I)


def states_treatment(text: str) -> bool:
    """Whether a sentence says what was given, stopped or done for a condition (`_STATES_TREATMENT`),
    or names a treatment by what it does for it (`_TREATMENT_HELPS`)."""
    return bool(_STATES_TREATMENT.search(text) or _TREATMENT_HELPS.search(text))


# "What is sertraline used for?", "What is it prescribed for?", "What does lithium treat?", "What
# are the indications for ...?": what a thing serves for, which a sentence saying what it is used,
# indicated or given for answers.
_ASKS_USE = re.compile(r"^\W*(?:and\s+)?what\s+(?:is|are|was|were)\s+(?:\S+\s+){1,6}?(?:used|prescribed|indicated|given|"
                       r"taken|approved|licensed)\s+(?:for|to\s+treat)\W*$|^\W*(?:and\s+)?what\s+(?:does|do|did)\s+(?:\S+\s+){1,6}?"
                       r"treat\W*$|^\W*(?:and\s+)?what\s+(?:is|are)\s+the\s+(?:main\s+)?(?:indications?|uses)\b", re.I)
# A sentence saying what a thing serves for: "are indicated for the treatment of", "is used to
# treat", "used primarily for", "for the treatment of", "treats anxiety", "helps relieve"; not "is
# not approved for use in children", which says where it is not used, nor "the level that treats is
# close to the level that poisons", which names nothing treated.
_STATES_USE = re.compile(r"(?<!\bnot\s)\b(?:used|indicated|prescribed|approved|licensed|recommended)\s+"
                         r"(?:(?:\w+ly|also|often|sometimes)\s+)?(?:for(?!\s+use\b)|to\s+(?:treat|manage|prevent|relieve|reduce|control|help|ease)|"
                         r"in\s+the\s+(?:treatment|management|prevention))\b|"
                         r"\bfor\s+the\s+(?:treatment|management|prevention|relief)\s+of\b|"
                         r"\b(?:treats|relieves)\s+(?!(?:is|are|was|were|has|have|can|could|may|might|will|would|should)\b)[^\W\d_]|"
                         r"\bhelps?\s+(?:to\s+)?(?:treat|manage|prevent|relieve|ease|control)\b", re.I)


def asks_use(question: str) -> bool:
    """Whether the question asks what a thing is used for (`_ASKS_USE`)."""
    return bool(_ASKS_USE.search(question))


def states_use(text: str) -> bool:
    """Whether a text says what a thing is used, indicated or given for (`_STATES_USE`)."""
    return bool(_STATES_USE.search(text))


# A question for a reason: "Why was ramipril stopped?", "What was the reason for the delay?", "For
# what reason ...?".
_ASKS_REASON = re.compile(r"^\W*(?:(?:and|but|so)\s+)?why\b|\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:main\s+)?reasons?\b|"
                          r"\bfor\s+what\s+reasons?\b", re.I)
# A sentence giving a reason: "withheld because of the kidney injury", "due to", "owing to", "so that".
_GIVES_REASON = re.compile(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|on\s+account\s+of|in\s+view\s+of|"
                           r"so\s+that|in\s+order\s+to|reasons?\s+(?:for|was|were|is|are|being)|given\s+that|"
                           r"for\s+fear\s+of)\b", re.I)


_POINTED_BACK = re.compile(r"\b(?:due|owing)\s+to\s+(?:this|that|these|those|it|them)\b|"
                           r"\b(?:because|as\s+a\s+result|on\s+account|in\s+view)\s+of\s+(?:this|that|these|those|it|them)\b", re.I)


def asks_reason(question: str) -> bool:
    """Whether the question asks why (`_ASKS_REASON`)."""
    return _ASKS_REASON.search(question) is not None


def gives_reason(asked: Collection[str]) -> Callable[[str], bool]:
    """A test of a sentence for a question asking why, whose terms are `asked`: it gives a reason
    (`_GIVES_REASON`: "Ramipril was withheld because of the kidney injury", not one that points
    back, "Due to this association ...") and names one of the terms, as that one does for "Why was
    ramipril stopped?" ("Ramipril remains on hold." says nothing of why; a reason for something
    else answers nothing asked)."""
    named = set(asked) - FUNCTION_WORDS

    def gives(text: str) -> bool:
        # a reason that points back ("Due to this association ...") is the sentence before's to give
        return _GIVES_REASON.search(_POINTED_BACK.sub(" ", text)) is not None and not named.isdisjoint(bm25_tokenize([text])[0])

    return gives


# A superlative a question asks by: "What were the most common adverse events?", "Which group had
# the largest effect?", "What is the least effective dose?".
_EST = (r"largest|smallest|highest|lowest|greatest|strongest|weakest|longest|shortest|biggest|earliest|latest|commonest|"
        r"oldest|youngest|fastest|slowest|safest|cheapest|best|worst")
_SUPERLATIVE = re.compile(rf"\b(?:(?:most|least)\s+[a-z][\w-]+|{_EST})\b", re.I)


def asked_superlative(question: str) -> Callable[[str], bool] | None:
    """For a question asking by a superlative (`_SUPERLATIVE`), a test of a sentence: it says the
    same superlative ("Musculoskeletal injuries were the most common." for "What were the most
    common adverse events?", not "Fourteen trials reported adverse events."); None for another
    question."""
    asked = _SUPERLATIVE.search(question)
    if asked is None or not is_question(question):
        return None
    said = re.compile(r"\b" + r"\s+".join(map(re.escape, asked.group().lower().split())) + r"\b", re.I)
    return lambda text: said.search(text) is not None


# A question for what is advised: "What should be offered for less severe depression?", "What is
# recommended for insomnia?", "Which treatment should I be prescribed?" (a verb of advice, not negated).
_ADVICE_VERBS = r"(?:offered|recommended|advised|prescribed|suggested)"
_ASKS_ADVICE = re.compile(rf"^\W*(?:and\s+)?(?:what|which)\b(?:\s+[\w-]+){{0,3}}?\s+(?:should|is|are|can|would)\s+"
                          rf"(?:(?:i|we|you|they|he|she)\s+)?(?:(?:usually|normally|first)\s+)?(?:be\s+)?{_ADVICE_VERBS}\b", re.I)


def asked_advice(question: str) -> Callable[[str], bool] | None:
    """For a question asking what is advised (`_ASKS_ADVICE`), a test of a sentence: it advises
    with that verb, not against ("Offer guided self-help ..." for "What should be offered for less
    severe depression?", not "Do not routinely offer antidepressant medication ..."); None for
    another question."""
    asked = _ASKS_ADVICE.search(question)
    if asked is None or _NOT_ASKED.search(question):
        return None
    verb = stemmer().stemWord(re.findall(r"[a-z]+", asked.group().lower())[-1])
    said = re.compile(rf"\b{re.escape(verb)}\w*\b", re.I)
    against = re.compile(rf"\b(?:not|never|n't|avoid)\b(?:\s+[\w-]+){{0,3}}?\s+{re.escape(verb)}\w*\b", re.I)
    return lambda text: said.search(text) is not None and against.search(text) is None


_NOT_ASKED = re.compile(r"\b(?:not|never|n't)\b", re.I)

# A question for how to do a thing: "How do I replace the batteries?", "How should I store it?",
# "How to clean the meter?"; not with a verb that asks for no act ("How do I know ...?").
_ASKS_ACTION = re.compile(r"^\W*(?:and\s+)?how\s+(?:(?:do|can|should|could|would|must)\s+(?:i|you|we|one)\s+(?:best\s+)?|to\s+)"
                          r"(?P<verb>[a-z]+)\b", re.I)
_NO_ACT = frozenset({"know", "tell", "get", "go", "do", "be", "have", "feel", "find", "see", "make", "look", "say", "need", "want"})
# Where a verb stands as one: opening the sentence (after its number or bullet), or after a comma,
# "and", "then", "to", "you", "must", "should" or "can" ("Open the door, replace both batteries").
_AS_VERB = r"(?:^[\W\d]*|(?:,|\band|\bthen|\bto|\byou|\bmust|\bshould|\bcan|\bplease)\s+)"


def asked_action(question: str) -> Callable[[str], bool] | None:
    """For a question asking how to do a thing (`_ASKS_ACTION`), a test of a sentence: it says to
    do it, the question's verb standing as a verb (`_AS_VERB`: "Open the battery door ..., replace
    both batteries ..." for "How do I replace the batteries?", not "When the battery symbol
    appears, about 50 tests remain."; "a test strip" does not say to test); None for another
    question."""
    asked = _ASKS_ACTION.match(question)
    if asked is None or asked.group("verb").lower() in _NO_ACT:
        return None
    stem = stemmer().stemWord(asked.group("verb").lower())
    said = re.compile(rf"{_AS_VERB}({re.escape(stem)}[a-z]*)\b", re.I | re.M)
    return lambda text: any(stemmer().stemWord(m.group(1).lower()) == stem for m in said.finditer(text))


# "How were participants recruited?", "How were the schools randomised?": the means by which a
# thing was done to something, which a sentence gives after the same verb ("Participants were
# recruited by mailed invitations", "Randomisation was conducted using random number generation").
# Not a question a verb's sense makes another: what a thing is defined or called as, what it is
# related to, how a disease is treated or a drug used (`asks_treatment`, `asks_use`).
_ASKS_MEANS = re.compile(r"^\W*(?:(?:and|but|so)\s+)?how\s+(?:was|were|is|are|will|would|should|can|could)\s+(?:\S+\s+){1,8}?"
                         r"(?:be\s+)?(?P<verb>[a-z]{3,}(?:ed|en))(?:\s+(?:in|at|for|during|among|across)\s+[^?.!]+)?\s*[?.!]*\s*$",
                         re.I)
# (nor how a thing was measured, which a paper says with any of several verbs: "measured" is
# answered by "assessed using the General Lifestyle Survey")
_NOT_MEANS = frozenset({"defin", "call", "name", "known", "relat", "link", "associ", "treat", "use", "spell", "pronounc",
                        "written", "given", "chosen", "taken", "measur", "assess", "evalu", "record", "collect", "quantifi",
                        "score", "rate", "determin", "estim", "calcul", "test", "check", "monitor", "examin"})
_MEANS_AFTER = r"(?:\s+[\w'’-]+){0,3}?\s+(?:by|through|via|using|with|from)\b"


def asked_means(question: str) -> Callable[[str], bool] | None:
    """For a question asking by what means a thing was done (`_ASKS_MEANS`), a test of a text: it
    says the question's verb with a means after it ("recruited by mailed invitations", "recruited
    through primary care"); None for another question and for one of the verbs `_NOT_MEANS` holds."""
    asked = _ASKS_MEANS.match(own_words(question))
    if asked is None:
        return None
    stem = stemmer().stemWord(asked.group("verb").lower())
    if stem in _NOT_MEANS or asks_treatment(question) or asks_use(question):
        return None
    said = re.compile(rf"\b({re.escape(stem)}[a-z]*){_MEANS_AFTER}", re.I)
    # the noun of the verb stems apart ("randomisation" to "randomis", "randomised" to "random")
    return lambda text: any(stemmer().stemWord(m.group(1).lower()).startswith(stem) for m in said.finditer(text))


# "How long after the nerve injection were the rats perfused?": the time between two events, which
# a sentence gives as a span before "after" or "before" ("Three days after the injections, they
# were ... perfused"), or "... later"; not a span something lasted ("post-fixed for 2 h").
_ASKS_INTERVAL = re.compile(r"\bhow\s+(?:long|many\s+(?:minutes|hours|days|weeks|months|years))\s+(?P<rel>after|before)\b", re.I)
_INTERVAL_UNIT = r"(?:min(?:ute)?s?|h(?:ou)?rs?|h|days?|weeks?|fortnights?|months?|years?)"
_INTERVAL_AMOUNT = (r"(?:\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|a\s+few|several|a|an)")


def asked_interval(question: str) -> Callable[[str], bool] | None:
    """For a question asking how long after (or before) one event another came (`_ASKS_INTERVAL`), a
    test of a sentence: it gives a span before the same "after" or "before", or before "later" (or
    "earlier"); None for another question."""
    asked = _ASKS_INTERVAL.search(own_words(question))
    if asked is None:
        return None
    rel = asked.group("rel").lower()
    said = re.compile(rf"\b{_INTERVAL_AMOUNT}[\s-]+{_INTERVAL_UNIT}\s+(?:{rel}|{'later' if rel == 'after' else 'earlier'})\b", re.I)
    return lambda text: said.search(text) is not None


# A count asked of what the things counted were or did: "how many were non-smokers six months
# later?", "How many patients had a relapse?" (the first word after the verb; an adverb skipped).
_COUNT_VERBS = r"(?:were|was|are|is|had|have|has|did|do|does)"
_ASKS_COUNT_OF = re.compile(rf"\bhow\s+many\b(?:\s+[\w'-]+){{0,6}}?\s+{_COUNT_VERBS}\s+(?:[a-z]+ly\s+)?([\w-]+)", re.I)


def asked_count_of(question: str) -> Callable[[str], bool] | None:
    """For a question counting things by what they were, had or did (`_ASKS_COUNT_OF`), a test of
    a sentence: a number in it counts things that were, had or did that, the verb right after the
    number or the thing it counts ("27 (45.00%) were non-smokers at 6-month follow-up" for "how
    many were non-smokers six months later?", not "of the 480 non-smokers ..., 14 (2.92%) were
    smokers"; "12 children had asthma" for "How many children had asthma?"); None for another question or where the
    word after the verb is one of the question's own ("How many were there?")."""
    asked = _ASKS_COUNT_OF.search(question)
    if asked is None or asked.group(1).lower() in _NOT_PREDICATES:
        return None
    word = bm25_tokenize([asked.group(1)])[0]
    if not word:
        return None
    said = re.compile(rf"(?<![\w.,])\d[\d,]*(?:\.\d+)?%?(?:\s*\([^()]{{0,40}}\))?(?:\s+[\w-]+){{0,2}}?\s+{_COUNT_VERBS}\s+"
                      rf"(?:[a-z]+ly\s+)?([\w-]+)", re.I)
    return lambda text: any(bm25_tokenize([m.group(1)])[0] == word for m in said.finditer(text))


# "What are the risks of z-drugs?", "What is the dose for children?": the noun asked for, of a thing.
_ASKS_LABELLED = re.compile(r"^\W*(?:and\s+)?(?:what|which)\s+(?:is|are|was|were)\s+(?:the\s+)?(?:main\s+)?"
                            r"([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:of|for|with)\s+\S", re.I)


def asked_label(question: str) -> Callable[[str], bool] | None:
    """For a question asking for a noun of a thing (`_ASKS_LABELLED`), a test of a sentence: it is
    a line that noun labels (`_LABELLED`: "• Risks: falls, dependence, next-day impairment" for
    "What are the risks of z-drugs?", not the item above it naming z-drugs); None for another
    question or a noun of function words only."""
    asked = _ASKS_LABELLED.match(question)
    noun = bm25_tokenize([asked.group(1)])[0] if asked else []
    if not noun:
        return None

    def labels(text: str) -> bool:
        m = _LABELLED.match(text.strip())
        said = bm25_tokenize([m.group(1)])[0] if m else []
        return bool(said) and all(any(same_stem(w, h) for h in said) for w in noun)
    return labels


# Words after "how many ... were" that say nothing of what was counted.
_NOT_PREDICATES = frozenset({"there", "the", "a", "an", "in", "of", "to", "for", "at", "by", "on", "with", "not", "it", "they",
                             "this", "these", "those", "that", "all", "also", "still", "then", "so"})


def gives_examples(text: str) -> bool:
    """Whether a sentence gives examples ("such as", "for example", "e.g.", "including", "is an
    example of")."""
    return bool(_GIVES_EXAMPLES.search(text))


def asks_person(question: str) -> PersonKind | None:
    """Whether the question asks who: "author" when it asks who wrote ("Who wrote ...?", "Which
    authors ...?"), "who" for another person ("Who funded ...?"), None when it asks no person."""
    if not _PERSON.search(question):
        return None
    return "author" if _AUTHORED.search(question) else "who"


# "Who wrote the trial protocol?", "Who are the authors?", "Who is the author of this talk?": the
# writers of a document, not a finding some authors reported ("Which authors found that ...?").
# "Who gave ethical approval?" asks for a body that approved, not for the document's writers: "gave"
# asks for a speaker only of something spoken.
_WRITERS_ASKED = re.compile(r"^\W*(?:and\s+)?who\s+(?:(?:wrote|authored|prepared|presented)\b|gave\s+(?:(?:the|this|that|a|an|"
                            r"today's|today’s)\s+)?(?:talk|lecture|presentation|speech|keynote|seminar|sermon|address|webinar|"
                            r"tutorial|workshop)s?\b|"
                            r"sent\s+(?:the\s+|this\s+|that\s+)?(?:letter|e-?mail|message|memo)\b|(?:is|are|was|were)\s+"
                            r"(?:the\s+|its\s+|their\s+)?(?:authors?|writers?|speakers?|presenters?|senders?)\b)", re.I)


def asks_writers(question: str) -> bool:
    """Whether the question asks who wrote a document ("Who wrote ...?", "Who are the authors of
    ...?"), which the document's list of its writers answers."""
    return _WRITERS_ASKED.match(question) is not None


# "When was this article published?", "What is the publication date of the review?": the date a
# document prints by its title or byline, not a date its text reports ("When was the trial
# registered?") nor a release's ("When was 3.4.0 released?").
_DOCUMENT_DATE_ASKED = re.compile(r"^\W*(?:and\s+)?when\s+(?:was|were)\s+\S.*?\s+(?:published|written|posted|dated|sent)\W*$|"
                                  r"\b(?:publication\s+date|date\s+of\s+publication)\b", re.I)


def asks_front_matter(question: str) -> bool:
    """Whether the question asks who wrote a document, when, its DOI or what it is about
    (`asks_writers`, `asks_document_date`, `asks_doi`, `asks_gist`), which its front (or back)
    matter answers."""
    return asks_writers(question) or asks_document_date(question) or asks_doi(question) or asks_gist(question)


# "What is the review about?", "What is this paper about?", "And what is it about?": what a document
# is about, which its opening says.
_GIST_ASKED = re.compile(r"^\W*(?:and\s+)?(?:what\s+(?:is|was|are|were)\s+(?:[\w'’-]+\s+){1,6}?about|(?:please\s+)?"
                         r"(?:tell\s+(?:me|us)\s+about|summari[sz]e|give\s+(?:me\s+|us\s+)?(?:an\s+overview|a\s+summary)\s+of)"
                         r"\s+(?!(?:it|them|this|that|these|those|more)\b)(?:[\w@'’-]+\s+){0,6}[\w@'’-]+)\W*$", re.I)


def asks_gist(question: str) -> bool:
    """Whether the question asks what a document is about ("What is the review about?", "Tell me
    about the LIMIT trial.", "Summarise the paper.")."""
    return _GIST_ASKED.match(question) is not None


def asks_doi(question: str) -> bool:
    """Whether the question asks a document's DOI ("What is the DOI of the BeneMin paper?")."""
    return re.search(r"\bDOI\b|\bdigital\s+object\s+identifier\b", question, re.I) is not None


def asks_document_date(question: str) -> bool:
    """Whether the question asks when a document was published or written, which the date its
    front matter prints answers."""
    return _DOCUMENT_DATE_ASKED.search(question) is not None


# The words of a question that asks what a document's front matter answers without naming it: "Who
# are the authors of this paper?", "When was it published?" (as BM25 tokens; stop words are none).
_WRITER_WORDS = ("who wrote authored prepared presented gave author authors writer writers speaker speakers presenter "
                 "presenters sender paper article document report book review talk slides presentation post blog page study vignette "
                 "manual guide tutorial handbook thesis dissertation poster preprint manuscript letter email e-mail memo "
                 "what when it written published publication date dated posted sent doi about")


@lru_cache(maxsize=1)
def _writer_tokens() -> frozenset[str]:
    return frozenset(bm25_tokenize([_WRITER_WORDS])[0])  # built on first use: the stemmer loads lazily


def about_a_document(word: str) -> bool:
    """Whether `word` names a kind of document or who wrote one ("paper", "slides", "authors"),
    which a question may use of documents that never use it of themselves."""
    tokens = bm25_tokenize([word])[0]
    return bool(tokens) and set(tokens) <= _writer_tokens()


def names_no_document(question: str, asking: str = "") -> bool:
    """Whether a question asking what a document's front matter answers (`asks_front_matter`: who
    wrote it, when, its DOI, what it is about) names nothing but a kind of document ("Who are the
    authors?", "Who wrote this paper?", "When was it published?"), the words `asking` aside ("What
    did it find?"): in a conversation it asks about the previous answer's document, alone about any."""
    return not set(bm25_tokenize([question])[0]) - _writer_tokens() - _request_tokens() - set(bm25_tokenize([asking])[0])


@lru_cache(maxsize=1)
def _request_tokens() -> frozenset[str]:
    """The BM25 terms of a request for what a document says as a whole ("Summarise the paper.",
    "Give me an overview of the article."), which names no document."""
    return frozenset(bm25_tokenize(["tell me us summarise summarize summary overview give"])[0])


# A line that names who wrote what it heads: "By Maria Gonzalez", "Writer: Prisha Oza", "Authors:
# A. Smith and B. Jones".
_WRITER_LINE = re.compile(r"^\W*(?i:(?:written|posted|reviewed)\s+by|by|writer|authors?)\s*:?\s+"
                          r"(?:[A-Z][\w'’.-]*(?:\s+|,\s*|\s+and\s+|\s*&\s*))+[A-Z][\w'’.-]*"
                          # the writer's role after the name: "By Dr Hannah Okoro, consultant child psychiatrist"
                          r"(?:,\s+[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*){0,5})?\W*$|"
                          # an e-mail's sender: "From: Dr Samuel Okafor <s.okafor@example.org>"
                          r"^\W*(?i:from)\s*:\s+(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*\s*(?:<[^<>\s]+@[^<>\s]+>)?\s*$")


def names_writer(text: str) -> bool:
    """Whether a line names the people who wrote the document: a list of authors (`is_byline`) or
    a labelled byline (`_WRITER_LINE`), or one of the parts a byline's dots or bars set apart ("By
    Dr Hannah Okoro, consultant child psychiatrist · 14 May 2025 · 6 min read")."""
    return is_byline(text) or any(bool(_WRITER_LINE.match(part.strip())) for part in BYLINE_PARTS.split(text))


BYLINE_PARTS = re.compile(r"\s[·•|]\s")  # what sets a byline's parts apart: "By ... · 14 May 2025 · 6 min read"




def names_few_writers(text: str, below: str, under_title: bool = False) -> bool:
    """A byline of one or two names ("Wolfgang Viechtbauer") over its affiliation's line
    (`below`: "Maastricht University"), as a journal's title block prints a short list of authors
    (`is_byline` needs three names, since two capitalised words alone are as often a heading);
    or, `under_title` (the line right under the document's title), over a date or a line ending in
    one, as LaTeX's title block prints its author ("Terry Therneau" over "February 6, 2023"), where the names hold a
    word English does not (a heading over a date, "Release Notes", holds none)."""
    parts = [p.strip() for p in re.split(r",\s+|\s+and\s+", text.strip()) if p.strip()]
    if not (1 <= len(parts) <= 2 and all(_AUTHOR.match(p) and len(p) <= 40 for p in parts) and not AFFILIATION.search(text)):
        return False
    if len(below.split()) <= 12 and AFFILIATION.search(below):
        return True
    english = english_words()
    # the date may close a line that says when the document was made ("processed with vegan 2.6-4 in
    # R version 4.2.1 on October 11, 2022", as Sweave's title block prints it)
    dated = is_date(below) or is_date(" ".join(below.split()[-3:]))
    return under_title and dated and any(w.lower() not in english for w in re.findall(r"[^\W\d_]{2,}", text))


# A person named with an honorific, perhaps their role after a comma, alone on a line: a talk's
# title slide's "Dr Amara Okafor, consultant in sleep medicine", a report's "Prof. Jane Smith".
_TITLED_PERSON = re.compile(r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:[A-Z]\.\s*){0,2}[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3}"
                            r"(?:,\s+[^\W\d_][^,;.!?]{0,60})?")


def names_titled_person(text: str) -> bool:
    """Whether the line names a person with an honorific and nothing but their role
    (`_TITLED_PERSON`), as a talk's title slide or a report's front names who gave or wrote it."""
    return _TITLED_PERSON.fullmatch(text.strip()) is not None


# A person's name in a list of authors: two to five words, each capitalised or an initial, then
# perhaps affiliation marks ("Jodie M Dodd1,2*", "Andrew J. Todd a,⇑", "Hannah Okoro(1)").
_AUTHOR = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*[\d,*†‡§¶⇑ a-f()]{0,8}$")


_DEGREE = re.compile(r"^[A-Z][a-z]{0,2}[A-Z][A-Za-z]{0,4}$")  # "PhD", "MSc", "FRCGP" after a name


def is_byline(text: str) -> bool:
    """A paper's list of authors: three or more names separated by commas, semicolons or "and",
    most of its parts names ("Jodie M Dodd1,2*, Courtney Cramp, Zhixian Sui, ..."); or its contact
    line, an e-mail address with at most names beside it ("Paul Hindmarch (paul.hindmarch@nuth.nhs.uk)
    Adrian Hawkins (...)", "* Correspondence: jodie.dodd@adelaide.edu.au"). It names the topic's
    researchers and answers only a question that asks who."""
    contact = _EMAIL.sub(", ", text)
    if contact != text:
        rest = [p.strip() for p in _CONTACT_LABEL.sub(", ", contact).split(",") if p.strip()]
        return sum(bool(_AUTHOR.match(p) or _DEGREE.match(p)) for p in rest) >= 0.6 * len(rest)
    parts = [p.strip() for p in re.split(r"[,;]\s+|\s+and\s+", text.strip().rstrip(".")) if p.strip()]
    parts = [p for p in parts if not _DEGREE.match(p)]
    if any(_CLAUSE.search(p) for p in parts):
        # a sentence that lists people ("We benefited from the generous help of proofreaders:
        # Daniel Phillips, Gerold Rupprecht, ..."): its lead-in says who they are, no writers
        return False
    names = sum(bool(_AUTHOR.match(p)) for p in parts if len(p) <= 60)
    return names >= 3 and names >= 0.6 * len(parts)


_CLAUSE = re.compile(r"\b(?:[a-z]+\s+){3}[a-z]+\b")  # four words in lower case running: a clause, no name


_EMAIL = re.compile(r"\s*\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?[.;]?\s*")
_CONTACT_LABEL = re.compile(r"^\W*|\b(?:e-?mail(?:\s+addresses?)?|correspondence|corresponding\s+author)\b\s*:?", re.I)


AmountKind = Literal["number", "measure", "count", "frequency", "date", "time", "money", "bound", "duration", "age"]
_HOW_OFTEN = re.compile(r"\b(how (often|frequently)|what frequency|how many times)\b", re.I)
# How often something happens: a rate over a unit of time ("24 weekly sessions", "taken daily.",
# "twice a day", "3 times per week", "every 2 weeks"); "daily" before a noun without a number is
# no rate ("daily living").
_TIME_UNIT = r"(?:day|week|fortnight|month|year|hour|night|morning|evening)s?"
_RATE = r"(?:daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|hourly)"
# A rate in words: "taken daily.", "twice a day", "every 2 weeks", "every 2 to 4 weeks" (shared by
# the two patterns below).
_EVERY_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_RATE_WORDS = (rf"\b{_RATE}(?=\s*[.,;:)]|\s+for\b)|"
               rf"\b(once|twice|thrice|times?)\s+(a|an|per|each|every)\s+(other\s+)?{_TIME_UNIT}\b|"
               rf"\bevery\s+(other\s+|few\s+|{_EVERY_COUNT}(?:\s*(?:to|or|-|–)\s*{_EVERY_COUNT})?\s+)?{_TIME_UNIT}\b")
# "A day" after a word of span is the span ("sore for a day or two", "within a week"), no rate.
_FREQUENCY = re.compile(rf"\b\d+\s+{_RATE}\b|{_RATE_WORDS}|\bper\s+{_TIME_UNIT}\b|"
                        rf"(?<!\bfor )(?<!\bwithin )(?<!\bin )(?<!\bafter )(?<!\bover )(?<!\bthan )(?<!\bhalf )\ba\s+{_TIME_UNIT}\b",
                        re.I)
# A rate said without a number: those words, "per day", or at each event of a kind ("checked at
# every dose change", "before each session").  "A week" alone is as often a span of time ("within
# a week"): it is a rate only beside a number.
_RATE_IN_WORDS = re.compile(rf"{_RATE_WORDS}|\bper\s+{_TIME_UNIT}\b|"
                            r"\b(?:at|before|after|with|during)\s+(?:every|each)\s+(?!other\b|one\b|of\b)[a-z]", re.I)


def states_rate(text: str) -> bool:
    """Whether `text` says how often: a number with a rate over time, or a rate in words (`_RATE_IN_WORDS`)."""
    return bool(_RATE_IN_WORDS.search(text)) or (states_number(text) and bool(_FREQUENCY.search(text)))


# "How many" opening the question, or its clause after a comma ("Of the women offered the sessions,
# how many ..."), and what follows it; not "... when working out how many participants they needed".
_HOW_MANY_ASKED = re.compile(r"(?:^|[,;:]\s*)(?:and\s+)?how\s+many\s+([^?]*)", re.I)
_AUXILIARY = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
                        "will", "would", "can", "could", "shall", "should", "may", "might", "must"})
# A count with its share of a group: "190 (66%)", "15 participants (2%)", "170/324 (52.5%)".
_SHARE = re.compile(r"(?<![\w.,/])\d[\d,]*(?:/\d[\d,]*)?(?:\s+[a-z][\w-]*){0,2}\s*\(\s*\d+(?:\.\d+)?\s*%", re.I)


def asks_count_done(question: str) -> bool:
    """Whether the question counts those who did something, by its own verb: "Of the women offered
    the walking sessions, how many turned the offer down?", "How many students actually downloaded
    the app?"; not a count of what was done to them or what they were or had ("How many patients
    were sent letters?", "How many were non-smokers?", `asked_count_of`), nor what the question
    names in passing."""
    asked = _HOW_MANY_ASKED.search(own_words(question))
    if asked is None or not _HOW_MANY.search(asked.group(0)):
        return False
    words = re.findall(r"[a-z']+", asked.group(1).lower())
    return bool(words) and not _AUXILIARY.intersection(words)


def counts_with_share(text: str) -> bool:
    """Whether `text` gives a count with its share of a group ("190 (66%) subsequently declined",
    "only 15 participants (2%) downloaded the app"): how a study reports how many of its people
    did something."""
    return _SHARE.search(text) is not None


# A question for a share of a whole: "What share of the questionnaires came in ...?", "What
# percentage of students smoked?", "What proportion ...?".
_ASKS_SHARE = re.compile(r"\b(?:what|which)\s+(?:share|percentage|proportion|fraction|per\s?cent)\b", re.I)
# A share written as one ("20%", "12.7 per cent", "170/324"), in words ("two-thirds were randomly
# assigned", "half of the schools", "one in five"), or a table's label saying its cells are
# ("Smoker, n (%) 124 (12.7) 97 (10.2)").
_STATES_SHARE = re.compile(r"%|\bper\s?cent\b|(?<![\w./])\d[\d,]*\s?/\s?\d[\d,]*(?![\w/])|"
                           r"\b(?:a|one|two|three|four)[\s-](?:half|third|quarter|fifth|tenth)s?\b|\bhalf\s+of\b|"
                           r"\b(?:one|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
                           re.I)


def asks_share(question: str) -> bool:
    """Whether the question asks for a share of a whole ("What share of the returned questionnaires
    came in through the shorter reminders?"), of its own words."""
    return _ASKS_SHARE.search(own_words(question)) is not None


def states_share(text: str) -> bool:
    """Whether `text` writes a share: a per cent ("20% (n = 149) of the total", "12.7 per cent",
    a table's "n (%)"), a count of a whole ("170/324") or a fraction in words ("two-thirds")."""
    return _STATES_SHARE.search(text) is not None


# "How many" of things that are no span of time ("How many patients ...", not "How many weeks ...").
_HOW_MANY = re.compile(rf"\bhow many\s+(?!{_TIME_UNIT}\b|min(?:ute)?s?\b|h(?:ou)?rs?\b|seconds?\b)(?=[a-z])", re.I)
# A number that gives a time or a span of time rather than counting: before a unit of time
# ("6 months", "50 min", "aged 18 years") or a hyphen that makes it a modifier ("12-week
# assessments", "4- and 12-week", "two-arm").
_NOT_COUNT = re.compile(r"(?:(?<![\w,.])\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred))"
                        rf"\s*(?:-|\s(?:{_TIME_UNIT}|min(?:ute)?s?|h(?:ou)?rs?|seconds?)\b)", re.I)


# A question for how long something takes or lasts: "How long does it take to form a habit?", "How
# long did the sessions last?", "How long will I be in the study?", "How long must I use CPAP?",
# "For how long?" (not "How long was the questionnaire?", which a length answers, nor "How long ago ...?").
_ASKS_DURATION = re.compile(
    r"\bfor\s+how\s+long\b|\bhow\s+long\b(?!\s+ago\b)(?=(?:\s+[\w'’-]+){0,8}?\s+(?:take|takes|took|taking|last|lasts|lasted|"
    r"lasting|stay|stays|stayed|remain|remains|remained|survive|survives|survived|persist|persists|persisted|wait|"
    r"waited|continue|continues|continued|need|needs|needed|be\s+(?:in|on|off|away|out))\b)|"
    r"\bhow\s+long\b.*\s(?:for|last)\W*$|"  # "How long is SSP paid for?"
    r"\bhow\s+long\s+(?:before|after|ahead\s+of|in\s+advance)\b|"  # "How long before bed should screens be switched off?"
    # "How long is the follow-up?", "How long was each session?": a thing that lasts, not a length
    r"\bhow\s+long\s+(?:is|was|are|were|will)\s+(?:the\s+|each\s+|a\s+|an\s+|their\s+|its\s+|your\s+)?(?:[\w-]+\s+)?"
    r"(?:follow-?up|treatment|course|stay|wait|trial|study|session|intervention|programme|program|recovery|delay|period|"
    r"appointment|therapy|visit|illness|infection|rash|episode|phase)s?\b(?!\s+(?:form|questionnaire|document|report))|"
    # "How long must I use CPAP?": a person doing a thing for a time
    r"\bhow\s+long\s+(?:must|should|do|does|did|will|would|can|could|may|might)\s+(?:i|you|we|they|he|she|one|patients?|people)\b|"
    # "What is the duration of the treatment?": its span of time, as "How long is ...?" asks
    r"^\W*(?:and\s+)?what\s+(?:is|was|will\s+be)\s+(?:the\s+|its\s+|their\s+)?(?:total\s+|overall\s+|planned\s+|usual\s+|"
    r"expected\s+|typical\s+|mean\s+|average\s+|median\s+)?duration\b",
    re.I)
# A span of time: a number or a word of amount before a unit of time ("40 minutes", "a 12-week
# course", "several months", "a year"), a count of what recurs ("24 weekly sessions"), or a whole
# life ("lifelong").
# (A number after a unit is a time point's label: "Month 2 Month 6" of a schedule's header lasts nothing.)
_DURATION = re.compile(
    r"(?:(?<![\w.,])(?<!day )(?<!week )(?<!month )(?<!year )(?<!visit )\d+(?:[.,]\d+)?|"
    r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|ninety|several|few|many|some|couple\s+of))\s*(?:-\s*|\s)(?:seconds?|min(?:ute)?s?|"
    r"h(?:ou)?rs?|days?|nights?|weeks?|fortnights?|months?|years?|decades?)\b|\b(?:lifelong|lifetime|overnight)\b|"
    r"(?:(?<![\w.,])\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty))\s+"
    r"(?:daily|weekly|fortnightly|monthly)\b", re.I)


# How long in words, without a number: "need CPAP long term", "for life", "permanently".
_DURATION_IN_WORDS = re.compile(r"\b(?:long[- ]term|short[- ]term|for\s+life|permanently|indefinitely|"
                                r"for\s+the\s+rest\s+of\s+(?:your|their|his|her|one's)\s+li(?:fe|ves))\b", re.I)


# A question for a date: "What year was WAL introduced?", "In which month did recruitment start?",
# "When was the trial registered?" (a "when" of an event in the past, not "When should I use it?").
_ASKS_DATE = re.compile(r"\b(?:what|which)\s+(?:year|month|date|day)\b|\bsince\s+when\b|"
                        r"^\W*(?:and\s+)?when\s+(?:was|were|did)\b|"
                        r"^\W*(?:and\s+)?when\s+(?:will|is|are|does|do)\s+(?:[\w'’-]+\s+){1,5}?"
                        r"(?:start|begin|end|finish|complete|close|open|launch|publish|report)(?:s|d|ed|ing)?\W*$", re.I)
# A question for when something is done in the course of a study or a treatment: "When is the
# primary outcome measured?", "When is the PHQ-9 collected?", "When should blood be taken for a lithium level?", "At what time
# points are participants assessed?", which a time point answers ("[Time Frame: Baseline to week 6]", "at 6 and 12 months", "at follow-up").
_ASKS_TIME = re.compile(r"^\W*(?:and\s+)?when\s+(?:is|are|will|was|were|do|does|did|should|must)\s+(?:[\w'’-]+\s+){1,6}?"
                        r"(?:measured|assessed|collected|recorded|evaluated|taken|given|administered|done|performed|"
                        r"tested|examined|scored|repeated|followed\s+up|seen)(?:\s+(?:for|in|of|from|during|by)(?:\s+[\w'’-]+){1,5})?\W*$|"
                        r"^\W*(?:and\s+)?when\s+(?:should|do|must|can)\s+(?:I|we|you|they)\s+(?:take|give)\b|"
                        r"\b(?:at\s+)?(?:what|which)\s+time[- ]?points?\b", re.I)
# A time point in a study or a treatment: "week 6", "day 28", "visit 3", a span after which ("at 6
# months", "12 weeks after randomisation"), a named one ("baseline", "follow-up", "post-treatment"),
# or a time of day ("in the morning", "at bedtime", "before meals").
_TIME_POINT = re.compile(r"\b(?:weeks?|months?|days?|years?|visits?)\s+\d+\b|\b(?:baseline|follow-?ups?|screening|discharge|admission|"
                         r"post-?(?:intervention|treatment|test|operative)|pre-?(?:intervention|treatment|test|operative))\b|"
                         r"\b(?:in\s+the\s+(?:morning|evening|afternoon)|at\s+(?:night|bedtime)|(?:before|after|with)\s+"
                         r"(?:bed(?:time)?|breakfast|lunch|dinner|meals?|food))\b", re.I)
# A date: a year (1500-2099, not a count before a noun: "2000 patients" is none), a month's name,
# or a date written in numbers ("2010-07-22", "22/07/2010").
_MONTHS = MONTH
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")  # "2022-05-31", "22/07/2010"
_DATE = re.compile(rf"(?<![\w.,])(?:1[5-9]|20)\d\d(?![\w.,]*\s+[a-z]{{3,}}s\b)(?![\d])|"
                   rf"\b{_MONTHS}\b(?=\s*\d|\s*,?\s*(?:1[5-9]|20)\d\d)|\b\d{{1,2}}\s+{_MONTHS}\b|"
                   rf"{_NUMERIC_DATE.pattern}", re.I)


# When in a course of events something happened, told by its day or a span after another event
# ("She was discharged on day 9.", "paid from the fourth day", "restarted three weeks after
# discharge"): a case report's date.
_WHEN_IN_COURSE = re.compile(r"\b(?:on|by|at|from|until|till)\s+(?:(?:post-?operative|hospital)\s+)?(?:day|week|month|visit)\s+\d+\b|"
                             r"\b(?:on|by|at|from|until|till)\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                             r"tenth|\d+(?:st|nd|rd|th))\s+(?:day|week|month|visit)\b|"
                             r"(?:(?<![\w.,])\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+"
                             r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|later|before|earlier)\b", re.I)
# A span at whose end something is done, or by whose end: "at 6 and 12 months", "at 24 weeks",
# "within 1 hour" (a deadline says when as much as "after" does).
_AT_SPAN = re.compile(r"\b(?:at|within)\s+(?:one|two|three|four|six|twelve|\d+(?:\s*(?:,|and|or)\s*\d+)*)\s+"
                      r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)


def states_time_point(text: str) -> bool:
    """Whether a text says at what point something is done (`_TIME_POINT`, `_WHEN_IN_COURSE`,
    `_AT_SPAN`: "12 hours after the last dose", "at 6 and 12 months", "within 1 hour"), not only how long a thing
    lasts ("Elimination half-life | 24 hours")."""
    return bool(_TIME_POINT.search(text) or _WHEN_IN_COURSE.search(text) or _AT_SPAN.search(text))


def names_time(phrase: str) -> bool:
    """Whether a phrase says when, not where or in whom: a point in a course of events ("at
    discharge", "on admission", "at week 6", "at night": `_TIME_POINT`), a span of time or a date
    ("after 12 months", "in 2019")."""
    return bool(_TIME_POINT.search(phrase) or _DURATION.search(phrase) or _DATE.search(phrase)
                or re.search(r"\b(?:night|morning|evening|afternoon|weekends?|weekdays?)\b", phrase, re.I))


_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")  # a time of day: "20:17:58"


# A software release says when in a manual: "Added in version 3.12.", "since v2.1.0", "release 5".
_VERSION = re.compile(r"\b(?:versions?|releases?)\s+v?\d+(?:\.\d+)*\b|(?<![\w.])v\d+(?:\.\d+)+\b", re.I)


# A question of what was paid, given or charged: "What reward was the school promised?", "How much
# did the programme cost?", "Were participants compensated?" ("cost-effectiveness" too: its answer
# is a price per unit of effect).
_ASKS_MONEY = re.compile(r"\b(?:costs?|costing|cost-effective(?:ness)?|prices?|priced|fees?|rewards?|rewarded|incentives?|"
                         r"compensation|reimburs(?:ed|ement)|payments?|paid|vouchers?|money|budget|spend|spent)\b", re.I)
# What someone got for doing something, a reward: "Did families receive anything for sending back
# completed forms?", "What did participants get for completing the survey?".
_ASKS_REWARD = re.compile(r"\b(?:receive[ds]?|receiving|get|gets|got|given|offered|earn(?:s|ed)?)\s+(?:[\w'-]+\s+){0,2}?"
                          r"for\s+(?:[a-z]+ly\s+)?[a-z]+ing\b", re.I)
# An amount of money: a currency's sign or name by a number ("£200", "$1.5 million", "25 euros",
# "AUD 300").
_MONEY = re.compile(r"[£$€¥]\s?\d|\d(?:[\d,.]*\d)?\s?(?:[£€¥]|(?:pounds?|dollars?|euros?|pence|cents?)\b)|"
                    r"\b(?:GBP|USD|EUR|AUD|CAD|NZD|DKK|SEK|NOK|CHF)\s?\d|\d\s?(?:GBP|USD|EUR|AUD|CAD|NZD|DKK|SEK|NOK|CHF)\b")


# A question for the most or the least a thing may be: "How large can a group get?", "What is the
# maximum dose?", "Up to how many sessions are offered?".
_ASKS_BOUND = re.compile(r"\bhow\s+(?:large|big|many|much|long|high|old|far|small|low|short|few)\s+(?:\w+\s+){0,4}?"
                         r"(?:can|could|may|might)\b|\b(?:maximum|minimum|upper\s+limit|lower\s+limit|at\s+most|"
                         r"at\s+least|up\s+to\s+how)\b", re.I)
# A number stated as a bound: "a maximum of eight participants", "up to 200 mg", "do not take more than 3".
_BOUND_STATED = re.compile(r"\b(?:maximum|minimum|maximal|minimal|at\s+most|at\s+least|up\s+to|"
                           r"(?:no|not)\s+(?:\w+\s+){0,2}?(?:more|fewer|less|longer)\s+than|not\s+(?:to\s+)?exceed(?:ing)?|"
                           r"limited\s+to|capped\s+at|or\s+(?:less|fewer|more))\b", re.I)


# A question for someone's age: "How old is the patient?", "At what age do symptoms start?", "What
# was the participants' mean age?".
_ASKS_AGE = re.compile(r"\bhow\s+old\b|\b(?:at\s+)?(?:what|which)\s+ages?\b|^\W*(?:and\s+)?what\s+(?:is|was|are|were)\s+"
                       r"(?:(?:the|her|his|their|its|your)\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:mean|median|average)\s+)?ages?\b"
                       r"(?!\s+(?:group|range|limit|criteri))", re.I)
# An age stated: "a 78-year-old", "aged 18 or over", "mean age 54.2 years", "65 years of age", "adults
# 18 years and older", "in their forties".
_AGE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*[- ]?(?:years?|yrs?|months?|weeks?|days?)[- ]old\b|"
                  r"\b(?:aged?|ages)\b[^.;\d]{0,40}\d|(?<![\w.])\d+(?:\.\d+)?\s*(?:years?|yrs?)\s+(?:of\s+age|(?:and|or)\s+"
                  r"(?:over|older|above|under|younger))\b|\b(?:teens|twenties|thirties|forties|fifties|sixties|seventies|"
                  r"eighties|nineties)\b", re.I)


def asked_amount(question: str) -> AmountKind | None:
    """What amount the question asks for: "frequency" (how often), "count" (how many of things
    that are no span of time), "date" (what year, when something was done), "time" (at what point of
    a study or a treatment something is done: `_ASKS_TIME`), "bound" (the most or
    least a thing may be), "duration" (how long something takes or lasts), "money" (what was paid,
    given or charged), "age" (how old someone is: `_ASKS_AGE`), "number" (another count, a size,
    a length, a rate), "measure" (a number the
    question names the measure of: `_MEASURE_ASKED`), or None; of its own words, not the earlier
    question a follow-up is searched with (`own_words`: "Who gave the talk? (How long do the
    benefits last?)" asks for no span of time)."""
    question = own_words(question)
    if _HOW_OFTEN.search(question):
        return "frequency"
    if _ASKS_DATE.search(question):
        return "date"
    if _ASKS_TIME.search(question):
        return "time"
    if _ASKS_BOUND.search(question) and is_question(question):
        return "bound"
    if _ASKS_AGE.search(question):
        return "age"
    if _ASKS_DURATION.search(question):
        return "duration"
    if _HOW_MANY.search(question):
        return "count"
    # a claim's "cost" asks for nothing; "Who paid for the trial?" asks for a funder, not a sum
    if (_ASKS_MONEY.search(question) or _ASKS_REWARD.search(question)) and is_question(question) and not asks_origin(question):
        return "money"
    if _QUANTITY.search(question):
        return "number"
    return "measure" if _MEASURE_ASKED.search(question) else None


def gives_amount(text: str, kind: AmountKind) -> bool:
    """Whether a passage gives any amount of the kind asked for (`asked_amount`): a date, a
    software version or a point in a course of events (`_WHEN_IN_COURSE`) for a date, a sum of
    money for money (`_MONEY`), a span of time for a duration (`_DURATION`, or in words:
    `_DURATION_IN_WORDS`), an age for an age
    (`_AGE`), else a number; a passage without one cannot answer "When was ...?", "What did it
    cost?", "How old ...?" or "How many ...?"."""
    if kind == "date":
        return bool(_DATE.search(text) or _VERSION.search(text) or _WHEN_IN_COURSE.search(text))
    if kind == "time":
        return bool(_TIME_POINT.search(text) or _DURATION.search(text) or _DATE.search(text))
    if kind == "money":
        return bool(_MONEY.search(text))
    if kind == "duration":
        return bool(_DURATION.search(text) or _DURATION_IN_WORDS.search(text))
    if kind == "age":
        return bool(_AGE.search(text))
    if kind == "frequency" and _RATE_IN_WORDS.search(text):
        return True  # "The tablet is taken daily." answers how often, though it holds no number
    # A list item's number ("1. Resilience and Recovery: ..."), a paragraph's or a section's
    # ("1.3.2 If a person prefers ...", "3.2 Home hazard assessment"), a footnote's ("2 At the time
    # of publication, ..."; a count opens a sentence in lower case: "24 women withdrew") and a line that is a date
    # alone (a byline's "• Apr 23, 2022") count, size or last nothing; nor does a release's number count.
    if kind == "count":
        text = _VERSION.sub(" ", text)
    return states_number("\n".join(_ENUMERATOR.sub("", line) for line in text.splitlines()
                                     if not is_date(BULLET.sub("", line).strip())))

_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\d{1,3}(?:\.\d{1,3}){2,4}\.?|(?:\d{1,3}\.)?\d{1,3}\.?(?=\s+[A-Z][a-z]))\s+")


# "Where was the trial conducted?", "Where are participants recruited?", "In which country did the
# study take place?": the place where something is done, which a place's name answers; not "Where can I
# find ...?", "Where is the hippocampus located?" nor "Where do I run it?", which a place's name does not.
# What a question asking where says was done there ("conducted", "recruited", "took place").
_DONE_AT_PLACE = ("conducted", "carried out", "run", "held", "done", "performed", "based", "recruited", "undertaken",
                  "delivered", "implemented", "developed", "founded", "established", "invented", "born")
DONE_AT_PLACE_TERMS = frozenset(bm25_tokenize([" ".join(w.split()[0] for w in _DONE_AT_PLACE)])[0])
_PLACE_ASKED = re.compile(
    r"^\W*(?:and\s+)?(?:where\s+(?:was|were|is|are|will|has|have|had|did|does|do)\s+(?!(?:i|you|we|one)\b)"
    r"(?=(?:.*\s)?(?:" + "|".join(w.replace(" ", r"\s+") for w in _DONE_AT_PLACE) + r"|(?:take|took|taking)\s+place)\b)|"
    r"(?:(?:in|at|from)\s+)?(?:which|what)\s+(?:countr(?:y|ies)|cit(?:y|ies)|"
    r"regions?|count(?:y|ies)|towns?|hospitals?|clinics?|sites?|locations?|settings?|places?|areas?)\b)", re.I)
# Nouns of places where people are studied or treated ("Cambridgeshire ... secondary schools").
_PLACE_NOUN = (r"countr(?:y|ies)|cit(?:y|ies)|regions?|count(?:y|ies)|towns?|villages?|hospitals?|clinics?|wards?|"
               r"cent(?:re|er)s?|schools?|universit(?:y|ies)|sites?|communit(?:y|ies)|practices?|districts?|boroughs?|"
               r"provinces?|areas?|facilit(?:y|ies)|settings?")
# A place's name: a word in title case, or a short one in capitals after "the" ("the UK"); not an
# abbreviation of the text's own ("in MVPA", "in pilot CRCT").
_PLACE_NAME = r"(?:[A-Z][\w'’-]*[a-z][\w'’-]*|(?<=the )[A-Z]{2,3}\b)"
# A name after a word of place ("in Copenhagen", "across three London boroughs", "in the catchment
# area of Copenhagen"), up to four words of lower case between; or after "of" where a noun of place
# stands right before it ("areas of England") or after it, no name nor number between ("of all
# Cambridgeshire government-funded, all-ability ... secondary schools"); or a noun of place after a
# word of place ("in three schools", "at two hospitals").
_PLACED = re.compile(rf"\b(?:in|at|from|across|throughout|within|around|near)\s+(?:(?:[a-z][\w'’-]*|\d+)\s+){{0,4}}?"
                     rf"(?P<name>{_PLACE_NAME})|\b(?:{_PLACE_NOUN})\s+of\s+(?:the\s+)?(?P<of>{_PLACE_NAME})|"
                     rf"\bof\s+(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<before>{_PLACE_NAME})(?:[\s,]+\(?[a-z][\w'’-]*\)?,?){{0,6}}?"
                     rf"\s+(?:{_PLACE_NOUN})\b|\b(?:in|at|across|throughout|within)\s+(?:(?:[a-z][\w'’-]*|\d+)\s+){{0,3}}?"
                     rf"(?P<noun>{_PLACE_NOUN})\b")
# Capitalised words after a word of place that name no place: a caption, a section, a part of a
# study, a time ("in Table 2", "in Phase II", "in January").
_NO_PLACE = re.compile(rf"(?:fig(?:ure)?s?|tables?|appendix|appendices|boxe?s?|sections?|chapters?|supplementary|additional|"
                       rf"files?|phases?|stages?|steps?|studies|study|experiments?|versions?|waves?|{_MONTHS[3:-1]}|"
                       rf"monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


# The label of a record's line that says where a thing is done ("Location:", "Study sites:",
# "Setting:", "Country:"), as trial registries and event pages write it: no clause follows.
_PLACE_LABEL = re.compile(r"^\W*(?:(?:study|trial|recruitment|research|event)\s+)?(?:locations?|settings?|sites?|venues?|"
                          r"countr(?:y|ies)|places?)\s*$", re.I)


def asks_place(question: str) -> bool:
    """Whether the question asks where something is done: a study carried out, people recruited,
    an event held (`_PLACE_ASKED`)."""
    return _PLACE_ASKED.match(question) is not None


def states_place(text: str, asked: Collection[str]) -> bool:
    """Whether a sentence of `text` names a place the question does not (`asked`: its BM25 terms): a name after a
    word of place ("in Denmark", "across three London boroughs") or after "of" beside a noun of place
    ("areas of England", "of all Cambridgeshire ... secondary schools"), or a noun of place after a
    word of place ("in three schools"), in a sentence with a clause; or a name on a line a label of
    place opens ("Location: Northfield University Hospital, United Kingdom")."""
    asked = set(asked)

    def new_name(name: str) -> bool:
        return not _NO_PLACE.match(name) and bool(terms := bm25_tokenize([name])[0]) and not set(terms) <= asked

    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        label, colon, said = sentence.partition(":")
        if colon and _PLACE_LABEL.match(label):
            if any(new_name(m.group()) for m in re.finditer(_PLACE_NAME, said)):
                return True
            continue
        # A line without a clause is an address or an affiliation ("Division of Primary Care, University
        # Park, Nottingham NG7 2RD, UK"): where its writers work, not where anything was done.
        if not _CLAUSE.search(sentence):
            continue
        if colon and not _CLAUSE.search(label):
            sentence = said  # a label's words are no place ("• Role of Neuroplasticity in Mental Illness: ...")
        for m in _PLACED.finditer(sentence):
            if new_name(m.group("name") or m.group("of") or m.group("before") or m.group("noun")):
                return True
    return False


# "Which function computes ...?", "What command lists ...?": a question that asks for a thing of code
# by its kind, which its answer names.
_ASKS_CODE_NAME = re.compile(r"^\W*(?:which|what)\s+(?:\w+\s+)?(?:functions?|commands?|options?|flags?|switch(?:es)?|"
                             r"modules?|packages?|librar(?:y|ies)|methods?|class(?:es)?|programs?|tools?|directives?|"
                             r"utilit(?:y|ies)|macros?)\b", re.I)
# A name as code writes it: with an underscore, a dot or a digit inside, a capital after a small
# letter, or called ("()"); or an option.
_CODE_WORD = re.compile(r"\w[._]\w|[a-z][A-Z]|[A-Za-z]\d|\w\(\)|(?<![\w-])--?[A-Za-z]")
# A thing of code named by what it is, though its name is an English word: "the alien utility",
# "the find command"; not "the following command" or "the same function".
_NAMED_KIND = re.compile(r"\bthe\s+([a-z][\w+-]*)\s+(?:utility|tool|program|command|function|package|module|library|"
                         r"script|daemon|macro|directive|method)\b")
_NO_NAME = frozenset({"same", "other", "following", "main", "new", "first", "last", "next", "only", "above", "below",
                      "previous", "default", "whole", "entire", "given", "corresponding", "appropriate", "right", "correct",
                      "actual", "original", "standard", "basic", "simple", "specific", "particular", "single", "separate",
                      "different", "various", "relevant", "respective", "official", "built-in", "underlying"})


def asks_code_name(question: str) -> bool:
    """Whether the question asks which function, command, option, module ... does something."""
    return _ASKS_CODE_NAME.search(question) is not None


def _names_code(text: str, asked: Collection[str]) -> bool:
    """Whether a sentence names a thing of code the question does not (`asked`: its BM25 terms): a
    word written as code writes names (`_CODE_WORD`), one named by what it is (`_NAMED_KIND`: "the
    alien utility"), or a lower-case word of three letters or more that English does not hold, nor
    an inflection of one (`_english_stems`): "pmvnorm", "lintian"; not "multivariate" of "Which
    function computes multivariate normal probabilities?", nor "manipulations"."""
    english, stems = english_words(), _english_stems()
    # a word's closing stop or dash goes, an option's opening dashes stay ("--no-commit-header")
    words = [w.rstrip(".-").lstrip(".") for w in re.findall(r"[\w.()-]+", text)]
    named = {m.group(1) for m in _NAMED_KIND.finditer(text)} - _NO_NAME - STOP_WORDS
    return any((_CODE_WORD.search(w) or w in named or (re.fullmatch(r"[a-z]{3,}", w) and w not in english
                                                       and stemmer().stemWord(w) not in stems))
               and not set(bm25_tokenize([w])[0]) & set(asked) for w in words if w)


@lru_cache(maxsize=1)
def _english_stems() -> frozenset[str]:
    """The stems of `english_words`: an English word's inflections and derivations the vocabulary
    leaves out share one ("manipulations" of "manipulation", "packaging" of "package"), where a
    name of code had been seen in them."""
    return frozenset(stemmer().stemWords(sorted(english_words())))


def _naming_code(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, best: int,
                 asked: Collection[str]) -> int:
    """The best sentence that names a thing of code, when the best of all (`best`) names none and
    another does ("Which function computes multivariate normal probabilities?": "... pmvnorm for the
    computation of multivariate normal probabilities ...", not "The numerical computation of a
    multivariate normal ... probability is often a difficult problem."); else `best`."""
    names = np.array([_names_code(index.sentence_text(r), asked) for r in sentences]) & ~heading
    if names.any() and not names[best]:
        return int(np.argmax(np.where(names, logits, -np.inf)))
    return best


def _stating_asked(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, best: int,
                   amount: AmountKind | None, asked: Collection[str], stating: Callable[[str], bool] | None = None,
                   subject: Collection[str] = ()) -> int:
    """The sentence that states the `amount` asked for (`_stating_amount`), or what the question
    asks (`stating`, `asked_statement`: the best sentence that states it, when `best` does not), or
    without either, that names the thing of code asked for (`_naming_code`; `asked`: the question's terms)."""
    if amount:
        return _stating_amount(index, sentences, heading, logits, best, amount, asked, stating, subject)
    if stating:
        states = np.array([stating(index.sentence_text(r)) for r in sentences]) & ~heading
        if not states.any() or states[best] or _of_another(index, sentences, states, best, asked, subject):
            return best
        return int(np.argmax(np.where(states, logits, -np.inf)))
    return _naming_code(index, sentences, heading, logits, best, asked)


def _of_another(index: Index, sentences: range, states: np.ndarray, best: int, asked: Collection[str],
                subject: Collection[str]) -> bool:
    """Whether the best sentence `best` names a thing the question asks of (one of its terms
    `asked` but for function words and the document's `subject`) that no sentence stating what is
    asked (`states`) names, nor the line before it: those state it of another thing ("• Risks:
    falls, dependence" under "• Z-drugs ..." for "What is the main risk of melatonin?", where "•
    Melatonin: licensed ..." is best)."""
    content = set(asked) - FUNCTION_WORDS - set(subject)
    rows = list(sentences)

    def named(i: int) -> set[str]:
        return content & set(bm25_tokenize([index.sentence_text(rows[i])])[0])

    things = named(best) - set().union(*(named(i) for i in np.flatnonzero(states)))
    return bool(things) and not any(things & named(i - 1) for i in np.flatnonzero(states) if i > 0)


def _stating_amount(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, best: int,
                    amount: AmountKind, asked: Collection[str] = (), stating: Callable[[str], bool] | None = None,
                    subject: Collection[str] = ()) -> int:
    """The best sentence that states the amount asked for, when the best of all (`best`) does not
    and another does; else `best`.  A rate or a bound none states is asked for as a number.  For a
    count, a sentence that counts a thing the question names (`asked`: its terms) before one that
    counts another ("We found 41 studies" for "How many studies were included?", not "Most studies
    lasted between 8 and 12 weeks").  For a measure, only a sentence that names the measure asked
    for ("What was her temperature?": "Examination showed a temperature of 38.9 °C ...", not "Her
    blood pressure was 162/94 mmHg."); of those, one that states what else is asked (`stating`), if any does."""
    states = np.array([_states_amount(index.sentence_text(r), amount) for r in sentences]) & ~heading
    if amount == "count" and states.sum() > 1:
        counting = states & np.array([_counts_asked(index.sentence_text(r), asked) for r in sentences])
        if counting.any() and not counting[best]:
            states = counting
    if amount == "date" and states.sum() > 1:
        # the date of the event asked of, not another's ("When was she discharged?": "Date of
        # discharge: 11 March 2026", not "Date of admission: 3 March 2026" above it)
        # of those, the ones naming the most of the event ("It was approved in the United States
        # ... in 1970." for "When was lithium approved in the US?", not "... lithium to treat mania
        # in 1949.", which names lithium alone)
        # (its document's `subject`, the terms of its title, names no event: every sentence is of it)
        event = set(asked) - set(subject) or set(asked)
        named = np.array([event_words(index.sentence_text(r), event) if states[i] else 0 for i, r in enumerate(sentences)])
        dated = states & (named > 0) & (named == named.max())
        if dated.any() and not dated[best]:
            states = dated
    if amount == "measure":
        # a number that names no measure asked for is another's ("Default: 8." of another option)
        states &= np.array([names_measure(index.sentence_text(r), asked) for r in sentences])
    if amount == "bound" and states.any() and not states[best] and _bound_of_another(index, sentences, states, best, asked, subject):
        states[:] = False
    if amount in ("frequency", "bound") and not states.any():
        states = np.array([states_number(index.sentence_text(r)) for r in sentences]) & ~heading
    if stating is not None and states.any():
        # and of those, one stating what else is asked: "How much did insomnia severity improve?" is
        # answered by a result ("ISI scores fell by 7.2 points"), not "The primary outcome was the
        # ISI at 10 weeks."
        both = states & np.array([stating(index.sentence_text(r)) for r in sentences])
        if both.any() and not both[best]:
            states = both
    if states.any() and not states[best]:
        return int(np.argmax(np.where(states, logits, -np.inf)))
    return best


# Words of a question for a date that ask for it and name no event ("What date was she discharged?").
_DATE_WORDS = frozenset(bm25_tokenize(["date dates dated day days month months year years time"])[0]) | FUNCTION_WORDS


def dates_event(text: str, asked: Collection[str]) -> bool:
    """Whether `text` states a date (`_states_amount`) and names the event the question's terms
    `asked` name, leaving out the words that ask for a date ("Date of discharge: 11 March 2026"
    for "When was she discharged?"; "Date of admission: 3 March 2026" names another event)."""
    return _states_amount(text, "date") and event_words(text, asked) > 0


def event_words(text: str, asked: Collection[str]) -> int:
    """How many of the question's terms `asked` that name its event (not the words that ask for a
    date) `text` says, or a word of their stem (`same_stem`)."""
    said = bm25_tokenize([text])[0]
    return sum(any(same_stem(a, t) for t in said) for a in set(asked) - _DATE_WORDS)


def names_measure(text: str, asked: Collection[str]) -> bool:
    """Whether `text` names the measure the question's terms `asked` name (`_MEASURES`: "temperature",
    not "default" of "What is the default history size?"), a dose by its unit too (`_DOSE`); True
    where they name none."""
    named = set(asked) & _measure_terms()
    if named & _dose_terms() and _DOSE.search(text):
        return True  # a dose is named by its unit ("Start at 25 mg daily")
    return not named or not named.isdisjoint(bm25_tokenize([text])[0])


# An amount of a medicine: a number and a unit of mass, volume or activity ("25 mg", "0.5 ml", "1,000 IU").
_DOSE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s?(?:mg|g|mcg|µg|μg|ng|ml|mL|l|IU|units?|mmol)\b")


@lru_cache(maxsize=1)
def _dose_terms() -> frozenset[str]:
    return frozenset(bm25_tokenize(["dose dosage"])[0])


@lru_cache(maxsize=1)
def _measure_terms() -> frozenset[str]:
    return frozenset(bm25_tokenize([" ".join(_MEASURES)])[0])


_COUNTED_THING = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?\s+((?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z][\w-]*)")


# Words that ask for a bound (`_ASKS_BOUND`), naming no thing it is the bound of.
_BOUND_WORDS = frozenset(bm25_tokenize(["large big many much long high old far small low short few maximum minimum "
                                        "upper lower limit least most"])[0])


def _bound_of_another(index: Index, sentences: range, states: np.ndarray, best: int, asked: Collection[str],
                      subject: Collection[str]) -> bool:
    """Whether every sentence stating a bound (`states`) names none of the question's terms `asked`
    (but its function words, the words asking for the bound, and the document's `subject`) while the
    best sentence `best` names them all and states a number: the bounds are another thing's
    ("Melatonin: licensed ... for up to 13 weeks" for "How long can z-drugs be used?", where "Z-drugs
    ... for short-term use only: 2 to 4 weeks" answers; "How large can one training class get?" is
    answered by "a maximum of eight participants in each group", though "12 individual sessions"
    follow "the group training").  Only a list's items are read so, each saying its own thing: a
    sentence goes on with the one before it ("Do not take more than 7.5 mg in one night." after
    "The usual dose of zopiclone ...")."""
    content = set(asked) - FUNCTION_WORDS - _BOUND_WORDS - set(subject)

    def names(r: int) -> set[str]:
        return content & set(bm25_tokenize([index.sentence_text(r)])[0])

    rows = list(sentences)
    bounds = np.flatnonzero(states)
    return (bool(content) and names(rows[best]) == content and states_number(index.sentence_text(rows[best]))
            and all(item_mark(index.sentence_text(rows[i]).strip()) for i in bounds) and not any(names(rows[i]) for i in bounds))


def _counts_asked(text: str, asked: Collection[str]) -> bool:
    """Whether a number in `text` counts a thing the question names: one of the (up to three) words
    after it is one of the question's terms `asked` ("41 studies", "2,864 adults")."""
    asked = set(asked)
    return any(set(bm25_tokenize([m.group(1)])[0]) & asked for m in _COUNTED_THING.finditer(text))


# An amount a question gives of a person or a thing ("an 8-year-old", "a child of 20 kg"), and a
# range of one a sentence gives ("6 to 11 years", "15-25 kg", "1 month to 5 years").
_UNITS = r"years?|months?|weeks?|days?|hours?|kg|kilograms?|g|grams?|mg|ml|cm"
_ASKED_VALUE = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?)[\s-]*({_UNITS})(?:[\s-]*old)?\b", re.I)
_VALUE_RANGE = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:({_UNITS})\s*)?(?:to|-|–)\s*(\d+(?:\.\d+)?)\s*({_UNITS})\b", re.I)


def _unit(word: str) -> str:
    unit = word.lower()
    return {"kilogram": "kg", "kilograms": "kg", "grams": "g", "gram": "g"}.get(unit, unit.rstrip("s") if len(unit) > 3 else unit)


def asked_values(question: str) -> tuple[tuple[float, str], ...]:
    """The amounts a question gives, each with its unit: "What is the dose for an 8-year-old?" gives (8, "year")."""
    return tuple((float(m.group(1)), _unit(m.group(2))) for m in _ASKED_VALUE.finditer(question))


def range_holds(text: str, values: tuple[tuple[float, str], ...]) -> bool:
    """Whether a range `text` gives holds one of `values` in its unit ("6 to 11 years" holds 8 years)."""
    for m in _VALUE_RANGE.finditer(text):
        lo, hi, unit = float(m.group(1)), float(m.group(3)), _unit(m.group(4))
        low_unit = _unit(m.group(2)) if m.group(2) else unit
        if any(u == unit and (lo if low_unit == unit else 0.0) <= v <= hi for v, u in values):
            return True
    return False


def gives_range(text: str) -> bool:
    """Whether `text` gives a range of an amount in a unit ("6 to 11 years", "15-25 kg")."""
    return _VALUE_RANGE.search(text) is not None


def without_values(text: str, ranged: str) -> str:
    """`text` without the amounts `asked_values` reads in it that the range `ranged` gives holds
    ("The dose for a 10-year-old is 5 mg." of "6 to 11 years" keeps its "5 mg")."""
    return _ASKED_VALUE.sub(lambda m: " " if range_holds(ranged, ((float(m.group(1)), _unit(m.group(2))),)) else m.group(), text)


def _in_asked_range(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, shown: int,
                    values: tuple[tuple[float, str], ...]) -> int:
    """The best sentence whose range holds an amount the question gives, when `shown` holds none
    ("What is the starting dose for an 8-year-old?": the table's row "6 to 11 years | 2 mg | 10 mg",
    not "12 to 17 years | ..."); else `shown`."""
    if not values:
        return shown
    holds = np.array([range_holds(index.sentence_text(r), values) for r in sentences]) & ~heading
    return int(np.argmax(np.where(holds, logits, -np.inf))) if holds.any() and not holds[shown] else shown


_SAYS_ANYTHING = re.compile(r"[^\W_]")


# A release note and nothing else: "New in version 3.3.", "Added in version 3.12."
_VERSION_NOTE = re.compile(RELEASE_NOTE.pattern + r"\d*(?:\.\d+)*\.?\s*$", re.I)


def _set_aside(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, person: PersonKind | None,
               amount: AmountKind | None) -> tuple[np.ndarray, np.ndarray]:
    """`heading` and `logits` with the sentences that are the highlight only when nothing else is
    there made heading-like and scored below all others: a paper's list of authors, which names the
    topic's researchers and answers only who (unless `person` is asked for); a release note alone
    ("New in version 3.3." under a class's heading) or a date alone (a talk's title slide: "Aug
    26, 2016"), which answer only when (unless a date is the `amount` asked for); and a line with
    no letter or digit on it (the ")" that closes a call, a brace), which says nothing even beside
    other lines of code."""
    texts = [index.sentence_text(r) for r in sentences]
    asides = [np.array([not _SAYS_ANYTHING.search(t) for t in texts])]
    if not person:
        asides.append(np.array([is_byline(t) for t in texts]))
    if amount != "date":
        asides.append(np.array([bool(_VERSION_NOTE.match(t)) or is_date(t) for t in texts]))
    for aside in asides:
        if aside.any() and not aside.all():
            heading, logits = heading | aside, np.where(aside, logits.min() - 1.0, logits)
    return heading, logits


def _states_amount(text: str, kind: AmountKind) -> bool:
    """Whether a sentence states the kind of amount asked for: a number; for a date a year, a
    month or a date (`_DATE`); for a frequency a rate over time as well ("improve daily living"
    states none; "24 weekly sessions" does); for a count a number that is no time nor modifier, nor
    a date or a time of day ("the 4- and 12-week assessments" counts nothing, "sent to 8150 people"
    does); for a bound a number said as one ("a maximum of eight participants"), else any number."""
    if kind in ("date", "time", "money", "duration", "age"):
        return gives_amount(text, kind)
    if kind == "count":
        # a date or a time of day counts nothing ("This page last modified on 2022-05-31 20:17:58")
        # nor does a release's number ("Version 3.0, 12 January 2026")
        text = _NOT_COUNT.sub(" ", _DATE.sub(" ", _CLOCK_TIME.sub(" ", _NUMERIC_DATE.sub(" ", _VERSION.sub(" ", text)))))
    if kind == "bound":
        return states_number(text) and bool(_BOUND_STATED.search(text))
    if kind == "frequency":
        return states_rate(text)
    return states_number(text)


def _holding_every_term(index: Index, sentences: range, heading: np.ndarray, logits: np.ndarray, shown: int,
                        terms: Collection[str], asked_else: bool, title: str = "") -> int:
    """The best sentence holding every word the question asks with (`terms` but its function
    words), two or more of them itself and the others in its document's `title`, which every
    sentence of the document is about, where `shown` does not and one does: "Which journal
    published the study?" of "... according to a large study published on Monday in the journal
    Neurology Today."; "What is the half-life of lithium?" of "Elimination half-life | 24 hours" in
    "Lithium (medication)"; else `shown`, as where the question asks something else of a sentence
    (`asked_else`: an amount, a definition, a statement), which says what it asks."""
    content = set(terms) - FUNCTION_WORDS
    if asked_else or len(content) < 2:
        return shown
    titled = set(bm25_tokenize([title])[0]) & content
    own = [content & set(bm25_tokenize([index.sentence_text(r)])[0]) for r in sentences]
    whole = np.array([len(held) >= 2 and content <= held | titled for held in own]) & ~heading
    return int(np.argmax(np.where(whole, logits, -np.inf))) if whole.any() and not whole[shown] else shown


def passage_answer(index: Index, row: int, q: np.ndarray, terms: dict[str, float], pool: tuple[float, float], question: bool,
                   model: AnswerModel | None = None, amount: AmountKind | None = None, person: PersonKind | None = None,
                   expansion: str | None = None, term: str | None = None, entry: str | None = None,
                   code: bool = False, stating: Callable[[str], bool] | None = None,
                   values: tuple[tuple[float, str], ...] = (), record: bool = False) -> PassageAnswer:
    """The answering sentence of passage `row` and the passage's relevance features; `pool` is
    `pool_cosine` of the search's candidates, `question` whether the query is a question, `amount`
    what amount it asks for (`asked_amount`): then the highlight is the best sentence that states
    one, when the best of all states none and another does (`_states_amount`); `person` whether it asks
    for a person (`asks_person`): then a list of authors may be the highlight, and when it asks who
    wrote, a line naming the writers is (`names_writer`); `expansion` the
    abbreviation whose long form it asks for (`asked_expansion`): then the sentence that spells it
    out is the highlight; `term` the term whose definition it asks for (`asked_term`): then the
    best sentence that defines it (`states_definition`) is the highlight; `entry` the option or
    parameter it asks of (`asked_entry`): then the line that opens its entry, or the line under it
    where that only names and types it (`_entry_sentence`); `code` whether it asks which function,
    command or option ... (`asks_code_name`): then the best sentence that names one (`_naming_code`); `stating`
    what a sentence must state to answer it (`asked_statement`: a place, who made a thing): then the
    best sentence that states it; `values` the amounts the question gives (`asked_values`): then
    a sentence whose range holds one (`_in_asked_range`); `record` whether `stating` is what a
    record's labelled line may state (`asked_statement`, `labels_statement`).  A labelled list of
    terms whose label the question names ("What are the keywords?") is the highlight.  The relevance
    features are those of the sentence `measured` names, as the model was trained, or of the
    sentence that defines the term or spells out the abbreviation when the model scores it higher."""
    model = model or answer_model()
    sentences, x, heading, leads, passage, named = sentence_features(index, row, q, terms, amount)
    if not len(sentences):
        return PassageAnswer(None, -20.0, np.zeros(len(RELEVANCE_FEATURES), np.float32))
    # A record's labelled line that states what the question asks answers it, whatever its label's
    # word ("Where is the study conducted?" and "Location: Northfield University Hospital, Clinical
    # Research Unit, Northfield, United Kingdom."; "Who sponsors the trial?" and "Sponsor: Northfield
    # University Hospital"); where an amount is asked, the line that states it answers ("How much did
    # insomnia severity improve?" is not answered by "Conclusions: Digital CBT-I reduced insomnia
    # severity ..."), and an abstract's labelled part reports a finding as any sentence does
    stated = np.array([record and stating is not None and not amount and labels_statement(index.sentence_text(r), stating)
                       for r in sentences])
    heading, named = heading & ~stated, named | stated
    heading, logits = _set_aside(index, sentences, heading, model.sentence_logits(x), person, amount)
    shown = picked = pick(logits, heading, leads)
    best = measured(logits, heading, leads)
    spelled = np.array([bool(expansion) and defines(index.sentence_text(r), expansion) for r in sentences])
    defining = np.array([bool(term) and states_definition(index.sentence_text(r), term) for r in sentences])
    if term and " " in term and not defining.any():
        # "What is thyroid stunning?" of "a phenomenon termed “stunning” may occur when ...": the
        # term's head named as it is introduced, where nothing defines the whole term; the head is
        # its last word before any "of" ("half-life of lithium" is no lithium introduced)
        head = re.split(r"\s+of\s+", term, maxsplit=1, flags=re.I)[0].split()[-1]
        defining = np.array([_introduces(index.sentence_text(r), head) for r in sentences])
    if term and not defining.any():
        # "What does scater do?": where nothing defines it, the sentence saying what it does
        # ("scater provides tools for ...", not a note naming it in passing)
        defining = np.array([states_action(index.sentence_text(r), term) for r in sentences])
    title = index.document(index.passage(row).doc).title
    shown = _holding_every_term(index, sentences, heading, logits, shown, terms, title=title,
                                asked_else=bool(amount or code or stating or defining.any() or expansion or person or entry))
    if spelled.any():
        shown = int(np.argmax(spelled))
    elif named.any():
        # the label the question names says what it asks of the term ("the default value of Timeout")
        shown = picked if named[picked] else int(np.argmax(np.where(named, logits, -np.inf)))
    elif defining.any() and not defining[picked]:
        shown = int(np.argmax(np.where(defining, logits, -np.inf)))
    elif term and not defining.any() and (under := _first_under_heading(index, row, sentences, heading, leads, term)) is not None:
        shown = under
    elif person == "author" and (writers := np.array([names_writer(index.sentence_text(r)) for r in sentences])).any():
        shown = int(np.argmax(np.where(writers, logits, -np.inf)))
    elif amount or code or stating:
        shown = _stating_asked(index, sentences, heading, logits, picked, amount, terms, stating, bm25_tokenize([title])[0])
    if not named[shown]:  # a row under the label the question names answers what it asks of the entry
        shown = _entry_sentence(index, sentences, heading, shown, entry)
    shown = _in_asked_range(index, sentences, heading, logits, shown, values)
    # A sentence that defines the term asked about, or spells out the abbreviation, answers: the
    # passage is as relevant as that sentence makes it, when the model scores it above the best.
    if (spelled[shown] or defining[shown]) and logits[shown] > logits[picked]:
        best = shown
    return PassageAnswer(sentences.start + shown, float(logits[best]),
                         relevance_features(x, logits, best, passage, pool, question))

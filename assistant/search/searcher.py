"""A question in, ranked `Hit`s out: hybrid dense + BM25 fusion, filters, de-duplication, highlight.

Public API: `Searcher`, `Candidates`, `Mode`, `MODES`, `names_declarations`.

Score semantics (stated once, shown to users as "score"):
    score = dense_weight  * cosine(question, passage)                       (in [-1, 1])
          + bm25_weight   * bm25(question, passage) / best bm25 in the collection for this question
          + sentence_weight * best cosine(question, one sentence of the passage or two adjacent ones
                              read as the mean of their vectors; a labelled list of terms the
                              question does not name is none: `_best_sentence_scores`)
          + identifier_weight * share of the question's identifiers the passage holds
with the weights in `config.FusionParams`.  Each term is comparable across questions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from assistant import config
from assistant.chunking import lead_line, table_cells
from assistant.config import FusionParams
from assistant.embedding import Encoder, get_encoder
from assistant.index import Index, open_index
from assistant.ingest import Document, is_date
from assistant.ingest.reference import surname
from assistant.ingest.words import english_words
from assistant.search.answer import (
    BYLINE_PARTS,
    DONE_AT_PLACE_TERMS,
    AmountKind,
    AnswerModel,
    PersonKind,
    about_a_document,
    answer_model,
    answer_span,
    asked_action,
    asked_advice,
    asked_amount,
    asked_count_of,
    asked_entry,
    asked_expansion,
    asked_interval,
    asked_label,
    asked_means,
    asked_statement,
    asked_superlative,
    asked_term,
    asked_values,
    asks_aim,
    asks_code_name,
    asks_count_done,
    asks_definition,
    asks_document_date,
    asks_doi,
    asks_examples,
    asks_figure,
    asks_front_matter,
    asks_gist,
    asks_origin,
    asks_person,
    asks_place,
    asks_reason,
    asks_share,
    asks_treatment,
    asks_use,
    asks_writers,
    counts_with_share,
    dates_event,
    defines,
    entry_heading,
    event_words,
    gives_amount,
    gives_examples,
    gives_reason,
    is_question,
    labelled_value_end,
    labels_statement,
    list_asked,
    listed_names,
    lists_aims,
    lists_names_only,
    match_words,
    measured_terms,
    names_few_writers,
    names_no_document,
    names_row,
    names_titled_person,
    names_writer,
    opens_entry,
    opens_signature,
    passage_answer,
    pool_cosine,
    poses_question,
    range_holds,
    refers_back,
    same_cells,
    shows_figure,
    states_action,
    states_attribute,
    states_definition,
    states_entry,
    states_place,
    states_rate,
    states_share,
    states_time_point,
    states_treatment,
    states_use,
    term_weights,
)
from assistant.search.findings import (
    AppraisalKind,
    appraises,
    asks_appraisal,
    asks_finding,
    asks_main_findings,
    can_report_finding,
    reports_result,
    section_kind,
)
from assistant.search.hits import Highlight, Hit
from assistant.search.questions import QuestionError, clean_question, own_words, unquoted
from assistant.search.spelling import Vocabulary, corrected
from assistant.text import (
    FUNCTION_WORDS,
    MIN_REPEAT,
    QUESTION_FILLER,
    acronym_definitions,
    acronyms,
    bm25_tokenize,
    command_options,
    dotted_numbers,
    glossary_definitions,
    glossary_entry,
    glossary_only,
    heading_names_number,
    holds_number,
    holds_option,
    hyphen_joined,
    identifiers,
    mention_patterns,
    mixed_case_names,
    numbered_references,
    release_numbers,
    same_stem,
    same_text,
    step_numbers,
)

__all__ = ["MODES", "Candidates", "Mode", "Searcher", "names_declarations", "names_someone", "naming_words"]

# A name of code with an underscore between its parts: "unwind_protect", "dh_make", "sys_path2".
_UNDERSCORED = re.compile(r"(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w-])")

Mode = Literal["hybrid", "dense", "bm25"]
# A name in a question: a word set in a capital ("France", "GoActive", "U@Uni", "NK1").
_NAMED = re.compile(r"(?<![\w@.-])[A-Z][\w@.-]*\w")


_FIRST_WORD = re.compile(r"\W*[\w@.-]*")  # a question's first word, capitalised as a sentence opens
# Two or more names one space apart: "World Health Organization", "Healthy Start".
_NAME_PHRASE = re.compile(r"(?<![\w@.-])[A-Z][\w@.-]*\w(?: [A-Z][\w@.-]*\w)+")


def _name_phrases(question: str) -> list[str]:
    """The question's names of several words, after its first word."""
    first = _FIRST_WORD.match(question)
    return [m.group() for m in _NAME_PHRASE.finditer(question, first.end() if first else 0)]


# Words of paying for a study (as BM25 terms), which a paper's acknowledgements say where it has no
# section of funding: "This work was supported by the UK Medical Research Council".
_FUNDING_TERMS = frozenset({"fund", "funder", "sponsor", "sponsorship", "grant", "financ", "pay", "paid", "payer"})
_THANKS_TERMS = frozenset({"acknowledg"})


# A declaration of interests says what its authors were paid by others ("SML has received personal
# fees from ... and research grants from Abbvie"), not who paid for the work or did it.
_INTERESTS_HEADING = re.compile(r"\b(?:compet\w*|conflicts?|interests?|disclosures?)\b", re.I)


def names_declarations(terms: set[str], heading: str) -> bool:
    """Whether a question's or a claim's BM25 terms name the words of the declarations heading a
    passage stands under ("Who funded ...?" and "Funding", "conflicts of interest"), or ask who
    paid for a study of its acknowledgements: only then may the declarations answer it; else they
    name the study in every line and say nothing of it."""
    said = set(bm25_tokenize([heading])[0])
    return bool(terms & said) or bool(terms & _FUNDING_TERMS and said & _THANKS_TERMS)


# Where a question opens inside a query: after a question's end, or as the question in brackets a
# follow-up is searched with ("Who led it? (Do naps help older adults remember?)").
_QUESTION_OPENS = re.compile(r"(?:[?!]\s+|\s\((?=[^()]*\?\)$))")


def _names_after_first(question: str) -> list[str]:
    """The question's names (`_NAMED`) but the first word of each question it holds, capitalised
    as a sentence opens."""
    opens = [0] + [m.end() for m in _QUESTION_OPENS.finditer(question.rstrip())]
    first_words = [(at, _FIRST_WORD.match(question, at).end()) for at in opens]  # type: ignore[union-attr]
    return [m.group() for m in _NAMED.finditer(question) if not any(at <= m.start() < end for at, end in first_words)]


# A month's or a weekday's name is a date, no name of a thing the documents lack: "March" of "The next
# meeting is on 15 March 2026." is compared as a date.
_CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday""".split())


def names_missing(text: str, where: str) -> list[str]:
    """The names `text` uses, in title case after each sentence's first word and whole words of the
    embedding model's vocabulary ("Microsoft", "Berlin"; not an abbreviation, which a source may
    spell out; and every word of a name of several, "Wellcome Trust"), that `where` does not hold by
    its BM25 terms: a sentence that does not name what a
    claim names ("R was developed by Microsoft." beside "... founded by the members of the R Core
    Team") does not state it; a month's name is a date, compared as one."""
    known = english_words()
    parts = re.split(r"(?<=[.!?])\s+", text)
    names = [w for part in parts for w in _names_after_first(part)
             if w[1:].islower() and w.lower() in known and w.lower() not in _CALENDAR]
    # and the words of a name of several words in title case, whatever the vocabulary holds: "Wellcome" of
    # "the Wellcome Trust", which a source names no other way ("Trust" alone is in many a funder's name)
    names += [w for part in parts for phrase in _name_phrases(part) for w in phrase.split()
              if w.isalpha() and w[1:].islower() and w.lower() not in _CALENDAR]
    if not names:
        return []
    held = set(bm25_tokenize([where])[0])
    return [n for n in dict.fromkeys(names) if not set(bm25_tokenize([n])[0]) <= held]


# A place's name: a word in title case after a sentence's first ("University of Manchester", "Denmark").
_PLACE_NAMED = re.compile(r"\b[A-Z][a-z]{2,}")


# The candidates whose best sentence is read (`Searcher._best_sentence_scores`): more than a page of
# hits after de-duplication, and the first ten documents an evaluation scores.
_READ_LEADERS = 30
# The passages naming an abbreviation read for its definition (`Searcher.long_forms`): a paper
# defines one at its first use, and its passages come in the order the index holds them.
LONG_FORM_PASSAGES = 20
MODES: tuple[Mode, ...] = get_args(Mode)


# A manual page's section ("ls(1)"), a function's parentheses, or the name of the set of pages in
# brackets ("Inject (JSR 330: Dependency Injection for Java)", as Javadoc titles a page) after the
# name a title gives.
_TITLE_SUFFIX = re.compile(r"\s*(?:\(\d\w*\)|\(\)|\s\([^()]{3,80}\))$")
# What a thing of code is, said after its name: "the Singleton annotation", "the Named class".
_CODE_KIND = re.compile(r"\s+(?:annotation|class|interface|function|method|command|module|package|program|macro|"
                        r"directive|struct|enum|type)$", re.I)


_TITLE_WORDS = 8  # the most words of a title a question names a document by, with its kind after

# The kinds of document a title says it is of itself ("... : A narrative review", "study protocol
# for ...", "A tutorial on ..."), by which "the review" names the one document so titled.  Words
# every paper may be called ("paper", "article", "study") name none.
_GENRES = frozenset({"review", "protocol", "tutorial", "vignette", "thesis", "dissertation", "handbook", "manual",
                     "guide", "primer", "editorial", "commentary", "overview"})
# "What is the primary outcome of the BeneMin trial?": a thing asked of what the question's end names.
_ASKED_OF_STUDY = re.compile(r"^\s*(what\s+(?:is|was|are|were)\s+.+?)\s+(?:of|in|for)\s+\S.*?\?\s*$", re.I)
_OWNED_BY_STUDY = re.compile(r"^\s*(what\s+(?:is|was|are|were))\s+((?:the\s+)?[\w@.-]+(?:\s+[\w@.-]+){0,2}?)['’]s?\s+(.+?)\s*\?\s*$",
                             re.I)
# "the hand hygiene trial": what a question calls a study by, a few words of its title before its kind.
_STUDY_KINDS = frozenset({"trial", "trials", "study", "studies", "experiment", "survey", "protocol", "review"})
# what a study tests, which a person calls it by too ("the hand hygiene intervention")
_STUDIED_KINDS = frozenset({"intervention", "programme", "program"})
_DESCRIBING_WORDS = 4
# "Who funded the LIMIT trial?" asks what one section heads, "How were participants randomised in
# the trial?" what a passage says; a heading holds a few words.
_HEADED_WORDS = 3
# An abbreviation of three letters or more, digits aside: "BDNF" (not "UK", which a word may hold).
_ABBREVIATION_LETTERS = 3
# A stem this long is a word's own, and a longer term beginning with it a form of the same word
# ("overdos" of "overdosage"); a shorter one begins unrelated words ("car" of "cardiac").
_STEM_PREFIX = 5
_WH_WORDS = frozenset({"how", "which", "where", "why", "whom", "whose"})
# A verb a document is the subject of: "the review identified", "the review says".
_REPORTING = re.compile(r"[a-z]{3,}ed|(?:say|find|conclude|show|report|describe|identifie|include|argue|suggest|recommend|state|"
                        r"note|mention|discuss|review|list|propose)s", re.I)
# "the review" standing for a document: its noun alone ("the review?", "the review of X", "the
# review's") or the subject of a verb ("does the review say about", "the review identified 21"),
# not a modifier ("the review process took"): at most one word after it before a function word or
# the question's end, or a verb (`_REPORTING`).
_THE_GENRE = re.compile(r"\bthe\s+(" + "|".join(sorted(_GENRES)) + r")(?:['’]s)?\b((?:\s+[\w'’-]+){0,2})", re.I)


def _heading_of(term: str) -> str:
    """A pattern of the headings a term of words names its section by: the term, or the term in the
    plural, its modifier coordinated with another ("Inclusion and exclusion criteria" heads the
    inclusion criteria, "Primary and secondary outcomes" the primary outcome) or a word between
    ("Primary clinical outcome"); a name of code as written."""
    words = term.split()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return re.escape(term.strip())
    first, last = r"\s+".join(map(re.escape, words[:-1])), re.escape(words[-1])
    return rf"(?:{first}\s+(?:(?:and|or|&|/)\s+)?(?:[^\W\d_]+\s+)?{last}(?:s|es)?)"


def _one_word(a: str, b: str) -> bool:
    """Whether BM25 terms `a` and `b` are one word's (`same_stem`), or one drops the "e" the other
    keeps before its ending ("store" of "stored", "storag" of "storage")."""
    return same_stem(a, b) or any(len(x) >= 5 and x.endswith("e") and y.startswith(x[:-1]) for x, y in ((a, b), (b, a)))


def _bare_title(title: str) -> str:
    """A title as the name of what its page documents: without a manual section, case folded."""
    return _TITLE_SUFFIX.sub("", title).strip().casefold()


def _bare_term(term: str) -> str:
    """A term asked of as a page would be titled by it: without what kind of code it is, case
    folded ("singleton" of "Singleton annotation")."""
    return _CODE_KIND.sub("", term.strip()).casefold()


@dataclass
class Candidates:
    """Per-candidate score components for one question (rows index the passages)."""

    rows: np.ndarray
    dense: np.ndarray
    bm25: np.ndarray      # normalised by the best BM25 score in the collection
    sentence: np.ndarray  # best sentence cosine within the passage
    identifier: np.ndarray  # share of the question's identifiers (`identifiers`; acronyms of one document) it holds

    def fused(self, fusion: FusionParams, mode: Mode = "hybrid") -> np.ndarray:
        if mode == "dense":
            return self.dense
        if mode == "bm25":
            return self.bm25
        return (fusion.dense_weight * self.dense + fusion.bm25_weight * self.bm25 + fusion.sentence_weight * self.sentence
                + fusion.identifier_weight * self.identifier)


def _single_threaded_blas() -> None:
    """numpy may have been imported (and BLAS started) before config set OPENBLAS_NUM_THREADS."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


_FRONT_PASSAGES = 6  # where a document lists its writers and its date: its first passages, before the text
# The words a question asking what a study found, or its limitations or strengths, asks with.
_JUDGED_WORDS = ("is are was were do does did find found show showed conclude concluded conclusion conclusions result results "
                 "finding findings main key "
                 "major principal overall limitation limitations weakness weaknesses shortcoming shortcomings drawback "
                 "drawbacks strength strengths see consider regard view identify acknowledge name cite describe note report "
                 "mention list admit any there have has had biggest greatest chief important notable potential future "
                 "further more additional research studies work trials investigation directions implications needed "
                 "required recommend suggest propose should")
_APPRAISAL_WORDS = 6  # a sentence that says what a limitation is, not a heading's "Strengths and limitations"
_PROSE_WORDS = 8  # a sentence of a document's opening that says what it is about, not a line of its title block
_SUMMARY = re.compile(r"abstract|summary", re.I)  # the heading of a document's own summary
# The labels of an abstract's paragraphs that say what it found (and of a paper's closing section).
_CONCLUSIONS = re.compile(r"conclusions?|interpretations?|concluding\s+remarks", re.I)
_RESULTS = re.compile(r"results?|findings?|main\s+results?|key\s+findings?", re.I)
# A reference's authors: "et al." or two names written as a reference list writes them ("Corder K,").
_CITED = re.compile(r"\bet al\b|(?:\b[A-Z][\w'’-]+ [A-Z]{1,3}[,.]\s.*){2}")


# Pronouns that name nothing a document may hold ("Is he allergic to anything?").
_INDEFINITE = frozenset({"anything", "something", "everything", "nothing", "anyone", "someone", "everyone", "anybody",
                         "somebody", "everybody", "nobody"})
# "How long", "how much": the words that make a question of an amount.
_HOW_WHAT = re.compile(r"\bhow\s+(?:long|much|many|often|far|old|big|large|small|soon|high|low|early|late)\b", re.I)


class Searcher:
    """Searches one index; the model loads on the first question, an index on disk is memory-mapped."""

    def __init__(self, index_dir: Path | str = config.DEFAULT_INDEX_DIR, encoder: Encoder | None = None,
                 fusion: FusionParams = config.DEFAULT_FUSION, index: Index | None = None,
                 answers: AnswerModel | None = None) -> None:
        self.index_dir = Path(index_dir)
        _single_threaded_blas()
        self.index = index if index is not None else open_index(self.index_dir)
        self.encoder = encoder or get_encoder(self.index.arithmetic)
        self.fusion = fusion
        self._answers = answers
        self._vocabulary: Vocabulary | None = None
        self._bare_titles: dict[str, list[int]] | None = None  # read on the first question that asks of a term
        self._title_terms: list[set[str]] | None = None  # read on the first question that describes a study
        self._file_terms_of: dict[int, frozenset[str]] = {}
        self._sections_of: dict[int, tuple[str, ...]] = {}
        self._question_headed_of: dict[int, bool] = {}

    @property
    def answers(self) -> AnswerModel:
        """The answer model, read on the first search."""
        if self._answers is None:
            self._answers = answer_model()
        return self._answers

    def reload(self) -> None:
        """Pick up a newer generation of the index (after an upload, say)."""
        self.index = open_index(self.index_dir)
        self._vocabulary = None
        self._bare_titles = None
        self._title_terms = None
        self._file_terms_of = {}
        self._sections_of = {}
        self._question_headed_of = {}

    def spelled(self, question: str) -> str:
        """`question` with the words it likely misspells written as the collection writes them
        (`spelling.corrected`; the collection's words are read on the first question that needs them)."""
        return corrected(question, self._vocabulary, load=self._read_vocabulary)

    def _read_vocabulary(self) -> Vocabulary:
        self._vocabulary = Vocabulary(d.text for d in self.index.documents())
        return self._vocabulary

    @property
    def documents(self) -> list[tuple[str, str]]:
        return list(zip(self.index.doc_ids, self.index.doc_titles))

    def resolve_doc_ids(self, doc_ids: list[str] | None) -> list[str] | None:
        """Accept ids, file names or stems; QuestionError naming any that match nothing."""
        if not doc_ids:
            return None
        out, unknown = [], []
        for wanted in doc_ids:
            if self.index.doc_row(wanted) is not None:
                out.append(wanted)
                continue
            matches = [d for d in self.index.doc_ids if Path(d).name == wanted or Path(d).stem == wanted]
            if matches:
                out.extend(matches)
            else:
                unknown.append(wanted)
        if unknown:
            raise QuestionError(f"no document with id {', '.join(map(repr, unknown))} in the index")
        return out

    def candidates(self, question: str, doc_ids: list[str] | None = None, query_vector: np.ndarray | None = None,
                   n: int | None = None, tokens: list[str] | None = None) -> Candidates:
        """The best `n` passages of each retriever with their score components; `query_vector`
        and `tokens` (`bm25_tokenize`'s) are the question's, when the caller has them already."""
        index = self.index
        n = min(n or self.fusion.candidates, len(index))
        q = self.encoder.encode_query(unquoted(question)) if query_vector is None else query_vector
        allowed = index.passage_rows([index.doc_row(d) for d in doc_ids]) if doc_ids else None
        # What the index's passages hold (`bm25_terms`: tokens, then acronyms as written); the caller's
        # tokens save tokenising again.
        tokens = bm25_tokenize([question])[0] if tokens is None else tokens
        named = acronyms(question)
        references = numbered_references(question)
        bm25_all = index.bm25_scores(tokens + named + references)
        best_bm25 = float(bm25_all.max()) if len(bm25_all) else 0.0
        dense_rows = index.vector_search(q, n, allowed)
        pool = allowed if allowed is not None else np.arange(len(bm25_all))
        sub = bm25_all[pool]
        top = np.argpartition(-sub, min(n, len(sub)) - 1)[:n] if len(sub) else np.zeros(0, int)
        bm25_rows = pool[top][sub[top] > 0]
        rows = np.unique(np.concatenate([dense_rows, bm25_rows]).astype(np.int64))
        dense = index.passage_vectors(rows) @ q
        bm25 = bm25_all[rows] / best_bm25 if best_bm25 > 0 else np.zeros(len(rows), np.float32)
        names = named + mixed_case_names(question)
        # a code written in three parts or more ("CVE-2018-6188") is one identifier, as BM25 also holds
        # it joined; a name of two ("IL-6") is searched by its parts, as SciFact train chose
        codes = hyphen_joined(" ".join(w for w in question.split() if w.count("-") >= 2))
        identifier = self._identifier_share(rows, tokens + codes, names, references,
                                            command_options(question), dotted_numbers(question))
        ahead = self.fusion.dense_weight * dense + self.fusion.bm25_weight * bm25 + self.fusion.identifier_weight * identifier
        sentence = self._best_sentence_scores(rows, q, tokens, ahead) if self.fusion.sentence_weight \
            else np.zeros(len(rows), np.float32)
        return Candidates(rows, dense, bm25.astype(np.float32), sentence, identifier)

    def named_document(self, question: str) -> int | None:
        """The one document the question names: by a name (a word set in capitals, after its
        first) that its title holds and no other document's text ("BeneMin", "the FOCUS trial"),
        or by a name of several such words that one document alone writes ("the Healthy Start
        trial" of a paper on its recruitment), or by the term it asks of that titles one alone
        ("What does find_package do?" of a manual's page "find_package", `_titled`), or by its title
        and the kind of document it is ("the concordance vignette"); None when it names none, or
        more than one; a statement's first word counts where it is no English word ("Minocycline has
        low toxicity.")."""
        if self.index.n_documents < 2:
            return None
        if (term := asked_term(question)) and (titled := self._titled(term)) is not None:
            return titled
        if (titled := self._titled_and_kind(question)) is not None:
            return titled
        if (titled := self._titled_genre(question)) is not None:
            return titled
        words = _names_after_first(question)
        # A claim may open with the name ("Minocycline has low toxicity."): a first word the
        # embedding model's vocabulary lacks is a name, not a word capitalised as a sentence opens.
        first = _FIRST_WORD.match(question).group().strip(" \t\n\"'“‘(")  # type: ignore[union-attr]
        opening = first[:1].isupper() and first.lower() not in english_words() and not is_question(question)
        words = [first, *words] if opening else words
        if not words:
            return self._described(question)
        as_written = set(acronyms(question))
        docs, titles = self.index.passage_docs(), self.index.doc_titles
        found = set()
        for word in dict.fromkeys(words):
            terms = [word] if word in as_written else bm25_tokenize([word])[0][:1]
            holder = self._sole_document(terms, docs) if terms else None
            # as the title writes it; the opening word in any case ("minocycline" of a title)
            flags = re.I if opening and word == first else 0
            if holder is not None and re.search(rf"(?<![\w@.-]){re.escape(word)}(?![\w@-])", titles[holder], flags):
                found.add(holder)
        for phrase in _name_phrases(question):
            if (holder := self._sole_writer(phrase, docs)) is not None:
                found.add(holder)
        return found.pop() if len(found) == 1 else None if found else self._described(question)

    def _asked_term(self, question: str) -> str | None:
        """`asked_term`, and what a question asks of a study it names ("primary outcome" of "What
        is the primary outcome of the BeneMin trial?", where "BeneMin" names one document): the
        term its sentences say, and its section heads ("Primary outcome"), without the study."""
        # the study's own attribute in the possessive: "What was GoActive's primary outcome?"
        if (owned := _OWNED_BY_STUDY.match(question)) and self.named_document(question) is not None:
            question = f"{owned.group(1)} the {owned.group(3)} of {owned.group(2)}?"
        if (term := asked_term(question)) is not None:
            return term
        m = _ASKED_OF_STUDY.match(question)
        if m is None or self.named_document(question) is None or self.named_document(f"{m.group(1)}?") is not None:
            return None
        # asked in the past of a finished study as in the present of a planned one
        present = re.sub(r"^(\s*what\s+)(was|were)\b", lambda w: w.group(1) + ("is" if w.group(2).lower() == "was" else "are"),
                         m.group(1), flags=re.I)
        return asked_term(f"{present}?")

    def _described(self, question: str) -> int | None:
        """The one document whose title holds every word the question describes a study by ("the
        <words> <kind>", one to four words, the kind a study's: "the hand hygiene trial" of
        "Evaluation of a Web-Based Intervention to Promote Hand Hygiene: Exploratory Randomized
        Controlled Trial", "the pilot trial", "the narrative review"), else None.  A study's report
        has a long title, which a person shortens so; a manual's page is named by its whole title
        (`_titled_and_kind`)."""
        if self._title_terms is None:
            self._title_terms = [set(t) for t in bm25_tokenize(self.index.doc_titles)]
        for the in re.finditer(r"\bthe\s+", question, re.I):
            words = re.findall(r"[\w'’-]+", question[the.end():])[:_DESCRIBING_WORDS + 1]
            kind = next((k for k in range(1, len(words)) if words[k].lower() in _STUDY_KINDS | _STUDIED_KINDS), None)
            # "I" after a word is a numeral ("the rat lamina I study", "the phase I trial"), not the pronoun
            if kind is None or {w.lower() for j, w in enumerate(words[:kind]) if not (j and w == "I")} & FUNCTION_WORDS:
                continue
            # "the hand hygiene intervention" names the study of one, where its title says "intervention"
            terms = set(bm25_tokenize([" ".join(words[:kind + (words[kind].lower() in _STUDIED_KINDS)])])[0])
            holders = [i for i, title in enumerate(self._title_terms) if terms and terms <= title]
            if len(holders) == 1:
                return holders[0]
        return None

    def _titled_and_kind(self, question: str) -> int | None:
        """The one document the question names by its title and the kind of document it is ("the
        concordance vignette", "the Adjusted Survival Curves paper"), else None."""
        for the in re.finditer(r"\bthe\s+", question, re.I):
            words = re.findall(r"[\w'’-]+", question[the.end():])[:_TITLE_WORDS + 1]
            for k in range(1, len(words)):
                if about_a_document(words[k]) and (titled := self._titled(" ".join(words[:k]))) is not None:
                    return titled
        return None

    def _titled_genre(self, question: str) -> int | None:
        """The one document whose title says it is the kind of document the question names it by
        (`_GENRES`: "What does the review conclude?" of a collection where one title ends "A
        narrative review"), else None."""
        for m in _THE_GENRE.finditer(question):
            after = m.group(2).split()
            if len(after) == 2 and not {after[0].lower(), after[1].lower()} & FUNCTION_WORDS and not _REPORTING.fullmatch(after[0]):
                continue  # "the review process took": a modifier, no document ("the review identified 21" names one)
            pattern = re.compile(rf"\b{m.group(1)}\b", re.I)
            titled = [i for i, title in enumerate(self.index.doc_titles) if pattern.search(title)]
            if len(titled) == 1:
                return titled[0]
        return None

    def _titled(self, term: str) -> int | None:
        """The one document titled by the term asked of, as a manual titles a page by its command or
        function ("find_package", "ls(1)", "configure_file()"); None when none or several are."""
        if self._bare_titles is None:
            self._bare_titles = {}
            for i, title in enumerate(self.index.doc_titles):
                self._bare_titles.setdefault(_bare_title(title), []).append(i)
        titled = self._bare_titles.get(term.strip().casefold(), []) or self._bare_titles.get(_bare_term(term), [])
        return titled[0] if len(titled) == 1 else None

    def naming_of(self, text: str, doc: int) -> set[str]:
        """`naming_words` of `text` for document `doc`, a name of several words counting only where
        this document alone writes it ("Keeping Children Safe" names its paper; "Wellcome Trust",
        which two papers write, names neither: "The BeneMin trial is funded by the Wellcome Trust."
        names BeneMin's paper, and the Wellcome Trust is what it says of it)."""
        docs = self.index.passage_docs()
        sole = [phrase for phrase in _name_phrases(text) if self._sole_writer(phrase, docs) == doc]
        return naming_words(text, self.index.doc_titles[doc], "\n".join(sole))

    def _sole_writer(self, phrase: str, docs: np.ndarray) -> int | None:
        """The one document whose text holds `phrase` as written, or None when none or several do
        (only documents holding all its words are read)."""
        terms = bm25_tokenize([phrase])[0]
        if not terms:
            return None
        held = np.all([self.index.bm25_scores([t]) > 0 for t in terms], axis=0)
        pattern = re.compile(rf"(?<![\w@.-]){re.escape(phrase)}(?![\w@-])")
        writers = [int(d) for d in np.unique(docs[held]) if pattern.search(self.index.document(int(d)).text)]
        return writers[0] if len(writers) == 1 else None

    def _identifier_share(self, rows: np.ndarray, tokens: list[str], capitals: list[str], references: list[str],
                          options: list[str] = (), numbers: list[str] = ()) -> np.ndarray:
        """Per candidate, the share of the question's identifiers it holds: its words of letters and
        digits, its numbered references ("tab 2" for "Table 2"), and each acronym or mixed-case name
        (`capitals`) found in one document alone ("LIMIT", "BeneMin": a trial's paper, where "DNA"
        is in every other abstract), each command-line option (`options`: "-k", "--keep") and each
        number with parts (`numbers`: "3.16" of "Which release added CPython 3.16-dev?")."""
        docs = self.index.passage_docs()  # each passage's document
        # an identifier in a document's file name ("ggplot2-specs.Rmd") names the document, as a
        # title does: its passages hold it though they never write it ("What line types can I use
        # in ggplot2?" had every passage of the vignette on using ggplot2 in packages first)
        held = [(self.index.bm25_scores([t])[rows] > 0) | np.array([t in self._file_terms(int(d)) for d in docs[rows]], bool)
                for t in identifiers(tokens)]
        held += [self.index.bm25_scores([t])[rows] > 0 for t in references]
        # BM25 indexes no one-letter option ("-k") nor a number's dotted whole ("3.16"): the
        # candidates' texts are read for them
        held += [np.array([holds_option(self.index.passage_text(int(r)), o) for r in rows]) for o in options]
        # a number in a document's title ("Git 2.33 Release Notes") names the document, as a name does,
        # and one in a heading the passage sits under names its section (a changelog's "ggplot2 3.4.0")
        held += [np.array([holds_number(self.index.doc_titles[d], n) or holds_number(self.index.passage_text(int(r)), n)
                           or any(heading_names_number(h, n) for h in self._section_of(int(r), int(d)))
                           for r, d in zip(rows, docs[rows])]) for n in numbers]
        if capitals and self.index.n_documents > 1:
            for term in capitals:
                if (named := self._sole_document([term], docs)) is not None:
                    held.append(docs[rows] == named)
        return np.mean(held, axis=0).astype(np.float32) if held else np.zeros(len(rows), np.float32)

    def _file_terms(self, doc: int) -> frozenset[str]:
        """The BM25 terms of document `doc`'s file name, its type aside ("ggplot2", "spec" of
        "ggplot2-specs.Rmd")."""
        if doc not in self._file_terms_of:
            self._file_terms_of[doc] = frozenset(bm25_tokenize([Path(self.index.doc_ids[doc]).stem])[0])
        return self._file_terms_of[doc]

    def _question_headed(self, doc: int) -> bool:
        """Whether a heading of document `doc` asks a question (a page of questions and answers); kept once read."""
        if doc not in self._question_headed_of:
            self._question_headed_of[doc] = any(h.rstrip().endswith("?") for sec in self.index.document(doc).sections
                                                for h in sec.path)
        return self._question_headed_of[doc]

    def _section_of(self, row: int, doc: int) -> tuple[str, ...]:
        """The headings passage `row` of document `doc` sits under, outermost first, then those of
        the sections that open in it (a page's first passage holds its title, then its first
        heading); kept once read, as a question naming a release reads them for every candidate."""
        if row not in self._sections_of:
            p, d = self.index.passage(row), self.index.document(doc)
            self._sections_of[row] = (*d.section_at(p.start), *d.headings_opening(p.start, p.end))
        return self._sections_of[row]

    def _sole_document(self, terms: list[str], docs: np.ndarray) -> int | None:
        """The one document whose passages hold the BM25 `terms` (`docs`: each passage's document),
        or None when none or several do."""
        holders = np.unique(docs[self.index.bm25_scores(terms) > 0])
        return int(holders[0]) if len(holders) == 1 else None

    def _best_sentence_scores(self, rows: np.ndarray, q: np.ndarray, tokens: list[str], ahead: np.ndarray
                              ) -> np.ndarray:
        """Per candidate, the cosine with the question (`tokens` its terms) of its best window: one
        sentence, or two adjacent ones read as the mean of their unit vectors (what a sentence says
        of "these" or "it" is in the one before it: "Participants were recruited by mailed
        invitations ... These were sent to 8150 people" for "How many were sent letters?"; chosen
        on SciFact train, `docs/benchmarks.md`).  A list of terms under a label
        the question does not name ("Keywords: neuroscience, depression, anxiety, brain") echoes every
        question on its topic and states nothing: it counts as no sentence, nor does a window
        holding it.  `ahead` is the rest of each candidate's fused score: the best windows are read
        for those lists only among the leading candidates (reading every candidate's sentences
        would double the search's time), until the leaders' best windows have all been read."""
        spans = self.index.sentence_ranges(rows)
        lengths = spans[:, 1] - spans[:, 0]
        if not len(rows) or not lengths.sum():
            return np.zeros(len(rows), np.float32)
        # Gather only the candidates' sentences: the sentence table may hold millions of rows.
        idx = np.repeat(spans[:, 0] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        vectors = self.index.sentence_vectors(idx)
        sims = vectors @ q
        starts = np.cumsum(lengths) - lengths
        nonempty = lengths > 0
        # pair[j]: the window of sentences j - 1 and j, none where j opens its passage
        opens = np.zeros(len(idx), bool)
        opens[starts[nonempty]] = True
        norms = np.sqrt(np.maximum(2.0 + 2.0 * np.einsum("ij,ij->i", vectors[1:], vectors[:-1]), 1e-12))
        listed = np.zeros(len(idx), bool)
        out = np.full(len(rows), -1.0, dtype=np.float32)
        read: set[int] = set()
        while True:
            pair = np.full(len(idx), -1.0, dtype=np.float32)
            pair[1:] = (sims[1:] + sims[:-1]) / norms
            pair[opens | listed | np.concatenate([[False], listed[:-1]])] = -1.0
            windows = np.maximum(sims, pair)
            out[nonempty] = np.maximum.reduceat(windows, starts[nonempty])
            leaders = np.argsort(-(ahead + self.fusion.sentence_weight * out))[:_READ_LEADERS]
            aside = []
            for c in leaders[lengths[leaders] > 0].tolist():
                j = starts[c] + int(np.argmax(windows[starts[c] : starts[c] + lengths[c]]))
                for i in (j - 1, j) if pair[j] > sims[j] else (j,):
                    if i not in read:
                        read.add(i)
                        if list_asked(self.index.sentence_text(int(idx[i])), tokens) is False:
                            aside.append(i)
            if not aside:
                return out
            sims[aside] = -1.0
            listed[aside] = True

    def search(self, question: str, k: int = 5, doc_ids: list[str] | None = None, mode: Mode = "hybrid",
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """The `k` best passages, overlapping windows of one spot (mostly the same text, or the same
        highlighted sentence) returned once; `query_vector` is the question's, when the caller has it
        (one question searched in two sets of documents is embedded once)."""
        if mode not in MODES:
            raise QuestionError(f"mode must be one of {', '.join(MODES)}")
        if k < 1:
            raise QuestionError("k must be at least 1")
        question = clean_question(question)
        doc_ids = self.resolve_doc_ids(doc_ids)
        if not len(self.index):
            return []
        q = self.encoder.encode_query(unquoted(question)) if query_vector is None else query_vector
        tokens = bm25_tokenize([question])[0]
        cand = self.candidates(question, doc_ids, q, n=max(self.fusion.candidates, 4 * k), tokens=tokens)
        terms = term_weights(self.index, question, tokens)
        scores = cand.fused(self.fusion, mode)
        pool, asked = pool_cosine(cand.dense, self.index.passage_docs(cand.rows)), is_question(question)
        amount, person, expansion = asked_amount(question), asks_person(question), asked_expansion(question)
        term, numbers, code = self._asked_term(question), tuple(dotted_numbers(question)), asks_code_name(question)
        steps = tuple(step_numbers(question))
        # a finding asked for is highlighted by a sentence reporting one, not by one saying what was
        # done; examples asked for by one that gives some ("such as ..."); a treatment by one saying
        # what was given or done; a reason by one giving it of what is asked; a superlative by one
        # saying it ("the most common"); what is advised by one advising it, not against it
        statement = asked_statement(question)
        stating = statement or (reports_result if asks_finding(question) else None) or (
            gives_examples if asks_examples(question) else None) or (states_treatment if asks_treatment(question) else None) or (
            states_use if asks_use(question) else None) or (gives_reason(tokens) if asks_reason(question) else None) or (
            asked_superlative(question)) or asked_advice(question) or asked_count_of(question) or asked_action(question) or (
            asked_label(question)) or asked_means(question) or asked_interval(question)
        # what a term is, or does, its definition says, wherever its section opens (`_in_order`);
        # a part named by its label ("What is in Appendix A?") is the section it heads
        headed = not term or _PART.search(question) is not None
        front = self._front_asked_of(question, cand.rows, scores) or (self._headed_as_asked(question, cand.rows) if headed else {})
        if asks_use(question):
            # "What does sertraline treat?" is not answered by a section headed "Discontinuing
            # Treatment with Sertraline" that says nothing it is used for
            front = {row: span for row, span in front.items() if states_use(self.index.passage_text(row))}
        kept: list[Hit] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        shown: set[tuple[int, int] | str] = set()
        entry = asked_entry(question)
        values = asked_values(question)
        # "Who funded the BeneMin trial?": in the paper it names, a sentence naming who paid for it
        # ("The project is funded by the EME Programme") answers it, though the answer model, which
        # learned from claims, reads an acknowledgement as unlike an answer; so does one naming who
        # holds the role asked of.  Of a topic ("Who developed neuropsychotherapy?") a sentence
        # naming who made another thing would state it too, so only a named document's count.
        named = self.named_document(question) if statement is not None and person is not None else None
        # A passage whose highlight only poses the question or states an aim ("We wanted to find out
        # whether exercise reduces symptoms of depression ...") comes after those that say something
        # of it, unless the question asks for the aim
        posing: list[Hit] = []
        poses = not asks_aim(question)
        for i in self._in_order(cand.rows, scores, question, tokens, person, expansion, front, term, entry):
            p = self.index.passage(int(cand.rows[i]))
            # Windows share a sentence or two by design; only a mostly shared window is a repeat.
            if any(min(p.end, e2) - max(p.start, s2) > 0.5 * min(p.end - p.start, e2 - s2)
                   for s2, e2 in taken.get(p.doc, [])):
                continue
            hit = self._hit(len(kept) + 1, p.row, float(scores[i]), q, terms, pool, asked, amount, person, expansion,
                            term, numbers, front, entry, code, stating, values, statement is not None, steps)
            if p.doc == named and self._names_who(hit, statement):
                hit = replace(hit, probability=1.0, match=match_words(1.0))
            # Two windows around one answering sentence are one spot: the second would show the
            # reader the same highlighted sentence again.  So is the same sentence in another
            # document: a file added twice, or a page that also stands in a whole-book page.
            # A short highlight ("XML_ParserFree") is compared with its passage.
            said, passage = same_text(hit.highlight.text), same_text(hit.text)
            if (p.doc, hit.highlight.start) in shown or said in shown or passage in shown:
                continue
            shown.add((p.doc, hit.highlight.start))
            shown.update(t for t in (said, passage) if len(t) >= MIN_REPEAT)
            taken.setdefault(p.doc, []).append((p.start, p.end))
            # ("This paper presents independent research commissioned by the NIHR" states who paid for it)
            if (poses and (poses_question(hit.highlight.text) or lists_aims(hit.section)) and len(posing) < k
                    and not (statement and statement(hit.highlight.text))):
                posing.append(hit)  # a passage that only asks the question or states an aim answers after the others
                continue
            kept.append(hit)
            if len(kept) == k:
                break
        return [replace(h, rank=r) for r, h in enumerate([*kept, *posing][:k], start=1)]

    def _names_who(self, hit: Hit, statement: Callable[[str], bool] | None) -> bool:
        """Whether the hit's highlight states who did what the question asks (`statement`), outside
        a reference list and a declaration of interests (which names who paid the authors)."""
        doc = self.index.document(self.index.doc_row(hit.doc_id))
        return (statement is not None and not doc.in_references(hit.highlight.start)
                and not _INTERESTS_HEADING.search(doc.declarations_at(hit.highlight.start)) and statement(hit.highlight.text))

    def answered(self, hits: list[Hit], question: str | None = None, doc_ids: list[str] | None = None) -> bool:
        """Whether any hit is likely enough to hold the answer (the answer model's bar) and, given
        the `question` (searched in `doc_ids`), it names nothing those documents never mention
        (`unknown_names`), the hit is of the one document the question names, if it names one
        (`named_document`: no other mentions that name), and, when it asks what a study found
        (`asks_finding`), the hit stands where its paper can report a finding (`can_report_finding`:
        not in its Methods, and not in its Background or a protocol's Discussion when the question
        names that paper's study); when not, the hits are the closest passages, not answers."""
        if question is not None and self.unknown_names(question, doc_ids):
            return False
        return self.hits_answer(hits, question)[0]

    def hits_answer(self, hits: list[Hit], question: str | None = None) -> tuple[bool, bool]:
        """`answered` (a hit likely enough to hold the answer, or one that opens the entry of the
        option or parameter asked of) but for the names the question uses and for passages without an amount of the
        kind the question asks for (`gives_amount`) or, for who made or paid for a thing
        (`asks_origin`), highlights naming no one (`names_someone`), and why not when the question asks what
        a study found and every hit likely enough to answer it stands where its paper reports no
        finding of its own (a protocol, a paper's Methods or Background): (answered, not reported)."""
        # A passage with a line that opens the entry of the option or parameter asked of ("verify |
        # Whether the server's TLS certificate is checked.") holds its answer, however its
        # probability was estimated: the model learned from sentences, not from lists of options.
        entry = asked_entry(question) if question is not None else None
        stating = asked_statement(question) if question is not None else None
        # So does a record's line whose label says it states what is asked ("Location: ...").
        likely = [h for h in hits if h.probability >= self.answers.answer_bar or (entry and opens_entry(h.text, entry))
                  or (stating and labels_statement(h.highlight.text, stating))]
        if question is not None and (amount := asked_amount(question)):
            # "What year was SQLite created?" of passages that give no date is not answered, nor
            # "What is the dose of paracetamol?" of a highlight that states no number ("Paracetamol
            # can help ease the pain.", beside "taken 5 times a day for 7 days" of another medicine)
            # (nor of one whose only number is its paragraph's: "1.3.2 ... offer an SSRI such as sertraline")
            likely = [h for h in likely if gives_amount(h.text, amount) and (amount != "measure" or gives_amount(h.highlight.text, amount))]
            if measured := measured_terms(question):
                # nor "What is the dose of sertraline?" by a dose of lithium, in a page that never
                # names sertraline: an amount is of what its document speaks of
                holding = self._documents_holding(measured)
                likely = [h for h in likely if self.index.doc_row(h.doc_id) in holding]
        if question is not None and asks_origin(question):
            # "Who developed neuropsychotherapy?" of sentences that name no one is not answered
            likely = [h for h in likely if names_someone(h.highlight.text, question)]
        if question is not None and asks_place(question):
            # "Where was the trial conducted?" of passages that name no place is not answered
            asked = bm25_tokenize([question])[0]
            likely = [h for h in likely if states_place(h.text, asked)]
        named = self.named_document(question) if question is not None else None
        if named is not None:
            likely = [h for h in likely if self.index.doc_row(h.doc_id) == named]
        if question is None or not asks_finding(question):
            return bool(likely), False
        reporting = [h for h in likely if self._reports_finding(h, named)]
        return bool(reporting), bool(likely) and not reporting

    def _documents_holding(self, terms: list[str]) -> set[int]:
        """The documents with a passage holding each of the BM25 `terms`."""
        docs = self.index.passage_docs()
        out: set[int] | None = None
        for t in terms:
            held = {int(d) for d in docs[self.index.bm25_scores([t]) > 0]}
            out = held if out is None else out & held
        return out or set()

    def _reports_finding(self, hit: Hit, named: int | None) -> bool:
        """`can_report_finding` for the hit's sentence; `named` the document the question names."""
        row = self.index.doc_row(hit.doc_id)
        return row is None or can_report_finding(self.index.document(row), row == named)(hit.highlight.start)

    def long_forms(self, texts: Iterable[str]) -> dict[str, str]:
        """The abbreviations the texts use ("CBT", three or more capitals) that a passage of the
        collection defines ("cognitive behavioural therapy (CBT)", or a list of abbreviations), each
        with its long form; the first of the `LONG_FORM_PASSAGES` passages naming it that defines it."""
        out: dict[str, str] = {}
        for short in dict.fromkeys(a for t in texts for a in acronyms(t)):
            rows = np.flatnonzero(self.index.bm25_scores([short]) > 0)[:LONG_FORM_PASSAGES] if len(self.index) else []
            for row in rows:
                text = self.index.passage_text(int(row))
                if long := acronym_definitions(text).get(short) or glossary_definitions(text).get(short):
                    out[short] = long
                    break
        return out

    def mentions(self, phrase: str, doc_ids: Sequence[str]) -> bool:
        """Whether some passage of the documents `doc_ids` holds a word of `phrase` as BM25 reads it
        ("functional" of "the functional kind"); True for a phrase of no such word, which says nothing."""
        terms = bm25_tokenize([phrase])[0]
        rows = [r for r in (self.index.doc_row(d) for d in doc_ids) if r is not None]
        if not terms:
            return True
        if not rows or not len(self.index):
            return False
        allowed = np.isin(self.index.passage_docs(), rows)
        return any(bool(((self.index.bm25_scores([t]) > 0) & allowed).any()) for t in terms)

    def unknown_names(self, question: str, doc_ids: list[str] | None = None, spelled_in: Sequence[str] = ()) -> list[str]:
        """The names the question uses (a capitalised word after its first, a word in capitals, a
        name of code joined by underscores) that no passage of the searched documents holds: "France" of "What is the capital of
        France?" asked of a programming book, which answers the "capital" of a Cyrillic letter.
        An abbreviation that they name only in a list of abbreviations, spelling it out, and never
        it nor its long form elsewhere (`glossary_only`) counts as not mentioned too: "What was the
        cost per QALY?" of a trial that lists "QALY: Quality adjusted life years" among its
        abbreviations and reports no cost.  Where it names none of them, its words when no passage
        holds any (`_words_unheld`: "How do I bake sourdough bread?" of slides on typesetting).  An
        abbreviation one of the documents `spelled_in` (a search's hits for the question) writes
        out in words is mentioned (`_spelled_out`).  A question for an abbreviation's long form
        (`asked_expansion`) names that abbreviation alone."""
        if not len(self.index):
            return []
        allowed = None
        if doc_ids:
            rows = [self.index.doc_row(d) for d in self.resolve_doc_ids(doc_ids) or []]
            allowed = np.isin(self.index.passage_docs(), [r for r in rows if r is not None])
        if (short := asked_expansion(question)) is not None:
            # "What does BDNF stand for?" asks of the abbreviation alone, whatever the vocabulary
            # holds ("stand" names nothing), and no document that never writes it nor spells it out answers
            terms = bm25_tokenize([short])[0]
            held = not terms or self._held(terms, allowed).any() or self._spelled_out(short, spelled_in)
            return [] if held else [short]
        words = _names_after_first(question)
        # Only a word the embedding model's vocabulary holds whole ("France", "Python", "UK"): an
        # unknown one is more often a spelling of a name the documents write otherwise ("IP3R" for
        # "IP(3)R", "Admpchordin" for "Admp/Chordin") than a name they lack.  An abbreviation a
        # list of abbreviations spells out is written as the documents write it, whatever the vocabulary.
        known = english_words()
        names = [w for w in dict.fromkeys(words + acronyms(question)) if (w.lower() in known or w.isupper())
                 and w.lower() not in _CALENDAR]
        # A name of code joined by underscores ("unwind_protect", "dh_make") is written as the
        # documents write it, one BM25 term, whatever the vocabulary holds.
        code = list(dict.fromkeys(_UNDERSCORED.findall(question)))
        # an abbreviation the question spells out is asked of by its long form too ("... with
        # Schimmelpenning-Feuerstein-Mims syndrome (SFM)" of abstracts that never write "SFM")
        defined = acronym_definitions(question)
        unknown = []
        for name in names + [c for c in code if c not in names]:
            terms = bm25_tokenize([name, defined.get(name, "")])
            terms = terms[0] + acronyms(name) + terms[1]
            if not terms:  # a stop word in capitals ("NO" for nitric oxide): nothing to look for
                continue
            held = self._held(terms, allowed)
            if not held.any():
                # an abbreviation of letters alone ("BDNF") has no other spelling to be written in,
                # but for a slip of two letters swapped ("PGK" of a collection that writes "PKG")
                spelled_alike = name.isupper() and name.isalpha() and len(name) >= _ABBREVIATION_LETTERS \
                    and not self._held(_swapped(name.lower()), allowed).any()
                if (name.lower() in known or name in code or spelled_alike) and not (
                        name.isupper() and self._spelled_out(name, spelled_in)):
                    unknown.append(name)
            elif name.isupper() and self._glossary_only(name, np.flatnonzero(held), allowed):
                unknown.append(name)
        # a part named by its label that no passage names ("Appendix B" of a guideline with one appendix)
        for part in _PART.finditer(question):
            said = re.compile(rf"\b{re.escape(part.group(1))}\s+{re.escape(part.group(2))}\b", re.I)
            rows = np.flatnonzero(self._held(bm25_tokenize([part.group(1)])[0], allowed))
            if not any(said.search(self.index.passage_text(int(r))) for r in rows):
                unknown.append(part.group())
        return unknown or self._words_unheld(question, allowed, spelled_in)

    def unknown_releases(self, question: str, hits: Sequence[Hit]) -> list[str]:
        """The releases the question names by number (`release_numbers`: "9.9.9" of "What changed in
        ggplot2 9.9.9?") that no document's title names, nor any of `hits` (its search's best) in
        its text or headings: a release any passage heads comes first (`_in_order`), so one that
        none of them names is in no document, and another release's notes answer nothing."""
        return [n for n in release_numbers(question)
                if not any(holds_number(title, n) for title in self.index.doc_titles)
                and not any(holds_number(h.text, n) or any(heading_names_number(s, n) for s in h.section) for h in hits)]

    def _spelled_out(self, short: str, doc_ids: Sequence[str]) -> bool:
        """Whether one of the documents `doc_ids` (those a search found for the question: reading
        every document's text would cost a large collection seconds) writes a phrase whose words'
        initials spell the abbreviation `short` (three letters or more; two for a name in capitals) though it never uses it:
        "post-traumatic stress disorder" for "PTSD", which it mentions though no passage says "PTSD";
        or a name in capitals whose initials spell it past the small words between them ("Food
        and Drug Administration" for "FDA")."""
        letters = [c for c in short if c.isalpha()]
        if len(letters) < 2 or len(letters) != len(short):
            return False
        # two letters spell only a name in capitals ("United States" for "US"), no phrase in lower case
        phrase = re.compile(r"\b" + r"[\s-]+".join(rf"({c}[^\W\d_]{{2,}})" for c in letters) + r"\b", re.I) \
            if len(letters) >= 3 else None
        name = re.compile(r"\b" + r"[\s-]+(?:(?:and|of|for|the|on|in|&)\s+)?".join(rf"({c.upper()}[^\W\d_]{{2,}})" for c in letters)
                          + r"\b")
        for d in dict.fromkeys(doc_ids):
            if (row := self.index.doc_row(d)) is None:
                continue
            text = self.index.document(row).text
            for m in (*(phrase.finditer(text) if phrase else ()), *name.finditer(text)):
                if not any(w.lower() in FUNCTION_WORDS for w in m.groups()):
                    return True
        return False

    def _held(self, terms: list[str], allowed: np.ndarray | None) -> np.ndarray:
        """Which passages (of `allowed`) hold any of the BM25 `terms`."""
        held = np.zeros(len(self.index), bool)
        for t in terms:
            held |= self.index.bm25_scores([t]) > 0
        return held if allowed is None else held & allowed

    def _words_unheld(self, question: str, allowed: np.ndarray | None, spelled_in: Sequence[str] = ()) -> list[str]:
        """The question's words (not its function words nor a question's filler) when no passage of
        `allowed` holds any of them in any form (an abbreviation is held where a phrase of the
        documents `spelled_in` spells it out, `_spelled_out`) and they are two or more: then no passage can be
        about what it asks, however near its meaning the embedding puts one; else [].  A word for
        a document or its writers does not count ("Who are the authors?" of papers that never say
        "authors"), nor does a question of one word more ("When was it published?")."""
        # "how long" asks a span and names nothing: "How long was follow-up?" is about follow-up alone;
        # nor does "anything" ("Is he allergic to anything?" is about allergies alone)
        words = [w for w in dict.fromkeys(re.findall(r"[^\W_][\w'’-]*", _HOW_WHAT.sub(" ", question)))
                 if w.lower() not in FUNCTION_WORDS | QUESTION_FILLER | _INDEFINITE and not about_a_document(w)]
        terms = [bm25_tokenize([w])[0] for w in words]
        if len(words) < 2 or not all(terms) or any(self._held_in_some_form(t, allowed) for t in terms) or any(
                w.isupper() and self._spelled_out(w, spelled_in) for w in words):
            return []
        return words

    def _held_in_some_form(self, terms: list[str], allowed: np.ndarray | None) -> bool:
        """Whether a passage of `allowed` holds one of the stemmed `terms`, or a term of the
        collection that lengthens one of `_STEM_PREFIX` letters or more: "overdosag" of "overdos",
        for "overdose" of a label that writes "overdosage", which the stemmer does not bring to one
        form.  The collection's terms are read only for a word no passage holds as it is."""
        if self._held(terms, allowed).any():
            return True
        forms = [form for t in terms if len(t) >= _STEM_PREFIX for form in self.index.terms_starting(t)]
        return bool(forms) and bool(self._held(forms, allowed).any())

    def _glossary_only(self, short: str, rows: np.ndarray, allowed: np.ndarray | None) -> bool:
        """Whether every passage of `rows` names `short` only in a list of abbreviations, and no
        searched passage writes out the long form that list gives (`glossary_only`).  Reads passages
        until one names it otherwise: for a name in use, the first."""
        long = None
        for row in rows:
            text = self.index.passage_text(int(row))
            if not glossary_only(text, short):
                return False
            long = long or glossary_definitions(text).get(short)
        if long is None:
            return False
        tokens = bm25_tokenize([long])[0]
        writes = np.ones(len(self.index), bool) if allowed is None else allowed.copy()
        for t in tokens:
            writes &= self.index.bm25_scores([t]) > 0
        writes[rows] = False
        pattern = mention_patterns(short, long)[1]
        return not any(pattern.search(self.index.passage_text(int(r))) for r in np.flatnonzero(writes))

    def _in_order(self, rows: np.ndarray, scores: np.ndarray, question: str, tokens: list[str], person: PersonKind | None,
                  expansion: str | None, front: dict[int, tuple[int, int]] | None = None,
                  term: str | None = None, entry: str | None = None) -> Iterable[int]:
        """Candidate positions in the order a search looks at them: `_answers_first`, then
        `_amounts_first`; where it asks
        who wrote a document, when, its DOI or what it is about (`front`: `_front_asked_of`), the
        passages that answer it from the document's front matter first (the embedding reads "Who
        wrote ...?" as unlike a list of names, and "All authors read and approved the manuscript"
        came first); then, where
        the question names one document, its passages before the others' ("How was the sample size
        calculated in BeneMin?" asks BeneMin's paper, even where another paper's "Sample size
        calculation" matches its other words better); where it asks for an abbreviation's long
        form (`expansion`), the passages that spell it out before all ("What does CTb stand for?":
        every passage about CTb says "CTb"); where it asks what a term is (`term`), the passages with
        a sentence that defines it (or a signature of it, `opens_signature`) before all ("What is
        type affinity?": every passage of its section says "affinity", one says what it is), or for
        an option or parameter asked of (`entry`), a line that opens its entry, and before those a
        section headed by it alone (`entry_heading`); the opening of a section the term heads comes
        just after those that define it, and the opening of the page it titles before all of them.
        A passage that only lists names comes after all of them."""
        order = self._amounts_first(self._answers_first(rows, scores, tokens, person), rows, question, tokens)
        order = self._figures_first(order, rows, question)
        order = self._rows_first(order, rows, question, tokens)
        order = self._references_last(order, rows)
        if front:
            order = sorted(order, key=lambda i: int(rows[i]) not in front)
        named = self.named_document(question)
        if named is not None:
            docs = self.index.passage_docs(rows)
            order = sorted(order, key=lambda i: docs[i] != named)  # stable: the order within each stays
        titled = named is not None and term is not None and _bare_title(self.index.doc_titles[named]) in (
            term.strip().casefold(), _bare_term(term))
        if term and not titled:
            # a section headed by it says what it is or does where it opens, after its number or a
            # mark ("5.4. Sets", Doxygen's "◆ apop_estimate()")
            heads = re.compile(rf"(?:\d+(?:\.\d+)*\.?\s+|[^\w\s]{{1,2}}\s*)?{_heading_of(term)}(?:\(\))?(?:\s|$)", re.I)
            order = sorted(order, key=lambda i: not self._opens_section(int(rows[i]), heads))
        # what a study's attribute is ("What is the primary outcome of the GoActive study?": `_asked_term`
        # of the study, no term `asked_term` reads) is said as "The primary outcome was min/day of
        # MVPA", with no article a definition has (`states_attribute`)
        attribute = bool(term) and asked_term(question) is None
        strict = bool(term) and (asks_definition(question) or attribute) and not entry

        def opening(i: int) -> bool:
            return docs[i] == named and self.index.passage(int(rows[i])).start == 0

        if titled and strict:
            # "What is tidy data?" of the page "Tidy data": its definition ("Tidy data is a
            # standard way of mapping ...") before the page's opening, unless that defines it too
            # ("(This is an informal and code heavy version of the full tidy data paper" had come first)
            order = sorted(order, key=lambda i: not opening(i))
        if term:
            # "What is quantile regression?": its definition before a sentence that says what it
            # does ("Quantile regression models with ... can be estimated with nlrq" reads as one)
            order = sorted(order, key=lambda i: self._definition_rank(int(rows[i]), term, entry, strict, attribute))
        if titled and not strict:
            # and before all, a page titled by the thing asked of says it where it opens (CMake's
            # "add_library" page opens "Add a library to the project ...", before its sections'
            # signatures "add_library(<name> OBJECT ...)")
            order = sorted(order, key=lambda i: not opening(i))
        if entry:
            # a section of its own says what the entry is before a list that names it with others
            # ("5.6.2 Maintainer" before "• Maintainer (mandatory)")
            headed = entry_heading(entry)
            order = sorted(order, key=lambda i: not self._opens_section(int(rows[i]), headed))
        if expansion:
            order = sorted(order, key=lambda i: not self._spells_out(int(rows[i]), expansion))
        if named is not None:
            # and the one document the question names before the others, whatever the orders above
            # made of theirs ("What is the primary outcome of the FOCUS trial?" had another trial's
            # "The primary outcome for the trial was ..." first)
            order = sorted(order, key=lambda i: docs[i] != named)
        if not asks_front_matter(question) and not asked_amount(question):
            order = self._front_matter_last(order, rows, question, tokens)
        # Last of all, a passage that only lists names (`lists_names_only`: a "See also" list): its
        # item "• MaxKeepAliveRequests" opens like that directive's entry and had come before it.
        return self._name_lists_last(order, rows)

    def _front_matter_last(self, order: Iterable[int], rows: np.ndarray, question: str, tokens: list[str]) -> Iterator[int]:
        """`order` with the passages of a document's front matter that match the question only by
        the words of its title and those the question names it by (`naming_words`) after the
        others: a cover sheet ("Submission date 11 August 2014") or a list of the writers'
        addresses, before the document's first sentence of prose (`_opening_stated`), had come
        first for "What recruitment strategies did the Keeping Children Safe study use?" of a paper
        titled "Recruitment and retention strategies ..."; not one holding a record's field that
        states what is asked (`labels_statement`); lazy as `order` is, since reading a
        document's opening costs a search more than its passages' ranking."""
        asked, docs = set(tokens), self.index.passage_docs(rows)
        opening: dict[int, int | None] = {}
        named: dict[int, set[str]] = {}
        stating = asked_statement(question)

        def front(i: int) -> bool:
            d, p = int(docs[i]), self.index.passage(int(rows[i]))
            if d not in opening:
                stated = self._opening_stated(d)
                opening[d] = stated[1][0] if stated else None
            if opening[d] is None or p.end > opening[d]:
                return False
            if d not in named:  # read only for a passage of the front matter: a document's text may be long
                title = self.index.doc_titles[d]
                naming = self.naming_of(question, d)
                named[d] = {t for words in bm25_tokenize([title, *naming]) for t in words}
            if stating and any(labels_statement(self.index.sentence_text(s), stating) for s in self.index.passage_sentences(int(rows[i]))):
                return False  # a record's field states what is asked ("Location: Room 2.14, ..." of "Where was the meeting held?")
            return not (asked & set(bm25_tokenize([self.index.passage_text(int(rows[i]))])[0])) - named[d]

        aside = []
        for i in order:
            if front(i):
                aside.append(i)
            else:
                yield i
        yield from aside

    def _amounts_first(self, order: Iterable[int], rows: np.ndarray, question: str, tokens: list[str]) -> Iterable[int]:
        """`order` with the passages that can give the amount the question asks for first: those
        stating one of its kind (`asked_amount`, `gives_amount`: "How long is the treatment in
        BeneMin?" is not answered by a passage without a number, however like the question it
        reads), those stating what else it asks (`asked_statement`: a place for where something was
        done, who for who made a thing, a record's field stating it first; what was given or done
        for a treatment, `states_treatment`), those with a range holding an amount a question
        gives (`asked_values`, `range_holds`), and for a release asked of by number, those under
        the heading that names it."""
        if amount := asked_amount(question):
            order = self._amount_kind_first(order, rows, amount, question, tokens)
        elif statement := asked_statement(question):
            order = sorted(order, key=lambda i: not statement(self.index.passage_text(int(rows[i]))))
            if asks_place(question):
                # and of those, the ones with a sentence naming a place and what was done there ("The
                # study will be conducted at eight research centres" before "... donating DNA to the
                # biobank at the University of Manchester" for "Where was the BeneMin trial conducted?")
                event = [t for t in tokens if t in DONE_AT_PLACE_TERMS]
                order = sorted(order, key=lambda i: not self._places_event(int(rows[i]), event))
            # and of those, a record's field that states it before a sentence naming a place in passing
            # ("Location: Room 2.14, ..." before "... open a third site in Sheffield ...")
            order = sorted(order, key=lambda i: not any(labels_statement(self.index.sentence_text(s), statement)
                                                        for s in self.index.passage_sentences(int(rows[i]))))
        elif asks_treatment(question):
            order = sorted(order, key=lambda i: not states_treatment(self.index.passage_text(int(rows[i]))))
        elif asks_use(question):
            # "What is sertraline used for?": the passage saying what it is indicated for before
            # those that use the word "use" in passing ("needed to use ... safely")
            order = sorted(order, key=lambda i: not states_use(self.index.passage_text(int(rows[i]))))
        elif means := asked_means(question):
            # "How were participants recruited?": the passage saying by what means ("recruited by
            # mailed invitations") before those that discuss the participants; of the document asked
            # of (the one named, else the best passage's), since another's means is no answer ("How
            # are missing values handled in lme4?" is not answered by "zoo handles missing values by ...")
            order, docs = list(order), self.index.passage_docs(rows)
            named = self.named_document(question)
            asked = named if named is not None else int(docs[order[0]]) if order else None
            order = sorted(order, key=lambda i: not (docs[i] == asked and means(self.index.passage_text(int(rows[i])))))
        if is_question(question) and (values := asked_values(question)):
            # "How much paracetamol for a 3 year old?": the passages with a range that holds the
            # amount given ("2 to 4 years | 7.5 mL") before those that name the words alone (a
            # claim's amount is what it says, not a row it asks for)
            order = sorted(order, key=lambda i: not range_holds(self.index.passage_text(int(rows[i])), values))
        numbers, steps = dotted_numbers(question), step_numbers(question)
        if numbers or steps:
            # "What changed in ggplot2 3.4.0?": the passages under the heading that names the
            # release ("ggplot2 3.4.0", "Changes to Version 3.1-0") before those under others', which
            # say "changed" as well; a heading's own number ("3.4 Results") names no release
            docs = self.index.passage_docs(rows)
            under = {i for i in range(len(rows)) if any(heading_names_number(h, n) for n in numbers
                                                       for h in self._section_of(int(rows[i]), int(docs[i])))}
            # and those holding the paragraph or step the number labels ("What does recommendation
            # 1.3.2 say?": "1.3.2 Do not offer benzodiazepines ..."; "What is step 6?": "6. Add ...")
            under |= {i for i in range(len(rows)) if self._numbered_sentence(int(rows[i]), numbers, steps) is not None}
            if under:
                order = sorted(order, key=lambda i: i not in under)
        if is_question(question):
            # "How should chloroform be stored?": the passage with the table row the question names
            # by its label and column ("Chloroform | Sigma | Room temperature" under "Reagent |
            # Supplier | Storage") before those that name chloroform in passing
            when = asked_amount(question) in ("time", "date")
            order = sorted(order, key=lambda i: self._cell_asked(int(rows[i]), tokens, when) is None)
        return order

    def _amount_kind_first(self, order: Iterable[int], rows: np.ndarray, amount: AmountKind, question: str,
                           tokens: list[str]) -> list[int]:
        """`order` with the passages giving an amount of the kind asked for (`gives_amount`) first,
        and of those the ones that give it as the question asks it (below)."""
        order = sorted(order, key=lambda i: not gives_amount(self.index.passage_text(int(rows[i])), amount))
        if amount == "date":
            # and of those, the ones with a sentence dating the event asked of before those
            # giving other dates ("Date of discharge: 11 March 2026" before "on day 3" for "When
            # was she discharged?"); the words naming the document asked of name no event ("When did
            # the FOCUS trial start?" is not answered by a reference to another FOCUS paper of 2013)
            event = self._event_terms(question, tokens)
            order = sorted(order, key=lambda i: not self._dates_event(int(rows[i]), event))
        if amount == "time":
            # and of those, the ones saying at what point before those giving a span alone
            # ("measured 12 hours after the last dose" before "Elimination half-life | 24 hours"
            # for "When should blood be taken for a lithium level?")
            order = sorted(order, key=lambda i: not states_time_point(self.index.passage_text(int(rows[i]))))
        if amount == "frequency":
            # and of those, the ones that say a rate before those with a number of another kind
            # ("at every dose change" before "2.5% to 4% of adults")
            order = sorted(order, key=lambda i: not states_rate(self.index.passage_text(int(rows[i]))))
        if amount == "count" and asks_count_done(question):
            # and of those, the ones giving a count with its share of a group ("190 (66%)
            # subsequently declined") before those counting other things ("three outdoor walking
            # locations"): how many of a study's people did something is reported so
            order = sorted(order, key=lambda i: not counts_with_share(self.index.passage_text(int(rows[i]))))
        if amount == "number" and asks_share(question):
            # and of those, the ones writing a share ("20% (n = 149) of the total responses") before
            # those with numbers of another kind ("14 pages with 42 questions")
            order = sorted(order, key=lambda i: not states_share(self.index.passage_text(int(rows[i]))))
        return order

    def _event_terms(self, question: str, tokens: list[str]) -> list[str]:
        """The question's BM25 `tokens` but those naming the document it asks of (`naming_of`): they
        name no event ("When did the FOCUS trial start?" is not answered by a reference to another
        paper of the FOCUS trial, of 2013)."""
        named = self.named_document(question)
        naming = set(bm25_tokenize([" ".join(self.naming_of(question, named))])[0]) if named is not None else set()
        return [t for t in tokens if t not in naming]

    def _places_event(self, row: int, event: list[str]) -> bool:
        """Whether a sentence of passage `row` names a place by its name (`states_place`, `_PLACE_NAMED`)
        and says the doing the terms `event` name (`event_words`): "in a group setting" names none."""
        return bool(event) and any(
            states_place(text, set(event)) and _PLACE_NAMED.search(text.partition(" ")[2]) is not None
            and event_words(text, event) > 0
            for text in map(self.index.sentence_text, self.index.passage_sentences(row)))

    def _references_last(self, order: Iterable[int], rows: np.ndarray) -> Iterable[int]:
        """`order` with the passages of reference lists after all others again: an entry names a
        place, a year or a count as readily as an answer does, and the preferences that reorder the
        candidates must not lift it ("Gill JS: Reported levels of alcohol consumption ... within the
        UK ..." had come first for "Where were the U@Uni students recruited?").  Where none applied,
        `order` is still `_answers_first`'s lazy order, which has them last already and reads only
        the candidates a search looks at."""
        if not isinstance(order, list):
            return order
        return sorted(order, key=lambda i: self._in_references(int(rows[i])))

    def _in_references(self, row: int) -> bool:
        """Whether passage `row` stands in its document's reference list."""
        p = self.index.passage(row)
        return self.index.document(p.doc).in_references(p.start)

    def _dates_event(self, row: int, event: list[str]) -> bool:
        """Whether a sentence of passage `row` dates the event the terms `event` name (`dates_event`),
        read with the heading it stands under: "In the Summer term (April to July) of 2013 all year 9
        students ... received invitation packs" under "Participant recruitment" dates recruitment."""
        doc = self.index.document(self.index.passage(row).doc)
        for s in self.index.passage_sentences(row):
            start, _ = self.index.sentence_span(s)
            path = doc.section_at(start)
            if dates_event(f"{self.index.sentence_text(s)}\n{path[-1] if path else ''}", event):
                return True
        return False

    def _figures_first(self, order: Iterable[int], rows: np.ndarray, question: str) -> Iterable[int]:
        """`order` with, where the question asks about a figure ("Which figure shows how the mentors
        are organised?"), the passages holding a figure's caption first: the prose that describes
        the same thing matches the question's other words better and names no figure."""
        if not (is_question(question) and asks_figure(question)):
            return order
        return sorted(order, key=lambda i: not shows_figure(self.index.passage_text(int(rows[i]))))

    def _rows_first(self, order: Iterable[int], rows: np.ndarray, question: str, tokens: list[str]) -> Iterable[int]:
        """`order` with, where the question asks for an amount, the passages holding a table's row
        whose label it names whole (`names_row`: "Current smokers 11.99 - 85 11.28 - 83" for "What
        percentage of control-arm students were current smokers at baseline?") first: a borderless
        table's row states the amount in numbers alone, and the prose around it matches the
        question's words better."""
        if not (is_question(question) and asked_amount(question)):
            return order
        asked = frozenset(tokens)
        return sorted(order, key=lambda i: not names_row(self.index.passage_text(int(rows[i])), asked))

    def _cell_asked(self, row: int, tokens: Sequence[str], when: bool = False) -> int | None:
        """The sentence of passage `row` that is a table's row (`table_cells`, under its header row)
        whose label the question names in full and one of whose other columns' headers it names
        by a word of one stem with it (`_one_word`: "stored" names "Storage"), or, where it asks
        `when`, any row its label names (a schedule's "Actigraphy | | X | | X" under "Assessment |
        Screening | Baseline | ...": its columns are the times), or a row of a label
        and its value whose label it names ("What drug class is lithium?"); None where none is, or
        where two are (a table's rows for a time point under each measure: "28 weeks | ..." names
        no measure of its own, `answer._row_labels`)."""
        asked = [t for t in tokens if t not in FUNCTION_WORDS]
        doc = self.index.document(self.index.passage(row).doc)
        found: list[int] = []
        for s in self.index.passage_sentences(row):
            text = self.index.sentence_text(s)
            if " | " not in text:
                continue
            header = lead_line(doc.text, self.index.sentence_span(s)[0])
            cells = table_cells(header, text)
            # (a row of a label and its value, an infobox's "Drug class | Mood stabilizer", is named
            # by its label; a table's header row, which stands under none, names its columns)
            field = text.count(" | ") == 1 and bool(header)
            label = bm25_tokenize([cells[0].label if cells else text.split(" | ")[0] if field else ""])[0]
            if not label or not all(any(_one_word(w, a) for a in asked) for w in label):
                continue
            rest = [a for a in asked if not any(_one_word(w, a) for w in label)]
            if (field and not cells) or (when and cells) or any(_one_word(h, a) for c in cells
                                                                for h in bm25_tokenize([c.head])[0] for a in rest):
                found.append(s)
        return found[0] if len(found) == 1 else None

    def _numbered_sentence(self, row: int, numbers: Sequence[str], steps: Sequence[str] = ()) -> int | None:
        """The sentence of passage `row` that opens with one of the dotted `numbers` asked of, as a
        guideline numbers its paragraphs ("1.3.2 Do not offer ..."), or with one of the `steps`
        asked of as a numbered list or a procedure numbers them ("6. Add 500 µL ...", "Step 6:
        ..."), or where that is a section's heading ("3.2 Home hazard assessment"), the first
        sentence under it; None where none does."""
        patterns = [re.compile(rf"^\W*{re.escape(n)}(?![.\d])\s+\S") for n in numbers]
        steps_at = [re.compile(rf"^\W*(?:step\s+{n}(?!\d)[.:)]?|{n}[.)])\s*\S", re.I) for n in steps]
        sentences = self.index.passage_sentences(row)
        doc = self.index.document(self.index.passage(row).doc)
        # (a reference list's entries are numbered too, and are no steps)
        found = next((s for s in sentences if any(p.match(self.index.sentence_text(s)) for p in patterns)
                      or (any(p.match(self.index.sentence_text(s)) for p in steps_at)
                          and not doc.in_references(self.index.sentence_span(s)[0]))), None)
        if found is not None and found + 1 < sentences.stop and doc.opens_section(self.index.sentence_span(found + 1)[0]):
            return found + 1
        return found

    def _name_lists_last(self, order: Iterable[int], rows: np.ndarray) -> Iterator[int]:
        """`order` with the passages that only list other sections' names after the others; lazy as
        `order` is."""
        aside = []
        for i in order:
            text = self.index.passage_text(int(rows[i]))
            if listed_names(text) and lists_names_only(text, self._headings(self.index.passage(int(rows[i])).doc)):
                aside.append(i)
            else:
                yield i
        yield from aside

    def _headings(self, doc: int) -> frozenset[str]:
        """The section headings of document `doc`, lower-cased."""
        return frozenset(h.lower() for s in self.index.document(doc).sections for h in s.path)

    def _front_asked_of(self, question: str, rows: np.ndarray, scores: np.ndarray) -> dict[int, tuple[int, int]]:
        """For a question asking who wrote a document (`asks_writers`), when it was published
        (`asks_document_date`), its DOI (`asks_doi`), what it is about (`asks_gist`), what it found
        (`asks_main_findings`) or its study's limitations or strengths (`asks_appraisal`), the
        passages that answer it (passage row -> the span of the line or sentence: `_writers_listed`,
        `_date_printed`, `_doi_printed`, `_opening_stated`, `_findings_stated`, `_appraisal_stated`)
        for the documents it asks about (what a topic is about, found or lacks is asked of none): every
        candidate document's where it names nothing but a kind of document ("Who are the authors?",
        "When was this paper published?"), else the one it names (`named_document`), else the best
        candidate's ("Who wrote the blog post on sleep?" is not answered by another document's
        authors); {} for another question."""
        appraisal = asks_appraisal(question)
        find = (self._writers_listed if asks_writers(question) else self._date_printed if asks_document_date(question)
                else self._doi_printed if asks_doi(question) else self._opening_stated if asks_gist(question)
                else self._findings_stated if asks_main_findings(question)
                else partial(self._appraisal_stated, kind=appraisal) if appraisal else None)
        if find is None or not len(rows):
            return {}
        docs = self.index.passage_docs(rows)
        judged = find == self._findings_stated or appraisal is not None
        if judged and (named := self.named_document(question)) is not None:
            asked = [named]
        elif names_no_document(question) or (judged and names_no_document(question, _JUDGED_WORDS)):
            # "What did it find?", "What were its limitations?": every candidate document's (in a
            # conversation, the previous answer's document is searched alone)
            asked = docs.tolist()
        else:
            named = self.named_document(question)
            if named is None and (find in (self._opening_stated, self._findings_stated) or appraisal):
                # "What is CBT about?", "What were the main results of exercise programmes?" ask of a
                # topic, which no document's opening or conclusions need say
                return {}
            asked = [named if named is not None else int(docs[int(np.argmax(scores))])]
        return dict(found for d in dict.fromkeys(asked) if (found := find(d)) is not None)

    def _headed_as_asked(self, question: str, rows: np.ndarray) -> dict[int, tuple[int, int]]:
        """The candidate passages (`rows`) where a section opens whose heading holds every word the
        question asks with, beyond the document it names (`named_document`: its title's words), the
        names in the passage's document's title (`naming_words`, or a short title's words) and
        kinds of document, each with the span of the section's first sentence, which says what its
        heading names ("Who funded the LIMIT trial?": the LIMIT paper's "Funding statement"; "What
        is in Appendix A?": the heading it labels, `_names_part`;
        "Are there competing interests?": every "Competing interests"), of the named document only;
        {} where it asks with more than `_HEADED_WORDS` such words, or none, unless the heading is a
        question it restates (`_restates`); a question that negates (`_NEGATED`) only under a
        heading that negates too. The embedding reads
        "Who funded ...?" as unlike "This project was funded by ...", and the authors' list, its
        names close to "who", had come first.  Where the question asks for an amount
        (`asked_amount`), the section's first sentence in the passage that gives one of its kind
        ("When is the primary outcome measured?": "[Time Frame: Baseline to week 6]" under "Primary
        Outcome Measures", after the measure's name).  A follow-up searched with the question before
        it ("Who is excluded? (When are the outcomes measured?)") asks with its own words: the one in
        brackets is context."""
        question = own_words(question)
        named = self.named_document(question)
        asked = whole = _asking_terms(question)
        if named is not None:
            # only the words naming it: "How were schools randomised in GoActive?" asks with its
            # title's "cluster-randomised"; "Who funded the Keeping Children Safe study?" with the
            # name its text alone writes
            naming = self.naming_of(question, named)
            asked = whole - set(bm25_tokenize([" ".join(naming)])[0])
        if not whole:
            return {}
        # A few words name what one section heads; more, only a heading that asks the question
        # itself (`_restates`, with the words naming the document, which a page's questions repeat) can.
        wide = not asked or len(asked) > _HEADED_WORDS
        if wide and not question.rstrip().endswith("?"):
            return {}
        found: dict[int, tuple[int, int]] = {}
        amount = asked_amount(question)
        for row in map(int, rows):
            p = self.index.passage(row)
            if wide and not self._question_headed(p.doc):
                continue  # only a heading that asks a question can restate it: most documents have none
            doc = self.index.document(p.doc)
            if (named is not None and p.doc != named) or doc.in_references(p.start):
                continue
            own = asked - _title_names(question, doc.title)
            for s in self.index.passage_sentences(row):
                start, end = self.index.sentence_span(s)
                path = doc.section_at(start)
                if (path and doc.opens_section(start) and ((not wide and own and _heads(path[-1], own)) or _restates(path[-1], question)
                                                            or _names_part(question, path[-1]))
                        and bool(_NEGATED.search(question)) <= bool(_NEGATED.search(path[-1]))):
                    if s + 1 < self.index.passage_sentences(row).stop and same_cells(doc.text[start:end], self.index.sentence_text(s + 1)):
                        s += 1  # a table's header row opening the section names its columns: its first row answers
                    if amount:
                        # a section giving none of the amount asked for does not answer it ("When was
                        # she admitted?" is not answered under "Medication on admission")
                        s = self._giving_amount(row, s, amount, path, whole)
                        if s is None:
                            break
                    found[row] = answer_span(self.index, row, s)
                    break
        return found

    def _giving_amount(self, row: int, first: int, amount: AmountKind, path: tuple[str, ...], asked: AbstractSet[str]) -> int | None:
        """The first sentence of passage `row` from sentence `first` on, in the section `path`, that
        gives an amount of the kind asked for (`gives_amount`), for a date the first dating the
        event the question's terms (`asked`) name, where one does (`dates_event`: "Date of
        discharge: 11 March 2026", not "Date of admission: ..." above it under "DISCHARGE SUMMARY");
        None where none does."""
        doc = self.index.document(self.index.passage(row).doc)
        giving = []
        for s in range(first, self.index.passage_sentences(row).stop):
            start, _ = self.index.sentence_span(s)
            if doc.section_at(start) != path:
                break
            if gives_amount(self.index.sentence_text(s), amount):
                giving.append(s)
        if amount == "date":
            giving = [s for s in giving if dates_event(self.index.sentence_text(s), asked)] or giving
        return giving[0] if giving else None

    def _opening_stated(self, d: int) -> tuple[int, tuple[int, int]] | None:
        """The first sentence of document `d`'s text, among its first `_FRONT_PASSAGES` passages,
        that is prose (eight words or more, opening with a letter, a digit or a quotation mark and
        ending as a sentence ends: no side note's "▸ Prepublication history ..."; not its writers,
        its date nor a reference to it, BMJ Open's "To cite: Corder K, Brown HE, ... et al.
        Feasibility study ..."): what a paper's abstract, an article's lead, says it is about; the
        first under a heading "Abstract" or "Summary" where one heads one of its first passages (a
        provisional PDF's cover sheet, "This Provisional PDF corresponds to the article ...", comes
        before it)."""
        doc = self.index.document(d)
        rows = self.index.passage_rows([d])[:3 * _FRONT_PASSAGES].tolist()
        summary = [r for r in rows if any(_SUMMARY.fullmatch(h.strip()) for h in doc.section_at(self.index.passage(r).start))]
        for r in summary or rows[:_FRONT_PASSAGES]:
            for s in self.index.passage_sentences(r):
                start, end = self.index.sentence_span(s)
                text = doc.text[start:end].strip()
                if (len(text.split()) >= _PROSE_WORDS and re.match(r"[\w\"'“‘]", text) and text[-1:] in ".!?"
                        and not names_writer(text) and not is_date(text) and not _CITED.search(text)):
                    return r, (start, end)
        return None

    def _findings_stated(self, d: int) -> tuple[int, tuple[int, int]] | None:
        """The first sentence of document `d`'s conclusions, and the passage holding it: in its
        abstract (a heading "Abstract" or "Summary" over it), the paragraph labelled "Conclusions:"
        or "Interpretation:" or the part so headed, else the results' ("Results:", "Findings:"),
        else the opening of a section of its own headed "Conclusion(s)"; None where it has none (a
        protocol's abstract closes with its "Discussion:")."""
        doc = self.index.document(d)
        rows = self.index.passage_rows([d]).tolist()

        def opening(label: re.Pattern[str], start: int, end: int, path: tuple[str, ...]) -> bool:
            return bool(re.match(rf"(?:{label.pattern})\s*:\s*\S", doc.text[start:end], re.I)) or bool(
                path and label.fullmatch(path[-1].strip()) and doc.opens_section(start))

        for label in (_CONCLUSIONS, _RESULTS):
            for r in rows[: 3 * _FRONT_PASSAGES]:
                for s in self.index.passage_sentences(r):
                    start, end = self.index.sentence_span(s)
                    path = doc.section_at(start)
                    if any(_SUMMARY.fullmatch(h.strip()) for h in path) and opening(label, start, end, path):
                        return r, (start, end)
        for r in rows:
            for s in self.index.passage_sentences(r):
                start, end = self.index.sentence_span(s)
                path = doc.section_at(start)
                if len(path) == 1 and opening(_CONCLUSIONS, start, end, path) and not doc.in_references(start):
                    return r, (start, end)
        return None

    def _appraisal_stated(self, d: int, kind: AppraisalKind) -> tuple[int, tuple[int, int]] | None:
        """The first sentence of document `d` that names a limitation of its study, or a strength
        (`appraises`), and the passage holding it: the first under a heading that names one
        ("Strengths and limitations"), else the first in its Discussion or Conclusions that says
        what one is, or names one, else the first that says what one is anywhere but its Methods,
        its Background and its references (a review's abstract naming "the limitations of
        top-down-focused CBT models" names no limitation of its own); None where none does
        (BM25 reads "limitations" as the LIMIT trial's name, and the LIMIT trial's "A potential
        limitation of our trial is ..." had not been found)."""
        doc = self.index.document(d)
        found: dict[int, tuple[int, tuple[int, int]]] = {}  # preference -> the first of that kind
        for r in self.index.passage_rows([d]).tolist():
            for s in self.index.passage_sentences(r):
                start, end = self.index.sentence_span(s)
                text = doc.text[start:end]
                path = doc.section_at(start)
                # a short sentence announcing them ("Our trial has limitations.") says what they
                # are with the sentence after it in its paragraph
                then = self._next_in_paragraph(r, s) if len(text.split()) < _APPRAISAL_WORDS and appraises(text, kind) else None
                if doc.in_references(start) or (len(text.split()) < _APPRAISAL_WORDS and then is None):
                    continue
                headed = bool(path) and appraises(path[-1], kind) and doc.opens_section(start)
                part = section_kind(path) if path else None
                stating = appraises(text, kind, stating=True) or then is not None
                rank = 0 if headed else None if not appraises(text, kind) or part in ("methods", "background") else \
                    (1 if stating else 2) if part == "discussion" else 3 if stating else None
                if rank is not None and rank not in found:
                    # with the sentence before it where it points back ("This may be seen as a
                    # limitation."), and the one after it that does, which says what the limitation
                    # does ("Another limitation is that the intervention is an add-on to standard
                    # treatment. This design could cause ...")
                    hs, he = answer_span(self.index, r, s)
                    if (after := self._next_in_paragraph(r, s)) is not None and (
                            then is not None or refers_back(doc.text[slice(*after)])):
                        he = after[1]
                    found[rank] = (r, (hs, he))
        return found[min(found)] if found else None

    def _next_in_paragraph(self, row: int, s: int) -> tuple[int, int] | None:
        """The span of the sentence after sentence `s` in passage `row`, where it goes on the same
        paragraph; None where the passage or the paragraph ends."""
        if s + 1 >= self.index.passage_sentences(row).stop:
            return None
        doc = self.index.document(self.index.passage(row).doc)
        end = self.index.sentence_span(s)[1]
        ns, ne = self.index.sentence_span(s + 1)
        return (ns, ne) if "\n\n" not in doc.text[end:ns] else None

    def _doi_printed(self, d: int) -> tuple[int, tuple[int, int]] | None:
        """The first passage of document `d`, outside its references, with a line that prints the
        DOI the document states of itself (`Document.doi`), and where; None where it states none."""
        doc = self.index.document(d)
        if not doc.doi:
            return None
        pattern = re.compile(r"[^\n]*" + re.escape(doc.doi) + r"[^\n]*", re.I)
        for r in self.index.passage_rows([d]).tolist():
            p = self.index.passage(r)
            if not doc.in_references(p.start) and (m := pattern.search(doc.text, p.start, p.end)):
                return r, (max(m.start(), p.start), min(m.end(), p.end))
        return None

    def _date_printed(self, d: int) -> tuple[int, tuple[int, int]] | None:
        """The passage of document `d` that prints its date, and where: a line that is a date or
        dates, a word of label each at most (`is_date`: "• Apr 23, 2022" under a blog post's byline,
        "Received: 3 October 2014 Accepted: 23 December 2014" closing a paper), in its front or back
        matter (the first or last `_FRONT_PASSAGES` passages before its references); the first that
        says "published", else the first."""
        doc = self.index.document(d)
        rows = [r for r in self.index.passage_rows([d]).tolist() if not doc.in_references(self.index.passage(r).start)]
        found = []
        for r in dict.fromkeys(rows[:_FRONT_PASSAGES] + rows[-_FRONT_PASSAGES:]):
            for s in self.index.passage_sentences(r):
                start, end = self.index.sentence_span(s)
                # a line, or a part of a byline's line ("By ... · 14 May 2025 · 6 min read")
                found += [(r, (start + a, start + b)) for a, b in _line_parts(doc.text[start:end])
                          if is_date(doc.text[start + a : start + b].strip(" \t•·*-–—"))]
        return next((f for f in found if "publish" in doc.text[f[1][0]:f[1][1]].lower()), found[0] if found else None)

    def _writers_listed(self, d: int) -> tuple[int, tuple[int, int]] | None:
        """The first passage of document `d`'s front matter (`_FRONT_PASSAGES`) that lists its
        writers, and where: its first line that names them (`names_writer`: "Jodie M Dodd1,2*,
        Courtney Cramp, ..."; `names_few_writers`: one or two names over an affiliation), else the
        lines that print at least half the names the file's metadata gives (a talk's title slide, a
        name a line)."""
        doc = self.index.document(d)
        surnames = {surname(a) for a in doc.authors if a.split()}
        for r in self.index.passage_rows([d])[:_FRONT_PASSAGES].tolist():
            if doc.in_references(self.index.passage(r).start):
                break
            spans = [self.index.sentence_span(s) for s in self.index.passage_sentences(r)]
            # the first line naming them: two names over their affiliation come before the contact
            # line under it ("Correspondence: m.gonzalez@...")
            writing = next(((s, e) for k, (s, e) in enumerate(spans) if names_writer(doc.text[s:e]) or (
                k + 1 < len(spans) and names_few_writers(doc.text[s:e], doc.text[slice(*spans[k + 1])],
                                                         under_title=k > 0 and self._is_title_line(doc, spans[k - 1])))
                            or names_titled_person(doc.text[s:e])), None)
            if writing is None and surnames:
                named = [(s, e, {n for n in surnames if re.search(rf"\b{re.escape(n)}\b", doc.text[s:e])}) for s, e in spans]
                named = [x for x in named if x[2]]
                if len(set().union(*(x[2] for x in named))) * 2 >= len(surnames):
                    writing = (named[0][0], named[-1][1])
            if writing is not None:
                return r, writing
        return None

    @staticmethod
    def _is_title_line(doc: Document, span: tuple[int, int]) -> bool:
        """Whether the sentence at `span` is the document's first line, where its title is printed
        (a text file's title is its file's name)."""
        return span[0] == len(doc.text) - len(doc.text.lstrip()) and doc.text[span[1]:span[1] + 1] in ("\n", "")

    def _opens_section(self, row: int, heads: re.Pattern[str]) -> bool:
        """Whether passage `row` holds the opening of a section whose heading `heads` matches: one
        that names the term asked of first, as a reference heads a section by what it documents
        ("namedtuple() Factory Function for Tuples with Named Fields", "deque objects"), outside a
        reference list."""
        p = self.index.passage(row)
        doc = self.index.document(p.doc)
        return not doc.in_references(p.start) and any(heads.match(h) for h in doc.headings_opening(p.start, p.end))

    def _spells_out(self, row: int, short: str) -> bool:
        """Whether passage `row` spells out the abbreviation `short` (`defines`), outside a reference
        list, whose entries' initials and names read like a list of abbreviations ("PR: Perl ER")."""
        p = self.index.passage(row)
        return not self.index.document(p.doc).in_references(p.start) and defines(self.index.passage_text(row), short)

    def _definition_rank(self, row: int, term: str, entry: str | None, strict: bool, attribute: bool = False) -> int:
        """0 where passage `row` defines `term` (`states_definition`, when `strict`; or, for a
        study's `attribute`, says what it is, `states_attribute`), 1 where it says what it is or
        does otherwise (`_defines`), 2 where it does neither."""
        if strict:
            p = self.index.passage(row)
            if not self.index.document(p.doc).in_references(p.start) and any(
                    states_definition(text, term) or (attribute and states_attribute(text, term))
                    for text in map(self.index.sentence_text, self.index.passage_sentences(row))):
                return 0
        return 1 if self._defines(row, term, entry) else 2

    def _defines(self, row: int, term: str, entry: str | None) -> bool:
        """Whether a sentence of passage `row` defines `term` (`states_definition`) or says what it
        does, the term its subject ("twopi draws graphs using a radial layout", `states_action`), or for a
        command-line option or a program's parameter (`entry`, `asked_entry`), a line of it opens
        its entry (`opens_entry`), outside a reference list."""
        p = self.index.passage(row)
        if self.index.document(p.doc).in_references(p.start):
            return False
        if entry:
            return opens_entry(self.index.passage_text(row), entry) or any(
                states_entry(self.index.sentence_text(s), entry) for s in self.index.passage_sentences(row))
        return any(states_definition(text, term) or opens_signature(text, term) or states_action(text, term)
                   for text in map(self.index.sentence_text, self.index.passage_sentences(row)))

    def _answers_first(self, rows: np.ndarray, scores: np.ndarray, tokens: list[str], person: PersonKind | None) -> Iterator[int]:
        """Candidate positions by score, passages of a reference list and of a paper's declarations
        after all others: a citation entry names the topic but never answers, and "All members of
        the LIMIT trial group were involved in the design of the trial" names the trial in every
        line of "Author contributions" but says nothing of it; so they are shown only when nothing
        else matches.  Declarations keep their place for a question that asks who (`person`) or
        names their heading's words (`tokens`, the question's: "Who funded ...?", "Were there
        conflicts of interest?"), but for a declaration of interests (`_INTERESTS_HEADING`), which
        names who paid its authors, not who did or paid for the work.  Lazy: a search stops after k hits, so most candidates are never
        looked at."""
        aside = []
        asked = set(tokens)
        for i in np.argsort(-scores, kind="stable").tolist():
            p = self.index.passage(int(rows[i]))
            doc = self.index.document(p.doc)
            heading = doc.declarations_at(p.start)
            if person and not _INTERESTS_HEADING.search(heading):
                heading = ""
            if doc.in_references(p.start) or (heading and not names_declarations(asked, heading)):
                aside.append(i)
            else:
                yield i
        yield from aside

    def _hit(self, rank: int, row: int, score: float, q: np.ndarray, terms: dict[str, float], pool: tuple[float, float],
             asked: bool, amount: AmountKind | None, person: PersonKind | None, expansion: str | None = None,
             term: str | None = None, numbers: tuple[str, ...] = (), front: dict[int, tuple[int, int]] | None = None,
             entry: str | None = None, code: bool = False, stating: Callable[[str], bool] | None = None,
             values: tuple[tuple[float, str], ...] = (), record: bool = False, steps: tuple[str, ...] = ()) -> Hit:
        p = self.index.passage(row)
        doc = self.index.document(p.doc)
        answer = passage_answer(self.index, row, q, terms, pool, asked, self.answers, amount, person, expansion, term,
                                entry, code, stating, values, record)
        best = answer.sentence
        numbered = self._numbered_sentence(row, numbers, steps) if numbers or steps else None
        if numbered is not None:
            best = numbered  # the paragraph (or step) the number asked of labels answers what it says
        elif asked and (cell := self._cell_asked(row, list(terms), amount in ("time", "date"))) is not None:
            best = cell  # the table's row the question names by its label and column
        hs, he = answer_span(self.index, row, best) if best is not None else (p.start, p.end)
        he = labelled_value_end(doc.text, hs, he, p.end, terms)
        probability = float(self.answers.probability(answer.relevance)[0]) if best is not None else 0.0
        if expansion and not doc.in_references(hs) and defines(doc.text[hs:he], expansion):
            probability = 1.0  # the sentence that spells out the abbreviation asked about answers it
            if f"({expansion}" not in doc.text[hs:he] and (entry := glossary_entry(doc.text[hs:he], expansion)):
                hs, he = hs + entry[0], hs + entry[1]  # a list of abbreviations: its one entry
        if list_asked(doc.text[hs:he], terms) and not doc.in_references(hs):
            # "What keywords does the review list?": the labelled list its label names answers it
            # ("Keywords: neuroscience, psychotherapy, ..."), however its probability was estimated
            probability = 1.0
        if front and (listed := front.get(row)) is not None:
            # "Who wrote ...?", "When was it published?": the line of the front matter answers it,
            # unless the highlight states what the question asks and that line does not ("How do I
            # replace the batteries?" under "Replacing the batteries": "..., replace both batteries
            # ...", not "When the battery symbol appears, about 50 tests remain.")
            if not (stating and stating(doc.text[hs:he]) and not stating(doc.text[listed[0]:listed[1]])):
                hs, he = listed
            probability = 1.0
        section = doc.section_at(hs)
        if numbered is not None or (section and any(holds_number(section[-1], n) for n in numbers)):
            # "What changed in release 2.6.27?": the passage under the heading that names the release
            # (or the numbered section or paragraph) asked about holds its answer, though no sentence restates it
            probability = 1.0
        pages = doc.page_range(p.start, p.end)
        labels = [doc.page_label(n) for n in (pages[0], pages[-1])] if pages else []
        label = "" if not labels else labels[0] if labels[0] == labels[1] else f"{labels[0]}-{labels[1]}"
        return Hit(rank=rank, score=score, doc_id=doc.doc_id, title=doc.title, source=doc.source, start=p.start,
                   end=p.end, page=pages[0] if pages else None, text=doc.text[p.start : p.end],
                   highlight=Highlight(doc.text[hs:he], hs, he), pages=pages, section=section,
                   page_label=label, probability=probability, match=match_words(probability))


_NAME_TITLE_WORDS = 3  # the most words of a title that names its subject alone ("tidyseq", "Lithium (medication)")


@lru_cache(maxsize=256)  # a search reads every candidate passage's document's title
def _title_names(question: str, title: str) -> frozenset[str]:
    """The BM25 terms of the names in a document's title, which every section of it is about ("What
    license is tidyseq under?" of tidyseq's README: its "License"), but not another of the title's
    words ("randomised" of "How were schools randomised in MOVE?", whose title says
    "cluster-randomised"): the names the question writes so (`naming_words`), and a short title's
    words, which name its subject ("tidyseq", "Lithium (medication)")."""
    words = re.findall(r"[\w'’-]+", title)
    names = naming_words(question, title) | (set(words) if len(words) <= _NAME_TITLE_WORDS else set())
    if (subject := _TITLE_SUBJECT.match(title)) and subject.group(1).lower() not in FUNCTION_WORDS:
        names.add(subject.group(1))
    return frozenset(bm25_tokenize([" ".join(names)])[0])


# A title's opening noun, which names what the document is about, before a preposition, a colon or
# a dash: "Insomnia" of "Insomnia in primary care: what works", "Depression" of "Depression in
# adults: treatment and management".
_TITLE_SUBJECT = re.compile(r"^\W*(?:(?:the|a|an)\s+)?([^\W\d_][\w'’-]+)\s*(?:[:(\u2013\u2014]|\s-\s|(?:in|of|for|among|and|after|"
                            r"during|with|without|at|on)\s)", re.I)


# A question or a heading that negates what it says: "Who should not take sertraline?" is not what
# "3. How to take Sertraline" heads, but what "Do not take Sertraline if ..." does.
_NEGATED = re.compile(r"\b(?:not|never|no|cannot|without)\b|n['’]t\b", re.I)


def _heads(heading: str, asked: AbstractSet[str]) -> bool:
    """Whether every BM25 term of `asked` is one of the heading's, or shares its stem with one
    (`same_stem`: "regist" of "registered" and "registr" of "Trial registration", "exclud" of
    "excluded" and "exclus" of "Exclusion Criteria"), and they are at least half of its terms (a
    section "Neuroplasticity and mental health" is not what "What is neuroplasticity?" asks for)."""
    said = set(bm25_tokenize([heading])[0])
    return all(any(same_stem(a, h) for h in said) for a in asked) and \
        2 * sum(any(same_stem(a, h) for a in asked) for h in said) >= len(said)


# A part of a document named by its label: "Appendix A", "Chapter 3", "Part II", "Box 2".
# Its letter in capitals: "the box a patient ticks" names no box.
_PART = re.compile(r"\b((?i:appendix|annex|annexe|chapter|part|schedule|box|module|lesson))\s+([A-Z]|[IVX]{1,5}|\d{1,3})\b")


def _names_part(question: str, heading: str) -> bool:
    """Whether the question names a part of a document by its label (`_PART`: "What is in Appendix
    A?") that the heading opens with ("Appendix A: Summary of recommendations by setting")."""
    opening = _PART.match(heading.strip())
    return opening is not None and any(
        m.group(1).lower().rstrip("e") == opening.group(1).lower().rstrip("e") and m.group(2).lower() == opening.group(2).lower()
        for m in _PART.finditer(question))


def _line_parts(text: str) -> list[tuple[int, int]]:
    """The spans of `text`'s lines, each cut into the parts a byline's dots or bars set apart
    (`BYLINE_PARTS`)."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        at = line.start()
        for sep in BYLINE_PARTS.finditer(line.group()):
            out.append((at, line.start() + sep.start()))
            at = line.start() + sep.end()
        out.append((at, line.end()))
    return out


def _swapped(word: str) -> list[str]:
    """The word with each two neighbouring letters swapped, as a typing slip swaps them."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]]


@lru_cache(maxsize=1024)  # a question's terms are read against every question heading a search meets
def _asking_terms(text: str) -> frozenset[str]:
    """The BM25 terms a question asks with: its words but for question words, function words,
    kinds of study and words about a document."""
    words = [w for w in re.findall(r"[\w'’-]+", text)
             if w.lower() not in _STUDY_KINDS | _WH_WORDS | FUNCTION_WORDS and not about_a_document(w)]
    return frozenset(bm25_tokenize([" ".join(words)])[0])


# A circumstance a question is asked in ("in adults", "for children", "during pregnancy").
_CIRCUMSTANCE = re.compile(r"\b(?:in|among|for|during|after|before|at|on|with|without|from|within|under|over)\s+(.+)$", re.I)


def _restates(heading: str, question: str) -> bool:
    """Whether `heading` is a question (a page of questions and answers: "How is ADHD diagnosed?")
    with the question's question word, asking with none but its terms, and all of them but those
    of a circumstance it closes with: "How is ADHD diagnosed in adults?" is what the section "How is
    ADHD diagnosed?" answers, not the section "How common is ADHD in adults?", whose words it
    shares as much, and "How is ADHD treated?" is not what "What is ADHD?" answers."""
    if not heading.rstrip().endswith("?") or heading.split()[0].casefold() != question.split()[0].casefold():
        return False
    said, asked = _asking_terms(heading), _asking_terms(question)
    if not said or not said <= asked:
        return False
    closing = _CIRCUMSTANCE.search(question.rstrip(" ?.!"))
    return asked - said <= (_asking_terms(closing.group(1)) if closing else set())


def naming_words(text: str, title: str, written: str = "") -> set[str]:
    """The words by which `text` names the document titled `title`, as `Searcher.named_document`
    reads names: each name after a sentence's first word (`_names_after_first`: "FOCUS", "U@Uni")
    and each kind of study ("trial") that the title holds too, and the words before a kind of study
    that describe it by its title (`_described`: "the hand hygiene study" of "... Hand Hygiene:
    Exploratory Randomized Controlled Trial"); not another of the title's words ("randomised" of
    "How were schools randomised in GoActive?", whose title says "cluster-randomised").  A name of
    several words that the document's text (`written`) holds as `text` writes it names it too ("the
    Keeping Children Safe study" of a paper whose title says "children's centres")."""
    held = {w.casefold() for w in re.findall(r"[\w@.'’-]+", title)}
    kinds = {w for w in re.findall(r"[\w'’-]+", text) if w.lower() in _STUDY_KINDS}
    words = {w for w in {*_names_after_first(text), *kinds} if w.casefold() in held}
    for phrase in _name_phrases(text) if written else ():
        if re.search(rf"(?<![\w@.-]){re.escape(phrase)}(?![\w@-])", written):
            words.update(phrase.split() + [w for w in kinds if re.search(rf"{re.escape(phrase)}\s+{w}\b", text)])
    title_terms = set(bm25_tokenize([title])[0]) | _study_kind_terms()
    for the in re.finditer(r"\bthe\s+", text, re.I):
        after = re.findall(r"[\w'’-]+", text[the.end():])[:_DESCRIBING_WORDS + 1]
        kind = next((k for k in range(1, len(after)) if after[k].lower() in _STUDY_KINDS | _STUDIED_KINDS), None)
        if kind is not None and set(bm25_tokenize([" ".join(after[:kind + 1])])[0]) <= title_terms:
            words.update(after[:kind + 1])
    return words


@lru_cache(maxsize=1)
def _study_kind_terms() -> frozenset[str]:
    return frozenset(bm25_tokenize([" ".join(sorted(_STUDY_KINDS))])[0])


def names_someone(text: str, question: str) -> bool:
    """Whether `text` names a person or a body the question does not: a name after a sentence's
    first word (`_names_after_first`: "Aaron Beck", "the NHMRC"; not the "Neuropsychotherapy" of
    "Some concerns treated with Neuropsychotherapy include:" asked "Who developed neuropsychotherapy?")."""
    asked = {w.casefold() for w in re.findall(r"[\w@.'’-]+", question)}
    return any(name.casefold() not in asked for name in _names_after_first(text))

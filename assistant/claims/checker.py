"""Checking a claim: evidence sentences from the collection and a verdict.

Public API: `ClaimChecker`, `Verdict`, `Evidence`, `VERDICTS`, `VERDICT_WORDS`, `VerdictKind`, `confidence_text`.

Method (no NLI model ships on PyPI, so the models are trained here; see `assistant/claims/train.py`,
`assistant/claims/train_nli.py` and `assistant/models/README.md`):
1. the claim's embedding goes through a small learned adapter (`ClaimAdapter`: q + q U V,
   normalised; rank 64, trained on SciFact train to move claims towards their evidence), then the
   hybrid retriever proposes the best documents for the claim;
2. an evidence detector (logistic regression over similarity, lexical and position features) scores
   every sentence of those documents: P(the sentence is evidence for the claim);
3. the polarity model (a logistic regression over negation and direction cues and how much closer
   the sentence is to the claim reversed) gives P(the sentence contradicts the claim); a
   `claims.json` calibrated with a cross-encoder (`assistant.claims.nli`, trained by
   `train_nli`; none ships, see `assistant/models/README.md`) has that read the detector's best
   sentences instead: P(CONTRADICT) / (P(SUPPORT) + P(CONTRADICT)); beside the polarity model, a
   sentence that says the claim's words with a negation or an opposite, or moves what the claim
   moves the other way (`features.reverses`), contradicts it;
4. thresholds calibrated on out-of-fold predictions for SciFact train claims (with a cross-encoder:
   on the train claims it never saw) turn these into
   `supported`, `contradicted` or `not_found`.
A user may point at an NLI cross-encoder of their own (`nli_model=PATH`): it then gives P(contradicts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from assistant.chunking import TableCell, lead_line, table_cells
from assistant.claims.evidence import SentenceCandidate, flip_deltas, sentence_candidates
from assistant.claims.features import (
    changes_cell,
    changes_number,
    changes_span,
    flip_claim,
    holds_claim_terms,
    is_negated,
    negates,
    polarity_features,
    reverses,
    span_free,
    states_cell,
)
from assistant.claims.models import MODEL_PATH, ClaimError, ClaimModel, NLIModel
from assistant.search import Searcher, clean_question, names_listed, names_missing
from assistant.search.answer import is_reply
from assistant.text import MIN_REPEAT, document_acronyms, expanded_acronyms, same_text, spelled_out, stems

__all__ = ["VERDICTS", "VERDICT_WORDS", "ClaimChecker", "confidence_text", "Evidence", "EvidenceLabel", "Verdict", "VerdictKind"]

VerdictKind = Literal["supported", "contradicted", "not_found"]
VERDICTS: tuple[VerdictKind, ...] = get_args(VerdictKind)
EvidenceLabel = Literal["supports", "contradicts", "related"]
# How each verdict is said to a person.  "contradicted" is said plainly only while its precision on
# SciFact dev is at least 0.60; the shipped polarity model's is below it (the README's figures,
# `python -m benchmarks.claims_eval`), so it asks for review.
VERDICT_WORDS: dict[str, str] = {"supported": "Supported", "contradicted": "Possible conflict — review the evidence",
                                 "not_found": "No evidence found in these documents"}


def confidence_text(verdict: str, confidence: float) -> str:
    """What a verdict's confidence is the confidence of, in words, with the number."""
    level = "high" if confidence >= 2 / 3 else "moderate" if confidence >= 1 / 3 else "low"
    what = {"supported": "that the first sentence is evidence about the claim and supports it",
            "contradicted": "that the first sentence is evidence about the claim and contradicts it",
            "not_found": "that no sentence in these documents is evidence about the claim"}.get(verdict, "")
    return f"{level} confidence ({confidence:.2f}) {what}"


@dataclass(frozen=True)
class Evidence:
    """One sentence shown with a verdict: where it stands, and what the checker made of it."""

    text: str
    doc_id: str
    title: str
    start: int
    end: int
    page: int | None
    label: EvidenceLabel
    score: float  # P(this sentence is evidence for the claim)
    section: str = ""  # the headings it stands under, "Methods › Participants"
    page_label: str = ""  # the page number printed on its page, where that differs from `page`


@dataclass(frozen=True)
class Verdict:
    verdict: VerdictKind
    confidence: float
    evidence: tuple[Evidence, ...]
    # The names the claim uses that no document mentions (`Searcher.unknown_names`): why nothing
    # is evidence for it ("the GPL" of documents that never name it).
    not_mentioned: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "confidence": round(float(self.confidence), 4),
                "evidence": [{**asdict(e), "score": round(float(e.score), 4)} for e in self.evidence],
                "not_mentioned": list(self.not_mentioned)}


def not_mentioned_text(names: Sequence[str]) -> str:
    """Why no sentence is evidence for a claim naming what no document mentions."""
    return f"None of these documents mentions {names_listed(names)}, which the claim names."


HELD_READ = 50  # the candidates read for every term of the claim (`ClaimChecker._holds_terms`)



@dataclass(frozen=True)
class _Named:
    """The one document a claim names (`Searcher.named_document`), if any, and the words it names
    it by (`naming_words`): read once a check, for every candidate of that document."""
    doc: int | None = None
    words: frozenset[str] = frozenset()


# A number a claim gives, in digits or as how often ("twice").
_NUMBERS = re.compile(r"\d[\d,.]*|\b(?:once|twice|thrice)\b", re.I)


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """The text's words, lower-cased."""
    return frozenset(re.findall(r"\w+", text.lower()))


def _adds_words(heading: str, text: str, claim_words: frozenset[str]) -> bool:
    """Whether the heading says a word of the claim (`claim_words`) the sentence does not (else
    reading the sentence with it changes nothing, and costs a second reading)."""
    added = claim_words & _words(heading)
    return bool(added) and not added <= _words(text)


class ClaimChecker:
    """Checks claims against the collection a `Searcher` searches."""

    def __init__(self, searcher: Searcher, model_path: Path = MODEL_PATH, nli_model: Path | None = None) -> None:
        self.searcher = searcher
        self.model = ClaimModel.load(model_path)
        self.nli = NLIModel(nli_model) if nli_model else None

    def score(self, claim: str) -> tuple[list[SentenceCandidate], np.ndarray, np.ndarray]:
        """Candidates, P(evidence) and P(contradicts) for each."""
        cands, p_ev, p_con, _, _ = self._scored(claim)
        return cands, p_ev, p_con

    def _scored(self, claim: str) -> tuple[list[SentenceCandidate], np.ndarray, np.ndarray, np.ndarray, _Named]:
        """`score`, per candidate whether a rule reads its sentence as saying the claim the other
        way round (`_reversing`), which is contradiction where no NLI model decides it, and the
        document the claim names (`_named`)."""
        claim = clean_question(claim, "claim")
        named = self._named(claim)
        encoder = self.searcher.encoder
        # The reversed claim feeds the polarity model; one forward pass embeds both.
        reversed_needed = self.nli is None and self.model.nli is None
        q, flip = encoder.encode([claim, flip_claim(claim)]) if reversed_needed else (encoder.encode_query(claim), None)
        cands, _ = sentence_candidates(self.searcher, claim, self.model.adapter(q))
        if not cands:
            return [], np.zeros(0), np.zeros(0), np.zeros(0, bool), named
        p_ev = self.model.detector.predict(np.array([c.features for c in cands]))
        texts = [self.searcher.index.sentence_text(c.row) for c in cands]
        reversing = self._reversing(claim, named)
        turned = np.array([reversing(c, t) for t, c in zip(texts, cands)], bool)
        if self.nli is not None:
            top = np.argsort(-p_ev)[:8]
            p_con = np.zeros(len(cands))
            p_con[top] = self.nli.contradiction_probability(claim, [texts[i] for i in top])
        elif self.model.nli is not None:
            p_con = self.model.nli.contradiction(claim, texts, p_ev)
        else:
            deltas = flip_deltas(self.searcher, cands, q, flip)
            p_con = self.model.polarity.predict(np.array([polarity_features(claim, t, c.cosine, float(dl))
                                                    for t, c, dl in zip(texts, cands, deltas)]))
            p_con = np.where(turned, 1.0, p_con)
        return cands, p_ev, p_con, turned, named

    def _named(self, claim: str) -> _Named:
        doc = self.searcher.named_document(claim)
        if doc is None:
            return _Named()
        return _Named(doc, frozenset(self.searcher.naming_of(claim, doc)))

    def retrieve(self, claim: str) -> list[str]:
        """Step 1 alone: the ids of the documents the retriever proposes, best first."""
        q = self.model.adapter(self.searcher.encoder.encode_query(clean_question(claim, "claim")))
        _, docs = sentence_candidates(self.searcher, claim, q)
        return [self.searcher.index.doc_ids[d] for d in sorted(docs, key=lambda d: -docs[d])]

    def check(self, claim: str, max_evidence: int = 5) -> Verdict:
        if not isinstance(claim, str) or not claim.strip():
            raise ClaimError("the claim is empty")
        cands, p_ev, p_con, turned, naming = self._scored(claim)
        index = self.searcher.index
        t_ev, t_con = self.model.evidence_threshold, self.model.contradiction_threshold
        # A claim naming what no document mentions ("Biopython is distributed under the GPL." of
        # documents that name another licence) has no evidence in them: its closest sentences
        # are related at most, and no sentence is evidence by a text search, not by a model.
        unknown = self._unknown(claim, cands)
        # Evidence first: a sentence that cannot report the finding the claim states (a protocol's
        # Methods), or whose passage does not name what the claim names, is shown after it, as
        # related, whatever its score.
        named = bool(names_missing(claim, ""))  # the claim names something a passage must hold
        # A sentence holding every term of the claim is evidence, whatever the detector makes of it
        # ("Rarefaction curves never cross." against "... rarefaction curves can cross.", 0.13).
        held, nearly = self._holds_terms(claim, cands, p_ev, turned, naming)
        p_con = self._answers_read(claim, cands, held, p_con)
        evidential = [bool((p >= t_ev or h) and c.reports) and not unknown and not (named and self._names_missing(claim, c, naming))
                      for p, h, c in zip(p_ev, held | nearly, cands)]
        # The same sentence in two documents (a file added twice) is shown once.
        order, said = [], set()
        # and of the evidence, a sentence holding every term of the claim first: it speaks of what the
        # claim says, where one the detector scores higher may share a few of its words
        # claim terms, and of those an answer to a heading's question holding them (an FAQ's "Yes!"
        # under "Will Cargo work with C code?" speaks of the claim, where "error codes" may share a word)
        # and of those holding them, one a rule reads as saying them the other way (`reverses`: "only 15
        # participants (2%) downloaded the app" against "Most participants downloaded the app."),
        # where one the detector scores higher may only mention them ("invited to download the app")
        # (then one that a rule reads so holding all of the claim's terms but the one it says
        # otherwise, `nearly`)
        reversed_held = set(np.flatnonzero((held | nearly) & turned).tolist())
        # (an answer to a heading's question comes first only where it holds them: "No." under "Do I
        # have to take part?" had been the first related sentence of every claim without evidence)
        for i in sorted(range(len(cands)), key=lambda i: (not evidential[i], not held[i], not nearly[i],
                                                          bool(held[i] or nearly[i]) and cands[i].answers is None,
                                                          i not in reversed_held, -p_ev[i])):
            key = same_text(index.sentence_text(cands[i].row))
            if key not in said:
                order.append(i)
                if len(key) >= MIN_REPEAT:
                    said.add(key)
            if len(order) == max_evidence:
                break
        evidence = []
        for i in order:
            c = cands[i]
            doc = index.document(c.doc)
            s, e = self._answer_span(c)
            if evidential[i]:
                label = "contradicts" if p_con[i] >= t_con else "supports"
            else:
                label = "related"
            pages = doc.page_range(s, e)
            page = pages[0] if pages else None
            printed = doc.page_label(page) if page is not None else ""  # str(page) where it prints none
            evidence.append(Evidence(doc.text[s:e], doc.doc_id, doc.title, s, e, page, label, float(p_ev[i]),
                                     " › ".join(doc.section_at(s)), "" if printed == str(page) else printed))
        if unknown:
            return Verdict("not_found", 1.0, tuple(evidence), unknown)
        if not len(order) or not evidential[order[0]]:
            best = max((float(p) for p, c in zip(p_ev, cands) if c.reports), default=0.0)
            return Verdict("not_found", 1.0 - best, tuple(evidence))
        top = order[0]
        if p_con[top] >= t_con:
            return Verdict("contradicted", float(p_ev[top] * p_con[top]), tuple(evidence))
        return Verdict("supported", float(p_ev[top] * (1 - p_con[top])), tuple(evidence))

    def _unknown(self, claim: str, cands: list[SentenceCandidate]) -> tuple[str, ...]:
        """The names the claim uses that no document mentions (`Searcher.unknown_names`), an
        abbreviation that a candidate document writes out in words counting as mentioned ("PTSD"
        of a page that says "post-traumatic stress disorder")."""
        docs = [self.searcher.index.doc_ids[d] for d in dict.fromkeys(c.doc for c in cands)]
        return tuple(self.searcher.unknown_names(clean_question(claim, "claim"), spelled_in=docs))

    def _holds_terms(self, claim: str, cands: list[SentenceCandidate], p_ev: np.ndarray,
                     turned: np.ndarray | None = None, named: _Named = _Named()) -> tuple[np.ndarray, np.ndarray]:
        """Per candidate, whether its sentence holds every term of the claim (`holds_claim_terms`),
        read among the `HELD_READ` the detector scores highest (`p_ev`): such a sentence shares the
        claim's words and ranks among them, and reading thousands of sentences' terms costs more
        than the rest of a check; and whether, not holding them all, a rule reads it as saying the
        claim the other way round (`turned`) with all the claim's terms but the one it says otherwise
        ("The medication has low toxicity" of the paper the claim names, against "Minocycline has
        high toxicity.")."""
        # and every answer to a heading's question, which holds the claim's terms with it whatever
        # the detector makes of "Yes!" alone, and every sentence a rule reads as saying the claim
        # the other way round (`turned`), which the detector may score low for it ("None of the 36
        # CCs withdrew from the study." against "Most children's centres withdrew ...")
        also = [i for i, c in enumerate(cands) if c.answers] + ([] if turned is None else np.flatnonzero(turned).tolist())
        top = np.union1d(np.argsort(-p_ev)[:HELD_READ], also).astype(int)
        held = np.zeros(len(cands), bool)
        claim = clean_question(claim, "claim")
        spelled = [self._spelled(cands[i], named) for i in top]
        held[top] = holds_claim_terms(claim, spelled)
        # a table's cell that the claim names by its row and column and whose number it gives
        # ("Dropout was 9% in the sleep hygiene group." of "Dropout (%) | 12 | 9")
        texts = [self.searcher.index.sentence_text(cands[i].row) for i in top]
        cells = [self._cells(claim, cands[i], text) for i, text in zip(top, texts)]
        # (or gives another number for it: "The maximum dose for a 10-year-old is 5 mg." of "6 to 11
        # years | 2 mg | 10 mg" under "Age | Starting dose | Maximum dose")
        held[top] |= [any(states_cell(claim, c) or changes_cell(claim, c) for c in row) for row in cells]
        nearly = np.zeros(len(cands), bool)
        if turned is not None and turned[top].any():
            # with the heading it was read under (`_reversing`): "There is no single test." under
            # "How is ADHD diagnosed?" says ADHD and diagnosed
            headed = [f"{text}\n{self._heading(cands[i])}" for i, text in zip(top, spelled)]
            # (a claim of two terms, both: "Shingles is not painful." against "Shingles is an
            # infection that causes a painful rash.")
            nearly[top] = turned[top] & (holds_claim_terms(claim, headed, spare=1) | holds_claim_terms(claim, headed, least=2)) \
                & ~held[top]
        if _NUMBERS.search(claim):
            # a sentence giving another number of what the claim counts holds its other terms
            # ("identified 21 articles" against "The review identified 30 articles.", "twice a
            # day" against "once a day")
            unnumbered = _NUMBERS.sub(" ", claim)
            changed = np.array([changes_number(claim, text) or any(changes_number(claim, c.statement) for c in row)
                                for text, row in zip(texts, cells)], bool)
            held[top] |= holds_claim_terms(unnumbered, spelled) & changed
            # and nearly so, all but one of its other terms: "Enrollment (Estimated) | 120
            # participants" against "The trial will enrol 500 participants." (a record's row says
            # no "trial"), as a sentence a rule reads the other way round may (`turned`)
            nearly[top] |= holds_claim_terms(unnumbered, spelled, spare=1) & changed
        if (unspanned := span_free(claim)) is not None:
            # so does one giving another span of time, all but one of them ("Her symptoms resolved
            # within 48 hours." against "Her symptoms took two weeks to resolve.")
            changed = np.array([changes_span(claim, text) for text in texts], bool)
            nearly[top] |= holds_claim_terms(unspanned, spelled, spare=1) & changed
        return held, nearly & ~held

    def _reversing(self, claim: str, named: _Named) -> Callable[[SentenceCandidate, str], bool]:
        """`reverses` for a candidate and its sentence; of the document the claim names, the claim
        without the words naming it (`naming_words`), which its sentences leave out ("The patients
        and treatment providers will not be blinded." reverses "Patients in the FOCUS trial are
        blinded to their treatment.", of whose words it says too few with "FOCUS trial"); and
        `negates` of the sentence with the abbreviations its document defines spelled out."""
        index = self.searcher.index
        naming = named.words
        unnamed = re.sub(r"\s+", " ", re.sub(rf"(?<![\w@.-])(?:{'|'.join(map(re.escape, naming))})(?![\w@-])", "", claim)) \
            if naming else claim

        words = {said: _words(said) for said in (claim, unnamed)}

        def reversing(cand: SentenceCandidate, text: str) -> bool:
            said = unnamed if cand.doc == named.doc else claim
            # a table's cell is read with its row's label and column's header, names and all
            cells = self._cells(claim, cand, text)
            if reverses(said, text) or any(reverses(said, c.statement) or changes_cell(claim, c) for c in cells):
                return True
            # read with the heading it stands under, which names what the sentence leaves out: "Men
            # are diagnosed more often than women" under "How common is ADHD in adults?" against
            # "Women are diagnosed with ADHD more often than men.", "There is no single test." under
            # "How is ADHD diagnosed?" against "ADHD can be diagnosed with a single blood test."
            heading = self._heading(cand)
            if heading and _adds_words(heading, text, words[said]) and reverses(said, f"{text}\n{heading}"):
                return True
            # a negation of what the sentence's abbreviations stand for ("None of the 36 CCs
            # withdrew" against "Children's centres withdrew ..."); the other rules read the text
            # as written, where a long form's words would make a sentence about something else
            # seem to say the claim's words
            spelled = spelled_out(text, document_acronyms(index.document(cand.doc).text))
            return spelled != text and negates(said, spelled)

        return reversing

    def _heading(self, cand: SentenceCandidate) -> str:
        """The heading of the section the candidate's sentence stands in, "" for none."""
        index = self.searcher.index
        path = index.document(cand.doc).section_at(index.sentence_span(cand.row)[0])
        return path[-1] if path else ""

    def _spelled(self, cand: SentenceCandidate, named: _Named = _Named()) -> str:
        """The candidate's sentence, the long forms of the abbreviations its document defines that
        it uses ("None of the 36 CCs withdrew from the study." holds the terms of "None of the
        children's centres withdrew from the study." where the document defines "children's centres
        (CCs)", as BM25 reads its passage), the question it answers yes or no to
        (`answered_question`: "Does Cargo work on Windows?" over "Yes! All commits ..."), and the
        title of the document the claim names (`named`) and the words the claim names it by for a
        sentence of that document, which calls its
        study "this project" ("This project was funded by ... the NHMRC" holds the terms of "The
        LIMIT trial was funded by the NHMRC."; "This work was supported by the UK Medical Research
        Council" those of "The hand hygiene study was funded by the Medical Research Council.", of
        a paper titled "... Hand Hygiene: ... Randomized Controlled Trial"), and the line a list
        item or a table row stands under (`lead_line`: "• diarrhoea" under "Common side effects of
        Zolmera happen in more than 1 in 100 people:" holds the terms of "Diarrhoea is a common side
        effect of Zolmera.")."""
        index = self.searcher.index
        text = index.sentence_text(cand.row)
        doc = index.document(cand.doc)
        acronyms = document_acronyms(doc.text)
        naming = " ".join([doc.title, *named.words]) if cand.doc == named.doc else ""
        lead = lead_line(doc.text, index.sentence_span(cand.row)[0])
        return "\n".join([text, expanded_acronyms(text, acronyms), cand.answers[0] if cand.answers else "", naming, lead])

    def _cells(self, claim: str, cand: SentenceCandidate, text: str) -> list[TableCell]:
        """For a table's row, its cells in the columns whose headers share the most words with the
        claim (`table_cells`), which a rule reads one by one: "The starting dose for depression is
        100 mg a day." against the row "Depression | 50 mg a day | 200 mg a day" under "Condition |
        Starting dose | Usual maximum" gives another number in the column "Starting dose", and the
        maximum's 200 mg is no dose it speaks of."""
        if " | " not in text:
            return []
        index = self.searcher.index
        header = lead_line(index.document(cand.doc).text, index.sentence_span(cand.row)[0])
        cells = table_cells(header, text) if header else []
        said = set(stems(claim))
        shared = [len(said & set(stems(c.head))) for c in cells]
        return [c for c, n in zip(cells, shared) if n and n == max(shared)]

    def _answer_span(self, cand: SentenceCandidate) -> tuple[int, int]:
        """The candidate sentence's characters, with the next sentence of its section where it is an
        answer's word alone ("Yes!", then what says why)."""
        index = self.searcher.index
        s, e = index.sentence_span(cand.row)
        doc = index.document(cand.doc)
        if cand.answers and is_reply(doc.text[s:e]) and cand.row + 1 in index.document_sentences(cand.doc):
            s2, e2 = index.sentence_span(cand.row + 1)
            if doc.section_at(s2) == doc.section_at(s):
                return s, e2
        return s, e

    def _answers_read(self, claim: str, cands: list[SentenceCandidate], held: np.ndarray, p_con: np.ndarray) -> np.ndarray:
        """P(contradicts) where a sentence holding the claim's terms with the question it answers
        (`answered_question`) says yes or no to it: the answer states the question's words, or
        denies them, and contradicts the claim where one of the claim, the answer and the question
        is negated, or all three ("No." to "Is the plan to use GitHub?" against "Cargo will use
        GitHub.", "Yes!" to "Does Cargo work on Windows?" against "Cargo does not work on
        Windows."); the models read the sentence alone, which may repeat none of the question."""
        out = p_con.copy()
        for i in np.flatnonzero(held):
            if answers := cands[i].answers:
                question, yes = answers
                out[i] = float(is_negated(claim) ^ (not yes) ^ is_negated(question))
        return out

    def _names_missing(self, claim: str, cand: SentenceCandidate, named: _Named = _Named()) -> list[str]:
        """The claim's names (`names_missing`) that neither the passage holding the candidate
        sentence, nor its document's title or section path, holds, nor the words by which the
        claim names that document where it names it (`named`: "Keeping Children
        Safe" of its paper, whose sentences say "the study")."""
        index = self.searcher.index
        doc = index.document(cand.doc)
        start, _ = index.sentence_span(cand.row)
        rows = index.passage_rows([cand.doc])
        spans = index.sentence_ranges(rows)
        holding = rows[(spans[:, 0] <= cand.row) & (cand.row < spans[:, 1])]
        passage = index.passage_text(int(holding[0])) if len(holding) else index.sentence_text(cand.row)
        naming = named.words if cand.doc == named.doc else frozenset()
        return names_missing(claim, " ".join([doc.title, *doc.section_at(start), passage, *naming]))

    def abstract_predictions(self, claim: str) -> dict[str, str]:
        """SciFact-style abstract-level labels: doc_id -> SUPPORT or CONTRADICT, for evaluation."""
        cands, p_ev, p_con, turned, naming = self._scored(claim)
        if self._unknown(claim, cands):
            return {}
        t_ev, t_con = self.model.evidence_threshold, self.model.contradiction_threshold
        best: dict[int, int] = {}
        held, nearly = self._holds_terms(claim, cands, p_ev, turned, naming)
        p_con = self._answers_read(claim, cands, held, p_con)
        for i, c in enumerate(cands):
            if (p_ev[i] >= t_ev or held[i] or nearly[i]) and c.reports and (c.doc not in best or p_ev[i] > p_ev[best[c.doc]]):
                best[c.doc] = i
        return {self.searcher.index.doc_ids[d]: ("CONTRADICT" if p_con[i] >= t_con else "SUPPORT")
                for d, i in best.items()}

"""Step 1 and 2 of a claim check: the best documents for the claim, and every sentence of them
with the detector's features.

Public API: `SentenceCandidate`, `sentence_candidates`, `flip_deltas`, `is_listing`, `CANDIDATE_DOCS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.claims.features import sentence_features
from assistant.ingest import Document
from assistant.search import Searcher
from assistant.search.answer import is_caption_title, is_code_like, names_writer, points_elsewhere, poses_question
from assistant.search.findings import can_report_finding, states_finding
from assistant.search.searcher import names_declarations
from assistant.text import bm25_tokenize, same_text, stems

__all__ = ["CANDIDATE_DOCS", "SentenceCandidate", "answered_question", "flip_deltas", "is_listing", "sentence_candidates"]

CANDIDATE_DOCS = 10
ABSTRACT_SENTENCES = 40  # the longest document whose sentences' places the detector reads
# A paper's list of its authors stands in its front matter, under its title; a list of funders
# closing an abstract ("FUNDING Cancer Research UK, UK Medical Research Council") reads like one.
FRONT_CHARS = 2000
# A claim of who wrote a document, which its list of authors can support.
_WRITERS = re.compile(r"\b(?:wrote|written|authored|co-?authored|authors?|writers?)\b", re.I)


@dataclass
class SentenceCandidate:
    row: int       # sentence row in the index
    doc: int       # document row
    cosine: float  # with the (adapted) claim vector
    features: list[float]
    reports: bool = True  # can it report a finding the claim states (`can_report_finding`)?
    answers: tuple[str, bool] | None = None  # the heading's question it says yes or no to (`answered_question`)


# An entry of an abbreviation list: a short form with a capital or a digit, a comma, colon or
# equals sign, then its long form in words ("AOR, Adjusted odds ratio", "CTb: cholera toxin B
# subunit"; a result's "HR, 2.22; 95% CI ..." is no entry). Bounded repeats: a long run of letters
# costs linear time.
_GLOSSARY_ENTRY = re.compile(r"^\s*(?:(?i:abbreviations?)\s*:\s*)?[\w+/-]{0,15}[A-Z0-9][\w+/-]{0,15}\s*[,:=]\s+[^\W\d_]{2}")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,63}")


def is_listing(text: str) -> bool:
    """A list of definitions or addresses rather than a statement: an abbreviation list ("AOR,
    Adjusted odds ratio; CC, Children's centres; CI, ...": three or more entries, most of its
    semicolon-separated parts) or a list of contact addresses (two or more e-mail addresses). It
    shares a claim's words without saying anything about them. (A question may ask what an
    abbreviation stands for, so search still highlights it.)"""
    if len(_EMAIL.findall(text)) >= 2:
        return True
    parts = text.split(";")
    entries = sum(bool(_GLOSSARY_ENTRY.match(p)) for p in parts)
    return entries >= 3 and entries >= 0.5 * len(parts)


# "Yes!", "No.", "Yes, ...", "A: Yes." opening an answer; not "No one knows" nor "No evidence".
_ANSWER_WORD = re.compile(r"(?:(?:a|answer)\s*[:.]\s*)?(yes|no)(?:\s*[.!,;:\u2013\u2014]|\s*$)", re.I)
# A yes-or-no question, after its label where an FAQ writes one ("Q: Does the clinic ...?").
_YES_NO_QUESTION = re.compile(r"(?:(?:q|question)\s*[:.]\s*)?(?:is|are|was|were|do|does|did|can|could|will|would|should|"
                              r"shall|has|have|had|may|might|must)\s[^?]*\?", re.I)


def answered_question(doc: Document, start: int, end: int) -> tuple[str, bool] | None:
    """The yes-or-no question a heading asks whose answer the sentence [start, end) opens with "Yes"
    or "No" right under it, and whether it says yes: an FAQ's entry ("Does Cargo work on Windows?"
    then "Yes! All commits to Cargo are required to pass ... on Windows."), which states the
    heading's words, or denies them, where the sentence itself may repeat none.  None for any
    other sentence."""
    word = _ANSWER_WORD.match(doc.text, start, end)
    path = doc.section_at(start)
    if word is None or not path:
        return None
    heading = path[-1].strip()
    if not _YES_NO_QUESTION.fullmatch(heading) or not doc.opens_section(start):
        return None
    return heading, word.group(1).lower() == "yes"


def sentence_candidates(searcher: Searcher, claim: str, q: np.ndarray) -> tuple[list[SentenceCandidate], dict[int, float]]:
    """Every sentence of the best documents for the claim, with detector features, and the best
    fused passage score of each of those documents. A section heading, a line of code, a list
    of abbreviations or addresses and a sentence that only sends the reader elsewhere state nothing
    a claim could agree with ("path.relative(from, to)", "CC, Children's centres; CI, ...", "See
    documentation of the COMPILE_DEFINITIONS properties for details on adding definitions"), and
    an entry of the reference list states another
    work's finding, not the document's, so they are no candidates; nor is a sentence of a paper's
    declarations (acknowledgements, funding, competing interests, contributions) unless the claim
    names its heading's words ("The trial was funded by ..."): "The authors would like to thank ...
    for their contribution to the FOCUS trial" names the trial and says nothing of it, as the
    search ranks such passages last.  Their places still count in the others' positions.  For a
    claim that states a finding (`states_finding`), a sentence that stands where its paper cannot
    report one (`can_report_finding`: its Methods, and where the claim names
    the paper's study, its Background and a protocol's Discussion) is marked (`reports` False): it
    may be shown as related, never as evidence ("The primary outcome is the BACS composite score"
    neither supports nor contradicts "The FOCUS trial showed that cognitive remediation improves
    BACS composite scores"). Nor is a list of the authors under a paper's title (`names_writer`,
    within its first `FRONT_CHARS` characters) unless the claim says who wrote something: "The LIMIT
    trial was funded by the NHMRC." had been supported by "Jodie M Dodd, Courtney Cramp, ... For
    the LIMIT Randomised Trial Group". The document's title counts as a title wherever it stands (a PDF may
    print a journal's name or the article type above it)."""
    index = searcher.index
    cand = searcher.candidates(claim, query_vector=q)
    fused = cand.fused(searcher.fusion)
    doc_best: dict[int, float] = {}
    for d, score in zip(index.passage_docs(cand.rows).tolist(), fused.tolist()):
        doc_best[d] = max(doc_best.get(d, -1e9), score)
    docs = sorted(doc_best, key=lambda d: -doc_best[d])[:CANDIDATE_DOCS]
    claim_stems = stems(claim)
    claim_terms = set(bm25_tokenize([claim])[0])
    finding = states_finding(claim)
    named = searcher.named_document(claim) if finding else None
    writers = bool(_WRITERS.search(claim))
    out: list[SentenceCandidate] = []
    for doc_rank, d in enumerate(docs):
        rows = index.document_sentences(d)
        if not len(rows):
            continue
        sims = index.sentence_vectors(rows) @ q
        ranks = np.empty(len(sims), dtype=int)
        ranks[np.argsort(-sims)] = np.arange(len(sims))
        best = float(sims.max())
        doc = index.document(d)
        headings = {s.start for s in doc.sections}
        title = same_text(doc.title)
        reports = can_report_finding(doc, d == named) if finding else None
        # Where a sentence stands says where an abstract reports its findings (the detector learned
        # it on abstracts, 99% of them 20 sentences or fewer); in a longer document, a manual or a
        # whole paper, it says nothing, and every sentence stands mid-way.
        position = np.arange(len(rows)) / max(1, len(rows) - 1) if len(rows) <= ABSTRACT_SENTENCES \
            else np.full(len(rows), 0.5)
        for i, row in enumerate(rows):
            start, end = index.sentence_span(row)
            text = doc.text[start:end]
            declared = doc.declarations_at(start)
            # (a lead-in closing its document announces what is not there: "Some concerns treated with
            # Neuropsychotherapy include:" of a saved page that lost its list)
            if start in headings or is_code_like(text) or is_listing(text) or points_elsewhere(text) or doc.in_references(start) or \
                    (text.rstrip().endswith(":") and not doc.text[end:].strip()) or \
                    is_caption_title(text) or (
                    declared and not names_declarations(claim_terms, declared)) or (
                    i and start < FRONT_CHARS and not writers and names_writer(text)):
                continue
            feats = sentence_features(claim, claim_stems, text, float(sims[i]), int(ranks[i]), best, doc_best[d],
                                      doc_rank, position[i], i == 0 or same_text(text) == title)
            # a sentence that poses a question or states an aim ("We wanted to find out whether
            # exercise reduces ...") says nothing for or against a claim: related at most
            out.append(SentenceCandidate(row, d, float(sims[i]), feats, (reports is None or reports(start)) and not poses_question(text),
                                         answered_question(doc, start, end)))
    return out, {d: doc_best[d] for d in docs}


def flip_deltas(searcher: Searcher, cands: list[SentenceCandidate], claim_vector: np.ndarray,
                flip_vector: np.ndarray) -> np.ndarray:
    """cos(sentence, reversed claim) - cos(sentence, claim) for each candidate (both embeddings
    as the model gives them, not adapted)."""
    rows = np.array([c.row for c in cands], dtype=np.int64)
    return searcher.index.sentence_vectors(rows) @ (flip_vector - claim_vector)

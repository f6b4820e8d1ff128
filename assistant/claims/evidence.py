"""Step 1 and 2 of a claim check: the best documents for the claim, and every sentence of them
with the detector's features.

Public API: `SentenceCandidate`, `sentence_candidates`, `flip_deltas`, `CANDIDATE_DOCS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.claims.features import sentence_features
from assistant.search import Searcher
from assistant.search.answer import is_code_like, is_listing
from assistant.text import same_text, stems

__all__ = ["CANDIDATE_DOCS", "SentenceCandidate", "flip_deltas", "sentence_candidates"]

CANDIDATE_DOCS = 10


@dataclass
class SentenceCandidate:
    row: int       # sentence row in the index
    doc: int       # document row
    cosine: float  # with the (adapted) claim vector
    features: list[float]


def sentence_candidates(searcher: Searcher, claim: str, q: np.ndarray) -> tuple[list[SentenceCandidate], dict[int, float]]:
    """Every sentence of the best documents for the claim, with detector features, and the best
    fused passage score of each of those documents. A section heading, a line of code and a list
    of abbreviations or addresses state nothing a claim could agree with ("path.relative(from,
    to)", "CC, Children's centres; CI, ..."), and an entry of the reference list states another
    work's finding, not the document's, so they are no candidates; their places still count in the
    others' positions. The document's title counts as a title wherever it stands (a PDF may
    print a journal's name or the article type above it)."""
    index = searcher.index
    cand = searcher.candidates(claim, query_vector=q)
    fused = cand.fused(searcher.fusion)
    doc_best: dict[int, float] = {}
    for d, score in zip(index.passage_docs(cand.rows).tolist(), fused.tolist()):
        doc_best[d] = max(doc_best.get(d, -1e9), score)
    docs = sorted(doc_best, key=lambda d: -doc_best[d])[:CANDIDATE_DOCS]
    claim_stems = stems(claim)
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
        for i, row in enumerate(rows):
            start, end = index.sentence_span(row)
            text = doc.text[start:end]
            if start in headings or is_code_like(text) or is_listing(text) or doc.in_references(start):
                continue
            feats = sentence_features(claim, claim_stems, text, float(sims[i]), int(ranks[i]), best, doc_best[d],
                                      doc_rank, i / max(1, len(rows) - 1), i == 0 or same_text(text) == title)
            out.append(SentenceCandidate(row, d, float(sims[i]), feats))
    return out, {d: doc_best[d] for d in docs}


def flip_deltas(searcher: Searcher, cands: list[SentenceCandidate], claim_vector: np.ndarray,
                flip_vector: np.ndarray) -> np.ndarray:
    """cos(sentence, reversed claim) - cos(sentence, claim) for each candidate (both embeddings
    as the model gives them, not adapted)."""
    rows = np.array([c.row for c in cands], dtype=np.int64)
    return searcher.index.sentence_vectors(rows) @ (flip_vector - claim_vector)

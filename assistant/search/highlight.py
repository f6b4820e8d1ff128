"""Which sentence of a passage answers the question.

The highlighted sentence maximises
    cosine(question, sentence) + TERM_WEIGHT * share of the question's terms it contains
    - HEADING_PENALTY * (fewer than 5 words)
Terms are BM25's (stemmed, stop words out).  The term share was chosen on SciFact *train* claims
(benchmarks/highlight_eval.py: the highlight is a rationale sentence in 0.632 of hits with cosine
alone, 0.672 at 0.5; larger weights add about a point there and would favour word echoes over
paraphrased questions).

Public API: `best_sentence`, `TERM_WEIGHT`, `HEADING_PENALTY`.
"""

from __future__ import annotations

import numpy as np

from assistant.index import Index
from assistant.text import bm25_tokenize

__all__ = ["HEADING_PENALTY", "TERM_WEIGHT", "best_sentence"]

TERM_WEIGHT = 0.5
HEADING_PENALTY = 0.15


def best_sentence(index: Index, row: int, q: np.ndarray, terms: set[str]) -> int | None:
    """The sentence row of passage `row` to highlight for the question vector `q` and its BM25
    `terms`; None for a passage without sentences."""
    sentences = index.passage_sentences(row)
    if not len(sentences):
        return None
    sims = index.sentence_vectors(sentences) @ q
    texts = [index.sentence_text(r) for r in sentences]
    shared = np.array([len(terms & set(t)) for t in bm25_tokenize(texts)], dtype=np.float32)
    # A heading repeats the topic words but answers nothing: short lines yield to sentences.
    words = np.array([len(t.split()) for t in texts])
    scores = sims + TERM_WEIGHT * shared / max(1, len(terms)) - HEADING_PENALTY * (words < 5)
    return sentences.start + int(np.argmax(scores))

"""BM25 over the stemmed terms of every passage (bm25s, Lucene variant, k1 1.2, b 0.75).

Public API: `term_table`, `write_bm25`, `Bm25`.  The terms are stored beside the bm25s index
(`bm25_terms`, `bm25_offsets` tables and `bm25_vocab.json`), so a rebuild re-tokenises only new text.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import orjson

from assistant.index.errors import StoreError
from assistant.text import bm25_terms

__all__ = ["Bm25", "TermPart", "read_vocab", "term_table", "write_bm25", "write_vocab"]

_DIR = "bm25"
_VOCAB = "bm25_vocab.json"

# A document's terms: reused (term ids into the old vocabulary, terms per passage) or texts to tokenise.
TermPart = tuple[np.ndarray, np.ndarray] | list[str]


def term_table(parts: list[TermPart], old_vocab: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """BM25 terms of every passage in order: reused slices keep their ids, texts are tokenised and
    looked up; terms no passage uses any more are dropped."""
    ids = {t: i for i, t in enumerate(old_vocab)}
    vocab = list(old_vocab)
    term_chunks, len_chunks = [], []
    for part in parts:
        if isinstance(part, list):
            rows = bm25_terms(part) if part else []
            flat = []
            for row in rows:
                for t in row:
                    i = ids.get(t)
                    if i is None:
                        i = ids[t] = len(vocab)
                        vocab.append(t)
                    flat.append(i)
            term_chunks.append(np.array(flat, dtype=np.int64))
            len_chunks.append(np.array([len(r) for r in rows], dtype=np.int64))
        else:
            term_chunks.append(part[0].astype(np.int64))
            len_chunks.append(part[1].astype(np.int64))
    terms = np.concatenate(term_chunks) if term_chunks else np.zeros(0, np.int64)
    lengths = np.concatenate(len_chunks) if len_chunks else np.zeros(0, np.int64)
    used, terms = np.unique(terms, return_inverse=True)
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return terms.astype(np.int32).reshape(-1), offsets, [vocab[i] for i in used]


def _retriever(terms: np.ndarray, offsets: np.ndarray, vocab: list[str]):
    import bm25s
    from bm25s.tokenization import Tokenized

    retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    rows = [chunk.tolist() for chunk in np.split(terms, offsets[1:-1])] if len(offsets) > 1 else []
    if rows:
        retriever.index(Tokenized(ids=rows, vocab={t: i for i, t in enumerate(vocab)}), show_progress=False)
    else:  # bm25s cannot index an empty collection; one empty row keeps the format uniform.
        retriever.index([[]], show_progress=False)
    return retriever


def write_bm25(directory: Path, terms: np.ndarray, offsets: np.ndarray, vocab: list[str]) -> None:
    _retriever(terms, offsets, vocab).save(str(directory / _DIR), show_progress=False)


def write_vocab(directory: Path, vocab: list[str]) -> None:
    (directory / _VOCAB).write_bytes(orjson.dumps(vocab))


def read_vocab(directory: Path) -> list[str]:
    try:
        return json.loads((directory / _VOCAB).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"index file damaged in {directory} ({exc})") from exc


class Bm25:
    """BM25 scores of every passage for a query's tokens."""

    def __init__(self, retriever, n_passages: int) -> None:
        self._retriever = retriever
        self._n = n_passages

    @classmethod
    def load(cls, directory: Path, n_passages: int) -> Bm25:
        import bm25s

        return cls(bm25s.BM25.load(str(directory / _DIR), mmap=True, show_progress=False, verbosity=0), n_passages)

    @classmethod
    def in_memory(cls, terms: np.ndarray, offsets: np.ndarray, vocab: list[str]) -> Bm25:
        return cls(_retriever(terms, offsets, vocab), len(offsets) - 1)

    def scores(self, tokens: list[str]) -> np.ndarray:
        if not tokens or not self._n:
            return np.zeros(self._n, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(tokens), dtype=np.float32)[: self._n]

    def terms_starting(self, prefix: str) -> list[str]:
        """The stemmed terms some passage holds that begin with `prefix`."""
        return [t for t in self._retriever.vocab_dict if t.startswith(prefix)]

    def idf(self, tokens: list[str]) -> np.ndarray:
        """Each token's inverse document frequency over the passages, as BM25 (Lucene) weighs it:
        log(1 + (N - df + 0.5) / (df + 0.5)); a token no passage holds gets df 0, the most."""
        indptr = self._retriever.scores["indptr"]
        vocab = self._retriever.vocab_dict
        df = np.array([indptr[vocab[t] + 1] - indptr[vocab[t]] if t in vocab else 0 for t in tokens], np.float64)
        return np.log1p((self._n - df + 0.5) / (df + 0.5)).astype(np.float32)

"""A question in, ranked `Hit`s out: hybrid dense + BM25 fusion, filters, de-duplication, highlight.

Public API: `Searcher`, `Hit`, `Highlight`, `Candidates`, `QuestionError`, `clean_question`, `strip_control`.

Score semantics (stated once, shown to users as "score"):
    score = dense_weight  * cosine(question, passage)                       (in [-1, 1])
          + bm25_weight   * bm25(question, passage) / best bm25 in the collection for this question
          + sentence_weight * best cosine(question, sentence of the passage)
with the weights in `config.FusionParams`.  Each term is comparable across questions.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from assistant import config
from assistant.config import FusionParams
from assistant.encoder import Encoder, get_encoder
from assistant.store import Store, bm25_tokenize, open_store

# Control and invisible format characters, and lone surrogates (a command-line argument that was
# not valid UTF-8 arrives with them), become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
MODES = ("hybrid", "dense", "bm25")
# The highlighted sentence of a hit maximises
#     cosine(question, sentence) + HIGHLIGHT_TERM_WEIGHT * share of the question's terms it contains
#     - HEADING_PENALTY * (fewer than 5 words)
# Terms are BM25's (stemmed, stop words out).  The term share was chosen on SciFact *train* claims
# (benchmarks/highlight_eval.py: the highlight is a rationale sentence in 0.632 of hits with cosine
# alone, 0.672 at 0.5; larger weights add about a point there and would favour word echoes over
# paraphrased questions).
HIGHLIGHT_TERM_WEIGHT = 0.5
HEADING_PENALTY = 0.15


class QuestionError(ValueError):
    """A question the assistant cannot search with; the message says why."""


def strip_control(text: str) -> str:
    """`text` with control and format characters and lone surrogates as spaces, runs of
    whitespace as one space, trimmed."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()


def clean_question(question: str) -> str:
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    q = strip_control(question)
    if not q:
        raise QuestionError("the question is empty")
    if len(q) > config.MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(q):,} characters long; the limit is "
                            f"{config.MAX_QUESTION_CHARS:,}")
    return q


@dataclass(frozen=True)
class Highlight:
    text: str
    start: int  # offsets in the document text
    end: int


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    doc_id: str
    title: str
    source: str
    start: int
    end: int
    page: int | None
    text: str
    highlight: Highlight
    pages: tuple[int, ...] = ()

    def to_dict(self) -> dict:
        """The JSON form: exactly rank, score, doc_id, title, source, start, end, page, text, highlight."""
        d = asdict(self)
        d.pop("pages")
        d["score"] = round(float(self.score), 6)
        return d

    @property
    def location(self) -> str:
        where = f"chars {self.start}-{self.end}"
        if self.pages:
            pages = f"p. {self.pages[0]}" if len(self.pages) == 1 else f"pp. {self.pages[0]}-{self.pages[-1]}"
            return f"{pages}, {where}"
        return where


@dataclass
class Candidates:
    """Per-candidate score components for one question (rows index the passage table)."""

    rows: np.ndarray
    dense: np.ndarray
    bm25: np.ndarray      # normalised by the best BM25 score in the collection
    sentence: np.ndarray  # best sentence cosine within the passage

    def fused(self, fusion: FusionParams, mode: str = "hybrid") -> np.ndarray:
        if mode == "dense":
            return self.dense
        if mode == "bm25":
            return self.bm25
        return fusion.dense_weight * self.dense + fusion.bm25_weight * self.bm25 + fusion.sentence_weight * self.sentence


def _single_threaded_blas() -> None:
    """numpy may have been imported (and BLAS started) before config set OPENBLAS_NUM_THREADS."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")


class Searcher:
    """Searches one index; the model loads on the first question, the index is memory-mapped."""

    def __init__(self, index_dir: Path | str = config.DEFAULT_INDEX_DIR, encoder: Encoder | None = None,
                 fusion: FusionParams = config.DEFAULT_FUSION, store: Store | None = None) -> None:
        self.index_dir = Path(index_dir)
        _single_threaded_blas()
        self.store = store or open_store(self.index_dir)
        self.encoder = encoder or get_encoder()
        self.fusion = fusion

    def reload(self) -> None:
        """Pick up a newer generation of the index (after an upload, say)."""
        self.store = open_store(self.index_dir)

    @property
    def documents(self) -> list[tuple[str, str]]:
        return list(zip(self.store.doc_ids, self.store.doc_titles))

    def resolve_doc_ids(self, doc_ids: list[str] | None) -> list[str] | None:
        """Accept ids, file names or stems; QuestionError naming any that match nothing."""
        if not doc_ids:
            return None
        out, unknown = [], []
        for wanted in doc_ids:
            if wanted in self.store.doc_index:
                out.append(wanted)
                continue
            matches = [d for d in self.store.doc_ids if Path(d).name == wanted or Path(d).stem == wanted]
            if matches:
                out.extend(matches)
            else:
                unknown.append(wanted)
        if unknown:
            raise QuestionError(f"no document with id {', '.join(map(repr, unknown))} in the index")
        return out

    def candidates(self, question: str, doc_ids: list[str] | None = None, query_vector: np.ndarray | None = None,
                   n: int | None = None) -> Candidates:
        store = self.store
        n = n or self.fusion.candidates
        q = self.encoder.encode_query(question) if query_vector is None else query_vector
        allowed = store.passages_of(doc_ids) if doc_ids else None
        bm25_all = self._bm25_scores(question)
        best_bm25 = float(bm25_all.max()) if len(bm25_all) else 0.0
        if allowed is not None:
            dense_rows = allowed[np.argsort(-(store.dense[allowed] @ q))[:n]]
            sub = bm25_all[allowed]
            bm25_rows = allowed[np.argsort(-sub)[:n]][sub[np.argsort(-sub)[:n]] > 0]
        else:
            k = min(n, len(store))
            dense_rows = store.vector_search(q, k)
            top = np.argpartition(-bm25_all, min(k, len(bm25_all)) - 1)[:k] if len(bm25_all) else np.zeros(0, int)
            bm25_rows = top[bm25_all[top] > 0]
        rows = np.unique(np.concatenate([dense_rows, bm25_rows]).astype(np.int64))
        dense = np.asarray(store.dense[rows], dtype=np.float32) @ q
        bm25 = bm25_all[rows] / best_bm25 if best_bm25 > 0 else np.zeros(len(rows), np.float32)
        sentence = self._best_sentence_scores(rows, q) if self.fusion.sentence_weight else np.zeros(len(rows), np.float32)
        return Candidates(rows, dense, bm25.astype(np.float32), sentence)

    def _bm25_scores(self, question: str) -> np.ndarray:
        tokens = bm25_tokenize([question])[0]
        if not tokens or not len(self.store):
            return np.zeros(len(self.store), dtype=np.float32)
        scores = np.asarray(self.store.bm25.get_scores(tokens), dtype=np.float32)
        return scores[: len(self.store)]

    def _best_sentence_scores(self, rows: np.ndarray, q: np.ndarray) -> np.ndarray:
        spans = np.asarray(self.store.passage_sent[rows])
        lengths = spans[:, 1] - spans[:, 0]
        if not len(rows) or not lengths.sum():
            return np.zeros(len(rows), np.float32)
        # Gather only the candidates' sentences: the sentence table may hold millions of rows.
        idx = np.repeat(spans[:, 0] - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        sims = np.asarray(self.store.sentence_vectors[idx], dtype=np.float32) @ q
        starts = np.cumsum(lengths) - lengths
        out = np.full(len(rows), -1.0, dtype=np.float32)
        nonempty = lengths > 0
        out[nonempty] = np.maximum.reduceat(sims, starts[nonempty])
        return out

    def search(self, question: str, k: int = 5, doc_ids: list[str] | None = None, mode: str = "hybrid") -> list[Hit]:
        """The `k` best passages, overlapping windows of one spot (mostly the same text, or the same
        highlighted sentence) returned once."""
        if mode not in MODES:
            raise QuestionError(f"mode must be one of {', '.join(MODES)}")
        if k < 1:
            raise QuestionError("k must be at least 1")
        question = clean_question(question)
        doc_ids = self.resolve_doc_ids(doc_ids)
        if not len(self.store):
            return []
        q = self.encoder.encode_query(question)
        terms = set(bm25_tokenize([question])[0])
        cand = self.candidates(question, doc_ids, q, n=max(self.fusion.candidates, 4 * k))
        scores = cand.fused(self.fusion, mode)
        order = np.argsort(-scores, kind="stable")
        kept: list[Hit] = []
        taken: dict[int, list[tuple[int, int]]] = {}
        shown: set[tuple[int, int, int]] = set()
        for i in order:
            row = int(cand.rows[i])
            doc = int(self.store.passage_doc[row])
            s, e = (int(x) for x in self.store.passage_span[row])
            # Windows share a sentence or two by design; only a mostly shared window is a repeat.
            if any(min(e, e2) - max(s, s2) > 0.5 * min(e - s, e2 - s2) for s2, e2 in taken.get(doc, [])):
                continue
            hit = self._hit(len(kept) + 1, row, float(scores[i]), q, terms)
            # Two windows around one answering sentence are one spot: the second would show the
            # reader the same highlighted sentence again.
            if (doc, hit.highlight.start, hit.highlight.end) in shown:
                continue
            shown.add((doc, hit.highlight.start, hit.highlight.end))
            taken.setdefault(doc, []).append((s, e))
            kept.append(hit)
            if len(kept) == k:
                break
        return kept

    def _hit(self, rank: int, row: int, score: float, q: np.ndarray, terms: set[str]) -> Hit:
        store = self.store
        doc = store.documents[int(store.passage_doc[row])]
        s, e = (int(x) for x in store.passage_span[row])
        a, b = (int(x) for x in store.passage_sent[row])
        sims = np.asarray(store.sentence_vectors[a:b], dtype=np.float32) @ q
        texts = [store.sentence_text(r) for r in range(a, b)]
        shared = np.array([len(terms & set(t)) for t in bm25_tokenize(texts)], dtype=np.float32)
        # A heading repeats the topic words but answers nothing: short lines yield to sentences.
        words = np.array([len(t.split()) for t in texts])
        sims = sims + HIGHLIGHT_TERM_WEIGHT * shared / max(1, len(terms)) - HEADING_PENALTY * (words < 5)
        best = a + int(np.argmax(sims)) if b > a else a
        hs, he = (int(x) for x in store.sentence_span[best]) if b > a else (s, e)
        pages = doc.page_range(s, e)
        return Hit(rank=rank, score=score, doc_id=doc.doc_id, title=doc.title, source=doc.source, start=s, end=e,
                   page=pages[0] if pages else None, text=doc.text[s:e],
                   highlight=Highlight(doc.text[hs:he], hs, he), pages=pages)

"""The index directory: manifest, FAISS vectors, BM25, passage and sentence tables.

Layout of `index/` (nothing is pickled; arrays are .npy, memory-mapped on load):

    CURRENT                 name of the live generation, replaced atomically
    .lock                   held by the one writer
    gen-<time>-<id>/
        manifest.json       versions, model, dimension, chunking, per-document hashes, file checksums
        documents.jsonl     doc_id, title, source, sha256, text, pages (one line per document)
        documents_offsets.npy (D+1,) int64 byte offset of each line, so a document is read on demand
        passage_doc.npy     (n,) int32   document row of each passage
        passage_span.npy    (n, 2) int64 character span in the document text
        passage_sent.npy    (n, 2) int64 range of the passage's sentences in the sentence table
        sentence_doc.npy    (m,) int32
        sentence_span.npy   (m, 2) int64
        dense.npy           (n, d) float32 passage vectors (L2-normalised)
        sentence_vectors.npy (m, d) float16 sentence vectors
        faiss.index         FAISS index over dense.npy
        bm25/               bm25s index over title + passage
        bm25_terms.npy      (t,) int32 stemmed BM25 terms of every passage, as ids into bm25_vocab.json
        bm25_offsets.npy    (n+1,) int64 where each passage's terms start in bm25_terms.npy
        bm25_vocab.json     the terms, so a rebuild reuses unchanged passages without re-tokenising

A build writes a new generation beside the old one and only then switches CURRENT, so a crash
mid-build leaves the previous index untouched.  Public API: `Store`, `open_store`, `build_index`,
`StoreError`, `BuildReport`, `index_lock`.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import orjson

from assistant import config
from assistant.config import ChunkingParams
from assistant.documents import Document, PageSpan
from assistant.passages import cut_title, embedding_text, make_passages

# Above FLAT_LIMIT passages exact search gives way to IVF; above PQ_LIMIT the vectors in the FAISS
# index are product-quantised (see README "Scale" and `_write_faiss`).
FLAT_LIMIT = 50_000
PQ_LIMIT = 2_000_000
IVF_NPROBE = 32
PQ_SUBQUANTIZERS = 96  # 4 dimensions each: 96 bytes a passage (48 gave Recall@10 0.77 with 100 re-ranked)
PQ_RERANK = 100  # PQ candidates re-scored exactly from dense.npy
INDEX_TYPES = ("auto", "flat", "ivf_flat", "ivf_pq")


class StoreError(Exception):
    """The index cannot be used or written; the message says why and what to run."""


_BM25_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's (and scikit-learn's) default pattern
_STEMS: dict[str, str] = {}
_STOPWORDS: frozenset[str] | None = None


def bm25_tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-word-free, stemmed tokens: the same output as `bm25s.tokenize(...,
    stopwords="en", stemmer=english_stemmer(), return_ids=False)`, but with a process-wide stem
    cache, so re-indexing a mostly unchanged collection does not pay for stemming again."""
    global _STOPWORDS
    if _STOPWORDS is None:
        from bm25s.stopwords import STOPWORDS_EN

        _STOPWORDS = frozenset(STOPWORDS_EN)
    stops, stems = _STOPWORDS, _STEMS
    words_per_text = [[w for w in _BM25_TOKEN.findall(t.lower()) if w not in stops] for t in texts]
    unseen = list({w for words in words_per_text for w in words if w not in stems})
    if unseen:
        if len(stems) + len(unseen) > 2_000_000:  # bound the cache on huge vocabularies
            stems.clear()
        stems.update(zip(unseen, english_stemmer().stemWords(unseen)))
    return [[stems[w] for w in words] for words in words_per_text]


_STEMMER = None


def english_stemmer():
    """The one Snowball English stemmer of this process (BM25 and the claim features share it)."""
    global _STEMMER
    if _STEMMER is None:
        import Stemmer

        _STEMMER = Stemmer.Stemmer("english")
    return _STEMMER


@dataclass
class DocRecord:
    doc_id: str
    title: str
    source: str
    sha256: str
    text: str
    pages: tuple[PageSpan, ...]

    def page_range(self, start: int, end: int) -> tuple[int, ...]:
        return tuple(p.page for p in self.pages if p.start < end and start < p.end)


@dataclass
class BuildReport:
    documents: int = 0
    embedded_documents: int = 0
    reused_documents: int = 0
    removed_documents: int = 0
    passages: int = 0
    sentences: int = 0
    embedded_passages: int = 0
    embedded_tokens: int = 0
    embed_seconds: float = 0.0
    notice: str = ""
    passages_per_doc: dict[str, int] = field(default_factory=dict)

    @property
    def passages_per_second(self) -> float:
        return self.embedded_passages / self.embed_seconds if self.embed_seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.embedded_tokens / self.embed_seconds if self.embed_seconds else 0.0


# ---------------------------------------------------------------------------------------------
# Reading


class Store:
    """One loaded generation of the index (read-only)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        try:
            # orjson: a million-passage collection has a 38 MiB manifest, parsed in 0.4 s instead of 0.75 s
            self.manifest = orjson.loads((directory / "manifest.json").read_bytes())
        except (OSError, orjson.JSONDecodeError) as exc:
            raise StoreError(f"index manifest unreadable in {directory} ({exc})") from exc
        self._verify_sizes()
        try:
            self.documents = DocumentTable(directory)
            load = lambda name: np.load(directory / name, mmap_mode="r", allow_pickle=False)  # noqa: E731
            self.passage_doc = load("passage_doc.npy")
            self.passage_span = load("passage_span.npy")
            self.passage_sent = load("passage_sent.npy")
            self.sentence_doc = load("sentence_doc.npy")
            self.sentence_span = load("sentence_span.npy")
            self.dense = load("dense.npy")
            self.sentence_vectors = load("sentence_vectors.npy")
            self.bm25_terms = load("bm25_terms.npy") if (directory / "bm25_terms.npy").exists() else None
            self.bm25_offsets = load("bm25_offsets.npy") if self.bm25_terms is not None else None
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            raise StoreError(f"index file damaged in {directory} ({exc})") from exc
        # Ids and titles come from the manifest (same order as documents.jsonl): opening a large
        # collection reads no document text.
        self.doc_ids: list[str] = list(self.manifest["documents"])
        if len(self.passage_doc) != len(self.dense) or len(self.documents) != len(self.doc_ids):
            raise StoreError(f"index tables disagree in {directory}")
        self._faiss = None
        self._bm25 = None
        # First passage row of each document (passages are stored grouped by document).
        self.doc_passage_start = np.searchsorted(self.passage_doc, np.arange(len(self.documents) + 1))

    # Built on first use: opening the index (and so starting the app) does not wait for them.
    @functools.cached_property
    def doc_titles(self) -> list[str]:
        return [m["title"] for m in self.manifest["documents"].values()]

    @functools.cached_property
    def doc_sha256(self) -> list[str]:
        return [m["sha256"] for m in self.manifest["documents"].values()]

    @functools.cached_property
    def doc_index(self) -> dict[str, int]:
        return {d: i for i, d in enumerate(self.doc_ids)}

    def _verify_sizes(self) -> None:
        for name, meta in self.manifest.get("files", {}).items():
            path = self.directory / name
            if not path.exists() or path.stat().st_size != meta["bytes"]:
                raise StoreError(f"index file {name} is missing or truncated in {self.directory}")

    def verify(self) -> list[str]:
        """Names of files whose checksum differs from the manifest (empty when all are intact)."""
        bad = []
        for name, meta in self.manifest.get("files", {}).items():
            path = self.directory / name
            if not path.exists() or file_sha256(path) != meta["sha256"]:
                bad.append(name)
        return bad

    @property
    def faiss_index(self):
        if self._faiss is None:
            self._faiss = load_faiss(self.directory / "faiss.index", self.manifest["index"])
        return self._faiss

    def vector_search(self, q: np.ndarray, k: int) -> np.ndarray:
        """Rows of the k passages nearest to the unit vector q (inner product), best first."""
        return search_vectors(self.faiss_index, self.manifest["index"], self.dense, q, k)

    @property
    def bm25(self):
        if self._bm25 is None:
            import bm25s

            self._bm25 = bm25s.BM25.load(str(self.directory / "bm25"), mmap=True, show_progress=False,
                                         verbosity=0)
        return self._bm25

    def __len__(self) -> int:
        return len(self.passage_doc)

    def passage_text(self, row: int) -> str:
        doc = self.documents[int(self.passage_doc[row])]
        s, e = self.passage_span[row]
        return doc.text[s:e]

    def sentence_text(self, row: int) -> str:
        doc = self.documents[int(self.sentence_doc[row])]
        s, e = self.sentence_span[row]
        return doc.text[s:e]

    def bm25_vocab(self) -> list[str] | None:
        """The BM25 term list of this generation (None for an index written before it was kept)."""
        if self.bm25_terms is None:
            return None
        try:
            return json.loads((self.directory / "bm25_vocab.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise StoreError(f"index file damaged in {self.directory} ({exc})") from exc

    def passages_of(self, doc_ids: list[str]) -> np.ndarray:
        rows = []
        for d in doc_ids:
            i = self.doc_index.get(d)
            if i is not None:
                rows.append(np.arange(self.doc_passage_start[i], self.doc_passage_start[i + 1]))
        return np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)


def load_faiss(path: Path, meta: dict):
    """Open a FAISS index memory-mapped where the type allows, with its search parameters."""
    import faiss

    # One query at a time: FAISS's OpenMP threads would only spin against torch's.
    faiss.omp_set_num_threads(1)
    try:
        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY)
    except RuntimeError:
        index = faiss.read_index(str(path))
    if meta.get("type") in ("ivf_flat", "ivf_pq"):
        faiss.extract_index_ivf(index).nprobe = meta["nprobe"]
    return index


def search_vectors(index, meta: dict, dense: np.ndarray, q: np.ndarray, k: int) -> np.ndarray:
    """Rows of the k vectors of `index` nearest to q, best first.

    With a product-quantised index the PQ scores only propose `meta["rerank"]` candidates; their
    exact scores from `dense` (memory-mapped: only those rows are read) decide the order."""
    q = np.ascontiguousarray(q.reshape(1, -1), dtype=np.float32)
    if meta.get("type") != "ivf_pq":
        _, ids = index.search(q, k)
        return ids[0][ids[0] >= 0]
    _, ids = index.search(q, max(k, int(meta.get("rerank", PQ_RERANK))))
    cand = np.sort(ids[0][ids[0] >= 0])
    exact = np.asarray(dense[cand], dtype=np.float32) @ q[0]
    return cand[np.argsort(-exact, kind="stable")[:k]]


class DocumentTable:
    """The documents of one generation, read from documents.jsonl one line at a time (cached)."""

    def __init__(self, directory: Path) -> None:
        path = directory / "documents.jsonl"
        offsets_path = directory / "documents_offsets.npy"
        if offsets_path.exists():
            self._offsets = np.load(offsets_path, mmap_mode="r", allow_pickle=False)
        else:  # an index written before the offsets were kept
            with path.open("rb") as fh:
                ends = np.cumsum([len(line) for line in fh])
            self._offsets = np.concatenate([[0], ends]).astype(np.int64)
        size = path.stat().st_size
        if len(self._offsets) == 0 or int(self._offsets[-1]) != size:
            raise StoreError(f"index file documents.jsonl disagrees with its offsets in {directory}")
        self._fh = path.open("rb")
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, DocRecord] = OrderedDict()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> DocRecord:
        i = int(i)
        if not 0 <= i < len(self):
            raise IndexError(i)
        with self._lock:
            rec = self._cache.get(i)
            if rec is not None:
                self._cache.move_to_end(i)
                return rec
            a, b = int(self._offsets[i]), int(self._offsets[i + 1])
            self._fh.seek(a)
            raw = self._fh.read(b - a)
        try:
            rec = _doc_from_json(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise StoreError(f"index file documents.jsonl damaged at document {i} ({exc})") from exc
        with self._lock:
            self._cache[i] = rec
            if len(self._cache) > 512:
                self._cache.popitem(last=False)
        return rec

    def __iter__(self) -> Iterator[DocRecord]:
        for i in range(len(self)):
            yield self[i]


def _doc_from_json(line: str) -> DocRecord:
    r = json.loads(line)
    return DocRecord(r["doc_id"], r["title"], r["source"], r["sha256"], r["text"],
                     tuple(PageSpan(*p) for p in r.get("pages", [])))


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    name = pointer.read_text().strip()
    gen = index_dir / name
    if not name or not gen.is_dir():
        raise StoreError(f"index at {index_dir} points to a missing generation '{name}': "
                         f"run `assistant index --rebuild --index-dir {index_dir}`")
    return gen


def open_store(index_dir: Path) -> Store:
    """The live index in `index_dir`; StoreError with the repair command if absent or damaged."""
    index_dir = Path(index_dir)
    if not index_dir.exists():
        raise StoreError(f"no index at {index_dir}: run `assistant index --index-dir {index_dir}`")
    gen = current_generation(index_dir)
    if gen is None:
        raise StoreError(f"no index at {index_dir}: run `assistant index --index-dir {index_dir}`")
    try:
        return Store(gen)
    except StoreError as exc:
        raise StoreError(f"{exc}; repair with `assistant index --rebuild --index-dir {index_dir}`") from exc


# ---------------------------------------------------------------------------------------------
# Writing


@contextlib.contextmanager
def index_lock(index_dir: Path) -> Iterator[None]:
    """Exclusive writer lock; a second writer gets a clear StoreError instead of waiting."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fh = open(index_dir / ".lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(f"another process is writing the index at {index_dir}; "
                             "wait for it to finish and run the command again") from exc
        yield
    finally:
        fh.close()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("faiss-cpu", "bm25s", "sentence-transformers", "torch", "numpy", "pypdf",
                config.MODEL_PACKAGE):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def _compatible(store: Store, encoder_key: str, chunking: ChunkingParams) -> str:
    """Empty when `store` can be extended; otherwise why it must be rebuilt."""
    m = store.manifest
    if m.get("format_version") != config.INDEX_FORMAT_VERSION:
        return f"index format {m.get('format_version')} != {config.INDEX_FORMAT_VERSION}"
    if m["model"]["key"] != encoder_key:
        return f"built with model {m['model']['key']}, now {encoder_key}"
    if m["chunking"] != chunking.as_dict():
        return f"built with chunking {m['chunking']}, now {chunking.as_dict()}"
    return ""


def build_index(index_dir: Path, documents: list[Document], encoder, chunking: ChunkingParams = config.DEFAULT_CHUNKING,
                *, keep_existing: bool = False, rebuild: bool = False, progress: bool = False,
                cache=None, index_type: str | None = None) -> BuildReport:
    """Make `index_dir` hold `documents` (plus the indexed ones if `keep_existing`).

    `index_type` (one of INDEX_TYPES) picks the FAISS index; None keeps the one asked for when the
    index was built (an upload does not undo `--index-type`), else auto.

    Unchanged documents (same content hash, model and chunking) reuse their vectors; only new or
    changed ones are embedded.  A model or chunking change rebuilds everything and says so.
    """
    index_dir = Path(index_dir)
    report = BuildReport()
    with index_lock(index_dir):
        old: Store | None = None
        if not rebuild:
            try:
                gen = current_generation(index_dir)
                old = Store(gen) if gen else None
            except StoreError as exc:
                report.notice = f"previous index unusable ({exc}); rebuilding"
            if old is not None:
                why = _compatible(old, encoder.key, chunking)
                if why:
                    report.notice = f"rebuilding the whole index: {why}"
                    old = None
        by_id = {d.doc_id: d for d in documents}
        if old is not None and keep_existing:
            for i, doc_id in enumerate(old.doc_ids):
                if doc_id not in by_id:
                    rec = old.documents[i]
                    by_id[rec.doc_id] = Document(rec.doc_id, rec.title, rec.text, rec.source, rec.sha256, rec.pages)
        if old is not None:
            report.removed_documents = sum(1 for d in old.doc_ids if d not in by_id)
        final_docs = list(by_id.values())
        if index_type is None:
            index_type = old.manifest["index"].get("requested", "auto") if old is not None else "auto"
        if index_type not in INDEX_TYPES:
            raise StoreError(f"index type must be one of {', '.join(INDEX_TYPES)}, not {index_type!r}")
        _write_generation(index_dir, final_docs, old, encoder, chunking, report, progress, cache, index_type)
    return report


def _write_generation(index_dir: Path, docs: list[Document], old: Store | None, encoder,
                      chunking: ChunkingParams, report: BuildReport, progress: bool, cache,
                      index_type: str = "auto") -> None:
    from tqdm.auto import tqdm

    p_doc: list[np.ndarray] = []
    p_span: list[np.ndarray] = []
    p_sent: list[np.ndarray] = []
    s_doc: list[np.ndarray] = []
    s_span: list[np.ndarray] = []
    dense_parts: list[np.ndarray | int] = []   # an int marks a slot of new passage vectors
    sent_parts: list[np.ndarray | int] = []
    term_parts: list[tuple[np.ndarray, np.ndarray] | list[str]] = []  # (terms, lengths) or texts to tokenise
    new_passage_texts: list[str] = []
    new_sentence_texts: list[str] = []
    n_pass = n_sent = 0
    old_vocab = old.bm25_vocab() if old is not None else None
    if old is not None:
        # Plain ndarray views of the memory-mapped tables: slicing an np.memmap costs microseconds
        # per call, 0.24 s over the 5,000 documents of an update.
        o_start, o_psent, o_pspan, o_sspan, o_dense, o_svec, o_offs, o_terms = (np.asarray(a) for a in (
            old.doc_passage_start, old.passage_sent, old.passage_span, old.sentence_span, old.dense,
            old.sentence_vectors, old.bm25_offsets, old.bm25_terms))
    for di, doc in enumerate(tqdm(docs, desc="chunking", unit="doc", disable=not progress)):
        oi = old.doc_index.get(doc.doc_id) if old is not None else None
        if oi is not None and old.doc_sha256[oi] == doc.sha256:
            a, b = int(o_start[oi]), int(o_start[oi + 1])
            sa = int(o_psent[a, 0]) if b > a else 0
            sb = int(o_psent[b - 1, 1]) if b > a else 0
            p_doc.append(np.full(b - a, di, dtype=np.int32))
            p_span.append(o_pspan[a:b])
            p_sent.append(o_psent[a:b] - sa + n_sent)
            s_doc.append(np.full(sb - sa, di, dtype=np.int32))
            s_span.append(o_sspan[sa:sb])
            dense_parts.append(o_dense[a:b])
            sent_parts.append(o_svec[sa:sb])
            if old_vocab is not None:
                offs = o_offs[a : b + 1]
                term_parts.append((o_terms[offs[0] : offs[-1]], np.diff(offs)))
            else:  # an index from before the term table: tokenise these passages again
                title = cut_title(doc.title, encoder.count_tokens, chunking.title_tokens) if doc.title else ""
                term_parts.append([embedding_text(title, doc.text[s:e]) for s, e in o_pspan[a:b]])
            n_pass += b - a
            n_sent += sb - sa
            report.reused_documents += 1
            report.passages_per_doc[doc.doc_id] = int(b - a)
            continue
        passages = make_passages(doc, encoder.count_tokens, chunking)
        sentences = sorted({s for p in passages for s in p.sentences})
        sent_row = {s: n_sent + k for k, s in enumerate(sentences)}
        title = cut_title(doc.title, encoder.count_tokens, chunking.title_tokens) if doc.title else ""
        p_doc.append(np.full(len(passages), di, dtype=np.int32))
        p_span.append(np.array([(p.start, p.end) for p in passages], dtype=np.int64).reshape(-1, 2))
        p_sent.append(np.array([(sent_row[p.sentences[0]], sent_row[p.sentences[-1]] + 1) for p in passages],
                               dtype=np.int64).reshape(-1, 2))
        s_doc.append(np.full(len(sentences), di, dtype=np.int32))
        s_span.append(np.array(sentences, dtype=np.int64).reshape(-1, 2))
        passage_texts = [embedding_text(title, p.text) for p in passages]
        sentence_texts = [doc.text[s:e] for s, e in sentences]
        # An edited document keeps the vectors of its passages and sentences whose text is unchanged.
        old_p, old_s = _old_rows(old, oi, encoder, chunking) if oi is not None else ({}, {})
        _add_runs(dense_parts, [old_p.get(t) for t in passage_texts], old.dense if old_p else None,
                  passage_texts, new_passage_texts, np.float32)
        _add_runs(sent_parts, [old_s.get(t) for t in sentence_texts], old.sentence_vectors if old_s else None,
                  sentence_texts, new_sentence_texts, np.float16)
        term_parts.append(passage_texts)
        n_pass += len(passages)
        n_sent += len(sentences)
        report.embedded_documents += 1
        report.passages_per_doc[doc.doc_id] = len(passages)

    # One call for passages and sentences: a small update then still fills a batch per core.
    texts = new_passage_texts + new_sentence_texts
    if texts:
        encoder.warm_up()  # so the reported speed is embedding, not model loading
    t0 = time.perf_counter()
    vecs = encoder.encode(texts, progress=progress, cache=cache) if texts else None
    new_dense = vecs[: len(new_passage_texts)] if new_passage_texts else None
    new_sent = vecs[len(new_passage_texts) :] if new_sentence_texts else None
    report.embed_seconds = time.perf_counter() - t0
    report.embedded_passages = len(new_passage_texts)
    if new_passage_texts:
        report.embedded_tokens = sum(min(n, chunking.max_tokens) for n in encoder.count_tokens(new_passage_texts))

    dense = _assemble(dense_parts, new_dense, encoder.dim, np.float32)
    sent_vecs = _assemble(sent_parts, new_sent, encoder.dim, np.float16)
    cat = lambda parts, shape, dt: np.concatenate(parts) if parts else np.zeros(shape, dt)  # noqa: E731
    arrays = {
        "passage_doc.npy": cat(p_doc, (0,), np.int32),
        "passage_span.npy": cat(p_span, (0, 2), np.int64),
        "passage_sent.npy": cat(p_sent, (0, 2), np.int64),
        "sentence_doc.npy": cat(s_doc, (0,), np.int32),
        "sentence_span.npy": cat(s_span, (0, 2), np.int64),
        "dense.npy": dense,
        "sentence_vectors.npy": sent_vecs,
    }
    terms, offsets, vocab = _term_table(term_parts, old_vocab or [])
    arrays["bm25_terms.npy"] = terms
    arrays["bm25_offsets.npy"] = offsets
    report.documents = len(docs)
    report.passages = n_pass
    report.sentences = n_sent

    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / f".building-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        for name, arr in arrays.items():
            np.save(tmp / name, arr, allow_pickle=False)
        doc_offsets = np.zeros(len(docs) + 1, dtype=np.int64)
        with (tmp / "documents.jsonl").open("wb") as fh:
            for i, d in enumerate(docs):
                fh.write(orjson.dumps({"doc_id": d.doc_id, "title": d.title, "source": d.source,
                                       "sha256": d.sha256, "text": d.text,
                                       "pages": [[p.start, p.end, p.page] for p in d.pages]}) + b"\n")
                doc_offsets[i + 1] = fh.tell()
        np.save(tmp / "documents_offsets.npy", doc_offsets, allow_pickle=False)
        (tmp / "bm25_vocab.json").write_bytes(orjson.dumps(vocab))
        index_meta = _write_faiss(tmp / "faiss.index", dense, index_type)
        _write_bm25(tmp / "bm25", terms, offsets, vocab)
        files = {}
        for path in sorted(tmp.rglob("*")):
            if path.is_file():
                files[path.relative_to(tmp).as_posix()] = {"bytes": path.stat().st_size, "sha256": file_sha256(path)}
        manifest = {
            "format_version": config.INDEX_FORMAT_VERSION,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "libraries": _library_versions(),
            "model": {"id": encoder.model_id, "key": encoder.key, "dim": encoder.dim,
                      "precision": "bf16" if getattr(encoder, "use_bf16", False) else "fp32",
                      "package": config.MODEL_PACKAGE, "max_tokens": chunking.max_tokens},
            "chunking": chunking.as_dict(),
            "index": index_meta,
            "counts": {"documents": len(docs), "passages": n_pass, "sentences": n_sent},
            "documents": {d.doc_id: {"sha256": d.sha256, "title": d.title, "source": d.source,
                                     "passages": report.passages_per_doc.get(d.doc_id, 0),
                                     "chars": len(d.text)} for d in docs},
            "files": files,
        }
        (tmp / "manifest.json").write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        _fsync_tree(tmp)
        final = index_dir / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        os.rename(tmp, final)
        pointer_tmp = index_dir / ".CURRENT.tmp"
        with pointer_tmp.open("w") as fh:
            fh.write(final.name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer_tmp, index_dir / "CURRENT")
        _fsync_dir(index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for stale in index_dir.iterdir():
        if stale.is_dir() and stale.name != final.name and stale.name.startswith(("gen-", ".building-")):
            shutil.rmtree(stale, ignore_errors=True)


def _assemble(parts: list[np.ndarray | int], new: np.ndarray | None, dim: int, dtype) -> np.ndarray:
    out, pos = [], 0
    for part in parts:
        if isinstance(part, int):
            out.append(new[pos : pos + part].astype(dtype))
            pos += part
        else:
            out.append(part.astype(dtype))
    return np.concatenate(out) if out else np.zeros((0, dim), dtype=dtype)


def _write_faiss(path: Path, dense: np.ndarray, index_type: str = "auto") -> dict:
    """The FAISS index for `dense`, and its parameters for the manifest.

    auto: exact search up to FLAT_LIMIT passages; IVF-Flat (about 4·sqrt(n) lists, 32 probed) up to
    PQ_LIMIT; above that IVF-PQ (96 one-byte codes a passage instead of 1,536 bytes, re-ranked
    exactly from dense.npy), where the index would otherwise not fit in memory.  A type asked for
    explicitly (one of INDEX_TYPES, checked by `build_index`) is kept unless there are too few
    passages to train it (then exact, and the manifest says so).  Measured with benchmarks/scale_search.py: see the README's scale section.
    """
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is bulk work (search sets 1 thread)
    n, d = dense.shape
    kind = index_type
    if kind == "auto":
        kind = "flat" if n <= FLAT_LIMIT else "ivf_flat" if n <= PQ_LIMIT else "ivf_pq"
    nlist = int(4 * np.sqrt(n))
    # Training needs at least a point per centroid (PQ: per each of its 256 codes).
    if kind != "flat" and n < max(nlist, 256 if kind == "ivf_pq" else 0):
        kind = "flat"
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
        meta = {"type": "flat", "metric": "inner_product"}
    else:
        quantizer = faiss.IndexFlatIP(d)
        if kind == "ivf_flat":
            index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexIVFPQ(quantizer, d, nlist, PQ_SUBQUANTIZERS, 8, faiss.METRIC_INNER_PRODUCT)
        sample = dense[np.sort(np.random.default_rng(0).choice(n, size=min(n, 40 * max(nlist, 256)), replace=False))]
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        meta = {"type": kind, "metric": "inner_product", "nlist": nlist, "nprobe": IVF_NPROBE,
                "trained_on": int(len(sample))}
        if kind == "ivf_pq":
            meta.update({"pq_subquantizers": PQ_SUBQUANTIZERS, "pq_bits": 8, "rerank": PQ_RERANK})
    if index_type != "auto":
        meta["requested"] = index_type
    for start in range(0, n, 100_000):  # in blocks, so a memory-mapped matrix is never copied whole
        index.add(np.ascontiguousarray(dense[start : start + 100_000], dtype=np.float32))
    faiss.write_index(index, str(path))
    return meta


def _old_rows(old: Store, oi: int, encoder, chunking: ChunkingParams) -> tuple[dict[str, int], dict[str, int]]:
    """Embedded text -> row in `old`, for the passages and sentences of old document `oi`."""
    rec = old.documents[oi]
    title = cut_title(rec.title, encoder.count_tokens, chunking.title_tokens) if rec.title else ""
    a, b = int(old.doc_passage_start[oi]), int(old.doc_passage_start[oi + 1])
    passages = {embedding_text(title, rec.text[s:e]): a + k for k, (s, e) in enumerate(old.passage_span[a:b])}
    if b == a:
        return passages, {}
    sa, sb = int(old.passage_sent[a, 0]), int(old.passage_sent[b - 1, 1])
    sentences = {rec.text[s:e]: sa + k for k, (s, e) in enumerate(old.sentence_span[sa:sb])}
    return passages, sentences


def _add_runs(parts: list[np.ndarray | int], rows: list[int | None], source: np.ndarray | None,
              texts: list[str], new_texts: list[str], dtype) -> None:
    """Append runs of reused vectors (arrays) and of texts to embed (int slots) to `parts`."""
    k = 0
    while k < len(rows):
        j = k
        if rows[k] is None:
            while j < len(rows) and rows[j] is None:
                j += 1
            parts.append(j - k)
            new_texts.extend(texts[k:j])
        else:
            while j < len(rows) and rows[j] is not None:
                j += 1
            parts.append(np.asarray(source[rows[k:j]], dtype=dtype))
        k = j


def _term_table(parts: list[tuple[np.ndarray, np.ndarray] | list[str]],
                old_vocab: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """BM25 terms of every passage in order: reused slices keep their ids, texts are tokenised and
    looked up; terms no passage uses any more are dropped."""
    ids = {t: i for i, t in enumerate(old_vocab)}
    vocab = list(old_vocab)
    term_chunks, len_chunks = [], []
    for part in parts:
        if isinstance(part, list):
            rows = bm25_tokenize(part) if part else []
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


def _write_bm25(path: Path, terms: np.ndarray, offsets: np.ndarray, vocab: list[str]) -> None:
    import bm25s
    from bm25s.tokenization import Tokenized

    retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    rows = [chunk.tolist() for chunk in np.split(terms, offsets[1:-1])] if len(offsets) > 1 else []
    if rows:
        retriever.index(Tokenized(ids=rows, vocab={t: i for i, t in enumerate(vocab)}), show_progress=False)
    else:  # bm25s cannot index an empty collection; one empty row keeps the format uniform.
        retriever.index([[]], show_progress=False)
    retriever.save(str(path), show_progress=False)


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(root)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

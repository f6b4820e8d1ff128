"""Building a generation: plan (what is reused) -> embed (only what is new) -> write -> publish.

Public API: `build_index`, `BuildReport`, `plan_build`, `embed_plan`, `assemble`, `write_generation`.
Unchanged documents (same content hash and text, model and chunking) keep their vectors and BM25 terms; an
edited document keeps the vectors of every passage and sentence whose text is unchanged.  A model
or chunking change rebuilds everything and says so.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant import config
from assistant.chunking import make_passages
from assistant.config import ChunkingParams
from assistant.embedding import EmbeddingCache, Encoder, encode_with_spans_cached
from assistant.index.documents import write_documents
from assistant.index.errors import StoreError
from assistant.index.layout import (
    FORMAT_VERSION,
    current_generation,
    file_records,
    index_lock,
    library_versions,
    new_generation_dir,
    publish,
)
from assistant.index.lexical import TermPart, read_vocab, term_table, write_bm25, write_vocab
from assistant.index.reader import DiskIndex
from assistant.index.tables import Tables, save_tables
from assistant.index.vectors import INDEX_TYPES, VectorIndex, build_vectors
from assistant.ingest import Document
from assistant.text import acronym_definitions, expanded_acronyms

__all__ = ["BuildReport", "DocPlan", "assemble", "build_index", "current_index", "embed_plan", "plan_build",
           "write_generation"]


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


@dataclass
class _Vectors:
    """A document's passage (or sentence) vectors: reused ones in place, `todo` rows to embed."""

    reused: np.ndarray | None  # None: every row is new
    todo: np.ndarray           # local rows to embed
    texts: list[str]           # their texts
    new: np.ndarray | None = None

    def filled(self, dtype) -> np.ndarray:
        if self.reused is None:
            return self.new.astype(dtype)
        out = self.reused.astype(dtype)
        if len(self.todo):
            out[self.todo] = self.new
        return out


@dataclass
class DocPlan:
    """One document's rows in the new generation (sentence rows local to the document)."""

    document: Document
    passage_span: np.ndarray
    passage_sent: np.ndarray
    sentence_span: np.ndarray
    passages: _Vectors
    sentences: _Vectors
    terms: TermPart
    reused: bool
    # What the model sees for each sentence (`Passage.embedded_sentences`); new plans only.
    sentence_inputs: list[str] = field(default_factory=list)


def build_index(index_dir: Path, documents: list[Document], encoder: Encoder,
                chunking: ChunkingParams = config.DEFAULT_CHUNKING, *, keep_existing: bool = False,
                rebuild: bool = False, progress: bool = False, cache: EmbeddingCache | None = None,
                index_type: str | None = None) -> BuildReport:
    """Make `index_dir` hold `documents` (plus the indexed ones if `keep_existing`).

    `index_type` (one of INDEX_TYPES) picks the vector backend; None keeps the one asked for when
    the index was built (an upload does not undo `--index-type`), else auto."""
    index_dir = Path(index_dir)
    report = BuildReport()
    with index_lock(index_dir):
        live = _live(index_dir, report, keep_existing)
        why = _incompatibility(live, encoder, chunking) if live is not None else ""
        if why:
            report.notice = f"rebuilding the whole index: {why}"
        old = live if live is not None and not why and not rebuild else None
        by_id = {d.doc_id: d for d in documents}
        if live is not None:
            if keep_existing:  # kept even when they must be embedded again
                for i, doc_id in enumerate(live.doc_ids):
                    if doc_id not in by_id:
                        by_id[doc_id] = live.document(i)
            report.removed_documents = sum(1 for d in live.doc_ids if d not in by_id)
        docs = list(by_id.values())
        if index_type is None:
            index_type = live.manifest["index"].get("requested", "auto") if live is not None else "auto"
        if index_type not in INDEX_TYPES:
            raise StoreError(f"index type must be one of {', '.join(INDEX_TYPES)}, not {index_type!r}")
        plans = plan_build(docs, old, encoder, chunking, report, progress)
        embed_plan(plans, encoder, chunking, report, progress, cache)
        tables, vocab = assemble(plans, read_vocab(old.directory) if old is not None else [], encoder.dim)
        tmp = new_generation_dir(index_dir)
        try:
            manifest = write_generation(tmp, docs, tables, vocab, encoder, chunking, index_type, report)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        publish(index_dir, tmp, manifest)
    return report


def current_index(index_dir: Path, encoder: Encoder,
                  chunking: ChunkingParams = config.DEFAULT_CHUNKING) -> DiskIndex | None:
    """The live index of `index_dir` if it is readable and built with this model and chunking."""
    live = _live(Path(index_dir), BuildReport(), keep_existing=False)
    return live if live is not None and not _incompatibility(live, encoder, chunking) else None


def _live(index_dir: Path, report: BuildReport, keep_existing: bool) -> DiskIndex | None:
    """The live generation, or None (with the reason in the report when one exists but is unreadable)."""
    try:
        gen = current_generation(index_dir)
        return DiskIndex(gen) if gen else None
    except StoreError as exc:
        lost = "; the documents it held cannot be kept, index them again" if keep_existing else ""
        report.notice = f"previous index unusable ({exc}); rebuilding{lost}"
        return None


def _incompatibility(live: DiskIndex, encoder: Encoder, chunking: ChunkingParams) -> str:
    """Why the vectors of `live` cannot be reused with this model and chunking (empty if they can)."""
    m = live.manifest
    if m["model"]["key"] != encoder.key:
        return f"built with model {m['model']['key']}, now {encoder.key}"
    if m["chunking"] != chunking.as_dict():
        return f"built with chunking {m['chunking']}, now {chunking.as_dict()}"
    # Vectors of two arithmetics in one index would be compared with each other's questions.
    if m["model"].get("precision", encoder.arithmetic) != encoder.arithmetic:
        return f"embedded in {m['model']['precision']}, now {encoder.arithmetic}"
    return ""


# ---------------------------------------------------------------------------------------------
# plan


def plan_build(docs: list[Document], old: DiskIndex | None, encoder: Encoder, chunking: ChunkingParams,
               report: BuildReport, progress: bool = False) -> list[DocPlan]:
    """What each document contributes: reused rows of `old`, or new passages and sentences."""
    from tqdm.auto import tqdm

    # Plain ndarray views of the memory-mapped tables: slicing an np.memmap costs microseconds
    # per call, 0.24 s over the 5,000 documents of an update.
    old_tables = Tables(*(np.asarray(getattr(old.tables, f)) for f in Tables.__dataclass_fields__)) \
        if old is not None else None
    plans = []
    for doc in tqdm(docs, desc="chunking", unit="doc", disable=not progress):
        oi = old.doc_row(doc.doc_id) if old is not None else None
        # The same file read to other text, title or sections (a new version of a reading library,
        # a cleaning rule changed without LOADER_VERSION) is chunked again: the old offsets belong
        # to the old text, and the old vectors embedded the old title and section paths.
        if oi is not None and old.doc_sha256[oi] == doc.sha256 and _same_reading(old.document(oi), doc):
            plans.append(_reused_plan(doc, old, old_tables, oi))
        else:
            plans.append(_new_plan(doc, old, oi, encoder, chunking))
        report.passages_per_doc[doc.doc_id] = len(plans[-1].passage_span)
    report.reused_documents = sum(p.reused for p in plans)
    report.embedded_documents = len(plans) - report.reused_documents
    return plans


def _same_reading(old: Document, new: Document) -> bool:
    return (old.text, old.title, old.sections) == (new.text, new.title, new.sections)


def _reused_plan(doc: Document, old: DiskIndex, t: Tables, oi: int) -> DocPlan:
    rows = old.passage_rows([oi])
    a, b = (int(rows[0]), int(rows[-1]) + 1) if len(rows) else (0, 0)
    sents = old.document_sentences(oi)
    sa, sb = sents.start, sents.stop
    offs = t.bm25_offsets[a : b + 1]
    none = np.zeros(0, dtype=np.int64)
    return DocPlan(doc, t.passage_span[a:b], t.passage_sent[a:b] - sa, t.sentence_span[sa:sb],
                   _Vectors(t.dense[a:b], none, []), _Vectors(t.sentence_vectors[sa:sb], none, []),
                   (t.bm25_terms[offs[0] : offs[-1]], np.diff(offs)), reused=True)


def _new_plan(doc: Document, old: DiskIndex | None, oi: int | None, encoder: Encoder,
              chunking: ChunkingParams) -> DocPlan:
    passages = make_passages(doc, encoder.count_tokens, chunking)
    inputs = {s: t for p in passages for s, t in zip(p.sentences, p.embedded_sentences)}
    sentences = sorted(inputs)
    local = {s: k for k, s in enumerate(sentences)}
    passage_texts = [p.embedded for p in passages]
    sentence_texts = [inputs[s] for s in sentences]
    old_p, old_s = _old_rows(old, oi, encoder, chunking) if oi is not None else ({}, {})
    passage_vectors = _partly_reused(passage_texts, old_p, old.tables.dense if old_p else None)
    passage_sent = np.array([(local[p.sentences[0]], local[p.sentences[-1]] + 1) for p in passages],
                            dtype=np.int64).reshape(-1, 2)
    if chunking.vectors == "late" and old_s:
        # A late vector comes from the sentence's first passage: when that passage is embedded
        # again, so is the sentence.
        first = _first_passage(passage_sent)
        todo = set(passage_vectors.todo.tolist())
        redone = {sentence_texts[r] for r in range(len(sentences)) if first[r] in todo}
        old_s = {t: row for t, row in old_s.items() if t not in redone}
    return DocPlan(
        doc,
        np.array([(p.start, p.end) for p in passages], dtype=np.int64).reshape(-1, 2),
        passage_sent,
        np.array(sentences, dtype=np.int64).reshape(-1, 2),
        passage_vectors,
        _partly_reused(sentence_texts, old_s, old.tables.sentence_vectors if old_s else None),
        _lexical_texts(doc, passage_texts), reused=False, sentence_inputs=sentence_texts)


def _lexical_texts(doc: Document, passage_texts: list[str]) -> list[str]:
    """What BM25 indexes for each passage: what the model sees, and the long forms of the
    abbreviations the document defines that the passage uses without spelling them out."""
    definitions = acronym_definitions(doc.text)
    if not definitions:
        return passage_texts
    return [f"{t}\n{extra}" if (extra := expanded_acronyms(t, definitions)) else t for t in passage_texts]


def _first_passage(passage_sent: np.ndarray) -> np.ndarray:
    """For each sentence row of a document, the first of its passages that holds it."""
    n = int(passage_sent[:, 1].max()) if len(passage_sent) else 0
    first = np.full(n, -1, dtype=np.int64)
    for j in range(len(passage_sent) - 1, -1, -1):
        first[passage_sent[j, 0] : passage_sent[j, 1]] = j
    return first


def _old_rows(old: DiskIndex, oi: int, encoder: Encoder, chunking: ChunkingParams) -> tuple[dict[str, int], dict[str, int]]:
    """Embedded text -> row in `old`, for the passages and sentences of old document `oi`."""
    doc = old.document(oi)
    # `old` was built with this chunking, so chunking its document again gives its passages and
    # (in text order) its sentences in row order.
    old_passages = make_passages(doc, encoder.count_tokens, chunking)
    passages = {p.embedded: int(row) for p, row in zip(old_passages, old.passage_rows([oi]))}
    inputs = {s: t for p in old_passages for s, t in zip(p.sentences, p.embedded_sentences)}
    sentences = {inputs[s]: int(row) for s, row in zip(sorted(inputs), old.document_sentences(oi))}
    return passages, sentences


def _partly_reused(texts: list[str], old_rows: dict[str, int], source: np.ndarray | None) -> _Vectors:
    rows = [old_rows.get(t) for t in texts]
    todo = np.array([i for i, r in enumerate(rows) if r is None], dtype=np.int64)
    if source is None or len(todo) == len(texts):
        return _Vectors(None, np.arange(len(texts)), texts)
    reused = np.zeros((len(texts), source.shape[1]), dtype=np.float32)
    keep = [i for i, r in enumerate(rows) if r is not None]
    reused[keep] = np.asarray(source[[rows[i] for i in keep]], dtype=np.float32)
    return _Vectors(reused, todo, [texts[i] for i in todo])


# ---------------------------------------------------------------------------------------------
# embed


def embed_plan(plans: list[DocPlan], encoder: Encoder, chunking: ChunkingParams, report: BuildReport,
               progress: bool = False, cache: EmbeddingCache | None = None) -> None:
    """Embed every new passage and sentence and put the vectors in their plans.

    `chunking.vectors` says how (config.ChunkingParams): "pooled" (`_embed_pooled`), "late"
    (`_embed_late`), or "separate": passages and sentences each embedded.  Each makes one encoder
    call per kind, so a small update still fills a batch per core."""
    passage_texts = [t for p in plans for t in p.passages.texts]
    if passage_texts or any(p.sentences.texts for p in plans):
        encoder.warm_up()  # so the reported speed is embedding, not model loading
    t0 = time.perf_counter()
    if chunking.vectors == "late":
        _embed_late(plans, encoder, progress, cache)
    elif chunking.vectors == "pooled":
        _embed_pooled(plans, encoder, progress, cache)
    else:
        parts = [p.passages for p in plans] + [p.sentences for p in plans]
        _fill(parts, encoder.encode([t for part in parts for t in part.texts], progress=progress, cache=cache))
    report.embed_seconds = time.perf_counter() - t0
    report.embedded_passages = len(passage_texts)
    if passage_texts:
        report.embedded_tokens = sum(min(n, chunking.max_tokens) for n in encoder.count_tokens(passage_texts))


def _fill(parts: list[_Vectors], vecs: np.ndarray) -> None:
    pos = 0
    for part in parts:
        part.new = vecs[pos : pos + len(part.texts)]
        pos += len(part.texts)


def _embed_late(plans: list[DocPlan], encoder: Encoder, progress: bool, cache: EmbeddingCache | None) -> None:
    """Passages embedded with their sentences' spans; each sentence takes its vector from the
    first passage that holds it (so an update that re-embeds that passage gives the vector a
    fresh build gives)."""
    texts, spans, owners = [], [], []  # owners: (plan, the sentence rows each span belongs to)
    for plan in plans:
        first = _first_passage(plan.passage_sent)
        for j, text in zip(plan.passages.todo, plan.passages.texts):
            ps = int(plan.passage_span[j, 0])
            prefix = len(text) - (int(plan.passage_span[j, 1]) - ps)  # the title before the passage text
            rows = [r for r in range(int(plan.passage_sent[j, 0]), int(plan.passage_sent[j, 1])) if first[r] == j]
            texts.append(text)
            spans.append([(prefix + int(plan.sentence_span[r, 0]) - ps, prefix + int(plan.sentence_span[r, 1]) - ps)
                          for r in rows])
            owners.append((plan, rows))
    vecs, span_vecs = encode_with_spans_cached(encoder, texts, spans, progress, cache)
    _fill([p.passages for p in plans], vecs)
    late = {id(p): np.full((len(p.sentence_span), encoder.dim), np.nan, np.float32) for p in plans}
    for (plan, rows), sv in zip(owners, span_vecs):
        late[id(plan)][rows] = sv
    leftovers = []
    for plan in plans:
        plan.sentences.new = late[id(plan)][plan.sentences.todo]
        leftovers += [(plan, k) for k in np.flatnonzero(np.isnan(plan.sentences.new).any(axis=1))]
    if leftovers:  # past a window's end, or in no passage embedded now: a pass of their own
        alone = encoder.encode([p.sentences.texts[k] for p, k in leftovers], cache=cache)
        for (plan, k), v in zip(leftovers, alone):
            plan.sentences.new[k] = v


def _embed_pooled(plans: list[DocPlan], encoder: Encoder, progress: bool, cache: EmbeddingCache | None) -> None:
    """One pass over the new sentences and the new passages' heading lines; a passage's vector is
    the token-weighted mean of its heading line's and its sentences' vectors, normalised.  A
    sentence kept from the old index lends its stored vector."""
    known: dict[str, np.ndarray] = {}
    parts_of: list[list[str]] = []  # per passage to embed: its heading line, then its sentences
    for plan in plans:
        reused = plan.sentences.reused
        if reused is not None and len(plan.passages.todo):  # an edited document: its kept sentences
            kept = np.setdiff1d(np.arange(len(plan.sentence_span)), plan.sentences.todo)
            for r in kept:
                known.setdefault(plan.sentence_inputs[r], reused[r].astype(np.float32))
        for j, text in zip(plan.passages.todo, plan.passages.texts):
            ps = int(plan.passage_span[j, 0])
            prefix = len(text) - (int(plan.passage_span[j, 1]) - ps)  # the heading line before the passage text
            rows = range(int(plan.passage_sent[j, 0]), int(plan.passage_sent[j, 1]))
            head = text[:prefix].strip()
            parts_of.append(([head] if head else []) + [plan.sentence_inputs[r] for r in rows])
    # Kept sentences are not embedded again, whichever passage holds them.
    todo = sorted(({t for parts in parts_of for t in parts} | {t for p in plans for t in p.sentences.texts}) - set(known))
    known |= dict(zip(todo, encoder.encode(todo, progress=progress, cache=cache)))
    every = sorted({t for parts in parts_of for t in parts})
    weight = dict(zip(every, np.maximum(encoder.count_tokens(every), 1)))
    pooled = np.zeros((len(parts_of), encoder.dim), np.float32)
    for i, parts in enumerate(parts_of):
        v = sum(float(weight[t]) * known[t] for t in parts)
        pooled[i] = v / max(float(np.linalg.norm(v)), 1e-12)
    _fill([p.passages for p in plans], pooled)
    for plan in plans:
        plan.sentences.new = np.array([known[t] for t in plan.sentences.texts], np.float32).reshape(-1, encoder.dim)


# ---------------------------------------------------------------------------------------------
# write


def assemble(plans: list[DocPlan], old_vocab: list[str], dim: int) -> tuple[Tables, list[str]]:
    """The plans as one set of tables (rows grouped by document, in the plans' order)."""
    n_sent = np.cumsum([0] + [len(p.sentence_span) for p in plans])

    def cat(parts: list[np.ndarray], shape: tuple, dtype) -> np.ndarray:
        return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(shape, dtype)

    terms, offsets, vocab = term_table([p.terms for p in plans], old_vocab)
    tables = Tables(
        passage_doc=cat([np.full(len(p.passage_span), i, np.int32) for i, p in enumerate(plans)], (0,), np.int32),
        passage_span=cat([p.passage_span for p in plans], (0, 2), np.int64),
        passage_sent=cat([p.passage_sent + n_sent[i] for i, p in enumerate(plans)], (0, 2), np.int64),
        sentence_doc=cat([np.full(len(p.sentence_span), i, np.int32) for i, p in enumerate(plans)], (0,), np.int32),
        sentence_span=cat([p.sentence_span for p in plans], (0, 2), np.int64),
        dense=cat([p.passages.filled(np.float32) for p in plans], (0, dim), np.float32),
        sentence_vectors=cat([p.sentences.filled(np.float16) for p in plans], (0, dim), np.float16),
        bm25_terms=terms,
        bm25_offsets=offsets,
    )
    return tables, vocab


def write_generation(directory: Path, docs: list[Document], tables: Tables, vocab: list[str], encoder: Encoder,
                     chunking: ChunkingParams, index_type: str, report: BuildReport) -> dict:
    """Every file of a generation into `directory`; returns its manifest (written by `publish`)."""
    save_tables(tables, directory)
    write_documents(docs, directory)
    write_vocab(directory, vocab)
    vectors: VectorIndex = build_vectors(tables.dense, index_type)
    vectors.save(directory / "faiss.index")
    write_bm25(directory, tables.bm25_terms, tables.bm25_offsets, vocab)
    report.documents = len(docs)
    report.passages = len(tables)
    report.sentences = len(tables.sentence_doc)
    return {
        "format_version": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "libraries": library_versions(),
        "model": {"id": encoder.model_id, "key": encoder.key, "dim": encoder.dim, "precision": encoder.arithmetic,
                  "package": config.MODEL_PACKAGE, "max_tokens": chunking.max_tokens},
        "chunking": chunking.as_dict(),
        "index": vectors.meta,
        "counts": {"documents": len(docs), "passages": report.passages, "sentences": report.sentences},
        "documents": {d.doc_id: {"sha256": d.sha256, "title": d.title, "source": d.source,
                                 "passages": report.passages_per_doc.get(d.doc_id, 0), "chars": len(d.text)}
                      for d in docs},
        "files": file_records(directory),
    }

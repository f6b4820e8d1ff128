"""Runs configurations of the retriever over a dataset: the glue between `evaluation` and `retrieve`.

Public API: `CONFIGS`, `dataset_searcher`, `run_evaluation`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import config
from assistant.evaluation import RUN_DEPTH, Dataset, EvalResult, doc_run, evaluate, metrics_for

# bm25, dense and hybrid come from one candidate pool per query; "dense-whole-doc" embeds each
# document whole (truncated at the model window), the way published MiniLM figures are made.
CONFIGS = ("bm25", "dense", "hybrid", "dense-whole-doc")
DEFAULT_CONFIGS = ("bm25", "dense", "hybrid")


def _cache():
    from assistant.encoder import EmbeddingCache, get_encoder

    return EmbeddingCache(config.CACHE_DIR / "embeddings", get_encoder().cache_key)


def dataset_searcher(dataset: Dataset, progress: bool = False):
    """A searcher over the dataset's corpus, indexed once under the cache folder."""
    from assistant.documents import load_paths
    from assistant.encoder import get_encoder
    from assistant.retrieve import Searcher
    from assistant.store import StoreError, build_index, current_generation

    index_dir = config.CACHE_DIR / "eval" / f"{dataset.name}-{dataset.fingerprint()}"
    try:
        ready = current_generation(index_dir) is not None
    except StoreError:
        ready = False
    if not ready:
        docs = load_paths([dataset.corpus_path]).documents
        build_index(index_dir, docs, get_encoder(), progress=progress, cache=_cache())
    return Searcher(index_dir)


def run_evaluation(dataset: Dataset, configs: list[str], split: str = "test", index_dir: Path | None = None,
                   progress: bool = False, extra_k: list[int] | None = None) -> EvalResult:
    from assistant.conversation import resolve_followup
    from assistant.retrieve import Searcher

    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        raise ValueError(f"unknown configuration {unknown}; choose from {', '.join(CONFIGS)}")
    searcher = Searcher(index_dir or config.DEFAULT_INDEX_DIR) if dataset.corpus_path is None \
        else dataset_searcher(dataset, progress)
    store = searcher.store
    passage_doc_ids = [store.doc_ids[int(d)] for d in store.passage_doc]
    queries = {qid: resolve_followup(text, dataset.histories.get(qid, []), searcher.encoder).query
               for qid, text in dataset.queries.items()}
    qvecs = dict(zip(queries, searcher.encoder.encode(list(queries.values())))) if queries else {}
    pool: dict[str, object] = {}
    whole_doc = None

    def run_fn(name: str, qid: str, _text: str) -> dict[str, float]:
        nonlocal whole_doc
        if name == "dense-whole-doc":
            if whole_doc is None:
                whole_doc = _whole_doc_vectors(store, progress)
            sims = whole_doc @ qvecs[qid]
            top = np.argsort(-sims)[:RUN_DEPTH]
            return {store.doc_ids[i]: float(sims[i]) for i in top}
        if qid not in pool:
            pool[qid] = searcher.candidates(queries[qid], query_vector=qvecs[qid])
        cand = pool[qid]
        return doc_run(cand.rows, cand.fused(searcher.fusion, name), passage_doc_ids)

    result = evaluate(dataset, run_fn, list(configs), split, progress, metrics_for(extra_k))
    fusion = searcher.fusion
    result.notes.append(f"hybrid = {fusion.dense_weight} x cosine + {fusion.bm25_weight} x BM25/max BM25 + "
                        f"{fusion.sentence_weight} x best sentence cosine, over the top {fusion.candidates} "
                        "passages of each retriever")
    return result


def _whole_doc_vectors(store, progress: bool) -> np.ndarray:
    from assistant.encoder import get_encoder

    texts = [d.text for d in store.documents]  # title + text, cut by the model at its window
    return get_encoder().encode(texts, progress=progress, cache=_cache())

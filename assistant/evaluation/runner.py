"""Runs configurations of the retriever over a dataset: the glue between evaluation and search.

Public API: `CONFIGS`, `DEFAULT_CONFIGS`, `dataset_searcher`, `run_evaluation`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from assistant import config
from assistant.embedding import EmbeddingCache, get_encoder
from assistant.evaluation.datasets import Dataset
from assistant.evaluation.metrics import RUN_DEPTH, EvalResult, doc_run, evaluate, metrics_for
from assistant.index import Index, build_index, current_index
from assistant.ingest import load_paths
from assistant.search import Searcher, resolve

__all__ = ["CONFIGS", "DEFAULT_CONFIGS", "dataset_searcher", "run_evaluation"]

# bm25, dense and hybrid come from one candidate pool per query; "dense-whole-doc" embeds each
# document whole (truncated at the model window), the way published MiniLM figures are made.
CONFIGS = ("bm25", "dense", "hybrid", "dense-whole-doc")
DEFAULT_CONFIGS = ("bm25", "dense", "hybrid")


def _cache() -> EmbeddingCache:
    return EmbeddingCache(config.CACHE_DIR / "embeddings", get_encoder().cache_key)


def dataset_searcher(dataset: Dataset, progress: bool = False):
    """A searcher over the dataset's corpus, indexed once under the cache folder (again when the
    model or chunking has changed since)."""
    index_dir = config.CACHE_DIR / "eval" / f"{dataset.name}-{dataset.fingerprint()}"
    index = current_index(index_dir, get_encoder())
    if index is None:
        docs = load_paths([dataset.corpus_path]).documents
        build_index(index_dir, docs, get_encoder(), progress=progress, cache=_cache())
    return Searcher(index_dir, index=index)


def run_evaluation(dataset: Dataset, configs: list[str], split: str = "test", index_dir: Path | None = None,
                   progress: bool = False, extra_k: list[int] | None = None) -> EvalResult:
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        raise ValueError(f"unknown configuration {unknown}; choose from {', '.join(CONFIGS)}")
    searcher = Searcher(index_dir or config.DEFAULT_INDEX_DIR) if dataset.corpus_path is None \
        else dataset_searcher(dataset, progress)
    index = searcher.index
    passage_doc_ids = [index.doc_ids[int(d)] for d in index.passage_docs()]
    # rewritten as `ask` rewrites them
    queries = {qid: resolve(searcher, text, dataset.histories.get(qid, [])).query for qid, text in dataset.queries.items()}
    qvecs = dict(zip(queries, searcher.encoder.encode(list(queries.values())))) if queries else {}
    pool: dict[str, object] = {}
    whole_doc = None

    def run_fn(name: str, qid: str, _text: str) -> dict[str, float]:
        nonlocal whole_doc
        if name == "dense-whole-doc":
            if whole_doc is None:
                whole_doc = _whole_doc_vectors(index, progress)
            sims = whole_doc @ qvecs[qid]
            top = np.argsort(-sims)[:RUN_DEPTH]
            return {index.doc_ids[i]: float(sims[i]) for i in top}
        if qid not in pool:
            pool[qid] = searcher.candidates(queries[qid], query_vector=qvecs[qid])
        cand = pool[qid]
        return doc_run(cand.rows, cand.fused(searcher.fusion, name), passage_doc_ids)

    result = evaluate(dataset, run_fn, list(configs), split, progress, metrics_for(extra_k))
    fusion = searcher.fusion
    result.notes.append(f"hybrid = {fusion.dense_weight} x cosine + {fusion.bm25_weight} x BM25/max BM25 + "
                        f"{fusion.sentence_weight} x best sentence cosine + {fusion.identifier_weight} x share of the "
                        f"query's identifiers held, over the top {fusion.candidates} "
                        "passages of each retriever")
    return result


def _whole_doc_vectors(index: Index, progress: bool) -> np.ndarray:
    texts = [d.text for d in index.documents()]  # title + text, cut by the model at its window
    return get_encoder().encode(texts, progress=progress, cache=_cache())

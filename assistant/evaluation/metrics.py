"""Scoring runs: IR metrics by ir_measures on trec_eval's own code (pytrec_eval), paired
significance tests, and passage rankings turned into document rankings (each document scores its
best passage).

Public API: `METRICS`, `RUN_DEPTH`, `EvalResult`, `evaluate`, `score_metrics`, `paired_tests`,
`metrics_for`, `doc_run`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from assistant.evaluation.datasets import Dataset

__all__ = ["METRICS", "RUN_DEPTH", "EvalResult", "doc_run", "evaluate", "metrics_for", "paired_tests", "score_metrics"]

METRICS = ["ndcg@10", "recall@5", "recall@10", "recall@100", "mrr@10", "map"]
RUN_DEPTH = 100


def doc_run(rows: np.ndarray, scores: np.ndarray, passage_doc_ids: list[str], depth: int = RUN_DEPTH) -> dict[str, float]:
    """Document ranking from passage scores: each document scores its best passage."""
    best: dict[str, float] = {}
    for r, s in zip(rows.tolist(), scores.tolist()):
        d = passage_doc_ids[r]
        if s > best.get(d, -1e9):
            best[d] = s
    top = sorted(best.items(), key=lambda kv: -kv[1])[:depth]
    return dict(top)


@dataclass
class EvalResult:
    dataset: str
    split: str
    n_queries: int
    metrics: dict[str, dict[str, float]]           # config -> metric -> value
    per_query: dict[str, dict[str, dict[str, float]]]  # config -> metric -> qid -> value
    significance: list[dict]                        # pairwise paired t-tests on nDCG@10
    runs: dict[str, dict[str, dict[str, float]]]
    seconds: dict[str, float]
    qrels: dict[str, dict[str, int]]
    notes: list[str] = field(default_factory=list)


# Our metric names and trec_eval's measures in ir_measures' notation.
_MEASURE_NAMES = {"ndcg": "nDCG", "recall": "R", "mrr": "RR", "map": "AP", "precision": "P"}


def _measure(name: str):
    import ir_measures

    kind, _, depth = name.partition("@")
    if kind not in _MEASURE_NAMES:
        raise ValueError(f"unknown metric {name!r}: one of {', '.join(_MEASURE_NAMES)}, optionally @k")
    return ir_measures.parse_measure(_MEASURE_NAMES[kind] + (f"@{depth}" if depth else ""))


def score_metrics(qrels: dict[str, dict[str, int]], run: dict[str, dict[str, float]],
                  metrics: list[str] = METRICS) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Mean and per-query values (every query of the qrels: one without results counts as 0).
    ir_measures computes them with trec_eval's code (pytrec_eval): no compilation at run time, where
    ranx's numba kernels took about a minute on first use and seconds to load in every process."""
    import ir_measures

    measures = {_measure(m): m for m in metrics}
    per = {m: dict.fromkeys(qrels, 0.0) for m in metrics}
    judged = {q: {d: int(r) for d, r in docs.items()} for q, docs in qrels.items()}
    ranked = {q: {d: float(v) for d, v in docs.items()} for q, docs in run.items() if q in qrels and docs}
    if ranked:
        for value in ir_measures.iter_calc(list(measures), judged, ranked):
            per[measures[value.measure]][value.query_id] = float(value.value)
    means = {m: float(np.mean(list(per[m].values()))) if per[m] else 0.0 for m in metrics}
    return means, per


def paired_tests(per_query: dict[str, dict[str, dict[str, float]]], metric: str = "ndcg@10") -> list[dict]:
    from scipy import stats

    names = list(per_query)
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            qids = sorted(per_query[a][metric])
            x = np.array([per_query[a][metric][q] for q in qids])
            y = np.array([per_query[b][metric][q] for q in qids])
            if np.allclose(x, y):
                p = 1.0
            else:
                p = float(stats.ttest_rel(x, y).pvalue)
            out.append({"a": a, "b": b, "metric": metric, "mean_a": float(x.mean()), "mean_b": float(y.mean()),
                        "p_value": p, "significant": p < 0.05, "test": "paired t-test"})
    return out


def metrics_for(extra_k: list[int] | None = None) -> list[str]:
    """The standard metrics plus nDCG@k and Recall@k for each extra cutoff asked for."""
    out = list(METRICS)
    for k in extra_k or []:
        out += [m for m in (f"ndcg@{k}", f"recall@{k}") if m not in out]
    return out


def evaluate(dataset: Dataset, run_fn, configs: list[str], split: str = "test", progress: bool = False,
             metrics_list: list[str] = METRICS) -> EvalResult:
    """`run_fn(config, qid, text) -> {doc_id: score}` for each configuration and query."""
    from tqdm.auto import tqdm

    metrics, per_query, runs, seconds = {}, {}, {}, {}
    for name in configs:
        t0 = time.perf_counter()
        run = {}
        for qid, text in tqdm(dataset.queries.items(), desc=name, unit="q", disable=not progress):
            run[qid] = run_fn(name, qid, text)
        seconds[name] = time.perf_counter() - t0
        metrics[name], per_query[name] = score_metrics(dataset.qrels, run, metrics_list)
        runs[name] = run
    return EvalResult(dataset.name, split, len(dataset.queries), metrics, per_query, paired_tests(per_query), runs,
                      seconds, dataset.qrels, ["document score = best passage score of the document",
                                "significance: two-sided paired t-test over queries on nDCG@10, p < 0.05"])

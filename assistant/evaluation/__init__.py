"""Retrieval evaluation: datasets (BEIR, our own set), metrics through ir_measures (trec_eval's code) with significance tests,
reports and plots, and the runner that scores the retriever's configurations."""

from __future__ import annotations

from assistant.evaluation.datasets import Dataset, DatasetError, builtin_eval_set, load_beir, load_own_set, read_qrels, read_queries
from assistant.evaluation.metrics import METRICS, RUN_DEPTH, EvalResult, doc_run, evaluate, metrics_for, paired_tests, score_metrics
from assistant.evaluation.report import markdown_table, write_report, write_trec_run
from assistant.evaluation.runner import CONFIGS, DEFAULT_CONFIGS, dataset_searcher, run_evaluation

__all__ = ["CONFIGS", "DEFAULT_CONFIGS", "METRICS", "RUN_DEPTH", "Dataset", "DatasetError", "EvalResult",
           "builtin_eval_set", "dataset_searcher", "doc_run", "evaluate", "load_beir", "load_own_set", "markdown_table", "metrics_for",
           "paired_tests", "read_qrels", "read_queries", "run_evaluation", "score_metrics", "write_report",
           "write_trec_run"]

"""Warm search latency on the SciFact index, highlight included (issue 2 bar: p50 <= 30 ms, p95 <= 60 ms),
or on any index with questions of one's own (a question a line, or JSONL with "question" or "text").

    python benchmarks/search_latency.py [--dataset ../shared/beir/scifact] [--n 300]
    python benchmarks/search_latency.py --index-dir .cache/pdf-qa/index --questions .cache/pdf-qa/questions.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import numpy as np

from assistant.evaluation import dataset_searcher, load_beir
from assistant.search import Searcher


def _questions(path: Path) -> list[str]:
    """A question a line, or JSONL lines with a "question" (or "text") field."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if lines and lines[0].lstrip().startswith("{"):
        rows = [json.loads(ln) for ln in lines]
        return [r.get("question") or r["text"] for r in rows]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="../shared/beir/scifact")
    ap.add_argument("--index-dir", type=Path, help="an index to search instead of the dataset's (needs --questions)")
    ap.add_argument("--questions", type=Path, help="the questions to time on --index-dir")
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    if (args.index_dir is None) != (args.questions is None):
        ap.error("--index-dir and --questions go together")
    if args.index_dir is not None:
        searcher = Searcher(args.index_dir)
        questions = _questions(args.questions)[: args.n]
    else:
        ds = load_beir(Path(args.dataset), "test")
        searcher = dataset_searcher(ds, progress=True)
        questions = list(ds.queries.values())[: args.n]
    for q in questions[:10]:  # warm: model, BM25 arrays, page cache
        searcher.search(q, k=5)
    times = []
    for q in questions:
        t0 = time.perf_counter()
        hits = searcher.search(q, k=5)
        times.append((time.perf_counter() - t0) * 1000)
        assert hits and hits[0].highlight.text
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}")
    print(f"index: {len(searcher.index)} passages, {searcher.index.document_sentences(searcher.index.n_documents - 1).stop} sentences")
    print(f"search latency over {len(times)} questions (k=5, highlight included): "
          f"p50 {np.percentile(times, 50):.1f} ms, p95 {np.percentile(times, 95):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()

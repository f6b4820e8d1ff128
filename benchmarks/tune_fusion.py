"""Tune the hybrid fusion weights on SciFact *train* queries; report the choice on test.

    python benchmarks/tune_fusion.py [--dataset ../shared/beir/scifact]

Prints the grid's best weights (by train nDCG@10) and the test figures for them (`--train-only`:
train figures alone; `--identifiers`: train nDCG@10 for each identifier weight, the others as set).  The chosen values
are copied by hand into `assistant/config.py:FusionParams` (one place where defaults live).
"""

from __future__ import annotations

import argparse
import platform
from dataclasses import replace
from pathlib import Path

from assistant.config import FusionParams
from assistant.evaluation import dataset_searcher, doc_run, load_beir, score_metrics


def collect(searcher, queries: dict[str, str]):
    out = {}
    vecs = searcher.encoder.encode(list(queries.values()))
    for (qid, text), q in zip(queries.items(), vecs):
        out[qid] = searcher.candidates(text, query_vector=q)
    return out


def run_for(cands, doc_ids, fusion: FusionParams, mode: str = "hybrid"):
    return {qid: doc_run(c.rows, c.fused(fusion, mode), doc_ids) for qid, c in cands.items()}


def grid(cands, doc_ids, qrels):
    """Best convex weights (dense, bm25, sentence) on a 0.05 simplex grid, by nDCG@10."""
    best = None
    for a in range(21):
        for b in range(21 - a):
            f = FusionParams(dense_weight=a / 20, bm25_weight=b / 20, sentence_weight=(20 - a - b) / 20)
            m, _ = score_metrics(qrels, run_for(cands, doc_ids, f), ["ndcg@10"])
            if best is None or m["ndcg@10"] > best[0]:
                best = (m["ndcg@10"], f)
    return best


IDENTIFIER_WEIGHTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)


def identifier_grid(cands, doc_ids, qrels, weights=IDENTIFIER_WEIGHTS) -> list[tuple[float, float]]:
    """(identifier weight, nDCG@10) for each weight, the other weights as config.py sets them."""
    out = []
    for w in weights:
        m, _ = score_metrics(qrels, run_for(cands, doc_ids, replace(FusionParams(), identifier_weight=w)), ["ndcg@10"])
        out.append((w, m["ndcg@10"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="../shared/beir/scifact")
    ap.add_argument("--train-only", action="store_true", help="print the train figures alone (no test figure seen)")
    ap.add_argument("--identifiers", action="store_true",
                    help="only the identifier weight, on train, the other weights as config.py sets them")
    args = ap.parse_args()
    train = load_beir(Path(args.dataset), "train")
    test = load_beir(Path(args.dataset), "test")
    searcher = dataset_searcher(test, progress=True)
    searcher.fusion = FusionParams(sentence_weight=1.0)  # so sentence scores are computed
    doc_ids = [searcher.index.doc_ids[int(d)] for d in searcher.index.passage_docs()]
    tr = collect(searcher, train.queries)
    if args.identifiers:
        for w, ndcg in identifier_grid(tr, doc_ids, train.qrels):
            print(f"train, identifier weight {w:.2f}: nDCG@10 {ndcg:.4f}")
        return
    best = grid(tr, doc_ids, train.qrels)
    print(f"machine: {platform.processor() or platform.machine()}, {platform.system()}")
    print(f"best on train: nDCG@10 {best[0]:.4f} with {best[1]}")
    m, _ = score_metrics(train.qrels, run_for(tr, doc_ids, FusionParams()), ["ndcg@10"])
    print(f"train with config.py's weights: nDCG@10 {m['ndcg@10']:.4f}")
    if args.train_only:
        return
    te = collect(searcher, test.queries)
    for name, mode, f in [("bm25", "bm25", best[1]), ("dense", "dense", best[1]), ("hybrid(tuned)", "hybrid", best[1]),
                          ("hybrid(config.py)", "hybrid", FusionParams()),
                          ("hybrid(0.5/0.5)", "hybrid", FusionParams(0.5, 0.5, 0.0))]:
        m, _ = score_metrics(test.qrels, run_for(te, doc_ids, f, mode), ["ndcg@10", "recall@100"])
        print(f"test {name:16s} nDCG@10 {m['ndcg@10']:.4f}  Recall@100 {m['recall@100']:.4f}")


if __name__ == "__main__":
    main()

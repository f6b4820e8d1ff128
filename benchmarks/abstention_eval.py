"""Abstention and calibration of the answer model, on data it was not trained on.

    python -m benchmarks.abstention_eval [--beir ../shared/beir/scifact] [--claims ../shared/scifact-claims]
                                         [--pdf-qa ../shared/pdf-qa] [--pdf-index .cache/pdf-qa/index]

1. SciFact test queries: the best hit's probability with each query's relevant abstracts among the
   candidates, against the same query with them left out (the documents filter), as AUROC; then
   apart for the queries whose relevant abstracts SciFact's annotators found evidence in and for
   those they did not.  BEIR's qrels list the abstracts a claim's source cited, NOT ENOUGH INFO
   claims included (112 of the 300): for those the relevant abstracts are present yet hold no
   answer, so the question stays unanswerable either way, and the answer model (trained to find
   answers, as pdf-qa's near misses need) is right to flag both.
2. Calibration on SciFact *dev* claims (held out from training): expected calibration error and the
   reliability table of every top-10 passage's probability (whether it holds a rationale sentence).
3. ../shared/pdf-qa (index built by benchmarks/pdf_qa.py): answerable questions answered,
   near misses and off-topic questions flagged as not answered.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from assistant.claims.train import load_claims
from assistant.evaluation import dataset_searcher, load_beir
from assistant.search import Searcher
from assistant.search.answer import pick, relevance_features
from assistant.search.train_answer import collect, expected_calibration_error, reliability_table, scifact_queries


def _auroc(present: list[float], removed: list[float]) -> float:
    return float(roc_auc_score([1] * len(present) + [0] * len(removed), present + removed))


def scifact_auroc(beir: Path, claims: Path) -> None:
    dataset = load_beir(beir, "test")
    searcher = dataset_searcher(dataset)
    ids = searcher.index.doc_ids
    # BEIR's SciFact test queries are the SciFact dev claims, by id.
    with_evidence = {str(c["id"]) for c in load_claims(claims / "claims_dev.jsonl") if c.get("evidence")}
    present, removed, answered = [], [], {"present": [], "left out": []}
    evidence = []
    for qid, text in dataset.queries.items():
        relevant = {d for d, g in dataset.qrels.get(qid, {}).items() if g > 0}
        if not relevant:
            continue
        evidence.append(qid in with_evidence)
        hits = searcher.search(text, k=5)
        present.append(max(h.probability for h in hits))
        answered["present"].append(searcher.answered(hits, text))
        others = [d for d in ids if d not in relevant]
        hits = searcher.search(text, k=5, doc_ids=others)
        removed.append(max(h.probability for h in hits))
        answered["left out"].append(searcher.answered(hits, text, others))
    auroc = _auroc(present, removed)
    split = {kind: _auroc([p for p, e in zip(present, evidence) if e == kind],
                          [p for p, e in zip(removed, evidence) if e == kind]) for kind in (True, False)}
    bar = searcher.answers.answer_bar
    print(f"SciFact test, {len(present)} queries: best-hit probability AUROC, relevant abstracts present vs left out: "
          f"{auroc:.3f}; answered at the bar ({bar:.3f}): present {np.mean(np.array(present) >= bar):.3f}, "
          f"left out {np.mean(np.array(removed) >= bar):.3f}; answered (the bar, and no name the searched "
          f"abstracts never mention): present {np.mean(answered['present']):.3f}, "
          f"left out {np.mean(answered['left out']):.3f}")
    print(f"  apart: the {sum(evidence)} queries whose relevant abstracts hold evidence (SciFact's labels) "
          f"{split[True]:.3f}; the {len(evidence) - sum(evidence)} NOT ENOUGH INFO claims, whose cited abstracts "
          f"hold none, {split[False]:.3f}")


def scifact_calibration(beir: Path, claims: Path) -> None:
    searcher = dataset_searcher(load_beir(beir, "test"))
    dev = scifact_queries(searcher, claims, "claims_dev.jsonl")
    records = [r for r in collect(searcher, dev) if r["search"] == "present"]
    model = searcher.answers
    probs, labels = [], []
    for r in records:
        if not len(r["y"]):
            continue
        logits = model.sentence_logits(r["x"])
        best = pick(logits, r["heading"], r["leads"])
        probs.append(float(model.probability(relevance_features(r["x"], logits, best, r["passage"], r["pool"],
                                                                r["question"]))[0]))
        labels.append(float(r["y"].any()))
    p, y = np.array(probs), np.array(labels)
    print(f"SciFact dev claims, {len(dev)} claims, {len(p)} top-10 passages: expected calibration error "
          f"{expected_calibration_error(p, y):.4f}")
    for row in reliability_table(p, y):
        print(f"  {row['bin']}: n={row['n']:5d} predicted {row['predicted']:.3f} observed {row['observed']:.3f}")


def pdf_qa(pdf_qa_dir: Path, index_dir: Path) -> None:
    searcher = Searcher(index_dir)
    counts = {"answerable": [0, 0], "near miss": [0, 0], "off-topic": [0, 0]}
    for line in (pdf_qa_dir / "questions.jsonl").read_text().splitlines():
        q = json.loads(line)
        kind = "answerable" if q["doc"] else "near miss" if q["id"].startswith("nm") else "off-topic"
        answered = searcher.answered(searcher.search(q["question"], k=5), q["question"])
        counts[kind][0] += answered
        counts[kind][1] += 1
    (a, na), (m, nm), (o, no) = counts.values()
    print(f"pdf-qa: answerable answered {a}/{na}; near misses flagged {nm - m}/{nm}; off-topic flagged {no - o}/{no}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--beir", type=Path, default=Path("../shared/beir/scifact"))
    ap.add_argument("--claims", type=Path, default=Path("../shared/scifact-claims"))
    ap.add_argument("--pdf-qa", type=Path, default=Path("../shared/pdf-qa"))
    ap.add_argument("--pdf-index", type=Path, default=Path(".cache/pdf-qa/index"), help="built by benchmarks/pdf_qa.py")
    a = ap.parse_args()
    if a.pdf_index.exists():
        pdf_qa(a.pdf_qa, a.pdf_index)
    scifact_auroc(a.beir, a.claims)
    scifact_calibration(a.beir, a.claims)


if __name__ == "__main__":
    main()

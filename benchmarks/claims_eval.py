"""Claim checking on SciFact claims *dev* (open retrieval over the 5,183 abstracts) and on eval/claims.jsonl.

    python benchmarks/claims_eval.py [--claims ../shared/scifact-claims] [--beir ../shared/beir/scifact]

Prints: evidence Recall@3 over gold (claim, abstract) pairs, for the retrieval stage's document
order and for abstracts ranked by their best evidence sentence; abstract-level label F1 with precision
and recall (SciFact's label-only definition); precision of `contradicted`; the share of no-evidence
claims answered `not_found`; the share of supported claims answered `supported` with a gold
rationale among the first 3 evidence sentences; accuracy on our own claims; p50 latency per claim
on the default corpus.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import numpy as np

from assistant.claims import VERDICT_WORDS, ClaimChecker
from assistant.claims.train import gold_spans, load_claims, load_corpus
from assistant.evaluation import dataset_searcher, load_beir
from assistant.search import Searcher


def scifact_dev(args) -> None:
    searcher = dataset_searcher(load_beir(Path(args.beir), "test"))
    checker = ClaimChecker(searcher)
    index = searcher.index
    corpus = load_corpus(Path(args.claims))
    dev = load_claims(Path(args.claims) / "claims_dev.jsonl")
    pairs = hit3 = stage3 = tp = n_pred = n_gold = 0
    con_pred = con_right = 0
    nei = nei_nf = sup = sup_ok = 0
    for claim in dev:
        gold = {d: evs[0]["label"] for d, evs in (claim.get("evidence") or {}).items()}
        cands, p_ev, p_con = checker.score(claim["claim"])
        # Evidence retrieval: abstracts ranked by their best evidence sentence.
        doc_best: dict[int, float] = {}
        for c, p in zip(cands, p_ev):
            doc_best[c.doc] = max(doc_best.get(c.doc, 0.0), float(p))
        top3 = {index.doc_ids[d] for d in sorted(doc_best, key=lambda d: -doc_best[d])[:3]}
        pairs += len(gold)
        hit3 += len(set(gold) & top3)
        if gold:
            stage3 += len(set(gold) & set(checker.retrieve(claim["claim"])[:3]))
        pred = checker.abstract_predictions(claim["claim"])
        n_pred += len(pred)
        n_gold += len(gold)
        tp += sum(1 for d, lab in pred.items() if gold.get(d) == lab)
        verdict = checker.check(claim["claim"])
        if verdict.verdict == "contradicted":
            con_pred += 1
            con_right += any(lab == "CONTRADICT" for lab in gold.values())
        if not gold:
            nei += 1
            nei_nf += verdict.verdict == "not_found"
        elif any(lab == "SUPPORT" for lab in gold.values()):
            sup += 1
            spans = {(d, s) for d, evs in claim["evidence"].items() for ev in evs if ev["label"] == "SUPPORT"
                     for s in gold_spans(searcher, corpus, d, ev["sentences"])}
            first3 = verdict.evidence[:3]
            ok = verdict.verdict == "supported" and any(
                (e.doc_id, (gs, ge)) in spans or any(d == e.doc_id and min(e.end, ge) - max(e.start, gs) > 0
                                                    for d, (gs, ge) in spans)
                for e in first3 for (gs, ge) in [(e.start, e.end)])
            sup_ok += ok
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"SciFact dev: {len(dev)} claims, {pairs} gold (claim, abstract) pairs")
    print(f"  evidence retrieval Recall@3: retrieval stage {stage3 / pairs:.3f} ({stage3}/{pairs}); "
          f"abstracts ranked by their best evidence sentence {hit3 / pairs:.3f} ({hit3}/{pairs})")
    print(f"  abstract-level label F1: {f1:.4f} (precision {p:.4f}, recall {r:.4f}; {tp} right of {n_pred} "
          f"predicted, {n_gold} gold)")
    print(f"  'contradicted' said {con_pred} times, right {con_right / con_pred if con_pred else 0:.2f} "
          f"(the product says {VERDICT_WORDS['contradicted']!r}; plainly only at 0.60 or more)")
    print(f"  claims without evidence -> not_found: {nei_nf}/{nei} = {nei_nf / nei:.3f}")
    print(f"  supported claims -> supported with a gold rationale in the first 3: {sup_ok}/{sup} = {sup_ok / sup:.3f}")


def own_claims(args) -> None:
    searcher = Searcher(Path(args.index_dir))
    checker = ClaimChecker(searcher)
    rows = [json.loads(line) for line in Path(args.own).read_text().splitlines() if line.strip()]
    right = 0
    plain = [r for r in rows if r["verdict"] != "contradicted"]
    negated = [r for r in rows if r["verdict"] == "contradicted"]
    got = {r["id"]: checker.check(r["claim"]) for r in rows}
    for row in plain:
        v = got[row["id"]]
        ok = v.verdict == row["verdict"]
        right += ok
        if not ok:
            print(f"  miss: {row['claim']!r}: expected {row['verdict']}, got {v.verdict} ({v.confidence:.2f})")
    for row in negated:
        v = got[row["id"]]
        if v.verdict != "contradicted":
            print(f"  negated claim {row['claim']!r}: {v.verdict} ({v.confidence:.2f})")
    n_con = sum(got[r["id"]].verdict == "contradicted" for r in negated)
    n_not_sup = sum(got[r["id"]].verdict != "supported" for r in negated)
    print(f"own claims ({args.own}): {right}/{len(plain)} correct verdicts = {right / len(plain):.2f}")
    if negated:
        print(f"claims negating the corpus: {n_con}/{len(negated)} contradicted, {n_not_sup}/{len(negated)} = "
              f"{n_not_sup / len(negated):.2f} never supported")
    times = []
    for row in rows * 3:
        t0 = time.perf_counter()
        checker.check(row["claim"])
        times.append((time.perf_counter() - t0) * 1000)
    print(f"check latency on {args.index_dir}: p50 {np.percentile(times, 50):.1f} ms, "
          f"p95 {np.percentile(times, 95):.1f} ms ({platform.machine()})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", default="../shared/scifact-claims")
    ap.add_argument("--beir", default="../shared/beir/scifact")
    ap.add_argument("--own", default="eval/claims.jsonl")
    ap.add_argument("--index-dir", default="index")
    ap.add_argument("--skip-scifact", action="store_true")
    args = ap.parse_args()
    if not args.skip_scifact:
        scifact_dev(args)
    own_claims(args)


if __name__ == "__main__":
    main()

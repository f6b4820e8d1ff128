"""Train the answer model on SciFact claims *train* and write assistant/models/answer.json.

    python -m assistant.search.train_answer [--claims ../shared/scifact-claims] [--beir ../shared/beir/scifact]

Each train claim is searched in the SciFact index as a question (its 10 best passages by the
product's fused score), and again with its evidence abstracts left out of the candidates (the same
question made unanswerable).  Labels: a sentence is an answer when it is one of the claim's
rationale sentences; a passage holds the answer when one of its sentences is.
- Sentence model: within passages that hold an answer, rationale sentence vs the other sentences
  that are not heading-like.  Regularisation chosen by 5-fold cross-validation split by claim.
- Relevance model: over every passage of both searches, on features that use out-of-fold sentence
  scores, so training sees them as unseen questions will.  Its out-of-fold probabilities give the
  calibration figures (expected calibration error, reliability table) written into the artifact.
- Answer bar: the probability that 99% of the answerable training questions of each source (an
  evidence passage among the 10) reach with their best hit, out of fold.
Training data: SciFact (Wadden et al., 2020), CC BY-NC 2.0; the artifact records this.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from assistant import config
from assistant.claims.train import gold_spans, load_claims, load_corpus
from assistant.evaluation import dataset_searcher, load_beir
from assistant.linear import LinearModel
from assistant.search.answer import (
    MODEL_PATH,
    RELEVANCE_FEATURES,
    SENTENCE_FEATURES,
    is_question,
    measured,
    pool_cosine,
    relevance_features,
    sentence_features,
    term_weights,
)
from assistant.search.searcher import Searcher
from assistant.text import bm25_tokenize

__all__ = ["Query", "collect", "expected_calibration_error", "main", "own_queries", "reliability_table",
           "scifact_queries"]

TOP = 10
ANSWERED_SHARE = 0.99
C_GRID = (0.01, 0.1, 1.0)
# More similarity or more shared terms can never make a passage less likely to hold the answer:
# these relevance weights are kept >= 0 (see `LinearModel.fit`).  Unbounded, the correlated cosine
# features took opposite signs, and a question far from everything in the collection (cosines well
# below any in training) came out likelier, not less likely, to be answered.
INCREASING = [f for f in RELEVANCE_FEATURES if f != "is_question"]


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Bin-size-weighted mean |mean probability - observed rate| over equal-width bins."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return float(sum(abs(p[idx == b].mean() - y[idx == b].mean()) * (idx == b).sum()
                     for b in range(bins) if (idx == b).any()) / len(p))


def reliability_table(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    """Per equal-width bin: count, mean predicted probability, observed rate."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    return [{"bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}", "n": int((idx == b).sum()),
             "predicted": round(float(p[idx == b].mean()), 3), "observed": round(float(y[idx == b].mean()), 3)}
            for b in range(bins) if (idx == b).any()]


@dataclass
class Query:
    """A training question: its text and, per evidence document row, the answer spans."""

    group: str  # queries of one group share a fold
    text: str
    gold: dict[int, list[tuple[int, int]]]


def scifact_queries(searcher, claims_dir: Path, name: str = "claims_train.jsonl") -> list[Query]:
    """SciFact claims (train unless `name` says otherwise); their rationale sentences are the answers."""
    index, corpus = searcher.index, load_corpus(claims_dir)
    out = []
    for claim in load_claims(claims_dir / name):
        gold = {index.doc_row(d): gold_spans(searcher, corpus, d, [i for ev in evs for i in ev["sentences"]])
                for d, evs in (claim.get("evidence") or {}).items() if index.doc_row(d) is not None}
        out.append(Query(f"scifact-{claim['id']}", claim["claim"], gold))
    return out


def own_queries(searcher, questions: Path) -> list[Query]:
    """Our questions on the default collection; the passage containing the answer text answers."""
    index = searcher.index
    out = []
    for line in questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        gold = {}
        for d in range(index.n_documents):
            at = index.document(d).text.find(q.get("answer") or "\0")
            if at >= 0:
                gold[d] = [(at, at + len(q["answer"]))]
        if gold:
            out.append(Query(f"own-{q['_id']}", q["text"], gold))
    return out


def collect(searcher, queries: list[Query], start: int = 0) -> list[dict]:
    """One record per (query, passage, search): sentence features, heading mask, labels, and
    the passage-level inputs of the relevance features.  Each query is searched as is and with
    its evidence documents left out of the candidates."""
    index = searcher.index
    vectors = searcher.encoder.encode([x.text for x in queries])
    records = []
    for qi, query in enumerate(queries):
        q, tokens = vectors[qi], bm25_tokenize([query.text])[0]
        cand = searcher.candidates(query.text, None, q, tokens=tokens)
        order = np.argsort(-cand.fused(searcher.fusion), kind="stable")
        gone = np.isin(index.passage_docs(cand.rows), list(query.gold))
        for search, keep in (("present", np.ones(len(order), bool)), ("removed", ~gone)):
            if search == "removed" and not query.gold:
                continue
            ranked = [i for i in order if keep[i]][:TOP]
            pool = pool_cosine(np.compress(keep, cand.dense), np.compress(keep, index.passage_docs(cand.rows)))
            for rank, i in enumerate(ranked):
                row = int(cand.rows[i])
                sentences, x, heading, leads, passage, _ = sentence_features(index, row, q, term_weights(index, query.text, tokens))
                answers = query.gold.get(index.passage(row).doc, [])
                y = np.array([any(min(e, b) - max(s, a) > 0 for a, b in answers)
                              for s, e in map(index.sentence_span, sentences)], bool)
                records.append({"claim": start + qi, "search": search, "rank": rank, "x": x, "heading": heading, "leads": leads,
                                "y": y, "answerable": bool(query.gold), "passage": passage, "pool": pool,
                                "question": is_question(query.text)})
    return records


def _sentence_set(records: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Non-heading sentences of passages holding an answer: features, labels, query, passage id."""
    xs, ys, groups, pid = [], [], [], []
    for i, r in enumerate(records):
        keep = ~r["heading"]
        if r["search"] == "present" and r["y"][keep].any():
            xs.append(r["x"][keep])
            ys.append(r["y"][keep])
            groups += [r["claim"]] * int(keep.sum())
            pid += [i] * int(keep.sum())
    return np.concatenate(xs), np.concatenate(ys), np.array(groups), np.array(pid)


def _top1_accuracy(scores: np.ndarray, y: np.ndarray, pid: np.ndarray) -> float:
    right = [y[pid == p][np.argmax(scores[pid == p])] for p in np.unique(pid)]
    return float(np.mean(right))


def _relevance_rows(records: list[dict], sentence_model_for) -> tuple[np.ndarray, np.ndarray]:
    """Relevance features per record, from the sentence model `sentence_model_for(claim)` returns."""
    xs, ys = [], []
    for r in records:
        if not len(r["y"]):
            xs.append(np.zeros(len(RELEVANCE_FEATURES)))
            ys.append(False)
            continue
        p = np.clip(sentence_model_for(r["claim"]).predict(r["x"]), 1e-9, 1 - 1e-9)
        logits = np.log(p / (1 - p))
        best = measured(logits, r["heading"], r["leads"])
        xs.append(relevance_features(r["x"], logits, best, r["passage"], r["pool"], r["question"]))
        ys.append(bool(r["y"].any()))
    return np.array(xs, np.float64), np.array(ys)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=Path, default=Path("../shared/scifact-claims"))
    ap.add_argument("--beir", type=Path, default=Path("../shared/beir/scifact"))
    ap.add_argument("--questions", type=Path, default=Path("eval/questions.jsonl"))
    ap.add_argument("--index-dir", type=Path, default=config.DEFAULT_INDEX_DIR, help="index of the default collection")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    a = ap.parse_args()
    started = time.perf_counter()
    searcher = dataset_searcher(load_beir(a.beir, "test"))
    claims = scifact_queries(searcher, a.claims)
    records = collect(searcher, claims)
    own = Searcher(a.index_dir)
    questions = own_queries(own, a.questions)
    records += collect(own, questions, start=len(claims))
    print(f"{len(claims)} SciFact train claims and {len(questions)} own questions, {len(records)} passages searched "
          f"({time.perf_counter() - started:.0f} s)")

    xs, ys, groups, pid = _sentence_set(records)
    folds = list(GroupKFold(5).split(xs, ys, groups))
    cv = {}
    for c in C_GRID:
        oof = np.zeros(len(ys))
        for tr, te in folds:
            oof[te] = LinearModel.fit(xs[tr], ys[tr], SENTENCE_FEATURES, c).predict(xs[te])
        cv[c] = _top1_accuracy(oof, ys, pid)
    c_best = max(cv, key=cv.get)
    cos_only = _top1_accuracy(xs[:, 0], ys, pid)
    print("sentence model, out-of-fold share of answer passages whose best sentence is a rationale: "
          + ", ".join(f"C={c}: {v:.3f}" for c, v in cv.items()) + f"; cosine alone {cos_only:.3f}")

    # Out-of-fold sentence models for the relevance features: claim -> the model that did not see it.
    claim_fold = {}
    fold_models = []
    claim_ids = np.array([r["claim"] for r in records])
    for f, (tr, te) in enumerate(GroupKFold(5).split(claim_ids, groups=claim_ids)):
        train_claims = set(claim_ids[tr].tolist())
        keep = np.isin(groups, list(train_claims))
        fold_models.append(LinearModel.fit(xs[keep], ys[keep], SENTENCE_FEATURES, c_best))
        claim_fold.update({int(c): f for c in claim_ids[te]})
    xr, yr = _relevance_rows(records, lambda c: fold_models[claim_fold[c]])
    # Each source weighs the same: questions to documents differ from claims to abstracts, and
    # there are far fewer of them.
    own = claim_ids >= len(claims)
    weights = np.where(own, (~own).sum() / max(1, own.sum()), 1.0)
    oof = np.zeros(len(yr))
    for f in range(5):
        te = np.array([claim_fold[c] == f for c in claim_ids])
        oof[te] = LinearModel.fit(xr[~te], yr[~te], RELEVANCE_FEATURES, weights=weights[~te],
                                 increasing=INCREASING).predict(xr[te])
    ece = expected_calibration_error(oof, yr.astype(float))
    ece_by_source = {"scifact": expected_calibration_error(oof[~own], yr[~own].astype(float)),
                     "own": expected_calibration_error(oof[own], yr[own].astype(float))}

    # Best hit per search: answerable (an evidence passage among the 10) vs made unanswerable.
    best: dict[tuple[int, str], float] = {}
    holds: dict[tuple[int, str], bool] = {}
    for r, p, y in zip(records, oof, yr):
        key = (r["claim"], r["search"])
        best[key] = max(best.get(key, 0.0), float(p))
        holds[key] = holds.get(key, False) or bool(y)
    answerable = [best[k] for k in best if k[1] == "present" and holds[k]]
    with_evidence = {r["claim"] for r in records if r["answerable"]}
    unanswerable = [best[k] for k in best if k[1] == "removed" or k[0] not in with_evidence]
    # The bar lets ANSWERED_SHARE of each source's answerable questions through.
    bar = min(float(np.quantile([best[k] for k in best if k[1] == "present" and holds[k] and (k[0] >= len(claims)) == mine],
                                1 - ANSWERED_SHARE)) for mine in (False, True))
    auroc = roc_auc_score([1] * len(answerable) + [0] * len(unanswerable), answerable + unanswerable)
    flagged = float(np.mean(np.array(unanswerable) < bar))
    print(f"relevance: out-of-fold ECE {ece:.4f} over {len(yr)} passages (SciFact {ece_by_source['scifact']:.4f}, "
          f"own questions {ece_by_source['own']:.4f}); best-hit AUROC answerable vs "
          f"unanswerable {auroc:.3f}; answer bar {bar:.3f} flags {flagged:.3f} of unanswerable")

    sentence = LinearModel.fit(xs, ys, SENTENCE_FEATURES, c_best)
    relevance = LinearModel.fit(xr, yr, RELEVANCE_FEATURES, weights=weights, increasing=INCREASING)
    spec = {
        "sentence": sentence.to_dict(), "relevance": relevance.to_dict(), "answer_bar": round(bar, 4),
        "trained_on": [f"SciFact claims_train.jsonl ({len(claims)} claims) over the SciFact corpus; Wadden et al., "
                       "EMNLP 2020; CC BY-NC 2.0",
                       f"eval/questions.jsonl ({len(questions)} questions with answer text) over corpus/ (ours)"],
        "command": "python -m assistant.search.train_answer",
        "cross_validation": {"sentence_top1_by_C": {str(c): round(v, 4) for c, v in cv.items()},
                             "sentence_top1_cosine_alone": round(cos_only, 4), "C": c_best,
                             "relevance_ece_out_of_fold": round(ece, 4),
                             "relevance_ece_out_of_fold_by_source": {k: round(v, 4) for k, v in ece_by_source.items()},
                             "relevance_reliability_out_of_fold": reliability_table(oof, yr.astype(float)),
                             "best_hit_auroc_out_of_fold": round(float(auroc), 4),
                             "unanswerable_flagged_out_of_fold": round(flagged, 4)},
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    a.out.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

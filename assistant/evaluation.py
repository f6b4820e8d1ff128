"""Retrieval evaluation: BEIR/TREC input and output, metrics through ranx, reports and plots.

Public API: `Dataset`, `load_beir`, `load_own_set`, `evaluate`, `EvalResult`, `write_report`,
`doc_run`, `METRICS`.

A passage ranking becomes a document ranking by the best passage score of each document.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.documents import iter_jsonl

METRICS = ["ndcg@10", "recall@5", "recall@10", "recall@100", "mrr@10", "map"]
RUN_DEPTH = 100


class DatasetError(ValueError):
    """A dataset file that cannot be read; the message names the file and line."""


@dataclass
class Dataset:
    name: str
    corpus_path: Path | None            # None for our own set, which searches the live index
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]
    histories: dict[str, list[str]] = field(default_factory=dict)

    def fingerprint(self) -> str:
        if self.corpus_path is None:
            return "own"
        st = self.corpus_path.stat()
        return hashlib.sha1(f"{self.corpus_path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:10]


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """TREC-style TSV `query-id corpus-id score`, with or without a header, LF or CRLF."""
    qrels: dict[str, dict[str, int]] = {}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        parts = line.split("\t") if "\t" in line else line.split()
        if number == 1 and parts[-1].lower() in ("score", "relevance"):
            continue  # header row
        if len(parts) == 4:  # TREC qrels: qid 0 docid rel
            parts = [parts[0], parts[2], parts[3]]
        if len(parts) != 3:
            raise DatasetError(f"{path}:{number}: expected 'query-id<TAB>corpus-id<TAB>score', got {line[:80]!r}")
        try:
            score = int(float(parts[2]))
        except ValueError as exc:
            raise DatasetError(f"{path}:{number}: score {parts[2]!r} is not a number") from exc
        qrels.setdefault(parts[0], {})[parts[1]] = score
    if not qrels:
        raise DatasetError(f"{path}: no relevance judgements")
    return qrels


def read_queries(path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    queries: dict[str, str] = {}
    histories: dict[str, list[str]] = {}
    if not path.is_file():
        raise DatasetError(f"missing {path}")
    for number, rec, error in iter_jsonl(path):
        if rec is None:
            raise DatasetError(f"{path}: {error}")
        qid = rec.get("_id", rec.get("id"))
        text = rec.get("text", rec.get("question"))
        if qid is None or not isinstance(text, str):
            raise DatasetError(f"{path}:{number}: each line needs '_id' and 'text'")
        queries[str(qid)] = text
        if isinstance(rec.get("history"), list):
            histories[str(qid)] = [str(h) for h in rec["history"]]
    return queries, histories


def _corpus_ids(path: Path) -> set[str]:
    ids = set()
    for number, rec, error in iter_jsonl(path):
        if rec is None:
            raise DatasetError(f"{path}: {error}")
        if "_id" not in rec:
            raise DatasetError(f"{path}:{number}: no '_id'")
        ids.add(str(rec["_id"]))
    return ids


def load_beir(directory: Path, split: str = "test") -> Dataset:
    """corpus.jsonl, queries.jsonl and qrels/<split>.tsv; unknown ids are errors naming the line."""
    directory = Path(directory)
    corpus = directory / "corpus.jsonl"
    if not corpus.is_file():
        raise DatasetError(f"missing {corpus}")
    queries, histories = read_queries(directory / "queries.jsonl")
    qrels_path = directory / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        raise DatasetError(f"missing {qrels_path} (is --split right?)")
    qrels = read_qrels(qrels_path)
    doc_ids = _corpus_ids(corpus)
    lines = qrels_path.read_text(encoding="utf-8-sig").splitlines()
    for qid, rels in qrels.items():
        if qid not in queries:
            n = next((i for i, ln in enumerate(lines, 1) if ln.split("\t")[0].strip() == qid), "?")
            raise DatasetError(f"{qrels_path}:{n}: query id {qid!r} is not in queries.jsonl")
        for did in rels:
            if did not in doc_ids:
                n = next((i for i, ln in enumerate(lines, 1) if did in ln.split()), "?")
                raise DatasetError(f"{qrels_path}:{n}: document id {did!r} is not in corpus.jsonl")
    return Dataset(directory.name, corpus, {q: queries[q] for q in qrels}, qrels, histories)


def load_own_set(directory: Path) -> Dataset:
    """Our set in `eval/`: questions.jsonl + qrels.tsv over the documents in corpus/."""
    queries, histories = read_queries(directory / "questions.jsonl")
    qrels = read_qrels(directory / "qrels.tsv")
    missing = [q for q in qrels if q not in queries]
    if missing:
        raise DatasetError(f"{directory / 'qrels.tsv'}: unknown question ids {missing[:5]}")
    return Dataset("own", None, {q: queries[q] for q in qrels}, qrels, histories)


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


def score_metrics(qrels: dict[str, dict[str, int]], run: dict[str, dict[str, float]],
                  metrics: list[str] = METRICS) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Mean and per-query values from ranx (queries without results count as 0)."""
    from ranx import Qrels, Run
    from ranx import evaluate as ranx_evaluate

    full_run = {q: (run.get(q) or {"__none__": 0.0}) for q in qrels}
    r = Run(full_run)
    q = Qrels(qrels)
    means = ranx_evaluate(q, r, metrics, make_comparable=True)
    if isinstance(means, float):
        means = {metrics[0]: means}
    per = {m: {qid: float(v) for qid, v in r.scores[m].items()} for m in metrics}
    return {m: float(v) for m, v in means.items()}, per


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


def write_trec_run(run: dict[str, dict[str, float]], path: Path, tag: str) -> None:
    with path.open("w") as fh:
        for qid, docs in run.items():
            for rank, (did, score) in enumerate(sorted(docs.items(), key=lambda kv: -kv[1]), start=1):
                fh.write(f"{qid} Q0 {did} {rank} {score:.6f} {tag}\n")


def markdown_table(result: EvalResult) -> str:
    names = list(next(iter(result.metrics.values())))
    head = "| config | " + " | ".join(names) + " | seconds |\n|---|" + "---|" * (len(names) + 1) + "\n"
    rows = "".join(f"| {c} | " + " | ".join(f"{m[k]:.4f}" for k in names) + f" | {result.seconds[c]:.1f} |\n"
                   for c, m in result.metrics.items())
    return head + rows


def write_report(result: EvalResult, directory: Path) -> list[Path]:
    """report.md, report.json, recall.png and one TREC run file per configuration."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    sig = "".join(f"| {t['a']} vs {t['b']} | {t['mean_a']:.4f} | {t['mean_b']:.4f} | {t['p_value']:.4g} | "
                  f"{'yes' if t['significant'] else 'no'} |\n" for t in result.significance)
    md = (f"# Retrieval evaluation: {result.dataset} ({result.split}, {result.n_queries} queries)\n\n"
          + markdown_table(result)
          + "\n## Paired significance (nDCG@10)\n\n| pair | a | b | p | p < 0.05 |\n|---|---|---|---|---|\n" + sig
          + "\n## Notes\n\n" + "".join(f"- {n}\n" for n in result.notes)
          + "\n![Recall@k](recall.png)\n")
    (directory / "report.md").write_text(md)
    written.append(directory / "report.md")
    payload = {"dataset": result.dataset, "split": result.split, "queries": result.n_queries,
               "metrics": result.metrics, "significance": result.significance, "seconds": result.seconds,
               "notes": result.notes, "generated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    (directory / "report.json").write_text(json.dumps(payload, indent=1))
    written.append(directory / "report.json")
    for name, run in result.runs.items():
        path = directory / f"{name}.trec"
        write_trec_run(run, path, name)
        written.append(path)
    written.append(_plot_recall(result, directory / "recall.png"))
    return written


def _plot_recall(result: EvalResult, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ks = [1, 3, 5, 10, 20, 50, 100]
    fig, ax = plt.subplots(figsize=(6, 4), dpi=100)
    from ranx import Qrels, Run
    from ranx import evaluate as ranx_evaluate

    qrels = Qrels(result.qrels)
    for name, run in result.runs.items():
        full = {q: (run.get(q) or {"__none__": 0.0}) for q in result.qrels}
        vals = ranx_evaluate(qrels, Run(full), [f"recall@{k}" for k in ks], make_comparable=True)
        ax.plot(ks, [vals[f"recall@{k}"] for k in ks], marker="o", label=name)
    ax.set_xscale("log")
    ax.set_xlabel("k")
    ax.set_ylabel("Recall@k")
    ax.set_title(f"{result.dataset} ({result.split})")
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path

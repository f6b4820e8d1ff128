"""Evaluation reports: report.md, report.json, a Recall@k plot and TREC run files.

Public API: `write_report`, `markdown_table`, `write_trec_run`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from assistant.evaluation.metrics import EvalResult

__all__ = ["markdown_table", "write_report", "write_trec_run"]


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
    from assistant.evaluation.metrics import score_metrics

    for name, run in result.runs.items():
        vals, _ = score_metrics(result.qrels, run, [f"recall@{k}" for k in ks])
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

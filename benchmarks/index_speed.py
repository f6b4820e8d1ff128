"""`assistant index` against the naive encoder, side by side in one run (issue 20's bar: >= 1.5).

    python benchmarks/index_speed.py [--n 300] [--repeats 2]

Each measurement is a fresh process, so model loading counts on both sides:
- naive: sentence-transformers fp32 `encode` of the n SciFact abstracts (title + text), once;
- ours: `assistant index` of the same n abstracts into an empty folder (passages, sentence vectors,
  BM25, FAISS, files), once per way of making sentence vectors (ASSISTANT_VECTORS:
  separate, late, pooled; `--modes`).
The machine's encoder choice (`--precision auto`) is made before any timing, so its one-off
self-check is not counted; `--precision` measures another path.
Ratio = naive seconds / ours seconds (above 1: indexing costs less than the naive encoder).
The CPU's vector extensions are printed beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.embedding import PRECISIONS, LocalEncoder, cpu_features

ROOT = Path(__file__).resolve().parent.parent
NAIVE = """
import json, sys, time
t0 = time.perf_counter()
from sentence_transformers import SentenceTransformer
from assistant.embedding.local import model_path
texts = [r["title"] + "\\n" + r["text"] for r in map(json.loads, open(sys.argv[1]))]
model = SentenceTransformer(str(model_path()), device="cpu")
t1 = time.perf_counter()
model.encode(texts, batch_size=32, normalize_embeddings=True)
print(json.dumps({"total": time.perf_counter() - t0, "encode": time.perf_counter() - t1}))
"""


def _timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/beir/scifact/corpus.jsonl")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--precision", choices=PRECISIONS, default="auto")
    ap.add_argument("--modes", nargs="+", default=["separate", "late", "pooled"])
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT), ASSISTANT_PRECISION=args.precision)
    arithmetic = LocalEncoder(precision=args.precision).arithmetic  # the self-check, if one is due
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "corpus.jsonl"
        with open(args.corpus) as fh, subset.open("w") as out:
            for _, line in zip(range(args.n), fh):
                out.write(line)
        runs: dict[str, list[float]] = {"naive (whole process)": [], "naive (encode call)": []} | {m: [] for m in args.modes}
        for r in range(args.repeats):
            naive = json.loads(subprocess.run([sys.executable, "-c", NAIVE, str(subset)], check=True, capture_output=True,
                                              text=True, env=env, cwd=ROOT).stdout)
            runs["naive (whole process)"].append(naive["total"])
            runs["naive (encode call)"].append(naive["encode"])
            for mode in args.modes:
                idx = Path(tmp) / f"idx-{mode}-{r}"
                cache = Path(tmp) / f"cache-{mode}-{r}"
                runs[mode].append(_timed([sys.executable, "-m", "assistant", "index", str(subset), "--index-dir", str(idx)],
                                         dict(env, ASSISTANT_VECTORS=mode, ASSISTANT_CACHE=str(cache))))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, vector extensions: {' '.join(cpu_features())}; "
          f"encoder --precision {args.precision} = {arithmetic}")
    print(f"{args.n} SciFact abstracts, {args.repeats} interleaved repeats, median seconds:")
    for k, v in med.items():
        print(f"  {k:24s} {v:7.1f} s  (runs {', '.join(f'{x:.1f}' for x in runs[k])})")
    for mode in args.modes:
        print(f"ratio naive/ours, {mode} vectors: {med['naive (whole process)'] / med[mode]:.2f} "
              f"(against the encode call alone: {med['naive (encode call)'] / med[mode]:.2f})")


if __name__ == "__main__":
    main()

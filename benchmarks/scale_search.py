"""Vector search at scale with the product's own index choice and search path.

    python benchmarks/scale_search.py [--n 1000000] [--queries 200] [--type auto|ivf_flat|ivf_pq]

auto is what the index builds for n passages (IVF-Flat at a million); ivf_pq forces the
product-quantised index that auto picks above 2,000,000 passages (searched with its exact re-rank).

Synthetic vectors (a mixture of 2,000 Gaussian clusters in 384 dimensions, noise norm about 0.6 of
the centre's, L2-normalised: like sentence embeddings of many topics; uniform random vectors have no
neighbourhoods and no index beats a scan on them); queries drawn from the same mixture.  Prints build time, bytes
per passage, open time (memory-mapped), p50/p95 search latency (one query at a time, one thread)
and Recall@10 against exact search.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np

from assistant.index.vectors import INDEX_TYPES, build_vectors, load_vectors


def synthetic(n: int, d: int, rng: np.random.Generator, centers: np.ndarray) -> np.ndarray:
    x = centers[rng.integers(0, len(centers), n)] + 0.03 * rng.standard_normal((n, d), dtype=np.float32)
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--type", choices=INDEX_TYPES, default="auto")
    args = ap.parse_args()
    d = 384
    rng = np.random.default_rng(0)
    centers = rng.standard_normal((2000, d), dtype=np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    with tempfile.TemporaryDirectory() as tmp:
        vec_path = Path(tmp) / "dense.npy"
        vecs = np.lib.format.open_memmap(vec_path, mode="w+", dtype=np.float32, shape=(args.n, d))
        for s in range(0, args.n, 100_000):
            e = min(args.n, s + 100_000)
            vecs[s:e] = synthetic(e - s, d, rng, centers)
        vecs.flush()
        queries = synthetic(args.queries, d, rng, centers)
        t0 = time.perf_counter()
        built = build_vectors(vecs, args.type)
        built.save(Path(tmp) / "faiss.index")
        meta = built.meta
        build_s = time.perf_counter() - t0
        size = (Path(tmp) / "faiss.index").stat().st_size
        t0 = time.perf_counter()
        index = load_vectors(Path(tmp) / "faiss.index", meta, vecs)
        open_s = time.perf_counter() - t0
        # exact top-10 by blocks
        exact = np.zeros((len(queries), 10), dtype=np.int64)
        best = np.full((len(queries), 10), -np.inf, dtype=np.float32)
        for s in range(0, args.n, 200_000):
            sims = queries @ np.asarray(vecs[s : s + 200_000]).T
            cand = np.concatenate([best, sims], axis=1)
            ids = np.concatenate([exact, np.arange(s, s + sims.shape[1])[None, :].repeat(len(queries), 0)], axis=1)
            top = np.argsort(-cand, axis=1)[:, :10]
            best = np.take_along_axis(cand, top, 1)
            exact = np.take_along_axis(ids, top, 1)
        times, recalls = [], []
        for i, q in enumerate(queries):
            t0 = time.perf_counter()
            ids = index.search(q, 10)
            times.append((time.perf_counter() - t0) * 1000)
            recalls.append(len(set(ids.tolist()) & set(exact[i].tolist())) / 10)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; FAISS single-threaded search")
    print(f"{args.n:,} passages, index {meta}")
    print(f"build {build_s:.1f} s, {size / args.n:.0f} bytes/passage in faiss.index "
          f"(+{d * 4} in dense.npy), open {open_s * 1000:.0f} ms")
    print(f"search p50 {np.percentile(times, 50):.2f} ms, p95 {np.percentile(times, 95):.2f} ms, "
          f"Recall@10 vs exact {np.mean(recalls):.3f}")


if __name__ == "__main__":
    main()

"""Encoding speed, side by side in one run: the fp32 sentence-transformers baseline against our paths.

    python benchmarks/encoder_speed.py [--n 300] [--repeats 3] [--batch-size 32]

Baseline: `SentenceTransformer.encode(texts, batch_size=32)` in fp32, the library's own default.
Ours: `LocalEncoder` with precision fp32, bf16 (a bf16 copy of the weights for batches; timed only
where the CPU has native bf16, since elsewhere it runs, slowly, in emulation) and int8 (ONNX
Runtime), and which of them
"auto" picks on this machine (the per-machine self-check, run first if it is due).  The paths run
interleaved, `--repeats` times each, on the same SciFact abstracts (title + text, cut at 256
tokens); the median tokens/s of each is reported with its ratio to the baseline, and the vectors
are compared with the baseline's by cosine.  The CPU shares its cores with other
tenants here, so single runs vary by 20-30%; interleaving keeps the comparison fair.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np
from sentence_transformers import SentenceTransformer

from assistant.embedding import LocalEncoder, cpu_features, cpu_has_bf16
from assistant.embedding.local import model_path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/beir/scifact/corpus.jsonl")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32, help="our encoders' batch size")
    args = ap.parse_args()
    with open(args.corpus) as fh:
        docs = [json.loads(line) for _, line in zip(range(args.n), fh)]
    texts = [d["title"] + "\n" + d["text"] for d in docs]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, vector extensions: {' '.join(cpu_features())}, "
          f"native bf16: {cpu_has_bf16()}; --precision auto here = {LocalEncoder(precision='auto').arithmetic}")

    # bf16 without native support is emulated, many times slower, and never chosen: not timed there.
    kinds = ("fp32", "bf16", "int8") if cpu_has_bf16() else ("fp32", "int8")
    ours = {p: LocalEncoder(precision=p, batch_size=args.batch_size) for p in kinds}
    st = SentenceTransformer(str(model_path()), device="cpu")
    tokens = sum(min(n, 256) for n in ours["fp32"].count_tokens(texts))
    paths = {"sentence-transformers fp32 (baseline)": lambda: st.encode(texts, batch_size=32, normalize_embeddings=True)}
    paths |= {f"ours {p}": (lambda enc=enc: enc.encode(texts)) for p, enc in ours.items()}
    warm = texts[:64]
    st.encode(warm, batch_size=32)
    for enc in ours.values():
        enc.encode(warm)
    speeds: dict[str, list[float]] = {name: [] for name in paths}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.repeats):
        for name, fn in paths.items():
            t0 = time.perf_counter()
            vectors[name] = np.asarray(fn(), dtype=np.float32)
            speeds[name].append(tokens / (time.perf_counter() - t0))
    base_name = next(iter(paths))
    base = statistics.median(speeds[base_name])
    print(f"{len(texts)} abstracts, {tokens} tokens, {args.repeats} interleaved repeats, median tokens/s:")
    for name in paths:
        med = statistics.median(speeds[name])
        cos = (vectors[name] * vectors[base_name]).sum(1)
        print(f"  {name:40s} {med:8.0f} tokens/s  {med / base:4.2f}x  "
              f"(runs {', '.join(f'{s:.0f}' for s in speeds[name])}); cosine to baseline mean {cos.mean():.5f}, "
              f"min {cos.min():.5f}")


if __name__ == "__main__":
    main()

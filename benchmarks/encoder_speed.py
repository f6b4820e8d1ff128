"""Encoding speed: fp32 vs bf16 autocast on SciFact abstracts, side by side, with the vectors compared.

    python benchmarks/encoder_speed.py [--n 200]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time

from assistant.encoder import Encoder, cpu_has_bf16


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/beir/scifact/corpus.jsonl")
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    with open(args.corpus) as fh:
        docs = [json.loads(line) for _, line in zip(range(args.n), fh)]
    texts = [d["title"] + "\n" + d["text"] for d in docs]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, native bf16: {cpu_has_bf16()}")
    out = {}
    for precision in ("fp32", "bf16"):
        enc = Encoder(precision=precision)
        enc.warm_up()
        enc.encode(texts[:16])
        tokens = sum(min(n, 256) for n in enc.count_tokens(texts))
        t0 = time.perf_counter()
        out[precision] = enc.encode(texts)
        dt = time.perf_counter() - t0
        print(f"{precision}: {len(texts) / dt:.1f} passages/s, {tokens / dt:.0f} tokens/s")
    cos = (out["fp32"] * out["bf16"]).sum(1)
    print(f"cosine bf16 vs fp32 vectors: mean {cos.mean():.5f}, min {cos.min():.5f}")


if __name__ == "__main__":
    main()

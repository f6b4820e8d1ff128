"""App start with a 1,000,000-passage index: open + first answer, and `assistant serve` to page ready.

    python benchmarks/app_start.py [--docs 200000] [--passages-per-doc 5] [--index-dir /tmp/app-start-1m]

The index is built once (kept in --index-dir) by the product's own `build_index`, with synthetic
documents and a stand-in encoder that returns clustered random vectors instead of running the
model: embedding a million real passages takes about ten hours here, and start-up cost depends on
the sizes of the files, not on what the vectors mean.  The measurements then use the real model:

1. a fresh Python process: import, open the index (`Searcher`), load the model, answer one question;
2. `assistant serve` in a fresh process until the page answers HTTP 200, and until a question sent
   through the Gradio API (`/search`) is answered.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np

from assistant import config
from assistant.config import ChunkingParams
from assistant.ingest import Document

WORDS = [f"term{i}" for i in range(50_000)]


class StandInEncoder:
    """Clustered random unit vectors; token counts of 10 per word so each sentence is one passage."""

    model_id = config.MODEL_ID
    dim = config.MODEL_DIM
    key = f"{config.MODEL_ID}@{config.MODEL_DIM}"
    arithmetic = "fp32"

    def __init__(self) -> None:
        self.rng = np.random.default_rng(0)
        self.centers = self.rng.standard_normal((2000, self.dim), dtype=np.float32)

    def warm_up(self) -> None:
        pass

    def count_tokens(self, texts):
        return [10 * len(t.split()) for t in texts]

    def encode(self, texts, progress: bool = False, cache=None) -> np.ndarray:
        n = len(texts)
        x = self.centers[self.rng.integers(0, len(self.centers), n)]
        x = x + 0.5 * self.rng.standard_normal((n, self.dim), dtype=np.float32)
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def synthetic_documents(n_docs: int, per_doc: int) -> list[Document]:
    rng = np.random.default_rng(1)
    zipf = np.minimum(rng.zipf(1.3, size=n_docs * per_doc * 14), len(WORDS)) - 1
    docs, pos = [], 0
    for i in range(n_docs):
        sentences = []
        for _ in range(per_doc):
            words = " ".join(WORDS[w] for w in zipf[pos : pos + 14])
            pos += 14
            sentences.append(f"Finding {words}.")
        text = f"Document {i}\n\n" + " ".join(sentences)
        docs.append(Document(f"doc{i:07d}", f"Document {i}", text, f"synthetic:{i}", f"{i:064x}"))
    return docs


def build(index_dir: Path, n_docs: int, per_doc: int) -> None:
    from assistant.index import build_index, open_index

    try:
        if len(open_index(index_dir)) == n_docs * per_doc:
            print(f"reusing {index_dir}")
            return
    except Exception:  # noqa: BLE001 (absent or stale: build it)
        pass
    t0 = time.perf_counter()
    docs = synthetic_documents(n_docs, per_doc)
    # 12-word sentences count 150 tokens: one sentence per passage, no overlap.
    report = build_index(index_dir, docs, StandInEncoder(), ChunkingParams(), rebuild=True, progress=True)
    print(f"built {report.passages} passages from {report.documents} documents in {time.perf_counter() - t0:.0f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200_000)
    ap.add_argument("--passages-per-doc", type=int, default=5)
    ap.add_argument("--index-dir", default="/tmp/app-start-1m")
    args = ap.parse_args()
    index_dir = Path(args.index_dir)
    build(index_dir, args.docs, args.passages_per_doc)
    gen = (index_dir / (index_dir / "CURRENT").read_text().strip())
    size = sum(p.stat().st_size for p in gen.rglob("*") if p.is_file())
    print(f"{platform.machine()}, {os.cpu_count()} cores; index {size / 2**30:.2f} GiB, "
          f"manifest {(gen / 'manifest.json').stat().st_size / 2**20:.0f} MiB")

    probe = (
        "import time, json; t0 = time.perf_counter()\n"
        "from assistant.search import Searcher\n"
        f"s = Searcher({str(index_dir)!r}); t1 = time.perf_counter()\n"
        "hits = s.search('term12 term7 finding', k=5); t2 = time.perf_counter()\n"
        "print(json.dumps({'open': t1 - t0, 'first_answer': t2 - t0, 'passages': len(s.index), 'hits': len(hits)}))\n"
    )
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - t0
    r = json.loads(out.strip().splitlines()[-1])
    print(f"library: {r['passages']} passages; opened in {r['open']:.2f} s, first answer (model loaded) at "
          f"{r['first_answer']:.2f} s; whole process {wall:.2f} s")

    port = free_port()
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--index-dir", str(index_dir),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        page = None
        while time.perf_counter() - t0 < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as resp:
                    if resp.status == 200:
                        page = time.perf_counter() - t0
                        break
            except OSError:
                time.sleep(0.05)
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/search",
                                     json.dumps({"question": "term12 term7 finding"}).encode(),
                                     {"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=120).read()
        answered = time.perf_counter() - t0
        print(f"assistant serve: page ready (HTTP 200) at {page:.2f} s, first API answer at {answered:.2f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()

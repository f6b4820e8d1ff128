"""Reading PDFs in one process against one process per core, side by side in one run.

    python benchmarks/pdf_read_speed.py [--pdfs ../shared/pdf-qa] [--repeats 2]

`load_paths(pdfs, workers=1)` against `workers=os.cpu_count()` (what `assistant index` uses), the two
interleaved `--repeats` times; prints each time and checks that both read the same documents.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from assistant.embedding import cpu_features
from assistant.ingest import load_paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdfs", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "pdf-qa")
    ap.add_argument("--repeats", type=int, default=2)
    a = ap.parse_args()
    pdfs = sorted(a.pdfs.glob("*.pdf"))
    cores = os.cpu_count() or 1
    print(f"{len(pdfs)} PDFs, {cores} cores, vector extensions: {' '.join(cpu_features())}")
    times: dict[int, list[float]] = {1: [], cores: []}
    docs = {}
    for _ in range(a.repeats):
        for workers in times:
            start = time.perf_counter()
            docs[workers] = load_paths(pdfs, workers=workers).documents
            times[workers].append(time.perf_counter() - start)
    for workers, runs in times.items():
        print(f"workers={workers}: {', '.join(f'{t:.1f}' for t in runs)} s")
    print(f"speed-up {min(times[1]) / min(times[cores]):.2f}x; same documents: {docs[1] == docs[cores]}")


if __name__ == "__main__":
    main()

"""Cost of re-indexing when 1% of documents changed, against a full build (same machine, same run).

    python benchmarks/reindex_cost.py [--corpus ../shared/beir/scifact/corpus.jsonl] [--limit 1000]
                                      [--change edit|replace]

Builds the collection from scratch (no embedding cache), then changes 1% of the documents and
indexes again; prints both times (document loading included) and their ratio.  `edit` appends a
sentence to each changed document (only the touched passages and the new sentence need embedding);
`replace` gives each changed document the text of an abstract outside the collection (everything
in it is embedded again): the worst case.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from assistant.embedding import get_encoder
from assistant.index import build_index
from assistant.ingest import load_paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/beir/scifact/corpus.jsonl")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--change", choices=("edit", "replace"), default="edit")
    args = ap.parse_args()
    all_lines = Path(args.corpus).read_text().splitlines()
    lines = all_lines[: args.limit]
    spare = [json.loads(line) for line in all_lines[args.limit :]]
    enc = get_encoder()
    enc.warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(lines) + "\n")
        t0 = time.perf_counter()
        full = build_index(Path(tmp) / "index", load_paths([corpus]).documents, enc)
        full_s = time.perf_counter() - t0
        changed = max(1, len(lines) // 100)
        recs = [json.loads(line) for line in lines]
        for k, r in enumerate(recs[:changed]):
            if args.change == "edit" or not spare:
                r["text"] += " This abstract was revised."
            else:
                r["title"], r["text"] = spare[k % len(spare)]["title"], spare[k % len(spare)]["text"]
        corpus.write_text("".join(json.dumps(r) + "\n" for r in recs))
        t0 = time.perf_counter()
        inc = build_index(Path(tmp) / "index", load_paths([corpus]).documents, enc)
        inc_s = time.perf_counter() - t0
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; change = {args.change}")
    print(f"{len(lines)} documents, {full.passages} passages, {full.sentences} sentences")
    print(f"full build {full_s:.1f} s; {changed} changed documents ({inc.embedded_documents} re-read, "
          f"{inc.embedded_passages} passages embedded) {inc_s:.1f} s = {100 * inc_s / full_s:.1f}% of the full build")


if __name__ == "__main__":
    main()

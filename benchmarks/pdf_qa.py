"""PDF question answering on ../shared/pdf-qa: the scorer's figures per ranking mode, and the PDF
path's indexing throughput beside the plain-text path's, in one run.

    python benchmarks/pdf_qa.py [--pdf-qa ../shared/pdf-qa] [--out .cache/pdf-qa]

1. `assistant index` of the eight PDFs, timed (pages/s); then the same documents' text written to
   .txt files and indexed the same way, timed (the plain-text path, in the same units: the PDF
   pages' worth of text per second). Both embed everything (`--rebuild`, each with an empty
   embedding cache).
2. `assistant search --batch --k 10` with each `--mode`, scored by the set's own `score.py` (cut-off 5).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.embedding import cpu_features
from assistant.ingest import load_paths

ROOT = Path(__file__).resolve().parent.parent
ASSISTANT = Path(sys.executable).parent / "assistant"  # the console script of this environment


def _index(paths: list[Path], index_dir: Path) -> float:
    # An empty embedding cache for each build: the .txt build would otherwise find the vectors of
    # every sentence the PDF build embedded with the same text.
    with tempfile.TemporaryDirectory() as cache:
        start = time.perf_counter()
        subprocess.run([str(ASSISTANT), "index", *map(str, paths), "--index-dir", str(index_dir), "--rebuild"],
                       check=True, stdout=subprocess.DEVNULL, env=dict(os.environ, ASSISTANT_CACHE=cache))
        return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf-qa", type=Path, default=ROOT.parent / "shared" / "pdf-qa")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "pdf-qa")
    a = ap.parse_args()
    pdfs = sorted(a.pdf_qa.glob("*.pdf"))
    a.out.mkdir(parents=True, exist_ok=True)
    docs = load_paths(pdfs).documents
    pages = sum(len({p.page for p in d.pages}) for d in docs)
    print(f"CPU: {', '.join(cpu_features()) or 'no vector extensions found'}")
    pdf_s = _index(pdfs, a.out / "index")
    with tempfile.TemporaryDirectory() as tmp:
        txts = []
        for d in docs:
            path = Path(tmp) / (Path(d.doc_id).stem + ".txt")
            path.write_text(d.text, encoding="utf-8")
            txts.append(path)
        txt_s = _index(txts, Path(tmp) / "index")
    print(f"indexing {len(pdfs)} PDFs, {pages} pages: {pdf_s:.1f} s = {pages / pdf_s:.2f} pages/s; "
          f"the same text as .txt files: {txt_s:.1f} s = {pages / txt_s:.2f} pages/s (ratio {txt_s / pdf_s:.2f})")
    batch = a.out / "questions.jsonl"
    with batch.open("w") as fh:
        for line in (a.pdf_qa / "questions.jsonl").read_text().splitlines():
            q = json.loads(line)
            fh.write(json.dumps({"id": q["id"], "question": q["question"]}) + "\n")
    for mode in ("hybrid", "bm25", "dense"):
        run = a.out / f"run-{mode}.jsonl"
        with run.open("w") as fh:
            subprocess.run([str(ASSISTANT), "search", "--batch", str(batch), "--k", "10",
                            "--mode", mode, "--index-dir", str(a.out / "index")], check=True, stdout=fh)
        out = subprocess.run([sys.executable, str(a.pdf_qa / "score.py"), str(run)], check=True,
                             capture_output=True, text=True).stdout
        print(f"--- {mode}\n{out}")


if __name__ == "__main__":
    main()

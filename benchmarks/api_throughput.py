"""Throughput of the HTTP API against the library's own, side by side in one run (issue 19's bar:
the API at 20 clients reaches >= 50% of the library's questions/s, 0 errors, p95 <= 1 s).

    python benchmarks/api_throughput.py [--seconds 60] [--clients 20] [--only default|scifact]

For each collection (the default corpus's `index/`, and the SciFact index `assistant eval` caches):
1. library: `Searcher.search` and `Searcher.answered`, as a Python program calls them, from 2
   worker threads for `--seconds`;
2. API: `assistant serve` on that index, then `--clients` concurrent clients posting to
   `/api/search` for `--seconds` (benchmarks/load_test.py).
Prints one JSON object per collection and the CPU's vector extensions.  Writes
artifacts/api-throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load_test import QUESTIONS, run  # noqa: E402


def cpu_kind() -> str:
    flags = set(re.findall(r"\b(avx512_bf16|avx512f|avx2|amx_bf16|asimd|sve)\b", Path("/proc/cpuinfo").read_text()))
    return ", ".join(sorted(flags)) or "no AVX2"


def library_throughput(index_dir: Path, questions: list[str], seconds: float, threads: int = 2) -> dict:
    from assistant.search import Searcher

    searcher = Searcher(index_dir)

    def ask(question: str) -> None:
        searcher.answered(searcher.search(question, k=5))

    for q in questions[:10]:
        ask(q)
    done = [0] * threads
    stop = time.monotonic() + seconds

    def worker(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            ask(questions[i % len(questions)])
            i += threads
            done[n] += 1

    t0 = time.monotonic()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.monotonic() - t0
    return {"threads": threads, "questions": sum(done), "questions_per_s": round(sum(done) / elapsed, 2)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_throughput(index_dir: Path, questions: list[str], seconds: float, clients: int) -> dict:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), "--index-dir",
                             str(index_dir), "--upload-dir", str(Path("/tmp") / f"assistant-bench-uploads-{port}")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(480):
            try:
                req = urllib.request.Request(url + "api/search", json.dumps({"question": questions[0]}).encode(),
                                             {"Content-Type": "application/json"})
                urllib.request.urlopen(req, timeout=30).read()
                break
            except OSError:
                time.sleep(0.25)
        run(url, 2, 5, questions=questions)  # warm: every thread's first call, page cache
        return run(url, clients, seconds, pid=proc.pid, questions=questions)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def collections(only: str | None) -> dict[str, tuple[Path, list[str]]]:
    out: dict[str, tuple[Path, list[str]]] = {}
    if only in (None, "default"):
        own = [json.loads(line)["text"] for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
               if line.strip()]
        out["default"] = (ROOT / "index", QUESTIONS + own)
    if only in (None, "scifact"):
        from assistant.evaluation import dataset_searcher, load_beir

        ds = load_beir(ROOT.parent / "shared" / "beir" / "scifact", "test")
        out["scifact"] = (dataset_searcher(ds, progress=True).index_dir, list(ds.queries.values()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--only", choices=["default", "scifact"])
    args = ap.parse_args()
    results = {"cpu": cpu_kind(), "cores": os.cpu_count()}
    for name, (index_dir, questions) in collections(args.only).items():
        lib = library_throughput(index_dir, questions, args.seconds)
        api = api_throughput(index_dir, questions, args.seconds, args.clients)
        results[name] = {"library": lib, "api": api, "api_share": round(api["requests_per_s"] / lib["questions_per_s"], 3)}
        print(json.dumps({name: results[name]}, indent=1), flush=True)
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "api-throughput.json").write_text(json.dumps(results, indent=1))
    print(json.dumps({"cpu": results["cpu"]}))


if __name__ == "__main__":
    main()

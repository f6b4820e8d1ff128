"""Concurrent clients against a running `assistant serve`, through the HTTP API (`POST /api/search`).

    python benchmarks/load_test.py --url http://127.0.0.1:7860/ --clients 20 --seconds 60 [--pid PID]

Each client is a thread with one keep-alive connection (the standard library's `http.client`, so
the clients cost the 2 shared cores little), asking the questions in turn.  Prints requests,
errors, throughput, p50/p95 latency and, with --pid, the server's resident memory at the end of the
first minute (or first fifth) and at the end.  The soak is `--clients 50 --seconds 300`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

QUESTIONS = ["Which brain regions are linked to depression?", "What is neuropsychotherapy?",
             "How does neuroplasticity help recovery from trauma?", "What is functional neuroplasticity?",
             "Do neuroscience-informed therapies have clinical trial evidence?", "Can meditation reshape the brain?"]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _post(conn: http.client.HTTPConnection, path: str, body: dict) -> dict:
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 200:
        raise RuntimeError(f"HTTP {resp.status}: {data[:200]!r}")
    return json.loads(data)


def run(url: str, clients: int, seconds: float, pid: int | None = None, questions: list[str] | None = None,
        k: int = 5) -> dict:
    questions = questions or QUESTIONS
    target = urlparse(url)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = time.monotonic()
    stop = start + seconds
    rss = {}

    def worker(n: int) -> None:
        conn = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        i = n
        while time.monotonic() < stop:
            q = questions[i % len(questions)]
            i += 1
            t0 = time.perf_counter()
            try:
                out = _post(conn, "/api/search", {"question": q, "k": k})
                ok = isinstance(out.get("hits"), list) and "answered" in out
            except (OSError, RuntimeError, http.client.HTTPException, ValueError) as exc:
                ok, out = False, str(exc)
                conn.close()
                conn = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                (latencies.append(dt) if ok else errors.append(str(out)[:200]))
        conn.close()

    def sampler() -> None:
        if pid is None:
            return
        time.sleep(min(60.0, seconds / 5))
        rss["early_kb"] = rss_kb(pid)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)] + [threading.Thread(target=sampler)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    if pid is not None:
        rss["end_kb"] = rss_kb(pid)
    lat = np.array(latencies) if latencies else np.array([0.0])
    result = {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
              "requests_per_s": round(len(latencies) / elapsed, 2),
              "p50_ms": round(float(np.percentile(lat, 50)), 1), "p95_ms": round(float(np.percentile(lat, 95)), 1),
              "first_errors": errors[:3], **rss}
    if rss.get("early_kb"):
        result["rss_growth"] = round(rss["end_kb"] / rss["early_kb"] - 1, 4)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:7860/")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--pid", type=int)
    args = ap.parse_args()
    print(json.dumps(run(args.url, args.clients, args.seconds, args.pid), indent=1))


if __name__ == "__main__":
    main()

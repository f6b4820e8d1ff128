"""Concurrent clients against a running `assistant serve`, through the Gradio API (`/search`).

    python benchmarks/load_test.py --url http://127.0.0.1:7860/ --clients 20 --seconds 60 [--pid PID]

Prints requests, errors, p50/p95 latency and, with --pid, the server's resident memory at the end of
the first minute (or first fifth) and at the end.  The issue-7 soak is `--clients 50 --seconds 300`.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from pathlib import Path

import numpy as np

QUESTIONS = ["Which brain regions are linked to depression?", "What is neuropsychotherapy?",
             "How does neuroplasticity help recovery from trauma?", "What is functional neuroplasticity?",
             "Do neuroscience-informed therapies have clinical trial evidence?", "Can meditation reshape the brain?"]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run(url: str, clients: int, seconds: float, pid: int | None = None) -> dict:
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    rss = {}

    def worker(n: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as exc:  # noqa: BLE001 - every failure is counted
            with lock:
                errors.append(f"connect: {exc}")
            return
        i = n
        while time.monotonic() < stop:
            q = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            t0 = time.perf_counter()
            try:
                out = json.loads(client.predict(q, "[]", 5, api_name="/search"))
                ok = bool(out.get("hits"))
            except Exception as exc:  # noqa: BLE001
                ok, out = False, str(exc)
            dt = (time.perf_counter() - t0) * 1000
            with lock:
                (latencies.append(dt) if ok else errors.append(str(out)[:200]))

    def sampler() -> None:
        if pid is None:
            return
        first = min(60.0, seconds / 5)
        time.sleep(first)
        rss["early_kb"] = rss_kb(pid)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)] + [threading.Thread(target=sampler)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if pid is not None:
        rss["end_kb"] = rss_kb(pid)
    lat = np.array(latencies) if latencies else np.array([0.0])
    result = {"clients": clients, "seconds": seconds, "requests": len(latencies), "errors": len(errors),
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

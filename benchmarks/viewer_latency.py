"""Browser latency of the source viewer: a citation clicked -> its PDF page drawn with the boxes on it.

Indexes `../shared/pdf-qa`'s PDFs in a scratch folder, serves them on 127.0.0.1, asks the set's
questions in Debian's Chromium (only their text is used: nothing is fitted to them) and clicks the
first PDF citation of each answer.  The clock runs in the page, from the click (capture phase) to
the first frame where the new page image has decoded with its boxes (views where the sentence got
no box are counted).  Enter ->
passages is timed the same way for the same questions.

    python benchmarks/viewer_latency.py [--questions 20] [--out artifacts/viewer-latency.json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF_QA = ROOT.parent / "shared" / "pdf-qa"

_CLICK_CLOCK = """() => { window.__lat = new Promise(resolve => {
    const old = document.querySelector('#source-view .source');
    if (old) old.dataset.old = '1';
    document.addEventListener('click', () => { window.__t0 = performance.now(); }, {capture: true, once: true});
    const give_up = performance.now() + 15000;
    const tick = () => {
        if (performance.now() > give_up) { resolve([null, document.querySelector('#source-view').innerText.slice(0, 300)]); return; }
        const v = document.querySelector('#source-view .source:not([data-old])');
        const img = v && v.querySelector('.pdf-page img');
        if (img && img.complete && img.naturalWidth > 0) {
            resolve([performance.now() - window.__t0, Number(v.querySelector('.pdf-page').dataset.sentenceBoxes)]);
        } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}); }"""

# Also the clock of tests/test_browser.py's Enter -> passages figure.
ENTER_CLOCK = """([n]) => { window.__lat = new Promise(resolve => {
    document.addEventListener('keydown', e => { if (e.key === 'Enter') window.__t0 = performance.now(); },
                              {capture: true, once: true});
    const obs = new MutationObserver(() => {
        const turns = document.querySelectorAll('#conversation .turn');
        if (turns.length > n && turns[n].querySelector('li.hit, .error, .empty')) {
            obs.disconnect(); resolve(performance.now() - window.__t0);
        }
    });
    obs.observe(document.querySelector('#conversation'), {childList: true, subtree: true});
}); }"""


def cpu_kind() -> str:
    flags = set(Path("/proc/cpuinfo").read_text().split()) if Path("/proc/cpuinfo").exists() else set()
    return " ".join(f for f in ("avx2", "avx512f", "avx512_bf16", "amx_bf16") if f in flags) or "unknown"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=int, default=20)
    ap.add_argument("--port", type=int, default=7911)
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "viewer-latency.json")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    questions = [json.loads(line)["question"] for line in (PDF_QA / "questions.jsonl").read_text().splitlines()
                 if line.strip()][: args.questions]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory(prefix="viewer-bench-") as work:
        subprocess.run([sys.executable, "-m", "assistant", "index", *map(str, sorted(PDF_QA.glob("*.pdf"))),
                        "--index-dir", f"{work}/index"],
                       check=True, capture_output=True, env=env)
        proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(args.port), "--index-dir",
                                 f"{work}/index"], cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{args.port}/"
        try:
            for _ in range(240):
                try:
                    urllib.request.urlopen(url, timeout=1)
                    break
                except OSError:
                    time.sleep(0.25)
            clicks, enters, unboxed, failed = [], [], 0, []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                            args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                page.goto(url)
                page.wait_for_selector("#question textarea", timeout=60_000)
                page.locator("#question textarea").fill("warm up")
                page.locator("#question textarea").press("Enter")
                page.wait_for_selector("#conversation li.hit", timeout=60_000)
                for q in questions:
                    page.get_by_role("tab", name="Ask").click()
                    # Each question stands alone (not a follow-up), in a conversation under its 20-turn cap.
                    page.locator("#new-chat").click()
                    page.wait_for_function("!document.querySelector('#conversation .turn .q')", timeout=30_000)
                    n = 0
                    page.locator("#question textarea").fill(q)
                    page.evaluate(ENTER_CLOCK, [n])
                    page.locator("#question textarea").press("Enter")
                    enters.append(page.evaluate("window.__lat"))
                    turn = page.locator("#conversation .turn").last
                    if turn.locator("details.closest").count():  # not answered: the closest passages are folded
                        turn.locator("details.closest > summary").click()
                    link = turn.locator("li.hit a.in-source").first
                    page.evaluate(_CLICK_CLOCK)
                    link.click()
                    ms, boxes = page.evaluate("window.__lat")
                    if ms is None:
                        failed.append({"question": q, "link": link.get_attribute("href"), "shown": boxes})
                        continue
                    clicks.append(ms)
                    unboxed += boxes == 0
                browser.close()
        finally:
            os.kill(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
    result = {"cpu": cpu_kind(), "questions": len(clicks),
              "citation_to_page_ms": {"p50": statistics.median(clicks), "p90": sorted(clicks)[int(0.9 * len(clicks))],
                                      "max": max(clicks)},
              "views_without_a_sentence_box": unboxed, "views_not_shown": failed,
              "enter_to_passages_ms": {"p50": statistics.median(enters), "max": max(enters)}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

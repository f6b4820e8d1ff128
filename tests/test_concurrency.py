"""Two writers at once, and searches while an upload is being indexed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

from assistant.ingest import load_file
from assistant.search import Searcher
from assistant.index import build_index, open_index
from tests.conftest import CORPUS, ROOT


def test_two_index_runs_at_once_do_not_corrupt(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "assistant", "index", "--rebuild"]
    first = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (tmp_path / "index" / ".lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # the first run holds the lock while it loads the model and embeds
    second = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    out1, err1 = first.communicate(timeout=300)
    assert first.returncode == 0, err1
    if second.returncode != 0:  # it ran while the first held the lock
        assert "another process is writing the index" in second.stderr
    store = open_index(tmp_path / "index")
    assert store.verify() == [] and store.n_documents == 4


def test_searches_answer_while_an_upload_is_indexed(tmp_path, corpus_index, encoder):
    idx = tmp_path / "index"
    shutil.copytree(corpus_index, idx)
    searcher = Searcher(idx, encoder=encoder)
    new = tmp_path / "upload.md"
    new.write_text("# Octopus cognition\n\n" + "The octopus solves puzzles with its arms. " * 200)
    doc, _ = load_file(new, "uploads/upload.md")
    errors: list[BaseException] = []
    answered = 0
    done = threading.Event()

    def index():
        try:
            build_index(idx, [doc], encoder, keep_existing=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=index)
    t.start()
    while not done.is_set():
        hits = searcher.search("Which brain regions are linked to depression?", k=3)
        assert hits[0].doc_id == "neuroplasticity-and-neuropsychiatry.txt"
        answered += 1
    t.join()
    assert not errors and answered > 0
    searcher.reload()
    assert searcher.search("octopus puzzles", k=1)[0].doc_id == "uploads/upload.md"

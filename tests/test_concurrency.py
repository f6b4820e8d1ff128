"""Two writers at once, and searches while an upload is being indexed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

from assistant.index import build_index, index_lock, open_index
from assistant.ingest import load_file
from assistant.search import Searcher
from tests.conftest import CORPUS, ROOT


def test_a_second_writer_is_refused_and_corrupts_nothing(tmp_path):
    # This test holds the writer lock the way a running `assistant index` does; a second process
    # must be refused with the message, leave the index as it was, and succeed once the lock is free.
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "assistant", "index", "--rebuild"]
    assert subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, timeout=300).returncode == 0
    live = (tmp_path / "index" / "CURRENT").read_text()
    with index_lock(tmp_path / "index"):
        second = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 1 and "another process is writing the index" in second.stderr
    assert (tmp_path / "index" / "CURRENT").read_text() == live
    third = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert third.returncode == 0, third.stderr
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


def test_an_index_opened_before_a_build_still_reads_its_files_after_it(tmp_path, corpus_index, encoder):
    # A searcher opens BM25 and the vectors on its first question, which may come after an upload's
    # build has switched to a new generation: the generation it opened must still be on disk then.
    idx = tmp_path / "index"
    shutil.copytree(corpus_index, idx)
    before = open_index(idx)  # nothing read yet but the tables
    new = tmp_path / "upload.md"
    new.write_text("# Octopus cognition\n\nThe octopus solves puzzles with its arms.")
    doc, _ = load_file(new, "uploads/upload.md")
    build_index(idx, [doc], encoder, keep_existing=True)
    assert open_index(idx).directory != before.directory
    assert before.bm25_scores(["octopu"]).shape == (len(before),)
    q = encoder.encode(["Which brain regions are linked to depression?"])[0]
    assert len(before.vector_search(q, 3)) == 3

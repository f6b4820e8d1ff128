from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from assistant.ui.app import MAX_UPLOAD_BYTES, App, safe_filename
from tests.conftest import ROOT


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "passwd"), ("/abs/path/notes.md", "notes.md"), ("..\\..\\win.txt", "win.txt"),
    ("..", "upload"), (".hidden.txt", "hidden.txt"), ("a<b>|c.pdf", "a_b__c.pdf"), ("", "upload"),
])
def test_upload_names_stay_in_the_folder(name, expected):
    assert safe_filename(name) == expected


def test_upload_type_and_size_limits(tmp_path, corpus_index):
    import shutil

    idx = tmp_path / "index"
    shutil.copytree(corpus_index, idx)
    app = App(idx, tmp_path / "uploads")
    exe = tmp_path / "run.sh"
    exe.write_text("echo hi")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_UPLOAD_BYTES + 1)
    report, _ = app.upload([str(exe), str(big)])
    assert "run.sh: type not accepted" in report and "over the 20 MB limit" in report
    assert not (tmp_path / "uploads" / "run.sh").exists() and not (tmp_path / "uploads" / "big.txt").exists()


def test_exposed_server_needs_a_login(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ASSISTANT_AUTH", None)
    proc = subprocess.run([sys.executable, "-m", "assistant", "serve", "--host", "0.0.0.0"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1 and "without a login" in proc.stderr
    bad = subprocess.run([sys.executable, "-m", "assistant", "serve", "--host", "0.0.0.0", "--auth", "nopassword"],
                         cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1 and "USER:PASSWORD" in bad.stderr


def test_index_and_claim_models_are_read_without_unpickling(tmp_path, corpus_index, encoder, monkeypatch):
    # With every unpickling entry point made to fail, a fresh index opens, answers, updates and
    # the claim models load and check: nothing the product stores is a pickle.
    import pickle

    import numpy as np

    from assistant.claims import ClaimChecker
    from assistant.index import build_index, open_index
    from assistant.ingest import document_from_text
    from assistant.search import Searcher

    def refuse(*args, **kwargs):
        raise AssertionError("something was unpickled")

    encoder.encode(["the model's own weights are loaded before the guard"])
    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pickle, name, refuse)
    idx = tmp_path / "index"
    shutil.copytree(corpus_index, idx)
    searcher = Searcher(idx, encoder=encoder)
    assert searcher.search("Which brain regions are linked to depression?", k=3)
    assert ClaimChecker(searcher).check("Neuroplasticity continues in adulthood.").verdict
    build_index(idx, [document_from_text("note.txt", "Octopus arms solve puzzles.")], encoder, keep_existing=True)
    assert Searcher(idx, encoder=encoder).search("octopus puzzles", k=1)[0].doc_id == "note.txt"
    for npy in open_index(idx).directory.glob("*.npy"):
        np.load(npy, allow_pickle=False)


def test_clients_see_paths_within_the_collection_not_the_servers(tmp_path):
    # Indexed through an absolute path, the documents say where they are in the collection
    # ("papers/x.txt"); no answer, claim check or ingest entry sent to a client holds the
    # server's folder.
    import json

    collection = tmp_path / "server-private" / "papers"
    shutil.copytree(ROOT / "corpus", collection)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = lambda *args: subprocess.run([sys.executable, "-m", "assistant", *args, "--index-dir", str(tmp_path / "idx")],  # noqa: E731
                                       cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert run("index", str(collection.resolve())).returncode == 0
    hits = run("search", "Which brain regions are linked to depression?", "--json")
    verdict = run("check", "Neuroplasticity continues in adulthood.", "--json")
    for out in (hits.stdout, verdict.stdout):
        assert out and str(tmp_path) not in out and "server-private" not in out
    assert all(h["source"].startswith("papers/") for h in json.loads(hits.stdout)["hits"])


def test_a_stored_conversation_is_read_back_only_when_well_formed():
    # The browser keeps the conversation; a user can edit what it holds.
    from assistant.ui.app import restore_turns

    hit = {"rank": 1, "score": 0.5, "doc_id": "a.txt", "title": "A", "source": "c/a.txt", "start": 0, "end": 4,
           "page": None, "text": "abcd", "highlight": {"text": "ab", "start": 0, "end": 2}}
    kept = restore_turns([{"question": "q", "resolved": "q", "hits": [hit, {**hit, "start": "0"}, {**hit, "page": 3,
                                                                                                  "rank": "x"}]}])
    assert [len(t["hits"]) for t in kept] == [1]
    assert restore_turns("not a list") == [] and restore_turns([1, None, {"hits": []}]) == []
    docs = restore_turns([{"question": "q", "conversation_documents": ["a.txt", 7, {"x": 1}]},
                          {"question": "r", "conversation_documents": "a.txt"}])
    assert [t["conversation_documents"] for t in docs] == [["a.txt"], []]

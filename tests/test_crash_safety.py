"""Kill `assistant index` with SIGKILL mid-build; the previous index must answer exactly as before."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

from tests.conftest import CORPUS, ROOT


def _run(args, cwd, **kw):
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=600, **kw)


# `assistant index corpus` that SIGKILLs itself on reaching a function of the builder: a kill point
# that does not depend on how fast the machine writes a small index.
_KILLED_AT = """
import os, signal, sys
import assistant.index.builder as builder
setattr(builder, sys.argv[1], lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
from assistant.cli.main import main
sys.exit(main(["index", "corpus"]))
"""


def _answer(index_dir, encoder) -> list[dict]:
    """The index's answer, read afresh from its files as a new process would."""
    from assistant.search import Searcher

    return [h.to_dict() for h in Searcher(index_dir, encoder=encoder).search("Which brain regions are linked to depression?")]


def test_sigkill_during_builds_never_loses_the_index(tmp_path, corpus_index, encoder):
    from assistant.index import open_index

    work = tmp_path
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(corpus_index, work / "index")
    expected = _answer(work / "index", encoder)
    assert expected
    killed = 0
    for i in range(5):
        live = (work / "index" / "CURRENT").read_text().strip()
        # A change that forces real work: one document rewritten, one added.
        (work / "corpus" / "neuropsychotherapy.txt").write_text(
            (CORPUS / "neuropsychotherapy.txt").read_text() + f"\n\nRevision {i}: sleep supports memory.\n")
        (work / "corpus" / f"extra-{i}.md").write_text(f"# Extra {i}\n\nNotes about synapses number {i}.\n")
        # Three kill points, all before the new generation is published: while the writer holds the
        # lock (loading the model, embedding), halfway through writing the new generation's files
        # (at BM25), and with every file written but not yet published.
        # (embedding is killed at its call inside the lock: a kill timed by polling for the lock
        # had raced a build that finished first on a fast run)
        point = ("embed_plan", "write_bm25", "publish")[i % 3]
        proc = subprocess.Popen([sys.executable, "-c", _KILLED_AT, point], cwd=work, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        proc.wait()
        killed += proc.returncode == -signal.SIGKILL
        if point != "embed_plan":
            assert list((work / "index").glob(".building-*")), f"{point}: killed while writing a generation (rc {proc.returncode})"
        now = (work / "index" / "CURRENT").read_text().strip()
        after = _answer(work / "index", encoder)
        if now == live:  # the build died: the previous index answers exactly as before
            assert after == expected
        expected = after
        assert open_index(work / "index").verify() == []  # checksums of the live generation hold
    assert killed == 5
    # Leftover half-written generations never confuse a later build.
    final = _run(["index", "corpus"], work)
    assert final.returncode == 0, final.stderr
    assert not list((work / "index").glob(".building-*"))
    search = _run(["search", "Which brain regions are linked to depression?", "--json", "--k", "5"], work)
    assert json.loads(search.stdout)["hits"][0]["doc_id"] == "neuroplasticity-and-neuropsychiatry.txt"

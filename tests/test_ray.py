"""`assistant index --ray ADDRESS` against a local Ray cluster that this test starts and stops."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import CORPUS, ROOT

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ray_cluster(tmp_path_factory):
    """A one-node Ray cluster on 127.0.0.1, stopped by its PID (`ray start --block` stops with it)."""
    port = _free_port()
    temp = tmp_path_factory.mktemp("ray")
    ray_bin = Path(sys.executable).parent / "ray"
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [str(ray_bin), "start", "--head", "--block", "--node-ip-address=127.0.0.1", f"--port={port}",
         "--num-cpus=2", "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    address = f"127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        check = subprocess.run([str(ray_bin), "status", f"--address={address}"], capture_output=True, env=env)
        if check.returncode == 0:
            break
        if proc.poll() is not None:
            pytest.fail(f"ray start exited: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        time.sleep(1)
    else:
        proc.kill()
        pytest.fail("the local Ray cluster did not come up in 120 s")
    yield address
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        # Ray's graceful stop takes about half a minute; its processes share this group, so after a
        # short grace they are killed with it and nothing is left running.
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def test_ray_build_writes_the_same_index_as_a_local_build(ray_cluster, tmp_path, corpus_index):
    from assistant.index import open_index
    from assistant.search import Searcher

    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ASSISTANT_CACHE=str(tmp_path / ".cache"))
    proc = subprocess.run([sys.executable, "-m", "assistant", "index", "corpus", "--ray", ray_cluster,
                           "--index-dir", "idx"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "4 embedded" in proc.stdout
    remote, local = open_index(tmp_path / "idx"), open_index(corpus_index)
    # Same format, same passages, the same vectors up to arithmetic rounding.
    assert sorted(p.name for p in remote.directory.iterdir()) == sorted(p.name for p in local.directory.iterdir())
    assert remote.doc_ids == local.doc_ids
    assert [remote.passage(r) for r in range(len(remote))] == [local.passage(r) for r in range(len(local))]
    assert (np.einsum("ij,ij->i", remote.passage_vectors(), local.passage_vectors()) > 0.99).all()
    hits = Searcher(tmp_path / "idx").search("Which brain regions are linked to depression?", k=1)
    assert hits[0].doc_id == "neuroplasticity-and-neuropsychiatry.txt"


def test_ray_address_that_answers_nothing_is_a_clear_error(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ASSISTANT_CACHE=str(tmp_path / ".cache"))
    proc = subprocess.run([sys.executable, "-m", "assistant", "index", "corpus", "--ray", f"127.0.0.1:{_free_port()}",
                           "--index-dir", "idx"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "Ray" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "idx" / "CURRENT").exists()

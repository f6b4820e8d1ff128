from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from assistant.ui.app import MAX_UPLOAD_BYTES, App, safe_filename


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


def test_no_pickle_anywhere_in_the_product():
    for path in list((ROOT / "assistant").rglob("*.py")) + list((ROOT / "ui").rglob("*.py")):
        text = Path(path).read_text()
        assert "import pickle" not in text and "allow_pickle=True" not in text, path

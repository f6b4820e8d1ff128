from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant import config
from assistant.embedding.precision import cpu_has_bf16

ROOT = Path(__file__).resolve().parent.parent

# The test session's arithmetic is fixed, in this process and the servers and commands it starts:
# "auto" is a timing measurement,
# and under the load of the tests themselves it picked int8 on one AVX2 machine, where int8 is no
# faster when measured alone, and vectors that depend on their batch turned borderline checks. The
# paths each have their own tests (test_encoder.py); this is what "auto" picks where bf16 is native
# and where it is not, measured alone.
if "ASSISTANT_PRECISION" not in os.environ:  # subprocesses read the variable, this process the config
    os.environ["ASSISTANT_PRECISION"] = config.ENCODER_PRECISION = "bf16" if cpu_has_bf16() else "fp32"

SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
PDF_SAMPLES = SHARED / "pdf-samples"
SCIFACT = SHARED / "beir" / "scifact"
PDF_QA = SHARED / "pdf-qa"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def encoder():
    from assistant.embedding import get_encoder

    enc = get_encoder()
    enc.warm_up()
    return enc


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, encoder) -> Path:
    """The default corpus indexed once for the session (real model, real FAISS, real BM25)."""
    from assistant.index import build_index
    from assistant.ingest import load_paths

    index_dir = tmp_path_factory.mktemp("corpus-index")
    build_index(index_dir, load_paths([CORPUS]).documents, encoder)
    return index_dir


@pytest.fixture(scope="session")
def searcher(corpus_index, encoder):
    from assistant.search import Searcher

    return Searcher(corpus_index, encoder=encoder)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


def same_document_pairs(hits):
    """Every pair of hits from one document, for checks that a spot is cited once."""
    return [(a, b) for i, a in enumerate(hits) for b in hits[i + 1 :] if a.doc_id == b.doc_id]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(work: Path, *args: str):
    """`assistant serve` on 127.0.0.1 in `work` (which holds corpus/ and index/), stopped by its PID."""
    port = _free_port()
    log = (work / "server.log").open("w")
    started = time.monotonic()
    # Gradio keeps a copy of every uploaded file in its temporary folder (/tmp/gradio unless told):
    # the test's own folder, so that runs leave nothing behind.
    env = dict(os.environ, PYTHONPATH=str(ROOT), GRADIO_TEMP_DIR=str(work / "gradio-tmp"))
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port), *args], cwd=work,
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except urllib.error.HTTPError:
                break  # answering (a login page or a refusal is an answer)
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError((work / "server.log").read_text()) from None
                time.sleep(0.25)
        else:
            raise RuntimeError("server did not start: " + (work / "server.log").read_text())
        yield {"url": url, "work": work, "ready_s": time.monotonic() - started, "pid": proc.pid, "port": port}
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def server_work(tmp_path_factory, corpus_index) -> Path:
    """A folder with a copy of the corpus (plus a document that tries script injection) and its index."""
    work = tmp_path_factory.mktemp("serve")
    shutil.copytree(CORPUS, work / "corpus")
    shutil.copytree(corpus_index, work / "index")
    (work / "corpus" / "xss.txt").write_text(
        "Injected page\n\nThis document mentions <script>window.__xss=1</script> and "
        "<img src=x onerror=\"window.__xss=2\"> inside its text about hippocampus volume.\n")
    subprocess.run([sys.executable, "-m", "assistant", "index"], cwd=work, check=True, capture_output=True,
                   env=dict(os.environ, PYTHONPATH=str(ROOT)))
    return work


@pytest.fixture(scope="session")
def server(server_work):
    """One `assistant serve` for the browser, API and MCP tests."""
    with running_server(server_work) as srv:
        yield srv


def pdf_word_centres(path: Path, page: int, word: str) -> list[tuple[float, float]]:
    """Centres of every occurrence of `word` on a PDF page, as fractions of the page (top-left
    origin), straight from PDFium's text search and character boxes: the check on drawn boxes."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pg = pdf[page - 1]
        w, h = pg.get_size()
        tp = pg.get_textpage()
        searcher = tp.search(word, match_case=True, match_whole_word=True)
        out = []
        while (found := searcher.get_next()) is not None:
            boxes = [tp.get_charbox(j) for j in range(found[0], found[0] + found[1])]
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            bottom, top = min(b[1] for b in boxes), max(b[3] for b in boxes)
            out.append(((left + right) / 2 / w, 1 - (bottom + top) / 2 / h))
        return out
    finally:
        pdf.close()


def inside_any(point: tuple[float, float], rects, slack: float = 0.004) -> bool:
    x, y = point
    return any(x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack for x0, y0, x1, y1 in rects)


def searcher_of_file(encoder, path: Path, text: str):
    """A searcher over one document written to `path` and read as the product reads it, in memory."""
    from assistant.config import ChunkingParams
    from assistant.index import MemoryIndex
    from assistant.ingest import load_file
    from assistant.search import Searcher

    path.write_text(text)
    doc, _ = load_file(path, path.name)
    return Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))


# A second document beside a study's, so that a question or claim can name one of two.
OTHER_DOCUMENT = {"sleep.md": "# Sleep and memory\n\n## Background\n\nDeep sleep consolidates memories.\n"}


def searcher_of_files(encoder, folder: Path, files: dict[str, str]):
    """A searcher over the documents `files` (name -> text) written to `folder` and read as the
    product reads them, in memory, in the order given."""
    from assistant.index import MemoryIndex
    from assistant.ingest import load_paths
    from assistant.search import Searcher

    for name, text in files.items():
        (folder / name).write_text(text)
    docs = load_paths([folder / name for name in files]).documents
    return Searcher(encoder=encoder, index=MemoryIndex(docs, encoder))

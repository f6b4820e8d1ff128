from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
PDF_SAMPLES = SHARED / "pdf-samples"
SCIFACT = SHARED / "beir" / "scifact"
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

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.config import ChunkingParams
from assistant.documents import load_paths
from assistant.retrieve import Searcher
from assistant.store import StoreError, build_index, index_lock, open_store


def _build(index_dir: Path, corpus: Path, encoder, **kw):
    return build_index(index_dir, load_paths([corpus]).documents, encoder, **kw)


def test_layout_manifest_and_no_pickle(tmp_path, corpus_copy, encoder):
    _build(tmp_path / "idx", corpus_copy, encoder)
    store = open_store(tmp_path / "idx")
    m = store.manifest
    assert m["model"]["dim"] == 384 and m["chunking"] == ChunkingParams().as_dict()
    assert set(m["documents"]) == {p.name for p in corpus_copy.iterdir()}
    assert all(len(d["sha256"]) == 64 for d in m["documents"].values())
    assert "faiss-cpu" in m["libraries"] and m["index"]["type"] == "flat"
    assert all(f["sha256"] for f in m["files"].values())
    for npy in store.directory.glob("*.npy"):
        np.load(npy, allow_pickle=False)  # would raise on a pickled object array
    assert isinstance(store.dense, np.memmap)
    assert store.verify() == []


def test_incremental_updates(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    first = _build(idx, corpus_copy, encoder)
    s0 = open_store(idx)
    kept = "neuropsychotherapy.txt"
    kept_vectors = np.array(s0.dense[s0.passages_of([kept])])
    assert first.embedded_documents == 4
    again = _build(idx, corpus_copy, encoder)
    assert again.embedded_documents == 0 and again.embedded_passages == 0 and again.reused_documents == 4
    # Change one file: only that one is embedded again, and its new words are searchable.
    f = corpus_copy / "neuroplasticity-and-neuropsychiatry.txt"
    # (before the page's comment footer, which cleaning drops with everything after it)
    text = f.read_text()
    assert "\n\nThank you for the feedback" in text
    f.write_text(text.replace("\n\nThank you for the feedback",
                              "\n\nZebrafish swim in the aquarium of the therapist.\n\nThank you for the feedback"))
    before = open_store(idx).manifest["documents"]["neuroplasticity-and-neuropsychiatry.txt"]["passages"]
    changed = _build(idx, corpus_copy, encoder)
    assert changed.embedded_documents == 1 and changed.reused_documents == 3
    # Within the edited file only the passages the new sentence falls into are embedded again.
    assert 1 <= changed.embedded_passages <= 2 < before
    # The incremental index holds exactly what a fresh build of the same files holds.
    fresh_dir = tmp_path / "fresh"
    _build(fresh_dir, corpus_copy, encoder)
    inc, fresh = open_store(idx), open_store(fresh_dir)
    assert np.array_equal(inc.passage_span, fresh.passage_span)
    # (cosine, not equality: bf16 batches and a single fp32 text round differently)
    assert (np.einsum("ij,ij->i", inc.dense, fresh.dense) > 0.99).all()
    sv_inc, sv_fresh = np.asarray(inc.sentence_vectors, np.float32), np.asarray(fresh.sentence_vectors, np.float32)
    assert (np.einsum("ij,ij->i", sv_inc, sv_fresh) > 0.99).all()
    q = Searcher(idx, encoder=encoder)._bm25_scores("zebrafish therapist depression")
    assert np.allclose(q, Searcher(fresh_dir, encoder=encoder)._bm25_scores("zebrafish therapist depression"))
    hits = Searcher(idx, encoder=encoder).search("zebrafish aquarium", k=1)
    assert hits[0].doc_id == "neuroplasticity-and-neuropsychiatry.txt" and "Zebrafish" in hits[0].text
    # Remove a file: it leaves the index.
    (corpus_copy / "neuroscience-informed-psychotherapy-review.txt").unlink()
    removed = _build(idx, corpus_copy, encoder)
    assert removed.removed_documents == 1 and removed.embedded_documents == 0
    assert "neuroscience-informed-psychotherapy-review.txt" not in open_store(idx).doc_index
    # Reused vectors are the very vectors that were embedded before.
    s = open_store(idx)
    assert np.array_equal(np.asarray(s.dense[s.passages_of([kept])]), kept_vectors)


def test_other_chunking_rebuilds_not_mixes(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    report = _build(idx, corpus_copy, encoder, chunking=ChunkingParams(max_tokens=128))
    assert "rebuilding" in report.notice and report.embedded_documents == 4
    assert open_store(idx).manifest["chunking"]["max_tokens"] == 128


def test_crash_during_build_keeps_previous_index(tmp_path, corpus_copy, encoder, monkeypatch):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    before = [h.to_dict() for h in Searcher(idx, encoder=encoder).search("depression brain regions")]
    import assistant.store as store_mod

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_mod, "_write_bm25", boom)
    (corpus_copy / "new.txt").write_text("A new document about sleep.")
    with pytest.raises(RuntimeError):
        _build(idx, corpus_copy, encoder)
    monkeypatch.undo()
    after = [h.to_dict() for h in Searcher(idx, encoder=encoder).search("depression brain regions")]
    assert after == before
    assert not list(idx.glob(".building-*"))


def test_damaged_index_is_reported_with_repair_command(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    gen = open_store(idx).directory
    dense = gen / "dense.npy"
    dense.write_bytes(dense.read_bytes()[:100])
    with pytest.raises(StoreError, match="rebuild"):
        open_store(idx)
    # Same size, altered bytes: caught by the checksums.
    _build(idx, corpus_copy, encoder, rebuild=True)
    gen = open_store(idx).directory
    data = (gen / "documents.jsonl").read_bytes()
    (gen / "documents.jsonl").write_bytes(data.replace(b"brain", b"BRAIN", 1))
    assert open_store(idx).verify() == ["documents.jsonl"]
    (idx / "CURRENT").write_text("gen-missing")
    with pytest.raises(StoreError, match="rebuild"):
        open_store(idx)


def test_missing_index(tmp_path):
    with pytest.raises(StoreError, match="no index"):
        open_store(tmp_path / "none")


def test_second_writer_gets_clear_message(tmp_path):
    with index_lock(tmp_path):
        with pytest.raises(StoreError, match="another process"):
            with index_lock(tmp_path):
                pass


def test_manifest_is_json_and_documents_keep_text(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    gen = open_store(idx).directory
    json.loads((gen / "manifest.json").read_text())
    shutil.rmtree(gen / "bm25")
    with pytest.raises(StoreError):
        open_store(idx)


def _clustered(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n unit vectors around 50 centres (an index has neighbourhoods to find), and 50 queries
    close to the first 50 of them."""
    centers = rng.standard_normal((50, 384)).astype(np.float32)
    vecs = centers[rng.integers(0, 50, n)] + 0.3 * rng.standard_normal((n, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    queries = vecs[:50] + 0.05 * rng.standard_normal((50, 384)).astype(np.float32)
    return vecs, queries


def _recall_at_10(got, queries: np.ndarray, vecs: np.ndarray) -> float:
    exact = np.argsort(-(queries @ vecs.T), axis=1)[:, :10]
    return float(np.mean([len(set(np.asarray(a).tolist()) & set(b.tolist())) / 10 for a, b in zip(got, exact)]))


def test_large_collections_get_ivf_with_recorded_parameters(tmp_path, monkeypatch):
    import assistant.store as store_mod

    monkeypatch.setattr(store_mod, "FLAT_LIMIT", 1000)
    vecs, queries = _clustered(np.random.default_rng(0), 5000)
    meta = store_mod._write_faiss(tmp_path / "faiss.index", vecs)
    assert meta["type"] == "ivf_flat" and meta["nlist"] == int(4 * np.sqrt(5000)) and meta["nprobe"] == 32
    index = store_mod.load_faiss(tmp_path / "faiss.index", meta)
    _, got = index.search(queries, 10)
    assert _recall_at_10(got, queries, vecs) >= 0.9


def test_index_from_before_term_table_and_offsets_still_opens_and_updates(tmp_path, corpus_copy, encoder):
    # An index written by the previous release has no BM25 term table and no document offsets:
    # it must open, answer, and be extended without a full rebuild.
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    gen = open_store(idx).directory
    manifest = json.loads((gen / "manifest.json").read_text())
    for name in ("bm25_terms.npy", "bm25_offsets.npy", "bm25_vocab.json", "documents_offsets.npy"):
        (gen / name).unlink()
        del manifest["files"][name]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    old = Searcher(idx, encoder=encoder).search("Which brain regions are linked to depression?", k=3)
    (corpus_copy / "extra.txt").write_text("Zebrafish swim in the aquarium of the therapist.\n")
    report = _build(idx, corpus_copy, encoder)
    assert report.embedded_documents == 1 and report.reused_documents == 4
    new = Searcher(idx, encoder=encoder)
    assert [h.doc_id for h in new.search("Which brain regions are linked to depression?", k=3)] == \
        [h.doc_id for h in old]
    assert new.search("zebrafish aquarium", k=1)[0].doc_id == "extra.txt"
    assert (open_store(idx).directory / "bm25_terms.npy").exists()


def test_product_quantised_index_reranks_exactly(tmp_path, monkeypatch):
    # Above PQ_LIMIT the FAISS index keeps 96-byte codes; search re-scores the PQ candidates with
    # the exact vectors, so the top 10 still agree with exact search.
    import assistant.store as store_mod

    monkeypatch.setattr(store_mod, "FLAT_LIMIT", 1000)
    monkeypatch.setattr(store_mod, "PQ_LIMIT", 4000)
    vecs, queries = _clustered(np.random.default_rng(1), 12000)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    meta = store_mod._write_faiss(tmp_path / "faiss.index", vecs)
    assert meta["type"] == "ivf_pq" and meta["pq_subquantizers"] == 96 and meta["rerank"] == 100
    # 96 one-byte codes and an 8-byte id a vector, plus centroids and codebooks, instead of 1,536
    # bytes of floats a vector
    fixed = meta["nlist"] * 384 * 4 + 96 * 256 * 4 * 4
    assert (tmp_path / "faiss.index").stat().st_size < 1.1 * (fixed + 12000 * 104) < 12000 * 1536 / 6
    index = store_mod.load_faiss(tmp_path / "faiss.index", meta)
    got = [store_mod.search_vectors(index, meta, vecs, q, 10) for q in queries]
    assert all(len(g) == 10 for g in got)
    assert _recall_at_10(got, queries, vecs) >= 0.9
    # best first, by exact score
    scores = vecs[got[0]] @ queries[0]
    assert np.all(np.diff(scores) <= 1e-6)


def test_index_type_is_kept_and_falls_back_when_too_small(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder, index_type="ivf_pq")
    meta = open_store(idx).manifest["index"]
    # a dozen passages cannot train IVF-PQ: exact search, and the manifest says what was asked
    assert meta["type"] == "flat" and meta["requested"] == "ivf_pq"
    (corpus_copy / "extra.txt").write_text("An added note about sleep and memory consolidation.\n")
    _build(idx, corpus_copy, encoder)  # an update without the option keeps the request
    assert open_store(idx).manifest["index"]["requested"] == "ivf_pq"
    with pytest.raises(StoreError, match="index type"):
        _build(idx, corpus_copy, encoder, index_type="hnsw")

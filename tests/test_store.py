from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.chunking import make_passages
from assistant.config import ChunkingParams
from assistant.index import StoreError, build_index, index_lock, open_index
from assistant.ingest import document_from_text, load_paths
from assistant.search import Searcher
from assistant.text import bm25_tokenize


def _build(index_dir: Path, corpus: Path, encoder, **kw):
    return build_index(index_dir, load_paths([corpus]).documents, encoder, **kw)


def test_layout_manifest_and_no_pickle(tmp_path, corpus_copy, encoder):
    _build(tmp_path / "idx", corpus_copy, encoder)
    store = open_index(tmp_path / "idx")
    m = store.manifest
    assert m["model"]["dim"] == 384 and m["chunking"] == ChunkingParams().as_dict()
    assert set(m["documents"]) == {p.name for p in corpus_copy.iterdir()}
    assert all(len(d["sha256"]) == 64 for d in m["documents"].values())
    assert "faiss-cpu" in m["libraries"] and m["index"]["type"] == "flat"
    assert all(f["sha256"] for f in m["files"].values())
    for npy in store.directory.glob("*.npy"):
        np.load(npy, allow_pickle=False)  # would raise on a pickled object array
    assert isinstance(store.tables.dense, np.memmap)  # opening maps the vectors, reads none
    assert store.verify() == []


def test_incremental_updates(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    first = _build(idx, corpus_copy, encoder)
    s0 = open_index(idx)
    kept = "neuropsychotherapy.txt"
    kept_vectors = s0.passage_vectors(s0.passage_rows([s0.doc_row(kept)]))
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
    before = open_index(idx).manifest["documents"]["neuroplasticity-and-neuropsychiatry.txt"]["passages"]
    changed = _build(idx, corpus_copy, encoder)
    assert changed.embedded_documents == 1 and changed.reused_documents == 3
    # Within the edited file only the passages the new sentence falls into are embedded again.
    assert 1 <= changed.embedded_passages <= 2 < before
    # The incremental index holds exactly what a fresh build of the same files holds.
    fresh_dir = tmp_path / "fresh"
    _build(fresh_dir, corpus_copy, encoder)
    inc, fresh = open_index(idx), open_index(fresh_dir)
    assert [inc.passage(r) for r in range(len(inc))] == [fresh.passage(r) for r in range(len(fresh))]
    # (cosine, not equality: bf16 batches and a single fp32 text round differently)
    assert (np.einsum("ij,ij->i", inc.passage_vectors(), fresh.passage_vectors()) > 0.99).all()
    all_sentences = range(inc.document_sentences(inc.n_documents - 1).stop)
    sv_inc, sv_fresh = inc.sentence_vectors(all_sentences), fresh.sentence_vectors(all_sentences)
    assert len(sv_inc) == len(fresh.sentence_vectors(range(fresh.document_sentences(fresh.n_documents - 1).stop)))
    assert (np.einsum("ij,ij->i", sv_inc, sv_fresh) > 0.99).all()
    tokens = bm25_tokenize(["zebrafish therapist depression"])[0]
    assert np.allclose(inc.bm25_scores(tokens), fresh.bm25_scores(tokens))
    hits = Searcher(idx, encoder=encoder).search("zebrafish aquarium", k=1)
    assert hits[0].doc_id == "neuroplasticity-and-neuropsychiatry.txt" and "Zebrafish" in hits[0].text
    # Remove a file: it leaves the index.
    (corpus_copy / "neuroscience-informed-psychotherapy-review.txt").unlink()
    removed = _build(idx, corpus_copy, encoder)
    assert removed.removed_documents == 1 and removed.embedded_documents == 0
    assert open_index(idx).doc_row("neuroscience-informed-psychotherapy-review.txt") is None
    # Reused vectors are the very vectors that were embedded before.
    s = open_index(idx)
    assert np.array_equal(s.passage_vectors(s.passage_rows([s.doc_row(kept)])), kept_vectors)


def test_a_file_read_to_other_text_is_chunked_again_not_given_old_offsets(tmp_path, encoder):
    # The same bytes (same content hash) read to other text, as after an upgrade of a reading
    # library: reusing the old sentence offsets on the new text highlighted "ebug Build a debug
    # version" for a sentence that starts elsewhere.
    old = document_from_text("notes.md", "Intro line here.\n\nThe answer is forty-two. It was found late.",
                             title="Notes")
    build_index(tmp_path / "idx", [old], encoder)
    new = replace(old, text="Intro.\n\nThe answer is forty-two. It was found late.")
    report = build_index(tmp_path / "idx", [new], encoder)
    assert report.embedded_documents == 1 and report.reused_documents == 0
    index = open_index(tmp_path / "idx")
    spans = [index.sentence_span(r) for r in index.document_sentences(0)]
    assert [new.text[a:b] for a, b in spans][-2:] == ["The answer is forty-two.", "It was found late."]
    # The same text under a better title (a page's site name dropped from it) is embedded again:
    # every passage's vector reads the title.
    retitled = replace(new, title="The answer")
    report = build_index(tmp_path / "idx", [retitled], encoder)
    assert report.embedded_documents == 1 and open_index(tmp_path / "idx").document(0).title == "The answer"


def test_other_chunking_rebuilds_not_mixes(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    report = _build(idx, corpus_copy, encoder, chunking=ChunkingParams(max_tokens=128))
    assert "rebuilding" in report.notice and report.embedded_documents == 4
    assert open_index(idx).manifest["chunking"]["max_tokens"] == 128


def test_other_chunking_code_rebuilds_with_the_same_parameters(tmp_path, corpus_copy, encoder, monkeypatch):
    # Passages from an earlier revision of the chunking code are not mixed with today's, even
    # when every parameter is the same.
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    import assistant.config as config

    monkeypatch.setattr(config, "CHUNKING_REVISION", config.CHUNKING_REVISION + 1)
    report = _build(idx, corpus_copy, encoder)
    assert "rebuilding" in report.notice and report.embedded_documents == 4
    assert open_index(idx).manifest["chunking"]["revision"] == config.CHUNKING_REVISION


def test_crash_during_build_keeps_previous_index(tmp_path, corpus_copy, encoder, monkeypatch):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    before = [h.to_dict() for h in Searcher(idx, encoder=encoder).search("depression brain regions")]
    import assistant.index.builder as builder

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(builder, "write_bm25", boom)
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
    gen = open_index(idx).directory
    dense = gen / "dense.npy"
    dense.write_bytes(dense.read_bytes()[:100])
    with pytest.raises(StoreError, match="rebuild"):
        open_index(idx)
    # Same size, altered bytes: caught by the checksums.
    _build(idx, corpus_copy, encoder, rebuild=True)
    gen = open_index(idx).directory
    data = (gen / "documents.jsonl").read_bytes()
    (gen / "documents.jsonl").write_bytes(data.replace(b"brain", b"BRAIN", 1))
    assert open_index(idx).verify() == ["documents.jsonl"]
    (idx / "CURRENT").write_text("gen-missing")
    with pytest.raises(StoreError, match="rebuild"):
        open_index(idx)


def test_missing_index(tmp_path):
    with pytest.raises(StoreError, match="no index"):
        open_index(tmp_path / "none")


def test_second_writer_gets_clear_message(tmp_path):
    with index_lock(tmp_path):
        with pytest.raises(StoreError, match="another process"):
            with index_lock(tmp_path):
                pass


def test_manifest_is_json_and_documents_keep_text(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    gen = open_index(idx).directory
    json.loads((gen / "manifest.json").read_text())
    shutil.rmtree(gen / "bm25")
    with pytest.raises(StoreError):
        open_index(idx)


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
    import assistant.index.vectors as vectors

    monkeypatch.setattr(vectors, "FLAT_LIMIT", 1000)
    vecs, queries = _clustered(np.random.default_rng(0), 5000)
    built = vectors.build_vectors(vecs)
    meta = built.meta
    assert meta["type"] == "ivf_flat" and meta["nlist"] == int(4 * np.sqrt(5000)) and meta["nprobe"] == 32
    built.save(tmp_path / "faiss.index")
    index = vectors.load_vectors(tmp_path / "faiss.index", meta, vecs)
    got = [index.search(q, 10) for q in queries]
    assert _recall_at_10(got, queries, vecs) >= 0.9


def test_hnsw_is_a_selectable_backend_with_its_parameters(tmp_path, corpus_copy, encoder):
    # The newcomer's test of the backend factory: HNSW is one module and one line in BACKENDS.
    import assistant.index.vectors as vectors

    vecs, queries = _clustered(np.random.default_rng(2), 3000)
    built = vectors.build_vectors(vecs, "hnsw")
    assert built.meta["type"] == "hnsw" and built.meta["requested"] == "hnsw" and built.meta["ef_search"] == 128
    built.save(tmp_path / "faiss.index")
    index = vectors.load_vectors(tmp_path / "faiss.index", built.meta, vecs)
    assert _recall_at_10([index.search(q, 10) for q in queries], queries, vecs) >= 0.95
    # through the whole build: chosen with --index-type, recorded, kept by an update, searchable
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder, index_type="hnsw")
    assert open_index(idx).manifest["index"]["type"] == "hnsw"
    (corpus_copy / "extra.txt").write_text("Zebrafish swim in the aquarium of the therapist.\n")
    _build(idx, corpus_copy, encoder)
    assert open_index(idx).manifest["index"]["type"] == "hnsw"
    assert Searcher(idx, encoder=encoder).search("zebrafish aquarium", k=1)[0].doc_id == "extra.txt"


def test_index_of_another_format_is_refused_by_search_and_rebuilt_by_index(tmp_path, corpus_copy, encoder):
    # The format version is explicit: an index written in another layout is never half-read.
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder)
    gen = open_index(idx).directory
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format_version"] = 1
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match=r"format 1.*assistant index --rebuild"):
        Searcher(idx, encoder=encoder)
    report = _build(idx, corpus_copy, encoder)
    assert "rebuilding" in report.notice and report.embedded_documents == 4
    assert Searcher(idx, encoder=encoder).search("Which brain regions are linked to depression?", k=1)


def test_product_quantised_index_reranks_exactly(tmp_path, monkeypatch):
    # Above PQ_LIMIT the FAISS index keeps 96-byte codes; search re-scores the PQ candidates with
    # the exact vectors, so the top 10 still agree with exact search.
    import assistant.index.vectors as vectors

    monkeypatch.setattr(vectors, "FLAT_LIMIT", 1000)
    monkeypatch.setattr(vectors, "PQ_LIMIT", 4000)
    vecs, queries = _clustered(np.random.default_rng(1), 6000)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    built = vectors.build_vectors(vecs)
    built.save(tmp_path / "faiss.index")
    meta = built.meta
    assert meta["type"] == "ivf_pq" and meta["pq_subquantizers"] == 96 and meta["rerank"] == 100
    # 96 one-byte codes and an 8-byte id a vector, plus centroids and codebooks, instead of 1,536
    # bytes of floats a vector
    fixed = meta["nlist"] * 384 * 4 + 96 * 256 * 4 * 4
    assert (tmp_path / "faiss.index").stat().st_size < 1.1 * (fixed + 6000 * 104) < 6000 * 1536 / 5
    index = vectors.load_vectors(tmp_path / "faiss.index", meta, vecs)
    got = [index.search(q, 10) for q in queries]
    assert all(len(g) == 10 for g in got)
    assert _recall_at_10(got, queries, vecs) >= 0.9
    # best first, by exact score
    scores = vecs[got[0]] @ queries[0]
    assert np.all(np.diff(scores) <= 1e-6)


def test_index_type_is_kept_and_falls_back_when_too_small(tmp_path, corpus_copy, encoder):
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder, index_type="ivf_pq")
    meta = open_index(idx).manifest["index"]
    # a dozen passages cannot train IVF-PQ: exact search, and the manifest says what was asked
    assert meta["type"] == "flat" and meta["requested"] == "ivf_pq"
    (corpus_copy / "extra.txt").write_text("An added note about sleep and memory consolidation.\n")
    _build(idx, corpus_copy, encoder)  # an update without the option keeps the request
    assert open_index(idx).manifest["index"]["requested"] == "ivf_pq"
    with pytest.raises(StoreError, match="index type"):
        _build(idx, corpus_copy, encoder, index_type="annoy")


def _sentence_inputs(ix, doc: int, encoder, chunking: ChunkingParams) -> list[str]:
    """What the model saw for each sentence row of document `doc` (a list item after its lead-in),
    in row order: its sentences in text order."""
    inputs = {s: t for p in make_passages(ix.document(doc), encoder.count_tokens, chunking)
              for s, t in zip(p.sentences, p.embedded_sentences)}
    return [inputs[s] for s in sorted(inputs)]


def test_late_sentence_vectors_need_no_second_pass_and_a_mode_change_rebuilds(tmp_path, corpus_copy, encoder):
    separate = ChunkingParams(vectors="separate")
    late = ChunkingParams(vectors="late")
    idx = tmp_path / "idx"
    _build(idx, corpus_copy, encoder, chunking=late)
    a = open_index(idx)
    rows = range(a.document_sentences(a.n_documents - 1).stop)
    late_vectors = a.sentence_vectors(rows)
    assert np.allclose(np.linalg.norm(late_vectors, axis=1), 1.0, atol=1e-2)
    report = _build(idx, corpus_copy, encoder, chunking=separate)
    assert "chunking" in report.notice and report.embedded_documents == 4
    b = open_index(idx)
    assert b.manifest["chunking"]["vectors"] == "separate"
    # separate vectors are each sentence as the model sees it alone (a list item after its lead-in)
    alone = encoder.encode([t for d in range(b.n_documents) for t in _sentence_inputs(b, d, encoder, separate)])
    assert (np.einsum("ij,ij->i", b.sentence_vectors(rows), alone) > 0.99).all()
    # late vectors are the sentence in its passage's context: related to the sentence alone, not equal
    cos = np.einsum("ij,ij->i", late_vectors, alone)
    assert 0.3 < float(cos.mean()) < 0.99
    # --add across such a change keeps what was indexed (embedded again), not only the new file
    note = document_from_text("note.txt", "Octopus arms solve puzzles.")
    report = build_index(idx, [note], encoder, late, keep_existing=True)
    assert report.embedded_documents == 5 and open_index(idx).n_documents == 5


def test_pooled_passage_vectors_are_the_weighted_mean_of_their_sentences(tmp_path, corpus_copy, encoder):
    # The default mode: one pass over sentences; a passage is the token-weighted mean of its
    # heading line and sentences, and an edit re-pools only the passages it touches.
    idx = tmp_path / "idx"
    pooled = ChunkingParams(vectors="pooled")
    _build(idx, corpus_copy, encoder, chunking=pooled)
    ix = open_index(idx)
    rows = range(ix.document_sentences(0).start, ix.document_sentences(0).stop)
    seen = _sentence_inputs(ix, 0, encoder, pooled)
    alone = encoder.encode(seen)
    assert (np.einsum("ij,ij->i", ix.sentence_vectors(rows), alone) > 0.999).all()
    p = 1  # a passage in the middle of the first document: no heading line of its own before it
    lo, hi = ix.sentence_ranges(np.array([p]))[0]
    texts = seen[lo - rows.start : hi - rows.start]
    weights = np.array(encoder.count_tokens(texts), dtype=np.float32)
    mean = (weights[:, None] * encoder.encode(texts)).sum(0)
    assert float(ix.passage_vectors(np.array([p]))[0] @ (mean / np.linalg.norm(mean))) > 0.97  # plus the title line
    whole = encoder.encode([ix.passage_text(p)])[0]
    assert float(ix.passage_vectors(np.array([p]))[0] @ whole) > 0.85, "near the passage embedded whole"

    # An edit inside the first document: its other sentences lend their stored vectors to the
    # passages pooled again.
    first = corpus_copy / ix.doc_ids[0]
    text = first.read_text()
    at = text.index(". ", len(text) // 2) + 2
    first.write_text(text[:at] + "Sleep also consolidates memory. " + text[at:])
    report = _build(idx, corpus_copy, encoder, chunking=pooled)
    assert report.embedded_documents == 1
    b = open_index(idx)
    srows = b.document_sentences(0)
    seen = _sentence_inputs(b, 0, encoder, pooled)
    fresh = encoder.encode(seen)
    assert (np.einsum("ij,ij->i", b.sentence_vectors(srows), fresh) > 0.999).all()
    passages = b.passage_rows([0])
    for p in passages:
        lo, hi = b.sentence_ranges(np.array([p]))[0]
        texts = seen[lo - srows.start : hi - srows.start]
        mean = (np.array(encoder.count_tokens(texts), dtype=np.float32)[:, None] * encoder.encode(texts)).sum(0)
        assert float(b.passage_vectors(np.array([p]))[0] @ (mean / np.linalg.norm(mean))) > 0.97

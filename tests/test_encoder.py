"""The encoder: length batching and the vectors it produces (the real packaged model)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.embedding import local as enc_mod
from assistant.embedding.local import MIN_BATCH, PADDING_SLACK, LocalEncoder


def _check_batches(e: LocalEncoder, lengths: list[int]) -> list[list[int]]:
    batches = e._batches(lengths)
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(len(lengths))), "every text in exactly one batch"
    for b in batches:
        assert 1 <= len(b) <= e.batch_size
    return batches


def test_batches_group_similar_lengths():
    e = LocalEncoder(batch_size=32)
    e.workers = 2
    # A small update: two 250-token passages per document and many 20-40-token sentences, the
    # mix that fixed 32-text batches padded badly.
    lengths = [250] * 20 + [20 + (i % 21) for i in range(80)]
    batches = _check_batches(e, lengths)
    for b in batches:
        padded = len(b) * (max(lengths[i] for i in b) + 2)
        real = sum(lengths[i] + 2 for i in b)
        # The rule holds for every text added after the first MIN_BATCH (splits only shrink batches).
        assert len(b) <= MIN_BATCH or padded <= PADDING_SLACK * real + 1e-9
    assert not any({lengths[i] for i in b} >= {250, 20} for b in batches), "passages and short sentences apart"
    # Longest batch first, so the short ones fill in at the end.
    assert max(lengths[i] for i in batches[0]) == 250


def test_batches_keep_every_core_busy():
    e = LocalEncoder(batch_size=32)
    e.workers = 4
    batches = _check_batches(e, [30] * 20)  # one batch by length, split so four cores get work
    assert len(batches) == 4
    assert len(_check_batches(e, [30] * 5)) == 1  # too few texts to be worth splitting
    assert _check_batches(e, []) == []


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_batched_vectors_match_single_texts(precision):
    if precision == "bf16" and not enc_mod.cpu_has_bf16():
        pytest.skip("no native bf16 on this CPU")
    e = LocalEncoder(precision=precision)
    texts = ["Neuroplasticity lets the brain rewire after injury."] * 3 + [
        "Short.", "Depression is linked to the prefrontal cortex and the amygdala.",
        " ".join(["A very long passage about psychotherapy and the brain."] * 60),  # over 256 tokens
    ] + [f"Sentence number {i} about anxiety and sleep." for i in range(12)]
    batch = e.encode(texts)
    single = np.stack([e.encode([t])[0] for t in texts])  # one text: always the fp32 weights
    assert batch.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    assert float((batch * single).sum(1).min()) > 0.999
    assert np.allclose(batch[0], batch[1], atol=1e-6), "the same text gets the same vector in a batch"


def test_precision_is_checked():
    with pytest.raises(ValueError, match="precision"):
        LocalEncoder(precision="int4")


def test_span_vectors_come_from_the_same_forward_pass(encoder):
    # Late chunking: the passage vector is the plain one, each span's vector pools that span's
    # tokens in the passage's context, and a span past the model's window has none.
    first = "Neuroplasticity lets the brain rewire after injury."
    second = "Sleep consolidates memories in the hippocampus."
    text = f"{first} {second}"
    long_text = " ".join(["A very long passage about psychotherapy and the brain."] * 60) + " Final words here."
    spans = [[(0, len(first)), (len(first) + 1, len(text))], [(len(long_text) - 17, len(long_text))]]
    vecs, span_vecs = encoder.encode_with_spans([text, long_text], spans)
    assert np.allclose(vecs, encoder.encode([text, long_text]), atol=1e-3)
    assert span_vecs[0].shape == (2, 384) and np.allclose(np.linalg.norm(span_vecs[0], axis=1), 1.0, atol=1e-5)
    alone = encoder.encode([first, second])
    # each span is nearer its own sentence than the other one
    sims = span_vecs[0] @ alone.T
    assert sims[0, 0] > sims[0, 1] and sims[1, 1] > sims[1, 0]
    assert np.isnan(span_vecs[1]).all()  # "Final words here." lies past the 256-token window



@pytest.fixture(scope="module")
def machine_cache(tmp_path_factory):
    """A machine cache of this module's own, so the int8 build and the self-check run here."""
    from assistant import config
    from assistant.embedding import precision

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(config, "MACHINE_CACHE_DIR", tmp_path_factory.mktemp("machine"))
        mp.setattr(precision, "_decided", {})
        yield config.MACHINE_CACHE_DIR


TEXTS = ["Neuroplasticity lets the brain rewire after injury.",
         "Depression is linked to the prefrontal cortex and the amygdala.",
         " ".join(["A long passage about psychotherapy, sleep and the brain."] * 30)]


def test_int8_vectors_stay_close_to_fp32_without_loading_torch_weights(machine_cache):
    e = LocalEncoder(precision="int8")
    got = e.encode(TEXTS * 4)
    want = LocalEncoder(precision="fp32").encode(TEXTS)
    assert e.arithmetic == "int8" and e.cache_key.endswith("/int8")
    assert e._model is None and e._bulk_model is None, "int8 runs on ONNX Runtime alone"
    assert list(machine_cache.glob("*int8*.onnx")), "the quantised model is kept for this machine"
    cos = (got[:3] * want).sum(1)
    assert cos.min() > 0.99, cos
    assert np.allclose(got[0], got[3], atol=1e-6), "the same text in one batch gets one vector"
    q = e.encode_queries([TEXTS[0], TEXTS[1]])
    assert np.allclose(q[0], e.encode_query(TEXTS[0]), atol=1e-6), "a question alone or with others: one vector"


def test_auto_precision_is_measured_once_and_kept_per_machine(machine_cache):
    from assistant.embedding import precision

    (machine_cache / "precision.json").write_text("{not json")  # a damaged file is measured again
    choice = precision.machine_precision()
    known = json.loads((machine_cache / "precision.json").read_text())
    (key, entry), = known.items()
    assert entry["precision"] == choice
    measured = entry["measured"]
    assert set(measured) >= {"fp32", "int8"} and ("bf16" in measured) == enc_mod.cpu_has_bf16()
    if choice != "fp32":  # the rule of the module docstring
        m = measured[choice]
        assert m["tokens_per_s"] >= precision.MIN_GAIN * measured["fp32"]["tokens_per_s"] * 0.99
        assert m["mean_cosine_to_fp32"] >= precision.MIN_MEAN_COSINE
        assert m["one_word_difference_cosine_to_fp32"] >= precision.MIN_DIFFERENCE_COSINE
    assert LocalEncoder(precision="auto").arithmetic == choice

    # Kept: a later process reads the choice instead of measuring (here: one written by hand).
    other = "fp32" if choice != "fp32" else ("bf16" if enc_mod.cpu_has_bf16() else "int8")
    (machine_cache / "precision.json").write_text(json.dumps({key: {"precision": other}}))
    precision._decided.clear()
    assert LocalEncoder(precision="auto").arithmetic == other
    assert LocalEncoder(precision="fp32").arithmetic == "fp32", "--precision forces a path"


def test_manifest_records_the_arithmetic(machine_cache, tmp_path):
    from assistant.index import build_index, open_index
    from assistant.ingest import document_from_text

    docs = [document_from_text("a.txt", "Sleep and memory. " * 20, title="A")]
    build_index(tmp_path / "idx", docs, LocalEncoder(precision="int8"))
    assert open_index(tmp_path / "idx").manifest["model"]["precision"] == "int8"


def test_questions_are_embedded_as_the_index_was_and_an_index_never_mixes_arithmetics(machine_cache, tmp_path,
                                                                                        monkeypatch):
    # An index built in int8 is searched with int8 questions whatever this machine would choose,
    # unless the user forces a precision; documents embedded otherwise make the whole index re-embed.
    from assistant import config
    from assistant.embedding import local
    from assistant.index import build_index, index_arithmetic, open_index
    from assistant.ingest import document_from_text
    from assistant.search import Searcher

    monkeypatch.setattr(local, "_shared", {})
    docs = [document_from_text("a.txt", "Sleep after learning strengthens new memories. " * 20, title="A")]
    build_index(tmp_path / "idx", docs, LocalEncoder(precision="int8"))
    assert index_arithmetic(tmp_path / "idx") == "int8" and index_arithmetic(tmp_path / "none") is None
    monkeypatch.setattr(config, "ENCODER_PRECISION", "auto")
    searcher = Searcher(tmp_path / "idx")
    assert searcher.encoder.arithmetic == "int8" and searcher.encoder is local.get_encoder("int8")
    assert searcher.search("Does sleep help memory?", k=1)[0].doc_id == "a.txt"
    monkeypatch.setattr(config, "ENCODER_PRECISION", "fp32")
    assert Searcher(tmp_path / "idx").encoder.arithmetic == "fp32", "--precision forces a path"

    more = docs + [document_from_text("b.txt", "Exercise raises mood in adults. " * 20, title="B")]
    report = build_index(tmp_path / "idx", more, LocalEncoder(precision="fp32"))
    assert report.embedded_documents == 2 and "int8" in report.notice
    assert open_index(tmp_path / "idx").arithmetic == "fp32"


def test_fp32_vectors_are_the_packaged_sentence_transformers_model():
    # The encoder loads the transformer alone and pools it itself; the packaged model's own
    # pipeline (mean pooling, then L2) must give the same vectors, long texts cut at 256 alike.
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(enc_mod.model_path()), device="cpu")
    want = st.encode(TEXTS, normalize_embeddings=True)
    got = LocalEncoder(precision="fp32").encode(TEXTS)
    assert np.abs(got - want).max() < 1e-5

"""Property-based fuzzing of ingestion, questions and claims: only the product's own errors escape."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.chunking import make_passages
from assistant.claims import ClaimError
from assistant.ingest import IngestError, load_file, load_paths
from assistant.search import QuestionError
from tests.conftest import PDF_SAMPLES

SUFFIXES = [".txt", ".md", ".rst", ".html", ".pdf"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_ingestion(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("fz") / f"x{suffix}"
    f.write_bytes(data)
    try:
        doc, _ = load_file(f, f.name)
    except IngestError:
        return
    assert doc.text.strip()


@FUZZ
@given(text=st.text(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".rst", ".html"]))
def test_random_text_keeps_exact_spans(tmp_path_factory, encoder, text, suffix):
    f = tmp_path_factory.mktemp("ft") / f"x{suffix}"
    f.write_bytes(text.encode("utf-8", "replace"))
    _assert_spans_exact(f, encoder)


def _assert_spans_exact(f: Path, encoder) -> None:
    """Each passage of the file's document, if it reads as one, is its text's slice."""
    try:
        doc, _ = load_file(f, f.name)
    except IngestError:
        return
    from assistant.config import ChunkingParams

    for p in make_passages(doc, encoder.count_tokens, ChunkingParams()):
        assert doc.text[p.start : p.end] == p.text


# Pieces of reStructuredText (headings, directives with options and bodies, literal blocks, lists,
# targets, substitutions, tables, doctests) in any order and indent: its reader must keep spans exact.
_RST_PIECES = ["Title", "=====", "-----", "~~~", ".. code:: python", ".. note:: Mind this.", ".. image:: x.png",
               "   :alt: Logo", "   code = 1", "Example::", "::", "* item", "  continued", "#. step", ".. _t: https://x",
               "|sub| |other|", "", ">>> x = 1", "+---+---+", "| a | b |", "===  ===", "See `link <u>`_ and ``lit``.",
               ".. comment", "t_", ".. |sub| image:: y.png", "**bold *it*", "\\"]


@FUZZ
@given(lines=st.lists(st.tuples(st.sampled_from(_RST_PIECES), st.integers(0, 6)), max_size=40))
def test_restructured_text_of_any_shape_keeps_exact_spans(tmp_path_factory, encoder, lines):
    f = tmp_path_factory.mktemp("fr") / "x.rst"
    f.write_text("\n".join(" " * indent + piece for piece, indent in lines))
    _assert_spans_exact(f, encoder)


@pytest.mark.skipif(not PDF_SAMPLES.exists(), reason="needs ../shared/pdf-samples")
def test_mutated_sample_pdfs_never_crash(tmp_path):
    rng = random.Random(1234)
    samples = sorted(PDF_SAMPLES.glob("*.pdf"))
    out = tmp_path / "mutated"
    out.mkdir()
    for i in range(120):
        data = bytearray(rng.choice(samples).read_bytes())
        for _ in range(rng.randint(1, 20)):
            op = rng.random()
            pos = rng.randrange(len(data))
            if op < 0.5:
                data[pos] = rng.randrange(256)
            elif op < 0.8:
                del data[pos : pos + rng.randint(1, 200)]
            else:
                data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]  # truncated file
        (out / f"m{i:03d}.pdf").write_bytes(bytes(data))
    result = load_paths([out])  # must not raise
    assert len(result.report) == 120
    assert all(e.status in ("ok", "skipped") and (e.status == "ok" or e.reason) for e in result.report)


# Every code point, lone surrogates included: a command-line argument that is not valid UTF-8
# reaches Python as one.
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=[]), max_size=300)


@FUZZ
@given(question=ANY_TEXT)
@example(question="anxiety \udcff brain")  # what `assistant search $'anxiety \xff brain'` receives
def test_any_question_answers_or_explains(searcher, question):
    try:
        hits = searcher.search(question, k=3)
    except QuestionError:
        return
    for h in hits:
        assert h.start <= h.highlight.start <= h.highlight.end <= h.end


@FUZZ
@given(question=ANY_TEXT, history=st.lists(ANY_TEXT, max_size=3))
@example(question="And for \udcff anxiety?", history=["Which brain regions are linked to \udcfe depression?"])
def test_any_followup_answers_or_explains(searcher, question, history):
    from assistant.search import ask

    try:
        hits = ask(searcher, question, history, k=3).hits
    except QuestionError:
        return
    assert all(h.start <= h.highlight.start <= h.highlight.end <= h.end for h in hits)


@FUZZ
@given(claim=ANY_TEXT)
@example(claim="Therapy \udcff changes the brain.")
def test_any_claim_answers_or_explains(searcher, claim):
    from assistant.claims import ClaimChecker

    checker = test_any_claim_answers_or_explains.__dict__.setdefault("checker", ClaimChecker(searcher))
    try:
        v = checker.check(claim)
    except (ClaimError, QuestionError):
        return
    assert v.verdict in ("supported", "contradicted", "not_found") and 0 <= v.confidence <= 1


def test_huge_and_odd_files(tmp_path: Path):
    (tmp_path / "huge.txt").write_text("Neuroplasticity matters. " * 200_000)
    (tmp_path / "nul.md").write_bytes(b"# T\x00\x00\x00")
    (tmp_path / "bom16.txt").write_bytes("Hello brain".encode("utf-16"))
    # 20,000 MyST directives none of which closes: each had been looked for its closing fence to the
    # file's end (35 s on this input; 0.3 s since they are looked up)
    (tmp_path / "unclosed.md").write_text("```{note}\ntext\n" * 20_000)
    # 30,000 short lines (a log, a list): each line that might open a comment section had looked
    # through the rest of the file for the next dated line (100,000 such lines took over a minute)
    (tmp_path / "lines.txt").write_text("\n".join(f"Line {i}" for i in range(30_000)))
    # 5,000 headings, each of which had been looked for by a regex over the whole text
    (tmp_path / "headings.md").write_text("".join(f"## Heading {i}\n\nText {i}.\n\n" for i in range(5_000)))
    result = load_paths([tmp_path])
    by = {Path(e.source).name: e for e in result.report}
    assert by["lines.txt"].status == "ok" and by["headings.md"].status == "ok"
    headings = next(d for d in result.documents if d.doc_id == "headings.md")
    # the first is the title; each other heads its section
    assert [s.path for s in headings.sections[:2]] == [("Heading 1",), ("Heading 2",)] and len(headings.sections) == 4_999
    assert by["unclosed.md"].status == "ok"
    assert by["huge.txt"].status == "ok" and by["huge.txt"].chars > 4_000_000
    assert by["nul.md"].status == "skipped"
    assert by["bom16.txt"].status == "ok"

from __future__ import annotations

import pytest

from assistant.search import QuestionError, clean_question
from tests.conftest import same_document_pairs

KEYS = ["rank", "score", "doc_id", "title", "source", "start", "end", "page", "page_label", "section", "text", "highlight",
        "probability", "match"]


def test_hits_are_cited_and_highlighted(searcher):
    hits = searcher.search("Which brain regions are linked to depression?", k=5)
    top = hits[0]
    assert top.doc_id == "neuroplasticity-and-neuropsychiatry.txt"
    assert "amygdala" in top.highlight.text and "depression" in top.highlight.text
    doc = searcher.index.document(searcher.index.doc_row(top.doc_id))
    assert doc.text[top.start : top.end] == top.text
    assert doc.text[top.highlight.start : top.highlight.end] == top.highlight.text
    assert top.start <= top.highlight.start < top.highlight.end <= top.end
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))
    assert list(top.to_dict()) == KEYS
    assert list(top.to_dict()["highlight"]) == ["text", "start", "end"]


def test_one_answering_sentence_is_cited_once(searcher):
    # Two overlapping windows both hold the depression bullet; the second used to repeat it as its
    # highlight, so a reader saw the same sentence cited twice in one answer.
    hits = searcher.search("Which brain regions are linked to depression?", k=5)
    spots = [(h.doc_id, h.highlight.start) for h in hits]
    assert len(spots) == len(set(spots)) == 5


def test_highlight_prefers_the_sentence_naming_the_question_terms(searcher):
    # The passage opens with a sentence about neuroplasticity-based interventions in general, which
    # is closest in embedding alone; the answer is the bullet that names electroconvulsive therapy.
    hits = searcher.search("Is electroconvulsive therapy a neuroplasticity-based intervention?", k=5)
    hit = next(h for h in hits if "electroconvulsive therapy" in h.text)
    assert "electroconvulsive therapy" in hit.highlight.text


def test_paraphrase_finds_the_answer(searcher):
    # Shares almost no words with "...the brain redistributing functions from damaged areas to undamaged areas".
    hits = searcher.search("Can the brain shift work from injured regions to healthy ones?", k=3)
    assert any("redistributing functions" in h.text for h in hits)


def test_no_spot_returned_twice(searcher):
    for a, b in same_document_pairs(searcher.search("neuroplasticity", k=10)):
        assert min(a.end, b.end) - max(a.start, b.start) <= 0.5 * min(a.end - a.start, b.end - b.start)


def test_document_filter(searcher):
    only = "neuropsychotherapy.txt"
    hits = searcher.search("Which brain regions are linked to depression?", k=5, doc_ids=[only])
    assert hits and {h.doc_id for h in hits} == {only}
    two = searcher.search("anxiety", k=10, doc_ids=["neuropsychotherapy", "neuroplasticity-in-mental-health-recovery.txt"])
    assert {h.doc_id for h in two} <= {only, "neuroplasticity-in-mental-health-recovery.txt"}
    with pytest.raises(QuestionError, match="no document"):
        searcher.search("x", doc_ids=["missing.txt"])


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_modes(searcher, mode):
    hits = searcher.search("transcranial magnetic stimulation", k=3, mode=mode)
    assert hits[0].doc_id == "neuroplasticity-and-neuropsychiatry.txt"


def test_bad_questions():
    with pytest.raises(QuestionError, match="empty"):
        clean_question("  \x00\x07 \n ")
    with pytest.raises(QuestionError, match="limit"):
        clean_question("a" * 100_000)
    assert clean_question("what\x00 is\u200b\tthis?") == "what is this?"


def test_question_with_only_stopwords_still_answers(searcher):
    hits = searcher.search("what is the", k=3)
    assert len(hits) == 3

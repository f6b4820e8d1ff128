"""The answer model: which sentence is highlighted, the probability in words, and abstention
(the real model and the shipped answer model; small in-memory collections)."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from assistant.config import ChunkingParams
from assistant.index import MemoryIndex
from assistant.ingest import document_from_text
from assistant.search import Searcher, ask, not_answered_text
from assistant.search.answer import (
    MODEL_PATH,
    RELEVANCE_FEATURES,
    SENTENCE_FEATURES,
    AnswerModel,
    answer_span,
    asked_amount,
    asks_code_name,
    is_code_like,
    is_heading_like,
    is_question,
    match_words,
    measured,
    pick,
    points_elsewhere,
    pool_cosine,
    sentence_features,
    term_weights,
)
from assistant.search.train_answer import expected_calibration_error
from assistant.text import bm25_tokenize
from tests.conftest import OTHER_DOCUMENT, searcher_of_file, searcher_of_files

DOCS = [
    # a heading that repeats the question word for word, above the sentence that answers it
    ("sleep.md", "# Sleep notes\n\n## What does deep sleep do for memory?\n\nDuring deep sleep the hippocampus "
                 "replays the day's experiences, which consolidates memories. The lecture ended at noon."),
    # the document's title line repeats the topic and answers nothing
    ("tides.txt", "Ocean tides\n\nThe Moon's gravity pulls the oceans into two bulges, which the Earth rotates "
                  "through twice a day. Fishing boats leave the harbour early."),
]


@pytest.fixture(scope="module")
def searcher(encoder):
    docs = [document_from_text(doc_id, text, title=doc_id.split(".")[0].capitalize()) for doc_id, text in DOCS]
    return Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams(max_tokens=96, overlap_tokens=24)))


def test_a_heading_that_echoes_the_question_is_not_the_highlight(searcher):
    hit = searcher.search("What does deep sleep do for memory?", k=1)[0]
    assert hit.doc_id == "sleep.md"
    assert hit.highlight.text.startswith("During deep sleep the hippocampus")


def test_a_title_line_is_not_the_highlight(searcher):
    hit = searcher.search("Why are there ocean tides twice a day?", k=1)[0]
    assert hit.highlight.text.startswith("The Moon's gravity")


def test_heading_like_lines():
    starts = frozenset({100})
    assert is_heading_like("Primary outcome measure", 100, "A trial", starts)  # a section starts here
    assert is_heading_like("A trial", 5, "A trial", starts)  # the title
    assert is_heading_like("What is neuropsychotherapy?", 5, "x", starts)  # a question in the text
    assert is_heading_like("Retention of children's centres", 5, "x", starts)  # short, no sentence end
    # a table row with numbers may be the answer, and so may a sentence
    assert not is_heading_like("NK1r Rabbit S8305 1:10,000 Sigma Aldrich", 5, "x", starts)
    assert not is_heading_like("None of the 36 centres withdrew from the study.", 5, "x", starts)
    # a digit inside a name is no number: a manual's cover names its library, states nothing
    assert is_heading_like("Libtasn1", 5, "Abstract Syntax Notation One (ASN.1) library", starts)
    assert is_heading_like("Storing MP3 files", 5, "x", starts)
    # a bulleted item of two words or more is an item of its list, which a slide's short items all
    # are ("– Stimulus control" under "CBT-I components"); one word alone names a topic
    assert not is_heading_like("\u2013 Stimulus control", 5, "x", starts)
    assert is_heading_like("\u2022 Behavioural", 5, "x", starts)
    assert not is_heading_like("Smoker, n (%) 124 (12.7)", 5, "x", starts)
    # a label and its number alone name what follows ("Section 1" on a deck's section slide had
    # been a highlight); with a measure after it, or in a sentence, a number may be the answer
    assert is_heading_like("Section 1", 5, "x", starts) and is_heading_like("Chapter IV", 5, "x", starts)
    assert not is_heading_like("Week 12 6.4 (2.1)", 5, "x", starts) and not is_heading_like("n 45", 5, "x", starts)
    # one word states nothing even with a full stop (a table's "Notes." over its footnotes)
    assert is_heading_like("Notes.", 5, "x", starts) and not is_heading_like("12.", 5, "x", starts)
    # a label ending in a colon announces what follows; a longer line ending so may be the answer
    assert is_heading_like("For example:", 5, "x", starts)
    assert not is_heading_like("There are two main types of neuroplasticity:", 5, "x", starts)
    # a numbered item's number is its bullet: "2. Maximum Number Of Columns" is a heading as
    # "• Maximum Number Of Columns" is, while an amount in the item is still a number
    assert is_heading_like("2. Maximum Number Of Columns", 5, "x", starts)
    assert is_heading_like("13. Maximum Number Of Rows In A Table", 5, "x", starts)
    assert is_heading_like("(3) Exercise regularly", 5, "x", starts)
    assert not is_heading_like("2. 45 mg daily", 5, "x", starts) and not is_heading_like("3.5 mg", 5, "x", starts)
    # and so is a section's number before its name, where no section was found to start there
    # ("2.3.1 Outlier detection using outlier" had been a highlight); a figure after it is a number
    assert is_heading_like("2.3.1 Outlier detection using outlier", 5, "x", starts)
    assert not is_heading_like("2.5 Percent of 40 accounts", 5, "x", starts)
    # so is a numbered label's ("Example 1: To create an IAM user" had been the highlight of the
    # example under it); an amount after the label is still a number, a caption is read as one
    assert is_heading_like("Example 1: To create an IAM user", 5, "x", starts)
    assert is_heading_like("Step 2: Install Clippy", 5, "x", starts)
    assert not is_heading_like("Visit 2: 45 patients", 5, "x", starts)
    assert not is_heading_like("Table 2: Baseline characteristics", 5, "x", starts)
    # a term in quotes alone is an item's run-in label, naming what the sentences after it say
    assert is_heading_like('\u2022 "Still reachable".', 5, "x", starts) and is_heading_like("\u201cDefinitely lost\u201d.", 5, "x", starts)
    assert not is_heading_like('"We never saw it happen again," she said.', 5, "x", starts)
    # a program's help's row states what its option does, as a list's item does; an option alone,
    # or a comment's dashes, name
    assert not is_heading_like("-c, --check checks the syntax only", 5, "x", starts)
    assert not is_heading_like("-o, --output=FILE output file", 5, "x", starts)
    assert is_heading_like("-v, --version", 5, "x", starts) and is_heading_like("-- INCORRECT", 5, "x", starts)


def test_a_quoted_label_hands_the_highlight_to_what_it_introduces_and_keeps_its_match(encoder, tmp_path):
    # Valgrind's manual lists its leak kinds as '• "Still reachable". This covers ...': the label
    # scores best for "What does still reachable mean?" and says nothing. The highlight is the
    # sentence after it, with the label it points back to; the passage's probability is measured
    # on the label, which names what is asked, not on "This covers cases 1 and 2".
    text = ("# Leak detection\n\nMemcheck reports four leak kinds.\n\n"
            '* "Still reachable". This covers cases 1 and 2 above. A pointer to the block is found, so the '
            "programmer could have freed it before exit.\n"
            '* "Definitely lost". This covers case 3 above. No pointer to the block can be found.\n')
    searcher = searcher_of_file(encoder, tmp_path / "leaks.md", text)
    hit = searcher.search('What does "still reachable" mean?', k=1)[0]
    assert hit.highlight.text.startswith('\u2022 "Still reachable". This covers'), hit.highlight.text
    # the row measured: the label that scored best of all, where the highlight is the one after it
    logits, heading, leads = np.array([0.1, 2.0, 0.5]), np.array([False, True, False]), np.array([False, True, False])
    assert pick(logits, heading, leads) == 2 and measured(logits, heading, leads) == 1
    assert measured(logits, heading, np.zeros(3, bool)) == pick(logits, heading, np.zeros(3, bool)) == 2


def test_off_topic_question_is_not_answered_and_an_answerable_one_is(searcher):
    off = searcher.search("Who won the 2018 football World Cup final?", k=2)
    on = searcher.search("What pulls the oceans into bulges?", k=2)
    assert off and not searcher.answered(off)
    assert searcher.answered(on) and on[0].doc_id == "tides.txt"
    assert on[0].probability > max(h.probability for h in off)


def test_a_question_naming_what_the_documents_never_mention_is_not_answered(searcher):
    # "What pulls the tides of France?" shares the tides passage's words, and its probability
    # clears the bar, but no document mentions France: the tides are not France's. The Moon is
    # in them, and a name the vocabulary does not hold (a gene's spelling) does not count.
    question = "What pulls the tides on the coast of France?"
    hits = searcher.search(question, k=2)
    assert searcher.answered(hits) and not searcher.answered(hits, question)
    assert searcher.unknown_names(question) == ["France"]
    assert searcher.unknown_names("What does the Moon pull?") == []
    assert searcher.unknown_names("What does the Moon do to IP3R?") == []
    # within the documents searched: the Moon is only in tides.txt
    assert searcher.unknown_names("What does the Moon pull?", ["sleep.md"]) == ["Moon"]


def test_an_abbreviation_of_letters_no_document_holds_is_not_mentioned(searcher):
    # "BDNF" is no word of the vocabulary, and a name the vocabulary lacks had never counted (it is
    # more often another spelling, "IP3R" of "IP(3)R"); an abbreviation of letters alone has none.
    # One the question spells out is asked of by its long form too.
    assert searcher.unknown_names("What is the role of BDNF in the tides?") == ["BDNF"]
    assert searcher.unknown_names("What does the Moon do to IP3R?") == []
    assert searcher.unknown_names("How does the lunar gravitational pull (LGP) move the tides?") == []
    # two letters swapped by a typing slip are the word the documents write ("OMON" of "Moon")
    assert searcher.unknown_names("What does OMON do to the tides?") == []
    assert searcher.unknown_names("What does NMDA do to the tides?") == ["NMDA"]


def test_a_question_whose_every_word_no_document_holds_is_not_answered(searcher):
    # "How do I bake sourdough bread?" of documents on tides and sleep: no passage holds any of
    # its words, so none is about it, however near the embedding puts one; it names no name.
    question = "How do I bake sourdough bread?"
    assert searcher.unknown_names(question) == ["bake", "sourdough", "bread"]
    assert not searcher.answered(searcher.search(question, k=2), question)
    # one of its words held anywhere searched is enough to look further
    assert searcher.unknown_names("How do I bake bread on fishing boats?") == []
    assert searcher.unknown_names("How do the tides bake bread?") == []
    # nor is a question of one word more, nor one of words for a document and its writers, which
    # documents seldom use of themselves
    assert searcher.unknown_names("When was it published?") == []
    assert searcher.unknown_names("Who are the authors of this paper?") == []


def test_a_word_the_documents_write_in_a_longer_form_is_mentioned(encoder, tmp_path):
    # A drug label heads "10 OVERDOSAGE" and never writes "overdose", which the stemmer does not
    # bring to one form with it: "What happens in an overdose?" had been told that no document says
    # anything about "happens" or "overdose", above the very passage that answers it.
    label = ("# Sertraline tablets\n\n## 10 OVERDOSAGE\n\nThe most common signs and symptoms associated with non-fatal "
             "sertraline overdosage were somnolence, vomiting, tachycardia, nausea and dizziness.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"label.md": label, **OTHER_DOCUMENT})
    assert searcher.unknown_names("What happens in an overdose?") == []
    # a short stem begins unrelated words, and lengthens none ("card" of "cardiac" is no word of
    # the label's): a question of words no document holds is still told so
    assert searcher.unknown_names("How do I play cards?") == ["play", "cards"]
    assert searcher.unknown_names("What happens at the opera?") == ["happens", "opera"]


def test_the_name_no_document_mentions_is_told_whole(searcher):
    # "Moon" is in the tides, "Landing" nowhere: the person is told of the name they used, "Moon
    # Landing", not of its last word alone.
    from assistant.search import ask

    answer = ask(searcher, "Did the Moon Landing change the ocean tides?")
    assert not answer.answered and answer.not_mentioned == ("Moon Landing",)


def test_an_abbreviation_a_document_writes_out_in_words_is_mentioned(encoder, tmp_path):
    # A page speaks of "post-traumatic stress disorder" and never writes "PTSD": "Are there risks of
    # PTSD?" had been told that none of the documents says anything about "risks" or "PTSD". Words
    # whose initials spell it (three letters or more, no function word) mention it; "EMDR" stays
    # unmentioned, the name the person is told of.
    text = ("# Trauma and the brain\n\nPeople with post-traumatic stress disorder can experience changes in their "
            "brain structure, and therapy helps the brain rewire itself. Magnetic resonance imaging shows these "
            "changes in the hippocampus.\n")
    searcher = searcher_of_file(encoder, tmp_path / "trauma.md", text)
    assert searcher.unknown_names("Are there risks of PTSD?", spelled_in=["trauma.md"]) == []
    assert searcher.unknown_names("Are there risks of EMDR?", spelled_in=["trauma.md"]) == ["EMDR"]
    # a question asked reads the documents its search found
    from assistant.search import ask

    assert ask(searcher, "Are there risks of PTSD?").not_mentioned == ()
    # and so does a claim checked, its candidate documents read ("MRI", a word of the model's
    # vocabulary, had been a name no document mentions)
    from assistant.claims import ClaimChecker

    assert ClaimChecker(searcher).check("MRI shows changes in the hippocampus.").not_mentioned == ()


def test_a_question_for_a_long_form_names_the_abbreviation_alone(encoder, tmp_path):
    # "What does BDNF stand for?" of a page that never says BDNF had been told that none of the
    # documents says anything about "BDNF" or "stand": the question's frame names nothing. An
    # abbreviation outside the model's vocabulary ("ICER") is not mentioned either, where the question
    # asks only for it; one the page writes out in words is mentioned.
    text = ("# Trauma and the brain\n\nPeople with post-traumatic stress disorder can experience changes in their "
            "brain structure, and cognitive behavioural therapy (CBT) helps the brain rewire itself.\n")
    searcher = searcher_of_file(encoder, tmp_path / "trauma.md", text)
    assert searcher.unknown_names("What does BDNF stand for?") == ["BDNF"]
    assert searcher.unknown_names("What is ICER short for?") == ["ICER"]
    assert searcher.unknown_names("What does CBT stand for?") == []
    assert searcher.unknown_names("What does PTSD stand for?", spelled_in=["trauma.md"]) == []


def test_an_abbreviation_only_a_list_of_abbreviations_spells_out_counts_as_not_mentioned(encoder, tmp_path):
    # A trial report lists the abbreviations of its protocol, some of which the report never uses:
    # "QALY" is spelled out there and nowhere else, so the report says nothing about QALYs; "RCT" is
    # listed and used; "MET" is listed and its long form used in words; "ICER" is named by none
    # (though not in the vocabulary: an abbreviation of letters alone has no other spelling).
    text = ("# A walking trial\n\n## Methods\n\nThis RCT randomised 120 students to a walking programme. "
            "Activity was scored in metabolic equivalent tasks per week.\n\n## Results\n\nStudents in "
            "the programme walked 30 minutes more per week.\n\n## Abbreviations\n\nMET: Metabolic "
            "equivalent task; QALY: Quality adjusted life years; RCT: Randomised controlled trial.\n")
    searcher = searcher_of_file(encoder, tmp_path / "trial.md", text)
    assert searcher.unknown_names("What was the cost per QALY of the walking programme?") == ["QALY"]
    assert searcher.unknown_names("How many students did the RCT randomise?") == []
    assert searcher.unknown_names("How was MET scored?") == []
    assert searcher.unknown_names("What was the ICER of the programme?") == ["ICER"]
    # once the report uses it, it is mentioned
    used = searcher_of_file(encoder, tmp_path / "used.md", text.replace("more per week.", "more per week, at 900 pounds per QALY."))
    assert used.unknown_names("What was the cost per QALY of the walking programme?") == []
    # a long form written out in the text is a mention too, in either number
    gained = text.replace("more per week.", "more per week and gained a quality-adjusted life year.")
    spelled = searcher_of_file(encoder, tmp_path / "spelled.md", gained)
    assert spelled.unknown_names("What was the cost per QALY of the walking programme?") == []


def test_the_answer_says_what_no_document_says_anything_about():
    assert not_answered_text(["QALY"]) == "Nothing in these documents answers this question: none of them says anything about \"QALY\"."
    assert not_answered_text(["World", "Cup"]).endswith('about "World" or "Cup".')


def test_probability_in_words_is_thirds():
    assert [match_words(p) for p in (0.9, 2 / 3, 0.5, 1 / 3, 0.2)] == \
        ["strong match", "strong match", "partial match", "partial match", "weak match"]


def test_every_hit_carries_its_probability_and_words_in_json(searcher):
    d = searcher.search("What pulls the oceans into bulges?", k=1)[0].to_dict()
    assert 0.0 <= d["probability"] <= 1.0 and d["match"] == match_words(d["probability"])


def test_question_or_statement():
    assert is_question("How is it treated?") and is_question("does sleep help memory")
    assert not is_question("Sleep helps memory.")
    # a request is a question put otherwise
    assert is_question("Give me an example of a therapy that changes the brain.") and is_question("List the side effects.")
    assert not is_question("Listed drugs were given daily.")


def test_examples_asked_for_are_highlighted_by_a_sentence_giving_them_and_a_request_is_answered_as_a_question(corpus_index, encoder):
    # The default collection's "Neuroplasticity-based interventions, such as psychotherapy, ..."
    # answers what examples there are; the answer model had picked the next sentence, which names
    # the interventions but gives none. "Give me an example of ...", read as a statement, had not
    # been answered where the question's words were.
    searcher = Searcher(corpus_index, encoder=encoder)
    hit = ask(searcher, "What are examples of neuroplasticity-based interventions?").hits[0]
    assert hit.highlight.text.startswith("Neuroplasticity-based interventions, such as psychotherapy"), hit.highlight
    assert ask(searcher, "Give me an example of a psychotherapy that changes the brain.").answered
    assert not ask(searcher, "Tell me a joke.").answered


def test_shipped_model_matches_the_code_and_says_what_it_learned_from():
    spec = json.loads(MODEL_PATH.read_text())
    model = AnswerModel(spec)
    assert model.sentence.features == SENTENCE_FEATURES and model.relevance.features == RELEVANCE_FEATURES
    assert 0.0 < model.answer_bar < 0.5
    assert any("SciFact" in s for s in spec["trained_on"]) and spec["command"].startswith("python -m")
    assert spec["cross_validation"]["relevance_ece_out_of_fold"] <= 0.05


def test_expected_calibration_error():
    y = np.array([0, 0, 0, 1] * 25, float)
    assert expected_calibration_error(np.full(100, 0.25), y) == pytest.approx(0.0)
    assert expected_calibration_error(np.full(100, 0.75), y) == pytest.approx(0.5)


def test_the_pool_a_passage_must_stand_out_from_holds_one_passage_per_document():
    # Five passages of one long document close to the question, two other documents far from it:
    # the pool is the three documents' best passages, not the long document's five.
    dense = np.array([0.80, 0.78, 0.77, 0.76, 0.75, 0.30, 0.20])
    docs = np.array([0, 0, 0, 0, 0, 1, 2])
    mean, best = pool_cosine(dense, docs)
    assert best == pytest.approx(0.80)
    assert mean == pytest.approx((0.80 + 0.30 + 0.20) / 3)
    assert pool_cosine(np.zeros(0), np.zeros(0, int)) == (0.0, 0.0)


def test_more_similarity_never_lowers_the_shipped_answer_probability():
    from assistant.search.train_answer import INCREASING

    model = AnswerModel.load(MODEL_PATH)
    weights = dict(zip(model.relevance.features, model.relevance.coef))
    assert all(weights[f] >= 0 for f in INCREASING)
    # a question far from everything (cosines well below any in training) is less likely answered
    # than one the collection matches: the probability moves with each cosine feature
    near = np.array([0.55, 0.05, 0.0, 0.5, 0.6, 0.4, 0.5, 1.0])
    far = near.copy()
    far[[RELEVANCE_FEATURES.index(f) for f in ("cos_passage", "answer_cos")]] = 0.1
    assert model.probability(far)[0] < model.probability(near)[0]


def test_a_bounded_weight_stays_nonnegative_where_correlated_features_pull_it_below_zero():
    from assistant.linear import LinearModel

    rng = np.random.default_rng(0)
    a = rng.normal(size=2000)
    b = a + 0.3 * rng.normal(size=2000)  # b carries a's signal plus noise
    y = (2 * b - a + 0.5 * rng.normal(size=2000)) > 0  # fitted freely, a's weight turns negative
    x = np.column_stack([a, b])
    assert LinearModel.fit(x, y, ["a", "b"]).coef[0] < 0
    bounded = LinearModel.fit(x, y, ["a", "b"], increasing=["a"])
    assert bounded.coef[0] >= 0 and bounded.coef[1] > 0


def test_a_line_that_announces_the_answer_passes_the_highlight_to_the_sentence_after_it():
    # logits: the heading (1) scores best of all; the sentence after it (2) gets the highlight,
    # not the best-scoring ordinary sentence (3)
    logits = np.array([-3.0, 2.0, -1.0, 0.5])
    heading = np.array([True, True, False, False])
    assert pick(logits, heading, leads=np.array([False, True, False, False])) == 2
    # a title sums up the document rather than announcing the next sentence
    assert pick(logits, heading, leads=np.zeros(4, bool)) == 3
    # a heading followed by another heading hands nothing on
    assert pick(np.array([2.0, 1.0, 0.5]), np.array([True, True, False]), np.array([True, True, False])) == 2


def test_the_sentence_under_a_matching_heading_is_highlighted(encoder):
    # the sentence after the heading states the outcome in other words; the one after it repeats
    # the question's words and, on its own, scores higher
    text = ("Trial protocol\n\nPrimary outcome measure\n\nThe BACS composite score at six months after "
            "randomisation. Patients told us that the primary outcome of a trial should matter to them.")
    doc = document_from_text("protocol.txt", text, title="Trial protocol")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))
    hit = searcher.search("What is the primary outcome?", k=1)[0]
    assert hit.highlight.text.startswith("The BACS composite score at six months")


def test_a_line_that_goes_on_from_a_heading_after_an_ellipsis_is_not_the_highlight(encoder, tmp_path):
    # Epi's vignette: "1.1 Years of life lost (YLL)" over ". . . to diabetes or any other disease
    # for that matter.", which had been the highlight of "What are years of life lost?" as the line
    # under the heading that scored best
    from assistant.ingest import load_file

    (tmp_path / "yll.md").write_text(
        "# Years of life lost\n\n## 1.1 Years of life lost (YLL)\n\n. . . to diabetes or any other disease for that "
        "matter.\n\nThe general concept is the comparison of the expected lifetime between two groups of persons. "
        "The years of life lost is therefore just the area between the survival curves for those well and for "
        "those diseased.\n")
    doc, _ = load_file(tmp_path / "yll.md", "yll.md")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))
    hit = searcher.search("What are years of life lost?", k=1)[0]
    assert not hit.highlight.text.startswith(". . ."), hit.highlight


_GUIDELINE = ("Depression in adults: treatment and management\n\n1 Recommendations\n\n1.1 Principles of care\n\n"
              "1.1.1 When working with people with depression, build a trusting relationship and work in an open, "
              "engaging and non-judgemental manner.\n\n1.1.2 Explore any worries the person may have about treatment, "
              "including concerns about addiction or side effects.\n\n"
              "1.2 Treatment for a new episode of less severe depression\n\n1.2.1 Discuss treatment options with "
              "people with a new episode of less severe depression, and match their choice to the options in table 1."
              "\n\n1.2.2 Do not routinely offer antidepressant medication as first-line treatment for less severe "
              "depression, unless that is the person's preference.\n\n1.3 Treatment for a new episode of more severe "
              "depression\n\n1.3.1 Offer a combination of individual CBT and an antidepressant as a first-line option."
              "\n\n1.3.2 When prescribing an SSRI, review the person within 2 weeks of starting treatment.\n\n"
              "1.4 Stopping antidepressant medication\n\n1.4.1 Advise people that withdrawal symptoms can occur when "
              "stopping or reducing the dose of an antidepressant.\n\n1.4.2 Reduce the dose in stages over several "
              "weeks, taking into account the half-life of the drug.\n")


def test_a_document_indexed_alone_is_its_own_pool():
    # A document searched alone: its best passages are the pool, so that a paper indexed on its own
    # has something its answering passage stands out from (it had only itself); beside another
    # document, documents are (`test_the_pool_a_passage_must_stand_out_from_holds_one_passage_per_document`)
    assert pool_cosine(np.array([0.9, 0.5, 0.4, 0.3]), np.array([0, 0, 0, 0])) == pytest.approx((0.525, 0.9))
    assert pool_cosine(np.array([0.9, 0.5, 0.4, 0.3]), np.array([0, 0, 1, 1])) == pytest.approx((0.65, 0.9))


def test_the_answer_of_a_document_indexed_alone_is_a_strong_match(encoder):
    # A guideline on its own: the passage that says when to review someone starting an SSRI had
    # been a weak match (0.20), as if the question were barely answered; an off-topic question is
    # still not answered
    doc = document_from_text("guideline.txt", _GUIDELINE)
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams(max_tokens=40, overlap_tokens=0)))
    hit = searcher.search("How soon should someone starting an SSRI be reviewed?", k=3)[0]
    assert hit.highlight.text.startswith("1.3.2 When prescribing an SSRI") and hit.match == "strong match", hit.probability
    question = "Which team won the 2018 FIFA World Cup final?"
    assert not searcher.answered(searcher.search(question, k=3), question)


def test_a_question_heading_hands_the_highlight_to_a_short_answer_under_it(encoder):
    # An interview's question opens the section; the answer is two words, then longer sentences
    # that share more of the question's words ("work", "off") without saying how long. A line of
    # two words after a statement's heading is no answer ("Table 2" over "n = 48"), but after a
    # question it is.
    text = ("Interview transcript\n\nRK: How long were you off work in total?\n\nP07: Seven months. "
            "I went off work in the October and came back the following May, on a phased return. "
            "I did two days a week for the first month back at work, then three, then four.")
    doc = document_from_text("p07.txt", text, title="Interview transcript")
    searcher = Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))
    hit = searcher.search("How long was the participant off work?", k=1)[0]
    assert hit.highlight.text == "P07: Seven months."


def test_a_highlight_that_points_back_takes_the_sentence_before_it(encoder):
    # "These were sent to 8150 people" answers how many were invited, but says what "these" are
    # only with the sentence before it; a sentence that stands on its own is highlighted alone,
    # and a paragraph break is never crossed.
    text = ("Methods\n\nParticipants were recruited by mailed invitations to a study of hand-washing. "
            "These were sent to 8150 people aged over 18 years from nine general practices. "
            "Follow-up questionnaires were completed online at four and twelve weeks.\n\n"
            "Those who took part were given a free bottle of hand gel at the pharmacy.")
    doc = document_from_text("trial.txt", text, title="Hand-washing trial")
    index = MemoryIndex([doc], encoder, ChunkingParams())
    spans = {doc.text[slice(*index.sentence_span(r))][:12]: r for r in index.passage_sentences(0)}
    these, follow, those = spans["These were s"], spans["Follow-up qu"], spans["Those who to"]
    assert doc.text[slice(*answer_span(index, 0, these))].startswith("Participants were recruited")
    assert answer_span(index, 0, follow) == index.sentence_span(follow)
    assert answer_span(index, 0, those) == index.sentence_span(those)
    hit = Searcher(encoder=encoder, index=index).search("How many people were sent invitations?", k=1)[0]
    assert hit.highlight.text.startswith("Participants were recruited") and "8150" in hit.highlight.text


def test_a_bare_reply_to_a_question_opens_the_highlight_after_it(encoder):
    # An FAQ answers "Should I commit my .env file?" with "No." alone, then the condition: the reply
    # is where the answer starts; a "No." that answers no question stays out.
    text = ("FAQ\n\nShould I commit my .env file?\n\nNo.\n\nUnless you encrypt it with dotenvx. Then we recommend "
            "you do.\n\nNo.\n\nThe variables are read once, at start-up.")
    doc = document_from_text("faq.md", text, title="dotenv")
    index = MemoryIndex([doc], encoder, ChunkingParams())
    spans = {doc.text[slice(*index.sentence_span(r))][:12]: r for r in index.passage_sentences(0)}
    assert doc.text[slice(*answer_span(index, 0, spans["Unless you e"]))] == "No.\n\nUnless you encrypt it with dotenvx."
    assert answer_span(index, 0, spans["The variable"]) == index.sentence_span(spans["The variable"])
    # so is a labelled one ("A: Yes." under "Q: ...?"), which had been left out of the highlight
    labelled = document_from_text("faq.txt", "Clinic FAQ\n\nQ: Does the clinic accept walk-ins?\nA: Yes. Anyone can come "
                                  "without an appointment, and a nurse sees them the same day.\n", title="Clinic FAQ")
    index = MemoryIndex([labelled], encoder, ChunkingParams())
    spans = {labelled.text[slice(*index.sentence_span(r))][:12]: r for r in index.passage_sentences(0)}
    assert labelled.text[slice(*answer_span(index, 0, spans["Anyone can c"]))].startswith("A: Yes. Anyone can come")


def test_an_it_that_points_at_nothing_before_it_takes_no_sentence_before(encoder):
    # "It is estimated that 53,990 new cases ..." says all it means alone: its "it" is the subject
    # of "is estimated that", not the lifetime risk of the sentence before.  "It is used to treat"
    # points back to the drug, and "It is thought to be" to the disease. "It was a limitation of this
    # pilot that we ..." is the subject of "that we ...", "It is a drug that treats" the drug.
    text = ("Epidemiology\n\nThe lifetime risk of thyroid carcinoma is 1.2%. It is estimated that approximately 53,990 "
            "new cases will be diagnosed in 2018. Levothyroxine is a synthetic hormone. It is used to treat "
            "hypothyroidism after surgery. Graves disease is common. It is thought to be caused by antibodies. "
            "Uptake was low. It was a limitation of this pilot that we only included one school. Carbimazole is "
            "older. It is a drug that blocks the thyroid.")
    doc = document_from_text("guideline.txt", text, title="A guideline")
    index = MemoryIndex([doc], encoder, ChunkingParams())
    spans = {doc.text[slice(*index.sentence_span(r))][:12]: r for r in index.passage_sentences(0)}
    estimated = spans["It is estima"]
    assert answer_span(index, 0, estimated) == index.sentence_span(estimated)
    assert doc.text[slice(*answer_span(index, 0, spans["It is used t"]))].startswith("Levothyroxine is")
    assert doc.text[slice(*answer_span(index, 0, spans["It is though"]))].startswith("Graves disease")
    limitation = spans["It was a lim"]
    assert answer_span(index, 0, limitation) == index.sentence_span(limitation)
    assert doc.text[slice(*answer_span(index, 0, spans["It is a drug"]))].startswith("Carbimazole is")


def test_a_reference_to_a_source_is_never_the_highlight(encoder):
    # A guideline's footnote cites its source in the middle of the text: the journal's title shares
    # the question's words ("thyroid nodule cytology") and scored best, but a year, volume and pages
    # with a web address state nothing.
    text = ("Fine-needle aspiration\n\nDiagnostic categories for aspiration results follow the Bethesda system. "
            "Cibas ES and Ali SZ. Thyroid nodule cytology 2017;27(11):1341-1346. "
            "https://www.ncbi.nlm.nih.gov/pubmed/29091573. Nodules with benign cytology are followed with a repeat "
            "ultrasound after 6 to 12 months.")
    searcher = _one_document(encoder, "guideline.txt", text)
    hit = searcher.search("How are thyroid nodules with benign cytology followed?", k=1)[0]
    assert hit.highlight.text.startswith("Nodules with benign cytology are followed"), hit.highlight


def test_a_highlight_that_announces_an_enumeration_takes_its_first_item(encoder):
    # "There are several possible reasons ..." names no reason; the "First, ..." after it does.
    text = ("Discussion\n\nThere are several possible reasons for the weak effects of the programme. "
            "First, the programme targeted four behaviours at once. Second, few students used it.")
    doc = document_from_text("trial.txt", text, title="A trial")
    index = MemoryIndex([doc], encoder, ChunkingParams())
    spans = {doc.text[slice(*index.sentence_span(r))][:12]: r for r in index.passage_sentences(0)}
    start, end = answer_span(index, 0, spans["There are se"])
    assert doc.text[start:end].startswith("There are several") and doc.text[start:end].endswith("four behaviours at once.")
    assert answer_span(index, 0, spans["First, the p"]) == index.sentence_span(spans["First, the p"])


def _heading_like(index: MemoryIndex, q: np.ndarray) -> dict[str, bool]:
    """Each sentence of the index's first passage (stripped) and whether it stands aside as a
    heading does (`sentence_features`)."""
    sentences, _, heading, _, _, _ = sentence_features(index, 0, q, {})
    return {index.sentence_text(r).strip(): bool(h) for r, h in zip(sentences, heading)}


def _one_document(encoder, doc_id: str, text: str) -> Searcher:
    """A searcher over one trial protocol's text, with the default passages."""
    doc = document_from_text(doc_id, text, title="A trial protocol")
    return Searcher(encoder=encoder, index=MemoryIndex([doc], encoder, ChunkingParams()))


def test_a_question_asking_for_an_amount_highlights_a_sentence_that_states_one(encoder):
    # The first sentence repeats the question's words and scores best by itself, but states no
    # amount; the one that says how large a group gets is the answer.  A question that asks for no
    # amount keeps the best sentence.
    text = ("Group training\n\nThe training group is where patients practise the exercises together with "
            "their therapist. There will be a maximum of eight participants in each group. The sessions "
            "take place in a quiet room at the clinic.")
    searcher = _one_document(encoder, "focus.txt", text)
    assert asked_amount("How large can one training group get?") == "bound"  # the most it may be
    assert asked_amount("What is a training group?") is None
    hit = searcher.search("How large can one training group get?", k=1)[0]
    assert hit.highlight.text.startswith("There will be a maximum of eight")
    assert searcher.search("What is a training group?", k=1)[0].highlight.text.startswith("The training group is")


def test_a_passage_that_states_no_amount_comes_after_those_that_do_for_a_question_asking_one(encoder):
    # "How long is the treatment?": the schedule's paragraph says "treatment" most and had come
    # first, but states no length of time; the passage that gives the 12 months answers. A question
    # asking no amount keeps the order of the scores.
    from tests.test_ask import _searcher_of

    docs = [("schedule.txt", "Treatment schedule\n\nThe treatment schedule sets out how the treatment is given: "
                             "treatment visits, treatment checks and adherence to treatment are recorded by the nurse."),
            ("arms.txt", "Allocation\n\nParticipants are allocated to the minocycline arm or the placebo arm and "
                         "continue to receive the assigned capsules for 12 months.")]
    searcher = _searcher_of(encoder, docs)
    assert searcher.search("What is the treatment schedule?", k=2)[0].doc_id == "schedule.txt"
    question = "How long is the treatment?"
    cand = searcher.candidates(question, None, searcher.encoder.encode_query(question))
    best = cand.rows[[int(cand.fused(searcher.fusion, "hybrid").argmax())]]
    assert searcher.index.doc_ids[int(searcher.index.passage_docs(best)[0])] == "schedule.txt"  # by the scores alone
    assert searcher.search(question, k=2)[0].doc_id == "arms.txt"


def test_a_question_asking_when_something_was_done_highlights_a_sentence_that_dates_it(encoder):
    # "What year was WAL mode introduced?": the sentence that repeats the question's words says why,
    # and dates nothing; the one giving the release's date answers. A count is no year ("2000
    # columns"), and a "when" of circumstance asks for no date.
    text = ("Write-ahead logging\n\nWAL mode was introduced so that readers do not block writers and a writer "
            "does not block readers. The first release to support it was version 3.7.0, published in July 2010. "
            "A database in WAL mode can hold up to 2000 columns per table.")
    searcher = _one_document(encoder, "wal.txt", text)
    assert asked_amount("What year was WAL mode introduced?") == "date"
    assert asked_amount("When was the trial registered?") == "date"
    assert asked_amount("When should I use WAL mode?") is None
    hit = searcher.search("What year was WAL mode introduced?", k=1)[0]
    assert hit.highlight.text.startswith("The first release to support it was version 3.7.0"), hit.highlight


def test_a_question_asking_when_a_feature_came_is_answered_by_the_release_a_manual_names(encoder):
    # A manual dates a feature by its release, not by a calendar date: "Added in version 3.12."
    # answers "When was ... added?", and a page with no year in it still answers.  The sentence that
    # repeats the question's words ("add_compile_definitions" twice) says how, not when.
    text = ("add_compile_definitions\n\nAdd preprocessor definitions to the compilation of source files.\n\n"
            "Added in version 3.12.\n\nArguments to add_compile_definitions may use generator expressions. "
            "Definitions are specified using the syntax VAR or VAR=value.")
    searcher = _one_document(encoder, "add_compile_definitions.rst", text)
    question = "When was add_compile_definitions added?"
    hits = searcher.search(question, k=1)
    assert hits[0].highlight.text.strip() == "Added in version 3.12."
    assert searcher.answered(hits, question)


def test_a_question_counting_things_is_not_answered_by_a_span_of_time(encoder):
    # "How many patients" counts people: the sentence that repeats the question's words ("patients",
    # "letters") states only follow-up times ("6- and 12-month"), and the count is in the sentence
    # after "These letters went to".  A question that asks how many months keeps the times.
    text = ("Recruitment\n\nThe practices wrote to every registered adult aged over 18 years. These letters went "
            "to 5200 people. Reminder letters were posted to patients who did not reply at the 6- and 12-month "
            "follow-ups, asking them to return the questionnaire. The trial's website explained what taking part "
            "involved.")
    searcher = _one_document(encoder, "trial.txt", text)
    assert asked_amount("How many patients were sent letters asking them to join the study?") == "count"
    assert asked_amount("How many months after joining were reminder letters sent?") == "number"
    hit = searcher.search("How many patients were sent letters asking them to join the study?", k=1)[0]
    assert "These letters went to 5200 people." in hit.highlight.text
    hit = searcher.search("How many months after joining were reminder letters sent?", k=1)[0]
    assert hit.highlight.text.startswith("Reminder letters were posted")
    # a name's number counts nothing either ("COVID-19"), and a count's number word before a hyphen does
    from assistant.search.answer import _states_amount

    assert not _states_amount("COVID-19 spread quickly.", "count")
    assert _states_amount("Twenty-five patients took part.", "count")
    # nor does a date or a time of day: a page's footer, "This page last modified on 2022-05-31
    # 20:17:58 UTC", had been the highlight of "How many people use SQLite worldwide?"
    assert not _states_amount("This page last modified on 2022-05-31 20:17:58 UTC", "count")
    assert not _states_amount("Updated on 12 March 2020 at 10:30.", "count")
    assert _states_amount("In 2019, 2000 patients were enrolled.", "count")


def test_a_citations_numbers_state_no_amount(encoder):
    # The sentence that repeats the question's words cites its sources ("[71]", "[12, 13]"); the
    # amount the question asks for is in the next one.
    text = ("Scanner calibration\n\nDifferences between the scanners of the sites were measured in a calibration "
            "study before the trial [71] that followed earlier work [12, 13]. Between-centre differences accounted "
            "for 10% of variation in structural MRI. The protocol was then fixed for all sites.")
    searcher = _one_document(encoder, "benemin.txt", text)
    hit = searcher.search("How big were the differences between the sites' scanners?", k=1)[0]
    assert hit.highlight.text.startswith("Between-centre differences accounted for 10%")


def test_a_short_line_of_program_output_hands_the_highlight_to_no_code_line(encoder, tmp_path):
    # Documentation with program output: the warning line repeats the question's words but is a
    # short line without a sentence end, and what follows it is more output, not its answer; the
    # "For example:" label scores high on its block's opening line alone.  The sentence that
    # answers in words is highlighted.
    text = ("# Lints\n\n## missing_docs\n\nThis lint is allowed by default. It detects items missing "
            "documentation.\nFor example:\n\n```\n#![warn(missing_docs)]\npub fn undocumented() {}\n```\n\n"
            "The function will then have the following warning:\n\nwarning: missing documentation for a function\n"
            "--> your-crate/lib.rs:3:1\n")
    searcher = searcher_of_file(encoder, tmp_path / "lints.md", text)
    hit = searcher.search("Which lint warns about missing documentation?", k=1)[0]
    assert "It detects items missing documentation." in hit.highlight.text


def test_an_interpreter_sessions_lines_and_what_it_printed_are_code(encoder, tmp_path):
    # A library reference's example: the string the session printed ("'Text file contents'")
    # repeats the question's words (it was the highlight of a passage that held the description
    # too), and a comment typed at the prompt reads as a sentence; the method's description in
    # words is the answer. A line of prose after the session's block is words again.
    text = ("# pathlib\n\n## Methods\n\nPath.read_text(encoding=None): Return the decoded contents of the pointed-to "
            "file as a string:\n\n```\n>>> p = Path('my_text_file')\n>>> p.write_text('Text file contents')\n18\n"
            ">>> # the text of the file, read back as a string\n>>> p.read_text()\n'Text file contents'\n```\n\n"
            "The file is opened and then closed.\n")
    searcher = searcher_of_file(encoder, tmp_path / "pathlib.md", text)
    hit = searcher.search("How do I read a file's text with pathlib?", k=1)[0]
    assert hit.highlight.text.startswith("Path.read_text(encoding=None): Return the decoded contents"), hit.highlight
    index = searcher.index
    q = encoder.encode_query("file text")
    flagged = _heading_like(index, q)
    assert flagged["'Text file contents'"] and flagged["18"] and not flagged["The file is opened and then closed."]
    assert is_code_like(">>> # the text of the file, read back as a string")
    # a line typed at the continuation prompt is code too, however it reads ("... help='additional
    # help')" had been the highlight of "How do I use argparse subcommands?")
    searcher = searcher_of_file(encoder, tmp_path / "argparse.md", (
        "# argparse\n\n## Sub-commands\n\nThe add_subparsers() method also supports title and description keyword "
        "arguments.\n\n```\n>>> parser = argparse.ArgumentParser()\n>>> subparsers = parser.add_subparsers(title='subcommands',\n"
        "...                                    description='valid subcommands',\n"
        "...                                    help='additional help')\n>>> subparsers.add_parser('foo')\n```\n"))
    flagged = _heading_like(searcher.index, encoder.encode_query("How do I use argparse subcommands?"))
    assert flagged["... help='additional help')"], flagged


def test_a_line_of_code_hands_the_highlight_to_a_sentence_in_words(encoder, tmp_path):
    # API documentation: the code example repeats the question's names ("path.relative") and scores
    # best by itself; the sentence that says what the method does is the answer.
    text = ("# Path\n\n## path.relative(from, to)\n\nThe path.relative() method returns the relative path from "
            "from to to, based on the current working directory.\n\nFor example, on POSIX:\n\n```\n"
            "path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb');\n// Returns: '../../impl/bbb'\n```\n")
    searcher = searcher_of_file(encoder, tmp_path / "path.md", text)
    hit = searcher.search("What does path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb') return?", k=1)[0]
    assert hit.highlight.text.startswith("The path.relative() method returns")
    # What counts as a line of code: its shape, and few words; a sentence that ends in a signature,
    # a table row of numbers and a clause ending in a semicolon are not.
    for code in ("path.relative('/a', '/b');", "#include <stdlib.h>", "// Returns: '../../impl/bbb'",
                 "import dns from 'node:dns';", ".on('error', (err) => {", "0 0 0 0 111 9 freeX();", "}",
                 # a statement with a comment of many words after it
                 "c.items()                       # convert to a list of (elem, cnt) pairs",
                 # an import holds no bracket or operator; an assignment ends in no call of its own
                 "from tqdm import tqdm", "import numpy as np", "df = pd.DataFrame(np.random.randint(0, 100, (100, 6)))",
                 # a block's opening or closing line, however many words it holds
                 "for await (const startTime of setInterval(interval, Date.now())) {", "} else if (count of items) {",
                 # a command typed at a shell's prompt
                 "$ pyenv install 2.7.6", "$ python --version",
                 # a C declaration ends on an index ("int static[5];" had been Valgrind's FAQ's highlight)
                 "int static[5];", "char buf[BUFSIZ];",
                 # a signature wrapped over lines, and a command's synopsis (CMake's "subdirs(dir1 dir2
                 # ...[EXCLUDE_FROM_ALL ..." had been the highlight for what EXCLUDE_FROM_ALL does)
                 "subdirs(dir1 dir2 ...[EXCLUDE_FROM_ALL exclude_dir1 exclude_dir2 ...]", "[VERBATIM] [APPEND]",
                 "<PRIVATE|PUBLIC|INTERFACE> <item>...", "cmake --find-package [<options>]",
                 "[NEWLINE_STYLE [UNIX|DOS|WIN32|LF|CRLF] ])", "] [...]",
                 "[RUNTIME_DEPENDENCIES args...|RUNTIME_DEPENDENCY_SET <set-name>]",
                 "PRIVATE_HEADER|PUBLIC_HEADER|FILE_SET <set-name>|CXX_MODULES_BMI]",
                 # a JSON member of a command's output ('"Arn": "arn:aws:iam::..."' had been the highlight)
                 '"Arn": "arn:aws:iam::123456789012:role/Test-Role"', '"Size": 373', '"IsTruncated": false,',
                 # a command going on on the next line (it had been a claim's evidence)
                 "aws s3 rb s3://amzn-s3-demo-bucket \\",
                 # an SQL statement ("PRAGMA schema.journal_mode;" had been the highlight for what the pragma does)
                 "PRAGMA schema.journal_mode;", "DROP TABLE users;", "SELECT * FROM t1;",
                 # C with a comment closing the line, and a block comment's lines however many words
                 "sqlite3 *pDb, /* Database to back up */", "int rc;  /* Function return code */",
                 "** If the backup process is successfully completed, SQLITE_OK is returned.",
                 "/* Open the database file identified by zFilename. */",
                 # a C function's declaration, whole or wrapped after a parameter, however many words
                 # its parameters hold (a manual's signature had been the highlight for what the
                 # function returns)
                 "int asn1_der_decoding (asn1_node * element, const void * ider,",
                 "const char * asn1_strerror (int error)", "void free(void *ptr);"):
        assert is_code_like(code), code
    for prose in ("MPI_Pcontrol cannot be wrapped as it has variable arity: int MPI_Pcontrol(const int level, ...)",
                  "28 weeks 1009.34 (366.54) 984.56 (400.48) 0.04 40.73 (1.57 to 79.88)",
                  "• patients aged 18 to 65 years;", "let-7b overexpression reduced Hmga2 and increased p16(Ink4a).",
                  "Release of LDH was less (2.9%, p < 0.001) than ferritin release.(ABSTRACT TRUNCATED AT 250 WORDS)",
                  "We use C# for this project and it works well.", "Import the data into a spreadsheet.",
                  "The mean = 5.2 years in the group", "The set {a, b} holds two items.",
                  "$ 5 million (the whole grant) was spent on the trial.", "see [5];",
                  # an option alone is its entry's term; a table's row opens with words
                  "--trace-children-skip=patt1,patt2,...", "Non-owner occupied 369 (59) 254 (41) 0.39 (0.30, 0.52)",
                  "Use the --verbose flag to see more.", "Chen (2019) found it.", ").", "12 | 34 | 56",
                  "[Comparative study of insulin in type 2 diabetes]", 'She said "stop": it was late.',
                  "The value is cached;", "HIV infection rates fell;", "Comments are written as /* text */",
                  "* p < 0.05 compared with the control group", "**Note** the value is cached.",
                  "Most patients (n = 20)", "The mean_score (SD) was", "long term (see below),"):
        assert not is_code_like(prose), prose


def test_what_a_command_does_is_the_line_under_its_pages_title(encoder, tmp_path):
    # A manual's page per command, titled by it: the summary under the title says what it does; the
    # signature wrapped over lines is code, and the sentence about variables had been the highlight
    # (the signature's last line before it).
    page = tmp_path / "configure_file.rst"
    page.write_text("configure_file\n--------------\n\nCopy a file to another location and modify its contents.\n\n"
                    ".. code-block:: cmake\n\n  configure_file(<input> <output>\n                 [COPYONLY] [@ONLY]\n"
                    "                 [NEWLINE_STYLE [UNIX|DOS|WIN32|LF|CRLF] ])\n\n"
                    "Copies an <input> file to an <output> file and substitutes variable values referenced as @VAR@ in "
                    "the input file content. Each variable reference will be replaced with the current value of the "
                    "variable, or the empty string if the variable is not defined.\n")
    searcher = searcher_of_file(encoder, page, page.read_text())
    hit = searcher.search("What does configure_file do?", k=1)[0]
    assert hit.highlight.text == "Copy a file to another location and modify its contents.", hit.highlight


def test_what_a_thing_does_is_the_sentence_it_is_the_subject_of_where_nothing_defines_it(encoder, tmp_path):
    # scater's vignette: "scater provides tools for ..." says what it does; the model had chosen
    # the note that names it in passing. "The BatchtoolsParam class allows ..." names a class of it,
    # and "scater results are ..." a noun: neither says what it does.
    page = tmp_path / "overview.md"
    page.write_text("# Introduction\n\nscater provides tools for visualization of single-cell transcriptomic data. "
                    "It is based on the SingleCellExperiment class, and thus is interoperable with many other packages. "
                    "To demonstrate the use of the various scater functions, we will load in the classic Zeisel dataset.\n\n"
                    "Note: A more comprehensive description of the use of scater (along with other packages) in a "
                    "scRNA-seq analysis workflow is available at the OSCA book.\n")
    hit = searcher_of_file(encoder, page, page.read_text()).search("What does scater do?", k=1)[0]
    assert hit.highlight.text == "scater provides tools for visualization of single-cell transcriptomic data.", hit.highlight
    from assistant.search.answer import states_action

    assert states_action("edgeR, a package of R, implements novel statistical methods.", "edgeR")
    assert not states_action("The BatchtoolsParam class allows the user to specify arguments.", "BatchtoolsParam")
    assert not states_action("scater results are stored in the object.", "scater")


def test_a_programs_output_in_an_r_markdown_page_is_code_and_defines_nothing(encoder, tmp_path):
    # ballgown's vignette was made without the package: knitr printed "## Error in
    # library(ballgown): there is no package called 'ballgown'" under its code. "called 'ballgown'"
    # read as the term introduced, and the output line was the highlight for "What is ballgown?",
    # its passage ranked as one that defines the term, above the introduction that does.
    page = tmp_path / "ballgown.md"
    page.write_text("# Introduction\n\nBallgown is a software package designed to facilitate flexible differential "
                    "expression analysis of RNA-seq data. Before using the Ballgown R package, a few preprocessing steps "
                    "are necessary.\n\n"
                    "# Loading data into R\n\nThe package reads the assembly's files into one object of its class.\n\n"
                    "```r\nlibrary(ballgown)\n```\n\n```\n## Error in library(ballgown): there is no package called "
                    "'ballgown'\n```\n\nThe samplePattern argument says which folders hold the samples.\n")
    hits = searcher_of_file(encoder, page, page.read_text()).search("What is ballgown?", k=3)
    assert hits[0].highlight.text.startswith("Ballgown is a software package"), hits[0].highlight
    assert not any(h.highlight.text.startswith("##") for h in hits), [h.highlight for h in hits]
    assert is_code_like("## [1] 2") and is_code_like("## Error in library(ballgown): there is no package called 'ballgown'")


def test_a_rare_question_term_outweighs_terms_every_passage_shares(encoder):
    # A build manual: every section names the tool and building it, so those words say little
    # about which sentence answers; "RAM" is in one sentence only.  Counted alike, the Python line
    # held three of the question's terms against the memory line's one; on the real manual it took
    # the highlight for "How much RAM do I need to build Node.js?".
    sections = [f"To build Node.js {what}, run the build script of Node.js with the {flag} option."
                for what, flag in (("on Linux", "--linux"), ("on macOS", "--mac"), ("on Windows", "--win"),
                                   ("documentation", "--docs"), ("tests", "--test"), ("releases", "--release"))]
    text = ("Prerequisites\n\n"
            "• Python support: the Node.js project supports Python >= 3.6 for building and testing.\n"
            "• Memory: at least 8GB of RAM is typically required when compiling with 4 parallel jobs.\n\n"
            + "\n\n".join(sections))
    doc = document_from_text("BUILDING.md", text, title="Building Node.js")
    index = MemoryIndex([doc], encoder, ChunkingParams(max_tokens=96, overlap_tokens=0))
    question = "How much RAM do I need to build Node.js?"
    terms = term_weights(index, question, bm25_tokenize([question])[0])
    assert terms["ram"] > 3 * terms["node"]
    sentences, x, *_ = sentence_features(index, 0, encoder.encode([question])[0], terms)  # the two lines' passage
    texts = [index.sentence_text(r) for r in sentences]
    share = dict(zip(texts, x[:, SENTENCE_FEATURES.index("term_share")]))
    python = next(t for t in texts if t.startswith("• Python"))
    memory = next(t for t in texts if t.startswith("• Memory"))
    assert share[memory] > share[python]


def test_a_highlight_that_ends_in_a_colon_takes_the_command_after_it(encoder, tmp_path):
    # "... invoking the following command:" says how, the command under it is the answer; a
    # sentence in words after a colon is not taken with it.
    text = ("# Checker\n\n## Step 3: Run the checker\n\nNow you can run the checker by invoking the following "
            "command:\n\n```\ncargo check-all\n```\n\n## Step 4: Read the report\n\nThe report lists each warning "
            "with its place in the code. Each warning names the rule that raised it and the way to silence it:\n\n"
            "Add an allow attribute above the function that raised the warning.\n")
    index = searcher_of_file(encoder, tmp_path / "README.md", text).index
    doc = index.document(0)
    rows = {index.sentence_text(r)[:12]: (p, r) for p in range(len(index)) for r in index.passage_sentences(p)}
    start, end = answer_span(index, *rows["Now you can "])
    assert doc.text[start:end].endswith("command:\n\ncargo check-all")
    start, end = answer_span(index, *rows["Each warning"])
    assert doc.text[start:end].endswith("the way to silence it:")


def test_a_command_a_colon_announced_passes_the_highlight_to_no_sentence_after_it(encoder, tmp_path):
    # "npm install express" is the example its sentence announced, not a heading over the next line:
    # the highlight stays with the sentence that answers, not "Follow our guide ...".
    text = ("# Express\n\n## Installation\n\nBefore installing, download and install Node.js.\n"
            "Node.js 18 or higher is required.\n\nInstallation is done using the npm install command:\n\n"
            "```console\nnpm install express\n```\n\nFollow our installing guide for more information.\n")
    searcher = searcher_of_file(encoder, tmp_path / "README.md", text)
    hit = searcher.search("What Node.js version does express require?", k=1)[0]
    assert hit.highlight.text == "Node.js 18 or higher is required."


def test_a_sentence_that_only_points_elsewhere_is_never_the_highlight(encoder):
    # A glossary's cross-reference shares the entry's words and scored best; it says nothing.
    text = ("Git Glossary\n\nfetch: Fetching a branch means to get the branch's head ref from a remote repository, "
            "to find out which objects are missing from the local object database, and to get them, too. "
            "See also git-fetch(1).\n\nfile system: Linus Torvalds originally designed Git to be a user space file "
            "system, i.e. the infrastructure to hold files and directories. That ensured the efficiency and speed of Git.\n")
    hit = _one_document(encoder, "glossary.txt", text).search("What does git fetch do?", k=1)[0]
    assert hit.highlight.text.startswith("fetch: Fetching a branch means"), hit.highlight


def test_a_sentence_sending_the_reader_to_a_page_stands_aside_as_a_heading_does(encoder, tmp_path):
    # A README's "For full documentation ..., please see <address>" shares the project's name (in
    # its address) and a question's words, and won the highlight over the feature list's "Python
    # 3.10+ or PyPy3"; "Consult the Changelog page for ..." sends the reader away too. Both stand
    # aside as a heading does. "For severe pain, see a doctor within a day." is advice, not a
    # pointer: it stays a sentence that may answer.
    text = ("The pytest framework makes it easy to write small tests, yet scales to support complex functional "
            "testing.\n\nFeatures\n\n• Python 3.10+ or PyPy3\n\nDocumentation\n\nFor full documentation, including installation, "
            "tutorials and PDF documents, please see https://docs.pytest.org/en/stable/.\n\nConsult the Changelog page "
            "for fixes and enhancements of each version.\n\nFor severe pain, see a doctor within a day.\n")
    searcher = _one_document(encoder, "pytest.txt", text)
    index = searcher.index
    flagged = _heading_like(index, encoder.encode_query("python versions"))
    assert flagged["For full documentation, including installation, tutorials and PDF documents, please see "
                   "https://docs.pytest.org/en/stable/."]
    assert flagged["Consult the Changelog page for fixes and enhancements of each version."]
    assert not flagged["• Python 3.10+ or PyPy3"] and not flagged["For severe pain, see a doctor within a day."]
    # a pointer may name the guide it sends to at any length (the AWS CLI's examples end each so,
    # and the pointer had been the highlight of "How do I create an IAM user?")
    text = ("# create-user\n\n## Example 1: To create an IAM user\n\nThe following create-user command creates an IAM "
            "user named Bob in the current account.\n\nFor more information, see Creating an IAM user in your AWS account "
            "in the AWS IAM User Guide.\n")
    searcher = searcher_of_file(encoder, tmp_path / "create-user.md", text)
    flagged = _heading_like(searcher.index, encoder.encode_query("How do I create an IAM user?"))
    assert flagged["For more information, see Creating an IAM user in your AWS account in the AWS IAM User Guide."]
    hit = searcher.search("How do I create an IAM user?", k=1)[0]
    assert hit.highlight.text.startswith("The following create-user command"), hit.highlight
    # a list's bullet is no word of a short pointer, and one to a named thing for what it says is
    # one at any length (both had been the highlight of "What is a namedtuple?"); "see a doctor"
    # is advice
    assert points_elsewhere("• See typing.NamedTuple for a way to add type hints for named tuples.")
    assert points_elsewhere("• See types.SimpleNamespace() for a mutable namespace based on an underlying dictionary instead "
                            "of a tuple.")
    assert points_elsewhere("See Table 3 for the baseline characteristics of the participants in each arm of the trial.")
    assert not points_elsewhere("See a doctor for severe pain that lasts more than a day or comes back after treatment.")


def test_a_boxed_notes_title_over_its_text_hands_the_highlight_to_the_text(encoder):
    # A handbook's boxed note: its title, a line of its own with no sentence end, says the words
    # of the definition under it and won the highlight for "What is a hard link?". A list item and
    # a definition after its term's colon, lines alike, stay sentences that may answer.
    text = ("Backup\n\nThe rsync command is used daily to back up these different servers.\n\n"
            "BACK TO BASICS The hard link, a second name for the file\n\n"
            "A hard link, as opposed to a symbolic link, cannot be differentiated from the linked file. "
            "Creating a hard link is essentially the same as giving an existing file a second name.\n\n"
            "• Keep regular times for going to bed and getting up\n\n• Avoid caffeine after midday\n\n"
            "--json: configure json messages printed by the compiler\n\n"
            "When the json option is passed, all of the compiler's messages are printed as json.\n")
    searcher = _one_document(encoder, "backup.txt", text)
    hit = searcher.search("What is a hard link?", k=1)[0]
    assert hit.highlight.text.startswith("A hard link, as opposed to a symbolic link"), hit.highlight
    flagged = _heading_like(searcher.index, encoder.encode_query("hard link"))
    assert flagged["BACK TO BASICS The hard link, a second name for the file"], flagged
    assert not flagged["• Keep regular times for going to bed and getting up"], flagged
    assert not flagged["--json: configure json messages printed by the compiler"], flagged


def test_a_programs_scope_is_no_studys_aim(encoder):
    # "We aimed to ..." restates a study's question and stands aside; "pycparser aims to support
    # the full C11 language" says what the program does, and answers "Does pycparser support C11?".
    text = ("Which version of C does pycparser support?\n\npycparser aims to support the full C11 language, including "
            "earlier revisions like C99. It supports very few GCC extensions.\n\nWe aimed to estimate how many "
            "programs the parser reads without changes.\n")
    searcher = _one_document(encoder, "pycparser.txt", text)
    hit = searcher.search("Does pycparser support C11?", k=1)[0]
    assert hit.highlight.text.startswith("pycparser aims to support the full C11 language"), hit.highlight
    index = searcher.index
    flagged = _heading_like(index, encoder.encode_query("parser"))
    assert flagged["We aimed to estimate how many programs the parser reads without changes."], flagged
    assert not flagged["pycparser aims to support the full C11 language, including earlier revisions like C99."]


def test_what_a_study_was_designed_to_test_or_hypothesized_is_its_aim_and_no_evidence_for_a_claim(encoder, tmp_path):
    # "The present study was designed to test the effects of ..." says what a study set out to find,
    # like "We aimed to": it had supported "The hand hygiene website reduced infections." of a paper
    # that reports no infections. What a thing was designed to do is no aim ("The app was designed to
    # be used daily."), and "What was the study designed to test?" asks for the aim.
    from assistant.claims import ClaimChecker
    from assistant.search.answer import asks_aim, poses_question

    assert poses_question("The present study was designed to test the effects of the website on hand-washing.")
    # so is what it expected to find ("We hypothesized that hand-washing rates ... would be higher" had
    # been the highlight for "Did the web intervention increase hand-washing?"); "predicted and observed" reports
    assert poses_question("We hypothesized that hand-washing rates would be higher in the intervention group.")
    assert not poses_question("We predicted and observed modest changes in hand-washing.")
    assert not poses_question("The app was designed to be used daily.")
    assert asks_aim("What was the study designed to test?")
    text = ("# A web programme for hand hygiene\n\n## Introduction\n\nThe present study was designed to test the effects "
            "of our web programme on respiratory infections in households.\n\n## Results\n\nHand-washing rates were "
            "higher after the programme in the intervention group than in the control group.\n")
    searcher = searcher_of_file(encoder, tmp_path / "handwashing.md", text)
    verdict = ClaimChecker(searcher).check("The web programme reduced respiratory infections in households.")
    assert verdict.verdict == "not_found", verdict


def test_a_comment_among_lines_of_code_is_code_however_many_words_it_has(encoder, tmp_path):
    # tqdm's pandas example: the imports, an assignment and the comments in the code share the
    # question's names ("tqdm", "pandas") and scored above the sentence in words that introduces it.
    text = ("# tqdm\n\n## Pandas Integration\n\nDue to popular demand we've added support for pandas -- here's an "
            "example for DataFrame.progress_apply:\n\n```python\nimport pandas as pd\nimport numpy as np\n"
            "from tqdm import tqdm\n\ndf = pd.DataFrame(np.random.randint(0, 100, (100000, 6)))\n\n"
            "# Register `pandas.progress_apply` and `pandas.Series.map_apply` with `tqdm`\n"
            "# (can use `tqdm.gui.tqdm`, `tqdm.notebook.tqdm`, optional kwargs, etc.)\ntqdm.pandas(desc=\"my bar!\")\n```\n")
    searcher = searcher_of_file(encoder, tmp_path / "tqdm.md", text)
    hit = searcher.search("How do I use tqdm with pandas?", k=1)[0]
    assert hit.highlight.text.startswith("Due to popular demand we've added support for pandas"), hit.highlight
    # and so is a run of lines without words between two lines of code: a struct's fields
    rust = searcher_of_file(encoder, tmp_path / "debug.md", (
        "# Trait Debug\n\n## Examples\n\nDeriving an implementation for a struct:\n\n```rust\n#[derive(Debug)]\n"
        "struct Point {\n    x: i32,\n    y: i32,\n}\n```\n\nThe derived output names the struct and its fields.\n"))
    index = rust.index
    flagged = _heading_like(index, encoder.encode_query("derive"))
    assert flagged["x: i32,"] and flagged["y: i32,"], flagged
    assert not flagged["The derived output names the struct and its fields."]


def test_a_table_row_can_be_the_highlight_and_a_header_row_hands_it_to_no_row(encoder, tmp_path):
    # Two tables: the answering row of a schedule ("Saliva kit for DNA donation | RP") is short,
    # without a sentence end or a number, like a heading, but the line above it is a row too, so it
    # is a row and may be the answer; an antibody table's header row names the question's terms
    # ("Dilution") but announces rows, not the one under it, so it hands the highlight to no row.
    text = ("# A study\n\n## Antibodies\n\nThe antibodies used in this study are listed below.\n\n"
            "| Antibody | Species | Dilution | Source |\n|---|---|---|---|\n"
            "| CTb | Goat | 1:5000 | List biological |\n"
            "| VGLUT2 | Rabbit | 1:5000 | Synaptic systems |\n"
            "| NK1r | Rabbit | 1:10,000 | Sigma Aldrich |\n\n"
            "## Assessments\n\nEach participant is assessed at every visit, as set out below.\n\n"
            "| Assessment | Visits |\n|---|---|\n"
            "| Blood pressure and heart rate | EM WCM |\n"
            "| Saliva kit for DNA donation | RP |\n"
            "| Global Assessment of Functioning | CO CO |\n")
    searcher = searcher_of_file(encoder, tmp_path / "study.md", text)
    assert searcher.search("At what dilution was the NK1 receptor antibody used?", k=1)[0].highlight.text == \
        "NK1r | Rabbit | 1:10,000 | Sigma Aldrich"
    assert searcher.search("What is used to collect DNA from participants?", k=1)[0].highlight.text == \
        "Saliva kit for DNA donation | RP"


def test_table_rows_are_lines_of_words_under_lines_of_words_not_list_items_commands_or_code():
    # Each block below is lines one line break apart, as documents hold them. Only the schedule's
    # rows (the header stays a line that may introduce) are rows; a bulleted list of parameters,
    # shell commands and a program's lines stay what they were (heading-like short lines).
    from assistant.search.answer import _table_rows, is_code_like

    blocks = [
        ["Assessment Visit Week", "Blood pressure and heart rate EM WCM", "Saliva kit for DNA donation RP"],
        ["• idle {number}", "• active {number}", "• utilization {number}"],
        ["mkdir node_gn", "cd node_gn", "fetch node"],
        ["const {", "performance observer entries,", "PerformanceObserver,", "} = require('node:perf_hooks');"],
    ]
    text = "\n\n".join("\n".join(b) for b in blocks)
    lines = [ln for b in blocks for ln in b]
    spans, at = [], 0
    for ln in lines:
        at = text.index(ln, at)
        spans.append((at, at + len(ln)))
        at += len(ln)
    rows = _table_rows(text, spans, lines, np.array([is_code_like(t) for t in lines]), frozenset())
    assert [ln for ln, r in zip(lines, rows) if r] == ["Blood pressure and heart rate EM WCM", "Saliva kit for DNA donation RP"]


def test_a_highlight_that_announces_a_list_takes_its_items_when_each_is_a_sentence(encoder, tmp_path):
    # "... when these three behaviors occur:" names none of them; the three bullets do. A list whose
    # items run to several sentences is too long to show as the answer: its lead-in stays alone.
    text = ("# References\n\n## Data races\n\nA data race is similar to a race condition and happens when these "
            "three behaviors occur:\n\n- Two or more pointers access the same data at the same time.\n"
            "- At least one of the pointers is being used to write to the data.\n"
            "- There is no mechanism being used to synchronize access to the data.\n\n"
            "## Kinds of plasticity\n\nThere are two main kinds of plasticity in the adult brain:\n\n"
            "1. Structural plasticity: the brain changes its physical structure. New synapses form.\n"
            "2. Functional plasticity: functions move from damaged areas to healthy ones. This aids recovery.\n\n"
            "## Ownership\n\nFirst, let's take a look at the ownership rules of the language. Keep these rules in "
            "mind as we work through the examples:\n\n- Each value has an owner.\n- There can only be one owner at "
            "a time.\n- When the owner goes out of scope, the value is dropped.\n")
    searcher = searcher_of_file(encoder, tmp_path / "notes.md", text)
    # ... and the sentence before a colon that announces such a list takes the list too
    rules = searcher.search("What are the ownership rules?", k=1)[0].highlight.text
    assert rules.startswith("First, let's take a look") and rules.endswith("the value is dropped."), rules
    race = searcher.search("What causes a data race?", k=1)[0].highlight.text
    assert race.startswith("A data race is similar") and race.endswith("synchronize access to the data."), race
    kinds = searcher.search("What kinds of plasticity does the adult brain have?", k=1)[0].highlight.text
    assert kinds == "There are two main kinds of plasticity in the adult brain:", kinds


def test_a_lead_in_that_closes_its_document_is_never_the_highlight_nor_a_claims_evidence(encoder, tmp_path):
    # A saved page whose list was lost: its last line announces items that are not there, and it
    # shares the question's words better than the sentence that says what the approach treats.
    text = ("Mindful coaching\n\nMindful coaching is a talking approach that treats worry by training attention "
            "on the breath and the body.\n\nConcerns treated with mindful coaching\n\n"
            "Some concerns treated with mindful coaching include:\n")
    searcher = searcher_of_file(encoder, tmp_path / "coaching.txt", text)
    hit = searcher.search("What concerns are treated with mindful coaching?", k=1)[0]
    assert hit.highlight.text.startswith("Mindful coaching is a talking approach"), hit.highlight.text
    # nor is it a claim's evidence or closest sentence
    from assistant.claims import ClaimChecker

    verdict = ClaimChecker(searcher).check("Mindful coaching treats many concerns.")
    assert not any(e.text.startswith("Some concerns treated") for e in verdict.evidence), verdict


def test_a_list_of_authors_is_the_highlight_only_for_a_question_that_asks_who(encoder, tmp_path):
    # A paper's front page as a passage: banner, title, authors. The authors' line shares the
    # question's words ("LIMIT Trial") and their affiliation marks look like numbers, but it says
    # nothing about how many women took part; asked who wrote the paper, it is the answer.
    from assistant.search.answer import asks_person, is_byline

    text = ("Research article\n\n# Antenatal lifestyle advice for women who are overweight: the LIMIT trial\n\n"
            "Jodie M Dodd1,2*, Courtney Cramp, Zhixian Sui, Lisa N Yelland and For the LIMIT Trial Group\n\n"
            "## Background\n\nWe randomised 2,212 women with a body mass index of 25 or more in early pregnancy.\n")
    searcher = searcher_of_file(encoder, tmp_path / "limit.md", text)
    front = next(h for h in searcher.search("How many women were in the LIMIT trial?", k=5) if "Dodd" in h.text)
    assert not front.highlight.text.startswith("Jodie M Dodd"), front.highlight.text
    who = next(h for h in searcher.search("Who wrote the LIMIT trial paper?", k=5) if "Dodd" in h.text)
    assert who.highlight.text.startswith("Jodie M Dodd"), who.highlight.text
    assert asks_person("Which authors wrote it?") and not asks_person("How many women took part?")
    assert is_byline("Lucy Yardley, PhD; Sascha Miller, MSc; Wolff Schlotz, PhD; Paul Little, MD, PhD")
    assert not is_byline("The study was carried out in Nottingham, Norwich, Newcastle upon Tyne and Bristol.")


def test_a_docbook_pages_author_lines_name_its_writers_and_a_sentence_listing_helpers_is_no_byline(encoder, tmp_path):
    # A DocBook book's title page names its writers in author lines ('<h3 class="author">'), which
    # main-content extraction leaves out, and no <meta> tag names them; its copyright lines print
    # their names. Its acknowledgements list proofreaders in a sentence, which had been read as a
    # list of authors and answered "Who wrote this book?".
    from assistant.config import ChunkingParams
    from assistant.index import MemoryIndex
    from assistant.ingest import load_file
    from assistant.search import Searcher
    from assistant.search.answer import is_byline

    title = ("<html><head><title>The Administrator's Handbook</title></head><body><div class=\"book\">"
             "<h1 class=\"title\">The Administrator's Handbook</h1><div class=\"authorgroup\">"
             + "".join(f'<div class="author"><h3 class="author"><span class="firstname">{first}</span> '
                       f'<span class="surname">{last}</span></h3><code class="email">{last.lower()}@example.org</code></div>'
                       for first, last in (("Raphael", "Hertzog"), ("Roland", "Mas")))
             + "</div><p class=\"copyright\">Copyright © 2003, 2004, 2022 Raphael Hertzog</p>"
             "<p class=\"copyright\">Copyright © 2006, 2015 Roland Mas</p>"
             "<p>This book is free documentation: you can redistribute it and modify it under the terms of the GNU "
             "General Public License as published by the Free Software Foundation.</p></div></body></html>")
    thanks = ("<html><head><title>Acknowledgments</title></head><body><h1>Acknowledgments</h1>"
              "<p>We benefited from the generous help of proofreaders: Daniel Phillips, Gerold Rupprecht, Gordon Dey, "
              "Jacob Owens, and Tom Syroid.</p><p>Many translators made the book available in their languages and "
              "kept it up to date with every release of the distribution.</p></body></html>")
    (tmp_path / "index.html").write_text(title)
    (tmp_path / "thanks.html").write_text(thanks)
    docs = [load_file(tmp_path / name, name)[0] for name in ("index.html", "thanks.html")]
    assert docs[0].authors == ("Raphael Hertzog", "Roland Mas") and docs[1].authors == ()
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams()))
    hit = searcher.search("Who wrote this book?", k=1)[0]
    assert hit.doc_id == docs[0].doc_id and "Raphael Hertzog" in hit.highlight.text, hit.highlight
    assert not is_byline("We benefited from the generous help of proofreaders: Daniel Phillips, Gerold Rupprecht, "
                         "Gordon Dey, Jacob Owens, and Tom Syroid.")


def test_a_question_asking_who_wrote_highlights_the_byline(encoder, tmp_path):
    # A saved blog post names its writer in a labelled byline ("• Writer: Prisha Oza"), which no
    # list-of-authors rule reads (one name, no e-mail): asked who wrote the post, the highlight was a
    # sentence of its first paragraph. Asked who funded something, the byline is no answer.
    from assistant.search.answer import asks_person, names_writer

    text = ("Sleep and memory\n\n• Writer: Maria Gonzalez\n• Mar 3, 2021\n\nSleep strengthens the memories formed "
            "during the day, according to recent studies of students who slept after learning word pairs. The "
            "study was funded by a national research council.\n")
    searcher = searcher_of_file(encoder, tmp_path / "sleep.txt", text)
    assert searcher.search("Who wrote the post about sleep and memory?", k=1)[0].highlight.text == "• Writer: Maria Gonzalez"
    assert searcher.search("Who funded the sleep study?", k=1)[0].highlight.text != "• Writer: Maria Gonzalez"
    assert asks_person("Who wrote it?") == "author" and asks_person("Who funded it?") == "who"
    assert asks_person("How many women took part?") is None
    assert names_writer("By Maria Gonzalez") and names_writer("Authors: A. Smith and B. Jones")
    assert not names_writer("By the way, sleep helps.") and not names_writer("By 2020 Sleep Matters closed.")


def test_a_question_asking_who_wrote_a_document_is_answered_by_its_list_of_writers(encoder, tmp_path):
    # A talk's page as saved: its speakers each on a line of their own under the title (no comma
    # list, so only the page's author tags tell that they are its writers), its text, and a closing
    # section whose sentence names "the authors" and matched the question better than any name.
    from assistant.config import ChunkingParams
    from assistant.index import MemoryIndex
    from assistant.ingest import load_file
    from assistant.search import Searcher
    from assistant.search.answer import asks_writers

    speakers = ["Jens Gramm", "Tzvika Hartman", "Till Nierhoff", "Roded Sharan"]
    paragraphs = "".join(f"<p>{t}</p>" for t in [
        "Haplotyping infers the two copies of each chromosome from the genotypes of individuals.",
        "A perfect phylogeny explains the haplotypes with one mutation per site.",
        "Data may be missing, which makes the problem NP-complete even for restricted cases.",
        "Blocks of contiguous sites each get a perfect phylogeny of their own.",
        "Finding an optimal partition into blocks is hard for genotype matrices.",
        "Perfect path phylogenies make the partition tractable in polynomial time."] * 3)
    page = ("<html><head><title>SNP block partitioning</title>"
            + "".join(f'<meta name="citation_author" content="{n}">' for n in speakers)
            + "</head><body><main><h1>SNP block partitioning under the perfect phylogeny model</h1>"
            + "".join(f"<p>{n}</p>" for n in speakers)
            + f"<h2>The problem</h2>{paragraphs}<h2>Acknowledgements</h2>"
            + "<p>The authors thank the reviewers; all authors read and approved the slides.</p></main></body></html>")
    # A second document with a writer of its own: it answers a question that names no document,
    # never one asked of the talk.
    (tmp_path / "talk.html").write_text(page)
    (tmp_path / "sleep.txt").write_text("Sleep and memory\n\n• Writer: Maria Gonzalez\n\nSleep strengthens the "
                                        "memories formed during the day.\n")
    docs = [load_file(tmp_path / name, name)[0] for name in ("talk.html", "sleep.txt")]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams()))
    asked_of_talk = searcher.search("Who wrote the talk on SNP block partitioning?", k=5)
    first = asked_of_talk[0]
    assert first.highlight.text.startswith("Jens Gramm") and first.highlight.text.endswith("Roded Sharan"), first.highlight
    assert first.probability == 1.0
    assert not any(h.doc_id == "sleep.txt" and h.probability == 1.0 for h in asked_of_talk)
    anyone = searcher.search("Who are the authors?", k=2)
    assert {h.doc_id for h in anyone if h.probability == 1.0} == {"talk.html", "sleep.txt"}
    assert asks_writers("Who is the author of this paper?") and asks_writers("Who presented the talk?")
    # which authors reported a finding is asked of the text, not of the list of writers
    assert not asks_writers("Which authors found that blocks help?") and not asks_writers("Who funded the study?")
    assert searcher.search("Which authors found that blocks help?", k=1)[0].probability < 1.0


def test_the_number_a_question_names_picks_its_row_of_a_table(encoder, tmp_path):
    # Two rows read alike but for their week, and the model reads "4" and "14" alike; BM25's tokens
    # leave one-digit numbers out, so only the question's whole number "4" tells the rows apart
    # ("4" must not match the "4.96" or "4.91" inside them either).
    text = ("# A trial\n\n## Outcomes\n\nMean values by group at each visit are shown below.\n\n"
            "| Outcome | Control n | Control | Intervention n | Intervention |\n|---|---|---|---|---|\n"
            "| Intention score at 14 weeks | 134 | 4.96 (1.68) | 252 | 6.06 (1.21) |\n"
            "| Intention score at 4 weeks | 142 | 4.91 (1.71) | 270 | 6.13 (1.18) |\n")
    searcher = searcher_of_file(encoder, tmp_path / "trial.md", text)
    hit = searcher.search("What was the mean intention score at 4 weeks in each group?", k=1)[0]
    assert hit.highlight.text.startswith("Intention score at 4 weeks")


def test_a_row_for_a_time_point_reads_under_the_row_that_names_what_it_measures(encoder, tmp_path):
    # A journal's table gives each measure a row, then a row per visit that opens with the visit.
    # Two "28 weeks" rows: the one under "Calcium, mg" answers; the one under "Energy, kJ" and the
    # calcium row itself (trial entry) do not. The prose sections give the question's common words
    # ("weeks", "groups", "intake", "differ") the weight they have in a paper.
    prose = "".join(f"## Visit {i}\n\nAt {w} weeks of pregnancy the women in both groups reported how much they ate, "
                    "and dietary intake was compared between the groups to see whether it did differ.\n\n"
                    for i, w in enumerate((12, 20, 28, 36)))
    text = ("# A trial\n\n" + prose + "## Diet\n\nDietary intake by group at each visit is shown below.\n\n"
            "| Measure | Lifestyle advice | Standard care | Difference (95% CI) |\n|---|---|---|---|\n"
            "| Energy, kJ Trial entry | 8501.2 (2512.3) | 8432.9 (2643.0) | 68.3 (-240.1 to 376.7) |\n"
            "| 28 weeks | 8342.1 (2337.5) | 8612.6 (2581.2) | -270.5 (-560.2 to 19.2) |\n"
            "| 36 weeks | 8290.4 (2498.8) | 8475.0 (2533.6) | -184.6 (-501.3 to 132.1) |\n"
            "| Calcium, mg Trial entry | 930.81 (388.80) | 963.43 (429.48) | -32.10 (-71.25 to 7.04) |\n"
            "| 28 weeks | 1009.34 (366.54) | 984.56 (400.48) | 40.73 (1.57 to 79.88) |\n"
            "| 36 weeks | 1031.14 (421.66) | 1003.76 (404.85) | 31.99 (-11.04 to 75.02) |\n")
    searcher = searcher_of_file(encoder, tmp_path / "trial.md", text)
    hits = searcher.search("At 28 weeks, how much did calcium intake differ between the groups?", k=5)
    table = next(h for h in hits if "Calcium" in h.text)
    assert table.highlight.text.startswith("28 weeks | 1009.34")


def test_a_question_asking_how_often_highlights_a_sentence_that_states_a_rate(encoder):
    # Two sentences state numbers; the one that repeats the question's words also says "daily"
    # (of daily living, no rate). The rate is in "24 weekly sessions".
    text = ("Cognitive training\n\nIn the trial, 126 young people at risk of psychosis attend cognitive training groups "
            "to improve daily living. The training consists of 24 weekly group sessions led by two therapists. "
            "Each group meets in a quiet room at the clinic.")
    searcher = _one_document(encoder, "focus.txt", text)
    assert asked_amount("How often do young people attend the training groups?") == "frequency"
    hit = searcher.search("How often do young people at risk of psychosis attend the cognitive training groups?", k=1)[0]
    assert hit.highlight.text.startswith("The training consists of 24 weekly")


def test_a_statement_announcing_the_question_it_ends_with_and_a_subtitle_are_no_headings(encoder, tmp_path):
    # A guideline's "Ask ... two questions: During the last month, ...?" ends with a question mark
    # and had stood aside as a heading, so the subtitle under the title ("Summary of
    # recommendations", read as a table's row under it) was the highlight for what to ask.
    from assistant.search.answer import is_heading_like

    text = ("Depression in adults: treatment and management\nSummary of recommendations\n\n1 Recognition and assessment\n\n"
            "1.1 Be alert to possible depression, particularly in people with a chronic physical health problem.\n"
            "1.2 Ask people who may have depression two questions: During the last month, have you often been bothered by "
            "feeling down, depressed or hopeless? During the last month, have you often been bothered by having little "
            "interest or pleasure in doing things?\n\n2 Treatment\n\n2.1 Discuss treatment options with the person.\n")
    searcher = searcher_of_file(encoder, tmp_path / "guideline.txt", text)
    hit = searcher.search("What questions should I ask to screen for depression?", k=1)[0]
    assert hit.highlight.text.startswith("1.2 Ask people who may have depression two questions"), hit
    assert is_heading_like("Question 3: How do habits form?", 0, "", frozenset())
    assert is_heading_like("How is ADHD diagnosed?", 0, "", frozenset())


def test_what_a_text_says_it_will_explore_is_no_answer(encoder, tmp_path):
    # A blog post's "In this blog post, we will explore ... how it contributes to ... mental health"
    # shares every word of "How important is neuroplasticity in mental health recovery?" and was the
    # highlight; like a study's aim it announces what the text answers. Asked for the aim, it is one.
    text = ("# The role of neuroplasticity\n\nThe brain can adapt and change, known as neuroplasticity. In this blog post, "
            "we will explore the concept of neuroplasticity and how it contributes to mental health recovery. "
            "Neuroplasticity plays a crucial role in mental health recovery.\n")
    searcher = searcher_of_file(encoder, tmp_path / "blog.md", text)
    hit = searcher.search("How important is neuroplasticity in mental health recovery?", k=1)[0]
    assert hit.highlight.text.startswith("Neuroplasticity plays a crucial role"), hit
    aim = searcher.search("What is the aim of this blog post?", k=1)[0]
    assert aim.highlight.text.startswith("In this blog post"), aim


def test_a_bare_reply_is_highlighted_with_the_sentence_after_it(encoder, tmp_path):
    # "Yes." alone had been the highlight for "Can I cancel a session at short notice?": it says
    # nothing of the notice, which the sentence after it gives.
    faq = ("# Therapy FAQ\n\n## Can I cancel a session?\n\nYes. Please give us at least 48 hours' notice, or the full fee "
           "will be charged.\n\n## Is therapy confidential?\n\nEverything you say is confidential, except where there is a "
           "serious risk of harm.\n")
    searcher = searcher_of_file(encoder, tmp_path / "faq.md", faq)
    hit = searcher.search("Can I cancel a session at short notice?", k=1)[0]
    assert hit.highlight.text == "Yes. Please give us at least 48 hours' notice, or the full fee will be charged.", hit


def test_a_rate_said_in_words_answers_how_often(encoder):
    # No number in either answer: "taken daily." and "at every dose change" say how often, and a
    # question for a rate had gone unanswered by a passage without a number. "Within a week" is a
    # span of time, no rate. The sentence that states the rate goes on to ask ("to decide whether
    # it is still needed"), which had set it aside as a sentence posing a question.
    from assistant.search.answer import gives_amount

    assert gives_amount("The tablet is taken daily.", "frequency")
    assert gives_amount("Pulse should be checked before starting and at every dose change.", "frequency")
    assert not gives_amount("Symptoms improved within a week.", "frequency")
    text = ("How long will I need treatment?\n\nMany adults take medication for several years. Your doctor will review "
            "the treatment at least once a year to decide whether it is still needed.")
    searcher = _one_document(encoder, "faq.txt", text)
    hit = searcher.search("How often is treatment reviewed?", k=1)[0]
    assert hit.highlight.text.startswith("Your doctor will review"), hit


def test_a_passage_saying_a_rate_comes_before_one_with_a_number_of_another_kind(encoder, tmp_path):
    # "How often should blood pressure be monitored?": a share ("2.5% to 4% of adults") is a number,
    # which had put its passage first among those giving an amount; the rate is said in words.
    faq = ("# ADHD in adults\n\n## How common is it?\n\nAbout 2.5% to 4% of adults meet the criteria, and blood "
           "pressure is raised in some of them.\n\n## Stimulants\n\nThe common side effects are reduced appetite and "
           "headache. Blood pressure and pulse should be checked before starting treatment and at every dose change.\n")
    searcher = searcher_of_file(encoder, tmp_path / "faq.md", faq)
    hit = searcher.search("How often should blood pressure be monitored?", k=1)[0]
    assert hit.highlight.text.startswith("Blood pressure and pulse should be checked"), hit


def test_the_option_a_question_names_picks_its_line_of_a_list_of_options(encoder):
    # A manual's options, each "-x --long: what it does"; BM25's tokens leave "-k" out, and the
    # line that shares the question's other words ("decompress") is another option's.
    text = ("Options\n\n-c --stdout: Compress or decompress a file to standard output.\n"
            "-d --decompress: This option makes the program decompress a file, whatever it is called.\n"
            "-k --keep: Keep (don't delete) input files.\n"
            "-f --force: Force overwrite of output files.")
    searcher = _one_document(encoder, "bzip2.txt", text)
    hit = searcher.search("What does the -k option do when I decompress a file?", k=1)[0]
    assert hit.highlight.text.startswith("-k --keep")


def test_a_labelled_list_of_terms_is_the_highlight_only_when_the_question_names_its_label(encoder, tmp_path):
    # A paper's keywords repeat the question's words ("depression", "brain") and score best by
    # themselves, but say nothing about which regions are involved; the abstract's sentence does.
    # Asked for the keywords, the list is the answer.  A labelled definition or a sentence after a
    # label ("These included: ...") is no list of terms.
    from assistant.search.answer import _term_list_label

    text = ("# Brain regions in depression: a review\n\n"
            "## Abstract\n\nStudies of depression implicate the prefrontal cortex, the hippocampus and the "
            "amygdala. Treatment outcomes vary widely between patients.\n\n"
            "Keywords: depression, anxiety, brain regions, neuroimaging, psychotherapy\n\n"
            "## Background\n\nDepression is common.\n")
    searcher = searcher_of_file(encoder, tmp_path / "review.md", text)
    hit = next(h for h in searcher.search("Which brain regions are involved in depression?", k=5)
               if "Keywords" in h.text)
    assert hit.highlight.text.startswith("Studies of depression implicate"), hit.highlight.text
    asked = next(h for h in searcher.search("What keywords does the review list?", k=5) if "Keywords" in h.text)
    assert asked.highlight.text.startswith("Keywords:"), asked.highlight.text
    # and it answers, however the answer model scores it (0.01 for the default review's keywords,
    # so that "nothing in these documents answers" had been said above them)
    assert asked.probability == 1.0 and hit.probability < 1.0
    assert _term_list_label("Writing Group: JM Dodd, D Turnbull, A McPhee, A Deussen") == "Writing Group"
    assert _term_list_label("R: Number of minor, or recoverable, page faults.") is None
    assert _term_list_label("These included: amphetamine, MDA, MDMA, ephedrine, mephedrone") is None
    assert _term_list_label("Macro: GCM_ENCRYPT (ctx, encrypt, length, dst, src)") is None


def test_every_sentence_of_a_heading_line_is_the_heading(encoder, tmp_path):
    # A licence's numbered definition: the sentence splitter reads '1.7. "Larger Work"' as two
    # sentences, and the term alone, which repeats the question's words, was the highlight; the
    # definition under it is the answer.
    prose = "the terms of this licence apply to every copy of the software that anyone distributes. "
    text = ("Example Public License\n\n1. Definitions\n\n" + "In this licence " + prose * 2 + "\n\n"
            '1.7. "Larger Work"\n\nmeans a work that combines Covered Software with other material, in a separate '
            "file or files, that is not Covered Software.\n\n"
            "2. Grants\n\n" + "Each contributor grants " + prose * 2 + "\n")
    searcher = searcher_of_file(encoder, tmp_path / "LICENSE.txt", text)
    assert any(s.path[-1] == '1.7. "Larger Work"' for s in searcher.index.document(0).sections)
    hit = next(h for h in searcher.search("What is a Larger Work?", k=5) if "Larger Work" in h.text)
    assert hit.highlight.text.startswith("means a work that combines"), hit.highlight.text


def test_a_python_block_opening_and_a_short_comment_are_lines_of_code():
    # ir_datasets' README: a code example's "for doc in dataset.docs_iter():" and "# Provides the
    # following instructions:" were highlighted as sentences. A long comment reads as a sentence,
    # and "For example:" or "Class A: ..." in prose are no code.
    from assistant.search.answer import is_code_like

    assert is_code_like("for doc in dataset.docs_iter():") and is_code_like("with open(path) as f:")
    assert is_code_like("# Provides the following instructions:")
    assert not is_code_like("# The dataset is based on the Arabic Newswire corpus.")
    assert not is_code_like("For example:") and not is_code_like("Class A: trials with placebo.")


def test_a_line_typed_at_rs_prompt_is_code_and_a_quotation_is_not():
    # xts's FAQ prints R sessions in a font no PDF reader tells from its text: "> Data <-
    # data.frame(obs=21, ...) > sample.xts <- xts(...)" had been a claim's supporting evidence.
    from assistant.search.answer import is_code_like

    assert is_code_like('> Data <- data.frame(obs=21, timestamp=as.Date("1970-01-01")) > sample.xts <- '
                        'xts(Data[,!grepl("timestamp",colnames(Data))], + order.by=Data$timestamp)')
    assert is_code_like('> sample.xts <- xts(1:6, as.POSIXct(c("2009-09-22 07:43:30", + + > # align index into '
                        'regular (e.g. 3-hour) blocks > aligned.xts <- align.time(sample.xts, n=60*60*3)')
    assert is_code_like("> library(Rcpp)")
    assert not is_code_like("> He said that the trial (n = 40) worked for most of the patients who took part.")


def test_a_programs_message_quoted_is_output_and_the_sentence_that_explains_it_answers(encoder):
    # PostgreSQL's manual quotes the error a question asks about ("What causes the error no
    # pg_hba.conf entry for host?"): the quoted line repeats the question's words and had been the
    # highlight; the sentence that says why is the answer. A warning in prose is a sentence.
    from assistant.search.answer import is_code_like

    text = ("Authentication Problems\n\nAuthentication failures generally manifest themselves through error messages "
            "like the following:\n\nFATAL: no pg_hba.conf entry for host \"123.123.123.123\", user \"andym\", database "
            "\"testdb\"\n\nThis is what you are most likely to get if you succeed in contacting the server. As the message "
            "suggests, the server refused the connection request because it found no matching entry in its pg_hba.conf "
            "configuration file.")
    searcher = _one_document(encoder, "client-authentication-problems.txt", text)
    hit = searcher.search("What causes the error no pg_hba.conf entry for host?", k=1)[0]
    assert hit.highlight.text.startswith("As the message suggests, the server refused"), hit.highlight.text
    assert is_code_like("error[E0382]: borrow of moved value: `x`")
    assert not is_code_like("Warning: writing to the virtual table can very easily cause corruption.")


def test_a_sentence_that_poses_the_question_hands_the_highlight_to_the_finding(encoder, tmp_path):
    # An abstract states the open question ("Little is known about whether ...") in the question's
    # own words, then the finding: the question's restatement scored best and was the highlight.
    # "whether or not" asserts that something holds either way, and stays an answer.
    text = ("# Sleep loss and memory\n\nSleep supports memory. Little is known about whether sleep loss affects the "
            "consolidation of memory in adolescents. We now show that one night of sleep loss reduces the consolidation "
            "of memory in adolescents by 40%. Recovery took two nights.\n\n## Naps\n\nNaps helped recall in adults, "
            "whether or not they slept deeply.\n")
    searcher = searcher_of_file(encoder, tmp_path / "sleep.md", text)
    hit = searcher.search("Does sleep loss affect the consolidation of memory in adolescents?", k=1)[0]
    assert hit.highlight.text.startswith("We now show that one night of sleep loss"), hit.highlight.text
    hit = searcher.search("Did naps help recall in adults?", k=1)[0]
    assert hit.highlight.text.startswith("Naps helped recall in adults"), hit.highlight.text
    # An API reference says what a value tells with "whether": it states, and answers
    reference = ("# pathlib\n\n## Methods\n\nPath.chmod(mode): Change the file mode and permissions. This method "
                 "normally follows symlinks.\n\nPath.exists(): Whether the path points to an existing file or "
                 "directory.\n\nIf the path points to a symlink, exists() returns whether the symlink points to an "
                 "existing file or directory.\n")
    searcher = searcher_of_file(encoder, tmp_path / "pathlib.md", reference)
    hit = searcher.search("How do I check if a file exists with pathlib?", k=1)[0]
    assert "whether" in hit.highlight.text.lower(), hit.highlight.text


def test_an_aim_hands_the_highlight_to_the_finding_unless_the_question_asks_the_aim(encoder, tmp_path):
    # A discussion restates what the study set out to estimate in the question's own words ("the
    # number of participants required"), with an age that reads as an amount, then gives the number.
    # Asked for the aim, the aim answers.
    text = ("# A feasibility study\n\n## Discussion\n\nWe ran the programme in three schools over one term. "
            "We aimed to estimate the number of participants aged 13 to 14 required to power a full trial of the programme. "
            "Allowing for drop-out, a full trial would need to recruit 16 schools with 150 pupils each.\n\n"
            "## Methods\n\nPupils wore activity monitors for a week before and after the programme.\n")
    searcher = searcher_of_file(encoder, tmp_path / "study.md", text)
    hit = searcher.search("How many participants would a full trial of the programme require?", k=1)[0]
    assert hit.highlight.text.startswith("Allowing for drop-out"), hit.highlight.text
    hit = searcher.search("What was the aim of the study?", k=1)[0]
    assert hit.highlight.text.startswith("We aimed to estimate"), hit.highlight.text


def test_a_number_that_labels_a_thing_states_no_amount():
    # "How big ...?" is answered by a sentence stating an amount; a school's "year 9", a table's
    # number or a name's ("COVID-19") count nothing.
    from assistant.search.answer import states_number

    assert not states_number("We ran the programme across the whole of year 9, as shown in Table 2.")
    assert not states_number("Lockdowns during COVID-19 closed the schools.")
    assert states_number("We would need 16 schools with 150 participants each.")
    assert states_number("Pupils were 13–14 years old.") and states_number("Sessions lasted 2 years 6 months.")


def test_an_event_is_dated_by_a_sentence_under_the_heading_that_names_it(encoder, tmp_path):
    # "When did recruitment for GoWalk start?": the recruitment section's sentence dates it though
    # only its heading says "recruitment" ("Received 19 April 2016" of the front matter had come
    # first); the measures' section dates nothing.
    text = ("# A pilot trial of the GoWalk intervention to promote walking among adolescents\n\n"
            "Received 19 April 2016\n\nAccepted 23 August 2016\n\n## Methods\n\n### Participant recruitment\n\n"
            "In the summer term of 2013 invitation packs went home with every pupil in year 9.\n\n### Measures\n\n"
            "Pupils wore accelerometers for seven days in 2013, before and after the programme.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"gowalk.md": text, **OTHER_DOCUMENT})
    held = {r: searcher.index.passage_text(r) for r in range(len(searcher.index))}
    recruitment = next(r for r, t in held.items() if "invitation packs" in t and "accelerometers" not in t)
    measures = next(r for r, t in held.items() if "accelerometers" in t and "invitation packs" not in t)
    assert searcher._dates_event(recruitment, ["recruit", "start"])
    assert not searcher._dates_event(measures, ["recruit", "start"])


def test_where_something_was_done_is_answered_by_the_place_where_it_was_done(encoder, tmp_path):
    # Both sections name a place; the Background's is where the biobank's consent is taken, and
    # matches the question's other words better ("Consent for the SLEEPS trial biobank ... at the
    # University of York" had come first); the Methods say where the trial is conducted.
    text = ("# The SLEEPS trial: a sleep programme after stroke\n\n## Background\n\n"
            "Where the SLEEPS trial is conducted matters: sleep after stroke differs between hospitals. "
            "Consent for the SLEEPS trial biobank will be obtained separately at the University of York.\n\n"
            "## Methods\n\nNurses trained in sleep hygiene deliver four weekly sessions. It will be conducted at six "
            "stroke centres in Yorkshire.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"sleeps.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("Where will the SLEEPS trial be conducted?", k=1)[0]
    assert "six stroke centres in Yorkshire" in hit.highlight.text, hit


def test_a_list_items_number_and_a_date_line_state_no_duration(encoder):
    # A blog post numbers its points ("1. Resilience and Recovery: ...") under a byline's date:
    # "How long does it take for therapy to change the brain?" had been answered by a passage
    # whose only numbers were those, though nothing says how long.
    from assistant.search.answer import gives_amount

    assert not gives_amount("• Writer: Ann Lee\n• Apr 23, 2022\n1. Resilience and Recovery: people recover.", "number")
    assert gives_amount("1. Resilience: change shows after 8 weeks of therapy.", "number")
    text = ("Therapy and the brain\n\n• Writer: Ann Lee\n\n• Apr 23, 2022\n\nTherapy changes the brain in "
            "several ways.\n\n1. Resilience and Recovery: people facing depression can experience changes in "
            "their brain.\n\n2. Learning: therapy teaches the brain new patterns through practice.\n")
    searcher = _one_document(encoder, "post.txt", text)
    hits = searcher.search("How long does it take for therapy to change the brain?", k=5)
    assert hits and not searcher.answered(hits, "How long does it take for therapy to change the brain?")
    assert searcher.answered(hits, "How does therapy change the brain?")


def _term_shares(encoder, text: str, question: str, passage_holding: str) -> tuple[dict[str, float], dict[str, float]]:
    """The question's weighted terms, and the term share of each sentence of the passage holding
    `passage_holding` in a one-document index of `text`."""
    searcher = _one_document(encoder, "doc.txt", text)
    q = searcher.encoder.encode_query(question)
    terms = term_weights(searcher.index, question, bm25_tokenize([question])[0])
    row = next(r for r in range(len(searcher.index)) if passage_holding in searcher.index.passage_text(r))
    sentences, x, *_ = sentence_features(searcher.index, row, q, terms)
    return terms, dict(zip([searcher.index.sentence_text(r) for r in sentences], x[:, SENTENCE_FEATURES.index("term_share")]))


def test_a_sentence_using_an_abbreviation_holds_the_terms_of_its_long_form(encoder):
    # A trial report defines "children's centres (CCs)" once and then says "CCs": the sentence
    # that answers "Did any children's centres withdraw?" shares "children" and "centres" with it
    # through the definition, as the passage's BM25 terms already do ("centres" stems as "centers" does).
    text = ("Recruitment\n\nThe study was carried out in children's centres (CCs) in four cities. "
            "Nine were needed in each city.\n\nRetention\n\nNone of the 36 CCs withdrew from the study. "
            "All but one returned every questionnaire.")
    terms, share = _term_shares(encoder, text, "Did any children's centres withdraw from the study?", "None of the 36")
    said = sum(w for t, w in terms.items() if t in {"children", "center", "from", "studi"}) / sum(terms.values())
    assert share["None of the 36 CCs withdrew from the study."] == pytest.approx(said, rel=1e-4)


def test_a_sentence_spelling_out_an_abbreviation_holds_the_abbreviation(encoder):
    # The other way round: a paper defines "control-flow enforcement technology (CET)" and its
    # section on it opens by spelling it out; the sentence that answers "What is CET?" shares its
    # one term through the definition. A sentence that spells out nothing holds none of it.
    text = ("Recent extensions\n\nWe look at software guard extensions (SGX) and control-flow enforcement "
            "technology (CET) in turn.\n\nCase study\n\nControl-flow enforcement technology defends against "
            "code-reuse attacks. It adds a shadow stack.")
    terms, share = _term_shares(encoder, text, "What is CET?", "defends against")
    assert "cet" in terms
    said = terms["cet"] / sum(terms.values())
    assert share["Control-flow enforcement technology defends against code-reuse attacks."] == pytest.approx(said, rel=1e-4)
    assert share["It adds a shadow stack."] == 0.0


def test_one_or_two_names_over_an_affiliation_are_a_papers_writers(encoder):
    # A journal's title block with a single author over the university's line, and no author in
    # the file's metadata: "Who wrote ...?" had shown a sentence of the introduction. Two
    # capitalised words over a line of text are no byline, nor is an affiliation alone.
    from assistant.search.answer import names_few_writers
    from tests.test_ask import _searcher_of

    text = ("Journal of Statistical Software\n\nConducting Meta-Analyses in R with the metafor Package\n\n"
            "Wolfgang Viechtbauer\n\nMaastricht University\n\nAbstract\n\nThe metafor package provides functions "
            "for conducting meta-analyses in R. It was written by the author several years ago.\n")
    searcher = _searcher_of(encoder, [("metafor.txt", text), ("other.txt", "Sleep\n\nSleep strengthens memory.\n")])
    first = searcher.search("Who wrote the metafor package paper?", k=3)[0]
    assert (first.doc_id, first.highlight.text, first.probability) == ("metafor.txt", "Wolfgang Viechtbauer", 1.0)
    assert names_few_writers("Jodie Dodd and Andrew Todd", "School of Medicine, University of Adelaide")
    assert not names_few_writers("Study Design", "The trial was run in three centres.")
    assert not names_few_writers("Maastricht University", "Department of Methodology")


def test_one_or_two_names_between_the_title_and_a_date_are_the_writers(encoder):
    # LaTeX's title block prints the title, the author and the date, no affiliation: "Who wrote the
    # survival package?" had shown a sentence of its history. A heading between a title and a date
    # ("Release Notes") names no one, nor do names over a date further down.
    from assistant.search.answer import names_few_writers
    from tests.test_ask import _searcher_of

    text = ("A package for survival analysis in R\n\nTerry Therneau\n\nFebruary 6, 2023\n\n1 Introduction\n\n"
            "Work on the survival package began in 1985 with the analysis of medical research data.\n")
    searcher = _searcher_of(encoder, [("survival.txt", text), ("other.txt", "Sleep\n\nSleep strengthens memory.\n")])
    first = searcher.search("Who wrote the survival package?", k=3)[0]
    assert (first.doc_id, first.highlight.text) == ("survival.txt", "Terry Therneau")
    assert names_few_writers("Terry Therneau, Elizabeth Atkinson", "February 6, 2023", under_title=True)
    assert not names_few_writers("Release Notes", "February 6, 2023", under_title=True)
    assert names_few_writers("Jari Oksanen", "processed with vegan 2.6-4 in R version 4.2.1 (2022-06-23) on October 11, 2022",
                             under_title=True)
    assert not names_few_writers("Jari Oksanen", "processed with vegan 2.6-4 in R version 4.2.1", under_title=True)
    assert not names_few_writers("Terry Therneau", "February 6, 2023")


def test_a_question_asking_when_a_document_was_published_is_answered_by_the_date_it_prints(encoder):
    # A blog post prints its date under the byline, a journal article its "Received ... Published"
    # line where its text ends; the post's text reports another date (2019), and its sentences about
    # neuroplasticity had matched "When was the neuroplasticity article published?" better than the
    # date. A date the text reports is no answer, nor is another kind of "when".
    from assistant.search.answer import asks_document_date
    from tests.test_ask import _searcher_of

    post = ("The Role of Neuroplasticity in Mental Health Recovery\n\n• Writer: Prisha Oza\n• Apr 23, 2022\n\n"
            "Neuroplasticity lets the brain adapt. A 2019 study showed that therapy can rewire the brain.\n")
    paper = ("Sleep and memory in adolescents\n\nSleep strengthens the memories formed during the day, and the "
             "trial was registered in 2012.\n\nThe trial found that longer sleep improved recall.\n\n"
             "Received: 3 October 2014 Accepted: 23 December 2014 Published: 12 January 2015\n")
    searcher = _searcher_of(encoder, [("recovery.txt", post), ("sleep.txt", paper)])
    first = searcher.search("When was the neuroplasticity article published?", k=3)[0]
    assert (first.doc_id, first.highlight.text, first.probability) == ("recovery.txt", "• Apr 23, 2022", 1.0), first
    first = searcher.search("What is the publication date of the sleep trial?", k=3)[0]
    assert (first.doc_id, first.highlight.text) == (
        "sleep.txt", "Received: 3 October 2014 Accepted: 23 December 2014 Published: 12 January 2015"), first
    assert asks_document_date("When were the results published?") and asks_document_date("When was this paper written?")
    assert not asks_document_date("When was the trial registered?") and not asks_document_date("When was 3.4.0 released?")
    assert searcher.search("When was the trial registered?", k=1)[0].probability < 1.0


def test_a_saved_news_pages_byline_is_kept_under_its_title_and_answers_who_wrote_it(encoder, tmp_path):
    # A news page names its writer in a meta tag and in a byline under its title; main-content
    # extraction left the byline out, and "Who wrote the article on teenage sleep?" had a sentence
    # about sleep. The byline comes back under the title, once; its date stays where it stands.
    from tests.conftest import searcher_of_file

    page = ('<html><head><title>Why teenagers need more sleep | Health News</title><meta name="author" '
            'content="Maria Gonzalez"></head><body><nav><a href="/">Home</a> <a href="/health">Health</a></nav>'
            '<article><h1>Why teenagers need more sleep</h1><p class="byline">By <a href="/authors/maria">Maria '
            'Gonzalez</a></p><time datetime="2023-03-14">March 14, 2023</time><p>Teenagers need between eight and '
            'ten hours of sleep a night, yet most get far less. Early school start times clash with a body clock '
            'that shifts later in puberty.</p><p>A trial in Seattle moved school start times later by 55 minutes; '
            'students slept 34 minutes longer and their grades rose.</p></article><footer>© 2023 Health News.'
            '</footer></body></html>')
    searcher = searcher_of_file(encoder, tmp_path / "article.html", page)
    text = searcher.index.document(0).text
    assert text.startswith("Why teenagers need more sleep\n\nBy Maria Gonzalez\n\n") and text.count("Gonzalez") == 1, text
    first = searcher.search("Who wrote the article on teenage sleep?", k=1)[0]
    assert (first.highlight.text, first.probability) == ("By Maria Gonzalez", 1.0), first


def test_a_markdown_posts_front_matter_answers_who_wrote_it_and_when(encoder, tmp_path):
    # A static site's post names its author and date in its front matter, which the made page prints
    # under its title; read as no text, "Who wrote the sleep post?" had a sentence about sleep.
    from tests.conftest import searcher_of_file

    post = ("---\ntitle: Sleep and the adolescent brain\nauthor: Maria Gonzalez\ndate: 2023-03-14\n---\n\n"
            "Teenagers need between eight and ten hours of sleep a night, yet most get far less.\n")
    searcher = searcher_of_file(encoder, tmp_path / "post.md", post)
    assert searcher.search("Who wrote the sleep post?", k=1)[0].highlight.text == "Maria Gonzalez"
    assert searcher.search("When was the sleep post published?", k=1)[0].highlight.text == "2023-03-14"


def test_a_question_asking_a_documents_doi_is_answered_by_the_line_that_prints_it(encoder, tmp_path):
    # A paper prints its own DOI in its header; its references print others'. "What is the DOI of
    # the sleep paper?" had been answered by a sentence about sleep; in a conversation "What is its
    # DOI?" asks of the previous answer's document.
    from assistant.ingest import load_file
    from assistant.search.answer import asks_doi

    paper = ("Sleep and memory in adolescents\n\nTrials (2015) 16:71 doi:10.1186/s13063-015-0580-x\n\nSleep "
             "strengthens the memories formed during the day, and longer sleep improved recall.\n\nReferences\n\n"
             "1. Walker M. Sleep and memory. Nature. 2009. doi:10.1038/nature0001\n")
    other = "Exercise and mood\n\nExercise lifts mood in adolescents, and a walk a day helps sleep.\n"
    (tmp_path / "sleep.txt").write_text(paper)
    (tmp_path / "exercise.txt").write_text(other)
    docs = [load_file(tmp_path / name, name)[0] for name in ("sleep.txt", "exercise.txt")]
    searcher = Searcher(encoder=encoder, index=MemoryIndex(docs, encoder, ChunkingParams()))
    assert searcher.index.document(0).doi == "10.1186/s13063-015-0580-x"
    first = searcher.search("What is the DOI of the sleep paper?", k=2)[0]
    assert (first.doc_id, first.highlight.text, first.probability) == (
        "sleep.txt", "Trials (2015) 16:71 doi:10.1186/s13063-015-0580-x", 1.0), first
    followed = ask(searcher, "What is its DOI?", ["Does longer sleep improve recall?"], k=2)
    assert followed.hits[0].highlight.text == "Trials (2015) 16:71 doi:10.1186/s13063-015-0580-x", followed
    assert asks_doi("What's the digital object identifier?") and not asks_doi("What does the paper say about dosing?")


def test_a_contact_line_is_an_author_line_and_not_an_answer():
    # A provisional PDF's front page lists its authors with their e-mail addresses, one line or
    # one per author: no comma separates the names, yet the line answers only who; a sentence that
    # mentions an address among words is still prose. (The highlight passes a byline over unless
    # the question asks who: `test_a_list_of_authors_is_the_highlight_only_for_a_question_that_asks_who`.)
    from assistant.search.answer import is_byline

    assert is_byline("Paul Hindmarch (paul.hindmarch@nuth.nhs.uk) Adrian Hawkins (adrian.hawkins@nuth.nhs.uk) "
                     "Elaine McColl (elaine.mccoll@newcastle.ac.uk) On behalf of the Keeping Children Safe study group")
    assert is_byline("Thomas RE Barnes Email: t.r.barnes@imperial.ac.uk")
    assert is_byline("* Correspondence: jodie.dodd@adelaide.edu.au")
    assert not is_byline("Send questions about the trial to the editor (editor@journal.org) before May.")
    assert not is_byline("Participants were directed to the U@Uni website.")


def test_a_line_with_no_letter_or_digit_is_never_the_highlight_of_a_block_of_code(encoder, tmp_path):
    # A how-to's long example, cut into passages that are all code: in one of them the ")" that
    # closes a call's arguments scores best by its neighbours (it had been the highlight of an
    # SQLite manual's passage for "How do I open a SQLite database in memory?"); a line that says
    # something is shown.
    rows = "".join(f'    {{"name": "{n}", "year": {y}}},\n' for n, y in [
        ("C", 1972), ("Fortran", 1957), ("Python", 1991), ("Go", 2009), ("Rust", 2015), ("Lisp", 1958), ("Perl", 1987),
        ("Ruby", 1995), ("Java", 1995), ("Haskell", 1990)])
    block = ("data = (\n" + rows + ")\ncur.executemany(\"INSERT INTO lang VALUES(:name, :year)\", data)\n"
             "params = (1972,)\ncur.execute(\"SELECT * FROM lang WHERE first_appeared = ?\", params)\nprint(cur.fetchall())\n")
    text = ("# sqlite3\n\n## How to use placeholders\n\nAn SQL statement may use one of two kinds of placeholders.\n\n```\n"
            + block * 3 + "```\n")
    searcher = searcher_of_file(encoder, tmp_path / "sqlite3.md", text)
    hits = searcher.search("How do I fetch all rows?", k=5)
    assert len(hits) == 5 and all(re.search(r"\w", hit.highlight.text) for hit in hits), [h.highlight.text for h in hits]


def test_a_date_alone_answers_only_when_asked_when(encoder, tmp_path):
    # A talk's title slide: its title, kind, speaker and date over its first section. "Aug 26,
    # 2016" had been the highlight of what the model is used for; it answers when.
    text = ("# Generating standing and propagating ocean waves with three-dimensional ARMA model\n\nTechnical report\n\n"
            "Ivan Gankevich\n\nAug 26, 2016\n\n## Two methods of finding the ACF\n\n"
            "Apply the Wiener-Khinchin theorem to a wave profile to get its ACF.\n")
    searcher = searcher_of_file(encoder, tmp_path / "waves.md", text)
    hit = searcher.search("What is the ARMA model used for?", k=1)[0]
    assert hit.highlight.text != "Aug 26, 2016", hit.highlight
    hit = searcher.search("When was the report on the ARMA model written?", k=1)[0]
    assert hit.highlight.text == "Aug 26, 2016", hit.highlight


def test_a_release_note_alone_answers_only_when_asked_when(encoder, tmp_path):
    # A library reference opens a class's section with its release note: "New in version 3.3."
    # had been the highlight of "What is a ChainMap?"; it answers "When was ChainMap added?".
    text = ("# collections\n\n## ChainMap objects\n\nNew in version 3.3.\n\nA ChainMap class is provided for quickly "
            "linking a number of mappings so they can be treated as a single unit. It is often much faster than "
            "creating a new dictionary and running multiple update() calls.\n")
    searcher = searcher_of_file(encoder, tmp_path / "collections.md", text)
    hit = searcher.search("What is a ChainMap?", k=1)[0]
    assert hit.highlight.text.startswith("A ChainMap class is provided"), hit.highlight
    hit = searcher.search("When was ChainMap added?", k=1)[0]
    assert hit.highlight.text == "New in version 3.3.", hit.highlight


def test_a_question_naming_a_fields_label_highlights_that_row_of_the_table_of_fields(encoder):
    # The Apache manual heads each directive with a table of fields: "Description:", "Syntax:",
    # "Default:", "Module:". "What is the default value of Timeout?" highlighted the description
    # row, and "Which module provides ...?" too.
    text = ("TimeOut Directive\n\n"
            "Description: | Amount of time the server will wait for certain events before failing a request\n"
            "Syntax: | TimeOut seconds\nDefault: | TimeOut 60\nContext: | server config, virtual host\n"
            "Module: | core\n\n"
            "The TimeOut directive defines the length of time the server will wait for I/O in various "
            "circumstances, such as reading data from the client.")
    searcher = _one_document(encoder, "core.html", text)
    assert searcher.search("What is the default value of Timeout?", k=1)[0].highlight.text == "Default: | TimeOut 60"
    assert searcher.search("Which module provides the TimeOut directive?", k=1)[0].highlight.text == "Module: | core"
    assert searcher.search("In which context can TimeOut be set?", k=1)[0].highlight.text.startswith("Context: |")


def test_a_name_of_code_the_documents_never_write_leaves_the_question_unanswered(encoder):
    # Octave's manual without its page on unwind_protect: "What does the unwind_protect statement
    # do?" was answered with "condition is an expression that controls what the rest of the
    # statement will do." (weak match). A name joined by underscores is written as the documents
    # write it; one they hold is no reason to stop ("dh_make").
    text = ("Starting a package\n\nRun dh_make in the source tree to create the debian directory. The "
            "statement that follows a condition is executed only when the condition is true, and the rest "
            "of the statement controls what the program does next.")
    searcher = _one_document(encoder, "guide.txt", text)
    question = "What does the unwind_protect statement do?"
    assert searcher.unknown_names(question) == ["unwind_protect"]
    assert not searcher.answered(searcher.search(question, k=2), question)
    assert searcher.unknown_names("What does dh_make create?") == []


def test_a_question_asking_which_function_highlights_a_sentence_that_names_one(encoder):
    # mvtnorm's R News article: "Which function computes multivariate normal probabilities?" had
    # highlighted the article's opening, which says the computation is hard and names no function.
    # A word of the question itself ("multivariate") is no name it asks for.
    text = ("Introduction\n\nThe numerical computation of a multivariate normal or t probability is often a "
            "difficult problem. Recent developments resulted in algorithms for the fast computation of those "
            "probabilities for arbitrary correlation structures. Basically, the package implements two functions: "
            "pmvnorm for the computation of multivariate normal probabilities and pmvt for the computation of "
            "multivariate t probabilities.")
    searcher = _one_document(encoder, "MVT_Rnews.pdf", text)
    assert asks_code_name("Which function computes multivariate normal probabilities?")
    assert not asks_code_name("Why is computing multivariate normal probabilities hard?")
    hit = searcher.search("Which function computes multivariate normal probabilities?", k=1)[0]
    assert hit.highlight.text.startswith("Basically, the package implements two functions: pmvnorm"), hit.highlight


def test_a_question_asking_which_tool_highlights_the_sentence_naming_it_by_what_it_is(encoder):
    # The Debian handbook: "the alien utility" names a tool with an English word, and "manipulations"
    # (an inflection the vocabulary leaves out) had read as a name of code: "Which tool converts an
    # RPM package to a Debian package?" highlighted "Care should be taken ... these manipulations".
    text = ("Coexistence with Other Packaging Systems\n\nDebian packages are not the only software packages used in "
            "the free software world. The main competitor is the RPM format of the Red Hat Linux distribution. It "
            "is thus common for software to be offered as RPM packages rather than Debian. Care should be taken, "
            "however, to limit these manipulations to extract the information from a package or to verify its "
            "integrity. On the other hand, the alien utility can convert RPM packages into Debian packages, and "
            "vice versa.")
    searcher = _one_document(encoder, "coexistence.html", text)
    hit = searcher.search("Which tool converts an RPM package to a Debian package?", k=1)[0]
    assert hit.highlight.text.startswith("On the other hand, the alien utility"), hit.highlight


def test_how_long_something_takes_is_answered_by_a_span_of_time_not_by_any_number(encoder):
    # A page on habits gives a count ("two kinds") and a span ("about ten weeks") in different
    # passages: "How long does it take ...?" had been answered, and highlighted, by the count. A
    # page without a span does not answer it; "How long was the questionnaire?" asks a length, which
    # a number of pages answers.
    text = ("# Habits\n\n## Kinds\n\nThere are two kinds of habit: routines and rewards. Both form through "
            "repetition.\n\n## Forming a habit\n\nForming a habit through daily repetition takes about ten weeks "
            "for most people. Missing a day does not undo it.\n")
    searcher = _one_document(encoder, "habits.md", text)
    question = "How long does it take to form a habit?"
    assert asked_amount(question) == "duration"
    assert asked_amount("For how long?") == "duration"
    assert asked_amount("How long did the walking sessions last?") == "duration"
    assert asked_amount("How long was the questionnaire?") == "number"
    assert asked_amount("How long can a session last?") == "bound"
    answer = ask(searcher, question, k=2)
    assert answer.hits[0].highlight.text.startswith("Forming a habit through daily repetition takes about ten weeks")
    spanless = _one_document(encoder, "kinds.md", text.split("## Forming")[0])
    assert not ask(spanless, question).answered
    from assistant.search.answer import gives_amount

    assert gives_amount("The course ran as 24 weekly sessions.", "duration")
    assert gives_amount("A course runs for six to eight weekly sessions.", "duration")
    assert gives_amount("a 12-week course", "duration") and gives_amount("over several months", "duration")
    assert not gives_amount("In recent years there are two kinds of habit.", "duration")


def test_a_span_after_for_is_no_rate_and_a_release_number_counts_nothing(encoder, tmp_path):
    # A participant sheet: "sore for a day or two" had said how often (a number beside "a day") and
    # come before "two exercise classes a week" for "How often are the exercise classes?"; its
    # "Version 3.0" had counted something for "How many ...?".
    from assistant.search.answer import gives_amount, states_rate

    assert not states_rate("Some people feel sore for a day or two after their first exercise classes.")
    assert states_rate("Take 2 tablets a day.") and states_rate("The tablet is taken 3 times a day.")
    assert not gives_amount("Version 3.0, 12 January 2026.", "count")
    assert gives_amount("We plan to recruit 240 people from six clinics.", "count")
    sheet = ("# The MOVE Study\n\nVersion 3.0, 12 January 2026.\n\n## What will happen to me if I take part?\n\nHalf of the "
             "participants will be offered two exercise classes a week for 12 weeks, each lasting one hour.\n\n"
             "## What are the possible disadvantages?\n\nSome people feel sore for a day or two after their first exercise "
             "classes. The classes are led by qualified physiotherapists.\n")
    searcher = searcher_of_file(encoder, tmp_path / "sheet.md", sheet)
    hit = searcher.search("How often are the exercise classes?", k=1)[0]
    assert hit.highlight.text.startswith("Half of the participants will be offered two exercise classes a week"), hit


def test_how_long_one_will_be_in_a_study_or_need_a_treatment_asks_for_a_span_of_time(encoder, tmp_path):
    # "How long will I be in the study?" had asked for any number, and the sheet's opening (its
    # version, its date) came before "You will be in the study for six months."
    assert asked_amount("How long will I be in the study?") == "duration"
    assert asked_amount("How long will I need treatment?") == "duration"
    assert asked_amount("How long is the rope?") == "number"  # a length
    sheet = ("# Participant Information Sheet: The MOVE Study\n\nExercise therapy for low mood\n\nVersion 3.0, 12 January "
             "2026.\n\nWe would like to invite you to take part in a research study. Talk to others about the study if you "
             "wish.\n\n## What will happen to me if I take part?\n\nYou will be in the study for six months. A computer will "
             "decide by chance which group you are in.\n")
    searcher = searcher_of_file(encoder, tmp_path / "sheet.md", sheet)
    hit = searcher.search("How long will I be in the study?", k=1)[0]
    assert hit.highlight.text == "You will be in the study for six months.", hit


# A review's plain-language summary as a library's page gives it: its writers in a line of their
# own in Vancouver style (surname, initials), a passage that only says what the review wanted to
# find out, key messages, and what it found, two counts in one paragraph.
REVIEW_PAGE = (
    '<html><head><title>Exercise for depression in adults | Review</title></head><body><article>'
    '<h1>Exercise for depression in adults</h1><p class="meta authors">Okafor N, Lindqvist M, Tan J, Romero A</p>'
    '<p>Published: 14 May 2025.</p>'
    '<h2>What did we want to find out?</h2><p>We wanted to find out whether exercise reduces depression in adults.</p>'
    '<h2>Key messages</h2><p>Exercise probably lowers depressive symptoms a little more than no treatment or usual '
    'care. Exercise may work about as well as psychological therapy or antidepressants, but the evidence is uncertain.</p>'
    '<h2>What did we find?</h2><p>Most studies were small and lasted between 8 and 12 weeks. We found 41 studies '
    'with 2,864 adults. The exercise was mostly walking or cycling.</p></article></body></html>'
)


def test_a_reviews_writers_its_aim_and_its_counts_answer_as_asked(encoder, tmp_path):
    # "Who wrote the review?" had found nothing: main-content extraction drops the writers' line
    # (class "meta authors", not "author"), and a surname written before its initials had been read
    # as "N"; "Does exercise reduce depression?" had the aim's passage first ("We wanted to find out
    # whether ..."), which answers only what the review wanted to find out; "How many studies were
    # included?" highlighted the sentence whose "8" counts no studies.
    from assistant.search.answer import asks_aim, poses_question

    assert asks_aim("What did the review want to find out?") and not asks_aim("Does exercise reduce depression?")
    assert poses_question("We wanted to find out whether exercise reduces symptoms of depression.")
    searcher = searcher_of_file(encoder, tmp_path / "review.html", REVIEW_PAGE)
    assert searcher.search("Who wrote the review?", k=1)[0].highlight.text == "Okafor N, Lindqvist M, Tan J, Romero A"
    hits = searcher.search("Does exercise reduce depression?", k=3)
    assert not hits[0].highlight.text.startswith("We wanted to find out"), hits[0]
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    aim = searcher.search("What did the review want to find out?", k=1)[0]
    assert aim.highlight.text.startswith("We wanted to find out whether"), aim
    counted = searcher.search("How many studies were included?", k=1)[0]
    assert counted.highlight.text == "We found 41 studies with 2,864 adults.", counted


# A children's medicine page: doses in a table by age, side effects named in the sentence after the
# one that says they are uncommon, when to give it.
MELATONIN = ("# Melatonin for sleep problems in children\n\nMelatonin is a hormone that helps control the sleep-wake "
             "cycle.\n\n## Dose\n\nGive melatonin 30 to 60 minutes before bedtime.\n\n| Age | Starting dose | Maximum dose |\n"
             "|---|---|---|\n| 1 month to 5 years | 1 mg | 5 mg |\n| 6 to 11 years | 2 mg | 10 mg |\n"
             "| 12 to 17 years | 2 mg | 10 mg |\n\n## Side effects\n\nSide effects are uncommon. They include headache, "
             "daytime sleepiness, dizziness and bedwetting. Stop melatonin and see a doctor if your child has a seizure.\n")


def test_an_age_the_question_gives_picks_the_row_whose_range_holds_it(encoder, tmp_path):
    # "What is the starting dose for an 8-year-old?" had highlighted the row "12 to 17 years"; "What
    # are the side effects?" highlighted "Side effects are uncommon." without the sentence naming them.
    from assistant.search.answer import asked_values, gives_amount

    assert asked_values("What is the starting dose for an 8-year-old?") == ((8.0, "year"),)
    assert asked_values("And for a child of 20 kg?") == ((20.0, "kg"),)
    searcher = searcher_of_file(encoder, tmp_path / "melatonin.md", MELATONIN)
    expected = {"What is the starting dose for an 8-year-old?": "6 to 11 years | 2 mg | 10 mg",
                "What is the maximum dose for a 14 year old?": "12 to 17 years | 2 mg | 10 mg",
                "What is the dose for a child aged 3 years?": "1 month to 5 years | 1 mg | 5 mg"}
    for question, row in expected.items():
        assert searcher.search(question, k=1)[0].highlight.text == row, question
    effects = searcher.search("What are the side effects?", k=1)[0]
    assert effects.highlight.text == ("Side effects are uncommon. They include headache, daytime sleepiness, dizziness "
                                      "and bedwetting."), effects
    assert asked_amount("When should melatonin be given?") == "time"
    assert gives_amount("Give it 30 minutes before bedtime.", "time") and gives_amount("Take it in the morning.", "time")


def test_a_tables_header_row_is_no_highlight(encoder, tmp_path):
    # A review's summary-of-findings table: its header row ("Outcome | Effect (95% CI) |
    # Participants (studies) | ...") says "studies" and a number, and had been the highlight for
    # "How many studies were included?"; it names the columns, and the rows under it answer.
    page = ("# Exercise for depression\n\n## Summary of findings\n\n| Outcome | Effect (95% CI) | Participants (studies) | "
            "Certainty of the evidence |\n|---|---|---|---|\n| Symptoms versus no treatment | SMD -0.59 (-0.73 to -0.45) | "
            "1,981 (32) | Moderate |\n| Dropping out of treatment | RR 1.05 (0.85 to 1.30) | 2,010 (30) | Moderate |\n")
    searcher = searcher_of_file(encoder, tmp_path / "review.md", page)
    hit = searcher.search("How many studies were included?", k=1)[0]
    assert not hit.highlight.text.startswith("Outcome | Effect"), hit


# A case report: writers over their affiliation and a contact line, vital signs in one sentence
# each, laboratory values in a table whose rows hold few words, and a course told by hospital day.
CASE_REPORT = ("# Serotonin syndrome after adding linezolid to sertraline: a case report\n\nMaria Gonzalez, Peter Lindqvist\n\n"
               "Department of Internal Medicine, Riverside General Hospital, Leeds, UK\n\n"
               "Correspondence: m.gonzalez@riverside.example.org\n\n## Case presentation\n\n"
               "A 67-year-old woman with type 2 diabetes was admitted with an infected ulcer of the left foot. Intravenous "
               "linezolid 600 mg twice daily was started on day 1.\n\nOn day 3 she became agitated and confused. Examination "
               "showed a temperature of 38.9 °C, a heart rate of 124 beats per minute, tremor and inducible ankle clonus. Her "
               "blood pressure was 162/94 mmHg.\n\n| Test | Day 1 | Day 3 | Reference range |\n|---|---|---|---|\n"
               "| Creatine kinase (U/L) | 110 | 1450 | 30-200 |\n| White cell count (×10⁹/L) | 13.2 | 15.8 | 4.0-11.0 |\n"
               "| Sodium (mmol/L) | 138 | 134 | 135-145 |\n\nA diagnosis of serotonin syndrome was made using the Hunter "
               "criteria. Linezolid and sertraline were stopped, and she was given cyproheptadine 12 mg.\n\n"
               "## Outcome and follow-up\n\nHer symptoms resolved within 48 hours. At the 3-month review her foot ulcer had healed. "
               "She was discharged on day 9. Sertraline was restarted three weeks after discharge without recurrence.\n\n"
               "## References\n\n1. Boyer EW, Shannon M. The serotonin syndrome. N Engl J Med. 2005;352:1112-20.\n")


def test_a_case_reports_measures_days_and_writers_are_read_as_asked(encoder, tmp_path):
    # "What was her temperature?" had highlighted the blood pressure (no measure had been read as
    # asked for); the row "Creatine kinase (U/L) | 110 | 1450 | 30-200" holds two words and had been
    # read as a heading, so the table's header row was the highlight; "When was she discharged?"
    # found no date and ranked the reference list first, unanswered; "Who wrote the case report?"
    # highlighted the contact line under the writers' names.
    from assistant.search.answer import gives_amount

    assert asked_amount("What was her temperature?") == "measure" and asked_amount("What is the sodium level on day 3?") == "measure"
    assert asked_amount("What is the value of mindfulness?") is None and asked_amount("What is the level of evidence?") is None
    assert gives_amount("She was discharged on day 9.", "date") and not gives_amount("She was discharged home.", "date")
    searcher = searcher_of_file(encoder, tmp_path / "case.md", CASE_REPORT)
    expected = {"What was her temperature?": "Examination showed a temperature of 38.9 °C",
                "What was the creatine kinase on day 3?": "Creatine kinase (U/L) | 110 | 1450 | 30-200",
                "When was she discharged?": "She was discharged on day 9.",
                "Who wrote the case report?": "Maria Gonzalez, Peter Lindqvist"}
    for question, sentence in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(sentence), (question, hit)


# A conference abstract saved as text: numbered writers over their numbered affiliations, labelled
# parts ("Results:", "Conclusions:") in which results are reported with numbers and comparisons.
ABSTRACT = ("Poster 214. Effect of a digital sleep intervention on insomnia in older adults: a randomised controlled trial\n\n"
            "Hannah Okoro(1), Li Wei(2), Tomas Berg(1)\n(1) School of Psychology, University of Bristol, UK; (2) Sleep Research "
            "Centre, University of Surrey, UK\n\nMethods: We randomly assigned 312 adults aged 65 to 89 years with insomnia "
            "disorder to six weekly sessions of dCBT-I or sleep hygiene education. The primary outcome was the Insomnia "
            "Severity Index (ISI) at 10 weeks.\n\nResults: Mean age was 71.4 years and 61% were women. At 10 weeks, ISI "
            "scores fell by 7.2 points with dCBT-I and 2.9 points with sleep hygiene education (adjusted difference -4.3, "
            "95% CI -5.4 to -3.2). Completion was lower among participants aged 80 or over (58% vs 79%). No serious adverse "
            "events were reported.\n\nConclusions: Digital CBT-I reduced insomnia severity in older adults. Support for the "
            "oldest users may improve completion.\n")


def test_an_abstracts_numbered_writers_head_nothing_and_its_labelled_parts_answer_as_sentences(encoder, tmp_path):
    # The writers' line with "(1)" marks had been read as a heading (every passage's section was
    # "Hannah Okoro(1), Li Wei(2), Tomas Berg(1)") and not as writers ("Who are the authors?" went
    # unanswered); "Conclusions: Digital CBT-I reduced insomnia severity ..." had been the highlight
    # for "How much did insomnia severity improve?" and "Was completion lower in the oldest?", as a
    # record's labelled line answering what it states.
    from assistant.ingest.clean import is_byline

    assert is_byline("Hannah Okoro(1), Li Wei(2), Tomas Berg(1)") and is_byline("Jodie M Dodd1,2*, Courtney Cramp")
    searcher = searcher_of_file(encoder, tmp_path / "abstract.txt", ABSTRACT)
    doc = searcher.index.document(0)
    assert not any("Okoro" in " ".join(s.path) for s in doc.sections), doc.sections
    expected = {"Who are the authors?": "Hannah Okoro(1), Li Wei(2), Tomas Berg(1)",
                "How much did insomnia severity improve?": "At 10 weeks, ISI scores fell by 7.2 points",
                "Was completion lower in the oldest?": "Completion was lower among participants aged 80 or over"}
    for question, sentence in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(sentence), (question, hit)
    # "how long" names nothing the documents lack: only "follow-up" is unsaid
    assert "long" not in ask(searcher, "How long was follow-up?", [], k=1).not_mentioned


# A drug label as a prescriber reads it: its indications stated once, "use" in passing elsewhere
# (the highlights' disclaimer, a use it is not approved for), and a heading holding "treatment".
LABEL = ("# Sertraline tablets\n\n## Highlights of prescribing information\n\nThese highlights do not include all the "
         "information needed to use sertraline tablets safely and effectively. Sertraline is not approved for use in "
         "pediatric patients except for patients with obsessive compulsive disorder.\n\n## 1 Indications and usage\n\n"
         "Sertraline tablets are indicated for the treatment of the following:\n\n- Major depressive disorder\n- Panic "
         "disorder\n- Social anxiety disorder\n\n## 2.4 Discontinuing treatment with sertraline\n\nAdverse reactions "
         "may occur upon discontinuation of sertraline. Gradually reduce the dosage rather than stopping sertraline "
         "abruptly.\n\n## 12.3 Pharmacokinetics\n\nThe mean elimination half-life of sertraline is approximately 26 "
         "hours. Sertraline is extensively metabolized by N-demethylation.\n")


def test_what_a_medicine_is_used_for_is_answered_by_what_it_is_indicated_for(encoder, tmp_path):
    # "What is sertraline used for?" had highlighted the highlights' disclaimer ("needed to use
    # ..."), and "What does sertraline treat?" the section headed "Discontinuing treatment with
    # sertraline": the sentence saying what it is indicated for answers both.
    from assistant.search.answer import asks_use, states_use

    assert asks_use("What is sertraline used for?") and asks_use("What does lithium treat?")
    assert asks_use("What are the indications for sertraline?") and not asks_use("How is sertraline used?")
    assert states_use("Lithium is used to treat bipolar disorder.") and states_use("indicated for the treatment of MDD")
    assert not states_use("Sertraline is not approved for use in pediatric patients.")
    # an adverb between the verb and what it is used for; "treats" with nothing treated after it
    assert states_use("Lithium is used primarily for bipolar disorder.") and states_use("It treats anxiety.")
    assert not states_use("The blood level that treats is close to the level that poisons.")
    searcher = searcher_of_files(encoder, tmp_path, {"label.md": LABEL, **OTHER_DOCUMENT})
    for question in ("What is sertraline used for?", "What does sertraline treat?", "What are the indications for sertraline?"):
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith("Sertraline tablets are indicated for the treatment"), (question, hit)


def test_a_use_said_with_an_adverb_answers_what_a_medicine_is_used_for(encoder, tmp_path):
    # An encyclopedia's article: "What is lithium used for?" had highlighted "... the blood level
    # that treats is close to the level that poisons" (a "treats" naming nothing treated) over
    # "Lithium is used primarily for bipolar disorder."
    article = ("# Lithium (medication)\n\n## Medical uses\n\nLithium is used primarily for bipolar disorder. In bipolar "
               "disorder, it reduces the risk of manic episodes.\n\n## Toxicity\n\nLithium has a narrow therapeutic index: the "
               "blood level that treats is close to the level that poisons. Levels above 1.5 mmol/L often cause toxicity.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"lithium.md": article, **OTHER_DOCUMENT})
    hit = searcher.search("What is lithium used for?", k=1)[0]
    assert hit.highlight.text.startswith("Lithium is used primarily for bipolar disorder"), hit


def test_how_long_a_person_does_a_thing_is_answered_by_a_span_in_words(encoder, tmp_path):
    # A clinic's FAQ: "How long must I use CPAP?" had asked for any number and highlighted "Most
    # patients are seen within 8 to 10 weeks ..." under another question; "need CPAP long term"
    # says how long, without a number.
    from assistant.search.answer import gives_amount

    assert asked_amount("How long must I use CPAP?") == "duration"
    assert asked_amount("How long was the questionnaire?") != "duration"
    assert gives_amount("Most people need CPAP long term.", "duration") and gives_amount("You take it for life.", "duration")
    assert not gives_amount("Most people need CPAP.", "duration")
    faq = ("# Frequently asked questions\n\n## Before your appointment\n\n### How long will I wait for my first appointment?\n\n"
           "Most patients are seen within 8 to 10 weeks of the referral reaching us.\n\n## Treatment\n\n### What is CPAP?\n\n"
           "CPAP is a machine that blows air through a mask you wear while you sleep.\n\n### Will I have to use CPAP forever?\n\n"
           "Most people with moderate or severe sleep apnoea need CPAP long term. Losing weight can reduce symptoms.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"faq.md": faq, **OTHER_DOCUMENT})
    hit = searcher.search("How long must I use CPAP?", k=1)[0]
    assert hit.highlight.text.startswith("Most people with moderate or severe sleep apnoea need CPAP long term"), hit


def test_how_long_a_thing_that_lasts_is_asks_for_a_span_not_any_number(encoder, tmp_path):
    # "How long is the follow-up?" had asked for any number and highlighted "Follow-up was
    # completed by 212 of the 240 students (88%)."; a follow-up, a session or a course lasts, where
    # "How long is the questionnaire?" asks a length.
    assert asked_amount("How long is the follow-up?") == "duration" and asked_amount("How long was each session?") == "duration"
    assert asked_amount("How long is the questionnaire?") != "duration"
    text = ("# The CALM-U trial\n\n## Follow-up\n\nFollow-up was completed by 212 of the 240 students (88%). Reminder messages "
            "were sent to students who had not replied.\n\n## Design\n\nStudents were randomised to an online mindfulness "
            "course or a waiting list, and each was followed for 12 months after randomisation.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"trial.md": text, **OTHER_DOCUMENT})
    for question in ("How long is the follow-up?", "How long was follow-up in the CALM-U trial?"):
        hit = searcher.search(question, k=1)[0]
        assert "followed for 12 months" in hit.highlight.text, (question, hit)


def test_the_duration_of_a_thing_asks_for_a_span_and_a_schedules_visit_labels_state_none(encoder, tmp_path):
    # "What is the duration of ...?" asks what "How long is ...?" asks, not for any number; and a
    # schedule's header ("Month 2 Month 6 ... Month 12") labels visits, lasting nothing: it had been
    # the highlight for "How long do participants take the capsules?" over "for 12 months".
    from assistant.search.answer import gives_amount

    assert asked_amount("What is the duration of the treatment?") == "duration"
    assert asked_amount("What was the mean duration of illness?") == "duration"
    assert not gives_amount("Screening Randomisation (Pre-treatment) Month 2 Month 6 Month 9 Month 12 (Post-treatment)",
                            "duration")
    assert gives_amount("Week 2: the dose rises, and stays there for 3 weeks.", "duration")
    text = ("# The CALM-M trial\n\n## Assessment schedule\n\nTable 2 Assessments and treatment by visit\n\n"
            "Screening Randomisation (Pre-treatment) Month 2 Month 6 Month 9 Month 12 (Post-treatment)\n\n"
            "Treatment adherence and side-effects of the treatment are recorded at every treatment visit.\n\n"
            "## Design\n\nParticipants are randomly allocated to the drug or to placebo and continue to receive the "
            "assigned capsules for 12 months.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"trial.md": text, **OTHER_DOCUMENT})
    for question in ("What is the duration of the CALM-M treatment?", "How long is the treatment in the CALM-M trial?"):
        hit = searcher.search(question, k=1)[0]
        assert "for 12 months" in hit.highlight.text, (question, hit)


def test_how_a_condition_is_treated_is_answered_by_a_sentence_naming_a_treatment_by_what_it_does(encoder):
    # An article says how schizophrenia is treated by what its treatments do ("... medications and
    # ... therapy can induce changes that improve its symptoms"), not in a case report's "was given";
    # a paper describing the disorder in the question's words says nothing of its treatment.
    from assistant.config import ChunkingParams
    from assistant.index import MemoryIndex
    from assistant.ingest import document_from_text
    from assistant.search import Searcher
    from assistant.search.answer import states_treatment

    disorder = ("Schizophrenia is a complex disorder that interferes with the function of several brain systems required "
                "for cognition and normal social behaviour. Its symptoms usually appear in early adulthood, and how "
                "schizophrenia develops is still debated.")
    review = ("Neuroplasticity in psychiatry\n\nChanges in the temporal lobes have been linked to schizophrenia. "
              "Antipsychotic medications and cognitive remediation therapy can induce neuroplastic changes that improve "
              "its symptoms.")
    searcher = Searcher(encoder=encoder, index=MemoryIndex(
        [document_from_text("circuits.txt", disorder, title="Cortical circuits in schizophrenia"),
         document_from_text("review.txt", review, title="Neuroplasticity and neuropsychiatry")], encoder, ChunkingParams()))
    hit = searcher.search("How is schizophrenia treated?", k=1)[0]
    assert hit.highlight.text.startswith("Antipsychotic medications"), hit
    assert states_treatment("Exposure therapy reduces avoidance.")
    # a treatment named without what it does for the condition, or something else improving
    assert not states_treatment("The drug was not studied.")
    assert not states_treatment("Therapy sessions were held weekly; attendance improved.")


def test_a_case_reports_treatment_and_a_follow_up_on_her_are_read_as_asked(encoder, tmp_path):
    # "How was the serotonin syndrome treated?" had highlighted the diagnosis, and "What was the
    # treatment?" "At the 3-month review her foot ulcer had healed."; "And her foot ulcer?" after a
    # question on the syndrome had been searched as "... the serotonin syndrome's foot ulcer", then
    # "... the serotonin her foot ulcer ...": "her" stands for a person, never for what was asked about.
    from assistant.search.answer import asks_treatment, states_treatment

    assert asks_treatment("How was the serotonin syndrome treated?") and asks_treatment("What was the treatment?")
    assert not asks_treatment("How was the diagnosis made?")
    assert states_treatment("Linezolid and sertraline were stopped.") and not states_treatment("She became confused.")
    searcher = searcher_of_file(encoder, tmp_path / "case.md", CASE_REPORT)
    for question in ("How was the serotonin syndrome treated?", "What was the treatment?"):
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith("Linezolid and sertraline were stopped"), (question, hit)
    answer = ask(searcher, "And her foot ulcer?", ["How long did the serotonin syndrome take to resolve?"], k=1)
    assert answer.resolved.query == "How long did her foot ulcer take to resolve?", answer.resolved
    answer = ask(searcher, "And her temperature?", ["How old was the patient?"], k=1)
    assert answer.resolved.query == "And the patient's temperature?", answer.resolved


# A medicine's interactions page: tables under headings, a cell holding two sentences.
INTERACTIONS = ("<html><head><title>Sertraline interactions</title></head><body><main><article>"
                "<h1>Sertraline: interactions with other medicines</h1><p>Some medicines and sertraline can interfere with "
                "each other and increase the chance of side effects.</p><h2>Medicines you should not take with sertraline</h2>"
                "<table><thead><tr><th>Medicine</th><th>Used for</th><th>What can happen</th><th>Advice</th></tr></thead><tbody>"
                "<tr><td>Phenelzine (an MAOI)</td><td>Depression</td><td>Serotonin syndrome</td><td>Do not take together. "
                "Wait 14 days after stopping an MAOI.</td></tr><tr><td>Pimozide</td><td>Tourette's syndrome</td><td>Abnormal "
                "heart rhythm</td><td>Do not take together.</td></tr></tbody></table><h2>Medicines that need extra care</h2>"
                "<table><thead><tr><th>Medicine</th><th>Used for</th><th>What can happen</th><th>Advice</th></tr></thead><tbody>"
                "<tr><td>Ibuprofen (an NSAID)</td><td>Pain and inflammation</td><td>Higher risk of stomach bleeding</td><td>"
                "Paracetamol is a safer painkiller. Ask about a stomach-protecting medicine.</td></tr><tr><td>Tramadol</td><td>"
                "Pain</td><td>Serotonin syndrome and seizures</td><td>Use the lowest dose and watch for symptoms.</td></tr>"
                "<tr><td>St John's wort</td><td>Low mood</td><td>Serotonin syndrome</td><td>Do not take together.</td></tr>"
                "</tbody></table></article></main></body></html>")


def test_a_tables_rows_are_read_as_rows_after_a_cell_of_two_sentences_and_under_a_heading_asked_of(encoder, tmp_path):
    # The row after a cell holding two sentences had been read as a heading (the line above it, to
    # its last sentence, is no row), so "What happens if I take tramadol with sertraline?" had
    # highlighted the St John's wort row; "Which medicines should not be taken with sertraline?",
    # answered under the heading that says it, highlighted the table's header row.
    searcher = searcher_of_file(encoder, tmp_path / "interactions.html", INTERACTIONS)
    expected = {"What happens if I take tramadol with sertraline?": "Tramadol | Pain",
                "Which medicines should not be taken with sertraline?": "Phenelzine (an MAOI) | Depression"}
    for question, row in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(row), (question, hit)


# A committee's minutes in Markdown: a head of fields in bold, on lines of their own but for no hard
# line break, then numbered items.
MINUTES = ("# SLEEP-OA trial steering committee: minutes\n\n**Date:** 14 October 2025, 10:00-11:30\n"
           "**Location:** Room 2.14, Clinical Sciences Building, and online\n\n**Present:** Dr Hannah Okoro (chair), "
           "Prof Li Wei, Tomas Berg, Dr Amara Nwosu, Jane Fletcher (trial manager)\n**Apologies:** Dr Peter Lindqvist\n\n"
           "## 1. Recruitment\n\nRecruitment stands at 187 of the 312 participants planned. The committee agreed to open a "
           "third site in Sheffield in January 2026.\n\n## 2. Safety\n\nThere have been no serious adverse events.\n\n"
           "## Next meeting\n\nThe next meeting will be held on 20 January 2026 at 10:00.\n")


def test_a_minutes_fields_stay_lines_and_answer_what_their_labels_name(encoder, tmp_path):
    # "**Apologies:** ..." had been joined to the long "**Present:** ..." line above it (a wrapped
    # paragraph's, its bold label no field); "Who sent apologies?" then found no line naming
    # apologies; "Where was the meeting held?" had the head of fields last, as front matter, and
    # highlighted "... a third site in Sheffield ...".
    searcher = searcher_of_file(encoder, tmp_path / "minutes.md", MINUTES)
    assert "trial manager)\nApologies: Dr Peter Lindqvist" in searcher.index.document(0).text
    expected = {"Who sent apologies?": "Apologies: Dr Peter Lindqvist",
                "Where was the meeting held?": "Location: Room 2.14, Clinical Sciences Building, and online"}
    for question, line in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text == line, (question, hit)


def test_a_structured_abstracts_labelled_paragraph_is_no_record_field_for_where_something_is_done(encoder, tmp_path):
    # "Where will the FOCUS assessments take place?" had the abstract first (probability 0.02): its
    # "Methods: The FOCUS trial ... enrolling 126 patients ... in Copenhagen." read as a record's
    # labelled field stating a place, like "Location: Room 2.14", ahead of "All the assessments will
    # take place at the Mental Health Centre Copenhagen." A field is short; that is a paragraph.
    from assistant.search.answer import asked_statement, labels_statement

    where = asked_statement("Where will the assessments take place?")
    assert labels_statement("Location: Room 2.14, Clinical Sciences Building, Sheffield", where)
    assert not labels_statement("Methods: The FOCUS trial is a randomised, parallel group, observer-blinded clinical trial "
                                "enrolling 126 patients from in- and outpatient facilities in the catchment area of Copenhagen.", where)
    focus = ("# The FOCUS trial: cognitive remediation for patients at ultra-high risk for psychosis\n\n## Abstract\n\n"
             "Methods: The FOCUS trial is a randomised, parallel group, observer-blinded clinical trial enrolling 126 "
             "patients from in- and outpatient facilities in the catchment area of Copenhagen, Denmark, who will be "
             "assessed at baseline and after 6 and 12 months.\n\n## Setting of assessment\n\nAll the assessments will "
             "take place at the Mental Health Centre Copenhagen. Most tests are done with paper and pencil.\n")
    searcher = searcher_of_file(encoder, tmp_path / "focus.md", focus)
    hit = searcher.search("Where will the FOCUS assessments take place?", k=1)[0]
    assert hit.highlight.text.startswith("All the assessments will take place"), hit


def test_how_participants_were_recruited_is_answered_by_the_sentence_saying_by_what_means(encoder, tmp_path):
    # "How were participants in the hand hygiene trial recruited?" had its answer sixth ("Participants
    # were recruited by mailed invitations ..."), after the Discussion's and the Conclusions'
    # passages on the participants, which the embedding reads as closer.
    paper = ("# Evaluation of a web-based intervention to promote hand hygiene\n\n## Conclusions\n\nParticipants given "
             "access to the web-based intervention reported washing their hands more often than participants in the "
             "hand hygiene trial's control group.\n\n## Methods\n\nParticipants were recruited by mailed invitations "
             "sent from nine general practices. The invitations described a study of ways to stop colds spreading.\n\n"
             "## Discussion\n\nParticipants in the trial were mostly women, and participants who took part were keen "
             "to wash their hands.\n")
    searcher = searcher_of_file(encoder, tmp_path / "hygiene.md", paper)
    hit = searcher.search("How were participants in the hand hygiene trial recruited?", k=1)[0]
    assert hit.highlight.text.startswith("Participants were recruited by mailed invitations"), hit


def test_how_long_after_one_event_another_came_is_highlighted_by_the_span_before_after(encoder, tmp_path):
    # "How long after the sciatic nerve injection were the rats perfused?" had highlighted "... were
    # removed and post-fixed for 2 h" (a span, but of how long something lasted) in the passage
    # whose "Three days after the injections, they were ... perfused" answers it.
    paper = ("# Lamina I projection neurons in the rat\n\n## Animals\n\nRats received an injection of cholera toxin into "
             "the left sciatic nerve. Three days after the injections, they were anaesthetised and perfused with fixative. "
             "The L4 spinal segments of all rats and the brains of those that had received sciatic nerve injections were "
             "removed after perfusion and post-fixed for 2 h.\n")
    searcher = searcher_of_file(encoder, tmp_path / "nk1.md", paper)
    hit = searcher.search("How long after the sciatic nerve injection were the rats perfused?", k=1)[0]
    assert hit.highlight.text.startswith("Three days after the injections"), hit


def test_a_studys_attribute_asked_of_is_answered_by_the_sentence_saying_what_it_was(encoder, tmp_path):
    # "What is the primary outcome of the GoActive study?" and "What was GoActive's primary outcome?"
    # had the Discussion first: "The primary outcome was min/day of MVPA" has no article after "was",
    # so it read as no definition, and the possessive named no term at all.
    from assistant.search.answer import states_attribute

    assert states_attribute("The primary outcome was min/day of MVPA; self-reported data were secondary.", "primary outcome")
    assert states_attribute("The primary outcome is overall cognitive function.", "primary outcome")
    assert not states_attribute("The primary outcome will be measured at 6 months.", "primary outcome")  # says when
    goactive = ("# GoActive: a feasibility study and pilot cluster-randomised trial to increase physical activity\n\n"
                "## Measurements\n\nParticipants wore an accelerometer for 7 days at baseline and follow-up. For descriptive "
                "purposes, height and weight were collected. The primary outcome was min/day of MVPA; self-reported data "
                "were secondary outcomes.\n\n## Discussion\n\nThe pilot trial showed that measuring the primary outcome in "
                "schools is feasible, and a full trial of GoActive with physical activity as its primary outcome is planned.\n")
    other = ("# The LIMIT randomised trial of antenatal lifestyle advice\n\n## Outcomes\n\nThe primary outcome of the LIMIT "
             "trial was the incidence of large-for-gestational-age infants.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"goactive.md": goactive, "limit.md": other})
    for asked in ("What is the primary outcome of the GoActive study?", "What was GoActive's primary outcome?"):
        hit = searcher.search(asked, k=1)[0]
        assert hit.highlight.text.startswith("The primary outcome was min/day of MVPA"), (asked, hit)


def test_a_guidelines_numbered_recommendation_asked_of_by_number_is_the_highlight(encoder, tmp_path):
    # A guideline numbers its paragraphs ("1.3.2 Do not offer ..."); "What does recommendation
    # 1.3.2 say?" had highlighted the heading "2 Research recommendations".
    page = ("<html><head><title>Insomnia in adults</title></head><body><main><h1>Insomnia in adults</h1>"
            "<h2>1 Recommendations</h2><h3>1.3 Managing long-term insomnia</h3><p><strong>1.3.1</strong> Offer cognitive "
            "behavioural therapy for insomnia (CBT-I) as the first-line treatment for long-term insomnia.</p><p><strong>1.3.2"
            "</strong> Do not offer benzodiazepines or Z-drugs for long-term insomnia, because of the risk of dependence and "
            "falls.</p><h2>2 Research recommendations</h2><p><strong>2.1</strong> What is the long-term effectiveness of "
            "digital CBT-I in people aged 75 and over?</p></main></body></html>")
    searcher = searcher_of_file(encoder, tmp_path / "guideline.html", page)
    hit = searcher.search("What does recommendation 1.3.2 say?", k=1)[0]
    assert hit.highlight.text.startswith("1.3.2 Do not offer benzodiazepines"), hit
    assert hit.probability == 1.0


def test_what_is_advised_is_answered_by_advice_for_it_not_against_it(encoder, tmp_path):
    # A guideline: "What should be offered for less severe depression?" highlighted "Do not
    # routinely offer antidepressant medication ...", the sentence before the one that says what to offer.
    from assistant.search.answer import asked_advice

    offered = asked_advice("What should be offered for less severe depression?")
    assert offered("Offer guided self-help.") and not offered("Do not routinely offer antidepressants.")
    assert asked_advice("What should not be offered?") is None and asked_advice("What is sertraline used for?") is None
    text = ("# Depression in adults\n\n## 1.2 Treatment for less severe depression\n\n1.2.1 Do not routinely offer antidepressant "
            "medication as first-line treatment for less severe depression, unless that is the person's preference.\n\n1.2.2 "
            "Offer guided self-help, group cognitive behavioural therapy (CBT) or group exercise as first-line treatments for "
            "less severe depression.\n\n## 1.3 Treatment for more severe depression\n\n1.3.1 Offer a combination of individual "
            "CBT and an antidepressant as the preferred first-line treatment for more severe depression.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"guideline.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("What should be offered for less severe depression?", k=1)[0]
    assert hit.highlight.text.startswith("1.2.2 Offer guided self-help"), hit


def test_a_label_naming_the_questions_word_answers_an_amount_only_with_one(encoder, tmp_path):
    # An interview's transcript: "When was the interview?" highlighted "Interviewer: Dr Amara Okafor
    # (AO)", its label naming "interview", over "Date: 3 March 2026" above it.
    text = ("Interview transcript - participant P07\nStudy: Experiences of online CBT for insomnia\nDate: 3 March 2026\n"
            "Interviewer: Dr Amara Okafor (AO)\nDuration: 42 minutes\n\nAO: Thank you for agreeing to talk to me. Could you "
            "start by telling me how you came to use the programme?\n\nP07: Yes, so my GP suggested it. I had had trouble "
            "sleeping for about two years.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"interview.txt": text, **OTHER_DOCUMENT})
    hit = searcher.search("When was the interview?", k=1)[0]
    assert hit.highlight.text == "Date: 3 March 2026", hit
    assert searcher.search("Who was the interviewer?", k=1)[0].highlight.text == "Interviewer: Dr Amara Okafor (AO)"


def test_a_procedures_step_asked_of_by_number_is_the_highlight(encoder, tmp_path):
    # A lab protocol numbers its steps ("6. Add 500 µL of isopropanol ..."); "What is step 6?" had
    # highlighted "Make sure the sample was fully homogenised in step 1." (BM25 drops a number of
    # one digit).  A reference list numbers its entries too, and holds no step.
    text = ("# RNA extraction from whole blood\n\n## Procedure\n\n1. Add 750 µL of TRIzol LS to 250 µL of whole blood and mix.\n"
            "2. Incubate for 5 minutes at room temperature.\n3. Add 200 µL of chloroform and shake for 15 seconds.\n"
            "4. Centrifuge at 12,000 × g for 15 minutes at 4 °C.\n5. Transfer the aqueous phase to a new tube.\n"
            "6. Add 500 µL of isopropanol, incubate for 10 minutes and centrifuge again.\n\n## Troubleshooting\n\n"
            "Low yield: make sure the sample was fully homogenised in step 1 before step 6.\n\n## References\n\n"
            "1. Chomczynski P, Sacchi N. Single-step method of RNA isolation. Anal Biochem. 1987;162:156-9.\n"
            "2. Rio DC. Purification of RNA using TRIzol. Cold Spring Harb Protoc. 2010.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"protocol.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("What is step 6?", k=1)[0]
    assert hit.highlight.text.startswith("6. Add 500 µL of isopropanol"), hit
    hit = searcher.search("What happens in step 2?", k=1)[0]
    assert hit.highlight.text.startswith("2. Incubate for 5 minutes"), hit


def test_a_table_row_named_by_its_label_and_a_column_answers_before_a_mention(encoder, tmp_path):
    # A protocol's table of reagents: "How should chloroform be stored?" highlighted the step that
    # adds chloroform, where the row "Chloroform | Sigma | Room temperature" under "Reagent |
    # Supplier | Storage" says it ("stored" names the column "Storage").
    text = ("# RNA extraction\n\n## Materials\n\n| Reagent | Supplier | Storage |\n|---|---|---|\n| TRIzol LS | Thermo Fisher | "
            "4 °C |\n| Chloroform | Sigma | Room temperature |\n| Isopropanol | Sigma | Room temperature |\n| Ethanol | Merck "
            "| −20 °C |\n\n## Procedure\n\n1. Add 750 µL of TRIzol LS to 250 µL of whole blood and mix.\n2. Incubate for 5 "
            "minutes at room temperature.\n3. Add 200 µL of chloroform, cap the tube and shake vigorously by hand for 15 "
            "seconds.\n4. Centrifuge at 12,000 × g for 15 minutes at 4 °C.\n5. Transfer the aqueous phase to a new tube.\n"
            "6. Add 500 µL of isopropanol, incubate for 10 minutes and centrifuge again.\n7. Wash the pellet with 1 mL of "
            "75% ethanol.\n\n## Storage\n\nStore RNA at −80 °C. Avoid repeated freeze–thaw cycles.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"protocol.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("How should chloroform be stored?", k=1)[0]
    assert hit.highlight.text == "Chloroform | Sigma | Room temperature", hit
    hit = searcher.search("Who supplies the isopropanol?", k=1)[0]
    assert hit.highlight.text == "Isopropanol | Sigma | Room temperature", hit


def test_an_infobox_row_named_by_its_label_answers(encoder, tmp_path):
    # An encyclopedia's infobox: "What drug class is lithium?" highlighted "Serious side effects
    # include ... lithium toxicity." over the row "Drug class | Mood stabilizer" it names.
    page = ("<html><head><title>Lithium (medication)</title></head><body><main><h1>Lithium (medication)</h1>"
            "<table class='infobox'><tr><th colspan='2'>Lithium carbonate</th></tr><tr><th>Trade names</th><td>Lithobid, "
            "Priadel</td></tr><tr><th>Drug class</th><td>Mood stabilizer</td></tr><tr><th>Excretion</th><td>Kidney (95%)</td>"
            "</tr></table><p>Lithium is used primarily for bipolar disorder. Common side effects include increased urination "
            "and shakiness of the hands. Serious side effects include hypothyroidism, diabetes insipidus, and lithium toxicity."
            "</p></main></body></html>")
    searcher = searcher_of_files(encoder, tmp_path, {"lithium.html": page, **OTHER_DOCUMENT})
    hit = searcher.search("What drug class is lithium?", k=1)[0]
    assert hit.highlight.text == "Drug class | Mood stabilizer", hit


def test_a_follow_up_asking_of_a_thing_of_the_same_kind_is_not_owned_by_the_previous_one(encoder, tmp_path):
    # "What were the secondary outcomes?" after "What was the primary outcome?" had been searched as
    # "What were the secondary outcomes of the primary outcome?": a thing of the same kind is owned
    # by what owned the previous one, or searched as typed.
    searcher = searcher_of_file(encoder, tmp_path / "abstract.txt", ABSTRACT)
    answer = ask(searcher, "What were the secondary outcomes?", ["What was the primary outcome?"], k=1)
    assert answer.resolved.query == "What were the secondary outcomes?", answer.resolved
    answer = ask(searcher, "What were the secondary outcomes?", ["What was the FOCUS trial's primary outcome?"], k=1)
    assert answer.resolved.query == "What were the secondary outcomes of the FOCUS trial?", answer.resolved
    answer = ask(searcher, "What are the symptoms?", ["How is insomnia diagnosed?"], k=1)
    assert answer.resolved.query == "What are the symptoms of insomnia?", answer.resolved


def test_lecture_notes_abbreviation_defined_under_its_long_form_and_an_authors_year_counting_nothing(encoder, tmp_path):
    # "What is SWS?" had highlighted "Naps ... that include SWS ..." over the key term "Slow-wave
    # sleep (SWS): the deepest stage ..."; "How much does sleep deprivation reduce recall?" had
    # highlighted "In Rasch et al. (2007), ...", its year read as an amount.
    from assistant.search.answer import states_definition

    assert states_definition("• Slow-wave sleep (SWS): the deepest stage of non-REM sleep.", "SWS")
    assert not states_definition("Naps that include SWS improve declarative memory.", "SWS")
    notes = ("# Lecture 4: Sleep and memory\n\n## Key terms\n\n- **Slow-wave sleep (SWS)**: the deepest stage of non-REM sleep, "
             "with large slow oscillations in the EEG.\n- **Sleep spindles**: bursts of 11-16 Hz activity during stage 2 sleep.\n\n"
             "## Evidence\n\n- In Rasch et al. (2007), presenting an odour cue during SWS improved recall of object locations.\n"
             "- Sleep deprivation after learning reduces later recall by about 20-40%.\n- Naps of 60-90 minutes that include "
             "SWS improve declarative memory.\n")
    searcher = searcher_of_file(encoder, tmp_path / "lecture.md", notes)
    expected = {"What is SWS?": "• Slow-wave sleep (SWS): the deepest stage",
                "How much does sleep deprivation reduce recall?": "• Sleep deprivation after learning reduces later recall"}
    for question, sentence in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(sentence), (question, hit)


# A discharge summary: a record's head of labelled dates, sections headed by short lines set right
# over their text ("Medication on admission" names the admission, and gives no date of it), a
# patient's age said once, and a follow-up section full of other spans of time.
DISCHARGE_SUMMARY = ("ST. BRENDAN'S GENERAL HOSPITAL\nDepartment of Internal Medicine\n\nDISCHARGE SUMMARY\n\n"
                     "Patient: Margaret Hollis\nMRN: 44817203\nDate of admission: 3 March 2026\nDate of discharge: 11 March 2026\n"
                     "Consultant: Dr. A. Ferreira\n\nDiagnosis on discharge\nCommunity-acquired pneumonia, right lower lobe, "
                     "complicated by acute kidney injury (stage 2).\n\nPresenting complaint\nMrs Hollis, a 78-year-old retired "
                     "teacher, presented with four days of productive cough, fever and increasing breathlessness. Her daughter "
                     "reported new confusion on the morning of admission.\n\nMedication on admission\nRamipril 5 mg once daily; "
                     "amlodipine 10 mg once daily; paracetamol 1 g as required.\n\nHospital course\nShe was started on intravenous "
                     "co-amoxiclav and clarithromycin, switched to intravenous benzylpenicillin on day 3 once sensitivities were "
                     "known. Ramipril was withheld because of the kidney injury, and she received intravenous fluids. Her "
                     "creatinine returned to 101 µmol/L by day 7. She was reviewed by the physiotherapy team and was "
                     "mobile with a frame on discharge.\n\nMedication on discharge\nAmoxicillin 1 g three times daily for 3 more "
                     "days; amlodipine 10 mg once daily. Ramipril remains on hold.\n\nFollow-up\nRepeat chest radiograph in 6 "
                     "weeks to confirm resolution. Renal function to be checked by the general practitioner in one week. "
                     "Outpatient review in the respiratory clinic in 8 weeks.\n")


def test_a_date_asked_is_the_one_of_the_event_named_and_an_age_is_read_as_an_age(encoder, tmp_path):
    # "When was she discharged?" highlighted "Date of admission: ...", the first date under the
    # heading "DISCHARGE SUMMARY"; "When was she admitted?" ranked "Medication on admission" first,
    # a section naming the admission that gives no date ("admit" and "admiss" were two words); "How
    # old is the patient?" was asked for any number, and "Repeat chest radiograph in 6 weeks" won.
    assert asked_amount("How old is the patient?") == "age" and asked_amount("What was the mean age of participants?") == "age"
    assert asked_amount("How old can a donor be?") == "bound"
    searcher = searcher_of_file(encoder, tmp_path / "discharge.txt", DISCHARGE_SUMMARY)
    expected = {"When was she discharged?": "Date of discharge: 11 March 2026",
                "When was she admitted?": "Date of admission: 3 March 2026",
                "How old is the patient?": "Mrs Hollis, a 78-year-old retired teacher"}
    for question, sentence in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(sentence), (question, hit)


def test_why_is_answered_by_the_sentence_giving_a_reason_of_what_is_asked(encoder, tmp_path):
    # "Why was ramipril stopped?" highlighted "Ramipril remains on hold." and no hit gave the
    # reason; a reason of another thing is no answer.
    from assistant.search.answer import asks_reason, gives_reason

    assert asks_reason("Why was ramipril stopped?") and asks_reason("What was the reason for the delay?")
    assert not asks_reason("What is the dose of ramipril?")
    reason = gives_reason(["ramipril", "stop"])
    assert reason("Ramipril was withheld because of the kidney injury.") and not reason("Ramipril remains on hold.")
    assert not reason("Oxygen was weaned off because her saturation recovered.")
    # a reason pointing back is the sentence before's ("Due to this association ..." had won "Why
    # would someone fear elevators after getting stuck in one?" over the example that says why)
    assert not reason("Due to this, ramipril was stopped.") and reason("Ramipril was stopped because it harmed the kidney.")
    searcher = searcher_of_file(encoder, tmp_path / "discharge.txt", DISCHARGE_SUMMARY)
    hits = searcher.search("Why was ramipril stopped?", k=3)
    assert any(h.highlight.text.startswith("Ramipril was withheld because of the kidney injury") for h in hits), hits


# A referral letter saved as an e-mail: its header's fields, then the letter, signed.
REFERRAL_EMAIL = ("From: Dr Samuel Okafor <s.okafor@hillside-surgery.example.org>\nTo: Memory Assessment Service, Fairview "
                  "Hospital\nDate: 2 October 2026\nSubject: Referral - Mr Douglas Reid\n\nDear colleagues,\n\nThank you for "
                  "seeing Mr Douglas Reid, a 77-year-old retired engineer, whom I am referring with a nine-month history of "
                  "progressive memory problems.\n\nHis Montreal Cognitive Assessment (MoCA) score today was 19 out of 30, with "
                  "deficits in delayed recall and orientation. A CT head scan in August showed generalised atrophy.\n\n"
                  "Current medication: apixaban 5 mg twice daily, bisoprolol 2.5 mg once daily.\nAllergies: penicillin (rash).\n\n"
                  "He lives with his wife, who is well and is his main carer.\n\nYours sincerely,\n\nDr Samuel Okafor\n"
                  "General Practitioner\n")


def test_a_saved_email_is_titled_by_its_subject_and_its_header_says_who_sent_it_and_when(encoder, tmp_path):
    # The letter had been titled "From: Dr Samuel Okafor <...>"; "Who wrote the letter?" and "When
    # was the letter sent?" were unanswered ("none of them says anything about "letter" or
    # "sent""); "Is he allergic to anything?" said the documents never say "anything".
    searcher = searcher_of_file(encoder, tmp_path / "referral.txt", REFERRAL_EMAIL)
    assert searcher.index.document(0).title == "Referral - Mr Douglas Reid"
    expected = {"Who wrote the letter?": "From: Dr Samuel Okafor", "Who sent the email?": "From: Dr Samuel Okafor",
                "When was the letter sent?": "Date: 2 October 2026"}
    for question, line in expected.items():
        answer = ask(searcher, question, [], k=1)
        assert answer.answered and answer.hits[0].highlight.text.startswith(line), (question, answer)
    answer = ask(searcher, "Is he allergic to anything?", [], k=1)
    assert answer.not_mentioned == () and answer.hits[0].highlight.text.startswith("Allergies: penicillin"), answer


# A systematic review: a structured abstract, a subgroup table, adverse events said by frequency, and
# a discussion opening on where the effect was largest before a finding about something else.
REVIEW = ("# Exercise for depression in adults: a systematic review and meta-analysis\n\n## Abstract\n\n**Results:** We "
          "included 38 trials with 3,412 participants. Exercise reduced depressive symptoms compared with usual care "
          "(standardised mean difference -0.52, 95% CI -0.68 to -0.36). Only 9 trials were at low risk of bias.\n\n"
          "## Results\n\n### Main outcomes\n\n| Subgroup | Trials | SMD (95% CI) |\n|---|---|---|\n"
          "| Resistance training | 8 | -0.33 (-0.58 to -0.08) |\n| Mixed exercise | 6 | -0.45 (-0.77 to -0.13) |\n\n"
          "### Adverse events\n\nFourteen trials reported adverse events. Musculoskeletal injuries were the most common, "
          "occurring in 3% of participants in exercise groups. No serious adverse events were attributed to exercise.\n\n"
          "## Discussion\n\nOur findings support exercise as a treatment for depression in adults, with the largest effects "
          "for supervised aerobic programmes. The certainty of evidence was moderate, downgraded for risk of bias. Unlike an "
          "earlier review, we found no clear difference between trials in older and younger adults.\n")


def test_a_finding_asked_of_a_thing_and_a_superlative_asked_are_highlighted_where_said(encoder, tmp_path):
    # "What was the effect of aerobic exercise?" highlighted "we found no clear difference between
    # trials in older and younger adults" (a result, of another thing) over the sentence on the
    # largest effects for aerobic programmes; "What were the most common adverse events?"
    # highlighted "Fourteen trials reported adverse events." over the sentence naming the commonest.
    from assistant.search.answer import asked_superlative
    from assistant.search.findings import reports_result

    assert reports_result("Our findings support exercise, with the largest effects for supervised aerobic programmes.")
    most = asked_superlative("What were the most common adverse events?")
    assert most is not None and most("Injuries were the most common.") and not most("Fourteen trials reported adverse events.")
    searcher = searcher_of_file(encoder, tmp_path / "review.md", REVIEW)
    expected = {"What was the effect of aerobic exercise?": "aerobic",
                "What were the most common adverse events?": "Musculoskeletal injuries were the most common"}
    for question, said in expected.items():
        hits = searcher.search(question, k=3)
        assert said in hits[0].highlight.text, (question, hits)


# A news report: its findings in turn, the journal named in passing in its first sentence.
NEWS = ("# Daily walks linked to lower dementia risk, study finds\n\nBy Hannah Brooks, Health Correspondent\n\n"
        "People who walk for at least 30 minutes a day are less likely to develop dementia, according to a large study "
        "published on Monday in the journal Neurology Today.\n\nResearchers at the University of Eastbridge followed "
        "78,000 adults aged 50 to 79 for an average of nine years. Participants wore activity trackers for one week at the "
        "start of the study.\n\nThe study was observational, so it cannot show that walking itself prevents dementia. "
        "Professor Lena Hartmann, who was not involved in the work, called the findings encouraging.\n")


def test_the_sentence_holding_every_word_the_question_asks_with_is_the_highlight(encoder, tmp_path):
    # "Which journal published the study?" highlighted "The study was observational, so it cannot
    # show ...", though one sentence says "a large study published ... in the journal Neurology Today".
    searcher = searcher_of_file(encoder, tmp_path / "news.md", NEWS)
    hit = searcher.search("Which journal published the study?", k=1)[0]
    assert "journal Neurology Today" in hit.highlight.text, hit


def test_a_question_that_negates_is_not_headed_by_a_heading_that_does_not(encoder, tmp_path):
    # "Who should not take sertraline?" was answered, at probability 1, by the first line under "3.
    # How to take Sertraline" (the usual starting dose): the heading holds every word it asks with
    # but says how to take it, not who should not.
    leaflet = ("# Sertraline 50 mg film-coated tablets\n\n## 2. What you need to know before you take Sertraline\n\n"
               "Sertraline should not be used in children and adolescents under the age of 18, except for patients with "
               "obsessive-compulsive disorder. Talk to your doctor before taking Sertraline if you have epilepsy.\n\n"
               "## 3. How to take Sertraline\n\nThe usual starting dose for adults with depression is 50 mg daily. Swallow "
               "the tablets with water.\n")
    searcher = searcher_of_file(encoder, tmp_path / "leaflet.md", leaflet)
    hit = searcher.search("Who should not take sertraline?", k=1)[0]
    assert hit.section[-1] == "2. What you need to know before you take Sertraline", hit
    hit = searcher.search("How do I take sertraline?", k=1)[0]
    assert hit.section[-1] == "3. How to take Sertraline", hit


def test_how_long_for_asks_a_span_and_from_the_fourth_day_says_when(encoder, tmp_path):
    # "How long is SSP paid for?" had been asked for a sum of money ("paid"), and "When does SSP
    # start?" went unanswered: "from the fourth day" was no point in a course of events.
    from assistant.search.answer import gives_amount

    assert asked_amount("How long is SSP paid for?") == "duration"
    assert gives_amount("SSP is paid from the fourth day you are off sick.", "date")
    page = ("<html><head><title>Statutory Sick Pay (SSP)</title></head><body><main><h1>Statutory Sick Pay (SSP)</h1>"
            "<h2>Overview</h2><p>You can get £116.75 per week Statutory Sick Pay (SSP) if you're too ill to work. It's paid "
            "by your employer for up to 28 weeks.</p><h2>What you'll get</h2><p>SSP is paid from the fourth day you are off "
            "sick. The first 3 days are called 'waiting days' and are not paid.</p><p>Last updated 6 April 2026</p>"
            "</main></body></html>")
    searcher = searcher_of_file(encoder, tmp_path / "ssp.html", page)
    answer = ask(searcher, "When does SSP start?", [], k=1)
    assert answer.answered and answer.hits[0].highlight.text == "SSP is paid from the fourth day you are off sick.", answer


def test_a_passage_with_a_range_holding_the_age_asked_comes_first(encoder, tmp_path):
    # "How much paracetamol for a 3 year old?" ranked first a passage saying "too much paracetamol"
    # of a child "under 3 months", above the dosing table whose row "2 to 4 years" holds the age.
    page = ("# Paracetamol dosing for children\n\nParacetamol is used to treat pain and fever in children.\n\n## Dose by age\n\n"
            "| Age | Infant suspension 120 mg/5 mL | How often |\n|---|---|---|\n| 3 to 6 months | 2.5 mL | Up to 4 times in 24 hours |\n"
            "| 2 to 4 years | 7.5 mL | Up to 4 times in 24 hours |\n| 4 to 6 years | 10 mL | Up to 4 times in 24 hours |\n\n"
            "## When to get help\n\nGet medical help urgently if your child is under 3 months and has a temperature of 38°C or "
            "higher, or if you think they have taken too much paracetamol, even if they seem well.\n")
    searcher = searcher_of_file(encoder, tmp_path / "dosing.md", page)
    hit = searcher.search("How much paracetamol for a 3 year old?", k=1)[0]
    assert hit.highlight.text.startswith("2 to 4 years | 7.5 mL"), hit


# An encyclopedia's page: a site's menus, an infobox whose caption repeats the page's title over
# rows of a label and a value, a lead, sections; the long form of an abbreviation a reader uses
# ("FDA") is all it writes.
ENCYCLOPEDIA_PAGE = (
    "<html><head><title>Lithium (medication) - MedWiki</title></head><body>"
    "<div id='mw-panel'><h3>Navigation</h3><ul><li><a href='/'>Main page</a></li><li><a href='/random'>Random article</a></li>"
    "</ul></div><div id='content'><h1>Lithium (medication)</h1>"
    "<table class='infobox'><tr><th colspan='2'>Lithium (medication)</th></tr><tr><th>Trade names</th><td>Priadel, Camcolit, "
    "Lithobid</td></tr><tr><th>Drug class</th><td>Mood stabiliser</td></tr><tr><th>Elimination half-life</th><td>24 hours "
    "(range 18 to 36)</td></tr><tr><th>Excretion</th><td>Kidney (95%)</td></tr></table>"
    "<p>Lithium compounds, also known as lithium salts, are primarily used as a psychiatric medication. Lithium is taken "
    "by mouth.</p><p>Common side effects include increased urination, shakiness of the hands, and increased thirst.</p>"
    "<h2>Monitoring</h2><p>Serum lithium levels are measured 12 hours after the last dose. The usual target range is 0.4 to "
    "1.0 mmol/L. Kidney and thyroid function are checked every six months.</p>"
    "<h2>History</h2><p>The Australian psychiatrist John Cade reported the use of lithium to treat mania in 1949. It was "
    "approved in the United States by the Food and Drug Administration in 1970.</p></div></body></html>")


def test_an_infobox_row_answers_what_it_labels_of_the_page_s_subject(encoder, tmp_path):
    # "What is the half-life of lithium?" highlighted "Lithium compounds, also known as lithium
    # salts, ...": "half-life of lithium" was read as a term whose last word, "lithium", that
    # sentence introduces; the row's label names the half-life, and the page's title its subject.
    # "Trade names | ..." under the infobox's caption had been read as a table's header row.
    searcher = searcher_of_file(encoder, tmp_path / "lithium.html", ENCYCLOPEDIA_PAGE)
    expected = {"What is the half-life of lithium?": "Elimination half-life | 24 hours",
                "What are the trade names of lithium?": "Trade names | Priadel, Camcolit, Lithobid"}
    for question, sentence in expected.items():
        hit = searcher.search(question, k=1)[0]
        assert hit.highlight.text.startswith(sentence), (question, hit)


def test_when_a_thing_is_done_is_answered_by_a_point_in_time_before_a_span(encoder, tmp_path):
    # "When should blood be taken for a lithium level?" was no question of a time point (the verb
    # was not its last word), and the lead ("Lithium is taken by mouth.") came first.
    from assistant.search.answer import states_time_point

    assert asked_amount("When should blood be taken for a lithium level?") == "time"
    assert states_time_point("Levels are measured 12 hours after the last dose.")
    assert states_time_point("Outcomes were assessed at 6 and 12 months.")
    assert not states_time_point("Elimination half-life | 24 hours (range 18 to 36)")
    searcher = searcher_of_file(encoder, tmp_path / "lithium.html", ENCYCLOPEDIA_PAGE)
    hit = searcher.search("When should blood be taken for a lithium level?", k=1)[0]
    assert hit.highlight.text == "Serum lithium levels are measured 12 hours after the last dose.", hit


def test_an_abbreviation_is_mentioned_where_a_name_s_initials_spell_it_past_small_words(encoder, tmp_path):
    # "When was lithium approved by the FDA?" said that no document mentions "FDA": the page
    # writes "Food and Drug Administration", whose initials spell it past "and".
    searcher = searcher_of_file(encoder, tmp_path / "lithium.html", ENCYCLOPEDIA_PAGE)
    answer = ask(searcher, "When was lithium approved by the FDA?", [], k=1)
    assert answer.answered and "Food and Drug Administration in 1970" in answer.hits[0].highlight.text, answer
    assert not ask(searcher, "When was lithium approved by the EMA?", [], k=1).answered


def test_a_talks_learning_objectives_come_after_the_slide_that_answers(encoder, tmp_path):
    # "What is the first-line treatment for type 2 diabetes?" ranked first "• Understand the
    # current first-line treatment" of the slide "Learning objectives", which names the topic the
    # slide "First-line treatment" answers; asked for, the objectives answer.
    from tests.test_documents import SLIDES_AS_TEXT

    searcher = searcher_of_file(encoder, tmp_path / "deck.txt", SLIDES_AS_TEXT)
    hit = searcher.search("What is the first-line treatment for type 2 diabetes?", k=1)[0]
    assert hit.section == ("First-line treatment",), hit
    assert searcher.search("What are the learning objectives?", k=1)[0].section == ("Learning objectives",)


def test_a_heading_naming_what_is_asked_of_the_document_s_subject_answers_with_its_first_line(encoder, tmp_path):
    # "What license is tidyseq under?" highlighted the heading "License" itself: the question's
    # "tidyseq" is in no heading, only in the README's title, which every section is about.
    readme = ("# tidyseq\n\n**tidyseq** trims adapters, filters low-quality reads and writes a tidy per-sample report from "
              "FASTQ files.\n\n## Installation\n\ntidyseq needs Python 3.9 or later.\n\n```bash\npip install tidyseq\n```\n\n"
              "## Output\n\nFor each sample tidyseq writes the trimmed FASTQ files and a JSON summary.\n\n## License\n\n"
              "MIT. See [LICENSE](LICENSE).\n")
    searcher = searcher_of_file(encoder, tmp_path / "README.md", readme)
    hit = searcher.search("What license is tidyseq under?", k=1)[0]
    assert hit.section == ("License",) and hit.highlight.text == "MIT.", hit


def test_every_six_months_says_how_often(encoder, tmp_path):
    # "How often should kidney function be checked?" moved the highlight from "Kidney and thyroid
    # function are checked every six months." to a sentence with digits: "every six months" was
    # no rate (only "every two", "three" or "four" were).
    from assistant.search.answer import states_rate

    assert states_rate("Kidney and thyroid function are checked every six months.")
    assert states_rate("Review the diary every few weeks.") and not states_rate("It lasted six months.")
    searcher = searcher_of_file(encoder, tmp_path / "lithium.html", ENCYCLOPEDIA_PAGE)
    hit = searcher.search("How often should kidney function be checked?", k=1)[0]
    assert hit.highlight.text == "Kidney and thyroid function are checked every six months.", hit


def test_every_two_to_four_weeks_says_how_often(encoder, tmp_path):
    # A guideline's "How often should people be reviewed?" ranked "3 sessions a week" of another
    # recommendation first: "every 2 to 4 weeks", a range of weeks, was no rate.
    from assistant.search.answer import states_rate

    assert states_rate("Review every 2 to 4 weeks.") and states_rate("Review every two or three weeks.")
    text = ("# Depression in adults\n\n## 1.1 Principles of care\n\n1.1.2 Offer all people with depression a review within 2 "
            "weeks of starting treatment, and every 2 to 4 weeks for the first 3 months.\n\n## 1.2 Less severe depression\n\n"
            "1.2.3 Group exercise programmes should consist of 3 sessions a week of moderate intensity over 10 to 14 weeks.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"guideline.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("How often should people be reviewed?", k=1)[0]
    assert hit.highlight.text.startswith("1.1.2 Offer all people with depression a review"), hit


def test_a_term_in_quotation_marks_is_asked_as_the_term(encoder, tmp_path):
    # "What does 'consider' mean?" highlighted the sentence before a PDF guideline's table of its
    # wording, where the question without the marks highlighted the row: the marks are no words
    # of the question, for its definition or its embedding, and change nothing of the answer.
    from assistant.search.answer import asked_term
    from assistant.search.questions import unquoted

    assert asked_term("What does 'consider' mean?") == "consider" and asked_term("What is “quantile regression”?") == "quantile regression"
    assert unquoted("What is the patient's role?") == "What is the patient's role?"
    text = ("# Depression in adults\n\n## 2 Strength of recommendations\n\nThe wording of each recommendation reflects the "
            "strength of the evidence behind it.\n\n| Wording | Strength | Meaning |\n|---|---|---|\n| Offer | Strong | Most people would "
            "choose the intervention |\n| Consider | Conditional | Benefits and harms are closely balanced |\n| Do not offer | Strong "
            "(against) | The intervention should not be used |\n\n## 3 Rationale\n\nThe committee agreed that antidepressants have "
            "little advantage over placebo.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"guideline.md": text, **OTHER_DOCUMENT})
    quoted, bare = searcher.search("What does 'consider' mean?", k=3), searcher.search("What does consider mean?", k=3)
    assert quoted[0].highlight.text.startswith("Consider | Conditional"), quoted[0]
    assert [(h.highlight.text, round(h.probability, 6)) for h in quoted] == [(h.highlight.text, round(h.probability, 6)) for h in bare]


def test_a_measure_asked_is_answered_only_by_a_highlight_stating_a_number(encoder, tmp_path):
    # "What is the dose of paracetamol?" was answered by "Paracetamol can help ease the pain.", its
    # passage's number ("5 times a day for 7 days") another medicine's.
    page = ("# Shingles\n\nShingles is an infection that causes a painful rash.\n\n## Treatment\n\nIf you need antiviral "
            "medicine, a GP may prescribe aciclovir, usually taken 5 times a day for 7 days. Paracetamol can help ease the pain.\n")
    searcher = searcher_of_file(encoder, tmp_path / "shingles.md", page)
    assert not ask(searcher, "What is the dose of paracetamol?", [], k=3).answered
    assert ask(searcher, "What is the dose of aciclovir?", [], k=3).answered


def test_a_paragraphs_number_is_no_amount_a_measure_is_answered_by(encoder, tmp_path):
    # A guideline numbers its paragraphs: "What is the dose of sertraline?" was answered by "1.3.2
    # If a person prefers an antidepressant alone, offer ... sertraline or citalopram.", whose only
    # number is the paragraph's.
    from assistant.search.answer import gives_amount

    assert not gives_amount("1.3.2 Offer an SSRI such as sertraline.", "measure") and not gives_amount("3.2 Home visits", "measure")
    assert gives_amount("2.5 mg is the starting dose.", "measure") and gives_amount("1.3.2 Start with 50 mg a day.", "measure")
    text = ("# Depression in adults\n\n## 1.3 Treatment for more severe depression\n\n1.3.1 Offer a combination of individual "
            "CBT and an antidepressant as the preferred first-line treatment for more severe depression.\n\n1.3.2 If a person "
            "prefers an antidepressant alone, offer a selective serotonin reuptake inhibitor (SSRI) such as sertraline or "
            "citalopram.\n\n1.3.3 Continue antidepressant treatment for at least 6 months after remission to reduce the risk "
            "of relapse.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"guideline.md": text, **OTHER_DOCUMENT})
    assert not ask(searcher, "What is the dose of sertraline?", [], k=3).answered


def test_a_measure_of_a_thing_is_not_answered_by_a_document_that_never_names_it(encoder, tmp_path):
    # "What is the dose of sertraline?" was answered by "Lithium is typically started at 300 mg
    # ..." of a page that never names sertraline (beside a guideline that names it and no dose),
    # and by the guideline's footnote "2 At the time of publication, sertraline ...", whose only
    # number is its mark.
    from assistant.search.answer import measured_terms

    assert measured_terms("What is the dose of paracetamol for a 3 year old?") == ["paracetamol"]
    assert measured_terms("What is the maximum dose?") == []
    lithium = ("# Lithium\n\n## Medical uses\n\nLithium is used for bipolar disorder. Lithium is typically started at 300 mg "
               "two or three times a day, with the dose adjusted until blood levels reach 0.6 to 1.0 mmol/L.\n")
    guideline = ("# Depression in adults\n\n## 1.3 More severe depression\n\nIf a person prefers an antidepressant alone, offer "
                 "a selective serotonin reuptake inhibitor such as sertraline or citalopram.\n\n## Notes\n\n2 At the time of "
                 "publication, sertraline and citalopram were the lowest-cost SSRIs.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"lithium.md": lithium, "guideline.md": guideline, **OTHER_DOCUMENT})
    assert not ask(searcher, "What is the dose of sertraline?", [], k=3).answered
    assert ask(searcher, "What is the dose of lithium?", [], k=3).answered


def test_a_date_is_of_the_sentence_naming_the_event_past_the_document_s_subject(encoder, tmp_path):
    # "When was lithium approved in the US?" highlighted "... lithium to treat mania in 1949.": it
    # names lithium, the page's subject, as the sentence dating the approval names "approved";
    # and "US" was mentioned nowhere, though the page says "United States".
    searcher = searcher_of_file(encoder, tmp_path / "lithium.html", ENCYCLOPEDIA_PAGE)
    answer = ask(searcher, "When was lithium approved in the US?", [], k=1)
    assert answer.answered and "in 1970" in answer.hits[0].highlight.text, answer
    assert not answer.not_mentioned


def test_a_byline_s_parts_name_the_writer_and_the_date_and_how_long_before_asks_a_span(encoder, tmp_path):
    # A magazine's article: "Who wrote this article?" and "When was it published?" went unanswered,
    # the byline's parts set apart by dots ("By ..., consultant child psychiatrist · 14 May 2025 · 6
    # min read"); "How long before bed should screens be switched off?" asked for any number, and
    # "Avoid caffeine after 3 pm." won.
    article = ("# Sleep and adolescent mental health\n\n*By Dr Hannah Okoro, consultant child psychiatrist · 14 May 2025 · 6 "
               "min read*\n\n## Why do teenagers sleep later?\n\nDuring puberty the body clock shifts, so that melatonin is "
               "released about two hours later in the evening than in childhood.\n\n## What parents can do\n\n- Keep wake-up "
               "times within an hour of each other, including at weekends.\n- Switch off screens an hour before bed.\n"
               "- Avoid caffeine after 3 pm.\n")
    assert asked_amount("How long before bed should screens be switched off?") == "duration"
    searcher = searcher_of_file(encoder, tmp_path / "sleep.md", article)
    writer = ask(searcher, "Who wrote this article?", [], k=1)
    assert writer.answered and writer.hits[0].highlight.text.startswith("By Dr Hannah Okoro"), writer
    date = ask(searcher, "When was it published?", [], k=1)
    assert date.answered and date.hits[0].highlight.text == "14 May 2025", date
    hit = searcher.search("How long before bed should screens be switched off?", k=1)[0]
    assert hit.highlight.text == "• Switch off screens an hour before bed.", hit


def test_a_numbered_section_and_a_labelled_appendix_asked_of_answer_with_their_first_sentence(encoder, tmp_path):
    # A guideline: "What does section 3.2 say?" highlighted its heading "3.2 Home hazard
    # assessment", and "What is in Appendix A?" went unanswered, the appendix's heading naming
    # more than "appendix".
    guideline = ("# Falls prevention in older people\n\n## 3 Interventions\n\n### 3.1 Strength and balance training\n\nOffer "
                 "strength and balance training to older people who have had a fall.\n\n### 3.2 Home hazard assessment\n\nOffer a "
                 "home hazard assessment by an occupational therapist to older people discharged from hospital after a fall.\n\n"
                 "## Appendix A: Summary of recommendations by setting\n\nIn the community, ask about falls every year.\n")
    searcher = searcher_of_file(encoder, tmp_path / "guideline.md", guideline)
    hit = searcher.search("What does section 3.2 say?", k=1)[0]
    assert hit.highlight.text.startswith("Offer a home hazard assessment"), hit
    appendix = ask(searcher, "What is in Appendix A?", [], k=1)
    assert appendix.answered and appendix.hits[0].highlight.text == "In the community, ask about falls every year.", appendix
    assert not ask(searcher, "What is in Appendix B?", [], k=1).answered


def test_a_count_asked_of_what_things_were_is_highlighted_by_the_number_that_were_that(encoder, tmp_path):
    # A trial's results count two groups in the same words, reversed: "how many of the non-smokers
    # ... were smokers?" had highlighted the smokers who became non-smokers (the same terms, the
    # embedding a shade closer).  The number asked for is the one that "were smokers".
    from assistant.search.answer import asked_count_of

    became = asked_count_of("How many children had asthma?")
    assert became("In all, 12 children had asthma.") and not became("Asthma was seen in 12 children.")
    assert asked_count_of("How many were there?") is None and asked_count_of("How many people fetched it?") is None
    text = ("# Results\n\nSmoking status at follow-up\n\nAt baseline, 540 students in the intervention arm reported their smoking "
            "status. Of the 480 non-smokers in the intervention arm at baseline, 14 (2.9%) were smokers at the 6-month follow-up. "
            "Of the 60 smokers in the intervention arm at baseline, 27 (45%) were non-smokers at the 6-month follow-up. "
            "In the control arm the figures were similar.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"trial.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("How many of the non-smokers at baseline were smokers at follow-up?", k=1)[0]
    assert hit.highlight.text.startswith("Of the 480 non-smokers"), hit
    hit = searcher.search("Among intervention-arm smokers at baseline, how many were non-smokers six months later?", k=1)[0]
    assert hit.highlight.text.startswith("Of the 60 smokers"), hit


def test_a_pages_version_line_under_its_title_is_kept_and_answers_which_version(encoder, tmp_path):
    # A participant information sheet saved from a hospital's site gives its version and date in a
    # line under its title ('<p class="meta">'); main-content extraction left it out, and "What
    # version is this sheet?" had highlighted a telephone number.  A line of prose under a title
    # that names no version or date stays as the page has it (here: once).
    from tests.conftest import searcher_of_file

    page = ('<html><head><title>Participant information sheet | Northgate Hospitals</title></head><body><nav><a href="/">Home'
            '</a> <a href="/research">Research</a></nav><main><article><h1>Participant information sheet: the SLEEPWELL study</h1>'
            '<p class="meta">Version 3.1, 14 January 2026. IRAS ID: 318842</p><h2>What is the purpose of the study?</h2><p>Many '
            'people with long-term pain also sleep badly. We want to find out whether a six-week online sleep programme improves '
            'sleep.</p><h2>Contact for further information</h2><p>Dr Hannah Reid, Study Coordinator. Telephone: 0161 555 0123.</p>'
            '</article></main><footer>© 2026 Northgate Hospitals</footer></body></html>')
    searcher = searcher_of_file(encoder, tmp_path / "sheet.html", page)
    text = searcher.index.document(0).text
    assert text.startswith("Participant information sheet: the SLEEPWELL study\n\nVersion 3.1, 14 January 2026. IRAS ID: 318842\n\n"), text
    assert searcher.search("What version is this sheet?", k=1)[0].highlight.text.startswith("Version 3.1"), text
    plain = page.replace('<p class="meta">Version 3.1, 14 January 2026. IRAS ID: 318842</p>', "<p>Please read this sheet carefully.</p>")
    assert searcher_of_file(encoder, tmp_path / "plain.html", plain).index.document(0).text.count("Please read this sheet") == 1


def test_who_makes_a_thing_is_answered_by_its_manufacturers_line(encoder, tmp_path):
    # A device's instructions end with "Manufacturer: Example Diagnostics Ltd, ..."; "Who makes the
    # meter?" was no question of who made a thing, and had highlighted "Clean the meter once a week".
    from assistant.search.answer import asks_origin, states_origin

    assert asks_origin("Who makes the meter?") and asks_origin("Who manufactured it?")
    assert states_origin("Manufacturer: Example Diagnostics Ltd, Cambridge.", "Who makes the meter?")
    assert not states_origin("Clean the meter once a week.", "Who makes the meter?")
    text = ("# GlucoCheck One: instructions for use\n\n## Care and cleaning\n\nClean the outside of the meter with a damp cloth. "
            "Clean the meter once a week and disinfect it once a month.\n\n## Symbols\n\nIVD | In vitro diagnostic medical device\n"
            "LOT | Batch code\n\nManufacturer: Example Diagnostics Ltd, 4 Mill Road, Cambridge CB1 2AB, United Kingdom. Customer "
            "care: 0800 123 4567.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"meter.md": text, **OTHER_DOCUMENT})
    hits = searcher.search("Who makes the meter?", k=2)
    assert hits[0].highlight.text.startswith("Manufacturer: Example Diagnostics Ltd"), hits
    assert searcher.answered(hits, "Who makes the meter?")


def test_how_to_do_a_thing_is_highlighted_by_the_sentence_saying_to_do_it(encoder, tmp_path):
    # A device's instructions: "How do I replace the batteries?" under "Replacing the batteries"
    # had highlighted the section's first sentence, "When the battery symbol appears, about 50
    # tests remain.", not the one that says to replace them.
    from assistant.search.answer import asked_action

    replacing = asked_action("How do I replace the batteries?")
    assert replacing("Open the door, replace both batteries and close it.") and not replacing("About 50 tests remain.")
    assert not asked_action("How do I test my blood glucose?")("1. Insert a test strip into the port.")
    assert asked_action("How do I know if it works?") is None and asked_action("How does it work?") is None
    text = ("# GlucoCheck One: instructions for use\n\n## Testing your blood glucose\n\n1. Insert a test strip into the strip "
            "port.\n2. Touch a drop of blood to the edge of the strip.\n\n## Replacing the batteries\n\nWhen the battery symbol "
            "appears, about 50 tests remain. Open the battery door on the back of the meter, replace both batteries with the + "
            "side facing up, and close the door. Your results stay in memory.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"meter.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("How do I replace the batteries?", k=1)[0]
    assert hit.highlight.text.startswith("Open the battery door"), hit


def test_who_holds_a_role_is_answered_by_the_name_beside_it(encoder, tmp_path):
    # A participant information sheet: "Who is the study coordinator?" had put the sponsor's and the
    # ethics committee's sentences first, and the contact line naming "Dr Hannah Reid, Study
    # Coordinator" third.
    from assistant.search.answer import asked_role, states_role_holder

    assert asked_role("Who is the study coordinator?") == "study coordinator" and asked_role("Who are the authors?") is None
    assert states_role_holder("Study Coordinator: Dr Hannah Reid", "study coordinator")
    assert not states_role_holder("Contact the study coordinator for details.", "study coordinator")
    text = ("# Participant information sheet: the SLEEPWELL study\n\n## Who is organising and funding the research?\n\nThe study "
            "is sponsored by Northgate University and funded by the National Institute for Health and Care Research.\n\n"
            "## Who has reviewed the study?\n\nThis study has been reviewed by the North West Research Ethics Committee.\n\n"
            "## Contact for further information\n\nDr Hannah Reid, Study Coordinator, Northgate Pain Research Unit. "
            "Telephone: 0161 555 0123.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"sheet.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("Who is the study coordinator?", k=1)[0]
    assert hit.highlight.text == "Dr Hannah Reid, Study Coordinator, Northgate Pain Research Unit.", hit


def test_when_to_do_a_thing_is_answered_by_the_deadline_for_it(encoder, tmp_path):
    # A ward's falls policy: "When should a CT scan be done?" had put the risk assessment's "within
    # 24 hours of admission" first, a point in a course of events, over "arrange a CT head scan
    # within 1 hour", a deadline, which was read as no point at all.
    from assistant.search.answer import states_time_point

    assert states_time_point("Arrange a CT head scan within 1 hour.") and not states_time_point("Elimination half-life | 24 hours")
    text = ("# Falls prevention and management policy\n\n## Risk assessment\n\nEvery patient aged 65 or over must have a "
            "multifactorial falls risk assessment within 24 hours of admission. The assessment must be repeated after any fall."
            "\n\n## After a fall\n\nDo not move the patient until they have been checked for injury. If a head injury is "
            "suspected, observe neurological signs every 30 minutes for 2 hours, and arrange a CT head scan within 1 hour.\n")
    searcher = searcher_of_files(encoder, tmp_path, {"policy.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("When should a CT scan be done?", k=1)[0]
    assert "CT head scan within 1 hour" in hit.highlight.text, hit


# A talk's slides saved as Markdown: a title slide naming the speaker, then a title and a few
# bullets a slide. Two hypnotics share one slide, each with its own duration, and the risks of the
# first stand in the item under it.
_TALK = ("# Insomnia in primary care: what works\n\nGrand Rounds, Department of Psychiatry\n\n"
         "Dr Amara Okafor, consultant in sleep medicine\n\n14 October 2026\n\n"
         "## How common is insomnia?\n\n- About 10% of adults meet criteria for chronic insomnia disorder\n"
         "- Two thirds of patients with depression report insomnia\n\n"
         "## Diagnosis\n\n- Difficulty falling asleep, staying asleep or waking early\n"
         "- At least 3 nights a week for at least 3 months\n\n"
         "## Effect of CBT-I\n\n- Sleep onset latency reduced by 19 minutes\n- Benefits maintained at 12 months\n\n"
         "## Hypnotics\n\n- Z-drugs (zopiclone, zolpidem) for short-term use only: 2 to 4 weeks\n"
         "- Risks: falls, dependence, next-day impairment\n- Avoid benzodiazepines in older adults\n"
         "- Melatonin: licensed for adults aged 55 and over, for up to 13 weeks\n")


def test_a_bound_of_another_thing_does_not_answer_how_long_the_thing_asked_of_may_be_used(encoder, tmp_path):
    # "How long can z-drugs be used?" had highlighted melatonin's "for up to 13 weeks", a bound,
    # over the z-drugs' "2 to 4 weeks", which names them.
    searcher = searcher_of_file(encoder, tmp_path / "talk.md", _TALK)
    hit = searcher.search("How long can z-drugs be used?", k=1)[0]
    assert "Z-drugs" in hit.highlight.text, hit
    assert "Melatonin" in searcher.search("How long can melatonin be used?", k=1)[0].highlight.text


def test_the_line_the_asked_noun_labels_answers_what_it_is_of_the_thing_named_above_it(encoder, tmp_path):
    # "What are the risks of z-drugs?" had highlighted the item naming z-drugs, not "Risks: ..."
    # under it; "What is the main risk of melatonin?" is not answered by the z-drugs' risks.
    from assistant.search.answer import asked_label

    labels = asked_label("What are the risks of z-drugs?")
    assert labels("• Risks: falls, dependence") and not labels("Z-drugs for short-term use only: 2 to 4 weeks")
    assert asked_label("What is it?") is None
    searcher = searcher_of_file(encoder, tmp_path / "talk.md", _TALK)
    assert searcher.search("What are the risks of z-drugs?", k=1)[0].highlight.text.startswith("• Risks:")
    assert "Melatonin" in searcher.search("What is the main risk of melatonin?", k=1)[0].highlight.text


def test_a_title_s_opening_noun_leaves_a_section_heading_the_rest_of_the_question(encoder, tmp_path):
    # "How is insomnia diagnosed?" of a talk titled "Insomnia in primary care: ..." had put "How
    # common is insomnia?" first: the slide "Diagnosis" never repeats the title's "insomnia".
    searcher = searcher_of_file(encoder, tmp_path / "talk.md", _TALK)
    hit = searcher.search("How is insomnia diagnosed?", k=1)[0]
    assert hit.section == ("Diagnosis",) and hit.highlight.text.startswith("• Difficulty falling asleep"), hit


def test_who_gave_a_talk_after_a_question_for_a_span_is_the_speaker_named_on_its_title_slide(encoder, tmp_path):
    # "Who gave the talk?" found nothing on the title slide ("Dr Amara Okafor, consultant in sleep
    # medicine" was no writer's line), and searched with "How long do the benefits last?" it asked
    # for a span of time the speaker's line does not give, so it was not answered.
    from assistant.search.answer import asked_amount, names_titled_person

    assert names_titled_person("Dr Amara Okafor, consultant in sleep medicine") and not names_titled_person("Dr Okafor said so.")
    assert asked_amount("Who gave the talk? (How long do the benefits last?)") is None
    searcher = searcher_of_file(encoder, tmp_path / "talk.md", _TALK)
    answer = ask(searcher, "Who gave the talk?", ["How long do the benefits last?"], k=1)
    assert answer.answered and answer.hits[0].highlight.text == "Dr Amara Okafor, consultant in sleep medicine", answer



# A practice's page of the vaccines children are offered: a table whose first cell spans two rows,
# then a few sections of advice to the parent ("your child").
_SCHEDULE = ("<html><head><title>Childhood vaccination schedule</title></head><body><nav><a href='/'>Home</a></nav><main>"
             "<h1>Childhood vaccination schedule</h1><p>Vaccines offered free to all children registered with a practice, "
             "and when to have them.</p><h2>The schedule</h2><table><thead><tr><th>Age</th><th>Vaccine</th><th>Protects "
             "against</th></tr></thead><tbody><tr><td rowspan='2'>8 weeks</td><td>6-in-1 vaccine (first dose)</td><td>"
             "Diphtheria, hepatitis B, Hib, polio, tetanus, whooping cough</td></tr><tr><td>Rotavirus vaccine (first dose)</td>"
             "<td>Rotavirus gastroenteritis</td></tr><tr><td>1 year</td><td>MMR (first dose)</td><td>Measles, mumps and "
             "rubella</td></tr></tbody></table><h2>Side effects</h2><p>Most side effects are mild and last a day or two. Your baby "
             "may have a high temperature after the 6-in-1 vaccine; you can give infant paracetamol. A rash like measles can "
             "appear 7 to 11 days after the MMR vaccine and is not infectious.</p><h2>If your child missed a vaccine</h2>"
             "<p>It is not too late. Contact your GP "
             "surgery to book an appointment; most vaccines can be caught up at any age. Your child does not need to restart "
             "a course.</p><h2>Before the appointment</h2><p>Tell the nurse if your child has had a serious allergic reaction "
             "to a previous vaccine, or has a weakened immune system. A mild cold is not a reason to delay vaccination.</p>"
             "<p>Page last reviewed: 3 March 2026. Next review due: 3 March 2029.</p></main></body></html>")


def test_a_table_cell_spanning_rows_is_read_in_each_row_it_spans(tmp_path):
    # trafilatura keeps a cell spanning two rows in the first: the rotavirus vaccine's row had
    # lost its age ("Rotavirus vaccine (first dose) | Rotavirus gastroenteritis").
    from assistant.ingest import load_file

    page = tmp_path / "schedule.html"
    page.write_text(_SCHEDULE)
    lines = load_file(page, page.name)[0].text.split("\n")
    assert "8 weeks | Rotavirus vaccine (first dose) | Rotavirus gastroenteritis" in lines, lines
    assert "1 year | MMR (first dose) | Measles, mumps and rubella" in lines, lines


def test_the_askers_own_words_weigh_nothing_in_which_sentence_answers(encoder, tmp_path):
    # "Can my child be vaccinated with a cold?" had highlighted "Tell the nurse if your child has had
    # ...": "my", which no leaflet writes, weighed most of the question's words and "cold" little.
    from assistant.search.answer import term_weights

    searcher = searcher_of_file(encoder, tmp_path / "schedule.html", _SCHEDULE)
    question = "Can my child be vaccinated with a cold?"
    assert "my" not in term_weights(searcher.index, question, bm25_tokenize([question])[0])
    hits = searcher.search(question, k=3)
    hit = next(h for h in hits if h.section == ("Before the appointment",))
    assert hit.highlight.text == "A mild cold is not a reason to delay vaccination.", hit


def test_a_dose_after_a_number_ends_its_sentence_and_names_the_dose_asked_for(encoder, tmp_path):
    # A handbook's treatment section: "then increase to 50 mg. Warn the person ..." had been one
    # sentence ("mg." read as an abbreviation), and "What is the starting dose of sertraline?" was
    # highlighted by the table's row "Sertraline | At least 12 weeks | 55%", which names no dose.
    from assistant.chunking import split_sentences

    said = "Start at 25 mg daily for one week, then increase to 50 mg. Warn the person that anxiety may worsen."
    assert [said[s:e] for s, e in split_sentences(said)][0].endswith("50 mg.")
    assert len(split_sentences("Dr. Smith saw her. Take approx. 5 mg daily.")) == 2
    text = ("# Anxiety disorders\n\n## Treatment\n\nSertraline is the most cost-effective drug treatment. " + said +
            " If sertraline is ineffective, offer an alternative SSRI.\n\n| Treatment | Typical course | Response rate |\n"
            "| --- | --- | --- |\n| Individual CBT | 12 to 15 sessions | 50 to 60% |\n| Sertraline | At least 12 weeks | 55% |\n")
    searcher = searcher_of_files(encoder, tmp_path, {"anxiety.md": text, **OTHER_DOCUMENT})
    hit = searcher.search("What is the starting dose of sertraline?", k=1)[0]
    assert hit.highlight.text == "Start at 25 mg daily for one week, then increase to 50 mg.", hit


def test_when_an_assessment_is_done_is_answered_by_its_row_of_a_schedule_table(encoder, tmp_path):
    # A trial protocol's schedule of assessments, its columns the visits and an X under each one an
    # assessment is done at. "When is actigraphy done?" had highlighted the sleep diary's row, and
    # "When is the PHQ-9 measured?" (its hyphen no word to the question for a time) the sentence
    # naming it among the outcomes. A row lost its empty cells at the end.
    from assistant.chunking import table_cells
    from assistant.search.answer import asked_amount

    header = "Assessment | Screening | Baseline | Week 6 | Week 12 | Week 26"
    assert [(c.head, c.value) for c in table_cells(header, "GAD-7 | | X | | X")] == [("Baseline", "X"), ("Week 12", "X")]
    assert asked_amount("When is the PHQ-9 measured?") == "time"
    text = ("# SLEEPWELL trial protocol\n\n## Outcomes\n\nThe primary outcome is the Insomnia Severity Index at 12 weeks. "
            "Secondary outcomes are sleep efficiency measured by sleep diary, the PHQ-9, the GAD-7 and falls.\n\n"
            "## Schedule of assessments\n\n| " + header + " |\n| --- | --- | --- | --- | --- | --- |\n"
            "| Consent | X | | | | |\n| Sleep diary (7 days) | | X | | X | X |\n| PHQ-9 | | X | | X | X |\n"
            "| GAD-7 | | X | | X | |\n| Actigraphy | | X | | X | |\n")
    searcher = searcher_of_files(encoder, tmp_path, {"protocol.md": text, **OTHER_DOCUMENT})
    assert searcher.search("When is actigraphy done?", k=1)[0].highlight.text == "Actigraphy | | X | | X"
    assert searcher.search("When is the PHQ-9 measured?", k=1)[0].highlight.text == "PHQ-9 | | X | | X | X"

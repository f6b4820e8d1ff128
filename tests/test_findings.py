"""Questions that ask what a study found are answered only where a paper can report it (not from a
protocol's Methods): the rules alone, and a search over the real model on small papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.claims import ClaimChecker
from assistant.config import ChunkingParams
from assistant.index import MemoryIndex
from assistant.ingest import load_file
from assistant.search import Searcher, ask
from assistant.search.findings import asks_finding, can_report_finding, section_kind, states_finding
from assistant.ui.render import render_turn

# A trial's protocol: its Methods name the outcome the question asks about, its Background an
# earlier trial's finding, its Discussion what the trial will show; it has no Results.
PROTOCOL = """# The BeneMin trial of minocycline for negative symptoms: a protocol

## Background

Two earlier trials found that minocycline reduced negative symptoms in early psychosis.

## Methods

### Outcomes

The primary outcome is the PANSS negative symptom score after twelve months of treatment.
Scores will be compared between the minocycline and placebo arms.

## Discussion

BeneMin will show whether minocycline lowers negative symptom scores in routine care.

## Trial status

Recruitment began in 2013 and closed with 207 participants, as planned.
"""

# The same trial reported: the finding stands under Results.
REPORT = """# Minocycline for negative symptoms: a randomised trial

## Methods

The primary outcome was the PANSS negative symptom score after twelve months of treatment.

## Results

Minocycline did not lower PANSS negative symptom scores compared with placebo after twelve months.
"""

# Another document, so that a question can name the protocol's trial as one document's own.
OTHER = "# Sleep\n\nDeep sleep consolidates memories of the day.\n"


def _document(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text)
    return load_file(path, name)[0]


@pytest.mark.parametrize("question", [
    "Did minocycline lower PANSS negative symptom scores compared with placebo?",
    "In BeneMin, did minocycline lower PANSS scores?",  # where it asks, before the question
    "By how much did cognitive remediation improve BACS scores at 6 months?",
    "Does the density of contacts change with distance from the cell body?",
    "Were children in the intervention group less likely to be injured?",
    "How much did calcium intake differ between the groups?",
    "What was the effect of the briefing on fire escape plans?",
    "What were the main results?",
    "What did the FOCUS trial find?",
    "What did the BeneMin trial show?",  # what a study found as a whole
    "What did the review conclude?",
    "What were the results for anxiety?",
    "Was the app effective?",
    "Did the app have any effect on smoking?",
])
def test_questions_asking_what_was_found(question):
    assert asks_finding(question)


@pytest.mark.parametrize("question", [
    "What is the primary outcome of the trial?",
    "How will negative symptoms be measured?",
    "Did families receive anything for sending back completed forms?",  # what was done, not found
    "How many participants were randomised?",
    "Why do the authors think minocycline is safe?",
    "In the trial, what is the primary outcome?",
    "Were there any lessons learnt from the feasibility study?",  # "less" is no word of "lessons"
    "What does Table 1 show?",  # a protocol's table of assessments is in its Methods
    "What does Figure 2 of the trial show?",
    "Were adverse effects recorded?",  # how a study records them is its Methods' to say
])
def test_questions_asking_something_else(question):
    assert not asks_finding(question)


def test_a_section_is_read_by_its_part_of_the_paper_or_of_the_abstract():
    assert section_kind(("Methods", "Secondary outcomes and power calculations")) == "methods"
    assert section_kind(("Abstract", "Background")) == "background"
    assert section_kind(("3. Results", "3.2. Contacts")) == "results"
    assert section_kind(("PILOT CRCT DISCUSSION",)) == "discussion"
    assert section_kind(("Abstract",)) == "abstract"
    # a subsection's words do not make a part of a paper another part
    assert section_kind(("Results", "Background characteristics of the sample")) == "results"
    assert section_kind(("Discussion", "Strengths of the study design")) == "discussion"
    assert section_kind(("Trial status",)) is None and section_kind(()) is None
    # an abstract's objective, a paper's aims say what it set out to do, as its background does
    # (the hand hygiene paper's "Objective: ... to evaluate whether ..." had supported a claim of
    # what it found)
    assert section_kind(("Abstract", "Objective")) == "background"
    assert section_kind(("Rationale and aims of the BeneMin trial",)) == "background"


def test_a_protocol_reports_no_finding_of_its_own_and_a_report_does_under_results(tmp_path):
    protocol = _document(tmp_path, "protocol.md", PROTOCOL)
    report = _document(tmp_path, "report.md", REPORT)
    text = protocol.text
    # its front matter (the title here) is read as its abstract, which in a protocol reports nothing
    # nor does any other part of it: a "Trial status" (no part of a paper anyone names) had
    # answered "What did the FOCUS trial find?"
    for sentence in ("The BeneMin trial of", "Two earlier trials", "The primary outcome is", "BeneMin will show",
                     "Recruitment began"):
        assert not can_report_finding(protocol, own_study=True)(text.index(sentence)), sentence
    # the Background reports what others found: a finding, though not the protocol's own
    assert can_report_finding(protocol, own_study=False)(text.index("Two earlier trials"))
    assert not can_report_finding(protocol, own_study=False)(text.index("The primary outcome is"))
    assert not can_report_finding(report, own_study=True)(report.text.index("The primary outcome was"))
    assert can_report_finding(report, own_study=True)(report.text.index("Minocycline did not lower"))
    # without a Results heading a paper not titled a protocol keeps its Discussion (the heading may
    # have been missed in a PDF); its Methods still report nothing
    untitled = _document(tmp_path, "untitled.md", PROTOCOL.replace(": a protocol", ""))
    assert can_report_finding(untitled, own_study=True)(untitled.text.index("BeneMin will show"))
    assert not can_report_finding(untitled, own_study=True)(untitled.text.index("The primary outcome is"))
    # a web page with headings of its own is no paper: every part of it may say what was found
    page = _document(tmp_path, "page.md", "# Sleep\n\n## Background\n\nSleep lowers stress.\n\n## Tips\n\nRest.\n")
    assert can_report_finding(page, own_study=True)(page.text.index("Sleep lowers"))
    # nor is a page with a "methods" heading alone: it may list ways of doing something
    ways = _document(tmp_path, "ways.md", "# Contraception\n\n## Methods\n\nThe pill reduces acne in many women.\n"
                                          "\n## Risks\n\nClots are rare.\n")
    assert can_report_finding(ways, own_study=False)(ways.text.index("The pill reduces"))


def test_a_structured_abstract_reports_a_finding_in_its_results_part_not_its_background(tmp_path):
    # A journal sets its abstract's parts as labels in the text, not as headings: "Background: Hand-
    # washing is regarded as ..." is the abstract's background, which reports no finding of the
    # paper's own study; its "Results:" part does, and so does an abstract without labels.
    paper = _document(tmp_path, "paper.md", (
        "# A web-based intervention to promote hand hygiene: a randomised trial\n\n## Abstract\n\n"
        "Background: Hand-washing is regarded as important for preventing respiratory infection. "
        "Methods: Participants were randomised to the website or no intervention. Results: Hand-washing "
        "increased in the intervention group. Conclusions: The website changed behaviour.\n\n"
        "## Introduction\n\nRespiratory infections continue to present a major health problem.\n\n"
        "## Methods\n\nParticipants were recruited by mail.\n\n## Results\n\nHand-washing increased.\n"))
    text, reports = paper.text, can_report_finding(paper, own_study=True)
    assert not reports(text.index("Hand-washing is regarded"))
    assert not reports(text.index("Participants were randomised"))
    assert reports(text.index("Hand-washing increased in the intervention"))
    assert reports(text.index("The website changed"))
    # another study's finding may stand in the abstract's background
    assert can_report_finding(paper, own_study=False)(text.index("Hand-washing is regarded"))
    unlabelled = _document(tmp_path, "unlabelled.md", (
        "# A trial\n\n## Abstract\n\nHand-washing increased in the intervention group.\n\n"
        "## Introduction\n\nInfections matter.\n\n## Methods\n\nWe randomised people.\n"))
    assert can_report_finding(unlabelled, own_study=True)(unlabelled.text.index("Hand-washing increased"))


def _searcher(encoder, *docs):
    return Searcher(encoder=encoder, index=MemoryIndex(list(docs), encoder, ChunkingParams(max_tokens=48, overlap_tokens=8)))


def test_a_finding_of_a_named_protocol_is_not_answered_but_its_methods_answer_how(encoder, tmp_path):
    searcher = _searcher(encoder, _document(tmp_path, "protocol.md", PROTOCOL), _document(tmp_path, "sleep.md", OTHER))
    finding = "In BeneMin, did minocycline lower PANSS negative symptom scores compared with placebo?"
    hits = searcher.search(finding, k=3)
    # the passages match it well enough to pass as answers, were it not for where they stand
    assert searcher.answered(hits) and not searcher.answered(hits, finding)
    answer = ask(searcher, finding)
    assert not answer.answered and answer.not_reported
    # a likely passage of another document does not answer it either: the question names BeneMin,
    # which only the protocol mentions
    sleep = searcher.search("What does deep sleep consolidate?", k=1)
    assert sleep[0].doc_id == "sleep.md" and searcher.answered(sleep)
    assert not searcher.answered(answer.hits + sleep, finding)
    # the person is told why, in the words every client shows
    said = render_turn({"question": finding, "answered": False, "not_reported": True,
                        "hits": [h.to_dict() for h in answer.hits]})
    assert "asks what a study found" in said and "not its results" in said
    methods = ask(searcher, "What is the primary outcome of the BeneMin trial?")
    assert methods.answered and not methods.not_reported
    # not naming the trial, the question asks the finding wherever it was made: the Background's
    # earlier trials answer it
    general = ask(searcher, "Did minocycline reduce negative symptoms in earlier trials?")
    assert general.answered and general.hits[0].section == ("Background",)


def test_a_finding_asked_of_a_reported_trial_is_answered_from_its_results(encoder, tmp_path):
    searcher = _searcher(encoder, _document(tmp_path, "report.md", REPORT))
    answer = ask(searcher, "Did minocycline lower PANSS negative symptom scores compared with placebo?")
    assert answer.answered and not answer.not_reported
    assert any(h.section == ("Results",) for h in answer.hits)


def test_a_protocol_is_no_evidence_for_a_finding_claimed_of_its_trial(encoder, tmp_path):
    searcher = _searcher(encoder, _document(tmp_path, "protocol.md", PROTOCOL), _document(tmp_path, "sleep.md", OTHER))
    checker = ClaimChecker(searcher)
    verdict = checker.check("In BeneMin, minocycline lowered PANSS negative symptom scores compared with placebo.")
    assert verdict.verdict == "not_found"
    # its closest sentences are still shown, as related, not as evidence
    assert verdict.evidence and {e.label for e in verdict.evidence} == {"related"}
    assert any(e.text.startswith("The primary outcome is the PANSS") for e in verdict.evidence)
    # what the protocol does say is checked as before: its Methods state the outcome
    plan = checker.check("The primary outcome of BeneMin is the PANSS negative symptom score after twelve months.")
    assert plan.verdict == "supported" and plan.evidence[0].text.startswith("The primary outcome is the PANSS")


def test_statements_of_a_finding():
    assert states_finding("In BeneMin, minocycline lowered PANSS negative symptom scores.")
    assert states_finding("The FOCUS trial showed that cognitive remediation helps.")
    assert not states_finding("The primary outcome is the PANSS negative symptom score.")
    assert not states_finding("Neuroplasticity is present throughout our lives.")

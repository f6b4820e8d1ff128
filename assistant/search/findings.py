"""Questions that ask what a study found, and the passages of a paper that can say it.

"In BeneMin, did minocycline lower PANSS scores?" asked of the trial's protocol matches its Methods
("the primary outcome is the PANSS negative symptom score ...") word for word, yet the protocol
reports no result. A research paper says what it found under Results (and, once it has results, in
its Discussion, Conclusions and Abstract); its Methods say what was planned and measured, and its
Background what others found: an answer to "Did minocycline lower negative symptoms?", not to a
question about the paper's own study. So a question asking for a finding is answered only by a
passage that can report one (`can_report_finding`), read from the section headings the document has.

A claim that states a finding ("Minocycline lowered PANSS scores in BeneMin.", `states_finding`) is
checked likewise: a protocol's Methods are no evidence for or against it.

Public API: `SectionKind`, `AppraisalKind`, `appraises`, `asks_appraisal`, `asks_finding`,
`asks_main_findings`, `reports_result`, `states_finding`, `section_kind`, `can_report_finding`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from assistant.ingest.model import Document

__all__ = ["AppraisalKind", "SectionKind", "appraises", "asks_appraisal", "asks_finding", "asks_main_findings", "can_report_finding",
           "reports_result", "section_kind", "states_finding"]

SectionKind = Literal["results", "discussion", "abstract", "methods", "background"]

# Words that name a change or a comparison: what a study finds, as a question asks it (word stems,
# then whole words: "less" but not "lessons"; "an effect on", not "adverse effects", which a study
# records); a yes/no question may open with where or when it asks ("In BeneMin, did ...?", "At 6
# months, were ...?").
_EFFECT = (r"(?:reduc|increas|lower|rais|improv|wors|decreas|differ|chang|affect|impact|benefit|prevent|"
           r"help|associat|predict|boost|effective)\w*|(?:higher|less|more|fewer|greater|better|drop|dropped|rise|rose|fell)|"
           r"(?:an?|any|no|some|the|significant)\s+effects?\s+(?:on|of|in)|(?:lead|led|result)\s+(?:to|in)")
_FINDING = re.compile(
    rf"^\s*(?:and\s+)?(?:[^,?]{{1,60}},\s*)?(?:did|does|do|has|have|had|was|were|is|are)\b.*\b(?:{_EFFECT})\b|"
    rf"\bby\s+how\s+(?:much|many)\b|"
    rf"\bhow\s+much\s+(?:did|does|do|was|were|is|are|has|have)\b.*\b(?:{_EFFECT})\b|"
    r"\bwhat\s+(?:was|were|is|are)\s+the\s+(?:effects?|differences?|impact)\s+of\b|"
    r"\bwhat\s+(?:was|were|are|is)\s+the\s+(?:(?:main|primary|key|overall|principal)\s+)?(?:results?|findings?)\b|"
    r"\bwhat\s+(?:did|does|do)\b.*\b(?:find|conclude|demonstrate|reveal)\b", re.I)

_STATES = re.compile(rf"\b(?:{_EFFECT}|show|shows|showed|shown|found|demonstrat\w*)\b", re.I)

_PROTOCOL = re.compile(r"\bprotocols?\b", re.I)  # "study protocol for a randomised controlled trial"

# A heading's kind by its words, first match winning ("Results and discussion" reports results).
_KINDS: list[tuple[SectionKind, re.Pattern[str]]] = [
    ("results", re.compile(r"\b(?:results?|findings)\b", re.I)),
    ("discussion", re.compile(r"\b(?:discussion|conclusions?)\b", re.I)),
    ("abstract", re.compile(r"^\W*(?:abstract|summary)\W*$", re.I)),
    ("methods", re.compile(r"\b(?:methods?|methodology|materials|design|procedures?|statistical\s+analys[ie]s)\b", re.I)),
    ("background", re.compile(r"\b(?:introduction|background|objectives?|aims?|purpose|rationale)\b", re.I)),
]


# "What were the main results of the LIMIT trial?", "What did the review conclude?", "What did the
# trial show?": what a document found as a whole, not one result ("What were the results for
# anxiety?" asks one) nor what a table shows.
# Whose: "the", "its", "their", or a possessive ("the LIMIT trial's").
_OWNER = r"(?:(?:the\s+)?(?:[\w@-]+\s+){0,4}[\w@-]+['’]s?\s+|the\s+|its\s+|their\s+)?"
_MAIN_FINDINGS_ASKED = re.compile(
    rf"^\W*(?:and\s+)?(?:what\s+(?:is|was|are|were)\s+{_OWNER}(?:(?:main|key|major|principal|overall)\s+)?"
    r"(?:results?|findings?|conclusions?)(?:\s+(?:of|from)\s+[^?]+)?"
    r"|what\s+(?:did|does|do)\s+(?![^?]*\b(?:tables?|fig(?:ure)?s?|graphs?|charts?|panels?)\b)[^?]+?\s+"
    r"(?:find|show|conclude|demonstrate|reveal))\W*$", re.I)


# "What are the limitations of the U@Uni trial?", "What were its main weaknesses?", "What are the
# strengths of the FOCUS trial?", "What do the authors see as the main weakness?", "What limitations
# do the authors acknowledge?", "Did the trial have any limitations?": what its authors say of their
# own study, which its Discussion says.
_KIND = r"(?P<kind>limitations?|weakness(?:es)?|shortcomings?|drawbacks?|strengths?)"
_RANKED = r"(?:(?:main|key|major|principal|biggest|greatest|chief|most\s+important|important|notable|potential)\s+)?"
_OF = r"(?:\s+(?:of|in|with)\s+[^?]+)?\W*$"
_APPRAISAL_ASKED = tuple(re.compile(rf"^\W*(?:and\s+)?{form}", re.I) for form in (
    # not "What is weakness?", "What are limitations?": what the word means
    rf"what\s+(?:are|were|is|was)\s+(?!(?:an?\s+)?(?:limitations?|weakness(?:es)?|shortcomings?|drawbacks?|strengths?)\W*$)"
    rf"{_OWNER}{_RANKED}{_KIND}{_OF}",
    rf"what\s+(?:do|did|does)\s+[^?]+?\s+(?:see|consider|regard|view|identify|acknowledge|name|cite|describe|note|"
    rf"report|mention|list|admit)\s+(?:as\s+)?{_OWNER}{_RANKED}{_KIND}{_OF}",
    rf"(?:what|which)\s+{_RANKED}{_KIND}(?:\s+(?:of|in)\s+[^?]+?)?\s+(?:do|did|does|are|were|is|was|have|has|had)\b[^?]*\W*$",
    rf"(?:are|were|was|is)\s+there\s+(?:any\s+)?{_RANKED}{_KIND}{_OF}",
    rf"(?:did|does|do)\s+[^?]+?\s+have\s+(?:any\s+)?{_RANKED}{_KIND}{_OF}"))
# "What future research do the authors recommend?", "What further studies are needed?", "What are
# the directions for future research?": what the authors say should be studied next.
_FUTURE = (r"(?:future|further|more|additional)\s+(?:research|stud(?:y|ies)|work|trials?|investigations?|evaluations?)|"
           r"(?:future|research)\s+directions?|implications\s+for\s+(?:future\s+)?research")
_FUTURE_ASKED = re.compile(r"^\W*(?:and\s+)?(?:what|which|is|are|does|do|did|where)\b"
                           r"(?![^?]*\b(?:find|found|show|showed|shown)\b)"  # "What did further studies find?"
                           rf"[^?]*\b(?:{_FUTURE})\b[^?]*\??\s*$", re.I)
# what says that it should be done: "Further research is needed to ...", "future research should
# (i) reduce ...", "it would be useful in future research to ...", "this warrants further investigation"
_CALLED_FOR = re.compile(r"\b(?:should|could|would|might|must|needs?|needed|required?|warrants?|warranted|necessary|"
                         r"recommend\w*|suggest\w*)\b", re.I)
AppraisalKind = Literal["limitations", "strengths", "future research"]


def asks_appraisal(question: str) -> AppraisalKind | None:
    """Whether the question asks the limitations ("weaknesses", "shortcomings") or the strengths of
    a study as a whole, or the research its authors say should come next, and which."""
    m = next((m for form in _APPRAISAL_ASKED if (m := form.match(question))), None)
    if m is None:
        return "future research" if _FUTURE_ASKED.match(question) else None
    return "strengths" if m.group("kind").lower().startswith("strength") else "limitations"


def appraises(text: str, kind: AppraisalKind, stating: bool = False) -> bool:
    """Whether the text names a limitation (a weakness, shortcoming or drawback), a strength, or
    research to come; `stating`: as the subject of what it says it is ("A potential limitation of
    our trial is ...", "Another limitation is that ...", "It was a limitation of this pilot that
    ..."), not of another thing ("pedometers are not without their limitations"), or, of research
    to come, saying that it is needed or should be done ("Further research is required to ..."),
    not that it was done ("more studies have found ...")."""
    if kind == "future research":
        return re.search(rf"\b(?:{_FUTURE})\b", text, re.I) is not None and (not stating or bool(_CALLED_FOR.search(text)))
    # a strength of a study, not of a muscle ("strength and balance training"): plural, or said to be one
    word = (r"strengths|strength(?=\s+(?:of|is|was|lies))|(?:a|one|another|main|key|major|particular)\s+strength"
            if kind == "strengths" else r"limitations?|weakness(?:es)?|shortcomings?|drawbacks?")
    said = r"(?:\s+of\s+(?:[\w@-]+\s+){1,3}?)?\s*(?:is|was|are|were|include[sd]?|lies|that)\b" if stating else ""
    return re.search(rf"\b(?:{word})\b{said}", text, re.I) is not None


def asks_finding(question: str) -> bool:
    """Whether the question asks what was found: whether something changed, differed or had an
    effect ("Did X lower Y?", "Does the density change with distance?"), by how much ("By how much
    did scores improve?"), or what the effect or result was, or what a study found as a whole
    (`asks_main_findings`)."""
    return bool(_FINDING.search(question)) or asks_main_findings(question)


def asks_main_findings(question: str) -> bool:
    """Whether the question asks what a study or a document found as a whole ("What did the trial
    find?"), which its abstract's conclusions say."""
    return _MAIN_FINDINGS_ASKED.match(question) is not None


def states_finding(claim: str) -> bool:
    """Whether a statement says what was found: that something changed, differed or had an effect
    ("Minocycline lowers negative symptoms."), or what a study showed or found."""
    return bool(_STATES.search(claim))


# A sentence reporting what a study found: a result said as seen ("revealed absolutely no
# differences", "was associated with", "increased by 12%", "Completion was lower among ..."), or
# with its statistics ("P = .02", "95% CI", "58% vs 79%"), or where an effect was largest ("with the
# largest effects for supervised aerobic programmes").
_REPORTS = re.compile(r"\b(?:revealed|showed|found|indicated|demonstrated|observed|no\s+(?:significant\s+|clear\s+)?"
                      r"(?:differences?|effects?|associations?|changes?|evidence)|(?:was|were)\s+(?:(?:not|no|also)\s+)?"
                      r"(?:associated|related|linked|correlated)|(?:significantly|statistically)|(?:increased|decreased|reduced|"
                      r"improved|declined|rose|fell|dropped|differed|lowered)\b(?!\s+(?:dose|risk\s+of\s+bias))|"
                      r"P\s*[<=>]\s*\.?\d|\d+%\s*CI|\bodds\s+ratio|\bhazard\s+ratio|"
                      r"(?:was|were)\s+(?:(?:not|also|slightly|much|significantly)\s+)?(?:lower|higher|greater|smaller|larger|better|"
                      r"worse|shorter|longer|fewer)\b|\d%?\s*(?:vs\.?|versus)\s*\d|"
                      r"\b(?:largest|smallest|greatest|strongest|weakest|biggest)\s+(?:effects?|benefits?|reductions?|improvements?|"
                      r"changes?|differences?)\b)", re.I)


def reports_result(text: str) -> bool:
    """Whether a sentence reports what a study found (`_REPORTS`), rather than what it planned or
    did ("half of the participants were randomly assigned to also receive advice ...")."""
    return bool(_REPORTS.search(text))


@lru_cache(maxsize=4096)  # a paper has a few dozen headings, asked once per sentence
def section_kind(path: tuple[str, ...]) -> SectionKind | None:
    """The kind of the outermost heading of `path` (outermost first) that has one, or within an
    abstract of the heading under it: "Methods › Secondary outcomes and power calculations" is
    methods, "Results › Background characteristics" results (a paper's parts are its top-level
    sections), "Abstract › Background" background; None when no heading says ("Trial status", a
    web page's headings)."""
    kinds = [_kind(h) for h in path]
    for i, kind in enumerate(kinds):
        if kind == "abstract":
            return next((k for k in kinds[i + 1 :] if k is not None), kind)
        if kind is not None:
            return kind
    return None


def _kind(heading: str) -> SectionKind | None:
    return next((kind for kind, pattern in _KINDS if pattern.search(heading)), None)


def can_report_finding(doc: Document, own_study: bool) -> Callable[[int], bool]:
    """A test of the document's offsets: whether the text there can report a finding; `own_study`:
    the finding of the study the document reports (the question names it). In a paper (a document
    whose top-level headings include Methods and Background, Introduction or Results: a web page's
    "Treatment methods" alone makes none) not from its Methods; for its own study not from its
    Background either, nor, in a protocol (titled so, with no Results), from anywhere: its
    Discussion and Abstract discuss a plan, and its "Trial status" reports none. A paper with no
    Results heading that is not titled a protocol keeps its Discussion: its Results heading may
    have been missed. A paper's text under no heading is read as its abstract,
    and an abstract's part by its label ("Background:", "Results:"), where it has them.
    Text under a heading of no known kind, and every part of a document that is no paper, can.
    (The document's headings are read once, for all its sentences.)"""
    kinds = {section_kind(s.path) for s in doc.sections}
    top = {section_kind(s.path[:1]) for s in doc.sections}
    if "methods" not in top or not top & {"background", "results"}:
        return lambda offset: True
    barred: set[SectionKind] = {"methods"}
    if own_study:
        barred.add("background")
        if "results" not in kinds and _PROTOCOL.search(doc.title):
            # a protocol has no finding of its own study to report anywhere: not in its Discussion
            # or Abstract, which discuss a plan, nor under "Trial status" or "Abbreviations"
            return lambda offset: False
    labels = _abstract_labels(doc)
    starts = [start for start, _ in labels]

    def kind_at(offset: int) -> SectionKind | None:
        # a paper's text under no heading is its front matter: its title and an abstract set without one
        path = doc.section_at(offset)
        kind = section_kind(path) if path else "abstract"
        i = bisect.bisect_right(starts, offset) - 1  # the last label at or before the offset
        if kind == "abstract" and i >= 0 and doc.section_at(starts[i]) == path:
            return _kind(labels[i][1]) or "abstract"
        return kind

    return lambda offset: kind_at(offset) not in barred


# A structured abstract's parts are labels in its text, not headings: "Background: Hand-washing is
# regarded as ...", "Results: All year 9 students ...".
_LABEL = re.compile(r"(?:^|(?<=\n)|(?<=[.!?] ))([A-Z][A-Za-z]+(?: [A-Za-z]+){0,2}):\s")


def _abstract_labels(doc: Document) -> list[tuple[int, str]]:
    """Where each label of the document's abstract parts stands and what it says, in text order:
    in its text under no heading and under a heading of the abstract's kind."""
    first = min((s.start for s in doc.sections), default=len(doc.text))
    spans = [(0, first)] + [(s.start, s.end) for s in doc.sections if section_kind(s.path) == "abstract"]
    return [(m.start(), m.group(1)) for a, b in spans for m in _LABEL.finditer(doc.text, a, b)]

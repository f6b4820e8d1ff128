"""Turning a follow-up plus the conversation so far into a standalone query, without an LLM.

Public API: `ResolvedQuery`, `resolve_followup`, `is_followup`.

Two kinds of follow-up are handled:
- a new topic for the same question ("And for anxiety?", "What about schizophrenia?"): the phrase of
  the previous question most similar to the new topic (by the embedding model) is replaced by it;
- a question that points back ("How is it treated?", "What causes them?"): the pronoun is replaced by
  the previous question's topic, the phrase closest in meaning to the whole question.
Anything else is already standalone and searched as typed.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

import numpy as np

from assistant.text import FUNCTION_WORDS, QUESTION_FILLER, strip_control

__all__ = ["FollowupKind", "ResolvedQuery", "is_followup", "resolve_followup"]

FollowupKind = Literal["standalone", "new-topic", "reference"]
_STOP = FUNCTION_WORDS | QUESTION_FILLER
_LEADS = re.compile(r"^(and|but|so|also|or|then|ok(ay)?|now)?\s*(what|how)\s+about\s+|^(and|but|also|or|then|now)\s+"
                    r"(for|with|in|regarding|about|of|the same for|same for)?\s*|^(same|likewise)\s+(for|with)\s+"
                    r"|^(what|how)\s+of\s+", re.I)
_PRONOUNS = re.compile(r"\b(it|its|they|them|their|this|that|these|those|he|she|his|her|the latter|the former)\b", re.I)
_WORD = re.compile(r"[\w'-]+")
# What stands between two items of a list: "depression and anxiety", "stress, sleep or mood".
_COORDINATION = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
_DETERMINERS = {"this", "that", "these", "those"}
_POSSESSIVES = {"its", "their", "his", "her"}
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_AUXILIARY = re.compile(r"\b(does|do|did|can|could|will|would|should|may|might)\b", re.I)
_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.I)
# Similarity a phrase of the previous question needs to the new topic to be replaced by it.
MIN_SIMILARITY = 0.25


class ResolvedQuery(NamedTuple):
    """What a question was searched as, and why."""

    original: str
    query: str
    kind: FollowupKind
    topic: str | None = None  # the phrase a new-topic follow-up put into the query


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1]


def is_followup(question: str) -> Literal["new-topic", "reference", ""]:
    """"new-topic", "reference" or "" for a standalone question."""
    q = question.strip()
    if _LEADS.match(q):
        return "new-topic"
    words = _WORD.findall(q)
    content = _content_words(q)
    if _PRONOUNS.search(q) and len(content) <= 4:
        return "reference"
    question_word = re.match(r"^(what|how|why|who|which|when|where|is|are|does|do|can)\b", q, re.I)
    if len(words) <= 3 and content and q.endswith("?") and not question_word:
        return "new-topic"  # "Anxiety?" after a question
    return ""


def _strip_lead(q: str) -> str:
    topic = _LEADS.sub("", q.strip()).strip()
    return re.sub(r"[?.!]+$", "", topic).strip()


def _phrases(text: str) -> list[tuple[int, int]]:
    """Spans of runs of 1-3 consecutive content words."""
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out = []
    for i, (s, _, w) in enumerate(tokens):
        if w.lower() in _STOP:
            continue
        for j in range(i, min(i + 3, len(tokens))):
            if tokens[j][2].lower() in _STOP:
                break
            out.append((s, tokens[j][1]))
    return out


def resolve_followup(question: str, history: list[str], encoder) -> ResolvedQuery:
    """The standalone query for `question` given earlier questions (oldest first)."""
    previous, slot = None, None
    for past in history:
        past = strip_control(past or "")
        if past:
            resolved = _resolve_one(past, previous, slot, encoder)
            previous, slot = resolved.query, resolved.topic
    return _resolve_one(strip_control(question or ""), previous, slot, encoder)


def _resolve_one(question: str, previous: str | None, slot: str | None, encoder) -> ResolvedQuery:
    q = question.strip()
    kind = is_followup(q) if previous else ""
    if not kind or not previous:
        return ResolvedQuery(question, q, "standalone")
    if kind == "new-topic":
        return _new_topic(question, q, previous, slot, encoder)
    pronoun = _PRONOUNS.search(q)
    plural = bool(pronoun) and pronoun.group().lower() in ("they", "them", "their", "these", "those")
    topic = slot if slot and slot in previous else _main_phrase(previous, plural, encoder)
    return ResolvedQuery(question, _tidy(_replace_pronoun(q, topic)), kind)


def _new_topic(question: str, q: str, previous: str, slot: str | None, encoder) -> ResolvedQuery:
    topic = _strip_lead(q)
    # The phrase an earlier follow-up put in is the slot the next one replaces
    # ("depression" -> "anxiety" -> "schizophrenia").
    if topic and slot and slot in previous:
        i = previous.rfind(slot)
        return ResolvedQuery(question, _tidy(_put(previous, i, i + len(slot), topic)), "new-topic", topic)
    spans = _phrases(previous)
    if topic and spans:
        vecs = encoder.encode([topic] + [previous[s:e] for s, e in spans])
        sims = vecs[1:] @ vecs[0]
        # Prefer the longest phrase among near-equals ("major depression" over "depression") and,
        # as questions put their topic last, later phrases.
        bonus = np.array([0.02 * previous[s:e].count(" ") + 0.05 * e / len(previous) for s, e in spans])
        best = int(np.argmax(sims + bonus))
        if sims[best] > MIN_SIMILARITY:
            # The whole list the phrase stands in goes: "depression and anxiety" -> "schizophrenia".
            s, e = _widen(previous, spans, spans[best], [sims[k] > MIN_SIMILARITY for k in range(len(spans))])
            if _ARTICLE.match(topic):  # "the models reviewed" replaces a whole noun phrase, modifiers too
                s, e = _whole_run(previous, s, e)
            return ResolvedQuery(question, _tidy(_put(previous, s, e, topic)), "new-topic", topic)
    return ResolvedQuery(question, _tidy(f"{previous} {topic}".strip()), "new-topic")


def _widen(text: str, spans: list[tuple[int, int]], chosen: tuple[int, int], eligible: list[bool]) -> tuple[int, int]:
    """`chosen` widened over the items of a list it stands in, among the eligible phrases; never
    over "between X and Y", where the two are a relation, not a list."""
    s, e = chosen
    while True:
        right = [b for (a, b), ok in zip(spans, eligible) if ok and a > e and _COORDINATION.fullmatch(text[e:a])]
        left = [a for (a, b), ok in zip(spans, eligible) if ok and b < s and _COORDINATION.fullmatch(text[b:s])]
        if left and re.search(r"\bbetween\s+$", text[: min(left)], re.I):
            left = []
        if not right and not left:
            return s, e
        e = max(right, default=e)
        s = min(left, default=s)


def _looks_plural(phrase: str) -> bool:
    last = phrase.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "is", "us"))


def _whole_run(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) widened over the content words just before it, its modifiers ("conventional CBT
    models"); not after it, where an English question puts its verb ("... models focus on?")."""
    tokens = [m for m in _WORD.finditer(text) if m.group().lower() not in _STOP]
    for m in reversed(tokens):
        if m.end() <= s and not text[m.end() : s].strip():
            s = m.start()
    return s, e


def _main_phrase(previous: str, plural: bool, encoder) -> str:
    """What a pronoun in a follow-up points to: the phrase of the previous question closest in
    meaning to the whole question (its topic), agreeing in number with the pronoun ("it" or
    "they"), with the list it stands in."""
    spans = _phrases(previous)
    # "What does the review mention?": the word after the subject is the verb, not the topic.
    last = list(_WORD.finditer(previous))[-1]
    if _AUXILIARY.search(previous[: last.start()]):
        spans = [(s, e) for s, e in spans if e != last.end()] or spans
    if not spans:
        return previous
    vecs = encoder.encode([previous] + [previous[s:e] for s, e in spans])
    # as in a new topic: longer phrases among near-equals, and later ones (questions end on their topic)
    sims = vecs[1:] @ vecs[0] + np.array([0.02 * previous[s:e].count(" ") + 0.05 * e / len(previous)
                                          - 0.1 * (_looks_plural(previous[s:e]) != plural) for s, e in spans])
    best = int(np.argmax(sims))
    s, e = _widen(previous, spans, spans[best], [True] * len(spans))
    return previous[s:e]


def _replace_pronoun(q: str, topic: str) -> str:
    """The first pronoun of `q` replaced by `topic` ("its" -> "topic's"; "this condition" -> topic)."""
    m = _PRONOUNS.search(q)
    if not m:
        return f"{q} {topic}"
    word, end = m.group().lower(), m.end()
    if word in _POSSESSIVES:
        return q[: m.start()] + f"{topic}'s" + q[end:]
    if word in _DETERMINERS:
        nxt = re.match(r"\s+([\w'-]+)", q[end:])
        if nxt and nxt.group(1).lower() not in _STOP:
            end += nxt.end()  # "this condition": the determiner and its noun stand for the topic
    return q[: m.start()] + topic + q[end:]


def _put(text: str, s: int, e: int, topic: str) -> str:
    """`text` with [s, e) replaced by `topic`; the topic's article goes where the text has one."""
    if re.search(r"\b(the|a|an)\s+$", text[:s], re.I):
        topic = _ARTICLE.sub("", topic)
    return text[:s] + topic + text[e:]


def _tidy(query: str) -> str:
    """No word twice in a row ("the the"), single spaces."""
    return re.sub(r"\s+", " ", _DOUBLED.sub(r"\1", query)).strip()

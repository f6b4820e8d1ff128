"""Sentences with exact character spans, and token-budgeted overlapping windows of them.

Public API: `Passage`, `CountTokens`, `split_sentences`, `make_passages`, `embedding_title`, `embedding_text`.
Knows nothing about files or models: token counts come from a `count_tokens` callable.
For every passage, `document.text[p.start:p.end] == p.text`; `p.embedded` is what the model and BM25
see (the title, then the text), derived here once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.config import ChunkingParams
from assistant.ingest import Document

__all__ = ["SECTION_SEPARATOR", "CountTokens", "Passage", "embedding_text", "embedding_title", "make_passages", "split_sentences"]

CountTokens = Callable[[Sequence[str]], list[int]]

_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "al", "vs", "fig", "figs", "eq", "eqs", "dr", "mr", "mrs", "ms", "prof",
    "no", "vol", "approx", "ca", "cf", "resp", "st", "jr", "sr", "inc", "ltd", "co", "dept", "univ",
    "min", "max", "mg", "ml", "kg", "hr", "hrs", "ref", "refs", "sec", "ch", "pp", "p", "ed", "eds",
}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]’”]*\s+(?=[\"'(\[‘“]?[A-Z0-9•])")


@dataclass(frozen=True)
class Passage:
    doc_id: str
    start: int
    end: int
    text: str
    pages: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # document-level spans of the sentences inside
    embedded: str = ""  # the title (cut to its token budget), the section path, then the text
    section: tuple[str, ...] = ()  # the headings the passage starts under


def _abbreviation_before(line: str, dot: int) -> bool:
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", line[:dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in _ABBREVIATIONS or len(word) == 1  # initials such as "J. Smith"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences; a line break always ends one (headings, bullets, paragraphs)."""
    spans: list[tuple[int, int]] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, base = line_match.group(), line_match.start()
        cut = 0
        for b in _BOUNDARY.finditer(line):
            if line[b.start()] == "." and _abbreviation_before(line, b.start()):
                continue
            if re.fullmatch(r"\s*(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})", line[cut : b.start()]):
                continue  # a list marker such as "1." or "a." starts its item, it is not a sentence
            end = b.start() + len(b.group().rstrip())
            spans.append((base + cut, base + end))
            cut = b.end()
        spans.append((base + cut, base + len(line)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        s2 = s + (len(seg) - len(seg.lstrip()))
        e2 = e - (len(seg) - len(seg.rstrip()))
        if e2 > s2:
            out.append((s2, e2))
    return out


def _split_long(text: str, span: tuple[int, int], tokens: int, budget: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than the budget at spaces into near-equal pieces."""
    s, e = span
    pieces = math.ceil(tokens / budget)
    out, cur = [], s
    for i in range(1, pieces):
        target = s + (e - s) * i // pieces
        space = text.rfind(" ", cur + 1, target + 1)
        if space <= cur:
            space = target
        out.append((cur, space))
        cur = space
        while cur < e and text[cur] == " ":
            cur += 1
    out.append((cur, e))
    return [(a, b) for a, b in out if b > a]


def cut_title(title: str, count_tokens: CountTokens, limit: int) -> str:
    n = count_tokens([title])[0]
    if n <= limit:
        return title
    return title[: max(1, len(title) * limit // n)].rsplit(" ", 1)[0]


def embedding_title(title: str, count_tokens: CountTokens, params: ChunkingParams) -> str:
    """The title as passages carry it: cut to `params.title_tokens`."""
    return cut_title(title, count_tokens, params.title_tokens) if title else ""


def make_passages(doc: Document, count_tokens: CountTokens, params: ChunkingParams) -> list[Passage]:
    """Overlapping windows of whole sentences that fit the model window together with the title."""
    title = embedding_title(doc.title, count_tokens, params)
    title_cost = count_tokens([title])[0] + 1 if title else 0
    budget = max(16, params.max_tokens - 2 - title_cost)
    spans = split_sentences(doc.text)
    if not spans:
        return []
    counts = count_tokens([doc.text[s:e] for s, e in spans])
    sents: list[tuple[int, int]] = []
    toks: list[int] = []
    for span, n in zip(spans, counts):
        if n > budget:
            parts = _split_long(doc.text, span, n, budget)
            sents.extend(parts)
            toks.extend(count_tokens([doc.text[a:b] for a, b in parts]))
        else:
            sents.append(span)
            toks.append(n)
    passages: list[Passage] = []
    i = 0
    while i < len(sents):
        j, used = i, toks[i]
        while j + 1 < len(sents) and used + toks[j + 1] <= budget:
            j += 1
            used += toks[j]
        start, end = sents[i][0], sents[j][1]
        text = doc.text[start:end]
        section = doc.section_at(start)
        passages.append(Passage(doc.doc_id, start, end, text, doc.page_range(start, end), tuple(sents[i : j + 1]),
                                embedding_text(title, text, section), section))
        if j + 1 >= len(sents):
            break
        k, carried = j + 1, 0
        while k - 1 > i and carried + toks[k - 1] <= params.overlap_tokens:
            k -= 1
            carried += toks[k]
        i = k
    return passages


SECTION_SEPARATOR = " › "


def embedding_text(title: str, passage_text: str, section: tuple[str, ...] = ()) -> str:
    """What the model (and BM25) sees for a passage: the title, the headings it sits under, then the passage."""
    head = [title] if title and not passage_text.startswith(title) else []
    path = SECTION_SEPARATOR.join(section)
    if path and not passage_text.startswith(section[-1]):
        head.append(path)
    return "\n".join([*head, passage_text])

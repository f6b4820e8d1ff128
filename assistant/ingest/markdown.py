"""Markdown files: the text without markup, its headings, and the first level-1 heading as title.

Public API: `markdown_text`, `read_markdown`.
"""

from __future__ import annotations

import re

from assistant.ingest.headings import TextRead
from assistant.ingest.plain import decode_bytes

__all__ = ["markdown_text", "read_markdown"]

# Only spaces and tabs before and after the marker: "\s" would take the blank line above with it.
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)

_MD_SYNTAX = [
    (re.compile(r"^```.*$", re.M), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), ""),
    (re.compile(r"<[^>\n]+>"), ""),
]


# A backslash before ASCII punctuation makes it a literal character (CommonMark): "\<stdio.h>" is
# text, not a tag, and "Z\_OK" has no emphasis.  Escaped characters are parked in the private-use
# area while the markup is stripped, then put back.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = re.compile("[\ue000-\ue07f]")


def _strip(text: str) -> str:
    text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), text)
    for pat, rep in _MD_SYNTAX:
        text = pat.sub(rep, text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)


# A fenced code block: its lines are code, so a "# comment" in it is no heading.
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,}).*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)


def _headings(md: str) -> list[re.Match]:
    fences = [m.span() for m in _FENCE.finditer(md)]
    return [m for m in _HEADING.finditer(md) if not any(s <= m.start() < e for s, e in fences)]


def markdown_text(md: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text without markup, and its headings (level, text without markup) in order."""
    headings = tuple((len(m.group(1)), _strip(m.group(2)).strip()) for m in _headings(md))
    return _strip(md), headings


def read_markdown(data: bytes) -> TextRead:
    raw, note = decode_bytes(data)
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)  # front matter
    # A heading stands alone even where the paragraph under it follows on the next line, so that
    # a long heading is never joined to it as a wrapped line.
    for m in reversed(_headings(raw)):
        raw = raw[:m.end()] + "\n" + raw[m.end():]
    text, headings = markdown_text(raw)
    title = next((h for level, h in headings if level == 1), "")
    return TextRead(text, title, note, headings)

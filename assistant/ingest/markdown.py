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


def _strip(text: str) -> str:
    for pat, rep in _MD_SYNTAX:
        text = pat.sub(rep, text)
    return text


def markdown_text(md: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text without markup, and its headings (level, text without markup) in order."""
    headings = tuple((len(m.group(1)), _strip(m.group(2)).strip()) for m in _HEADING.finditer(md))
    return _strip(md), headings


def read_markdown(data: bytes) -> TextRead:
    raw, note = decode_bytes(data)
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)  # front matter
    # A heading stands alone even where the paragraph under it follows on the next line, so that
    # a long heading is never joined to it as a wrapped line.
    raw = _HEADING.sub(lambda m: m.group(0) + "\n", raw)
    text, headings = markdown_text(raw)
    title = next((h for level, h in headings if level == 1), "")
    return TextRead(text, title, note, headings)

"""Markdown files: the text without markup, and the first level-1 heading as title.

Public API: `read_markdown`.
"""

from __future__ import annotations

import re

from assistant.ingest.plain import decode_bytes

__all__ = ["read_markdown"]

_MD_SYNTAX = [
    (re.compile(r"^```.*$", re.M), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), ""),
    (re.compile(r"<[^>\n]+>"), ""),
]


def read_markdown(data: bytes) -> tuple[str, str, str]:
    raw, note = decode_bytes(data)
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)  # front matter
    m = re.search(r"^\s{0,3}#\s+(.+)$", raw, re.M)
    title = m.group(1).strip() if m else ""
    for pat, rep in _MD_SYNTAX:
        raw = pat.sub(rep, raw)
    return raw, title, note

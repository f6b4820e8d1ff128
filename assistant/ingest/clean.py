"""Cleaning extracted text: Unicode and whitespace normalised, web-page debris dropped, titles guessed.

Public API: `clean_text`, `guess_title`, `meaningful_title`, `BULLET`.
"""

from __future__ import annotations

import re

from assistant.text import collapse_spaces, normalize_unicode

__all__ = ["BULLET", "clean_text", "guess_title", "meaningful_title"]

# Whole lines that are page furniture, never content (compared case-insensitively, trimmed).
_DEBRIS_LINES = {
    "top of page", "bottom of page", "back to top", "skip to content", "skip to main content",
    "leave a reply", "leave a comment", "post a comment", "add comment", "thank you for the feedback",
    "was this helpful?", "print friendly, pdf & email", "print", "share", "share this", "share this:",
    "email", "tweet", "pin it", "like this:", "like", "loading...", "related", "related posts",
    "read more", "subscribe", "menu", "search", "cancel reply", "comments", "0 comments",
    "recent posts", "see all", "share on facebook", "share on twitter", "print this page",
}
# A marker that the rest of the page is comments or footer, when it appears in the last part.
_TAIL_MARKERS = {"leave a reply", "leave a comment", "post a comment", "comments", "0 comments",
                 "bottom of page", "thank you for the feedback", "cancel reply"}
_DEBRIS_PATTERNS = [
    re.compile(r"^\d+\s+min(ute)?s?\s+read$", re.I),
    re.compile(r"^(©|\(c\)|copyright)\s*\d{4}.*$", re.I),
    re.compile(r"^.{0,60}\.(jpe?g?|png|gif|webp|svg)$", re.I),  # image file names left as captions
    re.compile(r"^(screen ?shot|img_|dsc_)\S*.*$", re.I),
    re.compile(r"^\d+\s+(comments?|replies|likes?|views?)$", re.I),
]
_BREADCRUMB = re.compile(r"^[^.!?>»›]{1,60}(\s[>»›]\s[^.!?>»›]{1,60}){1,6}$")
BULLET = re.compile(r"^\s*[•·▪◦●‣∙*\-–]\s+")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


def _is_debris(line: str) -> bool:
    low = line.strip().lower()
    if low in _DEBRIS_LINES:
        return True
    if any(p.match(low) for p in _DEBRIS_PATTERNS):
        return True
    return bool(_BREADCRUMB.match(line.strip()))


def clean_text(raw: str) -> str:
    """Normalise Unicode and whitespace and drop web-page debris, keeping every content line."""
    text = normalize_unicode(raw)
    lines = [collapse_spaces(ln).strip() for ln in text.split("\n")]
    # Comments and footers: cut at a tail marker found in the last third of the page.
    nonblank = [i for i, ln in enumerate(lines) if ln]
    if nonblank:
        cutoff = nonblank[int(len(nonblank) * 2 / 3)] if len(nonblank) >= 3 else nonblank[-1]
        for i in range(len(lines)):
            if i >= cutoff and lines[i].lower() in _TAIL_MARKERS:
                lines = lines[:i]
                break
    kept: list[str] = []
    for ln in lines:
        if ln and _is_debris(BULLET.sub("", ln)):
            continue
        kept.append(BULLET.sub("• ", ln) if BULLET.match(ln) else ln)
    kept = _drop_truncated_repeats(kept)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def _drop_truncated_repeats(lines: list[str]) -> list[str]:
    """Drop a line that is a cut-off copy of an earlier heading (a page's repeated title)."""
    seen: list[str] = []
    out: list[str] = []
    for ln in lines:
        low = ln.lower()
        if len(low) > 30 and not _SENTENCE_END.search(low) and any(
            s != low and s.startswith(low[: max(30, len(low) - 2)]) for s in seen
        ):
            continue
        if ln:
            seen.append(low)
        out.append(ln)
    return out


def guess_title(text: str, fallback: str) -> str:
    """The title is the longest heading-like line before the first paragraph of prose."""
    candidates: list[str] = []
    for ln in text.split("\n")[:15]:
        ln = ln.strip()
        if not ln:
            continue
        words = len(ln.split())
        if ln.startswith("• ") or words > 30 or (words > 12 and ln.endswith(".")):
            break
        if ln.startswith("#"):
            return ln.lstrip("#").strip() or fallback
        candidates.append(ln)
        if len(candidates) >= 4:
            break
    if not candidates:
        return fallback
    return max(candidates, key=len)[:300]



def meaningful_title(title: str) -> bool:
    t = title.strip()
    return len(t) >= 4 and not re.match(r"^(untitled|microsoft word|document\d*|\S+\.(docx?|pdf|tex))", t, re.I)

"""File helpers shared by ingestion, the index, evaluation and the CLI: JSONL lines and file hashes.

Public API: `iter_jsonl`, `iter_batch`, `file_sha256`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

__all__ = ["file_sha256", "iter_batch", "iter_jsonl"]


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, record or None, error) for each non-blank line of a JSONL file."""
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield number, *_json_object(number, line)


def iter_batch(path: Path, field: str) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, record or None, error) for each non-blank line of a batch file: a JSON object,
    or, for a line that does not open with "{", the line itself as the record's `field` (a file of
    questions or claims typed one a line)."""
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            text = line.removeprefix(b"\xef\xbb\xbf" if number == 1 else b"").strip()
            if not text:
                continue
            if text.startswith(b"{"):
                yield number, *_json_object(number, text)
                continue
            try:
                yield number, {field: text.decode("utf-8")}, ""
            except UnicodeDecodeError as exc:
                yield number, None, f"line {number}: not UTF-8 ({exc})"


def _json_object(number: int, line: bytes) -> tuple[dict | None, str]:
    """Line `number` read as a JSON object, or None and what is wrong with it."""
    try:
        rec = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"line {number}: not valid JSON ({exc})"
    return (rec, "") if isinstance(rec, dict) else (None, f"line {number}: expected a JSON object")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

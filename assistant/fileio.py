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
            if not line.strip():
                continue
            try:
                rec = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield number, None, f"line {number}: not valid JSON ({exc})"
                continue
            if not isinstance(rec, dict):
                yield number, None, f"line {number}: expected a JSON object"
                continue
            yield number, rec, ""


def iter_batch(path: Path, field: str) -> Iterator[tuple[int, dict | None, str]]:
    """(line number, record or None, error) for each non-blank line of a batch file: a JSON object,
    or, for a line that does not open with "{", the line itself as the record's `field` (a file of
    questions or claims typed one a line)."""
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError as exc:
                yield number, None, f"line {number}: not UTF-8 ({exc})"
                continue
            if not text:
                continue
            if not text.startswith("{"):
                yield number, {field: text}, ""
                continue
            try:
                rec = json.loads(text)
            except json.JSONDecodeError as exc:
                yield number, None, f"line {number}: not valid JSON ({exc})"
                continue
            yield (number, rec, "") if isinstance(rec, dict) else (number, None, f"line {number}: expected a JSON object")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

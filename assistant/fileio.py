"""File helpers shared by ingestion, the index, evaluation and the CLI: JSONL lines and file hashes.

Public API: `iter_jsonl`, `file_sha256`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

__all__ = ["file_sha256", "iter_jsonl"]


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


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

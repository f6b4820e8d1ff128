"""documents.jsonl: one document per line (id, title, source, hash, text, pages, sections, file path,
authors, year, DOI), read on demand.

Public API: `DocumentTable`, `write_documents`.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import orjson

from assistant.index.errors import StoreError
from assistant.ingest import Document, PageSpan, SectionSpan

__all__ = ["DocumentTable", "write_documents"]

_FILE = "documents.jsonl"
_OFFSETS = "documents_offsets.npy"


def write_documents(documents: list[Document], directory: Path) -> None:
    """The documents and the byte offset of each line, so one is read without the others."""
    offsets = np.zeros(len(documents) + 1, dtype=np.int64)
    with (directory / _FILE).open("wb") as fh:
        for i, d in enumerate(documents):
            fh.write(orjson.dumps({"doc_id": d.doc_id, "title": d.title, "source": d.source, "sha256": d.sha256,
                                   "text": d.text, "pages": [[p.start, p.end, p.page, p.label] for p in d.pages],
                                   "sections": [[s.start, s.end, list(s.path)] for s in d.sections],
                                   "path": d.path, "authors": list(d.authors), "year": d.year, "doi": d.doi}) + b"\n")
            offsets[i + 1] = fh.tell()
    np.save(directory / _OFFSETS, offsets, allow_pickle=False)


class DocumentTable:
    """The documents of one generation, read from documents.jsonl one line at a time (cached)."""

    def __init__(self, directory: Path) -> None:
        path = directory / _FILE
        self._offsets = np.load(directory / _OFFSETS, mmap_mode="r", allow_pickle=False)
        if len(self._offsets) == 0 or int(self._offsets[-1]) != path.stat().st_size:
            raise StoreError(f"index file {_FILE} disagrees with its offsets in {directory}")
        self._fh = path.open("rb")
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, Document] = OrderedDict()

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> Document:
        i = int(i)
        if not 0 <= i < len(self):
            raise IndexError(i)
        with self._lock:
            doc = self._cache.get(i)
            if doc is not None:
                self._cache.move_to_end(i)
                return doc
            a, b = int(self._offsets[i]), int(self._offsets[i + 1])
            self._fh.seek(a)
            raw = self._fh.read(b - a)
        try:
            r = json.loads(raw.decode("utf-8"))
            doc = Document(r["doc_id"], r["title"], r["text"], r["source"], r["sha256"],
                           tuple(PageSpan(*p) for p in r["pages"]),
                           tuple(SectionSpan(a, b, tuple(path)) for a, b, path in r["sections"]),
                           # Indexes written before these fields existed read as unknown.
                           r.get("path", ""), tuple(r.get("authors", ())), r.get("year", ""), r.get("doi", ""))
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise StoreError(f"index file {_FILE} damaged at document {i} ({exc})") from exc
        with self._lock:
            self._cache[i] = doc
            if len(self._cache) > 512:
                self._cache.popitem(last=False)
        return doc

    def __iter__(self) -> Iterator[Document]:
        for i in range(len(self)):
            yield self[i]

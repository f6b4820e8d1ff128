"""BEIR corpus.jsonl files: one document per line (`_id`, `title`, `text`).

Public API: `load_beir_corpus`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from assistant.fileio import iter_jsonl
from assistant.ingest.model import Document, IngestEntry, IngestError, content_sha256
from assistant.text import collapse_spaces, has_surrogate, normalize_unicode

__all__ = ["load_beir_corpus"]


def load_beir_corpus(path: Path) -> Iterator[tuple[Document | None, IngestEntry]]:
    """A BEIR corpus.jsonl: one document per line (`_id`, `title`, `text`)."""
    for number, rec, error in iter_jsonl(path):
        source = f"{path}:{number}"
        if rec is None:
            yield None, IngestEntry(source, "skipped", error)
            continue
        doc_id = str(rec.get("_id", rec.get("doc_id", ""))).strip()
        text = rec.get("text", "")
        if isinstance(text, list):  # SciFact's own corpus keeps abstracts as sentence lists
            text = " ".join(str(t) for t in text)
        if not doc_id:
            yield None, IngestEntry(source, "skipped", f"line {number}: no '_id'")
            continue
        if has_surrogate(doc_id):  # an id is matched exactly (qrels), so it is not repaired
            yield None, IngestEntry(source, "skipped", f"line {number}: '_id' is not valid Unicode (a lone surrogate)")
            continue
        if not isinstance(text, str):
            yield None, IngestEntry(source, "skipped", f"line {number}: 'text' is not a string")
            continue
        title = str(rec.get("title") or "")
        try:
            doc = _beir_document(doc_id, title, text, f"{path.name}:{number}")
        except IngestError as exc:
            yield None, IngestEntry(source, "skipped", str(exc), doc_id=doc_id)
            continue
        yield doc, IngestEntry(source, "ok", doc_id=doc_id, chars=len(doc.text))


def _beir_document(doc_id: str, title: str, text: str, source: str) -> Document:
    # Benchmark records are already clean; only Unicode and whitespace are normalised, so a
    # sentence such as "Comments" inside an abstract is never mistaken for page debris.
    body = collapse_spaces(normalize_unicode(text)).strip()
    title = " ".join(normalize_unicode(title).split())
    if not body and not title:
        raise IngestError("empty record")
    full = f"{title}\n\n{body}" if title and body else (body or title)
    return Document(doc_id, title or doc_id, full, source,
                    content_sha256(f"{doc_id}\x00{title}\x00{text}".encode("utf-8", "replace")))

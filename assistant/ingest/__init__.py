"""Ingestion: files in, clean `Document`s and an ingest report out.

One module per reader (`plain`, `html`, `markdown`, `pdf`, `beir`), `clean` for the text they all
share, `loader` to walk folders and dispatch by type.
"""

from __future__ import annotations

from assistant.ingest.clean import clean_text
from assistant.ingest.loader import document_from_text, load_file, load_paths
from assistant.ingest.model import Document, IngestEntry, IngestError, IngestStatus, LoadResult, PageSpan, SectionSpan

__all__ = ["Document", "IngestEntry", "IngestError", "IngestStatus", "LoadResult", "PageSpan", "SectionSpan", "clean_text",
           "document_from_text", "load_file", "load_paths"]

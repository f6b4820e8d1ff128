"""Ingestion: files in, clean `Document`s and an ingest report out.

One module per reader (`plain`, `html`, `markdown`, `pdf`, `beir`), `clean` for the text they all
share, `loader` to walk folders and dispatch by type, `reference` for authors, year and DOI;
`pdf_page` renders a PDF page with the boxes of cited text for the source viewer.
"""

from __future__ import annotations

from assistant.ingest.clean import AFFILIATION, BULLET, clean_text, is_date, is_field
from assistant.ingest.loader import document_from_text, load_file, load_paths
from assistant.ingest.model import (
    Document,
    IngestEntry,
    IngestError,
    IngestStatus,
    LoadResult,
    PageSpan,
    SectionSpan,
    content_sha256,
)
from assistant.ingest.pdf_page import PageView, page_view

__all__ = ["AFFILIATION", "BULLET",
           "Document", "IngestEntry", "IngestError", "IngestStatus", "LoadResult", "PageSpan", "PageView", "SectionSpan",
           "clean_text", "content_sha256", "is_date", "is_field", "document_from_text", "load_file", "load_paths", "page_view"]

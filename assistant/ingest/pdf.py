"""PDF files: page texts through pypdf, visual line breaks joined back into paragraphs, page spans kept.

Public API: `read_pdf`, `unwrap_pdf_lines`, `pdf_document`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from assistant.ingest.clean import BULLET, clean_text, guess_title, meaningful_title
from assistant.ingest.model import Document, IngestError, PageSpan
from assistant.text import normalize_unicode

__all__ = ["pdf_document", "read_pdf", "unwrap_pdf_lines"]

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(path: Path) -> tuple[list[str], str]:
    """Page texts and the metadata title."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:
                raise IngestError(f"encrypted PDF ({exc})") from exc
            if not ok:
                raise IngestError("encrypted PDF (a password is required)")
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text() or "")
            except Exception:  # one damaged page loses that page, not the document
                pages.append("")
        title = ""
        try:
            meta = reader.metadata
            title = str(meta.title or "") if meta else ""
        except Exception:
            title = ""
    except IngestError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise IngestError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:
        raise IngestError(f"unreadable PDF ({type(exc).__name__}: {exc})") from exc
    return pages, title


def unwrap_pdf_lines(page_text: str) -> str:
    """Join the visual line breaks of a PDF page back into paragraphs.

    A break is kept after a line that ends a sentence and before one that starts a new one, or
    after a short line (a heading, the end of a paragraph); a word hyphenated across lines is joined.
    """
    lines = [ln.strip() for ln in page_text.replace("\r", "\n").split("\n")]
    # A bare page number at the top or bottom is page furniture.
    while lines and (not lines[-1] or re.fullmatch(r"\d{1,4}", lines[-1])):
        lines.pop()
    while lines and (not lines[0] or re.fullmatch(r"\d{1,4}", lines[0])):
        lines.pop(0)
    if not lines:
        return ""
    lengths = sorted(len(ln) for ln in lines if ln)
    typical = lengths[len(lengths) * 3 // 4] if lengths else 0
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        if not line or not prev:
            out += "\n" + line
        elif len(prev) < 0.7 * typical or BULLET.match(line):
            out += "\n" + line
        elif re.search(r"[.!?:]['\")\]]*$", prev) and re.match(r"[\"'(\[]?[A-Z0-9]", line):
            out += "\n" + line
        elif prev.endswith("-") and line[:1].islower() and len(prev) > 1 and prev[-2].isalpha():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def pdf_document(path: Path, doc_id: str, sha: str, source: str) -> Document:
    """The document of a PDF file whose bytes hash to `sha`: cleaned page texts joined by blank
    lines, with the span of each page; `source` is what clients are shown as its origin."""
    pages, meta_title = read_pdf(path)
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for number, page_text in enumerate(pages, start=1):
        cleaned = clean_text(unwrap_pdf_lines(normalize_unicode(page_text)))
        if not cleaned:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append(PageSpan(pos, pos + len(cleaned), number))
        parts.append(cleaned)
        pos += len(cleaned)
    text = "".join(parts)
    if not text.strip():
        raise IngestError(f"no text layer ({len(pages)} page(s) of images or blank; needs OCR)")
    title = meta_title if meaningful_title(meta_title) else guess_title(text, path.stem)
    return Document(doc_id, re.sub(r"\s+", " ", normalize_unicode(title)).strip(), text, source, sha, tuple(spans))

"""Reading txt, Markdown, HTML, PDF and BEIR JSONL into clean `Document`s, with a per-file report.

Public API: `Document`, `PageSpan`, `IngestEntry`, `load_paths`, `load_file`, `clean_text`,
`document_from_text`.  One bad file never stops a batch: it becomes a `skipped` entry with a reason.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from assistant.config import SUPPORTED_SUFFIXES

# Bumped when cleaning changes, so the content hash (and the index) notices.
LOADER_VERSION = 1

logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(frozen=True)
class PageSpan:
    """Characters [start, end) of the document text came from PDF page `page` (1-based)."""

    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    source: str
    sha256: str
    pages: tuple[PageSpan, ...] = ()

    def page_range(self, start: int, end: int) -> tuple[int, ...]:
        """Pages that characters [start, end) fall on; empty for documents without pages."""
        return tuple(p.page for p in self.pages if p.start < end and start < p.end)


@dataclass
class IngestEntry:
    """One line of the ingest report."""

    source: str
    status: str  # "ok" or "skipped"
    reason: str = ""
    doc_id: str = ""
    chars: int = 0
    passages: int = 0
    note: str = ""

    def line(self) -> str:
        if self.status == "ok":
            extra = f"; {self.note}" if self.note else ""
            return f"ok       {self.source}: {self.passages} passages, {self.chars} characters{extra}"
        return f"skipped  {self.source}: {self.reason}"


class IngestError(Exception):
    """A file that cannot become a document; the message is the reason shown to the user."""


# ---------------------------------------------------------------------------------------------
# Cleaning

_CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\u00b4": "'",  # an acute accent typed for an apostrophe ("client´s")
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\r": "\n", "\t": " ", "\f": "\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n",
}
# A regex over the mapped characters: str.translate looks up every character in a dict, several
# times slower on long, mostly clean text (loading 5,000 abstracts spent 0.27 s there).
_MAPPED = re.compile("[" + "".join(_CHAR_MAP) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

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
_BULLET = re.compile(r"^\s*[•·▪◦●‣∙*\-–]\s+")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")
_SPACES = re.compile(r" {2,}")


# A lone surrogate (from a JSON "\ud800" escape) cannot be written as UTF-8: shown as U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_unicode(text: str) -> str:
    text = _MAPPED.sub(lambda m: _CHAR_MAP[m.group()], text)
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub("", text)


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
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
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
        if ln and _is_debris(_BULLET.sub("", ln)):
            continue
        kept.append(_BULLET.sub("• ", ln) if _BULLET.match(ln) else ln)
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


# ---------------------------------------------------------------------------------------------
# Readers


def _sha(data: bytes) -> str:
    h = hashlib.sha256(data)
    h.update(f"loader-v{LOADER_VERSION}".encode())
    return h.hexdigest()


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and a note on the encoding used; refuses binary data."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError("not a text file (binary content)")
    for enc in ("utf-8-sig", "utf-16"):
        if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(enc), ""
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "not UTF-8, decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8, decoded as Latin-1"


class _HTMLText(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
             "button", "svg", "iframe", "select"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "section", "article", "blockquote", "pre", "dd", "dt", "figcaption", "main", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
        if tag in ("title", "h1"):
            self._in = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(data)


def _read_html(data: bytes) -> tuple[str, str, str]:
    raw, note = decode_bytes(data)
    parser = _HTMLText()
    try:
        parser.feed(raw)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise IngestError(f"unreadable HTML ({exc})") from exc
    text = "".join(parser.parts)
    title = (parser.h1 or parser.title).strip()
    return text, re.sub(r"\s+", " ", html.unescape(title)), note


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


def _read_markdown(data: bytes) -> tuple[str, str, str]:
    raw, note = decode_bytes(data)
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)  # front matter
    m = re.search(r"^\s{0,3}#\s+(.+)$", raw, re.M)
    title = m.group(1).strip() if m else ""
    for pat, rep in _MD_SYNTAX:
        raw = pat.sub(rep, raw)
    return raw, title, note


def _read_pdf(path: Path) -> tuple[list[str], str]:
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
        elif len(prev) < 0.7 * typical or _BULLET.match(line):
            out += "\n" + line
        elif re.search(r"[.!?:]['\")\]]*$", prev) and re.match(r"[\"'(\[]?[A-Z0-9]", line):
            out += "\n" + line
        elif prev.endswith("-") and line[:1].islower() and len(prev) > 1 and prev[-2].isalpha():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def _meaningful_title(title: str) -> bool:
    t = title.strip()
    return len(t) >= 4 and not re.match(r"^(untitled|microsoft word|document\d*|\S+\.(docx?|pdf|tex))", t, re.I)


def document_from_text(doc_id: str, text: str, title: str = "", source: str = "",
                       sha256: str | None = None) -> Document:
    """A document from text already in memory (cleaned here)."""
    cleaned = clean_text(text)
    if not cleaned:
        raise IngestError("empty after cleaning (no text content)")
    title = normalize_unicode(title).strip() or guess_title(cleaned, doc_id)
    return Document(doc_id=doc_id, title=re.sub(r"\s+", " ", title), text=cleaned,
                    source=source or doc_id, sha256=sha256 or _sha(text.encode("utf-8", "replace")))


def load_file(path: Path, doc_id: str) -> tuple[Document, str]:
    """One file to one document and a note; raises IngestError with the reason it cannot."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES or suffix == ".jsonl":
        raise IngestError(f"unsupported type '{suffix or '(none)'}'")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"unreadable ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError("empty file")
    sha = _sha(data)
    if suffix == ".pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise IngestError("not a PDF (no %PDF header)")
        pages, meta_title = _read_pdf(path)
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
        title = meta_title if _meaningful_title(meta_title) else guess_title(text, path.stem)
        doc = Document(doc_id, re.sub(r"\s+", " ", normalize_unicode(title)).strip(), text,
                       str(path), sha, tuple(spans))
        return doc, ""
    if suffix in (".html", ".htm"):
        raw, title, note = _read_html(data)
    elif suffix in (".md", ".markdown"):
        raw, title, note = _read_markdown(data)
    else:
        raw, note = decode_bytes(data)
        title = ""
    return document_from_text(doc_id, raw, title, str(path), sha), note


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
        if _SURROGATE.search(doc_id):  # an id is matched exactly (qrels), so it is not repaired
            yield None, IngestEntry(source, "skipped", f"line {number}: '_id' is not valid Unicode (a lone surrogate)")
            continue
        if not isinstance(text, str):
            yield None, IngestEntry(source, "skipped", f"line {number}: 'text' is not a string")
            continue
        title = str(rec.get("title") or "")
        try:
            doc = _beir_document(doc_id, title, text, source)
        except IngestError as exc:
            yield None, IngestEntry(source, "skipped", str(exc), doc_id=doc_id)
            continue
        yield doc, IngestEntry(source, "ok", doc_id=doc_id, chars=len(doc.text))


def _beir_document(doc_id: str, title: str, text: str, source: str) -> Document:
    # Benchmark records are already clean; only Unicode and whitespace are normalised, so a
    # sentence such as "Comments" inside an abstract is never mistaken for page debris.
    body = normalize_unicode(text)
    if "  " in body:
        body = _SPACES.sub(" ", body)
    body = body.strip()
    title = " ".join(normalize_unicode(title).split())
    if not body and not title:
        raise IngestError("empty record")
    full = f"{title}\n\n{body}" if title and body else (body or title)
    return Document(doc_id, title or doc_id, full, source,
                    _sha(f"{doc_id}\x00{title}\x00{text}".encode("utf-8", "replace")))


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                yield p
    else:
        yield path


@dataclass
class LoadResult:
    documents: list[Document] = field(default_factory=list)
    report: list[IngestEntry] = field(default_factory=list)


def load_paths(paths: list[Path]) -> LoadResult:
    """Every file under `paths` (folders recursively); one report entry per file or JSONL line."""
    result = LoadResult()
    seen: set[str] = set()
    for root in paths:
        if not root.exists():
            result.report.append(IngestEntry(str(root), "skipped", "no such file or folder"))
            continue
        for file in _walk(root):
            base = root if root.is_dir() else root.parent
            if file.suffix.lower() == ".jsonl":
                for doc, entry in load_beir_corpus(file):
                    if doc is not None and doc.doc_id in seen:
                        entry.status, entry.reason = "skipped", f"duplicate id '{doc.doc_id}'"
                        doc = None
                    if doc is not None:
                        seen.add(doc.doc_id)
                        result.documents.append(doc)
                    result.report.append(entry)
                continue
            doc_id = file.relative_to(base).as_posix()
            if doc_id in seen:
                doc_id = file.as_posix()
            try:
                doc, note = load_file(file, doc_id)
            except IngestError as exc:
                result.report.append(IngestEntry(str(file), "skipped", str(exc)))
                continue
            except Exception as exc:  # a reader bug must not stop the batch either
                result.report.append(IngestEntry(str(file), "skipped", f"unreadable ({type(exc).__name__}: {exc})"))
                continue
            seen.add(doc.doc_id)
            result.documents.append(doc)
            result.report.append(IngestEntry(str(file), "ok", doc_id=doc.doc_id, chars=len(doc.text), note=note))
    return result

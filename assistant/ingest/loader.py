"""Files and folders to documents: each file to its reader by type, one report entry per input.

Public API: `load_paths`, `load_file`, `document_from_text`, `SUPPORTED_SUFFIXES`.
One bad file never stops a batch: it becomes a `skipped` entry with a reason.
"""

from __future__ import annotations

import multiprocessing
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from assistant.config import SUPPORTED_SUFFIXES
from assistant.ingest.beir import load_beir_corpus
from assistant.ingest.captions import caption_transcript
from assistant.ingest.clean import clean_text, guess_title, page_starts, typed_with_line_breaks, underlined_lines, underlined_title
from assistant.ingest.headings import TextRead, plain_headings, section_spans
from assistant.ingest.html import read_html
from assistant.ingest.markdown import read_markdown
from assistant.ingest.model import Document, IngestEntry, IngestError, LoadResult, PageSpan, content_sha256
from assistant.ingest.pdf import pdf_document
from assistant.ingest.plain import decode_bytes
from assistant.ingest.reference import find_doi
from assistant.ingest.restructured import restructured_markdown
from assistant.text import normalize_unicode

__all__ = ["SUPPORTED_SUFFIXES", "document_from_text", "load_file", "load_paths"]


def document_from_text(doc_id: str, text: str, title: str = "", source: str = "",
                       sha256: str | None = None, capture: bool = True) -> Document:
    """A document from text already in memory (cleaned here; `capture` as `clean_text` takes it)."""
    cleaned = clean_text(text, capture)
    if not cleaned:
        raise IngestError("empty after cleaning (no text content)")
    title = normalize_unicode(title).strip() or normalize_unicode(underlined_title(text)) \
        or guess_title(cleaned, doc_id, first=capture and typed_with_line_breaks(text))
    # Text paged by form feeds (an RFC, a PDF's text saved by pdftotext) is cited by its pages.
    starts = page_starts(text, cleaned) if capture else []
    ends = [start for _, start, _ in starts[1:]] + [len(cleaned)]
    pages = tuple(PageSpan(start, end, n, label) for (n, start, label), end in zip(starts, ends))
    return Document(doc_id=doc_id, title=re.sub(r"\s+", " ", title), text=cleaned, source=source or doc_id,
                    sha256=sha256 or content_sha256(text.encode("utf-8", "replace")), pages=pages if len(pages) > 1 else ())


def load_file(path: Path, doc_id: str, source: str | None = None) -> tuple[Document, str]:
    """One file to one document and a note; raises IngestError with the reason it cannot.

    `source` is where the document says it came from, shown to every client: a path within the
    collection (default: `doc_id`), never the server's own file system path."""
    source = source or doc_id
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES or suffix == ".jsonl":
        readable = ", ".join(s for s in SUPPORTED_SUFFIXES if s != ".jsonl")
        raise IngestError(f"unsupported type '{suffix or '(none)'}' (reads {readable}; save it as one of these)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"unreadable ({exc.strerror or exc})") from exc
    if not data.strip():
        raise IngestError("empty file")
    sha = content_sha256(data)
    if suffix == ".pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise IngestError("not a PDF (no %PDF header)")
        return pdf_document(path, doc_id, sha, source)
    if suffix in (".html", ".htm"):
        read = read_html(data)
    elif suffix in (".md", ".markdown", ".rmd", ".qmd"):
        read = read_markdown(data, computed=suffix in (".rmd", ".qmd"))
    else:
        read = _read_text(decode_bytes(data), suffix)
    # Markdown and HTML say what is a heading; only plain text may be a page saved as text.
    doc = document_from_text(doc_id, read.text, read.title or (path.name if read.untitled else ""), source, sha,
                             capture=read.headings is None)
    headings = read.headings if read.headings is not None else plain_headings(doc.text, read.underlined)
    # A DOI printed near the top ("doi:10.1186/...") when no tag gives one.
    return replace(doc, path=str(path.resolve()), sections=section_spans(doc.text, headings, doc.title),
                   authors=read.authors, year=read.year, doi=read.doi or find_doi(doc.text[:4000])), read.note


def _read_text(decoded: tuple[str, str], suffix: str) -> TextRead:
    text, note = decoded
    # Captions (.vtt, .srt, or a .txt file that opens as one) are read as the transcript they hold:
    # what was said, without cue numbers and timings, and with no headings.
    transcript = caption_transcript(text, always=suffix in (".vtt", ".srt"))
    if transcript is not None:
        return TextRead(transcript, note=note, headings=())
    if suffix in (".vtt", ".srt"):
        raise IngestError(f"no captions could be read (not a {'WebVTT' if suffix == '.vtt' else 'SubRip'} file)")
    # a .rst file is reStructuredText; a .txt file is when it holds explicit markup
    restructured = restructured_markdown(text, always=suffix == ".rst")
    if restructured is None:
        return TextRead(text, note=note, underlined=underlined_lines(text))
    return replace(read_markdown(restructured[0].encode("utf-8")), title=restructured[1], note=note)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
                yield p
    else:
        yield path



def load_paths(paths: list[Path], workers: int = 1, progress: bool = False) -> LoadResult:
    """Every file under `paths` (folders recursively); one report entry per file or JSONL line, in
    the order the files are found.  With `workers` > 1, PDFs (whose layout analysis is most of the
    cost of reading) are read that many at a time in forked processes: a caller that forks safely
    (`assistant index`, before the model starts its threads) passes the number of cores.
    `progress`: a progress bar of the files read, on stderr."""
    result = LoadResult()
    seen: set[str] = set()
    jobs: list[tuple[Path, str, str]] = []  # (file, doc_id, source), read below
    slots: list[int | tuple[Document | None, IngestEntry]] = []  # a job's index, or a JSONL line's outcome
    for root in paths:
        if not root.exists():
            slots.append((None, IngestEntry(str(root), "skipped", "no such file or folder")))
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
                    slots.append((doc, entry))
                continue
            rel = file.relative_to(base).as_posix()
            # Sources and ids are paths within the collection: the folder's name, then the path in it.
            source = f"{root.name}/{rel}" if root.is_dir() else rel
            doc_id = rel if rel not in seen else source
            n = 1
            while doc_id in seen:  # the same relative path under two folders of one name
                n += 1
                doc_id = f"{root.name}-{n}/{rel}"
            seen.add(doc_id)
            slots.append(len(jobs))
            jobs.append((file, doc_id, source))
    read = _read_all(jobs, workers, progress)
    for slot in slots:
        doc, entry = read[slot] if isinstance(slot, int) else slot
        if doc is not None:
            result.documents.append(doc)
        result.report.append(entry)
    return result


def _read_one(job: tuple[Path, str, str]) -> tuple[Document | None, IngestEntry]:
    file, doc_id, source = job
    try:
        doc, note = load_file(file, doc_id, source)
    except IngestError as exc:
        return None, IngestEntry(str(file), "skipped", str(exc))
    except Exception as exc:  # a reader bug must not stop the batch either
        return None, IngestEntry(str(file), "skipped", f"unreadable ({type(exc).__name__}: {exc})")
    return doc, IngestEntry(str(file), "ok", doc_id=doc.doc_id, chars=len(doc.text), note=note)


def _read_all(jobs: list[tuple[Path, str, str]], workers: int, progress: bool
              ) -> list[tuple[Document | None, IngestEntry]]:
    """Each job's outcome, in order; the PDFs in a process pool when there are two or more."""
    from tqdm.auto import tqdm

    bar = tqdm(total=len(jobs), desc="reading", unit="file", disable=not progress)
    pdfs = [i for i, (file, _, _) in enumerate(jobs) if file.suffix.lower() == ".pdf"]
    workers = min(len(pdfs), workers)
    out: dict[int, tuple[Document | None, IngestEntry]] = {}
    # Forked, not spawned: a spawned worker imports the caller's main module again, and a script
    # without a `__main__` guard would run once more in every worker.  Only on Linux: Windows has no
    # fork, and on macOS a forked child of a process that used the system's frameworks may crash.
    if workers > 1 and sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
        try:
            # Largest files first, so that one long PDF does not start last and run alone.
            pdfs.sort(key=lambda i: -_size(jobs[i][0]))
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                for i, outcome in zip(pdfs, pool.map(_read_one, [jobs[i] for i in pdfs])):
                    out[i] = outcome
                    bar.update()
        except (OSError, BrokenProcessPool):  # no processes to be had here: read them in this one
            bar.reset()
            out = {}
    outcomes = []
    for i, job in enumerate(jobs):
        if i not in out:
            out[i] = _read_one(job)
            bar.update()
        outcomes.append(out[i])
    bar.close()
    return outcomes


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

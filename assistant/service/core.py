"""What every front end calls: the browser page, the HTTP API and the MCP tools.

Public API: `Service`, `ServiceError`, `MAX_CONTEXT`, `MAX_K`, `MAX_HISTORY`, `UPLOAD_TYPES`, `MAX_UPLOAD_BYTES`, `safe_filename`.

One `Service` per process holds the searcher (one model, one index), the claim checker and the
upload lock.  Its methods take plain values, check them, and answer plain JSON-ready dictionaries;
bad input is a `ServiceError` that says why and carries the HTTP status it maps to.
"""

from __future__ import annotations

import re
import shutil
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from assistant.embedding import get_encoder
from assistant.embedding.batching import QueryBatcher
from assistant.index import StoreError, build_index, open_index
from assistant.ingest import Document, IngestError, content_sha256, load_file, page_view
from assistant.search import QuestionError, Searcher, ask
from assistant.service.citations import CitationFormat, cite_hits

__all__ = ["MAX_CONTEXT", "MAX_HISTORY", "MAX_K", "MAX_UPLOAD_BYTES", "UPLOAD_TYPES", "Service", "ServiceError", "safe_filename"]

MAX_K = 100  # as `assistant search --k`
MAX_HISTORY = 50  # earlier questions a follow-up may draw on
MAX_CONTEXT = 2000  # characters of context either side of a passage
UPLOAD_TYPES = (".txt", ".md", ".markdown", ".rmd", ".qmd", ".rst", ".vtt", ".srt", ".html", ".htm", ".pdf")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ServiceError(ValueError):
    """Input the service refuses; `status` is the HTTP status it answers with (400, 404, 413, 422)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def safe_filename(name: str) -> str:
    """A plain file name: no folders, no dot-files, only ordinary characters."""
    base = unicodedata.normalize("NFKC", Path(str(name).replace("\\", "/")).name)
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return (base or "upload")[:120]


def _whole_number(value: object, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or not low <= value <= high:
        raise ServiceError(f"{name} must be a whole number from {low} to {high} (got {value!r})")
    return int(value)


def _history(history: object) -> list[str]:
    if history is None:
        return []
    if not isinstance(history, (list, tuple)) or not all(isinstance(h, str) for h in history):
        raise ServiceError("history must be a list of the earlier questions (strings), oldest first")
    return list(history)[-MAX_HISTORY:]


class Service:
    """The collection in `index_dir` as a service; cheap to construct, the model loads on first use."""

    def __init__(self, index_dir: Path, upload_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.upload_dir = Path(upload_dir)
        index = open_index(self.index_dir)
        # Questions from concurrent requests share one forward pass, in the index's arithmetic.
        self.encoder = QueryBatcher(get_encoder(index.arithmetic))
        self.searcher = Searcher(self.index_dir, encoder=self.encoder, index=index)
        self._upload_lock = threading.Lock()
        self._checker = None
        self._checker_lock = threading.Lock()
        self._checked: dict[tuple[str, int, int], str] = {}  # (path, mtime, size) -> content hash

    def warm_up(self) -> None:
        """Load the model and open the BM25 and FAISS indexes, so the first question is fast."""
        self.encoder.warm_up()
        self.searcher.index.warm_up()
        try:
            self.searcher.search("warm up", k=1)
        except (QuestionError, StoreError):
            pass  # an empty or damaged index is reported when a question is asked

    # -- search -----------------------------------------------------------------------------------

    def search(self, question: str, history: Sequence[str] | None = None, k: int = 5,
               documents: Sequence[str] | None = None) -> dict:
        """`{question, searched_for, conversation_documents, answered, not_mentioned, not_reported, hits}` as
        `assistant search --json` prints it: `searched_for` is the question as searched (a follow-up
        rewritten from `history`), `conversation_documents` the previous answer's documents a
        follow-up, or a question going on with its subject, was also searched in (their hits come
        first; empty for a question that stands alone),
        `answered` whether some hit is likely enough to hold the answer, `not_mentioned` the names
        the question uses that no searched document mentions but in a list of abbreviations (then it is not answered),
        `not_reported` whether it asks what a study found and the passages that match it report no
        finding of their own (then it is not answered), `hits` the passages best first."""
        k = _whole_number(k, "k", 1, MAX_K)
        history = _history(history)
        if documents is not None and (not isinstance(documents, (list, tuple))
                                      or not all(isinstance(d, str) for d in documents)):
            raise ServiceError("documents must be a list of document ids or file names")
        try:
            doc_ids = self.searcher.resolve_doc_ids(list(documents or [])) if documents else None
        except QuestionError as exc:
            raise ServiceError(str(exc), status=404) from exc
        try:
            answer = ask(self.searcher, question, history, k=k, doc_ids=doc_ids)
        except QuestionError as exc:
            raise ServiceError(str(exc)) from exc
        return {"question": question, "searched_for": answer.resolved.query,
                "conversation_documents": list(answer.context), "answered": answer.answered,
                "not_mentioned": list(answer.not_mentioned), "not_reported": answer.not_reported,
                "hits": [h.to_dict() for h in answer.hits]}

    # -- documents and passages -------------------------------------------------------------------

    def documents(self) -> list[dict]:
        """Every document in the collection, in index order: `{doc_id, title}`."""
        return [{"doc_id": d, "title": t} for d, t in self.searcher.documents]

    def _document(self, document: object) -> tuple[int, Document]:
        if not isinstance(document, str) or not document:
            raise ServiceError("document must be a document id or file name")
        index = self.searcher.index
        try:
            (doc_id,) = self.searcher.resolve_doc_ids([document])[:1]
        except QuestionError as exc:
            raise ServiceError(str(exc), status=404) from exc
        row = index.doc_row(doc_id)
        return row, index.document(row)

    def passage(self, document: str, start: int, end: int, context: int = 300) -> dict:
        """Characters [start, end) of a document with `context` characters either side, and where
        they stand (pages, printed page label, section)."""
        _, doc = self._document(document)
        return self._span(doc, start, end, _whole_number(context, "context", 0, MAX_CONTEXT))

    @staticmethod
    def _span(doc: Document, start: int, end: int, context: int) -> dict:
        n = len(doc.text)
        start = _whole_number(start, "start", 0, n)
        end = _whole_number(end, "end", start, n)
        pages = doc.page_range(start, end) if end > start else doc.page_range(start, start + 1)
        labels = [doc.page_label(p) for p in pages]
        return {"doc_id": doc.doc_id, "title": doc.title, "start": start, "end": end, "text": doc.text[start:end],
                "before": doc.text[max(0, start - context):start], "after": doc.text[end:end + context],
                "pages": list(pages), "page_labels": labels, "section": " › ".join(doc.section_at(start)),
                "document_characters": n}

    def source_view(self, document: str, start: int, end: int, mark_start: int | None = None,
                    mark_end: int | None = None, page: int | None = None, context: int = 1500,
                    text_context: int = 200_000) -> dict:
        """What the source viewer shows for a span of a document and the sentence marked in it:
        `passage`'s answer (with `context` characters either side for a PDF, whose page is shown,
        and `text_context` for other documents: all of an article), plus `previous`/`next` (the
        spans of the passages before and after, or None), `file` (the original's file name, or None
        when it is not at hand), `mark` and, for a PDF, `page_view`: page `page` (default: the
        marked sentence's first page) rendered, with the boxes of the span and of the sentence on
        it (`pdf_page.PageView`)."""
        row, doc = self._document(document)
        original = self._original(doc)
        pdf = original is not None and original.suffix.lower() == ".pdf" and bool(doc.pages)
        view = self._span(doc, start, end, context if pdf else text_context)
        start, end = view["start"], view["end"]
        a = _whole_number(start if mark_start is None else mark_start, "mark start", 0, len(doc.text))
        b = _whole_number(a if mark_end is None else mark_end, "mark end", a, len(doc.text))
        view["mark"] = [a, b]
        view["previous"], view["next"] = self._neighbours(row, start)
        view["file"] = Path(doc.source).name if original else None
        view["page_view"] = None
        if pdf:
            pages = doc.page_range(a, max(b, a + 1)) or doc.page_range(start, max(end, start + 1)) or (1,)
            shown = _whole_number(pages[0] if page is None else page, "page", 1, 100_000)
            on_page = [p for p in doc.pages if p.page == shown]

            def clip(x: int, y: int) -> str:
                return " ".join(doc.text[max(x, p.start):min(y, p.end)] for p in on_page if x < p.end and p.start < y)

            try:
                view["page_view"] = page_view(original, shown, [clip(start, end), clip(a, b)])
            except ValueError as exc:
                raise ServiceError(str(exc), status=404) from exc
            except Exception as exc:  # a file PDFium cannot open: the text view still stands
                view["page_error"] = f"the page could not be rendered ({type(exc).__name__})"
        return view

    def _neighbours(self, doc_row: int, start: int) -> tuple[list[int] | None, list[int] | None]:
        """The spans of the document's passages that start just before and just after `start`."""
        index = self.searcher.index
        spans = sorted({(p.start, p.end) for p in map(index.passage, index.passage_rows([doc_row]))})
        before = [s for s in spans if s[0] < start]
        after = [s for s in spans if s[0] > start]
        return (list(before[-1]) if before else None), (list(after[0]) if after else None)

    def _original(self, doc: Document) -> Path | None:
        """The file the document was read from, if it is still there with the same content."""
        if not doc.path:
            return None
        path = Path(doc.path)
        try:
            st = path.stat()
        except OSError:
            return None
        key = (doc.path, st.st_mtime_ns, st.st_size)
        if key not in self._checked:
            try:
                self._checked[key] = content_sha256(path.read_bytes())
            except OSError:
                return None
        return path if self._checked[key] == doc.sha256 else None

    def original_file(self, document: str) -> tuple[Path, str]:
        """The original file of a document, read-only, and the name to give it; 404 when the
        collection has no file for it (a BEIR line) or the file has moved or changed."""
        _, doc = self._document(document)
        path = self._original(doc)
        if path is None:
            raise ServiceError(f"the original file of '{doc.doc_id}' is not at hand (moved, changed, or never "
                               "a file of its own)", status=404)
        return path, Path(doc.source).name

    def citations(self, hits: Sequence[dict], fmt: CitationFormat = "plain", base_url: str = "") -> str:
        """The citations of hits (as `search` answers them) in one of `citations.FORMATS`, with the
        authors, year and DOI their documents state; linked to the viewer when `base_url` is given."""
        try:
            return cite_hits(self.searcher.index, list(hits), fmt, base_url)
        except ValueError as exc:
            raise ServiceError(str(exc)) from exc

    # -- claims -----------------------------------------------------------------------------------

    def check(self, claim: str) -> dict:
        """`{verdict, confidence, evidence, not_mentioned}` as `assistant check --json` prints it."""
        from assistant.claims import ClaimChecker, ClaimError

        with self._checker_lock:
            if self._checker is None:
                self._checker = ClaimChecker(self.searcher)
        try:
            return self._checker.check(claim).to_dict()
        except (ClaimError, QuestionError) as exc:
            raise ServiceError(str(exc)) from exc

    # -- uploads ----------------------------------------------------------------------------------

    def upload(self, paths: Sequence[Path | str], names: Sequence[str] | None = None) -> dict:
        """Copy, ingest and index files (`names` are the names the user gave them, when the paths are
        temporary).  `{indexed: [{doc_id, passages, characters}], skipped: [{file, reason}],
        documents, passages}`; one bad file never stops the others."""
        skipped: list[dict] = []
        docs = []
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        for i, p in enumerate(paths or []):
            src = Path(p)
            name = safe_filename(names[i] if names else src.name)
            reason = self._refuse(src, name)
            if reason:
                skipped.append({"file": name, "reason": reason})
                continue
            dest = self.upload_dir / name
            shutil.copyfile(src, dest)
            try:
                doc, _ = load_file(dest, f"{self.upload_dir.name}/{name}")
            except IngestError as exc:
                dest.unlink(missing_ok=True)
                skipped.append({"file": name, "reason": str(exc)})
                continue
            docs.append(doc)
        out = {"indexed": [], "skipped": skipped, "documents": self.searcher.index.n_documents,
               "passages": len(self.searcher.index)}
        if not docs:
            return out
        with self._upload_lock:
            try:
                report = build_index(self.index_dir, docs, self.encoder, keep_existing=True)
            except StoreError as exc:
                raise ServiceError(f"the index could not be updated: {exc}", status=500) from exc
            self.searcher.reload()
        out["indexed"] = [{"doc_id": d.doc_id, "passages": report.passages_per_doc.get(d.doc_id, 0),
                           "characters": len(d.text)} for d in docs]
        out["documents"], out["passages"] = report.documents, report.passages
        return out

    def _refuse(self, src: Path, name: str) -> str:
        """Why an upload is not accepted, or empty."""
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            return "type not accepted (txt, md, Rmd, qmd, rst, vtt, srt, html, pdf only)"
        size = src.stat().st_size if src.exists() else 0
        if size > MAX_UPLOAD_BYTES:
            return f"{size / 1e6:.1f} MB is over the {MAX_UPLOAD_BYTES // 2**20} MB limit"
        if (self.upload_dir / name).resolve().parent != self.upload_dir.resolve():
            return "invalid file name"
        return ""

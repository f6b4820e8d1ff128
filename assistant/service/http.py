"""The HTTP API for scripts: JSON objects in and out, under `/api/`, documented at `/api/docs`.

Public API: `api_router(service)`.

    POST /api/search     {question, history, k, documents}  -> {question, searched_for, answered, hits}
    POST /api/check      {claim}                           -> {verdict, confidence, evidence, not_mentioned}
    GET  /api/documents                                    -> {documents: [{doc_id, title}]}
    GET  /api/passage?document=&start=&end=&context=       -> the characters with context and where they stand
    GET  /api/file?document=                               -> the original file, read-only, shown inline
    POST /api/cite       {hits, format}                    -> {citations}: plain, markdown, bibtex or ris
    POST /api/upload     multipart `files`                 -> {indexed, skipped, documents, passages}

Bad input is a 4xx whose `detail` says why: 422 for a malformed or out-of-range field, 404 for an
unknown document, 413 for an upload over the size limit.  Answers are serialised with orjson
straight from the service's dictionaries; the schemas document them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import orjson
from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from starlette.responses import FileResponse, Response

from assistant.service.core import MAX_CONTEXT, MAX_UPLOAD_BYTES, Service, ServiceError
from assistant.service.schemas import (
    CheckRequest,
    CheckResponse,
    CiteRequest,
    CiteResponse,
    DocumentsResponse,
    PassageResponse,
    SearchRequest,
    SearchResponse,
    UploadResponse,
)

__all__ = ["api_router"]

_MEDIA = {".pdf": "application/pdf", ".html": "text/html", ".htm": "text/html"}


def _json(data: object) -> Response:
    return Response(orjson.dumps(data), media_type="application/json")


async def _call(fn, *args) -> Response:
    """Run a blocking service call off the event loop; a ServiceError becomes its 4xx."""
    try:
        return _json(await run_in_threadpool(fn, *args))
    except ServiceError as exc:
        raise HTTPException(status_code=exc.status, detail=str(exc)) from exc


def api_router(service: Service) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["assistant"])

    @router.post("/search", response_model=SearchResponse, summary="Cited passages that answer a question")
    async def search(req: SearchRequest) -> Response:
        """The same answer as `assistant search --json`: hits best first, each with its highlighted
        sentence, its calibrated probability of holding the answer, and where it stands."""
        return await _call(service.search, req.question, req.history, req.k, req.documents)

    @router.post("/check", response_model=CheckResponse, summary="Check a claim against the collection")
    async def check(req: CheckRequest) -> Response:
        return await _call(service.check, req.claim)

    @router.get("/documents", response_model=DocumentsResponse, summary="The documents in the collection")
    async def documents() -> Response:
        return _json({"documents": service.documents()})

    @router.get("/passage", response_model=PassageResponse, summary="Characters of a document with context")
    async def passage(document: Annotated[str, Query(description="A document id or file name.")],
                      start: Annotated[int, Query(ge=0)], end: Annotated[int, Query(ge=0)],
                      context: Annotated[int, Query(ge=0, le=MAX_CONTEXT)] = 300) -> Response:
        return await _call(service.passage, document, start, end, context)

    @router.post("/cite", response_model=CiteResponse, summary="Hits as citations: plain, Markdown, BibTeX or RIS")
    async def cite(req: CiteRequest, request: Request) -> Response:
        """Each hit cited with the authors, year and DOI its document states, linked to the page's
        viewer at the passage (on the server that answers)."""
        hits = [h.model_dump() for h in req.hits]
        return await _call(lambda: {"citations": service.citations(hits, req.format, str(request.base_url))})

    @router.get("/file", summary="The original file of a document (PDF, HTML, text), read-only",
                response_class=FileResponse, responses={404: {"description": "no file at hand for it"}})
    async def original_file(document: Annotated[str, Query(description="A document id or file name.")]) -> Response:
        try:
            path, name = await run_in_threadpool(service.original_file, document)
        except ServiceError as exc:
            raise HTTPException(status_code=exc.status, detail=str(exc)) from exc
        # Shown in the browser, never run there: the sandbox keeps an HTML original's scripts off.
        media = _MEDIA.get(path.suffix.lower(), "text/plain")
        return FileResponse(path, media_type=media, filename=name, content_disposition_type="inline",
                            headers={"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"})

    @router.post("/upload", response_model=UploadResponse,
                 summary="Add documents (txt, md, Rmd, qmd, rst, vtt, srt, html, pdf) and index them")
    async def upload(files: Annotated[list[UploadFile], File(description="One or more files.")]) -> Response:
        with tempfile.TemporaryDirectory(prefix="assistant-upload-") as tmp:
            paths, names = [], []
            for i, f in enumerate(files):
                if f.size is not None and f.size > MAX_UPLOAD_BYTES:
                    raise HTTPException(413, f"{f.filename}: {f.size / 1e6:.1f} MB is over the "
                                             f"{MAX_UPLOAD_BYTES // 2**20} MB limit (nothing was added)")
                path = Path(tmp) / f"{i}"
                path.write_bytes(await f.read())
                paths.append(path)
                names.append(f.filename or f"upload-{i}")
            return await _call(service.upload, paths, names)

    return router

"""MCP tools over the service, for agents and MCP clients (the official `mcp` SDK's FastMCP).

Public API: `mcp_server(service, host)`.

Served over streamable HTTP at `/mcp` beside the page and the HTTP API, stateless and with JSON
answers: each call stands alone, so a client may reconnect or call from several processes.
Why the SDK rather than Gradio's built-in MCP server: the tools, their descriptions and their
result schemas are written here, not derived from the page's event handlers, and they call the
same `Service` as the HTTP API.
"""

from __future__ import annotations

from typing import Annotated

import anyio
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import Field

from assistant.service.citations import CitationFormat
from assistant.service.core import MAX_CONTEXT, MAX_K, Service, ServiceError
from assistant.service.schemas import (
    CheckResponse,
    CiteResponse,
    DocumentsResponse,
    HitOut,
    PassageResponse,
    SearchResponse,
)

__all__ = ["mcp_server"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")

INSTRUCTIONS = (
    "Search a collection of documents and get back cited passages, with the sentence that answers "
    "highlighted; check a claim against it; read any passage with its context. Every word returned "
    "comes from the documents: quote them, cite title and page, and say so when `answered` is false.")


async def _run(fn, *args):
    try:
        return await anyio.to_thread.run_sync(fn, *args)
    except ServiceError as exc:
        raise ToolError(str(exc)) from exc


def mcp_server(service: Service, host: str = "127.0.0.1") -> FastMCP:
    """The tools, served at `/mcp` of the app they are mounted in.  On a loopback host, requests
    whose Host or Origin header names another host are refused (DNS-rebinding protection)."""
    security = None if host in LOOPBACK else TransportSecuritySettings(enable_dns_rebinding_protection=False)
    mcp = FastMCP("retrieval-assistant", instructions=INSTRUCTIONS, host=host if host in LOOPBACK else "0.0.0.0",
                  stateless_http=True, json_response=True, streamable_http_path="/mcp", log_level="WARNING", transport_security=security)

    @mcp.tool()
    async def search(question: Annotated[str, Field(description="The question, as a person would type it.")],
                     history: Annotated[list[str] | None, Field(description="Earlier questions of the conversation, "
                                                                            "oldest first, for follow-ups.")] = None,
                     k: Annotated[int, Field(ge=1, le=MAX_K, description="How many passages.")] = 5,
                     documents: Annotated[list[str] | None, Field(description="Only these document ids or "
                                                                              "file names.")] = None) -> SearchResponse:
        """Passages of the collection that answer a question, best first.

        Returns {question, searched_for, conversation_documents, answered, not_mentioned, not_reported, hits}. `searched_for` is
        the question as searched (a follow-up such as "And for anxiety?" rewritten from `history`);
        `conversation_documents` the previous answer's documents a follow-up (or a question going on
        with its subject) was also searched in,
        whose hits come first. `answered` is false when
        no passage is likely to hold the answer: then the hits are only the closest passages, and
        the collection does not answer the question; `not_mentioned` lists the names the question
        uses that no searched document mentions but in a list of abbreviations, when that is why; `not_reported` is true when the question
        asks what a study found and the matching passages report no finding of their own (Methods, a protocol).
        Each hit has the passage `text`, the
        `highlight` (the sentence that best answers, with character offsets), `title`, `doc_id`,
        `page` and `page_label` (PDFs), `section`, `start`/`end` offsets (for get_passage),
        `probability` (calibrated probability that the passage holds the answer) and `match` (it in
        words: strong >= 2/3, partial >= 1/3, weak). `score` only ranks the hits."""
        return await _run(service.search, question, history or [], k, documents)

    @mcp.tool()
    async def check_claim(claim: Annotated[str, Field(description="One claim, e.g. 'Meditation changes the "
                                                                  "brain's structure.'")]) -> CheckResponse:
        """Whether the collection supports or contradicts a claim, with the evidence sentences.

        Returns {verdict, confidence, evidence, not_mentioned}: verdict is "supported", "contradicted"
        or "not_found" (no sentence is evidence about the claim; the evidence listed is then only the
        closest, labelled "related"); `not_mentioned` lists the names the claim uses that no
        document mentions (then the verdict is "not_found"). Each evidence item has the sentence `text`, its document,
        offsets, page and printed `page_label`, its `section` (the headings it stands under), `label`
        (supports, contradicts, related) and `score` (probability that it is evidence about the claim)."""
        return await _run(service.check, claim)

    @mcp.tool()
    async def list_documents() -> DocumentsResponse:
        """The documents in the collection: {documents: [{doc_id, title}]}. A doc_id can restrict
        `search` and be read with `get_passage`."""
        return {"documents": await _run(service.documents)}

    @mcp.tool()
    async def get_passage(document: Annotated[str, Field(description="A doc_id (or file name).")],
                          start: Annotated[int, Field(ge=0, description="First character (a hit's start).")],
                          end: Annotated[int, Field(ge=0, description="End character (a hit's end).")],
                          context: Annotated[int, Field(ge=0, le=MAX_CONTEXT, description="Characters of context "
                                                                                         "either side.")] = 300
                          ) -> PassageResponse:
        """Characters [start, end) of a document's text with `context` characters before and after,
        to read a hit where it stands. Returns {doc_id, title, start, end, text, before, after,
        pages, page_labels, section, document_characters}."""
        return await _run(service.passage, document, start, end, context)

    @mcp.tool()
    async def cite(hits: Annotated[list[HitOut], Field(max_length=MAX_K, description="Hits as `search` returns them.")],
                   format: Annotated[CitationFormat, Field(description="plain, markdown, bibtex or ris.")] = "plain"
                   ) -> CiteResponse:
        """The hits as citations to paste: plain text, Markdown, BibTeX or RIS, with the authors,
        year and DOI each document states, the passage's location and its answering sentence.
        Returns {citations}, one entry per hit."""
        dumped = [h.model_dump() for h in hits]
        return {"citations": await _run(service.citations, dumped, format)}

    return mcp

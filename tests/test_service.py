"""The service other programs use: the `Service` itself, the HTTP API under /api/, the MCP tools at
/mcp (driven by the official `mcp` client over streamable HTTP), `gradio_client`, and the login.

The server tests share one real `assistant serve` (tests/conftest.py) with the browser tests.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import urllib.error
import urllib.request

import httpx
import numpy as np
import pytest

from tests.conftest import running_server

QUESTION = "What is neuropsychotherapy?"


def _http(url: str, body: dict | None = None, headers: dict | None = None, method: str | None = None):
    """(status, parsed JSON) of one request with the standard library's client."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data, {"Content-Type": "application/json", **(headers or {})}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


# -- the Service, in process ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def service(corpus_index, tmp_path_factory):
    from assistant.service import Service

    return Service(corpus_index, tmp_path_factory.mktemp("uploads"))


def test_service_search_answers_like_search_json(service):
    out = service.search(QUESTION, [], 3)
    assert list(out) == ["question", "searched_for", "conversation_documents", "answered", "not_mentioned", "not_reported",
                         "hits"]
    assert out["not_mentioned"] == []
    assert out["conversation_documents"] == []  # a question that stands alone
    assert out["answered"] is True and len(out["hits"]) == 3
    assert out["hits"][0]["doc_id"] == "neuropsychotherapy.txt"


def test_service_reads_a_follow_up_from_the_history(service):
    out = service.search("And for anxiety?", ["Which brain regions are linked to depression?"], 3)
    assert "anxiety" in out["searched_for"] and "brain regions" in out["searched_for"]
    # also searched in the documents the previous question's hits came from; theirs come first
    previous = {h["doc_id"] for h in service.search("Which brain regions are linked to depression?", [], 3)["hits"]}
    assert out["conversation_documents"] and set(out["conversation_documents"]) == previous
    assert out["hits"][0]["doc_id"] in previous


def test_service_says_not_answered_for_a_name_no_document_mentions_and_shows_more_on_request(service):
    # Both come from `ask`, which the CLI, HTTP API, MCP tools and chat share: "France" is in no
    # default article, and "Tell me more" shows passages the previous answer did not.
    assert service.search("Which brain regions are linked to depression?", [], 3)["answered"] is True
    france = service.search("Which brain regions are linked to depression in France?", [], 3)
    assert france["answered"] is False and france["not_mentioned"] == ["France"]
    first = service.search("Which brain regions are linked to depression?", [], 3)
    more = service.search("Tell me more", ["Which brain regions are linked to depression?"], 3)
    shown = {(h["doc_id"], h["start"]) for h in first["hits"]}
    assert more["hits"] and not shown & {(h["doc_id"], h["start"]) for h in more["hits"]}


@pytest.mark.parametrize(("args", "status", "reason"), [
    ((QUESTION, "not a list", 3, None), 422, "history must be a list"),
    ((QUESTION, [1, 2], 3, None), 422, "history must be a list"),
    ((QUESTION, [], 0, None), 422, "k must be a whole number from 1 to 100"),
    ((QUESTION, [], 1000, None), 422, "k must be a whole number from 1 to 100"),
    ((QUESTION, [], 2.5, None), 422, "k must be a whole number"),
    ((QUESTION, [], 3, ["no-such-document.pdf"]), 404, "no document with id 'no-such-document.pdf'"),
    (("   ", [], 3, None), 422, "the question is empty"),
])
def test_service_refuses_bad_input_with_the_reason_and_status(service, args, status, reason):
    from assistant.service import ServiceError

    with pytest.raises(ServiceError, match=reason) as err:
        service.search(*args)
    assert err.value.status == status


def test_service_passage_has_context_and_refuses_offsets_outside_the_document(service):
    hit = service.search(QUESTION, [], 1)["hits"][0]
    out = service.passage(hit["doc_id"], hit["highlight"]["start"], hit["highlight"]["end"], 100)
    assert out["text"] == hit["highlight"]["text"]
    assert len(out["before"]) <= 100 and len(out["after"]) == 100
    from assistant.service import ServiceError

    with pytest.raises(ServiceError, match="end must be a whole number"):
        service.passage(hit["doc_id"], 0, out["document_characters"] + 1)


def test_query_batcher_gives_concurrent_questions_the_vectors_they_get_alone(encoder):
    # Eight threads at once, so the batcher's worker embeds several questions in one pass.
    from assistant.embedding.batching import QueryBatcher

    batcher = QueryBatcher(encoder)
    questions = [f"How does stress change the brain after {n} weeks?" for n in range(8)] + [QUESTION]
    got: dict[str, np.ndarray] = {}
    barrier = threading.Barrier(len(questions))

    def ask(q: str) -> None:
        barrier.wait()
        got[q] = batcher.encode_query(q)

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for q in questions:
        assert float(got[q] @ encoder.encode_query(q)) > 0.99999


# -- the HTTP API ------------------------------------------------------------------------------------

def test_http_api_answers_json_objects(server):
    url = server["url"]
    status, out = _http(url + "api/search", {"question": QUESTION, "k": 2})
    assert status == 200 and out["answered"] is True and len(out["hits"]) == 2 and out["not_mentioned"] == []
    status, france = _http(url + "api/search", {"question": "Who treats depression in France?", "k": 2})
    assert status == 200 and france["answered"] is False and france["not_mentioned"] == ["France"]
    assert {"probability", "match", "highlight", "page", "section"} <= set(out["hits"][0])
    assert out["conversation_documents"] == []
    status, follow = _http(url + "api/search", {"question": "And for anxiety?", "k": 2,
                                                 "history": ["Which brain regions are linked to depression?"]})
    assert status == 200 and "anxiety" in follow["searched_for"] and follow["conversation_documents"]
    status, docs = _http(url + "api/documents")
    assert status == 200 and "neuropsychotherapy.txt" in [d["doc_id"] for d in docs["documents"]]
    hit = out["hits"][0]
    status, passage = _http(url + f"api/passage?document={hit['doc_id']}&start={hit['start']}&end={hit['end']}&context=50")
    assert status == 200 and passage["text"] == hit["text"]
    status, verdict = _http(url + "api/check", {"claim": "Mindfulness meditation changes the structure of the brain."})
    assert status == 200 and verdict["verdict"] in ("supported", "contradicted", "not_found") and verdict["evidence"]
    assert verdict["not_mentioned"] == []
    # a claim naming what no document mentions is not found, and the answer names it
    status, france = _http(url + "api/check", {"claim": "Neuroplasticity was first described in France."})
    assert status == 200 and france["verdict"] == "not_found" and france["not_mentioned"] == ["France"]


@pytest.mark.parametrize(("path", "body", "status", "reason"), [
    ("api/search", {"question": QUESTION, "k": 1000}, 422, "less than or equal to 100"),
    ("api/search", {"question": QUESTION, "history": "not a list"}, 422, "valid list"),
    ("api/search", {"question": QUESTION, "documents": ["nope.pdf"]}, 404, "no document with id 'nope.pdf'"),
    ("api/search", {"question": QUESTION, "kk": 3}, 422, "Extra inputs are not permitted"),
    ("api/search", {"question": ""}, 422, "the question is empty"),
    ("api/check", {"claim": " "}, 422, "empty"),
    ("api/passage?document=nope.pdf&start=0&end=5", None, 404, "no document"),
])
def test_http_api_refuses_bad_input_with_a_4xx_that_says_why(server, path, body, status, reason):
    got, out = _http(server["url"] + path, body)
    assert got == status
    assert reason in json.dumps(out)


def test_http_api_serves_the_original_file_read_only_and_inline(server):
    with urllib.request.urlopen(server["url"] + "api/file?document=neuropsychotherapy.txt", timeout=30) as resp:
        body, headers = resp.read(), resp.headers
    assert body == (server["work"] / "corpus" / "neuropsychotherapy.txt").read_bytes()
    assert headers["Content-Disposition"].startswith("inline") and headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "sandbox"  # an HTML original can never run its scripts here
    got, out = _http(server["url"] + "api/file?document=nope.pdf")
    assert got == 404 and "no document" in json.dumps(out)


def test_http_api_cites_the_hits_search_returned(server):
    _, found = _http(server["url"] + "api/search", {"question": QUESTION, "k": 2})
    status, out = _http(server["url"] + "api/cite", {"hits": found["hits"], "format": "bibtex"})
    assert status == 200 and out["citations"].count("@misc{") == 2
    assert f"url = {{{server['url']}?doc=" in out["citations"]  # linked to this server's viewer
    status, out = _http(server["url"] + "api/cite", {"hits": found["hits"], "format": "apa"})
    assert status == 422 and "format" in json.dumps(out)


def test_http_api_rejects_malformed_json(server):
    req = urllib.request.Request(server["url"] + "api/search", b"{not json", {"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 422 and "json_invalid" in err.value.read().decode()


def test_http_api_upload_indexes_a_file_and_skips_a_bad_one(server):
    boundary = "----assistant-test"
    files = [("moon-notes.md", b"# Moon notes\n\nThe tardigrade survived lunar dust for eleven days in the test.\n"),
             # a .rst upload is reStructuredText: its ``literal`` reads as its text
             ("sun-notes.rst", b"Sun notes\n=========\n\nThe ``probe`` measured the corona at two million degrees.\n"),
             # a .vtt upload is captions: what was said, without its timings
             ("talk.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nThe comet's tail\n\n00:00:04.000 --> 00:00:07.000\n"
                          b"stretched for ninety million kilometres.\n"),
             # an .Rmd upload is R Markdown: a chunk the page hides is no text
             ("assay.Rmd", b"---\ntitle: Assay\n---\n\n```{r, echo=FALSE}\nlibrary(proteomics)\n```\n\n"
                           b"The assay measured twelve proteins in the serum.\n"),
             ("tool.exe", b"MZ not a document")]
    body = b"".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
                    f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n" for name, data in files)
    body += f"--{boundary}--\r\n".encode()
    req = urllib.request.Request(server["url"] + "api/upload", body,
                                 {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=120) as resp:
        out = json.loads(resp.read())
    assert [d["doc_id"] for d in out["indexed"]] == ["uploads/moon-notes.md", "uploads/sun-notes.rst", "uploads/talk.vtt",
                                                     "uploads/assay.Rmd"]
    assert out["skipped"] == [{"file": "tool.exe", "reason": "type not accepted (txt, md, Rmd, qmd, rst, vtt, srt, html, pdf only)"}]
    status, found = _http(server["url"] + "api/search", {"question": "How long did the tardigrade survive lunar dust?",
                                                         "k": 1})
    assert found["hits"][0]["doc_id"] == "uploads/moon-notes.md"
    status, found = _http(server["url"] + "api/search", {"question": "How hot is the corona?", "k": 1})
    assert found["hits"][0]["doc_id"] == "uploads/sun-notes.rst" and "``" not in found["hits"][0]["text"]
    status, found = _http(server["url"] + "api/search", {"question": "How long was the comet's tail?", "k": 1})
    assert found["hits"][0]["doc_id"] == "uploads/talk.vtt"
    assert found["hits"][0]["highlight"]["text"] == "The comet's tail stretched for ninety million kilometres."
    status, found = _http(server["url"] + "api/search", {"question": "How many proteins did the assay measure?", "k": 1})
    assert found["hits"][0]["doc_id"] == "uploads/assay.Rmd" and "library(proteomics)" not in found["hits"][0]["text"]


def test_openapi_documents_every_endpoint_with_its_schema(server):
    status, spec = _http(server["url"] + "api/openapi.json")
    assert status == 200
    paths = spec["paths"]
    assert {"/api/search", "/api/check", "/api/documents", "/api/passage", "/api/upload", "/api/cite",
            "/api/file"} <= set(paths)
    ok = paths["/api/search"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/SearchResponse"}
    assert {"answered", "not_mentioned", "not_reported"} <= set(spec["components"]["schemas"]["SearchResponse"]["properties"])


# -- gradio_client ----------------------------------------------------------------------------------

def test_gradio_client_gets_typed_endpoints_and_objects(server):
    from gradio_client import Client

    client = Client(server["url"], verbose=False)
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/search", "/check", "/documents", "/passage"} <= set(endpoints)
    assert endpoints["/search"]["returns"][0]["type"]["type"] == "object"
    out = client.predict(QUESTION, [], 3, None, api_name="/search")
    assert isinstance(out, dict) and len(out["hits"]) == 3 and out["answered"] is True
    for args, reason in (((QUESTION, [], 1000, None), "k must be a whole number"),
                         ((QUESTION, [], 3, ["nope.pdf"]), "no document with id")):
        with pytest.raises(Exception, match=reason):
            client.predict(*args, api_name="/search")


# -- MCP ----------------------------------------------------------------------------------------------

async def _mcp_session(url: str, calls, headers: dict | None = None):
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async with httpx.AsyncClient(headers=headers, timeout=60) as http, \
            streamable_http_client(url + "mcp", http_client=http) as (read, write, _), \
            ClientSession(read, write) as session:
        await session.initialize()
        return await calls(session)


def test_mcp_tools_search_check_and_read_a_passage(server):
    async def calls(s):
        tools = {t.name: t for t in (await s.list_tools()).tools}
        found = await s.call_tool("search", {"question": QUESTION, "k": 2})
        hit = found.structuredContent["hits"][0]
        passage = await s.call_tool("get_passage", {"document": hit["doc_id"], "start": hit["highlight"]["start"],
                                                    "end": hit["highlight"]["end"], "context": 40})
        claim = await s.call_tool("check_claim", {"claim": "Neuroplasticity lets the brain change throughout life."})
        docs = await s.call_tool("list_documents", {})
        bad = await s.call_tool("search", {"question": QUESTION, "documents": ["nope.pdf"]})
        cited = await s.call_tool("cite", {"hits": found.structuredContent["hits"], "format": "ris"})
        france = await s.call_tool("search", {"question": "Who treats depression in France?", "k": 2})
        return tools, found, passage, claim, docs, bad, cited, france

    tools, found, passage, claim, docs, bad, cited, france = asyncio.run(_mcp_session(server["url"], calls))
    assert france.structuredContent["answered"] is False and france.structuredContent["not_mentioned"] == ["France"]
    assert "not_mentioned" in tools["search"].description and "not_reported" in tools["search"].description
    assert set(tools) == {"search", "check_claim", "list_documents", "get_passage", "cite"}
    assert not cited.isError and cited.structuredContent["citations"].count("ER  - ") == 2
    assert "probability" in tools["search"].description and "answered" in tools["search"].description
    assert tools["search"].outputSchema and "hits" in tools["search"].outputSchema["properties"]
    assert not found.isError and found.structuredContent["answered"] is True
    assert passage.structuredContent["text"] == found.structuredContent["hits"][0]["highlight"]["text"]
    assert claim.structuredContent["verdict"] in ("supported", "contradicted", "not_found")
    assert "neuropsychotherapy.txt" in [d["doc_id"] for d in docs.structuredContent["documents"]]
    assert bad.isError and "no document with id 'nope.pdf'" in bad.content[0].text


# -- the login --------------------------------------------------------------------------------------

def test_api_and_mcp_need_the_page_login_when_one_is_set(server_work):
    with running_server(server_work, "--auth", "ada:s3cret-pass") as srv:
        url = srv["url"]
        assert _http(url + "api/search", {"question": QUESTION})[0] == 401
        wrong = {"Authorization": "Basic " + base64.b64encode(b"ada:nope").decode()}
        assert _http(url + "api/search", {"question": QUESTION}, wrong)[0] == 401
        right = {"Authorization": "Basic " + base64.b64encode(b"ada:s3cret-pass").decode()}
        status, out = _http(url + "api/search", {"question": QUESTION, "k": 1}, right)
        assert status == 200 and out["hits"]

        async def calls(s):
            return [t.name for t in (await s.list_tools()).tools]

        assert "search" in asyncio.run(_mcp_session(url, calls, right))
        with pytest.raises(Exception):  # noqa: B017 - the client raises its transport's error type
            asyncio.run(_mcp_session(url, calls, wrong))

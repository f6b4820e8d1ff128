"""The Gradio app: chat with cited passages, document filter, uploads, claim checks, evaluation report.

It only calls the public surface of `assistant`.  Every string from documents or users reaches the
page through `assistant.ui.render`, which escapes it.
"""

from __future__ import annotations

import inspect
import json
import threading
import urllib.parse
from contextlib import asynccontextmanager
from pathlib import Path

from assistant import config
from assistant.service import MAX_UPLOAD_BYTES, UPLOAD_TYPES, Service, ServiceError, safe_filename
from assistant.ui import render

__all__ = ["App", "MAX_UPLOAD_BYTES", "UPLOAD_TYPES", "build_ui", "create_server", "restore_turns", "safe_filename",
           "serve"]

MAX_TURNS = 20
MAX_FILTER_CHOICES = 200
# Characters of a PDF's text shown either side of a cited span, under its rendered page (other
# documents are shown whole).
SOURCE_CONTEXT = 1500
NO_CITATIONS = "Nothing to cite: no passage answers the latest question (the closest passages are not answers)."


class App:
    """The page's view of the `Service` every browser session shares: turns, rendered HTML, choices."""

    def __init__(self, index_dir: Path, upload_dir: Path, report_dir: Path = Path("reports")) -> None:
        self.service = Service(index_dir, upload_dir)
        self.report_dir = Path(report_dir)

    @property
    def searcher(self):
        return self.service.searcher

    def warm_up(self) -> None:
        self.service.warm_up()

    # -- chat --------------------------------------------------------------------------------

    def answer(self, question: str, history: list[str], doc_ids: list[str] | None, k: int = 5) -> dict:
        """One turn: the resolved query, whether the hits answer it, and the hits as dictionaries
        (or an error message)."""
        try:
            out = self.service.search(question or "", history, int(k), doc_ids or None)
        except ServiceError as exc:
            return {"question": question or "", "resolved": "", "answered": False, "hits": [], "error": str(exc)}
        return {"question": out["question"], "resolved": out["searched_for"], "answered": out["answered"],
                "not_mentioned": out["not_mentioned"], "not_reported": out["not_reported"],
                "conversation_documents": out["conversation_documents"],
                "hits": out["hits"]}

    def ask(self, question: str, turns: list[dict], doc_ids: list[str], k: float, typed_docs: str = "",
            fmt: str = "plain", base_url: str = ""):
        turns = list(turns or [])
        doc_ids = list(doc_ids or []) + [d.strip() for d in (typed_docs or "").split(",") if d.strip()]
        history = [t["question"] for t in turns if not t.get("error")]
        turn = self.answer(question, history, doc_ids, int(k))
        turns = (turns + [turn])[-MAX_TURNS:]
        return render.render_conversation(turns), turns, self.citations(turns, fmt, base_url)

    def citations(self, turns: list[dict], fmt: str = "plain", base_url: str = "") -> str:
        """The latest answer's citations in `fmt` (plain, markdown, bibtex, ris), linked to the viewer;
        none when nothing answered it (its closest passages are no source for what was asked)."""
        if not turns:
            return ""
        if turns[-1].get("answered") is False and turns[-1].get("hits"):
            return NO_CITATIONS
        try:
            return self.service.citations(turns[-1]["hits"], fmt, base_url)
        except ServiceError as exc:
            return str(exc)

    # -- uploads -----------------------------------------------------------------------------

    def upload(self, paths: list[str] | None) -> tuple[str, list[tuple[str, str]]]:
        """Copy, ingest and index uploaded files; the ingest report as text and the new doc choices."""
        try:
            out = self.service.upload(paths or [])
        except ServiceError as exc:
            return f"error: {exc}", self.doc_choices()
        lines = [f"ok       {d['doc_id']}: {d['passages']} passages, {d['characters']} characters" for d in out["indexed"]]
        lines += [f"skipped  {s['file']}: {s['reason']}" for s in out["skipped"]]
        if out["indexed"]:
            lines.append(f"index: {out['documents']} documents, {out['passages']} passages; searchable now")
        elif not lines:
            lines.append("no file received")
        return "\n".join(lines), self.doc_choices()

    def doc_choices(self) -> list[tuple[str, str]]:
        """Check boxes for the first MAX_FILTER_CHOICES documents (a page with a million boxes would
        not load); larger collections also get a field for typing ids or file names."""
        index = self.searcher.index
        n = min(index.n_documents, MAX_FILTER_CHOICES)
        return [(f"{index.doc_titles[i]} ({index.doc_ids[i]})", index.doc_ids[i]) for i in range(n)]

    @property
    def many_documents(self) -> bool:
        return self.searcher.index.n_documents > MAX_FILTER_CHOICES

    # -- claims and evaluation ------------------------------------------------------------------

    def check(self, claim: str) -> tuple[str, str]:
        try:
            result = self.service.check(claim)
        except ServiceError as exc:
            return f"<div class=\"error\">{render.escape(exc)}</div>", ""
        return render.render_verdict(result), json.dumps(result, ensure_ascii=False, indent=1)

    # -- source view --------------------------------------------------------------------------

    def source_view(self, params: dict[str, str]) -> str | None:
        """The Source tab for a deep link's query (`citations.viewer_link`): None when the link names no
        document; a message when it names a span or page that is not there."""
        if not params.get("doc"):
            return None
        try:
            start, end = int(params.get("start", 0)), int(params.get("end", 0))
            mark_start, mark_end = int(params.get("hs", start)), int(params.get("he", start))
            page = int(params["page"]) if params.get("page") else None
            view = self.service.source_view(params["doc"], start, end, mark_start, mark_end, page, SOURCE_CONTEXT)
        except (ValueError, ServiceError) as exc:
            return f"<div class=\"error\">This link does not point into the collection: {render.escape(exc)}</div>"
        return render.render_source(view)

    def run_builtin_eval(self) -> tuple[str, str | None]:
        """Our labelled set over the articles it asks about (indexed for it under the cache folder,
        whatever this page's collection holds); the report is written and shown."""
        from assistant.evaluation import DEFAULT_CONFIGS, DatasetError, builtin_eval_set, run_evaluation, write_report

        try:
            dataset = builtin_eval_set()
        except DatasetError as exc:
            return f"Cannot run the built-in evaluation: {exc}", None
        result = run_evaluation(dataset, list(DEFAULT_CONFIGS), progress=True)
        write_report(result, self.report_dir / dataset.name)
        return self.latest_report()

    def latest_report(self) -> tuple[str, str | None]:
        reports = sorted(self.report_dir.glob("*/report.md"), key=lambda p: p.stat().st_mtime, reverse=True)
        if not reports:
            return ("No evaluation report yet: press **Run the built-in evaluation**, or run `assistant eval` "
                    "(our set) or `assistant eval --dataset DIR` (a BEIR folder).", None)
        md = reports[0].read_text()
        md = md.replace("![Recall@k](recall.png)", "")
        plot = reports[0].parent / "recall.png"
        return f"*{reports[0].parent}*\n\n" + md, str(plot) if plot.exists() else None


_HIT_KEYS = {"rank", "score", "doc_id", "title", "start", "end", "text", "highlight"}


def _well_formed_hit(h) -> bool:
    if not isinstance(h, dict) or not _HIT_KEYS <= set(h) or not isinstance(h["highlight"], dict):
        return False
    hl = h["highlight"]
    return (all(isinstance(h[k], str) for k in ("doc_id", "title", "text")) and isinstance(hl.get("text"), str)
            and all(isinstance(x, int) for x in (h["rank"], h["start"], h["end"], hl.get("start"), hl.get("end")))
            and isinstance(h["score"], (int, float)) and _well_formed_page(h.get("page")))


def _well_formed_page(page) -> bool:
    return page is None or isinstance(page, int) or (
        isinstance(page, list) and len(page) == 2 and all(isinstance(x, int) for x in page))


def _strings(value) -> list[str]:
    """The strings of a stored list (a tampered or older page may hold anything there)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def restore_turns(stored) -> list[dict]:
    """Turns read back from the browser's storage, which a user can edit: only well-formed ones
    (they are rendered through the same escaping as any other text)."""
    if not isinstance(stored, list):
        return []
    kept = []
    for turn in stored[-MAX_TURNS:]:
        if not isinstance(turn, dict) or not isinstance(turn.get("question"), str):
            continue
        hits = turn.get("hits") if isinstance(turn.get("hits"), list) else []
        hits = [h for h in hits if _well_formed_hit(h)]
        kept.append({"question": turn["question"], "resolved": str(turn.get("resolved", "")),
                     "conversation_documents": _strings(turn.get("conversation_documents")),
                     "answered": turn.get("answered") is not False,
                     "not_mentioned": _strings(turn.get("not_mentioned")), "not_reported": turn.get("not_reported") is True,
                     "hits": hits,
                     **({"error": str(turn["error"])} if turn.get("error") else {})})
    return kept


# The answer just given starts at the top of the screen (its question, then its first citation);
# the question box stays pinned to the bottom (render.CSS), so the next question needs no scrolling.
SHOW_NEWEST_TURN = """() => {
  const turns = document.querySelectorAll('#conversation .turn');
  if (turns.length) turns[turns.length - 1].scrollIntoView({block: 'start', behavior: 'instant'});
}"""


# Links to the source (under citations, and the viewer's own) open it in place, without loading the
# page again: the address becomes the link (so it can be shared and Back works) and the hidden
# trigger asks the server for the view.  Once the new view is in the page, the boxed sentence on the
# PDF page (or the marked sentence, or the cited span, in the text) is put mid-screen.  Zoom buttons
# scale the rendered page.
VIEWER_LINKS = """() => {
  if (window.assistantViewerLinks) return;
  window.assistantViewerLinks = true;
  const showCited = (deadline) => {
    const v = document.querySelector('#source-view .source:not([data-shown])');
    if (!v) { if (performance.now() < deadline) requestAnimationFrame(() => showCited(deadline)); return; }
    v.dataset.shown = '1';
    const m = v.querySelector('.box.sentence') || v.querySelector('.box.span') || v.querySelector('mark.answer')
           || v.querySelector('.cited');
    if (m) m.scrollIntoView({block: 'center', behavior: 'instant'});
  };
  const open = (query) => {
    document.querySelectorAll('#source-view .source').forEach(v => { v.dataset.shown = '1'; });
    window.assistantSourceLink = query;
    document.querySelector('#open-source').click();
    showCited(performance.now() + 10000);
  };
  document.addEventListener('click', (e) => {
    const zoom = e.target.closest('#source-view button[data-zoom]');
    if (zoom) {
      const page = document.querySelector('#source-view .pdf-page');
      const pct = Math.min(300, Math.max(50, Number(page.dataset.zoom || 100) + 25 * Number(zoom.dataset.zoom)));
      page.dataset.zoom = pct;
      page.style.width = pct + '%';
      return;
    }
    const a = e.target.closest('a.in-source');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    open(location.search);
  }, true);
  window.addEventListener('popstate', () => {
    if (new URLSearchParams(location.search).get('doc')) open(location.search);
  });
  // A page opened at a deep link: its view arrives with the page's first events.
  if (new URLSearchParams(location.search).get('doc')) showCited(performance.now() + 30000);
}"""


def _base_url(request) -> str:
    """The page's own address as the browser reached it, for links in citations ("" when unknown)."""
    try:
        return str(request.base_url) if request is not None else ""
    except (AttributeError, KeyError):
        return ""


def build_ui(app: App):
    import gradio as gr

    def takes_request(fn):
        # Gradio passes the request to a parameter annotated gr.Request; with postponed annotations
        # it sees only the string, so the class is set here.
        fn.__annotations__["request"] = gr.Request
        return fn

    with gr.Blocks(title="Retrieval assistant") as demo:
        gr.Markdown("## Ask your documents\nEvery answer is a list of cited passages from the collection, "
                    "the sentence that answers highlighted. Follow-up questions use the conversation so far.")
        # Kept in the browser's storage: a reload or a new tab shows the conversation so far.
        turns = gr.BrowserState([], storage_key="assistant-conversation")
        with gr.Tabs() as tabs:
            with gr.Tab("Ask", id="ask"):
                with gr.Row():
                    with gr.Column(scale=3):
                        conversation = gr.HTML(render.render_conversation([]), elem_id="conversation", js_on_load=None)
                        question = gr.Textbox(placeholder="Ask a question, then follow up…", show_label=False,
                                              elem_id="question", submit_btn="Ask", max_length=config.MAX_QUESTION_CHARS)
                        new_chat = gr.Button("New conversation", elem_id="new-chat", size="sm")
                        citations = gr.Textbox(label="Citations of the latest answer", lines=3, interactive=False,
                                               buttons=["copy"], elem_id="citations")
                        citation_format = gr.Radio([("Plain text", "plain"), ("Markdown", "markdown"),
                                                    ("BibTeX", "bibtex"), ("RIS", "ris")], value="plain",
                                                   label="Citation format", elem_id="citation-format")
                    with gr.Column(scale=1):
                        doc_filter = gr.CheckboxGroup(choices=app.doc_choices(), label="Search only these documents",
                                                      elem_id="doc-filter")
                        typed_docs = gr.Textbox(label=f"More documents (ids or file names, comma-separated; the list "
                                                      f"above shows the first {MAX_FILTER_CHOICES})",
                                                visible=app.many_documents, elem_id="doc-filter-typed", max_lines=1)
                        k = gr.Slider(1, 10, value=5, step=1, label="Passages per answer", elem_id="k")
                        upload = gr.File(file_count="multiple", file_types=list(UPLOAD_TYPES), label="Add documents",
                                         elem_id="upload")
                        upload_report = gr.Textbox(label="Ingest report", interactive=False, lines=4,
                                                   elem_id="upload-report")
            with gr.Tab("Check a claim", id="check"):
                claim = gr.Textbox(placeholder="Paste a claim to check against the collection…", show_label=False,
                                   elem_id="claim", submit_btn="Check", max_length=config.MAX_QUESTION_CHARS)
                verdict = gr.HTML("", elem_id="verdict", js_on_load=None)
                verdict_json = gr.Code(language="json", label="As JSON", elem_id="verdict-json")
            with gr.Tab("Evaluation", id="evaluation"):
                gr.Markdown("The built-in evaluation asks our 45 labelled questions about the four default "
                            "articles (indexed for it apart from this collection) and reports BM25, dense and "
                            "hybrid retrieval. Other datasets: `assistant eval --dataset BEIR_DIR`.")
                with gr.Row():
                    run_eval = gr.Button("Run the built-in evaluation", size="sm", elem_id="run-eval")
                    refresh = gr.Button("Show the latest report", size="sm")
                report_md = gr.Markdown(elem_id="eval-report")
                report_plot = gr.Image(label="Recall@k", type="filepath", elem_id="eval-plot")
            with gr.Tab("Source", id="source"):
                source = gr.HTML("<p>Follow “show in the source” under a citation to read it where it stands.</p>",
                                 elem_id="source-view", js_on_load=None)
        # What VIEWER_LINKS clicks: the link it was given becomes the query of the view asked for.
        source_link = gr.Textbox(visible="hidden", elem_id="source-link")
        asked = gr.Textbox(visible="hidden", elem_id="asked")
        open_source = gr.Button(visible="hidden", elem_id="open-source", elem_classes=["hidden-trigger"])

        @takes_request
        def on_ask(question, turns, doc_ids, k, typed_docs, fmt, request: gr.Request):
            return app.ask(question, turns, doc_ids, k, typed_docs, fmt, _base_url(request))

        @takes_request
        def on_format(turns, fmt, request: gr.Request):
            return app.citations(turns, fmt, _base_url(request))

        # The box empties in the browser the moment Enter is pressed, so the next question can be typed
        # while this one is answered; one sent before the answer is in waits for it ("always_last")
        # instead of being dropped, and reads the conversation with that answer in it.
        question.submit(None, [question], [asked, question], js="(q) => [q, '']", api_visibility="private").then(
            on_ask, [asked, turns, doc_filter, k, typed_docs, citation_format], [conversation, turns, citations],
            concurrency_limit=8, trigger_mode="always_last", api_visibility="private").then(None, js=SHOW_NEWEST_TURN)
        citation_format.change(on_format, [turns, citation_format], [citations], api_visibility="private")
        new_chat.click(lambda: (render.render_conversation([]), [], ""), None, [conversation, turns, citations],
                       api_visibility="private")

        def on_upload(files):
            report, choices = app.upload(files)
            return report, gr.update(choices=choices), None, gr.update(visible=app.many_documents)

        upload.upload(on_upload, [upload], [upload_report, doc_filter, upload, typed_docs], concurrency_limit=1,
                      api_visibility="private")
        claim.submit(app.check, [claim], [verdict, verdict_json], concurrency_limit=8, trigger_mode="always_last",
                     api_visibility="private", api_name="check_view")
        refresh.click(app.latest_report, None, [report_md, report_plot], api_visibility="private")

        def on_run_eval(progress=gr.Progress(track_tqdm=True)):  # noqa: B008 (Gradio's way to show progress)
            return app.run_builtin_eval()

        run_eval.click(on_run_eval, None, [report_md, report_plot], concurrency_limit=1, api_visibility="private")
        demo.load(app.latest_report, None, [report_md, report_plot], api_visibility="private")

        @takes_request
        def on_page_load(stored, request: gr.Request):
            # The document list as it is now (uploads included), and the stored conversation.
            kept = restore_turns(stored)
            citations_text = app.citations(kept, "plain", _base_url(request))
            return (render.render_conversation(kept), kept, gr.update(choices=app.doc_choices()),
                    gr.update(visible=app.many_documents), citations_text)

        demo.load(on_page_load, [turns], [conversation, turns, doc_filter, typed_docs, citations],
                  api_visibility="private")

        def open_view(params: dict[str, str]):
            # A link made by citations.viewer_link opens the Source tab on its span.
            view = app.source_view(params)
            if view is None:
                return gr.update(), gr.update()
            return view, gr.Tabs(selected="source")

        @takes_request
        def on_deep_link(request: gr.Request):
            return open_view(dict(request.query_params) if request else {})

        def on_source_link(query: str):
            return open_view(dict(urllib.parse.parse_qsl((query or "").lstrip("?"))))

        demo.load(on_deep_link, None, [source, tabs], api_visibility="private")
        demo.load(None, js=VIEWER_LINKS)
        open_source.click(on_source_link, [source_link], [source, tabs], js="() => [window.assistantSourceLink || '']",
                          concurrency_limit=4, api_visibility="private")

        _api_endpoints(app.service)
    return demo


def _api_endpoints(service: Service) -> None:
    """The service for `gradio_client` (typed: JSON objects, not strings); the same answers as the
    HTTP API under /api/.  Bad input is an error whose message says why."""
    import gradio as gr

    def call(fn, *args) -> dict:
        try:
            return fn(*args)
        except ServiceError as exc:
            raise gr.Error(str(exc)) from exc

    def search(question: str, history: list[str] | None = None, k: int = 5, documents: list[str] | None = None) -> dict:
        """Cited passages that answer a question: {question, searched_for, answered, hits}, as
        `assistant search --json`.  `history` lists the earlier questions (for follow-ups); k is 1-100."""
        return call(service.search, question, history, k, documents)

    def check(claim: str) -> dict:
        """A claim checked against the collection: {verdict, confidence, evidence, not_mentioned}."""
        return call(service.check, claim)

    def documents() -> dict:
        """The documents in the collection: {documents: [{doc_id, title}]}."""
        return {"documents": service.documents()}

    def passage(document: str, start: int, end: int, context: int = 300) -> dict:
        """Characters [start, end) of a document with `context` characters either side."""
        return call(service.passage, document, start, end, context)

    for fn in (search, check, documents, passage):
        # Gradio reads the return type from the signature unevaluated: with postponed annotations
        # it would be the string "dict" and the endpoint typed Any.
        fn.__signature__ = inspect.signature(fn, eval_str=True)
        gr.api(fn, api_name=fn.__name__, concurrency_limit=8)


def create_server(index_dir: Path, host: str = "127.0.0.1", upload_dir: Path | None = None,
                  auth: tuple[str, str] | None = None):
    """One FastAPI app: the page at /, the HTTP API at /api/ (docs at /api/docs), MCP at /mcp.
    With `auth`, the page asks for the login and /api/ and /mcp need it as HTTP Basic."""
    import gradio as gr
    from fastapi import FastAPI

    from assistant.service.auth import BasicAuthMiddleware
    from assistant.service.http import api_router
    from assistant.service.mcp_tools import mcp_server

    app = App(index_dir, upload_dir or config.DEFAULT_CORPUS / "uploads")
    mcp = mcp_server(app.service, host)
    mcp_app = mcp.streamable_http_app()

    @asynccontextmanager
    async def lifespan(_):
        # The page does not need the model: it loads (and the indexes are touched) while the first
        # page is served, so a question asked meanwhile waits only for what is left.
        threading.Thread(target=app.warm_up, name="warm-up", daemon=True).start()
        async with mcp.session_manager.run():
            yield

    server = FastAPI(title="Retrieval assistant", lifespan=lifespan, docs_url="/api/docs",
                     openapi_url="/api/openapi.json", redoc_url=None)
    server.include_router(api_router(app.service))
    server.router.routes.extend(mcp_app.routes)
    demo = build_ui(app)
    demo.queue(default_concurrency_limit=8)
    server = gr.mount_gradio_app(server, demo, "/", auth=auth, css=render.CSS, footer_links=[], show_error=False,
                                 max_file_size=MAX_UPLOAD_BYTES)
    if auth:
        server.add_middleware(BasicAuthMiddleware, credentials=auth)
    return server


def serve(index_dir: Path, host: str = "127.0.0.1", port: int = 7860, upload_dir: Path | None = None,
          auth: tuple[str, str] | None = None) -> None:
    import uvicorn

    server = create_server(index_dir, host, upload_dir, auth)
    print(f"Serving on http://{host}:{port}/  (HTTP API: /api/docs, MCP: /mcp)", flush=True)
    uvicorn.run(server, host=host, port=port, log_level="warning")

"""The Gradio app: chat with cited passages, document filter, uploads, claim checks, evaluation report.

It only calls the public surface of `assistant`.  Every string from documents or users reaches the
page through `assistant.ui.render`, which escapes it.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import unicodedata
from pathlib import Path

from assistant import config
from assistant.embedding import get_encoder
from assistant.index import StoreError, build_index
from assistant.ingest import IngestError, load_file
from assistant.search import QuestionError, Searcher, resolve_followup
from assistant.ui import render

__all__ = ["App", "MAX_UPLOAD_BYTES", "UPLOAD_TYPES", "build_ui", "restore_turns", "safe_filename", "serve"]

UPLOAD_TYPES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_TURNS = 20
MAX_FILTER_CHOICES = 200
MAX_API_K = 100  # as `assistant search --k`


def safe_filename(name: str) -> str:
    """A plain file name: no folders, no dot-files, only ordinary characters."""
    base = unicodedata.normalize("NFKC", Path(str(name).replace("\\", "/")).name)
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return (base or "upload")[:120]


class App:
    """The state shared by every browser session: one searcher, one upload lock."""

    def __init__(self, index_dir: Path, upload_dir: Path, report_dir: Path = Path("reports")) -> None:
        self.index_dir = Path(index_dir)
        self.upload_dir = Path(upload_dir)
        self.report_dir = Path(report_dir)
        self.searcher = Searcher(self.index_dir)
        self.encoder = get_encoder()
        self._upload_lock = threading.Lock()
        self._checker = None

    def warm_up(self) -> None:
        """Load the model and open the BM25 and FAISS indexes, so the first question is fast."""
        self.encoder.warm_up()
        self.searcher.index.warm_up()
        try:
            self.searcher.search("warm up", k=1)
        except (QuestionError, StoreError):
            pass  # an empty or damaged index is reported when a question is asked

    # -- chat --------------------------------------------------------------------------------

    def answer(self, question: str, history: list[str], doc_ids: list[str] | None, k: int = 5) -> dict:
        """One turn: the resolved query, whether the hits answer it, and the hits as dictionaries
        (or an error message)."""
        turn: dict = {"question": question or "", "resolved": "", "answered": False, "hits": []}
        try:
            resolved = resolve_followup(question or "", history, self.encoder)
            turn["resolved"] = resolved.query
            hits = self.searcher.search(resolved.query, k=int(k), doc_ids=doc_ids or None)
            turn["answered"] = self.searcher.answered(hits)
            turn["hits"] = [h.to_dict() for h in hits]
        except QuestionError as exc:
            turn["error"] = str(exc)
        return turn

    def ask(self, question: str, turns: list[dict], doc_ids: list[str], k: float, typed_docs: str = ""):
        turns = list(turns or [])
        doc_ids = list(doc_ids or []) + [d.strip() for d in (typed_docs or "").split(",") if d.strip()]
        history = [t["question"] for t in turns if not t.get("error")]
        turn = self.answer(question, history, doc_ids, int(k))
        turns = (turns + [turn])[-MAX_TURNS:]
        citations = "\n".join(render.citation(h) for h in turn["hits"])
        return render.render_conversation(turns), turns, "", citations

    # -- uploads -----------------------------------------------------------------------------

    def upload(self, paths: list[str] | None) -> tuple[str, list[tuple[str, str]]]:
        """Copy, ingest and index uploaded files; the ingest report as text and the new doc choices."""
        entries: list[tuple[str, str]] = []  # (file name, reason) for skipped files
        docs = []
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        for p in paths or []:
            src = Path(p)
            name = safe_filename(src.name)
            reason = self._refuse(src, name)
            if reason:
                entries.append((name, reason))
                continue
            dest = self.upload_dir / name
            shutil.copyfile(src, dest)
            try:
                doc, _ = load_file(dest, f"{self.upload_dir.name}/{name}")
            except IngestError as exc:
                dest.unlink(missing_ok=True)
                entries.append((name, str(exc)))
                continue
            docs.append(doc)
        lines = [f"skipped  {name}: {reason}" for name, reason in entries]
        if docs:
            with self._upload_lock:
                try:
                    report = build_index(self.index_dir, docs, self.encoder, keep_existing=True)
                except StoreError as exc:
                    return "\n".join(lines + [f"error: {exc}"]), self.doc_choices()
                self.searcher.reload()
            lines = [f"ok       {d.doc_id}: {report.passages_per_doc.get(d.doc_id, 0)} passages, "
                     f"{len(d.text)} characters" for d in docs] + lines
            lines.append(f"index: {report.documents} documents, {report.passages} passages; searchable now")
        elif not lines:
            lines.append("no file received")
        return "\n".join(lines), self.doc_choices()

    def _refuse(self, src: Path, name: str) -> str:
        """Why an upload is not accepted, or empty."""
        if Path(name).suffix.lower() not in UPLOAD_TYPES:
            return "type not accepted (txt, md, html, pdf only)"
        size = src.stat().st_size if src.exists() else 0
        if size > MAX_UPLOAD_BYTES:
            return f"{size / 1e6:.1f} MB is over the {MAX_UPLOAD_BYTES // 2**20} MB limit"
        if (self.upload_dir / name).resolve().parent != self.upload_dir.resolve():
            return "invalid file name"
        return ""

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
        from assistant.claims import ClaimChecker, ClaimError

        if self._checker is None:
            self._checker = ClaimChecker(self.searcher)
        try:
            result = self._checker.check(claim).to_dict()
        except (ClaimError, QuestionError) as exc:
            return f"<div class=\"error\">{render.escape(exc)}</div>", ""
        return render.render_verdict(result), json.dumps(result, ensure_ascii=False, indent=1)

    def latest_report(self) -> tuple[str, str | None]:
        reports = sorted(self.report_dir.glob("*/report.md"), key=lambda p: p.stat().st_mtime, reverse=True)
        if not reports:
            return "No evaluation report yet: run `assistant eval` (our set) or `assistant eval --dataset DIR`.", None
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
                     "answered": turn.get("answered") is not False, "hits": hits,
                     **({"error": str(turn["error"])} if turn.get("error") else {})})
    return kept


def build_ui(app: App):
    import gradio as gr

    with gr.Blocks(title="Retrieval assistant") as demo:
        gr.Markdown("## Ask your documents\nEvery answer is a list of cited passages from the collection, "
                    "the sentence that answers highlighted. Follow-up questions use the conversation so far.")
        # Kept in the browser's storage: a reload or a new tab shows the conversation so far.
        turns = gr.BrowserState([], storage_key="assistant-conversation")
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    conversation = gr.HTML(render.render_conversation([]), elem_id="conversation", js_on_load=None,
                                           autoscroll=True)
                    question = gr.Textbox(placeholder="Ask a question, then follow up…", show_label=False,
                                          elem_id="question", submit_btn="Ask", max_length=config.MAX_QUESTION_CHARS)
                    new_chat = gr.Button("New conversation", elem_id="new-chat", size="sm")
                    citations = gr.Textbox(label="Citations of the latest answer", lines=3, interactive=False,
                                           buttons=["copy"], elem_id="citations")
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
        with gr.Tab("Check a claim"):
            claim = gr.Textbox(placeholder="Paste a claim to check against the collection…", show_label=False,
                               elem_id="claim", submit_btn="Check", max_length=config.MAX_QUESTION_CHARS)
            verdict = gr.HTML("", elem_id="verdict", js_on_load=None)
            verdict_json = gr.Code(language="json", label="As JSON", elem_id="verdict-json")
        with gr.Tab("Evaluation"):
            report_md = gr.Markdown(elem_id="eval-report")
            report_plot = gr.Image(label="Recall@k", type="filepath", elem_id="eval-plot")
            refresh = gr.Button("Show the latest report", size="sm")

        question.submit(app.ask, [question, turns, doc_filter, k, typed_docs], [conversation, turns, question, citations],
                        concurrency_limit=8, api_visibility="private")
        new_chat.click(lambda: (render.render_conversation([]), [], ""), None, [conversation, turns, citations],
                       api_visibility="private")

        def on_upload(files):
            report, choices = app.upload(files)
            return report, gr.update(choices=choices), None, gr.update(visible=app.many_documents)

        upload.upload(on_upload, [upload], [upload_report, doc_filter, upload, typed_docs], concurrency_limit=1,
                      api_visibility="private")
        claim.submit(app.check, [claim], [verdict, verdict_json], concurrency_limit=8, api_visibility="private")
        refresh.click(app.latest_report, None, [report_md, report_plot], api_visibility="private")
        demo.load(app.latest_report, None, [report_md, report_plot], api_visibility="private")

        def on_page_load(stored):
            # The document list as it is now (uploads included), and the stored conversation.
            kept = restore_turns(stored)
            citations_text = "\n".join(render.citation(h) for h in kept[-1]["hits"]) if kept else ""
            return (render.render_conversation(kept), kept, gr.update(choices=app.doc_choices()),
                    gr.update(visible=app.many_documents), citations_text)

        demo.load(on_page_load, [turns], [conversation, turns, doc_filter, typed_docs, citations],
                  api_visibility="private")

        def search_api(question: str, history_json: str = "[]", k: float = 5) -> str:
            """Stateless search for scripts and load tests: hits of one turn as JSON.  A malformed
            history or a k outside 1-100 is an error with the reason, never silently ignored."""
            try:
                history = json.loads(history_json or "[]")
            except json.JSONDecodeError as exc:
                raise gr.Error(f"history must be a JSON list of earlier questions ({exc.msg})") from exc
            if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
                raise gr.Error("history must be a JSON list of earlier questions (strings)")
            if k is None or k != int(k) or not 1 <= k <= MAX_API_K:
                raise gr.Error(f"k must be a whole number from 1 to {MAX_API_K}")
            return json.dumps(app.answer(question, history, None, int(k)), ensure_ascii=False)

        gr.api(search_api, api_name="search", concurrency_limit=8)
    return demo


def serve(index_dir: Path, host: str = "127.0.0.1", port: int = 7860, upload_dir: Path | None = None,
          auth: tuple[str, str] | None = None) -> None:
    app = App(index_dir, upload_dir or config.DEFAULT_CORPUS / "uploads")
    demo = build_ui(app)
    demo.queue(default_concurrency_limit=8)
    demo.launch(server_name=host, server_port=port, auth=auth, css=render.CSS, footer_links=[],
                show_error=False, quiet=False, max_file_size=MAX_UPLOAD_BYTES, prevent_thread_lock=True)
    # The page does not need the model: it loads (and the indexes are touched) once the server is
    # up, so the page is ready sooner and a question asked meanwhile waits only for what is left.
    # (Started before the launch, its imports starve Gradio's own start-up check.)
    threading.Thread(target=app.warm_up, name="warm-up", daemon=True).start()
    demo.block_thread()

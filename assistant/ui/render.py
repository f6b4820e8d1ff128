"""HTML for the chat, built by hand so that every document and user string is escaped.

It turns hit dictionaries (`Hit.to_dict()`) into markup; the only library call is `location_text`.
"""

from __future__ import annotations

import base64
import html
import urllib.parse

from assistant.claims import VERDICT_WORDS, confidence_text, not_mentioned_text
from assistant.search import location_text, not_answered_text
from assistant.service.citations import hit_location, viewer_link

__all__ = ["CSS", "escape", "render_conversation", "render_hit", "render_source", "render_sources",
           "render_turn", "render_verdict"]

CSS = """
#conversation { min-height: 300px; }
/* The question box stays at the bottom of the screen while the conversation scrolls.  Sticky
   moves an element within its parent, so it is the box's form wrapper that sticks; the page's
   container clips instead of hiding overflow, which would make it the scrolling ancestor. */
.gradio-container { overflow: clip !important; }
.form:has(> #question) { position: sticky; bottom: 0; z-index: 5; overflow: visible;
                         background: var(--background-fill-primary, #fff); box-shadow: 0 -4px 8px rgba(0, 0, 0, .06); }
.turn { margin: 0 0 1.2em 0; }
.turn .q { font-weight: 600; margin-bottom: .3em; }
.turn .resolved { font-size: .85em; color: #555; margin-bottom: .4em; }
.turn .error, .turn .empty { color: #a40000; }
ol.hits { padding-left: 1.3em; margin: 0; }
li.hit { margin-bottom: .9em; }
.cite { font-size: .88em; color: #333; }
.cite .title { font-weight: 600; }
.passage { margin: .3em 0; padding: .4em .6em; border-left: 3px solid #d0d7de; white-space: pre-wrap; }
mark.answer { background: #fff3a3; padding: 0 .1em; }
details.full summary { cursor: pointer; font-size: .85em; color: #0550ae; }
.match { font-weight: 600; }
.match-strong { color: #116329; } .match-partial { color: #7d4e00; } .match-weak { color: #6e7781; }
.no-answer { font-weight: 600; color: #a40000; margin-bottom: .4em; }
details.closest > summary { cursor: pointer; color: #57606a; }
ol.not-answers mark.answer { background: #eaeef2; }
ol.not-answers .passage, ol.not-evidence .passage { border-left-style: dashed; color: #57606a; }
.sources li { font-size: .9em; }
a.in-source { color: #0550ae; }
.source-text { white-space: pre-wrap; line-height: 1.5; margin-top: .6em; }
.source-text .cited { background: #eef4ff; }
.source-nav a, .pdf-nav a { margin-right: 1em; }
.pdf-nav { margin: .5em 0; display: flex; align-items: center; gap: .6em; flex-wrap: wrap; }
.pdf-nav button { min-width: 2em; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
.pdf-frame { overflow: auto; max-height: 85vh; border: 1px solid #d0d7de; }
.pdf-page { position: relative; width: 100%; }
.pdf-page img { display: block; width: 100%; height: auto; }
.pdf-page .box { position: absolute; pointer-events: none; }
.pdf-page .box.span { background: rgba(9, 105, 218, .10); outline: 1px solid rgba(9, 105, 218, .45); }
.pdf-page .box.sentence { background: rgba(255, 213, 0, .30); outline: 2px solid #d4a000; }
.hidden-trigger { display: none !important; }
"""


def escape(text) -> str:
    """Any value as HTML text: tags and quotes shown, never interpreted."""
    return html.escape(str(text), quote=True)


_e = escape


def _marked(hit: dict, context: int | None) -> str:
    text, start = hit["text"], hit["start"]
    a, b = hit["highlight"]["start"] - start, hit["highlight"]["end"] - start
    before, mid, after = text[:a], text[a:b], text[b:]
    if context is not None:
        if len(before) > context:
            before = "…" + before[-context:].split(" ", 1)[-1]
        if len(after) > context:
            after = after[:context].rsplit(" ", 1)[0] + "…"
    return f"{_e(before)}<mark class=\"answer\">{_e(mid)}</mark>{_e(after)}"


def _match(hit: dict) -> str:
    """The hit's match in words, its probability on hover (hits stored before it existed: none)."""
    words, p = hit.get("match"), hit.get("probability")
    if not isinstance(words, str) or not words or not isinstance(p, (int, float)):
        return ""
    kind = words.split()[0]
    return (f"<span class=\"match match-{_e(kind)}\" title=\"probability {p:.2f} that this passage holds the "
            f"answer\">{_e(words)}</span> · ")


def render_hit(hit: dict) -> str:
    link = viewer_link(hit["doc_id"], hit["start"], hit["end"], hit["highlight"]["start"], hit["highlight"]["end"])
    return (
        f"<li class=\"hit\" data-doc=\"{_e(hit['doc_id'])}\">"
        f"<div class=\"cite\"><span class=\"title\">{_e(hit['title'])}</span> · "
        f"<span class=\"doc\">{_e(hit['doc_id'])}</span> · <span class=\"loc\">{_e(hit_location(hit))}</span> · "
        f"{_match(hit)}<span class=\"score\">score {hit['score']:.3f}</span> · "
        f"<a class=\"in-source\" href=\"{_e(link)}\">show in the source</a></div>"
        f"<div class=\"passage\">{_marked(hit, 220)}</div>"
        f"<details class=\"full\"><summary>Full passage</summary><div class=\"passage\">{_marked(hit, None)}</div></details>"
        "</li>"
    )


def render_turn(turn: dict) -> str:
    parts = [f"<div class=\"turn\"><div class=\"q\">You asked: {_e(turn['question'])}</div>"]
    first = turn.get("conversation_documents") or []
    where = f"first in the previous answer's documents: {_e(', '.join(first))}" if first else ""
    if turn.get("resolved") and turn["resolved"] != turn["question"].strip():
        parts.append(f"<div class=\"resolved\">Searched for: {_e(turn['resolved'])}{' · ' + where if where else ''}</div>")
    elif where:  # a question that goes on with the conversation's subject, searched as typed
        parts.append(f"<div class=\"resolved\">Searched {where}</div>")
    if turn.get("error"):
        parts.append(f"<div class=\"error\">{_e(turn['error'])}</div>")
    elif not turn.get("hits"):
        parts.append("<div class=\"empty\">No passage in the collection matches this question.</div>")
    elif turn.get("answered") is False:
        why = not_answered_text(turn.get('not_mentioned') or (), turn.get('not_reported') is True)
        parts.append(f"<div class=\"no-answer\">{_e(why)}</div>"
                     "<details class=\"closest\"><summary>Closest passages (not answers)</summary>"
                     "<ol class=\"hits not-answers\">" + "".join(render_hit(h) for h in turn["hits"]) + "</ol></details>")
    else:
        parts.append("<ol class=\"hits\">" + "".join(render_hit(h) for h in turn["hits"]) + "</ol>")
    parts.append("</div>")
    return "".join(parts)


def render_conversation(turns: list[dict]) -> str:
    if not turns:
        return ("<div class=\"turn empty-chat\">Ask a question about the documents; every answer is a list "
                "of cited passages with the answering sentence highlighted.</div>")
    return "".join(render_turn(t) for t in turns)


def _pdf_page(view: dict) -> str:
    """The rendered page with the cited span and the answering sentence boxed, page links and zoom."""
    pv, doc_id = view["page_view"], view["doc_id"]
    start, end, (a, b) = view["start"], view["end"], view["mark"]

    def page_link(page: int, text: str, cls: str) -> str:
        return f"<a class=\"in-source {cls}\" href=\"{_e(viewer_link(doc_id, start, end, a, b, page))}\">{text}</a>"

    nav = [page_link(pv.page - 1, "‹ previous page", "prev-page") if pv.page > 1 else "",
           f"<span class=\"page-no\">page {pv.page} of {pv.pages}</span>",
           page_link(pv.page + 1, "next page ›", "next-page") if pv.page < pv.pages else "",
           "<button type=\"button\" data-zoom=\"-1\" title=\"zoom out\">−</button>"
           "<button type=\"button\" data-zoom=\"1\" title=\"zoom in\">+</button>"]
    boxes = []
    for kind, rects in (("span", pv.boxes[0]), ("sentence", pv.boxes[1])):
        for x0, y0, x1, y1 in rects:
            boxes.append(f"<div class=\"box {kind}\" data-box=\"{x0:.5f},{y0:.5f},{x1:.5f},{y1:.5f}\" style=\"left:"
                         f"{x0 * 100:.3f}%;top:{y0 * 100:.3f}%;width:{(x1 - x0) * 100:.3f}%;height:{(y1 - y0) * 100:.3f}%\">"
                         "</div>")
    image = base64.b64encode(pv.image).decode("ascii")
    return (f"<div class=\"pdf-nav\">{''.join(nav)}</div><div class=\"pdf-frame\"><div class=\"pdf-page\" "
            f"data-page=\"{pv.page}\" data-sentence-boxes=\"{len(pv.boxes[1])}\"><img src=\"data:{pv.mime};base64,{image}\" "
            f"width=\"{pv.width}\" height=\"{pv.height}\" alt=\"page {pv.page} of {_e(view['title'])}\">{''.join(boxes)}</div></div>")


def render_source(view: dict) -> str:
    """A span of a document where it stands (`Service.source_view`): for a PDF its page, rendered,
    with the span and the answering sentence boxed; then the text around it, the span shaded and
    the sentence marked; links to the passages before and after and to the original file."""
    start, end, n = view["start"], view["end"], view["document_characters"]
    mark_start, mark_end = view["mark"]
    before_start = start - len(view["before"])
    text = view["before"] + view["text"] + view["after"]
    cuts = sorted({0, start - before_start, end - before_start, len(text),
                   *(min(max(x - before_start, start - before_start), end - before_start) for x in (mark_start, mark_end))})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a:b])
        inside = start - before_start <= a and b <= end - before_start
        if inside and mark_start - before_start <= a and b <= mark_end - before_start and mark_end > mark_start:
            piece = f"<mark class=\"answer\">{piece}</mark>"
        parts.append(f"<span class=\"cited\">{piece}</span>" if inside else piece)
    pages = view.get("pages") or []
    where = location_text(start, end, pages, " / ".join(x for x in view.get("page_labels") or [] if x))
    if view.get("section"):
        where = f"{view['section']}, {where}"
    nav = []
    if view.get("previous"):
        a, b = view["previous"]
        nav.append(f"<a class=\"in-source earlier\" href=\"{_e(viewer_link(view['doc_id'], a, b, a, a))}\">← previous passage</a>")
    if view.get("next"):
        a, b = view["next"]
        nav.append(f"<a class=\"in-source later\" href=\"{_e(viewer_link(view['doc_id'], a, b, a, a))}\">next passage →</a>")
    if view.get("file"):
        href = "api/file?" + urllib.parse.urlencode({"document": view["doc_id"]})
        nav.append(f"<a class=\"original\" href=\"{_e(href)}\" target=\"_blank\" rel=\"noopener\">original file "
                   f"({_e(view['file'])})</a>")
    page = _pdf_page(view) if view.get("page_view") else ""
    if view.get("page_error"):
        page = f"<p class=\"error\">{_e(view['page_error'])}</p>"
    return (f"<div class=\"source\" data-doc=\"{_e(view['doc_id'])}\"><h3>{_e(view['title'])}</h3><div class=\"cite\">"
            f"<span class=\"doc\">{_e(view['doc_id'])}</span> · <span class=\"loc\">{_e(where)}</span></div>"
            f"<nav class=\"source-nav\">{' · '.join(nav)}</nav>{page}"
            f"<div class=\"source-text\">{'…' if before_start > 0 else ''}{''.join(parts)}"
            f"{'…' if end + len(view['after']) < n else ''}</div></div>")


def render_sources(documents: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><b>{_e(title)}</b> <span class=\"doc\">{_e(doc_id)}</span></li>" for doc_id, title in documents)
    return f"<div class=\"sources\"><p>{len(documents)} documents indexed</p><ul>{items}</ul></div>"


def _evidence_item(ev: dict, mark: bool) -> str:
    text = f"<mark class=\"answer\">{_e(ev['text'])}</mark>" if mark else _e(ev["text"])
    link = viewer_link(ev["doc_id"], ev["start"], ev["end"], ev["start"], ev["end"])
    return (f"<li class=\"evidence\" data-label=\"{_e(ev['label'])}\"><div class=\"cite\"><span class=\"title\">"
            f"{_e(ev['title'])}</span> · <span class=\"doc\">{_e(ev['doc_id'])}</span> · <span class=\"loc\">"
            f"{_e(hit_location({**ev, 'rank': 0}))}</span> · {_e(ev['label'])} {ev['score']:.2f} · "
            f"<a class=\"in-source\" href=\"{_e(link)}\">show in the source</a></div>"
            f"<div class=\"passage\">{text}</div></li>")


def render_verdict(result: dict) -> str:
    """A claim check: the verdict, what its confidence is the confidence of, and the evidence
    sentences; with no evidence found, the closest sentences folded, unhighlighted and marked as
    not evidence."""
    label = VERDICT_WORDS.get(result["verdict"], result["verdict"])
    head = (f"<div class=\"verdict verdict-{_e(result['verdict'])}\"><h3>{_e(label)}</h3>"
            f"<p class=\"confidence\">{_e(confidence_text(result['verdict'], float(result['confidence'])))}</p>")
    if result.get("not_mentioned"):
        head += f"<p class=\"not-mentioned\">{_e(not_mentioned_text(result['not_mentioned']))}</p>"
    if result["verdict"] == "not_found":
        rows = "".join(_evidence_item(ev, mark=False) for ev in result["evidence"])
        return (head + "<details class=\"closest\"><summary>Closest sentences (not evidence)</summary>"
                f"<ol class=\"hits not-evidence\">{rows}</ol></details></div>")
    rows = "".join(_evidence_item(ev, mark=ev["label"] != "related") for ev in result["evidence"])
    return head + f"<ol class=\"hits\">{rows}</ol></div>"

"""What the CLI prints for people: hits, verdicts and the ingest report.

Public API: `format_hit`, `format_verdict`, `print_report`.
"""

from __future__ import annotations

import json

from assistant.chunking import lead_line, table_cells
from assistant.claims import VERDICT_WORDS, Verdict, confidence_text, not_mentioned_text
from assistant.index import BuildReport
from assistant.ingest import IngestEntry
from assistant.search import Hit, location_text

__all__ = ["format_hit", "format_verdict", "print_report"]


def format_hit(hit: Hit, color: bool, before: str = "", after: str = "") -> str:
    """A hit for a person: title, where it stands, the passage with its answering sentence marked,
    and the document's text `before` and `after` it (dimmed, or in [brackets] without colour)."""
    rel = hit.highlight.start - hit.start, hit.highlight.end - hit.start
    on, off = ("\033[1;33m", "\033[0m") if color else ("»", "«")
    dim, undim = ("\033[2m", "\033[0m") if color else ("[", "]")
    text = hit.text[: rel[0]] + on + hit.text[rel[0] : rel[1]] + off + hit.text[rel[1] :]
    if before:
        text = f"{dim}…{before}{undim}" + text
    if after:
        text += f"{dim}{after}…{undim}"
    section = f"{' › '.join(hit.section)} · " if hit.section else ""
    lines = [f"{hit.rank}. {hit.title}", f"   {hit.doc_id} · {section}{hit.location} · {hit.match} "
             f"(probability {hit.probability:.2f}) · score {hit.score:.3f}",
             # a highlight may hold a command on a line of its own: indented with the rest
             "   best sentence: " + "\n                  ".join(ln for ln in _best_sentence(hit).splitlines() if ln.strip()),
             ""]
    lines += ["   " + ln for ln in text.splitlines() if ln.strip()]
    return "\n".join(lines) + "\n"


def _best_sentence(hit: Hit) -> str:
    """The highlight as the summary line shows it: a table's row with each cell under its
    column's header ("Panic disorder | Starting dose: 25 mg a day | Usual maximum: 200 mg a day"),
    which a row's numbers alone do not say. The passage may open inside a table, whose first row
    there is no header: a header holds no digit."""
    said = hit.highlight.text
    at = hit.highlight.start - hit.start
    if "\n" in said.strip() or " | " not in said or not 0 <= at < len(hit.text):
        return said
    header = lead_line(hit.text, at)
    cells = [] if any(c.isdigit() for c in header) else table_cells(header, said.strip())
    return " | ".join([cells[0].label, *(f"{c.head}: {c.value}" for c in cells)]) if cells else said


def format_verdict(v: Verdict) -> str:
    lines = [VERDICT_WORDS[v.verdict].upper(), confidence_text(v.verdict, v.confidence)]
    lines += [not_mentioned_text(v.not_mentioned)] if v.not_mentioned else []
    lines.append("")
    if v.verdict == "not_found" and v.evidence:
        lines.append("The closest sentences, which are not evidence for or against the claim:")
    for i, e in enumerate(v.evidence, start=1):
        where = location_text(e.start, e.end, [e.page] if e.page else [], e.page_label)
        section = f"{e.section} · " if e.section else ""
        lines.append(f"{i}. [{e.label} {e.score:.2f}] {e.title} · {e.doc_id} · {section}{where}")
        lines.append(f"   {e.text}")
    return "\n".join(lines)


def print_report(entries: list[IngestEntry], passages: dict[str, int], as_json: bool, out,
                 build: BuildReport | None = None) -> None:
    for e in entries:
        if e.status == "ok":
            e.passages = passages.get(e.doc_id, 0)
    if as_json:
        payload = {"files": [e.__dict__ for e in entries]}
        if build is not None:
            payload["index"] = {
                "documents": build.documents, "embedded_documents": build.embedded_documents,
                "reused_documents": build.reused_documents, "removed_documents": build.removed_documents,
                "passages": build.passages, "sentences": build.sentences,
                "embedded_passages": build.embedded_passages, "embed_seconds": round(build.embed_seconds, 3),
                "passages_per_second": round(build.passages_per_second, 2),
                "tokens_per_second": round(build.tokens_per_second, 1), "notice": build.notice,
            }
        print(json.dumps(payload, ensure_ascii=False), file=out)
        return
    ok = sum(e.status == "ok" for e in entries)
    if len(entries) <= 200:
        for e in entries:
            print(e.line(), file=out)
    else:  # a JSONL collection: list only the problems
        for e in entries:
            if e.status != "ok":
                print(e.line(), file=out)
    print(f"{ok} of {len(entries)} inputs read, {len(entries) - ok} skipped", file=out)
    if build is not None:
        if build.notice:
            print(f"note: {build.notice}", file=out)
        speed = (f"; embedding {build.passages_per_second:.1f} passages/s, {build.tokens_per_second:.0f} tokens/s"
                 if build.embedded_passages else "")
        print(f"index: {build.documents} documents ({build.embedded_documents} embedded, "
              f"{build.reused_documents} unchanged, {build.removed_documents} removed), "
              f"{build.passages} passages, {build.sentences} sentences{speed}", file=out)

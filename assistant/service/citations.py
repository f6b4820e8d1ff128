"""Citations of cited passages in the formats people paste: plain text, Markdown with the link to
the passage in the source viewer, BibTeX and RIS built from what the document states about itself
(title, authors, year, DOI).

Public API: `CitationFormat`, `FORMATS`, `cite`, `cite_hits`, `hit_location`, `viewer_link`.

A hit is a dictionary as `Service.search` answers it.  Every entry names the passage (document,
location), quotes the answering sentence and links to the viewer at the cited spot.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Literal, get_args

from assistant.index import Index
from assistant.ingest import Document
from assistant.search.hits import location_text

__all__ = ["FORMATS", "CitationFormat", "cite", "cite_hits", "hit_location", "viewer_link"]

CitationFormat = Literal["plain", "markdown", "bibtex", "ris"]
FORMATS: tuple[str, ...] = get_args(CitationFormat)


def viewer_link(doc_id: str, start: int, end: int, mark_start: int, mark_end: int, page: int | None = None) -> str:
    """The page's address (relative) of the source viewer on a span of a document, with the sentence
    to mark and, for a PDF, the page to show when it is not the sentence's."""
    query = {"doc": doc_id, "start": start, "end": end, "hs": mark_start, "he": mark_end}
    if page is not None:
        query["page"] = page
    return f"?{urllib.parse.urlencode(query)}#source"


def hit_location(hit: dict) -> str:
    """Section, page or page range, printed page number and characters of a hit or evidence dictionary."""
    page = hit.get("page")
    pages = page if isinstance(page, list) else [page] if page else []
    where = location_text(hit["start"], hit["end"], pages, hit.get("page_label") or "")
    return f"{hit['section']}, {where}" if hit.get("section") else where


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plain(hit: dict, doc: Document | None, link: str) -> str:
    doi = f" https://doi.org/{doc.doi}" if doc is not None and doc.doi else ""
    # one line per citation, a command after its colon too
    return f"[{hit['rank']}] {hit['title']} ({hit['doc_id']}, {hit_location(hit)}): \"{_one_line(hit['highlight']['text'])}\"{doi}"


# Characters Markdown reads as markup ("<version>" as a tag, "*" as emphasis, "|" as a table's bar):
# a backslash makes each literal, as CommonMark allows before any ASCII punctuation.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#])")


def _md_literal(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_quote(text: str) -> str:
    """A block quote inside a list item, every line of it quoted (a highlight may hold a command
    on a line of its own), its markup characters literal."""
    return "\n".join(f"   > {_md_literal(line)}".rstrip() for line in text.split("\n"))


def _markdown(hit: dict, doc: Document | None, link: str) -> str:
    title = _md_literal(hit["title"])
    head = f"[{title}]({link})" if link else title
    byline = ", ".join(x for x in (_authors_short(doc), doc.year if doc else "") if x)
    doi = f" [doi:{doc.doi}](https://doi.org/{doc.doi})" if doc is not None and doc.doi else ""
    return (f"{hit['rank']}. {head}{f' ({byline})' if byline else ''} — `{hit['doc_id']}`, {hit_location(hit)}.{doi}\n"
            f"{_md_quote(hit['highlight']['text'])}")


def _authors_short(doc: Document | None) -> str:
    if doc is None or not doc.authors:
        return ""
    return doc.authors[0] + (" et al." if len(doc.authors) > 2 else f" and {doc.authors[1]}" if len(doc.authors) == 2 else "")


_BIB = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
        "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def _bib(text: str) -> str:
    return "".join(_BIB.get(c, c) for c in text)


def _bib_key(hit: dict, doc: Document | None) -> str:
    surname = doc.authors[0].split(",")[0].split()[-1] if doc is not None and doc.authors else ""
    word = next((w for w in re.findall(r"[A-Za-z]+", hit["title"]) if len(w) > 3), "doc")
    key = re.sub(r"[^A-Za-z0-9]", "", f"{surname}{doc.year if doc else ''}{word}".lower()) or "doc"
    return f"{key}-{hit['rank']}"


def _bibtex(hit: dict, doc: Document | None, link: str) -> str:
    fields = [("title", "{" + _bib(hit["title"]) + "}")]
    if doc is not None and doc.authors:
        fields.append(("author", "{" + " and ".join(_bib(a) for a in doc.authors) + "}"))
    if doc is not None and doc.year:
        fields.append(("year", "{" + doc.year + "}"))
    if doc is not None and doc.doi:
        fields.append(("doi", "{" + _bib(doc.doi) + "}"))
    if link:
        fields.append(("url", "{" + link + "}"))
    fields.append(("note", "{" + _bib(f"{hit['doc_id']}, {hit_location(hit)}: \"{hit['highlight']['text']}\"") + "}"))
    kind = "article" if doc is not None and doc.doi else "misc"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{_bib_key(hit, doc)},\n{body}\n}}"


def _ris(hit: dict, doc: Document | None, link: str) -> str:
    lines = [("TY", "JOUR" if doc is not None and doc.doi else "GEN"), ("TI", _one_line(hit["title"]))]
    lines += [("AU", a) for a in (doc.authors if doc is not None else ())]
    if doc is not None and doc.year:
        lines.append(("PY", doc.year))
    if doc is not None and doc.doi:
        lines.append(("DO", doc.doi))
    page = hit.get("page_label") or (hit["page"] if isinstance(hit.get("page"), int) else "")
    if page:
        lines.append(("SP", str(page)))
    if link:
        lines.append(("UR", link))
    lines.append(("N1", _one_line(f"{hit['doc_id']}, {hit_location(hit)}: \"{hit['highlight']['text']}\"")))
    return "\n".join(f"{tag}  - {value}" for tag, value in lines) + "\nER  - "


_WRITERS = {"plain": _plain, "markdown": _markdown, "bibtex": _bibtex, "ris": _ris}


def cite(hits: list[dict], documents: dict[str, Document], fmt: CitationFormat = "plain", base_url: str = "") -> str:
    """The citations of `hits` in `fmt`, one entry per hit; `documents` by id supply authors, year
    and DOI (a hit whose document is unknown is cited from the hit alone); with `base_url` (the
    page's address) each entry links to the viewer at its passage."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown citation format '{fmt}' (one of {', '.join(FORMATS)})")
    sep = "\n" if fmt == "plain" else "\n\n"
    out = []
    for h in hits:
        link = base_url + viewer_link(h["doc_id"], h["start"], h["end"], h["highlight"]["start"],
                                      h["highlight"]["end"]) if base_url else ""
        out.append(_WRITERS[fmt](h, documents.get(h["doc_id"]), link))
    return sep.join(out)


def cite_hits(index: Index, hits: list[dict], fmt: CitationFormat = "plain", base_url: str = "") -> str:
    """`cite` with the documents read from `index` (a hit whose document it no longer holds is cited
    from the hit alone)."""
    documents = {}
    for doc_id in {h["doc_id"] for h in hits}:
        row = index.doc_row(doc_id)
        if row is not None:
            documents[doc_id] = index.document(row)
    return cite(hits, documents, fmt, base_url)

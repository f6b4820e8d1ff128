"""HTML pages: visible text with block structure, and the page's title.

Public API: `read_html`.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from assistant.ingest.model import IngestError
from assistant.ingest.plain import decode_bytes

__all__ = ["read_html"]


class _HTMLText(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
             "button", "svg", "iframe", "select"}
    _BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "section", "article", "blockquote", "pre", "dd", "dt", "figcaption", "main", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.h1 = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
        if tag in ("title", "h1"):
            self._in = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in == "h1":
            self.h1 += data
        self.parts.append(data)


def read_html(data: bytes) -> tuple[str, str, str]:
    raw, note = decode_bytes(data)
    parser = _HTMLText()
    try:
        parser.feed(raw)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise IngestError(f"unreadable HTML ({exc})") from exc
    text = "".join(parser.parts)
    title = (parser.h1 or parser.title).strip()
    return text, re.sub(r"\s+", " ", html.unescape(title)), note

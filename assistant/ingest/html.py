"""HTML pages: the main content (trafilatura: navigation, sidebars, share widgets, comments and
footers left out) with its headings, the page's title, and what its `<meta>` tags say about
authors, date and DOI (Highwire `citation_*`, Dublin Core, Open Graph `article:*`).  A page
trafilatura finds no main content in is read whole, as its visible text outside navigation.

Public API: `read_html`.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser

from assistant.ingest.clean import title_parts
from assistant.ingest.headings import TextRead
from assistant.ingest.markdown import _BREAK_TAG, _TAG, MIN_CONTENTS_LINKS, markdown_text, math_as_text, superscripts_as_text
from assistant.ingest.model import IngestError
from assistant.ingest.plain import decode_bytes
from assistant.ingest.reference import find_doi, split_authors, surname, year_of
from assistant.text import stems

__all__ = ["read_html"]

_HN = re.compile(r"h[1-6]")


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
        self._in: str | None = None
        self.meta: dict[str, list[str]] = {}
        self.headings: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = dict(attrs)
            name, content = (a.get("name") or a.get("property") or "").lower(), a.get("content")
            if name and content:
                self.meta.setdefault(name, []).append(html.unescape(content))
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")
        if tag == "title" or _HN.fullmatch(tag):
            self._in = tag
            if tag != "title":
                self.headings.append((int(tag[1]), ""))

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
        if self._in and self._in != "title" and self.headings:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)
        self.parts.append(data)


_TITLE_TAGS = ("citation_title", "dc.title")
_AUTHOR_TAGS = ("citation_author", "dc.creator", "author", "article:author")
_DATE_TAGS = ("citation_publication_date", "citation_date", "dc.date", "article:published_time", "date")
_DOI_TAGS = ("citation_doi", "dc.identifier", "prism.doi")


def _first(tags: dict[str, list[str]], names: tuple[str, ...], parse) -> str:
    """What `parse` reads from the first of the tags `names` that gives something; "" when none does."""
    for name in names:
        found = parse(tags[name][0]) if tags.get(name) else ""
        if found:
            return found
    return ""


# A page that marks its content as such.
_MARKED_MAIN = re.compile(r"<(?:main|article)\b|\brole\s*=\s*[\"']?main\b", re.I)


def _body_as_article(page: str) -> str:
    """The page with its body marked as its article; a page that leaves `<body>` out (groff's
    HTML) has what follows its head marked so (its headings had all been left out)."""
    if re.search(r"<body\b", page, re.I):
        return re.sub(r"(</body\s*>)", r"</article>\1", re.sub(r"(<body\b[^>]*>)", r"\1<article>", page, count=1, flags=re.I),
                      count=1, flags=re.I)
    head = re.search(r"</head\s*>", page, re.I)
    at = head.end() if head else 0
    end = re.search(r"</html\s*>", page, re.I)
    stop = end.start() if end else len(page)
    return f"{page[:at]}<body><article>{page[at:stop]}</article></body>{page[stop:]}"


def _main_content(page: str) -> str:
    """The page's main content as Markdown (headings kept), or "" when trafilatura finds none.  Its
    precision mode: in recall mode a short page's navigation links come back as text.  A page with
    no `<main>`, `<article>` or `role="main"` (a manual, a generated or an older page) has its body
    marked as its article first (`_body_as_article`): without, trafilatura dropped every heading of such pages and the
    text set outside paragraphs, while it still leaves out navigation, headers and footers. An
    article, not a main: trafilatura looks for an article before a `<div class="content">`, and took
    a code listing's (asciidoc's) for the page's body, setting it before the headings above it."""
    import trafilatura

    if not _MARKED_MAIN.search(page):
        page = _body_as_article(page)

    try:
        md = trafilatura.extract(page, output_format="markdown", include_tables=True, include_comments=False,
                                 include_images=False, favor_precision=True) or ""
    except Exception:  # a page it cannot parse is read by the plain parser below
        return ""
    return _fences_mended(md)


def _fences_mended(md: str) -> str:
    """trafilatura's Markdown with its code fences where Markdown reads them: a `<pre>` right after
    a paragraph comes out with its opening fence at the end of the paragraph's line, and one in a
    list item with it indented while its closing fence is not. Markdown sees no fence there, and
    the closing fence would open one, swallowing the headings after it. Two `<code>` elements side
    by side come out as "`a``b`", which Markdown reads as one span holding "``": set apart. A
    `<pre>` in a table's cell (a Texinfo menu's comment, a configuration file's example) comes out
    as fences inside its row, which no fence can open: each is a code span's mark, the cell's text
    read as written ("<families>" stays; read as a fence, "| ```   ``` |" had opened one that
    swallowed the rest of the page)."""
    md = _ADJACENT_SPANS.sub("` `", md)
    md = _TABLE_ROW.sub(lambda m: m.group().replace("```", "`"), md) if "|" in md else md
    return _INDENTED_FENCE.sub(r"\1", _FENCE_AFTER_TEXT.sub("\n\n```", md))


# After a word, or after a code span and a space ("`node entry.js` ```").
_FENCE_AFTER_TEXT = re.compile(r"(?:(?<=[^\s`])[ \t]*|(?<=[^\s`]`)[ \t]+)```(?=[ \t]*\n)")
_TABLE_ROW = re.compile(r"^\|.*```.*$", re.M)
_ADJACENT_SPANS = re.compile(r"(?<=[^\s`])``(?=[^\s`])")
_INDENTED_FENCE = re.compile(r"^[ \t]+(```)", re.M)
# A heading's permalink (Sphinx and MkDocs print "¶", others "#", "§" or a link symbol) is a link
# to itself, not part of its text.
_PERMALINK = re.compile(r"<a\b[^>]*>\s*(?:¶|§|#|🔗|&para;|&#182;|&sect;|&#167;)\s*</a>", re.I)
# A heading whose text is a link to itself (mdBook, Docusaurus, many blogs) reads to trafilatura as
# a link, and link text is left out as navigation: the in-page anchor is unwrapped. A heading's
# content is bounded: unbounded, each of 20,000 unclosed "<h2>" scanned to the end of the page.
_HEADING_ELEMENT = re.compile(r"(<h([1-6])\b[^>]*>)(.{0,3000}?)(</h\2\s*>)", re.I | re.S)
_SELF_ANCHOR = re.compile(r"<a\b(?![^>]*\bhref\s*=\s*[\"']?[^#\"'\s>])[^>]*>(.*?)</a\s*>", re.I | re.S)
# A link in a heading whose text is a bracketed word ("[src]", "[edit]"), or a word link between
# brackets (a wiki's "[<a>edit</a>]", each bracket in a span), leads to the page's source or
# editor, and is no part of the heading (a type in brackets, "[T; N]", "[u8]", is); nor is one
# that says "Source" and leads off the page (rustdoc's beside each method's signature; a link to
# "#source" is a heading's own anchor).
_BRACKETED_LINK = re.compile(r"<a\b[^>]*>\s*\[[A-Za-z][A-Za-z ]{1,19}\]\s*</a\s*>|"
                             r"(?:<span\b[^>]*>\s*)?\[\s*(?:</span\s*>)?\s*<a\b[^>]*>\s*[A-Za-z][A-Za-z ]{1,19}\s*</a\s*>\s*"
                             r"(?:<span\b[^>]*>\s*)?\](?:\s*</span\s*>)?|"
                             r"<a\b(?=[^>]*\bhref\s*=\s*[\"']?[^#\"'\s>])[^>]*>\s*(?:source|src)\s*</a\s*>", re.I)
# Documentation generators name a section's anchor after its heading ("Menus" -> id="menus",
# "Editing and Navigation" -> id="editing-and-navigation"), and trafilatura drops an element whose id
# sounds like navigation: the anchor of a heading, or of the section it opens, is no clue and goes.
_ID = r"\s+id\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)"
_SECTION_ID = re.compile(rf"<((?:section|div)\b[^>]*?){_ID}([^>]*>)(?=\s*(?:<(a|span)\b[^>]*>\s*</\3>\s*)*<h[1-6]\b)", re.I)
_HEADING_ID = re.compile(rf"<(h[1-6]\b[^>]*?){_ID}", re.I)


# A heading over nothing but links into the page itself ("Table of contents", "On this page") heads
# navigation, not a section: trafilatura leaves the list of links out, and the heading, kept, became
# the parent of every section after it ("Table of contents › Description" on each of npm's pages).
_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^<>]*)>|[^<]+|<")
# The same, with a comment or declaration as one piece: markup commented out ("<!-- <div> -->") is none.
_PIECE = re.compile(r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][\w-]*)([^<>]*)>|[^<]+|<", re.S)
_HREF = re.compile(r"\bhref\s*=\s*[\"']?([^\"'\s>]*)", re.I)


def _links_into_page_dropped(body: str) -> str | None:
    """`body` without its links when it holds nothing but links into the page itself, three or
    more; else None. One pass over its tags: a page of unclosed links costs no more than others."""
    depth, links, kept = 0, 0, []
    for m in _TOKEN.finditer(body):
        name = (m.group(2) or "").lower()
        if name == "a":
            if m.group(1):
                depth = max(0, depth - 1)
                continue
            href = _HREF.search(m.group(3))
            if href and not href.group(1).startswith("#"):
                return None
            links, depth = links + bool(href), depth + 1
        elif not depth:
            if not name and html.unescape(m.group()).strip():
                return None  # words outside a link
            kept.append(m.group())
    return "".join(kept) if links >= MIN_CONTENTS_LINKS else None


# A heading set inside a definition's term or text, an aside or a figure heads that box alone (a
# DocBook "Note" or "Important" in an option's description). As a section it became the parent of
# everything after the box (every option of xsltproc's man page after the first note sat under
# "OPTIONS › Note"), so it is read as the box's bold label.  Not in a list item or a table cell,
# where older sites set whole sections, nor in an admonition's <div> (without its heading,
# trafilatura leaves such a box out).
_BOXES = {"dd", "dt", "aside", "figure"}
# Elements whose end tag HTML lets a writer leave out, closed by the next of their kind in their parent.
_IMPLIED_END = {"li": ("ul", "ol", "menu"), "dd": ("dl",), "dt": ("dl",), "td": ("tr", "table"), "th": ("tr", "table"),
                "tr": ("table", "tbody", "thead", "tfoot")}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


def _boxed_headings_as_labels(raw: str) -> str:
    """`raw` with each heading inside a box (`_BOXES`) written as a bold paragraph. One pass over
    the tags (`_OpenBlocks` tracks every element, end tags a writer may leave out implied)."""
    opened = _OpenBlocks()
    edits: list[tuple[int, int, str]] = []
    for m in _PIECE.finditer(raw):
        name = (m.group(2) or "").lower()
        if not name or name in _VOID:
            continue
        if m.group(1):
            opened.close(name)
            continue
        parents = _IMPLIED_END.get(name)
        if parents and any(opened.count[n] for n in parents):
            while opened.top() not in parents:
                opened.close(opened.top())
        if name in _HEADING_NAMES and any(opened.count[b] for b in _BOXES):
            # within as many characters as `_HEADING_ELEMENT` reads: unclosed headings cost linear time
            close = re.compile(rf"</{name}\s*>", re.I).search(raw, m.end(), m.end() + 3000)
            if close is not None:
                edits += [(m.start(), m.end(), "<p><strong>"), (close.start(), close.end(), "</strong></p>")]
        if not m.group(3).rstrip().endswith("/"):
            opened.open(name)
    out, at = [], 0
    for start, end, text in edits:  # in order, and never overlapping: a heading holds no heading
        if start >= at:
            out += [raw[at:start], text]
            at = end
    return "".join(out) + raw[at:]


_HEADING_NAMES = {f"h{n}" for n in range(1, 7)}


# A `<details>` element's `<summary>` that holds a heading: trafilatura writes every summary as a
# heading of its own ("## " and its text, which an FAQ's question is), so the heading inside came
# out as "## ### Do you offer online sessions?", its marks read as words. The summary is the heading.
# Its links are its words too: a summary of mostly links (rustdoc's method header, "1.0.0 · Source
# pub fn truncate(&mut self, len: usize)", each name a link) was left out as navigation.
_SUMMARY = re.compile(r"(<summary\b[^>]*>)(.*?)(</summary\s*>)", re.I | re.S)
_HEADING_TAG = re.compile(r"</?h[1-6]\b[^>]*>", re.I)
_LINK_TAG = re.compile(r"</?a\b[^>]*>", re.I)


# A page's title set as a block of class "title" (Doxygen's `<div class="title">Designated
# initializers</div>` under the site's name in `<title>`), on a page with no `<h1>`.
_TITLE_BLOCK = re.compile(r"<div\b[^>]*\bclass\s*=\s*[\"']?title[\"'\s>][^>]*>([^<]{1,300})</div\s*>", re.I)
_H1 = re.compile(r"<h1\b", re.I)


# A section's `<header>` that holds only its heading (RDoc's "<header><h3>Constants</h3></header>"):
# that heading, not the page's banner, which trafilatura leaves out with every header.
_SECTION_HEADER = re.compile(r"<header\b[^>]*>\s*(<h([1-6])\b[^>]*>.{0,500}?</h\2\s*>)\s*</header\s*>", re.I | re.S)
# An instruction to click set beside what it works on ("click to toggle source" after each of
# RDoc's method signatures): a control's label, no text of the page.
_CLICK_LABEL = re.compile(r"<span\b[^>]*>\s*click\s+(?:here\s+)?to\s+\w+(?:\s+\w+){0,2}\s*</span\s*>", re.I)


def _section_headers_unwrapped(raw: str) -> str:
    return _CLICK_LABEL.sub("", _SECTION_HEADER.sub(r"\1", raw))


def _title_block_as_heading(raw: str) -> str:
    """`raw` with its first title block (`_TITLE_BLOCK`) made its `<h1>` where it has none: the page's
    name, read as its title and its first heading rather than a line of text; and the author and
    date lines of a title block set as headings (`_BYLINE_HEADING`) made paragraphs."""
    raw = _BYLINE_HEADING.sub(r"<p>\2</p>", raw)
    if _H1.search(raw):
        return raw
    return _TITLE_BLOCK.sub(r"<h1>\1</h1>", raw, count=1)


# The author or date line of a page's title block that its template sets as a heading (R Markdown's
# '<h4 class="date">Edited: October, 2022; Compiled: December 23, 2022</h4>'): a byline, which had
# headed the page's text as a section.
_BYLINE_HEADING = re.compile(r"<h([1-6])\b[^>]*\bclass\s*=\s*[\"']?(?:author|date)[\"'\s>][^>]*>(.{0,500}?)</h\1\s*>",
                             re.I | re.S)


# A summary that only says what clicking it does ("Expand description", "Show more", "Click to
# expand"): a control's label, which trafilatura would make a heading over the whole disclosure.
_CONTROL_WORDS = r"(?:click\s+(?:here\s+)?to\s+)?(?:expand|collapse|show|hide|toggle|view|see|read|open|close)(?:/\w+)?"
_CONTROL_LABEL = re.compile(rf"^\s*{_CONTROL_WORDS}(?:\s+\S+){{0,2}}\s*$", re.I)
# A summary's own words before such a label ("TODO 2: Click to show/hide answer", CMake's tutorial).
_CONTROL_TAIL = re.compile(rf"^\s*(\S.*?)\s*[:|\u2013\u2014-]\s*{_CONTROL_WORDS}(?:\s+\S+){{0,2}}\s*$", re.I | re.S)
# What sets a summary's level, in the page's order: a heading's opening tag, a disclosure's
# opening and closing tags, a summary.
_LEVEL_MARK = re.compile(r"<h([1-6])\b|<(/?)details\b[^>]*>|" + _SUMMARY.pattern, re.I | re.S)


def _summaries_as_headings(raw: str) -> str:
    """`raw` with each `<summary>` made a heading one level under the heading it stands under (a
    clinic's FAQ under "Booking › Online sessions", not a section beside "Booking"; the second
    level under the page's title or where none stands above it; the headings inside a disclosure
    closed before it do not count), its text kept without the heading tags and links inside it, but
    for permalinks and links to the source (`_PERMALINK`, `_BRACKETED_LINK`); a summary that is a
    control's label (`_CONTROL_LABEL`: rustdoc's "Expand description" over every item's text) left
    out, and one that ends in such a label keeps the words before it."""
    out, at, level, opened = [], 0, 1, []
    for m in _LEVEL_MARK.finditer(raw):
        if m.group(1):
            level = int(m.group(1))
        elif m.group(2) is not None:
            if m.group(2):
                level = opened.pop() if opened else level
            else:
                opened.append(level)
        else:
            out.append(raw[at:m.start()])
            at = m.end()
            words = html.unescape(_TAG.sub(" ", m.group(4)))
            if _CONTROL_LABEL.match(words):
                continue
            inner = _LINK_TAG.sub("", _HEADING_TAG.sub(" ", _BRACKETED_LINK.sub("", _PERMALINK.sub("", m.group(4)))))
            if tail := _CONTROL_TAIL.match(words):
                inner = html.escape(" ".join(tail.group(1).split()))
            level = min(6, max(2, level + 1))
            out.append(f"<h{level}>{inner}</h{level}>")
    out.append(raw[at:])
    return "".join(out)


# trafilatura leaves out the words after an inline element that holds nothing, with it, or the
# whole paragraph it opens: an icon font's `<i class="fa fa-warning"></i>` or `<span
# class="icon"></span>` before a warning lost the warning, and DocBook's warning icon (`<span
# class="inlinemediaobject"><img ...></span>`) before "The password for this user must ..." took
# those words with it (the rest of the sentence was read onto the paragraph above). An image is no
# text either (and trafilatura is told to leave images out): images go, then inline elements left
# empty, inner ones first.
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
# One that holds only a space is that space (Sphinx sets the spaces of a signature so: "classmethod"
# and "date.today()" had run together).
_EMPTY_INLINE = re.compile(r"<(span|font|em|strong|b|i|small|big)\b[^>]*>(\s*)</\1\s*>", re.I)


def _empty_inlines_dropped(raw: str) -> str:
    raw = _IMAGE.sub("", raw)
    while True:
        emptied = _EMPTY_INLINE.sub(r"\2", raw)
        if emptied == raw:
            return raw
        raw = emptied


# A one-line display set between the parts of a sentence: DocBook's `<screen>` inside a paragraph
# becomes "<p>In order to obtain more information about the network hardware</p><pre>lshw -class
# network</pre><p>can be used.</p>", and the highlight was the sentence's first part alone. Where
# the paragraph before stops mid-sentence (six words or more, ending in a letter or a digit) and the
# one after goes on in lower case, the display is read as code inside the one sentence. (A display
# that ends its paragraph stays apart: "A line like the following needs to be added to
# .../debian-edu-install.dat" is a sentence before its listing.)
_DISPLAY_AFTER = re.compile(r"</p\s*>\s*<pre\b[^>]*>([^<\n]{1,100})</pre\s*>\s*<p\b[^>]*>(?=\s*(?-i:[a-z]))", re.I)
_PARAGRAPH_OPEN = re.compile(r"<p\b[^>]*>", re.I)
DISPLAY_LEAD_WORDS = 6


def _displays_in_sentences(raw: str) -> str:
    if "<pre" not in raw.lower():
        return raw

    def inline(m: re.Match) -> str:
        opened = max((p.end() for p in _PARAGRAPH_OPEN.finditer(raw, max(0, m.start() - 2000), m.start())), default=-1)
        lead = html.unescape(_TAG.sub(" ", raw[opened : m.start()])).strip() if opened >= 0 else ""
        if len(lead.split()) < DISPLAY_LEAD_WORDS or not lead[-1:].isalnum():
            return m.group()
        return f" <code>{m.group(1)}</code> "

    return _DISPLAY_AFTER.sub(inline, raw)


# A link with no text (an icon: rustdoc's "Run code" arrow beside every example) shows nothing to
# read, yet trafilatura weighed it as a link: the block around it, a code example and often the
# next method's header, was left out as navigation. So did an anchor with no text (DocBook's index
# terms, `<a id="..." class="indexterm"></a>`, before an example's title and in a box's text). One
# that holds only a space is that space: man2html's `<a name="lbAC">&nbsp;</a>` after each
# section's text took a manual page's one-line NAME ("bash - GNU Bourne-Again SHell") with it.
_EMPTY_LINK = re.compile(r"<a\b[^>]*>((?:\s|&nbsp;|&#160;|&#[xX][aA]0;)*)</a\s*>", re.I)


def _empty_links_dropped(raw: str) -> str:
    return _EMPTY_LINK.sub(lambda m: " " if m.group(1) else "", raw)


# A name in code that links to its own documentation inside a sentence ("It is returned by
# <a><code>Metadata::file_type</code></a> method.") is a word of the sentence, not navigation; but
# trafilatura weighed it as a link, and left out a short paragraph of API documentation, often a
# type's whole description, for its share of link text.
_CODE_LINK = re.compile(r"<a\b[^>]*>\s*(<code\b[^>]*>[^<]*(?:<(?!/?(?:a|code)\b)[^>]*>[^<]*)*</code\s*>)\s*</a\s*>", re.I)
PROSE_WORDS = 3  # the fewest words of a paragraph outside its links that make it a sentence around them


# A link the page marks as a name in code (Doxygen's `<a class="code">` around each function a
# listing calls): trafilatura weighed it as a link, and left out every line of an example that
# opened with one ("apop_text_to_db("infile.txt", "intable");" went, four listings of a page).
_MARKED_CODE_LINK = re.compile(r"<a\b(?=[^>]*\bclass\s*=\s*[\"']?(?:[\w-]+\s+)*code(?:Ref)?\b)[^>]*>(.*?)</a\s*>", re.I | re.S)


def _code_links_in_prose_unwrapped(raw: str) -> str:
    """`raw` with each link the page marks as code unwrapped (`_MARKED_CODE_LINK`), and each link
    whose text is one code element, in a paragraph (`_PARAGRAPH`) that says `PROSE_WORDS` words or
    more outside its links."""
    raw = _MARKED_CODE_LINK.sub(r"\1", raw)

    def paragraph(m: re.Match) -> str:
        body = m.group(1)
        if "<code" not in body.lower() or len(_TAG.sub(" ", _LINK.sub(" ", body)).split()) < PROSE_WORDS:
            return m.group(0)
        return m.group(0)[: m.start(1) - m.start()] + _CODE_LINK.sub(r"\1", body) + m.group(0)[m.end(1) - m.start() :]

    return _PARAGRAPH.sub(paragraph, raw) if "<code" in raw.lower() else raw


# A list item's own text, up to its end or a list nested in it (an item may leave `</li>` out).
_LIST_ITEM = re.compile(r"(<li\b[^>]*>)(.{0,3000}?)(?=<li\b|</li\s*>|</?[ou]l\b)", re.I | re.S)
ITEM_PROSE_WORDS = 6  # the fewest words of a list item outside its links that make it a sentence around them


def _prose_links_in_items_unwrapped(raw: str) -> str:
    """`raw` with the links unwrapped in each list item that says `ITEM_PROSE_WORDS` words or more
    outside its links, twice as many as inside: a link inside a sentence is a word of it. trafilatura
    weighs a short list whose links are all short as navigation, and left out a release note's
    sub-items ("Fix table rename ... in <a>triggers</a> and <a>views</a>."); a menu's items are
    links alone, and stay links."""
    def item(m: re.Match) -> str:
        body = m.group(2)
        if "<a" not in body.lower():
            return m.group(0)
        outside = len(html.unescape(_TAG.sub(" ", _LINK.sub(" ", body))).split())
        inside = sum(len(_TAG.sub(" ", link).split()) for link in _LINK.findall(body))
        if outside < ITEM_PROSE_WORDS or outside < 2 * inside:
            return m.group(0)
        return m.group(1) + _LINK.sub(word, body)

    def word(link: re.Match) -> str:
        # a web address shown for its own sake (the Debian handbook's "→ https://..." after a
        # sentence) is a reference, left to trafilatura as a link
        text = html.unescape(_TAG.sub("", link.group())).strip()
        return link.group() if _ADDRESS_TEXT.match(text) else _LINK_TAG.sub("", link.group())

    return _LIST_ITEM.sub(item, raw) if "<li" in raw.lower() else raw


_ADDRESS_TEXT = re.compile(r"(?:https?://|www\.)\S+$", re.I)


# An accordion's (or any disclosure widget's) question is the text of the `<button>` that opens its
# answer, alone or inside a heading ("<h2><button ...>How long is a session?</button></h2>",
# Bootstrap's markup): trafilatura leaves buttons out, so each answer stood without its question.
_BUTTON = re.compile(r"<button\b([^>]*)>(.*?)</button\s*>", re.I | re.S)
_DISCLOSES = re.compile(r"\baria-(?:expanded|controls)\s*=|\bdata-(?:bs-)?toggle\s*=\s*[\"']?collapse", re.I)
DISCLOSURE_WORDS = 3  # the fewest words of a button read as a question ("Toggle navigation", "Show more" are not)


def _disclosure_buttons_as_text(raw: str) -> str:
    """`raw` with a button inside a heading replaced by its content where it is the heading's text
    (an accordion's question), and left out where the heading has text of its own (an action beside
    it: rustdoc's "Copy item path" after "Constant STDERR"), and a button that discloses a region
    (`aria-expanded`, `aria-controls`, a collapse toggle) of `DISCLOSURE_WORDS` words or more made a
    paragraph of its text."""
    def heading(m: re.Match) -> str:
        own = html.unescape(_TAG.sub(" ", _BUTTON.sub(" ", m.group(3)))).strip()
        return m.group(1) + _BUTTON.sub(lambda b: "" if own else b.group(2), m.group(3)) + m.group(4)

    raw = _HEADING_ELEMENT.sub(heading, raw)

    def question(m: re.Match) -> str:
        words = html.unescape(_TAG.sub(" ", m.group(2))).split()
        return f"<p>{m.group(2)}</p>" if _DISCLOSES.search(m.group(1)) and len(words) >= DISCLOSURE_WORDS else m.group(0)

    return _BUTTON.sub(question, raw)


# A table of contents labelled by a short paragraph rather than a heading (docutils' "contents"
# directive: '<p class="topic-title">Contents</p>' over its list of links): trafilatura leaves the
# links out and kept the label, a line "Contents" at the top of the page's first passage.
_SHORT_PARAGRAPH_BEFORE_LIST = re.compile(r"<p\b[^>]*>([^<]{1,40})</p\s*>\s*(?=<(ul|ol)\b)", re.I)
_BULLETED_LIST_TAG = re.compile(r"<(/?)(ul|ol)\b[^>]*>", re.I)


def _contents_labels_dropped(raw: str) -> str:
    """`raw` without a short paragraph (`_SHORT_PARAGRAPH_BEFORE_LIST`: four words at most, no
    sentence) that labels a list of nothing but links into the page itself, nor that list: the
    heading over them both would otherwise stand over links alone, and go as a contents' heading
    (`_contents_dropped`)."""
    out, at = [], 0
    for m in _SHORT_PARAGRAPH_BEFORE_LIST.finditer(raw):
        words = html.unescape(m.group(1)).split()
        if m.start() < at or not words or len(words) > 4 or re.search(r"[.:;!?]$", words[-1]):
            continue
        depth = 0
        for tag in _BULLETED_LIST_TAG.finditer(raw, m.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                if _links_into_page_dropped(raw[m.end() : tag.end()]) is not None:
                    out.append(raw[at : m.start()])
                    at = tag.end()
                break
    return "".join(out) + raw[at:]


def _contents_dropped(raw: str) -> str:
    """`raw` without the headings of its tables of contents and their links (other tags stay, so
    the elements around them still close).  A heading whose links are followed by headings of a
    lower level, one of several headings of its level, is a chapter's over its own sections'
    contents (Texinfo's `<ul class="section-toc">` under "2 R Basics", beside "1 Introduction"
    and "3 R and S"): the links go and it stays, since without it every section after it had stood
    under the chapter before.  A page's contents ("On this page" over the h3 sections) is the one
    heading of its level."""
    headings = list(_HEADING_ELEMENT.finditer(raw))
    levels = [int(h.group(2)) for h in headings]
    out, at = [], 0
    for i, (h, nxt) in enumerate(zip(headings, headings[1:])):
        rest = _links_into_page_dropped(raw[h.end() : nxt.start()])
        if rest is not None:
            chapter = levels[i + 1] > levels[i] and levels.count(levels[i]) > 1
            out += [raw[at : h.end() if chapter else h.start()], rest]
            at = nxt.start()
    return "".join(out) + raw[at:]


# A bracketed word link set right after a heading, outside it (MediaWiki since 2024: "<div
# class="mw-heading"><h2>Uses</h2><span>[<a><span>edit</span></a>]</span></div>"): the heading's
# editor link, as `_BRACKETED_LINK` is inside one.  Beside its heading it made trafilatura leave the
# heading out, and every section of a wiki article had run into the one before.
_SPANS = r"(?:\s*</?span\b[^>]*>)*\s*"
_BRACKETED_AFTER_HEADING = re.compile(rf"(</h[1-6]\s*>){_SPANS}\[{_SPANS}<a\b[^>]*>{_SPANS}[A-Za-z][A-Za-z ]{{1,19}}{_SPANS}</a\s*>"
                                      rf"{_SPANS}\]{_SPANS}", re.I)


def _heading_editors_dropped(raw: str) -> str:
    return _BRACKETED_AFTER_HEADING.sub(r"\1", raw)


def _anchors_dropped(raw: str) -> str:
    """`raw` without permalinks, with headings' in-page anchors unwrapped and their source links
    left out, and without the ids of headings and of the sections they open (see the patterns above)."""
    raw = _PERMALINK.sub("", raw)
    # A line break in a heading is a space (LaTeX2HTML sets one after the anchors, before the
    # words): trafilatura wrote an empty heading, "##", and the words as a paragraph under it.
    raw = _HEADING_ELEMENT.sub(lambda m: m.group(1) + _BREAK_TAG.sub(" ", _SELF_ANCHOR.sub(r"\1", _BRACKETED_LINK.sub(
        "", m.group(3)))) + m.group(4), raw)
    return _HEADING_ID.sub(r"<\1", _SECTION_ID.sub(r"<\1\2", raw))


# Outside preformatted elements a line break in the source is a space, as a browser shows it.
# trafilatura keeps such breaks in its output, where they read as line breaks inside sentences,
# and writes a `<code>` element holding one as a fence, even in mid-sentence ("perhaps a ```").
_PREFORMATTED = re.compile(r"(<(pre|textarea|listing|xmp)\b.*?</\2\s*>)", re.I | re.S)


# A break beside a block's tag is left: trafilatura tells the entries of an index (`<dt>` after
# `<dt>`) apart by it. Any other break (between words, beside `<i>`, `<code>`, `<a>`) is a space.
# A break is the whole run of blanks that holds it, matched from the run's start: tried at every
# blank of a long run without one, the pattern would cost time quadratic in the run's length.
_BREAK = re.compile(r"(?<![ \t])[ \t]*[\r\n][ \t\r\n]*")
_TAG_BEFORE = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>$")
_TAG_AFTER = re.compile(r"<(/?)([a-zA-Z][\w-]*)")  # matched where the break ends
_INLINE = frozenset("a abbr b bdi bdo big cite code data del dfn em font i img ins kbd mark q s samp small span strike "
                    "strong sub sup time tt u var wbr".split())


def _text_break(part: str, m: re.Match) -> str:
    if m.start() == 0 or m.end() == len(part):
        return m.group()
    before = _TAG_BEFORE.search(part, max(0, m.start() - 300), m.start()) if part[m.start() - 1] == ">" else None
    after = _TAG_AFTER.match(part, m.end(), m.end() + 40) if part[m.end()] == "<" else None
    block = any(t is not None and t.group(2).lower() not in _INLINE for t in (before, after))
    return m.group() if block else " "


# trafilatura loses the text of an element nested in a `<code>` inside a paragraph
# ("<code>--format=<var>format</var></code>" came out as "--format="): code is text, its inner
# markup (a variable's italics, a highlighter's spans) goes.
_CODE = re.compile(r"(<code\b[^>]*>)(.*?)(</code\s*>)", re.I | re.S)
_INNER_TAG = re.compile(r"<(?!br\b)[^<>]+>", re.I)


_PRE = re.compile(r"(<pre\b[^>]*>)(.{0,200000}?)(</pre\s*>)", re.I | re.S)
_FORMATTING_TAG = re.compile(r"</?(?:b|i|em|strong|u|font|span|big|small|strike|s|mark)\b[^>]*>", re.I)


# A paragraph that is one `<code>` whose lines are parted by `<br>`: a listing set without `<pre>`
# (the Apache manual's examples). trafilatura wrote its lines as text, and a comment among them, "#
# Lowercase HTTP method", became a heading that every later section of the page went under.
_BROKEN_CODE = re.compile(r"<p\b[^>]*>\s*<code\b[^>]*>((?:(?!</?p\b|</?code\b).){0,100000}?<br\b(?:(?!</?p\b|</?code\b).){0,100000}?)"
                          r"</code\s*>\s*</p\s*>", re.I | re.S)
_BR = re.compile(r"<br\b[^>]*>", re.I)


def _broken_code_as_listing(raw: str) -> str:
    """`raw` with each paragraph that is one `<code>` of lines parted by `<br>` written as a `<pre>`
    listing of those lines (the source's own line breaks and indentation are no part of them)."""
    if "<code" not in raw.lower():
        return raw

    def listing(m: re.Match[str]) -> str:
        lines = [ln.strip() for ln in _BR.split(re.sub(r"\s+", " ", m.group(1)))]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        return "<pre><code>" + "\n".join(lines) + "</code></pre>"

    return _BROKEN_CODE.sub(listing, raw)


def _pre_formatting_dropped(raw: str) -> str:
    """`raw` with the bold, italic and font tags inside each `<pre>` dropped, their text kept: a
    listing set in bold (`<pre><b>...</b></pre>`) came out of trafilatura wrapped in Markdown's
    "**", which then stood in the text ("**strm.avail_out = CHUNK;")."""
    if "<pre" not in raw.lower():
        return raw
    return _PRE.sub(lambda m: m.group(1) + _FORMATTING_TAG.sub("", m.group(2)) + m.group(3), raw)


# A `<pre>` without a `<code>` in it comes out of trafilatura unfenced, as lines of text, or, in a
# list item, flattened into the item's line: a program's comment ("# define file ID mapping") became
# a heading, a FASTA record's ">" line a quotation, a SQL statement one line of prose.  So did the
# lines between a `<pre>`'s several `<code>` elements (a terminal session: the prompt, the typed
# command and its output each a `<code>` of its own; the output's "# Translated by ..." a heading).
_ONE_CODE = re.compile(r"\s*<code\b[^>]*>(?:(?!<code\b|</code\s*>).)*</code\s*>\s*", re.I | re.S)
_CODE_TAG = re.compile(r"</?code\b[^>]*>", re.I)


def _pre_as_one_code(raw: str) -> str:
    """`raw` with each `<pre>` holding one `<code>` around all its text, so that trafilatura fences it."""
    if "<pre" not in raw.lower():
        return raw

    def one(m: re.Match[str]) -> str:
        if _ONE_CODE.fullmatch(m.group(2)):
            return m.group(0)
        return f"{m.group(1)}<code>{_CODE_TAG.sub('', m.group(2))}</code>{m.group(3)}"

    return _PRE.sub(one, raw)


def _code_flattened(raw: str) -> str:
    return _CODE.sub(lambda m: m.group(1) + _INNER_TAG.sub("", m.group(2)) + m.group(3), raw)


# A listing of one line (`<pre><code>Bisecting: 675 revisions left</code></pre>`, a program's
# output shown after "outputs something like the following:"): trafilatura writes it as an inline
# code span ending a line, and the paragraph after it joined that line ("... (roughly 10 steps)
# You should now compile ..."). Ended by a line break, it is fenced as the block it is.
_ONE_LINE_LISTING = re.compile(r"(<pre\b[^>]*>\s*<code\b[^>]*>)([^\n<]{1,3000}?)(</code\s*>\s*</pre\s*>)", re.I)


def _one_line_listings_ended(raw: str) -> str:
    return _ONE_LINE_LISTING.sub(r"\1\2\n\3", raw) if "<pre" in raw.lower() else raw


def _source_breaks_as_spaces(raw: str) -> str:
    parts = _PREFORMATTED.split(raw)
    # split() gives text, then each match's two groups: the element and its tag name
    return "".join(part if i % 3 else _BREAK.sub(lambda m, part=part: _text_break(part, m), part)
                   for i, part in enumerate(parts) if i % 3 != 2)


# A definition list's term and its definition: trafilatura writes them as two list items, the term
# apart from what defines it ("• --error-exitcode=<number>", then "• Specifies an alternative exit
# code ..."). The term opens its definition's first paragraph instead: "term: definition".
_TERM_TABLE = re.compile(r"(<dt\b[^>]*>)((?:(?!</?dt\b|</?dl\b).){0,3000}?<table\b.{0,3000}?)(</dt\s*>)", re.I | re.S)
_TABLE_TAG = re.compile(r"\s*</?(?:table|tbody|thead|tr|td|th|nobr)\b[^>]*>\s*", re.I)


def _cells_joined(html_: str) -> str:
    """A one-row table's cells as one run of text, as it shows: cells side by side, a space only
    between two words ("get(" and "key)" read "get(key)")."""
    parts = _TABLE_TAG.split(html_)
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out[-1:].isalnum() and part[:1].isalnum() else "") + part
    return out


_TERM = re.compile(r"<dt\b[^>]*>(.*?)</dt\s*>\s*<dd\b[^>]*>\s*(?:<p\b[^>]*>)?", re.I | re.S)
_ENDS_CLAUSE = re.compile(r"[:.?!]\s*(?:<[^>]+>\s*)*$")
_LIST_TAG = re.compile(r"<(/?d[ldt])\b[^>]*>", re.I)
_LIST_TAG_AS = {"/dd": "</p>", "dt": "<p>", "/dt": "</p>"}  # the list itself, <dl>, goes


# A mark that opens a definition's term before any word: Texinfo's empty category, "<span
# class="category">: </span>", before "intmax (var)" (Octave's manual) had every entry read ": intmax
# (var): Return the largest integer ...".
_TERM_OPENING_MARK = re.compile(r"(<dt\b[^>]*>(?:\s*<[^/>][^>]*>)*?)\s*[:;,]\s*(?=<|\w)", re.I)


def _definitions_as_paragraphs(raw: str) -> str:
    # A term set in a table of one row (LaTeX2HTML aligns a signature so: "get(" | "key)") is the
    # term's words: read as a table, it split the definition after it ("Takes a string" / "keyand
    # returns ...").
    raw = _TERM_TABLE.sub(lambda m: m.group(1) + _cells_joined(m.group(2)) + m.group(3), raw)
    raw = _TERM_OPENING_MARK.sub(r"\1", raw)

    def term(m: re.Match) -> str:
        text = re.sub(r"\s+(?=(?:</[^>]+>\s*)*$)", "", m.group(1))  # "yes] </code>\n</span>" -> "yes]</code></span>"
        return "<p>" + text + ("" if _ENDS_CLAUSE.search(text) else ":") + " "

    raw = _TERM.sub(term, raw)
    # what is left: a definition's end, a term without a definition, the list itself
    return _LIST_TAG.sub(lambda m: _LIST_TAG_AS.get(m.group(1).lower(), ""), raw)


# A table laid out for the page rather than for data: it holds a heading or another table (an older
# site sets its banner, menu and content in nested table cells). trafilatura reads such a table as
# data, a row of cells, so a whole manual page came out as one line of "| ... | ... |".
_TABLE_PART = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col"})
_LAYOUT_MARK = re.compile(r"h[1-6]|table")


KEPT_WORDS = 0.97  # the share of the words read from a page's tables its reading out of them keeps


def _as_div(tag: str) -> str:
    if re.match(r"</?col", tag, re.I):
        return ""  # a column's width, no content
    return "</div>" if tag.startswith("</") else "<div>"


_HEADING_OPEN_TAG = re.compile(r"h[1-6]", re.I)


def _heading_lists_unwrapped(raw: str) -> str:
    """`raw` with each list whose item holds a heading read as `<div>`s: old Javadoc sets a class's
    description and each member's in a one-item list (`<ul class="blockList"><li>`), and
    trafilatura wrote the item on one line, headings and paragraphs run together ("### Qualifiers
    A qualifier may annotate ..."). A heading inside a nested list's item makes that list one
    alone. One pass over the tags; an item left unclosed ends at the next."""
    if not _HEADING_OPEN_TAG.search(raw) or "<li" not in raw.lower():
        return raw
    out: list[str] = []
    lists: list[list] = []  # each open list: [its tags' places in `out`, whether it lays out, an item open]
    for m in _PIECE.finditer(raw):
        name, closing, at = (m.group(2) or "").lower(), bool(m.group(1)), len(out)
        out.append(m.group())
        if name in ("ul", "ol") and not closing:
            lists.append([[at], False, False])
        elif name in ("ul", "ol") and lists:
            places, layout, _ = lists.pop()
            if layout:
                for i in [*places, at]:
                    out[i] = _as_div(out[i])
        elif name == "li" and lists:
            lists[-1][0].append(at)
            lists[-1][2] = not closing
        elif _HEADING_OPEN_TAG.fullmatch(name) and not closing and lists and lists[-1][2]:
            lists[-1][1] = True
    return "".join(out)


def _layout_tables_unwrapped(raw: str) -> str:
    """`raw` with the tags of its layout tables (`_LAYOUT_MARK` inside) read as `<div>`s, their
    cells' content in order; a data table inside one stays a table. One pass over the tags."""
    if "<table" not in raw.lower():
        return raw
    out: list[str] = []
    open_tables: list[tuple[list[int], bool]] = []  # each open table's own tags' places in `out`, and whether it lays out
    for m in _PIECE.finditer(raw):
        name = (m.group(2) or "").lower()
        if name in _TABLE_PART:
            if name == "table" and not m.group(1):
                if open_tables:
                    open_tables[-1] = (open_tables[-1][0], True)
                open_tables.append(([], False))
            if open_tables:
                open_tables[-1][0].append(len(out))
            out.append(m.group())
            if name == "table" and m.group(1) and open_tables:
                places, layout = open_tables.pop()
                if layout:
                    for i in places:
                        out[i] = _as_div(out[i])
            continue
        if name and not m.group(1) and open_tables and _LAYOUT_MARK.fullmatch(name):
            open_tables[-1] = (open_tables[-1][0], True)
        out.append(m.group())
    return "".join(out)


# A paragraph of links to the pages before, after and above this one (`rel="next"`, as Texinfo,
# Sphinx and DocBook write them): "Next: Multiple ABIs, Previous: Simple Example, Up: Using libffi".
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.{0,2000}?)</p\s*>", re.I | re.S)
_RELATIVE_LINK = re.compile(r"<a\b[^>]*\brel\s*=\s*[\"']?(?:next|prev|previous|up|index|contents|start|first|last)\b[^>]*>.*?</a\s*>",
                            re.I | re.S)
_LINK = re.compile(r"<a\b[^>]*>.*?</a\s*>", re.I | re.S)


_FIGURE_TAG = re.compile(r"<(/?)(figure|figcaption)\b", re.I)


def _figures_as_blocks(raw: str) -> str:
    """`raw` with each `<figure>` a `<div>` and its `<figcaption>` a paragraph: trafilatura leaves
    figures out, and with them a figure's caption ("Figure 2: ...") and a code listing set in one
    (a book's "Listing 9-6" and its code)."""
    return _FIGURE_TAG.sub(lambda m: f"<{m.group(1)}{'div' if m.group(2).lower() == 'figure' else 'p'}", raw)


# A bar of three links or more with nothing between them but a separator ("top | back | next |
# contents", "[ prev | next | top ]", "Home / Docs / API"): a page's navigation, set inline where
# no element marks it as such (the Haskell 98 report's pages open and end with one, which had
# opened their text). A link's text is a few words: an option ("-v") is a synopsis's, no bar's.
_BAR_LINK = r"<a\b[^>]*>\s*[^\W\d_][^<>]{0,38}?\s*</a\s*>"
_BAR_SEPARATOR = r"\s*(?:\||/|·|•|&middot;|&#183;|&bull;|&#8226;|\]\s*\[)\s*"
_LINK_BAR = re.compile(rf"(?:\[\s*)?{_BAR_LINK}(?:{_BAR_SEPARATOR}{_BAR_LINK}){{2,}}(?:\s*\])?", re.I)


def _link_bars_dropped(raw: str) -> str:
    return _LINK_BAR.sub(" ", raw) if "</a" in raw.lower() else raw


def _page_links_dropped(raw: str) -> str:
    """`raw` without its paragraphs of links to neighbouring pages: two or more such links, no other
    link, and outside them at most a label word per link. trafilatura keeps that line on a page
    with little else (a chapter's page that only lists its sections)."""
    def navigation(m: re.Match) -> bool:
        body = m.group(1)
        relative = len(_RELATIVE_LINK.findall(body))
        words = [w for w in html.unescape(_INNER_TAG.sub(" ", _LINK.sub(" ", body))).split() if any(c.isalpha() for c in w)]
        return relative >= 2 and relative == len(_LINK.findall(body)) and len(words) <= relative + 1

    return _PARAGRAPH.sub(lambda m: "" if navigation(m) else m.group(), raw) if "rel" in raw else raw


# Elements that make a `<div>` holding them more than a paragraph.
_BLOCKS = frozenset("address article aside blockquote center details dialog dd div dl dt fieldset figcaption figure footer "
                    "form h1 h2 h3 h4 h5 h6 header hgroup hr iframe li main nav noscript ol p pre script section select "
                    "style svg table tbody td template th thead tr ul".split())


def _text_divs_as_paragraphs(raw: str) -> str:
    """`raw` with each `<div>` that holds only text and inline elements written as the paragraph it
    is (its attributes kept, so navigation still tells by them). In precision mode trafilatura drops
    such a div after a `<pre>` (Expat's reference: each function's description under its
    signature). A div in a table's cell stays: trafilatura reads a cell of paragraphs as no row
    (Valgrind's FAQ lost each question beside its answer). One pass over the tags."""
    out: list[str] = []
    open_divs: list[tuple[int, bool]] = []  # each open div's place in `out`, and whether it holds a block
    cells = 0  # table cells open around the tag
    for m in _PIECE.finditer(raw):
        name = (m.group(2) or "").lower()
        closing = bool(m.group(1))
        if name in ("td", "th"):
            cells = max(0, cells - 1) if closing else cells + 1
        if name in _BLOCKS and not closing and open_divs:
            open_divs[-1] = (open_divs[-1][0], True)
        if name == "div" and not closing and not m.group(3).rstrip().endswith("/"):
            open_divs.append((len(out), False))
        elif name == "div" and closing and open_divs:
            at, block = open_divs.pop()
            if not block and not cells:
                out[at] = "<p" + out[at][4:]
                out.append("</p>")
                continue
        out.append(m.group())
    return "".join(out)


class _OpenBlocks:
    """The block elements open around a place in a page, innermost last, as a browser nests them:
    a closing tag closes its element and those opened inside it, a block closes an open paragraph,
    and a closing tag with no open element closes nothing. How many of each are open is counted, so
    a closing tag's element is found without a scan."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.count: Counter[str] = Counter()

    def top(self) -> str:
        return self.names[-1] if self.names else ""

    def open(self, name: str) -> None:
        if self.top() == "p":
            self.count[self.names.pop()] -= 1
        self.names.append(name)
        self.count[name] += 1

    def close(self, name: str) -> None:
        while self.count[name] and self.names:
            top = self.names.pop()
            self.count[top] -= 1
            if top == name:
                break


# Blocks whose loose text a browser shows as paragraphs; "" is the page's `<body>` itself.
_SECTIONING = frozenset({"div", "", "main", "article", "section", "blockquote"})


def _loose_text_as_paragraphs(raw: str) -> str:
    """`raw` with each run of text and inline elements that stands directly in a `<div>`, the
    `<body>` or a sectioning block beside blocks (as a browser shows it: a paragraph of its own)
    wrapped in `<p>`. trafilatura splits such a run at its inline elements, dropping the text before
    one and the space after it ("The function is `apply`:" came out as "`apply`:", "<tt>params</tt>
    can be" as "paramscan be", a manual's text between its `<pre>` listings as "*zlib*format"). Not
    in a table's cell, as above. One pass over the tags."""
    out: list[str] = []
    blocks = _OpenBlocks()
    wrapped = in_body = False
    cells = 0
    for m in _PIECE.finditer(raw):
        piece, name, closing = m.group(), (m.group(2) or "").lower(), bool(m.group(1))
        if name == "body":
            in_body = not closing
        if name in _BLOCKS:
            if wrapped:
                out.append("</p>")
                wrapped = False
            if name in ("td", "th"):
                cells = max(0, cells - 1) if closing else cells + 1
            if closing:
                blocks.close(name)
            elif name != "hr" and not m.group(3).rstrip().endswith("/"):
                blocks.open(name)
        elif not wrapped and in_body and blocks.top() in _SECTIONING and not cells and not piece.startswith("<!") \
                and (name in _INLINE and not closing or (not name and piece.strip() and piece != "<")):
            out.append("<p>")
            wrapped = True
        out.append(piece)
    if wrapped:
        out.append("</p>")
    return "".join(out)


_SECTION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
# An inline quotation, which a browser sets in quotation marks: trafilatura made each a paragraph
# of its own ("It's" / "W-three-M" / ". It doesn't rhyme with").
_Q_OPEN, _Q_CLOSE = re.compile(r"<q\b[^<>]*>", re.I), re.compile(r"</q\s*>", re.I)
# A date marked up in a sentence ("ran from <time>2019</time> to ..."): trafilatura left its words out.
_TIME_TAG = re.compile(r"</?time\b[^<>]*>", re.I)


# Words after a line break, a space, then a marked-up word: trafilatura trims the text after a
# `<br>` inside a list item or quotation, and the space went with it ("under the*Biopython
# License Agreement*", "the fileNEWS.rst"). The marked-up element is unwrapped there, its words
# kept as they show.
_BREAK_THEN_MARKED = re.compile(
    r"(<br\s*/?>[^<]*?\S\s+)<(em|i|b|strong|u|code|tt|kbd|samp|var|del|s|strike|ins)\b[^<>]*>(.{0,500}?)</\2\s*>",
    re.I | re.S)


def _break_tails_spaced(raw: str) -> str:
    """`raw` with the elements a line break's text runs into unwrapped: see `_BREAK_THEN_MARKED`.
    Unwrapping one joins its words to the text, so the next one is reached on the next pass."""
    if "<br" not in raw.lower():
        return raw
    for _ in range(50):
        raw, n = _BREAK_THEN_MARKED.subn(r"\1\3", raw)
        if not n:
            break
    return raw


# Struck-out text (`<s>`, `<strike>`, `<del>`) is withdrawn: a manual strikes a limit once it stops
# holding ("It is not possible to open read-only WAL databases"), and trafilatura wrote it between
# "~~" marks, as text that still stood. It goes, and a list item that held nothing else; but a word
# or two opening a block stays, as words: a term shown in its style ("strikethrough - Puts a line
# through ...").
_STRUCK = re.compile(r"<(s|strike|del)\b[^<>]*>(.{0,5000}?)</\1\s*>", re.I | re.S)
_STRUCK_WORDS = 3
_BLOCK_START = re.compile(r"<(?:li|p|td|th|dt|dd|div|h[1-6])\b[^<>]*>\s*(?:<(?:code|b|strong|em|i|span)\b[^<>]*>\s*)*\Z",
                          re.I)
_EMPTIED_ITEM = re.compile(r"<li\b[^<>]*>\s*(?:</li\s*>|(?=<li\b|</[ou]l\s*>))", re.I)


def _struck_dropped(raw: str) -> str:
    if not re.search(r"<(?:s|strike|del)\b", raw, re.I):
        return raw

    def struck(m: re.Match) -> str:
        term = len(_TAG.sub(" ", m.group(2)).split()) < _STRUCK_WORDS
        return m.group(2) if term and _BLOCK_START.search(raw, max(0, m.start() - 300), m.start()) else ""

    return _EMPTIED_ITEM.sub("", _STRUCK.sub(struck, raw))


# Emphasis holding a line break ("<b>PRAGMA journal_mode;<br>PRAGMA journal_mode = ...</b>"), which
# trafilatura wrote as paragraphs of stray marks ("PRAGMA**" / "*schema.*"): unwrapped, its words and
# the break kept as they show.
_EMPHASIS_WITH_BREAK = re.compile(r"<(b|strong|i|em)\b[^<>]*>((?:(?!</?\1\b).){0,2000}?<br\b(?:(?!</?\1\b).){0,2000}?)"
                                  r"</\1\s*>", re.I | re.S)


# Italics Markdown cannot write, ending in a mark with a word right after it ("<i>schema.</i>journal_mode":
# "*schema.*journal_mode" is no emphasis), are unwrapped too. (Bold is read there: `markdown_text` pairs "**".)
_EMPHASIS_BEFORE_WORD = re.compile(r"<(i|em)\b[^<>]*>([^<]{0,200}?[^\w\s<])</\1\s*>(?=(?:<[a-z][^<>]*>){0,3}\w)", re.I)


def _broken_emphasis_unwrapped(raw: str) -> str:
    raw = _EMPHASIS_BEFORE_WORD.sub(r"\2", raw)
    return _EMPHASIS_WITH_BREAK.sub(r"\2", raw) if "<br" in raw.lower() else raw


# A site's header above a page's first heading (or paragraph), set in plain `<div>`s: a block holding
# the site's menu (a list or a search form, and three or more links) and a few words besides, its
# tagline ("Small. Fast. Reliable. Choose any three."). trafilatura leaves the menu out but kept the
# tagline, which then opened every page of the site. (A `<header>` or `<nav>` it leaves out itself.)
_HEADER_WORDS = 12
_HEADER_LINKS = 3
_NO_WORDS = frozenset({"script", "style", "option", "select", "button", "label", "a"})


def _site_header_dropped(raw: str) -> str:
    # (a page without headings: before its first paragraph)
    first = re.search(r"<h[1-6]\b", raw, re.I) or re.search(r"<p\b", raw, re.I)
    if not first:
        return raw
    stack: list[list] = []  # each open div: start, words outside links, links, holds a menu
    spans: list[tuple[int, int]] = []
    quiet: Counter[str] = Counter()  # elements open whose words are no tagline's (a link's, a script's)
    for m in _PIECE.finditer(raw, 0, first.start()):
        name, closing = (m.group(2) or "").lower(), bool(m.group(1))
        if name in _NO_WORDS:
            quiet[name] = max(0, quiet[name] - 1) if closing else quiet[name] + 1
            if name == "a" and not closing and stack:
                stack[-1][2] += 1
        elif name in ("ul", "ol", "form", "menu") and not closing and stack:
            stack[-1][3] = True
        elif name == "div" and not closing:
            stack.append([m.start(), 0, 0, False])
        elif name == "div" and stack:
            start, words, links, menu = stack.pop()
            if menu and links >= _HEADER_LINKS and words <= _HEADER_WORDS:
                spans = [sp for sp in spans if sp[0] < start] + [(start, m.end())]
            if stack:
                stack[-1][1] += words
                stack[-1][2] += links
                stack[-1][3] = stack[-1][3] or menu
        elif not m.group(2) and not m.group().startswith("<") and stack and not sum(quiet.values()):
            stack[-1][1] += len(html.unescape(m.group()).split())
    for start, end in reversed(spans):
        raw = raw[:start] + raw[end:]
    return raw


# A table with no table inside it (a layout table around others is read by `_layout_tables_unwrapped`).
_INNERMOST_TABLE = re.compile(r"<table\b[^>]*>(?:(?!<table\b).)*?</table\s*>", re.I | re.S)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</tbody|</thead|</tfoot|</table)", re.I | re.S)
_CELL = re.compile(r"<(td|th)\b[^>]*>.*?(?=<td\b|<th\b|</tr|$)", re.I | re.S)
_NAVIGATION_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a\s*>", re.I | re.S)


_ROWSPAN = re.compile(r"""\srowspan\s*=\s*(["']?)\s*(\d+)\s*\1""", re.I)
_COLSPAN = re.compile(r"""\scolspan\s*=\s*["']?\s*(\d+)""", re.I)
_MAX_SPAN = 100  # rows a cell may span: a larger number is a page's error, not its table


class _SpannedRows:
    """One table's state in `_row_spans_repeated`: the cells spanning rows below, by column (rows
    still to fill, the cell's markup), the row's next column, and the cell open (its place in the
    output, column, rows spanned)."""

    def __init__(self) -> None:
        self.pending: dict[int, list] = {}  # type: ignore[type-arg]
        self.col = 0
        self.in_row = False
        self.cell: tuple[int, int, int] | None = None

    def close_cell(self, out: list[str]) -> None:
        if self.cell is not None:
            start, col, span = self.cell
            cell = "".join(out[start:])
            # a cell without words (an admonition's icon beside its label and text) is not repeated
            if span > 1 and re.sub(r"<[^>]*>|&nbsp;|\s", "", cell):
                self.pending[col] = [span - 1, _ROWSPAN.sub("", cell, count=1)]
            self.cell = None

    def fill(self, out: list[str], to_end: bool = False) -> None:
        """The spanning cells standing at the row's next column (all those left, `to_end`)."""
        while self.col in self.pending or (to_end and any(c >= self.col for c in self.pending)):
            col = self.col if self.col in self.pending else min(c for c in self.pending if c >= self.col)
            left = self.pending[col]
            out.append(left[1])
            left[0] -= 1
            if not left[0]:
                del self.pending[col]
            self.col = col + 1

    def end_row(self, out: list[str]) -> None:
        if self.in_row:
            self.close_cell(out)
            self.fill(out, to_end=True)
            self.in_row = False


def _row_spans_repeated(raw: str) -> str:
    """`raw` with each table cell that spans rows (`rowspan`) repeated in each row it spans, where
    a reader sees it beside them: trafilatura keeps a cell in its first row only, and the rows
    under it had lost their first column ("Rotavirus vaccine (first dose) | Rotavirus
    gastroenteritis" under "8 weeks | 6-in-1 vaccine (first dose) | ...")."""
    if not _ROWSPAN.search(raw):
        return raw
    out: list[str] = []
    tables: list[_SpannedRows] = []
    for m in _PIECE.finditer(raw):
        closing, name = bool(m.group(1)), (m.group(2) or "").lower()
        table = tables[-1] if tables else None
        if name == "table":
            if closing and table is not None:
                table.end_row(out)
                tables.pop()
            elif not closing:
                tables.append(_SpannedRows())
        elif table is not None and name == "tr":
            table.end_row(out)
            if not closing:
                table.in_row, table.col = True, 0
        elif table is not None and name in ("td", "th") and table.in_row:
            if not closing:
                table.close_cell(out)
                table.fill(out)
                span = _ROWSPAN.search(m.group(3) or "")
                width = _COLSPAN.search(m.group(3) or "")
                table.cell = (len(out), table.col, min(int(span.group(2)), _MAX_SPAN) if span else 1)
                table.col += max(1, min(int(width.group(1)), _MAX_SPAN)) if width else 1
            else:
                out.append(m.group())
                table.close_cell(out)
                continue
        elif table is not None and name in ("tbody", "thead", "tfoot"):
            table.end_row(out)
            table.pending.clear()  # a cell spans the rows of its own group only
        out.append(m.group())
    return "".join(out)


def _navigation_tables_dropped(raw: str) -> str:
    """`raw` without its navigation bars set as tables: a table of two links or more and no word
    outside them, each link a picture's (gtk-doc's home, up, previous and next arrows), a jump
    within the page ("#...") or a key's (`accesskey`). Its words ("| Top | | | | |") had opened
    every page of a library's reference."""
    def navigation(table: str) -> bool:
        links = _NAVIGATION_LINK.findall(table)
        rest = html.unescape(_INNER_TAG.sub(" ", _NAVIGATION_LINK.sub(" ", table)))
        return len(links) >= 2 and not any(c.isalnum() for c in rest) and all(
            "accesskey" in attrs.lower() or re.search(r"\bhref\s*=\s*[\"']?#", attrs, re.I)
            or not html.unescape(_INNER_TAG.sub("", inner)).strip() for attrs, inner in links)

    return _INNERMOST_TABLE.sub(lambda m: "" if navigation(m.group()) else m.group(), raw) if "<table" in raw.lower() else raw


def _empty_columns_dropped(raw: str) -> str:
    """`raw` with each table's columns that are empty in every row left out: gtk-doc gives each
    parameter a third cell for annotations, mostly empty, and every row had read "| file | specify
    the path ... | |". A table with cells that span columns or rows is left as it is."""
    def mended(m: re.Match) -> str:
        table = m.group()
        if re.search(r"\b(?:col|row)span\s*=", table, re.I):
            return table
        rows = [[(r.start(1) + c.start(), r.start(1) + c.end()) for c in _CELL.finditer(r.group(1))]
                for r in _ROW.finditer(table)]
        width = max((len(r) for r in rows), default=0)
        if len(rows) < 2 or width < 2 or any(len(r) != width for r in rows):
            return table
        empty = [k for k in range(width) if all(not _cell_says(table[r[k][0]:r[k][1]]) for r in rows)]
        if not empty or len(empty) == width:
            return table
        for start, end in sorted((r[k] for r in rows for k in empty), reverse=True):
            table = table[:start] + table[end:]
        return table

    return _INNERMOST_TABLE.sub(mended, raw) if "<table" in raw.lower() else raw


def _cell_says(cell: str) -> bool:
    """Whether a table's cell holds text or a picture."""
    return bool(html.unescape(_INNER_TAG.sub("", cell)).strip()) or re.search(r"<img\b", cell, re.I) is not None


# An element that is never empty written closed in its own tag, as XHTML may: DocBook's "<a
# id="_network_setup"/>" before a heading's words. Read as HTML, it opens an anchor that wraps the
# heading and all after it, and trafilatura left every heading out as a link.
_SELF_CLOSED = re.compile(r"<(a|span|div|p|i|b|em|strong|code|td|th|li)(\s[^<>]*?)?\s*/>", re.I)


def _self_closed_ended(raw: str) -> str:
    """`raw` with each non-void element closed in its own tag (`_SELF_CLOSED`) written open and closed."""
    return _SELF_CLOSED.sub(lambda m: f"<{m.group(1)}{m.group(2) or ''}></{m.group(1)}>", raw) if "/>" in raw else raw


# A document's footnotes or endnotes set as a list at its end (pandoc's and a static site's
# `<section class="footnotes" role="doc-endnotes">`): trafilatura leaves elements so named out,
# and the notes' words with them. The link back to the note's mark ("↩︎") is no text, nor is a
# span of such links (a wiki's reference list: "^ a b" before each entry, one letter per citing place).
_NOTES_NAME = re.compile(r"""(<(?:section|div|ol|ul|aside|li|p)\b[^>]*?)\s(?:class|id|role)\s*=\s*["'][^"']*(?:footnote|endnote)"""
                         r"""[^"']*["']""", re.I)
_NOTE_BACKLINK = re.compile(r"<a\b[^>]*(?:footnote-back|doc-backlink|footnote-backref)[^>]*>.*?</a\s*>|"
                            r"<span\b[^>]*\bclass\s*=\s*[\"']?[^\"'>]*(?:backlink|backref)[^>]*>.*?</span\s*>", re.I | re.S)


def _notes_kept(raw: str) -> str:
    """`raw` with its footnotes' and endnotes' containers unnamed (`_NOTES_NAME`) and their links back left out."""
    if "note" not in raw.lower():
        return raw
    raw = _NOTE_BACKLINK.sub("", raw)
    while True:
        raw, n = _NOTES_NAME.subn(r"\1", raw)
        if not n:
            return raw


# An element named a sidebar: a site's column of links, or a book's boxed aside in its text
# (DocBook's and AsciiDoc's `sidebar`: "BACK TO BASICS ...", "NOTE ..."), which trafilatura leaves out
# alike by the name; and an `<aside>`, which it leaves out whatever it holds: docutils writes every
# note, warning, topic and sidebar of a reStructuredText document as one. The box is told by what it
# holds: prose, few of its words in links, no form; an `<aside>` also by standing in mid-text, a
# paragraph after it (an author's note or a list of related pages closes an article).
_SIDEBAR_NAMED = re.compile(r"""\s(?:class|id)\s*=\s*(["'])[^"']*sidebar[^"']*\1""", re.I)
_NAME_ATTRIBUTE = re.compile(r"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_CONTROLS = re.compile(r"<(?:form|input|select|nav|iframe|button)\b", re.I)
_SENTENCE = re.compile(r"(?:\b\w+\W+){7,}\w*[a-z]\w*[.!?:](?:\s|$)")
_BOX_WORDS = 20  # fewer words are a label or a widget, not an aside of the text
_BOX_LINK_SHARE = 0.2  # of its words, at most this share in links
_PARAGRAPH_WORDS = 8  # a paragraph after an aside in its parent, of this many words or more, puts it mid-text
_P_END = re.compile(r"</p\s*>", re.I)


def _is_prose_box(inner: str, fewest: int = _BOX_WORDS) -> bool:
    """Whether an element's inner markup reads as prose: `fewest` words or more, a sentence, at
    most `_BOX_LINK_SHARE` of them in links, and no form control or navigation."""
    if _CONTROLS.search(inner):
        return False
    text = html.unescape(_INNER_TAG.sub(" ", inner))
    words = len(text.split())
    link_words = sum(len(html.unescape(_INNER_TAG.sub(" ", a)).split()) for a in _LINK.findall(inner))
    return words >= fewest and link_words <= _BOX_LINK_SHARE * words and bool(_SENTENCE.search(" ".join(text.split())))


def _paragraph_follows(raw: str, pieces: list[re.Match], after: int) -> bool:
    """Whether a paragraph of `_PARAGRAPH_WORDS` words or more follows piece `after` within the
    element that holds it."""
    depth = 0
    for m in pieces[after + 1:]:
        name = (m.group(2) or "").lower()
        if not name or name in _VOID or m.group(3).rstrip().endswith("/"):
            continue
        if m.group(1):
            depth -= 1
            if depth < 0:
                return False
        else:
            depth += 1
            if name == "p":
                close = _P_END.search(raw, m.end())
                if close and len(html.unescape(_INNER_TAG.sub(" ", raw[m.end():close.start()])).split()) >= _PARAGRAPH_WORDS:
                    return True
    return False


def _elements(pieces: list[re.Match]) -> Iterator[tuple[str, int, int]]:
    """Each element of a page's pieces (`_PIECE`) as it closes: its name and the indices of its
    opening and closing pieces, matched as a browser nests them (a closing tag closes those opened
    inside it; one that closes nothing open is no element's end)."""
    open_: list[tuple[str, int]] = []  # each open element's name and its piece's index
    for i, m in enumerate(pieces):
        name = (m.group(2) or "").lower()
        if not name or name in _VOID or m.group(3).rstrip().endswith("/"):
            continue
        if not m.group(1):
            open_.append((name, i))
            continue
        if not any(n == name for n, _ in open_):
            continue
        while open_:
            top, at = open_.pop()
            if top == name:
                yield name, at, i
                break


def _prose_boxes_kept(raw: str) -> str:
    """`raw` with each element named a sidebar that holds prose (`_is_prose_box`) unnamed (its class
    and id left out), and each `<aside>` that holds prose in mid-text written as an unnamed `<div>`,
    so trafilatura reads them with the text around them."""
    low = raw.lower()
    if "sidebar" not in low and "<aside" not in low:
        return raw
    pieces = list(_PIECE.finditer(raw))
    kept: dict[int, str] = {}  # a piece's index: the element's name to write it with
    inside: set[int] = set()  # the pieces inside a kept box
    for name, at, end in _elements(pieces):
        inner = raw[pieces[at].end():pieces[end].start()]
        if name == "aside" and _is_prose_box(inner, 0) and _paragraph_follows(raw, pieces, end):
            kept[at], kept[end] = "div", "div"
        elif _SIDEBAR_NAMED.search(pieces[at].group(3)) and _is_prose_box(inner):
            kept[at] = name
        else:
            continue
        inside.update(range(at + 1, end))
    if not kept:
        return raw
    out: list[str] = []
    for i, m in enumerate(pieces):
        if i in inside and m.group(2) and _SIDEBAR_NAMED.search(m.group(3)):
            # a box's title named after it (docutils' "sidebar-title") goes with it
            out.append(f"<{m.group(1)}{m.group(2)}{_SIDEBAR_NAMED.sub('', m.group(3))}>")
        elif i not in kept:
            out.append(m.group())
        elif m.group(1):
            out.append(f"</{kept[i]}>")
        else:
            out.append(f"<{kept[i]}{_NAME_ATTRIBUTE.sub('', m.group(3))}>")
    return "".join(out)


def _box_titles_as_labels(raw: str) -> str:
    """`raw` with the heading that opens a box in mid-text written as the box's bold label: a `<div>`
    whose first element is a heading, with text under it and no other heading, and text going on
    after it in its parent (DocBook's `<div class="note"><h3>Note</h3><p>...</p></div>`). As a heading it opened a
    section that the sections after it were read under ("Note › 9.16.2.3. SQL/JSON Regular
    Expressions"). A section's `<div>`, its heading first too, is followed by the next section or
    by the end of its parent."""
    if "<h" not in raw.lower():
        return raw
    pieces = list(_PIECE.finditer(raw))
    edits: list[tuple[int, str]] = []
    for name, at, end in _elements(pieces):
        if name != "div":
            continue
        first = next((i for i in range(at + 1, end) if pieces[i].group(2) or pieces[i].group().strip()), None)
        if first is None or pieces[first].group(1) or not _HN.fullmatch((pieces[first].group(2) or "").lower()):
            continue
        level = pieces[first].group(2).lower()
        close = next((i for i in range(first + 1, end) if pieces[i].group(1) and (pieces[i].group(2) or "").lower() == level), None)
        # the box holds text under its title (a title page's `<div>` holds its heading alone), and no other heading
        if close is None or not _INNER_TAG.sub("", raw[pieces[close].end():pieces[end].start()]).strip() \
                or any(_HN.fullmatch((pieces[i].group(2) or "").lower()) for i in range(close + 1, end)):
            continue
        after = next((i for i in range(end + 1, len(pieces)) if pieces[i].group(2) or pieces[i].group().strip()), None)
        if after is not None and not pieces[after].group(1) and (pieces[after].group(2) or "").lower() == "p":
            edits += [(first, "<p><strong>"), (close, "</strong></p>")]
    if not edits:
        return raw
    swap = dict(edits)
    return "".join(swap.get(i, m.group()) for i, m in enumerate(pieces))


def _inline_marks_read(raw: str) -> str:
    """`raw` with each `<q>` element's tags as the quotation marks a browser shows, and each
    `<time>` element's tags dropped, its words kept in their sentence."""
    if "<q" in raw.lower():
        raw = _Q_CLOSE.sub("\u201d", _Q_OPEN.sub("\u201c", raw))
    return _TIME_TAG.sub("", raw) if "<time" in raw.lower() else raw


_FILE_NAME_TITLE = re.compile(r"[\w.-]+\.(?:html?|xhtml|php|aspx?)", re.I)


def _page_title(tag_title: str, h1s: list[str], headings: list[str], subheadings: list[str] = ()) -> str:
    """The first h1 names the page, unless it is the site's name: the last part of a `<title>`
    such as "What is rustdoc? - The rustdoc book", where a menu bar's h1 says "The rustdoc book";
    then the h1 that is the title's first part, or that part; or unless the `<title>` is one of
    the page's lower headings (`subheadings`) and names no h1 ("Module keys from libxslt" under
    every page's h1 "The XSLT C library for GNOME"), or unless there are several h1s and the
    `<title>` shares no word with the first (they are sections). Without an h1 in the page's own text ("File
    system | Node.js v20.20.2 Documentation", whose h1 sits in a page header), the title's part
    that heads the content names the page."""
    parts = title_parts(tag_title)
    whole = " ".join(tag_title.split()).casefold()
    if len(parts) > 1 and len(h1s) >= 2:
        # a sidebar's h1 naming the site that the <title>'s last part names ("Probe" of "1 pycparser
        # — Probe documentation", a Sphinx theme's) is no heading of the page
        site = " ".join(parts[-1].split()).casefold()
        h1s = [h for h in h1s if not (h.casefold() in site and h.casefold() != parts[0].casefold())] or h1s
    if h1s and whole in {h.casefold() for h in subheadings} and not any(h.casefold() in whole for h in h1s):
        return " ".join(tag_title.split())
    numbered = bool(h1s) and _SECTION_NUMBER.match(h1s[0]) is not None
    apart = bool(h1s) and not set(stems(h1s[0])) & set(stems(tag_title))
    if tag_title.strip() and (len(h1s) >= 2 and (apart or numbered) or numbered and apart):
        # Several h1s, the first sharing no word with the <title> or numbered ("1. Datatypes In
        # SQLite"), are the page's sections ("Abstract", "Contents" in a manual made one page), as is
        # one numbered h1 sharing none ("1. Syntax" on the page titled "CREATE INDEX"): the <title>
        # names it.
        return " ".join(tag_title.split())
    if not h1s:
        if _FILE_NAME_TITLE.fullmatch(tag_title.strip()) and headings:
            return headings[0]  # a converter's <title> that is the file's name ("pic-14.html"): the page's first heading
        named = {h.casefold() for h in headings}
        return next((p for p in parts if p.casefold() in named), tag_title) if len(parts) > 1 else tag_title
    if len(parts) > 1 and h1s[0].casefold() == parts[-1].casefold():
        return next((h for h in h1s[1:] if h.casefold() == parts[0].casefold()), parts[0])
    return h1s[0]


# An element holding TeX between MathJax's delimiters for it to set: pandoc's `<span class="math
# inline">\(x_1\)</span>`, Sphinx's `<span class="math notranslate nohighlight">\[...\]</span>`
# (LaTeX2HTML's `<SPAN CLASS="MATH">` holds the text of an image, and its pages' prose a shell's "$#").
_MATH_MARKUP = re.compile(r"""<(?:span|div)\b[^<>]*\bclass\s*=\s*["'](?:[^"']*\s)?math\b[^<>]*>\s*\\[(\[]""", re.I)


# The markup read as a browser shows it, in this order, before the page is parsed.
_MARKUP_MENDED = (_self_closed_ended, _site_header_dropped, _navigation_tables_dropped, _row_spans_repeated, _empty_columns_dropped,
                  _heading_lists_unwrapped,
                  _struck_dropped, _broken_emphasis_unwrapped,
                  _title_block_as_heading, _section_headers_unwrapped, _notes_kept, _prose_boxes_kept,
                  _inline_marks_read, _break_tails_spaced, superscripts_as_text, _empty_inlines_dropped,
                  _displays_in_sentences, _empty_links_dropped, _link_bars_dropped, _code_links_in_prose_unwrapped,
                  _prose_links_in_items_unwrapped,
                  _disclosure_buttons_as_text, _summaries_as_headings, _heading_editors_dropped, _boxed_headings_as_labels,
                  _box_titles_as_labels, _figures_as_blocks, _page_links_dropped, _contents_labels_dropped,
                  _contents_dropped, _anchors_dropped,
                  _broken_code_as_listing, _pre_formatting_dropped, _pre_as_one_code, _code_flattened, _one_line_listings_ended,
                  _source_breaks_as_spaces, _definitions_as_paragraphs)


# A title block's line naming its writer (DocBook's '<h3 class="author"><span
# class="firstname">Raphaël</span> <span class="surname">Hertzog</span></h3>', pandoc's '<p
# class="author">Jane Doe</p>', a journal's '<p class="meta authors">Okafor N, Lindqvist M</p>'),
# which main-content extraction leaves out as a byline.
_AUTHOR_LINE = re.compile(r"<(h[1-6]|p|span)\b[^>]*\bclass\s*=\s*[\"']?(?:[^\"'>]*\s)?(?:authors?|bylines?|contributors?)"
                          r"[\"'\s][^>]*>((?:(?!<\1\b).){0,400}?)</\1\s*>", re.I | re.S)
_BYLINE_WORDS = 12  # a line of names: an affiliation or a sentence is longer


def _byline_authors(raw: str) -> tuple[str, ...]:
    """The writers a page's title block names in its author lines (`_AUTHOR_LINE`), for a page whose
    `<meta>` tags name none; a line with an address or a date, or too long for names, names none."""
    names: list[str] = []
    for m in _AUTHOR_LINE.finditer(raw):
        line = re.sub(r"\s+", " ", html.unescape(_TAG.sub(" ", m.group(2)))).strip()
        if line and len(line.split()) <= _BYLINE_WORDS and not re.search(r"@|\d|https?:", line):
            names += [n for n in split_authors(line) if n not in names]
    return tuple(names)


# A title block's date line (pandoc's and R Markdown's '<h4 class="date">2022-09-19</h4>', DocBook's
# '<p class="pubdate">'), which main-content extraction leaves out with the byline.
_DATE_LINE = re.compile(r"<(h[1-6]|p|span|div)\b[^>]*\bclass\s*=\s*[\"']?(?:date|pubdate)[\"'\s][^>]*>((?:(?!<\1\b).){0,200}?)"
                        r"</\1\s*>", re.I | re.S)


def _byline_year(raw: str) -> str:
    """The year of the first date line of a page's title block (`_DATE_LINE`), for a page whose
    `<meta>` tags give none; "" where none gives a year."""
    m = _DATE_LINE.search(raw)
    return year_of(html.unescape(_TAG.sub(" ", m.group(2)))) if m else ""


# A few words above the page's title: the site's name or tagline ("Small. Fast. Reliable.
# Choose any three."), a breadcrumb, "Prev" and "Next" links, a category. They head every page of the
# site, and had been read as the opening of each page's text (and chosen as an answer).
_ABOVE_TITLE_WORDS = 20


def _above_title_dropped(text: str, title: str) -> str:
    """`text` from the line that is its title on (a heading, or a title block's `<div>`), when at most
    `_ABOVE_TITLE_WORDS` words stand above it."""
    name = " ".join(title.split()).casefold()
    if not name:
        return text
    start = words = 0
    for line in text.splitlines(keepends=True):
        if " ".join(line.split()).casefold() == name:
            return text[start:] if words else text
        start, words = start + len(line), words + len(line.split())
        if words > _ABOVE_TITLE_WORDS:
            return text
    return text


def _byline_kept(text: str, visible: str, authors: tuple[str, ...], title: str) -> str:
    """`text` with the page's byline ("By Maria Gonzalez") under its title, where main-content
    extraction left it out (trafilatura drops bylines; "Who wrote the article?" then found nothing):
    the first line of the page's visible text (`visible`), of at most `_BYLINE_WORDS` words, that
    names every author the page's tags or title block give, when the text names none of them
    near its start."""
    surnames = [surname(a) for a in authors if a.split()]
    if not surnames or any(n in text[:_BYLINE_REACH] for n in surnames):
        return text
    for line in visible.split("\n"):
        line = " ".join(line.split()).lstrip("• ")
        if line and len(line.split()) <= _BYLINE_WORDS and all(re.search(rf"\b{re.escape(n)}\b", line) for n in surnames):
            return _under_title(text, line, title) or f"{line}\n\n{text}"
    return text


_BYLINE_REACH = 2000  # how far into the text a byline stands, if trafilatura kept it


# A line under a page's title giving the version or the date it was issued or reviewed ("Version
# 3.1, 14 January 2026. IRAS ID: 318842", "Last reviewed: March 2026"), which main-content
# extraction leaves out with the byline ('<p class="meta">').
_DATELINE = re.compile(r"\b(?:version|v\d+(?:\.\d+)+|(?:last\s+)?(?:updated|reviewed|revised|modified)|published|issued|"
                       r"effective(?:\s+date)?|review\s+date)\b", re.I)


def _dateline_kept(text: str, visible: str, title: str) -> str:
    """`text` with the line right under the title in the page's visible text (`visible`) where
    that line, of at most `_BYLINE_WORDS` words and a number, says the page's version or date
    (`_DATELINE`) and the text holds it nowhere near its start."""
    name = " ".join(title.split()).casefold()
    lines = [" ".join(ln.split()) for ln in visible.split("\n")]
    lines = [ln for ln in lines if ln]
    at = next((i for i, ln in enumerate(lines) if ln.casefold() == name), None)
    if at is None or at + 1 >= len(lines):
        return text
    line = lines[at + 1]
    if len(line.split()) > _BYLINE_WORDS or not re.search(r"\d", line) or not _DATELINE.search(line) \
            or line in " ".join(text[:_BYLINE_REACH].split()):
        return text
    return _under_title(text, line, title) or text


def _under_title(text: str, line: str, title: str) -> str | None:
    """`text` with `line` as a paragraph right under its first line, where that line is the
    title; None where it is not."""
    first = text.split("\n", 1)[0]
    if " ".join(first.split()).casefold() != " ".join(title.split()).casefold():
        return None
    return f"{first}\n\n{line}\n\n{text[len(first):].lstrip()}"



def _page_headings(found: tuple[tuple[int, str], ...], page: list[str]) -> tuple[tuple[int, str], ...]:
    """The headings the main content's Markdown gives (`found`) that are headings of the page
    (`page`: its heading elements' text), whole or in part: a listing set in paragraphs with line
    breaks (groff's HTML) has comment lines "# Plot a single jumper ...", which Markdown reads as
    headings."""
    def key(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    keys = [key(h) for h in page]
    return tuple((level, h) for level, h in found if (k := key(h)) and any(k == p or k in p for p in keys))


def read_html(data: bytes) -> TextRead:
    """Main content, title, decoding note, headings, and authors, year and DOI from the `<meta>`
    tags (the writers, where no tag names them, from the title block's author lines)."""
    raw, note = decode_bytes(data)
    bylined, dated = _byline_authors(raw), _byline_year(raw)
    for step in _MARKUP_MENDED:
        raw = step(raw)
    parser = _HTMLText()
    try:
        parser.feed(raw)
        parser.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        raise IngestError(f"unreadable HTML ({exc})") from exc
    paragraphs = _loose_text_as_paragraphs(_text_divs_as_paragraphs(raw))
    main = _main_content(paragraphs)
    laid_out = _layout_tables_unwrapped(paragraphs)
    if laid_out != paragraphs:
        # Read out of its layout tables, the page has its headings and paragraphs, but trafilatura
        # then leaves out lists of links as navigation (an API index: all its words): that reading
        # is taken only when it keeps the words.
        unwrapped = _main_content(laid_out)
        if len(unwrapped.split()) >= KEPT_WORDS * len(main.split()):
            main = unwrapped
    if main.strip():
        if _MATH_MARKUP.search(paragraphs):
            # trafilatura writes a page's maths (pandoc's, Sphinx's spans for MathJax) as TeX between
            # dollars: "$x_1,\dots,x_K$" reads as the characters it shows, as in Markdown
            main = math_as_text(main)
        text, headings = markdown_text(main, typed=False)
        headings = _page_headings(headings, [h for _, h in parser.headings])
    else:
        # outside <pre> a line's indent is the source's layout, which a browser does not show; an item
        # whose words were all left out (a menu's links) shows nothing
        text = "\n".join(ln.strip() for ln in "".join(parser.parts).split("\n") if ln.strip() != "•")
        headings = tuple((lv, re.sub(r"\s+", " ", h).strip()) for lv, h in parser.headings)
    tags = parser.meta
    # A scholarly page names its article in a tag; else the first h1, else the <title>.
    h1s = [re.sub(r"\s+", " ", h).strip() for level, h in parser.headings if level == 1]
    subheadings = [re.sub(r"\s+", " ", h).strip() for level, h in parser.headings if level > 1]
    title = _first(tags, _TITLE_TAGS, str.strip) or _page_title(parser.title, [h for h in h1s if h],
                                                                  [h for _, h in headings], subheadings)
    title = title.strip()
    text = _above_title_dropped(text, re.sub(r"\s+", " ", html.unescape(title)))
    # One tag per author (Highwire), or one tag naming them all.
    names = next((tags[t] for t in _AUTHOR_TAGS if tags.get(t)), [])
    authors = tuple(n.strip() for n in names) if len(names) > 1 else split_authors(names[0]) if names else bylined
    year = _first(tags, _DATE_TAGS, year_of) or dated
    doi = _first(tags, _DOI_TAGS, find_doi)
    title = re.sub(r"\s+", " ", html.unescape(title))
    if main.strip():
        text = _dateline_kept(_byline_kept(text, "".join(parser.parts), authors, title), "".join(parser.parts), title)
    return TextRead(text, title, note, headings, authors, year, doi)

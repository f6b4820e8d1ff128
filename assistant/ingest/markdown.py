"""Markdown files: the text without markup (HTML in it read as a browser shows it), its headings, and
the front matter's title or the first level-1 heading as title.

Public API: `markdown_text`, `read_markdown`.
"""

from __future__ import annotations

import bisect
import datetime
import html
import re
from collections.abc import Callable
from functools import lru_cache

import yaml

from assistant.ingest.clean import is_field, unwrap_lines
from assistant.ingest.headings import TextRead
from assistant.ingest.plain import decode_bytes
from assistant.ingest.reference import split_authors, year_of

__all__ = ["markdown_text", "read_markdown"]

# Only spaces and tabs before and after the marker: "\s" would take the blank line above with it.
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.M)

_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
# Link text and addresses are bounded (a link's text in 1,000 characters, its address on one line
# in 2,000) so that a line of unmatched brackets costs linear time, not quadratic.
# A link's address may hold parentheses of its own, one level ("File:Limpkin_(33723700146).jpg").
_ADDRESS = r"\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)"
_MD_SYNTAX = [
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.M), ""),
    # A GitHub alert's type ("> [!IMPORTANT]") is the label its box shows: "Important".
    (re.compile(r"^([ \t]{0,3}>[ \t]*)\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$", re.M | re.I),
     lambda m: m.group(1) + m.group(2).capitalize()),
    # A linked image is a badge or a button ("build passing", "Join the chat"): no text of the page.
    (re.compile(r"\[!\[[^\][]{0,1000}\]\([^()\n]{0,2000}\)\]\([^()\n]{0,2000}\)"), ""),
    (re.compile(r"!\[([^\][]{0,1000})\]" + _ADDRESS), r"\1"),
    (re.compile(r"\[([^\][]{1,1000})\]" + _ADDRESS), r"\1"),
    (re.compile(r"\[\^[^\]\[\s]+\](?!:)(?:,[ \t]*(?=\[\^))?"), ""),  # a footnote's mark in the text ("[^2], [^3]")
    (re.compile(r"^[ \t]{0,3}\[\^[^\]\[\s]+\]:[ \t]*", re.M), ""),  # a footnote: its text stays, a paragraph
    (re.compile(r"^[ \t]{0,3}\[[^\][\n]{1,1000}\]:[ \t]+\S+.*$", re.M), ""),  # a reference link's definition
    (re.compile(r"^[ \t]{0,3}\([^()\n]{1,200}\)=[ \t]*$", re.M), ""),  # a MyST target, "(ssl-certificates)=", shows nothing
    (re.compile(r"\[([^\][]{1,1000})\]\[[^\][\n]{0,1000}\]"), r"\1"),  # a reference link: [text][] or [text][name]
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    # Struck text (GFM's "~~...~~") is withdrawn, as in HTML: it goes, unless a word or two opens its line
    # or item or stands in quotes, a term shown in its style
    (re.compile(r"(^[ \t]*(?:(?:[-*+•]|\d{1,9}[.)])[ \t]*)?|[\"“(])~~(?=[^\s~])((?:[^\s~]+[ \t]?){1,2})(?<=[^\s~])~~(?!~)", re.M),
     r"\1\2"),
    (re.compile(r"[ \t]?(?<!~)~~(?=[^\s~])[^\n]{1,1000}?(?<=[^\s~])~~(?!~)"), ""),
    # emphasis spans at most 1,000 characters of a line: bounded, a line of unmatched marks ("*a *a
    # *a ...", 90 KB of it had taken 30 s) costs linear time, not quadratic
    (re.compile(r"(\*\*|__)([^\n]{1,1000}?)\1"), r"\2"),
    # one star may close before a word after a letter or digit, as in CommonMark ("*un*likely"), but not
    # after a mark ("~/.*rc and ~/.*profile") nor as the first of a run ("*args and **kwargs")
    (re.compile(r"(?<![\w*])\*(?!\s)([^\n]{1,1000}?)(?:(?<=[^\W_])\*(?!\*)|(?<=[^\w\s*])\*(?![\w*]))"), r"\1"),
    # and one may open inside a word, round a word's part ("of the form *MM*m*SS*.*FF*s")
    (re.compile(r"(?<=[^\W_])\*([^\s*]{1,100}?)\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?![\s_])([^\n]{1,1000}?)(?<![\s_])_(?![\w_])"), r"\1"),  # never inside snake_case
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^[ \t]*([-*_][ \t]*){3,}$", re.M), ""),  # a rule; "\s" would run over blank lines
    (re.compile(r"<((?:https?|ftp)://[^<>\s]{1,2000}|[\w.+-]{1,200}@[\w-]+(?:\.[\w-]+)+)>"), r"\1"),  # an autolink shows its address
    # HTML in Markdown: a line break and a block's edges end a line, other tags are no text.
    (_BREAK_TAG, "\n"),
    (re.compile(r"</?(?:p|div|details|summary|center|blockquote|h[1-6]|ul|ol|li|dl|dt|dd)\b[^<>\n]*>", re.I), "\n"),
    (re.compile(r"<[^<>\n]+>"), ""),
]
# An HTML table in Markdown (a README's table of options): a row per line, its cells set apart as a
# pipe table's are.  Cells may leave their closing tags out, as HTML allows.
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_HTML_ROW = re.compile(r"<tr\b.*?(?:</tr>|(?=<tr\b)|$)", re.I | re.S)
_HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)(?:</t[dh]>|(?=<t[dh]\b)|$)", re.I | re.S)
_TAG = re.compile(r"<[^<>]+>")
_COMMENT_OPEN, _COMMENT_CLOSE = re.compile("<!--"), re.compile("-->")
# A superscript: a citation's number after a word or a punctuation mark ("common<sup>12</sup>",
# "et al.<sup>5</sup>"), else an exponent after a number or a short unit ("2<sup>31</sup>",
# "m<sup>2</sup>"), as the PDF reader tells them; bounded, so that unclosed ones cost linear time.
_SUPERSCRIPT = re.compile(r"<sup\b[^<>]*>(.{0,200}?)</sup\s*>", re.I | re.S)
_CITATION_RUN = re.compile(r"[\[(]?\d[\d,\u2013\-\s]*[\])]?")
_AFTER_WORD = re.compile(r"(?:[A-Za-z]{3,}[.,;:)]?|[.,;:)\]%])$")
_BLOCK_OPEN = re.compile(r"<(?:p|div|li|td|th|dt|dd|br|h[1-6]|blockquote|section|aside)\b[^<>]*>", re.I)
_EXPONENT = re.compile(r"[+\-\u2212]?\d+(?:\.\d+)?")


def superscripts_as_text(text: str) -> str:
    """`text` (HTML) with each `<sup>` read as a browser shows it: a citation number after a word
    dropped, the words kept apart ("common and treatable", not "common12 and"); an exponent
    written with a caret ("2^31-1", not "231-1", "kg/m^2"); anything else as its text."""
    def read(m: re.Match) -> str:
        inner = " ".join(_TAG.sub("", m.group(1)).split())
        # a block's opening tag ends what came before: a footnote's label opens its paragraph
        before = _TAG.sub("", _BLOCK_OPEN.sub("\n", text[max(0, m.start() - 200):m.start()])).rstrip("\u00a0")
        if _CITATION_RUN.fullmatch(inner) and _AFTER_WORD.search(before):
            return " " if text[m.end():m.end() + 1].isalnum() else ""
        if _EXPONENT.fullmatch(inner) and re.search(r"[\w)]$", before):
            return "^" + inner
        # a footnote's own label ("[22] If the ...") keeps the space set inside it
        return inner + (" " if m.group(1)[-1:].isspace() else "")

    return _SUPERSCRIPT.sub(read, text) if "<sup" in text.lower() else text


# A backslash before ASCII punctuation makes it a literal character (CommonMark): "\<stdio.h>" is
# text, not a tag, and "Z\_OK" has no emphasis.  So is the text of code: literal characters are
# parked in the private-use area while the markup is stripped, then put back.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = re.compile("[\ue000-\ue07f]")
# A code span holds no emphasis ("`~/.pyenv/versions/*/bin/*`"); one opened by a run of backticks
# closes at a run as long, and one space inside each end is padding ("`` `x` ``").
# A backslash in it is literal ("`\`"), and an escaped backtick opens none.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")

# A fenced code block: its lines are code, so a "# comment" in it is no heading.
# Indented as deep as a list item's text when the block belongs to the item.
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_FENCE_LINE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_ITEM = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t])")
_FOOTNOTE = re.compile(r"^[ \t]{0,3}\[\^[^\]\[\s]+\]:")  # its text goes on in indented lines, as an item's does
# A table's delimiter row ("|---|:--:|"): the line under its header row.
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_STOPS = re.compile(r"[.!?:;][\"'”’)\]]*$|[ ]{2}$|\\$")  # a sentence end or a hard line break
# A line's first letter, after opening quotes, brackets, code or emphasis marks and path characters.
# A code span without letters ("`'.'` segments") is passed over whole, as a mark is.
_FIRST_LETTER = re.compile(r"^(?:`[^`\w]*`[ \t]*|[`(\"'*_\[~./\\-])*([^\W\d_])")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")


def _parked(text: str) -> str:
    return "".join(chr(0xE000 + ord(c)) if "!" <= c <= "~" and not c.isalnum() else c for c in text)


def _html_table_rows(table: str) -> str:
    rows = []
    for row in _HTML_ROW.findall(table):
        cells = [" ".join(_TAG.sub(" ", cell).split()) for cell in _HTML_CELL.findall(row)]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n\n" + "\n".join(rows) + "\n\n"


def _blocks_read(text: str, opening: re.Pattern, closing: re.Pattern, read: Callable[[str], str]) -> str:
    """Each block from `opening` to the next `closing` replaced by what `read` makes of it; one left
    open stays as text. By search rather than one pattern, which would scan to the end from every
    unclosed opening."""
    out: list[str] = []
    at = 0
    while (start := opening.search(text, at)) and (end := closing.search(text, start.end())):
        out += [text[at:start.start()], read(text[start.start():end.end()])]
        at = end.end()
    return "".join(out) + text[at:]


def _unpadded(code: str) -> str:
    return code[1:-1] if len(code) > 2 and code[0] == code[-1] == " " and code.strip() else code


def _parked_block(m: re.Match) -> str:
    """A fenced code block with the lines between its fences parked, so no markup rule reads them."""
    lines = m.group(0).split("\n")
    closed = len(lines) > 1 and _FENCE_LINE.match(lines[-1]) is not None
    inner = lines[1:-1] if closed else lines[1:]
    return "\n".join([lines[0], *map(_parked, inner), *([lines[-1]] if closed else [])])


_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)([^\][\n]{1,1000})\]:[ \t]+\S", re.M)  # a footnote's "[^1]:" is none
_SHORTCUT = re.compile(r"(?<![\]!\\])\[([^\][\n]{1,1000})\](?![(\[:])")


def _link_labels(md: str) -> frozenset[str]:
    """The labels of the reference links `md` defines, each on a line of its own."""
    return frozenset(" ".join(m.group(1).split()).casefold() for m in _DEFINITION.finditer(md))


def _shortcut_links_read(text: str, labels: frozenset[str]) -> str:
    """A shortcut reference link ("learn more at [The Cargo Book]." with "[The Cargo Book]: https://..."
    below) read as its text, as Markdown shows it: only a label the file defines (`labels`), so that
    "[x]" or "[citation needed]" stays as written."""
    if not labels:
        return text
    return _SHORTCUT.sub(lambda m: m.group(1) if " ".join(m.group(1).split()).casefold() in labels else m.group(), text)


def _strip(text: str, labels: frozenset[str] = frozenset()) -> str:
    text = _FENCE.sub(_parked_block, text)
    text = _CODE_SPAN.sub(lambda m: _parked(_unpadded(m.group(2))), text)
    text = _ESCAPED.sub(lambda m: _parked(m.group(1)), text)
    text = _blocks_read(text, _COMMENT_OPEN, _COMMENT_CLOSE, lambda _: "")  # notes to the writer, never shown
    text = _blocks_read(text, _TABLE_OPEN, _TABLE_CLOSE, _html_table_rows)
    text = superscripts_as_text(text)
    text = _shortcut_links_read(text, labels)
    for pat, rep in _MD_SYNTAX:
        text = pat.sub(rep, text)
    # Character references ("&amp;", "&nbsp;") are text once the tags are gone; in code they stay
    # as written (parked), as Markdown shows them there.
    text = html.unescape(text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)


def _headings(md: str) -> list[re.Match]:
    fences = [m.span() for m in _FENCE.finditer(md)]
    return [m for m in _HEADING.finditer(md) if not any(s <= m.start() < e for s, e in fences)]


def _fence_after(fence: str, line: str) -> str | None:
    """The open fence after `line` when it opens or closes one or lies in one, else None."""
    opened = _FENCE_LINE.match(line)
    if fence and opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
        return ""
    return fence or (opened.group(1) if opened else None)


def _prose_mapped(md: str, change: Callable[[list[str]], list[str]]) -> str:
    """`md` with `change` applied to each run of lines outside fenced code; the code keeps its lines."""
    out: list[str] = []
    prose: list[str] = []
    fence = ""
    for line in md.split("\n"):
        after = _fence_after(fence, line)
        if after is None:
            prose.append(line)
            continue
        out += change(prose)
        prose = []
        out.append(line)
        fence = after
    return "\n".join(out + change(prose))


def _goes_on(line: str) -> bool:
    """Whether a line starts in lower case, code spans and brackets aside ("`~/.pyenv` ...")."""
    m = _FIRST_LETTER.match(line)
    return m is not None and m.group(1).islower()


def _left_open(line: str) -> bool:
    """Whether a line leaves a bracket or a sentence open: "Here is a [courlan](...) (source:",
    whose next line, "[Limpkin at Harn's Marsh by", goes on inside it whatever its case; a line
    ending in a comma, "and" or "or" ("packages with similar aims are [edgeR](...)," over
    "[DSS](...)," one link a line)."""
    return line.count("(") > line.count(")") or line.count("[") > line.count("]") or _OPEN_END.search(line) is not None


_OPEN_END = re.compile(r"(?:,|\s(?:and|or))[ \t]*$")
_SENTENCE_WORDS = 5  # words of a line a sentence broken mid-way has run to at least


def _name_goes_on(prev: str, line: str) -> bool:
    """Whether `line`, opening with a capital, goes on with the sentence `prev` broke off mid-way:
    a wordy line ending in a word, over a line of words (not a table's row of figures) that is no
    field ("The code is unchanged from Geoffrey" over "Tobin's LaTeX 2.09 original, except for
    ..."), as Markdown joins them."""
    words, rest = prev.split(), line.split()
    return (len(words) >= _SENTENCE_WORDS and words[-1][-1:].isalpha() and line[:1].isupper() and len(rest) >= 3
            and sum(any(c.isalpha() for c in w) for w in rest) >= 0.8 * len(rest) and not is_field(line)
            and not _STOPS.search(prev))


def _continuations_joined(lines: list[str], typed: bool = True) -> list[str]:
    """A line that goes on with the sentence the line before left open (it starts in lower case,
    or the line before leaves a bracket open; in a file a person `typed`, one a capital opens after a
    sentence broken mid-way, `_name_goes_on`) is joined to it: a soft line break, as Markdown
    reads it.  Not onto a heading or a table row,
    and an indented line only inside a list item (elsewhere it is code)."""
    out: list[str] = []
    item = False  # the paragraph is a list item
    for line in lines:
        if not line.strip():
            item = False
            out.append(line)
            continue
        prev = out[-1] if out else ""
        body = line.strip()
        if (prev.strip() and ((_goes_on(body) and not _STOPS.search(prev)) or (_left_open(prev) and body[0] not in ">|#")
                              or (typed and _name_goes_on(prev, body)))
                and not _ITEM.match(line)
                and len(prev.split()) >= 3 and not _HEADING.match(prev) and not prev.lstrip().startswith("|")
                and (item or not line.startswith(("    ", "\t")))):
            out[-1] = prev.rstrip() + " " + body
        else:
            out.append(line)
            item = item or bool(_ITEM.match(line) or _FOOTNOTE.match(line))
    return out


def _row(line: str) -> str:
    """A table row as its cells, padding, outer bars and empty cells at either end left out:
    "Linux | GCC >= 10.1". A line break in a cell ("<br>") is a space: the row stays one line. A
    bar escaped in a cell is the bar it shows ("KeepAlive On|Off"), in a code span too, as GFM reads it."""
    cells = [_BREAK_TAG.sub(" ", c).strip().replace("\\|", "|") for c in _CELL_BAR.split(line.strip())]
    # an empty cell before the first word is no text (an admonition's icon: "| | Tip |")
    while cells and not cells[0]:
        cells = cells[1:]
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def _prose_read(lines: list[str], typed: bool = True) -> list[str]:
    """Pipe tables (a header row over a delimiter row, then rows) read as rows of cells, one per
    line: the delimiter row says how to align columns, nothing a reader reads, and the padding
    that lines the columns up in the source is no text.  The lines around them are unwrapped
    (`_unwrapped`); a table's rows never are, with or without outer bars."""
    out: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(lines):
        if "|" in lines[i] and i + 1 < len(lines) and _DELIMITER_ROW.match(lines[i + 1]):
            out += _unwrapped(run, typed)
            run = []
            out.append(_row(lines[i]))
            i += 2
            while i < len(lines) and lines[i].strip() and "|" in lines[i]:
                out.append(_row(lines[i]))
                i += 1
        else:
            run.append(lines[i])
            i += 1
    return out + _unwrapped(run, typed)


def _unwrapped(lines: list[str], typed: bool = True) -> list[str]:
    """Hard-wrapped paragraphs joined (`clean.unwrap_lines`, then `_continuations_joined`) on the
    Markdown source, where a line is as wide as the writer typed it: with its links stripped it
    would look short and stay apart, and after the continuations are joined a paragraph's lines
    are no longer as typed (a line before one opening with a link, "[CI](#testing-and-ci), ...",
    stayed apart from it beside the long line its lower-case followers made).  A hard line break
    (two spaces or a backslash at a line's end) ends the line unless the next goes on in lower
    case: "**Present:** AB, CD  " over "**Apologies:** IJ" are two lines, but a sentence broken
    so ("... which is not\\" over "exposed by Node-API") is one."""
    out: list[str] = []
    start = 0
    for i, line in enumerate(lines):
        if i == len(lines) - 1 or (_HARD_BREAK.search(line) and not _goes_on(lines[i + 1].strip())):
            out += _continuations_joined(unwrap_lines([_HARD_BREAK_MARK.sub("", ln.rstrip()) for ln in lines[start : i + 1]]),
                                         typed)
            start = i + 1
    return out


_HARD_BREAK = re.compile(r"\S(?: {2,}|\\)$")
_HARD_BREAK_MARK = re.compile(r"(?<=[^\s\\])\\$")  # the backslash that breaks a line, no text


# An admonition of Python-Markdown and MkDocs ("!!! tip", '!!! note "Exporting"', a collapsible
# "??? warning" or "???+ note"), its body indented four spaces under it.
_ADMONITION = re.compile(r"""^[ \t]{0,3}(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*$""")


def _admonitions_read(lines: list[str]) -> list[str]:
    """Admonitions read as their boxes show them: the title, or the type when none is given
    ('!!! tip "Exporting"' shows "Exporting"; "!!! warning" shows "Warning"), over the body set back
    from its indent, so that it reads as prose rather than as an indented code block. An empty
    title ('!!! note ""') shows none."""
    out: list[str] = []
    body = False
    for line in lines:
        m = _ADMONITION.match(line)
        if m:
            title = m.group(2) if m.group(2) is not None else m.group(1).replace("-", " ").capitalize()
            out += [title, ""] if title.strip() else []
            body = True
            continue
        if body and line.strip() and _indent(line) < 4:
            body = False
        out.append(line[4:] if body and line.startswith("    ") else line)
    return out


# MyST's admonition directives, fenced ("```{note}", ":::{warning}"): their body is Markdown.
_DIRECTIVE = re.compile(r"^[ \t]{0,3}(`{3,}|:{3,})\{(note|warning|caution|tip|hint|important|attention|danger|error|"
                        r"seealso|admonition)\}[ \t]*(.*?)[ \t]*$")
_DIRECTIVE_OPTION = re.compile(r"^[ \t]*:[\w-]+:")  # ":class: dropdown", before the body
# A callout of Quarto (pandoc's fenced div of class "callout-note", ...): a box like an admonition.
_CALLOUT = re.compile(r"^[ \t]{0,3}(:{3,})[ \t]*\{[^}\n]*?\.callout-(note|warning|important|tip|caution)\b([^}\n]*)\}[ \t]*$")
# Any other fenced div of pandoc's ("::: {.column-margin}", "::: {#fig-hours}", "::: notes") or its
# closing fence: the div is no text, what it holds is.
_DIV_FENCE = re.compile(r"^[ \t]{0,3}:{3,}[ \t]*(?:\{[^}\n]*\}|[\w-]+)?[ \t]*:*[ \t]*$")


def _div_fences_dropped(lines: list[str]) -> list[str]:
    return [ln for ln in lines if not _DIV_FENCE.match(ln)]


def _directive_admonitions(md: str) -> str:
    """MyST's fenced admonitions ("```{note}" ... "```") written as Python-Markdown's ("!!! note"
    over the body indented four spaces), which `_admonitions_read` reads as the title over the body:
    read as a fence, the body had been code, its list items and wrapped lines kept as typed.  The
    directive's options are no text; "{admonition}"'s argument is its title."""
    lines = md.split("\n")
    # where each fence string closes, looked up rather than scanned for: a file of unclosed
    # directives would cost quadratic time
    closing: dict[str, list[int]] = {}
    for j, ln in enumerate(lines):
        if ln.strip()[:3] in ("```", ":::"):
            closing.setdefault(ln.strip(), []).append(j)
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i]) or _CALLOUT.match(lines[i])
        after = closing.get(m.group(1), []) if m else []
        at = bisect.bisect_right(after, i)
        end = after[at] if at < len(after) else None
        if m is None or end is None:
            out.append(lines[i])
            i += 1
            continue
        body = lines[i + 1:end]
        named = m.group(3) if m.group(2) == "admonition" else ""
        if m.re is _CALLOUT:
            # a callout's title is its title attribute, or the heading opening its body
            named = (title_attribute := re.search(r'\btitle\s*=\s*"([^"]*)"', m.group(3))) and title_attribute.group(1)
            first = next((k for k, ln in enumerate(body) if ln.strip()), None)
            if not named and first is not None and (heading := _HEADING.match(body[first])):
                named, body = heading.group(2), body[first + 1:]
        title = f' "{named}"' if named else ""
        out += ["", f"!!! {m.group(2)}{title}"]
        while body and _DIRECTIVE_OPTION.match(body[0]):
            body = body[1:]
        out += [f"    {ln}" if ln.strip() else "" for ln in body] + [""]
        i = end + 1
    return "\n".join(out)


def _setext_as_atx(lines: list[str]) -> list[str]:
    """Setext headings ("Title" over a line of = or -) written as ATX ones ("# Title", "## Title"),
    where the line above is paragraph text (not a list item, a table row or a heading)."""
    out: list[str] = []
    for line in lines:
        under = _SETEXT.match(line)
        above = out[-1] if out else ""
        if under and above.strip() and not _ITEM.match(above) and not above.lstrip().startswith(("|", "#", ">")) \
                and not _SETEXT.match(above):
            out[-1] = ("# " if under.group(1)[0] == "=" else "## ") + above.strip()
            continue
        out.append(line)
    return out


# A paragraph of one line set wholly in bold, short and no sentence ("**Example 1: Copying a local
# file to S3**", "**Strict assertion mode**"): a heading the writer did not mark as one.
_BOLD_LINE = re.compile(r"^(\*\*|__)(?=\S)((?:(?!\1).){1,120}?)(?<=\S)\1$")
_BOLD_WORDS = 16


class _BoldHeadings:
    """Bold lines standing alone as paragraphs (`_BOLD_LINE`) written as headings one level below
    the last heading marked as one (level 2 where none is: never the page's title), so that each
    heads the text under it; read across the runs of prose between code blocks."""

    def __init__(self) -> None:
        self.level = 1  # of the last heading written with "#"
        self.marked = False  # whether a heading written with "#" came before any bold one
        self.bold = 0  # bold lines read as headings

    def read(self, lines: list[str]) -> list[str]:
        out = list(lines)
        for i, line in enumerate(lines):
            if atx := re.match(r"^(#{1,6})\s", line):
                self.level = len(atx.group(1))
                self.marked = self.marked or not self.bold
                continue
            bold = _BOLD_LINE.match(line)
            alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
            if bold and alone and len(bold.group(2).split()) <= _BOLD_WORDS and not re.search(r"[.!?,;]$", bold.group(2)):
                out[i] = "#" * min(6, max(2, self.level + 1)) + " " + bold.group(2)
                self.bold += 1
        return out

    @property
    def untitled(self) -> bool:
        """Whether the page opens with bold headings, two or more, and no heading marked as one:
        a page of examples ("Example 1: ...", "Example 2: ..."), which none of them names."""
        return self.bold >= 2 and not self.marked


def markdown_text(md: str, typed: bool = True) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The text without markup, and its headings (level, text without markup) in order; `typed`:
    a person typed its line breaks (a Markdown file), not a converter (a page's main content,
    where a line break stands for one the page shows)."""
    labels = _link_labels(md)  # before the prose is unwrapped, which joins a run of definitions
    # A line of prose carries no indent once read (a list item's paragraph, a space before a line);
    # a line of code keeps its own.
    # A list item's mark is "• " here, where code is told from prose: in code a line's "* " or "- "
    # is its own (a shell's active-version star, a YAML list's dash).
    md = _prose_mapped(md, lambda lines: [_BULLET_ITEM.sub("• ", ln.lstrip())
                                          for ln in _nested_items_marked(_prose_read(lines, typed))])
    headings = tuple((len(m.group(1)), _strip(m.group(2), labels).strip()) for m in _headings(md))
    return _strip(md, labels), headings


_BULLET_ITEM = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")


def _nested_items_marked(lines: list[str]) -> list[str]:
    """A bulleted item set deeper than the run of bulleted items it stands in marked "◦", a nested
    list's item, before the indent that tells it goes."""
    out = list(lines)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and _BULLET_ITEM.match(out[j]):
            j += 1
        if j == i:
            i += 1
            continue
        indents = [len(_BULLET_ITEM.match(ln).group(1).expandtabs(4)) for ln in out[i:j]]
        top = min(indents)
        out[i:j] = [_BULLET_ITEM.sub("◦ ", ln) if indent > top else ln for ln, indent in zip(out[i:j], indents)]
        i = j
    return out


_ITEM_MARK = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)]))([ \t]+)\S")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _item_column(line: str) -> int | None:
    """The column a list item's (or footnote's) text starts at, if the line opens one."""
    mark = _ITEM_MARK.match(line)
    if mark:
        return mark.end() - 1 if len(mark.group(2)) <= 4 else mark.end(1) + 1
    return _indent(line) + 4 if _FOOTNOTE.match(line) else None


def _code_end(lines: list[str], i: int, depth: int) -> int:
    """Where the indented code block opening at line i ends (its trailing blank lines left out)."""
    j = i
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) >= depth):
        j += 1
    while not lines[j - 1].strip():
        j -= 1
    return j


def _indented_code_fenced(md: str) -> str:
    """Indented code blocks (CommonMark: after a blank line, four spaces deeper than the text of
    the list item they sit in, if any) fenced, so that they are code as a fenced block is: kept
    line by line, their "<version>" no tag to strip and their "# comment" no heading.  A list
    item's own paragraphs, indented as deep as its text, stay prose."""
    out: list[str] = []
    items: list[int] = []  # the text column of each list item (or footnote) the line may belong to
    fence = ""
    blank = True
    lines = md.expandtabs(4).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        after = _fence_after(fence, line)
        if after is not None or not line.strip():
            fence = after or ""
            blank = after is None
            out.append(line)
            i += 1
            continue
        if blank:
            while items and _indent(line) < items[-1]:
                items.pop()
        depth = (items[-1] if items else 0) + 4
        if blank and _indent(line) >= depth:
            j = _code_end(lines, i, depth)
            pad = " " * (depth - 4)
            out += [pad + "```", *(ln[depth:] for ln in lines[i:j]), pad + "```"]
            i, blank = j, False
            continue
        column = _item_column(line)
        if column is not None:
            while items and items[-1] > _indent(line):
                items.pop()
            items.append(column)
        out.append(line)
        i += 1
        blank = False
    return "\n".join(out)


# A heading set in HTML ("<h1 align="center">Charset Detection</h1>", as READMEs centre a title);
# bounded, so that unclosed ones cost linear time.
_HTML_HEADING = re.compile(r"<h([1-6])\b[^<>]*>(.{0,1000}?)</h\1\s*>", re.I | re.S)


def _html_headings_as_atx(lines: list[str]) -> list[str]:
    """HTML headings written as Markdown ones, so that they title the page and open sections; one
    holding no text (a logo) is left out."""
    def atx(m: re.Match) -> str:
        inner = " ".join(_TAG.sub(" ", m.group(2)).split())
        return f"\n\n{'#' * int(m.group(1))} {inner}\n\n" if inner else "\n\n"

    text = "\n".join(lines)
    return _HTML_HEADING.sub(atx, text).split("\n") if "<h" in text.lower() else lines


# A disclosure's summary at a line's start ("<details><summary>Should I commit my `.env` file?
# </summary>", a README's FAQ); bounded like the headings above.
_HTML_SUMMARY = re.compile(r"^[ \t]*(?:<details\b[^<>]*>\s*)?<summary\b[^<>]*>(.{0,1000}?)</summary\s*>", re.I | re.S | re.M)


def _summaries_as_atx(md: str) -> str:
    """Each disclosure's summary outside code written as a heading a level under the one it stands
    in, as the HTML reader reads one, so that an FAQ's questions head their answers; an empty one
    is left out."""
    if "<summary" not in md.lower():
        return md
    fences = [m.span() for m in _FENCE.finditer(md)]
    headings = _headings(md)
    starts = [h.start() for h in headings]
    out, at = [], 0
    for m in _HTML_SUMMARY.finditer(md):
        if any(s <= m.start() < e for s, e in fences):
            continue
        k = bisect.bisect_left(starts, m.start())
        level = len(headings[k - 1].group(1)) if k else 1
        inner = " ".join(_TAG.sub(" ", m.group(1)).split())
        out += [md[at:m.start()], f"\n\n{'#' * min(level + 1, 6)} {inner}\n\n" if inner else "\n\n"]
        at = m.end()
    return "".join(out + [md[at:]])


# A table of contents: list items, or a line, of nothing but links into the page itself
# ("* **[Installation](#installation)**"); the headings they repeat stand where they are.
MIN_CONTENTS_LINKS = 3
_PAGE_LINK = re.compile(r"\[[^\][\n]{1,1000}\]\(#[^()\s]{0,500}\)")
_RULE = re.compile(r"^[ \t]*([-*_][ \t]*){3,}$")
_LINK_DEBRIS = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[\s*_|·•,/–—-]*$")


def _page_links(line: str) -> int:
    """How many links into the page `line` holds when it holds nothing else (a list mark,
    emphasis and separators aside), else 0."""
    links = len(_PAGE_LINK.findall(line))
    return links if links and _LINK_DEBRIS.match(_PAGE_LINK.sub("", line)) else 0


def _contents_dropped(lines: list[str]) -> list[str]:
    """`lines` without their tables of contents: a run of lines (blank ones between allowed)
    holding nothing but links into the page, three or more, not inside a list item; and the
    heading over one, when the table is all its section holds (a rule under it aside) and it is
    not the page's title."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j, links = i, 0
        while j < len(lines) and (n := _page_links(lines[j])):
            links += n
            j += 1
            while j < len(lines) and not lines[j].strip() and j + 1 < len(lines) and _page_links(lines[j + 1]):
                j += 1
        # Links listed inside an item, indented under it ("* These sections are processed, in
        # order:" over its settings), are that item's words, not the page's contents.
        if links < MIN_CONTENTS_LINKS or _indent(lines[i]) >= 2:
            out += lines[i:max(j, i + 1)]
            i = max(j, i + 1)
            continue
        k = j
        while k < len(lines) and (not lines[k].strip() or _RULE.match(lines[k])):
            k += 1
        above = len(out)
        while above and not out[above - 1].strip():
            above -= 1
        over = _HEADING.match(out[above - 1]) if above else None
        under = _HEADING.match(lines[k]) if k < len(lines) else None
        # Not the page's title over its sections ("# Pull requests" over "## Dependencies"); a
        # "## Table of Contents" over "### Install" heads nothing the sections after it are part of.
        if over and (k == len(lines) or under) and not (len(over.group(1)) == 1 and under
                                                        and len(under.group(1)) > 1):
            del out[above - 1:]
        i = j
    return out


def read_markdown(data: bytes, computed: bool = False) -> TextRead:
    """`data` read as Markdown; `computed`: R Markdown or Quarto (.Rmd, .qmd), whose code chunks
    run when the page is made (`_chunks_as_shown`)."""
    raw, note = decode_bytes(data)
    # Front matter (YAML between "---" lines) is no text, but it names the page, its authors and
    # date, which the made page prints under its title (so they answer who wrote it and when), and
    # its abstract is the page's first text, as pandoc sets it.
    front = re.match(r"\A---\n(.*?)\n---\n", raw, re.S)
    named_title, authors, year, abstract, byline = _front_matter(front.group(1)) if front else ("", (), "", "", "")
    raw = raw[front.end():] if front else raw
    named_title = " ".join(markdown_text(named_title)[0].split())  # "Introduction to *BiocParallel*"
    if abstract:
        raw = f"# Abstract\n\n{abstract}\n\n{raw}"
    if computed:
        raw = _chunks_as_shown(raw)
    # A style sheet or a script in the page shows no text, nor do attribute blocks; math shows
    # its characters.
    raw = _prose_mapped(raw, lambda lines: _math_as_text(_attributes_dropped(_hidden_dropped(lines))))
    # Pandoc's title block ("% Rust Release Notes", then its author and date lines) names the page.
    if not named_title and (block := _PANDOC_TITLE.match(raw)):
        named_title, raw = block.group(1).strip(), raw[block.end():]
    raw = _prose_mapped(_prose_mapped(_prose_mapped(_directive_admonitions(raw), _div_fences_dropped), _contents_dropped),
                        _admonitions_read)
    raw = _indented_code_fenced(_summaries_as_atx(_prose_mapped(raw, _html_headings_as_atx)))
    raw = _prose_mapped(raw, _setext_as_atx)
    bold = _BoldHeadings()
    raw = _prose_mapped(raw, bold.read)
    # A heading stands alone even where the paragraph under it follows on the next line, so that
    # a long heading is never joined to it as a wrapped line.
    for m in reversed(_headings(raw)):
        raw = raw[:m.end()] + "\n" + raw[m.end():]
    text, headings = markdown_text(raw)
    title = named_title or _heading_title(text, headings)
    if byline:
        text = f"{byline}\n\n{text}"
    return TextRead(text, title, note, headings, authors, year, untitled=not title and bold.untitled)


_PANDOC_TITLE = re.compile(r"\A%[ \t]+(\S[^\n]*)\n(?:%[^\n]*\n){0,2}")


def _heading_title(text: str, headings: tuple[tuple[int, str], ...]) -> str:
    """The first level-1 heading, when no text stands before it: after an introduction
    ("This project provides ...", then "Building" over "====="), it heads a section. Where no
    heading is of level 1, the one heading of the highest level there is, opening the page ("##
    Most probably asked questions" over its questions, each "###"), is the title."""
    top = min((level for level, _ in headings), default=1)
    highest = [h for level, h in headings if level == top]
    first = highest[0] if highest and (top == 1 or len(highest) == 1) else ""
    at = re.search(rf"^{re.escape(first)}$", text, re.M) if first else None
    return first if at is not None and not text[:at.start()].strip() else ""


def _front_matter(yaml_text: str) -> tuple[str, tuple[str, ...], str, str, str]:
    """The title, authors, year and abstract a Markdown file's front matter gives (pandoc's, a
    static site's `title:`, `author:` or `authors:` as a name, a list of names or of records with a
    `name`, `date:` and `abstract:`), and the lines the made page prints under its title: each
    author as written, then the date (a date computed when the page is made, R Markdown's "`r
    Sys.Date()`" or Quarto's "today", prints none we can read); nothing from front matter that is
    no YAML mapping."""
    try:
        fields = yaml.safe_load(yaml_text)
    except yaml.YAMLError:
        return "", (), "", "", ""
    if not isinstance(fields, dict):
        return "", (), "", "", ""
    abstract = fields.get("abstract")
    title = fields.get("title")
    named = fields.get("author", fields.get("authors"))
    names: list[str] = []
    shown: list[str] = []
    for item in named if isinstance(named, list) else [named]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names += split_authors(name)
            shown.append(" ".join(name.split()))
    date = fields.get("date")
    # YAML reads "2023-03-14" as a date, "2023-03-14 10:00" as a time: the page prints the day
    day = date.date() if isinstance(date, datetime.datetime) else date
    written = day.isoformat() if isinstance(day, datetime.date) else " ".join(day.split()) if isinstance(day, str) else ""
    if written and "`" not in written and any(c.isdigit() for c in written):  # not Quarto's "today"
        shown.append(written)
    shown += _dated_fields(fields)
    return (" ".join(title.split()) if isinstance(title, str) else "", tuple(names),
            year_of(str(date)) if date is not None else "", abstract.strip() if isinstance(abstract, str) else "",
            "\n\n".join(shown))


# A front matter's field saying when the page was changed or which version it is ("last_updated:
# 2026-05-14", "version: 2.3", "lastModified", "revised"), which a site prints beside its title
# ("Last updated: 14 May 2026"): "When was it last updated?" had nothing to answer it.
_DATED_KEY = re.compile(r"(?:updated|modified|lastmod|revised|reviewed|version|revision|published)$", re.I)
_KEYS_SHOWN = ("title", "author", "authors", "date", "abstract")


def _dated_fields(fields: dict) -> list[str]:
    """The lines "Last updated: 2026-05-14" for the fields (`_DATED_KEY`) whose value is a date or
    one short scalar, their keys in words ("last_updated", "lastUpdated": "Last updated")."""
    out = []
    for key, value in fields.items():
        if not isinstance(key, str) or key.lower() in _KEYS_SHOWN or not _DATED_KEY.search(key.replace("_", "").replace("-", "")):
            continue
        day = value.date() if isinstance(value, datetime.datetime) else value
        if isinstance(day, datetime.date):
            said = day.isoformat()
        elif isinstance(day, (str, int, float)) and not isinstance(day, bool) and 0 < len(str(day).split()) <= 4:
            said = " ".join(str(day).split())
        else:
            continue
        words = re.sub(r"(?<=[a-z])(?=[A-Z])|[_-]+", " ", key).strip().lower()
        out.append(f"{words[:1].upper()}{words[1:]}: {said}")
    return out


# An attribute block of pandoc, kramdown or MkDocs' attr_list: "{#sec-methods}", "{.tabset .tabset-fade}",
# '{target="_blank"}', "{-}", kramdown's "{: .note}". It sets an id, a class or a property, and
# shows nothing: after a heading, a link or an image, a bracketed span ("[span]{.mark}" shows
# "span"), or alone on a line.
_ATTRIBUTE = r"""(?:[#.][\w:.-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}'"]+)|-)"""
_ATTRIBUTES = rf"\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}"
_HEADING_ATTRIBUTES = re.compile(rf"^([ \t]{{0,3}}#{{1,6}}[ \t]+.*?\S)[ \t]+{_ATTRIBUTES}[ \t]*$")
_LINK_ATTRIBUTES = re.compile(rf"(\]{_ADDRESS}){_ATTRIBUTES}")
_SPAN_ATTRIBUTES = re.compile(rf"\[([^\][\n]{{1,1000}})\]{_ATTRIBUTES}")
_ATTRIBUTES_LINE = re.compile(rf"^[ \t]*{_ATTRIBUTES}[ \t]*$")


def _attributes_dropped(lines: list[str]) -> list[str]:
    """`lines` without their attribute blocks (`_ATTRIBUTES`)."""
    out = []
    for line in lines:
        if "{" not in line:
            out.append(line)
        elif not _ATTRIBUTES_LINE.match(line):
            line = _HEADING_ATTRIBUTES.sub(r"\1", line)
            out.append(_SPAN_ATTRIBUTES.sub(r"\1", _LINK_ATTRIBUTES.sub(r"\1", line)))
    return out


# TeX math as pandoc reads it in Markdown: "$$ ... $$" (a display, over lines), or "$...$" opening
# before a non-space and closing after one, not before a digit ("$5 and $10" is no math); a code
# span is passed over whole, and no math holds a backtick (a regular expression in a changelog,
# "/^[a-zA-Z0-9_!#$%&'*+.^`|~-]+$/", whose code span its own backtick breaks).
_MATH = re.compile(r"(`+)[^`]*?\1|\$\$(?P<display>[^$`]{1,4000}?)\$\$|(?<![\\$\w])\$(?=\S)(?P<inline>[^$\n`]{0,400}?\S)\$(?![\d$])",
                   re.S)


def _math_as_text(lines: list[str]) -> list[str]:
    """`lines` with their TeX math read as the characters it shows ("$K_{ij} \\sim \\textrm{NB}(\\mu_{ij},
    \\alpha_i)$": "K_ij ∼NB(μ_ij, α_i)"), by pylatexenc."""
    text = "\n".join(lines)
    if "$" not in text:
        return lines

    def read(m: re.Match[str]) -> str:
        tex = m.group("display") if m.group("display") is not None else m.group("inline")
        if tex is None:
            return m.group()  # a code span
        try:
            shown = " ".join(_latex_text().latex_to_text(tex).split())
        except Exception:  # pylatexenc gives up on some TeX ("\\begin{array}" left open): kept as written
            return m.group()
        if "%s" in shown and "%s" not in tex:
            return m.group()  # a macro short of its arguments ("\\frac{a") fills in its pattern's "%s"
        return f"\n\n{shown}\n\n" if m.group("display") is not None else shown

    return _MATH.sub(read, text).split("\n")


def math_as_text(md: str) -> str:
    """Markdown `md` with the TeX math of its prose read as the characters it shows (`_math_as_text`);
    code is left as written."""
    return _prose_mapped(md, _math_as_text)


@lru_cache(maxsize=1)
def _latex_text():  # type: ignore[no-untyped-def]
    import logging

    from pylatexenc.latex2text import LatexNodes2Text

    # its warnings about a formula it reads as best it can ("macro '\\frac' failed its
    # substitution") are no message for whoever indexes the file
    logging.getLogger("pylatexenc").setLevel(logging.ERROR)
    return LatexNodes2Text(math_mode="text")


_HIDDEN_OPEN = re.compile(r"^[ \t]{0,3}<(style|script)\b[^<>]*>", re.I)


def _hidden_dropped(lines: list[str]) -> list[str]:
    """`lines` without the HTML style sheets and scripts opening on a line of their own, up to
    the line that closes each."""
    out: list[str] = []
    closing: re.Pattern[str] | None = None
    for line in lines:
        if closing is None and (m := _HIDDEN_OPEN.match(line)):
            closing = re.compile(rf"</{m.group(1)}\s*>", re.I)
            line = line[m.end():]
        if closing is None:
            out.append(line)
        elif closing.search(line):
            closing = None
    return out


# A code chunk of R Markdown or Quarto: "```{r name, echo=FALSE}" ... "```", its options in the
# braces or on "#|" lines opening its code ("#| include: false").
_CHUNK = re.compile(r"^([ \t]*)(`{3,})[ \t]*\{([A-Za-z]\w*)([^}\n]*)\}[ \t]*\n(.*?)^[ \t]*\2`*[ \t]*$", re.M | re.S)
_CHUNK_OPTION_LINE = re.compile(r"^[ \t]*#\|.*\n?", re.M)
_HIDDEN_CHUNK = re.compile(r"\b(?:echo|include)\s*=\s*(?:FALSE|F)\b|^[ \t]*#\|[ \t]*(?:echo|include)\s*:\s*false\b", re.M)
# Inline code that names a package or function by a call of one quoted name (`r Biocpkg("scater")`,
# `r CRANpkg("dplyr")`): the page shows the name.
_INLINE_NAME_CALL = re.compile(r"`r\s+[A-Za-z][\w.]*\(\s*[\"']([^\"'`\n]{1,100})[\"']\s*\)\s*`")


def _chunks_as_shown(md: str) -> str:
    """R Markdown or Quarto as the made page shows it: a chunk whose code is not shown (echo or
    include false) left out, the others as plain fenced code without their options, and a call
    naming a package inline as the name."""
    def chunk(m: re.Match[str]) -> str:
        if _HIDDEN_CHUNK.search(m.group(4)) or _HIDDEN_CHUNK.search(m.group(5)):
            return ""
        return f"{m.group(1)}{m.group(2)}{m.group(3)}\n{_CHUNK_OPTION_LINE.sub('', m.group(5))}{m.group(1)}{m.group(2)}"

    return _INLINE_NAME_CALL.sub(r"\1", _CHUNK.sub(chunk, md))

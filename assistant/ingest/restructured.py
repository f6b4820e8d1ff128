"""reStructuredText (a .rst file, or a package's README or a Sphinx page saved as .txt) written
as the Markdown of the page it renders to, for the Markdown reader (`markdown`): headings by their
adornment (a style's level is the order it first appears in), code, literal blocks, doctests and
tables fenced, list items as Markdown's, other text escaped so that it reads as written.

Explicit markup: a directive's head (".. code:: python", ".. image:: logo.png") and its options
(":alt: Logo") go, its body stays (the code, the note, a figure's caption) but for bodies that are
markup themselves (raw HTML, a table of contents' list of files); comments, link targets
(".. _SemVer: http://semver.org") and substitution definitions (".. |Logo| image:: ...") go whole.
Inline markup keeps its text: ``literal``, `text <url>`_, :role:`text`, **strong**, *emphasis*,
a reference to a target the file defines ("libwcwidth_"); a line of nothing but substitutions
("|Build-Status| |Coverage|", badges) goes. A file with no directive, no link target and no literal
block under underlined headings is left as it is: "..", "::" and backticks mean nothing in other text
(JSON, Markdown saved as text, release notes that quote ``code``).

Public API: `restructured_markdown`.
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["restructured_markdown"]

_NAME = r"[\w][\w:+.-]*"
_DIRECTIVE = re.compile(rf"^\.\.[ \t]+(?:\|[^|\n]+\|[ \t]+)?({_NAME})::(?:[ \t]+(.*))?$")
_TARGET = re.compile(r"^(?:\.\.[ \t]+_(`[^`]+`|[^:`]+):|__[ \t])")
_EXPLICIT = re.compile(r"^\.\.(?:[ \t]|$)")
_OPTION = re.compile(r"^:[\w][\w -]*:(?:[ \t]|$)")
_SUBSTITUTIONS = re.compile(r"^(?:\|[^|\s](?:[^|\n]*[^|\s])?\|_{0,2}[ \t]*)+$")
# Directives whose body is markup, not text: raw HTML or LaTeX, a table of contents' file list.
_MARKUP_BODY = frozenset({"raw", "toctree", "meta", "only", "tabularcolumns"})
# Directives whose argument is a file, an address or a language's name, not words of the page.
_NO_TEXT_ARGUMENT = frozenset({"image", "figure", "code", "code-block", "sourcecode", "highlight", "include",
                               "literalinclude", "raw", "toctree", "contents", "sectnum", "meta", "role",
                               "default-role", "container", "index", "only", "tabularcolumns", "module",
                               "currentmodule", "py:module", "py:currentmodule", "program"})
# Sphinx's notes of a version change, written as its pages show them: ".. versionadded:: 3.2" reads
# "Added in version 3.2.", not a bare "3.2".
_VERSION_CHANGE = {"versionadded": "Added in version", "versionchanged": "Changed in version",
                   "deprecated": "Deprecated since version", "versionremoved": "Removed in version"}
# Inline markup spans a line's stretch of at most `_SPAN` characters: bounded, a line of unmatched
# marks ("*a *a *a ...") costs linear time, not quadratic.
_SPAN = 300
_INLINE = [
    (re.compile(rf"``(\S(?:[^\n]{{0,{_SPAN}}}?\S)??)``"), r"\1"),
    (re.compile(r":(pep|rfc):`([^`<\n]*?)\s*(?:<[^`>\n]*>)?`", re.I), lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    # :func:`parse`, :ref:`text <label>`, :variable:`CMAKE_<LANG>_FLAGS` (a target follows a space);
    # Sphinx shows :func:`~os.path.join` as "join" and :func:`!open` as "open".
    (re.compile(r":[\w:+.-]+:`([^`\n]*?)(?:\s+<[^`\n]*>)?`"), lambda m: _role_text(m.group(1))),
    (re.compile(r"`([^`<\n]+?)\s*<[^`>\n]*>`__?"), r"\1"),  # `text <url>`_
    (re.compile(r"`([^`\n]+)`__?"), r"\1"),  # `a phrase`_
    (re.compile(rf"(?<![\w*])\*\*(\S(?:[^\n]{{0,{_SPAN}}}?\S)??)\*\*(?![\w*])"), r"\1"),
    (re.compile(rf"(?<![\w*])\*(?![\s*])([^\n]{{1,{_SPAN}}}?)(?<![\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # interpreted text, a role by default
]


def restructured_markdown(text: str, always: bool = False) -> tuple[str, str] | None:
    """`text` as Markdown and its title, or None when it has no explicit markup (no directive or
    link target) nor literal blocks under underlined headings (`_literal_under_headings`) and is not
    known to be reStructuredText (`always`: a .rst file). The title is the
    first heading where nothing but markup stands before it (as docutils takes a document's
    title), or the one heading of the top level (a Sphinx page's, under a note); else "", a
    section's heading ("Key Features" under a line of bold text, beside "Installation" and "Usage")
    being no title."""
    lines = text.split("\n")
    bare = [ln.lstrip() for ln in lines]
    if not always and not any(_DIRECTIVE.match(b) or _TARGET.match(b) for b in bare) and not _literal_under_headings(lines):
        return None
    # Fields before anything else are the file's metadata for Sphinx (":tocdepth: 2", ":orphan:"),
    # no text of the page.
    top = 0
    while top < len(lines) and (not bare[top] or _OPTION.match(bare[top])):
        top += 1
    if any(bare[:top]):
        lines, bare = [""] * top + lines[top:], [""] * top + bare[top:]
    # "name_" refers to a link target the file defines or to a section's title
    targets = {m.group(1).strip("`").lower() for b in bare if (m := _TARGET.match(b)) and m.group(1)}
    targets |= {b.strip().lower() for b, under in zip(bare, bare[1:]) if b and _RULE.match(under.strip())}
    markdown = _as_markdown(_joined(_markup_dropped(lines, bare), targets), targets)
    first = next((ln for ln in markdown.split("\n") if ln.strip()), "")
    tops = [ln for ln in markdown.split("\n") if ln.startswith("# ")]
    title = first if first.startswith("# ") else tops[0] if len(tops) == 1 else ""
    return markdown, _unescaped(title[2:])


# A paragraph ending "::" over a blank line and an indented one: reStructuredText's literal block.
_LITERAL_BLOCK = re.compile(r"\S::[ \t]*\n[ \t]*\n[ \t]+\S")


def _literal_under_headings(lines: list[str]) -> bool:
    """Whether text without explicit markup is reStructuredText all the same: a heading underlined
    by a rule of marks about its length and a literal block ("Example::" over indented code), as
    tzlocal's README has; Markdown, release notes and JSON have not both."""
    underlined = any(b.strip() and not _RULE.match(b.strip()) and _RULE.match(u.strip()) and len(u.strip()) >= 0.8 * len(b.strip())
                     for b, u in zip(lines, lines[1:]))
    return underlined and _LITERAL_BLOCK.search("\n".join(lines)) is not None


_NESTING = 40  # directives inside directives read as such; deeper, a body's lines are text as they stand


def _markup_dropped(lines: list[str], bare: list[str], depth: int = 0) -> list[tuple[str, bool]]:
    """The lines that are text, each with whether it is literal (code), explicit markup dropped."""
    out: list[tuple[str, bool]] = []
    literal = -1  # the indent of the paragraph whose "::" opened the literal block we are in
    i = 0
    while i < len(lines):
        line, b = lines[i], bare[i]
        indent = len(line) - len(b)
        if b and literal >= 0 and indent > literal:
            out.append((line, True))  # a literal block (code after "Example::") keeps every mark
            i += 1
            continue
        if b:
            literal = indent if b.endswith("::") and not _EXPLICIT.match(b) else -1
        if not _EXPLICIT.match(b) and not b.startswith("__ "):
            if not _SUBSTITUTIONS.match(b):
                out.append((line, False))
            i += 1
            continue
        end = _block_end(lines, i, indent)
        directive = _DIRECTIVE.match(b)
        if directive and "|" not in b.split("::")[0]:
            name, argument = directive.group(1).lower(), (directive.group(2) or "").strip()
            if argument and name not in _NO_TEXT_ARGUMENT and name not in _VERSION_CHANGE:
                out.append((" " * indent + argument, False))
            j = i + 1
            while j < end and _OPTION.match(bare[j]):
                j += 1  # the directive's options (":alt: Logo", ":target: url")
            table = _directive_table(name, bare[i + 1:j], lines[j:end]) if name in ("list-table", "csv-table") else None
            if table:
                body = [("", False), *((ln, True) for ln in _pipe_table(table, set())), ("", False)]
            elif name in ("code", "code-block", "sourcecode"):
                body = [(ln, bool(ln.strip())) for ln in lines[j:end]]
            elif name not in _MARKUP_BODY and depth < _NESTING:  # a body holds markup of its own: a tab's code
                body = _markup_dropped(lines[j:end], bare[j:end], depth + 1)
            else:
                body = [] if name in _MARKUP_BODY else [(ln, False) for ln in lines[j:end]]
            out += _version_change(name, argument, indent, body) if name in _VERSION_CHANGE else body
        # else a comment, a link target, a substitution's definition: no text of the page
        out.append(("", False))
        i = end
    return out


def _version_change(name: str, argument: str, indent: int, body: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A note of a version change as Sphinx shows it: "Added in version 3.2." alone, or opening its
    note's first paragraph ("Changed in version 3.20: Arguments may use ...")."""
    version, _, note = argument.partition(" ")
    said = f"{_VERSION_CHANGE[name]} {version}".rstrip()
    first = next((k for k, (ln, _) in enumerate(body) if ln.strip()), None)
    if note.strip():
        return [(" " * indent + f"{said}: {note.strip()}", False), *body]
    if first is None or body[first][1]:
        return [(" " * indent + said + ".", False), *body]
    line = body[first][0]
    lead = len(line) - len(line.lstrip())
    return [(" " * lead + f"{said}: {line.lstrip()}", False), *body[first + 1:]]


_MARKER = re.compile(r"^(?:[-*+•]|#\.|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)])[ \t]+")
_RULE = re.compile(r"^([=\-~^*+#_`:'\"])\1{2,}$")
# A line block ("| "), a grid table ("+---"), a doctest, a field (":Author: Me"; a role opening a
# sentence, ":func:`open` reads", is prose), explicit markup.
_NO_PARAGRAPH = re.compile(r"^(?:\|(?:[ \t]|$)|\+[-=]|>>>|:[^\s:`][^:`]*:(?:[ \t]|$)|\.\.)")


def _joined(rows: list[tuple[str, bool]], targets: set[str]) -> list[tuple[str, bool]]:
    """Each paragraph (a list item's too) on one line, as the page renders it: its lines are one
    run of text whatever their length, so a line shortened by a link's address gone still joins.
    Headings, line blocks and code keep their lines, and so do tables and doctests, which become
    literal lines (a table's cells with their inline markup read)."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0].strip() and not rows[j][1]:
            j += 1
        if j == i:
            out.append(rows[i])
            i += 1
            continue
        block = [ln for ln, _ in rows[i:j]]
        if len(block) == 1 and _RULE.match(block[0].strip()):
            out.append(("", False))  # a transition, a rule between sections: no text
        elif any(_NO_PARAGRAPH.match(ln.lstrip()) or "=  " in ln or re.match(r"^=+( +=+)+$", ln.strip()) for ln in block[:1]) \
                or any(re.match(r"^[=-]+( +[=-]+)+$", ln.strip()) for ln in block):
            doctest = block[0].lstrip().startswith(">>>")
            cells = None if doctest else _table_cells(block)
            if cells:
                out += [(ln, True) for ln in _pipe_table(cells, targets)]
            else:
                out += [(ln if doctest else _inline(ln, targets), True) for ln in block]
        else:
            out += [(ln, False) for ln in _block_joined(block)]
        i = j
    return out


_GRID_BORDER = re.compile(r"^\+(?:[-=]+\+)+$")
_SIMPLE_BORDER = re.compile(r"^=+(?: +=+)+$")


def _table_cells(block: list[str]) -> list[list[str]] | None:
    """A grid table's ("+----+----+" over "| a  | b  |") or a simple table's ("===  ===" over
    columns) rows of cells, each cell's lines joined; None for anything else."""
    indent = len(block[0]) - len(block[0].lstrip())
    lines = [ln[indent:].rstrip() for ln in block]  # columns stand where the border's marks do
    if _GRID_BORDER.match(lines[0]):
        bounds = [k for k, c in enumerate(lines[0]) if c == "+"]
        rows: list[list[str]] = []
        current: list[str] | None = None
        for ln in lines[1:]:
            if _GRID_BORDER.match(ln):
                rows += [current] if current else []
                current = None
            elif ln.startswith("|"):
                parts = [ln[a + 1:b].strip() for a, b in zip(bounds, bounds[1:])]
                current = parts if current is None else [f"{c} {p}".strip() for c, p in zip(current, parts)]
            else:
                return None
        return rows or None
    if _SIMPLE_BORDER.match(lines[0]):
        starts = [m.start() for m in re.finditer(r"=+", lines[0])]
        rows = []
        for ln in lines[1:]:
            if _SIMPLE_BORDER.match(ln) or re.fullmatch(r"[-= ]+", ln):
                continue
            parts = [ln[a:b].strip() for a, b in zip(starts, [*starts[1:], len(ln) + 1])]
            if rows and not parts[0]:
                rows[-1] = [f"{c} {p}".strip() for c, p in zip(rows[-1], parts)]  # a row going on
            else:
                rows.append(parts)
        return rows or None
    return None


def _directive_table(name: str, options: list[str], body: list[str]) -> list[list[str]] | None:
    """The rows of cells of a list-table ("* - a" over "  - b": a row of cells a and b) or a
    csv-table (its ":header:" option, then its body's records); None where none are read."""
    if name == "csv-table":
        header = next((o.split(":", 2)[2] for o in options if o.startswith(":header:")), "")
        records = [r for r in csv.reader(io.StringIO("\n".join(ln.strip() for ln in [header, *body] if ln.strip())),
                                         skipinitialspace=True) if r]
        return [[c.strip() for c in r] for r in records] or None
    rows: list[list[str]] = []
    for ln in body:
        b = ln.strip()
        if b.startswith("* -") or b == "* -":
            rows.append([b[3:].strip()])
        elif b.startswith("- ") and rows:
            rows[-1].append(b[2:].strip())
        elif b and rows:
            rows[-1][-1] = f"{rows[-1][-1]} {b}".strip()  # a cell's text going on
    return rows or None


def _pipe_table(rows: list[list[str]], targets: set[str]) -> list[str]:
    """Rows of cells as a Markdown pipe table (the first row its header), each cell's inline
    markup read and escaped."""
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(_escaped(_inline(c, targets)) for c in [*r, *[""] * (width - len(r))]) + " |" for r in rows]
    return [lines[0], "|" + " --- |" * width, *lines[1:]]


def _block_joined(block: list[str]) -> list[str]:
    out: list[str] = []
    continuation = -1  # the indent a line has that goes on the paragraph of out[-1]
    for k, ln in enumerate(block):
        b = ln.lstrip()
        indent = len(ln) - len(b)
        heading = k + 1 < len(block) and _RULE.match(block[k + 1].strip()) is not None
        if (out and indent == continuation and not heading and not _RULE.match(b)
                and not _MARKER.match(b) and not _NO_PARAGRAPH.match(b)):
            out[-1] += " " + b
            continue
        out.append(ln)
        marker = _MARKER.match(b)
        continuation = -1 if heading or _RULE.match(b) or _NO_PARAGRAPH.match(b) \
            else indent + (marker.end() if marker else 0)
    return out


def _block_end(lines: list[str], i: int, indent: int) -> int:
    """The index after explicit markup opened at line `i`: its lines indented deeper, blank lines
    among them."""
    j = i + 1
    last = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.strip():
            if len(ln) - len(ln.lstrip()) <= indent:
                break
            last = j + 1
        j += 1
    return last


def _role_text(text: str) -> str:
    if text.startswith("~"):
        return text[1:].rsplit(".", 1)[-1]
    return text.removeprefix("!")


def _inline(line: str, targets: set[str]) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    if targets:
        line = re.sub(r"\b([A-Za-z0-9][\w.-]*[A-Za-z0-9])__?(?![\w])",
                      lambda m: m.group(1) if m.group(1).lower() in targets else m.group(0), line)
    return line


# ASCII punctuation Markdown may read as markup; escaped, each reads as itself.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _as_markdown(rows: list[tuple[str, bool]], targets: set[str]) -> str:
    """Markdown of the text's lines: a heading (a line over an underline, or between an overline
    and an underline) as "#"s of its style's level, a run of literal lines fenced, dedented, a list
    item as "- " or "1. ", other lines with their inline markup read (`_inline`) and escaped.  A
    paragraph's closing "::" opens a literal block: "Example::" reads "Example:", a lone or spaced
    "::" nothing."""
    styles: list[tuple[bool, str]] = []  # adornments in the order met: (overlined, mark)
    out: list[str] = []
    i = 0
    while i < len(rows):
        line, literal = rows[i]
        b = line.strip()
        if literal:
            lines, i = _literal_markdown(rows, i)
            out += lines
            continue
        under = rows[i + 1][0].strip() if i + 1 < len(rows) else ""
        over = _RULE.match(b) is not None and i + 2 < len(rows) and _RULE.match(rows[i + 2][0].strip()) is not None \
            and rows[i + 1][0].strip() != ""
        if over or (b and not _RULE.match(b) and _RULE.match(under) and len(under) >= min(len(b), 3)):
            title, mark = (rows[i + 1][0].strip(), rows[i + 2][0].strip()[0]) if over else (b, under[0])
            style = (over, mark)
            if style not in styles:
                styles.append(style)
            out += ["", "#" * min(6, styles.index(style) + 1) + " " + _escaped(_inline(title, targets)), ""]
            i += 3 if over else 2
            continue
        if _RULE.match(b):
            i += 1  # a transition between sections
            continue
        b = re.sub(r"(?:^|\s+)::$", "", b)
        b = re.sub(r"(?<=\S)::$", ":", b)
        if not b:
            out.append("")
        elif marker := _MARKER.match(b):
            out.append(_list_mark(marker.group().strip(), out) + _escaped(_inline(b[marker.end():], targets)))
        else:
            out.append(_text_line(b, targets))
        i += 1
    return "\n".join(out)


_STRONG_LINE = re.compile(r"\*\*(\S(?:.*\S)?)\*\*")


def _text_line(line: str, targets: set[str]) -> str:
    """A line of text as Markdown; a line wholly in strong emphasis stays bold, for Markdown's
    reader to decide whether it heads what follows."""
    if (strong := _STRONG_LINE.fullmatch(line)) and "**" not in strong.group(1):
        return f"**{_escaped(_inline(strong.group(1), targets))}**"
    return _escaped(_inline(line, targets))


def _literal_markdown(rows: list[tuple[str, bool]], i: int) -> tuple[list[str], int]:
    """The Markdown of the literal lines from `i` (a run over blank lines to the next literal
    line): a table (`_pipe_table`) as it is, for Markdown's reader, else code fenced and dedented;
    and the index after them."""
    j = i
    while j < len(rows):
        k = j
        while k < len(rows) and not rows[k][1] and not rows[k][0].strip():
            k += 1
        if k == len(rows) or not rows[k][1]:
            break
        j = k + 1
    code = [ln for ln, _ in rows[i:j]]
    while code and not code[-1].strip():
        code.pop()
    table = next((k for k, ln in enumerate(code) if not ln.startswith("|")), len(code))
    if table >= 2 and re.fullmatch(r"\|(?: --- \|)+", code[1]):
        return ["", *code[:table], ""], i + table
    depth = min(len(ln) - len(ln.lstrip()) for ln in code if ln.strip())
    return ["", "```", *(ln[depth:] for ln in code), "```", ""], j


def _list_mark(mark: str, out: list[str]) -> str:
    """The Markdown of a list item's mark: "- " for a bullet, the item's own number for a numbered
    one ("2."; "#." counts on from the item before it), a letter or roman numeral kept as written."""
    if mark[0] in "-*+•":
        return "- "
    if mark == "#.":
        before = re.match(r"(\d+)\. ", out[-1]) if out else None
        return f"{int(before.group(1)) + 1 if before else 1}. "
    number = re.fullmatch(r"\(?(\d+)[.)]", mark)
    return f"{number.group(1)}. " if number else _escaped(mark) + " "


def _escaped(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def _unescaped(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)

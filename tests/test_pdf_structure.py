"""The mechanisms behind PDF reading, on small hand-made inputs: words, furniture, page numbers."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.ingest.model import Document, PageSpan, SectionSpan
from assistant.ingest.pdf import _Block, _is_heading, _pieces, _Style, _title, _typewriter_fonts
from assistant.ingest.pdf_layout import Box, Line, PageLayout, _attach_bullets, _pitch, furniture, printed_page_numbers
from assistant.ingest.words import Vocabulary, join_lines, repair_line


def test_line_end_hyphen_follows_the_documents_own_vocabulary():
    # "self-blame" is printed whole elsewhere; "treatment" is too; "24-hour" starts with a digit.
    vocab = Vocabulary(["Self-blame is common.", "The treatment works.", "We asked about blame and self."])
    assert join_lines(["patients reported self-", "blame after"], vocab)[0] == "patients reported self-blame after"
    assert join_lines(["the treat-", "ment was"], vocab)[0] == "the treatment was"
    assert join_lines(["a 24-", "hour recall"], vocab)[0] == "a 24-hour recall"
    assert join_lines(["anxiety/", "worry scores"], vocab)[0] == "anxiety/worry scores"


def test_join_lines_reports_where_each_line_starts():
    text, starts = join_lines(["first line", "second line"], Vocabulary([]))
    assert [text[s:] for s in starts] == ["first line second line", "second line"]


def test_ligature_split_and_letter_spacing_are_repaired():
    vocab = Vocabulary(["an effective treatment"])
    assert repair_line("an e\ufb00 ective treatment", vocab) == "an effective treatment"
    assert repair_line("S T U D Y  P R O T O C O L") == "STUDY PROTOCOL"


def _page(number: int, *texts_at: tuple[str, float]) -> PageLayout:
    boxes = [Box((Line(t, 50, y, 300, y + 10, 10.0, "Body"),), 50, y, 300, y + 10) for t, y in texts_at]
    return PageLayout(number, 600, 800, boxes)


def test_running_heads_and_page_numbers_are_found_by_repetition_in_the_margins():
    pages = [_page(n, (f"Smith et al. Trials (2015) 16:{n}", 780), ("Body text that differs on every page " + str(n), 400),
                   (f"Page {n} of 4", 20)) for n in range(1, 5)]
    found = furniture(pages)
    assert {(pi, bi) for pi in range(4) for bi in (0, 2)} == found


def test_printed_page_numbers_follow_the_offset_most_pages_agree_on():
    # A journal issue that starts at page 147; the first page has no number.
    pages = [_page(1, ("Title page", 400))] + [_page(n, (str(146 + n), 20), ("text", 400)) for n in range(2, 6)]
    assert printed_page_numbers(pages) == ["147", "148", "149", "150", "151"]


def test_document_knows_page_labels_sections_and_the_reference_list():
    doc = Document("d", "t", "x" * 100, "d", "sha", (PageSpan(0, 50, 1, "147"), PageSpan(50, 100, 2, "148")),
                   (SectionSpan(0, 60, ("Methods", "Participants")), SectionSpan(60, 100, ("References",))))
    assert doc.page_label(2) == "148" and doc.page_range(40, 60) == (1, 2)
    assert doc.section_at(10) == ("Methods", "Participants")
    assert doc.in_references(70) and not doc.in_references(10)


def test_a_captions_wrapped_lines_are_joined_and_table_rows_stay_lines():
    # A figure region on one page, as pdfminer gives it: a caption set over three lines (the first
    # two run to the region's right edge, the third stops short), then a table: a header of two
    # cells and rows of numbers. The caption becomes one line of prose (its hyphen resolved); the
    # header and each row stay lines of their own, and the page of every piece is kept.
    def line(text: str, x0: float, x1: float, y: float) -> Line:
        return Line(text, x0, y, x1, y + 8, 8.0, "Small")

    geometry = [
        line("Fig. 6. Density of contacts on dendrites at increasing distance from the", 50, 545, 700),
        line("soma. Although there is variability within each shell, there is no clear trend to-", 50, 546, 690),
        line("ward higher or lower density.", 50, 240, 680),
        line("Shell (um)", 50, 120, 660), line("Contacts per 1000 um2", 300, 420, 660),
        line("20 4.1 (1.2) 3.9 (1.0)", 50, 400, 650),
        line("40 3.8 (1.1) 4.0 (1.3)", 50, 400, 640),
    ]
    block = _Block("aside", geometry=geometry, pages=[3] * len(geometry))
    pieces = _pieces(block, Vocabulary(["toward"]))
    assert [p for _, p in pieces] == [3]
    assert pieces[0][0].split("\n") == [
        "Fig. 6. Density of contacts on dendrites at increasing distance from the soma. Although there is "
        "variability within each shell, there is no clear trend toward higher or lower density.",
        "Shell (um) Contacts per 1000 um2",
        "20 4.1 (1.2) 3.9 (1.0)",
        "40 3.8 (1.1) 4.0 (1.3)",
    ]


def test_a_title_repeated_as_the_running_head_is_still_the_title():
    # The title set large on the first page and repeated small atop every later page is furniture
    # by repetition; on the first page it is still the title, not the author line below it. A
    # publisher's logo set large and repeated is furniture and never the title.
    def page(number: int, *lines: tuple[str, float, float]) -> PageLayout:
        return PageLayout(number, 600, 800, [Box((Line(t, 50, y, 400, y + size, size, "F"),), 50, y, 400, y + size)
                                             for t, y, size in lines])

    spec = [page(1, ("Shared Widget Format Specification", 760, 24.0), ("Jane Doe, Widget Group", 700, 17.0),
                 ("The format stores widgets.", 400, 10.0))]
    spec += [page(n, ("Shared Widget Format Specification", 770, 10.0), (f"Body text of page {n}.", 400, 10.0))
             for n in range(2, 5)]
    assert (0, 0) in furniture(spec)
    assert _title(spec, furniture(spec), 10.0) == "Shared Widget Format Specification"
    journal = [page(1, ("LOGO", 770, 20.0), ("A Trial of Hand Washing at Home", 700, 18.0), ("Text.", 400, 10.0))]
    journal += [page(n, ("LOGO", 770, 20.0), (f"Body text of page {n}.", 400, 10.0)) for n in range(2, 5)]
    assert _title(journal, furniture(journal), 10.0) == "A Trial of Hand Washing at Home"


def _glyphs(text: str, widths: dict[str, float], font: str = "F", size: float = 10.0) -> list[SimpleNamespace]:
    # What `_pitch` reads of pdfminer's characters: text, font name, advance and size.
    return [SimpleNamespace(get_text=lambda c=c: c, fontname=font, adv=widths.get(c, 5.0), size=size) for c in text]


def test_a_typewriter_font_is_told_by_equal_advances_and_its_lines_are_never_headings():
    mono = _pitch(_glyphs("SEQUENCE {", {}), "F")
    assert mono == 0.5
    assert _pitch(_glyphs("Methods", {"M": 8.3, "t": 2.8, "h": 5.0}), "F") == -1.0
    assert _pitch(_glyphs("III", {}), "F") == 0.0  # one glyph, repeated: cannot tell

    def line(text: str, font: str, pitch: float, y: float, size: float = 10.0) -> Line:
        return Line(text, 50, y, 300, y + size, size, font, pitch)

    body = [line("The parser reads the definitions file.", "Serif", -1.0, 500),
            line("It returns an error code.", "Serif", -1.0, 480)]
    code = [line("BEGIN", "Mono", 0.0, 460), line("Version ::= INTEGER", "Mono", 0.5, 440),
            line("Group ::= SEQUENCE {", "Mono", 0.5, 420), line("value INTEGER }", "Mono", 0.5, 400), line("END", "Mono", 0.0, 380)]
    bold = line("Simple parsing", "Bold", -1.0, 360)
    pages = [PageLayout(1, 600, 800, [Box(tuple(body + code + [bold, body[0]]), 50, 300, 300, 510)])]
    assert _typewriter_fonts(pages) == frozenset({"Mono"})
    style = _Style("Serif", 10.0, (10.0,), typewriter_fonts=_typewriter_fonts(pages))
    # A short line of code between body lines, in a font of its own, looks like a run-in heading;
    # its font says it is code.
    assert not _is_heading(code[0], body[0], style) and not _is_heading(code[1], code[2], style)
    assert _is_heading(bold, body[0], style)


def test_a_hanging_bullet_is_put_back_before_its_item():
    # pdfminer gives a bullet set apart from its item's text as a box of its own; the item's text
    # box starts just to its right on the same line. A bullet with nothing beside it stays.
    def box(*lines: tuple[str, float, float]) -> Box:
        ls = tuple(Line(t, x, y, x + 5 * len(t), y + 10, 10.0, "F") for t, x, y in lines)
        return Box(ls, ls[0].x0, ls[-1].y0, max(ln.x1 for ln in ls), ls[0].y1)

    boxes = [box(("The checks, in order:", 120, 706)), box(("•", 120, 683)),
             box(("If a type is given, use it.", 130, 683), ("Do not guess.", 130, 670)),
             box(("•", 120, 595)), box(("•", 300, 300))]
    out = _attach_bullets(boxes)
    assert [[ln.text for ln in b.lines] for b in out] == [
        ["The checks, in order:"], ["• If a type is given, use it.", "Do not guess."], ["•"], ["•"]]
    assert out[1].x0 == 120

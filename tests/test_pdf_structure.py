"""The mechanisms behind PDF reading, on small hand-made inputs: words, furniture, page numbers."""

from __future__ import annotations

from assistant.ingest.model import Document, PageSpan, SectionSpan
from assistant.ingest.pdf import _Block, _pieces
from assistant.ingest.pdf_layout import Box, Line, PageLayout, furniture, printed_page_numbers
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

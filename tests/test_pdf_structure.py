"""The mechanisms behind PDF reading, on small hand-made inputs: words, furniture, page numbers."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from pdfminer.fontmetrics import FONT_METRICS

from assistant.ingest import load_file, load_paths
from assistant.ingest.model import Document, PageSpan, SectionSpan
from assistant.ingest.pdf import (
    _Assembler,
    _Block,
    _bylines_unsectioned,
    _contents_left_out,
    _formula,
    _is_aside,
    _is_heading,
    _numbered_styles,
    _outline_headings,
    _overlay_steps,
    _paragraph_breaks,
    _pieces,
    _prints_title,
    _render,
    _side_by_side,
    _small_print_heading,
    _Style,
    _title,
)
from assistant.ingest.pdf_grid import find_grids
from assistant.ingest.pdf_layout import (
    Box,
    Line,
    PageLayout,
    _attach_bullets,
    _columns_in_order,
    _drawn_bullets,
    _listings_read_in_place,
    _pitch,
    _run_in,
    furniture,
    is_slide_deck,
    printed_page_numbers,
    read_layout,
    text_style,
    typewriter_fonts,
)
from assistant.ingest.pdf_outline import OutlineEntry, PlacedLine, outline_lines
from assistant.ingest.pdf_page import page_view
from assistant.ingest.words import Vocabulary, join_lines, ligature_codes, repair_line
from tests.conftest import PDF_SAMPLES


def test_line_end_hyphen_follows_the_documents_own_vocabulary():
    # "self-blame" is printed whole elsewhere; "treatment" is too; "24-hour" starts with a digit.
    vocab = Vocabulary(["Self-blame is common.", "The treatment works.", "We asked about blame and self."])
    assert join_lines(["patients reported self-", "blame after"], vocab)[0] == "patients reported self-blame after"
    assert join_lines(["the treat-", "ment was"], vocab)[0] == "the treatment was"
    assert join_lines(["a 24-", "hour recall"], vocab)[0] == "a 24-hour recall"
    assert join_lines(["anxiety/", "worry scores"], vocab)[0] == "anxiety/worry scores"
    assert join_lines(["standard care -", "extent and mechanism"], vocab)[0] == "standard care - extent and mechanism"


def test_line_end_hyphen_where_the_document_says_nothing_follows_english():
    # The document prints none of these words elsewhere: English (the model's word list) says
    # "measurements" is a word and "government" and "funded" are two; "bio" is a prefix.
    vocab = Vocabulary(["Nothing here says anything about them."])
    assert join_lines(["repeated measure-", "ments were"], vocab)[0] == "repeated measurements were"
    assert join_lines(["all government-", "funded schools"], vocab)[0] == "all government-funded schools"
    assert join_lines(["a regional bio-", "bank holds"], vocab)[0] == "a regional biobank holds"
    # words with English endings on both sides: the word list holds "static" and "type"
    assert join_lines(["a statically-", "typed language"], vocab)[0] == "a statically-typed language"
    assert join_lines(["basi-", "cally the same"], vocab)[0] == "basically the same"


def test_line_end_hyphen_reads_words_ending_in_able_from_their_stem():
    # The word list lacks "detectable" and "readable": "detect-" + "able" had stayed "detect-able"
    # (two English words) and "machine-" + "readable" had become "machinereadable".
    vocab = Vocabulary(["Nothing here says anything about them."])
    assert join_lines(["a detect-", "able difference"], vocab)[0] == "a detectable difference"
    assert join_lines(["a scal-", "able index"], vocab)[0] == "a scalable index"
    assert join_lines(["machine-", "readable output"], vocab)[0] == "machine-readable output"


def test_line_end_hyphen_after_a_compounds_first_part_the_document_prints_keeps_it():
    # A Debian manual printed by LibreOffice: "iputils-" / "tracepath" read "iputilstracepath",
    # no word anywhere, where the same sentence prints "iputils-ping". A first part the document
    # hyphenates inside compounds opens one here too; a word English knows is still joined.
    vocab = Vocabulary(["available in the iputils-ping package", "a non-randomised trial", "treat-to-target care",
                        "inter-rater agreement", "tested in-vitro"])
    assert join_lines(["the iputils-", "tracepath packages"], vocab)[0] == "the iputils-tracepath packages"
    assert join_lines(["a non-", "invasive test"], vocab)[0] == "a non-invasive test"
    assert join_lines(["the treat-", "ment was"], vocab)[0] == "the treatment was"
    # an English word with its ending ("interesting" + "-ly"), and a part too short to tell
    assert join_lines(["Inter-", "estingly, it"], vocab)[0] == "Interestingly, it"
    assert join_lines(["In-", "terestingly, it"], vocab)[0] == "Interestingly, it"


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
    # A web page's fixed sidebar, printed by a browser on every page at the same place mid-page, is
    # furniture; a heading repeated at different places ("Methods" of the abstract and the text) is not.
    pages = [_page(n, ("Introduction Collections Arrays Functions", 500), (f"Body text of page {n}", 400 + 10 * n),
                   ("Methods", 300 + 40 * n)) for n in range(1, 5)]
    assert furniture(pages) == {(pi, 0) for pi in range(4)}


def test_list_bullets_drawn_as_shapes_are_put_back_and_ornaments_and_logos_are_not():
    # A web page printed by a browser draws its list bullets as small filled circles left of the
    # items. A banner framed by a rounded rectangle has its corners' shapes at its top and bottom
    # edges, and a logo is drawn of many small touching pieces beside a line: neither is a list.
    def line(text: str, x0: float, y: float, size: float = 12.0) -> Line:
        return Line(text, x0, y, x0 + 300, y + size * 1.2, size, "Sans")

    items = [line("Each value in Rust has an owner.", 69, 750), line("There can only be one owner at a time.", 69, 732)]
    banner = line("STUDY PROTOCOL", 61, 688, 13.0)
    logo_line = line("Obesity: exploring the causes", 92, 718, 10.0)
    boxes = [Box((ln,), ln.x0, ln.y0, ln.x1, ln.y1) for ln in (*items, banner, logo_line)]
    bullets = [(55.5, 753.0, 60.0, 757.5), (55.5, 735.0, 60.0, 739.5)]
    corners = [(56.7, 686.7, 59.7, 689.7), (56.7, 700.7, 59.7, 703.7)]
    logo = [(84.0 + i * 0.8, 719.0 + (i % 3) * 0.9, 87.0 + i * 0.8, 722.0 + (i % 3) * 0.9) for i in range(6)]
    texts = [b.lines[0].text for b in _drawn_bullets(boxes, bullets + corners + logo)]
    assert texts == ["• Each value in Rust has an owner.", "• There can only be one owner at a time.", "STUDY PROTOCOL",
                     "Obesity: exploring the causes"]
    # A chart's hundreds of round markers: none is a bullet (checking them pairwise costs their square).
    chart = [(55.5, 100.0 + 3 * i, 60.0, 104.5 + 3 * i) for i in range(0, 120, 2)] + \
            [(200.0 + 6 * (i % 30), 300.0 + 6 * (i // 30), 204.5 + 6 * (i % 30), 304.5 + 6 * (i // 30)) for i in range(240)]
    assert [b.lines[0].text for b in _drawn_bullets(boxes, bullets + chart)][:2] == [ln.text for ln in items]


def test_a_front_matter_page_number_in_roman_numerals_is_furniture():
    # A Texinfo manual's contents page numbered "i" atop it, the only such page: its number had ended
    # the copyright paragraph before it. A lone capital in the margin, a figure's panel label, stays.
    pages = [_page(1, ("i", 780), ("Table of Contents", 700)), _page(2, ("xiv", 780), ("Preface text", 700)),
             _page(3, ("C", 780), ("Body text of the third page", 700))]
    assert furniture(pages) == {(0, 0), (1, 0)}


def test_a_browsers_print_stamps_are_furniture_on_a_page_printed_alone():
    # A web page printed to PDF on one page: the browser's date-and-title header, its address and
    # page count in the footer have no repetition to go by; a date in the text and an address in
    # the body are no furniture.
    page = _page(1, ("11/30/26, 8:16 PM Valgrind FAQ", 780), ("Released 11/04/2022, 10:00 in the body text", 400),
                 ("See file:///usr/share/doc/valgrind/html/FAQ.html for more", 300),
                 ("\ufb01le:///usr/share/doc/valgrind/html/FAQ.html", 20), ("1/1", 18))
    assert furniture([page]) == {(0, 0), (0, 3), (0, 4)}


def test_a_running_head_naming_the_section_beside_the_page_number_is_furniture():
    # LaTeX's book class heads each page with its section and its number ("1.2 Estimating
    # cumulative risks 3", "4 1.3 Sojourn times"): it changes with the section, recurring too
    # seldom to be found by repetition, and read as a heading it nested the sections after it. A
    # numbered heading at the top of a page whose number is not the page's stays.
    heads = ["1.1 Concepts 1", "2 1.1 Concepts", "1.2 Estimating cumulative risks 3", "4 1.2 Estimating cumulative risks",
             "1.3 Sojourn times 5", "6 1.3 Sojourn times"]
    pages = [_page(n, (head, 780), (f"The cumulative risks of cause {n} are computed from its rates.", 400))
             for n, head in enumerate(heads, 1)]
    pages.append(_page(7, ("2 Example data", 780), ("The data are a cohort of 2,000 persons.", 400)))
    # the chapter's title printed on the head's baseline across the page goes with it
    pages[2].boxes.append(Box((Line("Competing risks", 400, 780, 500, 790, 10.0, "Body"),), 400, 780, 500, 790))
    assert furniture(pages) == {(n, 0) for n in range(6)} | {(2, 2)}


def test_a_books_running_heads_are_furniture_by_their_baseline_and_style_whatever_they_say():
    # A DocBook book heads each page with its chapter and section in small italics ("CHAPTER 4.
    # SIMPLE EXAMPLE", "4.3. WHAT IS DEBMAKE?"): each text recurs on a few pages of a long book, too
    # seldom to be found by its words, and read as a heading it opened a section before the real one.
    # The text's first line, at the same place on every page, and a heading at the top of one page,
    # larger than the text, stay.
    def line(text: str, y: float, font: str = "Serif", size: float = 10.0) -> Box:
        return Box((Line(text, 85, y, 400, y + size, size, font),), 85, y, 400, y + size)

    heads = ["CHAPTER 4. SIMPLE EXAMPLE", "4.3. WHAT IS DEBMAKE?", "CHAPTER 4. SIMPLE EXAMPLE", "4.4. WHAT IS DEBUILD?",
             "CHAPTER 5. BASICS", "5.1. PACKAGING WORKFLOW"]
    words = "package source binary upstream tarball template rules control changelog patch".split()
    pages = [PageLayout(n, 595, 842, [line(head, 796, "Serif-Italic", 9.0),
                                      line(f"The {words[n]} is described at the top of this page.", 757),
                                      line(f"Every {words[n + 1]} needs its own line further down.", 400)])
             for n, head in enumerate(heads, 1)]
    pages[3].boxes.insert(1, line("4.4 What is debuild?", 775, "Serif-Bold", 14.3))
    assert furniture(pages) == {(pi, 0) for pi in range(6)}


def test_a_chapters_running_head_in_the_texts_own_style_is_furniture_on_its_chapters_pages():
    # A DocBook manual heads each page with its chapter's title, centred, in the text's own font and
    # size ("The Basics" over chapter 2's pages, "Investments" over chapter 9's), its page number
    # below. Each title recurs on too few of the book's pages to be found by its words, and had been
    # read mid-sentence where a paragraph ran on from the page before. A "Note" heading that opens a
    # page now and then, a page's first line of text at the top, and a heading larger than the text
    # stay.
    def line(text: str, x: float, y: float, size: float = 10.0, font: str = "Times-Roman") -> Box:
        return Box((Line(text, x, y, x + 6 * len(text), y + size, size, font),), x, y, x + 6 * len(text), y + size)

    words = "account ledger register budget invoice payment transfer balance split report".split()
    chapters = [title for title in ("Overview", "The Basics", "Accounts", "Transactions", "Reconciliation", "Reports",
                                    "Investments") for _ in range(6)]
    pages = []
    for n, chapter in enumerate(chapters):
        boxes = [line(chapter, 284, 745.5), line(f"The {words[n % 10]} goes on from the page before it.", 120, 720),
                 line(f"Every {words[(n + 1) % 10]} is kept in its own place here.", 120, 400), line(str(n + 1), 301, 37.5)]
        if n in (2, 19, 37):
            boxes.insert(1, line("Note", 138, 735, 14.0, "Times-Bold"))
        pages.append(PageLayout(n + 1, 612, 792, boxes))
    pages[5].boxes.insert(1, line("Accounting Concepts", 72, 725, 17.3, "Helvetica-Bold"))
    out = furniture(pages)
    assert {(pi, 0) for pi in range(len(pages))} <= out
    kept = {pages[pi].boxes[bi].text for pi, page in enumerate(pages) for bi in range(len(page.boxes)) if (pi, bi) not in out}
    assert {"Note", "Accounting Concepts", "The account goes on from the page before it."} <= kept


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


def _small(text: str, x0: float, x1: float, y: float, size: float = 8.0) -> Line:
    """A line of small print (a caption's, a table's, an abstract's) as pdfminer gives it."""
    return Line(text, x0, y, x1, y + size, size, "Small")


def test_a_captions_wrapped_lines_are_joined_and_table_rows_stay_lines():
    # A figure region on one page, as pdfminer gives it: a caption set over three lines (the first
    # two run to the region's right edge, the third stops short), then a table: a header of two
    # cells and rows of numbers. The caption becomes one line of prose (its hyphen resolved); the
    # header and each row stay lines of their own, and the page of every piece is kept.
    line = _small
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


def test_an_abstract_set_small_joins_its_paragraphs_first_lines_though_indented():
    # LaTeX's abstract, set a size smaller than the text (so read as small print), indents each
    # paragraph's first line by 1.5 em: that line stood alone ("... the many smaller" / "and larger
    # design decisions ..."), and a line break ends a sentence. A table's indented cell line with
    # lines under it at the edge stays a line of its own (two cells, numbers).
    def line(text: str, x0: float, x1: float, y: float) -> Line:
        return _small(text, x0, x1, y, 9.0)

    geometry = [
        line("Linear algebra is at the core of many areas of statistical computing and the S lan-", 110.7, 515, 537),
        line("guage has supported numerical linear algebra via a matrix data type and several", 96.9, 515, 526),
        line("functions and operators.", 96.9, 240, 515),
        line("The Matrix package provides a set of S4 classes for dense and sparse matrices that", 110.7, 515, 504),
        line("extend the basic matrix data type, as in the Journal of Statistical Soft-", 96.9, 515, 493),
        line("ware.", 96.9, 120, 482),
        line("Rows 20", 130, 170, 470), line("4.1 (1.2) 3.9 (1.0) 4.1 (1.2) 3.9 (1.0) 4.1 (1.2)", 300, 515, 470),
        line("40 3.8 (1.1) 4.0 (1.3)", 96.9, 400, 460),
    ]
    block = _Block("aside", geometry=geometry, pages=[1] * len(geometry))
    pieces = _pieces(block, Vocabulary(["language", "software"]))
    assert pieces[0][0].split("\n") == [
        "Linear algebra is at the core of many areas of statistical computing and the S language has supported "
        "numerical linear algebra via a matrix data type and several functions and operators.",
        "The Matrix package provides a set of S4 classes for dense and sparse matrices that extend the basic "
        "matrix data type, as in the Journal of Statistical Software.",
        "Rows 20 4.1 (1.2) 3.9 (1.0) 4.1 (1.2) 3.9 (1.0) 4.1 (1.2)",
        "40 3.8 (1.1) 4.0 (1.3)",
    ]


def test_a_boxed_lists_items_wrap_under_their_text_past_the_bullet():
    # A journal's "Strengths and limitations" box: a heading at the box's left edge, items set with
    # a hanging indent (the bullet at 362, the text and its wrapped lines at 372.6, more than an em
    # past the box's edge). Each line had stood alone and "By com-" / "bining" stayed broken.
    def line(text: str, x0: float, y: float) -> Line:
        return _small(text, x0, 547.3, y, 9.0)

    geometry = [
        _small("Strengths and limitations of this study", 356.3, 520, 700, 9.0),
        line("▪ We describe the feasibility and pilot testing of a", 362.3, 688),
        line("health promotion intervention prior to a fully", 372.6, 677),
        line("powered trial.", 372.6, 666),
        line("▪ It is important to publish pilot research. By com-", 362.3, 655),
        line("bining feasibility and pilot results in one paper, we", 372.6, 644),
        line("avoid an excessive number of publications.", 372.6, 633),
    ]
    block = _Block("aside", geometry=geometry, pages=[1] * len(geometry))
    pieces = _pieces(block, Vocabulary(["combining"]))
    assert pieces[0][0].split("\n") == [
        "Strengths and limitations of this study",
        "▪ We describe the feasibility and pilot testing of a health promotion intervention prior to a fully powered trial.",
        "▪ It is important to publish pilot research. By combining feasibility and pilot results in one paper, we avoid "
        "an excessive number of publications.",
    ]


def test_an_abstract_set_small_under_an_affiliation_across_the_page_is_one_paragraph():
    # Rcpp's vignettes set the affiliations across the page in 6 pt and the abstract in the left
    # column in 7 pt bold: measured against the affiliation line's right edge, no abstract line ran
    # to the edge, and each stood alone, a line break in mid-sentence.
    geometry = [
        Line("aDebian and R Projects; Chicago, IL, USA; bDepts of Informatics and Statistics, Univ. of Illinois",
             52, 655, 544, 661, 6.2, "Sans"),
        Line("R has always provided an application programming interface (API) for", 52, 620, 297, 627, 7.0, "Sans-Bold"),
        Line("extensions. Based on the C language, it uses a number of macros and", 52, 609, 297, 616, 7.0, "Sans-Bold"),
        Line("other low-level constructs to exchange data structures between the R process and", 52, 598, 297, 605, 7.0, "Sans-Bold"),
        Line("any modules loaded dynamically.", 52, 587, 150, 594, 7.0, "Sans-Bold"),
    ]
    block = _Block("aside", geometry=geometry, pages=[1] * len(geometry))
    lines = _pieces(block, Vocabulary([]))[0][0].split("\n")
    assert lines[1] == ("R has always provided an application programming interface (API) for extensions. Based on the C "
                        "language, it uses a number of macros and other low-level constructs to exchange data structures "
                        "between the R process and any modules loaded dynamically."), lines


def test_notes_set_tiny_with_the_texts_paragraph_indent_wrap_into_paragraphs_to_their_last_words():
    # psych's scoring vignette set two notes at 6 pt: LaTeX indents a paragraph by the running
    # text's 1.5 em (15 pt), 2.5 of the note's own sizes, so its first line was taken for a table
    # row and every line stood alone; a last line of two words closing the sentence ("their
    # direction.") stays with its paragraph.
    def line(text: str, x0: float, x1: float, y: float) -> Line:
        return Line(text, x0, y, x1, y + 6, 6.0, "Times")

    geometry = [
        line("Earlier versions of scoreItems required a keys matrix. This is no longer necessary.", 134, 403, 445),
        line("Two things to note. The number of variables is the total number of variables in the data file.", 134, 493, 438),
        line("For the keys, items are scored either +1, -1 or 0. Just specify the items to score and", 119, 493, 431),
        line("their direction.", 119, 154, 424),
        line("What is actually done internally is that the keys are converted to a matrix of the scoring keys", 134, 493, 417),
        line("and this multiplied by the data.", 119, 193, 410),
    ]
    block = _Block("aside", geometry=geometry, pages=[1] * len(geometry))
    lines = _pieces(block, Vocabulary(["matrix", "data"]))[0][0].split("\n")
    assert lines == [
        "Earlier versions of scoreItems required a keys matrix. This is no longer necessary.",
        "Two things to note. The number of variables is the total number of variables in the data file. For the keys, "
        "items are scored either +1, -1 or 0. Just specify the items to score and their direction.",
        "What is actually done internally is that the keys are converted to a matrix of the scoring keys and this "
        "multiplied by the data.",
    ], lines


def test_a_boxed_notes_lines_broken_at_a_names_hyphen_or_slash_or_around_code_are_one_paragraph():
    # A browser's print of a handbook's boxed note, set small: a line opening with a path in a
    # typewriter font (its glyphs advance alike, yet words stand around it) and lines broken at a
    # name's own hyphen or slash, which stop short of the edge by about the next word's width,
    # stood as lines of their own ("(nm-connection-" / "editor)."). A short last line stays the end.
    def line(text: str, x1: float, y: float, pitch: float = -1.0) -> Line:
        return Line(text, 65, y, x1, y + 9.5, 9.5, "Sans", pitch)

    geometry = [
        line("You can create system connections that are used as soon as the computer boots either", 526, 700),
        line("in /etc/NetworkManager/system-connections/ or through a graphical tool (nm-connection-", 495, 688, pitch=0.8),
        line("editor). If you were using ifupdown, just remember to deactivate the entries in /etc/network/", 475, 676),
        line("interfaces that you want Network Manager to handle.", 305, 664),
        line("Connections over PPP are set up in the same way.", 300, 652),
    ]
    block = _Block("aside", geometry=geometry, pages=[1] * len(geometry))
    pieces = _pieces(block, Vocabulary([]))
    assert pieces[0][0].split("\n") == [
        "You can create system connections that are used as soon as the computer boots either in "
        "/etc/NetworkManager/system-connections/ or through a graphical tool (nm-connection-editor). If you were using "
        "ifupdown, just remember to deactivate the entries in /etc/network/interfaces that you want Network Manager to handle.",
        "Connections over PPP are set up in the same way.",
    ], pieces[0][0]


def test_a_books_chapter_label_is_one_heading_with_the_chapter_title_under_it():
    # LaTeX's book class sets "Chapter 2" over the chapter's title, a little smaller: alone the
    # label was a section of the chapter before ("Introduction › Chapter 2") holding nothing.
    def box(text: str, y: float, size: float, font: str = "Bold") -> Box:
        return Box((Line(text, 50, y, 400, y + size, size, font),), 50, y, 400, y + size)

    prose = "The data were collected over ten years in three hospitals and analysed with the package."
    pages = [[box("Chapter 1", 700, 20.0), box("Introduction", 660, 24.0), box(prose, 600, 10.0, "Roman")],
             [box("Chapter 2", 700, 20.0), box("Survival curves", 660, 24.0), box(prose, 600, 10.0, "Roman"),
              box("2.1 Repeated events", 560, 14.0), box(prose, 520, 10.0, "Roman")]]
    style = _Style("Roman", 10.0, (24.0, 20.0, 14.0, 10.0),
                   section_styles=frozenset({("Bold", 24.0), ("Bold", 20.0), ("Bold", 14.0)}))
    assembler = _Assembler(style, {})
    for number, page in enumerate(pages, 1):
        for b in page:
            assembler.add_box(b, number)
    _, _, sections = _render(assembler.finish(), Vocabulary([]), "The survival package")
    assert [s.path for s in sections] == [("Chapter 1 Introduction",), ("Chapter 2 Survival curves",),
                                          ("Chapter 2 Survival curves", "2.1 Repeated events")], [s.path for s in sections]


def test_a_heading_wrapped_onto_a_second_line_is_one_heading():
    # Two-column articles wrap long headings: the second line goes on in lower case, after a
    # hyphen, or after "and". Each was read as a sentence running into the text. A title set
    # large over four lines is no heading of its last two lines.
    def box(lines: list[str], y: float, size: float, font: str) -> Box:
        lns = tuple(Line(t, 50, y - k * size * 1.2, 300, y - k * size * 1.2 + size, size, font) for k, t in enumerate(lines))
        return Box(lns, 50, lns[-1].y0, 300, lns[0].y1)

    prose = "The cells were counted in every section of the bone marrow by two observers."
    boxes = [box(["1. Induction of myelodysplasia by myeloid-derived suppressor", "cells."], 700, 11.0, "Sans-Bold"),
             box([prose], 670, 10.0, "Serif"),
             box(["2. Targeting A20 decreases glioma stem cell survival and", "Tumor Growth"], 640, 11.0, "Sans-Bold"),
             box([prose], 610, 10.0, "Serif"),
             box(["3. The human myelin basic protein gene lies within a 179-", "kilobase region"], 580, 11.0, "Sans-Bold"),
             box([prose], 550, 10.0, "Serif")]
    assembler = _Assembler(_Style("Serif", 10.0, (11.0, 10.0), section_styles=frozenset({("Sans-Bold", 11.0)})), {})
    for b in boxes:
        assembler.add_box(b, 1)
    headings = [" ".join(b.lines) for b in assembler.finish() if b.kind == "heading"]
    assert headings == ["1. Induction of myelodysplasia by myeloid-derived suppressor cells.",
                        "2. Targeting A20 decreases glioma stem cell survival and Tumor Growth",
                        "3. The human myelin basic protein gene lies within a 179- kilobase region"], headings
    title = box(["A theory-based online health behaviour", "intervention for new university students",
                 "(U@Uni): results from a randomised controlled", "trial"], 700, 24.0, "Sans")
    assembler = _Assembler(_Style("Serif", 10.0, (24.0, 10.0)), {})
    assembler.add_box(title, 1)
    assert [b.kind for b in assembler.finish()] == ["body"]


def test_a_two_column_pages_columns_are_read_one_after_the_other():
    # pdfminer groups boxes closest pair first: where the left column runs lower than the right,
    # its last paragraphs came after the right column's beside them, so a section read on after
    # the next one had begun. A title across both columns stays first, a table set small stays
    # after the paragraph it followed, and a box across the gutter further down parts the page.
    def box(name: str, x0: float, y: float, size: float = 10.0, x1: float | None = None) -> Box:
        right = x1 if x1 is not None else x0 + 240
        ln = Line(name + " " + "words of the running text " * 3, x0, y, right, y + size, size, "Serif")
        return Box((ln,), x0, y, right, y + size)

    title = box("title", 50, 780, 14.0, x1=550)
    left = [box(f"left{k}", 50, 740 - 40 * k) for k in range(4)]
    right = [box(f"right{k}", 310, 740 - 40 * k) for k in range(2)]
    table = box("table", 50, 600, 7.0)
    figure = box("figure", 50, 400, 10.0, x1=550)
    below = [box("below-left", 50, 360), box("below-right", 310, 360)]
    pdfminer = [title, left[0], left[1], table, right[0], right[1], left[2], left[3], figure, below[1], below[0]]
    order = [b.lines[0].text.split()[0] for b in _columns_in_order(pdfminer, 600, 10.0)]
    assert order == ["title", "left0", "left1", "table", "left2", "left3", "right0", "right1", "figure",
                     "below-left", "below-right"], order
    one_column = [title, left[0], left[1], left[2]]
    assert _columns_in_order(one_column, 600, 10.0) == one_column


def test_a_one_column_pages_text_read_below_a_box_under_it_goes_back_above_it():
    # strucchange's vignette: around a plot's axis labels pdfminer read the section's heading atop
    # the page last and the command over the plot after the plot ("5.1 F statistics" came after
    # section 5.2). A box beside it, left or right (the plot's labels), it is not read before.
    def box(name: str, y: float, size: float = 10.0, x0: float = 90, x1: float = 513) -> Box:
        ln = Line(name + " words of the running text", x0, y, x1, y + size, size, "Serif")
        return Box((ln,), x0, y, x1, y + size)

    heading, para = box("heading", 720, 12.0), box("paragraph", 604)
    command, labels, caption, after = box("command", 420, x1=142), box("1990", 266, 7.1, 209, 383), box("caption", 215), box("after", 168)
    pdfminer = [para, labels, caption, after, command, heading]
    order = [b.lines[0].text.split()[0] for b in _columns_in_order(pdfminer, 595, 10.0)]
    assert order == ["heading", "paragraph", "1990", "command", "caption", "after"], order


def test_a_paragraph_read_after_the_formula_beneath_it_rises_with_its_heading_not_above_it():
    # Epi's competing-risks vignette: pdfminer read a formula's pieces first, then the page's
    # running head and a subsection's heading, the text, the next section's heading, its first
    # paragraph. The paragraph rose above the formula beneath it, and so above its own heading
    # read between the two ("1.2 Estimating cumulative risks" had followed its paragraph). The
    # boxes read after the place it rises to that stand above it rise with it, in their order.
    def box(name: str, y: float, x0: float = 75, x1: float = 540, size: float = 12.0) -> Box:
        ln = Line(name + " words", x0, y, x1, y + size, size, "Serif")
        return Box((ln,), x0, y, x1, y + size)

    formula = [box("(1.1)", 492, 519, 543), box("S(t)", 491, 176, 249)]
    head, sub, text = box("head", 778, x1=256), box("1.1.4", 747, x1=189, size=14.3), box("text", 667)
    section, para = box("1.2", 583, x1=355, size=17.2), box("para", 529)
    pdfminer = [*formula, head, sub, text, section, para]
    order = [b.lines[0].text.split()[0] for b in _columns_in_order(pdfminer, 595, 12.0)]
    assert order == ["head", "1.1.4", "text", "1.2", "para", "(1.1)", "S(t)"], order


def test_a_full_width_tables_caption_parts_the_columns_above_it_from_those_below():
    # A journal page with a table across both columns in its middle: the text goes on from the
    # left column above the table to the right column above it, then the left column below it. Read
    # the left column through, a sentence ending the page's lower left ("greater improvement in
    # the theory of") ran into the right column's paragraph above the table. The table's cells,
    # set small, stay after the box they followed; a narrow caption in one column parts nothing.
    def box(name: str, x0: float, y: float, size: float = 10.0, x1: float | None = None) -> Box:
        right = x1 if x1 is not None else x0 + 240
        ln = Line(name + " " + "words of the running text " * 3, x0, y, right, y + size, size, "Serif")
        return Box((ln,), x0, y, right, y + size)

    top = [box("top-left", 50, 700), box("top-right", 310, 700)]
    caption = box("caption", 50, 600, 8.0, x1=500)
    cells = [box("cell", 60, 560, 8.0, x1=120), box("cell", 290, 560, 8.0, x1=340)]
    notes = box("notes", 50, 500, 7.0, x1=550)
    bottom = [box("bottom-left", 50, 300), box("bottom-right", 310, 300)]
    figure = box("figure", 50, 420, 8.0, x1=280)  # a figure's caption in the left column alone
    pdfminer = [top[0], bottom[0], figure, top[1], caption, *cells, notes, bottom[1]]
    order = [b.lines[0].text.split()[0] for b in _columns_in_order(pdfminer, 600, 10.0)]
    assert order == ["top-left", "top-right", "caption", "cell", "cell", "notes", "bottom-left", "figure",
                     "bottom-right"], order


def _type3_pdf(lines: list[str], dingbats: bool = False) -> bytes:
    """A one-page PDF set in a Type 3 font whose glyph 28 is named "a28" (as dvips names a bitmap
    font's glyphs): no character for it, as for TeX's "fi" ligature in T1 encoding. `dingbats`: a
    character map gives every letter's code a Dingbat, as a tool that read "/a101" as Zapf
    Dingbats' glyph of that name does."""
    digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    names = {21: "a21", 28: "a28", 32: "space"} | {c: chr(c) for c in range(97, 123)} | {c: chr(c) for c in range(65, 91)} \
        | {46: "period"} | {48 + i: d for i, d in enumerate(digits)}
    diffs = " ".join(f"{c} /{n}" for c, n in sorted(names.items()))
    procs = " ".join(f"/{n} 9 0 R" for n in names.values())
    widths = " ".join("500" if c in names else "0" for c in range(0, 123))
    pairs = [c for c in range(65, 123) if chr(c).isalpha()]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Dingbats def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(pairs)} beginbfchar " + " ".join(f"<{c:02X}> <{0x2700 + c:04X}>" for c in pairs)
            + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    content = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(
        "(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '" for ln in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        f"/CharProcs << {procs} >> /Encoding << /Type /Encoding /Differences [{diffs}] >> /FirstChar 0 /LastChar 122 "
        f"/Widths [{widths}]{' /ToUnicode 6 0 R' if dingbats else ''} >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream", "null", "null",
        "<< /Length 8 >>\nstream\n500 0 d0\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_a_ligature_a_tex_bitmap_font_gives_no_character_is_read_from_the_words_it_makes(tmp_path: Path):
    # dvips draws TeX's fonts as Type 3 bitmaps whose glyphs are named by their codes ("/a28"), so
    # the "fi" ligature has no character: "The concordance is dened as ...", "rst", "gure".
    path = tmp_path / "vignette.pdf"
    path.write_bytes(_type3_pdf(["The concordance is de\x1cned as the share of concordant pairs.",
                                 "We \x1crst \x1cnd the pairs, then \x1ct the model.",
                                 "Our \x1cgure shows the \x1cnal results."]))
    text = load_paths([path]).documents[0].text
    assert "is defined as the share" in text and "We first find the pairs, then fit the model." in text
    assert "Our figure shows the final results." in text and "cid" not in text


def test_a_range_dash_a_tex_bitmap_font_gives_no_character_stays_between_its_numbers(tmp_path: Path):
    # T1's en dash (code 21) has no character either: "for the 12 subjects be r1–r12", "all subjects
    # 1–12" had read "r1r12" and "112", another number. The ligatures' words tell the encoding, and
    # the dash between numbers is the dash between names.
    path = tmp_path / "vignette.pdf"
    path.write_bytes(_type3_pdf(["The concordance is de\x1cned as the share of concordant pairs.",
                                 "We \x1crst \x1cnd the risk scores r1\x15r12 of subjects 1\x1512 here.",
                                 "Our \x1cgure shows the Nelson\x15Aalen estimate."]))
    text = load_paths([path]).documents[0].text
    assert "the risk scores r1\u2013r12 of subjects 1\u201312 here." in text, text
    assert "Our figure shows the Nelson\u2013Aalen estimate." in text, text


def test_a_tex_bitmap_font_whose_character_map_names_dingbats_is_read_by_its_codes(tmp_path: Path):
    # A tool wrote the map of dvips' glyph names ("/a101" for "e") as Zapf Dingbats' glyphs of those
    # names: every word came out as "❡" and its kind, and the page was reported unreadable.
    path = tmp_path / "dingbats.pdf"
    path.write_bytes(_type3_pdf(["Penalized least squares versus generalized least squares.",
                                 "The methods for \x1ctting linear mixed models are de\x1cned here.",
                                 "We \x1crst \x1cnd the \x1cnal model."], dingbats=True))
    text = load_paths([path]).documents[0].text
    assert "The methods for fitting linear mixed models are defined here." in text
    assert not any("\u2700" <= c <= "\u27bf" for c in text)


def test_a_glyph_code_is_read_as_the_ligature_that_makes_words_of_most_words_holding_it():
    # 28 is "fi" in TeX's T1 encoding and "ø" in OT1: the words decide. A code that no ligature
    # makes words of (a symbol font's bracket beside a variable) is no ligature, nor is a code
    # beside a single letter. A code that reads a word once only reads as the encoding the font's
    # decided codes follow says: T1's 27 is "ff" ("in(cid:29)ammation" of a paper in T1 had stayed
    # "inammation"); 13, "fl" in OT1 but nothing in T1, is left out, and so is a code of a font with
    # no decided code.
    texts = ["The model is de(cid:28/CMR10)ned by its (cid:28/CMR10)rst e(cid:30/CMR10)cient (cid:28/CMR10)t.",
             "Coe(cid:30/CMR10)cients are (cid:28/CMR10)xed; lg n(cid:7/CMSY10) and A(cid:7/CMSY10) stand apart.",
             "Once: a di(cid:27/CMR10)erent one, an in(cid:13/CMR10)uence and a (cid:29/CMBX10)ow chart."]
    assert ligature_codes(texts) == {"(cid:28/CMR10)": "fi", "(cid:30/CMR10)": "ffi", "(cid:27/CMR10)": "ff"}


def test_a_display_equations_line_without_its_equals_sign_heads_no_section():
    # A statistics paper's display equations set in math fonts larger than the text ("B ∼ N (0, Σ).",
    # "− (∂g1/∂η)", a Greek symbol alone, a function applied) had opened sections under the
    # headings; headings in words, short ones and index letters among them, still do.
    style = _Style("Serif", 10.0, (12.0, 10.0))
    body = Line("The model is fitted by penalized least squares.", 72, 500, 400, 510, 10.0, "Serif")

    def line(text: str) -> Line:
        return Line(text, 72, 520, 300, 532, 12.0, "Math")

    # Latin and Greek letters run together are symbols, not a word ("Z⊤ZΛθ"); a Greek word is one.
    # Two brackets left open end a formula's line, whatever its words ("exp" of quantreg's
    # "E[n−1/2 xi[Ni(exp(x"); one is a heading wrapped onto the next line. A function's name
    # applied is no word ("COV(xi, xj)." had headed vegan's rarefaction section), its arguments'
    # words are ("join(path, paths)").
    for formula in ["B ∼ N (0, Σ).", "− (∂g1/∂η)", "Λθ", "É(r(y1, x1))", "L(u|y, θ, β, σ) dβ", "Z⊤ZΛθ", "LL′P",
                    "E[n−1/2 xi[Ni(exp(x", "COV(xi, xj).", "VAR(xi)+2"]:
        assert not _is_heading(line(formula), body, style), formula
    for heading in ["3.1 Usage", "AI", "HC estimators", "2.3 Competing risks", "Pseudo R2 measures", "Εισαγωγή",
                    "4.2 Estimates (by site"]:
        assert _is_heading(line(heading), body, style), heading
    assert not _formula("join(path, paths)")


def test_a_reference_list_entry_set_mostly_in_italics_is_no_heading():
    # An author-year reference list sets a book's title in italics, so its line reads as set in
    # another font than the text; as a heading it ended the reference list. A heading that names
    # papers by their years, with no full stop after one, stays a heading.
    style = _Style("Serif", 10.0, (12.0, 10.0))
    body = Line("Cluster-robust standard errors are computed as follows.", 72, 500, 400, 510, 10.0, "Serif")
    for entry in ["Cameron AC, Trivedi PK (2005). Microeconometrics: Methods and Applications. Cambridge",
                  "Comp. Appl. Biosci., 6:373-381, 1990.", "BMJ 2017;27(11):1341-1346"]:
        assert not _is_heading(Line(entry, 72, 520, 400, 530, 10.0, "Serif-Italic"), body, style), entry
    heading = Line("5.1. Aghion et al. (2013) and Berger et al. (2017)", 72, 520, 400, 532, 12.0, "Serif-Bold")
    assert _is_heading(heading, body, style)


def test_a_web_address_alone_on_its_line_is_no_heading():
    # A printed page's box note ends with the address it links to, "→ https://...", set in bold:
    # it headed a section ("The Debian Free Software Guidelines › → https://www.debian.org/...").
    style = _Style("Serif", 10.0, (12.0, 10.0))
    body = Line("The Debian Free Software Guidelines define what free software is.", 72, 500, 400, 510, 10.0, "Serif")
    for address in ["→ https://www.debian.org/social_contract.html#guidelines", "www.debian.org/doc/"]:
        assert not _is_heading(Line(address, 72, 520, 400, 532, 12.0, "Serif-Bold"), body, style), address
    assert _is_heading(Line("The Debian website", 72, 520, 400, 532, 12.0, "Serif-Bold"), body, style)


def test_a_reference_list_set_small_in_two_columns_reads_column_by_column():
    # A journal's reference list, set smaller than the text in two columns whose lines share their
    # baselines: the right column's boxes joined the left's in one region read by baselines, so
    # each entry's line ran into the one beside it ("... pluripotent and 13. Endosome-ER ...").
    def box(text: str, x0: float, y: float) -> Box:
        ln = Line(text, x0, y, x0 + 240, y + 6, 6.0, "Serif")
        return Box((ln,), ln.x0, ln.y0, ln.x1, ln.y1)

    def body(text: str, y: float) -> Box:
        ln = Line(text, 50, y, 540, y + 10, 10.0, "Serif")
        return Box((ln,), ln.x0, ln.y0, ln.x1, ln.y1)

    heading = Line("References", 50, 720, 120, 731, 11.0, "Sans-Bold")
    boxes = [body("The trial will report its findings in a peer-reviewed journal and to the participants.", 740),
             Box((heading,), 50, 720, 120, 731),
             box("1. Smith A. Chemical approaches to stem cell", 50, 700), box("biology. J Med. 2010; 3:100-110.", 50, 692),
             box("2. Jones B. Genome-wide maps of chromatin.", 50, 684),
             box("12. Lee C. Familial aphasic episodes: another", 310, 700), box("variant of epilepsy. J Med. 2021; 14:177.", 310, 692),
             box("13. Kim D. Endosome-ER contacts control actin.", 310, 684)]
    assembler = _Assembler(_Style("Serif", 10.0, (11.0, 10.0)), {})
    for b in boxes:
        assembler.add_box(b, 3)
    text = _render(assembler.finish(), Vocabulary([]), "A trial")[0]
    refs = text[text.index("References"):]
    assert "stem cell biology. J Med. 2010; 3:100-110.\n2. Jones B." in refs, refs
    assert refs.index("2. Jones B.") < refs.index("12. Lee C.") and "chromatin. 13." not in refs, refs


def test_table_cells_that_wrap_are_read_cell_by_cell_not_line_by_line_across_cells():
    # A table whose two text columns wrap onto more lines (a trial's recruitment strategies): read by
    # baselines, the wrapped lines of both cells interleaved ("... Trial Trial packs ..."). Each row
    # reads as its label, then one cell, then the other; a row of figures under an empty label
    # (the "2016" line) stays a row of its own, as does the next labelled row.
    def line(text: str, x0: float, y: float) -> Line:
        return Line(text, x0, y, x0 + 5 * len(text), y + 9, 9.0, "Small")

    geometry = [
        line("Site", 40, 700), line("Recruitment", 110, 700), line("Follow-up", 330, 700),
        line("Bristol", 40, 688), line("Packs posted by researchers. Trial", 110, 688),
        line("Packs posted by researchers and", 330, 688),
        line("packs given out in face-to-", 110, 677), line("reminders over the phone", 330, 677),
        line("face sessions", 110, 666),
        line("2015", 40, 652), line("12 (40%)", 110, 652), line("9 (30%)", 330, 652),
        line("2016 ", 110, 641), line("14 (45%)", 330, 641),
        line("Norwich", 40, 627), line("Packs posted by staff", 110, 627), line("Telephone reminders", 330, 627),
    ]
    block = _Block("aside", geometry=geometry, pages=[2] * len(geometry))
    assert _pieces(block, Vocabulary(["face-to-face"]))[0][0].split("\n") == [
        "Site Recruitment Follow-up",
        "Bristol Packs posted by researchers. Trial packs given out in face-to-face sessions "
        "Packs posted by researchers and reminders over the phone",
        "2015 12 (40%) 9 (30%)",
        "2016 14 (45%)",
        "Norwich Packs posted by staff Telephone reminders",
    ]


def test_an_abstract_beside_a_notes_column_is_read_as_a_paragraph_not_interleaved_with_the_notes():
    # A journal's first page: the abstract set smaller than the body, so in a region of small type,
    # beside a column of notes ("To cite: ...", "Received ...") at another size and pitch. Read as
    # rows across both, each abstract line was spliced with a note line. The abstract is read on its
    # own, its paragraphs a line each; the notes stay lines of their own.
    def box(lines: list[tuple[str, float]], x0: float, x1: float, size: float, top: float, pitch: float) -> Box:
        made = tuple(Line(t, x0, top - i * pitch, x0 + w, top - i * pitch + size, size, "F") for i, (t, w) in enumerate(lines))
        return Box(made, x0, made[-1].y0, x1, made[0].y1)

    notes = box([("To cite: Corder K, Brown HE,", 90), ("Schiff A, et al. BMJ Open", 85), ("2016;6:e012335.", 60),
                 ("Received 19 April 2016", 80), ("Accepted 23 August 2016", 85)], 42, 135, 8.0, 500, 9.6)
    abstract = box([("Objectives: Assess the feasibility of implementing the", 190),
                    ("GoActive intervention in secondary schools, to identify", 194),
                    ("improvements and test the study procedures that a", 190),
                    ("full trial would use, and estimate preliminary effects.", 150),
                    ("Results: All year 9 students in intervention schools", 192),
                    ("were exposed to the intervention and most of them", 190),
                    ("said they found the activities fun to take part in.", 160)], 147, 342, 9.0, 503, 11.0)
    block = _Block("aside", geometry=[*notes.lines, *abstract.lines], boxes=[notes, abstract], pages=[1] * 12)
    assert _pieces(block, Vocabulary([]))[0][0].split("\n") == [
        "To cite: Corder K, Brown HE, Schiff A, et al. BMJ Open", "2016;6:e012335.", "Received 19 April 2016",
        "Accepted 23 August 2016",
        "Objectives: Assess the feasibility of implementing the GoActive intervention in secondary schools, to "
        "identify improvements and test the study procedures that a full trial would use, and estimate "
        "preliminary effects.",
        "Results: All year 9 students in intervention schools were exposed to the intervention and most of them "
        "said they found the activities fun to take part in.",
    ]


def test_a_programs_lines_stay_lines_and_code_inside_an_open_sentence_stays_in_it():
    # A manual's page at the text's size: a paragraph announcing an example, the example's lines set
    # wholly in a typewriter font (read as a paragraph, they ran into one line), then prose that
    # carries a path on a line of its own in the middle of a sentence, and a line mostly in code
    # with a word in the text's font that a line in words carries on.
    def line(text: str, y: float, font: str = "Serif", one_font: bool = True) -> Line:
        return Line(text, 50, y, 400, y + 10, 10.0, font, 0.6 if font == "Mono" else -1.0, False, one_font)

    lines = [line("The NULL constant can be used to start a definition. For example:", 700),
             line("asn1_node definitions = NULL;", 688, "Mono"), line("int result = 0;", 676, "Mono"),
             line("When the default paths are used, the files loaded are", 650),
             line("/usr/share/mime/text/html.xml and", 638, "Mono"),
             line("the same file under the user's own directory.", 626),
             line("Returns: ASN1_SUCCESS if the structure was created, ASN1_MEM_ERROR if", 600, "Mono", one_font=False),
             line("the vector is not big enough.", 588)]
    boxes = [Box(tuple(part), 50, part[-1].y0, 400, part[0].y1) for part in (lines[:3], lines[3:6], lines[6:])]
    style = _Style("Serif", 10.0, (10.0,), typewriter_fonts=frozenset({"Mono"}))
    assembler = _Assembler(style, {})
    for box in boxes:
        assembler.add_box(box, 1)
    text = _render(assembler.finish(), Vocabulary([]), "A manual")[0]
    assert "For example:\n\nasn1_node definitions = NULL;\nint result = 0;\n\nWhen the default" in text, text
    assert "files loaded are /usr/share/mime/text/html.xml and the same file" in text, text
    assert "Returns: ASN1_SUCCESS if the structure was created, ASN1_MEM_ERROR if the vector" in text, text


def test_a_box_of_program_lines_after_an_open_sentence_is_a_listing():
    # An R vignette (Sweave) announces a call with "For example," and displays it in a box of its
    # own, set in a typewriter face: the call had run into the sentence ("For example, m2 <- lm(...)
    # car::ncvTest(m2, ~ income)"). A line in a typewriter face inside a paragraph's box stays in
    # its sentence (`test_a_programs_lines_stay_lines_and_code_inside_an_open_sentence_stays_in_it`).
    def line(text: str, y: float, font: str = "Serif") -> Line:
        return Line(text, 50, y, 400, y + 10, 10.0, font, 0.6 if font == "Mono" else -1.0, False, True)

    def box(*lines: Line) -> Box:
        return Box(lines, 50, lines[-1].y0, 400, lines[0].y1)

    boxes = [box(line("The function tests for non-constant variance. For example,", 700)),
             box(line("m2 <- lm(prestige ~ education, data=Prestige)", 680, "Mono"), line("car::ncvTest(m2, ~ income)", 668, "Mono")),
             box(line("This fits prestige as a function of education.", 640))]
    style = _Style("Serif", 10.0, (10.0,), typewriter_fonts=frozenset({"Mono"}))
    text = _assembled(boxes, style, "A vignette")
    assert "For example,\n\nm2 <- lm(prestige ~ education, data=Prestige)\ncar::ncvTest(m2, ~ income)\n\nThis fits" in text, text


def test_the_texts_style_is_its_prose_where_listings_fill_most_of_the_page():
    # A LaTeX package's documented source: its code in CMTT9 fills most of the page, its prose in
    # CMR10. Read as the text, CMTT9 made every line of prose "larger than the text" and a
    # heading ("These may also be set globally using the \asysetup command." was a section).
    # Where listings are all but the whole document, they are its text.
    def line(text: str, y: float, font: str, size: float) -> Line:
        return Line(text, 72, y, 500, y + size, size, font, 0.53 if font == "CMTT9" else -1.0)

    code = [line(f"\\def\\x@{i}#1#2{{\\PackageInfo{{#1}}{{#2, stopped}}}}%", 700 - 11 * i, "CMTT9", 9.0) for i in range(30)]
    prose = [line("The package may take two options at load time: inline or attach.", 300 - 12 * i, "CMR10", 10.0)
             for i in range(8)]
    page = PageLayout(1, 595, 842, [Box(tuple(code), 72, 381, 500, 709), Box(tuple(prose), 72, 216, 500, 310)])
    assert text_style([page]) == ("CMR10", 10.0)
    page = PageLayout(1, 595, 842, [Box(tuple(code), 72, 381, 500, 709), Box(tuple(prose[:2]), 72, 288, 500, 310)])
    assert text_style([page]) == ("CMTT9", 9.0)


def test_a_title_pages_author_and_affiliation_open_no_sections():
    # A manual's title page: its title, the author and the department set at 14 pt over an e-mail
    # address and a date, then the chapters. "Peter Hiscocks" and "Department of ..." had been
    # sections of their own. A line set smaller than the text in a plain face (a listing's
    # docstrip guard "1 ⟨∗package⟩" in 9 pt sans) heads nothing; in bold it may.
    def box(text: str, y: float, size: float, font: str = "Times-Roman") -> Box:
        return Box((Line(text, 72, y, 500, y + size, size, font),), 72, y, 500, y + size)

    prose = "We are blessed to live in a time when document production tools have become accessible to everyone."
    pages = [[box("Using XFig", 700, 24.8), box("Peter Hiscocks", 650, 14.3), box("Department of Electrical Engineering", 610, 14.3),
              box("phiscock@example.org", 560, 14.3, "Times-Italic"), box("August 17, 2001", 520, 14.3)],
             [box("1 Producing Documents", 700, 14.3, "Times-Bold"), box(prose, 680, 10.0), box("1 ⟨∗package⟩", 660, 9.0, "CMSS9"),
              box(prose, 640, 10.0), box("A. Background", 620, 9.0, "Times-Bold"), box(prose, 600, 10.0)]]
    style = _Style("Times-Roman", 10.0, (24.8, 14.3, 10.0, 9.0),
                   section_styles=frozenset({("Times-Roman", 14.3), ("Times-Bold", 14.3), ("Times-Bold", 9.0), ("CMSS9", 9.0)}))
    assembler = _Assembler(style, {})
    for number, page in enumerate(pages, 1):
        for b in page:
            assembler.add_box(b, number)
    _, _, sections = _render(assembler.finish(), Vocabulary([]), "Using XFig")
    assert [s.path for s in sections] == [("1 Producing Documents",), ("1 Producing Documents", "A. Background")], \
        [s.path for s in sections]


def test_a_box_at_another_size_after_a_sentences_end_opens_a_paragraph_and_a_column_break_does_not():
    # A Texinfo manual's function reference: a function's description ends, then its name set 1.2
    # times the text in a box of its own (a heading: it names a program's function), and its
    # signature at another size, which opens a paragraph though it starts in lower case; so does a
    # printed book's figure label after a sentence's end. A sentence carried on into the next
    # column in lower case after "et al." goes on, and so does one that has not ended.
    def box(text: str, y: float, size: float = 10.0) -> Box:
        ln = Line(text, 50, y, 400, y + size, size, "Serif")
        return Box((ln,), 50, y, 400, y + size)

    boxes = [box("Returns: ASN1_SUCCESS if the structure was deleted.", 700),
             box("asn1_der_decoding", 670, 12.0), box("int asn1_der_decoding (asn1_node * element)", 650, 11.5),
             box("Decodes the element.", 640), box("listing 2: a decoded tree", 630, 11.5),
             box("As reported by Smith et al.", 600), box("patients improved when", 500), box("treated early.", 400)]
    assembler = _Assembler(_Style("Serif", 10.0, (12.0, 10.0)), {})
    for b in boxes:
        assembler.add_box(b, 1)
    blocks = assembler.finish()
    assert [b.lines for b in blocks if b.kind == "heading"] == [["asn1_der_decoding"]]
    text = _render(blocks, Vocabulary([]), "A manual")[0]
    assert "was deleted.\n\nasn1_der_decoding\n\nint asn1_der_decoding (asn1_node * element)" in text, text
    assert "Decodes the element.\n\nlisting 2: a decoded tree" in text, text
    assert "As reported by Smith et al. patients improved when treated early." in text, text


def _assembled(boxes: list[Box], style: _Style, title: str) -> str:
    """The text of one page's boxes read in order by the assembler."""
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    return _render(assembler.finish(), Vocabulary([]), title)[0]


def _line_box(text: str, y: float, size: float, font: str, x: float = 72) -> Box:
    """A box of one line of `text` at (`x`, `y`), 500 points its right edge."""
    return Box((Line(text, x, y, 500, y + size, size, font),), x, y, 500, y + size)


def _read_with_sections(boxes: list[Box], style: _Style, title: str, words: str) -> tuple[str, list[tuple[str, ...]]]:
    """The text and the section paths of one page's boxes read in order by the assembler, the
    document's vocabulary `words`."""
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    text, _, sections = _render(assembler.finish(), Vocabulary([words]), title)
    return text, [sec.path for sec in sections]


def test_a_large_heading_broken_at_a_hyphen_onto_a_box_of_its_own_is_one_heading():
    # lme4's vignette sets "2 The penalized least squares approach to lin-" over "ear mixed models",
    # each a box of its own at the hanging indent: a line ending in a hyphen was never a heading, so
    # the section was named "ear mixed models"; and colortbl's "... für ta-" goes on in a typewriter
    # font ("bular*").
    body = "Given a value of the parameter we form the matrix from which we evaluate its factor."
    boxes = [_line_box("1 Definition of the model", 700, 17.0, "Bold"), _line_box(body, 670, 12.0, "Serif"),
             _line_box("2 The penalized least squares approach to lin-", 620, 17.0, "Bold"),
             _line_box("ear mixed models", 600, 17.0, "Bold", 92), _line_box(body, 570, 12.0, "Serif"),
             _line_box("3 Colours in the overhang of ta-", 520, 17.0, "Bold"),
             _line_box("bular*", 500, 17.0, "Mono", 92), _line_box(body, 470, 12.0, "Serif")]
    style = _Style("Serif", 12.0, (17.0, 12.0), frozenset({("Bold", 17.0)}), typewriter_fonts=frozenset({"Mono"}))
    assert _read_with_sections(boxes, style, "Mixed models", body)[1] == [
        ("1 Definition of the model",), ("2 The penalized least squares approach to linear mixed models",),
        ("3 Colours in the overhang of tabular*",)]


def test_an_entrys_journal_name_on_a_line_of_its_own_does_not_head_a_section_of_the_reference_list():
    # JSS papers set an entry's journal in italics; pdfminer made its second line a box of its own,
    # read as a heading: "American Statistical Association, 89, 190-200." opened a section, and the
    # entries after it stood outside the reference list. An appendix set large after the list is
    # still a section.
    body = "The mosaic display shows the observed frequencies of a contingency table as tiles."
    boxes = [_line_box("1 Introduction", 700, 14.0, "Bold"), _line_box(body, 680, 10.0, "Serif"),
             _line_box(body, 666, 10.0, "Serif"), _line_box("References", 630, 14.0, "Bold"),
             _line_box("Friendly M (1994). Mosaic Displays for Multi-Way Contingency Tables. Journal of the", 610, 10.0, "Serif"),
             _line_box("American Statistical Association, 89, 190-200.", 597, 10.0, "Italic", 82),
             _line_box("Hartigan JA, Kleiner B (1984). A Mosaic of Television Ratings. The American Statistician, 38, 32-35.",
                       580, 10.0, "Serif"),
             _line_box("A Data sets", 540, 14.0, "Bold"), _line_box(body, 520, 10.0, "Serif")]
    style = _Style("Serif", 10.0, (14.0, 10.0), frozenset({("Bold", 14.0), ("Italic", 10.0)}))
    text, sections = _read_with_sections(boxes, style, "Mosaic displays", body)
    assert sections == [("1 Introduction",), ("References",), ("A Data sets",)]
    assert "Journal of the American Statistical Association, 89, 190-200." in text


def test_an_abstract_label_set_as_small_as_the_abstract_heads_it():
    # A JSS paper sets "Abstract" in bold as small as the abstract under it: read as small print it
    # was the first word of the abstract's first sentence, and the highlight of a question about the
    # paper opened "Abstract This vignette is ...". A label set larger was a heading already.
    body = "The mosaic display shows the observed frequencies of a contingency table as tiles."
    boxes = [_line_box("Residual-Based Shadings in vcd", 720, 17.0, "Bold"), _line_box("Achim Zeileis", 690, 12.0, "Serif"),
             _line_box("Abstract", 660, 9.0, "Bold"),
             _line_box("This vignette is a companion paper which introduces extensions to residual-based shadings.", 645, 9.0,
                       "Serif"),
             _line_box("1 Introduction", 600, 14.0, "Bold"), _line_box(body, 580, 10.0, "Serif"),
             _line_box(body, 566, 10.0, "Serif"), _line_box("2 Arthritis data", 530, 14.0, "Bold"),
             _line_box(body, 510, 10.0, "Serif")]
    style = _Style("Serif", 10.0, (17.0, 14.0, 10.0), frozenset({("Bold", 14.0)}))
    text, sections = _read_with_sections(boxes, style, "Residual-Based Shadings in vcd", body)
    assert sections == [("Abstract",), ("1 Introduction",), ("2 Arthritis data",)]
    assert "Abstract\n\nThis vignette is a companion paper" in text


def test_a_small_print_abstract_ends_where_the_text_goes_on_at_its_size_under_no_heading():
    # An R vignette without section headings (car's "Using car and effects Functions in Other
    # Functions"): its abstract in 9 pt under an "Abstract" label as small, then the note's text in
    # 10 pt. Every passage of the note had been cited under "Abstract".
    abstract = "The car package provides many functions that are applied to a fitted regression model."
    body = "Some users of the car package have found it convenient to write their own functions."
    boxes = [_line_box("Using car Functions in Other Functions", 720, 17.0, "Serif"), _line_box("Abstract", 690, 9.0, "Bold"),
             _line_box(abstract, 675, 9.0, "Serif"), _line_box(body, 650, 10.0, "Serif"), _line_box(body, 620, 10.0, "Serif"),
             _line_box("References", 590, 12.0, "Bold"), _line_box("Fox J (2019). An R Companion to Applied Regression.", 575,
                                                                 9.0, "Serif")]
    style = _Style("Serif", 10.0, (17.0, 12.0, 10.0), frozenset({("Bold", 12.0)}))
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    text, _, sections = _render(assembler.finish(), Vocabulary([body]), "Using car Functions in Other Functions")
    spans = {s.path: text[s.start : s.end] for s in sections}
    assert list(spans) == [("Abstract",), ("References",)], spans
    assert abstract in spans[("Abstract",)] and "Some users" not in spans[("Abstract",)], spans


def test_a_paragraphs_indented_first_line_in_a_box_of_its_own_goes_on_in_the_line_below():
    # pdfminer set a Texinfo paragraph's indented first line apart from its second, which opens with
    # a capital ("... of a CRAN site (see" over "Section 2.10 [What is CRAN?], page 9)."): two
    # paragraphs, the second a fragment. A first line that ends its sentence or an address, a list's
    # item, and a line further down, stay apart.
    def box(text: str, x: float, y: float, x1: float = 522) -> Box:
        ln = Line(text, x, y, x1, y + 10.9, 10.9, "CMR10")
        return Box((ln,), x, y, x1, y + 10.9)

    boxes = [box("You can also obtain the FAQ from the doc subdirectory of a CRAN site (see", 105, 308),
             box("Section 2.10 [What is CRAN?], page 9).", 90, 295, 281),
             box("The archive is mirrored daily to many sites around the world.", 105, 260),
             box("Mirrors are listed on the main site.", 90, 247, 300),
             box("Each mirror keeps a copy of every package and the manuals of", 105, 220),
             box("Recent releases of R.", 90, 160, 200),
             box("The latest version of this document is always available from https://cran.r-project.org/doc/", 105, 130),
             box("From there, you can obtain versions converted to plain text.", 90, 117, 400),
             box("1. Studies using multiple retention strategies and higher incentives for the families", 105, 90),
             box("Shorter questionnaires sent by post.", 90, 77, 300)]
    text = _assembled(boxes, _Style("CMR10", 10.9, (10.9,)), "R FAQ")
    assert "a CRAN site (see Section 2.10 [What is CRAN?], page 9)." in text, text
    assert "around the world.\n\nMirrors are listed" in text, text
    assert "the manuals of\n\nRecent releases" in text, text
    assert "r-project.org/doc/\n\nFrom there" in text and "the families\n\nShorter questionnaires" in text, text


def test_a_list_items_line_at_its_hanging_indent_goes_on_in_the_item():
    # A specification's list: each line in a box of its own, the wrapped line of an item set at the
    # item's hanging indent and opening in capitals. The next item, and a paragraph after an item
    # that ended its sentence, stay apart.
    def box(text: str, x: float, y: float) -> Box:
        ln = Line(text, x, y, 500, y + 10.0, 10.0, "Serif")
        return Box((ln,), x, y, 500, y + 10.0)

    boxes = [box("• XMLnamespaces (contains a mapping from XML pairs to", 120, 700), box("MIME types)", 130, 687),
             box("• icons (contains a mapping from MIME types to icons).", 120, 669), box("Icons are looked up by name.", 130, 656)]
    text = _assembled(boxes, _Style("Serif", 10.0, (10.0,)), "A specification")
    assert "• XMLnamespaces (contains a mapping from XML pairs to MIME types)\n\n• icons" in text, text
    assert "to icons).\n\nIcons are looked up" in text, text


def test_a_list_item_set_mostly_in_smaller_code_is_the_lists_next_item_not_an_aside():
    # An API's printed page: "• options <Object>" is mostly code, set smaller than the text, and
    # read alone it is small print, an aside, which had been read after the item below it; so had a
    # specification's item in a typewriter font with its line at the hanging indent. Under the open
    # item's bullet it is the next item, and its wrapped line goes on in it.
    def box(text: str, x: float, y: float, size: float = 10.0, font: str = "Serif") -> Box:
        ln = Line(text, x, y, 500, y + size, size, font)
        return Box((ln,), x, y, 500, y + size)

    boxes = [box("• hostname <string> Host name to resolve.", 48, 700),
             box("• options <Object>", 48, 684, 8.5, "Mono"),
             box("• mime.cache (contains the same information as the globs2,", 48, 668, 8.5, "Mono"),
             box("aliases and icons files, in a binary format)", 58, 656, 8.5, "Mono"),
             box("Uses the DNS protocol to resolve a host name into an array of records.", 30, 630)]
    assembler = _Assembler(_Style("Serif", 10.0, (10.0,)), {})
    for b in boxes:
        assembler.add_box(b, 1)
    text = _render(assembler.finish(), Vocabulary([]), "DNS")[0]
    assert text.index("• hostname") < text.index("• options") < text.index("• mime.cache") < text.index("Uses the DNS"), text
    assert "globs2, aliases and icons files, in a binary format)" in text, text


def test_a_name_broken_after_its_underscore_is_joined_tight():
    assert join_lines(["more than ASN1_MAX_", "NAME_SIZE characters"], Vocabulary([]))[0] == \
        "more than ASN1_MAX_NAME_SIZE characters"
    assert join_lines(["fill in the blank _", "and sign"], Vocabulary([]))[0] == "fill in the blank _ and sign"


def test_a_printed_table_of_contents_is_left_out_and_a_sentence_with_an_ellipsis_is_not():
    # A Texinfo manual's contents page: entries with dot leaders and page numbers (a roman one in
    # the front matter), one wrapped over two lines. Ranked first for a chapter's name, it answered
    # nothing. Prose that trails off with spaced dots stays.
    blocks = [_Block("heading", ["Table of Contents"], [3], section=True),
              _Block("body", ["Preface . . . . . . . . . . . . . iv", "1 Introduction . . . . . . . . . . . . . 1",
                              "2 ASN.1 structure handling, with a title long enough", "to wrap . . . . . . . . . . 2",
                              "2.1 ASN.1 syntax. . . . . . . . . . . . . . . . 2"], [3] * 5),
              _Block("heading", ["1 Introduction"], [4], section=True),
              _Block("body", ["The parser waited . . . . and then read 2 more lines."], [4])]
    text = _render(_contents_left_out(blocks), Vocabulary([]), "Libtasn1")[0]
    assert ". . . ." not in text.split("1 Introduction")[0], text
    assert "The parser waited . . . . and then read 2 more lines." in text
    # A handout's contents whose page numbers stand in a box of their own at the page's edge: its
    # entries end in their leaders, two of them read as one line.
    # Each chapter's entry stands without leaders between its sections' entries.
    handout = [_Block("heading", ["Contents"], [1], section=True),
               _Block("heading", ["1 Syntax"], [1], section=True),
               _Block("body", ["1.1 Syntax of natural languages . . . . . . . . . 1.2 Syntax of programs . . . . . . . ."], [1]),
               _Block("heading", ["2 Semantics"], [1], section=True),
               _Block("body", ["2.1 Meaning of natural languages . . . . . . . . . 2.2 Meaning of programs . . . . . . ."], [1]),
               _Block("heading", ["3 Summary"], [1], section=True),
               _Block("body", ["1 1 3 3"], [1]),
               _Block("heading", ["1 Syntax"], [2], section=True),
               _Block("heading", ["1.1 Syntax of natural languages"], [2], section=True),
               _Block("body", ["Every language has rules . . . . that nobody wrote down."], [2]),
               _Block("heading", ["2 Semantics"], [3], section=True),
               _Block("body", ["Meaning is what the rules leave open."], [3]),
               _Block("heading", ["3 Summary"], [4], section=True),
               _Block("body", ["Syntax and meaning are two things."], [4])]
    text = _render(_contents_left_out(handout), Vocabulary([]), "Logic")[0]
    assert "Syntax of programs" not in text and text.count("1.1 Syntax of natural languages") == 1, text
    assert text.count("2 Semantics") == 1 and text.count("3 Summary") == 1 and "1 1 3 3" not in text, text
    # A package manual's index: entries with leaders and several pages, two columns read as one line.
    index = [_Block("heading", ["Index"], [9], section=True),
             _Block("body", ["\\at@lb . . . . . . . . . . 13, 48 \\at@next . . . . . . . . . 39, 69",
                             "\\at@protect . . . . . . . . 125, 126", "\\ifx . . 51, 58, 62–70, 74"], [9])]
    assert ". . . ." not in _render(_contents_left_out(index), Vocabulary([]), "Atbegshi")[0]
    assert "Every language has rules . . . . that nobody wrote down." in text


def test_a_contents_whose_entries_wrap_before_their_leaders_is_left_out():
    # A two-column article's contents, its page numbers in a column of their own: an entry's title
    # wraps and its leaders end its last line, a chapter's entry has none. Read as a paragraph, "5.2
    # Beta diversity . . . ." had been a hit for "What is beta diversity?". A paragraph of prose
    # whose one line ends in dots ("r1 + r3 + . . . .") stays.
    blocks = [_Block("heading", ["Abstract"], [1], section=True),
              _Block("body", ["This document explains diversity methods."], [1]),
              _Block("body", ["3 Taxonomic and functional diversity", "3.1 Taxonomic diversity: average dis-",
                              "tance of traits . . . . . . . . . . . . .", "3.2 Functional diversity: the height of",
                              "trait tree . . . . . . . . . . . . . . . ."], [1] * 5),
              _Block("body", ["5 Species accumulation and beta diver-", "sity", "5.1 Species accumulation models .... 6",
                              "5.2 Beta diversity . . . . . . . . . . . . ."], [1] * 4),
              _Block("body", ["The denominator is either r1 + r3 + . . . .", "r12 or the average of the two."], [1, 1]),
              _Block("heading", ["5.2 Beta diversity"], [7], section=True),
              _Block("body", ["Beta diversity is the diversity along gradients."], [7])]
    text = _render(_contents_left_out(blocks), Vocabulary([]), "Vegan")[0]
    assert "trait tree" not in text and "Species accumulation models" not in text and text.count("Beta diversity") == 2, text
    assert "The denominator is either r1 + r3 + . . . . r12 or the average of the two." in text, text


def test_a_contents_whose_entries_were_read_apart_from_their_leaders_and_pages_is_left_out():
    # A Bioconductor vignette's contents (BiocStyle): each entry's number, title, leaders and page
    # were read as pieces. Numbers of two entries on one line ("2 3"), an entry's first line apart
    # from the rest of its title and its leaders, leaders too short to tell ("model. . 10"), and
    # its page numbers a column read after the first section's heading. The headings they name
    # are broken at hyphens over two lines ("lin-" over "ear model"). Each had stayed in the text,
    # and the cut-off entries headed sections of their own.
    def numbers(*pages: str) -> _Block:
        return _Block("aside", geometry=[Line(n, 470, 100 + 14 * i, 476, 110 + 14 * i, 10.9, "Sans") for i, n in enumerate(pages)],
                      pages=[1] * len(pages))

    blocks = [_Block("heading", ["Contents"], [1], section=True),
              _Block("table", ["2 3", "3 4", "4 Applying the sva function to estimate batch and other"], [1] * 3),
              _Block("heading", ["5 Adjusting for surrogate variables using the f.pvalue"], [1], section=True),
              _Block("body", ["Setting up the data from an ExpressionSet . . . . . . ."], [1]),
              _Block("heading", ["9 Removing known batch effects with a linear model. . 10"], [1], section=True),
              _Block("body", ["11 Variance filtering to speed computations when the", "number of features is large . . . . . . 11"],
                     [1, 1]),
              _Block("heading", ["1 Overview"], [2], section=True),
              numbers("2", "3", "4", "5", "10", "11"),
              _Block("body", ["The sva package removes batch effects."], [2]),
              _Block("heading", ["3 Setting up the data from an ExpressionSet"], [3], section=True),
              _Block("body", ["The data are an ExpressionSet."], [3]),
              _Block("heading", ["4 Applying the sva function to estimate batch and other artifacts"], [4], section=True),
              _Block("body", ["The sva function estimates surrogate variables."], [4]),
              _Block("heading", ["5 Adjusting for surrogate variables using the f.pvalue function"], [5], section=True),
              _Block("body", ["The f.pvalue function computes F-test p-values."], [5]),
              _Block("heading", ["9 Removing known batch effects with a lin-", "ear model"], [8, 8], section=True),
              _Block("body", ["Known batches go into the model."], [8]),
              _Block("heading", ["11 Variance filtering to speed computations when the number of features is large"], [9],
                     section=True),
              _Block("body", ["A variance filter speeds it up."], [9])]
    text = _render(_contents_left_out(blocks), Vocabulary([]), "The SVA package")[0]
    front = text.split("1 Overview")[0]
    assert "Applying" not in front and "Adjusting" not in front and "2 3" not in front and "model" not in front, text
    assert "Variance" not in front and "ExpressionSet" not in front, text
    assert "\n10\n" not in text and "\n11\n" not in text, text
    assert text.count("5 Adjusting for surrogate variables") == 1 and "The sva package removes batch effects." in text
    # A column of numbers where no contents was left out is kept: it may be a table's.
    kept = _render(_contents_left_out([_Block("heading", ["Results"], [1], section=True), numbers("12", "15", "18")]),
                   Vocabulary([]), "Counts")[0]
    assert "15" in kept, kept


def test_a_thesis_list_of_figures_names_its_captions_and_an_appendix_entry_its_heading():
    # A thesis's front matter: a list of figures whose entries are the captions' numbers and titles
    # (cut short where they wrap), and a contents entry of an appendix by its letter ("A TEST
    # APPENDIX ...", its heading printed without it). Both had stayed, ranked for the captions' words.
    def caption(text: str, page: int) -> _Block:
        return _Block("aside", geometry=[Line(text, 72, 400, 500, 410, 9.0, "Serif")], pages=[page])

    blocks = [_Block("heading", ["LIST OF FIGURES"], [1], section=True),
              _Block("body", ["1.1 Hours slept per night by arm over the twelve weeks of the"], [1]),
              _Block("body", ["trial . . . . . . . . . . . . . 4"], [1]),
              _Block("body", ["2.1 Change in sleep latency from baseline"], [1]),
              _Block("body", ["A.1 Actigraphy compared with sleep diaries . . . . . . 30"], [1]),
              _Block("body", ["A TEST APPENDIX WITH A VERY LONG TITLE IN ORDER TO"], [1]),
              _Block("heading", ["INTRODUCTION"], [2], section=True),
              _Block("body", ["Sleep was measured by actigraphy and diaries."], [2]),
              caption("Figure 1.1: Hours slept per night by arm over the twelve weeks of the trial.", 4),
              caption("Figure 2.1. Change in sleep latency from baseline.", 8),
              _Block("heading", ["TEST APPENDIX WITH A VERY LONG TITLE IN ORDER TO TEST SPACING"], [30], section=True),
              caption("Figure A.1: Actigraphy compared with sleep diaries.", 30)]
    text = _render(_contents_left_out(blocks), Vocabulary([]), "A thesis")[0]
    front = text.split("INTRODUCTION")[0]
    assert "Hours slept" not in front and "latency" not in front and "Actigraphy" not in front, text
    assert "APPENDIX" not in front and "LIST OF FIGURES" not in front, text
    assert text.count("Hours slept per night") == 1 and "Sleep was measured by actigraphy and diaries." in text


def test_a_printed_list_of_the_documents_own_headings_is_a_table_of_contents_and_a_features_list_is_not():
    # A web page's list of links into itself, printed: "Table of Contents", then items naming later
    # headings, under labels ("Parsing Functions", read as a line of text). A list whose items are
    # not headings stays, and so does the section heading right after the contents.
    def body(*lines: str) -> _Block:
        return _Block("body", list(lines), [1] * len(lines))

    def heading(text: str, page: int = 1) -> _Block:
        return _Block("heading", [text], [page], section=True)

    blocks = [heading("Table of Contents"), body("• Overview"), body("• Using Expat"), heading("Parser Creation Functions"),
              body("• XML_ParserCreate"), body("Parsing Functions"), body("• XML_Parse"), body("• XML_StopParser"),
              heading("Overview", 2), body("Expat is a stream-oriented parser. It supports:"), body("• namespaces"),
              body("• external entities"), body("• XML_Parse calls"),
              heading("Using Expat", 2), body("Register handlers, then feed the parser the document."),
              heading("XML_ParserCreate", 3), body("Construct a new parser."), heading("XML_Parse", 3), body("Parse some more."),
              heading("XML_StopParser", 3), body("Stops parsing.")]
    text = _render(_contents_left_out(blocks), Vocabulary([]), "Expat")[0]
    assert text.startswith("Overview\n\nExpat is a stream-oriented parser."), text
    assert "• namespaces\n\n• external entities" in text


def test_a_change_of_type_size_inside_a_box_starts_a_paragraph():
    # A journal's first page: the title set at 24 pt and its authors' names at 11 pt come in one
    # box; read as one paragraph, the title ran on into the names, so the title was no sentence of
    # its own. Lines of one size (a wrapped title, a wrapped paragraph) stay together.
    lines = (Line("The FOCUS trial: cognitive remediation plus", 57, 700, 400, 724, 24.0, "F"),
             Line("standard treatment: study protocol", 57, 672, 390, 696, 24.0, "F"),
             Line("Louise B Glenthøj, Birgitte Fagerlund, Lasse Randers,", 57, 650, 400, 661, 11.0, "F"),
             Line("Christian Gluud and Merete Nordentoft", 57, 637, 300, 648, 11.0, "F"))
    assert _paragraph_breaks(Box(lines, 57, 637, 400, 724)) == [False, False, True, False]


def test_a_run_in_label_after_a_short_line_starts_a_paragraph():
    # A Texinfo manual: a line of code ending in ";" (no sentence's end) then "Returns:" set bold
    # ran into one sentence, so "What does it return?" highlighted the code. A label in a line of
    # its own after a filled line is inside a paragraph and stays there.
    lines = (Line('rc = asn1_create_element(cert_def, "PKIX1.Certificate", certptr);', 57, 700, 300, 710, 10.0, "F"),
             Line("Returns: ASN1_SUCCESS if creation OK, ASN1_ELEMENT_NOT_FOUND if the", 57, 688, 400, 698, 10.0, "F", run_in=True),
             Line("name is not known, or when the structure was made by another call to", 57, 676, 400, 686, 10.0, "F"),
             Line("Note: the structure is then left unchanged.", 57, 664, 320, 674, 10.0, "F", run_in=True))
    assert _paragraph_breaks(Box(lines, 57, 664, 400, 710)) == [False, True, False, False]


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
    assert _title(spec, furniture(spec), 10.0, Vocabulary([])) == "Shared Widget Format Specification"
    journal = [page(1, ("LOGO", 770, 20.0), ("A Trial of Hand Washing at Home", 700, 18.0), ("Text.", 400, 10.0))]
    journal += [page(n, ("LOGO", 770, 20.0), (f"Body text of page {n}.", 400, 10.0)) for n in range(2, 5)]
    assert _title(journal, furniture(journal), 10.0, Vocabulary([])) == "A Trial of Hand Washing at Home"
    # The title is the first run of the largest lines: a section heading set as large further down
    # the page is not part of it, and a title wrapped after a hyphen is joined as a paragraph is
    # (the document prints "cluster-randomised" whole elsewhere).
    sections = [page(1, ("Feasibility of a cluster-", 760, 18.0), ("randomised trial at school", 730, 18.0),
                     ("Body text.", 600, 10.0), ("1 Introduction", 500, 18.0), ("More text.", 400, 10.0))]
    vocab = Vocabulary(["A cluster-randomised design."])
    assert _title(sections, set(), 10.0, vocab) == "Feasibility of a cluster-randomised trial at school"
    # ... nor is one set right under it but two lines down, with no text between (a manual's "The
    # FASTA program package", then its "Introduction").
    manual = [page(1, ("The FASTA program package", 702, 14.3), ("Introduction", 669, 14.3),
                   ("This documentation describes version 36.", 641, 10.9))]
    assert _title(manual, set(), 10.9, Vocabulary([])) == "The FASTA program package"
    # Two words set twice the text's size are the title where the file names none ("Article
    # Title"); a journal's name printed over two lines ("Trials" / "Trials") never is.
    two = [page(1, ("Journal Title Here, 2022, pp. 1-9", 719, 8.0), ("Article Title", 618, 18.0),
                ("Abstracts must be able to stand alone.", 497, 9.0))]
    assert _title(two, set(), 9.0, Vocabulary([]), two_words=True) == "Article Title"
    assert _title(two, set(), 9.0, Vocabulary([])) == ""
    logo = [page(1, ("Trials", 760, 24.0), ("Trials", 735, 24.0), ("Recruitment was slow.", 400, 9.0))]
    assert _title(logo, set(), 9.0, Vocabulary([]), two_words=True) == ""
    # A word set largest atop the page over its byline is the title there ("Terry Therneau,
    # Elizabeth Atkinson" had named the document); over a journal's article type it is not.
    vignette = [page(1, ("Concordance", 760, 17.2), ("Terry Therneau, Elizabeth Atkinson", 735, 12.0),
                     ("February 6, 2023", 715, 12.0), ("Let the data be paired values.", 600, 10.0))]
    assert _title(vignette, set(), 10.0, Vocabulary([]), two_words=True) == "Concordance"
    protocol = [page(1, ("Trials", 760, 24.0), ("STUDY PROTOCOL", 735, 12.0), ("Recruitment was slow.", 400, 9.0))]
    assert _title(protocol, set(), 9.0, Vocabulary([]), two_words=True) == ""
    # A journal's name over its volume and issue, set larger than the article's title, is its
    # masthead ("Journal of Statistical Software" had named the paper).
    jss = [page(1, ("Journal of Statistical Software", 760, 27.9), ("August 2010, Volume 36, Issue 3.", 735, 10.0),
                ("Conducting Meta-Analyses in R with the metafor Package", 690, 17.2), ("Wolfgang Viechtbauer", 660, 12.0),
                ("The metafor package provides functions.", 600, 10.0))]
    assert _title(jss, set(), 10.0, Vocabulary([])) == "Conducting Meta-Analyses in R with the metafor Package"
    # ... and so is a chapter's label over the chapter's title, whatever its language
    lecture = [page(1, ("Kapitel 1", 722, 35.7), ("Syntax versus Semantik", 694, 24.8), ("Text und seine Bedeutung", 680, 10.9),
                    ("Die Lernziele der heutigen Vorlesung und der Übungen.", 574, 9.0))]
    assert _title(lecture, set(), 9.0, Vocabulary([]), two_words=True) == "Syntax versus Semantik"


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
    assert typewriter_fonts(pages) == frozenset({"Mono"})
    style = _Style("Serif", 10.0, (10.0,), typewriter_fonts=typewriter_fonts(pages))
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


def test_outline_entries_find_the_lines_that_print_them():
    body, bold = ("Serif", 10.0), ("Bold", 12.0)

    def at(page: int, *lines: tuple[str, tuple[str, float]]) -> list[PlacedLine]:
        return [PlacedLine(text, page, style, i == 0) for i, (text, style) in enumerate(lines)]

    lines = (at(1, ("Abstract", bold), ("Methods: a randomised trial of eight weeks.", body))
             + at(2, ("Background", bold), ("The trial asks whether training helps.", body))
             # a table's row label on the page of the section it names, before its heading
             + at(3, ("Physical activity", body), ("randomisation.", body), ("Physical activity", bold),
                  ("Randomisation", bold))
             + at(4, ("Appendix A Copying Information", bold), ("2.3. Contacts between CTb-labelled Ad afferents and lamina I", bold),
                  ("spinoparabrachial neurons", bold), ("Text of the section.", body))
             + at(5, ("Cognitive dysfunctions among people", bold), ("at ultra-high risk", bold), ("A model.", body))
             + at(8, ("Results", bold)))
    entries = [OutlineEntry(1, "Abstract", 1), OutlineEntry(2, "Methods", 1), OutlineEntry(2, "Background", 1),
               OutlineEntry(1, "Background", 2), OutlineEntry(2, "Physical activity", 3), OutlineEntry(2, "Randomisation", 3),
               OutlineEntry(1, "A Copying Information", 4), OutlineEntry(2, "Contacts between CTb-labelled Aδ afferents a", 4),
               OutlineEntry(2, "Cognitive dysfunctions among people at ultra-high risk", 5), OutlineEntry(1, "Results", 6)]
    found = {lines[i].text: v for i, v in outline_lines(entries, lines, body).items()}
    assert found == {
        "Abstract": (0, True),
        # The abstract's "Background" and "Methods" are run-in labels, printed on no line of their
        # own: the next page's "Background" goes to the top-level entry that points there.
        "Background": (0, True),
        # The section's heading, not the table's row label on its page; not the end of a sentence
        # wrapped onto its own line ("randomisation.").
        "Physical activity": (1, True), "Randomisation": (1, True),
        # A label and number before the title; a symbol glyph read otherwise ("Ad" for "Aδ") in a
        # title the outline cut short, whose heading goes on on the next line in its style.
        "Appendix A Copying Information": (0, True),
        "2.3. Contacts between CTb-labelled Ad afferents and lamina I": (1, True), "spinoparabrachial neurons": (1, False),
        # A heading set on two lines.
        "Cognitive dysfunctions among people": (1, True), "at ultra-high risk": (1, False),
        # "Results" points at page 6: it is looked for there and on page 7 only.
    }
    assert [i for i, v in outline_lines(entries, lines, body).items() if lines[i].text == "Physical activity"] == [6]


def test_an_outline_entry_that_writes_a_numbered_label_without_the_section_number_finds_its_heading():
    # DBLaTeX prints "4.6 Step 2: Generate template files" where the outline says "Step 2: Generate
    # template files": the entry matched no line and headed the top of its page with its title,
    # before the end of the section above; the heading the page prints opened nothing.
    body, bold = ("Serif", 10.0), ("Bold", 14.35)
    lines = [PlacedLine("$ cat hello.c", 26, ("Mono", 9.0), True),
             PlacedLine("4.6 Step 2: Generate template files with debmake", 26, bold, True),
             PlacedLine("If the debmake command is invoked with the -T option, comments are verbose.", 26, body, True),
             PlacedLine("Step 2 of the tutorial", 27, bold, True)]
    entries = [OutlineEntry(2, "Step 2: Generate template files with debmake", 26)]
    found = {lines[i].text: v for i, v in outline_lines(entries, lines, body).items()}
    assert found == {"4.6 Step 2: Generate template files with debmake": (0, True)}


def test_an_outline_entry_finds_a_heading_that_ends_in_another_face_set_larger_than_the_text():
    # BiocStyle sets a function's name in a heading in a smaller typewriter face: "5 Adjusting for
    # surrogate variables using the" over "f.pvalue function". The heading was not found, and its
    # entry headed the page by the outline's title. A line in another face at the text's size
    # carries on no heading.
    body, heading, name = ("Serif", 12.0), ("Sans", 20.7), ("Mono", 16.5)

    def at(page: int, *lines: tuple[str, tuple[str, float]]) -> list[PlacedLine]:
        return [PlacedLine(text, page, style, True) for text, style in lines]

    lines = (at(5, ("5 Adjusting for surrogate variables using the", heading), ("f.pvalue function", name),
                ("The f.pvalue function computes p-values.", body))
             + at(6, ("6 Adjusting for surrogate variables using the", heading), ("limma package", ("Mono", 12.0))))
    entries = [OutlineEntry(1, "5 Adjusting for surrogate variables using the f.pvalue function", 5),
               OutlineEntry(1, "6 Adjusting for surrogate variables using the limma package", 6)]
    found = {lines[i].text: v for i, v in outline_lines(entries, lines, body).items()}
    assert found == {"5 Adjusting for surrogate variables using the": (0, True), "f.pvalue function": (0, False)}, found


def test_a_macros_option_leaked_into_a_bookmark_does_not_keep_it_from_the_heading_it_names(tmp_path: Path):
    # hyperref wrote BiocStyle's "\Rfunction" into the bookmarks as "[functioncolor]" before the
    # name: "4 Applying the [functioncolor]sva function" matched no printed line, and headed the
    # page with the leaked word, the printed heading read as a section of its own.
    ops = [b"BT /F1 22 Tf 72 720 Td (The SVA package) Tj ET", b"BT /F1 16 Tf 72 600 Td (4 Applying the sva function) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y - 14 * i, line) for y, text in (
        (690, [b"The package removes batch effects from the data of a study.", b"It has two functions."]),
        (570, [b"The sva function estimates the surrogate variables of a data set.",
               b"It needs the full model and the null model."])) for i, line in enumerate(text)]
    path = tmp_path / "sva.pdf"
    path.write_bytes(_pdf_with_outline(b"\n".join(ops), ["4 Applying the [functioncolor]sva function"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("4 Applying the sva function",)], doc.sections
    assert "functioncolor" not in doc.text, doc.text


def test_where_the_outline_names_sections_a_heading_it_leaves_out_opens_none_unless_set_smaller():
    # Page 1: a byline set like the section headings (the outline leaves it out), two outline
    # sections, and a run-in subheading set smaller that no outline entry names.
    def line(text: str, y: float, size: float, font: str) -> Line:
        return Line(text, 50, y, 400, y + size, size, font)

    body = "The text of the section goes on here."
    lines = [("Jane Doe, Widget Group", 760, 14.0, "Bold"), ("Widget ages are known.", 740, 10.0, "Serif"),
             ("1 Introduction", 700, 14.0, "Bold"), (body, 680, 10.0, "Serif"),
             ("2 Methods", 640, 14.0, "Bold"), (body, 620, 10.0, "Serif"),
             ("Sampling", 600, 12.0, "Bold"), (body, 580, 10.0, "Serif")]
    boxes = [Box((line(*spec),), 50, spec[1], 400, spec[1] + spec[2]) for spec in lines]
    style = _Style("Serif", 10.0, (14.0, 12.0, 10.0), frozenset({("Bold", 14.0), ("Bold", 12.0)}))
    outline = [OutlineEntry(1, "Introduction", 1), OutlineEntry(1, "Methods", 1)]

    def sections(entries: list[OutlineEntry]) -> list[tuple[str, ...]]:
        assembler = _Assembler(style, _outline_headings(entries, [PageLayout(1, 600, 800, boxes)], set(), style)[0])
        for box in boxes:
            assembler.add_box(box, 1)
        return [s.path for s in _render(assembler.finish(), Vocabulary([]), "A Widget Study")[2]]

    assert sections([]) == [("Jane Doe, Widget Group",), ("1 Introduction",), ("2 Methods",), ("2 Methods", "Sampling")]
    assert sections(outline) == [("1 Introduction",), ("2 Methods",), ("2 Methods", "Sampling")]
    # A section whose heading the title's words contain is still a section; the title's own lines
    # (all of it, or its first lines, on the first pages) are not.
    assert not _prints_title("Physical activity", "Effects of diet on weight and physical activity", 7)
    assert _prints_title("Effects of diet on weight", "Effects of diet on weight and physical activity", 1)
    assert _prints_title("Effects of diet on weight and physical activity", "Effects of diet on weight and physical activity", 1)


def test_a_slide_decks_navigation_bar_names_the_section_and_each_slides_title_goes_under_it():
    # Two slides as a beamer theme sets them: the current section's name in the navigation bar in
    # 6 pt over the slide (the outline's entry), then the slide's title in bold at the text's size.
    # The navigation line is small print, which on a paper's page is a running head or an index
    # letter and heads nothing.
    def line(text: str, y: float, size: float, font: str) -> Line:
        return Line(text, 20, y, 340, y + size, size, font)

    slides = [[("The Model", 260, 6.0, "Sans"), ("What is haplotyping?", 230, 10.0, "Bold"),
               ("Haplotyping infers the two copies of each chromosome.", 210, 10.0, "Sans")],
              [("The Approach", 260, 6.0, "Sans"), ("How blocks help.", 230, 10.0, "Bold"),
               ("The site set is split into contiguous blocks.", 210, 10.0, "Sans")],
              # the bar prints the section's name again over its next slide: said once is enough;
              # the slide's title is a sentence, which heads it all the same
              [("The Approach", 260, 6.0, "Sans"), ("Each block gets a perfect phylogeny of its own.", 230, 10.0, "Bold"),
               ("Each block has a perfect phylogeny.", 210, 10.0, "Sans")]]
    # The part both sections belong to is printed only in the bar's list of every part, which
    # repeats on every slide (furniture, not on these pages).
    outline = [OutlineEntry(1, "Introduction", 1), OutlineEntry(2, "The Model", 1), OutlineEntry(2, "The Approach", 2)]

    def read(width: float, height: float) -> tuple[list[tuple[str, ...]], str]:
        pages = [PageLayout(n, width, height, [Box((line(*spec),), 20, spec[1], 340, spec[1] + spec[2]) for spec in slide])
                 for n, slide in enumerate(slides, 1)]
        style = _Style("Sans", 10.0, (10.0,), frozenset({("Bold", 10.0)}), slides=is_slide_deck(pages))
        named, unprinted = _outline_headings(outline, pages, set(), style)
        assembler = _Assembler(style, named)
        for page in pages:
            for level, heading in unprinted.get(page.number, []):
                assembler.add_unprinted(heading, level, page.number)
            for box in page.boxes:
                assembler.add_box(box, page.number)
        text, _, spans = _render(assembler.finish(), Vocabulary([]), "A Talk")
        return [s.path for s in spans], text

    part = ("Introduction",)
    sections, text = read(362.8, 272.1)
    assert sections == [part, (*part, "The Model"), (*part, "The Model", "What is haplotyping?"), (*part, "The Approach"),
                        (*part, "The Approach", "How blocks help."),
                        (*part, "The Approach", "Each block gets a perfect phylogeny of its own.")]
    assert text.count("The Approach") == 1
    assert read(595, 842)[0] == [("What is haplotyping?",), ("How blocks help.",)]


def _slide(number: int, *lines: str) -> PageLayout:
    """A slide of one box a line."""
    boxes = [Box((Line(t, 20, 200 - 20 * i, 340, 210 - 20 * i, 10.0, "Sans"),), 20, 200 - 20 * i, 340, 210 - 20 * i)
             for i, t in enumerate(lines)]
    return PageLayout(number, 362.8, 272.1, boxes)


def test_a_slide_built_up_in_steps_is_read_once_from_its_last_step():
    # A slide shown in two steps (the second adds a point, its last line read in other pieces
    # there), then one that recolours it only, then the next slide, which shares a word with it.
    slide = _slide
    pages = [slide(1, "Haplotyping", "Data may be missing."),
             slide(2, "Haplotyping", "Data may be", "missing.", "No phylogeny may exist."),
             slide(3, "Haplotyping", "Data may be missing.", "No phylogeny may exist."),
             slide(4, "Blocks", "Data is split into blocks.")]
    assert _overlay_steps(pages, set()) == {(0, 0), (0, 1), (1, 0), (1, 1), (1, 2), (1, 3)}
    # the page numbers printed on each step are furniture and not compared
    numbered = [slide(1, "Haplotyping", "Data may be missing.", "1"), slide(2, "Haplotyping", "Data may be missing.", "2")]
    assert _overlay_steps(numbered, set()) == set()
    assert _overlay_steps(numbered, {(0, 2), (1, 2)}) == {(0, 0), (0, 1), (0, 2)}


def test_the_steps_of_a_frame_labelled_alike_are_read_once_and_then_for_what_each_adds():
    # beamer numbers a frame's steps as one page; a figure's label under the list changes between
    # them ("no perfect phylogeny", then one under each block), so the pages differ as wholes: the
    # first is read whole, the second for its figure's new words, under the one title.
    pages = [_slide(1, "How blocks help.", "Partition the sites into blocks.", "no perfect phylogeny"),
             _slide(2, "How blocks help.", "Partition the sites into blocks.", "perfect phylogeny", "perfect phylogeny"),
             _slide(3, "Blocks", "Partition the sites into blocks.")]
    assert _overlay_steps(pages, set(), ["7", "7", "8"]) == {(1, 0), (1, 1), (1, 2)}
    # frames numbered apart are slides of their own, though the next repeats a line of this one
    assert _overlay_steps(pages, set(), ["7", "8", "9"]) == set()
    # what a step adds is read though each of its words stands in what was shown, in other runs
    # (a second formula of the same symbols)
    waves = [_slide(1, "Example", "Standing wave ACF:", "K(t) = exp(-|t|) cos t cos(x + y)", "Propagating wave: next"),
             _slide(2, "Example", "Standing wave ACF:", "K(t) = exp(-|t|) cos t cos(x + y)", "Propagating wave:",
                    "K(t) = exp(-|t|) cos(t + x + y)")]
    assert _overlay_steps(waves, set(), ["3", "3"]) == {(1, 0), (1, 1), (1, 2), (1, 3)}
    # an unnumbered section page shares the number of the contents before it, which lists it
    contents = [_slide(1, "Table of contents", "1. Introduction", "2. Methods"), _slide(2, "Introduction")]
    assert _overlay_steps(contents, set(), ["1", "1"]) == set()
    # a second step that a third only recolours is read from the third
    pages.insert(2, _slide(3, "How blocks help.", "Partition the sites into blocks.", "perfect phylogeny", "perfect phylogeny"))
    assert _overlay_steps(pages, set(), ["7", "7", "7", "8"]) == {(1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 1), (2, 2)}


@pytest.mark.skipif(not PDF_SAMPLES.exists(), reason="needs ../shared/pdf-samples")
def test_a_pdfs_outline_names_its_sections_and_its_table_of_contents_is_not_one():
    # pdflatex's sample: nine sections, four on one page, whose headings are as large as the
    # "Contents" heading above a table of contents listing them.
    doc = load_paths([PDF_SAMPLES / "pdflatex-outline.pdf"]).documents[0]
    paths = [s.path for s in doc.sections]
    assert paths == [(f"{n} {name}",) for n, name in enumerate(["Foo", "Bar", "Baz"] * 3, start=1)]
    first = doc.sections[0]
    assert doc.text[first.start:first.end].startswith("1 Foo\n\nHello, here is some text")
    assert doc.page_range(first.start, first.end) == (2,)


def test_a_line_in_lower_case_is_a_heading_only_when_it_opens_its_box_set_far_larger():
    # A page of API documentation printed from a browser: its headings are the API's names. A line
    # in lower case inside a box, or set near the text's size, goes on from the line before.
    style = _Style("Sans", 9.0, (15.7, 9.0))

    def line(text: str, size: float, font: str = "Sans-Bold") -> Line:
        return Line(text, 50, 500, 300, 500 + size, size, font)

    body = line("The path.basename() method returns the last portion of a path.", 9.0, "Sans")
    api = line("path.basename(path[, suffix])", 15.7)
    assert _is_heading(api, body, style, opens_box=True)
    assert not _is_heading(api, body, style, opens_box=False)
    assert not _is_heading(line("outcomes and lessons learnt", 10.0), body, style)


def test_no_space_is_left_before_a_comma_or_full_stop_after_a_text_run_of_its_own():
    # A browser's or Texinfo's PDF sets links and code spans as text runs of their own; the space
    # read between runs fell before the punctuation after them. Dot leaders stay as printed.
    assert repair_line("named for the Domain Name System (DNS) , it does not") == \
        "named for the Domain Name System (DNS), it does not"
    assert repair_line("a vector created by asn1_parser2array() .") == "a vector created by asn1_parser2array()."
    assert repair_line('value="FALSE" , len=1') == 'value="FALSE", len=1'
    assert repair_line("Introduction . . . . . . 1") == "Introduction . . . . . . 1"
    assert repair_line("P = .002 and") == "P = .002 and"


def test_header_cells_of_a_table_set_at_the_texts_size_are_not_headings():
    # A browser-printed page's table: its header row is bold at the text's size, one cell per box,
    # like a run-in heading each; side by side on one baseline, they are a table's header. The
    # heading above the table stands alone on its line.
    def box(text: str, x0: float, y: float, font: str) -> Box:
        ln = Line(text, x0, y, x0 + 6 * len(text), y + 9.0, 9.0, font)
        return Box((ln,), ln.x0, ln.y0, ln.x1, ln.y1)

    boxes = [box("Supported record types", 50, 700, "Bold"), box("The resolver answers these queries.", 50, 680, "Sans"),
             box("Result type", 50, 660, "Bold"), box("Shorthand method", 250, 660, "Bold"),
             box("hostname", 50, 640, "Sans"), box("dns.lookup()", 250, 640, "Sans")]
    pages = [PageLayout(1, 600, 800, boxes)]
    cells = _side_by_side(pages, set(), ("Sans", 9.0))
    style = _Style("Sans", 9.0, (9.0,), side_by_side=cells)
    lines = [b.lines[0] for b in boxes]
    assert _is_heading(lines[0], lines[1], style)
    assert not _is_heading(lines[2], lines[4], style) and not _is_heading(lines[3], lines[5], style)
    # On a two-column page a heading may share its baseline with a bold label across the gutter
    # that its sentence goes on from ("Theorem 1." then the theorem in italics): no table's row.
    heading = box("1. Introduction", 38, 407, "Bold")
    label, statement = box("Theorem 1.", 307, 407, "Bold"), box("In this work we demonstrate", 374, 407, "Italic")
    body = box("Although quadrupole excitons are good candidates", 38, 395, "Sans")
    pages = [PageLayout(1, 600, 800, [heading, body, label, statement])]
    style = _Style("Sans", 9.0, (9.0,), side_by_side=_side_by_side(pages, set(), ("Sans", 9.0)))
    assert _is_heading(heading.lines[0], body.lines[0], style)


_API_SECTION = (
    "<h2>path.{name}(path[, suffix])</h2><p>The <code>path.{name}()</code> method returns a part of a "
    "<code>path</code>, similar to the Unix <code>{name}</code> command. Trailing directory separators are "
    "ignored, and the result is a string that the other methods of the <a href='#x'>module</a>, "
    "such as <code>path.join()</code>, accept as it is.</p>" + "<p>Paths are strings, and this method does not "
    "touch the file system: it reads the text of the path alone, on POSIX and on Windows alike.</p>" * 3)


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def _print_to_pdf(html: str, pdf: Path) -> None:
    """`html` saved as a PDF by Chromium, with the browser's header and footer on every page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(pdf), display_header_footer=True, format="A5")
        browser.close()


def test_a_page_printed_from_a_browser_reads_with_its_title_sections_and_words(tmp_path: Path):
    # What "Save as PDF" makes of an API documentation page: the site's name set largest atop it,
    # the page's name in the file's title, headings that are the API's names (in lower case), a
    # table whose header cells are bold at the text's size, code spans as text runs of their own,
    # and the browser's header and footer on every page.
    names = ["basename", "dirname", "extname", "format", "normalize", "parse", "relative", "resolve"]
    html = ("<html><head><title>Path | Example Docs</title></head><body><div style='font-size:28px;font-weight:bold'>"
            "Example Docs</div><h1>Path</h1><p>The path module provides utilities for working with file and directory "
            "paths.</p><table style='width:100%'><tr><th>Result type</th><th>Shorthand method</th></tr><tr><td>string</td>"
            "<td>path.basename()</td></tr></table>" + "".join(_API_SECTION.format(name=n) for n in names) + "</body></html>")
    pdf = tmp_path / "path.pdf"
    _print_to_pdf(html, pdf)
    doc = load_paths([pdf]).documents[0]
    assert doc.title == "Path"
    headings = {s.path[-1] for s in doc.sections}
    assert {f"path.{n}(path[, suffix])" for n in names} <= headings
    assert "Result type" not in headings and "Shorthand method" not in headings
    assert "returns a part of a path, similar to the Unix basename command." in doc.text
    assert "Example Docs" not in doc.text.split("\n\n", 2)[1]  # the site's name is no section's text


def test_a_printed_page_whose_file_title_is_its_heading_under_the_sites_name_is_named_by_it(tmp_path: Path):
    # An older site's page printed to PDF: the site's name set largest atop every page, then the
    # page's own heading, which the file's title repeats (as the browser's small header does).
    prose = "The keys module implements the key mechanism of XSLT: a key is declared once and looked up often. "
    html = ("<html><head><title>Module keys from libxslt</title></head><body><h1>The XSLT C library for GNOME</h1>"
            f"<h2>Module keys from libxslt</h2><p>{prose * 4}</p></body></html>")
    pdf = tmp_path / "keys.pdf"
    _print_to_pdf(html, pdf)
    assert load_paths([pdf]).documents[0].title == "Module keys from libxslt"
    # ... and so is a page whose title is two words, printed larger than the text ("9.10. Backup"
    # under a handbook's name in its navigation bar); a two-word title printed only at the text's
    # size names nothing
    html = ("<html><head><title>9.10. Backup</title></head><body><h1>The Debian Administrator's Handbook</h1>"
            f"<h2>9.10. Backup</h2><p>{prose * 4}</p></body></html>")
    _print_to_pdf(html, pdf)
    assert load_paths([pdf]).documents[0].title == "9.10. Backup"
    html = ("<html><head><title>Backup notes</title></head><body><h1>The Debian Administrator's Handbook</h1>"
            f"<p>Backup notes</p><p>{prose * 4}</p></body></html>")
    _print_to_pdf(html, pdf)
    assert load_paths([pdf]).documents[0].title == "The Debian Administrator's Handbook"


def _saved_as_pdf(html: str, tmp_path: Path) -> Path:
    """`html` printed by Chromium itself, as "Save as PDF" prints a page by default (Playwright's
    print sets no header of date and title): US Letter, the browser's header and footer."""
    page, pdf = tmp_path / "page.html", tmp_path / "page.pdf"
    page.write_text(html)
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
    return pdf


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_power_of_a_one_letter_symbol_is_written_after_it(tmp_path: Path):
    # Maths sets a raised figure apart from its italic letter, and pdfminer puts a space between:
    # "The I 2 statistic" matched no question asking of "I2". A citation number after a word is
    # still dropped.
    prose = "Heterogeneity between the studies was assessed with the usual statistics of a meta-analysis. "
    html = (f"<html><body><p>{prose * 3}</p><p>The <i>I</i><sup style='margin-left:4px'>2</sup> statistic estimates how "
            "much of the total variability is due to heterogeneity, and the <i>χ</i><sup style='margin-left:4px'>2</sup> "
            "test whether any exists. Participants were recruited in wave<sup>2</sup> of the survey.</p></body></html>")
    text = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0].text
    assert "The I2 statistic estimates" in text and "the χ2 test" in text
    assert "recruited in wave of the survey" in text


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_rule_set_in_type_as_one_symbol_over_and_over_is_no_text(tmp_path: Path):
    # A theme's title page draws its rules as rows of triangles; a row of dashes fills a table's
    # empty cells and stays.
    prose = "Epyt is a simple theme for presentations, with page numbers in its footer and no head bar. "
    html = (f"<html><body><p>{prose * 3}</p><p>{'◃' * 40}</p><p>Your Name Here</p><p>{'▹ ' * 30}</p>"
            f"<p>{'★' * 5}</p><p>– – –</p></body></html>")
    text = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0].text
    assert "◃" not in text and "▹" not in text and "★" not in text
    assert "Your Name Here" in text and "– – –" in text


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_printed_library_reference_keeps_its_code_and_release_notes_out_of_its_headings(tmp_path: Path):
    # Python's library reference printed from a browser: its signatures set the module, the name
    # (larger, bold) and the arguments (italic) in three typewriter faces, so the glyphs of the
    # typewriter font advanced differently and it was taken for no typewriter font: lines of its
    # sessions (">>> parser.add_argument('bar')") headed sections, and a signature ran on into the
    # note above it. A release note in italics ("New in version 3.9.") heads nothing either.
    mono = "font-family:'DejaVu Sans Mono',monospace"
    entries = "".join(
        f"<dl><dt><code style=\"{mono}\">json.</code><code style=\"{mono};font-weight:bold;font-size:110%\">{name}</code>"
        f"<code style=\"{mono}\"><em>(obj, *, skipkeys=False, indent=None)</em></code></dt><dd><p>Serialize obj to a JSON "
        f"formatted {kind} using this conversion table.</p><p><em>New in version 3.{n}.</em></p>"
        f"<pre style=\"{mono}\">&gt;&gt;&gt; import json\n&gt;&gt;&gt; json.{name}(['foo', {{'bar': ('baz', None)}}])</pre>"
        "<div style='background:#eee;padding:8px'><p>Note: Unlike pickle and marshal, JSON is not a framed protocol, so "
        "repeated calls with the same file give an invalid JSON file.</p></div></dd></dl>"
        for n, (name, kind) in enumerate([("dumps", "str"), ("dump", "stream"), ("loads", "object"), ("load", "object")] * 3))
    html = (f"<html><head><title>json</title></head><body><h1>json — JSON encoder and decoder</h1><h2>Basic Usage</h2>"
            f"{entries}<h2>Encoders and Decoders</h2><p>The JSONDecoder class decodes JSON text.</p></body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    headings = {h for s in doc.sections for h in s.path}
    assert not any(h.startswith((">>>", "New in version", "json.")) for h in headings), headings
    assert "invalid JSON file.\n\njson.dumps(obj" in doc.text, doc.text[:1500]


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_printed_references_parameter_names_in_lower_case_head_their_sections(tmp_path: Path):
    # argparse's reference printed from a browser: each keyword argument's section is headed by its
    # name alone, in lower case and set larger than the text ("nargs", "metavar"); such a line had
    # been read as going on from the text above it, and "nargs" ended a passage as its highlight.
    names = ["prog", "usage", "description", "epilog", "nargs", "const", "default", "choices", "required", "metavar"]
    prose = ("The {n} keyword argument changes how the parser reads the command line, and each parser keeps "
             "its own value of it for every argument that is added to it later on. ")
    html = ("<html><head><title>argparse</title></head><body><h1>argparse — Parser for command-line options</h1>"
            + "".join(f"<h3>{n}</h3><p>{prose.format(n=n) * 6}</p>" for n in names) + "</body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    headings = {s.path[-1] for s in doc.sections}
    assert set(names) <= headings, headings


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_listing_line_opening_a_printed_page_is_text_not_a_running_head(tmp_path: Path):
    # A tutorial of interpreter sessions printed from a browser: on half its pages or more the
    # first line is a line of code, on the same baseline in a style not the text's, as a book's
    # running head stands; those lines were dropped as furniture (">>> EcoRI.site" lost). The next
    # line of the listing, in its style a line below, tells them apart; the browser's header and
    # footer still go.
    enzymes = ["EcoRI", "KpnI", "SmaI", "BamHI", "HindIII", "NotI", "XhoI", "PstI", "SalI", "XbaI", "NcoI", "SacI"]
    verbs = ["search", "catalyse", "elucidate", "frequency", "isoschizomers"]
    lines = [[f">>> {enzymes[(n + i) % 12]}.{verbs[(i + 2 * n) % 5]}(seq_{chr(97 + n)}{'x' * (i % 7)})" for i in range(12)]
             for n in range(6)]
    prose = ("<p>Each enzyme recognises its own site, and the analysis reports where it cuts the sequence, how often "
             "the site occurs by chance, and which other enzymes share the site or cut it another way.</p>") * 3
    # pandoc's page style (lines spaced 1.5: each line of a listing is a box of its own); each
    # session's listing opens a page
    sessions = "".join("<pre style='break-before:page'>" + "".join(ln.replace(">", "&gt;") + "\n" for ln in session)
                       + "</pre>" + prose for session in lines)
    html = (f"<html><head><title>Restriction</title><style>html{{line-height:1.5}}</style></head><body>"
            f"<h1>Working with enzymes</h1>{prose}{sessions}</body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    missing = [ln for session in lines for ln in session if ln not in doc.text.split("\n")]
    assert not missing, missing
    assert "file:///" not in doc.text and "AM" not in doc.text.split() and "PM" not in doc.text.split()


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_tables_cells_set_at_the_texts_size_read_as_its_rows(tmp_path: Path):
    # A guideline's bordered table printed from a web page (a word processor's reads alike): each
    # cell is a box of its own at the text's size, so the cells read one under another, the header
    # right to left ("Duration", "Number of sessions", "Treatment"). After its caption they are its
    # rows, cells left to right; the paragraphs around it stay paragraphs.
    prose = "<p>Offer a combination of individual cognitive behavioural therapy and an antidepressant.</p>"
    html = ("<html><head><title>Depression in adults</title><style>td,th{border:1px solid #999;padding:4px}"
            "table{border-collapse:collapse}</style></head><body><h1>Depression in adults</h1>" + prose +
            "<table><caption>Table 1 Treatment options for more severe depression</caption><tr><th>Treatment</th>"
            "<th>Number of sessions</th><th>Duration</th></tr><tr><td>Individual CBT</td><td>16 to 20</td>"
            "<td>3 to 4 months</td></tr><tr><td>Behavioural activation</td><td>16 to 20</td><td>3 to 4 months</td></tr>"
            "</table>" + prose + "</body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    lines = doc.text.split("\n")
    assert "Treatment Number of sessions Duration" in lines, doc.text
    assert "Individual CBT 16 to 20 3 to 4 months" in lines and "Behavioural activation 16 to 20 3 to 4 months" in lines
    assert lines.count("Offer a combination of individual cognitive behavioural therapy and an antidepressant.") == 2


def _ruled_rows(ops: list[bytes], rows: list[tuple[str, str, list[str]]], top: int) -> int:
    """Content-stream operators for a table of three columns ruled as LaTeX's DocBook tables are (a
    rule over each row and under the last, rules between the columns, none at the sides); the
    third cell may run over several lines. Returns the table's bottom."""
    ops.append(b"0.4 w 62 %d m 560 %d l S" % (top, top))
    for name, size, description in rows:
        height = 14 * len(description)
        for i, text in enumerate(description):
            ops.append(b"BT /F1 10 Tf 300 %d Td (%s) Tj ET" % (top - 11 - 14 * i, text.encode()))
        ops.append(b"BT /F1 10 Tf 66 %d Td (%s) Tj ET" % (top - 11, name.encode()))
        ops.append(b"BT /F1 10 Tf 216 %d Td (%s) Tj ET" % (top - 11, size.encode()))
        ops.append(b"212 %d m 212 %d l S 296 %d m 296 %d l S" % (top, top - height, top, top - height))
        top -= height
        ops.append(b"62 %d m 560 %d l S" % (top, top))
    return top


def test_a_ruled_tables_rows_read_across_its_columns_with_the_caption_below(tmp_path: Path):
    # A DocBook manual made by LaTeX: a rule under every row and between the columns, none at the
    # sides, the caption under the table. pdfminer grouped the words column by column ("iptables
    # arptables ebtables", then "2408 100 264"), so no row could be read. The rules say which words
    # share a row: each row is a line, a cell's wrapped lines joined, the prose around it kept.
    rows = [("package", "size", ["description"]), ("iptables", "2408", ["administration tools for netfilter", "(iptables for IPv4)"]),
            ("arptables", "100", ["administration tools for netfilter (ARP)"]), ("iptstate", "119", ["monitor netfilter state"])]
    ops = [b"BT /F1 10 Tf 72 740 Td (Netfilter provides infrastructure for a stateful firewall in the kernel.) Tj ET"]
    top = _ruled_rows(ops, rows, 720)
    ops.append(b"BT /F1 10 Tf 230 %d Td (Table 5.7: List of firewall tools) Tj ET" % (top - 20))
    ops.append(b"BT /F1 10 Tf 72 %d Td (Main user space program of netfilter is iptables, saved with iptables-save.) Tj ET"
               % (top - 50))
    path = tmp_path / "reference.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    lines = load_paths([path]).documents[0].text.split("\n")
    assert "package size description" in lines, lines
    assert "iptables 2408 administration tools for netfilter (iptables for IPv4)" in lines, lines
    assert "arptables 100 administration tools for netfilter (ARP)" in lines and "iptstate 119 monitor netfilter state" in lines
    assert "Netfilter provides infrastructure for a stateful firewall in the kernel." in lines
    assert "Table 5.7: List of firewall tools" in lines
    # a frame round a paragraph, or rules over and under a table with none between its columns, is no grid
    assert not find_grids([(60, 700, 560, 700), (60, 600, 560, 600), (60, 600, 60, 700), (560, 600, 560, 700)])
    assert not find_grids([(60, 700, 560, 700), (60, 680, 560, 680), (60, 600, 560, 600)])


def test_a_ruled_table_over_a_page_break_reads_as_one_table(tmp_path: Path):
    # A word processor's table runs on at the next page's top; its two parts had been two blocks.
    intro = [b"BT /F1 10 Tf 72 %d Td (Hypnotics are considered only for severe insomnia, at the lowest dose, %d.) Tj ET"
             % (740 - 14 * i, i) for i in range(40)]
    first = intro + []
    _ruled_rows(first, [("Medicine", "Start", ["Notes"]), ("Zopiclone", "3.75 mg", ["Bitter taste is common."])], 150)
    second: list[bytes] = []
    bottom = _ruled_rows(second, [("Zolpidem", "5 mg", ["Take right before bed."]), ("Melatonin", "2 mg", ["Aged 55 and over."])],
                         760)
    second.append(b"BT /F1 10 Tf 230 %d Td (Table 1: Hypnotic doses for adults) Tj ET" % (bottom - 20))
    second += [b"BT /F1 10 Tf 72 %d Td (Review the person four weeks after starting any treatment, %d.) Tj ET"
               % (bottom - 50 - 14 * i, i) for i in range(20)]
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_pages_pdf([b"\n".join(first), b"\n".join(second)]))
    doc = load_paths([path]).documents[0]
    assert ("Medicine Start Notes\nZopiclone 3.75 mg Bitter taste is common.\nZolpidem 5 mg Take right before bed.\n"
            "Melatonin 2 mg Aged 55 and over.") in doc.text, doc.text
    at = doc.text.index("Zolpidem")
    assert [p.page for p in doc.pages if p.start <= at < p.end] == [2]


def test_a_borderless_tables_columns_read_as_rows_and_the_heading_under_it_after_it(tmp_path: Path):
    # A word processor's table with a rule under its header alone, at the text's size: pdfminer
    # made each column a box and read the heading under the table between them ("General practice
    # Hospital wards", "Diagnoses", "2023", "860 120"). Its rows read across; two columns of prose
    # side by side stay paragraphs.
    ops = [b"BT /F1 11 Tf 72 740 Td (Most referrals came from general practice, followed by hospital wards.) Tj ET",
           b"0.5 w 66 690 m 460 690 l S"]
    for x, cells in ((72, ["Source", "General practice", "Hospital wards", "Carers line"]), (204, ["2023", "860", "120", "71"]),
                     (336, ["2024", "1,017", "136", "87"])):
        for k, cell in enumerate(cells):
            ops.append(b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, 695 - 16 * k - (6 if k else 0), cell.encode()))
    ops.append(b"BT /F1 14 Tf 72 610 Td (Diagnoses) Tj ET")
    ops += [b"BT /F1 11 Tf 72 %d Td (Alzheimer disease remained the most common diagnosis in the clinic, %d.) Tj ET"
            % (590 - 14 * i, i) for i in range(3)]
    for x in (72, 320):
        ops += [b"BT /F1 11 Tf %d %d Td (Left and right columns of prose %d) Tj ET" % (x, 500 - 14 * i, i) for i in range(6)]
    path = tmp_path / "report.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert "Source 2023 2024\nGeneral practice 860 1,017\nHospital wards 120 136\nCarers line 71 87" in doc.text, doc.text
    assert doc.text.index("Carers line") < doc.text.index("Diagnoses"), doc.text
    assert "Left and right columns of prose 0 Left and right columns of prose 1" in doc.text, doc.text


def test_a_borderless_table_over_its_caption_reads_as_rows_before_the_next_heading(tmp_path: Path):
    # A guideline's HTML table printed to PDF by a browser (WeasyPrint): no rules, the caption under
    # it, two columns of cells that wrap at their rows' tops. The caption's region reads what
    # follows a caption, so pdfminer's boxes stood as they came: the "Reason" column after the next
    # section's heading ("5. Follow-up").
    def text(x: int, y: int, words: str, size: int = 12) -> bytes:
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, words.encode())

    ops = [text(62, 485, "4. Sleep hygiene", 18),
           text(62, 456, "Sleep hygiene advice alone does not treat chronic insomnia, but it supports every other"),
           text(62, 442, "treatment. Table 2 lists the advice to give."),
           text(64, 414, "Advice"), text(296, 414, "Reason")]
    rows = ((397, ["Keep regular times for going to bed", "and getting up"], ["A regular rhythm strengthens the", "body clock"]),
            (366, ["Avoid caffeine after midday"], ["Caffeine stays in the body for up to", "eight hours"]),
            (335, ["Do not use screens in the hour", "before bed"], ["Light from screens delays the release", "of melatonin"]))
    for y, left, right in rows:
        ops += [text(64, y - 14 * k, line) for k, line in enumerate(left)]
        ops += [text(296, y - 14 * k, line) for k, line in enumerate(right)]
    ops += [text(62, 293, "Table 2: Sleep hygiene advice"), text(62, 257, "5. Follow-up", 18),
            text(62, 228, "Review the person four weeks after starting any treatment, and refer to the sleep clinic"),
            text(62, 214, "anyone whose insomnia persists after a full course of therapy.")]
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert ("Advice Reason\nKeep regular times for going to bed and getting up A regular rhythm strengthens the body clock\n"
            "Avoid caffeine after midday Caffeine stays in the body for up to eight hours\n"
            "Do not use screens in the hour before bed Light from screens delays the release of melatonin") in doc.text, doc.text
    assert doc.text.index("of melatonin") < doc.text.index("5. Follow-up"), doc.text


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_a_nested_lists_hollow_bullets_open_its_items_as_filled_ones_do(tmp_path: Path):
    # An API page's options printed by a browser: the outer list's bullets are filled circles, the
    # nested list's hollow ones (stroked, not filled), which were not read as bullets: each option
    # ran on into the sentence above it ("Create a new resolver. timeout <integer> Query ...").
    html = ("<html><head><title>Resolver</title></head><body><h1>Resolver</h1><p>Create a new resolver.</p><ul>"
            "<li>options <code>&lt;Object&gt;</code><ul><li>timeout: the query timeout in milliseconds, or -1 to use "
            "the default timeout.</li><li>tries: the number of tries the resolver makes before giving up.</li></ul></li>"
            "<li>callback: the function called with the answer.</li></ul></body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    lines = doc.text.split("\n")
    assert "• timeout: the query timeout in milliseconds, or -1 to use the default timeout." in lines, doc.text
    assert "• tries: the number of tries the resolver makes before giving up." in lines, doc.text


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_the_page_title_a_browser_prints_beside_the_date_is_no_text_of_a_two_page_print(tmp_path: Path):
    # A clinical guideline's web page saved as PDF on two pages: the browser prints the date and
    # the page's title on one line atop each page. With two pages there is no repetition to go by;
    # the date is a stamp by its form, and the title on its baseline stood mid-text atop page two.
    recs = "".join(f"<p><b>1.{i}</b> Offer guided self-help or group exercise to people with less severe depression, "
                   "and review them within two weeks of starting treatment, then every two to four weeks.</p>"
                   for i in range(1, 21))
    html = ("<html><head><title>Depression in adults: treatment</title></head><body>"
            f"<h1>Depression in adults: treatment</h1><h2>1 Recommendations</h2>{recs}</body></html>")
    doc = load_paths([_saved_as_pdf(html, tmp_path)]).documents[0]
    assert doc.title == "Depression in adults: treatment"
    assert doc.text.count("Depression in adults: treatment") == 1, doc.text
    assert max(p.page for p in doc.pages) == 2 and "1.20 Offer guided self-help" in doc.text


def test_a_run_in_label_at_the_texts_size_is_no_heading_but_a_larger_one_is():
    # "Since: 2.0" (a Texinfo manual), "Alias: forEach" (a printed web page): a bold label ending in
    # a colon, then the value in another font, at the text's size. Node's "Class: dns.Resolver" is
    # set so too, but larger: a heading.
    glyphs = _glyphs("Since:", {}, font="Bold") + _glyphs(" 2.0", {}, font="Roman")
    assert _run_in(glyphs) and not _run_in(_glyphs("Since 2.0", {}, font="Bold"))
    assert not _run_in(_glyphs("Methods", {}, font="Bold") + _glyphs(" and more", {}, font="Roman"))
    style = _Style("Roman", 10.0, (14.0, 10.0))
    body = Line("The function returns a value.", 50, 480, 300, 490, 10.0, "Roman")
    label = Line("Since: 2.0", 50, 500, 120, 510, 10.0, "Bold", run_in=True)
    heading = Line("Class: dns.Resolver", 50, 520, 220, 534, 14.0, "Bold", run_in=True)
    assert not _is_heading(label, body, style) and _is_heading(heading, body, style)


def _pdf(objects: list[bytes], info: int = 0) -> bytes:
    """A PDF file of `objects` (numbered from 1, the first the catalog) with its cross-reference
    table; object `info`, where given, is its document information (its /Title)."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    named = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, named, xref)
    return bytes(out)


def _one_page_pdf(content: bytes, fonts: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF drawing `content` (a content stream) with Helvetica as /F1 and the font
    dictionaries `fonts` as /F2, /F3, ..."""
    named = b" ".join(b"/F%d %d 0 R" % (k + 1, k + 5) for k in range(1 + len(fonts)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << %s >> >> >>" % named,
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *fonts]
    return _pdf(objects)


def test_a_list_items_two_digit_number_that_reaches_its_text_is_parted_from_its_first_word(tmp_path: Path):
    # A DocBook manual's numbered steps: each number set from the same left edge, the items' text
    # from one indent, which "10." (13.9 pt of Helvetica at 10 pt) overruns where "9." leaves a gap:
    # "10.Tax Related" and "11.Placeholder" had been read as one word each. A decimal stays whole.
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (9.) Tj ET", b"BT /F1 10 Tf 85.5 700 Td (Notes - Enter any notes.) Tj ET",
        b"BT /F1 10 Tf 72 686 Td (10.) Tj ET", b"BT /F1 10 Tf 85.5 686 Td (Tax Related - Check this box.) Tj ET",
        b"BT /F1 10 Tf 72 672 Td (11.) Tj ET", b"BT /F1 10 Tf 85.5 672 Td (Placeholder - Check box if it holds none.) Tj ET",
        b"BT /F1 10 Tf 72 640 Td (2.5 percent of accounts are placeholders.) Tj ET",
    ])
    path = tmp_path / "steps.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "10. Tax Related - Check this box." in text and "11. Placeholder - Check box" in text, text
    assert "9. Notes" in text and "2.5 percent" in text


def test_a_title_whose_line_ends_on_towards_goes_on_to_its_next_line(tmp_path: Path):
    # etm's vignette set its title over three centred lines, the second ending on "Towards": read
    # as a line no phrase goes on from, "Pregnancy Applications" stood as a paragraph of its own
    # (and was highlighted as an answer, cut from its title).
    content = b"\n".join([
        b"BT /F1 17 Tf 136 612 Td (Computing Cumulative Incidence Functions with) Tj ET",
        b"BT /F1 17 Tf 157 590 Td (the etmCIF Function, with a view Towards) Tj ET",
        b"BT /F1 17 Tf 224 568 Td (Pregnancy Applications) Tj ET",
        b"BT /F1 10 Tf 72 500 Td (This paper documents the use of the etmCIF function to compute the cumulative) Tj ET",
        b"BT /F1 10 Tf 72 488 Td (incidence function in pregnancy data, from the data to the plots of the curves.) Tj ET",
    ])
    path = tmp_path / "title.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "with a view Towards Pregnancy Applications" in text, text


def test_underscores_drawn_as_rules_are_read_as_underscores_and_other_strokes_are_not(tmp_path: Path):
    # TeX sets "\_" (and Texinfo an underscore in a text font) as a short rule on the baseline, so
    # the text layer says "ret len" for "ret_len". Helvetica at 10 pt: "ret" is 11.67 pt wide.
    # The same rule standing above the baseline (a drawn dash) and an underline running under two
    # words are no underscores.
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (The field ret) Tj ET",  # 52.80 pt wide
        b"125.1 699.6 4.0 0.4 re f",  # the underscore, filled as LaTeX draws it
        b"BT /F1 10 Tf 129.6 700 Td (len holds the length.) Tj ET",
        b"BT /F1 10 Tf 72 660 Td (Call the ) Tj ET",  # 36.68 pt wide, its space included
        b"0.5 w 109.3 659.6 m 113.8 659.6 l S",  # stroked as Texinfo draws it: "_start" after a space
        b"BT /F1 10 Tf 114.4 660 Td (start function.) Tj ET",
        b"BT /F1 10 Tf 72 620 Td (See pages 5) Tj ET",  # 56.15 pt wide
        b"128.8 623.0 4.5 0.4 re f",  # a dash drawn at mid-height
        b"BT /F1 10 Tf 134.1 620 Td (6 of the manual.) Tj ET",
        b"BT /F1 10 Tf 72 580 Td (An underlined) Tj ET",  # 61.70 pt wide
        b"BT /F1 10 Tf 138.4 580 Td (phrase ends here.) Tj ET",
        b"72 579.2 150 0.4 re f",  # the underline, under both words and the gap
    ])
    path = tmp_path / "rules.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "The field ret_len holds the length." in text
    assert "Call the _start function." in text
    assert "See pages 5 6 of the manual." in text
    assert "An underlined phrase ends here." in text


def test_an_accent_set_over_a_letter_reads_as_one_accented_letter_and_the_viewer_finds_it(tmp_path: Path):
    # TeX's older fonts set an accent as a glyph of its own, moved back over the letter after it:
    # the text layer says "Schr¨odinger". In Helvetica's standard encoding \310 is the dieresis,
    # \302 the acute, \315 the double acute and \365 the dotless i; each accent is 333 units wide,
    # so moving back 333 puts the letter under it. An acute standing beside digits ("TeX´99") is
    # no accent of theirs and stays (an apostrophe).
    content = b"\n".join([
        rb"BT /F1 10 Tf 72 700 Td [(Schr\310) 333 (odinger met Poincar\302) 333 (e and Erd\315) 333 (os.)] TJ ET",
        rb"BT /F1 10 Tf 72 680 Td [(Petr Mikul\302) 333 (\365k wrote TeX\30299 notes.)] TJ ET",
    ])
    path = tmp_path / "accents.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "Schrödinger met Poincaré and Erdős." in text
    assert "Petr Mikulík wrote TeX'99 notes." in text  # the acute typed for an apostrophe
    view = page_view(path, 1, ["Schrödinger met Poincaré", "Mikulík"], width=300)
    assert all(view.boxes)


def _listing_text(tmp_path: Path, content: bytes) -> str:
    """The text read from a page drawing `content` with Helvetica as /F1 and Courier as /F2."""
    path = tmp_path / "listing.pdf"
    path.write_bytes(_fonts_pdf([content], ["Helvetica", "Courier"]))
    return load_paths([path]).documents[0].text


def test_a_listings_line_parted_two_characters_before_its_last_item_is_one_line(tmp_path: Path):
    # pdfminer parted a Texinfo listing's line before its last item, two Courier characters on
    # ('> state <- c("tas", ... "wa",' and '"wa",'): the item was read as a paragraph of its own
    # after the listing.
    content = b"\n".join([
        b'BT /F2 10 Tf 72 700 Td (> state <- c\\("tas", "sa", "wa",) Tj ET',  # 31 characters of 6 pt: ends at 258
        b'BT /F2 10 Tf 270.6 700 Td ("wa",) Tj ET',
        b'BT /F2 10 Tf 108 688 Td ("qld", "vic", "nsw"\\)) Tj ET',
        b"BT /F1 10 Tf 72 660 Td (A factor is created from it with the factor function.) Tj ET",
    ])
    text = _listing_text(tmp_path, content)
    assert '> state <- c("tas", "sa", "wa", "wa",' in text, text


def test_a_listing_set_a_little_wider_than_its_fixed_pitch_font_keeps_its_words_whole(tmp_path: Path):
    # dblatex sets a listing on a grid a little wider than Latin Modern Mono: some glyphs stand a
    # point past the one before, and pdfminer, which parts words at a tenth of the size, read
    # "debian -edu - config" and "DEBIAN_FRONTEND = noninteractive". A space in a fixed-pitch font
    # takes a whole advance (6 pt at 10 pt Courier) and stays.
    content = b"\n".join([
        b"BT /F2 10 Tf 72 700 Td [(DEBIAN_FRONTEND) -150 (=) -150 (noninteractive apt install ) -150 (-y debian) -150 (-edu) "
        b"-150 (-config)] TJ ET",
        b"BT /F2 10 Tf 72 688 Td [(sudo) -600 (dd) -1000 (if=debian) -150 (-edu.iso)] TJ ET",
        b"BT /F1 10 Tf 72 660 Td (The router is configured by the package named above.) Tj ET",
    ])
    text = _listing_text(tmp_path, content)
    assert "DEBIAN_FRONTEND=noninteractive apt install -y debian-edu-config" in text, text
    assert "sudo dd if=debian-edu.iso" in text, text


def test_a_standard_font_that_gives_its_own_widths_is_measured_by_them(tmp_path: Path):
    # groff names its fonts as the standard 14 ("Times-Roman") and gives its own widths: its "-" is
    # code 173, 5.64 points wide at 10 pt. pdfminer measured the font by the standard metrics (a
    # hyphen, 3.33), so the letters after two of them stood 4.6 points short of the next piece,
    # placed where a viewer draws it, and the word was read in two: "--ignor e-backups".
    metrics = FONT_METRICS["Times-Roman"][1]
    widths = [564 if code == 173 else metrics.get(bytes([code]).decode("cp1252", "replace"), 500) for code in range(32, 256)]
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding "
            b"/BaseEncoding /WinAnsiEncoding /Differences [173 /hyphen] >> /FirstChar 32 /LastChar 255 /Widths [%s] >>"
            % " ".join(map(str, widths)).encode())
    start = 2 * 5.64 + sum(metrics[c] for c in "ignor") / 100  # where a viewer ends "\u2212\u2212ignor"
    content = b"\n".join([b"BT /F1 10 Tf 1 0 0 1 72 700 Tm (\\255\\255ignor) Tj ET",
                          b"BT /F1 10 Tf 1 0 0 1 %.2f 700 Tm (e\\255backups) Tj ET" % (72 + start),
                          b"BT /F1 10 Tf 1 0 0 1 72 680 Tm (do not list implied entries ending with a tilde.) Tj ET"])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", font]
    path = tmp_path / "manual.pdf"
    path.write_bytes(_pdf(objects))
    text = load_paths([path]).documents[0].text
    assert "--ignore-backups" in text, text


def test_a_papers_last_page_reads_its_full_left_column_before_the_right_columns_few_lines(tmp_path: Path):
    # A LaTeX paper's last page: the left column full, the right holding the last words of a
    # paragraph ("cine design.", 10 points from the left column's first line) and the references.
    # The words were joined to the left column's first line as a loosely set line's last piece
    # ("... lesions in cine design."), and the right column, too little text to count as one, was
    # read first, the references before the left column's section.
    def width(text: str) -> float:
        return sum(FONT_METRICS["Helvetica"][1][c] for c in text) / 100

    first = "Gastric lesions in dogs and mild gastric lesions in"
    left = [first] + [f"cats had the same trend in the samples, line {i}." for i in range(1, 12)] + [""]
    left += ["7 Background", ""] + [f"Vaccines are largely ineffective, line {i}." for i in range(12)] + [""]
    left += [f"The numbers of cells were counted, line {i}." for i in range(6)] + ["and provide a template for future vac-"]
    assert max(map(width, left)) == width(first)  # the right column starts 10 points from every left line
    gutter = 72 + width(first) + 10
    right = [(gutter, "cine design."), (gutter, "References"),
             (gutter, "[1] A. Author. A study of things. Journal of Studies, 2019."), (gutter, "[2] C. Writer. Another report, 2020.")]
    content = b"\n".join([b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (72, 715 - 12 * i, t.encode()) for i, t in enumerate(left) if t]
                         + [b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (x, 715 - 14 * i, t.encode()) for i, (x, t) in enumerate(right)])
    path = tmp_path / "last.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "lesions in cats had" in text and "in cine design" not in text, text
    assert "future vaccine design." in text, text
    assert text.index("Vaccines are largely") < text.index("References"), text


def test_a_line_drawn_in_pieces_out_of_order_reads_in_place(tmp_path: Path):
    # A journal's PDF draws one line of a paragraph in two pieces, the second after the lines below
    # it (the FOCUS protocol: "underlie social" ... "interactions, including perceiving,"). pdfminer
    # builds lines in drawing order, so the second piece came as a box of its own, read out of place.
    first = "mental operations that underlie social"
    after_first = 72 + sum(FONT_METRICS["Helvetica"][1][c] for c in first) * 10 / 1000 + 2.8  # a word space on
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (Cognition encompasses neurocognitive and social cognitive processes, which) Tj ET",
        b"BT /F1 10 Tf 72 688 Td (are regarded as two distinct domains. Social cognition is defined as the) Tj ET",
        b"BT /F1 10 Tf 72 676 Td (" + first.encode() + b") Tj ET",
        b"BT /F1 10 Tf 72 664 Td (and responding to the intentions of others, which matters for daily life.) Tj ET",
        b"BT /F1 10 Tf %.2f 676 Td (interactions, including perceiving) Tj ET" % after_first,
        # one word drawn in two pieces with no gap: joined without a space
        b"BT /F1 10 Tf 72 640 Td (The word D) Tj ET",
        b"BT /F1 10 Tf 72 628 Td (stands alone below.) Tj ET",
        b"BT /F1 10 Tf %.2f 640 Td (ss-Sig-Value is one name.) Tj ET"
        % (72 + sum(FONT_METRICS["Helvetica"][1][c] for c in "The word D") * 10 / 1000),
    ])
    # a loosely justified line, its second piece 9 pt (0.9 of the type size) after the first
    loose = "General symptomatology,"
    after_loose = 72 + sum(FONT_METRICS["Helvetica"][1][c] for c in loose) * 10 / 1000 + 9.0
    content += b"\n" + b"\n".join([
        b"BT /F1 10 Tf 72 600 Td (Symptoms of every kind will be rated by trained staff at each visit, which) Tj ET",
        b"BT /F1 10 Tf 72 588 Td (" + loose.encode() + b") Tj ET",
        b"BT /F1 10 Tf 72 576 Td (scales will be used are listed in the protocol that the sponsor holds today.) Tj ET",
        b"BT /F1 10 Tf %.2f 588 Td (negative and manic symptomatology will be measured, and the) Tj ET" % after_loose,
    ])
    # a piece drawn with a space glyph first, right where the last one ends: a word apart
    content += b"\n" + b"\n".join([
        b"BT /F1 10 Tf 72 540 Td (Subject collections: Epidemiology) Tj ET",
        b"BT /F1 10 Tf 72 528 Td (are where readers find related work on the same topic in the journal.) Tj ET",
        b"BT /F1 10 Tf %.2f 540 Td ( \\(2045\\) and more.) Tj ET"
        % (72.05 + sum(FONT_METRICS["Helvetica"][1][c] for c in "Subject collections: Epidemiology") * 10 / 1000),
    ])
    path = tmp_path / "pieces.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert ("Social cognition is defined as the mental operations that underlie social interactions, including "
            "perceiving and responding to the intentions of others") in text
    assert "The word Dss-Sig-Value is one name." in text
    assert "General symptomatology, negative and manic symptomatology will be measured, and the scales" in text
    assert "Subject collections: Epidemiology (2045) and more." in text


def test_a_links_text_drawn_a_little_inside_the_words_before_it_reads_in_place(tmp_path: Path):
    # LibreOffice prints a link as its text, then two spaces, the first drawn back at the link's
    # start and the second 3 pt inside its end, so pdfminer parts the line there: "to be migrated.
    # Table", " 11.1" and "  summarizes the answers ...", each later piece opening with a space
    # glyph inside the end of the one before. The pieces overlapped, so none was joined: the link
    # and the rest of its line were read out of place ("see Section )", then "14.7, ...").
    start = 72 + _width("to be migrated. ")
    table_end = start + _width("Table")
    link = table_end + _width(" ")
    link_end = link + _width("11.1")

    def back(at: float, end: float) -> bytes:
        # a space at `at`, then one moved on to start 3 pt before `end`
        kern = (end - 3.0 - at - _width(" ")) * 100
        return b"BT /F1 10 Tf %.2f 688 Td [( ) -%.0f ( )] TJ ET" % (at, kern)

    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (The script asks a few questions about the LDAP database into which the data is) Tj ET",
        b"BT /F1 10 Tf 72 688 Td (to be migrated. ) Tj ET",
        b"BT /F1 10 Tf %.2f 688 Td (Table) Tj ET" % start, back(start, table_end),
        b"BT /F1 10 Tf %.2f 688 Td (11.1) Tj ET" % link, back(link, link_end),
        b"BT /F1 10 Tf %.2f 688 Td ( summarizes the answers given in the Falcot use-case.) Tj ET" % link_end,
        b"BT /F1 10 Tf 72 664 Td (The next paragraph stands apart from it, as the page sets it.) Tj ET",
    ])
    path = tmp_path / "linked.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert ("into which the data is to be migrated. Table 11.1 summarizes the answers given in the Falcot use-case."
            in text), text


def _width(text: str, size: float = 10) -> float:
    return sum(FONT_METRICS["Helvetica"][1][c] for c in text) * size / 1000


def test_a_justified_line_stretched_across_its_column_reads_as_one_line_in_place(tmp_path: Path):
    # A narrow justified column: a long word wrapped to the next line leaves five words to fill this
    # one, 20 pt (two type sizes) apart, too far for pdfminer to see one line. Its words came as boxes
    # of their own after the paragraph, in no order ("= that function ... calls some_string let it").
    # A second column 24 pt to the right shares the baselines: the stretched line stops at its own
    # column's edge.
    lines = ["Every patient seen in the clinic was asked", "about sleep, appetite and mood before the",
             None, "interview, which a trained nurse conducted", "in a quiet room near the main entrance."]
    right = max(_width(t) for t in lines if t)
    words = ["were", "then", "scored", "by", "the"]
    gap = (right - sum(_width(w) for w in words)) / (len(words) - 1)
    assert 15 < gap < 25
    content = []
    for n, text in enumerate(lines):
        y = 700 - 12 * n
        if text is None:
            x = 72.0
            for w in words:
                content.append(b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (x, y, w.encode()))
                x += _width(w) + gap
        else:
            content.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, text.encode()))
        content.append(b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (72 + right + 24, y, b"Other column text %d here" % n))
    path = tmp_path / "stretched.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(content)))
    text = load_paths([path]).documents[0].text
    assert "appetite and mood before the were then scored by the interview, which a trained nurse" in text
    assert "the Other" not in text and "here were" not in text


def test_a_paragraphs_line_stretched_by_one_wide_gap_reads_in_order(tmp_path: Path):
    # TeX fills a line of few words by stretching its spaces: one gap 1.7 type sizes wide parts it in
    # two pieces, the second at the column's right edge, which pdfminer grouped with the paragraph's
    # indented first line ("... packages from See the help page for within R ... CRAN."). That line
    # runs across the gap, so it is a word space, not a gutter.
    first = "Even more conveniently, you can install and automatically update packages from"
    left, right = "within R if you have access to repositories, such as CRAN.", "See the help page for"
    gap = 15 + _width(first) - _width(left) - _width(right)
    assert 12 < gap < 25
    content = b"\n".join([
        b"BT /F1 10 Tf 87 700 Td (%s) Tj ET" % first.encode(),
        b"BT /F1 10 Tf 72 688 Td (%s) Tj ET" % left.encode(),
        b"BT /F1 10 Tf %.2f 688 Td (%s) Tj ET" % (72 + _width(left) + gap, right.encode()),
        b"BT /F1 10 Tf 72 676 Td (available.packages\\(\\) for more information.) Tj ET",
    ])
    path = tmp_path / "texinfo.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = " ".join(load_paths([path]).documents[0].text.split())
    assert "packages from within R if you have access to repositories, such as CRAN. See the help page for available" in text


def test_columns_that_stand_close_are_not_one_line(tmp_path: Path):
    # Two columns 9 pt apart (0.9 of the type size, as close as a loose line's word space): the
    # second column's lines start where its box's lines do, so they are no pieces of the first's.
    left = ["Cognition encompasses neurocognitive and", "social cognitive processes, regarded as",
            "two distinct but interrelated domains."]
    right = ["Negative symptoms were the primary", "outcome of the trial, assessed by raters",
             "who did not know the allocation."]
    width = max(sum(FONT_METRICS["Helvetica"][1][c] for c in t) * 10 / 1000 for t in left)
    content = b"\n".join([b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 12 * i, t.encode()) for i, t in enumerate(left)]
                         + [b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (72 + width + 9, 700 - 12 * i, t.encode())
                            for i, t in enumerate(right)])
    path = tmp_path / "columns.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "neurocognitive and social cognitive processes" in text
    assert "the primary outcome of the trial" in text


def test_a_sentence_broken_by_a_column_end_runs_on_whatever_the_next_columns_first_letter(tmp_path: Path):
    # The first column ends mid-sentence on a full line ("... Syndrome Scale, or"); the second opens
    # with an acronym, in capitals. A paragraph's last line is short or ends a sentence: this one is
    # neither, so the sentence goes on in the next column rather than opening a paragraph there.
    lines = [(72, 700, "Negative symptoms were the primary outcome of the trial,"),
             (72, 688, "and they were assessed by trained raters who did not"),
             (72, 676, "know the allocation of the participants, by using the scale"),
             (72, 664, "known as the Positive and Negative Syndrome Scale, or"),
             (350, 700, "PANSS, at baseline and after twelve months of treatment."),
             (350, 688, "Secondary outcomes were measured at the same visits.")]
    content = b"\n".join(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, t.encode()) for x, y, t in lines)
    path = tmp_path / "columns.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "Negative Syndrome Scale, or PANSS, at baseline" in text


def test_a_line_ending_on_a_word_that_leads_on_is_no_heading():
    # A numbered hypothesis set alone in its box, in another font than the text's: it reads as a
    # heading but for its last word, which leads on to the next line ("superior to" / "standard ...").
    style = _Style("Roman", 10.0, (14.0, 10.0))
    hypothesis = Line("1. Cognitive remediation therapy will be superior to", 50, 500, 300, 510, 10.0, "Italic")
    heading = Line("1. Cognitive remediation therapy", 50, 500, 200, 510, 10.0, "Italic")
    assert not _is_heading(hypothesis, None, style) and _is_heading(heading, None, style)


def test_a_letter_spaced_heading_reads_as_its_words(tmp_path: Path):
    # A journal's banner, "S T U D Y   P R O T O C O L": each letter drawn 3 pt after the last, the
    # words 12 pt apart. pdfminer reads a space between every two letters.
    x, ops = 72.0, []
    for word in ("STUDY", "PROTOCOL"):
        for letter in word:
            ops.append(b"BT /F1 10 Tf %.2f 740 Td (%s) Tj ET" % (x, letter.encode()))
            x += FONT_METRICS["Helvetica"][1][letter] * 10 / 1000 + 3.0
        x += 9.0
    ops.append(b"BT /F1 10 Tf 72 700 Td (The trial tests whether cognitive training helps young people at risk.) Tj ET")
    path = tmp_path / "banner.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    text = load_paths([path]).documents[0].text
    assert "STUDY PROTOCOL" in text


def test_letter_spaced_words_a_wide_space_apart_are_one_line(tmp_path: Path):
    # An Elsevier front page: "a r t i c l e   i n f o" over the left column under a line of small
    # print, "a b s t r a c t" over the right one; letters 3 pt apart and the words 13 pt apart, far
    # enough for pdfminer to read "info" as a line of its own, which was read after "abstract".
    def spaced(word: str, x: float, y: float) -> float:
        for letter in word:
            ops.append(b"BT /F1 9 Tf %.2f %d Td (%s) Tj ET" % (x, y, letter.encode()))
            x += FONT_METRICS["Helvetica"][1][letter] * 9 / 1000 + 3.0
        return x

    ops = [b"BT /F1 6.4 Tf 72 752 Td (Sponsorships or competing interests that may be relevant to content are disclosed at the end.) Tj ET"]
    spaced("info", spaced("article", 72.0, 740) + 10.0, 740)
    spaced("abstract", 236.0, 739)
    ops.append(b"BT /F1 6.4 Tf 72 719 Td (Article history: received 27 May 2014) Tj ET")
    ops.append(b"BT /F1 7.2 Tf 236 718 Td (Fine myelinated nociceptors are responsible for fast pain.) Tj ET")
    path = tmp_path / "front.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    text = load_paths([path]).documents[0].text
    assert "article info" in text and "abstract info" not in text, text


def test_a_letter_spaced_heading_over_one_column_is_read_with_the_text_beneath_it(tmp_path: Path):
    # Elsevier's front page: "a r t i c l e   i n f o" over the left column (article history,
    # keywords), "a b s t r a c t" over the right one. pdfminer read "abstract" before the left
    # column, so the keywords ran into the abstract's first sentence.
    ops = [b"BT /F1 6.4 Tf 72 712 Td (Sponsorships or competing interests that may be relevant to content are "
           b"disclosed at the end.) Tj ET"]

    def spaced(word: str, x: float, y: int) -> float:
        for letter in word:
            ops.append(b"BT /F1 9 Tf %.2f %d Td (%s) Tj ET" % (x, y, letter.encode()))
            x += FONT_METRICS["Helvetica"][1][letter] * 9 / 1000 + 3.0
        return x

    spaced("info", spaced("article", 72.0, 700) + 10.0, 700)
    spaced("abstract", 300.0, 699)
    for k, text in enumerate(["Article history:", "Received 27 May 2014", "Keywords:", "Dorsal horn", "Spinal cord"]):
        ops.append(b"BT /F1 7 Tf 72 %d Td (%s) Tj ET" % (684 - 9 * k, text.encode()))
    for k, text in enumerate(["Fine myelinated nociceptors are responsible for fast and well localised pain,",
                              "but little is known about their targets in the spinal cord."]):
        ops.append(b"BT /F1 8 Tf 300 %d Td (%s) Tj ET" % (684 - 10 * k, text.encode()))
    path = tmp_path / "front.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    text = load_paths([path]).documents[0].text
    assert "Spinal cord\n\nabstract\n\nFine myelinated" in text, text


def _headed_page(names: tuple[str, ...], heading_size: float, text_size: float, lines: int) -> bytes:
    """A page's content stream: each heading in `names` over `lines` lines of text, Helvetica."""
    ops, y = [], 740.0
    for name in names:
        ops.append(b"BT /F1 %g Tf 72 %g Td (%s) Tj ET" % (heading_size, y, name.encode()))
        y -= heading_size + 6
        for _ in range(lines):
            ops.append(b"BT /F1 %g Tf 72 %g Td (Participants learned word pairs at night and were tested in the morning.) Tj ET"
                       % (text_size, y))
            y -= 12
        y -= 10
    return b"\n".join(ops)


def test_a_one_page_documents_headings_open_sections(tmp_path: Path):
    # A web page printed on one page: its three h2 headings share a style on that page only, where
    # a style had to recur on two pages to open sections (a banner is seen once).
    path = tmp_path / "one-page.pdf"
    path.write_bytes(_one_page_pdf(_headed_page(("Background", "Methods", "Results"), 14, 10, 3)))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("Background",), ("Methods",), ("Results",)]


def test_a_short_documents_two_headings_of_one_style_open_sections_and_a_long_ones_cover_banners_do_not(tmp_path: Path):
    # A two-page article or leaflet has two or three headings, set a little larger than the text
    # (11 pt over 9.5), on one page: no style could recur on two pages, so none opened a section.
    # In a paper of three pages or more, two banners on its cover sheet in one style ("Trials",
    # "Article type") are seen on that page only, and open none.
    def page(names: tuple[str, ...]) -> bytes:
        return _headed_page(names, 11, 9.5, 4)

    short = tmp_path / "leaflet.pdf"
    short.write_bytes(_pages_pdf([page(("How does it work?", "Who is it for?")), page(())]))
    assert [s.path for s in load_paths([short]).documents[0].sections] == [("How does it work?",), ("Who is it for?",)]
    long = tmp_path / "paper.pdf"
    long.write_bytes(_pages_pdf([page(("Provisional PDF", "Article type"))] + [page(()) for _ in range(3)]))
    assert not load_paths([long]).documents[0].sections


def test_a_two_page_documents_running_head_and_footer_are_furniture(tmp_path: Path):
    # A short article printed on two pages sets its journal's name and its licence line in the
    # margins of both: with no third page to see them recur on, they were read as text ("... Vol.
    # 12 (2025)" mid-paragraph at the top of page 2). A sentence that opens both pages' text at the
    # same place is no furniture: it stands outside the margins.
    def page(n: int) -> bytes:
        ops = [b"BT /F1 8 Tf 72 770 Td (Journal of Applied Mind Studies) Tj ET",
               b"BT /F1 7 Tf 72 30 Td (Open access under CC BY 4.0) Tj ET",
               b"BT /F1 10 Tf 72 700 Td (Each session opened with the same short breathing exercise.) Tj ET"]
        ops += [b"BT /F1 10 Tf 72 %d Td (Participants on page %d rated their mood before and after each session.) Tj ET"
                % (688 - 12 * i, n) for i in range(4)]
        return b"\n".join(ops)

    path = tmp_path / "two-pages.pdf"
    path.write_bytes(_pages_pdf([page(1), page(2)]))
    text = load_paths([path]).documents[0].text
    assert "Journal of Applied Mind Studies" not in text and "CC BY" not in text
    assert text.count("Each session opened with the same short breathing exercise.") == 2


def test_a_journals_back_matter_in_small_print_is_sectioned_and_read_as_prose():
    # A BMC article sets "Competing interests", "Acknowledgements" and "References" at 7.5 pt in
    # bold over their text at 7.5 pt, the article at 9.8 pt: the boxes read as footnotes, so the
    # funding statement was cited under the section before ("Trial status") and broken at each
    # line's end ("Intervention and" / "Neuropsychiatric Research" were two sentences).
    def box(lines: list[tuple[str, str, float]], y: float) -> Box:
        made = tuple(Line(t, 300, y - 10 * i, 540, y - 10 * i + size, size, font) for i, (t, font, size) in enumerate(lines))
        return Box(made, 300, y - 10 * len(lines), 540, y + 10)

    boxes = [
        box([("Trial initiation was April 2014. By November 2014, 19 patients had been", "Serif", 9.8),
             ("randomised.", "Serif", 9.8)], 700),
        box([("Competing interests", "Sans-Bold", 7.5),
             ("The authors declare that they have no competing interests.", "Serif", 7.5)], 640),
        box([("Acknowledgements", "Sans-Bold", 7.5),
             ("Funding for this trial was provided by the Centre for Clinical Intervention and", "Serif", 7.5),
             ("Neuropsychiatric Research. The funders had no role in the design of the trial.", "Serif", 7.5)], 600),
        box([("Table 3 Costs of the intervention per participant", "Serif", 7.5),
             ("Sessions 12 400", "Serif", 7.5)], 540),
        box([("Appendix", "Sans-Bold", 9.8)], 470),
        box([("Dose 10 mg 20 mg", "Serif", 7.5), ("Weeks 12 24", "Serif", 7.5)], 460),
        box([("References", "Sans-Bold", 7.5), ("1. McGrath J. Schizophrenia. Epidemiol Rev. 2008;30:67-76.", "Serif", 7.5)], 400),
    ]
    style = _Style("Serif", 9.8, (9.8,), frozenset({("Sans-Bold", 9.8)}),
                   small_print_heading=_small_print_heading([PageLayout(8, 600, 800, boxes)], set(), 9.8))
    assert style.small_print_heading == ("Sans-Bold", 7.5)
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 8)
    text, _, sections = _render(assembler.finish(), Vocabulary([]), "The FOCUS trial")
    assert [s.path for s in sections] == [("Competing interests",), ("Acknowledgements",), ("Appendix",), ("References",)], sections
    funding = text.index("Funding for this trial")
    assert next(s.path for s in sections if s.start <= funding < s.end) == ("Acknowledgements",)
    assert "Clinical Intervention and Neuropsychiatric Research. The funders" in text, text
    # a table's caption in the back matter is still a block of its own, and after a heading at the
    # text's size small print is a table or a footnote again, its lines kept
    assert "\n\nTable 3 Costs of the intervention per participant" in text, text
    assert "Dose 10 mg 20 mg\nWeeks 12 24" in text, text
    # the same headings set at the text's size are no small print: the style is not recorded
    assert _small_print_heading([PageLayout(8, 600, 800, [box([("References", "Sans-Bold", 9.8)], 480)])], set(), 9.8) is None


def test_no_later_heading_goes_under_a_reference_list():
    # A clinical guideline prints a box of references on one of its early pages, each chapter of a
    # book ends in its own; the headings after it, at whatever level (the outline's second level
    # here, its first-level entry left unprinted), open sections of their own, not sections of
    # "References".
    def box(text: str, font: str, size: float, y: float) -> Box:
        return Box((Line(text, 72, y, 540, y + size, size, font),), 72, y, 540, y + size)

    boxes = [
        box("Treatment options", "Sans-Bold", 14.0, 720),
        box("Surgery is the first choice of treatment for most patients with a small tumour.", "Serif", 10.0, 690),
        box("References", "Sans-Bold", 10.0, 650),
        box("1. Smith J. Thyroid surgery outcomes. Surgery. 2010;147:1-8.", "Serif", 10.0, 630),
        box("Epidemiology", "Sans-Bold", 11.5, 590),
        box("Thyroid nodules are about four times more common in women than in men.", "Serif", 10.0, 560),
    ]
    style = _Style("Serif", 10.0, (14.0, 11.5), frozenset({("Sans-Bold", 14.0), ("Sans-Bold", 11.5)}))
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 3)
    text, _, sections = _render(assembler.finish(), Vocabulary([]), "Thyroid carcinoma guideline")
    assert [s.path for s in sections] == [("Treatment options",), ("References",), ("Epidemiology",)], sections


def test_a_citation_number_set_as_a_superscript_after_a_full_stop_is_dropped_and_an_exponent_is_not(tmp_path: Path):
    # A guideline sets its citation numbers raised and small after the sentence's full stop, after a
    # percentage or a bracket too: "1.2%.7 It is estimated" was one sentence with the number fused.
    # Raised straight after a digit it is an exponent ("10" and "6": ten to the sixth) and stays.
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (The lifetime risk is 1.2%.) Tj /F1 6 Tf 4 Ts (7) Tj "
        b"/F1 10 Tf 0 Ts ( It is estimated that 53,990 new cases occur each year.) Tj ET",
        b"BT /F1 10 Tf 72 680 Td (Survival improved \\(P < .001\\).) Tj /F1 6 Tf 4 Ts (254) Tj "
        b"/F1 10 Tf 0 Ts ( Some studies disagree.) Tj ET",
        b"BT /F1 10 Tf 72 660 Td (Each well held 10) Tj /F1 6 Tf 4 Ts (6) Tj /F1 10 Tf 0 Ts ( cells.) Tj ET",
    ])
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "The lifetime risk is 1.2%. It is estimated" in text, text
    assert "(P < .001). Some studies" in text, text
    assert "106 cells" in text, text


def test_a_browsers_footnote_mark_set_a_sixth_smaller_is_dropped_too(tmp_path: Path):
    # A browser prints <sup> "smaller" (83% of the text) and raised: pandoc's footnote marks read
    # "an increase of 18% on 2023.1 The median wait" in a report printed to PDF.
    content = (b"BT /F1 12 Tf 72 700 Td (The clinic saw 18% more patients than in 2023.) Tj /F1 10 Tf 4 Ts (1) Tj "
               b"/F1 12 Tf 0 Ts ( The median wait fell from 14 weeks to 9 weeks.) Tj ET")
    path = tmp_path / "report.pdf"
    path.write_bytes(_one_page_pdf(content))
    text = load_paths([path]).documents[0].text
    assert "than in 2023. The median wait" in text, text


def test_a_footnotes_raised_mark_opening_its_line_stands_apart_from_the_first_word(tmp_path: Path):
    # LaTeX sets a footnote as its raised number and the note's text: the text layer said "1Note that
    # the name was badly chosen", one word "1Note"; a journal's affiliations read "2Department of".
    # The mark stays raised: a short note set apart as "3 CTAN:pkg/atbegshi" read as a numbered heading.
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (The old command is deprecated.) Tj ET",
        b"BT /F1 10 Tf 72 686 Td (Unpack the bundle in the tree of your choice.) Tj ET",
        b"BT /F1 6 Tf 4 Ts 72 112 Td (1) Tj /F1 9 Tf 0 Ts (Note that the name was badly chosen.) Tj ET",
        b"BT /F1 6 Tf 4 Ts 72 100 Td (2) Tj /F1 9 Tf 0 Ts (Department of Psychiatry, University of Leeds) Tj ET",
        b"BT /F1 6 Tf 4 Ts 72 88 Td (3) Tj /F1 9 Tf 0 Ts (CTAN:pkg/atbegshi) Tj ET",
    ])
    path = tmp_path / "footnote.pdf"
    path.write_bytes(_one_page_pdf(content))
    doc = load_paths([path]).documents[0]
    assert "¹ Note that the name was badly chosen." in doc.text, doc.text
    assert "² Department of Psychiatry" in doc.text, doc.text
    assert "³ CTAN:pkg/atbegshi" in doc.text and not any("CTAN" in " ".join(s.path) for s in doc.sections)


def _contents_over_chapters(chapter: str, numbers_apart: bool = False) -> bytes:
    """A page's content stream: contents whose entries ("1 Introduction") stand without dot leaders,
    each page number a box of its own across the page (as LaTeX sets them), over three chapters
    headed "<chapter>1 Introduction" ...; with `numbers_apart` a fourth-level entry under each, its
    number set apart from its title and leaders."""
    ops = [b"BT /F1 17 Tf 72 740 Td (Contents) Tj ET"]
    y = 712
    for n, name in enumerate(["Introduction", "Methods", "Results"], 1):
        ops.append(b"BT /F1 10 Tf 72 %d Td (%d %s) Tj ET" % (y, n, name.encode()))
        ops.append(b"BT /F1 10 Tf 500 %d Td (%d) Tj ET" % (y, n + 1))
        if numbers_apart:
            y -= 16
            ops.append(b"BT /F1 10 Tf 90 %d Td (%d.1.1.1) Tj ET" % (y, n))
            ops.append(b"BT /F1 10 Tf 150 %d Td (Sleep staging %s %d) Tj ET" % (y, b". " * 30, n + 1))
        y -= 22
    y -= 30
    for n, name in enumerate(["Introduction", "Methods", "Results"], 1):
        ops.append(b"BT /F1 14 Tf 72 %d Td (%s%d %s) Tj ET" % (y, chapter.encode(), n, name.encode()))
        y -= 24
        for _ in range(3):
            ops.append(b"BT /F1 10 Tf 72 %d Td (The participants learned word pairs in the evening and slept.) Tj ET" % y)
            y -= 12
        y -= 20
    return b"\n".join(ops)


def test_a_table_of_contents_without_dot_leaders_is_left_out_up_to_the_first_heading_it_names(tmp_path: Path):
    # LaTeX sets a chapter's or a section's entry without dot leaders: its title at the margin, its
    # page number a box of its own across the page. The entries name the headings below word for
    # word; the body's first heading, named by the first entry, is where the contents end.
    path = tmp_path / "report.pdf"
    path.write_bytes(_one_page_pdf(_contents_over_chapters("")))
    doc = load_paths([path]).documents[0]
    assert doc.text.count("Methods") == 1, doc.text
    assert "Contents" not in doc.text and "\n\n2\n\n" not in doc.text, doc.text
    assert [s.path for s in doc.sections] == [("1 Introduction",), ("2 Methods",), ("3 Results",)]


def test_a_contents_entry_names_a_chapter_headed_chapter_n_and_a_number_set_apart_goes_with_it(tmp_path: Path):
    # A DocBook manual made by LaTeX: the body's headings read "Chapter 1 Introduction" where the
    # contents say "1 Introduction", and a fourth-level entry's number ("1.1.1.1") stands apart from
    # its title, wider than the box kept for it. The chapters' entries, those numbers and the page
    # numbers between them stayed in the text as lines of their own.
    path = tmp_path / "manual.pdf"
    path.write_bytes(_one_page_pdf(_contents_over_chapters("Chapter ", numbers_apart=True)))
    doc = load_paths([path]).documents[0]
    assert "Contents" not in doc.text and "1.1.1.1" not in doc.text and doc.text.count("Methods") == 1, doc.text
    assert doc.text.startswith("Chapter 1 Introduction"), doc.text
    assert [s.path for s in doc.sections] == [("Chapter 1 Introduction",), ("Chapter 2 Methods",), ("Chapter 3 Results",)]


def test_a_sections_own_list_of_its_questions_after_the_contents_keeps_its_heading(tmp_path: Path):
    # A printed FAQ lists every question at the top, then each section's heading over a list of its
    # own questions, then the answers. The contents end at the first heading they named ("1
    # Background"); that heading and its section's own list are the body's.
    names = ["1 Background", "1.1 How is it pronounced?", "1.2 Where does the name come from?", "2 Building"]
    ops, y = [], 740
    for name in names:
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, name.encode()))
        y -= 16
    y -= 24
    ops.append(b"BT /F1 14 Tf 72 %d Td (1 Background) Tj ET" % y)
    y -= 22
    for name in names[1:3]:
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (y, name.encode()))
        y -= 16
    for name in names[1:]:
        y -= 16
        ops.append(b"BT /F1 14 Tf 72 %d Td (%s) Tj ET" % (y, name.encode()))
        y -= 22
        for _ in range(2):
            ops.append(b"BT /F1 10 Tf 72 %d Td (The answer is given in a sentence of plain words here.) Tj ET" % y)
            y -= 12
    path = tmp_path / "faq.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert doc.text.startswith("1 Background\n\n1.1 How is it pronounced?"), doc.text
    assert ("1 Background",) in [s.path[:1] for s in doc.sections], doc.sections


def test_a_scans_text_layer_of_letters_set_apart_is_reported_and_prose_and_formulas_are_not(tmp_path: Path):
    # An OCR layer that places each letter on its own reads "C h i na O c e an": no search finds its
    # words, so the ingest report names the page. Prose (with "a" and "I") is no such page, nor a
    # page of formulas whose one-letter names signs set apart (a variation partitioning guide's
    # "[a+b+c+d+e+f+g]"), which reads as it is printed.
    spaced = "C h i na O c e an S h i p p i ng C o m p a ny L i m i t ed o f B e i j i ng"
    prose = "I read a paper on the shipping company of Beijing and its agreement with a line in Chile."
    formulas = "(20) [g] = [a+b+c+d+e+f+g]-[a+d]-[b+e]-[c+f] df(g) = (m1+m2+m3)-m1-m2-m3 = 0"
    for name, line, noted in (("scan.pdf", spaced, True), ("prose.pdf", prose, False), ("formulas.pdf", formulas, False)):
        ops = [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 14 * i, line.encode()) for i in range(6)]
        (tmp_path / name).write_bytes(_one_page_pdf(b"\n".join(ops)))
        entry = load_paths([tmp_path / name]).report[0]
        assert entry.status == "ok"
        assert ("unreadable text on page 1 (letters set apart)" in entry.line()) == noted, entry.line()


def _pdf_with_outline(content: bytes, titles: list[str]) -> bytes:
    """`_one_page_pdf`'s page with an outline: each title an entry pointing to the page."""
    n = len(titles)
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Outlines /First 7 0 R /Last %d 0 R /Count %d >>" % (6 + n, n)]
    for k, title in enumerate(titles):
        links = (b" /Prev %d 0 R" % (6 + k) if k else b"") + (b" /Next %d 0 R" % (8 + k) if k < n - 1 else b"")
        objects.append(b"<< /Title (%s) /Parent 6 0 R /Dest [3 0 R /Fit]%s >>" % (title.encode(), links))
    return _pdf(objects)


def test_an_outline_entry_no_line_prints_names_its_pages_section_and_a_file_name_does_not(tmp_path: Path):
    # A clinical guideline's flowchart page prints only its code ("THYR-1"); its bookmark says what
    # it is. The bookmark's title heads the page's text, as a heading would. An entry naming a file
    # (a publisher's merged cover page) names no section.
    ops = [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 14 * i, line) for i, line in enumerate([
        b"For a thyroid nodule found on exam or by imaging:",
        b"Measure thyroid-stimulating hormone and order an ultrasound of the neck.",
        b"Consider a fine-needle aspiration of suspicious nodules."])]
    ops.append(b"BT /F1 8 Tf 500 60 Td (THYR-1) Tj ET")
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_pdf_with_outline(b"\n".join(ops), ["Nodule Evaluation (THYR-1)", "13063_2015_578_CoverPage.pdf"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("Nodule Evaluation (THYR-1)",)], doc.sections
    assert doc.text.startswith("Nodule Evaluation (THYR-1)\n\nFor a thyroid nodule"), doc.text
    assert doc.sections[0].end >= doc.text.index("aspiration") and "CoverPage" not in doc.text


def test_a_chapters_label_over_its_heading_is_no_text(tmp_path: Path):
    # Sphinx's LaTeX sets each chapter's label over its heading, right-aligned: "CHAPTER", then the
    # number in words, then the title its bookmark names. Read as text, "CHAPTER ONE" closed the
    # chapter before it. A short line that is the page's text stays.
    ops = [b"BT /F1 10 Tf 491 690 Td (CHAPTER) Tj ET", b"BT /F1 14.3 Tf 508 665 Td (ONE) Tj ET",
           b"BT /F1 14.3 Tf 384 610 Td (ABOUT THIS MANUAL) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (560 - 14 * i, line) for i, line in enumerate([
        b"This manual describes the policy requirements for the distribution.",
        b"It covers the structure and contents of the archive and the packages in it.",
        b"Contents"])]
    path = tmp_path / "manual.pdf"
    path.write_bytes(_pdf_with_outline(b"\n".join(ops), ["ABOUT THIS MANUAL"]))
    doc = load_paths([path]).documents[0]
    assert "CHAPTER" not in doc.text and "ONE" not in doc.text.split(), doc.text
    assert doc.text.startswith("ABOUT THIS MANUAL\n\nThis manual describes"), doc.text
    assert doc.text.rstrip().endswith("Contents")


def test_an_outline_title_written_as_utf8_without_its_byte_order_mark_is_read_as_utf8(tmp_path: Path):
    # A French beamer deck's bookmarks hold UTF-8 bytes with no byte-order mark, which PDF reads as
    # PDFDocEncoding: the section was named "Ã‰valuation du nodule" and, printed by no line, that
    # name was put into the text.
    ops = [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 14 * i, line) for i, line in enumerate([
        b"Mesurer la TSH et demander une echographie du cou.",
        b"Envisager une ponction des nodules suspects."])]
    path = tmp_path / "deck.pdf"
    path.write_bytes(_pdf_with_outline(b"\n".join(ops), ["\u00c9valuation du nodule"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("\u00c9valuation du nodule",)], doc.sections
    assert doc.text.startswith("\u00c9valuation du nodule\n\nMesurer"), doc.text


def _pages_pdf(contents: list[bytes]) -> bytes:
    """A PDF of one page per content stream, with Helvetica as /F1."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _pdf(objects)


def test_running_heads_set_just_below_the_top_tenth_are_left_out(tmp_path: Path):
    # LaTeX on letter paper sets its running heads just below the page's top tenth, where the margin
    # rules never looked: quantreg's vignette read "2 Quantile Regression in R" and "Roger Koenker 3"
    # between its paragraphs, even and odd pages each carrying their own head beside the page's
    # number. A section heading standing first on a page stays.
    def text(x: int, y: int, size: int, words: str) -> bytes:
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, words.encode())

    prose = "Quantile regression estimates conditional quantile functions of a response, step %d."
    pages = [b"\n".join([text(150, 700, 16, "Quantile Regression in R: a Vignette"),
                         *(text(72, 660 - 12 * i, 10, prose % i) for i in range(20)), text(300, 80, 8, "1")])]
    for n in range(2, 8):
        head = [text(72, 700, 8, str(n)), text(250, 700, 8, "Quantile Regression in R")] if n % 2 == 0 else \
            [text(250, 700, 8, "Roger Koenker"), text(520, 700, 8, str(n))]
        first = [text(72, 670, 12, "3 Getting Started")] if n == 3 else []
        pages.append(b"\n".join([*head, *first, *(text(72, 650 - 12 * i, 10, prose % (20 * n + i)) for i in range(20))]))
    path = tmp_path / "vignette.pdf"
    path.write_bytes(_pages_pdf(pages))
    doc = load_paths([path]).documents[0]
    assert "Roger Koenker" not in doc.text and doc.text.count("Quantile Regression in R") == 1, doc.text
    assert "\n\n3 Getting Started\n\n" in doc.text
    # a table's header row repeated atop each page (set where the table starts) carries no page
    # number: it stays
    rows = [b"\n".join([text(72 + 6 * n, 700, 9, "Station Month Rainfall"),
                        *(text(72, 680 - 12 * i, 10, f"Station {n} recorded rain in month {i} of the survey.")
                          for i in range(20))]) for n in range(7)]
    table = tmp_path / "table.pdf"
    table.write_bytes(_pages_pdf(rows))
    assert load_paths([table]).documents[0].text.count("Station Month Rainfall") == 7


def test_a_fixed_line_printed_over_a_paragraph_on_every_page_is_left_out_of_it(tmp_path: Path):
    # A web page's fixed "Download the ebook" button, printed by a browser at the top of every
    # page: alone on pages 1 and 3, but on page 2 pdfminer grouped it with the paragraph it stands
    # in, and it was read mid-sentence ("a backup storage space in Download the ebook its vocabulary").
    def text(x: int, y: int, words: str) -> bytes:
        return b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, y, words.encode())

    button = text(255, 749, "Download the ebook")
    prose = [text(40, 700 - 14 * i, f"Backups are kept on a dedicated server and checked every night, step {i}.") for i in range(8)]
    pages = [b"\n".join([button, *prose]),
             b"\n".join([text(40, 761, "This mechanism uses a backup storage space, called a bank in"), button,
                         text(40, 737, "its vocabulary, in which it places timestamped copies of the files."), *prose]),
             b"\n".join([button, *prose])]
    path = tmp_path / "backup.pdf"
    path.write_bytes(_pages_pdf(pages))
    doc = load_paths([path]).documents[0]
    assert "Download the ebook" not in doc.text, doc.text
    assert "a backup storage space, called a bank in its vocabulary, in which" in doc.text, doc.text


def test_a_running_head_beside_the_page_number_naming_its_chapter_is_left_out_though_it_recurs_seldom(tmp_path: Path):
    # A Texinfo manual heads each page with its chapter ("Chapter 1: Introduction") on the baseline of
    # the page number, a box of its own: each chapter's head recurs on too few pages to count as a
    # running head, and where a paragraph ran on from the page before it was read mid-sentence
    # ("but it can Chapter 1: Introduction be quite hard to decide").
    def text(x: int, y: int, words: str) -> bytes:
        return b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (x, y, words.encode())

    def page(number: int, head: str, lines: list[str]) -> bytes:
        return b"\n".join([text(90, 740, head), text(515, 740, str(number)),
                           *(text(90, 690 - 14 * i, ln) for i, ln in enumerate(lines))])

    def prose(page: int) -> list[str]:
        return [f"Objects are kept in the workspace between sessions, note {page}.{i}." for i in range(6)]

    pages = [b"\n".join(text(90, 690 - 14 * i, ln) for i, ln in enumerate(["1 Introduction", *prose(1), "Names like x are useful"])),
             page(2, "Chapter 1: Introduction", ["in one analysis, but it can", *prose(2)]),
             page(3, "Chapter 1: Introduction", prose(3) + ["Names like y are useful in one analysis, but it can"]),
             page(4, "Chapter 2: Vectors", ["be quite hard to decide what they mean.", *prose(4)]),
             page(5, "Chapter 2: Vectors", prose(5))]
    path = tmp_path / "manual.pdf"
    path.write_bytes(_pages_pdf(pages))
    doc = load_paths([path]).documents[0]
    assert "Chapter 1: Introduction" not in doc.text and "Chapter 2: Vectors" not in doc.text, doc.text
    assert "but it can be quite hard to decide what they mean." in doc.text, doc.text


def _a4_pages_pdf(contents: list[bytes]) -> bytes:
    return _pages_pdf(contents).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 595 842]")


def test_a_page_number_latex_sets_just_above_the_bottom_tenth_is_the_pages_number_not_text(tmp_path: Path):
    # LaTeX's article class on A4 sets the page number centred 89 points up an 842-point page, just
    # above the bottom tenth where margins are looked for: "3" stood alone between two paragraphs
    # and no page knew its printed number. A number closing a page's text higher up stays.
    def text(x: int, y: int, words: str) -> bytes:
        return b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, words.encode())

    def page(n: int, closing: str) -> bytes:
        lines = [f"Classes are written with high-level commands, page {n} line {i}." for i in range(20)]
        return b"\n".join([*(text(125, 700 - 14 * i, ln) for i, ln in enumerate(lines)),
                           text(125, 400, closing), text(294, 89, str(n + 5))])

    path = tmp_path / "article.pdf"
    path.write_bytes(_a4_pages_pdf([page(n, "Total" if n else "42") for n in range(4)]))
    doc = load_paths([path]).documents[0]
    assert not re.search(r"^[5-8]$", doc.text, re.M), doc.text
    assert "42" in doc.text
    assert [p.label for p in doc.pages] == ["5", "6", "7", "8"]


def _line_at(x: int, y: int, size: int, words: str) -> bytes:
    return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, words.encode())


def _prose_page(n: int, size: int = 11) -> bytes:
    return b"\n".join(_line_at(72, 700 - 15 * i, size, f"Vectors are the simplest structures in the language, page {n} line {i}.")
                      for i in range(30))


def test_an_index_set_smaller_than_the_text_is_left_out_like_one_set_at_its_size(tmp_path: Path):
    # A Texinfo manual sets its index in 9 pt under 11 pt text: read as small print (an aside) it was
    # never compared with a contents' entries, and "Box plots . . . . . 40" answered questions. A
    # function index's entries may name operators ("!= . . . 10").
    entries = ["Binary operators", "Box plots", "Character vectors", "Classes", "!=", "%*%", "Concatenating lists"]
    index = b"\n".join([_line_at(72, 720, 14, "Concept index"),
                        *(_line_at(72, 690 - 12 * i, 9, f"{e} . . . . . . . . . . . . . . . . {10 + i}") for i, e in enumerate(entries))])
    path = tmp_path / "manual.pdf"
    path.write_bytes(_pages_pdf([_prose_page(1), _prose_page(2), index]))
    text = load_paths([path]).documents[0].text
    assert "page 2 line 29." in text
    assert "Box plots" not in text and "!=" not in text and "%*%" not in text, text


def test_a_contents_pages_heading_does_not_title_the_document(tmp_path: Path):
    # A manual's cover sets its two-word name ("R FAQ") a little less large than a title of two words
    # needs; its second page, the contents, is headed as large, "Table of Contents", which had
    # become the document's title.
    cover = b"\n".join([_line_at(72, 560, 17, "R FAQ"), _line_at(300, 530, 11, "Frequently Asked Questions on R")])
    contents = b"\n".join([_line_at(72, 690, 17, "Table of Contents"),
                           *(_line_at(72, 650 - 14 * i, 11, f"{i + 1} Chapter {i + 1} . . . . . . . . . . . . . . {i + 1}")
                             for i in range(8))])
    path = tmp_path / "faq.pdf"
    path.write_bytes(_pages_pdf([cover, contents, _prose_page(1), _prose_page(2)]))
    doc = load_paths([path]).documents[0]
    assert doc.title != "Table of Contents" and "Frequently Asked Questions on R" in doc.title, doc.title


def test_a_document_of_nothing_but_lines_repeated_from_page_to_page_keeps_them(tmp_path: Path):
    # One short line atop each page, alike but for its number: read as a running head, it left the
    # document without text, skipped as having no text layer. Furniture is what stands around text.
    path = tmp_path / "labels.pdf"
    path.write_bytes(_pages_pdf([b"BT /F1 10 Tf 72 760 Td (Potato %d) Tj ET" % i for i in range(6)]))
    result = load_paths([path])
    assert result.report[0].status == "ok", result.report[0].line()
    assert "Potato 0" in result.documents[0].text and "Potato 5" in result.documents[0].text


def _cid_font_pdf(codes: bytes) -> bytes:
    """A page whose font's encoding is a CMap stream pdfminer cannot name, with a ToUnicode map."""
    def stream(head: bytes, body: bytes) -> bytes:
        return b"<< %s /Length %d >>\nstream\n" % (head, len(body)) + body + b"\nendstream"

    system = b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
    enc = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom-UCS def "
           b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <0000> <FFFF> 0 endcidrange "
           b"endcmap CMapName currentdict /CMap defineresource pop end end")
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
                 b"1 begincodespacerange <0000> <FFFF> endcodespacerange 4 beginbfchar <0001> <65E5> <0002> <672C> "
                 b"<0003> <8A9E> <0004> <0020> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               stream(b"", b"BT /F1 24 Tf 72 700 Td <" + codes.hex().encode() + b"> Tj ET"),
               b"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKJP /Encoding 6 0 R /DescendantFonts [7 0 R] "
               b"/ToUnicode 8 0 R >>",
               stream(b"/Type /CMap /CMapName /Custom-UCS " + system, enc),
               b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKJP " + system +
               b" /FontDescriptor 9 0 R /DW 1000 /CIDToGIDMap /Identity >>",
               stream(b"", tounicode),
               b"<< /Type /FontDescriptor /FontName /NotoSansCJKJP /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
               b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"]
    return _pdf(objects)


def test_a_pdf_whose_fonts_the_layout_reader_cannot_decode_is_read_without_its_layout(tmp_path: Path):
    # A Japanese file's font names its encoding by a CMap stream pdfminer.six does not know: it read
    # no character, and the file was skipped as having no text layer. PDFium reads it through the
    # font's ToUnicode map; the report says the layout was not read.
    path = tmp_path / "japanese.pdf"
    path.write_bytes(_cid_font_pdf(b"\x00\x01\x00\x02\x00\x03\x00\x04\x00\x01\x00\x02"))
    result = load_paths([path])
    entry = result.report[0]
    assert entry.status == "ok" and "text read without its layout" in entry.line(), entry.line()
    doc = result.documents[0]
    assert doc.text == "日本語 日本" and [p.page for p in doc.pages] == [1]


def test_a_contents_page_with_long_dot_leaders_is_no_unreadable_page_and_its_coded_entries_are_left_out(tmp_path: Path):
    # A clinical guideline's contents point to pages by code ("MS-2") after dot leaders longer than
    # any word: the page was reported as having no word spaces, and its entries stayed in the text.
    entries = ["Overview", "Epidemiology", "Papillary Thyroid Carcinoma", "Follicular Thyroid Carcinoma",
               "Medullary Thyroid Carcinoma", "Anaplastic Thyroid Carcinoma"]
    ops = [b"BT /F1 10 Tf 72 %d Td (%s %s MS-%d) Tj ET" % (700 - 14 * i, name.encode(), b"." * 60, i + 2)
           for i, name in enumerate(entries)]
    ops += [b"BT /F1 10 Tf 72 %d Td (Thyroid nodules are approximately four times more common in women than in men.) Tj ET"
            % (600 - 14 * i) for i in range(3)]
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    result = load_paths([path])
    assert "unreadable" not in result.report[0].line(), result.report[0].line()
    assert "MS-2" not in result.documents[0].text and "Thyroid nodules are" in result.documents[0].text


def test_a_page_code_printed_in_the_margin_is_the_pages_label_and_a_running_head_is_not(tmp_path: Path):
    # A clinical guideline numbers its discussion pages "MS-1", "MS-2", ... at their foot: a
    # citation gives that code beside the PDF's page index. The same code on every page
    # ("COVID-19" atop each) is a running head, no page's label.
    def page(i: int, margin: bytes) -> bytes:
        body = b"\n".join(b"BT /F1 10 Tf 72 %d Td (Thyroid nodules are common and most of them are benign.) Tj ET"
                          % (700 - 14 * k) for k in range(3))
        return body + b"\n" + margin

    coded = tmp_path / "guideline.pdf"
    coded.write_bytes(_pages_pdf([page(i, b"BT /F1 8 Tf 500 40 Td (MS-%d) Tj ET" % (i + 1)) for i in range(4)]))
    doc = load_paths([coded]).documents[0]
    assert [(p.page, p.label) for p in doc.pages] == [(1, "MS-1"), (2, "MS-2"), (3, "MS-3"), (4, "MS-4")], doc.pages
    headed = tmp_path / "review.pdf"
    headed.write_bytes(_pages_pdf([page(i, b"BT /F1 8 Tf 72 760 Td (COVID-19) Tj ET") for i in range(4)]))
    assert all(not p.label for p in load_paths([headed]).documents[0].pages)


def test_a_damaged_pdfs_error_is_reported_in_a_line_not_with_the_files_bytes(tmp_path: Path):
    # A fuzzed file's parser error quotes the broken dictionary whole (kilobytes of names and bytes):
    # the ingest report keeps the error's kind and the start of its message.
    data = _one_page_pdf(b"BT /F1 10 Tf 72 700 Td (Hello there, this is text.) Tj ET")
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data.replace(b"<< /Type /Catalog /Pages 2 0 R >>",
                                  b"<< /Type /Catalog /Pages 2 0 R" + b" /Junk" * 400 + b" /Odd >>"))
    entry = load_paths([path]).report[0]
    assert entry.status == "skipped" and entry.reason.startswith("unreadable PDF (PSSyntaxError: "), entry.reason
    assert len(entry.reason) < 160 and entry.reason.endswith("...)"), entry.reason


def test_a_heading_goes_on_only_in_its_own_font():
    # A report's cover: a contact block's name in bold over its plain lines, all at 12 pt over text
    # at 10 pt. Each line reads as a heading by its size, and the name had gone on through the
    # telephone numbers and the address as one heading; a heading set on two lines in one font is
    # still one.
    def box(lines: list[tuple[str, str]], y: float) -> Box:
        made = tuple(Line(t, 72, y - 14 * i, 400, y - 14 * i + 12, 12.0, font) for i, (t, font) in enumerate(lines))
        return Box(made, 72, y - 14 * len(lines), 400, y + 12)

    boxes = [box([("National Hydro Network", "Bold"), ("Level 1 Data Model", "Bold")], 700),
             box([("Customer Service", "Bold"), ("Telephone : +01-819-564-4857", "Regular"),
                  ("URL : www.example.gc.ca", "Regular")], 600),
             Box((Line("The data model describes the hydrographic network of Canada.", 72, 500, 400, 510, 10.0, "Serif"),),
                 72, 500, 400, 510)]
    style = _Style("Serif", 10.0, (12.0,), frozenset({("Bold", 12.0)}))
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    blocks = [b for b in assembler.finish() if b.kind == "heading"]
    assert blocks[0].lines == ["National Hydro Network", "Level 1 Data Model"]
    assert blocks[1].lines == ["Customer Service"], [b.lines for b in blocks]


def test_a_heading_s_number_set_a_quad_from_its_name_is_read_with_it(tmp_path: Path):
    # LaTeX sets a section's number a quad or more from its name ("5" then "Implications", at 14 pt
    # with 15 pt between): read as two pieces, the number stood alone as a paragraph and the
    # section was named "Implications", or, as here, no heading was found at all.
    line = b"(Systems have grown more complex with every new generation of processors and their extensions.) Tj 0 -12 Td "

    def section(y: int, number: bytes, name: bytes) -> bytes:
        return (b"BT /F1 14 Tf 72 %d Td (%s) Tj ET BT /F1 14 Tf 98 %d Td (%s) Tj ET " % (y, number, y, name)
                + b"BT /F1 10 Tf 72 %d Td " % (y - 20) + line * 5 + b"ET ")

    path = tmp_path / "paper.pdf"
    path.write_bytes(_pages_pdf([section(740, b"3", b"Background") + section(640, b"4", b"Case study")
                                 + section(540, b"5", b"Implications")]))
    doc = load_paths([path]).documents[0]
    assert [s.path[-1] for s in doc.sections] == ["3 Background", "4 Case study", "5 Implications"]
    assert "\n5\n" not in doc.text


def test_a_paragraph_s_bold_run_in_name_is_a_heading_of_its_own(tmp_path: Path):
    # LaTeX's \paragraph sets a paragraph's name in bold at its start and the sentence runs on in
    # the text's font ("Sustainability While we may disagree ..."): the name opened the sentence, a
    # highlight started with it, and the section path stopped one level up. A bold word that a
    # sentence goes on from in lower case ("Shadow stacks are ...") stays in the sentence.
    def page(number: int, name: bytes, label: bytes) -> bytes:
        body = b"(recent extensions change the semantics of existing instructions in many ways.) Tj 0 -12 Td "
        return (b"BT /F1 14 Tf 72 740 Td (%d %s) Tj ET " % (number, name)
                + b"BT /F2 10 Tf 72 700 Td (%s) Tj /F1 10 Tf (  While designers disagree with some of the choices, the) Tj ET "
                  % label
                + b"BT /F1 10 Tf 72 688 Td " + body * 4 + b"ET "
                + b"BT /F2 10 Tf 72 600 Td (Shadow stacks) Tj /F1 10 Tf ( are kept in memory that ordinary stores cannot) Tj ET "
                  * (number == 1)
                + b"BT /F1 10 Tf 72 588 Td " + body * 4 + b"ET")

    # An ASME paper numbers its run-in names ("5.2 Hyperlinked Titles. When the ..."), and Rcpp's
    # FAQ runs its questions in, longer than a name ("2.15. What about the new ... feature.").
    contents = [page(1, b"Design", b"Sustainability"), page(2, b"Implications", b"2.1 Security concerns."),
                page(3, b"Questions", b"3.1. What about the new linking feature of the package."),
                page(4, b"Costs", b"4.1. Running costs.")]
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(len(contents)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (6 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    path = tmp_path / "paper.pdf"
    path.write_bytes(_pdf(objects))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("1 Design",), ("1 Design", "Sustainability"), ("2 Implications",),
                                              ("2 Implications", "2.1 Security concerns."), ("3 Questions",),
                                              ("3 Questions", "3.1. What about the new linking feature of the package."),
                                              ("4 Costs",), ("4 Costs", "4.1. Running costs.")]
    assert "Sustainability\n\nWhile designers disagree" in doc.text
    assert "Shadow stacks are kept in memory" in doc.text


def test_a_numbered_reference_list_reads_a_reference_a_line(tmp_path: Path):
    # A reference list set small keeps its printed lines, so each reference was cut at every line's
    # end and a word broken there stayed broken ("Confer-" / "ence"). The next reference starts at
    # the next number: a line that opens with another number ("2. 2006.", a page range) goes on.
    body = b"(Recent processor extensions change the semantics of many existing instructions.) Tj 0 -12 Td "
    refs = [b"[1] M. Abadi and J. Ligatti. Control-flow integrity. In 12th ACM Confer-",
            b"ence on Computer and Communications Security, pages 340-353, Nov.",
            b"2005.", b"[2] K. Adams and O. Agesen. A comparison of software and hardware",
            b"techniques for x86 virtualization. In Architectural Support, volume",
            b"2. 2006.", b"[3] N. Amit and D. Tsafrir. Virtual CPU validation. In Operating Systems."]
    content = (b"BT /F1 10 Tf 72 740 Td " + body * 6 + b"ET BT /F1 12 Tf 72 640 Td (References) Tj ET "
               + b"BT /F1 8 Tf 72 620 Td " + b"".join(b"(%s) Tj 0 -10 Td " % r for r in refs) + b"ET")
    path = tmp_path / "paper.pdf"
    path.write_bytes(_pages_pdf([content]))
    text = load_paths([path]).documents[0].text
    assert ("[1] M. Abadi and J. Ligatti. Control-flow integrity. In 12th ACM Conference on Computer and "
            "Communications Security, pages 340-353, Nov. 2005.\n") in text
    assert "\n[2] K. Adams and O. Agesen. A comparison of software and hardware techniques for x86 virtualization. " \
           "In Architectural Support, volume 2. 2006.\n[3] N. Amit" in text


def test_a_journals_numbered_headings_set_smaller_than_the_text_nest_by_their_numbering():
    # An APS journal (REVTeX) sets "II. MATH AND EQUATIONS" and "A. Multiline equations" in 9 pt
    # bold and "1. Wide equations" in 9 pt italic over 10 pt text: every box read as a footnote, so
    # the document had no section but its display equations ("M =ig2", "X"), which read as
    # headings for being in another font. One size, three ways of numbering: a way that starts
    # over ("A." after "B.") goes under the one that comes back after it ("II." after "B.").
    def box(text: str, font: str, size: float, y: float) -> Box:
        return Box((Line(text, 72, y, 300, y + size, size, font),), 72, y, 300, y + size)

    def prose(words: str, y: float) -> Box:
        return box(f"The {words} are set out in this paragraph of the section, as a journal does.", "Roman", 10.0, y)

    boxes = [box("I. INTRODUCTION", "Bold", 9.0, 700), prose("aims", 680),
             box("A. Background", "Bold", 9.0, 650), prose("earlier results", 630),
             box("1. Earlier trials", "Italic", 9.0, 600), prose("trials", 580),
             box("2. Earlier reviews", "Italic", 9.0, 550), prose("reviews", 530),
             box("M =ig2", "MathItalic", 10.0, 510),  # a display equation's line
             box("B. Aims", "Bold", 9.0, 490), prose("questions", 470),
             box("1. Primary aim", "Italic", 9.0, 450), prose("primary aims", 430),
             box("II. METHODS", "Bold", 9.0, 400), prose("methods", 380),
             box("A. Participants", "Bold", 9.0, 350), prose("participants", 330),
             box("X", "MathItalic", 10.0, 310),
             box("∗ Also at the Physics Department, XYZ University.", "Roman", 8.0, 290),  # a footnote
             # unnumbered, in the numbered headings' style
             box("ACKNOWLEDGMENTS", "Bold", 9.0, 270), prose("funders", 250),
             # a figure's words set large over its caption head no section
             box("Wide Test Figure", "Sans", 14.0, 230),
             box("FIG. 2. A figure that spans the page in two-column formatting.", "Roman", 8.0, 200)]
    style = _Style("Roman", 10.0, (14.0, 10.0, 9.0), frozenset({("Bold", 9.0), ("Italic", 9.0), ("Sans", 14.0)}))
    style = replace(style, numbered_styles=_numbered_styles([PageLayout(1, 612, 792, boxes)], set(), style))
    assert style.numbered_styles == {("Bold", 9.0), ("Italic", 9.0)}
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    text, _, sections = _render(assembler.finish(), Vocabulary([]), "An APS article")
    assert [s.path for s in sections] == [
        ("I. INTRODUCTION",), ("I. INTRODUCTION", "A. Background"),
        ("I. INTRODUCTION", "A. Background", "1. Earlier trials"), ("I. INTRODUCTION", "A. Background", "2. Earlier reviews"),
        ("I. INTRODUCTION", "B. Aims"), ("I. INTRODUCTION", "B. Aims", "1. Primary aim"),
        ("II. METHODS",), ("II. METHODS", "A. Participants"), ("ACKNOWLEDGMENTS",)], [s.path for s in sections]
    # the footnote is still small print, kept
    assert "Also at the Physics Department" in text


def test_an_appendix_lettered_after_the_last_numbered_section_stays_beside_it():
    # An AAS journal numbers its sections "1." to "6." and its appendices "A.", "B." in one style:
    # the numbers never come back after the letters, so the appendices are no subsections of "6.".
    def box(text: str, y: float, font: str = "Bold", size: float = 10.0) -> Box:
        return Box((Line(text, 72, y, 300, y + size, size, font),), 72, y, 300, y + size)

    boxes = []
    for n, name in enumerate(["1. INTRODUCTION", "2. DATA", "3. SOFTWARE", "A. APPENDIX INFORMATION", "B. CHARGES"]):
        boxes += [box(name, 700 - 60 * n), box("What this part of the article says, set out in a sentence.", 680 - 60 * n, "Roman")]
    style = _Style("Roman", 10.0, (10.0,), frozenset({("Bold", 10.0)}))
    assembler = _Assembler(style, {})
    for b in boxes:
        assembler.add_box(b, 1)
    _, _, sections = _render(assembler.finish(), Vocabulary([]), "An AAS article")
    assert [s.path for s in sections] == [("1. INTRODUCTION",), ("2. DATA",), ("3. SOFTWARE",),
                                          ("A. APPENDIX INFORMATION",), ("B. CHARGES",)]


def test_an_equations_line_in_its_own_font_is_no_heading():
    style = _Style("Roman", 10.0, (10.0,))
    for text in ("Ei =", "E = m c2", "X", "A 6= B"):
        assert not _is_heading(Line(text, 72, 500, 200, 510, 10.0, "MathItalic"), None, style), text
    assert _is_heading(Line("Results", 72, 500, 200, 510, 10.0, "Bold"), None, style)


def test_a_centred_heading_read_after_what_stands_beneath_it_is_put_back_above_it():
    # An APA paper, double-spaced so that every line is a box: pdfminer gave the flush-left
    # "Participants" before the centred "Method" above it, so "Participants" headed nothing and
    # "Method" took its paragraph. A table's cell or a reference number that stands above the
    # box before it stays where it was read: only a short centred line of words moves.
    def box(text: str, x0: float, x1: float, y: float) -> Box:
        return Box((Line(text, x0, y, x1, y + 12, 12.0, "Roman"),), x0, y, x1, y + 12)

    before = box("Praesent euismod nunc eu purus, the last line of the introduction.", 72, 539, 268)
    method = box("Method", 283, 329, 241)
    participants = box("Participants", 72, 143, 213)
    text = box("Forty adults took part, recruited from a university's register.", 108, 497, 186)
    order = _columns_in_order([before, participants, method, text], 612, 12.0)
    assert [b.lines[0].text for b in order][:3] == [before.lines[0].text, "Method", "Participants"]
    number = box("84.", 300, 312, 241)
    assert _columns_in_order([before, participants, number, text], 612, 12.0)[2] is number
    off_centre = box("Method", 150, 196, 241)
    assert _columns_in_order([before, participants, off_centre, text], 612, 12.0)[2] is off_centre


def test_a_paragraph_that_opens_by_naming_a_figure_is_running_text_and_a_caption_is_not():
    # "Figure 2 shows ..." opened a paragraph of an AAS article: read as a caption, its lines stayed
    # lines and the section heading beside the manuscript's line numbers went into it as a cell.
    style = _Style("Roman", 10.0, (10.0,))

    def box(*lines: str) -> Box:
        made = tuple(Line(t, 72, 700 - 12 * i, 540, 710 - 12 * i, 10.0, "Roman") for i, t in enumerate(lines))
        return Box(made, 72, 700 - 12 * len(lines), 540, 710)

    assert not _is_aside(box("Figure 2 shows an inverted pyramid of six panels, each", "drawn from a file of its own."), style)
    assert not _is_aside(box("Table 1 summarizes the data of the two arms."), style)
    assert _is_aside(box("Fig. 1 A figure caption with math"), style)
    assert _is_aside(box("Table 2. Baseline characteristics of the participants"), style)
    assert _is_aside(box("Figure 3: the trial's flow"), style)


@pytest.mark.parametrize(("lines", "noted"), [
    # prose whose text layer lost its word spaces: a page of it cannot be searched by word
    (["Thestudyenrolledtwohundredpatientswithdepression", "andfollowedthemforsixmonthsafterrandomisation"] * 4, True),
    # DNA sequences printed by a genomics tutorial are long words of four letters, read as they are
    (["27 TG-++-TCCTGCTGAGGTCCCCTTTCC 27 GG-++-GTGAATTCCTGTACATATTTC",
      "27 GC-++-CAATTCCATTATGTTTTAATG 27 TT-++-GTCAAAGCATCATCTCAACAA"] * 4, False),
    # a checksum list: hexadecimal digests use six letters
    (["sha256 3f786850e387550fdab836ed7e6dc881de23001b4e1c9e3a4d3c0a6f9b2d1e0c",
      "sha256 89e6c98d92887913cadf06b2adb97f26cde4849b0a1b2c3d4e5f6a7b8c9d0e1f"] * 4, False),
    # a slide of R code: long names, but short between their dots, brackets and underscores
    (["> library(BSgenome.Mmusculus.UCSC.mm10) > library(TxDb.Mmusculus.UCSC.mm10.knownGene)",
      "> PileupParam(distinguish_nucleotides=FALSE, distinguish_strands=FALSE)"] * 4, False),
])
def test_only_words_run_together_are_noted_as_a_page_without_word_spaces(tmp_path: Path, lines: list[str], noted: bool):
    ops = [b"BT /F1 9 Tf 72 %d Td (%s) Tj ET" % (700 - 14 * i, t.encode()) for i, t in enumerate(lines)]
    path = tmp_path / "page.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    result = load_paths([path])
    assert ("no word spaces" in result.report[0].line()) == noted, result.report[0].line()


def _fonts_pdf(contents: list[bytes], fonts: list[str]) -> bytes:
    """A PDF of one page per content stream, with the base fonts `fonts` as /F1, /F2, ... (a
    subset's tag, "ABCDEF+", before a standard font's name: its widths are given, as an embedded
    subset's are)."""
    n, f = len(contents), len(fonts)
    kids = b" ".join(b"%d 0 R" % (3 + f + 2 * i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n)]
    for name in fonts:
        widths = FONT_METRICS[name.split("+")[-1]][1]
        given = b" /FirstChar 32 /LastChar 126 /Widths [%s] /FontDescriptor << /Type /FontDescriptor /FontName /%s >>" % (
            b" ".join(b"%d" % widths.get(chr(c), 556) for c in range(32, 127)), name.encode()) if "+" in name else b""
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s%s >>" % (name.encode(), given))
    resources = b" ".join(b"/F%d %d 0 R" % (k + 1, k + 3) for k in range(f))
    for i, content in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << %s >> >> >>" % (4 + f + 2 * i, resources))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _pdf(objects)


def test_a_paragraph_left_on_a_word_no_sentence_ends_on_goes_on_atop_the_next_page(tmp_path: Path):
    # A tutorial printed from a browser: a paragraph's last line at a page's foot ends "... to prefix
    # each operation with", and the next page goes on with a name in code, capitalised
    # ("Restriction., so here is ..."): one paragraph, where it was read as two.
    prose = ["You will certainly notice that the package is quite slow to load. This is normal as each",
             "enzyme possesses its own class and there are many of them. This will not affect the speed",
             "of Python after the initial import. I find it cumbersome to prefix each operation with"]
    first = [b"BT /F1 11 Tf 72 720 Td (Importing the enzymes is the first step of every analysis in this tutorial.) Tj ET"]
    first += [b"BT /F1 11 Tf 72 %d Td (%s) Tj ET" % (120 - 14 * i, t.encode()) for i, t in enumerate(prose)]
    second = [b"BT /F2 11 Tf 72 720 Td (Restriction.) Tj ET",
              b"BT /F1 11 Tf 151.2 720 Td (, so here is another way to import the package.) Tj ET",
              b"BT /F1 11 Tf 72 690 Td (However, this method has one big disadvantage: it is almost impossible to use dir.) Tj ET"]
    path = tmp_path / "restriction.pdf"
    path.write_bytes(_fonts_pdf([b"\n".join(first), b"\n".join(second)], ["Times-Roman", "Courier"]))
    text = load_paths([path]).documents[0].text
    assert "to prefix each operation with Restriction., so here is another way to import the package.\n\nHowever" in text


def test_a_subsets_line_a_cited_works_pages_and_a_continued_heading_open_no_section(tmp_path: Path):
    # A TeX manual embeds its sans-serif text in two subsets ("PRHUPG+NimbusSanL-Regu",
    # "WSCXRD+NimbusSanL-Regu"), read as two fonts (an R manual's output lines, in a typewriter
    # font's two subsets, were joined as prose). A reference's last line, mostly its journal's name
    # in italics ("Comp. Appl. Biosci., 6:373-381, 1990."), was read as a heading, which ended the
    # reference list; and "Version history (cont.)" atop the next page opened a section under
    # "Version history". A heading in a bold font still opens one.
    def at(font: int, size: float, y: float, text: str, x: float = 72) -> bytes:
        return b"BT /F%d %g Tf %g %g Td (%s) Tj ET" % (font, size, x, y, text.encode())

    body = ["The programs compare a protein sequence to a protein sequence database.",
            "Search speed and selectivity are controlled with the ktup parameter.",
            "The default scoring matrix is BLOSUM50 and gap penalties are set for it."]

    def text(y: float) -> list[bytes]:
        return [at(1, 10, y - 14 * i, t) for i, t in enumerate(body)]

    pages = [
        [at(3, 20, 760, "The FASTA program package"), at(3, 14, 740, "Using the programs"), *text(720),
         at(2, 10, 660, "Statistical estimates of significance"), *text(646)],
        [at(3, 14, 740, "Searching libraries"), *text(720), at(2, 10, 660, "Results without alignments"), *text(646),
         at(3, 14, 580, "References"),
         at(1, 10, 560, "[1] W. R. Pearson and D. J. Lipman. Improved tools for sequence comparison."),
         at(4, 10, 546, "Comp. Appl. Biosci., 6:373-381, 1990.", 95),
         at(1, 10, 526, "[2] Z. Zhang, W. R. Pearson and W. Miller. Aligning a DNA sequence with a protein.")],
        [at(4, 10, 740, "J. Computational Biology, 4:339-349, 1997.", 95), at(3, 14, 700, "Version history"), *text(680)],
        [at(3, 12, 740, "Version history (cont.)"), *text(720)],
        [at(3, 12, 740, "Version history (cont.)"), *text(720)],
    ]
    path = tmp_path / "manual.pdf"
    path.write_bytes(_fonts_pdf([b"\n".join(page) for page in pages],
                                ["PRHUPG+Helvetica", "WSCXRD+Helvetica", "Helvetica-Bold", "Helvetica-Oblique"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("Using the programs",), ("Searching libraries",), ("References",),
                                              ("Version history",)], doc.sections
    assert doc.in_references(doc.text.index("J. Computational Biology"))
    # the two subsets are one typeface, as the text and a typewriter font's lines are told by it
    fonts = {ln.text: ln.font for page in read_layout(path)[0] for box in page.boxes for ln in box.lines}
    assert fonts["Statistical estimates of significance"] == fonts[body[0]] == "Helvetica"


def test_a_reference_list_entrys_wrapped_lines_are_one_paragraph_whatever_its_first_line_ends_with(tmp_path: Path):
    # A numbered entry's line may end where a "sentence" does ("... perspective. J." / "Mol. Biol.,
    # 219:555-65, 1991."): its lines at the hanging indent under its number went on as paragraphs
    # of their own. The next number opens the next entry.
    lines = [(72, "[1] S. F. Altschul. Amino acid substitution matrices from an information theoretic perspective. J."),
             (95, "Mol. Biol., 219:555-65, 1991."),
             (72, "[2] S. F. Altschul and W. Gish. Local alignment statistics. Methods Enzymol., 266:460-480,"),
             (95, "1996."),
             (72, "[3] M. Farrar. Striped Smith-Waterman speeds database searches six times over other simd"),
             (95, "implementations. Bioinformatics, 23:156-161, 2007.")]
    ops = [b"BT /F1 14 Tf 72 740 Td (References) Tj ET"]
    y = 715.0
    for x, text in lines:
        y -= 23 if text.startswith("[") else 13.5
        ops.append(b"BT /F1 10.9 Tf %g %g Td (%s) Tj ET" % (x, y, text.encode()))
    path = tmp_path / "references.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    text = load_paths([path]).documents[0].text
    assert text.split("\n\n")[1:] == [
        "[1] S. F. Altschul. Amino acid substitution matrices from an information theoretic perspective. J. Mol. Biol., "
        "219:555-65, 1991.",
        "[2] S. F. Altschul and W. Gish. Local alignment statistics. Methods Enzymol., 266:460-480, 1996.",
        "[3] M. Farrar. Striped Smith-Waterman speeds database searches six times over other simd implementations. "
        "Bioinformatics, 23:156-161, 2007."], text


def test_a_heading_wrapped_into_a_box_of_its_own_at_its_hanging_indent_is_one_heading(tmp_path: Path):
    # An Elsevier two-column paper wraps a long numbered heading, its second line at the hanging
    # indent after the number, a box of its own: "coupling" was read as a paragraph under the
    # section "2. Evanescent vs. conventional quadrupole light-matter".
    def at(font: int, y: float, text: str, x: float = 38) -> bytes:
        return b"BT /F%d 10 Tf %g %g Td (%s) Tj ET" % (font, x, y, text.encode())

    body = ["There are few experiments concerned with resonant interaction of the WGM.",
            "But the dipole exciton has some disadvantages compared to the quadrupole one."]
    page = [at(2, 740, "1. Introduction"), at(1, 726, body[0]), at(1, 714, body[1]),
            at(2, 612, "2. Evanescent vs. conventional quadrupole light-matter"), at(2, 600, "coupling", 50),
            at(1, 579, "Assume that a single sphere of radius r0 is placed at a small distance."), at(1, 567, body[1])]
    results = [at(2, 740, "3. Results"), at(1, 726, body[0]), at(1, 714, body[1])]
    path = tmp_path / "paper.pdf"
    path.write_bytes(_fonts_pdf([b"\n".join(page), b"\n".join(results)], ["Times-Roman", "Times-Bold"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [
        ("1. Introduction",), ("2. Evanescent vs. conventional quadrupole light-matter coupling",), ("3. Results",)]


@pytest.mark.parametrize(("title", "meaningful"), [
    ("apssamp.dvi", False),  # what TeX's dvips writes: the file, not the article
    ("Microsoft PowerPoint - results.pptx", False), ("report.docx", False), ("Untitled", False),
    ("A trial of hand washing at home", True), ("Node.js", True),  # a name with a dot is no file
    ("\u25c3" * 20, False),  # a row of ornaments under a slide's title: no letter, no name
])
def test_a_files_title_that_names_a_file_or_a_program_is_no_title(title: str, meaningful: bool):
    from assistant.ingest.clean import meaningful_title

    assert meaningful_title(title) == meaningful


def test_a_row_of_ornaments_a_drop_letter_and_a_date_do_not_title_a_document(tmp_path: Path):
    # A Chinese slide deck's title page, as its text reads: the title, a row of ornaments under it,
    # the author and the date. Taking the longest line, the ornaments and then the date (more
    # characters than the title's ten) had named it.
    path = tmp_path / "deck.txt"
    path.write_text("\u7b80\u6d01\u7f8e\u89c2\u7684\u5e7b\u706f\u7247\u4e3b\u9898\n" + "\u25c3" * 40
                    + "\n\u65e0\u540d\u5c0f\u5352\n2016 \u5e74 5 \u6708 25 \u65e5\n\n"
                    + "Epyt \u662f\u4e00\u4e2a\u7b80\u6d01\u7f8e\u89c2\u7684 Beamer \u6f14\u793a\u4e3b\u9898\u3002\n",
                    encoding="utf-8")
    assert load_file(path, "deck.txt")[0].title == "\u7b80\u6d01\u7f8e\u89c2\u7684\u5e7b\u706f\u7247\u4e3b\u9898"
    path.write_text("Flu notes\nJanuary 23, 2017\n\nThe flu season began early this year, and notes were kept.\n")
    assert load_file(path, "notes.txt")[0].title == "Flu notes"
    # A CV's drop letter, its own line over the bullets, had been the title "N".
    path.write_text("N\n\n\u2022 More than 50 novels written\n\u2022 Designed space travels\n")
    assert load_file(path, "verne-cv.txt")[0].title == "verne-cv.txt"


def test_text_drawn_far_off_the_page_is_not_read_and_a_table_run_past_its_edge_is(tmp_path: Path):
    # beamer moves an overlay's items not yet shown thousands of points off the slide: every later
    # slide of the build showed them again in the text ("simple templates: ..." read three times).
    # A long table that LaTeX let run past the page's bottom edge still holds the document's rows.
    ops = [b"BT /F1 10 Tf 72 700 Td (Epyt is a simple theme for Beamer.) Tj ET",
           b"BT /F1 10 Tf 4034 680 Td (Simple colors: using only several foreground colors.) Tj ET",
           b"BT /F1 10 Tf 72 -145 Td (gunzip foo.gz decompresses foo.gz into foo) Tj ET"]
    path = tmp_path / "slide.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert "Epyt is a simple theme" in doc.text and "Simple colors" not in doc.text, doc.text
    assert "gunzip foo.gz decompresses" in doc.text, doc.text


def test_squared_paper_behind_a_slides_text_is_no_table(tmp_path: Path):
    # A beamer theme draws squared paper (a rule every 2.8 pt, across and down) behind every slide:
    # read as a ruled table, the whole slide became one box of rows, its paragraph's lines and the
    # footer each a row. A real ruled table's rows stand between its rules.
    rules = [b"0 %.1f m 612 %.1f l S" % (y * 2.8, y * 2.8) for y in range(283)]
    rules += [b"%.1f 0 m %.1f 792 l S" % (x * 2.8, x * 2.8) for x in range(219)]
    prose = ["Epyt is a simple but nice theme for Beamer, with the", "following features: a footer and no side bar.",
             "Its styles change the colours of the text and its", "background, and five accent colours come with each."]
    ops = [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 12 * i, line.encode()) for i, line in enumerate(prose)]
    path = tmp_path / "slide.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join([b"0.1 w", *rules, *ops])))
    doc = load_paths([path]).documents[0]
    assert "with the following features" in doc.text and "its background, and five" in doc.text, doc.text


def test_a_decks_file_title_printed_on_its_title_slide_wins_over_its_contents_slides_heading(tmp_path: Path):
    # A beamer deck's title slide sets its title in two words over its subtitle, both smaller than
    # the next slide's "Table of contents", which had titled the deck. The file's title joins the
    # two ("Long title - With a subtitle"), and its first part is a line of the title slide.
    def text(size: int, y: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 40 %d Td (%s) Tj ET" % (size, y, words.encode())

    slides = [b"\n".join([text(12, 240, "Maxime Chupin"), text(8, 200, "April 21, 2022"), text(20, 150, "Deep fish"),
                          text(14, 120, "A survey of the abyss")]),
              b"\n".join([text(24, 240, "Table of contents"), text(10, 200, "1 The first section"),
                          text(10, 180, "2 Second section")]),
              b"\n".join([text(16, 240, "The first section"),
                          text(10, 200, "Fish living below a depth of a thousand metres are seldom seen alive.")])]
    path = tmp_path / "deck.pdf"
    path.write_bytes(_deck_pdf(slides, "Deep fish - A survey of the abyss"))
    assert load_paths([path]).documents[0].title == "Deep fish - A survey of the abyss"


def _deck_pdf(slides: list[bytes], title: str, size: tuple[int, int] = (363, 272)) -> bytes:
    """A 4:3 slide deck of one page per content stream, with Helvetica as /F1 and `title` as the
    file's /Title; `size` is a page's width and height (beamer's, or PowerPoint's 720 by 540)."""
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(len(slides)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(slides)),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b"<< /Title (%s) >>" % title.encode()]
    for i, content in enumerate(slides):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (*size, 6 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return _pdf(objects, info=4)


def test_a_decks_contents_slide_numbering_its_entries_is_left_out(tmp_path: Path):
    # beamer's contents slide numbers the sections ("1. Aspect ratio") where the slides' headings
    # are not: the entries stayed in the text, a passage of headings ranked for their words.
    def text(size: int, y: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 20 %d Td (%s) Tj ET" % (size, y, words.encode())

    topics = [("Aspect ratio", "This deck uses a wide aspect ratio of sixteen to nine."),
              ("Fonts", "The Fira fonts are used by default, and Noto can replace them."),
              ("Colours", "Define a new colour before the document begins to change the theme's.")]
    slides = [b"\n".join([text(20, 200, "A minimalistic theme for talks"), text(12, 150, "Kai Clasen")]),
              b"\n".join([text(16, 240, "Outline"), *(text(11, 200 - 20 * i, f"{i + 1}. {t}") for i, (t, _) in enumerate(topics))]),
              *(b"\n".join([text(16, 240, heading), text(11, 200, line)]) for heading, line in topics)]
    path = tmp_path / "deck.pdf"
    path.write_bytes(_deck_pdf(slides, ""))
    doc = load_paths([path]).documents[0]
    assert "1. Aspect ratio" not in doc.text and "Outline" not in doc.text, doc.text
    assert [s.path for s in doc.sections] == [("Aspect ratio",), ("Fonts",), ("Colours",)], doc.sections


def test_a_two_column_slide_shrunk_to_fit_is_read_column_by_column_as_lists(tmp_path: Path):
    # PowerPoint's two-content slide, exported by LibreOffice: each column's list shrunk to fit
    # (28 and 24 pt against the deck's 32 pt). As small print it was read as one table, row by row
    # across the columns: "• Behavioural • Cognitive", "– Stimulus control – Challenging beliefs".
    # (A slide whose lines pair across the page, a table's rows, keeps them: `_rows_across`.)
    def text(size: int, x: int, y: int, words: str) -> bytes:
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, words.encode())

    def bullets(head: str, items: list[str]) -> bytes:
        return b"\n".join([text(44, 150, 456, head), *(text(32, 43, 378 - 45 * i, "- " + t) for i, t in enumerate(items))])

    columns = [text(44, 160, 456, "CBT-I components"), text(28, 43, 382, "Behavioural"), text(28, 373, 382, "Cognitive")]
    columns += [text(24, 79, 348 - 34 * i, "- " + t) for i, t in enumerate(["Stimulus control", "Sleep restriction", "Regular wake time"])]
    # the right column's items wrap, so its lines stand on other baselines than the left's
    columns += [text(24, x, y, t) for x, y, t in ((409, 331, "- Challenging beliefs"), (432, 302, "about sleep"),
                                                  (409, 265, "- Reducing worry at"), (432, 236, "bedtime"),
                                                  (409, 199, "- Relaxation training"))]
    slides = [text(44, 60, 300, "Sleep and Depression in Adolescents"),
              bullets("Why sleep matters", ["Adolescents need 8 to 10 hours", "Few sleep 8 hours or more",
                                            "Short sleep predicts low mood"]),
              b"\n".join(columns),
              bullets("Take-home messages", ["Ask about sleep", "Treat insomnia directly", "Melatonin can help"])]
    path = tmp_path / "lecture.pdf"
    path.write_bytes(_deck_pdf(slides, "", (720, 540)))
    doc = load_paths([path]).documents[0]
    assert "Behavioural\n\n- Stimulus control\n\n- Sleep restriction\n\n- Regular wake time\n\nCognitive" in doc.text, doc.text


def test_lines_paired_across_a_slide_read_as_a_tables_rows_not_columns():
    # A slide's table set small (names beside their values, each row on one baseline) keeps its
    # rows: its size is the slide's text size, yet its lines pair across the page. A two-column
    # slide's lists wrap at their own places and pair seldom.
    from assistant.ingest.pdf_layout import _rows_across

    def box(x: float, *rows: tuple[str, float]) -> Box:
        lines = tuple(Line(t, x, y, x + 6 * len(t), y + 10, 10.0, "F") for t, y in rows)
        return Box(lines, x, min(ln.y0 for ln in lines), max(ln.x1 for ln in lines), max(ln.y1 for ln in lines))

    table = [box(40, ("Regular", 200), ("Medium", 186), ("Bold", 172)), box(200, ("Lorem ipsum", 200), ("Lorem ipsum", 186),
                                                                          ("Lorem ipsum", 172))]
    lists = [box(40, ("- Stimulus control", 200), ("- Sleep restriction", 180)),
             box(300, ("- Challenging beliefs", 192), ("about sleep", 176), ("- Reducing worry", 160))]
    assert _rows_across(table) and not _rows_across(lists)


def test_a_decks_title_slide_names_no_section_by_its_authors_name(tmp_path: Path):
    # A beamer theme sets the author on the title slide larger than the slides' text, in the size of
    # their subheadings: read as a heading, "Ivan Gankevich" had been the deck's first section,
    # holding its title slide.
    def text(size: int, y: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 20 %d Td (%s) Tj ET" % (size, y, words.encode())

    body = ["Apply the theorem to a wave profile to get its autocorrelation function.",
            "Multiply the profile by a decaying exponent before the transform."]
    slides = [b"\n".join([text(20, 200, "Standing and propagating ocean waves"), text(14, 120, "Ivan Gankevich"),
                          text(12, 90, "Aug 26, 2016")]),
              *(b"\n".join([text(16, 240, heading), text(14, 215, sub), text(10, 190, line)])
                for heading, sub, line in (("Two methods of finding the ACF", "Analytic method", body[0]),
                                           ("Verification", "Empirical method", body[1])))]
    path = tmp_path / "deck.pdf"
    path.write_bytes(_deck_pdf(slides, ""))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("Two methods of finding the ACF",), ("Two methods of finding the ACF", "Analytic method"),
                                              ("Verification",), ("Verification", "Empirical method")], doc.sections
    assert "Ivan Gankevich" in doc.text


def test_a_title_ends_on_no_comma_left_before_its_dropped_footnote_marks(tmp_path: Path):
    # Elsevier's class sets the title's footnote marks raised after a comma ("title,1,2"); the raised
    # numbers are dropped as citation marks, and the comma stood at the title's end.
    end = 72 + sum(FONT_METRICS["Helvetica"][1][c] for c in "This is a specimen title,") * 20 / 1000
    ops = [b"BT /F1 20 Tf 72 720 Td (This is a specimen title,) Tj ET", b"BT /F1 12 Tf %g 728 Td (1) Tj ET" % (end + 0.5),
           b"BT /F1 10 Tf 72 680 Td (The evanescent field of the whispering gallery mode is studied here.) Tj ET",
           b"BT /F1 10 Tf 72 666 Td (The polariton is trapped inside the sphere for nanoseconds.) Tj ET"]
    path = tmp_path / "specimen.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    assert load_paths([path]).documents[0].title == "This is a specimen title"


def test_a_contents_whose_leaders_stand_apart_from_its_entries_is_left_out(tmp_path: Path):
    # dblatex through xdvipdfmx: each entry's dot leaders are drawn apart from its title and page
    # number, so the text layer holds lines of leaders alone, and boxes of titles with their page
    # numbers ("3.1 Netzwerk 2") or of page numbers alone. Those lines stayed in the text, above
    # the chapters they name.
    names = ["Einleitung", "Methoden", "Ergebnisse", "Diskussion"]
    ops = [b"BT /F1 17 Tf 72 740 Td (Inhaltsverzeichnis) Tj ET"]
    y = 712
    for n, name in enumerate(names, 1):
        ops.append(b"BT /F1 10 Tf 72 %d Td (%d %s) Tj ET" % (y, n, name.encode("latin-1")))
        ops.append(b"BT /F1 10 Tf 300 %d Td (%s) Tj ET" % (y, b"." * 40))
        ops.append(b"BT /F1 10 Tf 530 %d Td (%d) Tj ET" % (y, n + 1))
        y -= 16
    y -= 30
    for n, name in enumerate(names, 1):
        ops.append(b"BT /F1 14 Tf 72 %d Td (%d %s) Tj ET" % (y, n, name.encode("latin-1")))
        y -= 22
        ops.append(b"BT /F1 10 Tf 72 %d Td (Die Teilnehmer lernten am Abend Wortpaare und schliefen danach.) Tj ET" % y)
        y -= 30
    path = tmp_path / "handbuch.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert "...." not in doc.text and doc.text.count("Methoden") == 1, doc.text
    assert "Inhaltsverzeichnis" not in doc.text and "\n3\n" not in doc.text, doc.text


def test_a_pdfs_nested_list_items_set_apart_are_embedded_after_their_parent_item(tmp_path: Path, encoder):
    # dblatex sets each list item as a paragraph of its own, a nested list's with an en dash: "–
    # workstation or standalone: 30 GiB." was embedded alone, so "How much disk space does a
    # workstation need?" highlighted the RAM item. Past its siblings, the item above that ends in a
    # colon is the one it belongs to; a top-level item has none.
    from assistant.chunking import make_passages
    from assistant.config import ChunkingParams

    ops = [b"BT /F1 16 Tf 72 740 Td (Requirements) Tj ET",
           b"BT /F1 10 Tf 72 712 Td (The hardware a school network needs depends on what each machine is for.) Tj ET"]
    y = 690
    for bullet, x, text in [(b"\\267", 80, b"Thin clients with only 256 MiB RAM are possible."),
                            (b"\\267", 80, b"The minimum disk space depends on the profile which is installed:"),
                            (b"\\261", 100, b"LTSP server: 40 GiB."), (b"\\261", 100, b"workstation or standalone: 30 GiB."),
                            (b"\\267", 80, b"LTSP servers need two network cards.")]:
        ops.append(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, y, bullet))
        ops.append(b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x + 10, y, text))
        y -= 20
    path = tmp_path / "requirements.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert "\n\n– workstation or standalone: 30 GiB.\n\n" in doc.text, doc.text
    ps = make_passages(doc, encoder.count_tokens, ChunkingParams())
    seen = {doc.text[s:e]: t for p in ps for (s, e), t in zip(p.sentences, p.embedded_sentences)}
    parent = "• The minimum disk space depends on the profile which is installed:"
    assert seen["– workstation or standalone: 30 GiB."] == parent + "\n– workstation or standalone: 30 GiB.", seen
    assert seen["• LTSP servers need two network cards."] == "• LTSP servers need two network cards.", seen


def test_a_column_of_hanging_bullets_goes_back_before_each_items_line(tmp_path: Path):
    # LibreOffice prints a nested list's en-dash bullets apart from their items' text, and pdfminer
    # grouped them in a box of their own, a column of bullets beside a box of the items: "– – –"
    # read as lines apart from the items, and one item with two bullets ("––sleep apnoea ...").
    ops = [b"BT /F1 12 Tf 84 540 Td (\\267 Ask about the following symptoms:) Tj ET"]
    for n, text in enumerate([b"difficulty falling asleep for more than 30 minutes;",
                              b"waking up during the night three or more times;", b"daytime tiredness that affects work."]):
        y = 524 - 14 * n
        ops.append(b"BT /F1 12 Tf 120 %.1f Td (\\261) Tj ET" % y)
        ops.append(b"BT /F1 12 Tf 144 %.1f Td (%s) Tj ET" % (y, text))
    ops.append(b"BT /F1 12 Tf 84 460 Td (\\267 Check the medication history, including over-the-counter products.) Tj ET")
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    text = load_paths([path]).documents[0].text
    assert ("• Ask about the following symptoms:\n\n– difficulty falling asleep for more than 30 minutes;\n\n"
            "– waking up during the night three or more times;\n\n– daytime tiredness that affects work.") in text, text


def test_a_watermark_lying_over_the_text_is_neither_the_title_nor_text(tmp_path: Path):
    # "DRAFT COPY" at 90 pt in light grey over a two-column page was read as the title and as a
    # paragraph; set diagonally, it stood between the heading and the text. A watermark holds the
    # text it lies over; the title (16 pt, over nothing) stays.
    left = ["Sleep restriction therapy limits the time spent in bed", "to the time a person actually sleeps, and then",
            "lengthens it week by week as sleep becomes", "more efficient. Most trials report that it helps",
            "within four weeks of starting."]
    right = ["Stimulus control asks a person to leave the bed", "when they cannot sleep and to return only when",
             "sleepy again. It is often combined with sleep", "restriction, and the two together work better",
             "than either alone in most studies."]
    for name, mark in (("level", b"BT 0.85 g /F1 90 Tf 110 640 Td (DRAFT COPY) Tj ET"),
                       ("diagonal", b"BT 0.85 g /F1 90 Tf 0.707 0.707 -0.707 0.707 150 560 Tm (DRAFT) Tj ET")):
        ops = [b"BT /F1 16 Tf 72 740 Td (Treating insomnia without drugs) Tj ET"]
        for i, (a, b) in enumerate(zip(left, right)):
            ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 14 * i, a.encode()))
            ops.append(b"BT /F1 10 Tf 320 %d Td (%s) Tj ET" % (700 - 14 * i, b.encode()))
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(_one_page_pdf(b"\n".join([*ops, mark])))
        doc = load_paths([path]).documents[0]
        assert doc.title == "Treating insomnia without drugs", name
        assert "DRAFT" not in doc.text, name
        assert "Treating insomnia without drugs\n\nSleep restriction therapy limits" in doc.text, name
        assert "within four weeks of starting.\n\nStimulus control asks" in doc.text, name


def test_a_posters_headings_side_by_side_on_one_baseline_open_sections_not_table_cells(tmp_path: Path):
    # A poster's boxes stand side by side, each headed at 18 pt over 10 pt text, so two headings
    # share a baseline as a table's header cells do; they had been read as cells, no section opened,
    # and "Findings" ran into the box's first line. A table's header is set at about the text's size.
    # A poster is read column by column.
    boxes = [("Background", ["Insomnia affects one adult in ten and often", "lasts for years without treatment."]),
             ("Findings", ["Sleep restriction shortened the time to fall", "asleep by twenty minutes on average."]),
             ("Methods", ["Two hundred adults kept sleep diaries for", "eight weeks before and after therapy."]),
             ("Outlook", ["A larger trial will follow the patients for", "two years to see whether gains last."])]
    ops = []
    for k, (heading, lines) in enumerate(boxes):
        x, top = 72 + 260 * (k % 2), 700 - 160 * (k // 2)
        ops.append(b"BT /F1 18 Tf %d %d Td (%s) Tj ET" % (x, top, heading.encode()))
        ops += [b"BT /F1 10 Tf %d %d Td (%s) Tj ET" % (x, top - 24 - 13 * i, ln.encode()) for i, ln in enumerate(lines)]
    path = tmp_path / "poster.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    doc = load_paths([path]).documents[0]
    assert [s.path[-1] for s in doc.sections] == ["Background", "Methods", "Findings", "Outlook"]  # column by column
    assert "Findings\n\nSleep restriction shortened" in doc.text


def test_a_page_of_four_columns_is_read_column_by_column(tmp_path: Path):
    # A newsletter's or a poster's four columns, each of three paragraphs, each column starting a
    # little lower than the one before: pdfminer's order put the third column's paragraphs between
    # the fourth's ("C3P1", "C4P1", "C3P2", ...); the page was parted at its middle gutter only.
    # Each half is now parted again at its own gutter.
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau".split()
    ops, order = [], []
    for column in range(4):
        x, y = 36 + 142 * column, 740 - 25 * column
        for paragraph in range(3):
            tag = f"C{column + 1}P{paragraph + 1}"
            order.append(tag)
            lines = 3 + (paragraph + column) % 3  # paragraphs of 3 to 5 lines, so no two columns' line up
            for i in range(lines):
                three = " ".join(words[(7 * column + 3 * paragraph + 2 * i + k) % len(words)] for k in range(3))
                text = (f"{tag} opens with {three}" if i == 0 else f"and then {three}") + ("." if i == lines - 1 else "")
                ops.append(b"BT /F1 8 Tf %d %d Td (%s) Tj ET" % (x, y, text.encode()))
                y -= 11
            y -= 20
    path = tmp_path / "four-columns.pdf"
    path.write_bytes(_one_page_pdf(b"\n".join(ops)))
    assert re.findall(r"C\dP\d", load_paths([path]).documents[0].text) == order


def test_a_list_mark_in_a_symbol_font_without_a_character_reads_as_a_bullet(tmp_path: Path):
    # Word sets its bullets in the Symbol font, which a PDF maps to the private-use U+F0B7, and a
    # poster its sub-items' chevrons in FontAwesome, with no character at all: the mark was dropped,
    # so the items read as one paragraph ("... at bedtime. Keep the bedroom dark ..."). /F2 here
    # is a symbol font whose code "A" is the glyph uniF0B7.
    items = [b"Avoid caffeine after noon.", b"Get up at the same time every day.", b"Keep the bedroom dark and quiet."]
    content = b"\n".join([b"BT /F1 10 Tf 72 720 Td (Advice for sleeping well:) Tj ET"] + [
        b"BT /F2 10 Tf 80 %d Td (A) Tj ET BT /F1 10 Tf 92 %d Td (%s) Tj ET" % (704 - 14 * i, 704 - 14 * i, item)
        for i, item in enumerate(items)])
    path = tmp_path / "bullets.pdf"
    path.write_bytes(_one_page_pdf(content, (b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol "
                                            b"/Encoding << /Differences [65 /uniF0B7] >> >>",)))
    text = load_paths([path]).documents[0].text
    assert "• Avoid caffeine after noon.\n\n• Get up at the same time every day.\n\n• Keep the bedroom dark and quiet." in text


def test_tex_math_glyphs_without_a_character_map_read_as_their_symbols(tmp_path: Path):
    # pdfTeX wrote no character map for its math fonts before 2019 (common on arXiv): the extension
    # font's summation sign, code 80, read as the standard encoding's "P", the symbol font's negation
    # slash (code 54, set before "=") as "6", and a display's big brackets as "h" and "i". The
    # fonts here name their glyphs as cmex10 and cmsy10 do and give no /ToUnicode.
    tex_font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /FirstChar 0 /LastChar 127 /Widths [%s] " \
               b"/Encoding << /Type /Encoding /Differences [%s] >> >>"
    widths = b" ".join(b"600" for _ in range(128))
    no_width = b" ".join(b"0" if code == 54 else b"600" for code in range(128))
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (The weights satisfy ) Tj /F2 10 Tf (P) Tj /F1 10 Tf ( wi = 1 and a ) Tj "
        b"/F3 10 Tf (6) Tj /F1 10 Tf (= b.) Tj ET",
        b"BT /F1 10 Tf 72 686 Td (Hence the total ) Tj /F2 10 Tf (h) Tj /F1 10 Tf (x + y) Tj /F2 10 Tf (i) Tj "
        b"/F1 10 Tf ( grows with each weight.) Tj ET"])
    path = tmp_path / "math.pdf"
    path.write_bytes(_one_page_pdf(content, (
        tex_font % (b"CMEX10", widths, b"80 /summationtext 88 /summationdisplay 104 /parenleftBig /parenrightBig"),
        tex_font % (b"CMSY10", no_width, b"54 /negationslash"))))
    text = load_paths([path]).documents[0].text
    assert "The weights satisfy ∑ wi = 1 and a ≠ b." in text
    assert "Hence the total x + y grows with each weight." in text


def test_the_authors_and_date_under_a_title_open_no_section(tmp_path: Path):
    # LaTeX's title block: the title, then the author and the date set larger than the text, as
    # headings are. The author's line had headed the abstract ("Achim Zeileis" over it); the file's
    # metadata names the author, and a date alone names no section, nor do dates with their labels
    # (edgeR's vignette: "10 October 2012 Revised 8 October 2014" had headed its whole text).
    def line(y: int, size: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 72 %d Td (%s) Tj ET" % (size, y, words.encode())

    for dated in ("October 31, 2022", "10 October 2012 Revised 8 October 2014"):
        _title_block_paper(tmp_path, line, dated)


def _title_block_paper(tmp_path: Path, line, dated: str) -> None:  # type: ignore[no-untyped-def]
    prose = "The estimators are consistent under heteroskedasticity of unknown form, as shown below."
    content = b"\n".join([line(720, 18, "Robust Covariance Estimation"), line(690, 12, "Ada Lovelace and Charles Babbage"),
                          line(672, 12, dated), *(line(640 - 12 * i, 10, prose) for i in range(3)),
                          line(590, 14, "1 Introduction"), *(line(570 - 12 * i, 10, prose) for i in range(3)),
                          line(500, 14, "2 Methods"), *(line(480 - 12 * i, 10, prose) for i in range(3))])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
               b"/Resources << /Font << /F1 6 0 R >> >> >>",
               b"<< /Title (Robust Covariance Estimation) /Author (Ada Lovelace and Charles Babbage) >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    path = tmp_path / "paper.pdf"
    path.write_bytes(_pdf(objects, info=4))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("1 Introduction",), ("2 Methods",)], (dated, doc.sections)
    assert "Ada Lovelace and Charles Babbage" in doc.text and dated in doc.text


def test_the_line_over_the_date_under_a_title_is_its_byline_where_no_metadata_names_it(tmp_path: Path):
    # limma's vignette: title, "Gordon Smyth", "23 October 2004, Revised 21 October 2013", set
    # larger than the text, and no author in the file's metadata: the name had headed the whole text.
    def line(y: int, size: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 72 %d Td (%s) Tj ET" % (size, y, words.encode())

    prose = "The estimators are consistent under heteroskedasticity of unknown form, as shown below."
    content = b"\n".join([line(720, 18, "Limma Package Introduction"), line(690, 12, "Gordon Smyth"),
                          line(672, 12, "23 October 2004, Revised 21 October 2013"),
                          *(line(640 - 12 * i, 10, prose) for i in range(3)),
                          line(590, 14, "1 Introduction"), *(line(570 - 12 * i, 10, prose) for i in range(3)),
                          line(500, 14, "2 Methods"), *(line(480 - 12 * i, 10, prose) for i in range(3))])
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    path = tmp_path / "limma.pdf"
    path.write_bytes(_pdf(objects))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("1 Introduction",), ("2 Methods",)], doc.sections
    assert "Gordon Smyth" in doc.text


def test_what_stands_between_a_title_and_its_abstract_opens_no_section(tmp_path: Path):
    # A byline set larger than the text, with no metadata naming the author: lme4's "Douglas Bates
    # Department of Statistics University of Wisconsin Madison" headed the abstract's label and
    # everything up to the first section.
    def line(y: int, font: int, size: int, words: str) -> bytes:
        return b"BT /F%d %d Tf 72 %d Td (%s) Tj ET" % (font, size, y, words.encode())

    prose = "The estimators are consistent under heteroskedasticity of unknown form, as shown below."
    content = b"\n".join([line(720, 1, 18, "Penalized Least Squares for Mixed Models"),
                          line(690, 1, 14, "Department of Statistics, University of Wisconsin"),
                          line(660, 2, 9, "Abstract"), *(line(645 - 11 * i, 1, 9, prose) for i in range(3)),
                          line(590, 1, 14, "1 Introduction"), *(line(570 - 12 * i, 1, 10, prose) for i in range(3)),
                          line(500, 1, 14, "2 Methods"), *(line(480 - 12 * i, 1, 10, prose) for i in range(3))])
    path = tmp_path / "paper.pdf"
    path.write_bytes(_one_page_pdf(content, (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",)))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("Abstract",), ("1 Introduction",), ("2 Methods",)]
    assert "Department of Statistics, University of Wisconsin" in doc.text


def test_a_faqs_long_numbered_question_heads_its_answer(tmp_path: Path):
    # An FAQ's questions are its headings, numbered and set in one bold style; a heading had at most
    # 14 words, so the long question stood as a line of the answer before it, which it then headed
    # ("1. How do I install it?" over the answer to question 2).
    questions = ["1. How do I install it?",
                 "2. Why does the program print a warning when I open a file that another program has already opened?",
                 "3. Where are the settings kept?"]
    answer = "The answer to this question is given in the manual, with an example of each case."
    content = b"\n".join(
        b"BT /F2 12 Tf 72 %d Td (%s) Tj ET\n" % (720 - 90 * k, q.encode())
        + b"\n".join(b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 90 * k - 12 * i, answer.encode()) for i in range(3))
        for k, q in enumerate(questions))
    path = tmp_path / "faq.pdf"
    path.write_bytes(_one_page_pdf(content, (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",)))
    assert [s.path for s in load_paths([path]).documents[0].sections] == [(q,) for q in questions]


def test_a_heading_at_a_pages_foot_opens_its_section_over_the_next_pages_figure(tmp_path: Path):
    # "5. Summary" stood at the foot of a page over a footnote, and the next page opened with a
    # figure and its caption: taken for words drawn in that figure over its caption, the heading
    # opened no section, and the summary read under the section before.
    def line(y: int, size: int, words: str) -> bytes:
        return b"BT /F1 %d Tf 72 %d Td (%s) Tj ET" % (size, y, words.encode())

    prose = "The clustered covariances keep their coverage as the correlation within clusters grows."
    first = [line(720, 12, "1 Methods"), *(line(700 - 12 * i, 10, prose) for i in range(20)),
             line(140, 12, "2 Summary"), line(90, 8, "1 The simulation code is in the appendix.")]
    second = [line(700, 8, "Figure 1: Coverage of each covariance for ten correlations."),
              *(line(660 - 12 * i, 10, prose) for i in range(5))]
    path = tmp_path / "paper.pdf"
    path.write_bytes(_pages_pdf([b"\n".join(first), b"\n".join(second)]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("1 Methods",), ("2 Summary",)]


def test_a_newsletters_stories_are_read_column_by_column_each_at_its_own_gutter():
    # A newsletter page of two stories, one above the other, parted by a paragraph across the page:
    # the first story's columns part at 330, the second's at 230, so no one gutter parts the page
    # (each crosses a column of the other story) and pdfminer's order stood: the second story's
    # narrow column's paragraphs were read between the wide one's. The paragraph across the page
    # parts it into stacks, each read at its own gutter.
    def box(name: str, x0: float, x1: float, y: float, lines: int) -> Box:
        lns = tuple(Line(f"{name} words of the running text", x0, y - 12 * k, x1, y - 12 * k + 10, 10.0, "Serif")
                    for k in range(lines))
        return Box(lns, x0, y - 12 * (lines - 1), x1, y + 10)

    a1, a2 = box("a1", 50, 310, 740, 4), box("a2", 50, 310, 680, 5)
    b1, b2 = box("b1", 330, 560, 740, 5), box("b2", 330, 560, 670, 3)
    across = box("across", 50, 560, 590, 12)
    c1, c2 = box("c1", 50, 210, 430, 4), box("c2", 50, 210, 370, 4)
    d1, d2 = box("d1", 230, 560, 430, 3), box("d2", 230, 560, 380, 4)
    pdfminer = [a1, a2, b1, b2, across, c1, d1, c2, d2]
    order = [b.lines[0].text.split()[0] for b in _columns_in_order(pdfminer, 600, 10.0)]
    assert order == ["a1", "a2", "b1", "b2", "across", "c1", "c2", "d1", "d2"], order


def test_a_programs_name_set_largest_atop_the_first_page_is_the_title(tmp_path: Path):
    # A package's manual opens with its name alone ("a0poster" at 17 pt over 11 pt text), its
    # version and its authors; the file names no title. One word was never a title, so the authors'
    # line was. A capitalised word there ("Trials") is a journal's name, not the document's; with a
    # digit it is a program's ("Libtasn1" over its subtitle: the subtitle had been the title).
    for name, title in (("sleepdiary", "sleepdiary"), ("Trials", ""), ("Libtasn1", "Libtasn1")):
        content = b"\n".join([
            b"BT /F1 17 Tf 250 720 Td (%s) Tj ET" % name.encode(),
            b"BT /F1 12 Tf 250 692 Td (Version 1.2) Tj ET",
            b"BT /F1 11 Tf 220 660 Td (Ann Example \\(ann@example.org\\)) Tj ET",
            b"BT /F1 11 Tf 72 620 Td (The package keeps a sleep diary and prints a weekly summary of it.) Tj ET",
            b"BT /F1 11 Tf 72 606 Td (It needs no other package and runs on any recent system.) Tj ET",
        ])
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(_one_page_pdf(content))
        doc = load_paths([path]).documents[0]
        if title:
            assert doc.title == title
        else:
            assert doc.title != name


def test_a_one_page_minutes_headings_in_bold_at_the_texts_size_open_sections(tmp_path: Path):
    # Meeting minutes on one page: "Announcements", "Old Business", "New Business" in bold at the
    # text's size opened no section (on one page only a style set a quarter larger did), and the
    # title was the attendance line "Present: ...", a field beside the "Absent: ..." field.
    lines = [(2, 12, 230, "Department of Instruction"), (1, 11, 240, "Minutes for October 5, 2011"),
             (1, 11, 72, "Present: B. Smart (Chair), B. Brave, D. Claire"), (1, 11, 72, "Absent: B. Gone (sabbatical)"),
             (2, 11, 72, "Announcements"), (1, 11, 94, "1. The dean is coming to the next meeting."),
             (2, 11, 72, "Old Business"), (1, 11, 94, "1. The minutes of the previous meeting were approved."),
             (2, 11, 72, "New Business"), (1, 11, 94, "1. The department will teach two new classes next semester.")]
    content = b"\n".join(b"BT /F%d %d Tf %d %d Td (%s) Tj ET" % (font, size, x, 720 - 26 * i, text.encode())
                         for i, (font, size, x, text) in enumerate(lines))
    path = tmp_path / "minutes.pdf"
    path.write_bytes(_fonts_pdf([content], ["Helvetica", "Helvetica-Bold"]))
    doc = load_paths([path]).documents[0]
    assert [s.path[-1] for s in doc.sections] == ["Announcements", "Old Business", "New Business"]
    assert not doc.title.startswith("Present")


def test_a_listings_columns_parted_by_a_gap_are_read_row_by_row(tmp_path: Path):
    # A program's help in a Texinfo manual: options and their meanings in two columns of a listing.
    # pdfminer parted the columns at the gap, and every option was read before every meaning.
    options = [("-c, --check", "checks the syntax only"), ("-o, --output=FILE", "output file"),
               ("-h, --help", "display this help and exit")]
    rows = [b"BT /F2 10 Tf 78 %d Td (%s) Tj ET\nBT /F2 10 Tf 192 %d Td (%s) Tj ET" % (700 - 12 * i, o.encode(), 700 - 12 * i,
                                                                                    m.encode())
            for i, (o, m) in enumerate(options)]  # 192 - 78 = 19 characters of 6 pt
    content = b"\n".join([b"BT /F1 10 Tf 72 720 Td (The program takes these options:) Tj ET", *rows,
                          b"BT /F1 10 Tf 72 640 Td (Each option may be given once.) Tj ET"])
    text = _listing_text(tmp_path, content)
    for option, meaning in options:
        assert f"{option} {meaning}" in text, text


def test_two_listings_side_by_side_off_one_character_grid_are_read_one_after_the_other(tmp_path: Path):
    # A slide's two columns, each a listing: the right one's left edge stands no whole number of
    # characters from the left one's, so they are two listings and neither is cut into the other.
    left = [b"\\\\begin{adv}", b"\\\\item fast", b"\\\\end{adv}"]
    right = [b"\\\\begin{disadv}", b"\\\\item costly", b"\\\\end{disadv}"]
    rows = [b"BT /F2 10 Tf 72 %d Td (%s) Tj ET\nBT /F2 10 Tf 315 %d Td (%s) Tj ET" % (700 - 12 * i, a, 700 - 12 * i, b)
            for i, (a, b) in enumerate(zip(left, right))]  # 315 - 72 = 40.5 characters of 6 pt
    text = _listing_text(tmp_path, b"\n".join([b"BT /F1 10 Tf 72 720 Td (Two environments compared.) Tj ET", *rows]))
    assert "\\begin{adv}\n\\item fast\n\\end{adv}" in text, text


def test_a_listing_read_after_the_text_beneath_it_goes_back_under_the_text_above_it():
    # pdfminer grouped a Texinfo example's pieces first and read the group after the paragraphs
    # under it: "For example, consider a file as follows:" was followed by "Running the command
    # below ..." and the file came last.
    def box(text: str, y: float, font: str = "Serif", x0: float = 72.0) -> Box:
        line = Line(text, x0, y, x0 + 6 * len(text), y + 10, 10.0, font, pitch=0.6 if font == "Mono" else -1.0)
        return Box((line,), line.x0, line.y0, line.x1, line.y1)

    above = box("For example, consider a file as follows:", 700)
    listing = [box("MYPKIX1 { }", 680, "Mono"), box("BEGIN", 668, "Mono"), box("END", 656, "Mono")]
    beneath = [box("Running the command below will encode it.", 630), box("$ asn1Coding pkix.asn", 610, "Mono")]
    page = PageLayout(1, 612, 792, [above, *beneath, *listing])
    _listings_read_in_place([page, PageLayout(2, 612, 792, [box("$ asn1Coding a b", 700, "Mono")])])
    assert [b.lines[0].text for b in page.boxes] == [
        "For example, consider a file as follows:", "MYPKIX1 { }", "BEGIN", "END",
        "Running the command below will encode it.", "$ asn1Coding pkix.asn"]
    # A listing in the other column, beside the text before it, is left where pdfminer read it.
    beside = [box("int main(void)", 640, "Mono", 320), box("return 0;", 628, "Mono", 320)]
    other = PageLayout(1, 612, 792, [above, *beneath, *beside])
    _listings_read_in_place([other, PageLayout(2, 612, 792, [box("$ make", 700, "Mono")])])
    assert [b.lines[0].text for b in other.boxes][-2:] == ["int main(void)", "return 0;"]


def test_a_description_lists_entries_each_a_box_stay_apart(tmp_path: Path):
    # A Texinfo manual's function reference: each parameter, a lower-case name and a colon, in a box
    # of its own under the signature. A box opening in lower case had been read as the sentence
    # above going on, so the three entries ran into one paragraph.
    entries = ["file: specify the path and the name of the file that holds the declarations",
               "definitions: return the pointer to the structure created from the file",
               "error_desc: return the error description or an empty string if success."]
    content = b"\n".join([
        b"BT /F2 10 Tf 72 720 Td (int parse \\(const char * file, char * error_desc\\)) Tj ET",
        *(b"BT /F1 10 Tf 90 %d Td (%s) Tj ET" % (700 - 18 * i, e.encode()) for i, e in enumerate(entries)),
        b"BT /F1 10 Tf 90 630 Td (Function used to start the parse algorithm.) Tj ET",
    ])
    text = _listing_text(tmp_path, content)
    for entry in entries:
        assert f"\n\n{entry}\n\n" in text, text
    # In a reference list an entry's title goes on in a box of its own opening so.
    references = b"\n".join([
        b"BT /F1 14 Tf 72 720 Td (References) Tj ET",
        b"BT /F1 10 Tf 72 700 Td (16. Rubin GJ, Amlot R. Public perceptions, anxiety and behaviour during the swine flu) Tj ET",
        b"BT /F1 10 Tf 72 682 Td (outbreak: cross sectional telephone survey. BMJ 2009;339:b2651.) Tj ET",
    ])
    text = _listing_text(tmp_path, references)
    assert "during the swine flu outbreak: cross sectional" in text, text


def test_headings_of_one_size_are_one_level_whatever_baseline_they_sit_on(tmp_path: Path):
    # groff sets a manual page's headings at 10.95 pt; pdfminer measures that size from each glyph's
    # box, 10.949999 on one baseline and 10.950001 on another, which rounded two ways ("10.9", "11.0")
    # and nested "OPTIONS" under "DESCRIPTION" as if it were set smaller.
    def page(heads: list[tuple[str, str]]) -> bytes:
        out = []
        for y, head in heads:
            out.append(b"BT /F2 10.95 Tf 72 %s Td (%s) Tj ET" % (y.encode(), head.encode()))
            out += [b"BT /F1 10 Tf 108 %.2f Td (The program reads the graph and writes its layout, line %d.) Tj ET"
                    % (float(y) - 16 - 12 * k, k) for k in range(3)]
        return b"\n".join(out)

    path = tmp_path / "dot.1.pdf"
    path.write_bytes(_fonts_pdf([page([("757.89", "NAME"), ("600.09", "DESCRIPTION"), ("393.09", "OPTIONS")]),
                                 page([("757.89", "SEE ALSO"), ("184.29", "FILES")])], ["Times-Roman", "Times-Bold"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("NAME",), ("DESCRIPTION",), ("OPTIONS",), ("SEE ALSO",), ("FILES",)]


def test_the_first_pages_number_set_higher_than_the_bottom_sixth_is_furniture(tmp_path: Path):
    # LaTeX's default margins on letter paper set the first page's number 145 pt up, above the bottom
    # sixth (132 pt), where the pages after it carry theirs in the running head: the "1" stood as a
    # paragraph of its own after the abstract. A bare number there that is not the page's number stays.
    prose = [b"BT /F1 10 Tf 150 %d Td (The layout program reads graphs and draws them as hierarchies, line %d.) Tj ET"
             % (560 - 12 * k, k) for k in range(8)]
    first = b"\n".join([b"BT /F1 17 Tf 220 660 Td (Drawing graphs with dot) Tj ET", *prose,
                        b"BT /F1 10.9 Tf 302 145 Td (1) Tj ET"])
    others = [b"\n".join([b"BT /F1 10.9 Tf 126 739 Td (dot User's Manual, January 5, 2015) Tj ET",
                          b"BT /F1 10.9 Tf 479 739 Td (%d) Tj ET" % n, *prose]) for n in (2, 3, 4)]
    stray = b"\n".join([*prose, b"BT /F1 10.9 Tf 302 145 Td (7) Tj ET"])
    path = tmp_path / "dotguide.pdf"
    path.write_bytes(_fonts_pdf([first, *others], ["Times-Roman"]))
    doc = load_paths([path]).documents[0]
    assert not re.search(r"(?m)^1$", doc.text), doc.text[:600]
    path.write_bytes(_fonts_pdf([stray, *others], ["Times-Roman"]))
    assert re.search(r"(?m)^7$", load_paths([path]).documents[0].text)


def test_lines_set_like_headings_in_a_row_with_no_text_between_are_a_list_not_sections(tmp_path: Path):
    # gvpr's manual page lists the forms of a clause in bold at the text's size, one a line:
    # "BEGIN { action }" ... "END { action }" had opened six sections, five of them empty, and the
    # text after them stood under "END { action }". One such line over its text still heads it.
    def para(y: int, words: str) -> list[bytes]:
        return [b"BT /F1 10 Tf 108 %d Td (%s, line %d of the paragraph.) Tj ET" % (y - 12 * k, words.encode(), k)
                for k in range(3)]

    first = [b"BT /F2 11 Tf 72 740 Td (OPTIONS) Tj ET", *para(724, "The options change how the program runs"),
             b"BT /F2 11 Tf 72 670 Td (PROGRAMS) Tj ET", *para(654, "A program is a list of clauses of these forms"),
             *[b"BT /F2 10 Tf 144 %d Td (%s) Tj ET" % (600 - 17 * k, form) for k, form in
               enumerate([b"BEGIN { action }", b"BEG_G { action }", b"END_G { action }", b"END { action }"])],
             *para(520, "A program holds at most one of each clause")]
    second = [b"BT /F2 10 Tf 108 740 Td (Predicates) Tj ET", *para(724, "A predicate selects the nodes an action runs on"),
              b"BT /F2 11 Tf 72 660 Td (EXAMPLES) Tj ET", *para(644, "The examples below show a program at work")]
    path = tmp_path / "gvpr.1.pdf"
    path.write_bytes(_fonts_pdf([b"\n".join(first), b"\n".join(second)], ["Times-Roman", "Times-Bold"]))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections] == [("OPTIONS",), ("PROGRAMS",), ("PROGRAMS", "Predicates"), ("EXAMPLES",)]
    at = doc.text.index("A program holds at most one")
    assert doc.section_at(at) == ("PROGRAMS",) and "BEG_G { action }" in doc.text


def test_a_row_of_digits_and_a_typewriter_line_are_not_read_as_letter_spaced(tmp_path: Path):
    # R's printed output in a vignette, "1 2 2 2 3 4 5 5" in a typewriter font, had been read as a
    # heading set letter-spaced and closed up: "12223455". A table's row of digits in the text's font
    # is numbers too. A heading set letter-spaced still reads as its words.
    content = b"\n".join([
        b"BT /F1 12 Tf 72 720 Td (S T U D Y    P R O T O C O L) Tj ET",
        b"BT /F1 10 Tf 72 690 Td (Duplicates are averaged, and the series prints its times over its values:) Tj ET",
        b"BT /F2 10 Tf 72 670 Td (> z <- zoo\\(1:8, c\\(1, 2, 2, 2, 3, 4, 5, 5\\)\\)) Tj ET",
        b"BT /F2 10 Tf 72 658 Td (> z) Tj ET",
        b"BT /F2 10 Tf 72 646 Td (1 2 2 2 3 4 5 5) Tj ET",
        b"BT /F2 10 Tf 72 634 Td (a b c d e f g h) Tj ET",
        b"BT /F1 10 Tf 72 606 Td (The counts per week were:) Tj ET",
        b"BT /F1 10 Tf 72 592 Td (1 2 3 4 5) Tj ET",
    ])
    path = tmp_path / "zoo-faq.pdf"
    path.write_bytes(_fonts_pdf([content], ["Helvetica", "Courier"]))
    text = load_paths([path]).documents[0].text
    assert "STUDY PROTOCOL" in text and "1 2 2 2 3 4 5 5" in text and "a b c d e f g h" in text, text
    assert "1 2 3 4 5" in text, text


def test_a_bullet_from_a_font_with_a_deep_box_goes_before_the_item_on_its_baseline(tmp_path: Path):
    # TeX's bullet comes from CMSY, whose glyph boxes reach 0.96 em below the baseline: beside an
    # item's text the bullet's box sat a line's depth lower, nearer the next line, and an R News
    # article's list read "... the algorithm ter-•" / "• minated correctly.". The baselines agree.
    cmsy = (b"<< /Type /Font /Subtype /Type1 /BaseFont /CMSY10 /FirstChar 15 /LastChar 15 /Widths [500] "
            b"/Encoding << /Type /Encoding /Differences [15 /bullet] >> /FontDescriptor << /Type /FontDescriptor "
            b"/FontName /CMSY10 /Flags 4 /Ascent 750 /Descent -960 /CapHeight 683 /ItalicAngle -14 /StemV 40 "
            b"/FontBBox [-29 -960 1116 775] >> >>")
    content = b"\n".join([
        b"BT /F1 10.9 Tf 127 260 Td (The value of pmvnorm is the estimated integral value with two attributes) Tj ET",
        b"BT /F2 10.9 Tf 153 226.6 Td <0F> Tj ET",
        b"BT /F1 10.9 Tf 163 226.6 Td (error: the estimated absolute error and) Tj ET",
        b"BT /F2 10.9 Tf 153 207.6 Td <0F> Tj ET",
        b"BT /F1 10.9 Tf 163 207.6 Td (msg: a status message, indicating whether or not the algorithm ter-) Tj ET",
        b"BT /F1 10.9 Tf 163 195.6 Td (minated correctly.) Tj ET",
        b"BT /F1 10.9 Tf 127 160 Td (From the results above it follows that the probability is close to one.) Tj ET",
    ])
    path = tmp_path / "rnews.pdf"
    path.write_bytes(_one_page_pdf(content, fonts=(cmsy,)))
    text = load_paths([path]).documents[0].text
    assert "• error: the estimated absolute error and" in text, text
    assert "• msg: a status message, indicating whether or not the algorithm terminated correctly." in text, text


def test_numbered_headings_nest_by_their_numbers_whatever_their_sizes():
    # Rcpp's vignettes (the pinp template) set "3.1.1. Conversion to bool." larger than "3.2.
    # Functions producing sugar expressions.", which had gone under it by size; and a section
    # naming a function in a typewriter font, "2. Using Rcpp.package.skeleton", its number and
    # first word in the headings' font, had run into the text as a line of it (its style seen once).
    # A list item of code, "6. as(m, "generalMatrix")", its number aside, stays code.
    body = "Rcpp sugar brings a higher level of abstraction to code written with the Rcpp programming interface."
    mixed = frozenset({"Sans-Bold", "Mono-Bold"})
    boxes = [_line_box("1. Introduction", 700, 8.8, "Sans-Bold"), _line_box(body, 680, 8.6, "Charter"),
             Box((Line("2. Using Rcpp.package.skeleton", 72, 660, 300, 670, 10.0, "Mono-Bold", fonts=mixed),), 72, 660, 300, 670),
             _line_box(body, 640, 8.6, "Charter"),
             _line_box("2.1. Overview of the files", 620, 8.6, "Sans-BoldItal"), _line_box(body, 600, 8.6, "Charter"),
             _line_box("3. Functions", 580, 8.8, "Sans-Bold"), _line_box(body, 560, 8.6, "Charter"),
             _line_box("3.1.1. Conversion to bool.", 540, 8.6, "Sans-BoldItal"), _line_box(body, 520, 8.6, "Charter"),
             _line_box("3.2. Functions producing sugar expressions.", 500, 7.9, "Sans-Bold"), _line_box(body, 480, 8.6, "Charter"),
             Box((Line('6. as(m, "generalMatrix")', 72, 460, 300, 470, 10.0, "Mono-Bold", fonts=frozenset({"Charter", "Mono-Bold"})),),
                 72, 460, 300, 470)]
    style = _Style("Charter", 8.6, (10.0, 8.8, 8.6, 7.9),
                   frozenset({("Sans-Bold", 8.8), ("Sans-BoldItal", 8.6), ("Sans-Bold", 7.9)}),
                   typewriter_fonts=frozenset({"Mono-Bold"}))
    text, paths = _read_with_sections(boxes, style, "Rcpp syntactic sugar", body)
    assert paths == [("1. Introduction",), ("2. Using Rcpp.package.skeleton",),
                     ("2. Using Rcpp.package.skeleton", "2.1. Overview of the files"), ("3. Functions",),
                     ("3. Functions", "3.1.1. Conversion to bool."), ("3. Functions", "3.2. Functions producing sugar expressions.")]
    assert '6. as(m, "generalMatrix")' in text


def test_a_bookmark_holding_a_macros_special_characters_names_the_printed_heading(tmp_path: Path):
    # An FAQ whose questions name code in a macro: LaTeX wrote TeX's special characters' list into
    # each such bookmark as text ("I set =2```...`,=` digits.sec=3, ..."). Printed by no line, the
    # entry headed its page with that string.
    spill = "=2```~`'`.=`?=`!=`:=`;=`,=`"
    question = "I set digits.sec=3, but R shows no milliseconds."
    body = [b"R only shows fractions of a second when the option is set before the series is printed.",
            b"Set the option digits.secs rather than digits.sec and print the series again."]
    ops = [b"BT /F1 14 Tf 72 740 Td (How do I install xts?) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (710 - 14 * i, line) for i, line in enumerate(body)]
    ops += [b"BT /F1 14 Tf 72 640 Td (%s) Tj ET" % question.encode()]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (610 - 14 * i, line) for i, line in enumerate(body)]
    path = tmp_path / "faq.pdf"
    entries = ["How do I install xts?", f"I set {spill} digits.sec=3, but R shows no milliseconds."]
    path.write_bytes(_pdf_with_outline(b"\n".join(ops), entries))
    doc = load_paths([path]).documents[0]
    assert [s.path for s in doc.sections][-1] == (question,), doc.sections
    assert "`" not in doc.text, doc.text


def test_a_table_of_contents_heading_holds_no_section_after_it():
    # An FAQ's outline puts "Contents" at its top level and every question under it: each question's
    # path had opened "Contents › ...".
    body = "Install the package from the repository with the usual command and load it."
    style = _Style("Serif", 10.0, (14.0, 10.0))
    assembler = _Assembler(style, {})
    assembler.add_unprinted("Contents", 0, 1)
    assembler.add_unprinted("What is xts?", 1, 2)
    assembler.add_box(_line_box(body, 700, 10.0, "Serif"), 2)
    assembler.add_unprinted("How do I install xts?", 2, 2)
    assembler.add_box(_line_box(body, 650, 10.0, "Serif"), 2)
    _, _, sections = _render(assembler.finish(), Vocabulary([body]), "xts FAQ")
    assert [s.path for s in sections] == [("Contents",), ("What is xts?",), ("What is xts?", "How do I install xts?")], sections


def test_names_under_the_title_before_any_text_open_no_section():
    # Rcpp's vignettes set the authors in bold under the title, affiliation marks glued on, over
    # the affiliations and the abstract in small print, and the file names no author: "Dirk
    # Eddelbuettela and Romain Françoisb" had headed the abstract. A label of two words in that
    # place heads a section still ("Important Notes" atop a reference card).
    body = "Rcpp sugar brings a higher level of abstraction to code written with the Rcpp programming interface."
    abstract = "This note describes Rcpp sugar, which brings a higher level of abstraction to code written in C++."

    def sections(second: str) -> list[tuple[str, ...]]:
        boxes = [_line_box("Rcpp syntactic sugar", 720, 21.9, "Sans-Bold"), _line_box(second, 700, 7.9, "Sans-Bold"),
                 _line_box("aDebian and R Projects; Chicago, IL, USA; bR Consulting", 690, 6.2, "Sans"),
                 _line_box(abstract, 680, 7.0, "Sans-Bold"), _line_box(abstract, 672, 7.0, "Sans-Bold"),
                 _line_box("1. Motivation", 650, 8.8, "Sans-Bold"), _line_box(body, 630, 8.6, "Charter"),
                 _line_box("2. Operators", 610, 8.8, "Sans-Bold"), _line_box(body, 590, 8.6, "Charter")]
        styles = frozenset({("Sans-Bold", 7.9), ("Sans-Bold", 8.8)})
        style = _Style("Charter", 8.6, (21.9, 8.8, 8.6, 7.9), styles, numbered_styles=styles)
        assembler = _Assembler(style, {})
        for b in boxes:
            assembler.add_box(b, 1)
        _, _, spans = _render(_bylines_unsectioned(assembler.finish(), ()), Vocabulary([body]), "Rcpp syntactic sugar")
        return [s.path for s in spans]

    assert sections("Dirk Eddelbuettela and Romain Françoisb") == [("1. Motivation",), ("2. Operators",)]
    assert sections("Important Notes")[0] == ("Important Notes",)


def test_a_bold_symbol_at_the_texts_size_heads_nothing_and_a_short_word_may():
    # expm's vignette sets a matrix power in bold ("Ak", "Aj." over their displays) and a genetics
    # paper its genotypes ("Aa"): each had headed a section of its own, the display's lines in it.
    style = _Style("CMR10", 10.0, (14.3, 10.0), frozenset({("CMBX10", 10.0)}))

    def line(text: str, size: float = 10.0) -> Line:
        return Line(text, 134, 400, 300, 400 + size, size, "CMBX10")

    body = Line("The matrix exponential of a matrix is defined as a series.", 134, 380, 477, 390, 10.0, "CMR10")
    for symbol in ("Ak", "Aj.", "Aa"):
        assert not _is_heading(line(symbol), body, style), symbol
    for heading in ("Usage", "FAQ", "A. Proofs", "I/O", "Q&A"):
        assert _is_heading(line(heading), body, style), heading
    assert _is_heading(line("Go", 14.3), body, style)


def _leaflet_pdf() -> bytes:
    """A patient leaflet as ReportLab sets one: its contents a box of numbered lines, two columns
    whose headings share baselines, list
    items marked by a code Helvetica's WinAnsi encoding does not map (set larger than the items),
    a footer beside "Page 1 of 2" on a one-page file, a heading closing on "used for"."""
    def text(font: bytes, size: float, x: float, y: float, words: bytes) -> bytes:
        return b"BT /%s %s Tf %s %s Td (%s) Tj ET" % (font, str(size).encode(), str(x).encode(), str(y).encode(), words)

    lines = [text(b"F2", 14, 48.5, 790, b"Amitriptyline 10 mg tablets"),
             text(b"F2", 10.5, 48.5, 770, b"What is in this leaflet"),
             text(b"F1", 9, 48.5, 756, b"1. What Amitriptyline is and what it is used for"),
             text(b"F1", 9, 48.5, 744.5, b"2. Before you take Amitriptyline"),
             text(b"F1", 9, 48.5, 733, b"3. If you forget to take Amitriptyline"),
             text(b"F2", 10.5, 48.5, 700, b"1. What Amitriptyline is and what it is used for"),
             text(b"F1", 9, 48.5, 686, b"Amitriptyline belongs to a group of medicines known as tricyclic"),
             text(b"F1", 9, 48.5, 674.5, b"antidepressants. Low doses are used to treat neuropathic pain."),
             text(b"F2", 10.5, 48.5, 650, b"2. Before you take Amitriptyline"),
             text(b"F1", 9, 48.5, 636, b"Do not take Amitriptyline if you:"),
             text(b"F1", 12, 48.5, 620, b"\\177"),
             text(b"F1", 9, 56.5, 620.6, b"are allergic to amitriptyline or any of the other ingredients"),
             text(b"F1", 9, 56.5, 609.1, b"of this medicine"),
             text(b"F1", 12, 48.5, 592, b"\\177"), text(b"F1", 9, 56.5, 592.6, b"recently had a heart attack (myocardial infarction)"),
             text(b"F2", 10.5, 312, 700, b"If you forget to take Amitriptyline"),
             text(b"F1", 9, 312, 686, b"Take the next dose at the usual time. Do not take a double dose"),
             text(b"F1", 9, 312, 674.5, b"to make up for a forgotten dose or a dose you have missed."),
             text(b"F2", 10.5, 312, 650, b"If you stop taking Amitriptyline"),
             text(b"F1", 9, 312, 636, b"Do not stop taking this medicine suddenly: your doctor will reduce"),
             text(b"F1", 9, 312, 624.5, b"the dose gradually over several weeks to avoid withdrawal effects."),
             text(b"F1", 7.5, 42.5, 21, b"Amitriptyline 10 mg tablets - PL 01234/0567"), text(b"F1", 7.5, 514, 21, b"Page 1 of 2")]
    content = b"\n".join(lines)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"])


def test_a_two_column_leaflet_keeps_its_list_marks_and_headings_and_drops_its_footer(tmp_path: Path):
    # A patient leaflet printed by ReportLab: its list marks, a code pdfminer cannot map, had been
    # dropped and the items run together ("... of this medicine recently had a heart attack");
    # "If you forget to take Amitriptyline", sharing its baseline with "2. Before you take
    # Amitriptyline" across the gutter, had been read as a table's header cells and neither was
    # a heading; "1. What Amitriptyline is and what it is used for" ends on a preposition its
    # clause strands, no line going on; and the footer beside "Page 1 of 2", on a file of one page
    # with nothing to repeat, had stood mid-text. Its contents, one box of numbered lines, each
    # naming a heading, had counted as one entry, too few for a contents, and stood as a section.
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(_leaflet_pdf())
    doc = load_paths([path]).documents[0]
    assert "What is in this leaflet" not in doc.text and doc.text.count("what it is used for") == 1, doc.text
    assert "\n• are allergic to amitriptyline or any of the other ingredients of this medicine\n" in doc.text, doc.text
    assert "\n• recently had a heart attack (myocardial infarction)" in doc.text, doc.text
    assert [s.path[-1] for s in doc.sections] == [
        "1. What Amitriptyline is and what it is used for", "2. Before you take Amitriptyline",
        "If you forget to take Amitriptyline", "If you stop taking Amitriptyline"]
    assert "PL 01234" not in doc.text


def test_a_borderless_tables_column_of_longer_cells_is_read_in_its_rows(tmp_path: Path):
    # A guideline's table of its wording, no rules: the third column's cells ("Benefits and harms
    # are closely balanced", six words) are longer than a column of cells is read as, and had been
    # read after the table as paragraphs of their own, the rows holding two cells each.
    rows = [(b"Wording", b"Strength", b"Meaning"), (b"Offer", b"Strong", b"Most people would choose the intervention"),
            (b"Consider", b"Conditional", b"Benefits and harms are closely balanced"),
            (b"Do not offer", b"Strong (against)", b"The intervention should not be used")]
    content = b"\n".join([b"BT /F1 10 Tf 72 696 Td (The wording of each recommendation reflects the strength of the evidence) Tj ET",
                          b"BT /F1 10 Tf 72 684 Td (behind it.) Tj ET",
                          *(b"BT /F1 9 Tf %d %d Td (%s) Tj ET" % (x, 660 - 18 * k, cell)
                            for k, row in enumerate(rows) for x, cell in zip((72, 170, 270), row)),
                          b"BT /F1 10 Tf 72 560 Td (The committee agreed that antidepressants have little advantage over placebo.) Tj ET"])
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(content))
    lines = load_paths([path]).documents[0].text.split("\n")
    assert "Consider Conditional Benefits and harms are closely balanced" in lines, lines
    assert "Do not offer Strong (against) The intervention should not be used" in lines, lines


def test_a_pages_footnotes_set_small_stay_one_a_paragraph(tmp_path: Path):
    # A guideline's footnotes at a page's foot, set small: the first reaches near the second's right
    # edge, and the two had been read as one paragraph, "2" in mid-sentence.
    content = b"\n".join([
        b"BT /F1 10 Tf 72 700 Td (1.1.1 Discuss with people with depression the range of treatments available.) Tj ET",
        b"BT /F1 10 Tf 72 686 Td (1.3.2 Offer an SSRI such as sertraline or citalopram.) Tj ET",
        b"BT /F1 10 Tf 72 672 Td (1.3.3 Continue antidepressant treatment for at least 6 months after remission.) Tj ET",
        b"BT /F1 8 Tf 72 120 Td (1 Shared decision making is described in the companion guideline on patient experience.) Tj ET",
        b"BT /F1 8 Tf 72 110 Td (2 At the time of publication, sertraline and citalopram were the lowest-cost SSRIs.) Tj ET"])
    path = tmp_path / "guideline.pdf"
    path.write_bytes(_one_page_pdf(content))
    lines = load_paths([path]).documents[0].text.split("\n")
    assert "1 Shared decision making is described in the companion guideline on patient experience." in lines, lines
    assert "2 At the time of publication, sertraline and citalopram were the lowest-cost SSRIs." in lines, lines


def _two_column_leaflet() -> bytes:
    """A device's instructions in two columns (Helvetica: headings 12.5 pt, text 9.5 pt, tables
    8 pt): numbered steps down the left column; a troubleshooting table from the left column's foot
    to the right column's head; a specifications table under its heading; a symbol's row beside step 5."""
    def line(x: float, y: float, size: float, text: str) -> bytes:
        return b"BT /F1 %g Tf %g %g Td (%s) Tj ET" % (size, x, y, text.encode())

    out, y = [line(57, 760, 12.5, "Before you start")], 745
    for text in ["Wash your hands with warm soapy water and dry", "them well. Check the expiry date printed on the",
                 "test strip vial before you use a strip."]:
        out.append(line(57, y, 9.5, text))
        y -= 12
    out.append(line(57, y - 8, 12.5, "Testing your blood glucose"))
    y -= 23
    steps = [("1. Insert a test strip, contact bars first, into the", "port. The meter turns on by itself."),
             ("2. Wait until the blood drop symbol flashes on the", "display of the meter."),
             ("3. Use the lancing device to get a drop of blood of", "at least 0.6 microlitres from your fingertip."),
             ("4. Touch the drop to the edge of the yellow window", "of the strip. Do not put blood on top of it."),
             ("5. The meter counts down for 5 seconds and shows", "your result in mmol/L."),
             ("6. Remove the used strip and lancet and dispose of", "them safely. The meter turns off by itself.")]
    for first, second in steps:
        if first.startswith("5."):
            out += [line(315, y, 8, "LOT"), line(355, y, 8, "Batch code")]
        out += [line(57, y, 9.5, first), line(69, y - 12, 9.5, second)]
        y -= 30
    out.append(line(57, y - 10, 12.5, "Troubleshooting"))
    y -= 24
    for row in (("Message", "Cause", "What to do"), ("E-1", "Used strip", "Repeat the test with a new strip.")):
        out += [line(x, y, 8, cell) for x, cell in zip((57, 100, 176), row)]
        y -= 12
    y = 760
    for row in (("E-2", "Too little blood", "Repeat with a larger drop."), ("E-3", "Too cold or hot", "Move to between 10 and 40 C."),
                ("HI", "Above 33.3 mmol/L", "Retest; if still HI, seek help.")):
        out += [line(x, y, 8, cell) for x, cell in zip((315, 358, 434), row)]
        y -= 12
    out.append(line(315, y - 14, 12.5, "Care and cleaning"))
    y -= 29
    for text in ["Clean the outside of the meter with a cloth lightly", "dampened with water. Do not let liquid enter the",
                 "strip port. Clean the meter once a week."]:
        out.append(line(315, y, 9.5, text))
        y -= 12
    out.append(line(315, y - 8, 12.5, "Technical specifications"))
    y -= 22
    for row in (("Measurement range", "1.1 to 33.3 mmol/L"), ("Test time", "5 seconds"), ("Memory", "500 results with date and time")):
        out += [line(x, y, 8, cell) for x, cell in zip((315, 414), row)]
        y -= 12
    return _one_page_pdf(b"\n".join(out))


def test_a_two_column_leaflets_small_tables_are_read_in_their_own_column_whole(tmp_path: Path):
    # pdfminer read the right column's tables after paragraphs halfway down the left column: the
    # troubleshooting table's rows from the right column's head stood between steps 2 and 3 (apart
    # from its header and first row at the left column's foot), and a specification's first cell,
    # grouped with its heading, stood apart from its value.
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(_two_column_leaflet())
    text = load_paths([path]).documents[0].text
    steps = [text.index(f"{n}. ") for n in range(1, 7)]
    assert steps == sorted(steps) and "E-2" not in text[steps[0]:steps[-1]] and "Test time" not in text[steps[0]:steps[-1]], text
    assert ("Message Cause What to do\nE-1 Used strip Repeat the test with a new strip.\nE-2 Too little blood Repeat with a larger "
            "drop.\nE-3") in text, text
    assert "Technical specifications\n\nMeasurement range 1.1 to 33.3 mmol/L\nTest time 5 seconds\n" in text, text


def test_a_preprints_margin_line_numbers_are_dropped_and_a_tables_numbers_kept(tmp_path: Path):
    # A preprint numbers each line in its margin (7 pt beside 10.5 pt text): the numbers had come
    # out as a column "2 3 4 ... 9" above the title. A ranked table's numbers, set as its rows are,
    # say something and stay.
    text_lines = ["Sleep restriction therapy in primary care", "Sleep restriction therapy is a brief behavioural treatment",
                  "for insomnia that nurses can deliver in general practice.", "We randomised 642 adults with insomnia disorder",
                  "from 56 practices to sleep restriction or a booklet.", "The primary outcome was the Insomnia Severity Index",
                  "at six months after randomisation.", "Daytime sleepiness increased in the first weeks."]
    content = b"\n".join(
        b"BT /F1 7 Tf 64 %d Td (%d) Tj ET\nBT /F1 10.5 Tf 85 %d Td (%s) Tj ET" % (700 - 16 * k, k + 1, 700 - 16 * k, t.encode())
        for k, t in enumerate(text_lines))
    path = tmp_path / "preprint.pdf"
    path.write_bytes(_one_page_pdf(content))
    read = load_paths([path]).documents[0].text
    assert not re.search(r"(?m)^\d+$", read) and "\n1 " not in read and " 2 " not in read, read
    assert "Sleep restriction therapy is a brief behavioural treatment for insomnia" in read, read
    rows = [("1", "Sertraline", "28 percent"), ("2", "Citalopram", "22 percent"), ("3", "Fluoxetine", "15 percent"),
            ("4", "Mirtazapine", "11 percent"), ("5", "Amitriptyline", "9 percent"), ("6", "Venlafaxine", "7 percent")]
    content = b"\n".join(
        b"BT /F1 10 Tf 72 %d Td (%s) Tj ET\nBT /F1 10 Tf 100 %d Td (%s) Tj ET\nBT /F1 10 Tf 220 %d Td (%s) Tj ET"
        % (700 - 14 * k, r[0].encode(), 700 - 14 * k, r[1].encode(), 700 - 14 * k, r[2].encode()) for k, r in enumerate(rows))
    path = tmp_path / "ranked.pdf"
    path.write_bytes(_one_page_pdf(b"BT /F1 10 Tf 72 730 Td (The most prescribed antidepressants in 2025.) Tj ET\n" + content))
    read = load_paths([path]).documents[0].text
    assert "1 Sertraline 28 percent" in read and "6 Venlafaxine 7 percent" in read, read


def test_a_two_page_chapters_running_heads_beside_its_printed_numbers_are_left_out(tmp_path: Path):
    # A book's chapter of two pages: "Chapter 4 · Anxiety disorders" beside "87" atop the first,
    # "88" beside the book's title atop the second, a footnote numbered 1 and 2 at each foot. Two
    # pages never made enough votes for the printed numbers (the footnotes' 1 and 2 voted for the
    # PDF's own), so the heads stood in the text and the pages were cited as 1 and 2.
    def text(x: int, y: int, words: str, size: int = 10) -> bytes:
        return b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, words.encode())

    def page(n: int, head: str, note: str) -> bytes:
        lines = [f"Anxiety disorders are common in general practice, and this is line {i} of page {n}." for i in range(25)]
        heads = [text(62, 800, head, 8), text(523, 800, str(86 + n), 8)] if n % 2 else [text(62, 800, str(86 + n), 8),
                                                                                     text(356, 800, head, 8)]
        return b"\n".join([*heads, *(text(68, 740 - 14 * i, ln) for i, ln in enumerate(lines)), text(62, 80, note, 7)])

    path = tmp_path / "chapter.pdf"
    path.write_bytes(_a4_pages_pdf([page(1, "Chapter 4 - Anxiety disorders", "1 The estimates come from a national survey."),
                                    page(2, "Handbook of Psychiatry", "2 Sertraline is the most prescribed.")]))
    doc = load_paths([path]).documents[0]
    assert "Chapter 4 - Anxiety disorders" not in doc.text and "Handbook of Psychiatry" not in doc.text, doc.text
    assert "1 The estimates come from a national survey." in doc.text
    assert [doc.page_label(n) for n in (1, 2)] == ["87", "88"]


def test_a_bulleted_line_under_a_line_running_to_the_edge_opens_an_item_of_its_own(tmp_path: Path):
    # A boxed list of key points, set small: its first item the widest, the second had been read as
    # its wrapped line ("... missed in primary care. • The GAD-7 questionnaire ...").
    content = b"\n".join([
        b"BT /F1 10 Tf 72 720 Td (Anxiety disorders are the most common mental health problems seen in general practice.) Tj ET",
        b"BT /F1 10 Tf 72 706 Td (Onset is usually in early adulthood, and the course is often chronic and fluctuating.) Tj ET",
        b"0.9 0.93 0.97 rg 85 622 430 62 re f 0 g",  # the box's shading
        b"BT /F1 9 Tf 91 670 Td (Box 4.1 Key points) Tj ET",
        b"BT /F1 9 Tf 91 655 Td (\xb7 Generalised anxiety disorder is common and often missed in primary care.) Tj ET",
        b"BT /F1 9 Tf 91 642 Td (\xb7 The GAD-7 questionnaire is a quick and valid screening tool.) Tj ET",
        b"BT /F1 9 Tf 91 629 Td (\xb7 CBT and SSRIs are both effective first-line treatments.) Tj ET",
        b"BT /F1 10 Tf 72 600 Td (Ask about worry, restlessness, poor concentration, irritability and disturbed sleep.) Tj ET",
    ])
    path = tmp_path / "box.pdf"
    path.write_bytes(_one_page_pdf(content))
    lines = load_paths([path]).documents[0].text.split("\n")
    assert "• The GAD-7 questionnaire is a quick and valid screening tool." in lines, lines

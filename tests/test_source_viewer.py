"""The source viewer behind every citation: PDF pages rendered with the cited text boxed, the
passages before and after, the original file, and citations in the formats people paste."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import PDF_QA, inside_any, pdf_word_centres

# A two-column journal page (Trials, 2015) whose text has hyphenated line ends and a running header.
TRIAL = PDF_QA / "focus-cognitive-remediation-trials-2015.pdf"
needs_pdf = pytest.mark.skipif(not TRIAL.exists(), reason="needs ../shared/pdf-qa")


@needs_pdf
def test_boxes_drawn_for_a_sentence_cover_its_words_where_pdfium_finds_them():
    from assistant.ingest import load_file, page_view

    doc, _ = load_file(TRIAL, TRIAL.name)
    start = doc.text.index("The individual sessions are embedded")
    end = doc.text.index(".", start) + 1
    sentence = doc.text[start:end]
    (page,) = doc.page_range(start, end)
    view = page_view(TRIAL, page, [sentence])
    rects = view.boxes[0]
    assert rects and view.pages == 10 and view.image[:2] == b"\xff\xd8"  # a JPEG
    words = [w for w in sentence.replace(",", " ").replace(".", " ").split() if len(w) >= 5 and w.isalpha()]
    covered = [w for w in words if any(inside_any(c, rects) for c in pdf_word_centres(TRIAL, page, w))]
    assert len(covered) >= 0.8 * len(words), (words, covered)
    # ...and the boxes are about one sentence's lines, not the page.
    assert sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in rects) < 0.05


@needs_pdf
def test_text_the_page_does_not_hold_gets_no_box_and_a_missing_page_is_refused():
    from assistant.ingest import page_view

    view = page_view(TRIAL, 1, ["Zebras migrate across the Serengeti every autumn in vast numbers."])
    assert view.boxes == [[]]
    with pytest.raises(ValueError, match="page 11 is not in the document"):
        page_view(TRIAL, 11, ["anything"])


@needs_pdf
def test_a_pdf_knows_its_doi_year_and_file(tmp_path):
    from assistant.ingest import load_file

    doc, _ = load_file(TRIAL, TRIAL.name)
    assert doc.doi == "10.1186/s13063-014-0542-8" and doc.year == "2015" and doc.path == str(TRIAL.resolve())


def test_reference_details_from_printed_and_tagged_text(tmp_path):
    from assistant.ingest import load_file
    from assistant.ingest.reference import find_doi, split_authors, year_of

    # A DOI broken at a hyphen by the line end, trailing punctuation, and the resolver form.
    assert find_doi("BMJ Open 2016;6:e012335. doi:10.1136/bmjopen-2016-\n012335") == "10.1136/bmjopen-2016-012335"
    assert find_doi("see https://doi.org/10.2196/jmir.1963).") == "10.2196/jmir.1963"
    assert find_doi("no identifier here") == ""
    assert split_authors("Smith, John") == ("Smith, John",)  # one "Surname, Given"
    assert split_authors("A Smith; B Jones") == ("A Smith", "B Jones")
    assert split_authors("A Smith, B Jones and C Li") == ("A Smith", "B Jones", "C Li")
    assert split_authors("Unknown") == ()
    # ReportLab writes "(anonymous)" where a PDF's maker gave no author: a placeholder, bracketed
    assert split_authors("(anonymous)") == () and split_authors("A Smith; [unknown]") == ("A Smith",)
    assert (year_of("D:20150131034702+08'00'"), year_of("2014-06-20T10:00"), year_of("n.d.")) == ("2015", "2014", "")
    page = tmp_path / "article.html"
    page.write_text('<html><head><title>Sleep and memory</title><meta name="citation_author" content="Ada Lovelace">'
                    '<meta name="citation_author" content="Alan Turing"><meta name="citation_doi" content="10.1000/xyz.42">'
                    '<meta property="article:published_time" content="2021-03-04T08:00:00Z"></head>'
                    "<body><p>Sleep consolidates memory.</p></body></html>")
    doc, _ = load_file(page, "article.html")
    assert (doc.authors, doc.year, doc.doi) == (("Ada Lovelace", "Alan Turing"), "2021", "10.1000/xyz.42")


# -- through the service ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def service(corpus_index, tmp_path_factory):
    from assistant.service import Service

    return Service(corpus_index, tmp_path_factory.mktemp("uploads"))


def test_previous_and_next_are_the_neighbouring_passages_of_the_index(service):
    hit = service.search("What is structural neuroplasticity?", [], 1)["hits"][0]
    view = service.source_view(hit["doc_id"], hit["start"], hit["end"], hit["highlight"]["start"], hit["highlight"]["end"])
    assert view["mark"] == [hit["highlight"]["start"], hit["highlight"]["end"]] and view["page_view"] is None
    assert view["previous"] or view["next"]
    if view["next"]:
        a, b = view["next"]
        assert a > hit["start"]
        back = service.source_view(hit["doc_id"], a, b)["previous"]
        assert back[0] <= hit["start"] and back[0] < a  # stepping back from the next passage comes back here
    if view["previous"]:
        assert view["previous"][0] < hit["start"]


def test_the_original_file_is_served_only_while_it_is_the_file_indexed(tmp_path, encoder):
    from assistant.index import build_index
    from assistant.ingest import load_paths
    from assistant.service import Service, ServiceError

    folder = tmp_path / "papers"
    folder.mkdir()
    note = folder / "note.md"
    note.write_text("# Axolotls\n\nThe axolotl regrows its spinal cord after injury.\n")
    build_index(tmp_path / "idx", load_paths([folder]).documents, encoder)
    svc = Service(tmp_path / "idx", tmp_path / "uploads")
    path, name = svc.original_file("note.md")
    assert path.read_bytes() == note.read_bytes() and name == "note.md"
    assert svc.source_view("note.md", 0, 10)["file"] == "note.md"
    note.write_text("# Axolotls\n\nEdited since it was indexed.\n")
    with pytest.raises(ServiceError, match="not at hand"):
        svc.original_file("note.md")
    assert svc.source_view("note.md", 0, 10)["file"] is None


@needs_pdf
def test_a_pdf_span_is_viewed_on_its_page_with_the_sentence_inside_the_span(tmp_path, encoder):
    from assistant.index import build_index
    from assistant.ingest import load_paths
    from assistant.service import Service

    shutil.copy(TRIAL, tmp_path / TRIAL.name)
    build_index(tmp_path / "idx", load_paths([tmp_path / TRIAL.name]).documents, encoder)
    svc = Service(tmp_path / "idx", tmp_path / "uploads")
    hit = svc.search("How is adherence to the treatment manual rated?", [], 1)["hits"][0]
    hs, he = hit["highlight"]["start"], hit["highlight"]["end"]
    view = svc.source_view(hit["doc_id"], hit["start"], hit["end"], hs, he)
    pv = view["page_view"]
    first_page = hit["page"][0] if isinstance(hit["page"], list) else hit["page"]
    assert pv.page >= first_page and pv.boxes[1], "the sentence is boxed on its page"
    assert all(inside_any(((x0 + x1) / 2, (y0 + y1) / 2), pv.boxes[0], 0.01) for x0, y0, x1, y1 in pv.boxes[1])
    other = svc.source_view(hit["doc_id"], hit["start"], hit["end"], hs, he, page=1)["page_view"]
    assert other.page == 1 and other.image != pv.image


# -- citations ---------------------------------------------------------------------------------------

def _hit(**kw) -> dict:
    hit = {"rank": 1, "doc_id": "papers/trial.pdf", "title": "Drugs & sleep_quality: a {trial}", "start": 10,
           "end": 90, "page": [5, 6], "page_label": "", "section": "Methods",
           "highlight": {"text": "Sleep improved.", "start": 20, "end": 35}}
    return {**hit, **kw}


def test_citations_in_each_format_carry_the_reference_and_the_link():
    from assistant.ingest import Document
    from assistant.service.citations import cite

    doc = Document("papers/trial.pdf", "t", "x" * 100, "papers/trial.pdf", "s", authors=("Ada Lovelace", "Alan Turing"),
                   year="2015", doi="10.1186/s13063-014-0542-8")
    docs, base = {doc.doc_id: doc}, "http://host:7860/"
    plain = cite([_hit()], docs, "plain", base)
    assert plain.startswith("[1] Drugs & sleep_quality") and "pp. 5-6" in plain and "https://doi.org/10.1186/" in plain
    md = cite([_hit()], docs, "markdown", base)
    assert "](http://host:7860/?doc=papers%2Ftrial.pdf&start=10&end=90&hs=20&he=35#source)" in md
    assert "(Ada Lovelace and Alan Turing, 2015)" in md and "> Sleep improved." in md
    # A quote holding markup characters and a command on a line of its own stays one literal quote.
    md = cite([_hit(highlight={"text": "Run *all* with <version>:\n\ncargo clippy | less", "start": 20, "end": 35})],
              docs, "markdown", base)
    assert md.split("\n")[1:] == ["   > Run \\*all\\* with \\<version\\>:", "   >", "   > cargo clippy \\| less"]
    assert md.startswith("1. [Drugs & sleep\\_quality: a {trial}](http://host:7860/")
    assert cite([_hit(highlight={"text": "Run it:\n\ncargo clippy", "start": 20, "end": 35})], docs, "plain") \
        .endswith(': "Run it: cargo clippy" https://doi.org/10.1186/s13063-014-0542-8')
    bib = cite([_hit()], docs, "bibtex", base)
    assert bib.startswith("@article{lovelace2015drugs-1,")
    assert "title = {Drugs \\& sleep\\_quality: a \\{trial\\}}" in bib  # BibTeX's special characters escaped
    assert "author = {Ada Lovelace and Alan Turing}" in bib and "doi = {10.1186/s13063-014-0542-8}" in bib
    ris = cite([_hit(), _hit(rank=2)], docs, "ris", base).split("\n\n")
    assert len(ris) == 2 and ris[0].startswith("TY  - JOUR") and ris[0].endswith("ER  - ")
    assert "AU  - Ada Lovelace\nAU  - Alan Turing" in ris[0] and "PY  - 2015" in ris[0] and "DO  - 10.1186/" in ris[0]
    # A document that states nothing about itself is cited from the hit alone.
    assert cite([_hit()], {}, "bibtex").startswith("@misc{") and "author" not in cite([_hit()], {}, "bibtex")
    with pytest.raises(ValueError, match="unknown citation format"):
        cite([_hit()], docs, "apa")  # type: ignore[arg-type]


@needs_pdf
def test_viewers_asked_at_once_get_what_each_gets_alone():
    # The server renders pages from a thread pool; PDFium itself must only see one at a time.
    from concurrent.futures import ThreadPoolExecutor

    from assistant.ingest import page_view

    asks = [(page, ["Trials", "randomised"]) for page in (1, 3, 5, 7)] * 3
    alone = [page_view(TRIAL, p, t).boxes for p, t in asks]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda a: page_view(TRIAL, *a).boxes, asks))
    assert together == alone and any(b[1] for b in alone)


ROTATED = PDF_QA / "goactive-adolescents-bmjopen-2016.pdf"  # its page 5 is a table set with /Rotate 90


@pytest.mark.skipif(not ROTATED.exists(), reason="needs ../shared/pdf-qa")
def test_a_rotated_page_is_shown_as_displayed_and_its_lines_boxed_as_lines():
    from assistant.ingest import page_view

    view = page_view(ROTATED, 5, ["Summary of changes made to the GoActive intervention and study design"])
    assert view.width == 1100 and view.height < view.width  # landscape, as a reader sees it
    (rects,) = view.boxes
    assert len(rects) == 1, rects  # one line of text, one box
    x0, y0, x1, y1 = rects[0]
    assert (x1 - x0) * view.width > 10 * (y1 - y0) * view.height  # running across the page, not down it

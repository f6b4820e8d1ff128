"""PDF text that reads like the page, measured on the real articles of ../shared/pdf-qa.

For each article: words split in two ("eff ective", "treat- ment"), words fused together
("selfblame", "active12and") and running heads, footers and stamps left in the text after the first
page. The expected counts were checked by hand against the pages (see the comment on each).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from assistant.ingest import load_file

PDF_QA = Path(__file__).resolve().parents[2] / "shared" / "pdf-qa"
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not PDF_QA.is_dir(), reason="needs ../shared/pdf-qa")]

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# Each journal's running head or footer, and stamps, as printed on every page after the first.
_FURNITURE = re.compile(r"Page \d+ of \d+|Downloaded from|Glenthøj et al\. Trials|Lisiecka et al|Hindmarch et al|"
                        r"Dodd et al\. BMC Medicine|Corder K, et al\. BMJ Open|Yardley et al|N\. Baseer et al\.|"
                        r"Epton et al\. BMC Public Health|PAIN 155 \(2014\) \d+")


def _words(text: str) -> set[str]:
    """Every word, and every part of a hyphenated word."""
    out = set()
    for w in _WORD.findall(text):
        out.add(w.lower())
        out.update(w.lower().split("-"))
    return out


def _body(doc) -> str:
    """The text before the reference list (whose titles keep their own spellings)."""
    return next((doc.text[: s.start] for s in doc.sections if doc.in_references(s.start)), doc.text)


def split_words(text: str) -> list[str]:
    """Two pieces that the document prints elsewhere as one word (with or without its hyphen)."""
    words = _words(text)
    out = []
    for m in re.finditer(r"\b([A-Za-z]+)(-?) ([a-z]+)\b", text):
        a, b = m.group(1).lower(), m.group(3)
        if (a + b in words or f"{a}-{b}" in words) and (m.group(2) or a not in words or b not in words):
            out.append(m.group())
    return out


def fused_words(text: str) -> list[str]:
    """A word the document prints elsewhere with a hyphen inside, or a citation number glued between words."""
    tokens = [w.lower() for w in _WORD.findall(text)]
    hyphenated = {w.replace("-", "") for w in tokens if "-" in w}
    out = sorted({w for w in tokens if "-" not in w and len(w) >= 6 and w in hyphenated})
    out += re.findall(r"\b[a-z]{3,}\d{1,3}(?:[,–-]\d{1,3})*[a-z]{2,}\b", text)
    return out


def furniture_left(doc) -> list[str]:
    first_page_end = doc.pages[0].end if doc.pages else 0
    return [m.group() for m in _FURNITURE.finditer(doc.text)
            if m.start() >= first_page_end and not doc.in_references(m.start())]


# file: (split, fused, furniture), each left instance checked by hand:
EXPECTED = {
    "focus-cognitive-remediation-trials-2015.pdf": (0, 0, 0),
    # "pointscards": a table cell's "[points-" / "cards]" joined; "wellbeing": the name of the
    # "Warwick-Edinburgh Wellbeing scale", printed so.
    "goactive-adolescents-bmjopen-2016.pdf": (0, 2, 0),
    "hand-hygiene-web-jmir-2011.pdf": (0, 0, 0),
    "keeping-children-safe-recruitment-trials-2015.pdf": (0, 0, 0),
    # "postpartum" and "socioeconomic": the authors print both spellings.
    "limit-antenatal-diet-bmcmedicine-2014.pdf": (0, 2, 0),
    "minocycline-early-psychosis-trials-2015.pdf": (0, 0, 0),
    "nk1-lamina-i-neurons-pain-2014.pdf": (0, 0, 0),
    "u-at-uni-students-bmcpublichealth-2014.pdf": (0, 0, 0),
}


@functools.cache
def _document(name: str):
    """Each article read once for the module: reading is the slow part."""
    return load_file(PDF_QA / name, name)[0]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_text_has_no_more_split_fused_or_furniture_than_checked_by_hand(name):
    doc = _document(name)
    body = _body(doc)
    found = split_words(body), fused_words(body), furniture_left(doc)
    assert tuple(len(x) for x in found) == EXPECTED[name], found


# Lines of one letter left in the body, checked by hand: nk1's "P" is Table 1's cell "Substance P",
# set on two lines.  Text set vertically (the "Downloaded from" stamp and running head up the margin
# of GoActive's and U@Uni's landscape table pages) was read one letter per line, spliced into the
# table rows beside it (147 and 47 such lines).
STACKED_LETTERS = {"nk1-lamina-i-neurons-pain-2014.pdf": 1}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vertical_text_is_not_read_one_letter_per_line(name):
    lines = [line for line in _body(_document(name)).split("\n") if len(line.strip()) == 1 and line.strip().isalpha()]
    assert len(lines) == STACKED_LETTERS.get(name, 0), lines


def test_a_pdf_reads_the_same_every_time():
    # Its tables hold many boxes at equal distances; pdfminer.six broke those ties by memory
    # address, so a second reading, in a process that has read other files since, moved cells
    # between rows.
    name = "keeping-children-safe-recruitment-trials-2015.pdf"
    assert load_file(PDF_QA / name, name)[0].text == _document(name).text


def test_a_front_pages_author_line_drawn_in_pieces_is_one_line_and_its_letter_spaced_label_stands_apart():
    # Elsevier draws the authors' line in two pieces, the second ("  , Andrew J. Todd a,⇑") a hair
    # inside the first's end: it had been read as a paragraph of its own. Joined, the line ends
    # unfinished, and the letter-spaced "a b s t r a c t" label after it, in lower case, is no rest
    # of it (it had been read "... Todd a,⇑ abstract").
    text = _document("nk1-lamina-i-neurons-pain-2014.pdf").text
    assert "Safa A.S. Shehab b,⇑, Andrew J. Todd a,⇑\n" in text
    assert "\nabstract\n" in text and "Todd a,⇑ abstract" not in text

"""Reading a PDF page fast and the same: the grouping of its text boxes (ingest/pdf_grouping.py)
against pdfminer's own, and the margin tests that ran long on large boxes."""

from __future__ import annotations

import itertools

import numpy as np
import pdfminer.layout
import pytest
from pdfminer.layout import LAParams, LTLayoutContainer, LTPage, LTTextBoxHorizontal, LTTextBoxVertical, LTTextGroup

from assistant.ingest.pdf_grouping import _group_textboxes


def _boxes(rects: list[tuple[float, float, float, float]], vertical: set[int] = frozenset()) -> list:
    boxes = []
    for i, rect in enumerate(rects):
        box = LTTextBoxVertical() if i in vertical else LTTextBoxHorizontal()
        box.set_bbox(rect)
        box.number = i
        boxes.append(box)
    return boxes


def _tree(obj) -> object:
    """A group as nested tuples of its boxes' numbers, with its kind."""
    if isinstance(obj, LTTextGroup):
        return type(obj).__name__, tuple(_tree(child) for child in obj)
    return obj.number


def _pdfminers(rects, vertical, monkeypatch) -> list:
    # pdfminer breaks ties by `id()`, a memory address; numbered on first sight, its order is fixed
    seen = itertools.count()

    def first_seen(obj):
        if not hasattr(obj, "_seen"):
            obj._seen = next(seen)
        return obj._seen

    monkeypatch.setattr(pdfminer.layout, "id", first_seen, raising=False)
    page = LTPage(1, (0, 0, 600, 800))
    return [_tree(g) for g in LTLayoutContainer.group_textboxes(page, LAParams(), _boxes(rects, vertical))]


def _ours(rects, vertical) -> list:
    return [_tree(g) for g in _group_textboxes(LTPage(1, (0, 0, 600, 800)), _boxes(rects, vertical))]


def _table(rows: int, cols: int) -> list[tuple[float, float, float, float]]:
    # equal cells at equal gaps: every distance ties with many others, the order is the tie-break's
    return [(50 + 80 * c, 700 - 20 * r, 110 + 80 * c, 712 - 20 * r) for r in range(rows) for c in range(cols)]


def _scattered(n: int, seed: int) -> list[tuple[float, float, float, float]]:
    # overlapping boxes of all sizes, some outside the page: pairs with a box between them are put back
    rng = np.random.default_rng(seed)
    x0, y0 = rng.uniform(-20, 560, n), rng.uniform(-20, 760, n)
    w, h = rng.uniform(1, 200, n), rng.uniform(1, 60, n)
    return [(float(a), float(b), float(a + c), float(b + d)) for a, b, c, d in zip(x0, y0, w, h)]


@pytest.mark.parametrize("rects, vertical", [
    ([], set()),
    ([(10, 10, 50, 20)], set()),
    # two pairs as far apart inside: (0, 3) comes before (1, 2) by the first box, after it by the second
    ([(0, 0, 10, 10), (100, 0, 110, 10), (120, 0, 130, 10), (20, 0, 30, 10)], set()),
    (_table(12, 6), set()),
    (_table(5, 4) + _scattered(30, 1), {3, 40}),
    (_scattered(120, 2), set()),
    (_scattered(150, 3), {5, 17, 99}),
])
def test_text_boxes_group_into_the_same_tree_in_the_same_order_as_pdfminers(rects, vertical, monkeypatch):
    assert _ours(rects, vertical) == _pdfminers(rects, vertical, monkeypatch)


def test_a_running_head_with_its_page_number_is_told_from_a_paragraph_ending_in_one():
    # (pdf_layout's margin test, here beside the other reading-speed checks: as a regex it
    # backtracked for seconds over a margin box holding a whole paragraph)
    from assistant.ingest.pdf_layout import _numbered_head

    assert _numbered_head("1.2 Estimating cumulative risks 3", "3")
    assert _numbered_head("3 1.2 Estimating cumulative risks", "3")
    assert not _numbered_head("Table 3", "3") and not _numbered_head("12 13", "3") and not _numbered_head("risks 3", "iii")
    paragraph = "The brain changes with sleep and memory in patients of the trial. " * 60
    assert _numbered_head(paragraph + "3", "3") and not _numbered_head(paragraph + "x3", "3")

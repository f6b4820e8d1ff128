"""pdfminer.six's grouping of a page's text boxes, in its order, without a heap of every pair.

Public API: `PageAggregator`.

pdfminer merges a page's text boxes closest pair first into a tree whose order is the reading order
(`LTLayoutContainer.group_textboxes`). It keeps every pair in a Python heap, pops each one, and
breaks ties between equal distances by `id()`, a memory address, so that one file could read in
another order from one run to the next. On a page of table cells (500 boxes, 140,000 pairs) that
took seconds a page. Here the pairs are computed and sorted with numpy, and those whose boxes were
merged already are skipped in bulk; each merge, and each check for a box lying between a pair, is
pdfminer's own, made in the same order on the same tree. Ties go to the box found first, then to the
newer group, as pdfminer's `id` would number them in order of meeting them.
"""

from __future__ import annotations

import heapq

import numpy as np
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextBoxVertical, LTTextGroup, LTTextGroupLRTB, LTTextGroupTBRL
from pdfminer.utils import Plane

__all__ = ["PageAggregator"]

_VERTICAL = (LTTextBoxVertical, LTTextGroupTBRL)  # a group holding one of these reads top to bottom


class _Pairs:
    """Pairs sorted by (distance, first box, second box), read from the front; `head` skips pairs
    with a merged box."""

    def __init__(self, dist: np.ndarray, first: np.ndarray, second: np.ndarray) -> None:
        order = np.lexsort((second, first, dist))
        self.dist, self.first, self.second = dist[order], first[order], second[order]
        self.at = 0

    def head(self, alive: np.ndarray) -> tuple[float, int, int] | None:
        """The first pair of two unmerged boxes from `at` on, or None when none is left."""
        width = 64
        while self.at < len(self.dist):
            end = min(self.at + width, len(self.dist))
            live = np.flatnonzero(alive[self.first[self.at:end]] & alive[self.second[self.at:end]])
            if live.size:
                self.at += int(live[0])
                return float(self.dist[self.at]), int(self.first[self.at]), int(self.second[self.at])
            self.at, width = end, width * 2
        return None


class _Queue:
    """The pairs still to merge, popped as pdfminer's heap pops them: by (distance, first id, second
    id), every pair whose rectangle holds another box put back after all the others."""

    def __init__(self, n: int) -> None:
        self.x0, self.y0, self.x1, self.y1, self.area = (np.zeros(2 * n) for _ in range(5))
        self.alive = np.zeros(2 * n, dtype=bool)
        self.lists: list[_Pairs] = []
        self.fronts: list[tuple[float, int, int, int]] = []  # each list's head: distance, first, second, list
        self.blocked: list[tuple[float, int, int]] = []

    def place(self, slot: int, obj) -> None:
        self.x0[slot], self.y0[slot], self.x1[slot], self.y1[slot] = obj.x0, obj.y0, obj.x1, obj.y1
        self.area[slot] = obj.width * obj.height
        self.alive[slot] = True

    def add_pairs(self, first: np.ndarray, second: np.ndarray) -> None:
        if not first.size:
            return
        # pdfminer's arithmetic in its order: the bounding area, less the first box's, less the second's
        span = (np.maximum(self.x1[first], self.x1[second]) - np.minimum(self.x0[first], self.x0[second])) * (
            np.maximum(self.y1[first], self.y1[second]) - np.minimum(self.y0[first], self.y0[second]))
        self.lists.append(_Pairs(span - self.area[first] - self.area[second], first, second))
        self._front(len(self.lists) - 1)

    def _front(self, k: int) -> None:
        head = self.lists[k].head(self.alive)
        if head is not None:
            heapq.heappush(self.fronts, (*head, k))

    def next_merge(self, plane: Plane, objs: list) -> tuple[int, int] | None:
        """The next pair to merge, or None when every box is in one group."""
        while self.fronts:
            _, a, b, k = entry = heapq.heappop(self.fronts)
            self.lists[k].at += 1
            self._front(k)
            if self.alive[a] and self.alive[b]:
                if not _between(plane, objs[a], objs[b]):
                    return a, b
                heapq.heappush(self.blocked, entry[:3])
        while self.blocked:
            _, a, b = heapq.heappop(self.blocked)
            if self.alive[a] and self.alive[b]:
                return a, b
        return None


def _group_textboxes(page: LTPage, boxes: list) -> list[LTTextGroup]:
    """pdfminer's `group_textboxes` for `page`: the same tree, the same merges in the same order.

    Ids number the boxes in their order, then each group as it is made, which is the order
    pdfminer's `id` tie-break meets them when it numbers objects on first sight."""
    plane: Plane = Plane(page.bbox)
    plane.extend(boxes)
    objs: list = list(boxes)
    queue = _Queue(len(boxes))
    for slot, box in enumerate(boxes):
        queue.place(slot, box)
    queue.add_pairs(*np.triu_indices(len(boxes), k=1))
    while (pair := queue.next_merge(plane, objs)) is not None:
        obj1, obj2 = objs[pair[0]], objs[pair[1]]
        group = LTTextGroupTBRL([obj1, obj2]) if isinstance(obj1, _VERTICAL) or isinstance(obj2, _VERTICAL) \
            else LTTextGroupLRTB([obj1, obj2])
        plane.remove(obj1)
        plane.remove(obj2)
        queue.alive[list(pair)] = False
        others = np.flatnonzero(queue.alive)
        objs.append(group)
        queue.place(len(objs) - 1, group)
        queue.add_pairs(np.full(others.size, len(objs) - 1), others)
        plane.add(group)
    return list(plane)


def _between(plane: Plane, obj1, obj2) -> bool:
    """pdfminer's test: another box or group overlaps the rectangle that bounds the two."""
    x0, y0 = min(obj1.x0, obj2.x0), min(obj1.y0, obj2.y0)
    x1, y1 = max(obj1.x1, obj2.x1), max(obj1.y1, obj2.y1)
    return any(obj is not obj1 and obj is not obj2 for obj in plane.find((x0, y0, x1, y1)))


class _Page(LTPage):
    def group_textboxes(self, laparams: LAParams, boxes) -> list[LTTextGroup]:  # type: ignore[override]
        return _group_textboxes(self, list(boxes))


class PageAggregator(PDFPageAggregator):
    """pdfminer's `PDFPageAggregator`, its pages grouping text boxes by `_group_textboxes`."""

    def begin_page(self, page, ctm) -> None:  # type: ignore[no-untyped-def]
        super().begin_page(page, ctm)
        self.cur_item = _Page(self.cur_item.pageid, self.cur_item.bbox)

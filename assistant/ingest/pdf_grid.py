"""Ruled tables on a PDF page: the grid their rules draw, found from the page's strokes alone.

A word processor's or DocBook's table draws a rule under every row and between its columns; the
text layer holds only the cells' words, which pdfminer groups column by column ("iptables
arptables ebtables" then "V:315, I:889 V:0, I:2 ..."). The grid says which words share a row.

Public API: `Grid`, `find_grids`.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Grid", "find_grids"]

Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 of a straight stroke

_TOUCH = 1.5  # points two strokes may stand apart and still meet
_MIN_RULE = 20.0  # a shorter flat stroke is an underscore or a dash, no rule


@dataclass(frozen=True)
class Grid:
    """A ruled table: its left and right edges, its rows' rules from the top (`rows[k]` over
    `rows[k + 1]`: a band of the table), and within each band the x of the rules between its
    cells."""

    x0: float
    x1: float
    rows: tuple[float, ...]
    columns: tuple[tuple[float, ...], ...]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """The (band, column) a point falls in, or None outside the grid."""
        if not (self.x0 - _TOUCH <= x <= self.x1 + _TOUCH and self.rows[-1] <= y <= self.rows[0]):
            return None
        band = next(k for k in range(len(self.rows) - 1) if y >= self.rows[k + 1])
        return band, sum(cx <= x for cx in self.columns[band])


def _merged(flat: list[Segment]) -> list[tuple[float, float, float]]:
    """Flat strokes joined where they meet end to end at one height: (x0, x1, y), a row's rule
    drawn a cell at a time made one."""
    out: list[list[float]] = []
    for x0, y0, x1, _ in sorted(flat, key=lambda s: (round(s[1]), s[0])):
        last = out[-1] if out else None
        if last is not None and abs(last[2] - y0) <= _TOUCH and x0 <= last[1] + _TOUCH:
            last[1] = max(last[1], x1)
        else:
            out.append([x0, x1, y0])
    return [(a, b, y) for a, b, y in out if b - a >= _MIN_RULE]


def _inner_columns(upright: list[Segment], x0: float, x1: float, top: float, bottom: float) -> tuple[float, ...]:
    """The x of the upright strokes that divide the band between `top` and `bottom` inside its edges."""
    xs = sorted({round(sx, 1) for sx, sy0, _, sy1 in upright
                 if x0 + _TOUCH < sx < x1 - _TOUCH and sy0 <= bottom + _TOUCH and sy1 >= top - _TOUCH})
    return tuple(x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > _TOUCH)


def find_grids(segments: list[Segment]) -> list[Grid]:
    """The ruled tables the strokes draw: runs of two or more bands between rules of one width,
    each band divided into cells by an upright rule or more (a box drawn round a paragraph, or a
    rule over and under a table with no rule between its columns, is no grid)."""
    flat = [s for s in segments if s[3] - s[1] <= _TOUCH]
    upright = [s for s in segments if s[2] - s[0] <= _TOUCH and s[3] - s[1] > _TOUCH]
    if not flat or not upright:
        return []
    rules = _merged(flat)
    grids: list[Grid] = []
    used: set[int] = set()
    for i, (x0, x1, _) in enumerate(rules):
        if i in used:
            continue
        same = sorted((k for k, (a, b, _) in enumerate(rules) if abs(a - x0) <= 2 * _TOUCH and abs(b - x1) <= 2 * _TOUCH),
                      key=lambda k: -rules[k][2])
        used.update(same)
        ys = [rules[k][2] for k in same]
        run: list[float] = ys[:1]
        columns: list[tuple[float, ...]] = []
        for top, bottom in zip(ys, ys[1:]):
            inner = _inner_columns(upright, x0, x1, top, bottom)
            if inner and top - bottom > _TOUCH:
                run.append(bottom)
                columns.append(inner)
                continue
            if len(columns) >= 2:
                grids.append(Grid(x0, x1, tuple(run), tuple(columns)))
            run, columns = [bottom], []
        if len(columns) >= 2:
            grids.append(Grid(x0, x1, tuple(run), tuple(columns)))
    return grids

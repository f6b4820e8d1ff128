"""A PDF page as the source viewer shows it: the page rendered to an image, and where given text
stands on it, as boxes around its characters.

Public API: `PageView`, `page_view`.

The document text is the PDF's text cleaned (hyphens undone, ligatures and furniture repaired or
removed), so its offsets are not the page's character indices.  Text is found on the page by its
letters and digits alone, in order, which every one of those repairs leaves as they were; a piece
the page does not hold (a repaired glyph, a removed footer) is skipped, not guessed.  The renderer
and the character boxes are pypdfium2's (PDFium, BSD/Apache licensed).
"""

from __future__ import annotations

import ctypes
import io
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.words import DOTLESS

__all__ = ["PageView", "page_view"]

# Letters and digits matched as one piece when the whole text is not found in one run: long enough
# that a piece rarely occurs by chance, short enough that a skipped glyph loses few characters.
_PIECE = 16

# PDFium is not thread-safe, and the server answers viewers from a thread pool: one page at a time.
_PDFIUM = threading.Lock()

Rect = tuple[float, float, float, float]  # left, top, right, bottom as fractions of the rendered page


@dataclass(frozen=True)
class PageView:
    """Page `page` (1-based) of `pages`, rendered as a JPEG `width` x `height` pixels; `boxes[i]`
    are the rectangles of the i-th text asked for (empty where the page does not hold it)."""

    page: int
    pages: int
    image: bytes
    width: int
    height: int
    boxes: list[list[Rect]]
    mime: str = "image/jpeg"


def _keys(text: str) -> tuple[str, list[int]]:
    """The letters and digits of `text`, case-folded and compatibility-decomposed (a ligature is
    its letters, an accented letter its bare letter: the text layer may hold the accent as a glyph
    of its own, over a dotless i), with the index in `text` each came from."""
    out, where = [], []
    for i, ch in enumerate(text):
        for k in unicodedata.normalize("NFKD", ch).casefold():
            if k.isalnum():
                out.append(DOTLESS.get(k, k))
                where.append(i)
    return "".join(out), where


def _find(page_keys: str, text: str) -> list[int]:
    """Positions in `page_keys` of the letters and digits of `text`: in one run when the page holds
    it whole, else piece by piece in reading order."""
    keys, _ = _keys(text)
    if not keys:
        return []
    at = page_keys.find(keys)
    if at >= 0:
        return list(range(at, at + len(keys)))
    found, pos = [], 0
    for a in range(0, len(keys), _PIECE):
        piece = keys[a:a + _PIECE]
        if len(piece) < 4:
            break
        at = page_keys.find(piece, pos)
        if at >= 0:
            found.extend(range(at, at + len(piece)))
            pos = at + len(piece)
    return found


def _lines(boxes: list[Rect]) -> list[Rect]:
    """Character boxes as shown (left, top, right, bottom; in reading order) merged into one box per
    run on a line: a new run starts where the text moves to another line or back to the left.
    Merged as displayed, so the text of a rotated page merges along its lines too."""
    runs: list[list[float]] = []
    for left, top, right, bottom in boxes:
        if runs:
            r = runs[-1]
            mid = (top + bottom) / 2
            height = bottom - top
            if r[1] <= mid <= r[3] and r[0] - height / 2 <= left <= r[2] + 3 * height:
                r[0], r[1], r[2], r[3] = min(r[0], left), min(r[1], top), max(r[2], right), max(r[3], bottom)
                continue
        runs.append([left, top, right, bottom])
    return [(r[0], r[1], r[2], r[3]) for r in runs]


def page_view(path: Path, page: int, texts: list[str], width: int = 1100, quality: int = 80) -> PageView:
    """Render page `page` (1-based) of the PDF at `path` `width` pixels wide and box each of
    `texts` where it stands on the page.  Raises ValueError for a page the file does not have and
    pypdfium2's PdfiumError (a RuntimeError) for a file PDFium cannot open."""
    with _PDFIUM:
        return _page_view(path, page, texts, width, quality)


def _page_view(path: Path, page: int, texts: list[str], width: int, quality: int) -> PageView:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        n = len(pdf)
        if not 1 <= page <= n:
            raise ValueError(f"page {page} is not in the document (1–{n})")
        pg = pdf[page - 1]
        w_pt, _ = pg.get_size()
        scale = width / w_pt  # the size as displayed, the page's rotation applied
        image = pg.render(scale=scale).to_pil()
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality)
        w, h = image.size

        tp = pg.get_textpage()
        chars = "".join(chr(raw.FPDFText_GetUnicode(tp.raw, i)) for i in range(tp.count_chars()))
        page_keys, where = _keys(chars)
        dx, dy = ctypes.c_int(), ctypes.c_int()

        def device(x: float, y: float) -> tuple[float, float]:
            # The page's own rotation is applied as in rendering, so boxes land on the image.
            raw.FPDF_PageToDevice(pg.raw, 0, 0, w, h, 0, x, y, ctypes.byref(dx), ctypes.byref(dy))
            return dx.value / w, dy.value / h

        boxes = []
        for text in texts:
            idx = sorted({where[k] for k in _find(page_keys, text)})
            char_boxes = [b for b in (tp.get_charbox(i) for i in idx) if b[2] > b[0] and b[3] > b[1]]
            rects = []
            for left, bottom, right, top in char_boxes:
                (x0, y0), (x1, y1) = device(left, top), device(right, bottom)
                rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            boxes.append(_lines(rects))
        return PageView(page, n, buf.getvalue(), w, h, boxes)
    finally:
        pdf.close()

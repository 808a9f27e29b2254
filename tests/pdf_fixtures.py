"""Test PDFs drawn with reportlab from text of our own, line by line where it matters.

Each page is a list of paragraphs. A paragraph is wrapped to the text width, or broken
exactly where it contains "\\n" (to put "termi-" at a line end); paragraphs are separated
by a blank line's worth of space, as typeset contracts are. Running headers, footers and
page numbers are drawn in the page margins when asked for.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen import canvas

FONT = "Helvetica"
SIZE = 11
LEADING = 14
MARGIN = 72
WIDTH, HEIGHT = A4
TEXT_WIDTH = WIDTH - 2 * MARGIN


def _lines(paragraph: str, width: float) -> list[str]:
    lines: list[str] = []
    for part in paragraph.split("\n"):
        lines.extend(simpleSplit(part, FONT, SIZE, width) or [""])
    return lines


def _image(c: canvas.Canvas, x: float, y: float, w: float, h: float) -> None:
    """A grey 'scan' bitmap: what a scanned page is made of."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (200, 260), 255)
    draw = ImageDraw.Draw(img)
    for row in range(20, 240, 12):
        draw.line((15, row, 185, row), fill=60, width=3)  # strokes that look like text lines
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    c.drawImage(ImageReader(buf), x, y, w, h)


def write_pdf(path: Path, pages: list[list[str] | None], *, header: str | None = None,
              footer: str | None = None, page_number: str | None = None, encrypt=None,
              stamp: str | None = None) -> Path:
    """Write a PDF whose page i holds the paragraphs ``pages[i]``.

    ``None`` as a page draws an image-only page (a scan with no text layer), with
    ``stamp`` printed over it if given (as filing systems stamp scans); ``[]`` draws a page
    with only a horizontal rule on it (blank to a reader).
    ``header``/``footer`` are drawn in the margins of every text page; ``page_number`` is a
    format string with {n} and {total} ("Page {n} of {total}", "- {n} -").
    ``encrypt`` is passed to reportlab's Canvas (a password string or StandardEncryption).
    """
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    total = len(pages)
    for n, paragraphs in enumerate(pages, start=1):
        if paragraphs is None:
            _image(c, MARGIN, MARGIN, TEXT_WIDTH, HEIGHT - 2 * MARGIN)
            if stamp:
                c.setFont(FONT, 8)
                c.drawString(MARGIN, 30, stamp)
            c.showPage()
            continue
        if not paragraphs:
            c.line(MARGIN, 60, WIDTH - MARGIN, 60)
            c.showPage()
            continue
        c.setFont(FONT, 9)
        if header:
            c.drawString(MARGIN, HEIGHT - 40, header)
        if footer:
            c.drawString(MARGIN, 40, footer)
        if page_number:
            c.drawCentredString(WIDTH / 2, 26, page_number.format(n=n, total=total))
        c.setFont(FONT, SIZE)
        y = HEIGHT - MARGIN
        for paragraph in paragraphs:
            for line in _lines(paragraph, TEXT_WIDTH):
                c.drawString(MARGIN, y, line)
                y -= LEADING
            y -= LEADING  # the blank line between paragraphs
        c.showPage()
    c.save()
    return path


def write_two_column_pdf(path: Path, left: list[str], right: list[str]) -> Path:
    """One page in two columns, drawn column by column (as typesetters write them)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, SIZE)
    column = (TEXT_WIDTH - 24) / 2
    for x, paragraphs in ((MARGIN, left), (MARGIN + column + 24, right)):
        y = HEIGHT - MARGIN
        for paragraph in paragraphs:
            for line in _lines(paragraph, column):
                c.drawString(x, y, line)
                y -= LEADING
            y -= LEADING
    c.showPage()
    c.save()
    return path


def write_image_only_pdf(path: Path, pages: int = 2, stamp: str | None = None) -> Path:
    return write_pdf(path, [None] * pages, stamp=stamp)


def write_rotated_pdf(path: Path, paragraphs: list[str]) -> Path:
    """A landscape page stored as a portrait page turned by /Rotate 90, the text drawn
    turned so that it reads upright on screen (how landscape schedules are often made)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.translate(WIDTH, 0)
    c.rotate(90)
    c.setFont(FONT, SIZE)
    y = WIDTH - MARGIN
    for paragraph in paragraphs:
        for line in _lines(paragraph, HEIGHT - 2 * MARGIN):
            c.drawString(MARGIN, y, line)
            y -= LEADING
        y -= LEADING
    c.showPage()
    c.save()
    return path

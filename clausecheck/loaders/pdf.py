"""PDF loader: text lines out of the PDF, then paragraphs with their page numbers.

Two engines give the same kind of Document:

* ``pypdfium2`` (default, ≈30× faster): pdfium's text in content-stream order, which is
  the order the author's program wrote it and so the reading order (columns stay whole,
  where sorting by position would interleave them). The position of each line comes from
  a handful of pdfium calls for its first and last character, never a loop over every
  character in Python.
* ``pdfplumber``: pdfminer's characters grouped into lines in the same stream order
  (``use_text_flow``); slower, for PDFs where pdfium's text is poor.

Everything after the lines — header/footer removal, paragraphs, de-hyphenation — is in
:mod:`clausecheck.loaders.pdf_layout`, shared by both engines.

pdfium is not thread-safe: batch work runs documents in separate processes.
"""

from __future__ import annotations

import ctypes
import io
import re

from ..document import Document, DocumentBuilder
from ..errors import InputError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from .pdf_layout import Line, build_paragraphs, clean_line, strip_running_lines

ENGINES = ("pypdfium2", "pdfplumber")

# A page with fewer visible characters than this and an image on it is a scan with, at
# most, a stamp or an EDGAR "Source:" line printed over it.
_SCANNED_MAX_CHARS = 30
# pdfium joins a line that ends in a hyphen to the next one and writes U+FFFE for the
# hyphen and the break: split there again, so the de-hyphenation rule sees "termi-" | "nation".
_LINE_BREAK = re.compile(r"\r\n|\r|\n|(\ufffe)")


def load_pdf(data: bytes, path: str, sha256: str, *, engine: str = "pypdfium2",
             limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a PDF into a Document whose blocks are paragraphs, each with its 1-based page.

    Raises InputError for encrypted, corrupt, truncated or text-less PDFs and
    LimitExceeded past ``limits.max_pages``.
    """
    if engine == "pypdfium2":
        pages, scanned = _pdfium_lines(data, path, limits)
    elif engine == "pdfplumber":
        pages, scanned = _pdfplumber_lines(data, path, limits)
    else:
        raise InputError(path, f"unknown PDF engine {engine!r} (choose {', '.join(ENGINES)})")
    return _assemble(pages, scanned, path, sha256)


def _assemble(pages: list[list[Line]], scanned: list[int], path: str, sha256: str) -> Document:
    warnings = [f"page {n} has no text layer (scanned? OCR needed)" for n in scanned]
    for n in scanned:
        pages[n - 1] = []  # a stamp on a scan is not the contract's text
    paragraphs = build_paragraphs(strip_running_lines(pages))
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph.text, page=paragraph.page,
                    kind="heading" if paragraph.heading else "paragraph")
    if not len(builder):
        if scanned:
            raise InputError(path, "no text layer: scanned PDF, OCR needed")
        raise InputError(path, "no text in PDF (blank pages)")
    return builder.build(path, "pdf", sha256, pages=len(pages), warnings=warnings)


def _check_pages(count: int, path: str, limits: Limits) -> None:
    if count > limits.max_pages:
        raise LimitExceeded(path, f"PDF has {count} pages, over the {limits.max_pages} page limit "
                                  "(raise it with --max-pages)")
    if count == 0:
        raise InputError(path, "PDF has no pages")


# -- pypdfium2 ---------------------------------------------------------------------------

def _pdfium_lines(data: bytes, path: str, limits: Limits) -> tuple[list[list[Line]], list[int]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(path, _pdfium_open_error(exc, pdfium_c)) from None
    try:
        count = len(pdf)
        _check_pages(count, path, limits)
        pages: list[list[Line]] = []
        scanned: list[int] = []
        for index in range(count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                raise InputError(path, f"corrupt or truncated PDF (page {index + 1} cannot be read)") from None
            try:
                lines, visible = _pdfium_page(page, pdfium_c)
                if visible < _SCANNED_MAX_CHARS and _has_image_or_content(page, pdfium_c, visible):
                    scanned.append(index + 1)
            finally:
                page.close()
            pages.append(lines)
        return pages, scanned
    finally:
        pdf.close()


def _pdfium_open_error(exc, pdfium_c) -> str:
    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "encrypted PDF: password required"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "encrypted PDF: unsupported security handler"
    if code == pdfium_c.FPDF_ERR_FILE:
        return "corrupt or truncated PDF (cannot be opened)"
    return "corrupt or truncated PDF (not a readable PDF structure)"


def _pdfium_page(page, pdfium_c) -> tuple[list[Line], int]:
    """The page's lines with positions, and how many visible characters it has."""
    textpage = page.get_textpage()
    try:
        n_chars = textpage.count_chars()
        if n_chars <= 0:
            return [], 0
        text = textpage.get_text_range()
        raw = textpage.raw
        height = page.get_height()
        rotated = page.get_rotation() in (90, 270)
        # Text index == char index unless pdfium inserted or dropped characters.
        same_index = len(text) == n_chars
        x, y = ctypes.c_double(), ctypes.c_double()
        left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
        lines: list[Line] = []
        visible = 0
        pos = 0
        for match in _LINE_BREAK.finditer(text + "\n"):
            segment = text[pos:match.start()]
            seg_start = pos
            pos = match.end()
            if not segment.strip():
                continue
            cleaned = clean_line(segment + "-" if match.group(1) else segment)
            if not cleaned:
                continue
            visible += len(cleaned)
            line = Line(cleaned)
            if not rotated:
                first = seg_start + (len(segment) - len(segment.lstrip()))
                last = seg_start + len(segment.rstrip()) - 1
                if not same_index:
                    first = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, first)
                    last = pdfium_c.FPDFText_GetCharIndexFromTextIndex(raw, last)
                if first >= 0 and last >= 0 and pdfium_c.FPDFText_GetCharOrigin(raw, first, x, y):
                    line.x0 = x.value
                    line.y = height - y.value
                    size = pdfium_c.FPDFText_GetFontSize(raw, first)
                    line.size = size if size > 0 else None
                    if pdfium_c.FPDFText_GetCharBox(raw, last, left, right, bottom, top):
                        line.x1 = right.value
            lines.append(line)
        return lines, visible
    finally:
        textpage.close()


def _has_image_or_content(page, pdfium_c, visible: int) -> bool:
    """No text (or a stamp only) but something drawn: a scanned or image-only page."""
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if visible == 0:
        return count > 0
    for i in range(count):  # only pages with almost no text get here: few objects to look at
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if obj and pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return True
    return False


# -- pdfplumber --------------------------------------------------------------------------

def _pdfplumber_lines(data: bytes, path: str, limits: Limits) -> tuple[list[list[Line]], list[int]]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise InputError(path, _pdfplumber_error(exc)) from None
    try:
        try:
            plumber_pages = pdf.pages
        except Exception as exc:
            raise InputError(path, _pdfplumber_error(exc)) from None
        _check_pages(len(plumber_pages), path, limits)
        pages: list[list[Line]] = []
        scanned: list[int] = []
        for number, page in enumerate(plumber_pages, start=1):
            try:
                lines, visible = _pdfplumber_page(page)
                if visible < _SCANNED_MAX_CHARS and (page.images or (visible == 0 and (
                        page.rects or page.curves or page.lines))):
                    scanned.append(number)
            except Exception as exc:
                raise InputError(path, _pdfplumber_error(exc, f"page {number}: ")) from None
            finally:
                page.close()  # drops the page's cached layout objects
            pages.append(lines)
        return pages, scanned
    finally:
        pdf.close()


def _pdfplumber_error(exc: BaseException, where: str = "") -> str:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfplumber wraps pdfminer's exceptions (PdfminerException(PDFPasswordIncorrect())).
    causes = [exc, *[a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]]
    if exc.__context__ is not None:
        causes.append(exc.__context__)
    if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
        return "encrypted PDF: password required"
    inner = next((c for c in causes[1:]), exc)
    return f"corrupt or truncated PDF ({where}{type(inner).__name__})"


def _pdfplumber_page(page) -> tuple[list[Line], int]:
    if not page.chars:
        return [], 0
    lines: list[Line] = []
    visible = 0
    # use_text_flow keeps the content-stream order, as pdfium does, instead of sorting
    # characters by position (which would interleave the lines of two columns).
    for raw in page.extract_text_lines(strip=True, return_chars=False, use_text_flow=True):
        cleaned = clean_line(raw["text"])
        if not cleaned:
            continue
        visible += len(cleaned)
        lines.append(Line(cleaned, x0=float(raw["x0"]), x1=float(raw["x1"]), y=float(raw["bottom"]),
                          size=float(raw["bottom"] - raw["top"]) or None))
    return lines, visible

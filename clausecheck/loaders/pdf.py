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
from dataclasses import dataclass, field

from ..document import Document, DocumentBuilder
from ..errors import InputError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from .pdf_layout import Line, build_paragraphs, clean_line, strip_running_lines

ENGINES = ("pypdfium2", "pdfplumber")

# A page with fewer visible characters than this is a scan when a picture covers much of it
# (the text being, at most, a stamp or an EDGAR "Source:" line printed over the scan).
_STAMP_MAX_CHARS = 30
_SCAN_MIN_AREA = 0.25  # share of the page a picture covers on a scanned page with a stamp
_PICTURE_MIN_AREA = 0.05  # … and on a page with no text at all (a small logo is no scan)
_OUTLINED_TEXT_PATHS = 150  # a text-less page drawn with this many paths: text as outlines
_MAX_OBJECTS = 5000  # objects looked at per text-less page, nested forms included

# pdfium joins a line that ends in a hyphen to the next one and writes U+FFFE for the
# hyphen and the break: split there again, so the de-hyphenation rule sees "termi-" | "nation".
_LINE_BREAK = re.compile(r"\r\n|\r|\n|(\ufffe)")

# A PDF ends with "%%EOF", in its last 1,024 bytes by the specification (all 385 PDFs of
# the shared corpus do); 4 KB leaves room for junk some mailers append. A file without it
# was cut short, and pdfium's repair would quietly read what is left: the lost pages would
# then show up as "missing" protections. Refuse it instead.
_EOF_MARKER = b"%%EOF"
_EOF_WINDOW = 4096


@dataclass
class _Extraction:
    pages: list[list[Line]] = field(default_factory=list)
    scanned: list[int] = field(default_factory=list)  # 1-based pages with no text layer
    damaged: list[int] = field(default_factory=list)  # 1-based pages that could not be read


def load_pdf(data: bytes, path: str, sha256: str, *, engine: str = "pypdfium2",
             limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a PDF into a Document whose blocks are paragraphs, each with its 1-based page.

    Raises InputError for encrypted, corrupt, truncated or text-less PDFs and
    LimitExceeded past ``limits.max_pages``; a scanned or damaged page among readable
    ones is a warning on the Document.
    """
    if _EOF_MARKER not in data[-_EOF_WINDOW:]:
        raise InputError(path, "corrupt or truncated PDF (no %%EOF end marker: an incomplete download or copy?)")
    if engine == "pypdfium2":
        extraction = _pdfium_extract(data, path, limits)
    elif engine == "pdfplumber":
        extraction = _pdfplumber_extract(data, path, limits)
    else:
        raise InputError(path, f"unknown PDF engine {engine!r} (choose {', '.join(ENGINES)})")
    return _assemble(extraction, path, sha256)


def _assemble(extraction: _Extraction, path: str, sha256: str) -> Document:
    pages = extraction.pages
    if extraction.damaged and len(extraction.damaged) == len(pages):
        raise InputError(path, "corrupt or truncated PDF (no page can be read)")
    if extraction.scanned and len(extraction.scanned) + len(extraction.damaged) == len(pages):
        raise InputError(path, "no text layer: scanned PDF, OCR needed")
    warnings = sorted(
        [(n, f"page {n} has no text layer (scanned? OCR needed)") for n in extraction.scanned]
        + [(n, f"page {n} cannot be read (damaged), skipped") for n in extraction.damaged])
    paragraphs = build_paragraphs(strip_running_lines(pages))
    if not paragraphs:
        # Every line was taken for a running header or footer: a short document printed
        # page after page the same (a form, a one-page notice repeated). Those lines are
        # its content, not its margins.
        paragraphs = build_paragraphs(pages)
    builder = DocumentBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph.text, page=paragraph.page,
                    kind="heading" if paragraph.heading else "paragraph")
    if not len(builder):
        if extraction.scanned:
            raise InputError(path, "no text layer: scanned PDF, OCR needed")
        raise InputError(path, "no text in PDF (blank pages)")
    return builder.build(path, "pdf", sha256, pages=len(pages), warnings=[w for _, w in warnings])


def _check_pages(count: int, path: str, limits: Limits) -> None:
    if count > limits.max_pages:
        raise LimitExceeded(path, f"PDF has {count} pages, over the {limits.max_pages} page limit "
                                  "(raise it with --max-pages)")
    if count == 0:
        raise InputError(path, "PDF has no pages")


def _is_scan(visible: int, picture_share: float, paths: int) -> bool:
    """A page whose content is pictures (or outlined glyphs) rather than text."""
    if visible == 0:
        return picture_share >= _PICTURE_MIN_AREA or paths >= _OUTLINED_TEXT_PATHS
    return visible < _STAMP_MAX_CHARS and picture_share >= _SCAN_MIN_AREA


# -- pypdfium2 ---------------------------------------------------------------------------

def _pdfium_extract(data: bytes, path: str, limits: Limits) -> _Extraction:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(path, _pdfium_open_error(exc, pdfium_c)) from None
    try:
        count = len(pdf)
        _check_pages(count, path, limits)
        result = _Extraction()
        for number in range(1, count + 1):
            lines: list[Line] = []
            try:
                page = pdf[number - 1]
            except pdfium.PdfiumError:
                result.damaged.append(number)
            else:
                try:
                    lines, visible = _pdfium_page(page, pdfium_c)
                    if visible < _STAMP_MAX_CHARS and _is_scan(visible, *_pdfium_pictures(page, pdfium_c)):
                        result.scanned.append(number)
                except pdfium.PdfiumError:
                    lines = []
                    result.damaged.append(number)
                finally:
                    page.close()
            result.pages.append(lines)
        return result
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
        # On a page turned by /Rotate the lines run along the other axis: positions would
        # mislead the paragraph rules, which then work from the text alone.
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


def _pdfium_pictures(page, pdfium_c) -> tuple[float, int]:
    """(share of the page the largest picture covers, number of paths), forms included.

    Only pages with (almost) no text get here, so walking their objects costs little.
    """
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    largest, paths, seen = 0.0, 0, 0
    stack = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    while stack and seen < _MAX_OBJECTS:
        obj = stack.pop()
        seen += 1
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            if pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t):
                largest = max(largest, abs(r.value - l.value) * abs(t.value - b.value) / page_area)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            stack.extend(pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)))
    return min(largest, 1.0), paths


# -- pdfplumber --------------------------------------------------------------------------

def _pdfplumber_extract(data: bytes, path: str, limits: Limits) -> _Extraction:
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
        result = _Extraction()
        for number, page in enumerate(plumber_pages, start=1):
            lines: list[Line] = []
            try:
                lines, visible = _pdfplumber_page(page)
                if visible < _STAMP_MAX_CHARS:
                    area = max(float(page.width * page.height), 1.0)
                    largest = max((float((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) / area
                                   for im in page.images), default=0.0)
                    paths = len(page.curves) + len(page.lines) + len(page.rects)
                    if _is_scan(visible, min(largest, 1.0), paths):
                        result.scanned.append(number)
            except Exception:  # a damaged page among readable ones: say so, read the rest
                lines = []
                result.damaged.append(number)
            finally:
                page.close()  # drops the page's cached layout objects
            result.pages.append(lines)
        return result
    finally:
        _close_quietly(pdf)


def _close_quietly(pdf) -> None:
    """pdfplumber's close() walks the pages again; on a damaged file that raises anew."""
    try:
        pdf.close()
    except Exception:  # the file's error has been reported already; closing must not mask it
        pass


def _pdfplumber_error(exc: BaseException) -> str:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfplumber wraps pdfminer's exceptions (PdfminerException(PDFPasswordIncorrect())).
    causes = [exc, *[a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]]
    if exc.__context__ is not None:
        causes.append(exc.__context__)
    if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
        return "encrypted PDF: password required"
    inner = causes[1] if len(causes) > 1 else exc
    return f"corrupt or truncated PDF ({type(inner).__name__})"


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

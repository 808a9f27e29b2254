"""Plain text and Markdown: paragraphs are runs of lines separated by blank lines."""

from __future__ import annotations

import re

from ..document import Document, DocumentBuilder
from ..errors import InputError

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FORM_FEED = "\f"
# Control characters other than tab, newline, carriage return and form feed mean nothing in
# a contract, and XML (DOCX and HTML reports) cannot hold them (nor U+FFFE, U+FFFF). A vertical tab is the manual
# line break of Word's text exports.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 which never fails."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # A cut-off last byte or a lone surrogate must not make the whole file unreadable.
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def load_text(data: bytes, path: str, sha256: str) -> Document:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    text = _CONTROLS.sub("", text)
    builder = DocumentBuilder()
    # A form feed is a page break in text exports; keep it as page provenance.
    pages = text.split(_FORM_FEED)
    for page_no, page in enumerate(pages, start=1):
        for paragraph in _PARAGRAPH_BREAK.split(page):
            builder.add(paragraph.strip("\n"), page=page_no if len(pages) > 1 else None)
    if not len(builder):
        raise InputError(path, "no text in file")
    return builder.build(path, "text", sha256, pages=len(pages) if len(pages) > 1 else None)

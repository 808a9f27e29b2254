"""Tell PDF, DOCX and text apart by their bytes, and name what anything else looks like."""

from __future__ import annotations

import io
import zipfile

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
# Word writes a few dozen parts. zipfile builds an object of ~0.5 KB per member listed in
# the central directory, so a 200 MB archive of two million empty members would take a
# gigabyte before anyone could count them: count their signatures in the bytes first.
MAX_ZIP_MEMBERS = 10_000
_CENTRAL_DIRECTORY_ENTRY = b"PK\x01\x02"


def sniff_format(data: bytes, suffix: str = "") -> str:
    """Return "pdf", "docx" or "text", or a one-line reason the bytes are none of them."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        if data.count(_CENTRAL_DIRECTORY_ENTRY) > MAX_ZIP_MEMBERS:
            return f"zip archive lists over {MAX_ZIP_MEMBERS:,} members: not a Word document"
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except Exception:  # noqa: BLE001
            # zipfile raises NotImplementedError, UnicodeDecodeError, struct.error, EOFError…
            # on a damaged central directory, not only BadZipFile.
            return "corrupt zip archive (truncated or damaged DOCX?)"
        if "word/document.xml" in names:
            return "docx"
        if "[Content_Types].xml" in names:
            return "Office file without word/document.xml: not a Word document (damaged DOCX?)"
        return "zip archive, not a DOCX document"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # Word saves a password-protected .docx as an OLE container holding the encrypted
        # package: tell that apart from an old binary .doc, the fix is different.
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "password-protected Word/Office file: remove the password (or export a PDF) first"
        return "legacy binary Word/Office file (.doc): save it as .docx or PDF first"
    if data[:5] == b"{\\rtf":
        return "RTF file: save it as .docx or PDF first"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "HTML file, not a PDF, DOCX or text contract"
    if _looks_like_text(data) and suffix not in (".pdf", ".docx", ".doc"):
        return "text"
    # Text bytes behind a .pdf/.docx name are far more often a damaged or mislabelled
    # download than a contract: refusing says so, where reading them would report 19 gaps.
    if suffix == ".pdf":
        return "not a PDF (no %PDF header): damaged or mislabelled file"
    if suffix == ".docx":
        return "not a DOCX (not a zip archive): damaged or mislabelled file"
    return "unsupported file type (expected PDF, DOCX, TXT or Markdown)"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 text has NULs; accept it only with a BOM.
        return sample[:2] in (b"\xff\xfe", b"\xfe\xff")
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control <= len(sample) * 0.01

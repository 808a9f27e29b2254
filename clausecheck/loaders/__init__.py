"""Document loaders: sniff the real type from the bytes, then read it into a Document.

    >>> doc = load("msa.docx")
    >>> doc.format, doc.pages, doc.blocks[0].text

The extension is only a tie-breaker for plain text: a PDF renamed ``.docx`` is read as
a PDF, and HTML renamed ``.pdf`` is refused as "not a PDF, DOCX or text file".
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..document import Document
from ..errors import InputError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from .sniff import sniff_format

PDF_ENGINES = ("pypdfium2", "pdfplumber")


def load(path: str | os.PathLike, *, pdf_engine: str = "pypdfium2",
         limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a contract (PDF, DOCX, TXT or Markdown) into a :class:`Document`.

    Raises :class:`InputError` with a one-line reason for anything that cannot be read.
    """
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise LimitExceeded(name, f"file is {size / 2**20:.1f} MB, over the {limits.max_file_mb:g} MB "
                                      "limit (raise it with --max-file-mb)")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(name, "empty file")

    kind = sniff_format(data, path.suffix.lower())
    sha256 = hashlib.sha256(data).hexdigest()
    if kind == "pdf":
        from .pdf import load_pdf
        if pdf_engine not in PDF_ENGINES:
            raise InputError(name, f"unknown PDF engine {pdf_engine!r} (choose {', '.join(PDF_ENGINES)})")
        return load_pdf(data, name, sha256, engine=pdf_engine, limits=limits)
    if kind == "docx":
        from .docx import load_docx
        return load_docx(data, name, sha256, limits=limits)
    if kind == "text":
        from .text import load_text
        return load_text(data, name, sha256)
    raise InputError(name, kind)  # sniff_format's reason for refusing the bytes


__all__ = ["load", "PDF_ENGINES"]

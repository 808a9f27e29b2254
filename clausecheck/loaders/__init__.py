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

    Raises :class:`InputError` with a one-line reason for anything that cannot be read;
    its message shows the file name with control characters escaped, so that it stays one
    line whatever the name holds (``exc.path`` keeps the name as it is).
    """
    path = Path(path)
    name = str(path)
    try:
        document = _load(path, name, pdf_engine, limits)
        if len(document.text) > limits.max_chars:
            raise LimitExceeded(name, f"text is {len(document.text):,} characters, over the {limits.max_chars:,} "
                                      "character limit (raise it with --max-chars)")
    except InputError as exc:
        shown = printable_path(name)
        if shown != name:
            exc.args = (f"{shown}: {exc.reason}",)
        raise
    return document


def printable_path(name: str) -> str:
    """``name`` with what would break a one-line message escaped: newlines and other
    control or invisible formatting characters (``\\n``, ``\\u202e``), and bytes that are
    not UTF-8 (``\\xff``, from surrogate escapes)."""
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if ch.isprintable():
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def _load(path: Path, name: str, pdf_engine: str, limits: Limits) -> Document:
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
        from .pdf import load_pdf as reader
        if pdf_engine not in PDF_ENGINES:
            raise InputError(name, f"unknown PDF engine {pdf_engine!r} (choose {', '.join(PDF_ENGINES)})")
        options = {"engine": pdf_engine, "limits": limits}
    elif kind == "docx":
        from .docx import load_docx as reader
        options = {"limits": limits}
    elif kind == "text":
        # Any encoding takes at most 4 bytes a character: a file over 4x the character
        # limit is refused without decoding it (a 50 MB dump would take ~0.4 GB to decode).
        if len(data) // 4 > limits.max_chars:
            raise LimitExceeded(name, f"text is at least {len(data) // 4:,} characters, over the "
                                      f"{limits.max_chars:,} character limit (raise it with --max-chars)")
        from .text import load_text as reader
        options = {}
    else:
        raise InputError(name, kind)  # sniff_format's reason for refusing the bytes
    try:
        return reader(data, name, sha256, **options)
    except InputError:
        raise
    except MemoryError:
        raise InputError(name, "out of memory while reading the file") from None
    except RecursionError:
        raise InputError(name, f"{kind.upper()} structure nested too deeply to read") from None
    except Exception as exc:
        # A reader bug or a library failure nobody foresaw: still one line for the user
        # (and an error row in a batch), not a traceback. The cause stays chained for
        # the fuzzer and for debugging.
        raise InputError(name, f"cannot be read: unexpected {type(exc).__name__} in the {kind} reader "
                               "(please report this file)") from exc


__all__ = ["load", "PDF_ENGINES"]

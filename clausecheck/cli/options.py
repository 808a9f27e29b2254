"""Options shared by the commands that read contracts."""

from __future__ import annotations

import functools

import click

from ..limits import DEFAULT_LIMITS, Limits


def input_options(func):
    """--pdf-engine and the safety limits for reading untrusted files."""
    @click.option("--pdf-engine", type=click.Choice(["pypdfium2", "pdfplumber"]), default="pypdfium2",
                  show_default=True, help="PDF text engine: pypdfium2 is fast; pdfplumber follows layout closely.")
    @click.option("--max-file-mb", type=click.FloatRange(min=0.001), default=DEFAULT_LIMITS.max_file_mb,
                  show_default=True, help="Refuse files larger than this.")
    @click.option("--max-pages", type=click.IntRange(min=1), default=DEFAULT_LIMITS.max_pages,
                  show_default=True, help="Refuse PDFs with more pages.")
    @click.option("--max-unzipped-mb", type=click.FloatRange(min=0.001), default=DEFAULT_LIMITS.max_unzipped_mb,
                  show_default=True, help="Refuse DOCX files that expand to more than this (zip bombs).")
    @click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_LIMITS.max_chars,
                  show_default=True, help="Refuse documents whose text is longer (bounds memory: ~100 bytes "
                                          "per character).")
    @functools.wraps(func)
    def wrapper(*args, pdf_engine, max_file_mb, max_pages, max_unzipped_mb, max_chars, **kwargs):
        limits = Limits(max_file_mb=max_file_mb, max_pages=max_pages, max_unzipped_mb=max_unzipped_mb,
                        max_chars=max_chars)
        return func(*args, pdf_engine=pdf_engine, limits=limits, **kwargs)
    return wrapper


def timeout_option(func):
    """--timeout for the one-document commands (batch has its own, with a default)."""
    return click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                        help="Seconds reading and analysing FILE may take; past it, exit 2 naming the "
                             "limit [default: no limit].")(func)


def model_option(func):
    return click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None,
                        help="Model directory (default: the shipped model).")(func)

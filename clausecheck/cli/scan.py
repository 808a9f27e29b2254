"""``clausecheck scan``: the missing-clause report for one contract."""

from __future__ import annotations

import os
import sys

import click

from .errors import EXIT_FINDINGS, fail
from .options import input_options, model_option, timeout_option

FORMATS = ["text", "markdown", "json", "html", "docx"]


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Report format [default: text, or from the -o extension].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the report to this file (atomically) instead of stdout.")
@click.option("--playbook", type=click.Path(dir_okay=False, exists=True), default=None,
              help="A playbook TOML (default: the built-in outsourcing playbook).")
@click.option("--fail-on", type=click.Choice(["none", "low", "medium", "high"]), default="none",
              show_default=True, help="Exit 1 when a missing or partial requirement has this severity or higher.")
@click.option("--annotate", type=click.Path(dir_okay=False), default=None,
              help="DOCX input only: write a copy of the contract with a Word comment on each clause "
                   "that meets a requirement and a list of what is missing at the top.")
@timeout_option
@model_option
@input_options
def scan(file: str, fmt: str | None, output: str | None, playbook: str | None, fail_on: str,
         annotate: str | None, timeout: float | None, model_dir: str | None, pdf_engine: str, limits) -> None:
    """Report which protections FILE has, lacks or only partly has.

    Missing and partial requirements come first, by severity, each with why it matters
    and suggested wording; then what is present, with page and quoted evidence.

    \b
    Examples:
      clausecheck scan draft.pdf
      clausecheck scan draft.docx --format html -o review.html
      clausecheck scan draft.pdf --format json | jq '.findings[] | select(.status != "present")'
      clausecheck scan draft.pdf --fail-on high     # exit 1 if a high-severity gap is found

    Exit status: 0 done; 1 a gap at or above --fail-on; 2 unreadable input or bad usage.
    """
    from ..analysis import Analyzer
    from ..limits import TimeBudget
    from ..loaders import load, printable_path
    from ..output import atomic_write

    fmt = fmt or _format_from_extension(output) or "text"
    if fmt == "docx" and output is None and sys.stdout.isatty():
        fail("--format docx writes a Word file: give -o REPORT.docx")
    shown = printable_path(file)
    for target in (output, annotate):
        if target and _same_file(target, file):  # say so now, not after the analysis
            fail(f"{printable_path(target)}: refusing to overwrite an input file; choose another output path")
    budget = TimeBudget(timeout, shown)
    # The contract is read before the pipeline and model are built, so that an unreadable
    # file is reported in a fraction of a second.
    with budget.running():
        document = load(file, pdf_engine=pdf_engine, limits=limits)
    if annotate and document.format != "docx":
        fail(f"{shown}: --annotate needs a DOCX contract (this one is {document.format})")
    analyzer = Analyzer(playbook, model_dir=model_dir, pdf_engine=pdf_engine, limits=limits)
    color = fmt == "text" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    with budget.running():
        report = analyzer.analyze(document)
        rendered = report.render(fmt, color=color)
    if output:
        atomic_write(output, rendered, inputs=[file])
    elif isinstance(rendered, bytes):
        sys.stdout.buffer.write(rendered)
    else:
        click.echo(rendered)
    if annotate:
        from pathlib import Path

        from ..annotate import annotate_docx
        atomic_write(annotate, annotate_docx(Path(file).read_bytes(), document, report), inputs=[file])
    if fmt != "json" or output:
        for warning in report.to_dict()["document"]["warnings"]:
            click.echo(f"warning: {shown}: {warning}", err=True)
    if report.fails(fail_on):
        sys.exit(EXIT_FINDINGS)


def _same_file(target: str, source: str) -> bool:
    try:
        return os.path.exists(target) and os.path.samefile(target, source)
    except OSError:
        return False


def _format_from_extension(output: str | None) -> str | None:
    if not output:
        return None
    return {".json": "json", ".html": "html", ".htm": "html", ".md": "markdown", ".docx": "docx",
            ".txt": "text"}.get(os.path.splitext(output)[1].lower())


COMMANDS = [scan]

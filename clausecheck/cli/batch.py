"""``clausecheck batch``: scan a whole archive of contracts into one output folder."""

from __future__ import annotations

import os
import sys

import click

from .options import input_options, model_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder (created if needed). Nothing is written anywhere else.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes, one document each at a time [default: number of CPUs].")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted batch in the same --out: documents already in results.jsonl "
                   "are skipped.")
@click.option("--retry-errors", is_flag=True, help="With --resume: analyse again the documents that failed.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds one document may take; past it the document becomes an error row "
                   "and the batch goes on.")
@click.option("--playbook", type=click.Path(dir_okay=False, exists=True), default=None,
              help="A playbook TOML (default: the built-in outsourcing playbook).")
@click.option("--format-reports", type=click.Choice(["html", "none"]), default="html", show_default=True,
              help="Write a per-document HTML report under OUT/reports/ (linked from the dashboard).")
@click.option("--progress/--no-progress", default=True, show_default=True,
              help="Progress on stderr: a bar on a terminal, a line every 10 s otherwise.")
@model_option
@input_options
def batch(paths: tuple[str, ...], out_dir: str, workers: int | None, resume: bool, retry_errors: bool,
          timeout: float, playbook: str | None, format_reports: str, progress: bool, model_dir: str | None,
          pdf_engine: str, limits) -> None:
    """Analyse every contract under PATH... (folders recursively, and .zip archives)
    in parallel, into the folder --out.

    What is a contract is decided by the bytes (PDF, DOCX, text), not by the extension;
    hidden files are skipped. Identical files (same SHA-256) are analysed once.

    \b
    OUT/results.jsonl  one line per document: its report JSON (as `scan --format json`),
                       an error record {"path", "sha256", "status": "error", "error"},
                       or a duplicate record {"path", "sha256", "status": "duplicate",
                       "duplicate_of"}. Written as each document finishes, so a batch
                       that is killed can go on with --resume.
    OUT/summary.csv    one row per document: path, sha256, status (ok|error), pages,
                       present, partial, missing, worst_severity, one column per playbook
                       requirement (present|partial|missing), duplicate_of, error.
    OUT/errors.csv     the documents that could not be read, and why.
    OUT/index.html     a dashboard: missing rate per requirement, documents by risk,
                       links to OUT/reports/<sha256-prefix>-<name>.html.

    \b
    Examples:
      clausecheck batch contracts/ --out results/
      clausecheck batch archive.zip more/ --out results/ --workers 4 --timeout 300
      clausecheck batch contracts/ --out results/ --resume    # after an interruption

    Exit status: 0 when the batch ran to the end, even if some documents could not be
    read (they are listed in OUT/errors.csv and counted on the last line); 2 on bad
    usage (no such PATH, OUT already holds results without --resume, bad playbook or
    model); 130 when interrupted (run again with --resume).
    """
    from ..batch import BatchOptions, run_batch
    from ..batch.progress import duration

    if retry_errors and not resume:
        raise click.UsageError("--retry-errors only makes sense with --resume")
    options = BatchOptions(out_dir=out_dir, workers=workers, timeout=timeout, resume=resume,
                           retry_errors=retry_errors, playbook=playbook, model_dir=model_dir,
                           pdf_engine=pdf_engine, limits=limits, format_reports=format_reports,
                           progress=progress)
    try:
        result = run_batch(list(paths), options)
    except KeyboardInterrupt:
        click.echo(f"clausecheck: interrupted; finished documents are in {os.path.join(out_dir, 'results.jsonl')}: "
                   "run the same command with --resume to go on", err=True)
        sys.exit(130)

    # "3 documents: 2 analysed (22 pages) in 4s, 1 unreadable": a file that could not be read was
    # sent to a worker but is not counted as analysed.
    done = [f"{result.analysed - result.unreadable} analysed ({result.pages} pages) in {duration(result.seconds)}"]
    if result.unreadable:
        done.append(f"{result.unreadable} unreadable")
    if result.skipped:
        done.append(f"{result.skipped} already done")
    if result.duplicates:
        done.append(f"{result.duplicates} duplicate{'s' if result.duplicates != 1 else ''}")
    click.echo(f"{result.documents} document{'s' if result.documents != 1 else ''}: {', '.join(done)}")
    if result.repaired_lines:
        click.echo(f"results.jsonl: {result.repaired_lines} incomplete or retried line(s) dropped and redone")
    if result.errors:
        noun = "document" if result.errors == 1 else "documents"
        click.echo(f"{result.errors} {noun} could not be read: see {os.path.join(out_dir, 'errors.csv')}")
    click.echo(f"dashboard: {os.path.join(out_dir, 'index.html')}")


COMMANDS = [batch]

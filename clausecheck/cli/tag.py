"""``clausecheck tag``: the clauses of a contract with their numbers, labels and facts."""

from __future__ import annotations

import json

import click

from .options import input_options, model_option, timeout_option


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for reading, json for machines.")
@click.option("--no-labels", is_flag=True, help="Segment and find facts only; skip the classifier.")
@timeout_option
@model_option
@input_options
def tag(file: str, fmt: str, no_labels: bool, timeout: float | None, model_dir: str | None, pdf_engine: str,
        limits) -> None:
    """Show FILE's clauses: number, heading, page, categories and facts.

    \b
    Example:
      clausecheck tag msa.pdf
      c17  9.2  Termination for Convenience  p.7  termination 0.97
           notice_period: ninety (90) days
    """
    from ..analysis import clause_dict
    from ..limits import TimeBudget
    from ..loaders import load, printable_path
    from ..nlp import build_pipeline, run

    budget = TimeBudget(timeout, printable_path(file))
    with budget.running():
        document = load(file, pdf_engine=pdf_engine, limits=limits)
    nlp = build_pipeline(model_dir, classify=not no_labels)
    with budget.running():
        doc = run(nlp, document)
        clauses = [clause_dict(span) for span in doc.spans["clauses"]]
    for clause in clauses:
        clause.pop("probabilities")
    if fmt == "json":
        click.echo(json.dumps({"document": {"path": document.path, "format": document.format,
                                            "pages": document.pages, "warnings": document.warnings},
                               "clauses": clauses}, indent=2, ensure_ascii=False))
        return
    for warning in document.warnings:
        click.echo(f"warning: {warning}", err=True)
    for clause in clauses:
        click.echo(_clause_line(clause))
        if clause["facts"]:
            facts = "; ".join(f"{f['kind']}: {f['text']}" for f in clause["facts"][:6])
            click.echo(f"      {facts}")


def _clause_line(clause: dict) -> str:
    indent = "  " * min(_depth(clause), 3)
    parts = [f"{clause['id']:<5}", indent + (clause["number"] or "·")]
    if clause["heading"]:
        parts.append(clause["heading"])
    else:
        text = clause["text"]
        if clause["number"] and text.startswith(clause["number"]):
            text = text[len(clause["number"]):].lstrip(" .:)")  # "1. The Supplier" -> "The Supplier"
        parts.append(_first_words(text))
    if clause["page"]:
        parts.append(f"p.{clause['page']}")
    line = "  ".join(parts)
    if clause["labels"]:
        line += "  [" + ", ".join(f"{label['category']} {label['confidence']:.2f}" for label in clause["labels"]) + "]"
    return line


def _depth(clause: dict) -> int:
    number = clause["number"] or ""
    return number.count(".") if number and number[0].isdigit() else (1 if number.startswith("(") else 0)


def _first_words(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


COMMANDS = [tag]

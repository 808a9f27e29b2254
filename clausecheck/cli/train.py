"""``clausecheck train`` and ``clausecheck evaluate``: the clause classifier's life cycle."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import model_option


@click.command()
@click.option("--corpus", type=click.Path(dir_okay=False, exists=True), required=True,
              help="Labelled clauses, JSONL: {\"text\", \"labels\": [...], \"source\", \"heading\"?, \"group\"?}.")
@click.option("--out", type=click.Path(file_okay=False), default="models/clause-classifier", show_default=True,
              help="Directory to write the model to (JSON + NPZ, no pickle).")
def train(corpus: str, out: str) -> None:
    """Train the clause classifier on a labelled corpus.

    Contracts are split by a hash of their name: 20% are held out as the test set and
    take no part in any choice. On the rest, each candidate model (logistic regression,
    linear SVM) is cross-validated in 4 folds grouped by contract (no contract on both
    sides); the out-of-fold scores choose the candidate (macro-F1), calibrate its
    probabilities and set each category's threshold. The chosen model is fitted on all
    development contracts and scored once on the test contracts.
    """
    from ..model.training import read_corpus, train as train_model
    from ..model.metrics import format_report

    rows = read_corpus(corpus)
    scores = train_model(rows, out, log=lambda line: click.echo(line, err=True))
    click.echo(f"model written to {out}\nheld-out test contracts:")
    click.echo(format_report(scores))


@click.command()
@click.option("--corpus", type=click.Path(dir_okay=False, exists=True), required=True,
              help="Labelled clauses, JSONL (the format `train` reads).")
@click.option("--split", type=click.Choice(["test", "validation", "train", "all"]), default="all",
              show_default=True,
              help="Score only the contracts of one split (use test for the shipped model's held-out figure).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@model_option
def evaluate(corpus: str, split: str, fmt: str, model_dir: str | None) -> None:
    """Score a model on a labelled corpus: precision, recall, F1 and support per category,
    with micro and macro averages."""
    from ..model import load_model
    from ..model.metrics import format_report
    from ..model.training import read_corpus, score, select

    rows = select(read_corpus(corpus), split)
    if not rows:
        raise click.UsageError(f"no clauses of the {split} split in {corpus}")
    clf = load_model(Path(model_dir) if model_dir else None)
    scores = score(clf, rows)
    if fmt == "json":
        click.echo(json.dumps(scores, indent=2))
    else:
        click.echo(format_report(scores))


COMMANDS = [train, evaluate]

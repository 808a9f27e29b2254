"""The ``clausecheck`` command line: one module per command group.

    clausecheck scan FILE        missing-clause report against a playbook
    clausecheck tag FILE         clauses with numbers, headings, pages, labels and facts
    clausecheck batch PATH...    scan a whole archive into results.jsonl, CSV and a dashboard
    clausecheck train / evaluate train and score the clause classifier
    clausecheck playbook         show or check a playbook

Every command reports unreadable input as one line on stderr and exit status 2.
"""

from __future__ import annotations

import click

from .. import __version__
from .errors import ErrorHandlingGroup


@click.group(cls=ErrorHandlingGroup, context_settings={"help_option_names": ["-h", "--help"],
                                                       "max_content_width": 100})
@click.version_option(__version__, prog_name="clausecheck")
def main() -> None:
    """Check outsourcing contracts for missing and weak protections.

    clausecheck reads a contract (PDF, DOCX or text), cuts it into clauses, tags each
    clause (confidentiality, data protection, termination, penalties, change control, …)
    and compares what it found with a playbook of the protections a client needs.
    Nothing leaves your machine: no network access, no telemetry.

    \b
    Start with:
      clausecheck scan contract.pdf              # what is missing or weak, with evidence
      clausecheck scan contract.docx --format html -o report.html
      clausecheck tag contract.pdf               # every clause with its labels and facts
      clausecheck batch archive/ --out results/  # a whole folder, in parallel
    """


def _register() -> None:
    from . import batch, playbook, scan, tag, train
    for module in (scan, tag, batch, train, playbook):
        for command in module.COMMANDS:
            main.add_command(command)


_register()

"""``clausecheck playbook``: show the requirements of a playbook, or check a user's."""

from __future__ import annotations

import click


@click.group()
def playbook() -> None:
    """Show or validate a playbook (the protections `scan` looks for).

    A playbook is a TOML file: a name, a version and [[requirement]] tables with id,
    title, severity (high|medium|low), risk, categories, elements, rationale,
    recommendation and source. Start from the built-in one:

    \b
      clausecheck playbook show --toml > my-playbook.toml
      clausecheck playbook check my-playbook.toml
      clausecheck scan draft.pdf --playbook my-playbook.toml
    """


@playbook.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--toml", "as_toml", is_flag=True, help="Print the playbook's TOML source instead of a summary.")
def show(file: str | None, as_toml: bool) -> None:
    """Summarise a playbook's requirements (the built-in one without FILE)."""
    from ..playbook import DEFAULT_PLAYBOOK, load_playbook

    book = load_playbook(file)
    if as_toml:
        from pathlib import Path
        click.echo(Path(file or DEFAULT_PLAYBOOK).read_text(encoding="utf-8"), nl=False)
        return
    click.echo(f"{book.name} (version {book.version}): {len(book.requirements)} requirements")
    for req in book.requirements:
        elements = ", ".join(e.id for e in req.elements) or "-"
        click.echo(f"  [{req.severity:<6}] {req.id:<32} {req.title}")
        click.echo(f"           categories: {', '.join(req.categories)}; elements: {elements}")


@playbook.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
def check(file: str | None) -> None:
    """Validate a playbook; errors name the requirement and the field."""
    from ..playbook import load_playbook

    book = load_playbook(file)
    click.echo(f"ok: {book.name} (version {book.version}), {len(book.requirements)} requirements")


COMMANDS = [playbook]

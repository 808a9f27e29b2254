"""Turn the errors a user can cause into one line on stderr and exit status 2."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from ..errors import ClausecheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    click.echo(f"clausecheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class ErrorHandlingGroup(click.Group):
    """A click group whose commands never print a traceback for a user's mistake."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClausecheckError as exc:
            fail(str(exc).splitlines()[0] if not str(exc).count("\n") else str(exc))
        except KeyboardInterrupt:
            click.echo("clausecheck: interrupted", err=True)
            sys.exit(130)
        except MemoryError:
            fail("out of memory")

"""Errors a user sees. Each carries the file and a reason fit for one line on stderr."""

from __future__ import annotations


class ClausecheckError(Exception):
    """Base class for errors reported to the user without a traceback."""


class InputError(ClausecheckError):
    """A file that cannot be read as a contract (corrupt, encrypted, empty, too big, …)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class LimitExceeded(InputError):
    """An input beyond a configured limit; the reason names the option that raises it."""


class PlaybookError(ClausecheckError):
    """A playbook that does not validate: which requirement, which field, why."""


class ModelError(ClausecheckError):
    """A model directory that is missing, incomplete or not one of ours."""

"""Writing results: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import ClausecheckError


def atomic_write(path: str | os.PathLike, data: str | bytes, *, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers never see a half-written file, and a crash leaves the old file intact.
    Refuses to overwrite any of ``inputs`` (a contract being analysed).
    """
    target = Path(path)
    for source in inputs:
        try:
            if target.exists() and target.resolve() == Path(source).resolve():
                raise ClausecheckError(f"{target}: refusing to overwrite an input file; choose another output path")
        except OSError:
            continue
    if isinstance(data, str):
        data = data.encode("utf-8")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ClausecheckError(f"{target}: output folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the permissions any new file of the
        # user's would have, as an ordinary write would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ClausecheckError(f"{target}: cannot write output ({exc.strerror or exc})") from None

"""The inputs of a batch: walking folders and zip archives, then opening each document.

``walk`` lists every candidate document under the PATHs (recursively; zip archives are
looked into), so that the batch knows its total before it starts. ``open_source`` then
reads one of them in the main process: it computes the sha256 that identical files and
``--resume`` are recognised by, and copies a zip member into the batch's private temp
folder so that a worker can load it like any file.

What is a document is decided by the bytes (the loaders sniff them), not by extensions:
every regular, non-hidden file is a candidate, and the ones that are not contracts become
error rows. Only our own outputs inside the output folder are left out.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..limits import Limits

# Files the batch writes into its output folder; never read back as contracts.
OUTPUT_NAMES = {"results.jsonl", "summary.csv", "errors.csv", "index.html"}
OUTPUT_DIRS = {"reports"}
ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 20
_SAFE_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


@dataclass(frozen=True)
class Source:
    """One candidate document: a file, or a member of a zip archive."""

    display: str  # the path users see in every output ("a/b.pdf", "a/x.zip!/in/c.pdf")
    path: str  # the file on disk (for a member: its archive)
    member: str | None = None  # the member's name inside the archive
    problem: str | None = None  # a reason it cannot be read, found while walking


@dataclass
class Opened:
    """A source ready for a worker: the file to load and its sha256, or why it cannot be."""

    source: Source
    sha256: str | None
    load_path: str | None = None  # what the worker loads (a temp copy for zip members)
    temporary: bool = False  # load_path is ours to delete after the analysis
    error: str | None = None


def walk(paths: list[str], out_dir: str | os.PathLike) -> Iterator[Source]:
    """Every candidate document under ``paths``, in a stable (sorted) order, each once
    (overlapping PATHs such as ``a a/sub`` do not list a file twice)."""
    out = Path(out_dir).resolve()
    seen: set[tuple[str, str | None]] = set()
    for given in paths:
        found = _walk_folder(given, out) if os.path.isdir(given) else _file_or_archive(given, out, explicit=True)
        for source in found:
            key = (os.path.realpath(source.path), source.member)
            if key not in seen:
                seen.add(key)
                yield source


def _walk_folder(root: str, out: Path) -> Iterator[Source]:
    # Symlinked folders are not followed: a link back up the tree would loop forever.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _is_output(Path(folder, d), out))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(folder, name)
            if _is_output(Path(path), out):
                continue
            yield from _file_or_archive(path, out, explicit=False)


def _is_output(path: Path, out: Path) -> bool:
    """Is this one of the files the batch writes (results, CSVs, dashboard, reports)?"""
    try:
        resolved = path.resolve()
    except OSError:
        return False
    if resolved.parent == out:
        return resolved.name in OUTPUT_NAMES or resolved.name in OUTPUT_DIRS
    return resolved.parent.parent == out and resolved.parent.name in OUTPUT_DIRS


def _file_or_archive(path: str, out: Path, *, explicit: bool) -> Iterator[Source]:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        yield Source(path, path, problem="no such file" + ("" if explicit else " (broken link?)"))
        return
    except OSError as exc:
        yield Source(path, path, problem=f"cannot read file ({exc.strerror or exc})")
        return
    if not stat.S_ISREG(mode):
        # FIFOs, sockets and devices would block or never end; an explicit one is an error.
        if explicit:
            yield Source(path, path, problem="not a regular file")
        return
    if explicit and _is_output(Path(path), out):
        return
    members = _archive_members(path)
    if members is None:
        yield Source(path, path)
    else:
        for member in members:
            yield Source(f"{path}!/{member}", path, member=member)


def _archive_members(path: str) -> list[str] | None:
    """The document members of a plain zip archive; None when the file is not one.

    DOCX (and other Office files) are zip archives too; they are documents, not folders,
    and go to the loader whole, which says what is wrong with the ones that are not Word.
    A damaged zip also goes to the loader, which names the damage.
    """
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != ZIP_MAGIC:
                return None
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    names = {info.filename for info in infos}
    if "word/document.xml" in names or "[Content_Types].xml" in names:
        return None
    members = []
    for info in infos:
        parts = info.filename.replace("\\", "/").split("/")
        # Hidden members are skipped like hidden files; "../x" is not hidden, and is safe
        # to read, since members are copied under names of our own.
        hidden = any(p.startswith(".") and p not in (".", "..") for p in parts)
        if info.is_dir() or parts[0] == "__MACOSX" or hidden:
            continue
        members.append(info.filename)
    return sorted(members)


def open_source(source: Source, temp_dir: str | os.PathLike, limits: Limits, serial: int) -> Opened:
    """Hash a source (copying a zip member into ``temp_dir``); errors become ``Opened.error``."""
    if source.problem:
        return Opened(source, None, error=source.problem)
    if source.member is None:
        return _open_file(source, limits)
    return _open_member(source, Path(temp_dir), limits, serial)


def _open_file(source: Source, limits: Limits) -> Opened:
    try:
        size = os.path.getsize(source.path)
        if size > limits.max_file_bytes:
            return Opened(source, None, error=f"file is {size / 2**20:.1f} MB, over the {limits.max_file_mb:g} MB "
                                              "limit (raise it with --max-file-mb)")
        digest = hashlib.sha256()
        with open(source.path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except PermissionError:
        return Opened(source, None, error="permission denied")
    except OSError as exc:
        return Opened(source, None, error=f"cannot read file ({exc.strerror or exc})")
    return Opened(source, digest.hexdigest(), load_path=source.path)


def _open_member(source: Source, temp_dir: Path, limits: Limits, serial: int) -> Opened:
    """Copy a member out of its archive, counting the bytes actually inflated.

    The size a zip declares can lie (zip bombs); the copy stops at the limit whatever the
    header says. The temp name is ours (a serial number and the member's extension,
    which the text sniffer uses as a tie-breaker), so member names like "../../x" never
    reach the file system.
    """
    limit = min(limits.max_unzipped_bytes, limits.max_file_bytes)
    over = (f"zip member expands to more than {limit / 2**20:g} MB "
            "(raise it with --max-unzipped-mb / --max-file-mb)")
    suffix = os.path.splitext(source.member or "")[1]
    target = temp_dir / f"{serial}{suffix if _SAFE_SUFFIX.match(suffix) else ''}"
    digest = hashlib.sha256()
    written = 0
    try:
        with zipfile.ZipFile(source.path) as archive:
            info = archive.getinfo(source.member)
            if info.file_size > limit:
                return Opened(source, None, error=over)
            with archive.open(info) as member, open(target, "xb") as copy:
                while chunk := member.read(_CHUNK):
                    written += len(chunk)
                    if written > limit:
                        raise _TooBig
                    digest.update(chunk)
                    copy.write(chunk)
    except _TooBig:
        _unlink(target)
        return Opened(source, None, error=over)
    except RuntimeError as exc:  # zipfile's way of saying "encrypted"
        _unlink(target)
        reason = "encrypted zip member (password required)" if "encrypt" in str(exc).lower() else f"cannot unzip ({exc})"
        return Opened(source, None, error=reason)
    except NotImplementedError:
        _unlink(target)
        return Opened(source, None, error="zip member uses an unsupported compression method")
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError) as exc:
        _unlink(target)
        return Opened(source, None, error=f"damaged zip member ({exc})")
    except OSError as exc:
        _unlink(target)
        return Opened(source, None, error=f"cannot read archive ({exc.strerror or exc})")
    sha256 = digest.hexdigest()
    if _archive_members(str(target)) is not None:
        _unlink(target)
        return Opened(source, sha256, error="zip archive inside a zip archive: extract the outer one first")
    return Opened(source, sha256, load_path=str(target), temporary=True)


class _TooBig(Exception):
    pass


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass

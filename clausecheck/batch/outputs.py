"""The result files of a batch: the results.jsonl journal, summary.csv and errors.csv.

results.jsonl is the journal and the only source of truth. Each line is one of
  - a report (the report JSON of ``clausecheck scan --format json``, one line);
  - an error record: {"path", "sha256", "status": "error", "error"};
  - a duplicate record: {"path", "sha256", "status": "duplicate", "duplicate_of": path},
    for a file identical (same sha256) to one analysed already: it is analysed once, and
    its rows in summary.csv repeat that result with ``duplicate_of`` naming the original.
Lines are appended and fsynced as documents finish, so a batch killed with ``kill -9``
loses only the documents in flight; summary.csv, errors.csv and index.html are rebuilt
from the journal at the end of every run, each written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClausecheckError
from ..output import atomic_write

RESULTS = "results.jsonl"
SUMMARY = "summary.csv"
ERRORS = "errors.csv"
DASHBOARD = "index.html"
REPORTS = "reports"
SUMMARY_FIXED = ["path", "sha256", "status", "pages", "present", "partial", "missing", "worst_severity"]
SUMMARY_TAIL = ["duplicate_of", "error"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def error_record(path: str, sha256: str | None, reason: str) -> dict:
    return {"path": path, "sha256": sha256, "status": "error", "error": reason}


def duplicate_record(path: str, sha256: str, original: str) -> dict:
    return {"path": path, "sha256": sha256, "status": "duplicate", "duplicate_of": original}


def to_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


@dataclass
class Entry:
    """What the summary and the dashboard need of one journal line (not the clause texts)."""

    path: str
    sha256: str | None
    status: str  # ok | error | duplicate
    pages: int | None = None
    format: str | None = None
    summary: dict = field(default_factory=dict)
    findings: list[dict] = field(default_factory=list)  # requirement, title, status, severity
    worst_severity: str | None = None
    warnings: list[str] = field(default_factory=list)
    playbook: tuple[str, str] | None = None
    model: str | None = None
    error: str | None = None
    duplicate_of: str | None = None

    @classmethod
    def from_record(cls, record: object) -> "Entry | None":
        """The entry of a parsed line, or None if the line is not one of ours."""
        if not isinstance(record, dict):
            return None
        status = record.get("status")
        if status in ("error", "duplicate"):
            if not isinstance(record.get("path"), str):
                return None
            return cls(path=record["path"], sha256=record.get("sha256"), status=status,
                       error=record.get("error"), duplicate_of=record.get("duplicate_of"))
        document = record.get("document")
        if record.get("schema_version") is None or not isinstance(document, dict) or "path" not in document:
            return None
        from ..gaps import worst_severity
        findings = [{"requirement": f.get("requirement"), "title": f.get("title"), "status": f.get("status"),
                     "severity": f.get("severity")} for f in record.get("findings", [])]
        playbook = record.get("playbook") or {}
        return cls(path=document["path"], sha256=document.get("sha256"), status="ok", pages=document.get("pages"),
                   format=document.get("format"), summary=dict(record.get("summary") or {}), findings=findings,
                   worst_severity=worst_severity(findings), warnings=list(document.get("warnings") or []),
                   playbook=(playbook.get("name"), playbook.get("version")),
                   model=(record.get("tool") or {}).get("model"))


class Journal:
    """results.jsonl: read (and repaired) at the start, appended to as documents finish."""

    def __init__(self, out_dir: Path, *, resume: bool, retry_errors: bool = False) -> None:
        self.path = out_dir / RESULTS
        self.entries: list[Entry] = []
        self.repaired_lines = 0
        if self.path.exists() and self.path.stat().st_size > 0:
            if not resume:
                raise ClausecheckError(f"{out_dir} already holds results; use --resume or another --out")
            self._load(retry_errors)
        self._handle = open(self.path, "ab")

    def _load(self, retry_errors: bool) -> None:
        """Keep every complete line of ours; drop a line cut by a crash, and errors to retry.

        The kept lines are copied to a new file that replaces the journal atomically, so the
        repair itself cannot lose anything if it is interrupted.
        """
        kept: list[bytes] = []
        entries: list[Entry] = []
        dropped = 0
        with open(self.path, "rb") as handle:
            for raw in handle:
                try:
                    entry = Entry.from_record(json.loads(raw))
                except (ValueError, UnicodeDecodeError):
                    entry = None
                if entry is None:
                    dropped += 1
                    continue
                kept.append(raw if raw.endswith(b"\n") else raw + b"\n")
                entries.append(entry)
        if retry_errors:
            retried = {e.sha256 or e.path for e in entries if e.status == "error"}
            keep = [not (e.status == "error" or (e.status == "duplicate" and e.sha256 in retried)) for e in entries]
            dropped += keep.count(False)
            kept = [line for line, k in zip(kept, keep) if k]
            entries = [e for e, k in zip(entries, keep) if k]
        self.entries = entries
        self.repaired_lines = dropped
        if dropped or (kept and not _ends_with_newline(self.path)):
            atomic_write(self.path, b"".join(kept))

    def append(self, line: str) -> None:
        """Add one finished document, durably: at most the documents in flight are lost."""
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        entry = Entry.from_record(json.loads(data))
        if entry is not None:
            self.entries.append(entry)

    def close(self) -> None:
        self._handle.close()


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() == 0:
            return True
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def resolve(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    """(row, result) pairs, one per document path: a duplicate's result is its original's."""
    by_sha: dict[str, Entry] = {}
    for entry in entries:
        if entry.status != "duplicate" and entry.sha256:
            by_sha[entry.sha256] = entry
    rows = []
    for entry in entries:
        result = by_sha.get(entry.sha256, entry) if entry.status == "duplicate" else entry
        rows.append((entry, result))
    rows.sort(key=lambda pair: pair[0].path)
    return rows


def safe_cell(value: object) -> object:
    """Neutralise CSV formula injection: a text cell that a spreadsheet would run as a
    formula (starting with = + - @ or a tab/CR) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def summary_csv(entries: list[Entry], requirement_ids: list[str]) -> str:
    """summary.csv: one row per document path, one column per playbook requirement."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SUMMARY_FIXED + requirement_ids + SUMMARY_TAIL)
    for row, result in resolve(entries):
        status = "ok" if result.status == "ok" else "error"
        by_requirement = {f["requirement"]: f["status"] for f in result.findings}
        summary = result.summary
        cells = [row.path, row.sha256 or "", status, _blank(result.pages),
                 _blank(summary.get("present")), _blank(summary.get("partial")), _blank(summary.get("missing")),
                 result.worst_severity or ""]
        cells += [by_requirement.get(req, "") for req in requirement_ids]
        cells += [row.duplicate_of or "", (result.error or "") if status == "error" else ""]
        writer.writerow([safe_cell(cell) for cell in cells])
    return buffer.getvalue()


def errors_csv(entries: list[Entry]) -> str:
    """errors.csv: every document path that could not be read, and why."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["path", "sha256", "error"])
    for row, result in resolve(entries):
        if result.status != "ok":
            writer.writerow([safe_cell(row.path), row.sha256 or "", safe_cell(result.error or "unknown error")])
    return buffer.getvalue()


def _blank(value: object) -> object:
    return "" if value is None else value


def report_relpath(sha256: str, display: str) -> str:
    """reports/<sha256 prefix>-<safe file name>.html: unique by content, readable by name."""
    name = re.split(r"[\\/]", display)[-1]
    stem, suffix = os.path.splitext(name)
    safe = _UNSAFE_NAME.sub("_", stem).strip("._-")[:60] or "document"
    suffix = _UNSAFE_NAME.sub("", suffix)[:8]
    return f"{REPORTS}/{sha256[:12]}-{safe}{suffix}.html"

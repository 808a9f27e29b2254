"""The worker side of a batch: one process, one Analyzer, one document at a time.

The main process sends ("task", id, load_path, display_path, sha256, report_file) over a pipe and
gets back ("done", id, line, stats): ``line`` is the JSON line for results.jsonl (the
report, or an error record), serialised here so that the main process only writes it.

This module stays light at import time: the main process imports it to name the worker's
entry point, and must not pay for spaCy and scikit-learn itself.
"""

from __future__ import annotations

import json
import os
import signal
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs to build its Analyzer (picklable)."""

    playbook: str | None
    model_dir: str | None
    pdf_engine: str
    limits: object  # clausecheck.limits.Limits
    retire_rss_mb: float = 450.0  # a worker above this after a document is replaced


def worker_main(conn, config: WorkerConfig) -> None:
    """Entry point of a worker process."""
    # Ctrl-C reaches the whole process group; the main process decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from ..analysis import Analyzer
        analyzer = Analyzer(config.playbook, model_dir=config.model_dir, pdf_engine=config.pdf_engine,
                            limits=config.limits)
        _warm_up(analyzer)
    except BaseException as exc:  # noqa: BLE001  (any failure to start is reported, not raised)
        _send(conn, ("init-error", _describe(exc)))
        return
    _send(conn, ("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the main process is gone: nothing to report to
            return
        if message[0] != "task":
            return
        _, task_id, load_path, display, sha256, report_file = message
        line, stats = analyze_one(analyzer, load_path, display, sha256, report_file)
        stats["pid"] = os.getpid()
        stats["cpu_s"] = sum(os.times()[:2])  # this worker's CPU time so far (user + system)
        stats["maxrss_mb"] = _maxrss_mb()
        rss = _rss_mb()
        stats["retiring"] = rss is not None and rss > config.retire_rss_mb
        if not _send(conn, ("done", task_id, line, stats)) or stats["retiring"]:
            return


def _warm_up(analyzer) -> None:
    """Analyse a few lines once, so that lazy imports and first-call set-up (a second or
    more) happen before the worker says it is ready, not inside a document's timeout."""
    from ..loaders.text import load_text

    text = b"1. TERM\n\n1.1 Either party may terminate this Agreement on thirty (30) days' written notice."
    analyzer.analyze(load_text(text, "<warm-up>", "0" * 64))
    for module in ("pdf", "docx"):
        try:
            __import__(f"clausecheck.loaders.{module}")
        except Exception:  # noqa: BLE001  (a loader not written yet fails on its documents, not here)
            pass


def analyze_one(analyzer, load_path: str, display: str, sha256: str | None,
                report_file: str | None) -> tuple[str, dict]:
    """Analyse one document: (its results.jsonl line, {"status", "pages"})."""
    from ..errors import ClausecheckError, InputError

    try:
        report = analyzer.analyze(load_path).to_dict()
    except InputError as exc:
        return _error_line(load_path, display, sha256, exc.reason), {"status": "error", "pages": 0}
    except ClausecheckError as exc:
        return _error_line(load_path, display, sha256, str(exc)), {"status": "error", "pages": 0}
    except MemoryError:
        return _error_line(load_path, display, sha256, "out of memory"), {"status": "error", "pages": 0}
    except Exception as exc:  # noqa: BLE001  (a bug on one document must not end the batch)
        return (_error_line(load_path, display, sha256, f"internal error: {_describe(exc)}"),
                {"status": "error", "pages": 0})
    report["document"]["path"] = display  # the temp copy of a zip member is not a name users know
    if report_file:
        write_report_html(report, report_file)
    return json.dumps(report, ensure_ascii=False), {"status": "ok", "pages": report["document"].get("pages") or 0}


def _error_line(load_path: str, display: str, sha256: str | None, reason: str) -> str:
    from .outputs import error_record, to_line
    return to_line(error_record(display, sha256, reason.replace(load_path, display)))


def write_report_html(report: dict, report_file: str) -> None:
    """The per-document HTML report the dashboard links to (best effort: the journal line
    is what matters, so a renderer problem leaves a minimal page instead)."""
    from ..output import atomic_write

    try:
        from ..report.render import render
        html = render(report, "html")
    except Exception:  # noqa: BLE001  (renderer missing or failing: fall back)
        from .dashboard import minimal_report_html
        html = minimal_report_html(report)
    try:
        atomic_write(report_file, html)
    except Exception:  # noqa: BLE001
        pass


def _send(conn, message) -> bool:
    try:
        conn.send(message)
        return True
    except (BrokenPipeError, EOFError, OSError):
        return False


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text and not isinstance(exc, _user_errors()) else (text or type(exc).__name__)


def _user_errors() -> tuple[type, ...]:
    from ..errors import ClausecheckError
    return (ClausecheckError,)


def _maxrss_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _rss_mb() -> float | None:
    """Current resident memory (Linux /proc), to retire a worker that has grown."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None

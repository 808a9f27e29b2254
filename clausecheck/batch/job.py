"""One batch run: inputs -> worker pool -> journal -> summary, errors and dashboard.

The main process walks the inputs, hashes each document (identical files are analysed
once; ``--resume`` skips what the journal already holds), hands the rest to the worker
pool one at a time, and appends each result to results.jsonl the moment it arrives. At
the end, or on Ctrl-C, it rebuilds summary.csv, errors.csv and index.html from the journal.
Nothing is written outside the output folder; inputs are only read.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, TextIO

from ..errors import ClausecheckError
from ..limits import DEFAULT_LIMITS, Limits
from ..output import atomic_write
from . import outputs
from .outputs import Entry, Journal
from .progress import Progress
from .runner import Event, Task, WorkerPool
from .walk import Opened, Source, open_source, walk
from .worker import WorkerConfig

TEMP_PREFIX = ".clausecheck-tmp-"
LOCK_NAME = ".clausecheck.lock"


@dataclass
class BatchOptions:
    out_dir: str | os.PathLike
    workers: int | None = None  # default: os.cpu_count()
    timeout: float | None = 120.0  # seconds per document
    resume: bool = False
    retry_errors: bool = False
    playbook: str | None = None
    model_dir: str | None = None
    pdf_engine: str = "pypdfium2"
    limits: Limits = DEFAULT_LIMITS
    format_reports: str = "html"  # html | none
    progress: bool = True
    progress_stream: TextIO | None = None


@dataclass
class BatchResult:
    out_dir: Path
    documents: int = 0  # candidate documents found under the PATHs
    analysed: int = 0  # sent to a worker in this run
    unreadable: int = 0  # of those, the ones that could not be read
    pages: int = 0  # pages of the documents analysed in this run
    skipped: int = 0  # already in the journal (--resume)
    duplicates: int = 0  # identical to another document, not analysed again
    errors: int = 0  # paths in errors.csv (this run and earlier ones)
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> peak RSS
    worker_cpu_s: float = 0.0  # CPU seconds the workers used (start-up included)
    worker_restarts: int = 0
    repaired_lines: int = 0  # journal lines dropped on --resume (cut by a crash, or retried)


def run_batch(paths: list[str], options: BatchOptions,
              on_event: Callable[[Event], None] | None = None) -> BatchResult:
    """Run a batch; raises ClausecheckError for bad usage (the CLI turns it into exit 2)."""
    out_dir = Path(options.out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ClausecheckError(f"{out_dir}: --out must be a folder, and this is a file")
    out_dir.mkdir(parents=True, exist_ok=True)
    with _Lock(out_dir):
        return _Batch(paths, options, out_dir, on_event).run()


class _Batch:
    def __init__(self, paths: list[str], options: BatchOptions, out_dir: Path,
                 on_event: Callable[[Event], None] | None) -> None:
        from ..playbook import load_playbook

        self.paths = paths
        self.options = options
        self.out_dir = out_dir
        self.on_event = on_event
        self.playbook = load_playbook(options.playbook)
        self.result = BatchResult(out_dir=out_dir)
        self.workers = max(1, options.workers or _usable_cpus())

    def run(self) -> BatchResult:
        start = time.monotonic()
        config = self._worker_config()
        journal = Journal(self.out_dir, resume=self.options.resume, retry_errors=self.options.retry_errors)
        self.journal = journal
        self.result.repaired_lines = journal.repaired_lines
        pool: WorkerPool | None = None
        _remove_stale_temp_dirs(self.out_dir)
        self.temp_dir = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.out_dir))
        started = False
        try:
            self._check_same_playbook(journal.entries)
            sources = list(walk(self.paths, self.out_dir))
            if not sources and not journal.entries:
                raise ClausecheckError(f"no files found in {', '.join(self.paths)}")
            started = True
            self.result.documents = len(sources)
            self._index_journal(journal.entries)
            progress = Progress(len(sources), stream=self.options.progress_stream, enabled=self.options.progress)
            pending = iter(sources)
            ready: deque[Task] = deque()
            exhausted = False
            serial = 0
            done = 0
            while True:
                # Keep a few documents hashed (and unzipped) ahead of the workers, no more:
                # a big archive is never unpacked all at once.
                while not exhausted and len(ready) < 2 * self.workers:
                    source = next(pending, None)
                    if source is None:
                        exhausted = True
                        break
                    serial += 1
                    task = self._prepare(source, serial)
                    if task is None:
                        done += 1
                    else:
                        ready.append(task)
                if ready and pool is None:
                    pool = WorkerPool(min(self.workers, len(sources)), config, timeout=self.options.timeout)
                while ready and pool is not None and pool.idle():
                    pool.submit(ready.popleft())
                if exhausted and not ready and (pool is None or pool.busy() == 0):
                    break
                if pool is not None:
                    for event in pool.poll(0.5):
                        self._finish(event)
                        done += 1
                progress.update(done, self.result.analysed, self.result.pages)
            progress.update(done, self.result.analysed, self.result.pages)
            progress.finish()
            if pool is not None:
                self.result.peak_rss_mb = dict(pool.peak_rss_mb)
                self.result.worker_cpu_s = sum(pool.cpu_s.values())
                self.result.worker_restarts = pool.restarts
                pool.close()
                pool = None
        finally:
            if pool is not None:
                self.result.peak_rss_mb = dict(pool.peak_rss_mb)
                pool.close(kill=True)
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            journal.close()
            if started:  # even after Ctrl-C: the dashboard shows what is done so far
                self._write_outputs(journal.entries)
        self.result.seconds = time.monotonic() - start
        return self.result

    # -- setup -------------------------------------------------------------------------

    def _worker_config(self) -> WorkerConfig:
        # The model folder is resolved here, not in the workers: a fork server started
        # earlier in this process would otherwise see an older environment.
        from ..errors import ModelError
        from ..model import default_model_dir

        model_dir = Path(self.options.model_dir) if self.options.model_dir else default_model_dir()
        if not (model_dir / "model.json").exists():
            raise ModelError(f"{model_dir}: no clause model there (train one with `clausecheck train`)")
        playbook = str(Path(self.options.playbook).resolve()) if self.options.playbook else None
        return WorkerConfig(playbook=playbook, model_dir=str(model_dir.resolve()), pdf_engine=self.options.pdf_engine,
                            limits=self.options.limits)

    def _check_same_playbook(self, entries: list[Entry]) -> None:
        wanted = (self.playbook.name, self.playbook.version)
        for entry in entries:
            if entry.status == "ok" and entry.playbook and entry.playbook != wanted:
                raise ClausecheckError(
                    f"{self.out_dir} holds results made with playbook {entry.playbook[0]!r} (version "
                    f"{entry.playbook[1]}), not {wanted[0]!r} (version {wanted[1]}): resume with the same "
                    "--playbook, or use another --out")

    def _index_journal(self, entries: list[Entry]) -> None:
        self.results_by_sha: dict[str, Entry] = {}  # documents analysed (ok or error), by content
        self.recorded: set[tuple[str, str | None]] = set()  # (path, sha256) already in the journal
        self.unread_paths: set[str] = set()  # errors found before hashing (no sha256)
        for entry in entries:
            self.recorded.add((entry.path, entry.sha256))
            if entry.status != "duplicate" and entry.sha256:
                self.results_by_sha[entry.sha256] = entry
            if entry.status == "error" and not entry.sha256:
                self.unread_paths.add(entry.path)
        self.in_flight: dict[str, str] = {}  # sha256 -> path of the copy being analysed
        self.waiting: dict[str, list[str]] = {}  # sha256 -> identical paths, recorded once it is done
        self.reports_ready = False

    # -- one document ------------------------------------------------------------------

    def _prepare(self, source: Source, serial: int) -> Task | None:
        """A task for the workers, or None when the document needs no analysis."""
        if source.display in self.unread_paths:
            self.result.skipped += 1
            return None
        opened = open_source(source, self.temp_dir, self.options.limits, serial)
        sha = opened.sha256
        if (source.display, sha) in self.recorded:
            self.result.skipped += 1
            _discard(opened)
            return None
        if opened.error:
            self._append(outputs.error_record(source.display, sha, opened.error))
            return None
        if sha in self.results_by_sha:
            self.result.duplicates += 1
            self._append(outputs.duplicate_record(source.display, sha, self.results_by_sha[sha].path))
            _discard(opened)
            return None
        if sha in self.in_flight:
            self.result.duplicates += 1
            self.waiting.setdefault(sha, []).append(source.display)
            _discard(opened)
            return None
        self.in_flight[sha] = source.display
        return Task(id=serial, load_path=opened.load_path, display=source.display, sha256=sha,
                    report_file=self._report_file(sha, source.display), payload=opened)

    def _report_file(self, sha: str, display: str) -> str | None:
        if self.options.format_reports == "none":
            return None
        if not self.reports_ready:
            (self.out_dir / outputs.REPORTS).mkdir(exist_ok=True)
            self.reports_ready = True
        return str(self.out_dir / outputs.report_relpath(sha, display))

    def _finish(self, event: Event) -> None:
        task = event.task
        _discard(task.payload)
        line = event.line or outputs.to_line(outputs.error_record(task.display, task.sha256, event.failure))
        entry = self._append(line)
        self.result.analysed += 1
        if entry is not None and entry.status == "error":
            self.result.unreadable += 1
        self.result.pages += int(event.stats.get("pages") or 0)
        if entry is not None and task.sha256:
            self.results_by_sha[task.sha256] = entry
        self.in_flight.pop(task.sha256, None)
        for path in self.waiting.pop(task.sha256, []):
            self._append(outputs.duplicate_record(path, task.sha256, task.display))
        if self.on_event:
            self.on_event(event)

    def _append(self, record: dict | str) -> Entry | None:
        line = record if isinstance(record, str) else outputs.to_line(record)
        before = len(self.journal.entries)
        self.journal.append(line)
        entry = self.journal.entries[-1] if len(self.journal.entries) > before else None
        if entry is not None:
            self.recorded.add((entry.path, entry.sha256))
        return entry

    # -- the end -----------------------------------------------------------------------

    def _write_outputs(self, entries: list[Entry]) -> None:
        from .dashboard import dashboard_html

        requirement_ids = [req.id for req in self.playbook.requirements]
        atomic_write(self.out_dir / outputs.SUMMARY, outputs.summary_csv(entries, requirement_ids))
        atomic_write(self.out_dir / outputs.ERRORS, outputs.errors_csv(entries))
        requirements = [(req.id, req.title, req.severity) for req in self.playbook.requirements]
        page = dashboard_html(entries, requirements, out_dir=self.out_dir,
                              title=f"Contract batch: {self.out_dir.resolve().name}",
                              playbook=f"{self.playbook.name} (version {self.playbook.version})",
                              generated=datetime.now().strftime("%Y-%m-%d %H:%M"))
        atomic_write(self.out_dir / outputs.DASHBOARD, page)
        self.result.errors = sum(1 for _, result in outputs.resolve(entries) if result.status != "ok")


def _usable_cpus() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than the
    machine has), which is what os.cpu_count() means to a user asking for one worker each."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _discard(opened: Opened | None) -> None:
    """Delete a zip member's temp copy once it is no longer needed."""
    if isinstance(opened, Opened) and opened.temporary and opened.load_path:
        try:
            os.unlink(opened.load_path)
        except OSError:
            pass


def _remove_stale_temp_dirs(out_dir: Path) -> None:
    """Temp folders and half-written files left by a run that was killed (we hold the
    lock, so none of them is in use)."""
    for stale in out_dir.glob(TEMP_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in [*out_dir.glob(".*.tmp"), *(out_dir / outputs.REPORTS).glob(".*.tmp")]:
        try:
            stale.unlink()
        except OSError:
            pass


class _Lock:
    """One batch at a time per output folder: two writers would interleave the journal."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / LOCK_NAME
        self.handle = None

    def __enter__(self) -> "_Lock":
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; rely on the user
            return self
        self.handle = open(self.path, "a")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            raise ClausecheckError(f"{self.path.parent}: another clausecheck batch is writing there") from None
        return self

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            self.handle.close()

"""The worker pool: N processes, one document each at a time, with per-document timeouts.

multiprocessing.Pool and ProcessPoolExecutor cannot do what a batch over untrusted files
needs: kill the one worker stuck on a document past its time, survive a worker that
segfaults or is OOM-killed, and go on. So each worker here has its own pipe; the main
process knows which document each one holds and since when, waits on pipes and process
sentinels together, and replaces a worker it had to kill or lost.

Workers are started with "forkserver" (a clean single-threaded server process forks them,
with the heavy libraries already imported, so a replacement starts in a fraction of a
second) or "spawn" where forkserver does not exist; never plain fork from a main process
that may hold threads.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from ..errors import ClausecheckError
from .worker import WorkerConfig, worker_main

# One core per worker: BLAS/OpenMP thread pools would oversubscribe the cores and would
# make the fork server multi-threaded before it forks.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
START_FAILURES_ALLOWED = 3
START_TIMEOUT_S = 300.0  # a worker not ready by then is stuck (it normally takes a second or two)


@dataclass
class Task:
    """One document for a worker."""

    id: int
    load_path: str
    display: str
    sha256: str | None
    report_file: str | None = None
    payload: object = None  # the caller's own bookkeeping, returned with the event


@dataclass
class Event:
    """A finished task: ``line`` is its results.jsonl line (None when ``failure`` says why not)."""

    task: Task
    line: str | None
    stats: dict = field(default_factory=dict)
    failure: str | None = None
    seconds: float = 0.0


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: object
    ready: bool = False
    retiring: bool = False
    task: Task | None = None
    started: float = 0.0
    spawned: float = field(default_factory=time.monotonic)


def start_context():
    """A multiprocessing context that never forks a threaded parent."""
    for name in _THREAD_VARS:
        os.environ.setdefault(name, "1")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["clausecheck.batch.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class WorkerPool:
    """``submit`` tasks to idle workers, ``poll`` for finished ones."""

    def __init__(self, size: int, config: WorkerConfig, *, timeout: float | None) -> None:
        self.size = max(1, size)
        self.config = config
        self.timeout = timeout
        self._ctx = start_context()
        self._workers: list[_Worker] = []
        self._start_failures = 0
        self.peak_rss_mb: dict[int, float] = {}  # worker pid -> its peak resident memory
        self.cpu_s: dict[int, float] = {}  # worker pid -> CPU seconds used (as of its last document)
        self.restarts = 0
        for _ in range(self.size):
            self._start_worker()

    # -- public ------------------------------------------------------------------------

    def idle(self) -> int:
        return sum(1 for w in self._workers if w.ready and not w.retiring and w.task is None)

    def busy(self) -> int:
        return sum(1 for w in self._workers if w.task is not None)

    def submit(self, task: Task) -> None:
        worker = next(w for w in self._workers if w.ready and not w.retiring and w.task is None)
        worker.task = task
        worker.started = time.monotonic()
        try:
            worker.conn.send(("task", task.id, task.load_path, task.display, task.sha256, task.report_file))
        except OSError:
            pass  # the worker died meanwhile: its sentinel reports the task as failed

    def poll(self, max_wait: float) -> list[Event]:
        """Wait up to ``max_wait`` seconds (less if a deadline is nearer) for finished tasks."""
        now = time.monotonic()
        deadlines = [w.started + self.timeout - now for w in self._workers if w.task and self.timeout]
        wait_for = max(0.0, min([max_wait, *deadlines]))
        handles = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
        ready = set(wait(handles, wait_for))
        events: list[Event] = []
        for worker in list(self._workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                events.extend(self._drain(worker))
            if worker.process.sentinel in ready or not worker.process.is_alive():
                events.extend(self._lost(worker))
        now = time.monotonic()
        for worker in list(self._workers):
            if not worker.ready and now - worker.spawned > START_TIMEOUT_S:
                worker.process.kill()
                events.extend(self._lost(worker))
        if self.timeout:
            for worker in list(self._workers):
                if worker.task and now - worker.started > self.timeout:
                    events.extend(self._drain(worker))  # it may have finished just in time
                    if worker.task:
                        events.append(self._fail(worker, f"timed out after {self.timeout:g} s"))
                        self._replace(worker)
        return events

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers: politely (finish, exit) or at once."""
        for worker in self._workers:
            if not kill:
                try:
                    worker.conn.send(("stop",))
                except OSError:
                    pass
        deadline = time.monotonic() + (0 if kill else 5)
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()
        self._workers.clear()

    # -- internals -----------------------------------------------------------------------

    def _start_worker(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=worker_main, args=(child, self.config), daemon=True,
                                    name="clausecheck-batch-worker")
        process.start()
        child.close()  # the worker holds its end; ours must close for EOF to work
        self._workers.append(_Worker(process, parent))

    def _drain(self, worker: _Worker) -> list[Event]:
        events = []
        while True:
            try:
                if not worker.conn.poll():
                    return events
                message = worker.conn.recv()
            except (EOFError, OSError):
                return events
            kind = message[0]
            if kind == "ready":
                worker.ready = True
                self._start_failures = 0
            elif kind == "init-error":
                raise ClausecheckError(f"batch workers cannot start: {message[1]}")
            elif kind == "done" and worker.task is not None and message[1] == worker.task.id:
                _, _, line, stats = message
                pid = worker.process.pid
                self.peak_rss_mb[pid] = max(self.peak_rss_mb.get(pid, 0.0), stats.get("maxrss_mb", 0.0))
                self.cpu_s[pid] = stats.get("cpu_s", 0.0)
                events.append(Event(worker.task, line, stats, seconds=time.monotonic() - worker.started))
                worker.task = None
                worker.retiring = bool(stats.get("retiring"))

    def _lost(self, worker: _Worker) -> list[Event]:
        """A worker process has ended: report its document, start another."""
        worker.process.join(1)
        events = []
        if worker.task is not None:
            events.append(self._fail(worker, "worker process died while reading this document "
                                             f"({_exit_reason(worker.process.exitcode)})"))
        elif not worker.ready:
            self._start_failures += 1
            if self._start_failures >= START_FAILURES_ALLOWED:
                raise ClausecheckError("batch workers keep dying while starting "
                                       f"({_exit_reason(worker.process.exitcode)})")
        self._replace(worker, kill=False)
        return events

    def _fail(self, worker: _Worker, reason: str) -> Event:
        event = Event(worker.task, None, failure=reason, seconds=time.monotonic() - worker.started)
        worker.task = None
        return event

    def _replace(self, worker: _Worker, *, kill: bool = True) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self._workers.remove(worker)
        self.restarts += 1
        self._start_worker()


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + ("; out of memory?" if -code == signal.SIGKILL else "")
    return f"exit code {code}"

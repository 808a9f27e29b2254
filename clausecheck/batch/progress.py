"""Progress on stderr: one redrawn bar on a terminal, plain periodic lines in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def duration(seconds: float) -> str:
    """90 -> "1m30s"; 4000 -> "1h06m"."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """``update(done, analysed, pages)``: documents finished (skipped ones included),
    documents analysed in this run, and their pages (the rates count only analysed work)."""

    def __init__(self, total: int, *, stream: TextIO | None = None, tty: bool | None = None,
                 interval: float = 10.0, enabled: bool = True) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval if not self.tty else 0.2
        self.enabled = enabled
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False
        self.done = self.analysed = self.pages = 0

    def update(self, done: int, analysed: int, pages: int, *, force: bool = False) -> None:
        self.done, self.analysed, self.pages = done, analysed, pages
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last < self.interval):
            return
        self._last = now
        line = self.line(now)
        if self.tty:
            width = 24
            filled = int(width * done / self.total) if self.total else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {line}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-6)
        docs_rate = self.analysed / elapsed
        text = f"{self.done}/{self.total} documents, {docs_rate:.1f} docs/s, {self.pages / elapsed:.0f} pages/s"
        remaining = self.total - self.done
        if remaining and docs_rate > 0:
            text += f", ETA {duration(remaining / docs_rate)}"
        return text

    def finish(self) -> None:
        if not self.enabled:
            return
        self.update(self.done, self.analysed, self.pages, force=True)
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start

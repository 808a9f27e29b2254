"""Resource limits for reading untrusted files, each with the CLI option that raises it."""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from .errors import LimitExceeded


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 200.0  # --max-file-mb
    max_pages: int = 3000  # --max-pages
    max_unzipped_mb: float = 100.0  # --max-unzipped-mb (DOCX members, decompressed; XML trees cost ~3x)
    # --max-chars: text of one document once extracted. It is what bounds the NLP's memory
    # (~100 bytes per character at peak): 2,000 dense pages (5.6 million characters) take
    # 0.56 GB; a 50 MB text dump is refused instead of thrashing.
    max_chars: int = 6_000_000
    timeout_s: float | None = None  # --timeout (per document; enforced by the caller)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)


DEFAULT_LIMITS = Limits()


# Code the alarm must not interrupt: pypdfium2's object bookkeeping (an exception between
# closing a pdfium object and untracking it makes pypdfium2 print warnings at exit, which
# would break the one-line error). The alarm waits until the code is out of there.
_UNINTERRUPTIBLE = (f"{os.sep}pypdfium2{os.sep}",)
_RETRY_S = 0.01


def _inside_uninterruptible(frame) -> bool:
    while frame is not None:
        if any(part in frame.f_code.co_filename for part in _UNINTERRUPTIBLE):
            return True
        frame = frame.f_back
    return False


class _Expired(BaseException):
    """Raised by the alarm. A BaseException, so that library code which turns any
    Exception into "damaged page, carry on" cannot swallow it; converted to LimitExceeded
    where the budget was entered."""


class TimeBudget:
    """Seconds one document may take, spent across several ``with budget.running():``
    stretches (loading, then analysis: building the pipeline in between is not the
    document's time).

    Enforced with SIGALRM, so only in the main thread on POSIX; elsewhere (a thread, or
    Windows) it is not enforced, and batch workers use their own process timeout. The
    alarm interrupts Python code; a single long call into C (one regex match, one pdfium
    page) finishes first, and so does pypdfium2's own bookkeeping.
    """

    def __init__(self, seconds: float | None, path: str) -> None:
        self.seconds = seconds
        self.path = str(path)
        self.spent = 0.0

    def _enforceable(self) -> bool:
        return bool(self.seconds) and hasattr(signal, "setitimer") and \
            threading.current_thread() is threading.main_thread()

    def error(self) -> LimitExceeded:
        return LimitExceeded(self.path, f"took longer than {self.seconds:g} s (raise it with --timeout)")

    @contextmanager
    def running(self) -> Iterator[None]:
        if not self._enforceable():
            yield
            return
        left = self.seconds - self.spent
        if left <= 0:
            raise self.error()

        def expire(signum, frame):
            if _inside_uninterruptible(frame):
                signal.setitimer(signal.ITIMER_REAL, _RETRY_S, 1.0)
                return
            raise _Expired()

        started = time.monotonic()
        previous = signal.signal(signal.SIGALRM, expire)
        try:
            try:
                # Fire again every second after the first time, in case code in between
                # caught the first one (a bare "except:").
                signal.setitimer(signal.ITIMER_REAL, left, 1.0)
                yield
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                self.spent += time.monotonic() - started
        except _Expired:  # also one that fired while the finally clause was running
            raise self.error() from None

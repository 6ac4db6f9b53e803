"""Time budgets: a pathological file or template becomes an error instead of a stuck CI job.

`time_limit` arms a wall-clock timer (SIGALRM) around a block.  The handler raises in
the thread that runs the block, and CPython's regex engine checks for signals while it
searches, so even a backtracking `re.search` is interrupted (measured: a search that
would run for hours stops within a few milliseconds of the budget).  Code that spends
long stretches in C without checking signals (lxml parsing a huge part) is stopped
as soon as it returns to Python.

SIGALRM exists only on POSIX and only reaches the main thread: elsewhere (Windows, a
worker thread) the block runs without a budget.  Pool workers run their tasks in their
main thread, so `--jobs` keeps the budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeBudgetExceeded(BaseException):
    """The budget of `time_limit` ran out.

    A BaseException so that the broad `except Exception` around third-party parsers
    cannot swallow it and report the file as merely corrupt.
    """


def can_time_limit() -> bool:
    """True when `time_limit` can enforce a budget here (POSIX, main thread)."""
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the block with a budget of `seconds` (None or 0: none); raise TimeBudgetExceeded when it runs out."""
    if not seconds or not can_time_limit():
        yield
        return

    def expire(signum, frame):
        raise TimeBudgetExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

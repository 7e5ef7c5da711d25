"""Limits that keep a hostile or broken file from exhausting the machine."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from zhibiao.errors import LimitExceeded


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200_000_000
    max_pages: int = 2000
    max_decompressed_bytes: int = 500_000_000
    max_seconds: float = 120.0  # one document, every stage: reading, normalising, extracting, annotating

    @classmethod
    def from_env(cls) -> "Limits":
        """The limits in effect (zhibiao.settings: ZHIBIAO_MAX_FILE_MB and the others)."""
        from zhibiao.settings import Settings

        return cls.from_settings(Settings.load())

    @classmethod
    def from_settings(cls, s) -> "Limits":
        """The limits of settings already read (:class:`zhibiao.settings.Settings`)."""
        return cls(max_file_bytes=int(s.max_file_mb * 1_000_000), max_pages=s.max_pages,
                   max_decompressed_bytes=int(s.max_decompressed_mb * 1_000_000), max_seconds=s.max_seconds)


class _OutOfTime(BaseException):
    """Raised by the timer inside whatever was running; a BaseException so that no ``except
    Exception`` on the way swallows it."""


def can_time_limit() -> bool:
    """Whether :func:`time_limit` can stop this thread: only a process's main thread receives
    signals (the CLI, and the worker processes of ingest and of the server)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Stop the block after ``seconds`` with a :class:`LimitExceeded` naming ``path``.

    A timer signal interrupts Python code and a regular expression in the middle of a match (the
    ``re`` engine checks for signals), so a runaway stage ends as a clear one-line error. Only in a
    process's main thread; elsewhere the block runs unlimited (callers off the main thread run
    documents in worker processes instead: the server's pool, ``ingest --jobs``)."""
    if not seconds or seconds <= 0 or not can_time_limit() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield  # no limit asked, not possible here, or an outer limit is already running
        return

    def expired(_signum, _frame):
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise LimitExceeded(path, f"reading and extracting took longer than {seconds:g} s "
                                  "(the per-document limit, ZHIBIAO_MAX_SECONDS)") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

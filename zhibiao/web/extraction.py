"""Extraction off the event loop: the server's process pool.

Reading and extracting a document is CPU work (seconds for a large PDF). Done inside a request
handler it would stop every other request — the server has one event loop — so uploads and
previews hand their file to worker processes. At most ``workers`` documents are extracted at
once and ``queue`` more wait; beyond that the server answers 503 at once instead of piling work
up. Each document runs within the per-document time limit (ZHIBIAO_MAX_SECONDS), enforced in the
worker by a timer signal (which stops even a runaway regular expression); should a worker not
answer even then (stuck inside a C library), the pool is torn down and rebuilt.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from zhibiao.errors import LimitExceeded

GRACE_SECONDS = 30.0  # beyond the worker's own limit, before the pool itself is rebuilt


class Busy(Exception):
    """Every worker is busy and the queue is full: try again in a moment."""


def _watch_server(server_pid: int) -> None:
    """In a worker: end when the server that started the pool is gone (killed included)."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # pragma: no cover - a reused pid of another user: ours is gone
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="zhibiao-exit-with-server").start()


class ExtractionPool:
    def __init__(self, workers: int = 2, queue: int = 8, max_seconds: float = 120.0):
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.max_seconds = max_seconds
        self._pool: ProcessPoolExecutor | None = None
        self._pending = 0  # running + waiting; touched from the event loop only
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # forkserver: workers start from a clean process, not a fork of a server with threads
                ctx = multiprocessing.get_context("forkserver" if "forkserver" in
                                                  multiprocessing.get_all_start_methods() else "spawn")
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx,
                                                 initializer=_watch_server, initargs=(os.getpid(),))
            return self._pool

    def start(self) -> None:
        """Start the workers now (at server start-up) rather than on the first upload."""
        for _ in range(self.workers):
            self._executor().submit(os.getpid)

    def _rebuild(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):  # stuck workers: stopped, not awaited
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)

    @property
    def pending(self) -> int:
        return self._pending

    async def run(self, fn: Callable[..., Any], *args: Any, name: str = "document") -> Any:
        """``fn(*args)`` in a worker process; :class:`Busy` when the queue is full."""
        if self._pending >= self.workers + self.queue:
            raise Busy(f"{self._pending} documents are being extracted or waiting; try again in a moment")
        self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(self._executor(), fn, *args)
            try:
                return await asyncio.wait_for(future, timeout=self.max_seconds + GRACE_SECONDS)
            except asyncio.TimeoutError:
                self._rebuild()
                raise LimitExceeded(name, f"reading and extracting took longer than {self.max_seconds:g} s "
                                          "(the per-document limit, ZHIBIAO_MAX_SECONDS)") from None
            except BrokenProcessPool:
                self._rebuild()
                raise LimitExceeded(name, "the worker reading it stopped (out of memory?)") from None
        finally:
            self._pending -= 1

    def shutdown(self) -> None:
        self._rebuild()

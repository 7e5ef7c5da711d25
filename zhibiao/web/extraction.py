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
from zhibiao.workers import settle_garbage_collector

GRACE_SECONDS = 30.0  # beyond the worker's own limit, before the pool itself is rebuilt


class Busy(Exception):
    """Every worker is busy and the queue is full: try again in a moment."""


def _worker_start(server_pid: int) -> None:
    """In a worker: end when the server that started the pool is gone (killed included). (A lower
    CPU priority for the workers was tried: reads got faster, but uploads starved behind a
    concurrent ingest — benchmarks/RESULTS.md §7.)"""

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


def _warm_up() -> int:
    from zhibiao.api import extract_text

    extract_text("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n附件\n\n2025年主要目标\n\n"
                 "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n")
    settle_garbage_collector()  # (what the extraction loaded, out of the collector's walks)
    return os.getpid()


def preview_json(path: str, name: str, lang: str = "en") -> tuple[int, bytes]:
    """In a worker: the upload preview's whole answer, as JSON bytes (a large extraction is
    encoded here, not on the server's event loop), with the upload's name in place of its path;
    a document that cannot be read is said in ``lang`` (web/messages.py)."""
    import json

    from zhibiao.ingest import extract_one
    from zhibiao.web.messages import problem

    x = extract_one(path)
    if x.error:
        said = problem(name, x.error.replace(path, name), lang)
        return 422, json.dumps({"detail": said}, ensure_ascii=False).encode("utf-8")
    data = x.stored_extraction()
    data["document"] = data["document"] | {"source": name}
    return 200, json.dumps(data, ensure_ascii=False).encode("utf-8")


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
                                                 initializer=_worker_start, initargs=(os.getpid(),))
            return self._pool

    def start(self) -> None:
        """Start the workers now (at server start-up), each reading a small text once so that the
        catalogue and the extractor's data are loaded before the first upload arrives."""
        for _ in range(self.workers):
            self._executor().submit(_warm_up)

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

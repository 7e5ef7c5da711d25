"""Worker processes for long work — an ingest's extraction, the status snapshot: a pool whose
processes end with the process that started them, and a bounded window of work in flight, so that
memory stays flat however much work there is. Shared by ``zhibiao.ingest`` and ``track/snapshot.py``."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator


def can_fork() -> bool:
    """Whether worker processes can be started by fork (they then inherit what the parent holds
    instead of receiving it pickled)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the process that started it is gone (killed, or stopped by a signal),
    instead of waiting forever for work that will never come."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _start(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    _exit_with_parent(parent)
    if initializer is not None:
        initializer(*initargs)


def pool(jobs: int, initializer: Callable[..., None] | None = None, initargs: tuple = (),
         fork: bool = False) -> ProcessPoolExecutor:
    """``jobs`` worker processes that end with this one; ``initializer(*initargs)`` runs in each
    first. ``fork=True``: started by fork, so ``initargs`` are inherited, never pickled (a
    database engine, a tracker) — the caller checks :func:`can_fork` and closes its pooled
    connections first, so that no connection is shared across the fork."""
    ctx = multiprocessing.get_context("fork") if fork else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_start,
                               initargs=(os.getpid(), initializer, initargs))


def in_order(executor: ProcessPoolExecutor, fn: Callable[[Any], Any], items: Iterable[Any],
             window: int) -> Iterator[Any]:
    """``fn(item)`` for every item, run by the pool's workers, results in the items' order; at most
    ``window`` items in flight (a bounded window: memory stays flat however many items)."""
    flight: deque = deque()
    for item in items:
        flight.append(executor.submit(fn, item))
        if len(flight) >= window:
            yield flight.popleft().result()
    while flight:
        yield flight.popleft().result()

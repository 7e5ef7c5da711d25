"""Worker processes for long work — an ingest's extraction, the status snapshot: a pool whose
processes end with the process that started them, and a bounded window of work in flight, so that
memory stays flat however much work there is. Shared by ``zhibiao.ingest`` and ``track/snapshot.py``."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator


# Allocations between two collections of the youngest generation (Python's default: 700) in a
# process that has settled. A document's extraction allocates tens of thousands of short-lived
# objects, and so does a page of a cross-region view: with the default a collection came every few
# hundred of them, a full one every few requests.
GC_THRESHOLD = (10_000, 10, 10)


def settle_garbage_collector(collect: bool = True) -> None:
    """Once a long-lived process has loaded what it keeps (modules, catalogue, lexicon, registry;
    a server's templates and first views): those objects are moved out of the collector's sight
    (``gc.freeze``) and the youngest generation is collected less often (``GC_THRESHOLD``). A full
    collection walked the whole start-up heap (70–110 ms a server at national scale, one grid page
    in nine); the seeds' extraction takes 2.5 % fewer instructions with both (0.7 % with the freeze
    alone; benchmarks/RESULTS.md §1). Frozen objects are still freed when no longer referenced;
    only cycles among them stay (what is loaded at start lives as long as the process anyway).
    ``collect``: collect first, so that the start's garbage is not frozen with it."""
    import gc

    if collect:
        gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


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

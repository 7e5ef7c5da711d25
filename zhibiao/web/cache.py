"""A cache for the views that read across many regions (one indicator across every county, the
children of a region against their parent, the parent-region grid, the home page's region tree):
at national scale they read thousands of rows and take hundreds of milliseconds to seconds,
while their answer changes only when the database does.

Each worker process keeps its own cache. An entry is current while the database's *version* is
the one it was computed at: the largest id of the database's change log, to which triggers add a
row whenever a document is stored, replaced or deleted, a reviewer's correction or a status override
is written, or a figure is imported (migration 0009). Reading the version is one indexed lookup, at
any size (it counted every document before: a scan per cached request at national scale).
Entries also expire after ``ttl`` seconds, and the least recently used go first when the cache is
full.

**Refreshed in the background when costly.** On a busy national database a write arrives every
few seconds (an upload, a review) and would make every cross-region view cold for everyone. So an
entry whose computation took at least ``background_after`` seconds is, once the database has
moved on, still answered from the cache while one background thread computes it afresh — for at
most ``max_stale`` seconds after it was computed, after which the request computes it itself. A
view that is quick to compute (a small database) is always computed at once, so a change is seen
by the next request.

**Costly means CPU, not waiting.** A view's cost is the CPU time its thread spent computing it:
on a loaded machine (a test suite beside the server, an ingest) a small database's view waited
for a core long enough to look costly by the clock, and was then answered from before a write.

**A first computation is judged net of the process's warm-up.** The first view a process computes
also pays for what it loads on first use (modules, the catalogue, the lexicon's units: a quarter of
a second here, more on a loaded machine), which made a small database's view look costly and then
served its previous answer after a write — a deleted document still listed. A view computed for
the first time counts as costly only past ``warm_up`` seconds more than ``background_after``; from
its second computation on, its own time decides. The national home page (seconds) is costly either
way.

**At most one refresh per view every ``refresh_every`` seconds, or ``refresh_cost_factor`` times
its cost.** Under a steady stream of writes (an uploader storing a document every second or two)
recomputing every costly view after each write kept both cores busy with refreshes; a view is now
refreshed at most once per interval — for the national home page (2–3 s of CPU) once every 25 s or
so, a tenth of a core at most — so a reader sees a write in a costly view after about that interval
plus its computation.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable, Hashable

from zhibiao.track.queries import ReadModel


@dataclass
class Entry:
    version: tuple
    computed_at: float
    cost: float  # CPU seconds the computation took in its thread (a first one: less the process's warm-up)
    value: Any


class ViewCache:
    def __init__(self, db, ttl: float = 600.0, size: int = 256, background_after: float = 0.25,
                 max_stale: float = 120.0, refresh_every: float = 10.0, refresh_cost_factor: float = 10.0,
                 warm_up: float = 1.0):
        self.db = db
        self.warm_up = warm_up
        self.ttl = ttl
        self.size = size
        self.background_after = background_after
        self.max_stale = max_stale
        self.refresh_every = refresh_every
        self.refresh_cost_factor = refresh_cost_factor
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._refreshing: set[Hashable] = set()
        self._inflight: dict[Hashable, Future] = {}  # computed now by a request: others wait for it
        self._lock = threading.Lock()
        self.hits = self.misses = self.stale = 0

    def version(self) -> tuple:
        return ReadModel(self.db).version()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key`` at the database's current version, else ``compute()``'s
        (computed outside the lock, once: requests for a value being computed wait for it instead
        of computing it again) — or, for a costly view, the previous value while it is computed
        afresh in the background."""
        version = self.version()
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and now - entry.computed_at < self.ttl:
                if entry.version == version:
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return entry.value
                if entry.cost >= self.background_after and now - entry.computed_at < self.max_stale:
                    self._entries.move_to_end(key)
                    self.stale += 1
                    interval = min(max(self.refresh_every, self.refresh_cost_factor * entry.cost), self.max_stale / 2)
                    if key not in self._refreshing and now - entry.computed_at >= interval:
                        self._refreshing.add(key)
                        threading.Thread(target=self._refresh, args=(key, compute), daemon=True,
                                         name="zhibiao-view-refresh").start()
                    return entry.value
            waiting = self._inflight.get(key)
            if waiting is None:
                self._inflight[key] = mine = Future()
        if waiting is not None:  # another request is computing it: wait for that answer
            try:
                return waiting.result()
            except Exception:
                return compute()  # it failed there: this request tries, and reports its own error
        try:
            value = self._compute(key, compute, version)
            mine.set_result(value)
            return value
        except BaseException as exc:
            mine.set_exception(exc)
            raise
        finally:
            with self._lock:
                self._inflight.pop(key, None)

    def _compute(self, key: Hashable, compute: Callable[[], Any], version: tuple) -> Any:
        started, cpu = time.monotonic(), time.thread_time()
        value = compute()
        took = time.thread_time() - cpu
        with self._lock:
            self.misses += 1
            first = key not in self._entries
            self._entries[key] = Entry(version, started, took - self.warm_up if first else took, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def _refresh(self, key: Hashable, compute: Callable[[], Any]) -> None:
        try:
            self._compute(key, compute, self.version())
        except Exception:  # the next request computes it itself and reports what went wrong
            with self._lock:
                self._entries.pop(key, None)
        finally:
            with self._lock:
                self._refreshing.discard(key)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

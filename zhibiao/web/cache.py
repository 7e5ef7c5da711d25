"""A cache for the views that read across many regions (one indicator across every county, the
children of a region against their parent, the parent-region grid): at national scale they read
thousands of rows and take hundreds of milliseconds, while their answer changes only when the
database does.

Each worker process keeps its own cache. An entry is valid while the database's *version* is the
one it was computed at: the largest id of documents, actual figures, reviewers' corrections and
status overrides (every write adds a row: a new, replaced or fetched document, an import, a
review, an override), and the number of documents (a deletion). Reading the version is one query. Entries also expire after ``ttl`` seconds, and the least recently used go first
when the cache is full.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable

from zhibiao.track.queries import ReadModel


class ViewCache:
    def __init__(self, db, ttl: float = 600.0, size: int = 256):
        self.db = db
        self.ttl = ttl
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[tuple, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def version(self) -> tuple:
        return ReadModel(self.db).version()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key`` at the database's current version, else ``compute()``'s
        (computed outside the lock: two requests may compute one value once each, never wait)."""
        version = self.version()
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] == version and now - entry[1] < self.ttl:
                self._entries.move_to_end(key)
                self.hits += 1
                return entry[2]
        value = compute()
        with self._lock:
            self.misses += 1
            self._entries[key] = (version, now, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

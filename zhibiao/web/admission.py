"""Bounded work per request: no reader waits a minute for an answer.

Each worker process handles at most ``max_concurrent`` reads (GET, HEAD) at once; the others wait
their turn, in order. A read that has not been answered ``request_timeout`` seconds after it
arrived — its wait for a turn included — is answered **503 with Retry-After** at once instead of
keeping the reader waiting (a browser, a script or a proxy can retry; a hung connection helps no
one). The work it started is not thrown away: it goes on in its thread, keeps its turn until it
ends, and what it computes (a cross-region view, the home page) is cached for the next request.

Why a bound on reads in progress: requests share the CPU, so with 25 requests in progress each
gets a 25th of it, and a view that needs 2 s of CPU takes 50 s of wall time. Fewer at once let a
costly view finish while quick ones queue briefly behind it. Writes (uploads, reviews) are left
to their own limits (the extraction queue, the database's busy timeout).
"""
from __future__ import annotations

import asyncio
import json
from typing import Callable

READ_METHODS = frozenset({"GET", "HEAD"})
RETRY_AFTER = 5  # seconds suggested to a client answered 503


class Admission:
    def __init__(self, app, settings: Callable[[], tuple[int, float]]):
        self.app = app
        self.settings = settings  # () -> (max_concurrent, request_timeout); read per request (tests change them)
        self._slots: asyncio.Semaphore | None = None
        self._limit = 0
        self.busy_answers = 0  # how many reads were answered 503 (for tests and the benchmark)

    def slots(self, limit: int) -> asyncio.Semaphore:
        if self._slots is None or limit != self._limit:
            self._slots, self._limit = asyncio.Semaphore(limit), limit
        return self._slots

    async def __call__(self, scope, receive, send):
        limit, timeout = self.settings()
        if scope["type"] != "http" or scope.get("method") not in READ_METHODS or limit <= 0 or timeout <= 0:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        slots = self.slots(limit)
        try:
            await asyncio.wait_for(slots.acquire(), timeout)
        except asyncio.TimeoutError:
            await self.busy(scope, send, timeout)
            return
        state = {"started": False, "abandoned": False}

        async def guarded_send(message):
            if state["abandoned"]:
                return  # answered 503 already: what the finished work sends goes nowhere
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        handed_over = False
        try:
            done, _pending = await asyncio.wait({task}, timeout=max(0.0, deadline - loop.time()))
            if task in done or state["started"]:
                await task
                return
            state["abandoned"] = True  # still computing: the reader is answered now, the work goes on
            task.add_done_callback(lambda t: (slots.release(), t.cancelled() or t.exception()))
            handed_over = True
            await self.busy(scope, send, timeout)
        finally:
            if not handed_over:
                slots.release()

    async def busy(self, scope, send, timeout: float) -> None:
        self.busy_answers += 1
        message = (f"the server is busy: no answer within {timeout:g} s; try again in {RETRY_AFTER} s "
                   f"(服务器繁忙，请 {RETRY_AFTER} 秒后重试)")
        if scope["path"].startswith("/api/"):
            body, kind = json.dumps({"detail": message}, ensure_ascii=False).encode("utf-8"), b"application/json"
        else:
            body = (f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>503</title>'
                    f"<p>服务器繁忙，请 {RETRY_AFTER} 秒后刷新。</p><p>The server is busy: reload in "
                    f"{RETRY_AFTER} seconds.</p></html>").encode("utf-8")
            kind = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                                (b"retry-after", str(RETRY_AFTER).encode())]})
        await send({"type": "http.response.body", "body": body})

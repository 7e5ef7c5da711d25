"""The server never blocks (issue 17.1): extraction runs in worker processes, so a read completes
while a slow extraction is still running; a full queue answers 503 at once. Before, extraction
ran inside the request handler on the server's one event loop, and a large or hostile upload
froze every request until it was done. (The latency figure is a benchmark: benchmarks/run.py
responsive; nothing here asserts a time.)"""
from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import replace

import httpx
import pytest

from appserver import served
from paths import EXAMPLES
from zhibiao.load import load
from zhibiao.settings import Settings
from zhibiao.store import Database
from zhibiao.ingest import ingest
from zhibiao.web.app import create_app
from zhibiao.web.extraction import Busy, ExtractionPool


def big_document(size: int = 1_000_000) -> bytes:
    """Real-looking plans and reports, repeated: seconds of honest extraction work."""
    base = "\n\n".join(load(p).text for p in sorted(EXAMPLES.glob("*.txt")))
    return (base * (size // len(base) + 1))[:size].encode("utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = Database.open(tmp_path_factory.mktemp("responsive") / "r.db")
    ingest(database, [EXAMPLES])
    return database


def test_a_read_completes_while_a_slow_extraction_runs(db):
    app = create_app(db, settings=replace(Settings.load(), token="t", max_upload_mb=5, extract_workers=1))
    st = app.state.zhibiao
    with served(app) as live:
        base = live.url
        done = {}

        def upload():
            with httpx.Client(timeout=600) as c:
                done["preview"] = c.post(f"{base}/api/v1/extract",
                                         files={"file": ("big.txt", big_document(), "text/plain")})

        uploader = threading.Thread(target=upload)
        uploader.start()
        for _ in range(1200):  # until the server is extracting it
            if st.extraction.pending >= 1 or not uploader.is_alive():
                break
            time.sleep(0.05)
        assert st.extraction.pending >= 1, "the upload never reached the extraction"
        with httpx.Client(timeout=60) as c:
            reads = [c.get(f"{base}{url}") for url in ("/api/v1/documents", "/region/330500/2024",
                                                       "/api/v1/status?region=湖州市&year=2024")]
        still_extracting = st.extraction.pending >= 1 and uploader.is_alive()
        uploader.join(timeout=600)
        assert [r.status_code for r in reads] == [200, 200, 200]
        assert still_extracting, "the reads were answered only after the extraction ended"
        assert done["preview"].status_code == 200 and len(done["preview"].json()["targets"]) > 1000


def test_a_full_queue_is_told_at_once():
    async def scenario():
        pool = ExtractionPool(workers=1, queue=0, max_seconds=60)
        try:
            first = asyncio.ensure_future(pool.run(time.sleep, 3))
            await asyncio.sleep(0.2)
            with pytest.raises(Busy):
                await pool.run(time.sleep, 0)
            await first
            await pool.run(time.sleep, 0)  # free again
        finally:
            pool.shutdown()

    asyncio.run(scenario())


def test_a_worker_that_never_answers_is_replaced():
    """The last resort: a worker stuck past the limit and the grace (inside a C library, where no
    signal reaches) is killed, the pool rebuilt, and the request told; the next one is served."""
    from zhibiao.errors import LimitExceeded
    from zhibiao.web import extraction

    async def scenario():
        pool = ExtractionPool(workers=1, queue=1, max_seconds=0.5)
        old = extraction.GRACE_SECONDS
        extraction.GRACE_SECONDS = 0.5
        try:
            with pytest.raises(LimitExceeded, match="longer than 0.5 s"):
                await pool.run(time.sleep, 30, name="stuck.pdf")
            assert await pool.run(abs, -3) == 3
        finally:
            extraction.GRACE_SECONDS = old
            pool.shutdown()

    started = time.monotonic()
    asyncio.run(scenario())
    assert time.monotonic() - started < 20


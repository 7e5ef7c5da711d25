"""The cross-region views are cached per worker: a document stored or deleted, an import, a review
or an override changes the answer at once (a view costly to compute — a national database — is
refreshed in the background instead, its previous answer served meanwhile for a bounded time);
pages of a long list add up to it."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES

TOKEN = "cache-test-token"
JIAXING_PLAN = """嘉兴市人民政府关于下达2024年嘉兴市国民经济和社会发展计划的通知

各县（市、区）人民政府，市政府各部门：

2024年嘉兴市国民经济和社会发展计划已经市人大审议批准，现印发给你们，请认真组织实施。

嘉兴市人民政府

2024年2月8日

附件

2024年嘉兴市国民经济和社会发展计划主要目标

类别\t序号\t指标名称\t2024年目标
经济发展\t1\t地区生产总值增速\t5.5%左右
\t2\t固定资产投资增速\t7%
"""


@pytest.fixture
def client(tmp_path):
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path / "cache.db")
    ingest(db, [EXAMPLES])
    app = create_app(db, token=TOKEN)
    with TestClient(app) as c:
        yield c, app.state.zhibiao.views


def _regions(client, **params):
    r = client.get("/api/v1/compare/regions", params={"indicator": "gdp_growth", "year": 2024, **params})
    assert r.status_code == 200, r.text
    return r.json()


def _busy(seconds: float) -> None:
    """A computation costing ``seconds`` of CPU (a view's cost is its CPU time, not the clock's)."""
    import time

    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_repeated_view_is_served_from_the_cache_and_changes_with_the_data(client):
    c, cache = client
    first = _regions(c, level="prefecture")["rows"]
    assert {x["region"]["name"] for x in first} >= {"湖州市", "台州市"}
    hits = cache.hits
    assert _regions(c, level="prefecture")["rows"] == first
    assert cache.hits == hits + 1
    # the page reads the same cached rows
    page = c.get("/compare/regions", params={"indicator": "gdp_growth", "year": 2024, "level": "prefecture"})
    assert page.status_code == 200 and "台州" in page.text

    # a new plan notice of 嘉兴市: the next answer has it, whichever request comes first
    r = c.post("/api/v1/documents", headers={"authorization": f"Bearer {TOKEN}"},
               files={"file": ("jiaxing_2024.txt", JIAXING_PLAN.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, r.text
    doc_id = r.json()["id"]
    page = c.get("/compare/regions", params={"indicator": "gdp_growth", "year": 2024, "level": "prefecture"})
    assert "嘉兴市" in page.text
    after = _regions(c, level="prefecture")["rows"]
    jiaxing = [x for x in after if x["region"]["name"] == "嘉兴市"]
    assert len(jiaxing) == 1 and jiaxing[0]["text"] == "5.5%左右"
    levels = c.get("/api/v1/compare/levels", params={"region": "浙江省", "year": 2024}).json()
    assert "嘉兴市" in {x["region"]["name"] for x in levels["children"]}

    # deleted again: gone from every cached view
    assert c.delete(f"/api/v1/documents/{doc_id}", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert _regions(c, level="prefecture")["rows"] == first
    levels = c.get("/api/v1/compare/levels", params={"region": "浙江省", "year": 2024}).json()
    assert "嘉兴市" not in {x["region"]["name"] for x in levels["children"]}


def test_pages_of_a_cross_region_view_add_up_to_the_whole(client):
    c, _cache = client
    whole = _regions(c)["rows"]
    assert len(whole) >= 3
    pages, token = [], None
    while True:
        params = {"_size": 2} | ({"_next": token} if token else {})
        data = _regions(c, **params)
        assert data["total"] == len(whole)
        pages += data["rows"]
        token = data["next"]
        if token is None:
            break
    assert pages == whole
    bad = c.get("/api/v1/compare/regions", params={"indicator": "gdp_growth", "year": 2024, "_size": 2, "_next": "x"})
    assert bad.status_code == 400


def test_a_costly_view_is_refreshed_in_the_background_after_a_write(tmp_path):
    """At national scale a write every few seconds must not make the region tree cold for every
    reader: the previous answer is served while one thread computes the new one."""
    import threading
    import time

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "bg.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files[:1])
    cache = ViewCache(db, background_after=0.2, max_stale=60, refresh_every=0, refresh_cost_factor=0, warm_up=0)
    release = threading.Event()
    calls = []

    def documents():  # costly: the first computation, and the refresh until released
        calls.append(threading.current_thread().name)
        if len(calls) == 1:
            _busy(0.25)
        else:
            release.wait(10)
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()

    assert cache.get("n", documents) == 1
    ingest(db, files[1:2])
    assert cache.get("n", documents) == 1  # the previous answer, at once
    assert cache.get("n", documents) == 1 and cache.stale == 2
    release.set()
    for _ in range(200):
        if cache.get("n", documents) == 2:
            break
        time.sleep(0.05)
    assert cache.get("n", documents) == 2
    assert calls[1] == "zhibiao-view-refresh" and len(calls) == 2  # one refresh, in the background


def test_a_quick_view_or_a_too_old_answer_is_computed_at_once(tmp_path):
    import time

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "q.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files[:1])

    def documents():
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()

    quick = ViewCache(db, background_after=30)
    assert quick.get("n", documents) == 1
    costly = ViewCache(db, background_after=0, max_stale=0.1, warm_up=0)
    assert costly.get("n", documents) == 1
    time.sleep(0.2)
    ingest(db, files[1:2])
    assert quick.get("n", documents) == 2
    assert costly.get("n", documents) == 2 and costly.stale == 0


def test_a_view_slow_only_the_first_time_is_still_computed_at_once_after_a_write(tmp_path):
    """The first view a process computes pays its warm-up (the first status comparison imports a
    numeral reader: 0.2 s): a small database's view must not be judged costly for it, and so
    answered from before a write — a deleted document still listed."""
    import time

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "first.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files[:1])
    cache = ViewCache(db)  # the server's settings
    calls = []

    def documents():
        calls.append(1)
        if len(calls) == 1:
            _busy(0.4)  # the warm-up: past background_after, within warm_up
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()

    assert cache.get("n", documents) == 1
    ingest(db, files[1:2])
    assert cache.get("n", documents) == 2 and cache.stale == 0
    slow_again = ViewCache(db, warm_up=0.1)  # a view costly beyond the warm-up is served stale
    calls.clear()
    assert slow_again.get("n", documents) == 2
    ingest(db, files[2:3])
    assert slow_again.get("n", documents) == 2 and slow_again.stale == 1


def test_a_view_slow_only_by_the_clock_is_computed_at_once_after_a_write(tmp_path):
    """On a loaded machine a quick view waits for a core: it is not costly for that (its CPU
    decides), so a write is seen by the next request."""
    import time

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "clock.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files[:1])
    cache = ViewCache(db, warm_up=0)

    def documents():
        time.sleep(0.4)  # waiting, as for a busy core: no CPU
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()

    assert cache.get("n", documents) == 1
    ingest(db, files[1:2])
    assert cache.get("n", documents) == 2 and cache.stale == 0


def test_requests_for_a_view_being_computed_wait_for_it(tmp_path):
    """Fifty readers arriving while the region tree is computed cold must not compute it fifty
    times over (each taking a core for seconds): they wait for the one computation."""
    import threading
    import time

    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "w.db")
    cache = ViewCache(db)
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.5)
        return "tree"

    answers = []
    threads = [threading.Thread(target=lambda: answers.append(cache.get("tree", slow))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert answers == ["tree"] * 8 and len(calls) == 1


def test_uploads_and_deletions_in_the_web_keep_the_status_snapshot_current(db_url):
    """The home page's region tree reads the status snapshot: the server refreshes the snapshot of
    the regions an upload or a deletion touches (in the background), so the tree never has to
    compute a national database's statuses per request."""
    from sqlalchemy import func, select

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.store.schema import StatusSnapshotRow
    from zhibiao.track import Tracker
    from zhibiao.track.coverage import region_tree
    from zhibiao.track.snapshot import refresh
    from zhibiao.web.app import create_app

    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    refresh(Tracker(db))  # as `zhibiao ingest` leaves it

    def lines(code, year):
        with db.session() as s:
            return s.scalar(select(func.count()).select_from(StatusSnapshotRow).where(
                StatusSnapshotRow.region_code == code, StatusSnapshotRow.year == year))

    def achievement(code, year, live_limit):
        def find(nodes):
            for n in nodes:
                if n["code"] == code:
                    return {y["year"]: y["achievement"] for y in n["years"]}.get(year)
                found = find(n["children"])
                if found is not None:
                    return found
        return find(region_tree(Tracker(db), live_limit=live_limit))

    assert lines("330400", 2024) == 0
    with TestClient(create_app(db, token=TOKEN)) as c:
        r = c.post("/api/v1/documents", headers={"authorization": f"Bearer {TOKEN}"},
                   files={"file": ("jiaxing_2024.txt", JIAXING_PLAN.encode("utf-8"), "text/plain")})
        assert r.status_code == 200, r.text
        doc_id = r.json()["id"]
    # the server stopped after the refresh it had started: 嘉兴市 2024's two targets are in the snapshot
    assert lines("330400", 2024) == 2
    assert achievement("330400", 2024, live_limit=0)["total"] == 2  # from the snapshot alone
    with TestClient(create_app(db, token=TOKEN)) as c:
        assert c.delete(f"/api/v1/documents/{doc_id}", headers={"authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert lines("330400", 2024) == 0


def test_beyond_its_live_limit_the_tree_shows_the_snapshots_previous_figure(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker
    from zhibiao.track.coverage import region_tree
    from zhibiao.track.snapshot import refresh

    db = Database.open(tmp_path / "tree.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files)
    refresh(Tracker(db))
    with db.engine.begin() as conn:  # every region's data newer than its snapshot (a document re-stored)
        conn.exec_driver_sql("UPDATE documents SET ingested_at = '2999-01-01 00:00:00'")

    def figures(tree):
        out = {}
        for n in tree:
            out |= {(n["code"], y["year"]): y["achievement"] for y in n["years"]} | figures(n["children"])
        return out

    live = figures(region_tree(Tracker(db)))
    previous = figures(region_tree(Tracker(db), live_limit=0))
    assert live and set(live) == set(previous)
    assert all(previous[k] is not None for k in live if live[k] is not None)  # not blank: the last known figure
    assert previous == live  # nothing changed but the dates: the same figures


def test_a_costly_view_is_refreshed_at_most_once_per_interval(tmp_path):
    import time

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.cache import ViewCache

    db = Database.open(tmp_path / "every.db")
    files = sorted(EXAMPLES.glob("*.txt"))
    ingest(db, files[:1])
    cache = ViewCache(db, background_after=0, max_stale=60, refresh_every=3600, warm_up=0)
    calls = []

    def documents():
        calls.append(1)
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM documents").scalar()

    assert cache.get("n", documents) == 1
    ingest(db, files[1:2])
    for _ in range(5):
        assert cache.get("n", documents) == 1  # within the interval: the previous answer, no refresh started
    time.sleep(0.2)
    assert len(calls) == 1 and cache.stale == 5


def test_a_started_server_keeps_its_start_up_heap_out_of_the_collectors_walks(tmp_path):
    """Once the home page's view is computed at start-up, what was loaded by then is frozen out of
    the garbage collector's walks and the youngest generation collected less often: a full
    collection walked the whole start-up heap (70–110 ms at national scale, the grid pages' p95).
    The pages still answer."""
    import gc
    import threading

    from zhibiao.store import Database
    from zhibiao.web.app import create_app
    from zhibiao.web.serve import warm_in_background
    from zhibiao.workers import GC_THRESHOLD

    db = Database.open(tmp_path / "gc.db")
    app = create_app(db)
    threshold = gc.get_threshold()
    try:
        warm_in_background(app)
        for t in threading.enumerate():
            if t.name == "zhibiao-warm":
                t.join(60)
        assert gc.get_freeze_count() > 10_000 and gc.get_threshold() == GC_THRESHOLD
        with TestClient(app) as c:
            assert c.get("/").status_code == 200
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        db.dispose()

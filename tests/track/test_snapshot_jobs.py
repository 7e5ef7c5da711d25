"""The status snapshot computed by worker processes (``zhibiao snapshot --jobs N``, ``zhibiao ingest
--jobs N``) writes the very rows one process writes, each region-year whole, on SQLite and
PostgreSQL; a refresh that fails part way leaves every region-year either as it was or wholly new."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.store import Database
from zhibiao.store.tables import status_snapshot
from zhibiao.track import Tracker
from zhibiao.track import snapshot


def zb(*args):
    r = subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


COLUMNS = [c for c in status_snapshot.c if c.name not in ("id", "computed_at")]


def _rows(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(*COLUMNS).order_by(
            status_snapshot.c.region_code, status_snapshot.c.year, status_snapshot.c.line_no))]


def _stamps(db) -> dict[tuple[str, int], set]:
    with db.engine.connect() as conn:
        out: dict[tuple[str, int], set] = {}
        for code, year, at in conn.execute(select(status_snapshot.c.region_code, status_snapshot.c.year,
                                                  status_snapshot.c.computed_at)):
            out.setdefault((code, year), set()).add(at)
        return out


@pytest.fixture
def ingested(db_url):  # noqa: F811
    zb("ingest", str(EXAMPLES), "--db", db_url, "-q")
    db = Database.open(db_url)
    yield db
    db.dispose()


@pytest.fixture
def small_chunks(monkeypatch):
    """Workers even for the few region-years of the examples, two region-years a task."""
    monkeypatch.setattr(snapshot, "PARALLEL_FROM", 0)
    monkeypatch.setattr(snapshot, "CHUNK", 1)


def test_workers_write_the_rows_one_process_writes(ingested, small_chunks):
    one = _rows(ingested)  # written by the ingest, one process
    assert len({(r[0], r[1]) for r in one}) >= 4, "the examples hold several region-years"
    with ingested.engine.begin() as conn:
        conn.execute(status_snapshot.delete())
    n = snapshot.refresh(Tracker(ingested), jobs=2)
    assert n == len(one)
    assert _rows(ingested) == one
    # and again over a full snapshot: every region-year replaced, none doubled
    assert snapshot.refresh(Tracker(ingested), jobs=2) == len(one)
    assert _rows(ingested) == one


def test_the_snapshot_command_takes_jobs(ingested, db_url):  # noqa: F811
    """`zhibiao snapshot --jobs 2` (on these few region-years one process computes: workers start
    from PARALLEL_FROM region-years; the workers' rows are tested above)."""
    one = _rows(ingested)
    out = zb("snapshot", "--db", db_url, "--jobs", "2", "-f", "json").stdout
    assert out.strip() == f'{{"lines": {len(one)}}}'
    assert _rows(ingested) == one


def test_the_remembering_read_model_decides_as_the_plain_one(ingested):
    """The snapshot's read model remembers a few region-years' targets (children ask for their
    parent's): the rows are those a plain tracker gives."""
    plain, remembering = Tracker(ingested), snapshot._snapshot_tracker(Tracker(ingested))
    region_years = sorted({(r[0], r[1]) for r in _rows(ingested)})
    for code, year in region_years * 2:  # twice: the second time every target comes from memory
        a, b = snapshot.status_rows(plain, code, year), snapshot.status_rows(remembering, code, year)
        assert [{k: v for k, v in r.items() if k != "computed_at"} for r in a] == \
               [{k: v for k, v in r.items() if k != "computed_at"} for r in b]


def test_a_refresh_that_fails_leaves_no_region_year_half_written(ingested, small_chunks, monkeypatch):
    before = _stamps(ingested)
    region_years = sorted(before)
    failing = region_years[len(region_years) // 2]
    real = snapshot.status_rows

    def rows_or_fail(tracker, code, year):
        if (code, year) == failing:
            raise RuntimeError("a status that cannot be computed")
        return real(tracker, code, year)

    monkeypatch.setattr(snapshot, "status_rows", rows_or_fail)  # the forked workers inherit it
    with pytest.raises(RuntimeError):
        snapshot.refresh(Tracker(ingested), jobs=2)
    after = _stamps(ingested)
    assert set(after) == set(before)
    for ry in region_years:
        assert len(after[ry]) == 1, f"{ry}: lines of two refreshes"  # whole: all old or all new
    assert after[failing] == before[failing]
    assert any(after[ry] != before[ry] for ry in region_years), "the batches before the failure were written"
    monkeypatch.setattr(snapshot, "status_rows", real)
    one = _rows(ingested)
    snapshot.refresh(Tracker(ingested), jobs=2)
    assert _rows(ingested) == one


def test_chunks_keep_a_regions_years_together():
    rys = [("110000", y) for y in range(2016, 2026)] + [("110101", 2020), ("110102", 2020), ("110102", 2021)]
    chunks = snapshot._chunks(rys)
    assert [ry for c in chunks for ry in c] == rys
    for c in chunks:
        codes = [code for code, _y in c]
        for other in chunks:
            if other is not c:
                assert not set(codes) & {code for code, _y in other}


def test_a_database_in_memory_is_refreshed_by_this_process(small_chunks):
    """Workers would close the one connection an in-memory database lives in: it is refreshed here."""
    from zhibiao.ingest import ingest

    db = Database.open("sqlite://")  # SQLAlchemy's URL of a database in memory
    ingest(db, [EXAMPLES])
    assert snapshot.refresh(Tracker(db), jobs=2) > 0
    assert len(_rows(db)) > 0

"""A part of the year's actual read from the status snapshot names its months, as the scorecard does: the
snapshot keeps the period of each line's deciding figure (``actual_period``, migration 0019), the
parent-region grid labels it with ``track.status.months_label`` (1—9月 / months 1–9) whether it reads the
snapshot or decides afresh, and v_status shows it. A database written at 0018 upgrades without losing a
row; its lines, which have no period, are decided afresh until the snapshot is written again.
Documents written for this test (own figures), on real SQLite and real PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import func, inspect, select, text

from crossregion_docs import PART_YEAR as DOCS
from dbs import db_url, migrate_to  # noqa: F401  (fixture)
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.store.tables import status_snapshot
from zhibiao.track.grid import parent_grid
from zhibiao.track.snapshot import refresh, stale
from zhibiao.track.tracker import Tracker

HUZHOU, JIAXING, ZHEJIANG = "330500", "330400", "330000"


@pytest.fixture
def db(db_url, tmp_path):  # noqa: F811
    for name, body in DOCS.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    db = Database.open(db_url)
    assert ingest(db, [tmp_path / n for n in DOCS]).count("failed") == 0
    refresh(Tracker(db))  # as `zhibiao ingest` does
    yield db
    db.dispose()


def _retail(grid) -> dict[str, tuple]:
    return {r.region["code"]: (c.actual, c.actual_period, c.months) for r in grid.rows
            if (c := r.cells.get("retail_sales_growth")) is not None and c.actual}


def _stored(db) -> dict[str, list]:
    tracker = Tracker(db)
    return tracker.q.current_snapshot(2025, {HUZHOU: ZHEJIANG, JIAXING: ZHEJIANG, ZHEJIANG: None},
                                      tracker.rules.version)


def test_the_grid_names_the_months_of_a_part_of_the_year_s_actual_from_the_snapshot(db):
    stored = _stored(db)
    assert set(stored) == {HUZHOU, JIAXING, ZHEJIANG}  # (every row read from the snapshot, none decided afresh)
    retail = {code: next(x.actual_period for x in lines if x.indicator == "retail_sales_growth")
              for code, lines in stored.items()}
    # a part of the year's figure keeps its months, a year's its year, a line without a figure nothing
    assert retail == {HUZHOU: "2025-01/2025-09", JIAXING: "2025", ZHEJIANG: None}
    tracker = Tracker(db)
    for lang, months in (("zh", "1—9月"), ("en", "months 1–9")):
        expected = {HUZHOU: ("同比增长5.8%", "2025-01/2025-09", months), JIAXING: ("比上年增长5.9%", "2025", "")}
        assert _retail(parent_grid(tracker, "浙江省", 2025, lang=lang)) == expected
        # decided afresh: the same cells (the one read model's figure, the one label)
        assert _retail(parent_grid(tracker, "浙江省", 2025, lang=lang, snapshot=False)) == expected
    with db.engine.connect() as conn:
        view = dict(conn.execute(text("SELECT region_code, actual_period FROM v_status "
                                      "WHERE indicator_id = 'retail_sales_growth'")).all())
    assert view == {HUZHOU: "2025-01/2025-09", JIAXING: "2025", ZHEJIANG: None}


def test_a_database_at_0018_upgrades_keeping_its_rows_and_its_old_lines_are_decided_afresh(db, db_url):  # noqa: F811
    with db.engine.connect() as conn:
        before = conn.execute(select(status_snapshot.c.region_code, status_snapshot.c.line_no,
                                     status_snapshot.c.actual_text).order_by("region_code", "line_no")).all()
    # the lines as 0018 wrote them: written by this version, the schema taken back to 0018 (the column and
    # the view's column gone)
    migrate_to(db, "0018", up=False)
    with db.engine.connect() as conn:
        assert "actual_period" not in {c["name"] for c in inspect(conn).get_columns("status_snapshot")}
        assert conn.execute(text("SELECT COUNT(*) FROM v_status")).scalar() == len(before)
        with pytest.raises(Exception):
            conn.execute(text("SELECT actual_period FROM v_status"))
    db.dispose()

    db = Database.open(db_url)  # opening it migrates to the head
    assert db.current_revision() == "0019"
    with db.engine.connect() as conn:
        after = conn.execute(select(status_snapshot.c.region_code, status_snapshot.c.line_no,
                                    status_snapshot.c.actual_text).order_by("region_code", "line_no")).all()
        periods = conn.execute(select(func.count()).select_from(status_snapshot)
                               .where(status_snapshot.c.actual_period.is_not(None))).scalar()
        assert conn.execute(text("SELECT COUNT(*) FROM v_status WHERE actual_period IS NULL")).scalar() == len(before)
    assert after == before and periods == 0
    # the region-years whose lines have a figure but no period are not current: the grid decides them afresh
    # (and names the months), and `zhibiao snapshot --stale` writes them again
    assert set(_stored(db)) == {ZHEJIANG}
    tracker = Tracker(db)
    assert _retail(parent_grid(tracker, "浙江省", 2025))[HUZHOU] == ("同比增长5.8%", "2025-01/2025-09", "1—9月")
    assert stale(db, tracker.rules.version) == {(HUZHOU, 2025), (JIAXING, 2025)}
    refresh(tracker, stale(db, tracker.rules.version))
    assert set(_stored(db)) == {HUZHOU, JIAXING, ZHEJIANG}
    db.dispose()


def test_actual_period_is_the_figure_s_own_and_never_missing_beside_a_figure():
    from zhibiao.track.status import actual_period

    # (a part of the year's; a whole year's — an earlier year's figure, which may decide a later year's target of a
    # five-year plan, is of its own year —; one naming no year: the status's; no figure: none)
    assert actual_period({"period": "2025-01/2025-09", "year": 2025}, 2025) == "2025-01/2025-09"
    assert actual_period({"period": None, "year": 2023}, 2025) == "2023"
    assert actual_period({"period": None, "year": None}, 2025) == "2025"
    assert actual_period(None, 2025) is None and actual_period({}, 2025) is None

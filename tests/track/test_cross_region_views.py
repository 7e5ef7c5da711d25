"""The cross-region views at national scale are paged or read from the status snapshot, and give
exactly the answer computed whole and afresh: the pages of one indicator across regions add up to
every region's rows, and the parent-region grid read from the snapshot is the grid decided line
by line — on real SQLite and PostgreSQL. The snapshot is used only where it is current: a document
stored, a review, an override or a deletion after it was written makes its region-years (and its
children's) decided afresh until it is refreshed."""
from __future__ import annotations

import pytest

from dbs import db_url  # noqa: F401  (fixture)
from crossregion_docs import COUNTIES, COUNTY_CODES, county_plan, write_counties
from paths import EXAMPLES, ROOT

TRACK_DOCS = ROOT / "tests" / "track" / "docs"

@pytest.fixture
def tracker(db_url, tmp_path):  # noqa: F811
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker

    db = Database.open(db_url)
    summary = ingest(db, [EXAMPLES, TRACK_DOCS, write_counties(tmp_path / "counties")])
    assert summary.count("failed") == 0
    yield Tracker(db)
    db.dispose()


def _pages(tracker, size: int, **kwargs) -> tuple[list[dict], list[int]]:
    rows, totals, offset = [], [], 0
    while True:
        page = tracker.compare_regions_page(offset=offset, size=size, **kwargs)
        totals.append(page["total"])
        if not page["rows"]:
            return rows, totals
        rows += page["rows"]
        offset += size


@pytest.mark.parametrize("query", [
    {"indicator": "gdp_growth", "year": 2024},
    {"indicator": "gdp_growth", "year": 2024, "level": "county"},
    {"indicator": "地区生产总值增速", "year": 2024, "parent": "湖州市"},
    {"indicator": "fai_growth", "year": 2024},
    {"indicator": "gdp_growth", "year": 2025},
])
def test_pages_of_one_indicator_across_regions_are_the_whole_answer(tracker, query):
    whole = tracker.compare_regions(**query)
    regions = list(dict.fromkeys(r["region"]["code"] for r in whole))
    assert regions == sorted(regions) and len(regions) >= 2
    for size in (1, 2, 3, 50):
        rows, totals = _pages(tracker, size, **query)
        assert rows == whole
        assert set(totals) == {len(regions)}  # every page says how many regions there are
    first = tracker.compare_regions_page(size=2, **query)
    assert [r["region"]["code"] for r in first["rows"]] == regions[:2] or len(first["rows"]) > 2


def test_the_county_page_holds_the_counties_of_the_level_only(tracker):
    page = tracker.compare_regions_page("gdp_growth", 2024, level="county", size=50)
    assert page["total"] == len(COUNTIES)
    assert {r["region"]["name"] for r in page["rows"]} == set(COUNTIES)
    assert {r["text"] for r in page["rows"]} == {gdp for gdp, _ in COUNTIES.values()}
    assert all(r["region"]["level"] == "county" for r in page["rows"])


def test_a_page_of_counties_finds_its_regions_and_lines_by_the_index_of_indicator_year_and_region(tracker):
    """One indicator across all counties reads which regions have it from the index alone, and its
    page's lines by indicator, year and region (migration 0014): from an index of indicator and
    year, every line of the indicator in the year was read from the table for its region (7,446 at
    national scale, 40 ms a query). SQLite's plans; the page is the same either way (above)."""
    from sqlalchemy import event

    if not tracker.db.is_sqlite:
        pytest.skip("SQLite's query plans (PostgreSQL plans by its statistics)")
    executed = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        executed.append((statement, parameters))

    event.listen(tracker.db.engine, "before_cursor_execute", capture)
    try:
        page = tracker.compare_regions_page("gdp_growth", 2024, level="county", offset=1, size=2)
    finally:
        event.remove(tracker.db.engine, "before_cursor_execute", capture)
    assert len(page["rows"]) == 2 and page["total"] == len(COUNTIES)
    plans = {}
    with tracker.db.engine.connect() as conn:
        for statement, parameters in executed:
            if "FROM targets" in statement and "indicator" in statement:
                plans[statement] = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {statement}", parameters))
    regions = [plan for sql, plan in plans.items() if sql.lstrip().startswith("SELECT DISTINCT targets.region_code")]
    lines = [plan for sql, plan in plans.items() if "targets.text" in sql]
    assert regions and lines, list(plans)
    assert all("COVERING INDEX ix_targets_indicator_year_region" in plan for plan in regions), regions
    assert all("ix_targets_indicator_year_region (indicator=? AND year=? AND region_code=?)" in plan
               for plan in lines), lines


def test_the_years_of_an_indicator_are_read_one_index_probe_a_year(tracker):
    """The years a page of one indicator across regions links to are every year with a line of it
    — and are found by one probe of the index a year, not by reading every line of the indicator
    (PostgreSQL has no skip scan: ``SELECT DISTINCT year`` read 75,000 index entries of a common
    indicator at national scale). The rows the scans of ``targets`` return are counted in
    PostgreSQL's own account of the query (EXPLAIN ANALYZE)."""
    import json

    from sqlalchemy import func, select

    from zhibiao.store.tables import targets

    with tracker.db.engine.connect() as conn:
        counts = dict(conn.execute(select(targets.c.indicator, func.count()).group_by(targets.c.indicator)).all())
        for indicator in counts:
            every = {y for (y,) in conn.execute(select(targets.c.year).where(targets.c.indicator == indicator))}
            assert tracker.q.indicator_years(indicator) == sorted(every - {None}), indicator
    assert tracker.q.indicator_years("no_such_indicator") == []
    if tracker.db.is_sqlite:
        return
    indicator = max(counts, key=counts.get)
    years = tracker.q.indicator_years(indicator)
    assert counts[indicator] > 2 * (len(years) + 1)  # reading every line would show
    executed = []
    from sqlalchemy import event

    def capture(conn, cursor, statement, parameters, context, executemany):
        executed.append((statement, parameters))

    event.listen(tracker.db.engine, "before_cursor_execute", capture)
    try:
        tracker.q.indicator_years(indicator)
    finally:
        event.remove(tracker.db.engine, "before_cursor_execute", capture)
    [(statement, parameters)] = executed

    def rows_read(node) -> int:
        own = node["Actual Rows"] * node["Actual Loops"] if node.get("Relation Name") == "targets" else 0
        return own + sum(rows_read(child) for child in node.get("Plans", []))

    with tracker.db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # a test database is small enough to be read whole
        [(plan,)] = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {statement}", parameters).all()
    plan = plan if isinstance(plan, list) else json.loads(plan)
    assert rows_read(plan[0]["Plan"]) <= len(years) + 1, plan


def _grids(tracker, snapshot: bool) -> dict:
    from zhibiao.track.grid import parent_grid

    out = {}
    for parent in ("330000", "330500", "430000", "100000"):
        for year in (2023, 2024, 2025):
            for lang in ("zh", "en"):
                for every in (False, True):
                    out[parent, year, lang, every] = parent_grid(tracker, parent, year, all_indicators=every,
                                                                 lang=lang, snapshot=snapshot).to_dict()
    return out


def _current(tracker, parent: str, year: int) -> set[str]:
    from zhibiao.catalog import RegionRegistry

    kids = RegionRegistry.default().children(parent)
    return set(tracker.q.current_snapshot(year, {k.code: parent for k in kids}, tracker.rules.version))


def test_the_grid_read_from_the_snapshot_is_the_grid_decided_afresh(tracker):
    from zhibiao.track.snapshot import refresh

    live = _grids(tracker, snapshot=False)
    assert len(live["330500", 2024, "zh", False]["rows"]) == 1 + len(COUNTIES)
    assert _current(tracker, "330500", 2024) == set()  # no snapshot yet: every row decided afresh
    assert _grids(tracker, snapshot=True) == live
    refresh(tracker)
    assert _current(tracker, "330500", 2024) == COUNTY_CODES
    assert _current(tracker, "330000", 2024) == {"330500", "331000"}
    assert _grids(tracker, snapshot=True) == live
    cells, zh = ({r["region"]["name"]: r["cells"].get("gdp_growth") for r in live["330500", 2024, lang, False]["rows"]}
                 for lang in ("en", "zh"))
    assert cells["吴兴区"]["comparison"] == "stricter" and cells["南浔区"]["comparison"] == "looser"
    assert cells["德清县"]["comparison"] == "same" and cells["吴兴区"]["span"]
    # the English explanation, kept in the snapshot beside the Chinese
    assert cells["吴兴区"]["explanation"] != zh["吴兴区"]["explanation"]


def test_the_snapshot_is_left_where_the_data_changed_since(tracker, tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.track.queries import ReadModel
    from zhibiao.track.snapshot import refresh, refresh_regions

    refresh(tracker)
    counties = COUNTY_CODES
    assert _current(tracker, "330500", 2024) == counties

    # a new version of the city's plan: every county reads the city's targets (完成市下达目标)
    folder = tmp_path / "city"
    folder.mkdir()
    (folder / "湖州_2024_补充.txt").write_text(county_plan("湖州市", "6.1%", "7%"), encoding="utf-8")
    ingest(tracker.db, [folder])
    assert _current(tracker, "330500", 2024) == set()
    assert _grids(tracker, snapshot=True) == _grids(tracker, snapshot=False)
    refresh_regions(tracker, {"330500"})
    assert _current(tracker, "330500", 2024) == counties

    # a reviewer's correction of one county's line, an override of another's status
    read = ReadModel(tracker.db)
    doc = next(d for d in read.documents(region="德清县", size=5)[0])
    read.review(doc["id"], "target", 0, "correct", {"text": "6.8%左右", "value": "6.8"}, who="test")
    tracker.override("长兴县", 2024, "gdp_growth", "missed", "test", who="test")
    assert _current(tracker, "330500", 2024) == counties - {"330521", "330522"}
    assert _grids(tracker, snapshot=True) == _grids(tracker, snapshot=False)
    refresh_regions(tracker, {"330521", "330522"})
    assert _current(tracker, "330500", 2024) == counties

    # a county's plan deleted: its snapshot cites a document that is gone
    doc = next(d for d in read.documents(region="安吉县", size=5)[0])
    read.delete_document(doc["id"])
    assert "330523" not in _current(tracker, "330500", 2024)
    assert _grids(tracker, snapshot=True) == _grids(tracker, snapshot=False)


def test_the_grid_reads_its_childrens_marks_from_the_snapshot(tracker, monkeypatch):
    """With every child's lines current in the snapshot, the grid's marks (stricter / same /
    looser / different against the parent's target) are those the snapshot wrote beside the lines
    (migration 0013), not compared again; lines written before it are compared live — the same grid."""
    from sqlalchemy import update

    from zhibiao.store.tables import status_snapshot
    from zhibiao.track.snapshot import refresh
    from zhibiao.track.tracker import Tracker

    live = _grids(tracker, snapshot=False)
    refresh(tracker)
    compared: list[tuple] = []
    level_marks = Tracker.level_marks
    monkeypatch.setattr(Tracker, "level_marks", lambda self, *a: compared.append(a) or level_marks(self, *a))
    assert _grids(tracker, snapshot=True) == live
    assert ("330500", 2024) not in compared  # every county current: the marks read with the lines
    marks = {line.indicator: line.comparison for line in tracker.q.current_snapshot(
        2024, {"330502": "330500"}, tracker.rules.version)["330502"] if line.indicator}
    assert marks["gdp_growth"] == "stricter" and set(marks.values()) <= {"stricter", "same", "looser", "different"}

    with tracker.db.engine.begin() as conn:  # one county's lines as written before migration 0013
        conn.execute(update(status_snapshot).where(status_snapshot.c.region_code == "330502")
                     .values(comparison=None))
    compared.clear()
    assert _grids(tracker, snapshot=True) == live
    assert ("330500", 2024) in compared


def test_lines_written_before_the_grid_columns_are_decided_afresh(tracker):
    from sqlalchemy import update

    from zhibiao.store.tables import status_snapshot
    from zhibiao.track.snapshot import refresh

    refresh(tracker)
    with tracker.db.engine.begin() as conn:  # as the snapshot of a database written before migration 0008
        conn.execute(update(status_snapshot).where(status_snapshot.c.region_code == "330502")
                     .values(explanation_en=None, span_start=None, span_end=None))
    assert "330502" not in _current(tracker, "330500", 2024)
    assert _grids(tracker, snapshot=True) == _grids(tracker, snapshot=False)


def test_snapshot_stale_recomputes_what_is_not_current_only(tracker):
    import json
    import subprocess
    import sys

    from sqlalchemy import func, select, update

    from zhibiao.store.tables import status_snapshot
    from zhibiao.track.snapshot import refresh, stale

    refresh(tracker)
    assert stale(tracker.db, tracker.rules.version) == set()
    with tracker.db.engine.begin() as conn:  # a database upgraded to 0008: lines without the grid's columns
        conn.execute(update(status_snapshot).where(status_snapshot.c.region_code.in_(["330502", "330503"]))
                     .values(explanation_en=None))
        conn.execute(status_snapshot.delete().where(status_snapshot.c.region_code == "330521"))
    assert stale(tracker.db, tracker.rules.version) == {("330502", 2024), ("330503", 2024), ("330521", 2024)}
    url = str(tracker.db.engine.url.render_as_string(hide_password=False))
    r = subprocess.run([sys.executable, "-m", "zhibiao", "snapshot", "--db", url, "--stale", "--format", "json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    with tracker.db.engine.connect() as conn:
        written = conn.scalar(select(func.count()).select_from(status_snapshot).where(
            status_snapshot.c.region_code.in_(["330502", "330503", "330521"])))
    assert json.loads(r.stdout) == {"lines": written} and written >= 6
    assert stale(tracker.db, tracker.rules.version) == set()


def test_a_snapshot_decided_under_other_rules_or_code_is_not_current(tracker):
    """After an upgrade that decides statuses differently (or with other rules), the snapshot's
    lines are not shown as current: the grid and the region tree decide those region-years afresh,
    and `zhibiao snapshot --stale` recomputes every one of them."""
    import json
    import subprocess
    import sys
    from dataclasses import replace

    from sqlalchemy import select, update

    from zhibiao.store.tables import status_summary
    from zhibiao.track.coverage import region_tree
    from zhibiao.track.grid import parent_grid
    from zhibiao.track.snapshot import refresh, stale
    from zhibiao.track.status import Rules
    from zhibiao.track.tracker import Tracker

    refresh(tracker)
    version = tracker.rules.version
    with tracker.db.engine.connect() as conn:
        assert set(conn.scalars(select(status_summary.c.rules))) == {version}
    everything = stale(tracker.db, "another version")
    assert everything and stale(tracker.db, version) == set()
    # other rules: a stricter tolerance is another version, and reads no line of this snapshot
    strict = Tracker(tracker.db, replace(Rules.load(), tolerance={k: 0 for k in tracker.rules.tolerance}))
    assert strict.rules.version != version
    assert stale(tracker.db, strict.rules.version) == everything
    assert not strict.q.current_snapshot(2024, {"330502": "330500"}, strict.rules.version)

    with tracker.db.engine.begin() as conn:  # as an older release wrote it (or before migration 0016)
        conn.execute(update(status_summary).where(status_summary.c.region_code == "330502").values(rules=None))
    assert stale(tracker.db, version) == {("330502", y) for c, y in everything if c == "330502"}
    assert "330502" not in _current(tracker, "330500", 2024)
    assert parent_grid(tracker, "330500", 2024) == parent_grid(tracker, "330500", 2024, snapshot=False)
    counted = []
    status = Tracker.status
    tracker.status = lambda *a, **k: counted.append(a[:2]) or status(tracker, *a, **k)
    region_tree(tracker)
    assert ("330502", 2024) in counted and ("330503", 2024) not in counted  # decided afresh: that one only
    del tracker.status

    url = str(tracker.db.engine.url.render_as_string(hide_password=False))
    r = subprocess.run([sys.executable, "-m", "zhibiao", "snapshot", "--db", url, "--stale", "--format", "json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["lines"] > 0 and stale(tracker.db, version) == set()


def test_the_rules_version_follows_the_code_and_data_that_decide_a_status():
    from zhibiao.track.status import DECIDED_BY, Rules

    assert len(Rules.load().version) == 16 and Rules.load().version == Rules.load().version
    assert ("zhibiao.track", "status.py") in DECIDED_BY and ("zhibiao.track", "messages.yaml") in DECIDED_BY
    from importlib import resources

    for package, name in DECIDED_BY:  # every file named exists: a renamed one would silently drop out
        assert resources.files(package).joinpath(name).is_file(), (package, name)


def test_the_grid_marks_are_the_level_comparison_labels(tracker):
    """The grid reads only the labels of the level comparison (the child's targets of the parent's
    indicators): the same labels as the whole comparison gives."""
    for parent in ("330000", "330500", "430000", "100000"):
        for year in (2023, 2024, 2025):
            whole = {c["region"]["code"]: {x["indicator"]: x["strictness"] for x in c["targets"]}
                     for c in tracker.compare_levels(parent, year)["children"]}
            marks = tracker.level_marks(parent, year)
            assert {k: v for k, v in marks.items() if v} == {k: v for k, v in whole.items() if v}
    assert tracker.level_marks("330500", 2024)["330502"]["gdp_growth"] == "stricter"




def test_the_children_lines_of_some_indicators_are_read_by_region(tracker):
    """The grid's marks read the children's lines of the parent's indicators by the index of
    regions and years, the indicators only filtering them: SQLite (no statistics) chose the index
    of indicators when the parent had fewer indicators than children, and read every region's
    lines of them in the country — a municipality's 38 children: 207 ms instead of 9 at national
    scale. The same lines either way."""
    from sqlalchemy import text as sql_text

    from zhibiao.catalog import RegionRegistry

    q = tracker.q
    kids = [k.code for k in RegionRegistry.default().children("330500")]
    every = q.targets_of_regions(kids, 2024)
    set_by_some = sorted({c.winner.indicator for chosen in every.values() for c in chosen if c.winner.indicator})
    # fewer indicators than children (where the index of indicators looked the cheaper to SQLite)
    wanted = set_by_some[::2][:len(kids) - 1]
    assert 1 <= len(wanted) < len(kids)
    captured = []
    real = q._target_facts
    q._target_facts = lambda stmt: captured.append(stmt) or real(stmt)
    try:
        some = q.targets_of_regions(kids, 2024, indicators=wanted)
    finally:
        del q._target_facts
    expected = {code: [c.winner.id for c in chosen if c.winner.indicator in wanted] for code, chosen in every.items()}
    assert {code: [c.winner.id for c in chosen] for code, chosen in some.items()} == \
        {code: ids for code, ids in expected.items() if ids} and some
    if not tracker.db.is_sqlite:
        return
    sql = captured[0].compile(dialect=tracker.db.engine.dialect, compile_kwargs={"literal_binds": True})
    with tracker.db.engine.connect() as conn:
        plan = " ".join(str(r[-1]) for r in conn.execute(sql_text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "ix_targets_region_year" in plan and "ix_targets_indicator" not in plan, plan


def _summaries(db) -> dict[tuple[str, int], tuple]:
    from sqlalchemy import select

    from zhibiao.store.tables import status_summary

    s = status_summary.c
    with db.engine.connect() as conn:
        return {(r.region_code, r.year): (r.lines, r.reached, r.judged, r.pending)
                for r in conn.execute(select(status_summary))}


def test_each_region_year_of_the_snapshot_has_its_summary_the_achievement_of_its_lines(tracker):
    """The region tree reads a region-year's achievement from its summary row (migration 0012):
    written with its lines, the same figures as counting the statuses, and gone with them."""
    from sqlalchemy import select

    from zhibiao.store.tables import status_snapshot
    from zhibiao.track.achievement import achievement
    from zhibiao.track.queries import ReadModel
    from zhibiao.track.snapshot import refresh, refresh_regions

    refresh(tracker)
    summaries = _summaries(tracker.db)
    with tracker.db.engine.connect() as conn:
        region_years = set(conn.execute(select(status_snapshot.c.region_code, status_snapshot.c.year).distinct()))
    assert set(summaries) == region_years and len(summaries) >= 10
    for (code, year), figures in summaries.items():
        a = achievement(tracker.status(code, year).targets)
        assert figures == (a.total, a.reached, a.judged, a.pending), (code, year)
    assert any(judged for _lines, _reached, judged, _pending in summaries.values())

    read = ReadModel(tracker.db)  # a county's only plan deleted: its region-year leaves both tables
    doc = next(d for d in read.documents(region="安吉县", size=5)[0])
    read.delete_document(doc["id"])
    refresh_regions(tracker, {"330523"})
    assert ("330523", 2024) not in _summaries(tracker.db) and ("330502", 2024) in _summaries(tracker.db)


# lines a person should look at: two without an indicator, and a notice without its year or region
REVIEW_DOCS = {
    "湖州_2024_报告.txt": "湖州市2024年政府工作报告\n\n2024年1月10日在湖州市第九届人民代表大会第四次会议上\n\n"
                       "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；未来社区创建数达到30个；"
                       "城镇新增就业6万人以上。\n",
    "通知.txt": "关于下达国民经济和社会发展计划的通知\n\n各县区人民政府：\n现将主要预期目标下达如下："
              "地区生产总值增长6%左右；全社会研发投入强度达到3.5%；特色小镇培育数达到12个。\n",
}


def test_the_review_queue_is_its_definition_read_by_its_index(tracker, tmp_path):
    """The review queue's first lines, read by the partial index of lines to review and the
    documents without a year or region, are the first lines in document order of the whole rule."""
    from sqlalchemy import event, or_

    from zhibiao.ingest import ingest
    from zhibiao.store.tables import documents, targets
    from zhibiao.track.queries import ReadModel

    folder = tmp_path / "review"
    folder.mkdir()
    for name, text in REVIEW_DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    ingest(tracker.db, [folder])
    read = ReadModel(tracker.db)
    rule = or_(targets.c.kind.is_(None), targets.c.indicator.is_(None), documents.c.plan_year.is_(None),
               documents.c.region_code.is_(None))
    with tracker.db.engine.connect() as conn:
        whole = conn.execute(read._targets_select().where(rule).order_by(documents.c.id, targets.c.line_no)).all()
    if tracker.db.is_sqlite:  # the queue's statements read lines by an index, none by testing every line
        statements: list[tuple[str, tuple]] = []
        listener = lambda *a: statements.append((a[2], tuple(a[3])))  # noqa: E731
        event.listen(tracker.db.engine, "before_cursor_execute", listener)
        read.review_queue(limit=5)
        event.remove(tracker.db.engine, "before_cursor_execute", listener)
        with tracker.db.engine.connect() as conn:
            plans = [" ".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                     for sql, params in statements if "FROM targets" in sql]
        assert any("ix_targets_to_review" in p for p in plans)
        assert not any("SCAN targets" in p and "INDEX" not in p.split("SCAN targets")[1][:40] for p in plans), plans
    assert len(whole) >= 4 and any(t.d_plan_year is None for t in whole) and any(t.d_plan_year for t in whole)
    order = {"unparsed": 0, "no_region_or_year": 2, "no_indicator": 3}
    for limit in (1, 2, 3, 500):
        # the definition: the rule's first lines in document order, the most useful reasons first
        first = [(t.d_id, t.line_no, "unparsed" if t.kind is None else "no_region_or_year"
                  if t.d_plan_year is None or t.d_region_code is None else "no_indicator") for t in whole[:limit * 2]]
        expected = [(d, n) for d, n, _reason in sorted(first, key=lambda x: order[x[2]])][:limit]
        assert [(q["document"]["id"], q["index"]) for q in read.review_queue(limit=limit)] == expected


def test_two_writers_of_one_region_year_take_turns(tracker):
    """Two snapshot writers of the same region-year at once (two ingests): the second waits for the
    first's summary row, then replaces the first's lines — never lines of both (on PostgreSQL the
    second's delete could not see the first's uncommitted lines)."""
    import threading

    from sqlalchemy import delete, func, insert, select

    from zhibiao.store.tables import status_snapshot
    from zhibiao.track.snapshot import _upsert_summaries, _write, refresh, status_rows, summary_row

    refresh(tracker)
    lines = status_rows(tracker, "330502", 2024)
    assert lines
    first = [dict(r, explanation="first writer") for r in lines]
    second = [dict(r, explanation="second writer") for r in lines]
    ready, release, done = threading.Event(), threading.Event(), threading.Event()

    def first_writer():  # _write's steps, its transaction held open until released
        with tracker.db.engine.begin() as conn:
            _upsert_summaries(conn, [summary_row("330502", 2024, first, tracker.rules.version)])
            conn.execute(delete(status_snapshot).where(status_snapshot.c.region_code == "330502",
                                                       status_snapshot.c.year == 2024))
            conn.execute(insert(status_snapshot), first)
            ready.set()
            release.wait(30)

    def second_writer():
        _write(tracker.db, [("330502", 2024, second)], tracker.rules.version)
        done.set()

    one = threading.Thread(target=first_writer)
    one.start()
    assert ready.wait(30)
    two = threading.Thread(target=second_writer)
    two.start()
    assert not done.wait(1.0)  # it waits for the first writer's transaction
    release.set()
    one.join(30)
    two.join(60)
    assert done.is_set()
    with tracker.db.engine.connect() as conn:
        written = conn.execute(select(status_snapshot.c.explanation, func.count()).where(
            status_snapshot.c.region_code == "330502", status_snapshot.c.year == 2024)
            .group_by(status_snapshot.c.explanation)).all()
    assert written == [("second writer", len(lines))]
    assert _summaries(tracker.db)[("330502", 2024)][0] == len(lines)

"""Divisions since unmade (临安市, 临安区 since 2017) stay where older documents put them: the
parent's grid lists a former division for the years it set targets, and never as a region without
any; the overview names it as former — on real SQLite and PostgreSQL."""
from __future__ import annotations

from dbs import db_url  # noqa: F401  (fixture)
from crossregion_docs import county_plan


def _plan(name: str, year: int, gdp: str) -> str:
    return county_plan(name, gdp, None).replace("2024", str(year))


def test_a_former_division_is_in_its_parents_grid_only_for_the_years_it_set_targets(db_url, tmp_path):  # noqa: F811
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker
    from zhibiao.track.grid import parent_grid

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, year, gdp in (("杭州市", 2016, "7%左右"), ("临安市", 2016, "8%左右"),
                            ("杭州市", 2025, "5.5%左右"), ("临安区", 2025, "6%左右")):
        (docs / f"{name}_{year}.txt").write_text(_plan(name, year, gdp), encoding="utf-8")
    db = Database.open(db_url)
    try:
        assert ingest(db, [docs]).count("failed") == 0
        tracker = Tracker(db)
        old, new = parent_grid(tracker, "330100", 2016), parent_grid(tracker, "330100", 2025)
        rows = lambda grid: [r.region["name"] for r in grid.rows[1:]]  # noqa: E731
        without = lambda grid: {r["name"] for r in grid.children_without_targets}  # noqa: E731
        assert rows(old) == ["临安市"] and rows(new) == ["临安区"]
        # today's divisions without targets are listed; former ones without targets are not
        assert "淳安县" in without(old) and "淳安县" in without(new) and "临安市" not in without(new)
        assert not {"下城区", "江干区"} & (without(old) | without(new))
    finally:
        db.dispose()

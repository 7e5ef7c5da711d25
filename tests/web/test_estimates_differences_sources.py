"""What the user-journey red team found on the analyst's views (session 29, 7.1, 7.2, 7.4, 7.6):
an estimate (预计数) decides a status on the grid, the overview and the home page as visibly as on the
scorecard; a difference of two rates is in 个百分点 / pp, not in %; the comparison pages link every
target to the text it came from; an indicator's page for a region shows the regions of a year that
region has targets for. Documents written for these tests (own wording), real SQLite, the real app."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from zhibiao.web.app import create_app

PLAN = ("眉山市2024年政府工作报告\n——2024年1月12日在眉山市第四届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%。\n")
REVIEW = ("眉山市2025年政府工作报告\n——2025年1月10日在眉山市第四届人民代表大会第五次会议上\n一、2024年工作回顾\n"
          "预计全年全市地区生产总值增长6.1%。一般公共预算收入增长5.2%。\n")
LESHAN = {
    "ls2024.txt": "乐山市2024年政府工作报告\n——2024年1月10日在乐山市第九届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
                  "今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；城镇新增就业3万人；城镇调查失业率控制在5.5%以内。\n",
    "ls2025.txt": "乐山市2025年政府工作报告\n——2025年1月9日在乐山市第九届人民代表大会第五次会议上\n二、2025年主要预期目标\n"
                  "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业3.5万人；城镇调查失业率控制在5.5%以内。\n",
    "sc2025.txt": "四川省2025年政府工作报告\n——2025年1月15日在四川省第十四届人民代表大会第三次会议上\n二、2025年主要预期目标\n"
                  "今年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业85万人；城镇调查失业率5.5%左右。\n",
    "dy2026.txt": "德阳市2026年政府工作报告\n——2026年1月9日在德阳市第九届人民代表大会第六次会议上\n二、2026年主要预期目标\n"
                  "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n",
}


def _db(tmp_path, files: dict[str, str]):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = Database.open(tmp_path / "own.db")
    summary = ingest(db, [tmp_path / n for n in files])
    assert summary.count("failed") == 0
    from zhibiao.track.tracker import Tracker as open_tracker
    from zhibiao.track.snapshot import refresh

    refresh(open_tracker(db))  # as `zhibiao ingest` does: the grid and the region tree read the snapshot
    return db


@pytest.fixture(scope="module")
def estimates(tmp_path_factory):
    return _db(tmp_path_factory.mktemp("estimates"), {"plan.txt": PLAN, "review.txt": REVIEW})


@pytest.fixture(scope="module")
def leshan(tmp_path_factory):
    return _db(tmp_path_factory.mktemp("leshan"), LESHAN)


def _tree_years(nodes: list[dict], out: dict | None = None) -> dict:
    """(region code, year) -> achievement, from the region tree's nested nodes."""
    out = {} if out is None else out
    for n in nodes:
        for y in n.get("years") or []:
            out[(n["code"], y["year"])] = y["achievement"]
        _tree_years(n.get("children") or [], out)
    return out


def _text(html: str) -> str:
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


# ------------------------------------------------------------------ 7.1 estimates

@pytest.mark.parametrize("snapshot", [True, False])
def test_the_grid_marks_a_cell_and_a_rate_an_estimate_decided(estimates, snapshot):
    from zhibiao.track.tracker import Tracker as open_tracker
    from zhibiao.track.grid import parent_grid

    tracker = open_tracker(estimates)
    if snapshot:  # the ingest wrote the snapshot: the grid reads it, basis included
        lines = tracker.q.current_snapshot(2024, {"511400": "510000"}, tracker.rules.version)["511400"]
        assert {ln.indicator: ln.actual_basis for ln in lines} == {"gdp_growth": "estimate",
                                                                    "budget_revenue_growth": "preliminary"}
    grid = parent_grid(tracker, "510000", 2024, snapshot=snapshot)
    row = next(r for r in grid.rows if r.region["code"] == "511400")
    assert row.cells["gdp_growth"].estimated and not row.cells["budget_revenue_growth"].estimated
    assert (row.achievement.judged, row.achievement.estimated) == (2, 1)


def test_a_snapshot_written_without_the_basis_is_not_read_as_current(estimates):
    from sqlalchemy import update

    from zhibiao.track.tracker import Tracker as open_tracker
    from zhibiao.store.tables import status_snapshot, status_summary
    from zhibiao.track import snapshot
    from zhibiao.track.coverage import region_tree

    tracker = open_tracker(estimates)
    with estimates.engine.begin() as conn:  # as lines and a summary written before migration 0017
        conn.execute(update(status_snapshot).values(actual_basis=None))
        conn.execute(update(status_summary).values(estimated=None))
    try:
        assert tracker.q.current_snapshot(2024, {"511400": "510000"}, tracker.rules.version) == {}
        # the region tree decides such a region-year afresh: its estimates are counted, not taken as none
        assert _tree_years(region_tree(tracker))[("511400", 2024)]["estimated"] == 1
    finally:
        snapshot.refresh(tracker)
    assert tracker.q.current_snapshot(2024, {"511400": "510000"}, tracker.rules.version)


def test_the_pages_mark_estimates_in_both_languages(estimates):
    c = TestClient(create_app(estimates))
    grid = _text(c.get("/region/510000/2024/grid?lang=zh").text)
    assert grid.count('class="muted estimate-mark">（预计数）') == 1 and "据预计数 1" in grid
    assert 'data-estimated="1"' in grid
    en = _text(c.get("/region/510000/2024/grid?lang=en").text)
    assert en.count('class="muted estimate-mark">(estimate)') == 1 and "by estimates 1" in en
    assert "据预计数 1" in _text(c.get("/region/511400?lang=zh").text)
    home = c.get("/?lang=zh").text
    assert '<sup class="estimate-count">*</sup>' in home and "据预计数 1" in home  # the chip and its tooltip
    assert c.get("/region/511400/2024?lang=zh").text.count('class="muted estimate-mark">（预计数）') == 1
    # the region tree's figure from the summary row the snapshot wrote
    from zhibiao.track.coverage import region_tree
    from zhibiao.track.tracker import Tracker

    assert _tree_years(region_tree(Tracker(estimates), live_limit=0))[("511400", 2024)]["estimated"] == 1


# ------------------------------------------------------------------ 7.2 percentage points

def test_a_difference_of_two_rates_is_in_percentage_points(leshan):
    from zhibiao.track.tracker import Tracker as open_tracker

    tracker = open_tracker(leshan)
    rows = {r["indicator"]: r for r in tracker.compare_years("乐山市", 2025)}
    gdp, jobs = rows["gdp_growth"], rows["new_urban_jobs"]
    assert (gdp["delta"], gdp["delta_unit"], gdp["delta_unit_en"]) == (-0.5, "个百分点", "pp")
    assert (jobs["delta"], jobs["delta_unit"]) == (0.5, "万人")  # a total's difference is in its unit
    levels = tracker.compare_levels("四川省", 2025)["children"][0]["targets"]
    margin = next(t for t in levels if t["indicator"] == "gdp_growth")
    assert (margin["margin"], margin["margin_unit"], margin["margin_unit_en"]) == (0.5, "个百分点", "pp")
    c = TestClient(create_app(leshan))
    assert "(<span class=\"difference\">-0.5个百分点</span>)" in c.get("/compare/years?region=511100&year=2025&lang=zh").text
    assert "(<span class=\"difference\">-0.5 pp</span>)" in c.get("/compare/years?region=511100&year=2025&lang=en").text
    page = c.get("/compare/levels?region=510000&year=2025&lang=zh").text
    assert '<span class="difference">+0.5个百分点</span>' in page and "+0.5%" not in page


def test_the_report_says_stricter_not_higher_for_a_lower_is_better_target(leshan):
    import io

    from docx import Document

    from zhibiao.track.tracker import Tracker as open_tracker
    from zhibiao.report import report_bytes

    doc = Document(io.BytesIO(report_bytes(open_tracker(leshan), "乐山市", 2025, "docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[2].text == "上级目标")
    rows = {r.cells[0].text: [c.text for c in r.cells][1:] for r in table.rows[1:]}
    # 控制在5.5%以内 under the province's 5.5%左右: lower, so stricter — not "高于上级"
    assert rows["城镇调查失业率"] == ["控制在5.5%以内", "5.5%左右", "严于上级"]


# ------------------------------------------------------------------ 7.4 sources

def test_the_comparison_pages_link_every_target_to_its_source(leshan):
    c = TestClient(create_app(leshan))
    years = c.get("/compare/years?region=511100&year=2025").text
    # three indicators, each with last year's and this year's target: six links to their spans
    assert len(re.findall(r'<a class="source-link" href="/document/\d+#span-\d+-\d+"', years)) == 6
    levels = c.get("/compare/levels?region=510000&year=2025").text
    assert len(re.findall(r'<a class="source-link" href="/document/\d+#span-\d+-\d+"', levels)) == 6


# ------------------------------------------------------------------ 7.6 the indicator page's year

def test_an_indicator_page_for_a_region_shows_a_year_of_that_region(leshan):
    c = TestClient(create_app(leshan))
    page = _text(c.get("/indicator/gdp_growth?region=511100").text)
    assert re.search(r"<h2>2025 ", page)  # 乐山市's latest year, not 2026 (德阳市 only)
    bar = re.search(r'id="across-years">(.*?)</p>', page, re.S).group(1)
    assert "<strong>2025</strong>" in bar and 'href="?year=2026&region=511100"' in bar
    assert re.search(r"<h2>2026 ", _text(c.get("/indicator/gdp_growth?region=德阳市").text))
    assert re.search(r"<h2>2024 ", _text(c.get("/indicator/gdp_growth?region=511100&year=2024").text))
    # no region asked for: the newest year of the database, whichever region's series is drawn above it
    assert re.search(r"<h2>2026 ", _text(c.get("/indicator/gdp_growth").text))

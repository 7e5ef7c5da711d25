"""The reader shows a plan report's completion table as a table: each target of the reviewed year
beside its result (both from the table), and a five-year outline's targets beside their base-year
values; clicking a result's number highlights its cell. Our own documents (tests/track/docs)."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_browser import SHOTS, _serve, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
DOCS = Path(__file__).parents[1] / "track" / "docs"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path_factory.mktemp("completion") / "z.db")
    ingest(db, [DOCS / "planreport_yueyang_2024.txt", DOCS / "outline_yueyang_2021.txt"])
    ids = {d["doc_type"]: d["id"] for d in Tracker(db).q.documents()[0]}
    for base in _serve(create_app(db)):
        yield base, ids


def _rows(pg):
    return [[c.strip() for c in r.split("\t")] for r in pg.locator("#rebuilt tbody tr").all_inner_texts()]


def test_a_completion_table_shows_targets_beside_results(browser, reports):  # noqa: F811
    base, ids = reports
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        ctx = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 400)
        pg = ctx.new_page()
        pg.goto(f"{base}/document/{ids['plan_report']}?lang=zh")
        pg.wait_for_selector("#doctext[data-ready='1']")
        assert pg.locator("#rebuilt thead").inner_text().split() == ["序号", "指标", "目标", "完成/实际"]
        # the 2023 completion table: target and result on one row; the 2024 draft targets are prose
        assert _rows(pg) == [["1", "地区生产总值增长", "6.5左右", "6.1"], ["2", "城镇新增就业", "5以上", "5.9"],
                             ["3", "城镇调查失业率", "5.5以内", "5.2"]]
        pg.locator("mark.span.actual", has_text="5.9").click()
        assert pg.locator("#rebuilt td.current").inner_text() == "5.9"
        assert pg.locator("#rebuilt tr.current td").nth(2).inner_text() == "5以上"
        pg.screenshot(path=str(SHOTS / f"reader_completion_table{'_phone' if width < 400 else ''}.png"))
        if width < 400:
            assert pg.evaluate("document.documentElement.scrollWidth") <= 400
        ctx.close()


def test_a_five_year_table_shows_base_values_beside_end_year_targets(browser, reports):  # noqa: F811
    base, ids = reports
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.goto(f"{base}/document/{ids['five_year_plan']}?lang=en")
    pg.wait_for_selector("#doctext[data-ready='1']")
    rows = _rows(pg)
    assert rows[0] == ["2025 · Actual 2020"]  # the year the targets are for, and the base values' year
    assert ["4", "城镇新增就业", "[30]", "5.2"] in rows and ["7", "细颗粒物（PM2.5）平均浓度", "35", "42"] in rows
    ctx.close()

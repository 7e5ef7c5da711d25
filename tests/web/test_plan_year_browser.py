"""A reviewer gives a document whose text never says its year its plan year on its page (Debian's
chromium via Playwright): the form is open at once, a year and the token set it, the document is
extracted again dated by it and the page shows the year and its scorecard. Screenshots go to
artifacts/screenshots."""
from __future__ import annotations

import pytest

from test_browser import SHOTS, _serve, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

TOKEN = "plan-year-token"
# a county work report that names its congress but never its year (own wording)
UNDATED = ("清流县政府工作报告\n——在清流县第十八届人民代表大会第五次会议上\n一、过去一年工作回顾\n全县地区生产总值增长5.1%。\n"
           "二、今年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    folder = tmp_path_factory.mktemp("planyear")
    (folder / "report.txt").write_text(UNDATED, encoding="utf-8")
    db = Database.open(folder / "y.db")
    ingest(db, [folder / "report.txt"])
    yield from _serve(create_app(db, token=TOKEN))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_reviewer_sets_a_documents_plan_year_on_its_page(browser, server, lang):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_cookies([{"name": "lang", "value": lang, "url": "http://127.0.0.1"}])
    pg = ctx.new_page()
    try:
        doc = pg.request.get(f"{server}/api/v1/documents").json()["rows"][0]["id"]
        pg.goto(f"{server}/document/{doc}")
        if lang == "zh":  # (the year set below is the database's: once, after the English page)
            assert pg.locator("#set-year[open]").count() == 0
            assert "2024" in pg.inner_text("#set-year summary")
            return
        assert pg.locator("#set-year[open]").count() == 1  # no year: the form open at once
        pg.fill("#year-value", "2024")
        pg.fill("#year-token", "wrong")
        pg.click("#year-form button[type=submit]")
        pg.wait_for_selector("#year-message.error-text")
        pg.fill("#year-token", TOKEN)
        pg.click("#year-form button[type=submit]")
        pg.wait_for_selector("#year-message.muted:has-text('2024')")
        assert "2 targets, 1 results" in pg.inner_text("#year-message")
        pg.screenshot(path=str(SHOTS / f"reader_set_year_{lang}.png"))
        pg.wait_for_load_state("load")
        pg.wait_for_selector("a[href$='/2024']")  # reloaded: its scorecard of the year, now
        assert "2024" in pg.inner_text("main p.muted")
    finally:
        ctx.close()

"""The user-journey red team's findings of session 29 in a real browser (Debian's chromium via
Playwright): a reviewer gives a document without a region its region on its page — a name two
regions bear offers both, one click sets it — and the grid marks a status an estimate decided.
Screenshots go to artifacts/screenshots."""
from __future__ import annotations

import pytest

from test_browser import SHOTS, _serve, browser  # noqa: F401  (fixture)
from test_document_region import CHAOYANG, MOON, TOKEN
from test_estimates_differences_sources import PLAN, REVIEW

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track.snapshot import refresh
    from zhibiao.track.tracker import Tracker
    from zhibiao.web.app import create_app

    folder = tmp_path_factory.mktemp("journey")
    for name, text in (("chaoyang.txt", CHAOYANG), ("moon.txt", MOON), ("plan.txt", PLAN), ("review.txt", REVIEW)):
        (folder / name).write_text(text, encoding="utf-8")
    db = Database.open(folder / "j.db")
    ingest(db, sorted(folder.glob("*.txt")))
    refresh(Tracker(db))
    yield from _serve(create_app(db, token=TOKEN))


def _page(browser, lang):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_cookies([{"name": "lang", "value": lang, "url": "http://127.0.0.1"}])
    return ctx, ctx.new_page()


def _document(pg, server, word):
    rows = pg.request.get(f"{server}/api/v1/documents").json()["rows"]
    return next(d["id"] for d in rows if word in d["title"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reviewer_sets_a_documents_region_on_its_page(browser, server, lang):  # noqa: F811
    ctx, pg = _page(browser, lang)
    try:
        moon = _document(pg, server, "月亮市")
        pg.goto(f"{server}/document/{moon}")
        pg.fill("#region-name", "月亮市")
        pg.fill("#region-token", TOKEN)
        pg.click("#region-form button[type=submit]")
        pg.wait_for_selector("#region-message.error-text")
        assert ("行政区划中没有这个地区" if lang == "zh" else "No region of the registry") in \
            pg.inner_text("#region-message")
        pg.screenshot(path=str(SHOTS / f"reader_region_unknown_{lang}.png"))
        if lang == "en":
            return  # (the region set below is the database's: once)
        doc = _document(pg, server, "朝阳区")
        pg.goto(f"{server}/document/{doc}")
        assert pg.locator("#set-region[open]").count() == 1
        pg.fill("#region-name", "朝阳区")
        pg.fill("#region-token", TOKEN)
        pg.click("#region-form button[type=submit]")
        pg.wait_for_selector(".region-choice")
        choices = pg.locator(".region-choice").all_inner_texts()
        assert choices == ["朝阳区 110105 (北京市)", "朝阳区 220104 (吉林省 长春市)"]
        pg.screenshot(path=str(SHOTS / f"reader_set_region_{lang}.png"))
        with pg.expect_navigation():
            pg.locator(".region-choice", has_text="110105").click()
        assert "朝阳区" in pg.inner_text("main p.muted") and pg.locator("#set-region[open]").count() == 0
        assert pg.locator("a[href='/region/110105/2024']").count() == 1  # its scorecard, now
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_grid_marks_an_estimate(browser, server, lang):  # noqa: F811
    ctx, pg = _page(browser, lang)
    try:
        pg.goto(f"{server}/region/510000/2024/grid")
        cell = pg.locator("#grid tr[data-region='511400'] td[data-estimated='1']")
        assert cell.count() == 1
        assert cell.locator(".estimate-mark").inner_text() == ("（预计数）" if lang == "zh" else "(estimate)")
        assert pg.locator("#grid tr[data-region='511400'] .estimate-count").count() == 1
        pg.screenshot(path=str(SHOTS / f"grid_estimate_{lang}.png"), full_page=True)
    finally:
        ctx.close()

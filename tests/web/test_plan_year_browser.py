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


def _serving(tmp_path_factory, text: str):
    """The app over a fresh SQLite database holding one report of ``text``, writable with TOKEN."""
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    folder = tmp_path_factory.mktemp("planyear")
    (folder / "report.txt").write_text(text, encoding="utf-8")
    db = Database.open(folder / "y.db")
    ingest(db, [folder / "report.txt"])
    yield from _serve(create_app(db, token=TOKEN))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from _serving(tmp_path_factory, UNDATED)


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


# a county report that never says its year and sets no target: its figures are all results (own wording)
NO_TARGETS = ("宁化县政府工作报告\n——在宁化县第十八届人民代表大会第五次会议上\n一、过去一年工作回顾\n全县地区生产总值增长4.6%，"
              "城镇居民人均可支配收入增长5.2%。\n二、今年工作安排\n坚持稳中求进，推动高质量发展。\n")


@pytest.fixture(scope="module")
def bare_server(tmp_path_factory):
    yield from _serving(tmp_path_factory, NO_TARGETS)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_plan_year_form_speaks_the_page_s_language_and_says_when_no_target_follows(browser, bare_server, lang):  # noqa: F811
    """A wrong token and a year out of range are refused in the page's language (the API's words were
    English: its 422 a list the page showed as "422"); a year that leaves the document without targets
    says so, and the message stays on the page read again."""
    said = {"zh": ("失败：需要有效的写入令牌（token）", "失败：计划年份 1800：应为 1950 至 2099 年",
                   "已设置计划年份并重新提取：2024 · 目标 0 条，实际数 2 条 · 按该年份本文件没有目标"),
            "en": ("Failed: a valid token is required for this request", "Failed: plan year 1800: a year from 1950 to 2099",
                   "Plan year set and the document extracted again: 2024 · 0 targets, 2 results · the document sets no "
                   "targets for that year")}[lang]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.add_cookies([{"name": "lang", "value": lang, "url": "http://127.0.0.1"}])
    pg = ctx.new_page()
    try:
        doc = pg.request.get(f"{bare_server}/api/v1/documents").json()["rows"][0]["id"]
        pg.goto(f"{bare_server}/document/{doc}")
        pg.fill("#year-value", "2024")
        pg.fill("#year-token", "wrong")
        pg.click("#year-form button[type=submit]")
        pg.wait_for_selector("#year-message.error-text")
        assert pg.inner_text("#year-message") == said[0]
        # (the field's bounds keep a person from sending 1800; a page older than the server's range may not)
        pg.evaluate("['min', 'max'].forEach(a => document.getElementById('year-value').removeAttribute(a))")
        pg.fill("#year-value", "1800")
        pg.fill("#year-token", TOKEN)
        pg.click("#year-form button[type=submit]")
        pg.wait_for_selector(f"#year-message:has-text('1800')")
        assert pg.inner_text("#year-message") == said[1]
        pg.screenshot(path=str(SHOTS / f"reader_year_refused_{lang}.png"))
        if lang == "en":  # (the year is the database's: set once, on the Chinese page, after these)
            return
        pg.fill("#year-value", "2024")
        pg.click("#year-form button[type=submit]")
        pg.wait_for_selector("#year-message.muted:has-text('2024')")
        pg.wait_for_selector("#set-year summary:has-text('2024')")  # read again (dated now: the form shut) …
        pg.wait_for_selector("#set-year[open] #year-message:has-text('2024')")  # … opened on the message kept
        assert pg.inner_text("#year-message").startswith(said[2])
        pg.screenshot(path=str(SHOTS / f"reader_year_no_targets_{lang}.png"))
    finally:
        ctx.close()

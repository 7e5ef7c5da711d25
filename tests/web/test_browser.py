"""The pages in a real browser: Debian's chromium driven by Playwright. Screenshots of each page
go to artifacts/screenshots (kept by CI)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from appserver import served
from paths import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"
TOKEN = "browser-token"
pytestmark = pytest.mark.browser


def _serve(app):
    """The app on a free loopback port; yield its base URL."""
    with served(app, wait=5) as live:
        yield live.url


@pytest.fixture(scope="module")
def server(example_db):
    from zhibiao.web.app import create_app

    yield from _serve(create_app(example_db, token=TOKEN))


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing on CI: scripts/setup --system installs it")
        pytest.skip("Debian's chromium is not installed (scripts/setup --system installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def test_scorecard_shows_status_colours(page, server):
    page.goto(f"{server}/region/330500/2024")
    row = page.locator("#scorecard tr[data-indicator=gdp_growth]")
    badge = row.locator(".status")
    assert badge.inner_text() == "已完成"
    assert badge.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(27, 127, 59)"
    missed = page.locator("#scorecard tr[data-indicator=industrial_value_added_growth] .status")
    assert missed.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(192, 57, 43)"
    # beside the city's own 8%: the 7.5 the province's breakdown table assigned it, linked to its cell
    assigned = page.locator("#scorecard tr[data-indicator=industrial_value_added_growth] .assigned")
    assert "下达" in assigned.inner_text() and "7.5" in assigned.inner_text()
    assert "#span-" in assigned.locator("a").get_attribute("href")
    page.screenshot(path=str(SHOTS / "scorecard.png"), full_page=True)


def test_click_a_number_and_see_its_span_in_the_reader(page, server):
    page.goto(f"{server}/region/330500/2024")
    page.locator("#scorecard tr[data-indicator=gdp_growth] td:nth-child(2) > a").click()
    page.wait_for_selector("#doctext[data-ready='1']")
    active = page.locator("mark.span.active")
    assert active.inner_text() == "6%左右"
    assert page.locator("tr.active").count() == 1
    # and the other way: click a highlighted number, its row lights up
    other = page.locator("mark.span", has_text="7%以上").first
    other.click()
    assert "固定资产投资增速" in page.locator("tr.active").inner_text()
    page.screenshot(path=str(SHOTS / "reader.png"))


def test_reader_escapes_document_text(page, server, tmp_path):
    from fastapi.testclient import TestClient  # noqa: F401  (the upload goes through the browser below)

    evil = tmp_path / "evil.txt"
    evil.write_text("某市人民政府关于下达2025年计划的通知\n\n<script>window.pwned=1</script><img src=x onerror=window.pwned=2>\n\n"
                    "附件\n\n2025年主要目标\n\n序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n", encoding="utf-8")
    page.goto(f"{server}/upload")
    page.set_input_files("#file", str(evil))
    page.fill("#token", TOKEN)
    page.click("#save-btn")
    page.wait_for_selector("#saved-link")
    page.click("#saved-link")
    page.wait_for_selector("#doctext[data-ready='1']")
    assert "<script>window.pwned=1</script>" in page.locator("#doctext").inner_text()
    assert page.evaluate("window.pwned") is None


def test_upload_a_document_and_find_its_targets(page, server):
    page.goto(f"{server}/upload")
    page.set_input_files("#file", str(ROOT / "examples" / "taizhou_2024_plan.html"))
    page.click("#preview-btn")
    page.wait_for_selector("#result:not([hidden])")
    rows = page.locator("#result-targets tbody tr")
    assert rows.count() == 13
    assert "地区生产总值增速" in rows.first.inner_text()
    page.screenshot(path=str(SHOTS / "upload.png"))


def test_home_indicator_compare_and_english(page, server):
    page.goto(f"{server}/")
    assert page.locator("#coverage").inner_text().count("湖州市") == 1
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
    page.goto(f"{server}/indicator/gdp_growth?region=330500")
    page.wait_for_selector("#chart-years .main-svg")  # Plotly drew, from the bundled script
    page.screenshot(path=str(SHOTS / "indicator.png"), full_page=True)
    page.goto(f"{server}/compare/levels?region=浙江省&year=2024")
    assert "湖州市" in page.inner_text("main")
    # what the province's breakdown table assigned 湖州市, beside its own target: 8% raised above 7.5 (更严)
    row = page.locator("#assigned-330500 tr", has_text="规上工业")
    assert "7.5" in row.inner_text() and "8%" in row.inner_text() and "更严" in row.inner_text()
    page.screenshot(path=str(SHOTS / "compare_levels.png"), full_page=True)
    row.locator("a.source-link").first.click()  # the assigned figure, highlighted where the PDF prints it
    page.wait_for_selector("mark.span.allocation.active")
    assert page.locator("mark.span.allocation.active").inner_text() == "7.5"
    assert "湖州市 · 规上工业增加值增长" in page.locator("#lines tr.active, #lines tr", has_text="7.5").first.inner_text()
    page.screenshot(path=str(SHOTS / "reader_allocation.png"))
    page.goto(f"{server}/compare/levels?region=浙江省&year=2024&lang=en")
    assert "Assigned by the level above" in page.inner_text("#assigned-330500 ~ *, main")
    page.goto(f"{server}/region/330500/2024?lang=en")
    assert "GDP growth" in page.inner_text("#scorecard") and "achieved" in page.inner_text("#summary")


def test_phone_sized_screen(browser, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = ctx.new_page()
    pg.goto(f"{server}/region/330500/2024")
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # no sideways scrolling on a phone
    pg.screenshot(path=str(SHOTS / "scorecard_phone.png"), full_page=True)
    ctx.close()


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory):
    from paths import SEEDS, need_shared
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.web.app import create_app

    need_shared(SEEDS)
    db = Database.open(tmp_path_factory.mktemp("seeds") / "seeds.db")
    ingest(db, [SEEDS])
    yield from _serve(create_app(db))


@pytest.mark.corpus
def test_seeds_scorecard_and_reader(page, seeds_server):
    page.goto(f"{seeds_server}/region/330600/2023")
    gdp = page.locator("#scorecard tr[data-indicator=gdp_growth]")
    assert "7.8%" in gdp.inner_text()
    assert gdp.locator(".status").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(27, 127, 59)"
    page.screenshot(path=str(SHOTS / "seeds_scorecard_shaoxing_2023.png"), full_page=True)
    # the 2024 plan (seed 000): its GDP target's span highlighted in the reader
    page.goto(f"{seeds_server}/region/330600/2024")
    page.locator("#scorecard tr[data-indicator=gdp_growth] td:nth-child(2) > a").click()
    page.wait_for_selector("#doctext[data-ready='1']")
    assert page.locator("mark.span.active").inner_text() == "6.5%以上"
    main = page.inner_text("main")
    assert "绍兴市人民政府关于下达2024年绍兴市国民经济和社会发展" in main and "绍政发〔2024〕2号" in main
    # a document is named by its title, never by a path; its file's own name is its source (docs/web.md)
    assert "000_f74a9d579936cf71" not in page.inner_text("h1") and "/work" not in main
    assert page.inner_text("#file-name") == "000_f74a9d579936cf71.txt"
    page.screenshot(path=str(SHOTS / "seeds_reader_000.png"))

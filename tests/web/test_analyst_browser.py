"""The analyst's views in a real browser (Debian's chromium via Playwright), on the bundled
examples and on the seeds: the parent-region grid with stricter/looser marks, the map, tables
that sort, filter and download, search, the region tree and overview, the phone layout.
Screenshots at desktop and phone widths go to artifacts/screenshots."""
from __future__ import annotations

import csv
import io
import json

import pytest

from crossregion_docs import PART_YEAR
from test_browser import CHROMIUM, SHOTS, _serve, browser  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def examples(example_db):
    from zhibiao.track.snapshot import refresh
    from zhibiao.track import Tracker
    from zhibiao.web.app import create_app

    refresh(Tracker(example_db))  # as `zhibiao ingest` does
    yield from _serve(create_app(example_db))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    from paths import SEEDS, need_shared
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.track import Tracker
    from zhibiao.track.snapshot import refresh
    from zhibiao.web.app import create_app

    need_shared(SEEDS)
    db = Database.open(tmp_path_factory.mktemp("seeds-analyst") / "seeds.db")
    ingest(db, [SEEDS])
    refresh(Tracker(db))
    yield from _serve(create_app(db))


def _page(browser, width=1280):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900} if width > 400 else PHONE,
                              is_mobile=width <= 400, accept_downloads=True)
    return ctx, ctx.new_page()


def _shoot(browser, url, name, ready=None):  # noqa: F811
    """A desktop and a phone screenshot of a page; on the phone nothing scrolls sideways."""
    for width, suffix in ((1280, ""), (390, "_phone")):
        ctx, pg = _page(browser, width)
        pg.goto(url)
        if ready:
            pg.wait_for_selector(ready)
        pg.screenshot(path=str(SHOTS / f"{name}{suffix}.png"), full_page=True)
        if width == 390:
            assert pg.evaluate("document.documentElement.scrollWidth") <= 400, f"{name} scrolls sideways on a phone"
        ctx.close()


@pytest.mark.corpus
def test_seeds_zhejiang_grid_marks_cities_against_the_province(browser, seeds):  # noqa: F811
    ctx, pg = _page(browser)
    pg.goto(f"{seeds}/region/330000/2024/grid?indicator=gdp_growth")
    rows = pg.locator("#grid tbody tr")
    assert rows.first.get_attribute("data-region") == "330000"  # the province's own targets first
    for code, text in (("330400", "增长6%左右"), ("330600", "6.5%以上")):  # Jiaxing, Shaoxing vs 5.5左右
        cell = pg.locator(f"#grid tr[data-region='{code}'] td[data-comparison]").first
        assert cell.get_attribute("data-comparison") == "stricter"
        assert text in cell.inner_text() and "▲" in cell.inner_text()
    urban = pg.locator("#grid tr[data-region='330600'] td.cell", has_text="73.4%")
    assert urban.get_attribute("data-comparison") == "looser"  # 城镇化率 73.4% under the province's 74.5
    # every cell links to its source sentence
    href = pg.locator("#grid tr[data-region='330600'] td[data-comparison] a").first.get_attribute("href")
    assert href.startswith("/document/") and "#span-" in href
    pg.wait_for_selector("#map[data-ready='1']")
    coloured = pg.locator("#map path.choroplethlocation")
    assert coloured.count() == 11  # Zhejiang's eleven cities drawn from their own boundaries
    fills = {coloured.nth(i).evaluate("el => getComputedStyle(el).fill") for i in range(11)}
    assert len(fills) >= 2  # the two cities with targets stand out from the rest
    # the bar chart names the province's target in its legend, not in a label over the bars
    pg.wait_for_selector("#chart-children .legend")
    legend = pg.locator("#chart-children .legend").text_content()
    assert "浙江省" in legend and "5.5" in legend
    assert pg.locator("#chart-children .annotation").count() == 0
    ctx.close()
    _shoot(browser, f"{seeds}/region/330000/2024/grid?indicator=gdp_growth&colour=comparison",
           "seeds_grid_zhejiang_2024", "#map[data-ready='1']")


@pytest.mark.corpus
def test_seeds_search_and_report_button(browser, seeds):  # noqa: F811
    ctx, pg = _page(browser)
    # GDP and 地区生产总值 name the GDP level exactly; its growth follows
    for q, where, expect in (("GDP", "#found-indicators", "gdp_level"), ("地区生产总值", "#found-indicators", "gdp_level"),
                             ("绍兴", "#found-regions", "330600")):
        pg.goto(f"{seeds}/")
        pg.fill("header input[name=q]", q)
        pg.press("header input[name=q]", "Enter")
        pg.wait_for_selector(where)
        first = pg.locator(f"{where} li a").first
        assert expect in (first.get_attribute("data-id") or first.get_attribute("data-code") or ""), q
        if where == "#found-indicators":
            top = [a.get_attribute("data-id") for a in pg.locator(f"{where} li a").all()[:3]]
            assert "gdp_growth" in top, q
    pg.screenshot(path=str(SHOTS / "seeds_search.png"), full_page=True)
    pg.goto(f"{seeds}/region/330600/2023")
    with pg.expect_download() as dl:
        pg.click("#report-docx")
    path = dl.value.path()
    from docx import Document

    table = Document(path).tables[0]
    assert any(r.cells[1].text.startswith("地区生产总值") and r.cells[4].text == "已完成" for r in table.rows)
    ctx.close()


def test_map_of_the_example_cities(browser, examples):  # noqa: F811
    ctx, pg = _page(browser)
    pg.goto(f"{examples}/region/330000/2024/grid?indicator=gdp_growth&colour=status")
    pg.wait_for_selector("#map[data-ready='1']")
    paths = pg.locator("#map path.choroplethlocation")
    assert paths.count() == 11
    fills = [paths.nth(i).evaluate("el => getComputedStyle(el).fill") for i in range(11)]
    # Huzhou achieved (green), Taizhou missed (red), the others without data
    assert "rgb(27, 127, 59)" in fills and "rgb(192, 57, 43)" in fills
    assert sum(f not in ("rgb(27, 127, 59)", "rgb(192, 57, 43)") for f in fills) == 9
    assert pg.locator("#chart-children .main-svg").count() >= 1
    assert "5.5" in pg.inner_text("#chart-children")  # the province's target line
    ctx.close()
    _shoot(browser, f"{examples}/region/330000/2024/grid?indicator=gdp_growth", "grid_zhejiang_2024",
           "#map[data-ready='1']")


def test_scorecard_sorts_filters_and_downloads_what_it_shows(browser, examples):  # noqa: F811
    ctx, pg = _page(browser)
    pg.goto(f"{examples}/region/330500/2024")
    pg.select_option("select.dt-status", "missed")
    shown = pg.locator("#scorecard tbody tr:not([hidden])")
    assert shown.count() == 4
    pg.click("#scorecard thead th:nth-child(1)")  # sort by indicator
    names = [shown.nth(i).locator("td").first.inner_text() for i in range(shown.count())]
    assert names == sorted(names, key=lambda n: n) or len(set(names)) == 4
    assert "scorecard.status=missed" in pg.url and "scorecard.sort=0" in pg.url  # a view one can share
    with pg.expect_download() as dl:
        pg.click(".dt-csv")
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["指标", "目标", "状态"]
    assert [r[0] for r in rows[1:]] == names and all(r[2] == "未完成" for r in rows[1:])
    with pg.expect_download() as dl:
        pg.click(".dt-xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(open(dl.value.path(), "rb").read())).active
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == names
    # the shared address restores the view
    pg.goto(pg.url)
    assert pg.locator("#scorecard tbody tr:not([hidden])").count() == 4
    pg.fill(".dt-q", "PM2.5")
    assert pg.locator("#scorecard tbody tr:not([hidden])").count() == 1
    pg.screenshot(path=str(SHOTS / "scorecard_filtered.png"), full_page=True)
    ctx.close()
    # on a phone the explanation column gives way to a tap on the status
    ctx, pg = _page(browser, 390)
    pg.goto(f"{examples}/region/330500/2024")
    row = pg.locator("#scorecard tr[data-indicator=gdp_growth]")
    assert not row.locator("td.hide-narrow").first.is_visible()
    row.locator("details.explain summary").click()
    assert "6.3%" in row.locator("details.explain").inner_text()
    ctx.close()
    _shoot(browser, f"{examples}/region/330500/2024", "scorecard")


def test_home_tree_overview_search_indicators_and_phone(browser, examples):  # noqa: F811
    ctx, pg = _page(browser)
    pg.goto(f"{examples}/")
    tree = pg.locator("#coverage")
    assert tree.locator("tr[data-region='330500'] .yearchip", has_text="75%").count() == 1  # Huzhou 2024
    assert tree.locator("tr[data-region='330000'] .yearchip").first.inner_text().startswith("2024")
    pg.click("#coverage tr[data-region='330500'] th a")
    pg.wait_for_selector("#chart-years[data-ready='1']")
    assert [a.inner_text() for a in pg.locator(".crumbs a").all()] == ["中华人民共和国", "浙江省"]
    assert pg.locator("#years-table tr[data-year='2024']").inner_text().count("75%") == 1
    assert "%" in pg.inner_text("#chart-years")  # the unit on the axis
    pg.goto(f"{examples}/search?q=就业")
    assert "new_urban_jobs" in [a.get_attribute("data-id") for a in pg.locator("#found-indicators li a").all()]
    ctx.close()
    _shoot(browser, f"{examples}/", "home")
    _shoot(browser, f"{examples}/region/330500", "overview_huzhou", "#chart-years[data-ready='1']")
    _shoot(browser, f"{examples}/search?q=GDP", "search")
    _shoot(browser, f"{examples}/indicators", "indicators")
    _shoot(browser, f"{examples}/compare/regions?indicator=gdp_growth&year=2024", "compare_regions")
    _shoot(browser, f"{examples}/region/330500/2024?lang=en", "scorecard_en")


@pytest.mark.corpus
def test_seeds_reader_shows_the_rebuilt_table_with_the_cell_highlighted(browser, seeds):  # noqa: F811
    for width in (1280, 390):
        ctx, pg = _page(browser, width)
        pg.goto(f"{seeds}/region/330600/2024")
        pg.locator("#scorecard tr[data-indicator=gdp_growth] td:nth-child(2) > a").click()
        pg.wait_for_selector("#doctext[data-ready='1']")
        cell = pg.locator("#rebuilt td.current")
        assert cell.inner_text() == "6.5%以上"
        row = pg.locator("#rebuilt tr.current")
        assert "地区生产总值增速" in row.inner_text()
        assert pg.locator("#rebuilt tr.category").first.inner_text() == "经济发展"
        # the jump lands on the highlighted number, on a phone too
        mark = pg.locator("mark.span.active")
        top = mark.evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= top <= pg.evaluate("window.innerHeight"), f"the highlighted number is off screen at {width}px"
        pg.screenshot(path=str(SHOTS / f"seeds_reader_table{'_phone' if width == 390 else ''}.png"))
        ctx.close()


def test_regions_compared_page_by_page_in_both_languages(browser, examples):  # noqa: F811
    """A page of regions with which of how many, and the pages before and after; the grid read from
    the status snapshot; the search's next page of targets."""
    ctx, pg = _page(browser)
    pg.goto(f"{examples}/compare/regions?indicator=gdp_growth&year=2024&size=1")
    seen = []
    for n in (1, 2, 3):
        pager = pg.locator("nav.pager").first
        assert f"第 {n}–{n} 个地区，共 3 个" in pager.inner_text()
        assert pg.locator("#compare-regions tbody tr").count() == 1
        seen.append(pg.locator("#compare-regions tbody tr td a").first.inner_text())
        assert (pager.locator("a[rel=prev]").count() == 1) == (n > 1)
        assert (pager.locator("a[rel=next]").count() == 1) == (n < 3)
        pg.wait_for_selector("#chart-children .main-svg")
        if n < 3:
            pager.locator("a[rel=next]").click()
            pg.wait_for_load_state()
    assert seen == ["浙江省", "湖州市", "台州市"]  # in code order, each once
    pg.locator("nav.pager").last.locator("a[rel=prev]").click()
    pg.wait_for_load_state()
    assert pg.locator("#compare-regions tbody tr td a").first.inner_text() == "湖州市"
    pg.goto(f"{examples}/compare/regions?indicator=gdp_growth&year=2024&size=2&lang=en")
    pager = pg.locator("nav.pager").first
    assert "Regions 1–2 of 3" in pager.inner_text() and pager.locator("a[rel=next]").inner_text() == "Next ›"
    pager.locator("a[rel=next]").click()
    pg.wait_for_load_state()
    assert "Regions 3–3 of 3" in pg.locator("nav.pager").first.inner_text()
    assert pg.locator("nav.pager a[rel=prev]").first.inner_text() == "‹ Previous"
    pg.screenshot(path=str(SHOTS / "compare_regions_paged_en.png"), full_page=True)
    # the search's next page of target lines, and back
    pg.goto(f"{examples}/search?q=%25")
    more = pg.locator("#more-targets")
    if more.count():
        first_page = pg.locator("#found-targets-table tbody tr").count()
        assert first_page == 40
        more.click()
        pg.wait_for_load_state()
        assert pg.locator("#found-indicators").count() == 0 and pg.locator("#found-targets-table tbody tr").count() >= 1
        pg.click("#search-first a")
        pg.wait_for_load_state()
        assert pg.locator("#found-targets-table tbody tr").count() == first_page
    ctx.close()
    _shoot(browser, f"{examples}/compare/regions?indicator=gdp_growth&year=2024&size=2", "compare_regions_paged")


MONTHLY_TABLE = """湖州市2025年1—11月主要经济指标

湖州市统计局　2025年12月18日

指标名称 | 单位 | 11月 | 11月
| | 本月 | 累计
社会消费品零售总额 | 亿元 | 128.3 | 1380.5
一般公共预算收入 | 亿元 | 15.2 | 301.6
"""


def test_the_reader_tells_a_month_s_results_from_the_year_so_far(browser, tmp_path):  # noqa: F811
    # (a monthly report's 11月 over 本月 | 累计: the rebuilt table groups each column's results under its months)
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "monthly.txt").write_text(MONTHLY_TABLE, encoding="utf-8")
    db = Database.open(tmp_path / "m.db")
    ingest(db, [tmp_path / "docs"])
    for base in _serve(create_app(db)):
        for lang, month, months in (("zh", "2025 · 11月", "2025 · 1—11月"),
                                    ("en", "2025 · month 11", "2025 · months 1–11")):
            ctx, pg = _page(browser)
            pg.goto(f"{base}/document/1?lang={lang}")
            pg.wait_for_selector("#doctext[data-ready='1']")
            heads = [t.strip() for t in pg.locator("#rebuilt tr.year").all_inner_texts()]
            assert any(h.endswith(month) for h in heads) and any(h.endswith(months) for h in heads), heads
            # (and the list of lines beside the text: each result's months after its kind)
            kinds = [t.strip() for t in pg.locator("#lines tbody tr td:first-child").all_inner_texts()]
            tails = [k.split(" · ")[-1] for k in kinds]
            assert tails.count(month.split(" · ")[1]) == 2 and tails.count(months.split(" · ")[1]) == 2, kinds
            ctx.close()


SCORECARD_PLAN = """湖州市2025年政府工作报告

2025年1月12日在湖州市第九届人民代表大会第五次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6.5%左右。
"""
SCORECARD_MONTHLY = """湖州市2025年1—11月经济运行情况

湖州市统计局　2025年12月18日

1—11月，全市社会消费品零售总额累计实现1380.5亿元，同比增长5.1%。
"""


def test_the_scorecard_names_the_months_of_a_part_of_the_year_s_actual(browser, tmp_path):  # noqa: F811
    # (the year so far's 1—11月 figure beside a year's target: its months in the page's language, never 2025-01/2025-11)
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(SCORECARD_PLAN, encoding="utf-8")
    (tmp_path / "docs" / "monthly.txt").write_text(SCORECARD_MONTHLY, encoding="utf-8")
    db = Database.open(tmp_path / "m.db")
    ingest(db, [tmp_path / "docs"])
    for base in _serve(create_app(db)):
        for lang, months in (("zh", "1—11月"), ("en", "months 1–11")):
            ctx, pg = _page(browser)
            pg.goto(f"{base}/region/330500/2025?lang={lang}")
            row = pg.locator("#scorecard tr[data-indicator='retail_sales_growth']")
            assert row.locator(".period-mark").inner_text().strip() == months
            assert "2025-01/2025-11" not in pg.locator("#scorecard").inner_text()
            pg.screenshot(path=str(SHOTS / f"scorecard_months_{lang}.png"), full_page=True)
            ctx.close()
        # (the REST API's status answer names them too, in both languages, beside its period)
        from urllib.request import urlopen

        data = json.loads(urlopen(f"{base}/api/v1/status?region=330500&year=2025").read())
        actual = next(t for t in data["targets"] if t["indicator"] == "retail_sales_growth")["actual"]
        assert (actual["period"], actual["months"], actual["months_en"]) == ("2025-01/2025-11", "1—11月", "months 1–11")


def test_the_grid_overview_and_indicator_pages_name_the_months_of_a_part_of_the_year_s_actual(browser, tmp_path):  # noqa: F811
    # (湖州's 1—9月 figure beside 嘉兴's whole year's: the grid read from the status snapshot, its charts' hover, the
    # overview's chart over the years and the indicator page name the months in the page's language)
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker
    from zhibiao.track.snapshot import refresh
    from zhibiao.web.app import create_app

    (tmp_path / "docs").mkdir()
    for name, body in PART_YEAR.items():
        (tmp_path / "docs" / name).write_text(body, encoding="utf-8")
    db = Database.open(tmp_path / "p.db")
    ingest(db, [tmp_path / "docs"])
    refresh(Tracker(db))  # as `zhibiao ingest` does: the grid reads the snapshot
    for base in _serve(create_app(db)):
        for lang, months in (("zh", "1—9月"), ("en", "months 1–9")):
            ctx, pg = _page(browser)
            pg.goto(f"{base}/region/330000/2025/grid?indicator=retail_sales_growth&lang={lang}")
            cell = pg.locator("#grid tr[data-region='330500'] td[data-status]", has_text="5.8%")
            assert cell.locator(".period-mark").inner_text().strip() == months
            assert cell.locator(".period-mark").get_attribute("title") == "2025-01/2025-09"
            whole = pg.locator("#grid tr[data-region='330400'] td[data-status]", has_text="5.9%")
            assert whole.count() == 1 and whole.locator(".period-mark").count() == 0  # a year's figure: none
            pg.wait_for_function("document.querySelector('#chart-children .plot-container') !== null")
            chart = pg.evaluate("(c => ({hover: c.data[1].text, x: c.data[1].x, ticks: c.layout.xaxis.ticktext}))"
                                "(document.getElementById('chart-children'))")
            by_city = dict(zip(chart["x"], zip(chart["ticks"], chart["hover"])))  # (the name under the bar, the hover)
            assert by_city["湖州市"][0] == f"湖州市<br>{months}" and by_city["湖州市"][1].startswith(f"同比增长5.8% · {months} · ")
            assert by_city["嘉兴市"][0] == "嘉兴市" and " · 1" not in by_city["嘉兴市"][1]
            pg.screenshot(path=str(SHOTS / f"grid_months_{lang}.png"), full_page=True)
            ctx.close()

            ctx, pg = _page(browser)
            pg.goto(f"{base}/region/330500?indicator=retail_sales_growth&lang={lang}")
            pg.wait_for_selector("#chart-years[data-ready='1']")
            actual = pg.evaluate("document.getElementById('chart-years').data.at(-1)")
            assert actual["text"] == [months] and actual["customdata"][0].startswith(f"同比增长5.8% · {months} · ")
            pg.screenshot(path=str(SHOTS / f"overview_months_{lang}.png"), full_page=True)
            ctx.close()

            ctx, pg = _page(browser)
            pg.goto(f"{base}/indicator/retail_sales_growth?region=330500&lang={lang}")
            mark = pg.locator("tr", has_text="同比增长5.8%").locator(".period-mark")
            assert mark.inner_text().strip() == months
            pg.screenshot(path=str(SHOTS / f"indicator_months_{lang}.png"), full_page=True)
            ctx.close()

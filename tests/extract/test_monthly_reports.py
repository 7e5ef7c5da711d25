"""A statistics bureau's monthly report (2025年1—11月全市经济运行情况, 2025年11月统计月报, 2025年1-11月主要
经济指标): an in-year report of the part of the year its title names — doc_type ``other`` (no plan, and
not the annual 统计公报, whose figures are the year's and outrank preliminary ones), plan year its own
year, every figure a result of that part of the year unless its words name another (一个月: 本月, 当月,
11月份 — that month alone), its cumulative levels (累计完成…亿元) read, and its tables read column by
column with each column's period (11月 merged over 本月 | 累计). Each document is one we wrote."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.api import extract_file, extract_text
from zhibiao.extract.metadata import monthly_report

Y11, NOV = "2025-01/2025-11", "2025-11/2025-11"

MONTHLY = """2025年1—11月岚江市经济运行情况
发布时间：2025-12-16 10:20 来源：岚江市统计局

今年以来，全市经济运行总体平稳、稳中有进。
一、工业生产
1—11月，全市规模以上工业增加值同比增长6.2%。其中，11月份规模以上工业增加值同比增长5.1%。
二、固定资产投资
1—11月，全市累计完成固定资产投资386.5亿元，同比增长3.4%。
三、消费市场
全市社会消费品零售总额累计实现512.7亿元，同比增长5.6%。当月实现社会消费品零售总额49.8亿元，同比增长4.9%。
四、居民消费价格
1—11月，全市居民消费价格同比上涨0.3%。本月全市居民消费价格同比下降0.2%。
"""


def _got(e) -> dict:
    return {(a.name, a.measure, str(a.value)): (a.year, a.period) for a in e.actuals}


@pytest.mark.parametrize("title, period", [
    ("2025年1—11月岚江市经济运行情况", Y11),
    ("岚江市2025年11月统计月报", Y11),  # (a month's report: the year so far, its 本月 November alone)
    ("岚江市2025年1-11月主要经济指标", Y11),
    ("岚江市2025年11月份统计月报", Y11),
    ("岚江市2025年一至十一月经济运行情况", Y11),  # (11月份 in a title: its report's month, the year so far)
    ("岚江市2025年上半年经济运行情况", "2025-01/2025-06"),
])
def test_a_monthly_reports_title_makes_it_an_in_year_report_of_its_part_of_the_year(title, period):
    e = extract_text(f"{title}\n来源：岚江市统计局\n\n全市规模以上工业增加值同比增长6.2%。\n")
    d = e.document
    assert (d.doc_type, d.title, d.plan_year) == ("other", title, 2025)
    assert [(a.year, a.period) for a in e.actuals] == [(2025, period)]
    assert not e.commitments


def test_what_is_not_a_monthly_reports_title():
    assert not monthly_report("岚江市2025年主要经济指标")  # (no month nor part of the year)
    assert not monthly_report("岚江市2025年前10强企业主要经济指标")  # (a number, no month)
    assert not monthly_report("关于岚江市2025年1—9月国民经济和社会发展计划执行情况的报告")
    assert not monthly_report("2025年1—11月主要经济指标完成情况表")  # (a caption, not its closing words)
    assert monthly_report("2025年1—11月岚江市主要经济指标")


# documents.in_year_headline_words: a news headline on the economy of the part of the year it opens with
@pytest.mark.parametrize("headline, period", [
    ("前三季度岚江经济运行稳中有进", "2025-01/2025-09"),
    ("1—11月全市经济形势总体平稳", Y11),
    ("2025年上半年岚江市经济运行持续向好", "2025-01/2025-06"),
])
def test_a_news_headline_on_the_economy_of_a_part_of_the_year_makes_it_an_in_year_report(headline, period):
    # (no year in the headline: the page's date and the text's 今年 give it; its results are no tasks)
    e = extract_text(f"{headline}\n2025-12-16 10:20 来源：岚江日报\n\n"
                     "岚江市统计局近日发布的数据显示，今年以来，全市实现规模以上工业增加值318.6亿元，同比增长6.2%。\n")
    d = e.document
    assert (d.doc_type, d.plan_year) == ("other", 2025)
    assert sorted((a.measure, a.year, a.period) for a in e.actuals) == [("growth", 2025, period), ("level", 2025, period)]
    assert not e.commitments


def test_what_is_not_a_news_headline_on_a_part_of_the_years_economy():
    assert not monthly_report("关于岚江市2025年上半年经济运行情况和下半年工作安排的报告")  # (a report: its plan part too)
    assert not monthly_report("岚江市经济运行稳中有进")  # (no part of the year)
    assert not monthly_report("前三季度岚江市经济运行稳中有进再创佳绩迈上新台阶")  # (no short appraisal: a sentence's run)


# documents.results_briefings: a press conference on the economy's results of the year or of a part of it
@pytest.mark.parametrize("title, period", [
    ("国务院新闻办公室举行2025年国民经济运行情况新闻发布会", None),
    ("岚江市统计局举行2025年前三季度全市经济运行情况新闻发布会", "2025-01/2025-09"),
    ("岚江市2025年上半年经济形势发布会", "2025-01/2025-06"),
    ("岚江市召开2025年1—11月经济运行情况新闻通气会", Y11),
])
def test_a_press_conference_on_results_is_an_in_year_report_of_the_period_it_names(title, period):
    # (its figures are the results of the year or the part of it it names, never the plan year's tasks)
    e = extract_text(f"{title}\n2026-01-17 10:00 来源：岚江日报\n\n"
                     "初步核算，全市地区生产总值1612亿元，按不变价格计算，同比增长6.1%。全市城镇新增就业4.2万人。\n")
    d = e.document
    assert (d.doc_type, d.plan_year) == ("other", 2025)
    assert [(a.name, a.year, a.period) for a in e.actuals] == [
        ("地区生产总值", 2025, period), ("地区生产总值", 2025, period), ("城镇新增就业", 2025, period)]
    assert not e.commitments and not e.targets


def test_what_is_not_a_press_conference_on_results():
    assert not monthly_report("岚江市2026年国民经济和社会发展计划新闻发布会")  # (a plan's: its targets)
    assert not monthly_report("岚江市政府工作报告新闻发布会")
    assert not monthly_report("岚江市经济运行情况新闻发布会")  # (no year named)


def test_a_monthly_report_in_a_bulletins_sections_is_no_bulletin():
    # (一、综合 / 二、农业 under a statistics bureau's name: a bulletin's layout, but a month's figures)
    text = ("岚江市2025年1—11月经济运行情况\n岚江市统计局\n一、综合\n1—11月，全市规模以上工业增加值增长6.2%。\n"
            "二、农业\n1—11月，全市生猪出栏45.2万头。\n")
    e = extract_text(text)
    assert (e.document.doc_type, e.document.plan_year) == ("other", 2025)
    assert {a.period for a in e.actuals} == {Y11}


def test_sentences_opening_with_a_period_are_its_results_not_commitments():
    e = extract_text(MONTHLY)
    assert (e.document.doc_type, e.document.plan_year) == ("other", 2025)
    assert not e.commitments and not e.targets
    got = _got(e)
    assert got[("规模以上工业增加值", "growth", "6.2")] == (2025, Y11)
    assert got[("居民消费价格", "growth", "0.3")] == (2025, Y11)


def test_one_months_figures_are_that_months_never_the_cumulative_periods():
    got = _got(extract_text(MONTHLY))
    assert got[("规模以上工业增加值", "growth", "5.1")] == (2025, NOV)  # 11月份
    assert got[("社会消费品零售总额", "level", "49.8")] == (2025, NOV)  # 当月 (no part of the name)
    assert got[("社会消费品零售总额", "growth", "4.9")] == (2025, NOV)
    assert got[("居民消费价格", "growth", "-0.2")] == (2025, NOV)  # 本月


def test_a_month_named_after_its_number_and_within_a_sentence():
    text = ("岚江市2025年上半年经济运行情况\n来源：岚江市统计局\n\n"
            "规模以上工业增加值1—6月累计增长6.9%，6月当月增长7.1%。\n"
            "全市一般公共预算收入96.7亿元。本月实现一般公共预算收入15.2亿元。\n")
    got = _got(extract_text(text))
    assert got == {("规模以上工业增加值", "growth", "6.9"): (2025, "2025-01/2025-06"),  # (1—6月: no part of the name)
                   ("规模以上工业增加值", "growth", "7.1"): (2025, "2025-06/2025-06"),
                   ("一般公共预算收入", "level", "96.7"): (2025, "2025-01/2025-06"),
                   ("一般公共预算收入", "level", "15.2"): (2025, "2025-06/2025-06")}


def test_this_month_in_a_plan_reports_in_year_execution_report_is_its_last_month():
    text = ("岚江市2025年1—9月国民经济和社会发展计划执行情况\n岚江市发展和改革委员会　2025年10月20日\n"
            "一、计划执行情况\n1—9月，全市规模以上工业增加值增长6.0%，当月增长5.2%。\n")
    got = _got(extract_text(text))
    assert got[("规模以上工业增加值", "growth", "5.2")] == (2025, "2025-09/2025-09")


def test_this_month_outside_an_in_year_report_names_no_month_it_knows():
    text = ("岚江市2025年政府工作报告\n\n一、2024年工作回顾\n全市规模以上工业增加值增长6.0%。\n"
            "当月全市社会消费品零售总额增长4.1%。\n二、2025年工作安排\n全市上下要奋发有为。\n")
    got = _got(extract_text(text))
    assert got[("社会消费品零售总额", "growth", "4.1")] == (2024, None)  # (as before: no month to give it)


def test_cumulative_levels_are_the_periods_results():
    got = _got(extract_text(MONTHLY))
    assert got[("固定资产投资", "level", "386.5")] == (2025, Y11)  # 累计完成…亿元
    assert got[("社会消费品零售总额", "level", "512.7")] == (2025, Y11)  # (no period word: the title's)


def test_the_first_month_of_a_period_compared_with_is_no_figure():
    text = ("2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n"
            "1—11月，全市规模以上工业增加值同比增长7.4%，增速比1—10月回落0.2个百分点。\n")
    assert [(a.name, str(a.value)) for a in extract_text(text).actuals] == [("规模以上工业增加值", "7.4")]


# ---------------------------------------------------------------- a table with a merged month over 本月 | 累计

def _monthly_html(tmp_path, head_rows: str):
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>2025年11月统计月报_岚江市统计局</title></head><body>"
            "<div class='article'><h1>2025年11月统计月报</h1><p>发布时间：2025-12-18　来源：岚江市统计局</p>"
            "<p>岚江市主要经济指标</p><table border='1'>" + head_rows +
            "<tr><td>规模以上工业增加值增速</td><td>%</td><td>5.1</td><td>6.2</td><td>—</td></tr>"
            "<tr><td>固定资产投资</td><td>亿元</td><td>—</td><td>386.5</td><td>3.4</td></tr>"
            "<tr><td>社会消费品零售总额</td><td>亿元</td><td>49.8</td><td>512.7</td><td>5.6</td></tr>"
            "</table></div></body></html>")
    path = tmp_path / "monthly.html"
    path.write_text(html, encoding="utf-8")
    return path


MERGED_HEAD = ("<tr><td rowspan='2'>指标</td><td rowspan='2'>单位</td><td colspan='2'>11月</td>"
               "<td rowspan='2'>累计同比增长%</td></tr><tr><td>本月</td><td>累计</td></tr>")
TABLE_RESULTS = {
    ("规模以上工业增加值增速", "growth", "5.1"): (2025, NOV),
    ("规模以上工业增加值增速", "growth", "6.2"): (2025, Y11),
    ("固定资产投资", "level", "386.5"): (2025, Y11),
    ("固定资产投资", "growth", "3.4"): (2025, Y11),
    ("社会消费品零售总额", "level", "49.8"): (2025, NOV),
    ("社会消费品零售总额", "level", "512.7"): (2025, Y11),
    ("社会消费品零售总额", "growth", "5.6"): (2025, Y11),
}


def test_a_month_merged_over_this_month_and_the_cumulative_in_a_real_html_table(tmp_path):
    e = extract_file(_monthly_html(tmp_path, MERGED_HEAD))
    assert (e.document.doc_type, e.document.plan_year) == ("other", 2025)
    assert _got(e) == TABLE_RESULTS


def test_this_month_and_cumulative_columns_without_a_month_above_them(tmp_path):
    head = "<tr><td>指标</td><td>单位</td><td>本月</td><td>累计</td><td>同比增长%</td></tr>"
    assert _got(extract_file(_monthly_html(tmp_path, head))) == TABLE_RESULTS


PIPE_TABLE = """宜宾市2025年1-11月主要经济指标
来源：宜宾市统计局　发布日期：2025-12-20

指标名称 | 单位 | 11月 | 11月
| | 本月 | 累计 | 同比增长%
全社会固定资产投资 | 亿元 | 102.3 | 1520.6 | 4.1
一般公共预算收入 | 亿元 | 16.1 | 176.4 | 3.2
"""


def test_the_month_printed_in_both_cells_of_its_merge_and_a_row_opening_with_an_empty_cell():
    # (the merge expanded, as a PDF's text gives it: 11月 | 11月 over | | 本月 | 累计 | 同比增长%, the growth
    # column under no month — the year so far's, after 累计)
    e = extract_text(PIPE_TABLE)
    assert e.document.region and e.document.region.name == "宜宾市"
    assert _got(e) == {
        ("全社会固定资产投资", "level", "102.3"): (2025, NOV),
        ("全社会固定资产投资", "level", "1520.6"): (2025, Y11),
        ("全社会固定资产投资", "growth", "4.1"): (2025, Y11),
        ("一般公共预算收入", "level", "16.1"): (2025, NOV),
        ("一般公共预算收入", "level", "176.4"): (2025, Y11),
        ("一般公共预算收入", "growth", "3.2"): (2025, Y11),
    }


def test_a_tables_own_month_gives_its_columns_periods_where_the_title_names_none():
    text = ("岚江市2025年主要经济指标\n来源：岚江市统计局\n\n"
            "指标 | 单位 | 11月 | 11月\n| | 本月 | 累计\n固定资产投资 | 亿元 | 40.2 | 386.5\n")
    got = _got(extract_text(text))
    assert got == {("固定资产投资", "level", "40.2"): (2025, NOV), ("固定资产投资", "level", "386.5"): (2025, Y11)}


def test_a_monthly_tables_results_without_a_period_are_the_reports():
    text = ("2025年1—11月岚江市主要经济指标\n来源：岚江市统计局\n\n"
            "指标 | 单位 | 绝对值 | 同比增长%\n固定资产投资 | 亿元 | 386.5 | 3.4\n")
    assert _got(extract_text(text)) == {("固定资产投资", "level", "386.5"): (2025, Y11),
                                        ("固定资产投资", "growth", "3.4"): (2025, Y11)}


def test_a_cumulative_five_year_column_stays_a_target():
    text = ("岚江市国民经济和社会发展第十四个五年规划纲要\n\n"
            "类别\t序号\t指标\t单位\t2020年基期值\t2025年目标\t累计\t属性\n"
            "经济发展\t1\t地区生产总值\t亿元\t1500\t2100\t—\t预期性\n"
            "民生福祉\t2\t城镇新增就业\t万人\t—\t—\t30\t预期性\n")
    e = extract_text(text)
    assert [(t.year, t.name, t.text) for t in e.targets if t.name == "城镇新增就业"] == [(2025, "城镇新增就业", "30")]
    assert not any(a.name == "城镇新增就业" for a in e.actuals)


@pytest.mark.parametrize("months", ["1—10月", "1至10月", "1到10月"])
def test_the_first_month_of_each_range_compared_with_is_no_figure(months):
    text = ("2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n"
            f"1—11月，全市规模以上工业增加值同比增长7.4%，增速比{months}回落0.2个百分点。\n")
    assert [str(a.value) for a in extract_text(text).actuals] == ["7.4"]


def test_a_month_after_a_name_is_no_part_of_it():
    text = ("2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n"
            "全市规模以上工业增加值当月增长7.1%，社会消费品零售总额11月份增长4.2%。\n")
    assert _got(extract_text(text)) == {("规模以上工业增加值", "growth", "7.1"): (2025, NOV),
                                        ("社会消费品零售总额", "growth", "4.2"): (2025, NOV)}


def test_a_monthly_reports_title_is_its_own_not_a_title_it_quotes():
    text = ("2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n"
            "1—11月，《岚江市2025年政府工作报告》确定的目标任务有序推进。全市规模以上工业增加值同比增长7.4%。\n")
    assert extract_text(text).document.title == "2025年1—11月岚江市经济运行情况"


@pytest.mark.parametrize("closing", ["经济运行情况", "经济运行简况", "经济运行分析", "统计月报", "月度统计数据", "主要经济指标",
                                     "主要统计指标"])
def test_each_monthly_reports_closing_words(closing):
    # (documents.monthly_report_titles)
    assert monthly_report(f"岚江市2025年1—11月{closing}")
    e = extract_text(f"岚江市2025年1—11月{closing}\n来源：岚江市统计局\n\n全市规模以上工业增加值同比增长6.2%。\n")
    assert [(a.year, a.period) for a in e.actuals] == [(2025, Y11)]


@pytest.mark.parametrize("word", ["本月", "当月", "本月份", "当月份"])
def test_each_word_of_this_month(word):
    # (time.this_month)
    text = f"2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n{word}全市规模以上工业增加值同比增长5.1%。\n"
    assert _got(extract_text(text)) == {("规模以上工业增加值", "growth", "5.1"): (2025, NOV)}


# a % row whose name says no growth (规模以上工业增加值 | % | 5.2) under a value column whose header does: its figure is
# that growth, never a share — the header read whole (a sign before its unit, each of its rows, one filled cell a row)
GROWTH_HEADERS = {
    "a sign before the unit": "指标\t单位\t1—11月\t比上年同期增长±%\n规模以上工业增加值\t%\t—\t5.2\n",
    "a sign before the bracketed unit": "指标\t单位\t1—11月\t同比增长（±%）\n规模以上工业增加值\t%\t—\t5.2\n",
    "a header's third row": ("指标\t单位\t11月\t11月\n\t\t本月\t累计\n\t\t同比增长(%)\t同比增长(%)\n"
                             "规模以上工业增加值\t%\t4.8\t5.2\n"),
    "a second row of one cell, tabs": "指标\t单位\t1—11月\n\t\t同比增长(%)\n规模以上工业增加值\t%\t5.2\n",
    "a second row of one cell, pipes": "指标 | 单位 | 1—11月\n| | 同比增长(%)\n规模以上工业增加值 | % | 5.2\n",
}


@pytest.mark.parametrize("table", GROWTH_HEADERS.values(), ids=list(GROWTH_HEADERS))
def test_a_percent_row_under_a_growth_header_is_that_growth_not_a_share(table):
    e = extract_text(f"2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n表1　主要经济指标\n{table}")
    got = {(a.name, a.measure, str(a.value)): a.period for a in e.actuals}
    assert got[("规模以上工业增加值", "growth", "5.2")] == Y11
    assert all(a.measure == "growth" for a in e.actuals)
    if "本月" in table:  # (累计 over 同比增长: the year so far's growth; 本月's the month's)
        assert got[("规模以上工业增加值", "growth", "4.8")] == NOV


def test_a_growth_header_decides_a_percent_rows_measure_in_any_table():
    # (a bulletin's table: 比上年增长±% over a row of % without a growth word)
    text = ("岚江市2025年国民经济和社会发展统计公报\n岚江市统计局\n\n表1　2025年主要指标\n"
            "指标\t单位\t绝对数\t比上年增长±%\n城镇居民人均可支配收入\t元\t51200\t5.1\n规模以上工业增加值\t%\t—\t6.3\n")
    got = {(a.name, a.measure, str(a.value)) for a in extract_text(text).actuals}
    assert {("规模以上工业增加值", "growth", "6.3"), ("城镇居民人均可支配收入", "growth", "5.1")} <= got

"""Kinds of document beyond the notice and the work report (issue 13): statistical bulletins, plan
reports with completion tables, in-year execution reports, five-year outlines, proposals and
digests. Each test is a document written for it, pinning one rule."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.api import extract_file, extract_text
from zhibiao.extract.segments import without_latin_prose


def _actuals(e):
    return {(a.year, a.parent, a.name, a.measure): a for a in e.actuals}


def _targets(e):
    return {(t.year, t.name): t for t in e.targets}


# ---------------------------------------------------------------- what a document is, and its year

BULLETIN_NO_TITLE = """安溪县统计局
（2022年3月20日）
2021年，全县经济运行稳中向好。
一、综合
初步核算，全县地区生产总值1032.5亿元，比上年增长7.1%。
二、农业
全年粮食产量12.3万吨，增长1.5%。
"""


def test_a_bulletin_without_a_title_is_known_by_its_sections_and_dated_by_its_bureau():
    e = extract_text(BULLETIN_NO_TITLE)
    d = e.document
    assert (d.doc_type, d.plan_year, d.issued_on) == ("statistical_bulletin", 2021, "2022-03-20")
    assert {a.year for a in e.actuals} == {2021}  # the bureau's date is of the next year
    gdp = _actuals(e)[(2021, None, "地区生产总值", "level")]
    assert gdp.estimated and gdp.value == Decimal("1032.5")


def test_a_bulletin_title_opening_a_long_line_is_its_title():
    e = extract_text("2022年东台市国民经济和社会发展统计公报 2022年,面对复杂形势,全市经济稳定增长。\n一、综合\n"
                     "全年地区生产总值1200亿元，增长5.0%。\n")
    assert (e.document.doc_type, e.document.title, e.document.plan_year) == (
        "statistical_bulletin", "2022年东台市国民经济和社会发展统计公报", 2022)


def test_forum_markup_is_dropped_and_ends_paragraphs():
    raw = ("[align=center][b]20[/b][b]23[/b][b]年[/b][b]沁县国民经济和社会发展统计公报[/b][/align]"
           "[align=center]沁县统计局[/align][align=center]2024年4月2日[/align][align=left]一、综合[/align]"
           "[align=left]全年地区生产总值120.5亿元，增长5.1%。[/align]")
    e = extract_text(raw)
    assert e.document.title == "2023年沁县国民经济和社会发展统计公报"
    assert (e.document.plan_year, e.document.issued_on) == (2023, "2024-04-02")
    assert not any("[" in a.name or "]" in a.name for a in e.actuals) and e.actuals


OUTLINE = """通山县人民政府关于印发通山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要的通知
通府发〔2021〕12号
通山县人民政府
2021年4月6日
第一章　发展基础
2020年，全县地区生产总值达到350.2亿元，一般公共预算收入21.6亿元。“十三五”时期，地区生产总值年均增长6.4%。
第二章　2035年远景目标
到2035年，全县地区生产总值突破800亿元。
第三章　“十四五”时期主要目标
推动产业集群发展，到2025年，全县规模以上工业企业达到260家，旅游总收入突破180亿元。
"""


def test_an_outline_is_a_five_year_plan_dated_by_its_issue_not_by_its_horizon():
    d = extract_text(OUTLINE).document
    assert (d.doc_type, d.plan_year, d.doc_number, d.issued_on) == ("five_year_plan", 2021, "通府发〔2021〕12号", "2021-04-06")


def test_an_outline_looks_back_at_its_base_year_and_plans_for_its_period_and_horizon():
    e = extract_text(OUTLINE)
    a = _actuals(e)
    assert a[(2020, None, "地区生产总值", "level")].value == Decimal("350.2")
    assert a[(2020, None, "一般公共预算收入", "level")].value == Decimal("21.6")
    assert a[(2020, None, "地区生产总值", "growth")].text == "年均增长6.4%"  # the period's average, of its last year
    t = _targets(e)
    assert t[(2035, "地区生产总值")].comparator == ">" and t[(2035, "地区生产总值")].value == Decimal("800")
    assert t[(2025, "规模以上工业企业")].value == Decimal("260")
    assert t[(2025, "旅游总收入")].text == "突破180亿元"
    assert {t.year for t in e.targets} == {2025, 2035}


def test_a_proposal_is_dated_by_its_adoption_and_a_chinese_numeral_horizon_is_read():
    text = ("中共鄂州市委关于制定鄂州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n"
            "（2020年12月20日中国共产党鄂州市第九届委员会第十次全体会议通过）\n"
            "一、开启新征程\n"
            "展望二〇三五年，鄂州将基本实现现代化。到二〇三五年，全市常住人口城镇化率达到72%左右。\n"
            "二、“十四五”时期主要目标\n"
            "——经济发展取得新成效。地区生产总值年均增长6%左右，到2025年经济总量突破1500亿元。\n")
    e = extract_text(text)
    d = e.document
    assert (d.doc_type, d.plan_year, d.issued_on, d.issuer) == ("five_year_plan", 2020, "2020-12-20", "中共鄂州市委")
    t = _targets(e)
    assert t[(2035, "常住人口城镇化率")].comparator == "~"
    assert t[(2025, "地区生产总值")].text == "年均增长6%左右"
    assert t[(2025, "经济总量")].text == "突破1500亿元"  # 到2025年 opens the clause, not the name


def test_a_digest_says_how_its_outline_was_issued():
    text = ("一图读懂｜荆州市“十五五”规划纲要\n"
            "3月2日，荆州市人民政府印发《荆州市国民经济和社会发展第十五个五年规划纲要》（荆政发〔2026〕4号）。\n"
            "《纲要》提出，到2030年，全市地区生产总值突破2000亿元。\n")
    d = extract_text(text).document
    assert (d.doc_type, d.doc_number, d.issued_on, d.plan_year) == ("five_year_plan", "荆政发〔2026〕4号", "2026-03-02", 2026)
    assert d.issuer == "荆州市人民政府"


PROGRESS = """荆州市2024年1—9月国民经济和社会发展计划执行情况
荆州市发展和改革委员会　2024年10月18日
今年以来，全市经济运行总体平稳。
一、计划执行情况
1—9月，全市地区生产总值1600.5亿元，同比增长5.2%。
预计全年，地区生产总值增长5.5%左右，低于年初目标（6%左右）。
二、2025年计划安排的初步考虑
2025年全市经济社会发展主要预期目标初步考虑为：地区生产总值增长6%左右。
"""


def test_an_in_year_report_gives_results_of_its_own_year_and_previews_the_next():
    e = extract_text(PROGRESS)
    d = e.document
    assert (d.doc_type, d.plan_year, d.issued_on) == ("plan_report", 2024, "2024-10-18")
    a = [x for x in e.actuals if x.name == "地区生产总值" and x.measure == "growth"]
    assert {(x.year, x.period, x.estimated, x.value) for x in a} == {
        (2024, "2024-01/2024-09", False, Decimal("5.2")), (2024, None, True, Decimal("5.5"))}
    t = {(x.year, x.name, x.text) for x in e.targets}
    assert (2024, "地区生产总值", "年初目标（6%左右）") in t  # the year's own plan, quoted
    assert (2025, "地区生产总值", "增长6%左右") in t  # next year's, previewed


IN_YEAR_REPORT = """关于岚江市2024年1—9月国民经济和社会发展计划执行情况的报告
岚江市发展和改革委员会　2024年10月25日

一、主要指标完成情况
前三季度，全市地区生产总值增长5.4%。规模以上工业增加值同比增长7.2%。
今年以来，社会消费品零售总额612.3亿元，同比增长4.8%。
今年1—8月，规模以上工业企业利润总额80.5亿元，增长6.6%。
截至6月末，全市金融机构各项贷款余额2100.4亿元，同比增长8.1%。
2021年以来，全市地区生产总值年均增长5.9%。2023年，全市地区生产总值增长5.0%。
二、全年预计
预计全年地区生产总值增长5.5%左右。
"""


def test_an_in_year_reports_results_cover_the_part_of_the_year_its_title_names():
    e = extract_text(IN_YEAR_REPORT)
    assert (e.document.doc_type, e.document.plan_year) == ("plan_report", 2024)
    got = {(a.name, str(a.value)): (a.year, a.period, a.estimated) for a in e.actuals}
    nine, eight, six = "2024-01/2024-09", "2024-01/2024-08", "2024-01/2024-06"
    assert got == {
        ("地区生产总值", "5.4"): (2024, nine, False),
        ("规模以上工业增加值", "7.2"): (2024, nine, False),  # (no words of time: the title's part of the year)
        ("社会消费品零售总额", "612.3"): (2024, nine, False),  # (今年以来: the year so far)
        ("社会消费品零售总额", "4.8"): (2024, nine, False),
        ("规模以上工业企业利润总额", "80.5"): (2024, eight, False),  # (a part of its own wins)
        ("规模以上工业企业利润总额", "6.6"): (2024, eight, False),
        ("金融机构各项贷款余额", "2100.4"): (2024, six, False),  # (a month's end)
        ("金融机构各项贷款余额", "8.1"): (2024, six, False),
        ("地区生产总值", "5.0"): (2023, None, False),  # (last year's: the whole year)
        ("地区生产总值", "5.5"): (2024, None, True),  # (预计全年: the whole year's estimate)
    }  # (2021年以来: several years, no result)


def test_an_execution_report_delivered_after_its_year_reviews_it():
    # (no draft in its title, but delivered to the next January's congress with that year's targets)
    text = ("关于岚江市2023年国民经济和社会发展计划执行情况的报告\n——2024年1月10日在岚江市第九届人民代表大会第三次会议上\n\n"
            "一、2023年计划执行情况\n全市地区生产总值增长5.2%。今年以来，经济开局良好。\n"
            "二、2024年主要目标\n今年全市地区生产总值增长6%左右。\n")
    e = extract_text(text)
    assert (e.document.doc_type, e.document.plan_year) == ("plan_report", 2024)
    assert [(a.year, a.period, str(a.value)) for a in e.actuals] == [(2023, None, "5.2")]


def test_a_full_year_reports_results_cover_the_whole_year():
    text = ("岚江市2024年政府工作报告\n\n一、2023年工作回顾\n"
            "全市地区生产总值增长5.4%。年初以来，规模以上工业增加值增长7.2%。\n二、2024年工作安排\n全市上下要奋发有为。\n")
    assert [(a.year, a.period) for a in extract_text(text).actuals] == [(2023, None)]


# ---------------------------------------------------------------- bulletins' results

def test_signed_figures_per_mille_rates_and_indices():
    text = ("2023年荆州市国民经济和社会发展统计公报\n一、综合\n"
            "全年第二产业增加值增长-0.5%。全年出生率为6.12‰，人口自然增长率为-1.35‰。\n"
            "全市居民消费价格总指数为101.2，食品类价格指数为99.6%。\n")
    a = {(x.name, x.measure): x for x in extract_text(text).actuals}
    assert a[("第二产业增加值", "growth")].value == Decimal("-0.5")
    assert a[("出生率", "share")].value == Decimal("6.12")
    assert a[("人口自然增长率", "share")].value == Decimal("-1.35")
    assert a[("居民消费价格总指数", "level")].value == Decimal("101.2")
    assert a[("食品类价格指数", "level")].value == Decimal("99.6")


def test_per_mille_rates_written_in_words_are_shares_signed_as_printed():
    text = ("2023年荆州市国民经济和社会发展统计公报\n一、综合\n"
            "全年出生人口3.2万人，出生率为千分之五点四；死亡率为千分之七；人口自然增长率为负千分之一点六。\n")
    a = {(x.name, x.measure): (x.value, x.unit) for x in extract_text(text).actuals}
    assert a[("出生率", "share")] == (Decimal("5.4"), "‰")
    assert a[("死亡率", "share")] == (Decimal("7"), "‰")
    assert a[("人口自然增长率", "share")] == (Decimal("-1.6"), "‰")


def test_points_in_a_list_headlines_and_footnote_markers():
    text = ("2023年荆州市统计公报：GDP增长5.1%\n荆州市统计局\n2024年3月1日\n一、综合\n"
            "初步核算，全市地区生产总值（GDP）[1]1200.5亿元，比上年增长5.1%。三次产业分别拉动增长0.3个、2.0个和2.8个百分点。\n")
    e = extract_text(text)
    names = {(a.name, a.measure) for a in e.actuals}
    assert names == {("地区生产总值（GDP）", "level"), ("地区生产总值（GDP）", "growth")}  # no GDP headline, no points


def test_breakdowns_shared_heads_and_continued_estimates():
    text = ("2023年荆州市国民经济和社会发展统计公报\n一、综合\n"
            "初步核算，全年地区生产总值1200.5亿元，增长5.1%。其中，第一产业增加值98.2亿元，增长3.0%。\n"
            "全年居民消费价格上涨0.5%，其中城市上涨0.4%，农村上涨0.7%。\n"
            "全年规模以上工业企业营业收入2100.3亿元，增长4.2%；利润总额120.6亿元，下降2.1%。\n"
            "分经济类型看，国有企业增长3.1%。\n")
    a = _actuals(extract_text(text))
    assert a[(2023, None, "第一产业增加值", "level")].estimated  # 其中 continues the 初步核算 sentence
    assert not a[(2023, None, "规模以上工业企业营业收入", "level")].estimated
    assert a[(2023, "居民消费价格", "城市", "growth")].value == Decimal("0.4")
    assert a[(2023, "居民消费价格", "农村", "growth")].value == Decimal("0.7")
    assert a[(2023, None, "规模以上工业企业利润总额", "growth")].value == Decimal("-2.1")
    assert (2023, "规模以上工业企业利润总额", "国有企业", "growth") in a


def test_a_rate_printed_bare_and_a_change_against_the_start_of_the_year():
    text = ("2023年荆州市国民经济和社会发展统计公报\n一、综合\n"
            "亿元地区生产总值生产安全事故死亡率为0.018。年末金融机构各项存款余额3000.5亿元，比年初增加200.1亿元，增长7.1%。\n")
    a = _actuals(extract_text(text))
    assert a[(2023, None, "亿元地区生产总值生产安全事故死亡率", "level")].value == Decimal("0.018")
    growth = a[(2023, None, "年末金融机构各项存款余额", "growth")]
    assert growth.value == Decimal("7.1") and growth.text == "增长7.1%"


# ---------------------------------------------------------------- tables of every kind

RESULTS_TABLES = """2023年荆州市国民经济和社会发展统计公报
一、综合
全年居民消费价格比上年上涨0.5%。
表1　2023年居民消费价格比上年涨跌幅度
指标	比上年涨跌（%）
居民消费价格	0.5
食品烟酒	-1.1
衣着	0.9
二、农业
表2　2023年主要农产品产量
产品名称 | 单位 | 产量 | 比上年增长(%) |
粮食 | 万吨 | 81.2 | 1.3 |
油料 | 万吨 | 5.6 | -2.0 |
全年农林牧渔业总产值310.2亿元，增长4.1%。
三、人口
表3　2023年末常住人口及其构成
指标
年末数（万人）
比重（%）
年末常住人口
320.5
100.0
其中：城镇
190.1
59.3
0-14岁
50.2
15.7
全年城镇新增就业3.1万人。
"""


def test_results_tables_in_every_layout_and_the_text_after_them():
    a = _actuals(extract_text(RESULTS_TABLES))
    # a table whose title names its total: the rows under it are its parts; the total restated once
    assert a[(2023, "居民消费价格", "食品烟酒", "growth")].value == Decimal("-1.1")
    assert [k for k in a if k[2] == "居民消费价格"] == [(2023, None, "居民消费价格", "growth")]
    # output by product in | pipes: a level in the row's unit, growth in %
    assert (a[(2023, None, "粮食", "level")].unit, a[(2023, None, "粮食", "growth")].value) == ("万吨", Decimal("1.3"))
    assert a[(2023, None, "油料", "growth")].value == Decimal("-2.0")
    # one cell per line, units in the header, a first row of share 100 is the total
    assert a[(2023, "年末常住人口", "城镇", "level")].unit == "万人"
    assert a[(2023, "年末常住人口", "0-14岁", "share")].value == Decimal("15.7")
    # the text after each table is read as text
    assert a[(2023, None, "农林牧渔业总产值", "level")].value == Decimal("310.2")
    assert a[(2023, None, "城镇新增就业", "level")].value == Decimal("3.1")


COMPLETION = """关于荆州市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
——2024年1月8日在荆州市第九届人民代表大会第三次会议上
一、2023年计划执行情况
主要指标完成情况见下表。
序号	指标	单位	2023年目标	2023年完成	属性
1	地区生产总值增长	%	6左右	5.4	预期性
2	城镇新增就业	万人	3.5	3.8（预计）	预期性
3	单位地区生产总值能耗降低	%	完成省下达任务	完成	约束性
全年外贸进出口总额210亿元，完成年计划240亿元的87.5%；实际使用外资3.2亿美元，比年初目标（4亿美元）少0.8亿美元。
二、2024年主要目标
2024年全市经济社会发展主要预期目标是：地区生产总值增长5.5%左右。
"""


def test_a_completion_table_gives_last_years_targets_and_results_and_the_text_after_it_is_read():
    e = extract_text(COMPLETION)
    t = _targets(e)
    gdp = t[(2023, "地区生产总值增长")]
    assert (gdp.seq, gdp.value, gdp.comparator, gdp.attribute, gdp.source) == ("1", Decimal("6"), "~", "anticipatory", "table")
    assert t[(2023, "单位地区生产总值能耗降低")].kind == "assigned"
    a = _actuals(e)
    assert a[(2023, None, "地区生产总值增长", "growth")].value == Decimal("5.4")
    jobs = a[(2023, None, "城镇新增就业", "level")]
    assert (jobs.value, jobs.unit, jobs.estimated, jobs.text) == (Decimal("3.8"), "万人", True, "3.8（预计）")
    assert not any(x.name == "单位地区生产总值能耗降低" for x in e.actuals)  # 完成: no figure
    # plans quoted beside results after the table, and next year's targets in prose
    assert t[(2023, "外贸进出口总额")].text == "年计划240亿元"
    assert t[(2023, "实际使用外资")].value == Decimal("4")
    assert a[(2023, None, "外贸进出口总额", "level")].value == Decimal("210")
    assert not any(x.value in (Decimal("87.5"), Decimal("0.8")) for x in e.actuals)
    assert t[(2024, "地区生产总值")].text == "增长5.5%左右"


def test_a_two_row_header_in_a_real_html_table(tmp_path):
    html = ("<html><head><meta charset='utf-8'><title>关于荆州市2022年国民经济和社会发展计划执行情况及2023年计划草案的报告</title></head>"
            "<body><div class='article'><p>关于荆州市2022年国民经济和社会发展计划执行情况及2023年计划草案的报告</p>"
            "<p>一、2022年计划执行情况</p><p>2022年主要指标计划执行情况</p><table>"
            "<tr><td rowspan='2'>指标名称</td><td rowspan='2'>单位</td><td colspan='2'>2022年计划</td><td colspan='2'>2022年实绩</td></tr>"
            "<tr><td>绝对值</td><td>增速（%）</td><td>绝对值</td><td>增速（%）</td></tr>"
            "<tr><td>地区生产总值</td><td>亿元</td><td>2100</td><td>6.5</td><td>2050.3</td><td>4.9</td></tr>"
            "<tr><td>规模以上工业增加值</td><td>亿元</td><td>—</td><td>8</td><td>—</td><td>6.1</td></tr>"
            "</table><p>全年粮食产量达到80.5万吨。</p></div></body></html>")
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    e = extract_file(path)
    t = _targets(e)
    assert t[(2022, "地区生产总值")].value == Decimal("2100") and t[(2022, "地区生产总值")].unit == "亿元"
    assert t[(2022, "地区生产总值增速")].unit == "%" and t[(2022, "规模以上工业增加值增速")].value == Decimal("8")
    a = _actuals(e)
    assert a[(2022, None, "地区生产总值", "level")].value == Decimal("2050.3")
    assert a[(2022, None, "地区生产总值", "growth")].value == Decimal("4.9")
    assert a[(2022, None, "规模以上工业增加值", "growth")].value == Decimal("6.1")
    assert a[(2022, None, "粮食产量", "level")].value == Decimal("80.5")


def test_the_plan_years_columns_under_one_header_are_all_targets(tmp_path):
    # "2025年" over "目标 | 增长（%）" in the 2025 plan: the growth column is a target too, not a result
    html = ("<html><head><meta charset='utf-8'></head><body><h1>某市人民政府关于印发某市2025年国民经济和社会发展计划的通知</h1>"
            "<p>现将《某市2025年国民经济和社会发展计划》印发给你们，请认真贯彻执行。</p><p>某市2025年主要指标</p><table>"
            "<tr><td rowspan='2'>指标名称</td><td rowspan='2'>单位</td><td colspan='2'>2025年</td></tr>"
            "<tr><td>目标</td><td>增长（%）</td></tr>"
            "<tr><td>地区生产总值</td><td>亿元</td><td>6200</td><td>6左右</td></tr>"
            "<tr><td>规模以上工业增加值</td><td>亿元</td><td>—</td><td>7</td></tr>"
            "</table></body></html>")
    path = tmp_path / "plan.html"
    path.write_text(html, encoding="utf-8")
    e = extract_file(path)
    t = _targets(e)
    assert t[(2025, "地区生产总值")].value == Decimal("6200")
    assert t[(2025, "地区生产总值增速")].text == "6左右" and t[(2025, "规模以上工业增加值增速")].value == Decimal("7")
    assert e.actuals == []


FIVE_YEAR_TABLE = """荆州市国民经济和社会发展第十四个五年规划纲要
第三章　主要目标
类别	序号	指标	单位	2020年	2025年	年均增长［累计］	属性
经济发展	1	地区生产总值增长	%	3.1	—	6左右	预期性
	2	居民人均可支配收入	元	30500	42000	6.6	预期性
	3	常住人口城镇化率	%	55.2	60	［4.8］	预期性
	4	城镇新增就业	万人	—	—	［20］	预期性
注：2020年数据为预计数；［］内为五年累计数。
"""


def test_a_five_year_table_gives_base_values_end_year_targets_and_averages():
    e = extract_text(FIVE_YEAR_TABLE)
    t = _targets(e)
    assert (t[(2025, "地区生产总值增长")].value, t[(2025, "地区生产总值增长")].category) == (Decimal("6"), "经济发展")
    assert t[(2025, "居民人均可支配收入")].value == Decimal("42000")
    assert t[(2025, "居民人均可支配收入年均增长")].unit == "%"  # the row's average, a target of its own
    assert t[(2025, "城镇新增就业")].value == Decimal("20")  # a five-year sum is the row's target
    assert (2025, "常住人口城镇化率年均增长") not in t  # ［4.8］ beside the end-year figure: left out
    assert all(x.attribute == "anticipatory" for x in e.targets)
    a = _actuals(e)
    base = a[(2020, None, "居民人均可支配收入", "level")]
    assert (base.value, base.estimated) == (Decimal("30500"), True)  # the note marks 2020's figures as estimates
    assert a[(2020, None, "地区生产总值增长", "growth")].value == Decimal("3.1")


# ---------------------------------------------------------------- five-year digests and reports

def test_goals_for_five_years_ahead_and_their_summaries():
    text = ("2021年7月28日，市委书记代表市委作报告，提出通过五年的努力奋斗，实现“三个提升”。\n"
            "报告指出，具体目标为：\n"
            "一是经济实力明显提升。全市生产总值突破300亿元，年均增长8%。\n"
            "二是城市品质明显提升。城市功能不断优化，常住人口城镇化率达到60%左右。\n")
    e = extract_text(text)
    years = {t.year for t in e.targets}
    names = {t.name for t in e.targets}
    assert "经济实力" not in names and "城市品质" not in names  # an item's summary heads it
    assert "城市功能" not in names  # an aim on a capacity, no indicator
    assert {"生产总值", "常住人口城镇化率"} <= names
    assert [x.text for x in e.targets if x.name == "生产总值"] == ["突破300亿元", "年均增长8%"]
    assert (e.document.plan_year, years) == (2021, {2025})  # five years ahead of the year it was said


@pytest.mark.parametrize("opener", ["——", "一是", "●"])
def test_an_items_summary_sentence_heads_its_targets_whatever_opens_the_item(opener):
    """An item's first sentence, without a figure and with its targets after it, sums the item up
    (an outline's goal groups: "——生态环境持续改善。森林覆盖率…"); an item of one sentence is a target."""
    text = ("松阳县国民经济和社会发展第十四个五年规划纲要\n\n“十四五”时期经济社会发展主要目标是：\n\n"
            f"{opener}生态环境持续改善。森林覆盖率保持在80%，地表水达到或好于Ⅲ类水体比例达到100%。\n\n"
            f"{opener}居民收入稳步增长。\n")
    names = [(t.name, t.text) for t in extract_text(text).targets]
    assert names == [("森林覆盖率", "保持在80%"), ("地表水达到或好于Ⅲ类水体比例", "达到100%"), ("居民收入", "稳步增长")]


def test_narrative_and_quoted_names_state_no_targets_in_an_outline():
    text = ("荆州市国民经济和社会发展第十四个五年规划纲要\n"
            "第一章　总体要求\n"
            "1月20日，市八届人大五次会议以98.6%的赞成率审查通过了《纲要》。\n"
            "打造21世纪海上丝路节点城市，引进“三类500强”企业5家，力争港口吞吐量超2000万吨。\n")
    t = [(x.name, x.text) for x in extract_text(text).targets]
    assert t == [("引进“三类500强”企业", "5家"), ("港口吞吐量", "超2000万吨")]
    assert extract_text(text).targets[1].comparator == ">"


def test_a_bare_year_column_under_a_unit_line_and_a_title_saying_what_the_figures_are():
    text = ("2023年荆州市国民经济和社会发展统计公报\n一、综合\n全年居民消费价格上涨0.4%。\n"
            "表1　2023年居民消费价格比上年涨跌幅度\n单位：% | |\n指标 | 2023年 |\n居民消费价格 | 0.4 |\n"
            "一、食品烟酒 | -0.8 |\n其中：粮食 | 0.6 |\n二、衣着 | 1.2 |\n")
    a = _actuals(extract_text(text))
    assert a[(2023, "居民消费价格", "食品烟酒", "growth")].value == Decimal("-0.8")  # numbering dropped
    assert a[(2023, "居民消费价格", "粮食", "growth")].unit == "%"  # from 单位：% above the header
    assert (2023, "居民消费价格", "衣着", "growth") in a


def test_year_to_date_and_full_year_figures_of_one_row_are_two_results():
    text = (PROGRESS.split("二、")[0] + "表1　2024年民生指标执行情况\n"
            "指标 | 单位 | 年度目标 | 1—9月完成 | 预计全年 |\n城镇调查失业率 | % | 5.5以内 | 5.2 | 5.2左右 |\n")
    e = extract_text(text)
    rate = sorted((a.period or "", a.estimated, a.comparator) for a in e.actuals if a.name == "城镇调查失业率")
    assert rate == [("", True, "~"), ("2024-01/2024-09", False, "=")]
    assert _targets(e)[(2024, "城镇调查失业率")].comparator == "<="


def test_a_figure_the_text_rounds_is_listed_once_as_the_table_prints_it():
    text = ("荆州市国民经济和社会发展第十四个五年规划纲要\n表1　“十三五”时期主要指标\n"
            "指标 | 2015年完成 | 2020年完成 | “十三五”年均增长(%) |\n人均地区生产总值(元) | 62310 | 89560 | 7.5 |\n"
            "“十三五”时期，人均地区生产总值达到8.96万元，年均增长7.5%。\n")
    got = [(a.year, a.measure, a.value, a.unit) for a in extract_text(text).actuals if a.name == "人均地区生产总值"]
    assert sorted(got) == [(2015, "level", Decimal("62310"), "元"), (2020, "growth", Decimal("7.5"), "%"),
                           (2020, "level", Decimal("89560"), "元")]


@pytest.mark.parametrize("phrase, kind", [("高于全国平均水平0.5个百分点以上", "relative"), ("保持上年水平", "directional"),
                                          ("高于全国平均水平", "relative")])
def test_gaps_against_a_reference_and_last_years_level(phrase, kind):
    from zhibiao.extract.grammar import parse_target

    p = parse_target(phrase)
    assert (p.kind, p.value) == (kind, None)


def test_a_report_handed_in_writing_is_dated_by_the_news():
    text = ("1月10日，省发展和改革委员会受省政府委托，以书面形式向省第十四届人民代表大会第三次会议作《关于湖北省2024年国民经济"
            "和社会发展计划执行情况与2025年计划草案的报告》。\n报告提出2025年主要预期目标：地区生产总值增长5.5%左右。\n")
    d = extract_text(text).document
    assert (d.doc_type, d.plan_year, d.issued_on) == ("plan_report", 2025, "2025-01-10")


def test_a_digest_s_headline_a_direction_before_its_object_and_aims_on_the_economy():
    text = ("荆州力争2025年GDP达5000亿元\n来源：荆州日报\n"
            "《荆州市国民经济和社会发展第十四个五年规划纲要》近日印发。《纲要》提出“十四五”期间要大幅提高常住人口城镇化率、大幅提高中等收入群体，"
            "到2025年，全市GDP总量达5000亿元。\n保持经济平稳较快增长，质量效益明显提升。\n")
    t = [(x.name, x.text, x.kind) for x in extract_text(text).targets]
    assert t == [("常住人口城镇化率", "大幅提高", "directional"), ("GDP总量", "达5000亿元", "numeric")]


# ---------------------------------------------------------------- bilingual pages

BILINGUAL = (
    "<html><head><meta charset='utf-8'><title>青溪市2026年政府工作报告摘要（双语）Summary of the Qingxi Work Report</title></head>"
    "<body><div class='article'><h2>青溪市2026年政府工作报告摘要（双语）<br><span>Summary of the Qingxi Work Report</span></h2>"
    "<p>2月3日，青溪市第九届人民代表大会第四次会议开幕。</p>"
    "<p>2025年，全市税收收入88.2亿元，增长4.9%；社会消费品零售总额312亿元，增长6.4%。</p>"
    "<p><i>In 2025, tax revenue rose 4.9% to 8.82 billion yuan; retail sales of consumer goods grew by 6.4%.</i></p>"
    "<h3>2026年主要预期目标 Key Goals for 2026</h3>"
    "<p>今年全市经济社会发展的主要预期目标是：税收收入（Tax Revenue）增长4%（up 4%）；"
    "城镇新增就业1.2万人(12,000+ jobs)；PM2.5平均浓度控制在28微克/立方米以内。</p>"
    "<p><i>This year we aim at tax revenue growth of 4% and over 12,000 new urban jobs.</i></p>"
    "<p>新建中小学校6所。</p><p><i>We will build 6 primary and secondary schools and add 450 hospital beds.</i></p>"
    "</div></body></html>")


def test_the_english_of_a_bilingual_page_states_nothing(tmp_path):
    # each paragraph followed by its translation, glosses in brackets: the English names nothing, sets no
    # target, tells no result and no task (its figures are the Chinese ones'), and a heading's English half
    # (…for 2026) is no target of 2026; the title keeps its Chinese half
    path = tmp_path / "summary.html"
    path.write_text(BILINGUAL, encoding="utf-8")
    e = extract_file(path)
    assert e.document.title == "青溪市2026年政府工作报告摘要（双语）"
    assert [(t.name, t.text, t.value) for t in e.targets] == [
        ("税收收入", "增长4%", Decimal(4)), ("城镇新增就业", "1.2万人", Decimal("1.2")),
        ("PM2.5平均浓度", "控制在28微克/立方米以内", Decimal(28))]
    assert [(a.name, a.value) for a in e.actuals] == [
        ("税收收入", Decimal("88.2")), ("税收收入", Decimal("4.9")), ("社会消费品零售总额", Decimal(312)),
        ("社会消费品零售总额", Decimal("6.4"))]
    assert [(c.metric, c.value) for c in e.commitments] == [("新建中小学校", Decimal(6))]


@pytest.mark.parametrize("text", [
    "全市GDP增长5%，CPI上涨2%，PM2.5平均浓度30微克/立方米，发电量12亿kWh，化学需氧量（mg/L）下降3%，二氧化硫排放浓度降至35mg/m3以下。",
    "建成5G基站1200个，政务App注册用户达到120万，公共场所免费Wi-Fi覆盖率达到95%。",
    "指标\t2026年\nGross output value\t120\n",  # a table's cells: the table's reader's
])
def test_latin_letters_of_chinese_prose_stay(text):
    # abbreviations, units and a single brand word are the Chinese text's own: nothing blanked
    assert without_latin_prose(text, ((0, len(text)),) if "\t" in text else ()) == text


def test_a_headline_stating_a_target_never_dates_the_plan_after_its_year():
    # no title's words (目标定为…), no date: the year its headline names is the plan year, and the years the
    # text names after it are its review's (2025年… → 2026), never a later one
    doc = extract_text("青禾2026年经济增长目标定为5.5%左右\n\n青禾县第九届人民代表大会第五次会议开幕。"
                       "今年全县地区生产总值增长5.5%左右。2025年全县地区生产总值增长5.1%。\n")
    assert doc.document.plan_year == 2026
    assert [(t.value, t.year) for t in doc.targets if t.value == Decimal("5.5")][:1] == [(Decimal("5.5"), 2026)]
    # a first line that is a sentence (a clause: no headline) reads as the review it is
    doc = extract_text("2025年，青禾县地区生产总值增长5.1%，城镇新增就业2万人。\n各位代表，今年全县要稳中求进。\n")
    assert (doc.document.doc_type, doc.document.plan_year) == ("work_report", 2026)


def test_a_news_item_naming_several_cities_alike_takes_none_of_them_as_its_region():
    # (the first named is no more the text's own than the others: none, with a warning)
    doc = extract_text("多地公布2026年经济目标\n记者梳理发现，淄博市提出今年地区生产总值增长5%以上，东营市提出增长5.5%左右。"
                       "2025年，淄博地区生产总值增长5.2%，东营增长5.4%。\n")
    assert doc.document.region is None
    assert "the region could not be established from the document: listed for review" in doc.warnings
    assert doc.targets == []  # (淄博市提出今年…: a city setting its own figure, no report of the document quoted)
    # one of them named more than the other is the text's
    doc = extract_text("淄博2026年经济目标公布\n记者获悉，淄博市提出今年地区生产总值增长5%以上，东营市提出增长5.5%左右。"
                       "2025年，淄博地区生产总值增长5.2%。\n")
    assert doc.document.region is not None and doc.document.region.name == "淄博市"

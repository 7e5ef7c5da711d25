"""Rules found by red team 37 (documents the project had never seen), each on a small text of our own."""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text

OUTLINE = ("某某省国民经济和社会发展第十五个五年规划纲要\n第三章 主要目标\n专栏1 主要指标\n"
           "类别\t指标\t2025年\t2030年\t属性\n经济发展\t常住人口城镇化率（%）\t60.2\t65\t{a}\n"
           "绿色生态\t森林覆盖率（%）\t41.5\t42\t{b}\n")


@pytest.mark.parametrize("a, b", [("【预期性】", "【约束性】"), ("［预期性］", "〔约束性〕"), ("预期性", "约束性")])
def test_an_attribute_cell_in_brackets_is_the_attribute(a, b):
    targets = extract_text(OUTLINE.format(a=a, b=b)).targets
    assert [(t.name, t.attribute) for t in targets] == [("常住人口城镇化率", "anticipatory"), ("森林覆盖率", "binding")]


NOTED = ("某市人民政府关于印发某市2027年国民经济和社会发展计划的通知\n某市2027年主要预期目标\n"
         "序号\t指标名称\t单位\t2027年目标\t备注\n1\t地区生产总值增长\t%\t6左右\t力争更好结果\n"
         "2\t一般公共预算收入增长\t%\t4.5\t同口径\n3\t单位地区生产总值能耗降低\t%\t完成省下达目标任务\t{note}\n")


@pytest.mark.parametrize("note", ["约束性指标", "约束性"])
def test_a_remarks_column_gives_no_name_and_no_target_but_its_attribute(note):
    e = extract_text(NOTED.format(note=note))
    assert [(t.name, t.text, t.attribute) for t in e.targets] == [
        ("地区生产总值增长", "6左右", None), ("一般公共预算收入增长", "4.5", None),
        ("单位地区生产总值能耗降低", "完成省下达目标任务", "binding")]
    assert not [w for w in e.warnings if "同口径" in w or "力争更好结果" in w]


REVIEW = ("某某市政府工作报告\n——2026年1月16日在某某市第九届人民代表大会第五次会议上\n各位代表：\n"
          "一、过去两年工作回顾\n{s}\n")


@pytest.mark.parametrize("s", ["2024年和2025年，全市地区生产总值分别增长5.6%和5.4%。",
                               "2024年、2025年，全市地区生产总值分别增长5.6%、5.4%。",
                               "2024年、2025年全市地区生产总值分别增长5.6%、5.4%。",  # (no comma: the list leads the name)
                               "全市地区生产总值2024年和2025年分别增长5.6%和5.4%。"])  # (the list after the name)
def test_a_list_of_years_before_a_series_gives_each_figure_its_year(s):
    assert [(a.year, a.name, str(a.value)) for a in extract_text(REVIEW.format(s=s)).actuals] == [
        (2024, "地区生产总值", "5.6"), (2025, "地区生产总值", "5.4")]


def test_a_list_of_years_reaching_the_plan_year_dates_no_result_after_the_review():
    # (2026 is the plan year: the list is no run of results)
    s = "2025年和2026年，全市地区生产总值分别增长5.4%和6%。"
    assert 2026 not in [a.year for a in extract_text(REVIEW.format(s=s)).actuals]


def test_a_single_year_before_a_series_dates_each_figure_by_it():
    s = "2025年，全市地区生产总值和一般公共预算收入分别增长5.4%和3.1%。"
    assert [(a.year, a.name) for a in extract_text(REVIEW.format(s=s)).actuals] == [
        (2025, "地区生产总值"), (2025, "一般公共预算收入")]


@pytest.mark.parametrize("total", ["总额", "规模"])
def test_a_bare_total_after_a_name_is_that_names_amount(total):
    text = ("某市政府工作报告\n各位代表：\n今年全市经济社会发展主要预期目标是：社会消费品零售总额增长6%，"
            f"{total}达到1800亿元；城镇新增就业3万人。\n")
    assert [(t.name, t.text) for t in extract_text(text).targets] == [
        ("社会消费品零售总额", "增长6%"), ("社会消费品零售总额", "达到1800亿元"), ("城镇新增就业", "3万人")]


def test_a_congress_resolution_is_titled_by_its_first_line():
    title = "某某省第十四届人民代表大会第五次会议关于某某省2026年国民经济和社会发展计划执行情况与2027年国民经济和社会发展计划的决议"
    text = (f"{title}\n（2027年1月26日某某省第十四届人民代表大会第五次会议通过）\n"
            "会议审查了省人民政府提出的《某某省2026年国民经济和社会发展计划执行情况与2027年国民经济和社会发展计划草案》，"
            "会议决定，批准《某某省2027年国民经济和社会发展计划》。\n")
    d = extract_text(text).document
    assert (d.title, d.doc_type, d.plan_year) == (title, "other", 2027)


@pytest.mark.parametrize("body", ["某某市人民政府办公室", "某某省人民政府办公厅"])
def test_an_office_under_a_title_is_the_issuer_on_a_line_of_its_own(body):
    title = "某某市推动制造业高质量发展三年行动方案（2026—2028年）主要指标"
    text = f"{title}\n\n{body}\n\n2027年2月20日\n\n为加快建设先进制造业基地，制定本方案主要指标如下。\n"
    d = extract_text(text).document
    assert (d.title, d.issuer, d.issued_on) == (title, body, "2027-02-20")


def test_listed_years_are_the_last_time_the_words_name_and_rise():
    from zhibiao.extract.scope import listed_years

    assert listed_years("2024年、2025年，全市地区生产总值") == [2024, 2025]
    assert listed_years("2023、2024和2025年全市") == [2023, 2024, 2025]
    assert listed_years("2024年和2025年两年间，2025年全市") is None  # (a year after the list)
    assert listed_years("2025年和2024年") is None
    assert listed_years("2025年全市") is None


@pytest.mark.parametrize("sep", ["\t", " "])
def test_an_attribute_cell_in_brackets_in_a_one_year_targets_table(sep):
    rows = ["某市2027年主要预期目标", "序号 指标名称 单位 2027年目标 属性", "1 地区生产总值增长 % 6左右 【预期性】",
            "2 单位地区生产总值能耗降低 % 3 [约束性]", "3 森林覆盖率 % 45 〔约束性〕", "4 粮食产量 万吨 30 （约束性）"]
    text = "\n".join([rows[0]] + [r.replace(" ", sep) for r in rows[1:]]) + "\n"
    assert [(t.name, t.attribute) for t in extract_text(text).targets] == [
        ("地区生产总值增长", "anticipatory"), ("单位地区生产总值能耗降低", "binding"), ("森林覆盖率", "binding"),
        ("粮食产量", "binding")]


def test_a_month_on_a_line_of_its_own_dates_an_outlines_evaluation():
    text = ("某某市国民经济和社会发展第十五个五年规划纲要实施中期评估报告\n某某市发展和改革委员会\n2028年9月\n"
            "一、主要指标完成情况\n2026年和2027年，全市地区生产总值分别增长5.6%和5.4%。\n")
    e = extract_text(text)
    assert e.document.plan_year == 2028
    assert [(a.year, str(a.value)) for a in e.actuals] == [(2026, "5.6"), (2027, "5.4")]


def test_a_footnote_number_after_a_tables_name_is_no_part_of_it():
    text = ("某某市2026年国民经济和社会发展统计公报\n某某市统计局\n2027年3月18日\n表1 2026年全市主要经济指标\n"
            "指标\t单位\t绝对数\t比上年增长（%）\n固定资产投资[2]\t—\t—\t4.3\n社会消费品零售总额【3】\t亿元\t2176.92\t5.8\n"
            "注释：\n[2]固定资产投资统计起点为计划总投资500万元及以上的项目。\n")
    assert sorted({a.name for a in extract_text(text).actuals}) == ["固定资产投资", "社会消费品零售总额"]


@pytest.mark.parametrize("printed, value, unit", [("二十一点三亿元", "21.3", "亿元"), ("一点二万人", "1.2", "万人")])
def test_a_chinese_decimal_before_its_magnitude_is_read(printed, value, unit):
    text = ("某县政府工作报告\n——2027年1月9日在某县第十八届人民代表大会第四次会议上\n各位代表：\n一、2026年工作回顾\n"
            f"过去一年，全县一般公共预算收入完成{printed}。\n")
    assert [(str(a.value), a.unit) for a in extract_text(text).actuals] == [(value, unit)]


def test_a_chinese_decimal_point_without_digits_before_a_magnitude_is_no_number():
    from zhibiao.extract.numbers import NumberError, parse_chinese

    with pytest.raises(NumberError):
        parse_chinese("三点万")


@pytest.mark.parametrize("title, doc_type", [
    ("关于某某市2026年预算执行情况和2027年预算草案的报告", "other"),
    ("关于某某市2026年全市和市级预算执行情况与2027年收支安排草案的报告", "other"),
    ("关于某某市2026年财政收支执行情况与2027年全市预算草案的报告", "other"),
    ("关于某某市2026年国民经济和社会发展计划执行情况与2027年计划草案的报告", "plan_report")])
def test_a_budget_report_is_no_plan_report(title, doc_type):
    text = (f"{title}\n——2027年1月10日在某某市第十七届人民代表大会第六次会议上\n各位代表：\n"
            "一、2026年执行情况\n2026年，全市一般公共预算收入完成38.62亿元，增长4.1%。\n")
    assert extract_text(text).document.doc_type == doc_type


@pytest.mark.parametrize("name, indicator", [("R&D经费投入强度", "rd_intensity"), ("优良天数比率", "good_air_days_share"),
                                             ("优良天数比例", "good_air_days_share")])
def test_a_plan_reports_short_names_are_the_catalogues(name, indicator):
    text = f"某市2028年国民经济和社会发展计划\n2028年全市主要预期目标：{name}达到3%；城镇新增就业3万人。\n"
    assert extract_text(text).targets[0].indicator == indicator

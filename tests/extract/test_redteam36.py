"""Rules found by red team 36 (documents the project had never seen), each on a small text of our own."""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text

FIVE_THEN_YEAR = ("政府工作报告\n——2026年1月16日在某某市第九届人民代表大会第五次会议上\n各位代表：\n"
                  "一、2025年工作回顾\n全市地区生产总值增长5.7%。\n二、“十五五”时期主要目标\n"
                  "今后五年，全市经济社会发展的主要目标是：地区生产总值年均增长6%左右；常住人口城镇化率达到68%。\n")


def target_years(text: str) -> list[tuple]:
    return [(t.year, t.name, t.text) for t in extract_text(text).targets]


def test_this_years_list_after_the_five_year_goals_is_this_years():
    # (no heading between: the paragraph after the five-year goals)
    text = FIVE_THEN_YEAR + ("今年全市经济社会发展的主要预期目标是：规模以上工业增加值增长7.5%；"
                             "社会消费品零售总额增长5%。\n")
    assert target_years(text) == [(2030, "地区生产总值", "年均增长6%左右"), (2030, "常住人口城镇化率", "达到68%"),
                                  (2026, "规模以上工业增加值", "增长7.5%"), (2026, "社会消费品零售总额", "增长5%")]


def test_a_parts_heading_closes_the_five_year_goals_before_it():
    text = FIVE_THEN_YEAR + ("三、2026年工作安排\n全市经济社会发展的主要预期目标是：规模以上工业增加值增长7.5%；"
                             "社会消费品零售总额增长5%。\n")
    assert target_years(text)[2:] == [(2026, "规模以上工业增加值", "增长7.5%"), (2026, "社会消费品零售总额", "增长5%")]


def test_a_preliminary_account_between_a_name_and_its_figure_is_no_part_of_the_name():
    text = ("某某市政府工作报告\n各位代表：\n一、2025年工作回顾\n"
            "过去一年，全市地区生产总值初步核算达到3120亿元，增长5.2%；居民人均可支配收入初步统计为41260元。\n")
    assert [(a.name, a.text, a.estimated) for a in extract_text(text).actuals] == [
        ("地区生产总值", "达到3120亿元", True), ("地区生产总值", "增长5.2%", True), ("居民人均可支配收入", "为41260元", True)]


@pytest.mark.parametrize("title", ["某某市2026年国民经济和社会发展计划主要指标", "某某县2026年经济社会发展主要预期目标",
                                   "某某市2026年国民经济和社会发展主要目标"])
def test_a_title_naming_the_years_plan_targets_is_the_plan(title):
    text = f"{title}\n某某市发展和改革委员会\n2026年2月6日\n2026年全市主要目标：地区生产总值增长6%左右；城镇新增就业3万人。\n"
    assert extract_text(text).document.doc_type == "plan_notice"


def test_a_title_naming_the_targets_done_is_no_plan():
    text = "某某市2025年经济社会发展主要目标完成情况\n某某市统计局\n2026年1月20日\n全市地区生产总值增长5.8%。\n"
    assert extract_text(text).document.doc_type != "plan_notice"


def test_a_days_date_on_a_bodys_line_under_a_targets_heading_is_no_figure():
    text = ("某某市2026年经济社会发展主要预期目标\n\n某某市发展和改革委员会2026年2月8日\n\n"
            "类别\t指标\t单位\t2026年目标\n经济发展\t地区生产总值增长\t%\t6.5左右\n")
    assert [(t.name, t.text) for t in extract_text(text).targets] == [("地区生产总值增长", "6.5左右")]


def test_a_bodys_line_with_its_date_is_a_line_of_its_own_under_the_title():
    text = "某某市2026年经济社会发展主要预期目标\n某某市发展和改革委员会　2026年2月8日\n\n地区生产总值增长6%左右。\n"
    d = extract_text(text).document
    assert (d.title, d.issuer, d.issued_on) == ("某某市2026年经济社会发展主要预期目标", "某某市发展和改革委员会", "2026-02-08")


COMPLETION = ("关于某某市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"
              "一、2025年计划执行情况\n序号\t指标\t单位\t2025年计划\t2025年完成\t2026年目标\n"
              "1\t地区生产总值增长\t%\t6左右\t6.2\t6左右\n2\t居民人均可支配收入增长\t%\t6\t5.9（预计）\t6\n")


@pytest.mark.parametrize("mark", ["带", "标有", "标注"])
def test_a_note_on_the_figures_marked_as_estimates_marks_those_alone(mark):
    text = COMPLETION + f"注：{mark}“预计”的为预计数。\n"
    assert [(a.name, a.estimated) for a in extract_text(text).actuals] == [
        ("地区生产总值增长", False), ("居民人均可支配收入增长", True)]


def test_a_note_on_the_tables_figures_as_estimates_marks_them_all():
    text = COMPLETION + "注：2025年完成数为预计数。\n"
    assert [(a.name, a.estimated) for a in extract_text(text).actuals] == [
        ("地区生产总值增长", True), ("居民人均可支配收入增长", True)]


def test_a_worded_target_in_the_table_and_again_in_the_text_is_one_target():
    text = (COMPLETION + "3\t单位地区生产总值能耗降低\t%\t完成省下达目标\t3.2\t完成省下达目标\n"
            "二、2026年主要目标\n2026年主要预期目标建议如下：地区生产总值增长6%左右；单位地区生产总值能耗降低完成省下达目标。\n")
    assert [(t.year, t.name, t.text, t.source) for t in extract_text(text).targets if t.kind == "assigned"] == [
        (2025, "单位地区生产总值能耗降低", "完成省下达目标", "table"), (2026, "单位地区生产总值能耗降低", "完成省下达目标", "table")]


REVIEW = "关于某某省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n一、2025年计划执行情况\n"


def lines(text: str) -> tuple[list, list]:
    e = extract_text(text)
    return [(t.year, t.name, t.text) for t in e.targets], [(a.year, a.name, a.text) for a in e.actuals]


@pytest.mark.parametrize("plan, quoted", [("低于年初目标（6%）", "年初目标（6%）"),
                                          ("低于年度预期目标（6%）", "预期目标（6%）")])
def test_last_years_plan_quoted_beside_its_result_states_no_target_of_the_plan_year(plan, quoted):
    text = REVIEW + f"2025年，全省地区生产总值增长5.1%，{plan}；城镇新增就业48.2万人。\n"
    assert lines(text) == ([(2025, "地区生产总值", quoted)],
                           [(2025, "地区生产总值", "增长5.1%"), (2025, "城镇新增就业", "48.2万人")])


def test_a_plan_weighed_with_its_verb_is_quoted():
    text = REVIEW + "全省固定资产投资下降1.2%，未完成年初确定的增长5%的目标；城镇新增就业48.2万人。\n"
    assert lines(text)[0] == [(2025, "固定资产投资", "未完成年初确定的增长5%的目标")]


@pytest.mark.parametrize("assigned", ["市下达我县", "市分解下达给我县", "市确定我县"])
def test_the_figure_the_level_above_assigned_is_no_task_of_the_documents_region(assigned):
    text = ("某某县人民政府关于印发某某县2026年国民经济和社会发展计划主要目标的通知\n各乡镇人民政府，县政府各部门：\n"
            f"{assigned}地区生产总值增长6.5%，我县确定为增长7%左右。\n全年主要预期目标是：地区生产总值增长7%左右；"
            "城镇新增就业3000人以上。\n")
    e = extract_text(text)
    assert ([(t.name, t.text) for t in e.targets], e.commitments) == (
        [("地区生产总值", "增长7%左右"), ("城镇新增就业", "3000人以上")], [])


@pytest.mark.parametrize("review", ["五年来，全市地区生产总值年均增长6.3%，2025年达到1368.2亿元，增长5.9%。",
                                    "“十四五”时期，全市地区生产总值年均增长6.3%，去年达到1368.2亿元，增长5.9%。"])
def test_the_years_figures_after_an_average_over_the_years_are_the_reviewed_years(review):
    text = ("政府工作报告\n——2026年1月18日在某某市第十一届人民代表大会第五次会议上\n各位代表：\n"
            f"一、“十四五”时期和2025年工作回顾\n{review}\n")
    assert lines(text)[1] == [(2025, "地区生产总值", "达到1368.2亿元"), (2025, "地区生产总值", "增长5.9%")]


def test_a_sum_of_the_years_after_the_reviewed_years_figure_is_no_figure_of_that_year():
    text = ("政府工作报告\n——2026年1月18日在某某市第十一届人民代表大会第五次会议上\n各位代表：\n"
            "一、“十四五”时期和2025年工作回顾\n五年来，全市地区生产总值年均增长6.3%，2025年达到1368.2亿元；城镇新增就业累计20.5万人。\n")
    assert lines(text)[1] == [(2025, "地区生产总值", "达到1368.2亿元")]

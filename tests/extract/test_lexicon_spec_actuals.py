"""Results (actuals) in a work report's review, one sentence (or more) per word of the lexicon's
lists that only results read: ranks (ranks.*), other regions' figures (elsewhere.*), estimates and
periods (time.estimate, time.half_year …), a review of several years (time.reached_verbs,
time.period_words), averages (measures.averages), names carried from a clause without a figure
(names.subject_verbs, names.quoting_verbs, names.not_indicators). Every sentence is written here
with facts of our own choosing; none is built from the lexicon (see
``benchmarks/lexicon_mutations.py``).
"""
from __future__ import annotations

import re

import pytest

from zhibiao.api import extract_text
from zhibiao.extract.actuals import OWN_SCOPES, OWN_TIMES, REGION_SUFFIX, own_region_words
from zhibiao.extract.metadata import region_level
from zhibiao.extract.lexicon import LEX


def report(review: str, region: str = "某市") -> str:
    """A work report for 2024 whose review of 2023 is ``review``."""
    return (f"{region}2024年政府工作报告\n\n一、2023年工作回顾\n{review}\n"
            "二、2024年工作安排\n全市上下要奋发有为。\n")


def actuals(review: str, region: str = "某市") -> list:
    return extract_text(report(review, region)).actuals


def named(review: str, region: str = "某市") -> list[tuple[str, str]]:
    return [(a.name, str(a.value)) for a in actuals(review, region)]


# ranks.verbs / scopes / places: a rank qualifies the figures of the clause before it
RANKS = [
    ("全年地区生产总值增长6.5%，居全省第2位。", ["居全省第2位"]),
    ("全年地区生产总值增长6.5%，位居全省第2位。", ["位居全省第2位"]),
    ("全年地区生产总值增长6.5%，列全省第2位。", ["列全省第2位"]),
    ("全年地区生产总值增长6.5%，排名全省第2位。", ["排名全省第2位"]),
    ("全年地区生产总值增长6.5%，排全省第2位。", ["排全省第2位"]),
    ("地区生产总值增长6.5%，工业增加值增长7.2%，均居全省第2位。", ["居全省第2位", "居全省第2位"]),
    ("地区生产总值、工业增加值分别增长6.5%、7.2%，分居全省第2位、第3位。", ["居全省第2位", "居全省第3位"]),
    ("全年地区生产总值增长6.5%，居全国第2位。", ["居全国第2位"]),
    ("全年地区生产总值增长6.5%，居全市第2位。", ["居全市第2位"]),
    ("全年地区生产总值增长6.5%，居全区第2位。", ["居全区第2位"]),
    ("全年地区生产总值增长6.5%，居中部第2位。", ["居中部第2位"]),
    ("全年地区生产总值增长6.5%，居西部第2位。", ["居西部第2位"]),
    ("全年地区生产总值增长6.5%，居东部第2位。", ["居东部第2位"]),
    ("全年地区生产总值增长6.5%，居同类城市第2位。", ["居同类城市第2位"]),
    ("全年地区生产总值增长6.5%，居全国同类城市第2位。", ["居全国同类城市第2位"]),
    ("全年地区生产总值增长6.5%，居全省同类城市第2位。", ["居全省同类城市第2位"]),
    ("全年地区生产总值增长6.5%，居全省首位。", ["居全省首位"]),
    ("全年地区生产总值增长6.5%，居全省前列。", ["居全省前列"]),
]


@pytest.mark.parametrize("review,ranks", RANKS)
def test_ranks(review, ranks):
    assert [a.rank for a in actuals(review)] == ranks


# elsewhere.comparisons / scopes / phrases / compared: another region's figure is no result
ELSEWHERE = [
    "全年地区生产总值增长6.5%，增速高于全国1.2%。", "全年地区生产总值增长6.5%，增速低于全省1.2%。",
    "全年地区生产总值增长6.5%，增速快于全市1.2%。", "全年地区生产总值增长6.5%，增速慢于全区1.2%。",
    "全年地区生产总值增长6.5%，增速超过全省1.2%。", "全年地区生产总值增长6.5%，增速领先全省1.2%。",
    "全年地区生产总值增长6.5%，增速优于全省1.2%。", "全年地区生产总值增长6.5%，增速高于面上1.2%。",
    "全年地区生产总值增长6.5%，增速高于平均1.2%。", "全年地区生产总值增长6.5%，增速高于同期1.2%。",
    "全年地区生产总值增长6.5%，全市平均为5.2%。", "全年地区生产总值增长6.5%，增速比全市高1.2%。",
    "全年地区生产总值增长6.5%，增速较全市高1.2%。", "全年地区生产总值增长6.5%，增速比全省高1.2%。",
    "全年地区生产总值增长6.5%，增速较全省高1.2%。", "全年地区生产总值增长6.5%，增速比全国高1.2%。",
    "全年地区生产总值增长6.5%，增速较全国高1.2%。",
]


@pytest.mark.parametrize("review", ELSEWHERE)
def test_other_regions_figures_are_no_results(review):
    assert named(review) == [("地区生产总值", "6.5")]


# a province's report: its own province is no other region, the country is
PROVINCE_ELSEWHERE = ["全年地区生产总值增长6.5%，全省平均为5.2%。", "全年地区生产总值增长6.5%，全省同期为5.2%。"]


@pytest.mark.parametrize("review", PROVINCE_ELSEWHERE)
def test_averages_of_the_whole_are_no_results(review):
    assert named(review, "某省") == [("地区生产总值", "6.5")]


NATIONAL_ELSEWHERE = ["全年国内生产总值增长5.2%，全国平均为5.2%。", "全年国内生产总值增长5.2%，全国同期为5.2%。"]


@pytest.mark.parametrize("review", NATIONAL_ELSEWHERE)
def test_national_averages_are_no_results(review):
    text = f"2024年国务院政府工作报告\n\n一、2023年工作回顾\n{review}\n二、2024年工作安排\n全国上下要奋发有为。\n"
    assert [(a.name, str(a.value)) for a in extract_text(text).actuals] == [("国内生产总值", "5.2")]


# time.estimate: estimated figures, later revised
ESTIMATES = ["预计全年地区生产总值增长6.5%。", "初步核算，全年地区生产总值增长6.5%。", "初步统计，全年地区生产总值增长6.5%。",
             "初步测算，全年地区生产总值增长6.5%。", "预估全年地区生产总值增长6.5%。", "快报数显示，全年地区生产总值增长6.5%。"]


@pytest.mark.parametrize("review", ESTIMATES)
def test_estimated_figures(review):
    assert [(str(a.value), a.estimated) for a in actuals(review)] == [("6.5", True)]


def test_an_estimate_note_covers_the_rest_of_the_paragraph():
    got = actuals("全年地区生产总值增长6.5%（预计数，下同），工业增加值增长7.2%。")
    assert [(a.name, a.estimated) for a in got] == [("地区生产总值", True), ("工业增加值", True)]


# time.half_year / three_quarters / first_quarter: the period of a figure
PERIODS = [
    ("上半年地区生产总值增长6.5%，全年增长6.1%。", [("6.5", "2023-01/2023-06"), ("6.1", None)]),
    ("前三季度地区生产总值增长6.5%。", [("6.5", "2023-01/2023-09")]),
    ("一至三季度地区生产总值增长6.5%。", [("6.5", "2023-01/2023-09")]),
    ("1-3季度地区生产总值增长6.5%。", [("6.5", "2023-01/2023-09")]),
    ("一季度地区生产总值增长6.5%。", [("6.5", "2023-01/2023-03")]),
    ("第一季度地区生产总值增长6.5%。", [("6.5", "2023-01/2023-03")]),
    # time.later_parts: each with its months, opening a clause of its own
    *[(f"全年地区生产总值增长6.1%，{word}增长6.5%。", [("6.1", None), ("6.5", months)])
      for word, months in (("二季度", "2023-04/2023-06"), ("第二季度", "2023-04/2023-06"), ("三季度", "2023-07/2023-09"),
                           ("第三季度", "2023-07/2023-09"), ("四季度", "2023-10/2023-12"), ("第四季度", "2023-10/2023-12"),
                           ("下半年", "2023-07/2023-12"))],
    # …not a time since it (names.duration_tails)
    ("三季度来，地区生产总值增长6.5%。", [("6.5", None)]),
]


@pytest.mark.parametrize("review,expected", PERIODS)
def test_periods(review, expected):
    assert [(str(a.value), a.period) for a in actuals(review)] == expected


# time.reached_verbs: in a review of several years, a level reached is the reviewed year's;
# time.period_words: sums and averages over the years are not
REACHED = [
    ("过去五年，全市常住人口达到300万人。", [("常住人口", "300")]),
    ("过去五年，全市常住人口达300万人。", [("常住人口", "300")]),
    ("过去五年，全市地区生产总值突破5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值超过5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市常住人口增至300万人。", [("常住人口", "300")]),
    ("过去五年，全市人均可支配收入提高到3万元。", [("人均可支配收入", "3")]),
    ("过去五年，全市人均可支配收入提高至3万元。", [("人均可支配收入", "3")]),
    ("过去五年，全市人均可支配收入提升到3万元。", [("人均可支配收入", "3")]),
    ("过去五年，全市人均可支配收入提升至3万元。", [("人均可支配收入", "3")]),
    ("过去五年，全市地区生产总值迈上5000亿元台阶。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值跃上5000亿元台阶。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值跨上5000亿元台阶。", [("地区生产总值", "5000")]),
    ("过去五年，全市人均可支配收入升至3万元。", [("人均可支配收入", "3")]),
    ("过去五年，全市城镇登记失业率降至3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城镇登记失业率下降到3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城乡收入比缩小到1.9。", [("城乡收入比", "1.9")]),
    ("过去五年，全市城乡收入比缩小至1.9。", [("城乡收入比", "1.9")]),
    # … from a level to a level (由…增加到…): the end the reviewed year's
    ("过去五年，全市地区生产总值由3000亿元增加到5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元增加至5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元增长到5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元增长至5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元扩大到5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元扩大至5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元上升到5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市地区生产总值由3000亿元上升至5000亿元。", [("地区生产总值", "5000")]),
    ("过去五年，全市城镇登记失业率由4.5%下降至3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城镇登记失业率由4.5%降低到3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城镇登记失业率由4.5%降低至3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城镇登记失业率由4.5%减少到3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市城镇登记失业率由4.5%减少至3%。", [("城镇登记失业率", "3")]),
    ("过去五年，全市高新技术企业累计达到300家。", []),
    ("过去五年，全市财政收入年均达到300亿元。", []),
    ("过去五年，全市居民人均可支配收入平均达到3万元。", []),
    ("过去五年，全市五年引进项目投资达到300亿元。", []),
    ("过去五年，全市共引进人才达到3万人。", []),
    ("过去五年，全市先后引进人才达到3万人。", []),
    ("过去五年，全市新增市场主体达到3万户。", []),
    ("过去五年，全市引进人才十年来首次达到3万人。", []),
    ("过去五年，全市三年行动投资达到300亿元。", []),
    ("过去五年，全市两年行动投资达到300亿元。", []),
    # time.period_word_lookalikes: a word holding 共 is no total
    ("过去五年，全市一般公共预算收入达1579亿元。", [("一般公共预算收入", "1579")]),
    ("过去五年，全市共同富裕指数达到80分。", [("共同富裕指数", "80")]),
    ("过去五年，全市共享单车达到3万辆。", [("共享单车", "3")]),
    ("过去五年，全市中共党员达到3万人。", [("中共党员", "3")]),
    ("过去五年，全市共产党员达到3万人。", [("共产党员", "3")]),
]


@pytest.mark.parametrize("review,expected", REACHED)
def test_levels_reached_over_several_years(review, expected):
    assert named(review) == expected


# measures.averages: an average over years qualifies its own clause only, never a result of the year
AVERAGES = [
    ("全年地区生产总值增长6.5%，年均增长6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，年均增速6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，年均增幅6.1%。", [("地区生产总值", "6.5")]),
    ("全年城镇化率提高1.2%，年均提高1.1%。", [("城镇化率", "1.2")]),
    ("全年居民消费价格上涨2.5%，年均上涨2.1%。", [("居民消费价格", "2.5")]),
    ("全年单位能耗下降3.5%，年均下降3.1%。", [("单位能耗", "-3.5")]),
    ("全年地区生产总值增长6.5%，年均递增6.1%。", [("地区生产总值", "6.5")]),
    ("全年二氧化硫排放减少3.5%，年均减少3.1%。", [("二氧化硫排放", "-3.5")]),
    ("全年地区生产总值增长6.5%，两年平均增长6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，三年平均增长6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，四年平均增长6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，五年平均增长6.1%。", [("地区生产总值", "6.5")]),
    ("全年地区生产总值增长6.5%，平均每年增长6.1%。", [("地区生产总值", "6.5")]),
]


@pytest.mark.parametrize("review,expected", AVERAGES)
def test_averages_over_years(review, expected):
    assert named(review) == expected


# names.subject_verbs: a clause without a usable figure names the indicator of the next one
SUBJECTS = ["屡创新高", "再创新高", "创历史新高", "持续增加", "保持稳定", "实现丰收", "稳步提升", "连续丰收", "不断提高",
            "继续增长", "进一步提高", "大幅提高", "明显提高", "稳定增长", "较快增长", "快速增长", "首次突围", "取得丰收",
            "获得丰收", "位居全省上游", "居全省上游", "达到历史最好", "突破历史纪录", "超过上年", "上升明显", "提高明显",
            "下降明显", "增长明显", "回落明显",
            # no change, told in words
            "与上年持平", "与上年基本持平", "与去年持平", "与去年基本持平", "同比持平", "同比基本持平", "基本持平", "持平"]


@pytest.mark.parametrize("words", SUBJECTS)
def test_a_clause_without_a_figure_names_the_next(words):
    assert named(f"粮食产量{words}，去年达到60万吨。") == [("粮食产量", "60")]


# names.quoting_verbs: a target quoted in the review names the result after it
QUOTING = ["确定", "下达", "提出", "制定", "设定", "明确"]


@pytest.mark.parametrize("verb", QUOTING)
def test_a_quoted_target_names_the_result(verb):
    got = actuals(f"年初{verb}的地区生产总值增长6.5%的目标顺利完成，实际增长7.1%。")
    assert [(a.name, str(a.value)) for a in got] == [("地区生产总值", "7.1")]


# names.not_indicators: a clause about a policy names nothing for the next
NOT_INDICATORS = ["我们持续发力", "招商工作持续推进", "惠企政策持续发力", "营商环境改革持续深化", "园区建设持续推进"]


@pytest.mark.parametrize("clause", NOT_INDICATORS)
def test_policies_name_no_indicator(clause):
    assert named(f"{clause}，增长6.5%。") == []


# time.result_markers in a review: a result told against expectations or after effort is a result
MARKED = ["好于年初预期", "超预期", "好于预期", "好于年初目标", "超出预期", "超过预期", "高于预期", "低于预期", "不及预期",
          "通过不懈努力", "经过不懈努力", "经过努力", "通过努力"]


@pytest.mark.parametrize("marker", MARKED)
def test_results_against_expectations(marker):
    assert named(f"{marker}，全年地区生产总值增长6.5%。") == [("地区生产总值", "6.5")]


# plans.words: the reviewed year's plan quoted beside its result is that year's target
PLANS_QUOTED = [
    ("全年旅游总收入达到800亿元，年初目标（780亿元）。", "旅游总收入", "年初目标（780亿元）"),
    ("全年旅游总收入达到800亿元，年度目标（780亿元）。", "旅游总收入", "年度目标（780亿元）"),
    ("全年旅游总收入达到800亿元，全年目标（780亿元）。", "旅游总收入", "全年目标（780亿元）"),
    ("全年旅游总收入达到800亿元，年初计划（780亿元）。", "旅游总收入", "年初计划（780亿元）"),
    ("全年旅游总收入达到800亿元，年度计划（780亿元）。", "旅游总收入", "年度计划（780亿元）"),
    ("全年旅游总收入达到800亿元，计划目标（780亿元）。", "旅游总收入", "计划目标（780亿元）"),
    ("全年旅游总收入达到800亿元，预期目标（780亿元）。", "旅游总收入", "预期目标（780亿元）"),
    ("全年旅游总收入达到800亿元，年初预期目标（780亿元）。", "旅游总收入", "年初预期目标（780亿元）"),
    ("全年外贸进出口总额650亿元，完成年计划600亿元的108%。", "外贸进出口总额", "年计划600亿元"),
]


@pytest.mark.parametrize("review,name,text", PLANS_QUOTED)
def test_plans_quoted_beside_results(review, name, text):
    targets = extract_text(report(review)).targets
    assert [(t.name, t.text, t.year) for t in targets] == [(name, text, 2023)]


# plans.comparisons: a result weighed against the reviewed year's plan, opening its clause, states no
# result and does not turn the sentence to the plan year (the figures after it are still results)
PLAN_COMPARISONS = ["高于", "低于", "超过", "超出", "好于", "快于", "慢于", "未完成", "完成", "未达到", "达到", "控制在"]


@pytest.mark.parametrize("word", PLAN_COMPARISONS)
def test_a_result_weighed_against_the_plan(word):
    review = f"全年固定资产投资增长3%，{word}年度预期目标；城镇新增就业5.6万人。"
    assert named(review) == [("固定资产投资", "3"), ("城镇新增就业", "5.6")]


# plans.comparisons (超) / plans.nouns (时序进度, 序时进度): an in-year result weighed against the plan's
# schedule states no result; the clause after it still speaks of the indicator before
@pytest.mark.parametrize("weighed", ["超时序进度", "超序时进度", "超过时序进度", "高于序时进度", "快于时序进度"])
def test_a_result_weighed_against_the_plans_schedule(weighed):
    text = ("某市2024年1—9月国民经济和社会发展计划执行情况\n\n一、主要指标完成情况\n"
            f"1—9月，一般公共预算收入完成86.2亿元，{weighed}3.5个百分点，同比增长5.2%。\n")
    assert [(a.name, str(a.value)) for a in extract_text(text).actuals] == [
        ("一般公共预算收入", "86.2"), ("一般公共预算收入", "5.2")]


# plans.set_by / plans.kinds: the plan weighed against named by who set it or by its kind, its figure
# between — that year's target, the clause no result
PLAN_WORDINGS = [
    ("全年固定资产投资增长3%，未完成年初确定的7%目标；城镇新增就业5.6万人。", "未完成年初确定的7%目标", "7"),
    ("全年固定资产投资增长3%，低于年初提出的7%的预期目标；城镇新增就业5.6万人。", "低于年初提出的7%的预期目标", "7"),
    ("全年固定资产投资增长3%，未达到制定的7%目标；城镇新增就业5.6万人。", "未达到制定的7%目标", "7"),
    ("全年固定资产投资增长3%，低于设定的7%的目标；城镇新增就业5.6万人。", "低于设定的7%的目标", "7"),
    ("全年固定资产投资增长3%，未完成年初下达的7%目标；城镇新增就业5.6万人。", "未完成年初下达的7%目标", "7"),
    ("全年固定资产投资增长3%，低于7%的控制目标；城镇新增就业5.6万人。", "低于7%的控制目标", "7"),
    ("全年固定资产投资增长3%，低于7%左右的调控目标；城镇新增就业5.6万人。", "低于7%左右的调控目标", "7"),
    ("全年固定资产投资增长3%，低于7%的约束性目标；城镇新增就业5.6万人。", "低于7%的约束性目标", "7"),
    ("全年固定资产投资增长3%，低于7%的预期性目标；城镇新增就业5.6万人。", "低于7%的预期性目标", "7"),
    ("全年居民消费价格上涨1.2%，控制在3%以内的目标之内；城镇新增就业5.6万人。", "控制在3%以内的目标", "3"),
    # plans.degrees: how far, before the comparison
    ("全年固定资产投资增长3%，略低于年初确定的7%的预期目标；城镇新增就业5.6万人。", "略低于年初确定的7%的预期目标", "7"),
    ("全年固定资产投资增长3%，稍低于7%的预期目标；城镇新增就业5.6万人。", "稍低于7%的预期目标", "7"),
    ("全年固定资产投资增长3%，略微低于7%的预期目标；城镇新增就业5.6万人。", "略微低于7%的预期目标", "7"),
    ("全年固定资产投资增长3%，稍微低于7%的预期目标；城镇新增就业5.6万人。", "稍微低于7%的预期目标", "7"),
]


@pytest.mark.parametrize("review, text, plan", PLAN_WORDINGS)
def test_the_plan_weighed_against_in_other_wordings(review, text, plan):
    assert [value for _name, value in named(review)][1:] == ["5.6"]  # (the clause of the plan: no result)
    targets = [(t.year, t.text, str(t.value)) for t in extract_text(report(review)).targets]
    assert targets == [(2023, text, plan)]


# plans.ceilings: a bare figure of a control target is a ceiling; one with its own bound keeps it
@pytest.mark.parametrize("plan, comparator", [("低于7%的控制目标", "<="), ("低于7%的调控目标", "<="),
                                              ("低于7%左右的调控目标", "~"), ("低于7%的预期目标", "=")])
def test_a_control_target_is_a_ceiling(plan, comparator):
    review = f"全年居民消费价格上涨1.2%，{plan}；城镇新增就业5.6万人。"
    assert [(t.comparator, str(t.value)) for t in extract_text(report(review)).targets] == [(comparator, "7")]


# targets.results_openings (with the zone's year): a list of the reviewed year's plan in the review is
# that year's targets, and the results told after it are results, not more targets
@pytest.mark.parametrize("joint", ["。", "；\n", "。\n"])
def test_a_list_of_last_years_plan_then_its_results(joint):
    review = (f"年初确定的主要预期目标是：地区生产总值增长7%，城镇新增就业5万人{joint}"
              "从执行情况看，地区生产总值增长6.1%，城镇新增就业5.6万人。")
    doc = extract_text(report(review))
    assert [(t.year, t.name, str(t.value)) for t in doc.targets] == [(2023, "地区生产总值", "7"), (2023, "城镇新增就业", "5")]
    assert [(a.year, a.name, str(a.value)) for a in doc.actuals] == [(2023, "地区生产总值", "6.1"), (2023, "城镇新增就业", "5.6")]


# plans.set_by before 主要目标是 (no colon): last year's plan recalled, its sentence the whole list — the
# sentence after it tells results
@pytest.mark.parametrize("word", ["确定的", "提出的", "制定的", "设定的", "下达的"])
def test_last_years_plan_recalled_in_a_sentence_of_its_own(word):
    review = f"年初{word}主要目标是地区生产总值增长7%，城镇新增就业5万人。全年地区生产总值增长6.1%。"
    doc = extract_text(report(review))
    assert [(t.year, t.name, str(t.value)) for t in doc.targets] == [(2023, "地区生产总值", "7"), (2023, "城镇新增就业", "5")]
    assert [(a.year, a.name, str(a.value)) for a in doc.actuals] == [(2023, "地区生产总值", "6.1")]


# plans.words anywhere in a clause of results (not only opening it): the reviewed year's plan spoken of
# beside its results, no result and no turn to the plan year — its figure, where one follows, that
# year's target (targets.set_as between)
PLAN_MENTIONS = [
    ("全年固定资产投资增长3%，年初预期目标为7%；城镇新增就业5.6万人。", "7"),
    ("全年固定资产投资增长3%，比预期目标7%低4个百分点；城镇新增就业5.6万人。", "7"),
    ("全年固定资产投资增长3%，实现年度目标；城镇新增就业5.6万人。", None),
    ("全年固定资产投资增长3%，与预期目标持平，城镇新增就业5.6万人。", None),
    ("全年固定资产投资增长3%，差计划目标3.1个百分点，城镇新增就业5.6万人。", None),  # (units.points: a gap)
]


@pytest.mark.parametrize("review, plan", PLAN_MENTIONS)
def test_the_plan_mentioned_inside_a_clause_of_results(review, plan):
    assert named(review) == [("固定资产投资", "3"), ("城镇新增就业", "5.6")]
    targets = [(t.year, t.name, str(t.value)) for t in extract_text(report(review)).targets]
    assert targets == ([(2023, "固定资产投资", plan)] if plan else [])


def test_this_years_plan_mentioned_still_turns_the_sentence_to_the_plan_year():
    review = "全年固定资产投资增长3%，今年预期目标为6%，城镇新增就业5.6万人。"
    assert named(review) == [("固定资产投资", "3")]
    assert [t.year for t in extract_text(report(review)).targets if t.value == 6] != [2023]  # (no target of the reviewed year)


def test_a_list_of_results_under_the_plan_fulfilled_is_results():
    # "主要经济指标完成预期目标：…" opening a paragraph of the review: results, not a list of targets
    review = "主要经济指标完成预期目标：地区生产总值增长6%，社会消费品零售总额增长5.5%。"
    assert named(review) == [("地区生产总值", "6"), ("社会消费品零售总额", "5.5")]


# plans.nouns / plans.periods: the plan a result missed, quoted with its figure, is a target of the
# reviewed year named by that result
@pytest.mark.parametrize("plan", ["目标", "计划", "预算", "年度预算", "全年预算", "年初预算"])
def test_the_plan_a_result_missed_is_a_target_of_the_reviewed_year(plan):
    review = f"全年固定资产投资下降2.1%，未完成6%的{plan}；城镇新增就业5.6万人。"
    targets = extract_text(report(review)).targets
    assert [(t.year, t.name, str(t.value)) for t in targets if t.year == 2023] == [(2023, "固定资产投资", "6")]
    assert named(review) == [("固定资产投资", "-2.1"), ("城镇新增就业", "5.6")]


# documents.region_suffixes, names.own_scopes, names.own_times, names.country_words: a result's
# name opening with the document's own region in short form (宁夏回族全区去年GDP) is the indicator alone
OWN_REGION = [
    ("黑龙江省", "黑龙江省地区生产总值", "地区生产总值"),
    ("黑龙江省", "黑龙江全省地区生产总值", "地区生产总值"),
    ("鄂尔多斯市", "鄂尔多斯市地区生产总值", "地区生产总值"),
    ("鄂尔多斯市", "鄂尔多斯全市地区生产总值", "地区生产总值"),
    ("长白县", "长白全县地区生产总值", "地区生产总值"),
    ("宁夏回族自治区", "宁夏回族全区地区生产总值", "地区生产总值"),
    ("香港特别行政区", "香港全区地区生产总值", "地区生产总值"),
    ("延边朝鲜族自治州", "延边朝鲜族全州地区生产总值", "地区生产总值"),
    ("鄂托克旗", "鄂托克全旗地区生产总值", "地区生产总值"),
    ("锡林郭勒盟", "锡林郭勒全盟地区生产总值", "地区生产总值"),
    ("大兴安岭地区", "大兴安岭去年地区生产总值", "地区生产总值"),
    ("锡林郭勒盟", "锡林郭勒去年地区生产总值", "地区生产总值"),
    ("长阳土家族自治县", "长阳土家族全县地区生产总值", "地区生产总值"),
    ("长白县", "长白县地区生产总值", "地区生产总值"),
    ("科尔沁右翼前旗", "科尔沁右翼前上年地区生产总值", "地区生产总值"),
    ("浦东新区", "浦东新全市地区生产总值", "地区生产总值"),
    ("大连金州区", "大连金州全省地区生产总值", "地区生产总值"),
    ("某某自治区", "某某全国地区生产总值", "地区生产总值"),
    ("中华人民共和国", "中国国内生产总值", "国内生产总值"),
    ("中华人民共和国", "我国国内生产总值", "国内生产总值"),
]


@pytest.mark.parametrize("region,name,rest", OWN_REGION)
def test_a_result_named_with_its_own_region_drops_it(region, name, rest):
    assert own_region_words(region).strip(name) == rest


@pytest.mark.parametrize("region,name,rest", OWN_REGION)
def test_own_region_words_strip_what_their_pattern_removes(region, name, rest):
    # the pattern each region's words were compiled into before (one per region): the same names left
    short = LEX.alt("names.country_words") if region == "中华人民共和国" else REGION_SUFFIX.sub("", region)
    pattern = re.compile(rf"^(?:{short})(?:{OWN_SCOPES})?(?:{OWN_TIMES})?")
    own = own_region_words(region)
    for text in (name, rest, name + name, "全省" + name, name[:2], name[:3] + "去年", name[:2] + "全市上年GDP", ""):
        assert own.strip(text) == pattern.sub("", text), text


def test_a_short_name_shorter_than_two_characters_or_no_region_strips_nothing():
    assert own_region_words(None) is None and own_region_words("") is None
    assert own_region_words("和县") is None  # (short name 和: one character)


def test_a_region_name_with_pattern_characters_is_read_as_its_pattern():
    # (no registry name has them; the words are then read as they always were, as a pattern)
    own = own_region_words("A.B市")
    assert own.strip("AxB全市去年GDP") == "GDP" and own.strip("GDP") == "GDP"


# elsewhere.wider_regions (by the document's level) and names.leading_links: a clause opening with a
# wider region (after a link word) states that region's figure, not the document's
WIDER_REGIONS = [(region, wider) for region, wider_words in (
    ("某省", ["全国", "我国", "中国"]),
    ("某市", ["全国", "我国", "中国", "全省", "我省"]),
    ("某县", ["全国", "我国", "中国", "全省", "我省", "全市", "我市"])) for wider in wider_words]


@pytest.mark.parametrize("region,wider", WIDER_REGIONS)
def test_a_wider_regions_figure_is_no_result(region, wider):
    review = f"全年居民消费价格上涨0.6%；{wider}居民消费价格上涨0.2%。"
    assert named(review, region) == [("居民消费价格", "0.6")]


@pytest.mark.parametrize("region,wider", [("某省", "全省"), ("某市", "全市"), ("某县", "全县")])
def test_the_documents_own_scope_is_its_own_result(region, wider):
    review = f"全年居民消费价格上涨0.6%；{wider}粮食产量达到52.3万吨。"
    assert ("粮食产量", "52.3") in named(review, region)


@pytest.mark.parametrize("link", ["其中", "同期", "同时", "而", "但"])
def test_a_link_before_a_wider_region_is_passed_over(link):
    review = f"全年居民消费价格上涨0.6%，{link}全省居民消费价格上涨0.4%。"
    assert named(review, "某市") == [("居民消费价格", "0.6")]


@pytest.mark.parametrize("link", ["其中", "同期", "同时"])
def test_a_link_before_last_year_ends_a_review_of_several_years(link):
    review = f"全年地区生产总值增长6.5%，五年累计新增高新技术企业1200家，{link}去年新增高新技术企业320家。"
    assert ("新增高新技术企业", "320") in named(review)


# ranks.wider_scopes / wider_openers: a clause opening with a wider region's rank still speaks of
# the document's own figure
@pytest.mark.parametrize("region,scope", [("某市", "全省"), ("某省", "全国")])
@pytest.mark.parametrize("opener", ["第一", "前列", "首个", "领先"])
def test_a_wider_regions_rank_opening_a_clause_keeps_the_figure(region, scope, opener):
    review = f"全年居民消费价格上涨0.6%；{scope}{opener}的数字经济核心产业增加值增长12.5%。"
    assert "12.5" in [v for _, v in named(review, region)]


# ranks.several_verbs / each_verbs
def test_respective_ranks_are_written_as_ranks():
    review = "地区生产总值、工业增加值分别增长6.5%、7.2%，分别居全省第2位、第3位。"
    assert [a.rank for a in actuals(review)] == ["居全省第2位", "居全省第3位"]


def test_one_rank_for_each_figure_is_written_as_a_rank():
    review = "地区生产总值、工业增加值分别增长6.5%、7.2%，分别居全省前列。"
    assert [a.rank for a in actuals(review)] == ["居全省前列", "居全省前列"]


# time.whole_year: a figure after these is the whole year's, not the part's named before it
@pytest.mark.parametrize("word", ["全年", "年末", "年底"])
def test_the_whole_year_ends_a_part_of_it(word):
    review = f"上半年新增市场主体1.2万户，{word}市场主体总数达到25.6万户。"
    periods = {str(a.value): a.period for a in actuals(review)}
    assert periods["1.2"] == "2023-01/2023-06" and periods["25.6"] is None


@pytest.mark.parametrize("word", ["全年", "年末", "年底"])
def test_a_review_sentence_opening_with_the_whole_year_gives_a_result(word):
    review = f"2023年，各项工作扎实推进。去年以来经济回升向好。{word}市场主体总数达到25.6万户。"
    assert "25.6" in [v for _, v in named(review)]


# documents.national_names / province_suffixes / municipalities / county_suffixes
@pytest.mark.parametrize("name,level", [
    ("中华人民共和国", "national"), ("全国", "national"),
    ("浙江省", "province"), ("广西壮族自治区", "province"), ("香港特别行政区", "province"),
    ("北京市", "province"), ("上海市", "province"), ("天津市", "province"), ("重庆市", "province"),
    ("安吉县", "county"), ("西湖区", "county"), ("科尔沁右翼前旗", "county"), ("某某镇", "county"),
    ("湖州市", "prefecture"),
])
def test_a_regions_level_from_its_name(name, level):
    assert region_level(name) == level


@pytest.mark.parametrize("name,level", [("澳门特别行政区", "province"), ("某某县", "county"), ("某某市", "prefecture")])
def test_a_documents_region_is_given_its_level_by_the_same_rule(name, level):
    # the pipeline's first guess (before the catalogue's registry) is metadata.region_level's
    import hashlib

    from zhibiao.extract.pipeline import extract_document
    from zhibiao.models import LoadedText
    from zhibiao.text.document import Document

    text = f"{name}人民政府关于下达2024年国民经济和社会发展计划的通知\n\n地区生产总值增长6%左右。\n"
    loaded = LoadedText(path="town.txt", format="txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                        encoding="utf-8")
    info = extract_document(Document.from_loaded(loaded)).document
    assert info.region is not None and info.region.name == name and info.region.level == level


def test_a_plan_recalled_outside_a_review_is_the_plan_years():
    # a plan notice restating the targets its congress set (…确定的主要预期目标是：) speaks of its own year
    notice = ("某市人民政府关于下达2024年国民经济和社会发展计划的通知\n各县（区）人民政府：\n"
              "市人民代表大会确定的主要预期目标是：地区生产总值增长6%，城镇新增就业5万人。\n")
    assert [(t.year, t.name) for t in extract_text(notice).targets] == [(2024, "地区生产总值"), (2024, "城镇新增就业")]


# names.bare_measures (with names.shared_heads): a result's bare measure after a comma, of any length but
# four (those swap the measure the name before ends with: …企业营业收入…；利润总额… → …企业利润总额), takes
# the head of the name before
@pytest.mark.parametrize("measure", ["产量", "总产量", "单产", "面积", "利润", "利税", "产值", "总产值"])
def test_a_bare_measure_after_a_comma_takes_the_head_before(measure):
    review = f"全年粮食播种面积稳定在98.6万亩，{measure}48.2万吨。"
    assert named(review) == [("粮食播种面积", "98.6"), (f"粮食{measure}", "48.2")]


def test_a_bare_measure_after_a_name_of_no_shared_head_stays_bare():
    assert named("全年水果产量突破10万吨，产值13.5亿元。") == [("水果产量", "10"), ("产值", "13.5")]


# time.base_year_figures: a clause opening so after a result states the year before the result's, for comparison
@pytest.mark.parametrize("opening", ["上年为", "上年是", "上年同期", "去年同期为", "而上年为"])
def test_last_years_figure_beside_a_result_is_no_result(opening):
    assert named(f"全年规模以上工业增加值增长6.6%，{opening}增长2.3%。") == [("规模以上工业增加值", "6.6")]


# time.period_note_leads / period_note_tails: the words around a period in a note after the figure
@pytest.mark.parametrize("note", ["（1—11月数据）", "（1—11月数）", "（1—11月累计）", "(截至11月底)", "（截止11月底）"])
def test_a_note_after_a_figure_names_its_period(note):
    assert [(str(a.value), a.period) for a in actuals(f"全市固定资产投资增长3.2%{note}。")] == [("3.2", "2023-01/2023-11")]

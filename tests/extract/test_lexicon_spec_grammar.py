"""The target grammar's words, one phrase (or more) per word of ``extract/data/lexicon.yaml``.

Each row is a phrase written here, with the reading the word gives it: a unit, a comparator, a
kind, a reference, a modality. The phrases are literal, never built from the lexicon: a test made
from the data it checks could not notice a word going (``benchmarks/lexicon_mutations.py``
removes one word at a time and counts the words no test misses).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.extract.clauses import clause_figures, figure_candidates
from zhibiao.extract.grammar import parse_target

D = Decimal

# units.base, units.magnitudes, units.standalone, units.compound: the unit read after a figure
UNITS = [
    ("人均补贴12元", "元"), ("出口额12美元", "美元"), ("亩产1200斤", "斤"), ("12吨", "吨"),
    ("12吨标煤", "吨标煤"), ("12吨标准煤", "吨标准煤"), ("人均12公斤", "公斤"), ("接待游客12人次", "人次"),
    ("12人", "人"), ("12户", "户"), ("12名", "名"), ("12亩", "亩"), ("12公顷", "公顷"), ("12平方公里", "平方公里"),
    ("12平方米", "平方米"), ("12公里", "公里"), ("12千米", "千米"), ("12米", "米"), ("12千瓦时", "千瓦时"),
    ("12千瓦", "千瓦"), ("12标箱", "标箱"), ("12辆", "辆"), ("12套", "套"), ("12间", "间"), ("12张", "张"),
    ("12个", "个"), ("12家", "家"), ("12件", "件"), ("12所", "所"), ("12座", "座"), ("12条", "条"), ("12项", "项"),
    ("12台", "台"), ("12艘", "艘"), ("12场", "场"), ("12次", "次"), ("12家次", "家次"), ("12场次", "场次"),
    ("12册", "册"), ("12只", "只"), ("12头", "头"), ("12株", "株"), ("12棵", "棵"), ("12立方米", "立方米"),
    ("12方", "方"), ("12元/人", "元/人"), ("12元/月", "元/月"), ("12元/年", "元/年"), ("家禽出栏80万羽", "万羽"),
    ("牲畜出栏1250万头只", "万头只"), ("牲畜存栏350万头（只）", "万头（只）"), ("牲畜存栏350万头(只)", "万头(只)"),
    ("牲畜出栏120万头/只", "万头/只"),
    ("3万亿元", "万亿元"), ("3千亿元", "千亿元"), ("3百亿元", "百亿元"), ("3亿元", "亿元"), ("3千万元", "千万元"),
    ("3百万吨", "百万吨"), ("3十万千瓦", "十万千瓦"), ("3万人", "万人"), ("3千公顷", "千公顷"),
    ("3%", "%"), ("3‰", "‰"), ("3个百分点", "个百分点"), ("3百分点", "百分点"), ("3倍", "倍"), ("80岁", "岁"),
    ("11.5年", "年"), ("30天", "天"), ("2小时", "小时"), ("15分钟", "分钟"), ("3万", "万"), ("3亿", "亿"),
    ("3万亿", "万亿"),
    ("25微克/立方米", "微克/立方米"), ("0.5毫克/立方米", "毫克/立方米"), ("0.02人/亿元", "人/亿元"),
    ("3人/万人", "人/万人"), ("3个/万人", "个/万人"), ("3人/千人", "人/千人"), ("6张/千人", "张/千人"),
    ("0.4吨/万元", "吨/万元"), ("9立方米/万元", "立方米/万元"),
]


@pytest.mark.parametrize("phrase,unit", UNITS)
def test_unit_words(phrase, unit):
    assert parse_target(phrase).unit == unit


# comparators.*: the bound a word puts on the figure after (or before) it
COMPARATORS = [
    ("不低于6%", ">=", D("6")), ("不少于3万人", ">=", D("3")), ("不小于90%", ">=", D("90")), ("至少5000户", ">=", D("5000")),
    ("不低于上年5%", ">=", D("5")), ("不低于上年的90%", ">=", D("90")),
    ("不高于28", "<=", D("28")), ("不超过1.5%", "<=", D("1.5")), ("不多于3起", "<=", D("3")), ("不大于0.5", "<=", D("0.5")),
    ("最多2次", "<=", D("2")), ("控制在3%", "<=", D("3")),
    ("高于5%", ">", D("5")), ("超过100万人", ">", D("100")), ("大于60%", ">", D("60")), ("多于20家", ">", D("20")),
    ("逾300亿元", ">", D("300")), ("超5000亿元", ">", D("5000")), ("破5000亿元", ">", D("5000")),
    ("突破1000亿元", ">", D("1000")),
    ("低于0.01", "<", D("0.01")), ("少于5起", "<", D("5")), ("小于1.5", "<", D("1.5")), ("不足3%", "<", D("3")),
    ("不满60%", "<", D("60")), ("不到10%", "<", D("10")),
    ("约1.2万亿元", "~", D("1.2")), ("大约50亿元", "~", D("50")), ("接近2000万人", "~", D("2000")),
    ("近3000万吨", "~", D("3000")), ("将近5%", "~", D("5")),
    ("6%以上", ">=", D("6")), ("5%以内", "<=", D("5")), ("28以下", "<=", D("28")), ("3%左右", "~", D("3")),
    ("3%上下", "~", D("3")),
    ("≥90%", ">=", D("90")), (">=90%", ">=", D("90")), ("⩾90%", ">=", D("90")), ("≤0.5", "<=", D("0.5")),
    ("<=0.5", "<=", D("0.5")), ("⩽0.5", "<=", D("0.5")), (">5%", ">", D("5")), ("<0.01", "<", D("0.01")),
    ("≈3%", "~", D("3")),
    # milestones: a level reached, the figure included
    ("迈上5000亿元新台阶", ">=", D("5000")), ("跃上5000亿元台阶", ">=", D("5000")), ("跨上1万亿元台阶", ">=", D("1")),
    ("站上5000亿元台阶", ">=", D("5000")), ("迈过5000亿元关口", ">=", D("5000")), ("跨过5000亿元关口", ">=", D("5000")),
    ("跨越5000亿元台阶", ">=", D("5000")), ("登上5000亿元台阶", ">=", D("5000")), ("突破5000亿元大关", ">=", D("5000")),
    ("跃升至5000亿元台阶", ">=", D("5000")), ("突破800亿元关口", ">=", D("800")),
]


@pytest.mark.parametrize("phrase,comparator,value", COMPARATORS)
def test_comparator_words(phrase, comparator, value):
    p = parse_target(phrase)
    assert (p.kind, p.comparator, p.value) == ("numeric", comparator, value)


# comparators.range_separators: a range, both ends kept
RANGES = ["6-6.5%", "6—6.5%", "6–6.5%", "6~6.5%", "6～6.5%", "6——6.5%", "6至6.5%", "6到6.5%"]


@pytest.mark.parametrize("phrase", RANGES)
def test_range_separators(phrase):
    p = parse_target(phrase)
    assert (p.comparator, p.value, p.value_high, p.unit) == ("range", D("6"), D("6.5"), "%")


# units.count_words: a Chinese numeral before one of them counts things (三项, 两个): wording, no value
COUNT_WORDS = ["实现三个突破", "抓好五项重点", "实施三年行动", "落实十条措施", "开展三次督查", "引进两家龙头", "评选十名标兵",
               "举办三场推介", "翻两倍", "办好十件实事", "新建两所学校", "建成三座桥梁", "新增三台设备", "提前两天完成",
               "发放两张清单", "配置三套设施", "改造五间校舍", "购置三辆公交", "新造两艘渡轮",
               "落实一方是独生子女的政策", "签订三方协议"]


@pytest.mark.parametrize("phrase", COUNT_WORDS)
def test_chinese_numerals_counting_things_are_no_values(phrase):
    assert parse_target(phrase).value is None


# units.not_units: a word that opens with a unit's character is no unit (一方面 is "on one hand", not
# one 方 of earth), so the numeral before it is wording, while 100万方 of earth stays a figure
NOT_UNITS = ["一方面坚持稳中求进", "两方向同步发力", "三方式并举", "两方案比选", "三方法推进", "一方针不变",
             "四方位开放"]


@pytest.mark.parametrize("phrase", NOT_UNITS)
def test_words_that_open_with_a_unit_are_no_unit(phrase):
    assert figure_candidates(phrase) == []


def test_a_cubic_metre_is_still_a_unit():
    (figure,), _ = clause_figures("完成土石方100万方")
    assert (figure.value, figure.unit) == (D("100"), "万方")


# units.reference_words: a number after one of them points to a part of the document, no value
REFERENCES = ["见表2", "见图2", "详见附件3", "见专栏4"]


@pytest.mark.parametrize("phrase", REFERENCES)
def test_numbers_of_tables_figures_and_annexes_are_no_values(phrase):
    assert parse_target(phrase).value is None


# units.time_after: a number before one of them is a time, no value
TIMES = ["进入21世纪", "厂房建于上世纪80年代"]


@pytest.mark.parametrize("phrase", TIMES)
def test_centuries_and_decades_are_no_values(phrase):
    assert parse_target(phrase).value is None


# kinds.direction_up / direction_down / direction_steady: a direction without a figure
DIRECTIONS = ["稳步增长", "持续提高", "有所提升", "稳定增加", "逐步扩大", "明显回升", "进一步上升", "加快", "不断增强",
              "持续改善", "总体好转", "结构优化", "总体向好", "提质", "回稳", "持续下降", "逐步降低", "有所减少",
              "不断缩小", "逐步收窄", "保持稳定", "收支平衡", "进一步巩固", "稳中求进", "保持", "只增不减", "不下降",
              "处于合理水平"]


@pytest.mark.parametrize("phrase", DIRECTIONS)
def test_direction_words(phrase):
    assert parse_target(phrase).kind == "directional"


# kinds.relative_links / relative_verbs / relative_comparisons / relative_tails: the reference
RELATIVES = [
    ("与经济增长同步", "经济增长"), ("和经济发展相适应", "经济发展"), ("同经济增长相协调", "经济增长"),
    ("跟经济发展相匹配", "经济发展"), ("与经济增长保持一致", "经济增长"), ("与经济增长基本同步", "经济增长"),
    ("和经济增长保持同步", "经济增长"), ("与经济增长保持基本同步", "经济增长"),
    ("高于全省平均", "全省平均"), ("快于GDP增速", "GDP增速"), ("超过全省平均水平", "全省平均"),
    ("不低于全省平均水平", "全省平均"), ("低于全国平均水平", "全国平均"), ("慢于收入增长", "收入增长"),
    ("优于全省平均水平", "全省平均"), ("略快于经济增长", "经济增长"), ("略高于全国平均水平", "全国平均"),
    ("高于全市增幅", "全市增幅"), ("高于全国水平", "全国水平"), ("快于全省发展速度", "全省发展速度"),
    ("快于城镇居民", "城镇居民"),  # 农村居民收入增长快于城镇居民 (kinds.relative_final_tails)
    ("快于城镇居民收入增速", "城镇居民收入增速"),  # … only where the clause ends
    ("跑赢经济增长", "经济增长"), ("不高于全国平均水平", "全国平均"),
    # kinds.relative_reaching / relative_reaching_tails: reaching another region's level
    ("达到全国平均水平", "全国平均水平"), ("赶上全省平均水平", "全省平均水平"), ("追平全市平均水平", "全市平均水平"),
    ("达到中等发达国家水平", "中等发达国家水平"),  # (a 2035 vision's level: a reference for a person to review)
    # kinds.multiples / multiple_bases: a multiple of the indicator's own level in a base year
    ("较2020年翻一番", "2020年"), ("比2020年翻两番", "2020年"), ("比2020年翻番", "2020年"),
    ("较2020年翻一倍", "2020年"), ("比2020年增长一倍", "2020年"), ("比2020年翻一番以上", "2020年"),
]


# what is no relative target: a level reached that is no other region's (达到新水平: an aim), a figure
# after 达到 (a numeric target), a multiple with no base year named has no reference
@pytest.mark.parametrize("phrase,kind,reference", [
    ("达到新水平", None, None), ("达到全国先进水平", None, None), ("达到500亿元", "numeric", None),
    ("实现翻一番", "relative", None),
])
def test_what_reaches_no_reference(phrase, kind, reference):
    p = parse_target(phrase)
    assert (p.kind, p.reference) == (kind, reference)


# kinds.relative_negations: a comparison denied is part of the target's text, never of the name
@pytest.mark.parametrize("target", ["不低于全省平均水平", "不高于全国平均水平", "不超过经济增长"])
def test_a_denied_comparison_is_the_targets_text(target):
    from zhibiao.extract.prose import extract_prose_targets

    got = [(t.name, t.text, t.parsed.kind) for t in extract_prose_targets(f"主要预期目标是：社会消费品零售总额增长{target}。")]
    assert got == [("社会消费品零售总额增长", target, "relative")]


@pytest.mark.parametrize("phrase,reference", RELATIVES)
def test_relative_words(phrase, reference):
    p = parse_target(phrase)
    assert (p.kind, p.reference) == ("relative", reference)


# kinds.assigning_bodies / assigning_verbs / assigned_objects / assigned_phrases
ASSIGNED = ["完成国家下达年度目标", "完成省下达年度目标", "完成市下达年度目标", "完成县下达年度目标", "完成上级下达年度目标",
            "完成中央下达年度目标", "完成自治区下达年度目标", "以省政府下达为准", "以市政府下达为准", "完成州下达年度目标",
            "完成省确定年度目标", "完成省核定年度目标", "完成省下发年度目标", "完成省分解年度目标", "完成省要求年度目标",
            "完成省考核年度目标", "按省下达年度目标执行", "按省下达年度任务执行", "按省下达年度指标执行",
            "按省下达年度计划执行", "省定目标", "省定任务", "国定目标", "市定目标", "市定任务", "完成年度任务",
            "完成目标任务"]


@pytest.mark.parametrize("phrase", ASSIGNED)
def test_assigned_words(phrase):
    assert parse_target(phrase).kind == "assigned"


# kinds.modality: the phrase's modal word
MODAL = [("确保增长8%", "确保"), ("力争增长8%", "力争"), ("争取增长8%", "争取"), ("努力增长8%", "努力"),
         ("预期增长8%", "预期"), ("力求增长8%", "力求"), ("争创达到8%", "争创")]


@pytest.mark.parametrize("phrase,modality", MODAL)
def test_modality_words(phrase, modality):
    assert parse_target(phrase).modality == modality


# measures.to_verbs: "由X提高到Y" is Y, the value reached
FROM_TO = [
    ("城镇化率由55%提高到60%", D("60")), ("城镇化率由55%提升到60%", D("60")), ("城镇化率由55%上升到60%", D("60")),
    ("失业率由5%下降到4%", D("4")), ("失业率由5%降低到4%", D("4")), ("价格涨幅由3%回落到2%", D("2")),
    ("城乡收入比由2.1缩小到1.9", D("1.9")), ("服务业比重由50%扩大到52%", D("52")),
    ("研发人员由2万人增加到3万人", D("3")), ("研发人员由2万人增长到3万人", D("3")),
    ("煤炭消费由300万吨减少到200万吨", D("200")), ("城镇化率由55%升至60%", D("60")), ("失业率由5%降至4%", D("4")),
    ("研发人员由2万人增至3万人", D("3")), ("城镇化率由55%达到60%", D("60")), ("城镇化率从55%提高到60%", D("60")),
]


@pytest.mark.parametrize("phrase,value", FROM_TO)
def test_the_value_reached(phrase, value):
    assert parse_target(phrase).value == value


def test_a_base_unit_after_a_magnitude():
    assert parse_target("高速公路通车里程1.2万千米").unit == "万千米"

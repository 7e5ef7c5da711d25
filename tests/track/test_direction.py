"""Status respects what a target's and an actual's wording say: a reduction target beaten by a
wide margin is achieved whether the result is printed 下降5.6% or 增长-5.6%; a change never
compares with a level. A property-based test over the combinations, against an oracle written
independently of the tracker, plus the catalogue's directions in comparisons."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.catalog import Catalog
from zhibiao.extract.grammar import parse_target
from zhibiao.track.comparison import strictness
from zhibiao.track.status import Actual, Context, TargetLine, decide

# Target wordings as plans print them: (name, text template, what the number means, comparator meaning)
TARGETS = [
    ("单位GDP能耗降低", "{x}%以上", "decline", ">="),
    ("能耗强度下降", "{x}%以上", "decline", ">="),
    ("单位地区生产总值能耗", "下降{x}%", "decline", ">="),
    ("单位地区生产总值能耗", "降低{x}%左右", "decline", "~"),
    ("单位地区生产总值用水量", "较上年下降{x}%以上", "decline", ">="),
    ("地区生产总值", "增长{x}%以上", "change", ">="),
    ("一般公共预算收入", "增长{x}%", "change", ">="),
    ("居民消费价格涨幅", "控制在{x}%以内", "value", "<="),
    ("城镇调查失业率", "控制在{x}%以内", "value", "<="),
    ("贫困发生率", "下降到{x}%以下", "level", "<="),
    ("森林覆盖率", "提高到{x}%以上", "level", ">="),
]
# Actual wordings as results are printed, and how the extractor records them (value, measure).
ACTUALS = [
    ("下降{y}%", lambda y: -y, "growth", "change"),
    ("增长-{y}%", lambda y: -y, "growth", "change"),
    ("增长{y}%", lambda y: y, "growth", "change"),
    ("{y}%", lambda y: y, "level", "level"),
]
TOLERANCE = Decimal("0.5")  # rules.yaml: percent_points


class NoRefs(Context):
    pass


def oracle(meaning: str, comparator: str, x: Decimal, a_kind: str, signed: Decimal) -> str:
    """What a careful analyst concludes."""
    if meaning in ("decline", "change") and a_kind == "level":
        return "needs_review"  # a change against a level
    if meaning == "level" and a_kind == "change":
        return "needs_review"  # a level to reach against a change
    value = -signed if meaning == "decline" else signed
    if comparator == ">=":
        return "achieved" if value >= x else "missed"
    if comparator == "<=":
        return "achieved" if value <= x else "missed"
    # 左右 on a decline: at least the decline, or within the tolerance of it
    if value >= x:
        return "achieved"
    return "basically_achieved" if x - value <= TOLERANCE else "missed"


def _line(name: str, text: str, year: int = 2024) -> TargetLine:
    parsed = parse_target(text)
    match = Catalog.default().match(name, unit=parsed.unit, text=text)
    indicator = match.id if match else None
    ind = Catalog.default().get(indicator) if indicator else None
    return TargetLine(name=name, indicator=indicator, text=text, kind=parsed.kind, comparator=parsed.comparator,
                      value=parsed.value, value_high=parsed.value_high, unit=parsed.unit, year=year, reference=None,
                      direction=ind.direction if ind else "up")


figures = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("30"), places=1)


@settings(max_examples=400, deadline=None)
@given(target=st.sampled_from(TARGETS), actual=st.sampled_from(ACTUALS), x=figures, y=figures)
def test_every_wording_of_target_and_actual_is_judged_right(target, actual, x, y):
    name, template, meaning, comparator = target
    a_template, signed_of, measure, a_kind = actual
    text = template.format(x=x)
    line = _line(name, text)
    assert line.value == x  # the grammar read the number as printed
    a_text = a_template.format(y=y)
    a = Actual(value=signed_of(y), unit="%", text=a_text, document="2025年政府工作报告", span=None, year=2024,
               period=None, estimated=False, measure=measure, indicator=line.indicator)
    expected = oracle(meaning, comparator, x, a_kind, signed_of(y))
    got = decide(line, a, NoRefs())
    assert got.status == expected, (name, text, a_text, got.explanation)


@pytest.mark.parametrize("target_text, actual_text, value, status", [
    ("3.1%以上", "下降5.6%", "-5.6", "achieved"),      # national 2015: beaten by a wide margin
    ("3.1%以上", "增长-5.6%", "-5.6", "achieved"),
    ("3.1%以上", "下降2.0%", "-2.0", "missed"),
    ("3.1%以上", "增长1%", "1", "missed"),            # energy intensity went up
])
def test_the_reduction_target_of_2015(target_text, actual_text, value, status):
    line = _line("能耗强度下降", target_text, year=2015)
    a = Actual(value=Decimal(value), unit="%", text=actual_text, document="2016年政府工作报告", span=None, year=2015,
               period=None, estimated=False, measure="growth", indicator="energy_intensity_reduction")
    s = decide(line, a, NoRefs())
    assert s.status == status
    assert "2016年政府工作报告" in s.explanation and "2016年政府工作报告" in s.explanation_en


def test_a_reduction_rate_printed_as_a_positive_figure():
    """An imported reduction rate (5.6, no wording) is a decline of 5.6 for a reduction indicator."""
    line = _line("单位GDP能耗降低", "3%以上")
    a = Actual(value=Decimal("5.6"), unit="%", text="5.6%", document="统计局", span=None, year=2024, period=None,
               estimated=False, measure=None, indicator="energy_intensity_reduction")
    assert decide(line, a, NoRefs()).status == "achieved"


@pytest.mark.parametrize("text, actual_text, value, measure, status", [
    ("稳步增长", "增长3.2%", "3.2", "growth", "achieved"),
    ("稳步增长", "下降1%", "-1", "growth", "missed"),
    ("正增长", "增长0.1%", "0.1", "growth", "achieved"),
    ("持续下降", "下降2%", "-2", "growth", "achieved"),
    ("持续下降", "增长2%", "2", "growth", "missed"),
    ("基本稳定", "增长0.3%", "0.3", "growth", "achieved"),
    ("基本稳定", "增长3%", "3", "growth", "missed"),
    ("基本平衡", "增长3%", "3", "growth", "needs_review"),   # a balance of two flows: not one figure
])
def test_directional_targets_judged_where_the_direction_is_clear(text, actual_text, value, measure, status):
    t = TargetLine(name="指标", indicator="x", text=text, kind="directional", comparator=None, value=None,
                   value_high=None, unit="%", year=2024, reference=None)
    a = Actual(value=Decimal(value), unit="%", text=actual_text, document="报告", span=None, year=2024, period=None,
               estimated=False, measure=measure)
    assert decide(t, a, NoRefs()).status == status


@pytest.mark.parametrize("text", ["保持两位数增长", "增长两位数", "實現兩位數以上增長", "保持两位数"])
@pytest.mark.parametrize("actual_text, value, status", [
    ("增长12.5%", "12.5", "achieved"), ("增长10%", "10", "achieved"),
    ("增长8%", "8", "missed"),  # growth, but not of two digits
    ("下降1%", "-1", "missed"),
])
def test_a_direction_with_its_size_in_words_is_held_to_that_size(text, actual_text, value, status):
    """两位数增长 (lexicon kinds.direction_sizes): growth of 10 % or more, not any growth."""
    t = TargetLine(name="进出口总额", indicator="x", text=text, kind="directional", comparator=None, value=None,
                   value_high=None, unit="%", year=2024, reference=None)
    a = Actual(value=Decimal(value), unit="%", text=actual_text, document="报告", span=None, year=2024, period=None,
               estimated=False, measure="growth")
    s = decide(t, a, NoRefs())
    assert s.status == status
    assert "增长不低于 10%" in s.explanation and "growth of at least 10%" in s.explanation_en


class Levels(Context):
    def __init__(self, values, unit="亿美元"):
        self.values, self.unit = values, unit

    def actual_of(self, indicator, year):
        v = self.values.get(year)
        return None if v is None else Actual(value=Decimal(v), unit=self.unit, text=f"{v}{self.unit}", document="公报",
                                             span=None, year=year, period=None, estimated=False, measure="level",
                                             indicator=indicator)


@pytest.mark.parametrize("before, now, status", [("200", "224", "achieved"), ("200", "212", "missed"),
                                                 (None, "224", "pending")])
def test_a_size_in_words_judges_a_level_by_its_growth_over_the_year_before(before, now, status):
    t = TargetLine(name="进出口总额", indicator="trade", text="保持两位数增长", kind="directional", comparator=None,
                   value=None, value_high=None, unit=None, year=2024, reference=None)
    a = Actual(value=Decimal(now), unit="亿美元", text=f"{now}亿美元", document="公报", span=None, year=2024,
               period=None, estimated=False, measure="level", indicator="trade")
    assert decide(t, a, Levels({2023: before} if before else {})).status == status


@pytest.mark.parametrize("before, now, unit", [("0", "5", "亿美元"), ("20", "23", "%")])
def test_a_size_in_words_is_no_test_of_a_level_from_nothing_or_of_a_rate(before, now, unit):
    """No growth in % from a level of 0; a rate's change is in points, not the growth a size says."""
    t = TargetLine(name="进出口总额", indicator="trade", text="保持两位数增长", kind="directional", comparator=None,
                   value=None, value_high=None, unit=None, year=2024, reference=None)
    a = Actual(value=Decimal(now), unit=unit, text=f"{now}{unit}", document="公报", span=None, year=2024,
               period=None, estimated=False, measure="level", indicator="trade")
    assert decide(t, a, Levels({2023: before}, unit)).status == "needs_review"


class Shares(Context):
    def __init__(self, values):
        self.values = values

    def actual_of(self, indicator, year):
        v = self.values.get((indicator, year))
        return None if v is None else Actual(value=Decimal(v), unit="‰", text=f"{v}‰", document="公报", span=None,
                                             year=year, period=None, estimated=False, measure="share",
                                             indicator=indicator)


def test_a_multi_part_target_is_judged_on_every_part():
    t = _line("外贸出口总额", "增长10%,占全国份额保持14.3‰左右", year=2023)
    growth = Actual(value=Decimal("11.8"), unit="%", text="增长11.8%", document="报告", span=None, year=2023,
                    period=None, estimated=False, measure="growth", indicator="export_growth")
    s = decide(t, growth, Shares({}))
    assert s.status == "pending" and [p["status"] for p in s.parts] == ["achieved", "pending"]
    assert "增长10%" in s.explanation and "14.3‰" in s.explanation and "judged part by part" in s.explanation_en
    s = decide(t, growth, Shares({("export_share_national", 2023): "13.1"}))
    assert [p["status"] for p in s.parts] == ["achieved", "missed"] and s.status == "missed"
    s = decide(t, growth, Shares({("export_share_national", 2023): "14.0"}))
    assert s.status == "basically_achieved"
    # a scope before the figure is not a part of its own
    scoped = _line("水环境质量", "128个考核断面中,Ⅰ~Ⅲ类水断面占比均达100%")
    assert decide(scoped, None, NoRefs()).parts == []


def _t(text, name="指标", unit="%"):
    p = parse_target(text)
    return TargetLine(name=name, indicator="x", text=text, kind=p.kind, comparator=p.comparator, value=p.value,
                      value_high=p.value_high, unit=p.unit or unit, year=2024, reference=None)


@pytest.mark.parametrize("child, parent, direction, label", [
    ("6.5%以上", "5.5%左右", "up", "stricter"),
    ("5%左右", "5.5%左右", "up", "looser"),
    ("6%以上", "6%左右", "up", "stricter"),          # 以上 is stricter than 左右 at the same value
    ("6%左右", "6%以上", "up", "looser"),
    ("6%", "6%以上", "up", "same"),
    ("28微克/立方米以下", "25微克/立方米", "down", "looser"),   # PM2.5: higher is worse
    ("24微克/立方米", "25微克/立方米", "down", "stricter"),
    ("5%以内", "5.5%以内", "down", "stricter"),
    ("3%左右", "3.5%左右", "band", "different"),       # CPI: a band, neither stricter nor looser
    ("3%左右", "3%左右", "band", "same"),
    ("下降3%以上", "下降2.5%", "up", "stricter"),        # a larger cut
])
def test_stricter_or_looser_by_direction_and_comparator(child, parent, direction, label):
    assert strictness(_t(child), _t(parent), direction) == label


def test_totals_and_mixed_frames_do_not_compare():
    assert strictness(_t("增加3万人", unit="万人"), _t("1600万人", unit="万人"), "up") is None
    assert strictness(_t("下降3%"), _t("3%"), "up") is None


@pytest.mark.parametrize("period, zh, en", [
    ("2025-01/2025-06", "1—6月实际 5.1%", "in months 1–6 is behind"),
    ("2025-Q", "年内实际 5.1%", "in the year so far is behind"),  # (a period whose months cannot be read)
])
def test_a_part_of_the_years_rate_is_behind_the_years_target_so_far(period, zh, en):
    line = _line("地区生产总值", "增长6%左右", year=2025)
    a = Actual(value=Decimal("5.1"), unit="%", text="增长5.1%", document="某市2025年上半年经济运行情况", span=None,
               year=2025, period=period, estimated=False, measure="growth", indicator=line.indicator)
    s = decide(line, a, NoRefs())
    assert s.status == "behind" and s.explanation.startswith(zh) and en in s.explanation_en, (s.explanation, s.explanation_en)


def test_a_part_of_the_years_amount_whose_months_cannot_be_read_is_progress_of_the_year_so_far():
    line = _line("城镇新增就业", "6万人以上", year=2025)
    a = Actual(value=Decimal("6.3"), unit="万人", text="6.3万人", document="某市2025年经济运行情况", span=None,
               year=2025, period="2025-Q", estimated=False, measure="level", indicator=line.indicator)
    s = decide(line, a, NoRefs())
    assert s.explanation.startswith("年内完成 6.3万人") and "done in the year so far" in s.explanation_en, s.explanation

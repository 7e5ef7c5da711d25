"""The words a status is decided by, each pinned here by name: the lexicon's units
(extract/data/lexicon.yaml units.base, units.magnitudes, units.points, units.per_mille) read by ``convert``, and its
relative verbs (kinds.relative_verbs: 与经济增长同步 is in step); and the tracker's own words in
track/rules.yaml (references: the indicator a relative target's reference names; period_words: how a
target covering several years counts them); and the catalogue's level_suffixes
(catalog/data/name_words.yaml: the amount word a multi-part target's name loses before its later
part's subject). Every case goes through ``decide`` (or ``convert``,
which ``decide`` calls, or ``period_measure``, which the tracker asks before it), and each would
come out otherwise without its word."""
from __future__ import annotations

from decimal import Decimal

import pytest

from test_status import Refs, actual, target
from zhibiao.errors import InputError
from zhibiao.track.status import Context, Rules, TargetLine, convert, decide, period_measure

D = Decimal

# ------------------------------------------------------------------ units

# The units a fixed table (status.SCALE) converted before they were read from the lexicon, with
# the power of ten each stood for and its base unit. Every pair of one base unit converts as it did.
FORMER_SCALE = {"万亿元": (12, "元"), "亿元": (8, "元"), "千万元": (7, "元"), "万元": (4, "元"), "元": (0, "元"),
                "亿美元": (8, "美元"), "万美元": (4, "美元"), "万亿美元": (12, "美元"),
                "万人": (4, "人"), "人": (0, "人"), "亿人次": (8, "人次"), "万人次": (4, "人次"),
                "万吨": (4, "吨"), "吨": (0, "吨"), "亿吨": (8, "吨"), "万亩": (4, "亩"), "亩": (0, "亩")}
FORMER_PAIRS = [(a, b) for a in FORMER_SCALE for b in FORMER_SCALE if a != b]


@pytest.mark.parametrize("unit, to_unit", FORMER_PAIRS)
def test_the_former_tables_units_convert_as_before_within_a_base_unit(unit, to_unit):
    (p, base), (q, to_base) = FORMER_SCALE[unit], FORMER_SCALE[to_unit]
    got = convert(D("1.5"), unit, to_unit)
    if base == to_base:
        assert got == D("1.5") * D(10) ** p / D(10) ** q
    else:  # 人 and 人次 never compared; 元 and 美元 did (亿美元 as 亿元, one for one) and no longer do
        assert got is None


def test_yuan_and_dollars_do_not_compare():
    assert decide(target(">=", "50", unit="亿美元"), actual("60", unit="亿元"), Refs()).status == "needs_review"
    assert decide(target(">=", "50", unit="亿元"), actual("60", unit="亿元"), Refs()).status == "achieved"


# Each magnitude of the lexicon, before 元: the power of ten it stands for.
MAGNITUDES = [("万亿", 12), ("千亿", 11), ("百亿", 10), ("亿", 8), ("千万", 7), ("百万", 6), ("十万", 5), ("万", 4),
              ("千", 3)]


@pytest.mark.parametrize("magnitude, power", MAGNITUDES)
def test_a_magnitude_scales_its_unit(magnitude, power):
    goal = target(">=", "1.2", unit=f"{magnitude}元")
    assert decide(goal, actual(str(D("1.2") * D(10) ** power), unit="元"), Refs()).status == "achieved"
    assert decide(goal, actual(str(D("1.1") * D(10) ** power), unit="元"), Refs()).status == "missed"


# Each base unit of the lexicon, with 万 before it: 3万X is 30000 X.
BASE_UNITS = ["元", "美元", "斤", "吨", "吨标煤", "吨标准煤", "公斤", "人次", "人", "户", "名", "亩", "公顷", "平方公里",
              "平方千米", "平方米", "公里", "千米", "米", "千瓦时", "千瓦", "标箱", "辆", "套", "间", "张", "个", "家", "件", "所",
              "座", "条", "项", "台", "艘", "场", "次", "家次", "场次", "册", "只", "头", "株", "棵", "立方米", "方",
              "元/人", "元/月", "元/年"]


@pytest.mark.parametrize("base", BASE_UNITS)
def test_a_base_unit_compares_with_itself_under_a_magnitude(base):
    goal = target(">=", "3", unit=f"万{base}")
    assert decide(goal, actual("30000", unit=base), Refs()).status == "achieved"
    assert decide(goal, actual("29000", unit=base), Refs()).status == "missed"


@pytest.mark.parametrize("unit, to_unit, ratio", [
    ("亿千瓦时", "万千瓦时", D(10) ** 4),   # none of these compared before
    ("千公顷", "公顷", D(10) ** 3),
    ("万标箱", "标箱", D(10) ** 4),
    ("亿立方米", "万立方米", D(10) ** 4),
    ("万千瓦", "亿千瓦", D(10) ** -4),
    ("万平方米", "平方米", D(10) ** 4),
    ("万元/人", "元/人", D(10) ** 4),
])
def test_units_differing_by_a_magnitude_compare(unit, to_unit, ratio):
    assert convert(D(3), unit, to_unit) == 3 * ratio
    assert convert(D(3) * ratio, to_unit, unit) == 3


# The lexicon's units.same_as: one base unit under two names.
SAME_AS = [("公里", "千米"), ("吨标准煤", "吨标煤"), ("平方公里", "平方千米")]


@pytest.mark.parametrize("name, other", SAME_AS)
def test_a_base_unit_under_another_name_compares(name, other):
    assert convert(D("1.5"), f"万{other}", name) == D(15000)
    assert convert(D(15000), name, f"万{other}") == D("1.5")
    goal = target(">=", "500", unit=name)
    assert decide(goal, actual("510", unit=other), Refs()).status == "achieved"
    assert decide(goal, actual("490", unit=f"{other}"), Refs()).status == "missed"


@pytest.mark.parametrize("unit, to_unit", [
    ("万人", "万人次"),           # people are no visits
    ("万吨", "万吨标准煤"),       # tonnes are no tonnes of coal equivalent
    ("千米", "米"),               # 千米 is a base unit of its own (as 公里 is), not 10^3 米
    ("万", "万人"),               # a bare magnitude is no unit of anything
    ("亿元", "元/人"),
    ("%", "个百分点"),            # a share never compares with a change
])
def test_units_of_different_base_units_do_not_compare(unit, to_unit):
    assert convert(D(3), unit, to_unit) is None


@pytest.mark.parametrize("unit, to_unit", [("个百分点", "百分点"), ("百分点", "个百分点")])
def test_percentage_points_are_one_unit(unit, to_unit):
    assert decide(target(">=", "0.5", unit=to_unit), actual("0.6", unit=unit), Refs()).status == "achieved"
    assert decide(target("~", "0.5", unit=to_unit), actual("0.1", unit=unit), Refs()).status == "basically_achieved"


PER_MILLE = ["‰"]  # the lexicon's units.per_mille


@pytest.mark.parametrize("sign", PER_MILLE)
def test_a_rate_per_thousand_is_a_tenth_of_a_percentage_and_missed_by_points(sign):
    assert convert(D("5.9"), sign, "%") == D("0.59") and convert(D("0.59"), "%", sign) == D("5.9")
    assert decide(target("<=", "6", unit=sign), actual("0.55", unit="%"), Refs()).status == "achieved"
    # a 左右 target in ‰ is missed by percentage points' tolerance (0.5), not by 5 % of its value (0.3)
    assert decide(target("~", "6", unit=sign), actual("5.6", unit=sign), Refs()).status == "basically_achieved"


# ------------------------------------------------------------------ relative targets


@pytest.mark.parametrize("text", ["与经济增长同步", "与经济增长相适应", "与经济发展相协调", "与经济增长相匹配",
                                  "与经济增长保持一致"])
def test_a_relative_verb_means_in_step(text):
    """Half a point below GDP growth is in step (within sync_points), though not above it."""
    t = target(None, None, kind="relative", text=f"居民收入增长{text}", reference="经济增长")
    s = decide(t, actual("7.3"), Refs(gdp="7.8"))
    assert s.status == "achieved" and "in step" in s.explanation_en
    assert decide(t, actual("6.7"), Refs(gdp="7.8")).status == "missed"  # more than a point below


def test_a_relative_target_without_a_relative_verb_must_be_above():
    t = target(None, None, kind="relative", text="居民收入增长快于经济增长", reference="经济增长")
    assert decide(t, actual("7.3"), Refs(gdp="7.8")).status == "missed"
    assert decide(t, actual("7.9"), Refs(gdp="7.8")).status == "achieved"


@pytest.mark.parametrize("text, own, status", [
    ("低于经济增长", "7.3", "achieved"), ("低于经济增长", "7.8", "missed"), ("慢于经济增长", "8.1", "missed"),
    ("不低于经济增长", "7.8", "achieved"), ("不低于经济增长", "7.7", "missed"),
    ("不高于经济增长", "7.8", "achieved"), ("不超过经济增长", "7.9", "missed"),
    ("跑赢经济增长", "7.9", "achieved"), ("跑赢经济增长", "7.8", "missed"),
])
def test_a_relative_target_is_judged_the_way_its_comparison_points(text, own, status):
    """kinds.relative_below (低于: under the reference) and relative_negations (不低于: at least as
    high, the reference's own figure included; 不高于: at most)."""
    t = target(None, None, kind="relative", text=f"支出增长{text}", reference="经济增长")
    s = decide(t, actual(own), Refs(gdp="7.8"))
    assert s.status == status
    below = ("低于" in text or "慢于" in text) and not text.startswith("不")
    said = {("achieved", True): "is below", ("missed", True): "is not below"}.get((status, below))
    assert said is None or said in s.explanation_en


class Figures(Context):
    """Each indicator's actual growth, any year."""

    def __init__(self, **growth):
        self.growth = growth

    def actual_of(self, indicator, year):
        v = self.growth.get(indicator)
        return None if v is None else actual(v)


@pytest.mark.parametrize("reference, indicator", [
    ("面上投资增速", "fai_growth"),
    ("经济增长", "gdp_growth"),
    ("GDP增速", "gdp_growth"),
    ("地区生产总值增长", "gdp_growth"),
    ("数字经济投资增速", "fai_growth"),   # the first word found decides: 投资 before 经济
    ("城镇居民", "urban_income_growth"),  # 农村居民收入增速高于城镇居民
    ("农村居民收入增长", "rural_income_growth"),
])
def test_a_references_words_name_the_indicator_it_is_compared_with(reference, indicator):
    t = target(None, None, kind="relative", text=f"高于{reference}", reference=reference)
    other = "fai_growth" if indicator == "gdp_growth" else "gdp_growth"
    assert decide(t, actual("8"), Figures(**{indicator: "7", other: "9"})).status == "achieved"
    assert decide(t, actual("8"), Figures(**{indicator: "9", other: "7"})).status == "missed"


def test_a_reference_naming_no_known_indicator_needs_review():
    t = target(None, None, kind="relative", text="高于同类城市平均水平", reference="同类城市平均")
    assert decide(t, actual("8"), Figures(gdp_growth="7", fai_growth="7")).status == "needs_review"


# reference_scopes (rules.yaml): the region a reference speaks of — the target's region's ancestor at
# that level — and, naming no indicator, the target's own indicator there
class Scopes(Context):
    """Each level's figure of each indicator asked: {level: {indicator: value}}."""

    def __init__(self, **levels):
        self.levels = levels

    def actual_of(self, indicator, year):
        return None

    def actual_of_scope(self, level, indicator, year):
        v = self.levels.get(level, {}).get(indicator)
        return None if v is None else actual(v)


@pytest.mark.parametrize("word, level", [("全国", "national"), ("全省", "province"), ("全区", "province"),
                                         ("全市", "prefecture")])
def test_a_references_region_is_its_scope(word, level):
    t = target(None, None, kind="relative", text=f"高于{word}平均水平", reference=f"{word}平均")  # (indicator "x")
    others = {lv: {"x": "9"} for lv in ("national", "province", "prefecture") if lv != level}
    assert decide(t, actual("8"), Scopes(**{level: {"x": "7"}}, **others)).status == "achieved"
    assert decide(t, actual("8"), Scopes(**{level: {"x": "9"}})).status == "missed"
    assert decide(t, actual("8"), Scopes(**others)).status == "pending"  # no figure of that region yet


def test_a_scoped_reference_naming_an_indicator_is_that_indicator_there():
    t = target(None, None, kind="relative", text="快于全省GDP增速", reference="全省GDP增速")
    assert decide(t, actual("8"), Scopes(province={"gdp_growth": "7", "x": "9"})).status == "achieved"


def test_reaching_the_provinces_level():
    t = target(None, None, unit="元", kind="relative", text="达到全省平均水平", reference="全省平均水平")
    assert decide(t, actual("60000", unit="元"), Scopes(province={"x": "60000"})).status == "achieved"
    assert decide(t, actual("59000", unit="元"), Scopes(province={"x": "60000"})).status == "missed"


def test_a_rules_file_without_references_uses_the_bundled_ones():
    mine = Rules.from_data({"rules": Rules.load().rules}, "mine.yaml")
    t = target(None, None, kind="relative", text="高于GDP增速", reference="GDP增速")
    assert decide(t, actual("8"), Refs(gdp="7"), mine).status == "achieved"


def test_a_tolerance_a_rules_file_leaves_out_is_the_bundled_one():
    mine = Rules.from_data({"rules": Rules.load().rules, "tolerance": {"percent_points": 0.1}}, "mine.yaml")
    assert mine.tolerance == {**Rules.load().tolerance, "percent_points": 0.1}
    assert Rules.load().tolerance == {"percent_points": 0.5, "relative": 0.05, "sync_points": 1.0,
                                      "progress_margin": 0.0}


def test_a_rules_file_may_name_references_of_its_own():
    mine = Rules.from_data({"rules": Rules.load().rules, "references": [["居民收入", "disposable_income_growth"]]},
                           "mine.yaml")
    t = target(None, None, kind="relative", text="与居民收入增长同步", reference="居民收入增长")
    assert decide(t, actual("6"), Figures(disposable_income_growth="6.5"), mine).status == "achieved"
    gdp = target(None, None, kind="relative", text="高于GDP增速", reference="GDP增速")
    assert decide(gdp, actual("8"), Refs(gdp="7"), mine).status == "needs_review"  # its list replaces ours


@pytest.mark.parametrize("references, message", [
    ({"投资": "fai_growth"}, "must be a list"),
    ([["投资"]], r"must be a \[word, indicator\] pair"),
    ([["投资", "no_such_indicator"]], "unknown indicator 'no_such_indicator'"),
])
def test_a_rules_files_references_are_checked(references, message):
    with pytest.raises(InputError, match=message):
        Rules.from_data({"rules": Rules.load().rules, "references": references}, "mine.yaml")


@pytest.mark.parametrize("scopes, message", [
    ({"全省": "province"}, "must be a list"),
    ([["全省"]], r"must be a \[word, level\] pair"),
    ([["全省", "galaxy"]], "unknown level 'galaxy'"),
])
def test_a_rules_files_reference_scopes_are_checked(scopes, message):
    with pytest.raises(InputError, match=message):
        Rules.from_data({"rules": Rules.load().rules, "reference_scopes": scopes}, "mine.yaml")


# ------------------------------------------------------------------ targets covering several years


def five_year(name, text, unit="%", indicator=None):
    return TargetLine(name=name, indicator=indicator, text=text, kind="numeric", comparator="=", value=D(30),
                      value_high=None, unit=unit, year=2025, reference=None, base_year=2020)


@pytest.mark.parametrize("name, text, unit, measure", [
    ("城镇新增就业", "累计达到30万人", "万人", "cumulative"),   # (the end year's level without 累计)
    ("累计新增城镇就业", "30", "万人", "cumulative"),
    ("研发经费投入", "年均8%", "%", "average"),                # (a plain 8% of no known indicator: a level)
    ("研发经费投入年均增长", "8", "%", "average"),
])
def test_a_period_word_says_how_a_target_counts_its_years(name, text, unit, measure):
    assert period_measure(five_year(name, text, unit)) == measure


def test_without_a_period_word_a_figure_is_the_end_years_level():
    assert period_measure(five_year("城镇新增就业", "达到30万人", "万人")) == "level"
    assert period_measure(five_year("研发经费投入", "8%")) == "level"


def test_a_cumulative_target_is_judged_over_its_years():
    """The measure decides the rule: 累计 sums the years' figures (five years of 6.1万人 reach 30万人)."""
    class Jobs(Context):
        def actual_of(self, indicator, year):
            return actual("6.1", unit="万人", year=year) if 2021 <= year <= 2025 else None

    t = five_year("城镇新增就业", "累计达到30万人", "万人", indicator="new_urban_jobs")
    t.measure = period_measure(t)
    assert decide(t, None, Jobs()).status == "achieved"


def test_a_rules_file_without_period_words_uses_the_bundled_ones():
    mine = Rules.from_data({"rules": Rules.load().rules}, "mine.yaml")
    assert period_measure(five_year("城镇新增就业", "累计达到30万人", "万人"), mine) == "cumulative"


def test_a_rules_file_may_name_period_words_of_its_own():
    mine = Rules.from_data({"rules": Rules.load().rules,
                            "period_words": {"cumulative": ["合计"], "average": ["平均每年"]}}, "mine.yaml")
    assert period_measure(five_year("城镇新增就业", "合计达到30万人", "万人"), mine) == "cumulative"
    assert period_measure(five_year("研发经费投入", "平均每年8%"), mine) == "average"
    assert period_measure(five_year("研发经费投入", "年均8%"), mine) == "level"  # its words replace ours


@pytest.mark.parametrize("period_words", [["累计"], {"cumulative": ["累计"]}, {"cumulative": "累计", "average": []}])
def test_a_rules_files_period_words_are_checked(period_words):
    with pytest.raises(InputError, match="period_words"):
        Rules.from_data({"rules": Rules.load().rules, "period_words": period_words}, "mine.yaml")


# ------------------------------------------------------------------ targets of several parts


class Shares(Context):
    """A share of 15 % for any indicator asked."""

    def actual_of(self, indicator, year):
        return actual("15", year=year)


@pytest.mark.parametrize("name, subject", [
    ("税收总额", "占比"),                          # 税收占比 → tax_revenue_share
    ("税收额", "占比"),
    ("数字经济总量", "占GDP比重"),                  # 数字经济占GDP比重 → digital_economy_share
    ("外贸出口规模", "占全国份额"),                  # 外贸出口占全国份额 → export_share_national
    ("外贸出口水平", "占全国份额"),
    ("外贸出口数量", "占全国份额"),
])
def test_a_later_parts_indicator_is_found_from_the_name_without_its_amount_word(name, subject):
    t = target("=", "8", text=f"增长8%，{subject}达到14%")
    t.name = name
    s = decide(t, None, Shares())
    assert [p["status"] for p in s.parts] == ["pending", "achieved"]  # (no indicator: pending)


# kinds.multiples (the extractor's lexicon): a multiple of the indicator's own level in a base year,
# judged against the base year's actual times the word's factor — at the end year whole, before it the
# share steady growth reaches (2 over 15 years: 2^(5/15) ≈ 1.26 after five)
class Levels(Context):
    """The indicator's level: 100亿元 in 2020, ``later`` any other year."""

    def __init__(self, base="100"):
        self.base = base

    def actual_of(self, indicator, year):
        return actual(self.base, unit="亿元", year=2020) if year == 2020 and self.base is not None else None


@pytest.mark.parametrize("word, factor", [("翻一番", 2), ("翻两番", 4), ("翻番", 2), ("翻一倍", 2), ("增长一倍", 2)])
def test_a_multiple_of_the_base_years_level(word, factor):
    t = target(None, None, unit=None, kind="relative", text=f"比2020年{word}", reference="2020年", year=2035)
    enough, short = str(100 * factor), str(100 * factor - 10)
    assert decide(t, actual(enough, unit="亿元", year=2035), Levels()).status == "achieved"
    assert decide(t, actual(short, unit="亿元", year=2035), Levels()).status == "missed"
    midway = D(str(round(factor ** (5 / 15), 3))) * 100  # five of fifteen years
    assert decide(t, actual(str(midway + 1), unit="亿元", year=2025), Levels()).status == "on_track"
    assert decide(t, actual(str(midway - 1), unit="亿元", year=2025), Levels()).status == "behind"


def test_a_multiple_says_what_it_compared_and_what_it_cannot():
    t = target(None, None, unit=None, kind="relative", text="比2020年翻一番", reference="2020年", year=2035)
    s = decide(t, actual("210", unit="亿元", year=2035), Levels())
    assert "2020" in s.explanation and "1.05" not in s.explanation and "2.1" in s.explanation
    assert decide(t, actual("210", unit="亿元", year=2035), Levels(base=None)).status == "pending"  # no base year's figure
    assert decide(t, actual("8", year=2035), Levels()).status == "needs_review"  # a rate is no level to multiply
    no_base = target(None, None, unit=None, kind="relative", text="实现翻一番", reference=None, year=2035)
    assert decide(no_base, actual("210", unit="亿元", year=2035), Levels()).status == "needs_review"


# kinds.relative_reaching: reaching the reference's level is meeting it, the figure equal included
@pytest.mark.parametrize("word", ["达到", "赶上", "追平"])
def test_reaching_the_references_level(word):
    t = target(None, None, kind="relative", text=f"{word}经济增长平均水平", reference="经济增长平均水平")
    assert decide(t, actual("7"), Figures(gdp_growth="7")).status == "achieved"  # (above's test: 7 > 7 fails)
    assert decide(t, actual("6.9"), Figures(gdp_growth="7")).status == "missed"

"""Status rules as a spec table, and the tracking questions on real databases."""
from __future__ import annotations

from decimal import Decimal

import pytest

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from paths import SEEDS, need_shared
from zhibiao.errors import InputError
from zhibiao.ingest import ingest
from zhibiao.track.status import Actual, Context, Rules, TargetLine, decide

D = Decimal


def target(comparator, value, unit="%", direction="up", kind="numeric", high=None, text="", reference=None, year=2024):
    return TargetLine(name="x", indicator="x", text=text or f"{value}{unit}", kind=kind, comparator=comparator,
                      value=D(value) if value is not None else None, value_high=D(high) if high else None, unit=unit,
                      year=year, reference=reference, direction=direction)


def actual(value, unit="%", period=None, year=2024):
    return Actual(value=D(value), unit=unit, text=f"{value}{unit}", document="report.txt", span=[0, 4], year=year,
                  period=period, estimated=False)


class Refs(Context):
    def __init__(self, gdp=None, parent=None):
        self.gdp, self.parent = gdp, parent

    def actual_of(self, indicator, year):
        return actual(self.gdp) if indicator == "gdp_growth" and self.gdp is not None else None

    def parent_target(self, t):
        return self.parent


SPEC = [
    # comparator, target, direction, actual -> status
    (">=", "6.5", "up", "7.8", "achieved"), (">=", "6.5", "up", "6.5", "achieved"), (">=", "6.5", "up", "6.4", "missed"),
    (">", "6.5", "up", "6.5", "missed"), ("<=", "5", "down", "5", "achieved"), ("<=", "5", "down", "5.1", "missed"),
    ("<", "0.007", "down", "0.007", "missed"), ("<", "0.007", "down", "0.006", "achieved"),
    ("=", "9", "up", "9.2", "achieved"), ("=", "9", "up", "8.9", "missed"),  # a bare figure: floor when up
    ("=", "1.68", "down", "1.65", "achieved"), ("=", "3", "band", "3.4", "missed"),  # ceiling when down/band
    ("~", "10", "up", "10.8", "achieved"), ("~", "10", "up", "9.6", "basically_achieved"), ("~", "10", "up", "9.4", "missed"),
    ("~", "3", "band", "3.3", "basically_achieved"), ("~", "3", "band", "2.1", "achieved"), ("~", "3", "band", "3.6", "missed"),
    ("range", "6", "up", "6.2", "achieved"), ("range", "6", "up", "5.9", "missed"),
]


@pytest.mark.parametrize("comparator, value, direction, got, status", SPEC)
def test_status_of_numeric_targets(comparator, value, direction, got, status):
    t = target(comparator, value, direction=direction, high="6.5" if comparator == "range" else None)
    s = decide(t, actual(got), Refs())
    assert s.status == status
    assert "report.txt" in s.explanation


def test_tolerance_is_configurable():
    strict = Rules.from_data({"tolerance": {"percent_points": 0.1}, "rules": Rules.load().rules}, "test")
    assert decide(target("~", "10"), actual("9.6"), Refs(), strict).status == "missed"


def test_units_convert_or_need_review():
    assert decide(target(">=", "1.2", unit="万亿元"), actual("12500", unit="亿元"), Refs()).status == "achieved"
    assert decide(target(">=", "10", unit="万人"), actual("5", unit="%"), Refs()).status == "needs_review"


def test_no_actual_qualitative_and_unparsed():
    assert decide(target(">=", "6"), None, Refs()).status == "pending"
    assert decide(target(None, None, kind="directional", text="基本平衡"), actual("5"), Refs()).status == "needs_review"
    assert decide(target(None, None, kind=None, text="另行安排"), actual("5"), Refs()).status == "needs_review"


@pytest.mark.parametrize("text, reference, own, gdp, status", [
    ("与经济增长基本同步", "经济增长", "7.0", "7.8", "achieved"),   # within the sync tolerance
    ("与经济增长基本同步", "经济增长", "5.9", "7.8", "missed"),
    ("高于GDP增速", "GDP增速", "8.5", "7.8", "achieved"),
    ("高于GDP增速", "GDP增速", "7.8", "7.8", "missed"),
])
def test_relative_targets_use_the_referenced_actual(text, reference, own, gdp, status):
    t = target(None, None, kind="relative", text=text, reference=reference)
    assert decide(t, actual(own), Refs(gdp=gdp)).status == status


def test_assigned_targets_use_the_superior_target():
    t = target(None, None, kind="assigned", text="完成省下达目标")
    parent = target("<=", "3", direction="down")
    assert decide(t, actual("2.5"), Refs(parent=parent)).status == "achieved"
    assert decide(t, actual("2.5"), Refs(parent=None)).status == "needs_review"


def test_partial_year_progress_and_later_year_targets():
    jobs = target("=", "12", unit="万人")
    assert decide(jobs, actual("7", unit="万人", period="2024-01/2024-06"), Refs()).status == "on_track"
    assert decide(jobs, actual("5", unit="万人", period="2024-01/2024-06"), Refs()).status == "behind"
    growth = target(">=", "6")
    assert decide(growth, actual("5.5", period="2024-01/2024-09"), Refs()).status == "behind"
    five_year = target(">=", "70", year=2025)
    assert decide(five_year, actual("66", year=2023), Refs()).status == "pending"  # no earlier figure to compare


class Series(Refs):
    def __init__(self, values):
        super().__init__()
        self.values = values

    def actual_of(self, indicator, year):
        return actual(self.values[year], year=year) if year in self.values else None


@pytest.mark.parametrize("values, status", [
    ({2022: "64", 2023: "66"}, "on_track"),   # +2 a year, 2 a year needed to reach 70 by 2025
    ({2022: "65.5", 2023: "66"}, "behind"),   # +0.5 a year is too slow
    ({2022: "69", 2023: "71"}, "on_track"),   # already there
])
def test_later_year_targets_by_required_rate(values, status):
    t = target(">=", "70", year=2025)
    assert decide(t, actual(values[2023], year=2023), Series(values)).status == status


def test_bad_rules_file(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n- {when: {}, test: magic}\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown test"):
        Rules.load(bad)


# ------------------------------------------------------------------ on the seeds (issue 6's checks)

@pytest.fixture
def seeded(db_url):
    need_shared(SEEDS)
    db = zhibiao.open(db_url)
    ingest(db.db, [SEEDS])
    return db


@pytest.mark.corpus
def test_shaoxing_2023_status(seeded):
    report = seeded.status(region="绍兴市", year=2023)
    by = {t.indicator: t for t in report.targets}
    gdp = by["gdp_growth"]
    assert (gdp.text, gdp.status, gdp.actual["value"]) == ("6.5%以上", "achieved", 7.8)
    assert gdp.actual["document"]["title"] == gdp.actual["source"] and "/" not in gdp.actual["source"]
    assert "政府工作报告" in gdp.actual["source"] and "绍兴市" in gdp.actual["source"]
    assert (by["industrial_value_added_growth"].status, by["industrial_value_added_growth"].actual["value"]) == \
        ("achieved", 10.8)
    ratio = by["urban_rural_income_ratio"]
    assert (ratio.text, ratio.status, ratio.actual["value"]) == ("不高于1.68", "achieved", 1.65)
    assert by["hospitals"].status == "pending" and by["hospitals"].actual is None
    data = report.to_dict()
    assert set(data) == {"region", "year", "targets", "summary", "achievement", "needs_review", "rejected"}
    assert set(data["targets"][0]) >= {"name", "indicator", "text", "comparator", "value", "unit", "status",
                                       "explanation", "actual"}
    assert sum(data["summary"].values()) == len(data["targets"])


@pytest.mark.corpus
def test_shaoxing_2024_against_2023(seeded):
    changes = {c["indicator"]: c for c in seeded.compare_years("绍兴市", 2024)}
    assert changes["industrial_value_added_growth"]["change"] == "lowered"
    assert (changes["industrial_value_added_growth"]["previous"]["text"],
            changes["industrial_value_added_growth"]["current"]["text"]) == ("10%左右", "9%")
    assert changes["rd_intensity"]["change"] == "raised"
    assert changes["museums"]["change"] == "raised" and changes["museums"]["delta"] == 5


@pytest.mark.corpus
def test_zhejiang_2024_against_its_cities(seeded):
    levels = seeded.compare_levels("浙江省", 2024)
    gdp = {c["region"]["name"]: next(t for t in c["targets"] if t["indicator"] == "gdp_growth")
           for c in levels["children"]}
    assert gdp["绍兴市"]["child"]["text"] == "6.5%以上" and gdp["绍兴市"]["margin"] == 1
    assert gdp["嘉兴市"]["child"]["text"] == "增长6%左右" and gdp["嘉兴市"]["margin"] == 0.5
    assert all(g["parent"]["value"] == 5.5 and g["raised"] for g in gdp.values())
    regions = {r["region"]["name"] for r in seeded.compare_regions("gdp_growth", 2024, level="prefecture")}
    assert regions == {"绍兴市", "嘉兴市"}


@pytest.mark.corpus
def test_override_with_reason(seeded):
    seeded.override("绍兴市", 2023, "hospitals", "achieved", "统计局快报：115家", who="analyst")
    line = next(t for t in seeded.status("绍兴市", 2023).targets if t.indicator == "hospitals")
    assert line.status == "achieved" and line.overridden and "115家" in line.explanation
    with pytest.raises(InputError):
        seeded.override("绍兴市", 2023, "hospitals", "great", "x")


def test_five_year_target_tracked_by_required_rate(db_url, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("德清县人民政府关于印发德清县2023年国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n主要目标\n\n"
                    "序号\t指标名称\t2025年目标\n1\t森林覆盖率\t70%\n", encoding="utf-8")
    data = tmp_path / "a.csv"
    data.write_text("region,indicator,year,value,unit\n德清县,forest_coverage,2022,64,%\n德清县,forest_coverage,2023,66,%\n",
                    encoding="utf-8")
    db = zhibiao.open(db_url)
    ingest(db.db, [plan])
    from zhibiao.store.imports import import_actuals

    assert import_actuals(db.db, data).stored == 2
    line = db.status("德清县", 2025).targets[0]
    assert (line.status, line.actual["value"]) == ("on_track", 66)
    assert "2025" in line.explanation and "2023" in line.explanation


STRETCH = [
    # the target as printed, its comparator and figure, the actual → status, and whether the stretch is met
    ("确保增长6.5%、力争7%", "=", "6.5", "7.2", "achieved", True),
    ("确保增长6.5%、力争7%", "=", "6.5", "6.8", "achieved", False),
    ("增长6%左右，力争6.5%", "~", "6", "5.2", "missed", None),  # missed: no word of the stretch
    ("控制在5.5%以内，力争控制在5%以内", "<=", "5.5", "4.9", "achieved", True),
    ("控制在5.5%以内，力争控制在5%以内", "<=", "5.5", "5.2", "achieved", False),
]


@pytest.mark.parametrize("text, comparator, value, got, status, stretch_met", STRETCH)
def test_a_stretch_is_judged_beside_the_target_never_as_a_part_of_it(text, comparator, value, got, status, stretch_met):
    # "增长6.5%、力争7%": the status is the target's own; a met target says whether its stretch is met too
    direction = "down" if comparator == "<=" else "up"
    a = actual(got)
    a.text = f"增长{got}%" if "增长" in text else a.text  # (a growth target is met by a growth)
    s = decide(target(comparator, value, direction=direction, text=text), a, Refs())
    assert s.status == status and not s.parts
    stretch = text.split("，")[-1].split("、")[-1]
    if stretch_met is None:
        assert f"{stretch}：" not in s.explanation and "stretch" not in s.explanation_en
    else:
        assert f"{stretch}：{'已完成' if stretch_met else '未完成'}" in s.explanation, s.explanation
        assert f"the stretch “{stretch}”" in s.explanation_en


def test_a_decline_with_a_stretch_is_one_target_judged_by_its_first_figure():
    # "下降3%，力争下降3.5%": not two parts (the stretch would make a 3.2% cut a miss)
    t = TargetLine(name="单位地区生产总值能耗", indicator="x", text="下降3%，力争下降3.5%", kind="numeric", comparator="=",
                   value=D("3"), value_high=None, unit="%", year=2024, reference=None, direction="down")
    a = Actual(value=D("3.2"), unit="%", text="下降3.2%", document="report.txt", span=[0, 4], year=2024, period=None,
               estimated=False)
    s = decide(t, a, Refs())
    assert s.status == "achieved" and not s.parts
    assert "力争下降3.5%：未完成" in s.explanation


@pytest.mark.parametrize("printed, unit, status", [
    ("100.4", None, "achieved"),  # 居民消费价格指数为100.4 (上年=100): a rise of 0.4%, within 3%左右
    ("103.6", "%", "missed"),     # 价格指数为103.6%: 3.6%, over it
    ("98.9", None, "achieved"),   # a fall of 1.1%
])
@pytest.mark.parametrize("text", ["3%左右", "上涨3%左右"])
def test_an_index_of_the_year_before_is_the_change_it_says(printed, unit, status, text):
    t = TargetLine(name="居民消费价格涨幅", indicator="cpi", text=text, kind="numeric", comparator="~", value=D("3"),
                   value_high=None, unit="%", year=2024, reference=None, direction="band")
    a = Actual(value=D(printed), unit=unit, text=f"为{printed}", document="公报", span=[0, 4], year=2024, period=None,
               estimated=False, measure="level", indicator="cpi")
    s = decide(t, a, Refs())
    assert s.status == status, s.explanation
    change = D(printed) - 100
    assert f"{change.normalize():f}%" in s.explanation or f"{abs(change).normalize():f}%" in s.explanation


def test_a_level_of_a_level_indicator_is_no_index():
    t = TargetLine(name="城镇调查失业率", indicator="surveyed_unemployment", text="5.5%以内", kind="numeric",
                   comparator="<=", value=D("5.5"), value_high=None, unit="%", year=2024, reference=None, direction="down")
    a = Actual(value=D("100"), unit="%", text="为100%", document="公报", span=[0, 4], year=2024, period=None,
               estimated=False, measure="level", indicator="surveyed_unemployment")
    assert decide(t, a, Refs()).status == "missed"


@pytest.mark.parametrize("printed, value, status", [
    ("下降3.2%", "3.2", "achieved"), ("下降6%", "6", "missed"),
    ("降幅收窄至2.3%", "-2.3", "achieved"),  # a result told by its decline's name: a fall of 2.3
    ("增长1.5%", "1.5", "achieved"),
])
def test_a_target_on_a_declines_size_reads_as_a_decline_whatever_its_verb(printed, value, status):
    """降幅收窄至5%以内 (the extractor names 房地产开发投资, the text opens with 降幅: measures.decline_names) bounds the
    size of a fall, as 下降5%以内 does — never a level of 5% the growth is held to."""
    t = TargetLine(name="商品房销售面积", indicator="x", text="降幅收窄至5%以内", kind="numeric", comparator="<=",
                   value=D("5"), value_high=None, unit="%", year=2024, reference=None, direction="down")
    a = Actual(value=D(value), unit="%", text=printed, document="report.txt", span=[0, 4], year=2024, period=None,
               estimated=False)
    assert decide(t, a, Refs()).status == status

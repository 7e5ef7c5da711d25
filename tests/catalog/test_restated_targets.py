"""A figure stated twice in one document under two names of one indicator is one target."""
from __future__ import annotations

from decimal import Decimal

from zhibiao.api import extract_text
from zhibiao.catalog.annotate import merge_restated_targets
from zhibiao.models import DocumentInfo, Extraction, Target


def test_a_news_headline_and_its_article_state_one_target():
    text = ("平川定下今年发展目标：GDP增长6.5%以上\n\n来源：平川日报\n\n"
            "1月10日，平川市第十届人民代表大会第四次会议开幕。报告提出，今年全市经济社会发展的主要预期目标是："
            "地区生产总值增长6.5%以上，城镇新增就业3万人，居民消费价格涨幅3%左右。\n")
    targets = extract_text(text).targets
    assert [t.name for t in targets if t.indicator == "gdp_growth"] == ["地区生产总值"]  # the fuller name
    assert {t.indicator for t in targets} >= {"new_urban_jobs", "cpi"}


def _target(name: str, indicator: str | None, source: str = "prose", value: str | None = "6", kind: str = "numeric") -> Target:
    return Target(name=name, text="增长6%", kind=kind, year=2025, comparator="=" if value else None,
                  value=Decimal(value) if value else None, source=source, indicator=indicator)


def _merged(*targets: Target) -> list[str]:
    extraction = Extraction(document=DocumentInfo(source="x.txt", sha256="0", format="txt"), targets=list(targets))
    merge_restated_targets(extraction)
    return [f"{t.name}/{t.source}" for t in extraction.targets]


def test_a_table_row_outranks_prose_and_two_rows_stay_two():
    assert _merged(_target("经济增长", "gdp_growth"), _target("GDP增速", "gdp_growth", "table")) == ["GDP增速/table"]
    assert _merged(_target("地区生产总值增长", "gdp_growth", "table"), _target("GDP增速", "gdp_growth", "table")) == \
        ["地区生产总值增长/table", "GDP增速/table"]


def test_only_the_same_figure_of_one_known_indicator_is_merged():
    assert _merged(_target("GDP", "gdp_growth"), _target("地区生产总值", "gdp_growth", value="7")) == \
        ["GDP/prose", "地区生产总值/prose"]
    assert _merged(_target("甲指标", None), _target("乙指标乙", None)) == ["甲指标/prose", "乙指标乙/prose"]
    # directions of one indicator may speak of two things the catalogue does not tell apart
    assert _merged(_target("城镇居民收入", "disposable_income_growth", value=None, kind="directional"),
                   _target("农村居民收入", "disposable_income_growth", value=None, kind="directional")) == \
        ["城镇居民收入/prose", "农村居民收入/prose"]
    # the same name length: the one stated first
    assert _merged(_target("经济增长", "gdp_growth"), _target("生产总值", "gdp_growth")) == ["经济增长/prose"]


# A plan report printing its targets in the text and again in an appendix table (附表：主要指标): our own document
APPENDED = ("河阳县2026年国民经济和社会发展计划\n\n二、2026年主要预期目标\n"
            "全县地区生产总值增长6%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内，单位地区生产总值能耗下降3%。\n\n"
            "附表：主要指标\n序号\t类别\t指标\t单位\t2026年目标\t属性\n"
            "1\t经济发展\t地区生产总值增长\t%\t6\t预期性\n"
            "2\t经济发展\t一般公共预算收入增长\t%\t5.5\t预期性\n"
            "3\t民生福祉\t城镇调查失业率\t%\t5.5\t预期性\n")


def test_a_target_in_the_text_and_its_appendix_tables_row_are_one_target_the_rows():
    ex = extract_text(APPENDED)
    by_indicator = {}
    for t in ex.targets:
        by_indicator.setdefault(t.indicator, []).append((t.source, t.seq, t.value))
    # the same figure, printed with its words (增长6%左右, 控制在5.5%以内) and as a cell (6, 5.5): the row
    assert by_indicator["gdp_growth"] == [("table", "1", Decimal("6"))]
    assert by_indicator["surveyed_unemployment"] == [("table", "3", Decimal("5.5"))]
    # a target the table does not print stays
    assert by_indicator["energy_intensity_reduction"] == [("prose", None, Decimal("3"))]


def test_a_target_the_text_and_the_table_state_differently_stays_twice_with_a_warning():
    ex = extract_text(APPENDED)
    assert sorted((t.source, t.value) for t in ex.targets if t.indicator == "budget_revenue_growth") == \
        [("prose", Decimal("5")), ("table", Decimal("5.5"))]
    assert [w for w in ex.warnings if "一般公共预算收入" in w and "both kept" in w]
    assert not [w for w in ex.warnings if "地区生产总值" in w and "both kept" in w]


def test_a_table_row_takes_the_place_of_the_texts_figure_of_another_year_only_of_its_own_year():
    a, b = _target("地区生产总值", "gdp_growth"), _target("地区生产总值增长", "gdp_growth", "table")
    b.comparator, b.year = "=", 2026
    a.comparator = "~"
    assert _merged(a, b) == ["地区生产总值/prose", "地区生产总值增长/table"]
    b.year = 2025
    assert _merged(a, b) == ["地区生产总值增长/table"]


def test_a_range_in_the_text_is_not_the_tables_single_figure():
    a, b = _target("地区生产总值", "gdp_growth"), _target("地区生产总值增长", "gdp_growth", "table")
    a.comparator, a.value_high = "range", Decimal("7")  # 增长6%—7% beside a row of 6
    assert _merged(a, b) == ["地区生产总值/prose", "地区生产总值增长/table"]

"""A result stated twice in one document under two names of one indicator is one result."""
from __future__ import annotations

from decimal import Decimal

from zhibiao.api import extract_text
from zhibiao.catalog.annotate import merge_restated_actuals
from zhibiao.models import Actual, DocumentInfo, Extraction


def test_a_news_headline_and_its_article_state_one_result():
    # our own news page: the headline states last year's GDP, the article the same figure under its full name
    text = ("青川去年GDP预计超过3200亿元，今年预期目标增长6%以上\n\n来源：青川日报\n\n"
            "1月12日，青川市第九届人民代表大会第五次会议开幕。报告回顾，2025年全市地区生产总值预计超过3200亿元，"
            "一般公共预算收入218.6亿元。今年全市经济社会发展的主要预期目标是：地区生产总值增长6%以上。\n")
    actuals = extract_text(text).actuals
    gdp = [a for a in actuals if a.indicator == "gdp_level"]
    assert [(a.name, a.value) for a in gdp] == [("地区生产总值", Decimal("3200"))]  # the fuller name
    assert any(a.indicator == "budget_revenue_level" for a in actuals)


def _actual(name: str, indicator: str | None, source: str = "prose", value: str = "6", origin: str = "printed",
            **fields) -> Actual:
    return Actual(name=name, measure=fields.pop("measure", "growth"), text=f"增长{value}%", value=Decimal(value),
                  unit="%", year=2025, source=source, indicator=indicator, name_origin=origin, **fields)


def _merged(*actuals: Actual) -> list[str]:
    extraction = Extraction(document=DocumentInfo(source="x.txt", sha256="0", format="txt"), actuals=list(actuals))
    merge_restated_actuals(extraction)
    return [f"{a.name}/{a.source}" for a in extraction.actuals]


def test_a_table_row_outranks_prose_and_two_rows_stay_two():
    assert _merged(_actual("经济增长", "gdp_growth"), _actual("GDP增速", "gdp_growth", "table")) == ["GDP增速/table"]
    assert _merged(_actual("地区生产总值增长", "gdp_growth", "table"), _actual("GDP增速", "gdp_growth", "table")) == \
        ["地区生产总值增长/table", "GDP增速/table"]


def test_a_printed_name_outranks_a_carried_one_then_the_fuller_then_the_first():
    assert _merged(_actual("地区生产总值", "gdp_growth", origin="carried"), _actual("GDP", "gdp_growth")) == ["GDP/prose"]
    assert _merged(_actual("GDP", "gdp_growth"), _actual("地区生产总值", "gdp_growth")) == ["地区生产总值/prose"]
    assert _merged(_actual("经济增长", "gdp_growth"), _actual("生产总值", "gdp_growth")) == ["经济增长/prose"]


def test_only_one_figure_of_one_known_indicator_for_one_period_is_merged():
    assert _merged(_actual("GDP", "gdp_growth"), _actual("地区生产总值", "gdp_growth", value="7")) == \
        ["GDP/prose", "地区生产总值/prose"]
    assert _merged(_actual("甲指标", None), _actual("乙指标乙", None)) == ["甲指标/prose", "乙指标乙/prose"]
    # the same figure for the first three quarters and for the year, or an estimate and the final figure: two
    assert _merged(_actual("GDP", "gdp_growth", period="2025-01/2025-09"), _actual("地区生产总值", "gdp_growth")) == \
        ["GDP/prose", "地区生产总值/prose"]
    assert _merged(_actual("GDP", "gdp_growth", estimated=True), _actual("地区生产总值", "gdp_growth")) == \
        ["GDP/prose", "地区生产总值/prose"]
    # a breakdown's row under another total is another figure
    assert _merged(_actual("工业", "industrial_value_added_growth", parent="地区生产总值"),
                   _actual("规模以上工业增加值", "industrial_value_added_growth")) == \
        ["工业/prose", "规模以上工业增加值/prose"]

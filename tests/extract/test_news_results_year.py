"""A news page on last year's results whose headline names no year: its dateline dates it, as a page
speaking of 今年 is dated (the results are of the year before the page's)."""
from __future__ import annotations

from decimal import Decimal

from zhibiao.api import extract_text

# our own news page: a headline without a year, a dateline, last year's results
BODY = "记者从市统计局获悉，经初步核算，去年全市地区生产总值2318.6亿元，比上年增长5.6%。\n"


def test_a_results_page_dated_by_its_dateline_states_the_year_before_s_results():
    e = extract_text("临江市经济运行稳中有进\n2026-01-21 来源：临江日报\n\n" + BODY)
    assert e.document.plan_year == 2026
    assert [(a.name, a.value, a.year) for a in e.actuals] == [
        ("地区生产总值", Decimal("2318.6"), 2025), ("地区生产总值", Decimal("5.6"), 2025)]


def test_without_a_dateline_last_year_s_results_have_no_year():
    # (nothing dates the page: its results are of no year it can tell, and none is guessed)
    e = extract_text("临江市经济运行稳中有进\n来源：临江日报\n\n" + BODY)
    assert e.document.plan_year is None
    assert all(a.year is None for a in e.actuals)

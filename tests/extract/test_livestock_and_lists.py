"""Livestock counted in compound units (万头只, 万头（只）, 万羽) and figures taken in order by the names
before them (牦牛、藏羊出栏分别达到12万头、30万只): each name its own figure, each figure its own unit.
The documents are our own."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from zhibiao.api import extract_text

HEAD = "玛多县2026年国民经济和社会发展计划\n\n二、2026年主要预期目标\n全县地区生产总值增长5%左右，"


def _targets(clause: str) -> list[tuple]:
    ex = extract_text(HEAD + clause + "。\n")
    return [(t.name, t.value, t.unit, t.comparator) for t in ex.targets if t.indicator != "gdp_growth"]


@pytest.mark.parametrize("printed,unit", [("1250万头只", "万头只"), ("1250万头（只）", "万头（只）"),
                                          ("1250万头/只", "万头/只"), ("1250万羽", "万羽")])
def test_a_livestock_count_is_read_in_its_compound_unit(printed, unit):
    assert _targets(f"牲畜出栏达到{printed}") == [("牲畜出栏", D("1250"), unit, "=")]


def test_names_sharing_a_verb_and_respectively_take_a_figure_each_in_its_own_unit():
    assert _targets("牦牛、藏羊出栏分别达到12万头、30万只") == [
        ("牦牛出栏", D("12"), "万头", "="), ("藏羊出栏", D("30"), "万只", "=")]
    # a bound after the last figure is the list's
    assert _targets("牦牛、藏羊出栏分别达到12万头和30万只以上") == [
        ("牦牛出栏", D("12"), "万头", ">="), ("藏羊出栏", D("30"), "万只", ">=")]


def test_a_list_of_amounts_after_respectively_is_read_in_order():
    # (the shape 城乡居民收入分别增长6%、7% is read; so is one of amounts after 达到)
    assert _targets("城镇和农村居民人均可支配收入分别达到5万元、2万元") == [
        ("城镇居民人均可支配收入", D("5"), "万元", "="), ("农村居民人均可支配收入", D("2"), "万元", "=")]


def test_a_review_reads_the_same_list_as_results():
    ex = extract_text("玛多县2025年国民经济和社会发展计划执行情况与2026年计划草案\n\n一、2025年计划执行情况\n"
                      "2025年，全县牦牛、藏羊出栏分别达到11万头、28万只。\n")
    assert [(a.name, a.value, a.unit) for a in ex.actuals] == [("牦牛出栏", D("11"), "万头"), ("藏羊出栏", D("28"), "万只")]

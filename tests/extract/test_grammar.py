"""The target grammar as a spec table: phrase -> kind, comparator, value(s), unit."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhibiao.extract.grammar import parse_target
from zhibiao.extract.numbers import parse_chinese

D = Decimal
SPEC = [
    # phrase, kind, comparator, value, value_high, unit
    ("6.5%以上", "numeric", ">=", D("6.5"), None, "%"),
    ("不低于92", "numeric", ">=", D("92"), None, None),
    ("达到3%以上", "numeric", ">=", D("3"), None, "%"),
    ("超过100万人", "numeric", ">", D("100"), None, "万人"),
    ("高于5%", "numeric", ">", D("5"), None, "%"),
    ("5%以内", "numeric", "<=", D("5"), None, "%"),
    ("28微克/立方米以下", "numeric", "<=", D("28"), None, "微克/立方米"),
    ("不高于25", "numeric", "<=", D("25"), None, None),
    ("不超过1.5%", "numeric", "<=", D("1.5"), None, "%"),
    ("控制在4.6%以内", "numeric", "<=", D("4.6"), None, "%"),
    ("低于0.007人/亿元", "numeric", "<", D("0.007"), None, "人/亿元"),
    ("<0.008", "numeric", "<", D("0.008"), None, None),
    ("不满60%", "numeric", "<", D("60"), None, "%"),
    ("3%左右", "numeric", "~", D("3"), None, "%"),
    ("约1.2万亿元", "numeric", "~", D("1.2"), None, "万亿元"),
    ("控制在3%左右", "numeric", "~", D("3"), None, "%"),
    ("5.5%", "numeric", "=", D("5.5"), None, "%"),
    ("1.65", "numeric", "=", D("1.65"), None, None),
    ("3100万人次", "numeric", "=", D("3100"), None, "万人次"),
    ("6%—6.5%", "numeric", "range", D("6"), D("6.5"), "%"),
    ("6-6.5%", "numeric", "range", D("6"), D("6.5"), "%"),
    # a range by its two ends: two bounds facing each other, or a joiner with 之间 after the second
    ("增长6%以上、7%以下", "numeric", "range", D("6"), D("7"), "%"),
    ("增长4%以上，5%以内", "numeric", "range", D("4"), D("5"), "%"),
    ("增长6%和7%之间", "numeric", "range", D("6"), D("7"), "%"),
    ("介于2.5%与3%之间", "numeric", "range", D("2.5"), D("3"), "%"),
    ("增长6%以上、7%左右", "numeric", ">=", D("6"), None, "%"),  # no upper bound: two figures
    ("增长7%以上、6%以下", "numeric", ">=", D("7"), None, "%"),  # no range: the upper bound is lower
    ("增长6%以上、8亿元以下", "numeric", ">=", D("6"), None, "%"),  # no range: another unit
    ("增长6%和7%", "numeric", "=", D("6"), None, "%"),  # no 之间: a list
    ("增长8%以上，占全国份额保持稳定", "numeric", ">=", D("8"), None, "%"),
    ("128个考核断面Ⅰ~Ⅲ类水断面占比100%", "numeric", "=", D("100"), None, "%"),
    ("较2020年下降13%", "numeric", "=", D("13"), None, "%"),
    ("增加3万人左右", "numeric", "~", D("3"), None, "万人"),
    ("控制在合理区间（1.2%左右）", "numeric", "~", D("1.2"), None, "%"),
    ("百分之五左右", "numeric", "~", D("5"), None, "%"),
    # a rate per thousand in words reads as its sign after the figure does (3‰以内)
    ("控制在千分之三点五以内", "numeric", "<=", D("3.5"), None, "‰"),
    ("千分之八以下", "numeric", "<=", D("8"), None, "‰"),
    ("负千分之零点六", "numeric", "=", D("-0.6"), None, "‰"),
    ("增长百分之一万", "numeric", "=", D("10000"), None, "%"),  # a fraction's 万 is its numeral's, no unit
    ("一千二百万人以上", "numeric", ">=", D("1200"), None, "万人"),
    ("16.4亿元", "numeric", "=", D("16.4"), None, "亿元"),
    ("与经济增长基本同步", "relative", None, None, None, None),
    ("高于GDP增速", "relative", None, None, None, None),
    ("快于面上投资增速", "relative", None, None, None, None),
    ("稳步增长", "directional", None, None, None, None),
    ("持续下降", "directional", None, None, None, None),
    ("较2023年有所提升", "directional", None, None, None, None),
    ("正增长", "directional", None, None, None, None),
    ("基本稳定", "directional", None, None, None, None),
    ("完成省下达目标", "assigned", None, None, None, None),
    ("按省下达目标安排", "assigned", None, None, None, None),
    ("完成国家下达目标", "assigned", None, None, None, None),
    ("完成省定目标", "assigned", None, None, None, None),
    ("另行通知", None, None, None, None, None),
]


@pytest.mark.parametrize("phrase, kind, comparator, value, high, unit", SPEC)
def test_target_grammar(phrase, kind, comparator, value, high, unit):
    p = parse_target(phrase)
    assert (p.kind, p.comparator, p.value, p.value_high, p.unit) == (kind, comparator, value, high, unit)
    if value is not None:
        a, b = p.number_span
        assert str(value) in phrase[a:b] or phrase[a:b] in ("百分之五", "一千二百", "千分之三点五", "千分之八", "负千分之零点六", "百分之一万")


def test_values_are_exact_decimals():
    p = parse_target("1.5%以上")
    assert isinstance(p.value, Decimal) and str(p.value) == "1.5"


def test_column_unit_fills_a_bare_number():
    assert parse_target("5.5左右", column_unit="%").unit == "%"


@pytest.mark.parametrize("text, value", [("一千二百万", 12000000), ("三点五", Decimal("3.5")), ("二〇二四", 2024),
                                         ("两千", 2000), ("十", 10), ("一百零五", 105), ("五", 5)])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == Decimal(value)


@given(st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([("以上", ">="), ("以内", "<="), ("左右", "~"), ("", "=")]),
       st.sampled_from(["%", "亿元", "万人", "家"]))
def test_any_printed_number_parses_back_exactly(value, suffix, unit):
    printed = f"{value}{unit}{suffix[0]}"
    p = parse_target(printed)
    assert p.kind == "numeric" and p.value == value and p.comparator == suffix[1] and p.unit == unit

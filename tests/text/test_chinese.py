"""zhibiao.text.chinese: traditional characters found and simplified, years in Chinese numerals
read as digits — offsets unchanged."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from zhibiao.text.chinese import _table, has_traditional, search_form, simplified_from, to_simplified, years_in_digits


def _has_traditional_by_counting(text: str, sample: int = 4000) -> bool:
    """The definition: three characters of the first ``sample`` are in the traditional table."""
    table = _table()
    return sum(1 for ch in text[:sample] if ord(ch) in table) >= 3


ASTRAL_TRADITIONAL = next(chr(c) for c in sorted(_table()) if c > 0xFFFF)


def test_a_traditional_text_is_told_from_a_simplified_one():
    assert has_traditional("國內生產總值增長6%左右")
    assert not has_traditional("国内生产总值增长6%左右")
    assert not has_traditional("國內生产总值")  # two are not enough: a name may keep its old form
    assert has_traditional("國內生產")


def test_only_the_sample_counts():
    assert has_traditional("x" * 3996 + "國內生產")
    assert not has_traditional("x" * 3998 + "國內生產")
    assert has_traditional("x" * 40 + "國內產", sample=43)
    assert not has_traditional("x" * 40 + "國內產", sample=42)


def test_characters_beyond_the_basic_plane_count_too():
    assert has_traditional("國內" + ASTRAL_TRADITIONAL)
    assert has_traditional(ASTRAL_TRADITIONAL * 3)
    assert not has_traditional("國" + ASTRAL_TRADITIONAL + "国")


TEXT = st.text(alphabet=st.sampled_from(list("國內生產總值國内生产总值增长年二〇一九零十百 \n")
                                        + [ASTRAL_TRADITIONAL, "𠀀", "x"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=70))
def test_has_traditional_counts_as_the_definition(text, sample):
    assert has_traditional(text, sample) == _has_traditional_by_counting(text, sample)


def test_years_in_chinese_numerals_become_digits_in_place():
    assert years_in_digits("二〇二五年 二零二四 年 一九九八年") == "2025年 2024 年 1998年"
    assert years_in_digits("十二〇二五年") == "十二〇二五年"  # part of a longer numeral
    assert years_in_digits("二〇二五") == "二〇二五"  # not a year without 年
    assert search_form("二〇二五年國民經濟") == "2025年国民经济"


YEAR_AS_FIRST_WRITTEN = re.compile(r"(?<![〇零一二三四五六七八九十百千万])[一二][〇零一二三四五六七八九]{3}(?=\s*年)")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("〇零一二三四五六七八九十百千万年 \nx")), max_size=40))
def test_years_found_where_the_look_behind_first_pattern_finds_them(text):
    out = years_in_digits(text)
    assert len(out) == len(text)
    assert out == YEAR_AS_FIRST_WRITTEN.sub(lambda m: m.group().translate(str.maketrans("〇零一二三四五六七八九", "00123456789")), text)


def test_simplified_keeps_the_length():
    text = "國內生產總值" + ASTRAL_TRADITIONAL
    assert len(to_simplified(text)) == len(text)
    assert to_simplified("國內生產總值") == "国内生产总值"


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=6).map("".join))
def test_simplified_as_a_translation_of_every_character(text):
    # (short texts are translated whole, long ones run by run: both kinds are drawn)
    assert to_simplified(text) == text.translate(_table())
    assert to_simplified(text * 3) == (text * 3).translate(_table())


def test_a_long_text_without_traditional_characters_is_returned_as_it_is():
    text = "国内生产总值增长" * 20
    assert to_simplified(text) is text
    assert to_simplified("國內生產總值" * 20) == "国内生产总值" * 20


def test_the_characters_read_as_a_simplified_one():
    assert simplified_from("占") == ("占", "佔")
    assert simplified_from("国")[0] == "国" and "國" in simplified_from("国")
    assert all(to_simplified(ch) == "国" for ch in simplified_from("国"))
    assert simplified_from("x") == ("x",)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_short_text_is_simplified_alike_before_and_after_the_runs_are_compiled(text):
    import zhibiao.text.chinese as chinese

    compiled = chinese._traditional()  # (compiled: a short text is tested for runs before it is translated)
    try:
        chinese._COMPILED = None  # as in a process that has read no long text
        before = to_simplified(text)
    finally:
        chinese._COMPILED = compiled
    assert to_simplified(text) == before == text.translate(_table())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "国", "國", "\u3000", ASTRAL_TRADITIONAL, "𠀀", "\U0010ffff", "\ud800", "\udcff", "\uffff"]),
               max_size=30))
def test_a_character_beyond_the_basic_plane_is_found_as_the_pattern_finds_it(text):
    import zhibiao.text.chinese as chinese

    assert chinese.has_astral(text) == (chinese.ASTRAL.search(text) is not None)

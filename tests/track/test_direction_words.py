"""How the tracker reads a target's direction and frame from its words (track/status.py), the words
being the lexicon's (extract/data/lexicon.yaml, kinds.direction_* and kinds.part_measures): each
word below decides an answer that would differ without it."""
from __future__ import annotations

import pytest

from zhibiao.track.status import TargetLine, directional_sense, split_parts, target_frame


@pytest.mark.parametrize("text, sense", [
    ("只增不减", "not_down"),
    ("耕地保有量不下降", "not_down"),  # (下降 alone is a decline)
    ("粮食播种面积不减少", "not_down"),
    ("质量不降低", "not_down"),
    ("持续下降", "decline"),
    ("空气质量持续改善", "better"),  # (改善 is a rise word too: better first)
    ("明显好转", "better"),
    ("稳中向好", "better"),
    ("结构持续优化", "better"),
    ("量稳提质", "better"),
    ("实现正增长", "rise"),
    ("稳步增长", "rise"),
    ("保持稳定", "steady"),
    ("收支基本平衡", None),  # (平衡 is a steady word too: a balance is no one figure)
    ("", None),
])
def test_a_directional_target_reads_as_its_words_say(text, sense):
    assert directional_sense(text) == sense


def _line(text: str, name: str = "城镇调查失业率") -> TargetLine:
    return TargetLine(name=name, indicator=None, text=text, kind="numeric", comparator="=", value=None,
                      value_high=None, unit="%", year=2024, reference=None)


@pytest.mark.parametrize("text, frame", [
    ("降至5%", "level"),   # the level reached in one word, not a cut of 5 %
    ("减至3万吨", "level"),
    ("下降到5%以下", "level"),
    ("提高到70%", "level"),
    ("下降3%", "decline"),
    ("负增长3%左右", "decline"),  # (growth below zero: a decline, though it ends with 增长)
    ("增长6%", "rise"),
    ("6.5%以上", "plain"),
    ("降幅收窄至5%以内", "decline"),  # a decline's name opening the words: the size of a fall, whatever verb follows
    ("降幅控制在3%以内", "decline"),
])
def test_a_targets_frame_reads_as_its_words_say(text, frame):
    assert target_frame(_line(text)) == frame


@pytest.mark.parametrize("text", [
    "增长8%以上，占全省14%",      # 占
    "增长8%以上，外贸比重14%",     # 比重
    "增长8%以上，全国份额14%",     # 份额
])
def test_a_later_part_with_a_measure_word_of_its_own_is_a_part(text):
    assert split_parts(text) == [p.strip() for p in text.split("，")]


def test_a_later_part_without_a_verb_or_measure_word_is_a_scope_not_a_part():
    assert split_parts("增长8%以上，128个考核断面中") is None

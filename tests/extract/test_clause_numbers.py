"""A sentence's numbers are read once and its clauses' taken from them (issue 16): the clause
analysis then finds what it found reading each clause's numbers itself."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from zhibiao.extract.clauses import (DIGIT_COMMA_DIGIT, _subject, clause_figures, figure_candidates, first_figure,
                                     numbers_within)
from zhibiao.extract.numbers import find_numbers
from zhibiao.extract.segments import _clauses
from zhibiao.models import LoadedText
from zhibiao.text.document import Document

PIECES = st.sampled_from(["增长", "6.5", "%", "亿元", "一百二十", "家", "2024年", "“5+1”", "，", ",", "；", "：", ":", "、",
                          "-", "−3.2", "3", "1,234", "万人", "百分之五", "负千分之一点二", "两个", " ", "2026-02-12", "16:30", "新增", "个",
                          "地区生产总值", "三十", "（", "）", "达到", "比上年增加", "一", "万", "点五"])


def _clause_texts(sentence: str) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, sentence[c.start:c.end]) for c in _clauses(sentence, 0, len(sentence))]


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_a_clauses_numbers_taken_from_its_sentences_are_those_it_reads_itself(sentence):
    numbers = find_numbers(sentence)
    for start, end, clause in _clause_texts(sentence):
        own = find_numbers(clause)
        if DIGIT_COMMA_DIGIT.search(sentence):
            continue  # (the reading then lets each clause read its own: the next test)
        taken = numbers_within(numbers, start, end)
        assert taken == own
        # and what the clause analysis makes of them
        assert figure_candidates(clause, taken) == figure_candidates(clause)
        assert clause_figures(clause, "地区生产总值", numbers=taken) == clause_figures(clause, "地区生产总值")
        assert clause_figures(clause, as_target=True, numbers=taken) == clause_figures(clause, as_target=True)
        assert _subject(clause, taken) == _subject(clause)


def test_a_thousands_comma_where_clauses_split_keeps_each_clause_reading_its_own():
    # "1,234": one number of the sentence, but its clauses (split at ",") are "总额为1", "234", "增长5%"
    # (a comma the normaliser leaves: before another comma)
    sentence = "总额为1,234,增长5%"
    (_, end1, first), (start2, end2, second), _ = _clause_texts(sentence)
    assert (first, second) == ("总额为1", "234")
    numbers = find_numbers(sentence)
    assert numbers_within(numbers, 0, end1) != find_numbers(first)  # (what the sentence's numbers would give)
    assert DIGIT_COMMA_DIGIT.search(sentence)
    reading = _reading(f"一、2024年工作回顾\n{sentence}。\n")
    s_start = reading.text.index(sentence)
    s_end = s_start + len(sentence)
    assert reading.first_figure(s_start, s_end) is not None
    assert reading.clause_numbers(s_start, s_end, s_start, s_start + end1) is None  # each clause reads its own
    assert reading.clause_numbers(s_start, s_end, s_start + start2, s_start + end2) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_a_first_figure_from_the_numbers_read_whole_is_the_one_read_lazily(text):
    from zhibiao.extract.grammar import MAY_HOLD_CANDIDATE

    if MAY_HOLD_CANDIDATE.search(text):  # (the reading reads the numbers of such a sentence only)
        assert first_figure(text, find_numbers(text)) == first_figure(text)


def test_the_reading_gives_a_sentences_clauses_their_numbers():
    sentence = "全年新增高新技术企业一百二十家，地区生产总值达到7791亿元，增长-0.5%"
    reading = _reading(f"一、2024年工作回顾\n{sentence}。\n")
    s_start = reading.text.index(sentence)
    s_end = s_start + len(sentence)
    assert reading.clause_numbers(s_start, s_end, s_start, s_end) is None  # (not read before its first figure is asked for)
    assert reading.first_figure(s_start, s_end) is not None
    for start, end, clause in _clause_texts(sentence):
        assert reading.clause_numbers(s_start, s_end, s_start + start, s_start + end) == find_numbers(clause)
    assert [n.value for n in reading.clause_numbers(s_start, s_end, s_start + sentence.index("地区"), s_end) or ()] \
        == [Decimal("7791"), Decimal("-0.5")]


def _reading(text: str):
    from zhibiao.extract.pipeline import read

    loaded = LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")
    return read(Document.from_loaded(loaded))


HINT_PIECES = st.sampled_from(["增长", "6.5", "%", "亿元", "一百二十", "家", "三", "个", "两", "项", "万", "百分之五", "千分之五", "百分",
                               "十", "亩", "公里", "0", "，", "、", " ", "新增", "企业", "进一步", "一批", "第一", "1" * 41,
                               "十十十亿万", "（", "）", "达到"])


@settings(max_examples=800, deadline=None)
@given(st.lists(HINT_PIECES, max_size=10).map("".join))
def test_commitments_clause_test_from_its_numbers_skips_only_clauses_without_figures(clause):
    """commitments._may_count answers FIGURE_HINT from the clause's numbers: where it refuses a clause
    the pattern lets through, the clause analysis finds nothing in it (so nothing was skipped);
    where it lets one through, so does the pattern."""
    from zhibiao.extract.commitments import FIGURE_HINT, _may_count

    numbers = find_numbers(clause)
    hint = FIGURE_HINT.search(clause) is not None
    if _may_count(clause, numbers):
        assert hint, clause
    elif hint:
        assert clause_figures(clause, "地区生产总值", as_target=True, numbers=numbers) == ([], "地区生产总值"), clause
        assert clause_figures(clause, "地区生产总值", as_target=True) == ([], "地区生产总值"), clause


def test_commitments_clause_test_cases():
    from zhibiao.extract.commitments import _may_count

    for clause, expected in [("新增企业6家", True), ("增长百分之五", True), ("控制在千分之五以内", True), ("新增企业一百二十家", True),
                             ("进一步扩大开放", False), ("推进一批项目", True), ("统一思想", False), ("", False),
                             ("1" * 41 + "号", False)]:  # (a run of digits too long to be a figure: no number)
        assert _may_count(clause, find_numbers(clause)) is expected, clause

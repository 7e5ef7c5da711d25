"""The cheap tests tables.py and columns.py make before a pattern (issue 16: the cost of reading a
table) answer as the pattern would. Each is checked against the pattern it stands in for, on texts
at its edge — where a test too eager would refuse a header, a row number, a name or a target — so
a prefilter that is wrong fails here, and each test also says that the prefilter is in use. The
texts are our own."""
from __future__ import annotations

import re
import sys
from dataclasses import MISSING, fields

import pytest
from hypothesis import given, settings, strategies as st

from zhibiao.extract import columns, tables
from zhibiao.extract.grammar import ASSIGNED, RELATIVE, iter_candidates
from zhibiao.extract.tables import VOCAB

NUMBERS = ["", "1", "12", "123", "1234", "0", "١٢", "۳", "５", "१०", "1a", "a1", "12 ", " 1", "一", "〇", "²", "①"]
SEQ_CELLS = ["3.城镇新增就业", "3、城镇新增就业", "12．粮食产量", "3. 6%", "3.5", "１.名称", "٣.名称", "三、经济发展"]
HEADINGS = ["一、经济发展", "十二．生态环境", "二、", "一二、" + "名" * 12, "四 、 民生", "一、经济\n", "五、社会民生\n增长",
            "第一", "、一"]


def test_decimal_characters_are_those_str_isdecimal_names_at_every_code_point():
    wrong = [c for c in map(chr, range(sys.maxunicode + 1)) if columns.is_decimal_char(c) != c.isdecimal()]
    assert wrong == []
    assert columns.is_decimal_char("") is False


@pytest.mark.parametrize("text", NUMBERS + SEQ_CELLS + HEADINGS)
def test_row_numbers_and_headings_as_their_patterns_read_them(text):
    assert tables.is_seq_number(text) is bool(tables.SEQ_NUMBER.fullmatch(text))
    expected = tables.SEQ_PREFIX.match(text)
    found = tables.seq_prefix(text)
    assert (found and found.span(1)) == (expected and expected.span(1))
    expected = tables.CN_HEADING.match(text)
    found = tables.cn_heading(text)
    assert (found and found.group(1)) == (expected and expected.group(1))


def test_row_numbers_in_other_digits_still_open_rows():
    # the quick test of a row number must not refuse digits other than 0-9 (the pattern's \d takes them)
    assert tables.is_seq_number("١٢") and tables.seq_prefix("３．城镇新增就业") is not None
    assert not tables.is_seq_number("1234") and tables.seq_prefix("城镇3.5") is None


@pytest.mark.parametrize("cell, expected", [
    # spread out letter by letter past the 48 characters the quick test reads: still a header
    ("     ".join("2024年1—9月完成"), dict(year=2024, period=(1, 9), kind="actual")),
    ("   ".join("指标名称") + " " * 40, dict(role="name")),
    ("一至九月完成", dict(period=(1, 9), kind="actual")),
    ("上半年完成", dict(period=(1, 6), kind="actual")),
    ("前三季度增速", dict(period=(1, 9), measure="growth")),
    ("“十四五”年均增长", dict(five_year_end=2025, kind="average")),
    ("十三五时期年均增速", dict(five_year_end=2020, kind="average")),
    ("年末数（万人）", dict(unit="万人", measure="level")),
    ("增长（%）", dict(unit="%", measure="growth")),
    ("增长%", dict(unit="%", measure="growth")),  # a sign's unit printed bare
    ("比上年增长%", dict(unit="%", measure="growth")),
    ("增速‰", dict(unit="‰", measure="growth")),
    ("本年度计划", dict(year_offset=0, kind="target")),  # a year named against the plan year
    ("上年完成", dict(year_offset=-1, kind="actual")),
    ("今年目标", dict(year_offset=0, kind="target")),
    ("当年完成", dict(year_offset=0, kind="actual")),
    ("去年实际", dict(year_offset=-1, kind="actual")),
    ("上半年完成", dict(year_offset=None, period=(1, 6))),
    ("本年", dict(year_offset=0, kind=None)),
    ("计划增长%", dict(kind="target", measure="growth", unit="%")),  # 增长 with a unit after a kind
    ("2025年预计增长（%）", dict(year=2025, kind="estimate", measure="growth", unit="%")),
    ("本年指标", dict(role="value", year_offset=0)),  # as 2025年指标: a year's figures, not the names
    ("2023年目标（预计）", dict(year=2023, kind="estimate")),
])
def test_headers_past_each_quick_test(cell, expected):
    column = columns.parse_header(cell)
    assert column is not None
    for name, value in expected.items():
        assert getattr(column, name) == value, name


@pytest.mark.parametrize("cell", [
    "全年地区生产总值增长6%左右，城镇新增就业10万人以上，居民收入与经济增长同步",  # a line of prose
    "指标名称" * 7,  # 28 characters: one more word than a header holds
    " ".join("指标名称" * 7),
    "产品名称（吨）增长",  # a word after the brackets
    "四、经济发展",
    "5%", "%",  # a value, a unit alone
    "计划增长", "民间投资增长（%）",  # 增长 without a unit; a name before it
])
def test_no_header_where_the_quick_tests_refuse(cell):
    assert columns.parse_header(cell) is None


def _name_like_as_written(text: str) -> bool:
    if len(text) > 200:
        return False
    suffix = VOCAB.name_suffix
    return bool(suffix.search(text.rstrip("）)").rstrip())) or bool(
        tables.BRACKETED_END.search(text) and suffix.search(tables.BRACKETED_END.sub("", text)))


NAMES = ["城镇调查失业率", "城镇调查失业率\n", "失业率（%）", "失业率（%）\n", "失业率(%)", "失业率（%） ", "率", "", "\n",
         "常住人口城镇化率提高", "粮食产量（万吨）", "粮食产量（万吨", "（%）", "地区生产总值（亿元）\n", "PM2.5平均浓度",
         "研发经费投入强度（%）（预计）", "单位GDP能耗降低", "6%左右"]


@pytest.mark.parametrize("text", NAMES)
def test_names_as_the_suffix_pattern_reads_them_near_the_end_only(text):
    assert tables.NAME_SUFFIX_REACH is not None  # the shipped vocabulary is searched near the end
    assert tables.is_name_like(text) is _name_like_as_written(text)


@pytest.mark.parametrize("pattern, reach", [
    (r"(出口|增加值)$", 4), (r"率\Z", 2), (r"(?<=年)率$", 2), (r"a+$", None), (r"(?m)率$", None),
    (r"率$|数", None), (r"率", None),
])
def test_how_far_from_the_end_a_match_can_start(pattern, reach):
    rx = re.compile(pattern)
    assert tables._reach_from_end(rx) == reach
    if reach is not None:
        for text in ["年率", "增加值", "出口\n", "x率", "率\n\n", "年率y", "出口增加值\n"]:
            near = rx.search(text, max(0, len(text) - reach))
            whole = rx.search(text)
            assert (near and near.span()) == (whole and whole.span())


def _target_as_written(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 80:
        return False
    if ASSIGNED.search(t) or (tables.RELATIVE_OPENER.match(t) and RELATIVE.search(t)) or tables.DIRECTIONAL_TARGET.match(t):
        return True
    if next(iter_candidates(t), None) is not None:
        return not (tables.is_name_like(t) and not tables.FIGURE_END.search(t))
    start = tables.TARGET_START.match(t)
    return bool(start and len(t) > start.end() + 1 and not tables.is_name_like(t))


TARGET_CELLS = ["6%左右", "完成省下达目标", "确保完成省下达的目标任务", "稳中有升", "保持稳定", "稳中有升态势", "与经济增长同步",
                "与经济增长基本同步", "高于全国平均水平", "较2020年下降13.5%", "较2020年明显提高", "持平", "力争实现翻番",
                "城镇新增就业", "3岁以下婴幼儿托位数", "4.5", "PM2.5浓度", "（完成省下达任务）", " 保持合理水平 ",
                "6" * 81, "进一步提高", "量质齐升", "提高", "实现",
                # a figure in a cell named like an indicator: no target, unless words make it one whatever else holds
                "城镇化率6个百分点的城镇化率", "与经济增长同步增长6个百分点的城镇化率", "完成省下达目标6项的达标率",
                "稳中有升6", "与经济增长同步6%"]


@pytest.mark.parametrize("text", TARGET_CELLS)
def test_targets_as_their_separate_patterns_read_them(text):
    assert tables.is_target_text(text) is _target_as_written(text)


# pieces of cells: figures, indicators' names and their endings, words of assignment, direction and comparison
CELL_PIECES = st.lists(st.sampled_from(["6", "4.5", "%", "万人", "以上", "左右", "率", "城镇化率", "（%）", "）", "较2020年", "下降",
                                         "与", "经济增长", "同步", "高于全国平均水平", "完成", "省下达目标", "稳中有升", "保持稳定",
                                         "提高", "力争", "个百分点", "的", "，", " ", "3岁以下", "PM2.5", "一", "两"]),
                       max_size=7).map("".join)


@settings(max_examples=2000, deadline=None)
@given(CELL_PIECES)
def test_targets_asked_figure_first_as_their_separate_patterns_read_them(text):
    assert tables.is_target_text(text) is _target_as_written(text)


def test_the_quick_tests_of_a_target_know_every_opening():
    assert "与" in tables.RELATIVE_OPENINGS and "较" in tables.TARGET_OPENINGS
    with pytest.raises(ValueError):
        tables.opening_characters(("与", ""))


@pytest.mark.parametrize("text", ["指标名称", "指 标", "2023年目标", "2023 年 完成", "目标", "年度目标", "序号", "2023年完成情况",
                                  "城镇新增就业", "2023", "目标值（%）", ""])
def test_one_header_pattern_as_the_list_of_them(text):
    t = text.replace(" ", "")
    assert tables.is_header(text) is any(p.match(t) for p in VOCAB.headers)


@pytest.mark.parametrize("text", ["6 %", "6%", " 城镇 新增 就业 ", "GDP growth", "城镇\u3000就业", "  ", "a  b 城", "城\t镇"])
def test_squeeze_with_and_without_spaces(text):
    assert tables.squeeze(text) == tables.LAYOUT_SPACES.sub("", text.strip())


@pytest.mark.parametrize("text", ["经济发展", "一、经济发展", "绿色", "人均收入", "3个", "城镇新增就业人数", "民生", "四、" + "名" * 11])
def test_categories_as_written(text):
    t = text.strip()
    m = tables.CN_HEADING.match(t)
    expected = t in VOCAB.categories or bool(m and len(m.group(1)) <= 10) or (
        2 <= len(t) <= 6 and not tables.is_name_like(t) and not tables.DIGIT.search(t))
    assert tables.looks_like_category(text) is expected


@pytest.mark.parametrize("raw, sep", [
    ("序号\t指标", "\t"), ("\t", None), ("指标\t", None), ("| 序号 | 指标 |", "|"), ("|指标|", None), ("a|b", None),
    ("||", None), ("序号 指标", None),
])
def test_row_separators(raw, sep):
    assert tables._row_sep(raw) == sep


def test_a_target_as_long_as_a_target_can_be_after_a_unit():
    # the space layout does not join what follows a unit when it is longer than any target: the
    # bound must be is_target_text's own
    longest = "6%" + "，" * (tables.TARGET_LONGEST - 2)
    assert tables.is_target_text(longest) and not tables.is_target_text(longest + "，")
    cells = tables._split_space_line(f"1 城镇新增就业 万人 {longest}", 0, 0)
    assert [c.role for c in cells] == ["seq", "name", "unit", "target"]
    cells = tables._split_space_line(f"1 城镇新增就业 万人 {longest}，", 0, 0)
    assert "target" not in [c.role for c in cells] and "unit" not in [c.role for c in cells]


def test_a_space_row_with_many_units_is_read_as_before():
    line = "1 指标 " + " ".join(["%"] * 300) + " 6"
    cells = tables._split_space_line(line, 10, 2)
    assert [c.role for c in cells] == ["seq", "name", "unit", "target"]
    assert cells[-1].text == "6" and cells[-1].end == 10 + len(line)


DISTINCT_VALUES = {  # a value for every field, none its default (compiled, a field takes only its own type)
    tables.Cell: dict(text="6%左右", start=3, end=7, line=2, role="target", line_complete=True, long_line=True),
    tables.TableRow: dict(seq="1", category="经济发展", name="地区生产总值增速", parent="主要指标", unit="%", text="6%左右",
                          parsed=tables.parse_target("6%左右"), year=2025, span=(10, 14), name_span=(2, 9), binding="预期性",
                          flags=["merged_target_below"], name_origin="composed"),
}


@pytest.mark.parametrize("cls", list(DISTINCT_VALUES))
def test_written_out_initialisers_set_every_field(cls):
    values = DISTINCT_VALUES[cls]
    assert set(values) == {f.name for f in fields(cls)}  # a field added to the class is added here
    made = cls(**values)
    assert {name: getattr(made, name) for name in values} == values


def test_a_new_row_starts_with_every_field_at_its_default():
    cell = tables.Cell("城镇新增就业", 0, 6, 0)
    row = tables.Row("1", "民生", "城镇新增就业", cell)
    assert (row.seq, row.category, row.name, row.name_cell) == ("1", "民生", "城镇新增就业", cell)
    for f in fields(tables.Row)[4:]:
        default = f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]
        assert getattr(row, f.name) == default, f.name
    assert tables.Row("2", None, "x", cell).flags is not row.flags

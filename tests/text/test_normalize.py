"""Normalisation: every change mapped back to the raw text; decimals restored only on evidence."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.text import MappedText, normalize
from zhibiao.text.offsets import Edit


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ＧＤＰ增长　６．５％以上", "GDP增长6.5%以上"),  # width folded, ideographic space dropped
        ("地区生产总值（ＧＤＰ）", "地区生产总值（GDP）"),  # Chinese brackets kept as printed
        ("要坚持稳中求进工作总基调，持续推动“八\n\n八战略”走深走实。", "要坚持稳中求进工作总基调，持续推动“八八战略”走深走实。"),
        ("安排省级财政资金 １０２３ ６ 亿元，支持发展。", "安排省级财政资金1023.6亿元，支持发展。"),
        ("细颗粒物（ＰＭ２ ５）浓度", "细颗粒物（PM2.5）浓度"),
        ("2024 年 是 关键一年。", "2024年是关键一年。"),
        ("第一段结束。\n\n—３１—\n\n第二段。", "第一段结束。\n\n\n第二段。"),
    ],
)
def test_normalize_spec(raw, expected):
    assert normalize(raw).text == expected


def test_heading_and_title_lines_are_not_joined():
    raw = "一、聚焦创新提质\n\n（一）构建体系。内容。\n\n绍兴市人民政府关于下达2024年计划的通知\n\n各区、县（市）人民政府："
    out = normalize(raw).text
    assert "一、聚焦创新提质\n" in out
    assert "的通知\n" in out


def test_decimal_restored_in_space_table_rows_and_flagged():
    raw = "正文。\n\n附件\n\n类别 序号 指 标 单位 ２０２４ 年目标\n\n１ 地区生产总值增长 ％ ５ ５ 左右\n\n２ 森林覆盖率 ％ ６１ ４\n\n３ 人口 万人 １００\n"
    n = normalize(raw)
    assert "1 地区生产总值增长 % 5.5 左右" in n.text
    assert "2 森林覆盖率 % 61.4" in n.text
    assert "3 人口 万人 100" in n.text  # a single number is never split
    assert [(c.before, c.after) for c in n.changes] == [("5 5", "5.5"), ("61 4", "61.4")]
    for c in n.changes:
        assert c.span.slice(n.text) == c.after
        # the raw span holds the full-width digits that were printed
        assert raw[c.source_span.start:c.source_span.end].replace(" ", "") in ("５５", "６１４")


def test_two_numbers_in_prose_are_not_merged():
    assert normalize("建设 15 个项目和 20 个园区。").text == "建设15个项目和20个园区。"


def test_spans_map_back_to_raw_text():
    raw = "\ufeff各位代表：\r\n\r\n全年实现地区生产总值　７７９１ 亿元，增长 ７．８％。"
    n = normalize(raw)
    i = n.text.index("7791")
    src = n.to_source(i, i + 4)
    assert raw[src.start:src.end] == "７７９１"
    j = n.text.index("7.8%")
    src = n.to_source(j, j + 4)
    assert raw[src.start:src.end] == "７．８％"


CJK = st.sampled_from(list("国民经济和社会发展计划增长目标以上左右亿元万人，。、：（）一二三四五"))
PIECE = st.one_of(CJK, st.sampled_from(["\n", "\n\n", " ", "　", "１", "２", "５", "％", "ＧＤＰ", "\r\n", "\t", "—３—\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECE, max_size=80).map("".join))
def test_offset_map_is_consistent_on_any_text(raw):
    n = normalize(raw)
    m = n.mapped
    assert len(m.starts) == len(m.ends) == len(n.text)
    prev = 0
    for i in range(len(n.text)):
        s, e = m.starts[i], m.ends[i]
        assert 0 <= s <= e <= len(raw)
        assert s >= prev or s == m.starts[i - 1]  # monotone: the map never goes backwards
        prev = s
    for a in range(0, len(n.text), 7):
        span = n.to_source(a, min(len(n.text), a + 5))
        assert 0 <= span.start <= span.end <= len(raw)


def test_mapped_text_edit_rejects_overlaps():
    m = MappedText("abcdef")
    with pytest.raises(ValueError):
        m.edit([Edit(0, 3, "x"), Edit(2, 4, "y")])
    out = m.edit([Edit(1, 3, ""), Edit(4, 4, "ZZ")])
    assert out.text == "adZZef"
    assert out.to_source(0, 1).to_list() == [0, 1]
    assert out.to_source(1, 2).to_list() == [3, 4]


def test_two_columns_are_read_one_after_the_other_with_an_exact_map():
    raw = ("2022年工作回顾                            2023年主要目标\n"
           "全年全区生产总值达到512.3亿元，增长5      全区经济社会发展的主要预期目标是：\n"
           ".1%，规模以上工业增加值增长8.2%。        地区生产总值增长6%左右。\n")
    n = normalize(raw)
    assert n.text.index("2022年工作回顾") < n.text.index("增长8.2%") < n.text.index("2023年主要目标") \
        < n.text.index("地区生产总值增长6%左右")
    assert "增长5.1%" in n.text  # a number wrapped at the column's edge is joined again
    for piece in ("地区生产总值增长6%左右", "主要预期目标是", "512.3亿元"):
        a = n.text.index(piece)
        src = n.to_source(a, a + len(piece))
        assert raw[src.start:src.end] == piece


def test_a_space_separated_table_is_not_taken_for_columns():
    raw = ("序号   指标名称              单位    2024年目标\n"
           "1      地区生产总值增长      %       6左右\n"
           "2      规上工业增加值增长    %       7\n"
           "3      固定资产投资增长      %       5以上\n")
    assert normalize(raw).text.index("地区生产总值增长") < normalize(raw).text.index("规上工业增加值增长")

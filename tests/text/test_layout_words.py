"""The words the text stage reads a layout by (zhibiao/text/data/layout.yaml): each one pinned by
a case that fails without it. The cases name their words (a case read from the file would go with
its word), and every word of the file has its case (a word added without one fails the last test)."""
from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from zhibiao.text import normalize

LAYOUT = yaml.safe_load(files("zhibiao.text").joinpath("data", "layout.yaml").read_text("utf-8"))
RUNNING = "全市上下坚持稳中求进工作总基调，经济运行稳中向好。"
OPENING = "某市关于二〇二四年国民经济和社会发展工作"  # 19 characters: with any word a full line
SPEC = {
    "title_word_ends": ["人民政府", "文件", "通知", "报告", "公报", "执行情况", "纲要", "的建议", "草案", "经济运行情况", "统计月报",
                        "主要经济指标"],
    "title_ends": ["计划", "规划", "建议", "决定", "意见", "情况", "（摘要）"],
    "title_note_words": ["报告", "纲要", "计划", "规划", "公报", "通知"],
    "title_notes": ["摘要", "全文", "节选", "草案"],
    "cell_qualifiers": ["左右", "以上", "以内", "以下"],
    "table_header.names": ["序号", "指标"],
    "table_header.columns": ["目标", "单位", "计划", "预期", "属性"],
    "split_decimal_units": ["万亿元", "亿元", "万元", "亿美元", "万美元", "万人", "万吨", "万亩", "万户", "万套", "万千瓦",
                            "亿千瓦时", "万家", "万个", "万名", "万辆", "万平方米", "%", "‰"],
    "item_units": ["元", "美元", "人", "人次", "个", "家", "项", "户", "套", "辆", "头", "座", "所", "吨", "斤", "公斤", "亩", "公顷",
                   "公里", "千米", "平方米", "立方米", "千瓦", "千瓦时", "倍", "个百分点", "天"],
    "item_unit_magnitudes": ["万", "亿", "千", "百"],
    "box_captions": ["专栏"],
    "body_line_ends": ["人民政府", "委员会", "统计局", "调查队", "发展和改革局", "管委会", "办公室", "办公厅"],
}


def _apart(raw: str) -> bool:
    """Does the text keep its two lines apart (not joined into one)?"""
    return len([line for line in normalize(raw).text.split("\n") if line.strip()]) == 2


@pytest.mark.parametrize("word", SPEC["title_word_ends"])
def test_a_line_ending_with_a_titles_last_word_never_runs_on(word):
    assert _apart(f"{OPENING}{word}\n{RUNNING}")
    assert not _apart(f"{OPENING}安排\n{RUNNING}")  # the same lines, another last word: one wrapped line


@pytest.mark.parametrize("word", SPEC["body_line_ends"])
def test_a_bodys_name_on_a_short_line_runs_into_neither_line_beside_it(word):
    # (red team 35: a plan printed under its commission's name, above its lead sentence)
    lines = [line for line in normalize(f"某市2024年国民经济和社会发展计划\n某市{word}\n{RUNNING}").text.split("\n") if line]
    assert lines == ["某市2024年国民经济和社会发展计划", f"某市{word}", RUNNING]
    joined = [line for line in normalize(f"某市2024年国民经济和社会发展计划\n某市经济运行\n{RUNNING}").text.split("\n") if line]
    assert len(joined) < 3  # (the same lines, another last word: wrapped lines run on)


@pytest.mark.parametrize("word", SPEC["title_ends"])
def test_across_a_page_break_a_title_ends_its_paragraph(word):
    assert _apart(f"{OPENING}{word}\n\n{RUNNING}")
    assert not _apart(f"{OPENING}安排\n\n{RUNNING}")  # a full line runs on across a page break


@pytest.mark.parametrize("word", SPEC["title_note_words"])
def test_a_titles_bracketed_note_ends_its_line_after_each_title_word(word):
    assert _apart(f"某市二〇二四年政府工作{word}（节选）\n{RUNNING}")


@pytest.mark.parametrize("note", SPEC["title_notes"])
def test_each_bracketed_note_ends_a_titles_line(note):
    assert _apart(f"某市二〇二四年政府工作报告（{note}）\n{RUNNING}")
    assert not _apart(f"某市二〇二四年政府工作报告（继续）\n{RUNNING}")


@pytest.mark.parametrize("word", SPEC["box_captions"])
def test_a_boxs_caption_is_parted_from_the_line_glued_to_it(word):
    assert _apart(f"{word}2 重点产业项目 新建高速公路120公里，新建国省道80公里。")
    assert not _apart("栏目2 重点产业项目 新建高速公路120公里，新建国省道80公里。")


@pytest.mark.parametrize("word", SPEC["cell_qualifiers"])
def test_a_value_cell_with_its_qualifier_stays_under_its_name(word):
    name = "全市规模以上工业企业增加值增长速度预期目标"
    assert _apart(f"{name}\n12.5{word}")
    assert not _apart(f"{name}\n12.5万元完成")  # not a cell: a wrapped line


@pytest.mark.parametrize("word", SPEC["cell_qualifiers"])
def test_a_decimal_split_at_a_table_rows_end_is_restored_before_its_qualifier(word):
    table = f"序号 指标 单位 目标\n1 地区生产总值增长 % 6 5{word}\n"
    assert f"6.5{word}" in normalize(table).text


@pytest.mark.parametrize("name", SPEC["table_header.names"])
def test_each_header_name_opens_a_table(name):
    spaced = " ".join(name)  # letter-spaced as PDFs print it
    for header in (f"{name} 项目 年度预期", f"{spaced} 项目 年度预期"):
        assert "6.5" in normalize(f"{header}\n1 地区生产总值增长 % 6 5\n").text, header
    assert "6 5" in normalize("项目 年度预期\n1 地区生产总值增长 % 6 5\n").text  # no table: left as printed


@pytest.mark.parametrize("column", SPEC["table_header.columns"])
def test_each_header_column_opens_a_table(column):
    assert "6.5" in normalize(f"序号 项目 年度{column}\n1 地区生产总值增长 % 6 5\n").text
    assert "6 5" in normalize("序号 项目 年度\n1 地区生产总值增长 % 6 5\n").text


@pytest.mark.parametrize("unit", SPEC["split_decimal_units"])
def test_a_decimal_split_by_a_space_in_running_text_is_restored_before_each_unit(unit):
    assert f"12.3{unit}" in normalize(f"全年共安排资金 12 3{unit}，用于发展。").text
    assert "12 3" in normalize("全年共安排资金 12 3项，用于发展。").text  # no unit: two numbers


@pytest.mark.parametrize("unit", SPEC["item_units"])
def test_short_lines_each_ending_with_a_figure_and_its_unit_are_list_items(unit):
    # (a line ending with a figure and no unit ends a line too, so each unit is tried on an item
    # above one ending with a word no unit is: that pair was joined)
    assert _apart(f"全市新建公共服务设施合计12{unit}\n全市新建公共服务设施合计15{unit}")
    assert not _apart(f"全市新建公共服务设施合计12{unit}\n全市新建公共服务设施合计15项目")


def test_a_list_items_figure_may_be_spaced_from_its_words_and_its_unit():
    # "一般公共预算收入增长 3 %左右" (a web page's spaces around a figure) is an item like its neighbours
    assert _apart("全市新建公共服务设施增长 3 %左右\n全市新建公共服务设施合计15家")


def test_a_line_without_a_figure_between_two_list_items_is_an_item_too():
    # 城乡居民人均可支配收入增长与经济增长同步 between two items stating figures: a list item of its own, never the
    # first half of the next one
    lines = [ln for ln in normalize("地区生产总值增长5.5%左右\n一般公共预算收入增长3%左右\n城乡居民人均可支配收入增长与经济增长同步\n"
                                    "城镇调查失业率5.5%以内\n").text.split("\n") if ln.strip()]
    assert len(lines) == 4, lines


@pytest.mark.parametrize("word", SPEC["item_unit_magnitudes"])
def test_a_list_items_unit_may_open_with_a_magnitude(word):
    assert _apart(f"全市新建公共服务设施合计12{word}吨\n全市新建公共服务设施合计15{word}吨")


def test_every_layout_word_has_its_case():
    """The file's words are the cases' words: a word added to it without a case fails here."""
    in_file = {}
    for key, words in LAYOUT.items():
        for sub, inner in (words.items() if isinstance(words, dict) else [(None, words)]):
            in_file[f"{key}.{sub}" if sub else key] = sorted(inner)
    assert in_file == {key: sorted(words) for key, words in SPEC.items()}


# every word is read in either script (normalize._in_both_scripts): a traditional document's
# layout is read by the same words, printed 億元, 主要指標, 綱要（節選）
def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


@pytest.mark.parametrize("unit", SPEC["split_decimal_units"])
def test_a_split_decimal_is_restored_before_each_unit_in_traditional_characters(unit):
    assert f"12.3{_traditional(unit)}" in normalize(_traditional(f"全年共安排资金 12 3{unit}，用于发展。")).text


@pytest.mark.parametrize("word", SPEC["title_word_ends"])
def test_a_titles_last_word_in_traditional_characters_never_runs_on(word):
    assert _apart(_traditional(f"{OPENING}{word}\n{RUNNING}"))


def test_a_traditional_header_opens_a_table():
    assert "6.5" in normalize("序號 指標 單位 目標\n1 地區生產總值增長 % 6 5\n").text
    assert "6 5" in normalize("序號 項目 年度\n1 地區生產總值增長 % 6 5\n").text


def test_a_traditional_titles_bracketed_note_ends_its_line():
    assert _apart(f"某市國民經濟和社會發展第十四個五年規劃綱要（節選）\n{_traditional(RUNNING)}")

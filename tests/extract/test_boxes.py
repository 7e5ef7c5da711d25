"""A box (专栏) in a five-year outline or a plan report: its caption is a heading of the box, never part
of the first line's or the first row's name — printed on a line of its own, glued to that line by a
PDF or a text file (专栏2 重点产业项目 1.新能源汽车产业园…), or in the first cell of a row. The documents
are our own."""
from __future__ import annotations

from zhibiao.api import extract_text
from zhibiao.text import normalize

HEAD = "青川县国民经济和社会发展第十五个五年规划纲要\n\n第一章 发展目标\n\n到2030年，全县经济实力显著增强。\n\n"


def _names(extraction) -> list[str]:
    return [t.name for t in extraction.targets] + [c.metric for c in extraction.commitments] + \
        [a.name for a in extraction.actuals]


def test_a_caption_glued_to_the_boxs_first_line_is_a_line_of_its_own():
    text = normalize("专栏2 重点产业项目 1.新能源汽车产业园：建成年产10万辆整车生产基地。").text
    assert text.split("\n") == ["专栏2重点产业项目", "1.新能源汽车产业园：建成年产10万辆整车生产基地。"]


def test_a_caption_without_a_title_is_parted_after_its_number():
    # the word after the number is the box's first item (a numbering, a sentence's marks), not its title
    text = normalize("专栏3 1.交通工程：新建高速公路120公里，新建国省道80公里。").text
    assert text.split("\n") == ["专栏3", "1.交通工程：新建高速公路120公里，新建国省道80公里。"]
    text = normalize("专栏3 1.交通工程 新建高速公路120公里。").text
    assert text.split("\n") == ["专栏3", "1.交通工程新建高速公路120公里。"]
    text = normalize("专栏3 城镇新增就业人数达到2万人，新建保障性住房1500套。").text
    assert text.split("\n") == ["专栏3", "城镇新增就业人数达到2万人，新建保障性住房1500套。"]


def test_a_caption_in_a_rows_first_cell_stays_in_its_row():
    # (a tab parts the cell from the row: the row is read by the table, its cells in place)
    raw = "专栏1 经济发展\t地区生产总值（亿元）\t210\t290"
    assert "\n" not in normalize(raw).text


def test_a_glued_caption_is_no_part_of_a_targets_name():
    ex = extract_text(HEAD + "专栏4 重点民生指标 城镇新增就业人数达到2万人，新建保障性住房1500套。\n")
    assert [(t.name, t.value) for t in ex.targets] == [("城镇新增就业人数", 2), ("新建保障性住房", 1500)]


def test_a_numbered_item_after_a_glued_caption_is_no_target_of_its_numbering():
    ex = extract_text(HEAD + "专栏2 重点产业项目 1.新能源汽车产业园：建成年产10万辆整车生产基地。2.数字经济园：入驻企业达到200家。\n")
    assert not any("专栏" in n for n in _names(ex))
    assert all(t.value != 1 for t in ex.targets)


def test_a_box_table_whose_header_is_glued_to_its_caption_is_read():
    ex = extract_text(HEAD + "专栏3 “十五五”时期主要指标 类别 指标 2025年 2030年 年均增长(%) 属性\n"
                      "经济发展 地区生产总值（亿元） 210 290 6.5 预期性\n"
                      "一般公共预算收入（亿元） 12 16 6 预期性\n\n"
                      "专栏4 重点民生指标 城镇新增就业人数达到2万人。\n")
    table = [(t.name, t.value, t.category) for t in ex.targets if t.source == "table"]
    assert ("地区生产总值", 290, "经济发展") in table and ("一般公共预算收入", 16, "经济发展") in table
    # the next box's caption ends the table: its line is no row, its words no name
    assert not any("专栏" in n for n in _names(ex))
    assert ("城镇新增就业人数", 2) in [(t.name, t.value) for t in ex.targets if t.source == "prose"]


def test_a_caption_in_a_rows_first_cell_is_no_part_of_its_category():
    ex = extract_text(HEAD + "专栏1 “十五五”时期主要指标\n类别\t指标\t2025年\t2030年\t属性\n"
                      "专栏1 经济发展\t地区生产总值（亿元）\t210\t290\t预期性\n"
                      "\t一般公共预算收入（亿元）\t12\t16\t预期性\n")
    assert [(t.name, t.category) for t in ex.targets] == [("地区生产总值", "经济发展"), ("一般公共预算收入", "经济发展")]


def test_a_long_caption_on_its_own_line_never_runs_into_the_box():
    ex = extract_text(HEAD + "专栏5 “十五五”时期交通水利能源重大工程项目\n新建高速公路120公里，新增蓄水能力3000万立方米。\n")
    assert not any("专栏" in n for n in _names(ex))


def test_a_caption_in_the_first_cell_of_the_boxs_header_is_parted_from_the_header():
    # (the header's cells keep their columns over the rows': 经济发展 is the category column's)
    ex = extract_text("平山县2026年国民经济和社会发展计划\n\n一、主要预期目标\n全县经济平稳增长。\n\n"
                      "专栏1 2026年主要指标\t类别\t指标\t2026年目标\t属性\n"
                      "经济发展\t地区生产总值增长\t6%左右\t预期性\n\t一般公共预算收入增长\t5%\t预期性\n")
    assert [(t.name, t.category, t.value) for t in ex.targets] == [
        ("地区生产总值增长", "经济发展", 6), ("一般公共预算收入增长", "经济发展", 5)]

"""Breakdown tables (分解表): targets a document assigns to the regions below its own — each a line
of ``Extraction.allocations`` with its region, never one of the document's own targets. The
documents are our own, in the layouts such tables are printed in."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.api import extract_text

HEAD = ("湖南省人民政府关于下达2027年全省国民经济和社会发展计划的通知\n湘政发〔2027〕2号\n各市州人民政府：\n"
        "2027年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业70万人以上。\n"
        "附件：2027年主要指标分解表\n\n")
TAIL = "\n湖南省人民政府\n2027年2月3日\n"

TAB_TABLE = ("2027年各市州主要指标分解表\n"
             "市州\t地区生产总值增长（%）\t城镇新增就业（万人）\t单位地区生产总值能耗降低（%）\n"
             "全省\t5.5左右\t70\t2.5\n"
             "长沙市\t6左右\t15\t2.2\n"
             "株洲市\t5.8\t—\t2.6\n"
             "湘潭\t5.5以上\t4.1\t2.4\n")


def allocations(text: str) -> list[tuple]:
    return [(a.region, a.region_code, a.name, a.text, a.comparator, a.value, a.unit, a.year, a.indicator)
            for a in extract_text(text).allocations]


def test_each_cell_of_a_breakdown_table_is_its_rows_regions_target():
    e = extract_text(HEAD + TAB_TABLE + TAIL)
    got = [(a.region, a.region_code, a.name, a.text, a.comparator, a.value, a.unit, a.year, a.indicator)
           for a in e.allocations]
    assert got == [
        ("长沙市", "430100", "地区生产总值增长", "6左右", "~", Decimal("6"), "%", 2027, "gdp_growth"),
        ("长沙市", "430100", "城镇新增就业", "15", "=", Decimal("15"), "万人", 2027, "new_urban_jobs"),
        ("长沙市", "430100", "单位地区生产总值能耗降低", "2.2", "=", Decimal("2.2"), "%", 2027, "energy_intensity_reduction"),
        # (a dash is no target: 株洲市 is assigned none of new jobs)
        ("株洲市", "430200", "地区生产总值增长", "5.8", "=", Decimal("5.8"), "%", 2027, "gdp_growth"),
        ("株洲市", "430200", "单位地区生产总值能耗降低", "2.6", "=", Decimal("2.6"), "%", 2027, "energy_intensity_reduction"),
        # (a city by its short name, placed among the province's divisions)
        ("湘潭", "430300", "地区生产总值增长", "5.5以上", ">=", Decimal("5.5"), "%", 2027, "gdp_growth"),
        ("湘潭", "430300", "城镇新增就业", "4.1", "=", Decimal("4.1"), "万人", 2027, "new_urban_jobs"),
        ("湘潭", "430300", "单位地区生产总值能耗降低", "2.4", "=", Decimal("2.4"), "%", 2027, "energy_intensity_reduction"),
    ]
    # the province's own targets are the prose's, once: the row of the whole (全省) adds none, and no
    # row of the table is read as the province's target or result
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值", "增长5.5%左右"), ("城镇新增就业", "70万人以上")]
    assert e.actuals == [] and e.commitments == []
    assert not e.warnings
    # (the table ends at its last row: the signature under it is the document's)
    assert e.document.issuer == "湖南省人民政府"


def test_each_allocation_is_read_back_from_its_cell():
    text = HEAD + TAB_TABLE + TAIL
    e = extract_text(text)
    for a in e.allocations:
        assert text[a.source_span.start:a.source_span.end] == a.text
        assert a.region in text and a.name in text[a.name_span.start:a.name_span.end]


def test_the_json_carries_the_allocations_apart_from_the_targets():
    data = extract_text(HEAD + TAB_TABLE + TAIL).to_dict()
    assert len(data["targets"]) == 2 and len(data["allocations"]) == 8
    first = data["allocations"][0]
    assert (first["region"], first["region_code"], first["value"], first["span"] is not None) == ("长沙市", "430100", 6, True)


def test_pipe_rows_with_a_row_number_first():
    table = ("2027年各市州主要指标分解表\n| 序号 | 市州 | 地区生产总值增长（%） | 固定资产投资增长（%） |\n"
             "| 1 | 长沙市 | 6左右 | 5 |\n| 2 | 衡阳市 | 5.6 | 4.5 |\n")
    assert [(r, n, t) for r, _c, n, t, *_ in allocations(HEAD + table + TAIL)] == [
        ("长沙市", "地区生产总值增长", "6左右"), ("长沙市", "固定资产投资增长", "5"),
        ("衡阳市", "地区生产总值增长", "5.6"), ("衡阳市", "固定资产投资增长", "4.5")]


def test_space_separated_rows_a_cell_past_the_headers_ignored():
    table = ("2027年各市州主要指标分解表\n市州  地区生产总值增长（%）  城镇新增就业（万人）\n"
             "长沙市  6左右  15\n岳阳市  5.8  6.2\n湘西州  5.2  2.1  另行下达\n")
    assert [(r, t) for r, _c, _n, t, *_ in allocations(HEAD + table + TAIL)] == [
        ("长沙市", "6左右"), ("长沙市", "15"), ("岳阳市", "5.8"), ("岳阳市", "6.2"), ("湘西州", "5.2"), ("湘西州", "2.1")]


def test_a_table_of_the_regions_results_is_no_breakdown():
    table = TAB_TABLE.replace("主要指标分解表", "主要指标完成情况")
    assert allocations(HEAD + table + TAIL) == []


def test_a_regions_table_naming_no_target_is_no_breakdown():
    table = TAB_TABLE.replace("2027年各市州主要指标分解表", "2026年各市州主要经济指标")
    assert allocations(HEAD.replace("附件：2027年主要指标分解表", "附件") + table + TAIL) == []


def test_a_header_without_a_regions_column_is_no_breakdown():
    assert allocations(HEAD + TAB_TABLE.replace("市州\t地区", "名称\t地区") + TAIL) == []


def test_a_header_of_other_columns_than_indicators_is_no_breakdown():
    # (a region's figures by year: no indicator names the columns)
    table = "2027年各市州地区生产总值目标\n市州\t2026年完成（%）\t2027年目标（%）\n长沙市\t6\t6.5\n"
    assert allocations(HEAD + table + TAIL) == []


def test_the_rows_end_at_a_line_not_of_a_region_and_go_on_past_the_header_printed_again():
    # (printed again, the header says 目标: still the same table's, its rows read once)
    table = TAB_TABLE + "市州\t地区生产总值增长目标（%）\t城镇新增就业目标（万人）\t单位地区生产总值能耗降低目标（%）\n" \
        "衡阳市\t5.6\t6\t2.5\n数据来源：省统计局\t2027\t\t\n"
    regions = [r for r, *_ in allocations(HEAD + table + TAIL)]
    assert regions[-4:] == ["湘潭"] + ["衡阳市"] * 3 and regions.count("衡阳市") == 3
    assert "数据来源：省统计局" not in regions


def test_a_district_is_placed_among_the_documents_citys_divisions():
    # (鼓楼区 is a district of several cities: of 福州市 here)
    text = ("福州市人民政府关于下达2027年国民经济和社会发展计划的通知\n榕政综〔2027〕5号\n"
            "2027年各县（市）区主要指标分解表\n区县\t地区生产总值增长（%）\n鼓楼区\t5.5\n台江区\t6\n")
    assert [(r, c) for r, c, *_ in allocations(text)] == [("鼓楼区", "350102"), ("台江区", "350103")]


def test_a_region_not_under_the_documents_keeps_no_code_and_is_reported():
    table = TAB_TABLE.replace("湘潭\t", "南昌市\t")
    e = extract_text(HEAD + table + TAIL)
    assert {(a.region, a.region_code) for a in e.allocations if a.region == "南昌市"} == {("南昌市", None)}
    assert any("南昌市" in w for w in e.warnings)


@pytest.mark.parametrize("header", ["设区市", "县（市、区）", "区县", "地区", "市（州）"])
def test_the_regions_column_is_named_in_several_ways(header):
    assert allocations(HEAD + TAB_TABLE.replace("市州\t地区", header + "\t地区") + TAIL)


def test_worded_cells_are_the_regions_targets_and_the_tables_rows_no_prose():
    table = ("2027年各市州主要指标分解表\n市州\t地区生产总值\t城镇新增就业\n长沙市\t增长6%左右\t新增15万人\n"
             "株洲市\t增长5.8%\t完成省下达目标\n")
    e = extract_text(HEAD.replace("附件：2027年主要指标分解表\n", "") + table + TAIL)
    assert [(a.region, a.text, a.kind) for a in e.allocations] == [
        ("长沙市", "增长6%左右", "numeric"), ("长沙市", "新增15万人", "numeric"), ("株洲市", "增长5.8%", "numeric"),
        ("株洲市", "完成省下达目标", "assigned")]
    # (the table is a table: its rows are no commitments of the province's)
    assert e.commitments == [] and e.actuals == []


def test_a_table_ends_at_its_last_rows_end():
    from zhibiao.extract.allocations import find_breakdown_tables

    text = HEAD + TAB_TABLE + TAIL
    (table,) = find_breakdown_tables(text)
    assert text[table.start:table.end].splitlines()[-1] == "湘潭\t5.5以上\t4.1\t2.4"


ACROSS = ("2027年各市州主要指标分解表\n指标\t单位\t全省\t长沙市\t株洲市\n地区生产总值增长\t%\t5.5左右\t6左右\t5.8\n"
          "城镇新增就业\t万人\t70\t15\t—\n单位地区生产总值能耗降低（%）\t\t2.5\t2.2\t2.6\n")


def test_a_breakdown_printed_the_other_way_round_a_column_a_region():
    got = [(r, c, n, t, u) for r, c, n, t, _cmp, _v, u, _y, _i in allocations(HEAD + ACROSS + TAIL)]
    assert got == [
        # (the whole's column, 全省, is the province's own: no allocation)
        ("长沙市", "430100", "地区生产总值增长", "6左右", "%"), ("株洲市", "430200", "地区生产总值增长", "5.8", "%"),
        ("长沙市", "430100", "城镇新增就业", "15", "万人"),
        # (the unit in the name's brackets when the unit column is empty)
        ("长沙市", "430100", "单位地区生产总值能耗降低", "2.2", "%"), ("株洲市", "430200", "单位地区生产总值能耗降低", "2.6", "%")]


def test_a_targets_table_beside_other_regions_columns_is_no_breakdown():
    # (a county's targets printed beside its city's and province's: tables.py reads the county's column)
    table = "2027年主要指标\n指标\t全省目标\t长沙市目标\t长沙县目标\n地区生产总值增长（%）\t5.5\t6\t6.5\n"
    assert allocations(HEAD + table + TAIL) == []

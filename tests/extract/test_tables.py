"""Targets tables in every layout: spec cases for the hard rows, and generated tables that must
parse back to what was generated."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhibiao.api import extract_text

NOTICE_HEAD = "某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n各县（市、区）人民政府：\n\n现印发给你们，请认真组织实施。\n\n"


def targets_of(text: str):
    return extract_text(text).targets


def by_name(targets):
    return {(t.parent, t.name): t for t in targets}


TAB_TABLE = (
    NOTICE_HEAD + "附件\n\n2025年全市经济社会发展主要目标\n\n"
    "指标类型\t序号\t指标名称\t2025年目标\n"
    "经济发展\t1\t地区生产总值增速\t6%左右\n"
    "\t2\t固定资产投资增速\t7%\n"
    "\t\t结构性指标\t制造业投资增速\t12%\n"
    "\t\t\t基础设施投资增速\t9%以上\n"
    "\t3\t一般公共预算收入增速\t与经济增长基本同步\n"
    "生态环境\t4\t单位GDP能耗降低\t完成省下达目标\n"
    "\t5\t主要污染物排放量降低\t化学需氧量\n"
    "\t\t\t氨氮\n"
    "\t6\tPM2.5年均浓度\t30微克/立方米以下\n"
    "社会民生\t7\t城镇调查失业率\t5.5%以内\n"
    "\t8\t医院数量\t88\n"
    "\n抄送：市委各部门。\n"
)


def test_tab_layout_with_sub_rows_and_merged_cells():
    t = by_name(targets_of(TAB_TABLE))
    assert t[(None, "地区生产总值增速")].comparator == "~"
    assert t[("固定资产投资增速", "制造业投资增速")].value == Decimal("12")
    assert t[("固定资产投资增速", "基础设施投资增速")].comparator == ">="
    assert t[(None, "一般公共预算收入增速")].kind == "relative"
    # the pollutants print no target: the merged 完成省下达目标 of the row above covers them
    for pollutant in ("化学需氧量", "氨氮"):
        line = t[("主要污染物排放量降低", pollutant)]
        assert line.kind == "assigned" and "inherited_from_row_above" in line.flags
    assert (None, "主要污染物排放量降低") not in t  # a label row is not a target
    assert t[(None, "PM2.5年均浓度")].unit == "微克/立方米"
    assert t[(None, "医院数量")].value == Decimal("88")  # a bare number after a name is its target
    assert {x.category for x in t.values()} == {"经济发展", "生态环境", "社会民生"}
    assert all(x.year == 2025 for x in t.values())


SPACE_TABLE = (
    NOTICE_HEAD + "附件\n\n２０２５年某省国民经济和社会发展计划主要目标\n\n"
    "类别 序号 指 标 单位 ２０２５ 年目标\n\n"
    "经济\n\n发展\n\n"
    "１ 地区生产总值增长 ％ ５ ５ 左右\n\n"
    "２ 民间投资\n增长\n\n占投资比重\n％ 较 ２０２４ 年有所提升\n\n"
    "３ 制造业投资增长 ％\n\n４ 交通投资增长 ％\n\n快于面上投资增速\n\n"
    "生态\n\n环境\n\n"
    "５ 森林覆盖率 ％ ６２ １\n\n"
    "６ 细颗粒物（ＰＭ２ ５）平均浓度\n微克 ／\n立方米\n\n不高于 ２８\n\n"
    "—５—\n\n"
    "７ 生产安全事故死亡率 人 ／亿元 ＜ ０ ０１\n"
)


def test_space_layout_from_a_pdf_text_layer():
    t = by_name(targets_of(SPACE_TABLE))
    gdp = t[(None, "地区生产总值增长")]
    assert (gdp.value, gdp.comparator, gdp.unit, gdp.category) == (Decimal("5.5"), "~", "%", "经济发展")
    assert "decimal_restored" in gdp.flags
    assert t[("民间投资", "增长")].kind == "directional"
    assert t[("民间投资", "占投资比重")].text == "较2024年有所提升"
    # one merged target printed once below the rows it covers
    assert t[(None, "制造业投资增长")].kind == t[(None, "交通投资增长")].kind == "relative"
    assert t[(None, "森林覆盖率")].value == Decimal("62.1")
    pm = t[(None, "细颗粒物（PM2.5）平均浓度")]
    assert (pm.comparator, pm.value, pm.unit) == ("<=", Decimal("28"), "微克/立方米")
    assert t[(None, "生产安全事故死亡率")].value == Decimal("0.01")
    assert t[(None, "森林覆盖率")].category == "生态环境"


CELL_TABLE = (
    NOTICE_HEAD + "附件\n\n2025年全市国民经济和社会发展计划主要目标\n\n"
    + "\n\n".join([
        "指标类型", "序号", "指标名称", "2025年目标",
        "经济发展", "1", "地区生产总值增速(GDP)", "7%以上",
        "2", "固定资产投资增速", "8%", "结构性指标", "工业投资增速", "10%",
        "科技创新", "3", "R&D经费支出占GDP比重", "3.0%左右",
        "安全保障", "4", "不良贷款率", "控制在合理区间", "(1.5%左右)",
        "5", "粮食综合生产能力", "60万吨",
    ]) + "\n\n信息来源：市政府办公室\n"
)


def test_cell_per_line_layout():
    t = by_name(targets_of(CELL_TABLE))
    assert t[(None, "地区生产总值增速(GDP)")].comparator == ">="
    assert t[("固定资产投资增速", "工业投资增速")].value == Decimal("10")
    npl = t[(None, "不良贷款率")]
    assert (npl.value, npl.comparator) == (Decimal("1.5"), "~")  # the cell continued on the next line
    assert t[(None, "粮食综合生产能力")].unit == "万吨"
    assert len(t) == 6


def test_spans_point_at_the_printed_text():
    from zhibiao.api import read_document  # noqa: F401  (spans are in the normalised text)
    from zhibiao.text import normalize

    norm = normalize(SPACE_TABLE).text
    for t in targets_of(SPACE_TABLE):
        assert t.span.slice(norm).replace(" ", "") == t.text
        raw = SPACE_TABLE[t.source_span.start:t.source_span.end]
        assert raw.strip()


# ------------------------------------------------------------------ generated tables

NAMES = ["地区生产总值增速", "规上工业增加值增速", "服务业增加值增速", "社会消费品零售总额增速", "城镇调查失业率",
         "居民消费价格涨幅", "森林覆盖率", "实际使用外资额", "医院数量", "新增城镇就业人数", "空气质量优良天数比例",
         "高新技术产业增加值占比", "常住人口城镇化率", "人均预期寿命", "粮食综合生产能力"]
TARGETS = [  # text, kind, comparator, value, unit
    ("{v}%以上", "numeric", ">=", "%"), ("{v}%左右", "numeric", "~", "%"), ("{v}%以内", "numeric", "<=", "%"),
    ("{v}%", "numeric", "=", "%"), ("{v}万人", "numeric", "=", "万人"), ("{v}亿美元以上", "numeric", ">=", "亿美元"),
    ("与经济增长基本同步", "relative", None, None), ("稳步增长", "directional", None, None),
    ("完成省下达目标", "assigned", None, None),
]
CATEGORIES = ["经济发展", "科技创新", "生态环境", "社会民生", "安全保障"]

row_strategy = st.tuples(st.sampled_from(range(len(NAMES))), st.sampled_from(TARGETS),
                         st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False))


def _rows(draw_rows):
    seen, rows = set(), []
    for name_i, target, value in draw_rows:
        if name_i in seen:
            continue
        seen.add(name_i)
        text = target[0].format(v=value)
        rows.append((NAMES[name_i], text, target, value))
    return rows


FW = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789%"}


def _space_row(seq: int, name: str, text: str, target) -> str:
    """A PDF text-layer row: seq, name, the unit in its own column, the bare target, full-width digits."""
    unit = target[3]
    if unit and text.startswith(tuple("0123456789")):
        value, _, rest = text.partition(unit)
        return f"{seq} {name} {unit} {value} {rest}".strip().translate(FW)
    return f"{seq} {name} — {text}".translate(FW)


def _render(rows, layout, categories):
    lines = ["附件", "", "2025年全市国民经济和社会发展计划主要目标", ""]
    if layout == "space":
        lines += ["类别 序号 指 标 单位 2025 年目标", ""]
        for i, (name, text, target, _v) in enumerate(rows):
            if i == 0 or categories[i] != categories[i - 1]:
                lines += [categories[i][:2], "", categories[i][2:], ""]
            lines += [_space_row(i + 1, name, text, target), ""]
    elif layout == "tab":
        lines.append("指标类型\t序号\t指标名称\t2025年目标")
        for i, (name, text, _t, _v) in enumerate(rows):
            cat = categories[i] if i == 0 or categories[i] != categories[i - 1] else ""
            lines.append(f"{cat}\t{i + 1}\t{name}\t{text}")
    else:
        cells = ["指标类型", "序号", "指标名称", "2025年目标"]
        for i, (name, text, _t, _v) in enumerate(rows):
            if i == 0 or categories[i] != categories[i - 1]:
                cells.append(categories[i])
            cells += [str(i + 1), name, text]
        lines += [c for cell in cells for c in (cell, "")]
    return NOTICE_HEAD + "\n".join(lines) + "\n抄送：各部门。\n"


@settings(max_examples=int(__import__("os").environ.get("ZHIBIAO_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row_strategy, min_size=1, max_size=12), st.sampled_from(["tab", "cell", "space"]),
       st.lists(st.sampled_from(CATEGORIES), min_size=12, max_size=12))
def test_generated_tables_parse_back(draw_rows, layout, cats):
    rows = _rows(draw_rows)
    categories = sorted(cats[: len(rows)], key=CATEGORIES.index)
    got = targets_of(_render(rows, layout, categories))
    assert [t.name for t in got] == [r[0] for r in rows]
    for t, (name, text, target, value), cat in zip(got, rows, categories):
        assert t.text == (text.replace(target[3], "", 1) if layout == "space" and target[3] and target[1] == "numeric"
                          else text)
        assert t.kind == target[1]
        assert t.comparator == target[2]
        assert t.category == cat
        if target[1] == "numeric":
            assert t.value == value and t.unit == target[3]


HEAD2 = "某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要指标\n\n"


def test_table_with_last_year_column_and_attribute_column():
    text = HEAD2 + ("序号\t指标名称\t单位\t2024年预计\t2025年目标\t属性\n"
                    "1\t地区生产总值增长\t%\t5.8\t6左右\t预期性\n"
                    "2\t单位GDP能耗降低\t%\t3.2\t完成省下达目标\t约束性\n"
                    "3\t森林覆盖率\t%\t61.2\t61.5\t约束性\n")
    t = by_name(targets_of(text))
    assert t[(None, "地区生产总值增长")].value == Decimal("6")  # the target column, not last year's
    assert t[(None, "森林覆盖率")].value == Decimal("61.5")
    assert t[(None, "单位GDP能耗降低")].kind == "assigned"
    assert [x.attribute for x in t.values()] == ["anticipatory", "binding", "binding"]


def test_a_sub_header_with_a_bare_percent_refines_the_column_above_it():
    # (a merged "2025年计划" over 绝对值 | 增长%: an HTML table's colspan, a Word table's; the
    # growth column's unit printed without brackets)
    text = HEAD2 + ("类别\t指标\t单位\t2025年计划\t\t属性\n"
                    "\t\t\t绝对值\t增速%\n"
                    "经济发展\t地区生产总值\t亿元\t1850\t5.5左右\t预期性\n"
                    "\t固定资产投资\t亿元\t—\t7\t预期性\n")
    t = by_name(targets_of(text))
    growth = t[(None, "地区生产总值增速")]
    assert (growth.value, growth.unit, growth.comparator, growth.year) == (Decimal("5.5"), "%", "~", 2025)
    assert t[(None, "地区生产总值")].unit == "亿元" and t[(None, "地区生产总值")].value == Decimal("1850")
    assert t[(None, "固定资产投资增速")].unit == "%"
    assert len(t) == 3


def test_columns_dated_against_the_plan_year():
    # (上年完成 | 本年计划: a county's table names no year; the plan year dates it)
    text = HEAD2 + ("序号\t指标名称\t单位\t上年完成\t本年度计划\t属性\n"
                    "1\t地区生产总值增长\t%\t5.6\t6左右\t预期性\n"
                    "2\t城镇新增就业\t人\t3100\t3000\t预期性\n")
    e = extract_text(text)
    assert [(t.year, t.name, t.value) for t in e.targets] == [
        (2025, "地区生产总值增长", Decimal("6")), (2025, "城镇新增就业", Decimal("3000"))]
    assert [(a.year, a.name, a.value) for a in e.actuals] == [
        (2024, "地区生产总值增长", Decimal("5.6")), (2024, "城镇新增就业", Decimal("3100"))]


def test_a_column_dated_against_the_plan_year_over_a_sub_header():
    text = HEAD2 + ("指标\t单位\t上年\t\t本年\n\t\t计划\t完成\t计划\n"
                    "地区生产总值增长\t%\t6\t5.6\t6.5左右\n")
    e = extract_text(text)
    assert [(t.year, t.value) for t in e.targets] == [(2024, Decimal("6")), (2025, Decimal("6.5"))]
    assert [(a.year, a.value) for a in e.actuals] == [(2024, Decimal("5.6"))]


def test_table_without_row_numbers():
    text = HEAD2 + "指标名称\t单位\t目标值\n地区生产总值增长\t%\t6左右\n新增城镇就业\t万人\t12\n"
    t = by_name(targets_of(text))
    assert t[(None, "新增城镇就业")].unit == "万人" and t[(None, "新增城镇就业")].value == Decimal("12")
    assert len(t) == 2


def test_plan_report_table_with_last_years_plan_and_result():
    text = HEAD2.replace("2025年主要指标", "主要指标") + (
        "序号\t指标\t单位\t2024年计划\t2024年完成\t2025年计划\n"
        "1\t地区生产总值增长\t%\t6左右\t6.3\t5.5左右\n"
        "2\t城镇新增就业人数\t万人\t10\t11.2\t10\n")
    t = by_name(targets_of(text))
    gdp = t[(None, "地区生产总值增长")]
    assert (gdp.year, gdp.value, gdp.comparator) == (2025, Decimal("5.5"), "~")
    assert t[(None, "城镇新增就业人数")].value == Decimal("10")


def test_space_layout_with_the_category_on_its_first_row():
    """A borderless PDF table: the category printed on the line of its first row."""
    text = HEAD2.replace("2025年主要指标", "2025年主要目标") + (
        "类别 序号 指标 单位 2025年目标\n经济发展 1 地区生产总值增长 % 6左右\n2 规上工业增加值增长 % 7\n"
        "社会民生 3 城镇调查失业率 % 5以内\n4 城镇新增就业人数 万人 12\n")
    got = [(t.category, t.seq, t.name, t.value, t.unit) for t in targets_of(text)]
    assert got == [("经济发展", "1", "地区生产总值增长", Decimal("6"), "%"), ("经济发展", "2", "规上工业增加值增长", Decimal("7"), "%"),
                   ("社会民生", "3", "城镇调查失业率", Decimal("5"), "%"), ("社会民生", "4", "城镇新增就业人数", Decimal("12"), "万人")]


def test_space_layout_without_a_unit_column():
    """A table whose every run of spaces was folded to one (a repost): no unit column to part a name
    from its target — the row's last tokens are its target, the shortest reading as one, with the
    target's opening word before it; a figure before a unit at a row's end is the target as printed."""
    text = NOTICE_HEAD + "附件\n\n2025年全市经济社会发展主要目标\n\n" + (
        "指标类型 序号 指标名称 2025年目标\n"
        "经济发展 1 地区生产总值增速 6%左右\n"
        " 2 人均 GDP 增速 5.5%\n"
        " 3 固定资产投资增速 7%\n"
        " 制造业投资增速 12%\n"
        " 4 服务业增加值增速 高于 GDP 增速\n"
        "对外开放 5 外贸出口总额 增长 8%以上，占全国份额保持稳定\n"
        "文化发展 6 接待过夜游客人数 3100 万人次\n"
        " 7 山区 26 县居民人均可支配收入与全省平\n均之比\n— 持续提高\n")  # (a wrapped name: its first line is no row)
    got = [(t.seq, t.name, t.text) for t in targets_of(text)]
    assert got == [("1", "地区生产总值增速", "6%左右"), ("2", "人均GDP增速", "5.5%"), ("3", "固定资产投资增速", "7%"),
                   ("3", "制造业投资增速", "12%"), ("4", "服务业增加值增速", "高于GDP增速"),
                   ("5", "外贸出口总额", "增长8%以上，占全国份额保持稳定"), ("6", "接待过夜游客人数", "3100万人次"),
                   ("7", "山区26县居民人均可支配收入与全省平均之比", "持续提高")]


def test_space_layout_without_a_unit_column_parts_no_name_holding_a_figure():
    # two figures and no unit column (last year's and this year's): no name is made to hold the first
    from zhibiao.extract import tables

    cells = tables._split_space_line("1 地区生产总值增长 6.1% 6%左右", 0, 0)
    assert [c.role for c in cells] == ["seq", "name"]


# ------------------------------------------------------------------ tables set out by single spaces

OUTLINE_HEAD = ("某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n"
                "第二章 总体要求\n\n")


def _column_table(header: str, rows: list[str], sep: str) -> str:
    return "\n".join(line.replace(" ", sep) for line in [header] + rows)


FIVE_YEAR_ROWS = [
    "经济发展 地区生产总值(亿元) 212.4 300 >7 预期性",
    "经济发展 数字经济核心产业增加值比重(%) 6.3 9 [2.7] 预期性",
    "创新驱动 每万人口高价值发明专利拥有量(件) 0.8 1.6 — 预期性",
    "民生福祉 城镇调查失业率(%) — <5.5 — 预期性",
    "绿色生态 单位地区生产总值能耗降低(%) — — [完成省下达任务] 约束性",
    "绿色生态 森林覆盖率(%) 71.3 >71.5 — 约束性",
]


def _read(text: str):
    e = extract_text(text)
    return ([(t.category, t.name, t.text, t.value, t.comparator, t.unit, t.year, t.attribute) for t in e.targets],
            [(a.name, a.value, a.unit, a.year, a.measure) for a in e.actuals])


@pytest.mark.parametrize("header", [
    "类别 指标 2020年 2025年 年均增长(%) 属性",  # (属性: a header word)
    "类别 指标 2020年 2025年 年均增长(%)",  # (no header word but its years: a year printed as a cell)
])
def test_a_five_year_table_set_out_by_single_spaces_reads_as_its_tabbed_form(header):
    """A 专栏 of a five-year outline, no row numbers and no unit column, its cells parted by single
    spaces: the rows a tabbed copy gives — units in the names, a base year's figures, the end year's
    targets, an average beside them, a bracketed sum and dashes giving nothing."""
    rows = FIVE_YEAR_ROWS if "属性" in header else [r.rsplit(" ", 1)[0] for r in FIVE_YEAR_ROWS]
    caption = "专栏1 “十四五”时期经济社会发展主要指标\n"
    note = "注：[ ]内为五年累计数。\n"
    spaced = _read(OUTLINE_HEAD + caption + _column_table(header, rows, " ") + "\n" + note)
    tabbed = _read(OUTLINE_HEAD + caption + _column_table(header, rows, "\t") + "\n" + note)
    assert spaced == tabbed
    targets, actuals = spaced
    assert ("经济发展", "地区生产总值", "300", Decimal("300"), "=", "亿元", 2025,
            "anticipatory" if "属性" in header else None) in targets
    assert [t[1] for t in targets] == ["地区生产总值", "地区生产总值年均增长", "数字经济核心产业增加值比重",
                                       "每万人口高价值发明专利拥有量", "城镇调查失业率", "单位地区生产总值能耗降低", "森林覆盖率"]
    assert ("森林覆盖率", Decimal("71.3"), "%", 2020, "share") in actuals and len(actuals) == 4


def test_a_table_without_row_numbers_under_a_header_of_single_spaces():
    """指标 单位 2024年目标 属性: no 序号 column, one target column; the 属性 cell its own."""
    text = NOTICE_HEAD.replace("2025", "2024") + "附件\n\n2024年全县主要预期目标\n\n" + (
        "指标 单位 2024年目标 属性\n"
        "地区生产总值增长 % 5.5左右 预期性\n"
        "城乡居民人均可支配收入增长 % 6 预期性\n"
        "单位地区生产总值能耗降低 % 完成市下达任务 约束性\n")
    got = [(t.name, t.text, t.unit, t.year, t.attribute) for t in targets_of(text)]
    assert got == [("地区生产总值增长", "5.5左右", "%", 2024, "anticipatory"),
                   ("城乡居民人均可支配收入增长", "6", "%", 2024, "anticipatory"),
                   ("单位地区生产总值能耗降低", "完成市下达任务", "%", 2024, "binding")]


def test_the_attribute_of_a_row_set_out_by_single_spaces_is_a_cell_of_its_own():
    text = HEAD2.replace("2025年主要指标", "2025年主要目标") + (
        "类别 序号 指标 单位 2025年目标 属性\n"
        "经济发展 1 地区生产总值增长 % 6左右 预期性\n"
        "2 一般公共预算收入增长 % 与经济增长同步 预期性\n"
        "绿色生态 3 主要河流断面水质达标率 % 100 约束性\n")
    got = [(t.category, t.seq, t.name, t.text, t.kind, t.attribute) for t in targets_of(text)]
    assert got == [("经济发展", "1", "地区生产总值增长", "6左右", "numeric", "anticipatory"),
                   ("经济发展", "2", "一般公共预算收入增长", "与经济增长同步", "relative", "anticipatory"),
                   ("绿色生态", "3", "主要河流断面水质达标率", "100", "numeric", "binding")]


def test_prose_and_figure_lines_with_spaces_open_no_table():
    """A line naming 指标 and a year amid words, and a bulletin's figure lines: no header, no rows."""
    text = HEAD2 + ("全县各项指标 2024年 总体平稳\n"
                    "全年粮食总产量 35.2 万吨\n"
                    "油料产量 1.8 万吨\n"
                    "全年地区生产总值增长6%左右。\n")
    from zhibiao.extract.tables import find_tables
    from zhibiao.text import normalize

    assert find_tables(normalize(text).text) == []
    assert all(t.source != "table" for t in targets_of(text))
    # header words only, but no column of values or units: a list of indicators' attributes, no table
    listed = HEAD2 + "指标 属性\n地区生产总值 预期性\n森林覆盖率 约束性\n"
    assert find_tables(normalize(listed).text) == []


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_sub_row_loses_its_mark_and_is_a_child_of_its_row(sep):
    rows = ["序号 指标名称 单位 2025年目标",
            "1 主要污染物排放量减少 吨 完成市下达任务",
            " 其中:化学需氧量 吨 96",
            " 其中：氮氧化物 吨 140",
            "2 城镇新增就业 人 3200"]
    body = "\n".join(r.strip().replace(" ", sep) if sep == "\t" else "| " + r.strip().replace(" ", sep) + " |"
                     for r in rows)
    text = HEAD2.replace("2025年主要指标", "2025年主要目标") + body + "\n"
    e = extract_text(text)
    got = [(t.parent, t.name, t.text) for t in e.targets]
    assert got == [(None, "主要污染物排放量减少", "完成市下达任务"), ("主要污染物排放量减少", "化学需氧量", "96"),
                   ("主要污染物排放量减少", "氮氧化物", "140"), (None, "城镇新增就业", "3200")]
    from zhibiao.text import normalize

    norm = normalize(text).text
    assert [t.name_span.slice(norm) for t in e.targets[1:3]] == ["化学需氧量", "氮氧化物"]


def test_marked_sub_rows_in_a_table_without_row_numbers_end_at_an_unmarked_row():
    text = HEAD2 + ("指标名称\t单位\t2025年目标\n"
                    "固定资产投资增长\t%\t7\n"
                    "其中：工业投资增长\t%\t10\n"
                    "社会消费品零售总额增长\t%\t6\n")
    assert [(t.parent, t.name) for t in targets_of(text)] == [
        (None, "固定资产投资增长"), ("固定资产投资增长", "工业投资增长"), (None, "社会消费品零售总额增长")]


@pytest.mark.parametrize("layout", ["pipe", "cell"])
def test_a_name_set_letter_by_letter_loses_every_space(layout):
    """地 区 生 产 总 值 增 速 in a cell (a word of more than six spaced letters: the normaliser joins
    six, a header's spaced words side by side, and leaves a space), full-width digits around it."""
    head = ["指标名称", "单位", "2024年目标", "2024年完成"]
    rows = [["地 区 生 产 总 值 增 速", "％", "６左右", "６.１"], ["城 镇 新 增 就 业 人 数", "人", "３０００", "３１２０"],
            ["其中：高 校 毕 业 生 就 业 人 数", "人", "８００", "８３５"]]
    if layout == "pipe":
        body = "\n".join("| " + " | ".join(r) + " |" for r in [head] + rows)
    else:
        body = "\n".join(c for r in [head] + rows for c in r)
    text = ("某县人民政府关于2024年国民经济和社会发展计划执行情况与2025年计划的报告\n\n附件\n\n"
            "2024年主要指标完成情况\n\n" + body + "\n")
    e = extract_text(text)
    assert [(t.parent, t.name) for t in e.targets] == [(None, "地区生产总值增速"), (None, "城镇新增就业人数"),
                                                       ("城镇新增就业人数", "高校毕业生就业人数")]
    assert [(a.name, a.value) for a in e.actuals] == [("地区生产总值增速", Decimal("6.1")),
                                                     ("城镇新增就业人数", Decimal("3120")),
                                                     ("高校毕业生就业人数", Decimal("835"))]


def test_a_value_cell_merged_down_counts_for_each_row_it_spans():
    # (HTML rowspan, a Word vertical merge, a PDF's merged cell: printed in its first row only)
    text = HEAD2 + ("序号\t指标名称\t单位\t2024年预计\t2025年目标\t属性\n"
                    "1\t城镇常住居民人均可支配收入增长\t%\t5.1\t与经济增长基本同步\t预期性\n"
                    "2\t农村常住居民人均可支配收入增长\t%\t6.3\t\t预期性\n"
                    "3\t化学需氧量排放量降低\t%\t2.2\t完成省下达目标\t约束性\n"
                    "4\t氨氮排放量降低\t%\t2.4\t\t约束性\n"
                    "\t（按排放量核算）\t\t\t\t\n"
                    "5\t森林覆盖率\t%\t58.2\t58.4\t约束性\n"
                    "6\t人均公园绿地面积\t平方米\t14.1\t\t预期性\n")
    e = extract_text(text)
    t = {x.name: x for x in e.targets}
    rural, ammonia = t["农村常住居民人均可支配收入增长"], t["氨氮排放量降低"]
    assert (rural.text, rural.year) == ("与经济增长基本同步", 2025)
    assert ammonia.text == "完成省下达目标" and ammonia.kind == "assigned"
    # each copy is the printed cell: its span reads it back
    urban = t["城镇常住居民人均可支配收入增长"]
    assert text[rural.span.start:rural.span.end] == "与经济增长基本同步" == text[urban.span.start:urban.span.end]
    assert "人均公园绿地面积" not in t  # a number is never spread down
    assert not [x for x in e.targets if "核算" in x.name]  # nor to a line naming nothing else
    assert [a.value for a in e.actuals if a.name == "人均公园绿地面积"] == [Decimal("14.1")]


@pytest.mark.parametrize("mark", ["①", "（注1）", "*", "（%）①", "①（%）"])  # (before or after a unit in brackets)
def test_a_footnote_mark_after_a_rows_name_names_neither_its_target_nor_its_result(mark):
    # the targets were named without it, the results of the same row with it (地区生产总值增长①: a share
    # of no indicator, beside the growth target)
    from zhibiao.api import extract_text

    text = ("关于青川省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
            "——2026年1月18日在青川省第九届人民代表大会第五次会议上\n表1　主要指标\n"
            "序号\t指标\t单位\t2025年预计\t2026年计划\t属性\n"
            f"1\t地区生产总值增长{mark}\t%\t5.3\t5.5左右\t预期性\n2\t城镇新增就业\t万人\t46.3\t45以上\t预期性\n"
            "注：①按可比价格计算。\n")
    e = extract_text(text)
    rows = [(x.name, x.value) for x in e.targets] + [(x.name, x.measure, x.value) for x in e.actuals]
    assert rows == [("地区生产总值增长", Decimal("5.5")), ("城镇新增就业", Decimal("45")),
                    ("地区生产总值增长", "growth", Decimal("5.3")), ("城镇新增就业", "level", Decimal("46.3"))]
    from zhibiao.text import normalize

    norm = normalize(text).text
    assert all(x.name_span.slice(norm) == x.name for x in [*e.targets, *e.actuals])  # (the mark outside the span)


@pytest.mark.parametrize("mark", ["#", "＃"])
def test_a_row_marked_hash_is_a_part_of_the_row_right_above_it(mark):
    # a bulletin's 第二产业 / #工业: # is the statistical tables' "of which" of the row above — the name
    # without it, the parent that row; 其中 rows under a total stay the total's (其中：男性 after 乡村)
    e = extract_text("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表1　2025年全县地区生产总值及增长速度\n"
                     "指标\t绝对数（亿元）\t比上年增长（%）\n地区生产总值\t412.30\t5.8\n　第一产业\t40.12\t3.1\n"
                     f"　第二产业\t170.55\t6.4\n　　{mark}工业\t150.21\t7.0\n　第三产业\t201.63\t5.5\n\n"
                     "二、人口\n年末全县常住人口52.1万人。\n\n表2　2025年末人口\n指标\t年末数（万人）\t比重（%）\n年末常住人口\t52.1\t100.0\n其中：城镇\t31.0\t59.5\n"
                     "乡村\t21.1\t40.5\n其中：男性\t26.4\t50.7\n女性\t25.7\t49.3\n")
    parents = {(a.name, a.parent) for a in e.actuals}
    assert ("工业", "第二产业") in parents and ("第一产业", "地区生产总值") in parents
    assert ("男性", "年末常住人口") in parents


def test_a_rows_name_of_a_decline_makes_its_result_a_decline():
    # (能耗下降率 | 3.2: the decline itself, growth −3.2 as the prose's 下降3.2% — it was a share of 3.2, which
    # the tracker could not weigh against the target 下降3%; a column saying its measure keeps its own reading)
    from zhibiao.api import extract_text

    text = ("关于青川省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
            "——2026年1月18日在青川省第九届人民代表大会第五次会议上\n表1　主要指标\n"
            "序号\t指标\t单位\t2025年预计\t2026年计划\t属性\n"
            "1\t单位地区生产总值能耗下降率\t%\t3.2\t3左右\t约束性\n2\t地区生产总值增长\t%\t5.3\t5.5左右\t预期性\n")
    e = extract_text(text)
    assert [(x.name, x.measure, x.value) for x in e.actuals] == [
        ("单位地区生产总值能耗下降率", "growth", Decimal("-3.2")), ("地区生产总值增长", "growth", Decimal("5.3"))]


REVIEW_HEAD = ("关于云岭县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
               "——2026年1月12日在云岭县第九届人民代表大会第五次会议上\n一、2025年计划执行情况\n"
               "表1　2025年主要指标完成情况\n")


@pytest.mark.parametrize("extra,cells", [
    (["完成率（%）", "是否完成"], [["101.2", "完成"], ["—", "未完成"]]),
    (["全省排名", "责任单位"], [["4", "县财政局"], ["11", "县发改局"]]),
    (["完成率（%）", "全省排名"], [["101.2", "4"], ["—", "11"]]),
    (["考核等级", "工作评语"], [["优", "稳中有进"], ["良", "略低于预期"]]),  # (words no vocabulary holds)
])
@pytest.mark.parametrize("sep", ["\t", "|"])
def test_a_completion_table_reads_past_columns_of_rates_ranks_and_responsible_units(extra, cells, sep):
    """A header with a name column and a column of targets or results is a header whatever else it
    prints: the columns it does not know (two or more) are read past — before, every row was lost."""
    head = ["指标", "单位", "年度目标", "实际完成", *extra]
    rows = [["一般公共预算收入", "亿元", "18.6", "18.8", *cells[0]], ["固定资产投资增长", "%", "4", "-2.3", *cells[1]]]
    body = "\n".join(sep.join(r) if sep == "\t" else "| " + " | ".join(r) + " |" for r in [head, *rows])
    e = extract_text(REVIEW_HEAD + body + "\n")
    assert [(t.name, t.value, t.year) for t in e.targets] == [("一般公共预算收入", Decimal("18.6"), 2025),
                                                             ("固定资产投资增长", Decimal("4"), 2025)]
    assert [(a.name, a.value) for a in e.actuals] == [("一般公共预算收入", Decimal("18.8")),
                                                     ("固定资产投资增长", Decimal("-2.3"))]
    assert not [w for w in e.warnings if "table" in w]


def test_a_review_table_of_bare_years_reads_past_columns_it_does_not_know():
    # 2024年 | 2025年 (no word of a target or a result): the years make the header
    text = REVIEW_HEAD + ("指标\t单位\t2024年\t2025年\t考核等级\t工作评语\n"
                          "一般公共预算收入\t亿元\t17.9\t18.8\t优\t稳中有进\n")
    e = extract_text(text)
    assert [(a.name, a.year, a.value) for a in e.actuals] == [("一般公共预算收入", 2024, Decimal("17.9")),
                                                             ("一般公共预算收入", 2025, Decimal("18.8"))]


def test_a_rank_column_with_its_year_is_no_result():
    # 2025年全省排名: a column read past whatever its year (not a column of 2025's results)
    text = REVIEW_HEAD + ("指标\t单位\t2025年目标\t2025年完成\t2025年全省排名\n"
                          "一般公共预算收入\t亿元\t18.6\t18.8\t4\n城镇新增就业\t万人\t1.2\t1.31\t9\n")
    e = extract_text(text)
    assert [(a.name, a.value) for a in e.actuals] == [("一般公共预算收入", Decimal("18.8")),
                                                     ("城镇新增就业", Decimal("1.31"))]


def test_a_bulletins_table_reads_past_its_rank_columns():
    # no column of targets or results by name, so only the vocabulary's words are read past (全省排名, 位次)
    text = ("云岭县2025年国民经济和社会发展统计公报\n云岭县统计局\n2026年3月20日\n表1　2025年主要经济指标\n"
            "指标\t单位\t绝对数\t比上年增长（%）\t全省排名\t位次\n"
            "地区生产总值\t亿元\t186.2\t5.1\t12\t3\n一般公共预算收入\t亿元\t11.4\t2.6\t20\t5\n")
    e = extract_text(text)
    got = {(a.name, a.measure, a.value) for a in e.actuals if a.source == "table"}
    assert got == {("地区生产总值", "level", Decimal("186.2")), ("地区生产总值", "growth", Decimal("5.1")),
                   ("一般公共预算收入", "level", Decimal("11.4")), ("一般公共预算收入", "growth", Decimal("2.6"))}


def test_a_targets_tables_columns_of_responsible_units_give_no_rows_and_no_warnings():
    text = HEAD2 + ("序号\t指标\t单位\t2025年目标\t属性\t责任单位\t分管领导\n"
                    "1\t地区生产总值增长\t%\t6左右\t预期性\t县发改局\t王明\n"
                    "2\t城镇新增就业\t人\t3200\t预期性\t县人社局\t李青\n")
    e = extract_text(text)
    assert [(t.seq, t.name, t.text, t.attribute) for t in e.targets] == [
        ("1", "地区生产总值增长", "6左右", "anticipatory"), ("2", "城镇新增就业", "3200", "anticipatory")]
    assert not [w for w in e.warnings if "table" in w]


def test_cells_beside_a_name_and_a_dated_column_that_are_no_titles_open_no_table():
    """Unknown cells are ignored columns only when they could title one (short words, no figure, no
    unit), and only beside a name column and a column of a year, a target or a result."""
    from zhibiao.extract.tables import find_tables
    from zhibiao.text import normalize

    figures = HEAD2 + "主要指标\t2025年\t6%\t5.5%\n"
    across = HEAD2 + "类别\t2025年\t工业\t农业\n"  # (no name column)
    assert find_tables(normalize(figures).text) == [] and find_tables(normalize(across).text) == []


def test_the_name_columns_title_is_no_parent_of_the_rows():
    # 项目 over the names: a column title, as 指标 is (the rows were its sub-rows) — and so is the
    # header printed again after a page break
    text = HEAD2 + ("项目\t2025年目标\n地区生产总值增长（%）\t6左右\n项目\t2025年目标\n"
                    "一般公共预算收入（亿元）\t12.4\n")
    e = extract_text(text)
    assert [(t.parent, t.name, t.text) for t in e.targets] == [(None, "地区生产总值增长", "6左右"),
                                                             (None, "一般公共预算收入", "12.4")]


@pytest.mark.parametrize("mark", ["续表", "续表1", "（续表）", "表1（续）"])
def test_a_continuation_line_is_no_category(mark):
    """A table split across pages: the line saying so (续表) between its rows names no category."""
    text = ("关于青川省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
            "——2026年1月18日在青川省第九届人民代表大会第五次会议上\n表1　主要指标\n"
            "序号\t指标\t单位\t2025年预计\t2026年计划\t属性\n"
            "1\t地区生产总值增长\t%\t5.3\t5.5左右\t预期性\n"
            f"{mark}\n"
            "2\t城镇新增就业\t万人\t46.3\t45以上\t预期性\n")
    e = extract_text(text)
    assert [(t.seq, t.category) for t in e.targets] == [("1", None), ("2", None)]
    # a targets table (one value column), read row by row: no row of its own, no parent of the rows below
    notice = HEAD2 + f"指标\t单位\t2025年目标\n地区生产总值增长\t%\t6左右\n{mark}\n城镇新增就业\t人\t3200\n"
    e = extract_text(notice)
    assert [(t.category, t.parent, t.name) for t in e.targets] == [(None, None, "地区生产总值增长"),
                                                                  (None, None, "城镇新增就业")]
    assert not [w for w in e.warnings if "table" in w]


def test_one_cell_per_line_a_column_read_past_before_the_values_takes_its_cell():
    # 县财政局 where the responsible unit is due is no next row's name: the row's values come after it
    cells = ["指标", "单位", "责任单位", "年度目标", "实际完成",
             "一般公共预算收入", "亿元", "县财政局", "18.6", "18.8", "城镇新增就业", "万人", "县人社局", "1.2", "1.31"]
    e = extract_text(REVIEW_HEAD + "\n".join(cells) + "\n")
    assert [(t.name, t.value) for t in e.targets] == [("一般公共预算收入", Decimal("18.6")), ("城镇新增就业", Decimal("1.2"))]
    assert [(a.name, a.value) for a in e.actuals] == [("一般公共预算收入", Decimal("18.8")),
                                                     ("城镇新增就业", Decimal("1.31"))]


def test_a_header_with_unknown_titles_printed_again_is_no_row():
    text = REVIEW_HEAD + ("指标\t单位\t年度目标\t实际完成\t考核等级\t工作评语\n"
                          "一般公共预算收入\t亿元\t18.6\t18.8\t优\t稳中有进\n"
                          "指标\t单位\t年度目标\t实际完成\t考核等级\t工作评语\n"
                          "城镇新增就业\t万人\t1.2\t1.31\t良\t略低于预期\n")
    e = extract_text(text)
    assert [t.name for t in e.targets] == ["一般公共预算收入", "城镇新增就业"]
    assert not [w for w in e.warnings if "指标" in w]


def test_a_table_set_out_by_single_spaces_with_a_column_read_past_gives_no_wrong_figures():
    # its rows are read from the right: a rate or a yes/no column would shift them (not read yet)
    text = REVIEW_HEAD + ("指标 单位 年度目标 实际完成 完成率（%） 是否完成\n"
                          "一般公共预算收入 亿元 18.6 18.8 101.1 完成\n"
                          "城镇新增就业 万人 1.2 1.31 109.2 完成\n")
    e = extract_text(text)
    assert not [x for x in [*e.targets, *e.actuals] if x.value in (Decimal("101.1"), Decimal("109.2"))]


@pytest.mark.parametrize("layout", ["space", "cell"])
def test_a_continuation_line_is_no_category_in_other_layouts(layout):
    head = ["序号", "指标", "单位", "2025年预计", "2026年计划", "属性"]
    rows = [["1", "地区生产总值增长", "%", "5.3", "5.5左右", "预期性"], ["续表"],
            ["2", "城镇新增就业", "万人", "46.3", "45以上", "预期性"], ["3", "粮食产量", "万吨", "88.6", "88以上", "约束性"]]
    sep = " " if layout == "space" else "\n"
    text = ("关于青川省2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
            "——2026年1月18日在青川省第九届人民代表大会第五次会议上\n表1　主要指标\n"
            + "\n".join(sep.join(r) for r in [head, *rows]) + "\n")
    e = extract_text(text)
    assert [(t.seq, t.category, t.name) for t in e.targets] == [
        ("1", None, "地区生产总值增长"), ("2", None, "城镇新增就业"), ("3", None, "粮食产量")]


def test_a_title_no_vocabulary_knows_beside_no_column_of_values_keeps_its_targets():
    """One unknown cell in a header with no known column of values may title the values (2025年增长目标):
    its cells are read by meaning, as before; the title itself is no row and no parent."""
    text = HEAD2 + "序号\t指标\t单位\t2025年增长目标\n1\t地区生产总值\t%\t6左右\n2\t一般公共预算收入\t%\t3\n"
    e = extract_text(text)
    assert [(t.parent, t.name, t.text) for t in e.targets] == [(None, "地区生产总值", "6左右"), (None, "一般公共预算收入", "3")]
    assert not [w for w in e.warnings if "table" in w]


def test_a_same_period_growth_column_is_a_result_of_the_part_of_the_year_before_it():
    # an in-year report's 全年目标 | 上半年完成 | 同比增长（%）: 同比 is against the same period of last
    # year — a result (never a target of the table's year), the half-year's like the column before it
    e = extract_text("关于青石县2025年上半年国民经济和社会发展计划执行情况的报告\n一、上半年计划执行情况\n"
                     "表1　主要经济指标完成情况\n指标\t单位\t全年目标\t上半年完成\t同比增长（%）\n"
                     "固定资产投资\t%\t5以上\t—\t3.9\n规模以上工业增加值\t%\t7左右\t—\t8.2\n")
    assert [(t.name, t.value) for t in e.targets] == [("固定资产投资", Decimal(5)), ("规模以上工业增加值", Decimal(7))]
    assert [(a.name, a.measure, a.value, a.period) for a in e.actuals] == [
        ("固定资产投资", "growth", Decimal("3.9"), "2025-01/2025-06"), ("规模以上工业增加值", "growth", Decimal("8.2"), "2025-01/2025-06")]


@pytest.mark.parametrize("header", ["绝对额（亿元）\t比上年末增长（%）", "年末数（亿元）\t比年初增长（%）", "金额（亿元）\t比上年同期增长（%）"])
def test_a_bulletins_balance_and_growth_columns_are_read(header):
    e = extract_text("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表3　2025年末金融机构存贷款\n"
                     f"指标\t{header}\n各项存款余额\t812.4\t8.8\n")
    assert [(a.measure, a.value) for a in e.actuals] == [("level", Decimal("812.4")), ("growth", Decimal("8.8"))]


@pytest.mark.parametrize("cell, value", [("增长6.5%左右", "6.5"), ("下降2.1%", "-2.1")])
def test_a_result_cell_printing_its_change_in_per_cent_is_a_growth_whatever_the_rows_unit(cell, value):
    # a 预计全年 cell "增长6.5%左右" in a row whose unit is 亿元: the cell says what it is — GDP growing by
    # 6.5 %, never a GDP of 6.5亿元
    e = extract_text("关于青石县2025年上半年国民经济和社会发展计划执行情况的报告\n一、上半年计划执行情况\n"
                     "表1　主要经济指标完成情况\n指标\t单位\t上半年完成\t预计全年\n"
                     f"地区生产总值\t亿元\t212.6\t{cell}\n")
    got = [(a.measure, a.unit, a.value) for a in e.actuals if a.period is None]
    assert got == [("growth", "%", Decimal(value))]


@pytest.mark.parametrize("number", ["1.", "2、", "3．"])
def test_a_rows_number_printed_in_its_name_cell_is_no_part_of_the_name(number):
    # an outline's 专栏 printing each row's number before its name (1.地区生产总值（亿元）)
    e = extract_text("青石县国民经济和社会发展第十五个五年规划纲要\n第一章　发展基础\n专栏1　主要指标\n"
                     "类别\t指标\t2025年\t2030年\t属性\n"
                     f"经济发展\t{number}地区生产总值（亿元）\t312.5\t420\t预期性\n")
    assert {t.name for t in e.targets} == {"地区生产总值"} and {a.name for a in e.actuals} == {"地区生产总值"}


_COUNTY_NOTICE = "青石县人民政府关于印发青石县2026年国民经济和社会发展计划的通知\n青政发〔2026〕3号\n二、2026年主要目标\n"


@pytest.mark.parametrize("header, cells", [
    ("全省目标\t云岭市目标\t青石县目标", ("5左右", "5.5左右", "{own}")),
    ("省目标\t市目标\t县目标", ("5左右", "5.5左右", "{own}")),
    ("全市目标\t全县目标", ("5.5左右", "{own}")),
    ("2026年全省目标\t2026年全县目标", ("5左右", "{own}")),
    ("本县目标\t云岭市目标", ("{own}", "5.5左右")),
    ("云岭市目标\t我县目标", ("5.5左右", "{own}")),
])
def test_a_targets_table_naming_regions_reads_the_documents_own_regions_column(header, cells):
    # a county notice printing the province's and the city's targets beside its own (层层加码): the
    # county's column is its targets; the others' figures are none of its, and no column title is a parent
    rows = [("地区生产总值增长", "%", "6.5左右"), ("一般公共预算收入增长", "%", "4")]
    text = _COUNTY_NOTICE + f"指标名称\t单位\t{header}\t属性\n" + "".join(
        f"{name}\t{unit}\t" + "\t".join(c.format(own=own) for c in cells) + "\t预期性\n" for name, unit, own in rows)
    e = extract_text(text)
    assert [(t.name, t.text, t.parent) for t in e.targets] == [(n, own, None) for n, _u, own in rows]
    assert not [w for w in e.warnings if "table" in w or "cell" in w]


def test_a_citys_table_naming_the_province_and_itself_by_level_reads_the_citys_column():
    e = extract_text("云岭市人民政府关于下达云岭市2026年国民经济和社会发展计划的通知\n云政发〔2026〕1号\n二、主要目标\n"
                     "指标\t单位\t全省目标\t全市目标\n地区生产总值增长\t%\t5左右\t6左右\n")
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值增长", "6左右")]


def test_a_table_of_other_regions_targets_only_gives_none_of_the_documents_and_says_so():
    e = extract_text(_COUNTY_NOTICE + "指标\t单位\t全省目标\t全市目标\n地区生产总值增长\t%\t5左右\t5.5左右\n")
    assert e.targets == []
    assert [w for w in e.warnings if "全省目标" in w and "全市目标" in w]


@pytest.mark.parametrize("own, other", [("青石彝族自治县", "青石县"), ("青石县", "青石市"), ("云岭市青石区", "青石区"),
                                        ("青石区", "云岭市青石区"), ("青石县", "青石彝族自治县")])
def test_a_regions_column_is_the_documents_by_its_ending_and_its_stem(own, other):
    # 青石县目标 in 青石彝族自治县's notice is its own (a short name); 青石市目标 in 青石县's is not (a
    # county and the city of the same name)
    e = extract_text(f"{own}人民政府关于印发{own}2026年国民经济和社会发展计划的通知\n二、2026年主要目标\n"
                     f"指标\t单位\t{other}目标\t云岭市目标\n地区生产总值增长\t%\t6左右\t5.5左右\n")
    assert [t.text for t in e.targets] == (["6左右"] if other != "青石市" else [])


def test_columns_of_several_regions_in_a_document_of_no_known_region_give_no_target_and_say_so():
    e = extract_text("关于2026年国民经济和社会发展计划的报告\n二、2026年主要目标\n指标\t单位\t全省目标\t全县目标\n"
                     "地区生产总值增长\t%\t5左右\t6左右\n")
    assert e.targets == [] and [w for w in e.warnings if "全省目标, 全县目标" in w and "several regions" in w]


@pytest.mark.parametrize("before", ["", "2025年预计完成\t"])
def test_the_own_regions_cell_equal_to_another_regions_beside_it_is_read(before):
    # 6 | 6 (the city's and the county's target alike) or a cell merged across the regions' columns,
    # printed in each: the county's copy is its target (the city's column is read past, not the cell)
    done = "5.8\t" if before else ""
    e = extract_text(_COUNTY_NOTICE + f"指标\t单位\t{before}全市目标\t全县目标\n"
                     f"社会消费品零售总额增长\t%\t{done}6\t6\n单位地区生产总值能耗降低\t%\t{done}完成上级下达任务\t完成上级下达任务\n")
    assert [(t.name, t.text) for t in e.targets] == [("社会消费品零售总额增长", "6"), ("单位地区生产总值能耗降低", "完成上级下达任务")]


@pytest.mark.parametrize("body", [
    "序号 指标名称 单位 全省目标 全市目标 全县目标 属性\n1 地区生产总值增长 % 5左右 5.5左右 6.5左右 预期性\n"
    "2 一般公共预算收入增长 % 3 3.5 4 预期性\n",
    "指标名称\n单位\n全省目标\n全县目标\n地区生产总值增长\n%\n5左右\n6.5左右\n一般公共预算收入增长\n%\n3\n4\n",
])
def test_other_regions_columns_of_a_table_set_out_by_spaces_or_one_cell_a_line_are_passed_over(body):
    e = extract_text(_COUNTY_NOTICE + body)
    assert [(t.name, t.text, t.parent) for t in e.targets] == [
        ("地区生产总值增长", "6.5左右", None), ("一般公共预算收入增长", "4", None)]


@pytest.mark.parametrize("target, estimate, expected", [
    ("增长4%", "4.6", ("growth", "%", Decimal("4.6"))),  # below the half year's 31.7: the growth, as its target
    ("增长4%", "65.2", ("level", "亿元", Decimal("65.2"))),  # above it: the year's level
    ("62", "4.6", ("level", "亿元", Decimal("4.6"))),  # a target of a level: nothing says the figure is a growth
])
def test_a_bare_full_year_figure_below_the_half_years_level_takes_its_rows_growth_target(target, estimate, expected):
    e = extract_text("关于青石县2025年上半年国民经济和社会发展计划执行情况的报告\n一、上半年计划执行情况\n"
                     "表1　主要经济指标完成情况\n指标\t单位\t全年目标\t上半年完成\t预计全年\n"
                     f"一般公共预算收入\t亿元\t{target}\t31.7\t{estimate}\n")
    assert [(a.measure, a.unit, a.value) for a in e.actuals if a.period is None] == [expected]


@pytest.mark.parametrize("average", ["年均增长［累计］", "年均增长/累计", "五年累计/年均", "年均增速／累计（%）"])
def test_a_five_year_tables_average_column_joined_with_its_sum_by_a_slash_is_read_as_either(average):
    # 年均增长/累计 says what 年均增长［累计］ says: a yearly average, or a five-year sum where the cell is bracketed
    e = extract_text("青石县国民经济和社会发展第十五个五年规划纲要\n第二章　主要目标\n专栏1　主要指标\n"
                     f"类别\t指标\t2025年\t2030年\t{average}\t属性\n"
                     "经济发展\t地区生产总值增长（%）\t—\t—\t5.5左右\t预期性\n"
                     "绿色生态\t单位地区生产总值能源消耗降低（%）\t—\t—\t〔12〕\t约束性\n"
                     "人民生活\t居民人均可支配收入（元）\t38000\t50000\t5.6\t预期性\n")
    assert [(t.name, t.text, t.year) for t in e.targets] == [
        ("地区生产总值增长", "5.5左右", 2030), ("单位地区生产总值能源消耗降低", "〔12〕", 2030),
        ("居民人均可支配收入", "50000", 2030), ("居民人均可支配收入年均增长", "5.6", 2030)]


@pytest.mark.parametrize("name, expected", [
    ("城乡居民人均可支配收入增长", [("城镇居民人均可支配收入增长", Decimal("5.1")), ("农村居民人均可支配收入增长", Decimal("7.2"))]),
    ("居民人均可支配收入增长", []),  # a name that does not divide into them: neither figure is the whole's
])
def test_a_cell_printing_a_figure_for_each_part_of_a_coordinated_name_gives_each_parts_result(name, expected):
    e = extract_text(_COUNTY_NOTICE + "指标\t单位\t2025年预计完成\t2026年目标\n"
                     f"{name}\t%\t城镇5.1 农村7.2\t城镇6，农村7.5\n")
    assert [(a.name, a.value) for a in e.actuals] == expected
    assert [(t.name, t.value) for t in e.targets] == [(n, Decimal(v)) for (n, _x), v in zip(expected, ("6", "7.5"))]
    assert all(a.name_origin == "composed" for a in e.actuals)


@pytest.mark.parametrize("cell", ["城镇6 农村7.5", "城镇6，农村7.5"])
def test_a_targets_tables_cell_printing_a_figure_for_each_part_of_a_coordinated_name_gives_each_parts_target(cell):
    e = extract_text(_COUNTY_NOTICE + f"指标\t单位\t2026年目标\t属性\n城乡居民人均可支配收入增长\t%\t{cell}\t预期性\n"
                     "地区生产总值增长\t%\t6\t预期性\n")
    assert [(t.name, t.value, t.name_origin) for t in e.targets] == [
        ("城镇居民人均可支配收入增长", Decimal("6"), "composed"), ("农村居民人均可支配收入增长", Decimal("7.5"), "composed"),
        ("地区生产总值增长", Decimal("6"), "printed")]


def test_a_target_cell_continued_on_the_next_line_is_one_target_without_the_cells_between():
    e = extract_text(_COUNTY_NOTICE + "指标\t单位\t2026年目标\t属性\n城镇调查失业率\t%\t控制在合理区间\t预期性\n\t\t（5.5%以内）\t\n")
    assert [(t.name, t.text, t.value) for t in e.targets] == [("城镇调查失业率", "控制在合理区间（5.5%以内）", Decimal("5.5"))]


@pytest.mark.parametrize("name, measure", [("规模以上工业增加值", "growth"), ("税收收入占比", "share"), ("常住人口城镇化率", "share"),
                                           ("服务业增加值比重", "share"), ("民间投资比例", "share"), ("出口产品份额", "share")])
def test_a_bare_full_year_figure_in_a_row_of_per_cent_beside_its_half_years_growth_is_that_growth(name, measure):
    # 预计全年 7.5 in a row of % whose 同比增长（%） prints the half year's 8.2: the year's growth, not a share —
    # unless the row names a share or a rate
    e = extract_text("关于青石县2025年上半年国民经济和社会发展计划执行情况的报告\n一、上半年计划执行情况\n"
                     "表1　主要经济指标完成情况\n指标\t单位\t全年目标\t上半年完成\t同比增长（%）\t预计全年\n"
                     f"{name}\t%\t7左右\t—\t8.2\t7.5\n")
    assert [(a.measure, a.value) for a in e.actuals if a.period is None] == [(measure, Decimal("7.5"))]


@pytest.mark.parametrize("share", ["完成年度目标（%）", "完成年度计划（%）", "完成全年目标（%）", "完成全年计划（%）",
                                   "完成年度任务（%）"])  # (任务: no column word, read past as such)
def test_a_column_of_the_years_plan_done_so_far_is_no_growth(share):
    # 完成年度目标（%）: the share of the year's target done by the third quarter — read past, never the
    # figure's growth (it was read as 完成 + %: a growth of 78.5 % for the year)
    text = ("关于云岭县2025年前三季度国民经济和社会发展计划执行情况的报告\n主要指标完成情况如下：\n"
            f"指标\t单位\t年度目标\t前三季度完成\t同比增长（%）\t{share}\n"
            "一般公共预算收入\t亿元\t42.6\t33.4\t3.6\t78.4\n")
    e = extract_text(text)
    assert [(a.measure, a.value) for a in e.actuals] == [("level", Decimal("33.4")), ("growth", Decimal("3.6"))]


@pytest.mark.parametrize("sep", ["\t", "|"])
def test_a_continued_tables_first_row_number_is_its_row_number_wherever_it_starts(sep):
    # 续表 / an excerpt: rows 11 and 12 — the numbers were glued to the names (11森林覆盖率), one name unmatched
    rows = [["序号", "指标名称", "单位", "2026年目标", "属性"], ["11", "森林覆盖率", "%", "62.4", "约束性"],
            ["12", "城镇调查失业率", "%", "5.5以内", "预期性"]]
    body = "\n".join(sep.join(r) if sep == "\t" else "| " + " | ".join(r) + " |" for r in rows)
    e = extract_text("云岭县人民政府关于下达2026年国民经济和社会发展计划的通知\n" + body + "\n")
    assert [(t.seq, t.name, t.value) for t in e.targets] == [("11", "森林覆盖率", Decimal("62.4")),
                                                            ("12", "城镇调查失业率", Decimal("5.5"))]


@pytest.mark.parametrize("sep", ["\t", " "])
def test_a_first_row_whose_name_opens_with_a_number_and_its_magnitude_keeps_it(sep):
    # 10 万—50 万元群体比例: a name opening with a number (and its 万), never row 10 of a continued table
    head = sep.join(["指标名称", "单位", "2026年目标"])
    row = sep.join(["10 万—50 万元群体比例", "%", "20"])
    e = extract_text(f"云岭县人民政府关于下达2026年国民经济和社会发展计划的通知\n{head}\n{row}\n")
    assert [(t.seq, t.name) for t in e.targets] == [(None, "10万—50万元群体比例")]


def test_a_row_less_indented_than_the_sub_rows_before_it_is_a_whole_again():
    # (a total's table: 其中 rows are the first row's parts; a row printed back at the margin after an indented
    # 其中 row is a new whole, and its own 其中 rows its parts; a row as indented as the sub-row stays a part)
    text = ("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表4　2025年末全县金融机构存贷款\n"
            "指标\t年末数（亿元）\t比上年增长（%）\n存款余额\t356.2\t7.4\n　其中：个人存款\t241.8\t9.0\n"
            "贷款余额\t298.6\t8.1\n　其中：个人贷款\t120.3\t4.2\n")
    parents = [(a.name, a.parent) for a in extract_text(text).actuals if a.measure == "level"]
    assert parents == [("存款余额", None), ("个人存款", "存款余额"), ("贷款余额", None), ("个人贷款", "贷款余额")]
    text = text.replace("\n贷款余额", "\n　贷款余额")
    parents = [(a.name, a.parent) for a in extract_text(text).actuals if a.measure == "level"]
    assert parents[2] == ("贷款余额", "存款余额")


def test_a_growth_cell_printing_its_sign_in_brackets_is_that_figure():
    # (-5.1), （-13.4）: a signed figure in brackets, never a five-year sum; (2.6) beside them in the column is
    # positive (the column signs its negatives), and alone in a column of no signed bracket undecided: left out,
    # with a warning — never silently +2.6 or −2.6; a plan report's 预计完成 cell (-0.7) likewise
    text = ("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表3　2025年建筑业主要指标\n"
            "指标\t单位\t绝对数\t比上年增长（%）\n建筑业总产值\t亿元\t64.8\t(-5.1)\n"
            "签订合同额\t亿元\t93.7\t（-13.4）\n新签合同额\t亿元\t41.2\t(2.6)\n")
    e = extract_text(text)
    got = [(a.name, a.value, a.text) for a in e.actuals if a.measure == "growth"]
    assert got == [("建筑业总产值", Decimal("-5.1"), "(-5.1)"), ("签订合同额", Decimal("-13.4"), "（-13.4）"),
                   ("新签合同额", Decimal("2.6"), "(2.6)")]
    alone = extract_text(text.replace("(-5.1)", "3.0").replace("（-13.4）", "1.2"))
    assert [a.value for a in alone.actuals if a.measure == "growth"] == [Decimal("3.0"), Decimal("1.2")]
    assert any("'(2.6)'" in w and "新签合同额" in w for w in alone.warnings)
    plan = extract_text("关于青石县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n受县人民政府委托\n"
                        "序号\t指标\t单位\t2025年计划\t2025年预计完成\t2026年目标\n"
                        "1\t固定资产投资增长\t%\t6\t(-0.7)\t4左右\n2\t城镇新增就业\t万人\t1.1\t1.2\t1.1\n")
    assert [(a.name, a.value, a.year) for a in plan.actuals if a.measure == "growth"] == [
        ("固定资产投资增长", Decimal("-0.7"), 2025)]


def test_a_captions_head_names_its_rows_bare_measures():
    # (表N　…规模以上工业主要指标 | 利润总额: the industry's profit, as 规模以上工业…；利润总额… in prose; a row naming a thing
    # of its own keeps its name, and a caption naming no head leaves the measure bare)
    text = ("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表4　2025年规模以上工业主要指标\n"
            "指标\t单位\t绝对数\t比上年增长（%）\n营业收入\t亿元\t211.4\t4.4\n利润总额\t万元\t90310\t2.8\n"
            "应交增值税\t万元\t30250\t1.9\n")
    got = [(a.name, a.name_origin, a.indicator) for a in extract_text(text).actuals if a.measure == "level"]
    assert got == [("规模以上工业营业收入", "composed", got[0][2]), ("规模以上工业利润总额", "composed", "industrial_profit_level"),
                   ("应交增值税", "printed", None)]
    plain = extract_text(text.replace("规模以上工业主要指标", "经济主要指标"))
    assert [a.name for a in plain.actuals if a.measure == "level"] == ["营业收入", "利润总额", "应交增值税"]
    # (the text stating the row's figure under its own words, 规模以上工业企业利润总额: one figure, the text's)
    stated = extract_text(text.replace("表4", "全年规模以上工业企业利润总额90310万元，增长2.8%。\n表4"))
    assert [(a.name, a.value, a.source) for a in stated.actuals if "利润" in a.name] == [
        ("规模以上工业企业利润总额", Decimal("90310"), "prose"), ("规模以上工业企业利润总额", Decimal("2.8"), "prose")]


@pytest.mark.parametrize("flat", ["持平", "与上年持平", "同比持平"])
def test_a_growth_cell_saying_flat_is_growth_zero(flat):
    # (持平 under 比上年增长（%）: no change, growth 0 — as a printed 0.0 would be; in a level column it is no figure)
    text = ("2025年青石县国民经济和社会发展统计公报\n青石县统计局\n表2　2025年主要农产品产量\n"
            f"产品名称\t单位\t产量\t比上年增长（%）\n稻谷\t万吨\t18.6\t{flat}\n茶叶\t吨\t{flat}\t2.7\n")
    got = [(a.name, a.measure, a.value, a.text) for a in extract_text(text).actuals]
    assert got == [("稻谷", "level", Decimal("18.6"), "18.6"), ("稻谷", "growth", Decimal("0"), flat),
                   ("茶叶", "growth", Decimal("2.7"), "2.7")]


# a numbered table of several value columns (last year's plan and estimate, this year's target): a parent
# row printing no value (its cells empty, or one empty cell merged across them) under a row whose
# qualitative cell spans the value columns, then its parts printed without a row number
PARENT_ROWS = {
    "tab": ("序号\t指标\t单位\t2024年计划\t2024年预计完成\t2025年目标\t属性\n"
            "1\t单位地区生产总值能耗降低\t%\t完成市下达任务\t完成市下达任务\t完成市下达任务\t约束性\n"
            "2\t重点行业减排量\t\t\t\t\t约束性\n"
            "\t二氧化硫\t吨\t310\t322\t300\n"
            "\t挥发性有机物\t吨\t45\t47\t40\n"),
    "html": ("<table border=1><tr><td rowspan=2>序号</td><td rowspan=2>指标</td><td rowspan=2>单位</td>"
             "<td colspan=2>2024年</td><td rowspan=2>2025年目标</td><td rowspan=2>属性</td></tr>"
             "<tr><td>计划</td><td>预计完成</td></tr>"
             "<tr><td>1</td><td>单位地区生产总值能耗降低</td><td>%</td><td colspan=3>完成市下达任务</td><td>约束性</td></tr>"
             "<tr><td rowspan=3>2</td><td colspan=2>重点行业减排量</td><td colspan=3></td><td rowspan=3>约束性</td></tr>"
             "<tr><td>二氧化硫</td><td>吨</td><td>310</td><td>322</td><td>300</td></tr>"
             "<tr><td>挥发性有机物</td><td>吨</td><td>45</td><td>47</td><td>40</td></tr></table>"),
}


@pytest.mark.parametrize("fmt", sorted(PARENT_ROWS))
def test_a_parent_row_of_a_table_of_several_value_columns_labels_its_parts(tmp_path, fmt):
    # as in a table of one target column: the row with no value is its parts' parent, never a target
    # copied from the merged cell above it, and its parts are under its row number (and its 属性)
    from zhibiao.api import extract_file

    title = "岚山市人民政府关于下达2025年国民经济和社会发展计划的通知"
    if fmt == "html":
        doc = tmp_path / "notice.html"
        doc.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
                       f"<p>附件：主要指标</p>{PARENT_ROWS[fmt]}</body></html>", encoding="utf-8")
    else:
        doc = tmp_path / "notice.txt"
        doc.write_text(f"{title}\n\n附件：主要指标\n\n{PARENT_ROWS[fmt]}\n", encoding="utf-8")
    e = extract_file(doc)
    got = {(t.year, t.seq, t.parent, t.name, t.text, t.attribute) for t in e.targets}
    assert got == {
        (2024, "1", None, "单位地区生产总值能耗降低", "完成市下达任务", "binding"),
        (2025, "1", None, "单位地区生产总值能耗降低", "完成市下达任务", "binding"),
        (2024, "2", "重点行业减排量", "二氧化硫", "310", "binding"), (2025, "2", "重点行业减排量", "二氧化硫", "300", "binding"),
        (2024, "2", "重点行业减排量", "挥发性有机物", "45", "binding"),
        (2025, "2", "重点行业减排量", "挥发性有机物", "40", "binding"),
    }
    assert {(a.parent, a.name, a.text) for a in e.actuals} == {("重点行业减排量", "二氧化硫", "322"),
                                                              ("重点行业减排量", "挥发性有机物", "47")}


@pytest.mark.parametrize("cell,comparator", [("5.5以内", "<="), ("5.5%以内", "<="), ("<5", "<"), ("≥92", ">="), ("6以上", ">="),
                                             ("3.2左右", "~"), ("4.8", "=")])
def test_a_table_result_keeps_the_bound_its_cell_prints(cell, comparator):
    # the same cell read as a target keeps its bound; so does its result (以内 is <= for results too)
    text = (NOTICE_HEAD + "附件\n\n序号\t指标\t单位\t2024年计划\t2024年预计完成\t2025年目标\n"
            f"1\t城镇登记失业率\t%\t5\t{cell}\t5\n")
    e = extract_text(text)
    assert [(a.text, a.comparator) for a in e.actuals] == [(cell, comparator)]


def test_a_row_number_in_words_in_a_table_of_several_value_columns_is_read_as_printed():
    text = (NOTICE_HEAD + "附件\n\n序号\t指标\t单位\t2024年计划\t2024年预计完成\t2025年目标\n"
            "一\t工业用电量增长\t%\t6\t5.2\t6左右\n"
            "（二）\t货运量增长\t%\t4\t4.4\t4\n")
    assert [(t.seq, t.name, t.text) for t in targets_of(text) if t.year == 2025] == [
        ("一", "工业用电量增长", "6左右"), ("（二）", "货运量增长", "4")]


def test_a_parent_labels_attribute_merged_down_is_its_parts_in_a_table_of_one_target_column():
    text = (NOTICE_HEAD + "附件\n\n序号\t指标\t单位\t2025年目标\t属性\n"
            "1\t森林蓄积量\t万立方米\t820\t预期性\n"
            "2\t重点行业减排量\t\t\t约束性\n"  # (属性 merged down over the row and its parts)
            "\t二氧化硫\t吨\t300\n"
            "\t挥发性有机物\t吨\t40\n")
    assert [(t.seq, t.parent, t.name, t.attribute) for t in targets_of(text)] == [
        ("1", None, "森林蓄积量", "anticipatory"), ("2", "重点行业减排量", "二氧化硫", "binding"),
        ("2", "重点行业减排量", "挥发性有机物", "binding")]


@pytest.mark.parametrize("header, cells", [
    # a table of one target column (read row by row) and one of a year's results and the next year's targets
    # (read column by column)
    ("序号\t指标\t单位\t2025年目标\t属性\n", ["6左右", "7", "5", "≥239"]),
    ("序号\t指标\t单位\t2024年完成\t2025年目标\t属性\n", ["5.6\t6左右", "7.1\t7", "3.2\t5", "241\t≥239"]),
])
def test_a_attribute_cell_merged_down_is_each_rows_it_spans(header, cells):
    """A 属性 cell merged down over a block of rows (an HTML rowspan, a Word vertical merge: printed in its
    first row only) is each row's attribute — only the first had one (red team 34: a city's plan notice)."""
    names = ["地区生产总值增长", "规模以上工业增加值增长", "固定资产投资增长", "粮食播种面积"]
    units = ["%", "%", "%", "万亩"]
    attributes = ["\t预期性", "", "", "\t约束性"]
    text = NOTICE_HEAD + "附件\n\n" + header + "".join(
        f"{k + 1}\t{n}\t{u}\t{c}{a}\n" for k, (n, u, c, a) in enumerate(zip(names, units, cells, attributes)))
    assert [(t.name, t.attribute) for t in targets_of(text) if t.year == 2025] == [
        ("地区生产总值增长", "anticipatory"), ("规模以上工业增加值增长", "anticipatory"),
        ("固定资产投资增长", "anticipatory"), ("粮食播种面积", "binding")]


@pytest.mark.parametrize("header", ["同比±%", "比上年±%", "比上年增长±%", "同比±（%）", "比上年（%）"])
def test_a_column_of_changes_on_the_year_before_is_read_as_growth(header):
    """A bulletin's table column of signed changes on the year before (同比±%, 比上年±%) holds the items' growth."""
    text = ("2024年岚江市国民经济和社会发展统计公报\n岚江市统计局\n一、综合\n初步核算，全年全市地区生产总值386亿元。\n"
            f"表1  2024年主要农产品产量\n产品名称\t单位\t产量\t{header}\n粮食\t万吨\t31.2\t1.5\n油料\t万吨\t2.1\t-3.2\n")
    e = extract_text(text)
    assert [(a.name, a.measure, a.value) for a in e.actuals if a.source == "table"] == [
        ("粮食", "level", Decimal("31.2")), ("粮食", "growth", Decimal("1.5")),
        ("油料", "level", Decimal("2.1")), ("油料", "growth", Decimal("-3.2"))]

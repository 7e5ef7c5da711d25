"""The targets tables' words (``extract/data/table_vocab.yaml`` and the lexicon's words of table
cells), one table (or more) per word: categories, column titles, the column holding this year's
targets, generic labels, attributes, the lines that end a table and name it, and the wordings a
target cell is read by. Every table is written here with facts of our own choosing; none is built
from the vocabulary (see ``benchmarks/lexicon_mutations.py``).
"""
from __future__ import annotations

import pytest

from zhibiao.extract.columns import parse_header
from zhibiao.extract.tables import extract_tables

TITLE = "附件\n2025年全市经济社会发展主要目标\n"
END = "\n抄送：市委各部门。"


def rows(text: str) -> list[tuple]:
    """(category, parent, name, target, kind, attribute) of every row, and the tables' warnings."""
    tables = extract_tables(text, None)
    out = [(r.category, r.parent, r.name, r.text, r.parsed.kind, r.binding) for t in tables for r in t.rows]
    return out, [w for t in tables for w in t.warnings]


# categories: a table without row numbers tells a category from a name by the vocabulary alone
CATEGORIES = ["经济发展", "经济运行", "经济增长", "经济结构", "结构优化", "质量效益", "科技创新", "创新驱动", "创新发展",
              "对外开放", "改革开放", "开放发展", "协调发展", "绿色发展", "共享发展", "文化发展", "文化建设", "生态环境",
              "生态文明", "资源环境", "绿色生态", "社会民生", "民生福祉", "人民生活", "社会发展", "市域治理", "省域治理",
              "县域治理", "社会治理", "安全保障", "城乡融合", "乡村振兴", "其他"]


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_words(category):
    text = (TITLE + "指标类型\t指标名称\t2025年目标\n"
            f"{category}\t研发经费投入强度\t2.6%\n\t城镇调查失业率\t5.5%以内" + END)
    assert rows(text) == ([(category, None, "研发经费投入强度", "2.6%", "numeric", None),
                           (category, None, "城镇调查失业率", "5.5%以内", "numeric", None)], [])


TWO_ROWS = [(None, None, "地区生产总值增速", "6%左右", "numeric", None),
            (None, None, "城镇调查失业率", "5.5%以内", "numeric", None)]

# headers: whole cells that are column titles (a table starts at its header row; a title that is not
# known is read as a row, and the rows below become its sub-rows)
HEADERS = [
    "指标类型\t序号\t指标名称\t2025年目标", "指标类别\t序号\t指标名称\t2025年目标", "类别\t序号\t指标名称\t2025年目标",
    "类型\t序号\t指标名称\t2025年目标", "分类\t序号\t指标名称\t2025年目标", "序号\t指标名称\t2025年目标",
    "编号\t指标名称\t2025年目标", "序号\t指标\t2025年目标", "序号\t名称\t2025年目标", "序号\t主要指标\t2025年目标",
    "序号\t指标名称\t单位\t2025年目标", "序号\t指标名称\t计量单位\t2025年目标", "序号\t指标名称\t2025年目标\t属性",
    "序号\t指标名称\t2025年目标\t指标属性", "序号\t指标名称\t2025年目标\t备注", "序号\t指标名称\t2025年目标\t说明",
    "序号\t指标名称\t2025年", "序号\t指标名称\t2025年目标值", "序号\t指标名称\t2025年计划", "序号\t指标名称\t2025年预期目标",
    "序号\t指标名称\t2025年计划目标", "序号\t指标名称\t2025年预期", "序号\t指标名称\t目标", "序号\t指标名称\t目标值",
    "序号\t指标名称\t预期目标", "序号\t指标名称\t计划目标", "序号\t指标名称\t年度目标", "序号\t指标名称\t主要目标",
    "序号\t指标名称\t计划", "序号\t指标名称\t预期",
]


@pytest.mark.parametrize("header", HEADERS)
def test_column_titles(header):
    n = header.count("\t") + 1
    unit = "%\t" if "单位" in header else ""
    lead = "\t" if header.startswith(("指标类型", "指标类别", "类别", "类型", "分类")) else ""
    tail = "\t" if header.endswith(("属性", "备注", "说明")) else ""
    text = (TITLE + header + "\n" + f"{lead}1\t地区生产总值增速\t{unit}6%左右{tail}\n"
            f"{lead}2\t城镇调查失业率\t{unit}5.5%以内{tail}" + END)
    assert n == len(header.split("\t"))
    assert rows(text) == (TWO_ROWS, [])


# headers of value columns: last year's results and this year's targets side by side
# (headers[1]: 2024年完成 / 预计 / 预计完成 / 实际; target_columns: 目标 / 计划 / 预期)
VALUE_COLUMNS = [
    ("序号\t指标名称\t2024年完成\t2025年目标", "6%左右"), ("序号\t指标名称\t2024年实际\t2025年目标", "6%左右"),
    ("序号\t指标名称\t2024年预计\t2025年目标", "6%左右"), ("序号\t指标名称\t2024年预计完成\t2025年目标", "6%左右"),
    ("序号\t指标名称\t2025年目标\t2024年完成", "6%左右"), ("序号\t指标名称\t2025年计划\t2024年完成", "6%左右"),
    ("序号\t指标名称\t2025年预期\t2024年完成", "6%左右"),
]


@pytest.mark.parametrize("header,target", VALUE_COLUMNS)
def test_the_column_of_this_years_targets(header, target):
    first, second = ("5.8%", target) if header.index("2024年") < header.index("2025年") else (target, "5.8%")
    text = TITLE + header + "\n" + f"1\t地区生产总值增速\t{first}\t{second}" + END
    assert [(r[2], r[3]) for r in rows(text)[0]] == [("地区生产总值增速", target)]


# generic_labels: the rows after one are sub-rows of the numbered row
GENERIC_LABELS = ["结构性指标", "其中", "分项指标", "具体包括"]


@pytest.mark.parametrize("label", GENERIC_LABELS)
def test_generic_labels(label):
    text = (TITLE + "序号\t指标名称\t2025年目标\n1\t固定资产投资增速\t7%\n"
            f"\t{label}\t制造业投资增速\t12%\n\t\t基础设施投资增速\t9%以上" + END)
    assert [(r[1], r[2]) for r in rows(text)[0]] == [(None, "固定资产投资增速"), ("固定资产投资增速", "制造业投资增速"),
                                                     ("固定资产投资增速", "基础设施投资增速")]


# attributes: a 属性 column
def test_attributes():
    text = (TITLE + "序号\t指标名称\t2025年目标\t属性\n1\t地区生产总值增速\t6%左右\t预期性\n"
            "2\t单位地区生产总值能耗降低\t3%\t约束性" + END)
    assert [(r[2], r[5]) for r in rows(text)[0]] == [("地区生产总值增速", "anticipatory"),
                                                     ("单位地区生产总值能耗降低", "binding")]


# table_end: the lines that end a table (what follows them is not a row)
TABLE_ENDS = ["抄送：市委各部门，市人大常委会办公室", "注：地区生产总值增速按可比价格计算", "注1 地区生产总值增速按可比价格计算",
              "说明：地区生产总值增速按可比价格计算", "备注：地区生产总值增速按可比价格计算", "信息来源 市发展改革委",
              "来源：市发展改革委", "附件2 重点项目安排", "扫一扫在手机打开当前页", "打印本页", "关闭窗口", "【打印】【关闭】",
              "分享到微信"]


@pytest.mark.parametrize("end", TABLE_ENDS)
def test_lines_that_end_a_table(end):
    text = TITLE + "序号\t指标名称\t2025年目标\n1\t地区生产总值增速\t6%左右\n2\t城镇调查失业率\t5.5%以内\n" + end + "\n增长6%"
    (table,) = extract_tables(text, None)
    assert text[table.start:table.end].endswith("5.5%以内") and table.warnings == []


# titles: the line naming a targets table gives its year when the header prints none
TITLES = ["2025年全市主要目标", "2025年全市主要指标", "2025年全市主要预期目标", "2025年全市经济社会发展指标表",
          "2025年全市经济社会发展目标表", "2025年全市经济社会发展指标体系", "2025年全市国民经济和社会发展计划表"]


@pytest.mark.parametrize("title", TITLES)
def test_table_titles_date_the_table(title):
    text = "附件\n" + title + "\n序号\t指标名称\t目标\n1\t地区生产总值增速\t6%左右" + END
    assert [t.year for t in extract_tables(text, None)] == [2025]


# target cells read by their wording: kinds.manner_leads, kinds.comparison_prefixes, kinds.manners,
# kinds.directional_phrases, the direction morphemes, targets.cell_openers
CELLS = [
    # cell_openers: a cell opening with one of these states a target
    ("控制在上年水准", None), ("保持在上年水准", "directional"), ("保持上年水准", "directional"), ("确保上年水准", None),
    ("力争上年水准", None), ("达到上年水准", None), ("不低于上年水准", None), ("不高于上年水准", None),
    ("不超过上年水准", None), ("低于上年水准", None), ("高于上年", None), ("超过上年", None), ("增长较快", "directional"),
    ("增加较快", "directional"), ("下降较快", "directional"), ("降低较快", "directional"), ("减少较快", "directional"),
    ("比上年持平", "directional"), ("完成上年水准", None), ("按上年水准", None),
    # manner_leads and manners: a manner (and a direction) in a cell
    ("保持稳定", "directional"), ("正增长", "directional"), ("力争稳步增长", "directional"), ("确保稳中有进", "directional"),
    ("实现较快增长", "directional"), ("稳步增长", "directional"), ("持续提升", "directional"), ("稳定增长", "directional"),
    ("逐步提高", "directional"), ("有所提升", "directional"), ("明显改善", "directional"), ("进一步提高", "directional"),
    ("基本稳定", "directional"), ("总体稳定", "directional"), ("稳中有升", "directional"), ("稳中向好", "directional"),
    ("不断提高", "directional"), ("较快增长", "directional"), ("平稳增长", "directional"), ("大幅提升", "directional"),
    ("显著提升", "directional"), ("继续提高", "directional"), ("适度增长", "directional"), ("合理增长", "directional"),
    ("较大幅度提高", "directional"), ("小幅增长", "directional"),
    # direction_sizes: a direction with its size in words, alone or after a manner of a cell
    ("两位数增长", "directional"), ("保持两位数增长", "directional"), ("实现两位数以上增长", "directional"),
    ("保持两位数", "directional"),
    # comparison_prefixes: what a direction is compared with
    ("比上年有所提升", "directional"), ("较上年有所提升", "directional"), ("与上年相比有所提升", "directional"),
    ("占全国份额稳步提升", "directional"), ("占全省份额稳步提升", "directional"), ("总量稳步提升", "directional"),
    ("占全省份额保持稳定", "directional"),
    # directional_phrases
    ("稳中提质", "directional"), ("只增不减", "directional"), ("基本平衡", "directional"), ("回稳向好", "directional"),
    ("保持合理水平", "directional"), ("保持在合理区间", "directional"), ("合理水平", "directional"),
    ("控制在合理区间", "directional"), ("合理区间", "directional"), ("基本持平", "directional"),
    # relative_openers (with relative_links and relative_comparisons): a target tied to another indicator
    ("略高于全省平均水平", "relative"), ("不低于全省平均水平", "relative"),
    # direction_morphemes and compound_prefixes: a four-character idiom of two halves
    ("量稳质升", "directional"), ("价稳量增", "directional"), ("量稳价降", "directional"), ("价稳量减", "directional"),
    ("量稳质优", "directional"), ("量稳质好", "directional"), ("量稳有进", "directional"), ("止跌回稳", "directional"),
    ("保稳提质", "directional"), ("量增质强", "directional"), ("量稳效升", "directional"), ("止跌向好", "directional"),
]


# caption_openers / caption_endings: a line captioning a table gives its year when the header prints none
@pytest.mark.parametrize("caption", [f"2025年全市经济{word}" for word in ("情况", "构成", "速度", "幅度", "指标", "目标",
                                                                         "计划", "产量")] + ["附表 2025年全市经济", "专栏1 2025年全市经济"])
def test_a_caption_dates_the_table(caption):
    text = "附件\n" + caption + "\n序号\t指标名称\t目标\n1\t地区生产总值增速\t6%左右" + END
    assert [t.year for t in extract_tables(text, None)] == [2025]


# name_fragments: a row named by a fragment only (增长, 占…比重) opens no sub-rows of its own
@pytest.mark.parametrize("fragment", ["增长", "增速", "增幅", "比重", "总量", "总额", "占全部投资比重"])
def test_a_name_fragment_is_no_label(fragment):
    text = ("附件\n2025年全市主要目标\n序号\t指标名称\t单位\t目标\n1\t固定资产投资\t\t\n\t工业投资\t%\t10\n\t" + fragment
            + "\t\t\n\t民间投资\t%\t8\n2\t地区生产总值增速\t%\t6" + END)
    got, _warnings = rows(text)
    assert [(r[1], r[2]) for r in got] == [("固定资产投资", "工业投资"), ("固定资产投资", "民间投资"), (None, "地区生产总值增速")]


@pytest.mark.parametrize("cell,kind", CELLS)
def test_target_cells_by_their_wording(cell, kind):
    text = TITLE + "序号\t指标名称\t2025年目标\n1\t研发经费投入强度\t" + cell + "\n2\t城镇调查失业率\t5.5%以内" + END
    got, _warnings = rows(text)
    assert [(r[2], r[3]) for r in got] == [("研发经费投入强度", cell), ("城镇调查失业率", "5.5%以内")]
    assert got[0][4] == kind


# directional_phrases of a level held (持平): the cell is this year's target, a steady direction
# (kinds.direction_steady), judged within the tolerance like 基本稳定
LEVEL_HELD = ["与上年持平", "基本持平", "持平"]


@pytest.mark.parametrize("cell", LEVEL_HELD)
def test_cells_holding_last_years_level_are_targets(cell):
    text = TITLE + "序号\t指标名称\t2025年目标\n1\t粮食产量\t" + cell + "\n2\t城镇调查失业率\t5.5%以内" + END
    got, _warnings = rows(text)
    assert [(r[2], r[3]) for r in got] == [("粮食产量", cell), ("城镇调查失业率", "5.5%以内")]
    assert got[0][4] == "directional"


# columns.*: what a header cell says about its column (role; a value column's kind, measure, year)
HEADER_CELLS = [
    ("序号", ("seq", None, None, None)), ("编号", ("seq", None, None, None)),
    ("类别", ("category", None, None, None)), ("指标类型", ("category", None, None, None)),
    ("指标类别", ("category", None, None, None)), ("分类", ("category", None, None, None)),
    ("类型", ("category", None, None, None)), ("领域", ("category", None, None, None)),
    ("指标名称", ("name", None, None, None)), ("主要指标", ("name", None, None, None)), ("指标", ("name", None, None, None)),
    ("名称", ("name", None, None, None)), ("产品名称", ("name", None, None, None)), ("项目", ("name", None, None, None)),
    ("指标项", ("name", None, None, None)),
    ("单位", ("unit", None, None, None)), ("计量单位", ("unit", None, None, None)),
    ("属性", ("attribute", None, None, None)), ("指标属性", ("attribute", None, None, None)),
    ("备注", ("note", None, None, None)), ("说明", ("note", None, None, None)),
    # columns read past (a completion table's rates, yes/no, ranks, responsible units, assessments)
    *((w, ("ignored", None, None, None)) for w in (
        "完成率", "完成进度（%）", "序时进度", "是否完成", "达标情况", "排名", "全省排名", "全市排名", "排位", "全省排位",
        "全市排位", "位次", "责任单位", "牵头单位", "责任部门", "牵头部门", "进度评价", "进展评价", "评估结论")),
    ("2024年目标", ("value", "target", None, 2024)), ("2024年计划", ("value", "target", None, 2024)),
    ("2024年预期目标", ("value", "target", None, 2024)), ("2024年计划目标", ("value", "target", None, 2024)),
    ("2024年年度目标", ("value", "target", None, 2024)), ("2024年目标值", ("value", "target", None, 2024)),
    ("2024年年目标", ("value", "target", None, 2024)), ("2024年预期", ("value", "target", None, 2024)),
    ("2024年计划数", ("value", "target", None, 2024)), ("2024年主要目标", ("value", "target", None, 2024)),
    ("2023年完成", ("value", "actual", None, 2023)), ("2023年实际", ("value", "actual", None, 2023)),
    ("2023年实绩", ("value", "actual", None, 2023)), ("2023年完成情况", ("value", "actual", None, 2023)),
    ("2023年执行情况", ("value", "actual", None, 2023)), ("2023年实际完成", ("value", "actual", None, 2023)),
    ("2023年完成值", ("value", "actual", None, 2023)), ("2023年完成数", ("value", "actual", None, 2023)),
    ("2023年执行", ("value", "actual", None, 2023)), ("2023年实现", ("value", "actual", None, 2023)),
    ("基期值", ("value", "base", None, None)), ("基期", ("value", "base", None, None)), ("基数", ("value", "base", None, None)),
    ("年均增长", ("value", "average", None, None)), ("年均增速", ("value", "average", None, None)),
    ("年均", ("value", "average", None, None)), ("平均增长", ("value", "average", None, None)),
    ("累计", ("value", "cumulative", None, None)),
    ("2023年预计", ("value", "estimate", None, 2023)), ("2023年预计完成", ("value", "estimate", None, 2023)),
    ("2023年预计全年", ("value", "estimate", None, 2023)), ("2023年全年预计", ("value", "estimate", None, 2023)),
    ("绝对值", ("value", None, "level", None)), ("绝对数", ("value", None, "level", None)),
    ("产量", ("value", None, "level", None)), ("年末数", ("value", None, "level", None)),
    ("总量", ("value", None, "level", None)), ("数量", ("value", None, "level", None)),
    ("金额", ("value", None, "level", None)), ("数值", ("value", None, "level", None)),
    ("总额", ("value", None, "level", None)), ("人数", ("value", None, "level", None)),
    ("增速", ("value", None, "growth", None)), ("比上年增长", ("value", None, "growth", None)),
    ("比上年涨跌", ("value", None, "growth", None)), ("比上年增减", ("value", None, "growth", None)),
    ("增幅", ("value", None, "growth", None)), ("增长速度", ("value", None, "growth", None)),
    ("涨跌幅度", ("value", None, "growth", None)), ("增长率", ("value", None, "growth", None)),
    ("涨跌幅", ("value", None, "growth", None)),
    ("比上年（%）", ("value", None, "growth", None)), ("比上年同期（%）", ("value", None, "growth", None)),
    # a sign before the unit: the figures are signed changes, a growth (同比 a result's)
    ("同比±%", ("value", "actual", "growth", None)), ("同比±（%）", ("value", "actual", "growth", None)),
    ("同比（±%）", ("value", "actual", "growth", None)),
    ("比上年±%", ("value", None, "growth", None)), ("比上年（±%）", ("value", None, "growth", None)),
    ("比上年增长±%", ("value", None, "growth", None)), ("2024年比上年±%", ("value", None, "growth", 2024)),
    ("比重", ("value", None, "share", None)), ("占比", ("value", None, "share", None)),
]


@pytest.mark.parametrize("cell,expected", HEADER_CELLS)
def test_header_cells(cell, expected):
    column = parse_header(cell)
    assert column is not None and (column.role, column.kind, column.measure, column.year) == expected


# columns.modality: a target column of figures striven for (力争目标 beside 预期目标): its targets' modality
@pytest.mark.parametrize("word", ["力争", "争取", "奋斗"])
def test_a_target_columns_modality(word):
    column = parse_header(f"2024年{word}目标")
    assert column is not None and (column.kind, column.year, column.modality) == ("target", 2024, word)
    plain = parse_header("2024年预期目标")
    assert plain is not None and plain.modality is None

"""A table cell merged across columns (HTML colspan, Word's horizontal merge, a PDF's spanned
cell) holds for every column it spans: a target of each target year it covers, read back from its
own copy in the text; a name, a heading or a unit merged across columns is read once; and a note
under a table saying its figures are preliminary (初步统计数, 初步核算数) marks the results
estimated, as 预计数 does."""
from __future__ import annotations

import pytest

from zhibiao.api import extract_file, extract_text
from zhibiao.load import load

TITLE = "关于云溪县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告"
HEAD = ["序号", "指标", "单位", "2023年完成", "2024年目标", "属性"]
TWO_TARGETS = ["序号", "指标", "单位", "2023年目标", "2024年目标", "属性"]

# rows: cells as (text, columns spanned)
ROWS = [
    [("1", 1), ("地区生产总值增长", 1), ("%", 1), ("6.3", 1), ("6左右", 1), ("预期性", 1)],
    [("2", 1), ("单位地区生产总值能耗降低", 1), ("%", 1), ("完成市下达任务", 2), ("约束性", 1)],
    [("3", 1), ("粮食产量", 1), ("万吨", 1), ("30.2", 1), ("30以上", 1), ("约束性", 1)],
]
TWO_TARGET_ROWS = [
    [("1", 1), ("地区生产总值增长", 1), ("%", 1), ("6.5左右", 2), ("预期性", 1)],
    [("2", 1), ("居民人均可支配收入增长", 1), ("%", 1), ("与经济增长同步", 2), ("预期性", 1)],
    [("3", 1), ("一般公共预算收入增长（%）", 2), ("5", 1), ("5以上", 1), ("预期性", 1)],
    [("三", 1), ("社会民生", 5)],  # a heading merged from the name column on: no target of it
    [("4", 1), ("城镇新增就业", 1), ("人", 1), ("3000", 1), ("3100以上", 1), ("预期性", 1)],
]


def _html(path, head, rows, note=""):
    def tr(cells):
        return "<tr>" + "".join(f'<td colspan="{n}">{t}</td>' if n > 1 else f"<td>{t}</td>" for t, n in cells) + "</tr>"
    table = "<table border=\"1\">" + tr([(h, 1) for h in head]) + tr([("二、民生", len(head))]) + \
        "".join(tr(r) for r in rows) + "</table>"
    path.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="article"><h1>{TITLE}</h1><p>——2024年1月9日在云溪县第十八届人民代表大会第四次会议上</p>
<p>一、2024年主要目标</p>{table}{note}</div></body></html>""", encoding="utf-8")
    return path


def _docx(path, head, rows):
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("——2024年1月9日在云溪县第十八届人民代表大会第四次会议上")
    d.add_paragraph("一、2024年主要目标")
    t = d.add_table(rows=len(rows) + 1, cols=len(head))
    for k, h in enumerate(head):
        t.cell(0, k).text = h
    for r, cells in enumerate(rows, start=1):
        col = 0
        for text, n in cells:
            cell = t.cell(r, col) if n == 1 else t.cell(r, col).merge(t.cell(r, col + n - 1))
            cell.text = text
            col += n
    d.save(str(path))
    return path


def _pdf(path, head, rows, down=()):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=14, wordWrap="CJK")
    data, spans = [[Paragraph(h, style) for h in head]], []
    for r, cells in enumerate(rows, start=1):
        line, col = [], 0
        for text, n in cells:
            line += [Paragraph(text, style)] + [""] * (n - 1)
            if n > 1:
                spans.append(("SPAN", (col, r), (col + n - 1, r)))
            col += n
        data.append(line)
    table = Table(data)
    spans += [("SPAN", (col, r), (col, r + 1)) for r, col in down]  # (row, column) merged with the row below
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    story = [Paragraph(p, style) for p in (TITLE, "——2024年1月9日在云溪县第十八届人民代表大会第四次会议上",
                                           "一、2024年主要目标")]
    SimpleDocTemplate(str(path), pagesize=A4).build([*story, table])
    return path


WRITERS = {"html": _html, "docx": _docx, "pdf": _pdf}


def _figures(path):
    ex = extract_file(path)
    text = load(path).text
    for f in [*ex.targets, *ex.actuals]:  # every figure read back from its own copy in the text
        assert text[f.source_span.start:f.source_span.end] == f.text, f
    return ({(t.year, t.name): t.text for t in ex.targets}, {(a.year, a.name): a.text for a in ex.actuals})


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_merged_cell_under_a_results_and_a_target_column_is_the_target_only(tmp_path, fmt):
    targets, actuals = _figures(WRITERS[fmt](tmp_path / f"plan.{fmt}", HEAD, ROWS))
    assert targets[(2024, "单位地区生产总值能耗降低")] == "完成市下达任务"
    assert not any(name == "单位地区生产总值能耗降低" for _y, name in actuals)  # a task is no result
    assert actuals[(2023, "地区生产总值增长")] == "6.3" and targets[(2024, "粮食产量")] == "30以上"
    assert len(targets) == 3 and len(actuals) == 2


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_merged_cell_over_two_target_years_is_a_target_of_each(tmp_path, fmt):
    targets, actuals = _figures(WRITERS[fmt](tmp_path / f"plan.{fmt}", TWO_TARGETS, TWO_TARGET_ROWS))
    for year in (2023, 2024):
        assert targets[(year, "地区生产总值增长")] == "6.5左右"
        assert targets[(year, "居民人均可支配收入增长")] == "与经济增长同步"
    # a name merged over the name and unit columns is read once, its unit from its brackets
    assert targets[(2023, "一般公共预算收入增长")] == "5" and targets[(2024, "一般公共预算收入增长")] == "5以上"
    assert targets[(2024, "城镇新增就业")] == "3100以上"
    assert len(targets) == 8 and not actuals  # one target a column: no copy twice, no heading row read


def test_a_pdf_cell_merged_down_is_printed_once_and_spreads_to_no_column(tmp_path):
    rows = [[("1", 1), ("地区生产总值增长", 1), ("%", 1), ("6左右", 1), ("6.5左右", 1), ("预期性", 1)],
            [("2", 1), ("规模以上工业增加值增长", 1), ("%", 1), ("7", 1), ("", 1), ("预期性", 1)]]
    lines = load(_pdf(tmp_path / "plan.pdf", TWO_TARGETS, rows, down=[(1, 4)])).text.split("\n")
    assert "1\t地区生产总值增长\t%\t6左右\t6.5左右\t预期性" in lines
    assert "2\t规模以上工业增加值增长\t%\t7\t\t预期性" in lines


def test_a_header_cell_merged_over_two_columns_still_names_both(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="article"><h1>{TITLE}</h1><p>——2024年1月9日在云溪县第十八届人民代表大会第四次会议上</p>
<table border="1"><tr><td rowspan="2">序号</td><td rowspan="2">指标</td><td rowspan="2">单位</td>
<td colspan="2">2023年</td><td rowspan="2">2024年目标</td></tr><tr><td>目标</td><td>完成</td></tr>
<tr><td>1</td><td>地区生产总值增长</td><td>%</td><td>6左右</td><td>6.3</td><td>6.5左右</td></tr>
<tr><td>2</td><td>单位地区生产总值能耗降低</td><td>%</td><td colspan="3">完成市下达任务</td></tr>
</table></div></body></html>""", encoding="utf-8")
    targets, actuals = _figures(page)
    assert targets == {(2023, "地区生产总值增长"): "6左右", (2024, "地区生产总值增长"): "6.5左右",
                       (2023, "单位地区生产总值能耗降低"): "完成市下达任务",
                       (2024, "单位地区生产总值能耗降低"): "完成市下达任务"}
    assert actuals == {(2023, "地区生产总值增长"): "6.3"}


def test_a_merged_cell_over_a_target_and_its_attribute_is_one_target():
    text = (TITLE + "\n\n一、2024年主要目标\n\n序号\t指标\t单位\t2024年目标\t属性\n"
            "1\t地区生产总值增长\t%\t6左右\t预期性\n"
            "2\t单位地区生产总值能耗降低\t%\t完成市下达任务\t完成市下达任务\n"
            "3\t粮食产量\t万吨\t30以上\t约束性\n")
    ex = extract_text(text)
    assert [(t.name, t.text) for t in ex.targets] == [("地区生产总值增长", "6左右"),
                                                      ("单位地区生产总值能耗降低", "完成市下达任务"),
                                                      ("粮食产量", "30以上")]
    assert not [w for w in ex.warnings if "table" in w]  # (no extra cell ignored)


RESULTS = (TITLE + "\n\n一、2023年计划执行情况\n\n序号\t指标\t单位\t2023年完成\t2024年目标\n"
           "1\t地区生产总值增长\t%\t6.3\t6左右\n2\t粮食产量\t万吨\t30.2\t30以上\n\n{note}\n\n二、2024年主要任务\n")


@pytest.mark.parametrize("note", ["注：2023年数据为初步统计数。", "注：2023年数据为初步核算数。",
                                  "注：2023年数据为预计数。", "注：表中数据系快报数。"])
def test_a_note_saying_the_results_are_preliminary_marks_them_estimated(note):
    actuals = extract_text(RESULTS.format(note=note)).actuals
    assert {a.name: a.estimated for a in actuals} == {"地区生产总值增长": True, "粮食产量": True}


def test_a_note_saying_nothing_of_estimates_marks_nothing():
    actuals = extract_text(RESULTS.format(note="注：2023年数据来源于县统计局。")).actuals
    assert {a.name: a.estimated for a in actuals} == {"地区生产总值增长": False, "粮食产量": False}


@pytest.mark.parametrize("word", ["力争", "争取", "奋斗"])
def test_a_column_of_figures_striven_for_gives_its_targets_that_modality_and_a_cell_merged_over_both_is_one(tmp_path, word):
    # (red team 35: a plan notice's 2026年计划 over 预期目标 | 力争目标; a worded cell merged across both)
    page = tmp_path / "plan.html"
    page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="article"><h1>{TITLE}</h1><p>——2024年1月9日在云溪县第十八届人民代表大会第四次会议上</p>
<table border="1"><tr><td rowspan="2">序号</td><td rowspan="2">指标</td><td rowspan="2">单位</td>
<td colspan="2">2024年计划</td></tr><tr><td>预期目标</td><td>{word}目标</td></tr>
<tr><td>1</td><td>地区生产总值增长</td><td>%</td><td>6</td><td>6.5</td></tr>
<tr><td>2</td><td>单位地区生产总值能耗降低</td><td>%</td><td colspan="2">完成市下达任务</td></tr>
</table></div></body></html>""", encoding="utf-8")
    ex = extract_file(page)
    assert [(t.year, t.name, t.text, t.modality) for t in ex.targets] == [
        (2024, "地区生产总值增长", "6", None), (2024, "地区生产总值增长", "6.5", word),
        (2024, "单位地区生产总值能耗降低", "完成市下达任务", None)]

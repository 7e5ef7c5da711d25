"""The report as a Word document (python-docx; no office suite needed), in the usual shape of a
目标完成情况 report: summary, achievement table by category, the figures and their sources, the
targets missed or behind, the comparisons with the level above and with last year, charts."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from zhibiao.report import charts
from zhibiao.report.data import Report

BODY_FONT = {"zh": ("SimSun", "宋体"), "en": ("Calibri", "宋体")}
HEADING_FONT = {"zh": ("SimHei", "黑体"), "en": ("Calibri", "黑体")}


def _font(style, latin: str, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    style.font.name = latin
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold


def _shade(cell, colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shd)


def _table(doc, header: list[str], widths: list[float] | None = None):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, "#dfe6ee")
    if widths:
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = Cm(width)
    return table


def _row(table, values: list) -> list:
    cells = table.add_row().cells
    for cell, value in zip(cells, values):
        cell.text = "" if value is None else str(value)
    return cells


def _status_cell(cell, status: str) -> None:
    colour = charts.STATUS_COLOURS.get(status)
    if colour:
        _shade(cell, colour)
        for run in cell.paragraphs[0].runs:
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def render_docx(report: Report) -> bytes:
    w = report.words
    doc = Document()
    latin, east = BODY_FONT[w.lang]
    _font(doc.styles["Normal"], latin, east, size=10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        hl, he = HEADING_FONT[w.lang]
        _font(doc.styles[name], hl, he, bold=True)
        doc.styles[name].font.color.rgb = RGBColor(0x0F, 0x30, 0x57)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.2)
    name = report.region["name"]
    if w.lang == "en":
        name = report.region.get("name_en") or name
    doc.add_heading(w("title", region=name, year=report.year), level=0)
    doc.add_paragraph(w("subtitle", version=report.version, date=report.generated)).runs[0].italic = True

    doc.add_heading(w("summary"), level=1)
    doc.add_paragraph(report.summary_text())
    if report.lines:
        doc.add_picture(io.BytesIO(charts.status_chart(report)), width=Cm(13))

    doc.add_heading(w("by_category"), level=1)
    table = _table(doc, [w("seq"), w("indicator"), w("target"), w("actual"), w("status")], [1.2, 5.5, 3.2, 3.2, 2.4])
    for category, lines in report.categories():
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = category
        merged.paragraphs[0].runs[0].bold = True
        _shade(merged, "#f1f4f8")
        for line in lines:
            cells = _row(table, [line.seq, report.indicator_name(line, line.name), line.target, line.actual_shown,
                                 w.status(line.status)])
            _status_cell(cells[4], line.status)

    doc.add_heading(w("sources"), level=1)
    table = _table(doc, [w("indicator"), w("target"), w("target_source"), w("actual"), w("actual_source")])
    for line in report.lines:
        if line.actual is None:
            continue
        _row(table, [report.indicator_name(line, line.name), line.target,
                     line.target_source.label() if line.target_source else "", line.actual_shown,
                     line.actual_source.label() if line.actual_source else ""])

    doc.add_heading(w("behind"), level=1)
    behind = report.behind()
    if behind:
        for line in behind:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(w("behind_line", name=report.indicator_name(line, line.name), status=w.status(line.status))).bold = True
            p.add_run(line.explanation)
    else:
        doc.add_paragraph(w("none_behind"))

    doc.add_heading(w("vs_parent", parent=(report.parent or {}).get("name", "—")), level=1)
    if report.vs_parent:
        table = _table(doc, [w("indicator"), w("own_target"), w("parent_target"), w("comparison")])
        for x in report.vs_parent:
            _row(table, [report.indicator_name(x["indicator"], x["name"]), x["own"], x["parent"],
                         w.comparison(x["comparison"])])
    else:
        doc.add_paragraph(w("no_parent"))

    doc.add_heading(w("vs_last_year", prev=report.year - 1), level=1)
    if report.vs_last_year:
        table = _table(doc, [w("indicator"), w("previous"), w("current"), w("change")])
        for x in report.vs_last_year:
            _row(table, [report.indicator_name(x["indicator"], x["name"]), (x["previous"] or {}).get("text"),
                         (x["current"] or {}).get("text"), w.comparison(x["change"])])
    else:
        doc.add_paragraph(w("no_last_year"))

    image = charts.targets_chart(report)
    if image:
        doc.add_heading(w("charts"), level=1)
        doc.add_picture(io.BytesIO(image), width=Cm(15))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

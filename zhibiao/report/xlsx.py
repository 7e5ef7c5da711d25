"""The report as a workbook (openpyxl): a summary sheet, the achievement table by category with
status colours and sources, the comparisons, and a chart sheet of targets against actuals drawn
by the spreadsheet itself from the figures in the workbook."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from zhibiao.export import set_cell
from zhibiao.report import charts
from zhibiao.report.data import Report

HEADER_FILL = PatternFill("solid", fgColor="DFE6EE")
CATEGORY_FILL = PatternFill("solid", fgColor="F1F4F8")


def _put(ws, row: int, values: list, bold: bool = False) -> None:
    """Write a row of values as data: text is always text, never a formula (=, +, -, @)."""
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        set_cell(cell, value)
        if bold:
            cell.font = Font(bold=True)


def _header(ws, values: list, widths: list[int]) -> None:
    _put(ws, 1, values, bold=True)
    for col, width in enumerate(widths, start=1):
        ws.cell(row=1, column=col).fill = HEADER_FILL
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    ws.freeze_panes = "A2"


def render_xlsx(report: Report) -> bytes:
    w = report.words
    wb = Workbook()
    ws = wb.active
    ws.title = w("summary_sheet")
    _put(ws, 1, [w("title", region=report.region["name"], year=report.year)], bold=True)
    ws["A1"].font = Font(bold=True, size=14)
    _put(ws, 2, [w("subtitle", version=report.version, date=report.generated)])
    _put(ws, 4, [report.summary_text()])
    ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A4:F4")
    ws.row_dimensions[4].height = 60
    a = report.achievement
    rows = [(w("region"), report.region["name"]), (w("year"), report.year), (w("total"), a.total),
            (w("judged"), a.judged), (w("rate"), a.rate)]
    for i, (k, v) in enumerate(rows, start=6):
        _put(ws, i, [k, v])
    ws.cell(row=10, column=2).number_format = "0.0%"
    counts = report.counts()
    _put(ws, 12, [w("status"), w("count")], bold=True)
    order = [s for s in charts.STATUS_COLOURS if counts.get(s)]
    for i, s in enumerate(order, start=13):
        _put(ws, i, [w.status(s), counts[s]])
        ws.cell(row=i, column=1).fill = PatternFill("solid", fgColor=charts.STATUS_COLOURS[s].lstrip("#"))
        ws.cell(row=i, column=1).font = Font(color="FFFFFF")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 16
    if order:
        chart = BarChart()
        chart.type = "bar"
        chart.title = w("chart_status")
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=12, max_row=12 + len(order)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=13, max_row=12 + len(order)))
        ws.add_chart(chart, "D6")

    st = wb.create_sheet(w("status_sheet"))
    _header(st, [w("category"), w("seq"), w("indicator"), w("target"), w("actual"), w("status"), w("explanation"),
                 w("target_source"), w("actual_source")], [12, 6, 30, 16, 16, 12, 50, 40, 40])
    row = 2
    for category, lines in report.categories():
        _put(st, row, [category], bold=True)
        for col in range(1, 10):
            st.cell(row=row, column=col).fill = CATEGORY_FILL
        row += 1
        for line in lines:
            _put(st, row, [category, line.seq, report.indicator_name(line, line.name), line.target, line.actual_shown,
                           w.status(line.status), line.explanation,
                           line.target_source.label() if line.target_source else None,
                           line.actual_source.label() if line.actual_source else None])
            colour = charts.STATUS_COLOURS.get(line.status)
            if colour:
                st.cell(row=row, column=6).fill = PatternFill("solid", fgColor=colour.lstrip("#"))
                st.cell(row=row, column=6).font = Font(color="FFFFFF")
            row += 1
    st.auto_filter.ref = f"A1:I{max(row - 1, 1)}"

    pa = wb.create_sheet(w("parent_sheet"))
    _header(pa, [w("indicator"), w("own_target"), w("parent_target"), w("comparison")], [30, 18, 18, 14])
    for i, x in enumerate(report.vs_parent, start=2):
        _put(pa, i, [report.indicator_name(x["indicator"], x["name"]), x["own"], x["parent"],
                     w.comparison(x["comparison"])])
    ly = wb.create_sheet(w("years_sheet"))
    _header(ly, [w("indicator"), w("previous"), w("current"), w("change")], [30, 18, 18, 12])
    for i, x in enumerate(report.vs_last_year, start=2):
        _put(ly, i, [report.indicator_name(x["indicator"], x["name"]), (x["previous"] or {}).get("text"),
                     (x["current"] or {}).get("text"), w.comparison(x["change"])])

    # the chart sheet draws % targets against actuals from a small data sheet
    lines = charts.percent_lines(report)
    data = wb.create_sheet(w("chart_data"))
    _header(data, [w("indicator"), w("target") + " (%)", w("actual") + " (%)"], [30, 12, 12])
    for i, line in enumerate(lines, start=2):
        _put(data, i, [charts.line_label(report, line), float(line.value), float(line.actual_value)])
    cs = wb.create_chartsheet(w("chart_sheet"))
    chart = BarChart()
    chart.type = "bar"
    chart.title = w("chart_targets")
    chart.y_axis.title = "%"
    if lines:
        chart.add_data(Reference(data, min_col=2, max_col=3, min_row=1, max_row=1 + len(lines)),
                       titles_from_data=True)
        chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=1 + len(lines)))
    cs.add_chart(chart)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()

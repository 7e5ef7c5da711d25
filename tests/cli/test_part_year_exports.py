"""A part of the year's actual (a monthly report's 1—9月 figure beside a year's target) names its months in
what is handed on as files, as the scorecard does: the DOCX and XLSX report of `zhibiao report` (its tables and
its chart's labels) and `zhibiao export`'s status rows in CSV, XLSX and JSON (``actual_months``) — in Chinese
and English, from the one label ``track.status.months_label``; a whole year's figure names none. Documents
written for this test (own figures), real SQLite, the real commands."""
from __future__ import annotations

import csv
import io
import json

import pytest
from clirun import zb
from docx import Document
from openpyxl import load_workbook

PLAN = ("湖州市2025年政府工作报告\n\n2025年1月12日在湖州市第九届人民代表大会第五次会议上\n\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6.5%左右；"
        "一般公共预算收入增长5%。\n")
MONTHLY = ("湖州市2025年1—9月经济运行情况\n\n湖州市统计局　2025年10月20日\n\n"
           "1—9月，全市社会消费品零售总额累计实现1080.5亿元，同比增长5.8%。\n")
BULLETIN = ("湖州市2025年国民经济和社会发展统计公报\n\n湖州市统计局　2026年3月10日\n\n"
            "全年一般公共预算收入512.3亿元，比上年增长5.4%。\n")
MONTHS = {"zh": "同比增长5.8% · 1—9月", "en": "同比增长5.8% · months 1–9"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("part_year")
    for name, body in (("plan.txt", PLAN), ("monthly.txt", MONTHLY), ("bulletin.txt", BULLETIN)):
        (folder / name).write_text(body, encoding="utf-8")
    path = str(folder / "z.db")
    assert zb("ingest", str(folder), "--db", path, "-q").returncode == 0
    return path


def _docx_cells(path) -> list[str]:
    return [c.text for table in Document(str(path)).tables for row in table.rows for c in row.cells]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_docx_report_names_the_months_of_a_part_of_the_year_s_actual(db, tmp_path, lang):
    out = tmp_path / f"r-{lang}.docx"
    r = zb("report", str(out), "-r", "湖州市", "-y", "2025", "--db", db, "--lang", lang)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"wrote {out}: 湖州市 2025, 3 targets")
    cells = _docx_cells(out)
    # in the table by category and in the table of sources; the year's figure as it is
    assert cells.count(MONTHS[lang]) == 2 and "同比增长5.8%" not in cells
    assert cells.count("比上年增长5.4%") == 2


def test_the_xlsx_report_names_the_months_in_its_sheet_and_its_chart_s_data(db, tmp_path):
    out = tmp_path / "r.xlsx"
    r = zb("report", str(out), "-r", "湖州市", "-y", "2025", "--db", db, "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["achievement"]["judged"] == 2
    wb = load_workbook(out)
    values = [c.value for row in wb["完成情况"].iter_rows() for c in row]
    assert MONTHS["zh"] in values and "同比增长5.8%" not in values and "比上年增长5.4%" in values
    labels = [row[0].value for row in wb["图表数据"].iter_rows(min_row=2)]
    assert "社会消费品零售总额 · 1—9月" in labels and "一般公共预算收入" in labels


@pytest.mark.parametrize("lang, months", [("zh", "1—9月"), ("en", "months 1–9")])
def test_export_s_status_rows_carry_the_months_in_csv_json_and_xlsx(db, tmp_path, lang, months):
    r = zb("export", "-", "-r", "湖州市", "-y", "2025", "--db", db, "--lang", lang)
    assert r.returncode == 0, r.stderr
    rows = {row["indicator"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert (rows["retail_sales_growth"]["actual_text"], rows["retail_sales_growth"]["actual_months"]) \
        == ("同比增长5.8%", months)
    assert rows["budget_revenue_growth"]["actual_months"] == "" and rows["gdp_growth"]["actual_months"] == ""
    r = zb("export", "-", "-r", "湖州市", "-y", "2025", "--db", db, "--lang", lang, "-f", "json")
    assert {x["indicator"]: x["actual_months"] for x in json.loads(r.stdout)}["retail_sales_growth"] == months
    out = tmp_path / f"s-{lang}.xlsx"
    assert zb("export", str(out), "-r", "湖州市", "-y", "2025", "--db", db, "--lang", lang).returncode == 0
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    column = header.index("actual_months")
    assert months in [row[column].value for row in sheet.iter_rows(min_row=2)]

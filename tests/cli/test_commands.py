"""The CLI as users run it: exit codes, one-line errors, JSON and text output, the demo."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from paths import EXAMPLES, SEEDS, need_shared

PLAN = ("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
        "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n")


def zb(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=timeout)


def test_extract_json_several_files_and_failures(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(PLAN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = zb("extract", "--format", "json", str(a), str(empty), str(tmp_path / "missing.pdf"), str(tmp_path))
    assert r.returncode == 3
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["schema"] == "zhibiao.extraction/1"
    assert lines[0]["targets"][0]["value"] == 6
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in r.stderr
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("missing.pdf" in e and "no such file" in e for e in errors)
    assert any("is a directory" in e for e in errors)


def test_extract_text_output_and_usage_errors(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(PLAN, encoding="utf-8")
    r = zb("extract", str(a))
    assert r.returncode == 0 and "地区生产总值增长" in r.stdout and "6%左右" in r.stdout
    assert zb("extract", "--format", "yaml", str(a)).returncode == 2
    assert zb("extract").returncode == 2
    assert zb("no-such-command").returncode == 2
    assert zb("--version").stdout.startswith("zhibiao ")


def test_extract_text_output_shows_the_year_of_targets_for_other_years(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("关于某市2024年计划执行情况与2025年计划草案的报告\n\n受市人民政府委托，现将计划执行情况报告如下。\n\n"
                      "主要指标\n指标名称\t单位\t2024年计划\t2024年完成\t2025年目标\n"
                      "地区生产总值增速\t%\t6左右\t5.8\t6.5\n", encoding="utf-8")
    out = zb("extract", str(report), "--format", "text").stdout
    rows = [line for line in out.splitlines() if "地区生产总值增速" in line]
    assert any("2024" in r and "6左右" in r for r in rows) and any("2025" in r and "6.5" in r for r in rows)
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert "年 year" not in zb("extract", str(plan)).stdout  # one plan year: no column for it


def test_extract_text_output_tells_a_months_figure_from_the_year_so_fars(tmp_path):
    report = tmp_path / "monthly.txt"
    report.write_text("2025年1—11月岚江市经济运行情况\n来源：岚江市统计局\n\n"
                      "1—11月，全市规模以上工业增加值同比增长6.2%。本月全市规模以上工业增加值同比增长5.1%。\n", encoding="utf-8")
    rows = [line for line in zb("extract", str(report)).stdout.splitlines() if "规模以上工业增加值" in line]
    assert any("2025 1—11月" in r and "6.2" in r for r in rows) and any("2025 11月" in r and "5.1" in r for r in rows)


def test_extract_text_output_of_a_bulletin_prints_no_empty_targets_table(tmp_path):
    bulletin = tmp_path / "bulletin.txt"
    bulletin.write_text("某县2024年国民经济和社会发展统计公报\n\n一、综合\n初步核算，全年全县地区生产总值286.45亿元，比上年增长5.6%。\n",
                        encoding="utf-8")
    out = zb("extract", str(bulletin)).stdout
    assert "Targets (0)" in out and "Actuals (2)" in out
    assert "指标 indicator" not in out  # the targets table's header


@pytest.mark.parametrize("command", ["extract", "ingest", "status", "compare", "catalog", "serve", "demo", "export",
                                     "reindex", "import-actuals", "targets", "override"])
def test_every_command_has_help(command):
    r = zb(command, "--help")
    assert r.returncode == 0 and "Usage" in r.stdout


def _serve_demo(folder, port):
    return subprocess.Popen([sys.executable, "-m", "zhibiao", "demo", *([str(folder)] if folder else []), "--port",
                             str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))


def _get(url, seconds=300):
    """The demo extracts before it serves: on a loaded machine (a shared CI box) that takes minutes."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return json.loads(r.read())
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} never answered")


def _port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def test_demo_serves_the_bundled_examples():
    port = _port()
    proc = _serve_demo(None, port)
    try:
        data = _get(f"http://127.0.0.1:{port}/api/v1/status?region=%E6%B9%96%E5%B7%9E%E5%B8%82&year=2024")
        assert {"achieved", "missed", "basically_achieved", "pending"} <= set(data["summary"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert EXAMPLES.is_dir()


def test_the_demo_database_goes_when_the_demo_stops(tmp_path):
    import signal

    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "zhibiao", "demo", str(EXAMPLES), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, TMPDIR=str(tmp_path)))
    try:
        _get(f"http://127.0.0.1:{port}/api/v1/regions")
        assert [p.name for p in tmp_path.glob("zhibiao-demo-*/demo.db")]  # while it serves
    finally:
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        out, _err = proc.communicate(timeout=30)
    assert b"removed when the demo stops" in out
    assert not list(tmp_path.glob("zhibiao-demo-*"))


def test_a_busy_port_is_one_line_before_anything_is_announced(tmp_path):
    db = tmp_path / "z.db"
    assert zb("ingest", str(EXAMPLES / "huzhou_2025_plan.txt"), "--db", str(db), "-q").returncode == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        line = f"error: port {port} on 127.0.0.1 is in use (another server?): choose another with --port\n"
        serve = zb("serve", "--db", str(db), "--port", str(port))
        demo = subprocess.run([sys.executable, "-m", "zhibiao", "demo", str(EXAMPLES), "--port", str(port)],
                              capture_output=True, text=True, timeout=120, env=dict(os.environ, TMPDIR=str(tmp_path)))
    for r in (serve, demo):
        assert (r.returncode, r.stdout, r.stderr) == (2, "", line)
    assert not list(tmp_path.glob("zhibiao-demo-*"))


def test_demo_names_a_failed_file_s_reason_whole_below_the_table(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"ab\0\0cd")
    r = zb("demo", str(tmp_path), "--no-serve")
    row = next(line for line in r.stdout.splitlines() if "binary.txt" in line)
    assert "error" in row and "not a" not in row  # the region column stays a region's
    assert r.stderr == f"failed: {tmp_path / 'binary.txt'}: binary data (NUL bytes), not a document (one of TXT, " \
                       "HTML, PDF, DOCX, DOC, WPS)\n"


@pytest.mark.corpus
def test_demo_on_the_seeds_reports_shaoxing_2023():
    need_shared(SEEDS)
    port = _port()
    proc = _serve_demo(SEEDS, port)
    try:
        data = _get(f"http://127.0.0.1:{port}/api/v1/status?region=%E7%BB%8D%E5%85%B4%E5%B8%82&year=2023")
        gdp = next(t for t in data["targets"] if t["indicator"] == "gdp_growth")
        assert gdp["status"] == "achieved" and gdp["actual"]["value"] == 7.8
        assert gdp["actual"]["document"]["title"] == gdp["actual"]["source"] and "政府工作报告" in gdp["actual"]["source"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_data_commands_end_to_end(tmp_path):
    db = str(tmp_path / "z.db")
    r = zb("ingest", str(EXAMPLES), "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    # each example once (the TXT sources of the DOCX and PDF live outside examples/: a folder is
    # searched recursively, and they were once stored as two more documents)
    examples = [p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")]
    assert len(examples) == 7 and json.loads(r.stdout)["documents"]["new"] == 7
    assert json.loads(zb("ingest", str(EXAMPLES), "--db", db, "--format", "json").stdout)["documents"]["unchanged"] == 7
    status = json.loads(zb("status", "-r", "湖州市", "-y", "2024", "--db", db, "-f", "json").stdout)
    assert status["region"]["code"] == "330500"
    # each target beside what the province's breakdown table assigned the city (JSON, and the table's words)
    industry = next(t for t in status["targets"] if t["indicator"] == "industrial_value_added_growth")
    assert (industry["text"], industry["assigned"]["text"]) == ("8%", "7.5")
    shown = zb("status", "-r", "湖州市", "-y", "2024", "--db", db).stdout
    assert "8%（下达 7.5）" in shown.replace(" ", "") or "8%（下达7.5）" in shown.replace(" ", "")
    r = zb("compare", "years", "-r", "湖州市", "-y", "2025", "--db", db, "-f", "csv")
    assert r.returncode == 0 and "lowered" in r.stdout
    out = tmp_path / "t.xlsx"
    assert zb("export", str(out), "-f", "xlsx", "-r", "湖州市", "-y", "2024", "--db", db).returncode == 0
    import openpyxl

    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert "status" in header and ws.max_row > 10
    bad = zb("status", "-r", "火星市", "-y", "2024", "--db", db)
    assert bad.returncode == 1 and "火星市" in bad.stderr and "Traceback" not in bad.stderr
    # an override names one of the region-year's targets (its id or its printed name), or is refused
    ok = zb("override", "-r", "湖州市", "-y", "2024", "-t", "固定资产投资增速", "-s", "achieved", "--reason", "快报", "--db", db)
    assert ok.returncode == 0 and "fai_growth: achieved" in ok.stdout
    for target, year in (("地区生产总值增长率不存在", "2024"), ("grain_output", "2024"), ("gdp_growth", "2019")):
        bad = zb("override", "-r", "湖州市", "-y", year, "-t", target, "-s", "missed", "--reason", "x", "--db", db)
        assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert "closest targets: gdp_growth (地区生产总值增速)" in zb(
        "override", "-r", "湖州市", "-y", "2024", "-t", "地区生产总值增长率不存在", "-s", "missed", "--reason", "x",
        "--db", db).stderr
    overridden = [t for t in json.loads(zb("status", "-r", "湖州市", "-y", "2024", "--db", db, "-f", "json").stdout)["targets"]
                  if t["overridden"]]
    assert [t["indicator"] for t in overridden] == ["fai_growth"]


def test_export_writes_the_format_its_file_name_says(tmp_path):
    db = str(tmp_path / "z.db")
    assert zb("ingest", str(EXAMPLES / "huzhou_2024_plan.docx"), "--db", db, "-q").returncode == 0
    wrong = tmp_path / "x.xlsx"
    r = zb("export", str(wrong), "-f", "csv", "--db", db)
    assert (r.returncode, r.stderr) == (2, f"error: {wrong}: the name says xlsx but --format is csv: give -f xlsx, "
                                           "or a file name ending in .csv\n")
    assert not wrong.exists()
    for name, magic in (("t.xlsx", b"PK\x03\x04"), ("t.json", b"[{"), ("t.csv", b"\xef\xbb\xbfregion,"),
                        ("t.txt", b"\xef\xbb\xbfregion,")):  # no -f: the suffix's format, else csv
        r = zb("export", str(tmp_path / name), "--db", db)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).read_bytes().startswith(magic), name


def test_extract_text_output_names_the_issuer_and_brackets_one_not_printed(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("关于长兴县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
                      "一、2025年计划执行情况\n全县地区生产总值增长6.1%。\n", encoding="utf-8")
    out = zb("extract", str(report)).stdout
    assert "issuer [长兴县发展和改革局] (not printed)" in out
    data = json.loads(zb("extract", str(report), "--format", "json").stdout)
    assert data["document"]["issuer"] == "长兴县发展和改革局" and data["document"]["issuer_inferred"] is True


def test_extract_prints_a_breakdown_table_as_the_document_does_and_json_keeps_it_apart(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("湖南省人民政府关于下达2027年全省国民经济和社会发展计划的通知\n湘政发〔2027〕2号\n"
                      "2027年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n\n2027年各市州主要指标分解表\n"
                      "市州\t地区生产总值增长（%）\t城镇新增就业（万人）\n长沙市\t6左右\t15\n株洲市\t5.8\t4\n", encoding="utf-8")
    out = zb("extract", str(notice)).stdout
    assert "Allocations (4: 2 regions)" in out
    row = next(line for line in out.splitlines() if "长沙市" in line)
    # a row a region, with its code, and its figures in the table's columns' order
    assert "430100" in row and row.index("6左右") < row.index("15")
    data = json.loads(zb("extract", "--format", "json", str(notice)).stdout)
    assert len(data["targets"]) == 1
    assert [(a["region"], a["region_code"], a["indicator"], a["text"]) for a in data["allocations"]][:2] == [
        ("长沙市", "430100", "gdp_growth", "6左右"), ("长沙市", "430100", "new_urban_jobs", "15")]


def test_the_demo_summary_fits_an_80_column_terminal():
    r = subprocess.run([sys.executable, "-m", "zhibiao", "demo", str(EXAMPLES), "--no-serve"], capture_output=True,
                       text=True, timeout=300, env=os.environ | {"COLUMNS": "80"})
    assert r.returncode == 0, r.stderr
    from rich.cells import cell_len

    lines = r.stdout.splitlines()
    assert lines and max(cell_len(line) for line in lines) <= 80
    # every count shown (not cut off at the terminal's edge): the 2025 work report of 湖州市, 9 targets and 24 results
    row = next(line for line in lines if "湖州市2025年政府工作报告" in line)
    assert "9 · 24 · 0" in row and "湖州市 2025" in row
    assert "T · A · C: targets · actuals · commitments" in r.stdout

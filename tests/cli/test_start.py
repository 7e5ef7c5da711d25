"""A read command starts with what it reads: no ORM, no extractor, no web stack (issue 14, "fast
start"). Each command runs as a user runs it, in a process of its own, and reports what it
imported; the time it takes is measured in benchmarks/start.py, not asserted here."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PLAN = ("湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
        "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n2\t一般公共预算收入增长\t5%\n"
        "3\t城镇调查失业率\t5.5%以内\n")

# What no read command needs: the ORM (reads are SQLAlchemy Core), migrations (the schema is
# current), the extractor and the loaders (status judges stored lines), the web server, the exports,
# PyYAML (the package's data files are read back parsed: zhibiao/datafiles.py), the normaliser.
NEVER = ("sqlalchemy.orm", "zhibiao.store.schema", "alembic", "zhibiao.extract.pipeline", "zhibiao.extract.grammar",
         "zhibiao.load", "zhibiao.api", "zhibiao.web", "fastapi", "starlette", "uvicorn", "jinja2", "pdfplumber",
         "docx", "openpyxl", "matplotlib", "plotly", "rapidfuzz", "zhibiao.report", "yaml", "zhibiao.text.normalize")
# As a user's shell runs them: Python writes its bytecode, and zhibiao its parsed data files, beside
# the package (some shells, and this machine's, set PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

RUN = """
import json, sys
from zhibiao.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("start")
    plan = folder / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    (folder / "plan2024.txt").write_text(PLAN.replace("2025", "2024"), encoding="utf-8")  # (compare years: the year before)
    db = folder / "zhibiao.db"
    r = subprocess.run([sys.executable, "-m", "zhibiao", "ingest", str(folder), "--db", str(db), "-q"],
                       capture_output=True, text=True, timeout=120, env=ENV)
    assert r.returncode == 0, r.stderr
    # the ingest parsed (and kept parsed) the data files it reads; the tables' words (cli/labels.yaml)
    # a first read command parses once, as a user's first `zhibiao targets` does
    r = subprocess.run([sys.executable, "-m", "zhibiao", "targets", "--db", str(db)], capture_output=True, text=True,
                       timeout=120, env=ENV)
    assert r.returncode == 0, r.stderr
    return str(db)


def run(*args: str) -> tuple[str, set[str]]:
    r = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, timeout=120, env=ENV)
    report = json.loads(r.stderr.strip().splitlines()[-1])
    assert report["code"] == 0, r.stderr
    return r.stdout, set(report["modules"])


def imported(modules: set[str], prefix: str) -> list[str]:
    return sorted(m for m in modules if m == prefix or m.startswith(prefix + "."))


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("command", [
    ["status", "-r", "湖州市", "-y", "2025"],
    ["status", "-r", "330500", "-y", "2025", "-i", "gdp_growth"],
    ["targets", "-r", "湖州市"],
    ["compare", "years", "-r", "湖州市", "-y", "2025"],
])
def test_read_commands_import_no_orm_extractor_or_web(database, command, fmt):
    out, modules = run(*command, "--db", database, "--format", fmt)
    if fmt == "json":  # it answered
        assert "地区生产总值增长" in json.dumps(json.loads(out), ensure_ascii=False)
    else:
        assert "湖州市" in out or "target(s)" in out
    found = {p: imported(modules, p) for p in NEVER}
    assert not any(found.values()), {p: m for p, m in found.items() if m}


def test_status_json_does_not_import_rich(database):
    _out, modules = run("status", "-r", "湖州市", "-y", "2025", "--db", database, "--format", "json")
    assert not imported(modules, "rich")


@pytest.mark.parametrize("command", [["--help"], ["extract", "PLAN"], ["extract", "PLAN", "--format", "json"]])
def test_commands_without_a_database_import_no_sqlalchemy(tmp_path, command):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out, modules = run(*[str(plan) if a == "PLAN" else a for a in command])
    assert ("extract" in out) if command == ["--help"] else ("地区生产总值增长" in out)  # it answered
    assert not imported(modules, "sqlalchemy")

"""The README's commands, run as printed: every line of "Using it" (the bash block) and the Python
block, in a folder holding fixture files of the names they use (plan.pdf, a.txt, b.docx, plan.html,
~/plans, bureau.xlsx), written here from our own example documents with the city renamed to the one
the README asks about (绍兴市), so that each command has something to answer. The only edit to a
line is the address placeholder (`https://…/art_2024_123.html`), which points at the tests' own web
site on 127.0.0.1. `serve` is checked for readiness, then stopped. A traceback anywhere fails.

The lines are read from README.md, so a command added there is run here too."""
from __future__ import annotations

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from docserver import DocServer, Page, html_bytes, src
from formats import write_docx, write_html, write_pdf
from paths import ROOT

README = (ROOT / "README.md").read_text("utf-8")
BIN = Path(sys.executable).parent


def _block(after: str, lang: str) -> str:
    section = README.split(after, 1)[1]
    return section.split(f"```{lang}\n", 1)[1].split("```", 1)[0]


def _commands() -> list[str]:
    """The bash block of "Using it", one command per line, comments dropped; a line continuing
    only a comment (indented `#`) is not a command."""
    out = []
    for line in _block("## Using it", "bash").splitlines():
        command = re.split(r"\s+#", line, maxsplit=1)[0].strip()
        if command and not command.startswith("#"):
            out.append(command)
    return out


COMMANDS = _commands()
YEARS = {"2023": "2022", "2024": "2023", "2025": "2024"}


def _as_shaoxing(text: str, shift: bool) -> str:
    """One of our examples about 湖州市 as a document about 绍兴市 (a year earlier with ``shift``)."""
    text = text.replace("湖州", "绍兴").replace("湖政发", "绍政发")
    return re.sub(r"20(2[345])", lambda m: YEARS[m.group(0)], text) if shift else text


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = DocServer()
    tmp = tmp_path_factory.mktemp("site")
    page = html_bytes(_as_shaoxing(src("huzhou_2024_plan.txt"), shift=False), tmp, "art.html",
                      {"发文字号": "绍政发〔2024〕3号"})
    server.pages["/zwgk/art_2024_123.html"] = Page(body=page)
    yield server
    server.close()


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """The user's folder: the fixtures the README names, and ~/plans."""
    home = tmp_path_factory.mktemp("home")
    plans = home / "plans"
    plans.mkdir()
    plan_2023 = _as_shaoxing(src("huzhou_2024_plan.txt"), shift=True)
    (plans / "shaoxing_2023_plan.txt").write_text(plan_2023, encoding="utf-8")
    (plans / "shaoxing_2024_work_report.txt").write_text(_as_shaoxing(src("huzhou_2025_work_report.txt"), shift=True),
                                                         encoding="utf-8")
    (plans / "zhejiang_2024_plan.txt").write_text(src("zhejiang_2024_plan.txt"), encoding="utf-8")
    (plans / "huzhou_2024_plan.txt").write_text(src("huzhou_2024_plan.txt"), encoding="utf-8")
    write_pdf(src("zhejiang_2024_plan.txt"), home / "plan.pdf")
    (home / "a.txt").write_text(src("huzhou_2025_plan.txt"), encoding="utf-8")
    write_docx(plan_2023, home / "b.docx")
    write_html(src("huzhou_2025_plan.txt"), home / "plan.html")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["region", "indicator", "year", "value", "unit", "source"])
    ws.append(["绍兴市", "gdp_growth", 2023, 6.4, "%", "绍兴市统计局"])
    ws.append(["绍兴市", "fai_growth", 2023, 5.0, "%", "绍兴市统计局"])
    wb.save(home / "bureau.xlsx")
    return home


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIBIAO_") or k.startswith("ZHIBIAO_FETCH")}
    return env | {"HOME": str(home), "COLUMNS": "200", "Z": str(BIN / "zhibiao")}


def _script(command: str, site: DocServer) -> str:
    command = command.replace("https://…/art_2024_123.html", site.url("/zwgk/art_2024_123.html"))
    assert "…" not in command, f"a README command has a placeholder this test does not fill: {command}"
    return command.replace("$Z", '"$Z"')


def test_the_readme_has_commands():
    assert COMMANDS[0].startswith("Z=") and len(COMMANDS) >= 12
    assert any(c.startswith("$Z serve") for c in COMMANDS)


def test_every_readme_command_runs_as_printed(home, site):
    """Run in order, as a reader would: the ingests build ./zhibiao.db that the later lines read."""
    env = _env(home)
    outputs = {}
    for command in COMMANDS:
        if command.startswith("Z="):
            assert command == "Z=.venv/bin/zhibiao"  # (the test runs this checkout's zhibiao instead)
            continue
        if command.startswith("$Z serve"):
            continue  # test_readme_serve_is_ready_then_stopped
        r = subprocess.run(["bash", "-c", _script(command, site)], cwd=home, env=env, capture_output=True, text=True,
                           timeout=600)
        assert "Traceback" not in r.stdout + r.stderr, f"{command}:\n{r.stderr}"
        assert r.returncode == 0, f"{command} exited {r.returncode}:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
        name = command.split()[1]
        outputs[name] = outputs.get(name, "") + r.stdout
    # what each line is for, answered
    assert "地区生产总值" in outputs["extract"] and '"schema": "zhibiao.extraction/1"' in outputs["extract"]
    assert "documents: 4 new" in outputs["ingest"] and "绍兴市人民政府关于下达2024年" in outputs["ingest"]
    assert "绍兴市" in outputs["status"] and "地区生产总值" in outputs["status"]
    assert "@report" in outputs["cite"]
    assert "浙江省" in outputs["compare"]
    assert (home / "targets.xlsx").stat().st_size > 0 and (home / "绍兴2023.docx").stat().st_size > 0
    assert "zhibiao_database_url" in outputs["settings"].lower() or "ZHIBIAO_DATABASE_URL" in outputs["settings"]
    # the imported official figure is the actual the status judges against
    status = subprocess.run([str(BIN / "zhibiao"), "status", "-r", "绍兴市", "-y", "2023", "-f", "json"], cwd=home,
                            env=env, capture_output=True, text=True, timeout=120)
    gdp = next(t for t in json.loads(status.stdout)["targets"] if t["indicator"] == "gdp_growth")
    assert gdp["actual"]["value"] == 6.4 and "绍兴市统计局" in gdp["actual"]["source"]


def test_readme_python_block_runs_as_printed(home, site):
    """The Python block, after the commands above built ./zhibiao.db (run it alone: it builds it)."""
    env = _env(home)
    if not (home / "zhibiao.db").exists():
        subprocess.run([str(BIN / "zhibiao"), "ingest", "plans", "-q"], cwd=home, env=env, check=True, timeout=600)
    code = _block("Python:", "python")
    r = subprocess.run([sys.executable, "-c", code], cwd=home, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "%" in r.stdout and "(" in r.stdout  # each target: name, comparator, value, unit, span


def test_readme_serve_is_ready_then_stopped(home, site):
    command = next(c for c in COMMANDS if c.startswith("$Z serve"))
    env = _env(home)
    port = _free_port()
    args = shlex.split(command.replace("$Z", str(BIN / "zhibiao"))) + ["--port", str(port)]
    proc = subprocess.Popen(args, cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/documents", timeout=5) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.time() < deadline, "the server never answered"
                time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "Traceback" not in out
    tokens = re.findall(r"\b[0-9a-f]{32}\b", out)
    assert len(tokens) == 1, out  # the generated write token, printed once


def _free_port() -> int:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port

"""Every command that reads the database, in its default text form and as JSON, on every bundled
example and, when ../shared is present, every seed and dev document: each set is ingested into a
database of its own, then for each document the commands a user would ask about its region and
year (status, cite, targets, export, compare years / levels / regions, catalog regions and
unmatched) run in-process with Typer's test runner; a sample runs as real processes. A command
may answer "nothing for that" (exit 1, one line on stderr naming what was asked) but never with a
traceback. (`extract` on every document: test_every_document.py.)"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paths import DEV, EXAMPLES, SEEDS
from zhibiao.cli import app

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx"}
SETS = {"example": EXAMPLES, "seed": SEEDS, "dev": DEV}
runner = CliRunner()


def _documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def _params():
    out = []
    for label, folder in SETS.items():
        docs = _documents(folder)
        if not docs:
            out.append(pytest.param(label, None, id=f"{label}-absent", marks=pytest.mark.skip(
                reason=f"{folder} is absent: the shared corpus lives beside the repo (../shared)")))
        out += [pytest.param(label, p, id=f"{label}-{p.name}") for p in docs]
    return out


def invoke(*args: str, ok=(0,)):
    """One command in-process; a traceback (any exception but an exit) fails the test, as does an
    exit code outside ``ok``; an exit code 1 comes with one line on stderr."""
    result = runner.invoke(app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"zhibiao {' '.join(args)} raised {type(result.exception).__name__}:\n{tb}")
    assert "Traceback" not in result.output
    assert result.exit_code in ok, f"zhibiao {' '.join(args)} exited {result.exit_code}:\n{result.output[-3000:]}"
    if result.exit_code == 1:
        message = result.stderr.strip()
        assert message and "\n" not in message, f"zhibiao {' '.join(args)}: {result.stderr!r}"
    return result


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """One database per set, built on first use: {label: (db path, {sha256: document dict})}."""
    built: dict = {}

    def get(label: str):
        if label not in built:
            db = str(tmp_path_factory.mktemp(f"every-{label}") / "z.db")
            r = invoke("ingest", str(SETS[label]), "--db", db, "--quiet", "--format", "json", ok=(0, 1))
            assert json.loads(r.stdout)["documents"]["new"] > 0
            import zhibiao

            docs, _ = zhibiao.open(db).q.documents(size=1000)
            built[label] = (db, {d["sha256"]: d for d in docs})
        return built[label]

    return get


def _both(*args: str, ok=(0,)):
    """The command as text, then as JSON (parsed): both must answer alike."""
    text = invoke(*args, ok=ok)
    js = invoke(*args, "--format", "json", ok=ok)
    assert text.exit_code == js.exit_code, args
    data = json.loads(js.stdout) if js.exit_code == 0 else None
    return text, data


@pytest.mark.parametrize("label, path", _params())
def test_every_command_on_every_document(label, path, databases, tmp_path):
    db, docs = databases(label)
    doc = docs.get(hashlib.sha256(path.read_bytes()).hexdigest())
    text, data = _both("catalog", "unmatched", str(path))
    assert isinstance(data, list)
    if doc is None:
        pytest.fail(f"{path.name} was not stored by the ingest")  # a failure the ingest reported
    code, year = doc["region"]["code"], doc["plan_year"]
    if not code or not year:
        # listed for review by every status answer (here: any region-year's JSON)
        return
    _both("catalog", "regions", code)
    years = [year, year - 1] if doc["doc_type"] in ("work_report", "plan_report", "statistical_bulletin") else [year]
    for y in years:
        y = str(y)
        text, status = _both("status", "-r", code, "-y", y, "--db", db, ok=(0, 1))
        if status is None:
            continue
        assert status["region"]["code"] == code and len(status["targets"]) > 0
        for line in status["targets"]:
            assert line["document"]["title"] and "/" not in line["document"]["title"][:1]
            assert line["name"][:4] in text.stdout or (line.get("indicator") or "") in text.stdout
        english = runner.invoke(app, ["status", "-r", code, "-y", y, "--db", db, "--lang", "en"], env={"COLUMNS": "300"})
        assert english.exit_code == 0 and "status of targets" in english.stdout
        named = next((t["indicator"] for t in status["targets"] if t.get("indicator")), None)
        if named:  # indicators by their English names, the printed name beside
            from zhibiao.catalog import Catalog

            assert Catalog.default().get(named).name_en in english.stdout
        invoke("status", "-r", code, "-y", y, "--db", db, "--format", "csv")
        _both("cite", "-r", code, "-y", y, "--db", db)
        invoke("cite", "-r", code, "-y", y, "--db", db, "--format", "bibtex")
        _both("targets", "-r", code, "-y", y, "--db", db)
        invoke("export", "-", "-f", "csv", "-r", code, "-y", y, "--db", db)
        rows = json.loads(invoke("export", "-", "-f", "json", "-r", code, "-y", y, "--db", db).stdout)
        assert len(rows) == len(status["targets"])
        _both("compare", "years", "-r", code, "-y", y, "--db", db, ok=(0, 1))
        _both("compare", "levels", "-r", code, "-y", y, "--db", db, ok=(0, 1))
        indicator = next((t["indicator"] for t in status["targets"] if t.get("indicator")), None)
        if indicator:
            _, across = _both("compare", "regions", "-i", indicator, "-y", y, "--db", db)
            # the region's own winning target is among the regions compared, and is the one status shows
            own = next(r for r in across if r["region"]["code"] == code)
            line = next(t for t in status["targets"] if t.get("indicator") == indicator)
            assert (own["text"], own["document"]["id"]) == (line["text"], line["document"]["id"])


@pytest.mark.parametrize("label", list(SETS))
def test_whole_database_commands(label, databases, tmp_path):
    if not _documents(SETS[label]):
        pytest.skip(f"{SETS[label]} is absent")
    db, docs = databases(label)
    _, snap = _both("snapshot", "--db", db)
    assert snap
    _, targets = _both("targets", "--db", db)
    assert len(targets) > 0
    # a region-year with targets: the report in both formats
    doc = next(d for d in docs.values() if d["region"]["code"] and d["plan_year"] and d["doc_type"] == "plan_notice") \
        if any(d["doc_type"] == "plan_notice" for d in docs.values()) else None
    if doc:
        code, year = doc["region"]["code"], str(doc["plan_year"])
        invoke("report", str(tmp_path / "r.docx"), "-r", code, "-y", year, "--db", db)
        written = json.loads(invoke("report", str(tmp_path / "r.xlsx"), "-r", code, "-y", year, "--db", db,
                                    "--format", "json").stdout)
        assert (tmp_path / "r.docx").stat().st_size > 0 and (tmp_path / "r.xlsx").stat().st_size > 0 and written
    _, reindexed = _both("reindex", "--db", db)
    assert reindexed["documents"]["failed"] == 0


@pytest.mark.parametrize("label", list(SETS))
def test_a_sample_as_real_processes(label, databases):
    """The first document of each set through the installed entry point, as a user's shell runs it."""
    docs_on_disk = _documents(SETS[label])
    if not docs_on_disk:
        pytest.skip(f"{SETS[label]} is absent")
    db, docs = databases(label)
    doc = next(d for d in docs.values() if d["region"]["code"] and d["plan_year"])
    zb = [sys.executable, "-m", "zhibiao"]
    env = os.environ | {"COLUMNS": "200"}
    for args in (["extract", str(docs_on_disk[0])], ["extract", "-f", "json", str(docs_on_disk[0])],
                 ["status", "-r", doc["region"]["code"], "-y", str(doc["plan_year"]), "--db", db],
                 ["status", "-r", doc["region"]["code"], "-y", str(doc["plan_year"]), "--db", db, "-f", "json"],
                 ["compare", "years", "-r", doc["region"]["code"], "-y", str(doc["plan_year"]), "--db", db]):
        r = subprocess.run(zb + args, capture_output=True, text=True, timeout=300, env=env)
        assert "Traceback" not in r.stdout + r.stderr, r.stderr
        assert r.returncode in (0, 1), (args, r.stderr)
        if r.returncode == 1:
            assert len(r.stderr.strip().splitlines()) == 1, r.stderr
        if "json" in args and r.returncode == 0:
            json.loads(r.stdout.splitlines()[0])

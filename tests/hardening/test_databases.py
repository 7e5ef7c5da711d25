"""A database that cannot be used is one line naming it, for every command (issue 17.6).

A file that is no SQLite database, a damaged or truncated one, a folder, a read-only one, or a
PostgreSQL server that cannot be reached: each used to print a 70–150-line traceback, and `serve`
started on a damaged file and answered 500 everywhere. Exit codes (docs/cli.md): a bad database
file is unreadable input (3), an unreachable server its own code (4). `serve` refuses to start."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import click
import pytest
import typer.main

from paths import EXAMPLES
from zhibiao.cli import app, main

UNREACHABLE = "postgresql+psycopg://zhibiao@127.0.0.1:1/nowhere"

# every command taking --db, with the rest of a valid command line ({tmp}: a scratch folder)
COMMANDS = {
    ("ingest",): ["ingest", str(EXAMPLES / "huzhou_2024_plan.txt"), "-q"],
    ("reindex",): ["reindex"],
    ("import-actuals",): ["import-actuals", "{tmp}/actuals.csv"],
    ("targets",): ["targets"],
    ("status",): ["status", "-r", "湖州市", "-y", "2024"],
    ("override",): ["override", "-r", "湖州市", "-y", "2024", "-t", "gdp_growth", "-s", "missed", "--reason", "x"],
    ("export",): ["export", "{tmp}/out.csv"],
    ("cite",): ["cite", "-r", "湖州市", "-y", "2024"],
    ("report",): ["report", "{tmp}/r.docx", "-r", "湖州市", "-y", "2024"],
    ("snapshot",): ["snapshot"],
    ("serve",): ["serve", "--port", "1"],  # never reached: the database is refused first
    ("compare", "years"): ["compare", "years", "-r", "湖州市", "-y", "2025"],
    ("compare", "regions"): ["compare", "regions", "-i", "gdp_growth", "-y", "2024"],
    ("compare", "levels"): ["compare", "levels", "-r", "浙江省", "-y", "2024"],
    ("document", "region"): ["document", "region", "1", "330500"],
    ("document", "year"): ["document", "year", "1", "2024"],
}


def _commands_with_db():
    def walk(c, prefix=()):
        subs = getattr(c, "commands", None)
        if subs:
            for name, sub in subs.items():
                yield from walk(sub, prefix + (name,))
        elif any("--db" in (getattr(p, "opts", None) or []) for p in c.params):
            yield prefix
    return set(walk(typer.main.get_command(app)))


def test_every_command_with_a_database_is_covered():
    assert _commands_with_db() == set(COMMANDS), "add the new command's arguments to COMMANDS"


@pytest.fixture(scope="module")
def good_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dbs")
    db = folder / "good.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(db), "-q"]) == 0
    import sqlite3

    with sqlite3.connect(db) as conn:  # everything in the file itself (not in its write-ahead log)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _bad(kind: str, good, folder) -> str:
    path = folder / f"{kind}.db"
    if kind == "not_sqlite":
        path.write_text("序号\t指标名称\n1\t地区生产总值\n", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[:50_000])
    elif kind == "damaged":
        data = bytearray(good.read_bytes())
        for at in range(4096, len(data), 4096 * 7):  # scribble over a page in seven
            data[at + 100:at + 2100] = os.urandom(2000)
        path.write_bytes(bytes(data))
    elif kind == "folder":
        path.mkdir()
    return str(path)


def _run(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("kind", ["not_sqlite", "truncated", "folder"])
@pytest.mark.parametrize("command", sorted(COMMANDS), ids=lambda c: "-".join(c))
def test_a_bad_database_file_is_one_line_and_exit_3(command, kind, good_db, tmp_path, capsys):
    (tmp_path / "actuals.csv").write_text("region,indicator,year,value\n湖州市,gdp_growth,2024,6\n", encoding="utf-8")
    db = _bad(kind, good_db, tmp_path)
    argv = [a.format(tmp=tmp_path) for a in COMMANDS[command]] + ["--db", db]
    code, err = _run(argv, capsys)
    assert code == 3, (argv, err)
    assert err.count("\n") == 1 and db in err and "Traceback" not in err, err


@pytest.mark.parametrize("command", sorted(COMMANDS), ids=lambda c: "-".join(c))
def test_an_unreachable_server_is_one_line_and_exit_4(command, tmp_path, capsys):
    (tmp_path / "actuals.csv").write_text("region,indicator,year,value\n湖州市,gdp_growth,2024,6\n", encoding="utf-8")
    argv = [a.format(tmp=tmp_path) for a in COMMANDS[command]] + ["--db", UNREACHABLE]
    code, err = _run(argv, capsys)
    assert code == 4, (argv, err)
    assert err.count("\n") == 1 and "127.0.0.1:1/nowhere" in err and "Traceback" not in err, err


def test_a_damaged_file_is_reported_where_it_is_read_and_serve_refuses_it(good_db, tmp_path, capsys):
    db = _bad("damaged", good_db, tmp_path)
    code, err = _run(["serve", "--db", db, "--port", "1"], capsys)
    assert code == 3 and "damaged" in err and err.count("\n") == 1, err
    # a command reading the damaged pages: one line too (found in the middle of the command)
    code, err = _run(["export", str(tmp_path / "all.csv"), "--db", db], capsys)
    assert code in (0, 3) and "Traceback" not in err
    if code == 3:
        assert err.count("\n") == 1 and db in err


def _make_read_only(path) -> bool:
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        return True
    return shutil.which("chattr") is not None and subprocess.run(
        ["chattr", "+i", str(path)], capture_output=True).returncode == 0


def test_a_read_only_database_is_read_and_refuses_writes_in_one_line(good_db, tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "ro.db"
    db.write_bytes(good_db.read_bytes())
    if not _make_read_only(db):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    try:
        code, err = _run(["status", "-r", "湖州市", "-y", "2024", "--db", str(db)], capsys)
        assert code == 0 or (code == 3 and "read-only" in err and err.count("\n") == 1), err
        code, err = _run(["override", "-r", "湖州市", "-y", "2024", "-t", "gdp_growth", "-s", "missed", "--reason", "x",
                          "--db", str(db)], capsys)
        assert code == 3 and "read-only" in err and str(db) in err and err.count("\n") == 1, err
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(db)], capture_output=True)
        else:
            folder.chmod(0o755)
            db.chmod(0o644)


def test_the_installed_command_prints_no_traceback(tmp_path):
    """The real console entry point, as a user runs it."""
    db = tmp_path / "x.db"
    db.write_text("not a database", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "zhibiao", "status", "-r", "湖州市", "-y", "2024", "--db", str(db)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 3 and r.stderr.strip().startswith("error:") and r.stderr.count("\n") == 1, r.stderr

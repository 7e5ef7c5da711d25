"""A command that writes to a SQLite file another program is writing to says so at once, waits,
and fails with one line if the other program does not finish — not a silent minute, then an error."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer

from paths import EXAMPLES

HOLD = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
c.execute("CREATE TABLE IF NOT EXISTS held (x)")
print("locked", flush=True)
sys.stdin.readline()  # held until the test says so
c.execute("COMMIT")
"""


def _hold(path):
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True)
    assert p.stdout.readline().strip() == "locked"
    return p


def _release(holder):
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=30)


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "z.db"
    r = subprocess.run([sys.executable, "-m", "zhibiao", "ingest", str(EXAMPLES / "huzhou_2025_plan.txt"), "--db",
                        str(path), "-q"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return path


def test_ingest_says_at_once_that_it_waits_then_goes_on(db_path):
    holder = _hold(db_path)
    ingest = subprocess.Popen([sys.executable, "-m", "zhibiao", "ingest", str(EXAMPLES / "taizhou_2025_work_report.txt"),
                               "--db", str(db_path), "-q", "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    try:
        first = ingest.stderr.readline()  # said while the other program still holds the lock
    finally:
        _release(holder)
    out, rest = ingest.communicate(timeout=120)
    assert first.startswith(f"waiting: {db_path} is being written by another program"), first + rest
    assert ingest.returncode == 0, rest
    assert json.loads(out)["documents"]["new"] == 1


def test_a_lock_not_released_is_one_line_after_the_wait(db_path, capsys):
    from zhibiao.cli.data import _wait_for_writers
    from zhibiao.store import Database

    db = Database.open(db_path)
    assert not db.write_locked()
    holder = _hold(db_path)
    try:
        assert db.write_locked()
        with pytest.raises(typer.Exit) as exit_:
            _wait_for_writers(db, seconds=0.5)
    finally:
        _release(holder)
        db.dispose()
    assert exit_.value.exit_code == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("waiting: ") and err[1] == (f"error: {db_path}: the database is still locked by another "
                                                         "program after 0.5 s; try again when it has finished")

"""Opening a SQLite database must not drop the locks this process holds on it.

Closing any descriptor of a file drops every POSIX lock the process holds on that file. When
``Database.open`` read the file's header with ``open()``, a server's connections lost their locks
on opening it; another process (``zhibiao snapshot``) closing its last connection then believed
itself the only user, checkpointed and deleted the write-ahead log while the server still wrote
to it — the damaged national benchmark database (benchmarks/RESULTS.md §4)."""
from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from zhibiao.store import Database

OTHER_PROCESS = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM documents").fetchall()
conn.close()
"""


def test_another_process_closing_does_not_delete_the_log_a_server_writes(tmp_path):
    path = tmp_path / "z.db"
    server = Database.open(path)  # its pooled connection stays open, as a server's does
    with server.engine.begin() as conn:  # a write in the log, not yet checkpointed
        conn.execute(text("CREATE TABLE probe (x INTEGER)"))
        conn.execute(text("INSERT INTO probe VALUES (1)"))
    assert (tmp_path / "z.db-wal").exists()
    Database.open(path).dispose()  # the server (or a command in it) opens the database again: its check runs
    subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(path)], check=True)
    # the other process was not the last user: the log the server's connection reads stays
    assert (tmp_path / "z.db-wal").exists()
    with server.engine.begin() as conn:
        conn.execute(text("INSERT INTO probe VALUES (2)"))
    with server.engine.connect() as conn:
        assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
        assert conn.execute(text("SELECT count(*) FROM probe")).scalar() == 2
    server.dispose()

"""The real command, as a user runs it: ``python -m zhibiao ARGS`` in a fresh process, its answer in
the default language (``ZHIBIAO_LANG`` unset) unless a test sets one."""
from __future__ import annotations

import os
import subprocess
import sys


def zb(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "ZHIBIAO_LANG": "", **(env or {})})


def ingested(folder, texts: dict[str, str]) -> str:
    """``texts`` (file name → text) written in ``folder`` and ingested by the real command into a new database
    there, whose path is returned: the documents a test reads back through the commands."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = str(folder / "z.db")
    result = zb("ingest", str(folder), "--db", path, "-q")
    assert result.returncode == 0, result.stderr
    return path

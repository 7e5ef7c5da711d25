"""`zhibiao serve --workers N`: N processes behind one port, on SQLite and PostgreSQL. A document
uploaded through one worker is seen by every request after it, whichever worker answers, and
stopping the server stops every worker."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES

TOKEN = "workers-test-token"


def _port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def _workers(pid: int) -> set[int]:
    found = set()
    for p in _descendants(pid):
        try:
            cmd = Path(f"/proc/{p}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmd:
            found.add(p)
    return found


@pytest.fixture
def server(db_url, tmp_path):  # noqa: F811
    from zhibiao.store import Database
    from zhibiao.ingest import ingest

    db = Database.open(db_url)
    ingest(db, [EXAMPLES / "huzhou_2025_plan.txt", EXAMPLES / "huzhou_2025_work_report.txt"])
    db.dispose()
    port = _port()
    env = dict(os.environ, ZHIBIAO_TOKEN=TOKEN, ZHIBIAO_UPLOAD_DIR=str(tmp_path / "uploads"))
    proc = subprocess.Popen([sys.executable, "-m", "zhibiao", "serve", "--db", db_url, "--port", str(port),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/v1/openapi.json", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)
        # both workers are up before the test reads from them
        for _ in range(300):
            if len(_workers(proc.pid)) == 2:
                break
            time.sleep(0.1)
        yield proc, base
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_two_workers_serve_the_same_database_and_see_each_others_writes(server, tmp_path):
    proc, base = server
    workers = _workers(proc.pid)
    assert len(workers) == 2
    with httpx.Client(base_url=base, timeout=30) as client:
        before = client.get("/api/v1/status", params={"region": "湖州市", "year": 2025}).json()
        assert before["targets"], "the plan notice's targets are served"
        # an upload through whichever worker takes it
        upload = EXAMPLES / "taizhou_2025_work_report.txt"
        r = client.post("/api/v1/documents", headers={"authorization": f"Bearer {TOKEN}"},
                        files={"file": (upload.name, upload.read_bytes(), "text/plain")})
        assert r.status_code in (200, 201), r.text
        doc_id = r.json()["id"]
        # many requests after it: every one (whichever worker answers) sees the new document
        for _ in range(20):
            assert client.get(f"/api/v1/documents/{doc_id}").status_code == 200
        listed = client.get("/api/v1/documents", params={"region": "台州市"}).json()["rows"]
        assert [d["id"] for d in listed] == [doc_id]
        # the same scorecard from every worker
        for _ in range(10):
            assert client.get("/api/v1/status", params={"region": "湖州市", "year": 2025}).json() == before
    # stopping the server stops its workers
    os.kill(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)
    deadline = time.time() + 15
    while time.time() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    assert not any(Path(f"/proc/{w}").exists() and b"spawn_main" in Path(f"/proc/{w}/cmdline").read_bytes()
                   for w in workers)


def test_the_token_stays_out_of_the_command_line(server):
    """Given by environment, the token never shows in any process's arguments (ps)."""
    proc, _base = server
    for pid in {proc.pid} | _descendants(proc.pid):
        try:
            assert TOKEN.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
        except FileNotFoundError:
            continue


def test_settings_a_worker_loads_are_the_parents(monkeypatch):
    """What `serve --workers` hands its workers (the environment) loads back as the same settings."""
    from zhibiao.settings import Settings

    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if not k.startswith("ZHIBIAO_")})
    parent = Settings.load(database="postgresql+psycopg://u:secret@db.internal/zb", port=9001, workers=3,
                           token="t0ken", catalog=("a.yaml", "b.yaml"), max_upload_mb=7.5, lang="en")
    parent.export()
    assert Settings.load() == parent

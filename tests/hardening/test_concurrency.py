"""Two ingests and a running server on one database while documents are added and deleted
through the API: no error, no lost or duplicated document (SQLite and PostgreSQL)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
from sqlalchemy import func, select

from dbs import check_invariants, db_url  # noqa: F401  (fixture)
from zhibiao.store import Database
from zhibiao.store.schema import DocumentRow

PLAN = ("某县人民政府关于下达{y}年德清县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n{y}年主要目标\n\n"
        "序号\t指标名称\t{y}年目标\n1\t地区生产总值增长\t{v}%左右\n2\t城镇调查失业率\t5%以内\n")


def _port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def test_ingests_and_server_together(tmp_path, db_url):
    folders = []
    for k in range(2):
        f = tmp_path / f"batch{k}"
        f.mkdir()
        for i in range(15):
            (f / f"p{i}.txt").write_text(PLAN.format(y=2010 + i, v=f"{k}.{i}"), encoding="utf-8")
        folders.append(f)
    Database.open(db_url)
    port = _port()
    env = {**os.environ, "ZHIBIAO_TOKEN": "t"}
    server = subprocess.Popen([sys.executable, "-m", "zhibiao", "serve", "--db", db_url, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30, headers={"authorization": "Bearer t"}) as client:
            for _ in range(150):
                try:
                    client.get("/api/v1/documents")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            ingests = [subprocess.Popen([sys.executable, "-m", "zhibiao", "ingest", str(f), "--db", db_url, "--quiet"],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in folders + folders[:1]]
            uploaded = []
            for i in range(6):  # the server writes too, while the ingests run
                files = {"file": (f"web{i}.txt", PLAN.format(y=2040 + i, v=i).encode(), "text/plain")}
                r = client.post("/api/v1/documents", files=files)
                assert r.status_code == 200, r.text
                uploaded.append(r.json()["id"])
                read = client.get("/api/v1/status", params={"region": "德清县", "year": 2010})
                # (answered while the ingests write: the year's targets, or — not stored yet — the no-targets 404)
                assert read.status_code == 200 or read.json().get("error") == "no_targets", read.text
            for doc_id in uploaded[:3]:
                assert client.delete(f"/api/v1/documents/{doc_id}").status_code == 200
            codes = [p.wait(timeout=180) for p in ingests]
            assert codes == [0, 0, 0], [p.stderr.read().decode()[-500:] for p in ingests]
            listed = client.get("/api/v1/documents", params={"_size": 1000}).json()["rows"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    db = Database.open(db_url)
    check_invariants(db)
    assert len(listed) == 30 + 3
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 33

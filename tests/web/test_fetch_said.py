""""Add by address" speaks the page's language (``?lang=zh``, as the upload page asks): an address
refused, no address, too many waiting jobs, a list out of bounds, a wrong token, and a job's own
failure — its words translated, the technical detail after them; without ``lang`` the API keeps its
English (and a validation error its list). Real SQLite, the real app, a real job."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from zhibiao.store import Database
from zhibiao.web.app import create_app

TOKEN = "s" * 32
AUTH = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(Database.open(tmp_path / "f.db"), token=TOKEN)) as c:
        yield c


def _refused(client, urls, lang=None, auth=AUTH):
    r = client.post("/api/v1/fetch", params={"lang": lang} if lang else {}, json={"urls": urls}, headers=auth)
    assert r.status_code in (401, 422, 429), r.text
    return r.status_code, r.json()["detail"]


def test_a_refused_address_list_is_said_in_the_page_s_language(client):
    assert _refused(client, ["gov.example/plan"], "zh") == (422, "'gov.example/plan'：不是 http 或 https 地址")
    assert _refused(client, ["gov.example/plan"]) == (422, "'gov.example/plan': not an http or https address")
    assert _refused(client, ["  "], "zh") == (422, "没有填写地址")
    assert _refused(client, ["  "]) == (422, "no address given")
    assert _refused(client, [], "zh") == (422, "网址（urls）：过少（至少 1 项）")
    assert _refused(client, ["http://a.example/"] * 101, "zh") == (422, "网址（urls）：过多（最多 100 项）")
    assert _refused(client, [], "en") == (422, "urls: List should have at least 1 item after validation, not 0")
    code, detail = _refused(client, [])  # no language asked: the API's list, as before
    assert code == 422 and detail[0]["type"] == "too_short"
    wrong = {"authorization": "Bearer wrong"}
    assert _refused(client, ["http://a.example/"], "zh", wrong) == (401, "需要有效的写入令牌（token）")
    assert _refused(client, ["http://a.example/"], None, wrong) == (401, "a valid token is required for this request")


def test_too_many_waiting_jobs_is_said_in_the_page_s_language(client):
    from zhibiao.store.jobs import create_job
    from zhibiao.web.jobs import MAX_WAITING

    db = client.app.state.zhibiao.db
    for i in range(MAX_WAITING):
        create_job(db, [f"http://wait{i}.example/"])
    assert _refused(client, ["http://a.example/"], "zh") == (429, f"已有 {MAX_WAITING} 个抓取任务在等待，请待其完成后再试")
    assert _refused(client, ["http://a.example/"])[1].startswith(f"{MAX_WAITING} fetching jobs are already waiting")


def test_a_job_s_own_failure_is_translated_with_its_detail_after(client, monkeypatch):
    monkeypatch.setenv("ZHIBIAO_FETCH_NETWORKS", "no-such-network")  # a bad setting: the whole job stops
    r = client.post("/api/v1/fetch", json={"urls": ["http://a.example/plan.html"]}, headers=AUTH)
    assert r.status_code == 202, r.text
    url = r.json()["url"]
    deadline = time.monotonic() + 30
    while (job := client.get(url).json())["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert job["state"] == "failed"
    assert job["error"].startswith("internal error, the job stopped: InputError: ZHIBIAO_FETCH_NETWORKS"), job
    zh = client.get(url, params={"lang": "zh"}).json()["error"]
    assert zh.startswith("内部错误，任务已中止：InputError: ZHIBIAO_FETCH_NETWORKS"), zh


def test_an_interrupted_job_is_said_in_the_page_s_language(client):
    from datetime import timedelta

    from sqlalchemy import update

    from zhibiao.store.jobs import create_job, now
    from zhibiao.store.tables import fetch_jobs

    db = client.app.state.zhibiao.db
    job = create_job(db, ["http://a.example/"])
    with db.engine.begin() as conn:  # a job "running" since two hours: cut short by a stopped server
        conn.execute(update(fetch_jobs).where(fetch_jobs.c.id == job["id"]).values(
            state="running", created_at=now() - timedelta(hours=2)))
    said = client.get(f"/api/v1/jobs/{job['id']}", params={"lang": "zh"}).json()
    assert said["state"] == "failed" and said["error"] == "已中断：任务完成前服务器已停止"

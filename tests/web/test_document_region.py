"""A document whose region could not be read (none named, or a name two regions bear: 朝阳区) can
be given one by a reviewer on its page (user-journey red team, session 29, 7.3): a name of the
region registry or a code, with the write token; a name several regions bear answers with the
candidates. The choice is kept as a correction of the document: it survives re-extraction and a
new ingest of the same bytes. And `zhibiao catalog regions 朝阳区` lists the candidates. Documents
written for these tests, real SQLite, the real app and CLI."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from zhibiao.web.app import create_app

TOKEN = "region-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
CHAOYANG = ("朝阳区2024年政府工作报告\n——2024年1月8日在朝阳区第十七届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
            "今年全区经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇调查失业率控制在5%以内。\n")
MOON = "月亮市2024年政府工作报告\n二、2024年主要预期目标\n今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"


@pytest.fixture
def db(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    (tmp_path / "chaoyang.txt").write_text(CHAOYANG, encoding="utf-8")
    (tmp_path / "moon.txt").write_text(MOON, encoding="utf-8")
    d = Database.open(tmp_path / "r.db")
    ingest(d, [tmp_path / "chaoyang.txt", tmp_path / "moon.txt"])
    d.files = tmp_path
    return d


def _doc(client, title_word: str) -> dict:
    return next(d for d in client.get("/api/v1/documents").json()["rows"] if title_word in d["title"])


def test_the_registry_lists_every_region_a_name_could_mean():
    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    assert [c.code for c in reg.candidates("朝阳区")] == ["110105", "220104"]
    assert reg.place(reg.by_code("220104")) == "吉林省 长春市"
    assert reg.candidates("月亮市") == []


def test_catalog_regions_lists_the_candidates_of_an_ambiguous_name():
    run = subprocess.run([sys.executable, "-m", "zhibiao", "catalog", "regions", "朝阳区"], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "朝阳区 110105 (北京市)" in run.stderr and "朝阳区 220104 (吉林省 长春市)" in run.stderr
    run = subprocess.run([sys.executable, "-m", "zhibiao", "catalog", "regions", "朝阳区", "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    out = json.loads(run.stdout)
    assert out["error"] == "ambiguous" and [c["code"] for c in out["candidates"]] == ["110105", "220104"]


def test_a_reviewer_sets_a_documents_region_and_it_stays(db):
    from zhibiao.ingest import ingest, reindex

    c = TestClient(create_app(db, token=TOKEN))
    doc = _doc(c, "朝阳区")
    assert doc["region"]["code"] is None
    url = f"/api/v1/documents/{doc['id']}/region"
    assert c.post(url, json={"region": "110105"}).status_code == 401  # a reviewer's action: the token
    ambiguous = c.post(url, json={"region": "朝阳区"}, headers=AUTH)
    assert ambiguous.status_code == 409
    assert [x["code"] for x in ambiguous.json()["candidates"]] == ["110105", "220104"]
    assert c.post(url, json={"region": "月亮市"}, headers=AUTH).status_code == 404
    done = c.post(url, json={"region": "110105", "who": "审核员"}, headers=AUTH)
    assert done.status_code == 200 and done.json()["region"]["name"] == "朝阳区"
    status = c.get("/api/v1/status", params={"region": "110105", "year": 2024}).json()
    assert {t["indicator"] for t in status["targets"]} == {"gdp_growth", "surveyed_unemployment"}
    needing = [d["id"] for d in c.get("/api/v1/documents/needing-review").json()["rows"]]
    assert doc["id"] not in needing and _doc(c, "月亮市")["id"] in needing
    # kept apart from the extraction: a re-extraction, and a new ingest of the same bytes, keep it
    reindex(db, everything=True)
    assert c.get(f"/api/v1/documents/{doc['id']}").json()["region"]["code"] == "110105"
    assert c.delete(f"/api/v1/documents/{doc['id']}", headers=AUTH).status_code == 200
    ingest(db, [db.files / "chaoyang.txt", db.files / "moon.txt"])
    again = _doc(c, "朝阳区")
    assert again["region"]["code"] == "110105"
    assert c.get("/api/v1/targets", params={"region": "110105", "year": 2024}).json()["rows"]


def test_the_reader_offers_the_region_to_a_reviewer_only(db):
    writable = TestClient(create_app(db, token=TOKEN))
    doc = _doc(writable, "朝阳区")
    page = writable.get(f"/document/{doc['id']}?lang=zh").text
    assert '<details class="card set-region" id="set-region" open>' in page and "未能从文本中确定本文件的地区" in page
    assert "region could not be read from its text" in writable.get(f"/document/{doc['id']}?lang=en").text
    assert 'id="set-region"' not in TestClient(create_app(db)).get(f"/document/{doc['id']}").text  # read-only

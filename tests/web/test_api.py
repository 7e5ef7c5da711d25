"""The REST API against a real SQLite database of the bundled examples."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from paths import EXAMPLES
from zhibiao.web.app import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(example_db):
    return TestClient(create_app(example_db, token=TOKEN, max_upload_mb=0.05))


@pytest.fixture(scope="module")
def readonly(example_db):
    return TestClient(create_app(example_db, token=None))


AUTH = {"authorization": f"Bearer {TOKEN}"}


def test_status_matches_the_cli_json(client, example_db, capsys):
    from zhibiao.cli import main

    api = client.get("/api/v1/status", params={"region": "湖州市", "year": 2024}).json()
    main(["status", "--region", "湖州市", "--year", "2024", "--db", str(example_db.engine.url.database), "--format",
          "json"])
    cli = json.loads(capsys.readouterr().out)
    assert api == cli
    gdp = next(t for t in api["targets"] if t["indicator"] == "gdp_growth")
    assert (gdp["status"], gdp["actual"]["value"]) == ("achieved", 6.3)
    assert gdp["actual"]["document"]["title"] == gdp["actual"]["source"]
    assert "湖州市" in gdp["actual"]["source"] and "政府工作报告" in gdp["actual"]["source"]
    assert "/" not in json.dumps([t["document"] for t in api["targets"]], ensure_ascii=False)


def test_documents_pagination_and_csv(client):
    first = client.get("/api/v1/documents", params={"_size": 3}).json()
    assert len(first["rows"]) == 3 and first["next"]
    second = client.get("/api/v1/documents", params={"_size": 3, "_next": first["next"]}).json()
    ids = [r["id"] for r in first["rows"] + second["rows"]]
    assert len(ids) == len(set(ids)) == 6
    r = client.get("/api/v1/targets", params={"region": "台州市", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "地区生产总值增速" in r.text


def test_text_with_spans_points_at_the_numbers(client):
    docs = client.get("/api/v1/documents", params={"q": "湖州"}).json()["rows"]
    plan = next(d for d in docs if d["plan_year"] == 2024 and d["doc_type"] == "plan_notice")
    data = client.get(f"/api/v1/documents/{plan['id']}/text").json()
    gdp = next(s for s in data["spans"] if s["type"] == "target" and s["line"]["name"] == "地区生产总值增速")
    assert data["text"][gdp["start"]:gdp["end"]] == "6%左右"


def test_regions_indicators_compare(client):
    zj = client.get("/api/v1/regions", params={"parent": "浙江省", "with_documents": True}).json()
    assert {"湖州市", "台州市"} <= {r["name"] for r in zj["rows"] if r["has_documents"]}
    assert any(i["id"] == "cpi" for i in client.get("/api/v1/indicators", params={"q": "居民消费价格"}).json()["rows"])
    years = {r["indicator"]: r for r in client.get("/api/v1/compare/years", params={"region": "湖州市", "year": 2025})
             .json()["rows"]}
    assert years["industrial_value_added_growth"]["change"] == "lowered"
    levels = client.get("/api/v1/compare/levels", params={"region": "浙江省", "year": 2024}).json()
    assert {c["region"]["name"] for c in levels["children"] if c["targets"]} == {"湖州市", "台州市"}
    # the cities the province's breakdown table assigned targets, their own plans not stored: their assignments alone
    assert {c["region"]["name"] for c in levels["children"] if not c["targets"]} == {"杭州市", "宁波市", "温州市"}
    huzhou = next(c for c in levels["children"] if c["region"]["name"] == "湖州市")
    assert {(a["indicator"], a["allocated"]["text"], a["strictness"]) for a in huzhou["allocations"]} >= {
        ("industrial_value_added_growth", "7.5", "stricter")}
    bad = client.get("/api/v1/status", params={"region": "火星市", "year": 2024})
    assert bad.status_code == 404 and "火星市" in bad.json()["detail"] and "closest" in bad.json()["detail"]


def test_writes_need_the_token(client, readonly):
    files = {"file": ("plan.txt", "某市2025年计划".encode(), "text/plain")}
    assert readonly.post("/api/v1/documents", files=files).status_code == 403
    assert client.post("/api/v1/documents", files=files).status_code == 401
    assert client.post("/api/v1/documents", files=files, headers={"authorization": "Bearer wrong"}).status_code == 401
    assert client.delete("/api/v1/documents/1").status_code == 401
    assert client.post("/api/v1/corrections", json={"document_id": 1, "line_type": "target", "index": 0,
                                                    "action": "confirm"}).status_code == 401


def test_upload_preview_save_and_errors(client):
    text = ("嘉善县人民政府关于下达2025年嘉善县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
            "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t7%左右\n2\t城镇调查失业率\t5%以内\n")
    files = {"file": ("jiashan.txt", text.encode("gb18030"), "text/plain")}
    preview = client.post("/api/v1/extract", files=files).json()
    assert [t["name"] for t in preview["targets"]] == ["地区生产总值增长", "城镇调查失业率"]
    saved = client.post("/api/v1/documents", files=files, headers=AUTH).json()
    assert saved["status"] == "new" and saved["targets"] == 2
    again = client.post("/api/v1/documents", files=files, headers=AUTH).json()
    assert again["status"] == "unchanged"
    empty = client.post("/api/v1/documents", files={"file": ("empty.txt", b"", "text/plain")}, headers=AUTH)
    assert empty.status_code == 422 and "empty.txt" in empty.json()["detail"] and "/tmp" not in empty.json()["detail"]
    big = client.post("/api/v1/extract", files={"file": ("big.txt", b"x" * 60_000, "text/plain")})
    assert big.status_code == 413 and "limit" in big.json()["detail"]
    evil = client.post("/api/v1/extract", files={"file": ("../../etc/passwd.txt", text.encode(), "text/plain")})
    assert evil.status_code == 200 and evil.json()["document"]["source"] == "passwd.txt"  # a base name, never a path
    assert client.delete(f"/api/v1/documents/{saved['id']}", headers=AUTH).json() == {"deleted": saved["id"]}
    assert client.get(f"/api/v1/documents/{saved['id']}").status_code == 404


def test_corrections_are_kept_apart_and_shown(client):
    docs = client.get("/api/v1/documents", params={"q": "台州"}).json()["rows"]
    plan = next(d for d in docs if d["doc_type"] == "plan_notice")
    text = client.get(f"/api/v1/documents/{plan['id']}/text").json()
    idx = next(s["index"] for s in text["spans"] if s["type"] == "target" and s["line"]["name"] == "地区生产总值增速")
    r = client.post("/api/v1/corrections", headers=AUTH, json={"document_id": plan["id"], "line_type": "target",
                                                               "index": idx, "action": "correct",
                                                               "changes": {"value": 5}, "who": "审核员"})
    assert r.status_code == 200 and r.json()["correction"]["who"] == "审核员"
    bad = client.post("/api/v1/corrections", headers=AUTH, json={"document_id": plan["id"], "line_type": "target",
                                                                 "index": idx, "action": "correct",
                                                                 "changes": {"text": "x"}})
    assert bad.status_code == 422
    status = client.get("/api/v1/status", params={"region": "台州市", "year": 2024, "reviewed": True}).json()
    assert [t["indicator"] for t in status["targets"]] == ["gdp_growth"]
    line = status["targets"][0]
    assert line["value"] == 5 and line["status"] == "achieved" and line["review"]["who"] == "审核员"


def test_openapi_and_pages(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/status" in schema["paths"] and "/api/v1/documents/{doc_id}/text" in schema["paths"]
    for url in ("/", "/region/330500/2024", "/region/330500/2024?lang=en", "/indicator/gdp_growth",
                "/compare/years?region=湖州市&year=2025", "/compare/regions?indicator=gdp_growth&year=2024",
                "/compare/levels?region=浙江省&year=2024", "/upload", "/document/1"):
        r = client.get(url)
        assert r.status_code == 200, url
    assert "GDP growth" in client.get("/region/330500/2024?lang=en").text
    assert client.get("/static/plotly.min.js").status_code == 200
    assert client.get("/static/..%2Fapp.py").status_code == 404


def test_a_status_decided_by_an_estimate_says_so_beside_the_figure(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    (tmp_path / "plan.txt").write_text("眉山市2024年政府工作报告\n——2024年1月12日在眉山市第四届人民代表大会第四次会议上\n"
                                       "二、2024年主要预期目标\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；"
                                       "一般公共预算收入增长5%。\n", encoding="utf-8")
    (tmp_path / "review.txt").write_text("眉山市2025年政府工作报告\n——2025年1月10日在眉山市第四届人民代表大会第五次会议上\n"
                                         "一、2024年工作回顾\n预计全年全市地区生产总值增长6.1%。一般公共预算收入增长5.2%。\n",
                                         encoding="utf-8")
    db = Database.open(tmp_path / "e.db")
    ingest(db, [tmp_path / "plan.txt", tmp_path / "review.txt"])
    with TestClient(create_app(db)) as c:
        bases = {t["indicator"]: t["actual"]["basis"] for t in c.get("/api/v1/status", params={"region": "511400",
                                                                                             "year": 2024}).json()["targets"]}
        assert bases == {"gdp_growth": "estimate", "budget_revenue_growth": "preliminary"}
        assert c.get("/region/511400/2024").text.count('class="muted estimate-mark">（预计数）') == 1
        assert c.get("/region/511400/2024?lang=en").text.count('class="muted estimate-mark">(estimate)') == 1


def test_a_correction_of_an_actual_figure_changes_the_status(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    db = Database.open(tmp_path / "own.db")  # its own database: the module's is shared by the tests above
    ingest(db, [EXAMPLES])
    client = TestClient(create_app(db, token=TOKEN))
    before = client.get("/api/v1/status", params={"region": "湖州市", "year": 2024}).json()["targets"]
    line = next(t for t in before if t["actual"] and t["actual"]["document"] and t["status"] == "achieved"
                and t["comparator"] in (">=", "~", ">") and t["actual"]["unit"] == "%")
    doc = line["actual"]["document"]["id"]
    spans = client.get(f"/api/v1/documents/{doc}/text").json()["spans"]
    idx = next(s["index"] for s in spans if s["type"] == "actual" and s["line"]["span"] == line["actual"]["span"])
    moved = client.post("/api/v1/corrections", headers=AUTH, json={"document_id": doc, "line_type": "actual",
                                                                   "index": idx, "action": "correct",
                                                                   "changes": {"year": 2019}})
    assert moved.status_code == 422 and "import" in moved.json()["detail"]
    low = line["value"] - 3
    r = client.post("/api/v1/corrections", headers=AUTH, json={"document_id": doc, "line_type": "actual", "index": idx,
                                                               "action": "correct", "changes": {"value": low},
                                                               "who": "审核员"})
    assert r.status_code == 200
    after = next(t for t in client.get("/api/v1/status", params={"region": "湖州市", "year": 2024}).json()["targets"]
                 if t["indicator"] == line["indicator"])
    assert after["status"] == "missed" and after["actual"]["value"] == low and "审核员更正" in after["explanation"]

"""Setting a stored document's plan year — `zhibiao document year ID YEAR`, ``POST
/api/v1/documents/{id}/plan-year`` and the Python call under both (``zhibiao.ingest.set_plan_year``):
a work report that never prints its year has undated lines and counts for no year; once a reviewer
gives the year, the document is extracted again dated by it (targets of that year, results of the
year before), the choice survives a re-extraction, and a wrong year is refused with nothing
changed. Documents written for this test (own wording), real SQLite and PostgreSQL, the real command
and the real app."""
from __future__ import annotations

import json

import pytest
from clirun import zb
from dbs import db_url  # noqa: F401  (the fixture)

# a county work report that names its congress but never its year
UNDATED = ("清流县政府工作报告\n——在清流县第十八届人民代表大会第五次会议上\n一、过去一年工作回顾\n全县地区生产总值增长5.1%。\n"
           "二、今年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。\n")


@pytest.fixture
def db(tmp_path, db_url):  # (a fresh SQLite file, or a fresh PostgreSQL database: dbs.db_url)
    (tmp_path / "report.txt").write_text(UNDATED, encoding="utf-8")
    assert zb("ingest", str(tmp_path / "report.txt"), "--db", db_url, "-q").returncode == 0
    return db_url


def _lines(db: str) -> tuple[list, list]:
    targets = json.loads(zb("targets", "--db", db, "-f", "json").stdout)
    from sqlalchemy import select

    from zhibiao.store import Database
    from zhibiao.store.tables import observations

    d = Database.open(db)
    try:
        with d.engine.connect() as conn:
            actuals = [tuple(r) for r in conn.execute(select(observations.c.indicator, observations.c.year))]
    finally:
        d.engine.dispose()
    return [(t["indicator"], t["year"]) for t in targets], actuals


def test_a_plan_year_set_dates_every_line_and_survives_reextraction(db):
    targets, actuals = _lines(db)
    assert {y for _i, y in targets} == {None} and ("gdp_growth", None) in actuals  # undated: no year's status
    doc = json.loads(zb("targets", "--db", db, "-f", "json").stdout)[0]["document_id"]
    out = zb("document", "year", str(doc), "2024", "--db", db, "--who", "审核员")
    assert out.returncode == 0, out.stderr
    assert "None → 2024" not in out.stdout and "（无） → 2024" in out.stdout and "目标 2 条" in out.stdout
    targets, actuals = _lines(db)
    assert sorted(targets) == [("gdp_growth", 2024), ("surveyed_unemployment", 2024)]
    assert ("gdp_growth", 2023) in actuals  # the review is of the year before
    assert zb("status", "-r", "清流县", "-y", "2024", "--db", db).returncode == 0
    # every stored document extracted again (a newer extractor): the reviewer's year holds
    assert zb("reindex", "--all", "--db", db).returncode == 0
    assert sorted(_lines(db)[0]) == [("gdp_growth", 2024), ("surveyed_unemployment", 2024)]
    # JSON, English, a later change of mind
    en = zb("document", "year", str(doc), "2025", "--db", db, "--lang", "en", "-f", "json")
    assert json.loads(en.stdout) == {"document_id": doc, "before": 2024, "plan_year": 2025,
                                     "region": "350423", "targets": 2, "actuals": 1}  # (清流县)
    assert sorted(_lines(db)[0]) == [("gdp_growth", 2025), ("surveyed_unemployment", 2025)]


def test_a_wrong_year_or_document_is_one_line_and_changes_nothing(db):
    doc = json.loads(zb("targets", "--db", db, "-f", "json").stdout)[0]["document_id"]
    for args in (("document", "year", str(doc), "20245"), ("document", "year", str(doc + 99), "2024")):
        r = zb(*args, "--db", db)
        assert r.returncode != 0 and "Traceback" not in r.stderr and r.stderr.strip().count("\n") <= 2, r.stderr
    assert {y for _i, y in _lines(db)[0]} == {None}


def test_the_api_sets_the_year_with_a_token_and_refuses_without(tmp_path):
    from fastapi.testclient import TestClient

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    (tmp_path / "report.txt").write_text(UNDATED, encoding="utf-8")
    db = Database.open(tmp_path / "z.db")
    assert ingest(db, [tmp_path / "report.txt"]).count("failed") == 0
    client = TestClient(create_app(db, token="secret"))
    doc = client.get("/api/v1/documents").json()["rows"][0]["id"]
    assert client.post(f"/api/v1/documents/{doc}/plan-year", json={"plan_year": 2024}).status_code == 401
    bad = client.post(f"/api/v1/documents/{doc}/plan-year", json={"plan_year": 1200},
                      headers={"authorization": "Bearer secret"})
    assert bad.status_code == 422
    ok = client.post(f"/api/v1/documents/{doc}/plan-year", json={"plan_year": 2024, "who": "审核员"},
                     headers={"authorization": "Bearer secret"})
    assert ok.status_code == 200 and ok.json()["plan_year"] == 2024 and ok.json()["targets"] == 2
    assert client.get(f"/api/v1/documents/{doc}").json()["plan_year"] == 2024
    assert {t["year"] for t in client.get("/api/v1/targets").json()["rows"]} == {2024}
    missing = client.post("/api/v1/documents/999/plan-year", json={"plan_year": 2024},
                          headers={"authorization": "Bearer secret"})
    assert missing.status_code == 404


def test_extract_dates_a_file_by_the_plan_year_given(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(UNDATED, encoding="utf-8")
    plain = json.loads(zb("extract", str(report), "-f", "json").stdout)
    assert plain["document"]["plan_year"] is None and {t["year"] for t in plain["targets"]} == {None}
    given = json.loads(zb("extract", str(report), "-f", "json", "--plan-year", "2024").stdout)
    assert given["document"]["plan_year"] == 2024 and {t["year"] for t in given["targets"]} == {2024}
    assert {a["year"] for a in given["actuals"]} == {2023} and not given["warnings"]
    assert "plan year 2024" in zb("extract", str(report), "--plan-year", "2024").stdout

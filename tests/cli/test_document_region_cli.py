"""`zhibiao document region ID REGION`: the CLI sets a document's region as the reader page and
``POST /api/v1/documents/{id}/region`` do — the same read model call, so the same answers: a name
several regions bear (朝阳区) lists the candidates to choose from by code (text in zh/en, JSON as the
API's 409), an unknown one names the closest; the choice is kept (status, a re-extraction) and the
status snapshot follows. Documents written for this test (own wording), real SQLite and
PostgreSQL, the real command."""
from __future__ import annotations

import json

import pytest
from clirun import zb
from dbs import db_url  # noqa: F401  (the fixture)

CHAOYANG = ("朝阳区2024年政府工作报告\n——2024年1月9日在朝阳区第十七届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
            "今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长4%。\n")


@pytest.fixture
def db(tmp_path, db_url):  # (a fresh SQLite file, or a fresh PostgreSQL database: dbs.db_url)
    (tmp_path / "chaoyang.txt").write_text(CHAOYANG, encoding="utf-8")
    assert zb("ingest", str(tmp_path / "chaoyang.txt"), "--db", db_url, "-q").returncode == 0
    return db_url


def _snapshot_lines(db: str, code: str) -> int:
    from sqlalchemy import func, select

    from zhibiao.store import Database
    from zhibiao.store.tables import status_snapshot

    d = Database.open(db)
    try:
        with d.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(status_snapshot)
                               .where(status_snapshot.c.region_code == code))
    finally:
        d.engine.dispose()


def _doc_id(db: str) -> int:
    return json.loads(zb("targets", "--db", db, "-f", "json").stdout)[0]["document_id"]


def test_an_ambiguous_name_lists_the_candidates_and_stores_nothing(db):
    doc = _doc_id(db)
    assert zb("status", "-r", "110105", "-y", "2024", "--db", db).returncode == 1  # counts for no region yet
    zh = zb("document", "region", str(doc), "朝阳区", "--db", db)
    assert zh.returncode == 1 and "Traceback" not in zh.stderr
    assert zh.stderr.strip() == ("error: 有多个地区名为“朝阳区”：朝阳区 110105（北京市）；朝阳区 220104（吉林省 长春市）；"
                                 "请用代码指定")
    en = zb("document", "region", str(doc), "朝阳区", "--db", db, "--lang", "en")
    assert en.returncode == 1
    assert "names several regions: 朝阳区 110105 (北京市); 朝阳区 220104 (吉林省 长春市); give the code" in en.stderr
    js = zb("document", "region", str(doc), "朝阳区", "--db", db, "-f", "json")
    assert js.returncode == 1
    body = json.loads(js.stdout)  # the API's 409 body
    assert body["error"] == "ambiguous" and [c["code"] for c in body["candidates"]] == ["110105", "220104"]
    assert body["candidates"][1]["place"] == "吉林省 长春市"
    unknown = zb("document", "region", str(doc), "月亮市", "--db", db)
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: no region is called '月亮市'")
    missing = zb("document", "region", "999", "110105", "--db", db)
    assert missing.returncode == 1 and missing.stderr.strip() == "error: no document 999"
    assert zb("status", "-r", "110105", "-y", "2024", "--db", db).returncode == 1  # nothing stored


def test_a_code_sets_the_region_and_it_stays(db):
    doc = _doc_id(db)
    zh = zb("document", "region", str(doc), "110105", "--who", "审核员", "--db", db)
    assert zh.returncode == 0, zh.stderr
    assert zh.stdout.strip() == f"文件 #{doc}《朝阳区2024年政府工作报告》的地区：（无） → 朝阳区 110105（北京市）"
    status = zb("status", "-r", "110105", "-y", "2024", "--db", db, "-f", "json")
    assert status.returncode == 0 and {t["indicator"] for t in json.loads(status.stdout)["targets"]} == {
        "gdp_growth", "budget_revenue_growth"}
    assert _snapshot_lines(db, "110105") == 2  # v_status follows at once, as after the web's write
    en = zb("document", "region", str(doc), "220104", "--db", db, "--lang", "en")
    assert en.stdout.strip() == (f"document #{doc} 朝阳区2024年政府工作报告: region 朝阳区 110105 → 朝阳区 220104 "
                                 "(吉林省 长春市)")
    assert _snapshot_lines(db, "110105") == 0  # the region it left has no lines any more
    js = zb("document", "region", str(doc), "110105", "--db", db, "-f", "json")
    assert json.loads(js.stdout) == {"document_id": doc, "before": "220104", "region": {
        "name": "朝阳区", "level": "county", "code": "110105", "parent": "北京市", "place": "北京市"}}
    assert zb("reindex", "--db", db, "--all").returncode == 0  # a correction of the document: re-extraction keeps it
    assert zb("status", "-r", "110105", "-y", "2024", "--db", db).returncode == 0


def test_status_names_the_documents_needing_review_by_id(db, tmp_path):
    doc = _doc_id(db)
    other = str(tmp_path / "sn.txt")
    with open(other, "w", encoding="utf-8") as fh:
        fh.write("遂宁市2024年政府工作报告\n二、2024年主要预期目标\n今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右。\n")
    assert zb("ingest", other, "--db", db, "-q").returncode == 0
    zh = zb("status", "-r", "遂宁市", "-y", "2024", "--db", db)
    assert f"朝阳区2024年政府工作报告 #{doc}" in zh.stdout and "zhibiao document region" in zh.stdout
    en = zb("status", "-r", "遂宁市", "-y", "2024", "--db", db, "--lang", "en")
    assert f"documents needing review (no plan year or region; set a region: zhibiao document region ID REGION): " \
           f"朝阳区2024年政府工作报告 #{doc}" in en.stdout

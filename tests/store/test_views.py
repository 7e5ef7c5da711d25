"""The database as a data source: the SQL views with readable columns, read the ways
docs/sql.md shows (pandas.read_sql, Datasette, a read-only connection as a spreadsheet's), on
SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES


def zb(*args):
    return subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def ingested(db_url):  # noqa: F811
    r = zb("ingest", str(EXAMPLES), "--db", db_url, "-q")
    assert r.returncode == 0, r.stderr
    return db_url


def _url(db):
    return db if "://" in db else f"sqlite:///{db}"


def test_views_have_readable_columns_and_the_statuses_of_zhibiao_status(ingested):
    engine = create_engine(_url(ingested))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT indicator, target, status, actual, target_document, actual_document "
                                 "FROM v_status WHERE region = '湖州市' AND year = 2024 ORDER BY line_no")).all()
        t = conn.execute(text("SELECT region, parent_region, indicator, indicator_en, target, document, doc_number "
                              "FROM v_targets WHERE region_code = '330500' AND year = 2024 AND indicator_id = 'gdp_growth'"
                              )).first()
        docs = conn.execute(text("SELECT title, region, year, targets FROM v_documents ORDER BY document_id")).all()
        actual = conn.execute(text("SELECT region, indicator, actual, source FROM v_actuals "
                                   "WHERE region_code = '330500' AND indicator_id = 'gdp_growth' AND year = 2024")).first()
    engine.dispose()
    status = json.loads(zb("status", "-r", "湖州市", "-y", "2024", "--db", ingested, "-f", "json").stdout)
    assert [(r[1], r[2]) for r in rows] == [(x["text"], x["status"]) for x in status["targets"]]
    gdp = next(r for r in rows if r[0] == "地区生产总值增长")
    assert gdp[3:] == ("增长6.3%", "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知", "政府工作报告")
    assert tuple(t) == ("湖州市", "浙江省", "地区生产总值增长", "GDP growth", "6%左右",
                        "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知", "湖政发〔2024〕3号")
    assert len(docs) == 7 and docs[0][1:] == ("湖州市", 2024, 22)
    assert actual == ("湖州市", "地区生产总值增长", "增长6.3%", "政府工作报告")


def test_snapshot_follows_an_import(ingested, tmp_path):
    csv = tmp_path / "bureau.csv"
    csv.write_text("region,indicator,year,value,unit,source\n湖州市,pm25,2024,25,微克/立方米,统计局\n", "utf-8")
    assert zb("import-actuals", str(csv), "--db", ingested).returncode == 0
    engine = create_engine(_url(ingested))
    with engine.connect() as conn:
        row = conn.execute(text("SELECT status, actual FROM v_status WHERE region_code = '330500' AND year = 2024 "
                                "AND indicator_id = 'pm25'")).one()
    engine.dispose()
    status = json.loads(zb("status", "-r", "湖州市", "-y", "2024", "--db", ingested, "-f", "json").stdout)
    pm25 = next(x for x in status["targets"] if x["indicator"] == "pm25")
    assert row == (pm25["status"], pm25["actual"]["text"])
    assert zb("snapshot", "--db", ingested, "-f", "json").stdout.strip() == '{"lines": 76}'


def test_pandas_read_sql(ingested):
    pd = pytest.importorskip("pandas")
    engine = create_engine(_url(ingested))
    df = pd.read_sql("SELECT region, year, indicator, target, status FROM v_status", engine)
    engine.dispose()
    assert {"湖州市", "台州市", "浙江省"} <= set(df["region"])
    assert (df.groupby("region")["status"].apply(lambda s: (s == "achieved").sum())["湖州市"]) >= 1


def test_datasette_and_a_read_only_connection(ingested):
    if "://" in ingested:
        pytest.skip("Datasette and spreadsheet drivers read SQLite files")
    datasette_app = pytest.importorskip("datasette.app")
    ds = datasette_app.Datasette([ingested])
    name = next(iter(ds.databases.keys() - {"_internal", "_memory"}))

    async def fetch():
        r = await ds.client.get(f"/{name}/v_status.json?region=湖州市&year=2024&_shape=array")
        return r.status_code, r.json()

    code, rows = asyncio.run(fetch())
    assert code == 200 and rows and {"region", "indicator", "status", "target_document"} <= set(rows[0])
    conn = sqlite3.connect(f"file:{ingested}?mode=ro", uri=True)  # as a spreadsheet's ODBC driver opens it
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    conn.close()
    assert {"v_documents", "v_targets", "v_actuals", "v_status"} <= names


def test_an_ingest_finishes_the_snapshot_an_interrupted_one_left(tmp_path):
    """A Ctrl-C'd ingest stored its documents but never refreshed the snapshot; the re-run finds
    them unchanged and must still bring v_status up to date (not only for what it stored)."""
    from zhibiao.ingest import ingest, iter_files
    from zhibiao.store import Database

    path = tmp_path / "z.db"
    db = Database.open(path)
    # what the interrupted run stored, without its refresh: the province, which no city's document refreshes
    ingest(db, iter_files([str(p) for p in sorted(EXAMPLES.glob("zhejiang_*")) if p.suffix != ".jsonl"]))
    db.dispose()
    r = zb("ingest", str(EXAMPLES), "--db", str(path), "-q", "-f", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["documents"]["unchanged"] == 2
    assert zb("snapshot", "--stale", "--db", str(path), "-f", "json").stdout.strip() == '{"lines": 0}'

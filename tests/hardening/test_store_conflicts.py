"""A write the database refuses for a reason other than a duplicate (a PostgreSQL id sequence
behind its rows, found by the load benchmark: every upload answered 404 after being called
"unchanged") is reported as a failure naming the file, stores nothing, and the upload route
answers with that message — never "unchanged", never a 404 or a 500."""
from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.store.schema import DocumentRow

TOKEN = "conflict-token"
PLAN = ("德清县人民政府关于下达2024年德清县国民经济和社会发展计划的通知\n\n附件\n\n2024年德清县国民经济和社会发展计划主要目标\n\n"
        "序号\t指标名称\t2024年目标\n1\t地区生产总值增速\t6%左右\n")


def _break_inserts(db: Database) -> None:
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("CREATE TRIGGER refuse BEFORE INSERT ON documents "
                                 "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: documents.id'); END")
        else:  # the sequence behind the rows, as a bulk load with explicit ids leaves it
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('documents', 'id'), 1, false)")


def test_a_refused_write_is_a_failure_not_unchanged(db_url, tmp_path):  # noqa: F811
    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(DocumentRow))
    _break_inserts(db)
    plan = tmp_path / "deqing.txt"
    plan.write_text(PLAN, encoding="utf-8")
    summary = ingest(db, [plan])
    [result] = summary.results
    assert result.status == "failed" and str(plan) in result.error and "refused" in result.error

    from zhibiao.web.app import create_app

    with TestClient(create_app(db, token=TOKEN)) as c:
        r = c.post("/api/v1/documents", headers={"authorization": f"Bearer {TOKEN}"},
                   files={"file": ("德清.txt", PLAN.replace("6%", "7%").encode(), "text/plain")})
    assert r.status_code == 503 and "德清.txt" in r.json()["detail"] and "refused" in r.json()["detail"]
    assert str(tmp_path) not in r.text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == before
    db.dispose()

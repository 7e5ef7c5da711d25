"""The scorecard and reader APIs write their JSON without FastAPI's encoder walking every value
first (web/api.py json_answer): the bytes must be exactly those FastAPI's own response gives, on
both databases (PostgreSQL returns numbers with the column's scale: 6.00000000)."""
from __future__ import annotations

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy import select

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES


def test_status_and_reader_json_are_the_bytes_fastapi_writes(db_url):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.store.schema import DocumentRow, TargetRow
    from zhibiao.track import Tracker
    from zhibiao.web.app import create_app

    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    with db.session() as s:
        region_years = s.execute(select(TargetRow.region_code, TargetRow.year).where(
            TargetRow.region_code.is_not(None), TargetRow.year.is_not(None)).distinct()).all()
        doc_ids = list(s.scalars(select(DocumentRow.id)))
    assert len(region_years) >= 5 and doc_ids
    tracker = Tracker(db)
    with TestClient(create_app(db)) as c:
        for code, year in region_years:
            r = c.get("/api/v1/status", params={"region": code, "year": year})
            assert r.status_code == 200 and r.headers["content-type"] == "application/json"
            expected = JSONResponse(jsonable_encoder(tracker.status(code, year).to_dict())).body
            assert r.content == expected, (code, year)
            assert r.json()["targets"]
        for doc_id in doc_ids:
            r = c.get(f"/api/v1/documents/{doc_id}/text")
            assert r.status_code == 200
            assert r.content == JSONResponse(jsonable_encoder(tracker.q.document_text(doc_id))).body, doc_id


def test_plain_is_asdict():
    from dataclasses import asdict

    from zhibiao.store import Database
    from zhibiao.track.tracker import plain

    import tempfile
    from pathlib import Path

    from zhibiao.ingest import ingest
    from zhibiao.track import Tracker

    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "p.db")
        ingest(db, sorted(EXAMPLES.glob("*.txt"))[:3])
        tracker = Tracker(db)
        with db.session() as s:
            from zhibiao.store.schema import TargetRow

            code, year = s.execute(select(TargetRow.region_code, TargetRow.year).where(
                TargetRow.region_code.is_not(None), TargetRow.year.is_not(None)).limit(1)).one()
        lines = tracker.status(code, year).targets
        assert lines and all(plain(t) == asdict(t) for t in lines)
        db.dispose()

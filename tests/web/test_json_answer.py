"""The scorecard, reader, level comparison, coverage, citations and search APIs write their JSON
by orjson, without FastAPI's encoder walking every value first (web/api.py json_answer): they must
read as exactly what FastAPI's own response gives, on both databases (PostgreSQL returns numbers with the column's scale: 6.00000000)."""
from __future__ import annotations

import json

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy import select

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES


def fastapi_json(value):
    """What FastAPI's own response for ``value`` reads as."""
    return json.loads(JSONResponse(jsonable_encoder(value)).body)


def test_big_answers_are_the_json_fastapi_writes(db_url):
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
            assert json.loads(r.content) == fastapi_json(tracker.status(code, year).to_dict()), (code, year)
            assert r.json()["targets"]
        for doc_id in doc_ids:
            r = c.get(f"/api/v1/documents/{doc_id}/text")
            assert r.status_code == 200
            assert json.loads(r.content) == fastapi_json(tracker.q.document_text(doc_id)), doc_id
        # the big answers: a region's children against it, the coverage, a scorecard's citations, search
        parents = sorted({code[:2] + "0000" for code, _ in region_years} | {code[:4] + "00" for code, _ in region_years})
        compared = 0
        for code in parents:
            for year in sorted({y for _, y in region_years}):
                r = c.get("/api/v1/compare/levels", params={"region": code, "year": year})
                assert r.status_code == 200 and r.headers["content-type"] == "application/json"
                expected = tracker.compare_levels(code, year)
                assert json.loads(r.content) == fastapi_json(expected), (code, year)
                compared += sum(len(ch["targets"]) for ch in expected["children"])
        assert compared  # some child's targets were set against its parent's
        r = c.get("/api/v1/coverage")
        assert json.loads(r.content) == fastapi_json({"rows": tracker.q.coverage(), "next": None})
        assert r.json()["rows"]
        code, year = region_years[0]
        r = c.get("/api/v1/citations", params={"region": code, "year": year})
        assert r.status_code == 200 and r.json()["rows"] and r.headers["content-type"] == "application/json"
        r = c.get("/api/v1/search", params={"q": "生产总值"})
        assert r.status_code == 200 and r.json()["targets"] and r.headers["content-type"] == "application/json"


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

"""The database's version (``ReadModel.version``, what the web's cache of views compares) changes with
every write a view can show and with nothing else — read from the change log that triggers keep
(migration 0009), on real SQLite and PostgreSQL: a document stored, replaced, re-extracted or
deleted, a review, an override, an imported figure; not a read, not a write rolled back, not a
document already stored."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.ingest import ingest, reindex
from zhibiao.store import Database
from zhibiao.store.imports import import_actuals
from zhibiao.track.queries import ReadModel

PLAN = ("德清县人民政府关于下达2025年德清县国民经济和社会发展计划的通知\n\n现印发给你们，请认真组织实施。\n\n德清县人民政府\n\n"
        "2025年2月1日\n\n附件\n\n2025年主要目标\n\n序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t{gdp}\n"
        "2\t博物馆数量\t12家\n")


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_every_write_a_view_shows_changes_the_version_and_nothing_else_does(tmp_path, db_url):
    db = Database.open(db_url)
    model = ReadModel(db)
    seen = [model.version()]

    def changed() -> bool:
        v = model.version()
        new = v != seen[-1]
        seen.append(v)
        return new

    assert not changed()
    plan = write(tmp_path, "deqing.txt", PLAN.format(gdp="6%"))
    assert ingest(db, [plan]).count("new") == 1 and changed()
    assert ingest(db, [plan]).count("unchanged") == 1 and not changed()  # the same bytes again
    doc_id = model.documents()[0][0]["id"]
    model.document_text(doc_id), model.documents(q="德清")  # reads
    assert not changed()

    write(tmp_path, "deqing.txt", PLAN.format(gdp="7%"))  # new text at the same path: the row is updated
    assert ingest(db, [plan]).count("replaced") == 1 and changed()
    assert reindex(db, everything=True).results and changed()
    model.review(doc_id, "target", 0, "confirm", who="test")
    assert changed()
    model.set_override("330521", 2025, "gdp_growth", "met", "checked by hand", "test")
    assert changed()
    figures = write(tmp_path, "a.csv", "region,indicator,year,value,unit\n德清县,gdp_growth,2025,7.1,%\n")
    assert import_actuals(db, figures).stored == 1 and changed()
    assert import_actuals(db, figures).stored == 1 and changed()  # replaced: deleted and inserted again

    with pytest.raises(RuntimeError):  # a write rolled back leaves no change behind
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM observations WHERE document_id IS NULL"))
            raise RuntimeError("rolled back")
    assert not changed()

    model.delete_document(doc_id)
    assert changed()
    again = write(tmp_path, "other.txt", PLAN.format(gdp="5%").replace("德清县", "安吉县"))
    assert ingest(db, [again]).count("new") == 1 and changed()
    ids = [v[0] for v in seen]
    assert ids == sorted(ids)  # it only grows: a version seen before never comes back


def test_a_write_that_commits_after_a_later_one_still_changes_the_version(tmp_path, db_url):
    """Two writers at once (PostgreSQL): the first begins, the second writes and commits, a reader
    reads the version and computes a view from what is committed; the first then commits. Its
    change must give a new version — a change numbered when its transaction began would be hidden
    behind the second's, and the view computed without it would stay cached as current."""
    db = Database.open(db_url)
    if db.is_sqlite:
        pytest.skip("SQLite has one writer at a time: transactions cannot overlap")
    model = ReadModel(db)
    insert = text("INSERT INTO status_overrides (region_code, year, target_key, status, reason, created_at) "
                  "VALUES (:code, 2025, 'gdp_growth', 'met', 'test', now())")
    with db.engine.connect() as first:
        first.begin()
        first.execute(insert, {"code": "330521"})
        with db.engine.begin() as second:
            second.execute(insert, {"code": "330522"})
        seen = model.version()
        first.commit()
    assert model.version() != seen

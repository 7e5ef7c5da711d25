"""The store on real SQLite and PostgreSQL: schema, ingest, idempotency, replacement, reindex,
imports, crashes and concurrent writers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from dbs import check_invariants, db_url  # noqa: F401  (fixture)
from paths import SEEDS, need_shared
from zhibiao.store import Database
from zhibiao.store.imports import import_actuals
from zhibiao.ingest import ingest, iter_files, reindex
from zhibiao.store.schema import Base, DocumentRow, ObservationRow, TargetRow

PLAN = ("某县人民政府关于下达2025年德清县国民经济和社会发展计划的通知\n\n现印发给你们，请认真组织实施。\n\n德清县人民政府\n\n"
        "2025年2月1日\n\n附件\n\n2025年主要目标\n\n序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t{gdp}\n"
        "2\t城镇调查失业率\t5%以内\n3\t博物馆数量\t12家\n")
REPORT = ("各位代表：\n\n一、2024年工作回顾\n\n全年实现地区生产总值800亿元，增长7.1%。城镇调查失业率4.2%。\n\n"
          "二、2025年主要目标\n\n主要预期目标是：地区生产总值增长6.5%左右，城镇调查失业率5%以内。\n")


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in
                (DocumentRow, TargetRow, ObservationRow)}


def test_schema_matches_the_models(db_url):
    db = Database.open(db_url)
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    Database.open(db_url)  # migrating again is a no-op


def test_ingest_is_idempotent_and_replaces_changed_files(tmp_path, db_url):
    docs = tmp_path / "docs"
    docs.mkdir()
    plan = write(docs, "plan.txt", PLAN.format(gdp="6%左右"))
    write(docs, ".hidden.txt", PLAN.format(gdp="9%"))
    db = Database.open(db_url)
    first = ingest(db, [docs])
    assert first.count("new") == 1 and first.to_dict()["targets"] == 3
    before = counts(db)
    again = ingest(db, [docs, str(docs / "*.txt")])
    assert again.count("unchanged") == 1 and counts(db) == before
    plan.write_text(PLAN.format(gdp="6.5%以上"), encoding="utf-8")
    changed = ingest(db, [plan])
    assert changed.count("replaced") == 1 and counts(db) == before
    with db.session() as s:
        gdp = s.scalar(select(TargetRow).where(TargetRow.name == "地区生产总值增长"))
        assert (gdp.text, gdp.value, gdp.indicator, gdp.region_code) == ("6.5%以上", Decimal("6.5"), "gdp_growth",
                                                                         "330521")
        assert isinstance(gdp.value, Decimal)  # stored exactly, never as a float


def test_failures_are_reported_and_the_rest_stored(tmp_path, db_url):
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "plan.txt", PLAN.format(gdp="6%"))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "junk.pdf").write_bytes(b"%PDF-1.4 broken")
    summary = ingest(Database.open(db_url), [docs, tmp_path / "missing.txt"])
    data = summary.to_dict()
    assert data["documents"]["new"] == 1 and data["documents"]["failed"] == 3
    assert any("empty" in f["error"] for f in data["failures"])
    assert any("missing.txt" in f["error"] and "no such file" in f["error"] for f in data["failures"])


def test_parallel_ingest_and_reindex(tmp_path, db_url):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(6):
        write(docs, f"plan{i}.txt", PLAN.format(gdp=f"{i + 5}%"))
    db = Database.open(db_url)
    summary = ingest(db, [docs], jobs=2)
    assert summary.count("new") == 6
    with db.session.begin() as s:
        s.execute(DocumentRow.__table__.update().values(extractor_version="old"))
    r = reindex(db)
    assert r.count("replaced") == 6 and counts(db)["targets"] == 18
    assert reindex(db).count("replaced") == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_stored_already_are_hashed_never_extracted(tmp_path, db_url, jobs, monkeypatch):
    """A re-ingest (of a national corpus resumed, say) hashes each file — in the workers, not in
    the writing process — and extracts only those whose bytes are new."""
    import zhibiao.ingest as orchestration
    from zhibiao.store.ingest import Extracted

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(5):
        write(docs, f"plan{i}.txt", PLAN.format(gdp=f"{i + 5}%"))
    db = Database.open(db_url)
    assert ingest(db, [docs], jobs=jobs).count("new") == 5
    write(docs, "plan2.txt", PLAN.format(gdp="9.5%"))  # new bytes at a known path
    write(docs, "plan9.txt", PLAN.format(gdp="3%"))  # a new file
    extracted = orchestration.extract_one
    monkeypatch.setattr(orchestration, "extract_one",  # inherited by the forked workers
                        lambda p: Extracted(p, None, None, None, f"{p}: extracted") if "plan0" in p else extracted(p))
    again = ingest(db, [docs], jobs=jobs)
    by_name = {Path(r.path).name: r.status for r in again.results}
    assert by_name == {"plan0.txt": "unchanged", "plan1.txt": "unchanged", "plan2.txt": "replaced",
                       "plan3.txt": "unchanged", "plan4.txt": "unchanged", "plan9.txt": "new"}


def test_import_actuals_csv_and_xlsx(tmp_path, db_url):
    db = Database.open(db_url)
    good = write(tmp_path, "a.csv", "region,indicator,name,year,value,unit,source\n"
                                    "德清县,gdp_growth,,2024,7.1,%,县统计局\n"
                                    "330521,,城镇调查失业率,2024,4.2,%,县统计局\n")
    report = import_actuals(db, good)
    assert report.stored == 2 and not report.errors
    assert import_actuals(db, good).stored == 2  # re-import replaces, never duplicates
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ObservationRow)) == 2
    bad = write(tmp_path, "b.csv", "region,indicator,year,value\n德清县,gdp_growth,2024,abc\n火星市,cpi,2024,2\n")
    report = import_actuals(db, bad)
    assert report.stored == 0
    assert report.errors == ["b.csv row 2: value 'abc' is not a number",
                             "b.csv row 3: region '火星市' is unknown or ambiguous"]
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["地区", "指标", "年份", "数值", "单位"])
    wb.active.append(["德清县", "博物馆数量", 2025, 13, "家"])
    wb.save(tmp_path / "c.xlsx")
    assert import_actuals(db, tmp_path / "c.xlsx").stored == 1


def _cli(*args, env=None):
    return subprocess.Popen([sys.executable, "-m", "zhibiao", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def test_killed_ingest_leaves_whole_documents_only(tmp_path, db_url):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        write(docs, f"r{i}.txt", REPORT.replace("7.1%", f"7.{i}%") + PLAN.format(gdp=f"{i}%"))
    Database.open(db_url)
    import random

    for delay in sorted(random.uniform(0.6, 2.0) for _ in range(4)):  # killed at random points
        p = _cli("ingest", str(docs), "--db", db_url, "--quiet")
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        check_invariants(Database.open(db_url))
    p = _cli("ingest", str(docs), "--db", db_url, "--quiet")
    assert p.wait(timeout=120) == 0
    db = Database.open(db_url)
    check_invariants(db)
    assert counts(db)["documents"] == 40


def test_concurrent_ingests_do_not_duplicate(tmp_path, db_url):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        write(docs, f"p{i}.txt", PLAN.format(gdp=f"{i}.5%"))
    Database.open(db_url)
    procs = [_cli("ingest", str(docs), "--db", db_url, "--quiet") for _ in range(2)]
    codes = [p.wait(timeout=120) for p in procs]
    errs = [p.stderr.read().decode() for p in procs]
    assert codes == [0, 0], errs
    db = Database.open(db_url)
    assert counts(db)["documents"] == 12
    check_invariants(db)
    # both refreshed the same region-years' statuses: each region-year's lines are there once, and its
    # summary row counts them (the second writer waits for the first's summary row, then replaces)
    from sqlalchemy import func, select

    from zhibiao.store.tables import status_snapshot, status_summary

    snap = status_snapshot.c
    with db.engine.connect() as conn:
        lines = dict(((c, y), n) for c, y, n in conn.execute(
            select(snap.region_code, snap.year, func.count()).group_by(snap.region_code, snap.year)))
        distinct = conn.scalar(select(func.count()).select_from(
            select(snap.region_code, snap.year, snap.line_no).distinct().subquery()))
        summaries = {(r.region_code, r.year): r.lines for r in conn.execute(select(status_summary))}
    assert lines and sum(lines.values()) == distinct
    assert summaries == lines


@pytest.mark.corpus
def test_seeds_twice_leave_identical_counts(db_url):
    need_shared(SEEDS)
    db = Database.open(db_url)
    ingest(db, [SEEDS])
    first = counts(db)
    ingest(db, [SEEDS])
    assert counts(db) == first and first["documents"] == 5


def test_iter_files_expands_folders_and_globs(tmp_path):
    (tmp_path / "a").mkdir()
    write(tmp_path / "a", "x.txt", "x")
    write(tmp_path, "y.html", "y")
    write(tmp_path, "z.csv", "z")
    got = [p.name for p in iter_files([tmp_path, str(tmp_path / "*.html")])]
    assert got == ["x.txt", "y.html"]


def test_migrations_match_the_models(db_url):
    """Alembic's own comparison: the migrated schema has everything the models declare, and no
    index they do not (an index left behind costs every write)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = Database.open(db_url)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if d[0] in ("add_table", "add_column", "add_index")] == []
    # the search's indexes (PostgreSQL's trigram and bigram GIN indexes) are the migrations' own:
    # the models cannot declare them
    assert [d[1].name for d in diff if d[0] == "remove_index" and not d[1].name.endswith(("_trgm", "_ngrams"))] == []


def test_a_database_made_with_an_older_registry_gains_the_regions_made_since(db_url):
    from zhibiao.store import tables

    db = Database.open(db_url)
    with db.engine.begin() as conn:  # as a database written before 临安区 and 钱塘区 were in the registry
        conn.execute(tables.regions.delete().where(tables.regions.c.code.in_(["330112", "330114"])))
    db.dispose()
    db = Database.open(db_url)
    with db.engine.connect() as conn:
        names = dict(conn.execute(select(tables.regions.c.code, tables.regions.c.name)
                                  .where(tables.regions.c.code.in_(["330112", "330114", "330185"]))).all())
    db.dispose()
    assert names == {"330112": "临安区", "330114": "钱塘区", "330185": "临安市"}


def test_json_columns_are_compact_utf8_and_rows_written_before_read_the_same(tmp_path, db_url):
    """A document's extraction, metadata and its commitments' section paths are stored as compact
    UTF-8 JSON (a Chinese character is itself, not a six-byte escape); rows written by earlier
    versions (json.dumps' defaults: ASCII escapes, ", " and ": ") are read as the same values."""
    import json

    from sqlalchemy import text

    from zhibiao.store.schema import CommitmentRow
    from zhibiao.track.queries import ReadModel

    from paths import EXAMPLES

    db = Database.open(db_url)
    assert ingest(db, [EXAMPLES]).count("new") > 5
    cast = "" if db.is_sqlite else "::text"
    with db.engine.begin() as conn:
        stored = conn.execute(text(f"SELECT id, extraction{cast}, metadata{cast} FROM documents ORDER BY id")).all()
        paths = [r[0] for r in conn.execute(text(f"SELECT section_path{cast} FROM commitments"))]
    for _, extraction, metadata in stored:
        assert "地区生产总值" in extraction and "\\u" not in extraction and '", "' not in extraction and '": ' not in extraction
        assert json.loads(metadata) is not None
    assert all("\\u" not in p and ", " not in p for p in paths)
    model = ReadModel(db)
    new = {doc_id: model.document(doc_id, full=True)["extraction"] for doc_id, _, _ in stored}
    with db.session() as s:
        sections = sorted((c.id, c.section_path) for c in s.scalars(select(CommitmentRow)))
    assert any(path for _, path in sections)
    # the same values as an earlier version wrote them
    with db.engine.begin() as conn:
        for doc_id, extraction, metadata in stored:
            conn.execute(text("UPDATE documents SET extraction = :e, metadata = :m WHERE id = :id"),
                         {"e": json.dumps(json.loads(extraction)), "m": json.dumps(json.loads(metadata)), "id": doc_id})
        for cid, path in sections:
            conn.execute(text("UPDATE commitments SET section_path = :p WHERE id = :id"), {"p": json.dumps(path), "id": cid})
        old = conn.execute(text(f"SELECT extraction{cast} FROM documents ORDER BY id")).scalars().all()
    assert all("\\u" in e and '", "' in e for e in old)
    assert {doc_id: model.document(doc_id, full=True)["extraction"] for doc_id, _, _ in stored} == new
    with db.session() as s:
        assert sorted((c.id, c.section_path) for c in s.scalars(select(CommitmentRow))) == sections
    db.dispose()


def test_json_column_values_orjson_refuses_are_written_by_json():
    """What orjson does not serialise (keys that are not strings, an integer beyond 64 bits) is still
    written, as json.dumps writes it."""
    import json

    from zhibiao.store.database import JSONText, json_dumps

    for value in ({2024: "年", "a": [1, 2]}, {"n": 2**70}, ["平", 1.5, None, True]):
        assert json.loads(json_dumps(value)) == json.loads(json.dumps(value))
    assert json_dumps(["绍兴", {"k": 1}]) == '["绍兴",{"k":1}]'
    assert json_dumps(JSONText('{"a": 1}')) == '{"a": 1}'

"""The ingest writer stores documents in batches, one transaction each (store/ingest.py
store_many): the same rows as one document at a time, versions and repeats handled in order, and a
document the database refuses reported alone — never half-written, the rest of its batch stored."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dbs import check_invariants, db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.store.schema import CommitmentRow, DocumentRow, ObservationRow, TargetRow

PLAN = """{name}人民政府关于下达2024年{name}国民经济和社会发展计划的通知

各乡镇人民政府，各部门：

2024年{name}国民经济和社会发展计划已经人大审议批准，现印发给你们，请认真组织实施。

{name}人民政府

2024年2月6日

附件

2024年{name}国民经济和社会发展计划主要目标

类别\t序号\t指标名称\t2024年目标
经济发展\t1\t地区生产总值增速\t{gdp}%左右
\t2\t{second}\t8%
"""


def _counts(db) -> tuple[int, int, int, int]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (DocumentRow, TargetRow, ObservationRow,
                                                                             CommitmentRow))


def _refuse_targets_named(db, name: str) -> None:
    """The database refuses a line (a constraint of its own): the document it belongs to must not be stored."""
    with db.engine.begin() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql(f"CREATE TRIGGER refuse BEFORE INSERT ON targets WHEN NEW.name = '{name}' "
                                 "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: refused'); END")
        else:
            conn.exec_driver_sql(f"""CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
                IF NEW.name = '{name}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation'; END IF;
                RETURN NEW; END $$ LANGUAGE plpgsql""")
            conn.exec_driver_sql("CREATE TRIGGER refuse BEFORE INSERT ON targets FOR EACH ROW EXECUTE FUNCTION refuse()")


def test_batches_store_what_one_at_a_time_stores(db_url, tmp_path):  # noqa: F811
    one = Database.open(tmp_path / "one.db")
    ingest(one, [EXAMPLES], batch=1)
    many = Database.open(db_url)
    summary = ingest(many, [EXAMPLES], batch=32)
    assert summary.count("new") == len(summary.results) > 5
    assert _counts(many) == _counts(one)
    check_invariants(many)
    with one.session() as a, many.session() as b:
        def lines(s):
            return sorted(s.execute(select(DocumentRow.path, TargetRow.line_no, TargetRow.name, TargetRow.text)
                                    .join(TargetRow, TargetRow.document_id == DocumentRow.id)).all())
        assert lines(a) == lines(b)
    one.dispose()
    many.dispose()


def test_a_refused_document_is_stored_alone_and_never_half_written(db_url, tmp_path):  # noqa: F811
    folder = tmp_path / "plans"
    folder.mkdir()
    for i, (name, second) in enumerate([("德清县", "固定资产投资增速"), ("安吉县", "坏指标"), ("长兴县", "固定资产投资增速")]):
        (folder / f"{i}_{name}.txt").write_text(PLAN.format(name=name, gdp=6 + i, second=second), encoding="utf-8")
    db = Database.open(db_url)
    _refuse_targets_named(db, "坏指标")
    summary = ingest(db, [folder], batch=32)
    statuses = [(r.path.rsplit("/", 1)[-1], r.status) for r in summary.results]
    assert statuses == [("0_德清县.txt", "new"), ("1_安吉县.txt", "failed"), ("2_长兴县.txt", "new")]
    assert "1_安吉县.txt" in summary.results[1].error and "refused" in summary.results[1].error
    with db.session() as s:
        stored = sorted(p.rsplit("/", 1)[-1] for p in s.scalars(select(DocumentRow.path)))
        assert stored == ["0_德清县.txt", "2_长兴县.txt"]
        assert s.scalar(select(func.count()).select_from(TargetRow)) == 4
    check_invariants(db)
    db.dispose()


def test_repeats_and_new_versions_in_one_batch_are_handled_in_order(db_url, tmp_path):  # noqa: F811
    db = Database.open(db_url)
    a = tmp_path / "a" / "deqing.txt"
    a.parent.mkdir()
    a.write_text(PLAN.format(name="德清县", gdp=6, second="固定资产投资增速"), encoding="utf-8")
    assert ingest(db, [a]).count("new") == 1
    copy = tmp_path / "b" / "deqing_copy.txt"  # the same bytes under another name
    copy.parent.mkdir()
    copy.write_bytes(a.read_bytes())
    other = tmp_path / "b" / "anji.txt"
    other.write_text(PLAN.format(name="安吉县", gdp=7, second="固定资产投资增速"), encoding="utf-8")
    a.write_text(PLAN.format(name="德清县", gdp=9, second="固定资产投资增速"), encoding="utf-8")  # a new version
    summary = ingest(db, [a, copy, other], batch=32)
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in summary.results}
    # the copy's bytes are stored already (the old version): the same document, skipped unread
    assert statuses == {"deqing.txt": "replaced", "deqing_copy.txt": "unchanged", "anji.txt": "new"}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 2
        assert s.scalar(select(DocumentRow.version).where(DocumentRow.path == str(a.resolve()))) == 2
    check_invariants(db)
    again = ingest(db, [a, other], batch=32)
    assert [r.status for r in again.results] == ["unchanged"] * 2
    db.dispose()


@pytest.mark.parametrize("ready_for_the_database", [False, True])
def test_what_a_worker_prepares_is_written_as_the_extraction_itself(db_url, tmp_path, ready_for_the_database):  # noqa: F811
    """A worker hands the writer its document prepared (``Extracted.for_writer``: the extraction's
    JSON text, its lines as tuples of values — plain, or, for SQLite, the values its driver takes,
    written without SQLAlchemy): the rows written are those of the extraction itself, every column
    with the same value and (SQLite) the same storage type, the JSON byte for byte, in a batch and
    one by one."""
    from zhibiao.ingest import extract_one
    from zhibiao.store.ingest import store, store_many

    files = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf"))
    full = [extract_one(p) for p in files]
    dialect = "sqlite" if "://" not in db_url else "postgresql"
    prepared = [x.for_writer(dialect if ready_for_the_database else None) for x in full]
    assert all(x.extraction is None and x.rows is not None for x in prepared)
    import dataclasses
    import pickle

    for x, y in zip(full, prepared):  # a text normalising to itself is handed over once, not twice
        assert (y.normalized_text is y.loaded.text) == (x.normalized_text == x.loaded.text)
        if y.normalized_text is y.loaded.text and len(y.loaded.text) > 1:
            copied = dataclasses.replace(y, normalized_text="".join(y.loaded.text))  # equal, another object
            assert len(pickle.dumps(copied)) - len(pickle.dumps(y)) >= len(y.loaded.text.encode())
    assert any(y.normalized_text is y.loaded.text for y in prepared)
    assert all(x.rows_for == ("sqlite" if ready_for_the_database and dialect == "sqlite" else None) for x in prepared)
    from dbs import drop_postgres, fresh_postgres_url

    second = str(tmp_path / "prepared.db") if "://" not in db_url else fresh_postgres_url()
    databases = []
    try:
        for url, xs in ((db_url, full), (second, prepared)):
            db = Database.open(url)
            store_many(db, xs[:3])
            for x in xs[3:]:
                store(db, x)
            check_invariants(db)
            databases.append(db)
        _compare_rows(databases)
    finally:
        for db in databases:
            db.dispose()
        if "://" in second:
            drop_postgres(second)


def _compare_rows(databases) -> None:
    from sqlalchemy import text

    from zhibiao.store.ingest import FROM_DOCUMENT, LINE_COLUMNS, LINE_TABLES

    def rows(db, sql):
        with db.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]

    cast = "" if databases[1].is_sqlite else "::text"
    queries = [f"SELECT path, title, region_code, plan_year, extraction{cast}, metadata{cast} FROM documents ORDER BY path"]
    for k, table in enumerate(LINE_TABLES):  # every column a line has
        columns = [f"{c}{cast}" if c == "section_path" else c for c in FROM_DOCUMENT[k] + LINE_COLUMNS[k]]
        if databases[1].is_sqlite:
            columns += [f"typeof({c})" for c in FROM_DOCUMENT[k] + LINE_COLUMNS[k]]
        queries.append(f"SELECT {', '.join(columns)} FROM {table.name} ORDER BY document_id, line_no")
    for sql in queries:
        a, b = rows(databases[0], sql), rows(databases[1], sql)
        assert a and a == b


def test_a_batch_s_lines_are_written_by_a_few_multi_row_inserts(tmp_path):
    """SQLite: a statement writing to a table with FTS5 indexes (the search indexes, kept by
    triggers) opens a savepoint, at which FTS5 writes out what it holds: one INSERT a line flushed
    the indexes once a line (a third of the writer's instructions). A batch's lines go in multi-row
    INSERTs of 256, 128, … rows; None and bools are bound without the driver's adapter search."""
    import sqlite3

    from sqlalchemy import event

    from zhibiao.ingest import extract_one
    from zhibiao.store.ingest import store_many

    db = Database.open(tmp_path / "rows.db")
    assert sqlite3.adapters[(type(None), sqlite3.PrepareProtocol)](None) is None
    files = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf"))
    prepared = [extract_one(p).for_writer("sqlite") for p in files]
    assert all(type(line[10]) is int and type(line[-1]) is int for x in prepared for line in x.rows[1])  # bools
    statements = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, params, context, many: statements.append((sql, many)))
    store_many(db, prepared)
    for k, table in enumerate(("targets", "observations", "commitments")):
        n = sum(len(x.rows[k]) for x in prepared)
        inserts = [many for sql, many in statements if sql.startswith(f"INSERT INTO {table} ")]
        assert n > 30 and 0 < len(inserts) <= bin(n).count("1") + n // 256 and not any(inserts), table
    assert _counts(db)[1:] == tuple(sum(len(x.rows[k]) for x in prepared) for k in range(3))
    check_invariants(db)
    db.dispose()

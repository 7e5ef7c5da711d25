"""Substring matching served by an index (store/textindex.py, migration 0010), on real SQLite and
PostgreSQL: the same rows as a plain substring test for words of every length, wildcards taken
literally, letters in either case when asked; on PostgreSQL the bigram index is what the server
reads for a word of two characters (the trigram indexes need three)."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import insert, select, text

from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.store import Database
from zhibiao.store.database import now
from zhibiao.store.tables import documents, targets
from zhibiao.store.textindex import contains
from zhibiao.track.queries import ReadModel

# characters that make words collide often: Chinese, letters in both cases, LIKE's wildcards, its escape
ALPHABET = "绍兴市人民政府粮食就业发展计划aAbB%_\\5.号〔〕 "


def _documents(rng: random.Random, n: int) -> list[dict]:
    def word(lo, hi):
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(lo, hi)))

    return [dict(sha256=f"{i:064x}", path=f"/d/{i}.txt", format="txt", doc_type="plan_notice",
                 title=word(0, 14) if i % 7 else None, issuer=word(0, 6), region_name=word(0, 4),
                 doc_number=word(0, 8) if i % 3 else None, raw_text="", text="", metadata={}, extraction={},
                 extractor_version="test", ingested_at=now()) for i in range(1, n + 1)]


@pytest.fixture
def filled(db_url):
    db = Database.open(db_url)
    rng = random.Random(16)
    rows = _documents(rng, 300)
    lines = [dict(document_id=1 + i % 300, line_no=i, name="".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))),
                  text="".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 8)))) for i in range(600)]
    with db.engine.begin() as conn:
        conn.execute(insert(documents), rows)
        conn.execute(insert(targets), lines)
        if not db.is_sqlite:
            conn.exec_driver_sql("ANALYZE documents")
            conn.exec_driver_sql("ANALYZE targets")
    yield db, rows, lines, rng
    db.dispose()


def _words(rows: list[dict], rng: random.Random) -> list[str]:
    """Words cut out of the stored values (which match) and made up (which mostly do not), of 1 to 5
    characters, wildcards and escapes included."""
    values = [v for r in rows for v in r.values() if isinstance(v, str) and len(v) >= 1]
    cut = []
    for v in rng.sample(values, 60):
        start = rng.randrange(len(v))
        cut.append(v[start:start + rng.randint(1, 5)])
    made = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))) for _ in range(40)]
    return [w for w in cut + made + ["%", "_", "\\", "a_", "%b", "绍兴", "粮食", "兴市人"] if w]


def _expected(value: str | None, q: str, sqlite: bool, ignore_case: bool) -> bool:
    if value is None:
        return False
    if ignore_case:
        return q.lower() in value.lower()
    if sqlite:  # SQLite's LIKE ignores the case of ASCII letters
        fold = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        return q.translate(fold) in value.translate(fold)
    return q in value


@pytest.mark.parametrize("ignore_case", [False, True])
def test_the_same_rows_as_a_substring_test(filled, ignore_case):
    db, rows, lines, rng = filled
    dialect = db.engine.dialect.name
    columns = ("title", "region_name", "issuer", "doc_number")
    with db.engine.connect() as conn:
        for q in _words(rows, rng):
            got = set(conn.scalars(select(documents.c.id).where(contains(documents, columns, q, dialect, ignore_case))))
            want = {i for i, r in enumerate(rows, start=1)
                    if any(_expected(r[c], q, db.is_sqlite, ignore_case) for c in columns)}
            assert got == want, q
            # a part of the index's columns: still every match and only matches
            got = set(conn.scalars(select(documents.c.id).where(contains(documents, ("title",), q, dialect, ignore_case))))
            assert got == {i for i, r in enumerate(rows, start=1) if _expected(r["title"], q, db.is_sqlite, ignore_case)}, q
            got = set(conn.scalars(select(targets.c.line_no).where(contains(targets, ("name", "text"), q, dialect,
                                                                            ignore_case))))
            assert got == {t["line_no"] for t in lines
                           if _expected(t["name"], q, db.is_sqlite, ignore_case)
                           or _expected(t["text"], q, db.is_sqlite, ignore_case)}, q


def test_documents_by_title_reads_the_index_on_postgresql(filled):
    """The documents list's search (``/api/v1/documents?q=``) is answered from the bigram index for
    a two-character word, not by testing every document — and finds what the words are in."""
    db, rows, _lines, _rng = filled
    model = ReadModel(db)
    found, _next = model.documents(q="兴市", size=500)
    assert {d["id"] for d in found} == {i for i, r in enumerate(rows, start=1)
                                        if any("兴市" in (r[c] or "") for c in ("title", "region_name", "issuer",
                                                                               "doc_number"))}
    if db.is_sqlite:
        return
    with db.engine.connect() as conn:
        # a small table: only the plans that read an index by its condition, as the server chooses at scale
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_indexscan = off")
        for table, columns, index in ((documents, ("title", "region_name", "issuer", "doc_number"), "ix_documents_ngrams"),
                                      (targets, ("name", "text"), "ix_targets_ngrams")):
            stmt = select(table.c.id).where(contains(table, columns, "兴市", "postgresql"))
            sql = stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
            plan = "\n".join(conn.execute(text(f"EXPLAIN {sql}")).scalars())
            assert index in plan, plan
        # three characters: pg_trgm's indexes, one per column (the bigram index's estimate of a longer
        # word is too low for the planner to choose well: store/textindex.py)
        stmt = select(documents.c.id).where(contains(documents, ("title", "region_name", "issuer", "doc_number"),
                                                     "兴市人", "postgresql"))
        sql = stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
        plan = "\n".join(conn.execute(text(f"EXPLAIN {sql}")).scalars())
        assert "ngrams" not in plan and all(f"ix_documents_{c}_trgm" in plan
                                            for c in ("title", "region_name", "issuer", "doc_number")), plan

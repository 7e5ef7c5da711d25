"""Substring matching served by an index (store/textindex.py, migrations 0010 and 0011), on real
SQLite and PostgreSQL: the same rows as a plain substring test for words of every length, wildcards
taken literally, letters in either case when asked; on PostgreSQL the bigram index is what the
server reads for a word of two characters (the trigram indexes need three), on SQLite the n-gram
index for any word, newest first for search; SQLite's index holds exactly the tokens of the rows
stored, after every kind of write and after the migration that builds it for a database."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import insert, select, text

from dbs import db_url, migrate_to  # noqa: F401  (fixture)
from zhibiao.store import Database
from zhibiao.store.database import now
from zhibiao.store.tables import documents, targets
from zhibiao.store.textindex import contains, newest_containing, ngram_query, ngram_tokens, value_tokens
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


def test_newest_first_from_the_ngram_index_on_sqlite(filled):
    """Search's walk of SQLite's n-gram index: every match, newest first, page after page below the
    last id shown — for words of one character to five, wildcards and letters in either case."""
    db, rows, lines, rng = filled
    if not db.is_sqlite:
        pytest.skip("SQLite's n-gram index (PostgreSQL: the LIKE, served by its own indexes)")
    with db.engine.connect() as conn:
        for q in _words(rows, rng):
            for ignore_case in (False, True):
                for table, columns, want in (
                        (documents, ("title", "issuer", "doc_number"),
                         [i for i, r in enumerate(rows, start=1)
                          if any(_expected(r[c], q, True, ignore_case) for c in ("title", "issuer", "doc_number"))]),
                        (targets, ("name", "text"),
                         [i for i, t in enumerate(lines, start=1)
                          if _expected(t["name"], q, True, ignore_case) or _expected(t["text"], q, True, ignore_case)])):
                    assert list(conn.scalars(newest_containing(table, columns, q, ignore_case))) == want[::-1], q
                    got, before = [], None
                    while True:  # pages of three
                        page = list(conn.scalars(newest_containing(table, columns, q, ignore_case, before).limit(3)))
                        got += page
                        if len(page) < 3:
                            break
                        before = page[-1]
                    assert got == want[::-1], q
        sql = newest_containing(targets, ("name", "text"), "就业").limit(40).compile(
            dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
        # the index's rows newest first, each target line read by its id: no scan, no sort
        assert plan.startswith("SCAN targets_ngrams VIRTUAL TABLE") and "SEARCH targets USING INTEGER PRIMARY KEY" in plan \
            and "TEMP B-TREE" not in plan, plan


def test_ngram_tokens_and_queries():
    def tokens(*values):
        return sorted(ngram_tokens(*values).split())

    assert tokens("就业", None, "") == ["5c31x4e1a", "u4e1a", "u5c31"]
    assert tokens("GDP") == tokens("gdp") == ["64x70", "67x64", "u64", "u67", "u70"]  # folded as LIKE folds
    assert tokens("ab", "cd") == ["61x62", "63x64", "u61", "u62", "u63", "u64"]  # no pair across two columns
    assert tokens("增长增长") == ["589ex957f", "957fx589e", "u589e", "u957f"]  # each once
    assert tokens("就业", "就业率") == ["4e1ax7387", "5c31x4e1a", "u4e1a", "u5c31", "u7387"]  # once across columns
    # a value's tokens are remembered (most recur: a national ingest's target lines have a few hundred names)
    assert value_tokens("地区生产总值") is value_tokens("地区生产总值")
    # ... only short ones: a long wording is a document's own (kept, every value filled the cache at
    # national scale)
    wording = "全年地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右"
    assert value_tokens(wording) == value_tokens(wording) and value_tokens(wording) is not value_tokens(wording)
    from zhibiao.store import textindex

    for i in range(textindex._TOKENS_KEPT + 10):
        value_tokens(f"指标{i}")
    assert 0 < len(textindex._TOKENS) <= textindex._TOKENS_KEPT  # bounded
    assert ngram_query("就") == '"u5c31"' and ngram_query("就业") == '"5c31x4e1a"'
    assert ngram_query("5.5%") == '"35x2e" AND "2ex35" AND "35x25"' and ngram_query("") is None
    assert ngram_query("Éé") == '"c9xe9"'  # SQLite's LIKE folds no letter beyond ASCII
    long = ngram_query("国民经济和社会发展计划执行情况与计划草案的报告")
    assert long.count(" AND ") == 11


def _index_contents(conn, table: str) -> dict[int, set[str]]:
    """What SQLite's n-gram index of ``table`` holds, read from the index itself (fts5vocab)."""
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab "
                         f"USING fts5vocab(main, {table}_ngrams, instance)")
    out: dict[int, set[str]] = {}
    for doc, term in conn.exec_driver_sql(f"SELECT doc, term FROM temp.{table}_vocab"):
        out.setdefault(doc, set()).add(term)
    return out


def _tokens_of_rows(conn, table: str, columns: tuple[str, ...]) -> dict[int, set[str]]:
    rows = conn.exec_driver_sql(f"SELECT id, {', '.join(columns)} FROM {table}").all()
    return {r[0]: set(ngram_tokens(*r[1:]).split()) for r in rows if ngram_tokens(*r[1:])}


def _index_is_the_rows(db) -> None:
    with db.engine.connect() as conn:
        for table, columns in (("documents", ("title", "issuer", "region_name", "doc_number")),
                               ("targets", ("name", "text"))):
            want = _tokens_of_rows(conn, table, columns)
            assert want and _index_contents(conn, table) == want, table


def test_the_sqlite_index_follows_every_write(tmp_path):
    """Ingest (batches of documents), a changed document at a known path (its lines replaced), a
    title corrected in place, a document deleted (its lines with it, by the foreign key's cascade):
    the index holds exactly the tokens of the rows stored, and the search finds what is there."""
    from zhibiao.ingest import ingest
    from zhibiao.store.ingest import delete_document
    from zhibiao.track.search import search
    from paths import EXAMPLES

    folder = tmp_path / "docs"
    folder.mkdir()
    for p in EXAMPLES.iterdir():
        if p.suffix in (".txt", ".html", ".docx"):
            (folder / p.name).write_bytes(p.read_bytes())
    db = Database.open(tmp_path / "n.db")
    assert ingest(db, [folder]).count("failed") == 0
    _index_is_the_rows(db)
    plan = folder / "huzhou_2025_plan.txt"
    plan.write_text(plan.read_text("gb18030").replace("地区生产总值", "地区生产總值"), "gb18030")  # a new version
    assert ingest(db, [folder]).count("failed") == 0
    _index_is_the_rows(db)
    with db.engine.begin() as conn:
        first = conn.scalar(select(documents.c.id).order_by(documents.c.id))
        conn.execute(documents.update().where(documents.c.id == first).values(title="鹦鹉洲的计划"))
    _index_is_the_rows(db)
    assert [d["id"] for d in search(db, "鹦鹉").documents] == [first]
    assert [d["id"] for d in ReadModel(db).documents(q="鹦")[0]] == [first]
    assert search(db, "總值").targets  # the new version's lines
    last = ReadModel(db).documents(newest_first=True, size=1)[0][0]["id"]
    delete_document(db, last)
    _index_is_the_rows(db)
    assert all(t["document_id"] != last for t in search(db, "总值").targets)
    db.dispose()


def test_the_migration_builds_the_sqlite_index_for_a_database_written_before(tmp_path):
    """A database written at migration 0010 (no n-gram index): opening it with this version builds
    the index of every row already stored; downgrading removes it, triggers and all."""

    from zhibiao.ingest import ingest
    from paths import EXAMPLES

    db = Database.open(tmp_path / "old.db")
    # the rows are stored first (this version writes columns 0010 lacks), then the schema taken back
    # to 0010: rows without the index, as a database written then
    assert ingest(db, [EXAMPLES]).count("failed") == 0
    migrate_to(db, "0010", up=False)
    with db.engine.connect() as conn:
        assert not conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE '%ngrams%'").all()
    db.dispose()
    db = Database.open(tmp_path / "old.db")
    from zhibiao.store.database import head_revision

    assert db.current_revision() == head_revision()  # upgraded past 0011
    _index_is_the_rows(db)
    db.dispose()


@pytest.mark.postgres
def test_a_search_is_planned_for_its_word_every_time_on_postgresql(tmp_path):
    """psycopg prepares a statement the fifth time a connection runs it, and PostgreSQL then plans
    it once for any word (a two-character word's search so planned read every trigram index of the
    documents: 77 ms at national scale for 0.5). Searches are never prepared; other reads are."""
    from dbs import drop_postgres, fresh_postgres_url
    from zhibiao.ingest import ingest
    from zhibiao.track.search import search
    from paths import EXAMPLES

    url = fresh_postgres_url()
    db = Database.open(url)
    try:
        assert ingest(db, [EXAMPLES]).count("failed") == 0
        model = ReadModel(db)
        for word in ("湖州", "台州", "浙江", "计划", "湖州市", "台州市", "国民经济") * 2:
            model.documents(q=word)
            search(db, word)
        for _ in range(7):
            model.documents()  # (a read that is no search: prepared as usual)
        with db.reader.connect() as conn:
            prepared = [s for s in conn.exec_driver_sql("SELECT statement FROM pg_prepared_statements").scalars()]
        assert prepared and not [s for s in prepared if "LIKE" in s]
    finally:
        db.dispose()
        drop_postgres(url)

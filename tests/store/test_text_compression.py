"""On PostgreSQL a document's text is stored lz4-compressed (migration 0015): the views cut windows
of it and the reader reads it whole, and lz4 decompresses faster than pglz at the same size. Rows
written before keep their compression until they are rewritten."""
from __future__ import annotations

import pytest

from dbs import drop_postgres, fresh_postgres_url, migrate_to
from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store import Database

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    url = fresh_postgres_url()
    yield url
    drop_postgres(url)


def _compression(db) -> set[str | None]:
    with db.engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT pg_column_compression(text) FROM documents").scalars())


def test_a_documents_text_is_lz4_compressed_on_postgresql(pg_url):
    db = Database.open(pg_url)
    try:
        assert ingest(db, [EXAMPLES]).count("failed") == 0
        # every text PostgreSQL compresses is lz4; one it keeps inline (None: a short example whose row fits
        # once its larger columns are compressed, which depends on their sizes) is not compressed at all
        found = _compression(db)
        assert "lz4" in found and found <= {"lz4", None}
    finally:
        db.dispose()


def test_rows_written_before_the_migration_keep_their_compression_until_rewritten(pg_url):
    db = Database.open(pg_url)
    try:
        # a row as 0014 wrote it: stored by this version (its columns are newer than 0014's), the schema
        # taken back to 0014, then the text written again there
        assert ingest(db, [EXAMPLES / "huzhou_2025_plan.txt"]).count("failed") == 0
        migrate_to(db, "0014", up=False)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE documents SET text = text || ''")
        before = _compression(db)
        assert "lz4" not in before  # (pglz, or None: pglz stores a text it cannot shrink by a quarter as it is)
        migrate_to(db, "0015", up=True)
        assert _compression(db) == before  # (not rewritten: docs/sql.md says how)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE documents SET text = text || ''")
        assert _compression(db) == {"lz4"}
    finally:
        db.dispose()

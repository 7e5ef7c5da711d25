"""text search over targets and document titles: FTS5 (trigram) on SQLite, pg_trgm on PostgreSQL

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# SQLite: external-content FTS5 tables kept in step with their tables by triggers. The trigram
# tokenizer finds any substring of three characters or more, which suits Chinese (no word
# boundaries); shorter queries are answered with LIKE (track/search.py).
SQLITE = [
    """CREATE VIRTUAL TABLE targets_fts USING fts5(name, text, category, content='targets', content_rowid='id',
       tokenize='trigram')""",
    """CREATE TRIGGER targets_fts_insert AFTER INSERT ON targets BEGIN
         INSERT INTO targets_fts(rowid, name, text, category) VALUES (new.id, new.name, new.text, new.category);
       END""",
    """CREATE TRIGGER targets_fts_delete AFTER DELETE ON targets BEGIN
         INSERT INTO targets_fts(targets_fts, rowid, name, text, category)
         VALUES ('delete', old.id, old.name, old.text, old.category);
       END""",
    """CREATE TRIGGER targets_fts_update AFTER UPDATE ON targets BEGIN
         INSERT INTO targets_fts(targets_fts, rowid, name, text, category)
         VALUES ('delete', old.id, old.name, old.text, old.category);
         INSERT INTO targets_fts(rowid, name, text, category) VALUES (new.id, new.name, new.text, new.category);
       END""",
    "INSERT INTO targets_fts(targets_fts) VALUES ('rebuild')",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(title, issuer, doc_number, content='documents',
       content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
         INSERT INTO documents_fts(rowid, title, issuer, doc_number) VALUES (new.id, new.title, new.issuer, new.doc_number);
       END""",
    """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
         INSERT INTO documents_fts(documents_fts, rowid, title, issuer, doc_number)
         VALUES ('delete', old.id, old.title, old.issuer, old.doc_number);
       END""",
    """CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, issuer, doc_number ON documents BEGIN
         INSERT INTO documents_fts(documents_fts, rowid, title, issuer, doc_number)
         VALUES ('delete', old.id, old.title, old.issuer, old.doc_number);
         INSERT INTO documents_fts(rowid, title, issuer, doc_number) VALUES (new.id, new.title, new.issuer, new.doc_number);
       END""",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = ["DROP TRIGGER IF EXISTS targets_fts_insert", "DROP TRIGGER IF EXISTS targets_fts_delete",
               "DROP TRIGGER IF EXISTS targets_fts_update", "DROP TABLE IF EXISTS targets_fts",
               "DROP TRIGGER IF EXISTS documents_fts_insert", "DROP TRIGGER IF EXISTS documents_fts_delete",
               "DROP TRIGGER IF EXISTS documents_fts_update", "DROP TABLE IF EXISTS documents_fts"]

# PostgreSQL: trigram GIN indexes serve ILIKE '%…%' of three characters or more.
POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_targets_name_trgm ON targets USING gin (name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_targets_text_trgm ON targets USING gin (text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_documents_title_trgm ON documents USING gin (title gin_trgm_ops)",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS ix_targets_name_trgm", "DROP INDEX IF EXISTS ix_targets_text_trgm",
                 "DROP INDEX IF EXISTS ix_documents_title_trgm"]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE)
    elif dialect == "postgresql":
        _run(POSTGRES)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(POSTGRES_DOWN)

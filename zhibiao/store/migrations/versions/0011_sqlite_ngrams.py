"""SQLite: an index of the characters and pairs of characters of documents' titles, issuers,
regions and numbers and of targets' names and wordings, so that a search of one or two characters
(绍兴, 就业 — the common case in Chinese) and "documents by title" are answered from an index
instead of testing every row: the FTS5 trigram tables of migration 0004 need three characters

Revision ID: 0011
Revises: 0010

One FTS5 table per table, ``<table>_ngrams``, its rowid the row's id, holding the tokens of
``store/textindex.py``'s ``ngram_tokens`` (each character, each pair of adjacent characters, as
ASCII tokens) and neither the text nor positions (``content=''``, ``detail=none``). Triggers keep
it in step, calling ``zhibiao_ngrams(columns…)``, which every connection zhibiao opens registers —
a program that writes these tables without zhibiao's function fails ("no such function") rather
than leaving the index behind. A row's tokens are deleted by computing them again from its old
values (a contentless table keeps no copy): a change of ``ngram_tokens`` needs a migration that
rebuilds these tables. A later migration that rebuilds ``documents`` or ``targets`` with SQLite's
batch mode (a copy of the table) drops their triggers: create them again after, with this SQL.
PostgreSQL is unchanged (its bigram index of migration 0010).
"""
from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# table -> the columns of its index (store/textindex.py NGRAM_INDEXES at this revision)
INDEXED = {"documents": ("title", "issuer", "region_name", "doc_number"), "targets": ("name", "text")}


def _statements(table: str, columns: tuple[str, ...]) -> list[str]:
    index = f"{table}_ngrams"

    def tokens(row: str) -> str:
        return f"zhibiao_ngrams({', '.join(f'{row}.{c}' for c in columns)})"

    add = f"INSERT INTO {index}(rowid, grams) VALUES (new.id, {tokens('new')});"
    remove = f"INSERT INTO {index}({index}, rowid, grams) VALUES ('delete', old.id, {tokens('old')});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5(grams, content='', detail=none, tokenize='ascii')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {', '.join(columns)} ON {table} BEGIN {remove} {add} END",
        f"INSERT INTO {index}(rowid, grams) SELECT id, zhibiao_ngrams({', '.join(columns)}) FROM {table}",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from zhibiao.store import textindex

    textindex.register(bind.connection.driver_connection)  # whoever opened the connection
    for table, columns in INDEXED.items():
        for sql in _statements(table, columns):
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in INDEXED:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_ngrams_{event}")
        op.execute(f"DROP TABLE IF EXISTS {table}_ngrams")

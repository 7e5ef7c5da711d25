"""a log of changes written by triggers: the web's cache asks "has anything changed?" with one
indexed lookup (the largest id of ``changes``) instead of counting every document on every cached
request (a scan of the documents table: tens of milliseconds of PostgreSQL per request at national
scale)

Revision ID: 0009
Revises: 0008

A row is added by the database itself whenever a document is stored, replaced or deleted (its lines
are written in the same transaction), a reviewer's correction or a status override is written or
removed, or an imported figure (an observation without a document) is added, changed or removed —
whichever program writes. On PostgreSQL the rows are added by constraint triggers deferred to the
commit, so that the id a reader sees is taken at most a moment before the data it stands for
becomes visible (an id taken when the transaction began could be seen by a reader long before the
transaction's data; a view computed then would stay cached under it). SQLite has one writer at a
time: plain triggers. A later migration that rebuilds one of these tables with SQLite's batch mode
(a copy of the table) drops its triggers: create them again after, with this SQL.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# (table, the rows that count): an observation with a document is written with its document
WATCHED = [("documents", None), ("corrections", None), ("status_overrides", None), ("observations", "document_id IS NULL")]
EVENTS = ("insert", "update", "delete")


def _sqlite(table: str, event: str, condition: str | None) -> str:
    row = "old" if event == "delete" else "new"
    when = f" WHEN {row}.{condition}" if condition else ""
    return (f"CREATE TRIGGER {table}_changed_{event} AFTER {event.upper()} ON {table}{when} "
            "BEGIN INSERT INTO changes (id) VALUES (NULL); END")


POSTGRES_FUNCTION = """CREATE OR REPLACE FUNCTION zhibiao_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes DEFAULT VALUES;
    RETURN NULL;
END $$"""


def _postgres(table: str, event: str, condition: str | None) -> str:
    row = "OLD" if event == "delete" else "NEW"
    when = f" WHEN ({row}.{condition})" if condition else ""
    return (f"CREATE CONSTRAINT TRIGGER {table}_changed_{event} AFTER {event.upper()} ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{when} EXECUTE FUNCTION zhibiao_changed()")


def upgrade() -> None:
    op.create_table("changes", sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True))
    op.execute("INSERT INTO changes (id) VALUES (1)")  # the version of a database as it is now
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("SELECT setval(pg_get_serial_sequence('changes', 'id'), 1)")
        op.execute(POSTGRES_FUNCTION)
    for table, condition in WATCHED:
        for event in EVENTS:
            op.execute((_postgres if dialect == "postgresql" else _sqlite)(table, event, condition))


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, _condition in WATCHED:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_changed_{event}"
                       + (f" ON {table}" if dialect == "postgresql" else ""))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS zhibiao_changed()")
    op.drop_table("changes")

"""PostgreSQL: a document's text compressed with lz4, not pglz, where the server has it. Views cut
windows of the text (the words before each figure of a scorecard, track/queries.py `_contexts`)
and the reader reads it whole; PostgreSQL decompresses a TOASTed pglz text from its start up to
the window's end, and lz4 decompresses several times faster at the same size (2,000 documents of
the national corpus: 17.8 MB either way; a scorecard's statement of four windows p95 1.25 → 0.47 ms,
benchmarks/RESULTS.md §4). Rows written before keep their compression until rewritten (see
docs/sql.md); SQLite stores text uncompressed and is left as it is.

Revision ID: 0015
Revises: 0014
"""
from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _has_lz4() -> bool:
    """PostgreSQL 14 or later, built with lz4 (Debian's and most distributions' are)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or bind.dialect.server_version_info < (14,):
        return False
    enumvals = bind.exec_driver_sql(
        "SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'").scalar()
    return bool(enumvals) and "lz4" in enumvals


def upgrade() -> None:
    if _has_lz4():
        op.execute("ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4")


def downgrade() -> None:
    if _has_lz4():
        op.execute("ALTER TABLE documents ALTER COLUMN text SET COMPRESSION pglz")

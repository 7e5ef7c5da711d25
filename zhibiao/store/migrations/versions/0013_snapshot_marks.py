"""the status snapshot keeps each line's mark against the parent region's target (stricter, same,
looser, different), so that the parent-region grid reads its children's marks with their lines
instead of comparing every child's targets with the parent's per request (a province's grid: more
than half of its time at national scale)

One nullable column, no data rewritten: lines written before have none, and a grid whose children
lack them compares live, as before, until ``zhibiao snapshot`` (or the next ingest) writes them again.

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("status_snapshot", sa.Column("comparison", sa.String(16), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN on both (SQLite ≥ 3.35): a batch copy of the table would break the
    # view v_status that reads it
    op.drop_column("status_snapshot", "comparison")

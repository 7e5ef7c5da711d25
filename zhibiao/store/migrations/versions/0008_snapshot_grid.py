"""the status snapshot keeps what the parent-region grid shows of a line: its explanation in English
and its span in the document, so that the grid reads a parent's children from the snapshot instead
of deciding every child's statuses per request (a province's grid: 20 scorecards)

Three nullable columns, no data rewritten: lines written before stay readable by v_status; the grid
computes their region-years live until ``zhibiao snapshot`` (or the next ingest) writes them again.

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("status_snapshot", sa.Column("explanation_en", sa.Text(), nullable=True))
    op.add_column("status_snapshot", sa.Column("span_start", sa.Integer(), nullable=True))
    op.add_column("status_snapshot", sa.Column("span_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("status_snapshot") as batch:
        batch.drop_column("span_end")
        batch.drop_column("span_start")
        batch.drop_column("explanation_en")

"""a summary row per region-year of the status snapshot, and an index of the lines to review: the
home page's view read the whole snapshot (1.1 million lines at national scale) and tested every
target line for the review queue — seconds of a server's start-up, in which its first readers waited

Revision ID: 0012
Revises: 0011

``status_summary`` holds what the region tree shows of a region-year (lines reached, judged,
pending, and when they were computed), written by the snapshot with its lines (track/snapshot.py);
filled here from the snapshot as it is. ``ix_targets_to_review`` is a partial index of the target
lines whose wording is unparsed or without an indicator, in document order (the review queue's
order), on both databases.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TO_REVIEW = "kind IS NULL OR indicator IS NULL"  # store/tables.py at this revision
REACHED = "('achieved', 'basically_achieved')"  # track/achievement.py at this revision


def upgrade() -> None:
    op.create_table(
        "status_summary",
        sa.Column("region_code", sa.String(12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("reached", sa.Integer(), nullable=False),
        sa.Column("judged", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("region_code", "year"),
    )
    op.execute(
        "INSERT INTO status_summary (region_code, year, lines, reached, judged, pending, computed_at) "
        "SELECT region_code, year, count(*), "
        f"sum(CASE WHEN status IN {REACHED} AND actual_text IS NOT NULL THEN 1 ELSE 0 END), "
        "sum(CASE WHEN actual_text IS NOT NULL THEN 1 ELSE 0 END), "
        "sum(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), min(computed_at) "
        "FROM status_snapshot GROUP BY region_code, year")
    op.create_index("ix_targets_to_review", "targets", ["document_id", "line_no"],
                    sqlite_where=sa.text(TO_REVIEW), postgresql_where=sa.text(TO_REVIEW))


def downgrade() -> None:
    op.drop_index("ix_targets_to_review", table_name="targets")
    op.drop_table("status_summary")

"""each region-year of the status snapshot records what decided its statuses (the rules, and the
code and word lists they are read with: ``Rules.version``), so that a snapshot written before an
upgrade that decides statuses differently is not shown as current — ``zhibiao snapshot --stale``
recomputes it, and the grid and the region tree decide those region-years afresh meanwhile

One nullable column on the summary (a row per region-year), no data rewritten: rows written before
have none, so every region-year counts as stale until ``zhibiao snapshot`` writes it again.

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("status_summary", sa.Column("rules", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("status_summary", "rules")

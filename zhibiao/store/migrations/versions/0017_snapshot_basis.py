"""the status snapshot keeps the basis of the figure that decided each line (official, revision,
bulletin, preliminary, estimate), and each region-year's summary how many of its judged targets an
estimate (预计数) decided, so that the grid and the region tree mark a status or an achievement rate
that rests on estimates, as the scorecard does, without deciding the statuses again

Two nullable columns, no data rewritten: lines written before have no basis, and the grid decides
their region-years afresh until ``zhibiao snapshot`` (or the next ingest) writes them again.

Revision ID: 0017
Revises: 0016
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("status_snapshot", sa.Column("actual_basis", sa.String(16), nullable=True))
    op.add_column("status_summary", sa.Column("estimated", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_column("status_summary", "estimated")
    op.drop_column("status_snapshot", "actual_basis")

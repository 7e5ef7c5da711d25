"""indexes for the comparisons and the reader at national scale

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_targets_indicator_year", "targets", ["indicator", "year"])
    op.create_index("ix_documents_region_year", "documents", ["region_code", "plan_year"])


def downgrade() -> None:
    op.drop_index("ix_documents_region_year", table_name="documents")
    op.drop_index("ix_targets_indicator_year", table_name="targets")

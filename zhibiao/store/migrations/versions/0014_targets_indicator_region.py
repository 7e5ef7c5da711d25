"""target lines indexed by indicator, year and region: one indicator across regions (all 2,862
counties, 50 a page) found its regions and its page's lines from an index of indicator and year
alone, reading every one of the indicator's lines of the year from the table for its region
(7,446 of them, scattered through a 15 GB file: 40 ms a query, three queries a page); with the
region in the index the regions are read from the index alone and the page's lines found directly

The new index has the two it replaces as prefixes (indicator; indicator and year), so they go: one
index fewer for every target line an ingest writes.

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_targets_indicator_year_region", "targets", ["indicator", "year", "region_code"])
    op.drop_index("ix_targets_indicator_year", table_name="targets")
    op.drop_index("ix_targets_indicator", table_name="targets")


def downgrade() -> None:
    op.create_index("ix_targets_indicator", "targets", ["indicator"])
    op.create_index("ix_targets_indicator_year", "targets", ["indicator", "year"])
    op.drop_index("ix_targets_indicator_year_region", table_name="targets")

"""the status snapshot keeps the period of the figure that decided each line (2025-01/2025-11 for a
part of the year's — a monthly report's 1—11月 —, 2025 for a whole year's), so that the grid, the SQL
view and the exports name its months beside it as the scorecard does: a nine-month figure read from
the snapshot is never shown as the year's

One nullable column, no data rewritten: lines written before have no period, and the grid decides
their region-years afresh until ``zhibiao snapshot`` (or the next ingest) writes them again. The view
v_status is created again with the column (``actual_period``) at its end.

Revision ID: 0019
Revises: 0018
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# v_status as 0005 created it; this revision adds the deciding figure's period after computed_at
# (at the end: a tool selecting the view's columns by position reads the same ones as before)
V_STATUS = """
SELECT s.region_code, r.name AS region, r.level AS region_level, p.name AS parent_region, s.year, s.line_no,
       s.indicator AS indicator_id, i.name_zh AS indicator, i.name_en AS indicator_en, s.name AS name_as_printed,
       s.text AS target, s.value AS target_value, s.unit, s.status, s.actual_value, s.actual_text AS actual,
       s.explanation, d.title AS target_document, ad.title AS actual_document, s.document_id,
       s.actual_document_id, s.computed_at{period}
FROM status_snapshot s
LEFT JOIN regions r ON r.code = s.region_code
LEFT JOIN regions p ON p.code = r.parent_code
LEFT JOIN indicators i ON i.id = s.indicator
LEFT JOIN documents d ON d.id = s.document_id
LEFT JOIN documents ad ON ad.id = s.actual_document_id"""


def upgrade() -> None:
    op.add_column("status_snapshot", sa.Column("actual_period", sa.String(24), nullable=True))
    op.execute("DROP VIEW IF EXISTS v_status")
    op.execute("CREATE VIEW v_status AS " + V_STATUS.format(period=", s.actual_period"))


def downgrade() -> None:
    # the view first: neither SQLite nor PostgreSQL drops a column a view reads
    op.execute("DROP VIEW IF EXISTS v_status")
    op.drop_column("status_snapshot", "actual_period")
    op.execute("CREATE VIEW v_status AS " + V_STATUS.format(period=""))

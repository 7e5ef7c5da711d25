"""SQL views with readable columns (region and indicator names, status, document titles) so that
the database is usable as it is from Datasette, pandas.read_sql or a spreadsheet; the status
snapshot table the status view reads

Revision ID: 0005
Revises: 0004

A later migration that rebuilds one of the tables these views read (SQLite's batch mode copies a
table to change it) drops the views first and creates them again after, with this SQL.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VIEWS = {
    "v_documents": """
SELECT d.id AS document_id, d.title, d.doc_type, d.region_code, r.name AS region, r.level AS region_level,
       d.plan_year AS year, d.issuer, d.doc_number, d.issued_on, d.source_url, d.format,
       (SELECT COUNT(*) FROM targets t WHERE t.document_id = d.id) AS targets,
       (SELECT COUNT(*) FROM observations o WHERE o.document_id = d.id) AS actuals,
       d.ingested_at
FROM documents d LEFT JOIN regions r ON r.code = d.region_code""",
    "v_targets": """
SELECT t.id AS target_id, t.region_code, r.name AS region, r.level AS region_level, p.name AS parent_region,
       t.year, t.category, t.seq, t.indicator AS indicator_id, i.name_zh AS indicator, i.name_en AS indicator_en,
       t.parent AS parent_line, t.name AS name_as_printed, t.text AS target, t.kind, t.comparator, t.value,
       t.value_high, t.unit, t.modality, d.id AS document_id, d.title AS document, d.doc_type, d.doc_number,
       d.issued_on, t.page, t.span_start, t.span_end
FROM targets t
JOIN documents d ON d.id = t.document_id
LEFT JOIN regions r ON r.code = t.region_code
LEFT JOIN regions p ON p.code = r.parent_code
LEFT JOIN indicators i ON i.id = t.indicator""",
    "v_actuals": """
SELECT o.id AS actual_id, o.region_code, r.name AS region, r.level AS region_level, o.year, o.period,
       o.indicator AS indicator_id, i.name_zh AS indicator, i.name_en AS indicator_en,
       o.name AS name_as_printed, o.measure, o.value, o.unit, o.comparator, o.estimated, o.text AS actual,
       o.imported, d.id AS document_id, COALESCE(d.title, o.source) AS source, o.span_start, o.span_end
FROM observations o
LEFT JOIN documents d ON d.id = o.document_id
LEFT JOIN regions r ON r.code = o.region_code
LEFT JOIN indicators i ON i.id = o.indicator""",
    "v_status": """
SELECT s.region_code, r.name AS region, r.level AS region_level, p.name AS parent_region, s.year, s.line_no,
       s.indicator AS indicator_id, i.name_zh AS indicator, i.name_en AS indicator_en, s.name AS name_as_printed,
       s.text AS target, s.value AS target_value, s.unit, s.status, s.actual_value, s.actual_text AS actual,
       s.explanation, d.title AS target_document, ad.title AS actual_document, s.document_id,
       s.actual_document_id, s.computed_at
FROM status_snapshot s
LEFT JOIN regions r ON r.code = s.region_code
LEFT JOIN regions p ON p.code = r.parent_code
LEFT JOIN indicators i ON i.id = s.indicator
LEFT JOIN documents d ON d.id = s.document_id
LEFT JOIN documents ad ON ad.id = s.actual_document_id""",
}


def upgrade() -> None:
    op.create_table(
        "status_snapshot",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("region_code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=80), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=True),
        sa.Column("value", sa.Numeric(24, 8), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("actual_value", sa.Numeric(24, 8), nullable=True),
        sa.Column("actual_text", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("actual_document_id", sa.Integer(), nullable=True),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_status_snapshot_region_year", "status_snapshot", ["region_code", "year"])
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql}")


def downgrade() -> None:
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_index("ix_status_snapshot_region_year", table_name="status_snapshot")
    op.drop_table("status_snapshot")

"""an index of documents by region and time stored: the home page's region tree (when each
region last changed) and the snapshot refresh after an ingest (what changed since) read it
instead of scanning every document's text (20 s on a national SQLite database)

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_region_ingested", "documents", ["region_code", "ingested_at"])


def downgrade() -> None:
    op.drop_index("ix_documents_region_ingested", table_name="documents")

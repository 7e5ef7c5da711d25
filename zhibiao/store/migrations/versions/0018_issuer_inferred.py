"""a document's issuer may be the usual one for its kind and region rather than one it prints (a
plan report that never names the commission): the flag lets citations and pages show it in
brackets, as information supplied by the cataloguer, never as if the document printed it

One nullable column, no data rewritten: documents stored before it have no flag (shown as
printed) until their next extraction (`zhibiao reindex`) writes it.

Revision ID: 0018
Revises: 0017
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("issuer_inferred", sa.Boolean, nullable=True))


def downgrade() -> None:
    op.drop_column("documents", "issuer_inferred")

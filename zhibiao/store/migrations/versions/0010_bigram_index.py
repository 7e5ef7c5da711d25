"""PostgreSQL: an index of the pairs of characters of documents' titles, issuers, regions and
numbers and of targets' names and wordings, so that a two-character search (绍兴, 粮食 — the common
case in Chinese) and "documents by title" are answered from an index instead of reading every row:
the trigram indexes of migration 0004 need three characters; and trigram indexes on the
documents' issuers, regions and numbers (only the title had one)

Revision ID: 0010
Revises: 0009

No bigram extension (pg_bigm) is packaged by Debian, so the index is PostgreSQL's own: a GIN index
of a text array, ``zhibiao_ngrams(columns…)`` — every pair of adjacent characters of each column,
lowered. A row where a column contains a word holds every pair of the word, so
``zhibiao_ngrams(columns…) @> zhibiao_ngrams(word)`` keeps every row that matches and the LIKE
beside it (``store/textindex.py``) drops the others: the same rows as the LIKE alone. SQLite is
unchanged (its FTS5 trigram tables of migration 0004, and LIKE for shorter words).
"""
from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FUNCTION = """CREATE OR REPLACE FUNCTION zhibiao_ngrams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(p.t, i, 2)), '{}')
    FROM (SELECT lower(x) AS t FROM unnest(parts) AS x WHERE x IS NOT NULL) AS p,
         generate_series(1, length(p.t) - 1) AS i
$$"""

INDEXES = {"ix_documents_ngrams": ("documents", ("title", "issuer", "region_name", "doc_number")),
           "ix_targets_ngrams": ("targets", ("name", "text"))}
# the documents list's search from three characters on: pg_trgm on the columns the title's index of
# migration 0004 left out (a LIKE on any of the four columns read every document)
TRIGRAM = {f"ix_documents_{c}_trgm": c for c in ("issuer", "region_name", "doc_number")}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for name, (table, columns) in INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (zhibiao_ngrams({', '.join(columns)}))")
    for name, column in TRIGRAM.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON documents USING gin ({column} gin_trgm_ops)")
    # the bigram index's statistics (a sample of rows, a second at national scale): without them the
    # planner guesses how many rows hold a pair, and a common one (人民: 64,000 of 100,000 documents)
    # was read from the index and sorted (31 ms) instead of stopping at the first page of documents
    # in order (1 ms)
    op.execute("ANALYZE documents")
    op.execute("ANALYZE targets")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in [*INDEXES, *TRIGRAM]:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    op.execute("DROP FUNCTION IF EXISTS zhibiao_ngrams(text[])")

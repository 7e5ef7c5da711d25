"""The database schema as SQLAlchemy Core tables: the one definition of every table, column and
index. Migrations in ``store/migrations`` create it (tests check the two agree); the ORM classes of
:mod:`zhibiao.store.schema` are mapped onto these tables for the code that writes; the read path
(:mod:`zhibiao.track.queries`) queries them with Core alone, so a read command never imports the ORM.
Numbers are ``Numeric`` (Decimal), never floats."""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, Numeric,
                        String, Table, Text, UniqueConstraint, or_)

NUM = Numeric(24, 8)
metadata = MetaData()

regions = Table(
    "regions", metadata,
    Column("code", String(12), primary_key=True),
    Column("name", String(64), nullable=False, index=True),
    Column("level", String(16), nullable=False),
    Column("parent_code", String(12), index=True),
)

indicators = Table(
    "indicators", metadata,
    Column("id", String(80), primary_key=True),
    Column("name_zh", String(120), nullable=False),
    Column("name_en", String(200), nullable=False),
    Column("measure", String(16), nullable=False),
    Column("unit", String(32)),
    Column("direction", String(8), nullable=False),
    Column("binding", Boolean, nullable=False, default=False),
    Column("category", String(40)),
)

# The large columns (raw_text, text, metadata, extraction) are read only where needed: a scorecard
# over 60,000 documents never selects them (track/queries.py picks its columns).
# source_url … content_type: provenance of a document fetched from an address (zhibiao.fetch); NULL
# for local files.
documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False, index=True),
    Column("format", String(8), nullable=False),
    Column("doc_type", String(32), nullable=False),
    Column("title", Text),
    Column("issuer", String(120)),
    # the issuer is the usual one for the kind and region, not printed (NULL: stored before 0018)
    Column("issuer_inferred", Boolean),
    Column("region_code", String(12), index=True),
    Column("region_name", String(64)),
    Column("plan_year", Integer, index=True),
    Column("doc_number", String(80)),
    Column("issued_on", String(10)),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("metadata", JSON, nullable=False, default=dict),
    Column("extraction", JSON, nullable=False, default=dict),
    Column("extractor_version", String(32), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("source_url", Text, index=True),
    Column("final_url", Text),
    Column("retrieved_at", DateTime),
    Column("http_status", Integer),
    Column("content_type", String(120)),
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    Index("ix_documents_region_ingested", "region_code", "ingested_at"),
    Index("ix_documents_region_year", "region_code", "plan_year"),
)

# The bytes a fetched document was read from, once per content hash, so that re-extraction never
# needs the network again.
originals = Table(
    "originals", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("data", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
    Column("content_type", String(120)),
)

# An earlier version of a document, kept as its history when a changed version replaced it (the same
# address or path, different text). Only the newest version is active: its row is the document, and
# only its lines are tracked.
document_versions = Table(
    "document_versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("path", Text, nullable=False),
    Column("format", String(8), nullable=False),
    Column("title", Text),
    Column("doc_number", String(80)),
    Column("issued_on", String(10)),
    Column("plan_year", Integer),
    Column("source_url", Text),
    Column("final_url", Text),
    Column("retrieved_at", DateTime),
    Column("http_status", Integer),
    Column("content_type", String(120)),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("metadata", JSON, nullable=False, default=dict),
    Column("extraction", JSON, nullable=False, default=dict),
    Column("extractor_version", String(32), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Column("superseded_at", DateTime, nullable=False),
)

# A background "add by address" job of the web server: its progress and results, kept in the
# database so that every worker process of a server answers for it. state: queued | running | done | failed.
fetch_jobs = Table(
    "fetch_jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("urls", JSON, nullable=False, default=list),
    Column("done", Integer, nullable=False, default=0),
    Column("current", Text),
    Column("results", JSON, nullable=False, default=list),
    Column("error", Text),
    Column("created_at", DateTime, nullable=False, index=True),
    Column("finished_at", DateTime),
)

targets = Table(
    "targets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("region_code", String(12)),
    Column("year", Integer),
    Column("name", Text, nullable=False),
    Column("parent", Text),
    Column("category", String(40)),
    Column("seq", String(8)),
    Column("indicator", String(80)),
    Column("text", Text, nullable=False),
    Column("kind", String(16)),
    Column("comparator", String(8)),
    Column("value", NUM),
    Column("value_high", NUM),
    Column("unit", String(32)),
    Column("modality", String(16)),
    Column("reference", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("page", Integer),
    # one indicator across regions reads its regions from the index alone (migration 0014); the
    # indicator alone and indicator-and-year lookups use its prefixes
    Index("ix_targets_indicator_year_region", "indicator", "year", "region_code"),
    Index("ix_targets_region_year", "region_code", "year"),
)

# A target line a person should look at whatever its document: its wording unparsed, or no
# indicator — the review queue's rule (track/queries.py), and the partial index of those lines in
# document order it reads its first page from (migration 0012) instead of testing every line.
TO_REVIEW = or_(targets.c.kind.is_(None), targets.c.indicator.is_(None))
Index("ix_targets_to_review", targets.c.document_id, targets.c.line_no,
      sqlite_where=TO_REVIEW, postgresql_where=TO_REVIEW)

# An actual value: from a document (document_id set) or imported from statistics (source: the
# document's path or the import's source column).
observations = Table(
    "observations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), index=True),
    Column("line_no", Integer),
    Column("source", Text, nullable=False),
    Column("region_code", String(12)),
    Column("indicator", String(80), index=True),
    Column("name", Text, nullable=False),
    Column("year", Integer),
    Column("period", String(24)),
    Column("measure", String(16)),
    Column("value", NUM),
    Column("unit", String(32)),
    Column("comparator", String(8), nullable=False, default='='),
    Column("estimated", Boolean, nullable=False, default=False),
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("imported", Boolean, nullable=False, default=False),
    Index("ix_observations_region_year", "region_code", "year"),
)

commitments = Table(
    "commitments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("metric", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", NUM),
    Column("unit", String(32)),
    Column("comparator", String(8), nullable=False, default='='),
    Column("modality", String(16)),
    Column("year", Integer),
    Column("indicator", String(80)),
    Column("section_path", JSON, nullable=False, default=list),
    Column("span_start", Integer),
    Column("span_end", Integer),
)

# The status of every target as last computed by the tracker (track/snapshot.py), so that the SQL
# views (v_status) can show it to Datasette, pandas or a spreadsheet. The tracker stays the one place a
# status is decided; this is its output, refreshed after each ingest.
status_snapshot = Table(
    "status_snapshot", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("region_code", String(12), nullable=False),
    Column("year", Integer, nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("indicator", String(80)),
    Column("name", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("unit", String(32)),
    Column("value", NUM),
    Column("status", String(24), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("actual_value", NUM),
    Column("actual_text", Text),
    Column("document_id", Integer),
    Column("actual_document_id", Integer),
    Column("computed_at", DateTime, nullable=False),
    # what the parent-region grid shows of a line beside the above (migration 0008; NULL in lines
    # written before it, whose region-years the grid computes live)
    Column("explanation_en", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    # the grid's mark of the line's indicator against the parent region's target of it — stricter,
    # same, looser, different (track/grid.py) — so that a grid reads its children's marks with their
    # lines (migration 0013; NULL in lines written before it, whose marks the grid compares live,
    # in lines without an indicator, and in the lines of a region without a parent)
    Column("comparison", String(16)),
    # the basis of the actual figure that decided the line (official, revision, bulletin, preliminary,
    # estimate: the read model's), so that the grid marks a status an estimate decided (migration 0017;
    # NULL in lines written before it, whose region-years the grid decides afresh)
    Column("actual_basis", String(16)),
    # the period that figure covers: 2025-01/2025-11 for a part of the year's (a monthly report's 1—11月),
    # the year (2025) for a whole year's — so that the grid names a part of the year's months beside it, as the
    # scorecard does (``track.status.months_label``; migration 0019, which adds it to v_status too; NULL in
    # lines written before it, whose region-years the grid decides afresh)
    Column("actual_period", String(24)),
    Index("ix_status_snapshot_region_year", "region_code", "year"),
)

# One row per region-year of the snapshot: how many of its lines were reached, judged, pending
# (track/achievement.py), written with its lines (migration 0012). The home page's region tree reads
# these 34,000 rows at national scale instead of summing 1.1 million lines.
status_summary = Table(
    "status_summary", metadata,
    Column("region_code", String(12), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("lines", Integer, nullable=False),
    Column("reached", Integer, nullable=False),
    Column("judged", Integer, nullable=False),
    Column("pending", Integer, nullable=False),
    Column("computed_at", DateTime, nullable=False),
    # what decided these statuses (track/status.py, ``Rules.version``; migration 0016): a row of
    # other rules or code is not current
    Column("rules", String(16)),
    # of the judged, how many an estimate (预计数) decided (migration 0017; NULL in rows written before it)
    Column("estimated", Integer),
)

# target_key: the indicator id, or the target's name when unmapped.
status_overrides = Table(
    "status_overrides", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("region_code", String(12), nullable=False),
    Column("year", Integer, nullable=False),
    Column("target_key", Text, nullable=False),
    Column("status", String(24), nullable=False),
    Column("reason", Text, nullable=False),
    Column("who", String(80)),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("region_code", "year", "target_key", name="uq_status_override"),
)

# A reviewer's confirmation or correction of an extracted line, kept apart from extractions (keyed by
# the document's hash and the line) so that it survives re-extraction. line_type: target | actual |
# commitment; line_key: the span "start-end" of the line in the normalised text; action: confirm |
# correct | reject; changes: field -> corrected value.
corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_sha256", String(64), nullable=False, index=True),
    Column("line_type", String(16), nullable=False),
    Column("line_key", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("changes", JSON, nullable=False, default=dict),
    Column("who", String(80)),
    Column("created_at", DateTime, nullable=False),
)

# One row per change that the views read (migration 0009: added by triggers whenever a document,
# a reviewer's correction, a status override or an imported figure is written or removed): its
# largest id is the database's version, which the web's cache of views compares.
changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
)

# The columns a document is named, cited and listed by: all but the large ones.
DOCUMENT_LARGE = ("raw_text", "text", "metadata", "extraction")
DOCUMENT_BRIEF = tuple(c for c in documents.c if c.name not in DOCUMENT_LARGE)

"""The database schema (SQLAlchemy 2 declarative). Migrations in ``store/migrations`` create it;
tests check the two agree. Numbers are ``Numeric`` (Decimal), never floats."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (JSON, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, Numeric, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, undefer

NUM = Numeric(24, 8)


class Base(DeclarativeBase):
    pass


class RegionRow(Base):
    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(12), index=True)


class IndicatorRow(Base):
    __tablename__ = "indicators"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(16))
    unit: Mapped[str | None] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(8))
    binding: Mapped[bool] = mapped_column(Boolean, default=False)
    category: Mapped[str | None] = mapped_column(String(40))


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    format: Mapped[str] = mapped_column(String(8))
    doc_type: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(String(120))
    region_code: Mapped[str | None] = mapped_column(String(12), index=True)
    region_name: Mapped[str | None] = mapped_column(String(64))
    plan_year: Mapped[int | None] = mapped_column(Integer, index=True)
    doc_number: Mapped[str | None] = mapped_column(String(80))
    issued_on: Mapped[str | None] = mapped_column(String(10))
    # The large columns load only when read (a scorecard over 60,000 documents never needs them).
    raw_text: Mapped[str] = mapped_column(Text, deferred=True)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    doc_metadata: Mapped[dict] = mapped_column("metadata", JSON, default=dict, deferred=True)
    extraction: Mapped[dict] = mapped_column(JSON, default=dict, deferred=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    # Provenance of a document fetched from an address (zhibiao.fetch); NULL for local files.
    source_url: Mapped[str | None] = mapped_column(Text, index=True)
    final_url: Mapped[str | None] = mapped_column(Text)
    retrieved_at: Mapped[datetime | None] = mapped_column(DateTime)
    http_status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    targets: Mapped[list["TargetRow"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                      passive_deletes=True)
    __table_args__ = (Index("ix_documents_region_year", "region_code", "plan_year"),
                      Index("ix_documents_region_ingested", "region_code", "ingested_at"))


class OriginalRow(Base):
    """The bytes a fetched document was read from, once per content hash, so that re-extraction
    never needs the network again."""

    __tablename__ = "originals"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size: Mapped[int] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(120))


class DocumentVersionRow(Base):
    """An earlier version of a document, kept as its history when a changed version replaced it
    (the same address or path, different text). Only the newest version is active: its row is
    the document, and only its lines are tracked."""

    __tablename__ = "document_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(Text)
    doc_number: Mapped[str | None] = mapped_column(String(80))
    issued_on: Mapped[str | None] = mapped_column(String(10))
    plan_year: Mapped[int | None] = mapped_column(Integer)
    source_url: Mapped[str | None] = mapped_column(Text)
    final_url: Mapped[str | None] = mapped_column(Text)
    retrieved_at: Mapped[datetime | None] = mapped_column(DateTime)
    http_status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(120))
    raw_text: Mapped[str] = mapped_column(Text, deferred=True)
    text: Mapped[str] = mapped_column(Text, deferred=True)
    doc_metadata: Mapped[dict] = mapped_column("metadata", JSON, default=dict, deferred=True)
    extraction: Mapped[dict] = mapped_column(JSON, default=dict, deferred=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime] = mapped_column(DateTime)


class FetchJobRow(Base):
    """A background "add by address" job of the web server: its progress and results, kept in the
    database so that every worker process of a server answers for it."""

    __tablename__ = "fetch_jobs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # queued | running | done | failed
    urls: Mapped[list] = mapped_column(JSON, default=list)
    done: Mapped[int] = mapped_column(Integer, default=0)
    current: Mapped[str | None] = mapped_column(Text)
    results: Mapped[list] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class TargetRow(Base):
    __tablename__ = "targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    region_code: Mapped[str | None] = mapped_column(String(12))
    year: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    parent: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(40))
    seq: Mapped[str | None] = mapped_column(String(8))
    indicator: Mapped[str | None] = mapped_column(String(80), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(16))
    comparator: Mapped[str | None] = mapped_column(String(8))
    value: Mapped[Decimal | None] = mapped_column(NUM)
    value_high: Mapped[Decimal | None] = mapped_column(NUM)
    unit: Mapped[str | None] = mapped_column(String(32))
    modality: Mapped[str | None] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    document: Mapped[DocumentRow] = relationship(back_populates="targets")
    __table_args__ = (Index("ix_targets_region_year", "region_code", "year"),
                      Index("ix_targets_indicator_year", "indicator", "year"))


class ObservationRow(Base):
    """An actual value: from a document (document_id set) or imported from statistics."""

    __tablename__ = "observations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text)  # document path or the import's source column
    region_code: Mapped[str | None] = mapped_column(String(12))
    indicator: Mapped[str | None] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(24))
    measure: Mapped[str | None] = mapped_column(String(16))
    value: Mapped[Decimal | None] = mapped_column(NUM)
    unit: Mapped[str | None] = mapped_column(String(32))
    comparator: Mapped[str] = mapped_column(String(8), default="=")
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    imported: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (Index("ix_observations_region_year", "region_code", "year"),)


class CommitmentRow(Base):
    __tablename__ = "commitments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(NUM)
    unit: Mapped[str | None] = mapped_column(String(32))
    comparator: Mapped[str] = mapped_column(String(8), default="=")
    modality: Mapped[str | None] = mapped_column(String(16))
    year: Mapped[int | None] = mapped_column(Integer)
    indicator: Mapped[str | None] = mapped_column(String(80))
    section_path: Mapped[list] = mapped_column(JSON, default=list)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)


class StatusSnapshotRow(Base):
    """The status of every target as last computed by the tracker (``track/snapshot.py``), so that
    the SQL views (``v_status``) can show it to Datasette, pandas or a spreadsheet. The tracker
    stays the one place a status is decided; this is its output, refreshed after each ingest."""

    __tablename__ = "status_snapshot"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    region_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    line_no: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str | None] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(32))
    value: Mapped[Decimal | None] = mapped_column(NUM)
    status: Mapped[str] = mapped_column(String(24))
    explanation: Mapped[str] = mapped_column(Text)
    actual_value: Mapped[Decimal | None] = mapped_column(NUM)
    actual_text: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(Integer)
    actual_document_id: Mapped[int | None] = mapped_column(Integer)
    computed_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_status_snapshot_region_year", "region_code", "year"),)


class StatusOverrideRow(Base):
    __tablename__ = "status_overrides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    region_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    target_key: Mapped[str] = mapped_column(Text)  # indicator id, or the target's name when unmapped
    status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    who: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("region_code", "year", "target_key", name="uq_status_override"),)


class CorrectionRow(Base):
    """A reviewer's confirmation or correction of an extracted line, kept apart from extractions
    (keyed by the document's hash and the line) so that it survives re-extraction."""

    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_sha256: Mapped[str] = mapped_column(String(64), index=True)
    line_type: Mapped[str] = mapped_column(String(16))  # target | actual | commitment
    line_key: Mapped[str] = mapped_column(Text)  # span "start-end" of the line in the normalised text
    action: Mapped[str] = mapped_column(String(16))  # confirm | correct
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> corrected value
    who: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime)


# Loader options for code that reads a document's large columns after its session closes.
FULL_DOCUMENT = [undefer(DocumentRow.raw_text), undefer(DocumentRow.text), undefer(DocumentRow.doc_metadata),
                 undefer(DocumentRow.extraction)]

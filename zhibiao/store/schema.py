"""The ORM classes of the code that writes (ingest, imports, jobs), mapped onto the Core tables of
:mod:`zhibiao.store.tables` — the one definition of the schema. Reading goes through Core
(``track/queries.py``), so that read commands never import the ORM."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, relationship, undefer

from zhibiao.store import tables
from zhibiao.store.tables import NUM  # noqa: F401  (kept importable from here)


class Base(DeclarativeBase):
    metadata = tables.metadata


class RegionRow(Base):
    __tablename__ = "regions"
    __table__ = tables.regions
    code: Mapped[str]
    name: Mapped[str]
    level: Mapped[str]
    parent_code: Mapped[str | None]


class IndicatorRow(Base):
    __tablename__ = "indicators"
    __table__ = tables.indicators
    id: Mapped[str]
    name_zh: Mapped[str]
    name_en: Mapped[str]
    measure: Mapped[str]
    unit: Mapped[str | None]
    direction: Mapped[str]
    binding: Mapped[bool]
    category: Mapped[str | None]


class DocumentRow(Base):
    __tablename__ = "documents"
    __table__ = tables.documents
    id: Mapped[int]
    sha256: Mapped[str]
    path: Mapped[str]
    format: Mapped[str]
    doc_type: Mapped[str]
    title: Mapped[str | None]
    issuer: Mapped[str | None]
    issuer_inferred: Mapped[bool | None]
    region_code: Mapped[str | None]
    region_name: Mapped[str | None]
    plan_year: Mapped[int | None]
    doc_number: Mapped[str | None]
    issued_on: Mapped[str | None]
    # The large columns load only when read (a scorecard over 60,000 documents never needs them).
    raw_text: Mapped[str] = deferred(tables.documents.c.raw_text)
    text: Mapped[str] = deferred(tables.documents.c.text)
    doc_metadata: Mapped[dict] = deferred(tables.documents.c.metadata)
    extraction: Mapped[dict] = deferred(tables.documents.c.extraction)
    extractor_version: Mapped[str]
    ingested_at: Mapped[datetime]
    source_url: Mapped[str | None]
    final_url: Mapped[str | None]
    retrieved_at: Mapped[datetime | None]
    http_status: Mapped[int | None]
    content_type: Mapped[str | None]
    version: Mapped[int]
    targets: Mapped[list["TargetRow"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                      passive_deletes=True)


class OriginalRow(Base):
    __tablename__ = "originals"
    __table__ = tables.originals
    sha256: Mapped[str]
    data: Mapped[bytes] = deferred(tables.originals.c.data)
    size: Mapped[int]
    content_type: Mapped[str | None]


class DocumentVersionRow(Base):
    __tablename__ = "document_versions"
    __table__ = tables.document_versions
    id: Mapped[int]
    document_id: Mapped[int]
    version: Mapped[int]
    sha256: Mapped[str]
    path: Mapped[str]
    format: Mapped[str]
    title: Mapped[str | None]
    doc_number: Mapped[str | None]
    issued_on: Mapped[str | None]
    plan_year: Mapped[int | None]
    source_url: Mapped[str | None]
    final_url: Mapped[str | None]
    retrieved_at: Mapped[datetime | None]
    http_status: Mapped[int | None]
    content_type: Mapped[str | None]
    raw_text: Mapped[str] = deferred(tables.document_versions.c.raw_text)
    text: Mapped[str] = deferred(tables.document_versions.c.text)
    doc_metadata: Mapped[dict] = deferred(tables.document_versions.c.metadata)
    extraction: Mapped[dict] = deferred(tables.document_versions.c.extraction)
    extractor_version: Mapped[str]
    ingested_at: Mapped[datetime]
    superseded_at: Mapped[datetime]


class FetchJobRow(Base):
    __tablename__ = "fetch_jobs"
    __table__ = tables.fetch_jobs
    id: Mapped[str]
    state: Mapped[str]
    urls: Mapped[list]
    done: Mapped[int]
    current: Mapped[str | None]
    results: Mapped[list]
    error: Mapped[str | None]
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]


class TargetRow(Base):
    __tablename__ = "targets"
    __table__ = tables.targets
    id: Mapped[int]
    document_id: Mapped[int]
    line_no: Mapped[int]
    region_code: Mapped[str | None]
    year: Mapped[int | None]
    name: Mapped[str]
    parent: Mapped[str | None]
    category: Mapped[str | None]
    seq: Mapped[str | None]
    indicator: Mapped[str | None]
    text: Mapped[str]
    kind: Mapped[str | None]
    comparator: Mapped[str | None]
    value: Mapped[Decimal | None]
    value_high: Mapped[Decimal | None]
    unit: Mapped[str | None]
    modality: Mapped[str | None]
    reference: Mapped[str | None]
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    page: Mapped[int | None]
    document: Mapped[DocumentRow] = relationship(back_populates="targets")


class ObservationRow(Base):
    __tablename__ = "observations"
    __table__ = tables.observations
    id: Mapped[int]
    document_id: Mapped[int | None]
    line_no: Mapped[int | None]
    source: Mapped[str]
    region_code: Mapped[str | None]
    indicator: Mapped[str | None]
    name: Mapped[str]
    year: Mapped[int | None]
    period: Mapped[str | None]
    measure: Mapped[str | None]
    value: Mapped[Decimal | None]
    unit: Mapped[str | None]
    comparator: Mapped[str]
    estimated: Mapped[bool]
    text: Mapped[str | None]
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    imported: Mapped[bool]


class CommitmentRow(Base):
    __tablename__ = "commitments"
    __table__ = tables.commitments
    id: Mapped[int]
    document_id: Mapped[int]
    line_no: Mapped[int]
    metric: Mapped[str]
    text: Mapped[str]
    value: Mapped[Decimal | None]
    unit: Mapped[str | None]
    comparator: Mapped[str]
    modality: Mapped[str | None]
    year: Mapped[int | None]
    indicator: Mapped[str | None]
    section_path: Mapped[list]
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]


class StatusSnapshotRow(Base):
    __tablename__ = "status_snapshot"
    __table__ = tables.status_snapshot
    id: Mapped[int]
    region_code: Mapped[str]
    year: Mapped[int]
    line_no: Mapped[int]
    indicator: Mapped[str | None]
    name: Mapped[str]
    text: Mapped[str]
    unit: Mapped[str | None]
    value: Mapped[Decimal | None]
    status: Mapped[str]
    explanation: Mapped[str]
    actual_value: Mapped[Decimal | None]
    actual_text: Mapped[str | None]
    document_id: Mapped[int | None]
    actual_document_id: Mapped[int | None]
    computed_at: Mapped[datetime]


class StatusOverrideRow(Base):
    __tablename__ = "status_overrides"
    __table__ = tables.status_overrides
    id: Mapped[int]
    region_code: Mapped[str]
    year: Mapped[int]
    target_key: Mapped[str]
    status: Mapped[str]
    reason: Mapped[str]
    who: Mapped[str | None]
    created_at: Mapped[datetime]


class CorrectionRow(Base):
    __tablename__ = "corrections"
    __table__ = tables.corrections
    id: Mapped[int]
    document_sha256: Mapped[str]
    line_type: Mapped[str]
    line_key: Mapped[str]
    action: Mapped[str]
    changes: Mapped[dict]
    who: Mapped[str | None]
    created_at: Mapped[datetime]


# Loader options for code that reads a document's large columns after its session closes.
FULL_DOCUMENT = [undefer(DocumentRow.raw_text), undefer(DocumentRow.text), undefer(DocumentRow.doc_metadata),
                 undefer(DocumentRow.extraction)]

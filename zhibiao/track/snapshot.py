"""The status snapshot: every target's status as the tracker decides it, written to the
``status_snapshot`` table so that the SQL view ``v_status`` shows statuses to tools that read the
database directly (Datasette, pandas, a spreadsheet). Refreshed by ``zhibiao ingest``,
``reindex`` and ``import-actuals``, and by ``zhibiao snapshot``; each row carries when."""
from __future__ import annotations

from decimal import Decimal

from datetime import datetime

from sqlalchemy import delete, exists, select

from zhibiao.store.database import now
from zhibiao.store.schema import DocumentRow, RegionRow, StatusSnapshotRow, TargetRow


def _dec(v) -> Decimal | None:
    return Decimal(str(v)) if v is not None else None


def affected_since(db, since: datetime) -> set[tuple[str, int]]:
    """The region-years whose status may have changed because documents were stored since
    ``since``: every year of each region those documents are about (their targets and actuals
    reach across years), and of that region's children (a child's 完成省下达目标 reads its
    parent's target). At national scale this keeps an ingest of a few documents from recomputing
    every status in the database."""
    with db.session() as s:
        touched = set(s.scalars(select(DocumentRow.region_code).where(DocumentRow.ingested_at >= since,
                                                                      DocumentRow.region_code.is_not(None))
                                .distinct()))
    return affected_by(db, touched)


def affected_by(db, region_codes: set[str]) -> set[tuple[str, int]]:
    """The region-years a change to documents of these regions can affect: every year of each
    region with targets, and of its children's (see :func:`affected_since`)."""
    touched = {c for c in region_codes if c}
    if not touched:
        return set()
    with db.session() as s:
        codes = touched | set(s.scalars(select(RegionRow.code).where(RegionRow.parent_code.in_(touched))))
        out: set[tuple[str, int]] = set()
        chunk = sorted(codes)
        for i in range(0, len(chunk), 500):  # bounded IN lists
            out |= set(s.execute(select(TargetRow.region_code, TargetRow.year).where(
                TargetRow.region_code.in_(chunk[i:i + 500]), TargetRow.year.is_not(None)).distinct()).all())
        return out


def refresh_regions(tracker, region_codes: set[str]) -> int:
    """After documents of these regions were stored or deleted (an upload, a deletion in the web):
    their region-years' statuses recomputed, and the lines of region-years left without targets
    dropped. Returns the number of lines written."""
    n = refresh(tracker, affected_by(tracker.db, region_codes))
    with tracker.db.session.begin() as s:  # region-years of these regions that lost every target
        s.execute(delete(StatusSnapshotRow).where(StatusSnapshotRow.region_code.in_(sorted(c for c in region_codes if c)),
                                                  ~exists().where(TargetRow.region_code == StatusSnapshotRow.region_code,
                                                                  TargetRow.year == StatusSnapshotRow.year)))
    return n


def drop_orphans(db) -> int:
    """Snapshot lines of region-years that no longer have any target (their documents were
    replaced or deleted)."""
    with db.session.begin() as s:
        result = s.execute(delete(StatusSnapshotRow).where(~exists().where(
            TargetRow.region_code == StatusSnapshotRow.region_code, TargetRow.year == StatusSnapshotRow.year)))
    return result.rowcount or 0


def refresh(tracker, region_years: set[tuple[str, int]] | None = None) -> int:
    """Recompute the status of the given region-years (all with targets by default); returns
    the number of lines written. One transaction per region-year."""
    db = tracker.db
    if region_years is None:
        with db.session() as s:
            region_years = set(s.execute(select(TargetRow.region_code, TargetRow.year).where(
                TargetRow.region_code.is_not(None), TargetRow.year.is_not(None)).distinct()).all())
    written = 0
    for code, year in sorted(region_years):
        report = tracker.status(code, year)
        stamp = now()
        with db.session.begin() as s:
            s.execute(delete(StatusSnapshotRow).where(StatusSnapshotRow.region_code == code,
                                                      StatusSnapshotRow.year == year))
            for i, line in enumerate(report.targets):
                a = line.actual or {}
                s.add(StatusSnapshotRow(
                    region_code=code, year=year, line_no=i, indicator=line.indicator, name=line.name, text=line.text,
                    unit=line.unit, value=_dec(line.value), status=line.status, explanation=line.explanation,
                    actual_value=_dec(a.get("value")), actual_text=a.get("text"),
                    document_id=(line.citation or {}).get("document_id"),
                    actual_document_id=(a.get("citation") or {}).get("document_id"), computed_at=stamp))
                written += 1
    return written

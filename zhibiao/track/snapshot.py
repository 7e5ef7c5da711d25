"""The status snapshot: every target's status as the tracker decides it, written to the
``status_snapshot`` table so that the SQL view ``v_status`` shows statuses to tools that read the
database directly (Datasette, pandas, a spreadsheet). Refreshed by ``zhibiao ingest``,
``reindex`` and ``import-actuals``, and by ``zhibiao snapshot``; each row carries when."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import delete, select

from zhibiao.store.database import now
from zhibiao.store.schema import StatusSnapshotRow, TargetRow


def _dec(v) -> Decimal | None:
    return Decimal(str(v)) if v is not None else None


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

"""Fetching jobs in the database: created by one worker process of the server, run by a thread of
it, read by any (``GET /api/v1/jobs/{id}``)."""
from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select

from zhibiao.store.database import Database, now, retried
from zhibiao.store.schema import FetchJobRow

STALE = timedelta(hours=1)  # a job "running" longer than this was cut short by a stopped server
KEEP = timedelta(days=7)


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value is not None else None


def job_dict(row: FetchJobRow) -> dict[str, Any]:
    state, error = row.state, row.error
    if state in ("queued", "running") and now() - row.created_at > STALE:
        state, error = "failed", error or "interrupted: the server stopped before the job finished"
    return {"id": row.id, "state": state, "total": len(row.urls or []), "done": row.done, "current": row.current,
            "results": list(row.results or []), "error": error, "created_at": _iso(row.created_at),
            "finished_at": _iso(row.finished_at), "urls": list(row.urls or [])}


def waiting(db: Database) -> int:
    """Jobs queued or running (and not stale)."""
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(FetchJobRow).where(
            FetchJobRow.state.in_(("queued", "running")), FetchJobRow.created_at > now() - STALE)) or 0


@retried
def create_job(db: Database, urls: list[str]) -> dict[str, Any]:
    with db.session.begin() as s:
        s.execute(delete(FetchJobRow).where(FetchJobRow.created_at < now() - KEEP))  # old jobs are forgotten
        row = FetchJobRow(id=uuid.uuid4().hex, state="queued", urls=list(urls), done=0, results=[],
                          created_at=now())
        s.add(row)
    return job_dict(row)


def get_job(db: Database, job_id: str) -> dict[str, Any] | None:
    with db.session() as s:
        row = s.get(FetchJobRow, job_id)
        return job_dict(row) if row is not None else None


@retried
def update_job(db: Database, job_id: str, *, result: dict | None = None, finished: bool = False,
               **fields: Any) -> None:
    """Set fields (state, done, current, error), append a result, or mark the job finished."""
    with db.session.begin() as s:
        row = s.get(FetchJobRow, job_id)
        if row is None:
            return
        for key, value in fields.items():
            setattr(row, key, value)
        if result is not None:
            row.results = list(row.results or []) + [result]
        if finished:
            row.finished_at = now()

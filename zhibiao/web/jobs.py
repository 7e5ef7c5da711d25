"""Background jobs for "add by address": polite fetching takes seconds per page, so a request
starts a job and returns at once; the page polls the job for its progress. One worker thread
fetches (one host at a time is the polite rate anyway); a bounded number of jobs wait, older
finished ones are forgotten."""
from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select

from zhibiao.errors import InputError
from zhibiao.store import Database
from zhibiao.store.schema import DocumentRow

MAX_WAITING = 8
KEEP_FINISHED = 100


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Job:
    id: str
    urls: list[str]
    state: str = "queued"  # queued | running | done | failed
    current: str | None = None
    done: int = 0  # addresses finished
    results: list[dict] = field(default_factory=list)
    error: str | None = None
    created_at: str = field(default_factory=_now)
    finished_at: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "state": self.state, "total": len(self.urls), "done": self.done,
                "current": self.current, "results": list(self.results), "error": self.error,
                "created_at": self.created_at, "finished_at": self.finished_at, "urls": list(self.urls)}


class Jobs:
    def __init__(self, db: Database):
        self.db = db
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhibiao-fetch")

    def submit(self, urls: list[str]) -> Job:
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.state in ("queued", "running"))
            if waiting >= MAX_WAITING:
                raise InputError(f"{waiting} fetching jobs are already waiting; try again when they are done")
            job = Job(uuid.uuid4().hex, list(urls))
            self._jobs[job.id] = job
            finished = [k for k, j in self._jobs.items() if j.state in ("done", "failed")]
            for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
                del self._jobs[key]
        self._pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def _run(self, job: Job) -> None:
        from zhibiao.store.addresses import ingest_addresses

        job.state = "running"

        def started(url: str) -> None:
            job.current = url

        def progressed(r) -> None:
            with self.db.session() as s:
                doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.source_url == r.url)) if r.url else None
            job.results.append({"url": r.url or r.path, "via": r.via, "status": r.status, "error": r.error,
                                "title": r.title, "document_id": doc_id, "targets": r.targets, "actuals": r.actuals})

        def finished(_url: str) -> None:
            job.done += 1

        try:
            ingest_addresses(self.db, job.urls, on_start=started, on_progress=progressed, on_done=finished)
            job.state = "done"
        except Exception as exc:  # a bad setting, a database gone: the job says so, the server goes on
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            job.current, job.finished_at = None, _now()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

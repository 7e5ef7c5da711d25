"""Background jobs for "add by address": polite fetching takes seconds per page, so a request
starts a job and returns at once; the page polls the job for its progress. The job's state lives
in the database (zhibiao.store.jobs), so any worker process of the server can report it; one
thread per process runs the jobs it accepted, in turn (one host at a time is the polite rate)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from zhibiao.errors import InputError
from zhibiao.store import Database
from zhibiao.store.jobs import create_job, get_job, update_job, waiting
from zhibiao.track.queries import ReadModel

MAX_WAITING = 8


class Jobs:
    def __init__(self, db: Database):
        self.db = db
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zhibiao-fetch")

    def submit(self, urls: list[str]) -> dict:
        busy = waiting(self.db)
        if busy >= MAX_WAITING:
            raise InputError(f"{busy} fetching jobs are already waiting; try again when they are done")
        job = create_job(self.db, urls)
        self._pool.submit(self._run, job["id"], list(urls))
        return job

    def get(self, job_id: str) -> dict | None:
        return get_job(self.db, job_id)

    def _run(self, job_id: str, urls: list[str]) -> None:
        from zhibiao.ingest import ingest_addresses

        done = 0
        update_job(self.db, job_id, state="running")

        def started(url: str) -> None:
            update_job(self.db, job_id, current=url)

        def progressed(r) -> None:
            doc_id = ReadModel(self.db).document_id_at(r.url) if r.url else None
            update_job(self.db, job_id, result={"url": r.url or r.path, "via": r.via, "status": r.status,
                                                "error": r.error, "title": r.title, "document_id": doc_id,
                                                "targets": r.targets, "actuals": r.actuals})

        def finished(_url: str) -> None:
            nonlocal done
            done += 1
            update_job(self.db, job_id, done=done)

        try:
            ingest_addresses(self.db, urls, on_start=started, on_progress=progressed, on_done=finished)
            update_job(self.db, job_id, state="done", current=None, finished=True)
        except Exception as exc:  # a bad setting, a database gone: the job says so, the server goes on
            update_job(self.db, job_id, state="failed", current=None, error=f"internal error, the job stopped: {type(exc).__name__}: {exc}",
                       finished=True)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

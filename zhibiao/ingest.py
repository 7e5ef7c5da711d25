"""Building the database from documents: the orchestration above the store.

    >>> import zhibiao
    >>> from zhibiao.ingest import ingest
    >>> tracker = zhibiao.open("zhibiao.db")
    >>> ingest(tracker.db, ["~/plans"], jobs=2).to_dict()

Files are extracted in worker processes (``jobs``), addresses through the polite fetcher
(:mod:`zhibiao.fetch`); each extracted document is handed to :mod:`zhibiao.store.ingest`, which
writes a batch of them in one transaction (the parent process does all writing, so a killed ingest
leaves only whole documents behind). The store itself never runs extraction: data flows
load → text → extract → catalog → store, and this module is what connects them.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from zhibiao import workers
from zhibiao.errors import ZhibiaoError
from zhibiao.models import LoadedText
from zhibiao.store.database import Database
from zhibiao.store.ingest import (Extracted, FileResult, IngestSummary, documents_to_reindex, file_sha256, iter_files,
                                  known_hashes, replace_extraction, reviewed_plan_year, store, store_many,
                                  stored_loaded)

__all__ = ["Extracted", "FileResult", "IngestSummary", "extract_loaded", "extract_one", "ingest",
           "ingest_addresses", "iter_files", "read_address_list", "reindex", "set_plan_year", "store"]


def extract_one(path: str) -> Extracted:
    """A file loaded and extracted (in a worker process), or the one-line reason it could not be."""
    from zhibiao.api import read_and_extract

    try:
        doc, e = read_and_extract(path)  # within the per-document time limit (ZHIBIAO_MAX_SECONDS)
        return Extracted(path, doc.loaded, doc.text, e, None, extraction_dict=e.to_dict())
    except ZhibiaoError as exc:
        return Extracted(path, None, None, None, str(exc))
    except Exception as exc:  # never let one strange document stop the others
        return Extracted(path, None, None, None, f"{path}: unexpected error: {type(exc).__name__}: {exc}")


def extract_loaded(loaded: LoadedText, plan_year: int | None = None) -> Extracted:
    """Text a loader already read (a fetched document, a stored one) extracted (dated by
    ``plan_year`` when a reviewer set one)."""
    from zhibiao.api import extract
    from zhibiao.text.document import Document

    doc = Document.from_loaded(loaded)
    return Extracted(loaded.path, loaded, doc.text, extract(doc, plan_year=plan_year), None)


_WORKER: dict = {}


def _start_worker(known: frozenset[str], dialect: str | None = None) -> None:
    _WORKER["known"], _WORKER["dialect"] = known, dialect


def _extract_in_worker(path: str) -> Extracted | FileResult:
    """In a worker process: a file whose bytes are stored already is only hashed (reported
    unchanged), any other extracted. After the first document — imports, catalogue and lexicon
    loaded — what the process holds (≈ 77,000 objects) is moved out of the garbage collector's
    sight and its youngest generation collected less often (``workers.settle_garbage_collector``):
    the collections each document's many small objects trigger no longer scan it again and again
    (the freeze measured 14.9 → 13.8 ms of CPU per generated document; the threshold −1.8 % of the
    seeds' instructions more)."""
    x = _unless_known(path, _WORKER.get("known"), _WORKER.get("dialect"))
    if not _WORKER.get("frozen"):
        workers.settle_garbage_collector(collect=False)
        _WORKER["frozen"] = True
    return x


def _unless_known(path: str, known: frozenset[str] | set[str] | None, dialect: str | None = None) -> Extracted | FileResult:
    if known:
        p = Path(path)
        sha = file_sha256(p) if p.is_file() else None
        if sha is not None and sha in known:
            return FileResult(path, "unchanged")
    return extract_one(path).for_writer(dialect)


def ingest(db: Database, paths: Iterable[str | os.PathLike], jobs: int = 1,
           on_progress: Callable[[FileResult], None] | None = None, batch: int = 32,
           listed: bool = False) -> IngestSummary:
    """Files, folders (recursively) and glob patterns extracted and stored, a batch of up to
    ``batch`` documents per transaction (a document the database refuses is stored alone, never
    half-written); files whose bytes are stored already are skipped unread (hashed by the
    workers, not by this process: at national scale hashing 2 GB here kept the workers waiting).
    ``listed``: ``paths`` is what :func:`iter_files` returned already (the CLI lists the files to
    size its progress bar), taken as it is rather than listed again."""
    files = [str(f) for f in (paths if listed else iter_files(paths))]
    known = frozenset(known_hashes(db))
    dialect = db.engine.dialect.name  # the workers make the lines' values ready for it
    summary = IngestSummary()

    def results() -> Iterator[Extracted | FileResult]:
        if jobs > 1 and len(files) > 1:
            # A bounded window of documents in flight: memory stays flat however large the corpus. It
            # holds a batch per worker: work is handed out only as results are taken, and the writer
            # takes none while it writes a batch — with a smaller window the workers went idle then.
            with workers.pool(jobs, _start_worker, (known, dialect)) as pool:
                yield from workers.in_order(pool, _extract_in_worker, files, window=max(4, batch) * jobs)
        else:
            for p in files:
                yield _unless_known(p, known, dialect)

    # The writer stores documents in batches, one transaction each (store_many): up to `batch`
    # documents, or what arrived within a second, so progress keeps moving when extraction is slow.
    pending: list[Extracted | FileResult] = []
    started = time.monotonic()

    def flush() -> None:
        todo = [x for x in pending if isinstance(x, Extracted) and not x.error]
        stored = iter(store_many(db, todo) if todo else [])
        for x in pending:
            r = x if isinstance(x, FileResult) else FileResult(x.path, "failed", x.error) if x.error else next(stored)
            summary.results.append(r)
            if on_progress:
                on_progress(r)
        pending.clear()

    for x in results():
        if not pending:
            started = time.monotonic()
        pending.append(x)
        if len(pending) >= batch or time.monotonic() - started >= 1.0:
            flush()
    flush()
    return summary


def reindex(db: Database, everything: bool = False,
            on_progress: Callable[[FileResult], None] | None = None) -> IngestSummary:
    """Re-extract stored documents (those read by an older extractor, or all), from their stored
    text: the files need not exist any more. Reviewers' corrections are kept apart and survive."""
    summary = IngestSummary()
    for doc_id in documents_to_reindex(db, everything):
        r = replace_extraction(db, doc_id, extract_loaded(stored_loaded(db, doc_id), reviewed_plan_year(db, doc_id)))
        summary.results.append(r)
        if on_progress:
            on_progress(r)
    return summary


def set_plan_year(db: Database, doc_id: int, year: int, who: str | None = None) -> dict:
    """A reviewer sets a stored document's plan year (its text says none, or the wrong one): the
    document is extracted again from its stored text, dated by that year — every target's, result's
    and table's year follows from it as the extraction decides them (one owner of the plan year) —
    and the choice kept as a correction, so a re-extraction dates it so again. Returns the
    document's id, the year it had and has, and its region (whose statuses change)."""
    from zhibiao.errors import InputError, NotFound
    from zhibiao.store.schema import DocumentRow

    if not isinstance(year, int) or isinstance(year, bool) or not 1950 <= year <= 2099:
        raise InputError(f"plan year {year!r}: a year from 1950 to 2099")
    with db.session() as s:
        row = s.get(DocumentRow, doc_id)
        if row is None:
            raise NotFound(f"no document {doc_id}")
        before = row.plan_year
    r = replace_extraction(db, doc_id, extract_loaded(stored_loaded(db, doc_id), year), plan_year_set=year, who=who)
    with db.session() as s:
        row = s.get(DocumentRow, doc_id)
        return {"document_id": doc_id, "before": before, "plan_year": row.plan_year, "region": row.region_code,
                "targets": r.targets, "actuals": r.actuals}


def read_address_list(text: str) -> list[str]:
    """Addresses from a --urls file: one per line; blank lines and # comments skipped."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line and line not in out:
            out.append(line)
    return out


def ingest_addresses(db: Database, urls: Iterable[str], fetcher=None,
                     on_progress: Callable[[FileResult], None] | None = None,
                     on_start: Callable[[str], None] | None = None,
                     on_done: Callable[[str], None] | None = None,
                     summary: IngestSummary | None = None) -> IngestSummary:
    """Fetch, extract and store every address (:mod:`zhibiao.fetch`: politely, within limits, never
    a private address unless allowed): the page, or the attachments of an article, each stored with
    its provenance and original bytes by the same rules as files (unchanged text changes nothing;
    changed text is a new version). ``on_start(url)`` is called before each address,
    ``on_progress(result)`` after each document (or failure), ``on_done(url)`` after each address
    with everything it stood for."""
    from zhibiao.fetch import Fetcher, fetch_address

    summary = summary if summary is not None else IngestSummary()
    own = fetcher is None
    fetcher = fetcher or Fetcher()

    def report(r: FileResult) -> None:
        summary.results.append(r)
        if on_progress:
            on_progress(r)

    try:
        for url in urls:
            if on_start:
                on_start(url)
            try:
                outcome = fetch_address(url, fetcher)
            except ZhibiaoError as exc:
                report(FileResult(url, "failed", str(exc), url=url))
                if on_done:
                    on_done(url)
                continue
            for doc in outcome.documents:
                via = doc.provenance.article["url"] if doc.provenance.article else None
                try:
                    x = extract_loaded(doc.loaded)
                    article_title = (doc.provenance.article or {}).get("title")
                    d = x.extraction.document
                    if article_title and not doc.loaded.title and (d.title is None or d.region is None):
                        # an attachment whose text names no title or region: the article's title does
                        doc.loaded.title = article_title
                        x = extract_loaded(doc.loaded)
                except ZhibiaoError as exc:
                    report(FileResult(doc.provenance.url, "failed", str(exc), url=doc.provenance.url, via=via))
                    continue
                except Exception as exc:  # never let one strange document stop the others
                    report(FileResult(doc.provenance.url, "failed", f"{doc.provenance.url}: unexpected error: "
                                      f"{type(exc).__name__}: {exc}", url=doc.provenance.url, via=via))
                    continue
                x = Extracted(x.path, x.loaded, x.normalized_text, x.extraction, None, doc.provenance, doc.original)
                r = store(db, x)
                r.url, r.via, r.title = doc.provenance.url, via, x.extraction.document.title
                report(r)
            for failure in outcome.failures:
                report(FileResult(failure.path, "failed", str(failure), url=failure.path, via=url))
            if on_done:
                on_done(url)
    finally:
        if own:
            fetcher.close()
    return summary

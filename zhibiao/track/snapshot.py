"""The status snapshot: every target's status as the tracker decides it, written to the
``status_snapshot`` table so that the SQL view ``v_status`` shows statuses to tools that read the
database directly (Datasette, pandas, a spreadsheet). Refreshed by ``zhibiao ingest``,
``reindex`` and ``import-actuals``, and by ``zhibiao snapshot``; each row carries when.

At national scale (≈ 32,500 region-years, ≈ 10 ms of CPU each) the statuses are computed by
``jobs`` worker processes, region-years being independent, and written by this one process, a
batch of region-years per transaction (each region-year whole: its old lines deleted and its new
ones inserted in the same transaction)."""
from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from decimal import Decimal
from typing import Callable, Iterator

from sqlalchemy import delete, exists, insert, select

from zhibiao.store.database import now, retried
from zhibiao.store.tables import regions, status_snapshot, status_summary, targets
from zhibiao.track.achievement import achievement
from zhibiao.track.grid import comparison_label
from zhibiao.track.queries import ChosenTarget, ReadModel
from zhibiao.track.status import actual_period

# Region-years handed to a worker at a time (all the years of a region go together, so that what
# the worker remembers of a region and its parent serves them all), and written per transaction.
CHUNK = 24
# Below this many region-years, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def _dec(v) -> Decimal | None:
    return Decimal(str(v)) if v is not None else None


def affected_since(db, since: datetime) -> set[tuple[str, int]]:
    """The region-years whose status may have changed because documents were stored since
    ``since``: every year of each region those documents are about (their targets and actuals
    reach across years), and of that region's children (a child's 完成省下达目标 reads its
    parent's target). At national scale this keeps an ingest of a few documents from recomputing
    every status in the database."""
    from zhibiao.store.tables import documents

    with db.engine.connect() as conn:
        touched = set(conn.scalars(select(documents.c.region_code).where(documents.c.ingested_at >= since,
                                                                         documents.c.region_code.is_not(None))
                                   .distinct()))
    return affected_by(db, touched)


def affected_by(db, region_codes: set[str]) -> set[tuple[str, int]]:
    """The region-years a change to documents of these regions can affect: every year of each
    region with targets, and of its children's (see :func:`affected_since`)."""
    touched = {c for c in region_codes if c}
    if not touched:
        return set()
    out: set[tuple[str, int]] = set()
    with db.engine.connect() as conn:
        codes = set(touched)
        chunk = sorted(touched)
        for i in range(0, len(chunk), 500):  # bounded IN lists
            codes |= set(conn.scalars(select(regions.c.code).where(regions.c.parent_code.in_(chunk[i:i + 500]))))
        chunk = sorted(codes)
        for i in range(0, len(chunk), 500):
            out |= set(conn.execute(select(targets.c.region_code, targets.c.year).where(
                targets.c.region_code.in_(chunk[i:i + 500]), targets.c.year.is_not(None)).distinct()).all())
    return out


def refresh_regions(tracker, region_codes: set[str]) -> int:
    """After documents of these regions were stored or deleted (an upload, a deletion in the web):
    their region-years' statuses recomputed, and the lines of region-years left without targets
    dropped. Returns the number of lines written."""
    n = refresh(tracker, affected_by(tracker.db, region_codes))
    _drop_emptied(tracker.db, region_codes)
    return n


@retried
def _drop_emptied(db, region_codes: set[str]) -> None:
    """The snapshot's region-years of these regions that lost every target, dropped."""
    with db.engine.begin() as conn:
        for table in (status_snapshot, status_summary):
            conn.execute(delete(table).where(
                table.c.region_code.in_(sorted(c for c in region_codes if c)),
                ~exists().where(targets.c.region_code == table.c.region_code, targets.c.year == table.c.year)))


@retried
def drop_orphans(db) -> int:
    """Snapshot lines of region-years that no longer have any target (their documents were
    replaced or deleted)."""
    with db.engine.begin() as conn:
        result = conn.execute(delete(status_snapshot).where(~exists().where(
            targets.c.region_code == status_snapshot.c.region_code, targets.c.year == status_snapshot.c.year)))
        conn.execute(delete(status_summary).where(~exists().where(
            targets.c.region_code == status_summary.c.region_code, targets.c.year == status_summary.c.year)))
    return result.rowcount or 0


def stale(db, version: str, on_progress: Callable[[int, int], None] | None = None) -> set[tuple[str, int]]:
    """The region-years with targets whose snapshot is not current (``ReadModel.current_snapshot``):
    missing, written before the columns the grid reads (migration 0008), decided under other rules
    or code than ``version`` (``Rules.version``: an upgrade), older than a document, review or
    override of the region (or of its parent) stored since, or citing a deleted document.
    ``zhibiao snapshot --stale`` recomputes these only — after an upgrade, or to finish an
    interrupted refresh (each batch is committed as it is written)."""
    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    with db.engine.connect() as conn:
        region_years = conn.execute(select(targets.c.region_code, targets.c.year).where(
            targets.c.region_code.is_not(None), targets.c.year.is_not(None)).distinct()).all()
    by_year: dict[int, list[str]] = {}
    for code, year in region_years:
        by_year.setdefault(int(year), []).append(str(code))
    read = ReadModel(db)
    out: set[tuple[str, int]] = set()
    for i, (year, codes) in enumerate(sorted(by_year.items())):
        codes.sort()
        for j in range(0, len(codes), 500):  # bounded IN lists
            chunk = codes[j:j + 500]
            parents = {c: (reg.rows[c].parent_code if c in reg.rows else None) for c in chunk}
            current = read.current_snapshot(year, parents, version, lines=False)
            out |= {(c, year) for c in chunk if c not in current}
        if on_progress:
            on_progress(i + 1, len(by_year))
    return out


class _Remembering(ReadModel):
    """The read model of one snapshot run: the targets of the last few region-years asked for are
    remembered, since every child region of a parent asks for the parent's targets (完成上级下达目标)
    of each year — recomputed per line, per child, they were a third of the snapshot's queries."""

    def __init__(self, db, keep: int = 64):
        super().__init__(db)
        self._targets: OrderedDict[tuple[str, int], list[ChosenTarget]] = OrderedDict()
        self._keep = keep

    def targets_for(self, region_code: str, year: int) -> list[ChosenTarget]:
        key = (region_code, year)
        got = self._targets.get(key)
        if got is None:
            got = self._targets[key] = super().targets_for(region_code, year)
            if len(self._targets) > self._keep:
                self._targets.popitem(last=False)
        else:
            self._targets.move_to_end(key)
        return got

    def target_for(self, region_code: str, year: int, indicator: str) -> ChosenTarget | None:
        """A child's 完成上级下达 line: from the parent's remembered targets, which its siblings share."""
        return next((c for c in self.targets_for(region_code, year) if c.winner.indicator == indicator), None)


def _snapshot_tracker(tracker):
    """A tracker for one snapshot run: the same database and rules, a read model that remembers."""
    from zhibiao.track.tracker import Tracker

    t = Tracker(tracker.db, tracker.rules)
    t.q = _Remembering(tracker.db)
    return t


def status_rows(tracker, code: str, year: int) -> list[dict]:
    """A region-year's statuses as rows of ``status_snapshot``, stamped when computed."""
    report = tracker.status(code, year, review_queue=False)
    marks = tracker.marks_against_parent(code, year)
    stamp = now()
    rows = []
    for i, line in enumerate(report.targets):
        a = line.actual or {}
        # the grid's mark, as it labels a child's cell of this indicator (a label or "different")
        comparison = comparison_label({"strictness": marks.get(line.indicator)}) \
            if marks is not None and line.indicator else None
        rows.append(dict(
            region_code=code, year=year, line_no=i, indicator=line.indicator, name=line.name, text=line.text,
            unit=line.unit, value=_dec(line.value), status=line.status, explanation=line.explanation,
            actual_value=_dec(a.get("value")), actual_text=a.get("text"),
            document_id=(line.citation or {}).get("document_id"),
            actual_document_id=(a.get("citation") or {}).get("document_id"), computed_at=stamp,
            explanation_en=line.explanation_en, span_start=line.span[0] if line.span else None,
            span_end=line.span[1] if line.span else None, comparison=comparison, actual_basis=a.get("basis"),
            actual_period=actual_period(a, year)))
    return rows


_WORKER: dict = {}


def _start_worker(tracker) -> None:
    """In a worker process (forked: the tracker is inherited, its engine's pool empty)."""
    _WORKER["tracker"] = _snapshot_tracker(tracker)


def _compute(chunk: list[tuple[str, int]]) -> list[tuple[str, int, list[dict]]]:
    t = _WORKER["tracker"]
    return [(code, year, status_rows(t, code, year)) for code, year in chunk]


def _chunks(region_years: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Sorted region-years cut into chunks of about CHUNK, a region's years never split."""
    out: list[list[tuple[str, int]]] = []
    for ry in region_years:
        if out and (len(out[-1]) < CHUNK or out[-1][-1][0] == ry[0]):
            out[-1].append(ry)
        else:
            out.append([ry])
    return out


def _computed(tracker, region_years: list[tuple[str, int]], jobs: int) -> Iterator[list[tuple[str, int, list[dict]]]]:
    from zhibiao import workers

    chunks = _chunks(region_years)
    in_memory = tracker.db.is_sqlite and tracker.db.engine.url.database in (None, "", ":memory:")
    if jobs <= 1 or len(region_years) < PARALLEL_FROM or not workers.can_fork() or in_memory:
        # (a database in memory lives in its one connection: it can be neither closed nor shared)
        t = _snapshot_tracker(tracker)
        for chunk in chunks:
            yield [(code, year, status_rows(t, code, year)) for code, year in chunk]
        return
    tracker.db.engine.dispose()  # no open connection crosses the fork: each worker opens its own
    with workers.pool(jobs, _start_worker, (tracker,), fork=True) as executor:
        yield from workers.in_order(executor, _compute, chunks, window=4 * jobs)


def summary_row(code: str, year: int, lines: list[dict], version: str) -> dict:
    """A region-year's row of ``status_summary``: the achievement of its lines (track/achievement.py,
    the one definition), as the region tree shows it, and what decided them (``Rules.version``)."""
    a = achievement({"status": r["status"], "actual": r["actual_text"], "actual_basis": r.get("actual_basis")}
                    for r in lines)
    return dict(region_code=code, year=year, lines=a.total, reached=a.reached, judged=a.judged, pending=a.pending,
                computed_at=min(r["computed_at"] for r in lines), rules=version, estimated=a.estimated)


def _upsert_summaries(conn, summaries: list[dict]) -> None:
    """Each region-year's summary row written, or rewritten where it exists (INSERT … ON CONFLICT,
    both databases)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    stmt = upsert(status_summary)
    columns = ("lines", "reached", "judged", "pending", "computed_at", "rules", "estimated")
    conn.execute(stmt.on_conflict_do_update(index_elements=["region_code", "year"],
                                            set_={c: stmt.excluded[c] for c in columns}), summaries)


@retried
def _write(db, computed: list[tuple[str, int, list[dict]]], version: str) -> int:
    """Region-years' lines, and their summaries, replaced in one transaction. The summaries are
    written first: on PostgreSQL a region-year's summary row is then the lock that makes two
    writers of the same region-year (two ingests at once) take turns — the second deletes the
    first's lines instead of adding its own beside them (rows sorted, so that they lock in one order)."""
    rows = [r for _code, _year, lines in computed for r in lines]
    summaries = [summary_row(code, year, lines, version)
                 for code, year, lines in sorted(computed, key=lambda c: c[:2]) if lines]
    with db.engine.begin() as conn:
        if summaries:
            _upsert_summaries(conn, summaries)
        for code, year, lines in computed:
            conn.execute(delete(status_snapshot).where(status_snapshot.c.region_code == code,
                                                       status_snapshot.c.year == year))
            if not lines:
                conn.execute(delete(status_summary).where(status_summary.c.region_code == code,
                                                          status_summary.c.year == year))
        if rows:
            conn.execute(insert(status_snapshot), rows)
    return len(rows)


def refresh(tracker, region_years: set[tuple[str, int]] | None = None, jobs: int = 1,
            on_progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute the status of the given region-years (all with targets by default), with ``jobs``
    processes computing (one writing); returns the number of lines written. ``on_progress(done,
    total)`` after each batch of region-years written."""
    db = tracker.db
    if region_years is None:
        with db.engine.connect() as conn:
            region_years = set(conn.execute(select(targets.c.region_code, targets.c.year).where(
                targets.c.region_code.is_not(None), targets.c.year.is_not(None)).distinct()).all())
    todo = sorted((str(c), int(y)) for c, y in region_years)
    written = done = 0
    for computed in _computed(tracker, todo, jobs):
        written += _write(db, computed, tracker.rules.version)
        done += len(computed)
        if on_progress:
            on_progress(done, len(todo))
    return written

"""Writing extracted documents: one transaction per document, idempotent by content. The
orchestration that extracts documents (files in worker processes, addresses through the fetcher)
and hands them here is :mod:`zhibiao.ingest`, above this stage: the store never runs extraction.

The same bytes ingested twice change nothing, nor does a document whose extracted text is
unchanged (a fetched page whose furniture changed); a changed document at a known path or address
becomes a new version of it: the newest is the document and its lines, the earlier ones are kept
as its history (``document_versions``), never two competing documents. One process does all
writing, so a killed ingest leaves only whole documents behind.
"""
from __future__ import annotations

import glob
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from zhibiao.load import SUFFIXES  # the one list of document formats, owned by load/
from zhibiao.extract import EXTRACTOR_VERSION
from zhibiao.models import DocumentInfo, Extraction, LoadedText, Provenance
from zhibiao.store.database import Database, JSONText, json_dumps, now, retried
from zhibiao.store.schema import (CommitmentRow, CorrectionRow, DocumentRow, DocumentVersionRow, ObservationRow, OriginalRow,
                                  TargetRow)



@dataclass
class FileResult:
    path: str
    status: str  # new | unchanged | replaced | failed
    error: str | None = None
    targets: int = 0
    actuals: int = 0
    commitments: int = 0
    url: str | None = None  # the address a fetched document came from
    via: str | None = None  # the article page that linked it, for an attachment
    title: str | None = None


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def to_dict(self) -> dict:
        return {
            "documents": {s: self.count(s) for s in ("new", "replaced", "unchanged", "failed")},
            "targets": sum(r.targets for r in self.results),
            "actuals": sum(r.actuals for r in self.results),
            "commitments": sum(r.commitments for r in self.results),
            "failures": [{"path": r.path, "error": r.error} for r in self.results if r.status == "failed"],
        } | ({"fetched": [{"url": r.url, "via": r.via, "status": r.status, "title": r.title, "error": r.error,
                           "targets": r.targets, "actuals": r.actuals, "commitments": r.commitments}
                          for r in self.results if r.url]} if any(r.url for r in self.results) else {})


def iter_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files, folders (recursively) and glob patterns, in a stable order (a folder's files sorted as
    paths sort: by their parts); hidden files skipped, a file named twice (by another path, through a
    symbolic link) listed once.

    Cheap at national scale (104,310 files): a folder is walked by ``os.scandir`` (no symbolic link
    to a folder followed, as ``Path.rglob``), and a file's identity is its resolved folder joined
    with its name — its ``Path.resolve()`` unless the file itself is a symbolic link (then resolved
    whole), each folder resolved once. Resolving every file walked each of its path's components
    (≈ 8 system calls a file): with ``rglob`` and the Path objects it made, 33 s of the parent's CPU
    before the first document of a national ingest (the files are listed twice: by ``zhibiao
    ingest``, then by ``ingest``), now ≈ 5."""
    out: list[Path] = []
    seen: set[str] = set()
    folders: dict[str, str] = {}  # a folder's path -> its resolved path

    def identity(p: Path, link: bool) -> str:
        name = p.name
        if link or not name or name == "..":
            return str(p.resolve())
        folder = os.path.dirname(str(p))
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)

    def add(p: Path, key: str) -> None:
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = raw if isinstance(raw, Path) else Path(raw)
        try:
            mode = os.lstat(p).st_mode
            link = stat.S_ISLNK(mode)
            is_dir = p.is_dir() if link else stat.S_ISDIR(mode)
        except (OSError, ValueError):
            link = is_dir = False
        if is_dir:
            real = os.path.join(os.path.realpath(p), "")
            for rel, file_link in sorted(_walk(str(p))):
                f = p.joinpath(*rel)
                add(f, str(f.resolve()) if file_link else real + "/".join(rel))
        elif "*" in (text := str(raw)) or "?" in text or "[" in text:
            for name in sorted(glob.glob(str(raw), recursive=True)):
                f = Path(name)
                if f.is_file():
                    add(f, identity(f, f.is_symlink()))
        else:
            add(p, identity(p, link))  # a missing file is reported by the loader, with its name
    return out


def _walk(top: str) -> list[tuple[tuple[str, ...], bool]]:
    """The document files under a folder, as (their path's parts below it, whether the file is a
    symbolic link), unsorted: what ``Path.rglob("*")`` finds and ``iter_files`` keeps — no symbolic
    link to a folder followed, nothing hidden (a hidden folder is not entered: nothing in it would
    be kept), a folder that cannot be read skipped."""
    out: list[tuple[tuple[str, ...], bool]] = []
    todo: list[tuple[str, tuple[str, ...]]] = [(top, ())]
    while todo:
        folder, rel = todo.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    todo.append((entry.path, rel + (name,)))
                    continue
                i = name.rfind(".")  # Path(name).suffix
                if 0 < i < len(name) - 1 and name[i:].lower() in SUFFIXES and entry.is_file():
                    out.append((rel + (name,), entry.is_symlink()))
            except OSError:
                continue
    return out


def file_sha256(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


@dataclass
class Extracted:
    """What a worker sends back: the loaded text and its extraction (picklable)."""

    path: str
    loaded: LoadedText | None
    normalized_text: str | None
    extraction: Extraction | None
    error: str | None
    provenance: Provenance | None = None  # set for a document fetched from an address
    original: bytes | None = None  # the bytes it was read from (kept for fetched documents)
    extraction_dict: dict | None = None  # extraction.to_dict(), made in the worker: the one writer has less to do
    # What the writer needs of the extraction, made in the worker (for_writer): its JSON, its lines as
    # tuples of their columns' values (line_values), the document's fields — the extraction's object
    # tree is neither pickled nor written.
    extraction_json: JSONText | None = None
    rows: tuple[list[tuple], list[tuple], list[tuple]] | None = None
    info: DocumentInfo | None = None
    rows_for: str | None = None  # the database the rows' values are ready for ("sqlite"), or None: plain values

    def stored_extraction(self) -> dict | JSONText:
        if self.extraction_json is not None:
            return self.extraction_json
        return self.extraction_dict if self.extraction_dict is not None else self.extraction.to_dict()

    @property
    def document(self) -> DocumentInfo:
        return self.info if self.info is not None else self.extraction.document

    def for_writer(self, dialect: str | None = None) -> "Extracted":
        """This document as the writing process needs it (made where it was extracted, in a worker):
        the extraction as JSON text and its lines as tuples of their columns' values, without the
        extraction's objects — measured on 240 generated documents, the writer then unpickles ≈ 0.4 ms
        less, serialises no JSON (0.4 ms) and builds no rows (0.2 ms) per document. For ``dialect``
        "sqlite" the values are those the driver takes (numbers as floats, JSON as text: what
        SQLAlchemy's types would make of them; bools as integers), written by multi-row INSERTs without
        SQLAlchemy's per-row work (0.4 ms a document); otherwise plain values, written through
        SQLAlchemy."""
        if self.extraction is None or self.error:
            return self
        data = self.extraction_dict if self.extraction_dict is not None else self.extraction.to_dict()
        ready = dialect == "sqlite"
        normalized = self.normalized_text
        if normalized == self.loaded.text:  # most plain-text documents (93 % of a national slice): the
            normalized = self.loaded.text  # same object, pickled and sent to the writer once, not twice
        return Extracted(self.path, self.loaded, normalized, None, None, self.provenance, self.original,
                         extraction_json=JSONText(json_dumps(data)), rows=line_values(self.extraction, ready),
                         info=self.extraction.document, rows_for="sqlite" if ready else None)


# The columns of a document's lines as they are written: first those the writer fills in from the
# document's row (its id; for an actual also its path, the observation's source), then the line's own,
# in the order of line_values' tuples.
LINE_TABLES = (TargetRow.__table__, ObservationRow.__table__, CommitmentRow.__table__)
FROM_DOCUMENT = (("document_id",), ("document_id", "source"), ("document_id",))
LINE_COLUMNS = (
    ("line_no", "region_code", "year", "name", "parent", "category", "seq", "indicator", "text", "kind",
     "comparator", "value", "value_high", "unit", "modality", "reference", "span_start", "span_end",
     "source_start", "source_end", "page"),
    ("line_no", "region_code", "indicator", "name", "year", "period", "measure", "value", "unit", "comparator",
     "estimated", "text", "span_start", "span_end", "source_start", "source_end", "imported"),
    ("line_no", "metric", "text", "value", "unit", "comparator", "modality", "year", "indicator", "section_path",
     "span_start", "span_end"),
)
_INSERT_SQL: dict[tuple[int, int], str] = {}  # (table's position, rows) -> its INSERT with ? placeholders (SQLite)


def _float(value):  # SQLAlchemy's Numeric on SQLite binds a float (its to_float processor)
    return None if value is None else float(value)


def line_values(e: Extraction, sqlite: bool = False) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """A document's targets, actuals and commitments as tuples of the values of their tables'
    ``LINE_COLUMNS`` (the document's own columns, ``FROM_DOCUMENT``, are the writer's to add). Plain
    values (Decimals, lists), or with ``sqlite`` those SQLite's driver takes, as SQLAlchemy's
    types bind them there: numbers as floats, a JSON column as its text (:func:`json_dumps`)."""
    region = e.document.region.code if e.document.region else None
    num = _float if sqlite else (lambda v: v)
    as_json = json_dumps if sqlite else list
    flag = int if sqlite else (lambda v: v)  # SQLite stores a bool as the integer 1 or 0: bound as an int, not adapted

    def start(span):
        return span.start if span else None

    def end(span):
        return span.end if span else None

    targets = [(
        i, region, t.year, t.name, t.parent, t.category, t.seq, t.indicator, t.text, t.kind, t.comparator,
        num(t.value), num(t.value_high), t.unit, t.modality, t.reference, start(t.span), end(t.span),
        start(t.source_span), end(t.source_span), t.page,
    ) for i, t in enumerate(e.targets)]
    actuals = [(
        i, region, a.indicator, a.name, a.year, a.period, a.measure, num(a.value), a.unit, a.comparator,
        flag(a.estimated), a.text, start(a.span), end(a.span), start(a.source_span), end(a.source_span), flag(False),
    ) for i, a in enumerate(e.actuals)]
    commitments = [(
        i, c.metric, c.text, num(c.value), c.unit, c.comparator, c.modality, c.year, c.indicator,
        as_json(c.section_path), start(c.span), end(c.span),
    ) for i, c in enumerate(e.commitments)]
    return targets, actuals, commitments


def _from_document(doc_row: DocumentRow | None) -> tuple[tuple, tuple, tuple]:
    doc_id, doc_path = (doc_row.id, doc_row.path) if doc_row is not None else (None, None)
    return (doc_id,), (doc_id, doc_path), (doc_id,)


def _as_dicts(doc_row: DocumentRow | None, values: tuple[list[tuple], list[tuple], list[tuple]]
              ) -> tuple[list[dict], list[dict], list[dict]]:
    return tuple([dict(zip(FROM_DOCUMENT[k] + LINE_COLUMNS[k], own + line)) for line in lines]
                 for k, (own, lines) in enumerate(zip(_from_document(doc_row), values)))


def line_rows(doc_row: DocumentRow | None, e: Extraction) -> tuple[list[dict], list[dict], list[dict]]:
    """A document's targets, actuals and commitments as rows of their tables (dictionaries, for
    SQLAlchemy), with the id and path of its row (None when ``doc_row`` is None)."""
    return _as_dicts(doc_row, line_values(e))


def _lines(x: Extracted, doc_row: DocumentRow, dialect: str) -> tuple[list, list, list]:
    """A document's lines as rows of their tables, with the id and path of its row: tuples of every
    column's value when the worker made them for this database, else dictionaries."""
    if x.rows is None:
        return line_rows(doc_row, x.extraction)
    if x.rows_for == dialect == "sqlite":
        return tuple([own + line for line in lines] for own, lines in zip(_from_document(doc_row), x.rows))
    return _as_dicts(doc_row, x.rows)


def write_lines(s: Session, doc_row: DocumentRow, e: Extraction) -> tuple[int, int, int]:
    """Insert a document's targets, actuals and commitments: one multi-row INSERT per table (rows as
    plain dicts, not ORM objects: at national scale the writer would otherwise be the bottleneck)."""
    rows = line_rows(doc_row, e)
    insert_lines(s, [rows])
    return tuple(len(r) for r in rows)


def insert_lines(s: Session, documents: list[tuple[list, list, list]]) -> None:
    """The lines of one or more documents, per table — rows as dictionaries through SQLAlchemy (which
    sends them as multi-row INSERTs, a thousand rows a statement), rows as tuples of driver-ready
    values (``_lines``: SQLite) straight to the driver, in multi-row INSERTs too (:func:`_insert_rows`)."""
    for k, table in enumerate(LINE_TABLES):
        rows = [r for lines in documents for r in lines[k] if type(r) is dict]
        if rows:
            s.execute(insert(table), rows)
        values = [r for lines in documents for r in lines[k] if type(r) is tuple]
        if values:
            _insert_rows(s.connection(), k, values)


def _insert_rows(conn, k: int, values: list[tuple]) -> None:
    """Rows of driver-ready values (SQLite) inserted by multi-row INSERTs of a few fixed sizes (256,
    128, … 1 rows: the same statements every batch, prepared once), not one INSERT per row: a
    statement that writes to a table with FTS5 indexes (the search indexes of migrations 0004 and
    0011, kept by triggers) opens a savepoint, at which FTS5 writes what it holds to disk — once a
    row, a third of the writer's instructions went to flushing and merging one-row segments. The
    same rows, ids and index contents."""
    n_columns = len(FROM_DOCUMENT[k]) + len(LINE_COLUMNS[k])
    size = _MULTI_ROWS
    limit = _variable_limit(conn)
    while size > 1 and size * n_columns > limit:
        size //= 2
    i = 0
    while i < len(values):
        while size > len(values) - i:
            size //= 2
        chunk = values[i:i + size]
        conn.exec_driver_sql(_insert_sql(k, size), tuple(v for row in chunk for v in row))
        i += size


_MULTI_ROWS = 256  # rows of the largest multi-row INSERT (a power of two)


def _variable_limit(conn) -> int:
    """How many ``?`` one statement of this SQLite may hold (999 before SQLite 3.32)."""
    import sqlite3

    try:
        return conn.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        return 999


def _insert_sql(k: int, rows: int) -> str:
    """The INSERT of ``rows`` rows into the ``k``-th table of lines, with ? placeholders (SQLite)."""
    sql = _INSERT_SQL.get((k, rows))
    if sql is None:
        columns = FROM_DOCUMENT[k] + LINE_COLUMNS[k]
        row = f"({', '.join('?' * len(columns))})"
        sql = _INSERT_SQL[(k, rows)] = f"INSERT INTO {LINE_TABLES[k].name} ({', '.join(columns)}) VALUES " + ", ".join(
            [row] * rows)
    return sql


def _delete_lines(s: Session, document_id: int) -> None:
    for table in (TargetRow, ObservationRow, CommitmentRow):
        s.execute(delete(table).where(table.document_id == document_id))


@retried
def delete_document(db: Database, document_id: int) -> str | None:
    """Delete a document, its earlier versions and every line extracted from it, in one
    transaction (reviewers' corrections, keyed by content hash, are kept). The path it was read
    from (the server removes the file when it is an upload it stored); None if absent."""
    with db.session.begin() as s:
        row = s.get(DocumentRow, document_id)
        if row is None:
            return None
        path = row.path
        _delete_lines(s, document_id)
        s.execute(delete(DocumentVersionRow).where(DocumentVersionRow.document_id == document_id))
        s.delete(row)
    return path


def _identity(x: Extracted) -> str:
    """What makes two versions the same document: the address it was fetched from, or its path."""
    return x.provenance.url if x.provenance else str(Path(x.path).resolve())


def _set_provenance(s: Session, row: DocumentRow, x: Extracted) -> None:
    from datetime import datetime

    p = x.provenance
    if p is None:
        return
    row.source_url, row.final_url, row.http_status = p.url, p.final_url, p.http_status
    row.content_type = p.content_type[:120] if p.content_type else None
    row.retrieved_at = datetime.fromisoformat(p.retrieved_at.replace("Z", "+00:00")).replace(tzinfo=None)
    if x.original is not None and s.get(OriginalRow, x.loaded.sha256) is None:
        s.add(OriginalRow(sha256=x.loaded.sha256, data=x.original, size=len(x.original),
                          content_type=row.content_type))


def _archive(s: Session, row: DocumentRow) -> None:
    """Keep the active version of a document as history before a newer one replaces it."""
    s.add(DocumentVersionRow(
        document_id=row.id, version=row.version or 1, sha256=row.sha256, path=row.path, format=row.format,
        title=row.title, doc_number=row.doc_number, issued_on=row.issued_on, plan_year=row.plan_year,
        source_url=row.source_url, final_url=row.final_url, retrieved_at=row.retrieved_at,
        http_status=row.http_status, content_type=row.content_type, raw_text=row.raw_text, text=row.text,
        doc_metadata=row.doc_metadata or {}, extraction=row.extraction or {},
        extractor_version=row.extractor_version, ingested_at=row.ingested_at, superseded_at=now()))


def _fill(row: DocumentRow, x: Extracted, identity: str | None = None) -> None:
    loaded, d = x.loaded, x.document
    row.sha256, row.format, row.doc_type = loaded.sha256, loaded.format, d.doc_type
    row.path = identity if identity is not None else _identity(x)
    row.title, row.issuer, row.issuer_inferred = d.title, d.issuer, d.issuer_inferred
    row.region_code = d.region.code if d.region else None
    row.region_name = d.region.name if d.region else None
    row.plan_year, row.doc_number, row.issued_on = d.plan_year, d.doc_number, d.issued_on
    row.raw_text, row.text = loaded.text, x.normalized_text or ""
    row.doc_metadata = {"loader": loaded.metadata, "pages": loaded.pages, "title": loaded.title,
                        "encoding": loaded.encoding} | (
        {"redirects": x.provenance.redirects, "article": x.provenance.article} if x.provenance else {})
    row.extraction, row.extractor_version, row.ingested_at = x.stored_extraction(), EXTRACTOR_VERSION, now()


@retried
def store(db: Database, x: Extracted) -> FileResult:
    """Write one extracted document in one transaction."""
    assert x.loaded is not None and (x.extraction is not None or x.rows is not None)
    loaded = x.loaded
    try:
        with db.session.begin() as s:
            same = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == loaded.sha256))
            if same is not None:
                if x.provenance is not None and same.source_url is None:
                    _set_provenance(s, same, x)  # a known file, now also known by its address
                return FileResult(x.path, "unchanged")
            versions = s.scalars(select(DocumentRow).where(DocumentRow.path == _identity(x))
                                 .order_by(DocumentRow.id)).all()
            if versions and versions[-1].text == (x.normalized_text or ""):
                return FileResult(x.path, "unchanged")  # other bytes, same text: nothing to change
            for extra in versions[:-1]:  # a database from before versions could hold several: one stays
                _delete_lines(s, extra.id)
                s.delete(extra)
            if versions:
                row = versions[-1]
                _archive(s, row)
                _delete_lines(s, row.id)
                row.version = (row.version or 1) + 1
                for attr in ("source_url", "final_url", "retrieved_at", "http_status", "content_type"):
                    setattr(row, attr, None)
                status = "replaced"
            else:
                row = DocumentRow(version=1)
                s.add(row)
                status = "new"
            _fill(row, x)
            _set_provenance(s, row, x)
            s.flush()
            lines = _lines(x, row, db.engine.dialect.name)
            insert_lines(s, [lines])
            _keep_reviewed_region(s, row)
        return FileResult(x.path, status, targets=len(lines[0]), actuals=len(lines[1]), commitments=len(lines[2]))
    except IntegrityError as exc:
        with db.session() as s:
            if s.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == loaded.sha256)) is not None:
                return FileResult(x.path, "unchanged")  # another ingest stored the same bytes a moment ago
        # any other conflict (a database whose id sequence is behind its rows…) stored nothing: say so
        problem = str(getattr(exc, "orig", exc) or exc).splitlines()[0]
        return FileResult(x.path, "failed", f"{x.path}: not stored, the database refused it: {problem}")


def store_many(db: Database, xs: list[Extracted]) -> list[FileResult]:
    """Several extracted documents written in **one transaction**: the new ones (bytes and path
    unknown to the database and to the batch) in one multi-row INSERT of documents and one per
    table of lines, so a PostgreSQL writer pays a round trip and a commit per batch rather than
    seven per document. Everything else — a known path (a new version), bytes stored already, a
    fetched document, a repeat within the batch — goes through :func:`store` one by one after
    the batch, in order. If the database refuses the batch, nothing of it is stored and every
    document is written one by one instead, each in its own transaction, so that a document it
    refuses is reported alone and never half-written. Results in the order given."""
    results: list[FileResult | None] = [None] * len(xs)
    with db.session() as s:
        shas = {x.loaded.sha256 for x in xs}
        identities = [_identity(x) for x in xs]  # (a path resolved: ≈ 8 system calls; once a document)
        idents = set(identities)
        known = set(s.scalars(select(DocumentRow.sha256).where(DocumentRow.sha256.in_(shas)))) | set(
            s.scalars(select(DocumentRow.path).where(DocumentRow.path.in_(idents)))) | set(
            s.scalars(select(CorrectionRow.document_sha256).where(  # a region a reviewer set: written one by one
                CorrectionRow.document_sha256.in_(shas), CorrectionRow.line_type == DOCUMENT_REVIEW)))
    fast, slow, seen = [], [], set()
    for i, x in enumerate(xs):
        keys = {x.loaded.sha256, identities[i]}
        (slow if keys & (known | seen) or x.provenance is not None else fast).append(i)
        seen |= keys
    if fast:
        try:
            with db.session.begin() as s:
                rows = []
                for i in fast:
                    row = DocumentRow(version=1)
                    _fill(row, xs[i], identities[i])
                    rows.append(row)
                s.add_all(rows)
                s.flush()  # one INSERT … RETURNING id for the batch
                lines = [_lines(xs[i], row, db.engine.dialect.name) for row, i in zip(rows, fast)]
                insert_lines(s, lines)
            for i, (t, a, c) in zip(fast, lines):
                results[i] = FileResult(xs[i].path, "new", targets=len(t), actuals=len(a), commitments=len(c))
        except SQLAlchemyError:
            slow = sorted(fast + slow)  # nothing of the batch stored: each document on its own
    for i in slow:
        results[i] = store(db, xs[i])
    return results


def known_hashes(db: Database) -> set[str]:
    """The content hashes of the stored documents (an ingest skips files it has already)."""
    with db.session() as s:
        return set(s.scalars(select(DocumentRow.sha256)))


def documents_to_reindex(db: Database, everything: bool = False) -> list[int]:
    """Ids of the documents read by an older extractor version (or of all of them)."""
    with db.session() as s:
        q = select(DocumentRow.id)
        if not everything:
            q = q.where(DocumentRow.extractor_version != EXTRACTOR_VERSION)
        return list(s.scalars(q.order_by(DocumentRow.id)))


def stored_loaded(db: Database, doc_id: int) -> LoadedText:
    """A stored document's loaded text, as its loader read it (re-extraction needs no file)."""
    with db.session() as s:
        row = s.get(DocumentRow, doc_id)
        meta = row.doc_metadata or {}
        return LoadedText(path=row.path, format=row.format, text=row.raw_text, sha256=row.sha256,
                          encoding=meta.get("encoding"), pages=meta.get("pages") or [0],
                          metadata=meta.get("loader") or {}, title=meta.get("title"))


@retried
def replace_extraction(db: Database, doc_id: int, x: Extracted, plan_year_set: int | None = None,
                       who: str | None = None) -> FileResult:
    """A stored document's lines replaced by a new extraction of its own text, in one transaction;
    with ``plan_year_set``, the reviewer's plan year it was extracted with is kept as a correction
    in the same transaction (the lines and the correction are written together or not at all)."""
    e = x.extraction
    with db.session.begin() as s:
        row = s.get(DocumentRow, doc_id)
        if plan_year_set is not None:
            s.add(CorrectionRow(document_sha256=row.sha256, line_type=DOCUMENT_REVIEW, line_key="plan_year",
                                action="correct", changes={"plan_year": plan_year_set}, who=who, created_at=now()))
        _delete_lines(s, row.id)
        d = e.document
        row.doc_type, row.title, row.issuer = d.doc_type, d.title, d.issuer
        row.issuer_inferred = d.issuer_inferred
        row.region_code = d.region.code if d.region else None
        row.region_name = d.region.name if d.region else None
        row.plan_year, row.doc_number, row.issued_on = d.plan_year, d.doc_number, d.issued_on
        row.text, row.extraction, row.extractor_version = x.normalized_text, e.to_dict(), EXTRACTOR_VERSION
        n_t, n_a, n_c = write_lines(s, row, e)
        _keep_reviewed_region(s, row)
        path = row.path
    return FileResult(path, "replaced", targets=n_t, actuals=n_a, commitments=n_c)


# A reviewer's correction of a whole document (its region, its plan year), kept with the line
# corrections (keyed by the document's hash, so it survives re-extraction and a new ingest of the same bytes).
DOCUMENT_REVIEW = "document"


def reviewed_plan_year(db: Database, doc_id: int) -> int | None:
    """The plan year a reviewer set for a stored document's bytes (the newest), if any: its
    re-extraction is dated by it (the extraction owns the year; the store only remembers the choice)."""
    with db.session() as s:
        sha = s.scalar(select(DocumentRow.sha256).where(DocumentRow.id == doc_id))
        changes = s.scalar(select(CorrectionRow.changes).where(
            CorrectionRow.document_sha256 == sha, CorrectionRow.line_type == DOCUMENT_REVIEW,
            CorrectionRow.line_key == "plan_year").order_by(CorrectionRow.id.desc()).limit(1))
    year = changes.get("plan_year") if changes else None
    return int(year) if year else None


def _set_region(s: Session, row: DocumentRow, code: str) -> None:
    """The document and its lines in the region ``code`` (targets and figures are read by region)."""
    from zhibiao.catalog import RegionRegistry

    region = RegionRegistry.default().by_code(code)
    row.region_code, row.region_name = code, region.name if region else row.region_name
    s.flush()
    for table in (TargetRow.__table__, ObservationRow.__table__):
        s.execute(update(table).where(table.c.document_id == row.id).values(region_code=code))


def _keep_reviewed_region(s: Session, row: DocumentRow) -> None:
    """A region a reviewer set for these bytes applies again after a re-extraction or a new ingest."""
    code = s.scalar(select(CorrectionRow.changes).where(
        CorrectionRow.document_sha256 == row.sha256, CorrectionRow.line_type == DOCUMENT_REVIEW,
        CorrectionRow.line_key == "region").order_by(CorrectionRow.id.desc()).limit(1))
    if code and code.get("region") and code["region"] != row.region_code:
        _set_region(s, row, code["region"])


@retried
def assign_region(db: Database, doc_id: int, code: str, who: str | None = None) -> tuple[str | None, str]:
    """A reviewer sets a stored document's region (one its text does not name, or names ambiguously:
    朝阳区): kept as a correction of the document, applied to it and its lines now and after every
    re-extraction. Returns the region it had and the one it has."""
    from zhibiao.errors import NotFound

    with db.session.begin() as s:
        row = s.get(DocumentRow, doc_id)
        if row is None:
            raise NotFound(f"no document {doc_id}")
        before = row.region_code
        s.add(CorrectionRow(document_sha256=row.sha256, line_type=DOCUMENT_REVIEW, line_key="region",
                            action="correct", changes={"region": code}, who=who, created_at=now()))
        _set_region(s, row, code)
    return before, code

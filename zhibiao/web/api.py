"""The REST API (``/api/v1``): everything the pages show, as JSON (or CSV with ``?format=csv``).

Listings follow Datasette's conventions: ``{"rows": [...], "next": token}`` with ``_size`` and
``_next`` for keyset pagination, and streamed CSV. Writes (upload, delete, corrections) need the
server's token (``Authorization: Bearer …``); without a token configured the server is read-only.
"""
from __future__ import annotations

import tempfile
from urllib.parse import quote
from pathlib import Path as FilePath
from typing import Any, Iterable

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select

from zhibiao.errors import InputError, ZhibiaoError
from zhibiao.export import columns_of, iter_csv
from zhibiao.models import json_number
from zhibiao.store.database import now
from zhibiao.store.schema import (FULL_DOCUMENT, CommitmentRow, CorrectionRow, DocumentRow, IndicatorRow, ObservationRow, RegionRow,
                                  TargetRow)

router = APIRouter(prefix="/api/v1")
# Bounds keep absurd numbers from reaching the database (SQLite integers are 64-bit).
YEAR = Query(ge=1949, le=2200)
YEAR_OPT = Query(None, ge=1949, le=2200)
MAX_ID = 2**62
MAX_PAGE = 1000


def state(request: Request):
    return request.app.state.zhibiao


def require_token(request: Request) -> str:
    """Writes need the configured token; a server started without one is read-only."""
    st = state(request)
    if not st.token:
        raise HTTPException(403, "this server is read-only (start it with --token or ZHIBIAO_TOKEN to allow writes)")
    header = request.headers.get("authorization", "")
    supplied = header[7:] if header.lower().startswith("bearer ") else request.headers.get("x-zhibiao-token", "")
    supplied = supplied or request.cookies.get("zhibiao_token", "")
    import hmac

    if not supplied or not hmac.compare_digest(supplied, st.token):
        raise HTTPException(401, "a valid token is required for this request")
    return supplied


def _num(v):
    return json_number(v) if v is not None else None


def rows_response(rows: list[dict], fmt: str | None, next_token: str | None = None, extra: dict | None = None):
    if fmt == "csv":
        return csv_response(rows)
    return JSONResponse({"rows": rows, "next": next_token} | (extra or {}))


def csv_response(rows: Iterable[dict], filename: str = "zhibiao.csv") -> StreamingResponse:
    """CSV through the one export writer (formula-safe cells), streamed."""
    rows = list(rows)
    columns = columns_of(rows, None)
    return StreamingResponse(iter_csv(rows, columns), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="{filename}"'})


def _page(q, key, size: int, next_token: str | None):
    if next_token:
        try:
            after = int(next_token)
            if not 0 <= after < MAX_ID:
                raise ValueError(next_token)
            q = q.where(key > after)
        except ValueError:
            raise HTTPException(400, "_next must be a token from a previous page") from None
    return q.order_by(key).limit(size + 1)


def document_dict(d: DocumentRow, counts: dict | None = None) -> dict:
    from zhibiao.store.provenance import provenance
    from zhibiao.track.citations import Source, cite_text

    out = {"id": d.id, "sha256": d.sha256, "path": d.path, "name": FilePath(d.path).name, "format": d.format,
           "doc_type": d.doc_type, "title": d.title, "issuer": d.issuer,
           "region": {"name": d.region_name, "code": d.region_code}, "plan_year": d.plan_year,
           "doc_number": d.doc_number, "issued_on": d.issued_on, "extractor_version": d.extractor_version,
           "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
           "source": provenance(d), "version": d.version or 1, "citation": cite_text(Source.from_row(d))}
    if counts is not None:
        out["counts"] = counts
    return out


@router.get("/documents", summary="List documents")
def list_documents(request: Request, region: str | None = None, year: int | None = YEAR_OPT, doc_type: str | None = None,
                   q: str | None = Query(None, description="Search in titles"),
                   _size: int = Query(50, ge=1, le=MAX_PAGE), _next: str | None = None, format: str | None = None):
    st = state(request)
    stmt = select(DocumentRow)
    if region:
        stmt = stmt.where(DocumentRow.region_code == st.region_code(region))
    if year:
        stmt = stmt.where(DocumentRow.plan_year == year)
    if doc_type:
        stmt = stmt.where(DocumentRow.doc_type == doc_type)
    if q:
        stmt = stmt.where(DocumentRow.title.contains(q) | DocumentRow.path.contains(q))
    with st.db.session() as s:
        docs = list(s.scalars(_page(stmt, DocumentRow.id, _size, _next)))
    nxt = str(docs[_size - 1].id) if len(docs) > _size else None
    return rows_response([document_dict(d) for d in docs[:_size]], format, nxt)


def _get_document(st, doc_id: int) -> DocumentRow:
    with st.db.session() as s:
        d = s.get(DocumentRow, doc_id, options=FULL_DOCUMENT)
    if d is None:
        raise HTTPException(404, f"no document {doc_id}")
    return d


@router.get("/documents/{doc_id}", summary="One document with its extraction")
def get_document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    st = state(request)
    d = _get_document(st, doc_id)
    e = d.extraction or {}
    return document_dict(d, {k: len(e.get(k) or []) for k in ("targets", "actuals", "commitments")}) | {
        "sections": e.get("sections", []), "warnings": e.get("warnings", [])}


@router.get("/documents/{doc_id}/text", summary="The document's normalised text with every extracted span")
def document_text(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    from zhibiao.track.citations import Source, cite_text

    st = state(request)
    d = _get_document(st, doc_id)
    e = d.extraction or {}
    corrections = st.corrections(d.sha256)
    source = Source.from_row(d)
    spans = []
    for kind in ("targets", "actuals", "commitments"):
        for i, line in enumerate(e.get(kind) or []):
            span = line.get("span")
            if not span:
                continue
            key = (kind[:-1], f"{span[0]}-{span[1]}")
            spans.append({"type": kind[:-1], "index": i, "start": span[0], "end": span[1], "line": line,
                          "correction": corrections.get(key), "citation": cite_text(source, line.get("page"))})
    spans.sort(key=lambda x: (x["start"], -x["end"]))
    return {"id": d.id, "title": d.title, "text": d.text, "spans": spans}


@router.get("/documents/{doc_id}/versions", summary="The document's versions: the active one first, then its history")
def document_versions(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    from zhibiao.store.provenance import history

    rows = history(state(request).db, doc_id)
    if not rows:
        raise HTTPException(404, f"no document {doc_id}")
    return {"rows": rows, "next": None}


@router.get("/documents/{doc_id}/original", summary="The original bytes of a fetched document (as a download)")
def document_original(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    from zhibiao.store.provenance import original

    found = original(state(request).db, doc_id)
    if found is None:
        raise HTTPException(404, f"document {doc_id} has no stored original (only fetched documents keep theirs)")
    data, content_type = found
    suffix = {"application/pdf": "pdf", "text/html": "html", "text/plain": "txt", "application/msword": "doc",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx"}.get(content_type or "",
                                                                                                 "bin")
    # always a download, never rendered on this site's origin (a fetched page may carry scripts)
    return Response(data, media_type="application/octet-stream",
                    headers={"content-disposition": f'attachment; filename="document-{doc_id}.{suffix}"',
                             "x-content-type-options": "nosniff"})


@router.get("/documents/{doc_id}/citation", summary="The document as a citation: text (GB/T 7714), CSL-JSON or BibTeX")
def document_citation(request: Request, doc_id: int = Path(ge=1, le=MAX_ID),
                      format: str = Query("text", pattern="^(text|csl|bibtex)$")):
    from zhibiao.track.citations import Source, bibtex_entry, cite_text, csl_item

    st = state(request)
    with st.db.session() as s:
        d = s.get(DocumentRow, doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id}")
    source = Source.from_row(d)
    if format == "csl":
        return JSONResponse([csl_item(source)], media_type="application/vnd.citationstyles.csl+json")
    if format == "bibtex":
        return Response(bibtex_entry(source), media_type="application/x-bibtex; charset=utf-8")
    return Response(cite_text(source) + "\n", media_type="text/plain; charset=utf-8")


@router.get("/citations", summary="Citations of a region-year: every figure (json, text) or its documents (csl, bibtex)")
def citations(request: Request, region: str, year: int = YEAR, indicator: str | None = None,
              format: str = Query("json", pattern="^(json|text|csl|bibtex)$")):
    from zhibiao.track.citations import bibtex, csl_json

    try:
        figures, sources = state(request).tracker().cite(region, year, indicator)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    name = f"zhibiao-{region}-{year}".replace('"', "")
    if format == "csl":
        return JSONResponse(csl_json(sources), media_type="application/vnd.citationstyles.csl+json")
    if format == "bibtex":
        return Response(bibtex(sources), media_type="application/x-bibtex; charset=utf-8",
                        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}.bib"})
    if format == "text":
        lines = []
        for f in figures:
            lines.append(f"{f['name']} {f['text']}: {f['citation']['text']}")
            if f["actual"] and f["actual"].get("citation"):
                lines.append(f"  {f['actual']['text']}: {f['actual']['citation']['text']}")
        return Response("\n".join(lines) + "\n", media_type="text/plain; charset=utf-8")
    return {"rows": figures, "next": None}


class FetchIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=100, description="Web addresses (http, https) to fetch")


@router.post("/fetch", status_code=202, dependencies=[Depends(require_token)],
             summary="Add documents by address: fetch, extract and store them in a background job")
def fetch_addresses(request: Request, body: FetchIn):
    from zhibiao.fetch import is_address

    urls = []
    for u in body.urls:
        u = u.strip()
        if not u:
            continue
        if len(u) > 2000 or not is_address(u):
            raise HTTPException(422, f"{u[:80]!r}: not an http or https address")
        if u not in urls:
            urls.append(u)
    if not urls:
        raise HTTPException(422, "no address given")
    try:
        job = state(request).jobs.submit(urls)
    except InputError as exc:
        raise HTTPException(429, str(exc)) from None
    return JSONResponse({"job": job, "url": f"/api/v1/jobs/{job['id']}"}, status_code=202)


@router.get("/jobs/{job_id}", summary="A fetching job's progress and results")
def job_status(request: Request, job_id: str = Path(pattern="^[0-9a-f]{32}$")):
    job = state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    return job


@router.post("/extract", summary="Extract an uploaded file without storing it (the upload preview)")
async def preview(request: Request, file: UploadFile = File(...)):
    st = state(request)
    path = await _save_upload(st, file)
    try:
        from zhibiao.api import extract_file

        e = extract_file(path)
    except ZhibiaoError as exc:
        raise HTTPException(422, str(exc).replace(str(path), file.filename or "upload")) from None
    finally:
        path.unlink(missing_ok=True)
    return e.to_dict() | {"document": e.document.to_dict() | {"source": file.filename}}


async def _save_upload(st, file: UploadFile) -> FilePath:
    name = FilePath(file.filename or "upload.txt").name  # never a path from the client
    suffix = FilePath(name).suffix.lower()
    if suffix not in (".txt", ".htm", ".html", ".pdf", ".docx"):
        raise HTTPException(422, f"{name}: unsupported file type (TXT, HTML, PDF or DOCX)")
    limit = st.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{name}: larger than the upload limit of {limit // 1_000_000} MB")
    folder = FilePath(tempfile.mkdtemp(prefix="zhibiao-upload-"))
    path = folder / name
    path.write_bytes(data)
    return path


@router.post("/documents", summary="Upload and store a document", dependencies=[Depends(require_token)])
async def upload(request: Request, file: UploadFile = File(...)):
    st = state(request)
    path = await _save_upload(st, file)
    from zhibiao.store.ingest import extract_one, store

    try:
        x = extract_one(str(path))
        if x.error:
            raise HTTPException(422, x.error.replace(str(path), file.filename or "upload"))
        x.path = str(st.uploads / f"{x.loaded.sha256[:16]}-{path.name}")
        FilePath(x.path).write_bytes(path.read_bytes())
        x.loaded.path = x.path
        result = store(st.db, x)
    finally:
        path.unlink(missing_ok=True)
    with st.db.session() as s:
        doc_id = s.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == x.loaded.sha256))
    return {"id": doc_id, "status": result.status, "targets": len(x.extraction.targets),
            "actuals": len(x.extraction.actuals), "commitments": len(x.extraction.commitments)}


@router.delete("/documents/{doc_id}", summary="Delete a document and its lines", dependencies=[Depends(require_token)])
def delete_document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    st = state(request)
    with st.db.session.begin() as s:
        d = s.get(DocumentRow, doc_id)
        if d is None:
            raise HTTPException(404, f"no document {doc_id}")
        for table in (TargetRow, ObservationRow, CommitmentRow):
            s.execute(delete(table).where(table.document_id == doc_id))
        s.delete(d)
    return {"deleted": doc_id}


@router.get("/regions", summary="Regions: the children of a region (the provinces by default)")
def regions(request: Request, parent: str | None = None, with_documents: bool = False):
    st = state(request)
    code = st.region_code(parent) if parent else "100000"
    with st.db.session() as s:
        me = s.get(RegionRow, code)
        kids = list(s.scalars(select(RegionRow).where(RegionRow.parent_code == code).order_by(RegionRow.code)))
        have = set(s.scalars(select(DocumentRow.region_code).distinct())) if with_documents else None
    rows = [{"code": r.code, "name": r.name, "level": r.level} | ({"has_documents": r.code in have} if have is not None
                                                                  else {}) for r in kids]
    return {"region": {"code": me.code, "name": me.name, "level": me.level} if me else None, "rows": rows, "next": None}


@router.get("/indicators", summary="The indicator catalogue")
def indicators(request: Request, q: str | None = None, format: str | None = None):
    from zhibiao.catalog import Catalog

    cat = Catalog.default()
    found = cat.search(q) if q else list(cat.indicators.values())
    return rows_response([i.to_dict() for i in found], format)


@router.get("/targets", summary="Targets, filtered")
def targets(request: Request, region: str | None = None, year: int | None = YEAR_OPT, indicator: str | None = None,
            level: str | None = None, _size: int = Query(100, ge=1, le=MAX_PAGE), _next: str | None = None,
            format: str | None = None):
    st = state(request)
    try:
        rows = st.tracker().targets(region=region, year=year, indicator=indicator, level=level)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    start = int(_next) if _next and _next.isdigit() else 0
    page = rows[start:start + _size]
    nxt = str(start + _size) if start + _size < len(rows) else None
    return rows_response(page, format, nxt)


@router.get("/actuals", summary="Actual figures (from documents and imports), filtered")
def actuals(request: Request, region: str | None = None, year: int | None = YEAR_OPT, indicator: str | None = None,
            _size: int = Query(100, ge=1, le=MAX_PAGE), _next: str | None = None, format: str | None = None):
    st = state(request)
    stmt = select(ObservationRow)
    if region:
        stmt = stmt.where(ObservationRow.region_code == st.region_code(region))
    if year:
        stmt = stmt.where(ObservationRow.year == year)
    if indicator:
        stmt = stmt.where(ObservationRow.indicator == indicator)
    with st.db.session() as s:
        obs = list(s.scalars(_page(stmt, ObservationRow.id, _size, _next)))
    nxt = str(obs[_size - 1].id) if len(obs) > _size else None
    from zhibiao.track.citations import Source, cite_text

    with st.db.session() as s:  # the documents of this page, for their addresses and citations
        wanted = {o.document_id for o in obs[:_size] if o.document_id}
        docs = {d.id: Source.from_row(d) for d in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(wanted)))}
    rows = [{"id": o.id, "region_code": o.region_code, "indicator": o.indicator, "name": o.name, "year": o.year,
             "period": o.period, "measure": o.measure, "value": _num(o.value), "unit": o.unit,
             "comparator": o.comparator, "estimated": o.estimated, "text": o.text, "source": o.source,
             "document_id": o.document_id, "span": [o.span_start, o.span_end] if o.span_start is not None else None,
             "imported": o.imported, "url": docs[o.document_id].url if o.document_id in docs else None,
             "citation": cite_text(docs[o.document_id]) if o.document_id in docs else o.source} for o in obs[:_size]]
    return rows_response(rows, format, nxt)


@router.get("/status", summary="Status of a region's targets for a year (the same JSON as `zhibiao status`)")
def status(request: Request, region: str, year: int = YEAR, reviewed: bool = False, format: str | None = None):
    st = state(request)
    try:
        report = st.tracker().status(region, year, reviewed_only=reviewed)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    if format == "csv":
        return csv_response([t.to_dict() | {"actual": (t.actual or {}).get("value")} for t in report.targets])
    return report.to_dict()


@router.get("/compare/years", summary="A region's targets against the previous year's")
def compare_years(request: Request, region: str, year: int = YEAR, format: str | None = None):
    try:
        rows = state(request).tracker().compare_years(region, year)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    return rows_response(rows, format)


@router.get("/compare/regions", summary="One indicator across regions (all rows, or pages with `_size` and `_next`)")
def compare_regions(request: Request, indicator: str, year: int = YEAR, level: str | None = None, region: str | None = None,
                    format: str | None = None, _size: int | None = Query(None, ge=1, le=MAX_PAGE),
                    _next: str | None = None):
    try:
        rows = state(request).compare_regions(indicator, year, level=level, parent=region)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    if _size is None or format == "csv":
        return rows_response(rows, format)
    start = _offset(_next, len(rows))
    end = start + _size
    return rows_response(rows[start:end], format, str(end) if end < len(rows) else None, {"total": len(rows)})


def _offset(token: str | None, total: int) -> int:
    if not token:
        return 0
    try:
        start = int(token)
    except ValueError:
        start = -1
    if not 0 <= start <= total:
        raise HTTPException(400, "_next must be a token from a previous page")
    return start


@router.get("/compare/levels", summary="Child regions' targets against their parent's")
def compare_levels(request: Request, region: str, year: int = YEAR):
    try:
        return state(request).compare_levels(region, year)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/search", summary="Indicators, regions, documents and targets matching a query (two characters or more)")
def search(request: Request, q: str = Query(..., min_length=1, max_length=100),
           _size: int = Query(20, ge=1, le=100)):
    from zhibiao.track.search import search as run

    return run(state(request).db, q, _size).to_dict()


class TableIn(BaseModel):
    columns: list[str] = Field(max_length=200)
    rows: list[list[str | float | int | None]] = Field(max_length=50_000)


@router.post("/export", summary="Write a table's rows (as the page shows them, filtered) to CSV or XLSX")
def export_table(body: TableIn, format: str = Query("csv", pattern="^(csv|xlsx)$"),
                 name: str = Query("zhibiao", max_length=80)):
    """The download buttons of the pages' tables: the rows of the current filter, written by the one
    export module the CLI uses (formula cells inert). Stores nothing, so it needs no token."""
    from zhibiao.export import XLSX_MEDIA_TYPE, csv_text, xlsx_bytes

    rows = [dict(zip(body.columns, r)) for r in body.rows]
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "zhibiao"
    disposition = {"content-disposition": f'attachment; filename="{safe}.{format}"'}
    if format == "xlsx":
        return Response(xlsx_bytes(rows, body.columns, sheet=safe[:31]), media_type=XLSX_MEDIA_TYPE, headers=disposition)
    return Response(csv_text(rows, body.columns), media_type="text/csv; charset=utf-8", headers=disposition)


@router.get("/report", summary="The 目标完成情况 report of a region-year as DOCX or XLSX (`zhibiao report`)",
            response_class=Response, responses={200: {"content": {"application/octet-stream": {}}}})
def report(request: Request, region: str, year: int = YEAR, format: str = Query("docx", pattern="^(docx|xlsx)$"),
           lang: str = Query("zh", pattern="^(zh|en)$")):
    from zhibiao.report import MEDIA_TYPES, report_bytes

    tracker = state(request).tracker()
    try:
        code = tracker.region(region).code
        data = report_bytes(tracker, region, year, format, lang)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    name = f"zhibiao-report-{code}-{year}{'-en' if lang == 'en' else ''}.{format}"
    return Response(data, media_type=MEDIA_TYPES[format],
                    headers={"content-disposition": f'attachment; filename="{name}"'})


class CorrectionIn(BaseModel):
    document_id: int = Field(ge=1, le=MAX_ID)
    line_type: str = Field(pattern="^(target|actual|commitment)$")
    index: int = Field(ge=0, le=1_000_000)
    action: str = Field(pattern="^(confirm|correct)$")
    changes: dict[str, Any] = Field(default_factory=dict)
    who: str | None = Field(default=None, max_length=80)


CORRECTABLE = {"value", "comparator", "indicator", "year", "unit", "name"}


@router.post("/corrections", summary="Confirm or correct an extracted line", dependencies=[Depends(require_token)])
def correct(request: Request, body: CorrectionIn):
    st = state(request)
    d = _get_document(st, body.document_id)
    lines = (d.extraction or {}).get(body.line_type + "s") or []
    if body.index >= len(lines):
        raise HTTPException(404, f"document {d.id} has no {body.line_type} #{body.index}")
    bad = set(body.changes) - CORRECTABLE
    if bad:
        raise HTTPException(422, f"cannot correct {', '.join(sorted(bad))} (only {', '.join(sorted(CORRECTABLE))})")
    if body.action == "correct" and not body.changes:
        raise HTTPException(422, "a correction needs at least one changed field")
    span = lines[body.index].get("span") or [0, 0]
    with st.db.session.begin() as s:
        s.add(CorrectionRow(document_sha256=d.sha256, line_type=body.line_type, line_key=f"{span[0]}-{span[1]}",
                            action=body.action, changes=body.changes, who=body.who, created_at=now()))
    return {"ok": True, "line": lines[body.index], "correction": st.corrections(d.sha256).get(
        (body.line_type, f"{span[0]}-{span[1]}"))}


@router.get("/coverage", summary="Documents per region and year")
def coverage(request: Request):
    st = state(request)
    with st.db.session() as s:
        rows = s.execute(select(DocumentRow.region_code, DocumentRow.region_name, DocumentRow.plan_year,
                                func.count()).group_by(DocumentRow.region_code, DocumentRow.region_name,
                                                       DocumentRow.plan_year)).all()
    return {"rows": [{"region_code": c, "region": n, "year": y, "documents": k} for c, n, y, k in rows], "next": None}

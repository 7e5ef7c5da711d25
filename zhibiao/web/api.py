"""The REST API (``/api/v1``): everything the pages show, as JSON (or CSV with ``?format=csv``).

Listings follow Datasette's conventions: ``{"rows": [...], "next": token}`` with ``_size`` and
``_next`` for keyset pagination, and streamed CSV. Writes (upload, delete, corrections) need the
server's token (``Authorization: Bearer …``); without a token configured the server is read-only.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path as FilePath
from urllib.parse import quote
from typing import Any, Iterable

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from zhibiao.errors import InputError, ZhibiaoError
from zhibiao.export import columns_of, iter_csv
from zhibiao.models import json_number

router = APIRouter(prefix="/api/v1")
# Bounds keep absurd numbers from reaching the database (SQLite integers are 64-bit).
YEAR = Query(ge=1949, le=2200)
YEAR_OPT = Query(None, ge=1949, le=2200)
MAX_ID = 2**62
MAX_PAGE = 1000


def state(request: Request):
    return request.app.state.zhibiao


def require_token(request: Request) -> str:
    """Writes need the configured token (a header, or the session cookie from this site's pages);
    a server started without one is read-only. The guard (web/guard.py) has checked this already,
    before the body was read; this states it in the schema and checks again."""
    from zhibiao.web.guard import credentials

    st = state(request)
    if not st.token:
        raise HTTPException(403, "this server is read-only (start it with --token or ZHIBIAO_TOKEN to allow writes)")
    how = credentials({k.lower(): v for k, v in request.scope.get("headers") or []}, st.token)
    if how is None:
        raise HTTPException(401, "a valid token is required for this request")
    return how


def _json_default(value):
    """What ``json`` cannot write, as FastAPI's encoder writes it (a Decimal as an int or a float,
    a date as ISO text, a set as a list, …)."""
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(value)


def json_answer(content: Any) -> Response:
    """``content`` as JSON — the same document FastAPI's own response gives — written by orjson,
    without FastAPI's ``jsonable_encoder`` walking and copying every value first: for a scorecard of
    40 lines with their citations that walk cost half as much again as deciding the statuses, and
    the standard library's writer took 62 ms for a municipality's 40 children against it (1.6 MB),
    orjson 8."""
    import orjson

    return Response(orjson.dumps(content, default=_json_default, option=orjson.OPT_NON_STR_KEYS),
                    media_type="application/json")


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


def attachment(filename: str) -> dict[str, str]:
    """A download's header for any file name: an ASCII fallback and the UTF-8 name (RFC 6266), since
    headers carry Latin-1 only (a Chinese name there was a 500)."""
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in filename) or "zhibiao"
    return {"content-disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"}


def _after(next_token: str | None) -> int:
    """The id a page continues after (a ``next`` token of the previous page)."""
    if not next_token:
        return 0
    try:
        after = int(next_token)
        if not 0 <= after < MAX_ID:
            raise ValueError(next_token)
        return after
    except ValueError:
        raise HTTPException(400, "_next must be a token from a previous page") from None


def _token(next_id: int | None) -> str | None:
    return str(next_id) if next_id is not None else None


@router.get("/documents", summary="List documents (by id and title)")
def list_documents(request: Request, region: str | None = None, year: int | None = YEAR_OPT, doc_type: str | None = None,
                   q: str | None = Query(None, description="Search in titles, regions, issuers, document numbers"),
                   _size: int = Query(50, ge=1, le=MAX_PAGE), _next: str | None = None, format: str | None = None):
    rows, nxt = state(request).read().documents(region=region, year=year, doc_type=doc_type, q=q,
                                                 after=_after(_next), size=_size)
    return rows_response(rows, format, _token(nxt))


@router.get("/documents/needing-review", summary="Documents stored without a plan year or a region")
def documents_needing_review(request: Request, format: str | None = None):
    return rows_response(state(request).read().documents_needing_review(), format)


@router.get("/documents/{doc_id}", summary="One document with its extraction's counts, sections, warnings and the years of its region's scorecards it counts in")
def get_document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    d = state(request).read().document(doc_id, full=True)
    d.pop("text"), d.pop("extraction")
    return d


@router.get("/documents/{doc_id}/text", summary="The document's normalised text with every extracted span")
def document_text(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    return json_answer(state(request).read().document_text(doc_id))


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
    from zhibiao.track.citations import bibtex_entry, cite_text, csl_item

    source = state(request).read().source(doc_id)
    if format == "csl":
        return JSONResponse([csl_item(source)], media_type="application/vnd.citationstyles.csl+json")
    if format == "bibtex":
        return Response(bibtex_entry(source), media_type="application/x-bibtex; charset=utf-8")
    return Response(cite_text(source) + "\n", media_type="text/plain; charset=utf-8")


@router.get("/citations", summary="Citations of a region-year: every figure (json, text) or its documents (csl, bibtex)")
def citations(request: Request, region: str, year: int = YEAR, indicator: str | None = None,
              format: str = Query("json", pattern="^(json|text|csl|bibtex)$")):
    from zhibiao.track.citations import bibtex, csl_json

    tracker = state(request).tracker()
    tracker.q.require_year(tracker.region(region), year)  # (no targets: the one 404 answer, as the CLI's)
    figures, sources = tracker.cite(region, year, indicator)
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
    return json_answer({"rows": figures, "next": None})


class FetchIn(BaseModel):
    urls: list[str] = Field(min_length=1, max_length=100, description="Web addresses (http, https) to fetch")


@router.post("/fetch", status_code=202, dependencies=[Depends(require_token)],
             summary="Add documents by address: fetch, extract and store them in a background job")
def fetch_addresses(request: Request, body: FetchIn):
    from zhibiao.fetch import is_address
    from zhibiao.web.messages import said

    lang = said_in(request)  # (the upload page asks in its language, as for an upload's refusals)
    urls = []
    for u in body.urls:
        u = u.strip()
        if not u:
            continue
        if len(u) > 2000 or not is_address(u):
            raise HTTPException(422, said(f"{u[:80]!r}: not an http or https address", lang))
        if u not in urls:
            urls.append(u)
    if not urls:
        raise HTTPException(422, said("no address given", lang))
    try:
        job = state(request).jobs.submit(urls)
    except InputError as exc:
        raise HTTPException(429, said(str(exc), lang)) from None
    return JSONResponse({"job": job, "url": f"/api/v1/jobs/{job['id']}"}, status_code=202)


@router.get("/jobs/{job_id}", summary="A fetching job's progress and results")
def job_status(request: Request, job_id: str = Path(pattern="^[0-9a-f]{32}$")):
    job = state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    lang = said_in(request)
    if lang != "en":  # the page's language (the upload page asks with ?lang=zh), as for an upload's messages
        from zhibiao.web.messages import problem_at, said

        job["results"] = [r | {"error": problem_at(r["error"], lang)} if r.get("error") else r for r in job["results"]]
        if job.get("error"):  # the job's own failure: its words translated, the technical detail after them
            job["error"] = said(job["error"], lang)
    return job


@router.post("/extract", summary="Extract an uploaded file without storing it (the upload preview)")
async def preview(request: Request, file: UploadFile = File(...)):
    st = state(request)
    lang = said_in(request)
    path, name = await _save_upload(st, file, lang)
    from zhibiao.web.extraction import preview_json
    from zhibiao.web.messages import problem

    try:  # read, extracted and encoded in a worker process: the event loop only forwards the bytes
        status_code, body = await st.extraction.run(preview_json, str(path), name, lang, name=name)
    except ZhibiaoError as exc:
        raise HTTPException(422, problem(name, str(exc).replace(str(path), name), lang)) from None
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    return Response(body, status_code=status_code, media_type="application/json")


def upload_name(filename: str | None) -> str:
    """The uploaded file's name as shown and kept: its base name only (never a path from the
    client), without control characters, at most 100 characters with its suffix."""
    name = FilePath((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in "/\\").strip(" .") or "upload.txt"
    stem, suffix = FilePath(name).stem, FilePath(name).suffix[:10]
    return (stem[:100 - len(suffix)] or "upload") + suffix


def said_in(request: Request) -> str:
    """The language of an upload's messages: English, unless the request asks for ``?lang=zh`` (the
    upload page, in Chinese, does; the API's clients read English)."""
    return "zh" if request.query_params.get("lang") == "zh" else "en"


async def _save_upload(st, file: UploadFile, lang: str = "en") -> tuple[FilePath, str]:
    """The upload in a folder of its own (removed by the caller), and its name."""
    name = upload_name(file.filename)
    suffix = FilePath(name).suffix.lower()
    from zhibiao.load import SUFFIXES, formats_text
    from zhibiao.web.messages import problem

    if suffix not in SUFFIXES:
        raise HTTPException(422, problem(name, f"{name}: unsupported file type (one of {formats_text()})", lang))
    limit = st.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, problem(name, f"{name}: larger than the upload limit of {limit / 1_000_000:g} MB",
                                         lang))
    folder = FilePath(tempfile.mkdtemp(prefix="zhibiao-upload-"))
    path = folder / f"upload{suffix}"  # the client's name is shown, never used on disk
    path.write_bytes(data)
    return path, name


async def _extract_upload(st, path: FilePath, name: str, lang: str = "en"):
    """Read and extract in the server's worker processes (never on the event loop), within the
    per-document time limit; a failure is a 422 naming the upload, a full queue a 503."""
    from zhibiao.ingest import extract_one
    from zhibiao.web.messages import problem

    try:
        x = await st.extraction.run(extract_one, str(path), name=name)
    except ZhibiaoError as exc:
        raise HTTPException(422, problem(name, str(exc).replace(str(path), name), lang)) from None
    if x.error:
        raise HTTPException(422, problem(name, x.error.replace(str(path), name), lang))
    return x


@router.post("/documents", summary="Upload and store a document", dependencies=[Depends(require_token)])
async def upload(request: Request, file: UploadFile = File(...)):
    st = state(request)
    lang = said_in(request)
    path, name = await _save_upload(st, file, lang)
    from zhibiao.ingest import store

    try:
        x = await _extract_upload(st, path, name, lang)
        x.path = str(st.uploads / f"{x.loaded.sha256[:16]}-{name}")
        FilePath(x.path).write_bytes(path.read_bytes())
        x.loaded.path = x.path
        result = await run_in_threadpool(store, st.db, x)  # the write waits in a thread, not on the event loop
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    if result.status == "failed":
        FilePath(x.path).unlink(missing_ok=True)
        raise HTTPException(503, (result.error or "not stored").replace(x.path, name))
    doc = st.read().document_by_sha256(x.loaded.sha256)
    st.after_write({doc["region"]["code"]})
    return {"id": doc["id"], "title": doc["title"], "status": result.status, "targets": len(x.extraction.targets),
            "actuals": len(x.extraction.actuals), "commitments": len(x.extraction.commitments),
            "region": doc["region"], "plan_year": doc["plan_year"], "doc_type": doc["doc_type"]}


@router.delete("/documents/{doc_id}", summary="Delete a document and its lines", dependencies=[Depends(require_token)])
def delete_document(request: Request, doc_id: int = Path(ge=1, le=MAX_ID)):
    st = state(request)
    region = st.read().document(doc_id)["region"]["code"]
    stored = st.read().delete_document(doc_id)
    st.after_write({region})
    if stored and st.holds_upload(stored):
        FilePath(stored).unlink(missing_ok=True)  # an uploaded file goes with its document (never an ingested one)
    return {"deleted": doc_id}


class RegionIn(BaseModel):
    region: str = Field(min_length=1, max_length=80)
    who: str | None = Field(default=None, max_length=80)


@router.post("/documents/{doc_id}/region", dependencies=[Depends(require_token)],
             summary="Set a document's region (a reviewer's correction: its text names none, or one several regions bear)")
def set_region(request: Request, body: RegionIn, doc_id: int = Path(ge=1, le=MAX_ID)):
    """``{"region": name or code, "who": …}``; a name several regions bear (朝阳区) is a 409 with
    ``candidates`` (name, code, place) to choose from by code; an unknown one a 404."""
    from zhibiao.errors import AmbiguousName
    from zhibiao.store import validate

    st = state(request)
    try:
        who = validate.text(body.who, "who", 80)
        done = st.read().set_region(doc_id, body.region, who)
    except AmbiguousName as exc:
        return JSONResponse({"detail": str(exc), "error": "ambiguous", "candidates": exc.candidates}, status_code=409)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    st.after_write({done["before"], done["region"]["code"]})  # the region it leaves and the one it joins
    return done


class PlanYearIn(BaseModel):
    # a year from 1950 to 2099: checked by ingest.set_plan_year (its one owner), whose refusal the
    # page reads in its language (a bound here was pydantic's English, field name first)
    plan_year: int = Field(description="a year from 1950 to 2099")
    who: str | None = Field(default=None, max_length=80)


@router.post("/documents/{doc_id}/plan-year", dependencies=[Depends(require_token)],
             summary="Set a document's plan year (a reviewer's correction: its text says none, or the wrong one)")
def set_plan_year(request: Request, body: PlanYearIn, doc_id: int = Path(ge=1, le=MAX_ID)):
    """``{"plan_year": 2024, "who": …}``: the document is extracted again from its stored text,
    dated by that year (every line's year follows from it), and the choice kept as a correction
    that re-extraction applies again. Answers the year it had and has and the lines now stored."""
    from zhibiao.ingest import set_plan_year as set_year
    from zhibiao.store import validate
    from zhibiao.web.messages import said

    st = state(request)
    try:
        who = validate.text(body.who, "who", 80)
        done = set_year(st.db, doc_id, body.plan_year, who)
    except InputError as exc:  # (the reader asks in its language: ?lang=zh)
        raise HTTPException(422, said(str(exc), said_in(request))) from None
    st.after_write({done["region"]})  # its region's statuses, the year it left and the one it joined
    return done


@router.get("/regions", summary="Regions: the children of a region (the provinces by default)")
def regions(request: Request, parent: str | None = None, with_documents: bool = False):
    return state(request).read().region_children(parent, with_documents) | {"next": None}


@router.get("/indicators", summary="The indicator catalogue")
def indicators(request: Request, q: str | None = None, format: str | None = None):
    from zhibiao.catalog import Catalog

    cat = Catalog.default()
    found = cat.search(q) if q else list(cat.indicators.values())
    return rows_response([i.to_dict() for i in found], format)


@router.get("/targets", summary="Targets, filtered (every stored line, each with its document's id and title)")
def targets(request: Request, region: str | None = None, year: int | None = YEAR_OPT, indicator: str | None = None,
            level: str | None = None, _size: int = Query(100, ge=1, le=MAX_PAGE), _next: str | None = None,
            format: str | None = None):
    rows, nxt = state(request).read().list_targets(region=region, year=year, indicator=indicator, level=level,
                                                    after=_after(_next), size=_size)
    return rows_response(rows, format, _token(nxt))


@router.get("/actuals", summary="Actual figures (from documents and imports), filtered")
def actuals(request: Request, region: str | None = None, year: int | None = YEAR_OPT, indicator: str | None = None,
            _size: int = Query(100, ge=1, le=MAX_PAGE), _next: str | None = None, format: str | None = None):
    rows, nxt = state(request).read().list_actuals(region=region, year=year, indicator=indicator,
                                                    after=_after(_next), size=_size)
    return rows_response(rows, format, _token(nxt))


@router.get("/status", summary="Status of a region's targets for a year (the same JSON as `zhibiao status`)")
def status(request: Request, region: str, year: int = YEAR, reviewed: bool = False, format: str | None = None):
    st = state(request)
    report = st.tracker().status(region, year, reviewed_only=reviewed, require_data=True)
    if format == "csv":
        from zhibiao.track.tracker import status_rows

        return csv_response(status_rows(report, request.query_params.get("lang", "zh")))
    return json_answer(report.to_dict())


@router.get("/compare/years", summary="A region's targets against the previous year's")
def compare_years(request: Request, region: str, year: int = YEAR, format: str | None = None):
    rows = state(request).tracker().compare_years(region, year)
    return rows_response(rows, format)


@router.get("/compare/regions", summary="One indicator across regions: a page of regions (`_size`, `_next`) with the total")
def compare_regions(request: Request, indicator: str, year: int = YEAR, level: str | None = None, region: str | None = None,
                    format: str | None = None, _size: int = Query(50, ge=1, le=MAX_PAGE), _next: str | None = None):
    """Regions in code order, ``_size`` regions a page (a region with a five-year target for the
    year as well as its annual one has a row for each); ``total`` regions, ``next`` and ``prev``
    the ``_next`` tokens of the pages after and before. ``format=csv`` downloads every row."""
    st = state(request)
    if format == "csv":
        return rows_response(st.compare_regions(indicator, year, level=level, parent=region), format)
    start = _offset(_next)
    page = st.compare_regions_page(indicator, year, level=level, parent=region, offset=start, size=_size)
    total = page["total"]
    if start and start >= total:
        raise HTTPException(400, "_next must be a token from a previous page")
    end = start + _size
    return rows_response(page["rows"], format, str(end) if end < total else None,
                         {"total": total, "offset": start, "prev": str(max(0, start - _size)) if start else None})


def _offset(token: str | None) -> int:
    """The offset a ``_next`` token of a page of regions stands for."""
    if not token:
        return 0
    try:
        start = int(token)
    except ValueError:
        start = -1
    if not 0 <= start < MAX_ID:
        raise HTTPException(400, "_next must be a token from a previous page")
    return start


@router.get("/compare/levels", summary="Child regions' targets against their parent's")
def compare_levels(request: Request, region: str, year: int = YEAR):
    # (a municipality's 40 children: 1.6 MB, whose walk by FastAPI's encoder took longer than the answer)
    tracker = state(request).tracker()
    tracker.q.require_year(tracker.region(region), year)  # (no targets: the one 404 answer, as the CLI's)
    return json_answer(state(request).compare_levels(region, year))


@router.get("/search", summary="Indicators, regions, documents and targets matching a query (two characters or more)")
def search(request: Request, q: str = Query(..., min_length=1, max_length=100),
           _size: int = Query(20, ge=1, le=100),
           section: str | None = Query(None, pattern="^(documents|targets)$",
                                       description="With `_next`: the next page of this section only"),
           _next: str | None = Query(None, description="The section's `next` token from the previous page")):
    """Newest first: `_size` documents and twice as many target lines; `next` holds each section's
    token for its next page (`section=targets&_next=…`), null on its last page."""
    if _next is not None and section is None:
        raise HTTPException(400, "_next needs section=documents or section=targets")
    before = _after(_next) or None if _next is not None else None
    return json_answer(state(request).search(q, _size, section, before).to_dict())


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
    disposition = attachment(f"{safe}.{format}")
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
    action: str = Field(pattern="^(confirm|correct|reject)$")
    changes: dict[str, Any] = Field(default_factory=dict)
    who: str | None = Field(default=None, max_length=80)


@router.post("/corrections", summary="Review an extracted line: confirm it, correct it, or reject it (not a target)",
             dependencies=[Depends(require_token)])
def correct(request: Request, body: CorrectionIn):
    from zhibiao.store import validate

    try:  # finite decimals, known comparators, years in range, bounded text: or nothing is stored
        changes = validate.correction_changes(body.changes) if body.action == "correct" else {}
        who = validate.text(body.who, "who", 80)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    if body.action == "correct" and not changes:
        raise HTTPException(422, "a correction needs at least one changed field")
    try:
        return state(request).read().review(body.document_id, body.line_type, body.index, body.action, changes, who)
    except InputError as exc:  # a correction the status could not follow (an actual moved to another year)
        raise HTTPException(422, str(exc)) from None


@router.get("/review", summary="The queue of lines needing a person's review")
def review_queue(request: Request, format: str | None = None):
    return rows_response(state(request).read().review_queue(), format)


@router.get("/coverage", summary="Documents per region and year")
def coverage(request: Request):
    return json_answer({"rows": state(request).read().coverage(), "next": None})  # a row per region-year

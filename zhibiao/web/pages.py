"""Server-rendered pages (Jinja2, a little JavaScript, no build step). Chinese by default with an
English toggle (``?lang=en``, remembered in a cookie); indicator names in English come from the
catalogue."""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import func, select

from zhibiao import __version__
from zhibiao.errors import InputError
from zhibiao.store.schema import FULL_DOCUMENT, DocumentRow, ObservationRow, RegionRow, TargetRow

router = APIRouter(include_in_schema=False)
env = Environment(loader=PackageLoader("zhibiao.web", "templates"), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)
STATUS_ORDER = ("achieved", "basically_achieved", "on_track", "missed", "behind", "pending", "needs_review")


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load(resources.files("zhibiao.web").joinpath("i18n.yaml").read_text("utf-8"))


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return "en" if lang == "en" else "zh"


def render(request: Request, template: str, **ctx) -> HTMLResponse:
    lang = lang_of(request)
    table = strings()

    def t(key: str) -> str:
        entry = table.get(key)
        return entry.get(lang, entry.get("zh", key)) if entry else key

    def indicator_name(indicator_id: str | None, fallback: str = "") -> str:
        if lang == "en" and indicator_id:
            from zhibiao.catalog import Catalog

            ind = Catalog.default().get(indicator_id)
            if ind:
                return ind.name_en
        return fallback

    st = request.app.state.zhibiao
    html = env.get_template(template).render(request=request, t=t, lang=lang, version=__version__,
                                             indicator_name=indicator_name, writable=bool(st.token),
                                             path=request.url.path, **ctx)
    response = HTMLResponse(html)
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", request.query_params["lang"], max_age=365 * 86400, samesite="lax")
    return response


def _crumbs(code: str) -> list:
    """The region and the regions above it, for breadcrumbs."""
    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    r = reg.by_code(code)
    return list(reversed(reg.ancestors(r))) + [r] if r else []


def _tracker(request: Request):
    return request.app.state.zhibiao.tracker()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: str | None = None):
    st = request.app.state.zhibiao
    with st.db.session() as s:
        cov = s.execute(select(DocumentRow.region_code, DocumentRow.region_name, DocumentRow.plan_year,
                               func.count()).group_by(DocumentRow.region_code, DocumentRow.region_name,
                                                      DocumentRow.plan_year)).all()
        recent_q = select(DocumentRow).order_by(DocumentRow.id.desc()).limit(12)
        if q:
            recent_q = select(DocumentRow).where(DocumentRow.title.contains(q) | DocumentRow.region_name.contains(q)
                                                 | DocumentRow.path.contains(q)).order_by(DocumentRow.id.desc()).limit(50)
        recent = list(s.scalars(recent_q))
        n_targets = s.scalar(select(func.count()).select_from(TargetRow))
        n_actuals = s.scalar(select(func.count()).select_from(ObservationRow))
        levels = dict(s.execute(select(RegionRow.code, RegionRow.level).where(
            RegionRow.code.in_([c for c, *_ in cov if c]))).all())
    years = sorted({y for _c, _n, y, _k in cov if y})
    matrix: dict = defaultdict(dict)
    names = {}
    for code, name, year, k in cov:
        if code:
            matrix[code][year] = k
            names[code] = name
    order = sorted(names, key=lambda c: (c[:2], {"national": 0, "province": 1, "prefecture": 2, "county": 3}.get(
        levels.get(c, ""), 4), c))
    from zhibiao.track.coverage import region_tree

    return render(request, "home.html", tree=st.views.get(("region_tree",), lambda: region_tree(st.tracker())), recent=recent, q=q or "",
                  n_targets=n_targets, n_actuals=n_actuals, n_documents=sum(k for *_x, k in cov))


@router.get("/region/{region}/{year}", response_class=HTMLResponse)
def scorecard(request: Request, region: str, year: int = FPath(ge=1949, le=2200), reviewed: bool = False):
    try:
        report = _tracker(request).status(region, year, reviewed_only=reviewed)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    st = request.app.state.zhibiao
    wanted = {t.document for t in report.targets} | {t.actual["document"] for t in report.targets if t.actual}
    with st.db.session() as s:  # only the documents this scorecard links to
        paths = dict(s.execute(select(DocumentRow.path, DocumentRow.id).where(DocumentRow.path.in_(wanted))).all())
    summary = report.summary
    categories = {(t["document"], (t["span"] or [None])[0]): t["category"]  # the plan's own category of each line
                  for t in _tracker(request).targets(region=report.region["code"], year=year)}
    return render(request, "scorecard.html", report=report, summary=summary, statuses=STATUS_ORDER, year=year,
                  categories=categories, crumbs=_crumbs(report.region["code"]),
                  doc_ids=paths, reviewed=reviewed, region=report.region)


@router.get("/indicator/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator_id: str, region: str | None = None, level: str | None = None,
                   year: int | None = None):
    from zhibiao.catalog import Catalog

    ind = Catalog.default().get(indicator_id)
    if ind is None:
        raise HTTPException(404, f"no indicator {indicator_id}")
    st = request.app.state.zhibiao
    tracker = _tracker(request)
    series = []
    region_name = None
    with st.db.session() as s:
        regions_with = list(s.execute(select(TargetRow.region_code, func.count()).where(
            TargetRow.indicator == indicator_id).group_by(TargetRow.region_code)).all())
        years_with = sorted(set(s.scalars(select(TargetRow.year).where(TargetRow.indicator == indicator_id))) - {None})
    if region is None and regions_with:
        region = max(regions_with, key=lambda x: x[1])[0]
    if region:
        r = tracker.region(region)
        region_name = r.name
        with st.db.session() as s:
            t_rows = s.execute(select(TargetRow, DocumentRow).join(DocumentRow).where(
                TargetRow.indicator == indicator_id, TargetRow.region_code == r.code).order_by(TargetRow.year)).all()
        tracker._current_region = r.code
        from zhibiao.track.tracker import DOC_PREFERENCE

        best: dict = {}
        for t, d in t_rows:  # one target a year: the plan's table over a report's prose
            if t.year not in best or DOC_PREFERENCE.get(d.doc_type, 9) < DOC_PREFERENCE.get(best[t.year][1].doc_type, 9):
                best[t.year] = (t, d)
        for t, d in (best[y] for y in sorted(best)):
            a = tracker.actual_of(indicator_id, t.year, r.code)
            series.append({"year": t.year, "target": float(t.value) if t.value is not None else None, "text": t.text,
                           "actual": float(a.value) if a else None, "actual_text": a.text if a else None,
                           "document": d.id})
    year = year or (years_with[-1] if years_with else None)
    across = st.compare_regions(indicator_id, year, level=level) if year else []
    chart = {"series": series, "across": [{"region": x["region"]["name"], "value": x["value"], "text": x["text"]}
                                          for x in across]}
    return render(request, "indicator.html", ind=ind, region_name=region_name, series=series, across=across,
                  year=year, level=level, chart=chart, years=years_with)


@router.get("/compare/years", response_class=HTMLResponse)
def compare_years_page(request: Request, region: str, year: int):
    try:
        rows = _tracker(request).compare_years(region, year)
        r = _tracker(request).region(region)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    return render(request, "compare_years.html", rows=rows, region=r, year=year)


@router.get("/compare/regions", response_class=HTMLResponse)
def compare_regions_page(request: Request, indicator: str, year: int, level: str | None = None,
                         region: str | None = None):
    try:
        rows = request.app.state.zhibiao.compare_regions(indicator, year, level=level, parent=region)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    from zhibiao.catalog import Catalog
    from zhibiao.track.coverage import indicator_coverage

    ind = Catalog.default().get(indicator)
    years = sorted(indicator_coverage(request.app.state.zhibiao.db).get(indicator, {}))
    unit = (ind.unit if ind else None) or next((r["unit"] for r in rows if r.get("unit")), None)
    series = [{"code": r["region"]["code"], "name": r["region"]["name"], "text": r["text"], "value": r["value"],
               "value_high": None, "actual": None, "actual_text": None, "status": None, "comparison": None} for r in rows]
    chart = {"series": series, "unit": unit, "parent": None, "colour": "target", "map": None}
    return render(request, "compare_regions.html", rows=rows, indicator=indicator, year=year, level=level, ind=ind,
                  years=years, unit=unit, chart=chart, parent=region)


@router.get("/compare/levels", response_class=HTMLResponse)
def compare_levels_page(request: Request, region: str, year: int):
    try:
        data = request.app.state.zhibiao.compare_levels(region, year)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    return render(request, "compare_levels.html", data=data, year=year)


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def reader(request: Request, doc_id: int = FPath(ge=1, le=2**62)):
    st = request.app.state.zhibiao
    with st.db.session() as s:
        d = s.get(DocumentRow, doc_id, options=FULL_DOCUMENT)
    if d is None:
        raise HTTPException(404, f"no document {doc_id}")
    from zhibiao.store.provenance import history, provenance
    from zhibiao.track.citations import Source, cite_text

    versions = history(st.db, d.id) if (d.version or 1) > 1 else []
    return render(request, "reader.html", doc=d, name=Path(d.path).name, e=d.extraction or {},
                  source=provenance(d), versions=versions, citation=cite_text(Source.from_row(d)))


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    st = request.app.state.zhibiao
    return render(request, "upload.html", limit_mb=st.max_upload_bytes // 1_000_000)

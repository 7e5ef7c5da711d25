"""Server-rendered pages (Jinja2, a little JavaScript, no build step). Chinese by default with an
English toggle (``?lang=en``, remembered in a cookie); indicator names in English come from the
catalogue."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

import yaml
from fastapi import APIRouter, Query, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from zhibiao import __version__
from zhibiao.track.naming import set_apart

router = APIRouter(include_in_schema=False)
env = Environment(loader=PackageLoader("zhibiao.web", "templates"), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)


def count(n):
    """A count as people read it: 104,310 documents, not 104310 (at national scale the home page's
    counts run to millions); anything else as it is."""
    return f"{n:,}" if isinstance(n, int) and not isinstance(n, bool) else n


env.filters["count"] = count
UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{16}-")  # an uploaded file is kept as <sha256[:16]>-<its name> (api.upload)


def shown_file_name(name: str) -> str:
    """A document's file name as its reader knows it: an upload's without the prefix it is kept under."""
    return UPLOAD_PREFIX.sub("", name)


env.filters["shown_file_name"] = shown_file_name
STATUS_ORDER = ("achieved", "basically_achieved", "on_track", "missed", "behind", "pending", "needs_review")


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    return yaml.load(resources.files("zhibiao.web").joinpath("i18n.yaml").read_text("utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def translate(key: str, lang: str) -> str:
    """An interface string; a status's name comes from the tracker's messages (one owner)."""
    entry = strings().get(key)
    if entry is None:
        from zhibiao.track.status import messages

        entry = messages().get(f"status.{key}")
    return entry.get(lang, entry.get("zh", key)) if entry else key


def lang_of(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return "en" if lang == "en" else "zh"


def render(request: Request, template: str, status_code: int = 200, **ctx) -> HTMLResponse:
    response = HTMLResponse(render_text(request, template, **ctx), status_code=status_code)
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", request.query_params["lang"], max_age=365 * 86400, samesite="lax")
    return response


def render_text(request: Request, template: str, nonce: str | None = None, **ctx) -> str:
    lang = lang_of(request)

    def t(key: str) -> str:
        return translate(key, lang)

    def indicator_name(indicator_id: str | None, fallback: str = "") -> str:
        if lang == "en" and indicator_id:
            from zhibiao.catalog import Catalog

            ind = Catalog.default().get(indicator_id)
            if ind:
                return ind.name_en
        return fallback

    st = request.app.state.zhibiao
    return env.get_template(template).render(request=request, t=t, lang=lang, version=__version__,
                                             indicator_name=indicator_name, writable=bool(st.token),
                                             path=request.url.path,
                                             csp_nonce=nonce if nonce is not None else  # inline scripts
                                             getattr(request.state, "csp_nonce", ""), **ctx)


def _crumbs(code: str) -> list:
    """The region and the regions above it, for breadcrumbs."""
    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    r = reg.by_code(code)
    return list(reversed(reg.ancestors(r))) + [r] if r else []


def _tracker(request: Request):
    return request.app.state.zhibiao.tracker()


def _read(request: Request):
    return request.app.state.zhibiao.read()


def error_page(request: Request, status: int, message: str, links: list[tuple[str, str]] | None = None,
               headline: str | None = None) -> HTMLResponse:
    """An error as a page in the reader's language, with links onward: ``headline`` (already in
    that language), else the status's explanation, then the technical ``message`` as details."""
    return render(request, "error.html", status_code=status, status=status, message=message, links=links or [],
                  headline=headline,
                  title_key={404: "error_404", 422: "error_422", 400: "error_400", 401: "error_401",
                             403: "error_403", 413: "error_413"}.get(status, "error_other"))


PAGE_REGIONS = 50  # regions a page of a cross-region view shows
TREE_ROWS = 600  # a larger tree (a national database: 3,000 regions) leaves the counties to their city's page


def _tree_rows(nodes: list[dict]) -> int:
    return sum(1 + _tree_rows(n["children"]) for n in nodes)


def home_view(st) -> dict:
    """Everything the home page shows that reads across the whole database — coverage, counts,
    the region tree, the newest documents, what needs review — computed together and cached as one
    view (web/cache.py): a request is one version query and a render; after a write at national
    scale it is refreshed in the background, not per request. ``warm`` computes it at start-up."""
    from zhibiao.track.coverage import region_tree

    read = st.read()
    cov = read.coverage()
    levels = read.region_levels({c["region_code"] for c in cov if c["region_code"]})
    matrix: dict = defaultdict(dict)
    names = {}
    for c in cov:
        if c["region_code"]:
            matrix[c["region_code"]][c["year"]] = c["documents"]
            names[c["region_code"]] = c["region"]
    order = sorted(names, key=lambda c: (c[:2], {"national": 0, "province": 1, "prefecture": 2, "county": 3}.get(
        levels.get(c, ""), 4), c))
    counts = read.counts()
    tree = region_tree(st.tracker())
    recent, _next = read.documents(size=12, newest_first=True)
    set_apart(recent)  # two of one title: by number, date and id
    return {"tree": tree, "tree_rows": _tree_rows(tree),
            "years": sorted({c["year"] for c in cov if c["year"]}), "matrix": dict(matrix), "names": names,
            "order": order, "recent": recent, "n_targets": counts["targets"], "n_actuals": counts["actuals"],
            "n_documents": counts["documents"], "needing_review": read.documents_needing_review(limit=50),
            "queue": len(read.review_queue(limit=500))}


def warm(st) -> None:
    """Compute the home page's view now (a server starting), so that its first reader does not."""
    st.views.get(("home",), lambda: home_view(st))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: str | None = None):
    st = request.app.state.zhibiao
    cached = st.views.get(("home",), lambda: home_view(st))
    view = dict(cached)
    view["compact_tree"] = view.pop("tree_rows") > TREE_ROWS
    if q:  # a search of titles: per request, the rest from the cached view
        view["recent"] = set_apart(st.read().documents(q=q, size=50, newest_first=True)[0])
        return render(request, "home.html", q=q, **view)
    # The page itself is rendered once per view, language and query (a national page: 70 ms of CPU),
    # with a stand-in for the nonce each response's inline scripts carry
    key = (lang_of(request), bool(st.token), request.url.query, view["compact_tree"])
    done = HOME_PAGES.get(key)
    if done is None or done[0] is not cached:
        done = HOME_PAGES[key] = (cached, render_text(request, "home.html", nonce=NONCE_SLOT, q="", **view))
        while len(HOME_PAGES) > 16:
            HOME_PAGES.pop(next(iter(HOME_PAGES)), None)
    response = HTMLResponse(done[1].replace(NONCE_SLOT, getattr(request.state, "csp_nonce", "")))
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", request.query_params["lang"], max_age=365 * 86400, samesite="lax")
    return response


NONCE_SLOT = "zhibiao-nonce-5f0c1e"  # replaced by each response's nonce
HOME_PAGES: dict = {}  # (lang, writable, query, compact) -> (the view it was rendered from, its HTML)


@router.get("/region/{region}/{year}", response_class=HTMLResponse)
def scorecard(request: Request, region: str, year: int = FPath(ge=1949, le=2200), reviewed: bool = False):
    tracker = _tracker(request)
    # a region-year without targets: NoTargets, a 404 page linking the years that have them (web/app.py)
    report = tracker.status(region, year, reviewed_only=reviewed, require_data=True)
    # (the year before compared only when its targets are stored: compare years refuses it otherwise)
    previous = year - 1 in tracker.q.years_with_targets(report.region["code"])
    return render(request, "scorecard.html", report=report, summary=report.summary, statuses=STATUS_ORDER, year=year,
                  reviewed=reviewed, region=report.region, crumbs=_crumbs(report.region["code"]), previous=previous)


@router.get("/indicator/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator_id: str, region: str | None = None, level: str | None = None,
                   year: int | None = Query(None, ge=1949, le=2200)):
    from zhibiao.catalog import Catalog

    tracker = _tracker(request)
    ind = Catalog.default().get(tracker.q.indicator(indicator_id))
    # which regions set it and in which years: a read of every line of the indicator (32,000 at national
    # scale, 60–210 ms), cached like the cross-region views until the database changes
    regions_with, years_with = request.app.state.zhibiao.views.get(("indicator_usage", ind.id),
                                                                   lambda: tracker.q.indicator_usage(ind.id))
    asked = region is not None
    if region is None and regions_with:
        region = max(regions_with.items(), key=lambda x: x[1])[0]
    series, region_name = [], None
    if region:
        r = tracker.region(region)
        region_name = r.name
        series = tracker.indicator_series(r.code, ind.id)
    if year is None:  # a region asked for: its own latest year, not the database's (its place among the others)
        own = [p["year"] for p in series if p["year"] in years_with] if asked else []
        year = max(own) if own else (years_with[-1] if years_with else None)
    # the first page of regions (a national database has 3,800 with a target): the rest on /compare/regions
    page = request.app.state.zhibiao.compare_regions_page(ind.id, year, level=level, size=PAGE_REGIONS) if year \
        else {"rows": [], "total": 0}
    across = page["rows"]
    chart = {"series": [{"year": p["year"], "target": p["target"]["value"], "text": p["target"]["text"],
                         "actual": (p["actual"] or {}).get("value")} for p in series],
             "across": [{"region": x["region"]["name"], "value": x["value"], "text": x["text"]} for x in across]}
    pager = {"offset": 0, "size": PAGE_REGIONS, "total": page["total"],
             "url": f"/compare/regions?indicator={ind.id}&year={year}" + (f"&level={level}" if level else "")}
    return render(request, "indicator.html", ind=ind, region_name=region_name, series=series, across=across,
                  year=year, level=level, chart=chart, years=years_with, pager=pager,
                  region=region if region_name else None)


@router.get("/compare/years", response_class=HTMLResponse)
def compare_years_page(request: Request, region: str, year: int = Query(ge=1949, le=2200)):
    tracker = _tracker(request)
    r = tracker.region(region)
    rows = tracker.compare_years(region, year)
    return render(request, "compare_years.html", rows=rows, region=r, year=year)


@router.get("/compare/regions", response_class=HTMLResponse)
def compare_regions_page(request: Request, indicator: str, year: int = Query(ge=1949, le=2200), level: str | None = None,
                         region: str | None = None, offset: int = Query(0, ge=0, le=10**6),
                         size: int = Query(PAGE_REGIONS, ge=1, le=500)):
    """One indicator across regions, a page of ``size`` regions at a time (a national database:
    2,800 counties), with the total and the pages before and after."""
    from urllib.parse import urlencode

    tracker = _tracker(request)
    indicator = tracker.q.indicator(indicator)
    page = request.app.state.zhibiao.compare_regions_page(indicator, year, level=level, parent=region, offset=offset,
                                                          size=size)
    rows = page["rows"]
    from zhibiao.catalog import Catalog

    ind = Catalog.default().get(indicator)
    years = tracker.q.indicator_years(indicator)
    unit = (ind.unit if ind else None) or next((r["unit"] for r in rows if r.get("unit")), None)
    series = [{"code": r["region"]["code"], "name": r["region"]["name"], "text": r["text"], "value": r["value"],
               "value_high": None, "actual": None, "actual_text": None, "status": None, "comparison": None} for r in rows]
    chart = {"series": series, "unit": unit, "parent": None, "colour": "target", "map": None}
    query = {"indicator": indicator, "year": year} | ({"level": level} if level else {}) | (
        {"region": region} if region else {}) | ({"size": size} if size != PAGE_REGIONS else {})
    pager = {"offset": offset, "size": size, "total": page["total"], "url": "/compare/regions?" + urlencode(query)}
    return render(request, "compare_regions.html", rows=rows, indicator=indicator, year=year, level=level, ind=ind,
                  years=years, unit=unit, chart=chart, parent=region, pager=pager)


@router.get("/compare/levels", response_class=HTMLResponse)
def compare_levels_page(request: Request, region: str, year: int = Query(ge=1949, le=2200)):
    data = request.app.state.zhibiao.compare_levels(region, year)
    return render(request, "compare_levels.html", data=data, year=year)


@router.get("/document/{doc_id}", response_class=HTMLResponse)
def reader(request: Request, doc_id: int = FPath(ge=1, le=2**62)):
    read = _read(request)
    d = read.document(doc_id, full=True)
    from zhibiao.store.provenance import history

    versions = history(read.db, doc_id) if d["version"] > 1 else []
    return render(request, "reader.html", doc=d, e=d["extraction"], versions=versions)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request):
    read = _read(request)
    return render(request, "review.html", queue=read.review_queue(), documents=read.documents_needing_review())


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request):
    from zhibiao.load import SUFFIXES, formats_text

    st = request.app.state.zhibiao
    suffixes = sorted(SUFFIXES)
    return render(request, "upload.html", limit_mb=st.max_upload_bytes // 1_000_000, suffixes=suffixes,
                  accept=",".join(suffixes), formats=formats_text())

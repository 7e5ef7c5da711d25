"""The analyst's pages: search, the indicator list, and (in later steps) the parent-region grid,
the map and the region overview. Every figure comes from the read model in ``zhibiao.track``."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse

from zhibiao.errors import InputError
from zhibiao.web.pages import _crumbs, lang_of, render

router = APIRouter(include_in_schema=False)


def _db(request: Request):
    return request.app.state.zhibiao.db


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", section: str | None = None,
                before: int | None = Query(None, alias="next", ge=1, le=2**62)):
    """The search box's answer; ``section`` and ``next``: the next page of its documents or targets."""
    if section not in ("documents", "targets"):
        section, before = None, None
    result = request.app.state.zhibiao.search(q, section=section, before=before)
    return render(request, "search.html", result=result, q=result.query)


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(request: Request):
    from zhibiao.catalog import Catalog
    from zhibiao.track.coverage import indicator_coverage

    coverage = indicator_coverage(_db(request))
    years = sorted({y for by_year in coverage.values() for y in by_year})
    groups: dict[str, list] = {}
    for ind in Catalog.default().indicators.values():
        groups.setdefault(ind.category or "other", []).append(ind)
    # categories with stored targets first; within one, indicators with targets first
    def weight(inds):
        return -sum(sum(coverage.get(i.id, {}).values()) for i in inds)

    ordered = sorted(groups.items(), key=lambda kv: (weight(kv[1]), kv[0]))
    for _cat, inds in ordered:
        inds.sort(key=lambda i: (-sum(coverage.get(i.id, {}).values()), i.id))
    return render(request, "indicators.html", groups=ordered, coverage=coverage, years=years)


def _num(v):
    return float(v) if v is not None else None


COLOUR_BY = ("status", "comparison", "target", "actual")


@router.get("/region/{region}/{year}/grid", response_class=HTMLResponse)
def grid_page(request: Request, region: str, year: int = FPath(ge=1949, le=2200), indicator: str | None = None,
              colour: str = "status", all: bool = False):
    from zhibiao.catalog import RegionRegistry
    from zhibiao.track.coverage import target_years
    from zhibiao.track.grid import parent_grid
    from zhibiao.web import maps

    tracker = request.app.state.zhibiao.tracker()
    try:
        code = tracker.region(region).code
        lang = lang_of(request)
        grid = request.app.state.zhibiao.views.get(  # the children's statuses: cached until the database changes
            ("grid", code, year, all, lang), lambda: parent_grid(tracker, code, year, all_indicators=all, lang=lang))
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    code = grid.region["code"]
    children = RegionRegistry.default().children(code)
    years = target_years(tracker.db, [code] + [c.code for c in children])
    columns = [i["id"] for i in grid.indicators]
    if indicator not in columns:
        best = max((i["children"] for i in grid.indicators), default=0)  # the most widely set, first in order
        indicator = next((i["id"] for i in grid.indicators if i["children"] == best), None)
    colour = colour if colour in COLOUR_BY else "status"
    chosen = next((i for i in grid.indicators if i["id"] == indicator), None)
    parent_cell = grid.rows[0].cells.get(indicator) if indicator else None
    series = []
    for reg, cell in grid.column(indicator) if indicator else []:
        series.append({"code": reg["code"], "name": reg["name"], "text": cell.text if cell else None,
                       "value": _num(cell.value) if cell else None,
                       "value_high": _num(getattr(cell, "value_high", None)) if cell else None,
                       "actual": _num(cell.actual_value) if cell else None, "actual_text": cell.actual if cell else None,
                       "months": cell.months if cell else "",  # (a part of the year's figure: 1—11月, in the hover too)
                       "status": cell.status if cell else None, "comparison": cell.comparison if cell else None})
    for reg in grid.children_without_targets:  # drawn on the map too, as "no data"
        series.append({"code": reg["code"], "name": reg["name"], "text": None, "value": None, "value_high": None,
                       "actual": None, "actual_text": None, "months": "", "status": None, "comparison": None})
    map_data = None
    if maps.available():
        geojson, missing = maps.boundaries(maps.divisions_drawn(children))
        names = {c.code: c.name for c in children}
        map_data = {"geojson": geojson, "missing": [{"code": m, "name": names.get(m, m)} for m in missing],
                    "maritime": maps.maritime_boundary() if code == "100000" else None}
    chart = {"series": series, "unit": (chosen or {}).get("unit") or (parent_cell.unit if parent_cell else None),
             "parent": {"name": grid.region["name"], "value": _num(parent_cell.value) if parent_cell else None,
                        "text": parent_cell.text if parent_cell else None},
             "colour": colour, "map": map_data, "direction": (chosen or {}).get("direction")}
    return render(request, "grid.html", grid=grid, year=year, years=years, indicator=indicator, chosen=chosen,
                  colour=colour, colours=COLOUR_BY, chart=chart, maps_available=maps.available(),
                  install_hint=maps.INSTALL_HINT, crumbs=_crumbs(code), all=all)


@router.get("/region/{region}", response_class=HTMLResponse)
def overview_page(request: Request, region: str, indicator: str | None = None):
    """A region across the years: targets and achievement by year, a chart of one indicator's
    targets and actuals over the years, the documents, and the regions below it."""
    from zhibiao.catalog import Catalog, RegionRegistry
    from zhibiao.track.coverage import documents_of, target_years

    tracker = request.app.state.zhibiao.tracker()
    try:
        r = tracker.region(region)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from None
    reg = RegionRegistry.default()
    children = reg.children(r.code)
    years = []
    counts: dict[str, int] = {}
    reports = {}
    from zhibiao.track.achievement import achievement

    for y in target_years(tracker.db, [r.code]):
        report = tracker.status(r.code, y)
        reports[y] = report
        years.append({"year": y, "achievement": achievement(report.targets), "summary": report.summary})
        for t in report.targets:
            if t.indicator:
                counts[t.indicator] = counts.get(t.indicator, 0) + 1
    if indicator not in counts:
        indicator = "gdp_growth" if "gdp_growth" in counts else (max(counts, key=counts.get) if counts else None)
    series = []
    lang = lang_of(request)
    for y, report in reports.items():
        line = next((t for t in report.targets if t.indicator == indicator), None)
        if line is None:
            continue
        a = line.actual or {}
        series.append({"year": y, "value": _num(line.value), "value_high": line.value_high,
                       "comparator": line.comparator, "text": line.text, "status": line.status,
                       "actual": _num(a.get("value")), "actual_text": a.get("text"), "unit": line.unit,
                       # (a year whose figure is a part of the year's — 1—9月 of the year in course — says so)
                       "months": a.get("months_en" if lang == "en" else "months") or ""})
    cat = Catalog.default()
    ind = cat.get(indicator) if indicator else None
    child_codes = {c.code for c in children}
    from zhibiao.track.coverage import regions_with_targets

    with_data = regions_with_targets(tracker.db, list(child_codes))
    chart = {"series": series, "unit": (ind.unit if ind else None) or (series[0]["unit"] if series else None),
             "achievement": [{"year": y["year"], "rate": y["achievement"].rate} for y in years]}
    choices = sorted(counts, key=lambda i: (-counts[i], i))
    return render(request, "overview.html", region=r, crumbs=_crumbs(r.code), years=years, chart=chart,
                  indicator=indicator, ind=ind, choices=[cat.get(i) or i for i in choices],
                  documents=documents_of(tracker.db, r.code), children=children, with_data=with_data)

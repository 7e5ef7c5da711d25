"""The analyst's pages: search, the indicator list, and (in later steps) the parent-region grid,
the map and the region overview. Every figure comes from the read model in ``zhibiao.track``."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from zhibiao.web.pages import render

router = APIRouter(include_in_schema=False)


def _db(request: Request):
    return request.app.state.zhibiao.db


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = ""):
    from zhibiao.track.search import search

    result = search(_db(request), q)
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

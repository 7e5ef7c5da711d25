"""One indicator across regions in the API and the pages: a page of regions with the total and the
tokens (links) of the pages before and after; the pages add up to every row (the CSV download, the
CLI); the grid page reads the same whether its rows come from the status snapshot or are decided
afresh. On real SQLite and PostgreSQL."""
from __future__ import annotations

import re

import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.testclient import TestClient

from crossregion_docs import COUNTIES, write_counties
from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES

QUERY = {"indicator": "gdp_growth", "year": 2024}


@pytest.fixture
def app(db_url, tmp_path):  # noqa: F811
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    db = Database.open(db_url)
    assert ingest(db, [EXAMPLES, write_counties(tmp_path / "counties")]).count("failed") == 0
    application = create_app(db)
    yield application
    db.dispose()


def test_the_api_pages_regions_with_the_total_and_both_tokens(app):
    from zhibiao.track import Tracker

    whole = jsonable_encoder(Tracker(app.state.zhibiao.db).compare_regions("gdp_growth", 2024))
    regions = list(dict.fromkeys(r["region"]["code"] for r in whole))
    with TestClient(app) as c:
        first = c.get("/api/v1/compare/regions", params=QUERY).json()  # a first page of 50 by default
        assert first["rows"] == whole and first["total"] == len(regions) and first["next"] is None
        assert first["prev"] is None and first["offset"] == 0
        pages, token, prevs = [], None, []
        while True:
            page = c.get("/api/v1/compare/regions", params=QUERY | {"_size": 3} | ({"_next": token} if token else {}))
            assert page.status_code == 200, page.text
            data = page.json()
            assert data["total"] == len(regions)
            pages.append(data["rows"])
            prevs.append(data["prev"])
            token = data["next"]
            if token is None:
                break
        assert len(pages) == (len(regions) + 2) // 3 >= 3
        assert [r for p in pages for r in p] == whole  # the pages, one after another, are every row
        assert prevs[0] is None
        for i in range(1, len(pages)):  # each page's "prev" token is the page before it
            assert c.get("/api/v1/compare/regions", params=QUERY | {"_size": 3, "_next": prevs[i]}).json()["rows"] \
                == pages[i - 1]
        csv = c.get("/api/v1/compare/regions", params=QUERY | {"format": "csv", "_size": 2})
        assert csv.text.count("\n") == len(whole) + 1  # the download: every row, not a page
        for bad in ("x", "-1", str(len(regions)), "99999"):
            r = c.get("/api/v1/compare/regions", params=QUERY | {"_size": 3, "_next": bad})
            assert r.status_code == 400 and "_next" in r.json()["detail"]


def test_the_page_shows_a_page_of_regions_with_links_in_both_languages(app):
    with TestClient(app) as c:
        total = c.get("/api/v1/compare/regions", params=QUERY).json()["total"]
        first = c.get("/compare/regions", params=QUERY | {"size": 2})
        assert first.status_code == 200
        assert f"第 1–2 个地区，共 {total} 个" in first.text
        assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
        nxt = re.search(r'rel="next" class="pager-next" href="([^"]+)"', first.text).group(1).replace("&amp;", "&")
        assert "offset=2" in nxt and "size=2" in nxt
        second = c.get(nxt + "&lang=en")
        assert f"Regions 3–4 of {total}" in second.text and "‹ Previous" in second.text and "Next ›" in second.text
        rows = re.findall(r'<tr data-category="[^"]*"><td><a href="/region/(\d+)/2024">', second.text)
        api = c.get("/api/v1/compare/regions", params=QUERY | {"_size": 2, "_next": "2"}).json()["rows"]
        assert rows == [r["region"]["code"] for r in api]
        last = c.get("/compare/regions", params=QUERY | {"size": 2, "offset": (total - 1) // 2 * 2, "lang": "zh"})
        assert 'rel="prev"' in last.text and 'rel="next"' not in last.text
        county = c.get("/compare/regions", params=QUERY | {"level": "county", "lang": "zh"})
        assert f"共 {len(COUNTIES)} 个" in county.text and all(name in county.text for name in COUNTIES)
        indicator = c.get("/indicator/gdp_growth", params={"year": 2024, "lang": "zh"})
        assert indicator.status_code == 200 and f"共 {total} 个" in indicator.text


def _without_nonce(html: str) -> str:
    return re.sub(r'nonce="[^"]*"', "", html)


def test_the_grid_page_is_the_same_from_the_snapshot_and_decided_afresh(app):
    from zhibiao.track import Tracker
    from zhibiao.track.queries import ReadModel
    from zhibiao.track.snapshot import refresh
    from zhibiao.track.status import Rules

    views = app.state.zhibiao.views
    urls = ["/region/330500/2024/grid?lang=zh", "/region/330500/2024/grid?lang=en&colour=comparison",
            "/region/330000/2024/grid?all=true&lang=zh", "/region/330000/2025/grid?lang=en"]
    with TestClient(app) as c:
        afresh = [_without_nonce(c.get(u).text) for u in urls]
        refresh(Tracker(app.state.zhibiao.db))
        assert set(ReadModel(app.state.zhibiao.db).current_snapshot(2024, {"330502": "330500"}, Rules.load().version)) == {"330502"}
        views.clear()
        assert [_without_nonce(c.get(u).text) for u in urls] == afresh
    assert "吴兴区" in afresh[0] and 'data-comparison="stricter"' in afresh[0]


def test_the_indicator_page_follows_a_new_document(app, tmp_path):
    """Its regions and years are cached like the cross-region views, until the database changes."""
    from crossregion_docs import county_plan
    from zhibiao.ingest import ingest

    with TestClient(app) as c:
        before = c.get("/indicator/fai_growth", params={"lang": "zh"}).text
        assert "2026 " not in before
        folder = tmp_path / "later"
        folder.mkdir()
        (folder / "德清县_2026.txt").write_text(county_plan("德清县", "6%", "9%").replace("2024", "2026"), "utf-8")
        assert ingest(app.state.zhibiao.db, [folder]).count("failed") == 0
        after = c.get("/indicator/fai_growth", params={"lang": "zh"}).text
        assert "2026 " in after and "/compare/regions?indicator=fai_growth&year=2026" in after

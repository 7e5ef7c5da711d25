"""A parent region at a glance (the grid of the analyst views): for one year, each child
region's target for each indicator with its status, and how it stands against the parent's own
target — stricter, looser, the same, or not comparable (层层加码 at a glance) — with each child's
achievement rate. Built from the tracker's statuses (or the status snapshot of them) and its level comparison."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from zhibiao.catalog import Catalog, RegionRegistry
from zhibiao.track.achievement import Achievement, achievement, basis_of
from zhibiao.track.queries import SnapshotLine
from zhibiao.track.status import actual_period, months_label

COMPARISONS = ("stricter", "same", "looser", "different")


def comparison_label(line: dict) -> str:
    """stricter / looser / same / different: a child's target against its parent's, as the
    level comparison (``Tracker.compare_levels``) labels it."""
    if "strictness" in line:  # the read model's one definition (track/comparison.py); totals compare as "different"
        return line["strictness"] if line["strictness"] in COMPARISONS else "different"
    for key in ("comparison", "relation", "label"):
        if line.get(key) in COMPARISONS:
            return line[key]
    margin = line.get("margin")
    if margin is None:
        return "different"
    return "same" if margin == 0 else ("stricter" if line.get("raised") else "looser")


@dataclass
class Cell:
    indicator: str
    name: str
    text: str
    unit: str | None
    value: Any
    status: str
    explanation: str
    actual: str | None
    actual_value: Any
    document_id: int | None
    span: list[int] | None
    comparison: str | None = None  # against the parent's target; None on the parent's own row
    estimated: bool = False  # an estimate (预计数) decided the status: marked as the scorecard marks it
    # the period the actual covers (2025-01/2025-11, or the year) and, for a part of the year's, its months in
    # the grid's language (1—11月 / months 1–11: ``months_label``, the scorecard's) — a nine-month figure beside a
    # city's whole year's is never read as the year's
    actual_period: str | None = None
    months: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class GridRow:
    region: dict
    cells: dict[str, Cell]
    achievement: Achievement
    is_parent: bool = False

    def to_dict(self) -> dict:
        return {"region": self.region, "is_parent": self.is_parent, "achievement": self.achievement.to_dict(),
                "cells": {k: c.to_dict() for k, c in self.cells.items()}}


@dataclass
class Grid:
    region: dict
    year: int
    indicators: list[dict]          # the columns: id, name, unit, direction
    rows: list[GridRow]             # the parent's own first, then each child with targets
    children_without_targets: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"region": self.region, "year": self.year, "indicators": self.indicators,
                "rows": [r.to_dict() for r in self.rows], "children_without_targets": self.children_without_targets}

    def column(self, indicator: str) -> list[tuple[dict, Cell | None]]:
        """One indicator down the children (not the parent's row): for the map and the bar chart."""
        return [(r.region, r.cells.get(indicator)) for r in self.rows if not r.is_parent]


def _cells(lines, year: int, lang: str = "zh") -> dict[str, Cell]:
    """Each indicator's first line, as a cell: from a status report's lines (``StatusLine``) or
    the status snapshot's (``SnapshotLine``), which hold the same decisions."""
    out: dict[str, Cell] = {}
    for t in lines:
        if not t.indicator or t.indicator in out:
            continue
        if isinstance(t, SnapshotLine):
            actual, actual_value, document_id, period = t.actual_text, t.actual_value, t.document_id, t.actual_period
        else:
            a = t.actual or {}
            actual, actual_value, document_id = a.get("text"), a.get("value"), (t.citation or {}).get("document_id")
            period = actual_period(t.actual, year)
        out[t.indicator] = Cell(indicator=t.indicator, name=t.name, text=t.text, unit=t.unit, value=t.value,
                                status=t.status, explanation=t.explain(lang), actual=actual,
                                actual_value=actual_value, document_id=document_id, span=t.span,
                                estimated=actual is not None and basis_of(t) == "estimate",
                                actual_period=period, months=months_label(period, lang))
    return out


def _stored_marks(stored: dict[str, list], children: list[str]) -> dict[str, dict[str, str]] | None:
    """The children's marks as the status snapshot wrote them with their lines (each line's
    ``comparison``, the same for every line of an indicator), or None unless every child with
    targets is read from the snapshot with its marks."""
    out: dict[str, dict[str, str]] = {}
    for code in children:
        lines = stored.get(code)
        if lines is None:
            return None
        marks = out[code] = {}
        for line in lines:
            if line.indicator:
                if line.comparison is None:
                    return None
                marks.setdefault(line.indicator, line.comparison)
    return out


def _region_dict(r) -> dict:
    return {"name": r.name, "code": r.code, "level": r.level}


def parent_grid(tracker, region: str, year: int, all_indicators: bool = False, lang: str = "zh",
                snapshot: bool = True) -> Grid:
    """The grid of ``region``'s children for ``year``. Columns: the parent's indicators in its
    own order, then those at least two children set (any child's when there is one; every indicator
    with ``all_indicators``).

    Each row's statuses come from the status snapshot where it is current (``ReadModel.current_snapshot``:
    written by the tracker at the end of an ingest and after each upload), else are decided afresh
    (``snapshot=False``: every row) — the same lines either way; the children's comparison with the
    parent's targets is the level comparison's (``Tracker.compare_levels``)."""
    parent = tracker.region(region)
    reg = RegionRegistry.default()
    kids = reg.children(parent.code)
    with tracker.q.reading():
        with_targets = tracker.q.regions_with_targets_in([parent.code] + [k.code for k in kids], year)
        stored = tracker.q.current_snapshot(
            year, {c: (parent.parent_code if c == parent.code else parent.code) for c in with_targets},
            tracker.rules.version) \
            if snapshot else {}

        def lines_of(code: str) -> list:
            if code in stored:
                return stored[code]
            if code not in with_targets:
                return []
            return tracker.status(code, year).targets

        own = lines_of(parent.code)
        rows = [GridRow(_region_dict(parent), _cells(own, year, lang), achievement(own), is_parent=True)]
        levels = _stored_marks(stored, [k.code for k in kids if k.code in with_targets])
        if levels is None:  # a child decided afresh, or lines written before the marks: compared now
            levels = {code: {ind: comparison_label({"strictness": label}) for ind, label in marks.items()}
                      for code, marks in tracker.level_marks(parent.code, year).items()}
        without = []
        for child in kids:
            lines = lines_of(child.code)
            if not lines:
                if not child.former:  # (a division since unmade is shown only for the years it set targets)
                    without.append(_region_dict(child))
                continue
            cells = _cells(lines, year, lang)
            for ind, cell in cells.items():
                if ind in rows[0].cells:
                    cell.comparison = levels.get(child.code, {}).get(ind, "different")
            rows.append(GridRow(_region_dict(child), cells, achievement(lines)))
    counts: dict[str, int] = {}
    for r in rows[1:]:
        for ind in r.cells:
            counts[ind] = counts.get(ind, 0) + 1
    order = list(rows[0].cells)
    shared = 2 if len(rows) > 2 else 1  # with one child, its own indicators are the comparison
    order += sorted((i for i in counts if i not in rows[0].cells and (all_indicators or counts[i] >= shared)),
                    key=lambda i: -counts[i])  # ties keep the children's own order
    cat = Catalog.default()
    indicators = []
    for ind in order:
        entry = cat.get(ind)
        indicators.append({"id": ind, "name_zh": entry.name_zh if entry else ind,
                           "name_en": entry.name_en if entry else ind, "unit": entry.unit if entry else None,
                           "direction": entry.direction if entry else None,
                           "children": counts.get(ind, 0)})
    return Grid(_region_dict(parent), year, indicators, rows, without)

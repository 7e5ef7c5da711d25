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

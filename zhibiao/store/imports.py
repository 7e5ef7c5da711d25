"""Official figures from statistics bureaus (CSV or XLSX) as observations, validated row by row.

Columns (header names, in any order; Chinese headers accepted): region (地区), indicator (指标 id)
or name (指标名称), year (年份), period (期间, optional, e.g. 2024-01/2024-09), value (数值), unit
(单位, converting to the indicator's: 万吨 for 吨, never 亿斤 for a growth in %), source (来源), comparator
(optional, default =), estimated (optional: true/false, 1/0, yes/no, 是/否; an estimate ranks as the
documents' estimates do).
Nothing is stored when a row is invalid, unless the caller asks to skip invalid rows.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete

from zhibiao.catalog.units import compatible
from zhibiao.errors import InputError
from zhibiao.store import validate as check
from zhibiao.store.database import Database, retried
from zhibiao.store.schema import ObservationRow

HEADERS = {
    "region": ("region", "地区", "区域", "行政区划"), "indicator": ("indicator", "指标代码", "指标id"),
    "name": ("name", "指标", "指标名称"), "year": ("year", "年份", "年度"), "period": ("period", "期间", "时期"),
    "value": ("value", "数值", "值", "实际值"), "unit": ("unit", "单位"), "source": ("source", "来源", "数据来源"),
    "comparator": ("comparator", "比较符"), "estimated": ("estimated", "预计", "是否预计"),
}
PERIOD = re.compile(r"^\d{4}-\d{2}/\d{4}-\d{2}$")
# the estimated column: a figure the source gives as an estimate (快报, 预计) is ranked as estimates are
YES, NO = ("true", "1", "yes", "是", "y", "预计"), ("false", "0", "no", "否", "n", "")


@dataclass
class ImportReport:
    stored: int = 0
    errors: list[str] = field(default_factory=list)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise InputError(f"{path}: not a readable Excel workbook: {exc}") from None
        ws = wb.active
        values = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        wb.close()
    else:
        data = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError(f"{path}: not a UTF-8 or GB18030 CSV file")
        values = list(csv.reader(io.StringIO(text)))
    if not values:
        raise InputError(f"{path}: the file is empty")
    header = [h.strip().lower() for h in values[0]]
    columns = {}
    for key, names in HEADERS.items():
        for i, h in enumerate(header):
            if h in names:
                columns[key] = i
    missing = [k for k in ("region", "year", "value") if k not in columns]
    if "indicator" not in columns and "name" not in columns:
        missing.append("indicator or name")
    if missing:
        raise InputError(f"{path}: missing column(s): {', '.join(missing)} (header: {', '.join(values[0])})")
    return [{k: (row[i].strip() if i < len(row) else "") for k, i in columns.items()} for row in values[1:]
            if any(c.strip() for c in row)]


def import_actuals(db: Database, path: str | Path, skip_invalid: bool = False) -> ImportReport:
    from zhibiao.catalog import Catalog, RegionRegistry

    path = Path(path)
    rows = _rows(path)
    registry, catalog = RegionRegistry.default(), Catalog.default()
    report = ImportReport()
    good: list[ObservationRow] = []
    for n, row in enumerate(rows, start=2):
        where = f"{path.name} row {n}"
        region = registry.by_code(row["region"]) if row["region"].isdigit() else registry.resolve(row["region"])
        if region is None:
            report.errors.append(f"{where}: region {row['region']!r} is unknown or ambiguous")
            continue
        indicator = row.get("indicator") or ""
        name = row.get("name") or indicator
        if indicator and catalog.get(indicator) is None:
            report.errors.append(f"{where}: indicator {indicator!r} is not in the catalogue")
            continue
        if indicator and not row.get("name"):  # the figure is shown by the indicator's name, not its id
            name = catalog.get(indicator).name_zh
        if not indicator:
            m = catalog.match(name, unit=row.get("unit") or None)
            if m is None:
                report.errors.append(f"{where}: indicator name {name!r} matches nothing in the catalogue")
                continue
            indicator = m.id
        try:  # finite decimals, years that are years, bounded text: nothing a view could choke on
            year = check.year(row["year"])
            value = check.decimal(row["value"])
            comparator = check.comparator(row.get("comparator") or "=")
            if comparator == "range":
                raise InputError("comparator: a range needs two values; import its ends as >= and <=")
            name = check.text(name, "name", 200, required=True)
            unit = check.text(row.get("unit") or None, "unit", 32)
            source = check.text(row.get("source") or None, "source", 500)
        except InputError as exc:
            report.errors.append(f"{where}: {exc}")
            continue
        period = row.get("period") or None
        if period and not PERIOD.match(period):
            report.errors.append(f"{where}: period {period!r} is not like 2024-01/2024-09")
            continue
        flag = (row.get("estimated") or "").strip().lower()
        if flag not in YES + NO:
            report.errors.append(f"{where}: estimated {row.get('estimated')!r} is not one of "
                                 f"{'/'.join(YES[:4])} or {'/'.join(NO[:4])}")
            continue
        estimated = flag in YES
        ind = catalog.get(indicator)
        if ind is not None and not compatible(unit, ind.unit):
            # (the status could only say "units differ": such a row replaced a document's valid figure)
            report.errors.append(f"{where}: unit {unit!r} cannot be {indicator}'s ({ind.name_zh}, "
                                 f"in {ind.unit})")
            continue
        good.append(ObservationRow(
            document_id=None, source=source or path.name, region_code=region.code, indicator=indicator,
            name=name, year=year, period=period, measure=ind.measure if ind else None, value=value,
            unit=unit or (ind.unit if ind else None), comparator=comparator, estimated=estimated,
            text=f"{name} {row['value'].strip()}{unit or ''}", imported=True,
        ))
    if report.errors and not skip_invalid:
        return report
    _store_observations(db, good)
    report.stored = len(good)
    return report


@retried
def _store_observations(db: Database, good: list[ObservationRow]) -> None:
    """The figures written in one transaction, each replacing the figure imported before it."""
    with db.session.begin() as s:
        for obs in good:  # re-importing the same figure replaces it
            s.execute(delete(ObservationRow).where(
                ObservationRow.imported.is_(True), ObservationRow.region_code == obs.region_code,
                ObservationRow.indicator == obs.indicator, ObservationRow.year == obs.year,
                (ObservationRow.period == obs.period) if obs.period else ObservationRow.period.is_(None)))
            s.add(obs)

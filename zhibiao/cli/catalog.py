"""`zhibiao catalog`: look up indicators and regions, and find the names documents use that the
catalogue does not know yet."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer

from zhibiao.cli.app import app, plain, print_error
from zhibiao.errors import ZhibiaoError

catalog_app = typer.Typer(help="Indicator catalogue and region registry. 指标目录与行政区划。", no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")

CatalogOption = typer.Option(None, "--catalog", help="An extra catalogue YAML file (repeatable); also "
                             "ZHIBIAO_CATALOG, separated by the OS path separator.")
FormatOption = typer.Option("text", "--format", "-f", help="text or json.")


def _catalog(extra: Optional[List[Path]]):
    from zhibiao.catalog import Catalog

    from zhibiao.settings import Settings

    try:
        return Catalog.load([*Settings.load().catalog, *(extra or [])])  # the option adds to the environment's
    except ZhibiaoError as exc:
        print_error(exc)
        raise typer.Exit(2) from None


def _check_format(fmt: str) -> str:
    if fmt not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    return fmt


@catalog_app.command("search")
def search(word: str = typer.Argument(..., help="Part of an id, an English name or a Chinese name/alias."),
           catalog: Optional[List[Path]] = CatalogOption, format: str = FormatOption) -> None:
    """Find indicators by id, name or alias. 按名称查找指标。"""
    fmt = _check_format(format)
    found = _catalog(catalog).search(word)
    if fmt == "json":
        typer.echo(json.dumps([i.to_dict() for i in found], ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=plain(f"{len(found)} indicator(s) matching {word!r}"))
    for col in ("id", "中文", "English", "measure", "unit", "aliases"):
        table.add_column(col, overflow="fold")
    for i in found:
        table.add_row(*map(plain, (i.id, i.name_zh, i.name_en, i.measure, i.unit or "", "、".join(i.aliases[:6]))))
    Console().print(table)


@catalog_app.command("show")
def show(indicator_id: str = typer.Argument(..., help="An indicator id, e.g. gdp_growth."),
         catalog: Optional[List[Path]] = CatalogOption, format: str = FormatOption) -> None:
    """Show every field of one indicator. 显示指标详情。"""
    fmt = _check_format(format)
    ind = _catalog(catalog).get(indicator_id)
    if ind is None:
        print_error(f"no indicator {indicator_id!r} (try: zhibiao catalog search)")
        raise typer.Exit(1)
    if fmt == "json":
        typer.echo(json.dumps(ind.to_dict(), ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=False)
    for k, v in ind.to_dict().items():
        table.add_row(plain(k), plain("、".join(v) if isinstance(v, list) else v))
    Console().print(table)


@catalog_app.command("unmatched")
def unmatched(files: List[Path] = typer.Argument(..., help="Documents to extract."),
              catalog: Optional[List[Path]] = CatalogOption, format: str = FormatOption) -> None:
    """Names in documents that map to no indicator, most frequent first. 未匹配的指标名称。"""
    fmt = _check_format(format)
    from rich.console import Console
    from rich.table import Table

    from zhibiao.api import known_levels, read_document
    from zhibiao.extract.pipeline import extract_document

    cat = _catalog(catalog)
    counts: Counter = Counter()
    where: dict[str, set] = {}
    err = Console(stderr=True)
    for path in files:
        try:
            e = extract_document(read_document(path), known_levels=known_levels())
        except ZhibiaoError as exc:
            print_error(exc)
            continue
        for kind, lines in (("target", e.targets), ("actual", e.actuals)):
            for line in lines:
                m = cat.match(line.name, unit=line.unit, measure=getattr(line, "measure", None), text=line.text,
                              parent=getattr(line, "parent", None))
                if m is None:
                    label = f"{line.parent} / {line.name}" if getattr(line, "parent", None) else line.name
                    counts[(kind, label)] += 1
                    where.setdefault(label, set()).add(Path(path).name)
    rows = [{"kind": k, "name": n, "count": c, "documents": sorted(where[n])} for (k, n), c in counts.most_common()]
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table(title=plain(f"{len(rows)} unmatched name(s)"))
    for col in ("count", "kind", "name", "documents"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["count"]), plain(r["kind"]), plain(r["name"]), plain(", ".join(r["documents"])))
    Console().print(table)


@catalog_app.command("regions")
def regions(name: Optional[str] = typer.Argument(None, help="A region name (绍兴市, 绍兴, 浙江省人民政府) or code; "
                                                 "default: the provinces."),
            format: str = FormatOption) -> None:
    """Resolve a region and list its children. 查询行政区划及下级。"""
    fmt = _check_format(format)
    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    region = reg.by_code("100000") if not name else (reg.by_code(name) if name.isdigit() else reg.resolve(name))
    if region is None:
        # a name two regions share (朝阳区: Beijing's, Changchun's): the candidates, by code, to ask again with
        found = [] if not name or name.isdigit() else reg.candidates(name)
        said = "; ".join(f"{c.name} {c.code} ({reg.place(c) or '-'})" for c in found)
        print_error(f"no single region is called {name!r}" + (f": it could be {said} — give the code" if found else ""))
        if fmt == "json":
            typer.echo(json.dumps({"error": "ambiguous" if found else "unknown", "name": name,
                                   "candidates": [c.to_dict() | {"place": reg.place(c)} for c in found]},
                                  ensure_ascii=False))
        raise typer.Exit(1)
    children = reg.children(region.code)
    if fmt == "json":
        typer.echo(json.dumps({"region": region.to_dict(), "children": [c.to_dict() for c in children]},
                              ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(plain(region.name, "bold") + plain(f" {region.code} · {region.level} · parent {region.parent or '-'}"
                                                             + (" · former 已撤销" if region.former else "")))
    table = Table(title=f"{len(children)} children")
    for col in ("code", "name", "level"):
        table.add_column(col)
    for c in children:
        table.add_row(plain(c.code), plain(c.name), plain(c.level + (" (former 已撤销)" if c.former else "")))
    console.print(table)

"""`zhibiao extract`: what one or more documents say, as a readable table or as JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from zhibiao.cli.app import app, plain, print_error
from zhibiao.errors import ZhibiaoError

if TYPE_CHECKING:  # imported where used: every start imports this module, few extract
    from rich.console import Console

    from zhibiao.models import Extraction




def _when(a) -> str:
    """An actual's year, with the months it covers where it is a part of the year's (2025 1—11月, 2025 11月):
    a month's figure and the year so far's side by side in a monthly report are told apart."""
    from zhibiao.track.status import months_label

    months = months_label(a.period)
    return f"{a.year or ''} {months}" if months else str(a.year or "")


def _fmt_value(line) -> str:
    """A line's value as printed in the table: a target may be a range (value–value_high); actuals
    and commitments carry a single value."""
    if line.value is None:
        return ""
    from zhibiao.models import json_number

    v = str(json_number(line.value))
    high = getattr(line, "value_high", None)
    if high is not None:
        v += f"–{json_number(high)}"
    return v


def document_name(d) -> str:
    """An extracted document named as the stored one is everywhere (``track.naming.document_title``)."""
    from types import SimpleNamespace

    from zhibiao.track.naming import document_title

    return document_title(SimpleNamespace(title=d.title, region_name=d.region.name if d.region else None,
                                          plan_year=d.plan_year, doc_type=d.doc_type, issuer=d.issuer,
                                          doc_number=d.doc_number))


def print_text(extraction: Extraction, console: Console) -> None:
    from rich.table import Table

    d = extraction.document
    region = d.region.name if d.region else "?"
    code = f" ({d.region.code})" if d.region and d.region.code else ""
    # named as everywhere else (its title, else issuer, year and kind), then the file it was read from
    console.print(plain(document_name(d), "bold") + plain(f"  ({Path(d.source).name})", "dim"))
    # an issuer the document does not print (the usual one for its kind and region) in square brackets
    issuer = (f"[{d.issuer}] (not printed)" if d.issuer_inferred else d.issuer) if d.issuer else "?"
    console.print(plain(f"  {d.doc_type} · {region}{code} · plan year {d.plan_year or '?'} · "
                        f"{d.doc_number or 'no doc number'} · issued {d.issued_on or '?'} · issuer {issuer}"))
    wide = console.width >= 120  # on a narrow terminal, the columns a reader needs most
    table = Table(title=f"目标 Targets ({len(extraction.targets)})", show_lines=False)
    columns = ["#", "年 year", "类别 category", "指标 indicator", "目标 target", "kind", "cmp", "value", "unit", "id"]
    # the year column where a target is for another year than the plan's (a plan report's last-year
    # column, an outline's milestones)
    other_years = any(t.year != d.plan_year for t in extraction.targets)
    keep = [c for c in columns if (wide or c not in ("类别 category", "kind", "id")) and (other_years or c != "年 year")]
    for col in keep:
        table.add_column(col, overflow="fold")
    for t in extraction.targets:
        name = f"{t.parent} / {t.name}" if t.parent else t.name
        cells = dict(zip(columns, (plain(t.seq), plain(str(t.year or "")), plain(t.category), plain(name), plain(t.text),
                                   plain(t.kind) if t.kind else plain("?", "red"), plain(t.comparator),
                                   _fmt_value(t), plain(t.unit), plain(t.indicator))))
        table.add_row(*(cells[c] for c in keep))
    if extraction.targets:
        console.print(table)
    else:  # a bulletin states results only: no empty table
        console.print(plain("目标 Targets (0)", "dim"))
    if extraction.actuals:
        at = Table(title=f"实际 Actuals ({len(extraction.actuals)})")
        for col in ("year", "name", "measure", "text", "value", "unit", "id"):
            at.add_column(col, overflow="fold")
        for a in extraction.actuals:
            at.add_row(_when(a), plain(a.name), plain(a.measure), plain(a.text), _fmt_value(a), plain(a.unit),
                       plain(a.indicator))
        console.print(at)
    if extraction.allocations:
        console.print(_allocations_table(extraction))
    if extraction.commitments:
        console.print(f"承诺 Commitments: {len(extraction.commitments)}")
    for w in extraction.warnings:
        console.print(plain("warning: ", "yellow") + plain(w), highlight=False)


def _allocations_table(extraction: Extraction):
    """The targets assigned to the regions below, as the breakdown table prints them: a row a
    region (with its code), a column an indicator (with its unit and year)."""
    from rich.table import Table

    regions: dict[tuple[str, str | None], dict[tuple, str]] = {}
    columns: list[tuple] = []
    for a in extraction.allocations:
        column = (a.name, a.unit, a.year)
        if column not in columns:
            columns.append(column)
        regions.setdefault((a.region, a.region_code), {})[column] = a.text
    years = {c[2] for c in columns}
    table = Table(title=f"分解下达 Allocations ({len(extraction.allocations)}: {len(regions)} regions)")
    table.add_column("地区 region", overflow="fold")
    for name, unit, year in columns:
        table.add_column(name + (f"（{unit}）" if unit else "") + (f" {year}" if len(years) > 1 else ""), overflow="fold")
    for (region, code), cells in regions.items():
        table.add_row(plain(region) + (plain(f" {code}", "dim") if code else plain(" ?", "red")),
                      *(plain(cells.get(c, "")) for c in columns))
    return table


@app.command("extract")
def extract_command(
    files: List[Path] = typer.Argument(..., help="Documents to read: .txt (any encoding), .html, .pdf, .docx.",
                                       show_default=False),
    format: str = typer.Option("text", "--format", "-f", help="Output: text (readable tables) or json "
                               "(one object per file, one per line).", case_sensitive=False),
    plan_year: Optional[int] = typer.Option(None, "--plan-year", min=1950, max=2099, help="The plan year, when the "
                                            "text does not say it (or says it wrongly): every line is dated by it. 计划年份。"),
) -> None:
    """Extract metadata, targets, actuals and commitments from documents. 提取文件中的目标指标。"""
    fmt = format.lower()
    if fmt not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    from rich.console import Console

    from zhibiao.api import extract_file
    from zhibiao.workers import settle_garbage_collector

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(width=200)  # piped output: wide rows, no wrapping inside names
    err = Console(stderr=True)
    failures = 0
    for number, path in enumerate(files):
        if number == 1:
            settle_garbage_collector(collect=False)  # (several files: what the first loaded stays)
        try:
            extraction = extract_file(path, plan_year=plan_year)
        except ZhibiaoError as exc:
            failures += 1
            print_error(exc)
            continue
        if fmt == "json":
            sys.stdout.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_text(extraction, console)
    if failures:
        raise typer.Exit(3)

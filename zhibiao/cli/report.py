"""`zhibiao report`: the 目标完成情况 report of a region-year as DOCX or XLSX."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from zhibiao.cli.app import app, fail, load_settings
from zhibiao.cli.data import DbOption, LangOption, _tracker
from zhibiao.errors import ZhibiaoError


@app.command("report")
def report_command(
    output: Path = typer.Argument(..., help="The file to write: .docx (Word) or .xlsx (Excel); the type comes from "
                                  "the suffix."),
    region: str = typer.Option(..., "--region", "-r", help="Region name or code (绍兴市, 绍兴, 330600)."),
    year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="The year the targets are for."),
    lang: Optional[str] = LangOption,
    db: Optional[str] = DbOption,
    format: str = typer.Option("text", "--format", "-f", help="What to print when done: text or json."),
) -> None:
    """Write the report to hand upward: summary, achievement by category, sources, targets behind,
    comparisons with the level above and last year, charts. 目标完成情况报告。"""
    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    from zhibiao.report import write_report

    lang = load_settings(lang=lang).lang  # --lang, else ZHIBIAO_LANG, else zh: as every command
    tracker = _tracker(db)
    try:
        report = write_report(tracker, output, region=region, year=year, lang=lang)
    except ZhibiaoError as exc:
        fail(exc, 1, fmt=format, lang=lang)
    a = report.achievement
    if format == "json":
        sys.stdout.write(json.dumps({"output": str(output), "region": report.region, "year": year,
                                     "achievement": a.to_dict(), "summary": report.counts()},
                                    ensure_ascii=False) + "\n")
    else:
        rate = f"{a.rate:.1%}" if a.rate is not None else "—"
        typer.echo(f"wrote {output}: {report.region['name']} {year}, {a.total} targets, "
                   f"{a.reached}/{a.judged} reached ({rate}), {a.pending} pending")

"""`zhibiao cite`: where each figure of a region-year can be checked, as text or for a reference
manager (CSL-JSON, BibTeX)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from zhibiao.cli.app import app, fail, load_settings, plain, print_error, setting_option
from zhibiao.errors import ZhibiaoError

CITE_FORMATS = ("text", "json", "csl", "bibtex")


@app.command("cite")
def cite_command(
    region: str = typer.Option(..., "--region", "-r", help="Region name or code."),
    year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="The year the targets are for."),
    indicator: Optional[str] = typer.Option(None, "--indicator", "-i", help="Only this indicator id."),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite path or a SQLAlchemy URL (default "
                                     "./zhibiao.db, or ZHIBIAO_DATABASE_URL)."),
    format: str = typer.Option("text", "--format", "-f", help="text (a GB/T 7714 reference per figure), json, "
                               "csl (CSL-JSON of the documents) or bibtex."),
    lang: Optional[str] = setting_option("lang", "--lang"),
) -> None:
    """Cite every target and actual of a region-year: issuer, title, document number, date, page,
    address and retrieval date. 引用来源。"""
    if format not in CITE_FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(CITE_FORMATS)}", param_hint="--format")
    import zhibiao
    from zhibiao.cli.words import Words
    from zhibiao.track.citations import bibtex, csl_json
    from zhibiao.track.queries import NoTargets

    lang = load_settings(lang=lang).lang
    w = Words(lang)
    try:
        tracker = zhibiao.open(db, create=False)
        tracker.q.require_year(tracker.region(region), year)
        figures, sources = tracker.cite(region, year, indicator)
    except NoTargets as exc:
        fail(exc, fmt=format, lang=lang)
    except ZhibiaoError as exc:
        fail(exc, max(2, exc.exit_code))
    if not figures:  # targets for the year, none of the indicator
        print_error(w("no_indicator_target", indicator=indicator, region=region, year=year))
        raise typer.Exit(1)
    if format == "csl":
        sys.stdout.write(json.dumps(csl_json(sources), ensure_ascii=False, indent=2) + "\n")
    elif format == "bibtex":
        sys.stdout.write(bibtex(sources))
    elif format == "json":
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=True)
        for f in figures:
            console.print(plain(f"{f['name']} {f['text']}", "bold"))
            console.print(plain(f"  {f['citation']['text']}"))
            if f["actual"] and f["actual"].get("citation"):
                mark = w("estimate_mark") if f["actual"].get("basis") == "estimate" else ""  # (as status marks it)
                console.print(plain(f"  {w('actual')} {f['actual']['text']}{mark}: {f['actual']['citation']['text']}"))

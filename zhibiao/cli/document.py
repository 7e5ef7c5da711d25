"""`zhibiao document region` / `zhibiao document year`: a reviewer sets a stored document's region or
plan year, as the reader page and ``POST /api/v1/documents/{id}/region`` / ``…/plan-year`` do — a
thin layer over the same calls (``ReadModel.set_region``: one owner of what a name means and of how
the choice is kept; ``zhibiao.ingest.set_plan_year``: the document extracted again, dated by the year)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from zhibiao.cli.app import app, fail, load_settings, print_error, setting_option, terminal_safe
from zhibiao.errors import ZhibiaoError

document_app = typer.Typer(help="A stored document's metadata, set by a reviewer. 文件信息。", no_args_is_help=True)
app.add_typer(document_app, name="document")


def _opened(format: str, lang: str | None, db: str | None):
    """What both commands start with: the output format checked, the words of the language, the database."""
    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    from zhibiao.cli.data import _tracker
    from zhibiao.cli.words import Words

    return Words(load_settings(lang=lang).lang), _tracker(db)


def _who(who: str | None) -> str | None:
    from zhibiao.store import validate

    return validate.text(who, "who", 80)


@document_app.command("region")
def region_command(
    document: int = typer.Argument(..., min=1, metavar="DOCUMENT", help="The document's id (the reader's /document/ID; `targets -f json` "
                                   "document_id; `status` lists the documents needing review with theirs)."),
    region: str = typer.Argument(..., metavar="REGION", help="A region's code (110105) or a name only one region bears."),
    who: Optional[str] = typer.Option(None, "--who", help="Who decided (kept with the correction)."),
    db: Optional[str] = setting_option("database", "--db"),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    lang: Optional[str] = setting_option("lang", "--lang"),
) -> None:
    """Set a document's region (its text names none, or a name several regions bear: 朝阳区); kept as a
    correction, so re-extraction keeps it. 设定文件的地区。"""
    from zhibiao.errors import AmbiguousName

    w, tracker = _opened(format, lang, db)
    try:
        done = tracker.q.set_region(document, region, _who(who))
    except AmbiguousName as exc:
        # the candidates to choose from by code, as `catalog regions` and the API's 409 give them
        said = w("list_sep").join(f"{c['name']} {c['code']}" + (w("region_place", place=c["place"]) if c.get("place")
                                                                 else "") for c in exc.candidates)
        print_error(w("region_ambiguous", name=region.strip(), candidates=said))
        if format == "json":
            sys.stdout.write(json.dumps({"detail": str(exc), "error": "ambiguous", "candidates": exc.candidates},
                                        ensure_ascii=False) + "\n")
        raise typer.Exit(1)
    except ZhibiaoError as exc:
        fail(exc)
    from zhibiao.track.snapshot import refresh_regions

    refresh_regions(tracker, {c for c in (done["before"], done["region"]["code"]) if c})  # v_status follows
    if format == "json":  # the API's answer
        sys.stdout.write(json.dumps(done, ensure_ascii=False) + "\n")
        return
    from zhibiao.catalog import RegionRegistry

    before = RegionRegistry.default().by_code(done["before"]) if done["before"] else None
    r = done["region"]
    title = tracker.q.document(document)["title"]
    typer.echo(terminal_safe(w("region_set", id=document, title=title,
                               before=f"{before.name} {before.code}" if before else w("region_none"),
                               region=f"{r['name']} {r['code']}",
                               place=w("region_place", place=r["place"]) if r.get("place") else "")))


@document_app.command("year")
def year_command(
    document: int = typer.Argument(..., min=1, metavar="DOCUMENT", help="The document's id (the reader's /document/ID; `targets -f json` "
                                   "document_id; `status` lists the documents needing review with theirs)."),
    year: int = typer.Argument(..., metavar="YEAR", help="The plan year (2024), from 1950 to 2099."),
    who: Optional[str] = typer.Option(None, "--who", help="Who decided (kept with the correction)."),
    db: Optional[str] = setting_option("database", "--db"),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    lang: Optional[str] = setting_option("lang", "--lang"),
) -> None:
    """Set a document's plan year (its text says none, or the wrong one): the document is extracted
    again dated by it, and the choice kept as a correction, so re-extraction keeps it. 设定文件的计划年份。"""
    from zhibiao.ingest import set_plan_year

    w, tracker = _opened(format, lang, db)
    try:
        done = set_plan_year(tracker.db, document, year, _who(who))
    except ZhibiaoError as exc:
        fail(exc)
    from zhibiao.track.snapshot import refresh_regions

    refresh_regions(tracker, {done["region"]} if done["region"] else set())  # v_status follows
    if format == "json":  # the API's answer
        sys.stdout.write(json.dumps(done, ensure_ascii=False) + "\n")
        return
    title = tracker.q.document(document)["title"]
    typer.echo(terminal_safe(w("year_set", id=document, title=title, before=done["before"] or w("region_none"),
                               year=done["plan_year"], targets=done["targets"], actuals=done["actuals"])))

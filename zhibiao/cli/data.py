"""Commands over the database: ingest, reindex, import-actuals, targets, status, override,
compare and export. Each takes ``--db`` (a path or a SQLAlchemy URL; default ./zhibiao.db or
ZHIBIAO_DATABASE_URL)."""
from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from zhibiao.cli.app import app, console, fail, load_settings, plain, print_error, setting_option
from zhibiao.errors import NotFound, ZhibiaoError

# Rich, the exports and the tracker are imported by the commands that use them: every command
# module is imported at each start (zhibiao.cli), so what one command needs costs nothing to the others.

DbOption = setting_option("database", "--db")
LangOption = setting_option("lang", "--lang")
FORMATS = ("text", "json", "csv")
OTHER_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")  # an address of a scheme not fetched (ftp://, file://)
STATUS_COLOURS = {"achieved": "green", "basically_achieved": "yellow", "missed": "red", "on_track": "green",
                  "behind": "red", "pending": "bright_black", "needs_review": "magenta"}
compare_app = typer.Typer(help="Compare targets across years, regions and levels. 目标比较。", no_args_is_help=True)
app.add_typer(compare_app, name="compare")


def _tracker(db: Optional[str], rules: Optional[Path] = None, create: bool = False):
    """The database the command works on; only the commands that store (``create``) make a new one."""
    import zhibiao

    try:
        tracker = zhibiao.open(db, rules=rules, create=create)
    except ZhibiaoError as exc:
        fail(exc)  # its own exit code: a bad database file 3, an unreachable server 4
    if create:
        _wait_for_writers(tracker.db)
    return tracker


LOCK_WAIT_SECONDS = 30.0  # as long as SQLite's busy timeout (store/database.py) would wait, in silence


def _wait_for_writers(db, seconds: float | None = None) -> None:
    """A command that writes, on a SQLite file another program is writing to: said at once on stderr,
    waited for (up to ``seconds``), then a one-line error — not a silent minute before the error."""
    import time

    from zhibiao.errors import DatabaseFileError
    from zhibiao.store.database import where

    if not db.write_locked():
        return
    seconds = LOCK_WAIT_SECONDS if seconds is None else seconds
    name = where(db.url)
    print_error(f"{name} is being written by another program (another ingest?); waiting up to {seconds:g} s for it",
                "waiting")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if not db.write_locked():
            return
    fail(DatabaseFileError(f"{name}: the database is still locked by another program after {seconds:g} s; "
                           "try again when it has finished"))


def _fmt(fmt: str, allowed=FORMATS) -> str:
    if fmt not in allowed:
        raise typer.BadParameter(f"must be one of {', '.join(allowed)}", param_hint="--format")
    return fmt


def _emit_rows(rows: list[dict], fmt: str, title: str, columns: list[str], words=None) -> None:
    """Rows as JSON, CSV (machine names) or a table (``words``: its headers and the values of a few
    columns in the command's language)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    from zhibiao.export import write_csv

    flat = [{c: (json.dumps(r.get(c), ensure_ascii=False) if isinstance(r.get(c), (dict, list)) else r.get(c))
             for c in columns} for r in rows]
    if fmt == "csv":
        write_csv(sys.stdout, rows, columns, bom=False)
        return
    table = Table(title=plain(title))
    for c in columns:
        table.add_column(words.column(c) if words else c, overflow="fold")
    for r in flat:
        table.add_row(*[plain(words.value(c, r[c]) if words else r[c]) for c in columns])
    console().print(table)  # piped: wide rows, headers and names not folded (as status prints)


@contextmanager
def snapshot_progress(quiet: bool = False):
    """The status snapshot's progress bar on stderr (when it is a terminal and not ``--quiet``):
    yields the ``on_progress(done, total)`` to hand to the refresh."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=quiet or not err.is_terminal) as progress:
        task = None

        def update(done: int, total: int) -> None:
            nonlocal task
            if task is None:
                task = progress.add_task("status snapshot (region-years)", total=total)
            progress.update(task, completed=done)

        yield update


def _refresh_views(tracker, since=None, jobs: int = 1, quiet: bool = True) -> None:
    """The SQL view v_status reads a snapshot of the statuses: bring it up to date (after an
    ingest, only where the documents it stored can change a status), ``jobs`` processes computing."""
    from zhibiao.cli.views import refresh_status_snapshot

    with snapshot_progress(quiet) as on_progress:
        refresh_status_snapshot(tracker, since, jobs=jobs, on_progress=on_progress)


@app.command("ingest")
def ingest_command(
    paths: Optional[List[str]] = typer.Argument(None, help="Files, folders (searched recursively), glob patterns and "
                                                "web addresses (http:// or https://)."),
    urls: Optional[Path] = typer.Option(None, "--urls", help="A file of web addresses to fetch, one per line "
                                        "(# comments allowed)."),
    db: Optional[str] = DbOption,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, max=64, help="Worker processes for extraction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    format: str = typer.Option("text", "--format", "-f", help="Summary as text or json."),
) -> None:
    """Extract documents (files, or fetched from their addresses) into the database, one transaction
    each; re-ingesting changes nothing. 入库（文件或网址）。"""
    fmt = _fmt(format, ("text", "json"))
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from zhibiao.fetch import is_address
    from zhibiao.ingest import IngestSummary, ingest, iter_files, read_address_list

    addresses = [p for p in paths or [] if is_address(p)]
    if urls is not None:
        try:
            addresses += [u for u in read_address_list(urls.read_text("utf-8-sig")) if u not in addresses]
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{urls}: cannot read the list of addresses: {getattr(exc, 'strerror', None) or exc}", 2)
    local = [p for p in paths or [] if not is_address(p)]
    schemed = [p for p in local if OTHER_SCHEME.match(p)]  # ftp://… read as a path lost a slash: "ftp:/… no such file"
    if schemed:
        fail(f"{schemed[0]}: only http:// and https:// addresses are fetched", 2)
    if not local and not addresses:
        raise typer.BadParameter("give files, folders or addresses, or --urls FILE", param_hint="PATHS")
    tracker = _tracker(db, create=True)
    from zhibiao.store.database import now

    started = now()
    files = iter_files(local)
    if local and not files and not addresses:
        from zhibiao.load import formats_text

        fail(f"{', '.join(local)}: no documents ({formats_text()}) found", 1)
    err = Console(stderr=True)
    show = not quiet and err.is_terminal
    summary = IngestSummary()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, disable=not show) as progress:
        if files:
            task = progress.add_task("ingesting", total=len(files))
            summary = ingest(tracker.db, files, jobs=jobs, on_progress=lambda r: progress.advance(task),
                             listed=True)
        if addresses:
            from zhibiao.fetch import FetchSettings
            from zhibiao.ingest import ingest_addresses

            try:
                FetchSettings.from_env()
            except ZhibiaoError as exc:
                fail(exc, 2)
            fetching = progress.add_task("fetching", total=len(addresses))
            ingest_addresses(tracker.db, addresses, summary=summary,
                             on_start=lambda u: progress.update(fetching, description=f"fetching {u[:60]}"),
                             on_done=lambda u: progress.advance(fetching))
    _refresh_views(tracker, since=started, jobs=jobs, quiet=quiet)
    data = summary.to_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        console = Console(highlight=False)
        for f in data.get("fetched", []):
            if f["status"] == "failed":
                continue
            via = f" (attachment of {f['via']})" if f["via"] else ""
            console.print(plain(f"{f['status']:<9} {f['url']}{via} · {f['title'] or ''} · targets {f['targets']}"),
                          soft_wrap=True)
        d = data["documents"]
        console.print(f"documents: {d['new']} new, {d['replaced']} replaced, {d['unchanged']} unchanged, "
                      f"{d['failed']} failed · targets {data['targets']} · actuals {data['actuals']} · "
                      f"commitments {data['commitments']}")
        for f in data["failures"]:
            print_error(f["error"], "failed")
    if data["failures"]:
        raise typer.Exit(1)


@app.command("reindex")
def reindex_command(
    db: Optional[str] = DbOption,
    all_documents: bool = typer.Option(False, "--all", help="Re-extract every document, not only those read by an "
                                       "older extractor."),
    format: str = typer.Option("text", "--format", "-f", help="Summary as text or json."),
) -> None:
    """Re-extract stored documents after the extractor improved (corrections are kept). 重新提取。"""
    fmt = _fmt(format, ("text", "json"))
    from rich.console import Console

    from zhibiao.ingest import reindex

    tracker = _tracker(db, create=True)
    summary = reindex(tracker.db, everything=all_documents)
    _refresh_views(tracker)
    data = summary.to_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        Console().print(f"re-extracted {data['documents']['replaced']} document(s) · targets {data['targets']} · "
                        f"actuals {data['actuals']} · commitments {data['commitments']}")


@app.command("import-actuals")
def import_actuals_command(
    file: Path = typer.Argument(..., help="A CSV or XLSX file: region, indicator or name, year, [period], value, "
                                "unit, source."),
    db: Optional[str] = DbOption,
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Store the valid rows even when others are "
                                      "invalid (by default nothing is stored if any row is)."),
) -> None:
    """Import official figures (statistics bureau data) as actuals. 导入统计数据。"""
    from rich.console import Console

    from zhibiao.store.imports import import_actuals

    tracker = _tracker(db, create=True)
    try:
        report = import_actuals(tracker.db, file, skip_invalid=skip_invalid)
    except ZhibiaoError as exc:
        fail(exc)
    _refresh_views(tracker)
    err = Console(stderr=True)
    for e in report.errors:
        print_error(e, "invalid")
    Console().print(f"stored {report.stored} observation(s); {len(report.errors)} invalid row(s)")
    if report.errors and not skip_invalid:
        raise typer.Exit(2)


def _filters():
    return (typer.Option(None, "--region", "-r", help="Region name or code (绍兴市, 绍兴, 330600)."),
            typer.Option(None, "--year", "-y", min=1949, max=2200, help="Plan year."),
            typer.Option(None, "--indicator", "-i", help="Indicator id (see zhibiao catalog search)."),
            typer.Option(None, "--level", help="Region level: national, province, prefecture, county."))


_REGION, _YEAR, _INDICATOR, _LEVEL = _filters()


@app.command("targets")
def targets_command(region: Optional[str] = _REGION, year: Optional[int] = _YEAR, indicator: Optional[str] = _INDICATOR,
                    level: Optional[str] = _LEVEL, db: Optional[str] = DbOption,
                    format: str = typer.Option("text", "--format", "-f", help="text, json or csv."),
                    lang: Optional[str] = LangOption) -> None:
    """List stored targets, filtered. 列出目标。"""
    from zhibiao.cli.words import Words

    fmt = _fmt(format)
    w = Words(load_settings(lang=lang).lang)
    try:
        rows = _tracker(db).targets(region=region, year=year, indicator=indicator, level=level)
    except ZhibiaoError as exc:
        fail(exc)
    if fmt != "json":
        rows = [r | {"document": r["document_title"]} for r in rows]
    _emit_rows(rows, fmt, w("targets_title", n=len(rows)), ["region", "year", "seq", "name", "indicator", "text",
                                                            "kind", "comparator", "value", "unit", "document",
                                                            "page"], w)



@app.command("status")
def status_command(
    region: str = typer.Option(..., "--region", "-r", help="Region name or code."),
    year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="The year the targets are for."),
    indicator: Optional[str] = typer.Option(None, "--indicator", "-i", help="Only this indicator (an id or a name)."),
    db: Optional[str] = DbOption,
    rules: Optional[Path] = typer.Option(None, "--rules", help="A rules file replacing the bundled status rules."),
    format: str = typer.Option("text", "--format", "-f", help="text, json or csv."),
    lang: Optional[str] = LangOption,
) -> None:
    """Did a region reach its targets? Status of each target with its actual and source. 目标完成情况。"""
    from zhibiao.cli.words import Words
    from zhibiao.track.achievement import basis_of
    from zhibiao.track.status import status_name
    from zhibiao.track.tracker import STATUS_COLUMNS, status_rows

    fmt = _fmt(format)
    lang = load_settings(lang=lang).lang
    tracker = _tracker(db, rules)
    try:
        report = tracker.status(region, year, require_data=True)
        if indicator:
            report.targets = _only_indicator(tracker, report, indicator)
    except ZhibiaoError as exc:
        fail(exc, fmt=fmt, lang=lang)
    data = report.to_dict()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        from zhibiao.export import write_csv

        rows = status_rows(report, lang)
        write_csv(sys.stdout, rows, list(rows[0]) if rows else STATUS_COLUMNS, bom=False)
        return
    from rich.table import Table

    en = lang == "en"
    w = Words(lang)
    out = console()
    table = Table(title=plain(f"{data['region']['name']} {year} " + ("status of targets" if en else "目标完成情况")))
    heads = (("indicator", "target", "status", "actual", "explanation", "source of the target") if en else
             ("指标", "目标", "状态", "实际", "说明", "目标来源"))
    for c in heads:
        table.add_column(c, overflow="fold")
    catalog = None
    if en:
        from zhibiao.catalog import Catalog

        catalog = Catalog.default()
    for t in report.targets:
        colour = STATUS_COLOURS.get(t.status, "white")
        status = t.status_en if en else t.status_zh
        known = catalog.get(t.indicator) if catalog and t.indicator else None
        name = f"{known.name_en} ({t.name})" if known else t.name  # English, with the printed name
        actual = (t.actual or {}).get("text")
        if actual and basis_of(t) == "estimate":  # the scorecard's mark: an estimate decided this status
            actual += w("estimate_mark")
        months = (t.actual or {}).get("months_en" if en else "months")
        if actual and months:  # a part of the year's figure: its months, as the scorecard shows them (1—11月)
            actual += f" · {months}"
        target = t.text + (" ⚠" if t.conflict else "")
        if t.assigned:  # what the level above's breakdown table assigned the region (分解下达), beside its own
            target += w("assigned_mark", text=t.assigned["text"])
        table.add_row(plain(name), plain(target), plain(status, colour),
                      plain(actual), plain(t.explain(lang)), plain(_source(t.citation)))
    out.print(table)
    estimated = data["achievement"]["estimated"]
    out.print(plain(" · ".join([f"{status_name(k, lang)} {v}" for k, v in data["summary"].items()]
                               + ([w("estimates_decided", n=estimated)] if estimated else []))))
    if estimated:
        out.print(plain(w("estimates_note")))
    if any(t.conflict for t in report.targets):
        out.print(plain("⚠ " + ("another document states this target differently (see the explanation)" if en
                                else "另有文件对该目标表述不同（见说明）")))
    if report.needs_review:  # with their ids: `zhibiao document region ID REGION` sets a missing region
        out.print(plain(w("needs_review", documents=w("list_sep").join(f"{d['title']} #{d['id']}"
                                                                        for d in report.needs_review))))


def _only_indicator(tracker, report, word: str) -> list:
    """The report's lines for one indicator; none is a NotFound naming the closest of the
    region-year's own targets."""
    wanted = tracker.q.indicator(word)
    lines = [t for t in report.targets if t.indicator == wanted]
    if not lines:
        from rapidfuzz import fuzz, process

        names = {f"{t.indicator} ({t.name})" if t.indicator else t.name: t for t in report.targets}
        near = [n for n, _s, _i in process.extract(word, list(names), scorer=fuzz.WRatio, limit=3)]
        raise NotFound(f"{report.region['name']} has no {wanted} target for {report.year}"
                       + (f"; its closest targets: {', '.join(near)}" if near else ""))
    return lines


def _source(citation: dict | None) -> str:
    """A short source: the address a document was fetched from, else its title; with the page."""
    if not citation:
        return ""
    page = f" p.{citation['page']}" if citation.get("page") else ""
    return (citation.get("url") or citation.get("title") or "") + page




@app.command("override")
def override_command(
    region: str = typer.Option(..., "--region", "-r", help="Region name or code."),
    year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="The year of the target."),
    target: str = typer.Option(..., "--target", "-t", help="The target: its indicator id or name, or its printed "
                               "name, designating one of the region-year's targets."),
    status: str = typer.Option(..., "--status", "-s", help="achieved, basically_achieved, missed, on_track, behind, "
                               "pending or needs_review."),
    reason: str = typer.Option(..., "--reason", help="Why (shown with the status)."),
    who: Optional[str] = typer.Option(None, "--who", help="Who decided."),
    db: Optional[str] = DbOption,
) -> None:
    """Set a target's status by hand, with a reason. 人工设定状态。"""
    from rich.console import Console

    try:
        key = _tracker(db).override(region, year, target, status, reason, who)
    except ZhibiaoError as exc:
        fail(exc)
    Console().print(plain(f"{region} {year} {key}: {status}"))


@compare_app.command("years")
def compare_years_command(region: str = typer.Option(..., "--region", "-r", help="Region name or code."),
                          year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="This year (compared with the year before)."),
                          db: Optional[str] = DbOption,
                          format: str = typer.Option("text", "--format", "-f", help="text, json or csv."),
                          lang: Optional[str] = LangOption) -> None:
    """A region's plan against its previous one: raised, lowered, unchanged, new, dropped. 年度比较。"""
    from zhibiao.cli.words import Words

    fmt = _fmt(format)
    lang = load_settings(lang=lang).lang
    w = Words(lang)
    tracker = _tracker(db)
    try:
        r = tracker.region(region)
        tracker.q.require_year(r, year)
        rows = tracker.compare_years(region, year)
    except ZhibiaoError as exc:
        fail(exc, fmt=fmt, lang=lang)
    flat = [r | {"previous": (r["previous"] or {}).get("text"), "current": (r["current"] or {}).get("text")}
            for r in rows] if fmt != "json" else rows
    # the difference's unit, not the targets': two growth rates differ by 个百分点, not by a per cent
    _emit_rows(flat, fmt, w("years_title", region=r.name, previous=year - 1, year=year),
               ["name", "indicator", "change", "previous", "current", "delta", "delta_unit", "strictness"], w)


@compare_app.command("regions")
def compare_regions_command(indicator: str = typer.Option(..., "--indicator", "-i", help="Indicator (an id or a name)."),
                            year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="Plan year."),
                            level: Optional[str] = typer.Option(None, "--level", help="Only regions of this level."),
                            region: Optional[str] = typer.Option(None, "--region", "-r", help="Only the children of "
                                                                 "this region."),
                            size: Optional[int] = typer.Option(None, "--size", min=1, max=100_000,
                                                               help="Only a page of this many regions (in code "
                                                               "order); every region by default."),
                            offset: int = typer.Option(0, "--offset", min=0, help="With --size: the regions to skip "
                                                       "(the next page's --offset is printed)."),
                            db: Optional[str] = DbOption,
                            format: str = typer.Option("text", "--format", "-f", help="text, json or csv."),
                            lang: Optional[str] = LangOption) -> None:
    """One indicator's targets across regions (every region, or a page of them). 地区比较。"""
    from zhibiao.cli.words import Words

    fmt = _fmt(format)
    w = Words(load_settings(lang=lang).lang)
    try:
        page = _tracker(db).compare_regions_page(indicator, year, level=level, parent=region,
                                                 offset=offset if size else 0, size=size)
    except ZhibiaoError as exc:
        fail(exc)
    rows = page["rows"]
    if not rows:
        fail(NotFound(w("no_region_target", indicator=indicator, year=year)
                      + (w("at_level", level=level) if level else "") + (w("under_region", region=region) if region else "")
                      + (w("beyond", offset=offset) if size and offset else "")))
    flat = [r | {"region": r["region"]["name"], "document": r["document"]["title"]} for r in rows] \
        if fmt != "json" else rows
    title = w("regions_title", indicator=indicator, year=year)
    if size:  # a page: which regions of how many, and how to ask for the next
        end = min(offset + size, page["total"])
        nxt = w("regions_next", offset=end) if end < page["total"] else ""
        title += w("regions_page", first=offset + 1, last=end, total=page["total"], next=nxt)
        if fmt == "json":
            sys.stdout.write(json.dumps({"rows": rows, "total": page["total"], "offset": offset,
                                         "next": end if end < page["total"] else None}, ensure_ascii=False) + "\n")
            return
    _emit_rows(flat, fmt, title, ["region", "name", "text", "comparator", "value", "unit", "document", "conflict"], w)


@compare_app.command("levels")
def compare_levels_command(region: str = typer.Option(..., "--region", "-r", help="The superior region."),
                           year: int = typer.Option(..., "--year", "-y", min=1949, max=2200, help="Plan year."),
                           db: Optional[str] = DbOption,
                           format: str = typer.Option("text", "--format", "-f", help="text or json."),
                           lang: Optional[str] = LangOption) -> None:
    """Each child region's targets against its parent's: like with like, stricter or looser by the
    indicator's direction (层层加码), and what a child left out. 层级比较。"""
    from zhibiao.cli.words import Words

    fmt = _fmt(format, ("text", "json"))
    lang = load_settings(lang=lang).lang
    w = Words(lang)
    tracker = _tracker(db)
    try:
        r = tracker.region(region)
        tracker.q.require_year(r, year)
        data = tracker.compare_levels(region, year)
    except ZhibiaoError as exc:
        fail(exc, fmt=fmt, lang=lang)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    out = console()
    if not data["children"]:
        out.print(plain(w("levels_none", region=data['region']['name'], year=year)))
    for child in data["children"]:
        table = Table(title=plain(w("levels_title", child=child['region']['name'], parent=data['region']['name'],
                                    year=year)))
        for c in ("indicator", "unit", "child", "parent", "margin", "strictness"):
            table.add_column(w.column(c), overflow="fold")
        for t in child["targets"]:
            name = f"{t['parent_name']} / {t['name']}" if t.get("parent_name") else t["name"]
            margin = "" if t["margin"] is None else f"{t['margin']:+}{t['margin_unit'] or ''}"  # 个百分点, not %
            if t["margin"] is None and not t["intensive"]:
                margin = w("totals")
            table.add_row(plain(name), plain(t["unit"]), plain(t["child"]["text"]), plain(t["parent"]["text"]),
                          plain(margin), plain(w.value("strictness", t["strictness"] or "")))
        if child["targets"]:
            out.print(table)
        if child["left_out"]:
            out.print(plain(w("left_out") + "、".join(f"{x['name']} {x['text']}" for x in child["left_out"])))
        if child["allocations"]:  # what the region's breakdown table assigned the child, beside its own targets
            assigned = Table(title=plain(w("assigned_title", child=child['region']['name'], parent=data['region']['name'],
                                           year=year)))
            for c in ("indicator", "unit", "assigned", "own_target", "margin", "strictness"):
                assigned.add_column(w.column(c), overflow="fold")
            for a in child["allocations"]:
                margin = "" if a["margin"] is None else f"{a['margin']:+}{a['margin_unit'] or ''}"
                assigned.add_row(plain(a["name"]), plain(a["unit"]), plain(a["allocated"]["text"]),
                                 plain(a["child"]["text"] if a["child"] else "—"), plain(margin),
                                 plain(w.value("strictness", a["strictness"] or "")))
            out.print(assigned)


TARGET_COLUMNS = ["region", "region_code", "year", "seq", "category", "parent", "name", "indicator", "text", "kind",
                  "comparator", "value", "value_high", "unit", "doc_type", "document", "document_id", "page", "span",
                  "url", "citation"]


EXPORT_FORMATS = ("csv", "xlsx", "json")


def _export_format(output: Path, given: Optional[str]) -> str:
    """The format asked for, else the one OUTPUT's suffix names, else csv. A suffix naming another
    format than the one asked for is a usage error: CSV text in a file called .xlsx opens as a
    damaged workbook."""
    named = output.suffix.lower().lstrip(".") if str(output) != "-" else ""
    named = named if named in EXPORT_FORMATS else None
    if given is None:
        return named or "csv"
    fmt = _fmt(given, EXPORT_FORMATS)
    if named and named != fmt:
        from zhibiao.errors import InputError

        fail(InputError(f"{output}: the name says {named} but --format is {fmt}: give -f {named}, or a file name "
                        f"ending in .{fmt}"))
    return fmt


@app.command("export")
def export_command(
    output: Path = typer.Argument(..., help="The file to write (use - for standard output with csv/json)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="csv, xlsx or json (default: OUTPUT's "
                                         "suffix, else csv)."),
    region: Optional[str] = _REGION, year: Optional[int] = _YEAR, indicator: Optional[str] = _INDICATOR,
    level: Optional[str] = _LEVEL, db: Optional[str] = DbOption, lang: Optional[str] = LangOption,
) -> None:
    """Export targets (with status and actuals when a region and year are given) to CSV, XLSX or
    JSON, each with its document's title, page and span. 导出。"""
    from rich.console import Console

    from zhibiao.export import write_csv, write_xlsx
    from zhibiao.track.tracker import STATUS_COLUMNS, status_rows

    fmt = _export_format(output, format)
    lang = load_settings(lang=lang).lang
    tracker = _tracker(db)
    try:
        if region and year:
            report = tracker.status(region, year, require_data=True)
            if indicator:
                report.targets = _only_indicator(tracker, report, indicator)
            rows, columns = status_rows(report, lang), STATUS_COLUMNS
        else:
            rows = [r | {"document": r["document_title"]} for r in
                    tracker.targets(region=region, year=year, indicator=indicator, level=level)]
            columns = TARGET_COLUMNS
    except ZhibiaoError as exc:
        fail(exc, fmt=fmt, lang=lang)
    if fmt == "json":
        text = json.dumps(rows, ensure_ascii=False)
        sys.stdout.write(text + "\n") if str(output) == "-" else output.write_text(text, "utf-8")
    elif fmt == "csv":
        write_csv(sys.stdout if str(output) == "-" else output, rows, columns, bom=str(output) != "-")
    else:
        if str(output) == "-":
            raise typer.BadParameter("xlsx needs a file name", param_hint="OUTPUT")
        write_xlsx(output, rows, columns, sheet="status" if region and year else "targets")
    if str(output) != "-":
        Console(stderr=True).print(f"wrote {len(rows)} row(s) to {output}")

"""`zhibiao demo`: the bundled example corpus (or a folder), extracted, stored and served."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from zhibiao.cli.app import app, load_settings, plain, print_error, setting_option
from zhibiao.errors import ZhibiaoError

if TYPE_CHECKING:  # Rich is imported where used: every start imports this module, few run the demo
    from rich.console import Console


def examples_dir() -> Path:
    """The bundled examples: beside the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here.parent / "examples", here / "examples"):
        if candidate.is_dir():
            return candidate
    raise ZhibiaoError("the bundled examples are missing (expected an examples/ folder beside the package)")


def document_files(folder: Path) -> list[Path]:
    from zhibiao.load import SUFFIXES  # the one list of document formats, owned by load/

    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


NARROW: int = 110  # columns of a terminal below which the summary folds its counts into one column


def summarise(files: list[Path], console: Console) -> list:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from zhibiao.api import extract_file
    from zhibiao.cli.extract import document_name

    rows: list[tuple] = []  # (name, type, region, year, targets, actuals, commitments, warnings), None counts: failed
    extractions, failures = [], []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("extracting", total=len(files))
        for path in files:
            try:
                e = extract_file(path)
            except ZhibiaoError as exc:
                # "error" as its type; the reason whole, under the table (not cut short in the region column)
                rows.append((path.name, None, "", "", None, None, None, None))
                failures.append(exc)
            else:
                extractions.append(e)
                d = e.document
                rows.append((document_name(d), d.doc_type, d.region.name if d.region else "?", str(d.plan_year or "?"),
                             len(e.targets), len(e.actuals), len(e.commitments), len(e.warnings)))
            progress.advance(task)
    narrow = console.width < NARROW
    warned = any(r[7] for r in rows)
    table = Table(title="zhibiao demo: what each document says",
                  caption="T · A · C: targets · actuals · commitments" if narrow else None)
    table.add_column("document", overflow="fold", min_width=14)  # its title, wrapped rather than cut
    if narrow:  # (80 columns: region and year together, the three counts in one column, warnings only if any)
        columns = ["type", "region · year", "T · A · C"] + (["warnings"] if warned else [])
    else:
        columns = ["type", "region", "year", "targets", "actuals", "commitments", "warnings"]
    for col in columns:
        table.add_column(col, overflow="fold", justify="right" if col in ("targets", "actuals", "commitments",
                                                                         "warnings") else "left")
    for name, kind, region, year, n_t, n_a, n_c, n_w in rows:
        if kind is None:
            table.add_row(plain(name), plain("error", "red"), *([""] * (len(columns) - 1)))
        elif narrow:
            table.add_row(plain(name), plain(kind), plain(f"{region} {year}"), f"{n_t} · {n_a} · {n_c}",
                          *([str(n_w)] if warned else []))
        else:
            table.add_row(plain(name), plain(kind), plain(region), year, str(n_t), str(n_a), str(n_c), str(n_w))
    console.print(table)
    for exc in failures:
        print_error(exc, "failed")
    return extractions


@app.command("demo")
def demo_command(
    folder: Optional[Path] = typer.Argument(None, help="A folder of documents (default: the bundled examples)."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Store the documents in a temporary SQLite "
                               "database and open the web dashboard (when the web stage is installed)."),
    host: Optional[str] = setting_option("host", "--host"),
    port: Optional[int] = setting_option("port", "--port"),
) -> None:
    """Run zhibiao on the bundled example corpus (or FOLDER). 演示：提取示例文件并展示结果。"""
    from rich.console import Console

    console = Console()
    try:
        source = folder or examples_dir()
    except ZhibiaoError as exc:
        print_error(exc)
        raise typer.Exit(3) from None
    if not source.is_dir():
        raise typer.BadParameter(f"{source} is not a folder", param_hint="FOLDER")
    files = document_files(source)
    if not files:
        from zhibiao.load import formats_text

        print_error(f"{source}: no documents ({formats_text()}) in this folder")
        raise typer.Exit(3)
    settings = load_settings(host=host, port=port)
    if serve:  # a busy port said before the documents are read, in one line
        try:
            from zhibiao.web.serve import check_port
        except ImportError:
            pass
        else:
            try:
                check_port(settings.host, settings.port)
            except ZhibiaoError as exc:
                print_error(exc)
                raise typer.Exit(exc.exit_code) from None
    summarise(files, console)
    if serve:
        try:
            from zhibiao.web.demo import serve_demo
        except ImportError:
            console.print("(the web dashboard is not part of this installation; extraction summary only)")
            return
        serve_demo(files, settings, console=console)

"""`zhibiao settings`: every setting, the value in effect and where it came from."""
from __future__ import annotations

import json
import sys

import typer

from zhibiao.cli.app import app, console, load_settings


@app.command("settings")
def settings_command(
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show every setting: its value, where it came from, its environment variable. 查看配置。"""
    from zhibiao.settings import describe

    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    settings = load_settings()
    values = settings.to_dict()
    sources = settings.sources()
    rows = [d | {"value": values[d["name"]], "source": sources[d["name"]]} for d in describe()]
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    table = Table(title="zhibiao settings (option > environment > default)")
    for col in ("setting", "value", "from", "environment variable", "option"):
        table.add_column(col, overflow="fold")
    for r in rows:
        value = "" if r["value"] in (None, []) else str(r["value"])
        table.add_row(r["name"], value, r["source"], r["env"], r["option"] or "")
    console().print(table, markup=False, highlight=False)

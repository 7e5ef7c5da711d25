"""`zhibiao snapshot`: recompute the status snapshot the SQL view v_status reads (also done after
every ingest, reindex and import-actuals)."""
from __future__ import annotations

import json
import sys
from typing import Callable, Optional

import typer

from zhibiao.cli.app import app
from zhibiao.cli.data import DbOption, _tracker


def refresh_status_snapshot(tracker, since=None, jobs: int = 1,
                            on_progress: Callable[[int, int], None] | None = None) -> int:
    """After a command changed what the database holds: v_status follows. With ``since`` (an
    ingest's start), only the region-years the documents stored since then can affect; ``jobs``
    processes compute the statuses (one writes them). An ingest also finishes what an earlier,
    interrupted one left stale (Ctrl-C before its refresh: its documents are "unchanged" now, and
    no longer stored since ``since``)."""
    from zhibiao.track.snapshot import affected_since, drop_orphans, refresh, stale

    if since is None:
        return refresh(tracker, jobs=jobs, on_progress=on_progress)
    todo = affected_since(tracker.db, since) | stale(tracker.db, tracker.rules.version)
    n = refresh(tracker, todo, jobs=jobs, on_progress=on_progress)
    drop_orphans(tracker.db)
    return n


@app.command("snapshot")
def snapshot_command(db: Optional[str] = DbOption,
                     jobs: int = typer.Option(1, "--jobs", "-j", min=1, max=64,
                                              help="Worker processes computing statuses."),
                     quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
                     only_stale: bool = typer.Option(False, "--stale", help="Only the region-years whose snapshot "
                                                     "is missing, older than their data, or decided by other rules "
                                                     "or code (an upgrade; an interrupted refresh)."),
                     format: str = typer.Option("text", "--format", "-f", help="text or json.")) -> None:
    """Recompute every target's status into the table the SQL view v_status reads (for Datasette,
    pandas, spreadsheets). 刷新状态快照。"""
    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    from zhibiao.cli.data import snapshot_progress

    tracker = _tracker(db)
    with snapshot_progress(quiet) as on_progress:
        if only_stale:
            from zhibiao.track.snapshot import refresh, stale

            n = refresh(tracker, stale(tracker.db, tracker.rules.version), jobs=jobs, on_progress=on_progress)
        else:
            n = refresh_status_snapshot(tracker, jobs=jobs, on_progress=on_progress)
    if format == "json":
        sys.stdout.write(json.dumps({"lines": n}) + "\n")
    else:
        typer.echo(f"status snapshot: {n} line(s)")

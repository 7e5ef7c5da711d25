"""`zhibiao demo`: documents ingested into a temporary SQLite database, then served."""
from __future__ import annotations

import tempfile
from pathlib import Path

from rich.console import Console

from zhibiao.settings import Settings


def serve_demo(files: list[Path], settings: Settings | None = None, console: Console | None = None) -> None:
    from zhibiao.store import Database
    from zhibiao.store.ingest import ingest
    from zhibiao.web.serve import run

    console = console or Console()
    folder = Path(tempfile.mkdtemp(prefix="zhibiao-demo-"))
    db = Database.open(folder / "demo.db")
    summary = ingest(db, files).to_dict()
    from zhibiao.track import Tracker
    from zhibiao.track.snapshot import refresh

    refresh(Tracker(db))  # the statuses the home page's region tree and the SQL views read
    console.print(f"demo database {folder / 'demo.db'}: {summary['documents']['new']} documents, "
                  f"{summary['targets']} targets, {summary['actuals']} actuals")
    run(db, settings, console=console)

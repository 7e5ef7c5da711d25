"""`zhibiao demo`: documents ingested into a temporary SQLite database, then served."""
from __future__ import annotations

import tempfile
from pathlib import Path

from rich.console import Console

from zhibiao.settings import Settings


def serve_demo(files: list[Path], settings: Settings | None = None, console: Console | None = None) -> None:
    import shutil

    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.web.serve import check_port, run

    console = console or Console()
    settings = settings or Settings.load()
    check_port(settings.host, settings.port)  # a busy port: one line, before any work
    folder = Path(tempfile.mkdtemp(prefix="zhibiao-demo-"))
    db = None
    try:  # the database is temporary: it goes when the server stops (Ctrl-C), or fails to start
        db = Database.open(folder / "demo.db")
        summary = ingest(db, files).to_dict()
        from zhibiao.track import Tracker
        from zhibiao.track.snapshot import refresh

        refresh(Tracker(db))  # the statuses the home page's region tree and the SQL views read
        console.print(f"demo database {folder / 'demo.db'} (removed when the demo stops): "
                      f"{summary['documents']['new']} documents, {summary['targets']} targets, "
                      f"{summary['actuals']} actuals")
        run(db, settings, console=console)
    finally:
        if db is not None:
            db.dispose()
        shutil.rmtree(folder, ignore_errors=True)

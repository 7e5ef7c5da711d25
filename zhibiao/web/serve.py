"""Running the web app with uvicorn."""
from __future__ import annotations

from rich.console import Console

from zhibiao.store import Database


def run(db: Database, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        console: Console | None = None, max_upload_mb: float | None = None) -> None:
    import uvicorn

    from zhibiao.web.app import create_app

    app = create_app(db, token=token, max_upload_mb=max_upload_mb)
    mode = "read-write (token set)" if app.state.zhibiao.token else "read-only"
    (console or Console()).print(f"serving {db.url} on http://{host}:{port}/ ({mode}); Ctrl-C to stop")
    uvicorn.run(app, host=host, port=port, log_level="warning")

"""`zhibiao serve`: the web dashboard and REST API over a database."""
from __future__ import annotations

from typing import Optional

import typer

from zhibiao.cli.app import app, print_error
from zhibiao.errors import ZhibiaoError


@app.command("serve")
def serve_command(
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLite path or a SQLAlchemy URL (default "
                                     "./zhibiao.db, or ZHIBIAO_DATABASE_URL)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="ZHIBIAO_TOKEN", help="Allow writes (upload, delete, "
                                        "corrections) to requests carrying this token; without it the server is "
                                        "read-only. Also ZHIBIAO_TOKEN."),
    max_upload_mb: float = typer.Option(20, "--max-upload-mb", help="Largest upload accepted, in MB."),
) -> None:
    """Serve the web dashboard and the REST API (/api/v1). 启动网页与接口服务。"""
    from rich.console import Console

    from zhibiao.store import Database
    from zhibiao.web.serve import run

    try:
        database = Database.open(db)
    except ZhibiaoError as exc:
        print_error(exc)
        raise typer.Exit(2) from None
    run(database, host=host, port=port, token=token, max_upload_mb=max_upload_mb)

"""`zhibiao serve`: the web dashboard and REST API over a database."""
from __future__ import annotations

from typing import Optional

import typer

from zhibiao.cli.app import app, print_error, setting_option
from zhibiao.errors import ZhibiaoError


@app.command("serve")
def serve_command(
    db: Optional[str] = setting_option("database", "--db"),
    host: Optional[str] = setting_option("host", "--host"),
    port: Optional[int] = setting_option("port", "--port"),
    token: Optional[str] = setting_option("token", "--token"),
    generate_token: bool = typer.Option(False, "--generate-token", help="Make a random write token and print it "
                                        "once (instead of --token)."),
    max_upload_mb: Optional[float] = setting_option("max_upload_mb", "--max-upload-mb"),
    workers: Optional[int] = setting_option("workers", "--workers", "-w", min=1, max=64),
    request_timeout: Optional[float] = setting_option("request_timeout", "--request-timeout", min=0),
    max_concurrent: Optional[int] = setting_option("max_concurrent", "--max-concurrent", min=0),
) -> None:
    """Serve the web dashboard and the REST API (/api/v1). 启动网页与接口服务。"""
    import secrets

    from zhibiao.settings import Settings
    from zhibiao.store import Database
    from zhibiao.web.serve import check_port, run

    if generate_token and token:
        raise typer.BadParameter("give --token or --generate-token, not both", param_hint="--generate-token")
    try:
        settings = Settings.load(database=db, host=host, port=port, max_upload_mb=max_upload_mb, workers=workers,
                                 request_timeout=request_timeout, max_concurrent=max_concurrent,
                                 token=secrets.token_hex(16) if generate_token else token)
        check_port(settings.host, settings.port)  # before the start-up check (a large file: a minute)
        database = Database.open(settings.database)
        check_before_serving(database, settings.lang)
    except ZhibiaoError as exc:
        print_error(exc)
        raise typer.Exit(max(2, exc.exit_code)) from None
    run(database, settings, token_generated=generate_token)


# A SQLite file at least this large is announced before the start-up check reads it whole (a
# national database, 15 GB: about a minute of reading before the server listens).
ANNOUNCE_CHECK_BYTES = 1 << 30


def check_before_serving(database, lang: str = "en") -> None:
    """The start-up check of every page of a SQLite file (a damaged file is refused now, not answered
    with errors later), announced first when the file is large enough for the wait to show."""
    from pathlib import Path

    from rich.console import Console

    path = database.engine.url.database if database.is_sqlite else None
    size = Path(path).stat().st_size if path and Path(path).is_file() else 0  # (stat: no descriptor opened)
    if size >= ANNOUNCE_CHECK_BYTES:
        gb = f"{size / 1e9:.1f} GB"
        Console(stderr=True).print(f"正在检查数据库文件（{gb}，逐页读取一次）后启动服务……" if lang == "zh" else
                                   f"checking the database file ({gb}, every page read once) before serving…",
                                   highlight=False, markup=False)
    database.check(thorough=True)

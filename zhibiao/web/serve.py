"""Running the web app with uvicorn: one process, or ``settings.workers`` processes on one port.

With several workers uvicorn starts each from an import string (:func:`worker_app`), so the
settings reach them through the environment — the same ZHIBIAO_* variables a deployment sets — and
every worker builds its own app and connection pool.
"""
from __future__ import annotations

import tempfile
from dataclasses import replace

from rich.console import Console

from zhibiao.settings import Settings
from zhibiao.workers import settle_garbage_collector
from zhibiao.store import Database


def worker_app():
    """The app of one worker process (uvicorn calls this factory in each worker); the parent has
    already opened and migrated the database."""
    from zhibiao.web.app import create_app

    settings = Settings.load()
    app = create_app(Database.open(settings.database, migrate=False), settings=settings)
    warm_in_background(app)
    return app


def warm_in_background(app) -> None:
    """The home page's cross-region view computed while the server starts (a national database:
    seconds), in a thread, so that the first readers find it ready or wait for this one computation."""
    import threading

    from zhibiao.web.pages import warm

    def run_warm() -> None:
        try:
            warm(app.state.zhibiao)
        except Exception:  # noqa: BLE001 - the first request computes it again and reports what fails
            pass
        settle_garbage_collector()  # (zhibiao.workers: the start-up heap out of the collector's walks)

    threading.Thread(target=run_warm, name="zhibiao-warm", daemon=True).start()


def write_access_note(settings: Settings, token_generated: bool = False, lang: str = "en") -> str:
    """What a person starting the server needs to know about writes (upload, delete, review)."""
    zh = lang == "zh"
    if settings.token and token_generated:
        return (f"写入令牌（仅显示这一次，请保存）：{settings.token}\n在网页的“令牌”栏填入后即可上传和审核。" if zh else
                f"write token (shown this once, keep it): {settings.token}\n"
                "enter it in the page's token field to upload and review")
    if settings.token:
        return ("已启用写入：使用 --token / ZHIBIAO_TOKEN 给出的令牌。" if zh else
                "writes allowed with the token given by --token / ZHIBIAO_TOKEN")
    return ("只读：如需上传和审核，请加 --generate-token 重新启动（或 --token 令牌 / ZHIBIAO_TOKEN）。" if zh else
            "read-only: to allow uploads and review, restart with --generate-token "
            "(or --token TOKEN / ZHIBIAO_TOKEN)")


def check_port(host: str, port: int) -> None:
    """The address the server is to listen on can be bound now: a busy port is one line before
    anything is announced — not "serving …" followed by uvicorn's raw bind error."""
    import errno
    import socket

    from zhibiao.errors import InputError

    try:
        family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a closed port's TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InputError(f"port {port} on {host} is in use (another server?): choose another with --port") \
                    from None
            raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def run(db: Database, settings: Settings | None = None, console: Console | None = None,
        token_generated: bool = False) -> None:
    import uvicorn

    from zhibiao.web.app import create_app

    settings = settings or Settings.load()
    console = console or Console()
    check_port(settings.host, settings.port)
    workers = settings.workers
    many = f" with {workers} workers" if workers > 1 else ""
    console.print(f"serving {db.url} on http://{settings.host}:{settings.port}/{many} · Ctrl-C to stop", highlight=False,
                  markup=False, soft_wrap=True)
    if workers > 1 and db.is_sqlite:
        console.print("SQLite: readers run side by side, writes (uploads, reviews) one at a time; for a team, "
                      "PostgreSQL (docs/deploy.md)", highlight=False, markup=False, soft_wrap=True)
    console.print(write_access_note(settings, token_generated, settings.lang), highlight=False, markup=False,
                  soft_wrap=True)
    if workers <= 1:
        app = create_app(db, settings=settings)
        warm_in_background(app)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
        return
    # the workers connect to the database the parent opened (and migrated), and share one upload folder
    shared = None if settings.upload_dir else tempfile.mkdtemp(prefix="zhibiao-uploads-")
    replace(settings, database=db.engine.url.render_as_string(hide_password=False),
            upload_dir=settings.upload_dir or shared).export()
    db.dispose()
    try:
        uvicorn.run("zhibiao.web.serve:worker_app", factory=True, host=settings.host, port=settings.port,
                    workers=workers, log_level="warning")
    finally:
        if shared:  # the temporary folder goes with the server (the database keeps every document's text)
            import shutil

            shutil.rmtree(shared, ignore_errors=True)

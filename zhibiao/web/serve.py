"""Running the web app with uvicorn."""
from __future__ import annotations

from rich.console import Console

from zhibiao.settings import Settings
from zhibiao.store import Database


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


def run(db: Database, settings: Settings | None = None, console: Console | None = None,
        token_generated: bool = False) -> None:
    import uvicorn

    from zhibiao.web.app import create_app

    settings = settings or Settings.load()
    console = console or Console()
    app = create_app(db, settings=settings)
    console.print(f"serving {db.url} on http://{settings.host}:{settings.port}/ · Ctrl-C to stop", highlight=False,
                  markup=False, soft_wrap=True)
    console.print(write_access_note(settings, token_generated, settings.lang), highlight=False, markup=False,
                  soft_wrap=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")

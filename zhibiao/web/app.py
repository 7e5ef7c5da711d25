"""The web application: ``create_app(db)`` gives a FastAPI app serving the REST API and the pages.

Read-only unless a token is set (``zhibiao serve --token …`` or ``ZHIBIAO_TOKEN``). Plotly's
JavaScript is served from the installed plotly package, so pages work offline.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse
from sqlalchemy import select

from zhibiao import __version__
from zhibiao.errors import InputError
from zhibiao.settings import Settings
from zhibiao.store import Database
from zhibiao.store.schema import CorrectionRow


@dataclass
class AppState:
    db: Database
    token: str | None
    max_upload_bytes: int
    uploads: Path
    _region_codes: dict = field(default_factory=dict)
    _jobs: object = None
    views: object = None  # the cache of cross-region views (web/cache.py)

    def tracker(self):
        from zhibiao.track import Tracker

        return Tracker(self.db)

    def compare_regions(self, indicator: str, year: int, level: str | None = None, parent: str | None = None) -> list:
        """One indicator across regions (cached: it reads a row per region of the country)."""
        return self.views.get(("compare_regions", indicator, year, level, parent),
                              lambda: self.tracker().compare_regions(indicator, year, level=level, parent=parent))

    def compare_levels(self, region: str, year: int) -> dict:
        """A region's children against it (cached: every child's targets)."""
        return self.views.get(("compare_levels", region, year), lambda: self.tracker().compare_levels(region, year))

    def region_code(self, name_or_code: str) -> str:
        if name_or_code not in self._region_codes:
            try:
                self._region_codes[name_or_code] = self.tracker().region(name_or_code).code
            except InputError as exc:
                raise HTTPException(400, str(exc)) from None
        return self._region_codes[name_or_code]

    @property
    def jobs(self):
        """The background fetching jobs ("add by address"), started on first use."""
        if self._jobs is None:
            from zhibiao.web.jobs import Jobs

            self._jobs = Jobs(self.db)
        return self._jobs

    def corrections(self, sha256: str) -> dict:
        """(line_type, line_key) -> the latest correction of that line, with who and when."""
        with self.db.session() as s:
            rows = list(s.scalars(select(CorrectionRow).where(CorrectionRow.document_sha256 == sha256)
                                  .order_by(CorrectionRow.id)))
        return {(r.line_type, r.line_key): {"action": r.action, "changes": r.changes, "who": r.who,
                                            "at": r.created_at.isoformat(timespec="minutes")} for r in rows}


def plotly_js() -> Path:
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.exists():  # pragma: no cover - every plotly wheel ships it
        raise FileNotFoundError(path)
    return path


def create_app(db: Database | str | None = None, token: str | None = None, max_upload_mb: float | None = None,
               settings: Settings | None = None) -> FastAPI:
    """The app over a database. Configuration comes from ``settings`` (zhibiao.settings: the
    environment and defaults) with ``token`` / ``max_upload_mb`` given here taking precedence."""
    settings = settings or Settings.load()
    overrides = {k: v for k, v in (("token", token), ("max_upload_mb", max_upload_mb)) if v is not None}
    if overrides:
        settings = replace(settings, **overrides)
    database = db if isinstance(db, Database) else Database.open(db or settings.database)
    token = settings.token or None
    uploads = Path(settings.upload_dir or tempfile.mkdtemp(prefix="zhibiao-uploads-"))
    uploads.mkdir(parents=True, exist_ok=True)
    app = FastAPI(title="zhibiao", version=__version__, openapi_url="/api/v1/openapi.json", docs_url="/api/v1/docs",
                  redoc_url=None, description="Targets of Chinese development plans: documents, targets, actuals, "
                  "status and comparisons. 发展规划目标指标数据库。")
    from zhibiao.web.cache import ViewCache

    app.state.zhibiao = AppState(database, token, settings.max_upload_bytes, uploads, views=ViewCache(database))

    from zhibiao.web.api import router
    from zhibiao.web.pages import router as pages

    from zhibiao.web.analyst import router as analyst

    app.include_router(router)
    app.include_router(pages)
    app.include_router(analyst)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_static():
        return FileResponse(plotly_js(), media_type="application/javascript",
                            headers={"cache-control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        folder = Path(__file__).parent / "static"
        path = (folder / name).resolve()
        if path.parent != folder.resolve() or not path.is_file():  # no path traversal
            raise HTTPException(404, "not found")
        return FileResponse(path)

    @app.exception_handler(InputError)
    def input_error(_request: Request, exc: InputError):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app

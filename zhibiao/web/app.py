"""The web application: ``create_app(db)`` gives a FastAPI app serving the REST API and the pages.

Read-only unless a token is set (``zhibiao serve --token …`` or ``ZHIBIAO_TOKEN``). Everything the
pages need is served from installed packages, so they work with no network: Plotly's JavaScript
from ``plotly``, Swagger UI and ReDoc (``/api/v1/docs``, ``/api/v1/redoc``) from
``fastapi-offline``. A bad address or value answers an HTML page in the reader's language on the
pages and JSON under ``/api/``.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from zhibiao import __version__
from zhibiao.errors import InputError, NotFound
from zhibiao.settings import Settings
from zhibiao.store import Database


@dataclass
class AppState:
    db: Database
    token: str | None
    max_upload_bytes: int
    uploads: Path
    _jobs: object = None
    views: object = None  # the cache of cross-region views (web/cache.py)

    def compare_regions(self, indicator: str, year: int, level: str | None = None, parent: str | None = None) -> list:
        """One indicator across regions (cached: it reads a row per region of the country)."""
        return self.views.get(("compare_regions", indicator, year, level, parent),
                              lambda: self.tracker().compare_regions(indicator, year, level=level, parent=parent))

    def compare_levels(self, region: str, year: int) -> dict:
        """A region's children against it (cached: every child's targets)."""
        return self.views.get(("compare_levels", region, year), lambda: self.tracker().compare_levels(region, year))

    @property
    def jobs(self):
        """The background fetching jobs ("add by address"), started on first use."""
        if self._jobs is None:
            from zhibiao.web.jobs import Jobs

            self._jobs = Jobs(self.db)
        return self._jobs

    def tracker(self):
        """The tracking questions (status, comparisons), over the read model."""
        from zhibiao.track import Tracker

        return Tracker(self.db)

    def read(self):
        """The read model: every listing and lookup the API and pages show."""
        from zhibiao.track.queries import ReadModel

        return ReadModel(self.db)


def offline_docs_assets() -> Path:
    """Swagger UI and ReDoc as files of the installed fastapi-offline package."""
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


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
    app = FastAPI(title="zhibiao", version=__version__, openapi_url="/api/v1/openapi.json", docs_url=None,
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

    docs_assets = offline_docs_assets()

    @app.get("/api/v1/docs", include_in_schema=False)
    def swagger_ui():
        return get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title="zhibiao API",
                                   swagger_js_url="/static/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static/docs/swagger-ui.css",
                                   swagger_favicon_url="/static/docs/favicon.png")

    @app.get("/api/v1/redoc", include_in_schema=False)
    def redoc():
        return get_redoc_html(openapi_url="/api/v1/openapi.json", title="zhibiao API",
                              redoc_js_url="/static/docs/redoc.standalone.js",
                              redoc_favicon_url="/static/docs/favicon.png", with_google_fonts=False)

    @app.get("/static/docs/{name}", include_in_schema=False)
    def docs_static(name: str):
        path = (docs_assets / name).resolve()
        if path.parent != docs_assets.resolve() or not path.is_file():
            raise HTTPException(404, "not found")
        return FileResponse(path, headers={"cache-control": "public, max-age=86400"})

    from zhibiao.web.pages import error_page

    def answer(request: Request, status: int, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        return error_page(request, status, message)

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound):
        return answer(request, 404, str(exc))

    @app.exception_handler(InputError)
    def input_error(request: Request, exc: InputError):
        return answer(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError):
        if request.url.path.startswith("/api/"):
            from fastapi.encoders import jsonable_encoder

            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        problems = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return error_page(request, 422, problems)

    return app

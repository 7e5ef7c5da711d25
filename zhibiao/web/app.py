"""The web application: ``create_app(db)`` gives a FastAPI app serving the REST API and the pages.

Read-only unless a token is set (``zhibiao serve --token …`` or ``ZHIBIAO_TOKEN``). Everything the
pages need is served from installed packages, so they work with no network: Plotly's JavaScript
from ``plotly``, Swagger UI and ReDoc (``/api/v1/docs``, ``/api/v1/redoc``) from
``fastapi-offline``. A bad address or value answers an HTML page in the reader's language on the
pages and JSON under ``/api/``.
"""
from __future__ import annotations

import math
import re
import shutil
import tempfile
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sqlalchemy.exc import SQLAlchemyError

from zhibiao import __version__
from zhibiao.errors import InputError, NotFound
from zhibiao.web.extraction import Busy
from zhibiao.settings import Settings
from zhibiao.store import Database


@dataclass
class AppState:
    db: Database
    token: str | None
    max_upload_bytes: int
    upload_dir: Path | None  # ZHIBIAO_UPLOAD_DIR, or None: a temporary folder made on the first upload
    _jobs: object = None
    views: object = None  # the cache of cross-region views (web/cache.py)
    searches: object = None  # the search box's answers, cached apart so that words never evict costly views
    max_json_bytes: int = 5_000_000
    max_concurrent: int = 8  # reads handled at once by this process (web/admission.py)
    request_timeout: float = 30.0  # seconds before a read is answered 503 with Retry-After
    extraction: object = None  # the process pool that reads uploads (web/extraction.py)
    _temporary_uploads: Path | None = field(default=None, repr=False)
    _snapshots: object = field(default=None, repr=False)  # one thread refreshing the status snapshot after writes

    @property
    def uploads(self) -> Path:
        """Where uploaded files are kept: the configured folder, or one temporary folder for this
        server, made when the first upload arrives and removed when the server stops."""
        if self.upload_dir is not None:
            self.upload_dir.mkdir(parents=True, exist_ok=True)
            return self.upload_dir
        if self._temporary_uploads is None:
            self._temporary_uploads = Path(tempfile.mkdtemp(prefix="zhibiao-uploads-"))
        return self._temporary_uploads

    def holds_upload(self, path: str) -> bool:
        """Whether ``path`` is a file this server stored for an upload (so deleting its document
        deletes it); a file an ingest read stays where it is."""
        folders = [f for f in (self.upload_dir, self._temporary_uploads) if f is not None]
        return any(Path(path).resolve().parent == f.resolve() for f in folders)

    def after_write(self, region_codes) -> None:
        """The status snapshot of the regions a write touched (an upload, a deletion), refreshed in
        one background thread, in order: the region tree and ``v_status`` follow the web's writes
        without the request waiting for it (an ingest refreshes it itself)."""
        codes = {c for c in region_codes if c}
        if not codes:
            return
        if self._snapshots is None:
            from concurrent.futures import ThreadPoolExecutor

            self._snapshots = ThreadPoolExecutor(1, thread_name_prefix="zhibiao-snapshot")
        self._snapshots.submit(self._refresh_snapshot, codes)

    def _refresh_snapshot(self, codes: set[str]) -> None:
        from zhibiao.track.snapshot import refresh_regions

        try:
            refresh_regions(self.tracker(), codes)
        except Exception:  # noqa: BLE001 - the tree computes these region-years live meanwhile; the next
            pass  # ingest or `zhibiao snapshot` brings the snapshot up to date

    def close(self) -> None:
        if self._snapshots is not None:
            self._snapshots.shutdown(wait=True)  # a refresh under way ends before the database goes
            self._snapshots = None
        if self.extraction is not None:
            self.extraction.shutdown()
        if self._temporary_uploads is not None:
            shutil.rmtree(self._temporary_uploads, ignore_errors=True)
            self._temporary_uploads = None

    def compare_regions(self, indicator: str, year: int, level: str | None = None, parent: str | None = None) -> list:
        """One indicator across regions (cached: it reads a row per region of the country)."""
        return self.views.get(("compare_regions", indicator, year, level, parent),
                              lambda: self.tracker().compare_regions(indicator, year, level=level, parent=parent))

    def compare_regions_page(self, indicator: str, year: int, level: str | None = None, parent: str | None = None,
                             offset: int = 0, size: int = 50) -> dict:
        """A page of one indicator across regions (cached per page: a page reads its regions only)."""
        return self.views.get(("compare_regions_page", indicator, year, level, parent, offset, size),
                              lambda: self.tracker().compare_regions_page(indicator, year, level=level, parent=parent,
                                                                          offset=offset, size=size))

    def search(self, q: str, limit: int = 20, section: str | None = None, before: int | None = None):
        """The search box's answer, or the next page of one of its sections (cached like the
        cross-region views: a two-character word is matched against every target line of the country)."""
        from zhibiao.track.search import search

        if self.searches is None:
            return search(self.db, q, limit, section, before)
        return self.searches.get(("search", q, limit, section, before),
                                 lambda: search(self.db, q, limit, section, before))

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


SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")


def with_nonce(request: Request, page: HTMLResponse) -> HTMLResponse:
    """FastAPI's documentation pages start Swagger UI / ReDoc with an inline script: it carries
    this response's nonce, so the Content-Security-Policy lets it (and nothing injected) run."""
    nonce = getattr(request.state, "csp_nonce", "")
    html = page.body.decode("utf-8").replace("<script>", f'<script nonce="{nonce}">')
    return HTMLResponse(html, status_code=page.status_code)


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
    from zhibiao.web.cache import ViewCache
    from zhibiao.web.extraction import ExtractionPool

    st = AppState(database, token, settings.max_upload_bytes, Path(settings.upload_dir) if settings.upload_dir else None,
                  # a search follows a write at once, however long it took (a deleted document must not
                  # be found by the next search): never answered from before the write
                  views=ViewCache(database), searches=ViewCache(database, size=1024, background_after=math.inf),
                  max_json_bytes=settings.max_json_bytes,
                  max_concurrent=settings.max_concurrent, request_timeout=settings.request_timeout,
                  extraction=ExtractionPool(settings.extract_workers, settings.extract_queue, settings.max_seconds))

    @asynccontextmanager
    async def lifespan(_app):
        st.extraction.start()  # the workers are ready before the first upload
        try:
            yield
        finally:
            st.close()  # workers stopped, the temporary upload folder removed

    app = FastAPI(title="zhibiao", version=__version__, openapi_url="/api/v1/openapi.json", docs_url=None,
                  redoc_url=None, lifespan=lifespan, description="Targets of Chinese development plans: documents, "
                  "targets, actuals, status and comparisons. 发展规划目标指标数据库。")
    app.state.zhibiao = st
    from zhibiao.web.guard import Guard, session_router

    app.add_middleware(Guard, settings=lambda: (st.token, st.max_upload_bytes, st.max_json_bytes))
    from zhibiao.web.admission import Admission

    # outermost: a read waits for its turn, and is answered 503 rather than left hanging (web/admission.py)
    app.add_middleware(Admission, settings=lambda: (st.max_concurrent, st.request_timeout))
    app.include_router(session_router)

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

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():  # what a browser asks for on a page without the icon link (the API's JSON, a file)
        return FileResponse(Path(__file__).parent / "static" / "favicon.svg", media_type="image/svg+xml",
                            headers={"cache-control": "public, max-age=86400"})

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        folder = Path(__file__).parent / "static"
        if not SAFE_NAME.fullmatch(name):  # (a NUL, a slash: never a file of ours)
            raise HTTPException(404, "not found")
        path = (folder / name).resolve()
        if path.parent != folder.resolve() or not path.is_file():  # no path traversal
            raise HTTPException(404, "not found")
        return FileResponse(path)

    docs_assets = offline_docs_assets()

    @app.get("/api/v1/docs", include_in_schema=False)
    def swagger_ui(request: Request):
        return with_nonce(request, get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title="zhibiao API",
                                                       swagger_js_url="/static/docs/swagger-ui-bundle.js",
                                                       swagger_css_url="/static/docs/swagger-ui.css",
                                                       swagger_favicon_url="/static/docs/favicon.png"))

    @app.get("/api/v1/redoc", include_in_schema=False)
    def redoc(request: Request):
        return with_nonce(request, get_redoc_html(openapi_url="/api/v1/openapi.json", title="zhibiao API",
                                                  redoc_js_url="/static/docs/redoc.standalone.js",
                                                  redoc_favicon_url="/static/docs/favicon.png",
                                                  with_google_fonts=False))

    @app.get("/static/docs/{name}", include_in_schema=False)
    def docs_static(name: str):
        if not SAFE_NAME.fullmatch(name):
            raise HTTPException(404, "not found")
        path = (docs_assets / name).resolve()
        if path.parent != docs_assets.resolve() or not path.is_file():
            raise HTTPException(404, "not found")
        return FileResponse(path, headers={"cache-control": "public, max-age=86400"})

    from zhibiao.track.queries import NoTargets
    from zhibiao.web.pages import error_page, lang_of

    def answer(request: Request, status: int, message: str):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=status)
        return error_page(request, status, message)

    @app.exception_handler(SQLAlchemyError)
    def database_failed(request: Request, exc: SQLAlchemyError):
        from zhibiao.store.database import database_error

        return answer(request, 503, str(database_error(str(database.engine.url), exc)))

    @app.exception_handler(Busy)
    def busy(request: Request, exc: Busy):
        response = answer(request, 503, str(exc))
        response.headers["retry-after"] = "5"
        return response

    @app.exception_handler(NotFound)
    def not_found(request: Request, exc: NotFound):
        if isinstance(exc, NoTargets):  # a region-year without targets: its words in the reader's language
            lang = lang_of(request)
            if request.url.path.startswith("/api/"):
                return JSONResponse(exc.to_dict(lang), status_code=404)
            said = exc.message(lang)
            code = exc.region["code"]
            return error_page(request, 404, said, [(f"/region/{code}/{y}", f"{exc.region['name']} {y}")
                                                   for y in exc.years], said)
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
        from zhibiao.web.messages import validation

        if request.url.path.startswith("/api/"):
            from fastapi.encoders import jsonable_encoder

            errors = jsonable_encoder(exc.errors())
            asked = request.query_params.get("lang")
            if asked in ("zh", "en"):  # a page asking in its language: one line in it, the errors beside
                return JSONResponse({"detail": validation(exc.errors(), asked), "errors": errors}, status_code=422)
            return JSONResponse({"detail": errors}, status_code=422)

        return error_page(request, 422, validation(exc.errors(), lang_of(request)))

    return app

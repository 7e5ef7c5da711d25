"""Opening a database (SQLite by default, any SQLAlchemy URL) and keeping its schema current.

``Database.open("zhibiao.db")`` or ``Database.open("postgresql+psycopg://…")`` connects and runs
the Alembic migrations shipped in the package; SQLite gets WAL mode, a busy timeout and foreign
keys so that concurrent ingests and a running server can share a file.

Opening costs one query when the schema is current (no Alembic, no ORM): read commands use Core
(``engine``) and never import ``sqlalchemy.orm``; ``session`` (the ORM, for the code that writes)
is made on first use.
"""
from __future__ import annotations

import os
import random
import re
import time
from datetime import datetime, timezone
from functools import cached_property, lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from sqlalchemy import create_engine, event, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.engine import Engine

from zhibiao.errors import DatabaseFileError, DatabaseUnreachable, InputError, ZhibiaoError
from zhibiao.store import tables, textindex

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), else ``ZHIBIAO_DATABASE_URL``, else ./zhibiao.db
    (zhibiao.settings)."""
    from zhibiao.settings import Settings

    value = Settings.load(database=str(db) if db else None).database
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


_OPENED: list[str] = []  # the databases this process opened (the last names a failure found later)


def last_opened() -> str | None:
    return _OPENED[-1] if _OPENED else None


def where(url: str) -> str:
    """How to name a database to a person: a SQLite file's path, a server's URL without password."""
    if url.startswith("sqlite"):
        return url.split(":///", 1)[-1] or ":memory:"
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is named as given, password-looking part hidden
        return url.split("@")[-1]


def database_error(url: str, exc: BaseException) -> ZhibiaoError:
    """One line naming the database and what is wrong with it, from whatever the driver raised."""
    orig = getattr(exc, "orig", None) or exc
    detail = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    low = detail.lower()
    name = where(url)
    if url.startswith("sqlite"):
        path = Path(name)
        if path.is_dir():
            return DatabaseFileError(f"{name}: is a folder, not a database file")
        if "not a database" in low or "file is encrypted" in low:
            return DatabaseFileError(f"{name}: not a SQLite database (another kind of file, or encrypted)")
        if "malformed" in low or "disk image" in low or "corrupt" in low:
            return DatabaseFileError(f"{name}: the database file is damaged or truncated ({detail}); restore it from a "
                                     "backup")
        if "readonly" in low or "read-only" in low or (path.exists() and not os.access(path, os.W_OK)):
            return DatabaseFileError(f"{name}: the database is read-only (zhibiao writes to the file and its folder)")
        if "unable to open" in low:
            return DatabaseFileError(f"{name}: cannot open the database file (permission denied?)")
        if "locked" in low:
            return DatabaseFileError(f"{name}: the database is locked by another program")
        if "can't locate revision" in low or "no such revision" in low:
            return DatabaseFileError(f"{name}: the database was written by a newer zhibiao ({detail})")
        return DatabaseFileError(f"{name}: cannot use the database: {detail}")
    if "can't locate revision" in low or "no such revision" in low:
        return DatabaseFileError(f"{name}: the database was written by a newer zhibiao ({detail})")
    return DatabaseUnreachable(f"{name}: cannot use the database server: {detail}")


# PostgreSQL aborts one of two transactions that wait on each other (deadlock_detected) or that
# could not both be serialised (serialization_failure), and expects the application to run it again:
# two ingests writing the same documents or region-years at once, a deletion beside them
CONFLICT_STATES = frozenset({"40P01", "40001"})
CONFLICT_ATTEMPTS = 6
T = TypeVar("T")


def is_conflict(exc: BaseException) -> bool:
    """Was ``exc`` a transaction the server aborted only because another one was in its way?"""
    return isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in CONFLICT_STATES


def retrying(transaction: Callable[[], T], attempts: int = CONFLICT_ATTEMPTS) -> T:
    """``transaction()`` — a function that opens, writes and commits one transaction — run again
    when the server aborted it for a conflict (nothing of an aborted transaction is stored), after
    a short random wait that grows with each attempt, so the two writers do not meet again at once.
    Any other error, or the last attempt's, is raised as it is."""
    for attempt in range(1, attempts + 1):
        try:
            return transaction()
        except DBAPIError as exc:
            if attempt == attempts or not is_conflict(exc):
                raise
            time.sleep(random.uniform(0.02, 0.1) * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def retried(function: Callable[..., T]) -> Callable[..., T]:
    """``function`` — whose every call is one transaction — run again on a conflict (:func:`retrying`)."""
    @wraps(function)
    def run(*args, **kwargs) -> T:
        return retrying(lambda: function(*args, **kwargs))
    return run


def _check_sqlite_size(conn, path: str) -> None:
    """A file cut short (a copy interrupted, a full disk) reads as empty tables, not as an error:
    the header says how many pages the file has, so a shorter file is truncated.

    The header is read through SQLite (``PRAGMA page_count``), never by opening the file here:
    closing any descriptor of the file drops every POSIX lock this process holds on it, so another
    process closing its last connection then believes itself alone, checkpoints and deletes the
    write-ahead log under this one's feet — which is how a server and a ``zhibiao snapshot``
    sharing a file corrupted it."""
    try:
        size = os.path.getsize(path)  # stat only: no descriptor opened
        wal = os.path.getsize(path + "-wal") if os.path.exists(path + "-wal") else 0
    except OSError:
        return  # in memory, a URI, or gone: the queries will say
    if wal:
        return  # pages may live in the write-ahead log, beyond the file's end
    page_size = conn.exec_driver_sql("PRAGMA page_size").scalar() or 0
    pages = conn.exec_driver_sql("PRAGMA page_count").scalar() or 0  # the header's count while it is valid
    if pages and size < pages * page_size:
        raise DatabaseFileError(f"{path}: the database file is truncated ({size} of {pages * page_size} bytes); "
                                "restore it from a backup")


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class JSONText(str):
    """A value for a JSON column serialised already, by :func:`json_dumps` (an ingest worker
    serialises a document's extraction, so that the one writing process does not): written as it is."""


def json_dumps(value) -> str:
    """The JSON of a JSON column (the engines' ``json_serializer``): compact UTF-8 text, made by
    orjson — a document's extraction in 0.1 ms instead of json.dumps' 0.45, and 58 KB instead of 77
    (a Chinese character is itself, 3 bytes, not a 6-byte ``\\uXXXX``). What orjson refuses (a
    dictionary with keys that are not strings, an integer beyond 64 bits, a lone surrogate) is made
    by json.dumps, compact too. A :class:`JSONText` as it is. Readers parse either form, and the
    rows older versions wrote with json.dumps' defaults (``", "``, ASCII escapes): the same values."""
    if isinstance(value, JSONText):
        return value
    import orjson

    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError
        import json

        return json.dumps(value, separators=(",", ":"))


def _adapt_none_directly() -> None:
    """Python's sqlite3 module binds an int, float or str as it is, but passes every other value —
    None too — through its adapters' registry, and finding none there, looks for ``__adapt__`` and
    ``__conform__`` attributes that None lacks (two failed attribute lookups): ≈ 2,500 instructions
    a None, ≈ 300 of them in each document's lines, a tenth of the ingest writer's instructions.
    Registered as None's adapter, a C function that returns None for any value makes it one lookup
    and one call; what is bound is unchanged (None: NULL). Process-wide, as the registry is; an
    adapter already registered for None is left alone."""
    import sqlite3

    key = (type(None), sqlite3.PrepareProtocol)
    if key not in sqlite3.adapters:
        sqlite3.register_adapter(type(None), {}.get)  # {}.get(None) is None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    textindex.register(dbapi_connection)  # the n-gram index's triggers call it (migration 0011)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: the next statement may wait for a writer
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Database:
    def __init__(self, engine: Engine):
        self.engine = engine

    @cached_property
    def session(self) -> "sessionmaker[Session]":
        """ORM sessions (``db.session()``, ``db.session.begin()``) for the code that writes; made on
        first use, so that reading never imports the ORM."""
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def reader(self) -> Engine:
        """The engine reads go through (the read model): on PostgreSQL its connections are in
        autocommit, so a read is one round trip to the server, not three (BEGIN, the query, the
        ROLLBACK when the connection returns to the pool) — under load each round trip waits for the
        server's process to get a core. Nothing changes for what a read sees: PostgreSQL's READ
        COMMITTED gives every statement its own snapshot either way. SQLite's driver begins no
        transaction for a read: the same engine."""
        if self.is_sqlite:
            return self.engine
        return self.engine.execution_options(isolation_level="AUTOCOMMIT")

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @classmethod
    def open(cls, db: str | os.PathLike | None = None, *, migrate: bool = True, create: bool = True) -> "Database":
        """The database at ``db`` (a path or a SQLAlchemy URL; the setting's by default), its schema
        brought up to date. ``create=False`` (the commands that only read): a SQLite file that does not
        exist is an :class:`InputError` — a mistyped path made an empty database, whose answer was "no
        targets"."""
        url = resolve_url(db)
        try:
            if url.startswith("sqlite"):
                path = url.split("sqlite:///", 1)[-1]
                if path and path != ":memory:" and not path.startswith("file:") and not Path(path).parent.exists():
                    raise InputError(f"{path}: the folder for the database does not exist")
                if not create and path and path != ":memory:" and not path.startswith("file:") and not Path(path).exists():
                    raise InputError(f"{path}: no database here (zhibiao ingest makes one; --db or ZHIBIAO_DATABASE_URL "
                                     "names another)")
                engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                                       json_serializer=json_dumps)
                _adapt_none_directly()
                event.listen(engine, "connect", _sqlite_pragmas)
            else:
                args = {"connect_timeout": 10} if url.startswith("postgresql") else {}
                engine = create_engine(url, pool_pre_ping=True, connect_args=args, json_serializer=json_dumps)
        except InputError:
            raise
        except Exception as exc:  # a malformed URL, an unknown driver
            raise InputError(f"cannot open database {where(url)!r}: {exc}") from None
        database = cls(engine)
        _OPENED.append(url)
        try:
            database.check()
            if migrate:
                database.migrate()
        except ZhibiaoError:
            raise
        except Exception as exc:  # the driver's error, whatever it is: one line naming the database
            engine.dispose()
            raise database_error(url, exc) from None
        return database

    def current_revision(self) -> str | None:
        """The schema revision the database is at (None for a new or unreadable one)."""
        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            return None

    def write_locked(self) -> bool:
        """SQLite: whether another program holds the write lock now — a write would wait the busy
        timeout in silence, then fail (a writer can say so at once). Never waits; False elsewhere."""
        if not self.is_sqlite:
            return False
        import sqlite3

        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA busy_timeout=0")
            try:
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    return True
                raise
            finally:
                raw.execute("PRAGMA busy_timeout=30000")  # as _sqlite_pragmas set it

    def check(self, thorough: bool = False) -> None:
        """Read the database's schema now, so that a file that is no database, or a server that
        cannot be reached, is reported at once rather than in the middle of a command.
        ``thorough`` (the server at start-up) also reads every page of a SQLite file."""
        try:
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
                    _check_sqlite_size(conn, where(str(self.engine.url)))
                    if thorough:
                        found = conn.exec_driver_sql("PRAGMA quick_check(1)").scalar()
                        if found != "ok":
                            raise OperationalError("PRAGMA quick_check", {}, Exception(f"database disk image is "
                                                                                       f"malformed: {found}"))
                else:
                    conn.exec_driver_sql("SELECT 1").scalar()
        except ZhibiaoError:
            raise
        except Exception as exc:  # noqa: BLE001 - the driver's error: one line naming the database
            raise database_error(str(self.engine.url), exc) from None

    def migrate(self) -> None:
        """Bring the schema to the latest migration (idempotent, safe for concurrent callers:
        two processes opening a new database at once both end with one schema). A database already
        at the head, with its reference data in place, is left alone without loading Alembic: the
        check is one query, so every command starts fast."""
        if self.current_revision() == head_revision() and self._reference_data_current():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", "zhibiao.store:migrations")
        for attempt in range(5):
            try:
                with self.engine.begin() as conn:
                    if self.engine.dialect.name == "postgresql":
                        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")  # one migrator at a time
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                self._seed_reference_data()
                return
            except (OperationalError, IntegrityError, ProgrammingError):
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))  # another process was creating the same schema

    def _reference_data_current(self) -> bool:
        """Every region of the registry and every indicator of the catalogue is stored (counted, not
        parsed: the seeding adds missing ones only)."""
        try:
            with self.engine.connect() as conn:
                regions = conn.scalar(select(func.count()).select_from(tables.regions))
                indicators = conn.scalar(select(func.count()).select_from(tables.indicators))
        except (OperationalError, ProgrammingError):
            return False
        return regions >= registry_size() and indicators >= catalogue_size()

    def _seed_reference_data(self) -> None:
        """Regions and indicators from the catalogue (inserted once; a newer registry or catalogue
        adds the regions and indicators it has more: 临安区, made in 2017)."""
        from zhibiao.catalog import Catalog, RegionRegistry

        with self.engine.begin() as conn:
            stored = set(conn.scalars(select(tables.regions.c.code)))
            regions = [{"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
                       for r in RegionRegistry.default().rows.values() if r.code not in stored]
            if regions:
                conn.execute(insert(tables.regions), regions)
            existing = set(conn.scalars(select(tables.indicators.c.id)))
            new = [{"id": ind.id, "name_zh": ind.name_zh, "name_en": ind.name_en, "measure": ind.measure,
                    "unit": ind.unit, "direction": ind.direction, "binding": ind.binding, "category": ind.category}
                   for ind in Catalog.default().indicators.values() if ind.id not in existing]
            if new:
                conn.execute(insert(tables.indicators), new)

    def schema_tables(self) -> list[str]:
        return sorted(tables.metadata.tables)

    def new_session(self) -> Session:
        return self.session()

    def dispose(self) -> None:
        self.engine.dispose()


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration shipped in the package, read from the migration files (cheap: no
    Alembic import): the one revision no other names as its ``down_revision``."""
    folder = resources.files("zhibiao.store").joinpath("migrations", "versions")
    revisions, downs = set(), set()
    for entry in folder.iterdir():
        if not entry.name.endswith(".py"):
            continue
        source = entry.read_text("utf-8")
        rev = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", source, re.M)
        down = re.search(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", source, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else ""  # several heads: let Alembic decide (and complain)


@lru_cache(maxsize=1)
def registry_size() -> int:
    """How many regions the bundled registry has (its lines counted, not parsed)."""
    data = resources.files("zhibiao").joinpath("catalog", "data", "regions.csv").read_text("utf-8")
    return data.count("\n") - 1  # (the header line; the file ends with a new line)


def catalogue_size() -> int:
    """How many indicators the bundled catalogue has (counted in the YAML text)."""
    data = resources.files("zhibiao").joinpath("catalog", "data", "indicators.yaml").read_text("utf-8")
    return len(re.findall(r"^- id:", data, re.M))

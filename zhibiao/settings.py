"""Every setting zhibiao reads, in one place: its default, its environment variable and its
command-line option.

    settings = Settings.load()                 # defaults, then the environment
    settings = Settings.load(port=9000)        # ... then options given on the command line

An option given (not None) wins over the environment, which wins over the default. The CLI and
the web server both read their configuration here and nowhere else; ``zhibiao settings`` prints
the values in effect and where each came from, and the table in docs/cli.md is generated from
this module (``python -m zhibiao.settings``; a test checks they agree).

To add a setting: add a field below with ``setting(...)``; name its environment variable
``ZHIBIAO_…``; give the option name if a command takes it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Mapping

from zhibiao.errors import InputError

__all__ = ["Settings", "describe", "markdown_table"]


def _text(value: str) -> str:
    return value


def _number(value: str) -> float:
    number = float(value)
    if not number > 0 or number == float("inf"):
        raise ValueError(value)
    return number


def _non_negative(value: str) -> float:
    number = float(value)
    if not 0 <= number < float("inf"):
        raise ValueError(value)
    return number


def _whole(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


def _count(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 0 < number < 65536:
        raise ValueError(value)
    return number


def _flag(value: str) -> bool:
    value = value.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(value)


def _paths(value: str) -> tuple[str, ...]:
    return tuple(p for p in value.split(os.pathsep) if p)


def _lang(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    raise ValueError(value)


PARSERS: dict[Callable, str] = {_text: "text", _number: "a positive number", _non_negative: "a number ≥ 0",
                                _whole: "a whole number ≥ 0", _count: "a whole number ≥ 1",
                                _port: "a port number (1–65535)", _paths: "paths separated by the OS path separator",
                                _lang: "zh or en", _flag: "1 or 0"}


def setting(default: Any, env: str, help: str, option: str | None = None, parse: Callable = _text) -> Any:
    return field(default=default, metadata={"env": env, "help": help, "option": option, "parse": parse})


@dataclass(frozen=True)
class Settings:
    # -- the database (every command that stores or reads)
    database: str = setting("zhibiao.db", "ZHIBIAO_DATABASE_URL", "Database: a SQLite path or a SQLAlchemy URL "
                            "(postgresql+psycopg://user@host/db).", "--db")
    # -- the web server (serve, demo)
    host: str = setting("127.0.0.1", "ZHIBIAO_HOST", "Address the server listens on.", "--host")
    port: int = setting(8000, "ZHIBIAO_PORT", "Port the server listens on.", "--port", _port)
    token: str | None = setting(None, "ZHIBIAO_TOKEN", "Token that allows writes (upload, delete, review); without "
                                "one the server is read-only.", "--token")
    max_upload_mb: float = setting(20.0, "ZHIBIAO_MAX_UPLOAD_MB", "Largest upload the server accepts, in MB.",
                                   "--max-upload-mb", _number)
    workers: int = setting(1, "ZHIBIAO_WORKERS", "Server processes answering requests side by side (for many users: "
                           "about 2 per core on PostgreSQL; on SQLite writes still go one at a time).", "--workers",
                           _count)
    max_json_mb: float = setting(5.0, "ZHIBIAO_MAX_JSON_MB", "Largest request body other than an upload (JSON), in "
                                 "MB: refused from its headers, never held in memory.", None, _number)
    extract_workers: int = setting(2, "ZHIBIAO_EXTRACT_WORKERS", "Processes of the server that read and extract "
                                   "uploads, so that requests never wait behind one.", None, _count)
    extract_queue: int = setting(8, "ZHIBIAO_EXTRACT_QUEUE", "Uploads waiting for an extraction process; beyond "
                                 "them the server answers 503 (busy) at once.", None, _whole)
    request_timeout: float = setting(30.0, "ZHIBIAO_REQUEST_TIMEOUT", "Seconds a read may take, its wait for a "
                                     "turn included, before the server answers 503 with Retry-After instead of "
                                     "keeping the reader waiting (the work goes on and is cached); 0: no limit.",
                                     "--request-timeout", _non_negative)
    max_concurrent: int = setting(8, "ZHIBIAO_MAX_CONCURRENT", "Reads each server process handles at once; more "
                                  "wait their turn (within the request timeout); 0: no limit.", "--max-concurrent",
                                  _whole)
    upload_dir: str | None = setting(None, "ZHIBIAO_UPLOAD_DIR", "Folder where uploaded documents are kept (default: "
                                     "a temporary folder made on the first upload and removed when the server "
                                     "stops; the database keeps every document's text either way).")
    # -- reading documents (every command that loads files)
    max_file_mb: float = setting(200.0, "ZHIBIAO_MAX_FILE_MB", "Largest document file read, in MB.", None, _number)
    max_pages: int = setting(2000, "ZHIBIAO_MAX_PAGES", "Most pages read from a PDF.", None, _whole)
    max_decompressed_mb: float = setting(500.0, "ZHIBIAO_MAX_DECOMPRESSED_MB", "Most bytes a DOCX may unpack to, in "
                                         "MB.", None, _number)
    max_seconds: float = setting(120.0, "ZHIBIAO_MAX_SECONDS", "Longest time spent on one document (reading, "
                                 "normalising, extracting), in seconds: ingest, extract and the server report it as "
                                 "an error and go on.", None, _number)
    pure_python: bool = setting(False, "ZHIBIAO_PURE_PYTHON", "1: run the extraction rules and text stages as plain "
                                "Python where setup.py compiled them (the same results, slower; to debug or profile "
                                "a rule).",
                                None, _flag)
    # -- the catalogue and the interface
    catalog: tuple[str, ...] = setting((), "ZHIBIAO_CATALOG", "Extra indicator catalogue files (YAML), separated by "
                                       "the OS path separator; entries override the bundled ones.", "--catalog",
                                       _paths)
    lang: str = setting("zh", "ZHIBIAO_LANG", "Language of explanations and labels in the CLI (zh or en); the web "
                        "follows the reader's choice.", "--lang", _lang)
    # -- fetching documents from their addresses (ingest URL…; zhibiao.fetch parses the networks)
    fetch_allow_private: str = setting("", "ZHIBIAO_FETCH_ALLOW_PRIVATE", "1: private, loopback and link-local "
                                       "addresses may be fetched; or a comma list of networks (10.2.0.0/16) that may.")
    fetch_networks: str = setting("", "ZHIBIAO_FETCH_NETWORKS", "A comma list of networks: no address outside them "
                                  "is ever fetched, and host names are resolved from the hosts file only, never "
                                  "by DNS (empty: any).")
    fetch_user_agent: str | None = setting(None, "ZHIBIAO_FETCH_USER_AGENT", "The User-Agent sent with every request "
                                           "(default: zhibiao/VERSION with a description).")
    fetch_delay: float = setting(2.0, "ZHIBIAO_FETCH_DELAY", "Seconds between two requests to one host (a robots.txt "
                                 "Crawl-delay, up to 60 s, wins when longer).", None, _non_negative)
    fetch_timeout: float = setting(30.0, "ZHIBIAO_FETCH_TIMEOUT", "Seconds to connect, and seconds without data "
                                   "while reading.", None, _number)
    fetch_max_seconds: float = setting(300.0, "ZHIBIAO_FETCH_MAX_SECONDS", "Seconds for one whole response.", None,
                                       _number)
    fetch_retries: int = setting(2, "ZHIBIAO_FETCH_RETRIES", "Retries after a timeout, a dropped connection, HTTP 429 "
                                 "or 5xx.", None, _whole)
    fetch_backoff: float = setting(2.0, "ZHIBIAO_FETCH_BACKOFF", "Seconds before the first retry, doubling (a "
                                   "Retry-After header, up to 60 s, wins).", None, _non_negative)
    fetch_max_redirects: int = setting(5, "ZHIBIAO_FETCH_MAX_REDIRECTS", "Redirects followed.", None, _whole)
    fetch_max_attachments: int = setting(5, "ZHIBIAO_FETCH_MAX_ATTACHMENTS", "Attachments followed from one article "
                                         "page.", None, _whole)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **options: Any) -> "Settings":
        """Defaults, overridden by the environment, overridden by options that are not None.
        A malformed value is an :class:`InputError` naming the variable or option."""
        env = os.environ if env is None else env
        # (the names set, read in one pass: looking up a missing name in os.environ raises and
        # catches a KeyError, and most of ours are missing; read once for each document extracted)
        present = set(env)
        all_fields = fields(cls)
        values: dict[str, Any] = {}
        for f in all_fields:
            raw = _raw(f, env) if f.metadata["env"] in present else None
            if raw is not None:
                values[f.name] = _parse(f, raw, f.metadata["env"])
        unknown = set(options) - {f.name for f in all_fields}
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        by_name = {f.name: f for f in all_fields}
        for name, value in options.items():
            if value is None or value == ():
                continue
            f = by_name[name]
            if isinstance(value, str) and f.metadata["parse"] is not _text:
                value = _parse(f, value, f.metadata["option"] or name)
            elif f.metadata["parse"] is _lang:
                value = _parse(f, str(value), f.metadata["option"] or name)
            elif isinstance(value, (list, tuple)):
                value = tuple(str(v) for v in value)
            values[name] = value
        return cls(**values)

    @classmethod
    def value(cls, name: str, env: Mapping[str, str] | None = None) -> Any:
        """One setting from the environment (or its default), without reading the others."""
        env = os.environ if env is None else env
        f = next(f for f in fields(cls) if f.name == name)
        raw = _raw(f, env)
        return f.default if raw is None else _parse(f, raw, f.metadata["env"])

    def sources(self, env: Mapping[str, str] | None = None, **options: Any) -> dict[str, str]:
        """Where each value came from: option, environment or default."""
        env = os.environ if env is None else env
        out = {}
        for f in fields(self):
            if options.get(f.name) not in (None, ()):
                out[f.name] = "option"
            elif (env.get(f.metadata["env"]) or "").strip():
                out[f.name] = "environment"
            else:
                out[f.name] = "default"
        return out

    def to_dict(self, hide_secrets: bool = True) -> dict[str, Any]:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if hide_secrets and f.name == "token" and value:
                value = "(set)"
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def export(self) -> None:
        """Write these settings into this process's environment, so that the processes it starts
        (the server's workers, which uvicorn starts afresh) load the same settings."""
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, ()):
                continue
            os.environ[f.metadata["env"]] = os.pathsep.join(value) if isinstance(value, tuple) else str(value)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1_000_000)

    @property
    def max_json_bytes(self) -> int:
        return int(self.max_json_mb * 1_000_000)


def _raw(f, env: Mapping[str, str]) -> str | None:
    """A setting's value as the environment gives it, stripped (None: not given, or blank)."""
    raw = env.get(f.metadata["env"])
    return raw.strip() or None if raw is not None else None


def _parse(f, raw: str, where: str) -> Any:
    parse = f.metadata["parse"]
    try:
        return parse(raw)
    except (ValueError, TypeError):
        raise InputError(f"{where}: {raw!r} is not {PARSERS[parse]}") from None


def describe() -> list[dict[str, Any]]:
    """Every setting: name, environment variable, option, default, kind and help."""
    return [{"name": f.name, "env": f.metadata["env"], "option": f.metadata["option"],
             "default": list(f.default) if isinstance(f.default, tuple) else f.default,
             "kind": PARSERS[f.metadata["parse"]], "help": f.metadata["help"]} for f in fields(Settings)]


def markdown_table() -> str:
    rows = ["| setting | environment variable | option | default | meaning |", "| --- | --- | --- | --- | --- |"]
    for d in describe():
        default = "—" if d["default"] in (None, []) else f"`{d['default']}`"
        option = f"`{d['option']}`" if d["option"] else "—"
        rows.append(f"| `{d['name']}` | `{d['env']}` | {option} | {default} | {d['help']} ({d['kind']}) |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - regenerates the table in docs/cli.md
    print(markdown_table(), end="")

"""The `zhibiao` command: a thin Typer layer over the Python API.

Each concern registers its commands from its own module (extract, catalog, store/track, web), so
this file only assembles them. Exit codes: 0 success, 1 error, 2 usage error, 3 unreadable input.
"""
from __future__ import annotations

import sys

from zhibiao.cli.app import app
from zhibiao.cli import extract as _extract  # noqa: F401  (registers commands)

for _module in ("demo", "catalog", "data", "cite", "report", "views", "web", "settings"):
    try:  # modules of later stages register themselves when present
        __import__(f"zhibiao.cli.{_module}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a stage is absent
        if exc.name != f"zhibiao.cli.{_module}":
            raise


def main(argv: list[str] | None = None) -> int:
    try:
        app(args=argv, prog_name="zhibiao", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

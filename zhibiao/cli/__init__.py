"""The `zhibiao` command: a thin Typer layer over the Python API.

Each concern registers its commands from its own module (extract, catalog, store/track, web), so
this file only assembles them. Exit codes (docs/cli.md): 0 success, 1 error, 2 usage error, 3 unreadable input
(a document or the database file), 4 the database server cannot be reached.
"""
from __future__ import annotations

import sys

from zhibiao.cli.app import app
from zhibiao.cli import extract as _extract  # noqa: F401  (registers commands)

for _module in ("demo", "catalog", "data", "cite", "report", "views", "web", "settings", "document"):
    try:  # modules of later stages register themselves when present
        __import__(f"zhibiao.cli.{_module}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a stage is absent
        if exc.name != f"zhibiao.cli.{_module}":
            raise


def main(argv: list[str] | None = None) -> int:
    from zhibiao.cli.app import print_error
    from zhibiao.errors import ZhibiaoError

    args = sys.argv[1:] if argv is None else argv
    try:
        _app_for(args[0] if args else None)(args=args, prog_name="zhibiao", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except ZhibiaoError as exc:  # an error a command did not report itself: still one line
        print_error(exc)
        return exc.exit_code
    except Exception as exc:
        # the database failed in the middle of a command. SQLAlchemy is looked up, not imported:
        # a command that never opened a database (extract, --help) cannot raise its errors, and
        # importing it (with the store) cost such a command ≈ 0.5 s of CPU here, half of `--help`'s
        sa = sys.modules.get("sqlalchemy.exc")
        if sa is None or not isinstance(exc, sa.SQLAlchemyError):
            raise
        from zhibiao.store.database import database_error, last_opened

        error = database_error(last_opened() or "database", exc)
        print_error(error)
        return error.exit_code
    return 0


def _app_for(name: str | None):
    """The application with only the command ``name`` registered: Typer builds every registered
    command's options at each start (5 ms for all of them), one is run. The whole application when
    ``name`` is no command (``--help``, ``--version``, a typo: the answer lists every command)."""
    import copy

    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    only = copy.copy(app)
    only.registered_commands, only.registered_groups = commands, groups
    return only


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

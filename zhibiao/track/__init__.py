"""Stage 6: target status against actuals, and comparisons of years, regions and levels.

Its names are imported when first used (PEP 562): a module of this package that needs no database
(``naming``: how a document is named, for ``zhibiao extract``) is imported without SQLAlchemy."""
from __future__ import annotations

__all__ = ["STATUSES", "Rules", "StatusReport", "Tracker", "decide"]
_FROM = {"STATUSES": "status", "Rules": "status", "decide": "status", "StatusReport": "tracker", "Tracker": "tracker"}


def __getattr__(name: str):
    if name in _FROM:
        from importlib import import_module

        return getattr(import_module(f"zhibiao.track.{_FROM[name]}"), name)
    raise AttributeError(f"module 'zhibiao.track' has no attribute {name!r}")

"""zhibiao (指标): Chinese development-plan targets, extracted, stored and tracked.

    import zhibiao
    extraction = zhibiao.extract_file("plan.pdf")      # what one document says
    db = zhibiao.open("zhibiao.db")                     # a database of many (see zhibiao.store)
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract_file(path, limits=None):
    """Everything zhibiao extracts from one file (see :func:`zhibiao.api.extract_file`)."""
    from zhibiao.api import extract_file as _extract_file

    return _extract_file(path, limits)


def open(db=None, rules=None, create=True):  # noqa: A001 - the natural name: zhibiao.open("zhibiao.db")
    """A database of documents and the tracking questions asked of it (``create=False``: a SQLite
    file that does not exist is an error, not a new empty database).

        db = zhibiao.open("zhibiao.db")
        db.status(region="绍兴市", year=2023).to_dict()
    """
    from zhibiao.store import Database
    from zhibiao.track import Rules, Tracker

    return Tracker(Database.open(db, create=create), Rules.load(rules) if rules else None)

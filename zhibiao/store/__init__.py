"""Stage 5: the database (SQLAlchemy 2 + Alembic; SQLite by default, PostgreSQL for teams)."""
from zhibiao.store.database import Database, resolve_url

__all__ = ["Database", "resolve_url"]

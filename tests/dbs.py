"""Real databases for the tests: a fresh SQLite file, and a fresh PostgreSQL database on the
server scripts/postgres.sh started (ZHIBIAO_TEST_POSTGRES_URL). On CI PostgreSQL is required."""
from __future__ import annotations

import os
import uuid

from sqlalchemy import func, select

from zhibiao.store.schema import CommitmentRow, DocumentRow, ObservationRow, TargetRow

import pytest

PG_URL = os.environ.get("ZHIBIAO_TEST_POSTGRES_URL")


def fresh_postgres_url() -> str:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("ZHIBIAO_TEST_POSTGRES_URL is not set on CI: scripts/test starts PostgreSQL")
        pytest.skip("no PostgreSQL server: run the tests through scripts/test, or set ZHIBIAO_TEST_POSTGRES_URL")
    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_postgres(url: str) -> None:
    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "zhibiao.db")
        return
    url = fresh_postgres_url()
    try:
        yield url
    finally:
        drop_postgres(url)


def check_invariants(db) -> None:
    """Every table agrees with every document's extraction; no line without its document."""
    with db.session() as s:
        docs = list(s.scalars(select(DocumentRow)))
        for d in docs:
            for table, key in ((TargetRow, "targets"), (ObservationRow, "actuals"), (CommitmentRow, "commitments")):
                n = s.scalar(select(func.count()).select_from(table).where(table.document_id == d.id))
                assert n == len(d.extraction[key]), (d.path, key)
        ids = {d.id for d in docs}
        for table in (TargetRow, CommitmentRow):
            assert set(s.scalars(select(table.document_id).distinct())) <= ids
        assert len({d.sha256 for d in docs}) == len(docs)


def migrate_to(db, revision: str, up: bool = True) -> None:
    """Take ``db``'s schema up or down to ``revision`` with the project's migrations (an older database, as a test
    of an upgrade needs one)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "zhibiao.store:migrations")
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.upgrade if up else command.downgrade)(cfg, revision)

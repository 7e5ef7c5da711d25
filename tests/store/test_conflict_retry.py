"""A transaction PostgreSQL aborts to break a deadlock is run again (store.database.retrying): two
ingests of the same folder and a server deleting documents meet on the same rows, and one of them
used to fail with "deadlock detected" (tests/hardening/test_concurrency.py, on CI). Here two real
transactions lock two rows in opposite orders on a real server."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from dbs import drop_postgres, fresh_postgres_url
from zhibiao.store.database import is_conflict, retried, retrying

pytestmark = pytest.mark.postgres


@pytest.fixture
def engine():
    url = fresh_postgres_url()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)"))
        conn.execute(text("INSERT INTO counters VALUES (1, 0), (2, 0)"))
    try:
        yield engine
    finally:
        engine.dispose()
        drop_postgres(url)


def _crossing(engine, wrap):
    """Two transactions, each adding one to both rows, in opposite orders, both holding their first
    row when they ask for the second: the server must abort one. Returns each one's error or None."""
    both_hold_one = threading.Barrier(2, timeout=20)
    errors: dict[int, BaseException | None] = {}

    def writer(first: int, second: int) -> None:
        attempts = []

        def transaction() -> None:
            attempts.append(1)
            with engine.begin() as conn:
                conn.execute(text("SET LOCAL deadlock_timeout = '100ms'"))
                conn.execute(text("UPDATE counters SET n = n + 1 WHERE id = :i"), {"i": first})
                if len(attempts) == 1:
                    both_hold_one.wait()
                conn.execute(text("UPDATE counters SET n = n + 1 WHERE id = :i"), {"i": second})
        try:
            wrap(transaction)
            errors[first] = None
        except BaseException as exc:  # noqa: BLE001 — the test reports what each writer met
            errors[first] = exc

    threads = [threading.Thread(target=writer, args=(1, 2)), threading.Thread(target=writer, args=(2, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    with engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT id, n FROM counters")).all())
    return errors, counts


def test_without_a_retry_the_server_aborts_one_of_two_crossing_transactions(engine):
    errors, counts = _crossing(engine, lambda transaction: transaction())
    failed = [e for e in errors.values() if e is not None]
    assert len(failed) == 1 and is_conflict(failed[0])  # deadlock_detected: what an ingest reported
    assert counts == {1: 1, 2: 1}  # nothing of the aborted one stored


def test_a_conflict_is_run_again_and_both_transactions_are_stored(engine):
    errors, counts = _crossing(engine, retrying)
    assert errors == {1: None, 2: None}
    assert counts == {1: 2, 2: 2}


def test_any_other_error_is_raised_at_once(engine):
    calls = []

    @retried
    def duplicate() -> None:
        calls.append(1)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO counters VALUES (1, 0)"))

    with pytest.raises(IntegrityError) as caught:
        duplicate()
    assert calls == [1] and not is_conflict(caught.value)


def test_the_last_attempts_conflict_is_raised(engine):
    calls = []

    def always_aborted() -> None:
        calls.append(1)
        with engine.begin() as conn:  # a serialization_failure, as the server raises it
            conn.execute(text("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$"))

    with pytest.raises(DBAPIError) as caught:
        retrying(always_aborted, attempts=3)
    assert len(calls) == 3 and is_conflict(caught.value)


# Each writer of the store and the snapshot, its transaction aborted by the server as a deadlock
# would abort it (a trigger raising deadlock_detected the first times it fires; a sequence counts,
# since nothing else survives the abort), is run again and stores everything once.
PLAN = ("某县人民政府关于下达2024年德清县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2024年主要目标\n\n"
        "序号\t指标名称\t2024年目标\n1\t地区生产总值增长\t6%左右\n2\t城镇调查失业率\t5%以内\n")


@pytest.fixture
def pg_db():
    from zhibiao.store import Database

    url = fresh_postgres_url()
    db = Database.open(url)
    try:
        yield db
    finally:
        db.engine.dispose()
        drop_postgres(url)


def _abort_first(db, table: str, event: str, times: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(f"CREATE SEQUENCE fired_{table}"))
        conn.execute(text(f"""CREATE FUNCTION abort_{table}() RETURNS trigger AS $$ BEGIN
            IF nextval('fired_{table}') <= {times} THEN
                RAISE EXCEPTION 'deadlock (test)' USING ERRCODE = 'deadlock_detected';
            END IF;
            RETURN COALESCE(NEW, OLD); END $$ LANGUAGE plpgsql"""))
        conn.execute(text(f"CREATE TRIGGER abort_{table} BEFORE {event} ON {table} FOR EACH ROW "
                          f"EXECUTE FUNCTION abort_{table}()"))


def test_a_document_whose_transaction_is_aborted_is_stored_once(pg_db, tmp_path):
    from zhibiao.ingest import ingest

    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    _abort_first(pg_db, "documents", "INSERT", 2)  # the batch's transaction, then the document's own first
    summary = ingest(pg_db, [tmp_path])
    assert [r.status for r in summary.results] == ["new"]
    with pg_db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM documents")) == 1
        assert conn.scalar(text("SELECT count(*) FROM targets")) == 2


def test_a_snapshot_and_a_deletion_aborted_are_written_once(pg_db, tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store.ingest import delete_document
    from zhibiao.track import Tracker
    from zhibiao.track.snapshot import refresh

    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    ingest(pg_db, [tmp_path])
    _abort_first(pg_db, "status_snapshot", "INSERT", 1)
    assert refresh(Tracker(pg_db)) == 2
    _abort_first(pg_db, "documents", "DELETE", 1)
    with pg_db.engine.connect() as conn:
        doc_id = conn.scalar(text("SELECT id FROM documents"))
    assert delete_document(pg_db, doc_id) is not None
    with pg_db.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM status_snapshot")) == 2
        assert conn.scalar(text("SELECT count(*) FROM documents")) == 0

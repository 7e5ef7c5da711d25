"""How the read model talks to the database: the words before each actual figure cut from its
document's text once per document (not once per figure), and a view's queries on one pooled
connection — with the same answers, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, insert, select

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store.database import now
from zhibiao.store.tables import documents, observations, status_overrides
from zhibiao.track.queries import CONTEXT_CHARS, ReadModel

REPORT = ("湖州市政府工作报告\n\n——2026年1月10日在湖州市第九届人民代表大会第六次会议上\n\n湖州市市长\n\n各位代表：\n\n"
          "一、2025年工作回顾\n\n过去一年，预计全市地区生产总值增长6.1%，一般公共预算收入增长5.2%。"
          + "我们坚持稳中求进，统筹发展和安全，扎实推进各项工作。" * 12
          + "\n\n初步核算，全年规模以上工业增加值增长7.4%，城镇调查失业率4.8%。\n\n二、2026年工作安排\n\n"
          "2026年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，城镇调查失业率5%以内。\n")


@pytest.fixture
def stored(db_url, tmp_path):  # noqa: F811
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    tracker = zhibiao.open(db_url)
    summary = ingest(tracker.db, [EXAMPLES, tmp_path / "report.txt"])
    assert summary.count("failed") == 0
    yield tracker
    tracker.db.dispose()


def _expected_contexts(db) -> dict[int, str]:
    """Each figure's context as its definition says: at most CONTEXT_CHARS characters of its
    document's text before it (nothing for a figure without a document or a place)."""
    with db.engine.connect() as conn:
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)).all())
        rows = conn.execute(select(observations.c.id, observations.c.document_id, observations.c.span_start)).all()
    return {i: texts[d][max(0, s - CONTEXT_CHARS):s] if d is not None and s is not None else ""
            for i, d, s in rows}


def test_each_figure_gets_the_words_before_it_in_its_own_document(stored, monkeypatch):
    db = stored.db
    doc_id, length = next((i, n) for i, n in _lengths(db) if n > 400)
    with db.engine.begin() as conn:  # figures at the edges: the text's start, near it, past its end
        for start in (0, 7, CONTEXT_CHARS, CONTEXT_CHARS + 1, length - 3, length + 50):
            conn.execute(insert(observations).values(document_id=doc_id, source="edge", region_code="330500",
                                                     name="edge", year=2025, value=1, span_start=start,
                                                     span_end=start + 1, comparator="=", estimated=False,
                                                     imported=False))
        conn.execute(insert(observations).values(document_id=None, source="统计局", region_code="330500",
                                                 name="imported", year=2025, value=2, comparator="=",
                                                 estimated=False, imported=True))
    expected = _expected_contexts(db)
    assert len(expected) > 50 and any(len(c) == CONTEXT_CHARS for c in expected.values())

    facts = ReadModel(db)._actual_facts(ReadModel._actuals_select())
    assert {f.id: f.context for f in facts} == expected
    documents_read = {f.doc.id for f in facts if f.doc}
    assert len(documents_read) >= 5

    # more documents than one statement cuts windows from: the same contexts, several statements
    monkeypatch.setattr(ReadModel, "_CONTEXT_BATCH", 2)
    assert {f.id: f.context for f in ReadModel(db)._actual_facts(ReadModel._actuals_select())} == expected

    # what the context decides: an estimate (预计) and a preliminary figure (初步核算) of the report
    basis = {f.name: f.basis for f in facts if f.doc and f.doc.title and "政府工作报告" in f.doc.title
             and f.doc.region_name == "湖州市" and f.year == 2025}
    assert "estimate" in basis.values() and "preliminary" in basis.values(), basis


def _lengths(db):
    from sqlalchemy import func

    with db.engine.connect() as conn:
        return conn.execute(select(documents.c.id, func.length(documents.c.text)).order_by(documents.c.id)).all()


def _checkouts(db) -> list[int]:
    seen: list[int] = []
    event.listen(db.engine.pool, "checkout", lambda *a: seen.append(1))
    return seen


def test_a_view_checks_out_one_connection_for_all_its_queries(stored):
    db = stored.db
    region, year = "330500", 2025
    before = stored.status(region, year).to_dict()
    assert before["targets"], "the examples have targets for 湖州市 2025"
    seen = _checkouts(db)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert stored.status(region, year).to_dict() == before
    assert len(statements) >= 5 and len(seen) == 1, (len(statements), len(seen))

    seen.clear()
    stored.compare_years(region, year)
    assert len(seen) == 1
    seen.clear()
    doc = ReadModel(db).documents(region=region, size=1)[0][0]["id"]
    seen.clear()
    text = ReadModel(db).document_text(doc)
    assert text["spans"] and len(seen) == 1


def test_within_one_connection_each_query_sees_what_was_written_before_it(stored):
    """A held connection reads no older snapshot than separate ones would (autocommit on
    PostgreSQL; SQLite begins no transaction for a read)."""
    q = ReadModel(stored.db)
    with q.reading():
        assert q.overrides("330500", 2025) == {}
        with stored.db.engine.begin() as conn:  # another connection writes meanwhile
            conn.execute(insert(status_overrides).values(region_code="330500", year=2025, target_key="gdp_growth",
                                                         status="met", reason="核实", who="t", created_at=now()))
        assert set(q.overrides("330500", 2025)) == {"gdp_growth"}


def test_another_thread_never_shares_the_held_connection(stored):
    q = ReadModel(stored.db)
    counts, seen = {}, _checkouts(stored.db)
    with q.reading():
        q.counts()
        t = threading.Thread(target=lambda: counts.setdefault("other", q.counts()))
        t.start()
        t.join()
        counts["mine"] = q.counts()
    assert counts["other"] == counts["mine"] and counts["mine"]["documents"] > 5
    assert len(seen) == 2  # the held one, and the other thread's own

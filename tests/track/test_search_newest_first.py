"""Search lists matches newest first (highest ids) — what lets the text index and the two-character
scan stop at the first page of matches instead of ranking every match in a national database."""
from __future__ import annotations

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.store import Database
from zhibiao.ingest import ingest
from zhibiao.track.search import search


def test_matches_come_newest_first_and_a_limit_keeps_the_newest(db_url):  # noqa: F811
    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    for q in ("地区生产总值", "就业"):  # the text index (three characters and more), and the scan
        everything = search(db, q, limit=200)
        ids = [t["document_id"] for t in everything.targets]
        assert len(set(ids)) >= 2 and ids == sorted(ids, reverse=True), q
        first = search(db, q, limit=3)
        assert [t["document_id"] for t in first.targets][:3] == ids[:3]
    docs = [d["id"] for d in search(db, "湖州市", limit=50).documents]
    assert len(docs) >= 2 and docs == sorted(docs, reverse=True)
    db.dispose()


def test_control_characters_in_a_query_are_dropped_not_an_error(db_url):  # noqa: F811
    """A NUL inside a query ended the FTS5 phrase early ("unterminated string", a 503 on the API);
    PostgreSQL refuses NUL in text. Control characters are never what a person searches for."""
    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    clean = search(db, "地区生产总值", limit=5)
    dirty = search(db, "地区\x00生产\x0b总值\x1e", limit=5)
    assert dirty.query == "地区生产总值" and dirty.targets == clean.targets and clean.targets
    assert search(db, "\x00\x01", limit=5).targets == []
    db.dispose()


def test_pages_of_a_section_hold_every_match_once_in_order(db_url):  # noqa: F811
    """The next page of documents or of targets continues below the last id shown: the pages, one
    after another, are the whole list of matches (the text index, and the two-character scan)."""
    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    for q in ("地区生产总值", "就业", "湖州", "%", "计划的通知"):
        whole = search(db, q, limit=1000)
        for section, size in (("targets", 2), ("documents", 1)):
            first = search(db, q, limit=size)
            got, before = list(getattr(first, section)), first.next[section]
            pages = 1
            while before is not None:
                page = search(db, q, limit=size, section=section, before=before)
                assert page.indicators == [] and page.regions == []  # a next page holds its section only
                got += getattr(page, section)
                before = page.next[section]
                pages += 1
            assert got == getattr(whole, section), (q, section)
            per_page = size * 2 if section == "targets" else size
            assert pages == max(1, -(-len(got) // per_page)), (q, section)
        assert whole.targets or whole.documents, q
    db.dispose()

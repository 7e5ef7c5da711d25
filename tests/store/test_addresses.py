"""Documents ingested from addresses: provenance and original bytes stored; re-fetching unchanged
text changes nothing (furniture is not a change); changed text is a new version of the same
document, the earlier kept as history — on SQLite and PostgreSQL."""
from __future__ import annotations

import ipaddress

import pytest
from sqlalchemy import func, select

from dbs import check_invariants, db_url  # noqa: F401  (fixture)
from docserver import DocServer, Page, build_site, html_bytes, src
from zhibiao.fetch import Fetcher, FetchSettings
from zhibiao.store import Database
from zhibiao.store.addresses import ingest_addresses, read_address_list
from zhibiao.store.ingest import ingest, reindex
from zhibiao.store.schema import DocumentRow, DocumentVersionRow, OriginalRow, TargetRow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


def fetcher() -> Fetcher:
    return Fetcher(FetchSettings(allow_private=True, networks=(ipaddress.ip_network("127.0.0.0/8"),), delay=0,
                                 backoff=0.01, retries=0))


def run(db, *urls):
    with fetcher() as f:
        return ingest_addresses(db, list(urls), fetcher=f)


def test_a_fetched_document_is_stored_with_its_provenance_and_bytes(db_url, site):
    db = Database.open(db_url)
    summary = run(db, site.url("/old"))
    assert [r.status for r in summary.results] == ["new"], summary.to_dict()
    with db.session() as s:
        d = s.scalar(select(DocumentRow))
        assert d.path == d.source_url == site.url("/old")
        assert d.final_url == site.url("/notice.html") and d.http_status == 200 and d.content_type == "text/html"
        assert d.retrieved_at is not None and d.version == 1
        assert d.doc_metadata["redirects"] == [site.url("/older"), site.url("/notice.html")]
        assert d.title == "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知"
        original = s.get(OriginalRow, d.sha256)
        assert original.data == site.pages["/notice.html"].body and original.size == len(original.data)
    assert summary.to_dict()["fetched"][0]["url"] == site.url("/old")
    check_invariants(db)


def test_unchanged_text_changes_nothing_and_changed_text_is_a_new_version(db_url, site, tmp_path):
    db = Database.open(db_url)
    text = src("huzhou_2024_plan.txt")
    site.pages["/changing.html"] = Page(body=html_bytes(text, tmp_path, "a.html"))
    assert run(db, site.url("/changing.html")).results[0].status == "new"
    with db.session() as s:
        first = s.scalar(select(DocumentRow).where(DocumentRow.source_url == site.url("/changing.html")))
    # the same text again, and the same text in changed furniture (a new footer, a visitor count)
    assert run(db, site.url("/changing.html")).results[0].status == "unchanged"
    site.pages["/changing.html"] = Page(body=html_bytes(text, tmp_path, "b.html", extra='<div class="footer">'
                                                        "浏览次数：1234 主办单位：湖州市人民政府办公室</div>"))
    assert run(db, site.url("/changing.html")).results[0].status == "unchanged"
    with db.session() as s:
        again = s.scalar(select(DocumentRow).where(DocumentRow.source_url == site.url("/changing.html")))
        assert (again.sha256, again.ingested_at, again.version) == (first.sha256, first.ingested_at, 1)
        assert s.scalar(select(func.count()).select_from(DocumentVersionRow)) == 0
    # a changed target: a new version of the same document, the earlier one kept as history
    assert "6%左右" in text
    changed = text.replace("6%左右", "6.5%左右", 1)
    site.pages["/changing.html"] = Page(body=html_bytes(changed, tmp_path, "c.html"))
    assert run(db, site.url("/changing.html")).results[0].status == "replaced"
    with db.session() as s:
        rows = list(s.scalars(select(DocumentRow).where(DocumentRow.source_url == site.url("/changing.html"))))
        assert len(rows) == 1 and rows[0].id == first.id and rows[0].version == 2
        history = list(s.scalars(select(DocumentVersionRow).where(DocumentVersionRow.document_id == first.id)))
        assert [(h.version, h.sha256) for h in history] == [(1, first.sha256)]
        assert "6%左右" in history[0].text and history[0].source_url == site.url("/changing.html")
        texts = set(s.scalars(select(TargetRow.text).where(TargetRow.document_id == first.id)))
        assert "6.5%左右" in texts
        assert s.get(OriginalRow, first.sha256) is not None and s.get(OriginalRow, rows[0].sha256) is not None
    check_invariants(db)


def test_an_attachment_is_stored_with_the_article_it_came_from(tmp_path, site):
    db = Database.open(tmp_path / "z.db")
    summary = run(db, site.url("/zwgk/art_2024_5.html"))
    assert [(r.status, r.url, r.via) for r in summary.results] == [
        ("new", site.url("/files/plan2024.pdf"), site.url("/zwgk/art_2024_5.html"))]
    with db.session() as s:
        d = s.scalar(select(DocumentRow))
        assert d.format == "pdf" and d.source_url == site.url("/files/plan2024.pdf")
        assert d.doc_metadata["article"]["url"] == site.url("/zwgk/art_2024_5.html")
        assert d.doc_type == "plan_notice" and d.region_name == "浙江省" and d.plan_year == 2024
        assert d.doc_number == "浙政发〔2024〕5号" and d.issued_on == "2024-01-30"


def test_failures_are_reported_per_address_and_the_rest_is_stored(tmp_path, site):
    db = Database.open(tmp_path / "z.db")
    summary = run(db, site.url("/missing.html"), site.url("/notice.html"), site.url("/private/plan.html"))
    assert [r.status for r in summary.results] == ["failed", "new", "failed"]
    assert "HTTP 404" in summary.results[0].error and "robots.txt" in summary.results[2].error


def test_a_known_file_fetched_from_an_address_gains_its_provenance(tmp_path, site):
    db = Database.open(tmp_path / "z.db")
    page = tmp_path / "notice.html"
    page.write_bytes(site.pages["/notice.html"].body)
    assert ingest(db, [page]).results[0].status == "new"
    assert run(db, site.url("/notice.html")).results[0].status == "unchanged"
    with db.session() as s:
        d = s.scalar(select(DocumentRow))
        assert d.source_url == site.url("/notice.html") and d.http_status == 200
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 1


def test_reindex_reads_a_fetched_document_without_the_network(tmp_path, site):
    db = Database.open(tmp_path / "z.db")
    run(db, site.url("/notice.html"))
    hits = len(site.hits)
    summary = reindex(db, everything=True)
    assert summary.count("replaced") == 1 and summary.results[0].targets > 0 and len(site.hits) == hits
    with db.session() as s:
        assert s.scalar(select(DocumentRow.source_url)) == site.url("/notice.html")


def test_address_lists():
    assert read_address_list("# plans\nhttp://a/1\n\n  http://a/2  \nhttp://a/1\n") == ["http://a/1", "http://a/2"]


def test_an_attachment_without_a_title_of_its_own_takes_the_articles(tmp_path, site):
    from docserver import Page
    from formats import write_docx

    db = Database.open(tmp_path / "z.db")
    plan = src("zhejiang_2024_plan.txt")
    table = plan[plan.index("类别\t"):]  # the targets table alone: no title, no issuer
    assert "浙江" not in table
    docx = write_docx(table, tmp_path / "table.docx").read_bytes()
    site.pages["/files/table.docx"] = Page(body=docx, content_type="application/octet-stream")
    site.pages["/zwgk/art_table.html"] = Page(body=site.pages["/zwgk/art_2024_5.html"].body.replace(
        b"/files/plan2024.pdf", b"/files/table.docx").replace("计划.pdf".encode(), "计划.docx".encode()))
    summary = run(db, site.url("/zwgk/art_table.html"))
    assert [r.status for r in summary.results] == ["new"], summary.to_dict()
    with db.session() as s:
        d = s.scalar(select(DocumentRow))
        assert d.format == "docx" and d.source_url == site.url("/files/table.docx")
        assert d.title == "浙江省人民政府关于下达2024年浙江省国民经济和社会发展计划的通知" and d.region_name == "浙江省"
        assert s.scalar(select(func.count()).select_from(TargetRow)) == 11


def test_a_doc_attachment_is_stored_with_its_own_title_and_region(tmp_path, site):
    from zhibiao.load import doc as doc_loader

    if not doc_loader.converters():
        pytest.skip("antiword is not installed (scripts/setup --system installs it)")
    db = Database.open(tmp_path / "z.db")
    assert run(db, site.url("/zwgk/art_doc.html")).results[0].status == "new"
    with db.session() as s:
        d = s.scalar(select(DocumentRow))
        assert d.format == "doc" and d.region_name == "湖州市" and d.doc_number == "湖政发〔2024〕3号"

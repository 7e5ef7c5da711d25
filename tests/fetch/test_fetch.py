"""Fetching from the tests' own web site on 127.0.0.1: each kind of page with its expected
outcome, politeness (robots.txt, User-Agent, per-host delay, retries) and limits."""
from __future__ import annotations

import pytest

from docserver import ARTICLE_TITLE, DocServer, Page
from docserver import fetch_settings as settings
from zhibiao.errors import FetchError
from zhibiao.fetch import Fetcher, fetch_address
from zhibiao.load import doc as doc_loader


def only(outcome):
    assert len(outcome.documents) == 1, [d.provenance.url for d in outcome.documents]
    return outcome.documents[0]


def test_utf8_article_is_the_document(site, fetcher):
    d = only(fetch_address(site.url("/notice.html"), fetcher))
    assert d.loaded.format == "html" and d.loaded.path == site.url("/notice.html")
    assert "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知" in d.loaded.text
    assert "主办单位" not in d.loaded.text  # the page's furniture is not the document
    p = d.provenance
    assert (p.url, p.final_url, p.http_status, p.content_type) == (site.url("/notice.html"),) * 2 + (200, "text/html")
    assert p.retrieved_at.endswith("Z") and p.redirects == [] and p.article is None
    assert d.original == site.pages["/notice.html"].body


def test_gbk_article_is_decoded(site, fetcher):
    d = only(fetch_address(site.url("/gbk/notice.html"), fetcher))
    assert d.loaded.encoding == "gb18030"
    assert "2025年湖州市国民经济和社会发展计划" in d.loaded.text
    assert "\ufffd" not in d.loaded.text


def test_article_with_a_pdf_attachment_gives_the_attachment_with_the_article_metadata(site, fetcher):
    outcome = fetch_address(site.url("/zwgk/art_2024_5.html"), fetcher)
    d = only(outcome)  # the article itself is a wrapper: two sentences and a link
    assert d.loaded.format == "pdf" and d.provenance.url == site.url("/files/plan2024.pdf")
    assert d.provenance.content_type == "application/pdf"
    article = d.provenance.article
    assert article["url"] == site.url("/zwgk/art_2024_5.html") and article["title"] == ARTICLE_TITLE
    assert article["date"] == "2024-01-30"
    assert d.loaded.metadata["发文字号"] == "浙政发〔2024〕5号" and d.loaded.metadata["ArticleTitle"] == ARTICLE_TITLE
    assert "新增高新技术企业5000家" in d.loaded.text.replace("\n", "")


def test_redirect_chain_is_followed_and_recorded(site, fetcher):
    d = only(fetch_address(site.url("/old"), fetcher))
    assert d.provenance.url == site.url("/old")
    assert d.provenance.redirects == [site.url("/older"), site.url("/notice.html")]
    assert d.provenance.final_url == site.url("/notice.html")


def test_redirect_loop_stops_at_the_limit(site):
    with Fetcher(settings(max_redirects=3)) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        fetch_address(site.url("/loop"), f)


def test_robots_txt_forbids_a_path_and_nothing_is_fetched(site, fetcher):
    before = site.count("/private/plan.html")
    with pytest.raises(FetchError, match="robots.txt .* forbids this path"):
        fetch_address(site.url("/private/plan.html"), fetcher)
    assert site.count("/private/plan.html") == before


def test_a_redirect_into_a_forbidden_path_is_refused_too(site, fetcher):
    site.pages["/to-forbidden"] = Page(302, b"", headers={"Location": "/private/plan.html"})
    with pytest.raises(FetchError, match="forbids this path.*redirected to"):
        fetch_address(site.url("/to-forbidden"), fetcher)


def test_slow_server_times_out_after_the_retries(site):
    before = site.count("/slow.html")
    with Fetcher(settings(timeout=0.3, retries=1)) as f, pytest.raises(FetchError, match=r"timed out after 0.3 s, 2"):
        fetch_address(site.url("/slow.html"), f)
    assert site.count("/slow.html") - before == 2  # tried, then retried once


def test_404_is_a_clear_error(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetch_address(site.url("/missing.html"), fetcher)


def test_a_server_error_is_retried_with_backoff(site, fetcher):
    d = only(fetch_address(site.url("/flaky.html"), fetcher))
    assert d.provenance.http_status == 200 and site.count("/flaky.html") == 2


@pytest.mark.parametrize("path", ["/files/big.pdf", "/files/stream.pdf"])
def test_an_oversized_file_is_refused_with_the_limit(site, path):
    with Fetcher(settings(max_bytes=1_000_000)) as f, pytest.raises(FetchError, match=r"over the 1 MB limit"):
        fetch_address(site.url(path), f)


def test_an_image_is_not_a_document(site, fetcher):
    with pytest.raises(FetchError, match=r"not a document \(content type image/png; one of TXT, HTML, PDF, DOCX, DOC, WPS\)"):
        fetch_address(site.url("/logo.png"), fetcher)


def test_an_index_page_is_not_a_document(site, fetcher):
    with pytest.raises(FetchError, match="not a document: the page has almost no text of its own"):
        fetch_address(site.url("/zwgk/"), fetcher)


def test_a_javascript_challenge_is_refused_with_a_clear_message(site, fetcher):
    with pytest.raises(FetchError, match="needs JavaScript or a browser check"):
        fetch_address(site.url("/challenge.html"), fetcher)


def test_a_script_only_page_served_with_200_is_refused_too(site, fetcher):
    site.pages["/app.html"] = Page(body=b"<html><head><script src='/app.js'></script></head><body>"
                                        b"<noscript>\xe8\xaf\xb7\xe5\xbc\x80\xe5\x90\xafJavaScript</noscript>"
                                        b"<div id='app'></div></body></html>")
    with pytest.raises(FetchError, match="needs JavaScript"):
        fetch_address(site.url("/app.html"), fetcher)


def test_a_doc_attachment_is_read_through_the_converter(site, fetcher):
    if not doc_loader.converters():
        pytest.skip("antiword is not installed (scripts/setup --system installs it); tests/load/test_doc.py says more")
    d = only(fetch_address(site.url("/zwgk/art_doc.html"), fetcher))
    assert d.loaded.format == "doc" and d.provenance.content_type == "application/msword"
    assert d.provenance.article["url"] == site.url("/zwgk/art_doc.html")
    assert "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知" in d.loaded.text


def test_an_unreadable_doc_is_refused_with_what_to_do(site, fetcher, monkeypatch):
    with pytest.raises(FetchError, match="Word 97-2003 \\(.doc\\) file could not be read|install antiword"):
        fetch_address(site.url("/files/old.doc"), fetcher)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(FetchError, match="install antiword or LibreOffice"):
        fetch_address(site.url("/files/plan2024.doc"), fetcher)


def test_a_wps_file_is_refused_with_a_clear_message(site, fetcher):
    site.pages["/files/report.wps"] = Page(body=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600,
                                           content_type="application/octet-stream")
    with pytest.raises(FetchError, match=r"WPS Office \(.wps\)"):
        fetch_address(site.url("/files/report.wps"), fetcher)


def test_only_http_addresses(fetcher):
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch_address(url, fetcher)


def test_user_agent_and_per_host_delay(site):
    start = len(site.hits)
    with Fetcher(settings(delay=0.3)) as f:
        for _ in range(3):
            fetch_address(site.url("/notice.html"), f)
    hits = site.hits[start:]
    assert all(h.user_agent.startswith("zhibiao/") for h in hits)
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert len(hits) >= 3 and min(gaps) >= 0.29  # robots.txt (once per host), then the page three times


def test_robots_crawl_delay_is_honoured(tmp_path):
    server = DocServer()
    try:
        server.pages["/robots.txt"] = Page(body=b"User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
        server.pages["/a.txt"] = Page(body="二〇二四年计划：地区生产总值增长5%左右。".encode() * 10,
                                      content_type="text/plain; charset=utf-8")
        with Fetcher(settings(delay=0.0)) as f:
            fetch_address(server.url("/a.txt"), f)
            fetch_address(server.url("/a.txt"), f)
        pages = [h for h in server.hits if h.path == "/a.txt"]
        assert pages[1].at - pages[0].at >= 0.39
    finally:
        server.close()


def test_a_short_article_with_analytics_scripts_still_gives_its_attachment(site, fetcher):
    body = site.pages["/zwgk/art_2024_5.html"].body.replace(
        b"</body>", b"<script>var _hmt=[];</script><noscript><img src='/stat.gif'></noscript></body>")
    site.pages["/zwgk/art_scripts.html"] = Page(body=body)
    d = only(fetch_address(site.url("/zwgk/art_scripts.html"), fetcher))
    assert d.loaded.format == "pdf"


def test_attachments_behind_a_download_script(site, fetcher):
    site.pages["/module/download/downfile.jsp"] = Page(body=site.pages["/files/plan2024.pdf"].body,
                                                       content_type="application/octet-stream",
                                                       headers={"Content-Disposition": 'attachment; filename="plan.pdf"'})
    body = site.pages["/zwgk/art_2024_5.html"].body.replace(
        b'href="/files/plan2024.pdf"', b'href="/module/download/downfile.jsp?classid=0&filename=2402051.pdf"')
    site.pages["/zwgk/art_download.html"] = Page(body=body)
    d = only(fetch_address(site.url("/zwgk/art_download.html"), fetcher))
    assert d.loaded.format == "pdf" and d.provenance.url.endswith("filename=2402051.pdf")


def test_a_huge_robots_txt_is_read_up_to_its_limit():
    server = DocServer()
    try:
        server.pages["/robots.txt"] = Page(body=b"User-agent: *\nDisallow: /private/\n" + b"#" * 700_000,
                                           content_type="text/plain")
        server.pages["/a.txt"] = Page(body="二〇二四年计划：地区生产总值增长5%左右。".encode() * 10,
                                      content_type="text/plain; charset=utf-8")
        server.pages["/private/a.txt"] = server.pages["/a.txt"]
        with Fetcher(settings()) as f:
            assert only(fetch_address(server.url("/a.txt"), f)).loaded.format == "txt"
            with pytest.raises(FetchError, match="forbids"):
                fetch_address(server.url("/private/a.txt"), f)
    finally:
        server.close()

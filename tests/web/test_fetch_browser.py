"""Add by address, and the address as the source, in a real browser (Debian's chromium through
Playwright); the documents come from the tests' own web site on 127.0.0.1."""
from __future__ import annotations

import pytest

from docserver import ARTICLE_TITLE, DocServer, build_site
from test_browser import SHOTS, TOKEN, _serve, browser, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


@pytest.fixture(scope="module")
def fetch_server(tmp_path_factory):
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    yield from _serve(create_app(Database.open(tmp_path_factory.mktemp("fb") / "f.db"), token=TOKEN))


def test_add_by_address_then_read_the_source(page, fetch_server, site):  # noqa: F811
    article, notice = site.url("/zwgk/art_2024_5.html"), site.url("/notice.html")
    page.goto(f"{fetch_server}/upload")
    page.fill("#addresses", f"{article}\n{notice}\n{site.url('/private/plan.html')}")
    page.fill("#fetch-token", TOKEN)
    page.click("#fetch-btn")
    page.wait_for_selector("#fetch-message[data-done='1']", timeout=60_000)
    results = page.locator("#fetch-results li")
    assert results.count() == 3
    texts = results.all_inner_texts()
    assert any("robots.txt" in t for t in texts) and sum(t.startswith("新入库") for t in texts) == 2
    page.screenshot(path=str(SHOTS / "fetch-upload.png"), full_page=True)
    page.locator("#fetch-results a", has_text="浙江省").click()
    page.wait_for_selector("#doctext[data-ready='1']")
    assert page.locator("#source-url").inner_text() == site.url("/files/plan2024.pdf")
    assert page.locator(f"#provenance a[href='{article}']").inner_text() == ARTICLE_TITLE
    assert "[EB/OL]" in page.locator("#citation").inner_text()
    page.locator("#lines button.cite").first.click()
    cited = page.locator("#lines .citation").first.inner_text()
    assert site.url("/files/plan2024.pdf") in cited and cited.startswith("“")
    page.screenshot(path=str(SHOTS / "fetch-reader.png"), full_page=True)
    page.goto(f"{fetch_server}/region/330000/2024")
    first = page.locator("#scorecard a.source-url").first
    assert first.inner_text() == site.url("/files/plan2024.pdf")
    page.locator("#scorecard details.cite summary").first.click()
    assert "浙政发〔2024〕5号" in page.locator("#scorecard details.cite p.citation").first.inner_text()
    page.screenshot(path=str(SHOTS / "fetch-scorecard.png"), full_page=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_jobs_failures_are_said_in_the_page_s_language(page, fetch_server, site, lang):  # noqa: F811
    """An address that failed is said in the page's language, as an upload's refusal is (the job's
    results were English only): robots.txt's refusal and a missing page."""
    page.goto(f"{fetch_server}/upload?lang={lang}")
    page.fill("#addresses", f"{site.url('/private/plan.html')}\n{site.url('/no-such-page.html')}")
    page.fill("#fetch-token", TOKEN)
    page.click("#fetch-btn")
    page.wait_for_selector("#fetch-message[data-done='1']", timeout=60_000)
    texts = page.locator("#fetch-results li").all_inner_texts()
    page.screenshot(path=str(SHOTS / f"fetch-failures-{lang}.png"), full_page=True)
    robots, missing = texts
    if lang == "zh":
        assert robots.startswith(f"失败：{site.url('/private/plan.html')}：") and "的 robots.txt 禁止爬虫访问此路径" in robots
        assert missing == f"失败：{site.url('/no-such-page.html')}：服务器答复 HTTP 404 Not Found，未取得文件"
    else:
        assert "forbids this path to crawlers" in robots
        assert missing == f"failed: {site.url('/no-such-page.html')}: HTTP 404 Not Found"


@pytest.mark.parametrize("lang, said", [("zh", "失败：'gov.example/plan'：不是 http 或 https 地址"),
                                        ("en", "Failed: 'gov.example/plan': not an http or https address")])
def test_an_address_refused_is_said_in_the_page_s_language(page, fetch_server, lang, said):  # noqa: F811
    """The form's own refusals (not an address, a wrong token) in the page's language, as an
    upload's (the page asks /api/v1/fetch?lang=…)."""
    page.goto(f"{fetch_server}/upload?lang={lang}")
    page.fill("#addresses", "gov.example/plan")
    page.fill("#fetch-token", TOKEN)
    page.click("#fetch-btn")
    page.wait_for_selector("#fetch-message:not(:empty)")  # (a CSS wait: the page's CSP forbids eval)
    assert page.inner_text("#fetch-message") == said
    assert page.get_attribute("#fetch-message", "class") == "error-text"  # (in red, as an upload's refusal)
    page.screenshot(path=str(SHOTS / f"fetch_refused_{lang}.png"))
    page.context.clear_cookies()  # (no session the token above may have left)
    page.goto(f"{fetch_server}/upload?lang={lang}")
    page.fill("#addresses", "http://gov.example/plan")
    page.fill("#fetch-token", "wrong")
    page.click("#fetch-btn")
    page.wait_for_selector("#fetch-message:not(:empty)")  # (a CSS wait: the page's CSP forbids eval)
    assert page.inner_text("#fetch-message") == ("失败：需要有效的写入令牌（token）" if lang == "zh" else
                                                 "Failed: a valid token is required for this request")

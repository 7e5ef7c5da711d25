"""Under the Content-Security-Policy (scripts: this site's files and inline scripts with the
response's nonce), every page still works in a real browser — charts drawn, tables sortable, the
API docs (Swagger UI, ReDoc) rendered — with no violation reported; and the session cookie lets a
browser user who gave the token once keep saving."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from appserver import served
from paths import EXAMPLES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "csp-token"
pytestmark = pytest.mark.browser

PLAN = ("嘉善县人民政府关于下达2025年嘉善县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
        "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t7%左右\n2\t城镇调查失业率\t5%以内\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path_factory.mktemp("csp") / "c.db")
    ingest(db, [EXAMPLES])
    with served(create_app(db, token=TOKEN)) as live:
        yield live.url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is missing on CI: scripts/setup --system installs it")
        pytest.skip("Debian's chromium is not installed (scripts/setup --system installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                                              "--disable-background-networking"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.violations = []
    # (ReDoc's footer asks for its logo from cdn.redoc.ly: blocked, as it would be offline; not ours)
    pg.on("console", lambda m: pg.violations.append(m.text) if "Content Security Policy" in m.text
          and "cdn.redoc.ly" not in m.text else None)
    pg.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                       "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
    yield pg
    ctx.close()


@pytest.mark.parametrize("url, ready", [
    ("/api/v1/docs", ".swagger-ui .info .title"),
    ("/api/v1/redoc", "redoc-wrap, .redoc-wrap, [role=navigation], h1"),
    ("/indicator/gdp_growth?region=330500", ".js-plotly-plot .main-svg"),
    ("/region/330500/2024", "table.datatable thead th"),
    ("/region/330000/2024/grid", "table"),
    ("/upload", "#drop-zone"),
])
def test_pages_work_under_the_policy(page, server, url, ready):
    response = page.goto(f"{server}{url}")
    assert "nonce-" in response.headers["content-security-policy"]
    page.wait_for_selector(ready, timeout=30_000)
    page.wait_for_timeout(500)
    assert page.violations == [], page.violations


def test_the_docs_list_the_api(page, server):
    page.goto(f"{server}/api/v1/docs")
    page.get_by_text("/api/v1/status", exact=True).first.wait_for(timeout=30_000)
    assert page.violations == []


def test_an_injected_inline_script_does_not_run(page, server):
    """What the policy is for: a script without the nonce (as an injected one would be) is blocked."""
    page.goto(f"{server}/upload")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1';"
                  " document.body.appendChild(s); }")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.pwned") is None
    assert page.violations  # and the browser reported it


def test_the_token_given_once_keeps_saving(page, server, tmp_path):
    first, second = tmp_path / "jiashan.txt", tmp_path / "jiaxing.txt"
    first.write_text(PLAN, encoding="utf-8")
    second.write_text(PLAN.replace("嘉善县", "平湖市"), encoding="utf-8")
    page.goto(f"{server}/upload")
    page.set_input_files("#file", str(first))
    page.fill("#token", TOKEN)
    page.click("#save-btn")
    page.wait_for_selector("#saved-link", timeout=60_000)
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["zhibiao_session"]["httpOnly"] and cookies["zhibiao_session"]["sameSite"] == "Strict"
    page.goto(f"{server}/upload")  # a new page: the token field is empty
    page.set_input_files("#file", str(second))
    assert page.input_value("#token") == ""
    page.click("#save-btn")
    page.wait_for_selector("#saved-link", timeout=60_000)
    assert page.violations == []

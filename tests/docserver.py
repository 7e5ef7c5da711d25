"""A local web site of government-style pages for the fetching tests, on the loopback address
only: articles in UTF-8 and GBK, an article whose document is a PDF attachment (built here with
reportlab), a redirect chain, a robots.txt that forbids a path, a slow page, a 404, an oversized
file, a challenge page, and pages that are not documents. Every request is recorded."""
from __future__ import annotations

import ipaddress
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from formats import doc_bytes, write_html, write_pdf
from paths import EXAMPLES

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)  # where the tests' fetching is confined


@dataclass
class Hit:
    path: str
    at: float
    user_agent: str


@dataclass
class Page:
    status: int = 200
    body: bytes | Callable[[], bytes] = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    length: int | None = None  # a Content-Length to declare instead of the body's


class DocServer:
    def __init__(self, host: str = "127.0.0.1"):
        self.pages: dict[str, Page | Callable[[], Page]] = {}
        self.hits: list[Hit] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server.hits.append(Hit(self.path, time.monotonic(), self.headers.get("user-agent", "")))
                page = server.pages.get(self.path.split("?", 1)[0])
                page = page() if callable(page) else page
                if page is None:
                    page = Page(404, "<html><body><h1>404 页面不存在</h1></body></html>".encode())
                if page.delay:
                    time.sleep(page.delay)
                body = page.body() if callable(page.body) else page.body
                try:
                    self.send_response(page.status)
                    self.send_header("Content-Type", page.content_type)
                    self.send_header("Content-Length", str(page.length if page.length is not None else len(body)))
                    for k, v in page.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:  # a client hanging up is no error here
                import sys

                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self.httpd = Server((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def count(self, path: str) -> int:
        return sum(1 for h in self.hits if h.path.split("?", 1)[0] == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def src(name: str) -> str:
    path = EXAMPLES / "src" / name if (EXAMPLES / "src" / name).exists() else EXAMPLES / name
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def html_bytes(text: str, tmp: Path, name: str, metadata: dict | None = None, encoding: str = "utf-8",
               extra: str = "") -> bytes:
    page = write_html(text, tmp / name, metadata).read_text("utf-8")
    title = next((ln.strip() for ln in text.splitlines() if "关于" in ln or "计划" in ln), "文件")
    page = page.replace("<title>文件_", f"<title>{title}_")  # as sites title their pages
    if extra:
        page = page.replace('<div class="share">', extra + '<div class="share">')
    if encoding != "utf-8":
        page = page.replace('<meta charset="utf-8">', f'<meta charset="{encoding}">')
    return page.encode(encoding)


ARTICLE_TITLE = "浙江省人民政府关于下达2024年浙江省国民经济和社会发展计划的通知"


def build_site(server: DocServer, tmp: Path) -> DocServer:
    """The pages every fetching test uses (``server.pages`` can be changed by a test)."""
    notice = html_bytes(src("huzhou_2024_plan.txt"), tmp, "notice.html", {"发文字号": "湖政发〔2024〕3号"})
    gbk = html_bytes(src("huzhou_2025_plan.txt"), tmp, "gbk.html", encoding="gbk")
    pdf = write_pdf(src("zhejiang_2024_plan.txt"), tmp / "plan2024.pdf").read_bytes()
    article = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{ARTICLE_TITLE}_浙江省人民政府门户网站</title>
<meta name="ArticleTitle" content="{ARTICLE_TITLE}"><meta name="PubDate" content="2024-02-02 10:00">
</head><body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<table class="meta"><tr><td>索引号：</td><td>002482410/2024-00012</td><td>发文字号：</td><td>浙政发〔2024〕5号</td></tr>
<tr><td>发布机构：</td><td>浙江省人民政府</td><td>成文日期：</td><td>2024-01-30</td></tr></table>
<div id="zoom"><h1>{ARTICLE_TITLE}</h1><p>各市、县（市、区）人民政府，省政府直属各单位：现将计划印发给你们，请认真组织实施。</p>
<p>附件：<a href="/files/plan2024.pdf">2024年浙江省国民经济和社会发展计划.pdf</a></p></div>
<div class="footer">主办单位：浙江省人民政府办公厅 网站标识码：3300000001</div></body></html>""".encode()
    doc_article = article.replace(b"/files/plan2024.pdf", b"/files/plan2024.doc").replace(
        "2024年浙江省国民经济和社会发展计划.pdf".encode(), "2024年湖州市国民经济和社会发展计划.doc".encode()).replace(
        ARTICLE_TITLE.encode(), "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知".encode()).replace(
        "浙政发〔2024〕5号".encode(), "湖政发〔2024〕3号".encode())
    listing = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>政策文件</title></head><body><ul>" + "".join(
        f"<li><a href='/zwgk/art_{i}.html'>关于做好第{i}批重点项目建设工作的通知</a></li>" for i in range(30))
        + "</ul></body></html>").encode()
    challenge = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><meta id='9DhefwqGPrzGxEp9hPaoag' content='x'>"
                 b"<script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=12345;</script>"
                 b"<script src='/4QbVtADbnLVIc/c.FxJzG50F.dfe1675.js'></script></head><body></body></html>")
    flaky = {"n": 0}

    def flaky_page() -> Page:
        flaky["n"] += 1
        return Page(503, b"busy") if flaky["n"] == 1 else Page(body=notice)

    server.pages.update({
        "/robots.txt": Page(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/notice.html": Page(body=notice),
        "/gbk/notice.html": Page(body=gbk, content_type="text/html; charset=GBK"),
        "/zwgk/art_2024_5.html": Page(body=article),
        "/files/plan2024.pdf": Page(body=pdf, content_type="application/pdf"),
        "/zwgk/art_doc.html": Page(body=doc_article),
        "/files/plan2024.doc": Page(body=doc_bytes(src("huzhou_2024_plan.txt")), content_type="application/msword"),
        "/old": Page(301, b"", headers={"Location": "/older"}),
        "/older": Page(302, b"", headers={"Location": "/notice.html"}),
        "/loop": Page(302, b"", headers={"Location": "/loop"}),
        "/private/plan.html": Page(body=notice),
        "/slow.html": Page(body=notice, delay=2.0),
        "/files/big.pdf": Page(body=b"%PDF-1.4\n" + b"0" * 2_000_000, content_type="application/pdf"),
        "/files/stream.pdf": Page(body=b"%PDF-1.4\n" + b"0" * 2_000_000, content_type="application/pdf",
                                  length=None),
        "/logo.png": Page(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png"),
        "/zwgk/": Page(body=listing),
        "/challenge.html": Page(412, challenge),
        "/flaky.html": flaky_page,
        "/files/old.doc": Page(body=OLE + b"\x00" * 1000, content_type="application/msword"),
        "/to-private": Page(302, b"", headers={"Location": "http://127.0.0.2:9/secret"}),
    })
    return server


def fetch_settings(**changes):
    """Fetch settings for the tests: the loopback network only, no delays, quick retries."""
    import ipaddress

    from zhibiao.fetch import FetchSettings

    base = dict(allow_private=True, networks=(ipaddress.ip_network("127.0.0.0/8"),), delay=0.0, backoff=0.01,
                timeout=5.0, retries=1)
    return FetchSettings(**(base | changes))

"""The server's front door (issue 17.4, 17.7): writes authorised from their headers before a byte
of the body is read, bodies bounded, the session cookie SameSite=Strict with the Origin checked,
security headers with a CSP nonce on every response, and the small holes of 17.7 (a non-ASCII
token, odd upload names, /static/%00, temporary folders, a deleted upload's file)."""
from __future__ import annotations

import json
import re
import socket
import tempfile
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from appserver import served
from paths import EXAMPLES
from zhibiao.store import Database
from zhibiao.ingest import ingest
from zhibiao.web.app import create_app
from zhibiao.web.guard import SESSION_COOKIE, session_value

TOKEN = "guard-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
PLAN = ("嘉善县人民政府关于下达2025年嘉善县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
        "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t7%左右\n2\t城镇调查失业率\t5%以内\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    database = Database.open(tmp_path_factory.mktemp("guard") / "g.db")
    assert ingest(database, [EXAMPLES]).count("failed") == 0
    return database


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, token=TOKEN, max_upload_mb=0.05)) as c:
        yield c


@pytest.fixture(scope="module")
def readonly(db):
    with TestClient(create_app(db, token=None)) as c:
        yield c


@pytest.fixture(scope="module")
def live(db):
    with served(create_app(db, token=TOKEN, max_upload_mb=1)) as live_server:
        yield live_server.port


def _raw(port: int, head: str, body: bytes = b"", wait: float = 10.0) -> tuple[int, bytes]:
    """Send a request by hand (headers first, maybe no body at all); the status and reply."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(head.encode("latin-1") + body)
        data = b""
        try:
            while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + _length(data):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            pass
    return int(data.split(b" ", 2)[1]), data


def _length(data: bytes) -> int:
    m = re.search(rb"content-length: (\d+)", data.lower())
    return int(m.group(1)) if m else 0


# ------------------------------------------------------------------ authorise before reading

def test_a_write_without_the_token_is_refused_before_its_body_is_sent(live):
    """200 MB announced, not one byte sent: the answer comes from the headers alone."""
    started = time.monotonic()
    status, reply = _raw(live, "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 200000000\r\n\r\n")
    assert status == 401 and b"token" in reply
    assert time.monotonic() - started < 5  # not waiting for a body that never comes


def test_an_oversized_body_is_refused_from_its_length(live):
    for path in ("/api/v1/extract", "/api/v1/export", "/api/v1/corrections"):
        status, reply = _raw(live, f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
                                   "Content-Type: application/json\r\nContent-Length: 200000000\r\n\r\n")
        assert status == 413, (path, reply)


def test_a_body_without_a_length_is_cut_at_the_limit(live):
    """Chunked: the server reads up to the limit (5 MB for JSON) and answers 413, holding no more."""
    head = ("POST /api/v1/export HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"[" + b"1," * 500_000  # 1 MB
    body = b"".join(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n" for _ in range(7))
    status, reply = _raw(live, head, body)
    assert status == 413 and b"MB" in reply


def test_a_read_only_server_refuses_every_write_from_its_headers(readonly):
    assert readonly.post("/api/v1/documents", files={"file": ("p.txt", PLAN.encode(), "text/plain")}).status_code == 403
    assert readonly.post("/api/v1/corrections", json={"document_id": 1}).status_code == 403
    assert readonly.delete("/api/v1/documents/1").status_code == 403


@pytest.mark.parametrize("header", [
    {"authorization": "Bearer tökén"}, {"authorization": "Bearer \u4e2d\u6587"}, {"x-zhibiao-token": "ü" * 50},
    {"authorization": "Bearer " + "x" * 10_000}, {"cookie": f"{SESSION_COOKIE}=é"}, {"authorization": "Basic abc"}])
def test_odd_tokens_are_refused_never_a_500(client, header):
    headers = {k: v.encode("utf-8") for k, v in header.items()}  # raw UTF-8 bytes, as a client may send
    r = client.post("/api/v1/corrections", json={"document_id": 1, "line_type": "target", "index": 0,
                                                 "action": "confirm"}, headers=headers)
    assert r.status_code == 401


# ------------------------------------------------------------------ the session cookie

def test_the_session_cookie_is_strict_and_checked_against_the_origin(db):
    with TestClient(create_app(db, token=TOKEN), base_url="http://testserver") as c:
        assert c.post("/api/v1/session", json={"token": "wrong"}).status_code == 401
        r = c.post("/api/v1/session", json={"token": TOKEN})
        assert r.status_code == 200
        cookie = r.headers["set-cookie"].lower()
        assert f"{SESSION_COOKIE}=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
        assert TOKEN not in r.headers["set-cookie"]  # the cookie is not the token
        assert c.get("/api/v1/session").json() == {"writable": True, "remembered": True}
        body = {"document_id": 10**9, "line_type": "target", "index": 0, "action": "confirm"}
        # from this site's own pages: allowed (404: no such document, the write itself was authorised)
        assert c.post("/api/v1/corrections", json=body, headers={"origin": "http://testserver"}).status_code == 404
        assert c.post("/api/v1/corrections", json=body,
                      headers={"referer": "http://testserver/document/1"}).status_code == 404
        # from elsewhere, or saying nothing of where it comes from: refused
        for h in ({"origin": "http://evil.example"}, {"referer": "http://evil.example/x"}, {},
                  {"origin": "null"}):
            assert c.post("/api/v1/corrections", json=body, headers=h).status_code == 403, h
        c.delete("/api/v1/session")
        assert c.post("/api/v1/corrections", json=body, headers={"origin": "http://testserver"}).status_code == 401


def test_the_old_token_cookie_no_longer_opens_writes(db):
    with TestClient(create_app(db, token=TOKEN)) as c:
        c.cookies.set("zhibiao_token", TOKEN)
        r = c.post("/api/v1/corrections", json={"document_id": 1, "line_type": "target", "index": 0,
                                                "action": "confirm"}, headers={"origin": "http://testserver"})
        assert r.status_code == 401
    assert session_value(TOKEN) != session_value(TOKEN + "x")


# ------------------------------------------------------------------ headers

def test_every_response_carries_the_security_headers(client):
    for url in ("/", "/region/330500/2024", "/api/v1/documents", "/static/style.css", "/nowhere", "/api/v1/nowhere",
                "/api/v1/docs", "/api/v1/redoc", "/upload"):
        r = client.get(url)
        csp = r.headers.get("content-security-policy", "")
        assert "script-src 'self' 'nonce-" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY", url


def test_every_inline_script_carries_the_nonce_and_no_handler_is_inline(client, db):
    doc = client.get("/api/v1/documents").json()["rows"][0]["id"]
    pages = ["/", "/region/330500/2024", "/indicator/gdp_growth?region=330500", "/compare/years?region=湖州市&year=2025",
             "/compare/regions?indicator=gdp_growth&year=2024", "/compare/levels?region=浙江省&year=2024",
             f"/document/{doc}", "/upload", "/review", "/api/v1/docs", "/api/v1/redoc", "/search?q=湖州",
             "/indicators", "/region/330000/2024/grid", "/region/330500"]
    for url in pages:
        r = client.get(url)
        if r.status_code == 404:
            continue
        assert r.status_code == 200, url
        nonce = re.search(r"'nonce-([^']+)'", r.headers["content-security-policy"]).group(1)
        for tag in re.findall(r"<script\b[^>]*>", r.text):
            if "src=" in tag or "application/json" in tag:
                continue
            assert f'nonce="{nonce}"' in tag, (url, tag)
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", r.text), url  # onclick=, onchange=…: blocked by the CSP


# ------------------------------------------------------------------ 17.7's small holes

@pytest.mark.parametrize("name", ["plan\x00.txt", "a" * 300 + ".txt", "名" * 200 + ".txt", "\u202etxt.exe.txt",
                                  "../../x/.txt", "", "CON.txt", "\x1b[2J.txt"])
def test_any_upload_name_is_an_answer_never_a_500(client, name):
    r = client.post("/api/v1/extract", files={"file": (name, PLAN.encode(), "text/plain")})
    assert r.status_code in (200, 422), (name, r.status_code)
    if r.status_code == 200:
        shown = r.json()["document"]["source"]
        assert "/" not in shown and "\x00" not in shown and len(shown) <= 100


HUGE = "9" * 30


@pytest.mark.parametrize("url", [
    f"/compare/years?region=330500&year={HUGE}", f"/compare/regions?indicator=gdp_growth&year={HUGE}",
    f"/compare/levels?region=330000&year={HUGE}", f"/indicator/gdp_growth?year={HUGE}", f"/region/330500/{HUGE}",
    f"/region/330500/{HUGE}/grid", f"/document/{HUGE}", f"/api/v1/status?region=330500&year={HUGE}",
    f"/api/v1/compare/years?region=330500&year={HUGE}", f"/api/v1/documents/{HUGE}",
    "/api/v1/documents?_next=%C2%B2", "/api/v1/targets?_next=%C2%B2", "/api/v1/compare/regions?indicator=gdp_growth"
    "&year=2024&_size=2&_next=%C2%B2", "/api/v1/documents?_size=" + HUGE])
def test_huge_years_and_odd_page_tokens_are_answers_never_a_500(client, url):
    """Issue 17.7: a huge year on the compare and indicator pages (OverflowError) and ``_next=²``
    (a digit int() accepts and base64 does not) answered 500."""
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text[:200])


@pytest.mark.parametrize("url", ["/static/%00", "/static/%00style.css", "/static/..%2F..%2Fapp.py",
                                 "/static/docs/%00", "/static/" + "a" * 5000])
def test_static_odd_names_are_404(client, url):
    assert client.get(url).status_code == 404


def test_no_temporary_folder_is_left_behind(db, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # this test's own temporary folder
    with TestClient(create_app(db, token=TOKEN)) as c:
        assert list(tmp_path.iterdir()) == []  # starting the server makes no folder
        files = {"file": ("jiashan.txt", PLAN.encode(), "text/plain")}
        assert c.post("/api/v1/extract", files=files).status_code == 200
        assert [p.name for p in tmp_path.iterdir()] == []  # the preview's folder is gone
        saved = c.post("/api/v1/documents", files=files, headers=AUTH).json()
        kept = [p for p in tmp_path.iterdir()]
        assert len(kept) == 1 and kept[0].name.startswith("zhibiao-uploads-")  # the server's upload folder only
        stored = list(kept[0].iterdir())
        assert len(stored) == 1
        assert c.delete(f"/api/v1/documents/{saved['id']}", headers=AUTH).status_code == 200
        assert not stored[0].exists()  # the deleted document's file went with it
    assert list(tmp_path.iterdir()) == []  # stopping the server removed its folder


def test_deleting_an_ingested_document_leaves_its_file_alone(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    database = Database.open(tmp_path / "x.db")
    ingest(database, [tmp_path / "plan.txt"])
    with TestClient(create_app(database, token=TOKEN)) as c:
        doc = c.get("/api/v1/documents").json()["rows"][0]["id"]
        assert c.delete(f"/api/v1/documents/{doc}", headers=AUTH).status_code == 200
    assert (tmp_path / "plan.txt").exists()


def test_no_file_path_in_any_api_answer(client, db):
    folder = str(EXAMPLES.resolve())
    for url in ("/api/v1/documents", "/api/v1/documents/1", "/api/v1/documents/1/text", "/api/v1/targets",
                "/api/v1/actuals", "/api/v1/status?region=湖州市&year=2024", "/api/v1/compare/years?region=湖州市&year=2025",
                "/api/v1/compare/levels?region=浙江省&year=2024", "/api/v1/citations?region=湖州市&year=2024",
                "/api/v1/review", "/api/v1/search?q=湖州"):
        r = client.get(url)
        assert folder not in r.text and "/tmp/" not in r.text, url


def test_a_database_failure_is_a_503_not_a_500(tmp_path):
    database = Database.open(tmp_path / "x.db")
    with TestClient(create_app(database, token=TOKEN), raise_server_exceptions=False) as c:
        (tmp_path / "x.db").unlink()
        (tmp_path / "x.db").mkdir()  # the file replaced under the running server
        database.engine.dispose()
        r = c.get("/api/v1/documents")
        assert r.status_code == 503 and "x.db" in r.json()["detail"]

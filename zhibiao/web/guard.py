"""The server's front door: what every request passes before a route sees it.

- **Authorise before reading.** A write (POST, PUT, PATCH, DELETE) to a route that stores
  something is refused — 403 on a read-only server, 401 without the token — from its headers
  alone, before a byte of its body is read or stored. The routes that store nothing (the upload
  preview, the tables' export, the session itself) are the only writes open to everyone.
- **Bounded bodies.** A body larger than its limit (an upload: the upload limit; anything else:
  ``max_json_mb``) is refused with 413 from its Content-Length, or, sent without one, as soon as
  the bytes read pass the limit: nothing unbounded is held in memory or written to disk.
- **The session cookie.** ``POST /api/v1/session`` with the token sets ``zhibiao_session``
  (HttpOnly, SameSite=Strict, Secure over HTTPS; a value derived from the token, never the token
  itself), so that a browser user who gave the token once can keep saving. A write carried by
  that cookie must come from this site: its Origin (or, without one, its Referer) is checked.
- **Security headers** on every response: a Content-Security-Policy whose scripts are this
  site's files and the inline scripts carrying this response's nonce (``request.state.csp_nonce``),
  X-Content-Type-Options, X-Frame-Options, Referrer-Policy.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from typing import Callable
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

SESSION_COOKIE = "zhibiao_session"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Writes that store nothing, open to everyone (each bounded like any other body).
OPEN_WRITES = frozenset({"/api/v1/extract", "/api/v1/export", "/api/v1/session"})
# (DELETE /api/v1/session only clears the cookie: open too, it changes nothing stored)
MULTIPART_OVERHEAD = 64 * 1024  # headers and boundaries around an upload's bytes


def session_value(token: str) -> str:
    """The cookie's value: derived from the token (so a stolen cookie is not the token, and a new
    token ends every session), the same for every worker process of the server."""
    return hmac.new(token.encode("utf-8"), b"zhibiao-session-1", hashlib.sha256).hexdigest()


def _same(a: bytes | str, b: bytes | str) -> bool:
    a = a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a
    b = b.encode("utf-8", "surrogateescape") if isinstance(b, str) else b
    return hmac.compare_digest(a, b)


def _headers(scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers") or []}


def _cookie(raw: bytes, name: str) -> str | None:
    for part in raw.decode("latin-1").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def credentials(headers: dict[bytes, bytes], token: str) -> str | None:
    """How a request proves it may write: "header" (Authorization: Bearer or X-Zhibiao-Token),
    "cookie" (the session), or None. Compared in constant time, as bytes (any header is safe)."""
    auth = headers.get(b"authorization", b"")
    supplied = auth[7:].strip() if auth[:7].lower() == b"bearer " else headers.get(b"x-zhibiao-token", b"")
    if supplied and _same(supplied, token):
        return "header"
    cookie = _cookie(headers.get(b"cookie", b""), SESSION_COOKIE)
    if cookie and _same(cookie, session_value(token)):
        return "cookie"
    return None


def own_origin(scope, headers: dict[bytes, bytes]) -> str:
    host = headers.get(b"host", b"").decode("latin-1")
    return f"{scope.get('scheme', 'http')}://{host}".lower()


def same_site(scope, headers: dict[bytes, bytes]) -> bool:
    """Whether a request comes from this site's own pages: its Origin, or without one its Referer."""
    mine = own_origin(scope, headers)
    origin = headers.get(b"origin", b"").decode("latin-1").lower()
    if origin:
        return origin == mine
    referer = headers.get(b"referer", b"").decode("latin-1")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}".lower() == mine
    return False


def content_security_policy(nonce: str) -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",  # Plotly sets styles on its elements
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class BodyTooLarge(HTTPException):
    """Raised while reading a body past its limit; an HTTPException, so that whichever layer is
    reading (the form parser, the JSON reader) lets it through as a 413."""

    def __init__(self, detail: str):
        super().__init__(413, detail)


class Guard:
    """ASGI middleware; ``settings()`` gives (token, upload limit in bytes, JSON limit in bytes)."""

    def __init__(self, app, settings: Callable[[], tuple[str | None, int, int]]):
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        token, max_upload, max_json = self.settings()
        headers = _headers(scope)
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["csp_nonce"] = nonce
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(b"content-security-policy", content_security_policy(nonce).encode()),
                         (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                         (b"referrer-policy", b"same-origin"), (b"cross-origin-opener-policy", b"same-origin")]
                have = {k.lower() for k, _v in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", [])) + [h for h in extra
                                                                                      if h[0] not in have]}
            await send(message)

        method, path = scope["method"].upper(), scope["path"]
        if method in WRITE_METHODS and path not in OPEN_WRITES:
            if not token:
                return await _refuse(send_with_headers, 403, _said(scope, "this server is read-only (start it with "
                                                                   "--token or ZHIBIAO_TOKEN to allow writes)"))
            how = credentials(headers, token)
            if how is None:
                return await _refuse(send_with_headers, 401, _said(scope, "a valid token is required for this request"))
            if how == "cookie" and not same_site(scope, headers):
                return await _refuse(send_with_headers, 403, _said(scope, "a write with the session cookie must come "
                                                                   "from this site's own pages (Origin checked)"))
            scope["state"]["writer"] = how
        multipart = headers.get(b"content-type", b"").lower().startswith(b"multipart/")
        limit = max_upload + MULTIPART_OVERHEAD if multipart else max_json
        what = (f"larger than the upload limit of {max_upload / 1e6:g} MB" if multipart else
                f"a request body over {max_json / 1e6:g} MB (ZHIBIAO_MAX_JSON_MB)")
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return await _refuse(send_with_headers, 400, "malformed Content-Length")
            if declared > limit:
                return await _refuse(send_with_headers, 413, what)
        seen = 0

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(what)
            return message

        try:
            await self.app(scope, bounded_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _refuse(send_with_headers, 413, what)


def _said(scope, message: str) -> str:
    """A refusal in the language the request asks for (``?lang=zh``: a page in Chinese), as an
    upload's refusals are (web/messages.py)."""
    from urllib.parse import parse_qs

    if parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang") != ["zh"]:
        return message
    from zhibiao.web.messages import said

    return said(message, "zh")


async def _refuse(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


# ------------------------------------------------------------------ the session

session_router = APIRouter(prefix="/api/v1", tags=["session"])


class SessionIn(BaseModel):
    token: str = Field(min_length=1, max_length=512, description="The server's write token")


@session_router.post("/session", summary="Remember the write token in this browser (a SameSite=Strict cookie)")
def start_session(request: Request, body: SessionIn):
    """Checks the token and sets the ``zhibiao_session`` cookie: HttpOnly, SameSite=Strict, Secure
    over HTTPS, for this browser session. Writes carried by the cookie must come from this site's
    own pages (their Origin is checked); scripts elsewhere cannot use it."""
    token = request.app.state.zhibiao.token
    if not token:
        raise HTTPException(403, "this server is read-only (start it with --token or ZHIBIAO_TOKEN to allow writes)")
    if not _same(body.token.strip(), token):
        raise HTTPException(401, "that is not this server's token")
    response = JSONResponse({"ok": True})
    response.set_cookie(SESSION_COOKIE, session_value(token), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@session_router.delete("/session", summary="Forget the write token in this browser")
def end_session(request: Request):
    response = JSONResponse({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/", samesite="strict", httponly=True)
    return response


@session_router.get("/session", summary="Whether this browser may write (the token was given and is remembered)")
def session_state(request: Request):
    token = request.app.state.zhibiao.token
    return {"writable": bool(token), "remembered": bool(token) and credentials(_headers(request.scope), token)
            == "cookie"}

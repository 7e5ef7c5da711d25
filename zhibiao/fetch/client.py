"""A polite, bounded HTTP client: robots.txt honoured, one host at a time with a delay between
requests, timeouts, retries with backoff, redirects followed within a limit and each one checked,
responses read up to the upload size limit. Every failure is a :class:`FetchError` naming the
address and the problem."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Callable

import httpx
from protego import Protego

from zhibiao.errors import FetchError
from zhibiao.fetch.guard import BlockedAddress, GuardedTransport
from zhibiao.fetch.settings import FetchSettings

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUS = (429, 500, 502, 503, 504)
MAX_ROBOTS_BYTES = 500_000  # what RFC 9309 asks crawlers to read at least
ACCEPT = ("text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument."
          "wordprocessingml.document,application/msword,text/plain;q=0.9,*/*;q=0.5")


@dataclass
class Response:
    url: str  # the address asked for
    final_url: str  # after redirects
    status: int
    reason: str
    content_type: str  # the media type, lower-case, without parameters ("" when the server sent none)
    headers: dict[str, str]
    data: bytes
    retrieved_at: str  # ISO 8601, UTC, to the second
    redirects: list[str] = field(default_factory=list)


def _utcnow() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


class Fetcher:
    """One per run: it remembers each host's robots.txt and when it last asked it something."""

    def __init__(self, settings: FetchSettings | None = None, on_wait: Callable[[str, float], None] | None = None):
        self.settings = settings or FetchSettings.from_env()
        self.on_wait = on_wait
        self.client = httpx.Client(
            transport=GuardedTransport(self.settings), follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.settings.user_agent, "Accept": ACCEPT,
                     "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
        self._robots: dict[str, Protego | None] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ public

    def get(self, url: str) -> Response:
        """The document at ``url`` after redirects, or a FetchError (refused, unreachable, HTTP
        error, over a limit). A 4xx/5xx answer is an error; the body of a challenge page is
        examined by the caller through ``FetchError.response``."""
        current = self._check_url(url, url)
        redirects: list[str] = []
        for _hop in range(self.settings.max_redirects + 1):
            self._check_robots(url, current)
            response = self._request(url, current)
            if response.status in REDIRECTS and response.headers.get("location"):
                nxt = str(httpx.URL(current).join(response.headers["location"]))
                current = self._check_url(url, nxt)
                redirects.append(current)
                continue
            response.url, response.redirects = url, redirects
            return response
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects (ZHIBIAO_FETCH_MAX_REDIRECTS)")

    # ------------------------------------------------------------------ steps

    @staticmethod
    def _check_url(asked: str, url: str) -> str:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, ValueError, TypeError) as exc:
            raise FetchError(asked, f"not a valid address: {exc}") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            where = "" if asked == url else f" (redirected to {url})"
            raise FetchError(asked, f"only http and https addresses can be fetched{where}")
        return str(parsed.copy_with(fragment=None))

    @staticmethod
    def _origin(url: str) -> str:
        u = httpx.URL(url)
        return f"{u.scheme}://{u.netloc.decode('ascii')}"

    def _wait_turn(self, url: str) -> None:
        """One request at a time per host, ``delay`` seconds apart (longer if robots.txt asks)."""
        origin = self._origin(url)
        robots = self._robots.get(origin)
        delay = self.settings.delay
        if robots is not None:
            crawl = robots.crawl_delay(self.settings.user_agent)
            if crawl:
                delay = max(delay, min(float(crawl), 60.0))
        with self._lock:
            wait = self._last.get(origin, float("-inf")) + delay - time.monotonic()
        if wait > 0:
            if self.on_wait:
                self.on_wait(origin, wait)
            time.sleep(wait)

    def _mark(self, url: str) -> None:
        with self._lock:
            self._last[self._origin(url)] = time.monotonic()

    def _check_robots(self, asked: str, url: str) -> None:
        origin = self._origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(asked, origin)
        robots = self._robots[origin]
        if robots is not None and not robots.can_fetch(url, self.settings.user_agent):
            where = "" if asked == url else f" (redirected to {url})"
            raise FetchError(asked, f"robots.txt of {origin} forbids this path to crawlers{where}: not fetched")

    def _read_robots(self, asked: str, origin: str) -> Protego | None:
        """RFC 9309: a robots.txt that is missing (4xx) allows everything; one that cannot be read
        (5xx, unreachable) forbids everything for now."""
        url = origin + "/robots.txt"
        for _hop in range(5):
            r = self._request(asked, url, limit=MAX_ROBOTS_BYTES, robots=True, truncate=True)
            if r.status in REDIRECTS and r.headers.get("location"):
                url = self._check_url(asked, str(httpx.URL(url).join(r.headers["location"])))
                continue
            break
        else:
            return None
        if r.status == 200:
            return Protego.parse(r.data.decode("utf-8", errors="replace"))
        if 400 <= r.status < 500:
            return None
        raise FetchError(asked, f"robots.txt of {origin} answered HTTP {r.status}: the site cannot say what "
                                "crawlers may fetch; try again later")

    def _request(self, asked: str, url: str, limit: int | None = None, robots: bool = False,
                 truncate: bool = False) -> Response:
        """One GET with retries: a timeout, a dropped connection, 429 and 5xx are tried again after
        a growing pause (Retry-After honoured up to 60 s)."""
        s = self.settings
        attempts = s.retries + 1
        for attempt in range(attempts):
            self._wait_turn(url)
            try:
                response = self._once(asked, url, limit or s.max_bytes, truncate)
            except BlockedAddress as exc:
                where = "" if self._origin(asked) == self._origin(url) else f" (redirected to {url})"
                raise FetchError(asked, f"{exc}{where}; nothing was sent") from None
            except httpx.TimeoutException:
                self._mark(url)
                if attempt + 1 < attempts:
                    self._pause(attempt, None)
                    continue
                what = "robots.txt" if robots else url
                raise FetchError(asked, f"{what} timed out after {s.timeout:g} s, {attempts} attempt(s) "
                                        "(ZHIBIAO_FETCH_TIMEOUT)") from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                self._mark(url)
                if attempt + 1 < attempts:
                    self._pause(attempt, None)
                    continue
                raise FetchError(asked, f"could not fetch {url}: {exc or type(exc).__name__} "
                                        f"({attempts} attempt(s))") from None
            finally:
                self._mark(url)
            if response.status in RETRY_STATUS and attempt + 1 < attempts:
                self._pause(attempt, response.headers.get("retry-after"))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, attempt: int, retry_after: str | None) -> None:
        pause = self.settings.backoff * (2 ** attempt)
        if retry_after:
            try:
                pause = float(retry_after)
            except ValueError:
                try:
                    pause = (parsedate_to_datetime(retry_after) - datetime.now(timezone.utc)).total_seconds()
                except (TypeError, ValueError):
                    pass
        time.sleep(max(0.0, min(pause, 60.0)))

    def _once(self, asked: str, url: str, limit: int, truncate: bool = False) -> Response:
        """One GET. Over ``limit`` bytes it stops: an error, or (``truncate``, for robots.txt, of
        which RFC 9309 asks crawlers to read the first 500 KiB) the first ``limit`` bytes."""
        s = self.settings
        started = time.monotonic()
        with self.client.stream("GET", url) as r:
            headers = {k.lower(): v for k, v in r.headers.items()}
            base = Response(url=url, final_url=url, status=r.status_code, reason=r.reason_phrase or "",
                            content_type=media_type(headers.get("content-type")), headers=headers, data=b"",
                            retrieved_at=_utcnow())
            if r.status_code in REDIRECTS:
                return base
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit and not truncate:
                raise FetchError(asked, f"{url} is {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit "
                                        "(ZHIBIAO_MAX_UPLOAD_MB); not downloaded")
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > limit and truncate:
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                if size > limit:
                    raise FetchError(asked, f"{url} is over the {limit / 1e6:g} MB limit (ZHIBIAO_MAX_UPLOAD_MB); "
                                            "download stopped")
                if time.monotonic() - started > s.max_seconds:
                    raise FetchError(asked, f"{url} took longer than {s.max_seconds:g} s to download "
                                            "(ZHIBIAO_FETCH_MAX_SECONDS)")
                chunks.append(chunk)
            base.data = b"".join(chunks)
            return base

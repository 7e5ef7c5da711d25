"""Fetch settings, read from the environment in this one place (to join zhibiao/settings.py).

| setting | default | meaning |
| --- | --- | --- |
| ZHIBIAO_FETCH_ALLOW_PRIVATE | off | 1: private, loopback and link-local addresses may be fetched; or a comma list of networks (10.2.0.0/16) that may |
| ZHIBIAO_FETCH_NETWORKS | any | a comma list of networks: no address outside them is ever fetched (the tests confine fetching to 127.0.0.0/8) |
| ZHIBIAO_FETCH_USER_AGENT | zhibiao/VERSION (…) | the User-Agent sent with every request |
| ZHIBIAO_FETCH_DELAY | 2 | seconds between two requests to one host (a robots.txt Crawl-delay, up to 60 s, wins when longer) |
| ZHIBIAO_FETCH_TIMEOUT | 30 | seconds to connect, and seconds without data while reading |
| ZHIBIAO_FETCH_MAX_SECONDS | 300 | seconds for one whole response |
| ZHIBIAO_FETCH_RETRIES | 2 | retries after a timeout, a dropped connection, HTTP 429 or 5xx |
| ZHIBIAO_FETCH_BACKOFF | 2 | seconds before the first retry, doubling (a Retry-After header, up to 60 s, wins) |
| ZHIBIAO_FETCH_MAX_REDIRECTS | 5 | redirects followed |
| ZHIBIAO_MAX_UPLOAD_MB | 20 | the largest response read, as for uploads |
| ZHIBIAO_FETCH_MAX_ATTACHMENTS | 5 | attachments followed from one article page |
"""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field

from zhibiao.errors import InputError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _number(name: str, default: float, low: float = 0.0) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"{name}={value!r} is not a number") from None
    if number < low or number != number:
        raise InputError(f"{name}={value!r} must be at least {low:g}")
    return number


def parse_networks(name: str, value: str) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def default_user_agent() -> str:
    from zhibiao import __version__

    return (f"zhibiao/{__version__} (development-plan target research; fetches public government documents; "
            "python-httpx)")


@dataclass(frozen=True)
class FetchSettings:
    allow_private: bool = False
    private_networks_allowed: tuple[Network, ...] = ()
    networks: tuple[Network, ...] = ()  # empty: any address (subject to allow_private)
    user_agent: str = field(default_factory=default_user_agent)
    delay: float = 2.0
    timeout: float = 30.0
    max_seconds: float = 300.0
    retries: int = 2
    backoff: float = 2.0
    max_redirects: int = 5
    max_bytes: int = 20_000_000
    max_attachments: int = 5

    @classmethod
    def from_env(cls) -> "FetchSettings":
        allow = os.environ.get("ZHIBIAO_FETCH_ALLOW_PRIVATE", "").strip()
        allow_all = allow.lower() in ("1", "true", "yes", "on")
        listed = () if allow_all or allow.lower() in ("", "0", "false", "no", "off") else \
            parse_networks("ZHIBIAO_FETCH_ALLOW_PRIVATE", allow)
        return cls(
            allow_private=allow_all, private_networks_allowed=listed,
            networks=parse_networks("ZHIBIAO_FETCH_NETWORKS", os.environ.get("ZHIBIAO_FETCH_NETWORKS", "")),
            user_agent=os.environ.get("ZHIBIAO_FETCH_USER_AGENT", "").strip() or default_user_agent(),
            delay=_number("ZHIBIAO_FETCH_DELAY", 2.0), timeout=_number("ZHIBIAO_FETCH_TIMEOUT", 30.0, 0.01),
            max_seconds=_number("ZHIBIAO_FETCH_MAX_SECONDS", 300.0, 0.01),
            retries=int(_number("ZHIBIAO_FETCH_RETRIES", 2)), backoff=_number("ZHIBIAO_FETCH_BACKOFF", 2.0),
            max_redirects=int(_number("ZHIBIAO_FETCH_MAX_REDIRECTS", 5)),
            max_bytes=int(_number("ZHIBIAO_MAX_UPLOAD_MB", 20, 0.001) * 1_000_000),
            max_attachments=int(_number("ZHIBIAO_FETCH_MAX_ATTACHMENTS", 5)),
        )

"""Fetch settings, from the one settings object (zhibiao/settings.py), as the fetcher uses them.
Every ZHIBIAO_FETCH_* variable is listed, with its default, in docs/cli.md (``zhibiao settings``).
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

from zhibiao.errors import InputError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


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
        """From the one settings object (zhibiao.settings: ZHIBIAO_FETCH_* and ZHIBIAO_MAX_UPLOAD_MB)."""
        from zhibiao.settings import Settings

        st = Settings.load()
        allow = st.fetch_allow_private.strip()
        allow_all = allow.lower() in ("1", "true", "yes", "on")
        listed = () if allow_all or allow.lower() in ("", "0", "false", "no", "off") else \
            parse_networks("ZHIBIAO_FETCH_ALLOW_PRIVATE", allow)
        return cls(
            allow_private=allow_all, private_networks_allowed=listed,
            networks=parse_networks("ZHIBIAO_FETCH_NETWORKS", st.fetch_networks),
            user_agent=(st.fetch_user_agent or "").strip() or default_user_agent(),
            delay=st.fetch_delay, timeout=st.fetch_timeout, max_seconds=st.fetch_max_seconds,
            retries=st.fetch_retries, backoff=st.fetch_backoff, max_redirects=st.fetch_max_redirects,
            max_bytes=st.max_upload_bytes, max_attachments=st.fetch_max_attachments,
        )

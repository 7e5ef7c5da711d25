"""Stage 1b: documents from where they are published. ``fetch_address(url, Fetcher())`` fetches a
page (politely: robots.txt, a per-host delay, timeouts, retries, limits; never a private address
unless allowed), follows an article's attachments, and hands each document to the loaders as
bytes with its :class:`zhibiao.models.Provenance`. Imports only ``load`` below it."""
from __future__ import annotations

from zhibiao.fetch.article import FetchedDocument, FetchOutcome, fetch_address, needs_javascript
from zhibiao.fetch.client import Fetcher, Response
from zhibiao.fetch.settings import FetchSettings

__all__ = ["Fetcher", "FetchSettings", "FetchedDocument", "FetchOutcome", "Response", "fetch_address",
           "is_address", "needs_javascript"]


def is_address(value: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return value.lower().startswith(("http://", "https://"))

"""Ingesting documents from their addresses: each address fetched (zhibiao.fetch: politely, within
limits, never a private address unless allowed), each document it stands for (the page, or the
attachments of an article) extracted and stored with its provenance and original bytes, one
transaction each, by the same rules as files (unchanged text changes nothing; changed text is a
new version)."""
from __future__ import annotations

from typing import Callable, Iterable

from zhibiao.errors import FetchError, ZhibiaoError
from zhibiao.fetch import Fetcher, fetch_address
from zhibiao.store.database import Database
from zhibiao.store.ingest import Extracted, FileResult, IngestSummary, extract_loaded, store


def read_address_list(text: str) -> list[str]:
    """Addresses from a --urls file: one per line; blank lines and # comments skipped."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if line and line not in out:
            out.append(line)
    return out


def ingest_addresses(db: Database, urls: Iterable[str], fetcher: Fetcher | None = None,
                     on_progress: Callable[[FileResult], None] | None = None,
                     on_start: Callable[[str], None] | None = None,
                     on_done: Callable[[str], None] | None = None,
                     summary: IngestSummary | None = None) -> IngestSummary:
    """Fetch, extract and store every address. ``on_start(url)`` is called before each address,
    ``on_progress(result)`` after each document (or failure), ``on_done(url)`` after each address
    with everything it stood for."""
    summary = summary if summary is not None else IngestSummary()
    own = fetcher is None
    fetcher = fetcher or Fetcher()

    def report(r: FileResult) -> None:
        summary.results.append(r)
        if on_progress:
            on_progress(r)

    try:
        for url in urls:
            if on_start:
                on_start(url)
            try:
                outcome = fetch_address(url, fetcher)
            except ZhibiaoError as exc:
                report(FileResult(url, "failed", str(exc), url=url))
                if on_done:
                    on_done(url)
                continue
            for doc in outcome.documents:
                via = doc.provenance.article["url"] if doc.provenance.article else None
                try:
                    x = extract_loaded(doc.loaded)
                    article_title = (doc.provenance.article or {}).get("title")
                    d = x.extraction.document
                    if article_title and not doc.loaded.title and (d.title is None or d.region is None):
                        # an attachment whose text names no title or region: the article's title does
                        doc.loaded.title = article_title
                        x = extract_loaded(doc.loaded)
                except ZhibiaoError as exc:
                    report(FileResult(doc.provenance.url, "failed", str(exc), url=doc.provenance.url, via=via))
                    continue
                except Exception as exc:  # never let one strange document stop the others
                    report(FileResult(doc.provenance.url, "failed", f"{doc.provenance.url}: unexpected error: "
                                      f"{type(exc).__name__}: {exc}", url=doc.provenance.url, via=via))
                    continue
                x = Extracted(x.path, x.loaded, x.normalized_text, x.extraction, None, doc.provenance, doc.original)
                r = store(db, x)
                r.url, r.via, r.title = doc.provenance.url, via, x.extraction.document.title
                report(r)
            for failure in outcome.failures:
                report(FileResult(failure.path, "failed", str(failure), url=failure.path, via=url))
            if on_done:
                on_done(url)
    finally:
        if own:
            fetcher.close()
    return summary


__all__ = ["FetchError", "ingest_addresses", "read_address_list"]

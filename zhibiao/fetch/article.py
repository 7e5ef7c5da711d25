"""From an address to documents: a page that is the document, or an article whose document is
an attachment (PDF, DOCX, DOC, WPS), followed with the article's title, date and metadata kept.
Pages that need JavaScript or a browser check, and responses that are not documents, are refused
with a message saying so."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote

import httpx

from zhibiao.errors import FetchError, LoadError
from zhibiao.fetch.client import Fetcher, Response
from zhibiao.load import formats_text, load_bytes, sniff
from zhibiao.load.html import page_outline
from zhibiao.load.txt import decode
from zhibiao.models import LoadedText, Provenance

ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".wps")
DOCUMENT_TYPES = {
    "text/html", "application/xhtml+xml", "text/plain", "application/pdf", "application/x-pdf",
    "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-word", "application/vnd.ms-works", "application/kswps", "application/wps-office.wps",
    "application/wps-office.doc", "application/wps-office.docx", "application/octet-stream",
    "binary/octet-stream", "application/x-download", "application/force-download", "application/download", "",
}
MIN_OWN_TEXT = 300  # Chinese characters of its own an article page needs to count as a document beside attachments
CHALLENGE = re.compile(
    r"challenge-platform|cf-chl|__cf_chl|Just a moment\.\.\.|enable JavaScript|JavaScript is (?:required|disabled)|"
    r"(?:开启|启用|打开|允许).{0,8}(?:JavaScript|JS|脚本)|\$_ts\s*=|_\$[a-zA-Z]{2}\s*=|document\.cookie\s*=.{0,200}location",
    re.I | re.S)
CJK = re.compile(r"[\u4e00-\u9fff]")
JS_REFUSAL = ("the page needs JavaScript or a browser check (an anti-bot challenge or a script-only page): zhibiao "
              "does not run scripts; save the page from a browser and ingest the file")
ATTACHMENT_LINK = re.compile(r"\.(?:pdf|docx?|wps)(?:$|[?&#;])", re.I)
META_CARRIED = ("发文字号", "文号", "成文日期", "发布日期", "发布机构", "索引号", "主题分类", "PubDate", "ContentSource")


@dataclass
class FetchedDocument:
    loaded: LoadedText
    original: bytes
    provenance: Provenance


@dataclass
class FetchOutcome:
    """What one address gave: its documents, and the attachments that failed (with why)."""

    url: str
    documents: list[FetchedDocument] = field(default_factory=list)
    failures: list[FetchError] = field(default_factory=list)


def needs_javascript(data: bytes, status: int) -> bool:
    """A page that shows nothing without running scripts: an anti-bot challenge (HTTP 412/202/403
    with a script, Cloudflare's 'Just a moment', 瑞数's $_ts) or a 'please enable JavaScript' shell."""
    head = data[:200_000].decode("utf-8", errors="replace")
    if "<script" not in head.lower():
        return False
    visible = re.sub(r"(?is)<(script|style|noscript)\b.*?</\1\s*>|<[^>]+>", " ", head)
    if len(CJK.findall(visible)) >= 200:
        return False
    return bool(CHALLENGE.search(head)) or status in (202, 403, 412, 429, 503) or "<noscript" in head.lower()


def _suffix(url: str, headers: dict[str, str]) -> str:
    disposition = headers.get("content-disposition", "")
    m = re.search(r"filename\*\s*=\s*[^']*'[^']*'([^;]+)|filename\s*=\s*\"?([^\";]+)", disposition, re.I)
    name = unquote((m.group(1) or m.group(2)).strip()) if m else unquote(httpx.URL(url).path)
    return PurePosixPath(name).suffix.lower()


def _refuse_non_documents(r: Response) -> None:
    if r.status >= 400:
        if needs_javascript(r.data, r.status):
            raise FetchError(r.url, f"the page needs JavaScript or a browser check (HTTP {r.status}, an anti-bot "
                                    "challenge): zhibiao does not run scripts; save the page from a browser and "
                                    "ingest the file")
        raise FetchError(r.url, f"HTTP {r.status} {r.reason}".strip() + ("" if r.final_url == r.url else
                                                                            f" at {r.final_url}"))
    if r.status != 200:
        raise FetchError(r.url, f"HTTP {r.status} {r.reason}: no document in the answer".replace("  ", " "))
    if r.content_type not in DOCUMENT_TYPES and not r.content_type.startswith("text/"):
        raise FetchError(r.url, f"not a document (content type {r.content_type}; one of {formats_text()})")
    if not r.data:
        raise FetchError(r.url, "the server sent an empty answer")


def _provenance(r: Response, article: dict | None = None) -> Provenance:
    return Provenance(url=r.url, final_url=r.final_url if not r.redirects else r.redirects[-1],
                      retrieved_at=r.retrieved_at, http_status=r.status, content_type=r.content_type,
                      redirects=list(r.redirects), article=article)


def _load(r: Response, suffix: str) -> LoadedText:
    try:
        return load_bytes(r.data, r.url, suffix=suffix)
    except FetchError:
        raise
    except LoadError as exc:
        raise FetchError(r.url, exc.problem) from None


def is_attachment(href: str, text: str) -> bool:
    """A link to a document file: by its path, a download script's file name (downfile.jsp?filename=
    计划.pdf), or the link's text (附件：….pdf)."""
    return bool(ATTACHMENT_LINK.search(unquote(href))) or text.lower().endswith(ATTACHMENT_SUFFIXES)


def fetch_address(url: str, fetcher: Fetcher) -> FetchOutcome:
    """Fetch ``url`` and everything it stands for. Raises FetchError when the address itself fails;
    an attachment that fails is listed in ``failures`` beside the documents that did not."""
    r = fetcher.get(url)
    _refuse_non_documents(r)
    outcome = FetchOutcome(url)
    suffix = _suffix(r.final_url if not r.redirects else r.redirects[-1], r.headers)
    kind = sniff(r.data, suffix if suffix else (".html" if r.content_type in ("text/html", "application/xhtml+xml")
                                                else ""))
    if kind != "html":
        outcome.documents.append(FetchedDocument(_load(r, suffix), r.data, _provenance(r)))
        return outcome
    try:
        page = _load(r, suffix or ".html")
    except FetchError:
        if needs_javascript(r.data, r.status):  # no text at all: a script-only shell
            raise FetchError(url, JS_REFUSAL) from None
        raise
    base = r.redirects[-1] if r.redirects else r.final_url
    links, own_text = page_outline(decode(r.data, url)[0])
    attachments: list[tuple[str, str]] = []
    for href, text in links:
        if href.startswith(("javascript:", "mailto:", "#")) or not is_attachment(href, text):
            continue
        absolute = str(httpx.URL(base).join(href).copy_with(fragment=None))
        if absolute not in [a for a, _t in attachments]:
            attachments.append((absolute, text))
    attachments = attachments[: fetcher.settings.max_attachments]
    page_is_document = own_text >= (MIN_OWN_TEXT if attachments else 50)
    if page_is_document:
        outcome.documents.append(FetchedDocument(page, r.data, _provenance(r)))
    if not attachments:
        if not page_is_document:
            if needs_javascript(r.data, r.status):  # judged only here: a short article may carry scripts too
                raise FetchError(url, JS_REFUSAL)
            raise FetchError(url, "not a document: the page has almost no text of its own and links no attachment "
                                  "(PDF, DOCX, DOC, WPS) — an index or a search page?")
        return outcome
    article = {"url": url, "final_url": base, "title": page.title, "retrieved_at": r.retrieved_at,
               "date": page.metadata.get("成文日期") or page.metadata.get("发布日期") or page.metadata.get("PubDate"),
               "metadata": dict(page.metadata)}
    for href, text in attachments:
        try:
            a = fetcher.get(href)
            _refuse_non_documents(a)
            a_suffix = _suffix(a.redirects[-1] if a.redirects else a.final_url, a.headers) or \
                PurePosixPath(text.lower()).suffix
            loaded = _load(a, a_suffix)
        except FetchError as exc:
            outcome.failures.append(exc)
            continue
        for key in META_CARRIED:  # the article's 发文字号, 成文日期 … describe its attachment too
            if key in page.metadata and key not in loaded.metadata:
                loaded.metadata[key] = page.metadata[key]
        # the article's title is kept beside the attachment's own: the store falls back on it when the
        # attachment's text names no title (a bare targets table)
        loaded.metadata["ArticleTitle"] = page.title or ""
        outcome.documents.append(FetchedDocument(loaded, a.data, _provenance(a, article)))
    if not outcome.documents:
        raise FetchError(url, "no attachment could be read: " + "; ".join(str(f) for f in outcome.failures))
    return outcome

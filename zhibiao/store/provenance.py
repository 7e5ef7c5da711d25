"""Reading a document's provenance: where it was fetched from, its earlier versions, and the
original bytes it was read from."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from zhibiao.store.database import Database
from zhibiao.store.tables import document_versions, documents, originals


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value is not None else None


def provenance(d: Any) -> dict[str, Any] | None:
    """The fetched document's address, final address, redirects, retrieval time (UTC), HTTP status,
    content type and the article it was linked from; None for a local file."""
    if not d.source_url:
        return None
    meta = d.doc_metadata if "doc_metadata" in vars(d) else {}  # read only if loaded (a large column)
    article = (meta or {}).get("article")
    return {"url": d.source_url, "final_url": d.final_url, "retrieved_at": _iso(d.retrieved_at),
            "http_status": d.http_status, "content_type": d.content_type,
            "redirects": (meta or {}).get("redirects", []),
            "article": {k: article.get(k) for k in ("url", "title", "date")} if article else None}


def history(db: Database, document_id: int) -> list[dict[str, Any]]:
    """The document's versions, newest (the active one) first."""
    v = document_versions.c
    with db.engine.connect() as conn:
        d = conn.execute(select(documents.c.version, documents.c.sha256, documents.c.title, documents.c.source_url,
                                documents.c.retrieved_at, documents.c.ingested_at)
                         .where(documents.c.id == document_id)).first()
        if d is None:
            return []
        rows = conn.execute(select(v.version, v.sha256, v.title, v.source_url, v.retrieved_at, v.ingested_at,
                                   v.superseded_at).where(v.document_id == document_id)
                            .order_by(v.version.desc())).all()
    out = [{"version": d.version or 1, "active": True, "sha256": d.sha256, "title": d.title,
            "url": d.source_url, "retrieved_at": _iso(d.retrieved_at), "ingested_at": _iso(d.ingested_at),
            "superseded_at": None}]
    out += [{"version": v.version, "active": False, "sha256": v.sha256, "title": v.title, "url": v.source_url,
             "retrieved_at": _iso(v.retrieved_at), "ingested_at": _iso(v.ingested_at),
             "superseded_at": _iso(v.superseded_at)} for v in rows]
    return out


def original(db: Database, document_id: int) -> tuple[bytes, str | None] | None:
    """The bytes the active version was read from (fetched documents keep them), and their type."""
    with db.engine.connect() as conn:
        sha = conn.scalar(select(documents.c.sha256).where(documents.c.id == document_id))
        if sha is None:
            return None
        row = conn.execute(select(originals.c.data, originals.c.content_type)
                           .where(originals.c.sha256 == sha)).first()
        if row is None:
            return None
        return row.data, row.content_type

"""One search box over everything: indicators (Chinese and English names, aliases, ids) and
regions (names, aliases, GB/T 2260 codes) from the catalogue and the registry; documents (title,
issuer, document number) and targets (name, wording, category) from the database's text index.

Two-character queries (绍兴, 粮食, 就业) are the common case. The text index is FTS5 with the
trigram tokenizer on SQLite and pg_trgm on PostgreSQL (migration 0004); both need three
characters, so a shorter query is answered by a substring scan instead (LIKE), which at two
characters is what a person means anyway.

Matches come newest first (the highest ids): the index and the scan can then stop at the first
``limit`` matches instead of ranking every one — at national scale a common word (地区生产总值)
matches a hundred thousand target lines, and ranking them all took a second.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import or_, select, text

from zhibiao.catalog import Catalog, RegionRegistry, normalize_name
from zhibiao.store.database import Database
from zhibiao.store.schema import DocumentRow, TargetRow

TRIGRAM = 3  # the shortest query the text indexes can answer


@dataclass
class SearchResult:
    query: str
    indicators: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"query": self.query, "indicators": self.indicators, "regions": self.regions,
                "documents": self.documents, "targets": self.targets}

    @property
    def empty(self) -> bool:
        return not (self.indicators or self.regions or self.documents or self.targets)


def search_indicators(q: str, limit: int = 20) -> list[dict]:
    """Catalogue entries by id, Chinese or English name, or alias: exact matches first."""
    w = normalize_name(q)
    if not w:
        return []
    scored = []
    for ind in Catalog.default().search(q):
        names = [ind.id, normalize_name(ind.name_en), normalize_name(ind.name_zh), *(normalize_name(a) for a in ind.aliases)]
        rank = 0 if w in names else 1 if any(n.startswith(w) for n in names) else 2
        scored.append((rank, len(ind.name_zh), ind))
    scored.sort(key=lambda x: (x[0], x[1], x[2].id))
    return [{"id": i.id, "name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit, "category": i.category}
            for _r, _n, i in scored[:limit]]


def search_regions(q: str, limit: int = 20) -> list[dict]:
    reg = RegionRegistry.default()
    out = []
    for r in reg.search(q, limit):
        chain = [a.name for a in reversed(reg.ancestors(r)) if a.code != "100000"]
        out.append({"code": r.code, "name": r.name, "level": r.level, "parent": r.parent, "path": chain + [r.name]})
    return out


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _contains(column, q: str):
    """``column`` contains ``q``, letters in either case: ILIKE, or LIKE when ``q`` has no letter
    with a case (Chinese, digits, 5.5%) — the same rows, without lowering every row's text first,
    which made PostgreSQL's scan of the target lines three times slower (a two-character word
    cannot use the trigram indexes and is matched against every line)."""
    pattern = _like(q)
    if q == q.lower() == q.upper():
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


def _fts_phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _document_ids(db: Database, q: str, limit: int) -> list[int]:
    with db.session() as s:
        if len(q) >= TRIGRAM and db.is_sqlite:
            return list(s.scalars(text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q "
                                       "ORDER BY rowid DESC LIMIT :n"), {"q": _fts_phrase(q), "n": limit}))
        cond = or_(_contains(DocumentRow.title, q), _contains(DocumentRow.issuer, q), _contains(DocumentRow.doc_number, q))
        return list(s.scalars(select(DocumentRow.id).where(cond).order_by(DocumentRow.id.desc()).limit(limit)))


def _target_ids(db: Database, q: str, limit: int) -> list[int]:
    with db.session() as s:
        if len(q) >= TRIGRAM and db.is_sqlite:
            return list(s.scalars(text("SELECT rowid FROM targets_fts WHERE targets_fts MATCH :q "
                                       "ORDER BY rowid DESC LIMIT :n"), {"q": _fts_phrase(q), "n": limit}))
        # on PostgreSQL the trigram indexes serve this from three characters on
        cond = or_(_contains(TargetRow.name, q), _contains(TargetRow.text, q))
        return list(s.scalars(select(TargetRow.id).where(cond).order_by(TargetRow.id.desc()).limit(limit)))


def search(db: Database, q: str, limit: int = 20) -> SearchResult:
    # control characters (a NUL ends an FTS5 query string early) are never part of a search
    q = "".join(ch for ch in (q or "") if unicodedata.category(ch)[0] != "C").strip()[:100]
    result = SearchResult(q)
    if not q:
        return result
    result.indicators = search_indicators(q, limit)
    result.regions = search_regions(q, limit)
    doc_ids = _document_ids(db, q, limit)
    target_ids = _target_ids(db, q, limit * 2)
    with db.session() as s:
        docs = {d.id: d for d in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(doc_ids)))}
        rows = {t.id: (t, d) for t, d in s.execute(select(TargetRow, DocumentRow).join(DocumentRow)
                                                   .where(TargetRow.id.in_(target_ids)))}
    result.documents = [{"id": d.id, "title": d.title, "doc_type": d.doc_type, "region": d.region_name,
                         "region_code": d.region_code, "year": d.plan_year, "doc_number": d.doc_number}
                        for d in (docs[i] for i in doc_ids if i in docs)]
    result.targets = [{"name": t.name, "text": t.text, "indicator": t.indicator, "region": d.region_name,
                       "region_code": t.region_code, "year": t.year, "document_id": d.id, "document": d.title,
                       "span": [t.span_start, t.span_end] if t.span_start is not None else None}
                      for t, d in (rows[i] for i in target_ids if i in rows)]
    return result

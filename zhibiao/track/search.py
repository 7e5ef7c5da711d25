"""One search box over everything: indicators (Chinese and English names, aliases, ids) and
regions (names, aliases, GB/T 2260 codes) from the catalogue and the registry; documents (title,
issuer, document number) and targets (name, wording, category) from the database's text index.

Two-character queries (绍兴, 粮食, 就业) are the common case. On SQLite the text index is FTS5
with the trigram tokenizer (migration 0004) from three characters, and for one or two an FTS5
index of every row's characters and pairs of characters (migration 0011), whose rows are tested
with the LIKE (store/textindex.py). On PostgreSQL the LIKE is served by an index of every row's
pairs of characters for two characters (migration 0010) and by pg_trgm's from three; a single
character is matched against every row there.

Matches come newest first (the highest ids): the index and the scan can then stop at the first
``limit`` matches instead of ranking every one — at national scale a common word (地区生产总值)
matches a hundred thousand target lines, and ranking them all took a second. The next page of
documents or targets continues below the last id shown (keyset), by the same index or scan; no
total is counted (a common word's would mean reading every match).
"""
from __future__ import annotations

import unicodedata
from types import SimpleNamespace
from dataclasses import dataclass, field

from sqlalchemy import select, text

from zhibiao.catalog import Catalog, RegionRegistry, normalize_name
from zhibiao.store.database import Database
from zhibiao.store.tables import documents, targets
from zhibiao.store.textindex import contains, newest_containing, planned_for_each_word
from zhibiao.track.naming import document_title

TRIGRAM = 3  # the shortest query the text indexes can answer


@dataclass
class SearchResult:
    query: str
    indicators: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    # where the documents' and the targets' next pages start: the last id shown, None on the last page
    next: dict = field(default_factory=lambda: {"documents": None, "targets": None})
    section: str | None = None  # a next page of one section (documents or targets), the others left out

    def to_dict(self) -> dict:
        return {"query": self.query, "indicators": self.indicators, "regions": self.regions,
                "documents": self.documents, "targets": self.targets,
                "next": {k: (str(v) if v is not None else None) for k, v in self.next.items()}}

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


def _ignore_case(q: str) -> bool:
    """ILIKE, or LIKE when ``q`` has no letter with a case (Chinese, digits, 5.5%): the same rows,
    without lowering every row's text first."""
    return not (q == q.lower() == q.upper())


def _fts_phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _matching_ids(conn, db: Database, table, columns: tuple[str, ...], q: str, limit: int,
                  before: int | None = None) -> list[int]:
    """Ids of ``table``'s rows whose ``columns`` hold ``q``, newest first, below ``before``. SQLite:
    from the full-text index (``<table>_fts``) for a word of three characters or more, else the
    n-gram index's rows newest first, each tested with the LIKE (``<table>_ngrams``); PostgreSQL:
    the LIKE, served by its indexes (store/textindex.py)."""
    if len(q) >= TRIGRAM and db.is_sqlite:
        fts = f"{table.name}_fts"
        return list(conn.scalars(text(f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q "
                                      "AND rowid < :before ORDER BY rowid DESC LIMIT :n"),
                                 {"q": _fts_phrase(q), "n": limit, "before": before or _NO_ID}))
    if db.is_sqlite and (stmt := newest_containing(table, columns, q, _ignore_case(q), before)) is not None:
        return list(conn.scalars(stmt.limit(limit)))
    stmt = (select(table.c.id).where(contains(table, columns, q, db.engine.dialect.name, _ignore_case(q)))
            .order_by(table.c.id.desc()).limit(limit))
    with planned_for_each_word(conn):
        return list(conn.scalars(stmt.where(table.c.id < before) if before else stmt))


_NO_ID = 2**62  # above every id: the first page
SECTIONS = ("documents", "targets")


# what a match shows of its document: never its text, metadata or extraction (a national document's
# row is 150 KB: reading 40 of them whole was most of a first search's time)
_DOCUMENT = (documents.c.id, documents.c.title, documents.c.doc_type, documents.c.region_name,
             documents.c.region_code, documents.c.plan_year, documents.c.doc_number, documents.c.issuer)


def search(db: Database, q: str, limit: int = 20, section: str | None = None, before: int | None = None) -> SearchResult:
    """Indicators, regions, documents (``limit``) and target lines (twice ``limit``) matching
    ``q``, newest first. ``section`` ("documents" or "targets") with ``before`` (a ``next`` id of
    the previous page): that section's next page only. Pages, one after another, hold every match
    once, in the same order."""
    # control characters (a NUL ends an FTS5 query string early) are never part of a search
    q = "".join(ch for ch in (q or "") if unicodedata.category(ch)[0] != "C").strip()[:100]
    result = SearchResult(q, section=section if section in SECTIONS else None)
    if not q:
        return result
    if result.section is None:
        result.indicators = search_indicators(q, limit)
        result.regions = search_regions(q, limit)
    t = targets.c
    wanted = {result.section} if result.section else set(SECTIONS)
    with db.reader.connect() as conn:
        # one more than a page: whether there is a next one
        doc_ids = _matching_ids(conn, db, documents, ("title", "issuer", "doc_number"), q, limit + 1,
                                before) if "documents" in wanted else []
        target_ids = _matching_ids(conn, db, targets, ("name", "text"), q, limit * 2 + 1,
                                   before) if "targets" in wanted else []
        if len(doc_ids) > limit:
            doc_ids = doc_ids[:limit]
            result.next["documents"] = doc_ids[-1]
        if len(target_ids) > limit * 2:
            target_ids = target_ids[:limit * 2]
            result.next["targets"] = target_ids[-1]
        docs = {d.id: d for d in conn.execute(select(*_DOCUMENT).where(documents.c.id.in_(doc_ids)))} \
            if doc_ids else {}
        rows = {r.id: r for r in conn.execute(
            select(t.id, t.name, t.text, t.indicator, t.region_code, t.year, t.span_start, t.span_end,
                   *(c.label(f"d_{c.name}") for c in _DOCUMENT))
            .join_from(targets, documents).where(t.id.in_(target_ids)))} if target_ids else {}
    # (a document printing no title is named as everywhere else: its issuer or region, year and kind)
    result.documents = [{"id": d.id, "title": document_title(d), "doc_type": d.doc_type, "region": d.region_name,
                         "region_code": d.region_code, "year": d.plan_year, "doc_number": d.doc_number}
                        for d in (docs[i] for i in doc_ids if i in docs)]
    result.targets = [{"name": r.name, "text": r.text, "indicator": r.indicator, "region": r.d_region_name,
                       "region_code": r.region_code, "year": r.year, "document_id": r.d_id,
                         "document": document_title(SimpleNamespace(**{c.name: getattr(r, f"d_{c.name}") for c in _DOCUMENT})),
                       "span": [r.span_start, r.span_end] if r.span_start is not None else None}
                      for r in (rows[i] for i in target_ids if i in rows)]
    return result

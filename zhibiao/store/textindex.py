"""Substring matching ("does this column contain the word?") in a form the database's indexes serve.

SQLite: ``LIKE`` (its FTS5 trigram tables, migration 0004, are queried directly by search for
words of three characters or more). PostgreSQL: the same ``LIKE`` / ``ILIKE``, which pg_trgm's
GIN indexes serve from three characters on (migrations 0004, 0010), and, for a word of two
characters, the condition of the bigram index of migration 0010 —
``zhibiao_ngrams(columns…) @> zhibiao_ngrams(word)`` — which keeps every row where one of the
columns contains the word (such a column holds the word's pair of characters) and lets the server
read those rows from the index instead of testing every row. The LIKE stays: it is what decides;
the index only narrows. The same rows either way, on both databases.

Only for two characters: for a longer word the planner takes its pairs' frequencies as
independent and multiplies them, so it expects a few hundred rows where a common word has tens of
thousands, reads them all from the index and sorts them (失业率 on a national database: 747 ms)
instead of walking the lines newest first to the first page of matches (0.2 ms). pg_trgm's
estimate of a LIKE is read from the column's statistics and holds.

The column lists are those the indexes were built on, in their order: PostgreSQL uses an
expression index only for the very same expression.
"""
from __future__ import annotations

from sqlalchemy import Table, and_, func, or_
from sqlalchemy.sql.elements import ColumnElement

# table -> the columns of its bigram index (migration 0010), in the index's order
NGRAM_INDEXES = {"documents": ("title", "issuer", "region_name", "doc_number"), "targets": ("name", "text")}
PAIR = 2  # the length of word the bigram index serves (one character: LIKE alone; three: pg_trgm)


def like_pattern(q: str) -> str:
    """``%q%`` with LIKE's wildcards in ``q`` taken literally (escape character ``\\``)."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def contains(table: Table, columns: tuple[str, ...] | list[str], q: str, dialect: str,
             ignore_case: bool = False) -> ColumnElement[bool]:
    """Rows of ``table`` where one of ``columns`` contains ``q`` (literally; letters in either case
    with ``ignore_case``), in the form that ``dialect``'s indexes serve."""
    pattern = like_pattern(q)
    cond = or_(*(table.c[c].ilike(pattern, escape="\\") if ignore_case else table.c[c].like(pattern, escape="\\")
                 for c in columns))
    indexed = NGRAM_INDEXES.get(table.name)
    if dialect == "postgresql" and indexed and set(columns) <= set(indexed) and len(q) == PAIR:
        pairs = func.zhibiao_ngrams(*(table.c[c] for c in indexed))
        cond = and_(pairs.op("@>")(func.zhibiao_ngrams(q)), cond)
    return cond

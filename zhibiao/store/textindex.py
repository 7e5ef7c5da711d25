"""Substring matching ("does this column contain the word?") in a form the database's indexes serve.

The LIKE (``like_pattern``) is what decides, on both databases; an index only narrows the rows it
is tested on, to rows that hold every piece of the word the index knows. The same rows either way.

**PostgreSQL**: ``LIKE`` / ``ILIKE``, which pg_trgm's GIN indexes serve from three characters on
(migrations 0004, 0010), and, for a word of two characters, the condition of the bigram index of
migration 0010 — ``zhibiao_ngrams(columns…) @> zhibiao_ngrams(word)`` — which keeps every row where
one of the columns contains the word. Only for two characters: for a longer word the planner takes
its pairs' frequencies as independent and multiplies them, so it expects a few hundred rows where a
common word has tens of thousands, reads them all from the index and sorts them (失业率 on a
national database: 747 ms) instead of walking the lines newest first to the first page of matches
(0.2 ms). pg_trgm's estimate of a LIKE is read from the column's statistics and holds. The column
lists are those the indexes were built on, in their order: PostgreSQL uses an expression index
only for the very same expression. A word of one character is matched by the LIKE alone.

**SQLite**: FTS5 trigram tables (migration 0004) that search reads for words of three characters
or more, and (migration 0011) an FTS5 table per table, ``<table>_ngrams``, of every row's
characters and pairs of adjacent characters — each written as a token of ASCII letters and digits
(:func:`ngram_tokens`: 就业 → ``5c31x4e1a``, 就 → ``u5c31``), ASCII letters folded as SQLite's LIKE
folds them. Triggers keep it in step with its table, calling the function ``zhibiao_ngrams`` that
every connection zhibiao opens registers (:func:`register`); it stores neither text nor positions
(``content=''``, ``detail=none``: 20 MB for the 1.5 million target lines of a national database).
A word of one character is looked up as its character's token, a longer one as all its pairs
(at most ``MAX_PAIRS``): every row that contains the word holds them. A word of two characters:
the pair's rows exactly (0.2 ms instead of a scan of 270 ms at national scale).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Table, and_, bindparam, column, func, literal_column, or_, select, table as sql_table
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Select

# table -> the columns of its n-gram index (PostgreSQL: the bigram index of migration 0010;
# SQLite: the FTS5 table of migration 0011), in the index's order
NGRAM_INDEXES = {"documents": ("title", "issuer", "region_name", "doc_number"), "targets": ("name", "text")}
PAIR = 2  # the length of word PostgreSQL's bigram index serves (one character: LIKE alone; three: pg_trgm)
MAX_PAIRS = 12  # of a long word, the pairs looked up (any of them narrow; the LIKE decides)
SQL_FUNCTION = "zhibiao_ngrams"  # SQLite: the function the triggers of migration 0011 call

# SQLite's LIKE folds ASCII letters only (without ICU): the index folds the same, no more
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def like_pattern(q: str) -> str:
    """``%q%`` with LIKE's wildcards in ``q`` taken literally (escape character ``\\``)."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_HEX: dict[str, str] = {}  # character -> its code point in hexadecimal (a few thousand distinct ones)


def _hex(ch: str) -> str:
    return _HEX.get(ch) or _HEX.setdefault(ch, format(ord(ch), "x"))


def _pairs(value: str) -> list[str]:
    h = [_hex(ch) for ch in value]
    return [a + "x" + b for a, b in zip(h, h[1:])]


def ngram_tokens(*values: str | None) -> str:
    """The tokens SQLite's n-gram index holds for a row (``values``: its indexed columns): each
    character as ``u`` + its code point in hexadecimal, each pair of adjacent characters within a
    column as the two code points joined by ``x`` — ASCII only, so that FTS5's ``ascii`` tokenizer
    splits them at the spaces and nowhere else, whatever the text holds (punctuation, spaces, %).
    Deterministic as a set (the order is not: FTS5 keeps no positions here): the triggers delete a
    row's tokens by computing them again from its old values, so a change of this function needs a
    migration that rebuilds the index. Called by the writer for every row: a value's tokens are
    remembered (:func:`value_tokens`), since most values recur — a national ingest's 1.5 million
    target lines have a few hundred names."""
    sets = [value_tokens(value) for value in values if value]
    if len(sets) > 1:
        return " ".join(frozenset().union(*sets))
    return " ".join(sets[0]) if sets else ""


_TOKENS: dict[str, frozenset[str]] = {}  # a short value -> its tokens (bounded: emptied when full)
_TOKENS_KEPT = 10_000
# Only values this short are remembered: the names, regions and issuers that recur. A wording, a
# title or a document number is a document's own and rarely seen again, and its tokens weigh
# ≈ 150 bytes a character: with every value kept (up to 50,000) the cache fills at national scale —
# the likeliest reason the national run's writer grew ≈ 4 KB a document to 337 MB (RESULTS §3m).
_TOKENS_LONGEST = 24


def value_tokens(value: str) -> frozenset[str]:
    """The tokens of one column's value (:func:`ngram_tokens`), remembered when it is short."""
    got = _TOKENS.get(value)
    if got is None:
        h = [_hex(ch) for ch in value.translate(_ASCII_LOWER)]
        got = frozenset(["u" + x for x in h] + [a + "x" + b for a, b in zip(h, h[1:])])
        if len(value) <= _TOKENS_LONGEST:
            if len(_TOKENS) >= _TOKENS_KEPT:
                _TOKENS.clear()
            _TOKENS[value] = got
    return got


def ngram_query(q: str) -> str | None:
    """The FTS5 query of SQLite's n-gram index for rows that may contain ``q``: its character, or
    every pair of it (at most ``MAX_PAIRS``, spread over the word); None for an empty word."""
    q = q.translate(_ASCII_LOWER)
    if not q:
        return None
    if len(q) == 1:
        return f'"u{_hex(q)}"'
    pairs = list(dict.fromkeys(_pairs(q)))
    if len(pairs) > MAX_PAIRS:
        step = len(pairs) / MAX_PAIRS
        pairs = [pairs[int(i * step)] for i in range(MAX_PAIRS)]
    return " AND ".join(f'"{p}"' for p in pairs)


def register(dbapi_connection) -> None:
    """Make ``zhibiao_ngrams(columns…)`` (:func:`ngram_tokens`) known to a SQLite connection: the
    triggers that keep the n-gram index call it when a row is written or deleted."""
    dbapi_connection.create_function(SQL_FUNCTION, -1, ngram_tokens, deterministic=True)


def ngram_table(table: Table):
    """SQLite's n-gram index of ``table`` (its rowid is the row's id), as a selectable."""
    return sql_table(f"{table.name}_ngrams", column("rowid"))


def _ngram_match(index, query: str) -> ColumnElement[bool]:
    return literal_column(index.name).op("MATCH")(bindparam(None, query, unique=True))


def matches(table: Table, columns: tuple[str, ...] | list[str], q: str, ignore_case: bool = False) -> ColumnElement[bool]:
    """The LIKE alone: rows of ``table`` where one of ``columns`` contains ``q`` (literally; letters
    in either case with ``ignore_case``). What decides, whichever index narrows."""
    pattern = like_pattern(q)
    return or_(*(table.c[c].ilike(pattern, escape="\\") if ignore_case else table.c[c].like(pattern, escape="\\")
                 for c in columns))


def _served(table: Table, columns) -> bool:
    indexed = NGRAM_INDEXES.get(table.name)
    return bool(indexed) and set(columns) <= set(indexed)


def contains(table: Table, columns: tuple[str, ...] | list[str], q: str, dialect: str,
             ignore_case: bool = False) -> ColumnElement[bool]:
    """Rows of ``table`` where one of ``columns`` contains ``q`` (literally; letters in either case
    with ``ignore_case``), in the form that ``dialect``'s indexes serve."""
    cond = matches(table, columns, q, ignore_case)
    if not _served(table, columns):
        return cond
    if dialect == "postgresql" and len(q) == PAIR:
        pairs = func.zhibiao_ngrams(*(table.c[c] for c in NGRAM_INDEXES[table.name]))
        return and_(pairs.op("@>")(func.zhibiao_ngrams(q)), cond)
    if dialect == "sqlite" and (query := ngram_query(q)):
        index = ngram_table(table)
        return and_(table.c.id.in_(select(index.c.rowid).where(_ngram_match(index, query))), cond)
    return cond


@contextmanager
def planned_for_each_word(conn) -> Iterator[None]:
    """PostgreSQL: the statements run within are planned for the word they look for, every time.
    psycopg prepares a statement the fifth time a connection runs it, and PostgreSQL then plans it
    once for any word: a two-character word's search so planned reads every trigram index of the
    documents' columns (东宁 on a national database: 77 ms, 0.5 ms planned for it; a scorecard's
    statements gain from the prepared plans and keep them). Elsewhere nothing changes."""
    raw = conn.connection.driver_connection if conn.dialect.name == "postgresql" else None
    if raw is None or not hasattr(raw, "prepare_threshold"):
        yield
        return
    before = raw.prepare_threshold
    raw.prepare_threshold = None  # (psycopg: never prepared, so planned with its parameters)
    try:
        yield
    finally:
        raw.prepare_threshold = before


def newest_containing(table: Table, columns: tuple[str, ...] | list[str], q: str, ignore_case: bool = False,
                      before: int | None = None) -> Select | None:
    """SQLite: the ids of ``table``'s rows where one of ``columns`` contains ``q``, newest first,
    below ``before`` — walking the n-gram index's rows newest first and testing each with the LIKE,
    so that a page stops at its last match (a common word's first page: a few rows read, not its
    hundred thousand). None where the index does not serve these columns. Add ``.limit(n)``."""
    query = ngram_query(q)
    if query is None or not _served(table, columns):
        return None
    index = ngram_table(table)
    stmt = (select(table.c.id).select_from(index.join(table, table.c.id == index.c.rowid))
            .where(_ngram_match(index, query), matches(table, columns, q, ignore_case))
            .order_by(index.c.rowid.desc()))
    return stmt.where(index.c.rowid < before) if before else stmt

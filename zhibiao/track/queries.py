"""The read model: every question the CLI, the REST API and the pages ask of the database, answered
in one place, as plain data (no ORM rows leave this module).

It owns the rules that decide *which* stored line answers a question:

- **Which document's target wins** for a region, year and indicator (:func:`target_precedence`):
  1. a target stated by its issuing document comes before the same target restated by a later one
     (a plan report's completion table repeating last year's plan never replaces the plan);
  2. then by kind of document: the plan notice (下达计划的通知), the plan report's draft
     (计划草案), the government work report, a five-year outline, other documents;
  3. then a table row before a sentence of prose;
  4. then the most recent document (issue date, then the latest stored).
  The other documents' statements stay visible beside the winner, and a different value or
  comparator is flagged as a conflict.
- **Which figure is the actual** for a region, indicator and year (:func:`actual_precedence`), by
  the figure's basis (:attr:`ActualFact.basis`, words in ``track/bases.yaml``):
  1. imported official figures (``zhibiao import-actuals``; one marked estimated is an estimate);
  2. a revision: a figure its sentence marks as revised (修订, 核实), or one published more than a
     year after its year;
  3. a statistical bulletin's figure (初步核算 in a bulletin is the bulletin's figure);
  4. a preliminary figure (初步核算 in another document, or a figure a report states without 预计);
  5. an estimate (预计, a （预计） cell, a 预计全年 column, a note marking a column as estimates).
  Then a figure its clause does not narrow before one it does (剔除房地产开发投资后增长6.0% after the
  headline 下降2.1%: ``qualifiers`` in ``track/bases.yaml``), a full-year figure before a partial one, the
  year so far to its latest month (1—11月 before 1—10月; one month's figure, 11月当月, or a quarter's alone is
  never a target's actual); among equals the latest document. Superseded
  figures are returned too, so views show an estimate beside its revision.
- **Which targets cover a period** (:attr:`TargetFact.period`): a target its document sets for a
  later year (a five-year outline's end year, 到2027年) covers the years from its base year (a
  five-year plan's: the last year of the previous plan, 2020 for 十四五, 2025 for 十五五; else the
  year before the document's) to its end year. It is a target of its own, apart from the annual
  plan's target for the same indicator and year, and within its period a five-year plan states it
  first.

Listings are paged by keyset (``after`` an id, Datasette-style ``next`` tokens); one indicator across
regions by region (:meth:`ReadModel.regions_with_targets`: a page's regions and their number from the
index, then the winners of that page's regions only). The parent-region grid reads the statuses the
tracker wrote to the status snapshot where they are current (:meth:`ReadModel.current_snapshot`).
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from types import SimpleNamespace
from pathlib import PurePath
from typing import Any, Iterable

from sqlalchemy import delete, func, insert, or_, select, union_all

from zhibiao.datafiles import load_yaml
from zhibiao.errors import InputError, NotFound
from zhibiao.models import Region, json_number
from zhibiao.store.database import Database, now, retrying
from zhibiao.store.tables import (DOCUMENT_BRIEF, TO_REVIEW, changes, corrections, documents, observations, regions,
                                  status_overrides, status_snapshot, status_summary, targets)
from zhibiao.store.textindex import contains, planned_for_each_word
from zhibiao.track.citations import Source, cite_text
from zhibiao.track.naming import document_title
from zhibiao.track.status import months_label, months_to_date

class NoTargets(NotFound):
    """A region-year the database holds no targets for: the one answer every command, page and API
    response gives (``ReadModel.require_year`` raises it), its words in ``messages.yaml``
    (``no_targets``) in either language, its fields for machines (:meth:`to_dict`). ``str()`` is
    the English message (logs, other languages' callers)."""

    def __init__(self, region: Region, year: int, years: list[int]):
        self.region = {"name": region.name, "code": region.code}
        self.year = year
        self.years = list(years)  # the years that have targets, ascending
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        from zhibiao.track.status import Say, messages

        lang = "en" if lang == "en" else "zh"
        if self.years:
            have = Say.of("no_targets_other_years", years=messages()["year_separator"][lang].join(map(str, self.years)))
        else:
            have = Say.of("no_targets_any_year")
        return Say.of("no_targets", region=self.region["name"], code=self.region["code"], year=self.year,
                      have=have).render(lang)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The machine-readable form (``--format json`` of the commands, the API's 404 body):
        ``detail`` the message in ``lang`` (as in every API error), ``error`` ``"no_targets"``."""
        return {"detail": self.message(lang), "error": "no_targets", "region": dict(self.region), "year": self.year,
                "years": list(self.years)}


# The read model queries with SQLAlchemy Core (no ORM: a read command never imports it). A document
# joined to its lines comes as columns labelled ``d_<name>`` and is read back as a record with the
# ORM row's attribute names (``_record``), which document_title, DocRef.of and Source.from_row read.
_DOC_COLUMNS = tuple(c.label(f"d_{c.name}") for c in DOCUMENT_BRIEF)
# a document with its text, metadata and extraction: all but the raw text, which no view shows
_DOCUMENT_FULL = tuple(c for c in documents.c if c.name != "raw_text")
_ATTRIBUTE = {"metadata": "doc_metadata"}  # the column "metadata" is the attribute doc_metadata

DOC_TYPE_ORDER = {"plan_notice": 0, "plan_report": 1, "work_report": 2, "five_year_plan": 3, "outline": 3,
                  "other": 4, "statistical_bulletin": 5}
CONTEXT_CHARS = 160  # how far before a figure its sentence's words are looked for (预计, 初步核算, 修订)
AFTER_FIGURE = re.compile(r"[\d。！？]")  # a figure's own words: after the figure before it, or its sentence's start


@lru_cache(maxsize=1)
def basis_words() -> dict[str, tuple[str, ...]]:
    """The words that tell revised, preliminary and estimated figures apart (track/bases.yaml)."""
    data = load_yaml("zhibiao.track", "bases.yaml")
    return {k: tuple(v) for k, v in data.items()}


def _decimal(v: Any) -> Decimal | None:
    """A JSON number of a stored extraction as the Decimal its printed digits make (6.5, not 6.4999…)."""
    return None if v is None else Decimal(str(v))


def _num(v: Decimal | None):
    return json_number(v) if v is not None else None


# ---------------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class DocRef:
    """A document as views name and link it."""

    id: int
    title: str
    doc_type: str
    region_code: str | None
    region_name: str | None
    plan_year: int | None
    issued_on: str | None
    doc_number: str | None
    issuer: str | None
    url: str | None
    sha256: str
    retrieved_at: str | None = None  # ISO date a fetched document was retrieved
    issuer_inferred: bool = False  # the usual issuer for the kind and region: the document prints none
    printed_title: str | None = None  # the title as the document prints it (for citations)

    @classmethod
    def of(cls, d: Any) -> "DocRef":
        return cls(id=d.id, title=document_title(d), doc_type=d.doc_type or "other", region_code=d.region_code,
                   region_name=d.region_name, plan_year=d.plan_year, issued_on=d.issued_on, doc_number=d.doc_number,
                   issuer=d.issuer, url=getattr(d, "source_url", None), sha256=d.sha256,
                   retrieved_at=_iso_date(getattr(d, "retrieved_at", None)), printed_title=d.title,
                   issuer_inferred=bool(getattr(d, "issuer_inferred", False)))

    def brief(self) -> dict:
        return {"id": self.id, "title": self.title, "doc_type": self.doc_type}

    def to_dict(self) -> dict:
        return asdict(self)


def source_of(ref: DocRef) -> Source:
    """What a citation needs of a document."""
    return Source(document_id=ref.id, title=ref.printed_title or ref.title, issuer=ref.issuer, doc_number=ref.doc_number,
                  issued_on=ref.issued_on, plan_year=ref.plan_year, region_name=ref.region_name,
                  region_code=ref.region_code, doc_type=ref.doc_type, url=ref.url, retrieved_at=ref.retrieved_at,
                  sha256=ref.sha256, issuer_inferred=ref.issuer_inferred)


@dataclass
class TargetFact:
    """One stored target line with its document."""

    id: int
    line_no: int
    region_code: str | None
    year: int | None
    name: str
    parent: str | None
    category: str | None
    seq: str | None
    indicator: str | None
    text: str
    kind: str | None
    comparator: str | None
    value: Decimal | None
    value_high: Decimal | None
    unit: str | None
    modality: str | None
    reference: str | None
    span: list[int] | None
    source_span: list[int] | None
    page: int | None
    doc: DocRef

    @property
    def key(self) -> str:
        """What makes two lines the same target of a region-year: the indicator, else the name;
        and the period a five-year target covers (its own target, beside the annual plan's)."""
        base = self.indicator or f"name:{self.parent or ''}/{self.name}"
        period = self.period
        return f"{base}@{period[0]}-{period[1]}" if period else base

    @property
    def period(self) -> tuple[int, int] | None:
        """(base year, end year) of a target set for a later year than its document's (a
        five-year outline's 2025 or 2030 targets, a work report's 到2027年), else None."""
        return target_period(self.doc.doc_type, self.doc.plan_year, self.year)

    @property
    def restated(self) -> bool:
        """Stated by a later document than the plan that set it (last year's plan in a completion
        table), not by its issuing document."""
        return (self.doc.plan_year is not None and self.year is not None and self.doc.plan_year > self.year
                and self.doc.doc_type in ("plan_report", "work_report", "statistical_bulletin", "other"))

    @property
    def from_table(self) -> bool:
        return bool(self.seq) or self.category is not None

    def statement(self) -> tuple:
        return (self.comparator, self.value, self.value_high, self.unit, self.kind)

    def brief(self) -> dict:
        return {"name": self.name, "parent": self.parent, "text": self.text, "kind": self.kind,
                "comparator": self.comparator, "value": _num(self.value), "value_high": _num(self.value_high),
                "unit": self.unit, "document": self.doc.brief(), "span": self.span, "page": self.page,
                "restated": self.restated, "url": self.doc.url, "citation": document_citation(self.doc, self.page)}

    def to_dict(self) -> dict:
        return {"id": self.id, "region": self.doc.region_name, "region_code": self.region_code, "year": self.year,
                "seq": self.seq, "category": self.category, "parent": self.parent, "name": self.name,
                "indicator": self.indicator, "text": self.text, "kind": self.kind, "comparator": self.comparator,
                "value": _num(self.value), "value_high": _num(self.value_high), "unit": self.unit,
                "doc_type": self.doc.doc_type, "document": self.doc.brief(), "document_id": self.doc.id,
                "document_title": self.doc.title, "span": self.span, "source_span": self.source_span,
                "page": self.page, "url": self.doc.url, "citation": document_citation(self.doc, self.page)}


# The columns of a target line a :class:`TargetFact` is built from, in its fields' order (the
# spans' two columns each, the document's id last).
_TARGET_FACT_COLUMNS = ("id", "line_no", "region_code", "year", "name", "parent", "category", "seq", "indicator",
                        "text", "kind", "comparator", "value", "value_high", "unit", "modality", "reference",
                        "span_start", "span_end", "source_start", "source_end", "page", "d_id")


@lru_cache(maxsize=4096)
def document_citation(doc: DocRef, page: int | None = None) -> str:
    """A document's reference text (GB/T 7714), made once per document and page rather than once
    per line: a comparison across a province's cities cites 20 documents in 800 lines."""
    return cite_text(source_of(doc), page)


@dataclass
class ChosenTarget:
    """The target that counts for a region-year-indicator, and what other documents say."""

    winner: TargetFact
    others: list[TargetFact] = field(default_factory=list)

    @property
    def disagreeing(self) -> list[TargetFact]:
        return [o for o in self.others if o.statement() != self.winner.statement()]

    @property
    def conflict(self) -> bool:
        return bool(self.disagreeing)


@dataclass
class ActualFact:
    """One stored actual figure (from a document or imported)."""

    id: int
    region_code: str | None
    indicator: str | None
    name: str
    year: int | None
    period: str | None
    measure: str | None
    value: Decimal | None
    unit: str | None
    comparator: str
    estimated: bool
    imported: bool
    text: str | None
    span: list[int] | None
    source_span: list[int] | None
    doc: DocRef | None
    source: str  # the import's source column, or the document's title

    context: str = ""  # the words before the figure in its paragraph (at most CONTEXT_CHARS)
    review: dict | None = None  # a reviewer's correction applied to it (:func:`reviewed_actuals`)
    printed: str | None = None  # its printed wording, when a correction changed the figure

    @property
    def basis(self) -> str:
        """official (imported) | revision | bulletin | preliminary | estimate (module docstring; an
        imported figure marked estimated is an estimate)."""
        if self.imported:  # (its estimated column: a 快报 or 预计 figure is an estimate)
            return "estimate" if self.estimated else "official"
        words = basis_words()
        paragraph = self.context.rsplit("\n", 1)[-1]
        sentence = re.split(r"[。！？]", paragraph)[-1] + (self.text or "")
        if any(w in sentence for w in words["revision"]) or (
                self.doc is not None and self.doc.plan_year is not None and self.year is not None
                and self.doc.plan_year > self.year + 1):
            return "revision"
        said = _last_word(paragraph + (self.text or ""), words["estimate"] + words["preliminary"])
        if self.estimated and said in words["estimate"]:
            return "estimate"
        if self.doc is not None and self.doc.doc_type == "statistical_bulletin":
            return "bulletin"
        if said in words["preliminary"] or not self.estimated:
            return "preliminary"
        return "estimate"  # marked estimated by a note or a column: 预计全年, 注：…为预计数

    @property
    def qualified(self) -> bool:
        """Does its clause narrow what the figure counts (全社会固定资产投资下降2.1%（剔除房地产开发投资后增长
        6.0%）: bases.yaml ``qualifiers`` among the words since the figure before it or the sentence's start)?"""
        since = AFTER_FIGURE.split(self.context)[-1]
        return any(w in since for w in basis_words()["qualifiers"])

    def to_dict(self) -> dict:
        return {"id": self.id, "region_code": self.region_code, "indicator": self.indicator, "name": self.name,
                "year": self.year, "period": self.period, "measure": self.measure, "value": _num(self.value),
                "unit": self.unit, "comparator": self.comparator, "estimated": self.estimated, "text": self.text,
                "imported": self.imported, "basis": self.basis, "source": self.source,
                "document": self.doc.brief() if self.doc else None, "document_id": self.doc.id if self.doc else None,
                "document_title": self.doc.title if self.doc else None, "span": self.span,
                "url": self.doc.url if self.doc else None,
                "citation": cite_text(source_of(self.doc)) if self.doc else self.source, "review": self.review}


@dataclass
class SnapshotLine:
    """A line of the status snapshot (``track/snapshot.py``): a target's status as the tracker
    decided it when the snapshot was written — the winning target, its actual figure and the
    explanation in both languages — read back without deciding it again."""

    line_no: int
    indicator: str | None
    name: str
    text: str
    unit: str | None
    value: Any
    status: str
    explanation: str
    explanation_en: str
    actual_text: str | None
    actual_value: Any
    document_id: int | None
    span: list[int] | None
    comparison: str | None = None  # the grid's mark against the parent's target (migration 0013)
    actual_basis: str | None = None  # the basis of the deciding figure: estimate, bulletin… (migration 0017)
    actual_period: str | None = None  # the period it covers: 2025-01/2025-11, or 2025 (migration 0019)

    @property
    def actual(self) -> str | None:
        """Whether the line has an actual figure (what :func:`~zhibiao.track.achievement.achievement` asks)."""
        return self.actual_text

    def explain(self, lang: str = "zh") -> str:
        return self.explanation_en if lang == "en" else self.explanation


BASIS_ORDER = {"official": 0, "revision": 1, "bulletin": 2, "preliminary": 3, "estimate": 4}


@dataclass
class ChosenActual:
    winner: ActualFact
    superseded: list[ActualFact] = field(default_factory=list)


def target_period(doc_type: str | None, plan_year: int | None, year: int | None) -> tuple[int, int] | None:
    """The years a target covers when its document sets it for a later year: from the base year
    (a five-year plan's: the last year of the plan before it — 2020 for an outline of 2021 or a
    proposal of 2020, 2025 for 十五五; a target year ending a five-year plan that the document's
    year lies in: that plan's; else the year before the document's) to the target's year."""
    if plan_year is None or year is None:
        return None
    if doc_type in ("five_year_plan", "outline"):
        base = plan_year - plan_year % 5
        return (base, year) if year > base else None
    if year <= plan_year:
        return None
    base = year - 5 if year % 5 == 0 and year - 5 < plan_year else plan_year - 1
    return (base, year)


def target_precedence(t: TargetFact) -> tuple:
    """Smaller wins (see the module's docstring)."""
    kind = DOC_TYPE_ORDER.get(t.doc.doc_type, 9)
    if t.period and t.doc.doc_type in ("five_year_plan", "outline"):
        kind = -1  # a five-year target: the outline that set it first
    return (1 if t.restated else 0, kind, 0 if t.from_table else 1,
            _desc(t.doc.issued_on), -t.doc.id, t.line_no)


def actual_precedence(a: ActualFact) -> tuple:
    """Smaller wins (see the module's docstring)."""
    return (BASIS_ORDER[a.basis], 1 if a.qualified else 0, 1 if a.period else 0, -(months_to_date(a.period) or 0),
            -(a.doc.plan_year or 0) if a.doc else 0,
            _desc(a.doc.issued_on if a.doc else None), -(a.doc.id if a.doc else 0), -a.id)


def _last_word(text: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` printed last in ``text`` (the one nearest the figure)."""
    best, at = None, -1
    for w in words:
        i = text.rfind(w)
        if i > at:
            best, at = w, i
    return best


def _iso_date(value) -> str | None:
    return value.date().isoformat() if hasattr(value, "date") else value


@lru_cache(maxsize=4096)  # a scorecard sorts its documents' few dates hundreds of times
def _desc(iso: str | None) -> tuple:
    """An ISO date sorted newest first (missing dates last)."""
    if not iso:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) for c in iso))


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def corrected_text(text: str | None, old: Any, new: Any) -> str | None:
    """A line's printed wording with the figure a reviewer corrected written as corrected (增长6.5%左右
    corrected to 5.5: 增长5.5%左右), so that what the status quotes and what it judges agree; None
    when the wording does not print the old figure (a figure in words, converted units)."""
    if not text or old is None or new is None:
        return None
    try:
        old, new = Decimal(str(old)), Decimal(str(new))
    except ArithmeticError:
        return None
    shown = format(new.normalize(), "f")

    def number(m: re.Match) -> Decimal | None:
        try:
            return Decimal(m.group().replace(",", ""))
        except ArithmeticError:
            return None

    hits = [m for m in _NUMBER.finditer(text) if number(m) == old]
    if not hits and old < 0:  # 下降5.6% stored as −5.6
        hits, shown = [m for m in _NUMBER.finditer(text) if number(m) == -old], format((-new).normalize(), "f")
    if not hits:
        return None
    out, at = [], 0
    for m in hits:
        out += [text[at:m.start()], shown]
        at = m.end()
    return "".join(out) + text[at:]


def reviewed_actuals(facts: list[ActualFact], reviews: dict) -> list[ActualFact]:
    """The figures as reviewers left them (``reviews``: :meth:`ReadModel.corrections_for`): a
    rejected figure is not an actual, a corrected one counts with its corrected value, unit,
    comparator and name — the same reviews that apply to targets, so an analyst's correction of a
    mis-read result changes the status."""
    out = []
    for f in facts:
        review = reviews.get((f.doc.sha256, "actual", f"{f.span[0]}-{f.span[1]}")) if f.doc and f.span else None
        if review is None or review["action"] == "confirm":
            out.append(f)
            continue
        if review["action"] == "reject":
            continue
        changes = review.get("changes") or {}
        fixed: dict[str, Any] = {"review": review}
        if changes.get("value") is not None:
            fixed["value"] = Decimal(str(changes["value"]))
            fixed["printed"] = f.text
            fixed["text"] = corrected_text(f.text, f.value, fixed["value"]) or \
                f"{json_number(fixed['value'])}{changes.get('unit') or f.unit or ''}"
        for key in ("unit", "comparator", "name"):
            if changes.get(key):
                fixed[key] = changes[key]
        out.append(replace(f, **fixed))
    return out


def choose_targets(facts: Iterable[TargetFact]) -> list[ChosenTarget]:
    """One target per key, in the order the winner's document prints them."""
    groups: dict[str, list[TargetFact]] = {}
    for f in facts:
        groups.setdefault(f.key, []).append(f)
    chosen = []
    for items in groups.values():
        items.sort(key=target_precedence)
        chosen.append(ChosenTarget(items[0], items[1:]))
    # the year's own targets first, then those covering a period (a five-year outline's): views that
    # take one line per indicator (the grid, comparisons) take the annual plan's
    chosen.sort(key=lambda c: (c.winner.period is not None, target_precedence(c.winner)[:2], c.winner.doc.id,
                               c.winner.line_no))
    return chosen


# ---------------------------------------------------------------------------------- the model


class ReadModel:
    """Queries over one database. Cheap to create; holds small caches for one request or command."""

    def __init__(self, db: Database):
        self.db = db
        self._directions: dict[str, str] | None = None
        self._pages: dict[int, list[int]] = {}
        self._prefetched_actuals: dict[tuple[str, int], dict[str, list["ActualFact"]]] = {}
        self._held: tuple[int, Any] | None = None  # (thread, connection) while reading() holds one

    # ---------------------------------------------------------------- connections

    @contextmanager
    def reading(self):
        """Within the block, every query of this model (in this thread) goes through one connection:
        a view that asks several questions (a scorecard: targets, actual figures, overrides,
        reviews…) checks a connection out of the pool once — one liveness ping, not one per query.
        Each statement still sees the database as it is when it runs, as before."""
        if self._held is not None:
            yield
            return
        with self.db.reader.connect() as conn:
            self._held = (threading.get_ident(), conn)
            try:
                yield
            finally:
                self._held = None

    @contextmanager
    def _conn(self):
        """The connection a query runs on: the one :meth:`reading` holds, else one of its own."""
        held = self._held
        if held is not None and held[0] == threading.get_ident():
            yield held[1]
            return
        with self.db.reader.connect() as conn:
            yield conn

    # ---------------------------------------------------------------- regions and indicators

    def region(self, name_or_code: str) -> Region:
        """A region by name, short name, issuer or code; an unknown one is an error listing the
        closest names."""
        from zhibiao.catalog import RegionRegistry

        reg = RegionRegistry.default()
        text = str(name_or_code).strip()
        r = reg.by_code(text) if text.isdigit() else reg.resolve(text)
        if r is None:
            near = closest_regions(text)
            hint = f"; closest: {', '.join(near)}" if near else ""
            raise NotFound(f"region {text!r} is unknown or ambiguous{hint} (zhibiao catalog regions NAME lists "
                           "regions)")
        return r

    def indicator(self, word: str) -> str:
        """An indicator id from an id, a Chinese or English name or an alias; an unknown one is an
        error listing the closest."""
        from zhibiao.catalog import Catalog

        cat = Catalog.default()
        if cat.get(word):
            return word
        m = cat.match(word)
        if m is not None and m.confidence >= 0.95:
            return m.id
        near = closest_indicators(word)
        hint = f"; closest: {', '.join(near)}" if near else ""
        raise NotFound(f"indicator {word!r} is unknown{hint} (zhibiao catalog search WORD lists indicators)")

    def directions(self) -> dict[str, str]:
        if self._directions is None:
            from zhibiao.catalog import Catalog

            self._directions = {i.id: i.direction for i in Catalog.default().indicators.values()}
        return self._directions

    def years_with_targets(self, region_code: str) -> list[int]:
        with self._conn() as conn:
            return sorted(y for y in conn.scalars(select(targets.c.year).where(targets.c.region_code == region_code)
                                                  .distinct()) if y is not None)

    def years_with_data(self, region_code: str) -> list[int]:
        """Years for which the region has targets or actual figures."""
        with self._conn() as conn:
            t = set(conn.scalars(select(targets.c.year).where(targets.c.region_code == region_code).distinct()))
            o = set(conn.scalars(select(observations.c.year).where(observations.c.region_code == region_code)
                                 .distinct()))
        return sorted(y for y in t | o if y is not None)

    def require_year(self, region: Region, year: int) -> None:
        """A :class:`NoTargets` naming the years that exist when a region has no targets for ``year``."""
        years = self.years_with_targets(region.code)
        if year not in years:
            raise NoTargets(region, year, years)

    # ---------------------------------------------------------------- targets

    @staticmethod
    def _targets_select():
        """Target lines with their document (its columns labelled ``d_…``)."""
        return select(targets, *_DOC_COLUMNS).join_from(targets, documents)

    def _target_facts(self, stmt) -> list[TargetFact]:
        with self._conn() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            return []
        refs: dict[int, DocRef] = {}
        out = []
        fields = rows[0]._fields
        doc_fields = _prefixed_fields(fields, "d_")
        pick = _columns(fields, _TARGET_FACT_COLUMNS)
        for t in rows:
            (id_, line_no, region_code, year, name, parent, category, seq, indicator, text, kind, comparator, value,
             value_high, unit, modality, reference, span_start, span_end, source_start, source_end, page,
             doc_id) = pick(t)
            ref = refs.get(doc_id)
            if ref is None:  # a document's record made once per document
                ref = refs[doc_id] = DocRef.of(SimpleNamespace(**{a: t[i] for a, i in doc_fields}))
            out.append(TargetFact(
                id_, line_no, region_code, year, name, parent, category, seq, indicator, text, kind, comparator,
                value, value_high, unit, modality, reference,
                [span_start, span_end] if span_start is not None else None,
                [source_start, source_end] if source_start is not None else None, page, ref))
        return out

    def targets_for(self, region_code: str, year: int) -> list[ChosenTarget]:
        """The targets of a region for a year: one per indicator (or unmapped name), the winner by
        :func:`target_precedence`, with what other documents state."""
        stmt = (self._targets_select().where(targets.c.region_code == region_code, targets.c.year == year)
                .order_by(documents.c.id, targets.c.line_no))
        return choose_targets(self._target_facts(stmt))

    def target_for(self, region_code: str, year: int, indicator: str) -> ChosenTarget | None:
        """:meth:`targets_for`'s first line of one indicator, chosen among that indicator's lines
        only (the same winner; :meth:`targets_of_regions` reads them by the index of regions and years)."""
        chosen = self.targets_of_regions([region_code], year, indicators=[indicator]).get(region_code)
        return chosen[0] if chosen else None

    def targets_of_regions(self, region_codes: list[str] | None, year: int, indicator: str | None = None,
                           level: str | None = None,
                           indicators: Iterable[str] | None = None) -> dict[str, list[ChosenTarget]]:
        """:meth:`targets_for` for many regions at once (one query); with ``indicator`` or
        ``indicators``, the targets of those indicators only (each chosen among its own lines, so
        the same winners)."""
        stmt = self._targets_select().where(targets.c.year == year)
        if region_codes is not None:
            stmt = stmt.where(targets.c.region_code.in_(region_codes))
        if indicator:
            stmt = stmt.where(targets.c.indicator == indicator)
        if indicators is not None:
            # with regions named, their lines are read by the index of regions and years and the
            # indicators only filter them: written as ``indicator || ''`` so that SQLite (no statistics)
            # does not read every region's lines of those indicators from the index of indicators
            # instead — a municipality's 38 children: 207 ms instead of 9 ms at national scale
            column = targets.c.indicator.concat("") if region_codes is not None else targets.c.indicator
            stmt = stmt.where(column.in_(sorted(set(indicators))))
        if level:
            stmt = stmt.join(regions, regions.c.code == targets.c.region_code).where(regions.c.level == level)
        by_region: dict[str, list[TargetFact]] = {}
        for f in self._target_facts(stmt.order_by(documents.c.id, targets.c.line_no)):
            if f.region_code:
                by_region.setdefault(f.region_code, []).append(f)
        return {code: choose_targets(facts) for code, facts in sorted(by_region.items())}

    def regions_with_targets(self, year: int, indicator: str, region_codes: list[str] | None = None,
                             level: str | None = None, offset: int = 0,
                             size: int | None = None) -> tuple[list[str], int]:
        """The regions with a target line for ``indicator`` in ``year`` (among ``region_codes``, of
        ``level``), in code order: the page from ``offset`` (``size`` of them; all without) and how
        many there are. Read from the index of targets by indicator and year, without reading a
        line: a page of "one indicator across all counties" computes its page's winners only."""
        t = targets.c
        cond = [t.year == year, t.indicator == indicator, t.region_code.is_not(None)]
        if region_codes is not None:
            cond.append(t.region_code.in_(region_codes))
        base = select(t.region_code).where(*cond)
        if level:
            base = base.join(regions, regions.c.code == t.region_code).where(regions.c.level == level)
        page = base.distinct().order_by(t.region_code)
        if offset:
            page = page.offset(offset)
        if size is not None:
            page = page.limit(size)
        with self._conn() as conn:
            codes = list(conn.scalars(page))
            if size is None and not offset:
                total = len(codes)
            else:
                total = conn.scalar(select(func.count()).select_from(base.distinct().subquery())) or 0
        return codes, total

    def allocations_from(self, region_code: str, year: int) -> dict[str, list[ChosenTarget]]:
        """What a region's documents assign to its divisions for ``year`` (a breakdown table's cells:
        ``Extraction.allocations``, kept in each document's stored extraction, never as the division's
        own targets) — by the division's code, one line per indicator chosen as targets are
        (:func:`target_precedence`: a plan notice's before a plan report's, the latest first)."""
        with self._conn() as conn:
            rows = conn.execute(select(*DOCUMENT_BRIEF, documents.c.extraction).where(
                documents.c.region_code == region_code, documents.c.plan_year == year)
                .order_by(documents.c.id)).all()
        by_region: dict[str, list[TargetFact]] = {}
        for row in rows:
            lines = (row.extraction or {}).get("allocations") or []
            if not lines:
                continue
            ref = DocRef.of(SimpleNamespace(**{c.name: getattr(row, c.name) for c in DOCUMENT_BRIEF}))
            for i, a in enumerate(lines):
                if a.get("year") != year or not a.get("region_code"):
                    continue
                span, source = a.get("span"), a.get("source_span")
                by_region.setdefault(a["region_code"], []).append(TargetFact(
                    -1, i, a["region_code"], year, a.get("name") or "", a.get("parent"), None, None, a.get("indicator"),
                    a.get("text") or "", a.get("kind"), a.get("comparator"), _decimal(a.get("value")),
                    _decimal(a.get("value_high")), a.get("unit"), a.get("modality"), a.get("reference"),
                    list(span) if span else None, list(source) if source else None, a.get("page"), ref))
        return {code: choose_targets(facts) for code, facts in sorted(by_region.items())}

    def target_series(self, region_code: str, indicator: str) -> dict[int, ChosenTarget]:
        """A region's winning target for one indicator, year by year."""
        stmt = self._targets_select().where(targets.c.region_code == region_code, targets.c.indicator == indicator)
        by_year: dict[int, list[TargetFact]] = {}
        for f in self._target_facts(stmt):
            if f.year is not None:
                by_year.setdefault(f.year, []).append(f)
        return {y: choose_targets(fs)[0] for y, fs in sorted(by_year.items())}

    def list_targets(self, region: str | None = None, year: int | None = None, indicator: str | None = None,
                     level: str | None = None, after: int = 0, size: int | None = None) -> tuple[list[dict], int | None]:
        """Every stored target line (all documents), filtered, in id order; returns a page and the
        id to continue after (None on the last page)."""
        stmt = self._targets_select()
        if level:
            stmt = stmt.join(regions, regions.c.code == targets.c.region_code).where(regions.c.level == level)
        return self._page(stmt, targets, self._target_facts, region, year, indicator, after, size)

    def _page(self, stmt, table, facts_of, region, year, indicator, after: int, size: int | None):
        """A listing's page: ``stmt`` filtered on ``table``'s region, year and indicator, in id order
        after ``after``; the lines as dicts and the id to continue after (None on the last page)."""
        row = table.c
        if region:
            stmt = stmt.where(row.region_code == self.region(region).code)
        if year:
            stmt = stmt.where(row.year == year)
        if indicator:
            stmt = stmt.where(row.indicator == self.indicator(indicator))
        if after:
            stmt = stmt.where(row.id > after)
        stmt = stmt.order_by(row.id)
        if size:
            stmt = stmt.limit(size + 1)
        facts = facts_of(stmt)
        nxt = facts[size - 1].id if size and len(facts) > size else None
        return [f.to_dict() for f in (facts[:size] if size else facts)], nxt

    # ---------------------------------------------------------------- the status snapshot

    def current_snapshot(self, year: int, parents: dict[str, str | None], version: str,
                         lines: bool = True) -> dict[str, list[SnapshotLine]]:
        """The status snapshot's lines of the regions of ``parents`` (region -> its parent, whose
        targets a child's status reads: 完成上级下达目标) for ``year``, for the region-years whose
        lines are current: each line written with every column the views read (migration 0008),
        decided under ``version`` (the rules in use: ``Rules.version``, recorded on the region-year's
        summary row, migration 0016), after the newest document of the region and of its parent was stored, after the newest
        review of those documents and the newest override of the region-year, and every document
        the lines cite still stored. The others are left out: the caller decides their statuses
        afresh (an upload's region-years until the server's refresh of the snapshot has run).
        ``lines=False``: which regions only (their lists empty)."""
        codes = sorted(parents)
        if not codes:
            return {}
        s = status_snapshot.c
        d = documents.c
        by_region: dict[str, list] = {}
        with self._conn() as conn:
            columns = (status_snapshot,) if lines else (s.region_code, s.computed_at, s.explanation_en,
                                                        s.document_id, s.actual_document_id, s.actual_text,
                                                        s.actual_basis, s.actual_period)
            result = conn.execute(select(*columns).where(s.year == year, s.region_code.in_(codes))
                                  .order_by(s.region_code, s.line_no))
            keys = tuple(result.keys())
            i_region, i_computed, i_en, i_doc, i_actual_doc, i_actual, i_basis, i_period = (keys.index(k) for k in (
                "region_code", "computed_at", "explanation_en", "document_id", "actual_document_id", "actual_text",
                "actual_basis", "actual_period"))
            for row in result:
                by_region.setdefault(row[i_region], []).append(row)
            if not by_region:
                return {}
            decided = dict(conn.execute(select(status_summary.c.region_code, status_summary.c.rules).where(
                status_summary.c.year == year, status_summary.c.region_code.in_(sorted(by_region)))).all())
            around = sorted(set(by_region) | {parents[c] for c in by_region if parents.get(c)})
            changed = dict(conn.execute(select(d.region_code, func.max(d.ingested_at))
                                        .where(d.region_code.in_(around)).group_by(d.region_code)).all())
            for code, when in conn.execute(select(d.region_code, func.max(corrections.c.created_at))
                                           .join(corrections, corrections.c.document_sha256 == d.sha256)
                                           .where(d.region_code.in_(around)).group_by(d.region_code)):
                changed[code] = max(filter(None, (changed.get(code), when)))
            overridden = dict(conn.execute(select(status_overrides.c.region_code, func.max(status_overrides.c.created_at))
                                           .where(status_overrides.c.year == year,
                                                  status_overrides.c.region_code.in_(sorted(by_region)))
                                           .group_by(status_overrides.c.region_code)).all())
            cited = sorted({i for rows in by_region.values() for r in rows
                            for i in (r[i_doc], r[i_actual_doc]) if i is not None})
            stored: set[int] = set()
            for i in range(0, len(cited), 500):  # bounded IN lists
                stored |= set(conn.scalars(select(d.id).where(d.id.in_(cited[i:i + 500]))))
        if lines:
            pick = _columns(keys, ("line_no", "indicator", "name", "text", "unit", "value", "status", "explanation",
                                   "explanation_en", "actual_text", "actual_value", "document_id", "span_start",
                                   "span_end", "comparison", "actual_basis", "actual_period"))
        out: dict[str, list[SnapshotLine]] = {}
        for code, rows in by_region.items():
            if decided.get(code) != version:
                continue
            newest = max(filter(None, (changed.get(code), changed.get(parents.get(code) or ""), overridden.get(code))),
                         default=None)
            if any(r[i_en] is None for r in rows) or (newest is not None and min(r[i_computed] for r in rows) < newest):
                continue
            if any(r[i_actual] is not None and (r[i_basis] is None or r[i_period] is None) for r in rows):
                continue  # written before the figures' basis (migration 0017) or period (0019) was kept: decided afresh
            if any(i is not None and i not in stored for r in rows for i in (r[i_doc], r[i_actual_doc])):
                continue
            if not lines:
                out[code] = []
                continue
            made = out[code] = []
            for r in rows:
                (line_no, indicator, name, text_, unit, value, status, explanation, explanation_en, actual_text,
                 actual_value, document_id, span_start, span_end, comparison, actual_basis, actual_period) = pick(r)
                made.append(SnapshotLine(
                    line_no, indicator, name, text_, unit, _num(value), status, explanation, explanation_en,
                    actual_text, _num(actual_value), document_id,
                    [span_start, span_end] if span_start is not None else None, comparison, actual_basis,
                    actual_period))
        return out

    def indicator_years(self, indicator: str) -> list[int]:
        """The years with a target for ``indicator``, one index probe a year: the next year is the
        least one above the last (a recursive query). ``SELECT DISTINCT year`` read every line of a
        common indicator from the index on PostgreSQL, which has no skip scan (75,000 lines, most
        of a cold page of counties)."""
        t = targets.c

        def least_year(*above):
            return (select(t.year).where(t.indicator == indicator, t.year.is_not(None), *above)
                    .order_by(t.year).limit(1).scalar_subquery())

        first = select(least_year().label("year")).cte("years", recursive=True)
        years = first.union_all(select(least_year(t.year > first.c.year)).where(first.c.year.is_not(None)))
        with self._conn() as conn:
            return [y for y in conn.scalars(select(years.c.year).where(years.c.year.is_not(None))
                                            .order_by(years.c.year))]

    def regions_with_targets_in(self, region_codes: list[str], year: int) -> set[str]:
        """Which of these regions have a target line for ``year``."""
        with self._conn() as conn:
            return set(conn.scalars(select(targets.c.region_code).where(
                targets.c.region_code.in_(region_codes), targets.c.year == year).distinct()))

    # ---------------------------------------------------------------- actuals

    # the columns an actual figure and its document are read with: plain rows, not ORM objects (a
    # scorecard reads several hundred figures; building and instrumenting an object for each cost
    # as much as deciding the statuses)
    _OBSERVATION_COLUMNS = ("id", "region_code", "indicator", "name", "year", "period", "measure", "value", "unit",
                            "comparator", "estimated", "imported", "text", "span_start", "span_end", "source_start",
                            "source_end", "source")
    _DOCUMENT_COLUMNS = ("id", "title", "doc_type", "region_code", "region_name", "plan_year", "issued_on",
                         "doc_number", "issuer", "issuer_inferred", "source_url", "sha256", "retrieved_at", "path")

    @staticmethod
    def _actuals_select():
        """Observations with their document (the words before each figure: :meth:`_contexts`)."""
        o = observations.c
        return (select(*(o[c].label(f"o_{c}") for c in ReadModel._OBSERVATION_COLUMNS),
                       *(documents.c[c].label(f"d_{c}") for c in ReadModel._DOCUMENT_COLUMNS))
                .select_from(observations.outerjoin(documents)))

    # documents whose text one statement cuts windows from (SQLite allows 500 SELECTs in a compound)
    _CONTEXT_BATCH = 200

    def _contexts(self, conn, rows) -> dict[int, tuple[int, str]]:
        """The words before each figure in its document's text (what tells a 预计 from a 初步核算
        figure, :attr:`ActualFact.basis`): per document, one window of its text from
        CONTEXT_CHARS before its first figure to its last figure, as (offset, text). Cut by the
        database once per document: a scorecard's 250 figures come from 3–5 documents, and cutting
        the text once per figure made PostgreSQL read and decompress the document's text each
        time (its TOAST storage) — 9 of a scorecard's 13 ms there."""
        spans: dict[int, list[int]] = {}
        for m in rows:
            if m["d_id"] is not None and m["o_span_start"] is not None:
                spans.setdefault(m["d_id"], []).append(m["o_span_start"])
        windows = {doc: (max(0, min(starts) - CONTEXT_CHARS), max(starts)) for doc, starts in spans.items()}
        out: dict[int, tuple[int, str]] = {}
        items = sorted(windows.items())
        for i in range(0, len(items), self._CONTEXT_BATCH):
            parts = [select(documents.c.id, func.substr(documents.c.text, lo + 1, hi - lo).label("window"))
                     .where(documents.c.id == doc) for doc, (lo, hi) in items[i:i + self._CONTEXT_BATCH]]
            stmt = parts[0] if len(parts) == 1 else union_all(*parts)
            for doc, window in conn.execute(stmt):
                out[doc] = (windows[doc][0], window or "")
        return out

    def _actual_facts(self, stmt) -> list[ActualFact]:
        with self._conn() as conn:
            rows = [row._mapping for row in conn.execute(stmt).all()]
            windows = self._contexts(conn, rows)
        refs: dict[int, DocRef] = {}
        out = []
        doc_keys = [(c, f"d_{c}") for c in self._DOCUMENT_COLUMNS]
        for m in rows:
            doc_id = m["d_id"]
            ref = None
            if doc_id is not None:
                ref = refs.get(doc_id)
                if ref is None:
                    ref = refs[doc_id] = DocRef.of(SimpleNamespace(**{c: m[k] for c, k in doc_keys}))
            span_start, source_start = m["o_span_start"], m["o_source_start"]
            context = ""
            if span_start is not None and doc_id in windows:
                lo, window = windows[doc_id]
                context = window[max(0, span_start - CONTEXT_CHARS) - lo:span_start - lo]
            out.append(ActualFact(
                id=m["o_id"], region_code=m["o_region_code"], indicator=m["o_indicator"], name=m["o_name"],
                year=m["o_year"], period=m["o_period"], measure=m["o_measure"], value=m["o_value"], unit=m["o_unit"],
                comparator=m["o_comparator"] or "=", estimated=bool(m["o_estimated"]), imported=bool(m["o_imported"]),
                text=m["o_text"], span=[span_start, m["o_span_end"]] if span_start is not None else None,
                source_span=[source_start, m["o_source_end"]] if source_start is not None else None,
                doc=ref, source=ref.title if ref else (m["o_source"] or ""), context=context))
        return out

    def actual_for(self, region_code: str, indicator: str | None, year: int | None,
                   full_year: bool = False) -> ChosenActual | None:
        """The figure that counts as the actual (:func:`actual_precedence`) and those it
        supersedes. ``full_year`` leaves out partial-period figures."""
        if not indicator or year is None:
            return None
        prefetched = self._prefetched_actuals.get((region_code, year))
        if prefetched is not None:
            candidates = prefetched.get(indicator, [])
        else:
            candidates = self._reviewed(self._actual_facts(self._actuals_select().where(
                observations.c.region_code == region_code, observations.c.indicator == indicator,
                observations.c.year == year)))
        # (a part of the year that does not open it — one month's figure of a monthly report — is no actual of
        # the year: listed with the region's figures, never a target's status)
        facts = [f for f in candidates if f.value is not None and not (f.period and (full_year or months_to_date(f.period) is None))]
        if not facts:
            return None
        facts.sort(key=actual_precedence)
        return ChosenActual(facts[0], facts[1:])

    @contextmanager
    def actuals_of(self, region_code: str, year: int):
        """Within the block, :meth:`actual_for` of this region and year reads every actual figure
        of the region-year fetched once (a scorecard asks for each of its 20–40 indicators:
        one query instead of one per target). Figures without an indicator are left out: no
        status reads them (:meth:`actual_for` answers None without an indicator), and they are
        two thirds of a region-year's figures at national scale."""
        stmt = (self._actuals_select()
                .where(observations.c.region_code == region_code, observations.c.year == year,
                       observations.c.indicator.is_not(None))
                .order_by(observations.c.id))
        by_indicator: dict[str, list[ActualFact]] = {}
        for f in self._reviewed(self._actual_facts(stmt)):
            by_indicator.setdefault(f.indicator, []).append(f)
        key = (region_code, year)
        self._prefetched_actuals[key] = by_indicator
        try:
            yield
        finally:
            self._prefetched_actuals.pop(key, None)

    def _reviewed(self, facts: list[ActualFact]) -> list[ActualFact]:
        """The figures with their reviews applied (:func:`reviewed_actuals`): one query for their documents."""
        shas = {f.doc.sha256 for f in facts if f.doc is not None}
        return reviewed_actuals(facts, self.corrections_for(shas)) if shas else facts

    def actual_years(self, region_code: str, indicator: str, before: int | None = None) -> list[int]:
        stmt = select(observations.c.year).where(observations.c.region_code == region_code,
                                                 observations.c.indicator == indicator).distinct()
        if before is not None:
            stmt = stmt.where(observations.c.year < before)
        with self._conn() as conn:
            return sorted(y for y in conn.scalars(stmt) if y is not None)

    def list_actuals(self, region: str | None = None, year: int | None = None, indicator: str | None = None,
                     after: int = 0, size: int | None = None) -> tuple[list[dict], int | None]:
        return self._page(self._actuals_select(), observations, self._actual_facts, region, year, indicator,
                          after, size)

    def page_of(self, doc_id: int, source_start: int | None) -> int | None:
        """The page of a raw-text offset of a paged (PDF) document."""
        if source_start is None:
            return None
        if doc_id not in self._pages:
            with self._conn() as conn:
                meta = conn.scalar(select(documents.c.metadata).where(documents.c.id == doc_id)) or {}
            self._pages[doc_id] = list(meta.get("pages") or [0])
        pages = self._pages[doc_id]
        if len(pages) <= 1:
            return None
        return sum(1 for start in pages if source_start >= start) or 1

    # ---------------------------------------------------------------- documents

    def documents(self, region: str | None = None, year: int | None = None, doc_type: str | None = None,
                  q: str | None = None, after: int = 0, size: int = 50, newest_first: bool = False
                  ) -> tuple[list[dict], int | None]:
        d = documents.c
        stmt = select(*DOCUMENT_BRIEF)
        if region:
            stmt = stmt.where(d.region_code == self.region(region).code)
        if year:
            stmt = stmt.where(d.plan_year == year)
        if doc_type:
            stmt = stmt.where(d.doc_type == doc_type)
        if q:  # through the n-gram / bigram indexes (store/textindex.py): not a scan of every document
            stmt = stmt.where(contains(documents, ("title", "region_name", "issuer", "doc_number"), q,
                                       self.db.engine.dialect.name))
        if after:
            stmt = stmt.where(d.id < after if newest_first else d.id > after)
        stmt = stmt.order_by(d.id.desc() if newest_first else d.id).limit(size + 1)
        docs = self._documents(stmt, searching=bool(q))
        nxt = docs[size - 1].id if len(docs) > size else None
        return [document_dict(d) for d in docs[:size]], nxt

    def _documents(self, stmt, searching: bool = False) -> list[SimpleNamespace]:
        """Documents as records with the ORM row's attribute names (``searching``: a statement that
        looks for a word, planned for each word: :func:`~zhibiao.store.textindex.planned_for_each_word`)."""
        with self._conn() as conn, (planned_for_each_word(conn) if searching else nullcontext()):
            return [_record(r) for r in conn.execute(stmt)]

    def _document(self, doc_id: int, full: bool = False) -> SimpleNamespace:
        found = self._documents(select(*(_DOCUMENT_FULL if full else DOCUMENT_BRIEF)).where(documents.c.id == doc_id))
        if not found:
            raise NotFound(f"no document {doc_id}")
        return found[0]

    def document(self, doc_id: int, full: bool = False) -> dict:
        """A document's metadata (with its extraction, text and counts when ``full``, and the years
        of its region's scorecards it counts in)."""
        out = self._document_dict(self._document(doc_id, full), full)
        if full:
            out["scorecard_years"] = self._scorecard_years(out)
        return out

    def _scorecard_years(self, doc: dict) -> list[int]:
        """The years of its targets and figures (and its plan year) for which the document's region
        has a scorecard — targets stored for the year: a work report of 2019 that sets none is read
        in 2018's (its review), and no link leads to a year without one."""
        code = (doc.get("region") or {}).get("code")
        e = doc.get("extraction") or {}
        years = {doc.get("plan_year")} | {line.get("year") for kind in ("targets", "actuals") for line in e.get(kind) or []}
        years.discard(None)
        if not code or not years:
            return []
        with self._conn() as conn:
            return sorted(conn.scalars(select(targets.c.year).where(
                targets.c.region_code == code, targets.c.year.in_(sorted(years))).distinct()))

    @staticmethod
    def _document_dict(d: SimpleNamespace, full: bool) -> dict:
        out = document_dict(d)
        if full:
            e = d.extraction or {}
            out |= {"counts": {k: len(e.get(k) or []) for k in ("targets", "actuals", "commitments")},
                    "sections": e.get("sections", []), "warnings": e.get("warnings", []), "text": d.text,
                    "extraction": e,
                    # the reader's source of a document not fetched: its file's name (never the path on the server)
                    "file_name": PurePath(str(d.path).replace("\\", "/")).name if getattr(d, "path", None) else None}
        return out

    def source(self, doc_id: int) -> Source:
        """What a citation of the document needs."""
        return Source.from_row(self._document(doc_id))

    def document_id_at(self, url: str) -> int | None:
        """The document fetched from ``url`` (its newest version), if any."""
        with self._conn() as conn:
            return conn.scalar(select(documents.c.id).where(documents.c.source_url == url)
                               .order_by(documents.c.id.desc()).limit(1))

    def version(self) -> tuple:
        """A value that changes with every write a view can show: the largest id of the change log
        (migration 0009: its triggers add a row whenever a document, a reviewer's correction, a status
        override or an imported figure is written or removed). One indexed lookup, whatever the size
        of the database; the web's cache of views compares it on every request."""
        with self._conn() as conn:
            return (conn.scalar(select(func.max(changes.c.id))),)

    def document_by_sha256(self, sha256: str) -> dict:
        found = self._documents(select(*DOCUMENT_BRIEF).where(documents.c.sha256 == sha256))
        if not found:
            raise NotFound(f"no document with content {sha256[:12]}…")
        return document_dict(found[0])

    def document_text(self, doc_id: int) -> dict:
        """The normalised text with every extracted span and its review."""
        with self.reading():
            row = self._document(doc_id, full=True)
            doc = self._document_dict(row, full=True)
            reviews = self.corrections(doc["sha256"])
        e = doc["extraction"]
        source = Source.from_row(row)
        spans = []
        # (allocations: targets the document assigns to the regions below, a breakdown table's cells — shown
        # where they are printed, reviewed nowhere: no stored line of a region's is theirs)
        for kind in ("targets", "actuals", "commitments", "allocations"):
            for i, line in enumerate(e.get(kind) or []):
                span = line.get("span")
                if not span:
                    continue
                period = line.get("period") if kind == "actuals" else None
                spans.append({"type": kind[:-1], "index": i, "start": span[0], "end": span[1], "line": line,
                              "correction": reviews.get((kind[:-1], f"{span[0]}-{span[1]}")),
                              "citation": cite_text(source, line.get("page")),
                              # (a result of a part of the year: its months, 1—11月 / months 1–11, as the scorecard's)
                              "months": months_label(period, "zh") or None, "months_en": months_label(period, "en") or None})
        spans.sort(key=lambda x: (x["start"], -x["end"]))
        return {"id": doc["id"], "title": doc["title"], "text": doc["text"], "spans": spans}

    def documents_needing_review(self, limit: int = 200) -> list[dict]:
        """Documents stored without a plan year or a region: their lines count for no region-year
        until a person fixes the metadata (or the extractor learns to read it)."""
        docs = self._documents(select(*DOCUMENT_BRIEF).where(or_(documents.c.plan_year.is_(None),
                                                                 documents.c.region_code.is_(None)))
                               .order_by(documents.c.id).limit(limit))
        from zhibiao.track.naming import set_apart

        # two of one title (an undated report uploaded twice): told apart as every list of documents does
        return set_apart([document_dict(d) | {"missing": [m for m, v in (("year", d.plan_year), ("region", d.region_code))
                                                          if v is None]} for d in docs])

    def coverage(self) -> list[dict]:
        d = documents.c
        with self._conn() as conn:
            rows = conn.execute(select(d.region_code, d.region_name, d.plan_year, func.count())
                                .group_by(d.region_code, d.region_name, d.plan_year)).all()
        return [{"region_code": c, "region": n, "year": y, "documents": k} for c, n, y, k in rows]

    def counts(self) -> dict[str, int]:
        with self._conn() as conn:
            return {"documents": conn.scalar(select(func.count()).select_from(documents)) or 0,
                    "targets": conn.scalar(select(func.count()).select_from(targets)) or 0,
                    "actuals": conn.scalar(select(func.count()).select_from(observations)) or 0}

    def region_levels(self, codes: Iterable[str]) -> dict[str, str]:
        from zhibiao.catalog import RegionRegistry

        reg = RegionRegistry.default()
        return {c: reg.rows[c].level for c in codes if c in reg.rows}

    def region_children(self, parent: str | None = None, with_documents: bool = False) -> dict:
        from zhibiao.catalog import RegionRegistry

        reg = RegionRegistry.default()
        me = self.region(parent) if parent else reg.region("100000")
        have = None
        if with_documents:
            with self._conn() as conn:
                have = set(conn.scalars(select(documents.c.region_code).distinct()))
        rows = [{"code": r.code, "name": r.name, "level": r.level}
                | ({"has_documents": r.code in have} if have is not None else {}) for r in reg.children(me.code)]
        return {"region": {"code": me.code, "name": me.name, "level": me.level}, "rows": rows}

    def latest_target_year(self, region_code: str) -> int | None:
        with self._conn() as conn:
            return conn.scalar(select(func.max(targets.c.year)).where(targets.c.region_code == region_code))

    def indicator_usage(self, indicator: str) -> tuple[dict[str, int], list[int]]:
        """Regions with targets for an indicator (code -> count), and the years."""
        t = targets.c
        with self._conn() as conn:
            by_region = dict(conn.execute(select(t.region_code, func.count()).where(t.indicator == indicator)
                                          .group_by(t.region_code)).all())
            years = sorted(set(conn.scalars(select(t.year).where(t.indicator == indicator))) - {None})
        return {k: v for k, v in by_region.items() if k}, years

    # ---------------------------------------------------------------- reviews, overrides, deletion

    def corrections(self, sha256: str) -> dict:
        """(line_type, line_key) -> the latest review of that line, with who and when."""
        with self._conn() as conn:
            rows = conn.execute(select(corrections).where(corrections.c.document_sha256 == sha256)
                                .order_by(corrections.c.id)).all()
        return {(r.line_type, r.line_key): review_dict(r) for r in rows}

    def corrections_for(self, shas: set[str]) -> dict:
        """(sha256, line_type, line_key) -> the latest review, for many documents."""
        if not shas:
            return {}
        with self._conn() as conn:
            rows = conn.execute(select(corrections).where(corrections.c.document_sha256.in_(shas))
                                .order_by(corrections.c.id)).all()
        return {(r.document_sha256, r.line_type, r.line_key): review_dict(r) for r in rows}

    def review(self, doc_id: int, line_type: str, index: int, action: str, changes: dict | None = None,
               who: str | None = None) -> dict:
        """Store a reviewer's confirm / correct / reject of one extracted line (kept apart from the
        extraction, so it survives re-extraction)."""
        with self._conn() as conn:
            d = conn.execute(select(documents.c.sha256, documents.c.extraction).where(documents.c.id == doc_id)).first()
        if d is None:
            raise NotFound(f"no document {doc_id}")
        moved = sorted(k for k in ("indicator", "year") if k in (changes or {}))
        if line_type == "actual" and action == "correct" and moved:
            # a figure is read by its region, indicator and year: moving it is not a correction the
            # status can follow — reject it and import the right figure (zhibiao import-actuals)
            raise InputError(f"an actual figure's {' and '.join(moved)} cannot be corrected: reject the line "
                             "and import the figure with zhibiao import-actuals")
        lines = (d.extraction or {}).get(line_type + "s") or []
        if not 0 <= index < len(lines):
            raise NotFound(f"document {doc_id} has no {line_type} #{index}")
        span = lines[index].get("span") or [0, 0]
        key = f"{span[0]}-{span[1]}"
        with self.db.engine.begin() as conn:
            conn.execute(insert(corrections).values(document_sha256=d.sha256, line_type=line_type, line_key=key,
                                                    action=action, changes=changes or {}, who=who, created_at=now()))
        return {"ok": True, "line": lines[index], "correction": self.corrections(d.sha256).get((line_type, key))}

    def set_region(self, doc_id: int, name_or_code: str, who: str | None = None) -> dict:
        """A reviewer sets a document's region (its text names none, or one two regions bear:
        朝阳区), by code or by a name of the region registry that means one region only; a name
        several bear is an :class:`~zhibiao.errors.AmbiguousName` listing them, to choose by code.
        Kept as a correction of the document (it survives re-extraction). Returns the document's
        id, the region it had and the one it has."""
        from zhibiao.catalog import RegionRegistry
        from zhibiao.errors import AmbiguousName
        from zhibiao.store.ingest import assign_region

        reg = RegionRegistry.default()
        text = str(name_or_code or "").strip()
        if not text:
            raise InputError("no region given")
        found = ([reg.by_code(text)] if reg.by_code(text) else []) if text.isdigit() else reg.candidates(text)
        if len(found) > 1:
            raise AmbiguousName(f"{text!r} names {len(found)} regions: choose one by its code",
                                [c.to_dict() | {"place": reg.place(c)} for c in found])
        if not found:
            near = closest_regions(text)
            raise NotFound(f"no region is called {text!r}" + (f"; closest: {', '.join(near)}" if near else ""))
        self._document(doc_id)  # (an unknown document: NotFound)
        before, code = assign_region(self.db, doc_id, found[0].code, who)
        return {"document_id": doc_id, "before": before, "region": found[0].to_dict() | {"place": reg.place(found[0])}}

    def review_queue(self, limit: int = 500) -> list[dict]:
        """The lines a person should look at, most useful first: targets whose wording could not be
        parsed, targets two documents state differently, targets with no indicator, and lines of
        documents without a year or region. Lines already reviewed are left out."""
        # the first lines in document order of either kind, each read by its own index (a partial
        # index of the lines to review, migration 0012; the documents without a year or region):
        # the two firsts merged are the first of the whole, without testing every line
        undated = or_(documents.c.plan_year.is_(None), documents.c.region_code.is_(None))
        with self._conn() as conn:
            found = {t.id: t for stmt in (self._targets_select().where(TO_REVIEW),
                                          self._targets_select().where(undated))
                     for t in conn.execute(stmt.order_by(targets.c.document_id, targets.c.line_no)
                                           .limit(limit * 2))}
        rows = [(t, _record(t, "d_")) for t in sorted(found.values(), key=lambda t: (t.document_id, t.line_no))
                ][:limit * 2]
        reviewed = self.corrections_for({d.sha256 for _t, d in rows})
        out = []
        for t, d in rows:
            if (d.sha256, "target", f"{t.span_start}-{t.span_end}") in reviewed:
                continue
            reason = ("unparsed" if t.kind is None else "no_region_or_year" if d.plan_year is None or
                      d.region_code is None else "no_indicator")
            out.append({"reason": reason, "document": DocRef.of(d).brief(), "line_type": "target",
                        "index": t.line_no, "name": t.name, "text": t.text, "year": t.year,
                        "span": [t.span_start, t.span_end] if t.span_start is not None else None})
        order = {"unparsed": 0, "conflict": 1, "no_region_or_year": 2, "no_indicator": 3}
        out.sort(key=lambda x: order[x["reason"]])
        return out[:limit]

    def overrides(self, region_code: str, year: int) -> dict[str, Any]:
        """target key -> the override (status, reason, who, created_at)."""
        with self._conn() as conn:
            return {o.target_key: o for o in conn.execute(select(status_overrides).where(
                status_overrides.c.region_code == region_code, status_overrides.c.year == year))}

    def set_override(self, region_code: str, year: int, target: str, status: str, reason: str,
                     who: str | None) -> None:
        o = status_overrides.c

        def replace() -> None:
            with self.db.engine.begin() as conn:
                conn.execute(delete(status_overrides).where(o.region_code == region_code, o.year == year,
                                                            o.target_key == target))
                conn.execute(insert(status_overrides).values(region_code=region_code, year=year, target_key=target,
                                                             status=status, reason=reason, who=who, created_at=now()))
        retrying(replace)

    def delete_document(self, doc_id: int) -> str:
        """A document and every line extracted from it (reviews are kept by content hash); the path
        it was read from, for the server to remove an upload it stored."""
        from zhibiao.store.ingest import delete_document

        path = delete_document(self.db, doc_id)
        if path is None:
            raise NotFound(f"no document {doc_id}")
        return path


def _columns(fields: tuple[str, ...], names: tuple[str, ...]) -> itemgetter:
    """A getter of a result row's ``names`` columns, by position (found once per result): a Row's
    attribute lookups were a third of a comparison of a province's cities and of its grid."""
    return itemgetter(*(fields.index(n) for n in names))


def _prefixed_fields(fields: tuple[str, ...], prefix: str) -> tuple[tuple[str, int], ...]:
    """(attribute name, index) of a result's columns named ``prefix…`` (see :func:`_record`)."""
    n = len(prefix)
    return tuple((_ATTRIBUTE.get(k[n:], k[n:]), i) for i, k in enumerate(fields) if k.startswith(prefix))


def _record(row: Any, prefix: str = "") -> SimpleNamespace:
    """A row's columns (those named ``prefix…``, without it) as a record with the ORM row's
    attribute names."""
    if prefix:
        n = len(prefix)
        items = {k[n:]: v for k, v in row._mapping.items() if k.startswith(prefix)}
    else:
        items = dict(row._mapping)
    for column, attribute in _ATTRIBUTE.items():
        if column in items:
            items[attribute] = items.pop(column)
    return SimpleNamespace(**items)


def review_dict(r: Any) -> dict:
    return {"action": r.action, "changes": r.changes, "who": r.who, "at": r.created_at.isoformat(timespec="minutes")}


def document_dict(d: Any) -> dict:
    """A document as the API and pages show it: by id and title, never by a path on the server."""
    from zhibiao.store.provenance import provenance

    return {"source": provenance(d), "version": d.version or 1, "citation": cite_text(Source.from_row(d)),"id": d.id, "sha256": d.sha256, "title": document_title(d), "printed_title": d.title,
            "format": d.format, "doc_type": d.doc_type, "issuer": d.issuer,
            "issuer_inferred": bool(getattr(d, "issuer_inferred", False)),
            "region": {"name": d.region_name, "code": d.region_code}, "plan_year": d.plan_year,
            "doc_number": d.doc_number, "issued_on": d.issued_on, "url": getattr(d, "source_url", None),
            "retrieved_at": _iso_date(getattr(d, "retrieved_at", None)),
            "extractor_version": d.extractor_version,
            "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None}


# ---------------------------------------------------------------------------------- closest names


def closest_regions(word: str, limit: int = 5) -> list[str]:
    """Region names (with codes) nearest to a word that names none, by name, alias and code."""
    from rapidfuzz import fuzz, process

    from zhibiao.catalog import RegionRegistry

    reg = RegionRegistry.default()
    choices: dict[str, str] = {}
    for row in reg.rows.values():
        for n in (row.name, *row.aliases, row.code):
            choices.setdefault(n, row.code)
    # names that contain the word, or that the word contains, first; then by similarity
    word_s = word.strip()
    contained = [c for n, c in choices.items() if word_s and len(n) >= 2 and (word_s in n or n in word_s)]
    hits = [choices[n] for n, _s, _i in process.extract(word_s, list(choices), scorer=fuzz.WRatio, limit=limit * 3)]
    codes: list[str] = []
    for c in sorted(set(contained), key=lambda c: (reg.rows[c].level != "province", c))[:limit] + hits:
        if c not in codes:
            codes.append(c)
    return [f"{reg.rows[c].name} {c}" for c in codes[:limit]]


def closest_indicators(word: str, limit: int = 5) -> list[str]:
    """Indicator ids nearest to a word, by id, Chinese and English name and alias."""
    from rapidfuzz import fuzz, process

    from zhibiao.catalog import Catalog, normalize_name

    cat = Catalog.default()
    choices: dict[str, str] = {}
    for ind in cat.indicators.values():
        for n in (ind.id, ind.name_en.lower(), normalize_name(ind.name_zh), *(normalize_name(a) for a in ind.aliases)):
            choices.setdefault(n, ind.id)
    w = normalize_name(word) if not word.isascii() else word.lower()
    ids: list[str] = []
    for ind in cat.search(word)[:limit]:
        ids.append(ind.id)
    for n, _s, _i in process.extract(w, list(choices), scorer=fuzz.WRatio, limit=limit * 4):
        if choices[n] not in ids:
            ids.append(choices[n])
    return [f"{i} ({cat.get(i).name_zh})" for i in ids[:limit]]

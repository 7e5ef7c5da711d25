"""The questions analysts ask of the database: did a region reach its targets, what changed from
last year's plan, how do regions and levels compare. Every answer names its sources by title.

All reading goes through the read model (:mod:`zhibiao.track.queries`), which decides which
document's target wins and which figure is the actual; this module judges and compares.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache, wraps
from decimal import Decimal, InvalidOperation
from typing import Any

from zhibiao.errors import InputError
from zhibiao.models import Region, json_number
from zhibiao.store.database import Database
from zhibiao.track.citations import Source, cite_line
from zhibiao.track.comparison import comparable, difference, difference_unit, intensive, strictness
from zhibiao.track.naming import apart
from zhibiao.track.queries import (ActualFact, ChosenTarget, DocRef, ReadModel, TargetFact, corrected_text,
                                   source_of)
from zhibiao.track.status import (STATUSES, Actual, Context, Joined, Rules, Say, Status, TargetLine, decide, fmt,
                                  months_label, period_measure, status_name)


def _num(v: Decimal | None):
    return json_number(v) if v is not None else None


@dataclass
class StatusLine:
    name: str
    indicator: str | None
    text: str
    comparator: str | None
    value: Any
    unit: str | None
    status: str
    explanation: str
    actual: dict | None
    value_high: Any = None
    document: dict | None = None  # {id, title, doc_type} of the document that set the target
    span: list[int] | None = None
    overridden: bool = False
    review: dict | None = None  # a reviewer's confirmation or correction: action, changes, who, at
    citation: dict | None = None  # the document to cite for this target: text, quote, page, address
    explanation_en: str = ""
    kind: str | None = None
    parent: str | None = None
    category: str | None = None
    seq: str | None = None
    page: int | None = None
    year: int | None = None
    conflict: bool = False  # another document states this target differently
    others: list[dict] = field(default_factory=list)  # what the other documents state
    parts: list[dict] = field(default_factory=list)  # a multi-part target, judged part by part
    period: list[int] | None = None  # [base year, end year] of a target covering years (a five-year outline's)
    measure: str | None = None  # how such a target counts its years: level | average (年均) | cumulative (累计)
    progress: dict | None = None  # its figures year by year, the yearly change observed and still required
    restated: bool = False  # the target as a later document restates it (its issuing document is not stored)
    assigned: dict | None = None  # what the level above's breakdown table (分解表) assigned the region for it
    status_en: str = ""
    status_zh: str = ""

    def to_dict(self) -> dict:
        return plain(self)

    def explain(self, lang: str = "zh") -> str:
        return self.explanation_en if lang == "en" else self.explanation


@dataclass
class StatusReport:
    region: dict
    year: int
    targets: list[StatusLine] = field(default_factory=list)
    needs_review: list[dict] = field(default_factory=list)  # documents without a year or region
    rejected: int = 0  # lines a reviewer marked as not a target

    @property
    def summary(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in self.targets:
            out[t.status] = out.get(t.status, 0) + 1
        return out

    def achievement(self):
        """The achievement rate of these lines, with how many of its statuses an estimate (预计数)
        decided (:mod:`zhibiao.track.achievement`: the one rate the pages show)."""
        from zhibiao.track.achievement import achievement

        return achievement(self.targets)

    def to_dict(self) -> dict:
        return {"region": self.region, "year": self.year,
                "targets": [t.to_dict() for t in self.targets],
                "summary": self.summary, "achievement": self.achievement().to_dict(),
                "needs_review": self.needs_review, "rejected": self.rejected}

    def to_dataframe(self):
        import pandas as pd  # optional dependency

        return pd.DataFrame([t.to_dict() for t in self.targets])


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_LEAVES = frozenset({str, int, float, bool, type(None), Decimal})


def plain(value):
    """``dataclasses.asdict`` without its deep copy of every value: containers are copied, values
    (str, Decimal, numbers — immutable) are shared. The same result, at a third of the cost (a
    scorecard of 40 lines with citations spent as long in ``asdict`` as in deciding statuses)."""
    kind = type(value)
    if kind in _LEAVES:  # most values: answered before the dataclass test
        return value
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if hasattr(kind, "__dataclass_fields__") and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return type(value)(*(plain(v) for v in value)) if hasattr(value, "_fields") else tuple(plain(v) for v in value)
    return value


class _RegionContext(Context):
    """What the status tests ask beyond a target and its actual, for one region."""

    def __init__(self, tracker: "Tracker", region: Region):
        self.tracker, self.region = tracker, region
        # the parent's winning line by year and indicator, each read once per status
        self._parent_lines: dict[tuple[int, str], TargetLine | None] = {}
        self._assigned: dict[int, dict[str, TargetFact]] = {}  # year -> indicator -> what the level above assigned

    def actual_of(self, indicator: str | None, year: int | None) -> Actual | None:
        return self.tracker.actual(self.region.code, indicator, year)

    def actual_of_scope(self, level: str, indicator: str | None, year: int | None) -> Actual | None:
        from zhibiao.catalog import RegionRegistry

        registry = RegionRegistry.default()
        own = registry.by_code(self.region.code) if self.region.code else None
        if own is None:
            return None
        region = next((r for r in [own, *registry.ancestors(own)] if r.level == level), None)
        return self.tracker.actual(region.code, indicator, year) if region is not None and region.code else None

    def is_own_level(self, level: str) -> bool:
        return self.region.level == level

    def assigned(self, year: int) -> dict[str, TargetFact]:
        """What the level above's breakdown tables assigned this region for ``year``, by target key."""
        if year not in self._assigned:
            found = self.tracker.q.allocations_from(self.region.parent_code, year).get(self.region.code, []) \
                if self.region.parent_code else []
            self._assigned[year] = {c.winner.key: c.winner for c in found}
        return self._assigned[year]

    def parent_target(self, target: TargetLine) -> TargetLine | None:
        """The level above's target for this region: the figure its breakdown table assigned the region
        (完成省下达目标 judged against the 3 the province's 分解表 gives the city), else the level above's own."""
        if not self.region.parent_code or not target.indicator or target.year is None:
            return None
        key = (target.year, target.indicator)
        if key not in self._parent_lines:
            allocation = self.assigned(target.year).get(target.indicator)
            if allocation is not None:
                self._parent_lines[key] = self.tracker.line(allocation)
            else:
                # the parent's line of this indicator only: its whole scorecard was read for each such line
                chosen = self.tracker.q.target_for(self.region.parent_code, target.year, target.indicator)
                self._parent_lines[key] = self.tracker.line(chosen.winner) if chosen else None
        return self._parent_lines[key]


def _one_connection(method):
    """The method's queries share one connection of the read model (ReadModel.reading)."""

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        with self.q.reading():
            return method(self, *args, **kwargs)

    return wrapper


class Tracker:
    def __init__(self, db: Database, rules: Rules | None = None):
        self.db = db
        self.rules = rules or Rules.load()
        self.q = ReadModel(db)

    # ------------------------------------------------------------------ lookups

    def region(self, name_or_code: str) -> Region:
        return self.q.region(name_or_code)

    def directions(self) -> dict[str, str]:
        return self.q.directions()

    def line(self, t: TargetFact) -> TargetLine:
        line = TargetLine(name=t.name, indicator=t.indicator, text=t.text, kind=t.kind, comparator=t.comparator,
                          value=t.value, value_high=t.value_high, unit=t.unit, year=t.year, reference=t.reference,
                          direction=self.directions().get(t.indicator or "", "up"), document=t.doc.title,
                          span=t.span, parent=t.parent)
        if t.period:
            line.base_year = t.period[0]
            line.measure = period_measure(line, self.rules)
        return line

    def _actual(self, f: ActualFact, superseded: list[ActualFact]) -> Actual:
        text = f.text or fmt(f.value, f.unit)
        if f.doc is not None:
            citation = cite_line(source_of(f.doc), quote=f"{f.name} {text}",
                                 page=self.q.page_of(f.doc.id, f.source_span[0] if f.source_span else None))
        else:
            citation = {"text": f.source, "quote": f"{f.name} {text}", "page": None, "document_id": None,
                        "title": None, "url": None, "retrieved_at": None}
        return Actual(value=f.value, unit=f.unit, text=text, document=f.source, span=f.span, year=f.year,
                      period=f.period, estimated=f.basis == "estimate", comparator=f.comparator,
                      citation=citation, measure=f.measure, indicator=f.indicator,
                      document_id=f.doc.id if f.doc else None, basis=f.basis, review=f.review, printed=f.printed,
                      superseded=[{"value": _num(s.value), "unit": s.unit, "text": s.text, "basis": s.basis,
                                   "period": s.period, "source": s.source,
                                   "document": s.doc.brief() if s.doc else None, "span": s.span}
                                  for s in superseded])

    def actual(self, region_code: str, indicator: str | None, year: int | None,
               full_year: bool = False) -> Actual | None:
        """The actual for a region, indicator and year (the read model's precedence)."""
        chosen = self.q.actual_for(region_code, indicator, year, full_year=full_year)
        return self._actual(chosen.winner, chosen.superseded) if chosen else None

    def latest_actual(self, region_code: str, indicator: str, before_year: int) -> Actual | None:
        years = self.q.actual_years(region_code, indicator, before=before_year)
        for y in reversed(years):
            a = self.actual(region_code, indicator, y, full_year=True) or self.actual(region_code, indicator, y)
            if a is not None:
                return a
        return None

    # ------------------------------------------------------------------ status

    @_one_connection
    def status(self, region: str, year: int, reviewed_only: bool = False, require_data: bool = False,
               review_queue: bool = True) -> StatusReport:
        """Every target of a region for a year with its status. Reviewers' corrections apply and
        lines they rejected are left out; ``reviewed_only`` keeps the lines a reviewer confirmed
        or corrected. ``require_data``: a region-year without targets is a NotFound naming the
        years that have them. ``review_queue=False`` leaves ``needs_review`` (the documents
        without a year or region) empty, for callers that show only the lines (the snapshot)."""
        r = self.region(region)
        if require_data:
            self.q.require_year(r, year)
        with self.q.actuals_of(r.code, year):
            return self._status(r, year, reviewed_only, review_queue)

    def _status(self, r: Region, year: int, reviewed_only: bool, review_queue: bool = True) -> StatusReport:
        ctx = _RegionContext(self, r)
        report = StatusReport(region=r.to_dict() | {"code": r.code}, year=year)
        overrides = self.q.overrides(r.code, year)
        chosen = self.q.targets_for(r.code, year)
        reviews = self.q.corrections_for({c.winner.doc.sha256 for c in chosen})
        assigned = ctx.assigned(year)  # (each target beside what the level above assigned the region for it)
        for c in chosen:
            t = c.winner
            line = self.line(t)
            review = reviews.get((t.doc.sha256, "target", f"{t.span[0]}-{t.span[1]}" if t.span else "None-None"))
            if review is not None and review["action"] == "reject":
                report.rejected += 1
                continue
            if reviewed_only and review is None:
                continue
            shown = line.text
            corrected = None
            if review is not None and review["action"] == "correct":
                _apply(line, review["changes"] or {})
                shown = line.text
                corrected = _corrected_target(line, t, review)
            actual = self.actual(r.code, line.indicator, year, full_year=bool(t.period)) if line.indicator else None
            if actual is None and line.indicator and t.period:
                # a target for a later year (到2025年…, a five-year outline): the latest figure so far
                actual = self.latest_actual(r.code, line.indicator, year)
                if actual is not None and actual.year is not None and actual.year <= t.period[0] \
                        and (line.measure != "level" or line.kind != "numeric"):
                    actual = None  # the base year's figure is where the period starts, not a result of it
            st: Status = decide(line, actual, ctx, self.rules)
            key = override_key(line.indicator or line.name, t.period)
            overridden = False
            if key in overrides:
                o = overrides[key]
                st = Status(o.status, Say.of("override", reason=o.reason, who=o.who or "?",
                                             date=f"{o.created_at:%Y-%m-%d}"), st.actual)
                overridden = True
            a = st.actual
            disagreeing = c.disagreeing
            say_en, say_zh = st.explanation_en, st.explanation
            notes = [Say.of("restated_differs", source=o.doc.title, text=o.text) for o in disagreeing if o.restated]
            others = [o for o in disagreeing if not o.restated]
            if others:
                notes.insert(0, Say.of("conflict", others=Joined(_other_wording(o, t.doc) for o in others)))
            revised = _revision_note(a)
            if revised is not None:
                notes.insert(0, revised)
            if a is not None and a.review is not None and a.printed is not None:
                notes.insert(0, _correction_note("actual_corrected", a.text, a.printed, a.review))
            if corrected is not None:
                notes.insert(0, corrected)
            for note in notes:
                say_zh, say_en = f"{say_zh}；{note.render('zh')}", f"{say_en}; {note.render('en')}"
            report.targets.append(StatusLine(
                name=line.name, indicator=line.indicator, text=shown, comparator=line.comparator,
                value=_num(line.value), value_high=_num(line.value_high), unit=line.unit, status=st.status,
                explanation=say_zh, explanation_en=say_en,
                status_zh=status_name(st.status, "zh"), status_en=status_name(st.status, "en"),
                actual=_actual_dict(a), document=t.doc.brief(), span=line.span, overridden=overridden,
                citation=cite_line(source_of(t.doc), quote=f"{t.name} {t.text}", page=t.page),
                review=review, kind=line.kind, parent=line.parent, category=t.category, seq=t.seq, page=t.page, year=t.year,
                conflict=bool(disagreeing), others=[o.brief() for o in c.others], parts=st.parts,
                period=list(t.period) if t.period else None, measure=line.measure, progress=st.progress,
                restated=t.restated, assigned=assigned[t.key].brief() if t.key in assigned else None,
            ))
        if review_queue:
            report.needs_review = [d for d in self.q.documents_needing_review()
                                   if d["region"]["code"] in (None, r.code)]
        return report

    def override(self, region: str, year: int, target: str, status: str, reason: str, who: str | None = None) -> str:
        """Set a target's status by hand; the target as :meth:`override_target` resolves it (its key is returned)."""
        if status not in STATUSES:
            raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}")
        if not reason.strip():
            raise InputError("an override needs a reason")
        r = self.region(region)
        key = self.override_target(r, year, target)
        self.q.set_override(r.code, year, key, status, reason, who)
        return key

    def override_target(self, r: Region, year: int, word: str) -> str:
        """The key of the one target of the region-year that ``word`` designates: its key (the
        indicator id, or the printed name of an unmapped line; ``id@base-end`` for a five-year
        target), its printed name, or an indicator name the catalogue resolves. A region-year
        without targets is a NoTargets; a word designating none or several is a NotFound naming
        the candidates (an override stored under a key no target has would never be shown)."""
        from zhibiao.errors import NotFound

        self.q.require_year(r, year)
        lines = {override_key(t.indicator or t.name, t.period): t
                 for t in self.status(r.code, year, review_queue=False).targets}
        word = word.strip()
        if word in lines:
            return word
        try:
            resolved = self.q.indicator(word)
        except NotFound:
            resolved = None
        found = [k for k, t in lines.items() if word in (t.name, t.indicator) or (resolved and t.indicator == resolved)]
        shown = {k: f"{k} ({t.name})" for k, t in lines.items()}
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFound(f"{r.name} has several targets {word} for {year}: {', '.join(shown[k] for k in found)}; "
                           "give one of them")
        from rapidfuzz import fuzz, process

        near = [shown[k] for _n, _s, k in process.extract(word, shown, scorer=fuzz.WRatio, limit=3)]
        raise NotFound(f"{r.name} has no target {word} for {year}"
                       + (f"; its closest targets: {', '.join(near)}" if near else ""))

    @_one_connection
    def cite(self, region: str, year: int, indicator: str | None = None) -> tuple[list[dict], list[Source]]:
        """Every target of a region-year (or of one indicator) with its citation and its actual's,
        and the documents they cite, each once (for CSL-JSON and BibTeX)."""
        report = self.status(region, year)
        lines = [t for t in report.targets if not indicator or t.indicator == indicator]
        figures = [{"name": t.name, "indicator": t.indicator, "text": t.text, "citation": t.citation,
                    "actual": {"text": t.actual["text"], "citation": t.actual.get("citation"),
                               "basis": t.actual.get("basis")} if t.actual else None}
                   for t in lines]
        ids: list[int] = []
        for f in figures:
            for c in (f["citation"], (f["actual"] or {}).get("citation")):
                if c and c.get("document_id") and c["document_id"] not in ids:
                    ids.append(c["document_id"])
        return figures, self._sources(ids)

    def sources(self, region: str, year: int) -> list[Source]:
        """The documents a region-year's status cites (its targets' and their actuals'), each once."""
        return self.cite(region, year)[1]

    def _sources(self, ids: list[int]) -> list[Source]:
        out = []
        for i in ids:
            d = self.q.document(i)
            out.append(source_of(DocRef(id=d["id"], title=d["title"], doc_type=d["doc_type"],
                                        region_code=d["region"]["code"], region_name=d["region"]["name"],
                                        plan_year=d["plan_year"], issued_on=d["issued_on"],
                                        doc_number=d["doc_number"], issuer=d["issuer"], url=d["url"],
                                        sha256=d["sha256"], retrieved_at=d.get("retrieved_at"),
                                        printed_title=d.get("printed_title"),
                                        issuer_inferred=bool(d.get("issuer_inferred")))))
        return out

    # ------------------------------------------------------------------ comparisons

    def _brief(self, t: TargetFact | None) -> dict | None:
        return t.brief() if t is not None else None

    def _difference_units(self, delta, b: TargetLine | None, a: TargetLine | None, indicator: str | None,
                          key: str) -> dict:
        """``{key: unit, key_en: unit}`` of the difference a − b (in b's unit: two figures in % differ
        by 个百分点 / pp), both None without a difference."""
        if delta is None:
            return {key: None, key + "_en": None}
        unit = (b.unit if b else None) or (a.unit if a else None)
        if unit is None and indicator:  # two bare figures (6.5以上 under a growth rate): the indicator's unit
            from zhibiao.catalog import Catalog

            entry = Catalog.default().get(indicator)
            unit = entry.unit if entry else None
        return {key: difference_unit(unit), key + "_en": difference_unit(unit, "en")}

    @_one_connection
    def compare_years(self, region: str, year: int) -> list[dict]:
        """This year's plan against last year's: raised, lowered, unchanged, changed, new, dropped,
        and whether this year's is stricter or looser by the indicator's direction. A year without
        targets stored is a :class:`NoTargets` (naming the years that have them): every line would
        read "new" (or "dropped"), which says the region changed its plan when only a document is missing."""
        r = self.region(region)
        self.q.require_year(r, year)
        self.q.require_year(r, year - 1)
        now_rows = {c.winner.key: c.winner for c in self.q.targets_for(r.code, year)}
        prev_rows = {c.winner.key: c.winner for c in self.q.targets_for(r.code, year - 1)}
        out = []
        for key in list(now_rows) + [k for k in prev_rows if k not in now_rows]:
            t, p = now_rows.get(key), prev_rows.get(key)
            tl, pl = (self.line(t) if t else None), (self.line(p) if p else None)
            delta = difference(tl, pl) if tl and pl else None
            if t is None:
                change = "dropped"
            elif p is None:
                change = "new"
            elif delta is not None:
                change = "raised" if delta > 0 else "lowered" if delta < 0 else (
                    "unchanged" if t.comparator == p.comparator else "changed")
            else:
                change = "unchanged" if t.text == p.text else "changed"
            base = t or p
            direction = self.directions().get(base.indicator or "", "up")
            out.append({"indicator": base.indicator, "name": base.name, "parent": base.parent, "unit": base.unit,
                        "change": change, "previous": self._brief(p), "current": self._brief(t), "delta": _num(delta),
                        **self._difference_units(delta, pl, tl, base.indicator, "delta_unit"),
                        "strictness": strictness(tl, pl, direction) if tl and pl else None})
        return out

    @_one_connection
    def compare_regions(self, indicator: str, year: int, level: str | None = None, parent: str | None = None,
                        offset: int = 0, size: int | None = None) -> list[dict]:
        """One indicator across the regions of a level, or the children of a region, in region code
        order: every region's rows, or (``size``) the rows of the ``size`` regions from ``offset``
        (:meth:`compare_regions_page` says how many there are)."""
        return self.compare_regions_page(indicator, year, level, parent, offset, size)["rows"]

    @_one_connection
    def compare_regions_page(self, indicator: str, year: int, level: str | None = None, parent: str | None = None,
                             offset: int = 0, size: int | None = None) -> dict:
        """A page of :meth:`compare_regions`: ``rows`` of the regions ``offset`` to ``offset + size``
        (a region with a five-year target for the year as well as its annual one has a row for
        each), ``total`` regions, ``offset`` and ``size``. Only the page's regions are read: the
        regions come from the index of targets, then their lines — pages of 50 counties, not 2,800.
        The pages, one after another, are exactly the rows of the whole answer."""
        indicator = self.q.indicator(indicator)
        codes = None
        if parent:
            from zhibiao.catalog import RegionRegistry

            codes = [c.code for c in RegionRegistry.default().children(self.region(parent).code)]
        if size is None and not offset:  # the whole answer: every region's lines in one query
            by_region = self.q.targets_of_regions(codes, year, indicator=indicator, level=level)
            page, total = list(by_region), len(by_region)
        else:
            page, total = self.q.regions_with_targets(year, indicator, codes, level=level, offset=offset, size=size)
            by_region = self.q.targets_of_regions(page, year, indicator=indicator) if page else {}
        levels = self.q.region_levels(page)
        out = []
        for code in page:
            for c in by_region.get(code, []):
                if c.winner.indicator != indicator:
                    continue
                w = c.winner
                out.append({"region": {"name": w.doc.region_name, "code": code, "level": levels.get(code)}}
                           | w.brief() | {"indicator": indicator, "conflict": c.conflict, "document_id": w.doc.id,
                                          "others": [o.brief() for o in c.disagreeing]})
        return {"rows": out, "total": total, "offset": offset, "size": size}

    def _level_pairs(self, r: Region, year: int, indicators_only: bool = False):
        """Each child region of ``r`` with targets for ``year``, and each of ``r``'s own targets
        with the child's for the same target and how they compare — the one definition of the
        level comparison (:meth:`compare_levels`, the grid's marks). Yields ``(child, chosen,
        parent's targets by key, pairs)``, ``pairs`` a list of ``(parent target, child target,
        their lines, intensive, margin, label)``.
        ``indicators_only``: ``chosen`` holds the child's targets of the parent's indicators only
        (what the pairs need), read without the others."""
        from zhibiao.catalog import RegionRegistry

        parent_rows = self._parent_rows(r.code, year)
        kids = RegionRegistry.default().children(r.code)
        wanted = {pt.indicator for pt in parent_rows.values()} if indicators_only else None
        by_region = self.q.targets_of_regions([k.code for k in kids], year, indicators=wanted) \
            if wanted is None or wanted else {}
        parent_lines = {key: self.line(pt) for key, pt in parent_rows.items()}  # once, not once per child
        for child in kids:
            chosen = by_region.get(child.code)
            if not chosen:
                continue
            yield child, chosen, parent_rows, self._pairs(parent_rows, chosen, parent_lines)

    def _parent_rows(self, parent_code: str, year: int) -> dict[str, TargetFact]:
        """A parent region's winning targets with an indicator, by key: what its children compare with."""
        return {c.winner.key: c.winner for c in self.q.targets_for(parent_code, year) if c.winner.indicator}

    def _pairs(self, parent_rows: dict[str, TargetFact], chosen: list[ChosenTarget],
               parent_lines: dict[str, TargetLine] | None = None) -> list[tuple]:
        """A child's winning targets (``chosen``) against the parent's of the same key: ``(parent
        target, child target, their lines, intensive, margin, label)`` each. ``parent_lines``: the
        parent targets' lines by key, when the caller made them for several children."""
        from zhibiao.catalog import Catalog

        cat = Catalog.default()
        rows = {c.winner.key: c.winner for c in chosen}
        pairs = []
        for key, pt in parent_rows.items():
            ct = rows.get(key)
            if ct is None:
                continue
            cl = self.line(ct)
            pl = parent_lines[key] if parent_lines is not None else self.line(pt)
            ind = cat.get(pt.indicator)
            per_unit = intensive(pl, ind.measure if ind else None)
            margin = difference(cl, pl) if per_unit else None
            label = strictness(cl, pl, self.directions().get(pt.indicator, "up")) if per_unit else None
            if label is None and ct.text == pt.text:
                label = "same"  # 稳步增长 and 稳步增长: the same words, whatever they mean
            pairs.append((pt, ct, cl, pl, per_unit, margin, label))
        return pairs

    @_one_connection
    def compare_levels(self, region: str, year: int) -> dict:
        """Each child region's targets against the region's own: like with like (rates, growth,
        shares, per-capita figures get a margin and stricter / looser; totals of different regions
        are side by side), with units and parents, and the region's targets a child left out."""
        r = self.region(region)
        children = []
        allocated = self.q.allocations_from(r.code, year)  # what the region's breakdown tables assign its divisions
        for child, chosen, parent_rows, pairs in self._level_pairs(r, year):
            rows = {c.winner.key for c in chosen}
            lines = [{"indicator": pt.indicator, "name": ct.name, "parent_name": pt.parent,
                      "unit": pt.unit, "parent": pt.brief(), "child": ct.brief(), "margin": _num(margin),
                      **self._difference_units(margin, pl, cl, pt.indicator, "margin_unit"),
                      "comparable": comparable(cl, pl), "intensive": per_unit, "strictness": label,
                      "raised": label == "stricter" if label in ("stricter", "looser") else None}
                     for pt, ct, cl, pl, per_unit, margin, label in pairs]
            names = {c.winner.name for c in chosen}
            left_out = [pt.brief() for key, pt in parent_rows.items() if key not in rows and pt.name not in names]
            children.append({"region": {"name": child.name, "code": child.code, "level": child.level},
                             "targets": lines, "left_out": left_out,
                             "allocations": self._against_allocations(allocated.pop(child.code, []), chosen)})
        for code, assigned in allocated.items():  # a division assigned targets, none of its own stored
            child = self.region(code)
            children.append({"region": {"name": child.name, "code": child.code, "level": child.level},
                             "targets": [], "left_out": [], "allocations": self._against_allocations(assigned, [])})
        return {"region": {"name": r.name, "code": r.code, "level": r.level}, "year": year, "children": children}

    def _against_allocations(self, assigned: list[ChosenTarget], chosen: list[ChosenTarget]) -> list[dict]:
        """Each target the region above assigned a division (its breakdown table) beside the division's own
        target of that indicator: how the own one compares — stricter (raised: 层层加码), the same, or looser
        (below what it was assigned). Both are the division's figures, so totals compare too (城镇新增就业 14万人
        against 15 assigned), unlike a division's total against its parent's."""
        own = {c.winner.key: c.winner for c in chosen}
        out = []
        for a in assigned:
            at = a.winner
            ct = own.get(at.key)
            al = self.line(at)
            cl = self.line(ct) if ct is not None else None
            margin = difference(cl, al) if cl is not None else None
            label = strictness(cl, al, self.directions().get(at.indicator or "", "up")) if cl is not None else None
            out.append({"indicator": at.indicator, "name": at.name, "unit": at.unit, "allocated": at.brief(),
                        "child": ct.brief() if ct is not None else None, "margin": _num(margin),
                        **self._difference_units(margin, al, cl, at.indicator, "margin_unit"),
                        "comparable": cl is not None and comparable(cl, al), "strictness": label,
                        "raised": label == "stricter" if label in ("stricter", "looser") else None})
        return out

    @_one_connection
    def level_marks(self, region: str, year: int) -> dict[str, dict[str, str | None]]:
        """child code -> indicator -> how the child's target compares with the region's own
        (stricter / same / looser / different, or None when they do not compare): the labels of
        :meth:`compare_levels` without the rest of its answer, for the grid's marks."""
        r = self.region(region)
        return {child.code: _labels(pairs)
                for child, _chosen, _rows, pairs in self._level_pairs(r, year, indicators_only=True)}

    @_one_connection
    def marks_against_parent(self, region: str, year: int) -> dict[str, str | None] | None:
        """:meth:`level_marks`' labels of one region against its parent: indicator -> label (the
        status snapshot writes them beside the region's lines, for the grid); None without a parent."""
        r = self.region(region)
        if not r.parent_code:
            return None
        chosen = self.q.targets_for(r.code, year)
        return _labels(self._pairs(self._parent_rows(r.parent_code, year), chosen)) if chosen else {}

    # ------------------------------------------------------------------ listings

    def targets(self, region: str | None = None, year: int | None = None, indicator: str | None = None,
                level: str | None = None) -> list[dict]:
        rows, _next = self.q.list_targets(region=region, year=year, indicator=indicator, level=level)
        return rows

    @_one_connection
    def indicator_series(self, region_code: str, indicator: str) -> list[dict]:
        """A region's winning target and actual for one indicator, year by year."""
        out = []
        for year, c in self.q.target_series(region_code, indicator).items():
            a = self.actual(region_code, indicator, year)
            out.append({"year": year, "target": c.winner.brief(), "actual": _actual_dict(a), "conflict": c.conflict})
        return out


STATUS_COLUMNS = ["region", "year", "category", "seq", "name", "indicator", "text", "unit", "status", "explanation",
                  "document", "document_id", "page", "span", "actual", "actual_text", "actual_months", "actual_document",
                  "actual_document_id", "actual_page", "actual_span", "conflict", "url", "citation", "actual_citation",
                  "actual_basis"]


def _labels(pairs: list[tuple]) -> dict[str, str | None]:
    """Indicator -> the label of :meth:`Tracker._pairs`' pairs (the last pair of an indicator wins)."""
    return {pt.indicator: label for pt, _ct, _cl, _pl, _i, _m, label in pairs}


def status_rows(report: "StatusReport", lang: str = "zh") -> list[dict]:
    """A status report as flat rows for CSV and XLSX: every target and actual with its document's
    title, page and span."""
    rows = []
    for t in report.targets:
        a = t.actual or {}
        rows.append({"region": report.region["name"], "year": report.year, "category": t.category, "seq": t.seq,
                     "name": t.name, "indicator": t.indicator, "text": t.text, "unit": t.unit, "status": t.status, "explanation": t.explain(lang),
                     "document": (t.document or {}).get("title"), "document_id": (t.document or {}).get("id"),
                     "page": t.page, "span": t.span, "actual": a.get("value"), "actual_text": a.get("text"),
                     # (a part of the year's figure: its months, 1—11月 / months 1–11 — never read as the year's)
                     "actual_months": a.get("months_en" if lang == "en" else "months"),
                     "actual_document": a.get("source"), "actual_document_id": (a.get("document") or {}).get("id"),
                     "actual_page": (a.get("citation") or {}).get("page"), "actual_span": a.get("span"),
                     "conflict": t.conflict, "url": (t.citation or {}).get("url"),
                     "citation": (t.citation or {}).get("text"), "actual_citation": (a.get("citation") or {}).get("text"),
                     "actual_basis": a.get("basis")})  # (estimate: the figure is a 预计数, marked as on the pages)
    return rows


def _other_wording(other, winner) -> Say:
    """Another document's wording of a target, named so that it cannot be taken for the winner's
    document: one of the same title also by its document number, date and id."""
    if winner is None or other.doc.title != winner.title:
        return Say.of("conflict_other", title=other.doc.title, text=other.text)
    return Say.of("conflict_other_apart", title=other.doc.title, apart=apart(other.doc), text=other.text)


def _revision_note(a: Actual | None) -> Say | None:
    """The figure used, and the full-year figures of other documents it takes precedence over that
    state it differently (an estimate and its revision), for the explanation."""
    if a is None:
        return None
    replaced, seen = [], {a.document_id}
    for s in a.superseded:
        other = (s.get("document") or {}).get("id")
        if s.get("period") or other in seen or s.get("value") is None:
            continue
        seen.add(other)
        value = Decimal(str(s["value"]))
        if value == a.value and s.get("basis") == a.basis:
            continue  # the same figure, restated
        replaced.append(Say.of("replaced", basis=Say.of(f"basis.{s['basis']}"), value=fmt(value, s.get("unit")),
                               source=s.get("source")))
    if not replaced:
        return None
    return Say.of("revised", basis=Say.of(f"basis.{a.basis}"), value=fmt(a.value, a.unit), source=a.document,
                  replaced=Joined(replaced))


def _apply(line: TargetLine, changes: dict) -> None:
    for k, v in changes.items():
        if k in ("value", "value_high") and v is not None:
            try:
                v = Decimal(str(v))
            except InvalidOperation:
                continue
        if hasattr(line, k):
            setattr(line, k, v)


def override_key(indicator_or_name: str, period) -> str:
    """The key an override of a target is stored under: its indicator (its printed name when
    unmapped); a five-year target's has its period, apart from the annual plan's."""
    return f"{indicator_or_name}@{period[0]}-{period[1]}" if period else indicator_or_name


def _corrected_target(line: TargetLine, t: TargetFact, review: dict) -> Say | None:
    """The wording a corrected target is judged and quoted by — its printed wording with the
    corrected figures written in (增长6.5%左右 corrected to 5.5: 增长5.5%左右) — set on ``line``,
    and the note saying so; None when the correction changed no figure or comparator."""
    changes = review.get("changes") or {}
    if not any(k in changes for k in ("value", "value_high", "comparator")) or "text" in changes:
        return None  # (a reviewer's own wording is used as given)
    printed = line.text
    text = printed
    for old, new in ((t.value, line.value), (t.value_high, line.value_high)):
        if old is not None and new is not None and old != new:
            text = corrected_text(text, old, new) or text
    line.text = text
    if text == printed:  # the figure is not printed as digits, or only the comparator changed
        text = f"{'' if line.comparator in (None, '=') else line.comparator}{fmt(line.value, line.unit)}"
    return _correction_note("target_corrected", text, printed, review)


def _correction_note(key: str, text: str, printed: str | None, review: dict) -> Say:
    return Say.of(key, text=text, printed=printed or "—", who=review.get("who") or "?",
                  date=(review.get("at") or "")[:10])


def _actual_dict(a: Actual | None) -> dict | None:
    if a is None:
        return None
    return {"value": _num(a.value), "unit": a.unit, "text": a.text, "year": a.year, "period": a.period,
            # (the months a part of the year's figure covers, as the pages and the CLI show them: 1—11月, month 11)
            "months": months_label(a.period, "zh") or None, "months_en": months_label(a.period, "en") or None,
            "estimated": a.estimated, "basis": a.basis, "source": a.document,
            "document": {"id": a.document_id, "title": a.document} if a.document_id else None,
            "span": a.span, "citation": a.citation, "superseded": a.superseded, "review": a.review,
            "printed": a.printed}

"""The questions analysts ask of the database: did a region reach its targets, what changed from
last year's plan, how do regions and levels compare. Every answer names its sources."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from zhibiao.errors import InputError
from zhibiao.models import Region, json_number
from zhibiao.store.database import Database
from zhibiao.store.schema import CorrectionRow, DocumentRow, IndicatorRow, ObservationRow, RegionRow, StatusOverrideRow, TargetRow
from zhibiao.track.citations import Source, cite_line, cite_text
from zhibiao.track.status import Actual, Context, Rules, Status, TargetLine, decide, fmt

INCREMENT = ("增加", "新增", "净增")


def comparable(a: TargetRow | None, b: TargetRow | None) -> bool:
    """Two targets' values compare when they are in one unit and both are levels or both are
    increments (增加3万人 is not comparable with 1600万人)."""
    if a is None or b is None or a.value is None or b.value is None or a.unit != b.unit:
        return False
    return a.text.startswith(INCREMENT) == b.text.startswith(INCREMENT)


DOC_PREFERENCE = {"plan_notice": 0, "plan_report": 1, "work_report": 2, "other": 3, "statistical_bulletin": 4}


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
    document: str | None = None
    span: list[int] | None = None
    overridden: bool = False
    review: dict | None = None  # a reviewer's confirmation or correction: action, changes, who, at
    citation: dict | None = None  # the document to cite for this target: text, quote, page, address

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class StatusReport:
    region: dict
    year: int
    targets: list[StatusLine] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in self.targets:
            out[t.status] = out.get(t.status, 0) + 1
        return out

    def to_dict(self) -> dict:
        return {"region": self.region, "year": self.year,
                "targets": [t.to_dict() for t in self.targets],
                "summary": self.summary}

    def to_dataframe(self):
        import pandas as pd  # optional dependency

        return pd.DataFrame([t.to_dict() for t in self.targets])


class Tracker(Context):
    def __init__(self, db: Database, rules: Rules | None = None):
        self.db = db
        self.rules = rules or Rules.load()
        self._directions: dict[str, str] | None = None
        self._pages: dict[int, list[int]] = {}

    # ------------------------------------------------------------------ lookups

    def region(self, name_or_code: str) -> Region:
        from zhibiao.catalog import RegionRegistry

        reg = RegionRegistry.default()
        r = reg.by_code(name_or_code) if str(name_or_code).isdigit() else reg.resolve(name_or_code)
        if r is None:
            raise InputError(f"region {name_or_code!r} is unknown or ambiguous (try: zhibiao catalog regions NAME)")
        return r

    def directions(self) -> dict[str, str]:
        if self._directions is None:
            with self.db.session() as s:
                self._directions = {i.id: i.direction for i in s.scalars(select(IndicatorRow))}
        return self._directions

    def _target_rows(self, region_code: str, year: int) -> list[tuple[TargetRow, DocumentRow]]:
        with self.db.session() as s:
            rows = s.execute(select(TargetRow, DocumentRow).join(DocumentRow)
                             .where(TargetRow.region_code == region_code, TargetRow.year == year)
                             .order_by(DocumentRow.id, TargetRow.line_no)).all()
        # one target per indicator: the plan's table over a report's prose, the latest version
        chosen: dict[str, tuple[TargetRow, DocumentRow]] = {}
        order: list[str] = []
        for t, d in rows:
            key = t.indicator or f"name:{t.parent or ''}/{t.name}"
            if key in chosen:
                old_d = chosen[key][1]
                if (DOC_PREFERENCE.get(d.doc_type, 9), -d.id) >= (DOC_PREFERENCE.get(old_d.doc_type, 9), -old_d.id):
                    continue
            else:
                order.append(key)
            chosen[key] = (t, d)
        return [chosen[k] for k in order]

    def _line(self, t: TargetRow, d: DocumentRow) -> TargetLine:
        return TargetLine(name=t.name, indicator=t.indicator, text=t.text, kind=t.kind, comparator=t.comparator,
                          value=t.value, value_high=t.value_high, unit=t.unit, year=t.year, reference=t.reference,
                          direction=self.directions().get(t.indicator or "", "up"), document=d.path,
                          span=[t.span_start, t.span_end] if t.span_start is not None else None, parent=t.parent)

    def actual_of(self, indicator: str, year: int | None, region_code: str | None = None) -> Actual | None:
        region_code = region_code or self._current_region
        if indicator is None or year is None:
            return None
        with self.db.session() as s:
            rows = s.execute(select(ObservationRow, DocumentRow).outerjoin(DocumentRow)
                             .where(ObservationRow.region_code == region_code, ObservationRow.indicator == indicator,
                                    ObservationRow.year == year)).all()
        if not rows:
            return None

        def rank(item):
            o, d = item
            return (0 if o.imported else 1, 0 if not o.period else 1, 1 if o.estimated else 0,
                    -(d.plan_year or 0) if d else 0, -(d.id if d else 0))

        o, d = sorted(rows, key=rank)[0]
        text = o.text or fmt(o.value, o.unit)
        citation = cite_line(Source.from_row(d), quote=f"{o.name} {text}", page=self._page_of(d, o.source_start)) \
            if d is not None else {"text": o.source, "quote": f"{o.name} {text}", "page": None, "document_id": None,
                                   "title": None, "url": None, "retrieved_at": None}
        return Actual(value=o.value, unit=o.unit, text=text,
                      document=(d.path if d else o.source), span=[o.span_start, o.span_end] if o.span_start is not None
                      else None, year=o.year, period=o.period, estimated=o.estimated, comparator=o.comparator,
                      citation=citation)

    def _page_of(self, d: DocumentRow, source_start: int | None) -> int | None:
        """The page of a raw-text offset of a paged (PDF) document."""
        if source_start is None:
            return None
        if d.id not in self._pages:
            with self.db.session() as s:
                meta = s.scalar(select(DocumentRow.doc_metadata).where(DocumentRow.id == d.id)) or {}
            self._pages[d.id] = list(meta.get("pages") or [0])
        pages = self._pages[d.id]
        if len(pages) <= 1:
            return None
        return sum(1 for start in pages if source_start >= start) or 1

    def latest_actual(self, indicator: str, before_year: int) -> Actual | None:
        with self.db.session() as s:
            year = s.scalar(select(ObservationRow.year).where(
                ObservationRow.region_code == self._current_region, ObservationRow.indicator == indicator,
                ObservationRow.year < before_year).order_by(ObservationRow.year.desc()).limit(1))
        return self.actual_of(indicator, year) if year else None

    def parent_target(self, target: TargetLine) -> TargetLine | None:
        region = self.region(self._current_region)
        if not region.parent_code or not target.indicator:
            return None
        for t, d in self._target_rows(region.parent_code, target.year):
            if t.indicator == target.indicator:
                return self._line(t, d)
        return None

    # ------------------------------------------------------------------ status

    def _corrections(self, shas: set[str]) -> dict:
        with self.db.session() as s:
            rows = list(s.scalars(select(CorrectionRow).where(CorrectionRow.document_sha256.in_(shas))
                                  .order_by(CorrectionRow.id)))
        return {(r.document_sha256, r.line_type, r.line_key): r for r in rows}

    def status(self, region: str, year: int, reviewed_only: bool = False) -> StatusReport:
        """Every target of a region for a year with its status. Reviewers' corrections apply;
        ``reviewed_only`` keeps the lines a reviewer confirmed or corrected."""
        r = self.region(region)
        self._current_region = r.code
        report = StatusReport(region=r.to_dict() | {"code": r.code}, year=year)
        with self.db.session() as s:
            overrides = {o.target_key: o for o in s.scalars(select(StatusOverrideRow).where(
                StatusOverrideRow.region_code == r.code, StatusOverrideRow.year == year))}
        rows = self._target_rows(r.code, year)
        corrections = self._corrections({d.sha256 for _t, d in rows})
        for t, d in rows:
            line = self._line(t, d)
            c = corrections.get((d.sha256, "target", f"{t.span_start}-{t.span_end}"))
            if reviewed_only and c is None:
                continue
            if c is not None and c.action == "correct":
                for k, v in (c.changes or {}).items():
                    setattr(line, k, Decimal(str(v)) if k == "value" and v is not None else v)
            actual = self.actual_of(line.indicator, year) if line.indicator else None
            if actual is None and line.indicator and d.plan_year and year > d.plan_year:
                # a target for a later year (到2025年… in a 2023 plan): the latest figure so far
                actual = self.latest_actual(line.indicator, year)
            st: Status = decide(line, actual, self, self.rules)
            key = line.indicator or line.name
            overridden = False
            if key in overrides:
                o = overrides[key]
                st = Status(o.status, f"人工设定：{o.reason}（{o.who or '?'}，{o.created_at:%Y-%m-%d}）", st.actual)
                overridden = True
            a = st.actual
            report.targets.append(StatusLine(
                name=line.name, indicator=line.indicator, text=line.text, comparator=line.comparator,
                value=_num(line.value), unit=line.unit, status=st.status, explanation=st.explanation,
                actual={"value": _num(a.value), "text": a.text, "document": a.document, "span": a.span,
                        "citation": a.citation} if a else None,
                document=d.path, span=line.span, overridden=overridden,
                citation=cite_line(Source.from_row(d), quote=f"{t.name} {t.text}", page=t.page),
                review={"action": c.action, "changes": c.changes, "who": c.who,
                        "at": c.created_at.isoformat(timespec="minutes")} if c is not None else None,
            ))
        return report

    def override(self, region: str, year: int, target: str, status: str, reason: str, who: str | None = None) -> None:
        from zhibiao.store.database import now
        from zhibiao.track.status import STATUSES

        if status not in STATUSES:
            raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}")
        if not reason.strip():
            raise InputError("an override needs a reason")
        r = self.region(region)
        with self.db.session.begin() as s:
            old = s.scalar(select(StatusOverrideRow).where(StatusOverrideRow.region_code == r.code,
                                                           StatusOverrideRow.year == year,
                                                           StatusOverrideRow.target_key == target))
            if old:
                s.delete(old)
                s.flush()
            s.add(StatusOverrideRow(region_code=r.code, year=year, target_key=target, status=status, reason=reason,
                                    who=who, created_at=now()))

    # ------------------------------------------------------------------ comparisons

    def compare_years(self, region: str, year: int) -> list[dict]:
        """This year's plan against last year's: raised, lowered, unchanged, changed, new, dropped."""
        r = self.region(region)
        now_rows = {self._key(t): (t, d) for t, d in self._target_rows(r.code, year)}
        prev_rows = {self._key(t): (t, d) for t, d in self._target_rows(r.code, year - 1)}
        out = []
        for key in list(now_rows) + [k for k in prev_rows if k not in now_rows]:
            cur, prev = now_rows.get(key), prev_rows.get(key)
            t, p = (cur[0] if cur else None), (prev[0] if prev else None)
            if t is None:
                change = "dropped"
            elif p is None:
                change = "new"
            elif comparable(t, p):
                change = "raised" if t.value > p.value else "lowered" if t.value < p.value else (
                    "unchanged" if t.comparator == p.comparator else "changed")
            else:
                change = "unchanged" if (t.text == p.text) else "changed"
            base = t or p
            out.append({"indicator": base.indicator, "name": base.name, "change": change,
                        "previous": self._brief(p, prev[1] if prev else None),
                        "current": self._brief(t, cur[1] if cur else None),
                        "delta": _num(t.value - p.value) if comparable(t, p) else None})
        return out

    def compare_regions(self, indicator: str, year: int, level: str | None = None, parent: str | None = None) -> list[dict]:
        """One indicator across the regions of a level, or the children of a region."""
        with self.db.session() as s:
            q = select(TargetRow, DocumentRow, RegionRow).join(DocumentRow).join(
                RegionRow, RegionRow.code == TargetRow.region_code).where(
                TargetRow.indicator == indicator, TargetRow.year == year)
            if level:
                q = q.where(RegionRow.level == level)
            if parent:
                q = q.where(RegionRow.parent_code == self.region(parent).code)
            rows = s.execute(q.order_by(RegionRow.code, DocumentRow.id)).all()
        best: dict[str, tuple] = {}
        for t, d, reg in rows:
            old = best.get(reg.code)
            if old is None or DOC_PREFERENCE.get(d.doc_type, 9) < DOC_PREFERENCE.get(old[1].doc_type, 9):
                best[reg.code] = (t, d, reg)
        return [{"region": {"name": reg.name, "code": reg.code, "level": reg.level}} | self._brief(t, d)
                for t, d, reg in best.values()]

    def compare_levels(self, region: str, year: int) -> dict:
        """Each child region's targets against the region's own: the margin in points (层层加码) and
        the region's targets a child left out."""
        r = self.region(region)
        parent_rows = {self._key(t): (t, d) for t, d in self._target_rows(r.code, year) if t.indicator}
        from zhibiao.catalog import RegionRegistry

        children = []
        for child in RegionRegistry.default().children(r.code):
            rows = {self._key(t): (t, d) for t, d in self._target_rows(child.code, year) if t.indicator}
            if not rows:
                continue
            lines = []
            for key, (pt, pd) in parent_rows.items():
                if key not in rows:
                    continue
                ct, cd = rows[key]
                margin = (ct.value - pt.value) if comparable(ct, pt) else None
                lines.append({"indicator": pt.indicator, "name": ct.name, "parent": self._brief(pt, pd),
                              "child": self._brief(ct, cd), "margin": _num(margin),
                              "raised": (margin > 0) if margin is not None else None})
            left_out = [self._brief(pt, pd) for key, (pt, pd) in parent_rows.items() if key not in rows]
            children.append({"region": {"name": child.name, "code": child.code, "level": child.level},
                             "targets": lines, "left_out": left_out})
        return {"region": {"name": r.name, "code": r.code, "level": r.level}, "year": year, "children": children}

    @staticmethod
    def _key(t: TargetRow) -> str:
        return t.indicator or f"name:{t.name}"

    @staticmethod
    def _brief(t: TargetRow | None, d: DocumentRow | None) -> dict | None:
        if t is None:
            return None
        return {"name": t.name, "text": t.text, "kind": t.kind, "comparator": t.comparator, "value": _num(t.value),
                "unit": t.unit, "document": d.path if d else None,
                "span": [t.span_start, t.span_end] if t.span_start is not None else None,
                "url": d.source_url if d else None, "page": t.page,
                "citation": cite_text(Source.from_row(d), t.page) if d else None}

    # ------------------------------------------------------------------ citations

    def cite(self, region: str, year: int, indicator: str | None = None) -> tuple[list[dict], list[Source]]:
        """Every target of a region-year (or of one indicator) with its citation and its actual's,
        and the documents they cite, each once (for CSL-JSON and BibTeX)."""
        report = self.status(region, year)
        lines = [t for t in report.targets if not indicator or t.indicator == indicator]
        figures = [{"name": t.name, "indicator": t.indicator, "text": t.text, "citation": t.citation,
                    "actual": {"text": t.actual["text"], "citation": t.actual.get("citation")} if t.actual else None}
                   for t in lines]
        ids: list[int] = []
        for f in figures:
            for c in (f["citation"], (f["actual"] or {}).get("citation")):
                if c and c.get("document_id") and c["document_id"] not in ids:
                    ids.append(c["document_id"])
        with self.db.session() as s:
            rows = {d.id: d for d in s.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids)))}
        return figures, [Source.from_row(rows[i]) for i in ids if i in rows]

    def sources(self, region: str, year: int) -> list[Source]:
        """The documents a region-year's status cites (its targets' and their actuals'), each once."""
        return self.cite(region, year)[1]

    # ------------------------------------------------------------------ listings

    def targets(self, region: str | None = None, year: int | None = None, indicator: str | None = None,
                level: str | None = None) -> list[dict]:
        with self.db.session() as s:
            q = select(TargetRow, DocumentRow).join(DocumentRow)
            if region:
                q = q.where(TargetRow.region_code == self.region(region).code)
            if year:
                q = q.where(TargetRow.year == year)
            if indicator:
                q = q.where(TargetRow.indicator == indicator)
            if level:
                q = q.join(RegionRow, RegionRow.code == TargetRow.region_code).where(RegionRow.level == level)
            rows = s.execute(q.order_by(TargetRow.region_code, TargetRow.year, DocumentRow.id, TargetRow.line_no)).all()
        return [{"region": d.region_name, "region_code": t.region_code, "year": t.year, "seq": t.seq,
                 "category": t.category, "parent": t.parent, "doc_type": d.doc_type} | self._brief(t, d)
                | {"indicator": t.indicator, "value_high": _num(t.value_high)} for t, d in rows]

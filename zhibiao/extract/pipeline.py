"""Stage 3: everything a document says, as an :class:`Extraction`.

Metadata, sections, targets from tables and prose, actuals and commitments. Regions and
indicators are left as printed names; the catalogue stage resolves them.
"""
from __future__ import annotations

import re
from typing import Callable, Final

from zhibiao.extract.actuals import extract_actuals
from zhibiao.extract.commitments import extract_commitments
from zhibiao.extract.clauses import NAME_REACH, OtherRegions, figure_candidates, ground_name
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.grammar import iter_candidates, milestone_figures, parse_target
from zhibiao.extract.numbers import find_numbers, prints_number
from zhibiao.extract.metadata import KnownLevels, Metadata, extract_metadata, region_level
from zhibiao.extract.prose import extract_prose_targets, find_target_lists, restated_year_lists
from zhibiao.extract.reading import Reading
from zhibiao.extract.scope import build_scope
from zhibiao.extract.sections import extract_sections
from zhibiao.extract.segments import Segments, without_latin_prose
from zhibiao.extract.columns import FLAT_CELLS, TableContext, clean_name
from zhibiao.extract.allocations import find_breakdown_tables
from zhibiao.extract.tables import extract_tables, find_tables
from zhibiao.models import Actual, Allocation, Commitment, DocumentInfo, Extraction, Region, Span, Target
from zhibiao.text.chinese import search_form
from zhibiao.text.document import Document
from zhibiao.text.scan import LineScanner, scanner

def value_reads_back(text: str, target: Target) -> bool:
    """The value of a numeric target must be printed in its own span: extraction never invents digits."""
    wanted = {target.value} if target.value_high is None else {target.value, target.value_high}
    for c in iter_candidates(text):  # (until each value is found)
        wanted.discard(c.value)
        if not wanted:
            return True
    return any(c.value in wanted for c in milestone_figures(text)) and len(wanted) == 1  # 迈上万亿元台阶


def _reads_back(text: str, line, name: str, warnings: list[str]) -> bool:
    """An actual's or a commitment's value must be printed in its own span (a decline, 下降5.6%,
    is stored as growth −5.6): a figure that cannot be read back is reported, never output."""
    if line.value is None:
        return True
    span_text = line.span.slice(text)
    if line.value == 0 and span_text.strip() in FLAT_CELLS:
        return True  # 持平 in a growth column: growth 0, said in words
    # as the extractors read numbers: 五百亿元 is 500 of 亿元, 一百二十家 a count (figure_candidates
    # holds the grammar's candidates too)
    if prints_number(span_text, line.value):
        return True  # (its digits printed whole: what find_numbers would read, found by str's search)
    value, negated = line.value, -line.value
    # (compared one by one, the first equal ending the search: a set of them hashed every Decimal)
    for n in find_numbers(span_text):
        if n.value == value or n.value == negated:
            return True
    for c in figure_candidates(span_text):  # (only when the plain numbers have not found it)
        if c.value == value or c.value == negated:
            return True
    warnings.append(f"{name!r}: value {line.value} cannot be read back from {line.span.slice(text)!r}; left out")
    return False


def _target_lines(reading: Reading, warnings: list[str]) -> list[Target]:
    doc, meta, text = reading.doc, reading.meta, reading.text
    targets: list[Target] = []
    for table in reading.tables:
        warnings.extend(f"table at {table.start}: {w}" for w in table.warnings)
        for row in table.rows:
            p = row.parsed
            flags = list(row.flags)
            span = Span(*row.span)
            if any(c.span.start < span.end and span.start < c.span.end for c in doc.normalized.changes):
                flags.append("decimal_restored")
            targets.append(Target(
                name=clean_name(row.name), text=row.text, kind=p.kind, year=row.year or table.year or meta.plan_year,
                category=row.category, seq=row.seq, parent=clean_name(row.parent) if row.parent else None,
                unit=row.unit if p.kind == "numeric" else (row.unit or None), comparator=p.comparator,
                value=p.value, value_high=p.value_high, modality=p.modality, reference=p.reference,
                attribute=row.binding, source="table", span=span, name_span=Span(*row.name_span), flags=flags,
                name_origin=row.name_origin,
            ))
    seen_prose: set[tuple] = set()
    horizons = [(z.start, z.end, z.horizon) for z in reading.scope.zones if z.mode == "plan" and z.horizon]
    scope = reading.scope
    for pt in extract_prose_targets(text, reading.limit, scope.plan_year, reading.table_spans, horizons,
                                    lambda opening: scope.five_year_past(opening) is not None, reading.target_lists,
                                    OtherRegions(reading.meta.region_name, may_be_national=True, title=reading.meta.title,
                                                 known=reading.known_levels)):
        if pt.parsed.kind is None:
            continue
        year = pt.year or (_zone_year(scope, pt.span[0]) if pt.recalled else None) or scope.target_year_at(pt.span[0])
        key = (pt.name, pt.parsed.kind, pt.parsed.comparator, pt.parsed.value, pt.parsed.reference, year)
        if key in seen_prose:
            continue  # stated twice (a passing mention, then the list): one target
        seen_prose.add(key)
        p = pt.parsed
        targets.append(Target(
            name=clean_name(pt.name), text=pt.text, kind=p.kind, year=year, unit=p.unit,
            comparator=p.comparator, value=p.value, value_high=p.value_high, modality=pt.modality,
            reference=p.reference, source="prose", span=Span(*pt.span), name_span=Span(*pt.name_span),
            parent=pt.parent, category=pt.category, name_origin=pt.name_origin, attribute=pt.attribute,
        ))
    out = []
    for t in targets:
        t_span = t.span
        assert t_span is not None  # (every target above is made with its span)
        # names and phrases as printed (traditional characters stay traditional)
        t.text = doc.printed(t.text, t_span)
        if t.unit:  # as printed (萬噸 stays 萬噸): the unit is in the target's words or its row's unit cell
            t.unit = doc.printed(t.unit, Span(min(t_span.start, t.name_span.start if t.name_span else t_span.start), t_span.end))
        if t.name_span is not None:
            # (a composed name's pieces are printed before its longest piece: 城鎮 of 城鎮和農村居民…)
            t.name = doc.printed(t.name, t.name_span if t.name_origin != "composed"
                                 else Span(max(0, t.name_span.start - NAME_REACH), max(t.name_span.end, t_span.end)))
            if t.parent:
                t.parent = doc.printed(t.parent, Span(max(0, t.name_span.start - 200), t.name_span.end))
        if t.category and t.source == "prose":
            t.category = doc.printed(t.category, Span(max(0, t_span.start - 3000), t_span.end))
        t.source_span = doc.to_source(t_span)
        t.page = doc.page_of(t_span)
        if t.kind == "numeric" and not value_reads_back(t_span.slice(text), t):
            warnings.append(f"target {t.name!r}: value {t.value} cannot be read back from {t_span.slice(text)!r}; "
                            "left unparsed")
            t.kind, t.comparator, t.value, t.value_high = None, None, None, None
        if t.kind is None:
            warnings.append(f"target {t.name!r}: could not parse {t.text!r}")
        out.append(t)
    return out


def _allocation_lines(reading: Reading, warnings: list[str]) -> list[Allocation]:
    """The targets breakdown tables assign to the regions below the document's, each re-read from its cell."""
    doc, text, out = reading.doc, reading.text, []
    for table in reading.breakdowns:
        for cell in table.cells:
            p, span, name_span = cell.parsed, Span(*cell.span), Span(*cell.name_span)
            line = Allocation(
                name=doc.printed(cell.name, name_span), text=doc.printed(cell.text, span), kind=p.kind,
                year=table.year or reading.scope.plan_year, unit=p.unit, comparator=p.comparator, value=p.value,
                value_high=p.value_high, modality=p.modality, reference=p.reference, source="table", span=span,
                name_span=name_span, source_span=doc.to_source(span), page=doc.page_of(span),
                region=doc.printed(cell.region, Span(*cell.region_span)))
            if line.unit:
                line.unit = doc.printed(line.unit, Span(name_span.start, name_span.end))
            if p.kind == "numeric" and not value_reads_back(span.slice(text), line):
                warnings.append(f"allocation to {cell.region} {cell.name!r}: value {p.value} cannot be read back "
                                f"from {span.slice(text)!r}; left out")
                continue
            out.append(line)
    return out


ATTACHMENT_LINE = LineScanner(r"(?m)^[ \t]*附\s*件\s*\d*[ \t]*$")


def appended_part(text: str) -> int:
    """Where an appended part (a bare 附件 line: the notice's targets table) starts, else the end."""
    m = ATTACHMENT_LINE.search(text)
    return m.start() if m else len(text)


def _zone_year(scope, start: int) -> int | None:
    """The year of lines that name none, by the part of the document they stand in: the plan
    year's, or the reviewed year's in a review (a table there; a list recalling the plan set before,
    年初确定的目标为：…)."""
    zone = scope.zone_at(max(0, start - 1))
    return scope.plan_year if zone is None or zone.mode == "plan" else scope.review_year


def _indents(doc: Document) -> Callable[[int], int]:
    """How far the printed line the character at a (normalised) offset opens is indented: the spaces
    before it in the loaded text (normalising drops them) — a table's sub-row is (　其中：住户存款)."""
    raw = doc.raw

    def indent(at: int) -> int:
        a = doc.to_source(Span(at, at + 1)).start
        line = raw.rfind("\n", 0, a) + 1
        return a - line if raw[line:a].isspace() else 0

    return indent


def _table_context(scope, meta: Metadata, start: int, indent: Callable[[int], int] | None = None) -> TableContext:
    return TableContext(plan_year=scope.plan_year, zone_year=_zone_year(scope, start),
                        forward=meta.doc_type in ("plan_notice", "plan_report", "work_report", "five_year_plan"),
                        region=meta.region_name, indent=indent, period=scope.period if scope.in_year else None)


CEILING_PLAN: Final = re.compile(LEX.alt("plans.ceilings"))


def _quoted_plan_targets(reading: Reading, warnings: list[str]) -> list[Target]:
    """Last year's plans quoted beside their results (年初目标（6.5%）, 完成年计划710亿元的89.4%):
    targets of the reviewed year, named by the result they were set for."""
    doc, out = reading.doc, []
    for q in reading.quoted_plans:
        p = parse_target(q.inner)
        if p.kind != "numeric":
            continue
        comparator = "<=" if p.comparator == "=" and CEILING_PLAN.search(q.text) else p.comparator  # 5.5%的控制目标
        span, inner = Span(*q.span), Span(*q.inner_span)
        if not value_reads_back(inner.slice(reading.text), Target(name=q.name, text=q.text, kind=p.kind, value=p.value,
                                                                 value_high=p.value_high)):
            warnings.append(f"quoted plan {q.text!r}: value cannot be read back; left out")
            continue
        name_span, origin = ground_name(reading.text, q.name, span.start, max(0, span.start - NAME_REACH), False)
        out.append(Target(
            name=doc.printed(q.name, name_span or Span(max(0, span.start - NAME_REACH), span.end)), text=doc.printed(q.text, span),
            kind=p.kind, year=q.year, unit=p.unit, comparator=comparator, value=p.value, value_high=p.value_high,
            source="prose", span=span, name_span=name_span, name_origin=origin,
            source_span=doc.to_source(span), page=doc.page_of(span),
        ))
    return out


PAGE_END = LineScanner(rf"(?m)^[ \t]*[（(【\[]?(?:{LEX.alt('documents.page_end_marks')})")
PROSE_LINE = LineScanner(r"(?m)^[^\n]{40,}[。！？][ \t]*$")
NOT_A_NEWLINE = re.compile(r"[^\n]")


def without_page_tail(text: str) -> str:
    """``text`` with a web page's chrome after its article blanked (same offsets): from the last
    line that ends the article (（责任编辑：…）, 相关新闻) when no paragraph of prose follows it —
    the related headlines there ("广东去年GDP突破14万亿") are no results of the document."""
    end = None
    for m in PAGE_END.finditer(text, max(0, len(text) - 5000)):
        end = m.start()
    if end is None or PROSE_LINE.search(text, end):
        return text
    return text[:end] + NOT_A_NEWLINE.sub(" ", text[end:])


def read(doc: Document, plan_year: int = 0, known_levels: KnownLevels | None = None) -> Reading:
    """Everything the views share, computed once: segments, sections, tables, metadata, time scope
    (dated by ``plan_year`` when a reviewer set one, 0 otherwise); ``known_levels``: the levels of the regions
    a registry knows (the catalogue's, from the caller), for the regions a document names."""
    text = without_page_tail(doc.search_text)
    meta = extract_metadata(doc)
    spans = find_tables(text)
    table_spans = tuple((t.start, t.end) for t in spans)
    breakdowns = find_breakdown_tables(text)
    if breakdowns:
        table_spans = tuple(sorted(table_spans + tuple((b.start, b.end) for b in breakdowns)))
    text = without_latin_prose(text, table_spans)
    limit = appended_part(text)
    sections = extract_sections(text, limit, table_spans)
    target_lists = find_target_lists(text, limit, table_spans)
    target_sentences = tuple((t.start, t.end) for t in target_lists)  # (find_target_sentences)
    title = search_form(meta.title) if meta.title else None  # read as the text is: simplified, years in digits
    scope = build_scope(text, title, meta.doc_type, sections, limit, list(target_sentences), table_spans, plan_year)
    meta.plan_year = scope.plan_year
    restated = restated_year_lists(text, scope, target_lists)  # (an in-year report's: known once its scope is)
    if restated:
        target_lists = tuple(sorted((*target_lists, *restated), key=lambda t: t.start))
        target_sentences = tuple((t.start, t.end) for t in target_lists)
    if meta.issued_on is None and scope.delivered_on:
        meta.issued_on = scope.delivered_on
    tables = []
    indent = _indents(doc)
    for span in spans:
        tables += extract_tables(text, [span], _table_context(scope, meta, span.start, indent))
    return Reading(doc=doc, text=text, segments=Segments(text), sections=sections, meta=meta, scope=scope,
                   limit=limit, target_sentences=target_sentences, target_lists=target_lists, tables=tables, breakdowns=breakdowns,
                   table_spans=table_spans, title_span=_title_span(doc.text, meta.title), known_levels=known_levels)


def _title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the document's title is printed at its head (a repost's headline restates a result
    of its body: it is not read for results)."""
    if not title:
        return None
    k = text.find(title, 0, 600)
    return (k, k + len(title)) if k >= 0 else None


def _place(doc: Document, line: Actual | Commitment) -> None:
    """Where a result or a commitment stands in the file as loaded, and on which page."""
    assert line.span is not None  # (every actual and commitment is found with its span)
    line.source_span = doc.to_source(line.span)
    line.page = doc.page_of(line.span)


def extract_document(doc: Document, plan_year: int = 0, known_levels: KnownLevels | None = None) -> Extraction:
    """Everything a document states; ``plan_year`` (0: read from the text) is one a reviewer set;
    ``known_levels`` the levels of the regions a registry knows (without it, a region's level is read from
    its name's ending: a county-level city, 义乌市, as a prefecture)."""
    warnings: list[str] = list(doc.loaded.warnings)
    reading = read(doc, plan_year, known_levels)
    meta = reading.meta
    warnings += reading.scope.warnings
    region = Region(meta.region_name, region_level(meta.region_name) or "prefecture") if meta.region_name else None
    info = DocumentInfo(
        source=doc.loaded.path, sha256=doc.loaded.sha256, format=doc.loaded.format, doc_type=meta.doc_type,
        title=meta.title, issuer=meta.issuer, region=region, plan_year=meta.plan_year,
        doc_number=meta.doc_number, issued_on=meta.issued_on, region_level_hint=meta.region_level_hint,
    )
    targets = _target_lines(reading, warnings)
    for change in doc.normalized.changes:
        warnings.append(f"decimal point restored: {change.before!r} -> {change.after!r} at {change.span.start}")
    actuals = extract_actuals(reading, [(t.span.start, t.span.end) for t in targets if t.span is not None])
    targets += _quoted_plan_targets(reading, warnings)
    commitments = extract_commitments(reading, targets)
    actuals = [a for a in actuals if _reads_back(reading.text, a, a.name, warnings)]
    commitments = [c for c in commitments if _reads_back(reading.text, c, c.metric, warnings)]
    lines: list[Actual | Commitment] = [*actuals, *commitments]
    for line in lines:
        _place(doc, line)
    extraction = Extraction(document=info, sections=reading.sections, targets=targets, actuals=actuals,
                            commitments=commitments, warnings=warnings, allocations=_allocation_lines(reading, warnings))
    return extraction

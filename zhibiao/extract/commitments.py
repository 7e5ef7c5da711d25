"""Quantified commitments: the tasks a plan's body (or a report's plans for the year) sets with a
number — 新增高新技术企业350家, 建设高标准农田10万亩, 新增绿地60公顷、绿道30公里 (two), 确保…比例
保持100%. Each keeps its modality (力争 / 确保 / 争创 / 争取), its section path and, when it restates
a targets-table row, a link to that target.

They are read where the scope says the document speaks of its plan year: a plan notice's body
before its targets table, a report's part after the review of last year. Paragraphs and sentences
that open with last year (2023年，… / 去年…) or several years (五年来…) are reviews, not tasks — and so is
a paragraph adding to one (同时，完成…: ``Reading.paragraph_time``); the
targets table and the targets paragraph are targets, not commitments. Figures come from the same
clause analysis as actuals (``clauses.py``), read as targets (控制在5% is a ceiling).
"""
from __future__ import annotations

from typing import Final

import re
from dataclasses import dataclass
from bisect import bisect_right
from decimal import Decimal

from rapidfuzz import fuzz

from zhibiao.extract.clauses import OtherRegions, QuotedRegion, _subject, clause_figures, ground_name
from zhibiao.extract.coordination import BARE_MEASURES, share_head
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.numbers import FRACTION_WORDS, NumberMatch
from zhibiao.extract.reading import Reading
from zhibiao.extract.segments import Sentence, SpanIndex
from zhibiao.models import Commitment, Section, Span, Target
from zhibiao.text.scan import scanner

MODALITY: Final = re.compile(LEX.alt("commitments.modality"))
# A figure is a digit, or a Chinese numeral before a unit (三家, 两个): 一 alone (一批, 进一步) is none.
# (the look-behind: a run of numerals is tried from its start only, not rescanned from each character)
FIGURE_HINT: Final = scanner(rf"\d|(?<![零〇一二两三四五六七八九十百千万])[零〇一二两三四五六七八九十百千万]+\s?(?:[{''.join(LEX.words('commitments.hint_units'))}]|%|百分)|{FRACTION_WORDS}")
LEAD_MODAL: Final = re.compile(rf"^(?:{LEX.alt('commitments.leads')}|要(?!素|求|点))+")
LEAD_MODAL_FIRST: Final = frozenset([w[0] for w in LEX.words("commitments.leads")] + ["要"])  # (what its matches open with)
# A section for several years (“十三五”时期主要目标任务) commits to no single year's figures.
MULTI_YEAR: Final = re.compile(rf"{LEX.alt('commitments.multi_year_titles')}|“?十[一二三四五]五”?")
OTHER_YEAR: Final = scanner(r"到(20\d\d)年|(20\d\d)年(?:前|底前|以前)")
OTHER_YEAR_WORDS: Final = ("到20", "年前", "年底前", "年以前")  # (every match of OTHER_YEAR holds one of them)


def _other_year(sentence: str) -> re.Match | None:
    """``OTHER_YEAR.search(sentence)``, tried only in a sentence holding one of the words every match
    holds (found by str's search: the pattern's scan stops at every 2 and 到 of a sentence)."""
    for word in OTHER_YEAR_WORDS:
        if word in sentence:
            return OTHER_YEAR.search(sentence)
    return None
REVIEW_WORDS: Final = re.compile(LEX.alt("time.last_year", "commitments.reviews"))
# the characters every word of REVIEW_WORDS holds (年): a clause lacking one holds no match, found by str's search
REVIEW_HELD: Final = "".join(sorted(frozenset.intersection(*(frozenset(w) for w in LEX.words("time.last_year", "commitments.reviews")))))
COMPARED_WITH_LAST: Final = re.compile(LEX.alt("commitments.compared_with_last"))
NOTE: Final = re.compile(rf"\s*(?:{LEX.alt('commitments.notes')})[\d①②③④⑤⑥⑦⑧⑨⑩]*\s*[:：]")
NOTE_FIRST: Final = frozenset(w[0] for w in LEX.words("commitments.notes"))  # (what NOTE opens with, past spaces)
ITEM_NUMBER: Final = re.compile(r"^[\s（(]*[一二三四五六七八九十\d]+[)）、.．]\s*")
ITEM_NUMBER_FIRST: Final = frozenset("（(一二三四五六七八九十")  # (and a digit: what its matches open with past spaces)
MODALITY_FIRST: Final = frozenset(w[0] for w in LEX.words("commitments.modality"))  # (what MODALITY's matches open with)
NAME_MARKS: Final = re.compile(r"[\s“”\"'（）()、，,]")
HAN: Final = re.compile(r"[\u4e00-\u9fff]")
ITEM_JOINERS: Final = frozenset("、和及与")  # (between the items of a clause's list of figures)


@dataclass
class FoundCommitment:
    metric: str
    text: str
    value: Decimal
    unit: str | None
    comparator: str
    modality: str | None
    start: int
    end: int
    section_path: list[str]
    target_ref: int | None
    name_span: Span | None
    name_origin: str

    # (written out: compiled, a dataclass's generated __init__ runs as plain Python, called with a dict
    # of its arguments; this one is compiled and called directly — __eq__ and __repr__ stay generated)
    def __init__(self, metric: str, text: str, value: Decimal, unit: str | None, comparator: str, modality: str | None,
                 start: int, end: int, section_path: list[str], target_ref: int | None, name_span: Span | None,
                 name_origin: str):
        self.metric, self.text, self.value, self.unit, self.comparator = metric, text, value, unit, comparator
        self.modality, self.start, self.end, self.section_path = modality, start, end, section_path
        self.target_ref, self.name_span, self.name_origin = target_ref, name_span, name_origin


def _norm(name: str) -> str:
    return NAME_MARKS.sub("", name)


class TableTargets:
    """A document's table targets by value, built once per document: the table target a commitment
    restates (``ref``) has the same value, and most commitments have a value no table target has."""

    def __init__(self, targets: list[Target]):
        self.by_value: dict[Decimal, list[tuple[int, Target]]] = {}
        for i, t in enumerate(targets):
            if t.value is not None and t.source == "table":
                self.by_value.setdefault(t.value, []).append((i, t))
        self._names: dict[int, str] = {}  # a target's name without marks, made when first compared

    def ref(self, metric: str, value: Decimal, unit: str | None) -> int | None:
        """The index of the table target a commitment restates: the same value (in the same unit)
        and a name that reads the same (社会消费品零售总额 for 社会消费品零售总额增长)."""
        if not self.by_value:
            return None  # (a document without table targets: the value's hash spared)
        same_value = self.by_value.get(value)
        if not same_value:
            return None
        best, best_score = None, 0.0
        m = _norm(metric)
        for i, t in same_value:  # (in the order of the targets: the first of equal scores wins)
            if t.unit and unit and t.unit != unit:
                continue
            name = self._names.get(i)
            if name is None:
                name = self._names[i] = _norm(t.name)
            score = fuzz.partial_ratio(m, name)
            if score > best_score:
                best, best_score = i, score
        return best if best_score >= 70 else None


def find_commitments(reading: Reading, targets: list[Target], blocked: list[tuple[int, int]]) -> list[FoundCommitment]:
    scope, text = reading.scope, reading.text
    blocked_spans = SpanIndex(blocked)
    if scope.bulletin:
        return []
    out: list[FoundCommitment] = []
    table_targets = TableTargets(targets)
    # (a document of unknown region may be the country's: 全国… may be its own tasks; a city named setting a
    # figure, 会上，A市提出…, is still another region's)
    elsewhere = OtherRegions(reading.meta.region_name, may_be_national=True, title=reading.meta.title,
                             known=reading.known_levels)
    heads = [s for s in reading.sections if s.level == 1]
    # where each section starts, for section_path_at's binary search without a key function called at each step
    starts = [s.span.start for s in reading.sections]
    for zone in scope.zones:
        if zone.mode != "plan":
            continue
        head = next((h for h in reversed(heads) if h.span.start <= zone.start), None)
        if head and MULTI_YEAR.search(head.title) and not (scope.plan_year and str(scope.plan_year) in head.title):
            continue
        for para in reading.segments.paragraphs_in(zone.start, zone.end):
            # (past a clause that only says who speaks: 报告显示，2025年…)
            p_mode, _ = reading.paragraph_time(para)  # (同时，… going on with the paragraph before's)
            if p_mode in ("review", "multi"):
                continue  # "2023年，…": a review paragraph inside the plan
            lead = text[para.start:para.start + 1] if para.end > para.start else ""
            if (lead in NOTE_FIRST or lead.isspace()) and NOTE.match(text, para.start, para.end):
                continue  # "注：①按可比价计算；②力争6%。": a note on the figures above
            for sentence in para.sentences:
                _sentence(reading, sentence, table_targets, blocked_spans, elsewhere, starts, out)
    return out


def _item_start(clause: str, end: int) -> int:
    """Where the item after a figure ending at ``end`` starts: past the joiners and spaces after it
    (、 和 及 …)."""
    while end < len(clause) and (clause[end].isspace() or clause[end] in ITEM_JOINERS):
        end += 1
    return end


def _may_count(clause: str, numbers: tuple[NumberMatch, ...]) -> bool:
    """``FIGURE_HINT.search(clause)`` where its answer decides anything, from the clause's numbers (all
    of them, read with its sentence's): a clause without a number gives no figure, whatever the pattern
    says (the clause analysis finds its candidates among the numbers, and none there leaves it as it
    was: nothing to skip it for); an Arabic number, or a fraction's words (百分之, 千分之), is what the pattern looks for; only a
    clause whose numbers are all Chinese numerals is asked of the pattern (a unit after one)."""
    if not numbers:
        return False
    for n in numbers:
        if not n.chinese or n.fraction:
            return True
    return FIGURE_HINT.search(clause) is not None


def _sentence(reading: Reading, sentence: Sentence, table_targets: TableTargets, blocked: SpanIndex,
              elsewhere: OtherRegions, section_starts: list[int], out: list[FoundCommitment]) -> None:
    scope, text = reading.scope, reading.text
    s = sentence.start
    s_text = text[s:sentence.end]
    first = reading.first_figure(s, sentence.end)
    if len(s_text) < 4 or first is None:
        return
    mode, _ = scope.time_of(s_text[:first.start])
    if mode in ("review", "multi"):
        return
    other = _other_year(s_text)
    if other and scope.plan_year and int(other.group(1) or other.group(2)) != scope.plan_year:
        return  # "到2025年…": a later year's goal
    # 力争/确保 opening a sentence govern all of it; inside, only their own clause
    # (each pattern anchored at the start asked only where the characters its matches open with are there)
    opening = s_text.lstrip()
    if opening[:1] in ITEM_NUMBER_FIRST or opening[:1].isdecimal():
        opening = ITEM_NUMBER.sub("", opening)
    modality_m = MODALITY.match(opening) if opening[:1] in MODALITY_FIRST else None
    last_name = None
    bare: str | None = None  # the clause just before, when it holds no number (固定资产投资止跌回稳)
    bare_numbers: tuple[NumberMatch, ...] | None = None  # its numbers, where read with its sentence's
    sibling: str | None = None  # the metric of the clause before's last commitment, after a comma
    quoted = QuotedRegion(elsewhere)
    for cl in sentence.clauses:
        c_start = cl.start
        clause = text[cl.start:cl.end]
        before_bare, bare = bare, None
        before_numbers, bare_numbers = bare_numbers, None
        if text[c_start - 1:c_start] not in ("，", ","):
            sibling = None  # (after ；, ： or 。: a task of its own, as for targets)
            quoted.reset()
        if quoted.quotes(clause):
            # "全省确定今年…增长5.5%左右，洛阳市确定增长6%左右": the levels above's, quoted; "会上，株洲市提出地区
            # 生产总值增长6.5%，新增就业5万人": 株洲's figures both
            continue
        numbers = reading.clause_numbers(s, sentence.end, c_start, cl.end)
        if numbers is not None and not _may_count(clause, numbers):
            bare, bare_numbers = clause, numbers  # (a numeral counting nothing, 两位数, 一是: no figure either)
            continue  # (read from the sentence's numbers: the pattern's scan of the clause spared)
        if numbers is None and (not clause.strip() or not FIGURE_HINT.search(clause)):
            bare = clause
            continue  # no digit and no Chinese numeral: nothing to count
        if blocked.overlaps(c_start, cl.end):
            continue  # the targets paragraph: targets, not commitments
        if all(c in clause for c in REVIEW_HELD) and REVIEW_WORDS.search(clause) and not COMPARED_WITH_LAST.search(clause):
            continue
        clause_modality = MODALITY.search(clause)
        # "固定资产投资止跌回稳，增长3%左右": a clause naming an indicator with no figure (its direction)
        # names the nameless figure of the next, as a result's clause does (never the name carried before it)
        # (its numbers, read with the sentence's, spare _subject reading them again: most such clauses hold none)
        subject = _subject(before_bare, before_numbers) if before_bare and before_bare.strip() else None
        if subject:
            last_name = subject
        figures, last_name = clause_figures(clause, last_name, as_target=True, numbers=numbers)
        emitted = len(out)
        lead = item_start = len(clause) - len(clause.lstrip())  # where the figure's item starts: after the figure before
        for f in figures:
            floor, item_start = item_start, _item_start(clause, f.end)
            if f.measure == "growth" and f.unit != "%":
                continue
            if len(f.name) < 2:  # ("第2位", "约3万": a figure that names nothing)
                continue
            metric = LEAD_MODAL.sub("", f.name) if f.name[:1] in LEAD_MODAL_FIRST else f.name
            if not (f.own or (subject and f.name == subject)) or len(metric) < 2:
                continue  # the figure names nothing in its own clause (nor the clause before, alone)
            if sibling and f.own and metric in BARE_MEASURES:
                # "粮食播种面积稳定在165万亩以上，总产量保持在57万吨以上": a bare measure takes its sibling's head
                metric = share_head(sibling, metric)
            at = clause.rfind(metric, 0, f.start)
            if at < 0:
                after = clause.find(metric, f.start)  # "新挂牌6个省级风貌样板区": named after the figure
                # a name not printed whole (工业投资…、占固定资产投资比重…: composed) — its item's words, not the
                # figures before it in the clause; a list's bare figure (…分别提高5%和8%) the clause's words
                at = after if after >= 0 else floor if HAN.search(clause, floor, f.start) else lead
            printed = clause.startswith(metric, at)
            begin, end = min(at, f.start), max(f.end, at + len(metric) if printed else f.end)
            modality = clause_modality or modality_m
            name_span: Span | None
            if printed:
                name_span, origin = Span(c_start + at, c_start + at + len(metric)), "printed"
            elif f.own:
                name_span, origin = ground_name(text, metric, c_start + f.start, c_start, True)
            else:
                name_span, origin = ground_name(text, metric, c_start + f.start, s, False)  # the clause before's
            out.append(FoundCommitment(
                metric=metric, text=clause[begin:end], value=f.value, unit=f.unit, comparator=f.comparator,
                modality=modality.group() if modality else None, start=c_start + begin, end=c_start + end,
                section_path=_section_path_at(reading.sections, section_starts, c_start),
                target_ref=table_targets.ref(metric, f.value, f.unit), name_span=name_span, name_origin=origin,
            ))
        sibling = out[-1].metric if len(out) > emitted else None


def _section_path_at(sections: list[Section], starts: list[int], offset: int) -> list[str]:
    """``sections.section_path_at(sections, offset)``, the sections' starts given."""
    k = bisect_right(starts, offset)
    return sections[k - 1].path if k else []


def extract_commitments(reading: Reading, targets: list[Target]) -> list[Commitment]:
    """The quantified tasks of a document's body, for its plan year. ``source_span`` and ``page``
    are left for the pipeline to fill."""
    doc = reading.doc
    blocked = list(reading.target_sentences) + [(t.span.start, t.span.end) for t in targets if t.span is not None]
    out: list[Commitment] = []
    for c in find_commitments(reading, targets, blocked):
        span = Span(c.start, c.end)
        out.append(Commitment(
            metric=doc.printed(c.metric, span), text=doc.printed(c.text, span), value=c.value,
            unit=doc.printed(c.unit, span) if c.unit else None, comparator=c.comparator, modality=c.modality,
            year=reading.scope.plan_year, section_path=c.section_path, target_ref=c.target_ref, span=span,
            name_span=c.name_span, name_origin=c.name_origin,
        ))
    return out

"""Actual results a document reports for an earlier period: the review part of work reports
(一、2023年工作回顾 / 过去一年 …), plan execution reports (执行情况), statistical bulletins, and the
review paragraphs of plan notices.

A result is a clause naming an indicator and a figure (the clause analysis of ``clauses.py``):
"全年实现地区生产总值7791亿元" (a level), "增长7.8%" (growth, the name carried over from the clause
before), "占比达76.1%" (a share). Time comes from ``scope.py``: the document's reviewed year, the
review / multi-year / plan zones, and a paragraph or sentence opening with its own time (2022年，…
/ 去年… / 五年来… / 今年…). Sentences that set or quote targets, speak of plans, or state other
regions' figures never give actuals: a target mistaken for a result is the worst error this
product can make.
"""
from __future__ import annotations

from typing import Final

import re
from dataclasses import dataclass
from decimal import Decimal

from zhibiao.extract.clauses import ELSEWHERE, LEADING_LINK, NAME_REACH, OtherRegions, TWO_LETTERS, Figure, _subject, clause_figures, ground_name, name_alone
from zhibiao.extract.coordination import BARE_MEASURES, share_head
from zhibiao.extract.grammar import BOUND_AFTER, UNITS, _candidates, parse_target
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.metadata import region_level
from zhibiao.extract.reading import Reading
from zhibiao.extract.scope import ESTIMATE, LAST_YEAR, MULTI, PAST_YEAR, PERIOD, PERIOD_FIRST, Scope, listed_years, running_years
from zhibiao.extract.segments import CLOSE, OPEN, Sentence, SpanIndex
from zhibiao.extract.tables import is_name_like
from zhibiao.models import Actual, Span
from zhibiao.text.chinese import to_simplified
from zhibiao.text.scan import scanner, word_trie

RANK: Final = re.compile(rf"(?:{LEX.alt('ranks.verbs')})(?:{LEX.alt('ranks.scopes')})?"
                  rf"(?:第[一二三四五六七八九十\d]+(?:位|名)?(?:、第[一二三四五六七八九十\d]+(?:位|名)?)*|前\d+位?|{LEX.alt('ranks.places')})")
AVERAGE: Final = re.compile(LEX.alt("measures.averages"))
LIST_MARK: Final = "、"
NUMERAL_FIRST: Final = re.compile(r"\s*[-−\d一二三四五六七八九十]")


def _comparisons(clause: str, first: re.Match) -> list[tuple[int, int]]:
    """The parts of a clause that weigh a figure against another region's ("增长6.2%、高于全省0.8个百分点",
    "增长6.2%（高于全省0.8个百分点）"): each from its comparison's words to the bracket closing it, or
    to the 、 after its first figure that a name follows (the next item's: "…0.8个百分点、规上工业…" —
    not "高1200元、800元"), else to the clause's end. What the clause says besides is its own."""
    out: list[tuple[int, int]] = []
    m: re.Match | None = first
    while m is not None:
        start = m.start()
        opened = max(clause.rfind(ch, 0, start) for ch in OPEN)
        end = len(clause)
        if opened >= 0 and max(clause.rfind(ch, opened, start) for ch in CLOSE) < 0:
            closes = [at for at in (clause.find(ch, start) for ch in CLOSE) if at >= 0]
            start, end = opened, min(closes) + 1 if closes else end  # (the brackets with it)
        else:
            digit = ANY_NUMERAL.search(clause, m.end())
            at = clause.find(LIST_MARK, digit.end()) if digit else -1
            while at >= 0 and NUMERAL_FIRST.match(clause, at + 1):
                at = clause.find(LIST_MARK, at + 1)
            end = at if at >= 0 else end
        out.append((start, end))
        m = ELSEWHERE.search(clause, end) if end < len(clause) else None
    return out


def _without(clause: str, parts: list[tuple[int, int]]) -> str:
    """The clause with ``parts`` blanked (offsets kept)."""
    for a, b in parts:
        clause = clause[:a] + " " * (b - a) + clause[b:]
    return clause


ALL_YEAR: Final = re.compile(LEX.alt("time.whole_year"))
# a period word, unless inside a longer word holding it (公共: the look-alike is found first, from its
# earlier start, and uses the characters up)
PERIOD_WORDS: Final = re.compile(rf"{LEX.alt('time.period_word_lookalikes')}|({LEX.alt('time.period_words')})")
REACHED_BEFORE: Final = re.compile(rf"(?:{LEX.alt('time.reached_verbs')})(?:了)?(?:约|近)?(?=\d|[一二三四五六七八九十])")


def _may_name_period(head: str, s_text: str) -> bool:
    """Whether a PERIOD can be found in a sentence's words before its first figure (``head``, searched)
    or at its start or its first figure (matched: 今年1—9月, 截至9月末 — the period's number is read as
    that figure): each match opens with a character of PERIOD_FIRST, there or at those places."""
    return s_text[:1] in PERIOD_FIRST or s_text[len(head):len(head) + 1] in PERIOD_FIRST \
        or not PERIOD_FIRST.isdisjoint(head)


# 增长8.2%（1—11月数据）: a note after the figure naming its period
PERIOD_NOTE_OPEN: Final = re.compile(rf"\s?[（(]\s*(?:{LEX.alt('time.period_note_leads')})?")
NOTE_OPENS: Final = frozenset(OPEN)  # (what a note opens with, a space aside: a test before the pattern)
PERIOD_NOTE_CLOSE: Final = re.compile(rf"\s*(?:{LEX.alt('time.period_note_tails')})?\s*[）)]")


def _period_noted(clause: str, end: int) -> tuple[int, int] | None:
    """The period a note in brackets right after the figure ending at ``end`` names (增长8.2%（1—11月数据）,
    （截至11月底））, else ``None``: a note saying anything else (（比一季度提高1.2个百分点）) names none."""
    if not NOTE_OPENS.isdisjoint(clause[end:end + 2]):
        m = PERIOD_NOTE_OPEN.match(clause, end)
        at = m.end() if m is not None else -1
        if at >= 0 and clause[at:at + 1] in PERIOD_FIRST:
            for pattern, fn in PERIOD:
                pm = pattern.match(clause, at)
                if pm is not None:
                    return fn(pm) if PERIOD_NOTE_CLOSE.match(clause, pm.end()) else None
    return None


ESTIMATED_NOTE: Final = re.compile(r"[（(]\s*预计")
SAME_BELOW: Final = "下同"  # (a word: found by str's own search, without a pattern's call)
ANY_NUMERAL: Final = re.compile(r"\d|[一二三四五六七八九十百千万]")
OPENS_AMONG: Final = re.compile(r"\s*其中")
ORDINAL: Final = re.compile(r"第[一二三四五六七八九十\d]+")
# "…增长4.3%，上年为下降1.5%": last year's figure beside the result, for comparison
BASE_YEAR_FIGURES: Final = re.compile(rf"(?:{LEX.alt('time.base_year_figures')})")
# a clause saying only who proposes (市长提出, 报告明确): the figures after it are the plan's, no result
QUOTING_CLAUSE: Final = re.compile(rf"^[\s\u4e00-\u9fff“”]{{0,14}}?(?:{LEX.alt('targets.quoting_verbs')})了?$")
# the characters QUOTING_CLAUSE's matches of a stripped clause end with (a verb's last, 了): most clauses end
# with none, and the pattern's lazy repeat tries every verb at each of its fourteen places
QUOTING_LASTS: Final = frozenset([w[-1] for w in LEX.words("targets.quoting_verbs")] + ["了"])
LINK_FIRST: Final = frozenset(w[0] for w in LEX.words("names.leading_links"))
ESTIMATE_NOTE_AFTER: Final = scanner(r"\s*[（(]\s*预计")


BREAKDOWN: Final = re.compile(rf"(?:{LEX.alt('names.breakdowns')})")
# (a clause of the words before the sentence's first figure: 分经济类型看，…, 在规模以上工业中，分经济类型看，…)
BREAKDOWN_SENTENCE: Final = scanner(rf"(?:^|[，,])\s*(?:分|按)[\u4e00-\u9fff]{{1,8}}(?:看|分)[，,]")
SHARED_HEADS: Final = re.compile(rf"^(?:{LEX.alt('names.intensity_heads', 'names.shared_heads')})")
# what a unit measures: its base unit, past its magnitude (万人次: 人次), one name of a unit named twice (千米: 公里)
_MAGNITUDES: Final = tuple(sorted(LEX.words("units.magnitudes"), key=len, reverse=True))
_BASES: Final = frozenset(LEX.words("units.base", "units.compound"))
_KIND_OF: Final = {str(other): str(first) for first, others in LEX.get("units.same_as").items() for other in others}


def _without_year_end(name: str) -> str:
    """A name without the year-end word it opens with (年末城镇调查失业率 → 城镇调查失业率)."""
    for w in YEAR_END_NAMES:
        if name.startswith(w):
            return name[len(w):]
    return name


def unit_kind(unit: str | None) -> str | None:
    """What ``unit`` measures (人次 for 万人次, 元 for 亿元 and 万元, 公里 for 千米), or ``None`` for a unit of
    no base (%, 倍, 个百分点) and no unit."""
    if not unit:
        return None
    for m in _MAGNITUDES:
        if unit.startswith(m) and unit[len(m):] in _BASES:
            unit = unit[len(m):]
            break
    if unit not in _BASES:
        return None
    return _KIND_OF.get(unit, unit)


BRACKETS: Final = re.compile(r"[（()）]")
FORECASTS: Final = frozenset(LEX.words("time.forecasts"))
YEAR_AVERAGE: Final = re.compile(LEX.alt("time.year_average"))
DECEMBER_END: Final = re.compile(LEX.alt("time.december_ends"))
YEAR_END_NAMES: Final = LEX.words("names.year_ends")


def _shared_head(name: str, before: str | None) -> str | None:
    """"规模以上工业企业营业收入…；利润总额…": a four-character measure after a name that opens with
    a shared head (规模以上工业…) takes that head, the measure it ends with swapped; a bare measure of
    another length takes the head alone ("粮食播种面积…，总产量…" → 粮食总产量); ``None`` when the name
    stands alone."""
    if before and len(name) != 4 and name in BARE_MEASURES:
        return share_head(before, name)
    if not before or len(name) != 4 or not is_name_like(name) or SHARED_HEADS.match(name):
        return None
    head = SHARED_HEADS.match(before)
    tail = before[-4:]
    if head is None or len(before) - 4 < head.end() or not is_name_like(tail) or tail == name:
        return None
    if BRACKETS.search(before):
        return None  # "城镇人口占常住人口比重（常住人口城镇化率）": its last four characters are no measure of the head
    return before[:-4] + name


_PLAN_WORDS: Final = LEX.alt("plans.words")
_UNITS: Final = "|".join(re.escape(u) for u in UNITS)
# 年初目标（6.5%左右） / 比年初目标(20亿美元)少 / 完成年计划710亿元的89.4%: a plan quoted beside its result
_PLAN_FIGURE: Final = rf"[-−]?\d+(?:\.\d+)?\s*(?:{_UNITS})?(?:{BOUND_AFTER})?"  # 6.5%左右, 20亿美元
PLAN_QUOTED: Final = scanner(
    rf"(?P<quote>(?:{_PLAN_WORDS})\s*[（(]\s*(?P<inner>[^（()）]{{0,8}}?{_PLAN_FIGURE})\s*[）)])"
    rf"|完成(?P<quote2>(?:{_PLAN_WORDS})(?P<inner2>[-−]?\d+(?:\.\d+)?\s*(?:{_UNITS})))的\s*\d+(?:\.\d+)?\s*%")

# "低于年度预期目标0.2个百分点", "未完成6%的预期目标", "未完成年初确定的8%目标", "低于5.5%的控制目标": a result
# weighed against the reviewed year's plan
_PLAN_SET: Final = rf"(?:{LEX.alt('plans.periods')})?(?:{LEX.alt('plans.set_by')})?"
# (the plan's figure with its verb: 未完成年初确定的增长5%的目标)
PLAN_WEIGHED: Final = re.compile(
    rf"^\s*(?:{LEX.alt('plans.degrees')})?(?:{LEX.alt('plans.comparisons')}){_PLAN_SET}"
    rf"(?:(?P<inner>(?:{LEX.alt('measures.growth_verbs', 'measures.decline_verbs')})?{_PLAN_FIGURE})的?)?"
    rf"{_PLAN_SET}(?:{LEX.alt('plans.kinds')})?(?:{LEX.alt('plans.words', 'plans.nouns')})(?=的|任务|以内|之内|[\d，,。；;]|$)")


# any other mention of the reviewed year's plan in a clause of results, its figure quoted where one
# follows (年初预期目标为7%, 比预期目标7%低1个百分点)
PLAN_MENTIONED: Final = scanner(
    rf"(?P<quote>(?:{_PLAN_WORDS})(?:(?:{LEX.alt('targets.set_as')})?(?P<inner>{_PLAN_FIGURE}))?)")
# the words every match of the patterns a clause of results is asked before its figures holds — last year's
# figure (BASE_YEAR_FIGURES), the year's plan (PLAN_QUOTED, PLAN_WEIGHED, PLAN_MENTIONED), a rank (RANK), another
# region (ELSEWHERE), an average (AVERAGE), the whole year (ALL_YEAR): most clauses hold none, and one search of
# the words says so for the eight patterns' calls
ASIDE_WORDS: Final = scanner(word_trie(LEX.words(
    "time.base_year_figures", "plans.words", "plans.nouns", "ranks.verbs", "elsewhere.comparisons", "elsewhere.phrases",
    "elsewhere.compared", "measures.averages", "time.whole_year")))
PLAN_VERB_END: Final = re.compile(rf"(?:{LEX.alt('plans.comparisons')}|比|与|较|为|是|的)+$")  # (what links a name to the plan)
POINTS: Final = re.compile(LEX.alt("units.points"))  # (a figure in points after the plan is the gap: 差计划目标3.1个百分点)


@dataclass
class QuotedPlan:
    """Last year's plan for a result, quoted beside it: a target of the reviewed year."""

    name: str
    text: str
    inner: str
    span: tuple[int, int]  # of text
    inner_span: tuple[int, int]
    year: int | None


def _quoted_plan(name: str, m: re.Match, quote: str, inner: str, c_start: int, year: int | None) -> QuotedPlan:
    """The plan a match of a clause (starting at ``c_start``) quotes in its groups ``quote`` and ``inner``."""
    return QuotedPlan(name, m.group(quote), m.group(inner), (c_start + m.start(quote), c_start + m.end(quote)),
                      (c_start + m.start(inner), c_start + m.end(inner)), year)


@dataclass
class _Found:
    figure: Figure
    start: int
    end: int
    year: int | None
    period: tuple[int, int] | None
    estimated: bool
    clause_start: int
    sentence_start: int
    rank: str | None = None
    parent: str | None = None  # a part of the figure before (其中城市上涨0.4%)
    averaged: bool = False  # the year's average of its months (全年…平均值为5.2%)
    at_end: bool = False  # of the year's end (年末…为5.0%, 12月末…)

    # (written out: compiled, a dataclass's generated __init__ runs as plain Python, called with a dict
    # of its arguments; this one is compiled and called directly — __eq__ and __repr__ stay generated)
    def __init__(self, figure: Figure, start: int, end: int, year: int | None, period: tuple[int, int] | None,
                 estimated: bool, clause_start: int, sentence_start: int, rank: str | None = None,
                 parent: str | None = None):
        self.figure, self.start, self.end, self.year, self.period = figure, start, end, year, period
        self.estimated, self.clause_start, self.sentence_start = estimated, clause_start, sentence_start
        self.rank, self.parent = rank, parent
        self.averaged, self.at_end = False, False


class _ResultReader:
    """Walks the review parts of one document, sentence by sentence, collecting results."""

    def __init__(self, reading: Reading, blocked: list[tuple[int, int]]):
        self.r = reading
        self.scope: Scope = reading.scope
        self.text = reading.text
        self.blocked = SpanIndex(blocked)
        # a document of unknown region is at least not the country's
        self.other_region = OtherRegions(reading.meta.region_name, title=reading.meta.title, known=reading.known_levels)
        self.out: list[_Found] = []
        self.plans: list[QuotedPlan] = []
        self.prev_estimate = False  # the sentence before gave estimates (初步核算)
        self.para_start = 0  # where the paragraph being read starts
        # the sentence before in the paragraph, whose name stated alone (地区生产总值。…) names this one's
        # figures: read only when a sentence's figures ask for it (most have none, or are not results)
        self.before: Sentence | None = None
        self.p_mode: str = "review"  # the time of the paragraph being read, as of the sentences read for it
        self.p_year: int | None = None
        self.year0: int | None = None  # the reviewed year
        self.unread: list[Sentence] = []  # its sentences whose openings are not read yet

    def run(self) -> list[_Found]:
        scope, text = self.scope, self.text
        year0 = scope.review_year
        for zone in scope.zones:
            for para in self.r.segments.paragraphs_in(zone.start, zone.end):
                p_text = text[para.start:para.end]
                if not ANY_NUMERAL.search(p_text):
                    continue
                p_mode, p_year = self.r.paragraph_time(para)  # (同时，… going on with the paragraph before's)
                if p_mode == "review" and p_year is None:
                    p_year = year0
                if p_mode is None:
                    p_mode, p_year = zone.mode, year0
                estimated = False
                self.para_start = para.start
                self.before = None
                self.p_mode, self.p_year, self.year0 = p_mode, p_year, year0
                self.unread = []
                for sentence in para.sentences:
                    estimated = self.sentence(sentence, estimated)
                    self.unread.append(sentence)
        return self.out

    def paragraph_time(self) -> tuple[str, int | None]:
        """The time the paragraph speaks of so far: its opening's, or that of the last sentence before
        which opens with its own — a sentence that does sets it for the rest of the paragraph
        ("…收官之年。过去五年，…。城镇新增就业人数超过6400万人。" speaks of five years). The sentences'
        openings are read when a figure asks (most sentences' never are)."""
        scope, text = self.scope, self.text
        for sentence in self.unread:
            s_mode, s_year = scope.lead_time(text[sentence.start:sentence.end])
            if s_mode is not None:
                self.p_mode, self.p_year = s_mode, (s_year if s_year is not None or s_mode != "review" else self.year0)
        self.unread = []
        return self.p_mode, self.p_year

    def alone_name(self, sentence: Sentence | None) -> str | None:
        """The name ``sentence`` states alone, if it is one clause naming an indicator, else None."""
        if sentence is None or len(sentence.clauses) != 1:
            return None
        return name_alone(self.text[sentence.start:sentence.end].rstrip("。"))

    def sentence(self, sentence: Sentence, para_estimated: bool) -> bool:
        scope, text = self.scope, self.text
        s = sentence.start
        s_text = text[s:sentence.end]
        bulletin = scope.bulletin
        first = self.r.first_figure(s, sentence.end)
        # "一般公共预算收入。完成86.5亿元，增长3.6%。": a sentence that is a name alone names the figures of the
        # next one, in its paragraph (a heading's line is a paragraph of its own: it names none)
        said_before = self.before
        self.before = sentence
        if first is None:
            return para_estimated or bool(SAME_BELOW in s_text and ESTIMATE.search(s_text))
        head = s_text[:first.start]
        mode, year = scope.time_of(head)
        if mode is None:
            mode, year = self.paragraph_time()
        elif mode == "review" and year is None:
            year = scope.review_year
        looking_back = scope.five_year_past(scope.opening(s_text, 40)) if scope.five_year else None
        if looking_back is not None:
            # an outline looking back at its base period (2020年，… / “十三五”时期… / 五年来…):
            # results of the base year, averages over the period included
            mode, year = "review", looking_back
        elif scope.five_year and mode == "multi":
            mode, year = "review", scope.review_year
        if mode == "multi":
            self.reached(sentence)  # "过去五年，…地方一般公共预算收入达1579亿元": last year's level
            return para_estimated
        if mode != "review":
            return para_estimated
        if SAME_BELOW in s_text and ESTIMATE.search(s_text):
            para_estimated = True
        est_at = ESTIMATE.search(s_text)
        # "初步核算，…增长4.3%。其中，第一产业增加值…": a sentence opened by 其中 continues the estimate, and so
        # does a breakdown (分季度看，一季度增长4.1%…), which passes it on
        opens_breakdown = bool(BREAKDOWN_SENTENCE.search(head))
        continued = bool(self.prev_estimate and (OPENS_AMONG.match(s_text) or opens_breakdown))
        self.prev_estimate = bool(est_at) or continued
        period = scope.own_period(year)  # (an in-year report's results: the part of the year its title names)
        if _may_name_period(head, s_text):  # (most sentences name none: ten patterns' calls spared)
            for pattern, fn in PERIOD:
                pm = pattern.search(head) or pattern.match(s_text) or pattern.match(s_text, len(head))
                if pm:
                    period = fn(pm)
                    break
        first_here = len(self.out)
        # "…增长8.2%。分经济类型看，国有控股企业增长5.1%…": a breakdown of the figure before — of its
        # whole where it was a part itself (…外商投资企业下降4.2%。分门类看，…: a new breakdown of the same figure)
        breakdown = (self.out[-1].parent or self.out[-1].figure.name) if opens_breakdown and self.out else None
        breakdown_named = False  # (named alone before 其中, not taken from the figures before)
        part_of: dict[str, str] = {}  # each part's whole, decided by its first figure (…万人次，同比增长…)
        # what a clause naming only its period speaks of (…增长4.6%。一季度增长4.1%，二季度…): the breakdown's
        # figure, or the figure just before in the paragraph
        period_of = breakdown
        if period_of is None and self.out and self.out[-1].sentence_start >= self.para_start:
            period_of = self.out[-1].parent or self.out[-1].figure.name
        last_name: str | None = self.alone_name(said_before)
        recent: list[str] = []  # names of the sentence's figures, latest last
        stop = False
        prev_clause_found: list[_Found] = []
        pending: list[_Found] = []  # figures since the last rank
        for cl in sentence.clauses:
            c_start = cl.start
            if breakdown is not None and cl.sep and cl.sep in CLOSE:
                breakdown = None  # "…（其中制造业增长9.2%），城镇新增就业…": the bracket closed the breakdown
            clause = text[cl.start:cl.end]
            if not clause.strip():
                continue
            if stop and not bulletin and (LAST_YEAR.match(clause.lstrip()) or scope.is_last_year(clause)):
                stop = False  # "…五年累计…，去年达到…": last year again
            if stop:
                continue
            if self.blocked.overlaps(c_start, cl.end):
                continue  # a target sentence: never a result
            said_first = clause.lstrip()  # (what the clause opens with, past a link: 而上年为…)
            if said_first[:1] in LINK_FIRST:
                said_first = LEADING_LINK.sub("", said_first)
            aside = ASIDE_WORDS.search(clause) is not None  # (without one, none of the eight patterns below matches)
            if aside and BASE_YEAR_FIGURES.match(said_first):
                continue  # "…增长4.3%，上年为下降1.5%": the year before the result's, no result (the name stays)
            quoted = PLAN_QUOTED.search(clause) if aside else None
            if quoted and last_name:
                # "…增长6.2%，高于年初目标（6%）0.2个百分点", "完成年计划710亿元的89.4%": last year's
                # plan for the figure just stated; the gap or the share completed is no result
                q, i = ("quote", "inner") if quoted.group("quote") else ("quote2", "inner2")
                self.plans.append(_quoted_plan(last_name, quoted, q, i, c_start, year))
                continue
            weighed = PLAN_WEIGHED.match(clause) if aside else None
            if weighed:
                if weighed.group("inner") and last_name:  # "未完成6%的预期目标": the plan, quoted
                    lead = len(weighed.group()) - len(weighed.group().lstrip())
                    self.plans.append(QuotedPlan(last_name, weighed.group()[lead:], weighed.group("inner"),
                                                 (c_start + lead, c_start + weighed.end()),
                                                 (c_start + weighed.start("inner"), c_start + weighed.end("inner")), year))
                continue  # compared with the plan: no result, and still the reviewed year
            mentioned = PLAN_MENTIONED.search(clause) if aside else None
            if mentioned:  # (this year's plan, 今年预期目标为…, makes a target sentence: blocked above)
                planned = PLAN_VERB_END.sub("", clause[:mentioned.start()]).strip()
                if planned and is_name_like(planned):
                    last_name = planned  # "一般公共预算收入完成年计划的101.2%，增长3.8%": named for the next clause
                # "年初预期目标为7%", "比预期目标7%低1个百分点", "实现预期目标": the reviewed year's plan, spoken
                # of beside its results — no result, and the sentence goes on in the reviewed year
                if mentioned.group("inner") and last_name and not POINTS.search(mentioned.group("inner")):
                    self.plans.append(_quoted_plan(last_name, mentioned, "quote", "inner", c_start, year))
                continue
            if scope.is_future(clause) or (clause.rstrip()[-1:] in QUOTING_LASTS and QUOTING_CLAUSE.match(clause.strip())):
                stop = True  # "今年全省地区生产总值预期增长6.5%", "…，市长提出，…": the rest speaks of the plan
                continue
            rank_m = RANK.search(clause) if aside else None
            if rank_m and not _candidates(clause[:rank_m.start()]):
                several = len(ORDINAL.findall(rank_m.group())) > 1 or rank_m.group().startswith("均")
                _give_rank(rank_m.group(), pending if several else prev_clause_found)
                pending = []
            if scope.over_years(clause) and not scope.is_last_year(clause) and not scope.five_year:
                stop = True  # "五年累计培育…，累计新增…": the years before last
                continue
            clause_year = scope.five_year_past(clause) if scope.five_year else None
            if clause_year is not None:
                year = clause_year  # "…，2020年全市地区生产总值预计达到2800亿元左右"
            elif cl.start > sentence.start and PAST_YEAR.match(clause.lstrip()):
                # "2023年地区生产总值增长6.0%，2024年增长5.9%": a later clause opening with its own year
                c_mode, c_year = scope.time_of(scope.opening(clause))
                if c_mode == "review" and c_year is not None and c_year != year:
                    year, period = c_year, scope.own_period(c_year)
                elif c_mode == "plan":
                    stop = True  # "21日，…会议开幕，2026年全市…增长6%左右": the plan year's figures, no result
                    continue
            elsewhere = ELSEWHERE.search(clause) if aside else None
            compared: list[tuple[int, int]] = []
            if elsewhere:
                # "增长6.2%、高于全省0.8个百分点": the comparison is the other region's; the figure before it ours
                compared = _comparisons(clause, elsewhere)
                if not _candidates(_without(clause, compared)):
                    compared = []
                else:
                    elsewhere = None
            if scope.is_soft_future(clause) or elsewhere or (aside and AVERAGE.search(clause) and not scope.five_year):
                subject = _subject(clause, self.r.clause_numbers(s, sentence.end, c_start, cl.end))
                if subject and not (aside and ELSEWHERE.search(clause)):
                    last_name = subject  # "年初确定的地区生产总值增长6.5%的目标顺利完成，实际增长7.1%"
                continue
            if self.other_region.opens(clause):
                continue  # "全国居民消费价格上涨0.2%": another region's figure
            if aside and ALL_YEAR.search(clause):
                period = None  # "上半年…增长7.2%，全年增长6.5%"
            opening = clause.lstrip()
            link = LEADING_LINK.match(opening) if opening[:1] in LINK_FIRST else None
            if link is not None:
                opening = opening[link.end():]  # "其中12月份增长9.1%": the period after the link
            periods: list[tuple[int, int]] = []
            periods_end = 0
            analysed = clause
            if opening[:1] in PERIOD_FIRST:  # (a clause opening with a period: most open with none)
                periods, periods_end = _periods_listed(opening)
                if periods:
                    period = periods[0]
                    if last_name is None:
                        last_name = period_of  # "一季度增长4.1%": the period is no name
                if periods:
                    # "一季度、上半年、前三季度分别增长5.8%、6.0%和6.1%": one period each, the list no name (nor one
                    # period alone: 其中12月份增长9.1%)
                    blank = len(clause) - len(opening) + periods_end
                    analysed = " " * blank + clause[blank:]
            before = last_name
            numbers = self.r.clause_numbers(s, sentence.end, c_start, cl.end)
            if compared:
                analysed = _without(analysed, compared)  # (a number left there has lost its unit: no figure)
            figures, last_name = clause_figures(analysed, last_name, recent, numbers=numbers)
            if len(periods) > 1 and len(figures) != len(periods):
                figures = []  # periods and figures that do not pair: no figure rather than a wrong period
            if BREAKDOWN.match(clause.lstrip()) and self.out:
                breakdown = before or self.out[-1].figure.name  # "其中城市上涨0.4%": parts of the figure before
                breakdown_named = before is not None
            for f in figures:
                shared = _shared_head(f.name, before) if f.own else None
                if shared:
                    # "…营业收入6920.4亿元；利润总额385.6亿元": the head carries over
                    last_name = shared if last_name == f.name else last_name
                    f.name = shared
                if f.name in recent:
                    recent.remove(f.name)
                recent.append(f.name)
            if not figures and not rank_m:
                subject = name_alone(clause) or _subject(clause, numbers)
                if subject:
                    # "消费对经济增长的贡献率上升3个百分点，达到51.2%"; "…；一般公共预算收入：完成14.82亿元": a
                    # clause naming its own subject, never the name carried from before
                    last_name = subject
            years = _series_years(analysed, figures, year, text[s:c_start], scope.review_year)
            if years is not None and len(years) != len(figures):
                figures = []  # a run of years and a series that do not pair: no figure rather than a wrong year
            found = []
            for k, f in enumerate(figures):
                a = c_start + f.start
                f_period = scope.resolved(_period_noted(clause, f.end) or (periods[k] if len(periods) > 1 else period))
                est_before = est_at is not None and s + est_at.start() <= a
                estimated = para_estimated or continued or est_before
                if estimated and f_period is not None and not continued and \
                        (est_at is None or not est_before or est_at.group() in FORECASTS):
                    # "预计全年…增长5.5%，1—11月，…增长7.1%": the estimate is the year's; a part of the year's figure
                    # is that period's fact — an estimate only when its own clause says so (1—11月预计增长…)
                    estimated = ESTIMATE.search(clause, 0, f.start) is not None
                estimated = estimated or bool(ESTIMATE_NOTE_AFTER.match(clause[f.end:]))
                parent = breakdown if breakdown and not is_name_like(f.name) else None
                if parent is not None and not breakdown_named:
                    if f.name not in part_of:
                        part_of[f.name] = self.whole_of_kind(f.unit, parent)
                    parent = part_of[f.name]
                found.append(_Found(f, a, c_start + f.end, years[k] if years is not None else year, f_period,
                                    estimated, c_start, s, parent=parent))
                said = clause[:f.start]
                found[-1].averaged = bool(YEAR_AVERAGE.search(said))
                found[-1].at_end = f.name.startswith(YEAR_END_NAMES) or bool(DECEMBER_END.search(said))
            if len(found) == 1 and prev_clause_found and not found[0].figure.own:
                joined = parse_target(self.text[prev_clause_found[-1].start:found[0].end])
                if joined.comparator == "range" and joined.value_high == found[0].figure.value:
                    found = []  # "增长6%以上，7%以内": the other end of the range the figure before opened
            if rank_m and found and _candidates(clause[:rank_m.start()]):
                _give_rank(rank_m.group(), [x for x in found if x.start < c_start + rank_m.start()])
                pending = []
            elif found:
                pending += found
            if found:
                prev_clause_found = found
                self.out.extend(found)
        # "突破9000亿元，达到9180亿元" (突破千万标箱大关，达到1003万标箱): the exact figure makes the bound redundant; "增加2380元，达到
        # 32650元": the level reached makes the change redundant (a change alone stays: 贫困人口减少1650万人)
        mine = self.out[first_here:]
        for k, x in enumerate(mine):
            if x.figure.increment and any(g.figure.measure == "level" and not g.figure.increment and g.figure.unit == x.figure.unit
                                          for g in mine[k + 1:]):
                self.out.remove(x)
        mine = self.out[first_here:]
        for x in mine:
            if x.figure.comparator in (">", ">=") and any(
                    g is not x and g.figure.comparator == "=" and (g.figure.name, g.figure.measure, g.figure.unit)
                    == (x.figure.name, x.figure.measure, x.figure.unit) for g in mine):
                self.out.remove(x)
        self.december(first_here)
        # a "(预计数)" note after the sentence's figures covers them all (but those of a part of the year)
        if ESTIMATED_NOTE.search(s_text):
            for x in self.out[first_here:]:
                x.estimated = x.estimated or x.period is None
        return para_estimated


    def december(self, first_here: int) -> None:
        """"全年城镇调查失业率平均值为5.2%，年末城镇调查失业率为5.0%": beside the year's average of an indicator
        in its paragraph, the figure of the year's end is December's (the year's is the average, which targets
        are set on) — alone, the end's figure stays the year's."""
        new = [x for x in self.out[first_here:] if x.averaged or x.at_end]
        if not new:
            return
        para: list[_Found] = []  # (the paragraph's, walked back from its end: never the document's before it)
        for x in reversed(self.out):
            if x.sentence_start < self.para_start:
                break
            if x.averaged or x.at_end:
                para.append(x)
        for x in new:
            for y in para:
                end, average = (x, y) if x.at_end else (y, x)
                if end.at_end and average.averaged and end.period is None and average.period is None \
                        and end.year == average.year and end.figure.unit == average.figure.unit \
                        and _without_year_end(end.figure.name) == average.figure.name:
                    end.period = (12, 12)

    def whole_of_kind(self, unit: str | None, last: str) -> str:
        """The whole a part measured in ``unit`` is of: the nearest whole before it in the paragraph with a
        figure of the unit's kind ("接待游客3562.8万人次…；旅游总收入451.3亿元…。其中，过夜游客1268.3万人次": the
        visitors), else ``last``, the whole just before (a part in % — 其中城市上涨0.4% — is of that one)."""
        kind = unit_kind(unit)
        if kind is None:
            return last
        for x in reversed(self.out):
            if x.sentence_start < self.para_start:
                break
            if x.parent is None and unit_kind(x.figure.unit) == kind:
                return x.figure.name
        return last

    def reached(self, sentence: Sentence) -> None:
        """Levels a review of several years says were reached by its end: the reviewed year's."""
        text, year = self.text, self.scope.review_year
        if year is None:
            return
        last_name = None
        last_year = False  # "五年累计…；去年新增高新技术企业310家，…": from 去年 on, the reviewed year's results
        own_year = f"{year}年"
        averaged: str | None = None  # the subject of a clause over the years, right before
        carried: str | None = None  # …carried into the year's clauses after it
        by_number = False  # the reviewed year's clauses opened by its number (2025年…), not by 去年
        for cl in sentence.clauses:
            clause = text[cl.start:cl.end]
            opening = clause.lstrip()
            if not last_year and (LAST_YEAR.match(opening) or opening.startswith(own_year)) and not MULTI.search(clause):
                last_year, by_number = True, not LAST_YEAR.match(opening)
                # "地区生产总值年均增长6.3%，2025年达到1368.2亿元，增长5.9%": the year's figures of the indicator averaged
                last_name = carried = averaged
            numbers = self.r.clause_numbers(sentence.start, sentence.end, cl.start, cl.end)
            # (after the year printed, 2021年达到…, a sum of the years is still one: …，城镇新增就业累计41.3万人)
            over_years = (AVERAGE.search(clause) or MULTI.search(clause) or (by_number and _says_period(clause))) \
                if last_year else _says_period(clause)
            if not clause.strip() or over_years or self.blocked.overlaps(cl.start, cl.end):
                averaged = _subject(clause, numbers) if over_years and AVERAGE.search(clause) else None
                last_name = None
                continue
            averaged = None
            figures, last_name = clause_figures(clause, last_name, numbers=numbers)
            for f in figures:
                if last_year and (f.own or f.name == carried) and not f.increment:
                    self.out.append(_Found(f, cl.start + f.start, cl.start + f.end, year, None, False, cl.start,
                                           sentence.start))
                elif f.measure == "level" and not f.increment and f.own and REACHED_BEFORE.search(clause[:f.start + 4]):
                    self.out.append(_Found(f, cl.start + f.start, cl.start + f.end, year, None, False, cl.start,
                                           sentence.start))


def _series_years(clause: str, figures: list[Figure], year: int | None, sentence_before: str = "",
                  review_year: int | None = None) -> list[int] | None:
    """The year of each figure of a series of one indicator after a run of years (地区生产总值连续三年分别增长
    6.5%、6.0%和6.2%: 2023, 2024 and 2025 when the clause speaks of 2025) or after a list of the years, in
    the sentence before (2024年和2025年，全市地区生产总值分别增长5.6%和5.4%: each its year, none after the
    reviewed year) — a list as long as the run, which the figures must match; ``None`` for any other clause
    (a single figure, 连续三年增长6%以上, is the year's)."""
    if len(figures) < 2 or year is None or len({(f.name, f.measure, f.unit) for f in figures}) > 1:
        return None
    listed = listed_years(sentence_before + clause[:figures[0].start])
    if listed is not None and (review_year is None or listed[-1] <= review_year):
        return listed
    run = running_years(clause[:figures[0].start])
    if run is None or run < 2:
        return None
    return [year - run + 1 + k for k in range(run)]


PERIOD_JOINER: Final = re.compile(LEX.alt("names.list_joiners"))


def _periods_listed(opening: str) -> tuple[list[tuple[int, int]], int]:
    """The periods a clause opens with (一季度, or a list: 一季度、上半年和前三季度), as (first month, last
    month), and where the last ends; none when it opens with none."""
    periods: list[tuple[int, int]] = []
    end = pos = 0
    while opening[pos:pos + 1] in PERIOD_FIRST:  # (what each PERIOD opens with)
        for pattern, fn in PERIOD:
            pm = pattern.match(opening, pos)
            if pm is not None:
                periods.append(fn(pm))
                end = pm.end()
                break
        joiner = PERIOD_JOINER.match(opening, end) if end > pos else None
        if joiner is None:
            break
        pos = joiner.end()
    return periods, end


def _says_period(clause: str) -> bool:
    """Does the clause speak of a sum or average over the years (累计, 年均, 共…), not of a level?"""
    return any(m.group(1) for m in PERIOD_WORDS.finditer(clause))


# "分居全省第2位、第3位": one rank each, written as 居 on each figure; "均居全省第2位": the same rank for
# each (分居 with more figures than ranks stays as printed)
SEVERAL_RANKS: Final = re.compile(rf"^(?:{LEX.alt('ranks.several_verbs')})")
EACH_RANK: Final = re.compile(rf"^(?:{LEX.alt('ranks.each_verbs')})")


def _give_rank(rank: str, found: list[_Found]) -> None:
    """"居全省第2位" qualifies the figures just before it; "分别居全省第2位、第3位" one each."""
    free = [f for f in found if f.rank is None]
    if not free:
        return
    parts = re.findall(r"第[一二三四五六七八九十\d]+(?:位|名)?", rank)
    if len(parts) > 1 and len(parts) == len(free):
        prefix = rank[:rank.index(parts[0])]
        prefix = SEVERAL_RANKS.sub("居", prefix)
        for f, p in zip(free, parts):
            f.rank = prefix + (p if p.endswith(("位", "名")) else p + "位")
        return
    for f in free:
        f.rank = EACH_RANK.sub("居", rank)


REGION_SUFFIX: Final = re.compile(rf"(?:{LEX.alt('documents.region_suffixes')})$")
OWN_SCOPES: Final = LEX.alt("names.own_scopes")
OWN_TIMES: Final = LEX.alt("names.own_times")


# what may follow the region's own name at the start of a result's name (全省, 去年), compiled once
OWN_AFTER: Final = re.compile(rf"(?:{OWN_SCOPES})?(?:{OWN_TIMES})?")


class OwnRegionWords:
    """What opens a result's name with the document's own region (江苏全省去年GDP -> GDP): the
    region's short name (or the country's words), then a scope and a time word, each optional —
    the matches of ``^(?:short)(?:OWN_SCOPES)?(?:OWN_TIMES)?`` found without compiling a pattern
    for each region (a national ingest meets thousands of them)."""

    __slots__ = ("shorts",)

    def __init__(self, shorts: tuple[str, ...]):
        self.shorts = shorts  # tried in order, as the alternation's words are

    def strip(self, name: str) -> str:
        """``name`` without its opening own-region words (unchanged when it does not open so)."""
        for short in self.shorts:
            if name.startswith(short):
                return name[OWN_AFTER.match(name, len(short)).end():]  # type: ignore[union-attr]
        return name


class _OwnRegionPattern:
    """The same for a short name holding characters a pattern reads as syntax: the pattern
    itself, as it has always been compiled (no region name of the registry has such characters)."""

    __slots__ = ("pattern",)

    def __init__(self, short: str):
        self.pattern = re.compile(rf"^(?:{short})(?:{OWN_SCOPES})?(?:{OWN_TIMES})?")

    def strip(self, name: str) -> str:
        return self.pattern.sub("", name)


def own_region_words(region: str | None) -> OwnRegionWords | _OwnRegionPattern | None:
    """What opens a result's name with the document's own region, or ``None`` when the region is
    unknown or its short name shorter than two characters."""
    if not region:
        return None
    if region_level(region) == "national":
        return OwnRegionWords(tuple(sorted(set(LEX.words("names.country_words")), key=lambda w: (-len(w), w))))
    short = REGION_SUFFIX.sub("", region)
    if len(short) < 2:
        return None
    if re.escape(short) != short:
        return _OwnRegionPattern(short)
    return OwnRegionWords((short,))


def extract_actuals(reading: Reading, targets_spans: list[tuple[int, int]]) -> list[Actual]:
    """The results a document states for earlier periods, each with its year (and period), its
    span and its name's span in the normalised text. ``source_span`` and ``page`` are left for the
    pipeline to fill."""
    doc, text = reading.doc, reading.text
    blocked = [] if reading.scope.bulletin else list(reading.target_sentences)
    blocked += targets_spans
    if reading.title_span:
        blocked.append(reading.title_span)  # a headline restates the body
    out: list[Actual] = []
    seen = set()
    own = own_region_words(reading.meta.region_name)
    reader = _ResultReader(reading, blocked)
    found = reader.run()
    reading.quoted_plans = reader.plans
    for f in found:
        fig = f.figure
        if own:
            rest = own.strip(fig.name)
            if len(rest) >= 2 and TWO_LETTERS.search(rest):
                fig.name = rest  # "江苏全省GDP" -> "GDP"
        span = Span(f.start, f.end)
        period = None
        if f.period and f.year:
            period = f"{f.year}-{f.period[0]:02d}/{f.year}-{f.period[1]:02d}"
        key = (fig.name, fig.measure, fig.value, fig.unit, f.year, period)
        if key in seen:
            continue  # a result restated (a news excerpt's headline and body)
        seen.add(key)
        name_span, origin = ground_name(text, fig.name, f.start, f.sentence_start, fig.own, f.end)
        # the name's characters are printed around the figure (a composed name's pieces too)
        near = name_span if name_span and origin != "composed" else Span(max(0, f.start - NAME_REACH), f.end)
        out.append(Actual(
            name=doc.printed(fig.name, near), measure=fig.measure, text=doc.printed(fig.text, span),
            comparator=fig.comparator, value=fig.value, unit=doc.printed(fig.unit, span) if fig.unit else None,
            year=f.year, period=period, estimated=f.estimated,
            rank=doc.printed(f.rank, Span(f.start, min(len(text), f.end + 40))) if f.rank else None,
            span=span, name_span=name_span, name_origin=origin,
            parent=doc.printed(f.parent, Span(max(0, f.start - NAME_REACH), f.end)) if f.parent else None,
        ))
    tabled = _table_actuals(reading, seen)
    return _one_figure_each(out, tabled, text)


_MAGNITUDE: Final = {"万亿": 10 ** 12, "亿": 10 ** 8, "千万": 10 ** 7, "百万": 10 ** 6, "万": 10 ** 4, "千": 10 ** 3}


def _magnitude(unit: str | None) -> tuple[int, str]:
    """A unit's magnitude and base unit (万元 → 10000, 元; 萬元 too: a unit is as printed)."""
    unit = to_simplified(unit or "")
    for word, f in _MAGNITUDE.items():
        if unit.startswith(word) and len(unit) > len(word):
            return f, unit[len(word):]
    return 1, unit


def _kind(a: Actual) -> tuple:
    """What two figures must share to be the same figure (as _same_figure asks): year, measure,
    period and base unit."""
    return a.year, a.measure, a.period, _magnitude(a.unit)[1]


def _scaled(value: Decimal, unit: str | None) -> tuple[Decimal, Decimal, str]:
    """A figure in its base unit, with half the step of its last printed digit (18.9万元 → 189000,
    ±500, 元)."""
    factor, base = _magnitude(unit)
    printed_exponent = value.as_tuple().exponent
    exponent = printed_exponent if isinstance(printed_exponent, int) else 0
    return value * factor, Decimal(5) * Decimal(10) ** (exponent - 1) * factor, base


def _same_figure(a: Actual, b: Actual) -> bool:
    if (a.year, a.measure, a.period) != (b.year, b.measure, b.period) or a.value is None or b.value is None:
        return False
    x, hx, ux = _scaled(a.value, a.unit)
    y, hy, uy = _scaled(b.value, b.unit)
    return ux == uy and abs(x - y) <= max(hx, hy)


def _one_figure_each(prose: list[Actual], tabled: list[Actual], text: str = "") -> list[Actual]:
    """A figure a table and the text both state (人均地区生产总值 189195元 in the table, 18.9万元 in
    the text; 累计全社会固定资产投资 13.8 and 固定资产投资年均增长13.8%) is listed once: the more
    precise printing. ``text``: the document's, where a composed row name's printed words are (利润总额 of
    规模以上工业利润总额, named by its caption: the text's 规模以上工业企业利润总额 is its twin)."""
    out = list(prose)
    if not tabled:
        return out
    # the prose figures a table's can be the same as: those of its _kind, in their order — a
    # bulletin's hundreds of results are not each compared with every figure of its tables (each
    # with its name, read once; a prose figure a table's replaced is no longer in its place)
    alike: dict[tuple, list[tuple[int, Actual, str]]] = {}
    for i, p in enumerate(out):
        if p.source == "prose" and p.value is not None:
            alike.setdefault(_kind(p), []).append((i, p, p.name))
    for t in tabled:
        twin = None
        if t.value is not None:
            name = t.name
            printed = text[t.name_span.start:t.name_span.end] if text and t.name_span and t.name_origin == "composed" else name
            for i, p, p_name in alike.get(_kind(t), ()):
                if out[i] is p and (p_name in name or name in p_name or (printed and printed in p_name)) and _same_figure(p, t):
                    twin = p
                    break
        if twin is None:
            out.append(t)
        elif _scaled(t.value, t.unit)[1] < _scaled(twin.value, twin.unit)[1]:  # type: ignore[arg-type]
            out[out.index(twin)] = t  # the table prints more digits
    return out


def _table_actuals(reading: Reading, seen: set) -> list[Actual]:
    """Results printed in tables (a completion table's 完成 column, a bulletin's output by
    product, a five-year table's base values); a figure the text already stated is listed once."""
    doc = reading.doc
    out = []
    stated = {(k[0], k[1], k[2], k[4], k[5]) for k in seen}
    for table in reading.tables:
        for line in table.lines:
            if line.type != "actual":
                continue
            period = None
            if line.period and line.year:
                period = f"{line.year}-{line.period[0]:02d}/{line.year}-{line.period[1]:02d}"
            key = (line.name, line.measure, line.value, line.year, period)
            if key in stated or (line.name, line.measure, line.value, line.unit, line.year, period) in seen:
                continue
            stated.add(key)
            span, name_span = Span(*line.span), Span(*line.name_span)
            out.append(Actual(
                name=doc.printed(line.name, name_span), measure=line.measure, text=doc.printed(line.text, span),
                comparator=line.comparator, value=line.value,
                unit=doc.printed(line.unit, Span(*line.unit_span) if line.unit_span else name_span) if line.unit else None,
                year=line.year, period=period, estimated=line.estimated, span=span, name_span=name_span,
                name_origin=line.name_origin, parent=doc.printed(line.parent, Span(max(0, span.start - 2000), span.end))
                if line.parent else None, source="table",
            ))
    return out

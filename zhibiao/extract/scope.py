"""Time: the one owner of a document's plan year, of the parts it divides into (a review of
last year, a review of several years, the plan) and of the time each sentence speaks of.

The plan year is established by evidence, never by counting years: the title (下达2024年…计划),
the date a report was delivered to its congress (2024年1月21日在…人民代表大会; a news lead's
"1月11日，…第一次会议开幕" with its byline's year), the year of a target statement (2022年，…主要
预期目标是), headings (二、2024年工作安排; 一、2023年工作回顾 reviews the year before), a plan part's
"2022年是…之年。做好今年…", the congress session (十四届全国人大二次会议, from a data file of terms),
the page's publication date. Each piece of evidence votes with a weight; a document with none
gets ``None`` and a warning, and its lines are still extracted.

Targets, actuals and commitments all read time from here: :func:`build_scope` returns the zones
and :meth:`Scope.time_of` what the opening words of a paragraph or sentence say about its time.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Final

from zhibiao.extract.lexicon import LEX, load_data
from zhibiao.extract.metadata import evaluates_outline, monthly_report
from zhibiao.extract.numbers import NumberError, parse_chinese
from zhibiao.models import Section
from zhibiao.text.scan import LineScanner, scanner, word_trie


def _alt(*paths: str) -> str:
    """``LEX.alt(*paths)`` written as a trie: the same matches (every use below is a group of its
    own or a whole alternation), found without testing each word in turn — the opening words of
    every sentence are searched for any of ~70 time words (TIME_SIGNAL)."""
    return word_trie(LEX.words(*paths))


YEAR: Final = r"(?:19[5-9]\d|20\d\d)"

# --- words of time (all from the lexicon) ---------------------------------------------------
LAST_YEAR: Final = scanner(rf"(?<![比较同与和])(?:{_alt('time.last_year')})(?!同期)")
_PERIOD_NAMES: Final = r"“?十[一二三四五六]五”?"
MULTI: Final = scanner(rf"{_alt('time.multi_year')}|{_PERIOD_NAMES}(?:{_alt('time.five_year_periods')})")
_PLANNED: Final = r"计划(?=[到在于将要新完实达力])"  # 计划到/计划在…: a plan ahead (not 年度计划)
FUTURE: Final = re.compile(rf"{_alt('time.future')}|努力(?!下)|{_PLANNED}|到(20\d\d)年")  # (到2025年: ahead of the review only)
SOFT_FUTURE: Final = scanner(rf"{_alt('time.soft_future')}|将(?!近)|(?<![主重需必纲摘概只首])要(?![素求点件闻务])")
ESTIMATE: Final = re.compile(rf"(?:{_alt('time.estimate')})(?!到)")
EXPLICIT_YEAR: Final = scanner(
    rf"(?<![{''.join(LEX.words('time.year_not_time_before'))}])(?:截至|截止|到)?({YEAR})\s*年"
    rf"(?:{_alt('time.year_parts')})?(?!{_alt('time.year_not_time')})")
REVIEW_TITLE: Final = re.compile(_alt("time.review_titles"))
REVIEW_OPENER: Final = re.compile(_alt("time.review_openers"))
PAST_YEAR: Final = re.compile(rf"(?<!\d)({YEAR})\s*年")
# a year that can date a figure: not one it is compared with or changes from (比2020年, 由2020年的)
DATING_YEAR: Final = re.compile(rf"(?<![\d{''.join(LEX.words('time.compared_year_before'))}])({YEAR})\s*年")
MULTI_TITLE: Final = re.compile(_alt("time.multi_titles"))
PLAN_TITLE: Final = re.compile(_alt("time.plan_titles"))
_NUMBERED: Final = r"(?m)^[ \t]*(?:[一二三四五六七八九十]+、[ \t]*)?"  # (two runs of [ \t]* side by side: quadratic)
REVIEW_HEADING: Final = LineScanner(rf"{_NUMBERED}({YEAR})[ \t]*年[^\n。，,]{{0,16}}?(?:{_alt('time.review_headings')})[ \t]*$")
PLAN_HEADING: Final = LineScanner(rf"{_NUMBERED}({YEAR})[ \t]*年[^\n。，,]{{0,20}}?(?:{_alt('time.plan_headings')})[^\n。，,]{{0,12}}$")
THIS_YEAR_HEADING: Final = LineScanner(rf"{_NUMBERED}(?:今年|明年)[^\n。，,]{{0,16}}(?:{_alt('time.this_year_headings')})[^\n。，,]{{0,8}}$")
# "报告提出2022年政府主要工作安排": a plan part named inside a sentence
PLAN_NAMED: Final = re.compile(rf"({YEAR})\s*年[^\n。，,；]{{0,8}}?(?:{_alt('time.plan_headings')})")
TARGET_YEAR: Final = scanner(rf"(?<![到至\-—])({YEAR})\s*年[^，。；\n]{{0,16}}?主要(?:预期)?(?:目标|指标)")
YEAR_IS: Final = scanner(rf"(?<![到至\-—\d])({YEAR})\s*年是[^。\n]{{0,60}}?(?:{_alt('time.year_of_phrases')})")
THIS_YEAR: Final = re.compile(_alt("time.this_year"))
# the year so far (今年以来, 年初以来, 2025年以来): in an in-year report, its own year — not several years
YEAR_TO_DATE: Final = re.compile(rf"{_alt('time.year_to_date')}|({YEAR})\s*年(?:{_alt('time.year_to_date_tails')})")

# --- the part of a year (1—9月, 上半年, 前三季度, 一季度, 9月末): (first month, last month) ---------------


LATER_PARTS: Final = {str(w): (int(m[0]), int(m[1])) for w, m in LEX.get("time.later_parts").items()}  # 二季度 → (4, 6)


# the period 本月/当月 name: the month of the report they are printed in (Scope.resolved), not known to a pattern
THIS_MONTH: Final = (0, 0)


def this_month(period: tuple[int, int] | None) -> tuple[int, int] | None:
    """The month 本月/当月 mean in a text of ``period`` (1—11月's report, a column under 11月: November alone);
    ``None`` where the text's part of the year is not known."""
    return (period[1], period[1]) if period is not None else None


def _month_end(m: re.Match) -> tuple[int, int]:
    return 1, int(m.group(1))


PERIOD: Final = [
    (scanner(r"(?<!\d)1\s*[-—–~～至到]\s*(\d{1,2})\s*月"), lambda m: (1, int(m.group(1)))),
    (re.compile(r"一至([一二三四五六七八九十]{1,2})月"), lambda m: (1, int(parse_chinese(m.group(1))))),
    (re.compile(_alt("time.half_year")), lambda m: (1, 6)),
    (re.compile(_alt("time.three_quarters")), lambda m: (1, 9)),
    (scanner(rf"(?<![前二三四])(?:{_alt('time.first_quarter')})"), lambda m: (1, 3)),
    # 二季度, 下半年 (前三季度, 一至三季度 are three_quarters, found first); not 三季度以来, a time since
    (scanner(rf"(?:{_alt('time.later_parts')})(?!{_alt('names.duration_tails')})"),
     lambda m: LATER_PARTS[m.group()]),
    # a month's end before December's (9月末: the state of the year's first nine months; 12月末 is the year's)
    (scanner(rf"(?<!\d)([1-9]|1[01])\s*月(?:{_alt('time.month_ends')})"), _month_end),
    # one month (12月份, 6月份当月, 11月当月): that month alone
    (scanner(rf"(?<![\d\-—–~～至到])(1[0-2]|[1-9])\s*(?:(?:{_alt('time.single_month')})(?:{_alt('time.single_month_tails')})?"
             rf"|月(?:{_alt('time.this_month')}))"), lambda m: (int(m.group(1)), int(m.group(1)))),
    # the month a monthly report is of, its number not printed (本月, 当月): THIS_MONTH, which Scope.resolved reads
    (scanner(_alt("time.this_month")), lambda m: THIS_MONTH),
]
# what a match of each PERIOD opens with (a period's words', 1—N月's, 一至N月's, N月末's, 本月's)
PERIOD_FIRST: Final = frozenset(["一"] + list("0123456789")
                                + [w[0] for w in LEX.words("time.half_year", "time.three_quarters", "time.first_quarter",
                                                           "time.later_parts", "time.this_month")])


def period_in(words: str) -> tuple[int, int] | None:
    """The part of a year ``words`` name (the first PERIOD that matches), or ``None``."""
    for pattern, fn in PERIOD:
        m = pattern.search(words)
        if m:
            return fn(m)
    return None
# a result's markers (好于预期, 通过不懈努力) and the reviewed year's plan spoken of beside its results
# (年初预期目标为7%, 完成预期目标): words of the future that speak of the past
RESULT_MARKERS: Final = re.compile(f"{_alt('time.result_markers')}|{_alt('plans.words')}")
REPORTING: Final = re.compile(rf"^[\s\u4e00-\u9fff“”]{{0,12}}?(?:{_alt('time.reporting_verbs')})(?:了|道)?$")
# the longest text REPORTING can match: 12 characters, a verb, 了 or 道, a final newline (its $);
# and the characters its matches end with (a verb's last, 了, 道, that newline)
REPORTING_LONGEST = 12 + max(map(len, LEX.words("time.reporting_verbs"))) + 2
REPORTING_ENDS: Final = frozenset([w[-1] for w in LEX.words("time.reporting_verbs")] + ["了", "道", "\n"])
CLAUSE_BREAK: Final = re.compile(r"[，,。；;：:]")
# a paragraph adding to the one before (同时，/此外，/另外，: the words a list of targets goes on with, prose):
# it speaks of the time the one before ends in, unless it names its own
ADDING: Final = re.compile(rf"\s*(?:{_alt('targets.continuing')})[，,]")
ADDING_FIRST: Final = frozenset(w[0] for w in LEX.words("targets.continuing"))  # (what ADDING opens with, past spaces)
LEADING_LINK: Final = re.compile(rf"^\s*(?:{_alt('names.leading_links')})?")
YEAR_WORD: Final = re.compile(rf"({YEAR})\s*年")
YEAR_MENTION: Final = scanner(rf"(?<!\d)({YEAR})\s*年")  # (a scanner: tried only at a 1 or a 2: a text's every year, found 4–5 times faster)
# Any of the words Scope.time_of tests for, in one pattern: the opening words of most sentences
# say nothing of time, and one search tells so instead of six (see time_of). Written loosely — the
# words without the look-arounds and optional openings around them, a year as any four digits
# before 年 — so that it finds at least every text a test of time_of finds something in, and so
# that each of its alternatives opens with a character: re skips an alternative that opens with
# another character at one comparison, but enters one opening with a look-behind or an optional
# group (the exact union cost twice as much at each position its first characters let through).
TIME_SIGNAL: Final = scanner(word_trie(LEX.words("time.result_markers", "plans.words", "time.multi_year", "time.last_year",
                                          "time.this_year", "time.future", "time.year_to_date") + ("努力",))
                      + rf"|{_PLANNED}|十[一二三四五六]五|[12]\d{{3}}\s*年")

# --- dates ----------------------------------------------------------------------------------
_CONGRESS: Final = _alt("documents.congress_words")
FULL_DELIVERY: Final = re.compile(rf"({YEAR})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*在[\s\S]{{0,40}}?(?:{_CONGRESS})")
# "2月25日上午10時，成都市第十七屆人民代表大會第一次會議…開幕": month and day, the year elsewhere
# (no other month and day between it and the congress: 海峡新闻网1月21日讯　1月20日，…会议开幕 — the dateline's is the posting's)
NEWS_DELIVERY: Final = scanner(rf"(?<!\d)(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日(?:(?!\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)[^。\n]){{0,60}}?(?:{_CONGRESS})[^。\n]{{0,40}}?"
                           rf"(?:{_alt('time.congress_events', 'time.congress_reports')})")
# "…第五届人民代表大会第二次会议20日开幕" / "昨天上午，…会议开幕": a day, or a day relative to the byline
DAY_DELIVERY: Final = re.compile(rf"(?:{_CONGRESS})[^。\n]{{0,30}}?会议[^。\n]{{0,10}}?(?<![\d月])(\d{{1,2}})\s*日[^。\n]{{0,20}}?"
                          rf"(?:{_alt('time.congress_events')})")
# "21日，…人民代表大会第六次会议开幕": a news lead opening with the day alone (a day, no month, before it)
# (scanners: a pattern opening with ^ or a look-behind is tried by re at every position of the head it
# searches; a match starts with a space or a digit)
DAY_FIRST_DELIVERY: Final = scanner(rf"(?:^|(?<=[。\n]))[ \t\u3000]*(\d{{1,2}})\s*日[^。\n]{{0,60}}?(?:{_CONGRESS})[^。\n]{{0,40}}?"
                                rf"(?:{_alt('time.congress_events')})")
RELATIVE_DELIVERY: Final = re.compile(rf"({_alt('time.today', 'time.yesterday')})[^。\n]{{0,60}}?(?:{_CONGRESS})[^。\n]{{0,40}}?"
                               rf"(?:{_alt('time.congress_events')})")
YESTERDAY: Final = frozenset(LEX.words("time.yesterday"))
DATELINE: Final = scanner(rf"(?<!\d)(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日电[^。\n]{{0,40}}(?:{_alt('time.today')})")
# a page's publication date near its top: 2018-03-20 10:33:06, 发布时间:2022-01-12, 2021年3月15日
PUBLISHED: Final = scanner(rf"(?<!\d)({YEAR})\s*[-/.年]\s*(\d{{1,2}})\s*[-/.月]\s*(\d{{1,2}})(?!\d)")
_CN_NUM: Final = "〇零一二两三四五六七八九十"
SESSION: Final = re.compile(
    rf"(?P<body>[\u4e00-\u9fff]{{0,12}}?)第?(?P<term>[{_CN_NUM}\d]{{1,3}})\s*届\s*(?P<nat>全国)?\s*(?:{_CONGRESS})"
    rf"(?:常务委员会)?\s*第?(?P<session>[{_CN_NUM}\d]{{1,3}})\s*次(?:全体)?会议(?!以来|召开以来|之后|后)")
SESSION_REACH: Final = 16  # a match starts at most this far before the spaces before its 届: body 12, 第, term 3


def sessions(text: str):
    """``SESSION.finditer(text)``: the same matches, with the pattern tried only where one can
    start — within :data:`SESSION_REACH` characters (and a run of spaces) before a 届 — instead of
    at every position (its lazy opening made a scan of 3,000 characters cost ~0.7 ms)."""
    pos, k = 0, text.find("届")
    while k >= 0:
        first = k
        while first > pos and text[first - 1].isspace():  # (\s: the same characters as str.isspace)
            first -= 1
        for p in range(max(pos, first - SESSION_REACH), k + 1):
            m = SESSION.match(text, p)
            if m:
                yield m
                pos = m.end()
                break
        else:
            pos = k + 1  # no match starts at or before this 届
        k = text.find("届", pos)


def _year_before(text: str, at: int) -> int:
    """Where a year printed before the 年 at ``at`` starts — its four digits, then spaces (\\s, the
    characters str.isspace tests): the one place a match of ``({YEAR})\\s*年`` ending there can start."""
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k - 4


def years_before(pattern: re.Pattern, text: str, anchor: str, reach: int) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern opening with ``({YEAR})\\s*年`` (a look-behind before
    it allowed) whose every match holds ``anchor`` at most ``reach`` characters after that 年 (0:
    the anchor opens with it): the same matches, the pattern tried only at the years before each
    anchor, which str.find finds, instead of at every 1 and 2 of the text (re's test of each
    character against the first characters of a pattern costs more than the whole of this)."""
    last = 0  # a match starts at or after the end of the one before
    tried = -1  # the last 年 whose year was tried (an anchor's reach overlaps the one before's)
    k = text.find(anchor)
    while k >= 0:
        at = text.find("年", max(k - reach, tried + 1), k + 1)
        while at >= 0:
            tried = at
            start = _year_before(text, at)  # (in the order of the 年s: a later 年's year starts later)
            if start >= last:
                m = pattern.match(text, start)
                if m:
                    yield m
                    last = m.end()
            at = text.find("年", at + 1, k + 1)
        k = text.find(anchor, k + 1)


# every TARGET_YEAR holds 主要 within 17 characters after its 年 ([^…]{0,16}? between); YEAR_IS opens with 年是
TARGET_YEAR_REACH: Final = 17


def _num(text: str) -> int | None:
    try:
        return int(text) if text.isdigit() else int(parse_chinese(text))
    except (NumberError, ValueError):
        return None


def _iso(y: int, m: int, d: int) -> str | None:
    return f"{y:04d}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


@dataclass(frozen=True)
class YearEvidence:
    """One reason to believe a year is the plan year: where it was read, and how much it weighs."""

    year: int
    source: str  # title | delivery | target_statement | heading | year_is | congress | published | mentions | reviewer
    weight: int
    at: int | None = None  # offset in the text


@dataclass
class Zone:
    start: int
    end: int
    mode: str  # review | multi | plan
    horizon: int | None = None  # a part that plans for a five-year period's end (or 2035): its year


@dataclass
class Scope:
    """What time each part of a document speaks of."""

    doc_type: str
    plan_year: int | None
    evidence: list[YearEvidence] = field(default_factory=list)
    in_year: bool = False  # an execution report written during its year: its results are that year's
    # an in-year report's part of its year, named by its title (…2025年1—9月…执行情况: (1, 9)): its results'
    # unless their own words name another part (1—8月, 9月末) or the whole year (预计全年)
    period: tuple[int, int] | None = None
    horizon: int | None = None  # a five-year plan: the year it plans for (the period's end)
    # what time_of answered for an opening, with the fields it read (doc_type, plan_year, in_year,
    # horizon): actuals and commitments ask of the same sentences' openings, half the questions of
    # a document are repeats
    _times: dict[str, tuple[str | None, int | None, str, int | None, bool, int | None]] = \
        field(default_factory=dict, repr=False, compare=False)

    @property
    def five_year(self) -> bool:
        return self.doc_type == "five_year_plan"
    zones: list[Zone] = field(default_factory=list)
    delivered_on: str | None = None  # a report's delivery to its congress (ISO date)
    warnings: list[str] = field(default_factory=list)

    @property
    def bulletin(self) -> bool:
        return self.doc_type == "statistical_bulletin"

    @property
    def review_year(self) -> int | None:
        """The year results are for unless a sentence says otherwise."""
        if self.plan_year is None:
            return None
        if self.five_year and self.horizon:
            return self.horizon - 5  # an outline's base year (十四五: 2020), whatever year it was issued
        return self.plan_year if self.bulletin or self.in_year else self.plan_year - 1

    def five_year_past(self, head: str) -> int | None:
        """The year a sentence of a five-year plan speaks of when it looks back (2020年，… /
        “十三五”时期… / 回顾“十四五”… / 五年来…): its base year or an earlier one; ``None`` when it
        does not look back."""
        if not self.five_year or self.review_year is None:
            return None
        base = self.review_year
        head = RESULT_MARKERS.sub("", head)
        # (由2020年的…增加到2025年的…: the level reached is 2025's; 比2020年增加…: no year of its own)
        years = [int(m.group(1)) for m in DATING_YEAR.finditer(head)]
        past = [y for y in years if y <= base]
        if past:
            return max(past)
        if years:
            return None  # 到2025年…: ahead
        period = five_year_period(head)
        if period and period[1] <= base:
            return period[1]
        if REVIEW_OPENER.search(head):
            return base
        return None

    def own_period(self, year: int | None) -> tuple[int, int] | None:
        """The part of the year a result of ``year`` covers when its words name none: an in-year
        report's own year, the part its title names; otherwise none (a whole year's)."""
        return self.period if self.in_year and year is not None and year == self.plan_year else None

    def resolved(self, period: tuple[int, int] | None) -> tuple[int, int] | None:
        """``period`` as months: THIS_MONTH (本月, 当月) is the month an in-year report is of (the last of
        its part of the year: 1—11月's report, November); in any other text its month is not known
        (``None``, as before the words were read)."""
        return this_month(self.period) if period == THIS_MONTH else period

    def _to_date(self, m: re.Match) -> str:
        # (YEAR_TO_DATE's replacement: the report's own year so far goes; another year's 以来 stays)
        return "" if m.group(1) is None or int(m.group(1)) == self.plan_year else m.group()

    def over_years(self, clause: str) -> bool:
        """Does a clause speak of several years (五年来, 2020年以来, 近三年)? In an in-year report the
        year so far (今年以来, 年初以来, 2025年以来) is its own year, not several."""
        if not MULTI.search(clause):
            return False
        return not self.in_year or bool(MULTI.search(YEAR_TO_DATE.sub(self._to_date, clause)))

    def _plain(self, clause: str) -> str:
        clause = RESULT_MARKERS.sub("", clause)
        return THIS_YEAR.sub("", clause) if self.in_year else clause  # during the year, 今年 is its results

    def is_future(self, clause: str) -> bool:
        """Does a clause speak of the plan year or later? (Not "好于年初预期", "通过不懈努力": results.)"""
        return not self.bulletin and self._future(self._plain(clause))

    def _future(self, words: str) -> bool:
        """Does FUTURE find a word of the future in ``words``? 到2025年 is one only when that year is
        still ahead: a level raised to the reviewed year's (增加到2025年的1820.5亿元, in a review of
        2025) is a result."""
        for m in FUTURE.finditer(words):
            if m.group(1) is None or self.plan_year is None:
                return True
            if int(m.group(1)) >= self.plan_year:
                return True
        return False

    def is_soft_future(self, clause: str) -> bool:
        return not self.bulletin and bool(SOFT_FUTURE.search(self._plain(clause)))

    def time_of(self, head: str) -> tuple[str | None, int | None]:
        """What the opening words of a paragraph or sentence say about its time: ("review", year),
        ("multi", None), ("plan", None) or (None, None) when they say nothing."""
        known = self._times.get(head)
        if known is not None and known[2] == self.doc_type and known[3] == self.plan_year \
                and known[4] == self.in_year and known[5] == self.horizon:
            return known[0], known[1]
        mode, year = self._time_of(head)
        self._times[head] = (mode, year, self.doc_type, self.plan_year, self.in_year, self.horizon)
        return mode, year

    def _time_of(self, head: str) -> tuple[str | None, int | None]:
        if not TIME_SIGNAL.search(head):
            # none of the words tested below (nor a marker whose removal could join two halves of one)
            return None, None
        head = RESULT_MARKERS.sub("", head)
        if self.in_year and not self.over_years(head) and YEAR_TO_DATE.search(head):
            return "review", self.plan_year  # 今年以来 / 2025年以来 in an in-year report: the year so far
        years = list(EXPLICIT_YEAR.finditer(head))
        m = years[-1] if years else None  # the time adverbial is the year nearest the words that follow
        multi = MULTI.search(head)
        if m:
            y = int(m.group(1))
            if multi and multi.start() < m.start():
                return "multi", None
            if self.bulletin or self.plan_year is None or y < self.plan_year or (self.in_year and y == self.plan_year) \
                    or (self.five_year and self.review_year is not None and y <= self.review_year):
                return "review", y
            return "plan", None
        if LAST_YEAR.search(head) and not self.in_year:
            return "review", None
        if self.in_year and THIS_YEAR.search(head):
            return "review", None
        if multi:
            return "multi", None
        if FUTURE.search(self._plain(head)) and not self.bulletin:
            return "plan", None
        return None, None

    @staticmethod
    def opening(text: str, limit: int = 30) -> str:
        """The words that open a paragraph or sentence, past a clause that only says who speaks
        ("报告指出，2021年，…" opens with 2021年)."""
        # (the first clause found by a search, not a split: a split copies the rest of a paragraph)
        text = text.lstrip()
        brk = CLAUSE_BREAK.search(text)
        if brk is None:
            return text[:limit]
        first = text[:brk.start()]
        if len(first) <= REPORTING_LONGEST and first[-1:] in REPORTING_ENDS and REPORTING.match(first):
            after = CLAUSE_BREAK.search(text, brk.end())
            first = text[brk.end():after.start() if after else len(text)]
        return first[:limit]

    def lead_time(self, sentence: str) -> tuple[str | None, int | None]:
        """What a sentence's opening says of its time (a time adverbial opens a long clause: only the
        first words of one are read)."""
        lead = self.opening(sentence, 40)
        return self.time_of(lead if len(lead) < 40 else lead[:12])

    def adding_time(self, paragraph: str) -> tuple[str | None, int | None] | None:
        """What a paragraph opening by adding to the one before (同时，/此外，/另外，) says of its time past
        those words, as ``time_of`` does — ``(None, None)``: nothing, it goes on with the time of the one
        before; ``None`` when it does not open so, or speaks of what is still to do (同时，要新增…: no
        result, whatever the one before was)."""
        lead = paragraph[:1]  # (most paragraphs open with none of its words: the pattern's call spared)
        m = ADDING.match(paragraph) if lead in ADDING_FIRST or lead.isspace() else None
        if m is None:
            return None
        words = self.opening(paragraph[m.end():])
        mode, year = self.time_of(words)
        if mode is None and (self.is_future(words) or self.is_soft_future(words)):
            return None
        return mode, year

    def is_last_year(self, clause: str) -> bool:
        """Does a clause open with the reviewed year ("去年…", "2023年…")?"""
        head = LEADING_LINK.sub("", clause)[:12]
        if LAST_YEAR.match(head):
            return True
        m = EXPLICIT_YEAR.match(head)
        return bool(m and self.plan_year and int(m.group(1)) == self.plan_year - 1)

    def zone_at(self, offset: int) -> Zone | None:
        return next((z for z in self.zones if z.start <= offset < z.end), None)

    def target_year_at(self, offset: int) -> int | None:
        """The year a target whose words name none is for: the horizon of the five-year part it stands
        in (an outline's 主要目标 listed after 今后五年…实现以下主要目标：), else the plan year."""
        zone = self.zone_at(offset)
        return zone.horizon if zone is not None and zone.mode == "plan" and zone.horizon else self.plan_year


# --- a run of years ------------------------------------------------------------------------------
RUNNING_YEARS: Final = re.compile(rf"(?:{_alt('time.running_leads')})(\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})个?年")


def running_years(words: str) -> int | None:
    """How many years a run the words name lasts (连续三年 → 3, 连续5年 → 5), or ``None``: the figures of a
    series listed after it (分别增长6.5%、6.0%和6.2%) are one each of those years, the last the year the
    clause speaks of."""
    m = RUNNING_YEARS.search(words)
    if m is None:
        return None
    count = m.group(1)
    try:
        return int(count) if count.isdecimal() else int(parse_chinese(count))
    except NumberError:  # pragma: no cover - the pattern lets only numerals through
        return None


# a list of years before a series of figures (2024年和2025年，…分别增长5.6%和5.4%; 2024、2025年): one year each
YEAR_LIST: Final = re.compile(rf"({YEAR})\s*年?(?:\s*(?:{_alt('names.list_joiners')})\s*{YEAR}\s*年?)+")
A_YEAR_NUMBER: Final = re.compile(YEAR)


def listed_years(words: str) -> list[int] | None:
    """The years a list names when it is the last time ``words`` name (2024年和2025年，全市地区生产总值 →
    [2024, 2025]), in rising order; ``None`` for words naming one year, none, or a list with a year after it."""
    last = None
    for m in YEAR_LIST.finditer(words):
        last = m
    if last is None or EXPLICIT_YEAR.search(words, last.end()) is not None:
        return None
    years = [int(y) for y in A_YEAR_NUMBER.findall(last.group())]
    return years if all(a < b for a, b in zip(years, years[1:])) else None


# --- the year a target is for ------------------------------------------------------------------
_PERIOD_START: dict[str, int] = dict(LEX.get("time.five_year_periods_start"))
FIVE_YEAR_PERIOD: Final = scanner(r"[“\"]?(十[一二三四五六]五)[”\"]?(?:时期|期间|规划|末|期末)?|第(十[一二三四五六])个五年")


PERIOD_TARGETS: Final = scanner(rf"(?:{FIVE_YEAR_PERIOD.pattern})(?:时期|期间)?(?:经济社会发展)?的?(?:主要目标|发展目标|目标)"
                            rf"|到(?:{FIVE_YEAR_PERIOD.pattern})末")


def five_year_period(words: str) -> tuple[int, int] | None:
    """(first, last) year of the five-year period ``words`` name: “十四五” or 第十四个五年 → 2021–2025."""
    m = FIVE_YEAR_PERIOD.search(words)
    if not m:
        return None
    start = _PERIOD_START.get(m.group(1) or (m.group(2) + "五"))
    return (start, start + 4) if start else None
BY_YEAR: Final = re.compile(rf"(?:{LEX.alt('time.by_year')})({YEAR}|[二〇零一三四五六七八九]{{4}})\s*年")
YEAR_RANGE: Final = re.compile(rf"({YEAR})\s*[-—–~～至到]\s*({YEAR})\s*年")


def target_year_in(words: str) -> int | None:
    """The year a target statement is for when its own words say so: "十四五"时期 → 2025,
    到2035年 → 2035, 2021—2025年 → 2025; ``None`` when they say nothing."""
    m = YEAR_RANGE.search(words)
    if m:
        return int(m.group(2))
    m = BY_YEAR.search(words)
    if m:
        return int(m.group(1)) if m.group(1).isdigit() else _num(m.group(1))  # 到二〇三五年: digit by digit
    period = five_year_period(words)
    return period[1] if period else None


# --- the plan year ---------------------------------------------------------------------------

NATIONAL_BODIES: Final = LEX.words("documents.national_bodies")
PROVINCE_SUFFIXES: Final = LEX.words("documents.province_suffixes")


def _congress_year(m: re.Match) -> int | None:
    """The year a numbered session of a national or provincial congress met."""
    terms = load_terms()
    term, session = _num(m.group("term")), _num(m.group("session"))
    if not term or not session:
        return None
    body = m.group("body") or ""
    if m.group("nat") or body.endswith(NATIONAL_BODIES):
        ref = terms["national"]
    else:
        province = next((p for p in terms["provincial_exceptions"] if body.endswith(p)), None)
        if province:
            ref = terms["provincial_exceptions"][province]
        elif body.endswith(PROVINCE_SUFFIXES) or not body or body in PROVINCE_SUFFIXES:
            ref = terms["provincial"]
        else:
            return None  # a city's or county's congress: its terms are its own
    began = ref["began"] + terms["term_years"] * (term - ref["term"])
    return min(began + session - 1, began + terms["term_years"] - 1)


_TERMS: dict | None = None


def load_terms() -> dict:
    global _TERMS
    if _TERMS is None:
        _TERMS = load_data("congress_terms.yaml")
    return _TERMS


def published_date(text: str) -> tuple[int, int, int] | None:
    """The page's own date near its top (a byline, 发布时间, a timestamp)."""
    head = text[:400]
    for m in PUBLISHED.finditer(head):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return y, mo, d
    return None


def _delivery(text: str) -> tuple[int | None, int, int, int] | None:
    """(year or None, month, day, offset) of a report's delivery to its congress. A news item
    may give only the day ("…会议20日开幕") or a day relative to its byline ("昨天上午…开幕"): the
    byline's month and year complete it."""
    head = text[:1500]
    m = FULL_DELIVERY.search(head)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3)), m.start()
    m = NEWS_DELIVERY.search(head) or DATELINE.search(head)
    if m:
        return None, int(m.group(1)), int(m.group(2)), m.start()
    pub = published_date(text)
    if pub is None:
        return None
    m = DAY_DELIVERY.search(head) or DAY_FIRST_DELIVERY.search(head)
    if m:
        day = int(m.group(1))
        y, mo = pub[0], pub[1]
        if day > pub[2]:  # the byline is in the next month
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return y, mo, day, m.start()
    m = RELATIVE_DELIVERY.search(head)
    if m:
        d = date(*pub) - timedelta(days=1 if m.group(1) in YESTERDAY else 0)
        return d.year, d.month, d.day, m.start()
    return None


_FULL_DATE: Final = re.compile(rf"({YEAR})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
# a line that is a date (2024年3月28日, or the month alone under a bureau's name: 2028年9月) dates the document
_DATE_LINE: Final = LineScanner(rf"(?m)^[ \t]*(?:[（(][ \t]*)?({YEAR})\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?(?:[ \t]*[）)])?[ \t]*$")
_BARE_YEAR: Final = re.compile(rf"(?<![\d\-—–~～至])({YEAR})\s*年(?!\s*\d{{1,2}}\s*月)(?!\s*[-—–~～至到]\s*{YEAR})")
_DOC_NUMBER_YEAR: Final = re.compile(rf"[\u4e00-\u9fff]{{1,8}}\s*[〔\[【（(]\s*({YEAR})\s*[〕\]】）)]\s*\d+\s*号")
_PROPOSAL: Final = re.compile(r"建议")


def _bulletin_evidence(text: str) -> list[YearEvidence]:
    """A bulletin reports on the year before the bureau dates it (2024年3月28日 → 2023), and its
    first sentence names that year (2023年，全市…); a repost's page date is weak evidence."""
    ev: list[YearEvidence] = []
    head = text[:600]
    m = _DATE_LINE.search(head)
    if m:
        ev.append(YearEvidence(int(m.group(1)) - 1, "bureau_date", 10, m.start()))
    m = _BARE_YEAR.search(text[:500])
    if m:
        ev.append(YearEvidence(int(m.group(1)), "first_year", 6, m.start()))
    pub = published_date(text)
    if pub:
        ev.append(YearEvidence(pub[0] - 1, "published", 2))
    return ev


def _five_year_evidence(text: str, title: str | None) -> list[YearEvidence]:
    """A five-year outline or proposal is dated by its issue (a date, its number 〔2021〕, the
    congress that adopted it); the years in its title (2035, 二〇三五) are its horizon, not its year.
    Without a date, the period it opens: an outline is issued in its first year (十四五 → 2021),
    a proposal the year before."""
    ev: list[YearEvidence] = []
    head = text[:3000]
    for m in _DATE_LINE.finditer(head):
        ev.append(YearEvidence(int(m.group(1)), "issued", 10, m.start()))
    for m in _FULL_DATE.finditer(head[:1500]):
        ev.append(YearEvidence(int(m.group(1)), "date", 3, m.start()))
    m = _DOC_NUMBER_YEAR.search(head)
    if m:
        ev.append(YearEvidence(int(m.group(1)), "doc_number", 8, m.start()))
    for m in sessions(head):
        y = _congress_year(m)
        if y:
            ev.append(YearEvidence(y, "congress", 8, m.start()))
    period = five_year_period((title or "") + text[:1500])
    if period:
        proposal = bool(title and _PROPOSAL.search(title))
        ev.append(YearEvidence(period[0] - (1 if proposal else 0), "period", 3))
    pub = published_date(text)
    if pub:
        ev.append(YearEvidence(pub[0], "published", 2))
    return ev


# a sentence opening with the year it reports on (2022年，… / 2020—2022年，…)
_REPORTED_YEAR: Final = scanner(rf"(?:^|(?<=[。！？；\n]))[ \t\u3000]*(?:{YEAR}\s*[-—–~～至]\s*)?({YEAR})\s*年(?![以来底末])")


def _evaluation_evidence(text: str, title: str | None) -> list[YearEvidence]:
    """An outline's evaluation is dated by its issue (a date line, a date near its head, its
    number, the page's date) — never by the years of the outline its title names (二〇三五年),
    nor by the congress that adopted the outline — else by the latest year its sentences open
    with, up to the period's end (2022年，… in a mid-term evaluation: issued the year after)."""
    ev = [e for e in _five_year_evidence(text, title) if e.source not in ("period", "congress")]
    period = five_year_period(title or "")
    reported = [int(m.group(1)) for m in _REPORTED_YEAR.finditer(text)]
    reported = [y for y in reported if period is None or period[0] <= y <= period[1]]
    if reported:
        ev.append(YearEvidence(max(reported) + 1, "evaluated", 3))
    return ev


def year_evidence(text: str, title: str | None, doc_type: str) -> list[YearEvidence]:
    ev: list[YearEvidence] = []
    if doc_type == "five_year_plan":
        return _five_year_evidence(text, title)
    if doc_type == "plan_report" and evaluates_outline(title):
        return _evaluation_evidence(text, title)
    if title:
        found = [int(y) for y in YEAR_WORD.findall(title)]
        if found:
            ev.append(YearEvidence(found[0] if doc_type == "statistical_bulletin" else max(found), "title", 20))
    if doc_type == "statistical_bulletin":
        return ev + _bulletin_evidence(text)
    delivery = _delivery(text)
    pub = published_date(text)
    if delivery:
        y, mo, _d, at = delivery
        if y is None and pub:
            y = pub[0] - (1 if mo > pub[1] else 0)  # a byline dated before the month: the year before
        if y is not None:
            ev.append(YearEvidence(y + (1 if mo >= 10 else 0), "delivery", 12, at))  # December sessions plan the next year
    elif pub and (doc_type in ("work_report", "plan_notice", "plan_report")
                  or (doc_type == "other" and (THIS_YEAR.search(text, 0, 1500) or LAST_YEAR.search(text, 0, 1500)))):
        ev.append(YearEvidence(pub[0], "published", 2))  # (a news item speaking of 今年 or 去年: its page's year)
    for m in years_before(TARGET_YEAR, text, "主要", TARGET_YEAR_REACH):
        ev.append(YearEvidence(int(m.group(1)), "target_statement", 6, m.start()))
    for m in PLAN_HEADING.finditer(text):
        ev.append(YearEvidence(int(m.group(1)), "plan_heading", 5, m.start()))
    for m in REVIEW_HEADING.finditer(text):
        ev.append(YearEvidence(int(m.group(1)) + 1, "review_heading", 5, m.start()))
    for m in PLAN_NAMED.finditer(text[:3000]):
        ev.append(YearEvidence(int(m.group(1)), "plan_named", 3, m.start()))
    for m in years_before(YEAR_IS, text, "年是", 0):
        today = THIS_YEAR.search(text, m.end(), m.end() + 60)
        ev.append(YearEvidence(int(m.group(1)), "year_is", 4 if today else 1, m.start()))
    for m in sessions(text[:3000]):
        y = _congress_year(m)
        if y:
            ev.append(YearEvidence(y, "congress", 8, m.start()))
    return ev


def decide_plan_year(text: str, title: str | None, doc_type: str) -> tuple[int | None, list[YearEvidence]]:
    ev = year_evidence(text, title, doc_type)
    ev = [e for e in ev if 1949 < e.year < 2100]
    # (an outline's evaluation that dates itself nowhere: the years it mentions are the outline's, 2035 too)
    if not ev and doc_type not in ("statistical_bulletin",) and not (doc_type == "plan_report" and evaluates_outline(title)):
        ev = _mentions(text, doc_type)
    if not ev:
        return None, []
    weight: dict[int, int] = defaultdict(int)
    for e in ev:
        weight[e.year] += e.weight
    best = max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return best, ev


def _mentions(text: str, doc_type: str) -> list[YearEvidence]:
    """No statement of the year: the years a text speaks of, as weak evidence. A report reviews
    last year before setting this year's targets, so the year it speaks of most in its first part
    is the one before the plan year; a plan notice's is its own."""
    mentioned = [(int(m.group(1)), m.start()) for m in YEAR_MENTION.finditer(text)]
    if not mentioned:
        # "“十四五”主要目标": a text setting a period's targets is written as the period opens
        m = PERIOD_TARGETS.search(text[:3000])
        period = five_year_period(m.group()) if m else None
        return [YearEvidence(period[0], "period", 1)] if period else []
    if doc_type in ("work_report", "plan_report"):
        cut = max(2000, len(text) * 2 // 5)
        head = [(y, at) for y, at in mentioned if at < cut] or mentioned
        # a headline's year (潍坊2026年经济增长目标定为6%左右, a first line that is no title) is the year it
        # names, and the plan year is never later: the years after it are its review's
        first_line = len(text) - len(text.lstrip()) + max(0, text.lstrip().find("\n"))
        headline = CLAUSE_BREAK.search(text, 0, first_line) is None  # (no clause: no sentence of the review)
        named = [y for y, at in head if at < first_line] if headline else []
        if named:
            return [YearEvidence(y, "headline", 1, at) for y, at in head if at < first_line] + \
                [YearEvidence(y + 1, "mentions", 1, at) for y, at in head if at >= first_line and y < max(named)]
        return [YearEvidence(y + 1, "mentions", 1, at) for y, at in head]
    return [YearEvidence(y, "mentions", 1, at) for y, at in mentioned]


def delivered_on(text: str, plan_year: int | None) -> str | None:
    """The date a report was delivered to its congress (a work report's issue date)."""
    delivery = _delivery(text)
    if not delivery:
        return None
    y, mo, d, _at = delivery
    if y is None:
        if plan_year is None:
            return None
        y = plan_year - 1 if mo >= 10 else plan_year
    return _iso(y, mo, d)


# --- zones -----------------------------------------------------------------------------------

def title_mode(title: str, plan_year: int | None) -> str | None:
    years = [int(y) for y in YEAR_WORD.findall(title)]
    if plan_year and any(y >= plan_year for y in years):
        return "plan"
    if REVIEW_TITLE.search(title) or (plan_year and years):
        if MULTI_TITLE.search(title) and not (plan_year and plan_year - 1 in years):
            return "multi"
        return "review"
    if PLAN_TITLE.search(title):
        return "plan"
    return None


def _zones(text: str, doc_type: str, plan_year: int | None, sections: list[Section], limit: int,
           target_sentences: list[tuple[int, int]]) -> list[Zone]:
    if doc_type == "statistical_bulletin":
        return [Zone(0, limit, "review")]
    report = doc_type in ("work_report", "plan_report")
    heads = [s for s in sections if s.level == 1 and s.span.start < limit and not s.number.startswith("附件")]
    zones: list[Zone] = []
    mode, start, seen_plan = ("review" if report else "plan"), 0, False
    for s in heads:
        zones.append(Zone(start, s.span.start, mode))
        m = title_mode(s.title, plan_year)
        if m is None:
            m = "plan" if (seen_plan or not report) else mode
        seen_plan = seen_plan or m == "plan"
        mode, start = m, s.span.start
    zones.append(Zone(start, limit, mode))
    if report:
        # The year's targets, or a heading for the plan year printed without a number, end the
        # review: what follows speaks of the plan year (reports without numbered headings, news
        # excerpts of a work report).
        cuts = [a for a, _b in target_sentences] + [m.start() for m in PLAN_HEADING.finditer(text, 0, limit)
                                                    if not plan_year or int(m.group(1)) >= plan_year]
        cuts += [m.start() for m in THIS_YEAR_HEADING.finditer(text, 0, limit)]
        for a in sorted(cuts):
            z = next((z for z in zones if z.start <= a < z.end), None)
            head = next((h for h in reversed(heads) if h.span.start <= a), None)
            if z is None or z.mode != "review" or (head is not None and title_mode(head.title, plan_year) == "review"):
                continue
            out = []
            for zz in zones:
                if zz.end <= a:
                    out.append(zz)
                elif zz.start >= a:
                    out.append(Zone(zz.start, zz.end, "plan"))
                else:
                    out += [Zone(zz.start, a, zz.mode), Zone(a, zz.end, "plan")]
            zones = out
            break
    return [z for z in zones if z.end > z.start]


PROGRESS_TITLE: Final = re.compile(rf"(?:{_alt('documents.progress_titles')})$")
DRAFT_WORDS: Final = re.compile(_alt("documents.draft_words"))


def in_year_report(title: str | None, doc_type: str, plan_year: int | None = None) -> bool:
    """An execution report written during its year (…2023年1—9月…计划执行情况, no draft plan), or a
    statistics bureau's monthly report (2025年1—11月全市经济运行情况, 2025年11月统计月报) — not one the
    evidence dates after its title's year (关于2023年…计划执行情况的报告 delivered to the congress of
    January 2024, with 2024's targets: a review of 2023)."""
    if not (title and (doc_type == "plan_report" and PROGRESS_TITLE.search(title) and not DRAFT_WORDS.search(title)
                       or doc_type == "other" and monthly_report(title))):
        return False
    years = [int(y) for y in YEAR_WORD.findall(title)]
    return plan_year is None or not years or max(years) >= plan_year


# the month a monthly report's title names (2025年11月统计月报; a range, 1—11月, is period_in's)
TITLE_MONTH: Final = re.compile(r"(1[0-2]|[1-9])\s*月")


def report_period(title: str, doc_type: str) -> tuple[int, int] | None:
    """The part of its year an in-year report's title names. A monthly statistics report's figures are
    the year's so far: 1—11月's, or 2025年11月统计月报's January to November (its 本月, November alone)."""
    period = period_in(title)
    if doc_type != "other" or not monthly_report(title):
        return period
    if period is None:
        m = TITLE_MONTH.search(title)
        return (1, int(m.group(1))) if m else None
    return 1, period[1]


def _cut(zones: list[Zone], tables: tuple[tuple[int, int], ...]) -> list[Zone]:
    """Zones without the tables inside them (a table is read as a table, never as prose)."""
    out = []
    k = 0  # both lists are sorted: one pass
    for z in zones:
        pos = z.start
        while k < len(tables) and tables[k][1] <= pos:
            k += 1
        i = k
        while i < len(tables) and tables[i][0] < z.end:
            a, b = tables[i]
            if a > pos:
                out.append(Zone(pos, a, z.mode, z.horizon))
            pos = max(pos, b)
            i += 1
        if pos < z.end:
            out.append(Zone(pos, z.end, z.mode, z.horizon))
    return out


# a line that heads a five-year period's goals: “十四五”主要目标, “十四五”时期的主要目标任务, 今后五年的主要任务
FIVE_YEAR_HEAD: Final = LineScanner(rf"(?m)^[ \t]*(?:(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[篇章])[ \t]*)?"
                            rf"[^\n。，,]{{0,12}}?(?:{FIVE_YEAR_PERIOD.pattern}|{_alt('targets.next_five_years')})"
                            rf"[^\n。，,]{{0,16}}?(?:目标|任务)[^\n。，,]{{0,8}}$")


def five_year_horizon(title: str | None, text: str, plan_year: int | None) -> int | None:
    """The year a five-year document plans for: the end of the period it names (第十四个五年 →
    2025), else five years from its own."""
    period = five_year_period((title or "") + "\n" + text[:1500])
    if period:
        return period[1]
    return plan_year + 4 if plan_year else None


def _five_year_zones(text: str, zones: list[Zone], sections: list[Section], doc_type: str, title: str | None,
                     plan_year: int | None) -> list[Zone]:
    """Give each part that plans for a five-year period its horizon: every plan part of an outline
    (a part for 2035 its own year), and in a digest of goals the part a heading for the period's
    goals opens, up to the next heading of its rank."""
    if doc_type == "five_year_plan":
        horizon = five_year_horizon(title, text, plan_year)
        heads = [s for s in sections if s.level == 1]
        for z in zones:
            if z.mode != "plan":
                continue
            head = next((h for h in reversed(heads) if h.span.start <= z.start), None)
            years = [int(y) for y in YEAR_WORD.findall(head.title)] if head else []
            own = target_year_in(head.title) if head else None
            own = own or max((y for y in years if plan_year is None or y > plan_year), default=None)
            z.horizon = own if own and (plan_year is None or own >= plan_year) else horizon
        return zones
    if doc_type != "other":
        return zones  # a report's five-year paragraph is read through its statement of targets (…主要目标是：)
    out = list(zones)
    level1 = [s.span.start for s in sections if s.level == 1]
    for m in FIVE_YEAR_HEAD.finditer(text):
        period = five_year_period(m.group()) or ((plan_year, plan_year + 4) if plan_year else None)
        if period is None or (plan_year and period[1] < plan_year):
            continue
        end = next((a for a in level1 if a > m.start() + 1), len(text))
        cut = []
        for z in out:
            if z.end <= m.start() or z.start >= end:
                cut.append(z)
                continue
            if z.start < m.start():
                cut.append(Zone(z.start, m.start(), z.mode, z.horizon))
            cut.append(Zone(max(z.start, m.start()), min(z.end, end), "plan", period[1]))
            if z.end > end:
                cut.append(Zone(end, z.end, z.mode, z.horizon))
        out = cut
    return out


def build_scope(text: str, title: str | None, doc_type: str, sections: list[Section], limit: int,
                target_sentences: list[tuple[int, int]], tables: tuple[tuple[int, int], ...] = (),
                given_year: int = 0) -> Scope:
    """The document's time scope; ``given_year`` (0: none) is a plan year a reviewer set, which the
    lines are dated by as if the text had said it."""
    if given_year:
        plan_year: int | None = given_year
        evidence = [YearEvidence(given_year, "reviewer", 0)]
    else:
        plan_year, evidence = decide_plan_year(text, title, doc_type)
    in_year = in_year_report(title, doc_type, plan_year)
    scope = Scope(doc_type=doc_type, plan_year=plan_year, evidence=evidence, in_year=in_year,
                  period=report_period(title, doc_type) if in_year and title else None)
    if plan_year is None:
        scope.warnings.append("the plan year could not be established: lines are listed without a year, for review")
    if doc_type in ("work_report", "plan_report"):
        scope.delivered_on = delivered_on(text, plan_year)
    # (a monthly statistics report states results only, as a bulletin does: no plan part)
    zones = [Zone(0, limit, "review")] if in_year and doc_type == "other" else \
        _zones(text, doc_type, plan_year, sections, limit, target_sentences)
    scope.zones = _cut(_five_year_zones(text, zones, sections, doc_type, title, plan_year), tables)
    scope.horizon = five_year_horizon(title, text, plan_year) if doc_type == "five_year_plan" else None
    return scope

"""The target grammar: a target cell or phrase to kind, comparator, value(s), unit and modality.

Comparators follow the statutory reading: 以上/以下/以内/不低于/不高于/不超过 include the number
itself; 超过/高于/低于/不满/不足 exclude it. Kinds: ``numeric``; ``relative`` (与经济增长同步,
高于GDP增速); ``directional`` (稳步增长, 持续下降); ``assigned`` (完成省下达目标). A phrase that fits
none of them gets ``kind=None`` and is reported, never guessed.
"""
from __future__ import annotations

from typing import Final, Iterable, Iterator

import re
from dataclasses import dataclass, field
from decimal import Decimal

from zhibiao.extract.lexicon import LEX
from zhibiao.extract.numbers import BARE_MAGNITUDES, CN_CHARS, FRACTION_WORDS, NumberMatch, find_numbers, parse_chinese
from zhibiao.text.scan import scanner, word_trie

# Units: the lexicon's standalone and compound units, its base units, and any magnitude before a
# base unit (亿千瓦, 万千瓦时, 千公顷); matched longest first, so 万人次 wins over 万人 and 万.
_BASES: Final = LEX.words("units.base")
_MAGNITUDES: Final = LEX.words("units.magnitudes")
UNITS: Final = tuple(sorted(
    set(LEX.words("units.standalone", "units.compound")) | set(_BASES)
    | {m + b for m in _MAGNITUDES for b in _BASES if not (m.endswith("千") and b.startswith("千"))},
    key=len, reverse=True))
UNIT_WORDS: Final = frozenset(UNITS)  # (the same, to look a word up in)
UNIT_RE: Final = word_trie(UNITS)  # (the same matches as the units longest first, found ten times faster)
# (a word that opens with a unit's characters is no unit: 一方面, 两方面)
UNIT_AFTER: Final = scanner(rf"\s?(?!{LEX.alt('units.not_units')})(?:{UNIT_RE})")
MAGNITUDES: Final = frozenset(_MAGNITUDES)
COUNT_WORDS: Final = frozenset(LEX.words("units.count_words"))
COUNTERS: Final = frozenset(LEX.words("units.counters"))
NOT_A_FIGURE_BEFORE: Final = LEX.alt("units.reference_words")
POINTS_AFTER: Final = re.compile(rf"\s?(?:{LEX.alt('units.points')})")
TIME_AFTER: Final = re.compile(rf"\s?(?:{LEX.alt('units.time_after')})")

PREFIX_COMPARATORS: Final = [
    (re.compile(rf"(?:{LEX.alt('comparators.at_least_before', 'comparators.symbols_at_least')})$"), ">="),
    # 迈上5500亿元新台阶: a milestone is reached, the figure included
    (re.compile(rf"(?:{LEX.alt('comparators.milestone_verbs')})$"), "milestone"),
    (re.compile(rf"(?:{LEX.alt('comparators.at_most_before', 'comparators.symbols_at_most')})$"), "<="),
    (re.compile(rf"(?:{LEX.alt('comparators.above_before', 'comparators.symbols_above')})$"), ">"),
    (re.compile(rf"(?:{LEX.alt('comparators.below_before', 'comparators.symbols_below')})$"), "<"),
    (re.compile(rf"(?:{LEX.alt('comparators.about_before', 'comparators.symbols_about')})$"), "~"),
]
SUFFIX_COMPARATORS: Final = [
    (re.compile(rf"^(?:{LEX.alt('comparators.at_least_after')})"), ">="),
    (re.compile(rf"^(?:{LEX.alt('comparators.at_most_after')})"), "<="),
    (re.compile(rf"^(?:{LEX.alt('comparators.about_after')})"), "~"),
]
RANGE_SEP: Final = re.compile(rf"\s?(?:{LEX.alt('comparators.range_separators')})\s?")
# 6%和7%之间: a joiner that makes a range only with the tail after the second figure
BETWEEN_SEP: Final = re.compile(rf"\s?(?:{LEX.alt('comparators.between_joiners')})\s?")
BETWEEN_TAIL: Final = re.compile(rf"\s?(?:{LEX.alt('comparators.between_tails')})")
# 6%以上、7%以下: a figure's lower bound and a joiner before the higher figure whose upper bound follows
LOWER_BOUND_THEN: Final = re.compile(
    rf"\s?(?:{LEX.alt('comparators.at_least_after')})\s?(?:{LEX.alt('comparators.bound_joiners')})\s?")
UPPER_BOUND: Final = re.compile(rf"\s?(?:{LEX.alt('comparators.at_most_after')})")


def bounds_one_range(text: str, end: int, high_start: int, high_end: int) -> bool:
    """Do the words between a figure (its unit ending at ``end``) and a higher one (from ``high_start``,
    its unit ending at ``high_end``) make the two one range by naming its two ends: 6%和7%之间 (a
    joiner, the tail after the second), 6%以上、7%以下 (a lower bound, a joiner, an upper bound)?"""
    sep = BETWEEN_SEP.match(text, end) or LOWER_BOUND_THEN.match(text, end)
    if sep is None or sep.end() != high_start:
        return False
    tail = BETWEEN_TAIL if sep.re is BETWEEN_SEP else UPPER_BOUND
    return tail.match(text, high_end) is not None
# (年, or the first year of a range: 2020—2022年)
YEAR_AFTER: Final = re.compile(r"\s?年|\s?[-—–~～至]\s?(?:19|20)\d\d\s?年")
FROM_TO: Final = re.compile(rf"(?:由|从)[^，,。；;]{{0,20}}?\d[^，,。；;]{{0,12}}?(?:{LEX.alt('measures.to_verbs')})(?:到|至)")
# the words after a figure that bound it (6%以上, 5.5%以内, 7%左右), and each kind of them
BOUND_AFTER: Final = LEX.alt("comparators.at_least_after", "comparators.at_most_after", "comparators.about_after")
AT_LEAST_AFTER: Final = LEX.words("comparators.at_least_after")
AT_MOST_AFTER: Final = LEX.words("comparators.at_most_after")
ABOUT_AFTER: Final = LEX.words("comparators.about_after")
# what may follow a bare magnitude's unit (突破千亿元大关, 超百亿元以上, 近千万人次左右): anything else of Chinese is
# a word it qualifies
BARE_MAGNITUDE_TAIL: Final = re.compile(rf"(?:{LEX.alt('comparators.at_least_after', 'comparators.at_most_after', 'comparators.about_after', 'comparators.more_after', 'comparators.milestone_nouns')})")
HAN_CHAR: Final = re.compile(r"[\u4e00-\u9fff]")
MILESTONE_NOUN: Final = re.compile(rf"^(?:{UNIT_RE})?(?:以上)?(?:的)?新?(?:{LEX.alt('comparators.milestone_nouns')})")

_BODIES: Final = LEX.alt("kinds.assigning_bodies")
_ASSIGN_VERBS: Final = LEX.alt("kinds.assigning_verbs")
_ASSIGN_OBJECTS: Final = LEX.alt("kinds.assigned_objects")
ASSIGNED: Final = scanner(
    rf"(?:{_BODIES})[^，,。；;]{{0,5}}(?:{_ASSIGN_VERBS})[^，,。；;]{{0,2}}(?:{_ASSIGN_OBJECTS})"
    rf"|(?:{_ASSIGN_VERBS})(?:的)?(?:{_ASSIGN_OBJECTS})|(?:{_BODIES})(?:{_ASSIGN_VERBS})为准"
    rf"|完成[^，,。；;]{{0,8}}?(?:{_ASSIGN_VERBS})的|{LEX.alt('kinds.assigned_phrases')}"
)
RELATIVE: Final = scanner(
    rf"(?:{LEX.alt('kinds.relative_links')})(?P<ref1>[^，,。；;]{{1,14}}?)(?:{LEX.alt('kinds.relative_adverbs')})*(?:{LEX.alt('kinds.relative_verbs')})"
    rf"|(?:{LEX.alt('kinds.relative_negations')})?(?:{LEX.alt('kinds.relative_comparisons')})(?P<ref2>[^，,。；;]{{1,14}}?(?:{LEX.alt('kinds.relative_tails')}"
    rf"|(?:{LEX.alt('kinds.relative_final_tails')})(?=[，,。；;]|$)))"
    rf"|(?:{LEX.alt('kinds.relative_reaching')})(?P<ref3>[^，,。；;]{{0,14}}?(?:{LEX.alt('kinds.relative_reaching_tails')}))"
    rf"|(?:(?:{LEX.alt('kinds.multiple_bases')})(?P<ref4>\d{{4}}年)(?:相比)?)?(?:{LEX.alt('kinds.multiples')})"
)
REFERENCE_GROUPS: Final = ("ref1", "ref2", "ref3", "ref4")


def reference_of(rel: re.Match) -> str | None:
    """The reference a RELATIVE match names (与|经济增长|同步, 达到|全国平均水平, 较|2020年|翻一番)."""
    return next((rel.group(g).strip() for g in REFERENCE_GROUPS if rel.group(g) and rel.group(g).strip()), None)
_DIRECTIONS: Final = LEX.alt("kinds.direction_up", "kinds.direction_down", "kinds.direction_steady")
DIRECTIONAL: Final = re.compile(rf"{_DIRECTIONS}|{LEX.alt('kinds.directional_phrases')}")
_MORPHEMES: Final = "".join(LEX.words("kinds.direction_morphemes"))
_PREFIXES: Final = "".join(LEX.words("kinds.compound_prefixes"))
# 稳中有升 = 稳中 + 有升, 量稳质升 = 量稳 + 质升: two halves, the second a prefix and a morpheme
DIRECTION_COMPOUND: Final = scanner(rf"(?:[{_PREFIXES}][{_MORPHEMES}]|[{_MORPHEMES}]中)[{_PREFIXES}][{_MORPHEMES}]")
# a direction with its size in words (保持两位数（以上）增长, 增长两位数, a cell's bare 两位数): a
# directional target, which the tracker holds to the least growth the word means
SIZED_DIRECTION: Final = (
    rf"(?:{LEX.alt('kinds.manner_leads')})?(?:{LEX.alt('kinds.direction_sizes')})(?:{LEX.alt('comparators.at_least_after')})?"
    rf"(?:{LEX.alt('kinds.direction_up')})?|(?:{LEX.alt('kinds.direction_up')})(?:{LEX.alt('kinds.direction_sizes')})"
)
MODALITY: Final = re.compile(LEX.alt("kinds.modality"))
# a verb of decline ending the words before a figure, with the qualifiers before it (下降, 同比减少,
# 负增长): the figure is the size of a fall, its growth the negative — one test, for a clause of prose
# (clauses.py) and a table's result cell (columns.py: 下降15.2 under 比上年增长（%） is −15.2)
DECLINE_VERB: Final = scanner(rf"(?:(?<!人)(?:{word_trie(LEX.words('measures.decline_qualifiers'))}))*"
                              rf"(?:{word_trie(LEX.words('measures.decline_verbs'))})(?:了)?(?:分别)?$")
# the characters its matches end with (a test of a text's last character before the search)
DECLINE_VERB_ENDS: Final = frozenset(w[-1] for w in (*LEX.words("measures.decline_verbs"), "了", "分别"))


def declines(words: str) -> bool:
    """Do ``words`` (those before a figure) end with a verb of decline?"""
    end = words[-1:]
    return (end in DECLINE_VERB_ENDS or end == "\n") and DECLINE_VERB.search(words) is not None
GROWTH_WORD: Final = scanner(
    rf"(?:{LEX.alt('measures.growth_qualifiers')})?(?:{LEX.alt('measures.growth_verbs', 'measures.decline_verbs', 'measures.growth_names')})")


@dataclass
class ParsedTarget:
    kind: str | None
    comparator: str | None = None
    value: Decimal | None = None
    value_high: Decimal | None = None
    unit: str | None = None
    modality: str | None = None
    reference: str | None = None
    number_span: tuple[int, int] | None = None  # offsets of the value (through value_high) in the text
    notes: list[str] = field(default_factory=list)

    # (written out: compiled, a dataclass's generated __init__ runs as plain Python, called with a dict
    # of its arguments; this one is compiled and called directly — __eq__ and __repr__ stay generated)
    def __init__(self, kind: str | None, comparator: str | None = None, value: Decimal | None = None,
                 value_high: Decimal | None = None, unit: str | None = None, modality: str | None = None,
                 reference: str | None = None, number_span: tuple[int, int] | None = None,
                 notes: list[str] | None = None):
        self.kind, self.comparator, self.value, self.value_high = kind, comparator, value, value_high
        self.unit, self.modality, self.reference, self.number_span = unit, modality, reference, number_span
        self.notes = [] if notes is None else notes


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    m = UNIT_AFTER.match(text, end)
    if not m:
        return None, end
    return m.group().strip(), m.end()


# (and a month's day, 2月8日: a date line under a body's name read as a list's item holds no figure of 2 or 8)
DATE_OR_TIME: Final = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|(?<!\d)\d{1,2}\s?月\s?\d{1,2}\s?日")
# a cheap test before looking for dates and times: what each holds (two separators around a
# number, a colon before two digits, a day of a month) — not a decimal point alone, as 7.8 has
MAY_HOLD_STAMP: Final = scanner(r"[-/.]\d{1,2}[-/.]\d|:\d\d|月\s?\d{1,2}\s?日")


def _may_hold_stamp(text: str) -> bool:
    """``MAY_HOLD_STAMP.search(text)``, asked only where what its matches hold is: a colon, or two of
    its separators (a text with one decimal point or none, and no colon — most — holds no date)."""
    return (":" in text or text.count(".") + text.count("-") + text.count("/") >= 2 or "日" in text) and \
        MAY_HOLD_STAMP.search(text) is not None
LATIN: Final = re.compile(r"[A-Za-z]")
NUMBERED_THING_AFTER: Final = scanner(r"\s?号|\s?[〕\]】]\s?\d{1,4}\s?号")
REFERENCE_BEFORE: Final = re.compile(rf"(?:{NOT_A_FIGURE_BEFORE})\s?$")
# what the character before a number is when REFERENCE_BEFORE matches there: a word's last, or a space
REFERENCE_LAST: Final = frozenset(w[-1] for w in LEX.words("units.reference_words"))
ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # (LATIN's characters)
# What can follow a number that is no value, in one match at its end: 年 (a year: 较2023年), a Latin
# letter (5G), a time word (21世纪), a document's number (〔2021〕5号). Only 年 and a time word
# opening with it (年代) can both match there: a year's match is tested for the time word too.
NOT_A_VALUE_AFTER: Final = scanner(rf"(?P<year>{YEAR_AFTER.pattern})|[A-Za-z]|{TIME_AFTER.pattern}|{NUMBERED_THING_AFTER.pattern}")
# the first month of a period of months compared with (增速比1—10月回落0.2个百分点: 比1—10月 is a time, its 1 no
# figure); a period elsewhere (今年1—8月，…) keeps its number, where the actuals read the period a sentence opens with
MONTHS_AFTER: Final = re.compile(r"\s?[-—–~～至到]\s?(?:1[0-2]|[1-9])\s?月")
MONTHS_FIRST: Final = frozenset("-—–~～至到")  # (what a match of MONTHS_AFTER opens with, past a space)
COMPARED_BEFORE: Final = frozenset(LEX.words("time.compared_year_before"))  # (single characters: 比, 较, 与 …)
# the characters its match opens with, past a space (a set test is cheaper than the match at each number)
NOT_A_VALUE_FIRST: Final = frozenset("年号〕]】-—–~～至") | ASCII_LETTERS | {w[0] for w in LEX.words("units.time_after")}


# What every candidate needs somewhere in its text: a digit, a fraction's words (百分之, 千分之), or a Chinese numeral followed by
# a unit (its last character before the unit's first; the unit may open with a space) — a cheap scan
# that lets a text with none of them (（一）…, 进一步…: most sentences of a document) skip reading its numbers
UNIT_FIRST_CHARS: Final = "".join(sorted({u[0] for u in UNITS}))
UNIT_FIRST: Final = frozenset(UNIT_FIRST_CHARS)  # (what UNIT_AFTER's match opens with, past a space)
# (or tenths: 两成, a fraction in words after its numeral)
MAY_HOLD_CANDIDATE: Final = scanner(rf"\d|{FRACTION_WORDS}|[{CN_CHARS}](?=[\s{re.escape(UNIT_FIRST_CHARS)}]|{LEX.alt('units.tenth_words')})")


# a figure with a bound and a word after it qualifies the word (3岁以下婴幼儿托位数, 10亿元以上产业项目):
# a name's part, not a value — tried where the unit is followed by a bound's first character
QUALIFIER_AFTER: Final = re.compile(rf"(?:{LEX.alt('comparators.qualifying_bounds')})[\u4e00-\u9fff“]")
QUALIFIER_FIRSTS: Final = tuple(sorted({w[0] for w in LEX.words("comparators.qualifying_bounds")}))  # (looked for one by one)
RATE_UNITS: Final = frozenset(("%", "‰"))  # (a rate with a bound is a target's: 增长6%以上)
QUALIFIER_REACH: Final = max(map(len, UNITS)) + 2  # a space, the longest unit, a bound's first character


def _qualifies_a_name(text: str, n: NumberMatch) -> bool:
    """Is ``n`` (a number of ``text``) a qualifier inside a name: its unit (not a rate's), a bound
    and a word after them (3岁以下婴幼儿, 1000万元及以上项目)? The bound is looked for first, and the
    unit read only where one follows the number with a word after it (a few numbers in a hundred)."""
    reach = n.end + QUALIFIER_REACH
    at = -1
    for first in QUALIFIER_FIRSTS:
        found = text.find(first, n.end, reach)
        if found >= 0 and (at < 0 or found < at):
            at = found
    if at < 0 or QUALIFIER_AFTER.match(text, at) is None:
        return False
    unit = UNIT_AFTER.match(text, n.end)
    return unit is not None and unit.end() == at and unit.group().strip() not in RATE_UNITS


def _candidates(text: str) -> list[NumberMatch]:
    """Numbers that can be a target's value: not years (较2023年, 以2020年为基期), not part of a name
    such as PM2.5 or GDP, not Chinese numerals without a unit or a fraction's words (百分之, 千分之), not dates or times."""
    return list(iter_candidates(text))


def iter_candidates(text: str, numbers: Iterable[NumberMatch] | None = None) -> Iterator[NumberMatch]:
    """The numbers of :func:`_candidates`, in order, one at a time (the first alone is often
    enough); ``numbers``: the text's numbers (``find_numbers(text)``, or read lazily)."""
    if not MAY_HOLD_CANDIDATE.search(text):
        return iter(())
    return candidates_among(text, numbers)


def candidates_among(text: str, numbers: Iterable[NumberMatch] | None = None) -> Iterator[NumberMatch]:
    """:func:`iter_candidates` for a text already known to pass ``MAY_HOLD_CANDIDATE`` (the clause
    analysis tests it first: the test is not made twice)."""
    stamps: list[tuple[int, int]] | None = None
    quoted = "“" in text
    for n in find_numbers(text) if numbers is None else numbers:
        if n.chinese and not n.fraction and n.end - n.start > 1 and text[n.end - 1] in "万亿" and UNIT_AFTER.match(text, n.end - 1):
            # 一千二百万人: the 万 belongs to the unit 万人 (a fraction's is its numeral's: 百分之一万 is 10000%)
            n = NumberMatch(parse_chinese(text[n.start:n.end - 1]), n.start, n.end - 1, n.fraction, True)
        # (every test below only leaves a number out, so their order does not matter: the cheapest first;
        # the dates and times last — a Chinese numeral, as above, never starts inside one: digits only)
        following = text[n.end:n.end + 1]
        if n.chinese and not n.fraction and not (following in UNIT_FIRST or following.isspace()):
            continue  # (UNIT_AFTER below cannot match here: 进一步, 一是 — most Chinese numerals — are read no further)
        after = NOT_A_VALUE_AFTER.match(text, n.end) if following in NOT_A_VALUE_FIRST or following.isspace() else None
        if after is not None and (after.lastgroup != "year" or n.chinese or 1900 <= n.value <= 2100
                                  or TIME_AFTER.match(text, n.end)):
            continue  # 较2023年: a year; 5G, 4K, 3D: part of a name; 21世纪: a time; 宜府发〔2021〕5号: a document's number
        if n.start > 0 and text[n.start - 1] in ASCII_LETTERS:
            continue  # PM2.5, SO2
        if (following in MONTHS_FIRST or following.isspace()) and n.start > 0 and text[n.start - 1] in COMPARED_BEFORE \
                and MONTHS_AFTER.match(text, n.end):
            continue  # 增速比1—10月回落0.2个百分点: a period compared with
        if quoted and text.count("“", 0, n.start) > text.count("”", 0, n.start):
            continue  # inside quotation marks: a name (“三类500强”, “5+1”)
        if n.start and (text[n.start - 1] in REFERENCE_LAST or text[n.start - 1].isspace()) and \
                REFERENCE_BEFORE.search(text[max(0, n.start - 3):n.start]):
            continue  # 见表1, 图2: a table's number, a figure's
        if not n.fraction and following not in RATE_UNITS and _qualifies_a_name(text, n):
            continue  # 3岁以下婴幼儿托位数, 10亿元以上产业项目: a qualifier inside a name
        if n.chinese and not n.fraction:
            unit = UNIT_AFTER.match(text, n.end)
            # 三个“一号工程”, 两个一百年: a Chinese numeral counting things is wording, not a value
            if not unit or unit.group().strip() in COUNT_WORDS:
                continue
            if n.end - n.start == 1 and text[n.start] in BARE_MAGNITUDES and unit.group().strip() in MAGNITUDES:
                continue  # 超千亿城市: a magnitude alone with no unit of its own is a word
            if n.end - n.start == 1 and text[n.start] in BARE_MAGNITUDES and HAN_CHAR.match(text, unit.end()) \
                    and not BARE_MAGNITUDE_TAIL.match(text, unit.end()):
                continue  # 超千亿城市, 超百亿元企业: a bare magnitude with a word after it qualifies the word
        if stamps is None:  # (read at the first number left: a text whose numbers are all left out needs none)
            stamps = [(m.start(), m.end()) for m in DATE_OR_TIME.finditer(text)] if _may_hold_stamp(text) else []
        if stamps and any(a <= n.start < b for a, b in stamps):
            continue  # 2026-02-12 16:30: a page's date and time; 2月8日: a day
        yield n


# 迈上万亿元台阶: a magnitude alone after a milestone's verb, before 亿 and the milestone's noun (units.milestone_magnitudes)
MILESTONE_MAGNITUDE: Final = re.compile(
    rf"(?:{LEX.alt('comparators.milestone_verbs')})(?P<m>{LEX.alt('units.milestone_magnitudes')})(?=亿)")

MAGNITUDE_CLASS: Final = re.compile(LEX.alt("units.magnitude_classes"))


def milestone_figures(text: str) -> list[NumberMatch]:
    """A target's milestone of a magnitude alone (工业总产值迈上万亿元台阶, 突破万亿大关, 地区生产总值突破万亿元):
    one of its unit, 万亿元, a number of no width before the unit (the text prints no digit). Read in targets
    only: a review's 突破万亿大关 is praise, no result (clauses.py never asks)."""
    out = []
    for m in MILESTONE_MAGNITUDE.finditer(text):
        k = m.start("m")
        unit = UNIT_AFTER.match(text, k)
        if unit is not None and not MAGNITUDE_CLASS.match(text, unit.end()):
            out.append(NumberMatch(Decimal(1), k, k, "", True))
    return out


def _prefix_comparator(before: str, after: str) -> str | None:
    """The bound a word ending ``before`` sets on the figure after it (``after``: the words after the figure)."""
    for pattern, comp in PREFIX_COMPARATORS:
        if pattern.search(before):
            if comp == "milestone":
                # 迈上…台阶 / 突破…大关 is reached (>=); a bare 突破 exceeds (>)
                return ">=" if MILESTONE_NOUN.match(after) or not before.endswith("突破") else ">"
            return comp
    return None


def comparator_before(text: str) -> str | None:
    """The bound a word ending ``text`` sets on the figure after it (不低于 >=, 不高于 <=, 约 ~), if any."""
    return _prefix_comparator(text[-8:].rstrip(), "")


def _comparator(text: str, start: int, end: int) -> str:
    after = text[end:].lstrip()
    for pattern, comp in SUFFIX_COMPARATORS:
        if pattern.match(after):
            return comp
    # "控制在3%左右" was handled by the suffix; a bare 控制在 is a ceiling.
    return _prefix_comparator(text[max(0, start - 8):start].rstrip(), after) or "="


def parse_target(text: str, column_unit: str | None = None) -> ParsedTarget:
    """Parse one target cell or phrase."""
    t = text.strip()
    modality_m = MODALITY.search(t)
    modality = modality_m.group() if modality_m and modality_m.group() not in ("确定", "计划") else None
    if not t:
        return ParsedTarget(None, notes=["empty target"])
    cands = _candidates(t) or milestone_figures(t)
    if not cands:
        if ASSIGNED.search(t):
            return ParsedTarget("assigned", modality=modality)
        rel = RELATIVE.search(t)
        if rel:
            return ParsedTarget("relative", modality=modality, reference=reference_of(rel))
        if DIRECTIONAL.search(t) or DIRECTION_COMPOUND.search(t):
            return ParsedTarget("directional", modality=modality)
        return ParsedTarget(None, modality=modality, notes=[f"no value or known wording in {t!r}"])

    def unit_end_of(n: NumberMatch) -> int:
        return n.end

    # A percentage is what a rate/growth target means; prefer it over counts in the same phrase
    # ("128个考核断面…占比100%" is 100%, "增长10%，占全国份额保持14.3‰" is 10%).
    def unit_of(n: NumberMatch) -> str | None:
        return n.fraction or _unit_after(t, n.end)[0]

    def unit_end(n: NumberMatch) -> int:
        return n.end if n.fraction else _unit_after(t, n.end)[1]

    def range_after(n: NumberMatch) -> NumberMatch | None:
        end = unit_end(n)
        sep = RANGE_SEP.match(t, end)
        if sep is not None:  # 6%—7%, 5—6%
            nxt = next((c for c in cands if c.start == sep.end()), None)
            return nxt if nxt is not None and nxt.value > n.value else None
        # 6%和7%之间, 6%以上、7%以下: the second figure in the first's unit (or the first printed without one)
        nxt = next((c for c in cands if c.start > end), None)
        if nxt is None or nxt.value <= n.value or unit_of(n) not in (None, unit_of(nxt)):
            return None
        return nxt if bounds_one_range(t, end, nxt.start, unit_end(nxt)) else None

    # "高于全国平均水平0.5个百分点以上": a gap in points against another indicator is a relative target
    rel = RELATIVE.search(t)
    if rel and rel.start() <= 2 and all(POINTS_AFTER.match(t, unit_end_of(c)) for c in cands):
        return ParsedTarget("relative", modality=modality, reference=reference_of(rel))
    # "由2.1%提高到2.2%": the value reached is the target
    reached = FROM_TO.search(t)
    if reached:
        cands = [c for c in cands if c.start >= reached.end()] or cands
    pairs = [(n, range_after(n)) for n in cands]
    ranged = [(n, hi) for n, hi in pairs if hi is not None]
    pick = next((n for n in cands if unit_of(n) == "%"), None)
    if pick is None or (column_unit and column_unit != "%" and unit_of(cands[0]) == column_unit):
        pick = cands[0]
    high = None
    if ranged and (ranged[0][0].start <= pick.start <= ranged[0][1].start):
        pick, high = ranged[0]
    unit = unit_of(pick) or (unit_of(high) if high else None)
    if high is not None:
        comparator, value_high, span_end = "range", high.value, high.end
    else:
        pick_end = pick.end if pick.fraction else _unit_after(t, pick.end)[1]
        comparator, value_high, span_end = _comparator(t, pick.start, pick_end), None, pick.end
    return ParsedTarget(
        "numeric", comparator=comparator, value=pick.value, value_high=value_high,
        unit=unit or column_unit, modality=modality, number_span=(pick.start, span_end),
    )


def is_growth_phrase(text: str) -> bool:
    return bool(GROWTH_WORD.search(text))

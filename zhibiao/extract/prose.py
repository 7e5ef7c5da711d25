"""Targets stated in prose: a work report's "主要预期目标是：…", the same list in plan reports and
notices, and lists opened without a colon — by a heading that names the year's targets
(二、预期目标 / 2026年经济社会发展主要目标) or by a dash (主要预期目标——…). One target per indicator:
shared subjects are split ("一般公共预算收入、城乡居民人均可支配收入增长与经济增长基本同步" gives two),
values taken in order are paired with their names (城乡居民收入分别增长5%和6%), a predicate shared
with 均 reaches every name listed before it, and sub-heads (预期性指标, 关于经济发展类目标) become the
category of the items below them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from zhibiao.extract.clauses import ELSEWHERE, INTENT_LEAD, ITEM_NUMBERING, NEW_OR_COUNT_LEAD, REGION_SUFFIX_END, REGION_WORDS, TO_VERB, OtherRegions, QuotedRegion, TWO_LETTERS, VERB_ONLY, name_alone, without_bare_total
from zhibiao.extract.coordination import BARE_MEASURES, share_head, split_names, split_subjects
from zhibiao.extract.grammar import (ASSIGNED, BOUND_AFTER, comparator_before, DIRECTION_COMPOUND, FROM_TO, MODALITY, RELATIVE, SIZED_DIRECTION, UNIT_RE, ParsedTarget, _candidates,
                                     iter_candidates, milestone_figures, parse_target)
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.metadata import body_or_date_line
from zhibiao.extract.scope import THIS_YEAR, Scope, target_year_in
from zhibiao.extract.segments import CLOSE, OPEN, OWN_CLAUSE_BRACKET, matches_at, positions
from zhibiao.extract.tables import VOCAB, is_name_like
from zhibiao.text.scan import LineScanner, alternation, first_character_set, scanner

_INTRO: Final = LEX.alt("targets.introductions")
SUBHEAD_COUNT: Final = r"(?:[（(]\d+[个项][）)])?"  # 预期性指标（3项）: how many items a head has
TRIGGER: Final = scanner(
    rf"(?:{LEX.alt('targets.head_qualifiers')})?(?:{LEX.alt('targets.heads')})(?:{LEX.alt('targets.head_tails')})?{SUBHEAD_COUNT}(?:{_INTRO})?[:：]"
    rf"|主要预期目标(?:是|为)?[:：]?"
    rf"|(?:经济社会发展|发展)的?主要(?:预期)?目标(?:是|为)[:：]?"
    rf"|(?:{LEX.alt('plans.set_by')})主要(?:预期)?目标(?:是|为)[:：]?"  # 年初确定的主要目标是…: a plan quoted in a review
    rf"|(?:型|类)?(?:{LEX.alt('targets.aspect_heads')})[,，:：]"
    rf"|(?:{LEX.alt('targets.dash_heads')})(?:是|为)?\s*(?:——|—)"
    rf"|(?:{LEX.alt('targets.heads')})(?:{LEX.alt('targets.comma_introductions')})[,，]"
)
# Every match of TRIGGER holds one of these words, its first starting within TRIGGER_REACH characters of
# the match's start (the longest words that can stand before it: 经济社会发展的主要预期目标, a qualifier
# before a head, 型 before an aspect's head); -1 when a word of the lexicon breaks that (then
# TRIGGER scans the text as it is).
_TRIGGER_WORDS: Final = ("目标", "指标")


def _word_at(words: tuple[str, ...]) -> int | None:
    """The furthest a trigger word can start into any of ``words``, or None when one holds none."""
    at = 0
    for w in words:
        ks = [k for k in (w.find(t) for t in _TRIGGER_WORDS) if k >= 0]
        if not ks:
            return None
        at = max(at, min(ks))
    return at


def _longest(path: str) -> int:
    return max((len(w) for w in LEX.words(path)), default=0)


def _trigger_reach() -> int:
    heads, aspects, dashes = _word_at(LEX.words("targets.heads")), _word_at(LEX.words("targets.aspect_heads")), \
        _word_at(LEX.words("targets.dash_heads"))
    if heads is None or aspects is None or dashes is None:
        return -1
    return max(_longest("targets.head_qualifiers") + heads, len("主要预期"), len("经济社会发展的主要预期"),
               _longest("plans.set_by") + len("主要预期"), len("型") + aspects, dashes)


TRIGGER_REACH: Final = _trigger_reach()


def triggers(text: str, limit: int) -> Iterator[re.Match]:
    """``TRIGGER.finditer(text, 0, limit)``, TRIGGER tried only within its reach before the words every
    match holds (found by str.find), instead of at every character of the text that can open it."""
    if TRIGGER_REACH < 0:
        return TRIGGER.finditer(text, 0, limit)
    starts: list[int] = []
    after = 0  # (the reach of a word overlaps the one before's: each place is taken once)
    for k in positions(text, 0, limit, _TRIGGER_WORDS):
        starts.extend(range(max(after, k - TRIGGER_REACH), k + 1))
        after = k + 1
    return matches_at(TRIGGER, text, starts, limit)


_NUMBERING: Final = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d))"
# an item's number or ordinal word before its words (1. / （一） / 一是)
_ITEM_ORDINAL: Final = rf"(?:{_NUMBERING}|[一二三四五六七八九十]+是)"
# 二、预期目标 / 2026年经济社会发展主要目标 / 今年主要预期目标: a heading line naming the targets — or a
# line ending with those words after a sentence (…收官之年。今年全县主要预期目标 / 1.地区生产总值增长7%左右):
# the words open the list on the next lines as on a line of their own (SENTENCE_BEFORE_HEAD)
SENTENCE_BEFORE_HEAD: Final = r"(?:[^\n]*[。！？])?"
# (a sub-head alone on its line, （一）预期性指标 / 约束性指标（2项）, heads the items below it as a heading does)
HEAD_LINE: Final = LineScanner(rf"(?m)^{SENTENCE_BEFORE_HEAD}[ \t]*{_NUMBERING}?[ \t]*(?P<words>[^\n。；;：:]{{0,30}}?(?:{LEX.alt('targets.heading_heads')})"
                               rf"|(?:{LEX.alt('targets.subheads')}){SUBHEAD_COUNT}[：:]?)"
                       rf"(?:和[^\n。；;]{{0,16}})?(?:{_INTRO})?[ \t]*$", holding=LEX.alt("targets.heading_heads", "targets.subheads"))
_HEADING_HEADS: Final = LEX.words("targets.heading_heads", "targets.subheads")
# A target stated in passing: "2023年，江苏目标经济增长5%左右", "今年全省地区生产总值预期增长6.5%".
INLINE: Final = scanner(rf"(?P<time>{LEX.alt('targets.inline_times')}|\d{{4}}年)[^。；;\n]{{0,20}}?(?P<marker>{LEX.alt('targets.inline_markers')})"
                    rf"(?!是|为(?!\d)|[:：])"
                    rf"(?=[^。；;，,\n]{{0,12}}?(?:\d|{LEX.alt('targets.predicate_verbs', 'kinds.directional_phrases')}))"
                    rf"|(?:{LEX.alt('targets.proposals')})(?:{LEX.alt('targets.inline_times')}|\d{{4}}年)"
                    rf"|(?:{LEX.alt('targets.quoting_verbs')})[，,]?(?:{LEX.alt('targets.inline_times')}|(?P<quoted>\d{{4}})年)")
# right after an inline marker: the figure set, so the name is the words before the marker
# ("今年全市地区生产总值预期增长6%左右", "今年GDP增长目标定为6.5%"), not after it ("今年全市预期地区生产总值增长…")
SET_AFTER_MARKER: Final = re.compile(rf"(?:{LEX.alt('targets.inline_markers')})*(?:{LEX.alt('targets.set_as')})?"
                                     rf"(?:\d|{LEX.alt('targets.predicate_verbs', 'kinds.directional_phrases')})")
_INLINE_TIMES: Final = LEX.words("targets.inline_times")
_INLINE_MARKERS: Final = LEX.words("targets.inline_markers")
_PROPOSALS: Final = LEX.words("targets.proposals")
_QUOTING: Final = LEX.words("targets.quoting_verbs")
REGION_WORDS_TUPLE: Final = tuple(REGION_WORDS)  # (全市提出…: the document's own words, no other region)
INLINE_REACH: Final = 20  # the most characters INLINE allows between its time and its marker
# a sentence opening with a later year or period: 到2025年， / 今后五年， / “十四五”时期，
FUTURE_OPENING: Final = scanner(rf"(?:^|(?<=[。\n]))[ \t\u3000]*(?:(?P<next>{LEX.alt('targets.next_five_years')})|(?:{LEX.alt('targets.later_year_leads')})\d{{4}}年|“?十[一二三四五六]五”?(?:时期|期间))[，,]")
# the characters a match of it can open with (spaces, 到, 今, “, 十…; None: unknown, any)
FUTURE_FIRST: Final = first_character_set(FUTURE_OPENING.pattern)
LEAD_END: Final = re.compile(rf"(?:{LEX.alt('targets.lead_endings')})[:：]?$")
_BULLETS: Final = LEX.alt("targets.bullets")
LIST_ITEM: Final = re.compile(rf"^\s*(?:{_BULLETS}|\d{{1,2}}[.、．]|[（(]\d{{1,2}}[）)]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]是)")
HEADING: Final = re.compile(rf"^[ \t]*{_NUMBERING}")
CLAUSE_SPLIT: Final = re.compile(r"[，,；;。\n]")
LIST_SEMICOLONS: Final = ("；", ";")  # a line ending in one leaves its sentence open
SENTENCE_ENDS: Final = ("。", "；", ";", "，", ",", "：", ":")
BARE_ITEM: Final = 40  # the longest line read as a bare list item (one target, no punctuation after it)
OPENER_BEFORE: Final = scanner(rf"(?:{LEX.alt('targets.openers')})+$")
# an opener and a body's own name before what the body assigns (完成玉林|市下达任务, 达到湘西|自治州下达指标,
# 完成黔西南布依族苗族自治|州下达任务, 完成苏|州市下达目标: a name whose last character is a body's word, 州, read
# as the body): the name a region's, at most ten characters (an autonomous prefecture's full name and its 自治)
OPENER_THEN_ASSIGNER: Final = scanner(rf"(?:{LEX.alt('targets.openers')})[\u4e00-\u9fff]{{1,10}}$")
ASSIGNING_BODY: Final = re.compile(LEX.alt("kinds.assigning_bodies"))  # (what such a match opens with: 市下达…)
_DIRS: Final = LEX.alt("kinds.direction_up", "kinds.direction_down", "kinds.direction_steady")
DIRECTIONAL_PHRASE: Final = scanner(
    rf"(?:{LEX.alt('kinds.manner_leads')})(?:{LEX.alt('kinds.manners')})*(?:{_DIRS})"
    rf"|(?:{LEX.alt('kinds.manners')})+(?:{_DIRS})"
    rf"|{LEX.alt('kinds.directional_phrases')}"
    rf"|(?<=[\u4e00-\u9fff]{{4}})(?:改善|好转)$"
    rf"|(?:{'|'.join(f'(?<={re.escape(w)})' for w in LEX.words('kinds.rate_nouns'))})(?:{_DIRS})$"
    rf"|{SIZED_DIRECTION}"
)
EXPLAINING: Final = re.compile(LEX.alt("targets.explaining"))
# a sentence adding to the one before (\s: past a paragraph's break and indent too)
CONTINUING: Final = re.compile(rf"\s*(?:(?:{LEX.alt('targets.continuing')})[，,]|{LEX.alt('targets.continuing_adverbs')})")
# a target referred back to (这一目标, 该目标), or compared with (比去年目标…): what it opens comments on a
# target and sets none
ON_A_TARGET: Final = re.compile(rf"(?:{LEX.alt('targets.back_references')}|(?:{LEX.alt('targets.target_comparisons')})[^，,；;。\d]{{0,6}}?目标)")
BACK_REFERENCES: Final = tuple(LEX.words("targets.back_references"))
REVIEWED_PLAN_BEFORE: Final = re.compile(rf"(?:{LEX.alt('targets.reviewed_plan_periods')})(?:{LEX.alt('plans.set_by')})?"
                                         rf"(?:{LEX.alt('plans.kinds')})?$")
NEXT_FIVE: Final = re.compile(LEX.alt("targets.next_five_years"))
# a part's heading, read backwards from a list (…、三 of 三、…; …章X第 of 第X章): the line it opens follows a newline
PART_HEADING: Final = re.compile(r"[、章篇][一二三四五六七八九十]+(?:第)?[ \t\u3000]*\n")
LIST_YEAR: Final = scanner(r"(?<![\d到至])(\d{4})\s*年[^，。；\n]{0,20}?主要(?:预期)?(?:目标|指标)")
# an item opened by an ordinal (一是) or a bullet (——): its first sentence, without a figure and with
# more of the item after it, sums the item up ("——生态环境持续改善。森林覆盖率…")
SUMMED_ITEM: Final = re.compile(rf"^\s*(?:[一二三四五六七八九十]+是|{_BULLETS})")
# "经济发展：地区生产总值增长6%左右…": a list item led by its category and a colon
# (after the item's number: 一是预期性指标：…, （二）约束性指标：…)
LABELLED_ITEM: Final = re.compile(rf"^[ \t\u3000]*(?:{_BULLETS})?[ \t\u3000]*{_ITEM_ORDINAL}?[ \t\u3000]*"
                                  rf"(?P<cat>[\u4e00-\u9fff]{{2,8}})[:：](?=[^\n]*\d)")
DATED_EVENT: Final = scanner(r"(?<![\d年])\d{1,2}\s*月\s*\d{1,2}\s*日")
VERB_OBJECT: Final = re.compile(rf"(?:{LEX.alt('kinds.manners')})+(?:{LEX.alt('kinds.direction_up', 'kinds.direction_down')})"
                         r"(?P<obj>[\u4e00-\u9fffA-Za-z（）()]{4,20})")
ABSTRACT_SUBJECT: Final = re.compile(rf"(?:{LEX.alt('kinds.abstract_subjects')})$")
# (a lead's colon goes with it: 其中：一般公共预算收入…)
LEAD_MODAL: Final = re.compile(rf"^[\s{_BULLETS}]*(?:{_NUMBERING}|[（(]\d{{1,2}}[）)])?(?:[（(](?:{LEX.alt('targets.reference_notes')})[^（()）]{{0,8}}[）)][：:]?|(?:{LEX.alt('targets.item_leads', 'targets.continuing_adverbs', 'names.own_region_words')})[：:]?|{INTENT_LEAD}"
                        rf"|(?:到|至|在)?\d{{4}}年(?:底|末)?)*")
NAME_TRAIL: Final = scanner(rf"(?:{LEX.alt('targets.name_trails', 'targets.set_as')})+$")
MODAL_TRAIL: Final = scanner(rf"(?:{LEX.alt('kinds.modality')})+$")
COMPLETED_BEFORE: Final = re.compile(rf"(?:{LEX.alt('targets.completed')})了?.{{0,10}}$")
# 年均增长 / 累计 / 平均: part of the predicate, never of the name
PREDICATE_TAIL: Final = re.compile(rf"(?:{LEX.alt('measures.averages', 'targets.predicate_tails')})(?:{LEX.alt('measures.growth_verbs', 'measures.decline_verbs')})?$")
# a name of a decline ending the words before a figure (…降幅, …下降率): the predicate's in a target
DECLINE_NAME_END: Final = re.compile(rf"(?:{LEX.alt('measures.decline_names')})$")
# the same words and a verb before the name (五年累计完成|固定资产投资1.2万亿元): the predicate's, printed first
PREDICATE_AHEAD: Final = re.compile(rf"(?:{LEX.alt('targets.predicate_tails')})+(?:{LEX.alt('names.inner_verbs')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
# a sub-head: a kind of target (预期性指标), a class (经济发展类, 关于…类目标（13个）), or a field a targets table
# names its categories by (table_vocab's categories) before a colon (经济发展：) — a line of its own
SUBHEAD: Final = re.compile(rf"^[\s{_BULLETS}]*{_ITEM_ORDINAL}?\s*(?:关于)?(?P<cat>{LEX.alt('targets.subheads')}"
                     rf"|[\u4e00-\u9fff]{{2,8}}(?:{LEX.alt('targets.class_subhead_suffixes')})"
                     rf"|(?:{alternation(VOCAB.categories)})(?=(?:方面)?[:：])){SUBHEAD_COUNT}(?:方面)?[:：。]?\s*$")
SUBHEAD_WORDS: Final = frozenset(LEX.words("targets.subheads"))
RESPECTIVELY: Final = re.compile(LEX.alt("names.respectively"))
PREDICATE_VERB: Final = scanner(rf"(?:{LEX.alt('measures.growth_qualifiers')})*(?:{LEX.alt('targets.predicate_verbs')})$")
SHARED: Final = re.compile(rf"^(?:{LEX.alt('targets.shared_predicate')})")
# a stretch's words before its figure: a lead, then only a predicate's words (力争增长7%, 力争达到8%,
# 力争控制在5%以内) — a name after the lead makes a target of its own (力争外贸增长10%)
STRETCH_LEAD: Final = re.compile(
    rf"\s*(?:{LEX.alt('targets.stretch_leads')})(?:实现|{LEX.alt('measures.growth_qualifiers', 'measures.growth_verbs', 'measures.decline_verbs', 'comparators.reach_words', 'comparators.at_least_before', 'comparators.at_most_before', 'comparators.above_before', 'comparators.about_before', 'comparators.milestone_verbs')})*\s*")
# what parts two clauses of one item (a stretch from its target, a sibling target from the one before):
# a clause after ； or 。 starts an item of its own
ITEM_JOINS: Final = ("，", ",", "、")
BARE_TOTALS: Final = frozenset(LEX.words("names.bare_totals"))
YEAR_LEAD: Final = re.compile(rf"\s*(?:{LEX.alt('targets.later_year_leads')})(\d{{4}})年")
ASSIGNED_OBJECT: Final = re.compile(rf"下达的(.{{2,40}}?)(?:{LEX.alt('targets.assigned_tails')})?$")
# words that show a phrase is a sentence about targets, not an indicator's name ("…预期目标是在")
NOT_A_NAME: Final = scanner(rf"目标是|目标为|(?:{LEX.alt('names.bad_endings')})$")
NOTE_TAIL: Final = re.compile(rf"[（(][^（）()]{{0,30}}(?:{LEX.alt('targets.note_words')})[^（）()]{{0,30}}[)）]\s*$")
SHARED_TAIL: Final = re.compile(rf"(?:{LEX.alt('targets.shared_predicate')})$")
_JOINERS: Final = LEX.alt("names.list_joiners")
VALUE_JOINER: Final = re.compile(rf"^\s*(?:{_JOINERS}|,|，)\s*$")
# (small patterns of the list reader, compiled once)
OPENS_ITEMS: Final = re.compile(r"[:：—]$")
TWO_HAN: Final = re.compile(r"[\u4e00-\u9fff]{2}")
ITEM_NUMBER: Final = re.compile(r"^[\s—\-•·]*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])")
CLAUSE_SPLIT_KEPT: Final = re.compile(r"([，,；;。\n])")
# a value's unit and bound before the next value of a list (分别达到12万头、30万只: each value in its own unit)
VALUE_TAIL: Final = re.compile(rf"^\s*(?:%|‰|{LEX.alt('units.points')}|{UNIT_RE}|{BOUND_AFTER})*")
TRAILING_JOINER: Final = re.compile(rf"\s*(?:{_JOINERS}|,|，)\s*$")
AFTER_SENTENCE: Final = re.compile(r"(?<=[。\n])")
FIRST_BREAK: Final = re.compile(r"[，,：:；;]")
BOUND_WORDS: Final = re.compile(BOUND_AFTER)
_BODIES: Final = LEX.alt("kinds.assigning_bodies")
COMPLETES_ASSIGNED: Final = re.compile(rf"\s*(?:全面)?完成(?:{_BODIES})?[、和]?(?:{_BODIES})?下达的(.{{2,40}})$")
BARE_NAME: Final = re.compile(r"[\u4e00-\u9fff、（）()A-Za-z0-9.]+")
PREDICATE_WORDS: Final = re.compile(LEX.alt("targets.predicate_words"))
GROWTH_END: Final = re.compile(rf"(?:{LEX.alt('targets.main_name_tails')})$")
FIRST_LINE: Final = re.compile(r"\s*([^\n]*)")
# an indicator's attribute (预期性 / 约束性, the words of a table's 属性 column) printed after a target:
# 森林覆盖率：保持在76%以上（约束性）
ATTRIBUTE_MARK: Final = re.compile(rf"[（(]\s*(?P<word>{alternation(VOCAB.attributes)})(?:指标|目标)?\s*[）)]")
ATTRIBUTE_WORD: Final = re.compile(alternation(VOCAB.attributes))
ATTRIBUTE_MARK_END: Final = re.compile(rf"\s*{ATTRIBUTE_MARK.pattern}\s*$")
OPENING_WORDS: Final = 60  # characters before a list that can hold its opening words (主要约束性目标是：)
OPENING_BREAK: Final = re.compile(r"[，,。]")


@dataclass
class ProseTarget:
    name: str
    text: str
    parsed: ParsedTarget
    span: tuple[int, int]  # of text
    name_span: tuple[int, int]
    modality: str | None
    parent: str | None = None  # "生产总值增长6%以上，其中第一产业增加值增长2.9%": 生产总值
    category: str | None = None  # a sub-head of the list (预期性指标, 经济发展类目标)
    year: int | None = None  # set when the list's words name its own year (“十四五”时期 → 2025)
    name_origin: str = "printed"
    recalled: bool = False  # its list recalls a plan set before (年初确定的目标为：…): the reviewed year's in a review
    attribute: str | None = None  # binding | anticipatory, as its words, its list's or its sub-head's print it


def attribute_named(words: str) -> str | None:
    """The attribute the words name when they name one only (约束性指标 → binding; 预期性和约束性指标,
    both, or 主要预期目标, a work report's name for all of its targets: none)."""
    named = {VOCAB.attributes[m.group()] for m in ATTRIBUTE_WORD.finditer(words)}
    return named.pop() if len(named) == 1 else None


def _opening_words(text: str, start: int) -> str:
    """The words opening the list at ``start``: its sentence's before it on its line (主要约束性目标是：…),
    or, for a list opening a line, the line before when it leads into it (主要约束性目标是：⏎…) — never a
    line of something else (a table's row printing 约束性)."""
    before = text[max(0, start - OPENING_WORDS):start]
    if not before[before.rfind("\n") + 1:].strip():
        before = before.rstrip()
        if not before.endswith(("：", ":")):
            return ""
    return before[max(before.rfind("。"), before.rfind("\n"), before.rfind("；")) + 1:]


@dataclass(frozen=True)
class TargetList:
    start: int
    end: int
    year: int | None = None  # the year the opening words name, if any
    ahead: int = 0  # years after the plan year, when the words before it speak of the next five
    recalled: bool = False  # opened as a plan set before (年初确定的主要目标是…): its sentence only

def inline_statements(text: str, limit: int) -> Iterator[re.Match]:
    """``INLINE.finditer(text, 0, limit)``, INLINE tried only where a match can start — at a
    proposal (建议…), or at a time (今年, 2024年) that a marker (目标, 预期) follows within
    INLINE_REACH characters — found by str.find, instead of at every digit of the text."""
    markers = positions(text, 0, limit, _INLINE_MARKERS)

    def marked(end: int) -> bool:  # does a marker start within reach of a time ending at ``end``?
        i = bisect_left(markers, end)
        return i < len(markers) and markers[i] <= end + INLINE_REACH

    starts = positions(text, 0, limit, _PROPOSALS) + positions(text, 0, limit, _QUOTING)
    for word in _INLINE_TIMES:
        starts += [k for k in positions(text, 0, limit, (word,)) if marked(k + len(word))]
    # four digits and 年 ending within reach before a marker (\d: what str.isdecimal tests)
    after = 0  # (the reach of a marker overlaps the one before's: each 年 is looked at once)
    for k in markers:
        at = text.find("年", max(k - INLINE_REACH - 1, after), k)
        while at >= 0:
            if at >= 4 and text[at - 4:at].isdecimal():
                starts.append(at - 4)
            at = text.find("年", at + 1, k)
        after = max(after, k)
    starts.sort()  # (runs in order, one a kind of start: merged in linear time)
    return matches_at(INLINE, text, starts, limit)


def heading_lines(text: str, limit: int) -> Iterator[re.Match]:
    """``HEAD_LINE.finditer(text, 0, limit)``: the pattern tried only at the lines holding one of
    the heading words every match holds (HEAD_LINE's ``holding``), found by str.find instead of a
    scan of the text that tests every character against their first characters."""
    starts: list[int] = []
    for k in positions(text, 0, limit, _HEADING_HEADS):
        start = text.rfind("\n", 0, k) + 1  # the start of the word's line
        if not starts or start != starts[-1]:
            starts.append(start)
    return matches_at(HEAD_LINE.plain, text, starts, limit)


def _line_end(text: str, start: int) -> int:
    k = text.find("\n", start)
    return len(text) if k < 0 else k


def _target_like(paragraph: str) -> bool:
    """Most of a paragraph's clauses state a target (a name alone, "城镇调查失业率。控制在5.5%以内。",
    counted with the target it names)."""
    clauses = [c for c in CLAUSE_SPLIT.split(paragraph) if c.strip()]
    hits, named = 0, False
    for c in clauses:
        if _target_start(c, named_before=named) is not None:
            hits += 1
            named = False
        else:
            named = name_alone(c.strip()) is not None
    return hits > 0 and hits * 2 >= len(clauses)


def _states_targets(sentence: str) -> bool:
    """Some clause of a sentence states a target."""
    return any(_target_start(c) is not None for c in CLAUSE_SPLIT.split(sentence) if c.strip())


def _opens_items(text: str, line_end: int) -> bool:
    """Is the next non-blank line a list item or a sub-head?"""
    nxt = text[line_end + 1:line_end + 200].lstrip()
    line = nxt.split("\n", 1)[0].strip()
    return bool(LIST_ITEM.match(line) or SUBHEAD.match(line))


HEADED_LIST_LINES: Final = 40  # a list under a heading naming the year's targets runs this many lines at most


def _heading_list(text: str, m: re.Match, limit: int) -> TargetList | None:
    """The paragraphs below a heading that names the year's targets, while they state targets
    (sub-heads and a lead sentence before 一是… included)."""
    pos = _line_end(text, m.start()) + 1
    start: int | None = None
    end: int | None = None
    lead_taken = 0
    lines_read = 0  # (blank lines between the items count for nothing: a page copied with a blank line
    # after every line holds as long a list)
    while lines_read < HEADED_LIST_LINES:
        if pos >= min(len(text), limit):
            break
        line_end = _line_end(text, pos)
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            pos = line_end + 1
            continue
        lines_read += 1
        if "\t" in line:
            break  # a table
        if start is None and body_or_date_line(stripped):
            pos = line_end + 1
            continue  # a title's issuer and date under it (某市发展和改革委员会　2026年2月8日): the list opens below them
        if SUBHEAD.match(stripped) or _target_like(stripped):
            start = pos if start is None else start
            end = line_end
        elif start is None and lead_taken < 2 and (stripped.endswith(("：", ":")) or LEAD_END.search(stripped)
                                                   or _opens_items(text, line_end)):
            lead_taken += 1  # "主要目标是：" on its own line, or a lead sentence before 一是… / ●
        else:
            break
        pos = line_end + 1
    if start is None or end is None:
        return None
    if SUBHEAD.match(m.group("words")):
        start = m.start("words")  # (its items' category and attribute: the list's reader reads the sub-head)
    return TargetList(start, end, target_year_in(m.group("words")))


def _list_opening(text: str, start: int, end: int) -> str:
    """The words opening a list: its trigger and what precedes it in its sentence (at most 40 characters)."""
    cut = max(text.rfind("。", 0, start), text.rfind("\n", 0, start), start - 40)
    return text[cut + 1:end]


def _list_year(words: str) -> int | None:
    """The year the words opening a list name ("“十四五”时期主要目标：" → 2025); none for this
    year's list ("今年发展的主要预期目标是：")."""
    if THIS_YEAR.search(words):
        return None
    named = LIST_YEAR.search(words)  # "2024年全市经济社会发展主要预期目标初步考虑为：" (a preview)
    return target_year_in(words) or (int(named.group(1)) if named else None)


def _five_years_ahead(text: str, start: int) -> bool:
    """Whether the words before a list naming no year speak of the next five years ("…通过五年的努力奋斗，
    实现六个明显提升。…具体目标为："): looked for in the 200 characters before it, within its part (a
    heading of a part, 三、2026年工作安排, closes the five-year goals of the part before)."""
    window = max(0, start - 200)
    head = PART_HEADING.search(text[window:start][::-1])
    if head:
        window = start - head.start()
    return NEXT_FIVE.search(text, window, start) is not None


def _sentence_end(text: str, start: int) -> int:
    end = len(text)
    for stop in ("。", "\n"):
        k = text.find(stop, start)
        if k >= 0:
            end = min(end, k)
    return end


def _list_goes_on(text: str, start: int, end: int) -> int:
    """Where a list of targets starting at ``start`` and ending its sentence at ``end`` ends: the
    sentences after it that state targets are in it ("…同步。能耗强度下降3.1%以上，主要污染物排放继续减少。"),
    and one adding to it ("同时，要在…取得新进展，城乡居民收入实际增长和经济增长保持同步。") — in the next
    paragraph too where the list's sentence is alone in its own (a page giving each sentence a paragraph)."""
    # the sentence before was a name alone ("城镇调查失业率。控制在5.5%以内。"; a name is short: looked for
    # in the few characters before, which keeps the search bounded)
    before = max(text.rfind("。", max(0, end - 30), end), text.rfind("\n", max(0, end - 30), end))
    named = before >= 0 and name_alone(text[before + 1:end].strip()) is not None
    while end < len(text) and text[end] == "。":
        nxt = _sentence_end(text, end + 1)
        if not text[end + 1:nxt].strip():
            # the list's sentence ends its paragraph: the next goes on with it when it opens adding to it and the
            # list's sentence was alone in its paragraph (…增长5%。\n同时，城镇新增就业5万人以上…: a news page's
            # paragraph a sentence); a paragraph of several ends the list (the next is the report's tasks)
            paragraph = text.rfind("\n", start, end) + 1 or start
            adding = CONTINUING.match(text, end + 1)
            if adding is None or text.find("。", paragraph, end) >= 0:
                break
            nxt = _sentence_end(text, adding.end())
        sentence = text[end + 1:nxt]
        clauses = [c for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
        if len(clauses) == 1 and not named and name_alone(sentence.strip()) and nxt < len(text):
            after = _sentence_end(text, nxt + 1)
            first = CLAUSE_SPLIT.split(text[nxt + 1:after], maxsplit=1)[0]
            if _target_start(first, named_before=True) is not None:
                end, named = nxt, True  # its target is stated by the next sentence
                continue
        stated = sum(1 for k, c in enumerate(clauses) if _target_start(c, named_before=named and k == 0) is not None)
        named = False
        if not clauses or EXPLAINING.search(sentence) or TRIGGER.search(sentence) or (
                stated * 2 < len(clauses)
                and not SUBHEAD.match(sentence)
                and not (CONTINUING.match(sentence) and _target_start(clauses[-1]) is not None)):
            break
        end = nxt
    return end


def _piece_end(text: str, start: int) -> int:
    """Where the piece of a sentence starting at ``start`` ends: its 。, ；, or line's end."""
    end = len(text)
    for stop in ("。", "\n", "；", ";"):
        k = text.find(stop, start, end)
        if k >= 0:
            end = k
    return end


def _pieces_go_on(text: str, end: int) -> int:
    """Where an inline statement of targets ending its first piece at ``end`` ends: the pieces after a ；
    in its sentence that each state a target go on with it (报告还提出，今年地区生产总值增长6.5%左右；城镇新增就业
    4万人；一般公共预算收入增长5%。 — a news page's quote of a report's list, opened by no list's words)."""
    while end < len(text) and text[end] in "；;":
        nxt = _piece_end(text, end + 1)
        piece = text[end + 1:nxt]
        if _target_start(CLAUSE_SPLIT.split(piece, maxsplit=1)[0]) is None:
            break
        end = nxt
    return end


# a sentence (or line) opening with the results of the plan just listed: the list ends before it
# (or with last year's: 去年城镇新增就业4.7万人，… under the items of this year's — the review, no item of them)
RESULTS_OPENING: Final = scanner(rf"(?<![^。；;\n])[ \t\u3000]*(?:{LEX.alt('targets.results_openings', 'time.last_year')})")


# a list opened as a plan set before (年初确定的主要目标是…, 人代会确定的目标为：): a review quoting last
# year's plan, its sentence the whole list
RECALLED_PLAN: Final = re.compile(rf"(?:{LEX.alt('plans.set_by')})[^。；;\n]{{0,20}}$")


def _before_results(openings: list[int], start: int, end: int) -> int:
    """Where a list of last year's targets in a review ends: before the sentence telling its
    results ("…主要预期目标是：…增长6.5%。从执行情况看，…增长5.8%。" — those are no targets).
    ``openings``: where RESULTS_OPENING matches in the text, found once (a list per trigger, each
    searched again, made a run of triggers quadratic)."""
    k = bisect_left(openings, start)
    return openings[k] if k < len(openings) and openings[k] < end else end


def _outside_tables(lists: list[TargetList], tables: tuple[tuple[int, int], ...]) -> list[TargetList]:
    """Lists that start outside every table, cut where a table begins."""
    out = []
    for t in lists:
        if any(a <= t.start < b for a, b in tables):
            continue
        end = min([t.end] + [a for a, _b in tables if t.start < a < t.end])
        if end - t.start >= 4:
            out.append(TargetList(t.start, end, t.year, t.ahead, t.recalled))
    return out


def find_target_lists(text: str, limit: int | None = None, tables: tuple[tuple[int, int], ...] = ()) -> tuple[TargetList, ...]:
    """The lists of the year's targets in ``text[:limit]``, outside ``tables`` (found once per
    document by the pipeline, which hands them to :func:`extract_prose_targets`; never cached,
    so a document read again is read again)."""
    limit = len(text) if limit is None else limit
    out: list[TargetList] = []
    openings: list[int] | None = None  # (where results open: found when a list first asks)
    for m in triggers(text, limit):
        head = text[max(0, m.start() - 40):m.start()]
        if COMPLETED_BEFORE.search(head) or "去年" in head[-15:]:
            continue  # "较好完成了…确定的目标任务": a review, not a list of targets
        opening = _list_opening(text, m.start(), m.end())
        year = _list_year(opening)
        # "…通过五年的努力奋斗，实现六个明显提升。…具体目标为：": goals for five years ahead — not a list
        # its own words give to this year (今年…主要预期目标是： after the five-year goals)
        ahead = 4 if year is None and not THIS_YEAR.search(opening) and _five_years_ahead(text, m.start()) else 0
        recalled = RECALLED_PLAN.search(text, max(0, m.start() - 40), m.end()) is not None
        if not OPENS_ITEMS.search(m.group()) and not text[m.end():_line_end(text, m.end())].strip():
            continue  # a heading without a colon ("今年主要预期目标"): a heading list, read below
        start = m.end()
        while start < len(text) and text[start] in " \t\n\u3000":
            start += 1
        if start > m.end() and "\n" in text[m.end():start]:
            # a list on the following lines (——生产总值增长6%以上；…): take every item line
            end = start
            # the line before ended in ；, or was a bare item (a web page's <li>地区生产总值增长6%左右</li>,
            # followed by another): the list goes on to the next line stating a target
            open_sentence = bare_item = target_line = False
            last_line = start
            for line in text[start:].split("\n"):
                if not line.strip():
                    end += len(line) + 1
                    continue
                states_target = _target_start(line) is not None
                short = len(line.strip()) <= BARE_ITEM
                # "地区生产总值增长6%左右。" / "城镇新增就业8000人以上。": short lines, each a target of its own
                line_of_target = short and _target_like(line)
                sub = SUBHEAD.match(line.strip())
                item = LIST_ITEM.match(line) or sub or _labelled(line) or (
                    states_target and (open_sentence or (bare_item and short))) or (  # "规模以上工业增加值增长8%；" on a line of its own
                    target_line and line_of_target)
                if not item and end > start:
                    break
                last_line = end
                end += len(line) + 1
                # (a sub-head, 经济发展类 / 民生福祉：, opens its items below it as the trigger did)
                open_sentence = line.rstrip().endswith(LIST_SEMICOLONS) or sub is not None
                bare_item = states_target and short and not line.rstrip().endswith(SENTENCE_ENDS)
                # (only while every line closes its sentence: a list of ；-lines ends with its 。)
                target_line = line_of_target and line.rstrip().endswith("。") and (target_line or last_line == start)
                if not item and not (open_sentence or bare_item or target_line):
                    break  # a single paragraph after the trigger
            end = min(end, len(text))
            k = text.find("。", last_line, end)  # (the list's last line: a paragraph's sentences go on from it)
            if k >= 0 and not LIST_ITEM.match(text[start:start + 3]) and not _labelled(text[start:_line_end(text, start)]):
                end = _list_goes_on(text, start, k)  # a paragraph after the trigger: its sentences as on one line
        elif recalled:
            end = _sentence_end(text, start)  # "年初确定的主要目标是…。全年…增长6%。": the results follow it
        else:
            end = _list_goes_on(text, start, _sentence_end(text, start))
        if openings is None:
            openings = [r.start() for r in RESULTS_OPENING.finditer(text, 0, limit)]
        end = _before_results(openings, start, end)
        if end - start < 6:
            continue
        out.append(TargetList(start, end, year, ahead, recalled))
    for m in heading_lines(text, limit) if "\n" in text else ():
        if any(t.start - 80 <= m.start() <= t.end for t in out):
            continue  # the heading of a list already taken ("一、今年主要预期目标：")
        found = _heading_list(text, m, limit)
        if found:
            out.append(found)
    out = _outside_tables(out, tables)
    # a trigger inside a list already taken (…指标方面，…。…指标方面，…) starts no second list
    kept: list[TargetList] = []
    for t in sorted(out, key=lambda t: t.start):
        if not any(k.start <= t.start < k.end for k in kept):
            kept.append(t)
    out = kept
    # a document listing the year's targets states a figure in passing only for a section of its own
    # (今年进出口总额预期增长7.5%左右, under foreign trade: a task's figure, not one of the targets);
    # one without a list (a news digest) states its targets so
    listed = bool(out)
    for m in inline_statements(text, limit):
        if any(t.start - 60 <= m.start() <= t.end for t in out):
            continue
        end = _piece_end(text, m.end())
        head = text[max(0, m.start() - 12):m.start()]
        if "去年" in head or end - m.end() < 4:
            continue
        if m.group("marker") and text.endswith(BACK_REFERENCES, m.start(), m.end("marker")):
            continue  # "今年要新开工项目150个，这一目标比去年多20个": the target referred back to, none set
        if m.group("marker") and REVIEWED_PLAN_BEFORE.search(text, max(0, m.start("marker") - 8), m.start("marker")):
            continue  # "2025年，…增长5.1%，低于年初目标（6%）；…": last year's plan beside its result
        if text.startswith(_QUOTING, m.start()):
            if REGION_SUFFIX_END.search(head) and not head.endswith(REGION_WORDS_TUPLE):
                continue  # 济南市提出今年…: a region setting its own figure (clauses.OtherRegions), no report of the document quoted
            brk = CLAUSE_SPLIT.search(text, m.end(), end)
            if _target_start(text[m.end():brk.start() if brk else end]) is None:
                continue  # 报告还提出，今年成都将夯实…: the quote opens with a task, not a name and its figure
        start = _inline_start(text, m)
        if listed and start != m.end():
            continue
        end = _pieces_go_on(text, end)
        quoted = m.group("quoted")  # (报告提出，2026年…: the year the quoted report sets figures for)
        out.append(TargetList(start, end, int(quoted) if quoted else target_year_in(text[m.start():m.end()])))
    return tuple(_outside_tables(out, tables))


# the year's plan named again (全年目标任务, 年度预期目标): in an in-year report, the figures after it restate it
YEAR_PLAN_RESTATED: Final = scanner(rf"(?:{LEX.alt('plans.periods')})(?:{LEX.alt('plans.kinds')})?(?:{LEX.alt('plans.restated')})")


def restated_year_lists(text: str, scope: Scope, taken: tuple[TargetList, ...]) -> list[TargetList]:
    """In an in-year report (written during its year: ``scope.in_year``), the lists of its plans for the rest of
    the year that restate the year's targets: a clause naming them with no figure of its own, then the sentence's
    clauses stating targets (下半年，要紧盯全年目标任务，确保地区生产总值增长5.5%左右，固定资产投资增长6%) — the
    report's year's targets, as its 全年目标（5.5%左右） are, not tasks of their own. (Its review of the year so far,
    完成全年目标的52.3%, is no plan part.)"""
    out: list[TargetList] = []
    if not scope.in_year or scope.plan_year is None:
        return out
    for zone in scope.zones:
        if zone.mode != "plan":
            continue
        for m in YEAR_PLAN_RESTATED.finditer(text, zone.start, zone.end):
            if any(t.start <= m.start() < t.end for t in (*taken, *out)):
                continue
            brk = CLAUSE_SPLIT.search(text, m.end())
            if brk is None or text[brk.start()] in "。\n":
                continue  # (the sentence ends with the words: nothing restated after them)
            start, end = brk.end(), _sentence_end(text, brk.end())
            if _target_like(text[start:end]):
                out.append(TargetList(start, end, scope.plan_year))
    return out


def _inline_start(text: str, m: re.Match) -> int:
    """Where an inline statement's list opens: after its marker, or after its time where the figure
    is set right after the marker (SET_AFTER_MARKER) and words stand between the two: the target's
    name ("今年的经济增长目标定为…": 的 and a comma after the time are not)."""
    if m.group("time") is None or not SET_AFTER_MARKER.match(text, m.end("marker")):
        return m.end()
    start = m.end("time")
    while start < m.start("marker") and text[start] in "，, \t\u3000的":
        start += 1
    return start if TWO_LETTERS.search(text, start, m.start("marker")) else m.end()


def find_target_sentences(text: str, limit: int | None = None,
                          tables: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """(start, end) of the text that lists the year's targets: never a result, never a task."""
    return tuple((t.start, t.end) for t in find_target_lists(text, limit, tables))


MAX_CLAUSE: Final = 200  # the longest clause of the real documents stating a target has 143 characters: a longer one
# is no prose (a table glued into one line when its rows were not told apart) and lists no target


def _labelled(line: str) -> re.Match | None:
    """A list item led by its category ("民生福祉：城镇调查失业率…"), not by the indicator's own
    name ("地区生产总值：增长6%左右", whose figure follows the colon at once) nor by 其中; a list's
    opening words (指标：) are no category, but a sub-head's are (约束性指标：森林覆盖率…)."""
    m = LABELLED_ITEM.match(line)
    if not m or m.group("cat") == "其中" or (TRIGGER.search(m.group()) and m.group("cat") not in SUBHEAD_WORDS):
        return None
    rest = line[m.end():]
    k = _target_start(rest)
    named = k is not None and TWO_HAN.search(PREDICATE_VERB.sub("", rest[:k]))
    return m if named else None


def _has_figure(text: str) -> bool:
    """Does ``text`` print a figure (a candidate value)? The first found is enough."""
    return next(iter_candidates(text), None) is not None


def _states_own_target(piece: str) -> bool:
    """Does a 、-piece of a clause state a target of its own: a figure, or a target in words after
    a name of its own ("外贸进出口总额保持稳定、实际使用外资稳中有增")?"""
    # (an item's number is no figure: "9.单位地区生产总值能耗降低、主要污染物减排完成省下达目标" is one predicate)
    marker = ITEM_NUMBER.match(piece)
    return _has_figure(piece[marker.end():] if marker else piece) or _target_start(piece) is not None \
        or _worded_milestone(piece) is not None  # (a start is never 0: a name precedes it)


def _target_start(clause: str, named_before: bool = False) -> int | None:
    """Where the target phrase begins in a clause ("地区生产总值增长|6.5%以上"); at the clause's start
    only when a name was stated before it (``named_before``: "地区生产总值。|控制在…"), since a phrase
    with no name before it is otherwise no target."""
    if len(clause) > MAX_CLAUSE:
        return None  # (and the phrase patterns below, searched over it, stay bounded)
    positions = []
    marker = ITEM_NUMBER.match(clause)
    skip = marker.end() if marker else 0  # "1.地区生产总值…": the item's number is no value
    first = next((c for c in iter_candidates(clause) if c.start >= skip), None) \
        or next((c for c in milestone_figures(clause) if c.start >= skip), None)  # 迈上万亿元台阶
    if first is not None:
        pos = first.start
        # (a verb of the level reached, 回落至 / 收窄到 — measures.to_verbs, as a result's name ends before it — opens the phrase too)
        opener = OPENER_BEFORE.search(clause[:pos]) or TO_VERB.search(clause, 0, pos)
        positions.append(opener.start() if opener else pos)
    for pattern in (RELATIVE, ASSIGNED, DIRECTIONAL_PHRASE, DIRECTION_COMPOUND, FROM_TO):
        m = pattern.search(clause)
        if m:
            start = m.start()
            opener = OPENER_BEFORE.search(clause[:start])
            if opener is None and pattern is ASSIGNED and ASSIGNING_BODY.match(m.group()):
                opener = OPENER_THEN_ASSIGNER.search(clause[:start])  # 完成|玉林|市下达任务: the body named in full
            positions.append(opener.start() if opener else start)
    positions = [p for p in positions if p > skip or (named_before and p == skip)]
    return min(positions) if positions else None


def _unbracketed_breakdowns(sentence: str) -> str:
    """A bracket holding a clause of its own (segments' OWN_CLAUSE_BRACKET: a breakdown after a target,
    "增长8%（其中制造业增长9%）") read as clauses: its opening bracket a comma, its closing one the end of
    the item it details (；). One character for one: offsets stay."""
    chars = list(sentence)
    for opener in OWN_CLAUSE_BRACKET.finditer(sentence):
        depth = 0
        for k in range(opener.start(), len(sentence)):
            if sentence[k] in OPEN:
                depth += 1
            elif sentence[k] in CLOSE:
                depth -= 1
                if depth == 0:
                    chars[opener.start()], chars[k] = "，", "；"
                    break
    return "".join(chars)


REASONING: Final = re.compile(rf"(?:{LEX.alt('targets.reasoning_leads', 'targets.back_references')})")
ENUMERATED: Final = re.compile(r"[一二三四五六七八九十]+是")  # "二是…": the next point of the same reasons
LEVEL_ABOVE_NOTE: Final = re.compile(rf"[（(](?:{LEX.alt('targets.level_above_notes')})[^（()）]*[）)]")


def _without_level_above_notes(sentence: str) -> str:
    """The sentence with its brackets on the levels above's targets (（省定目标5.5%左右，市定目标6%左右）)
    blanked, offsets kept."""
    return LEVEL_ABOVE_NOTE.sub(lambda m: " " * len(m.group()), sentence)


def _is_name(name_part: str) -> bool:
    """Could the words before a target's predicate name an indicator (two letters besides the predicate's words)?"""
    core = PREDICATE_WORDS.sub("", name_part)
    return len(core) >= 2 and TWO_LETTERS.search(core) is not None and NOT_A_NAME.search(name_part) is None


# a clause reaching a milestone in words, no figure (地区生产总值迈上新台阶, 经济总量跨上千亿台阶): its name
WORDED_MILESTONE: Final = re.compile(
    rf"(?P<name>[^，、；：:]{{2,24}}?)(?:{LEX.alt('comparators.milestone_verbs')})[^，、；\d]{{0,8}}?"
    rf"(?:{LEX.alt('comparators.milestone_nouns')})\s*$")


def _worded_milestone(clause: str) -> re.Match | None:
    lead = LEAD_MODAL.match(clause)  # (力争, 全市: no part of the name)
    return WORDED_MILESTONE.match(clause, lead.end() if lead else 0)


def _clauses(sentence: str):
    """(offset, separator before it, clause): split on ，；。 and also on 、 where each piece states
    its own target ("交通投资增长10%、民间投资增长10%", "…保持稳定、实际使用外资稳中有增"); a
    breakdown in brackets is read as one after a comma."""
    if "（" in sentence or "(" in sentence:
        sentence = _without_level_above_notes(sentence)
        if OWN_CLAUSE_BRACKET.search(sentence):
            sentence = _unbracketed_breakdowns(sentence)
    pos, sep, between = 0, "", ""
    for part in CLAUSE_SPLIT_KEPT.split(sentence):
        if len(part) == 1 and part in "，,；;。\n":
            if between or part not in "，,":
                sep = part  # (a comma right after another mark — "…）；，" — keeps the mark: it ended the item)
            pos, between = pos + 1, ""
            continue
        between = part
        pieces = part.split("、")
        if len(pieces) > 1 and all(_states_own_target(p) for p in pieces) and not RESPECTIVELY.search(part):
            off = pos
            for i, p in enumerate(pieces):
                yield off, (sep if i == 0 else "、"), p
                off += len(p) + 1
        else:
            yield pos, sep, part
        pos += len(part)


def _values(target_text: str) -> list:
    """The values a predicate lists in order ("增长5%和6%", "分别增长7.5%、8.5%")."""
    cands = _candidates(target_text)
    out = cands[:1]
    for c in cands[1:]:
        gap = target_text[out[-1].end:c.start]
        gap = VALUE_TAIL.sub("", gap)
        if not VALUE_JOINER.match(gap):
            break
        out.append(c)
    return out


def _value_text(target_text: str, value, nxt) -> str:
    """A value's own words in a list of values: 6%, 8.5%左右."""
    end = nxt.start if nxt is not None else len(target_text)
    piece = target_text[value.start:end]
    return TRAILING_JOINER.sub("", piece)


class _ListReader:
    """The targets of one list, clause by clause."""

    def __init__(self, text: str, tl: TargetList, elsewhere: OtherRegions | None = None):
        self.text = text
        self.tl = tl
        self.out: list[ProseTarget] = []
        self.category: str | None = None
        self.main_name: str | None = None  # the item a "其中…" clause details
        self.parent: str | None = None
        self.pending_names: list[tuple[str, int, int]] = []  # bare names waiting for a shared 均 predicate
        self.pending_values: list[tuple[str, tuple[int, int]]] = []  # names waiting for values (分别)
        self.sibling: str | None = None  # the name of the target just before a clause, in its sentence
        self.sibling_listed = False  # … and a 、 between them: one list
        self.alone: tuple[str, int, int] | None = None  # a name the sentence before stated alone, and where
        # the name of the clause just before when it reached a milestone in words and gave no target (地区生产总值
        # 迈上新台阶，增长6.5%: the rate is its name's, not the target's before it), and where
        self.milestone_named: tuple[str, int, int] | None = None
        self.quoted = QuotedRegion(elsewhere)  # another region's clauses (全省确定…, and those after a comma)
        opening = _opening_words(text, tl.start)
        self.list_attribute = attribute_named(opening)  # 主要约束性目标是：…
        self.attribute = self.list_attribute  # … or a sub-head's: （二）约束性指标
        # a sub-head opening the list itself (预期性指标：地区生产总值增长…；…) is its items' category, as one inside it is
        opening_sub = SUBHEAD.match(opening.strip())
        if opening_sub is not None:
            self.category = opening_sub.group("cat")

    def run(self) -> list[ProseTarget]:
        text, tl = self.text, self.tl
        pos = tl.start
        sentences = AFTER_SENTENCE.split(text[tl.start:tl.end])
        reasoning = False
        for k, sentence in enumerate(sentences):
            s_start = pos
            pos += len(sentence)
            body = sentence.rstrip("。\n")
            opening = ITEM_NUMBERING.sub("", body.lstrip(), count=1)
            if ITEM_NUMBER.match(body) or ((k == 0 or sentences[k - 1].endswith("\n")) and not ENUMERATED.match(opening)):
                reasoning = False  # a new item
            if REASONING.match(opening):
                reasoning = True
            if reasoning:
                continue  # "主要考虑：一是…全省预期目标为5.5%左右…": the reasons for the target before
            if SUMMED_ITEM.match(body) and sentence.endswith("。") and not _has_figure(body) \
                    and k + 1 < len(sentences) and sentences[k + 1].strip():
                continue  # "一是市域经济实力明显提升。到…": the item's summary, its targets follow
            sub = SUBHEAD.match(body.strip())
            if sub:
                self.category = sub.group("cat")
                self.attribute = attribute_named(self.category) or self.list_attribute
                continue
            label = _labelled(body)
            if label:
                self.category = label.group("cat")
                self.attribute = attribute_named(self.category) or self.list_attribute
                body, s_start = body[label.end():], s_start + label.end()
            year = target_year_in(FIRST_BREAK.split(body, maxsplit=1)[0]) or tl.year
            lead = TRIGGER.search(body)
            if lead and OPENS_ITEMS.search(lead.group()):
                # "…建议2024年…主要预期目标是：地区生产总值增长6%左右；…": the items follow the colon
                body, s_start = body[lead.end():], s_start + lead.end()
            self.sentence(body, s_start, year)
            # "1.地区生产总值。增长6%左右。": a sentence that is a name alone names the next one's targets
            alone = name_alone(body)
            at = s_start + body.find(alone) if alone else 0
            self.alone = (alone, at, at + len(alone)) if alone else None
        return self.out

    def emit(self, **kw) -> None:
        if kw["parsed"].kind == "directional" and ABSTRACT_SUBJECT.search(kw["name"]):
            return  # 创新能力明显增强: an aim, not an indicator's target
        # a mark after its figure (增长6%左右（预期性）) or its name (森林覆盖率（约束性）稳定在…) is read as a table's
        # 属性 cell is, and is no part of the target's words nor of its name
        named = ATTRIBUTE_MARK_END.search(kw["name"])
        if named is not None:
            a, _ = kw["name_span"]
            kw["name"], kw["name_span"] = kw["name"][:named.start()], (a, a + named.start())
        mark = ATTRIBUTE_MARK.search(kw["text"]) or named
        attribute = VOCAB.attributes[mark.group("word")] if mark else self.attribute
        kw["text"] = ATTRIBUTE_MARK_END.sub("", kw["text"])
        self.out.append(ProseTarget(category=self.category, parent=self.parent, recalled=self.tl.recalled,
                                    attribute=attribute, **kw))

    def sentence(self, sentence: str, s_start: int, year: int | None) -> None:
        self.pending_names = []
        self.pending_values = []
        emitted = len(self.out)  # (targets of earlier sentences are no siblings)
        for offset, sep, clause in _clauses(sentence):
            c_start = s_start + offset
            if not clause.strip():
                continue
            if clause.lstrip(" —-").startswith("其中"):
                self.parent = self.main_name
            elif sep not in ("，", ",", "、"):
                self.parent = None  # a new item (after ；, 。 or a new line) details nothing
                self.pending_names = []
            if sep not in ("，", ","):
                self.quoted.reset()
            if self.pending_values and not TWO_HAN.search(BOUND_WORDS.sub("", clause)):
                # "城镇居民、农村居民人均可支配收入分别增长7%，8%": the next value of the list
                if _has_figure(clause):
                    name, name_span = self.pending_values.pop(0)
                    t = clause.strip()
                    self.emit(name=name, text=t, parsed=parse_target(t), span=(c_start, c_start + len(clause)),
                              name_span=name_span, modality=None, year=year, name_origin="composed")
                    continue
            self.pending_values = []
            lead = YEAR_LEAD.match(clause)
            if lead and not clause[lead.end():].strip():
                if year is None or int(lead.group(1)) > year:
                    year = int(lead.group(1))  # "…；展望2035年，人均…": the clauses after it are for that year
                continue
            # the name of the target just before, in this sentence after a comma or 、 (its sibling)
            self.sibling = self.out[-1].name if sep in ITEM_JOINS and len(self.out) > emitted else None
            self.sibling_listed = sep == "、"
            before = len(self.out)
            self.clause(clause, c_start, year)
            named = _worded_milestone(clause) if len(self.out) == before else None
            self.milestone_named = (named.group("name"), c_start + named.start("name"), c_start + named.end("name")) \
                if named is not None and _is_name(named.group("name")) else None

    def clause(self, clause: str, c_start: int, year: int | None) -> None:
        if ELSEWHERE.match(clause.lstrip(" （(")):
            return  # "…增长6.5%左右，高于全省1个百分点", "比全市目标高…": weighed against another region, no target
        if ON_A_TARGET.match(clause.lstrip()):
            return  # "…增长6%左右，这一目标高于全省0.5个百分点", "比去年目标低…": a comment on the target before
        if self.quoted.quotes(clause):
            # "全市确定增长6%左右" in a county's list: the level above's target, quoted; "…株洲市提出地区生产总值增长
            # 6.5%，新增就业5万人": 株洲's targets both
            return
        own_year = YEAR_LEAD.match(clause)
        if own_year and (year is None or int(own_year.group(1)) > year):
            year = int(own_year.group(1))  # "…增长5.5%左右，到2027年突破4000亿元": a later milestone
        if self.stretch(clause, c_start) or self.upper_bound(clause, c_start):
            return
        k = _target_start(clause, named_before=self.alone is not None)
        if k is None and self.sibling is not None and _has_figure(clause) and STRETCH_LEAD.match(clause) is None:
            # "固定资产投资稳定增长，达到850亿元": a figure with its verb alone after a target speaks of its name
            # (a figure striven for short of the target, 增长5%，力争4%, is no stretch and no target)
            k = _target_start(clause, named_before=True)
        if k is None:
            # "完成省下达的节能减排降碳约束性指标": the indicator is the object of the assignment
            m = COMPLETES_ASSIGNED.match(clause)
            if m:
                parsed = parse_target(clause.strip())
                self.emit(name=m.group(1).strip(), text=clause.strip(), parsed=parsed,
                          span=(c_start, c_start + len(clause)), name_span=(c_start + m.start(1), c_start + m.end(1)),
                          modality=None, year=year)
                return
            bare = LEAD_MODAL.sub("", clause.strip())
            if 2 <= len(bare) <= 20 and BARE_NAME.fullmatch(bare):
                at = clause.find(bare)
                self.pending_names.append((bare, c_start + at, c_start + at + len(bare)))  # "交通投资，…均增长12%"
            return
        if self.verb_object(clause, k, c_start, year):
            return
        lead = LEAD_MODAL.match(clause[:k])
        lead_end = lead.end() if lead else 0
        ahead = PREDICATE_AHEAD.match(clause, lead_end, k)
        text_start = lead_end
        if ahead is not None:
            lead_end = ahead.end()  # "五年累计完成固定资产投资1.2万亿元": the name after the predicate's words
        modality_m = MODALITY.search(clause)
        modality = modality_m.group() if modality_m and modality_m.group() not in ("确定", "计划") else None
        raw = clause[lead_end:k]
        name_part = NAME_TRAIL.sub("", raw)
        # the predicate's words (增长, 年均增长, 累计, 分别增长) belong to the target's text, never to the
        # name; 分别 is looked for before the trailing words are trimmed
        respectively = RESPECTIVELY.search(raw)
        if respectively is not None and respectively.start() < 2:
            respectively = None
        cut = len(name_part)
        verb = PREDICATE_VERB.search(name_part)
        # only a figure takes the verb into its text: "居民收入增长|与经济增长同步", "能耗下降|完成省下达任务"
        numeric = parse_target(clause[k:]).kind == "numeric"
        # 经济增长 stays whole (经济 alone names nothing); a bare measure does not (利润|增长5%: a sibling's head takes it)
        if verb is not None and (verb.start() >= 3 or name_part[:verb.start()] in BARE_MEASURES) and numeric:
            cut = verb.start()
            shared = SHARED_TAIL.search(name_part, 0, cut)  # "民间项目投资均增长12%": 均 is the predicate's
            if shared and shared.start() >= 2:
                cut = shared.start()
        elif not numeric:
            shared = SHARED_TAIL.search(name_part)  # "其他主要经济指标均保持两位数增长": 均 is the wording's
            if shared:
                cut = shared.start()
        # (before 分别: 能耗和二氧化碳排放五年累计分别下降…)
        tail = PREDICATE_TAIL.search(name_part, 0, len(name_part) if respectively is None else respectively.start())
        if tail is not None and tail.start() >= 2:
            cut = min(cut, tail.start())
        decline = DECLINE_NAME_END.search(name_part, 0, cut) if numeric else None
        if decline is not None and decline.start() >= 2:
            cut = decline.start()  # "房地产开发投资降幅收窄至5%以内": the size of its fall is the predicate's, as 下降5%以内 is
        pred = k if cut == len(name_part) else lead_end + cut  # where the predicate's words start in the clause
        if respectively is not None:
            cut, pred = min(cut, respectively.start()), min(pred, lead_end + respectively.start())
        name_part = name_part[:cut]
        if name_part.endswith(("：", ":")):
            name_part = name_part[:-1]  # "地区生产总值：增长6%左右": a name stated alone, its colon no part of it
        trail = NAME_TRAIL.search(name_part)
        if trail is not None:
            # "地区生产总值目标增长6%": the words before the verb are the predicate's too
            name_part, pred = name_part[:trail.start()], min(pred, lead_end + trail.start())
        modal = MODAL_TRAIL.search(name_part)
        if modal is not None and modal.start() >= 2:
            # "地区生产总值力争增长7.5%左右": the modality before the verb is the target's, not the name's
            name_part, pred = name_part[:modal.start()], min(pred, lead_end + modal.start())
        name_part = without_bare_total(name_part)  # "地区生产总值总量迈上…": 总量 after an amount's name adds nothing
        name_offset = c_start + lead_end
        if self.pending_names and SHARED.match(clause, lead_end):
            # "交通投资，民间投资，均保持较快增长": the predicate, standing alone, is the names' before it
            target_text = NOTE_TAIL.sub("", clause[lead_end:]).strip()
            parsed = parse_target(target_text)
            if parsed.kind is not None:
                self.emit_pending(target_text, parsed, (c_start + lead_end, c_start + len(clause.rstrip())), modality, year,
                                  alone=len(self.pending_names) == 1)
            self.pending_names = []
            return
        worded: ProseTarget | None = None  # a direction just before, which a rate after it words
        predicate_alone = not name_part.strip() or PREDICATE_TAIL.fullmatch(name_part.strip()) or PREDICATE_VERB.fullmatch(name_part.strip()) \
            or (self.alone is not None and VERB_ONLY.fullmatch(NEW_OR_COUNT_LEAD.sub("", name_part.strip())) is not None)
        if self.alone is not None and predicate_alone:
            # "1.地区生产总值。增长6%左右。": the name stated alone in the sentence before
            pred, name_part, name_offset = lead_end, self.alone[0], self.alone[1]
        elif self.milestone_named is not None and predicate_alone:
            # "地区生产总值迈上新台阶，增长6.5%": the predicate alone is the name's of the clause before, which reached
            # its milestone in words only
            pred, name_part, name_offset = lead_end, self.milestone_named[0], self.milestone_named[1]
        elif self.out and (name_part.strip() or (self.sibling is not None and numeric)) and predicate_alone:
            # "全市生产总值突破300亿元，年均增长8%": a predicate alone speaks of the name before it
            pred, name_part = lead_end, self.out[-1].name
            worded = self.out[-1] if self.out[-1].parsed.kind == "directional" and \
                self.text[self.out[-1].span[1]:c_start] in ITEM_JOINS else None
        if ahead is not None:
            pred = text_start  # (the text keeps them: 累计 says how the years count)
        target_text = NOTE_TAIL.sub("", clause[pred:]).strip()  # "…目标（来源：曲靖日报）": the page's note
        if (name_part.strip() in BARE_TOTALS or (not name_part.strip() and YEAR_LEAD.match(clause))) and self.out:
            name_part = self.out[-1].name  # "…增长8%左右，总量迈上5500亿元新台阶", "…，到2026年突破8000亿元"
        assigned_object = ASSIGNED_OBJECT.search(clause[k:])
        if not name_part.strip() and assigned_object:
            # "全面完成国家、省下达的年度节能减排降碳约束性指标": the indicator is the object assigned
            name_part, name_offset = assigned_object.group(1), c_start + k + assigned_object.start(1)
        if not _is_name(name_part):
            self.pending_names = []
            return
        parsed = parse_target(target_text)
        if parsed.kind is None:
            return
        if worded is not None and parsed.kind == "numeric" and parsed.unit == "%":
            # "固定资产投资止跌回稳，增长3%左右", "…稳中有升、增长5%": the direction is the rate's own wording,
            # one target (a level after a direction, 稳定增长，突破300亿元, is a target of its own)
            self.out.remove(worded)
        span = (c_start + pred, c_start + len(clause.rstrip()))
        names = None
        if SHARED.match(target_text) and self.pending_names:
            # "交通投资，生态环保、城市更新和水利设施投资，高新技术产业投资均增长12%以上": one predicate for all
            self.emit_pending(target_text, parsed, span, modality, year, alone=False)
            names = [(name_part.strip(), 0, len(name_part.strip()))]
        self.pending_names = []
        values = _values(target_text) if parsed.kind == "numeric" else []
        if names is None and respectively:
            split = split_names(name_part.strip(), max(len(values), 2))
            if split and len(split) >= 2:
                self.respectively(split, values, target_text, c_start + pred, (name_offset, name_offset + len(name_part)),
                                  name_part, modality, year)
                return
        # "努力实现城乡居民收入增长与经济增长同步": the modal words govern the whole relation
        whole_relative = parsed.kind == "relative" and bool(MODALITY.search(clause[:lead_end]))
        subjects = names or split_subjects(name_part, and_joins=parsed.kind != "numeric")
        if len(subjects) == 1 and self.sibling is not None and (self.sibling_listed or subjects[0][0].strip() in BARE_MEASURES):
            # "粮食播种面积稳定在50万亩以上，总产量稳定在2亿斤以上": a bare measure after a sibling takes its
            # head; any name an intensity head in a list of 、 (单位GDP能耗下降3%、二氧化碳排放下降4%) — not
            # after a comma (…能耗下降15%，森林覆盖率达到23%: a target of its own)
            name, a, b = subjects[0]
            subjects = [(share_head(self.sibling, name.strip()), a, b)]
        for name, a, b in subjects:
            self.emit(name=name.strip(), text=(clause.strip() if whole_relative else target_text), parsed=parsed,
                      span=span, name_span=(name_offset + a, name_offset + b), modality=modality or parsed.modality,
                      year=year, name_origin="printed" if name.strip() in name_part else "composed")
        if self.parent is None and self.out:
            self.main_name = GROWTH_END.sub("", self.out[-1].name)

    def stretch(self, clause: str, c_start: int) -> bool:
        """"地区生产总值确保增长6.5%、力争7%": a nameless figure striven for right after a target's own,
        in its unit and beyond it, is that target's stretch — its phrase taken into the target's text (the
        figure judged stays the first). The targets of the clause before (one, or a list's) take it."""
        lead = STRETCH_LEAD.match(clause)
        if lead is None or not self.out:
            return False
        figures = _candidates(clause)
        if not figures or figures[0].start != lead.end():
            return False  # (a name between: a target of its own)
        last = self.out[-1]
        end = last.span[1]
        between = self.text[end:c_start]
        if len(between) != 1 or between not in ITEM_JOINS:
            return False
        stretch, first = parse_target(clause.strip()), last.parsed
        if stretch.kind != "numeric" or first.kind != "numeric" or stretch.unit != first.unit \
                or stretch.value is None or first.value is None:
            return False
        beyond = stretch.value < first.value if first.comparator in ("<=", "<") else stretch.value > first.value
        if not beyond:
            return False
        new_end = c_start + len(clause.rstrip())
        for t in reversed(self.out):  # (the clause before's targets: the last ones)
            if t.span[1] != end:
                break
            t.text = self.text[t.span[0]:new_end]
            t.span = (t.span[0], new_end)
        return True

    def upper_bound(self, clause: str, c_start: int) -> bool:
        """"地区生产总值增长6%以上、7%以下" (or …，7%以内): a nameless figure right after a target's lower
        bound, with an upper bound of its own, closes the range the target opened — the grammar reads
        the joined phrase (its LOWER_BOUND_THEN), and the targets of the clause before take the range."""
        if not self.out:
            return False
        last = self.out[-1]
        end = last.span[1]
        between = self.text[end:c_start]
        if last.parsed.comparator != ">=" or len(between) != 1 or between not in ITEM_JOINS:
            return False
        new_end = c_start + len(clause.rstrip())
        joined = parse_target(self.text[last.span[0]:new_end])
        if joined.comparator != "range":
            return False
        for t in reversed(self.out):  # (the clause before's targets: the last ones)
            if t.span[1] != end:
                break
            t.text, t.span, t.parsed = self.text[t.span[0]:new_end], (t.span[0], new_end), joined
        return True

    def emit_pending(self, target_text: str, parsed: ParsedTarget, span: tuple[int, int], modality: str | None,
                     year: int | None, alone: bool) -> None:
        """The bare names waiting for a shared predicate (均增长12%): where commas part them, each
        is one name (交通投资，生态环保、城市更新和水利设施投资，…: a category of its own); one alone
        (``alone``: no other name shares the predicate) is the list, split (工业投资、民间投资，均增长10%以上)."""
        for name, a, b in self.pending_names:
            parts = split_subjects(name, and_joins=parsed.kind != "numeric") if alone else [(name, 0, len(name))]
            for part, pa, pb in parts:
                self.emit(name=part.strip(), text=target_text, parsed=parsed, span=span, name_span=(a + pa, a + pb),
                          modality=modality or parsed.modality, year=year,
                          name_origin="printed" if part.strip() in name else "composed")

    def verb_object(self, clause: str, k: int, c_start: int, year: int | None) -> bool:
        """"…要大幅提高常住人口城镇化率、大幅提高中等收入群体": a direction said before its object names
        the object; each 、-piece is one (a piece whose object is no indicator gives none)."""
        if _has_figure(clause[k:]):
            return False
        pos, found = k, False
        for piece in clause[k:].split("、"):
            m = VERB_OBJECT.fullmatch(piece)
            if m and is_name_like(m.group("obj")):
                a = c_start + pos
                verb = piece[:m.start("obj")]
                self.emit(name=m.group("obj"), text=verb, parsed=parse_target(verb), span=(a, a + len(verb)),
                          name_span=(a + m.start("obj"), a + m.end("obj")), modality=None, year=year)
                found = True
            elif not m:
                return found
            pos += len(piece) + 1
        return found

    def respectively(self, names: list[str], values: list, target_text: str, t_start: int, name_span: tuple[int, int],
                     name_part: str, modality: str | None, year: int | None) -> None:
        """"城乡居民收入分别增长5%和6%": the names in order, each with its value; names left without
        a value take the values of the clauses that follow ("…分别增长7%，8%")."""
        pieces = []
        for i in range(min(len(names), len(values))):
            nxt = values[i + 1] if i + 1 < len(values) else None
            if i == 0:
                piece = TRAILING_JOINER.sub("", target_text[:nxt.start] if nxt is not None else target_text)
                pieces.append((piece, t_start, parse_target(piece)))
            else:
                piece = _value_text(target_text, values[i], nxt)
                pieces.append((piece, t_start + values[i].start, parse_target(piece)))
        # "分别增长7%、10%左右": a bound printed after the last value is the whole list's; one printed before
        # the first value, after 分别, too ("分别不低于5.5%和7%")
        last = pieces[-1][2] if pieces else None
        first_bound = comparator_before(target_text[:values[0].start]) if values else None
        for i, name in enumerate(names):
            if i >= len(pieces):
                self.pending_values.append((name, name_span))
                continue
            piece, a, parsed = pieces[i]
            if last is not None and parsed.comparator == "=" and last.comparator not in ("=", "range"):
                parsed.comparator = last.comparator
            elif first_bound is not None and parsed.comparator == "=":
                parsed.comparator = first_bound
            self.emit(name=name, text=piece, parsed=parsed, span=(a, a + len(piece)), name_span=name_span,
                      modality=modality, year=year, name_origin="printed" if name in name_part else "composed")


def future_openings(text: str) -> Iterator[re.Match]:
    """``FUTURE_OPENING.finditer(text)``, the pattern tried only where a match can start — the text's
    start and after each 。 and line break (its opening: ``^`` or a look-behind for them), found by
    str.find — instead of at every character that can open one (到, 今, 十, “ and spaces: the scan
    tested every character of the text against that set) — and only where the character there can open
    a match (FUTURE_FIRST: most sentences open otherwise)."""
    first = FUTURE_FIRST
    end = len(text)
    starts = [0]
    for mark in "。\n":
        k = text.find(mark)
        while k >= 0:
            if k + 1 < end and (first is None or text[k + 1] in first):
                starts.append(k + 1)
            k = text.find(mark, k + 1)
    starts.sort()  # (two runs in order: merged)
    return matches_at(FUTURE_OPENING, text, starts, end)


def future_lists(text: str, plan_year: int | None, taken: tuple[TargetList, ...]) -> list[TargetList]:
    """Sentences that set targets for a later year (到2025年，…; 今后五年，…年均增长7%左右; “十四五”
    时期，…) outside the year's lists: each dated to the year its opening words name."""
    if plan_year is None:
        return []
    out = []
    for m in future_openings(text):
        start = m.start()
        if any(t.start <= start < t.end for t in taken):
            continue
        end = _sentence_end(text, m.end())
        year = plan_year + 4 if m.group("next") else target_year_in(m.group())
        if year is None or year <= plan_year or not _target_like(text[start:end]):
            continue
        out.append(TargetList(start, end, year))
    return out


def horizon_lists(text: str, horizons: list[tuple[int, int, int]], taken: list[TargetList],
                  looks_back=lambda opening: False) -> list[TargetList]:
    """In a part that plans for a five-year period (an outline's chapters, a report's 十四五
    paragraph), every sentence that states targets (…，到2025年，旅游总收入突破1500亿元；力争…达到…)
    is a list of targets for the period's end, or for the year its own words name (到2035年)."""
    out: list[TargetList] = []
    head = FIRST_LINE.match(text)
    headline = head.end(1) if head and "。" not in head.group(1) and len(head.group(1)) <= 60 else 0
    for start, end, horizon in horizons:
        pos = max(start, headline)  # a headline restates its body ("云南力争2025年GDP达3.5万亿元")
        while pos < end:
            stop = _sentence_end(text, pos)
            stop = min(stop, end)
            sentence = text[pos:stop]
            if sentence.strip() and not any(t.start <= pos < t.end or pos <= t.start < stop for t in taken) \
                    and _states_targets(sentence) and not HEADING.match(sentence) and not DATED_EVENT.search(sentence) \
                    and not looks_back(OPENING_BREAK.split(sentence.lstrip(), maxsplit=1)[0][:40]):
                year = target_year_in(sentence)
                out.append(TargetList(pos, stop, year if year and year >= horizon - 5 else horizon))
            pos = stop + 1
    return out


def extract_prose_targets(text: str, limit: int | None = None, plan_year: int | None = None,
                          tables: tuple[tuple[int, int], ...] = (),
                          horizons: list[tuple[int, int, int]] | None = None,
                          looks_back=lambda opening: False,
                          lists: tuple[TargetList, ...] | None = None,
                          elsewhere: OtherRegions | None = None) -> list[ProseTarget]:
    """The targets stated in prose; ``lists``: :func:`find_target_lists` of the same arguments,
    when the caller has them already; ``elsewhere``: the document's other regions, whose clauses state no target."""
    out: list[ProseTarget] = []
    if lists is None:
        lists = find_target_lists(text, limit, tables)
    later = _outside_tables(future_lists(text, plan_year, lists), tables)
    later += horizon_lists(text, horizons or [], [*lists, *later], looks_back)
    for tl in [*lists, *later]:
        if tl.year is None and tl.ahead and plan_year:
            tl = TargetList(tl.start, tl.end, plan_year + tl.ahead)
        out.extend(_ListReader(text, tl, elsewhere).run())
    return out

"""One clause analysis: the figures a clause states and what each measures.

"全年实现地区生产总值7791亿元，增长7.8%" gives two figures: 地区生产总值 7791 亿元 (a level, the
name printed) and 增长7.8% (growth, the name carried over from the clause before). Targets,
actuals and commitments are views of this analysis: each decides which clauses it reads (by time
and by kind of sentence), the analysis says what the clause states.

Each figure keeps where its name came from (``origin``): ``printed`` in its own clause,
``carried`` over from an earlier clause, or ``composed`` from a list (城乡居民 → 城镇居民, 农村居民).
"""
from __future__ import annotations

from typing import Final, Iterable

import re
from dataclasses import dataclass
from decimal import Decimal

from zhibiao.extract.coordination import share_head, split_names
from zhibiao.extract.tables import is_name_like
from zhibiao.extract.grammar import (ABOUT_AFTER, AT_LEAST_AFTER, AT_MOST_AFTER, BOUND_AFTER, COUNT_WORDS, COUNTERS,
                                     DIRECTION_COMPOUND, MAGNITUDES, SIZED_DIRECTION, MAY_HOLD_CANDIDATE, UNIT_AFTER, UNIT_WORDS, _candidates,
                                     DECLINE_VERB, DECLINE_VERB_ENDS, RELATIVE, bounds_one_range, candidates_among, declines)
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.metadata import KnownLevels, region_level
from zhibiao.extract.numbers import (BARE_MAGNITUDES, CN_CHARS, NumberMatch, _new_tuple, bare_magnitude_lead, find_numbers,
                                     iter_numbers)
from zhibiao.models import Span
from zhibiao.text.scan import alternation, scanner, word_trie


def _alt(*paths: str) -> str:
    """``LEX.alt(*paths)`` written as a trie: the same matches (every use below is a group of its
    own), found without testing each of the words in turn (a name is tried against ~60 verbs)."""
    return word_trie(LEX.words(*paths))


# a footnote's mark ending a name: [1], （注1）, ①, * (the name's figure or its verb follows)
FOOTNOTE_MARK: Final = re.compile(r"(?:[\[［〔【]\s?(?:注\s?)?\d{1,2}\s?[\]］〕】]|[（(]\s?注\s?\d{0,2}\s?[）)]"
                                  r"|(?<![①②③④⑤⑥⑦⑧⑨⑩*＊※])[①②③④⑤⑥⑦⑧⑨⑩*＊※]+)\s*$")
POINTS: Final = re.compile(rf"^\s?(?:{_alt('units.points')})")
# a comparison with another region ("高于全省0.8个百分点", "比全国高…"): its figure is no figure of the
# document's region (actuals blank it; a target list states no target by it)
ELSEWHERE: Final = scanner(rf"(?:{_alt('elsewhere.comparisons')})(?:{_alt('elsewhere.scopes')})"
                           rf"|{_alt('elsewhere.phrases', 'elsewhere.compared')}")
# a clause opening with a wider region's words states that region's figure, not the document's own, by
# the level of the document's region (全国居民消费价格上涨0.2% in a province's report; a county's quotes its
# province and city too: 全省确定今年…增长5.5%左右); a wider rank (全省第一) still speaks of the document's figure
OTHER_REGION: Final = {level: re.compile(rf"^(?:{alternation(words)})") if words else None
                       for level, words in LEX.get("elsewhere.wider_regions").items()}
OTHER_REGION_FIRST: Final = {level: frozenset(w[0] for w in words)  # (what each level's matches open with)
                             for level, words in LEX.get("elsewhere.wider_regions").items()}
LEADING_LINK: Final = re.compile(rf"^(?:{LEX.alt('names.leading_links')})")
LEADING_LINK_FIRST: Final = frozenset(w[0] for w in LEX.words("names.leading_links"))  # (what LEADING_LINK's matches open with)
WIDER_RANK: Final = re.compile(rf"^(?:{LEX.alt('ranks.wider_scopes')})(?:{LEX.alt('ranks.wider_openers')})")
# a region named with a verb setting a figure opening a clause (洛阳市确定增长6%左右): that region's target, quoted
# (a region's name of one to four characters before its ending, none of them a verb of completing: 节能减排完成市…
# and 能耗完成市… are an indicator's words; one only where the registry knows the name, 攸县 — 该县, 各县 are words)
REGION_SETS: Final = re.compile(rf"^(?P<r>(?:(?!{LEX.alt('targets.completed')})[\u4e00-\u9fff]){{1,4}}?"
                                rf"(?:{LEX.alt('documents.region_suffixes')}))(?:{LEX.alt('elsewhere.setting_verbs')})")
# (REGION_SETS's match ends within its first characters — four of a name, a suffix, a verb — and holds a
# verb: a clause whose opening holds none is not asked of the pattern)
SETTING_VERBS: Final = tuple(LEX.words("elsewhere.setting_verbs"))
REGION_SETS_REACH: Final = 4 + max(map(len, LEX.words("documents.region_suffixes"))) + max(map(len, SETTING_VERBS))
REGION_SUFFIX_END: Final = re.compile(rf"(?:{LEX.alt('documents.region_suffixes')})$")
# the level above assigning the document's region a figure, opening a clause (市下达我县地区生产总值增长6.5%，我县确定
#为增长7%左右): the figure the level above set, quoted beside the document's own — no result or task of its own
ASSIGNED_TO_OWN: Final = re.compile(rf"^(?:{LEX.alt('kinds.assigning_bodies')})(?:{LEX.alt('kinds.assigning_verbs')}){{1,2}}给?"
                                    rf"(?:{LEX.alt('names.own_region_words')})")
ASSIGNED_FIRST: Final = frozenset(w[0] for w in LEX.words("kinds.assigning_bodies"))  # (what its matches open with)
REGION_WORDS: Final = frozenset(LEX.words("names.own_region_words", *(f"documents.self_references.{level}"
                                for level in LEX.get("documents.self_references"))))


REGION_WORDS_OPENING: Final = tuple(REGION_WORDS)  # (str.startswith's argument)
LEVEL_RANKS: Final = {"county": 0, "prefecture": 1, "province": 2, "national": 3}


class OtherRegions:
    """Whether a clause's subject is a region other than the document's: the wider region's words for the
    document's level, or a region named setting a figure — a division the registry knows (``known``: its levels,
    handed down from the catalogue) other than the document's, above, beside or below it (洛阳市确定… in 宜阳县's
    report, 宁乡市确定… in 浏阳市's, 浏阳市确定… in 长沙市's); a name it does not know, by its ending, above or
    beside the document's level, not a 区 at it (one of its zones, 产业集聚区; 高新区 below a city's).
    One owner for the results, the targets and the commitments a document states."""

    __slots__ = ("wider", "wider_first", "own", "rank", "known", "own_level")

    def __init__(self, region_name: str | None, may_be_national: bool = False, title: str | None = None,
                 known: KnownLevels | None = None):
        # (the wider region's words by the name's ending — 临湘市 says 全市 of itself; ranks by the level a registry
        # ``known`` gives where it knows the name — 临湘市 a county: 华容县 beside it no part of it)
        level = region_level(region_name)
        self.known = known
        # (a document of unknown region is at least not the country's — unless ``may_be_national``, for the
        # targets and tasks a national document states with 全国…; a region named is its own only where its
        # ``title`` names it: 衡阳市召开新闻发布会… — a news page's region is read from its mentions later)
        self.wider = None if may_be_national and region_name is None else OTHER_REGION.get(level or "province")
        self.wider_first: frozenset[str] = OTHER_REGION_FIRST.get(level or "province", frozenset())
        self.own = REGION_SUFFIX_END.sub("", region_name) if region_name else (title or "")
        self.rank = LEVEL_RANKS.get(region_level(region_name, known) or "", 0)
        self.own_level = known(region_name) if known is not None and region_name else None

    def opens(self, clause: str) -> bool:
        opening = clause.lstrip()
        # (each pattern anchored at the start asked only where the characters its matches need are there)
        rest = LEADING_LINK.sub("", opening) if opening[:1] in LEADING_LINK_FIRST else opening
        if self.wider is not None and rest[:1] in self.wider_first and self.wider.match(rest) \
                and not WIDER_RANK.match(opening):
            return True  # "全国居民消费价格上涨0.2%"
        if rest[:1] in ASSIGNED_FIRST and ASSIGNED_TO_OWN.match(rest):
            return True  # "市下达我县地区生产总值增长6.5%"
        window = rest[:REGION_SETS_REACH]
        named = REGION_SETS.match(rest) if any(v in window for v in SETTING_VERBS) else None
        if named is None or named.group("r") in REGION_WORDS:
            return False  # (全县确定…: the document's own words)
        region = named.group("r")
        level = self.known(region) if self.known is not None else None
        if level is None and len(REGION_SUFFIX_END.sub("", region)) < 2:
            return False  # (该县提出…: a word; 攸县提出… a county the registry knows)
        if level is None:
            # a name no registry knows, below the document's level or a 区 at it: one of its zones (高新区目标… in a
            # city's report, 产业集聚区… in a county's); a division a registry knows is another region wherever
            # it is (浏阳市确定… in 长沙市's report: the county-level city's figure)
            rank = LEVEL_RANKS.get(region_level(region) or "", 0)
            if rank < self.rank or (rank == self.rank and region.endswith("区")):
                return False
        if REGION_SUFFIX_END.sub("", region) not in self.own:
            return True  # "洛阳市确定增长6%左右"
        # (长沙县提出… in 长沙市's report: the short name the document's, the division another)
        return level is not None and self.own_level is not None and level != self.own_level

    def speaks_anew(self, clause: str) -> bool:
        """Does a clause open with a region of its own — the document's words (全县…), or a region named setting
        a figure? One that does not, after a comma, goes on with the region the clause before spoke of (会上，株洲市
        提出地区生产总值增长6.5%，新增就业5万人: 株洲's figures both); ``opens`` is asked first."""
        opening = clause.lstrip()
        rest = LEADING_LINK.sub("", opening) if opening[:1] in LEADING_LINK_FIRST else opening
        if rest.startswith(REGION_WORDS_OPENING):
            return True
        named = REGION_SETS.match(rest)
        return named is not None and (len(REGION_SUFFIX_END.sub("", named.group("r"))) >= 2
                                      or (self.known is not None and self.known(named.group("r")) is not None))


class QuotedRegion:
    """Within a sentence, whether a clause is another region's: one opening with it (洛阳市确定增长6%左右), and
    the clauses after a comma that go on with it (会上，株洲市提出…增长6.5%，新增就业5万人: 株洲's both) until one
    opens with a region of its own (``OtherRegions.speaks_anew``). The targets' and the tasks' readers ask it
    alike; ``elsewhere`` None (a document whose other regions are not looked for): no clause is another's."""

    def __init__(self, elsewhere: OtherRegions | None):
        self.elsewhere = elsewhere
        self.speaking = False  # the clause before spoke of another region

    def reset(self) -> None:
        """A clause after ；, ： or 。: of its own, whoever the clause before spoke of."""
        self.speaking = False

    def quotes(self, clause: str) -> bool:
        if self.elsewhere is None:
            return False
        if self.elsewhere.opens(clause):
            self.speaking = True
        elif self.speaking and self.elsewhere.speaks_anew(clause):
            self.speaking = False
        return self.speaking


POINTS_LIST: Final = scanner(rf"(?:\s*[、和及与]\s*[-−]?\d+(?:\.\d+)?\s*个)*\s*(?:{_alt('units.points')})")
# How far before or after a figure its verbs, comparators, units and qualifiers are looked for: every
# such test is anchored at the figure, and looking no further keeps the work per figure constant
# (a copy of the whole clause per figure made a clause of many figures quadratic).
NEAR: Final = 48
MAX_NAME: Final = 200  # characters before a figure that can be its name (the real ones have under 60)
# how far before a figure its name's printed pieces are looked for (a composed name's too: 城鎮 of
# 城鎮和農村居民…); a bounded window keeps the search linear
NAME_REACH: Final = 300
RANGE_LOW: Final = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[-—–~～至到]\s?$")  # "1—2个": the low end
RANGE_SEPARATORS: Final = frozenset("-—–~～至到")  # (RANGE_LOW's; a space or a newline may follow them)
# (the look-behind: a match starts where a number starts, not at every digit of a long run)
QUALIFIER: Final = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[万亿]?元以上[\u4e00-\u9fff]")
_GROWTH: Final = _alt("measures.growth_verbs")
# (a qualifier right after 人 is part of 人均: "…人均增长5%" is per head, not "人 + 均增长")
GROWTH_VERB: Final = scanner(rf"(?:(?<!人)(?:{_alt('measures.growth_qualifiers')}))*(?:{_GROWTH})(?:了)?(?:分别)?$")
TO_VERB: Final = re.compile(rf"(?:{_alt('measures.to_verbs')})(?:到|至)$")
# (a test of a text's last words is an Ending, not a pattern (?:…)$: the same answer, without
# trying the pattern at every position of the text)
GROWTH_NAME: Final = LEX.ending("measures.growth_names")
DECLINE_NAME: Final = LEX.ending("measures.decline_names")
LEVEL_RATE: Final = LEX.ending("measures.level_rates")
RATIO_NAME: Final = LEX.ending("measures.ratio_names")
RATE_NAME: Final = LEX.ending("measures.rate_names")
INDEX_NAME: Final = LEX.ending("measures.index_names")
PER_MILLE: Final = frozenset(LEX.words("units.per_mille"))
# (or against a year printed, 比2020年增加469.6亿元: a change over years, in any unit — 比2020年增长35% is no year's growth;
# and with its degree against last year's: 比上年少增0.2万人, 多收)
CHANGE_AGAINST_LAST: Final = re.compile(rf"(?:比|较)(?:(?:{_alt('measures.change_bases')})(?:末|底)?"
                                        rf"(?:{_alt('measures.change_verbs')}|(?:{_alt('measures.change_degrees')})(?:{_alt('measures.change_degree_verbs')})?)"
                                        rf"|(?P<year>\d{{4}}\s*年)(?:末|底)?(?:{_alt('measures.change_verbs', 'measures.growth_verbs', 'measures.decline_verbs')}))了?$")
CLASS_AFTER: Final = re.compile(rf"^(?:以上|以下)?(?:{_alt('measures.class_words')})")
ORDINAL_BEFORE: Final = LEX.ending("measures.ordinal_words")
# a currency's base figure: 1美元兑7.17…, 100日元兑4.8… (the currency need be no unit of the lexicon's; the rate
# follows: 5.6亿元兑现到位 is a figure)
EXCHANGE_AFTER: Final = re.compile(rf"[\u4e00-\u9fff]{{0,3}}(?:{_alt('measures.exchange_words')})(?=\s?\d)")
CURRENCY_CHANGE_BEFORE: Final = LEX.ending("measures.currency_changes")
MONTH_ON_MONTH_WORDS: Final = tuple(LEX.words("measures.month_on_month"))  # (a test before the pattern's search)
MONTH_ON_MONTH_BEFORE: Final = re.compile(rf"(?:{_alt('measures.month_on_month')})(?:分别|均)?"
                                          rf"(?:{_alt('measures.growth_verbs', 'measures.decline_verbs')})?了?$")
# a rate's base ending a name (人民币平均汇率为1美元兑): the figure's, not the name's
RATE_BASE_END: Final = re.compile(rf"\d+(?:\.\d+)?[\u4e00-\u9fff]{{1,3}}(?:{_alt('measures.exchange_words')})$")
# how a target states its bound (commitments read as targets: 控制在5% is a ceiling)
TARGET_BEFORE: Final = [(LEX.ending("comparators.at_least_before"), ">="),
                 (LEX.ending("comparators.at_most_before"), "<="),
                 (LEX.ending("comparators.below_before"), "<"),
                 (LEX.ending("comparators.above_before"), ">")]
# (the words of all four: most prefixes end with none, and one test says so)
ANY_TARGET_BEFORE: Final = LEX.ending("comparators.at_least_before", "comparators.at_most_before", "comparators.below_before",
                               "comparators.above_before")
GT_BEFORE: Final = LEX.ending("comparators.above_before")
LT_BEFORE: Final = LEX.ending("comparators.below_before")
APPROX_BEFORE: Final = LEX.ending("comparators.about_before")
COMPARATOR_WORDS: Final = _alt("comparators.above_before", "comparators.below_before", "comparators.about_before",
                        "comparators.reach_words")

# --- names --------------------------------------------------------------------------------
_OWN: Final = _alt("names.own_region_words")
# 将/拟 before a verb (将新增城镇就业…): the plan's intent; before anything else a name's own character (将乐县)
INTENT_LEAD: Final = (rf"(?:{_alt('names.intent_adverbs')})"
                      rf"(?=(?:{_alt('names.new_leads', 'names.inner_verbs', 'names.count_verbs', 'commitments.modality')}))")
LEAD: Final = re.compile(rf"^(?:[一二三四五六七八九十]+是|{_alt('names.leads', 'targets.bullets')}|{_OWN}|{INTENT_LEAD}|"
                  rf"截至\d{{4}}年(?:底|末)|\d{{4}}年?(?:{_alt('names.list_joiners')})(?=\d{{4}})|\d{{4}}年(?:底|末|全年)?"
                  rf"|[“\"]?十[一二三四五六]五[”\"]?(?:时期|期间|以来)?)+")
# (a list of years too, 2024年、2025年全市…: the series after it is one figure a year)
# (and a target's marker and the words setting its figure: 经济增长预期目标定为7.5%左右 names 经济增长)
# (and a verb of the level reached: 税收收入比重回升至 → 税收收入比重, never 比重回 | 升至)
# (and the period a figure is of, after its name: 规模以上工业增加值1—6月累计增长6.9%, …当月增长7.1%, …6月份增长)
TRAIL: Final = scanner(rf"(?:{_alt('names.trails', 'targets.inline_markers', 'targets.set_as')}|(?<!人)均"
                       rf"|(?:{_alt('measures.to_verbs')})[到至]"
                       rf"|(?:1\s*[-—–~～至到]\s*)?(?<!\d)(?:1[0-2]|[1-9])\s*月份?|{_alt('names.leading_periods', 'time.this_month')})+$")
# the words each pattern anchored at the end can end with (a cheap test before the search)
TRAIL_LAST: Final = (*LEX.words("names.trails", "targets.inline_markers", "targets.set_as", "names.leading_periods",
                                "time.this_month"), "均", "到", "至")
GROWTH_VERB_LAST: Final = (*LEX.words("measures.growth_verbs"), "了", "分别")
FOOTNOTE_CLOSERS: Final = frozenset("]］〕】）)①②③④⑤⑥⑦⑧⑨⑩*＊※")


def _last_characters(*word_lists) -> frozenset[str]:
    """The characters the words end with: testing a text's last character against them is cheaper
    than ``str.endswith`` with every word (~40 against ~200 ns for a hundred words)."""
    return frozenset(w[-1] for words in word_lists for w in words)


TRAIL_ENDS: Final = _last_characters(TRAIL_LAST)
GROWTH_VERB_ENDS: Final = _last_characters(GROWTH_VERB_LAST)
COMPARATOR_ENDS: Final = _last_characters(LEX.words("comparators.above_before", "comparators.below_before",
                                             "comparators.about_before", "comparators.reach_words"))  # (COMPARATOR_END's)
CHANGE_ENDS: Final = _last_characters(LEX.words("measures.change_verbs", "measures.growth_verbs", "measures.decline_verbs",
                                                 "measures.change_degrees", "measures.change_degree_verbs"),
                                      ["了"])  # (what CHANGE_AGAINST_LAST's matches end with)
INCREMENT_ENDS: Final = _last_characters(LEX.words("names.increment_verbs"), ["了", "约", "近"])  # (…and INCREMENT_BEFORE's)
TO_ENDS: Final = frozenset("到至")  # (…and TO_VERB's)
EXCHANGE_ENDS: Final = _last_characters(LEX.words("measures.exchange_words"))  # (…and RATE_BASE_END's)
POINTS_FIRST: Final = frozenset(w[0] for w in LEX.words("units.points"))  # (what POINTS's match opens with, past a space)
MORE_FIRST: Final = frozenset(["万", "亿", "千"] + [w[0] for w in LEX.words("comparators.more_after")])  # (…and MORE_THAN's)


def _may_end_with(text: str, last_characters: frozenset[str]) -> bool:
    """Whether a pattern anchored at the end (``…$``), whose matches end with one of
    ``last_characters``, can match ``text`` (its ``$`` also matches before a final newline): a test
    of the text's end before a search that tries the pattern at every position."""
    end = text[-1:]
    return end in last_characters or end == "\n"
def _first_characters(*word_lists) -> frozenset[str]:
    """The characters the words start with: a match anchored at a text's start (``match``, ``^``) of
    a pattern whose matches open with one of the words needs the text to open with one of them
    (a set test, ~40 ns, against the ~0.5 µs of calling the pattern)."""
    return frozenset(w[0] for words in word_lists for w in words)


VERB_ONLY: Final = re.compile(rf"^(?:{_alt('names.verb_prefixes')})?(?:{_alt('names.verbs_only')})?$")
PREPOSITION: Final = re.compile(rf"^(?:{_alt('names.prepositions')}|"
                         r"在(?!建|校|岗|园(?!区)|库|职|册|线|营|读|网)|对(?!外|口)|其(?!他)|比(?![重例率值])|较(?!大|快|高|低))")
# what a match of each pattern above can open with (DIGITS: a \d, asked with str.isdecimal)
VERB_ONLY_FIRST: Final = _first_characters(LEX.words("names.verb_prefixes", "names.verbs_only"))
PREPOSITION_FIRST: Final = _first_characters(LEX.words("names.prepositions"), "在对其比较")
COUNT_VERBS: Final = _alt("names.count_verbs")
BARE_TOTALS: Final = frozenset(LEX.words("names.bare_totals"))
PER_HEADS: Final = LEX.words("names.per_heads")
MILESTONE_BEFORE: Final = LEX.ending("comparators.milestone_verbs")
# what the words of the five Endings asked of a list's prefix end with (a newline: their $), and whether one of
# them is empty (it ends any prefix)
_PREFIX_ENDINGS: Final = (MILESTONE_BEFORE, ANY_TARGET_BEFORE, GT_BEFORE, LT_BEFORE, APPROX_BEFORE)
PREFIX_WORD_ENDS: Final = frozenset().union(*(e.last for e in _PREFIX_ENDINGS), ["\n"])
PREFIX_ANY_END: Final = any(e.empty for e in _PREFIX_ENDINGS)
MILESTONE_AFTER: Final = re.compile(rf"^\s?(?:以上)?(?:的)?新?(?:{_alt('comparators.milestone_nouns')})")
INCREMENT_BEFORE: Final = re.compile(rf"(?<![新])(?:{_alt('names.increment_verbs')})了?(?:约|近)?$")
CHROME_END: Final = LEX.ending("names.chrome_words")
NAME_UNITS: Final = frozenset(LEX.words("units.name_units"))
COUNTER_WORDS: Final = tuple(COUNTERS)  # (for str.endswith)

# patterns of the functions below, compiled once
# a Chinese numeral of two characters or more (what _counts_a_figure requires) is a run of two
CHINESE_NUMERAL_RUN: Final = scanner(f"[{CN_CHARS}]{{2}}")
WORD_OR_QUOTE: Final = re.compile(r"[\u4e00-\u9fff“]")
BOUND_WORD: Final = re.compile(BOUND_AFTER)
LEADING_MARKS: Final = re.compile(r"^[\s、，,—\-·]+")
# a list item's number before its words (1.地区生产总值 / （2）实施重点项目 / 三、…): no part of the name;
# a decimal (1.5级) is none
ITEM_NUMBERING: Final = re.compile(r"^(?:\d{1,2}[.、．](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]+)[）)]|[一二三四五六七八九十]+[、.．])\s*")
ITEM_NUMBERING_FIRST: Final = frozenset("（(一二三四五六七八九十")  # (and a digit: what a match starts with)
# (and a month's end, 12月末 too: a time, the year's state — never the name's)
LEADING_PERIOD: Final = re.compile(rf"^(?:{_alt('names.leading_periods')}|1\s*[-—–~～至到]\s*\d{{1,2}}\s*月"
                                   rf"|(?:1[0-2]|[1-9])\s*月(?:{_alt('time.month_ends')}))[，,]?")
LEADING_PLACE: Final = re.compile(rf"^(?!{_alt('names.year_ends')}|全年)[\u4e00-\u9fff]{{2,3}}(?:{_alt('names.place_scopes')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
YEAR_END_PLACE: Final = re.compile(rf"^({_alt('names.year_ends')})(?:{_alt('names.year_end_scopes')})")
YEAR_ENDS: Final = LEX.words("names.year_ends")
LEAD_FIRST: Final = _first_characters(LEX.words("names.leads", "names.own_region_words", "targets.bullets", "names.intent_adverbs"), "一二三四五六七八九十截“\"")  # (and a digit)
CLASS_AFTER_FIRST: Final = _first_characters(["以"], LEX.words("measures.class_words"))
BOUND_FIRST: Final = _first_characters(LEX.words("comparators.at_least_after", "comparators.at_most_after",
                                                 "comparators.about_after"))  # (BOUND_WORD's)
JOINER_ENDS: Final = frozenset("和及、")  # (what JOINER_END's matches end with)
LEADING_MARK_CHARS: Final = frozenset("、，,—-·")  # LEADING_MARKS's characters but \s (str.isspace: the same)
LEADING_PERIOD_FIRST: Final = frozenset([w[0] for w in LEX.words("names.leading_periods")] + list("123456789"))  # what a match of LEADING_PERIOD starts with
LEADING_PLACE_WORD_FIRST: Final = frozenset(w[0] for w in LEX.words("names.place_scopes"))  # …and of the word at index 2 or 3 of LEADING_PLACE
INNER_VERB_WORDS: Final = tuple(LEX.words("names.inner_verbs"))  # (a test before INNER_VERB, whose look-behind is tried everywhere)
ADVERB_VERB: Final = re.compile(rf"^(?:{_alt('names.verb_adverbs')})(?:{_alt('names.inner_verbs')})(?=[\u4e00-\u9fff]{{2}})")
INNER_VERB: Final = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{_alt('names.inner_verbs')})(?=[\u4e00-\u9fff]{{2}})")
UNCLOSED_BRACKET: Final = re.compile(r"[（(][^）)]*$")
FROM_FIGURE_END: Final = re.compile(r"(?:从|由)[^从由]*\d[^从由]*$")
_MORE: Final = _alt("comparators.more_after")  # 3500余万人次, 4万多亿元: more than
MORE_THAN: Final = re.compile(rf"([万亿千]?)(?:{_MORE})")
MORE_WORD: Final = re.compile(_MORE)
RATIO_VERB_END: Final = re.compile(rf"(?:{_alt('measures.ratio_verbs')})?(?:至|到|为|达)?$")
INDEX_OR_RATE_IS: Final = re.compile(r"(?:指数(?:为|达|达到)?|率(?:为|是|达|达到))$")
WORD_OR_QUOTES: Final = re.compile(r"^[\u4e00-\u9fff“”]")
# (the figure changed from may print its own direction: 由上年的下降2.1%转为增长5.6% — last year's fall, no result)
_CHANGE_VERB: Final = _alt("measures.growth_verbs", "measures.decline_verbs")
FROM_BEFORE: Final = re.compile(rf"(?:从|由)(?:(?:\d{{4}}年|{_alt('measures.change_bases')})(?:底|末)?的?|人均|每人每年|每人每月|每人)?"
                                rf"(?:{_CHANGE_VERB})?$")
TO_BETWEEN: Final = re.compile(rf"(?:(?:到|至)(?:\d{{4}}年(?:底|末)?的?)?|(?:{_alt('measures.turn_verbs')})(?:{_CHANGE_VERB})?)$")
LIST_JOINER: Final = scanner(rf"\s*(?:(?:{_alt('comparators.at_least_after', 'comparators.about_after')})\s*)?(?:{_alt('names.list_joiners')})\s*")
TWO_LETTERS: Final = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")


def two_letters(text: str) -> bool:
    """``TWO_LETTERS.search(text) is not None``, read a character at a time: a name's first two
    characters most often answer, and a pattern's call costs more than the whole name's reading."""
    run = 0
    for c in text:
        o = ord(c)  # (compared as a number: a comparison of strings is a call)
        if 0x4E00 <= o <= 0x9FFF or 65 <= o <= 90 or 97 <= o <= 122:
            run += 1
            if run == 2:
                return True
        else:
            run = 0
    return False
CUMULATIVE_ONLY: Final = re.compile(rf"[、，,\s]*累计(?:{_alt('names.cumulative_verbs')})?")
NEW_LEAD: Final = re.compile(r"^新增")
COUNT_TAIL: Final = re.compile(rf"(?:{_alt('names.count_tails')})$")
NEW_OR_COUNT_LEAD: Final = re.compile(rf"^(?:{_alt('names.new_leads')}|{COUNT_VERBS})+")
SHORT_PAREN: Final = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[）)]")
OPEN_PARENS: Final = frozenset("（(")  # (what SHORT_PAREN opens with: a test before the match)
CLOSE_PARENS: Final = frozenset("）)")
COMPARATOR_END: Final = scanner(rf"(?:{COMPARATOR_WORDS})+$")
MORE_AFTER: Final = scanner(rf"[万亿千]?(?:{_MORE})")
DIGIT: Final = re.compile(r"\d")
JOINER_END: Final = re.compile(r"[和及、]$")
WORDS_AFTER: Final = re.compile(r"[\u4e00-\u9fff“]{2,}")
LIST_HEAD_VERB: Final = re.compile(rf"^({_alt('names.list_head_verbs')})?")
ETC_WORD: Final = re.compile(_alt("names.etc_words"))


def list_etc(name: str) -> int:
    """Where the last 等 that ends a list stands in a name ("专项债、特别国债等资金支持"), -1 where
    none does (等 inside a word: 具有资质等级的…, 高等教育)."""
    inside = {m.start() + k for m in ETC_WORD.finditer(name) for k, c in enumerate(m.group()) if c == "等"}
    k = name.rfind("等")
    while k >= 0 and k in inside:
        k = name.rfind("等", 0, k)
    return k
BUILD_VERB_END: Final = LEX.ending("names.build_verbs")
COUNT_LEAD: Final = re.compile(rf"^(?:{COUNT_VERBS})+")
TWO_HAN: Final = re.compile(r"[\u4e00-\u9fff]{2}")
# (a name may end with a digit only as a term of letters and digits does: 广义货币M2, PM2.5, PM10)
NOT_IN_A_NAME: Final = scanner(r"[>|/\\±]|\d{4}年|(?<![A-Za-z])(?<![A-Za-z]\d)(?<![A-Za-z]\d\.)\d$")


@dataclass
class Figure:
    """A figure in a clause and what it measures; offsets are within the clause."""

    name: str
    measure: str
    text: str
    comparator: str
    value: Decimal
    unit: str | None
    start: int
    end: int
    own: bool = True  # named in its own clause (not carried over from the clause before)
    increment: bool = False  # "净增4.6万户", "增加2380元": a change of the named indicator

    # (written out: compiled, a dataclass's generated __init__ runs as plain Python, called with a dict
    # of its arguments; this one is compiled and called directly — __eq__ and __repr__ stay generated)
    def __init__(self, name: str, measure: str, text: str, comparator: str, value: Decimal, unit: str | None,
                 start: int, end: int, own: bool = True, increment: bool = False):
        self.name, self.measure, self.text, self.comparator, self.value = name, measure, text, comparator, value
        self.unit, self.start, self.end, self.own, self.increment = unit, start, end, own, increment


def figure_candidates(text: str, numbers: tuple[NumberMatch, ...] | None = None) -> list:
    """The grammar's candidate numbers, plus Chinese numerals counting things where they state a
    figure ("新增规上工业企业一百二十家。"), not a name ("三个“一号工程”", "十项重大工程").
    ``numbers``: the text's numbers when they were read already (a clause's, from its sentence's:
    :func:`numbers_within`); then no pre-test is needed, every candidate being one of them."""
    if numbers is None:
        if not MAY_HOLD_CANDIDATE.search(text):
            return []  # (no candidate, and no numeral counting things: both need what this looks for)
        cands = list(candidates_among(text))
        if not CHINESE_NUMERAL_RUN.search(text):
            return cands  # (a numeral counting things has two characters or more)
        numbers = find_numbers(text)
    else:
        if not numbers:
            return []
        cands = list(candidates_among(text, numbers))
        if not any(n.chinese and n.end - n.start >= 2 for n in numbers):
            return cands  # (the same test on the numbers themselves)
    have = {(c.start, c.end) for c in cands}
    for n in numbers:
        if (n.start, n.end) not in have and _counts_a_figure(text, n):
            cands.append(n)
    return sorted(cands, key=lambda c: c.start)


def _counts_a_figure(text: str, n: NumberMatch) -> bool:
    """A Chinese numeral the grammar leaves out that counts things as a figure (一百二十家。)."""
    if not n.chinese or n.fraction or n.end - n.start < 2 or n.value < 10:
        return False
    unit = UNIT_AFTER.match(text, n.end)
    if not unit or unit.group().strip() not in COUNT_WORDS:
        return False
    after = text[unit.end():]
    return not (WORD_OR_QUOTE.match(after) and not BOUND_WORD.match(after))


def first_figure(text: str, numbers: tuple[NumberMatch, ...] | None = None) -> NumberMatch | None:
    """The first of :func:`figure_candidates`, or ``None``, without finding the others (what
    decides a sentence's time is the words before its first figure). ``numbers``: the text's
    numbers, all of them, when they were read already (the caller then knows the text passes
    ``MAY_HOLD_CANDIDATE``; were it not to, no number would be a candidate anyway)."""
    if numbers is None:
        if not MAY_HOLD_CANDIDATE.search(text):
            return None  # (most sentences: a heading such as （一）…, or no figure at all)
        numbers = tuple(iter_numbers(text))
    first = next(candidates_among(text, numbers), None)
    # a numeral counting things before the grammar's first candidate comes first (numbers are in
    # order, and none before the first candidate is one of the candidates)
    for n in numbers:
        if first is not None and n.start >= first.start:
            break
        if _counts_a_figure(text, n):
            return n
    return first


# A thousands comma between digits ("1,234") may be where a sentence's clauses split (at ","): its
# numbers are then not those of its clauses read one by one.
DIGIT_COMMA_DIGIT: Final = re.compile(r"\d,\d")


def numbers_within(numbers: tuple[NumberMatch, ...], start: int, end: int) -> tuple[NumberMatch, ...]:
    """The numbers of ``text[start:end]``, offsets within it, from ``numbers``, all the numbers of
    ``text``: the same as :func:`find_numbers` of the slice where no number of ``text`` crosses
    ``start`` or ``end`` and the characters there end no number (a clause of a sentence without a
    thousands comma between digits: the separator before it is none of the characters a number's
    look-behind refuses, and none a number can go on with)."""
    if start == 0 and (not numbers or numbers[-1].end <= end):
        return numbers
    return tuple([_new_number((n.value, n.start - start, n.end - start, n.fraction, n.chinese))
                  for n in numbers if start <= n.start and n.end <= end])


def _new_number(fields: tuple) -> NumberMatch:
    return _new_tuple(NumberMatch, fields)  # (NumberMatch made by the tuple's own constructor, as in numbers.py)


# a duration between a name and its figure is the predicate's (粮食总产量|连续5年稳定在100万吨以上)
NAME_DURATION: Final = re.compile(rf"(?:{_alt('names.duration_leads')})[\d一二两三四五六七八九十]+(?:{_alt('names.duration_units')})$")
NAME_DURATION_ENDS: Final = _last_characters(LEX.words("names.duration_units"))


# a bare total after an amount's name (地区生产总值总量迈上…), not after an activity's (主要污染物排放总量)
BARE_TOTAL_ENDS: Final = _last_characters(LEX.words("names.bare_totals"))  # (what AMOUNT_TOTAL's matches end with)
AMOUNT_TOTAL: Final = re.compile(rf"(?<=..)(?:{_alt('names.amount_ends')})(?P<total>{_alt('names.bare_totals')})$")


def without_bare_total(name: str) -> str:
    """``name`` without a bare total that adds nothing to it: 地区生产总值总量 is 地区生产总值, while
    主要污染物排放总量 and 人才资源总量 name the amount itself."""
    total = AMOUNT_TOTAL.search(name) if name[-1:] in BARE_TOTAL_ENDS else None
    return name[:total.start("total")] if total else name


# a year between a name and its verb is the figure's time (地区生产总值2025年达到…, …截至2025年底达到…) or the
# year it is compared with (地区生产总值比2020年增加…), never the name's
# (its 年底 may be gone already: a trail's word)
# (or a list of years, 地区生产总值2024年和2025年分别增长…: one each of the series after it)
NAME_YEAR_END: Final = re.compile(rf"(?:{_alt('time.by_year', 'time.compared_year_before')})?(?<![\dA-Za-z.])"
                                  rf"(?:(?:19|20)\d\d\s*年?\s*(?:{_alt('names.list_joiners')})\s*)*(?:19|20)\d\d"
                                  rf"(?:\s*年(?:{_alt('time.year_parts')})?)?$")
NAME_YEAR_ENDS: Final = _last_characters(["年"], LEX.words("time.year_parts"), "0123456789")  # (what NAME_YEAR_END's matches end with)


PER_HEAD_ENDS: Final = _last_characters(PER_HEADS)
# every character a step of _name_before's loop acts on ending a name (each step's own set, and 人均's)
NAME_STRIP_ENDS: Final = FOOTNOTE_CLOSERS | PER_HEAD_ENDS | TRAIL_ENDS | DECLINE_VERB_ENDS | GROWTH_VERB_ENDS | NAME_DURATION_ENDS | NAME_YEAR_ENDS


def _name_before(clause: str, pos: int) -> str:
    """The indicator named before the figure at ``pos``: the clause's words up to it, without the
    verbs and adverbs that introduce a figure."""
    name = clause[max(0, pos - MAX_NAME):pos]
    if name.rstrip()[-1:] in FOOTNOTE_CLOSERS:  # (a footnote mark ends the words, spaces aside)
        name = FOOTNOTE_MARK.sub("", name)  # 地区生产总值（GDP）[1]1412.50亿元: a footnote marker glued to the figure
    # (each substitution anchored at the start is tried only where the first characters its
    # matches need are there; the first character is sliced again only where the name changed)
    first = name[:1]
    if first in LEADING_MARK_CHARS or first.isspace():
        name = LEADING_MARKS.sub("", name)
        first = name[:1]
    if first in ITEM_NUMBERING_FIRST or first.isdecimal():
        name = ITEM_NUMBERING.sub("", name)
        first = name[:1]
    lead = LEAD.match(name) if first in LEAD_FIRST or first.isdecimal() else None
    if lead:
        name = name[lead.end():]
        first = name[:1]
    if first in LEADING_PERIOD_FIRST:
        name = LEADING_PERIOD.sub("", name)
        # (LEAD is a greedy repeat: on words it has already stripped it matches nothing again, so
        # it is tried again only after a period was removed)
        first = name[:1]
        lead = LEAD.match(name) if first in LEAD_FIRST or first.isdecimal() else None
        if lead:
            name = name[lead.end():]
    # "江苏全省GDP", "济南去年GDP": a place named before the indicator
    if not LEADING_PLACE_WORD_FIRST.isdisjoint(name[2:4]):
        name = LEADING_PLACE.sub("", name)
    if name.startswith(YEAR_ENDS):
        name = YEAR_END_PLACE.sub(r"\1", name)
    if name[-1:] in EXCHANGE_ENDS:
        name = RATE_BASE_END.sub("", name)  # "人民币平均汇率为1美元兑": the rate's base is the figure's
    # "规模以上工业企业实现利润总额": the verb inside is not part of the indicator
    if any(w in name for w in INNER_VERB_WORDS):  # (str's search: a pattern's call costs more than the words' tests)
        name = ADVERB_VERB.sub("", name)  # "实际完成固定资产投资": the verb's adverb goes with it
        name = INNER_VERB.sub("", name)
    # (each pattern below is tried only where its last word or character is present: a pattern
    # anchored at the end is otherwise tried at every position of a name of up to 200 characters;
    # the last character is sliced again only where the name changed)
    for _ in range(3):
        before = name
        last = name[-1:]
        bracket = "（" in name or "(" in name
        origin = "从" in name or "由" in name
        if not (bracket or origin) and last not in NAME_STRIP_ENDS:
            break  # (no step below can change it: each needs its last character, a bracket or 从/由)
        if last in FOOTNOTE_CLOSERS:  # 地区生产总值[1]完成…, …增加值①比上年增长: the mark before the verb just taken off
            name = FOOTNOTE_MARK.sub("", name)
            last = name[-1:]
        if last in PER_HEAD_ENDS and name.endswith(PER_HEADS) and name[:-2].endswith(TRAIL_LAST):
            name = name[:-2]  # "补助标准增加到人均280元": 人均 qualifies the figure
            last = name[-1:]
        if last in TRAIL_ENDS:
            name = TRAIL.sub("", name)
            last = name[-1:]
        # (a decline first: 负增长 ends with a growth verb, and 负 is no part of the name)
        if last in DECLINE_VERB_ENDS:
            name = DECLINE_VERB.sub("", name)
            last = name[-1:]
        if last in GROWTH_VERB_ENDS:
            name = GROWTH_VERB.sub("", name)
            last = name[-1:]
        if bracket and ("（" in name or "(" in name):
            name = UNCLOSED_BRACKET.sub("", name)  # an unclosed bracket belongs to the figure
            last = name[-1:]
        if origin and ("从" in name or "由" in name):
            name = FROM_FIGURE_END.sub("", name)  # "城镇化率从47.5%提高到": the figure left behind
            last = name[-1:]
        if last in NAME_DURATION_ENDS:
            name = NAME_DURATION.sub("", name)  # "粮食总产量连续5年稳定在…": how long, not what
            last = name[-1:]
        if last in NAME_YEAR_ENDS:
            timeless = NAME_YEAR_END.sub("", name)
            if two_letters(timeless):  # (据2021年: no name left, the words are no indicator's)
                name = timeless
        if name == before:
            break  # nothing more to strip
    return name.strip(" 、，,")


def _increment_before(clause: str, start: int) -> bool:
    """Does a change verb stand just before the figure at ``start`` ("净增4.6万户")? (INCREMENT_BEFORE
    opens with a look-behind: tried at every position of the clause before it unless its end fits)"""
    words = clause[:start]
    return _may_end_with(words, INCREMENT_ENDS) and bool(INCREMENT_BEFORE.search(words))


def _range_low(clause: str, start: int):
    """RANGE_LOW's match just before the figure at ``start`` ("1—2个": 1—), or ``None``; looked for only
    when the character before the figure can end one (a separator or a space: its look-behind makes
    the pattern tried at every position of the window)."""
    if start and (clause[start - 1] in RANGE_SEPARATORS or clause[start - 1].isspace()):
        return RANGE_LOW.search(clause, max(0, start - NEAR), start)
    return None


def _unit_at(clause: str, n: NumberMatch) -> tuple[str | None, int]:
    if n.fraction:
        return n.fraction, n.end
    more = MORE_THAN.match(clause[n.end:n.end + 2]) if clause[n.end:n.end + 1] in MORE_FIRST else None
    if more:
        m = UNIT_AFTER.match(clause, n.end + more.end())  # "3500余万人次", "4万多亿元"
        if m:
            return more.group(1) + m.group().strip(), m.end()
    m = UNIT_AFTER.match(clause, n.end)
    if not m:
        return None, n.end
    return m.group().strip(), m.end()


def clause_figures(clause: str, last_name: str | None = None, last_names: list[str] | None = None,
                   as_target: bool = False, numbers: tuple[NumberMatch, ...] | None = None) -> tuple[list[Figure], str | None]:
    """Every figure a clause states, each with the name of what it measures ("全年实现地区生产总值
    7791亿元" -> 地区生产总值, 7791 亿元), and the last name seen (a clause like "增长7.8%" that
    names nothing speaks of the one before; "…80392元、48825元，分别增长5.0%、6.4%" speaks of the
    names of the list before, ``last_names``). ``numbers``: the clause's numbers when they were read
    already (:func:`numbers_within` its sentence's)."""
    candidates = figure_candidates(clause, numbers)
    if not candidates:
        return [], last_name  # (nothing below reads a clause without figures)
    out: list[Figure] = []
    figures: list[tuple[NumberMatch, str | None, int]] = []  # (number, unit, where the unit ends; typed: read natively)
    changes: list[tuple[int, int]] = []  # (where 比上年… starts, where its figure ends): changes skipped
    changed_name = None  # the name a change of this clause gave the figures after it
    named_before = list(last_names or [])  # the names of the figures before, this clause's included
    quoted = "“" in clause
    month_on_month = -1  # where the last figure against the month before ends
    for n in candidates:
        if not EXCHANGE_ENDS.isdisjoint(clause[n.end:n.end + 4]) and EXCHANGE_AFTER.match(clause, n.end):
            continue  # 1美元兑7.1680元: the base of an exchange rate, not a figure
        unit, unit_end = _unit_at(clause, n)
        after = clause[unit_end:unit_end + NEAR]
        before_n = clause[max(0, n.start - NEAR):n.start]
        if unit in MAGNITUDES and MORE_WORD.match(after):
            continue  # "4万多": the unit is missing
        change = CHANGE_AGAINST_LAST.search(before_n) if _may_end_with(before_n, CHANGE_ENDS) else None
        if change is not None and unit == "%" and change.group("year") is None:
            change = None  # 比上年增长5%: the year's growth
        if change:
            # "比上年末增加1.1万人": a change against last year, not a level (its words name the indicator)
            changes.append((n.start - len(before_n) + change.start(), unit_end))
            continue
        next_char = clause[n.end:n.end + 1]
        if ((next_char in POINTS_FIRST or next_char.isspace()) and POINTS.match(clause[n.end:n.end + NEAR])) or (unit == "倍") or (
                unit == "个" and POINTS_LIST.match(clause[unit_end:unit_end + NEAR])):
            continue  # 提高3个百分点, 增长1.2倍, 分别拉动0.1个、5.0个和2.9个百分点: points or a multiple
        if unit is None and not n.chinese and RATIO_NAME.search(
                RATIO_VERB_END.sub("", before_n)):
            figures.append((n, None, n.end))  # 城乡收入比缩小至1.65: a ratio has no unit
            continue
        if unit is None and not n.chinese and INDEX_OR_RATE_IS.search(before_n):
            figures.append((n, None, n.end))  # 制造业高质量发展指数为89.1, …生产安全事故死亡率为0.021
            continue
        if unit is None or unit in ("年", "岁"):
            continue
        if after[:1] in CLASS_AFTER_FIRST and CLASS_AFTER.match(after) and not (MILESTONE_AFTER.match(after) and MILESTONE_BEFORE.search(clause[:n.start])):
            continue  # "10亿元级产业链", "万亿大关", "50强": a class, not a figure
        if unit == "条" and before_n.endswith("新"):
            continue  # "民间投资新36条": a policy's name
        if unit in NAME_UNITS and WORD_OR_QUOTES.match(after):
            continue  # "15分钟公共服务圈", "民营经济33条": part of a name
        if before_n.endswith("等"):
            continue  # "…工矿、农业等9个重点领域": the count of a list just printed, not a figure
        if "±" in before_n and before_n.rstrip().endswith("±"):
            continue  # "±800千伏": a rating inside a name
        if quoted and clause.count("“", 0, n.start) > clause.count("”", 0, n.start):
            continue  # inside quotation marks: a name such as “5+1”
        if ORDINAL_BEFORE.search(before_n):
            continue  # 第2位, 前1%, 每1000人口, 连续2次: an ordinal, a base or a frequency, not a figure
        if CURRENCY_CHANGE_BEFORE.search(before_n):
            continue  # 比上年升值0.4%: a currency's value against another, no growth of the rate
        if (month_on_month >= 0 and LIST_JOINER.fullmatch(clause, month_on_month, n.start)) or (
                any(w in before_n for w in MONTH_ON_MONTH_WORDS) and MONTH_ON_MONTH_BEFORE.search(before_n)):
            month_on_month = unit_end  # (a list after it shares its words: 环比分别增长2.4%、1.1%)
            continue  # 环比增长0.6%: against the month before, no growth of the year's
        figures.append((n, unit, unit_end))
    # "年经营性收入80万元、100万元以上行政村": a figure listed with a qualifier is a qualifier too
    if "元以上" in clause:  # (what every QUALIFIER holds: its pattern is tried at every position)
        qualifier_at = {m.start() for m in QUALIFIER.finditer(clause)}
        figures = [f for f in figures if not (clause[f[2]:f[2] + 1] == "、" and f[2] + 1 in qualifier_at)]
    # "从3.16万亿元增加到8.31万亿元", "由46.9%提高到48.2%": only the figure reached is a result
    kept: list[tuple[NumberMatch, str | None, int]] = []
    for i, f in enumerate(figures):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt and FROM_BEFORE.search(clause[max(0, f[0].start - NEAR):f[0].start]) and \
                TO_BETWEEN.search(clause[f[2]:nxt[0].start]):
            continue
        kept.append(f)
    figures = kept
    # "1—2个": at least the low end (its value, where its words start); so are the two ends of a range
    # each figure prints ("增长6%以上、7%以下", "6%和7%之间"): one figure, the low end's
    ranged: list[tuple[Decimal, int] | None] = []
    for f in figures:
        low = _range_low(clause, f[0].start)
        ranged.append((Decimal(low.group(1)), low.start()) if low is not None else None)
    if len(figures) > 1:
        keep = [True] * len(figures)
        for k in range(1, len(figures)):
            lo, hi = figures[k - 1], figures[k]
            if lo[1] == hi[1] and hi[0].value > lo[0].value and bounds_one_range(clause, lo[2], hi[0].start, hi[2]):
                keep[k - 1], ranged[k] = False, (lo[0].value, lo[0].start)
        if not all(keep):
            figures = [f for f, kept_ in zip(figures, keep) if kept_]
            ranged = [r for r, kept_ in zip(ranged, keep) if kept_]
    if not figures:
        return out, _named_by_changes(clause, changes, 0, len(clause), last_name)

    # Figures joined by 、/和 form a list sharing one printed name, measure and comparator.
    groups: list[list[int]] = [[0]]
    for k in range(1, len(figures)):
        between = clause[figures[k - 1][2]:figures[k][0].start]
        if LIST_JOINER.fullmatch(between):  # (no two \s* side by side)
            groups[-1].append(k)
        else:
            groups.append([k])

    consumed = 0
    for g_index, group in enumerate(groups):
        first = figures[group[0]]
        prev_end = figures[groups[g_index - 1][-1]][2] if g_index else 0
        prev_end = max(prev_end, min(consumed, first[0].start))  # "4个核心区、3个协同区": 核心区 was counted
        if changes:
            # "5G基站总数比上年增加500个、达到3000个": the figure after a change is the indicator's level
            named = _named_by_changes(clause, changes, prev_end, first[0].start, last_name)
            if named != last_name:
                last_name = changed_name = named  # (printed in this clause: the figure's own name)
            prev_end = max([prev_end] + [end for start, end in changes if prev_end <= start and end <= first[0].start])
        low = ranged[group[0]]
        before = clause[prev_end:low[1] if low else first[0].start]  # "试点1—2个": the name ends before 1—
        prefix = before.rstrip()[-NEAR:]  # the verbs and comparators just before the figure
        if prefix[-1:] in OPEN_PARENS and clause[figures[group[-1]][2]:figures[group[-1]][2] + 1] in CLOSE_PARENS:
            prefix = prefix[:-1].rstrip()  # 增长（-2.3%）: a figure in brackets after its verb is the verb's
        own_name = _name_before(before, len(before))
        if own_name and (CONDITION_END.search(own_name) or (own_name[:1] in BASIS_FIRST and BASIS.fullmatch(own_name))):
            own_name = ""  # "…，扣除价格因素后实际增长4.8%", "按自然口径下降2.3%": a condition, the indicator carried
        if g_index:
            # "GDP突破12万亿元、再上一个新台阶、人均达14.3万元": after a figure, the words since the last 、
            own_name = own_name.rsplit("、", 1)[-1]
            if not two_letters(own_name):
                own_name = ""
            elif last_name:
                # "…播种面积稳定在120万亩、产量…": 粮食产量; "新增…企业80家、高新技术企业60家": 新增高新技术企业
                same_counter = first[1] in COUNTERS and first[1] == figures[groups[g_index - 1][-1]][1]
                own_name = share_head(last_name, own_name, same_counter)
        if last_name and "累计" in before and CUMULATIVE_ONLY.fullmatch(before):
            own_name = "累计" + NEW_LEAD.sub("", last_name)  # "新增上市企业6家、累计达100家"
        if own_name.startswith("占") and last_name:
            own_name = last_name + own_name  # "高新技术产业增加值增长11.3%，占规上工业的比重为62.4%"
        if own_name in BARE_TOTALS:
            # "新认定国家高新技术企业1100家，总数达6500家"; a total of nothing named is no figure
            # (高新技术企业数量…、总数达到860家: the total of 高新技术企业, not of its 数量)
            own_name = COUNT_TAIL.sub("", NEW_OR_COUNT_LEAD.sub("", last_name)) + own_name if last_name else ""
        if own_name == "人均" and last_name:
            own_name = "人均" + last_name  # a bare 人均 speaks of the indicator just named
        names: list[str | None]
        if len(group) > 1:
            split = split_names(own_name, len(group)) if own_name else None
            if split is None and not own_name and len(named_before) >= len(group):
                # "…80392元、48825元，分别增长5.0%、6.4%": the names of the figures just before
                split = named_before[-len(group):]
            names = list(split) if split else [own_name or None] + [None] * (len(group) - 1)
        else:
            names = [own_name or None]
        last_unit_end = figures[group[-1]][2]
        paren = SHORT_PAREN.match(clause[last_unit_end:last_unit_end + NEAR]) if clause[last_unit_end:last_unit_end + 1] in OPEN_PARENS else None
        tail_at = last_unit_end + (paren.end() if paren else 0)
        tail_word = clause[tail_at:tail_at + NEAR]  # (the words after the list: 以内, 左右 …)
        # measure and comparator from the words before the list and after its last figure
        measure_kind = "level"
        # (the prefix ends with no space, so no newline: its last character alone tells which
        # patterns anchored at its end can match — _may_end_with without the call)
        prefix_end = prefix[-1:]
        if declines(prefix):
            measure_kind = "decline"
        elif prefix_end in GROWTH_VERB_ENDS and GROWTH_VERB.search(prefix):
            measure_kind = "growth"
        verb_strip = COMPARATOR_END.sub("", prefix) if prefix_end in COMPARATOR_ENDS else prefix
        to_level = TO_VERB.search(prefix) if prefix_end in TO_ENDS else None
        # 提高到60% is the level reached; 达到 only reaches the figure of the verb before it (增长达到5%)
        if measure_kind == "level" and (not to_level or to_level.group().startswith("达")):
            if declines(verb_strip):
                measure_kind = "decline"
            elif _may_end_with(verb_strip, GROWTH_VERB_ENDS) and GROWTH_VERB.search(verb_strip):
                measure_kind = "growth"
        comparator = "="
        if clause[first[0].end:first[0].end + 1] in MORE_FIRST and MORE_AFTER.match(clause[first[0].end:first[0].end + NEAR]):
            comparator = ">"  # "3500余万人次": more than
        # (the five tests of the prefix's last words below asked only where its last character ends one of their words)
        worded = PREFIX_ANY_END or prefix_end in PREFIX_WORD_ENDS
        milestone = worded and MILESTONE_BEFORE.search(prefix) and MILESTONE_AFTER.match(clause[figures[group[-1]][2]:])
        bound = None
        if worded and ANY_TARGET_BEFORE.search(prefix):
            bound = next(c for pattern, c in TARGET_BEFORE if pattern.search(prefix))
        if bound in (">=", "<="):
            # 不低于/不超过 state a bound; 控制在 reports a result (=) but sets a ceiling in a plan
            comparator = bound if (as_target or not prefix.endswith("控制在") or tail_word.startswith(AT_MOST_AFTER)) else "="
        elif tail_word.startswith(AT_MOST_AFTER):
            comparator = "<="
        elif milestone:
            comparator = ">="  # "迈上5500亿元新台阶", "突破2000亿元大关": a level reached
        elif comparator == ">" or (worded and GT_BEFORE.search(prefix)):
            comparator = ">"
        elif worded and LT_BEFORE.search(prefix):
            comparator = "<"
        elif (worded and APPROX_BEFORE.search(prefix)) or tail_word.startswith(ABOUT_AFTER):
            comparator = "~"
        elif tail_word.startswith(AT_LEAST_AFTER):
            comparator = ">="
        for pos_in_group, k in enumerate(group):
            n, unit, unit_end = figures[k]
            name = names[pos_in_group]
            if name is None:
                name = names[0] if pos_in_group else None
            value = n.value
            range_low = ranged[k]
            if range_low is not None:
                value = range_low[0]  # "1—2个": at least the low end
            if unit == "%":
                if measure_kind == "growth":
                    measure = "growth"
                elif measure_kind == "decline":
                    # (a figure printed with its own minus sign keeps it: 下降（-6.4）%, a template's verb before
                    # the signed figure, is −6.4 as printed, never a growth of 6.4)
                    measure, value = "growth", -abs(value)
                else:
                    measure = "share"
            elif unit in PER_MILLE:
                measure = "share"  # 出生率为5.94‰: a rate
            else:
                measure = "level"
            if name and measure == "share" and INDEX_NAME.search(name):
                measure = "level"  # 居民消费价格总指数为101.6 (or 100.8%): an index as printed
            # a name that says what it measures: 居民消费价格涨幅, 城镇登记失业率, 人口自然增长率
            if name and unit == "%" and GROWTH_NAME.search(name) and not RATE_NAME.search(name):
                measure = "growth"
            elif name and unit == "%" and DECLINE_NAME.search(name):
                if measure == "share":
                    value = -value  # 降幅收窄至2.3%, 下降率为2.6%: the decline itself (a verb's change of it keeps its sign)
                measure = "growth"
            elif name and unit == "%" and RATE_NAME.search(name):
                measure = "share"
            elif name and measure == "share" and LEVEL_RATE.search(name):
                measure = "level"
            if name and "、" in name and DIGIT.search(name.rsplit("、", 1)[0]):
                name = name.rsplit("、", 1)[1]  # "…产业链1条以上、省级以上龙头企业": the last item is this figure's
            after_unit = clause[unit_end:unit_end + NEAR]
            if name and _may_end_with(name, JOINER_ENDS) and JOINER_END.search(name) and WORDS_AFTER.match(after_unit):
                name = ""  # "推出70项…场景和10个特色产业专区应用": the thing counted follows the figure
            etc = list_etc(name) if name and "等" in name else -1
            if name and etc >= 0:
                # "争取专项债、特别国债…等资金支持": the thing measured follows the list
                head_match = LIST_HEAD_VERB.match(name)
                assert head_match is not None  # the pattern may match nothing: it always matches
                head = head_match.group()
                tail_name = name[etc + 1:]
                name = head + tail_name if len(tail_name) >= 2 else ""
            if name and name[:1] in PREPOSITION_FIRST and PREPOSITION.match(name) and BUILD_VERB_END.search(name):
                name = ""  # "在园区、平台建设15个线下分中心": the thing counted follows the figure
            # (whether the name reads as one, asked once while the name stays what it is)
            asked, good = name, (_good_name(name) if name else False)
            found_after = _counted_after(after_unit, unit in COUNTERS) if unit and unit != "%" and (
                not name or _verb_only(name) or good) else None
            counted = found_after[0] if found_after else None
            noun_end = None
            if counted and _verb_only(name or ""):
                # "组织4478家次企业境外参展", "68.7万农村贫困人口脱贫": the thing counted follows
                verb = name or ""
                name = verb + counted if verb.startswith("新") or verb == "累计" else counted
                noun_end = unit_end + found_after[1]  # type: ignore[index]
            elif counted and unit and (unit in COUNTERS or unit.endswith(COUNTER_WORDS)) and WORD_OR_QUOTE.match(after_unit):
                # "推进省级特色产业集群4个核心区": what is counted follows the count word
                context = COUNT_LEAD.sub("", name or "") if g_index == 0 else ""
                name = context + counted if context and len(counted) <= 6 and _good_name(context) else counted
                noun_end = unit_end + found_after[1]  # type: ignore[index]
            if name and not (good if name is asked else _good_name(name)):
                continue
            if name and CHROME_END.search(name):
                continue  # "阅读 3.2万": a page's reader count
            if name:
                name = without_bare_total(name)
            own = True
            if not name or not two_letters(name):
                name, own = last_name, last_name is not None and last_name == changed_name
            if not name:
                continue
            last_name = name
            if name in named_before:
                named_before.remove(name)
            named_before.append(name)
            start = _phrase_start(clause, n.start) if pos_in_group == 0 else n.start
            if range_low is not None:
                start = range_low[1]
            if n.chinese and n.end - n.start == 1 and clause[n.start] in BARE_MAGNITUDES:
                start = min(start, n.start - bare_magnitude_lead(clause, n.start))  # 破千亿元: read with its verb
            paren = SHORT_PAREN.match(clause[unit_end:unit_end + NEAR]) if clause[unit_end:unit_end + 1] in OPEN_PARENS else None
            # a unit's other name in brackets joins it (万套（间）); other short notes do not (6.1%(图), 6%（预计）)
            if paren and unit and paren.group()[1:-1] in UNIT_WORDS:
                unit, unit_end = unit + paren.group(), unit_end + paren.end()  # 万套（间）
            bound_word = BOUND_WORD.match(clause, unit_end) if clause[unit_end:unit_end + 1] in BOUND_FIRST else None
            end = bound_word.end() if bound_word else unit_end
            landmark = MILESTONE_AFTER.match(clause, unit_end) if milestone else None
            if landmark:
                end = landmark.end()  # "迈上5.5万亿元台阶": the landmark is part of the figure's words
            if noun_end:
                end = max(end, noun_end)
                consumed = max(consumed, noun_end)
            out.append(Figure(name=name, measure=measure, text=clause[start:end],
                              comparator=">=" if range_low is not None else comparator,
                              value=value, unit=unit, start=start, end=end, own=own,
                              increment=unit != "%" and _increment_before(clause, n.start)))
    if changes and figures:
        last_name = _named_by_changes(clause, changes, figures[-1][2], len(clause), last_name)
    return out, last_name


def _named_by_changes(clause: str, changes: list[tuple[int, int]], start: int, end: int,
                      last_name: str | None) -> str | None:
    """The indicator the changes against last year between ``start`` and ``end`` speak of
    ("5G基站总数比上年增加500个": 5G基站总数), for the figures after them; else ``last_name``."""
    for change_start, change_end in changes:
        if start <= change_start and change_end <= end:
            words = clause[start:change_start]
            name = _name_before(words, len(words))
            if start:
                name = name.rsplit("、", 1)[-1]  # (after a figure: the words since the last 、)
            if two_letters(name) and _good_name(name):
                last_name = name
            start = change_end
    return last_name


_COUNTED_STOP: Final = (rf"(?={_alt('names.counted_stops')}|要(?!素|求|点)|[和及与](?=\d)|[两三四]季|建设(?:[^\u4e00-\u9fff]|$)"
                 r"|[^\u4e00-\u9fff“”A-Za-z]|$)")
_NOT_COUNTED: Final = re.compile(rf"^(?:{_alt('names.not_counted')})")
COUNTED_AFTER_DE: Final = re.compile(r"[^，,。；;、]{0,14}?的([\u4e00-\u9fff“”A-Za-z]{2,20}?)" + _COUNTED_STOP)
DE_REACH: Final = 15  # (COUNTED_AFTER_DE's 的 stands within its first 15 characters)
COUNTED_AFTER: Final = re.compile(r"[\u4e00-\u9fff“”A-Za-z]{2,20}?" + _COUNTED_STOP)


def _counted_after(after: str, counter: bool = True) -> tuple[str, int] | None:
    """What a count printed before its noun counts: "10个具有辨识度的研学旅游基地" -> 研学旅游基地,
    "3家差异化管控试点企业出成效" -> 差异化管控试点企业."""
    m = COUNTED_AFTER_DE.match(after) if counter and "的" in after[:DE_REACH] else None
    if m and not DIGIT.search(m.group()):
        return m.group(1), m.end()
    m = COUNTED_AFTER.match(after)
    if not m or _NOT_COUNTED.match(m.group()):
        return None
    return m.group(), m.end()


def _by_last_character(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The words (none empty) by their last character."""
    out: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        if w:
            out.setdefault(w[-1], []).append(w)
    return {last: tuple(ws) for last, ws in out.items()}


# The words a figure's phrase opens with before it ("同比增长达到5%": 同比 增长 达到), each part optional, in
# this order: a qualifier, a verb, an opener — the parts by their last character, read back from the figure
_PHRASE_PARTS: Final = (_by_last_character(LEX.words("names.phrase_openers", "comparators.milestone_verbs")),
                        _by_last_character(LEX.words("names.phrase_verbs")),
                        _by_last_character(LEX.words("names.phrase_qualifiers")))
# the characters the phrase can end with (a newline: it may stand before one ending the words before the figure)
_PHRASE_LAST: Final = frozenset([w[-1] for w in LEX.words("names.phrase_qualifiers", "names.phrase_verbs", "names.phrase_openers",
                                                   "comparators.milestone_verbs")] + ["\n"])
# the longest phrase: one word of each of its three parts, and a newline after it
_PHRASE_LONGEST: Final = (max(map(len, LEX.words("names.phrase_qualifiers"))) + max(map(len, LEX.words("names.phrase_verbs")))
                          + max(map(len, LEX.words("names.phrase_openers", "comparators.milestone_verbs"))) + 1)


def _phrase_start(clause: str, number_start: int) -> int:
    """Where the phrase before the figure at ``number_start`` starts (同比增长达到5%: at 同比), else
    ``number_start``: the earliest start of an opener, a verb before it and a qualifier before that,
    each part optional, ending at the figure or at a newline just before it — the leftmost match of
    ``(?:qualifiers)?(?:verbs)?(?:openers)?$`` before the figure, read back from the figure by the
    words' last characters (that pattern, all of it optional, was tried at every position before it)."""
    if not number_start or clause[number_start - 1] not in _PHRASE_LAST:
        return number_start
    lo = max(0, number_start - min(NEAR, _PHRASE_LONGEST))
    starts = [number_start, number_start - 1] if clause[number_start - 1] == "\n" else [number_start]
    earliest = number_start  # the earliest start of a phrase that is not empty
    for part in _PHRASE_PARTS:  # (read back: the openers' words first)
        found: list[int] = []  # where this part's words start, before the ends of the parts after it
        for end in starts:
            if end <= lo:
                continue
            for word in part.get(clause[end - 1], ()):
                start = end - len(word)
                if start >= lo and clause.startswith(word, start):
                    found.append(start)
                    earliest = min(earliest, start)
        starts.extend(found)  # (each part optional: the ends before it stay ends)
    return earliest


SUBJECT_VERB: Final = re.compile(LEX.alt("names.subject_verbs"))
SIZED: Final = re.compile(SIZED_DIRECTION)
PREDICATE: Final = scanner(f"(?:{SUBJECT_VERB.pattern})|(?:{DIRECTION_COMPOUND.pattern})|(?:{SIZED_DIRECTION})")
COMPARISON_START: Final = re.compile(rf"(?:{_alt('elsewhere.comparisons')})")
SHARE_OF_PLAN: Final = re.compile(rf"(?:完成|达到|为)(?:{_alt('plans.words')}|(?:{_alt('plans.periods')})?(?:{_alt('plans.nouns')}))的")
QUOTED_TARGET: Final = re.compile(rf"^.*(?:{_alt('names.quoting_verbs')})的")
NOT_INDICATOR: Final = scanner(rf"{_alt('names.not_indicators')}|发展$|[，,。]")


def _subject(clause: str, numbers: tuple[NumberMatch, ...] | None = None) -> str | None:
    """The indicator a clause without a usable figure speaks of, for the clauses after it:
    "粮食产量屡创历史新高，去年达到1.09万亿斤"; "一般公共预算收入完成年计划的101.2%" speaks of
    一般公共预算收入, its figure a share of the plan. ``numbers``: as for :func:`clause_figures`."""
    cands = _candidates(clause) if numbers is None else list(candidates_among(clause, numbers)) if numbers else []
    share_of_plan = SHARE_OF_PLAN.search(clause) if "的" in clause else None  # (every match ends with 的)
    if share_of_plan:
        name = _name_before(clause, share_of_plan.start())
    elif cands:
        name = _name_before(clause, cands[0].start)
        name = QUOTED_TARGET.sub("", name)  # "年初确定的地区生产总值"
    else:
        # (a direction and its size in words, 增长两位数 / 保持两位数增长: the predicate, the name before it)
        # (the first of the three: one search of their alternation, whose leftmost match starts where the first does)
        m = PREDICATE.search(clause)
        name = _name_before(clause, m.start()) if m else ""
    if not (2 <= len(name) <= 20) or not TWO_HAN.search(name) or (name[:1] in PREPOSITION_FIRST and PREPOSITION.match(name)) \
            or NOT_INDICATOR.search(name) or _verb_only(name) or COMPARISON_START.match(name) \
            or BAD_NAME_END.search(name):
        return None  # ("高于年初目标0.5个百分点": a comparison, no indicator)
    return name


NAME_ALONE: Final = re.compile(
    rf"^[\s（(]*(?:[一二三四五六七八九十\d]+[)）、.．](?!\d))?\s*(?:(?:{_alt('names.alone_opens')})(?P<looked>[^，,；;：:]{{2,20}}?)"
    rf"(?:{_alt('names.alone_look_ends')})|(?P<name>[^，,；;：:]{{2,20}}?)(?:{_alt('names.alone_ends')})?)\s*$")


def name_alone(clause: str) -> str | None:
    """The indicator a clause made of its name alone speaks of — the figures of the clauses after it are
    its (地区生产总值：完成486.3亿元，增长6.2%; 一般公共预算收入方面，…; 从固定资产投资看，…; 1.地区生产总值：…).
    None for any other clause: a heading's words (主要指标完成情况：) name no indicator."""
    m = NAME_ALONE.match(clause)
    if not m:
        return None
    name = (m.group("looked") or m.group("name")).strip()
    if not is_name_like(name) or NOT_INDICATOR.search(name) or BAD_NAME_END.search(name) or _verb_only(name) \
            or RELATIVE.search(name) or SIZED.search(name):
        return None  # (…增速快于全省平均水平: a relative target, ending in a name's word; …收入增长两位数: a direction)
    return name


BAD_NAME_END: Final = LEX.ending("names.bad_endings")
CONDITION_END: Final = LEX.ending("names.condition_endings")
BASIS: Final = re.compile(rf"(?:{_alt('names.basis_leads')})[^，,；;。]{{0,10}}(?:{_alt('names.basis_endings')})")
BASIS_FIRST: Final = _first_characters(LEX.words("names.basis_leads"))  # (what BASIS's matches open with)
BAD_NAME_START: Final = re.compile(rf"^(?:{_alt('names.bad_starts')})")
BAD_START_OR_PREPOSITION: Final = re.compile(f"{BAD_NAME_START.pattern}|{PREPOSITION.pattern}")  # (one test for the two)
BAD_START_OR_PREPOSITION_FIRST: Final = PREPOSITION_FIRST | _first_characters(LEX.words("names.bad_starts"))


DURATION: Final = re.compile(rf"(?:{_alt('names.duration_leads')})?[\d一二两三四五六七八九十几多]+(?:{_alt('names.duration_units')})"
                      rf"(?:{_alt('names.duration_tails')})?")
DURATION_FIRST: Final = _first_characters(LEX.words("names.duration_leads"), "一二两三四五六七八九十几多")  # (and a digit)


def _verb_only(name: str) -> bool:
    """``VERB_ONLY.match(name)``: asked of the pattern only where the name opens with what its words
    open with, or is empty (its parts are all optional: an empty name, or a newline, matches)."""
    return (name[:1] in VERB_ONLY_FIRST or name in ("", "\n")) and VERB_ONLY.match(name) is not None


def _good_name(name: str) -> bool:
    """Whether the words before a figure read as an indicator's name, not a circumstance, a span of
    time or a verb."""
    first = name[:1]  # (each pattern anchored at the start asked only where its matches' first characters are)
    # (a name of letters alone, most of them, holds none of NOT_IN_A_NAME's marks and digits: str.isalpha says so)
    return not (BAD_NAME_END.search(name) or (first in BAD_START_OR_PREPOSITION_FIRST and BAD_START_OR_PREPOSITION.match(name))
                or (not name.isalpha() and NOT_IN_A_NAME.search(name)) or (len(name) <= 4 and _verb_only(name))
                or ((first in DURATION_FIRST or first.isdecimal()) and DURATION.fullmatch(name)))



def ground_name(text: str, name: str, figure_start: int, floor: int, own: bool,
                figure_end: int | None = None) -> tuple[Span | None, str]:
    """Where a figure's name is printed, and how it was found: ``printed`` in the figure's own
    clause, ``carried`` over from an earlier clause of the sentence, or ``composed`` from printed
    words (城镇居民… from 城乡居民…, a shared 增长 added to each name of a list). A composed name's
    span covers the longest printed piece of it."""
    floor = max(floor, figure_start - NAME_REACH)
    # a thing counted is printed after its count ("1390名就业困难人员"): inside the figure's words
    window = text[floor:figure_start if figure_end is None else figure_end]
    k = window.rfind(name)
    if k >= 0:
        return Span(floor + k, floor + k + len(name)), ("printed" if own else "carried")
    for size in range(len(name) - 1, 1, -1):
        for i in range(0, len(name) - size + 1):
            k = window.rfind(name[i:i + size])
            if k >= 0:
                return Span(floor + k, floor + k + size), "composed"
    return None, "composed" if own else "carried"

"""The rules' fast forms (issue 16) give what the plain forms they replace give."""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings, strategies as st
from rapidfuzz import fuzz

from zhibiao.extract.commitments import TableTargets, _norm
from zhibiao.extract.numbers import find_numbers, prints_number
from zhibiao.models import Target


def _target_ref_scanning(metric, value, unit, targets):
    """How a commitment's table target was found before: every target scanned for each commitment."""
    best, best_score = None, 0.0
    m = _norm(metric)
    for i, t in enumerate(targets):
        if t.value is None or t.value != value or t.source != "table" or (t.unit and unit and t.unit != unit):
            continue
        score = fuzz.partial_ratio(m, _norm(t.name))
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 70 else None


NAMES = st.sampled_from(["社会消费品零售总额", "社会消费品零售总额增长", "新增高新技术企业", "高新技术企业（家）", "城镇新增就业",
                         "新增城镇就业", "“专精特新”企业", "研发投入", "地区生产总值", "建设高标准农田", "高标准农田"])
VALUES = st.sampled_from([Decimal("5"), Decimal("5.0"), Decimal("5.00"), Decimal("350"), Decimal("6.5"), Decimal("0"),
                          Decimal("-0"), Decimal("10")])
UNITS = st.sampled_from([None, "", "%", "家", "万人", "亿元"])
TARGETS = st.lists(st.builds(lambda name, value, unit, source: Target(name=name, text="", kind="numeric", value=value, unit=unit,
                                                                     source=source),
                             NAMES, st.one_of(st.none(), VALUES), UNITS, st.sampled_from(["table", "prose"])),
                   max_size=12)


@settings(max_examples=400, deadline=None)
@given(TARGETS, st.lists(st.tuples(NAMES, VALUES, UNITS), min_size=1, max_size=6))
def test_table_targets_find_the_target_the_scan_found(targets, commitments):
    table = TableTargets(targets)
    for metric, value, unit in commitments:
        assert table.ref(metric, value, unit) == _target_ref_scanning(metric, value, unit, targets)


def test_a_commitment_restating_a_table_target_points_at_it():
    targets = [Target(name="新增高新技术企业", text="350", kind="numeric", value=Decimal("350"), unit="家", source="table"),
               Target(name="社会消费品零售总额增长", text="6%", kind="numeric", value=Decimal("6"), unit="%", source="prose"),
               Target(name="社会消费品零售总额增长", text="6%", kind="numeric", value=Decimal("6.0"), unit="%", source="table")]
    table = TableTargets(targets)
    assert table.ref("新增高新技术企业", Decimal("350.0"), "家") == 0
    assert table.ref("社会消费品零售总额", Decimal("6"), "%") == 2  # (the prose target is no table row)
    assert table.ref("新增高新技术企业", Decimal("350"), "个") is None  # another unit
    assert table.ref("研发投入", Decimal("350"), "家") is None  # a name that reads otherwise
    assert table.ref("新增高新技术企业", Decimal("351"), "家") is None


PIECES = st.sampled_from(["增长", "6.5", "%", "亿元", "一百二十", "家", "2024年", "PM2.5", "“5+1”", "见表1", "，", "-", "3",
                          "万人", "百分之五", "两个", " ", "2026-02-12", "16:30", "新增", "个", "〔2021〕5号", "5G",
                          "两成", "突破", "千", "超"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=10).map("".join))
def test_the_clause_analysis_reads_the_candidates_the_grammar_reads(text):
    from zhibiao.extract.grammar import MAY_HOLD_CANDIDATE, _candidates, candidates_among, iter_candidates
    from zhibiao.extract.numbers import find_numbers, iter_numbers

    expected = _candidates(text)
    assert list(iter_candidates(text)) == expected
    if MAY_HOLD_CANDIDATE.search(text):  # (what candidates_among's callers have tested)
        assert list(candidates_among(text)) == expected
        assert list(candidates_among(text, iter_numbers(text))) == expected
        assert list(candidates_among(text, find_numbers(text))) == expected
    else:
        assert expected == []


def _may_overlap(u: str, v: str) -> bool:
    """Can printed occurrences of ``u`` and ``v`` overlap (one inside the other, or one's end the other's start)?"""
    return u in v or v in u or any(u.endswith(v[:k]) or v.endswith(u[:k]) for k in range(1, min(len(u), len(v))))


def test_no_self_reference_of_one_level_overlaps_one_of_another():
    # what lets region_level_hint count the three levels in one pass (metadata.SELF_REFERENCE)
    from zhibiao.extract.lexicon import LEX
    from zhibiao.extract.metadata import SELF_LEVELS

    words = {level: LEX.words(f"documents.self_references.{level}") for level in SELF_LEVELS}
    for a in SELF_LEVELS:
        for b in SELF_LEVELS:
            if a < b:
                assert not [(u, v) for u in words[a] for v in words[b] if _may_overlap(u, v)]
    assert _may_overlap("全省", "省委") and _may_overlap("省委", "全省委员") and not _may_overlap("全省", "全市")


SELF_TEXTS = st.lists(st.sampled_from(["全省", "我省", "省委", "全自治区", "全市", "市委", "市域", "全州", "州委", "全县", "县委",
                                       "县域", "全旗", "旗委", "本县", "本市", "县人大", "省政府", "，", "经济", "全", "委"]),
                      max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(SELF_TEXTS)
def test_the_level_a_text_speaks_of_itself_at_counts_each_levels_words_as_its_own_pattern(text):
    from collections import Counter

    from zhibiao.extract.lexicon import LEX
    from zhibiao.extract.metadata import SELF_LEVELS, SELF_REFERENCE, region_level_hint

    counts = Counter(m.lastgroup for m in SELF_REFERENCE.finditer(text))
    own = {level: len(re.findall(LEX.alt(f"documents.self_references.{level}"), text)) for level in SELF_LEVELS}
    assert all(counts[level] == own[level] for level in SELF_LEVELS)
    # and the level: the most frequent (the first of a tie), at least twice and twice the others
    (level, n), = Counter(own).most_common(1)
    assert region_level_hint(text) == (level if n >= 2 and n >= 2 * (sum(own.values()) - n) else None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["1", "0", "23", ".", ",", ",000", "-", "−", "5.11", "亿元", "%", "增长", "A", " ", "一",
                                 "百分之", "十二"]), max_size=12).map("".join))
def test_a_number_is_read_as_parse_arabic_reads_its_digits(text):
    from zhibiao.extract.numbers import NUMBER, iter_numbers, parse_arabic

    arabic = {m.start(): m.group("ar") for m in NUMBER.finditer(text) if m.group("ar")}
    for n in iter_numbers(text):
        if not n.chinese:
            expected = parse_arabic(arabic[n.start])
            assert n.value == expected and str(n.value) == str(expected)  # (the same digits: 6.50 stays 6.50)


def _written(pattern: str) -> str:
    """The pattern as written, where scanner() had to put its first characters in a look-ahead in front
    (``(?=[…])(?:…)``: PERIOD's 1—9月, whose look-behind leaves a literal prefix in the info block)."""
    lead = re.match(r"\(\?=\[[^\]]*\]\)\(\?:", pattern)
    return pattern[lead.end():-1] if lead else pattern


def _scanned_patterns():
    from zhibiao.extract import actuals, clauses, commitments, grammar

    return [actuals.PERIOD[0][0], actuals.PERIOD[4][0], actuals.PLAN_QUOTED, clauses.CHINESE_NUMERAL_RUN,
            clauses.NOT_IN_A_NAME, clauses.NOT_INDICATOR, commitments.OTHER_YEAR, grammar.RELATIVE,
            grammar.DIRECTION_COMPOUND, grammar.MAY_HOLD_STAMP]


SCANNED_TEXTS = st.lists(st.sampled_from(["1—9月", "1-6月", "11", "第一季度", "一季度", "前一季度", "年初目标（6.5%左右）", "完成年计划",
                                          "710亿元的89.4%", "一百二十", "进一步", "2024年", "到2025年", "2030年前", ">", "/", "±",
                                          "与经济增长同步", "高于GDP增速", "稳中有升", "量稳质升", "2026-02-12", "16:30", "工作",
                                          "发展", "，", "。", "增长", "6.5", "%", " "]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(SCANNED_TEXTS)
def test_the_rules_patterns_scanned_fast_find_what_the_plain_patterns_find(text):
    from zhibiao.text.scan import is_scanner

    for fast in _scanned_patterns():
        assert is_scanner(fast)
        plain = re.compile(_written(fast.pattern))
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert bool(fast.match(text)) == bool(plain.match(text))


ENDING_WORDS = st.lists(st.sampled_from(["", "增长", "长", "提高到", "到", "以上", "上", "左右", "约", "\n"]), max_size=5)
ENDING_TEXTS = st.lists(st.sampled_from(["地区生产总值", "增长", "长", "提高", "到", "以上", "左右", "约", "\n", " "]),
                        max_size=6).map("".join)


@settings(max_examples=800, deadline=None)
@given(ENDING_WORDS, ENDING_TEXTS)
def test_an_ending_says_what_it_said_when_it_looked_for_an_empty_word_at_each_search(words, text):
    from zhibiao.extract.lexicon import Ending
    from zhibiao.text.scan import alternation

    words = tuple(words)
    last = frozenset(w[-1] for w in words if w)
    end = text[-1:]
    before = (text.endswith(words) or text[:-1].endswith(words)) if end == "\n" else \
        ((end in last or "" in words) and text.endswith(words))
    assert Ending(words).search(text) == before
    if any(words):  # (and what its pattern at the end says; alternation writes [""] as no word at all)
        assert before == bool(re.search(f"(?:{alternation(words)})$", text))


# a span's text as the extractors print one: words, numbers in their printed forms, signs and brackets
SPAN_PIECES = st.sampled_from(["增长", "下降", "亿元", "%", "年", "万人", "，", "、", ".", ",", "-", "−", "（", "）", "(", ")",
                               "负", "百分之", "千分之", "一", "十", "两", "５", " ", "\n"])
NUMBER_TEXTS = st.sampled_from(["5", "6.5", "12", "0", "0.5", "2024", "1,234", "6.50", "50", "5.0", "123.45"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(SPAN_PIECES, NUMBER_TEXTS), max_size=10).map("".join),
       st.sampled_from(["5", "-5", "6.5", "-6.5", "12", "0", "0.5", "50", "5.0", "1234", "1E+3", "2024", "-0"]).map(Decimal))
def test_a_value_printed_whole_is_a_number_find_numbers_reads(text, value):
    """numbers.prints_number (the read-back's test by str.find) says a value is printed only where
    find_numbers reads it there, or its negation."""
    if prints_number(text, value):
        assert any(n.value == value or n.value == -value for n in find_numbers(text))


def test_a_value_printed_whole_examples():
    assert prints_number("地区生产总值增长6.5%", Decimal("6.5"))
    assert prints_number("下降（-2.3）%", Decimal("-2.3")) and prints_number("下降2.3%", Decimal("-2.3"))
    assert prints_number("百分之5", Decimal("5"))
    assert not prints_number("增长16.5%", Decimal("6.5"))  # (part of a longer number: left to find_numbers)
    assert not prints_number("增长6.55%", Decimal("6.5")) and not prints_number("0.5万", Decimal("5"))
    assert not prints_number("1,500亿元", Decimal("500")) and not prints_number("5,000亿元", Decimal("5"))
    assert not prints_number("一千亿元", Decimal("1000")) and not prints_number("1E+3", Decimal("1E+3"))


DOC_NUMBER_LINES = st.lists(st.sampled_from(["绍政发", "〔", "[", "【", "（", "(", "〕", "]", "】", "）", ")", "2024", "12", " ", "号",
                                             "文号：", "发文字号:", "实施“十四五”规划", "一号工程"]), max_size=10).map("".join)


@settings(max_examples=800, deadline=None)
@given(DOC_NUMBER_LINES)
def test_a_document_number_holds_its_year_in_brackets(line):
    """metadata.find_doc_number tries DOC_NUMBER only on a line where DOC_NUMBER_YEAR is found: every
    match of the one holds a match of the other."""
    from zhibiao.extract.metadata import DOC_NUMBER, DOC_NUMBER_YEAR

    if DOC_NUMBER.search(line):
        assert DOC_NUMBER_YEAR.search(line)
    for opening, closing in ("〔〕", "[]", "【】", "（）", "()"):
        number = f"绍政发{opening}2024{closing}2号"
        assert DOC_NUMBER.search(number) and DOC_NUMBER_YEAR.search(number)


OPENING_LINES = st.lists(st.sampled_from([" ", "\u3000", "\t", "注", "备注", "说明", "①", "：", ":", "同时", "此外", "另外", "，", ",",
                                          "今年", "增长6%"]), max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(OPENING_LINES)
def test_a_note_or_an_adding_paragraph_opens_with_a_first_character_of_its_words_or_a_space(line):
    """commitments.NOTE and scope.ADDING are tried only on a paragraph opening with one of their words'
    first characters (NOTE_FIRST, ADDING_FIRST) or a space: every match opens so."""
    from zhibiao.extract.commitments import NOTE, NOTE_FIRST
    from zhibiao.extract.scope import ADDING, ADDING_FIRST

    lead = line[:1]
    if NOTE.match(line):
        assert lead in NOTE_FIRST or lead.isspace()
    if ADDING.match(line):
        assert lead in ADDING_FIRST or lead.isspace()


@settings(max_examples=400, deadline=None)
@given(OPENING_LINES)
def test_a_paragraph_adding_to_the_one_before_is_read_past_its_cheap_test(line):
    """Scope.adding_time says what ADDING's match says (a paragraph opening with spaces included)."""
    from zhibiao.extract.scope import ADDING, Scope

    if ADDING.match(line) is None:
        assert Scope("work_report", 2024).adding_time(line) is None
    for opening in (" 同时，全市", "同时，全市", "此外，全市", "另外，全市"):
        assert Scope("work_report", 2024).adding_time(opening) is not None


QUOTING_PIECES = st.sampled_from(["市长", "报告", "市政府", "提出", "明确", "确定", "下达", "制定", "设定", "了", "出", "定", " ", "\n",
                                  "\u3000", "“", "”", "，", "6%", "增长", "目标"])


@settings(max_examples=800, deadline=None)
@given(st.lists(QUOTING_PIECES, max_size=8).map("".join))
def test_a_quoting_clause_ends_with_a_last_character_of_its_cheap_test(clause):
    """actuals asks QUOTING_CLAUSE only of a clause ending (spaces aside) with one of QUOTING_LASTS: every
    clause the pattern matches ends so."""
    from zhibiao.extract.actuals import QUOTING_CLAUSE, QUOTING_LASTS

    if QUOTING_CLAUSE.match(clause.strip()):
        assert clause.rstrip()[-1:] in QUOTING_LASTS
    for said in ("市长提出", "报告明确了", " 市政府提出\n", "“会议”明确 "):
        assert QUOTING_CLAUSE.match(said.strip()) and said.rstrip()[-1:] in QUOTING_LASTS


def _aside_pieces():
    from zhibiao.extract.lexicon import LEX

    words = LEX.words("time.base_year_figures", "plans.words", "plans.nouns", "ranks.verbs", "elsewhere.comparisons",
                      "elsewhere.phrases", "elsewhere.compared", "measures.averages", "time.whole_year", "ranks.scopes",
                      "ranks.places", "elsewhere.scopes", "plans.comparisons", "plans.degrees")
    return st.sampled_from(sorted(set(words)) + ["第一", "第3位", "前10位", "（", "）", "(", "6.5%", "6%", "的", "完成", "为", "增长",
                                                 "下降", "1.5%", "亿元", "地区生产总值", "，", " ", "其中", "而"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_aside_pieces(), max_size=7).map("".join))
def test_a_clause_of_results_matched_by_a_pattern_asked_before_its_figures_holds_one_of_the_aside_words(clause):
    """actuals asks BASE_YEAR_FIGURES, PLAN_QUOTED, PLAN_WEIGHED, PLAN_MENTIONED, RANK, ELSEWHERE, AVERAGE and
    ALL_YEAR only of a clause ASIDE_WORDS finds a word in: every clause one of them matches holds one."""
    from zhibiao.extract.actuals import (ALL_YEAR, ASIDE_WORDS, AVERAGE, BASE_YEAR_FIGURES, ELSEWHERE, PLAN_MENTIONED,
                                         PLAN_QUOTED, PLAN_WEIGHED, RANK)

    if ASIDE_WORDS.search(clause) is None:
        assert not BASE_YEAR_FIGURES.match(clause.lstrip()) and not PLAN_WEIGHED.match(clause)
        for pattern in (PLAN_QUOTED, PLAN_MENTIONED, RANK, ELSEWHERE, AVERAGE, ALL_YEAR):
            assert not pattern.search(clause)
    for pattern, said in ((BASE_YEAR_FIGURES, "上年为下降1.5%"), (PLAN_QUOTED, "高于年初目标（6%）"), (PLAN_WEIGHED, "低于目标"),
                          (PLAN_WEIGHED, "完成序时进度"), (PLAN_MENTIONED, "年初预期目标为7%"), (RANK, "居全省第一"),
                          (ELSEWHERE, "高于全省0.8个百分点"), (ELSEWHERE, "比全国"), (ELSEWHERE, "全省平均"), (AVERAGE, "年均增长5%"),
                          (ALL_YEAR, "全年增长6%")):
        assert pattern.search(said) and ASIDE_WORDS.search(said), said

"""The clause analysis asks a pattern anchored at a text's start (or end) only where the text opens
(or ends) with a character its matches open (end) with (issue 16): such a test must never refuse a
text the pattern matches."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from zhibiao.extract import actuals, clauses, grammar
from zhibiao.extract.lexicon import LEX
from zhibiao.text.scan import alternation

# (pattern, how it is asked, the cheap test before it)
PRE_TESTS = [
    ("LEAD", clauses.LEAD.match, lambda t: t[:1] in clauses.LEAD_FIRST or t[:1].isdecimal()),
    ("VERB_ONLY", clauses.VERB_ONLY.match, lambda t: t[:1] in clauses.VERB_ONLY_FIRST or t in ("", "\n")),
    ("PREPOSITION", clauses.PREPOSITION.match, lambda t: t[:1] in clauses.PREPOSITION_FIRST),
    ("BAD_START_OR_PREPOSITION", clauses.BAD_START_OR_PREPOSITION.match,
     lambda t: t[:1] in clauses.BAD_START_OR_PREPOSITION_FIRST),
    ("DURATION", clauses.DURATION.fullmatch, lambda t: t[:1] in clauses.DURATION_FIRST or t[:1].isdecimal()),
    ("CLASS_AFTER", clauses.CLASS_AFTER.match, lambda t: t[:1] in clauses.CLASS_AFTER_FIRST),
    ("QUALIFIER_AFTER", grammar.QUALIFIER_AFTER.match, lambda t: t[:1] in grammar.QUALIFIER_FIRSTS),
    ("BOUND_WORD", clauses.BOUND_WORD.match, lambda t: t[:1] in clauses.BOUND_FIRST),
    ("CUMULATIVE_ONLY", clauses.CUMULATIVE_ONLY.fullmatch, lambda t: "累计" in t),
    ("JOINER_END", clauses.JOINER_END.search, lambda t: clauses._may_end_with(t, clauses.JOINER_ENDS)),
] + [(f"PERIOD[{i}]", pattern.match, lambda t: t[:1] in actuals.PERIOD_FIRST) for i, (pattern, _) in enumerate(actuals.PERIOD)]

# what the patterns are made of: their word lists, digits, numerals, marks, other words
WORDS = sorted({w for path in ("names.leads", "names.own_region_words", "names.verb_prefixes", "names.verbs_only",
                               "names.prepositions", "names.bad_starts", "names.duration_leads", "names.duration_units",
                               "names.duration_tails", "names.cumulative_verbs", "measures.class_words",
                               "comparators.at_least_after", "comparators.at_most_after", "comparators.about_after",
                               "time.half_year", "time.three_quarters", "time.first_quarter",
                               "time.later_parts")
                for w in LEX.words(path)})
PIECES = st.one_of(st.sampled_from(WORDS), st.sampled_from(list("0123456789一二两三四五六七八九十几多是年底末月至到-—、和及，, \n“\"截在对其比较他建外"
                                                                  "以上下的规级产业链累计达新增地区生产总值")),
                   st.sampled_from(["２", "٣", "2024年", "十四五", "“十四五”时期", "1-9月", "一至三月", "上半年", "截至2024年底"]))
TEXTS = st.lists(PIECES, max_size=8).map("".join)


@pytest.mark.parametrize("name,ask,cheap", PRE_TESTS, ids=[p[0] for p in PRE_TESTS])
@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_a_cheap_test_before_a_pattern_never_refuses_a_text_the_pattern_matches(name, ask, cheap, text):
    if ask(text):
        assert cheap(text), (name, text)


def test_the_texts_each_pattern_matches_pass_its_test():
    # (each pattern matches real words: the property above is not vacuous)
    examples = {"LEAD": ["其中地区生产总值", "2024年底", "三是", "“十四五”时期", "全市", "截至2024年底"], "VERB_ONLY": ["", "\n", "新建设", "推进"],
                "PREPOSITION": ["通过", "在全市", "比上年"], "BAD_START_OR_PREPOSITION": ["余家", "在全市"],
                "DURATION": ["连续5年", "3年", "十年"], "CLASS_AFTER": ["级产业链", "以上规模"], "QUALIFIER_AFTER": ["以上行政村", "及以上老年人"],
                "BOUND_WORD": ["以上", "左右"], "CUMULATIVE_ONLY": ["累计", "、累计达"], "JOINER_END": ["高新技术企业和", "企业、\n"]}
    asks = {name: (ask, cheap) for name, ask, cheap in PRE_TESTS}
    for name, texts in examples.items():
        ask, cheap = asks[name]
        for text in texts:
            assert ask(text) and cheap(text), (name, text)
    assert actuals.PERIOD_FIRST >= {"1", "一", "上", "前", "第"}


def test_figures_whose_words_the_cheap_tests_read_are_found_as_before():
    # names opening with a lead, a count opening with a verb, qualifiers and classes after a figure, a
    # duration before it, a bound after it: each path behind a cheap test, on a clause it must not refuse
    def figures(clause, last_name=None):
        return [(f.name, f.value, f.unit, f.comparator) for f in clauses.clause_figures(clause, last_name)[0]]

    assert figures("其中地区生产总值达到7791亿元") == [("地区生产总值", Decimal("7791"), "亿元", "=")]
    assert figures("2024年底全市常住人口达到120万人") == [("常住人口", Decimal("120"), "万人", "=")]  # (the year and the scope are no part of it)
    assert figures("新增高新技术企业350家以上") == [("新增高新技术企业", Decimal("350"), "家", ">=")]
    assert figures("培育10亿元级产业链3条") == [("培育10亿元级产业链", Decimal("3"), "条", "=")]  # (10亿元级: a class, no figure)
    assert figures("年经营性收入10万元以上行政村占比达到60%") == [("年经营性收入10万元以上行政村占比", Decimal("60"), "%", "=")]
    assert figures("累计达100家", "新增上市企业") == [("累计上市企业", Decimal("100"), "家", "=")]
    assert figures("粮食总产量连续5年稳定在100万吨以上") == [("粮食总产量", Decimal("100"), "万吨", ">=")]
    assert figures("推进15个重点项目") == [("重点项目", Decimal("15"), "个", "=")]
    assert figures("居民消费价格上涨2%左右") == [("居民消费价格", Decimal("2"), "%", "~")]
    assert not clauses._good_name("连续5年") and not clauses._good_name("余家") and not clauses._good_name("通过")
    assert clauses._verb_only("") and clauses._verb_only("\n") and not clauses._verb_only("地区生产总值")


STAMP_PIECES = st.sampled_from(["2026-02-12", "16:30", "7.8", "%", "1-2", "3/4", ".", "-", "/", ":", "05", "12", "年", "增长",
                                "，", " ", "2024.3.5", "1:2", "9"])


@settings(max_examples=500, deadline=None)
@given(st.lists(STAMP_PIECES, max_size=8).map("".join))
def test_a_text_may_hold_a_date_or_time_where_the_pattern_says_so(text):
    from zhibiao.extract.grammar import MAY_HOLD_STAMP, _may_hold_stamp

    assert _may_hold_stamp(text) == bool(MAY_HOLD_STAMP.search(text))


def test_the_dates_and_times_a_text_holds_are_no_candidates():
    from zhibiao.extract.grammar import _candidates

    assert [n.value for n in _candidates("2026-02-12 16:30 发布，增长7.8%")] == [Decimal("7.8")]
    assert [n.value for n in _candidates("更新时间 2024.3.5，增长6%")] == [Decimal("6")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["2023年", "，", ",", "。", "；", "：", " ", "\n", "全市", "经济", "平稳", "发展"] + ["字" * 12]),
                max_size=10).map("".join))
def test_a_paragraphs_opening_is_its_first_clause_at_most_30_characters(paragraph):
    from zhibiao.extract.scope import CLAUSE_BREAK, Scope

    # (no clause of these words only says who speaks: the opening is the first clause's)
    assert Scope.opening(paragraph) == CLAUSE_BREAK.split(paragraph.lstrip(), maxsplit=1)[0][:30]


@settings(max_examples=600, deadline=None)
@given(head=TEXTS, rest=TEXTS)
def test_a_sentence_whose_words_hold_no_period_character_names_no_period(head, rest):
    """actuals._may_name_period refuses a sentence only where no PERIOD is searched in the words before
    its first figure nor matched at its start or at that figure."""
    s_text = head + rest
    if any(pattern.search(head) or pattern.match(s_text) or pattern.match(s_text, len(head)) for pattern, _ in actuals.PERIOD):
        assert actuals._may_name_period(head, s_text), (head, rest)


def test_sentences_naming_a_period_pass_the_test():
    for head, s_text in [("全市1-9月", "全市1-9月增长5%"), ("上半年，", "上半年，增长5%"), ("", "一季度增长5%"),
                         ("前三季度", "前三季度增长5%"), ("一至三月", "一至三月增长5%")]:
        assert any(p.search(head) or p.match(s_text) for p, _ in actuals.PERIOD) and actuals._may_name_period(head, s_text)
    assert not actuals._may_name_period("全年地区生产总值", "全年地区生产总值增长5%")


PHRASE_WORDS = sorted({w for path in ("names.phrase_qualifiers", "names.phrase_verbs", "names.phrase_openers",
                                      "comparators.milestone_verbs") for w in LEX.words(path)})


# the pattern clauses._phrase_start reads back from the figure, as it was searched before (issue 16)
PHRASE_START = re.compile(rf"(?:{alternation(LEX.words('names.phrase_qualifiers'))})?(?:{alternation(LEX.words('names.phrase_verbs'))})?"
                          rf"(?:{alternation(LEX.words('names.phrase_openers', 'comparators.milestone_verbs'))})?$")


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASE_WORDS), st.sampled_from(list("地区生产总值增长达到比上年\n 、，"))),
                max_size=12).map("".join), st.sampled_from(["5%", "300亿元", "12"]))
def test_a_figures_phrase_starts_where_the_pattern_said(words, figure):
    """clauses._phrase_start reads the phrase's words back from the figure by their last characters:
    the start the pattern's leftmost match had, searched in all NEAR characters before the figure."""
    clause = words + figure
    at = len(words)

    def whole_window(number_start: int) -> int:
        m = PHRASE_START.search(clause, max(0, number_start - clauses.NEAR), number_start)
        return m.start() if m and m.group() else number_start

    assert clauses._phrase_start(clause, at) == whole_window(at)


def test_a_figures_phrase_start_examples():
    clause = "全市地区生产总值同比增长达到5%"
    assert clauses._phrase_start(clause, clause.index("5")) == clause.index("同比")
    assert clauses._PHRASE_LONGEST < clauses.NEAR

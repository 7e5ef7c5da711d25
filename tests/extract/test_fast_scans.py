"""Scans made fast for speed (issue 16) find exactly what the plain pattern finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from zhibiao.extract.scope import SESSION, sessions

PIECES = ["第十四届", "十四届", "14届", "第十三届全国", "届", "人民代表大会", "人大", "全国人大", "常务委员会", "第二次会议",
          "二次会议", "第3次全体会议", "会议", "以来", "后", "省", "杭州市", "在", " ", "　", "\n", "政府工作报告", "第", "十",
          "一二三", "2024年", "，", "。", "全国"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_sessions_are_the_pattern_s_matches(text):
    assert [(m.span(), m.groups()) for m in sessions(text)] == [(m.span(), m.groups()) for m in SESSION.finditer(text)]


def test_sessions_are_found_in_a_document_head():
    head = "浙江省第十四届人民代表大会第二次会议\n政府工作报告\n——2024年1月23日在省十四届人大二次会议上"
    assert [m.group("term", "session") for m in sessions(head)] == [("十四", "二"), ("十四", "二")]


def test_numerals_read_without_cn2an_are_read_as_cn2an_reads_them():
    import cn2an
    from decimal import Decimal

    from zhibiao.extract.numbers import parse_chinese

    digits = "一二三四五六七八九"
    forms = list("零〇一二两三四五六七八九十") + [a + "十" + b for a in ["", *digits] for b in ["", *digits]]
    for form in forms:
        expected = Decimal(cn2an.cn2an(form.replace("两", "二").replace("〇", "零"), "normal"))
        assert parse_chinese.__wrapped__(form) == expected and str(parse_chinese.__wrapped__(form)) == str(expected)


def test_a_ten_before_two_digits_is_refused_as_cn2an_refuses_it():
    # 十四五 is refused without cn2an: what cn2an says of every 十 followed by two digits from one to nine
    import cn2an
    import pytest

    from zhibiao.extract.numbers import NumberError, parse_chinese

    digits = "一二两三四五六七八九"
    for form in ("十" + a + b for a in digits for b in digits):
        with pytest.raises(ValueError):
            cn2an.cn2an(form.replace("两", "二"), "normal")
        with pytest.raises(NumberError, match="not a Chinese numeral"):
            parse_chinese.__wrapped__(form)
        with pytest.raises(NumberError, match="not a Chinese numeral"):
            parse_chinese.__wrapped__(form + "点五")


# --- scope.TIME_SIGNAL: the loose test for words of time that spares time_of its six searches ------

def _time_words() -> list[str]:
    from zhibiao.extract.lexicon import LEX

    return list(LEX.words("time.result_markers", "time.multi_year", "time.last_year", "time.this_year", "time.future",
                          "time.year_parts", "time.year_not_time", "time.year_not_time_before", "time.five_year_periods",
                          "time.year_to_date", "time.year_to_date_tails"))


TIME_PIECES = st.lists(st.sampled_from(_time_words() + ["2024年", "2023 年", "1999年", "1000年", "到2025年", "截至2023年",
                                                        "“十四五”", "十三五", "十七五", "努力", "努力下", "计划到", "计划", "年度计划",
                                                        "同期", "全市", "地区生产总值", "增长", "6.5%", "，", "。", " ", "力", "争",
                                                        "今", "年", "去", "上", "2", "0", "4"]), max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(TIME_PIECES)
def test_time_signal_finds_every_opening_a_test_of_time_of_finds_words_in(head):
    from zhibiao.extract.scope import (EXPLICIT_YEAR, FUTURE, LAST_YEAR, MULTI, RESULT_MARKERS, THIS_YEAR,
                                       TIME_SIGNAL, YEAR_TO_DATE)

    if TIME_SIGNAL.search(head) is None:
        # (no result marker either: time_of's removal of markers leaves the opening as it is)
        for pattern in (RESULT_MARKERS, EXPLICIT_YEAR, MULTI, LAST_YEAR, THIS_YEAR, FUTURE, YEAR_TO_DATE):
            assert pattern.search(head) is None, (pattern.pattern, head)


def test_time_signal_refuses_an_opening_without_words_of_time():
    from zhibiao.extract.scope import TIME_SIGNAL

    for head in ("全市地区生产总值增长", "规模以上工业增加值", "年度报告", "高质量发展", "一般公共预算收入"):
        assert TIME_SIGNAL.search(head) is None, head
    # (年度计划: the reviewed year's plan — plans.words — is a word of time too)
    for head in ("2023年，", "去年全市", "“十四五”时期", "力争", "计划到", "超额完成", "今年以来", "年度计划"):
        assert TIME_SIGNAL.search(head) is not None, head


@pytest.mark.parametrize("plan_year,expected", [(2024, ("review", 2023)), (2023, ("plan", None))])
def test_an_opening_asked_again_is_answered_for_its_own_scope(plan_year, expected):
    from zhibiao.extract.scope import Scope

    scope = Scope("work_report", plan_year)
    silent = Scope("work_report", plan_year)
    assert silent.time_of("全市地区生产总值增长") == (None, None)
    for _ in range(2):  # (the second answer read from what the first search found)
        assert scope.time_of("2023年，全市") == expected
        assert scope.time_of("全市地区生产总值增长") == (None, None)
    assert Scope("work_report", plan_year).time_of("2023年，全市") == expected
    scope.plan_year = 2025 if plan_year == 2023 else 2023  # (an answer is for the fields it read)
    assert scope.time_of("2023年，全市") == (("review", 2023) if plan_year == 2023 else ("plan", None))


# --- scope.years_before: a year-led pattern tried only at the years before its anchor ------------

YEAR_PIECES = st.lists(st.sampled_from(["2024", "2023", "1999", "12", "年", "年是", " ", "\u3000", "\n", "到", "至", "—", "主要",
                                        "预期", "目标", "指标", "主要预期目标", "经济社会发展", "之年", "关键一年", "，", "。", "；",
                                        "全市", "是", "9"]), max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(YEAR_PIECES)
def test_years_before_an_anchor_are_the_pattern_s_matches(text):
    from zhibiao.extract.scope import TARGET_YEAR, TARGET_YEAR_REACH, YEAR_IS, years_before

    for pattern, anchor, reach in ((TARGET_YEAR, "主要", TARGET_YEAR_REACH), (YEAR_IS, "年是", 0)):
        assert [(m.span(), m.groups()) for m in years_before(pattern, text, anchor, reach)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_years_before_an_anchor_are_found_far_from_it_and_after_spaces():
    from zhibiao.extract.scope import TARGET_YEAR, TARGET_YEAR_REACH, YEAR_IS, years_before

    text = "2024 \u3000年全市经济社会发展的主要预期目标是：…。2025年是“十五五”开局之年，2026年主要目标"
    found = [m.group(1) for m in years_before(TARGET_YEAR, text, "主要", TARGET_YEAR_REACH)]
    assert found == ["2024", "2026"] == [m.group(1) for m in TARGET_YEAR.finditer(text)]
    assert [m.group(1) for m in years_before(YEAR_IS, text, "年是", 0)] == ["2025"]
    # 17 characters between 年 and 主要 are one too many
    assert list(years_before(TARGET_YEAR, "2024年" + "发" * 17 + "主要目标", "主要", TARGET_YEAR_REACH)) == []
    assert len(list(years_before(TARGET_YEAR, "2024年" + "发" * 16 + "主要目标", "主要", TARGET_YEAR_REACH))) == 1


# --- prose: INLINE tried only where a match can start -----------------------

PROSE_PIECES = st.lists(st.sampled_from(["今年", "明年", "2024年", "2024 年", "１２３４年", "12年", "年", "目标", "预期", "建议", "提请",
                                         "拟定", "提出", "明确", "是", "为", "：", "经济增长", "增长", "6%", "5", "全省", "地区生产总值", "，", "。",
                                         "；", "\n", " ", "\u3000", "到2025年", "今后五年", "“十四五”时期", "十四五期间", "去年", "x",
                                         "到", "“", "十"]), max_size=16).map("".join)


@settings(max_examples=3000, deadline=None)
@given(PROSE_PIECES, st.integers(0, 80))
def test_inline_statements_are_the_pattern_s_matches(text, limit):
    from zhibiao.extract.prose import INLINE, inline_statements

    for end in (len(text), min(limit, len(text))):
        assert [(m.span(), m.groups()) for m in inline_statements(text, end)] == \
            [(m.span(), m.groups()) for m in INLINE.finditer(text, 0, end)]


def test_inline_statements_are_found_at_their_reach():
    from zhibiao.extract.prose import INLINE_REACH, inline_statements

    far = "2024年" + "全" * INLINE_REACH + "目标增长6%"
    assert [m.start() for m in inline_statements(far, len(far))] == [0]
    too_far = "2024年" + "全" * (INLINE_REACH + 1) + "目标增长6%"
    assert list(inline_statements(too_far, len(too_far))) == []
    text = "建议2025年，今年全省预期增长6%。\u3000 到2027年，生产总值突破1万亿元。“十五五”时期，年均增长5%"
    assert [m.group() for m in inline_statements(text, len(text))] == ["建议2025年", "今年全省预期"]


def _trigger_words() -> list[str]:
    from zhibiao.extract.lexicon import LEX

    return list(LEX.words("targets.head_qualifiers", "targets.heads", "targets.head_tails", "targets.introductions",
                          "plans.set_by", "targets.aspect_heads", "targets.dash_heads"))


TRIGGER_PIECES = st.lists(st.sampled_from(_trigger_words() + ["主要预期目标", "经济社会发展", "发展", "的", "主要", "预期", "目标", "指标",
                                                              "是", "为", "：", ":", "，", "——", "—", "型", "类", "今年", "增长6%",
                                                              "。", "\n", " ", "x", "目", "标", "指"]), max_size=16).map("".join)


@settings(max_examples=3000, deadline=None)
@given(TRIGGER_PIECES, st.integers(0, 80))
def test_triggers_are_the_pattern_s_matches(text, limit):
    from zhibiao.extract.prose import TRIGGER, triggers

    for end in (len(text), min(limit, len(text))):
        assert [(m.span(), m.groups()) for m in triggers(text, end)] == \
            [(m.span(), m.groups()) for m in TRIGGER.finditer(text, 0, end)]


def test_triggers_are_found_at_their_reach():
    from zhibiao.extract.prose import TRIGGER_REACH, triggers

    assert TRIGGER_REACH == len("经济社会发展的主要预期")  # (the lexicon's words each hold 目标 or 指标)
    text = "全市经济社会发展的主要预期目标是：地区生产总值增长6%。其中主要指标：…"
    assert [m.group() for m in triggers(text, len(text))] == ["经济社会发展的主要预期目标是：", "主要指标："]
    assert [m.group() for m in triggers(text, len(text) - 4)] == ["经济社会发展的主要预期目标是："]


HEADING_PIECES = st.lists(st.sampled_from(["二、", "（一）", "1.", "2026年", "经济社会发展", "主要目标", "预期目标", "主要指标", "发展目标",
                                           "主要预期目标", "和任务", "是", "如下", "：", "。", "\n", " ", "\t", "全市", "x",
                                           "预期性指标", "约束性目标", "（3项）"]),
                          max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(HEADING_PIECES, st.integers(0, 60))
def test_heading_lines_are_the_pattern_s_matches(text, limit):
    from zhibiao.extract.prose import HEAD_LINE, heading_lines

    for end in (len(text), min(limit, len(text))):
        assert [(m.span(), m.groups()) for m in heading_lines(text, end)] == \
            [(m.span(), m.groups()) for m in HEAD_LINE.finditer(text, 0, end)]
        assert [(m.span(), m.groups()) for m in heading_lines(text, end)] == \
            [(m.span(), m.groups()) for m in HEAD_LINE.plain.finditer(text, 0, end)]


def test_a_heading_line_is_found_on_the_first_line_and_after_others():
    from zhibiao.extract.prose import heading_lines

    text = "二、2026年经济社会发展主要预期目标\n全市主要目标是：增长6%。\n（一）主要指标"
    assert [m.group("words") for m in heading_lines(text, len(text))] == ["2026年经济社会发展主要预期目标", "主要指标"]


BULLETIN_PIECES = st.lists(st.sampled_from(["2024年", "2024 年", "某某市", "国民经济和社会发展统计公报", "国民经济和社会发展",
                                            "统计公报", "全年", " ", "\n", "，", "2", "x"]), max_size=12).map("".join)


@settings(max_examples=2000, deadline=None)
@given(BULLETIN_PIECES)
def test_a_bulletin_s_title_is_the_pattern_s_match(head):
    from zhibiao.extract.metadata import BULLETIN_TITLE, bulletin_title

    found, plain = bulletin_title(head), BULLETIN_TITLE.search(head)
    assert (found.span() if found else None) == (plain.span() if plain else None)


def test_a_bulletin_s_title_is_found_at_the_head_of_a_long_line():
    from zhibiao.extract.metadata import bulletin_title

    head = "2025年某某县国民经济和社会发展统计公报 2025年，全县经济稳中有进。"
    assert bulletin_title(head).group() == "2025年某某县国民经济和社会发展统计公报"
    assert bulletin_title("某某县2025年政府工作报告 各位代表：") is None


# --- metadata: a body's region tried only before the body's words ----------------------------------

BODY_PIECES = st.lists(st.sampled_from(["在", "于", "由", "经", "杭州市", "某某", "西湖区", "县", "自治区", "特别行政区", "第", "十四", "十",
                                        "届", "人民代表大会", "人大", "第二次会议", "发展和改革局", "发展和改革委员会", "统计局", "发改委",
                                        "2024年", "1月", "日", "，", "。", "\n", " ", "x", "我"]), max_size=16).map("".join)


@settings(max_examples=4000, deadline=None)
@given(BODY_PIECES)
def test_a_body_s_region_is_the_pattern_s_match(head):
    from zhibiao.extract.metadata import BUREAU_BODY, CONGRESS_BODY, bureau_body, congress_body

    for found, plain in ((congress_body(head), CONGRESS_BODY.search(head)), (bureau_body(head), BUREAU_BODY.search(head))):
        assert ((found.span(), found.groupdict()) if found else None) == ((plain.span(), plain.groupdict()) if plain else None)


def test_a_body_s_region_is_found_at_the_head_far_from_the_start_and_at_its_reach():
    from zhibiao.extract.metadata import REGION_NAME_CHARS, bureau_body, congress_body

    head = "人大" + "政府工作报告\n" * 30 + "——2024年1月21日在某某市第十四届人民代表大会第二次会议上"
    assert congress_body(head).group("r") == "日在某某市"  # (the words before 在: _body_region cuts them)
    assert bureau_body("关于2024年计划的报告\n由某某市某某区发展和改革局编制").group("r") == "由某某市某某区"  # (cut the same way)
    longest = "某" * REGION_NAME_CHARS + "特别行政区"
    assert congress_body(f"，{longest}第{'十' * 40}届人大").group("r") == longest  # (a term's numerals: any number)
    assert bureau_body(f"，{longest}{longest}统计局").group("r") == longest + longest
    assert congress_body("某某市人民代表大会") is None and bureau_body("发展和改革局") is None


def _future_words() -> list[str]:
    from zhibiao.extract.lexicon import LEX

    return list(LEX.words("targets.next_five_years", "targets.later_year_leads"))


FUTURE_PIECES = st.lists(st.sampled_from(_future_words() + ["2025年", "2035年", "十四五", "十五五", "“", "”", "时期", "期间", "，", ",",
                                                            "。", "\n", " ", "\t", "\u3000", "到", "今", "十", "x", "增长6%"]),
                         max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(FUTURE_PIECES)
def test_future_openings_are_the_pattern_s_matches(text):
    from zhibiao.extract.prose import FUTURE_OPENING, future_openings

    assert [(m.span(), m.groups()) for m in future_openings(text)] == \
        [(m.span(), m.groups()) for m in FUTURE_OPENING.finditer(text)]


def test_future_openings_are_found_at_the_text_s_start_and_after_sentences():
    from zhibiao.extract.prose import future_openings

    text = "到2025年，生产总值突破1万亿元。\u3000 “十四五”时期，年均增长5%\n今后五年，力争…。增长到2030年，x"
    assert [m.group().strip() for m in future_openings(text)] == ["到2025年，", "“十四五”时期，", "今后五年，"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["到", "2025", "2024", "20", "2", "5", "年", "前", "底", "以", "年底前", "完成", "，", "。", "x", "２"]),
                max_size=12).map("".join))
def test_a_later_year_is_found_as_the_pattern_finds_it(text):
    from zhibiao.extract.commitments import OTHER_YEAR, _other_year

    expected, found = OTHER_YEAR.search(text), _other_year(text)
    assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


# --- numbers.iter_numbers: the bare magnitudes' and the tenths' scans only where their character is ---

NUMBER_PIECES = st.lists(st.sampled_from(["突破", "达到", "达", "超", "增长", "下降", "近", "千", "百", "万", "亿", "成", "两",
                                          "一", "三", "十", "元", "亿元", "万人", "12", "3.5", "%", "，", "。", " ", "统一",
                                          "一成不变", "千亿元", "百亿", "两成"]), max_size=12).map("".join)


@settings(max_examples=3000, deadline=None)
@given(NUMBER_PIECES)
def test_bare_magnitudes_and_tenths_hold_the_characters_tested_before_their_scans(text):
    from zhibiao.extract.numbers import BARE_MAGNITUDE, BARE_MAGNITUDE_CHARS, TENTH_WORDS, TENTHS

    if not any(c in text for c in BARE_MAGNITUDE_CHARS):
        assert BARE_MAGNITUDE.search(text) is None
    if not any(w in text for w in TENTH_WORDS):
        assert TENTHS.search(text) is None


def test_bare_magnitudes_and_tenths_are_still_read():
    from decimal import Decimal

    from zhibiao.extract.numbers import iter_numbers

    assert [(n.value, n.start, n.end, n.fraction) for n in iter_numbers("规模突破千亿元")] == [(Decimal(1000), 4, 5, "")]
    assert [(n.value, n.fraction) for n in iter_numbers("销量增长两成")] == [(Decimal(20), "%")]


# --- clauses: the clause analysis's pattern calls spared by cheaper tests (session 33) ---------------

LETTER_PIECES = ["产", "值", "A", "z", "M2", "5", "、", " ", "\n", "“", "”", "Ａ", "㐀", "_", "（", "-"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LETTER_PIECES), max_size=8).map("".join))
def test_two_letters_answers_as_the_pattern_does(text):
    from zhibiao.extract.clauses import TWO_LETTERS, two_letters

    assert two_letters(text) == (TWO_LETTERS.search(text) is not None)


def test_a_name_of_letters_alone_holds_nothing_not_in_a_name():
    # (_good_name asks NOT_IN_A_NAME only of a name that is not letters alone: no letter is a digit or a mark of it)
    import sys

    from zhibiao.extract.clauses import NOT_IN_A_NAME

    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha()]
    assert not any(NOT_IN_A_NAME.search(c) for c in letters)
    assert NOT_IN_A_NAME.search("建成2024年") and NOT_IN_A_NAME.search("产值>") and not "产值>".isalpha()


SUBJECT_PIECES = ["粮食产量", "实现", "稳中有升", "止跌回稳", "保持", "两位数", "增长", "屡创历史新高", "完成", "年计划", "的",
                  "达到", "预期目标", "101.2%", "8家", "，", " ", "规上工业增加值", "为", "量质齐升", "进一步"]


def _subject_by_three_searches(clause):
    # the reference: the first of the three predicates' separate searches, as _subject read it before
    from zhibiao.extract import clauses
    from zhibiao.extract.grammar import DIRECTION_COMPOUND

    hits = [h for h in (clauses.SUBJECT_VERB.search(clause), DIRECTION_COMPOUND.search(clause), clauses.SIZED.search(clause)) if h]
    return min(h.start() for h in hits) if hits else None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_PIECES), max_size=8).map("".join))
def test_the_predicate_s_one_search_starts_where_the_first_of_three_does(clause):
    from zhibiao.extract.clauses import PREDICATE, SHARE_OF_PLAN

    m = PREDICATE.search(clause)
    assert (m.start() if m else None) == _subject_by_three_searches(clause)
    assert SHARE_OF_PLAN.search(clause) is None or "的" in clause


REGION_PIECES = ["洛阳市", "全省", "全国", "我市", "其中", "同时", "高新区", "确定", "提出", "目标", "增长", "6%", "左右", "，",
                 " ", "宜阳县", "自治区", "节能减排完成市", "要求", "产业集聚区", "全市", "第一", "市", "下达", "我县"]


def _opens_by_patterns(regions, clause):
    # the reference: OtherRegions.opens with every pattern asked, as it read a clause before
    from zhibiao.extract import clauses

    opening = clause.lstrip()
    rest = clauses.LEADING_LINK.sub("", opening)
    if regions.wider is not None and regions.wider.match(rest) and not clauses.WIDER_RANK.match(opening):
        return True
    if clauses.ASSIGNED_TO_OWN.match(rest):
        return True  # (the level above assigning the document's region a figure: 市下达我县…)
    named = clauses.REGION_SETS.match(rest)
    if named is None or named.group("r") in clauses.REGION_WORDS:
        return False
    region = named.group("r")
    if len(clauses.REGION_SUFFIX_END.sub("", region)) < 2:
        return False  # (该县提出…, 市市确定: a word, without a registry to know a county of one character)
    rank = clauses.LEVEL_RANKS.get(clauses.region_level(region) or "", 0)
    if rank < regions.rank or (rank == regions.rank and region.endswith("区")):
        return False
    return clauses.REGION_SUFFIX_END.sub("", region) not in regions.own


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(["宜阳县", "洛阳市", "河南省", "某某区", None]),
       st.lists(st.sampled_from(REGION_PIECES), max_size=7).map("".join), st.booleans())
def test_other_regions_are_found_as_every_pattern_finds_them(region_name, clause, may_be_national):
    from zhibiao.extract.clauses import OtherRegions

    regions = OtherRegions(region_name, may_be_national=may_be_national)
    assert regions.opens(clause) == _opens_by_patterns(regions, clause)


def test_other_regions_setting_figures_are_still_found():
    from zhibiao.extract.clauses import OtherRegions

    county = OtherRegions("宜阳县")
    assert county.opens("洛阳市确定增长6%左右") and county.opens("其中全省确定增长5.5%左右")
    assert county.opens("广西壮族自治区提出增长7%")
    assert not county.opens("全县确定增长6%") and not county.opens("规上工业增加值增长6%")


def test_a_commitment_s_section_path_is_section_path_at_s():
    # (commitments bisect the sections' starts, given once a document, instead of a key function at each step)
    from zhibiao.extract.commitments import _section_path_at
    from zhibiao.extract.sections import section_path_at
    from zhibiao.models import Section, Span

    sections = [Section(1, "一", "甲", Span(10, 12), ["甲"]), Section(2, "（一）", "乙", Span(30, 33), ["甲", "乙"]),
                Section(1, "二", "丙", Span(50, 52), ["丙"])]
    starts = [s.span.start for s in sections]
    for offset in range(0, 70):
        assert _section_path_at(sections, starts, offset) == section_path_at(sections, offset)


LATIN_PIECES = ["增长", "5.8%", "（", "）", "(", ")", "up", " ", "GDP", "a", "b", "中", "。", "\n", "Tax Revenue", "km", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LATIN_PIECES), max_size=12).map("".join))
def test_english_prose_is_blanked_as_without_the_ascii_test_first(text):
    # (without_latin_prose passes a text whose ASCII holds no two lowercase letters in a row before its
    # scan of every character: the scan's own answer — a中b is no pair, and the scan finds none either)
    from zhibiao.extract.segments import _latin_prose_blanked, without_latin_prose

    assert without_latin_prose(text) == _latin_prose_blanked(text, ())


def _candidates_among_every_test(text, numbers):
    # (candidates_among as it was: the dates and times read first, every test asked of every number)
    from zhibiao.extract.grammar import (ASCII_LETTERS, BARE_MAGNITUDE_TAIL, BARE_MAGNITUDES, COUNT_WORDS, DATE_OR_TIME,
                                         HAN_CHAR, MAGNITUDES, MAY_HOLD_STAMP, NOT_A_VALUE_AFTER, RATE_UNITS,
                                         REFERENCE_BEFORE, TIME_AFTER, UNIT_AFTER, _qualifies_a_name)
    from zhibiao.extract.numbers import NumberMatch, parse_chinese

    stamps = [(m.start(), m.end()) for m in DATE_OR_TIME.finditer(text)] if MAY_HOLD_STAMP.search(text) else []
    out = []
    for n in numbers:
        if any(a <= n.start < b for a, b in stamps):
            continue
        if n.chinese and not n.fraction and n.end - n.start > 1 and text[n.end - 1] in "万亿" and UNIT_AFTER.match(text, n.end - 1):
            n = NumberMatch(parse_chinese(text[n.start:n.end - 1]), n.start, n.end - 1, n.fraction, True)
        following = text[n.end:n.end + 1]
        after = NOT_A_VALUE_AFTER.match(text, n.end)
        if after is not None and (after.lastgroup != "year" or n.chinese or 1900 <= n.value <= 2100
                                  or TIME_AFTER.match(text, n.end)):
            continue
        if n.start > 0 and text[n.start - 1] in ASCII_LETTERS:
            continue
        if text.count("“", 0, n.start) > text.count("”", 0, n.start):
            continue
        if n.start and REFERENCE_BEFORE.search(text[max(0, n.start - 3):n.start]):
            continue
        if not n.fraction and following not in RATE_UNITS and _qualifies_a_name(text, n):
            continue
        if n.chinese and not n.fraction:
            unit = UNIT_AFTER.match(text, n.end)
            if not unit or unit.group().strip() in COUNT_WORDS:
                continue
            if n.end - n.start == 1 and text[n.start] in BARE_MAGNITUDES and unit.group().strip() in MAGNITUDES:
                continue
            if n.end - n.start == 1 and text[n.start] in BARE_MAGNITUDES and HAN_CHAR.match(text, unit.end()) \
                    and not BARE_MAGNITUDE_TAIL.match(text, unit.end()):
                continue
        out.append(n)
    return out


CANDIDATE_PIECES = ["增长", "6.5", "%", "亿元", "一百二十", "家", "2024年", "PM2.5", "“", "”", "5+1", "见表1", "，", "-", "3",
                    "万人", "百分之五", "两个", " ", "\u3000", "2026-02-12", "16:30", "新增", "个", "〔2021〕5号", "5G", "两成",
                    "突破", "千", "超", "进一步", "一是", "十", "三", "一千二百万人", "万", "亿", "项", "人", "方面", "/", ".",
                    "年代", "以上", "企业", "2.", "12", "三 亿元", "十\u3000万人", "五千 万元"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=12).map("".join))
def test_candidates_among_leaves_out_what_every_test_asked_of_every_number_leaves_out(text):
    # (a Chinese numeral no unit's first character nor a space follows is left out at once — UNIT_AFTER
    # cannot match there — and the dates and times are read only once a number has passed every other test)
    # (a Chinese numeral never starts inside a date or time — digits and separators only — so the
    # numeral a unit's 万 is taken from is read as before, and refused as before: 十亿一千二百|万人)
    from zhibiao.extract.grammar import candidates_among
    from zhibiao.extract.numbers import NumberError, find_numbers

    numbers = find_numbers(text)
    try:
        expected = _candidates_among_every_test(text, numbers)
    except NumberError:
        with pytest.raises(NumberError):
            list(candidates_among(text, numbers))
        return
    assert list(candidates_among(text, numbers)) == expected
    assert list(candidates_among(text)) == expected


@pytest.mark.parametrize("text, value", [("新增三 亿元", 3), ("达到十\u3000万人", 10), ("新增五千 万元投资", 5000)])
def test_a_chinese_numeral_before_a_space_and_a_unit_is_still_read(text, value):
    from zhibiao.extract.grammar import candidates_among

    assert [n.value for n in candidates_among(text)] == [value]

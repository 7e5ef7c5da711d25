"""The words of time (``time.*`` of the lexicon and ``congress_terms.yaml``), one phrase (or more)
per word: what the opening words of a sentence say about its time, which clauses speak of the
plan, how a report's part is read from its heading, and the evidence of the plan year (headings,
"…之年", the delivery to the congress, the session of a term). Every phrase is written here with
facts of our own choosing; none is built from the lexicon (see ``benchmarks/lexicon_mutations.py``).
"""
from __future__ import annotations

import pytest

from zhibiao.extract.scope import Scope, delivered_on, period_in, target_year_in, title_mode, year_evidence

REPORT = Scope("work_report", 2024)

# time.last_year / multi_year / five_year_periods / future / the years a sentence opens with:
# (the opening words, (mode, year))
TIMES = [
    ("去年全市地区生产总值增长6%", ("review", None)), ("上年全市地区生产总值增长6%", ("review", None)),
    ("过去一年全市地区生产总值增长6%", ("review", None)), ("一年来全市地区生产总值增长6%", ("review", None)),
    ("过去的一年全市地区生产总值增长6%", ("review", None)),
    ("这五年全市地区生产总值年均增长6%", ("multi", None)), ("五年来全市地区生产总值年均增长6%", ("multi", None)),
    ("过去五年全市地区生产总值年均增长6%", ("multi", None)), ("过去的五年全市地区生产总值年均增长6%", ("multi", None)),
    ("近两年全市地区生产总值年均增长6%", ("multi", None)), ("近三年全市地区生产总值年均增长6%", ("multi", None)),
    ("近四年全市地区生产总值年均增长6%", ("multi", None)), ("近五年全市地区生产总值年均增长6%", ("multi", None)),
    ("两年间全市地区生产总值年均增长6%", ("multi", None)), ("三年间全市地区生产总值年均增长6%", ("multi", None)),
    ("四年间全市地区生产总值年均增长6%", ("multi", None)), ("五年间全市地区生产总值年均增长6%", ("multi", None)),
    ("五年累计新增就业15万人", ("multi", None)), ("这些年全市地区生产总值年均增长6%", ("multi", None)),
    ("党的二十大以来全市地区生产总值年均增长6%", ("multi", None)), ("近年来全市地区生产总值年均增长6%", ("multi", None)),
    ("多年来全市地区生产总值年均增长6%", ("multi", None)), ("历年全市地区生产总值年均增长6%", ("multi", None)),
    ("几年来全市地区生产总值年均增长6%", ("multi", None)), ("近几年全市地区生产总值年均增长6%", ("multi", None)),
    ("三年来全市地区生产总值年均增长6%", ("multi", None)), ("两年来全市地区生产总值年均增长6%", ("multi", None)),
    ("“十三五”时期全市地区生产总值年均增长6%", ("multi", None)), ("“十三五”期间全市地区生产总值年均增长6%", ("multi", None)),
    ("“十三五”以来全市地区生产总值年均增长6%", ("multi", None)),
    ("今年全市地区生产总值增长6%", ("plan", None)), ("明年全市地区生产总值增长6%", ("plan", None)),
    ("下一步全市地区生产总值增长6%", ("plan", None)), ("预计到年底全市地区生产总值增长6%", ("plan", None)),
    ("力争全市地区生产总值增长6%", ("plan", None)), ("力求全市地区生产总值增长6%", ("plan", None)),
    ("预期全市地区生产总值增长6%", ("plan", None)), ("将要全市地区生产总值增长6%", ("plan", None)),
    # time.year_not_time: a year followed by one of these is not the time of the sentence
    ("2023年全市地区生产总值增长6%", ("review", 2023)), ("2020年以来全市地区生产总值年均增长6%", ("multi", None)),
    ("2020年来全市地区生产总值年均增长6%", (None, None)), ("2020年起全市实行新标准", (None, None)),
    ("2020年前全市完成改造", (None, None)), ("2020年之前全市完成改造", (None, None)),
    ("2020年以前全市完成改造", (None, None)), ("2020年计划全市地区生产总值增长6%", (None, None)),
    ("2020年目标全市地区生产总值增长6%", (None, None)), ("2020年的目标全市地区生产总值增长6%", (None, None)), ("2020年规划全市地区生产总值增长6%", (None, None)),
    # time.year_not_time_before: a year after one of these is a comparison or an end point
    ("比2020年全市地区生产总值增长6%", (None, None)), ("较2020年全市地区生产总值增长6%", (None, None)),
    ("与2020年相比全市地区生产总值增长6%", (None, None)), ("同2020年相比全市地区生产总值增长6%", (None, None)),
    ("和2020年相比全市地区生产总值增长6%", (None, None)), ("至2020年全市地区生产总值增长6%", (None, None)),
    ("从2020年全市地区生产总值增长6%", (None, None)), ("由2020年全市地区生产总值增长6%", (None, None)),
]


@pytest.mark.parametrize("opening,expected", TIMES)
def test_what_opening_words_say_of_time(opening, expected):
    assert REPORT.time_of(opening) == expected


# time.review_openers: in a five-year plan, a sentence opening with one of them looks back to the
# period's base year (an outline for 2021-2025 looks back to 2020)
LOOKING_BACK = ["回顾全市发展成就", "五年来全市地区生产总值年均增长6%", "过去五年全市地区生产总值年均增长6%",
                "过去的五年全市地区生产总值年均增长6%", "这五年全市地区生产总值年均增长6%",
                "党的十九大以来全市地区生产总值年均增长6%"]


@pytest.mark.parametrize("opening", LOOKING_BACK)
def test_openings_that_look_back_in_a_five_year_plan(opening):
    assert Scope("five_year_plan", 2021, horizon=2025).five_year_past(opening) == 2020


# time.compared_year_before: in a five-year plan, a year a figure is compared with or changes from dates
# nothing (a 十五五 outline looking back: the level reached is its base year's, 2025)
COMPARED = ["全县粮食总产量比2021年增加5万吨", "全县粮食总产量较2021年增加5万吨", "全县粮食总产量与2021年相比增加5万吨",
            "全县粮食总产量同2021年相比增加5万吨", "全县粮食总产量从2021年的80万吨增加到85万吨",
            "全县粮食总产量由2021年的80万吨增加到85万吨", "全县粮食总产量是2021年的1.1倍"]


@pytest.mark.parametrize("opening", COMPARED)
def test_a_year_compared_with_dates_nothing_in_a_five_year_plan(opening):
    assert Scope("five_year_plan", 2026, horizon=2030).five_year_past(opening) is None


def test_the_year_a_level_is_raised_to_dates_it_in_a_five_year_plan():
    outline = Scope("five_year_plan", 2026, horizon=2030)
    assert outline.five_year_past("全县粮食总产量由2021年的80万吨增加到2025年的85万吨") == 2025
    # 到2025年 in a review of 2025 is the year the level was reached, no word of the future; in an
    # outline of 2021 it is ahead
    assert not outline.is_future("增加到2025年的85万吨")
    assert Scope("five_year_plan", 2021, horizon=2025).is_future("增加到2025年的85万吨")
    assert not REPORT.is_future("增加到2023年的85万吨") and REPORT.is_future("增加到2024年的85万吨")


# time.result_markers: a result told against expectations or after effort speaks of the past, though
# the words of the future (预期, 努力, 目标) are in it; time.future / soft_future: the plan
FUTURE = [
    ("好于年初预期", (False, False)), ("超预期", (False, False)), ("好于预期", (False, False)),
    ("好于年初目标", (False, False)), ("超出预期", (False, False)), ("超过预期", (False, False)),
    ("高于预期", (False, False)), ("低于预期", (False, False)), ("不及预期", (False, False)),
    ("通过不懈努力", (False, False)), ("经过不懈努力", (False, False)), ("经过努力", (False, False)),
    ("通过努力", (False, False)), ("目标顺利完成", (False, False)), ("超额完成目标任务", (False, False)),
    ("拟新增就业3万人", (False, True)), ("确保新增就业3万人", (False, True)), ("有望新增就业3万人", (False, True)),
    ("目标新增就业3万人", (False, True)), ("今年新增就业3万人", (True, False)), ("明年新增就业3万人", (True, False)),
]


@pytest.mark.parametrize("clause,expected", FUTURE)
def test_clauses_that_speak_of_the_plan(clause, expected):
    assert (REPORT.is_future(clause), REPORT.is_soft_future(clause)) == expected


# time.reporting_verbs: a first clause that only says who speaks says nothing of time
SPEAKERS = ["报告指出", "报告提出", "数据显示", "他称", "报告提到", "报告明确", "市长说", "市长表示", "市长介绍", "市长透露",
            "报告回顾", "报告强调", "报告披露"]


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_who_speaks_says_nothing_of_time(speaker):
    assert Scope.opening(speaker + "，去年全市地区生产总值增长6%") == "去年全市地区生产总值增长6%"


# time.review_titles / multi_titles / plan_titles: a report's part read from its heading
TITLES = [
    ("一年来工作回顾", "review"), ("计划执行情况", "review"), ("目标完成情况", "review"), ("主要工作", "review"),
    ("总结", "review"), ("过去一年", "review"), ("发展成就", "review"), ("工作成绩", "review"), ("基本情况", "review"),
    ("经济运行情况", "review"), ("经济发展情况", "review"), ("取得的进展", "review"),
    ("发展基础", "review"),
    ("过去五年工作回顾", "multi"), ("过去十年成就", "multi"), ("“十三五”时期回顾", "multi"), ("本届政府工作回顾", "multi"),
    ("党的二十大以来工作回顾", "multi"),
    ("今年工作", "plan"), ("明年工作", "plan"), ("目标", "plan"), ("总体要求", "plan"), ("工作安排", "plan"),
    ("工作部署", "plan"), ("重点工作", "plan"), ("主要任务", "plan"), ("建议", "plan"), ("计划草案", "plan"),
    ("展望", "plan"), ("工作思路", "plan"), ("主要举措", "plan"), ("保障措施", "plan"), ("对策", "plan"),
    ("政府自身建设", "plan"),
]


@pytest.mark.parametrize("title,mode", TITLES)
def test_parts_read_from_their_headings(title, mode):
    assert title_mode(title, 2024) == mode


# time.review_headings / plan_headings / this_year_headings / year_of_phrases / congress /
# congress_events / today / yesterday: evidence of the plan year, (text, [(source, year)])
EVIDENCE = [
    ("一、2023年工作回顾\n去年全市经济稳定增长。", [("review_heading", 2024)]),
    ("一、2023年回顾\n去年全市经济稳定增长。", [("review_heading", 2024)]),
    ("一、2023年执行情况\n去年全市经济稳定增长。", [("review_heading", 2024)]),
    ("一、2023年主要工作\n去年全市经济稳定增长。", [("review_heading", 2024)]),
    ("一、2023年工作总结\n去年全市经济稳定增长。", [("review_heading", 2024)]),
    ("二、2024年工作安排\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年主要目标\n今年全市经济稳定增长。", [("target_statement", 2024), ("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年预期目标\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年重点工作\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年工作任务\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年总体要求\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年计划草案\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年工作部署\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("二、2024年总体部署\n今年全市经济稳定增长。", [("plan_heading", 2024), ("plan_named", 2024)]),
    ("2024年是全面贯彻党的二十大精神的开局之年。做好今年工作意义重大。", [("year_is", 2024)]),
    ("2024年是实施规划的关键一年。做好今年工作意义重大。", [("year_is", 2024)]),
    ("2024年是实施规划的重要一年。做好今年工作意义重大。", [("year_is", 2024)]),
    ("2024年1月10日在某市第十届人民代表大会第三次会议上", [("delivery", 2024)]),
    ("2024年1月10日在某市第十届人大第三次会议上", [("delivery", 2024)]),
    ("1月10日，某市第十届人民代表大会第三次会议召开。\n2024-01-11", [("delivery", 2024)]),
    ("1月10日，某市第十届人民代表大会第三次会议举行。\n2024-01-11", [("delivery", 2024)]),
    ("1月10日，某市第十届人民代表大会第三次会议隆重开幕。\n2024-01-11", [("delivery", 2024)]),
    ("2024-01-11 10:00\n某市第十届人民代表大会第三次会议10日开幕。", [("delivery", 2024)]),
]


@pytest.mark.parametrize("text,expected", EVIDENCE)
def test_evidence_of_the_plan_year(text, expected):
    assert [(e.source, e.year) for e in year_evidence(text, None, "work_report")] == expected


# a plan part's "今年…" weighs a "2024年是…之年" sentence (time.this_year); 今年 opens a heading
# for the plan year (time.this_year_headings)
def test_this_year_after_the_year_of_phrase_weighs_it():
    heavy = year_evidence("2024年是实施规划的关键一年。做好今年工作意义重大。", None, "work_report")
    light = year_evidence("2024年是实施规划的关键一年。做好全年工作意义重大。", None, "work_report")
    assert [e.weight for e in heavy] == [4] and [e.weight for e in light] == [1]


THIS_YEAR_HEADINGS = ["今年工作", "今年目标", "今年主要任务", "今年工作安排", "今年工作部署", "明年重点安排", "今年总体部署"]


@pytest.mark.parametrize("heading", THIS_YEAR_HEADINGS)
def test_a_heading_for_this_year_ends_the_review(heading):
    from zhibiao.extract.scope import THIS_YEAR_HEADING

    assert THIS_YEAR_HEADING.search("去年全市经济稳定增长。\n" + heading + "\n全市上下要奋发有为。")


# time.today / time.yesterday: a news item's day of delivery, from its byline
DAYS = [("2024-01-11 10:00\n昨天上午，某市第十届人民代表大会第三次会议开幕。", "2024-01-10"),
        ("2024-01-11 10:00\n昨日上午，某市第十届人民代表大会第三次会议开幕。", "2024-01-10"),
        ("2024-01-11 10:00\n今天上午，某市第十届人民代表大会第三次会议开幕。", "2024-01-11"),
        ("2024-01-11 10:00\n今日上午，某市第十届人民代表大会第三次会议开幕。", "2024-01-11"),
        ("人民网1月10日电 今天上午，某市第十届人民代表大会第三次会议在市会议中心召开。\n2024-01-10", "2024-01-10"),
        # time.congress_reports: a report handed to the congress on a day
        ("1月12日，市长代表市人民政府向某市第十届人民代表大会第三次会议作《政府工作报告》。", "2024-01-12"),
        ("1月12日，市人民政府向某市第十届人民代表大会第三次会议提交《政府工作报告》。", "2024-01-12"),
        ("1月12日，市长向某市第十届人民代表大会第三次会议作书面报告。", "2024-01-12"),
        ("1月12日，市人民政府向某市第十届人民代表大会第三次会议以书面形式提交报告。", "2024-01-12"),
        # a lead opening with the day alone, its month and year the byline's
        ("来源：某市日报 2024-01-11 08:15\n\n10日，某市第十届人民代表大会第三次会议开幕，市长作政府工作报告。", "2024-01-10"),
        ("2024-02-01 08:15\n\n31日，某市第十届人民代表大会第三次会议开幕。", "2024-01-31"),
        # a news site's dateline before the lead's own day is the posting's (red team 34)
        ("某某新闻网1月11日讯　1月10日，某市第十届人民代表大会第三次会议开幕。", "2024-01-10"),
        ("1月10日至12日，某市第十届人民代表大会第三次会议召开。", "2024-01-10")]


@pytest.mark.parametrize("text,day", DAYS)
def test_the_day_a_report_was_delivered(text, day):
    assert delivered_on(text, 2024) == day


# congress_terms.yaml: the session of a national or provincial congress dates its report
SESSIONS = [
    ("在第十四届全国人民代表大会第二次会议上", 2024), ("在第十四届全国人民代表大会第一次会议上", 2023),
    ("在第十三届全国人民代表大会第五次会议上", 2022), ("在浙江省第十四届人民代表大会第三次会议上", 2025),
    ("在浙江省第十三届人民代表大会第四次会议上", 2021),
    ("在北京市第十六届人民代表大会第二次会议上", 2024), ("在天津市第十八届人民代表大会第二次会议上", 2024),
    ("在上海市第十六届人民代表大会第二次会议上", 2024), ("在重庆市第六届人民代表大会第二次会议上", 2024),
    ("在海南省第七届人民代表大会第二次会议上", 2024), ("在宁夏回族自治区第十三届人民代表大会第二次会议上", 2024),
    ("在西藏自治区第十二届人民代表大会第二次会议上", 2024),
    ("在北京市第十五届人民代表大会第五次会议上", 2022), ("在天津市第十七届人民代表大会第五次会议上", 2022),
    ("在上海市第十五届人民代表大会第五次会议上", 2022), ("在重庆市第五届人民代表大会第五次会议上", 2022),
    ("在海南省第六届人民代表大会第五次会议上", 2022), ("在宁夏回族自治区第十二届人民代表大会第五次会议上", 2022),
    ("在西藏自治区第十一届人民代表大会第五次会议上", 2022),
    # a term lasts five years: a sixth session would be in the next term's first year at the latest
    ("在第十四届全国人民代表大会第七次会议上", 2027),
    # documents.national_bodies: the nation's congress named before its term
    ("在全国第十四届人民代表大会第二次会议上", 2024),
]


@pytest.mark.parametrize("text,year", SESSIONS)
def test_congress_sessions_date_a_report(text, year):
    assert [(e.source, e.year) for e in year_evidence(text, None, "work_report")] == [("congress", year)]


# target_year_in: the year a target statement names (scope's five-year periods)
@pytest.mark.parametrize("words,year", [("“十四五”时期", 2025), ("“十三五”时期", 2020), ("“十二五”期间", 2015),
                                        ("“十一五”时期", 2010), ("到2035年", 2035), ("2021—2025年", 2025),
                                        ("展望2035年", 2035), ("至2030年", 2030), ("截至2025年", 2025)])
def test_the_year_a_statement_names(words, year):
    assert target_year_in(words) == year


# time.year_to_date / year_to_date_tails: in an in-year report (…2024年1—9月…计划执行情况) the year so far
# is its own year — results, not several years; another year's 以来 still is several
IN_YEAR = Scope("plan_report", 2024, in_year=True)
YEAR_SO_FAR = ["今年以来", "年初以来", "今年年初以来", "年初至今", "入年以来", "2024年以来", "2024年初以来"]


@pytest.mark.parametrize("opening", YEAR_SO_FAR)
def test_the_year_so_far_is_an_in_year_reports_own_year(opening):
    assert IN_YEAR.time_of(f"{opening}，全市地区生产总值增长") == ("review", 2024)
    assert not IN_YEAR.over_years(f"{opening}，全市地区生产总值增长6%")


@pytest.mark.parametrize("opening", ["2021年以来", "五年来", "近三年"])
def test_another_years_since_is_several_years_in_an_in_year_report(opening):
    assert IN_YEAR.time_of(f"{opening}，全市地区生产总值年均增长") == ("multi", None)
    assert IN_YEAR.over_years(f"{opening}，全市地区生产总值年均增长6%")


def test_the_year_so_far_is_several_years_elsewhere():
    assert REPORT.over_years("年初以来，全市地区生产总值增长6%")  # (a work report: 以来 is a look back)


# time.half_year / three_quarters / first_quarter / month_ends: the part of a year words name
PARTS = [("1—9月", (1, 9)), ("一至五月", (1, 5)), ("上半年", (1, 6)), ("前三季度", (1, 9)), ("一季度", (1, 3)),
         ("9月末", (1, 9)), ("截至6月底", (1, 6)), ("12月末", None), ("全年", None)]


@pytest.mark.parametrize("words,part", PARTS)
def test_the_part_of_a_year_words_name(words, part):
    assert period_in(words) == part

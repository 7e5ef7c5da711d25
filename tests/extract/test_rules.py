"""Rules of the clause analysis and the readers that no document of our own corpus happened to
exercise, each pinned by a clause or a short document written here (facts of our own choosing):
remove the rule and its case fails.
"""
from __future__ import annotations

import pytest

from zhibiao.api import extract_file, extract_text
from zhibiao.extract.clauses import clause_figures
from zhibiao.extract.metadata import find_region_name
from zhibiao.extract.prose import find_target_lists
from zhibiao.models import LoadedText
from zhibiao.text.document import Document


def figures(clause: str, last: str | None = None) -> list[tuple]:
    found, _ = clause_figures(clause, last)
    return [(f.name, f.measure, f.comparator, str(f.value), f.unit) for f in found]


CLAUSES = [
    # a total names the thing counted just before it; a total of nothing named is no figure
    ("总数达到2100家", "新增高新技术企业", [("高新技术企业总数", "level", "=", "2100", "家")]),
    ("总数达到2100家", None, []),
    # a list of counts: the last item names this figure (…产业链3条以上、省级龙头企业12家)
    ("建成示范产业链3条以上、省级龙头企业12家", None, [("省级龙头企业", "level", "=", "12", "家")]),
    # a list ending in 等: the thing measured follows the list
    ("争取专项债、特别国债等资金支持85亿元", None, [("争取资金支持", "level", "=", "85", "亿元")]),
    # a place before the verb: the thing counted follows the figure
    ("在园区、平台建设15个线下分中心", None, [("线下分中心", "level", "=", "15", "个")]),
    # a name ending in 和: the thing counted follows the figure
    ("推出70项应用场景和10个特色产业专区应用", None,
     [("应用场景", "level", "=", "70", "项"), ("特色产业专区应用", "level", "=", "10", "个")]),
    # an intensity head is shared in order, but never by a pollutant (cut in total)
    ("单位地区生产总值能耗、化学需氧量排放量分别降低3%、2%", None,
     [("单位地区生产总值能耗", "growth", "=", "-3", "%"), ("化学需氧量排放量", "growth", "=", "-2", "%")]),
    # ... to a short name too (能耗: the energy intensity)
    ("单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%", None,
     [("单位国内生产总值用水量", "growth", "=", "-23", "%"), ("单位国内生产总值能耗", "growth", "=", "-15", "%"),
      ("单位国内生产总值二氧化碳排放量", "growth", "=", "-18", "%")]),
    # 总量 after a full name adds nothing
    ("地区生产总值总量迈上3000亿元", None, [("地区生产总值", "level", "=", "3000", "亿元")]),
    # ... but after an activity's name it is the amount
    ("主要污染物排放总量下降5%", None, [("主要污染物排放总量", "growth", "=", "-5", "%")]),
    # a policy's name (新36条) and a page's reader count are no figures
    ("出台民间投资新36条", None, []),
    ("阅读 3.2万", None, []),
    # a name saying what it measures: 涨幅 a growth, 覆盖率 a share
    ("居民消费价格涨幅为2.1%", None, [("居民消费价格涨幅", "growth", "=", "2.1", "%")]),
    ("森林覆盖率为61%", None, [("森林覆盖率", "share", "=", "61", "%")]),
    # more than a printed count (4万多家, 3万余人)
    ("服务企业4万多家", None, [("服务企业", "level", ">", "4", "万家")]),
    ("带动就业3万余人", None, [("带动就业", "level", ">", "3", "万人")]),
    # a rating inside a name (±800千伏), a name in quotation marks (“5+1”), the count of a list just printed
    ("建设±800千伏输电通道", None, []),
    ("打造“5+1”产业集群", None, []),
    ("聚焦工矿、农业等9个重点领域", None, []),
    # a period before the name is no part of it
    ("上半年，地区生产总值增长5%", None, [("地区生产总值", "growth", "=", "5", "%")]),
]


@pytest.mark.parametrize("clause, last, expected", CLAUSES)
def test_clause_rules(clause, last, expected):
    assert figures(clause, last) == expected


def actuals(text: str) -> list[tuple]:
    e = extract_text(text)
    return [(a.year, a.name, a.measure, str(a.value), a.unit) for a in e.actuals]


def test_in_a_review_of_several_years_the_clauses_from_去年_on_are_last_years_results():
    text = ("政府工作报告\n各位代表：\n一、2024年工作回顾\n"
            "五年累计新增上市企业12家，累计达到58家；去年新增高新技术企业310家，总数达到2100家。\n")
    assert actuals(text) == [(2024, "新增高新技术企业", "level", "310", "家"), (2024, "高新技术企业总数", "level", "2100", "家")]


def test_a_share_of_the_plan_done_is_no_result_but_names_the_figures_after_it():
    text = ("政府工作报告\n各位代表：\n一、2024年工作回顾\n"
            "一般公共预算收入完成年度预算的103.2%，同口径增长5.2%；固定资产投资完成年计划的96.5%。\n")
    assert actuals(text) == [(2024, "一般公共预算收入", "growth", "5.2", "%")]


def document(text: str) -> dict:
    return extract_text(text).to_dict()["document"]


def test_a_report_made_on_the_governments_behalf_is_a_plan_report_whatever_its_title():
    d = document("在全市计划工作会议上的报告\n\n各位代表：\n受市人民政府委托，现将全市2024年国民经济和社会发展计划"
                 "执行情况报告如下，请予审议。\n一、2024年计划执行情况\n全市地区生产总值增长5.2%。\n")
    assert d["doc_type"] == "plan_report"


def test_a_plan_sent_down_with_issuing_words_is_a_plan_notice_and_dated_by_the_line_under_them():
    d = document("某县2025年国民经济和社会发展计划\n\n各乡镇人民政府，县政府各部门：\n现将《某县2025年国民经济和社会发展计划》"
                 "印发给你们，请认真贯彻执行。\n\n2025年2月10日\n\n2025年主要目标\n序号\t指标\t2025年目标\n"
                 "1\t地区生产总值增长\t6%左右\n")
    assert (d["doc_type"], d["issued_on"]) == ("plan_notice", "2025-02-10")
    # 现将…下达给你们 issues a plan as 现予下达 does
    d = document("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n各区人民政府：\n"
                 "现将2025年计划下达给你们，请认真贯彻实施。\n2025年2月20日\n\n附件\n")
    assert d["issued_on"] == "2025-02-20"


def test_a_written_on_date_printed_in_the_header_dates_the_notice():
    d = document("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n成文日期：2025年03月05日\n"
                 "各区人民政府：\n现予下达，请认真贯彻实施。\n")
    assert d["issued_on"] == "2025-03-05"


def test_a_report_made_for_the_state_council_is_the_nations():
    d = document("政府工作报告\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
                 "一、2024年工作回顾\n国内生产总值增长5%。\n")
    assert (d["region"] or {}).get("code") == "100000"


def test_a_report_made_on_the_state_councils_behalf_is_the_nations_and_its_commissions():
    d = document("关于2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告\n各位代表：\n"
                 "受国务院委托，现将计划执行情况和计划草案提请审议。\n一、2024年计划执行情况\n国内生产总值增长5%。\n")
    assert ((d["region"] or {}).get("code"), d["issuer"]) == ("100000", "国家发展和改革委员会")


def test_the_nations_bulletin_is_the_nations():
    d = document("中华人民共和国2025年国民经济和社会发展统计公报\n国家统计局\n2026年2月28日\n"
                 "初步核算，全年国内生产总值1401879亿元，比上年增长5.0%。\n")
    assert ((d["region"] or {}).get("code"), d["issuer"]) == ("100000", "国家统计局")


@pytest.mark.parametrize("title, doc_type", [
    ("某市国民经济和社会发展第十五个五年规划纲要（摘要）", "five_year_plan"),
    ("某市国民经济和社会发展第十五个五年规划纲要(节选)", "five_year_plan"),
    ("关于某市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告（全文）", "plan_report"),
])
def test_a_titles_bracketed_note_keeps_it_a_title(title, doc_type):
    d = document(f"{title}\n“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5.5%左右。\n")
    assert (d["title"], d["doc_type"]) == (title, doc_type)


@pytest.mark.parametrize("head, title", [
    # a site's headline above the notice it carries: the full title below wins
    ("某省人民政府发布通知\n\n某省人民政府关于下达2025年\n\n某省国民经济和社会发展计划的通知\n",
     "某省人民政府关于下达2025年某省国民经济和社会发展计划的通知"),
    # a title with the note of its delivery on the same line
    ("政府工作报告（2025年1月20日在某市第九届人民代表大会第四次会议上）某市人民政府市长 王明\n", "政府工作报告"),
    ("政府工作报告 (——2025年1月20日在某市第九届人民代表大会第四次会议上)\n", "政府工作报告"),
    # a document number glued before the title
    ("某政发〔2025〕3号某县人民政府关于下达某县2025年国民经济和社会发展计划的通知\n",
     "某县人民政府关于下达某县2025年国民经济和社会发展计划的通知"),
    # a headline with a year is the title: nothing below replaces it
    ("某市2025年国民经济和社会发展计划\n\n某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n",
     "某市2025年国民经济和社会发展计划"),
])
def test_the_title_among_a_pages_head_lines(head, title):
    assert document(head + "各位代表：\n全市经济运行平稳，各项工作有序推进。\n")["title"] == title


NOTICE = "某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n附件\n\n2025年主要目标\n"


def table_targets(table: str) -> list[tuple]:
    return [(t.category, t.name, t.text, t.parent) for t in extract_text(NOTICE + table).targets]


def test_a_unit_printed_in_brackets_after_the_name_is_the_rows_unit():
    rows = extract_text(NOTICE + "指标\t2025年预期目标\t备注\n国内生产总值增长（%）\t4.5—5\t\n城镇新增就业（万人）\t1200以上\t\n").targets
    assert [(t.name, t.unit, t.text) for t in rows] == [("国内生产总值增长", "%", "4.5—5"), ("城镇新增就业", "万人", "1200以上")]


def test_a_markdown_rule_between_rows_is_no_row_and_no_parent():
    assert table_targets("| 指标名称 | 单位 | 2025年目标 |\n|---|:---:|---|\n| 地区生产总值增长 | % | 6左右 |\n"
                         "| 城镇新增就业 | 万人 | 5 |\n") == [
        (None, "地区生产总值增长", "6左右", None), (None, "城镇新增就业", "5", None)]


def test_one_cell_per_line_a_name_under_a_category_heading_starts_a_row():
    assert table_targets("指标名称\n单位\n2025年目标\n一、经济发展\n地区生产总值增长\n%\n6左右\n二、民生福祉\n"
                         "城镇新增就业\n万人\n5\n") == [
        ("经济发展", "地区生产总值增长", "6左右", None), ("民生福祉", "城镇新增就业", "5", None)]


def test_numbered_heading_rows_inside_a_tab_table_are_categories():
    assert table_targets("序号\t指标名称\t单位\t2025年目标\n一、经济发展\n1\t地区生产总值增长\t%\t6左右\n"
                         "二、民生福祉\n2\t城镇新增就业\t万人\t5\n") == [
        ("经济发展", "地区生产总值增长", "6左右", None), ("民生福祉", "城镇新增就业", "5", None)]


def test_a_table_set_with_spaces_under_a_spaced_header():
    assert table_targets("序号 指标名称 单位 2025年目标\n1 地区生产总值增长 % 6左右\n") == [
        (None, "地区生产总值增长", "6左右", None)]


def test_a_sub_row_without_a_target_after_sub_rows_with_one_opens_sub_sub_rows():
    rows = table_targets("序号\t指标名称\t单位\t2025年目标\n1\t固定资产投资增长\t%\t7\n\t工业投资增长\t%\t9\n"
                         "\t交通和能源投资\t\t\n\t交通投资增长\t%\t10\n\t能源投资增长\t%\t8\n")
    assert [(r[1], r[3]) for r in rows] == [("固定资产投资增长", None), ("工业投资增长", None),
                                            ("交通投资增长", "交通和能源投资"), ("能源投资增长", "交通和能源投资")]


REPORT = ("政府工作报告\n——2025年1月20日在某某市第八届人民代表大会第五次会议上\n各位代表：\n一、2024年工作回顾\n"
          "全市地区生产总值增长5.6%。\n二、2025年主要目标\n今年经济社会发展的主要预期目标是：")


def prose_targets(goals: str) -> list[tuple]:
    return [(t.year, t.name, t.text, t.comparator) for t in extract_text(REPORT + goals + "\n").targets]


def test_a_total_after_a_growth_target_is_the_same_indicators_level():
    assert prose_targets("地区生产总值增长5.5%左右，总量迈上3400亿元新台阶；城镇新增就业5万人。")[:2] == [
        (2025, "地区生产总值", "增长5.5%左右", "~"), (2025, "地区生产总值", "迈上3400亿元新台阶", ">=")]


def test_a_list_whose_lines_end_in_semicolons_goes_on_to_the_line_ending_its_sentence():
    # one target a line, no bullet or number: the semicolon says the list goes on
    goals = ("\n地区生产总值增长6%左右，在实际工作中力争更好结果；\n规模以上工业增加值增长8%；\n"
             "城镇新增就业2800人以上；\n主要污染物排放总量持续减少。\n全年实施重点项目120个。")
    assert [(t[1], t[2]) for t in prose_targets(goals)] == [
        ("地区生产总值", "增长6%左右"), ("规模以上工业增加值", "增长8%"), ("城镇新增就业", "2800人以上"),
        ("主要污染物排放总量", "持续减少")]


def test_a_line_after_a_semicolon_that_states_no_target_is_not_in_the_list():
    text = "今年主要预期目标是：\n地区生产总值增长6%左右；\n规模以上工业增加值增长8%；\n请各部门认真抓好落实。\n"
    assert [text[t.start:t.end] for t in find_target_lists(text)] == ["地区生产总值增长6%左右；\n规模以上工业增加值增长8%；\n"]


def test_bare_items_one_a_line_form_a_list_that_a_paragraph_after_them_does_not_join():
    # a web page's <li> items: no bullet, no punctuation, a paragraph each
    goals = ("\n\n地区生产总值增长6%左右\n\n规模以上工业增加值增长8%\n\n城镇新增就业3万人\n\n"
             "为完成上述目标，全年实施重点项目200个，完成投资300亿元，新开工项目80个，竣工项目60个。")
    assert [(t[1], t[2]) for t in prose_targets(goals)] == [
        ("地区生产总值", "增长6%左右"), ("规模以上工业增加值", "增长8%"), ("城镇新增就业", "3万人")]


def test_a_web_pages_list_items_are_the_years_targets(tmp_path):
    page = tmp_path / "report.html"
    page.write_text("<html><head><meta charset='utf-8'><title>2026年某市政府工作报告</title></head><body>"
                    "<p>一、2025年工作回顾</p><p>全市地区生产总值增长5.9%。</p><p>今年经济社会发展的主要预期目标是：</p>"
                    "<ul><li>地区生产总值增长6%左右</li><li>城镇新增就业3万人</li><li>居民消费价格涨幅2%左右</li></ul>"
                    "<p>三、重点工作</p><p>全年实施重点项目200个。</p></body></html>", "utf-8")
    e = extract_file(page)
    assert [(t.year, t.name) for t in e.targets] == [(2026, "地区生产总值"), (2026, "城镇新增就业"), (2026, "居民消费价格涨幅")]
    assert [c.text for c in e.commitments] == ["实施重点项目200个"]


@pytest.mark.parametrize("lead", ["同时", "此外", "另外"])
def test_a_sentence_adding_to_the_list_after_it_is_in_it(lead):
    goals = (f"\n\n地区生产总值增长6%左右；城镇新增就业3万人。{lead}，要在结构调整等方面取得新进展，"
             "城乡居民收入增长和经济增长保持同步。\n\n同时，全年实施重点项目120个。")
    assert [(t[1], t[2]) for t in prose_targets(goals)] == [
        ("地区生产总值", "增长6%左右"), ("城镇新增就业", "3万人"), ("城乡居民收入增长", "和经济增长保持同步")]


def test_the_modality_before_the_verb_is_the_targets_not_the_names():
    assert prose_targets("地区生产总值力争增长7%；一般公共预算收入确保增长5%以上。") == [
        (2025, "地区生产总值", "力争增长7%", "="), (2025, "一般公共预算收入", "确保增长5%以上", ">=")]


def test_a_total_after_an_amounts_name_adds_nothing_after_an_activitys_it_is_the_amount():
    assert [t[1] for t in prose_targets("地区生产总值总量迈上3000亿元；主要污染物排放总量持续减少；人才资源总量达到12万人。")] == [
        "地区生产总值", "主要污染物排放总量", "人才资源总量"]


def test_a_milestone_dated_later_in_the_same_sentence_keeps_its_own_year():
    assert prose_targets("地区生产总值增长5.5%左右，到2027年突破4000亿元。") == [
        (2025, "地区生产总值", "增长5.5%左右", "~"), (2027, "地区生产总值", "突破4000亿元", ">")]


def test_the_assigned_indicators_are_the_object_of_完成_下达的():
    assert prose_targets("地区生产总值增长5.5%左右；全面完成省下达的年度节能减排降碳约束性指标。")[1][1] == \
        "年度节能减排降碳约束性指标"


def test_values_of_a_respectively_list_continue_after_a_comma_and_a_closing_bound_covers_the_list():
    assert prose_targets("城镇居民、农村居民人均可支配收入分别增长5%，6%左右；城镇新增就业5万人。") == [
        (2025, "城镇居民人均可支配收入", "分别增长5%", "="), (2025, "农村居民人均可支配收入", "6%左右", "~"),
        (2025, "城镇新增就业", "5万人", "=")]
    assert prose_targets("规上工业增加值、固定资产投资分别增长7%、10%左右。") == [
        (2025, "规上工业增加值", "分别增长7%", "~"), (2025, "固定资产投资", "10%左右", "~")]


def test_an_outline_looking_back_gives_its_base_years_results():
    e = extract_text("某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n"
                     "（某某市第十六届人民代表大会第五次会议审议通过）\n\n第一章 发展基础\n"
                     "2020年，全市地区生产总值达到3000亿元。\n")
    assert e.to_dict()["document"]["plan_year"] == 2021
    assert [(a.year, a.name, str(a.value)) for a in e.actuals] == [(2020, "地区生产总值", "3000")]


def test_a_year_after_words_of_several_years_is_still_that_years_result():
    e = extract_text("政府工作报告\n各位代表：\n一、2024年工作回顾\n五年来，2024年全市地区生产总值达到3200亿元。\n")
    assert [(a.year, a.name, str(a.value)) for a in e.actuals] == [(2024, "地区生产总值", "3200")]


def review(body: str) -> list[tuple]:
    e = extract_text("政府工作报告\n各位代表：\n一、2024年工作回顾\n" + body + "\n")
    return [(a.year, a.name, a.measure, str(a.value), a.rank) for a in e.actuals]


def test_a_sum_over_several_years_is_skipped_and_last_year_read_again_after_it():
    assert review("全年地区生产总值增长5%，五年累计新增就业30万人，去年新增城镇就业6.5万人。") == [
        (2024, "地区生产总值", "growth", "5", None), (2024, "新增城镇就业", "level", "6.5", None)]


def test_a_result_restated_later_is_listed_once():
    assert review("全市地区生产总值增长5.6%。\n二、主要做法\n全市地区生产总值增长5.6%，居全省前列。") == [
        (2024, "地区生产总值", "growth", "5.6", None)]


def test_a_second_rank_with_no_figure_left_to_qualify_is_dropped():
    assert review("全市地区生产总值增长5.6%，居全省第2位，居全国城市第10位。") == [
        (2024, "地区生产总值", "growth", "5.6", "居全省第2位")]


def test_a_list_whose_first_item_carries_the_head_shares_it_with_the_short_items():
    from zhibiao.extract.coordination import split_names

    assert split_names("规上工业企业利税总额、利润总额", 2) == ["规上工业企业利税总额", "规上工业企业利润总额"]


def test_a_bracket_holding_a_breakdown_or_the_plan_is_a_clause_of_its_own():
    # (not one clause with the figure before it: 其中制造业 named 规上工业增加值's growth, and a plan's
    # words in the bracket made the whole clause a plan, its result lost)
    e = extract_text("政府工作报告\n各位代表：\n一、2024年工作回顾\n全市规上工业增加值增长8.1%（其中制造业增长9.2%），"
                     "城镇新增就业2.3万人（完成年度目标的115%），新增市场主体1.2万户（年度目标1万户），"
                     "一般公共预算收入86.2亿元（同口径增长5.1%）。\n")
    assert [(a.parent, a.name, a.measure, str(a.value)) for a in e.actuals] == [
        (None, "规上工业增加值", "growth", "8.1"), ("规上工业增加值", "制造业", "growth", "9.2"),
        (None, "城镇新增就业", "level", "2.3"), (None, "新增市场主体", "level", "1.2"),
        (None, "一般公共预算收入", "level", "86.2"), (None, "一般公共预算收入", "growth", "5.1")]


def test_a_breakdown_inside_a_hidden_bracket_stays_hidden():
    from zhibiao.extract.segments import _clauses
    text = "增长8.1%（主要是（其中制造业增长9.2%）拉动），城镇新增就业2.3万人（完成年度目标的115%）"
    assert [text[c.start:c.end] for c in _clauses(text, 0, len(text))] == [
        "增长8.1%（主要是（其中制造业增长9.2%）拉动）", "城镇新增就业2.3万人", "完成年度目标的115%", ""]


def test_a_condition_before_a_figure_names_nothing_the_indicator_is_carried():
    assert review("一般公共预算收入86.4亿元，增长5.1%，扣除减税降费因素后增长7.9%。") == [
        (2024, "一般公共预算收入", "level", "86.4", None), (2024, "一般公共预算收入", "growth", "5.1", None),
        (2024, "一般公共预算收入", "growth", "7.9", None)]


def test_two_names_each_whole_taken_in_order_keep_their_own_words():
    # (a last item longer than the first carries the words the first leaves out only when the
    # first is not a name itself: 城镇和农村居民…)
    assert [(a[1], a[3]) for a in review("全县生产总值、一般公共预算收入分别增长7%和5%。")] == [
        ("生产总值", "7"), ("一般公共预算收入", "5")]
    e = extract_text(REPORT.rsplit("今年", 1)[0] + "今年主要预期目标是：全县生产总值、一般公共预算收入分别增长7%和5%，"
                     "规上工业增加值、利润分别增长8%和6%。\n")
    assert [(t.name, str(t.value)) for t in e.targets] == [
        ("生产总值", "7"), ("一般公共预算收入", "5"), ("规上工业增加值", "8"), ("规上工业利润", "6")]


def test_the_targets_paragraph_gives_targets_and_the_tasks_after_it_commitments():
    e = extract_text(REPORT.rsplit("今年", 1)[0] + "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
                     "新建5G基站3000个。\n三、重点工作\n今年要改造老旧小区120个。\n")
    assert [t.name for t in e.targets] == ["地区生产总值", "新建5G基站"]
    assert [(c.metric, str(c.value)) for c in e.commitments] == [("改造老旧小区", "120")]


@pytest.mark.parametrize("numeral, problem", [("", "not a Chinese numeral"), ("三点五点二", "two decimal points"),
                                               ("三点十", "bad decimals"), ("十十十亿万", "not a Chinese numeral")])
def test_a_chinese_numeral_that_is_no_number_is_refused(numeral, problem):
    from zhibiao.extract.numbers import NumberError, parse_chinese

    with pytest.raises(NumberError, match=problem):
        parse_chinese(numeral)


def test_runs_too_long_for_a_figure_and_numerals_that_are_no_number_are_not_figures():
    from zhibiao.extract.numbers import MAX_NUMBER_CHARS, find_numbers, read_back

    assert find_numbers("1" * (MAX_NUMBER_CHARS + 1) + "亿元") == ()
    assert find_numbers("增长十十十亿万") == ()
    assert [str(n.value) for n in find_numbers("增长三点五%，达到1,200亿元")] == ["3.5", "1200"]
    assert read_back("增长5%和6%") is None and str(read_back("增长5%")) == "5"  # a span with two numbers proves nothing


def test_a_sentence_without_a_full_stop_is_cut_at_a_clause_break_into_bounded_pieces():
    from zhibiao.extract.segments import MAX_SENTENCE, Segments

    text = "，".join(["城镇新增就业5万人"] * 400)  # 4,000 characters, no 。
    sentences = Segments(text).paragraphs[0].sentences
    assert len(sentences) > 1 and all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start:s.end].startswith("城镇") for s in sentences)  # cut after a comma, never inside a clause
    no_breaks = "城" * 2500
    pieces = Segments(no_breaks).paragraphs[0].sentences
    assert [(s.start, s.end) for s in pieces] == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_list_items_led_by_their_category_and_a_colon_are_read_each_under_its_category():
    report = REPORT.replace("今年经济社会发展的主要预期目标是：", "今年经济社会发展的主要预期目标是：\n")
    e = extract_text(report + "——经济发展：地区生产总值增长5.5%左右，城镇新增就业5万人。\n"
                     "——民生福祉：城镇调查失业率控制在5.5%以内。\n")
    assert [(t.category, t.name, t.text) for t in e.targets] == [
        ("经济发展", "地区生产总值", "增长5.5%左右"), ("经济发展", "城镇新增就业", "5万人"),
        ("民生福祉", "城镇调查失业率", "控制在5.5%以内")]


def test_an_indicators_own_name_before_a_colon_is_no_category():
    from zhibiao.extract.prose import _labelled

    assert _labelled("地区生产总值：增长5.5%左右。") is None
    assert _labelled("其中：城镇新增就业5万人。") is None
    assert _labelled("民生福祉：城镇调查失业率控制在5.5%以内。").group("cat") == "民生福祉"


def test_a_date_line_is_read_in_digits_and_in_chinese_numerals_and_an_impossible_date_is_none():
    from zhibiao.extract.metadata import _date_in

    assert _date_in("二〇二五年二月二十日") == "2025-02-20" and _date_in("2025年2月20日") == "2025-02-20"
    assert _date_in("2025年13月40日") is None and _date_in("二〇二五年十三月四十日") is None


def test_a_target_mentioned_in_passing_and_then_listed_is_one_target():
    e = extract_text(REPORT.rsplit("今年", 1)[0] + "今年地区生产总值增长5.5%左右。"
                     "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人。\n")
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值", "增长5.5%左右"), ("城镇新增就业", "5万人")]


def test_a_share_of_the_plan_names_its_indicator_for_the_next_clause_and_a_comparison_names_nothing():
    assert review("全市地区生产总值增长6.0%，高于年初目标0.5个百分点；一般公共预算收入完成年计划的101.2%，增长3.8%。") == [
        (2024, "地区生产总值", "growth", "6.0", None), (2024, "一般公共预算收入", "growth", "3.8", None)]


def test_an_outline_is_dated_by_the_congress_session_that_approved_it():
    d = document("某某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
                 "（2021年2月5日某某市第八届人民代表大会第六次会议批准）\n第一章 发展基础\n")
    assert (d["doc_type"], d["issued_on"], d["plan_year"]) == ("five_year_plan", "2021-02-05", 2021)


def test_growth_reaching_a_figure_is_growth_and_人均_keeps_its_均():
    assert figures("营业收入增长达到5%") == [("营业收入", "growth", "=", "5", "%")]
    assert figures("城镇化率达到60%") == [("城镇化率", "share", "=", "60", "%")]
    assert figures("城镇居民人均增长5%") == [("城镇居民人均", "growth", "=", "5", "%")]
    assert figures("两项收入均增长5%") == [("两项收入", "growth", "=", "5", "%")]


def test_holding_last_years_level_is_a_directional_target():
    assert prose_targets("地区生产总值增长5.5%左右，粮食播种面积与上年持平，粮食产量保持稳定。")[1:] == [
        (2025, "粮食播种面积", "与上年持平", None), (2025, "粮食产量", "保持稳定", None)]


def test_a_bureau_of_a_region_with_a_one_character_name_issues_its_report():
    text = ("关于全县年度计划执行情况的报告\n沛县发展和改革局局长　张某\n\n"
            "受县人民政府委托，现将全县年度计划执行情况报告如下。全县地区生产总值增长6%。\n")
    assert extract_text(text).document.issuer == "沛县发展和改革局"


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_commission_named_above_its_report_issues_it_when_the_title_follows_on_the_next_line(gap):
    # (without a blank line the normaliser joins the byline to the title: 清河县发展和改革委员会关于…)
    text = (f"清河县发展和改革委员会{gap}关于清河县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n"
            "（2025年1月7日在清河县第十七届人民代表大会第五次会议上）\n\n各位代表：\n全县地区生产总值增长6%。\n")
    assert extract_text(text).document.issuer == "清河县发展和改革委员会"


def test_the_congress_a_report_was_delivered_at_names_the_region_without_the_date_before_it():
    text = ("政府工作报告\n——2024年1月21日在杭州市第十四届人民代表大会第四次会议上\n\n"
            "各位代表：现在，我代表市人民政府向大会报告工作。去年全市地区生产总值增长6%。\n")
    loaded = LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")
    assert find_region_name(Document.from_loaded(loaded), "政府工作报告") == ("杭州市", None)


@pytest.mark.parametrize("marker", ["（一）", "(二)", "三、", "4.", "（5）"])
def test_a_numbered_item_of_the_targets_list_is_named_without_its_number(marker):
    text = ("某县2025年政府工作报告\n\n二、2025年工作安排\n今年全县经济社会发展主要预期目标为：\n"
            f"{marker}地区生产总值增长6%以上；\n")
    assert [(t.name, t.text) for t in extract_text(text).targets] == [("地区生产总值", "增长6%以上")]


def test_a_table_laid_out_in_fixed_width_columns_with_a_letter_spaced_header():
    table = ("序号   指      标      名      称          单 位     2024年预计     2025年计划     增长（%）\n"
             "1      地区生产总值                        亿元      3120           3300           5.5左右\n"
             "2      单位地区生产总值能耗降低            %         3.2            完成省下达任务\n")
    e = extract_text(NOTICE + table)
    assert [(t.name, t.text, t.unit) for t in e.targets] == [
        ("地区生产总值", "3300", "亿元"), ("地区生产总值增速", "5.5左右", "%"), ("单位地区生产总值能耗降低", "完成省下达任务", "%")]
    assert [(a.year, a.name, a.text, a.estimated) for a in e.actuals] == [
        (2024, "地区生产总值", "3120", True), (2024, "单位地区生产总值能耗降低", "3.2", True)]


def test_a_table_with_several_value_columns_set_apart_by_single_spaces():
    # text copied from a PDF: one space between cells, a header word set letter by letter, a number
    # and its qualifier apart, a name wrapped before its values and one wrapped after them
    table = ("序号 指 标 名 称 单位 2024年预计 2025年计划 增长（%）\n"
             "1 地区生产总值 亿元 3120 3300 5.5 左右\n"
             "2 城镇居民人均可\n支配收入 元 48950 51400 5\n"
             "3 农村居民人均可支配 元 23880 25320 6\n收入\n"
             "4 单位地区生产总值能耗降低 % 3.2 完成省下达任务\n")
    e = extract_text(NOTICE + table)
    assert [(t.year, t.name, t.text) for t in e.targets] == [
        (2025, "地区生产总值", "3300"), (2025, "地区生产总值增速", "5.5左右"),
        (2025, "城镇居民人均可支配收入", "51400"), (2025, "城镇居民人均可支配收入增速", "5"),
        (2025, "农村居民人均可支配收入", "25320"), (2025, "农村居民人均可支配收入增速", "6"),
        (2025, "单位地区生产总值能耗降低", "完成省下达任务")]
    assert [(a.year, a.name, a.text, a.estimated) for a in e.actuals] == [
        (2024, "地区生产总值", "3120", True), (2024, "城镇居民人均可支配收入", "48950", True),
        (2024, "农村居民人均可支配收入", "23880", True), (2024, "单位地区生产总值能耗降低", "3.2", True)]
    assert not [w for w in e.warnings if "read back" in w or "cell" in w]  # every value read from its own cell


def test_a_space_table_with_one_target_column_keeps_the_row_reader():
    assert table_targets("序号 指标名称 单位 2025年目标\n1 地区生产总值增长 % 6 左右\n") == [
        (None, "地区生产总值增长", "6左右", None)]


def test_years_written_in_chinese_numerals_date_the_plan_and_its_targets():
    plan = document("某县人民政府关于印发二〇二五年国民经济和社会发展计划的通知\n各乡镇人民政府：\n现印发给你们，请认真贯彻执行。\n"
                    "某县人民政府\n二〇二五年三月五日\n")
    assert (plan["plan_year"], plan["issued_on"]) == (2025, "2025-03-05")
    e = extract_text("某县二〇二五年政府工作报告\n\n各位代表：\n二〇二四年全县生产总值增长6.1%。今年主要预期目标是：生产总值增长6%左右。"
                     "到二〇三五年，人均生产总值达到10万元。\n")
    assert (e.document.plan_year, e.document.title) == (2025, "某县二〇二五年政府工作报告")
    assert [(t.year, t.name) for t in e.targets] == [(2025, "生产总值"), (2035, "人均生产总值")]
    assert [(a.year, a.name) for a in e.actuals] == [(2024, "生产总值")]


def test_a_review_that_weighs_each_result_against_the_plan_keeps_every_result():
    text = ("关于某市2024年计划执行情况与2025年计划草案的报告\n\n一、2024年计划执行情况\n"
            "2024年，全市地区生产总值完成3120亿元，增长5.8%，低于年度预期目标0.2个百分点；一般公共预算收入增长6.2%，"
            "完成年度预算的101.3%；全社会固定资产投资下降2.1%，未完成6%的预期目标；城镇新增就业5.6万人，完成全年目标任务的112%；"
            "居民消费价格上涨0.4%，控制在3%左右的目标以内。\n\n二、2025年计划草案\n主要预期目标是：地区生产总值增长6%左右。\n")
    e = extract_text(text)
    assert [(a.name, a.text) for a in e.actuals] == [
        ("地区生产总值", "完成3120亿元"), ("地区生产总值", "增长5.8%"), ("一般公共预算收入", "增长6.2%"),
        ("全社会固定资产投资", "下降2.1%"), ("城镇新增就业", "5.6万人"), ("居民消费价格", "上涨0.4%")]
    assert sorted((t.year, t.name, t.text, t.comparator, str(t.value)) for t in e.targets) == [
        (2024, "全社会固定资产投资", "未完成6%的预期目标", "=", "6"), (2024, "居民消费价格", "控制在3%左右的目标", "~", "3"),
        (2025, "地区生产总值", "增长6%左右", "~", "6")]


def test_a_breadcrumb_ending_in_the_documents_kind_is_not_its_title():
    head = "某县人民政府门户网站\n首页 > 信息公开 > 政府工作报告\n发布时间：2025-02-20 09:15\n\n政府工作报告\n\n"
    assert document(head + "各位代表：\n全县经济运行平稳，各项工作有序推进。\n")["title"] == "政府工作报告"


PORTAL_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{page_title}</title></head><body>
<div class="position">当前位置：首页 &gt; 政策文件</div>
<table class="meta"><tr><td>发布机构：</td><td>西藏自治区人民政府</td></tr>
<tr><td>发文字号：</td><td>藏政发〔2021〕4号</td></tr></table>
<div id="zoom">
<p>西藏自治区人民政府文件</p>
<p>藏政发〔2021〕4号</p>
{body_title}
<p>各地（市）行政公署，自治区各委、办、厅、局：</p>
<p>2021年西藏自治区国民经济和社会发展计划已经自治区第十一届人民代表大会第四次会议审议批准，现印发给你们，请认真组织实施。</p>
<p>附件：2021年主要目标</p>
<table><tr><td>指标</td><td>单位</td><td>2021年目标</td></tr>
<tr><td>地区生产总值增长</td><td>%</td><td>9左右</td></tr></table>
</div></body></html>"""
NOTICE_TITLE = "西藏自治区人民政府关于下达2021年西藏自治区国民经济和社会发展计划的通知"


@pytest.mark.parametrize("page_title, body_title, title", [
    # a portal names every page 文件: the notice's own title, in its text, is the document's
    ("文件_西藏自治区人民政府门户网站", f"<p>{NOTICE_TITLE}</p>", NOTICE_TITLE),
    # a page title with a title's words is the document's
    (f"{NOTICE_TITLE}_西藏自治区人民政府门户网站", "", NOTICE_TITLE),
    # a generic page title is still better than none, when the text has no title line
    ("政策文件_西藏自治区人民政府门户网站", "", "政策文件"),
])
def test_a_portals_generic_page_title_gives_way_to_the_texts_own(tmp_path, page_title, body_title, title):
    page = tmp_path / "page.html"
    page.write_text(PORTAL_PAGE.format(page_title=page_title, body_title=body_title), "utf-8")
    doc = extract_file(page).document
    assert doc.title == title
    if body_title or title == NOTICE_TITLE:
        assert doc.plan_year == 2021

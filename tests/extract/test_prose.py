"""Targets in prose: spec paragraphs -> (name, text, kind, comparator, value)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.api import extract_text
from zhibiao.extract.prose import extract_prose_targets

D = Decimal


def targets(paragraph: str):
    return [(t.name, t.text, t.parsed.kind, t.parsed.comparator, t.parsed.value) for t in extract_prose_targets(paragraph)]


SPEC = [
    ("经济社会发展的主要预期目标是：地区生产总值增长6.5%以上，城镇调查失业率5%以内。",
     [("地区生产总值", "增长6.5%以上", "numeric", ">=", D("6.5")), ("城镇调查失业率", "5%以内", "numeric", "<=", D("5"))]),
    ("主要预期目标是：一般公共预算收入、城乡居民人均可支配收入增长与经济增长基本同步。",
     [("一般公共预算收入增长", "与经济增长基本同步", "relative", None, None),
      ("城乡居民人均可支配收入增长", "与经济增长基本同步", "relative", None, None)]),
    # the list goes on after the first full stop; an explanation afterwards does not
    ("今年发展的主要预期目标是：国内生产总值增长7%左右，国际收支基本平衡。能耗强度下降3.1%以上，主要污染物排放继续减少。"
     "这里着重说明一下。",
     [("国内生产总值", "增长7%左右", "numeric", "~", D("7")), ("国际收支", "基本平衡", "directional", None, None),
      ("能耗强度", "下降3.1%以上", "numeric", ">=", D("3.1")), ("主要污染物排放", "继续减少", "directional", None, None)]),
    ("主要预期目标是：粮食总产量稳定在507万吨，国际收支状况继续改善，进出口回稳向好，居民消费价格保持合理水平，"
     "完成省下达的节能减排降碳约束性指标。",
     [("粮食总产量", "稳定在507万吨", "numeric", "=", D("507")), ("国际收支状况", "继续改善", "directional", None, None),
      ("进出口", "回稳向好", "directional", None, None), ("居民消费价格", "保持合理水平", "directional", None, None)]),
    # 、 parts targets stated in words after names of their own as it parts figures
    ("主要预期目标是：对外贸易总额保持稳定、实际利用外资稳中有增、单位GDP能耗完成省下达任务、城镇调查失业率5.5%以内。",
     [("对外贸易总额", "保持稳定", "directional", None, None), ("实际利用外资", "稳中有增", "directional", None, None),
      ("单位GDP能耗", "完成省下达任务", "assigned", None, None),
      ("城镇调查失业率", "5.5%以内", "numeric", "<=", D("5.5"))]),
    ("2023年，江苏目标经济增长5%左右。", [("经济增长", "5%左右", "numeric", "~", D("5"))]),
    # 负增长 is the predicate (a decline, as 下降 is), not the name's
    ("主要预期目标是：商品房销售面积负增长3%左右，地区生产总值增长6%。",
     [("商品房销售面积", "负增长3%左右", "numeric", "~", D("3")), ("地区生产总值", "增长6%", "numeric", "=", D("6"))]),
    # a name of Latin letters (GDP) names an indicator as two Chinese characters do
    ("主要预期目标是：GDP增长6%左右，CPI涨幅3%左右。",
     [("GDP", "增长6%左右", "numeric", "~", D("6")), ("CPI涨幅", "3%左右", "numeric", "~", D("3"))]),
    # a rate per thousand in words is a figure, as 4‰ is
    ("主要预期目标是：婴儿死亡率控制在千分之四以下，人口自然增长率千分之二点五左右。",
     [("婴儿死亡率", "控制在千分之四以下", "numeric", "<=", D("4")),
      ("人口自然增长率", "千分之二点五左右", "numeric", "~", D("2.5"))]),
    # a range printed as its two ends, after 、 or a comma, or between 和/与 and 之间
    ("主要预期目标是：地区生产总值增长5%以上、6%以下，一般公共预算收入增长4%以上，5%以内，"
     "固定资产投资增长介于3%与4%之间，城镇调查失业率5.5%以下。",
     [("地区生产总值", "增长5%以上、6%以下", "numeric", "range", D("5")),
      ("一般公共预算收入", "增长4%以上，5%以内", "numeric", "range", D("4")),
      ("固定资产投资", "增长介于3%与4%之间", "numeric", "range", D("3")),
      ("城镇调查失业率", "5.5%以下", "numeric", "<=", D("5.5"))]),
    ("报告指出，去年全省地区生产总值增长6%，完成了年度目标。", []),  # a review, never a target
]


def test_a_direction_worded_before_a_rate_is_one_target():
    """A direction said of an indicator and a nameless rate right after it (…止跌回稳，增长4%左右;
    …稳中有升、增长6%) are one target, the rate's; a level after a direction, or a rate after the
    direction's item has ended (；), is a target of its own."""
    got = targets("主要预期目标是：固定资产投资止跌回稳，增长4%左右；社会消费品零售总额稳中有升、增长6%；"
                  "民间投资稳步增长，累计达到300亿元；进出口总额保持稳定；增长5%左右；服务业增加值突破200亿元，增长7%。")
    assert got == [("固定资产投资", "增长4%左右", "numeric", "~", D("4")),
                   ("社会消费品零售总额", "增长6%", "numeric", "=", D("6")),
                   ("民间投资", "稳步增长", "directional", None, None),
                   ("民间投资", "累计达到300亿元", "numeric", "=", D("300")),
                   ("进出口总额", "保持稳定", "directional", None, None),
                   ("进出口总额", "增长5%左右", "numeric", "~", D("5")),
                   ("服务业增加值", "突破200亿元", "numeric", ">", D("200")),  # (a figure before: two)
                   ("服务业增加值", "增长7%", "numeric", "=", D("7"))]


@pytest.mark.parametrize("paragraph, expected", SPEC)
def test_prose_targets(paragraph, expected):
    got = targets(paragraph)
    assert got[:len(expected)] == expected
    assert len(got) <= len(expected) + 1


def test_assigned_with_a_long_object_is_kept():
    got = targets("主要预期目标是：完成省下达的节能减排降碳约束性指标和环境质量改善目标。")
    assert got and got[0][2] == "assigned"


def test_items_detailed_with_qi_zhong_get_their_parent():
    text = ("主要预期目标是：\n——生产总值增长6%以上，其中第一产业增加值增长2.9%，第二产业增加值增长6.3%以上；\n"
            "——固定资产投资增长10%，其中交通投资增长10%、生态环保和水利设施投资增长10%、民间投资增长12%；\n"
            "——地方财政收入增长7%。\n")
    got = [(t.parent, t.name, t.parsed.value) for t in extract_prose_targets(text)]
    assert got == [(None, "生产总值", D("6")), ("生产总值", "第一产业增加值", D("2.9")),
                   ("生产总值", "第二产业增加值", D("6.3")), (None, "固定资产投资", D("10")),
                   ("固定资产投资", "交通投资", D("10")), ("固定资产投资", "生态环保和水利设施投资", D("10")),
                   ("固定资产投资", "民间投资", D("12")), (None, "地方财政收入", D("7"))]


def test_a_breakdown_in_brackets_details_the_target_before_it():
    text = ("主要预期目标是：规上工业增加值增长8%（其中制造业增长9%），固定资产投资增长10%；"
            "生产总值增长7%以上（其中第二产业增长8%、第三产业增长7%）。\n")
    got = [(t.parent, t.name, t.text, t.parsed.value) for t in extract_prose_targets(text)]
    assert got == [(None, "规上工业增加值", "增长8%", D("8")), ("规上工业增加值", "制造业", "增长9%", D("9")),
                   (None, "固定资产投资", "增长10%", D("10")), (None, "生产总值", "增长7%以上", D("7")),
                   ("生产总值", "第二产业", "增长8%", D("8")), ("生产总值", "第三产业", "增长7%", D("7"))]
    # (the separator before each clause: a comma right after an item's end does not join it on)
    from zhibiao.extract.prose import _clauses
    assert [(sep, c) for _o, sep, c in _clauses("甲增长1%（其中丁增长2%），乙增长2%；丙增长3%，戊增长4%") if c] == [
        ("", "甲增长1%"), ("，", "其中丁增长2%"), ("；", "乙增长2%"), ("；", "丙增长3%"), ("，", "戊增长4%")]
    # (a note in brackets is the target's own words still)
    got = [t.text for t in extract_prose_targets("主要预期目标是：地区生产总值增长6%左右（按可比价计算）。\n")]
    assert got == ["增长6%左右（按可比价计算）"]


def test_a_target_stated_twice_is_one_target():
    from zhibiao.api import extract_text

    text = ("各位代表：\n\n2023年，全省目标经济增长5%左右。\n\n报告明确了2023年经济社会发展主要预期目标：经济增长5%左右，"
            "城镇调查失业率5%左右。\n")
    names = [t.name for t in extract_text(text).targets]
    assert names.count("经济增长") == 1 and "城镇调查失业率" in names


def test_numbered_list_after_a_proposal_trigger():
    text = ("2025年全市经济社会发展主要预期目标建议如下：\n1.地区生产总值增长5.5%左右；\n2.城镇调查失业率控制在5.5%以内；\n"
            "3.居民消费价格涨幅控制在2%左右。\n")
    assert targets(text) == [("地区生产总值", "增长5.5%左右", "numeric", "~", D("5.5")),
                             ("城镇调查失业率", "控制在5.5%以内", "numeric", "<=", D("5.5")),
                             ("居民消费价格涨幅", "控制在2%左右", "numeric", "~", D("2"))]


def test_a_composed_target_name_is_written_in_the_documents_characters():
    # (the shared head 單位地區生產總值 is printed items before the piece the name is grounded on)
    text = ("政府工作報告\n\n一、2025年工作回顧\n全市經濟平穩。\n\n二、2026年主要目標\n\n今年主要預期目標是：地區生產總值增長6%左右；"
            "單位地區生產總值能耗降低、單位地區生產總值用水量降低、二氧化碳排放量降低、建設用地使用面積降低完成省下達目標任務。\n")
    names = [t.name for t in extract_text(text).targets]
    assert names[-2:] == ["單位地區生產總值二氧化碳排放量降低", "單位地區生產總值建設用地使用面積降低"]


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n\n\n\n"])
def test_a_headed_list_is_read_whole_whatever_blank_lines_part_its_items(gap):
    # a page copied with blank lines between its lines: they part the items, and count for nothing
    # in how long the list under its heading may run
    items = [f"——{name}增长{k + 3}%左右" for k, name in enumerate(
        ["地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入", "外贸进出口总额",
         "城镇居民人均可支配收入", "农村居民人均可支配收入", "实际使用外资", "服务业增加值", "高新技术产业增加值",
         "数字经济核心产业增加值", "全社会研发经费支出", "建筑业总产值", "粮食总产量", "旅游总收入", "限上批发零售业销售额",
         "民间投资", "工业投资", "农林牧渔业增加值", "进口总额", "出口总额"])]
    text = gap.join(["平川市2025年国民经济和社会发展计划", "二、2025年经济社会发展主要目标", "（一）预期性指标", *items[:11],
                     "（二）约束性指标", *items[11:], "三、主要任务", "（一）着力扩大有效需求。抓好重大项目建设。"]) + "\n"
    got = [(t.name, t.value) for t in extract_text(text).targets]
    assert len(got) == len(items) == 22
    assert got[-1] == ("出口总额", D(24))


def test_a_class_sub_head_keeps_the_list_going_and_a_section_heading_ends_it():
    # a line naming a class of targets (民生保障类, 开放发展：) between the trigger and the items is the
    # items' category; a heading of the report's tasks is no sub-head: the figures under it are tasks
    text = ("青川县2026年政府工作报告\n\n二、2026年工作安排\n\n今年全县经济社会发展的主要预期目标是：\n民生保障类\n"
            "城镇新增就业2100人以上；\n农村居民人均可支配收入增长7%。\n开放发展：\n外贸进出口总额增长9%左右。\n"
            "（一）全力抓好项目建设工作\n新开工亿元以上项目18个。\n")
    got = extract_text(text)
    assert [(t.name, t.category, t.value) for t in got.targets] == [
        ("城镇新增就业", "民生保障类", D(2100)), ("农村居民人均可支配收入", "民生保障类", D(7)),
        ("外贸进出口总额", "开放发展", D(9))]
    assert [c.value for c in got.commitments] == [D(18)]
    # a short line that names no class (重点工作：) ends the list too
    tasks = text.replace("开放发展：", "重点工作：")
    got = extract_text(tasks)
    assert [t.name for t in got.targets] == ["城镇新增就业", "农村居民人均可支配收入"]
    assert [c.value for c in got.commitments] == [D(9), D(18)]
    # a field's word alone, with no colon, is no sub-head (a targets table's category cell one a line prints so)
    got = extract_text(text.replace("开放发展：", "开放发展"))
    assert [t.name for t in got.targets] == ["城镇新增就业", "农村居民人均可支配收入"]


def test_a_figure_in_passing_is_a_target_only_where_no_list_states_the_targets():
    # a news digest without a list states its targets in passing; a report listing them states a
    # section's own figure so (foreign trade, money supply): a task's figure, read as a commitment
    digest = "平川市政府工作报告发布\n\n2025年1月10日\n\n今年全市地区生产总值预期增长6%左右，城镇新增就业3万人。\n"
    assert [(t.name, t.value) for t in extract_text(digest).targets] == [("地区生产总值", D(6)), ("城镇新增就业", D(3))]
    report = ("平川市2025年政府工作报告\n\n二、2025年工作安排\n\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，"
              "城镇新增就业3万人。\n\n（三）扩大对外开放。今年全市进出口总额预期增长8%左右，实际使用外资5亿美元。\n")
    got = extract_text(report)
    assert [t.name for t in got.targets] == ["地区生产总值", "城镇新增就业"]
    # (its name without the marker and the words setting the figure)
    assert [(c.metric, c.value) for c in got.commitments if "进出口" in c.text] == [("进出口总额", D(8))]
    # a restatement of a listed target, in the report's explanation of its list, is that target
    # (the time's 的 opens no name)
    restated = report + "\n关于经济增长目标。综合权衡，今年的经济增长目标定为6%左右是必要的。\n"
    got = extract_text(restated)
    assert [t.name for t in got.targets] == ["地区生产总值", "城镇新增就业"]
    assert not [c for c in got.commitments if c.value == D(6)]


def test_two_relative_targets_of_one_name_are_two_targets():
    # one name, two references (in step with growth, above the province's average): not a repeat
    doc = extract_text("某市2025年政府工作报告\n二、2025年主要目标\n主要预期目标是：城镇居民人均可支配收入增长与经济增长同步；"
                       "城镇居民人均可支配收入增长高于全省平均水平。\n")
    assert [(t.text, t.reference) for t in doc.targets] == [("与经济增长同步", "经济增长"), ("高于全省平均水平", "全省平均")]


def test_a_multiple_is_of_the_indicators_level():
    # 城乡居民人均收入 alone maps to its growth; a multiple of it (翻一番) is of its level
    doc = extract_text("某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
                       "展望2035年，城乡居民人均收入比2020年翻一番，地区生产总值较2020年翻两番。\n")
    assert [(t.year, t.name, t.kind, t.reference, t.indicator) for t in doc.targets] == [
        (2035, "城乡居民人均收入", "relative", "2020年", "disposable_income_level"),
        (2035, "地区生产总值", "relative", "2020年", "gdp_level")]


def test_a_table_glued_into_one_line_is_no_target_of_the_list_above_it():
    # a table whose rows were not told apart reads as one long line of cells: no prose, no target
    row = " ".join(f"指标{i}(亿元) {i}.5 {i * 2} 预期性" for i in range(1, 16))
    doc = extract_text("某县国民经济和社会发展第十四个五年规划纲要\n第二章 主要目标\n到2025年，地区生产总值突破500亿元，"
                       f"城镇化率达到55%。\n展望2030年，人均地区生产总值达到全国平均水平。\n专栏1 主要指标 {row}\n第三章 产业\n")
    assert [t.name for t in doc.targets] == ["地区生产总值", "城镇化率", "人均地区生产总值"]


def test_a_leads_colon_goes_with_it():
    # 其中：… — the lead and its colon open the clause, neither is the name's
    got = extract_prose_targets("主要预期目标是：地区生产总值增长5.5%左右，其中：一般公共预算收入增长3%左右。", plan_year=2024)
    assert [t.name for t in got] == ["地区生产总值", "一般公共预算收入"]


@pytest.mark.parametrize("mark", ["。", "！", "？"])
def test_a_heading_naming_the_targets_after_a_sentence_on_its_line_opens_the_list(mark):
    # "…之年。今年全县主要预期目标" and no colon: the words end their line as a heading's would, and
    # the numbered items below are the year's targets (they were read as tasks, the list lost)
    text = ("青禾县政府工作报告\n\n一、2024年工作回顾\n全县地区生产总值增长5.1%。\n\n二、2025年工作安排\n"
            f"今年是青禾撤县设区以后全面推进高质量发展的第一年{mark}今年全县经济社会发展主要预期目标\n"
            "1.地区生产总值增长6%左右\n（2）城乡居民人均可支配收入增长7%\n3、粮食总产量稳定在12万吨以上\n")
    doc = extract_text(text)
    assert [(t.name, t.value) for t in doc.targets] == [("地区生产总值", D(6)), ("城乡居民人均可支配收入", D(7)),
                                                        ("粮食总产量", D(12))]
    assert not doc.commitments


def test_a_name_stated_alone_leaves_its_colon():
    # 城镇新增就业：… — an indicator named alone, its colon no part of its name nor of the target's text
    got = extract_prose_targets("主要预期目标是：城镇新增就业：2.1万人；城镇调查失业率：5.5%以内。", plan_year=2024)
    assert [(t.name, t.text) for t in got] == [("城镇新增就业", "2.1万人"), ("城镇调查失业率", "5.5%以内")]


def test_a_sentence_made_of_a_name_alone_names_the_next_sentences_target():
    # "1.城镇居民人均可支配收入。…": the name a sentence of its own, the target in the next one
    got = extract_text("平川市2025年政府工作报告\n\n二、2025年主要预期目标\n\n1.城镇居民人均可支配收入。增长5.5%左右。\n"
                       "2.一般公共预算收入。增长4%。\n")
    assert [(t.name, t.text) for t in got.targets] == [("城镇居民人均可支配收入", "增长5.5%左右"), ("一般公共预算收入", "增长4%")]


def test_a_name_alone_names_a_target_worded_by_its_verb_alone():
    # "城镇调查失业率。控制在5.5%以内。": the target's phrase opens the sentence (控制在…, 新增…) and the
    # name before it is the sentence's, not a verb's (新增 names nothing); the list goes on after each
    got = extract_text("白鹭县2026年政府工作报告\n\n二、2026年主要目标\n今年经济社会发展的主要预期目标是：\n"
                       "地区生产总值。增长6%左右。\n城镇新增就业。新增3500人以上。\n"
                       "城镇调查失业率。控制在5.5%以内。\n常住人口城镇化率。提高到61%。\n")
    assert [(t.name, t.comparator, t.value) for t in got.targets] == [
        ("地区生产总值", "~", D(6)), ("城镇新增就业", ">=", D(3500)), ("城镇调查失业率", "<=", D("5.5")),
        ("常住人口城镇化率", "=", D(61))]


def test_short_lines_each_stating_a_target_are_one_list():
    # a list printed one target a line, each ending in 。 (a web page's paragraphs): every line is the
    # list's, not only the first; the task paragraph after it is not
    got = extract_text("白鹭县2026年政府工作报告\n\n二、2026年主要目标\n今年经济社会发展的主要预期目标是：\n"
                       "地区生产总值增长6%左右。\n城镇新增就业3500人以上。\n城镇调查失业率控制在5.5%以内。\n"
                       "一般公共预算收入增长4%。\n实现上述目标，必须坚持稳中求进，全力推动项目建设，全年新开工项目120个，"
                       "完成重点项目投资300亿元，努力把各方面积极性调动起来。\n")
    assert [(t.name, t.value) for t in got.targets] == [
        ("地区生产总值", D(6)), ("城镇新增就业", D(3500)), ("城镇调查失业率", D("5.5")), ("一般公共预算收入", D(4))]


def test_a_paragraph_of_names_alone_each_followed_by_its_target_is_one_list():
    # the same items run on in one paragraph: the list goes on past each name alone to its target
    got = extract_text("白鹭县2026年政府工作报告\n\n二、2026年主要目标\n今年经济社会发展的主要预期目标是：1.地区生产总值。"
                       "增长6%左右。2.城镇调查失业率。控制在5.5%以内。3.一般公共预算收入。增长4%。\n")
    assert [(t.name, t.value) for t in got.targets] == [
        ("地区生产总值", D(6)), ("城镇调查失业率", D("5.5")), ("一般公共预算收入", D(4))]


@pytest.mark.parametrize("wording, comparator", [("分别不低于6%和7.5%", ">="), ("分别增长不低于6%、7.5%", ">="),
                                                 ("分别不高于6%和7.5%", "<="), ("分别控制在6%、7.5%", "<=")])
def test_a_bound_printed_before_a_respectively_lists_first_value_is_every_values(wording, comparator):
    # the bound word after 分别 and before the first figure bounds each figure of the list, not the first alone
    got = extract_prose_targets(f"主要预期目标是：城镇和农村居民人均可支配收入{wording}。", plan_year=2026)
    assert [(t.name, t.parsed.comparator, t.parsed.value) for t in got] == [
        ("城镇居民人均可支配收入", comparator, D(6)), ("农村居民人均可支配收入", comparator, D("7.5"))]


@pytest.mark.parametrize("comparison", ["高于全省1.5个百分点", "比全市目标高0.5个百分点", "与全省持平"])
def test_a_comparison_with_another_region_beside_a_target_is_no_target(comparison):
    # "…增长7%左右，高于全省1.5个百分点": the clause weighs the target against the province's
    got = extract_prose_targets(f"主要预期目标是：地区生产总值增长7%左右，{comparison}；城镇调查失业率5.5%以内。", plan_year=2026)
    assert [(t.name, t.parsed.value) for t in got] == [("地区生产总值", D(7)), ("城镇调查失业率", D("5.5"))]


def test_a_bracket_stating_the_levels_above_targets_is_a_note():
    # （省定目标…，市定目标…）: the province's and the city's targets, not the county's; nor part of its text
    got = extract_prose_targets("主要预期目标是：地区生产总值增长7%左右（省定目标5%左右，市定目标6%左右）；"
                                "一般公共预算收入增长4%（市下达目标为3%）。", plan_year=2026)
    assert [(t.name, t.text, t.parsed.value) for t in got] == [("地区生产总值", "增长7%左右", D(7)),
                                                               ("一般公共预算收入", "增长4%", D(4))]


def test_the_reasons_given_for_each_target_state_no_target():
    # a plan report explaining each target: 主要考虑 (and 二是… on its own line) quotes the levels above and
    # last year's results; the next item, numbered or on a new line, is a target again
    got = extract_text("柳岸市关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n\n"
                       "二、2026年主要指标安排\n2026年主要指标安排如下：\n"
                       "1.地区生产总值增长6%左右。主要考虑：一是全省预期目标为5%左右，省会城市为5.5%左右；\n"
                       "二是2025年全市增长5.8%，潜在增长率在6%上下。\n"
                       "2.规模以上工业增加值增长7%以上。这一目标综合考虑了全省6%左右的目标。\n"
                       "3.一般公共预算收入增长3%。\n")
    assert [(t.name, t.value) for t in got.targets] == [
        ("地区生产总值", D(6)), ("规模以上工业增加值", D(7)), ("一般公共预算收入", D(3))]


OUTLINE_GOALS = "青禾县国民经济和社会发展第十五个五年规划纲要\n（2026年1月12日青禾县第九届人民代表大会第五次会议批准）\n第二章　{}\n{}\n"


@pytest.mark.parametrize("heading,body", [
    ("主要目标", "常住人口城镇化率提高到63%；地区生产总值年均增长5.5%左右。"),
    ("经济社会发展主要目标", "综合考虑各方面因素，今后五年要努力实现以下主要目标：常住人口城镇化率提高到63%；"
                         "地区生产总值年均增长5.5%左右。")])
def test_an_outlines_goals_naming_no_year_are_for_its_horizon(heading, body):
    # a list of targets in a five-year part whose words name no period: the part's horizon (2030), not
    # the year the outline was issued
    doc = extract_text(OUTLINE_GOALS.format(heading, body))
    assert [(t.year, t.name) for t in doc.targets] == [(2030, "常住人口城镇化率"), (2030, "地区生产总值")]


def test_the_years_a_sum_runs_over_are_the_predicates():
    # 五年累计 before the figure (and before 分别) is the target's, never its name's
    doc = extract_text(OUTLINE_GOALS.format("主要目标", "单位地区生产总值能耗和二氧化碳排放五年累计分别下降12%、16%；"
                                                    "城镇新增就业五年累计5.5万人。"))
    assert [(t.name, t.text) for t in doc.targets] == [
        ("单位地区生产总值能耗", "五年累计分别下降12%"), ("单位地区生产总值二氧化碳排放", "16%"),
        ("城镇新增就业", "五年累计5.5万人")]


@pytest.mark.parametrize("note", ["（见附表）", "（详见附表）", "（见附件）", "（详见附件）", "(见表1)", "（详见表2）", "（见专栏1）", "（详见专栏）"])
def test_a_note_pointing_to_the_table_after_the_lists_lead_is_no_part_of_a_name(note):
    got = extract_prose_targets(f"2026年全县经济社会发展主要预期目标{note}：地区生产总值增长6%左右，固定资产投资增长5%。",
                                plan_year=2026)
    assert [t.name for t in got] == ["地区生产总值", "固定资产投资"]


@pytest.mark.parametrize("phrase, comparator, value, unit", [
    ("突破千亿元", ">", D("1000"), "亿元"), ("超百亿元", ">", D("100"), "亿元"), ("迈上千亿元", ">=", D("1000"), "亿元"),
    ("突破千亿元大关", ">=", D("1000"), "亿元"), ("超百亿元以上", ">=", D("100"), "亿元"),
    ("达到百万人次", "=", D("100"), "万人次"), ("约千万吨", "~", D("1000"), "万吨"), ("不低于千万元", ">=", D("1000"), "万元")])
def test_a_bare_magnitude_after_a_bounding_word_is_its_figure(phrase, comparator, value, unit):
    """突破千亿元: 千 with its 一 unwritten, before 亿 or 万, is 1000 亿元 after a word bounding or reaching it."""
    got = [(t.name, t.parsed.comparator, t.parsed.value, t.parsed.unit)
           for t in extract_prose_targets(f"主要预期目标是：旅游总收入{phrase}，城镇调查失业率5.5%以内。")]
    assert got == [("旅游总收入", comparator, value, unit), ("城镇调查失业率", "<=", D("5.5"), "%")]


@pytest.mark.parametrize("words", ["打造千亿级产业集群", "千方百计扩大就业", "建设百万千瓦级基地", "培育营收超百亿元企业",
                                   "建成超千亿的产业园区"])
def test_a_bare_magnitude_in_a_word_is_no_figure(words):
    assert targets(f"主要预期目标是：{words}，城镇调查失业率5.5%以内。") == [
        ("城镇调查失业率", "5.5%以内", "numeric", "<=", D("5.5"))]


@pytest.mark.parametrize("number", ["7.", "（7）", "7．"])
def test_an_items_number_is_no_figure_of_a_shared_predicate(number):
    """A numbered item naming two indicators before one predicate in words: the number is no figure, so
    the 、 parts no targets of their own — each name takes the predicate, as without the number."""
    got = targets(f"主要指标安排如下：\n{number}单位工业增加值用水量降低、二氧化碳排放强度降低完成市下达任务。")
    assert [(name, kind) for name, _, kind, _, _ in got] == [
        ("单位工业增加值用水量降低", "assigned"), ("二氧化碳排放强度降低", "assigned")]


def test_a_verb_of_the_level_reached_opens_the_target_not_the_name():
    """回落至 / 收窄到 (measures.to_verbs with 到 or 至) before a figure are the predicate's, as a result's name ends
    before them."""
    assert targets("主要预期目标是：工业品出厂价格涨幅回升至1.5%左右，城乡居民收入比收窄到1.9。") == [
        ("工业品出厂价格涨幅", "回升至1.5%左右", "numeric", "~", D("1.5")),
        ("城乡居民收入比", "收窄到1.9", "numeric", "=", D("1.9"))]


@pytest.mark.parametrize("quoted", ["全市确定增长6%左右", "松原市提出增长6%左右", "（全省确定增长5%左右）", "（全市确定增长6%左右）"])
def test_the_levels_above_targets_quoted_in_a_countys_list_are_no_targets(quoted):
    """In a county's list, a clause whose subject is a wider region or another region named setting a figure
    (clauses.OtherRegions, the owner results and commitments read it by), or a bracket opening with one
    (targets.level_above_notes), quotes that region's target."""
    sep = "" if quoted.startswith("（") else "，"
    text = ("青禾县2026年政府工作报告\n\n一、2025年工作回顾\n全县地区生产总值增长5.1%。\n\n二、2026年工作安排\n"
            f"今年主要预期目标是：地区生产总值增长6.5%左右{sep}{quoted}；一般公共预算收入增长4%。\n")
    e = extract_text(text)
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值", "增长6.5%左右"), ("一般公共预算收入", "增长4%")]
    assert not e.commitments


def test_a_document_of_unknown_region_keeps_the_countrys_targets_in_its_list():
    """A digest naming no region may be the country's: 全国… in its list is its own target."""
    e = extract_text("今年发展主要预期目标是：国内生产总值增长5%左右；全国城镇新增就业1200万人以上；居民消费价格涨幅2%左右。\n")
    assert e.document.region is None or e.document.region.name is None
    assert [t.value for t in e.targets] == [D(5), D(1200), D(2)]


@pytest.mark.parametrize("item", ["主要污染物减排完成市下达任务", "减排完成市确定任务", "能耗降低市下达任务", "碳排放强度降低市确定目标"])
def test_an_indicator_completing_the_level_aboves_task_is_the_countys_target(item):
    """A region's name is two to four characters before its ending, no verb of completing among them, and 下达 sets
    none of its figures (elsewhere.setting_verbs): 主要污染物减排完成市… is an indicator completing the city's task, the
    county's own target."""
    text = ("青禾县2026年政府工作报告\n\n一、2025年工作回顾\n全县地区生产总值增长5.1%。\n\n二、2026年工作安排\n"
            f"今年主要预期目标是：地区生产总值增长6.5%左右，{item}。\n")
    assert [t.kind for t in extract_text(text).targets] == ["numeric", "assigned"]


@pytest.mark.parametrize("item, name, text", [
    ("五年累计完成全社会固定资产投资1.5万亿元", "全社会固定资产投资", "五年累计完成全社会固定资产投资1.5万亿元"),
    ("累计实现外贸进出口总额800亿美元", "外贸进出口总额", "累计实现外贸进出口总额800亿美元"),
])
def test_a_period_summed_and_its_verb_before_the_name_are_the_predicates(item, name, text):
    """累计 / 五年累计 and a verb printed before the name (targets.predicate_tails, names.inner_verbs) are the
    predicate's, as after it: the name is the indicator's, the text keeps 累计 (how the years count)."""
    got = targets(f"主要预期目标是：地区生产总值年均增长6%左右；{item}。")
    assert got[1] == (name, text, "numeric", "=", got[1][4])


@pytest.mark.parametrize("direction", ["企稳回升", "企稳向好", "止跌回升"])
def test_a_four_character_direction_opening_with_a_halt_is_directional(direction):
    """企稳 is a half of a direction idiom as 止跌 is (kinds.compound_prefixes): 企稳回升 is a directional target."""
    got = targets(f"主要预期目标是：地区生产总值增长6%左右；规上工业增加值{direction}。")
    assert got[1] == ("规上工业增加值", direction, "directional", None, None)


def test_a_level_after_a_direction_is_a_target_of_the_same_name():
    """A figure with only its verb after a direction (稳定增长，达到850亿元) is the level of the name before it,
    a target of its own beside the direction — not lost for want of a name."""
    got = targets("主要预期目标是：地区生产总值增长6%左右；全社会固定资产投资稳定增长，达到640亿元；城镇调查失业率5.5%以内。")
    assert got[1:3] == [("全社会固定资产投资", "稳定增长", "directional", None, None),
                        ("全社会固定资产投资", "达到640亿元", "numeric", "=", D(640))]


@pytest.mark.parametrize("level", ["中等发达国家水平", "发达国家水平"])
def test_reaching_a_level_with_or_without_words_before_its_tail_is_relative(level):
    """达到 and a reaching tail (kinds.relative_reaching_tails) is a relative target whether words stand before
    the tail (中等发达国家水平) or not (发达国家水平): the reference is what is reached."""
    e = extract_prose_targets(f"主要目标是：城镇化率达到70%；人均地区生产总值达到{level}。")
    assert [(t.name, t.parsed.kind, t.parsed.reference) for t in e][1] == ("人均地区生产总值", "relative", level)


@pytest.mark.parametrize("item, text", [
    ("商品房销售面积降幅收窄至4%以内", "降幅收窄至4%以内"),
    ("商品房销售面积降幅控制在4%以内", "降幅控制在4%以内"),
])
def test_a_declines_name_before_a_targets_figure_is_the_predicates(item, text):
    """降幅 (measures.decline_names) before a target's figure sizes its fall, as 下降4%以内 does: the name is the
    indicator, the text keeps 降幅 (the tracker reads it as a decline's size)."""
    got = targets(f"主要预期目标是：地区生产总值增长6%左右；{item}。")
    assert got[1] == ("商品房销售面积", text, "numeric", "<=", D(4))


@pytest.mark.parametrize("milestone, unit", [("迈上万亿元台阶", "万亿元"), ("跨过万亿元大关", "万亿元"), ("突破万亿大关", "万亿")])
def test_a_milestone_of_a_magnitude_alone_in_a_target_list_is_one_of_it(milestone, unit):
    """In a target list, 万 alone between a milestone's verb and 亿 and its noun (units.milestone_magnitudes) is
    one of 万亿: a target at least 1 万亿元; a review's same words are praise, no result."""
    text = ("青禾市2026年政府工作报告\n\n一、2025年工作回顾\n过去一年，全市地区生产总值增长5.3%，规上工业产值" + milestone + "。\n\n"
            "二、2026年工作安排\n今年主要预期目标是：地区生产总值增长6%左右；规上工业产值" + milestone + "。\n")
    e = extract_text(text)
    assert [(t.name, t.kind, t.comparator, t.value, t.unit) for t in e.targets][1] == \
        ("规上工业产值", "numeric", ">=", D(1), unit)
    assert [a.value for a in e.actuals] == [D("5.3")]


@pytest.mark.parametrize("milestone, comparator", [("突破万亿元", ">"), ("总量突破万亿元", ">"), ("跨越万亿元", ">=")])
def test_a_milestone_of_a_magnitude_alone_needs_no_noun_after_its_unit(milestone, comparator):
    """地区生产总值突破万亿元 in a target list is a target over 1 万亿元 as 突破万亿元大关 is — and the rate after it, a
    predicate alone, is still the name's."""
    got = targets(f"主要预期目标是：地区生产总值{milestone}，增长6%左右；城镇新增就业3万人。")
    assert got[:2] == [("地区生产总值", milestone.removeprefix("总量"), "numeric", comparator, D(1)),
                       ("地区生产总值", "增长6%左右", "numeric", "~", D(6))]


@pytest.mark.parametrize("size", ["万亿级", "万亿量级"])
def test_a_magnitude_alone_before_a_class_is_no_milestone(size):
    """突破万亿级 sizes a class of industry (units.magnitude_classes): no figure, no target."""
    assert targets(f"主要预期目标是：数字经济核心产业突破{size}；城镇新增就业3万人。") == [
        ("城镇新增就业", "3万人", "numeric", "=", D(3))]


@pytest.mark.parametrize("before", ["", "一般公共预算收入增长5%，"])
@pytest.mark.parametrize("milestone", ["地区生产总值迈上新台阶，", "力争地区生产总值跨上千亿台阶、"])
def test_a_rate_after_a_milestone_in_words_is_the_milestone_s_name_s(before, milestone):
    """地区生产总值迈上新台阶，增长6.5%: a milestone in words gives no target, but its name is the subject of the
    predicate alone after it — not the target before (一般公共预算收入), nor lost."""
    got = targets(f"主要预期目标是：{before}{milestone}增长6.5%以上；城镇新增就业3万人。")
    assert ("地区生产总值", "增长6.5%以上", "numeric", ">=", D("6.5")) in got
    assert [g for g in got if g[0] == "一般公共预算收入"] == ([("一般公共预算收入", "增长5%", "numeric", "=", D(5))]
                                                             if before else [])


def test_an_assignment_after_a_target_names_its_own_object_not_the_target_before():
    """Only a figure after a target speaks of its name: 完成…下达的…指标 after a comma names what is assigned."""
    got = targets("主要预期目标是：地区生产总值增长6%以上，居民收入与经济增长同步，全面完成省下达的年度能耗双控指标。")
    assert got[2][:3] == ("年度能耗双控指标", "完成省下达的年度能耗双控指标", "assigned")


# red team 34: a county's plan report and work report print the targets' attributes in prose
CHONGREN_TARGETS = """2025年全县经济社会发展的主要预期目标是：

地区生产总值增长6%左右；城镇新增就业3000人以上，城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右。

主要约束性目标是：单位地区生产总值能耗下降完成市下达任务；PM2.5平均浓度不高于28微克/立方米；森林覆盖率稳定在67%以上。
"""

JIANYANG_TARGETS = """今年全区经济社会发展的主要目标为：
1.地区生产总值：增长6%左右（预期性）；
2.城镇调查失业率：5.5%以内（预期性）；
3.单位地区生产总值能耗：下降2.8%（约束性）；
4.森林覆盖率：保持在76%以上（约束性）。
"""

HEADED_TARGETS = """2025年主要目标如下：
（一）预期性指标
地区生产总值增长6%左右；
城镇调查失业率控制在5.5%以内。
（二）约束性指标
单位地区生产总值能耗下降3%；
森林覆盖率稳定在67%以上。
"""


@pytest.mark.parametrize("text, expected", [
    # the list's opening words name one attribute (主要预期目标, every target's name in a work report, names none)
    (CHONGREN_TARGETS, [None, None, None, None, "binding", "binding", "binding"]),
    # a mark after each target
    (JIANYANG_TARGETS, ["anticipatory", "anticipatory", "binding", "binding"]),
    # sub-heads
    (HEADED_TARGETS, ["anticipatory", "anticipatory", "binding", "binding"]),
    # items led by their category
    ("主要目标如下：\n预期性指标：地区生产总值增长6%左右，城镇调查失业率5.5%以内。\n约束性指标：森林覆盖率稳定在67%以上。\n",
     ["anticipatory", "anticipatory", "binding"]),
    # the opening words on a line of their own
    ("主要约束性目标是：\n单位地区生产总值能耗下降3%；\n森林覆盖率稳定在67%以上。\n", ["binding", "binding"]),
    # both named: neither
    ("主要预期性和约束性指标如下：地区生产总值增长6%左右；森林覆盖率稳定在67%以上。", [None, None]),
])
def test_a_prose_targets_printed_attribute_is_kept(text, expected):
    """预期性 / 约束性 printed in a list's opening words, a sub-head or a mark after a target is its
    attribute, as a table's 属性 column's (prose targets had none: red team 34)."""
    e = extract_text("2025年政府工作报告\n" + text)
    assert [t.attribute for t in e.targets if t.source == "prose"] == expected


MARKED_TARGETS = """今年全市经济社会发展的主要目标是：
地区生产总值增长6%左右（预期性）；
城镇调查失业率5.5%以内（预期性）；
森林覆盖率（约束性）稳定在67%以上。
"""


def test_a_printed_attribute_mark_is_no_part_of_the_targets_words_nor_its_name():
    """（预期性）/（约束性） after a prose target's figure or its name is read as its attribute and kept out of its
    text and name, as a table's 属性 cell is."""
    text = "2025年政府工作报告\n" + MARKED_TARGETS
    e = extract_text(text)
    assert [(t.name, t.text, t.attribute, t.indicator) for t in e.targets] == [
        ("地区生产总值", "增长6%左右", "anticipatory", "gdp_growth"),
        ("城镇调查失业率", "5.5%以内", "anticipatory", "surveyed_unemployment"),
        ("森林覆盖率", "稳定在67%以上", "binding", "forest_coverage")]
    assert e.targets[2].source_span.slice(text) == "稳定在67%以上" and e.targets[2].name_span.slice(text) == "森林覆盖率"


@pytest.mark.parametrize("label", ["预期性指标：", "预期性指标", "（一）预期性指标", "预期性指标（3项）：", "预期性指标（3项）"])
def test_a_sub_head_opening_its_own_list_gives_its_items_its_category_and_attribute(label):
    """A sub-head that opens a list itself — no list's words before it — on its own line (with a colon, a
    number, a count of items, or none) or before its ；-items: its items' category and attribute, as one
    inside a list gives them."""
    for body in (f"{label}\n地区生产总值增长6%左右；\n城镇调查失业率5.5%以内。\n",
                 f"{label.rstrip('：')}：地区生产总值增长6%左右；城镇调查失业率5.5%以内。\n"):
        e = extract_text("2025年全县国民经济和社会发展计划\n三、2025年工作安排\n全县经济平稳运行。\n" + body
                         + "约束性指标（2项）\n森林覆盖率稳定在67%以上。\n")
        assert [(t.name, t.category, t.attribute) for t in e.targets] == [
            ("地区生产总值", "预期性指标", "anticipatory"), ("城镇调查失业率", "预期性指标", "anticipatory"),
            ("森林覆盖率", "约束性指标", "binding")], body


@pytest.mark.parametrize("joint, layout", [("", "："), ("\n", "："), ("\n", "\n")])
@pytest.mark.parametrize("ordinal", [("一是", "二是"), ("1.", "2."), ("（一）", "（二）")])
def test_a_numbered_sub_head_is_its_items_category_inline_or_on_its_line(ordinal, joint, layout):
    """一是预期性指标：…。二是约束性指标：… — a sub-head after an item's number or ordinal word, before its
    items in the sentence or on a line of its own, inside the list's sentence or opening a list itself: the
    items' category and attribute (the ordinal was read as part of the label, which was then no sub-head)."""
    first, second = ordinal
    e = extract_text("2026年政府工作报告\n今年发展的主要预期目标：" + joint
                     + f"{first}预期性指标{layout}地区生产总值增长6.5%左右，社会消费品零售总额增长6%。" + joint
                     + f"{second}约束性指标{layout}森林覆盖率稳定在67%以上。\n")
    assert [(t.name, t.category, t.attribute) for t in e.targets] == [
        ("地区生产总值", "预期性指标", "anticipatory"), ("社会消费品零售总额", "预期性指标", "anticipatory"),
        ("森林覆盖率", "约束性指标", "binding")]


def test_a_table_row_before_a_list_is_none_of_its_opening_words():
    """A list opening a line after a table takes no attribute from the row above (…| 约束性 |)."""
    e = extract_text("2021年规划纲要\n指标 | 单位 | 2020年 | 2025年 | 属性 |\n森林覆盖率 | % | 38.2 | 40 | 约束性 |\n"
                     "到2025年，全县新增城镇就业累计达到3万人，高新技术企业达到60家。\n")
    assert [(t.name, t.attribute) for t in e.targets if t.source == "prose"] == [("新增城镇就业", None), ("高新技术企业", None)]


def test_a_sub_heads_label_before_its_items_is_their_category():
    """预期性指标：… on the items' line is their category, as on a line of its own (its 指标： read as a
    list's opening words, the label was dropped: red team 34)."""
    e = extract_text("2025年政府工作报告\n主要目标如下：\n预期性指标：地区生产总值增长6%左右，城镇调查失业率5.5%以内。\n"
                     "约束性指标：森林覆盖率稳定在67%以上。\n")
    assert [(t.name, t.category) for t in e.targets] == [
        ("地区生产总值", "预期性指标"), ("城镇调查失业率", "预期性指标"), ("森林覆盖率", "约束性指标")]

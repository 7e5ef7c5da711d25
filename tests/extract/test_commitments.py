"""Quantified commitments: spec sentences in a plan's body, section paths, modality, links to the
targets table, where they are (and are not) read, and seed 000 with its hand-checked sample."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from paths import ROOT, SEEDS, need_shared
from zhibiao.api import extract_text

D = Decimal

PLAN = ("某市人民政府关于下达2026年某市国民经济和社会发展计划的通知\n\n各区县人民政府：\n\n"
        "2026年某市国民经济和社会发展计划已经市人大审议批准，现印发给你们。\n\n"
        "一、加快科技创新\n\n（一）壮大创新主体。{}\n")


def commitments(sentence: str):
    e = extract_text(PLAN.format(sentence))
    assert e.document.plan_year == 2026 and all(c.year == 2026 for c in e.commitments)
    assert not e.actuals  # a plan's body sets tasks; it reports no results
    return [(c.metric, c.value, c.unit, c.comparator, c.modality) for c in e.commitments]


SPEC = [
    ("新增高新技术企业350家。", [("新增高新技术企业", D("350"), "家", "=", None)]),
    ("力争建设高标准农田10万亩。", [("建设高标准农田", D("10"), "万亩", "=", "力争")]),
    ("新增绿地60公顷、绿道30公里。", [("新增绿地", D("60"), "公顷", "=", None), ("绿道", D("30"), "公里", "=", None)]),
    ("确保县控及以上断面Ⅰ~Ⅲ类比例保持100%。", [("县控及以上断面Ⅰ~Ⅲ类比例", D("100"), "%", "=", "确保")]),
    ("争创省级未来乡村20个、金3A景区村2个以上。",
     [("省级未来乡村", D("20"), "个", "=", "争创"), ("金3A景区村", D("2"), "个", ">=", "争创")]),
    # bounds read as a plan reads them
    ("城镇调查失业率控制在5%以内。", [("城镇调查失业率", D("5"), "%", "<=", None)]),
    ("PM2.5年均浓度控制在28微克/立方米。", [("PM2.5年均浓度", D("28"), "微克/立方米", "<=", None)]),
    # a measure listed after a name opening with a head takes the head (an intensity head any name
    # but a pollutant's); a thing of its own does not
    ("确保粮食播种面积稳定在120万亩、产量稳定在50万吨以上。",
     [("粮食播种面积", D("120"), "万亩", "=", "确保"), ("粮食产量", D("50"), "万吨", ">=", "确保")]),
    ("规上工业增加值增长7%、利润增长5%。", [("规上工业增加值", D("7"), "%", "=", None), ("规上工业利润", D("5"), "%", "=", None)]),
    ("单位地区生产总值能耗下降3%、二氧化碳排放下降3.5%、化学需氧量排放下降2%。",
     [("单位地区生产总值能耗", D("-3"), "%", "=", None), ("单位地区生产总值二氧化碳排放", D("-3.5"), "%", "=", None),
      ("化学需氧量排放", D("-2"), "%", "=", None)]),
    ("粮食总产量50万吨、生猪出栏120万头。", [("粮食总产量", D("50"), "万吨", "=", None), ("生猪出栏", D("120"), "万头", "=", None)]),
    # a name may end with a term of letters and digits (a digit ends no other name)
    ("广义货币M2增长9%左右，细颗粒物PM2.5控制在30微克/立方米，可吸入颗粒物PM10控制在50微克/立方米。",
     [("广义货币M2", D("9"), "%", "~", None), ("细颗粒物PM2.5", D("30"), "微克/立方米", "<=", None),
      ("可吸入颗粒物PM10", D("50"), "微克/立方米", "<=", None)]),
    ("低保标准不低于1.4万元/年，赔付率不低于90%。",
     [("低保标准", D("1.4"), "万元/年", ">=", None), ("赔付率", D("90"), "%", ">=", None)]),
    ("服务贸易突破120亿元，能繁母猪保有量保持在5.7万头左右。",
     [("服务贸易", D("120"), "亿元", ">", None), ("能繁母猪保有量", D("5.7"), "万头", "~", None)]),
    ("新增县域商业体系省级示范试点1—2个。", [("新增县域商业体系省级示范试点", D("1"), "个", ">=", None)]),
    ("社会消费品零售总额增长6.5%以上。", [("社会消费品零售总额", D("6.5"), "%", ">=", None)]),
    # the count printed before what it counts
    ("推进省级特色产业集群4个核心区、3个协同区建设。",
     [("省级特色产业集群核心区", D("4"), "个", "=", None), ("协同区", D("3"), "个", "=", None)]),
    ("打造10个具有辨识度的研学旅游基地。", [("研学旅游基地", D("10"), "个", "=", None)]),
    ("筹建保障性租赁住房1万套（间）以上。", [("筹建保障性租赁住房", D("1"), "万套（间）", ">=", None)]),
    # a short note in brackets after a figure is no part of its unit (a picture, an estimate)
    ("新增城镇就业8万人（次），研发投入强度达到2.9%(图)。",
     [("新增城镇就业", D("8"), "万人（次）", "=", None), ("研发投入强度", D("2.9"), "%", "=", None)]),
    ("新建改造城市公园12个（预计）。", [("新建改造城市公园", D("12"), "个", "=", None)]),
    # Chinese numerals
    ("新增城镇就业一万二千人，新增规上企业一百五十家。",
     [("新增城镇就业", D("12000"), "人", "=", None), ("新增规上企业", D("150"), "家", "=", None)]),
    ("年经营性收入80万元、100万元以上行政村占比分别达到60%、40%以上。",
     [("年经营性收入80万元以上行政村占比", D("60"), "%", ">=", None),
      ("年经营性收入100万元以上行政村占比", D("40"), "%", ">=", None)]),
    # a clause naming an indicator with no figure (its direction) names the nameless figure after it —
    # never the name of a figure before it
    ("固定资产投资止跌回稳，增长4%左右。", [("固定资产投资", D("4"), "%", "~", None)]),
    ("固定资产投资止跌回稳，增长4%左右，建成1,2号厂房。",  # (a comma between digits: the clauses read alone)
     [("固定资产投资", D("4"), "%", "~", None)]),
    ("规上工业增加值增长7%，民间投资稳中有升，增长3%以上。",
     [("规上工业增加值", D("7"), "%", "=", None), ("民间投资", D("3"), "%", ">=", None)]),
    # (and so does one holding a numeral that counts nothing: its numbers are read with its sentence's)
    ("民间投资两位数回升，增长10%以上。", [("民间投资", D("10"), "%", ">=", None)]),
    ("工业投资保持两位数增长，增长12%左右。", [("工业投资", D("12"), "%", "~", None)]),
    # a bare measure after a comma takes the head of the figure before (not after a semicolon)
    ("粮食播种面积稳定在80万亩以上，总产量保持在30万吨以上。",
     [("粮食播种面积", D("80"), "万亩", ">=", None), ("粮食总产量", D("30"), "万吨", ">=", None)]),
    ("粮食播种面积稳定在80万亩以上；总产量保持在30万吨以上。",
     [("粮食播种面积", D("80"), "万亩", ">=", None), ("总产量", D("30"), "万吨", ">=", None)]),
    # not commitments
    ("实施三个“一号工程”和十项重大工程。", []),  # numbers inside names
    ("到2030年，研发投入强度达到3.5%。", []),  # a later year's goal
    ("深化“民营经济33条”，建设15分钟公共服务圈。", []),
]


@pytest.mark.parametrize("sentence, expected", SPEC, ids=[s for s, _ in SPEC])
def test_sentence(sentence, expected):
    assert commitments(sentence) == expected


def test_the_text_of_a_name_not_printed_whole_is_its_items():
    """A figure whose name is composed (工业投资 + 占固定资产投资比重) has its own item's words as its
    text, not the figures before it in the clause; a list's bare figure keeps the clause's words."""
    e = extract_text(PLAN.format("其中工业投资增长12%以上、占固定资产投资比重达到30%。城乡低保标准分别提高4%和6%。"))
    assert [(c.metric, c.text) for c in e.commitments] == [
        ("工业投资", "工业投资增长12%以上"), ("工业投资占固定资产投资比重", "占固定资产投资比重达到30%"),
        ("城镇低保标准", "城乡低保标准分别提高4%"), ("农村低保标准", "城乡低保标准分别提高4%和6%")]


def test_modality_of_a_sentence_and_of_a_clause():
    got = commitments("力争新增上市企业6家、股份公司120家。新增农创客1800名，确保帮扶率100%。")
    assert got == [("新增上市企业", D("6"), "家", "=", "力争"), ("新增股份公司", D("120"), "家", "=", "力争"),
                   ("新增农创客", D("1800"), "名", "=", None), ("帮扶率", D("100"), "%", "=", "确保")]


PLAN_WITH_TABLE = """绍兴市人民政府关于下达2026年绍兴市国民经济和社会发展计划的通知

各区、县（市）人民政府，市政府各部门：

2026年绍兴市国民经济和社会发展计划已经市人大审议批准，现印发给你们，请认真贯彻落实。

2025年，全市地区生产总值增长6.1%，新增高新技术企业330家。

一、聚焦创新提质，加快科教人一体化

（一）构建全域全链创新体系。新增高新技术企业350家，高新技术产业增加值占比达64%。

（二）打造人才集聚高地。新增就业大学生14万名。

二、聚焦扩大内需，稳住经济大盘

社会消费品零售总额增长6.5%以上，实际使用外资11亿美元以上。

绍兴市人民政府

2026年2月5日

附件

2026年绍兴市国民经济和社会发展计划主要目标

指标类型	序号	指标名称	2026年目标
经济发展	1	地区生产总值增速	6%左右
	2	社会消费品零售总额增速	6.5%以上
	3	实际使用外资	11亿美元以上
科技创新	4	高新技术产业增加值占规上工业增加值比重	64%
社会民生	5	新增城镇就业人数	9.5万人
"""


def test_sections_links_and_zones_of_a_plan_notice():
    e = extract_text(PLAN_WITH_TABLE)
    assert e.document.doc_type == "plan_notice" and len(e.targets) == 5
    got = {(c.metric, c.value): c for c in e.commitments}
    assert set(got) == {("新增高新技术企业", D("350")), ("高新技术产业增加值占比", D("64")),
                        ("新增就业大学生", D("14")), ("社会消费品零售总额", D("6.5")), ("实际使用外资", D("11"))}
    # the review paragraph's 330 and the table's rows are not commitments
    assert got[("新增高新技术企业", D("350"))].section_path == ["一、聚焦创新提质，加快科教人一体化", "（一）构建全域全链创新体系"]
    assert got[("新增就业大学生", D("14"))].section_path == ["一、聚焦创新提质，加快科教人一体化", "（二）打造人才集聚高地"]
    assert got[("实际使用外资", D("11"))].section_path == ["二、聚焦扩大内需，稳住经济大盘"]
    links = {k: e.targets[c.target_ref].name for k, c in got.items() if c.target_ref is not None}
    assert links == {("高新技术产业增加值占比", D("64")): "高新技术产业增加值占规上工业增加值比重",
                     ("社会消费品零售总额", D("6.5")): "社会消费品零售总额增速",
                     ("实际使用外资", D("11")): "实际使用外资"}
    table_start = PLAN_WITH_TABLE.index("附件")
    for c in e.commitments:
        assert c.source_span.end <= table_start
        assert str(c.value) in PLAN_WITH_TABLE[c.source_span.start:c.source_span.end].replace("万名", "")


def test_a_work_report_commits_in_its_plan_part_only():
    report = ("政府工作报告\n\n各位代表：\n\n一、2025年工作回顾\n\n新增高新技术企业312家，建成5G基站3000个。\n\n"
              "二、2026年主要目标和重点工作\n\n主要预期目标是：地区生产总值增长6%左右，城镇新增就业5万人。\n\n"
              "（一）做强先进制造业。新增高新技术企业350家，新建5G基站4000个。\n\n"
              "三、“十五五”时期的主要任务\n\n到2030年，新建5G基站2万个。\n")
    e = extract_text(report)
    assert {(c.metric, c.value) for c in e.commitments} == {("新增高新技术企业", D("350")), ("新建5G基站", D("4000"))}
    assert {(a.name, a.value) for a in e.actuals} == {("新增高新技术企业", D("312")), ("建成5G基站", D("3000"))}


def test_a_bulletin_commits_to_nothing():
    e = extract_text("某市2025年国民经济和社会发展统计公报\n\n全年新增高新技术企业320家。\n")
    assert e.document.doc_type == "statistical_bulletin" and e.commitments == []


REVIEW_DOC = ROOT / "docs" / "commitments-review.md"


@pytest.mark.corpus
def test_seed_plan_notice_commitments_and_the_hand_checked_sample():
    need_shared(SEEDS)
    e = extract_text((SEEDS / "000_f74a9d579936cf71.txt").read_text("utf-8"))
    assert len(e.commitments) >= 100
    assert not e.actuals
    linked = [c for c in e.commitments if c.target_ref is not None]
    assert len(linked) >= 8 and all(e.targets[c.target_ref].value == c.value for c in linked)
    # the sample recorded in the docs was checked against this extractor: its rows still come out
    # as recorded, and its precision meets the bar
    rows = [line.split("|")[1:-1] for line in REVIEW_DOC.read_text("utf-8").splitlines()
            if re.match(r"\|\s*\d+\s*\|", line)]
    assert len(rows) == 50
    got = {(c.metric, str(c.value), c.unit or "", c.comparator) for c in e.commitments}
    for row in rows:
        _, metric, _, value, unit, comparator, *_ = [cell.strip() for cell in row]
        assert (metric, value, unit, comparator.strip("`")) in got, row
    right = sum(1 for row in rows if row[-1].strip() == "right")
    assert right / 50 >= 0.95


def test_review_doc_states_its_sample():
    text = REVIEW_DOC.read_text("utf-8")
    assert "precision" in text and re.search(r"\d+ of 50 right", text)


def test_a_task_stated_as_a_change_and_a_level_is_the_level():
    # "比上年多…" is a change, not a task; the level after it is, named before the change
    assert commitments("新建充电桩比上年多800个、达到4600个。") == [("新建充电桩", D("4600"), "个", "=", None)]



def test_a_verb_opening_a_list_of_names_governs_each():
    assert commitments("新增城镇和农村公益性岗位分别1200个和800个。") == [
        ("新增城镇公益性岗位", D("1200"), "个", "=", None), ("新增农村公益性岗位", D("800"), "个", "=", None)]


def test_things_counted_after_a_count_of_new_things_are_new_too():
    """新增… 80家、… 60家: each is an increment (names.new_leads), counted by the same counter, unless it
    prints a verb of its own or is counted otherwise (人 is no counter: 失业人员再就业 stays)."""
    assert commitments("力争新增规上工业企业80家、高新技术企业60家以上。新认定省级研发中心50家、企业研究院20家。") == [
        ("新增规上工业企业", D("80"), "家", "=", "力争"), ("新增高新技术企业", D("60"), "家", ">=", "力争"),
        ("新认定省级研发中心", D("50"), "家", "=", None), ("新认定企业研究院", D("20"), "家", "=", None)]
    assert commitments("新增就业8000人、失业人员再就业3000人，新增上市企业3家、培育专精特新企业20家。") == [
        ("新增就业", D("8000"), "人", "=", None), ("失业人员再就业", D("3000"), "人", "=", None),
        ("新增上市企业", D("3"), "家", "=", None), ("培育专精特新企业", D("20"), "家", "=", None)]


def test_a_verb_opening_a_list_governs_each_in_a_traditional_document():
    text = ("某市人民政府關於下達2026年某市國民經濟和社會發展計劃的通知\n\n各區縣人民政府：\n\n"
            "2026年某市國民經濟和社會發展計劃已經市人大審議批准，現印發給你們。\n\n一、加快科技創新\n\n"
            "新增城鎮和農村公益性崗位分別1200個和800個。\n")
    assert [c.metric for c in extract_text(text).commitments] == ["新增城鎮公益性崗位", "新增農村公益性崗位"]


def test_a_numbered_tasks_number_is_no_part_of_its_metric():
    # 1. / （2） / 三、 before a task's words number the list; the metric (and the name of a result) is the words after
    text = ("青禾县政府工作报告\n\n一、2024年工作回顾\n主要指标完成情况：\n（1）粮食总产量增长3.5%\n\n二、2025年重点工作\n"
            "1.新建高标准农田3万亩\n（2）改造老旧小区40个\n三、新增城镇就业岗位1500个\n")
    doc = extract_text(text)
    assert [c.metric for c in doc.commitments] == ["新建高标准农田", "改造老旧小区", "新增城镇就业岗位"]
    assert [a.name for a in doc.actuals] == ["粮食总产量"]


def county_plan(plan: str) -> list[tuple[str, Decimal]]:
    """The commitments of a county's work report whose part for 2026 is ``plan``."""
    text = ("青禾县2026年政府工作报告\n\n一、2025年工作回顾\n全县地区生产总值增长5.1%。\n\n二、2026年工作安排\n"
            f"{plan}\n")
    return [(c.metric, c.value) for c in extract_text(text).commitments]


def test_the_levels_above_quoted_before_a_countys_own_figures_are_no_tasks():
    """A clause whose subject is a wider region (全省, 全市 in a county's report: clauses.OtherRegions, the
    owner results read it by) or a region named with a verb setting a figure (elsewhere.setting_verbs)
    quotes that region's target; the county's own tasks around it stay."""
    plan = ("全省确定今年规上工业增加值增长7%左右，松原市确定增长7.5%左右。全县新建高标准农田2万亩，"
            "全市新增就业1万人以上，青禾县确定新增市场主体3000户，我县目标新建污水管网80公里。")
    assert [v for _, v in county_plan(plan)] == [D("2"), D("3000"), D("80")]  # (the county's own name: its own task)


@pytest.mark.parametrize("verb", ["确定", "提出", "要求", "设定", "制定", "预期", "目标"])
def test_a_region_named_setting_a_figure_is_no_task_of_the_document(verb):
    assert county_plan(f"新建高标准农田2万亩，松原市{verb}新建污水管网80公里。") == [("新建高标准农田", D("2"))]


@pytest.mark.parametrize("note", ["注", "备注", "说明", "注1", "注①"])
def test_a_note_under_a_table_is_no_task(note):
    """A note on how a table's figures are counted (its stretch figure, 力争6%, among them) sets no task."""
    text = ("某市人民政府关于下达2026年国民经济和社会发展计划的通知\n\n一、主要指标\n"
            "序号\t指标名称\t单位\t2026年目标\t属性\n1\t地区生产总值增长\t%\t5.5左右\t预期性\n"
            f"{note}：①按可比价计算；②地区生产总值增速力争6%，规上工业增加值增速力争8%。\n\n二、重点任务\n新建高标准农田3万亩。\n")
    assert [(c.metric, c.value) for c in extract_text(text).commitments] == [("新建高标准农田", D("3"))]


@pytest.mark.parametrize("zone", ["产业集聚区", "高新区", "城市"])  # (城市: no region's name of one character)
def test_a_zone_of_the_documents_region_setting_a_figure_is_its_task(zone):
    """A 区 of the document's level or below is a part of its region (an industrial zone): its figure is a task."""
    assert [v for _, v in county_plan(f"新建高标准农田2万亩，{zone}目标新增规上企业12家。")] == [D("2"), D("12")]


def test_a_county_of_a_citys_report_setting_a_figure_is_the_citys_task():
    text = ("柳岸市2026年政府工作报告\n\n一、2025年工作回顾\n全市地区生产总值增长5.1%。\n\n二、2026年工作安排\n"
            "新建高标准农田2万亩，青禾县确定新增规上企业12家，临江市确定新增规上企业30家。\n")
    assert [c.value for c in extract_text(text).commitments] == [D("2"), D("12")]


def test_a_document_of_unknown_region_keeps_the_countrys_tasks():
    """A text naming no region may be the country's: 全国… in its plan is its own task."""
    e = extract_text("今年工作安排\n\n全国新建高标准农田4500万亩，改造城镇老旧小区5万个。\n")
    assert e.document.region is None or e.document.region.name is None
    assert [c.value for c in e.commitments] == [D(4500), D(5)]


def test_a_review_paragraph_opened_by_who_reports_is_no_task():
    # after a news lead quoting the year's target (the plan from there on), a paragraph whose first clause only
    # says who speaks (报告显示，2025年…) reviews the year before: its sentence naming no year (同期，…) commits to nothing
    e = extract_text("青禾县2026年政府工作报告解读\n\n报告提出，今年全县地区生产总值增长5.5%左右。\n\n"
                     "报告显示，2025年青禾县地区生产总值增长5.1%。同期，全县新增市场主体3200户。\n")
    assert [c.metric for c in e.commitments] == []
    assert [(t.value, t.year) for t in e.targets] == [(Decimal("5.5"), 2026)]

"""Targets in news reports and press-conference articles: a news page gives every sentence a paragraph of
its own, quotes the year's targets in a lead (今年…主要预期目标是：…), comments on them (这一目标高于全省…)
and names other regions' figures beside them (会上，某市提出…). Every page and text here is written for the
test, with regions and figures of our own choosing."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.api import extract_file, extract_text
from zhibiao.extract.clauses import LEAD as LEAD_NAME
from zhibiao.models import LoadedText
from zhibiao.text.document import Document

D = Decimal


def _page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>　　{p}</p>" for p in paragraphs)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>衡阳市召开新闻发布会解读2026年计划_衡阳新闻网</title>"
            "</head><body><div class='nav'><a href='/'>首页</a> &gt; <a href='/news'>本地新闻</a></div><div class='article'>"
            "<h1>衡阳市召开新闻发布会解读2026年国民经济和社会发展计划</h1><div class='info'>来源：衡阳日报 发布时间：2026-01-21</div>"
            f"{body}</div><div class='footer'>主办：衡阳市人民政府 版权所有</div></body></html>")


def _news(tmp_path, paragraphs: list[str]):
    page = tmp_path / "news.html"
    page.write_text(_page(paragraphs), "utf-8")
    return extract_file(page)


def _reading(text: str):
    from zhibiao.extract.pipeline import read

    return read(Document.from_loaded(LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")))


LEAD = "今年全市经济社会发展主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。"


@pytest.mark.parametrize("adding", ["同时，", "此外，", "另外，", "还要实现", "还将实现", "同时要确保", "同时还要实现", "并将实现",
                                    "并力争", "并确保"])
def test_a_paragraph_adding_to_a_news_pages_list_of_targets_is_in_it(tmp_path, adding):
    e = _news(tmp_path, ["1月20日，衡阳市人民政府新闻办召开新闻发布会。", LEAD,
                         f"{adding}城镇新增就业6万人以上，居民消费价格涨幅3%左右，粮食产量稳定在60亿斤以上。"])
    assert [(t.year, t.name, t.text) for t in e.targets] == [
        (2026, "地区生产总值", "增长6%左右"), (2026, "一般公共预算收入", "增长5%"), (2026, "城镇新增就业", "6万人以上"),
        (2026, "居民消费价格涨幅", "3%左右"), (2026, "粮食产量", "稳定在60亿斤以上")]
    assert not e.commitments


def test_paragraphs_adding_one_after_another_are_all_in_the_list():
    text = (f"衡阳市2026年计划解读\n\n{LEAD}\n\n同时，城镇新增就业6万人以上。\n\n此外，单位地区生产总值能耗下降2.5%。\n\n"
            "会议强调，要狠抓落实。\n")
    assert [t.name for t in extract_text(text).targets] == ["地区生产总值", "一般公共预算收入", "城镇新增就业", "单位地区生产总值能耗"]


def test_a_paragraph_not_adding_to_the_list_is_not_in_it():
    text = f"衡阳市2026年计划解读\n\n{LEAD}\n\n全年实施重点项目300个，城镇新增就业6万人以上。\n"
    e = extract_text(text)
    assert [t.name for t in e.targets] == ["地区生产总值", "一般公共预算收入"]
    assert [c.metric for c in e.commitments] == ["实施重点项目", "城镇新增就业"]


def test_a_paragraph_adding_to_a_review_of_last_year_states_no_target(tmp_path):
    e = _news(tmp_path, ["2025年，全市地区生产总值增长5.9%，一般公共预算收入增长3.8%。",
                         "同时，城镇新增就业6.1万人，粮食产量达到61亿斤。", LEAD])
    assert [t.name for t in e.targets] == ["地区生产总值", "一般公共预算收入"]
    assert all(t.value not in (D("6.1"), D(61)) for t in e.targets)


def test_a_paragraph_adding_to_the_tasks_stays_a_task(tmp_path):
    e = _news(tmp_path, [LEAD, "围绕上述目标，今年将重点抓好以下工作：一是扩大有效投资，实施重点项目300个。",
                         "同时，新开工项目140个以上，新增规模以上工业企业100家。"])
    assert [t.name for t in e.targets] == ["地区生产总值", "一般公共预算收入"]
    assert [c.metric for c in e.commitments] == ["实施重点项目", "新开工项目", "新增规模以上工业企业"]


@pytest.mark.parametrize("comment", ["这一目标高于全省0.5个百分点", "这个目标高于全省0.5个百分点", "该目标比去年低0.5个百分点",
                                     "此目标比去年低0.5个百分点", "上述目标比去年低0.5个百分点", "以上目标比去年低0.5个百分点",
                                     "这些目标比去年低0.5个百分点", "这一指标高于全省0.5个百分点", "该指标高于全省0.5个百分点",
                                     "这一增速高于全省0.5个百分点", "该增速高于全省0.5个百分点", "这一预期比去年低0.5个百分点",
                                     "这一增幅高于全省0.5个百分点", "比去年目标低0.5个百分点", "较上年目标提高0.5个百分点",
                                     "与去年目标相比低0.5个百分点", "与上年目标持平"])
def test_a_comment_on_a_target_states_none(comment):
    text = f"衡阳市2026年计划解读\n\n今年全市经济社会发展主要预期目标是：地区生产总值增长6%左右，{comment}；一般公共预算收入增长5%。\n"
    e = extract_text(text)
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值", "增长6%左右"), ("一般公共预算收入", "增长5%")]
    assert not e.commitments


def test_a_target_referred_back_to_opens_no_statement_in_passing():
    # (目标 in 这一目标 is no marker of a target stated in passing, 今年…目标…)
    e = extract_text("衡阳市2026年计划解读\n\n今年要新开工项目150个以上，这一目标比去年多20个。\n")
    assert not e.targets
    assert [(c.metric, c.value) for c in e.commitments] == [("新开工项目", D(150))]


def test_other_cities_targets_in_a_document_of_unknown_region_are_not_its_own():
    e = extract_text("代表热议高质量发展\n\n会上，株洲市提出地区生产总值增长6.5%，新增就业5万人。湘潭市提出新建5G基站2000个。\n\n"
                     "代表们表示，要新增市场主体3万户。\n")
    assert e.document.region is None or e.document.region.name is None
    assert not e.targets
    assert [c.value for c in e.commitments] == [D(3)]


COUNTY = "宜阳县2026年政府工作报告\n\n一、2025年工作回顾\n全县地区生产总值增长5.1%。\n\n二、2026年工作安排\n"


@pytest.mark.parametrize("own", ["全县新建高标准农田2万亩", "我县新建高标准农田2万亩", "其中全县新建高标准农田2万亩"])
def test_a_clause_after_another_regions_goes_on_with_it_until_one_names_a_region_of_its_own(own):
    e = extract_text(COUNTY + f"洛阳市确定新建高标准农田10万亩，新增规上企业60家，{own}，新增规上企业12家。\n")
    assert [c.value for c in e.commitments] == [D(2), D(12)]


def test_a_clause_after_another_regions_in_an_item_of_its_own_is_the_documents():
    e = extract_text(COUNTY + "洛阳市确定新建高标准农田10万亩；新增规上企业12家。\n")
    assert [c.value for c in e.commitments] == [D(12)]


def test_a_target_after_another_regions_in_a_list_goes_on_with_it():
    e = extract_text(COUNTY + "今年全县主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长4%；全市确定地区生产总值增长6%左右，"
                              "规模以上工业增加值增长7%，全县规模以上工业增加值增长8%，固定资产投资增长5%；城镇新增就业3000人。\n")
    assert [(t.name, t.value) for t in e.targets] == [("地区生产总值", D("6.5")), ("一般公共预算收入", D(4)),
                                                       ("规模以上工业增加值", D(8)), ("固定资产投资", D(5)),
                                                       ("城镇新增就业", D(3000))]


def test_a_target_after_another_regions_in_an_item_of_its_own_is_the_documents():
    # (a ；ends what the other region's clauses go on with: the item after it is the list's own)
    e = extract_text(COUNTY + "今年全县主要预期目标是：地区生产总值增长6.5%左右；全市确定地区生产总值增长6%左右，"
                              "规模以上工业增加值增长7%；城镇新增就业3000人。\n")
    assert [(t.name, t.value) for t in e.targets] == [("地区生产总值", D("6.5")), ("城镇新增就业", D(3000))]


def test_a_sentence_opening_with_a_target_referred_back_to_gives_its_reasons():
    e = extract_text("衡阳市2026年计划解读\n\n今年全市经济社会发展主要预期目标是：地区生产总值增长6%左右。"
                     "这一目标留有余地，规上工业增加值增长7%，固定资产投资增长5%。\n")
    assert [(t.name, t.text) for t in e.targets] == [("地区生产总值", "增长6%左右")]


def test_another_regions_targets_in_the_list_of_a_document_of_unknown_region_are_not_its_own():
    e = extract_text("代表热议\n\n今年发展主要预期目标是：国内生产总值增长5%左右，全国城镇新增就业1200万人以上，"
                     "湖南省提出地区生产总值增长6%左右。\n")
    assert e.document.region is None or e.document.region.name is None
    assert [(t.name, t.value) for t in e.targets] == [("国内生产总值", D(5)), ("城镇新增就业", D(1200))]


def test_a_region_its_title_names_is_the_own_region_of_a_document_of_unknown_region(tmp_path):
    # (a news page's region is read from its mentions after extraction: here the title's is its own)
    e = _news(tmp_path, ["会上，衡阳市提出新建高标准农田20万亩，益阳市提出新建高标准农田15万亩。"])
    assert [c.value for c in e.commitments] == [D(20)]


def test_the_title_s_region_setting_a_target_in_a_list_is_the_own_region(tmp_path):
    e = _news(tmp_path, ["今年全市经济社会发展主要预期目标是：地区生产总值增长6%左右，衡阳市确定一般公共预算收入增长5%，"
                         "益阳市确定一般公共预算收入增长4%。"])
    assert [t.value for t in e.targets] == [D(6), D(5)]


def test_the_title_s_region_stating_a_result_is_the_own_region(tmp_path):
    e = _news(tmp_path, ["2025年，衡阳市提出地区生产总值增长5.9%，益阳市提出地区生产总值增长5.5%。"])
    assert [a.value for a in e.actuals] == [D("5.9")]


# --- a paragraph adding to the one before (同时，/此外，/另外，) speaks of that one's time ---------------------

@pytest.mark.parametrize("adding", ["同时，", "此外，", "另外，"])
def test_a_paragraph_adding_to_a_one_sentence_review_states_its_results(tmp_path, adding):
    e = _news(tmp_path, ["1月20日，衡阳市人民政府新闻办召开新闻发布会。", "2025年，全市地区生产总值增长5.9%。",
                         f"{adding}完成重点项目投资420亿元，实现外贸进出口增长12%。", LEAD])
    assert [(a.year, a.name, a.value) for a in e.actuals] == [
        (2025, "地区生产总值", D("5.9")), (2025, "重点项目投资", D(420)), (2025, "外贸进出口", D(12))]
    assert not e.commitments
    assert [t.name for t in e.targets] == ["地区生产总值", "一般公共预算收入"]


def test_a_review_in_a_work_reports_plan_part_goes_on_into_a_paragraph_adding_to_it():
    e = extract_text("衡阳市人民政府工作报告\n\n一、2025年工作回顾\n\n全市地区生产总值增长5.9%。\n\n二、2026年工作安排\n\n"
                     "去年全市新增市场主体3.2万户。\n\n此外，建成5G基站2100个。\n\n今年要新开工项目150个。\n")
    assert [(a.year, a.name, a.value) for a in e.actuals][1:] == [(2025, "新增市场主体", D("3.2")), (2025, "建成5G基站", D(2100))]
    assert [(c.metric, c.value) for c in e.commitments] == [("新开工项目", D(150))]


@pytest.mark.parametrize("middle", ["同时，完成重点项目投资420亿元。", "同时，重点项目建设加快推进。"])
def test_paragraphs_adding_one_after_another_to_a_review_all_state_results(middle):
    text = f"衡阳市2026年计划解读\n\n2025年，全市地区生产总值增长5.9%。\n\n{middle}\n\n此外，建成5G基站2100个。\n\n今年要新开工项目150个。\n"
    e = extract_text(text)
    assert [a.value for a in e.actuals if a.value != 420] == [D("5.9"), D(2100)]
    assert [c.value for c in e.commitments] == [D(150)]
    # (asked of the last first: the run is walked back to the review)
    reading = _reading(text)
    last, = (p for p in reading.segments.paragraphs if reading.text.startswith("此外", p.start))
    assert reading.paragraph_time(last) == ("review", 2025)


def test_a_paragraph_adding_goes_on_with_the_time_the_one_before_ends_in():
    # (the paragraph before opens with the meeting and ends with the review: the review goes on)
    e = extract_text("衡阳市2026年计划解读\n\n1月20日，市人民政府召开常务会议。2025年，全市地区生产总值增长5.9%。\n\n"
                     "同时，完成重点项目投资420亿元。\n")
    assert [a.value for a in e.actuals] == [D("5.9"), D(420)]
    assert not e.commitments


def test_a_paragraph_adding_with_a_time_of_its_own_speaks_of_that_time():
    # (its second sentence, naming none, speaks of the paragraph's)
    e = extract_text("衡阳市2026年计划解读\n\n今年要新开工项目150个。\n\n同时，去年全市完成重点项目投资420亿元。城镇新增就业6.1万人。\n")
    assert [(a.year, a.value) for a in e.actuals] == [(2025, D(420)), (2025, D("6.1"))]
    assert [c.value for c in e.commitments] == [D(150)]


def test_a_paragraph_adding_what_is_still_to_do_to_a_review_states_tasks():
    e = extract_text("衡阳市2026年计划解读\n\n2025年，全市地区生产总值增长5.9%。\n\n同时，要新开工项目150个，力争新增就业6万人。\n")
    assert [a.value for a in e.actuals] == [D("5.9")]
    assert [(c.metric, c.value) for c in e.commitments] == [("新开工项目", D(150)), ("新增就业", D(6))]


# --- another region named setting a figure: a division is known by the registry's level, not its name's end -------
PLAN_PART = "\n\n一、2025年工作回顾\n全市地区生产总值增长5.1%。\n\n二、2026年工作安排\n"


def test_a_county_level_city_s_report_reads_a_county_beside_it_as_another_region():
    # (浏阳市 ends as a city does and is a county: 长沙县 and 宁乡市 are beside it, 长沙市 above it)
    e = extract_text("浏阳市2026年政府工作报告" + PLAN_PART + "长沙市确定新建高标准农田10万亩，宁乡市确定新建高标准农田3万亩，"
                     "长沙县提出新建高标准农田4万亩，全市新建高标准农田2万亩。\n")
    assert [(c.metric, c.value) for c in e.commitments] == [("新建高标准农田", D(2))]
    assert [(a.name, a.value) for a in e.actuals] == [("地区生产总值", D("5.1"))]  # (全市: a county-level city's own words)


def test_a_city_s_report_reads_a_division_within_it_as_another_region_and_a_zone_as_its_own():
    # (长沙县 shares the city's short name; 高新区 is no division: the city's zone)
    e = extract_text("长沙市2026年政府工作报告" + PLAN_PART + "浏阳市确定新建高标准农田3万亩，长沙县提出新建高标准农田4万亩，"
                     "全市新建高标准农田12万亩；高新区确定新增规上企业50家。\n")
    assert [c.value for c in e.commitments] == [D(12), D(50)]


def test_without_a_registry_a_region_s_level_is_read_from_its_name():
    from zhibiao.extract.clauses import OtherRegions

    known = {"浏阳市": "county", "长沙县": "county"}.get
    assert OtherRegions("浏阳市").opens("长沙县提出新建高标准农田4万亩") is False  # (a county below a 市, by its end)
    assert OtherRegions("浏阳市", known=known).opens("长沙县提出新建高标准农田4万亩")
    # (a county the registry does not know beside a county-level city it knows: of the city's level, not within it)
    assert OtherRegions("浏阳市", known=known).opens("青溪县提出新建高标准农田4万亩")



def test_a_county_named_by_one_character_and_its_end_is_another_region_where_the_registry_knows_it():
    # (攸县, 沛县: the full name; 该县, 各县 are words, no registry's division)
    from zhibiao.extract.clauses import OtherRegions

    known = {"醴陵市": "county", "攸县": "county"}.get
    assert OtherRegions("醴陵市", known=known).opens("攸县提出新建高标准农田4万亩")
    assert OtherRegions("醴陵市", known=known).speaks_anew("攸县提出新建高标准农田4万亩")
    assert not OtherRegions("醴陵市", known=known).opens("该县提出新建高标准农田4万亩")
    assert not OtherRegions("醴陵市", known=known).speaks_anew("该县提出新建高标准农田4万亩")
    e = extract_text("醴陵市召开新闻发布会解读2026年计划\n2026-01-21 来源：醴陵日报\n今年全市经济社会发展主要预期目标是："
                     "地区生产总值增长6%左右。\n会上，攸县提出地区生产总值增长6.5%，新增就业5000人。\n")
    assert [(t.name, t.value) for t in e.targets] == [("地区生产总值", D(6))] and not e.commitments
    assert OtherRegions("浏阳市").opens("青溪县提出新建高标准农田4万亩") is False


QUOTED_REPORT = ("衡阳市政府工作报告提出今年经济增长6.5%左右\n2026-01-09 10:20 来源：衡阳日报\n"
                 "1月8日，衡阳市第十六届人民代表大会第五次会议开幕。2025年全市地区生产总值增长6.1%。\n"
                 "报告还提出，今年全市地区生产总值增长6.5%左右；{middle}；一般公共预算收入增长5%；居民消费价格涨幅3%左右。\n")


def test_a_quoted_statement_of_targets_goes_on_over_its_semicolons():
    # (报告还提出，今年…；…；…: a news page's quote of the report's list, opened by no list's words — each piece
    # stating a target is one)
    e = extract_text(QUOTED_REPORT.format(middle="城镇新增就业4万人"))
    assert [(t.indicator, t.value) for t in e.targets] == [
        ("gdp_growth", D("6.5")), ("new_urban_jobs", D("4")), ("budget_revenue_growth", D("5")), ("cpi", D("3"))]


def test_a_quoted_statement_ends_at_a_piece_stating_no_target():
    # (…；要坚持稳中求进、以进促稳；…: a task ends the quoted targets; what follows it is not read as theirs)
    e = extract_text(QUOTED_REPORT.format(middle="要坚持稳中求进、以进促稳"))
    assert [t.indicator for t in e.targets] == ["gdp_growth"]


@pytest.mark.parametrize("intent", ["将", "拟"])
def test_a_plans_intent_before_a_targets_verb_is_no_part_of_its_name(intent):
    # (今年…，将新增城镇就业4万人: 将/拟 say the plan means it; the name is the indicator's from its verb on)
    e = extract_text(QUOTED_REPORT.format(middle=f"{intent}新增城镇就业4万人"))
    assert [(t.name, t.indicator, t.value) for t in e.targets][1] == ("新增城镇就业", "new_urban_jobs", D("4"))


def test_a_proper_name_opening_with_an_intents_character_keeps_it():
    # (将乐县: a county's name, no 将 of intent before a verb — never read as 乐县…)
    from zhibiao.extract.clauses import clause_figures

    assert all(not f.name.startswith("乐县") for f in clause_figures("将乐县新增城镇就业4000人", as_target=True)[0])
    assert LEAD_NAME.match("将乐县新增城镇就业") is None


@pytest.mark.parametrize("clause,name", [("今年全县将新增城镇就业4000人", "新增城镇就业"),
                                         ("拟实现地区生产总值增长6%", "地区生产总值")])
def test_a_clauses_figure_is_named_without_the_plans_intent(clause, name):
    from zhibiao.extract.clauses import clause_figures

    assert [f.name for f in clause_figures(clause, as_target=True)[0]] == [name]


@pytest.mark.parametrize("steady", ["与上年持平", "保持上年水平", "只增不减"])
def test_a_target_stated_in_passing_may_be_a_level_held(steady):
    # (今年…目标与上年持平: a target stated in passing, a steady direction as the same words in a list or a
    # table's cell are — no figure after its marker)
    e = extract_text(QUOTED_REPORT.format(middle="城镇新增就业4万人") + f"今年全市粮食播种面积目标{steady}。\n")
    assert [(t.name, t.text, t.kind) for t in e.targets if t.name == "粮食播种面积"] == [("粮食播种面积", steady, "directional")]

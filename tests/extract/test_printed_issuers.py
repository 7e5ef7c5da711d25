"""The issuer a document prints, whatever the kind of body (documents.signing_bodies / bureaus): a
congress committee signing its review of the plan, a development zone's 管委会, a town's government, a
press office, the publisher a repost's source line names — opening the title, on a line of its own
at the head or at the end, after a source line's key; never a body the text names in a sentence.
Every document here is written for these tests, with names and figures of our own choosing."""
from __future__ import annotations

import pytest

from zhibiao.datafiles import load_yaml
from zhibiao.api import extract_file, extract_text

REVIEW = """关于衢州市2025年国民经济和社会发展计划执行情况与2026年计划草案的审查结果报告

衢州市第九届人民代表大会第五次会议主席团：
衢州市人民代表大会财政经济委员会对市人民政府提出的计划报告进行了审查。现将审查结果报告如下：
一、2025年计划执行情况
2025年，全市地区生产总值增长6.3%，一般公共预算收入增长4.8%。市统计局发布的数据显示，规模以上工业增加值增长8.2%。
二、2026年计划草案
市人民政府提出的2026年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。
财政经济委员会认为，计划草案提出的目标总体可行，建议本次大会批准。

衢州市人民代表大会财政经济委员会
2026年1月12日
"""


def test_a_congress_committee_signing_its_review_of_the_plan_is_its_issuer():
    e = extract_text(REVIEW)
    d = e.document
    assert (d.issuer, d.issuer_inferred, d.region.name, d.issued_on) == (
        "衢州市人民代表大会财政经济委员会", False, "衢州市", "2026-01-12")
    # a plan report: it restates the draft's targets (of 2026) and last year's results, read as the plan report's
    assert d.doc_type == "plan_report"
    assert {(t.name, t.year) for t in e.targets} == {("地区生产总值", 2026), ("一般公共预算收入", 2026)}
    assert ("地区生产总值", 2025) in {(a.name, a.year) for a in e.actuals}


def test_a_standing_committee_s_office_opening_the_title_is_its_issuer():
    text = REVIEW.replace("关于衢州市2025年", "衢州市人大常委会财政经济工作委员会关于2025年").rsplit("\n\n", 1)[0]
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred, d.doc_type) == ("衢州市人大常委会财政经济工作委员会", False, "plan_report")


ZONE = """衢州经济技术开发区管委会2025年工作报告

2025年，开发区地区生产总值增长7.5%，规上工业增加值增长9.1%。
2026年主要预期目标是：地区生产总值增长7%左右，规上工业增加值增长8%。
"""


def test_a_development_zone_s_work_report_is_issued_by_its_administration():
    e = extract_text(ZONE)
    d = e.document
    assert (d.doc_type, d.issuer, d.issuer_inferred) == ("work_report", "衢州经济技术开发区管委会", False)
    assert d.region is None and any("region could not be established" in w for w in e.warnings)  # (no division of the registry)
    assert [t.year for t in e.targets] == [2026, 2026]


@pytest.mark.parametrize("body", ["管理委员会", "管委会"])
def test_a_bare_work_report_headed_by_a_zone_s_administration_is_a_work_report(body):
    text = f"工作报告\n衢州高新技术产业开发区{body}\n（2026年1月20日）\n\n2026年主要预期目标是：地区生产总值增长7%左右。\n"
    d = extract_text(text).document
    assert (d.doc_type, d.issuer, d.issued_on) == ("work_report", f"衢州高新技术产业开发区{body}", "2026-01-20")


def test_a_government_s_bare_work_report_is_a_work_report():
    text = "工作报告\n衢州市人民政府\n\n2026年主要预期目标是：地区生产总值增长7%左右。\n"
    assert extract_text(text).document.doc_type == "work_report"


def test_another_body_s_work_report_is_no_government_s():
    # a congress standing committee's 工作报告 governs nothing: not a (government's) work report
    text = "衢州市人民代表大会常务委员会工作报告\n\n过去一年，常委会共审议法规草案5件。\n"
    d = extract_text(text).document
    assert (d.issuer, d.doc_type) == ("衢州市人民代表大会常务委员会", "other")


TOWN = """青湖镇2025年政府工作报告

各位代表：
现在，我代表镇人民政府，向大会报告工作，请予审议。
2025年，全镇农业总产值增长4.2%，在江山市考核中位列第一，获评江山市先进乡镇。
2026年主要目标：农村居民人均可支配收入增长6.5%以上。

江山市青湖镇人民政府
2026年1月8日
"""


def test_a_town_s_government_signing_is_the_issuer_as_printed():
    d = extract_text(TOWN).document
    # (the city the text names twice is found as its region: its government is not the town's)
    assert (d.doc_type, d.issuer, d.issuer_inferred, d.issued_on) == ("work_report", "江山市青湖镇人民政府", False, "2026-01-08")


def test_a_press_office_over_its_release_is_the_issuer():
    text = ("国务院新闻办公室\n2026年1月19日新闻发布会\n\n"
            "初步核算，全年国内生产总值增长5.0%。国家统计局有关负责人介绍，全国居民人均可支配收入实际增长5.1%。\n")
    assert extract_text(text).document.issuer == "国务院新闻办公室"


RELEASE = "初步核算，2025年国内生产总值增长5.0%。全国居民人均可支配收入实际增长5.1%。\n"


@pytest.mark.parametrize("text, issuer", [
    ("国务院新闻办公室\n2026年1月19日新闻发布会\n\n" + RELEASE, "国务院新闻办公室"),  # its byline
    ("2025年国民经济稳中有进\n\n" + RELEASE + "\n国务院新闻办公室\n2026年1月19日\n", "国务院新闻办公室"),  # its signature
    ("国家统计局局长　王明\n\n" + RELEASE, "国家统计局"),
    ("国家发展改革委举行2025年宏观经济运行情况新闻发布会\n\n" + RELEASE, "国家发展改革委"),  # opening the headline
    ("浙江省政府新闻办举行2025年全省经济运行情况新闻发布会\n\n2025年全省地区生产总值增长5.6%。\n", "浙江省政府新闻办"),
    ("国新办举行2025年国民经济运行情况新闻发布会\n\n" + RELEASE, "国新办"),  # (the nation's press office by its short name)
])
def test_the_body_printed_as_the_issuer_names_the_region_a_nation_s_body_the_nation(text, issuer):
    d = extract_text(text).document
    region = ("浙江省", "province", "330000") if issuer.startswith("浙江") else ("中华人民共和国", "national", "100000")
    assert (d.issuer, d.issuer_inferred, d.region.name, d.region.level, d.region.code) == (issuer, False, *region)


@pytest.mark.parametrize("team, place, region", [("国家统计局衡阳调查队", "衡阳市", ("衡阳市", "prefecture")),
                                                 ("国家统计局湖南调查总队", "湖南省", ("湖南省", "province"))])
@pytest.mark.parametrize("head", ["{}\n\n", "来源：{}\n\n"])
def test_a_nation_s_body_seated_in_a_region_names_that_region_not_the_nation(team, place, region, head):
    # (its place printed short: the region the text names, found by the catalogue)
    text = (f"2025年居民收入情况\n\n{head.format(team)}2025年，{place}居民人均可支配收入32000元，增长5%。"
            f"{place}城镇居民人均可支配收入增长4.5%。\n")
    d = extract_text(text).document
    assert (d.issuer, d.region.name, d.region.level) == (team, *region)


@pytest.mark.parametrize("office", ["浙江省人民政府新闻办公室", "浙江省政府新闻办"])
@pytest.mark.parametrize("headline", ["{}举行2025年全省经济运行情况新闻发布会", "{}召开2025年全省经济运行情况新闻发布会",
                                      "{}发布会：2025年全省经济运行情况", "{}新闻发布会：2025年全省经济运行情况"])
def test_a_press_office_opening_a_headline_is_the_issuer(office, headline):
    text = headline.format(office) + "\n\n2025年全省地区生产总值增长5.6%。\n"
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == (office, False)


def test_a_standing_committee_opening_the_title_is_its_issuer():
    text = "衢州市人大常委会关于批准衢州市2026年国民经济和社会发展计划的决议\n\n批准地区生产总值增长6%左右的预期目标。\n"
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == ("衢州市人大常委会", False)


@pytest.mark.parametrize("byline", ["衢州市发展和改革委员会主任　王明", "衢州市发展和改革局局长　王明"])
def test_a_bureau_s_byline_with_its_head_s_name_is_the_issuer(byline):
    text = ("关于衢州市2025年计划执行情况与2026年计划草案的报告\n" + byline
            + "\n\n2026年主要预期目标是：地区生产总值增长6%左右。\n")
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == (byline.split("　")[0][:-2], False)


def _page(tmp_path, info: str, body: str, meta: str = "") -> object:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><meta charset='utf-8'>{meta}<title>2025年衢州市经济运行情况_衢州新闻网</title></head><body>"
                    f"<h1>2025年衢州市经济运行情况</h1><div class='info'>{info}</div>"
                    f"<div class='article'>{body}</div></body></html>", encoding="utf-8")
    return extract_file(path).document


ARTICLE = ("<p>初步核算，2025年全市地区生产总值增长6.3%。其中，第二产业增加值增长6.8%。</p>"
           "<p>浙江省统计局发布数据显示，全省地区生产总值增长5.6%。</p>")


@pytest.mark.parametrize("key", ["来源", "信息来源", "发布机构", "发文机关"])
def test_a_repost_s_source_line_names_its_issuer_and_region(tmp_path, key):
    d = _page(tmp_path, f"发布时间：2026-01-25　{key}：衢州市统计局　浏览次数：1024", ARTICLE)
    # (not 浙江省统计局, whose figures a sentence quotes)
    assert (d.issuer, d.issuer_inferred, d.region.name) == ("衢州市统计局", False, "衢州市")


def test_a_page_s_content_source_meta_names_its_issuer(tmp_path):
    d = _page(tmp_path, "发布时间：2026-01-25", ARTICLE, "<meta name='ContentSource' content='衢州市统计局'>")
    assert (d.issuer, d.region.name) == ("衢州市统计局", "衢州市")


def test_a_source_that_is_no_body_names_no_issuer(tmp_path):
    d = _page(tmp_path, "发布时间：2026-01-25　来源：衢州日报", ARTICLE)
    assert d.issuer_inferred  # (the usual issuer for its kind and region, supplied; never 衢州日报, nor a quoted bureau)


def test_the_signature_the_document_prints_wins_over_its_source_line():
    text = ("2025年衢州市经济运行情况\n信息来源：浙江省统计局　发布时间：2026-01-25\n\n"
            "初步核算，2025年全市地区生产总值增长6.3%。\n\n衢州市统计局\n2026年1月25日\n")
    assert extract_text(text).document.issuer == "衢州市统计局"


@pytest.mark.parametrize("key", ["信息来源", "稿源"])
def test_a_source_line_in_a_copied_page_s_text_names_its_issuer(key):
    text = f"2025年衢州市经济运行情况\n{key}：衢州市统计局　发布时间：2026-01-25\n初步核算，2025年全市地区生产总值增长6.3%。\n"
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == ("衢州市统计局", False)


def test_bodies_named_in_sentences_are_not_the_issuer():
    text = ("2025年衢州市经济运行情况\n初步核算，2025年全市地区生产总值增长6.3%。\n"
            "浙江省统计局发布数据显示，全省地区生产总值增长5.6%。衢州市统计局有关负责人表示，全市经济稳中向好。\n")
    d = extract_text(text).document
    assert d.issuer_inferred and d.issuer != "浙江省统计局"


# (its signature at the end, past the head a byline is looked for in)
BULLETIN = ("2025年衢州市国民经济和社会发展统计公报\n{head}\n初步核算，2025年全市地区生产总值增长6.3%。\n"
            + "全市经济运行总体平稳，各项工作有序推进。\n" * 80 + "{end}")


@pytest.mark.parametrize("head,end", [("衢州市统计局国家统计局衢州调查队\n（2026年3月20日）\n", ""),
                                      ("", "\n衢州市统计局　国家统计局衢州调查队\n2026年3月20日\n"),
                                      ("", "\n衢州市统计局国家统计局衢州调查队\n2026年3月20日\n"),
                                      ("来源：衢州市统计局国家统计局衢州调查队\n", "")])
def test_two_bodies_signing_together_the_first_is_the_issuer(head, end):
    d = extract_text(BULLETIN.format(head=head, end=end)).document
    assert (d.issuer, d.issuer_inferred) == ("衢州市统计局", False)


def test_the_office_opening_the_title_is_the_issuer_not_the_government_in_its_name():
    text = "衢州市人民政府办公室关于印发2026年重点工作任务的通知\n\n各县（市、区）人民政府：\n现印发给你们，请认真贯彻执行。\n"
    d = extract_text(text).document
    assert (d.issuer, d.region.name) == ("衢州市人民政府办公室", "衢州市")


def test_a_title_opening_with_about_opens_with_no_issuer():
    d = extract_text("关于衢州市统计局2025年工作情况的报告\n\n全市地区生产总值增长6.3%。\n").document
    assert d.issuer_inferred and not d.issuer.startswith("关于")


def test_another_region_s_body_at_the_end_is_no_signature():
    text = ("衢州市2026年国民经济和社会发展计划\n\n全市地区生产总值增长6%左右。\n\n"
            "浙江省统计局\n")
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == ("衢州市人民政府", True)


def test_a_colophon_s_office_and_printing_date_are_no_signature():
    text = ("衢州市2026年国民经济和社会发展计划\n\n全市地区生产总值增长6%左右。\n\n"
            "衢州市人民政府办公室　2026年1月5日印发\n")
    assert extract_text(text).document.issuer_inferred


def test_a_government_opening_a_traditional_title_is_written_as_the_registry_writes_it():
    text = "麗水市人民政府關於印發麗水市2026年國民經濟和社會發展計劃的通知\n\n全市地區生產總值增長6%左右。\n"
    assert extract_text(text).document.issuer == "丽水市人民政府"


def test_a_source_value_ends_where_the_page_s_next_label_begins():
    # (a copied page's labels run together: 来源：某某发展和改革委员会发布时间：…)
    text = "2025年衢州市经济运行情况\n来源：衢州市发展和改革委员会发布时间：2026-01-25\n初步核算，2025年全市地区生产总值增长6.3%。\n"
    assert extract_text(text).document.issuer == "衢州市发展和改革委员会"


@pytest.mark.parametrize("label", ["发布日期", *load_yaml("zhibiao.load", "data", "web_page.yaml")["inline_labels"]])
def test_a_monthly_report_s_bureau_glued_to_the_page_s_next_label_is_its_issuer(label):
    # (来源：某某市统计局发布日期：… — and the labels a page prints only after another's value: 作者, 时间, 编辑)
    text = (f"2025年1—11月衢州市经济运行情况\n来源：衢州市统计局{label}：2025-12-15 09:30\n\n"
            "1—11月，全市规模以上工业增加值同比增长5.2%。\n")
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred, d.doc_type) == ("衢州市统计局", False, "other")


def test_a_national_body_fits_the_nation_and_a_province_s_does_not():
    from zhibiao.extract.metadata import _fits

    assert _fits("国务院新闻办公室", "中华人民共和国") and _fits("国家统计局", "中华人民共和国") and _fits("国新办", "中华人民共和国")
    assert not _fits("浙江省人民政府新闻办公室", "中华人民共和国") and not _fits("国家统计局", "衢州市")
    assert _fits("衢州经济技术开发区管委会", None)  # (no region known: any body)


@pytest.mark.parametrize("note", ["数据来源", "资料来源"])
def test_a_table_s_note_of_where_figures_come_from_names_no_issuer(note):
    text = ("关于衢州市2025年计划执行情况与2026年计划草案的报告\n\n指标\t2026年目标\n地区生产总值增长（%）\t6左右\n"
            f"{note}：衢州市统计局\n")
    d = extract_text(text).document
    assert (d.issuer, d.issuer_inferred) == ("衢州市发展和改革委员会", True)


def test_a_body_s_name_never_runs_past_about():
    # (中共某市委 is no body of the lexicon: the words after its 关于 are the title's subject, never its issuer's name)
    d = extract_text("中共衢州市委关于支持衢州经济技术开发区管委会2026年改革的意见\n\n全市经济运行平稳。\n").document
    assert d.issuer == "中共衢州市委"

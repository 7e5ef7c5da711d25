"""What a document prints wins over what a file says of it: a Word page's <title> (its properties)
inside the printed title, and an issuer printed only in the signature (not to be inferred)."""
from __future__ import annotations
import pytest

from zhibiao.api import extract_file, extract_text

WORD_PAGE = ("<html><head><meta charset='gb2312'><title>缙云县2026年国民经济和社会发展计划</title></head><body>"
             "<p class=MsoNormal>缙云县人民政府关于印发缙云县2026年国民经济和社会发展计划的通知<o:p></o:p></p>"
             "<p class=MsoNormal>缙政发〔2026〕7号</p><p>各乡镇人民政府，县政府直属各单位：</p>"
             "<p>现将《缙云县2026年国民经济和社会发展计划》印发给你们，请认真组织实施。</p>"
             "<p>2026年全县地区生产总值增长6.5%左右。</p>"
             "<p align=right>缙云县人民政府</p><p align=right>2026年2月12日</p></body></html>")


def test_a_word_page_s_title_inside_the_printed_title_gives_way_to_it(tmp_path):
    path = tmp_path / "notice.htm"
    path.write_bytes(WORD_PAGE.encode("gb2312"))
    d = extract_file(path).document
    assert d.title == "缙云县人民政府关于印发缙云县2026年国民经济和社会发展计划的通知"
    assert (d.doc_type, d.issuer, d.issuer_inferred) == ("plan_notice", "缙云县人民政府", False)


def _page_title(tmp_path, title: str, first_line: str) -> str | None:
    """The title extracted from a page of that <title> whose text opens with ``first_line``."""
    path = tmp_path / "plan.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><p>{first_line}</p>"
                    "<p>2026年全县地区生产总值增长6.5%左右。</p></body></html>", encoding="utf-8")
    return extract_file(path).document.title


def test_a_page_title_not_inside_the_first_line_is_kept(tmp_path):
    # (a page titled by its document, whose first line is another heading: the page's title stands)
    assert _page_title(tmp_path, "缙云县人民政府关于印发缙云县2026年国民经济和社会发展计划的通知",
                       "缙云县2026年国民经济和社会发展计划") == "缙云县人民政府关于印发缙云县2026年国民经济和社会发展计划的通知"


SIGNED = """缙云县2026年国民经济和社会发展计划

一、主要目标
全县地区生产总值增长6.5%左右。

缙云县人民政府
2026年2月12日
"""


def test_an_issuer_printed_in_the_signature_is_not_inferred():
    d = extract_text(SIGNED).document
    assert (d.region.name, d.issuer, d.issuer_inferred) == ("缙云县", "缙云县人民政府", False)


def test_another_government_s_signature_is_not_the_issuer():
    d = extract_text(SIGNED.replace("缙云县人民政府\n", "丽水市人民政府\n")).document
    assert d.region.name == "缙云县" and (d.issuer, d.issuer_inferred) == ("缙云县人民政府", True)  # (the county's own, supplied, not 丽水市's)


def test_a_caption_holding_the_page_s_title_is_no_title(tmp_path):
    # (the first line holds the <title> but ends as no title does: a table's caption, the page's title stands)
    assert _page_title(tmp_path, "缙云县2026年国民经济和社会发展计划",
                       "缙云县2026年国民经济和社会发展计划主要指标") == "缙云县2026年国民经济和社会发展计划"


REPORT_HEAD = "缙云县2026年政府工作报告\n——在缙云县第十八届人民代表大会第五次会议上\n县长　某某\n（2026年1月9日）\n"


def test_a_report_s_date_in_brackets_under_its_head_is_its_date():
    body = "一、2025年工作回顾\n2025年，全县地区生产总值增长6.1%。\n"
    assert extract_text(REPORT_HEAD + body).document.issued_on == "2026-01-09"
    # (a bracketed date after the text has begun — a quoted meeting's — is not the report's)
    late = REPORT_HEAD.replace("（2026年1月9日）\n", "") + "一、2025年工作回顾\n全县经济稳中有进。\n（2025年12月5日）\n" + body
    assert extract_text(late).document.issued_on is None


NEWS = "青禾：今年经济增长预期目标定为5.5%左右\n2026-01-12 09:15　来源：青禾日报\n记者从县两会上获悉，今年青禾县地区生产总值预期增长5.5%左右，城镇新增就业1.2万人。\n"


def test_a_news_headline_without_a_title_s_words_is_the_title():
    e = extract_text(NEWS)
    assert e.document.title == "青禾：今年经济增长预期目标定为5.5%左右"
    # (the page's date under it: the year its 今年 speaks of — not the document's issue date, the page's)
    assert e.document.plan_year == 2026 and e.document.issued_on is None


@pytest.mark.parametrize("first", ["青禾县统计局", "——2026年1月9日在青禾县第九届人民代表大会第五次会议上",
                                   "2026年，全县经济运行稳中有进", "一、总体情况", "青禾县经济运行稳中有进，质效双升",
                                   "类别\t序号\t指标\t单位\t2026年目标", "类别 序号 指标名称 单位 目标值", "指标 | 单位 | 2026年目标"])
def test_a_first_line_that_is_no_headline_is_no_title(first):
    # (a bureau's name over a bulletin, a report's delivery note, a sentence, a heading, a clause)
    body = "2025年，全县地区生产总值增长6.1%，城镇新增就业1.1万人。\n"
    assert extract_text(f"{first}\n\n{body}").document.title is None

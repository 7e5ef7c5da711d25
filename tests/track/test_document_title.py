"""How a person names a stored document (``track.naming.document_title``): its title, with
whose and which year's added where the title leaves them out; never a path."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from zhibiao.track.naming import document_title


def doc(**kw):
    base = dict(title=None, region_name=None, plan_year=None, doc_type="work_report", issuer=None, doc_number=None)
    return SimpleNamespace(**(base | kw))


def test_a_bare_title_gets_its_region_and_year():
    assert document_title(doc(title="政府工作报告", region_name="湖州市", plan_year=2025)) == "湖州市2025年政府工作报告"


def test_a_traditional_title_that_names_the_region_is_left_as_printed():
    assert document_title(doc(title="2025年溫州市政府工作報告", region_name="温州市", plan_year=2025)) == \
        "2025年溫州市政府工作報告"


def test_a_title_with_its_year_in_chinese_numerals_gets_no_second_year():
    assert document_title(doc(title="湖州市二〇二五年政府工作报告", region_name="湖州市", plan_year=2025)) == \
        "湖州市二〇二五年政府工作报告"


def test_without_a_title_issuer_year_and_kind_name_it():
    assert document_title(doc(issuer="湖州市人民政府", plan_year=2025, doc_type="plan_notice",
                              doc_number="湖政发〔2025〕2号")).startswith("湖州市人民政府 2025年")


def test_a_title_that_names_another_year_or_a_five_year_period_gets_no_year_before_it():
    # (a plan year before 第十四个五年规划…纲要 — the year it was issued — reads as the plan's year)
    outline = "湖州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"
    assert document_title(doc(title=outline, region_name="湖州市", plan_year=2021, doc_type="five_year_plan")) == outline
    digest = "湖州市“十四五”规划纲要解读"
    assert document_title(doc(title=digest, region_name="湖州市", plan_year=2021, doc_type="five_year_plan")) == digest
    bulletin = "湖州市2024年国民经济和社会发展统计公报"
    assert document_title(doc(title=bulletin, region_name="湖州市", plan_year=2025,
                              doc_type="statistical_bulletin")) == bulletin


def test_a_title_naming_its_region_by_the_short_name_gets_no_region_before_it():
    assert document_title(doc(title="青田2026年国民经济和社会发展计划", region_name="青田县", plan_year=2026,
                              doc_type="plan_notice")) == "青田2026年国民经济和社会发展计划"
    # (a name of two characters is no short name's: 和县's 和 is any word's)
    assert document_title(doc(title="和谐发展规划", region_name="和县", plan_year=2026, doc_type="other")).startswith("和县")


@pytest.mark.parametrize("headline", ["青田：今年经济增长预期目标定为5.5%左右", "青田县政府工作报告提出今年GDP增长5.5%左右",
                                      "青田县长：今年地区生产总值力争增长6%"])
def test_a_headline_is_named_as_printed(headline):
    # (no year before it: 2026年青田县政府工作报告提出… would be a title of its own, and a region before 青田：… one word)
    assert document_title(doc(title=headline, region_name="青田县", plan_year=2026, doc_type="work_report")) == headline


@pytest.mark.parametrize("title, named", [("政府工作报告（摘要）", "青田县2026年政府工作报告（摘要）"),
                                          ("青田县政府工作报告（全文）", "2026年青田县政府工作报告（全文）")])
def test_a_work_reports_title_with_its_note_gets_its_region_and_year(title, named):
    assert document_title(doc(title=title, region_name="青田县", plan_year=2026)) == named

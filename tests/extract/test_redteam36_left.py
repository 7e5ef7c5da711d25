"""Faults red team 36 left (its README's "Left"), each on a small text of our own."""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text


def targets(text: str) -> list[tuple]:
    return [(t.year, t.name, t.text) for t in extract_text(text).targets]


@pytest.mark.parametrize("furniture", ["某某市发展和改革委员会　2026年3月2日", "某某市发展和改革委员会\n2026年3月2日",
                                       "某某市发展和改革委员会\n（2026年3月2日）", "2026年3月2日"])
def test_a_title_naming_the_targets_opens_the_list_below_its_issuer_and_date(furniture):
    text = f"某某市2026年经济社会发展主要预期目标\n{furniture}\n\n规模以上工业增加值增长7%；城镇新增就业2.5万人。\n"
    assert targets(text) == [(2026, "规模以上工业增加值", "增长7%"), (2026, "城镇新增就业", "2.5万人")]


def test_a_bodys_line_after_the_list_ends_it():
    text = ("某某市2026年经济社会发展主要预期目标\n某某市发展和改革委员会\n\n规模以上工业增加值增长7%；城镇新增就业2.5万人。\n"
            "某某市统计局\n居民人均可支配收入增长6%。\n")  # (a page's next item, under another body's name)
    assert targets(text) == [(2026, "规模以上工业增加值", "增长7%"), (2026, "城镇新增就业", "2.5万人")]



@pytest.mark.parametrize("text, named", [
    ("青田县政府工作报告提出今年GDP增长5.5%左右\n2026年1月10日上午，青田县第十八届人民代表大会第五次会议开幕。"
     "县长代表县政府作政府工作报告。\n报告提出，今年全县地区生产总值增长5.5%左右。\n",
     "青田县政府工作报告提出今年GDP增长5.5%左右"),
    ("政府工作报告\n——2026年1月10日在青田县第十八届人民代表大会第五次会议上\n各位代表：\n今年全县地区生产总值增长5.5%左右。\n",
     "青田县2026年政府工作报告")])
def test_a_headline_is_named_as_printed_a_bare_work_reports_title_completed(text, named):
    from zhibiao.api import extract_text as extract  # (with the catalogue: the region's name as the command names it)
    from zhibiao.cli.extract import document_name

    assert document_name(extract(text).document) == named


IN_YEAR = ("某某市2025年1—6月国民经济和社会发展计划执行情况\n某某市发展和改革局\n2025年7月20日\n"
           "一、主要指标完成情况\n1—6月，全市规模以上工业增加值增长5.8%，完成全年目标任务的48%，城镇新增就业1.2万人。\n"
           "二、下半年工作安排\n")


@pytest.mark.parametrize("words", ["要紧盯全年目标任务", "围绕年度预期目标", "全力以赴完成全年目标", "全力完成年度任务"])
def test_an_in_year_reports_restatement_of_the_years_plan_gives_the_years_targets(words):
    text = IN_YEAR + f"下半年，{words}，确保规模以上工业增加值增长6%，城镇新增就业2.5万人。\n"
    e = extract_text(text)
    assert [(t.year, t.name, t.text) for t in e.targets] == [(2025, "规模以上工业增加值", "增长6%"), (2025, "城镇新增就业", "2.5万人")]
    assert e.commitments == []
    assert [(a.name, a.text) for a in e.actuals] == [("规模以上工业增加值", "增长5.8%"), ("城镇新增就业", "1.2万人")]


@pytest.mark.parametrize("sentence", ["下半年，要加快项目建设，确保新开工重点项目30个，新增规模以上工业企业20家。",
                                      # (the year's plan named, then tasks: the sentence is no list of its targets)
                                      "下半年，紧盯全年目标任务，狠抓项目建设，强化要素保障，深化改革攻坚，"
                                      "确保新开工重点项目30个，新增规模以上工业企业20家。",
                                      # (a sentence of its own naming it: the next one's figures are its own)
                                      "下半年，要确保完成全年目标任务。加快项目建设，确保新开工重点项目30个，新增规模以上工业企业20家。"])
def test_an_in_year_reports_own_tasks_stay_tasks(sentence):
    text = IN_YEAR + sentence + "\n"
    e = extract_text(text)
    assert e.targets == [] and [(c.metric, c.text) for c in e.commitments] == [
        ("新开工重点项目", "新开工重点项目30个"), ("新增规模以上工业企业", "新增规模以上工业企业20家")]


def test_a_work_reports_restatement_of_the_years_plan_stays_its_tasks():
    # (a report at the year's start lists the year's targets: what its tasks restate are tasks, as before)
    text = ("政府工作报告\n——2025年1月10日在某某市第九届人民代表大会第四次会议上\n一、2024年工作回顾\n全市地区生产总值增长5.2%。\n"
            "二、2025年工作安排\n要紧盯全年目标任务，确保规模以上工业增加值增长6%，城镇新增就业2.5万人。\n")
    e = extract_text(text)
    assert e.targets == [] and [c.text for c in e.commitments] == ["规模以上工业增加值增长6%", "城镇新增就业2.5万人"]


NEWS = ("佛山市政府工作报告提出今年GDP增长5.5%左右\n2026年1月13日上午，佛山市第十六届人民代表大会第六次会议开幕。\n"
        "报告提出，今年{0}地区生产总值增长5.5%左右，{0}城镇新增就业6万人，{0}港集装箱吞吐量达到400万标箱。\n")


@pytest.mark.parametrize("own", ["佛山市", "佛山"])
def test_the_documents_own_region_before_an_indicators_name_is_no_part_of_it(own):
    e = extract_text(NEWS.format(own))
    assert [(t.name, t.indicator) for t in e.targets][:2] == [("地区生产总值", "gdp_growth"), ("城镇新增就业", "new_urban_jobs")]
    span = e.targets[0].name_span
    assert NEWS.format(own)[span.start:span.end] == "地区生产总值"


def test_a_place_named_after_the_region_keeps_its_name():
    # (港集装箱吞吐量 is no indicator's own name: 佛山港 is a port)
    assert extract_text(NEWS.format("佛山")).targets[2].name == "佛山港集装箱吞吐量"

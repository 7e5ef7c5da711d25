"""Actual results and commitments: spec sentences, documents in each style, and the seeds."""
from __future__ import annotations

import importlib.util
from decimal import Decimal

import pytest

from paths import GOLD, SEEDS, load_gold, need_shared
from zhibiao.api import extract_text
from zhibiao.extract.actuals import clause_figures

D = Decimal


def actuals(sentence: str):
    e = extract_text("政府工作报告\n\n各位代表：\n\n一、2025年工作回顾\n\n" + sentence + "\n")
    return [(a.name, a.measure, a.value, a.unit, a.comparator) for a in e.actuals]


SPEC = [
    ("全年实现地区生产总值7791亿元，增长7.8%、居全省第2位。",
     [("地区生产总值", "level", D("7791"), "亿元", "="), ("地区生产总值", "growth", D("7.8"), "%", "=")]),
    ("城镇和农村居民人均可支配收入80392元、48825元。",
     [("城镇居民人均可支配收入", "level", D("80392"), "元", "="), ("农村居民人均可支配收入", "level", D("48825"), "元", "=")]),
    ("固定资产投资、社会消费品零售总额分别增长4.1%、8.8%。",
     [("固定资产投资", "growth", D("4.1"), "%", "="), ("社会消费品零售总额", "growth", D("8.8"), "%", "=")]),
    ("刑事治安、电诈警情分别同比下降15.3%、6.3%。",
     [("刑事治安", "growth", D("-15.3"), "%", "="), ("电诈警情", "growth", D("-6.3"), "%", "=")]),
    ("全社会研发经费支出占GDP比重首次突破3.0%。", [("全社会研发经费支出占GDP比重", "share", D("3.0"), "%", ">")]),
    ("城乡收入比缩小至1.65。", [("城乡收入比", "level", D("1.65"), None, "=")]),
    ("数字经济规模超5万亿元。", [("数字经济规模", "level", D("5"), "万亿元", ">")]),
    ("新增城镇就业九万六千人。", [("新增城镇就业", "level", D("96000"), "人", "=")]),
    ("组织4478家次企业境外参展。", [("企业境外参展", "level", D("4478"), "家次", "=")]),
    ("新引进10亿元以上产业项目85个。", [("新引进10亿元以上产业项目", "level", D("85"), "个", "=")]),
    ("今年力争地区生产总值增长6%。", []),  # a target, never a result
    ("增速高于全省平均1.2个百分点。", []),  # a comparison with another region's figure
]


@pytest.mark.parametrize("sentence, expected", SPEC)
def test_actual_sentences(sentence, expected):
    assert actuals(sentence) == expected


WORK_REPORT = """政府工作报告

——2026年1月10日在衢州市第九届人民代表大会第六次会议上

各位代表：

一、2025年工作回顾

初步核算，全年实现地区生产总值2400亿元，增长6.1%，居全省第4位。规上工业增加值增长8.3%。一般公共预算收入180亿元。
前三季度，固定资产投资增长4.2%。居民消费价格上涨百分之零点八。

二、2026年主要目标

主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长8%，城镇调查失业率5%以内。
"""


def test_work_report_review_and_targets_do_not_mix():
    e = extract_text(WORK_REPORT)
    assert e.document.doc_type == "work_report" and e.document.plan_year == 2026
    assert e.document.region.name == "衢州市"
    by = {(a.name, a.measure): a for a in e.actuals}
    gdp = by[("地区生产总值", "growth")]
    assert (gdp.value, gdp.year, gdp.estimated, gdp.rank) == (D("6.1"), 2025, True, "居全省第4位")
    fai = by[("固定资产投资", "growth")]
    assert fai.period == "2025-01/2025-09"
    assert by[("居民消费价格", "growth")].value == D("0.8")
    assert all(a.year == 2025 for a in e.actuals)
    assert [t.name for t in e.targets] == ["地区生产总值增长", "规上工业增加值增长", "城镇调查失业率"]
    target_spans = {(t.span.start, t.span.end) for t in e.targets}
    assert not any((a.span.start, a.span.end) in target_spans for a in e.actuals)
    from zhibiao.extract.grammar import _candidates
    from zhibiao.text import normalize

    norm = normalize(WORK_REPORT).text
    for a in e.actuals:  # every value reads back from its own span
        assert abs(a.value) in {c.value for c in _candidates(a.span.slice(norm))}


PLAN_REPORT = """关于宁海县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告

各位代表：

受县人民政府委托，现将计划执行情况和计划草案提请审议。

一、2025年计划执行情况

2025年，全县地区生产总值增长6.8%，规上工业增加值增长9.1%，城镇新增就业1.2万人。

二、2026年经济社会发展的主要目标

主要预期目标是：地区生产总值增长6.5%，规上工业增加值增长8%以上。
"""

BULLETIN = """金华市2025年国民经济和社会发展统计公报

初步核算，全年全市生产总值6500亿元，比上年增长5.9%。年末常住人口720万人。全年居民消费价格比上年上涨0.5%。
"""


def test_plan_report_and_bulletin():
    report = extract_text(PLAN_REPORT)
    assert report.document.doc_type == "plan_report" and report.document.plan_year == 2026
    assert {(a.name, a.value) for a in report.actuals} >= {("地区生产总值", D("6.8")), ("城镇新增就业", D("1.2"))}
    assert [str(t.value) for t in report.targets] == ["6.5", "8"]
    bulletin = extract_text(BULLETIN)
    assert bulletin.document.doc_type == "statistical_bulletin"
    assert {(a.name, a.measure, a.value, a.year) for a in bulletin.actuals} >= {
        ("生产总值", "level", D("6500"), 2025), ("生产总值", "growth", D("5.9"), 2025),
        ("年末常住人口", "level", D("720"), 2025)}
    assert not bulletin.targets


def test_plans_give_commitments_not_actuals():
    plan = ("某市人民政府关于下达2026年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n一、加快科技创新\n\n"
            "（一）壮大创新主体。新增高新技术企业350家，力争建设高标准农田10万亩，新增绿地60公顷、绿道30公里。"
            "确保县控及以上断面Ⅰ~Ⅲ类比例保持100%。\n")
    e = extract_text(plan)
    assert e.actuals == []
    got = {(c.metric, c.value, c.unit, c.modality) for c in e.commitments}
    assert got == {("新增高新技术企业", D("350"), "家", None), ("建设高标准农田", D("10"), "万亩", "力争"),
                   ("新增绿地", D("60"), "公顷", None), ("绿道", D("30"), "公里", None),
                   ("县控及以上断面Ⅰ~Ⅲ类比例", D("100"), "%", "确保")}
    assert all(c.section_path == ["一、加快科技创新", "（一）壮大创新主体"] for c in e.commitments)


def _score():
    spec = importlib.util.spec_from_file_location("score", GOLD.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_seed_work_report_actuals_meet_the_bar():
    need_shared(GOLD)
    score = _score()
    name = "004_c9cea4230a75a5a3.txt"
    gold = [g for g in load_gold(GOLD / f"{name}.jsonl") if g["type"] == "actual"]
    e = extract_text((SEEDS / name).read_text("utf-8")).to_dict()
    pairs = [(g, p) for g, p in score.match(gold, e["actuals"], "actual") if not g.get("optional")]
    n_gold = sum(1 for g in gold if not g.get("optional"))
    n_pred = len(e["actuals"]) - sum(1 for g, _ in score.match(gold, e["actuals"], "actual") if g.get("optional"))
    p, r = len(pairs) / n_pred, len(pairs) / n_gold
    assert 2 * p * r / (p + r) >= 0.90
    exact = sum(1 for g, pr in pairs if all(score.field_ok(f, g, pr) for f in score.FIELDS if score.graded(f, g)))
    assert exact / n_gold >= 0.85


@pytest.mark.corpus
def test_seed_plan_notice_commitments():
    need_shared(SEEDS)
    e = extract_text((SEEDS / "000_f74a9d579936cf71.txt").read_text("utf-8"))
    assert len(e.commitments) >= 100
    assert not e.actuals  # a plan's body sets tasks; it reports no results
    linked = [c for c in e.commitments if c.target_ref is not None]
    assert linked and all(e.targets[c.target_ref].value == c.value for c in linked)

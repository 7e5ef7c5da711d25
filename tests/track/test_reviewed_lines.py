"""A reviewer's correction or rejection of a line takes effect wherever the status is decided: a
corrected actual figure is judged with its corrected value, a rejected one is not used (the next
figure decides), a corrected target is quoted as corrected; a correction the status could not
follow (moving a figure to another indicator or year) is refused. Reviews are written through the
read model's ``review``, the call behind the web's ``POST /corrections``."""
from __future__ import annotations

from decimal import Decimal

import pytest

from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.errors import InputError
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.track.tracker import Tracker

# a city's plan, its bulletin and next year's report estimating two of the results: this test's own figures
REPORT = """嘉兴市2024年政府工作报告

2024年1月12日在嘉兴市第九届人民代表大会第四次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长7%；固定资产投资增长5%以上。
"""
BULLETIN = """嘉兴市2024年国民经济和社会发展统计公报

嘉兴市统计局
2025年3月18日

初步核算，全年全市地区生产总值7100亿元，按可比价格计算，比上年增长5.8%。全年社会消费品零售总额2500亿元，比上年增长6.4%。全年固定资产投资比上年增长4.6%。
"""
NEXT_REPORT = """嘉兴市2025年政府工作报告

2025年1月10日在嘉兴市第九届人民代表大会第五次会议上

过去一年，预计全市地区生产总值增长6.1%，固定资产投资增长5.6%。
"""


@pytest.fixture
def tracker(db_url, tmp_path):  # noqa: F811
    for name, text in (("report.txt", REPORT), ("bulletin.txt", BULLETIN), ("next.txt", NEXT_REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = Database.open(db_url)
    ingest(db, [tmp_path])
    yield Tracker(db)
    db.engine.dispose()


def line(tracker, title: str, kind: str, indicator: str) -> tuple[int, int]:
    """(document id, index) of a document's line of an indicator, as the reader numbers them."""
    doc = next(d for d in tracker.q.documents()[0] if d["title"] == title)
    spans = tracker.q.document_text(doc["id"])["spans"]
    return doc["id"], next(s["index"] for s in spans if s["type"] == kind and s["line"]["indicator"] == indicator)


def status(tracker, indicator: str):
    return next(t for t in Tracker(tracker.db).status("嘉兴市", 2024).targets if t.indicator == indicator)


def test_a_corrected_actual_is_judged_with_its_corrected_value(tracker):
    assert status(tracker, "retail_sales_growth").status == "missed"
    doc, index = line(tracker, "嘉兴市2024年国民经济和社会发展统计公报", "actual", "retail_sales_growth")
    tracker.q.review(doc, "actual", index, "correct", {"value": 7.2}, who="审核员甲")
    t = status(tracker, "retail_sales_growth")
    assert t.status == "achieved" and t.actual["value"] == 7.2
    assert t.explanation.startswith("实际 7.2% 达到目标 增长7%")
    assert "实际数经审核员甲更正为 比上年增长7.2%（原文：比上年增长6.4%" in t.explanation
    assert t.actual["review"]["who"] == "审核员甲" and t.actual["printed"] == "比上年增长6.4%"
    # read on its own too (a parent's or a scope's figure, outside a scorecard)
    assert Tracker(tracker.db).actual("330400", "retail_sales_growth", 2024).value == Decimal("7.2")


def test_a_rejected_actual_leaves_the_next_figure_to_decide(tracker):
    assert status(tracker, "fai_growth").status == "missed"
    doc, index = line(tracker, "嘉兴市2024年国民经济和社会发展统计公报", "actual", "fai_growth")
    tracker.q.review(doc, "actual", index, "reject", who="审核员甲")
    t = status(tracker, "fai_growth")
    assert t.status == "achieved" and t.actual["value"] == 5.6 and t.actual["basis"] == "estimate"
    assert "（预计）" in t.explanation and "4.6" not in t.explanation
    assert all(s["value"] != 4.6 for s in t.actual["superseded"])


def test_a_correction_cannot_move_an_actual_to_another_indicator_or_year(tracker):
    doc, index = line(tracker, "嘉兴市2024年国民经济和社会发展统计公报", "actual", "fai_growth")
    for changes in ({"year": 2023}, {"indicator": "gdp_growth", "value": 4.6}):
        with pytest.raises(InputError, match="cannot be corrected"):
            tracker.q.review(doc, "actual", index, "correct", changes, who="审核员甲")
    assert tracker.q.corrections_for({d["sha256"] for d in tracker.q.documents()[0]}) == {}


def test_a_corrected_target_is_quoted_as_corrected(tracker):
    assert status(tracker, "gdp_growth").status == "basically_achieved"
    doc, index = line(tracker, "嘉兴市2024年政府工作报告", "target", "gdp_growth")
    tracker.q.review(doc, "target", index, "correct", {"value": 5.5}, who="审核员乙")
    t = status(tracker, "gdp_growth")
    assert t.status == "achieved" and t.text == "增长6%左右"  # the line still shows its printed wording
    assert t.explanation.startswith("实际 5.8% 达到目标 增长5.5%左右")
    assert "目标经审核员乙更正为 增长5.5%左右（原文：增长6%左右" in t.explanation
    assert "the target as corrected by 审核员乙: 增长5.5%左右" in t.explanation_en


# an analyst's override names one of the region-year's targets, as status -i names an indicator

def test_an_override_resolves_the_printed_name_or_id_of_one_target(tracker):
    # the name the scorecard prints (地区生产总值, which the catalogue reads as the level's name)
    assert tracker.override("嘉兴市", 2024, "地区生产总值", "achieved", "快报", who="分析员") == "gdp_growth"
    assert tracker.override("嘉兴市", 2024, "fai_growth", "achieved", "快报") == "fai_growth"
    lines = {t.indicator: t for t in Tracker(tracker.db).status("嘉兴市", 2024).targets}
    assert lines["gdp_growth"].overridden and lines["gdp_growth"].status == "achieved"
    assert lines["fai_growth"].overridden and not lines["retail_sales_growth"].overridden


def test_an_override_of_no_target_is_refused_naming_the_candidates(tracker):
    from zhibiao.errors import NotFound
    from zhibiao.track.queries import NoTargets

    with pytest.raises(NotFound, match=r"嘉兴市 has no target 不存在的指标 for 2024; its closest targets: .*\("):
        tracker.override("嘉兴市", 2024, "不存在的指标", "missed", "x")
    with pytest.raises(NotFound, match="has no target industrial_value_added_growth"):  # an id with no target here
        tracker.override("嘉兴市", 2024, "industrial_value_added_growth", "missed", "x")
    with pytest.raises(NoTargets):
        tracker.override("嘉兴市", 2019, "gdp_growth", "missed", "x")
    assert tracker.q.overrides("330400", 2024) == {} and tracker.q.overrides("330400", 2019) == {}


# an imported figure marked estimated is an estimate; one whose unit cannot be its indicator's is refused

def test_an_imported_estimate_is_ranked_and_shown_as_an_estimate(tracker, tmp_path):
    from zhibiao.store.imports import import_actuals

    csv = tmp_path / "kb.csv"
    csv.write_text("region,indicator,year,value,unit,source,estimated\n"
                   "嘉兴市,retail_sales_growth,2024,7.5,%,市统计局快报,是\n", encoding="utf-8")
    assert import_actuals(tracker.db, csv).stored == 1
    t = status(tracker, "retail_sales_growth")
    assert t.actual["value"] == 6.4 and t.status == "missed"  # the bulletin's figure ranks above an estimate
    assert [(s["value"], s["basis"]) for s in t.actual["superseded"]] == [(7.5, "estimate")]
    doc, index = line(tracker, "嘉兴市2024年国民经济和社会发展统计公报", "actual", "retail_sales_growth")
    tracker.q.review(doc, "actual", index, "reject", who="审核员甲")
    t = status(tracker, "retail_sales_growth")
    assert t.status == "achieved" and t.actual["basis"] == "estimate" and t.actual["estimated"]
    assert t.explanation.startswith("实际 7.5%（预计） 达到目标")


def test_an_import_with_a_unit_its_indicator_cannot_have_stores_nothing(tracker, tmp_path):
    from zhibiao.store.imports import import_actuals

    csv = tmp_path / "bad.csv"
    csv.write_text("region,indicator,year,value,unit,source,estimated\n"
                   "嘉兴市,fai_growth,2024,5.1,%,市统计局,否\n"
                   "嘉兴市,retail_sales_growth,2024,75,亿斤,市统计局,\n"
                   "嘉兴市,gdp_growth,2024,6.2,%,市统计局,也许\n", encoding="utf-8")
    report = import_actuals(tracker.db, csv)
    assert report.stored == 0 and report.errors == [
        "bad.csv row 3: unit '亿斤' cannot be retail_sales_growth's (社会消费品零售总额增长, in %)",
        "bad.csv row 4: estimated '也许' is not one of true/1/yes/是 or false/0/no/否"]
    assert status(tracker, "fai_growth").actual["value"] == 4.6  # nothing half-imported
    csv.write_text("region,indicator,year,value,unit,source\n嘉兴市,fai_growth,2024,5.1,%,市统计局\n", encoding="utf-8")
    assert import_actuals(tracker.db, csv).stored == 1
    assert status(tracker, "fai_growth").actual["basis"] == "official"
    assert status(tracker, "fai_growth").actual["text"] == "固定资产投资增长 5.1%"  # its name, not its id

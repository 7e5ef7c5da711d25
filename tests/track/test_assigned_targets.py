"""What a region's breakdown table (分解表) assigns its divisions, set beside each division's own
targets in the level comparison — on real SQLite and PostgreSQL, from documents of our own stored
by the ingest as a user stores them."""
from __future__ import annotations

import pytest

from dbs import db_url  # noqa: F401  (fixture)

PROVINCE = ("湖南省人民政府关于下达2027年全省国民经济和社会发展计划的通知\n湘政发〔2027〕2号\n"
            "2027年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业70万人以上。\n\n"
            "2027年各市州主要指标分解表\n市州\t地区生产总值增长（%）\t城镇新增就业（万人）\t单位地区生产总值能耗降低（%）\n"
            "长沙市\t6左右\t15\t2.5\n株洲市\t5.8\t4\t\n南昌市\t6\t3\t\n\n湖南省人民政府\n2027年2月3日\n")
# (南昌市 is no division of 湖南省: placed nowhere, compared with nothing)
# the province's plan report restates a breakdown, a figure of its own: the plan notice's counts; and
# last year's (2026年…分解表) is no assignment of 2027
REPORT = ("关于湖南省2026年国民经济和社会发展计划执行情况与2027年计划草案的报告\n湖南省发展和改革委员会\n"
          "2027年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n\n2026年各市州主要指标分解表\n"
          "市州\t地区生产总值增长（%）\n长沙市\t6.2\n\n2027年各市州主要预期目标\n"
          "市州\t地区生产总值增长（%）\n长沙市\t5.9\n")
CITY = ("长沙市人民政府关于下达2027年国民经济和社会发展计划的通知\n长政发〔2027〕3号\n"
        "2027年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%以上；城镇新增就业14万人；"
        "单位地区生产总值能耗降低完成省下达目标。\n\n长沙市人民政府\n2027年2月20日\n")
# the city's next work report: the year's results
REVIEW = ("长沙市2028年政府工作报告\n——2028年1月10日在长沙市第十六届人民代表大会第五次会议上\n"
          "一、2027年工作回顾\n2027年，全市地区生产总值增长6.6%，单位地区生产总值能耗下降2.8%。\n")


@pytest.fixture
def tracker(db_url, tmp_path):  # noqa: F811
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.track import Tracker

    for name, text in (("province.txt", PROVINCE), ("report.txt", REPORT), ("city.txt", CITY), ("review.txt", REVIEW)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = Database.open(db_url)
    assert ingest(db, [tmp_path]).count("failed") == 0
    yield Tracker(db)
    db.dispose()


def _assigned(data: dict) -> dict[str, list[tuple]]:
    return {c["region"]["name"]: [(a["indicator"], a["allocated"]["text"], a["allocated"]["document"]["doc_type"],
                                   (a["child"] or {}).get("text"), a["margin"], a["strictness"]) for a in c["allocations"]]
            for c in data["children"]}


def test_each_division_sees_what_it_was_assigned_beside_its_own_target(tracker):
    got = _assigned(tracker.compare_levels("湖南省", 2027))
    assert got == {
        # raised above what it was assigned (层层加码), and below it: both the city's own figures, totals too
        "长沙市": [("gdp_growth", "6左右", "plan_notice", "增长6.5%以上", 0.5, "stricter"),
                 ("new_urban_jobs", "15", "plan_notice", "14万人", -1, "looser"),
                 # (its own target a phrase: 完成省下达目标, no figure to set beside the assigned one)
                 ("energy_intensity_reduction", "2.5", "plan_notice", "完成省下达目标", None, None)],
        # a city assigned targets, with no document of its own stored: its assignments alone
        "株洲市": [("gdp_growth", "5.8", "plan_notice", None, None, None),
                 ("new_urban_jobs", "4", "plan_notice", None, None, None)],
    }


def test_assignments_are_no_targets_of_the_division(tracker):
    # the city's scorecard is its own documents' (the province's breakdown never becomes a line of it)
    assert [(c.winner.text, c.winner.doc.doc_type) for c in tracker.q.targets_for("430100", 2027)] == [
        ("增长6.5%以上", "plan_notice"), ("14万人", "plan_notice"), ("完成省下达目标", "plan_notice")]
    assert tracker.q.targets_for("430200", 2027) == []


def test_the_plan_report_restating_an_assignment_is_listed_beside_the_notices(tracker):
    (gdp, _jobs, _energy) = tracker.q.allocations_from("430000", 2027)["430100"]
    assert (gdp.winner.text, [o.text for o in gdp.others]) == ("6左右", ["5.9"])
    assert tracker.q.allocations_from("430000", 2026) == {}


def test_the_reader_highlights_each_assignment_where_it_is_printed(tracker):
    (notice,), _next = tracker.q.documents(region="430000", doc_type="plan_notice")
    doc_id = notice["id"]
    text = tracker.q.document_text(doc_id)
    spans = [s for s in text["spans"] if s["type"] == "allocation"]
    assert [(s["line"]["region"], text["text"][s["start"]:s["end"]]) for s in spans] == [
        ("长沙市", "6左右"), ("长沙市", "15"), ("长沙市", "2.5"), ("株洲市", "5.8"), ("株洲市", "4"), ("南昌市", "6"),
        ("南昌市", "3")]


def test_a_target_to_complete_what_was_assigned_is_judged_against_the_figure_assigned(tracker):
    # 完成省下达目标: the province's breakdown table assigned 长沙市 2.5; the city cut 2.8
    report = tracker.status("长沙市", 2027)
    line = next(x for x in report.targets if x.indicator == "energy_intensity_reduction")
    assert (line.text, line.status) == ("完成省下达目标", "achieved")
    assert "2.5" in line.explain("zh") and "2.5" in line.explain("en")


def test_the_scorecard_shows_beside_each_target_what_was_assigned(tracker):
    lines = {x.indicator: x for x in tracker.status("长沙市", 2027).targets}
    assert (lines["gdp_growth"].text, lines["gdp_growth"].assigned["text"]) == ("增长6.5%以上", "6左右")
    assert lines["gdp_growth"].assigned["document"]["doc_type"] == "plan_notice"
    assert lines["new_urban_jobs"].assigned["text"] == "15"
    # (a province assigns itself nothing)
    assert all(x.assigned is None for x in tracker.status("湖南省", 2027).targets)

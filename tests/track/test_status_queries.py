"""A scorecard reads the region-year's actual figures once, not once per target (at national
scale the per-target queries were two thirds of a scorecard's time), and answers exactly as
when each target's figure is read on its own."""
from __future__ import annotations

import contextlib
import json

from sqlalchemy import event

from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.track.queries import ReadModel
from zhibiao.track.tracker import Tracker


def test_a_scorecard_reads_the_actuals_once_and_answers_the_same(tmp_path, monkeypatch):
    db = Database.open(tmp_path / "s.db")
    ingest(db, [EXAMPLES])
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    report = Tracker(db).status("330500", 2024)
    with_actual = [t for t in report.targets if t.actual]
    assert len(report.targets) >= 10 and len(with_actual) >= 5
    per_target = sum("FROM observations" in s and "observations.indicator =" in s for s in statements)
    assert per_target == 0, "an actual figure was read with a query of its own"

    monkeypatch.setattr(ReadModel, "actuals_of", lambda self, code, year: contextlib.nullcontext())
    one_by_one = Tracker(db).status("330500", 2024)
    assert json.dumps(one_by_one.to_dict(), default=str, sort_keys=True) == \
        json.dumps(report.to_dict(), default=str, sort_keys=True)


# a province's targets (in two documents that state one differently), a city's lines that point to
# them (完成省下达目标) and the city's results: documents of this test's own, in the work reports'
# and the bulletin's layouts
PROVINCE_REPORT = """浙江省2024年政府工作报告

2024年1月23日在浙江省第十四届人民代表大会第二次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业100万人以上；单位地区生产总值能耗下降3%；化学需氧量排放量下降2%。
"""
PROVINCE_PLAN_REPORT = """关于浙江省2023年国民经济和社会发展计划执行情况与2024年计划草案的报告

2024年1月23日在浙江省第十四届人民代表大会第二次会议上

2024年经济社会发展的主要目标建议为：地区生产总值增长5.5%左右；单位地区生产总值能耗下降3.2%。
"""
CITY_REPORT = """湖州市2024年政府工作报告

2024年1月10日在湖州市第九届人民代表大会第四次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业6万人以上；单位地区生产总值能耗完成省下达目标；化学需氧量排放量完成省下达目标。
"""
CITY_BULLETIN = """湖州市2024年国民经济和社会发展统计公报

湖州市统计局
2025年3月20日

初步核算，全年全市地区生产总值4100亿元，按可比价格计算，比上年增长6.2%。全市单位地区生产总值能耗比上年下降3.4%。全年城镇新增就业6.5万人。
"""


def test_a_line_assigned_by_the_parent_reads_the_parents_line_of_its_indicator_only(tmp_path, monkeypatch):
    for name, text in (("zj_report.txt", PROVINCE_REPORT), ("zj_plan_report.txt", PROVINCE_PLAN_REPORT),
                       ("hz_report.txt", CITY_REPORT), ("hz_bulletin.txt", CITY_BULLETIN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = Database.open(tmp_path / "a.db")
    ingest(db, [tmp_path])
    statements: list[tuple[str, tuple]] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append((a[2], tuple(a[3]))))
    report = Tracker(db).status("330500", 2024)
    assigned = {t.indicator: t for t in report.targets if t.kind == "assigned"}
    assert len(assigned) == 2 and all("下降" in t.explanation for t in assigned.values())
    assert any(t.status == "achieved" for t in assigned.values())  # the 能耗 line, against the province's
    parents = [params for sql, params in statements if "FROM targets" in sql and "330000" in params]
    assert len(parents) == 2 and {"energy_intensity_reduction", "cod_reduction"} <= {p for ps in parents for p in ps}, \
        "the parent's lines were not read one indicator at a time"

    # the same answer as choosing among all the parent's lines (the scorecard's own choice)
    def whole_scorecard(self, region_code, year, indicator):
        return next((c for c in self.targets_for(region_code, year) if c.winner.indicator == indicator), None)

    monkeypatch.setattr(ReadModel, "target_for", whole_scorecard)
    assert json.dumps(Tracker(db).status("330500", 2024).to_dict(), default=str, sort_keys=True) == \
        json.dumps(report.to_dict(), default=str, sort_keys=True)

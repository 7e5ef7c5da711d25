"""A target of an indicator documents seldom print (城乡居民人均可支配收入增长与经济增长同步) judged by
the figures of its parts they do print (城镇居民's and 农村居民's growth; rules.yaml ``components``) —
through ingest, the read model and the status, on both databases. Documents written here (a real
region, invented figures)."""
from __future__ import annotations

import pytest

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.ingest import ingest
from zhibiao.track.status import Rules

REPORT = ("丽水市2024年政府工作报告\n——2024年1月20日在丽水市第五届人民代表大会第三次会议上\n二、2024年主要预期目标\n"
          "今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；城乡居民人均可支配收入增长与经济增长同步。\n")


def bulletin(body: str) -> str:
    return ("丽水市2024年国民经济和社会发展统计公报\n丽水市统计局\n2025年3月10日\n一、综合\n"
            f"初步核算，全年全市地区生产总值2050亿元，比上年增长6.0%。{body}\n")


URBAN, RURAL = "城镇居民人均可支配收入6.4万元，比上年增长{}%。", "农村居民人均可支配收入3.5万元，比上年增长{}%。"


def _income_line(db_url, tmp_path, body):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bulletin.txt").write_text(bulletin(body), encoding="utf-8")
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [tmp_path / "report.txt", tmp_path / "bulletin.txt"])
    lines = {line.indicator: line for line in tracker.status("丽水市", 2024).targets}
    return lines["disposable_income_growth"]


@pytest.mark.parametrize("urban, rural, status", [
    ("5.5", "7.1", "achieved"),      # both within a point of GDP's 6.0 or above it
    ("4.1", "4.6", "missed"),        # both more than a point behind
    ("4.1", "7.1", "needs_review"),  # the parts disagree: the whole's growth lies between them
])
def test_a_whole_without_a_figure_is_judged_by_its_parts(db_url, tmp_path, urban, rural, status):  # noqa: F811
    line = _income_line(db_url, tmp_path, URBAN.format(urban) + RURAL.format(rural))
    assert line.status == status
    assert [p["indicator"] for p in line.parts] == ["urban_income_growth", "rural_income_growth"]
    assert f"{urban}%" in line.explanation and f"{rural}%" in line.explanation and "6%" in line.explanation
    assert "城镇居民人均可支配收入增长" in line.explanation and "Urban" in line.explanation_en


def test_a_whole_with_a_part_missing_waits_for_data(db_url, tmp_path):  # noqa: F811
    line = _income_line(db_url, tmp_path, URBAN.format("5.5"))
    assert line.status == "pending" and not line.parts


def test_a_rules_files_components_are_checked_against_the_catalogue():
    from zhibiao.errors import InputError

    bundled = {"rules": [{"test": "relative"}]}
    assert Rules.from_data(bundled, "x").components["disposable_income_growth"] == ("urban_income_growth",
                                                                                  "rural_income_growth")
    with pytest.raises(InputError, match="unknown indicator 'no_such'"):
        Rules.from_data({**bundled, "components": {"disposable_income_growth": ["urban_income_growth", "no_such"]}},
                        "x")
    with pytest.raises(InputError, match="two or more"):
        Rules.from_data({**bundled, "components": {"disposable_income_growth": ["urban_income_growth"]}}, "x")


def test_the_achievement_rate_counts_what_a_figure_decided():
    from zhibiao.track.achievement import achievement

    lines = [{"status": "pending", "actual": {"value": 21.6}},   # a five-year target's base-year figure: undecided
             {"status": "pending", "actual": None},
             {"status": "achieved", "actual": None},               # judged by its parts' figures
             {"status": "missed", "actual": {"value": 4.1}},
             {"status": "needs_review", "actual": {"value": 9}},   # beside a figure a person reads
             {"status": "needs_review", "actual": None}]
    a = achievement(lines)
    assert (a.reached, a.judged, a.pending, a.total) == (1, 3, 2, 6)
    assert achievement(lines[:2]).rate is None  # nothing decided: no rate, never 0 %

"""Relative targets held to another region's figure or to the region's own past (issue: analysts
compare cities with their province): 达到全省平均水平 against the province's actual of the same
indicator, 比2020年翻一番 against the city's own 2020 level — through ingest, the read model and the
status, on both databases. The documents are written here (regions real, figures invented)."""
from __future__ import annotations

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.ingest import ingest

OUTLINE = ("衢州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
           "（2021年2月5日衢州市第八届人民代表大会第五次会议批准）\n第二章 发展目标\n"
           "到2025年，全市地区生产总值比2020年翻一番，人均地区生产总值达到全省平均水平，"
           "农村居民人均可支配收入增长高于全市平均水平。\n")


def bulletin(region: str, year: int, body: str) -> str:
    return (f"{region}{year}年国民经济和社会发展统计公报\n{region}统计局\n{year + 1}年3月10日\n一、综合\n"
            f"初步核算，全年{body}\n")


def _lines(tracker, year):
    return {line.indicator: line for line in tracker.status("衢州市", year).targets}


def test_a_city_held_to_its_province_and_to_its_own_past(db_url, tmp_path):  # noqa: F811
    files = {
        "outline.txt": OUTLINE,
        "city2020.txt": bulletin("衢州市", 2020, "全市地区生产总值1000亿元，比上年增长3.1%。"),
        "city2025.txt": bulletin("衢州市", 2025, "全市地区生产总值2100亿元，比上年增长6.1%。人均地区生产总值9.5万元。"
                                 "农村居民人均可支配收入4.1万元，比上年增长6.8%。"),
        "province2025.txt": bulletin("浙江省", 2025, "全省人均地区生产总值9.8万元，比上年增长5.0%。"),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [tmp_path / n for n in files])
    lines = _lines(tracker, 2025)
    doubled, reached = lines["gdp_level"], lines["gdp_per_capita"]
    assert (doubled.status, reached.status) == ("achieved", "missed")  # 2100 ≥ 2 × 1000; 9.5万 < 9.8万
    assert "1000亿元" in doubled.explanation and "2.1" in doubled.explanation
    assert "9.8万元" in reached.explanation and "浙江省" in reached.explanation  # (the province's bulletin, by title)
    # the city's own 全市 against a part of it: no indicator names the whole's figure — needs review, never
    # the part compared with itself
    assert lines["rural_income_growth"].status == "needs_review"

"""A part of the year's actual (a monthly report's 1—11月 figure beside a year's target) carries its months on
the scorecard of every face: `zhibiao status`'s actual column in Chinese and English, its JSON's
``actual.months``/``months_en`` (the REST API's status answer is the same dict), never the raw period alone —
one label, ``track.status.months_label``. Documents written for this test, real SQLite, the real command."""
from __future__ import annotations

import csv
import io
import json

import pytest
from clirun import ingested, zb

PLAN = ("湖州市2025年政府工作报告\n\n2025年1月12日在湖州市第九届人民代表大会第五次会议上\n\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6.5%左右。\n")
MONTHLY = ("湖州市2025年1—11月经济运行情况\n\n湖州市统计局　2025年12月18日\n\n"
           "1—11月，全市社会消费品零售总额累计实现1380.5亿元，同比增长5.1%。\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingested(tmp_path_factory.mktemp("months"), {"plan.txt": PLAN, "monthly.txt": MONTHLY})


def _row(out: str, word: str) -> str:
    return next(line for line in out.splitlines() if word in line)


@pytest.mark.parametrize("lang, name, months", [("zh", "社会消费品零售总额", "同比增长5.1% · 1—11月"),
                                                ("en", "Retail sales growth", "同比增长5.1% · months 1–11")])
def test_status_names_the_months_of_a_part_of_the_year_s_actual(db, lang, name, months):
    out = zb("status", "-r", "湖州市", "-y", "2025", "--db", db, "--lang", lang)
    assert out.returncode == 0, out.stderr
    assert months in _row(out.stdout, name) and "2025-01/2025-11" not in out.stdout


def test_status_json_carries_the_months_in_both_languages(db):
    data = json.loads(zb("status", "-r", "湖州市", "-y", "2025", "--db", db, "-f", "json").stdout)
    retail = next(t for t in data["targets"] if t["indicator"] == "retail_sales_growth")
    assert (retail["actual"]["period"], retail["actual"]["months"], retail["actual"]["months_en"]) \
        == ("2025-01/2025-11", "1—11月", "months 1–11")


@pytest.mark.parametrize("lang, months", [("zh", "1—11月"), ("en", "months 1–11")])
def test_status_csv_carries_the_months_in_its_language(db, lang, months):
    out = zb("status", "-r", "湖州市", "-y", "2025", "--db", db, "-f", "csv", "--lang", lang)
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out.stdout))}
    assert rows["retail_sales_growth"]["actual_months"] == months

"""A monthly statistics report's figures of the year so far are a target's progress; one month's
figure (11月当月) is the region's figure of that month, never the year's actual (documents of this
test's own, in a work report's and a bureau's monthly layouts)."""
from __future__ import annotations

from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.track.status import months_label, months_to_date
from zhibiao.track.tracker import Tracker

WORK_REPORT = """湖州市2025年政府工作报告

2025年1月12日在湖州市第九届人民代表大会第五次会议上

今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6.5%左右；城镇新增就业6万人以上。
"""
MONTHLY = """湖州市2025年1—11月经济运行情况

湖州市统计局　2025年12月18日

1—11月，全市社会消费品零售总额累计实现1380.5亿元，同比增长5.1%。

11月当月，全市社会消费品零售总额128.3亿元，同比增长7.9%。
"""


def _status_of(tmp_path, monthly: str, indicator: str = "retail_sales_growth"):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(WORK_REPORT, encoding="utf-8")
    (docs / "monthly.txt").write_text(monthly, encoding="utf-8")
    db = Database.open(tmp_path / "m.db")
    ingest(db, [docs])
    return [t for t in Tracker(db).status("330500", 2025).targets if t.indicator == indicator]


def test_the_year_so_far_is_the_progress_and_one_month_is_not(tmp_path):
    retail = _status_of(tmp_path, MONTHLY)
    assert len(retail) == 1 and retail[0].actual is not None
    # (the month's 7.9% would meet the 6.5% target; the year so far, 5.1%, is what the year stands at)
    assert str(retail[0].actual["value"]) == "5.1", retail[0].actual
    # (its months beside it, in both languages: what the scorecard, the API and the CLI show)
    assert (retail[0].actual["months"], retail[0].actual["months_en"]) == ("1—11月", "months 1–11")


def test_the_year_so_far_behind_a_rate_target_is_said_to_be_behind_so_far_not_to_fall_short(tmp_path):
    # (1—11月's 5.1% against the year's 6.5%左右: behind, and the explanation says the months and "so far" — a
    # "falls short of the target" beside "behind" read as the year's verdict)
    retail = _status_of(tmp_path, MONTHLY)[0]
    assert retail.status == "behind"
    zh, en = retail.explain("zh"), retail.explain("en")
    assert zh.startswith("1—11月实际 5.1%") and "未达到全年目标 增长6.5%左右，进度落后" in zh, zh
    assert "in months 1–11 is behind the year's target 增长6.5%左右 so far" in en and "falls short" not in en, en


def test_a_cumulative_amount_s_progress_names_its_months_as_the_label_does(tmp_path):
    # (6.3万人 of 6万人以上 in 1—11月: on track, 91.7% of the year elapsed — its months written as everywhere else)
    monthly = MONTHLY + "\n1—11月，全市城镇新增就业6.3万人。\n"
    jobs = [t for t in _status_of(tmp_path, monthly, "new_urban_jobs")]
    assert len(jobs) == 1 and jobs[0].status == "on_track"
    assert jobs[0].explain("zh").startswith("1—11月完成 6.3万人，为目标的 105%，时序进度 91.7%"), jobs[0].explain("zh")
    assert jobs[0].explain("en").startswith("6.3万人 done in months 1–11: 105% of the target"), jobs[0].explain("en")


def test_months_label():
    # (the one label of a part of the year's months: the scorecard's, the reader's, the CLI's)
    assert (months_label("2025-01/2025-11"), months_label("2025-01/2025-11", "en")) == ("1—11月", "months 1–11")
    assert (months_label("2025-11/2025-11"), months_label("2025-11/2025-11", "en")) == ("11月", "month 11")
    assert months_label("2025-04/2025-06") == "4—6月"
    assert months_label("2025-01/2025-12") == months_label(None) == months_label("2025") == ""  # (a whole year's)


def test_months_to_date():
    assert months_to_date("2025-01/2025-11") == 11 and months_to_date("2025-01/2025-06") == 6
    assert months_to_date("2025-11/2025-11") is None and months_to_date("2025-04/2025-06") is None
    assert months_to_date(None) is None and months_to_date("2025") is None


def test_one_month_s_figure_alone_is_no_actual_of_the_year(tmp_path):
    title, bureau, _year_so_far, month = MONTHLY.split("\n\n")
    month_only = "\n\n".join((title, bureau, month))
    assert "11月当月" in month_only and "1—11月，" not in month_only
    retail = _status_of(tmp_path, month_only)
    assert len(retail) == 1 and retail[0].actual is None


def test_of_two_figures_of_the_year_so_far_the_later_month_s_is_the_actual(tmp_path):
    # (a report quoting the month before too: 1—10月's figure printed after 1—11月's)
    both = MONTHLY.replace("11月当月，全市社会消费品零售总额128.3亿元，同比增长7.9%。",
                           "1—10月，全市社会消费品零售总额同比增长4.8%。")
    retail = _status_of(tmp_path, both)
    assert str(retail[0].actual["value"]) == "5.1", retail[0].actual

"""A figure its clause narrows (剔除房地产开发投资后增长6.0%) yields to the headline figure of the same
basis beside it, and alone is the figure (bases.yaml ``qualifiers``) — through ingest, the read model
and the status, on both databases. Documents written here (a real region, invented figures)."""
from __future__ import annotations

import pytest

import zhibiao
from dbs import db_url  # noqa: F401  (fixture)
from zhibiao.ingest import ingest

PLAN = ("乐山市2024年政府工作报告\n——2024年1月12日在乐山市第八届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；全社会固定资产投资增长6%。\n")


def review(sentence: str) -> str:
    return ("乐山市2025年政府工作报告\n——2025年1月10日在乐山市第八届人民代表大会第五次会议上\n一、2024年工作回顾\n"
            f"过去一年，全市地区生产总值增长5.8%，{sentence}\n")


@pytest.mark.parametrize("sentence, value, status", [
    ("全社会固定资产投资下降2.1%（剔除房地产开发投资后增长6.4%）。", "-2.1", "missed"),   # the narrowed figure after
    ("扣除房地产开发投资，全社会固定资产投资增长6.4%；全社会固定资产投资下降2.1%。", "-2.1", "missed"),  # and before
    ("剔除房地产开发投资后，全社会固定资产投资增长6.4%。", "6.4", "achieved"),  # alone, it is the figure
])
def test_a_narrowed_figure_yields_to_the_headline(db_url, tmp_path, sentence, value, status):  # noqa: F811
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "review.txt").write_text(review(sentence), encoding="utf-8")
    tracker = zhibiao.open(db_url)
    ingest(tracker.db, [tmp_path / "plan.txt", tmp_path / "review.txt"])
    line = {t.indicator: t for t in tracker.status("乐山市", 2024).targets}["fai_growth"]
    assert (line.actual["value"], line.status) == (float(value), status), line.explanation

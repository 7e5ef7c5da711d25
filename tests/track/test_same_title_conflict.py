"""Two documents with the same title that state a target differently: the explanation names the
other by what tells it apart (document number, date, id) — "另有文件表述不同：<the winner's own
title>：…" left the reader unable to say which document said what. Documents are our own."""
from __future__ import annotations

import zhibiao
from zhibiao.ingest import ingest

PLAN = ("衢州市人民政府文件\n\n衢政发〔2024〕{n}号\n\n衢州市人民政府关于下达2024年衢州市国民经济和社会发展计划的通知\n\n"
        "各县（市、区）人民政府，市政府各部门：\n\n现将2024年衢州市国民经济和社会发展计划印发给你们，请认真贯彻执行。\n\n"
        "衢州市人民政府\n\n2024年{date}\n\n附件\n\n2024年主要目标\n\n序号\t指标名称\t2024年目标\n"
        "1\t地区生产总值增长\t{gdp}%左右\n2\t城镇调查失业率\t5.5%以内\n")
TITLE = "衢州市人民政府关于下达2024年衢州市国民经济和社会发展计划的通知"


def test_a_same_titled_other_document_is_told_apart(tmp_path):
    for n, date, gdp in (("5", "2月1日", "6"), ("9", "3月8日", "6.5")):
        (tmp_path / f"plan_{n}.txt").write_text(PLAN.format(n=n, date=date, gdp=gdp), "utf-8")
    tracker = zhibiao.open(tmp_path / "z.db")
    ingest(tracker.db, [tmp_path / "plan_5.txt", tmp_path / "plan_9.txt"])
    gdp = next(t for t in tracker.status("衢州市", 2024).targets if t.indicator == "gdp_growth")
    assert gdp.conflict and gdp.citation["title"] == TITLE
    shown = {"5": ("2024-02-01", "6%左右"), "9": ("2024-03-08", "6.5%左右")}
    n = "5" if gdp.text.startswith("6.5") else "9"
    date, text = shown[n]
    zh, en = gdp.explain("zh"), gdp.explain("en")
    assert f"另有文件表述不同：{TITLE}（衢政发〔2024〕{n}号 · {date} · #" in zh and zh.endswith(f"）：{text}")
    assert f"other documents state it differently: {TITLE} (衢政发〔2024〕{n}号 · {date} · #" in en
    assert en.endswith(f"): {text}")

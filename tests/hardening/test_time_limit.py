"""A per-document time limit covers every stage (issue 17.1): a runaway stage — Python code, or a
regular expression in the middle of a match — ends as one clear error naming the file, and the
other documents go on. Before, the limit covered PDF reading only and such a file hung
`zhibiao ingest`."""
from __future__ import annotations

import re
import time

import pytest

from zhibiao.errors import LimitExceeded
from zhibiao.load.limits import time_limit

PLAN = ("某县人民政府关于下达{y}年德清县国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n{y}年主要目标\n\n"
        "序号\t指标名称\t{y}年目标\n1\t地区生产总值增长\t6%左右\n")


def test_a_runaway_regular_expression_is_stopped():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match=r"plan\.txt: .*longer than 0\.5 s.*ZHIBIAO_MAX_SECONDS"):
        with time_limit(0.5, "plan.txt"):
            re.match(r"(a+)+b", "a" * 64)  # catastrophic backtracking: would run for ages
    assert time.monotonic() - started < 5


def test_an_except_exception_on_the_way_does_not_swallow_the_limit():
    with pytest.raises(LimitExceeded):
        with time_limit(0.3, "x.txt"):
            try:
                while True:
                    pass
            except Exception:  # noqa: BLE001 - what careless code in a stage might do
                pytest.fail("the timer was swallowed")


def test_the_timer_is_gone_after_the_block():
    import signal

    with time_limit(5, "x.txt"):
        pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def _slow_extract(doc, settings=None, plan_year=None):
    if "2031" in doc.text:
        while True:  # a stage that never ends (pure Python: the timer stops it)
            pass
    from zhibiao.api import annotate
    from zhibiao.extract.pipeline import extract_document

    return annotate(extract_document(doc, plan_year or 0), doc, settings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_reports_the_runaway_document_and_stores_the_others(tmp_path, monkeypatch, jobs):
    import zhibiao.api
    from zhibiao.store import Database
    from zhibiao.ingest import ingest

    for y in (2030, 2031, 2032):
        (tmp_path / f"plan{y}.txt").write_text(PLAN.format(y=y), encoding="utf-8")
    monkeypatch.setenv("ZHIBIAO_MAX_SECONDS", "1")
    monkeypatch.setattr(zhibiao.api, "extract", _slow_extract)  # workers are forked: they see it too
    started = time.monotonic()
    summary = ingest(Database.open(tmp_path / "x.db"), [tmp_path], jobs=jobs).to_dict()
    assert time.monotonic() - started < 60
    assert summary["documents"]["new"] == 2 and summary["documents"]["failed"] == 1
    failure = summary["failures"][0]
    assert failure["path"].endswith("plan2031.txt") and "longer than 1 s" in failure["error"]

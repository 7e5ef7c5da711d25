"""The garbage collector settled in every long-lived process that extracts (workers.settle_garbage_collector):
what it loaded frozen out of the collector's walks and the youngest generation collected less often —
an ingest's workers after their first document, the server's extraction workers after their warm-up,
`zhibiao extract` with several files after the first. (The same for the server's start: tests/web/test_view_cache.py.)"""
from __future__ import annotations

import gc
import weakref

import pytest

from zhibiao import workers
from zhibiao.workers import GC_THRESHOLD, settle_garbage_collector

PLAN = ("某县人民政府关于下达2031年某县国民经济和社会发展计划的通知\n\n附件\n\n2031年主要目标\n\n"
        "序号\t指标名称\t2031年目标\n1\t地区生产总值增长\t5.5%左右\n2\t城镇新增就业\t0.8万人\n")


@pytest.fixture
def restored_collector():
    threshold = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(700, 10, 10)
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def _settled() -> bool:
    return gc.get_threshold() == GC_THRESHOLD and gc.get_freeze_count() > 1_000


def test_settling_collects_the_starts_garbage_first_then_freezes(restored_collector):
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the collector frees it
    gone = weakref.ref(a)
    del a, b
    gc.disable()  # (no collection of its own between here and the settling)
    try:
        settle_garbage_collector()
    finally:
        gc.enable()
    assert gone() is None  # collected, not frozen forever
    assert _settled()


def test_an_ingest_worker_settles_after_its_first_document(tmp_path, restored_collector):
    from zhibiao import ingest

    doc = tmp_path / "plan.txt"
    doc.write_text(PLAN, "utf-8")
    ingest._WORKER.clear()
    try:
        assert not _settled()
        ingest._extract_in_worker(str(doc))
        assert _settled()
    finally:
        ingest._WORKER.clear()


def test_the_servers_extraction_worker_settles_after_its_warm_up(restored_collector):
    from zhibiao.web import extraction

    extraction._warm_up()
    assert _settled()


def test_extract_of_several_files_settles_after_the_first(tmp_path, restored_collector):
    from typer.testing import CliRunner

    from zhibiao.cli import app

    one, two = tmp_path / "a.txt", tmp_path / "b.txt"
    one.write_text(PLAN, "utf-8")
    two.write_text(PLAN.replace("2031", "2032"), "utf-8")
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(one)])
    assert result.exit_code == 0, result.output
    assert not _settled()  # one file: nothing to gain
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(one), str(two)])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 2  # one JSON line a file
    assert _settled()


def test_the_threshold_has_one_owner():
    from zhibiao.web import serve

    assert not hasattr(serve, "GC_THRESHOLD")
    assert workers.GC_THRESHOLD[0] > 700  # (the default would settle nothing)

"""The floor extraction is measured against (benchmarks/run.py floor): the issue's bare single pass —
read, decode, NFKC, sentence split, one regex per sentence — over documents we write here."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import run  # noqa: E402

TEXT = "某县2030年计划\n地区生产总值增长７％左右。城镇新增就业1.2万人；粮食产量稳定！\n附件\n序号\t指标\n"


def test_bare_pass_counts_the_sentences_with_a_figure_in_utf8_and_gbk(tmp_path):
    utf8, gbk = tmp_path / "u.txt", tmp_path / "g.txt"
    utf8.write_text(TEXT, encoding="utf-8")
    gbk.write_bytes(TEXT.encode("gbk"))
    # 某县2030年计划 / 增长７％左右 (full-width digits) / 1.2万人 — not 粮食产量稳定, 附件, the table header
    assert run.bare_pass(utf8) == 3
    assert run.bare_pass(gbk) == 3


def test_floor_reports_both_rates_and_their_ratio_interleaved(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "SEEDS", tmp_path / "no-seeds")  # the generated documents only
    (line,) = run.bench_floor(None, 4, rounds=2)
    assert line["measure"] == "floor" and line["documents"] == 4
    assert len(line["floor_rounds"]) == len(line["extract_rounds"]) == 2
    assert line["floor_docs_per_cpu_s"] > line["extract_docs_per_cpu_s"] > 0
    assert abs(line["extract_over_floor"] - line["extract_docs_per_cpu_s"] / line["floor_docs_per_cpu_s"]) < 0.01
    assert line["python"].split()[0] == run.platform.python_version()  # which interpreter measured: ±20 % (RESULTS §1)


def test_the_callgrind_harness_counts_the_pipeline_through_the_c_api_function_it_toggles_on():
    """callgrind counts only inside PyRun_SimpleStringFlags (an exported symbol: a stripped
    distribution build has no functools_reduce, and the count was 0): the harness's measured run goes
    through it, and what is counted is a document's work (a seed is tens of millions of
    instructions; the start-up and the warm-up before, hundreds, are not counted)."""
    import os
    import re
    import shutil
    import subprocess

    from tests.paths import SEEDS, need_shared

    need_shared(SEEDS)
    if shutil.which("valgrind") is None:
        pytest.skip("valgrind is not installed: the harness is for callgrind")
    root = BENCH.parent
    out = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=PyRun_SimpleStringFlags",
                          "--callgrind-out-file=/dev/null", sys.executable, str(BENCH / "callgrind_pipeline.py"),
                          str(root), "seeds", "1"],
                         capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(root)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert "1 documents" in out.stderr
    collected = int(re.search(r"Collected : (\d+)", out.stderr).group(1))
    assert 10_000_000 < collected < 400_000_000, collected


def test_kinds_reports_each_kind_and_format_with_its_share_of_the_cpu(tmp_path):
    """run.py kinds: a generated corpus's documents, CPU per document by kind and format (a plan
    notice's table layout is part of its kind), the shares adding up to the whole."""
    from generate import generate_corpus

    generate_corpus(tmp_path, limit=16, progress=False)
    (line,) = run.bench_kinds(tmp_path, 16)
    assert line["measure"] == "kinds" and line["documents"] == 16
    groups = line["groups"]
    assert sum(g["documents"] for g in groups.values()) == 16
    assert abs(sum(g["share_of_cpu"] for g in groups.values()) - 1) < 0.01
    assert all(name.endswith((".txt", ".html")) and "-" not in name.split(".")[0].replace("plan_notice-", "")
               for name in groups), groups
    assert list(groups) == sorted(groups, key=lambda g: -groups[g]["share_of_cpu"])  # the costliest first
    with pytest.raises(SystemExit, match="no TXT or HTML"):
        run.bench_kinds(tmp_path, 16, provinces=["99"])


@pytest.mark.parametrize("unsettled", [False, True])
def test_extraction_is_measured_with_the_collector_settled_as_the_product_runs_it(monkeypatch, unsettled):
    """Every process of the product that extracts many documents settles the collector (an ingest's
    workers, ``zhibiao extract`` with several files); the benchmarks measure extraction so too, unless
    asked to measure the collector's defaults (ZHIBIAO_BENCH_UNSETTLED)."""
    import gc

    from zhibiao.workers import GC_THRESHOLD

    before = gc.get_threshold()
    if unsettled:
        monkeypatch.setenv("ZHIBIAO_BENCH_UNSETTLED", "1")
    else:
        monkeypatch.delenv("ZHIBIAO_BENCH_UNSETTLED", raising=False)
    gc.set_threshold(700, 10, 10)
    try:
        run._warm()
        assert (gc.get_threshold() == GC_THRESHOLD) is not unsettled
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    # the seeds' fresh processes too
    import json
    import os
    import subprocess

    script = run.SEED_SCRIPT + "\nimport gc\nprint(json.dumps(gc.get_threshold()))\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=BENCH.parent,
                         env={**os.environ, "PYTHONPATH": str(BENCH.parent)})
    assert (tuple(json.loads(out.stdout.splitlines()[-1])) == GC_THRESHOLD) is not unsettled

"""The floor extraction is measured against (benchmarks/run.py floor): the issue's bare single pass —
read, decode, NFKC, sentence split, one regex per sentence — over documents we write here."""
from __future__ import annotations

import sys
from pathlib import Path

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

"""The benchmark corpus generator: documents of real length whose ground truth is printed in them,
the same bytes from the same seed, and a second run that only completes what is missing."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

from documents import KINDS, compose, places  # noqa: E402
from generate import corpus_files, generate_corpus, specs  # noqa: E402


def _text(path: Path) -> str:
    if path.suffix == ".html":
        from zhibiao.load import load

        return load(path).text
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gbk")


@pytest.fixture(scope="module")
def regions():
    ps = places()
    by_code = {p.code: p for p in ps}
    return [by_code["330000"], by_code["330600"], by_code["330602"]] + [p for p in ps if p.printed != p.name][:1]


def test_the_national_plan_covers_every_region_and_year():
    all_specs = specs((2016, 2025))
    regions = {s.place.code for s in all_specs}
    assert len(regions) == len(places()) > 3000
    assert {s.kind for s in all_specs} == set(KINDS)
    assert 95_000 <= len(all_specs) <= 105_000
    # counties publish no plan report; every region-year has the other three kinds
    assert not any(s.kind == "plan_report" and s.place.level == "county" for s in all_specs)


@pytest.mark.parametrize("kind,layout", [(k, "tab") for k in KINDS] + [("plan_notice", "cell"), ("plan_notice", "space")])
def test_every_gold_line_is_printed_in_its_document(regions, kind, layout):
    for place in regions:
        text, gold, _meta = compose(kind, place, 2023, seed=3, layout=layout)
        assert gold[0]["type"] == "document" and gold[0]["region_code"] == place.code
        lines = gold[1:]
        assert lines, (kind, place.name)
        searchable = text
        if layout == "space":  # the space layout prints full-width digits, the gold ASCII (SCHEMA.md)
            searchable = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "．％" else c for c in text)
        for line in lines:
            assert line["text"] in searchable, (kind, place.name, line)
            assert line["type"] in ("target", "actual") and line["year"] in (2022, 2023)
        # real length: the seeds are 18–46 KB; bulletins are shorter and denser
        size = len(text.encode("utf-8"))
        assert (8_000 if kind == "statistical_bulletin" else 14_000) <= size <= 60_000, (kind, size)


def test_documents_of_one_region_and_year_agree(regions):
    """The plan notice's targets reappear as last year's plan in the next year's plan report, and the
    bulletin's GDP growth is the one the next work report reviews."""
    place = regions[1]
    _t, notice, _ = compose("plan_notice", place, 2022, seed=5, layout="tab")
    _t, report, _ = compose("plan_report", place, 2023, seed=5)
    _t, bulletin, _ = compose("statistical_bulletin", place, 2022, seed=5)
    _t, work, _ = compose("work_report", place, 2023, seed=5)
    gdp_target = next(g for g in notice if g.get("group") == "gdp_growth")
    planned = next(g for g in report if g.get("group") == "gdp_growth" and g["type"] == "target" and g["year"] == 2022)
    assert gdp_target["value"] == planned["value"]
    growth = [g["value"] for g in bulletin + work if g.get("group") == "gdp_growth" and g["type"] == "actual"]
    assert len(growth) == 2 and growth[0] == growth[1]


def test_generation_is_deterministic_and_resumes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate_corpus(a, limit=12, progress=False)
    generate_corpus(b, limit=12, progress=False)
    files_a = corpus_files(a)
    assert len(files_a) == 12
    assert [f.read_bytes() for f in files_a] == [f.read_bytes() for f in corpus_files(b)]
    # a run that stopped half-way: one document lost its gold (so it was incomplete), one is gone
    files_a[0].with_name(files_a[0].name + ".jsonl").unlink()
    files_a[1].unlink()
    files_a[1].with_name(files_a[1].name + ".jsonl").unlink()
    untouched = files_a[2].stat().st_mtime_ns
    generate_corpus(a, limit=12, progress=False)
    assert [f.read_bytes() for f in corpus_files(a)] == [f.read_bytes() for f in corpus_files(b)]
    assert files_a[2].stat().st_mtime_ns == untouched  # complete documents are not written again
    for f in corpus_files(a):
        gold = [json.loads(x) for x in f.with_name(f.name + ".jsonl").read_text("utf-8").splitlines()]
        assert gold[0]["doc"] == f.name
        assert all(x["doc"] == f.name for x in gold)
        assert not any(p.name.endswith(".tmp") for p in f.parent.iterdir())


def test_a_different_seed_is_refused_in_the_same_folder(tmp_path):
    generate_corpus(tmp_path, limit=1, progress=False)
    with pytest.raises(SystemExit):
        generate_corpus(tmp_path, seed=2, limit=1, progress=False)

"""The words two regions' targets are compared by (track/rules.yaml ``comparison_words``), each
pinned by name: a target printed as an increment compares only with another increment, and a
figure per head or per unit compares across regions of different sizes. And the one name of each
kind of document (track/naming.py ``DOC_TYPE_NAMES``), which citations use too."""
from __future__ import annotations

from decimal import Decimal

import pytest

from zhibiao.datafiles import load_yaml
from zhibiao.track.comparison import comparable, intensive
from zhibiao.track.status import TargetLine

WORDS = load_yaml("zhibiao.track", "rules.yaml")["comparison_words"]


def line(text: str, value: str = "5000", unit: str | None = "人", name: str = "城镇新增就业") -> TargetLine:
    return TargetLine(name=name, indicator="x", text=text, kind="numeric", comparator=">=", value=Decimal(value),
                      value_high=None, unit=unit, year=2024, reference=None)


@pytest.mark.parametrize("word", ["增加", "新增", "净增"])
def test_an_increment_compares_only_with_an_increment(word):
    assert word in WORDS["increment"]
    increment, level = line(f"{word}5000人以上"), line("5000人以上")
    assert not comparable(increment, level) and not comparable(level, increment)
    assert comparable(increment, line(f"{word}6000人", "6000")) and comparable(level, line("6000人", "6000"))


@pytest.mark.parametrize("name, unit", [("城乡居民人均可支配收入", "元"), ("每万人口高价值发明专利拥有量", "件"),
                                        ("森林覆盖率", "公顷"), ("数字经济核心产业增加值比重", "亿元"),
                                        ("研发经费支出占比", "亿元"), ("研发投入强度", "亿元"),
                                        ("人口密度", "万人"), ("人均住房面积", "平方米/人")])
def test_a_figure_per_head_or_per_unit_compares_across_regions(name, unit):
    assert intensive(line("1", "1", unit=unit, name=name), None)
    assert not intensive(line("1", "1", unit="亿元", name="地区生产总值"), None)


def test_each_per_unit_word_is_tested_above():
    tested = {"人均", "每", "率", "比重", "占比", "强度", "密度"}
    assert set(WORDS["per_unit"]) == tested | {"/"}
    assert intensive(line("1", "1", unit="元/人", name="收入"), None)  # "/" in the unit alone
    assert not intensive(line("1", "1", unit="元", name="收入"), None)


@pytest.mark.parametrize("doc_type, zh", [("five_year_plan", "五年规划纲要"), ("work_report", "政府工作报告"),
                                          ("statistical_bulletin", "统计公报"), ("unknown", "政府文件")])
def test_a_citation_names_the_kind_of_document_as_the_titles_do(doc_type, zh):
    from zhibiao.track.citations import Source, bibtex_entry, csl_item

    src = Source(1, "某市规划纲要", "某市人民政府", None, "2021-02-01", 2021, "某市", None, doc_type, None, None, "ab" * 32)
    assert csl_item(src)["genre"] == zh  # a five-year plan was "政府文件": a list of its own beside the titles'
    assert zh in bibtex_entry(src)

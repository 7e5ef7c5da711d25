"""Rules of the clause analysis and the readers that no document of our own corpus happened to
exercise, each pinned by a clause or a short document written here (facts of our own choosing):
remove the rule and its case fails.
"""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text
from zhibiao.extract.clauses import clause_figures


def figures(clause: str, last: str | None = None) -> list[tuple]:
    found, _ = clause_figures(clause, last)
    return [(f.name, f.measure, f.comparator, str(f.value), f.unit) for f in found]


CLAUSES = [
    # a total names the thing counted just before it; a total of nothing named is no figure
    ("总数达到2100家", "新增高新技术企业", [("高新技术企业总数", "level", "=", "2100", "家")]),
    ("总数达到2100家", None, []),
    # a list of counts: the last item names this figure (…产业链3条以上、省级龙头企业12家)
    ("建成示范产业链3条以上、省级龙头企业12家", None, [("省级龙头企业", "level", "=", "12", "家")]),
    # a list ending in 等: the thing measured follows the list
    ("争取专项债、特别国债等资金支持85亿元", None, [("争取资金支持", "level", "=", "85", "亿元")]),
    # a place before the verb: the thing counted follows the figure
    ("在园区、平台建设15个线下分中心", None, [("线下分中心", "level", "=", "15", "个")]),
    # a name ending in 和: the thing counted follows the figure
    ("推出70项应用场景和10个特色产业专区应用", None,
     [("应用场景", "level", "=", "70", "项"), ("特色产业专区应用", "level", "=", "10", "个")]),
    # 总量 after a full name adds nothing
    ("地区生产总值总量迈上3000亿元", None, [("地区生产总值", "level", "=", "3000", "亿元")]),
    # a policy's name (新36条) and a page's reader count are no figures
    ("出台民间投资新36条", None, []),
    ("阅读 3.2万", None, []),
    # a name saying what it measures: 涨幅 a growth, 覆盖率 a share
    ("居民消费价格涨幅为2.1%", None, [("居民消费价格涨幅", "growth", "=", "2.1", "%")]),
    ("森林覆盖率为61%", None, [("森林覆盖率", "share", "=", "61", "%")]),
    # more than a printed count (4万多家, 3万余人)
    ("服务企业4万多家", None, [("服务企业", "level", ">", "4", "万家")]),
    ("带动就业3万余人", None, [("带动就业", "level", ">", "3", "万人")]),
]


@pytest.mark.parametrize("clause, last, expected", CLAUSES)
def test_clause_rules(clause, last, expected):
    assert figures(clause, last) == expected


def actuals(text: str) -> list[tuple]:
    e = extract_text(text)
    return [(a.year, a.name, a.measure, str(a.value), a.unit) for a in e.actuals]


def test_a_total_with_no_name_before_it_in_a_review_of_several_years_is_not_listed():
    text = ("政府工作报告\n各位代表：\n一、2024年工作回顾\n"
            "五年累计新增上市企业12家，累计达到58家；去年新增高新技术企业310家，总数达到2100家。\n")
    assert not [a for a in actuals(text) if a[1] == "总数"]

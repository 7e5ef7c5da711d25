"""A target or a figure printed in traditional characters (a Hong Kong repost, a Taiwanese
digest) is judged as its simplified form is: the words a status is decided by are the lexicon's,
in simplified characters, and a document's text and units are kept as printed (穩中有升, 減少,
與經濟增長相適應, 萬億元, 個百分點)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from test_status import Refs, target
from zhibiao.track.status import Actual, TargetLine, convert, decide, is_points, period_measure

D = Decimal


def figure(value: str, text: str, unit: str = "%") -> Actual:
    return Actual(value=D(value), unit=unit, text=text, document="report.txt", span=[0, len(text)], year=2024,
                  period=None, estimated=False)


# (what is judged, in simplified and in traditional characters, and the status both must get)
CASES = [
    ("a direction up", lambda t: target(None, None, kind="directional", text=t), ("持续增长", "持續增長"),
     lambda f: figure("3", f), ("增长3%", "增長3%"), Refs(), "achieved"),
    ("a direction never down", lambda t: target(None, None, kind="directional", text=t), ("只增不减", "隻增不減"),
     lambda f: figure("2", f), ("减少2%", "減少2%"), Refs(), "missed"),
    ("a direction down, a decline told by its verb", lambda t: target(None, None, kind="directional", text=t),
     ("持续下降", "持續下降"), lambda f: figure("2", f), ("减少2%", "減少2%"), Refs(), "achieved"),
    ("a decline's size", lambda t: target(">=", "3", text=t), ("减少3%以上", "減少3%以上"),
     lambda f: figure("2.1", f), ("减少2.1%", "減少2.1%"), Refs(), "missed"),
    ("in step with the economy", lambda t: target(None, None, kind="relative", text=t[0], reference=t[1]),
     (("与经济增长相适应", "经济增长"), ("與經濟增長相適應", "經濟增長")), lambda f: figure("7.3", f),
     ("增长7.3%", "增長7.3%"), Refs(gdp="7.8"), "achieved"),
    ("a unit with its magnitude", lambda u: target(">=", "1.2", unit=u), ("万亿元", "萬億元"),
     lambda u: figure("12500", "12500" + u, unit=u), ("亿元", "億元"), Refs(), "achieved"),
]


@pytest.mark.parametrize("what, make_target, targets, make_figure, figures, refs, status", CASES,
                         ids=[c[0] for c in CASES])
def test_traditional_characters_are_judged_as_simplified(what, make_target, targets, make_figure, figures, refs,
                                                         status):
    assert decide(make_target(targets[0]), make_figure(figures[0]), refs).status == status
    for t in targets:  # each target against each figure: a traditional target and a simplified figure too
        for f in figures:
            assert decide(make_target(t), make_figure(f), refs).status == status, (t, f)


def test_traditional_units_convert():
    assert convert(D("1.2"), "萬億元", "亿元") == D("12000")
    assert convert(D("3"), "億噸", "万吨") == D("30000")
    assert is_points("個百分點") and is_points("个百分点")


@pytest.mark.parametrize("text, measure", [("年均接待遊客500萬人次", "average"), ("累計新增城鎮就業50萬人", "cumulative")])
def test_a_traditional_targets_years_are_counted_as_its_words_say(text, measure):
    """(a level in 萬人 is the end year's unless its words count the years)"""
    t = TargetLine(name="x", indicator=None, text=text, kind="numeric", comparator="=", value=D("50"), value_high=None,
                   unit="萬人", year=2025, reference=None)
    assert period_measure(t) == measure

"""Comparing two targets for one indicator (a city's against its province's, this year's against
last year's): whether they compare at all, the difference, and which is stricter.

- **Like with like.** Two targets compare when they are in one unit (after 亿元 ↔ 万亿元), read in
  one frame (both declines, or both as printed) and both are levels or both increments (增加3万人
  is not 1600万人: the increment words of track/rules.yaml's ``comparison_words``). A margin is given only for intensive figures — rates, growth, shares, ratios,
  indices, per-capita and per-unit figures (its ``per_unit`` words) — never for totals of different regions (参保人数 378
  万人 vs 4625万人 is shown side by side, without a margin).
- **Stricter or looser** follows the indicator's direction: for "up" indicators a higher value is
  stricter, for "down" ones (PM2.5, unemployment) a lower one; a decline target's size counts as
  "up" (a larger cut is stricter). At the same value the comparator decides, in this order:
  up: ``>`` (超过) stricter than ``>=`` (以上) and a bare figure, stricter than ``~`` (左右);
  down: ``<`` stricter than ``<=`` (以内) and a bare figure, stricter than ``~``. For band
  indicators (CPI) two different targets are "different", not stricter or looser.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from zhibiao.datafiles import load_yaml
from zhibiao.track.status import (PERCENTISH, TargetLine, _reduction_indicator, convert, is_per_mille, is_points,
                                  target_frame)

INTENSIVE_MEASURES = {"growth", "share", "rate", "ratio", "index"}
RANK_UP = {">": 3, ">=": 2, "=": 2, "range": 2, "~": 1}
RANK_DOWN = {"<": 3, "<=": 2, "=": 2, "range": 2, "~": 1}


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, dict[str, str]]]:
    """The words of track/rules.yaml's ``comparison_words``: an increment's, a per-unit figure's,
    and the units of differences."""
    words = load_yaml("zhibiao.track", "rules.yaml")["comparison_words"]
    return tuple(words["increment"]), tuple(words["per_unit"]), dict(words["difference_units"])


def difference_unit(unit: str | None, lang: str = "zh") -> str | None:
    """The unit of :func:`difference` for figures in ``unit``: 个百分点 (pp) for two figures in %
    (two growth rates differ by points, not by a per cent of either), the unit itself otherwise."""
    said = _words()[2].get(unit or "")
    return said[lang] if said else unit


def _value(t: TargetLine) -> Decimal | None:
    return t.value


def _frame(t: TargetLine) -> str:
    frame = target_frame(t)
    if frame == "plain" and _reduction_indicator(t.indicator):
        return "decline"  # 2.5以上 under 单位GDP能耗降低: a decline
    return frame


def same_frame(a: TargetLine, b: TargetLine) -> bool:
    """Both read the same way: the same frame, or a bare figure beside a change or a level (6%
    under a growth indicator is the change 增长6%)."""
    fa, fb = _frame(a), _frame(b)
    return fa == fb or {fa, fb} in ({"plain", "rise"}, {"plain", "level"})


def comparable(a: TargetLine | None, b: TargetLine | None) -> bool:
    """Whether two targets' values can be set against each other (see the module docstring)."""
    if a is None or b is None or a.value is None or b.value is None or a.kind != "numeric" or b.kind != "numeric":
        return False
    if convert(a.value, a.unit, b.unit) is None:
        return False
    if not same_frame(a, b):
        return False
    increment = _words()[0]
    return (a.text or "").startswith(increment) == (b.text or "").startswith(increment)


def intensive(t: TargetLine, measure: str | None) -> bool:
    """A figure that compares across regions of different sizes (a rate, a share, per capita)."""
    if measure in INTENSIVE_MEASURES or t.unit in PERCENTISH - {None} or is_points(t.unit) or is_per_mille(t.unit):
        return True
    if _frame(t) == "decline":
        return True
    said = f"{t.unit or ''} {t.name or ''}"
    return any(word in said for word in _words()[1])


def difference(a: TargetLine, b: TargetLine) -> Decimal | None:
    """a − b in b's unit, when they compare."""
    if not comparable(a, b):
        return None
    return convert(a.value, a.unit, b.unit) - b.value


def strictness(a: TargetLine, b: TargetLine, direction: str) -> str | None:
    """Is target ``a`` stricter, looser, the same as, or different from ``b``? None when they do
    not compare."""
    if not comparable(a, b):
        return None
    av, bv = convert(a.value, a.unit, b.unit), b.value
    if _frame(a) == "decline" and direction != "band":
        direction = "up"
    if direction == "band":
        return "same" if (av, a.comparator, a.value_high) == (bv, b.comparator, b.value_high) else "different"
    if av != bv:
        higher = av > bv
        return "stricter" if higher == (direction == "up") else "looser"
    ranks = RANK_UP if direction == "up" else RANK_DOWN
    ra, rb = ranks.get(a.comparator or "=", 2), ranks.get(b.comparator or "=", 2)
    if ra == rb:
        return "same"
    return "stricter" if ra > rb else "looser"

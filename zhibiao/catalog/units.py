"""Units: which compare with which, and how a value converts between them (亿元 → 万亿元, ‰ → %).
The lexicon's units (extract/data/lexicon.yaml ``units``) are the data. The tracker compares an
actual figure with a target by these rules (a figure whose unit does not convert to the target's
needs a person's review), and an imported figure is refused when its unit does not convert to its
indicator's (store/imports.py): one definition of compatible units for both."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from zhibiao.text.chinese import to_simplified

PERCENTISH = {"%", None}


def convert(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """The value in another unit (亿元 -> 万亿元), or None when the units do not compare
    (a share in % never compares with a change in 百分点)."""
    if unit is not None and to_unit is not None:  # (億元 is 亿元: units are kept as printed)
        unit, to_unit = to_simplified(unit), to_simplified(to_unit)
    if unit == to_unit or (unit in PERCENTISH and to_unit in PERCENTISH) or (is_points(unit) and is_points(to_unit)):
        return value
    if is_per_mille(unit) and to_unit == "%":
        return value / 10
    if unit == "%" and is_per_mille(to_unit):
        return value * 10
    a, b = unit_scale(unit), unit_scale(to_unit)
    if a is not None and b is not None and a[1] == b[1]:
        return value * a[0] / b[0]
    return None


@lru_cache(maxsize=1)
def _units() -> tuple[frozenset[str], tuple[tuple[str, Decimal], ...], frozenset[str], frozenset[str], dict[str, str]]:
    """The lexicon's units (extract/data/lexicon.yaml): its base units, its magnitudes with the
    power of ten each stands for (read as the numeral 一万亿 is: 万亿 = 10^12), longest first, its
    percentage points, its signs of a rate per thousand, and the base units that are another's
    under a second name (千米 → 公里)."""
    from zhibiao.extract.lexicon import lexicon
    from zhibiao.extract.numbers import parse_chinese

    lex = lexicon()
    magnitudes = sorted(lex.words("units.magnitudes"), key=len, reverse=True)
    same_as = {other: name for name, others in lex.mapping("units.same_as").items() for other in others}
    return (frozenset(lex.words("units.base")), tuple((m, parse_chinese(f"一{m}")) for m in magnitudes),
            frozenset(lex.words("units.points")), frozenset(lex.words("units.per_mille")), same_as)


@lru_cache(maxsize=1024)
def unit_scale(unit: str | None) -> tuple[Decimal, str] | None:
    """A unit as a power of ten and a base unit (亿千瓦时 → 10^8 千瓦时, 千公顷 → 10^3 公顷, 元 → 1 元),
    or None for a unit of neither (%, 微克/立方米). A base unit is read as itself first: 千米 is the
    lexicon's 千米, not 10^3 米. Two units compare when their base units are the same."""
    if not unit:
        return None
    unit = to_simplified(unit)
    base, magnitudes, _, _, same_as = _units()
    if unit in base:
        return Decimal(1), same_as.get(unit, unit)
    for word, power in magnitudes:
        if unit.startswith(word) and unit[len(word):] in base:
            return power, same_as.get(unit[len(word):], unit[len(word):])
    return None


def is_per_mille(unit: str | None) -> bool:
    """A rate per thousand (出生率5.94‰: the lexicon's units.per_mille), a tenth of a percentage."""
    return unit is not None and unit in _units()[3]


def is_points(unit: str | None) -> bool:
    """A change in percentage points (百分点, 个百分点: the lexicon's units.points)."""
    return unit is not None and to_simplified(unit) in _units()[2]


def compatible(unit: str | None, indicator_unit: str | None) -> bool:
    """Can a figure in ``unit`` be an indicator's in ``indicator_unit`` (it converts: 万吨 for 吨,
    ‰ for %; 亿斤 for a growth in % does not)? An indicator without a unit takes any."""
    return indicator_unit is None or not unit or convert(Decimal(1), unit, indicator_unit) is not None

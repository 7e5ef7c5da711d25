"""What a person may write into the database: reviewers' corrections and imported figures.

Every value is checked before anything is stored, so that no figure a scorecard, a comparison or
an export later reads can break it: numbers are finite decimals a column can hold (no NaN, no
Infinity, no 99999-digit numbers), comparators are the grammar's, years are years, text is
bounded and carries no control characters. A bad value raises :class:`InputError` saying which
field and why."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from zhibiao.errors import InputError

COMPARATORS = ("=", ">", ">=", "<", "<=", "~", "range")
FIRST_YEAR, LAST_YEAR = 1949, 2200
MAX_ABS = Decimal(10) ** 15  # the database's numbers hold 16 integer digits; no plan figure comes near
MAX_DECIMALS = 8
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def decimal(value: Any, field: str = "value") -> Decimal:
    """A finite decimal from a JSON number or a printed one ("6.5", "1,234", "6.5%")."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict, tuple)):
        raise InputError(f"{field} {value!r} is not a number")
    text = str(value).strip().replace(",", "").rstrip("%").strip() if isinstance(value, str) else value
    if isinstance(text, str) and len(text) > 40:
        raise InputError(f"{field} {value[:40]!r}… is not a number")
    try:
        number = Decimal(str(text)) if not isinstance(text, Decimal) else text
    except (InvalidOperation, ValueError):
        raise InputError(f"{field} {value!r} is not a number") from None
    if not number.is_finite():
        raise InputError(f"{field} {value!r} is not a finite number")
    if abs(number) >= MAX_ABS:
        raise InputError(f"{field} {value!r} is out of range (at most 15 digits before the point)")
    if number.as_tuple().exponent < -MAX_DECIMALS:  # type: ignore[operator]
        number = number.quantize(Decimal(1).scaleb(-MAX_DECIMALS))
    return number


def comparator(value: Any, field: str = "comparator") -> str:
    if not isinstance(value, str) or value.strip() not in COMPARATORS:
        raise InputError(f"{field} {value!r} is not one of {' '.join(COMPARATORS)}")
    return value.strip()


def year(value: Any, field: str = "year") -> int:
    if isinstance(value, bool):
        raise InputError(f"{field} {value!r} is not a year")
    try:
        number = Decimal(str(value).strip())
        whole = int(number) if number.is_finite() and number == number.to_integral_value() else None
    except (InvalidOperation, ValueError, OverflowError):
        whole = None
    if whole is None or not FIRST_YEAR <= whole <= LAST_YEAR:
        raise InputError(f"{field} {value!r} is not a year between {FIRST_YEAR} and {LAST_YEAR}")
    return whole


def text(value: Any, field: str, max_length: int, required: bool = False) -> str | None:
    """Bounded text without control or bidirectional-override characters (None stays None)."""
    if value is None:
        if required:
            raise InputError(f"{field}: a value is required")
        return None
    if not isinstance(value, str):
        raise InputError(f"{field} {value!r} is not text")
    cleaned = _CONTROL.sub("", value).strip()
    if required and not cleaned:
        raise InputError(f"{field}: a value is required")
    if len(cleaned) > max_length:
        raise InputError(f"{field}: longer than {max_length} characters")
    return cleaned


CORRECTABLE = ("value", "comparator", "indicator", "year", "unit", "name")


def correction_changes(changes: Any) -> dict[str, Any]:
    """A reviewer's changes to a line, checked field by field; numbers kept as JSON numbers with
    their printed digits."""
    from zhibiao.models import json_number

    if not isinstance(changes, dict):
        raise InputError("changes: must be an object of fields")
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise InputError(f"cannot correct {', '.join(sorted(map(str, unknown)))} (only {', '.join(CORRECTABLE)})")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "value":
            number = None if value is None else decimal(value, "changes.value")
            stored = None if number is None else json_number(number)
            if isinstance(stored, float) and Decimal(repr(stored)) != number:
                stored = str(number)  # more digits than a JSON number keeps: the printed digits, as text
            out[key] = stored
        elif key == "comparator":
            out[key] = comparator(value, "changes.comparator")
        elif key == "year":
            out[key] = year(value, "changes.year")
        elif key == "indicator":
            indicator = text(value, "changes.indicator", 80)
            if indicator is not None:
                from zhibiao.catalog import Catalog

                if Catalog.default().get(indicator) is None:
                    raise InputError(f"changes.indicator: {indicator!r} is not in the catalogue")
            out[key] = indicator
        elif key == "unit":
            out[key] = text(value, "changes.unit", 32)
        elif key == "name":
            out[key] = text(value, "changes.name", 200, required=True)
    return out

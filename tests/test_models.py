"""The JSON dictionaries of extracted lines (models.line_to_dict): every field in the dataclass's
order, Decimals as numbers with the printed digits, spans as [start, end], lists copied — whatever
the instance's own dictionary holds (the shortcut that copies it whole must never change the answer)."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from zhibiao.models import Actual, Commitment, Span, Target, json_number, line_to_dict


def _by_fields(line) -> dict:
    """The definition: each field in order, converted by its value's type."""
    out = {}
    for f in dataclasses.fields(line):
        v = getattr(line, f.name)
        out[f.name] = (json_number(v) if isinstance(v, Decimal) else v.to_list() if isinstance(v, Span)
                       else list(v) if isinstance(v, list) else v)
    return out


def test_lines_as_dictionaries_follow_their_fields():
    target = Target("地区生产总值增速", "6.5%以上", "numeric", year=2025, comparator=">=", value=Decimal("6.5"),
                    value_high=Decimal("7"), unit="%", span=Span(3, 9), name_span=Span(0, 8), flags=["table"])
    actual = Actual("城镇调查失业率", "level", "4.2%", value=Decimal("4.20"), unit="%", span=Span(1, 2))
    commitment = Commitment("新增高新技术企业", "350家", Decimal("350"), unit="家", section_path=["一、", "（一）"])
    for line in (target, actual, commitment):
        d = line_to_dict(line)
        assert d == _by_fields(line) and list(d) == [f.name for f in dataclasses.fields(line)]
    d = line_to_dict(target)
    assert d["value"] == 6.5 and d["value_high"] == 7 and type(d["value_high"]) is int and d["span"] == [3, 9]
    assert d["flags"] == ["table"] and d["flags"] is not target.flags  # a copy: the JSON never aliases the line
    assert line_to_dict(commitment)["section_path"] is not commitment.section_path


def test_a_line_whose_dictionary_was_changed_is_read_by_its_fields():
    """An instance whose own dictionary no longer lists exactly its fields in order (an attribute
    deleted and set again, one added) gives the same dictionary as any other."""
    target = Target("就业", "5%以内", "numeric", value=Decimal("5"), span=Span(0, 2))
    del target.name
    target.name = "城镇新增就业"  # now last in the instance's dictionary
    target.note = "not a field"
    d = line_to_dict(target)
    assert list(d) == [f.name for f in dataclasses.fields(Target)] and d == _by_fields(target)
    assert "note" not in d and d["name"] == "城镇新增就业"


def test_a_value_of_another_type_than_its_annotation_is_converted_all_the_same():
    """Conversion follows the value, not only the annotation: a Decimal or a span in a field
    annotated as text is written as a number or a pair."""
    target = Target("x", "y", None, unit=Decimal("1.5"), seq=Span(1, 2))
    d = line_to_dict(target)
    assert d["unit"] == 1.5 and d["seq"] == [1, 2]


def test_a_span_built_by_its_own_init_is_the_frozen_dataclass_it_was():
    """Span's written-out ``__init__`` (no ``object.__setattr__`` per field, no ``__post_init__``) makes
    the instance the generated one made: its fields in its dictionary, equal and hashed by value,
    refusing assignment and bad offsets, copied and pickled alike."""
    import pickle

    import pytest

    span = Span(3, 9)
    assert span.__dict__ == {"start": 3, "end": 9} and span == Span(start=3, end=9) and hash(span) == hash((3, 9))
    assert dataclasses.astuple(span) == (3, 9) and dataclasses.replace(span, end=12) == Span(3, 12)
    assert pickle.loads(pickle.dumps(span)) == span and repr(span) == "Span(start=3, end=9)"
    assert Span(0, 0).slice("abc") == "" and span.to_list() == [3, 9]
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    for start, end in ((-1, 2), (5, 4)):
        with pytest.raises(ValueError, match="bad span"):
            Span(start, end)

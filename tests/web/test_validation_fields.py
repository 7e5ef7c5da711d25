"""Every parameter and body field the API can refuse is named in Chinese on a Chinese page
(messages_zh.yaml ``fields``): the table checked against the application's own schema, so a
parameter added later is not left in English."""
from __future__ import annotations

from zhibiao.store import Database
from zhibiao.web.app import create_app
from zhibiao.web.messages import _fields, validation


def _refusable(schema: dict) -> set[str]:
    """Names of the parameters and body fields the OpenAPI schema gives a constraint or requires."""
    keys = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern", "minLength", "maxLength",
            "minItems", "maxItems", "enum"}
    names: set[str] = set()

    def constrained(s: dict) -> bool:
        return bool(keys & s.keys()) or any(constrained(x) for x in s.get("anyOf", []))

    for path in schema["paths"].values():
        for op in path.values():
            for p in op.get("parameters", []):
                if p.get("required") or constrained(p.get("schema", {})):
                    names.add(p["name"])
    for model in schema.get("components", {}).get("schemas", {}).values():
        for name, s in model.get("properties", {}).items():
            if name in model.get("required", []) or constrained(s):
                names.add(name)
    return names


def test_every_refusable_field_has_a_chinese_name(tmp_path):
    schema = create_app(Database.open(tmp_path / "v.db")).openapi()
    refusable = _refusable(schema) - {"detail", "loc", "msg", "type", "input", "ctx"}  # (the error models' own)
    assert {"year", "urls", "document_id"} <= refusable  # (the walk finds what the API checks)
    assert sorted(refusable - _fields().keys()) == []


def test_a_field_is_named_in_chinese_beside_its_own_name():
    errors = [{"loc": ("query", "year"), "type": "greater_than_equal", "msg": "Input should be greater than or equal to 1949",
               "ctx": {"ge": 1949}},
              {"loc": ("body", "urls"), "type": "too_short", "msg": "List should have at least 1 item", "ctx": {"min_length": 1}}]
    assert validation(errors, "zh") == "年份（year）：应大于或等于 1949；网址（urls）：过少（至少 1 项）"
    assert validation(errors, "en") == ("year: Input should be greater than or equal to 1949; "
                                        "urls: List should have at least 1 item")

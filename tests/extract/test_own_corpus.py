"""Our own documents in every layout (tests/corpus/, examples/) against their expected output,
written in the ../shared/gold/SCHEMA.md format and checked by hand (see tests/corpus/README.md)."""
from __future__ import annotations

import re

import pytest

from paths import EXAMPLES, OWN_CORPUS, load_gold
from zhibiao.api import extract_file, read_document

EXPECTED = sorted(list(OWN_CORPUS.glob("*.jsonl")) + list(EXAMPLES.glob("*.jsonl")))
DOC_FIELDS = ("doc_type", "region", "region_level", "region_code", "plan_year", "doc_number", "issued_on")
TARGET_FIELDS = ("category", "seq", "unit", "text", "kind", "comparator", "value", "value_high")
ACTUAL_FIELDS = ("measure", "unit", "text", "comparator", "value")
# Checked only where the expected line states them (older expected files predate these fields).
TARGET_IF_STATED = ("attribute",)
ACTUAL_IF_STATED = ("period",)


def _key(line: dict) -> tuple:
    return (line["type"], line.get("year"), line.get("parent"), line["name"])


def _document_of(expected_file):
    return expected_file.with_name(expected_file.name[: -len(".jsonl")])


@pytest.mark.parametrize("expected_file", EXPECTED, ids=[p.name for p in EXPECTED])
def test_document_extracts_as_expected(expected_file):
    gold = load_gold(expected_file)
    e = extract_file(_document_of(expected_file)).to_dict()
    d = e["document"]
    got_doc = {"doc_type": d["doc_type"], "region": (d["region"] or {}).get("name"),
               "region_level": (d["region"] or {}).get("level"), "region_code": (d["region"] or {}).get("code"),
               "plan_year": d["plan_year"], "doc_number": d["doc_number"], "issued_on": d["issued_on"]}
    want_doc = next(g for g in gold if g["type"] == "document")
    assert got_doc == {f: want_doc[f] for f in DOC_FIELDS}
    got = {}
    for kind in ("target", "actual"):
        for line in e[kind + "s"]:
            got.setdefault(_key({"type": kind, **line}), []).append(line)
    n_optional_found = 0
    for g in (g for g in gold if g["type"] in ("target", "actual")):
        candidates = got.get(_key(g))
        if g.get("optional"):  # a judgement call: finding it earns nothing, missing it costs nothing
            n_optional_found += bool(candidates)
            continue
        assert candidates, f"missed {g['type']} {g['name']} {g['text']}"
        if g["type"] == "target":
            fields = TARGET_FIELDS + tuple(f for f in TARGET_IF_STATED if f in g)
        else:
            fields = ACTUAL_FIELDS + ("estimated",) + tuple(f for f in ACTUAL_IF_STATED if f in g)
        want = {f: g.get(f, False) if f == "estimated" else g[f] for f in fields}
        assert any({f: c.get(f) for f in fields} == want for c in candidates), (g["name"], want, candidates)
        assert any(c["indicator"] == g["group"] for c in candidates), (g["name"], g["group"])
    n_expected = sum(1 for g in gold if g["type"] in ("target", "actual") and not g.get("optional"))
    assert sum(len(v) for v in got.values()) == n_expected + n_optional_found  # nothing extra either


def _squashed(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("expected_file", EXPECTED, ids=[p.name for p in EXPECTED])
def test_expected_lines_are_printed_in_their_document(expected_file):
    """The expected output itself is re-read from its document: every line's text (and its name and
    parent, unless the name is composed from several places) is printed there, and its value is
    the number printed in its text. An error here is an error in the expected file."""
    text = _squashed(read_document(_document_of(expected_file)).text)
    problems = []
    for g in load_gold(expected_file):
        if g["type"] not in ("target", "actual"):
            continue
        if _squashed(g["text"]) not in text:
            problems.append(f"text {g['text']!r} of {g['name']!r}")
        if g.get("name_origin") not in ("composed", "carried") and _squashed(g["name"]) not in text:
            problems.append(f"name {g['name']!r}")
        if g.get("parent") and _squashed(g["parent"]) not in text:
            problems.append(f"parent {g['parent']!r} of {g['name']!r}")
        if g.get("value") is not None and g.get("kind", "numeric") == "numeric":
            printed = re.findall(r"\d+(?:\.\d+)?", g["text"])
            if not any(float(p) == abs(float(g["value"])) for p in printed):
                problems.append(f"value {g['value']} of {g['name']!r} is not printed in {g['text']!r}")
    assert not problems, problems

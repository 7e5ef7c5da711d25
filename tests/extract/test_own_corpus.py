"""Our own documents in every layout (tests/corpus/, examples/) against their expected output,
written in the ../shared/gold/SCHEMA.md format and checked by hand (see tests/corpus/README.md).

Every document is scored by ``tests/corpus_score.py`` against the extraction bar
(``test_own_corpus_scores.py``). Documents whose expected file says ``"grading": "scored"`` are
held to that bar only; every other document is checked here line by line and field by field. A
document is promoted to line-by-line checking (its ``grading`` removed) once the extractor reads it
exactly. Every expected file, graded or not, is itself re-read from its document."""
from __future__ import annotations

import re

import pytest

from paths import EXAMPLES, OWN_CORPUS, load_gold
from zhibiao.api import extract_file, read_document
from zhibiao.extract.grammar import _candidates
from zhibiao.text.chinese import to_simplified

ALL_EXPECTED = sorted(list(OWN_CORPUS.glob("*.jsonl")) + list(EXAMPLES.glob("*.jsonl")))


def _grading(path) -> str:
    return next(g for g in load_gold(path) if g["type"] == "document").get("grading", "exact")


EXPECTED = [p for p in ALL_EXPECTED if _grading(p) == "exact"]
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


def _fields(line: dict, expected: dict) -> dict:
    """The fields of ``line`` that ``expected`` is checked on (``estimated`` false when unstated)."""
    if expected["type"] == "target":
        names = TARGET_FIELDS + tuple(f for f in TARGET_IF_STATED if f in expected)
    else:
        names = ACTUAL_FIELDS + ("estimated",) + tuple(f for f in ACTUAL_IF_STATED if f in expected)
    return {f: line.get(f, False) if f == "estimated" else line.get(f) for f in names}


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
    lines = [g for g in gold if g["type"] in ("target", "actual")]
    for g in (g for g in lines if not g.get("optional")):
        candidates = got.get(_key(g))
        assert candidates, f"missed {g['type']} {g['name']} {g['text']}"
        want = _fields(g, g)
        assert any(_fields(c, g) == want for c in candidates), (g["name"], want, candidates)
        assert any(c["indicator"] == g["group"] for c in candidates), (g["name"], g["group"])
    # A judgement call (`"optional": true`) need not be extracted; when it is, it is no extra line.
    optional_found = sum(1 for g in lines if g.get("optional")
                         and any(_fields(c, g) == _fields(g, g) for c in got.get(_key(g), [])))
    n_required = sum(1 for g in lines if not g.get("optional"))
    assert sum(len(v) for v in got.values()) == n_required + optional_found  # nothing extra either


def test_most_of_the_corpus_is_read_exactly():
    # the line-by-line check covers most documents: "scored" is a stage, not a hiding place
    scored = [p for p in ALL_EXPECTED if _grading(p) == "scored"]
    assert len(scored) <= len(ALL_EXPECTED) // 2, [p.name for p in scored]


def _squashed(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _columns(text: str) -> str:
    """A page printed in two columns, read column by column: each line's left part (before a run
    of spaces), then each line's right part."""
    left, right = [], []
    for line in text.split("\n"):
        parts = re.split(r" {2,}", line.strip(), maxsplit=1)
        left.append(parts[0])
        right.append(parts[1] if len(parts) > 1 else "")
    return _squashed("".join(left) + "".join(right))


_BARE_MAGNITUDE = re.compile(r"(?<![\d一二三四五六七八九十两])([十百千]?)(?=万|亿)")


def _printed_values(text: str) -> set[float]:
    """The figures a phrase prints, Chinese numerals included (突破两千亿元 → 2000), and a bare
    magnitude before a unit (迈上万亿元台阶 → 1 万亿元, 突破千万标箱大关 → 1000 万标箱)."""
    plain = to_simplified(text)
    values = {abs(float(c.value)) for c in _candidates(plain)}
    if not re.search(r"\d", plain):
        values |= {{"": 1.0, "十": 10.0, "百": 100.0, "千": 1000.0}[m.group(1)] for m in _BARE_MAGNITUDE.finditer(plain)}
    return values


@pytest.mark.parametrize("expected_file", ALL_EXPECTED, ids=[p.name for p in ALL_EXPECTED])
def test_expected_lines_are_printed_in_their_document(expected_file):
    """The expected output itself is re-read from its document: every line's text (and its name and
    parent, unless the name is composed from several places) is printed there, and its value is
    the number printed in its text. An error here is an error in the expected file."""
    doc = read_document(_document_of(expected_file))
    texts = (_squashed(doc.text), _columns(doc.raw))
    problems = []
    for g in load_gold(expected_file):
        if g["type"] not in ("target", "actual"):
            continue
        if not any(_squashed(g["text"]) in t for t in texts):
            problems.append(f"text {g['text']!r} of {g['name']!r}")
        if g.get("name_origin") not in ("composed", "carried") and not any(_squashed(g["name"]) in t for t in texts):
            problems.append(f"name {g['name']!r}")
        if g.get("parent") and not any(_squashed(g["parent"]) in t for t in texts):
            problems.append(f"parent {g['parent']!r} of {g['name']!r}")
        if g.get("value") is not None and g.get("kind", "numeric") == "numeric":
            if abs(float(g["value"])) not in _printed_values(g["text"]):
                problems.append(f"value {g['value']} of {g['name']!r} is not printed in {g['text']!r}")
    assert not problems, problems

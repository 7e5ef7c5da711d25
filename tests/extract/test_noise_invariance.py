"""The same document with the noise it may come with gives the same figures.

Real documents reach us reprinted: in traditional characters, with Windows line ends, full-width
digits, doubled punctuation, words split by stray spaces, paragraphs indented by ideographic
spaces. Each variant here is made from a whole document by one such change, and its targets,
actuals and commitments (year, value, comparator, indicator) must be those of the document as it
was — a rule that reads only one printing fails here on documents nobody wrote a case for. Run on
the project's own documents, and on the dev set's real ones where ../shared is present.

(Not an HTML variant: wrapping each line of a text copied from a PDF in its own paragraph makes a
layout no page has — a paragraph broken at every line.)
"""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from paths import DEV, EXAMPLES, OWN_CORPUS
from zhibiao.api import extract_file
from zhibiao.load.txt import decode


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _stray_spaces(text: str) -> str:
    """A space between about one pair of Chinese characters in thirty (a seeded choice)."""
    rnd = random.Random(len(text))
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", lambda _m: " " if rnd.random() < 0.03 else "", text)


VARIANTS = {
    "traditional": _traditional,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "full-width": lambda t: t.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789%.,"}),
    "doubled punctuation": lambda t: re.sub(r"([，。；])", r"\1\1", t),
    "stray spaces": _stray_spaces,
    "ideographic indent": lambda t: "\n".join("\u3000\u3000" + line if line.strip() else line for line in t.split("\n")),
}


def _figures(path: Path) -> Counter:
    e = extract_file(path)
    return Counter([("target", t.year, t.value, t.comparator, t.indicator) for t in e.targets]
                   + [("actual", a.year, a.value, a.comparator, a.indicator) for a in e.actuals]
                   + [("commitment", c.year, c.value, c.comparator) for c in e.commitments])


def _documents() -> list[Path]:
    own = sorted(OWN_CORPUS.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
    dev = sorted(DEV.glob("*.txt")) if DEV.exists() else []  # (the real ones too, where ../shared is)
    return own + dev


DOCUMENTS = _documents()


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_documents_figures_survive_its_noise(variant, tmp_path):
    assert len(DOCUMENTS) >= 40, "the project's own documents are missing"
    changed = []
    for path in DOCUMENTS:
        noisy = tmp_path / path.name
        text, _encoding = decode(path.read_bytes(), path.name)  # (a GBK document is written back as UTF-8)
        noisy.write_text(VARIANTS[variant](text), encoding="utf-8")
        before, after = _figures(path), _figures(noisy)
        if before != after:
            changed.append(f"{path.name}: lost {sorted(before - after, key=str)[:3]}, "
                           f"gained {sorted(after - before, key=str)[:3]}")
    assert not changed, "\n".join(changed)

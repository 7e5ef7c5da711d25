"""The same document with the noise it may come with gives the same figures.

Real documents reach us reprinted: in traditional characters, with Windows line ends, full-width
digits, doubled punctuation, words split by stray spaces, paragraphs indented by ideographic
spaces, pinyin glosses, page numbers, in GB18030, UTF-16 or Big5. Each variant is made from a whole
document by one such change (``benchmarks/noise.py``'s variants, which also measures the ones the
reading does not survive whole), and its targets, actuals and commitments (year, value, comparator,
indicator) must be those of the document as it was — a rule that reads only one printing fails
here on documents nobody wrote a case for. Run on the project's own documents, and on the seeds
and the dev set's real ones where ../shared is present.
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from noise import documents, figures, write_variant  # noqa: E402
from paths import SHARED  # noqa: E402
from zhibiao.load.txt import decode  # noqa: E402

SURVIVED_WHOLE = ["traditional", "crlf", "full-width", "doubled-punctuation", "stray-spaces", "ideographic-indent",
                  "pinyin-glosses", "page-numbers", "gb18030", "utf-16", "big5-traditional"]
DOCUMENTS = documents(SHARED)


@cache
def _own_figures(path: Path):
    """A document's own figures, read once for all the variants."""
    return figures(path)


@pytest.mark.parametrize("variant", SURVIVED_WHOLE)
def test_a_documents_figures_survive_its_noise(variant, tmp_path):
    assert len(DOCUMENTS) >= 40, "the project's own documents are missing"
    changed = []
    for path in DOCUMENTS:
        text, _encoding = decode(path.read_bytes(), path.name)  # (a GBK document is written back as UTF-8)
        noisy, reference = write_variant(variant, text, tmp_path, path.stem)
        before, after = figures(reference) if reference else _own_figures(path), figures(noisy)
        if before != after:
            changed.append(f"{path.name}: lost {sorted(before - after, key=str)[:3]}, "
                           f"gained {sorted(after - before, key=str)[:3]}")
    assert not changed, "\n".join(changed)

"""Each seed written out as HTML, DOCX and PDF gives the same metadata and the same targets as
its TXT (issues 2 and 3): the loaders and the extractor agree across formats."""
from __future__ import annotations

import pytest

from paths import SEEDS, need_shared
from formats import write_docx, write_html, write_pdf
from zhibiao.api import extract_file

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.exists() else ["(seeds absent)"]
META = ("doc_type", "plan_year", "doc_number", "issued_on", "issuer", "region")


def _targets(e):
    return [(t.parent, t.name, t.text, t.kind, t.comparator, t.value, t.value_high, t.unit) for t in e.targets]


@pytest.mark.corpus
@pytest.mark.parametrize("seed", SEED_NAMES)
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_seed_in_every_format_matches_its_txt(tmp_path, seed, fmt):
    path = need_shared(SEEDS / seed)
    text = path.read_text("utf-8")
    writer = {"html": write_html, "docx": write_docx, "pdf": write_pdf}[fmt]
    out = writer(text, tmp_path / f"{path.stem}.{fmt}")
    base, other = extract_file(path), extract_file(out)
    base_doc, other_doc = base.document.to_dict(), other.document.to_dict()
    assert {k: other_doc[k] for k in META} == {k: base_doc[k] for k in META}
    assert _targets(other) == _targets(base)
    assert other.document.format == fmt

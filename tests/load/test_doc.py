"""Word 97-2003 (.doc) and WPS files through antiword (installed by scripts/setup --system) or
LibreOffice: the DOCs are written here (tests/formats.py) and read back like their TXT."""
from __future__ import annotations

import os

import pytest

from formats import doc_bytes, write_doc
from paths import ROOT
from zhibiao.api import extract_file
from zhibiao.errors import LoadError
from zhibiao.load import doc as doc_loader
from zhibiao.load import load, load_bytes

PLAN = ROOT / "tests" / "example_sources" / "huzhou_2024_plan.txt"


@pytest.fixture
def converter():
    if not doc_loader.converters():
        if os.environ.get("CI"):
            pytest.fail("antiword is missing on CI: scripts/setup --system installs it")
        pytest.skip("neither antiword nor LibreOffice is installed (scripts/setup --system installs antiword)")


def test_a_doc_gives_what_its_txt_gives(tmp_path, converter):
    path = write_doc(PLAN.read_text("utf-8"), tmp_path / "plan.doc")
    loaded = load(path)
    assert loaded.format == "doc" and "湖州市人民政府关于下达2024年湖州市国民经济和社会发展计划的通知" in loaded.text
    from_doc, from_txt = extract_file(path), extract_file(PLAN)
    assert from_doc.document.doc_number == from_txt.document.doc_number == "湖政发〔2024〕3号"
    assert [(t.name, t.text, t.value) for t in from_doc.targets] == [(t.name, t.text, t.value) for t in from_txt.targets]
    assert len(from_doc.targets) > 10


def test_a_word_compatible_wps_file_is_read(converter):
    loaded = load_bytes(doc_bytes("二〇二四年工作要点\n地区生产总值增长6%左右。\n"), "要点.wps")
    assert "地区生产总值增长6%左右" in loaded.text


def test_a_damaged_doc_or_wps_is_refused_with_what_to_do(converter):
    junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    with pytest.raises(LoadError, match=r"the Word 97-2003 \(.doc\) file could not be read .*save it as DOCX or PDF"):
        load_bytes(junk, "old.doc")
    with pytest.raises(LoadError, match=r"the WPS Office \(.wps\) file could not be read"):
        load_bytes(junk, "report.wps")


def test_without_a_converter_the_error_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no antiword, no LibreOffice on this PATH
    assert doc_loader.converters() == []
    with pytest.raises(LoadError, match=r"plan.doc: a Word 97-2003 \(.doc\) file: install antiword or LibreOffice"):
        load_bytes(doc_bytes("计划\n"), "plan.doc")

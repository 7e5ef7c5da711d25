"""The package's data files parsed once (zhibiao/datafiles.py): the same data as the YAML says,
parsed again whenever the file's bytes change, and never a reason to fail."""
from __future__ import annotations

import os
import sys
from importlib import resources

import pytest
import yaml

from zhibiao.datafiles import cached, load_yaml
from zhibiao.catalog.matcher import Catalog, _parse


@pytest.fixture(autouse=True)
def bytecode_written(monkeypatch):
    """As when Python writes its bytecode (this machine's shells set PYTHONDONTWRITEBYTECODE)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def counting(value):
    calls = []

    def parse():
        calls.append(1)
        return value

    return parse, calls


def test_parsed_once_then_read_back(tmp_path):
    parse, calls = counting({"a": (1, "一", None, ["x"])})
    assert cached("t", b"data", parse, tmp_path) == {"a": (1, "一", None, ["x"])}
    assert cached("t", b"data", parse, tmp_path) == {"a": (1, "一", None, ["x"])}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("t-*.marshal"))) == 1


def test_changed_bytes_are_parsed_again_and_the_old_copy_goes(tmp_path):
    first, _ = counting(["old"])
    second, calls = counting(["new"])
    assert cached("t", b"version 1", first, tmp_path) == ["old"]
    assert cached("t", b"version 2", second, tmp_path) == ["new"]
    assert calls == [1]
    assert len(list(tmp_path.glob("t-*.marshal"))) == 1


def test_a_damaged_copy_is_parsed_again(tmp_path):
    parse, calls = counting(["value"])
    cached("t", b"data", parse, tmp_path)
    (copy,) = tmp_path.glob("t-*.marshal")
    copy.write_bytes(b"\x00garbage")
    assert cached("t", b"data", parse, tmp_path) == ["value"]
    assert len(calls) == 2


def test_an_unwritable_folder_only_costs_the_parse(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        parse, calls = counting(["value"])
        assert cached("t", b"data", parse, folder) == ["value"]
        assert cached("t", b"data", parse, folder) == ["value"]
        if os.geteuid() != 0:  # root writes anyway
            assert len(calls) == 2 and not list(folder.iterdir())
    finally:
        os.chmod(folder, 0o700)


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    parse, calls = counting(["value"])
    assert cached("t", b"data", parse, tmp_path) == ["value"]
    assert not list(tmp_path.iterdir())


def test_a_slow_result_is_kept_even_where_python_writes_no_bytecode(tmp_path, monkeypatch):
    """(a map's boundaries: container images often set PYTHONDONTWRITEBYTECODE, and each server
    process simplified every map again)"""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    parse, calls = counting(["value"])
    for _ in range(2):
        assert cached("t", b"data", parse, tmp_path, even_without_bytecode=True) == ["value"]
    assert len(calls) == 1 and len(list(tmp_path.iterdir())) == 1


def test_the_bundled_catalogue_is_the_yaml_s():
    text = resources.files("zhibiao.catalog").joinpath("data/indicators.yaml").read_text("utf-8")
    expected = _parse(yaml.safe_load(text), "indicators.yaml")
    for _ in range(2):  # parsed (or read back), then read back
        catalog = Catalog.load()
        assert catalog.indicators == expected
    assert catalog.match("地区生产总值增长", text="增长6%").id == "gdp_growth"


@pytest.mark.parametrize("package, path", [("zhibiao.extract", ("data", "lexicon.yaml")),
                                           ("zhibiao.track", ("messages.yaml",)), ("zhibiao.track", ("rules.yaml",))])
def test_data_files_read_back_as_parsed(package, path):
    text = resources.files(package).joinpath(*path).read_text("utf-8")
    assert load_yaml(package, *path) == yaml.safe_load(text)
    assert load_yaml(package, *path) == yaml.safe_load(text)  # read back

"""The modules compiled by setup.py (mypyc: the extraction rules, the text stages, the catalogue's
matching), and their sources used whenever the compiled form is not current (zhibiao/compiled.py)."""
from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from zhibiao.compiled import SourceFinder, build, inspect_build
from zhibiao.errors import InputError
from zhibiao.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SUFFIX = EXTENSION_SUFFIXES[0]
NAMES = ("extract.clauses", "extract.grammar", "text.normalize")


def _library(root: Path) -> Path:
    """Where a package folder's shared library is written (outside it, as in site-packages)."""
    return root.parent / f"{root.name}_compiled__mypyc{SUFFIX}"


def _file(root: Path, name: str, suffix: str) -> Path:
    return root.joinpath(*name.split(".")).with_suffix(suffix)


def _package(root: Path, names=NAMES) -> Path:
    """A package folder holding, for each name (``subpackage.module``), a source and a 'compiled
    module' written after it, and the compiled modules' shared library beside the folder."""
    root.mkdir(exist_ok=True)
    _library(root).write_bytes(b"not a library")
    os.utime(_library(root), (2_000_000, 2_000_000))
    for name in names:
        _file(root, name, ".py").parent.mkdir(exist_ok=True)
        _file(root, name, ".py").write_text("X = 1\n", "utf-8")
        _file(root, name, SUFFIX).write_bytes(b"not an extension")
        os.utime(_file(root, name, ".py"), (1_000_000, 1_000_000))
        os.utime(_file(root, name, SUFFIX), (2_000_000, 2_000_000))
    return root


def test_a_current_build_is_used(tmp_path):
    root = _package(tmp_path / "pkg")
    (root / "web").mkdir()
    (root / "web" / "app.py").write_text("X = 1\n", "utf-8")  # a package with nothing compiled
    state = inspect_build(root, forced=False, library=_library(root), checkout=True)
    assert state.compiled == NAMES and state.in_use and not state.stale


def test_a_source_edited_after_the_build_makes_every_module_run_from_its_source(tmp_path):
    root = _package(tmp_path / "pkg")
    os.utime(root / "text" / "normalize.py", (3_000_000, 3_000_000))
    state = inspect_build(root, forced=False, library=_library(root), checkout=True)
    assert not state.in_use and state.stale
    assert "text/normalize.py changed" in state.reason and "scripts/setup" in state.reason
    assert state.compiled == NAMES  # all of them, in every package, not only the edited one


def test_a_rebuilt_library_makes_a_build_current_though_its_stubs_are_older(tmp_path):
    root = _package(tmp_path / "pkg")
    os.utime(root / "extract" / "grammar.py", (3_000_000, 3_000_000))
    os.utime(_library(root), (4_000_000, 4_000_000))  # build_ext rebuilt the code, not the unchanged stubs
    assert inspect_build(root, forced=False, library=_library(root), checkout=True).in_use


def test_an_installed_package_trusts_its_build_whatever_its_files_times(tmp_path):
    root = _package(tmp_path / "pkg")
    os.utime(root / "extract" / "grammar.py", (3_000_000, 3_000_000))  # as a wheel's archive may leave them
    assert inspect_build(root, forced=False, library=_library(root), checkout=False).in_use
    assert not inspect_build(root, forced=False, library=None, checkout=False).in_use


def test_a_checkout_is_told_by_its_setup_py(tmp_path):
    root = _package(tmp_path / "pkg")
    os.utime(root / "extract" / "grammar.py", (3_000_000, 3_000_000))
    assert inspect_build(root, forced=False, library=_library(root)).in_use  # no setup.py beside: installed
    (tmp_path / "setup.py").write_text("", "utf-8")
    assert inspect_build(root, forced=False, library=_library(root)).stale


def test_setup_compiles_again_when_its_list_may_have_changed_or_the_library_is_missing(tmp_path):
    root = _package(tmp_path / "pkg")
    (tmp_path / "setup.py").write_text("", "utf-8")
    os.utime(tmp_path / "setup.py", (1_000_000, 1_000_000))
    assert not inspect_build(root, forced=False, library=_library(root)).stale
    os.utime(tmp_path / "setup.py", (3_000_000, 3_000_000))  # a module added to the list, say
    state = inspect_build(root, forced=False, library=_library(root))
    assert state.stale and state.in_use  # (what was compiled is current: it runs compiled meanwhile)
    missing = inspect_build(root, forced=False, library=None)  # (a library of another name, from an older build)
    assert missing.stale and not missing.in_use
    assert not inspect_build(root, forced=False, library=None, checkout=False).stale  # installed: nothing to compile


def test_a_missing_source_or_library_or_the_setting_refuses_the_build(tmp_path):
    root = _package(tmp_path / "pkg")
    assert inspect_build(root, forced=True, library=_library(root), checkout=True).reason == "ZHIBIAO_PURE_PYTHON is set"
    assert "library" in inspect_build(root, forced=False, library=None, checkout=True).reason
    (root / "extract" / "clauses.py").unlink()
    assert "extract/clauses.py is missing" in inspect_build(root, forced=False, library=_library(root),
                                                            checkout=True).reason


def test_nothing_compiled_is_plain_python_without_a_reason(tmp_path):
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "clauses.py").write_text("X = 1\n", "utf-8")
    state = inspect_build(tmp_path, forced=False, library=_library(tmp_path), checkout=True)
    assert state.compiled == () and state.reason is None and not state.in_use
    assert state.describe() == "plain Python (not compiled)"


def test_the_source_finder_imports_the_source_beside_a_compiled_module(tmp_path, monkeypatch):
    root = _package(tmp_path / "rulespkg", ("sub.mod",))
    (root / "__init__.py").write_text("", "utf-8")
    (root / "sub" / "__init__.py").write_text("", "utf-8")
    (root / "sub" / "mod.py").write_text("ANSWER = 42\n", "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImportError):  # Python's own finders take the (broken) extension first
        importlib.import_module("rulespkg.sub.mod")
    sys.modules.pop("rulespkg.sub.mod", None)
    finder = SourceFinder("rulespkg", root, ("sub.mod",))
    sys.meta_path.insert(0, finder)
    try:
        module = importlib.import_module("rulespkg.sub.mod")
        assert module.ANSWER == 42 and module.__file__.endswith("mod.py")
        assert finder.find_spec("rulespkg.sub.other") is None and finder.find_spec("other.sub.mod") is None
    finally:
        sys.meta_path.remove(finder)
        for name in ("rulespkg.sub.mod", "rulespkg.sub", "rulespkg"):
            sys.modules.pop(name, None)


def test_the_pure_python_setting_reads_a_flag():
    assert Settings.value("pure_python", env={}) is False
    assert Settings.value("pure_python", env={"ZHIBIAO_PURE_PYTHON": "1"}) is True
    assert Settings.value("pure_python", env={"ZHIBIAO_PURE_PYTHON": "no"}) is False
    with pytest.raises(InputError, match="ZHIBIAO_PURE_PYTHON"):
        Settings.value("pure_python", env={"ZHIBIAO_PURE_PYTHON": "maybe"})


def _skip_unless_compiled():
    state = build()
    if os.environ.get("ZHIBIAO_COMPILE") == "0":
        pytest.skip("ZHIBIAO_COMPILE=0: this installation was built without compiling")
    if (state.stale and not state.in_use) or Settings.value("pure_python"):
        pytest.skip(f"the compiled modules run as plain Python here: {state.reason}")
    if not state.compiled and not shutil.which((sysconfig.get_config_var("CC") or "cc").split()[0]):
        pytest.skip("no C compiler on this machine: setup.py installed every module as plain Python")
    return state


def test_setup_compiled_the_modules_and_they_are_in_use():
    state = _skip_unless_compiled()
    assert state.in_use, state.describe()
    import zhibiao.catalog.matcher as matcher
    import zhibiao.extract.clauses as clauses
    import zhibiao.extract.pipeline as pipeline
    import zhibiao.text.scan as scan

    assert {"extract.clauses", "extract.grammar", "extract.numbers", "extract.actuals", "extract.commitments", "extract.pipeline",
            "extract.tables", "extract.metadata", "text.normalize", "text.offsets", "catalog.matcher", "load.html"} <= set(state.compiled)
    assert clauses.__file__.endswith(tuple(EXTENSION_SUFFIXES))
    assert importlib.import_module("zhibiao.text.normalize").__file__.endswith(tuple(EXTENSION_SUFFIXES))
    assert matcher.__file__.endswith(tuple(EXTENSION_SUFFIXES))
    assert pipeline.__file__.endswith(tuple(EXTENSION_SUFFIXES))  # (the extraction's driver: its loops over targets)
    # (the HTML loader: its walks over a page's elements, 40 % of a national ingest's documents being pages)
    assert importlib.import_module("zhibiao.load.html").__file__.endswith(tuple(EXTENSION_SUFFIXES))
    assert scan.__file__.endswith(".py")  # (it compiles patterns from re's internals, at import only)


_EXTRACT = """
import json, sys
from zhibiao.api import extract_file
from zhibiao.compiled import build
out = {"build": build().describe(), "documents": {}}
for path in sys.argv[1:]:
    out["documents"][path] = extract_file(path).to_dict()
print(json.dumps(out, ensure_ascii=False, default=str, sort_keys=True))
"""


def _extract_in_a_process(paths, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ZHIBIAO_PURE_PYTHON"}
    if pure:
        env["ZHIBIAO_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", _EXTRACT, *map(str, paths)], capture_output=True, text=True,
                          env=env, cwd=str(ROOT.parent), timeout=600, check=True)
    return json.loads(done.stdout)


def test_compiled_and_plain_python_rules_extract_the_same():
    _skip_unless_compiled()
    paths = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    compiled = _extract_in_a_process(paths, pure=False)
    plain = _extract_in_a_process(paths, pure=True)
    assert compiled["build"].startswith("compiled") and plain["build"].startswith("plain Python")
    assert len(compiled["documents"]) == len(paths) >= 7
    assert sum(len(d["targets"]) for d in compiled["documents"].values()) > 50
    for path in compiled["documents"]:
        assert compiled["documents"][path] == plain["documents"][path], path

"""Whether the extraction rules run compiled, and plain Python when their compiled form is not current.

setup.py compiles the rules' modules with mypyc into C extensions that sit beside their ``.py``
files (``clauses.cpython-311-….so`` beside ``clauses.py``) and share one library,
``zhibiao_rules__mypyc``. Python imports an extension before a source file of the same name, so a
rule edited after the build would silently run in its old, compiled form. Before any of the rules'
modules is imported (``zhibiao/extract/__init__.py`` calls :func:`choose`), this module therefore
checks the build: when a source of a checkout is newer than its build, when a compiled module has
lost its source or the shared library, or when ``ZHIBIAO_PURE_PYTHON=1`` asks for it, *every* rule
module is imported from its source — all of them, since compiled modules call each other directly,
not through their module's names. The results are the same either way (a test extracts the same
documents both ways); only the time differs. ``bash scripts/setup`` compiles the rules again.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

SHARED_LIBRARY = "zhibiao_rules__mypyc"  # setup.py's group_name, with mypyc's suffix


@dataclass(frozen=True)
class Build:
    """The state of the rules' build: which modules are compiled, and why they are not used if not."""

    compiled: tuple[str, ...]  # module names (clauses, grammar, …) with a compiled form beside the source
    reason: str | None  # why the sources are used instead (None: the compiled forms are used, if any)
    stale: bool = False  # a source changed after it was compiled: compiling again would use the compiled forms

    @property
    def in_use(self) -> bool:
        return bool(self.compiled) and self.reason is None

    def describe(self) -> str:
        if self.in_use:
            return f"compiled ({len(self.compiled)} modules)"
        if not self.compiled:
            return "plain Python (not compiled)"
        return f"plain Python ({self.reason})"


def find_library() -> Path | None:
    """Where the compiled modules' shared library is (None: nowhere Python can import it from)."""
    spec = importlib.util.find_spec(SHARED_LIBRARY)
    return Path(spec.origin) if spec is not None and spec.origin else None


def inspect_build(directory: Path, forced: bool, library: Path | None, checkout: bool | None = None) -> Build:
    """Which modules of ``directory`` are compiled, and whether their compiled forms may be used.
    ``library``: the shared library (:func:`find_library`), which holds the compiled code and is
    built again whenever a source changed (a module's own extension is a stub, left as it is when
    only the code changed). Sources are compared with the build in a checkout (where rules are
    edited) only: an installed wheel's files carry the times of its archive, not of its build."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    compiled = {}
    for entry in os.scandir(directory):
        for suffix in suffixes:
            if entry.name.endswith(suffix) and entry.name != "__init__" + suffix:
                compiled[entry.name[:-len(suffix)]] = entry
                break
    names = tuple(sorted(compiled))
    if not names:
        return Build((), None)
    if forced:
        return Build(names, "ZHIBIAO_PURE_PYTHON is set")
    if library is None:
        return Build(names, f"the compiled modules' library {SHARED_LIBRARY} is missing")
    if checkout is None:
        checkout = (directory.parent.parent / "setup.py").is_file()
    if checkout:
        built = library.stat().st_mtime
        for name in names:
            try:
                changed = (directory / f"{name}.py").stat().st_mtime > max(built, compiled[name].stat().st_mtime)
            except FileNotFoundError:
                return Build(names, f"{name}.py is missing beside its compiled module")
            if changed:
                return Build(names, f"{name}.py changed after it was compiled; run `bash scripts/setup` to compile "
                                    "again", stale=True)
    return Build(names, None)


class SourceFinder(MetaPathFinder):
    """Finds the named modules of a package in their ``.py`` files (ahead of Python's own finders,
    which would take the compiled module beside each)."""

    def __init__(self, package: str, directory: Path, names: tuple[str, ...]):
        self.package, self.directory, self.names = package, directory, frozenset(names)

    def find_spec(self, fullname, path=None, target=None):
        package, _, name = fullname.rpartition(".")
        if package != self.package or name not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, self.directory / f"{name}.py")


_BUILD: Build | None = None


def choose(package: str, directory: Path) -> Build:
    """Decide, once per process, whether ``package``'s rules run compiled; when not, make every
    compiled module of it import from its source. Returns the decision (:func:`build` repeats it)."""
    global _BUILD
    if _BUILD is None:
        from zhibiao.errors import InputError
        from zhibiao.settings import Settings

        try:
            forced = Settings.value("pure_python")
        except InputError:
            forced = False  # (a malformed value is reported by the command's own reading of the settings)
        _BUILD = inspect_build(directory, forced, find_library())
        if _BUILD.compiled and not _BUILD.in_use:
            sys.meta_path.insert(0, SourceFinder(package, directory, _BUILD.compiled))
            if not forced:  # (asked for: nothing to say)
                print(f"zhibiao: the extraction rules run as plain Python (the same results, slower): {_BUILD.reason}",
                      file=sys.stderr)
    return _BUILD


def build() -> Build:
    """The decision :func:`choose` made for the extraction rules (importing them if not yet)."""
    import zhibiao.extract  # noqa: F401 - its __init__ makes the decision

    assert _BUILD is not None
    return _BUILD

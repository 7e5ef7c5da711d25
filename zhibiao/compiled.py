"""Whether the compiled modules run compiled, and plain Python when their compiled form is not current.

setup.py compiles the modules where a document's time goes — the extraction rules
(``zhibiao/extract``), the normalisation of a text (``zhibiao/text``), the catalogue's matching
(``zhibiao/catalog``) and the HTML loader (``zhibiao/load/html.py``) — with mypyc into C
extensions that sit beside their ``.py`` files (``extract/clauses.cpython-311-….so`` beside
``extract/clauses.py``) and share one library,
:data:`SHARED_LIBRARY`. Python imports an extension before a source file of the same name, so a
module edited after the build would silently run in its old, compiled form. Before the first of
them is imported (the ``__init__`` of each of those packages calls :func:`choose`), this module
checks the build: when a source of a checkout is newer than its build, when a compiled module has
lost its source or the shared library, or when ``ZHIBIAO_PURE_PYTHON=1`` asks for it, *every*
compiled module is imported from its source — all of them, since compiled modules call each other
directly, not through their modules' names. The results are the same either way (a test extracts
the same documents both ways); only the time differs. ``bash scripts/setup`` compiles them again.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

PACKAGE = "zhibiao"
SHARED_LIBRARY = "zhibiao_compiled__mypyc"  # setup.py's group_name, with mypyc's suffix


@dataclass(frozen=True)
class Build:
    """The state of the build: which modules are compiled, and why they are not used if not."""

    compiled: tuple[str, ...]  # the compiled modules, by their names under the package (extract.clauses, text.normalize, …)
    reason: str | None  # why the sources are used instead (None: the compiled forms are used, if any)
    # compiling again would change what runs (a checkout's source or setup.py changed after the
    # build, its library is missing): ``bash scripts/setup`` compiles when it is set
    stale: bool = False

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


def compiled_modules(root: Path) -> dict[str, Path]:
    """The compiled modules of the package folder ``root`` (its subpackages, one level down: where
    setup.py compiles), by their names under it (``extract.clauses``) -> the extension's file."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    found: dict[str, Path] = {}
    for folder in os.scandir(root):
        if not folder.is_dir() or folder.name.startswith(("_", ".")):
            continue
        for entry in os.scandir(folder.path):
            for suffix in suffixes:
                if entry.name.endswith(suffix) and entry.name != "__init__" + suffix:
                    found[f"{folder.name}.{entry.name[:-len(suffix)]}"] = Path(entry.path)
                    break
    return found


def _source(root: Path, name: str) -> Path:
    return root.joinpath(*name.split(".")).with_suffix(".py")


def inspect_build(root: Path, forced: bool, library: Path | None, checkout: bool | None = None) -> Build:
    """Which modules of the package folder ``root`` are compiled, and whether their compiled forms
    may be used. ``library``: the shared library (:func:`find_library`), which holds the compiled
    code and is built again whenever a source changed (a module's own extension is a stub, left as
    it is when only the code changed). Sources are compared with the build in a checkout (where
    modules are edited) only: an installed wheel's files carry the times of its archive, not of its
    build."""
    compiled = compiled_modules(root)
    names = tuple(sorted(compiled))
    if not names:
        return Build((), None)
    if forced:
        return Build(names, "ZHIBIAO_PURE_PYTHON is set")
    if checkout is None:
        checkout = (root.parent / "setup.py").is_file()
    if library is None:  # (in a checkout: built before the library was renamed, or the build failed half-way)
        return Build(names, f"the compiled modules' library {SHARED_LIBRARY} is missing", stale=checkout)
    if checkout:
        built = library.stat().st_mtime
        for name in names:
            source = _source(root, name)
            try:
                changed = source.stat().st_mtime > max(built, compiled[name].stat().st_mtime)
            except FileNotFoundError:
                return Build(names, f"{name.replace('.', '/')}.py is missing beside its compiled module")
            if changed:
                return Build(names, f"{name.replace('.', '/')}.py changed after it was compiled; run "
                                    "`bash scripts/setup` to compile again", stale=True)
        try:  # setup.py changed since the build: what it compiles may have (a module added to its list)
            return Build(names, None, stale=(root.parent / "setup.py").stat().st_mtime > built)
        except FileNotFoundError:
            pass
    return Build(names, None)


class SourceFinder(MetaPathFinder):
    """Finds the named modules of a package in their ``.py`` files (ahead of Python's own finders,
    which would take the compiled module beside each)."""

    def __init__(self, package: str, root: Path, names: tuple[str, ...]):
        self.root = root
        self.names = {f"{package}.{name}": name for name in names}

    def find_spec(self, fullname, path=None, target=None):
        name = self.names.get(fullname)
        if name is None:
            return None
        return importlib.util.spec_from_file_location(fullname, _source(self.root, name))


_BUILD: Build | None = None


def choose() -> Build:
    """Decide, once per process, whether the compiled modules run compiled; when not, make every
    one of them import from its source. Returns the decision (:func:`build` repeats it)."""
    global _BUILD
    if _BUILD is None:
        from zhibiao.errors import InputError
        from zhibiao.settings import Settings

        try:
            forced = Settings.value("pure_python")
        except InputError:
            forced = False  # (a malformed value is reported by the command's own reading of the settings)
        root = Path(__file__).resolve().parent
        _BUILD = inspect_build(root, forced, find_library())
        if _BUILD.compiled and not _BUILD.in_use:
            sys.meta_path.insert(0, SourceFinder(PACKAGE, root, _BUILD.compiled))
            if not forced:  # (asked for: nothing to say)
                print(f"zhibiao: the compiled modules run as plain Python (the same results, slower): {_BUILD.reason}",
                      file=sys.stderr)
    return _BUILD


def build() -> Build:
    """The decision :func:`choose` made (made now if no compiled package was imported yet)."""
    return choose()

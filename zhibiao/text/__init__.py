"""Stage 2: normalised text with provenance (see :mod:`zhibiao.text.normalize`).

The names below are imported on first use: every command imports this package (the catalogue and
the region registry read traditional characters through ``text.chinese``, patterns through
``text.scan``), few normalise a document, and ``normalize.py`` compiles its patterns at import
(~20 ms of a command's start).
"""
from __future__ import annotations

import importlib
import sys
import types

from zhibiao.compiled import choose

# compiled modules (setup.py) or their sources, for every package that has them: decided before the
# first of them is imported (zhibiao/compiled.py; whichever of text, catalog, extract comes first)
choose()

_WHERE = {"Change": "offsets", "Document": "document", "Edit": "offsets", "MappedText": "offsets",
          "NormalizedText": "normalize", "find_table_zone": "normalize", "normalize": "normalize"}
__all__ = sorted(_WHERE)


class _Package(types.ModuleType):
    def __getattr__(self, name: str):  # a name not imported yet
        if name not in _WHERE:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{self.__name__}.{_WHERE[name]}"), name)
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value) -> None:
        # Importing the submodule normalize makes it this package's attribute ``normalize``, the
        # name of the function the package exports: the function stays (as when it was imported here).
        if name in _WHERE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(_WHERE))


sys.modules[__name__].__class__ = _Package

"""The package's data files (YAML word lists, rules, messages, the indicator catalogue), parsed once
and kept beside Python's own bytecode cache.

Importing PyYAML and parsing the files a command reads costs about 15 ms, paid by every CLI command
at start. The parsed data is written with :mod:`marshal` into the package's ``__pycache__``, under
a name made from the file's bytes: a changed file is parsed afresh, an unchanged one is read back
in well under a millisecond, and PyYAML is not imported. The data files stay the one source; the
copy is a cache: unreadable, damaged or unwritable (a read-only installation, or
``PYTHONDONTWRITEBYTECODE`` set, where Python writes no bytecode either) it only costs the parse.
Only the package's own files go through it, never a user's (``--rules``, ``--catalog``).
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Callable

FORMAT = 1  # raise when the shape of what is cached changes
FOLDER = Path(__file__).resolve().parent / "__pycache__"


def load_yaml(package: str, *path: str) -> Any:
    """A YAML data file of a zhibiao package (``load_yaml("zhibiao.track", "rules.yaml")``), parsed
    with PyYAML's C loader where it has one, or read back parsed."""
    data = resources.files(package).joinpath(*path).read_bytes()
    return cached(".".join((package, *path)), data, lambda: parse_yaml(data.decode("utf-8")))


def parse_yaml(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def cached(kind: str, data: bytes, parse: Callable[[], Any], folder: Path | None = None,
           even_without_bytecode: bool = False) -> Any:
    """``parse()`` (which reads ``data``), or its result as cached for these exact bytes. A result
    marshal cannot write (a YAML date) is simply not cached. ``even_without_bytecode``: written
    where ``PYTHONDONTWRITEBYTECODE`` is set too (container images often set it) — for a result
    that takes far longer to make than a parse (a map's boundaries)."""
    folder = FOLDER if folder is None else folder
    path = cached_path(kind, data, folder)
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not cached yet (or damaged): parse
    value = parse()
    if even_without_bytecode or not sys.dont_write_bytecode:
        _write(folder, path, kind, value)
    return value


def cached_path(kind: str, data: bytes, folder: Path | None = None) -> Path:
    """Where :func:`cached` keeps the result for these bytes."""
    key = hashlib.sha256(f"{FORMAT}|{marshal.version}|{sys.version_info[:2]}|".encode() + data).hexdigest()[:24]
    return (FOLDER if folder is None else folder) / f"{kind}-{key}.marshal"


def _write(folder: Path, path: Path, kind: str, value: Any) -> None:
    """Write atomically (a concurrent reader sees the whole file or none) and drop the copies of
    earlier versions of the data; any failure leaves things as they were."""
    tmp = folder / f".{path.name}.{os.getpid()}"
    try:
        folder.mkdir(exist_ok=True)
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)
        for old in folder.glob(f"{kind}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass

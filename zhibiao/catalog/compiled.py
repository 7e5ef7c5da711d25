"""The catalogue's data files parsed once: a compiled copy kept beside Python's own bytecode cache.

Parsing ``indicators.yaml`` (even with PyYAML's C loader) costs about 10 ms, paid by every CLI
command at start. The parsed data (plain tuples, written with :mod:`marshal`) is kept in the
package's ``__pycache__`` under a name made from the file's bytes, so a changed file is parsed
afresh and an unchanged one is read back in well under a millisecond. The data files stay the one
source; the copy is a cache: unreadable, damaged or unwritable (a read-only installation,
``PYTHONDONTWRITEBYTECODE``) it only costs the parse.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, Callable

FORMAT = 1  # raise when the shape of what is cached changes
FOLDER = Path(__file__).resolve().parent / "__pycache__"


def cached(kind: str, data: bytes, parse: Callable[[], Any], folder: Path | None = None) -> Any:
    """``parse()`` (which reads ``data``), or its result as cached for these exact bytes. The
    result must be marshal-able (None, numbers, strings, bytes, tuples, lists, dicts)."""
    folder = FOLDER if folder is None else folder
    key = hashlib.sha256(f"{FORMAT}|{marshal.version}|{sys.version_info[:2]}|".encode() + data).hexdigest()[:24]
    path = folder / f"{kind}-{key}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not cached yet (or damaged): parse
    value = parse()
    if not sys.dont_write_bytecode:
        _write(folder, path, kind, value)
    return value


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

"""Stage 1: read a file (TXT in any encoding, HTML, PDF, DOCX; DOC through a converter where one
is installed) into a :class:`LoadedText`.

``load(path)`` (and ``load_bytes(data, source)`` for bytes fetched from an address) looks at the
bytes, not the suffix, to pick the loader, and raises
:class:`zhibiao.errors.LoadError` (one line naming the file and the problem) for anything it
cannot read: a missing path, a directory, an empty or binary file, a scanned or encrypted PDF, a
broken DOCX, a file over the size limit, a document not in Chinese.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Final

from zhibiao.compiled import choose
from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load.limits import Limits
from zhibiao.load.txt import CJK_RUN, decode
from zhibiao.models import LoadedText

# the HTML loader is compiled (setup.py) or read from its source: decided before it is imported
# (zhibiao/compiled.py)
choose()

__all__ = ["Limits", "load", "load_bytes", "sniff", "OLE_MAGIC", "FORMATS", "SUFFIXES", "is_document_name",
           "formats_text", "binary_data"]

# The one list of file names zhibiao reads as documents (by suffix; the loader still decides by the
# bytes). Ingest, the demo, the web upload and the docs all use it. .doc and .wps need a converter
# (antiword or LibreOffice) at read time; without one the error says so.
FORMATS = {".txt": "TXT", ".text": "TXT", ".htm": "HTML", ".html": "HTML", ".shtml": "HTML", ".xhtml": "HTML",
           ".pdf": "PDF", ".docx": "DOCX", ".doc": "DOC", ".wps": "WPS"}
SUFFIXES = frozenset(FORMATS)


def is_document_name(name: str | os.PathLike) -> bool:
    return Path(name).suffix.lower() in SUFFIXES


def formats_text() -> str:
    """The formats for messages: TXT, HTML, PDF, DOCX, DOC, WPS."""
    return ", ".join(dict.fromkeys(FORMATS.values()))


def binary_data(source: str | os.PathLike, detail: str = "") -> LoadError:
    """The one wording of "these bytes are no document we read", with the formats read (from
    FORMATS: DOC and WPS too), which the web's Chinese (web/messages_zh.yaml) takes as it is."""
    return LoadError(str(source), f"binary data{f' ({detail})' if detail else ''}, not a document "
                                  f"(one of {formats_text()})")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, WPS, old Excel: a compound file


def sniff(data: bytes, suffix: str) -> str:
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if data[:8] == OLE_MAGIC:
        return "wps" if suffix in (".wps", ".wpt") else "doc"
    lowered = head[:1024].lower()
    if suffix in (".htm", ".html", ".xhtml", ".shtml") or lowered.startswith((b"<!doctype html", b"<html")) \
            or b"<html" in lowered or (b"<body" in lowered and b"</" in lowered):
        return "html"
    return "txt"


def _read(path: Path, limits: Limits) -> bytes:
    p = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise LoadError(p, "no such file") from None
    except PermissionError:
        raise LoadError(p, "permission denied") from None
    except OSError as exc:
        raise LoadError(p, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):  # (what path.is_dir() asks, from the status read above)
        raise LoadError(p, "is a directory, not a file")
    if st.st_size > limits.max_file_bytes:
        raise LimitExceeded(p, f"file is {st.st_size / 1e6:.1f} MB, over the {limits.max_file_bytes / 1e6:.0f} MB "
                               "limit (ZHIBIAO_MAX_FILE_MB)")
    if st.st_size == 0:
        raise LoadError(p, "file is empty")
    try:
        with open(path, "rb") as fh:
            return fh.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise LoadError(p, "permission denied") from None
    except OSError as exc:
        raise LoadError(p, f"cannot read: {exc.strerror or exc}") from None


XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STRAY_NUL_RATIO = 1000  # at most one NUL byte per this many bytes is removed with a warning; more is binary


def _printable(sample: str) -> int:
    """How many characters of ``sample`` are printable, a line break or tab, or a space beyond ASCII
    (the ideographic space that indents a Chinese paragraph, a no-break space: ``isprintable``
    refuses every space but ASCII's; ASCII's other spaces, \x0b to \x1f, stay control characters):
    each distinct character tested once (a test of every character in Python cost ~0.15 ms a
    document)."""
    layout = sample.replace("\n", "").replace("\r", "").replace("\t", "")
    if layout.isprintable():
        return len(sample)
    refused = (ch for ch in set(layout) if not ch.isprintable() and not (ch >= "\xa0" and ch.isspace()))
    return len(sample) - sum(sample.count(ch) for ch in refused)


def load(path: str | os.PathLike, limits: Limits | None = None) -> LoadedText:
    """Read one file into a :class:`LoadedText`."""
    limits = limits or Limits.from_env()
    path = Path(path)
    return load_bytes(_read(path, limits), path, limits)


def load_bytes(data: bytes, source: str | os.PathLike, limits: Limits | None = None,
               suffix: str | None = None) -> LoadedText:
    """Read a document from bytes already in memory (a fetched page or attachment). ``source``
    names it in errors and becomes ``LoadedText.path``; ``suffix`` (".pdf") only breaks ties the
    bytes leave open."""
    loaded = _load_by_kind(data, source, limits or Limits.from_env(), suffix)
    _require_chinese(loaded)
    return loaded


LATIN_RUN: Final = re.compile(r"[A-Za-z][A-Za-z]*")  # (counted run by run, as txt.CJK_RUN)
CHINESE_SAMPLE: Final = 20000  # characters read to judge the language (the head of a long document)
CHINESE_LEAST: Final = 0.2  # the least share of Chinese characters among the letters of a document read


def _require_chinese(loaded: LoadedText) -> None:
    """A document in another language (an English README, a translation) holds no Chinese plan's
    targets: reading it would only make nonsense of its figures (a year from a date, a "result"
    from an English sentence) — it is refused, named, with the share that decided it."""
    sample = loaded.text[:CHINESE_SAMPLE]
    # a sample more than a fifth of whose characters are Chinese passes whatever its other letters are
    # (its letters are at most all its characters): such Chinese characters are looked for in its first
    # third, where most documents have them, before its letters are counted (two scans of the sample)
    if 5 * sum(map(len, CJK_RUN.findall(sample, 0, len(sample) // 3 + 1))) > len(sample):
        return
    han = sum(map(len, CJK_RUN.findall(sample)))
    letters = han + sum(map(len, LATIN_RUN.findall(sample)))
    if han == 0 or han < CHINESE_LEAST * letters:
        share = f"{100 * han / letters:.0f}% of its letters are" if letters else "it has no letters, no"
        raise LoadError(loaded.path, f"not a Chinese document ({share} Chinese characters)")


def _load_by_kind(data: bytes, source: str | os.PathLike, limits: Limits, suffix: str | None) -> LoadedText:
    name = str(source)  # an address stays as written (Path would fold its "//")
    if len(data) > limits.max_file_bytes:
        raise LimitExceeded(name, f"{len(data) / 1e6:.1f} MB, over the {limits.max_file_bytes / 1e6:.0f} MB "
                                  "limit (ZHIBIAO_MAX_FILE_MB)")
    if not data:
        raise LoadError(name, "file is empty")
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data, (suffix if suffix is not None else Path(name).suffix).lower())
    if kind in ("doc", "wps"):
        from zhibiao.load.doc import load_doc

        return load_doc(name, data, sha, limits, kind)
    if kind == "pdf":
        from zhibiao.load.pdf import load_pdf

        return load_pdf(name, data, sha, limits)
    if kind == "docx":
        from zhibiao.load.docx import load_docx

        return load_docx(name, data, sha, limits)
    warnings = []
    nul = data.count(b"\x00")
    if nul and nul * STRAY_NUL_RATIO <= len(data):  # a few NUL bytes in a long text: a bad conversion
        data = data.replace(b"\x00", b"")
        warnings.append(f"{nul} stray NUL byte(s) removed (a damaged conversion?)")
    text, encoding = decode(data, name)
    if "\x00" in text:
        raise binary_data(name, "NUL bytes")
    if text and _printable(text[:4000]) / len(text[:4000]) < 0.85:
        raise binary_data(name)
    if not text.strip():
        raise LoadError(name, "file has no text")
    if kind == "html":
        from zhibiao.load.html import load_html

        # characters XML cannot carry (C0 controls, U+FFFE/U+FFFF): lxml refuses them when the
        # cleaned tree is edited, and the normaliser would drop them anyway
        loaded = load_html(name, XML_ILLEGAL.sub("", text), sha, encoding)
        loaded.warnings[:0] = warnings
        return loaded
    return LoadedText(path=name, format="txt", text=text, sha256=sha, encoding=encoding, warnings=warnings)

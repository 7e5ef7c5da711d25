"""Word 97-2003 (.doc) and WPS Office files: binary compound documents no Python library reads
well, so a Debian converter does it where one is installed — antiword first (small, fast), else
LibreOffice (``soffice --headless --convert-to txt``). Without either, or when the converter
cannot read the file (WPS files often are not Word-compatible), the error says what to do.

The converter runs on a temporary copy, with a time limit and without a shell.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load.limits import Limits
from zhibiao.models import LoadedText

NAMES = {"doc": "Word 97-2003 (.doc)", "wps": "WPS Office (.wps)"}


def converters() -> list[str]:
    """The converters found on PATH, in the order they are tried."""
    return [name for name in ("antiword", "soffice", "libreoffice") if shutil.which(name)]


def _antiword(src: Path, limits: Limits) -> str:
    # -m UTF-8.txt: Unicode output; -w 0: one line per paragraph (no re-wrapping)
    done = subprocess.run([shutil.which("antiword") or "antiword", "-m", "UTF-8.txt", "-w", "0", str(src)],
                          capture_output=True, timeout=limits.max_seconds, check=False)
    if done.returncode != 0:
        raise RuntimeError((done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"])[-1])
    return done.stdout.decode("utf-8", "replace")


def _soffice(src: Path, limits: Limits, program: str) -> str:
    out = src.parent / "out"
    out.mkdir()
    profile = src.parent / "profile"  # a private profile: no lock shared with a running LibreOffice
    done = subprocess.run([shutil.which(program) or program, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(out), str(src)],
                          capture_output=True, timeout=limits.max_seconds, check=False)
    result = out / (src.stem + ".txt")
    if done.returncode != 0 or not result.exists():
        raise RuntimeError((done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1])
    return result.read_text("utf-8-sig", errors="replace")


def load_doc(path: str, data: bytes, sha: str, limits: Limits, kind: str = "doc") -> LoadedText:
    what = NAMES.get(kind, NAMES["doc"])
    found = converters()
    if not found:
        raise LoadError(path, f"a {what} file: install antiword or LibreOffice to read it "
                              "(apt-get install antiword), or save it as DOCX or PDF")
    problems = []
    with tempfile.TemporaryDirectory(prefix="zhibiao-doc-") as tmp:
        src = Path(tmp) / ("document.wps" if kind == "wps" else "document.doc")
        src.write_bytes(data)
        os.chmod(src, 0o600)
        for name in found:
            try:
                text = _antiword(src, limits) if name == "antiword" else _soffice(src, limits, name)
            except subprocess.TimeoutExpired:
                raise LimitExceeded(path, f"converting the {what} file took longer than {limits.max_seconds:g} s "
                                          "(ZHIBIAO_MAX_SECONDS)") from None
            except (RuntimeError, OSError) as exc:
                problems.append(f"{name}: {exc}")
                continue
            if text.strip():
                return LoadedText(path=path, format="doc", text=text.replace("\r\n", "\n").strip("\n") + "\n",
                                  sha256=sha, encoding=None)
            problems.append(f"{name}: no text")
    raise LoadError(path, f"the {what} file could not be read ({'; '.join(problems)}); save it as DOCX or PDF")

"""Word documents: paragraphs and tables in document order, tables as tab-separated rows.

python-docx repeats a merged cell in every grid position it covers. A cell merged down is printed
once, in its first row, the rows below left empty (the same layout as Word's "save as text"); a
cell merged across columns is printed in each column it spans (load/cells.py: it holds for each).
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load.cells import spread_across
from zhibiao.load.limits import Limits
from zhibiao.models import LoadedText


def _check_zip(path: str | Path, data: bytes, limits: Limits) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise LoadError(str(path), "DOCX is damaged or truncated (not a readable zip archive)") from None
    with zf:
        names = zf.namelist()
        if "word/document.xml" not in names:
            raise LoadError(str(path), "not a Word document (a zip archive without word/document.xml)")
        total = sum(info.file_size for info in zf.infolist())
        if total > limits.max_decompressed_bytes:
            raise LimitExceeded(str(path), f"DOCX would decompress to {total / 1e6:.0f} MB, over the "
                                           f"{limits.max_decompressed_bytes / 1e6:.0f} MB limit (a zip bomb?)")
        try:
            with zf.open("word/document.xml") as fh:
                head = fh.read(4096)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise LoadError(str(path), f"DOCX is damaged: {exc}") from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise LoadError(str(path), "DOCX declares XML entities (refused: entity expansion attack)")


def _table_rows(table) -> list[str]:
    rows_out = []
    above: dict[int, object] = {}
    for row in table.rows:
        cells: list[str] = []
        across: list[tuple[int, int]] = []  # (column, columns spanned) of a cell merged across
        first_col: dict[int, int] = {}  # a cell's first column in this row, by id
        for col, cell in enumerate(row.cells):
            tc = cell._tc
            if above.get(col) is tc:
                cells.append("")  # merged down: its text in its first row only
            elif id(tc) in first_col:
                cells.append("")
                start = first_col[id(tc)]
                if across and across[-1][0] == start:
                    across[-1] = (start, across[-1][1] + 1)
                else:
                    across.append((start, 2))
            else:
                cells.append(" ".join(cell.text.split()))
                first_col[id(tc)] = col
            above[col] = tc
        cells = spread_across(cells, across)
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            rows_out.append("\t".join(cells))
    return rows_out


def load_docx(path: str | Path, data: bytes, sha: str, limits: Limits) -> LoadedText:
    _check_zip(path, data, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a broken package
        raise LoadError(str(path), f"DOCX could not be read: {type(exc).__name__}: {exc}") from None
    parts: list[str] = []
    try:
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "p":
                parts.append(Paragraph(child, document).text)
            elif tag == "tbl":
                parts.append("\n".join(_table_rows(Table(child, document))))
    except Exception as exc:  # a damaged document body: python-docx raises many types
        raise LoadError(str(path), f"DOCX body could not be read: {type(exc).__name__}: {exc}") from None
    text = "\n\n".join(p for p in parts if p.strip())
    if not text.strip():
        raise LoadError(str(path), "DOCX has no text")
    title = (document.core_properties.title or "").strip() or None
    return LoadedText(path=str(path), format="docx", text=text + "\n", sha256=sha, title=title)

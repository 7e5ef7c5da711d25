"""Build the corpus's PDF and DOCX documents from their text sources in src/ (deterministic: the
same sources give the same bytes). Run from the repository root after editing a source:

    .venv/bin/python tests/corpus/build.py

Tab-separated runs of lines become real tables (a ruled PDF table via tests/formats.py, a Word
table here). In a Word table source a cell `←` is merged into the cell on its left and a cell `↑`
into the cell above, as two-row headers are printed (2023年 over 目标 / 实际).
"""
from __future__ import annotations

import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the writers the tests use for every format

from formats import blocks, write_pdf  # noqa: E402

LEFT, UP = "←", "↑"


def write_docx_merged(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    stamp = datetime.datetime(2024, 1, 1)  # fixed, so a rebuild changes nothing but the content
    document.core_properties.created = document.core_properties.modified = stamp
    for kind, value in blocks(text):
        if kind == "p":
            document.add_paragraph(value)
            continue
        table = document.add_table(rows=len(value), cols=len(value[0]))
        table.style = "Table Grid"
        for r, row in enumerate(value):
            for c, cell in enumerate(row):
                if cell not in (LEFT, UP):
                    table.cell(r, c).text = cell
        for r, row in enumerate(value):  # merge after filling, so a merged cell keeps its first text only
            for c, cell in enumerate(row):
                if cell == LEFT:
                    table.cell(r, c - 1).merge(table.cell(r, c))
                elif cell == UP:
                    table.cell(r - 1, c).merge(table.cell(r, c))
    document.save(str(path))
    _fix_zip_times(path)
    return path


def _fix_zip_times(path: Path) -> None:
    """Rewrite the zip with one fixed timestamp per entry: the same source gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


BUILDS = [
    (write_pdf, "bulletin_yichang_2024.txt", "bulletin_yichang_2024.pdf"),
    (write_docx_merged, "planreport_renshou_2024.txt", "planreport_renshou_2024.docx"),
]


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no timestamps or random ids: byte-identical PDFs
    for writer, source, target in BUILDS:
        writer((HERE / "src" / source).read_text("utf-8"), HERE / target)


if __name__ == "__main__":
    main()

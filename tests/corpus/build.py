"""Build the corpus's PDF and DOCX documents from their text sources in src/ (deterministic: the
same sources give the same bytes). Run from the repository root after editing a source:

    .venv/bin/python tests/corpus/build.py

Tab-separated runs of lines become real tables (a ruled PDF table, a Word table): see tests/formats.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the writers the tests use for every format

from formats import write_docx, write_pdf  # noqa: E402

BUILDS = [
    (write_pdf, "bulletin_yichang_2024.txt", "bulletin_yichang_2024.pdf"),
]


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no timestamps or random ids: byte-identical PDFs
    for writer, source, target in BUILDS:
        writer((HERE / "src" / source).read_text("utf-8"), HERE / target)


if __name__ == "__main__":
    main()

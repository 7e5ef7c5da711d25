"""Build the example corpus's DOCX and PDF from their TXT sources (deterministic output: the same
sources give the same files). The sources live in tests/example_sources/, outside examples/, so
that ingesting examples/ stores each example once. Run from the repository root:

    .venv/bin/python examples/build.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
SOURCES = TESTS / "example_sources"
sys.path.insert(0, str(TESTS))  # the writers the tests use for every format

from formats import write_docx, write_pdf  # noqa: E402


def _fixed_zip_times(path: Path) -> None:
    """A DOCX is a zip whose entries carry the time they were written: set them to one fixed time
    so that the same source gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            zout.writestr(fixed, data)


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no timestamps or random ids: byte-identical PDFs
    write_docx((SOURCES / "huzhou_2024_plan.txt").read_text("utf-8"), HERE / "huzhou_2024_plan.docx")
    _fixed_zip_times(HERE / "huzhou_2024_plan.docx")
    write_pdf((SOURCES / "zhejiang_2024_plan.txt").read_text("utf-8"), HERE / "zhejiang_2024_plan.pdf")


if __name__ == "__main__":
    main()

"""Build the example corpus's DOCX and PDF from their TXT sources in src/ (deterministic output:
the same sources give the same files). Run from the repository root:

    .venv/bin/python examples/build.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the writers the tests use for every format

from formats import write_docx, write_pdf  # noqa: E402


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no timestamps or random ids: byte-identical PDFs
    write_docx((HERE / "src" / "huzhou_2024_plan.txt").read_text("utf-8"), HERE / "huzhou_2024_plan.docx")
    write_pdf((HERE / "src" / "zhejiang_2024_plan.txt").read_text("utf-8"), HERE / "zhejiang_2024_plan.pdf")


if __name__ == "__main__":
    main()

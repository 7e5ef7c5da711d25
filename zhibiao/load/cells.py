"""A table cell merged across columns, as the HTML, DOCX and PDF loaders print it.

A cell merged across several columns (HTML ``colspan``, Word's gridSpan, a PDF cell over two
columns) holds for every column it spans: ``完成国家下达目标`` over 2024年目标 | 2025年目标 is the
target of both years. So its text is printed in each of them; the table reader keeps a copy only
where the merged cell starts in a value column and the copy falls in one (tables.py, merged copies).
A cell that is its row's only text (a title, a heading, a note across the table) is printed once:
it is a line, not a cell of its columns.
"""
from __future__ import annotations


def spread_across(cells: list[str], merged: list[tuple[int, int]]) -> list[str]:
    """``cells`` (one row, a merged cell's text in its first column only) with the text of each
    ``(column, columns spanned)`` in ``merged`` repeated in every column it spans."""
    if not merged or sum(1 for c in cells if c) < 2:
        return cells
    out = list(cells)
    for col, span in merged:
        text = cells[col] if col < len(cells) else ""
        if not text:
            continue
        for k in range(col + 1, min(col + span, len(out))):
            out[k] = text
    return out

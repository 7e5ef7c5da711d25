"""Exports: the one CSV and XLSX writer that the CLI, the REST API and the pages share.

Safe by construction, because exported files are opened in spreadsheets and document text is
untrusted: a text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be evaluated as a formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``).

- CSV: such a text cell is prefixed with ``'`` (the convention spreadsheets read as "text"), except a
  comparator alone (``=``) or a signed number (``-2``), which can run nothing and stay as printed.
- XLSX: every text cell is written as a string, never a formula, and flagged ``quotePrefix``,
  so the original text is kept exactly; characters XML cannot carry are dropped.
- Numbers stay numbers in both (−5.6 is a number, not text); dicts and lists become JSON text.

    rows = [{"name": "=1+1", "value": Decimal("-5.6")}]
    csv_text(rows)          # name,value / '=1+1,-5.6  (with a BOM for Excel)
    write_xlsx("out.xlsx", rows, sheet="targets")
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any, Iterable, Iterator, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # so that Excel reads the CSV as UTF-8
# Control characters that the XLSX format (XML 1.0) cannot carry at all.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# what opens with a formula character and yet can run nothing: a comparator alone (=) or a signed
# number (-2, +3.5%) — left as printed, so that a tool reading the CSV reads the comparator and the
# number the JSON has, not '= and '-2
HARMLESS = re.compile(r"[=+\-]|[+\-]?\d+(?:\.\d+)?%?")


def inert(text: str) -> str:
    """Text a spreadsheet will show as text: a leading formula character gets a ``'`` before it,
    unless the text is a comparator alone or a signed number (``HARMLESS``)."""
    return "'" + text if text.startswith(FORMULA_START) and HARMLESS.fullmatch(text) is None else text


def plain(value: Any) -> Any:
    """A value as one cell: numbers stay numbers (Decimal kept exact), None stays empty,
    dicts and lists become JSON text, anything else its text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, datetime, date)):
        return value
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def columns_of(rows: Sequence[dict], columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    out: list[str] = []
    for r in rows[:1]:
        out.extend(r)
    return out


def csv_cell(value: Any) -> Any:
    v = plain(value)
    if isinstance(v, float) and not math.isfinite(v):  # NaN, infinity: no such figure
        return ""
    if isinstance(v, Decimal):
        return format(v, "f") if v.is_finite() else ""
    return inert(v) if isinstance(v, str) else v


def iter_csv(rows: Iterable[dict], columns: Sequence[str], bom: bool = True) -> Iterator[str]:
    """CSV text piece by piece (a header, then a row at a time): for streamed responses."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([inert(str(c)) for c in columns])
    yield (BOM if bom else "") + buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow([csv_cell(row.get(c)) for c in columns])
        yield buf.getvalue()


def csv_text(rows: Iterable[dict], columns: Sequence[str] | None = None, bom: bool = True) -> str:
    rows = list(rows)
    return "".join(iter_csv(rows, columns_of(rows, columns), bom=bom))


def write_csv(target: str | os.PathLike | IO[str], rows: Iterable[dict], columns: Sequence[str] | None = None,
              bom: bool = True) -> None:
    """To a file (UTF-8 with a BOM, for Excel) or an open text stream."""
    text = csv_text(rows, columns, bom=bom)
    if hasattr(target, "write"):
        target.write(text)
    else:
        with open(target, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)


def _xlsx_value(value: Any) -> Any:
    v = plain(value)
    if isinstance(v, float) and not math.isfinite(v) or isinstance(v, Decimal) and not v.is_finite():
        return None
    if isinstance(v, str):
        return _XML_ILLEGAL.sub("", v)
    return v


def write_xlsx(target: str | os.PathLike | IO[bytes], rows: Iterable[dict], columns: Sequence[str] | None = None,
               sheet: str = "zhibiao") -> None:
    """One sheet: the header, then a row per dict. Text is always a string cell, never a formula."""
    import openpyxl

    rows = list(rows)
    columns = columns_of(rows, columns)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "_", sheet)[:31] or "zhibiao"
    for r, values in enumerate([list(columns)] + [[row.get(c) for c in columns] for row in rows], start=1):
        for c, value in enumerate(values, start=1):
            set_cell(ws.cell(row=r, column=c), value)
    wb.save(target)


def set_cell(cell, value: Any) -> None:
    """One openpyxl cell, the safe way: text a string (never a formula), numbers numbers."""
    v = _xlsx_value(value)
    cell.value = v
    if isinstance(v, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula
        if v.startswith(FORMULA_START):
            cell.quotePrefix = True


def xlsx_bytes(rows: Iterable[dict], columns: Sequence[str] | None = None, sheet: str = "zhibiao") -> bytes:
    buf = io.BytesIO()
    write_xlsx(buf, rows, columns, sheet)
    return buf.getvalue()


XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

"""Breakdown tables (分解表): the targets a document assigns to each region below it.

A province's plan notice often appends 各设区市主要指标分解表 — one row a city, one column an
indicator::

    设区市	地区生产总值增长（%）	城镇新增就业（万人）
    南昌市	6左右	8.5

Each filled cell is a target of the row's region, not of the document's own: an *allocation*,
kept apart from the document's targets (``Extraction.allocations``) with the region as printed;
the catalogue resolves the region among the document's own region's divisions. A row of the whole
(全省, 合计) restates the document's own targets and is passed over.

The table is recognised by its header alone — a first cell naming the regions' column
(``table_vocab.yaml`` ``breakdown.region_headers``), the others names of indicators — and by a
caption or header naming targets (``breakdown.target_words``) and no results
(``breakdown.result_words``). Cells parted by tabs (a Word, HTML or PDF table, or spaces: the
normaliser makes a spaced table's gaps tabs) or ``|``; the rows end at the first line that is not
a region's row (a header printed again after a page break is passed over).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from zhibiao.extract.columns import TABLE_WORDS, clean_name, unit_in_name
from zhibiao.extract.grammar import ParsedTarget, parse_target
from zhibiao.text.scan import alternation

_WORDS: Final = TABLE_WORDS["breakdown"]
REGION_HEADER: Final = re.compile(rf"^(?:{alternation(_WORDS['region_headers'])})$")
TARGET_WORD: Final = re.compile(alternation(_WORDS["target_words"]))
RESULT_WORD: Final = re.compile(alternation(_WORDS["result_words"]))
WHOLE_ROW: Final = re.compile(rf"^(?:{alternation(_WORDS['whole_rows'])})$")
SEQ_HEADER: Final = re.compile(r"^序\s*号$")
# a header's first characters (a regions' column's, or 序号's): the only lines worth splitting into cells
HEADER_FIRSTS: Final = frozenset(w[0] for w in _WORDS["region_headers"]) | {"序"}
ANY_REGION_HEADER: Final = re.compile(alternation(_WORDS["region_headers"]))
# a region as a row prints it: Chinese characters only (南昌市, 赣江新区, 南昌), a bracketed note allowed after
REGION_CELL: Final = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:[（(][\u4e00-\u9fff、]{1,12}[）)])?$")
HAN: Final = re.compile(r"[\u4e00-\u9fff]")
YEAR_IN: Final = re.compile(r"(\d{4})\s*年")
SPACES: Final = re.compile(r"[ \u3000]+")
CAPTION_LINES: Final = 3  # lines above a header searched for its caption
CAPTION_LONGEST: Final = 40  # characters of a caption's line, at most
NAME_LONGEST: Final = 30  # characters of an indicator's name in a header cell


@dataclass
class AllocationCell:
    """One target a breakdown table assigns to a region below the document's."""

    region: str
    region_span: tuple[int, int]
    name: str
    name_span: tuple[int, int]
    unit: str | None
    text: str
    parsed: ParsedTarget
    span: tuple[int, int]


@dataclass
class BreakdownTable:
    start: int
    end: int
    year: int | None  # the caption's or header's year; None: the plan year's
    cells: list[AllocationCell]


def _cells(line: str, offset: int, sep: str) -> list[tuple[str, int, int]]:
    """A row's cells with their spans (empty cells keep their place)."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for part in line.split(sep):
        out.append((part.strip(), offset + pos + len(part) - len(part.lstrip()), offset + pos + len(part.rstrip())))
        pos += len(part) + 1
    if sep == "|" and out and not out[0][0]:
        out = out[1:]  # (the pipes framing a row are not cells)
        if out and not out[-1][0]:
            out = out[:-1]
    return out


def _separator(line: str) -> str | None:
    if "\t" in line.strip():
        return "\t"
    if line.count("|") >= 2:
        return "|"
    return None  # (cells parted by spaces reach us parted by tabs: text.normalize)


def _squeezed(cell: str) -> str:
    return SPACES.sub("", cell)


def _header(cells: list[tuple[str, int, int]]) -> int | None:
    """Where the regions' column is, when ``cells`` are a breakdown table's header: its first
    cell (after a 序号 one) names the regions, each other names an indicator."""
    first = 1 if cells and SEQ_HEADER.match(_squeezed(cells[0][0])) else 0
    if len(cells) < first + 2 or not REGION_HEADER.match(_squeezed(cells[first][0])):
        return None
    names = [_squeezed(c) for c, _s, _e in cells[first + 1:]]
    if not all(n and len(n) <= NAME_LONGEST and len(HAN.findall(n)) >= 2 for n in names):
        return None
    return first


def _is_row(cells: list[tuple[str, int, int]], at: int) -> bool:
    """A region's row: its name where the header names the regions, a cell after it (a line of
    one cell — the signature under the table, 湖南省人民政府 — is none)."""
    return len(cells) > at + 1 and REGION_CELL.match(_squeezed(cells[at][0])) is not None


def _caption(text: str, start: int) -> str:
    """The short lines just above a header (附件：…, 2026年各设区市主要指标分解表, 单位：%) — up to
    the first of prose (a sentence is no caption: the plan's words above would name targets)."""
    lines: list[str] = []
    end = start
    while len(lines) < CAPTION_LINES and end > 0:
        begin = text.rfind("\n", 0, end - 1) + 1
        line = text[begin:end].strip()
        if len(line) > CAPTION_LONGEST or line.endswith(("。", "；", "：")):
            break
        if line:
            lines.append(line)
        end = begin
    return "\n".join(reversed(lines))


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append((start, end))
        start = end + 1
    return out


def find_breakdown_tables(text: str) -> list[BreakdownTable]:
    """Every breakdown table of ``text`` (no other table's header opens with a regions' column)."""
    out: list[BreakdownTable] = []
    if not ANY_REGION_HEADER.search(text):
        return out  # (most documents: no header word anywhere, one scan)
    lines = _lines(text)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        sep = _separator(line) if line.lstrip(" |\t\u3000")[:1] in HEADER_FIRSTS else None
        at = _header(_cells(line, s, sep)) if sep else None
        if sep is None or at is None:
            i += 1
            continue
        header = _cells(line, s, sep)
        caption = _caption(text, s)
        words = caption + line
        if not TARGET_WORD.search(words) or RESULT_WORD.search(words):
            i += 1
            continue
        columns = [(unit_in_name(clean_name(_squeezed(c))), (cs, ce)) for c, cs, ce in header[at + 1:]]
        cells: list[AllocationCell] = []
        k, last = i + 1, e
        while k < len(lines):
            rs, re_ = lines[k]
            row_line = text[rs:re_]
            if not row_line.strip():
                k += 1
                continue
            row = _cells(row_line, rs, sep)
            if len(row) > at and REGION_HEADER.match(_squeezed(row[at][0])):
                k += 1
                continue  # the header printed again (a page break): the rows go on
            if not _is_row(row, at):
                break
            last = re_
            region, region_start, region_end = row[at]
            for ((name, unit), name_span), (cell, cs, ce) in zip(columns, row[at + 1:]):
                value = _squeezed(cell)
                if not value or WHOLE_ROW.match(_squeezed(region)):
                    continue
                parsed = parse_target(value, column_unit=unit)
                if parsed.kind is None:
                    continue  # (a dash: no target assigned)
                cells.append(AllocationCell(_squeezed(region), (region_start, region_end), name, name_span, unit,
                                            value, parsed, (cs, ce)))
            k += 1
        if cells:
            years = [int(y) for y in YEAR_IN.findall(caption + line)]
            out.append(BreakdownTable(s, last, max(years) if years else None, cells))
        i = max(k, i + 1)
    return out

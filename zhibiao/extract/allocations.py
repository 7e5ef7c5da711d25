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
(``table_vocab.yaml`` ``breakdown.region_headers``), the others names of indicators; or, printed the
other way round, a first cell naming the indicators' column (``indicator_headers``, a ``unit_headers``
cell after it) and regions across — and by a caption or header naming targets
(``breakdown.target_words``) and no results (``breakdown.result_words``). Cells parted by tabs (a
Word, HTML or PDF table, or spaces: the normaliser makes a spaced table's gaps tabs) or ``|``; the
rows end at the first line that is not a row (a header printed again after a page break is passed
over).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from zhibiao.extract.columns import TABLE_WORDS, clean_name, unit_in_name
from zhibiao.extract.grammar import ParsedTarget, parse_target
from zhibiao.extract.lexicon import LEX
from zhibiao.text.scan import LineScanner, alternation

_WORDS: Final = TABLE_WORDS["breakdown"]
REGION_HEADER: Final = re.compile(rf"^(?:{alternation(_WORDS['region_headers'])})$")
TARGET_WORD: Final = re.compile(alternation(_WORDS["target_words"]))
RESULT_WORD: Final = re.compile(alternation(_WORDS["result_words"]))
WHOLE_ROW: Final = re.compile(rf"^(?:{alternation(_WORDS['whole_rows'])})$")
SEQ_HEADER: Final = re.compile(r"^序\s*号$")
INDICATOR_HEADER: Final = re.compile(rf"^(?:{alternation(_WORDS['indicator_headers'])})$")
UNIT_HEADER: Final = re.compile(rf"^(?:{alternation(_WORDS['unit_headers'])})$")
# a header line's opening: the only lines worth splitting into cells (one scan for them, not a split of every line)
HEADER_LINE: Final = LineScanner(
    rf"(?m)^[ \u3000|]*(?:序\s*号[ \u3000]*[\t|][ \u3000|]*)?"
    rf"(?:{alternation(_WORDS['region_headers'])}|{alternation(_WORDS['indicator_headers'])})[ \u3000]*[\t|]")
# a region named in a header (长沙市, 湘西州, 浏阳市, 赣江新区): Chinese characters ending as a division's name does
REGION_NAME: Final = re.compile(rf"^[\u4e00-\u9fff]{{1,12}}(?:{LEX.alt('documents.region_suffixes')})$")
ANY_LABEL: Final = re.compile(r"\S")  # an indicator's row: any name (the rows end at a line of other cells)
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
    # (a year names a column of a year's figures — 2026年目标 — not an indicator: the regions' figures by year)
    if not all(n and len(n) <= NAME_LONGEST and len(HAN.findall(n)) >= 2 and not YEAR_IN.search(n) for n in names):
        return None
    return first


def _columns_header(cells: list[tuple[str, int, int]]) -> tuple[int, int | None] | None:
    """Where the indicators' column (and a 单位 column after it) is, when ``cells`` are the header of a
    breakdown table printed the other way round (指标 | 单位 | 长沙市 | 株洲市 …): the regions across, two
    at least, each a name with a division's ending or a whole's (全省)."""
    first = 1 if cells and SEQ_HEADER.match(_squeezed(cells[0][0])) else 0
    if len(cells) < first + 2 or not INDICATOR_HEADER.match(_squeezed(cells[first][0])):
        return None
    unit_at = first + 1 if UNIT_HEADER.match(_squeezed(cells[first + 1][0])) else None
    regions = [_squeezed(c) for c, _s, _e in cells[(unit_at or first) + 1:]]
    named = [r for r in regions if not WHOLE_ROW.match(r)]
    if len(named) < 2 or not all(REGION_NAME.match(r) for r in named):
        return None
    return first, unit_at


def _is_row(cells: list[tuple[str, int, int]], at: int, label: re.Pattern) -> bool:
    """A row: its label where the header has its column (a region's name, or an indicator's), a cell
    after it (a line of one cell — the signature under the table, 湖南省人民政府 — is none)."""
    return len(cells) > at + 1 and label.search(_squeezed(cells[at][0])) is not None


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


def find_breakdown_tables(text: str) -> list[BreakdownTable]:
    """Every breakdown table of ``text``: a row a region (设区市 | 地区生产总值增长（%） …) or a column a
    region (指标 | 单位 | 长沙市 | 株洲市 …)."""
    out: list[BreakdownTable] = []
    for m in HEADER_LINE.finditer(text):
        s = m.start()
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        if out and s < out[-1].end:
            continue
        line = text[s:e]
        sep = _separator(line)
        if sep is None:
            continue
        header = _cells(line, s, sep)
        at = _header(header)
        across = _columns_header(header) if at is None else None
        if at is None and across is None:
            continue
        caption = _caption(text, s)
        words = caption + line
        if not TARGET_WORD.search(words) or RESULT_WORD.search(words):
            continue
        unit_at: int | None = None
        if at is not None:  # a row a region, a column an indicator
            label = REGION_CELL
            columns = [(unit_in_name(clean_name(_squeezed(c))), (cs, ce)) for c, cs, ce in header[at + 1:]]
        else:
            assert across is not None
            at, unit_at = across
            label = ANY_LABEL
            columns = [((_squeezed(c), None), (cs, ce)) for c, cs, ce in header[(unit_at or at) + 1:]]
        cells: list[AllocationCell] = []
        last, k = e, e + 1
        while k < len(text):
            row_end = text.find("\n", k)
            row_end = len(text) if row_end < 0 else row_end
            row_line = text[k:row_end]
            if row_line.strip():
                row = _cells(row_line, k, sep)
                if len(row) > at and _squeezed(row[at][0]) == _squeezed(header[at][0]):
                    pass  # the header printed again (a page break): the rows go on
                elif not _is_row(row, at, label):
                    break
                elif across is None:
                    last = row_end
                    cells += _region_row(row, at, columns)
                else:
                    last = row_end
                    cells += _indicator_row(row, at, unit_at, columns)
            k = row_end + 1
        if cells:
            years = [int(y) for y in YEAR_IN.findall(caption + line)]
            out.append(BreakdownTable(s, last, max(years) if years else None, cells))
    return out


def _assigned(region: tuple[str, int, int], name: str, name_span: tuple[int, int], unit: str | None,
              cell: tuple[str, int, int]) -> AllocationCell | None:
    """A cell's target for a region (None: empty, a dash, a whole's)."""
    value = _squeezed(cell[0])
    if not value or WHOLE_ROW.match(_squeezed(region[0])):
        return None
    parsed = parse_target(value, column_unit=unit)
    if parsed.kind is None:
        return None  # (a dash: no target assigned)
    return AllocationCell(_squeezed(region[0]), (region[1], region[2]), name, name_span, unit, value, parsed,
                          (cell[1], cell[2]))


def _region_row(row: list[tuple[str, int, int]], at: int, columns: list) -> list[AllocationCell]:
    """A region's row: a target of each indicator's column."""
    found = (_assigned(row[at], name, name_span, unit, cell) for ((name, unit), name_span), cell in zip(columns, row[at + 1:]))
    return [c for c in found if c is not None]


def _indicator_row(row: list[tuple[str, int, int]], at: int, unit_at: int | None, columns: list) -> list[AllocationCell]:
    """An indicator's row: a target of each region's column."""
    name, unit = unit_in_name(clean_name(_squeezed(row[at][0])))
    if unit_at is not None and unit_at < len(row) and _squeezed(row[unit_at][0]):
        unit = _squeezed(row[unit_at][0])
    name_span = (row[at][1], row[at][2])
    found = (_assigned((region, rs, re_), name, name_span, unit, cell)
             for ((region, _u), (rs, re_)), cell in zip(columns, row[(unit_at or at) + 1:]))
    return [c for c in found if c is not None]

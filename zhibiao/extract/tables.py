"""Main-targets tables (主要目标 / 主要指标) in every layout, rebuilt into target rows.

Three layouts reach us as text:

* **tab** — a Word table saved as text: one row per line, cells separated by tabs, a merged cell
  printed in its first row only (HTML, DOCX and PDF loaders emit the same);
* **cell per line** — a web page copied as text: every cell on its own line;
* **space** — a PDF's text layer: cells separated by spaces, wrapped names, a 单位 column,
  a merged target printed once after the rows it covers.

Each layout is first turned into a stream of cells; one assembler then rebuilds rows by the
table's meaning — categories spanning rows, row numbers, parent rows with sub-rows, labels with
no target of their own, targets shared by merged cells — so the rules live in one place.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Final, Iterator

from zhibiao.extract.columns import (TABLE_WORDS, Column, attribute_cells, GridCell, GridLine, GridRow, TableContext, classify, column_vocab, DASHES,
                                     cell_figures, combine, other_regions, unit_in_name, is_decimal_char, is_value_cell, parse_header, read_rows,
                                     joined_name, row_name)
from zhibiao.extract.grammar import (ASSIGNED, BOUND_AFTER, DIRECTION_COMPOUND, RELATIVE, SIZED_DIRECTION, UNIT_WORDS, ParsedTarget, iter_candidates,
                                     parse_target)
from zhibiao.extract.lexicon import LEX
from zhibiao.extract.numbers import ARABIC
from zhibiao.text.scan import alternation, scanner

def opening_characters(words: tuple[str, ...]) -> frozenset[str]:
    """The characters an alternation of ``words`` can match from (a cheap test before trying it)."""
    if not all(words):
        raise ValueError("an empty word matches anywhere: no first character bounds it")
    return frozenset(w[0] for w in words)


UNIT_SET: Final = UNIT_WORDS | {"—", "-", "/", "–"}
UNIT_LONGEST = max(map(len, UNIT_SET))  # characters of the longest unit (a longer token is none)
TARGET_LONGEST: Final = 80  # characters of the longest cell that can state a target (is_target_text)
_DIRECTIONS: Final = LEX.alt("kinds.direction_up", "kinds.direction_down", "kinds.direction_steady")
DIRECTIONAL_TARGET: Final = re.compile(
    rf"^(?:较\d{{4}}年|{LEX.alt('kinds.comparison_prefixes')})?(?:{LEX.alt('kinds.manners', 'kinds.manner_leads')})+(?:{_DIRECTIONS})?$"
    rf"|^(?:{LEX.alt('kinds.directional_phrases')})$"
    rf"|^(?:{LEX.alt('kinds.manner_leads')})?{DIRECTION_COMPOUND.pattern}$"
    rf"|^(?:{SIZED_DIRECTION})$"
)
FIGURE_TOKEN: Final = re.compile(rf"[-−]?{ARABIC}")  # a figure as the numbers module prints one
NAME_SHORTEST: Final = 3  # a name before a row's target, split off by spaces ("山区 26 县…" is a name's pieces)
TARGET_START: Final = re.compile(rf"^(?:较\d{{4}}年|{LEX.alt('targets.cell_openers')})")
TARGET_OPENINGS: Final = opening_characters(("较", *LEX.words("targets.cell_openers")))  # what TARGET_START opens with
SEQ_PREFIX: Final = re.compile(r"^(\d{1,3})\s*[.、．]\s*(?=[^\d\s])")
CN_NUMERALS: Final = "一二三四五六七八九十"
CN_HEADING: Final = re.compile(rf"^[{CN_NUMERALS}]+\s*[、.．]\s*(.+)$")
YEAR_IN: Final = re.compile(r"(\d{4})\s*年")


@dataclass(frozen=True)
class Vocab:
    categories: frozenset[str]
    headers: tuple[re.Pattern, ...]
    naming_header: re.Pattern  # a header of a column without values (序号, 指标名称, 单位 …)
    target_columns: re.Pattern
    generic_labels: frozenset[str]
    attributes: dict
    name_suffix: re.Pattern
    table_end: re.Pattern
    title: re.Pattern
    continuation: re.Pattern  # 续表: the table above goes on (no category, no row)


def _vocab() -> Vocab:
    data = TABLE_WORDS
    naming_header = re.compile(rf"^(?:{alternation(data['naming_headers'])})$")
    return Vocab(
        categories=frozenset(data["categories"]),
        headers=(naming_header, *(re.compile(p) for p in data["headers"])),
        naming_header=naming_header,
        target_columns=re.compile(data["target_columns"]),
        generic_labels=frozenset(data["generic_labels"]),
        attributes=attribute_cells(data),
        name_suffix=re.compile(data["name_suffixes"]),
        table_end=re.compile(data["table_end"]),
        title=re.compile(alternation(data["titles"])),
        continuation=re.compile(data["continuation"]),
    )


VOCAB: Final = _vocab()  # the table vocabulary's patterns, compiled once at import (read in every cell's tests)


def vocab() -> Vocab:
    return VOCAB


# every header pattern in one (a cell is a header when one of them matches it at its start)
HEADER: Final = re.compile("|".join(f"(?:{p.pattern})" for p in VOCAB.headers))


@dataclass
class Cell:
    text: str  # as printed, spaces inside Chinese text removed
    start: int  # span in the normalised text
    end: int
    line: int  # index of the line it came from
    role: str = ""  # what the layout says the cell is: seq | name | unit | target ("" = unknown)
    line_complete: bool = False  # space layout: the line also held a unit or a target
    long_line: bool = False  # space layout: the fragment filled its line (a wrap, not a new cell)

    # Written out (the dataclass would write the same): compiled, a dataclass's generated __init__
    # runs as Python code, several times the cost of this one — and a table makes a Cell per cell.
    def __init__(self, text: str, start: int, end: int, line: int, role: str = "", line_complete: bool = False,
                 long_line: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.role = role
        self.line_complete = line_complete
        self.long_line = long_line


@dataclass
class Row:
    seq: str | None
    category: str | None
    name: str
    name_cell: Cell
    parent: str | None = None
    unit: str | None = None
    target: Cell | None = None
    target_text: str | None = None
    binding: str | None = None
    is_label: bool = False
    value_cells: int = 1
    flags: list[str] = field(default_factory=list)

    def __init__(self, seq: str | None, category: str | None, name: str, name_cell: Cell) -> None:
        # (written out, as Cell's: the assembler makes one a row; every other field starts empty)
        self.seq = seq
        self.category = category
        self.name = name
        self.name_cell = name_cell
        self.parent = None
        self.unit = None
        self.target = None
        self.target_text = None
        self.binding = None
        self.is_label = False
        self.value_cells = 1
        self.flags = []


@dataclass
class TableRow:
    """A rebuilt row, ready to become a Target."""

    seq: str | None
    category: str | None
    name: str
    parent: str | None
    unit: str | None
    text: str
    parsed: ParsedTarget
    year: int | None
    span: tuple[int, int]
    name_span: tuple[int, int]
    binding: str | None
    flags: list[str]
    name_origin: str = "printed"  # composed: a row named with its column (地区生产总值增速, …年均增长)

    def __init__(self, seq: str | None, category: str | None, name: str, parent: str | None, unit: str | None,
                 text: str, parsed: ParsedTarget, year: int | None, span: tuple[int, int],
                 name_span: tuple[int, int], binding: str | None, flags: list[str],
                 name_origin: str = "printed") -> None:
        # (written out, as Cell's: compiled, the dataclass's own would run as Python code)
        self.seq = seq
        self.category = category
        self.name = name
        self.parent = parent
        self.unit = unit
        self.text = text
        self.parsed = parsed
        self.year = year
        self.span = span
        self.name_span = name_span
        self.binding = binding
        self.flags = flags
        self.name_origin = name_origin


@dataclass
class Table:
    start: int
    end: int
    layout: str
    year: int | None
    rows: list[TableRow]
    warnings: list[str]
    lines: list[GridLine] = field(default_factory=list)  # tables read column by column


# ---------------------------------------------------------------- cell classification helpers

SEQ_NUMBER: Final = re.compile(r"\d{1,3}")
# the first characters of the lexicon's magnitudes (万, 亿, 千…): a name opening with one continues the number
# before it (10 万—50 万元群体比例), never follows a row's number
MAGNITUDE_FIRSTS: Final = frozenset(w[0] for w in LEX.words("units.magnitudes"))
LAYOUT_SPACES: Final = scanner(r"(?<=[^A-Za-z]) +| +(?=[^A-Za-z])")
BRACKETED_END: Final = re.compile(r"[（(][^）)]*[）)]$")
_RELATIVE_OPENERS: Final = ("kinds.relative_links", "kinds.relative_comparisons", "kinds.relative_openers")
RELATIVE_OPENER: Final = re.compile(rf"^(?:{LEX.alt(*_RELATIVE_OPENERS)})")
RELATIVE_OPENINGS: Final = opening_characters(LEX.words(*_RELATIVE_OPENERS))  # what RELATIVE_OPENER opens with
# two tests of is_target_text that say yes whatever else holds, as one pattern found by one scan for
# their first characters: a phrase of assignment anywhere, or a directional target filling the cell
ASSIGNED_OR_DIRECTIONAL: Final = scanner(rf"(?:{ASSIGNED.pattern})|(?:{DIRECTIONAL_TARGET.pattern})")
FIGURE_END: Final = re.compile(rf"[\d%‰]\s*(?:{BOUND_AFTER})?[)）]?$")
DIGIT: Final = re.compile(r"\d")
TOKEN: Final = re.compile(r"\S+")
SPACED_ROW: Final = re.compile(r"^\s*\d{1,3} \S")
# a row named by a fragment only (增长, 占投资比重): a part of the name on the row above
# a sub-row's mark before its name (其中：氮氧化物; table_vocab.yaml sub_row_marks)
SUB_ROW: Final = column_vocab().sub_row
NAME_FRAGMENT: Final = re.compile(rf"{alternation(TABLE_WORDS['name_fragments'])}|占.{{0,8}}比重")

def squeeze(text: str) -> str:
    """Drop layout spaces inside a cell (spaces between Latin words stay)."""
    text = text.strip()
    return LAYOUT_SPACES.sub("", text) if " " in text else text  # (it drops runs of " " only)


def is_header(text: str) -> bool:
    return HEADER.match(text.replace(" ", "")) is not None


def is_unit(text: str) -> bool:
    return text.replace(" ", "") in UNIT_SET


def _reach_from_end(rx: re.Pattern) -> int | None:
    """How far from a text's end a match of ``rx`` can start, when every match of it ends at the
    end (the pattern ends with ``$`` or ``\\Z``, not multi-line) and is at most some characters long: that
    length, and one for the final newline ``$`` may stand before. ``None``: not so bounded."""
    parser: Any = importlib.import_module("re._parser")  # (the parser behind re, Python 3.11+)
    consts: Any = importlib.import_module("re._constants")
    parsed = parser.parse(rx.pattern, rx.flags)
    ends = ((consts.AT, consts.AT_END), (consts.AT, consts.AT_END_STRING))  # $ and \Z
    if (rx.flags | parsed.state.flags) & re.MULTILINE or not parsed.data or parsed.data[-1] not in ends:
        return None
    _low, high = parsed.getwidth()
    return high + 1 if high < consts.MAXREPEAT else None


NAME_SUFFIX_REACH = _reach_from_end(VOCAB.name_suffix)


def _ends_with_name_suffix(text: str) -> bool:
    """``VOCAB.name_suffix.search(text)``, the pattern tried only where a match can start (near
    the end): the same answer (a look-behind still sees the text before)."""
    if NAME_SUFFIX_REACH is None:
        return VOCAB.name_suffix.search(text) is not None
    return VOCAB.name_suffix.search(text, max(0, len(text) - NAME_SUFFIX_REACH)) is not None


def _may_end_bracketed(text: str) -> bool:
    """Can BRACKETED_END match: does the text end with a closing bracket (its ``$`` may stand
    before a final newline)?"""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return last in ("）", ")")


def is_name_like(text: str) -> bool:
    if len(text) > 200:
        return False  # no indicator's name is this long (and the patterns below stay bounded)
    return _ends_with_name_suffix(text.rstrip("）)").rstrip()) or (
        _may_end_bracketed(text) and BRACKETED_END.search(text) is not None
        and _ends_with_name_suffix(BRACKETED_END.sub("", text)))


def _worded_target(t: str) -> bool:
    """A target in words, whatever else the cell holds: a phrase of assignment anywhere, a directional
    target filling the cell, or a relative one opening it (与经济增长同步)."""
    if ASSIGNED_OR_DIRECTIONAL.search(t):  # (ASSIGNED.search or DIRECTIONAL_TARGET.match)
        return True
    return t[0] in RELATIVE_OPENINGS and RELATIVE_OPENER.match(t) is not None and RELATIVE.search(t) is not None


def is_target_text(text: str) -> bool:
    """Does this cell state a target (rather than name an indicator)?"""
    t = text.strip()
    if not t or len(t) > TARGET_LONGEST:
        return False
    # (a figure first: most cells asked print one, and then the answer is yes unless a name holds it —
    # the two tests after it say yes whatever else holds, so a cell with a figure asks them only then)
    if next(iter_candidates(t), None) is not None:  # (a figure: the first found is enough)
        return not is_name_like(t) or FIGURE_END.search(t) is not None or _worded_target(t)
    if _worded_target(t):
        return True
    start = TARGET_START.match(t) if t[0] in TARGET_OPENINGS else None
    if start and len(t) > start.end() + 1 and not is_name_like(t):
        return True
    return False


class TargetTexts:
    """:func:`is_target_text` of the cells of one table, each text tested once (the assembler and
    the space layout ask again of a cell, and of the cell after it); made for each table, so it
    holds nothing of another document."""

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    def __call__(self, text: str) -> bool:
        known = self._known.get(text)
        if known is None:
            known = self._known[text] = is_target_text(text)
        return known


def is_seq_number(text: str) -> bool:
    """``SEQ_NUMBER.fullmatch(text)``: one to three digits (``\\d`` is what str.isdecimal says)."""
    n = len(text)
    return 0 < n <= 3 and is_decimal_char(text[0]) and (n < 2 or is_decimal_char(text[1])) and (
        n < 3 or is_decimal_char(text[2]))


def cn_heading(text: str) -> re.Match[str] | None:
    """``CN_HEADING.match(text)``, tried only where the text opens with a Chinese numeral."""
    return CN_HEADING.match(text) if text[:1] in CN_NUMERALS else None


# a caption's mark opening a cell (专栏1 经济发展 | 地区生产总值…: a box's caption glued to its first row's category):
# the box's, no part of the category
CAPTION_MARK: Final = re.compile(rf"^(?:{alternation(TABLE_WORDS['caption_openers'])})\s*(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})?\s*[:：]?\s*")


def without_caption_mark(text: str) -> str:
    """A category cell's words without a caption's mark opening them (专栏1 经济发展 → 经济发展)."""
    mark = CAPTION_MARK.match(text) if text[:1] in CAPTION_FIRSTS else None
    return text[mark.end():] if mark is not None else text


CAPTION_FIRSTS: Final = frozenset(w[0] for w in TABLE_WORDS["caption_openers"])
# a line a caption's mark and its number open: the next box's or table's (a table's rows never open so)
NEXT_CAPTION: Final = re.compile(rf"(?:{alternation(TABLE_WORDS['caption_openers'])})\s*(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})")


def seq_prefix(text: str) -> re.Match[str] | None:
    """``SEQ_PREFIX.match(text)``, tried only where the text opens with a digit."""
    return SEQ_PREFIX.match(text) if is_decimal_char(text[:1]) else None


def looks_like_category(text: str) -> bool:
    t = text.strip()
    if t in VOCAB.categories:
        return True
    m = cn_heading(t)
    if m and len(m.group(1)) <= 10:
        return True
    return 2 <= len(t) <= 6 and not DIGIT.search(t) and not is_name_like(t)


# ---------------------------------------------------------------- finding tables

def _line_bounds(text: str, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int]]:
    """The lines of ``text[:stop]`` from ``start`` on, as (start, end) (without copying that text)."""
    pos = start
    n = len(text) if stop is None else min(stop, len(text))
    while pos <= n:
        nl = text.find("\n", pos, n)
        end = n if nl < 0 else nl
        yield pos, end
        if nl < 0:
            break
        pos = nl + 1


def _all_line_bounds(text: str) -> list[tuple[int, int]]:
    """``list(_line_bounds(text))``, built from one split."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end))
        pos = end + 1
    return out


def target_column(headers: list[str]) -> int:
    """Which of several value columns holds this year's targets: the latest year's 目标/计划
    column (2022年计划 | 2022年完成 | 2023年计划 -> the last), else the last column."""
    def year(h: str) -> int:
        m = YEAR_IN.search(h)
        return int(m.group(1)) if m else 0

    marked = [k for k, h in enumerate(headers) if VOCAB.target_columns.search(h)]
    if not marked:
        return len(headers) - 1
    return max(marked, key=lambda k: (year(headers[k]), k))


@dataclass
class TableSpan:
    """Where a table is and how it is laid out: from its header to its last row."""

    start: int
    end: int
    year: int | None  # the year a targets table's targets are for (header, else the title above)
    layout: str  # tab | pipe | cell | space
    columns: list[Column] | None = None  # set when the table is read column by column
    body: int = 0  # where the rows start (after the header)
    title: str = ""  # the caption above the header (表1　2023年…)
    note: str = ""  # a note under the table (注：…)
    unit: str | None = None  # 单位：% above the header: the unit of every figure


def reads_by_column(span: TableSpan, ctx: TableContext) -> bool:
    """A table with several kinds of column (targets and results, base values, averages, a
    bulletin's results) is read column by column; a targets table row by row, by the assembler."""
    values = [c for c in span.columns or [] if c.role == "value"]
    if not values:
        return False
    if span.layout in ("space", "cell") and any(c.role == "ignored" and c.region for c in span.columns or []):
        return True  # another region's column beside the own one: only a reading by position can pass over it
    if len(values) >= 2 or any(c.kind not in ("target", None) or c.measure is not None for c in values):
        return True
    only = values[0]
    if only.kind is None:  # a bare year: targets ahead of a plan (or of a document not known), results otherwise
        return ctx.forward is False or bool(ctx.forward and ctx.plan_year and only.year and only.year < ctx.plan_year)
    return False


_CAPTION: Final = re.compile(rf"^(?:表\s*\d+|{alternation(TABLE_WORDS['caption_openers'])})"
                      rf"|(?:{alternation(TABLE_WORDS['caption_endings'])})(?:[（(][^）)]*[）)])?$")
PIPE_SPLIT: Final = re.compile(r"\|")


def _parts(raw: str, sep: str, framed: bool = True) -> list[tuple[str, int]]:
    """The cells of a tab or ``|`` row with their offsets in the line (empty cells keep their
    place; the pipes framing a row are not cells). ``framed=False``: the table's header opens with a
    cell, not a pipe, so a pipe opening this row closes an empty first cell (| | 本月 | 累计 under
    指标 | 单位 | 11月 | 11月)."""
    out, pos = [], 0
    pieces = raw.split(sep)
    for k, piece in enumerate(pieces):
        out.append((piece, pos))
        pos += len(piece) + 1
    if sep == "|":
        if out and not out[0][0].strip() and framed:
            out = out[1:]
        if out and not out[-1][0].strip():
            out = out[:-1]
    return out


def _merged_copies(parts: list[tuple[str, int]], value_at: Callable[[int], bool]) -> list[tuple[str, int]]:
    """``parts`` with the copies of a merged cell blanked: a cell repeating the one on its left is
    the same cell merged across columns (the HTML and DOCX loaders print it in each column it
    spans, load/cells.py). A copy stands only where the cell starts in a value column and the copy
    is in one (完成国家下达目标 over 2024年目标 | 2025年目标: a target of each year); a name, a
    category or a unit merged across columns is read once, as before."""
    out, start = list(parts), 0
    for k in range(1, len(parts)):
        text = parts[k][0].strip()
        if not text or text != parts[k - 1][0].strip():
            start = k
            continue
        if not (value_at(start) and value_at(k)):
            out[k] = ("", parts[k][1])
    return out


def _unread_blanked(parts: list[tuple[str, int]], ignored: frozenset[int]) -> list[tuple[str, int]]:
    """``parts`` with the cells of ignored columns blanked, before merged cells are told: a cell
    merged across 全省目标 | 临沂市目标 | 临沭县目标 (or equal by chance: 6 | 6) is the own column's too."""
    return [("", at) if k in ignored else (p, at) for k, (p, at) in enumerate(parts)] if ignored else parts


def _row_sep(raw: str) -> str | None:
    if "\t" in raw and "\t" in raw.strip():
        return "\t"
    if "|" in raw and raw.count("|") >= 2 and len([p for p in raw.split("|") if p.strip()]) >= 2:
        return "|"
    return None


def _cell_line(raw: str) -> str:
    """A line of a one-cell-per-line table, without the pipes some pages frame cells with."""
    return raw.strip().strip("|").strip()


_NOT_IN_HEADER: Final = re.compile(r"[。，；：,;:]")


def _header_like(cell: str) -> bool:
    """Could this cell title a column the vocabulary does not know (全省排名, 责任单位): a short
    phrase, no figure, no unit, no sentence?"""
    t = squeeze(cell)
    return 0 < len(t) <= 16 and not is_value_cell(t) and not is_unit(t) and not _NOT_IN_HEADER.search(t)


def _dated_values(cols: list[Column]) -> bool:
    """A name column and a value column of a year, a target or a result (指标 | 年度目标 | 实际完成):
    the header of a table whatever else it prints."""
    return any(c.role == "name" for c in cols) and any(
        c.role == "value" and (c.year is not None or c.year_offset is not None or c.kind in ("target", "actual", "estimate"))
        for c in cols)


def _header_row(raw: str, sep: str, offset: int = 0) -> list[Column] | None:
    """The columns of a tab or ``|`` header row. Cells the vocabulary does not know (one beside
    two known ones, or any number of short titles beside a name column and a column of a year, a
    target or a result: 完成率（%） | 是否完成 | 全省排名 | 责任单位) are ignored columns: read past."""
    parts = _parts(raw, sep)
    cols: list[Column] = []
    unknown: list[Column] = []
    for k, (piece, pos) in enumerate(parts):
        if not piece.strip():
            continue
        span = (offset + pos, offset + pos + len(piece))
        c = parse_header(piece)
        if c is None:
            unknown.append(Column(index=k, label=squeeze(piece), role="ignored", span=span))
            continue
        c.index, c.span = k, span
        cols.append(c)
    if len(cols) < 2:
        return None
    if _dated_values(cols) and all(_header_like(c.label) for c in unknown):
        return sorted(cols + unknown, key=lambda c: c.index)
    if len(unknown) <= (1 if len(cols) >= 3 else 0):
        if not any(c.role == "value" for c in cols):
            return cols  # (beside no column of values the cell may title the values: 2025年增长目标, read by meaning)
        return sorted(cols + unknown, key=lambda c: c.index)
    return None


def _ignored(columns: list[Column] | None) -> frozenset[int]:
    """The indexes of a header's ignored columns (their cells are read past)."""
    return frozenset(c.index for c in columns or [] if c.role == "ignored")


def _header_again(filled: list[tuple[int, str]], ignored: frozenset[int]) -> bool:
    """Is a row the header printed again (after a page break): every cell a column title or in an
    ignored column, two titles at least?"""
    titles = 0
    for k, p in filled:
        if parse_header(p) is not None:
            titles += 1
        elif k not in ignored:
            return False
    return titles >= 2


def _sub_header(raw: str, sep: str, top: list[Column], offset: int = 0, framed: bool = True) -> list[Column] | None:
    """A second header row (绝对值 | 增速（%） under 2022年计划, 目标 | 实际 under 2023年): the
    columns it refines, each combined with the label above it — a label printed once over the
    columns after it, or in each column it spans (a merged cell expanded: 11月 | 11月 over 本月 | 累计),
    which then refines none past its last copy (同比增长% after them is a column of its own)."""
    parts = _parts(raw, sep, framed)
    subs = []
    for k, (piece, pos) in enumerate(parts):
        if not piece.strip():
            continue
        c = parse_header(piece)
        if c is None or c.role != "value":
            return None
        c.index, c.span = k, (offset + pos, offset + pos + len(piece))
        subs.append(c)
    if not subs or not any(not p.strip() for p, _ in parts[:subs[0].index]):
        return None
    out = [c for c in top if c.index < subs[0].index or (c.role != "value" and c.index not in {x.index for x in subs})]
    values_above = sorted((c for c in top if c.role == "value"), key=lambda c: c.index)
    copied = {c.index for prev, c in zip(values_above, values_above[1:])
              if c.index == prev.index + 1 and c.label == prev.label}  # (a merged cell's copies after its first)
    for sub in subs:
        above = [c for c in values_above if c.index <= sub.index]
        if above and above[-1].index in copied and sub.index > above[-1].index:
            above = []  # past the last copy of a label printed in every column it spans: not under it
        if above:
            merged = combine(above[-1], sub)
            out.append(merged)
        else:
            out.append(sub)
    # columns of the first row that no sub-header refines (属性 at the end)
    taken = {c.index for c in out}
    out += [c for c in top if c.index not in taken and c.index > subs[-1].index]
    return sorted(out, key=lambda c: c.index)


SUB_HEADER_ROWS: Final = 2  # a header's rows below its first, at most


def _may_sub_header(raw: str, sep: str) -> bool:
    """Could a line be a header's row below its first, cells split by ``sep``: cells after an empty first one
    (_sub_header asks what they say), one filled cell at least (|  | 同比增长（%）, \t\t同比增长（%））?"""
    return _row_sep(raw) == sep or (raw.count(sep) >= 2 if sep == "|" else sep in raw and not raw[:1].strip())


def _is_row_line(raw: str, layout: str) -> bool:
    if layout == "tab":
        return "\t" in raw and bool(raw.strip())
    if layout == "pipe":
        return "|" in raw
    return False


_STOP_INSIDE: Final = re.compile(r"[。；;].")


def _prose(line: str) -> bool:
    t = line.strip()
    return len(t) > 40 or (t.endswith("。") and len(t) > 12) or (len(t) > 20 and bool(_STOP_INSIDE.search(t)))


def _table_end(text: str, lines: list[tuple[int, int]], j: int, layout: str) -> int:
    """Index of the first line after the table whose rows start at line ``j``."""
    v = VOCAB
    k = j
    while k < len(lines):
        raw = text[lines[k][0]:lines[k][1]]
        line = raw.strip()
        if not line:
            k += 1
            continue
        if v.table_end.match(line):
            break
        if line[:1] in CAPTION_FIRSTS and NEXT_CAPTION.match(line) and _row_sep(raw) is None:
            break  # the caption of the next box or table (专栏4 重点民生指标)
        if layout in ("tab", "pipe"):
            if _is_row_line(raw, layout):
                k += 1
                continue
            nxt = next((text[a:b] for a, b in lines[k + 1:k + 3] if text[a:b].strip()), "")
            if len(line) <= 20 and not _prose(line) and _is_row_line(nxt, layout):
                k += 1  # a category on a line of its own
                continue
            break
        if layout == "space":
            if len(line) > 90 and "。" in line and "\t" not in line:
                break
            k += 1
            continue
        # one cell per line: cells until running text
        if _prose(line):
            break
        k += 1
    if layout == "cell":
        # headings and captions before the text that ends the table are not cells of it
        while k > j:
            raw = text[lines[k - 1][0]:lines[k - 1][1]]
            cell = _cell_line(raw)
            if not raw.strip() or (not is_value_cell(cell) and not is_unit(cell) and cell not in VOCAB.attributes
                                   and cell.strip("|")):
                k -= 1
                continue
            break
    return k


def _caption_above(text: str, lines: list[tuple[int, int]], i: int) -> str:
    for a, b in reversed(lines[max(0, i - 4):i]):
        line = text[a:b].strip()
        if not line or _TABLE_UNIT.match(line):
            continue
        if len(line) <= 60 and not _prose(line) and (_CAPTION.search(line) or VOCAB.title.search(line)):
            return line
        return ""
    return ""


_TABLE_UNIT: Final = re.compile(r"^[（(]?单位\s*[:：]\s*([^\s|）)]{1,8})")


def _unit_above(text: str, lines: list[tuple[int, int]], i: int) -> str | None:
    for a, b in reversed(lines[max(0, i - 2):i]):
        m = _TABLE_UNIT.match(text[a:b].strip())
        if m:
            return m.group(1)
    return None


def _note_below(text: str, lines: list[tuple[int, int]], k: int) -> str:
    for a, b in lines[k:k + 3]:
        line = text[a:b].strip()
        if not line:
            continue
        return line if line.startswith("注") else ""
    return ""


def _is_space_header(line: str) -> bool:
    """The header row of a space-separated table (序号 … 指 标 …), first or repeated after a page break;
    without a row number, a line of header cells only, a name column and a column of values or units
    beside it (类别 指标 2020年 2025年 年均增长(%) 属性; 指标 单位 2024年目标 属性)."""
    if not NAME_HEADER.search(line):
        return False
    if SEQ_HEADER.search(line):
        return True
    cols = _space_columns(line, 0)
    return cols is not None and any(c.role == "name" for c in cols) \
        and any(c.role in ("value", "unit") for c in cols)


SEQ_HEADER, NAME_HEADER = re.compile(r"序\s*号"), re.compile(r"指\s*标")


def find_tables(text: str) -> list[TableSpan]:
    """Every table of a text, each from its header to its own last row (the text after a table
    is read like any other text)."""
    tables: list[TableSpan] = []
    lines = _all_line_bounds(text)
    i = 0
    year_hint = None
    while i < len(lines):
        s, e = lines[i]
        raw = text[s:e]
        line = raw.strip()
        if not line:
            i += 1
            continue
        if len(line) < 60 and VOCAB.title.search(line):
            y = YEAR_IN.search(line)
            year_hint = int(y.group(1)) if y else year_hint
        layout, columns, body = None, None, i + 1
        sep = _row_sep(raw)
        if sep:
            columns = _header_row(raw, sep, s)
            if columns:
                layout = "tab" if sep == "\t" else "pipe"
                # the header's rows below its first, each refining the columns above it (11月 | 11月 over 本月 | 累计
                # over 同比增长（%） | 同比增长（%）); one filled cell is a row of a header too (1—11月 over 同比增长（%）)
                for _row in range(SUB_HEADER_ROWS):
                    nxt = next((k for k in range(body, min(body + 2, len(lines))) if text[lines[k][0]:lines[k][1]].strip()), None)
                    if nxt is None:
                        break
                    below = text[lines[nxt][0]:lines[nxt][1]]
                    sub = _sub_header(below, sep, columns, lines[nxt][0], framed=sep != "|" or line.startswith("|")) \
                        if _may_sub_header(below, sep) else None
                    if not sub:
                        break
                    columns, body = sub, nxt + 1
        elif " " in line and _is_space_header(line):
            layout = "space"
            columns = _space_header(raw, s)  # several value columns: read column by column
        else:
            first = parse_header(_cell_line(raw))
            if first is not None and first.role in ("seq", "name", "category"):
                first.span = (s, e)
                cols, k = [first], i + 1
                while k < len(lines) and len(cols) < 12:
                    cell = _cell_line(text[lines[k][0]:lines[k][1]])
                    if not cell:
                        k += 1
                        continue
                    c = parse_header(cell)
                    if c is None:
                        break
                    c.span = lines[k]
                    cols.append(c)
                    k += 1
                if len(cols) >= 2:
                    for n, c in enumerate(cols):
                        c.index = n
                    layout, columns, body = "cell", cols, k
        if layout is None:
            i += 1
            continue
        k = _table_end(text, lines, body, layout)
        last = max(body - 1, k - 1)
        while last > i and not text[lines[last][0]:lines[last][1]].strip():
            last -= 1
        end = lines[last][1]
        caption = _caption_above(text, lines, i)
        header = text[s:lines[max(i, body - 1)][1]][:300]
        header_years = [int(y) for y in YEAR_IN.findall(header)]
        year = max(header_years) if header_years else year_hint
        if not header_years and caption and YEAR_IN.search(caption):
            year = int(YEAR_IN.search(caption).group(1))  # type: ignore[union-attr]
        tables.append(TableSpan(s, end, year, layout, columns, lines[body][0] if body < len(lines) else end,
                                caption, _note_below(text, lines, k), _unit_above(text, lines, i)))
        i = max(k, i + 1)
    # A header repeated after a page break continues the same table.
    merged: list[TableSpan] = []
    for t in tables:
        if merged and not text[merged[-1].end:t.start].strip() and merged[-1].layout == t.layout:
            m = merged[-1]
            m.end, m.year, m.note = t.end, m.year or t.year, t.note or m.note
        else:
            merged.append(t)
    return merged


# ---------------------------------------------------------------- cells from each layout

def detect_layout(text: str, start: int, end: int) -> str:
    lines = [text[s:e] for s, e in _line_bounds(text, start, end) if text[s:e].strip()]
    tabbed = sum(1 for ln in lines if "\t" in ln.strip("\n"))
    spaced = sum(1 for ln in lines if "\t" not in ln and is_decimal_char(ln.lstrip()[:1]) and SPACED_ROW.match(ln))
    if tabbed >= max(2, len(lines) // 4):
        return "tab"
    header_spaced = bool(lines) and " " in lines[0].strip() and bool(SEQ_HEADER.search(lines[0]))
    if spaced >= 3 or (spaced >= 1 and header_spaced):
        return "space"
    return "cell"


def _is_rule_line(raw: str) -> bool:
    """A line drawn between rows (Markdown's |---|:---:|, +----+): no cell of its own."""
    return raw.count("-") >= 3 and not raw.strip(" \t|:+-—=")


def _tab_cells(text: str, start: int, end: int, sep: str = "\t", columns: list[Column] | None = None,
               body: int = -1) -> list[Cell]:
    """The cells of a tab or ``|`` table, row by row. The header's rows (before ``body``, where its
    rows start, and the header printed again) give cells of the role ``header`` — column titles,
    never a name or a parent (项目 over the names, a title the vocabulary does not know) — and the
    cells of its ignored columns are read past."""
    cells = []
    ignored = _ignored(columns)
    # a 备注 column's remarks (同口径, 力争更好结果) are no name and no target; an attribute printed there
    # (约束性指标) is the row's, as a 属性 column's
    notes = frozenset(c.index for c in columns or [] if c.role == "note")
    for li, (s, e) in enumerate(_line_bounds(text, start, end)):
        if _is_rule_line(text[s:e]):
            continue
        seen_name = False
        # (a targets table has one value column: a merged cell's copies are all blanked)
        parts = [(k, part, at) for k, (part, at) in enumerate(_merged_copies(_unread_blanked(_parts(text[s:e], sep), ignored), lambda k: False))
                 if part.strip()]
        header = s < body or (columns is not None and _header_again([(k, p) for k, p, _at in parts], ignored))
        for k, part, at in parts:
            if k in notes and not header:
                part = _note_attribute(part)
            if k in ignored or not part:
                continue
            pos = s + at
            lead = len(part) - len(part.lstrip())
            c = Cell(squeeze(part), pos + lead, pos + len(part.rstrip()), li)
            if header:
                c.role = "header"
            elif is_seq_number(c.text):
                c.role = "target" if seen_name else "seq"
            elif not looks_like_category(c.text) or seen_name or is_unit(c.text):
                seen_name = True  # a unit follows a name: a number after it is a target
            cells.append(c)
    return cells


NOTE_ATTRIBUTE_TAILS: Final = tuple(TABLE_WORDS["note_attribute_tails"])


def _note_attribute(part: str) -> str:
    """What a 备注 cell gives the targets table: the attribute it prints (约束性, 约束性指标: the word alone, at
    its place in the cell), else nothing — a remark (同口径, 力争更好结果) is no name and no target."""
    text = part.strip()
    for tail in NOTE_ATTRIBUTE_TAILS:
        if text.endswith(tail) and text[:-len(tail)] in VOCAB.attributes:
            text = text[:-len(tail)]
            break
    if text not in VOCAB.attributes:
        return ""
    at = part.index(text)
    return " " * at + text


def _split_space_line(line: str, offset: int, li: int, targets=is_target_text) -> list[Cell]:
    """Split a space-layout row: [seq] name… [unit] [target…]. The unit is the rightmost unit
    token after which only a target (or nothing) follows. ``targets``: :func:`is_target_text`, or
    its memo for one table (:class:`TargetTexts`)."""
    toks = [(m.group(), m.start()) for m in TOKEN.finditer(line)]
    if not toks:
        return []
    if len(toks) >= 2 and toks[-1][0] in VOCAB.attributes:
        # "… % 6左右 预期性": the 属性 column is a cell of its own, never part of the target
        word, at = toks[-1]
        attribute = Cell(word, offset + at, offset + at + len(word), li, line_complete=True)
        return _split_space_line(line[:at], offset, li, targets) + [attribute]
    if len(toks) > 2 and is_seq_number(toks[1][0]) and not toks[0][0].isdecimal() \
            and looks_like_category(toks[0][0]):
        # "经济发展 1 地区生产总值增长 % 6左右": the category printed on its first row's line
        first, start = toks[0]
        cells = _split_space_line(line[toks[1][1]:], offset + toks[1][1], li, targets)
        return [Cell(first, offset + start, offset + start + len(first), li, role="category")] + cells

    def cell(a: int, b: int, role: str) -> Cell:
        s0 = toks[a][1]
        e0 = toks[b - 1][1] + len(toks[b - 1][0])
        return Cell(squeeze(line[s0:e0]), offset + s0, offset + e0, li, role=role)

    words = [t for t, _ in toks]
    # the characters of words[i:] (tokens hold no space: a run of them joined is already stripped)
    after = [0] * (len(words) + 1)
    for i in range(len(words) - 1, -1, -1):
        after[i] = after[i + 1] + len(words[i])
    for i in range(len(toks) - 1, -1, -1):
        for width in (3, 2, 1):
            if i - width + 1 < 0:
                continue
            a = i - width + 1
            if after[a] - after[i + 1] > UNIT_LONGEST or "".join(words[a:i + 1]) not in UNIT_SET:
                continue
            if after[i + 1] > TARGET_LONGEST:
                continue  # what follows is too long to be a target (and is not joined: a line stays linear)
            rest = "".join(words[i + 1:])
            if rest and not targets(rest):
                continue
            out: list[Cell] = []
            k = 0
            if a > 0 and is_seq_number(toks[0][0]):
                out.append(cell(0, 1, "seq"))
                k = 1
            if not rest and a - 1 > k and FIGURE_TOKEN.fullmatch(words[a - 1]):
                # the row's figure before its unit, nothing after: the target as printed ("3100 万人次")
                return _whole_line(out + [cell(k, a - 1, "name"), cell(a - 1, i + 1, "target")])
            if a > k:
                out.append(cell(k, a, "name"))
            out.append(cell(a, i + 1, "unit"))
            if rest:
                out.append(cell(i + 1, len(toks), "target"))
            return _whole_line(out)
    out = []
    k = 0
    if is_seq_number(toks[0][0]) and len(toks) > 1:
        out.append(cell(0, 1, "seq"))
        k = 1
    rest = "".join(words[k:])
    # no unit column: the row's last tokens its target, the shortest that reads as one ("人均 GDP 增速
    # 5.5%", "服务业增加值增速 高于 GDP 增速"), with a target's opening word before it ("增长 8%以上"),
    # after a name (a wrapped name's first line is none: "山区 26 县…与全省平"); a row with no number
    # too, when a name by its ending opens it ("  高新技术产业投资增速 15%", a sub-row; not "增长 8%")
    for j in range(len(toks) - 1, k, -1):
        if after[j] > TARGET_LONGEST:
            break
        if not targets("".join(words[j:])):
            continue
        while j - 1 > k and (opener := TARGET_START.match(words[j - 1])) is not None and opener.end() == len(words[j - 1]):
            j -= 1
        name = "".join(words[k:j])
        if targets(name) or len(name) < NAME_SHORTEST or (k == 0 and not is_name_like(name)):
            break
        return _whole_line(out + [cell(k, j, "name"), cell(j, len(toks), "target")])
    if k == 0 and targets(rest) and not is_seq_number(rest):
        return _whole_line([cell(0, len(toks), "target")])
    out.append(cell(k, len(toks), "name" if k or not is_seq_number(rest) else "seq"))
    return out


def _whole_line(cells: list[Cell]) -> list[Cell]:
    """``cells``, marked as a row's whole line (no fragment of a name wrapped onto other lines)."""
    for c in cells:
        c.line_complete = True
    return cells


def _space_cells(text: str, start: int, end: int, targets=is_target_text) -> list[Cell]:
    raw_lines = [(s, e) for s, e in _line_bounds(text, start, end)]
    cells: list[Cell] = []
    skip_until = -1
    for li, (s, e) in enumerate(raw_lines):
        if li <= skip_until:
            continue
        line = text[s:e]
        if not line.strip():
            continue
        if _is_space_header(line):
            continue  # header, first or repeated after a page break
        # A unit wrapped over two lines ("微克 /" + "立方米") is one token.
        nxt_i = next((k for k in range(li + 1, min(li + 4, len(raw_lines)))
                      if text[raw_lines[k][0]:raw_lines[k][1]].strip()), None)
        if line.rstrip().endswith("/") and nxt_i is not None:
            s2, e2 = raw_lines[nxt_i]
            joined = line.rstrip() + text[s2:e2].strip()
            parts = _split_space_line(joined, s, li, targets)
            # offsets past the first line belong to the second: clamp spans to the real text
            for c in parts:
                if c.end > e:
                    c.end = min(e2, s2 + (c.end - e - 1)) if c.start >= e else e2
                    if c.start > e:
                        c.start = s2 + (c.start - len(line.rstrip()) - s)
            cells.extend(parts)
            skip_until = nxt_i
            continue
        parts = _split_space_line(line, s, li, targets)
        name_len = max((len(c.text) for c in parts if not is_seq_number(c.text)), default=0)
        for c in parts:
            c.long_line = name_len >= 12
        cells.extend(parts)
    return _join_fragments(cells, targets)


def _join_fragments(cells: list[Cell], targets=is_target_text) -> list[Cell]:
    """Name fragments on lines of their own: a wrapped name is joined again; short separate cells
    stay apart when a unit/target line follows them (民间投资 / 增长 / 占投资比重)."""
    out: list[Cell] = []
    i = 0
    n = len(cells)
    while i < n:
        c = cells[i]
        if c.line_complete or is_seq_number(c.text) or is_unit(c.text):
            out.append(c)
            i += 1
            continue
        # collect a run of fragment cells (each alone on its line, no unit/target)
        run = [c]
        j = i + 1
        while j < n and not cells[j].line_complete and not is_seq_number(cells[j].text) \
                and cells[j].line != run[-1].line:
            run.append(cells[j])
            j += 1
        following = cells[j] if j < n else None
        followed_by_row = following is not None and following.line_complete and not is_unit(following.text) \
            and not targets(following.text)
        followed_by_seq = following is not None and is_seq_number(following.text)
        groups: list[list[Cell]] = []
        for frag in run:
            if groups and (
                followed_by_row or followed_by_seq
                or groups[-1][-1].text.count("（") > groups[-1][-1].text.count("）")
                or groups[-1][-1].text.count("(") > groups[-1][-1].text.count(")")
                or groups[-1][-1].long_line
            ):
                groups[-1].append(frag)
            else:
                groups.append([frag])
        for g in groups:
            out.append(Cell("".join(x.text for x in g), g[0].start, g[-1].end, g[0].line,
                            long_line=g[-1].long_line))
        i = j
    return out


def _line_cells(text: str, start: int, end: int) -> list[Cell]:
    cells = []
    for li, (s, e) in enumerate(_line_bounds(text, start, end)):
        part = text[s:e]
        if part.strip():
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(squeeze(part), s + lead, s + len(part.rstrip()), li))
    return cells


# ---------------------------------------------------------------- assembling rows

class _Assembler:
    def __init__(self, cells: list[Cell], targets=is_target_text):
        self.cells = cells
        self.targets = targets  # is_target_text (of this table's cells: TargetTexts)
        self.rows: list[Row] = []
        self.category: str | None = None
        self.pending_category: list[Cell] = []
        self.seq: str | None = None
        self.group: list[Row] = []  # rows of the current row number
        self.label: Row | None = None  # the parent of the current sub-rows
        self.last_seq_num = 0
        self.warnings: list[str] = []
        self.value_columns: list[str] = []
        self.marked_label = False  # the current label is the main row of sub-rows printed with 其中：

    def expected_seq(self, n: int) -> bool:
        return self.last_seq_num < n <= self.last_seq_num + 2 or (self.last_seq_num == 0 and n <= 3)

    def run(self) -> list[Row]:
        v = VOCAB
        cells = self.cells
        i = 0
        while i < len(cells):
            c = cells[i]
            t = c.text
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            if not t:
                pass
            elif c.role == "target":
                self.add_target(c)
            elif c.role == "unit":
                self.add_unit(t, starts_line=i == 0 or cells[i - 1].line != c.line)
            elif c.role == "category":
                self.pending_category.append(c)
            elif c.role == "seq" and (self.expected_seq(int(t)) or self.continues_numbering(nxt, c)):
                self.start_group(t)
            elif c.role == "seq" and nxt is not None and nxt.line == c.line:
                # a number that is not the next row number begins a name ("10 万—50 万元群体比例")
                cells[i + 1] = Cell(t + nxt.text, c.start, nxt.end, nxt.line, role=nxt.role,
                                    line_complete=nxt.line_complete)
            elif (not c.role and is_seq_number(t) and self.rows and self.rows[-1].target is None
                  and not self.rows[-1].is_label
                  and not (int(t) == self.last_seq_num + 1 and nxt is not None and not self.targets(nxt.text))):
                self.add_target(c)  # a bare number right after a name is its target (医院数量 / 116)
            elif c.role == "header" or is_header(t):  # (a title of the header row: 项目 too, never a name)
                if is_header(t) and not v.naming_header.match(t.replace(" ", "")):
                    self.value_columns.append(t)
            elif v.continuation.match(t):
                pass  # 续表: the rows go on, no category
            elif t in v.attributes:
                if self.rows:
                    self.rows[-1].binding = v.attributes[t]
            elif is_seq_number(t) and self.expected_seq(int(t)):
                self.start_group(t)
            elif (m := seq_prefix(t)) and self.expected_seq(int(m.group(1))):
                self.start_group(m.group(1))
                name_cell = Cell(t[m.end():].strip(), c.start + m.end(), c.end, c.line)
                self.add_name(name_cell)
            elif is_seq_number(t) and nxt is not None and nxt.line == c.line:
                # a number that is not the next row number begins a name ("10 万—50 万元群体比例")
                cells[i + 1] = Cell(t + nxt.text, c.start, nxt.end, nxt.line, line_complete=nxt.line_complete)
            elif is_unit(t):
                self.add_unit(t)
            elif self.is_category(t, nxt):
                self.pending_category.append(c)
            elif self.targets(t):
                self.add_target(c)
            else:
                self.add_name(c)
            i += 1
        self.finish()
        return self.rows

    # -- cells

    def is_category(self, text: str, nxt: Cell | None) -> bool:
        m = cn_heading(text)
        if m and len(m.group(1)) <= 10 and not self.targets(text):
            return True
        if text in VOCAB.categories:
            return True
        if nxt is None or self.open_label_group():
            return False
        if not self.pending_category and not self.opens_row(nxt.text):
            return False  # no row number comes next
        # a name right under a category heading is followed by its unit or its target (城镇新增就业 / 万人)
        if not looks_like_category(text) or is_unit(nxt.text) or self.targets(nxt.text):
            return False
        return not self.targets(text)

    def opens_row(self, text: str) -> bool:
        """Is this cell the next row number (alone, or before the row's name: 3.城镇新增就业)?"""
        if is_seq_number(text):
            return self.expected_seq(int(text))
        m = seq_prefix(text)
        return m is not None and self.expected_seq(int(m.group(1)))

    def open_label_group(self) -> bool:
        """Inside a parent row whose sub-rows still lack targets (a pollutant list, say)."""
        return bool(self.group) and self.label is not None and self.group[-1].target is None

    def continues_numbering(self, nxt: Cell | None, c: Cell) -> bool:
        """A continued table's first row (续表, an excerpt: 9 | 森林覆盖率) numbers its row wherever the
        numbering stood, when a name follows on its line — not a magnitude continuing the number (10 万—50
        万元群体比例: a name that opens with a number)."""
        return (self.last_seq_num == 0 and not self.rows and nxt is not None and nxt.line == c.line
                and bool(nxt.text) and "\u4e00" <= nxt.text[0] <= "\u9fff" and nxt.text[0] not in MAGNITUDE_FIRSTS)

    def start_group(self, seq: str) -> None:
        self.flush_category()
        self.seq = seq
        self.last_seq_num = int(seq) if seq.isdigit() else self.last_seq_num  # (a column's 一, （二）: no count)
        self.group = []
        self.label = None
        self.marked_label = False

    def flush_category(self) -> None:
        if self.pending_category:
            text = "".join(c.text for c in self.pending_category)
            m = cn_heading(text)
            self.category = m.group(1).strip() if m else text
            self.pending_category = []
            self.group = []  # a new category starts new rows
            self.label = None

    def add_name(self, c: Cell) -> None:
        self.flush_category()
        generic = VOCAB.generic_labels
        if c.text in generic:
            # 结构性指标: the rows that follow are sub-rows of this row number's main row
            self.label = self.group[0] if self.group else None
            self.marked_label = False
            return
        mark = SUB_ROW.match(c.text)
        name = c.text
        if mark is not None and mark.end() < len(name):
            # 其中：氮氧化物: a sub-row of the row number's main row, as under a 其中 label of its own;
            # its name is the words after the mark
            name = name[mark.end():]
            self.label = self.group[0] if self.group else None
            self.marked_label = self.label is not None
        elif self.marked_label and self.seq is None and self.group and self.group[-1].target is not None:
            # in a table without row numbers, a row without the mark after marked sub-rows is a main row
            self.label, self.marked_label, self.group = None, False, []
        row = Row(self.seq, self.category, name, c)
        if not self.group:
            self.group.append(row)
            self.rows.append(row)
            self.label = None
            return
        last = self.group[-1]
        fragment = bool(NAME_FRAGMENT.fullmatch(last.name))
        if last.target is None and last.parent is None:
            last.is_label = True  # a row without a target followed by names: their parent
            self.label = last
            row.parent = last.name
        elif last.target is None:
            siblings = [r for r in self.group[:-1] if r.parent == last.parent]
            if not fragment and any(r.target is not None for r in siblings):
                last.is_label = True  # a sub-row that opens sub-sub-rows (交通、能源和水利投资 → 交通投资)
                self.label = last
                row.parent = last.name
            else:
                row.parent = last.parent  # parallel sub-rows sharing one target (pollutants)
        elif self.label is not None:
            row.parent = self.label.name
        else:
            row.parent = last.parent
        if row.parent is None and self.seq is None and last.target is not None:
            # tables without row numbers: a new name after a complete row is a new row
            self.group = [row]
        else:
            self.group.append(row)
        self.rows.append(row)

    def add_unit(self, unit: str, starts_line: bool = False) -> None:
        if starts_line:
            # a unit on a line of its own (PDF) belongs to every name fragment waiting above it
            for r in reversed(self.rows):
                if r.target is not None or r.unit is not None:
                    break
                if not r.is_label:
                    r.unit = unit.replace(" ", "")
        if self.rows and self.rows[-1].target is None:
            self.rows[-1].unit = unit.replace(" ", "")
        elif self.rows and self.rows[-1].unit is None:
            self.rows[-1].unit = unit.replace(" ", "")

    def add_target(self, c: Cell) -> None:
        self.flush_category()
        if not self.rows:
            self.warnings.append(f"target cell {c.text!r} before any indicator name")
            return
        last = self.rows[-1]
        if last.target is not None:
            if c.text.startswith(("(", "（")) or (last.target_text or "").endswith(("，", ",")):
                last.target_text = (last.target_text or "") + c.text
                last.target = Cell(last.target_text, last.target.start, c.end, c.line)
            elif self.value_columns and len(self.value_columns) > 1:
                # several value columns (last year's result, this year's target): keep the target one
                tcol = target_column(self.value_columns)
                if last.value_cells == tcol:
                    last.target, last.target_text = c, c.text
                last.value_cells += 1
            else:
                self.warnings.append(f"row {last.name!r}: extra cell {c.text!r} ignored")
            return
        last.target, last.target_text = c, c.text
        # A merged target printed once after the rows it covers (PDF): every row just above
        # with a unit but no target shares it.
        idx = len(self.rows) - 2
        while idx >= 0:
            r = self.rows[idx]
            if r.target is not None or r.is_label:
                if r.is_label:
                    idx -= 1
                    continue
                break
            if r.unit is None or last.unit is None:
                break
            r.target, r.target_text = c, c.text
            r.flags.append("merged_target_below")
            idx -= 1

    def finish(self) -> None:
        # Rows with no target cell at all take the merged cell of the row above when it is a
        # qualitative target (完成省下达目标 over a pollutant list); a number is never spread.
        prev_target: Row | None = None
        kinds: dict[str, str | None] = {}  # a target's kind, by its words (rows below one target ask again)
        # a label's 属性, merged down over its sub-rows (printed in its row only), is theirs too
        label_bindings = {r.name: r.binding for r in self.rows if r.is_label and r.binding}
        binding_above: str | None = None  # a 属性 cell merged down over the rows below it is theirs too
        for r in self.rows:
            if r.is_label:
                continue
            if r.binding is None and r.parent is not None and r.parent in label_bindings:
                r.binding = label_bindings[r.parent]
            r.binding = binding_above = r.binding or binding_above
            if r.target is not None:
                prev_target = r
                continue
            if prev_target is not None:
                words = prev_target.target_text or ""
                if words not in kinds:
                    kinds[words] = parse_target(words).kind
                if kinds[words] in ("assigned", "relative", "directional"):
                    r.target, r.target_text = prev_target.target, prev_target.target_text
                    r.flags.append("inherited_from_row_above")
                    continue
            self.warnings.append(f"row {r.name!r}: no target found")


def parse_table(text: str, span: TableSpan) -> Table:
    """A targets table, rebuilt row by row by the assembler."""
    start, end, year = span.start, span.end, span.year
    layout = span.layout if span.layout in ("tab", "pipe", "space") else detect_layout(text, start, end)
    targets = TargetTexts()
    if layout == "tab":
        cells = _tab_cells(text, start, end, "\t", span.columns, span.body)
    elif layout == "pipe":
        cells = _tab_cells(text, start, end, "|", span.columns, span.body)
    elif layout == "space":
        cells = _space_cells(text, start, end, targets)
    else:
        cells = _line_cells(text, start, end)
    asm = _Assembler(cells, targets)
    rows = asm.run()
    out: list[TableRow] = []
    for r in rows:
        if r.is_label or r.target is None:
            continue
        unit = None if r.unit in ("—", "-", "–", "/") else r.unit
        name = r.name
        if unit is None and name:
            name, unit = unit_in_name(name)  # 国内生产总值增长（%） | 4.5—5: the unit is the name's
        name_start = r.name_cell.start
        mark = SUB_ROW.match(text[name_start:r.name_cell.end])
        if mark is not None and SUB_ROW.match(r.name) is None:
            name_start += mark.end()  # (the name of a sub-row starts after its 其中：)
        whole = (r.target.start, r.target.end)
        # (城乡居民人均可支配收入增长 | 城镇6，农村7.5: a target of each part, as in tables read by column)
        figures = cell_figures(text[whole[0]:whole[1]], whole, name) if squeeze(r.target_text or "") == squeeze(text[whole[0]:whole[1]]) \
            else [(name, r.target_text or "", whole)]
        for figure_name, figure, figure_span in figures:
            ttext = squeeze(figure)
            parsed = parse_target(ttext, column_unit=unit)
            if parsed.kind == "numeric" and parsed.unit is None:
                parsed.unit = unit
            elif parsed.kind != "numeric":
                parsed.unit = parsed.unit or unit
            out.append(TableRow(
                seq=r.seq, category=r.category, name=figure_name, parent=r.parent, unit=parsed.unit,
                text=ttext, parsed=parsed, year=year, span=figure_span, name_span=(name_start, r.name_cell.end),
                binding=r.binding, flags=list(r.flags), name_origin="printed" if figure_name == name else "composed",
            ))
    return Table(start, end, layout, year, out, asm.warnings)


# ---------------------------------------------------------------- tables read column by column

def _grid_cells_tab(text: str, span: TableSpan, sep: str) -> list[GridRow]:
    rows: list[GridRow] = []
    category = None
    columns = span.columns or []
    cat_col = next((c.index for c in columns if c.role == "category"), None)
    value_cols = {c.index for c in columns if c.role == "value"}
    ignored = _ignored(columns)
    for s, e in _line_bounds(text, span.body, span.end):
        raw = text[s:e]
        if not raw.strip() or _is_rule_line(raw):
            continue
        parts = _merged_copies(_unread_blanked(_parts(raw, sep), ignored), value_cols.__contains__) if sep in raw else [(raw, 0)]
        filled = [(k, p, at) for k, (p, at) in enumerate(parts) if p.strip()]
        if not filled:
            continue
        if _header_again([(k, p) for k, p, _at in filled], ignored):
            continue  # the header repeated after a page break
        if len(filled) == 1 and VOCAB.continuation.match(squeeze(filled[0][1])):
            continue  # 续表: the rows go on, no category
        if len(filled) == 1 and not is_value_cell(filled[0][1]) and (
                cat_col is None or filled[0][0] == cat_col) and looks_like_category(squeeze(filled[0][1])):
            m = cn_heading(squeeze(filled[0][1]))
            category = m.group(1) if m else squeeze(filled[0][1])
            continue
        row = GridRow()
        for k, p, at in filled:
            lead = len(p) - len(p.lstrip())
            row.cells[k] = GridCell(p.strip(), s + at + lead, s + at + len(p.rstrip()))
        if cat_col is not None and cat_col in row.cells:
            category = without_caption_mark(squeeze(row.cells[cat_col].text))
        row.category = category
        rows.append(row)
    return rows


def _spread_down(rows: list[GridRow], value_cols: set[int], attr_col: int | None = None) -> None:
    """A value cell merged down over several rows (与经济增长同步 over 城镇 and 农村居民收入; the loaders
    print it in its first row only) counts for each row it spans: a row's empty value cell takes
    the cell above it when that is qualitative (完成省下达任务) — a number is never spread, as in the
    targets tables, and a parent label (no value of its own, sub-rows under it: ``GridRow.label``)
    takes none; so does a 属性 cell merged down (预期性 over the rows of a column's block). The copy keeps
    the printed cell's span."""
    kinds: dict[str, str | None] = {}
    for above, row in zip(rows, rows[1:]):
        if len(row.cells) < 2 or row.label:
            continue  # (a cell alone — a note, a wrapped name — is no row of its own)
        if attr_col is not None and attr_col not in row.cells and attr_col in above.cells:
            row.cells[attr_col] = above.cells[attr_col]
        for k in value_cols:
            cell = above.cells.get(k)
            if k in row.cells or cell is None:
                continue
            if cell.text not in kinds:
                kinds[cell.text] = parse_target(cell.text).kind
            if kinds[cell.text] in ("assigned", "relative", "directional"):
                row.cells[k] = cell


def _row_structure(rows: list[GridRow], columns: list[Column]) -> None:
    """A numbered table read column by column, its rows put through the targets tables' assembler
    for their structure (the same rules, not a copy of them): a row with no value followed by names
    printed without a row number is their parent label (主要污染物排放重点工程减排量 → 化学需氧量, 氨氮),
    and a row printed without a number (its number merged down) is under its row number's. Sets
    ``GridRow.seq``, ``.parent`` and ``.label``; a sub-row with no 属性 of its own takes its label's
    (the 属性 cell merged down over the label's rows)."""
    by_role = {c.role: c.index for c in reversed(columns) if c.role != "value"}
    seq_col, name_col, attr_col = by_role.get("seq"), by_role.get("name"), by_role.get("attribute")
    if seq_col is None or name_col is None:
        return  # (without row numbers a label's sub-rows have no end: a results table's rows stay as printed)
    value_cols = [c.index for c in columns if c.role == "value"]
    asm = _Assembler([])
    read: list[tuple[GridRow, Row]] = []
    grid_of: dict[str, GridRow] = {}  # the assembler's name of a row -> the row
    category: str | None = None
    for k, row in enumerate(rows):
        if row.category != category:
            category = row.category
            asm.pending_category = [Cell(category or "", 0, 0, k)]  # (a new category starts new rows)
        seq_cell = row.cells.get(seq_col)
        if seq_cell is not None and squeeze(seq_cell.text):
            asm.start_group(squeeze(seq_cell.text))
        name_cell = row.cells.get(name_col)
        if name_cell is None or not squeeze(name_cell.text):
            continue
        before = len(asm.rows)
        asm.add_name(Cell(squeeze(name_cell.text), name_cell.start, name_cell.end, k))
        if len(asm.rows) == before:
            continue  # a generic label (结构性指标): the rows after it are the main row's
        r = asm.rows[-1]
        grid_of[r.name] = row
        values = [row.cells[i] for i in value_cols if i in row.cells and squeeze(row.cells[i].text) not in DASHES]
        if values:
            asm.add_target(Cell(values[0].text, values[0].start, values[0].end, k))
        read.append((row, r))
    for row, r in read:
        row.seq, row.label = r.seq, r.is_label
        label = grid_of.get(r.parent) if r.parent else None
        if label is None or not label.label:
            continue
        name, _unit, _lead = row_name(label.cells[name_col].text)
        row.parent = joined_name(name)
        if attr_col is not None and attr_col not in row.cells and attr_col in label.cells:
            row.cells[attr_col] = label.cells[attr_col]


def _fits(col: Column, t: str) -> bool:
    if col.role == "seq":
        return is_seq_number(t)
    if col.role == "category":
        return looks_like_category(t) and not is_value_cell(t)
    if col.role == "unit":
        return is_unit(t)
    if col.role == "attribute":
        return t in VOCAB.attributes
    if col.role in ("name", "note"):
        return not is_value_cell(t) and not is_unit(t) and t not in VOCAB.attributes
    if col.role == "ignored":
        return True  # (whatever it prints: 县财政局, 未完成, 4)
    return is_value_cell(t)


def _grid_cells_line(text: str, span: TableSpan) -> list[GridRow]:
    """One cell per line: each cell goes to the next column it can fill (a row's optional cells,
    such as its category or unit, may be missing); a name where a value was due starts a row."""
    columns = span.columns or []
    n = len(columns)
    rows: list[GridRow] = []
    row: GridRow | None = None
    j = 0
    category = None
    name_at = next((k for k, c in enumerate(columns) if c.role == "name"), 0)
    has_category = any(c.role == "category" for c in columns)
    # an ignored column before a value column takes a name-like cell (县财政局 between 单位 and 年度目标):
    # the row's values are still due; after the last value column such a cell starts the next row
    last_value = max((k for k, c in enumerate(columns) if c.role == "value"), default=-1)
    for s, e in _line_bounds(text, span.body, span.end):
        raw = text[s:e]
        if not raw.strip():
            continue
        t = squeeze(_cell_line(raw))
        if not t:
            row = None  # a line of pipes between rows
            continue
        if VOCAB.continuation.match(t):
            continue  # 续表: the rows go on
        if (row is None or j > name_at) and not has_category and (
                cn_heading(t) or t in VOCAB.categories) and not is_value_cell(t):
            m = cn_heading(t)
            category = m.group(1) if m else t
            row = None
            continue
        start = s + (len(raw) - len(raw.lstrip()))
        cell = GridCell(_cell_line(raw), start, start + len(_cell_line(raw)))
        for attempt in (0, 1):
            if row is None:
                row, j = GridRow(category=category), 0
                rows.append(row)
            k = j
            while k < n and not _fits(columns[k], t):
                k += 1
            if k < n and not (k > name_at and columns[k].role != "name" and _fits(columns[name_at], t)
                              and not (columns[k].role == "ignored" and k < last_value)):
                if columns[k].role == "category":
                    category = t
                    row.category = t
                row.cells[columns[k].index] = cell
                j = k + 1
                break
            if attempt == 0 and row.cells:
                row = None  # a cell the row has no room for begins the next row
                continue
            break
    return [r for r in rows if r.cells]


def _space_header(raw: str, offset: int) -> list[Column] | None:
    """The columns of a header whose cells are set apart by single spaces ("序号 指 标 单位 2024年预计
    2025年计划 增长（%）"), when it has two value columns or more and a name column (see
    :func:`_space_columns`)."""
    cols = _space_columns(raw, offset)
    if cols is None:
        return None
    values = [c for c in cols if c.role == "value"]
    if len(values) < 2 or not any(c.role == "name" for c in cols):
        return None
    return cols


def _space_columns(raw: str, offset: int) -> list[Column] | None:
    """The columns of a header whose cells are set apart by single spaces: each cell the shortest
    run of tokens that reads as a header (a word set letter by letter is one cell; two names side
    by side, 指标 名称, one column); ``None`` unless every token is read."""
    toks = [(m.group(), m.start()) for m in TOKEN.finditer(raw)]
    cols: list[Column] = []
    i = 0
    while i < len(toks):
        for width in (1, 2, 3, 4):
            if i + width > len(toks):
                continue
            c = parse_header("".join(t for t, _ in toks[i:i + width]))
            if c is not None and c.role == "ignored":
                return None  # (rows set out by spaces are read from the right: a column read past would shift them)
            if c is not None:
                end = toks[i + width - 1][1] + len(toks[i + width - 1][0])
                c.span = (offset + toks[i][1], offset + end)
                if cols and c.role != "value" and cols[-1].role == c.role:
                    cols[-1].span = (cols[-1].span[0], c.span[1])  # type: ignore[index]  # "指标 名称": one name column
                else:
                    c.index = len(cols)
                    cols.append(c)
                i += width
                break
        else:
            return None
    return cols


# a bound or a percent sign printed apart from its number ("5.5 左右")
QUALIFIER: Final = re.compile(rf"(?:{LEX.alt('comparators.at_least_after', 'comparators.at_most_after', 'comparators.about_after')}|%|‰)")


def _grid_cells_space(text: str, span: TableSpan) -> list[GridRow]:
    """Rows of a table whose cells are set apart by single spaces, under a header of several value
    columns: [seq] [category] name [unit] value… [attribute]. The values are the tokens from the
    right (a qualifier printed apart, "5.5 左右", joins its number); a row printing fewer values than
    the header fills the first columns; a line of words alone continues the row's name above it, or
    is a category."""
    columns = span.columns or []
    by_role = {c.role: c.index for c in reversed(columns)}
    # (another region's column read past still takes its figures: the values are counted from the right)
    values = [c.index for c in columns if c.role == "value" or (c.role == "ignored" and c.region)]
    rows: list[GridRow] = []
    category = None
    for s, e in _line_bounds(text, span.body, span.end):
        raw = text[s:e]
        toks = [(m.group(), s + m.start(), s + m.end()) for m in TOKEN.finditer(raw)]
        if not toks:
            continue
        if _is_space_header(raw):
            continue  # the header repeated after a page break
        row = GridRow()
        attr = by_role.get("attribute")
        if attr is not None and toks[-1][0] in VOCAB.attributes:
            t, a, b = toks.pop()
            row.cells[attr] = GridCell(t, a, b)
        groups: list[list[tuple[str, int, int]]] = []
        while len(toks) > 1 and len(groups) < len(values):
            t = toks[-1][0]
            if QUALIFIER.fullmatch(t) and len(toks) > 2 and is_value_cell(toks[-2][0] + t):
                groups.insert(0, [toks[-2], toks[-1]])
                del toks[-2:]
            elif is_value_cell(t):
                groups.insert(0, [toks.pop()])
            else:
                break
        if toks and "unit" in by_role and is_unit(toks[-1][0]):
            t, a, b = toks.pop()
            row.cells[by_role["unit"]] = GridCell(t, a, b)
        if toks and "seq" in by_role and is_seq_number(toks[0][0]):
            t, a, b = toks.pop(0)
            row.cells[by_role["seq"]] = GridCell(t, a, b)
        if len(toks) > 1 and "category" in by_role and looks_like_category(toks[0][0]):
            category = toks.pop(0)[0]
        if not groups and not row.cells:
            words = "".join(t for t, _a, _b in toks)
            if VOCAB.continuation.match(words):
                continue  # 续表: the rows go on, no category
            if rows and "name" in by_role and by_role["name"] in rows[-1].cells and not looks_like_category(words):
                cell = rows[-1].cells[by_role["name"]]  # a name wrapped onto the next line
                rows[-1].cells[by_role["name"]] = GridCell(cell.text + words, cell.start, toks[-1][2])
            elif words:
                category = words
            continue
        if toks and "name" in by_role:
            row.cells[by_role["name"]] = GridCell("".join(t for t, _a, _b in toks), toks[0][1], toks[-1][2])
        name_col = by_role.get("name")
        last = rows[-1] if rows else None
        if groups and last is not None and name_col in row.cells and name_col in last.cells                 and not any(k in last.cells for k in values) and by_role.get("seq") not in row.cells:
            # "3 城镇居民人均可" / "支配收入 元 48950 …": the name began on the line above
            head, tail = last.cells[name_col], row.cells[name_col]
            row.cells[name_col] = GridCell(head.text + tail.text, head.start, tail.end)
            row.cells.update({k: c for k, c in last.cells.items() if k not in row.cells})
            rows.pop()
        for index, group in zip(values, groups):
            row.cells[index] = GridCell("".join(t for t, _a, _b in group), group[0][1], group[-1][2])
        row.category = category
        rows.append(row)
    return rows


def read_by_columns(text: str, span: TableSpan, ctx: TableContext, warnings: list[str] | None = None) -> list[GridLine]:
    """Targets and actuals of a table with several kinds of column (``warnings``: its cells left undecided)."""
    columns = span.columns or []
    title_match = YEAR_IN.search(span.title) if span.title else None
    title_year = int(title_match.group(1)) if title_match else None
    classify(columns, ctx, title_year)
    if span.layout == "tab":
        rows = _grid_cells_tab(text, span, "\t")
    elif span.layout == "pipe":
        rows = _grid_cells_tab(text, span, "|")
    elif span.layout == "space":
        rows = _grid_cells_space(text, span)
    else:
        rows = _grid_cells_line(text, span)
    _row_structure(rows, columns)
    if span.layout in ("tab", "pipe"):
        _spread_down(rows, {c.index for c in columns if c.role == "value"},
                     next((c.index for c in columns if c.role == "attribute"), None))
    if span.unit:
        for c in columns:
            if c.role == "value" and c.unit is None:
                c.unit = span.unit
    return read_rows(rows, columns, span.title, span.note, ctx.indent, warnings)


def extract_tables(text: str, spans: list[TableSpan] | None = None, ctx: TableContext | None = None) -> list[Table]:
    """Every table: targets tables row by row, the others column by column (``Table.lines``)."""
    out = []
    ctx = ctx or TableContext(None, None, None)
    for span in find_tables(text) if spans is None else spans:
        warning = other_regions(span.columns or [], ctx)  # (全省目标 | 临沂市目标 | 临沭县目标: the county's column only)
        if warning:
            out.append(Table(span.start, span.end, span.layout, span.year, [], [warning]))
            continue
        if not reads_by_column(span, ctx):
            out.append(parse_table(text, span))
            continue
        warnings: list[str] = []
        lines = read_by_columns(text, span, ctx, warnings)
        rows = [TableRow(seq=x.seq, category=x.category, name=x.name, parent=x.parent, unit=x.unit, text=x.text,
                         parsed=x.parsed, year=x.year, span=x.span, name_span=x.name_span, binding=x.attribute,
                         flags=[], name_origin=x.name_origin) for x in lines if x.type == "target" and x.parsed]
        out.append(Table(span.start, span.end, span.layout, span.year, rows, warnings,
                         [x for x in lines if x.type == "actual"]))
    return out

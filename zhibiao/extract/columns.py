"""Tables with several kinds of column, read column by column: completion tables (2023年目标 |
2023年完成), in-year tables (年度目标 | 1—9月完成 | 预计全年), five-year tables (2020年基期值 |
2025年目标 | 年均增长［累计］ | 属性) and a bulletin's results (产量 | 比上年增长（%）, 年末数（万人） |
比重（%）).

Each header cell says what its column holds (:func:`parse_header`): a role (name, unit,
attribute …) or, for a value column, its kind (target, actual, base value, average, estimate or a
plain result), year, period, measure and unit. Two-row headers (2022年计划 over 绝对值 | 增速（%）)
give each column both labels. Rows are then rebuilt by position (tab and ``|`` layouts, where an
empty cell keeps its place) or by what each cell can be (one cell per line), and every value cell
becomes a target or an actual of its column's year. The words are data: ``table_vocab.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Final

from zhibiao.extract.grammar import (BOUND_AFTER, GROWTH_WORD, SUFFIX_COMPARATORS, UNIT_RE, UNIT_WORDS, ParsedTarget, _candidates,
                                     _unit_after, declines, parse_target)
from zhibiao.extract.lexicon import LEX, load_data
from zhibiao.extract.numbers import parse_chinese
from zhibiao.extract.scope import THIS_MONTH, this_month
from zhibiao.text.scan import alternation, scanner

TABLE_WORDS: Final = load_data("table_vocab.yaml")  # the table vocabulary, read once (here and by tables.py)

_ROLES: Final = ("seq", "category", "name", "unit", "attribute", "note", "ignored")
_KINDS: Final = ("target", "actual", "base", "average", "cumulative", "estimate")
_MEASURES: Final = ("level", "growth", "share")
BRACKETS: Final = "（(［[〔【"
CLOSING: Final = "）)］]〕】"
YEAR_PREFIX: Final = re.compile(r"^(\d{4})\s*年(?:末|底)?")
PERIOD_PREFIX: Final = re.compile(r"^(?:1\s*[-—–~～至到]\s*(\d{1,2})\s*月(?:份)?|一至([一二三四五六七八九十]{1,2})月|(上半年)|(前三季度))")
# one month (11月, 11月份: a monthly report's header, often merged over 本月 | 累计), or the report's own month
# printed without its number (本月, 当月): THIS_MONTH, the month the table's context knows
MONTH_PREFIX: Final = re.compile(r"^(1[0-2]|[1-9])\s*月(?:份)?")
THIS_MONTH_PREFIX: Final = re.compile(LEX.alt("time.this_month"))
_THIS_MONTH_STARTS: Final = frozenset(w[0] for w in LEX.words("time.this_month"))
_RELATIVE_YEARS: Final = TABLE_WORDS["relative_years"]  # 本年 → 0, 上年 → −1
RELATIVE_YEAR_PREFIX: Final = re.compile(rf"^(?:{'|'.join(sorted(map(re.escape, _RELATIVE_YEARS), key=len, reverse=True))})(?:度)?")
_RELATIVE_STARTS: Final = frozenset(w[0] for w in _RELATIVE_YEARS)
FIVE_YEAR_PREFIX: Final = re.compile(r"^[“\"]?(十[一二三四五六])五[”\"]?(?:时期|期间|期)?")
_OPEN, _CLOSE = re.escape(BRACKETS), re.escape(CLOSING)
BRACKET_TAIL: Final = re.compile(rf"[{_OPEN}]([^{_OPEN}{_CLOSE}]{{1,10}})[{_CLOSE}]$")
NUMBER_FIRST: Final = re.compile(rf"^[{_OPEN}]?[<>≤≥＜＞]?[-+]?\d")
BRACKET_FIRST: Final = re.compile(rf"^[{_OPEN}]")
# a figure in round brackets carrying its sign (a county bulletin's growth cell (-6.4), （-12.7）) is that signed
# figure, never a five-year sum (［30］, 〔3.8〕, (30) print none); one without a sign, (3.5), in a growth column is a
# positive figure where the column prints its negatives signed in brackets, else undecided (accounting prints a
# negative so): left out with a warning
SIGNED_BRACKET_CELL: Final = re.compile(r"[（(][-−]\d+(?:,\d{3})*(?:\.\d+)?[）)]")
UNSIGNED_BRACKET_CELL: Final = re.compile(r"[（(]\d+(?:,\d{3})*(?:\.\d+)?[）)]")
# a row's own numbering printed in its name cell (一、…; 1.地区生产总值 in an outline's 专栏): no part of the name
CN_NUMBERING: Final = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2}(?=\s*[、.．]\s*[\u4e00-\u9fff]))\s*[、.．]\s*")
PLAIN_NUMBER: Final = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?")
A_LETTER: Final = re.compile(r"[\u4e00-\u9fffA-Za-z]")
ABOUT: Final = re.compile(LEX.alt("comparators.about_after", "comparators.about_before"))
YEARS: Final = re.compile(r"(\d{4})\s*年")
DASHES: Final = frozenset({"—", "-", "–", "——", "/", "／", "…", "－"})
_REGION_SUFFIXES: Final = LEX.words("documents.region_suffixes")
_REGION_LEADS: Final = tuple(TABLE_WORDS["region_level_leads"])
_SUFFIXES_LONGEST: Final = tuple(sorted(_REGION_SUFFIXES, key=len, reverse=True))
_LEVEL_WORDS: Final = frozenset({*_REGION_SUFFIXES, *(lead + s for lead in _REGION_LEADS for s in _REGION_SUFFIXES)})
_FIVE_YEAR_END: Final = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}


@dataclass(frozen=True)
class ColumnVocab:
    words: dict  # word -> (group, value)
    word: re.Pattern  # one word of the vocabulary, longest first
    pattern: re.Pattern  # a run of them
    growth_with_unit: frozenset
    estimate_note: re.Pattern
    marked_estimates: re.Pattern  # a note saying the figures marked so are estimates (带“预计”的为预计数)
    total_shares: frozenset
    sub_row: re.Pattern
    row_above_marks: tuple  # a sub-row's marks that make it a part of the row right above it (#工业)
    attributes: dict
    starts: frozenset  # the first characters of the words (a header's words open with one)


def attribute_cells(data: dict) -> dict[str, str]:
    """A 属性 cell's text -> its attribute: each word as printed and in each of the brackets a table may
    print it in (【约束性】: binding, as 约束性 is)."""
    out: dict[str, str] = {}
    for word, attribute in data["attributes"].items():
        out[word] = attribute
        for pair in data["attribute_brackets"]:
            out[pair[0] + word + pair[1]] = attribute
    return out


def _column_vocab() -> ColumnVocab:
    data = TABLE_WORDS
    words: dict[str, tuple[str, str]] = {}
    for group, entries in data["columns"].items():
        for w in entries:
            words.setdefault(w, ("role", group) if group in _ROLES else ("kind", group) if group in _KINDS
                             else ("measure", group) if group in _MEASURES
                             else ("modality", w) if group == "modality" else ("filler", group))
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return ColumnVocab(
        words=words, word=re.compile(alt), pattern=re.compile(rf"(?:{alt})+"),
        growth_with_unit=frozenset(data["growth_with_unit"]),
        estimate_note=re.compile(rf"(?:{alternation(data['estimate_note_links'])})(?:{LEX.alt('time.estimate')})"),
        marked_estimates=re.compile(rf"(?:{alternation(data['estimate_note_marks'])})[^，,。；;]{{0,10}}的[\u4e00-\u9fff]{{0,2}}"
                                    rf"(?:{alternation(data['estimate_note_links'])})(?:{LEX.alt('time.estimate')})"),
        total_shares=frozenset(data["total_shares"]),
        sub_row=re.compile(rf"^(?:{'|'.join(map(re.escape, [*data['sub_row_marks'], *data['row_above_marks']]))})\s*[:：]?\s*"),
        row_above_marks=tuple(data["row_above_marks"]),
        attributes=attribute_cells(data),
        starts=frozenset(w[:1] for w in words),
    )


COLUMN_VOCAB: Final = _column_vocab()  # compiled once at import
# a region opening a header cell, its column's words after it (临沂市目标, 县目标, 全县目标)
REGION_HEAD: Final = re.compile(rf"[\u4e00-\u9fff]{{0,10}}?(?:{LEX.alt('documents.region_suffixes')})"
                                rf"(?={COLUMN_VOCAB.pattern.pattern}$)")


def column_vocab() -> ColumnVocab:
    return COLUMN_VOCAB


@dataclass
class Column:
    """What one column of a table holds."""

    index: int
    label: str
    role: str  # seq | category | name | unit | attribute | note | ignored | value
    kind: str | None = None  # value columns: target | actual | base | average | cumulative | estimate | result
    year: int | None = None
    period: tuple[int, int] | None = None
    measure: str | None = None  # level | growth | share
    unit: str | None = None
    estimated: bool = False
    five_year_end: int | None = None  # “十三五”年均增长: a period ending in 2020
    span: tuple[int, int] | None = None  # where the header cell is printed
    year_offset: int | None = None  # 本年计划, 上年完成: the year against the plan year (0, −1)
    region: str | None = None  # 临沂市目标, 全县目标: the region (a name or a level word) whose figures it holds
    modality: str | None = None  # 力争目标: its targets' modality (a figure striven for beside the plan's)


_HEADER_MAX: Final = 24  # characters of a header cell, at most (spaces aside)
_HEADER_HEAD = 2 * _HEADER_MAX  # a text whose first 48 characters hold more than 24 besides spaces is no header
_PERIOD_STARTS: Final = "1一上前"  # what PERIOD_PREFIX, FIVE_YEAR_PREFIX and BRACKET_TAIL's match opens or ends with
_FIVE_YEAR_STARTS: Final = "“\"十"
_CLOSERS: Final = frozenset(CLOSING)


def is_decimal_char(c: str) -> bool:
    """``c.isdecimal()`` for one character (or none), mostly without the method call: below U+0660
    only 0–9 are decimal digits, and none lies from U+2E80 (the CJK blocks) to U+A61F (a test
    checks every code point)."""
    if c < "\u0660":
        return "0" <= c <= "9"
    if "\u2e80" <= c < "\ua620":
        return False
    return c.isdecimal()


def _squeeze(text: str) -> str:
    """``text`` without whitespace (str.split's whitespace is re's ``\\s``)."""
    return "".join(text.split())


_BARE_UNITS: Final = ("%", "‰")  # units a header may print without brackets (增长%, 增速‰)
_UNIT_SIGNS: Final = tuple(TABLE_WORDS["unit_signs"])  # (比上年同期增长±%: ± before the unit)


def _unsigned(unit: str) -> str:
    """A header's unit without the sign printed before it (±% → %)."""
    for sign in _UNIT_SIGNS:
        if unit.startswith(sign):
            return unit[len(sign):]
    return unit


def parse_header(text: str) -> Column | None:
    """What a header cell says about its column, or ``None`` when the cell is not a header
    ("2023年目标" → a target column of 2023; "年末数（万人）" → levels in 万人; "产品名称" → names)."""
    if len(text) > _HEADER_HEAD and len(_squeeze(text[:_HEADER_HEAD])) > _HEADER_MAX:
        return None  # a line of text (find_tables asks of every line): its head alone is too long
    t = _squeeze(text)
    if not t or len(t) > _HEADER_MAX:
        return None
    label = t
    year: int | None = None
    period: tuple[int, int] | None = None
    five_year_end: int | None = None
    # (each prefix tried only where its first character is: most cells open with none of them)
    m = YEAR_PREFIX.match(t) if is_decimal_char(t[0]) else None
    if m:
        year = int(m.group(1))
        t = t[m.end():]
    year_offset: int | None = None
    m = RELATIVE_YEAR_PREFIX.match(t) if t[:1] in _RELATIVE_STARTS else None
    if m:
        year_offset = _RELATIVE_YEARS[m.group().rstrip("度")]  # (本年度计划: 度 is no year's)
        t = t[m.end():]
    m = PERIOD_PREFIX.match(t) if t[:1] in _PERIOD_STARTS else None
    if m:
        if m.group(1):
            period = (1, int(m.group(1)))
        elif m.group(2):
            period = (1, int(parse_chinese(m.group(2))))
        else:
            period = (1, 6) if m.group(3) else (1, 9)
        t = t[m.end():]
    elif is_decimal_char(t[:1]) and year is None:
        m = MONTH_PREFIX.match(t)
        if m:
            period, t = (int(m.group(1)), int(m.group(1))), t[m.end():]
    elif t[:1] in _THIS_MONTH_STARTS:
        m = THIS_MONTH_PREFIX.match(t)
        if m:
            period, t = THIS_MONTH, t[m.end():]
    m = FIVE_YEAR_PREFIX.match(t) if t[:1] in _FIVE_YEAR_STARTS else None
    if m:
        five_year_end = _FIVE_YEAR_END.get(m.group(1))
        t = t[m.end():]
    notes: list[str] = []
    while t[-1:] in _CLOSERS:
        b = BRACKET_TAIL.search(t)
        if not b:
            break
        notes.append(b.group(1))
        t = t[:b.start()]
    v = COLUMN_VOCAB
    if "/" in t:  # (the normaliser folds ／)
        # 年均增长/累计, 五年累计/年均: two columns' words joined by a slash, read as either — their words
        # together, as 年均增长［累计］ (an average, a bracketed cell a sum)
        t = t.replace("/", "")
    unit: str | None = None
    kind: str | None = None
    estimated = False
    signed = False  # (a sign before the unit, 同比±%, 比上年（±%）: the figures are changes, signed — a growth)
    for note in notes:
        if _unsigned(note) in UNIT_WORDS:
            signed = signed or _unsigned(note) != note
            unit = _unsigned(note)
        elif note in v.words and v.words[note][0] == "kind":
            kind = kind or v.words[note][1]
        elif "预计" in note:
            estimated = True
        else:
            return None
    if unit is None and t[-1:] in _BARE_UNITS:
        unit, t = t[-1], t[:-1]  # 增长%, 增速%: a unit printed bare
    if unit is not None:
        sign = next((sign for sign in _UNIT_SIGNS if t.endswith(sign)), None)  # (增长±%, 同比±（%）)
        if sign is not None:
            t, signed = t[:-len(sign)], True
    measure: str | None = None
    if unit:
        growth = next((w for w in v.growth_with_unit if t.endswith(w)), None)
        rest = t[:len(t) - len(growth)] if growth is not None else ""
        if growth is not None and (not rest or rest[0] in v.starts and v.pattern.fullmatch(rest)):
            measure = "growth"  # 增长（%）, 计划增长%: 增长 with a unit, after a column's other words
            t = rest
    region: str | None = None
    if t and (t[0] not in v.starts or not v.pattern.fullmatch(t)):
        r = REGION_HEAD.match(t)  # 临沂市目标, 2026年全县目标: a region's column
        if r is None:
            return None
        region, t = r.group(), t[r.end():]
    if not t and year is None and year_offset is None and period is None and measure is None:
        return None
    col = Column(index=-1, label=label, role="value", kind=kind, year=year, period=period, measure=measure,
                 unit=unit, estimated=estimated, five_year_end=five_year_end, year_offset=year_offset, region=region)
    kinds, roles = [], []
    for w in v.word.findall(t):
        group, value = v.words[w]
        if group == "role":
            roles.append(value)
        elif group == "kind":
            kinds.append(value)
        elif group == "measure":
            col.measure = col.measure or value
        elif group == "modality":
            col.modality = col.modality or value
    if signed and col.measure is None:
        col.measure = "growth"  # 同比±%: a change on the year before, in %
    if "ignored" in roles:
        col.role = "ignored"  # 完成率（%）, 2025年全省排名: no target or result, whatever its year or kind
        return col
    if roles and not kinds and col.year is None and col.year_offset is None and col.period is None:
        col.role = roles[0]
        return col
    if "actual" in kinds:
        col.kind = "actual"
    elif "estimate" in kinds:
        col.kind, col.estimated = "estimate", True
    elif kinds:
        col.kind = kinds[0] if col.kind is None or col.kind == "cumulative" else col.kind
        if "average" in kinds and col.kind == "cumulative":
            col.kind = "average"
    if col.kind is None and col.five_year_end and col.measure is None:
        return None
    return col


def combine(parent: Column, child: Column) -> Column:
    """A two-row header: 2022年计划 over 增速（%） is a target column of growth in %."""
    period = child.period or parent.period
    if child.period == THIS_MONTH and parent.period is not None:
        period = this_month(parent.period)  # 11月 over 本月: November
    kind = child.kind or parent.kind
    if parent.kind == "cumulative" and child.kind == "actual":
        kind = parent.kind  # 累计 over 同比增长（%）: the growth of the year so far, as 累计's figures are of it
    out = Column(index=child.index, label=parent.label + "/" + child.label, role="value", span=child.span,
                 kind=kind, year=child.year or parent.year,
                 period=period, measure=child.measure or parent.measure,
                 unit=child.unit or parent.unit, estimated=child.estimated or parent.estimated,
                 five_year_end=child.five_year_end or parent.five_year_end,
                 year_offset=parent.year_offset if child.year_offset is None else child.year_offset,
                 modality=child.modality or parent.modality)
    if child.role != "value":
        out.role = child.role
    return out


def is_value_cell(text: str) -> bool:
    """A cell holding a figure, a target in words or a dash (never a name)."""
    from zhibiao.extract.tables import is_target_text

    t = _squeeze(text)
    if not t:
        return False
    if column_vocab().sub_row.match(t):
        return False  # 其中：0-14岁: a sub-row's name
    if t in DASHES or NUMERIC_CELL.fullmatch(t):
        return True
    if NUMBER_FIRST.match(t):
        return False  # 0-14岁, 3岁以下婴幼儿托位数: a name that opens with a number
    if t == "完成":
        return True
    return is_target_text(t)


def _numeric_cell() -> re.Pattern:
    number = r"[-+−]?\d+(?:,\d{3})*(?:\.\d+)?"
    # a range takes no unit: 0-14岁 and 10—50万元 are brackets (row labels), 6-6.5 a target
    return re.compile(rf"[{_OPEN}]?[<>≤≥＜＞]?(?:{number}\s*[-—–~～至]\s*{number}|{number}\s*(?:{UNIT_RE})?)"
                      rf"\s*(?:{BOUND_AFTER})?[{_CLOSE}]?(?:[{_OPEN}][^{_OPEN}{_CLOSE}]{{1,6}}[{_CLOSE}])?")


NUMERIC_CELL: Final = _numeric_cell()  # 6.5左右, -3.1, <5.5, ［30］, 2.7（预计）, 185以上, 6-6.5


@dataclass
class GridCell:
    text: str
    start: int
    end: int


@dataclass
class GridRow:
    cells: dict[int, GridCell] = field(default_factory=dict)  # column index -> cell
    category: str | None = None
    # a numbered table's structure, as the targets tables' assembler reads it (tables._row_structure):
    # the row number a row printed without one is under, the parent label it is a sub-row of, and
    # whether the row is such a label (no value of its own, names under it)
    seq: str | None = None
    parent: str | None = None
    label: bool = False


@dataclass
class GridLine:
    """A target or an actual read from one cell."""

    type: str  # target | actual
    name: str
    name_span: tuple[int, int]
    text: str
    span: tuple[int, int]
    year: int | None
    parent: str | None = None
    category: str | None = None
    seq: str | None = None
    unit: str | None = None
    attribute: str | None = None
    parsed: ParsedTarget | None = None  # targets
    measure: str | None = None  # actuals
    value: Decimal | None = None
    comparator: str = "="
    estimated: bool = False
    period: tuple[int, int] | None = None
    name_origin: str = "printed"
    unit_span: tuple[int, int] | None = None  # where the unit is printed (its cell or the header)


_UNIT_IN_NAME: Final = re.compile(rf"[{_OPEN}]([^{_OPEN}{_CLOSE}]{{1,8}})[{_CLOSE}]$")
_GROWTH_NAME: Final = re.compile(rf"(?:{LEX.alt('measures.growth_names', 'measures.decline_names', 'targets.predicate_verbs')})$")
_DECLINE_NAME: Final = LEX.ending("measures.decline_names")
POINTS_CELL: Final = re.compile(LEX.alt("units.points"))
FLAT_CELLS: Final = frozenset(TABLE_WORDS["flat_cells"])  # (持平 under 比上年增长（%）: growth 0)
_LEVEL_RATE: Final = re.compile(rf"(?:{LEX.alt('measures.level_rates')})$")
_SHARE_NAME: Final = re.compile(rf"(?:{alternation(TABLE_WORDS['share_name_endings'])})$")


HAN_GAP: Final = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def joined_name(name: str) -> str:
    """A name without the spaces a layout left between its Chinese characters (地 区 生 产 总 值 增 速,
    letter-spaced in a cell, reaches this stage as 地区生产总值 增速: the normaliser joins a spaced
    word of at most six letters, a header's cells being spaced words side by side)."""
    return HAN_GAP.sub("", name) if " " in name else name


# (the look-behinds: a run of spaces or marks is tried from its start only — the same matches,
# without rescanning a long run from each of its characters)
FOOTNOTE_MARK: Final = scanner(r"(?<!\s)\s*[（(]\s*注\s*\d*\s*[）)]|(?<![*＊※①②③④⑤])[*＊※①②③④⑤]+$"
                               r"|[\[〔【]\s?(?:注\s?)?\d{1,2}\s?[\]〕】]$")


def clean_name(name: str) -> str:
    """A name without the footnote mark after it (地区生产总值增长①, …（注1）, …*, a bulletin's 固定资产投资[2])."""
    return FOOTNOTE_MARK.sub("", name).strip()


def row_name(text: str) -> tuple[str, str | None, int]:
    """A row label without its 其中： mark, a footnote mark and a unit printed in brackets after it:
    ("城镇新增就业（万人）" → 城镇新增就业, 万人; "地区生产总值增长①" → 地区生产总值增长); the offset where
    the name starts."""
    name = text.strip()
    lead = 0
    m = column_vocab().sub_row.match(name) or CN_NUMBERING.match(name)
    if m:
        lead = m.end()
        name = name[m.end():]
    name, unit = unit_in_name(clean_name(name))  # (the table's results were named 地区生产总值增长①: a share)
    return clean_name(name), unit, lead


def unit_in_name(name: str) -> tuple[str, str | None]:
    """A name and the unit printed in brackets at its end ("国内生产总值增长（%）" → 国内生产总值增长, %)."""
    u = _UNIT_IN_NAME.search(name)
    if u and u.group(1) in UNIT_WORDS:
        return name[:u.start()], u.group(1)
    return name, None


def _number(text: str) -> tuple[Decimal, int, int] | None:
    """The figure of a result cell ("2.7（预计）", "-0.6", "[30]"), with its offsets."""
    m = PLAIN_NUMBER.search(text)
    if not m:
        return None
    return Decimal(m.group().replace("−", "-").replace(",", "")), m.start(), m.end()


def printed_growth(text: str) -> bool:
    """Does a cell print its figure as a change in per cent (增长6%左右, 下降2.1%)?"""
    number = _number(text)
    if number is None:
        return False
    _value, at, end = number
    return bool(at) and text[end:].lstrip().startswith("%") and bool(GROWTH_WORD.search(text, 0, at))


def _part_year_levels(row: GridRow, values: list[Column], unit: str | None, name: str) -> dict[int | None, Decimal]:
    """The levels a row prints for a part of a year (上半年完成 | 486.2), the largest of each year."""
    out: dict[int | None, Decimal] = {}
    for c in values:
        if c.period is None or c.kind not in ("actual", "result") or c.unit or actual_measure(name, unit, c) != "level":
            continue
        number = _number(row.cells[c.index].text)
        if number is not None and not printed_growth(row.cells[c.index].text):
            out[c.year] = max(out.get(c.year, number[0]), number[0])
    return out


# a bound printed as a symbol right before a result's figure (<5, ≤5.5, ≥90)
SYMBOL_BOUNDS: Final = [(re.compile(rf"(?:{LEX.alt('comparators.symbols_at_least')})$"), ">="),
                        (re.compile(rf"(?:{LEX.alt('comparators.symbols_at_most')})$"), "<="),
                        (re.compile(rf"(?:{LEX.alt('comparators.symbols_above')})$"), ">"),
                        (re.compile(rf"(?:{LEX.alt('comparators.symbols_below')})$"), "<"),
                        (re.compile(rf"(?:{LEX.alt('comparators.symbols_about')})$"), "~")]


def result_comparator(text: str, at: int, end: int) -> str:
    """The bound a result cell prints on its figure (at ``at``–``end``), as the same cell read as a
    target keeps it: 以内/以下 after it (and its unit) ``<=``, 以上 ``>=``, 左右 ``~``, a symbol before it
    (<5 ``<``); 约 ``~``; else ``=``."""
    after = text[_unit_after(text, end)[1]:].lstrip()
    for pattern, comp in SUFFIX_COMPARATORS:
        if pattern.match(after):
            return comp
    before = text[:at].rstrip()
    for pattern, comp in SYMBOL_BOUNDS:
        if pattern.search(before):
            return comp
    return "~" if ABOUT.search(text) else "="


def actual_measure(name: str, unit: str | None, column: Column) -> str:
    if column.measure:
        return column.measure
    if unit == "%":
        if _GROWTH_NAME.search(name):
            return "growth"
        return "level" if _LEVEL_RATE.search(name) else "share"
    return "level"


@dataclass
class TableContext:
    """What a table needs to know of its document: the plan year and the year its part speaks of."""

    plan_year: int | None
    zone_year: int | None  # the year of the part the table stands in (the reviewed year in a review)
    forward: bool | None  # a plan document: a bare year after the plan year is a target column (None: not known)
    region: str | None = None  # the document's region as named (临沭县): whose columns a table's are
    # how far the printed line a cell opens is indented (normalising drops a line's leading spaces: the
    # loaded text's), by the cell's offset; None: not known
    indent: Callable[[int], int] | None = None
    # an in-year report's part of its year (a monthly report of 1—11月: (1, 11)): its columns' of results
    # that name none, and its month (11) a 本月 column's
    period: tuple[int, int] | None = None


def _stem(name: str) -> str:
    """A region's name without its ending (临沭县 → 临沭)."""
    for suffix in _SUFFIXES_LONGEST:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[:-len(suffix)]
    return name


def own_region(region: str, document: str) -> bool:
    """Is a column's region (临沭县, 全县, 县) the document's (临沭县)? A level word by its last
    character (县 of 临沭县), a name by its ending and its stem, either opening or ending the other (峨边县
    of 峨边彝族自治县, 江宁区 of 南京市江宁区; 长沙市 is not 长沙县's)."""
    if region[-1:] != document[-1:]:
        return False
    if region in _LEVEL_WORDS:
        return True
    own, named = _stem(document), _stem(region)
    return own.startswith(named) or named.startswith(own) or own.endswith(named) or named.endswith(own)


def other_regions(columns: list[Column], ctx: TableContext) -> str | None:
    """Read past the value columns of another region than the document's (全省目标 | 临沂市目标 beside
    临沭县目标 in 临沭县's notice: the levels above's targets, none of the county's); a warning when no
    column is the document's, or whose they are cannot be told (the document's region not known,
    columns of several regions)."""
    regional = [c for c in columns if c.role == "value" and c.region]
    if not regional:
        return None
    if ctx.region:
        others = [c for c in regional if not own_region(c.region or "", ctx.region)]
    elif len({c.region for c in regional}) > 1:
        others = regional  # several regions, none known to be the document's: no figure of any is its
    else:
        return None  # one region's columns (全县目标 | 全县完成) in a document whose region is not known: its own
    for c in others:
        c.role = "ignored"
    if any(c.role == "value" for c in columns):
        return None
    whose = f"of other regions than {ctx.region}" if ctx.region else "of several regions, none known to be the document's"
    return f"table columns {', '.join(c.label for c in others)}: figures {whose}, not read"


def classify(columns: list[Column], ctx: TableContext, title_year: int | None) -> None:
    """Settle each value column's kind and year: a bare year is a target when it lies ahead of
    the plan year in a plan document, a base value otherwise; results without a kind are actuals;
    averages are targets in a table of targets and actuals in a review."""
    values = [c for c in columns if c.role == "value"]
    for c in values:
        if c.period == THIS_MONTH:
            c.period = this_month(ctx.period)  # 本月: the report's month
        if c.kind == "cumulative" and c.five_year_end is None and (c.period or ctx.period) \
                and (c.year is None or c.year == ctx.plan_year):
            # 累计 in a table of a part of the year (11月 over 本月 | 累计, a monthly report's 累计 column): the
            # year's so far, from January — no five-year sum
            c.kind, c.period = "actual", (1, (c.period or ctx.period or (1, 12))[1])
    for prev, c in zip(values, values[1:]):
        # a growth column with no time of its own right after a column of a part of the year (上半年完成 |
        # 同比增长（%）): that part's growth, never the year's
        if c.period is None and c.year is None and c.year_offset is None and c.measure == "growth" \
                and c.kind in (None, "actual") and prev.period is not None and c.index == prev.index + 1:
            c.period, c.year = prev.period, prev.year
    for c in values:
        if ctx.period and c.period is None and c.kind in ("actual", None) and c.year in (None, ctx.plan_year):
            c.period = ctx.period  # an in-year report's results: the part of the year it is of, as its prose's
        if c.year is None and c.year_offset is not None and ctx.plan_year:
            c.year = ctx.plan_year + c.year_offset  # 本年计划, 上年完成: against the plan year
        if c.kind is None and c.measure is None and c.year is not None:
            c.kind = "target" if ctx.forward and ctx.plan_year and c.year > ctx.plan_year else "base"
        elif c.kind is None:
            c.kind = "result"
    targets = [c for c in values if c.kind == "target"]
    end_year = max((c.year for c in targets if c.year), default=None)
    for c in values:
        if c.kind in ("average", "cumulative"):
            c.year = c.year or c.five_year_end or end_year or (title_year if targets else None)
        if c.year is None:
            c.year = title_year or ctx.zone_year
    if targets and end_year:
        for c in targets:
            c.year = c.year or end_year
    if ctx.forward and ctx.plan_year:
        for c in values:
            if c.kind == "result" and c.year is not None and c.year >= ctx.plan_year:
                c.kind = "target"  # "2025年计划 | 增长（%）" in the 2025 plan: no result of a year not yet run


def lines_of_row(row: GridRow, columns: list[Column], parent: str | None,
                 estimated_years: set[int], all_estimated: bool, signed_columns: frozenset[int] = frozenset(),
                 warnings: list[str] | None = None) -> list[GridLine]:
    """The targets and actuals one row states, one per value cell. ``signed_columns``: the columns printing a
    signed figure in brackets ((-6.4)); ``warnings``: where a cell left undecided is reported."""
    by_role = {c.role: c for c in reversed(columns) if c.role != "value"}
    name_col = by_role.get("name")
    if name_col is None or name_col.index not in row.cells:
        return []
    name_cell = row.cells[name_col.index]
    name, name_unit, lead = row_name(name_cell.text)
    if not A_LETTER.search(name):
        return []
    name_span = (name_cell.start + lead, name_cell.start + lead + len(name))
    name = joined_name(name)
    row_label = name
    unit = name_unit
    unit_span = (name_cell.start, name_cell.end) if name_unit else None
    if "unit" in by_role and by_role["unit"].index in row.cells:
        unit_cell = row.cells[by_role["unit"].index]
        printed = _squeeze(unit_cell.text)
        unit = None if printed in DASHES else printed
        unit_span = (unit_cell.start, unit_cell.end)
    seq = row.seq  # (a sub-row printed without a number: its row number's)
    if "seq" in by_role and by_role["seq"].index in row.cells:
        seq = _squeeze(row.cells[by_role["seq"].index].text) or None
    attribute = None
    if "attribute" in by_role and by_role["attribute"].index in row.cells:
        attribute = column_vocab().attributes.get(_squeeze(row.cells[by_role["attribute"].index].text))
    values = [c for c in columns if c.role == "value" and c.index in row.cells
              and _squeeze(row.cells[c.index].text) not in DASHES and _squeeze(row.cells[c.index].text)]
    has_target = any(c.kind == "target" for c in values)
    # a row whose target is a growth (增长5% in a row of 亿元) and which prints a part of the year's level
    # (上半年完成 486.2): a bare full-year figure below that level (预计全年 5.3) cannot be the year's level —
    # it is the growth its target is, as the cells beside it print it
    target_growth = any(c.kind == "target" and printed_growth(row.cells[c.index].text) for c in values)
    part_levels = _part_year_levels(row, values, unit, name) if target_growth else {}
    # a row of % printing a part of the year's growth (规模以上工业增加值 | % | 8左右 | 同比增长 8.7 | 预计全年 8.5):
    # its bare full-year figure is that growth's, not a share (unless the row names a share or a rate)
    part_growth = {c.year for c in values if c.measure == "growth" and c.period is not None
                   and _number(row.cells[c.index].text) is not None}
    forward = any(c.kind == "target" for c in columns)
    out: list[GridLine] = []
    stated: set[tuple[int | None, str | None, str]] = set()  # (year, column's kind, cell) of the row's targets so far
    for c, name, text, span in _figures(values, row, row_label):
        origin = "printed" if name == row_label else "composed"
        squeezed = _squeeze(text)
        cumulative = c.kind == "cumulative" or bool(BRACKET_FIRST.match(squeezed))
        if cumulative and c.kind not in ("cumulative", "average") and SIGNED_BRACKET_CELL.fullmatch(squeezed):
            cumulative = False  # (-6.4): a signed figure in brackets
        elif cumulative and c.kind not in ("cumulative", "average", "target") and c.measure == "growth" \
                and UNSIGNED_BRACKET_CELL.fullmatch(squeezed):
            if c.index not in signed_columns:
                if warnings is not None:
                    warnings.append(f"row {name!r}: growth cell {squeezed!r} in brackets without a sign "
                                    "(a negative as accounts print one, or a positive?) left out")
                continue
            cumulative = False  # (3.5) beside (-6.4) in the column: its brackets are the column's, the figure positive
        if c.kind == "target" or (forward and c.kind in ("average", "cumulative")):
            t_name, t_unit = name, c.unit or unit
            if c.kind in ("average", "cumulative") and has_target:
                if cumulative:
                    continue  # a five-year sum beside the end-year figure: a judgement call, left out
                t_name, origin, t_unit = name + "年均增长", "composed", "%"
            elif c.measure == "growth" and unit != "%":
                t_name, origin, t_unit = name + "增速", "composed", "%"
            if (c.year, c.kind, _squeeze(text)) in stated:
                continue  # 完成省下达目标 merged across 预期目标 | 力争目标 (the loader prints it in each): one target
            stated.add((c.year, c.kind, _squeeze(text)))
            parsed = parse_target(_squeeze(text), column_unit=t_unit)
            if parsed.unit is None:
                parsed.unit = t_unit  # a worded target keeps the unit its row prints, as in targets tables
            parsed.modality = parsed.modality or c.modality  # (力争目标's cell: 7.5)
            out.append(GridLine("target", text=_squeeze(text), span=span, year=c.year, seq=seq, unit=parsed.unit,
                                attribute=attribute, parsed=parsed, name_origin=origin,
                                name=t_name, name_span=name_span, parent=parent, category=row.category))
            continue
        number = _number(text)
        if number is None and c.measure == "growth" and _squeeze(text) in FLAT_CELLS:
            number = (Decimal(0), 0, len(text))  # 持平: no change, growth 0
        if number is None or cumulative or POINTS_CELL.search(text):
            continue  # 完成 (no figure), ［4.5］ (a five-year sum), 提高13.4个百分点 (a change in points)
        value, at, end = number
        a_unit = c.unit or ("%" if c.measure in ("growth", "share") or c.kind == "average" else unit)
        measure = "growth" if c.kind == "average" else actual_measure(name, a_unit, c)
        if measure == "level" and printed_growth(text):
            # "增长6%左右" in a row of 亿元 (预计全年): the cell says it is the growth, whatever the row's unit
            measure, a_unit = "growth", "%"
        elif measure == "level" and c.period is None and c.year in part_levels and value < part_levels[c.year] \
                and NUMERIC_CELL.fullmatch(_squeeze(text)) and not c.unit:
            measure, a_unit = "growth", "%"  # 预计全年 5.3 beside 上半年完成 486.2 and a target of 增长5%
        elif measure == "share" and c.period is None and not c.measure and c.year in part_growth \
                and not _SHARE_NAME.search(name):
            measure = "growth"  # 预计全年 8.5 beside 同比增长 8.7 in a row of %
        if measure == "growth" and at and declines(text[:at].rstrip()):
            value = -value  # 下降15.2 under 比上年增长（%）: a fall, as in prose
        elif measure == "growth" and not c.measure and a_unit == "%" and _DECLINE_NAME.search(name):
            value = -value  # 万元GDP能耗下降率 | 2.6: the decline itself, as prose's 下降率为2.6% (a column's growth is its own)
        estimated = c.estimated or c.kind == "estimate" or "预计" in text or all_estimated \
            or (c.year is not None and c.year in estimated_years)
        comparator = result_comparator(text, at, end)  # (5.5以内: <=, as its target)
        out.append(GridLine("actual", text=_squeeze(text), span=span, year=c.year, unit=a_unit, measure=measure,
                            value=value, comparator=comparator, estimated=estimated, period=c.period,
                            unit_span=unit_span if a_unit == unit else c.span, name=name, name_span=name_span,
                            parent=parent, category=row.category, name_origin=origin))
    return out


def _figures(values: list[Column], row: GridRow, name: str) -> list[tuple[Column, str, str, tuple[int, int]]]:
    """Each value cell's figures: (column, the name a figure is of, its text, its span)."""
    out: list[tuple[Column, str, str, tuple[int, int]]] = []
    for c in values:
        cell = row.cells[c.index]
        span = (cell.start + (len(cell.text) - len(cell.text.lstrip())), cell.start + len(cell.text.rstrip()))
        out += [(c, n, t, s) for n, t, s in cell_figures(cell.text.strip(), span, name)]
    return out


# the parts a coordinated name stands for (城镇, 农村 of 城乡居民…): a cell may print a figure of each
_MEMBERS: Final = sorted({m for ms in LEX.mapping("names.coordinations").values() for m in ms}, key=len, reverse=True)
LABELLED_FIGURE: Final = re.compile(rf"[\s，,、；;]*({'|'.join(map(re.escape, _MEMBERS))})[:：]?\s*({NUMERIC_CELL.pattern})")


def cell_figures(text: str, span: tuple[int, int], name: str) -> list[tuple[str, str, tuple[int, int]]]:
    """The figures of a value cell, each with the name it is of and its span: the cell whole, or —
    a cell printing a figure for each part of a coordinated name (城乡居民人均可支配收入增长 | 城镇4.6
    农村6.9) — each part's figure under the part's name (城镇居民…, 农村居民…); none when the name does not
    divide into those parts (no figure is the whole's)."""
    pieces: list[re.Match[str]] = []
    pos = 0
    while pos < len(text):
        m = LABELLED_FIGURE.match(text, pos)
        if m is None or m.end() == pos:
            break
        pieces.append(m)
        pos = m.end()
    if len(pieces) < 2 or text[pos:].strip():
        return [(name, text, span)]
    from zhibiao.extract.coordination import expand_coordination

    names = expand_coordination(name, len(pieces)) or []
    out: list[tuple[str, str, tuple[int, int]]] = []
    for m in pieces:
        part = next((n for n in names if m.group(1) in n), None)
        if part is None:
            return []  # 城镇4.6 农村6.9 for a name that does not divide into them: neither is its figure
        out.append((part, m.group(2), (span[0] + m.start(2), span[0] + m.end(2))))
    return out


def estimate_note(note: str) -> tuple[set[int], bool]:
    """Years a note under a table marks as estimates ("注：2025年数据为预计数"), or all (no year) — none
    where it speaks of the figures marked (带“预计”的为预计数: each such cell says so itself)."""
    v = column_vocab()
    if not v.estimate_note.search(note) or v.marked_estimates.search(note):
        return set(), False
    years = {int(y) for y in YEARS.findall(note)}
    return years, not years


def total_row(rows: list[GridRow], columns: list[Column], title: str) -> bool:
    """Is the first row of a results table the total the others detail (its name in the title,
    a share of 100, or later rows opening with 其中)?"""
    if len(rows) < 2:
        return False
    name_col = next((c for c in columns if c.role == "name"), None)
    if name_col is None or name_col.index not in rows[0].cells:
        return False
    first, _u, _l = row_name(rows[0].cells[name_col.index].text)
    if first and _squeeze(first) in _squeeze(title):
        return True
    shares = [c for c in columns if c.role == "value" and c.measure == "share"]
    if any(_squeeze(rows[0].cells.get(c.index, GridCell("", 0, 0)).text) in column_vocab().total_shares for c in shares):
        return True
    return any(column_vocab().sub_row.match(r.cells.get(name_col.index, GridCell("", 0, 0)).text.strip())
               for r in rows[1:])


TITLE_GROWTH: Final = re.compile(rf"(?:{alternation(TABLE_WORDS['columns']['growth'])})")
# a caption naming the head its rows' bare measures are of (表1　2025年规模以上工业主要指标 | 利润总额: 规模以上工业利润总额,
# as a bare measure in prose takes the head of the name before it: names.shared_heads, names.bare_measures)
CAPTION_HEAD: Final = re.compile(LEX.alt("names.shared_heads"))
BARE_MEASURES: Final = frozenset(LEX.words("names.bare_measures"))


def read_rows(rows: list[GridRow], columns: list[Column], title: str, note: str,
              indent: Callable[[int], int] | None = None, warnings: list[str] | None = None) -> list[GridLine]:
    """Every target and actual of a table's rows; ``indent``: how far the line a cell opens is indented;
    ``warnings``: where cells left undecided are reported."""
    name_col = next((c for c in columns if c.role == "name"), None)
    if name_col is None:
        return []
    signed_columns = frozenset(c.index for c in columns if c.role == "value" and any(
        c.index in r.cells and SIGNED_BRACKET_CELL.fullmatch(_squeeze(r.cells[c.index].text)) for r in rows))
    if TITLE_GROWTH.search(title or ""):
        # "表1　2020年居民消费价格比上年涨跌幅度": the title says what its unlabelled figures are
        for c in columns:
            if c.role == "value" and c.measure is None and c.kind in ("result", "base", None):
                c.measure = "growth"
    forward = any(c.kind == "target" for c in columns)
    total = not forward and total_row(rows, columns, title)
    head = CAPTION_HEAD.search(title) if title else None
    estimated_years, all_estimated = estimate_note(note)
    out: list[GridLine] = []
    main: str | None = None
    first_name = None
    sub_indent = 0  # how far the last sub-row was indented (　其中：住户存款)
    for k, row in enumerate(rows):
        cell = row.cells.get(name_col.index)
        if cell is None:
            continue
        name, _u, _l = row_name(cell.text)
        name = joined_name(name)
        sub = bool(column_vocab().sub_row.match(cell.text.strip()))
        if k == 0:
            first_name = name
        if indent is not None and total and k > 0:
            at = indent(cell.start)
            if sub:
                sub_indent = at
            elif at < sub_indent:
                total = False  # a row less indented than the sub-rows before it (各项贷款余额) is a whole again
        # a row marked # (#工业) is a part of the main row right above it; under a total, any other row
        # (其中：城镇, 其中：男性 — each 其中 a new breakdown of the total) is the total's
        above = sub and cell.text.strip().startswith(column_vocab().row_above_marks)
        parent = main if (above and main) else first_name if (total and k > 0) else (main if sub else None)
        parent = parent or row.parent  # (under a parent label: 主要污染物排放重点工程减排量 → 化学需氧量)
        if not sub:
            main = name
        lines = lines_of_row(row, columns, parent, estimated_years, all_estimated, signed_columns, warnings)
        if head is not None:
            for x in lines:
                if x.name in BARE_MEASURES:
                    x.name, x.name_origin = head.group() + x.name, "composed"
        out.extend(lines)
    return out

"""The text stage's fast paths give the answers of the general tests they stand in for.

Each character test that decides whether a regex is tried at all (a line's first or last
character, a mark it must hold) is compared with the regex alone on many lines made of the
characters and words the patterns read; and the passes rewritten for speed — joining broken
lines, folding spaces, applying edits — are compared, output and map, with their earlier form,
kept here as the reference (tests/text/test_fast_paths.py is where a new fast path is pinned).
"""
from __future__ import annotations

import importlib
import re
from array import array
from bisect import bisect_left, bisect_right

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhibiao.models import Span
from zhibiao.text.chinese import simplified_from, to_simplified
from zhibiao.text.offsets import Edit, MappedText

N = importlib.import_module("zhibiao.text.normalize")  # (the module: the package's attribute is the function)

# pieces a line is made of: the characters and words the patterns open or end with, in both forms
_OPENING_WORDS = N._OPENINGS
_PIECES = (
    list(" \t\u2003\u3000") + list("0123456789.%，。；;：:、．,()（）[]〔〕［］|-—–+<>≤≥＜＞•·●■◆▲★☆○◇□▪►√")
    + list("一二三四五六七八九十百第附件表图圖章节条是各号年月日国家发展经济增长万亿元a")
    + list(">»›") + ["”", "“", "」", "…", "\u4e00", "\u9fff", "\u3400", "\uff01"]
    + N.LAYOUT["title_ends"] + N.LAYOUT["title_word_ends"] + N.LAYOUT["title_note_words"] + N.LAYOUT["title_notes"]
    + N.LAYOUT["cell_qualifiers"] + _OPENING_WORDS
    + [t for w in _OPENING_WORDS for t in simplified_from(w[0])[1:]]  # traditional forms of the openings' first characters
    + ["2024年3月25日", "2018-03-20", "10:33", "〔2024〕", "[2024]", "12号", "报告（摘要）", "纲要(全文)", "首页>政务公开>"]
    # openings the line patterns match whole (a heading, an item, a date, a caption, a cell)
    + ["第三章", "第一节", "第二部分", "(2022年3月25日)", "（2022年3月25日）", "——2024年1月22日", "—", "–2024年1月2日",
       "（一）", "(二)", "（1）", "(2)", "1、", "2.", "三、", "十．", "百、", "一是", "十是", "附件", "附表", "图1", "圖2", "表3",
       "＜5", "＞5%", "≤3", "≥2", "<1", ">4", "+5", "-3", "〔6〕", "［7］", "[8]", "(9)", "（10）"]
)
LINES = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


# -- character tests against their regexes -------------------------------------------------

# (each character test, by name, beside the pattern it stands in for)
MATCHED_AS_THE_PATTERN_DOES = [("_opens_new_line", "NEW_LINE_OPENING"), ("_date_line", "DATE_LINE"),
                               ("_cell_value", "CELL_VALUE")]


@pytest.mark.parametrize("cheap, pattern", MATCHED_AS_THE_PATTERN_DOES)
@settings(max_examples=3000, deadline=None)
@given(line=LINES)
# a new line's openings, date lines, cell values: every example tried on each test
@example(line="12、目标")
@example(line=" 一是加快")
@example(line="发布日期：2024")
@example(line="国家发展 ： x")
@example(line="\u2003（3）")
@example(line="二〇二五年二月十八日")  # (a year in Chinese digits opens a date line: red team 34)
@example(line="第三章 总则")
@example(line="（2022年3月25日）")
@example(line="—2024年1月22日")
@example(line=" 2024 年 1 月 2 日")
@example(line="(2022年3月25日)")
@example(line=" ＜5%")
@example(line="6左右")
@example(line="\u30005.5 以上")
def test_a_line_is_tested_as_the_pattern_does(cheap, pattern, line):
    assert getattr(N, cheap)(line) == (getattr(N, pattern).match(line) is not None)


@settings(max_examples=3000, deadline=None)
@given(LINES)
@example("地区生产总值增长7%左右")
@example("城镇新增就业1800人 ")
@example("粮食总产量稳定在10万吨以上")
@example("PM2.5平均浓度下降到30")
@example("增长6%-7%")
def test_a_figure_item_line_is_tested_as_the_pattern_does(line):
    general = len(line) <= N.FIGURE_ITEM_LONGEST and N.FIGURE_ITEM.match(line) is not None
    assert N._figure_item(line) == general


@settings(max_examples=3000, deadline=None)
@given(LINES)
@example("图1 三次产业增加值")
@example("表 2")
@example("（一）构建体系")
def test_a_heading_line_is_tested_as_the_patterns_do(line):
    general = bool(N.HEADING.match(line) or N.CAPTION_LINE.match(line)) and len(line) < 40 and "。" not in line
    assert N._is_heading_line(line) == general


@settings(max_examples=3000, deadline=None)
@given(LINES)
@example("某市国民经济和社会发展第十五个五年规划纲要（摘要）")
@example("政府工作报告(全文)")
def test_title_endings_are_tested_as_the_patterns_do(line):
    assert N._title_note_end(line) == (N.TITLE_NOTE_END.search(line) is not None)
    assert N._ends_with(line, N.TITLE_ENDS) == (N.TITLE_END.search(line) is not None)
    assert N._ends_with(line, N.TITLE_WORD_ENDS) == line.endswith(N.TITLE_WORD_END)
    assert (line[-1:] in N.TERMINAL_MARKS) == line.endswith(N.TERMINAL)


@settings(max_examples=3000, deadline=None)
@given(LINES, LINES)
@example("收入200.", "2亿元")
@example("增长5", ".1%")
@example("增长5.", ".1%")
def test_a_number_cut_is_tested_as_the_patterns_do(a, b):
    if not a:
        return
    general = bool(re.compile(r"\d\.?$").search(a, max(0, len(a) - 2)) and re.compile(r"\.?\d").match(b)
                   and not (a.endswith(".") and b.startswith(".")))
    assert N._number_cut(a, b) == general


def _page_furniture(line: str) -> bool:
    """page_furniture as it was: the regexes alone."""
    if len(line) <= 100 and (N.BREADCRUMB.search(line) or N.DATELINE.match(line)):
        return True
    return bool(N.PAGE_OPENING.match(to_simplified(line.lstrip()[:N.OPENING_LENGTH])))


@settings(max_examples=3000, deadline=None)
@given(LINES)
def test_page_furniture_is_tested_as_the_patterns_do(line):
    assert N.page_furniture(line) == _page_furniture(line)


@pytest.mark.parametrize("word", _OPENING_WORDS)
def test_every_opening_in_either_form_is_page_furniture(word):
    for first in simplified_from(word[0]):
        line = f" {first}{word[1:]} 某市人民政府"
        assert N.page_furniture(line) == _page_furniture(line)
        assert N.page_furniture(line) or to_simplified(first) != word[0]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=6), st.integers(-2, 130))
def test_a_zone_is_found_as_the_bisection_by_tuples_did(raw, offset):
    zones, pos = [], 0
    for gap, width in raw:
        zones.append((pos + gap, pos + gap + width))
        pos += gap + width + 1
    k = bisect_right(zones, (offset, float("inf"))) - 1
    assert N._in_zones(offset, zones) == (k >= 0 and zones[k][0] <= offset <= zones[k][1])


# -- the passes against their earlier form -------------------------------------------------

def _edit(m: MappedText, edits) -> MappedText:
    """MappedText.edit as it was: the map extended piece by piece."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    if not ordered:
        return m
    parts, starts, ends, pos = [], array("l"), array("l"), 0
    for start, end, replacement, _kind in ordered:
        if start < pos:
            raise ValueError(f"overlapping edits at {start}")
        parts.append(m.text[pos:start])
        starts.extend(m.starts[pos:start])
        ends.extend(m.ends[pos:start])
        if replacement:
            if end > start:
                src_start, src_end = m.starts[start], m.ends[end - 1]
            else:
                src_start = src_end = m.starts[start] if start < len(m.text) else m.raw_length
            if len(replacement) == end - start:
                starts.extend(m.starts[start:end])
                ends.extend(m.ends[start:end])
            else:
                starts.extend([src_start] * len(replacement))
                ends.extend([src_end] * len(replacement))
            parts.append(replacement)
        pos = end
    parts.append(m.text[pos:])
    starts.extend(m.starts[pos:])
    ends.extend(m.ends[pos:])
    return MappedText("".join(parts), starts, ends, m.raw_length)


def _same(a: MappedText, b: MappedText) -> None:
    assert (a.text, list(a.starts), list(a.ends), a.raw_length) == (b.text, list(b.starts), list(b.ends), b.raw_length)


@st.composite
def _edits(draw):
    """A mapped text (edited once already, so its map is not the identity) and edits on it."""
    text = draw(st.text(alphabet="ab国 \n", max_size=30))
    m = MappedText(text)
    if len(text) > 3:
        m = m.edit([Edit(1, 3, draw(st.sampled_from(["", "x", "xyz"])))])
    edits, pos = [], 0
    while pos <= len(m.text) and len(edits) < 8:
        start = pos + draw(st.integers(0, 3))
        end = start + draw(st.integers(0, 3))
        if end > len(m.text):
            break
        edits.append(Edit(start, end, draw(st.sampled_from(["", " ", "\t", "xy", "abcd"])), "test"))
        pos = end + (1 if end == start else 0)  # (two insertions at one place: their order is the caller's)
    return m, draw(st.permutations(edits))


@settings(max_examples=1000, deadline=None)
@given(_edits(), st.booleans())
def test_edits_are_applied_as_piece_by_piece(case, plain):
    m, edits = case
    given_edits = [tuple(e) for e in edits] if plain else edits  # (plain tuples, as the passes give them)
    _same(m.edit(given_edits), _edit(m, edits))


def test_overlapping_edits_are_refused_with_plain_tuples():
    with pytest.raises(ValueError):
        MappedText("abcdef").edit([(0, 3, "x", "t"), (2, 4, "y", "t")])


def _rearrange(m: MappedText, pieces) -> MappedText:
    """MappedText.rearrange as it was: the map's arrays extended piece by piece."""
    parts, starts, ends = [], array("l"), array("l")
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            nxt = next((p for p in pieces[i + 1:] if not isinstance(p, str)), None)
            anchor = m.starts[nxt[0]] if nxt and nxt[0] < len(m.text) else m.raw_length
            parts.append(piece)
            starts.extend([anchor] * len(piece))
            ends.extend([anchor] * len(piece))
        else:
            a, b = piece
            parts.append(m.text[a:b])
            starts.extend(m.starts[a:b])
            ends.extend(m.ends[a:b])
    return MappedText("".join(parts), starts, ends, m.raw_length)


@st.composite
def _passes(draw):
    """A text and a few passes over it, as normalize makes them: edits, a translation, pieces put in
    another order."""
    text = draw(st.text(alphabet="ab国 \n", min_size=0, max_size=40))
    passes = []
    length = len(text)
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["edit", "edit", "translate", "rearrange"]))
        if kind == "edit":
            edits, pos = [], 0
            while len(edits) < 6:
                start = pos + draw(st.integers(0, 4))
                end = start + draw(st.integers(0, 3))
                if end > length:
                    break
                edits.append((start, end, draw(st.sampled_from(["", " ", "xy", "abc", "\n"])), "test"))
                pos = end + (1 if end == start else 0)
            passes.append(("edit", draw(st.permutations(edits))))
            length += sum(len(r) - (b - a) for a, b, r, _k in edits)
        elif kind == "translate":
            passes.append(("translate", None))
        else:
            cuts = sorted(draw(st.lists(st.integers(0, length), max_size=4)))
            bounds = [0, *cuts, length]
            pieces = [(a, b) for a, b in zip(bounds, bounds[1:])]
            pieces = draw(st.permutations(pieces))
            pieces = [p for piece in pieces for p in (piece, draw(st.sampled_from(["", "\n", "--"])))]
            passes.append(("rearrange", pieces))
            length += sum(len(p) for p in pieces if isinstance(p, str))
    return text, passes


@settings(max_examples=1000, deadline=None)
@given(_passes())
def test_a_map_of_runs_reads_as_the_arrays_a_character_did(case):
    """The map kept as runs (counting or constant) gives, after any passes, the arrays the passes made
    piece by piece, and to_source, start_of and end_of read them."""
    text, passes = case
    m = reference = MappedText(text)
    for kind, arg in passes:
        if kind == "edit":
            m, reference = m.edit(arg), _edit(reference, arg)
        elif kind == "translate":
            table = {ord("a"): "b"}
            m, reference = m.translate(table), MappedText(reference.text.translate(table), reference.starts,
                                                              reference.ends, reference.raw_length)
        else:
            m, reference = m.rearrange(arg), _rearrange(reference, arg)
    _same(m, reference)
    n = len(m.text)
    assert [(m.start_of(i), m.end_of(i)) for i in range(n)] == list(zip(reference.starts, reference.ends))
    for start in range(n + 1):
        for end in range(start, min(n, start + 6) + 1):
            assert _outcome(m.to_source, start, end) == _outcome(_to_source, reference, start, end)


def _to_source(m: MappedText, start: int, end: int):
    """MappedText.to_source as it was: read from the arrays."""
    if start == end:
        pos = m.starts[start] if start < len(m.text) else m.raw_length
        return Span(pos, pos)
    first, last = m.starts[start], m.ends[end - 1]
    if last < first:
        first, last = min(m.starts[start:end]), max(m.ends[start:end])
    return Span(first, last)


def _outcome(function, *args):
    """What a call returns, or the kind of error it raises (a span a pass made backwards, across pieces
    put in another order, is refused either way)."""
    try:
        return function(*args)
    except ValueError:
        return ValueError


def _fold_spaces(m: MappedText, zones) -> MappedText:
    """_fold_spaces as it was: lines and runs of spaces found by the regex."""
    text = m.text
    edits = []
    for s, e in N._lines(text):
        line = text[s:e]
        if " " not in line:
            continue
        keep_cells = N._in_zones(s, zones) and N._is_space_row(line)
        spaced = [w for x in N.LETTER_SPACED.finditer(line) for w in N._spaced_words(x)] if keep_cells else []
        # the zone's rows set out by wide gaps, never by bars; a sub-row of one gap or an indent, or
        # a name and its figure parted by one space, in a table so laid out
        zone_laid_out = N._in_zones(s, zones) and N._LaidOutZones(text, zones).of(s) and "|" not in line
        gaps = len(N.WIDE_GAP.findall(line.strip()))
        laid_out = keep_cells and "|" not in line and (gaps >= 2 or (zone_laid_out and (gaps == 1 or line.startswith("  "))))
        laid_out = laid_out or (not keep_cells and zone_laid_out and line.startswith("  ") and "\t" not in line)
        split_singles = False
        if laid_out and keep_cells and "|" not in line and gaps and not spaced:
            # a row short of its table's cells by as many as its single spaces: parted at them too
            missing = N._LaidOutZones(text, zones).cells(s) - gaps - 1 - line.startswith("  ")
            split_singles = missing > 0 and len(re.findall(r"(?<=\S) (?=\S)", line.strip())) == missing
        last_run = list(re.finditer(r" +", line.rstrip()))
        figure_gap = last_run[-1].start() if keep_cells and zone_laid_out and not gaps and N._laid_out_row(line) else -1
        for x in re.finditer(r" +", line):
            a, b = x.start(), x.end()
            if spaced and any(p <= a and b <= q for p, q in spaced):
                edits.append(Edit(s + a, s + b, "", "space"))
                continue
            if (laid_out and b < len(line) and (b - a >= 2 or split_singles)) or a == figure_gap:
                edits.append(Edit(s + a, s + b, "\t", "space"))
                continue
            if b == len(line) or (a == 0 and not keep_cells):
                edits.append(Edit(s + a, s + b, "", "space"))
                continue
            if keep_cells:
                if b - a > 1:
                    edits.append(Edit(s + a, s + b, " ", "space"))
                continue
            before, after = line[a - 1] if a else "", line[b]
            if N._is_cjk(before) or N._is_cjk(after) or before == "\t" or after == "\t":
                edits.append(Edit(s + a, s + b, "", "space"))
            elif b - a > 1:
                edits.append(Edit(s + a, s + b, " ", "space"))
    return _edit(m, edits)


_ROWS = st.lists(st.sampled_from([" ", "  ", "   ", "\t", "\n", "国", "指", "标", "a", "1", "，", "|", "附件\n", "序号 指标 目标\n"]),
                 max_size=40).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_ROWS)
@example("附件\n指    标    名    称    单 位\n1 地区生产总值 % 6 左右 \n")
@example("序号  指标   目标\n1  地区  生产   5 5\n正文，这是一段很长的文字。\n a b  c ")
def test_spaces_are_folded_as_by_the_regex(text):
    m = MappedText(text)
    zones = N.find_table_zones(text)
    _same(N._fold_spaces(m, zones), _fold_spaces(m, zones))


def _join_broken_lines(m: MappedText, zones, blocks: bool = False) -> MappedText:
    """_join_broken_lines as it was: every test as written first, in its first order."""
    text = m.text
    edits = []
    nonblank = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            nonblank.append((pos, pos + len(line), line))
        pos += len(line) + 1
    digit_at_end, digit_at_start = re.compile(r"\d\.?$"), re.compile(r"\.?\d")
    wrap_length = N._wrap_length(nonblank)
    width = wrap_length if N.FULL_LINE <= wrap_length <= N.WRAPPED_LONGEST else 0
    reaching = [line for _s, _e, line in nonblank if len(line) >= width - N.WRAP_SLACK]
    if len(reaching) < N.WIDTH_LINES or 2 * sum(1 for line in reaching if line.rstrip().endswith(N.TERMINAL)) >= len(reaching):
        width = 0  # (a width most of whose lines close a sentence: a list's items, no wrap)
    items = [len(line) <= N.FIGURE_ITEM_LONGEST and N.FIGURE_ITEM.match(line) is not None for _s, _e, line in nonblank]
    for i, ((s1, e1, a), (s2, _e2, b)) in enumerate(zip(nonblank, nonblank[1:])):
        # a clause's end, or a wrap mark across a blank line, runs on at the wrap width of a wrapped
        # text (reached by several lines); a line opening with a mark no line opens with continues
        # the line above
        at_width = width > 0 and len(a) >= width - N.WRAP_SLACK
        continues = b[:1] in N.CONTINUES_ABOVE
        if (a.endswith(N.TERMINAL) and not (a[-1] in N.CLAUSE_ENDS and at_width)) or len(a) < 10 \
                or (len(a) < 15 and len(b) < 6) or "\t" in a or "\t" in b:
            continue
        if a[-1] in N.WRAPPED_AFTER and s2 != e1 + 1 and not continues and not at_width:
            continue
        if not at_width and (items[i] and items[i + 1] or items[i + 1] and items[i + 2:i + 3] == [True]
                             or items[i + 1] and items[i - 1:i] == [True]  # a line between two items is one
                             or items[i] and items[i - 1:i] == [True] and re.match(r"[\u4e00-\u9fff]|\d{1,4}\s*[年月日]", b)
                             and not any(b.startswith(w) for w in N.FIGURE_TAILS)):
            continue  # list items a line, each stating its figure; the lines above and below a run of them
        if N._in_zones(s1, zones) or N._in_zones(s2, zones):
            continue
        number_cut = digit_at_end.search(a, max(0, len(a) - 2)) and digit_at_start.match(b) and not (a.endswith(".") and b.startswith("."))
        if blocks and "\n" in text[e1 + 1:s2] and not at_width and not number_cut:
            continue  # a paragraph's end, but for a wrapped text's line at its width or a number cut
        if i == 0 and not at_width and re.match(r"[\u4e00-\u9fff]|\d{1,4}\s*[年月日]", b) and N.CLAUSE_PUNCT.search(b) \
                and not N.CLAUSE_PUNCT.search(a) and re.search(r"\d{4}\s*年", a):
            continue  # a headline naming a year above the text's first sentence
        if N._pipe_row(a) or N._pipe_row(b):
            continue
        if N.CELL_VALUE.match(b) and not N.CLAUSE_PUNCT.search(a):
            continue
        if len(b.strip()) <= 4 and not b.rstrip().endswith(N.TERMINAL) and not N.CLAUSE_PUNCT.search(a):
            continue
        if N.NEW_LINE_OPENING.match(b) or (bool(N.HEADING.match(a) or N.CAPTION_LINE.match(a)) and len(a) < 40 and "。" not in a
                                           and not at_width):
            continue
        if N.DATE_LINE.match(a) or N._doc_number(b) or N._doc_number(a) or N._stamp_at_end(a):
            continue
        if (b.startswith("各") and b.endswith(("：", ":"))) or a.endswith(N.TITLE_WORD_END) or N.TITLE_NOTE_END.search(a):
            continue
        body_line = re.compile(rf"(?:{'|'.join(N.LAYOUT['body_line_ends'])})$")
        # (with the date after it on its line: 某市发展和改革委员会　2026年2月8日)
        names = [re.sub(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", "", x) for x in (a, b)]
        if any(body_line.search(x) and len(x.strip()) < N.FULL_LINE and not N.CLAUSE_PUNCT.search(x) for x in names):
            continue  # a body's name on a short line of its own
        wrapped_after = N._cjk_or_alnum(a[-1]) or a[-1] in N.WRAPPED_AFTER or a[-1] in N.CLAUSE_ENDS or continues
        if not number_cut and not (wrapped_after or at_width) \
                or not number_cut and not (N._cjk_or_alnum(b[0]) or b[0] in N.WRAPPED_BEFORE or continues
                                           or (at_width and not b[0].isspace())):
            continue
        if "\n\n" in text[e1:s2] and not continues and ((len(a) < N.FULL_LINE and not N._leaves_open(a)) or N.TITLE_END.search(a)):
            continue
        if "\n\n" in text[e1:s2] and not continues and wrap_length > N.WRAPPED_LONGEST and not N._leaves_open(a) \
                and not N.CLAUSE_PUNCT.search(a):
            continue
        if _page_furniture(a) or _page_furniture(b):
            continue
        edits.append(Edit(e1, s2, "", "join"))
    return _edit(m, edits)


_LONG_LINES = st.lists(LINES.map(lambda line: "坚持稳中求进工作总基调" + line), min_size=1, max_size=8)
_BREAKS = st.sampled_from(["\n", "\n\n", "\n \n"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.one_of(LINES, _LONG_LINES.map("".join)), _BREAKS), max_size=10), st.booleans())
@example([("要坚持稳中求进工作总基调，持续推动“八", "\n\n"), ("八战略”走深走实。", "\n")], False)
@example([("全市上下坚持稳中求进工作总基调，持续推动经济", "\n\n"), ("高质量发展。", "\n")], True)
@example([("全市上下坚持稳中求进工作总基调，收入200.", "\n"), ("2亿元", "\n"), ("您当前的位置：首页", "\n")], False)
@example([("坚持稳中求进工作总基调", "\n"), ("人民政府2024年3月25日", "\n")], False)  # a body's line with its date
def test_broken_lines_are_joined_as_by_every_test_in_turn(pieces, blocks):
    text = "".join(line + brk for line, brk in pieces)
    m = MappedText(text)
    zones = N.find_table_zones(text)
    _same(N._join_broken_lines(m, zones, blocks), _join_broken_lines(m, zones, blocks))


# -- scans for a mark or a word, by str.find -------------------------------------------------

_YEAR_PIECES = st.lists(st.sampled_from(list("一二〇零三四五六七八九十百千万年 \t\n\u3000x，") + ["二〇二五", "二零二四年", "一九九八 年"]),
                        max_size=16).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_YEAR_PIECES)
@example("二〇二五年")
@example("十二〇二五年")
@example("二〇二五 \n年二〇二六年")
def test_years_are_put_in_digits_as_the_pattern_s_substitution_does(text):
    from zhibiao.text.chinese import CHINESE_YEAR, _YEAR_DIGITS, years_in_digits

    expected = CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)
    assert years_in_digits(text) == expected


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(list(",，、;；。：:x年\n ")), max_size=10).map("".join))
def test_two_marks_side_by_side_are_found_as_the_pattern_finds_them(text):
    assert N._two_marks(text) == (N.TWO_MARKS.search(text) is not None)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 .\n亿元a")), max_size=30).map("".join), st.integers(0, 31))
def test_the_spaces_between_digits_from_an_offset_are_those_of_the_whole_text_after_it(text, offset):
    """The decimals' pass reads a zone's spaces between digits from the text's list (_digit_gaps), as
    a scan of the text from the zone's start found them (its look-behind reads the digit before it)."""
    gaps = N._digit_gaps(text)
    assert gaps[bisect_left(gaps, offset):] == [gap.start() for gap in N.DIGIT_SPACE_DIGIT.finditer(text, offset)]

"""Stage 2: normalise a loaded text, keeping an exact map back to the raw text.

Passes, in order (each an edit list on a :class:`MappedText`):

1. line endings, BOM, NUL and other control characters, bidirectional overrides;
2. width folding: full-width letters, digits and ASCII symbols to ASCII (Chinese punctuation
   such as ，。：（） is kept as printed);
3. page furniture: page numbers ("—31—", "第 3 页", "3/12") and headers repeated at page starts; a
   box's caption printed on one line with the box's first line (专栏2 重点产业项目 1.…) a line of its own;
4. decimal points a PDF lost as a space, restored only on strong evidence and flagged
   (``1023 6 亿元``, ``％ 5 5 左右`` in a table row, ``PM2 5``, ``0 008``);
5. spaces: a space next to a Chinese character is layout, not content, and goes — except in
   space-separated table rows, where spaces separate cells;
6. lines a page break or a wrap cut mid-sentence are joined again ("八\\n\\n八战略").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from zhibiao.datafiles import load_yaml
from zhibiao.models import LoadedText, Span
from zhibiao.text.chinese import script_forms, simplified_from, to_simplified
from zhibiao.text.offsets import Change, Edit, MappedText
from zhibiao.text.scan import alternation as _alt, scanner


def _in_both_scripts(node):
    """The layout's word lists with every printing of each word in simplified or traditional
    characters (this stage reads the text as printed, before its simplified shadow: 億元 splits a
    decimal as 亿元 does, 主要指標 heads a table as 主要指标 does)."""
    if isinstance(node, dict):
        return {k: _in_both_scripts(v) for k, v in node.items()}
    if isinstance(node, list):
        return script_forms(node)
    return node


# the words a document's layout is read by (text/data/layout.yaml), in either script
LAYOUT: Final = _in_both_scripts(load_yaml("zhibiao.text", "data", "layout.yaml"))


def _spaced(word: str) -> str:
    """A word that may be printed letter-spaced (指 标 名 称)."""
    return r"\s*".join(re.escape(c) for c in word)


# Full-width forms folded to ASCII, except the Chinese punctuation documents print on purpose.
_KEEP_FULLWIDTH: Final = set("（）：，；！？")
WIDTH_TABLE: dict[int, str] = {
    cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH
}
WIDTH_TABLE.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ",
                    0xFE6A: "%", 0x2215: "/"})



def _runs(chars: str) -> re.Pattern:
    """A pattern finding runs of the characters of a class. (Written ``[…][…]*``, not ``[…]+``: the
    engine scans fast for a pattern that opens with a class, and tries one that opens with a
    repeat at every position.)"""
    return re.compile(f"{chars}{chars}*")


# runs of the characters WIDTH_TABLE folds (only they are translated; a text with none is left as it is)
WIDTH_CHARACTERS: Final = "".join(re.escape(chr(cp)) for cp in sorted(WIDTH_TABLE))
WIDTH_FOLDED: Final = _runs(f"[{WIDTH_CHARACTERS}]")
VERTICAL_TAB, FORM_FEED = _runs("\x0b"), _runs("\x0c")

CJK: Final = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’、—…《》【】"
_CJK_CHAR: Final = re.compile(f"[{CJK}]")

PAGE_NUMBER: Final = re.compile(
    r"^[ \t]*(?:[—–\-－· ]*\d{1,4}[—–\-－· ]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})[ \t]*$"
)
PAGE_NUMBER_STRICT: Final = re.compile(r"^[ \t]*(?:[—–\-－·]+ ?\d{1,4} ?[—–\-－·]+|第\s*\d+\s*页.*页?)[ \t]*$")
# how every line it matches opens (form feeds in it dropped): found after a line break (a literal
# the engine scans for fast; the first line is tried apart)
FURNITURE_START: Final = re.compile(r"\n[ \t\f]*[—–\-－·第]")
FIRST_LINE_FURNITURE: Final = re.compile(r"[ \t\f]*[—–\-－·第]")

HEADING: Final = re.compile(
    r"^[ \t]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]"
    r"|第[一二三四五六七八九十百]+[章节部分条]|附件|附表)"
)
TERMINAL: Final = tuple("。！？；：:;!?”’\"」』】》…")  # not ）: a page break often falls right after one
TERMINAL_MARKS: Final = frozenset(TERMINAL)  # (each a character: a line's last one is looked up)
# a wrap may fall after these as after a Chinese character (a repost's ASCII comma or opening
# bracket, a percent sign: 增长6.5% / 左右) — on the next line, not across a blank one (a headline
# ending 增长6.5%, then the article) — and a line opening with these continues the line above
# (；城镇新增就业…, %以内)
WRAPPED_AFTER: Final = frozenset(",(%‰")
WRAPPED_BEFORE: Final = frozenset(",;:%‰)")
# no line opens with these: one that does continues the line above, across a blank line too (增长5% / 。)
CONTINUES_ABOVE: Final = frozenset("。，、；：）！？")
# a clause's end at a wrapped text's width (…增长7.5%； / 固定资产投资…): the sentence runs on — it
# and the marks of WRAPPED_AFTER, across a blank line too, on a line that long (within WRAP_SLACK)
CLAUSE_ENDS: Final = frozenset("；;")
WRAP_SLACK: Final = 2
TITLE_END: Final = re.compile(rf"(?:{_alt(LAYOUT['title_ends'])})$")
# across a blank line (a page break) only a line this long or longer runs on, or one leaving a quotation
# or a bracket open: a shorter one ends its paragraph (a list item one a paragraph: 地区生产总值增长6%左右)
FULL_LINE: Final = 20
# a date line, a byline (——2024年1月22日在…) or a bracketed date ((2022年3月25日)): a line of its own
DATE_LINE: Final = re.compile(r"^\s*(?:[—–\-（(]+\s*)?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                              r"|[零〇○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)")
# a table row with cells between pipes ("地区生产总值 | % | 6左右 |"): never joined
PIPE_ROW: Final = re.compile(r"\S\s*\|\s*\S|^\s*\||\|\s*$")


def _pipe_row(line: str) -> bool:
    """A table row with cells between pipes (every match holds a |: a line without one is not
    scanned)."""
    return "|" in line and PIPE_ROW.search(line) is not None
# a cell of a table copied one cell per line: a figure, a unit or a short cell without punctuation
QUALIFIER: Final = _alt(LAYOUT["cell_qualifiers"])
CELL_VALUE: Final = re.compile(rf"^\s*[-—–+<>≤≥＜＞〔［\[(（]*\d[\d.,%‰]*\s*(?:[)）〕］\]]|{QUALIFIER})*\s*$")
# a short line stating one figure: a name (its verb with it, no clause mark) and a figure ending the
# line, with its unit and qualifier (地区生产总值增长7%左右, 城镇新增就业1800人): two such lines one above the
# other are list items (a web page's, copied into a text file), not a sentence wrapped; the name may be a
# label, a colon after it (地区生产总值：增长6.5%左右, 城镇新增就业：6000人以上)
FIGURE_ITEM: Final = re.compile(
    r"^[ \t]*(?=[\u4e00-\u9fffA-Za-z“])[^\s，。；：、,;:！？!?]{2,}?(?:[：:][^\s，。；：、,;:！？!?]*?)?[ \t]?\d+(?:\.\d+)?[ \t]?[%‰]?(?:\s*[-—–~～至到]\s*\d+(?:\.\d+)?)?"
    rf"(?:[%‰]|(?:{_alt(LAYOUT['item_unit_magnitudes'])})*(?:{_alt(LAYOUT['item_units'])}))?(?:{QUALIFIER})?[ \t]*$")
FIGURE_ITEM_LONGEST: Final = 40  # (a longer line is a sentence's, not a list item's)
FIGURE_TAILS: Final = tuple(LAYOUT["item_units"] + LAYOUT["item_unit_magnitudes"] + LAYOUT["cell_qualifiers"])
# a byline or timestamp ending a line ("NBD图数馆 2018-03-20 10:33:06"): never run into the next line
# a line opening with a bullet or an ordinal item is a new item, never the end of the line above
ITEM_START: Final = re.compile(r"^\s*(?:[—–\-•·●■◆▲★☆○◇□▪►√]|[一二三四五六七八九十]+是)")
STAMP_END: Final = scanner(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]?)\s*$")
DOC_NUMBER: Final = re.compile(r"〔\d{4}〕|\[\d{4}\]|(?<!\d)\d+号\s*$")  # (a digit run tried from its start only)
_HEADER: Final = LAYOUT["table_header"]
# (or a year printed as a cell of its own: 指标 2020年 2025年 — a five-year table's base and end years)
TABLE_HEADER: Final = re.compile(f"(?:{'|'.join(map(_spaced, _HEADER['names']))}).{{0,40}}"
                                 rf"(?:{_alt(_HEADER['columns'])}|(?<![\d年])\d{{4}}年(?=[ \t]|$))")
ATTACHMENT_LINE: Final = re.compile(r"^[ \t]*附\s*件\s*\d*[ \t]*$")

UNIT_WORDS: Final = _alt(LAYOUT["split_decimal_units"])
DIGIT_SPACE_DIGIT: Final = re.compile(r" (?<=\d )\d")  # in every match of DECIMAL_IN_BODY (the space first: a fast scan)
DECIMAL_IN_BODY: Final = scanner(rf"(?<![\d.])(\d{{1,6}}) (\d{{1,2}}) ?(?=(?:{UNIT_WORDS}))")
DECIMAL_AT_ROW_END: Final = re.compile(rf"(?<=[^\d\s.] )(\d{{1,4}}) (\d{{1,3}})(?=[ \t]*(?:{QUALIFIER})?[ \t]*$)")
LEADING_ZERO: Final = scanner(r"(?<![\d.])(0) (\d{1,4})(?![\d.])")
PM25: Final = re.compile(r"(PM2) (5)(?!\d)")


# forum markup a repost carries ([b]20[/b][b]22[/b][b]年[/b], [align=center], [font=宋体]): dropped
BBCODE: Final = re.compile(r"\[/?(?:b|i|u|s|p|br|hr|align|color|font|size|url|img|table|tr|td|th|center|left|right|quote|"
                    r"code|list|indent|backcolor|sup|sub)(?:=[^\]\n]{0,60})?\]", re.IGNORECASE)
BBCODE_BREAK: Final = re.compile(r"\[(?:/(?:align|p|center|left|right|quote|indent|tr|table)|br|hr)\]", re.IGNORECASE)
_PINYIN: Final = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
_TONED: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# a gloss after its character (區(qū)), or at the start of the next line when a wrap fell between
# them (增长 / (zhǎng)5.2%: there only a gloss with a tone mark — a line may open with "(a)")
PINYIN_GLOSS: Final = scanner(rf"(?<=[\u4e00-\u9fff])\([{_PINYIN}]{{1,7}}\)"
                              rf"|(?<=[\u4e00-\u9fff]\n)\((?=[a-zü]{{0,5}}[{_TONED}])[{_PINYIN}]{{1,7}}\)")
DOUBLED_PUNCT: Final = scanner(r"(?<=[,，、;；])[,，、。;；]+|(?<=。)[,，、;；。]+|(?<=[：:])[：:]+")
# two marks side by side: where there are none, DOUBLED_PUNCT (tried at every character) has nothing to find
TWO_MARKS: Final = re.compile(r"[,，、;；。：:][,，、。;；：:]")
MARKS: Final = ",，、;；。：:"  # (the characters of both of TWO_MARKS' classes)


def _two_marks(text: str) -> bool:
    """``TWO_MARKS.search(text) is not None``: the marks Chinese prose is full of (，、。) each by a
    pattern opening with it (the engine runs through the text for a literal at a few instructions a
    character, and tries the mark after it in C), the others from each found by str.find and the
    character after it (str.find runs through a text many times faster, and they are rare: each one
    found costs a call and a character made)."""
    if any(after.search(text) is not None for after in MARK_THEN_MARK):
        return True
    last = len(text) - 1
    for ch in RARE_MARKS:
        k = text.find(ch, 0, last)
        while k >= 0:
            if text[k + 1] in MARKS:
                return True
            k = text.find(ch, k + 1, last)
    return False


COMMON_MARKS: Final = "，、。"
RARE_MARKS: Final = "".join(ch for ch in MARKS if ch not in COMMON_MARKS)
MARK_THEN_MARK: Final = tuple(re.compile(f"{ch}[{re.escape(MARKS)}]") for ch in COMMON_MARKS)
# an ASCII full stop ending a Chinese sentence (…增长5%. / …增长5%.下一句): never a decimal point, a
# list number or an abbreviation's (a digit or a letter stands before those); the stop first, so
# that the engine looks for it as a literal (the text's decimal points are the only other ones)
ASCII_FULL_STOP: Final = re.compile(r"\.(?<=[\u4e00-\u9fff%‰）)”]\.)(?=\s|$|[\u4e00-\u9fff“（(])")


@dataclass
class NormalizedText:
    """The normalised text of a document, its map back to the raw text and the flagged changes."""

    mapped: MappedText
    changes: list[Change] = field(default_factory=list)
    table_zones: list[tuple[int, int]] = field(default_factory=list)  # where tables are laid out

    @property
    def table_zone(self) -> int | None:
        """Where the first table zone starts."""
        return self.table_zones[0][0] if self.table_zones else None

    @property
    def text(self) -> str:
        return self.mapped.text

    def to_source(self, start: int, end: int) -> Span:
        return self.mapped.to_source(start, end)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end))
        pos = end + 1
    return out


def _line_at(text: str, start: int) -> tuple[int, int]:
    """(start, end) of the line that starts at ``start``."""
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


# Control characters that are never content (NUL, escape sequences, BEL...; tab, newline, vertical
# tab and form feed are layout) and the bidirectional controls that make a name display as
# something else (U+202E RIGHT-TO-LEFT OVERRIDE and friends), and the zero-width characters pasted
# text carries inside words and numbers (地区生\u200b产总值): dropped, the offset map keeps them.
# characters that print no text: controls, zero-width marks, and the pictographs a repost decorates
# its lines with (👍, 🔥, with their presentation selectors)
INVISIBLE: Final = ("\ufeff\x00-\x08\x0e-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u00ad"
                    "\ufe0e\ufe0f\U0001F000-\U0001FAFF")
INVISIBLE_CONTROLS: Final = re.compile(f"[{INVISIBLE}]+")
LINE_END_OR_INVISIBLE: Final = re.compile(f"\r\n?|{INVISIBLE_CONTROLS.pattern}")
# a character the cleanup edits (most texts hold none: one scan of a class, not of the alternation)
CLEANUP_CHAR: Final = re.compile(f"[\r\x0b{INVISIBLE}]")
# runs of the characters the cleanup edits or width folding folds (the two sets are apart): one scan
# of a raw text for both passes, since a text without the first keeps its characters for the second
CLEANED_OR_FOLDED: Final = _runs(f"[\r\x0b{INVISIBLE}{WIDTH_CHARACTERS}]")


def _basic_cleanup(m: MappedText) -> MappedText:
    if not CLEANUP_CHAR.search(m.text):
        return m
    edits = [Edit(x.start(), x.end(), "\n" if x.group()[0] == "\r" else "", "cleanup")
             for x in LINE_END_OR_INVISIBLE.finditer(m.text)]
    m = m.edit(edits)
    return m.translate({0x0B: "\n"}, VERTICAL_TAB)


def _clean_and_fold(m: MappedText) -> MappedText:
    """``_basic_cleanup(m)`` width-folded (``translate(WIDTH_TABLE, WIDTH_FOLDED)``), from one scan
    for the characters of both when the cleanup has nothing to do (most texts)."""
    runs = list(CLEANED_OR_FOLDED.finditer(m.text))
    if any(CLEANUP_CHAR.search(run.group()) for run in runs):  # (the text changes: scanned again)
        return _basic_cleanup(m).translate(WIDTH_TABLE, WIDTH_FOLDED)
    return m.translate(WIDTH_TABLE, runs=runs) if runs else m  # (runs of characters width folding folds, only those)


def _drop_noise(m: MappedText) -> MappedText:
    """Pinyin glosses injected after characters by some sites (區(qū)), doubled punctuation (,,),
    forum markup ([b]…[/b]); an ASCII full stop ending a sentence is the Chinese one (增长5%. →
    增长5%。)."""
    text = m.text
    edits = [Edit(x.start(), x.end(), "", "noise") for x in PINYIN_GLOSS.finditer(text)] if "(" in text else []
    # a block's end ([/align], [/p], [br]) ends a paragraph; other markup goes
    if "[" in text:  # (a pattern ignoring case is tried at every position: not where there is no [)
        edits += [Edit(x.start(), x.end(), "\n" if BBCODE_BREAK.match(x.group()) else "", "noise") for x in BBCODE.finditer(text)]
    edits.sort(key=lambda e: e.start)
    taken = {(e.start, e.end) for e in edits}
    for x in DOUBLED_PUNCT.finditer(text) if _two_marks(text) else ():
        if not any(a < x.end() and x.start() < b for a, b in taken):
            edits.append(Edit(x.start(), x.end(), "", "noise"))
    if "." in text:
        edits += [Edit(x.start(), x.end(), "。", "noise") for x in ASCII_FULL_STOP.finditer(text)]
        edits.sort(key=lambda e: e.start)
    return m.edit(edits)


# a box's caption opening a line: the word, its number, then (after spaces or a colon) its title
BOX_CAPTION: Final = re.compile(rf"(?m)^[ \t\u3000]*(?:{_alt(LAYOUT['box_captions'])})[ \u3000]*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
                                rf"(?:[ \u3000]*[:：])?")
BOX_TITLE: Final = re.compile(r"[ \u3000]*([^\s]{2,40})")
# what a title never holds: a sentence's marks, a list's numbering (1.新能源汽车产业园…: the box's first item)
NOT_A_BOX_TITLE: Final = re.compile(r"[。，；！？]|^(?:\d{1,2}[.．、]|[（(]?[一二三四五六七八九十\d]{1,2}[）)、])")
SPACES_THEN_TEXT: Final = re.compile(r"[ \u3000]+(?=[^\s])")
TABS_THEN_TEXT: Final = re.compile(r"\t+(?=[^\s])")


def _part_box_captions(m: MappedText) -> MappedText:
    """A box's caption printed on one line with the box's first line or row (a PDF's or a text file's
    专栏2 重点产业项目 1.新能源汽车产业园…, 专栏1 主要指标 类别 指标 2025年…): the spaces after it a line
    break, so that the caption is a line of its own, never part of the first row's name or a target's
    text. Its title is the word after the number, when it reads as one; spaces part them, a tab only
    before a header's cells (专栏1 主要指标<tab>序号<tab>指标…; 专栏1 经济发展<tab>地区生产总值…: a row whose
    first cell holds the caption, read by the table)."""
    text = m.text
    if not any(w in text for w in LAYOUT["box_captions"]):
        return m
    edits = []
    for c in BOX_CAPTION.finditer(text):
        end = c.end()
        title = BOX_TITLE.match(text, end)
        if title is not None and not NOT_A_BOX_TITLE.search(title.group(1)):
            end = title.end()
        gap = SPACES_THEN_TEXT.match(text, end) or TABS_THEN_TEXT.match(text, end)
        if gap is not None and gap.group()[0] == "\t":
            line_end = text.find("\n", end)
            if not TABLE_HEADER.search(text, gap.end(), line_end if line_end >= 0 else len(text)):
                gap = None  # (a header's cells after a tab are the box's header: a row's cells stay in their row)
        if gap is not None:
            edits.append(Edit(gap.start(), gap.end(), "\n", "box caption"))
    return m.edit(edits)


def _drop_furniture(m: MappedText) -> MappedText:
    """Page numbers and running headers/footers. Only the first and last lines of a page (pages
    are separated by form feeds) can be furniture, except a dashed page number ("—31—"), which
    is furniture wherever a text copied from a PDF left it."""
    text = m.text
    edge: set[int] = set()
    paged = "\f" in text
    lines = _lines(text) if paged else []
    if paged:
        page_lines: list[list[int]] = [[]]
        for i, (s, e) in enumerate(lines):
            parts = text[s:e].split("\f")
            for k, part in enumerate(parts):
                if k:
                    page_lines.append([])
                if part.strip():
                    page_lines[-1].append(i)
        for idx in page_lines:
            edge.update(idx[:2] + idx[-2:])
        # A bare number is a page number only where pages print them in sequence at an edge.
        bare = []
        for idx in page_lines:
            for i in (idx[:1] + idx[-1:]):
                line = text[lines[i][0]:lines[i][1]].replace("\f", "").strip(" \t")
                # a page number is a short line; PAGE_NUMBER's runs of spaces overlap (quadratic on a long one)
                digits = DIGIT_RUN.search(line) if len(line) <= 40 and "\t" not in line and PAGE_NUMBER.match(line) else None
                if digits is not None:  # (PAGE_NUMBER's match holds digits)
                    bare.append((i, int(digits.group())))
        numbers = [n for _i, n in bare]
        sequential = len(numbers) >= 2 and sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1) >= len(numbers) // 2
        page_numbers = {i for i, _n in bare} if sequential else set()
    else:
        page_numbers = set()
    drop: set[tuple[int, int]] = set()  # lines, by (start, end)
    # a line PAGE_NUMBER_STRICT can match opens with a dash or 第 (a line of any other kind is not looked at)
    numbered = {lines[i] for i in page_numbers}
    candidates = numbered.union(_line_at(text, x.start() + 1) for x in FURNITURE_START.finditer(text))
    if FIRST_LINE_FURNITURE.match(text):
        candidates.add(_line_at(text, 0))
    for s, e in candidates:
        line = text[s:e].replace("\f", "")
        if not line.strip() or "\t" in line:
            continue
        if PAGE_NUMBER_STRICT.match(line) or (s, e) in numbered:
            drop.add((s, e))
    pages = text.count("\f") + 1 if paged else 1
    if paged and (len(edge) > 8 or pages == 2):
        counts = Counter(re.sub(r"\d+", "#", text[lines[i][0]:lines[i][1]].replace("\f", "").strip()) for i in edge)
        # A header of a two-page text repeats only twice: there both copies must open their pages (or
        # both close them) and read as no sentence, so a line that happens to recur is kept.
        two_pages = _two_page_headers(text, lines, page_lines) if pages == 2 else set()
        for i in edge:
            key = re.sub(r"\d+", "#", text[lines[i][0]:lines[i][1]].replace("\f", "").strip())
            if (key and "\t" not in key and len(key) < 40 and not TABLE_HEADER.search(key)
                    and (counts[key] >= max(3, pages // 2) or key in two_pages)):
                drop.add(lines[i])
    edits = []
    for s, e in sorted(drop):
        keep_ff = "\f" if "\f" in text[s:e] else ""
        edits.append(Edit(s, min(e + 1, len(text)), keep_ff, "furniture"))
    return m.edit(edits)


def _two_page_headers(text: str, lines: list[tuple[int, int]], page_lines: list[list[int]]) -> set[str]:
    """The lines (digits as #) that open both pages of a two-page text, or close both, and end in
    no sentence's punctuation: a running header or footer printed on each page."""
    if len(page_lines) != 2 or not all(page_lines):
        return set()

    def key(i: int) -> str:
        return re.sub(r"\d+", "#", text[lines[i][0]:lines[i][1]].replace("\f", "").strip())

    found: set[str] = set()
    for first, second in ((page_lines[0][0], page_lines[1][0]), (page_lines[0][-1], page_lines[1][-1])):
        k = key(first)
        if k and k == key(second) and not k.endswith(TERMINAL) and not CLAUSE_MARK.search(k):
            found.add(k)
    return found


def _is_prose(line: str) -> bool:
    """A line of running text: a sentence, not a table row, cell, heading or caption."""
    t = line.strip()
    if "\t" in t or _pipe_row(t):
        return False
    # a long line with sentence punctuation that does not open with a row number (1 地区生产总值…)
    return t.endswith("。") or (len(t) > 30 and bool(CLAUSE_MARK.search(t)) and not ROW_NUMBER.match(t))


CLAUSE_MARK: Final = re.compile(r"[。；;，,]")
ROW_NUMBER: Final = re.compile(r"\d{1,3}\s")
# every line ATTACHMENT_LINE or TABLE_HEADER matches holds one of these (附, a header name's first
# character): other lines are not looked at
ZONE_WORDS: Final = tuple(dict.fromkeys(["附"] + [name[0] for name in _HEADER["names"]]))


def _lines_holding(text: str, words: tuple[str, ...]) -> list[int]:
    """The starts of the lines that hold one of ``words``, in order (found by str.find: a regex
    alternation of words is tried at every position)."""
    starts = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(word, end)
    return sorted(starts)


def find_table_zones(text: str) -> list[tuple[int, int]]:
    """Where tables are laid out in the text: from an appended 附件 part to the end, or from a
    header row to the first line of running text after it. Inside a zone, spaces between cells
    are kept and lines are never joined."""
    zones: list[tuple[int, int]] = []
    n = len(text)
    pos = 0  # the lines before it are looked at already
    for start in _lines_holding(text, ZONE_WORDS):
        if start < pos:
            continue
        s, e = _line_at(text, start)
        line = text[s:e]
        if ATTACHMENT_LINE.match(line):
            zones.append((s, n))
            break
        pos = e + 1
        # (its length without the runs of spaces a fixed-width layout sets between its cells)
        if len(" ".join(line.split())) < 60 and TABLE_HEADER.search(line) and not _is_prose(line):
            # (a sentence that names 指标 and 预期 is no header row)
            end = e  # the zone runs to the last line before running text
            while pos <= n:
                a, b = _line_at(text, pos)
                if _is_prose(text[a:b]):
                    break
                end, pos = b, b + 1
            zones.append((s, end))
    return _with_laid_out_runs(text, zones)


LAID_OUT_RUN: Final = 3  # consecutive rows of cells parted by runs of spaces: a table without header words
ROW_LONGEST: Final = 80  # a laid-out row's characters, its runs of spaces counted as one


def _laid_out_row(line: str) -> bool:
    """A row of a table set out by runs of spaces (a PDF's text layer, a fixed-width layout): cells
    parted by wide gaps, not running text — two gaps or more, or one before a figure, or a short
    name and its figure one space apart; no clause before the figure, no longer than ROW_LONGEST."""
    t = line.strip()
    if "|" in t:
        return False
    # (the cheap tests first: most lines holding a space are running text, too long to be a row)
    if len(t) > ROW_LONGEST and (len(t) - t.count(" ") > ROW_LONGEST or len(" ".join(t.split())) > ROW_LONGEST):
        return False
    last = t.rfind(" ")
    if "  " in t:
        gaps = len(WIDE_GAP.findall(t))
        if gaps >= 2:
            return not _is_prose(t)
    else:
        gaps = 0
        if last > NAME_CELL_LONGEST:
            return False
    # a name and its figure: "居民消费价格  0.3" (a layout may leave one space: "其中：食品烟酒 -0.6")
    return last > 0 and (gaps == 1 or last <= NAME_CELL_LONGEST) and FIGURE_CELL.fullmatch(t, last + 1) is not None \
        and not CLAUSE_MARK.search(t, 0, last) and not _is_prose(t)  # (a clause before the figure: a sentence's piece)


FIGURE_CELL: Final = re.compile(r"[-−]?\d[\d,.]*%?")
NAME_CELL_LONGEST: Final = 16  # a name cell before one space and a figure


def _with_laid_out_runs(text: str, zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``zones`` and, outside them, every run of LAID_OUT_RUN rows or more set out by runs of spaces
    (a statistical bulletin's 产品名称  单位  产量 … table names no header word) — to the first line
    of running text after it, as a header's zone. (Lines holding a space found by str.find.)"""
    added: list[tuple[int, int]] = []
    n = len(text)
    run_start, run_end, rows = -1, -1, 0
    at = text.find(" ")
    while at >= 0:
        s = text.rfind("\n", 0, at) + 1
        e = text.find("\n", at)
        if e < 0:
            e = n
        if _laid_out_row(text[s:e]):
            if rows and s == run_end + 1:
                run_end, rows = e, rows + 1
            else:
                if rows >= LAID_OUT_RUN:
                    added.append((run_start, run_end))
                run_start, run_end, rows = s, e, 1
        at = text.find(" ", e) if e < n else -1
    if rows >= LAID_OUT_RUN:
        added.append((run_start, run_end))
    if not added:
        return zones
    out = list(zones)
    for s, e in added:
        if _in_zones(s, zones) or (out and out[-1][1] >= s):
            continue  # (within a zone already, or one a run above ran on through: each line ran over once)
        if s >= 2 and text[s - 2] != "\n":  # the line above: a header of wide gaps ("指标      比上年涨跌（%）")
            a = text.rfind("\n", 0, s - 1) + 1
            above = text[a:s - 1]
            if WIDE_GAP.search(above.strip()) and not _is_prose(above) and "|" not in above and not _in_zones(a, zones):
                s = a
        pos = e + 1
        while pos <= n:  # (on to the first line of running text, as after a header)
            a, b = _line_at(text, pos)
            if _is_prose(text[a:b]) or _in_zones(a, zones):
                break
            e, pos = b, b + 1
        out.append((s, e))
    return sorted(out)


def find_table_zone(text: str) -> int | None:
    """Offset where the first table zone starts (see :func:`find_table_zones`)."""
    zones = find_table_zones(text)
    return zones[0][0] if zones else None


def _in_zones(offset: int, zones: list[tuple[int, int]]) -> bool:
    """Is ``offset`` inside one of ``zones`` (sorted, disjoint)? A binary search: linear overall.
    (By the zones' starts; a tuple with float("inf") was a float parsed from its string at every call.)"""
    if not zones:
        return False
    lo, hi = 0, len(zones)
    while lo < hi:  # the last zone starting at or before offset
        mid = (lo + hi) // 2
        if zones[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo > 0 and offset <= zones[lo - 1][1]


def _is_space_row(line: str) -> bool:
    return "\t" not in line and " " in line.strip()


def _restore_decimals(m: MappedText, zones: list[tuple[int, int]],
                      gaps: list[int] | None = None) -> tuple[MappedText, list[tuple[int, int, str, str]]]:
    """``gaps``: the text's spaces between digits (:func:`_digit_gaps`), if found already."""
    text = m.text
    if gaps is None:
        gaps = _digit_gaps(text)
    edits: list[Edit] = []
    flagged: list[tuple[int, int, str, str]] = []

    def add(match: "re.Match | _Shifted", kind: str) -> None:
        a, b = match.group(1), match.group(2)
        s, e = match.start(1), match.end(2)
        if any(ed.start < e and s < ed.end for ed in edits):
            return
        edits.append(Edit(s, e, f"{a}.{b}", kind))
        src = m.to_source(s, e)
        flagged.append((src.start, src.end, text[s:e], f"{a}.{b}"))

    for x in PM25.finditer(text):
        add(x, "decimal_restored")
    for x in _decimals_in_body(text, gaps):
        add(x, "decimal_restored")
    for zone_start, zone_end in zones:  # (each starts at a line's start)
        tried = -1
        # the lines that start in the zone holding a digit, a space and a digit (both patterns below
        # match one; DIGIT_SPACE_DIGIT never spans lines): found by a scan for the spaces between digits
        for k in range(bisect_left(gaps, zone_start), len(gaps)):
            s = text.rfind("\n", 0, gaps[k]) + 1
            if s > zone_end:
                break
            if s == tried:
                continue
            tried = s
            s, e = _line_at(text, s)
            line = text[s:e]
            if not _is_space_row(line):
                continue
            for x in LEADING_ZERO.finditer(line):
                add(_Shifted(x, s), "decimal_restored")
            for x in DECIMAL_AT_ROW_END.finditer(line):
                add(_Shifted(x, s), "decimal_restored")
    return m.edit(edits), flagged


def _digit_gaps(text: str) -> list[int]:
    """Where DIGIT_SPACE_DIGIT matches: the spaces between digits (the decimals' pass and the thousands'
    read them; a text the first leaves as it is is not scanned again)."""
    return [gap.start() for gap in DIGIT_SPACE_DIGIT.finditer(text)]


def _decimals_in_body(text: str, gaps: list[int] | None = None):
    """``DECIMAL_IN_BODY.finditer(text)``, tried only where a match can start: every match opens
    a run of at most six digits (nothing of [\\d.] before it) that ends at a space between digits,
    which a scan for those spaces finds (most texts hold none, the rest a few). ``gaps``: those
    spaces (:func:`_digit_gaps`), if found already."""
    last = 0  # (matches do not overlap: one starts at or after the end of the one before)
    for space in gaps if gaps is not None else _digit_gaps(text):
        start = space
        while start > space - 7 and start > 0 and text[start - 1].isdecimal():  # (isdecimal: what \d matches)
            start -= 1
        if start < last or space - start > 6:
            continue
        m = DECIMAL_IN_BODY.match(text, start)
        if m:
            yield m
            last = m.end()


class _Shifted:
    """A regex match moved by an offset (matches found in one line, edits made on the text)."""

    def __init__(self, match: re.Match, offset: int):
        self._m, self._o = match, offset

    def group(self, i: int) -> str:
        return self._m.group(i)

    def start(self, i: int = 0) -> int:
        return self._m.start(i) + self._o

    def end(self, i: int = 0) -> int:
        return self._m.end(i) + self._o


# a word of a header set letter by letter across a wide cell ("指  标  名  称", "单 位")
WIDE_GAP: Final = re.compile(r"\S {2,}(?=\S)")
SINGLE_SPACE: Final = re.compile(r"(?<=\S) (?=\S)")
LETTER_SPACED: Final = re.compile(r"(?<!\S)[\u4e00-\u9fff](?: +[\u4e00-\u9fff]){1,5}(?!\S)")


def _spaced_words(run: re.Match) -> list[tuple[int, int]]:
    """The words of a run of single letters: the letters of one word are set at one spacing, and
    a wider or narrower gap starts the next cell ("指      标      名      称          单 位")."""
    letters = [(x.start(), x.end()) for x in re.finditer(r"\S", run.group())]
    base = run.start()
    words, first = [], 0
    for k in range(1, len(letters)):
        gap = letters[k][0] - letters[k - 1][1]
        prev = letters[k - 1][0] - letters[k - 2][1] if k - 1 > first else gap
        if abs(gap - prev) > 1:  # another spacing: the letter opens the next word
            words.append((first, k - 1))
            first = k
    words.append((first, len(letters) - 1))
    return [(base + letters[i][0], base + letters[j][1]) for i, j in words if j > i]


SPACES: Final = re.compile(r" +")
LAID_OUT_ROWS: Final = 2  # rows of two wide gaps or more that show a zone's table set out by a layout


class _LaidOutZones:
    """Which table zones are set out by a layout: those holding rows of cells parted by wide gaps
    — two rows of three cells or more, or three of two — and how many cells their rows hold most
    often (each zone read once, in one pass, when a row of it first asks)."""

    def __init__(self, text: str, zones: list[tuple[int, int]]) -> None:
        self._text = text
        self._zones = zones  # (sorted, disjoint)
        self._starts = [start for start, _end in zones]
        self._read: dict[int, tuple[bool, int]] = {}  # a zone's start -> (laid out, its rows' cells)

    def _reading(self, offset: int) -> tuple[bool, int]:
        """(laid out, cells) of the zone holding ``offset``; (False, 0) outside every zone."""
        k = bisect_right(self._starts, offset) - 1  # the last zone starting at or before it
        if k < 0 or offset > self._zones[k][1]:
            return False, 0
        start, end = self._zones[k]
        if start not in self._read:
            several = one = 0  # rows of two gaps or more; rows of one
            counts: dict[int, int] = {}  # cells a row -> rows (an indent an empty cell)
            for line in self._text[start:end].split("\n"):
                if "\t" not in line and "|" not in line:
                    gaps = len(WIDE_GAP.findall(line.strip()))
                    several += gaps >= 2
                    one += gaps == 1
                    if gaps:
                        cells = gaps + 1 + line.startswith("  ")
                        counts[cells] = counts.get(cells, 0) + 1
            # (rows of one gap: as many as open a zone with no header word)
            laid_out = several >= LAID_OUT_ROWS or one >= LAID_OUT_RUN
            self._read[start] = (laid_out, max(counts, key=lambda c: (counts[c], c)) if counts else 0)
        return self._read[start]

    def of(self, offset: int) -> bool:
        """Is the zone holding ``offset`` (a line's start inside a zone) laid out?"""
        return self._reading(offset)[0]

    def cells(self, offset: int) -> int:
        """How many cells the rows of the zone holding ``offset`` hold most often: one more than their
        wide gaps, an indent an empty cell (the larger count where two are as frequent)."""
        return self._reading(offset)[1]


def _fold_spaces(m: MappedText, zones: list[tuple[int, int]]) -> MappedText:
    """Spaces next to a Chinese character (or a tab) go, at a line's ends too; a run of spaces
    elsewhere is one space; in a table zone's space-separated rows they separate cells. (The lines
    holding a space and their runs of spaces — SPACES' matches — are found by str.find: most lines
    of a Chinese text hold none, most runs are one space.)"""
    text = m.text
    n = len(text)
    edits: list[tuple[int, int, str, str]] = []
    laid_out_zones = _LaidOutZones(text, zones)
    at = text.find(" ")  # the first space of a line
    while at >= 0:
        s = text.rfind("\n", 0, at) + 1
        e = text.find("\n", at)
        if e < 0:
            e = n
        length = e - s
        keep_cells = laid_out = split_singles = False
        figure_gap = -1  # (in the line) a run of spaces that parts two cells, though narrow
        spaced: list[tuple[int, int]] = []
        if zones and _in_zones(s, zones):
            line = text[s:e]
            keep_cells = _is_space_row(line)
            if keep_cells:
                spaced = [w for x in LETTER_SPACED.finditer(line) for w in _spaced_words(x)]
            if keep_cells and "|" not in line:  # (a row of | cells is set out by its bars)
                # a row set out by a layout (a PDF's text layer, a fixed-width table): wide gaps between
                # its cells, single spaces inside them — the gaps become tabs, so the cells stay apart.
                # In a table so laid out, a row of one gap or an indent (a sub-row: its first cells
                # empty, "      高新技术产业投资增速  15%") is set out the same way.
                gaps = len(WIDE_GAP.findall(line.strip()))
                laid_out = gaps >= 2 or ((gaps == 1 or line.startswith("  ")) and laid_out_zones.of(s))
                if laid_out and gaps and not spaced:
                    # a cell that filled its column leaves one space before the next: a row short of
                    # its table's cells by as many as it holds single spaces is parted at them too
                    missing = laid_out_zones.cells(s) - gaps - 1 - line.startswith("  ")
                    split_singles = missing > 0 and len(SINGLE_SPACE.findall(line.strip())) == missing
                if not gaps and laid_out_zones.of(s) and _laid_out_row(line):
                    # a name and its figure parted by one space ("其中：食品烟酒 -0.6"): a cell each
                    figure_gap = line.rstrip().rfind(" ")  # (one space: the row has no wide gap)
            elif line.startswith("  ") and "\t" not in line and "|" not in line and laid_out_zones.of(s):
                laid_out = True  # one cell, indented: "          氨氮" under its parent row
        run = at
        while run >= 0:
            stop = run + 1
            while stop < e and text[stop] == " ":
                stop += 1
            a, b = run - s, stop - s  # (in the line)
            run = text.find(" ", stop, e)
            if spaced and any(p <= a and b <= q for p, q in spaced):
                edits.append((s + a, s + b, "", "space"))  # inside a letter-spaced word: one cell
                continue
            if (laid_out and b < length and (b - a >= 2 or split_singles)) or a == figure_gap:  # (a gap opening the row: its first cell is empty)
                edits.append((s + a, s + b, "\t", "space"))
                continue
            if b == length or (a == 0 and not keep_cells):
                edits.append((s + a, s + b, "", "space"))
                continue
            if keep_cells:
                if b - a > 1:
                    edits.append((s + a, s + b, " ", "space"))
                continue
            before, after = text[s + a - 1] if a else "", text[s + b]
            if "\u4e00" <= before <= "\u9fff" or "\u4e00" <= after <= "\u9fff" or _is_cjk(before) or _is_cjk(after) \
                    or before == "\t" or after == "\t":
                edits.append((s + a, s + b, "", "space"))
            elif b - a > 1:
                edits.append((s + a, s + b, " ", "space"))
        at = text.find(" ", e) if e < n else -1
    return m.edit(edits)


def _doc_number(line: str) -> bool:
    """DOC_NUMBER's test (each of its matches holds 〔, [ or 号: a line without one is not searched)."""
    return ("〔" in line or "[" in line or "号" in line) and DOC_NUMBER.search(line) is not None


def _stamp_at_end(line: str) -> bool:
    """STAMP_END's test (each of its matches ends with a digit, 日 or a closing bracket, then spaces)."""
    last = line.rstrip()[-1:]
    return (last.isdecimal() or last in ("日", "）", ")")) and STAMP_END.search(line) is not None


def _is_cjk(ch: str) -> bool:
    """A character of :data:`CJK` (the common Chinese ones tested first, by comparison)."""
    return "\u4e00" <= ch <= "\u9fff" or _CJK_CHAR.match(ch) is not None


def _cjk_or_alnum(ch: str) -> bool:
    """A Chinese character, a letter or a digit."""
    return _is_cjk(ch) or ch.isalnum()


def _is_heading_line(line: str) -> bool:
    """A heading on a line of its own (not a run-in heading that opens a paragraph), or a chart's
    or table's caption (图1 三次产业增加值及其增长速度). (The length first: most lines are longer.)"""
    if len(line) >= 40 or "。" in line:
        return False
    first = line[:1]  # (tried only on a line opening with a space, a digit or a character one of the patterns opens with)
    return (first.isdecimal() or first.isspace() or first in HEADING_OPENERS) and bool(HEADING.match(line) or CAPTION_LINE.match(line))


CAPTION_LINE: Final = re.compile(rf"\s*(?:[图圖表]|{_alt(LAYOUT['box_captions'])})\s*\d{{1,2}}(?![\d.．])")


CLAUSE_PUNCT: Final = re.compile(r"[，。；,;]")
KEY_VALUE_LINE: Final = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")  # a "key: value" line (发布日期: …)
DIGIT_RUN: Final = re.compile(r"\d+")
# a line that opens a heading, an item, a date or a "key: value" (four tests in one)
NEW_LINE_OPENING: Final = re.compile("|".join(f"(?:{p.pattern})" for p in (HEADING, ITEM_START, DATE_LINE, KEY_VALUE_LINE)))
# a title's bracketed note after its last word (…规划纲要（摘要）, 政府工作报告（全文）)
TITLE_NOTE_END: Final = re.compile(rf"(?:{_alt(LAYOUT['title_note_words'])})[（(](?:{_alt(LAYOUT['title_notes'])})[)）]$")
TITLE_WORD_END: Final = tuple(LAYOUT["title_word_ends"])


_WEB_PAGE: Final = load_yaml("zhibiao.load", "data", "web_page.yaml")
# a line of a web page's furniture (load/data/web_page.yaml), tested in simplified characters: one
# opening with a label of the page's metadata, its place in the site or the site's tools
_OPENINGS: Final = ([k for k in _WEB_PAGE["metadata_keys"] if k not in _WEB_PAGE["generic_keys"]] + _WEB_PAGE["line_labels"]
             + _WEB_PAGE["location_marks"] + _WEB_PAGE["site_tools"])
PAGE_OPENING: Final = re.compile("|".join(_OPENINGS))
OPENING_LENGTH = max(map(len, _OPENINGS))  # (only a line's first characters are simplified: asked of every joined pair)
BREADCRUMB: Final = re.compile(r"[>»›][^>»›]*[>»›]")  # 首页>政务公开>政策文件: two steps or more
# a news page's dateline: a date with the time of day or a label of the page's after it (2026-01-16 08:30,
# 2026年1月16日 来源：…) — a date alone on its line is the document's (a notice's date under its signature)
# the labels of a page's metadata and furniture (发布时间, 来源, 浏览次数, 作者…: load/data/web_page.yaml), labels with a colon
PAGE_LABEL_WORDS: Final = (*_WEB_PAGE["metadata_keys"], *_WEB_PAGE["line_labels"], *_WEB_PAGE["inline_labels"])
DATELINE: Final = re.compile(r"\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*"
                             rf"(?:\d{{1,2}}:\d{{2}}|(?:{'|'.join(PAGE_LABEL_WORDS)})\s*[:：])")


def page_furniture(line: str) -> bool:
    """A line a web page prints around the document (breadcrumbs, its metadata block, the site's
    tools): copied into a text file, it is a line of its own, never part of the document's text —
    joined, it glued 组配分类…成文日期… or 您当前的位置:…>时政 to the title below it."""
    if len(line) <= 100 and _has_breadcrumb(line):
        return True
    if line.lstrip()[:1].isdigit() and len(line) <= 100 and DATELINE.match(line):
        return True  # 2026-01-16 08:30 来源：某某日报: a news page's dateline under its headline
    # (a line whose first character no opening starts with, in either form, is not simplified nor matched)
    return line.lstrip()[:1] in _opening_firsts() and PAGE_OPENING.match(to_simplified(line.lstrip()[:OPENING_LENGTH])) is not None


def _has_breadcrumb(line: str) -> bool:
    """BREADCRUMB's test (each of its matches holds two of its marks: a line without one is not scanned)."""
    return ("›" in line or ">" in line or "»" in line) and BREADCRUMB.search(line) is not None


_OPENING_FIRSTS: set[str] = set()  # made on first use (it reads the table of traditional characters)


def _opening_firsts() -> set[str]:
    """The characters a line PAGE_OPENING matches (simplified) can open with: the first characters
    of the openings and the traditional characters read as them."""
    if not _OPENING_FIRSTS:
        for word in _OPENINGS:
            _OPENING_FIRSTS.update(simplified_from(word[0]))
    return _OPENING_FIRSTS


def _join_broken_lines(m: MappedText, zones: list[tuple[int, int]], blocks: bool = False) -> MappedText:
    """Join lines a wrap or a page break cut. ``blocks``: the loader separated paragraphs by a
    blank line (HTML, DOCX), so a blank line is a paragraph's end, never a page break, unless the
    paragraphs are a wrapped text's lines (``at_width``) or part a number. (Each test
    below only keeps a pair of lines apart, so their order changes nothing but the cost: the cheap
    ones that keep most apart come first, and a regex is tried only where a character test of the
    line's first or last character lets it match — about half the pairs are joined, and pass them all.)"""
    text = m.text
    edits: list[tuple[int, int, str, str]] = []  # (plain tuples: an Edit is made by a function in Python)
    nonblank = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isspace():  # (line.strip() is not empty: no copy made)
            nonblank.append((pos, pos + len(line), line))
        pos += len(line) + 1
    wrap_length = _wrap_length(nonblank)  # how long the text's lines are
    # the width it is wrapped at, if it is: a line that reaches it (``at_width``) was cut by the wrap,
    # whatever its last character or the next line's first, unless it ends a sentence
    wrap_width = _wrap_width(nonblank, wrap_length)
    reaching = wrap_width - WRAP_SLACK if wrap_width > 0 else len(text) + 1  # (no line reaches an unwrapped text's)
    furniture: dict[int, bool] = {}  # a line's start -> page_furniture(line) (asked once of a line that is
    # the lower of one pair and the upper of the next)
    items = [-1] * len(nonblank)  # _figure_item of each line, asked once, when a pair needs it (-1: not yet)
    for i, ((s1, e1, a), (s2, e2, b)) in enumerate(zip(nonblank, nonblank[1:])):
        last = a[-1]
        if len(a) < 10 or (len(a) < 15 and len(b) < 6) or "\t" in a or "\t" in b:
            continue  # short lines one above the other are cells (one per line), not a wrapped sentence
        continues = b[0] in CONTINUES_ABOVE
        at_width = len(a) >= reaching
        if last in TERMINAL_MARKS or (last in WRAPPED_AFTER and s2 > e1 + 1 and not continues):
            if last not in CLAUSE_ENDS and last not in WRAPPED_AFTER:
                continue  # a sentence's end
            if not at_width:
                continue  # a clause's end, or a mark across a blank line, short of the width
        # "…收入200." / "2亿元", "增长5" / ".1%": a number wrapped at the line's end
        if not (("\u4e00" <= last <= "\u9fff" or _cjk_or_alnum(last) or last in WRAPPED_AFTER or at_width or continues)
                and ("\u4e00" <= b[0] <= "\u9fff" or _cjk_or_alnum(b[0]) or b[0] in WRAPPED_BEFORE or continues
                     or (at_width and not b[0].isspace()))) \
                and not _number_cut(a, b):
            continue
        if zones and (_in_zones(s1, zones) or _in_zones(s2, zones)):
            continue
        if not at_width and (_item(items, nonblank, i + 1) and (_item(items, nonblank, i) or (i > 0 and _item(items, nonblank, i - 1))
                                                                 or (i + 2 < len(items) and _item(items, nonblank, i + 2)))
                             or _item(items, nonblank, i) and i > 0 and _item(items, nonblank, i - 1) and _opens_words(b)):
            # list items a line, each stating its figure (a wrapped line reaches the width): two of
            # them one above the other, and the lines above and below such a run (the list's lead,
            # 今年主要预期目标, and an item without a figure, 能耗降低完成省下达任务)
            continue  # (after the character tests: a figure's pattern costs more, and they keep most pairs apart)
        if blocks and "\n" in text[e1 + 1:s2]:
            # the loader's paragraph end — unless its paragraphs are the lines of a wrapped text (a
            # PDF's text pasted into a page or a Word file, a line a paragraph): ``a`` at its width,
            # or a number cut between them
            if not at_width and not _number_cut(a, b):
                continue
        if _pipe_row(a) or _pipe_row(b):
            continue  # table rows with cells between pipes
        if _cell_value(b) and not CLAUSE_PUNCT.search(a):
            continue  # a name cell above its value cell (a table copied one cell per line)
        if len(b.strip()) <= 4 and b.rstrip()[-1:] not in TERMINAL_MARKS and not CLAUSE_PUNCT.search(a):
            continue  # a caption above a header cell, a cell above a cell
        if (b.startswith("各") and b.endswith(("：", ":"))) or _ends_with(a, TITLE_WORD_ENDS) or _title_note_end(a):
            continue
        if _body_line(a) or _body_line(b):
            continue  # a bureau's name under a title, a signature
        if _stamp_at_end(a) or _date_line(a) or (_is_heading_line(a) and not at_width):
            continue  # (a heading at a wrapped text's width runs on: it was wrapped)
        if _opens_new_line(b):
            continue  # b: a heading, an item, a date line or a "key: value" line
        if i == 0 and _headline_above(a, b, at_width):
            continue  # a headline (2026年政府工作报告解读) above its text's first sentence (今年全市…增长6%左右。)
        if _doc_number(b) or _doc_number(a):
            continue
        if s2 > e1 + 1 and "\n\n" in text[e1:s2] and not continues:
            # across a blank line (a page break) only a full line runs on, or one leaving a quotation
            # or a bracket open; never a title or a header
            if _ends_with(a, TITLE_ENDS):
                continue
            if not _leaves_open(a):
                if len(a) < FULL_LINE:
                    continue
                if wrap_length > WRAPPED_LONGEST and not CLAUSE_PUNCT.search(a):
                    # a text of one line a paragraph, not wrapped: only a paragraph of clauses runs
                    # on past a page break; a line without one is a headline above its dateline
                    continue
        upper = furniture.get(s1)
        if upper is None:
            upper = page_furniture(a)
        if upper:
            continue
        lower = furniture[s2] = page_furniture(b)
        if lower:
            continue
        edits.append((e1, s2, "", "join"))
    return m.edit(edits)


A_YEAR: Final = re.compile(r"\d{4}\s*年")
A_DATE: Final = re.compile(r"\d{1,4}\s*[年月日]")  # a sentence's time opening it (21日，… / 2026年全市…)


def _headline_above(a: str, b: str, at_width: bool) -> bool:
    """Is ``a``, the text's first line, a headline above the first sentence ``b``: a line naming a
    year (2026年…解读, …2026年经济增长目标定为6%左右) with no clause of its own, short of a wrapped
    text's width, above a line of clauses opening with a word or a date (a wrap of one sentence goes
    on with a figure or a mark: 增长 / 5.2%；). Joined, the headline was lost as a title and glued to
    the first name, and its year read as the review's."""
    return (not at_width and ("\u4e00" <= b[:1] <= "\u9fff" or A_DATE.match(b) is not None)
            and CLAUSE_PUNCT.search(b) is not None and CLAUSE_PUNCT.search(a) is None and A_YEAR.search(a) is not None)


def _item(items: list[int], lines: list[tuple[int, int, str]], k: int) -> bool:
    """``_figure_item`` of the ``k``-th of ``lines``, read once (``items``: 1, 0, or -1 where not read
    yet): most lines are never asked (a short line, a cell, a pair at a wrapped text's width)."""
    known = items[k]
    if known < 0:
        known = items[k] = 1 if _figure_item(lines[k][2]) else 0
    return known == 1


# a text whose lines are longer than this (_wrap_length) is not wrapped at a page's width: it holds
# a paragraph a line (a page of A4 holds 35–45 characters a line, a landscape one 60)
WRAPPED_LONGEST: Final = 60


def _wrap_length(lines: list[tuple[int, int, str]]) -> int:
    """How long a text's lines are: the upper quartile of their lengths, of those of FULL_LINE
    characters or more. A text wrapped at a width has most of its lines at about that length; a
    text of one line a paragraph has its paragraphs' lengths, far above a headline's."""
    lengths = sorted(len(line) for _s, _e, line in lines if len(line) >= FULL_LINE)
    return lengths[len(lengths) * 3 // 4] if lengths else 0


WIDTH_LINES: Final = 3  # lines that reach a text's width, at least, for it to be wrapped at one


def _wrap_width(lines: list[tuple[int, int, str]], width: int) -> int:
    """The width a text is wrapped at (a PDF's text layer copied out), or 0: its lines' length
    ``width`` (_wrap_length) when a page's (FULL_LINE to WRAPPED_LONGEST) and reached by WIDTH_LINES
    lines or more (a headline and its dateline are two lines, not a width)."""
    if not FULL_LINE <= width <= WRAPPED_LONGEST:
        return 0
    reaching = [line for _s, _e, line in lines if len(line) >= width - WRAP_SLACK]
    # a wrap cuts its lines anywhere, so most of those reaching the width end mid-sentence; lines of about one
    # length that mostly close a sentence or a clause are a list's items (地区生产总值增长6%—6.5%；), a title and
    # a lead (…主要预期目标是：), each a line of its own
    closed = sum(1 for line in reaching if line.rstrip()[-1:] in TERMINAL_MARKS)
    return width if len(reaching) >= WIDTH_LINES and closed * 2 < len(reaching) else 0


def _number_cut(a: str, b: str) -> bool:
    """A number wrapped at the end of ``a``: ``a`` ends with ``\\d\\.?``, ``b`` opens with
    ``\\.?\\d``, not a point at both ends — tested character by character (\\d is
    what isdecimal() accepts)."""
    if a[-1:].isdecimal():
        return (b[:1].isdecimal() or (b[:1] == "." and b[1:2].isdecimal()))
    if a[-1:] == "." and a[-2:-1].isdecimal():
        return b[:1].isdecimal()  # (a point at both ends is no number cut)
    return False


def _ends_with(line: str, words: dict[str, tuple[str, ...]]) -> bool:
    """``line.endswith`` one of the words, given by their last character (:func:`_by_last`)."""
    ending = words.get(line[-1:])
    return ending is not None and line.endswith(ending)


def _by_last(words: list[str]) -> dict[str, tuple[str, ...]]:
    """Words by their last character (a line is compared with those ending as it ends only)."""
    out: dict[str, list[str]] = {}
    for word in words:
        out.setdefault(word[-1:], []).append(word)
    return {last: tuple(ws) for last, ws in out.items()}


# a line ending with one of these ends a title (TITLE_END's and TITLE_WORD_END's words, by their last character)
TITLE_ENDS: Final = _by_last(LAYOUT["title_ends"])
TITLE_WORD_ENDS: Final = _by_last(LAYOUT["title_word_ends"])
BODY_LINE_ENDS: Final = _by_last(LAYOUT["body_line_ends"])


# a date after a body's name on its line (某市发展和改革委员会　2026年2月8日, a web page's line under its title)
DATE_AFTER_BODY: Final = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def _body_line(line: str) -> bool:
    """Is ``line`` a body's name on a line of its own: short of a full line, no clause's mark, ending with a
    body's word (某市发展和改革委员会 under a title), or with the date after it."""
    if line[-1:] == "日":
        dated = DATE_AFTER_BODY.search(line)
        line = line[:dated.start()] if dated else line
    return _ends_with(line, BODY_LINE_ENDS) and len(line.strip()) < FULL_LINE and CLAUSE_PUNCT.search(line) is None
# every match of TITLE_NOTE_END ends with a closing bracket and is at most this long
TITLE_NOTE_LENGTH: Final = (max(map(len, LAYOUT["title_note_words"])) + max(map(len, LAYOUT["title_notes"])) + 2)


def _title_note_end(line: str) -> bool:
    """``TITLE_NOTE_END.search(line)``, tried only at the line's last characters, and only when it
    ends with a closing bracket (every match ends the line with one)."""
    return line[-1:] in (")", "）") and TITLE_NOTE_END.search(line, max(0, len(line) - TITLE_NOTE_LENGTH)) is not None


def _date_line(line: str) -> bool:
    """``DATE_LINE.match(line)``, tried only on a line opening with a space, a dash, a bracket or a digit."""
    first = line[:1]
    return (first.isdecimal() or first.isspace() or first in DATE_OPENERS) and DATE_LINE.match(line) is not None


def _figure_item(line: str) -> bool:
    """``FIGURE_ITEM.match(line)``, tried only on a line no longer than FIGURE_ITEM_LONGEST ending
    with a character a figure, a unit or a qualifier can end with."""
    last = line.rstrip()[-1:]
    return (len(line) <= FIGURE_ITEM_LONGEST and (last.isdecimal() or ("\u4e00" <= last <= "\u9fff") or last in "%‰")
            and FIGURE_ITEM.match(line) is not None)


def _opens_words(line: str) -> bool:
    """Does ``line`` open with a Chinese word that is no figure's unit or qualifier (a line opening
    with 万吨以上 or 左右 goes on with the figure above it)?"""
    return "\u4e00" <= line[:1] <= "\u9fff" and not line.startswith(FIGURE_TAILS)


def _cell_value(line: str) -> bool:
    """``CELL_VALUE.match(line)``, tried only when the line's first character after its spaces is a
    digit or one CELL_VALUE lets open a figure."""
    first = line.lstrip()[:1]
    return (first.isdecimal() or first in CELL_OPENERS) and CELL_VALUE.match(line) is not None


def _opens_new_line(line: str) -> bool:
    """``NEW_LINE_OPENING.match(line)``: a line opening with a space, a digit or a character one of
    its patterns opens with; or with a Chinese character and holding a colon (a "key: value")."""
    first = line[:1]
    if first.isdecimal() or first.isspace() or first in NEW_LINE_OPENERS:
        return NEW_LINE_OPENING.match(line) is not None
    if "\u4e00" <= first <= "\u9fff" and ("：" in line or ":" in line):
        return KEY_VALUE_LINE.match(line) is not None  # (the only one of the four opening so)
    return False


# the characters (besides spaces and digits) a line DATE_LINE, CELL_VALUE or NEW_LINE_OPENING
# matches may open with: those their patterns write first (pinned, pattern by pattern, by
# tests/text/test_fast_paths.py)
DATE_OPENERS: Final = frozenset("—–-（(零〇○一二三四五六七八九")  # (二〇二五年二月十八日: a year in Chinese digits)
CELL_OPENERS: Final = frozenset("-—–+<>≤≥＜＞〔［[(（")
NEW_LINE_OPENERS: Final = frozenset("一二三四五六七八九十百（(第附—–-•·●■◆▲★☆○◇□▪►√")
HEADING_OPENERS: Final = frozenset("一二三四五六七八九十百（(第附图圖表" + "".join(w[0] for w in LAYOUT["box_captions"]))  # (HEADING's and CAPTION_LINE's)


# (the blanks first, the character before them tested after: a pattern opening with a class is scanned fast)
COLUMN_GAP: Final = re.compile(r"[ \t][ \t][ \t](?<=\S[ \t][ \t][ \t])[ \t]*(?=\S)")
THREE_BLANKS: Final = re.compile(r"[ \t][ \t][ \t]")  # no such run: no gap between columns anywhere (see _runs for why not {3})


def _three_blanks(text: str) -> bool:
    """THREE_BLANKS' test: in a text without a tab (most), three spaces, which str's search finds
    faster than the engine tests every character against a class."""
    return "   " in text if "\t" not in text else THREE_BLANKS.search(text) is not None


def _leaves_open(line: str) -> bool:
    """Does ``line`` leave a quotation or a bracket open (持续推动“八 | 八战略”): its sentence goes on."""
    return line.count("“") > line.count("”") or line.count("（") > line.count("）") or line.count("(") > line.count(")")


def _width(text: str) -> int:
    """Display width: Chinese characters take two columns of a fixed-width page."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _rebuild_columns(m: MappedText) -> MappedText:
    """A page set in two columns (a yearbook) reaches us as lines holding a piece of each column
    side by side. A run of lines split by one wide gap at the same display column, both sides
    prose, is rebuilt: the left column's lines, then the right column's. Table rows (several
    short cells a line) are never taken for columns."""
    text = m.text
    if not _three_blanks(text):
        return m
    gaps_of: dict[int, list[re.Match]] = {}  # a line's start -> its wide gaps (none crosses a line)
    for g in COLUMN_GAP.finditer(text):
        gaps_of.setdefault(text.rfind("\n", 0, g.start()) + 1, []).append(g)
    split_at: dict[int, tuple[int, int, int]] = {}  # a line's start -> (gap start, gap end, display column of the right side)
    for s0, gaps in gaps_of.items():
        s0, e0 = _line_at(text, s0)
        line = text[s0:e0]
        if "\t" in line or len(gaps) != 1:
            continue
        a, b = gaps[0].start() - s0, gaps[0].end() - s0
        left, right = line[:a].strip(), line[b:].strip()
        if len(left) >= 6 and len(right) >= 6 and _CJK_CHAR.search(left) and _CJK_CHAR.search(right):
            split_at[s0] = (s0 + a, s0 + b, _width(line[:b]))
    if len(split_at) < 3:
        return m  # a run of columns needs three lines split
    lines = _lines(text)
    split = [split_at.get(s0) for s0, _e0 in lines]
    pieces: list[tuple[int, int] | str] = []
    pos = 0
    i = 0
    while i < len(lines):
        # a run of consecutive non-blank lines, most of them split at one column
        j = i
        while j < len(lines) and text[lines[j][0]:lines[j][1]].strip():
            j += 1
        cols = [sp[2] for sp in split[i:j] if sp]
        if len(cols) >= 3 and len(cols) * 3 >= 2 * (j - i):
            col = sorted(cols)[len(cols) // 2]
            if sum(1 for c in cols if abs(c - col) <= 4) * 3 >= 2 * len(cols):
                left_lines: list[tuple[int, int]] = []
                right_lines: list[tuple[int, int]] = []
                for k in range(i, j):
                    s0, e0 = lines[k]
                    sp = split[k]
                    line = text[s0:e0]
                    if sp and abs(sp[2] - col) <= 4:
                        left_lines.append((s0, sp[0]))
                        right_lines.append((sp[1], e0))
                    elif _width(line) - _width(line.lstrip()) >= col - 4:
                        right_lines.append((s0 + len(line) - len(line.lstrip()), e0))  # the right column only
                    else:
                        left_lines.append((s0, e0))
                pieces.append((pos, lines[i][0]))
                for a, b in left_lines:
                    pieces += [(a, b), "\n"]
                for a, b in right_lines:
                    pieces += [(a, b), "\n"]
                pieces.pop()
                pos = lines[j - 1][1]
        i = j + 1
    if not pieces:
        return m
    pieces.append((pos, len(text)))
    return m.rearrange(pieces)


# a number grouped in thousands (1,234.5亿元): its commas are no clause breaks
GROUPED_NUMBER: Final = scanner(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")  # (opens with a look-behind: told its first characters)


# a number grouped in thousands by single spaces, as GB/T 15835 allows (8 962.4亿元, 43 860元; a no-break,
# thin or ideographic space is one by now): a first group of one to three digits, never a 0, then groups of
# exactly three — the space of a decimal point a PDF lost parts one or two digits (1023 6 亿元), and
# two figures side by side in a list or a table's row (2025 2026, 6.5 7.0) are no such run
SPACE_GROUPED: Final = scanner(r"(?<![\d.,])[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?(?!\d|\.\d)")


def _space_grouped(text: str, gaps: list[int] | None = None):
    """The numbers of SPACE_GROUPED that are one figure: glued to what follows it (8 962.4亿元, 43 860元、),
    or filling its cell in a row of tab or | cells (1 452.6 under 上半年完成) or, with decimals (two whole
    figures side by side may be cells that filled their columns: 874 100), in a row laid out in fixed-width
    columns — else never followed by a space (a figure and the next in a row of cells
    parted by spaces, 641 655 2.2; axis labels, 1 000 1 500). Tried only where a space stands between digits
    (``gaps``: those spaces, :func:`_digit_gaps`, if found already)."""
    last = -1
    for space in gaps if gaps is not None else _digit_gaps(text):
        if space < last:
            continue
        start = space
        while start > 0 and text[start - 1].isdecimal() and space - start < 4:
            start -= 1
        x = SPACE_GROUPED.match(text, start)
        if x is None:
            continue
        last = x.end()
        s, e = _line_at(text, text.rfind("\n", 0, x.start()) + 1)
        after = text[x.end():e]
        if after[:1].isspace() or not after:
            line = text[s:e]
            if "\t" in line or "|" in line:
                if after.lstrip(" ")[:1] not in ("", "\t", "|"):
                    continue
            elif not ("." in x.group() and _fills_laid_out_cell(line, x.start() - s, x.end() - s)):
                continue
        yield x


def _fills_laid_out_cell(line: str, start: int, end: int) -> bool:
    """Does the figure at ``start:end`` of a line without tab or | cells fill a cell: a wide gap or the
    line's edge on each side (a row laid out in fixed-width columns, 地区生产总值    亿元    1 452.6    5.9; a
    table copied one cell a line)? A single space beside it may part two cells (150 320.5 6.5)."""
    before, after = line[:start], line[end:]
    return (before.endswith("  ") or not before.strip()) and (after.startswith("  ") or not after.strip())


def _drop_thousands_separators(m: MappedText, gaps: list[int] | None = None) -> MappedText:
    """``gaps``: the text's spaces between digits (:func:`_digit_gaps`), if found already."""
    text = m.text
    edits = [(x.start() + k, x.start() + k + 1, "", "thousands")
             for x in (GROUPED_NUMBER.finditer(text) if "," in text else ()) for k, ch in enumerate(x.group()) if ch == ","]
    edits += [(x.start() + k, x.start() + k + 1, "", "thousands")
              for x in _space_grouped(text, gaps) for k, ch in enumerate(x.group()) if ch == " "]
    return m.edit(edits) if edits else m


def normalize(loaded: LoadedText | str) -> NormalizedText:
    """Normalise a loaded document (or a plain string)."""
    raw = loaded.text if isinstance(loaded, LoadedText) else loaded
    m = MappedText(raw)
    m = _clean_and_fold(m)
    m = _drop_noise(m)
    m = _drop_furniture(m)
    m = m.translate({0x0C: "\n"}, FORM_FEED)  # page breaks are plain line breaks from here on
    m = _part_box_captions(m)
    columns = _rebuild_columns(m)
    in_order = columns is m  # (columns put one after the other: the map is no longer in order)
    m = columns
    blocks = isinstance(loaded, LoadedText) and loaded.format in ("html", "docx")
    zones = _Zones()
    gaps = _digit_gaps(m.text)
    restored, flagged = _restore_decimals(m, zones.of(m.text), gaps)
    m = _drop_thousands_separators(restored, gaps if restored is m else None)  # (a text left as it was: its gaps)
    m = _fold_spaces(m, zones.of(m.text))
    m = _join_broken_lines(m, zones.of(m.text), blocks)
    changes = _locate_changes(m, flagged, in_order)
    return NormalizedText(m, changes, zones.of(m.text))


class _Zones:
    """The table zones of the text a pass is given: found again only when the pass before it
    changed the text (most passes change nothing in most documents)."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._zones: list[tuple[int, int]] = []

    def of(self, text: str) -> list[tuple[int, int]]:
        if text is not self._text:
            self._text, self._zones = text, find_table_zones(text)
        return list(self._zones)


def _locate_changes(m: MappedText, flagged: list[tuple[int, int, str, str]], in_order: bool = False) -> list[Change]:
    """Report each restored decimal with its span in the final text, found through the raw span
    it was made from (later passes may have moved it). ``in_order``: the map's raw starts never
    decrease (every pass but the columns' keeps them so), and are searched by bisection."""
    if not flagged:
        return []
    n = len(m.text)
    if in_order:
        first_at = None
    else:  # the first character made from each raw position (pairs given last to first: the first one stays)
        starts = m.starts
        first_at = dict(zip(reversed(starts), range(len(starts) - 1, -1, -1)))
    changes: list[Change] = []
    for raw_start, raw_end, before, after in flagged:
        found: int | None
        if first_at is None:
            lo, hi = 0, n  # (bisect_left of raw_start in the map's starts, read without building them)
            while lo < hi:
                mid = (lo + hi) // 2
                if m.start_of(mid) < raw_start:
                    lo = mid + 1
                else:
                    hi = mid
            found = lo if lo < n and m.start_of(lo) == raw_start else None
        else:
            found = first_at.get(raw_start)
        if found is None:
            continue
        i = found
        j = i
        while j < n and m.end_of(j) <= raw_end:
            j += 1
        changes.append(Change("decimal_restored", before, after, Span(i, j), Span(raw_start, raw_end)))
    return changes

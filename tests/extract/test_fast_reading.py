"""The reading steps made fast (issue 16) read what the plain, slower forms read."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from zhibiao.extract.columns import _squeeze
from zhibiao.extract.sections import LEVELS, TITLE_END, extract_sections
from zhibiao.extract.tables import _all_line_bounds, _line_bounds
from zhibiao.models import Section, Span

LINES = st.sampled_from(["", " ", "\u3000", "\t一、总体要求", "一、2024年主要目标", "（一）稳定增长", "(二)扩大内需", "1.地区生产总值",
                         "2、城镇新增就业", "12.5%", "（3）其他", "第一章 总则", "第二节 目标", "附件", "附件2：主要指标", "附 件",
                         "百、", "٣.阿拉伯数字", "全市经济运行稳中向好，地区生产总值增长5.5%。", "x", "一是稳增长。", "十、结语"])


def _sections_line_by_line(text: str, stop: int | None = None, skip=()) -> list[Section]:
    """Every line tried against every heading pattern (how extract_sections read before)."""
    sections, stack, pos, k = [], [], 0, 0
    limit = len(text) if stop is None else stop
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        while k < len(skip) and skip[k][1] < start:
            k += 1
        if k < len(skip) and skip[k][0] <= start < skip[k][1]:
            continue
        if start >= limit and not (line.strip().startswith("附件") and len(line.strip()) < 40):
            continue
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        for level, pattern in LEVELS:
            m = pattern.match(stripped)
            if not m:
                continue
            title = m.group("title")
            cut = TITLE_END.search(title)
            if cut:
                title = title[:cut.start()]
            if len(title) > 60 or (level == 3 and not title) or (level >= 3 and not cut and len(stripped) > 60):
                break
            heading = (m.group("num") + title).strip()
            while stack and stack[-1].level >= level:
                stack.pop()
            sec = Section(level=level, number=m.group("num").strip(), title=title.strip(),
                          span=Span(start + lead, start + lead + len(heading)), path=[s.number + s.title for s in stack] + [heading])
            sections.append(sec)
            stack.append(sec)
            break
    return sections


@settings(max_examples=500, deadline=None)
@given(st.lists(LINES, max_size=14).map("\n".join), st.integers(0, 300), st.lists(st.integers(0, 300), max_size=4))
def test_sections_are_those_of_every_line_read(text, stop, cuts):
    cuts = sorted(cuts)
    skip = tuple(zip(cuts[::2], cuts[1::2]))
    assert extract_sections(text, stop, skip) == _sections_line_by_line(text, stop, skip)
    assert extract_sections(text) == _sections_line_by_line(text)


@given(st.text(alphabet="ab\n\t 　", max_size=20))
def test_line_bounds_from_one_split(text):
    assert _all_line_bounds(text) == list(_line_bounds(text))


def test_a_cell_squeezed_of_every_whitespace_re_knows():
    spaces = "".join(chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c)))
    text = "地区" + spaces + "生产 总值\t（%）\n"
    assert _squeeze(text) == re.sub(r"\s+", "", text) == "地区生产总值（%）"


SEGMENT_PIECES = st.lists(st.sampled_from(["。", "！", "!", "？", "?", "\n", "，", ",", "：", ":", "；", ";", "（", "(", "）", ")",
                                           "、", "地区生产总值增长6%", "全市", " ", "a"]), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(SEGMENT_PIECES, st.integers(0, 40), st.integers(0, 40))
def test_positions_are_the_matches_of_the_class(text, start, end):
    from zhibiao.extract.segments import CLAUSE_ENDS_OR_BRACKETS, SENTENCE_ENDS, positions

    for chars in (SENTENCE_ENDS, CLAUSE_ENDS_OR_BRACKETS, "。"):
        klass = re.compile("[" + re.escape(chars) + "]")
        assert positions(text, start, end, chars) == [m.start() for m in klass.finditer(text, start, end)]


def test_sentences_and_clauses_end_at_every_mark_and_not_inside_brackets():
    from zhibiao.extract.segments import Segments

    text = "地区生产总值增长6%，一般公共预算收入增长5%！物价稳定吗？是的?好!完成（主要是投资，消费）；就业：稳定。尾"
    sentences = Segments(text).paragraphs[0].sentences
    assert [text[s.start:s.end] for s in sentences] == ["地区生产总值增长6%，一般公共预算收入增长5%", "物价稳定吗", "是的", "好",
                                                        "完成（主要是投资，消费）；就业：稳定", "尾"]
    assert [(text[c.start:c.end], c.sep) for c in sentences[0].clauses] == [("地区生产总值增长6%", ""), ("一般公共预算收入增长5%", "，")]
    assert [(text[c.start:c.end], c.sep) for c in sentences[4].clauses] == [("完成（主要是投资，消费）", ""), ("就业", "；"), ("稳定", "：")]

"""The section tree of a document body: 第一篇 / 第一章 / 一、 / （一） / 1. / （1） headings and 附件."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from zhibiao.models import Section, Span

LEVELS: Final = [
    # an outline's parts and chapters (第一篇 / 第三章) open parts like 一、 does; its sections (第一节) less
    (1, re.compile(r"^(?P<num>第[一二三四五六七八九十百]+[篇章])\s*(?P<title>.*)")),
    (2, re.compile(r"^(?P<num>第[一二三四五六七八九十百]+节)\s*(?P<title>.*)")),
    (1, re.compile(r"^(?P<num>[一二三四五六七八九十百]+、)\s*(?P<title>.*)")),
    (2, re.compile(r"^(?P<num>[（(][一二三四五六七八九十百]+[）)])\s*(?P<title>.*)")),
    (3, re.compile(r"^(?P<num>\d{1,2}[.．、])(?!\d)\s*(?P<title>.*)")),
    (4, re.compile(r"^(?P<num>[（(]\d{1,2}[）)])\s*(?P<title>.*)")),
    (1, re.compile(r"^(?P<num>附件\s*\d*)\s*[:：]?\s*(?P<title>.*)")),
]
TITLE_END: Final = re.compile(r"[。；;！!？?]")
# the heading patterns a line can open, by its first character (a line opening otherwise is no
# heading: the patterns are not tried); any decimal digit (\d) opens 1.
_BY_FIRST: dict[str, tuple[tuple[int, re.Pattern], ...]] = {}
for _chars, _picks in (("第", (0, 1)), ("一二三四五六七八九十百", (2,)), ("（(", (3, 5)), ("附", (6,))):
    for _ch in _chars:
        _BY_FIRST[_ch] = tuple(LEVELS[k] for k in _picks)
_NUMBERED: Final = (LEVELS[4],)
_OPENERS: Final = r"[^\S\n]*[第一二三四五六七八九十百（(附\d]"
_OPENS: Final = re.compile(_OPENERS)
_NEXT_OPENS: Final = re.compile(rf"\n(?={_OPENERS})")  # (a literal first: the engine scans for each line end)


def _line_starts(text: str):
    """The start of each line of ``text`` that could be a heading (its first character after
    spaces opens one of LEVELS); the others are not read."""
    if _OPENS.match(text):
        yield 0
    for m in _NEXT_OPENS.finditer(text):
        yield m.end()


def extract_sections(text: str, stop: int | None = None, skip: tuple[tuple[int, int], ...] = ()) -> list[Section]:
    """Headings in ``text`` (up to ``stop``, where an appended part starts), with their paths; a
    line inside a table (``skip``) is a cell, never a heading."""
    sections: list[Section] = []
    stack: list[Section] = []
    limit = len(text) if stop is None else stop
    k = 0
    for start in _line_starts(text):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        while k < len(skip) and skip[k][1] < start:
            k += 1
        if k < len(skip) and skip[k][0] <= start < skip[k][1]:
            continue
        if start >= limit:
            if line.strip().startswith("附件") and len(line.strip()) < 40:
                pass
            else:
                continue
        stripped = line.lstrip()
        first = stripped[:1]
        candidates = _BY_FIRST.get(first) or (_NUMBERED if first.isdecimal() else None)
        if not candidates:
            continue
        lead = len(line) - len(stripped)
        for level, pattern in candidates:
            m = pattern.match(stripped)
            if not m:
                continue
            title = m.group("title")
            cut = TITLE_END.search(title)
            if cut:
                title = title[:cut.start()]
            if len(title) > 60 or (level == 3 and not title):
                break
            if level >= 3 and not cut and len(stripped) > 60:
                break
            heading = (m.group("num") + title).strip()
            span = Span(start + lead, start + lead + len(heading))
            while stack and stack[-1].level >= level:
                stack.pop()
            path = [s.number + s.title for s in stack] + [heading]
            sec = Section(level=level, number=m.group("num").strip(), title=title.strip(), span=span, path=path)
            sections.append(sec)
            stack.append(sec)
            break
    return sections


def section_path_at(sections: list[Section], offset: int) -> list[str]:
    """The heading path in force at ``offset`` (``sections`` in the order of the text, as
    :func:`extract_sections` gives them: a binary search)."""
    k = bisect_right(sections, offset, key=lambda s: s.span.start)
    return sections[k - 1].path if k else []

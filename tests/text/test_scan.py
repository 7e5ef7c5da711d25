"""zhibiao.text.scan: a pattern compiled knowing its first characters finds exactly what the
plain pattern finds."""
from __future__ import annotations

import importlib
import pkgutil
import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

import zhibiao.catalog
import zhibiao.extract
import zhibiao.text
from zhibiao.text import scan
from zhibiao.text.scan import first_characters, is_scanner, scanner


def test_first_characters_of_optional_parts_alternations_and_lookbehinds():
    assert first_characters(r"(?P<pct>百分之)?(?:\d+|[一二三])") == r"[百\d一二三]"
    assert first_characters(r"(?<![到至])(?:截至|到)?(20\d\d)年") == "[截到2]"
    assert first_characters(r"(?:增|减)*(?:长|少)$") == "[增减长少]"
    assert first_characters(r"\s?(?:万元|亿元|%)") == r"[\s万亿%]"


def test_no_bound_where_a_match_can_start_anywhere_or_be_empty():
    assert first_characters(r"(?:a)?.b") is None  # any character
    assert first_characters(r"(?:x)?[^，。]+") is None  # a negated class
    assert first_characters(r"(?:a|b)?") is None  # the empty string
    assert first_characters(r"(?:增长)?(?:以上)?$") is None


def test_patterns_the_engine_scans_fast_already_are_left_as_they_are():
    for pattern in (r"增长\d+%", r"[，,；;]", r"^\s*第", r"(?m)^[ \t]*附件"):
        rx = scanner(pattern)
        assert rx == re.compile(pattern) and not is_scanner(rx)


def test_a_scanner_reads_as_its_pattern_and_keeps_its_flags_and_groups():
    rx = scanner(r"(?m)(?:一、)?(?P<year>20\d\d)年$")
    assert is_scanner(rx) and rx.pattern == r"(?m)(?:一、)?(?P<year>20\d\d)年$"
    assert rx.flags == re.compile(rx.pattern).flags and rx.groupindex == {"year": 1} and rx.groups == 1
    assert [m.group("year") for m in rx.finditer("2023年\n一、2024年\n")] == ["2023", "2024"]
    assert rx != re.compile(rx.pattern)  # (its code holds the set of first characters)


def test_a_class_of_first_characters_means_what_it_means_in_the_pattern():
    # \d is every Unicode digit unless the pattern is compiled ASCII: the set read by the engine too
    text = "约２０２３，约45"
    assert scanner(r"(?:约)?\d+").findall(text) == re.compile(r"(?:约)?\d+").findall(text) == ["约２０２３", "约45"]
    assert scanner(r"(?:约)?\d+", re.ASCII).findall(text) == re.compile(r"(?:约)?\d+", re.ASCII).findall(text) == ["约45"]


def test_a_compiler_this_module_does_not_know_gets_a_look_ahead(monkeypatch):
    monkeypatch.setattr(scan, "_with_first_set", lambda *_args: None)
    rx = scan.scanner(r"(?m)(?:一、)?(20\d\d)年$")
    assert is_scanner(rx) and rx.pattern.startswith("(?m)(?=")
    assert [m.group(1) for m in rx.finditer("2023年\n一、2024年\n")] == ["2023", "2024"]


def test_an_engine_that_refuses_the_written_info_block_gets_a_look_ahead(monkeypatch):
    # _sre.compile validates the code it is given: a Python whose code differs refuses it with
    # RuntimeError ("invalid SRE code"), and the pattern is then compiled the portable way
    real = scan._sre.compile

    def refuse_ours(*args):
        if sys._getframe(1).f_code.co_name == "_with_first_set":
            raise RuntimeError("invalid SRE code")
        return real(*args)  # (re.compile everywhere else goes through the same function)

    monkeypatch.setattr(scan._sre, "compile", refuse_ours)
    rx = scan.scanner(r"(?:一、)?(20\d\d)年")
    assert is_scanner(rx) and rx.pattern.startswith("(?=")
    assert [m.group(1) for m in rx.finditer("2023年，一、2024年")] == ["2023", "2024"]


def _project_objects(kind: type) -> list:
    """Every module-level object of ``kind`` in the extractor, the text stage and the catalogue."""
    found = []
    for package in (zhibiao.extract, zhibiao.text, zhibiao.catalog):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [v for v in vars(module).values() if isinstance(v, kind)]
    return found


PATTERNS = _project_objects(re.Pattern)
# the characters the project's patterns are about, and some they are not
ALPHABET = st.sampled_from(list("0123456789.,-−%‰ 　\n，。；：、（）“”年月日至到截去今上下比较增长下降提高亿万千百十一二三四五六七八九零〇两点"
                                "分之元人个家以内上左右约近全市省县区第届次会议目标预期力争确保实现达到突破ABCxyzPM"))


def _pairs() -> list[tuple[re.Pattern, re.Pattern]]:
    """(plain, scanned) for every pattern of the project a scanner changes: those compiled with
    one and those compiled plainly."""
    pairs = []
    for pattern in PATTERNS:
        flags = pattern.flags & ~re.UNICODE
        if is_scanner(pattern):
            pairs.append((re.compile(pattern.pattern, flags), pattern))
        else:
            fast = scanner(pattern.pattern, flags)
            if is_scanner(fast):
                pairs.append((pattern, fast))
    return pairs


PAIRS = _pairs()


def test_the_project_compiles_its_hot_patterns_with_a_scanner():
    from zhibiao.extract import numbers, scope

    assert numbers.NUMBER in [fast for _plain, fast in PAIRS]
    assert scope.TIME_SIGNAL in [fast for _plain, fast in PAIRS]
    assert len(PAIRS) > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_every_project_pattern_finds_the_same_matches_through_its_scanner(text):
    for plain, fast in PAIRS:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, plain.pattern
        for pos in range(len(text)):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), plain.pattern


def test_no_bound_under_a_local_flag_that_changes_the_characters_matched():
    assert first_characters(r"(?i:abc)d") is None
    assert first_characters(r"(?a:\d)x") is None
    rx = scanner(r"(?:x)?(?i:abc)")
    assert rx.fullmatch("ABC") and rx.fullmatch("xaBc")


LINE_SCANNERS = _project_objects(scan.LineScanner)
# lines of the kinds the project's line patterns look for (headings, dates, attachments, page ends)
LINES = st.sampled_from(["", " ", "\t", "一、", "二、2024年主要目标", "2023年工作回顾", "今年主要目标任务", "附件", "附 件 1",
                         "（2024年1月5日）", "2024年3月1日", "“十四五”时期主要目标", "责任编辑：王五", "相关新闻",
                         "一、农业", "主要预期目标", "全市经济运行稳中向好，地区生产总值增长5.5%，规模以上工业增加值增长6%。",
                         "2025年计划安排", "（一）", "x", "三、预期目标和主要指标", "发展目标为", "（二）主要目标", "主要指标"])


def test_the_project_finds_its_line_patterns_by_line():
    from zhibiao.extract import pipeline, scope

    from zhibiao.extract import prose

    assert scope.PLAN_HEADING in LINE_SCANNERS and pipeline.ATTACHMENT_LINE in LINE_SCANNERS
    assert prose.HEAD_LINE in LINE_SCANNERS and prose.HEAD_LINE.holding is not None


def test_only_a_pattern_of_a_lines_start_is_a_line_scanner():
    for pattern in (r"附件", r"^附件", r"(?m)附件|^附件", r"(?m)^\s*"):
        with pytest.raises(ValueError):
            scan.LineScanner(pattern)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12).map("\n".join), st.integers(0, 200), st.integers(0, 220))
def test_every_line_pattern_finds_what_its_plain_pattern_finds(text, pos, endpos):
    pos, endpos = min(pos, len(text)), max(min(pos, len(text)), endpos)
    for rx in LINE_SCANNERS:
        for a, b in ((0, len(text)), (pos, endpos)):
            expected = [(m.span(), m.groups()) for m in rx.plain.finditer(text, a, b)]
            assert [(m.span(), m.groups()) for m in rx.finditer(text, a, b)] == expected, rx.pattern
            first = rx.search(text, a, b)
            assert (first and (first.span(), first.groups())) == (expected[0] if expected else None), rx.pattern


# --- word_trie: a word list as a trie, the same matches as the words longest first ---------------

_WORDS = st.lists(st.text(alphabet="万亿人次元千米/", min_size=0, max_size=4), min_size=0, max_size=12)
_AFTER = st.sampled_from(["", "$", "次", "人次", "(?:以上)?的", "(?:元)?米"])


@given(_WORDS, _AFTER, st.text(alphabet="万亿人次元千米/以上的 ", max_size=12))
@settings(max_examples=400, deadline=None)
def test_a_word_trie_matches_what_the_words_longest_first_match(words, after, text):
    from zhibiao.text.scan import alternation

    flat, trie = re.compile(f"(?:{alternation(words)}){after}"), re.compile(f"(?:{scan.word_trie(words)}){after}")
    for pos in range(len(text) + 1):
        a, b = flat.match(text, pos), trie.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_a_word_trie_shares_each_words_opening_characters():
    assert scan.word_trie(["万人次", "万人", "万", "亿元"]) == "万(?:人(?:次)?)?|亿元"
    assert scan.word_trie([]) == "(?!)"
    assert re.fullmatch(scan.word_trie(["a.b", "a"]), "a.b") and not re.fullmatch(scan.word_trie(["a.b"]), "axb")


@pytest.mark.parametrize("category", [r"\d", r"\s", r"\w"])
def test_a_category_among_the_first_characters_is_every_character_it_matches(category):
    # the set written into the pattern lists the characters the category matches (its test costs a
    # call into the Unicode database at every character scanned): every character of the Basic
    # Multilingual Plane, and some beyond it, found where the plain pattern finds them
    plane = "".join(map(chr, range(0x10000))) + "\U0001d7d8\U000104a0\U00010000\U0010ffff"
    pattern = rf"(?:y)?{category}"
    fast, plain = scanner(pattern), re.compile(pattern)
    assert is_scanner(fast)
    assert [m.start() for m in fast.finditer(plane)] == [m.start() for m in plain.finditer(plane)]


def test_a_first_character_set_holds_single_characters_only():
    from zhibiao.text.scan import first_character_set

    assert first_character_set(r"(?:^|(?<=[。\n]))[ \t]*(?:到|今后)\d{4}年") == frozenset(" \t到今")
    assert first_character_set(r"(?:约)?\d+") is None  # (a category)
    assert first_character_set(r"(?:约)?[a-z]") is None  # (a range)
    assert first_character_set(r"[ab]c") is None  # (re scans for it already: no set read)

"""The matcher's cheap paths give what its general ones give (each fails when its path answers
otherwise): a name normalised by one pattern (matcher._plain) as step by step; the word tests by
str.endswith, startswith and ``in`` as the patterns of the same words; the fuzzy candidates found by
the characters' marks (one str.translate) as by looking each character's rank up."""
from __future__ import annotations

import random
import sys

from hypothesis import given, settings, strategies as st

from zhibiao.catalog import matcher
from zhibiao.catalog.matcher import (FUZZY_THRESHOLD, GROWTH_LASTS, GROWTH_SUFFIX, GROWTH_WORDING, GROWTH_WORDING_FIRSTS,
                                     INDEX_LASTS, INDEX_SUFFIX, LEVEL_LASTS, LEVEL_SUFFIX, REDUCTION_LASTS,
                                     REDUCTION_SUFFIX, SHARE_NAME, SHARE_NAMES,
                                     SHARE_WORDING, SHARE_WORDINGS, WORDS, Catalog, _holds_any, _infer_measure,
                                     _normalized, _plain, _suffix, normalize_name, without_brackets)

CATALOG = Catalog.load()
ALIASES = [a for ind in CATALOG.indicators.values() for a in (ind.name_zh, ind.name_en, *ind.aliases)]


# ------------------------------------------------------------------ a name normalised by one pattern

def _plain_characters() -> list[str]:
    return [chr(c) for c in (*range(0x20, 0x7F), *range(0x4E00, 0xA000), 0x3001) if _plain().fullmatch(chr(c))]


def test_every_character_the_pattern_takes_as_plain_is_kept_by_every_step():
    plain = _plain_characters()
    assert len(plain) > 15000 and "、" in plain and "5" in plain and "地" in plain
    for ch in plain:
        assert _normalized(ch) == ch, ch
    # what it refuses: changed by a step (a capital, a space, a quote, a traditional character,
    # a dash, a note mark) or read with its neighbours (a bracket: a note, a numbering)
    for ch in "G \"'*~()國（“—\u3000":
        assert not _plain().fullmatch(ch), ch


def test_every_mark_the_second_pattern_takes_is_left_by_nfkc_and_simplifying_as_the_later_steps_read_it():
    _plain()
    marked = matcher._MARKED
    plain = set(_plain_characters())
    marks = [chr(c) for c in (*range(0x20, 0x7F), *map(ord, matcher.MARKS_KEPT_BY_NFKC), *map(ord, matcher.FOLDED_BY_NFKC))
             if marked.fullmatch(chr(c)) and chr(c) not in plain]
    assert set("GDP \"'*~()（）“”《》—–，；：％") <= set(marks)
    for ch in marks:  # (the steps after NFKC and simplifying read （ as "(": they fold it so)
        assert normalize_name(ch) == _normalized(ch), ch
    # what it refuses: what NFKC or simplifying change otherwise (a full-width letter, Ⅲ, a traditional
    # character, an ideographic space) and control characters
    for ch in "Ｇ\u2162國\u3000\n\t":
        assert not marked.fullmatch(ch), ch
    for name in ("全社会研发（R&D）经费支出占GDP比重", "依申请政务服务“一网通办”率", "PM2.5年均浓度", "10万—50万元群体比例",
                 "增长6.5%，城镇新增就业", "（一）占比：30％！"):
        assert marked.fullmatch(name) and normalize_name(name) == _normalized(name), name


def test_a_numbering_is_cut_off_only_a_name_opening_with_its_openers():
    _plain()
    openers = matcher._NUMBERING_OPENERS
    assert sorted(openers) == sorted("0123456789一二三四五六七八九十")
    tails = ["", ".", "、", "．", " .", "1.", "12、", "、 ", ")", "）", "一、", "0)"]
    for ch in _plain_characters():
        if ch not in openers:
            for tail in tails:
                assert not matcher.NUMBERING.match(ch + tail), ch + tail


def test_the_pattern_serves_most_names_and_wordings():
    for text in ("地区生产总值增速", "6.5%以上", "新增省级重点实验室、新型研发机构", "1.地区生产总值", "一、城镇新增就业", "pm2.5平均浓度"):
        assert _plain().fullmatch(text), text


def test_every_name_of_the_catalogue_is_normalised_as_step_by_step():
    for name in ALIASES:
        assert normalize_name(name) == _normalized(name), name


# the characters a numbering is made of, with those steps change or read with their neighbours
HOSTILE = list("1２٣9.．、 \u3000\t一二十（()）注*＊※“”\"'《》—–~GDPgdp%地区生产总值國內增长率额，；：％！？,;:") + ["\n", "\u00a0", "e", "\u0301"]


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(HOSTILE), max_size=14))
def test_any_name_is_normalised_as_step_by_step(name):
    assert normalize_name(name) == _normalized(name)


def test_names_opening_with_numberings_are_normalised_as_step_by_step():
    rnd = random.Random(18)
    openings = ["1.", "12、", "123．", "1234.", "1 . ", "(1)", "（二）", "(十一) ", "一、", "十二、 ", "1.2.", "一、二、", "(注)", "(注1)",
                "１.", "٣、", "“1.", "1.“", ""]
    bodies = ["地区生产总值", "5%以上", "、新增", "(1)城镇", "GDP", "國內", "1", "", "增长6.5%", "注", "a.b"]
    for _ in range(5000):
        name = rnd.choice(openings) + rnd.choice(openings) + rnd.choice(bodies) + rnd.choice(["", *bodies])
        assert normalize_name(name) == _normalized(name), name


# ------------------------------------------------------------------ the word tests

WORD_CHARACTERS = sorted(set("".join(WORDS["growth_suffixes"] + WORDS["growth_suffix_leads"] + WORDS["reduction_suffixes"]
                                     + WORDS["index_suffixes"]
                                     + WORDS["level_suffixes"] + WORDS["growth_wording_leads"]
                                     + WORDS["growth_wording_verbs"] + WORDS["share_names"] + WORDS["share_wordings"]))) \
    + ["\n", "地", "(", ")"]
KEY = st.text(alphabet=st.sampled_from(WORD_CHARACTERS), max_size=10)


@settings(max_examples=3000, deadline=None)
@given(KEY)
def test_the_word_tests_answer_as_their_patterns(key):
    for lasts, pattern in ((GROWTH_LASTS, GROWTH_SUFFIX), (REDUCTION_LASTS, REDUCTION_SUFFIX), (INDEX_LASTS, INDEX_SUFFIX),
                           (LEVEL_LASTS, LEVEL_SUFFIX)):
        m, expected = _suffix(key, lasts, pattern), pattern.search(key)
        assert (m and m.span()) == (expected and expected.span()), (key, pattern.pattern)
    assert _holds_any(key, SHARE_NAMES) == bool(SHARE_NAME.search(key))
    assert _holds_any(key, SHARE_WORDINGS) == bool(SHARE_WORDING.search(key))


def test_the_last_characters_are_the_words():
    for lasts, words in ((GROWTH_LASTS, WORDS["growth_suffixes"]), (REDUCTION_LASTS, WORDS["reduction_suffixes"]),
                         (INDEX_LASTS, WORDS["index_suffixes"]),
                         (LEVEL_LASTS, WORDS["level_suffixes"])):
        assert set(lasts) == {w[-1] for w in words}
    assert set(GROWTH_WORDING_FIRSTS) == {w[0] for w in WORDS["growth_wording_leads"] + WORDS["growth_wording_verbs"]}


def _infer_measure_by_patterns(normalized, unit, measure, text):
    """matcher._infer_measure as it was written with the patterns."""
    key = without_brackets(normalized)
    if INDEX_SUFFIX.search(key) and measure in (None, "level") and unit in (None, "%"):
        return "index"
    if measure in ("growth", "level", "share"):
        return measure
    if GROWTH_SUFFIX.search(key):
        return "growth"
    if unit and unit not in ("%", "‰", "百分点", "个百分点"):
        return "level"
    t = normalize_name(text or "")
    if GROWTH_WORDING.match(t) and unit not in ("百分点", "个百分点"):
        return "growth"
    if SHARE_NAME.search(key) or SHARE_WORDING.search(t):
        return "share"
    if unit == "%":
        return "growth_or_share"
    return None


@settings(max_examples=3000, deadline=None)
@given(KEY, st.sampled_from([None, "%", "‰", "百分点", "个百分点", "亿元"]), st.sampled_from([None, "level", "growth", "share", "count"]),
       st.one_of(st.none(), KEY))
def test_the_measure_is_inferred_as_by_the_patterns(key, unit, measure, text):
    assert _infer_measure(key, unit, measure, text) == _infer_measure_by_patterns(key, unit, measure, text)


def test_the_measure_of_every_alias_is_inferred_as_by_the_patterns():
    for name in ALIASES:
        key = normalize_name(name)
        for unit, text in ((None, None), ("%", name), ("亿元", "增长5%")):
            assert _infer_measure(key, unit, None, text) == _infer_measure_by_patterns(key, unit, None, text), name


# ------------------------------------------------------------------ the fuzzy candidates

def _candidates_by_rank(catalog: Catalog, query: str) -> list[str]:
    """Catalog._fuzzy_candidates as it was written: each character's rank looked up (and each key's
    characters the query holds counted by ``str``)."""
    index = catalog._indexes()
    n = len(query)
    if n >= len(index.lengths_bits):
        return []
    c = (FUZZY_THRESHOLD - 1) / 100
    unmatched = int(n * (2 - 2 * c) / (2 - c) + 1e-9)
    ranks = sorted(index.rank[ch] for ch in query if ch in index.rank)
    take = unmatched + 1 - (n - len(ranks))
    if take <= 0:
        return []
    holding = 0
    for r in ranks[:take]:
        holding |= index.postings_by_rank[r]
    holding &= index.lengths_bits[n]
    return [k for i, k in enumerate(index.keys) if holding >> i & 1 and sum(ch in k for ch in query) >= c * (n + len(k)) / 2]


def test_the_candidates_are_those_of_the_ranks_for_every_key_and_near_miss():
    index = CATALOG._indexes()
    keys = index.keys
    top = len(index.rank_by_code)
    # besides the keys' characters: ones no key holds, below and past the highest code point a key
    # holds, astral ones and a lone surrogate
    strangers = ["☃", "Ｘ", "a", "\x00", chr(top - 1), chr(top), chr(top + 1), "\U0002A6A5", chr(0xF0000),
                 chr(sys.maxunicode), "\ud800"]
    strangers = [ch for ch in strangers if ch not in index.rank]
    alphabet = sorted(set("".join(keys))) + strangers
    rnd = random.Random(1618)
    queries = list(keys)
    for key in keys:
        for _ in range(4):
            chars = list(key)
            for _ in range(rnd.randint(1, 4)):
                at = rnd.randint(0, len(chars))
                chars.insert(at, rnd.choice(alphabet if rnd.random() < 0.8 else strangers))
                if rnd.random() < 0.5 and len(chars) > 1:
                    del chars[rnd.randrange(len(chars))]
            queries.append("".join(chars))
    queries += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(3000)]
    queries += ["".join(strangers), "\ud800" * 3 + "地区生产总值", "地" * 60, ""]
    for query in queries:
        assert CATALOG._fuzzy_candidates(query) == _candidates_by_rank(CATALOG, query), query


def test_the_ranks_by_code_point_are_the_ranks():
    index = CATALOG._indexes()
    assert len(index.rank_by_code) == max(map(ord, index.rank)) + 1
    assert {chr(code): r for code, r in enumerate(index.rank_by_code) if r >= 0} == index.rank


# ------------------------------------------------------------------ a region's head simplified once

def test_the_divisions_of_a_head_simplified_once_are_those_of_the_head():
    from zhibiao.catalog.regions import RegionRegistry
    from zhibiao.text.chinese import to_simplified

    registry = RegionRegistry.default()
    heads = ["浙江省紹興市人民政府關於印發諸暨市國民經濟和社會發展計劃的通知", "漾濞彝族自治縣2024年政府工作報告 全縣地區生產總值",
             "南京市鼓樓區、杭州市西湖區和大理州的統計公報", "根據《中華人民共和國統計法》，共和縣統計局公布", "薴" * 3 + "河南省鄭州市"]
    for head in heads:
        for level in ("province", "prefecture", "county"):
            assert registry.find_at_level(to_simplified(head), level, simplified=True) == registry.find_at_level(head, level), (head, level)
    assert registry.find_at_level(heads[0], "county")  # (the heads name divisions: the comparison is not of nothing)

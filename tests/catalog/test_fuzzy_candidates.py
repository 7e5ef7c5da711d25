"""The catalogue scores a name fuzzily against the aliases its length and characters allow only:
the same hits, in the same order, as scoring every alias. And names normalised as the matcher reads them."""
from __future__ import annotations

import random
import re
import unicodedata
from functools import lru_cache

from hypothesis import given, settings, strategies as st
from rapidfuzz import fuzz, process

from zhibiao.catalog.matcher import FUZZY_THRESHOLD, NOTE, NUMBERING, QUOTES, Catalog, normalize_name, without_brackets
from zhibiao.text.chinese import to_simplified


def _edited(alias: str, rnd: random.Random, alphabet: list[str]) -> str:
    chars = list(alias)
    for _ in range(rnd.randint(1, 4)):
        at = rnd.randint(0, len(chars))
        op = rnd.random()
        if op < 0.33 and chars:
            del chars[min(at, len(chars) - 1)]
        elif op < 0.66:
            chars.insert(at, rnd.choice(alphabet))
        elif chars:
            chars[min(at, len(chars) - 1)] = rnd.choice(alphabet)
    return "".join(chars)


def test_candidates_give_the_hits_of_every_alias():
    catalog = Catalog.load()
    aliases = catalog._keys
    alphabet = sorted(set("".join(aliases)))
    rnd = random.Random(16)
    queries = [_edited(a, rnd, alphabet) for a in aliases for _ in range(3)] + list(aliases)
    queries += ["新增高新技术企业", "城镇居民人均可支配收入增长", "规模以上工业增加值增速", "一般公共预算收入"]
    with_hits = 0
    for q in queries:
        everything = process.extract(q, aliases, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_THRESHOLD)
        scored = process.extract(q, catalog._fuzzy_candidates(q), scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_THRESHOLD)
        assert [(k, s) for k, s, _i in scored] == [(k, s) for k, s, _i in everything], q
        with_hits += bool(everything)
    assert with_hits > len(aliases)  # near misses are found, not only exact names


def test_a_name_of_characters_no_alias_holds_is_scored_against_none():
    catalog = Catalog.load()
    assert catalog._fuzzy_candidates("ＸＹＺ☃☃☃") == []


def test_the_length_table_holds_what_the_ratio_bound_allows_for_any_length():
    catalog = Catalog.load()
    keys = catalog._keys
    for length in range(1, 300):
        allowed = frozenset(i for i, k in enumerate(keys)
                            if 100 * (1 - abs(len(k) - length) / (len(k) + length)) >= FUZZY_THRESHOLD - 1)
        assert catalog._fuzzy_lengths(length) == allowed, length


def test_characters_no_alias_holds_take_the_places_of_the_rarest():
    catalog = Catalog.load()
    # 23 % of 13 characters may stay unmatched (3): four characters no alias holds leave no candidate
    assert catalog._fuzzy_candidates("☃☃☃☃规模以上工业增加值") == []
    assert "规模以上工业增加值" in catalog._fuzzy_candidates("☃☃规模以上工业增加值")


NAME = st.text(alphabet=st.sampled_from(list("（(注1 ）)*＊※“”\"'《》\u3000地区生产总值一、2.")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(NAME)
def test_a_name_is_normalised_as_notes_then_quotes_dropped_one_after_the_other(name):
    s = to_simplified(unicodedata.normalize("NFKC", name))
    s = NUMBERING.sub("", QUOTES.sub("", NOTE.sub("", s)))
    s = s.replace("（", "(").replace("）", ")").replace("—", "-").replace("–", "-").replace("~", "-")
    assert normalize_name(name) == s.lower()
    assert without_brackets(normalize_name(name)) == re.sub(r"\([^()]*\)", "", normalize_name(name))


def _normalised_step_by_step(name: str) -> str:
    """normalize_name as its steps spell it (NFKC, simplified, notes and quotes, numbering, dashes, case)."""
    s = to_simplified(unicodedata.normalize("NFKC", name))
    s = NUMBERING.sub("", QUOTES.sub("", NOTE.sub("", s)))
    return s.replace("（", "(").replace("）", ")").replace("—", "-").replace("–", "-").replace("~", "-").lower()


def test_a_name_of_chinese_characters_is_normalised_by_simplifying_it():
    # every character of the range: NFKC keeps it, and simplified it is none that a later step
    # reads or changes (a digit, a space, a bracket, a quote, a dash, 、 or a letter with a case)
    touched = re.compile(r"[\d\s.、．（()）—–~*＊※\u3000“”\"'‘’《》「」]")
    for cp in range(0x4E00, 0xA000):
        ch = chr(cp)
        assert unicodedata.normalize("NFKC", ch) == ch
        simple = to_simplified(ch)
        assert not touched.search(simple) and simple.lower() == simple, ch
        assert normalize_name(ch) == _normalised_step_by_step(ch) == simple


IDEOGRAPH_NAME = st.text(alphabet=st.sampled_from(list("國內生產總值国内生产总值佔比重一二三十注额年末全市")), min_size=1, max_size=70)


@settings(max_examples=300, deadline=None)
@given(IDEOGRAPH_NAME)
def test_names_of_chinese_characters_are_normalised_as_every_name(name):
    assert normalize_name(name) == _normalised_step_by_step(name)


def _candidates_spelt_out(catalog, query):
    """Catalog._fuzzy_candidates with sets: the aliases of a fitting length holding one of the query's
    rarest characters, and of those the ones holding c · (l1 + l2) / 2 of its characters."""
    index = catalog._indexes()
    n = len(query)
    c = (FUZZY_THRESHOLD - 1) / 100
    held = sorted((ch for ch in query if ch in index.rank), key=index.rank.__getitem__)
    take = int(n * (2 - 2 * c) / (2 - c) + 1e-9) + 1 - (n - len(held))
    holding = set().union(*(index.postings[ch] for ch in held[:take])) if take > 0 else set()
    return [index.keys[i] for i in sorted(holding & catalog._fuzzy_lengths(n))
            if sum(ch in index.keys[i] for ch in query) >= c * (n + len(index.keys[i])) / 2]


def test_candidates_are_the_aliases_of_the_rarest_characters_in_catalogue_order():
    catalog = Catalog.load()
    for query in ("规模以上工业增加值增速", "城城镇镇居民", "新增高新技术企业家数", "☃地区生产总值☃", "城镇居民人均收入收入"):
        assert catalog._fuzzy_candidates(query) == _candidates_spelt_out(catalog, query), query


def test_an_alias_holding_a_rare_character_of_a_name_and_few_others_is_not_scored():
    catalog = Catalog.load()
    index = catalog._indexes()
    # (a name of an alias's rarest character and characters it does not hold: the alias holds too few)
    alias = next(k for k in index.keys if len(k) == 8)
    rarest = min(alias, key=index.rank.__getitem__)
    others = [ch for ch in sorted(index.rank, key=index.rank.__getitem__, reverse=True) if ch not in alias][:7]
    query = rarest + "".join(others)
    assert alias not in catalog._fuzzy_candidates(query)
    assert alias in catalog._fuzzy_candidates(alias[:7] + others[0])


@lru_cache(maxsize=1)
def _bundled() -> Catalog:
    return Catalog.load()


# a name of the catalogue's characters, repeated ones among them (the count of a key's characters a name
# holds counts a repeated one each time)
def _catalogue_names():
    keys = _bundled()._keys
    return st.lists(st.sampled_from(keys), min_size=1, max_size=2).flatmap(
        lambda picked: st.lists(st.sampled_from(sorted(set("".join(picked)) | set("增长率总额☃"))), min_size=3, max_size=16)
        .map("".join))


@settings(max_examples=1500, deadline=None)
@given(_catalogue_names())
def test_the_candidates_of_any_name_give_the_hits_of_every_alias(query):
    catalog = _bundled()
    everything = process.extract(query, catalog._keys, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_THRESHOLD)
    scored = process.extract(query, catalog._fuzzy_candidates(query), scorer=fuzz.ratio, limit=5,
                             score_cutoff=FUZZY_THRESHOLD)
    assert [(k, s) for k, s, _i in scored] == [(k, s) for k, s, _i in everything]
    assert catalog._fuzzy_candidates(query) == _candidates_spelt_out(catalog, query)


def test_the_share_a_line_is_of_is_read_from_its_wording_however_it_is_printed():
    catalog = Catalog.load()
    printed = ["占全国份额保持稳定", "佔全国份额保持稳定", "（一）占全国份额", "“占”全国份额"]
    found = [catalog.match("货物出口总额", unit="%", text=t) for t in printed]
    assert all(m is not None and m.id == "export_share_national" for m in found), found
    assert catalog.match("货物出口总额", unit="%", text="全国份额保持稳定") is None


def test_only_the_characters_simplified_to_zhan_give_it_after_nfkc():
    """matcher._may_open_share_of tests the text itself for 占 and 佔: NFKC (normalize_name's) maps
    no other character onto either."""
    import sys

    from zhibiao.catalog.matcher import _may_open_share_of
    from zhibiao.text.chinese import simplified_from

    leads = simplified_from("占")
    assert set(leads) == {"占", "佔"}
    onto = [chr(c) for c in range(sys.maxunicode + 1)
            if any(lead in unicodedata.normalize("NFKC", chr(c)) for lead in leads)]
    assert sorted(onto) == sorted(leads)
    assert _may_open_share_of("占全国份额") and _may_open_share_of("佔比") and not _may_open_share_of("增长6%")


REGION_NAME = st.text(alphabet=st.sampled_from(list("全国省市县区自治年末底河南杭州生产总值新增")), max_size=14)


@settings(max_examples=500, deadline=None)
@given(REGION_NAME)
def test_the_cheap_tests_before_the_opening_patterns_refuse_no_match(key):
    from zhibiao.catalog.matcher import (REGION_PREFIX, TIME_OPENINGS, TIME_PREFIX, _may_open_with_region,
                                         _without_leading_word, _without_opening)

    assert _without_leading_word(key, TIME_OPENINGS) == _without_opening(TIME_PREFIX, key)
    if REGION_PREFIX.match(key):
        assert _may_open_with_region(key)


def test_a_match_is_compared_and_hashed_by_its_fields():
    from zhibiao.catalog.matcher import Match

    a, b = Match("gdp_growth", 1.0, "alias"), Match("gdp_growth", 1.0, "alias")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1 and a != Match("gdp_growth", 0.95, "concept")
    assert repr(a) == "Match(id='gdp_growth', confidence=1.0, reason='alias')"


CONCEPT_NAME = st.text(alphabet=st.sampled_from(list("地区生产总值年均增长率速幅涨上提高实际名义递额量水平规模数(（)）\n ")), max_size=16)


@settings(max_examples=500, deadline=None)
@given(CONCEPT_NAME)
def test_a_concept_is_the_name_without_its_growth_then_its_level_suffix(key):
    from zhibiao.catalog.matcher import GROWTH_SUFFIX, LEVEL_SUFFIX, concept_of

    k = GROWTH_SUFFIX.sub("", without_brackets(key))
    assert concept_of(key) == (LEVEL_SUFFIX.sub("", k) or k)

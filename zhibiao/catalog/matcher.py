"""The indicator catalogue and the matcher that maps any printed name to one canonical id.

A name is normalised (width, traditional characters, brackets, numbering, notes such as （注）,
quotes, spaces), then looked up exactly among every alias; failing that, by its concept (the
name without 增长/增速/总额 …) and the line's measure (增长X% is growth, X亿元 a level); failing
that, fuzzily (rapidfuzz), above :data:`FUZZY_THRESHOLD` only. Below it the line stays
unmapped rather than forced onto a near miss.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from zhibiao.datafiles import load_yaml, parse_yaml
from zhibiao.errors import InputError
from zhibiao.text.chinese import simplified_from, to_simplified
from zhibiao.text.scan import alternation, scanner

FUZZY_THRESHOLD: Final = 88.0  # rapidfuzz ratio (0-100); chosen so that near-miss pairs in the tests stay apart
MEASURES: Final = {"growth", "level", "share", "ratio", "count", "rate", "index"}
DIRECTIONS: Final = {"up", "down", "band"}
# the words a name is read by (catalog/data/name_words.yaml)
WORDS: Final = load_yaml("zhibiao.catalog", "data", "name_words.yaml")


def _alt(key: str) -> str:
    """The words of ``key`` as an alternation (each pattern below is anchored at an end, or only
    asks whether one is there: their order changes no match)."""
    return alternation(WORDS[key])


GROWTH_SUFFIX: Final = scanner(rf"(?:{_alt('growth_suffix_leads')})?(?:{_alt('growth_suffixes')})$")
REDUCTION_SUFFIX: Final = re.compile(rf"(?:{_alt('reduction_suffixes')})$")
INDEX_SUFFIX: Final = re.compile(rf"(?:{_alt('index_suffixes')})$")
LEVEL_SUFFIX: Final = re.compile(rf"(?:{_alt('level_suffixes')})$")
NUMBERING: Final = re.compile(r"^(?:\d{1,3}\s*[.、．]\s*|[（(][一二三四五六七八九十\d]+[）)]\s*|[一二三四五六七八九十]+、\s*)")
NOTE: Final = re.compile(r"[（(]\s*注\s*\d*\s*[）)]|[*＊※]")
QUOTES: Final = re.compile(r"[\s\u3000“”\"'‘’《》「」]")
# a note or a quote mark, in one pass (the same as NOTE's pass then QUOTES': no character starts both)
NOTE_OR_QUOTE: Final = scanner(f"{NOTE.pattern}|{QUOTES.pattern}")
# a name of Chinese characters only, as most are: none is changed by NFKC, a note, a quote, a
# numbering, a dash or a case — normalising it is simplifying it (tests/catalog: every character)
IDEOGRAPHS: Final = re.compile(r"[\u4e00-\u9fff]+")
BRACKETED: Final = re.compile(r"\([^()]*\)")
GROWTH_WORDING: Final = re.compile(rf"^(?:{_alt('growth_wording_leads')})?(?:{_alt('growth_wording_verbs')})")
SHARE_NAME: Final = re.compile(_alt("share_names"))
SHARE_WORDING: Final = re.compile(_alt("share_wordings"))
SHARE_OF_LEAD: Final = WORDS["share_of_lead"]
SHARE_OF_WORDING: Final = re.compile(rf"{re.escape(SHARE_OF_LEAD)}[\u4e00-\u9fff]{{0,8}}?(?:{_alt('share_of_words')})")
TIME_OPENINGS: Final[tuple[str, ...]] = tuple(WORDS["time_openings"])
TIME_PREFIX: Final = re.compile(rf"^(?:{_alt('time_openings')})")
REGION_PREFIX: Final = re.compile(rf"^(?:{_alt('region_openings')}|[\u4e00-\u9fff]{{2,6}}?(?:{_alt('region_ends')}))")
# what a match of REGION_PREFIX holds: an opening's first character first, or a region end's first
# character at the third to seventh place (after two to six characters)
REGION_OPENING_FIRSTS: Final[tuple[str, ...]] = tuple(sorted({w[0] for w in WORDS["region_openings"]}))
REGION_ENDS_FIRST: Final[tuple[str, ...]] = tuple(sorted({w[0] for w in WORDS["region_ends"]}))
REGION_PART_OPENINGS: Final[tuple[str, ...]] = tuple(sorted(WORDS["region_part_openings"], key=len, reverse=True))
# the measures of a figure per unit of something, which a part of the region measures as the whole does
PER_UNIT_MEASURES: Final = ("share", "rate", "ratio", "index")
# (what :meth:`Catalog._match` holds as a line's inferred measure before it is read: no measure's name)
UNREAD: Final = "(unread)"


# The patterns above that ask for a word at a name's end or start ask only when its last or first
# character is one of the words' (compiled, a pattern's method is a generic call costing several times
# a test of one character, and most names end with none of these words). ``$`` also matches before a
# final newline: a text ending with one is read by the pattern (tests/catalog/test_cheap_paths.py).
GROWTH_LASTS: Final = "".join(sorted({w[-1] for w in WORDS["growth_suffixes"]}))
REDUCTION_LASTS: Final = "".join(sorted({w[-1] for w in WORDS["reduction_suffixes"]}))
INDEX_LASTS: Final = "".join(sorted({w[-1] for w in WORDS["index_suffixes"]}))
LEVEL_LASTS: Final = "".join(sorted({w[-1] for w in WORDS["level_suffixes"]}))
GROWTH_WORDING_FIRSTS: Final = "".join(sorted({w[0] for w in (*WORDS["growth_wording_leads"], *WORDS["growth_wording_verbs"])}))
SHARE_NAMES: Final[tuple[str, ...]] = tuple(WORDS["share_names"])
SHARE_WORDINGS: Final[tuple[str, ...]] = tuple(WORDS["share_wordings"])
SCOPE_QUALIFIERS: Final[tuple[str, ...]] = tuple(WORDS["scope_qualifiers"])


def _suffix(key: str, lasts: str, pattern: re.Pattern) -> re.Match | None:
    """``pattern.search(key)`` for a pattern of words anchored at the end (``$``) whose last
    characters are ``lasts``."""
    last = key[-1:]
    if last != "\n" and last not in lasts:  # ("" is in any string: an empty key is asked)
        return None
    return pattern.search(key)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` hold one of ``words``? (As the alternation of them searched: a generic call.)"""
    for word in words:
        if word in text:
            return True
    return False


def normalize_name(name: str) -> str:
    if name and _plain().fullmatch(name):
        return _without_opening(NUMBERING, name) if name[:1] in _NUMBERING_OPENERS else name
    if _MARKED is not None and _MARKED.fullmatch(name):  # (built with _plain's pattern, asked just before)
        for mark, folded in FOLDED_BY_NFKC.items():  # (NFKC's fold of each: the only change it makes to such a name)
            name = name.replace(mark, folded)
        return _marks_folded(name)
    return _normalized(name)


def _normalized(name: str) -> str:
    """:func:`normalize_name` step by step (what its one-pattern paths must give)."""
    if name and IDEOGRAPHS.fullmatch(name):
        return to_simplified(name)
    s = unicodedata.normalize("NFKC", name or "")
    return _marks_folded(to_simplified(s))


def _marks_folded(s: str) -> str:
    """The steps of :func:`_normalized` after NFKC and simplifying: notes, quotes and a numbering
    cut off, brackets and dashes folded, lower case."""
    s = NOTE_OR_QUOTE.sub("", s)
    s = NUMBERING.sub("", s)
    s = s.replace("（", "(").replace("）", ")").replace("—", "-").replace("–", "-").replace("~", "-")
    return s.lower()


def _plain() -> re.Pattern:
    """A name of characters no step of :func:`_normalized` changes but the numbering's, which
    only cuts off a numbering opening it, and only when it opens with one of
    :data:`_NUMBERING_OPENERS`. Most names and wordings are such (地区生产总值增速, 6.5%以上,
    新增省级重点实验室、新型研发机构): normalised by one pattern (two for a numbering) instead of
    NFKC, simplifying and four more passes. The characters: the Chinese ones :func:`to_simplified`
    keeps, 、, and the printable ASCII ones each step keeps (one by one: not a capital, a space, a
    quote, a note mark or ~) but brackets, which open a note ((注1)) or a numbering ((1)) wherever
    they stand (tests/catalog/test_cheap_paths.py: every character, and names built to break it)."""
    global _PLAIN, _NUMBERING_OPENERS, _MARKED
    pattern = _PLAIN
    if pattern is None:
        ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))
        simplified = to_simplified(ideographs)  # (one pass over the block: the characters it keeps)
        kept = [ch for ch, s in zip(ideographs, simplified) if ch == s]
        ascii_kept = [chr(c) for c in range(0x21, 0x7F) if chr(c) not in "()" and _normalized(chr(c)) == chr(c)]
        # the ones a numbering can open with: a digit then a stop, or a numeral then 、 (its third
        # form opens with a bracket)
        _NUMBERING_OPENERS = "".join(ch for ch in [*ascii_kept, *kept]
                                     if NUMBERING.match(ch + ".") or NUMBERING.match(ch + "、"))
        chars = "".join([*map(re.escape, ascii_kept), *_ranges(kept), "、"])
        pattern = _PLAIN = re.compile(f"[{chars}]*")
        # the marks NFKC and simplifying leave as they are, or turn into what a later step turns them
        # into anyway (（ → "(", as the brackets' fold does), or what FOLDED_BY_NFKC folds them to: a
        # name of these and plain characters skips the two steps (NFKC costs a few thousand
        # instructions a name: GDP, PM2.5, “一网通办”, （R&D）, 增长6%，)
        # (tests/catalog/test_cheap_paths.py: each of them normalised so as step by step)
        marks = "".join(map(re.escape, [*map(chr, range(0x20, 0x7F)), *MARKS_KEPT_BY_NFKC, *FOLDED_BY_NFKC]))
        _MARKED = re.compile(f"[{chars}{marks}]*")
    return pattern


def _ranges(chars: list[str]) -> list[str]:
    """Sorted characters as a character class's items, escaped: runs of consecutive ones as ranges (``a-z``)."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) if i == j else f"{re.escape(chars[i])}-{re.escape(chars[j])}")
        i = j + 1
    return out


_PLAIN: re.Pattern | None = None  # _plain(), built when a name is first normalised
_MARKED: re.Pattern | None = None  # (with it) plain characters, ASCII's others, MARKS_KEPT_BY_NFKC and FOLDED_BY_NFKC
# the marks of Chinese text a name or a wording prints (brackets, quotes, dashes) besides ASCII's, and
# the full-width ones NFKC folds to ASCII (a wording's 增长6%，… / 占比：…), by str.replace
MARKS_KEPT_BY_NFKC: Final = "（）“”‘’《》「」—–"
FOLDED_BY_NFKC: Final = {"，": ",", "；": ";", "：": ":", "％": "%", "！": "!", "？": "?"}
_NUMBERING_OPENERS = ""  # (with it)


def _may_open_share_of(text: str) -> bool:
    """Can :data:`SHARE_OF_WORDING` match the normalised ``text``? Its match opens with its lead (占), which
    only a character simplified to 占 (占, 佔) gives; NFKC maps no other character onto either
    (tests/catalog: every code point), so ``text`` holds one itself (most texts hold none)."""
    global _SHARE_OF_LEADS
    leads = _SHARE_OF_LEADS
    if leads is None:
        leads = _SHARE_OF_LEADS = simplified_from(SHARE_OF_LEAD)
    for lead in leads:
        if lead in text:
            return True
    return False


_SHARE_OF_LEADS: tuple[str, ...] | None = None  # simplified_from(SHARE_OF_LEAD), once a text is asked about


def _is_narrowed(key: str) -> bool:
    """Does a name narrow its indicator to the units above a threshold (限额以上单位消费品零售额, 规上…)?"""
    return _holds_any(key, SCOPE_QUALIFIERS)


def _is_new(key: str) -> bool:
    """Does a name count what is new (新增规模以上工业企业), not what there is?"""
    return key.startswith(_new_leads())


@lru_cache(maxsize=1)
def _new_leads() -> tuple[str, ...]:
    # (the extraction's words, read when first needed: the catalogue is imported without them)
    from zhibiao.extract.lexicon import LEX

    return tuple(LEX.words("names.new_leads"))


def without_brackets(key: str) -> str:
    return BRACKETED.sub("", key) if "(" in key else key


def concept_of(key: str) -> str:
    """地区生产总值增长 -> 地区生产总值; 城镇居民人均可支配收入水平 -> 城镇居民人均可支配收入;
    万元GDP能耗下降率 -> 万元GDP能耗."""
    k = without_brackets(key)
    # (each pattern ends at the text's end: one match at most, cut out as ``sub("", k)`` would, by a
    # search that builds no new string where none matches)
    m = _suffix(k, GROWTH_LASTS, GROWTH_SUFFIX)
    if m is None:
        m = _suffix(k, REDUCTION_LASTS, REDUCTION_SUFFIX)
    if m is not None:
        k = k[:m.start()] + k[m.end():]
    m = _suffix(k, LEVEL_LASTS, LEVEL_SUFFIX)
    return (k[:m.start()] + k[m.end():]) or k if m is not None else k


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    measure: str
    unit: str | None
    direction: str
    binding: bool
    category: str
    aliases: tuple[str, ...]
    definition: str

    def to_dict(self) -> dict:
        return {"id": self.id, "name_zh": self.name_zh, "name_en": self.name_en, "measure": self.measure,
                "unit": self.unit, "direction": self.direction, "binding": self.binding,
                "category": self.category, "aliases": list(self.aliases), "definition": self.definition}


@dataclass(unsafe_hash=True)  # (hashed and compared by its fields, as a frozen one: never changed)
class Match:
    id: str
    confidence: float
    reason: str

    # (written out: compiled, a dataclass's generated __init__ runs as plain Python, called with a dict
    # of its arguments; this one is compiled and called directly — __eq__, __hash__ and __repr__ stay generated)
    def __init__(self, id: str, confidence: float, reason: str):
        self.id, self.confidence, self.reason = id, confidence, reason


def _measure_fits(entry_measure: str, inferred: str | None) -> bool:
    if inferred is None:
        return True
    if inferred == "growth":
        return entry_measure == "growth" or entry_measure == "rate"
    if inferred == "index":  # 居民消费价格总指数为101.6 (last year = 100): the growth series, printed as an index
        return entry_measure in ("growth", "index", "rate")
    if inferred == "share":
        return entry_measure in ("share", "rate", "ratio")
    return entry_measure not in ("growth",)


def infer_measure(name: str, unit: str | None, measure: str | None, text: str | None) -> str | None:
    """What the line measures: its own word for it, its unit, or its wording."""
    return _infer_measure(normalize_name(name), unit, measure, text)


def _infer_measure(normalized: str, unit: str | None, measure: str | None, text: str | None) -> str | None:
    """:func:`infer_measure` of a name already normalised (:func:`normalize_name`)."""
    key = without_brackets(normalized)
    if measure in (None, "level") and unit in (None, "%") and _suffix(key, INDEX_LASTS, INDEX_SUFFIX):
        return "index"
    if measure in ("growth", "level", "share"):
        return measure
    if _suffix(key, GROWTH_LASTS, GROWTH_SUFFIX):
        return "growth"
    relative, points = _relative_units()
    if unit and unit not in relative:
        return "level"  # 增加3万人: an amount, even when the wording says it grows
    t = normalize_name(text or "")
    # (增加0.2个百分点: a change in points is of a share or a rate, never a growth in %)
    if t[:1] in GROWTH_WORDING_FIRSTS and t and GROWTH_WORDING.match(t) and unit not in points:
        return "growth"
    if _holds_any(key, SHARE_NAMES) or _holds_any(t, SHARE_WORDINGS):
        return "share"
    if unit == "%":
        return "growth_or_share"
    return None


@lru_cache(maxsize=1)
def _relative_units() -> tuple[frozenset[str], frozenset[str]]:
    """(%, ‰ and the points; the points): the extraction's units (units.per_mille, units.points),
    read when first needed as :func:`_new_leads` reads its words."""
    from zhibiao.extract.lexicon import LEX

    per_mille, points = LEX.words("units.per_mille"), LEX.words("units.points")
    return frozenset(("%", *per_mille, *points)), frozenset(points)


def _holds_enough(ranks: list[int], held: frozenset[int], enough: float) -> bool:
    """Are at least ``enough`` of a query's characters (``ranks``: by rank, a repeated one repeated) among a
    key's (``held``)?"""
    spare = len(ranks) - enough  # (how many it may miss)
    if spare < 0:
        return False
    for r in ranks:
        if r not in held:
            spare -= 1
            if spare < 0:
                return False
    return True


def _bits(indexes) -> int:
    """A set of small integers as the bits of one integer."""
    out = 0
    for i in indexes:
        out |= 1 << i
    return out


def _keys_by_length(keys: list[str]) -> tuple[frozenset[int], ...]:
    """For each length of a name, the keys (by index) it can be a fuzzy match of by their lengths:
    ``fuzz.ratio`` is 100 · (1 − indel distance / (l1 + l2)) and the distance is at least
    |l1 − l2|, so a key whose length alone keeps it under :data:`FUZZY_THRESHOLD` cannot match
    (the margin of 1 keeps float rounding on the safe side). A name longer than the table can
    match none (the ratio only falls as it grows)."""
    def fits(length: int) -> frozenset[int]:
        return frozenset(i for i, k in enumerate(keys)
                         if 100 * (1 - abs(len(k) - length) / (len(k) + length)) >= FUZZY_THRESHOLD - 1)

    table: list[frozenset[int]] = [frozenset()] + [fits(length) for length in range(1, 2 * max(map(len, keys), default=0) + 2)]
    while table and not table[-1]:
        table.pop()
    return tuple(table)


@dataclass(frozen=True)
class _Index:
    """The names of a catalogue, normalised, and what matching reads from them: built once."""

    exact: dict[str, list[str]]  # a normalised alias (and it without brackets) -> ids
    concept: dict[str, list[str]]  # an alias's concept -> ids
    keys: list[str]  # the exact keys, in catalogue order
    postings: dict[str, set[int]]  # a character -> the keys (by index) holding it
    rank: dict[str, int]  # a character of the keys -> its place from the rarest (fewest keys; then by the character)
    by_length: tuple[frozenset[int], ...]  # a name's length -> the keys it can be a fuzzy match of by length
    name_concepts: dict[str, str]  # an id -> the concept of its Chinese name
    # the same as bit sets (bit i: key i), for :meth:`Catalog._fuzzy_candidates`: a union and an
    # intersection of a few integers cost less than of sets, and the bits come out in key order
    postings_by_rank: tuple[int, ...] = ()  # a character's rank -> the keys holding it
    lengths_bits: tuple[int, ...] = ()  # ``by_length``
    # ``rank`` by code point, up to the highest a key holds (-1: a character no key holds)
    rank_by_code: list[int] = field(default_factory=list)
    key_ranks: tuple[frozenset[int], ...] = ()  # a key (by index) -> the ranks of its characters


@dataclass(eq=False)  # compared by identity: its match results are cached per catalogue
class Catalog:
    indicators: dict[str, Indicator]
    _index: _Index | None = field(default=None, repr=False)

    # The indexes of names (every alias normalised) are built when a name is first matched: most
    # commands only look indicators up by id (a status, a listing), and building them takes a while.
    @property
    def _exact(self) -> dict[str, list[str]]:
        return self._indexes().exact

    @property
    def _concept(self) -> dict[str, list[str]]:
        return self._indexes().concept

    @property
    def _keys(self) -> list[str]:
        return self._indexes().keys

    @property
    def _postings(self) -> dict[str, set[int]]:  # a character -> the aliases holding it
        return self._indexes().postings

    def _indexes(self) -> _Index:
        if self._index is None:  # (two threads may both build it: the same result, assigned whole)
            exact: dict[str, list[str]] = {}
            concept: dict[str, list[str]] = {}
            postings: dict[str, set[int]] = {}
            for ind in self.indicators.values():
                for alias in (ind.name_zh, *ind.aliases):
                    key = normalize_name(alias)
                    for k in dict.fromkeys((key, without_brackets(key))):  # (a set: an order that changed with PYTHONHASHSEED)
                        ids = exact.setdefault(k, [])
                        if ind.id not in ids:
                            ids.append(ind.id)
                    ids = concept.setdefault(concept_of(key), [])
                    if ind.id not in ids:
                        ids.append(ind.id)
            keys = list(exact)
            for i, k in enumerate(keys):
                for ch in k:
                    postings.setdefault(ch, set()).add(i)
            rarest_first = sorted(postings, key=lambda ch: (len(postings[ch]), ch))
            by_length = _keys_by_length(keys)
            rank_by_code = [-1] * (max(map(ord, rarest_first), default=-1) + 1)
            for rank, ch in enumerate(rarest_first):
                rank_by_code[ord(ch)] = rank
            self._index = _Index(exact, concept, keys, postings, {ch: i for i, ch in enumerate(rarest_first)},
                                 by_length,
                                 {i: concept_of(normalize_name(ind.name_zh)) for i, ind in self.indicators.items()},
                                 tuple(_bits(postings[ch]) for ch in rarest_first), tuple(map(_bits, by_length)),
                                 rank_by_code, tuple(frozenset(rank_by_code[ord(ch)] for ch in k) for k in keys))
        return self._index

    def _fuzzy_lengths(self, length: int) -> frozenset[int]:
        """The aliases (by index) a name of ``length`` characters can be a fuzzy match of by their
        length (:func:`_keys_by_length`)."""
        by_length = self._indexes().by_length
        return by_length[length] if length < len(by_length) else frozenset()

    def _fuzzy_candidates(self, query: str) -> list[str]:
        """The aliases ``query`` can be a fuzzy match of, in catalogue order: scoring only these
        gives the same hits, in the same order, as scoring every alias. Besides the lengths
        (:meth:`_fuzzy_lengths`), the characters: a ratio of at least c (a fraction; c = 0.87, the
        threshold less the margin) needs a common subsequence of c · (l1 + l2) / 2 characters, so
        at most ``l1 · (2 − 2c) / (2 − c)`` characters of the query (23 %) are left unmatched; of
        any that many plus one of its characters, an alias that can match holds at least one.
        They are taken among the query's rarest characters in the catalogue, and only the aliases
        holding one of them are scored (a handful instead of hundreds) — of those, only the ones
        holding c · (l1 + l2) / 2 of the query's characters: the common subsequence holds none other
        (most aliases holding a rare character hold few of the others, and rapidfuzz's call costs
        more than counting them)."""
        index = self._indexes()
        n = len(query)
        if n >= len(index.lengths_bits):
            return []  # (longer than any key can match: the ratio only falls as it grows)
        c = (FUZZY_THRESHOLD - 1) / 100
        unmatched = int(n * (2 - 2 * c) / (2 - c) + 1e-9)
        # the rarest are the characters no key holds (they pick none, ranked last), then those the
        # fewest hold: the ranks of the characters keys hold, and a count of the others. (Read by
        # code point from the query's bytes: taking its characters one by one made a string of
        # each, hashed for a look-up, three times the cost; surrogatepass: a lone surrogate is a
        # code point no key holds, as it was a character.)
        # ("utf-32" is encoded by the codec's fast path, in the machine's order after a byte order
        # mark: ff fe 00 00 little-endian; of the four bytes of a code point the highest is 0)
        data = query.encode("utf-32", "surrogatepass")
        low, middle, high = (0, 1, 2) if data[0] == 0xFF else (3, 2, 1)
        rank_by_code = index.rank_by_code
        limit = len(rank_by_code)
        ranks: list[int] = []
        for i in range(4, len(data), 4):
            code = data[i + low] | data[i + middle] << 8 | data[i + high] << 16
            if code < limit:
                r = rank_by_code[code]
                if r >= 0:
                    ranks.append(r)
        take = unmatched + 1 - (n - len(ranks))
        if take <= 0:
            return []
        ranks.sort()
        postings_by_rank = index.postings_by_rank
        holding = 0
        for r in ranks[:take]:  # (take <= len(ranks): unmatched + 1 <= n)
            holding |= postings_by_rank[r]
        holding &= index.lengths_bits[n]
        keys = index.keys
        key_ranks = index.key_ranks
        least = (FUZZY_THRESHOLD - 1) / 200  # (the common subsequence's least share of both lengths, margin kept)
        out: list[str] = []
        while holding:  # the keys from the highest bit down, then reversed: in catalogue order
            top = holding.bit_length() - 1
            holding ^= 1 << top
            key = keys[top]
            if _holds_enough(ranks, key_ranks[top], least * (n + len(key))):
                out.append(key)
        out.reverse()
        return out

    # ------------------------------------------------------------------ loading

    @classmethod
    def default(cls, settings=None) -> "Catalog":
        """The catalogue in effect: the bundled one with the files of the ``catalog`` setting, from
        ``settings`` (:class:`zhibiao.settings.Settings` already read) or read now."""
        if settings is None:
            from zhibiao.settings import Settings

            settings = Settings.load()
        return _cached_catalog(settings.catalog)

    @classmethod
    def load(cls, extra: list[str | Path] | tuple = ()) -> "Catalog":
        indicators = _parse(load_yaml("zhibiao.catalog", "data", "indicators.yaml"), "indicators.yaml (bundled)")
        if extra:
            import yaml  # (only a user's catalogue files are parsed here: the bundled one is read back)
        for path in extra:
            p = Path(path)
            try:
                data = parse_yaml(p.read_text("utf-8"))
            except OSError as exc:
                raise InputError(f"{p}: cannot read the catalogue file: {exc.strerror or exc}") from None
            except yaml.YAMLError as exc:
                raise InputError(f"{p}: not valid YAML: {exc}") from None
            indicators.update(_parse(data, str(p)))
        return cls(indicators)

    def get(self, indicator_id: str) -> Indicator | None:
        return self.indicators.get(indicator_id)

    def search(self, word: str) -> list[Indicator]:
        w = normalize_name(word)
        out = []
        for ind in self.indicators.values():
            hay = [ind.id, normalize_name(ind.name_en), normalize_name(ind.name_zh), *(normalize_name(a) for a in ind.aliases)]
            if any(w in h for h in hay):
                out.append(ind)
        return out

    # ------------------------------------------------------------------ matching

    def _per_unit(self, indicator_id: str) -> bool:
        """Is the indicator a figure per unit of something (a share, a rate, a ratio, an index, or in a
        unit per unit: 微克/立方米), not an amount or a count?"""
        ind = self.indicators[indicator_id]
        return ind.measure in PER_UNIT_MEASURES or (ind.unit is not None and "/" in ind.unit)

    def _choose(self, ids: list[str], inferred: str | None, unit: str | None = None) -> str | None:
        if unit and unit not in _relative_units()[0]:
            # 空气质量优良天数215天: a count in its own unit is never the share of the same name
            ids = [i for i in ids if self.indicators[i].measure != "share"]
        if not ids:
            return None
        if inferred == "growth_or_share":
            fitting = [i for i in ids if self.indicators[i].measure in ("growth", "share", "rate", "ratio")]
        else:
            fitting = [i for i in ids if _measure_fits(self.indicators[i].measure, inferred)]
        if fitting:
            return fitting[0]
        # the name was right but the measure is the concept's other face: 地区生产总值 as a level
        index = self._indexes()
        for i in ids:
            for j in index.concept.get(index.name_concepts[i], []):
                if _measure_fits(self.indicators[j].measure, inferred if inferred != "growth_or_share" else "growth"):
                    return j
        return None

    def match(self, name: str, *, unit: str | None = None, measure: str | None = None, text: str | None = None,
              parent: str | None = None) -> Match | None:
        # Only the opening words of the text decide anything (增长…, 占比…): a shorter key lets the
        # same name in thousands of documents be matched once.
        return self._match(name, unit, measure, (text or "")[:12], parent)

    @lru_cache(maxsize=65536)
    def _match(self, name: str, unit: str | None, measure: str | None, text: str, parent: str | None) -> Match | None:
        if not name or not name.strip():
            return None
        index = self._indexes()
        key = normalize_name(name)
        part_of = _part_in_brackets(key) if "(" in key else None
        if part_of is not None:
            # "地区生产总值增速（市区）" beside the region's own row: as a part in front of the name, a figure
            # per unit measured there is the indicator's, an amount, a count or a growth of the part is not
            found = self._match(part_of, unit, measure, text, parent)
            if found is not None and self._per_unit(found.id):
                return Match(found.id, round(found.confidence * 0.98, 3), f"without a part of the region: {found.reason}")
            return None
        # what the line measures tells the ids of a name apart: read when a name first has ids (most
        # names the catalogue is asked, a task's words, have none)
        inferred: str | None = UNREAD
        names = [key]
        if parent:
            pkey = normalize_name(parent)
            names = [pkey + key, key, without_brackets(pkey) + key] if len(key) <= 6 else [key, pkey + key]
        for k in names:
            bare_k = without_brackets(k)
            for variant in (k, bare_k) if bare_k != k else (k,):  # (the same key is not looked up twice)
                ids = index.exact.get(variant)
                if ids:
                    if inferred == UNREAD:
                        inferred = _infer_measure(key, unit, measure, text)
                    chosen = self._choose(ids, inferred, unit)
                    if chosen:
                        return Match(chosen, 1.0, "alias")
        for k in names:
            ids = index.concept.get(concept_of(k))
            if not ids:
                continue
            if inferred == UNREAD:
                inferred = _infer_measure(key, unit, measure, text)
            chosen = self._choose(ids, inferred, unit)
            if chosen:
                return Match(chosen, 0.95, "concept")
        # "货物出口总额 | 占全国份额保持稳定": the wording names the share the line is of
        share_of = SHARE_OF_WORDING.match(normalize_name(text)) if text and _may_open_share_of(text) else None
        if share_of:
            found = self._match(name + share_of.group(), unit, "share", "", parent)
            if found is not None:
                return Match(found.id, round(found.confidence * 0.98, 3), f"with its wording: {found.reason}")
        # "城镇人口占常住人口比重（常住人口城镇化率）": the name in brackets is the indicator's other name
        inner = BRACKETED.search(key) if "(" in key else None
        if inner and len(inner.group().strip("()")) >= 4:
            found = self._match(inner.group().strip("()"), unit, measure, text, None)
            if found is not None:
                return Match(found.id, round(found.confidence * 0.98, 3), f"bracketed: {found.reason}")
        # "年末城镇新增就业": the time of the figure names no indicator
        timeless = _without_leading_word(key, TIME_OPENINGS)
        if timeless != key and len(timeless) >= 3:
            found = self._match(timeless, unit, measure, text, parent)
            if found is not None:
                return Match(found.id, round(found.confidence * 0.98, 3), f"without its time: {found.reason}")
        # "河南省生产总值", "全市规上工业增加值": the region in front names no indicator
        bare = _without_opening(REGION_PREFIX, key) if _may_open_with_region(key) else key
        # (新增县域规模以上工业企业: a "region" of two to six characters ending 县 that takes the lead
        # of a count of what is new with it leaves a count of what there is: no region)
        if bare != key and len(bare) >= 3 and not (_is_new(key) and not _is_new(bare)):
            found = self._match(bare, unit, measure, text, parent)
            if found is not None:
                return Match(found.id, round(found.confidence * 0.98, 3), f"without region: {found.reason}")
        # "中心城区PM2.5平均浓度": the part of the region a figure per unit is measured in names no other
        # indicator; an amount or a count of the part is not the region's (城区常住人口)
        part = _without_leading_word(key, REGION_PART_OPENINGS)
        if part != key and len(part) >= 3:
            found = self._match(part, unit, measure, text, parent)
            if found is not None and self._per_unit(found.id):
                return Match(found.id, round(found.confidence * 0.98, 3), f"without a part of the region: {found.reason}")
        best: Match | None = None
        for k in names:
            if len(k) < 3:
                continue
            candidates = self._fuzzy_candidates(k)
            if not candidates:
                continue
            fuzz, process = _rapidfuzz()
            for hit_key, score, _i in process.extract(k, candidates, scorer=fuzz.ratio, limit=5,
                                                      score_cutoff=FUZZY_THRESHOLD):
                if _is_new(hit_key) != _is_new(k):
                    continue  # 规模以上工业企业 (how many) is not 新增规模以上工业企业 (how many more)
                if _is_narrowed(hit_key) != _is_narrowed(k):
                    continue  # 限上社会消费品零售额 (the larger shops' sales) is not 社会消费品零售额 (all of them)
                if inferred == UNREAD:
                    inferred = _infer_measure(key, unit, measure, text)
                chosen = self._choose(index.exact[hit_key], inferred, unit)
                if chosen and (best is None or score / 100 > best.confidence):
                    best = Match(chosen, round(score / 100, 3), f"fuzzy:{hit_key}")
                    break
        return best


def _part_in_brackets(key: str) -> str | None:
    """``key`` without the part of the region it names in brackets (地区生产总值增速(市区)), else ``None``."""
    for m in BRACKETED.finditer(key):
        if m.group()[1:-1] in REGION_PART_OPENINGS:
            return key[:m.start()] + key[m.end():]
    return None


def _without_leading_word(key: str, words: tuple[str, ...]) -> str:
    """``key`` without the first of ``words`` (longest first) that opens it: a part of the region
    (:data:`REGION_PART_OPENINGS`) or a time (:data:`TIME_OPENINGS`), tried by str.startswith."""
    if key.startswith(words):
        for word in words:
            if key.startswith(word):
                return key[len(word):]
    return key


def _may_open_with_region(key: str) -> bool:
    """Can :data:`REGION_PREFIX` match ``key``? (A test by str.find before the pattern is tried:
    most names open with no region.)"""
    if key.startswith(REGION_OPENING_FIRSTS):
        return True
    head = key[2:7]
    for ch in REGION_ENDS_FIRST:
        if ch in head:
            return True
    return False


def _without_opening(pattern: re.Pattern, key: str) -> str:
    """``pattern.sub("", key)`` for a pattern anchored at the start (``^``: it matches once at
    most), without building a new string when it does not match."""
    m = pattern.match(key)
    return key[m.end():] if m else key


@lru_cache(maxsize=1)
def _rapidfuzz():
    """rapidfuzz's scorer and extractor, imported on the first fuzzy match: most commands never
    match fuzzily, and it takes a while to import."""
    from rapidfuzz import fuzz, process

    return fuzz, process


@lru_cache(maxsize=8)
def _cached_catalog(extra: tuple[str, ...]) -> Catalog:
    return Catalog.load(extra)


REQUIRED: Final = ("id", "name_zh", "name_en", "measure", "direction")


def _parse(data, source: str) -> dict[str, Indicator]:
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise InputError(f"{source}: expected a mapping with an 'indicators' list")
    out: dict[str, Indicator] = {}
    for n, raw in enumerate(data["indicators"], 1):
        where = f"{source}: indicator #{n}"
        if not isinstance(raw, dict):
            raise InputError(f"{where}: expected a mapping")
        missing = [f for f in REQUIRED if not raw.get(f)]
        if missing:
            raise InputError(f"{where} ({raw.get('id', '?')}): missing {', '.join(missing)}")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(raw["id"])):
            raise InputError(f"{where}: id {raw['id']!r} must be snake_case")
        if raw["measure"] not in MEASURES:
            raise InputError(f"{where} ({raw['id']}): measure {raw['measure']!r} is not one of {sorted(MEASURES)}")
        if raw["direction"] not in DIRECTIONS:
            raise InputError(f"{where} ({raw['id']}): direction {raw['direction']!r} is not one of {sorted(DIRECTIONS)}")
        aliases = raw.get("aliases") or []
        if not isinstance(aliases, list):
            raise InputError(f"{where} ({raw['id']}): aliases must be a list")
        out[raw["id"]] = Indicator(
            id=raw["id"], name_zh=str(raw["name_zh"]), name_en=str(raw["name_en"]), measure=raw["measure"],
            unit=raw.get("unit"), direction=raw["direction"], binding=bool(raw.get("binding", False)),
            category=str(raw.get("category") or "other"), aliases=tuple(str(a) for a in aliases),
            definition=str(raw.get("definition") or ""),
        )
    return out

"""The region registry: the nation, every province-, prefecture- and county-level division with its
GB/T 2260 code and parent (data: ``catalog/data/regions.csv``, brought up to date by
``scripts/update_regions.py``), the former divisions older documents name among them. The words
its names are read by and its issuers written with: ``catalog/data/region_words.yaml``.

Names resolve in full (绍兴市), short (绍兴), traditional (紹興市) and as an issuer (浙江省人民政府,
国务院). A short name shared by several regions (朝阳: a district of Beijing and a city of
Liaoning) resolves only when it is unique, or within a given parent.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Final

from zhibiao.datafiles import load_yaml
from zhibiao.models import Region
from zhibiao.text.chinese import to_simplified
from zhibiao.text.scan import alternation, scanner

LEVEL_RANK: Final = {"national": 0, "province": 1, "prefecture": 2, "county": 3}
# the words a division's name is read by and an issuer's written with (catalog/data/region_words.yaml)
WORDS: Final = load_yaml("zhibiao.catalog", "data", "region_words.yaml")
# the characters a division's name ends with (省, 市, 区, 县, 旗, 州, 盟)
DIVISION_ENDS: Final = frozenset(WORDS["division_ends"])
TWO_CHARACTER_NAME_ENDS: Final = frozenset(WORDS["two_character_name_ends"])
# a town, a zone or a park named after a division (新市镇, 芜湖经济技术开发区): a short name running into
# one of these names it, not the division
PLACE_WITHIN_ENDS: Final = tuple(sorted(WORDS["place_within_ends"], key=len, reverse=True))
# the nation's names (国务院, 全国, 中国, …); a full name ending with a level name end (县, 市, 区,
# 旗) names a division at its level even when a higher one is known by it too
NATIONAL_NAMES: Final = frozenset(WORDS["national_names"])
LEVEL_NAME_ENDS: Final = tuple(WORDS["level_name_ends"])
# the bodies :meth:`RegionRegistry.issuer_name` writes
GOVERNMENT: Final = WORDS["government"]
PLAN_COMMISSION: Final = WORDS["plan_commission"]
PLAN_BUREAU: Final = WORDS["plan_bureau"]
STATISTICS_BUREAU: Final = WORDS["statistics_bureau"]
NATIONAL_GOVERNMENT: Final = WORDS["national_government"]
NATIONAL_PLAN_COMMISSION: Final = WORDS["national_plan_commission"]
NATIONAL_STATISTICS_BUREAU: Final = WORDS["national_statistics_bureau"]


@dataclass(frozen=True)
class _Names:
    """A set of names as :func:`_scan` looks for them (built once per set)."""

    names: dict | set
    lengths: dict[str, list[int]]  # a first character -> the lengths of the names it starts, longest first
    # any first character of a name — followed by any second character of one, when every name has
    # two (tested in the engine: a third of a Chinese text's characters open some county's name,
    # a tenth are followed by a character that can come second)
    first: re.Pattern
    pairs: frozenset[str] | None  # the first two characters of every name (None: a name of one character)

    @classmethod
    def of(cls, names) -> "_Names":
        by_first: dict[str, set[int]] = {}
        for n in names:
            by_first.setdefault(n[0], set()).add(len(n))
        lengths = {ch: sorted(ls, reverse=True) for ch, ls in by_first.items()}
        pairs = frozenset(n[:2] for n in names) if all(len(n) >= 2 for n in names) else None
        first = "[" + "".join(re.escape(ch) for ch in sorted(lengths)) + "]" if lengths else "(?!)"
        if lengths and pairs is not None:
            first += "(?=[" + "".join(re.escape(ch) for ch in sorted({p[1] for p in pairs})) + "])"
        return cls(names, lengths, re.compile(first), pairs)


def _scan(text: str, table: _Names):
    """Every name of the table in ``text``, left to right, the longest at each place: dictionary
    look-ups at each character that can start a name (a regex of thousands of names is slower),
    those found by the regex engine, and the first two characters tested before any length."""
    names, lengths, pairs = table.names, table.lengths, table.pairs
    i = 0
    for x in table.first.finditer(text):
        at = x.start()
        if at < i or (pairs is not None and text[at:at + 2] not in pairs):
            continue
        for size in lengths[text[at]]:
            word = text[at:at + size]
            if len(word) == size and word in names:  # (a slice past the text's end is shorter)
                yield word, at, at + size
                i = at + size
                break


def _first_of_any(tables: list[_Names]) -> re.Pattern:
    """A pattern finding every place where a name of one of ``tables`` can start (each table's
    ``first`` finds some of them): any first character of theirs, followed by any second one when
    every table's names have two."""
    firsts = sorted({ch for table in tables for ch in table.lengths})
    if not firsts:
        return re.compile("(?!)")
    pattern = "[" + "".join(re.escape(ch) for ch in firsts) + "]"
    if all(table.pairs is not None for table in tables):
        seconds = sorted({pair[1] for table in tables for pair in table.pairs or ()})
        pattern += "(?=[" + "".join(re.escape(ch) for ch in seconds) + "])"
    return re.compile(pattern)


def _scan_each(text: str, tables: list[_Names], first: re.Pattern) -> list[list[tuple[str, int, int]]]:
    """:func:`_scan` of each of ``tables`` (``first``: :func:`_first_of_any` of them), from one
    pass of the engine over the text instead of one for each table: the places any can start a
    name, each tried as each table's scan tries its own."""
    found: list[list[tuple[str, int, int]]] = [[] for _table in tables]
    after = [0] * len(tables)  # where each table's last name ends (its next one starts there or later)
    for x in first.finditer(text):
        at = x.start()
        head = text[at]
        for k, table in enumerate(tables):
            if at < after[k]:
                continue
            sizes = table.lengths.get(head)
            if sizes is None or (table.pairs is not None and text[at:at + 2] not in table.pairs):
                continue
            names = table.names
            for size in sizes:
                word = text[at:at + size]
                if len(word) == size and word in names:  # (a slice past the text's end is shorter)
                    found[k].append((word, at, at + size))
                    after[k] = at + size
                    break
    return found


def _ethnic_groups() -> list[str]:
    text = resources.files("zhibiao.catalog").joinpath("data/ethnic_groups.txt").read_text("utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


# the generic end of a division's name: 漾濞彝族自治县 → 漾濞, 宁夏回族自治区 → 宁夏, 诸暨市 → 诸暨
_ETHNIC: Final = "|".join(sorted(_ethnic_groups(), key=len, reverse=True))
# (each alternative is anchored at the end: their order changes no match)
SHORT_SUFFIX: Final = scanner(rf"(?:(?:{_ETHNIC})族?)*(?:{alternation(WORDS['autonomous_ends'])})$"
                              rf"|(?:{alternation(WORDS['short_name_ends'])})$")
ISSUER_SUFFIX: Final = re.compile(rf"(?:{alternation(WORDS['issuer_suffixes'])})$")


AUTONOMOUS_SHORT_ENDS: Final = dict(WORDS["autonomous_short_ends"])


def _autonomous_short_form(name: str) -> str | None:
    """An autonomous division's short name with its level's end (恩施土家族苗族自治州 → 恩施州), else None."""
    end = next((e for e in AUTONOMOUS_SHORT_ENDS if name.endswith(e)), None)
    if end is None:
        return None
    stem = SHORT_SUFFIX.sub("", name)
    return stem + AUTONOMOUS_SHORT_ENDS[end] if len(stem) >= 2 and stem != name else None


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: str
    parent_code: str | None
    aliases: tuple[str, ...]
    former: bool = False  # no longer a division (临安市, since 2017 临安区): older documents name it


@dataclass
class RegionRegistry:
    rows: dict[str, RegionRow]
    _by_name: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_alias: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _children: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _all_names: _Names | None = field(default=None, repr=False)
    _level_names: dict[str, _Names] = field(default_factory=dict, repr=False)
    _higher_names: dict[str, _Names] = field(default_factory=dict, repr=False)  # (by level: the names above it)
    _short_openings: dict[str, frozenset[str]] | None = field(default=None, repr=False)  # (short_opening's names)
    # levels asked about together -> _first_of_any of their names' tables, and of the tables above them
    _levels_first: dict[tuple[str, ...], tuple[re.Pattern, re.Pattern]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for code, row in list(self.rows.items()):
            worded = _autonomous_short_form(row.name)
            if worded and worded not in row.aliases:
                self.rows[code] = row = replace(row, aliases=(*row.aliases, worded))
        for row in self.rows.values():
            self._by_name.setdefault(row.name, []).append(row.code)
            for a in row.aliases:
                self._by_alias.setdefault(a, []).append(row.code)
            if row.parent_code:
                self._children.setdefault(row.parent_code, []).append(row.code)

    @classmethod
    def default(cls) -> "RegionRegistry":
        return _default_registry()

    # ------------------------------------------------------------------ lookups

    def region(self, code: str) -> Region:
        row = self.rows[code]
        parent = self.rows.get(row.parent_code) if row.parent_code else None
        return Region(name=row.name, level=row.level, code=row.code,
                      parent=parent.name if parent else None, parent_code=parent.code if parent else None,
                      former=row.former)

    def by_code(self, code: str) -> Region | None:
        return self.region(code) if code in self.rows else None

    def children(self, code: str) -> list[Region]:
        """The divisions under ``code``, the former ones among them (older documents name them)."""
        return [self.region(c) for c in sorted(self._children.get(code, []))]

    def parent(self, region: Region) -> Region | None:
        return self.by_code(region.parent_code) if region.parent_code else None

    def ancestors(self, region: Region) -> list[Region]:
        out = []
        current = self.parent(region)
        while current is not None:
            out.append(current)
            current = self.parent(current)
        return out

    def _within(self, code: str, within: str | None) -> bool:
        if within is None:
            return True
        c: str | None = code
        while c:
            if c == within:
                return True
            c = self.rows[c].parent_code if c in self.rows else None
        return False

    def search(self, word: str, limit: int = 20) -> list[Region]:
        """Regions whose code starts with ``word`` or whose name or alias contains it: exact
        names first, then prefixes, then the rest; higher levels before lower ones."""
        w = to_simplified(re.sub(r"\s+", "", word or ""))
        if not w:
            return []
        scored = []
        for row in self.rows.values():
            if w.isdigit():
                if row.code.startswith(w):
                    scored.append(((0 if row.code == w else 1), row))
                continue
            names = (row.name, *row.aliases)
            if any(w == n for n in names):
                rank = 0
            elif any(n.startswith(w) for n in names):
                rank = 1
            elif any(w in n for n in names):
                rank = 2
            else:
                continue
            scored.append((rank, row))
        scored.sort(key=lambda x: (x[0], LEVEL_RANK.get(x[1].level, 9), x[1].code))
        return [self.region(row.code) for _rank, row in scored[:limit]]

    def resolve(self, name: str | None, within: str | None = None) -> Region | None:
        """A region by full, short, traditional or issuer name; None when unknown or ambiguous."""
        if not name:
            return None
        n = to_simplified(re.sub(r"\s+", "", name))
        n = ISSUER_SUFFIX.sub("", n) or n
        if n in NATIONAL_NAMES:  # (国家统计局, 国家发展和改革委员会: the nation's bodies too)
            return self.by_code("100000")
        for table in (self._by_name, self._by_alias):
            codes = self._current_first([c for c in table.get(n, []) if self._within(c, within)])
            if len(codes) == 1:
                return self.region(codes[0])
            if len(codes) > 1:
                # 吉林 is a province and a city: the larger one, when there is exactly one
                top = min(LEVEL_RANK[self.rows[c].level] for c in codes)
                best = [c for c in codes if LEVEL_RANK[self.rows[c].level] == top]
                return self.region(best[0]) if len(best) == 1 else None
        return None

    def level_of(self, name: str) -> str | None:
        """The level of the division ``name`` names (full, short, traditional or issuer name): the one
        level of every current division so named (朝阳区: a county, whichever); None where the registry
        knows no such name, or its divisions are of two levels (吉林: a province and a city). What the
        extraction reads the level of a region it names by (义乌市 a county, though it ends as a city)."""
        n = to_simplified(re.sub(r"\s+", "", name))
        n = ISSUER_SUFFIX.sub("", n) or n
        for table in (self._by_name, self._by_alias):
            codes = self._current_first(table.get(n, []))
            if codes:
                levels = {self.rows[c].level for c in codes}
                return levels.pop() if len(levels) == 1 else None
        return None

    def division_opening(self, text: str) -> str | None:
        """The full name of a division that ``text`` opens with (济南市 of 济南市地区生产总值; three
        characters at least, ending as a division's name ends, or two ending as a county's does: 攸县), the
        shortest such; None when none. Only full names: a short one opens too many words (白云 of 白云机场)."""
        for end in range(2, min(len(text), 12) + 1):
            if text[end - 1] in (TWO_CHARACTER_NAME_ENDS if end == 2 else DIVISION_ENDS) and text[:end] in self._by_name:
                return text[:end]
        return None

    def short_opening(self, text: str) -> tuple[str, frozenset[str]] | None:
        """The short name of a province or a prefecture-level division ``text`` opens with (济南 of
        济南地区生产总值, 青岛 alone), the longest such, with the codes it names; None when none. Only the
        short names :meth:`find_in_text` reads (none a county shares: 新建, 港口 open too many words) and
        none running into a division's end (济南市…: a full name, :meth:`division_opening`'s)."""
        names = self._short_openings
        if names is None:
            names = {alias: frozenset(codes) for alias, codes in self._by_alias.items()
                     if len(alias) >= 2 and all(1 <= LEVEL_RANK[self.rows[c].level] <= 2 for c in codes)}
            self._short_openings = names
        plain = to_simplified(text[:12])
        for end in range(min(len(plain), 8), 1, -1):
            found = names.get(plain[:end])
            if found is not None and plain[end:end + 1] not in DIVISION_ENDS:
                return plain[:end], found
        return None

    def candidates(self, name: str | None, within: str | None = None) -> list[Region]:
        """Every region ``name`` (a full or short name) could mean, the current divisions before
        former ones, higher levels first: what to offer a person when :meth:`resolve` finds no
        single one (朝阳区: Beijing's and Changchun's)."""
        if not name:
            return []
        n = to_simplified(re.sub(r"\s+", "", name))
        n = ISSUER_SUFFIX.sub("", n) or n
        seen: list[str] = []
        for table in (self._by_name, self._by_alias):
            for c in table.get(n, []):
                if c not in seen and self._within(c, within):
                    seen.append(c)
        seen.sort(key=lambda c: (self.rows[c].former, LEVEL_RANK.get(self.rows[c].level, 9), c))
        return [self.region(c) for c in seen]

    def place(self, region: Region) -> str:
        """The regions above ``region`` below the nation, from the top (吉林省 长春市): what tells
        two regions of one name apart."""
        return " ".join(a.name for a in reversed(self.ancestors(region)) if a.code != "100000")

    def _current_first(self, codes: list[str]) -> list[str]:
        """``codes`` without the former divisions when a current one is among them: a short name a
        former division shares with its successor (临安: 临安市 until 2017, 临安区 since) is the
        successor's; the former's full name still names it alone."""
        if len(codes) > 1:
            current = [c for c in codes if not self.rows[c].former]
            if current:
                return current
        return codes

    def issuer_name(self, region: Region, doc_type: str | None = None) -> str:
        """The body that issues a kind of document for a region: the government (a plan notice,
        a work report), the development and reform commission (a plan report: 委员会 at province and
        city level, 局 in a county), the statistics bureau (a bulletin). A name several divisions share
        is written with its parent's (南京市鼓楼区人民政府: 鼓楼区 alone names five)."""
        national = region.level == "national"
        name = region.name
        parent = self.parent(region) if len(self._by_name.get(name, ())) > 1 else None
        if parent is not None and parent.level != "national":
            name = parent.name + name
        if doc_type == "plan_report":
            return NATIONAL_PLAN_COMMISSION if national else name + (
                PLAN_BUREAU if region.level == "county" else PLAN_COMMISSION)
        if doc_type == "statistical_bulletin":
            return NATIONAL_STATISTICS_BUREAU if national else f"{name}{STATISTICS_BUREAU}"
        return NATIONAL_GOVERNMENT if national else f"{name}{GOVERNMENT}"

    @staticmethod
    def names_its_government(issuer: str, region: Region) -> bool:
        """Does ``issuer`` name ``region``'s own government (…人民政府 right after its name)? Not a
        government below it (某市某镇人民政府: a town's, which the registry does not hold)."""
        return issuer.endswith(region.name + GOVERNMENT)

    @staticmethod
    def short_name(name: str) -> str | None:
        """A division's name without its generic end (漾濞彝族自治县 → 漾濞), when two characters remain."""
        short = SHORT_SUFFIX.sub("", name)
        return short if short != name and len(short) >= 2 else None

    def find_at_level(self, text: str, level: str, simplified: bool = False) -> list[tuple[Region, int, int]]:
        """Divisions of one level named in ``text``, by full or short name (a document that calls
        itself 全县 names its county 漾濞, not 漾濞彝族自治县), longest names first. ``simplified``:
        ``text`` is to_simplified's already (a caller asking of every level simplifies it once)."""
        return self.find_at_levels(text, (level,), simplified)[0]

    def find_at_levels(self, text: str, levels: tuple[str, ...], simplified: bool = False) -> list[list[tuple[Region, int, int]]]:
        """:meth:`find_at_level` of each of ``levels``, from one scan of the text for the names of all
        of them (and one for the names above them, when asked)."""
        for level in levels:
            self._level_tables(level)
        plain = text if simplified else to_simplified(text)
        tables = [self._level_names[level] for level in levels]
        first, higher_first = self._levels_first.get(levels) or self._levels_first.setdefault(
            levels, (_first_of_any(tables), _first_of_any([self._higher_names[level] for level in levels])))
        found = _scan_each(plain, tables, first)
        insides: list[list[tuple[str, int, int]]] | None = None  # where the text names a higher division in full
        out = []
        for level, table, hits in zip(levels, tables, found):
            names = table.names
            assert isinstance(names, dict)  # (a level's names map to their codes; only a higher level's are a set)
            kept = []
            inside: list[tuple[str, int, int]] = []
            k = 0  # (matches come in order too: one pass over both)
            for name, a, b in hits:
                codes = self._current_first(names[name])
                if len(codes) != 1:
                    continue
                if insides is None:  # (found for every level at once, when one first needs them)
                    insides = _scan_each(plain, [self._higher_names[lv] for lv in levels], higher_first)
                inside = insides[levels.index(level)]
                while k < len(inside) and inside[k][2] <= a:
                    k += 1
                if k < len(inside) and inside[k][1] <= a and b <= inside[k][2] and (inside[k][1], inside[k][2]) != (a, b):
                    continue  # 共和 of 中华人民共和国: a county's short name inside the country's
                if b < len(plain) and name != self.rows[codes[0]].name and (
                        plain[b] in DIVISION_ENDS or plain.startswith(PLACE_WITHIN_ENDS, b)):
                    continue  # 朝阳 of 朝阳区, 新市 of 新市镇, 芜湖 of 芜湖经济技术开发区: a short name running into another place's end
                kept.append((self.region(codes[0]), a, b))
            out.append(kept)
        return out

    def _level_tables(self, level: str) -> None:
        """The names of a level's divisions and of those above it, as :func:`_scan` looks for them (built once)."""
        if level not in self._level_names:
            codes_of: dict[str, list[str]] = {}
            higher: set[str] = set()  # 大理 is the prefecture's before it is the county-level city's
            for row in self.rows.values():
                forms = {f for f in (row.name, self.short_name(row.name), *row.aliases) if f}
                if LEVEL_RANK[row.level] < LEVEL_RANK[level]:
                    higher |= forms
                elif row.level == level:
                    for n in forms:
                        codes_of.setdefault(n, []).append(row.code)
            self._level_names[level] = _Names.of({n: c for n, c in codes_of.items()
                                                  if n not in higher or n.endswith(LEVEL_NAME_ENDS)})
            self._higher_names[level] = _Names.of({n for n in higher if len(n) > 2})

    def resolve_compound(self, name: str | None, within: str | None = None) -> Region | None:
        """A division printed with its parents before it (南京市鼓楼区, 浙江省杭州市西湖区): the last
        one, found within the one before it — alone, 鼓楼区 names five districts."""
        if not name:
            return None
        n = to_simplified(re.sub(r"\s+", "", name))
        n = ISSUER_SUFFIX.sub("", n) or n
        for cut in range(2, len(n) - 1):
            if n[cut - 1] not in DIVISION_ENDS:
                continue
            parent = self.resolve(n[:cut], within=within)
            if parent is None:
                continue
            child = self.resolve(n[cut:], within=parent.code) or self.resolve_compound(n[cut:], within=parent.code)
            if child is not None:
                return child
        return None

    def find_in_text(self, text: str) -> list[tuple[Region, int, int]]:
        """Regions named in ``text`` (full names at every level; short names of provinces and
        prefecture-level cities, which are rarely ordinary words), longest names first."""
        if self._all_names is None:
            names = set(self._by_name)
            for alias, codes in self._by_alias.items():
                if len(alias) >= 2 and all(LEVEL_RANK[self.rows[c].level] <= 2 for c in codes):
                    names.add(alias)
            names.discard("")
            self._all_names = _Names.of(names)
        out = []
        for name, a, b in _scan(to_simplified(text), self._all_names):
            region = self.resolve(name)
            if region is not None:
                out.append((region, a, b))
        return out


@lru_cache(maxsize=1)
def _default_registry() -> RegionRegistry:
    text = resources.files("zhibiao.catalog").joinpath("data/regions.csv").read_text("utf-8")
    lines = csv.reader(text.splitlines())  # (a csv.DictReader takes twice as long: every command reads this)
    head = {name: i for i, name in enumerate(next(lines))}
    code, name, level, parent = head["code"], head["name"], head["level"], head["parent_code"]
    alias, former = head.get("aliases"), head.get("former")
    rows = {}
    for r in lines:
        aliases = r[alias] if alias is not None and alias < len(r) else ""
        rows[r[code]] = RegionRow(r[code], r[name], r[level], r[parent] or None, tuple(a for a in aliases.split("|") if a),
                                  former is not None and former < len(r) and r[former] == "1")
    return RegionRegistry(rows)

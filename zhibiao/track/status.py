"""Where each target stands: its status against the actual figure, and why.

The rules deciding a status are data (``track/rules.yaml``, first match wins); the tests they
name are here. Every status carries an explanation in Chinese and English
(``track/messages.yaml``) naming the actual, its value and the document (or import) it came from.

Comparisons respect what the wording says, not only the number:

- a target worded as a decline (单位GDP能耗下降3.1%以上, 降低, 减少) is a floor on the size of the
  decline; the actual is read as a decline too, whether printed 下降5.6%, 增长-5.6% or as a
  reduction rate, so a decline of 5.6 % meets it. A level (0.45吨标准煤/万元) does not compare with
  a decline and needs review.
- 下降到/降至/控制在 set a level; 增长/提高 a change; a bare figure is a floor for indicators where
  higher is better and a ceiling for those where lower is better (and for band indicators: CPI).
- A target printed with several parts (增长10%，占全国份额保持14.3‰左右) is judged part by part; the
  worst part decides.
- Directional targets are judged where the direction is clear: 稳步增长/正增长 → growth above
  zero, 持续下降 → a decline, 基本稳定 → a change within the tolerance, 持续改善 → better by the
  indicator's direction; anything else needs review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from zhibiao.datafiles import load_yaml, parse_yaml
from zhibiao.errors import InputError
from zhibiao.models import json_number
from zhibiao.catalog.units import PERCENTISH, convert, is_per_mille, is_points, unit_scale  # noqa: F401 (re-exported)
from zhibiao.text.chinese import to_simplified

STATUSES = ("achieved", "basically_achieved", "missed", "on_track", "behind", "pending", "needs_review")
# The worst part of a multi-part target decides the whole.
SEVERITY = {"missed": 6, "behind": 5, "needs_review": 4, "pending": 3, "basically_achieved": 2, "on_track": 1,
            "achieved": 0}
GOOD, BAD = {"achieved", "basically_achieved", "on_track"}, {"missed", "behind"}


# ---------------------------------------------------------------------------------- messages


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    return load_yaml("zhibiao.track", "messages.yaml")


@dataclass(frozen=True)
class Say:
    """An explanation: a message key and its values, rendered in either language."""

    key: str
    params: tuple = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> "Say":
        return cls(key, tuple(params.items()))

    def render(self, lang: str = "zh") -> str:
        entry = messages().get(self.key)
        if entry is None:  # a literal explanation from a user's rules file
            return self.key
        values = {k: (v.render(lang) if isinstance(v, Say) else _text(v, lang)) for k, v in self.params}
        return entry.get(lang, entry["zh"]).format(**values)


class Joined(tuple):
    """Several explanations rendered one after the other."""

    def render(self, lang: str) -> str:
        sep = messages()["part_separator"][lang]
        return sep.join(s.render(lang) for s in self)


class StatusName(str):
    """A status, rendered by its name in the explanation's language."""


class IndicatorName(str):
    """A catalogue indicator, rendered by its name in the explanation's language."""


def _text(v: Any, lang: str) -> str:
    if isinstance(v, StatusName):
        return status_name(str(v), lang)
    if isinstance(v, IndicatorName):
        from zhibiao.catalog import Catalog

        ind = Catalog.default().get(str(v))
        return str(v) if ind is None else (ind.name_en if lang == "en" else ind.name_zh)
    if isinstance(v, Joined):
        return v.render(lang)
    if isinstance(v, Decimal):
        return str(json_number(v))
    return "" if v is None else str(v)


def status_name(status: str, lang: str = "zh") -> str:
    entry = messages().get(f"status.{status}")
    return entry[lang] if entry else status


# ---------------------------------------------------------------------------------- data


@dataclass
class Actual:
    value: Decimal
    unit: str | None
    text: str
    document: str  # the source's title (a document's, or an import's source)
    span: list[int] | None
    year: int | None
    period: str | None
    estimated: bool
    comparator: str = "="
    citation: dict | None = None  # where the figure can be checked (zhibiao.track.citations.cite_line)
    measure: str | None = None  # growth | level | share | ...
    indicator: str | None = None
    document_id: int | None = None
    basis: str | None = None  # official | revision | bulletin | preliminary | estimate
    superseded: list[dict] = field(default_factory=list)  # figures this one takes precedence over
    review: dict | None = None  # a reviewer's correction of the figure (its value as corrected is used)
    printed: str | None = None  # the figure's wording as printed, when a correction changed it


@dataclass
class TargetLine:
    name: str
    indicator: str | None
    text: str
    kind: str | None
    comparator: str | None
    value: Decimal | None
    value_high: Decimal | None
    unit: str | None
    year: int | None
    reference: str | None
    direction: str = "up"
    document: str | None = None
    span: list[int] | None = None
    parent: str | None = None
    base_value: Decimal | None = None  # a five-year outline's base-year value, where known
    base_year: int | None = None  # a target covering years (a five-year outline's): the year before the first
    measure: str | None = None  # such a target's: level | average (年均) | cumulative (累计, ［30］): period_measure


@dataclass
class Status:
    status: str
    say: Say | Joined
    actual: Actual | None = None
    rule: str | None = None
    parts: list[dict] = field(default_factory=list)
    progress: dict | None = None  # a target covering years: the figures of each year, observed and required

    @property
    def explanation(self) -> str:
        return self.say.render("zh")

    @property
    def explanation_en(self) -> str:
        return self.say.render("en")

    def explain(self, lang: str) -> str:
        return self.say.render(lang)


# Besides the rules, the files whose change can change a stored status (``Rules.version``): how a
# status is decided, which document's target wins, the level marks, the explanations, the units.
DECIDED_BY = (("zhibiao.track", "status.py"), ("zhibiao.track", "comparison.py"), ("zhibiao.track", "tracker.py"),
              ("zhibiao.track", "queries.py"), ("zhibiao.track", "achievement.py"), ("zhibiao.track", "grid.py"),
              ("zhibiao.track", "snapshot.py"), ("zhibiao.track", "messages.yaml"), ("zhibiao.track", "rules.yaml"),
              ("zhibiao.track", "bases.yaml"),
              ("zhibiao.extract", "data/lexicon.yaml"), ("zhibiao.catalog", "data/name_words.yaml"))


@dataclass
class Rules:
    tolerance: dict[str, float]
    rules: list[dict[str, Any]]
    # a relative target's reference words and the indicator each names, the first found deciding
    references: tuple[tuple[str, str], ...] = ()
    # a relative target's reference words and the level of the region each speaks of (全省 → province)
    reference_scopes: tuple[tuple[str, str], ...] = ()
    # the words that make a target covering several years count them as a sum or an average
    period_words: dict[str, tuple[str, ...]] = field(default_factory=lambda: {"cumulative": (), "average": ()})
    # an indicator whose figure documents seldom print, and the indicators of its parts that they do
    # print (城乡居民收入: 城镇居民's and 农村居民's): a target of it with no figure is judged by theirs
    components: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def version(self) -> str:
        """What a status decided under these rules was decided by: the rules themselves, the
        package's version and the code and word lists they are read with (``DECIDED_BY``). The
        status snapshot records it per region-year (migration 0016); a region-year written under
        another version is not current — an upgrade that decides statuses differently, or other
        rules — and ``zhibiao snapshot --stale`` recomputes it."""
        import hashlib
        import json
        from importlib import resources

        from zhibiao import __version__

        h = hashlib.sha256(__version__.encode())
        h.update(json.dumps([self.tolerance, self.rules, self.references, self.reference_scopes, self.period_words,
                             self.components],
                            sort_keys=True, ensure_ascii=False, default=str).encode())
        for package, name in DECIDED_BY:
            h.update(f"{package}/{name}".encode())
            try:
                h.update(resources.files(package).joinpath(name).read_bytes())
            except (OSError, ModuleNotFoundError):  # an installation without sources: the version decides
                pass
        return h.hexdigest()[:16]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Rules":
        if path is None:
            return _default_rules()
        import yaml

        p = Path(path)
        try:
            data = parse_yaml(p.read_text("utf-8"))
        except OSError as exc:
            raise InputError(f"{p}: cannot read the rules file: {exc.strerror or exc}") from None
        except yaml.YAMLError as exc:
            raise InputError(f"{p}: not valid YAML: {exc}") from None
        return cls.from_data(data, str(p))

    @classmethod
    def from_data(cls, data: Any, source: str) -> "Rules":
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise InputError(f"{source}: expected a mapping with a 'rules' list")
        for i, r in enumerate(data["rules"], 1):
            if not isinstance(r, dict) or ("status" not in r and "test" not in r):
                raise InputError(f"{source}: rule #{i} needs a 'status' or a 'test'")
            if "status" in r and r["status"] not in STATUSES:
                raise InputError(f"{source}: rule #{i}: unknown status {r['status']!r}")
            if "test" in r and r["test"] not in TESTS:
                raise InputError(f"{source}: rule #{i}: unknown test {r['test']!r} (one of {sorted(TESTS)})")
        bundled = _bundled_rules()  # (what a user's file leaves out is the bundled file's)
        tol = dict(bundled["tolerance"])
        tol.update(data.get("tolerance") or {})
        return cls(tol, data["rules"], _references(data.get("references", bundled["references"]), source),
                   _reference_scopes(data.get("reference_scopes", bundled["reference_scopes"]), source),
                   _period_words(data.get("period_words", bundled["period_words"]), source),
                   _components(data.get("components", bundled["components"]), source))


def _period_words(data: Any, source: str) -> dict[str, tuple[str, ...]]:
    """A rules file's ``period_words``: the words of each way of counting years, cumulative and average."""
    if not isinstance(data, dict) or set(data) != {"cumulative", "average"}:
        raise InputError(f"{source}: 'period_words' must be a mapping of 'cumulative' and 'average' to words")
    for key, words in data.items():
        if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) and w for w in words):
            raise InputError(f"{source}: period_words.{key} must be a list of words")
    return {key: tuple(words) for key, words in data.items()}


def _components(data: Any, source: str) -> dict[str, tuple[str, ...]]:
    """A rules file's ``components``: an indicator and the indicators of its parts, all the catalogue's."""
    from zhibiao.catalog import Catalog

    if not isinstance(data, dict):
        raise InputError(f"{source}: 'components' must map an indicator to the indicators of its parts")
    cat = Catalog.default()
    for whole, parts in data.items():
        if not (isinstance(parts, list) and len(parts) >= 2 and all(isinstance(p, str) for p in parts)):
            raise InputError(f"{source}: components.{whole} must be a list of two or more indicators")
        unknown = [i for i in (whole, *parts) if cat.get(str(i)) is None]
        if unknown:
            raise InputError(f"{source}: components.{whole}: unknown indicator {unknown[0]!r}")
    return {str(whole): tuple(parts) for whole, parts in data.items()}


def _word_pairs(data: Any, source: str, section: str, item: str, kind: str, known) -> tuple[tuple[str, str], ...]:
    """A rules file's list of [word, ``kind``] pairs (``references``, ``reference_scopes``), each second
    member one ``known`` accepts (it returns the error's words, or None)."""
    if not isinstance(data, list):
        raise InputError(f"{source}: '{section}' must be a list of [word, {kind}] pairs")
    out = []
    for i, pair in enumerate(data, 1):
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(x, str) and x for x in pair)):
            raise InputError(f"{source}: {item} #{i} must be a [word, {kind}] pair, not {pair!r}")
        unknown = known(pair[1])
        if unknown:
            raise InputError(f"{source}: {item} #{i}: {unknown}")
        out.append((pair[0], pair[1]))
    return tuple(out)


def _references(data: Any, source: str) -> tuple[tuple[str, str], ...]:
    """A rules file's ``references``: [word, indicator] pairs, each indicator the catalogue's."""
    from zhibiao.catalog import Catalog

    return _word_pairs(data, source, "references", "reference", "indicator",
                       lambda ind: None if Catalog.default().get(ind) is not None else f"unknown indicator {ind!r}")


REGION_LEVELS = ("national", "province", "prefecture", "county")


def _reference_scopes(data: Any, source: str) -> tuple[tuple[str, str], ...]:
    """A rules file's ``reference_scopes``: [word, level] pairs, each level a region level."""
    return _word_pairs(data, source, "reference_scopes", "reference scope", "level",
                       lambda level: None if level in REGION_LEVELS
                       else f"unknown level {level!r} (one of {', '.join(REGION_LEVELS)})")


def _bundled_rules() -> dict:
    """The bundled rules file as data: the sections a user's own file leaves out are its."""
    return load_yaml("zhibiao.track", "rules.yaml")


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    return Rules.from_data(_bundled_rules(), "rules.yaml (bundled)")


def fmt(value: Decimal | None, unit: str | None = None) -> str:
    if value is None:
        return "?"
    return f"{json_number(value)}{unit or ''}"


class Context:
    """What tests need beyond the target and its actual: other indicators' actuals, the superior
    region's targets."""

    def actual_of(self, indicator: str, year: int | None) -> Actual | None:  # pragma: no cover - interface
        return None

    def actual_of_scope(self, level: str, indicator: str, year: int | None) -> Actual | None:  # pragma: no cover - interface
        """The actual of the region at ``level`` above (or being) the target's region (全省: its province)."""
        return None

    def is_own_level(self, level: str) -> bool:  # pragma: no cover - interface
        """Is the target's region itself of ``level`` (a city's own 全市)?"""
        return False

    def parent_target(self, target: TargetLine) -> TargetLine | None:  # pragma: no cover - interface
        return None


# ---------------------------------------------------------------------------------- wording


@lru_cache(maxsize=1)
def _words():
    from zhibiao.extract.lexicon import lexicon

    lex = lexicon()
    down = lex.alt("kinds.direction_down")
    up = lex.alt("measures.growth_verbs")
    # (到/至 after a verb: the level reached — grammar, as in the extractor's patterns)
    return {
        "down": re.compile(f"(?:{down})"),
        "down_to": re.compile(f"(?:{down})(?:到|至)|(?:{lex.alt('kinds.direction_down_to')})"),
        # a name of a decline opening the words (降幅收窄至5%以内, 降幅控制在…): the size of a fall, whatever verb follows
        "decline_name": re.compile(f"^\\s*(?:{lex.alt('measures.decline_names')})"),
        "up": re.compile(f"(?:{up})"),
        "up_to": re.compile(f"(?:{up})(?:到|至)"),
        "better": re.compile(lex.alt("kinds.direction_better")),
        "not_down": re.compile(lex.alt("kinds.direction_not_down")),
        "steady": re.compile(lex.alt("kinds.direction_steady")),
        "balance": re.compile(lex.alt("kinds.direction_balance")),
        "rise": re.compile(lex.alt("kinds.direction_up")),  # (正增长 too: 增长)
        "in_step": re.compile(lex.alt("kinds.relative_verbs")),  # 与经济增长同步: in step, not above
        # 高于/低于 the reference, or denied (不低于: at least as high)
        "comparison": re.compile(f"(?P<no>{lex.alt('kinds.relative_negations')})?(?P<than>{lex.alt('kinds.relative_comparisons')})"),
        "below": re.compile(f"^(?:{lex.alt('kinds.relative_below')})$"),
        "reaching": re.compile(lex.alt("kinds.relative_reaching")),  # 达到全国平均水平: at least as high
        # 较2020年翻一番: the indicator's own level in the base year, times the word's factor
        "multiple": re.compile(f"(?P<word>{lex.alt('kinds.multiples')})"),
        "factors": {w: Decimal(str(f)) for w, f in lex.get("kinds.multiples").items()},
        "size": re.compile(lex.alt("kinds.direction_sizes")),  # 两位数 (增长)
        "stretch": re.compile(f"^(?:{lex.alt('targets.stretch_leads')})"),  # 力争7%: beyond the target, not a part of it
        "part_verb": re.compile(f"(?:{lex.alt('measures.growth_verbs', 'measures.decline_verbs', 'comparators.reach_words', 'kinds.part_measures')})"),
        "part_lead": re.compile(f"^(.*?)(?=(?:{lex.alt('comparators.reach_words', 'measures.growth_verbs', 'measures.decline_verbs')})|\\d)"),
    }


@lru_cache(maxsize=4096)
def _reduction_indicator(indicator: str | None) -> bool:
    """A catalogue indicator that measures a decline (单位GDP能耗降低, 农村贫困人口减少)."""
    if not indicator:
        return False
    from zhibiao.catalog import Catalog

    ind = Catalog.default().get(indicator)
    return bool(ind and _words()["down"].search(ind.name_zh) and not _words()["down_to"].search(ind.name_zh))


def target_frame(t: TargetLine) -> str:
    """How the target's number reads: ``decline`` (the size of a decline: 下降3%以上, 能耗降低 3.1%),
    ``rise`` (a change: 增长6%), ``level`` (a level reached: 下降到5%以下, 提高到70%), or ``plain``
    (the number as printed: 6.5%以上 under a name that says what it is)."""
    return _frame_of(to_simplified(t.text or ""), to_simplified((t.name or "").strip()))


@lru_cache(maxsize=8192)
def _frame_of(text: str, name: str) -> str:
    """:func:`target_frame` of a target's words: one answer per text and name (a comparison of a
    province's cities asks it of each parent target once per child, seven times a pair)."""
    w = _words()
    digit = re.search(r"\d", text)
    lead = text[:digit.start()] if digit else text  # the words before the figure: 较2020年下降13% → 较…下降
    if w["decline_name"].match(lead):
        return "decline"
    if w["down_to"].search(lead) or w["up_to"].search(lead):
        return "level"
    if w["down"].search(lead) or (w["down"].search(name[-4:]) and not w["up"].search(lead)):
        return "decline"
    if w["up"].search(lead):
        return "rise"
    return "plain"


def _measure(a: Actual) -> str | None:
    if a.measure:
        return a.measure
    if a.indicator:  # an imported figure: the catalogue says what it measures
        from zhibiao.catalog import Catalog

        ind = Catalog.default().get(a.indicator)
        return ind.measure if ind else None
    return None


# An index of the year before (上年=100) printed as a level: 居民消费价格指数为100.4 is a rise of 0.4%.
# A growth indicator's figure printed as a level within this range is read so; outside it, no index.
INDEX_BASE, INDEX_LOW, INDEX_HIGH = Decimal(100), Decimal(50), Decimal(200)


def index_change(a: Actual) -> Decimal | None:
    """The change an index printed as a level says (100.4 → 0.4, 98.9 → −1.1): a figure the extractor
    read as a level, of an indicator the catalogue says is a change, in % or bare, near 100; else None."""
    if a.measure != "level" or not a.indicator or a.unit not in PERCENTISH or not INDEX_LOW <= a.value <= INDEX_HIGH:
        return None
    from zhibiao.catalog import Catalog

    ind = Catalog.default().get(a.indicator)
    return a.value - INDEX_BASE if ind is not None and ind.measure == "growth" else None


def decline_size(a: Actual) -> Decimal | None:
    """The actual read as the size of a decline (5.6 for 下降5.6% or 增长-5.6%); None for a level."""
    w = _words()
    text = to_simplified(a.text or "")  # (the lexicon's words are simplified; a text is as printed: 減少)
    if w["decline_name"].match(text):
        return a.value if a.value >= 0 else -a.value  # 降幅收窄至2.3%: a fall of 2.3
    if w["down_to"].search(text) or w["up_to"].search(text):
        return None  # 下降到3%: a level
    index = index_change(a)
    if index is not None:
        return -index
    if w["down"].search(text):
        return a.value if a.value >= 0 else -a.value
    if w["up"].search(text) or _measure(a) == "growth":
        return -a.value
    if _reduction_indicator(a.indicator) and a.measure in (None, "rate"):
        return a.value  # a reduction rate (an imported 5.6 for 单位GDP能耗降低)
    return None


def signed_change(a: Actual) -> Decimal | None:
    """The actual as a signed change (−5.6 for 下降5.6%); None when it is a level."""
    size = decline_size(a)
    return None if size is None else -size


def split_parts(text: str) -> list[str] | None:
    """The parts of a target printed with several (增长10%，占全国份额保持14.3‰左右), each parseable
    on its own and each with a verb or comparator of its own; None for a one-part target."""
    w = _words()
    pieces = [p.strip() for p in re.split(r"[，,；;]", text or "") if p.strip() and not w["stretch"].match(p.strip())]
    if len(pieces) < 2:
        return None
    from zhibiao.extract.grammar import parse_target  # here: only a target with several parts needs it

    for p in pieces:
        pt = parse_target(p)
        if pt.kind is None or pt.kind == "assigned":
            return None
        if pt.kind == "numeric" and pt.comparator == "=" and not w["part_verb"].search(p):
            return None  # 128个考核断面中: a scope, not a target
    return pieces


# ---------------------------------------------------------------------------------- tests


def _estimated(a: Actual) -> Say | str:
    return Say.of("estimated") if a.estimated else ""


def _compare(t: TargetLine, a: Actual, tol: dict, partial: bool = False) -> Status:
    frame = target_frame(t)
    direction = t.direction
    raw, shown_unit = a.value, a.unit
    if frame == "decline":
        size = decline_size(a)
        if size is None:
            return Status("needs_review", Say.of("change_vs_level", actual=a.text, target=t.text), a)
        raw = size
        direction = "band" if t.direction == "band" else "up"  # a larger decline is better
    elif frame == "rise":
        change = signed_change(a)
        if change is None:
            return Status("needs_review", Say.of("change_vs_level", actual=a.text, target=t.text), a)
        raw = change
    elif frame == "level" and signed_change(a) is not None:
        return Status("needs_review", Say.of("level_vs_change", actual=a.text, target=t.text), a)
    elif frame == "plain" and (index := index_change(a)) is not None:  # 居民消费价格指数为100.4 against 3%左右
        raw, shown_unit = index, "%"
    value = convert(raw, shown_unit, t.unit)
    if value is None:
        return Status("needs_review", Say.of("units_differ", actual=a.text, target=t.text, a_unit=a.unit or "—",
                                             t_unit=t.unit or "—"), a)
    shown = Say.of("decline_value", value=fmt(value, t.unit)) if frame == "decline" else fmt(value, t.unit)
    good, bad = ("on_track", "behind") if partial else ("achieved", "missed")
    comp = t.comparator
    if comp == "=":
        comp = ">=" if direction == "up" else "<="
    v, hi = t.value, t.value_high
    if v is None:
        return Status("needs_review", Say.of("comparator_unknown", comparator=t.comparator), a)
    pct = t.unit in PERCENTISH or is_points(t.unit) or is_per_mille(t.unit)
    slack = Decimal(str(tol["percent_points"])) if pct else abs(v) * Decimal(str(tol["relative"])) if v else Decimal(0)
    if comp == ">=":
        ok = value >= v
    elif comp == ">":
        ok = value > v
    elif comp == "<=":
        ok = value <= v
    elif comp == "<":
        ok = value < v
    elif comp == "range" and hi is not None:
        ok = v <= value <= hi or (direction == "up" and value > hi) or (direction == "down" and value < v)
    elif comp == "~":
        if direction == "up":
            ok = value >= v
        elif direction == "down":
            ok = value <= v
        else:
            ok = abs(value - v) <= Decimal(0) or value <= v
        if not ok and abs(value - v) <= slack:
            return Status("on_track" if partial else "basically_achieved",
                          Say.of("near", value=shown, estimated=_estimated(a), target=t.text,
                                 slack=fmt(slack, t.unit), source=a.document), a)
    else:
        return Status("needs_review", Say.of("comparator_unknown", comparator=t.comparator), a)
    if partial:  # (the year so far against the year's target: on track or behind, never met or missed)
        return Status(good if ok else bad, Say.of("so_far_met" if ok else "so_far_behind", value=shown,
                                                  estimated=_estimated(a), target=t.text, source=a.document,
                                                  months=_months_of(a)), a)
    return Status(good if ok else bad, Say.of("met" if ok else "not_met", value=shown, estimated=_estimated(a),
                                              target=t.text, source=a.document), a)


BASE_YEAR = re.compile(r"^(\d{4})年$")  # a multiple's reference: 较|2020年|翻一番


def _multiple(t: TargetLine, a: Actual | None, ctx: Context, factor: Decimal) -> Status:
    """A multiple of the indicator's own level in a base year (地区生产总值较2020年翻一番): the actual
    against the factor times the base year's actual; in a year before the end, against the share of
    the multiple that steady growth would have reached by then (2 over 15 years: 2^(5/15) after five)."""
    base_year = BASE_YEAR.match(t.reference or "")
    if base_year is None:
        return Status("needs_review", Say.of("multiple_base_unknown"), a)
    year = int(base_year.group(1))
    if a is None:
        return Status("pending", Say.of("no_actual"))
    base = ctx.actual_of(t.indicator, year) if t.indicator else None
    if base is None:
        return Status("pending", Say.of("multiple_base_pending", year=year), a)
    value = convert(a.value, a.unit, base.unit)
    if value is None or not base.value:
        return Status("needs_review", Say.of("progress_units"), a)  # (a growth rate is no level to multiply)
    ratio = value / base.value
    end = t.year if t.year is not None else a.year
    if a.year is None or end is None or a.year >= end or end <= year:
        required, (good, bad) = factor, ("achieved", "missed")
    else:
        share = Decimal(max(a.year - year, 0)) / Decimal(end - year)
        required = Decimal(str(round(float(factor) ** float(share), 3)))
        good, bad = "on_track", "behind"
    return Status(good if ratio >= required else bad,
                  Say.of("multiple", value=fmt(value, base.unit), source=a.document, year=year,
                         base=fmt(base.value, base.unit), base_source=base.document, ratio=round(ratio, 2),
                         factor=factor, required=required), a)


def _relative(t: TargetLine, a: Actual | None, ctx: Context, tol: dict,
              references: tuple[tuple[str, str], ...], scopes: tuple[tuple[str, str], ...] = ()) -> Status:
    w = _words()
    wording = to_simplified(t.text or "")
    multiple = w["multiple"].search(wording)
    if multiple is not None:
        return _multiple(t, a, ctx, w["factors"][multiple.group("word")])
    ref = (t.reference or "")
    plain = to_simplified(ref)
    ref_indicator = next((ind for word, ind in references if word in plain), None)  # (rules.yaml: the first)
    scope = next((level for word, level in scopes if word in plain), None)  # 全省平均水平: the province's
    if scope is not None and ref_indicator is None and not ctx.is_own_level(scope):
        ref_indicator = t.indicator  # 人均地区生产总值达到全省平均水平: the province's own figure of it
    # (a city's 农村居民收入增长高于全市平均: a part against its whole, which no indicator of it names — needs review)
    if ref_indicator is None:
        return Status("needs_review", Say.of("reference_unknown", reference=ref), a)
    if a is None:
        return Status("pending", Say.of("no_actual"))
    year = a.year or t.year  # (the reference of the same year as the figure)
    r = ctx.actual_of_scope(scope, ref_indicator, year) if scope is not None else ctx.actual_of(ref_indicator, year)
    if r is None:
        return Status("pending", Say.of("reference_pending", reference=ref), a)
    own, other = signed_change(a), signed_change(r)
    own = a.value if own is None else own
    other = r.value if other is None else other
    synced = w["in_step"].search(wording) is not None  # 同步, 相适应, 相匹配 …: the lexicon's
    if synced:
        ok = own >= other or abs(own - other) <= Decimal(str(tol["sync_points"]))
        key = "in_step" if ok else "not_in_step"
    else:
        said = w["comparison"].search(wording)
        below = said is not None and w["below"].match(said.group("than")) is not None
        denied = said is not None and said.group("no") is not None
        reaching = said is None and w["reaching"].search(wording) is not None
        if reaching:  # 达到X的平均水平: at least as high as it
            ok = own >= other
            key = "reached" if ok else "not_reached"
        elif below:  # 低于X: under it; 不低于X: at least as high
            ok = own >= other if denied else own < other
            key = "below" if own < other else "not_below"  # (what was seen, whichever way the target points)
        else:  # 高于/快于/超过X: over it; 不高于/不超过X: at most as high
            ok = own <= other if denied else own > other
            key = "above" if own > other else "not_above"
    good, bad = ("on_track", "behind") if a.year is not None and t.year is not None and a.year < t.year \
        else ("achieved", "missed")  # a five-year target in a year before its end year: on its way
    return Status(good if ok else bad, Say.of(key, value=fmt(own, a.unit), source=a.document,
                                              ref_value=fmt(other, r.unit), ref_source=r.document), a)


def _assigned(t: TargetLine, a: Actual | None, ctx: Context, tol: dict) -> Status:
    superior = ctx.parent_target(t)
    if superior is None or superior.kind != "numeric":
        return Status("pending" if a is None else "needs_review", Say.of("superior_missing"), a)
    if a is None:
        return Status("pending", Say.of("superior_pending", target=superior.text))
    s = _compare(superior, a, tol)
    s.say = Joined((s.say, Say.of("against_superior", target=superior.text)))
    return s


def period_months(period: str | None) -> tuple[int, int] | None:
    """The first and last months of its year a figure's period covers (2025-01/2025-11 → (1, 11), 2025-11/2025-11
    → (11, 11)); None for a figure without one and for an unreadable period."""
    try:
        start, end = (period or "").split("/")
        first, last = int(start.split("-")[1]), int(end.split("-")[1])
    except (IndexError, ValueError):
        return None
    return (first, last) if 1 <= first <= last <= 12 else None


def months_label(period: str | None, lang: str = "zh") -> str:
    """The months a part of the year's figure covers, in words (1—11月, 11月; months 1–11, month 11): the one
    label of them — the scorecard's, the reader's, the CLI's — so that one month's figure is never read as the
    year so far's. "" for a whole year's figure."""
    say = months_say(period)
    return say.render(lang) if say is not None else ""


def _months_of(a: Actual) -> Say:
    """A part of the year's figure's months in words, or "the year so far" where its period names none readably."""
    return months_say(a.period) or Say.of("so_far")


def months_say(period: str | None) -> Say | None:
    """:func:`months_label`'s words, to be rendered in either language (None for a whole year's figure)."""
    months = period_months(period)
    if months is None or months == (1, 12):
        return None
    first, last = months
    if first == last:
        return Say.of("year_month", month=last)
    return Say.of("year_months", first=first, last=last)


def actual_period(actual: dict | None, year: int | None = None) -> str | None:
    """The period a status's deciding figure (the tracker's actual dict) covers: a part of the year's
    (2025-01/2025-11), else the year it is of (2025; ``year``, the status's, for a figure that names none: the
    read model chose it for that year); None without a figure. What the status snapshot keeps beside the figure
    (never None there, so that a line written before its column, migration 0019, is told from a whole year's)
    and the grid labels with :func:`months_label`."""
    if not actual:
        return None
    period = actual.get("period") or actual.get("year") or year
    return str(period) if period is not None else None


def months_to_date(period: str | None) -> int | None:
    """The months of its year a part-year figure covers from January (2025-01/2025-11 → 11); None for a part
    that does not open the year — one month's figure (2025-11/2025-11), a quarter's — which tells nothing of
    the year's progress, and for an unreadable period."""
    months = period_months(period)
    return months[1] if months is not None and months[0] == 1 else None


def _progress(t: TargetLine, a: Actual, tol: dict) -> Status:
    months = (months_to_date(a.period) if a.period else None) or 12
    if t.unit in PERCENTISH or is_points(t.unit) or t.comparator in ("~",) or target_frame(t) == "decline":
        return _compare(t, a, tol, partial=True)  # rates compare directly
    value = convert(a.value, a.unit, t.unit)
    if value is None or not t.value:
        return Status("needs_review", Say.of("progress_units"), a)
    done = value / t.value
    share = Decimal(months) / 12 - Decimal(str(tol["progress_margin"]))
    ok = done >= share
    return Status("on_track" if ok else "behind",
                  Say.of("progress", months=_months_of(a), value=fmt(value, t.unit),
                         done=round(done * 100, 1),
                         elapsed=round(Decimal(months) / 12 * 100, 1), source=a.document), a)


_BRACKETED = re.compile(r"^\s*[\[［〔【]")


def period_measure(t: TargetLine, rules: Rules | None = None) -> str:
    """How a target covering several years (a five-year outline's) counts them: ``cumulative``
    (累计, a bracketed ［30］, and a decline in % such as 能耗降低13.5%: over the whole period),
    ``average`` (年均, and any growth rate: each year's growth) or ``level`` (the end year's level).
    The words are the rules' ``period_words`` (track/rules.yaml)."""
    text, name = to_simplified(t.text or ""), to_simplified(t.name or "")
    words = (rules or Rules.load()).period_words
    if _BRACKETED.match(text) or any(w in text or w in name for w in words["cumulative"]):
        return "cumulative"
    if any(w in text or w in name for w in words["average"]):
        return "average"
    if t.unit in PERCENTISH and t.kind == "numeric":
        frame = target_frame(t)
        if frame == "decline" or _reduction_indicator(t.indicator):
            return "cumulative"
        if frame == "rise" or _indicator_measure(t.indicator) == "growth":
            return "average"
    return "level"


def _indicator_measure(indicator: str | None) -> str | None:
    if not indicator:
        return None
    from zhibiao.catalog import Catalog

    ind = Catalog.default().get(indicator)
    return ind.measure if ind else None


def _year_figures(t: TargetLine, ctx: Context, last: int) -> dict[int, Actual]:
    """The full-year figure of each year after the base year up to ``last``."""
    out = {}
    for y in range(t.base_year + 1, last + 1):
        a = ctx.actual_of(t.indicator, y)
        if a is not None and not a.period:
            out[y] = a
    return out


def _brief_figure(a: Actual, value: Decimal | None = None) -> dict:
    return {"year": a.year, "value": json_number(value if value is not None else a.value), "text": a.text,
            "unit": a.unit, "basis": a.basis, "source": a.document, "document_id": a.document_id,
            "superseded": a.superseded}


def _years_text(years: list[int]) -> str:
    return f"{years[0]}" if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _sources(figures: list[Actual]) -> str:
    return "、".join(dict.fromkeys(f.document for f in figures if f.document))


def _missing_note(missing: list[int]) -> Say | str:
    return Say.of("period_missing", years="、".join(map(str, missing))) if missing else ""


def _q(v: Decimal) -> Decimal:
    return v.quantize(Decimal("0.01"))


def _period_rate(t: TargetLine, a: Actual | None, ctx: Context, tol: dict) -> Status:
    """A target for the years after its base year: 年均 growth (each year's growth, compounded), or
    累计 (the years' amounts summed; a decline or growth in % compounded). Years without a figure
    count at the pace the target implies; the figures still needed are spread over the years left."""
    if t.value is None or t.year is None or t.base_year is None or not t.indicator:
        return Status("needs_review", Say.of("comparator_unknown", comparator=t.comparator), a)
    figures = _year_figures(t, ctx, t.year)
    n = t.year - t.base_year
    amounts = t.measure == "cumulative" and t.unit not in PERCENTISH
    decline = t.measure == "cumulative" and not amounts and (target_frame(t) == "decline"
                                                             or _reduction_indicator(t.indicator))
    values: dict[int, Decimal] = {}
    for y, f in figures.items():
        if amounts:
            v = convert(f.value, f.unit, t.unit)
        else:
            v = decline_size(f) if decline else signed_change(f)
            v = None if v is None or f.unit not in PERCENTISH else v
        if v is not None:
            values[y] = v
    if not values:
        return Status("pending", Say.of("period_pending", base_year=t.base_year, year=t.year, target=t.text), a)
    years = sorted(values)
    last = years[-1]
    missing = [y for y in range(t.base_year + 1, last + 1) if y not in values]
    left = t.year - last
    goal = t.value
    one, hundred = Decimal(1), Decimal(100)
    if amounts:  # a sum: 城镇新增就业［30］万人
        pace = goal / n
        done = sum(values.values()) + pace * len(missing)
        observed = sum(values.values()) / len(values)
        required = (goal - done) / left if left else None
        reached = done >= goal
    else:  # rates compounded: each year's factor
        sign = -1 if decline else 1
        factor = {y: one + sign * v / hundred for y, v in values.items()}
        product = one
        for f in factor.values():
            product *= f
        target_factor = (one + sign * goal / hundred) ** (n if t.measure == "average" else 1)
        pace = target_factor ** (one / n)
        done_factor = product * pace ** len(missing)
        observed = sign * ((product ** (one / len(values))) - one) * hundred
        if t.measure == "cumulative":
            done = sign * (done_factor - one) * hundred
        else:  # the average so far, the years without a figure at the target's pace
            done = sign * (done_factor ** (one / (last - t.base_year)) - one) * hundred
        required = sign * ((target_factor / done_factor) ** (one / left) - one) * hundred if left else None
        reached = done_factor >= target_factor if not decline else done_factor <= target_factor
    unit = t.unit or ""
    progress = {"measure": t.measure, "base_year": t.base_year, "end_year": t.year, "unit": t.unit,
                "observed": json_number(_q(observed)), "required": json_number(_q(required)) if required is not None else None,
                "done": json_number(_q(done)), "missing": missing,
                "years": [_brief_figure(figures[y], values[y]) for y in years]}
    shown = [figures[y] for y in years]
    common = dict(years=_years_text(years), span=_years_text([t.base_year + 1, last]) if last > t.base_year + 1
                  else str(last), observed=fmt(_q(observed), unit), sources=_sources(shown),
                  missing=_missing_note(missing), year=t.year, target=t.text, done=fmt(_q(done), unit))
    what = "average" if t.measure == "average" else ("sum" if amounts else ("decline" if decline else "growth"))
    if left == 0:  # the end year's figure is in: achieved or not
        pct = t.unit in PERCENTISH
        slack = Decimal(str(tol["percent_points"])) if pct else abs(goal) * Decimal(str(tol["relative"]))
        if reached:
            status = "achieved"
        elif t.comparator == "~" and abs(done - goal) <= slack:
            status = "basically_achieved"
        else:
            status = "missed"
        return Status(status, Say.of(f"period_final_{what}", **common), a or shown[-1], progress=progress)
    if reached and t.measure == "cumulative":
        return Status("on_track", Say.of(f"period_reached_{what}", **common), a or shown[-1], progress=progress)
    ok = _q(observed) >= _q(required)  # as shown: 6.30% observed against 6.30% needed is on track
    return Status("on_track" if ok else "behind",
                  Say.of(f"period_rate_{what}", required=fmt(_q(required), unit), left=left, **common),
                  a or shown[-1], progress=progress)


def _required_rate(t: TargetLine, a: Actual, ctx: Context, tol: dict) -> Status:
    """A target for a later year (到2025年…, a five-year outline): is the observed yearly change at
    least the change still needed each year to reach it? The observed change is the average since
    the base year's figure (a five-year outline's base value), or, without it, over the nearest
    earlier figure. 年均 and 累计 targets count each year's figure (:func:`_period_rate`)."""
    if t.measure in ("average", "cumulative"):
        return _period_rate(t, a, ctx, tol)
    if a is None:
        return Status("pending", Say.of("no_actual"))
    value = convert(a.value, a.unit, t.unit)
    if value is None or t.value is None or t.year is None or a.year is None:
        return Status("needs_review", Say.of("later_incomparable", target=t.text, year=t.year, actual=a.text), a)
    if t.base_year is not None and a.year <= t.base_year:  # only the base year's figure so far
        return Status("pending", Say.of("period_pending", base_year=t.base_year, year=t.year, target=t.text), a)
    up = t.direction == "up" and t.comparator not in ("<=", "<")
    reached = value >= t.value if up else value <= t.value
    progress = {"measure": "level", "base_year": t.base_year, "end_year": t.year, "unit": t.unit,
                "years": [_brief_figure(a, value)]}
    if reached:
        return Status("on_track", Say.of("later_reached", a_year=a.year, value=fmt(value, t.unit), year=t.year,
                                         target=t.text, source=a.document), a, progress=progress)
    earlier = None
    if t.base_year is not None and t.indicator and a.year > t.base_year:
        earlier = ctx.actual_of(t.indicator, t.base_year)
    if earlier is None and t.indicator:
        earlier = ctx.actual_of(t.indicator, a.year - 1)
    before = convert(earlier.value, earlier.unit, t.unit) if earlier is not None and earlier.year is not None \
        and earlier.year < a.year else None
    if before is not None:
        observed = (value - before) / (a.year - earlier.year)
        basis = Say.of("basis_since", from_year=earlier.year, from_value=fmt(before, t.unit),
                       from_source=earlier.document)
        progress["years"].insert(0, _brief_figure(earlier, before))
    elif t.base_value is not None and t.base_year is not None and a.year > t.base_year:
        observed = (value - t.base_value) / (a.year - t.base_year)
        basis = Say.of("basis_base", base_year=t.base_year, base=fmt(t.base_value, t.unit))
    else:
        return Status("pending", Say.of("later_pending", year=t.year, value=fmt(value, t.unit), a_year=a.year,
                                        source=a.document), a, progress=progress)
    required = (t.value - value) / (t.year - a.year)
    ok = _q(observed) >= _q(required) if up else _q(observed) <= _q(required)
    progress |= {"observed": json_number(_q(observed)), "required": json_number(_q(required))}
    def change(v: Decimal):  # a share in % changes by percentage points
        return Say.of("points", value=json_number(_q(v))) if t.unit == "%" else fmt(_q(v), t.unit)

    return Status("on_track" if ok else "behind",
                  Say.of("later_rate", a_year=a.year, value=fmt(value, t.unit), basis=basis,
                         observed=change(observed), year=t.year, required=change(required), source=a.document),
                  a, progress=progress)


def directional_sense(text: str) -> str | None:
    """rise | decline | not_down | better | steady, or None when the direction is not clear."""
    w = _words()
    text = to_simplified(text or "")
    if w["not_down"].search(text):
        return "not_down"
    if w["down"].search(text):
        return "decline"
    if w["better"].search(text):
        return "better"
    if w["rise"].search(text):
        return "rise"
    if w["balance"].search(text):
        return None  # 基本平衡: a balance of two flows, not one figure
    if w["steady"].search(text):
        return "steady"
    return None


@lru_cache(maxsize=1)
def _direction_sizes() -> dict[str, Decimal]:
    from zhibiao.extract.lexicon import lexicon

    return {word: Decimal(str(least)) for word, least in lexicon().get("kinds.direction_sizes").items()}


def direction_size(text: str) -> Decimal | None:
    """The least growth in % a direction's size in words means (保持两位数增长: 10), or None."""
    m = _words()["size"].search(to_simplified(text or ""))
    return _direction_sizes()[m.group()] if m else None


def _directional(t: TargetLine, a: Actual | None, ctx: Context, tol: dict) -> Status:
    sense = directional_sense(t.text)
    # 保持两位数增长: growth of at least the size, not any growth
    least = direction_size(t.text) if sense in ("rise", "steady") else None
    if sense is None:
        return Status("needs_review", Say.of("qualitative"), a)
    if a is None:
        return Status("pending", Say.of("no_actual"))
    change = signed_change(a)
    unit = a.unit
    if change is None:  # a level: compare with the year before
        previous = ctx.actual_of(t.indicator, a.year - 1) if t.indicator and a.year else None
        before = convert(previous.value, previous.unit, a.unit) if previous is not None else None
        if before is None:
            return Status("pending", Say.of("steady_needs_previous", target=t.text), a)
        if least is not None:  # a size in % of growth: the level's growth over the year before
            if before <= 0 or a.unit in PERCENTISH:
                return Status("needs_review", Say.of("qualitative"), a)
            change, unit = (a.value - before) / before * 100, "%"
        else:
            change = a.value - before
            unit = "个百分点" if a.unit in PERCENTISH else a.unit
    if least is not None:
        ok = change >= least
        return Status("achieved" if ok else "missed",
                      Say.of("directional_met" if ok else "directional_not_met", actual=a.text, target=t.text,
                             meaning=Say.of("meaning_rise_at_least", least=fmt(least, "%")), source=a.document), a)
    if sense == "better":
        sense = "decline" if t.direction == "down" else "rise"
    pct = unit in PERCENTISH or is_points(unit) or is_per_mille(unit)
    slack = Decimal(str(tol["percent_points"])) if pct else abs(a.value) * Decimal(str(tol["relative"]))
    if sense == "rise":
        ok, meaning = change > 0, Say.of("meaning_rise")
    elif sense == "not_down":
        ok, meaning = change >= 0, Say.of("meaning_rise")
    elif sense == "decline":
        ok, meaning = change < 0, Say.of("meaning_decline")
    else:
        ok, meaning = abs(change) <= slack, Say.of("meaning_steady", tolerance=fmt(slack, unit))
    return Status("achieved" if ok else "missed",
                  Say.of("directional_met" if ok else "directional_not_met", actual=a.text, target=t.text,
                         meaning=meaning, source=a.document), a)


TESTS = {"compare", "relative", "assigned", "progress", "required_rate", "directional"}


def _holds(cond: dict, t: TargetLine, a: Actual | None) -> bool:
    for key, want in cond.items():
        if key == "kind" and t.kind not in want:
            return False
        if key == "has_actual" and (a is not None) != bool(want):
            return False
        if key == "period":
            partial = a is not None and bool(a.period)
            if (want == "partial") != partial:
                return False
        if key == "later_year":
            later = a is not None and a.year is not None and t.year is not None and t.year > a.year
            if later != bool(want):
                return False
        if key == "comparator" and t.comparator not in want:
            return False
        if key == "measure" and t.measure not in want:
            return False
    return True


def _decide_one(t: TargetLine, a: Actual | None, ctx: Context, rules: Rules) -> Status:
    tol = rules.tolerance
    for rule in rules.rules:
        if not _holds(rule.get("when") or {}, t, a):
            continue
        name = rule.get("name")
        if "status" in rule:
            key = rule.get("message") or rule.get("explanation") or rule["status"]
            return Status(rule["status"], Say(key), a, name)
        test = rule["test"]
        if test == "compare":
            s = _compare(t, a, tol)
        elif test == "relative":
            s = _relative(t, a, ctx, tol, rules.references, rules.reference_scopes)
        elif test == "assigned":
            s = _assigned(t, a, ctx, tol)
        elif test == "progress":
            s = _progress(t, a, tol)
        elif test == "directional":
            s = _directional(t, a, ctx, tol)
        else:
            s = _required_rate(t, a, ctx, tol)
        s.rule = name
        return s
    return Status("needs_review", Say.of("no_rule"), a)


def part_indicator(t: TargetLine, part: str, unit: str | None) -> str | None:
    """The indicator a later part of a target is about: the target's name with the part's own
    subject (外贸出口总额 + 占全国份额 → export_share_national), the name also without the word of an
    amount it ends with (the catalogue's level_suffixes: 总额, 总量, 规模 …)."""
    from zhibiao.catalog import Catalog
    from zhibiao.catalog.matcher import LEVEL_SUFFIX

    m = _words()["part_lead"].match(part)
    subject = (m.group(1) if m else "").strip()
    if not subject:
        return t.indicator
    name = re.sub(r"[（(].*?[)）]", "", t.name or "")
    bare = LEVEL_SUFFIX.sub("", name)
    for candidate in dict.fromkeys((f"{name}{subject}", f"{bare}{subject}", f"{bare[-2:]}{subject}")):
        found = Catalog.default().match(candidate, unit=unit, text=part)
        if found is not None and found.confidence >= 0.9:
            return found.id
    return None


def stretch_of(text: str) -> str | None:
    """The stretch printed after a target's own figure (确保增长6.5%、力争7% → 力争7%): the last piece
    opening with a stretch word and holding a figure, or None."""
    pieces = [p.strip() for p in re.split(r"[，,；;、]", text or "")]
    last = pieces[-1] if len(pieces) > 1 else ""
    return last if _words()["stretch"].match(last) and re.search(r"\d", last) else None


def _with_stretch(t: TargetLine, a: Actual | None, ctx: Context, rules: Rules, status: Status) -> Status:
    """A target met with a stretch beyond it (增长6.5%、力争7%) says whether the stretch is met too:
    the stretch's figure judged in the target's own frame (its words before the first figure); the
    status stays the target's."""
    stretch = stretch_of(t.text) if t.kind == "numeric" else None
    if stretch is None or a is None or status.status not in ("achieved", "on_track"):
        return status
    from zhibiao.extract.grammar import parse_target  # here: only a target with a stretch needs it

    pt = parse_target(stretch)
    if pt.kind != "numeric" or pt.value is None:
        return status
    line = replace(t, value=pt.value, value_high=None, comparator="<=" if t.comparator in ("<=", "<") else ">=")
    beyond = _decide_one(line, a, ctx, rules)
    if beyond.status not in ("achieved", "missed", "on_track", "behind"):
        return status
    say = Say.of("with_stretch", main=status.say, stretch=stretch, status=StatusName(beyond.status))
    return replace(status, say=say)


def _by_components(t: TargetLine, ctx: Context, rules: Rules) -> Status | None:
    """A target of an indicator with no figure of its own, judged by its parts' figures (rules.yaml
    ``components``: 城乡居民收入增长与经济增长同步 by 城镇居民's and 农村居民's): parts that agree decide
    (the worst of them), parts that disagree need review; None when a part has no figure either (the
    target then waits for data as any other)."""
    parts = rules.components.get(t.indicator or "")
    if not parts:
        return None
    found = [(ind, ctx.actual_of(ind, t.year)) for ind in parts]
    if any(a is None for _ind, a in found):
        return None
    results = [(ind, _decide_one(replace(t, indicator=ind), a, ctx, rules)) for ind, a in found]
    statuses = {s.status for _ind, s in results}
    worst = max(results, key=lambda r: SEVERITY.get(r[1].status, 4))[1].status
    agree = statuses <= GOOD or statuses <= BAD or len(statuses) == 1
    say = Say.of("components" if agree else "components_disagree", parts=Joined(Say.of("part", text=IndicatorName(ind), status=StatusName(s.status),
                                                   explanation=s.say) for ind, s in results))
    return Status(worst if agree else "needs_review", say, None, "components",
                  parts=[{"text": _text(IndicatorName(ind), "zh"), "indicator": ind, "status": s.status,
                          "explanation": s.explanation, "explanation_en": s.explanation_en,
                          "actual": _actual_brief(s.actual)} for ind, s in results])


def decide(t: TargetLine, a: Actual | None, ctx: Context, rules: Rules | None = None) -> Status:
    rules = rules or Rules.load()
    if a is None:
        whole = _by_components(t, ctx, rules)
        if whole is not None:
            return whole
    parts = split_parts(t.text) if t.kind in ("numeric", "directional", "relative") else None
    if not parts:
        return _with_stretch(t, a, ctx, rules, _decide_one(t, a, ctx, rules))
    from zhibiao.extract.grammar import parse_target

    results: list[tuple[str, Status]] = []
    for i, text in enumerate(parts):
        pt = parse_target(text)
        indicator = t.indicator if i == 0 else part_indicator(t, text, pt.unit)
        direction = t.direction
        if i and indicator and indicator != t.indicator:
            from zhibiao.catalog import Catalog

            ind = Catalog.default().get(indicator)
            direction = ind.direction if ind else direction
        line = replace(t, text=text, kind=pt.kind, comparator=pt.comparator, value=pt.value, value_high=pt.value_high,
                       unit=pt.unit or (t.unit if i == 0 else None), reference=pt.reference, indicator=indicator,
                       direction=direction)
        actual = a if i == 0 else (ctx.actual_of(indicator, t.year) if indicator else None)
        results.append((text, _decide_one(line, actual, ctx, rules)))
    worst = max(results, key=lambda r: SEVERITY.get(r[1].status, 4))[1]
    say = Say.of("parts", parts=Joined(Say.of("part", text=text, status=StatusName(s.status), explanation=s.say)
                                       for text, s in results))
    return Status(worst.status, say, results[0][1].actual or a, "parts",
                  parts=[{"text": text, "status": s.status, "explanation": s.explanation,
                          "explanation_en": s.explanation_en, "actual": _actual_brief(s.actual)} for text, s in results])


def _actual_brief(a: Actual | None) -> dict | None:
    if a is None:
        return None
    return {"value": json_number(a.value) if a.value is not None else None, "text": a.text, "unit": a.unit,
            "document": a.document, "document_id": a.document_id}

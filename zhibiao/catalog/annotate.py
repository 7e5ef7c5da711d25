"""The catalogue stage applied to an extraction: the document's region resolved to the registry
(GB/T 2260 code, level, parent) and every target, actual and commitment given its canonical
indicator id (or None when nothing matches well enough)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Callable, Final

from zhibiao.models import Actual, Extraction, Region, Span, Target
from zhibiao.text.chinese import to_simplified


def _registry():
    try:
        from zhibiao.catalog.regions import RegionRegistry
    except ImportError:  # the registry module is optional while a checkout is being built
        return None
    return RegionRegistry.default()


def _catalog(settings=None):
    try:
        from zhibiao.catalog.matcher import Catalog
    except ImportError:
        return None
    return Catalog.default(settings)


def resolve_region(extraction: Extraction, text: str | None) -> None:
    """The document's region by evidence: the name it prints (title, issuer, congress, bureau),
    else a division of the level the text speaks of itself at (全县 → a county) that it names —
    the one named most, its parent named too. A document that names none keeps none, with a
    warning: the first place a text mentions is not its region."""
    registry = _registry()
    if registry is None:
        return
    doc = extraction.document
    region = _resolve_printed(registry, doc.region.name) if doc.region else None
    if region is None and text and doc.region:
        region = _one_named_within(registry, doc.region.name, text[:6000])
    if region is None and text:
        region = _region_by_mentions(registry, text[:6000], doc.region_level_hint)
    if region is not None:
        doc.region = region
        if doc.issuer is None:
            doc.issuer = registry.issuer_name(region, doc.doc_type)
            doc.issuer_inferred = True
        elif registry.names_its_government(to_simplified(doc.issuer), region):
            doc.issuer = registry.issuer_name(region)  # as the registry writes it ("日在浮山县人民政府")
    else:
        doc.region = None
        extraction.warnings.append("the region could not be established from the document: listed for review")


def _resolve_printed(registry, name: str):
    """A printed name, a division printed with its parents (南京市鼓楼区 → 鼓楼区 of 南京市), or the
    longest tail of it that is a region's ("日在浮山县" → 浮山县: the words before a name are not
    always cut off by the extractor)."""
    compound = registry.resolve_compound(name)
    if compound is not None:
        return compound
    for i in range(0, max(1, len(name) - 1)):
        region = registry.resolve(name[i:])
        if region is not None:
            return region
    return None


def _one_named_within(registry, name: str, head: str):
    """The one of the divisions a printed name could mean (鼓楼区: Nanjing's, Xuzhou's, Fuzhou's,
    Kaifeng's) whose city or province the text names (福州市鼓楼区人民政府 under the title), else None:
    the name itself is no guess, and the city named most is not the district's document's region."""
    candidates = registry.candidates(name)
    if len(candidates) < 2:
        return None
    named = {reg.code for reg, _s, _e in registry.find_in_text(head)}
    within = [c for c in candidates if any(a.code in named for a in registry.ancestors(c))]
    return within[0] if len(within) == 1 else None


def _region_by_mentions(registry, head: str, hint: str | None):
    """The division a text speaks of, from the divisions it names: each scores its mentions, one
    more for each of its ancestors named too (a county's text names its city and province, a
    province's names many cities once each), and two more at the level the text calls itself
    (全县 → county; 全市 fits a county-level city too). None unless the best is named twice, and none
    when two score alike, neither within the other (the first named is not the text's region)."""
    found: dict[str, Region] = {}
    mentions: Counter = Counter()
    masthead = len(head) - len(head.lstrip()) + len(head.lstrip().split("\n", 1)[0])
    plain = to_simplified(head)  # (once for the three levels: the same length, the same offsets)
    for named in registry.find_at_levels(plain, ("province", "prefecture", "county"), simplified=True):
        for reg, s, _e in named:
            mentions[reg.code] += 2 if s < masthead else 1  # a title or masthead names its own region
            found[reg.code] = reg
    scores: Counter = Counter()
    for code, reg in found.items():
        scores[code] = mentions[code] + sum(1 for a in registry.ancestors(reg) if a.code in found)
        if hint and (reg.level == hint or (hint == "prefecture" and reg.level == "county" and reg.name.endswith("市"))):
            scores[code] += 2
    if not scores:
        return None
    ranked = scores.most_common(2)
    code, score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == score and _peers(registry, found[code], found[ranked[1][0]]):
        return None  # two named alike (济南市提出…，青岛市提出… in a round-up of cities): neither is the text's
    return found[code] if mentions[code] >= 2 else None


def _peers(registry, one: Region, other: Region) -> bool:
    """Is neither region within the other? (A county scores its city's mentions too: a tie with it is no doubt.)"""
    return all(a.code != other.code for a in registry.ancestors(one)) and \
        all(a.code != one.code for a in registry.ancestors(other))


def _own_region_forms(extraction: Extraction) -> tuple[str, ...]:
    """The document's own region as a name may open with it (荔城地区生产总值: 荔城区's short name),
    longest first; the region is known here, after the extractor (which names it only when printed)."""
    region = extraction.document.region
    if region is None or not region.code or region.level == "national":
        return ()
    from zhibiao.catalog.regions import RegionRegistry

    return tuple(f for f in (region.name, RegionRegistry.short_name(region.name)) if f)


# how the catalogue matched a name by the name itself (an alias, or its concept): no near name, no words taken off it
DIRECT_MATCHES: Final = ("alias", "concept")


def _without_own_region(extraction: Extraction, own: tuple[str, ...], match) -> None:
    """A line's name opening with the document's own region before an indicator's name (衢州市地区生产总值 in a
    news page the catalogue found 衢州市's by its mentions: the extractor knew no region to take off; 佛山地区生产总值,
    by its short name) is the indicator's name after it, its region the document's. A full name running into a word
    is none (衢州市场主体: 衢州 | 市场主体: no indicator after it); the short name only before an indicator's own
    name — a place named after its division (福州港集装箱吞吐量: 港集装箱吞吐量 is a near name only) or a short name
    that is a word's start (城中村改造面积 of 城中区) keeps it."""
    lines: list[Target | Actual] = [*extraction.targets, *extraction.actuals]
    for line in lines:
        name = line.name
        if not name:
            continue
        plain = to_simplified(name)
        for k, form in enumerate(own):
            if len(name) - len(form) < 2 or not plain.startswith(form):
                continue
            rest = name[len(form):]
            found = match(rest, unit=line.unit, measure=line.measure if isinstance(line, Actual) else None, text=line.text)
            if found is None or (k > 0 and found.reason not in DIRECT_MATCHES):
                continue
            span = line.name_span
            if span is not None and span.end - span.start == len(name):
                line.name_span = Span(span.start + len(form), span.end)
            line.name = rest
            break


def _match_name(match, name: str | None, own: tuple[str, ...], unit: str | None, measure: str | None,
                text: str | None, parent: str | None = None):
    """The indicator of a name (``match``: the catalogue's), or of the name without the document's
    own region opening it."""
    m = match(name, unit=unit, measure=measure, text=text, parent=parent)
    if m is None and name and own:
        rest = next((name[len(f):] for f in own if name.startswith(f) and len(name) - len(f) >= 2), None)
        if rest:
            m = match(rest, unit=unit, measure=measure, text=text, parent=parent)
    return m


@lru_cache(maxsize=1)
def _multiple() -> re.Pattern:
    """较2020年翻一番: the extractor's multiples (read when first asked: importing the catalogue reads
    none of the extraction data)."""
    from zhibiao.extract.lexicon import LEX

    return re.compile(LEX.alt("kinds.multiples"))


def _target_measure(kind: str | None, text: str | None) -> str | None:
    """A multiple is of a level, whatever the name (城乡居民人均收入 alone reads as its growth)."""
    return "level" if kind == "relative" and text and _multiple().search(to_simplified(text)) else None


PRICES = "prices"  # the catalogue's category of price indicators (cpi, ppi)


def _a_price_of_its_item(catalog, priced: dict[str, bool], parent: str, found: str) -> bool:
    """Is a line under ``parent`` the price of its item rather than ``found``, the item's own indicator?
    So it is under a price (居民消费价格 | 其中：粮食 0.8: grain's price, not grain output's growth): a row
    of a price is a price. (``priced``: the parents asked about, and their answers.)"""
    is_price = priced.get(parent)
    if is_price is None:
        m = catalog.match(parent, measure="growth")
        ind = catalog.get(m.id) if m else None
        is_price = priced[parent] = ind is not None and ind.category == PRICES
    return is_price and catalog.get(found).category != PRICES


def map_indicators(extraction: Extraction, settings=None) -> None:
    """Every line's indicator, by the catalogue of ``settings`` (read now when not given)."""
    catalog = _catalog(settings)
    if catalog is None:
        return
    own = _own_region_forms(extraction)
    match = catalog.match
    if own:
        _without_own_region(extraction, own, match)
    for t in extraction.targets:
        m = _match_name(match, t.name, own, t.unit, _target_measure(t.kind, t.text), t.text, t.parent)
        t.indicator, t.indicator_confidence = (m.id, m.confidence) if m else (None, None)
    priced: dict[str, bool] = {}
    _drop_other_divisions_results(extraction, match)
    for a in extraction.actuals:
        m = _match_name(match, a.name, own, a.unit, a.measure, a.text)
        if m is not None and a.parent and _a_price_of_its_item(catalog, priced, a.parent, m.id):
            m = None
        a.indicator, a.indicator_confidence = (m.id, m.confidence) if m else (None, None)
    for c in extraction.commitments:
        m = match(c.metric, unit=c.unit, measure=None, text=c.text)
        c.indicator, c.indicator_confidence = (m.id, m.confidence) if m else (None, None)
    for al in extraction.allocations:
        m = match(al.name, unit=al.unit, measure=_target_measure(al.kind, al.text), text=al.text)
        al.indicator, al.indicator_confidence = (m.id, m.confidence) if m else (None, None)


def resolve_allocated_regions(extraction: Extraction) -> None:
    """Each allocation's region among the divisions of the document's own (南昌市, or 南昌, in
    江西省's breakdown table: 360100); a name the registry cannot place there keeps no code, with a warning."""
    registry = _registry()
    if registry is None or not extraction.allocations:
        return
    own = extraction.document.region
    within = own.code if own is not None and own.code and own.level != "national" else None
    unplaced: list[str] = []
    for al in extraction.allocations:
        region = registry.resolve(al.region, within=within)
        al.region_code = region.code if region is not None and (within is None or region.code != within) else None
        if al.region_code is None and al.region not in unplaced:
            unplaced.append(al.region)
    if unplaced:
        extraction.warnings.append(f"allocations to regions not found under the document's region: {'、'.join(unplaced)}")


def _drop_other_divisions_results(extraction: Extraction, match) -> None:
    """A result named by another division's full name (济南市地区生产总值增长5.8% in 潍坊市's report, a
    county of the city, 寿光市…, or the province above) is that division's, quoted: no result of the
    document's region (the catalogue would read the name without the place in front as the region's
    own indicator). So is one opening with a province's or a city's short name (济南地区生产总值增长5.8%,
    青岛增长5.9%) when nothing but an indicator follows it — or nothing at all: a place's product
    (烟台苹果产量) names no indicator and stays. The registry says what is a division; the document's own
    region is kept (``match``: the catalogue's)."""
    region = extraction.document.region
    if region is None or not region.code or region.level == "national" or not extraction.actuals:
        return
    from zhibiao.catalog.regions import RegionRegistry

    registry = RegionRegistry.default()
    own = region.name
    kept = []
    for a in extraction.actuals:
        opening = registry.division_opening(a.name) if a.name else None
        if opening is not None and opening != own:
            continue
        short = registry.short_opening(a.name) if a.name and opening is None else None
        if short is not None and region.code not in short[1]:
            rest = a.name[len(short[0]):]
            if not rest or match(rest, unit=a.unit, measure=a.measure, text=a.text) is not None:
                continue  # (青岛 | 增长5.9%: the place alone, its figure)
        kept.append(a)
    if len(kept) != len(extraction.actuals):
        extraction.actuals = kept


def merge_restated_targets(extraction: Extraction) -> None:
    """A figure stated twice in one document under two names of one indicator is one target (a news
    headline's GDP增长5.5%以上 and its article's 地区生产总值增长5.5%以上; a report's list and its
    explanation, 经济增长预期目标定为7.5%左右): a prose statement gives way to a table row, then to the
    fuller name, then to the one stated first. Only figures: two directions of one indicator may
    speak of two things the catalogue does not tell apart. A commitment of a target's indicator, year and
    value, worded as a target, restates it and goes."""
    def figure(t) -> tuple | None:
        if t.indicator is None or t.value is None or t.kind != "numeric":
            return None
        return (t.indicator, t.year, t.comparator, t.value, t.value_high)

    def rank(t) -> tuple:
        return (t.source == "table", len(t.name or ""))

    extraction.targets = _one_line_a_figure(extraction.targets, figure, rank)
    _merge_tabled_targets(extraction)
    # a figure worded as a target (预期, 目标) restating one (今年经济增长预期目标定为7.5%左右, in the
    # report's explanation of its list) is that target; a task's figure equal to a target (力争实际使用外资
    # 10.6亿美元以上, in the tasks) pursues it, and stays
    stated = {(t.indicator, t.year, t.value) for t in extraction.targets if t.indicator is not None and t.value is not None}
    if stated:
        extraction.commitments = [c for c in extraction.commitments if c.indicator is None
                                  or (c.indicator, c.year, c.value) not in stated or not _worded_as_target(c.text)]


def merge_restated_actuals(extraction: Extraction) -> None:
    """A result stated twice in one document under two names of one indicator is one result (a news
    headline's GDP预计超过1.4万亿元 and its article's 地区生产总值预计超过1.4万亿元): as for targets
    (:func:`merge_restated_targets`), a prose statement gives way to a table row, then to a printed
    name over a carried one, then to the fuller name, then to the one stated first. Only one figure
    of one period, base and standing (an estimate is not the final figure); two rows of a table stay two."""
    def figure(a) -> tuple | None:
        if a.indicator is None or a.value is None:
            return None
        return (a.indicator, a.year, a.period, a.measure, a.comparator, a.value, a.unit, a.parent, a.estimated)

    def rank(a) -> tuple:
        return (a.source == "table", a.name_origin == "printed", len(a.name or ""))

    extraction.actuals = _one_line_a_figure(extraction.actuals, figure, rank)


def _one_line_a_figure(lines: list, figure: Callable[[Any], tuple | None], rank: Callable[[Any], tuple]) -> list:
    """``lines`` with one line for each ``figure`` stated more than once: the highest ``rank``, the first of
    equals; two table rows of one figure both stay (two rows are two rows), and a line whose figure is
    ``None`` is never merged."""
    kept: dict[tuple, int] = {}  # a figure -> the index of the line standing for it
    drop: set[int] = set()
    for i, line in enumerate(lines):
        key = figure(line)
        if key is None:
            continue
        j = kept.get(key)
        if j is None:
            kept[key] = i
            continue
        other = lines[j]
        if line.source == "table" and other.source == "table":
            continue  # two rows of a table are two rows
        if rank(line) > rank(other):
            drop.add(j)
            kept[key] = i
        else:
            drop.add(i)
    return [line for i, line in enumerate(lines) if i not in drop] if drop else lines

WORDED_KINDS: Final = ("assigned", "relative", "directional")


def _merge_tabled_targets(extraction: Extraction) -> None:
    """A target stated in the text and again in a table (a report's list, then 附表：主要指标): one target of
    an indicator a year. Where both print the same figure the table's reading stands (its row number,
    category and attribute; its cell often drops the words around the figure, 6 for 增长6%左右) and the
    text's goes; where they differ both stay, with a warning (which is meant is for a reviewer)."""
    tabled: dict[tuple, list] = {}
    # (a target in words, 完成省下达目标, is the row's where both print the same words)
    worded: set[tuple] = set()
    for t in extraction.targets:
        if t.source == "table" and t.indicator is not None and t.kind == "numeric" and t.value is not None:
            tabled.setdefault((t.indicator, t.year), []).append(t)
        elif t.source == "table" and t.indicator is not None and t.kind in WORDED_KINDS and t.value is None:
            worded.add((t.indicator, t.year, t.kind, t.text))
    if not tabled and not worded:
        return
    kept = []
    for t in extraction.targets:
        if t.source != "table" and (t.indicator, t.year, t.kind, t.text) in worded:
            continue
        rows = tabled.get((t.indicator, t.year)) if t.source != "table" and t.kind == "numeric" else None
        if rows is None or t.value is None:
            kept.append(t)
        elif any(r.value == t.value and r.value_high == t.value_high for r in rows):
            continue
        else:
            kept.append(t)
            extraction.warnings.append(f"target {t.name!r} ({t.year}): the text says {t.text!r}, the table "
                                       f"{rows[0].name!r} {rows[0].text!r}; both kept")
    if len(kept) != len(extraction.targets):
        extraction.targets = kept


def _worded_as_target(text: str) -> bool:
    """Does ``text`` state a target's marker (目标, 预期: the extraction's ``targets.inline_markers``)?"""
    from zhibiao.extract.lexicon import LEX  # (read when first asked: the catalogue loads without the extraction's data)

    simplified = to_simplified(text)
    return any(marker in simplified for marker in LEX.words("targets.inline_markers"))


def annotate_extraction(extraction: Extraction, text: str | None = None, settings=None) -> Extraction:
    resolve_region(extraction, text)
    resolve_allocated_regions(extraction)
    map_indicators(extraction, settings)
    merge_restated_targets(extraction)
    merge_restated_actuals(extraction)
    return extraction

"""The catalogue stage applied to an extraction: the document's region resolved to the registry
(GB/T 2260 code, level, parent) and every target, actual and commitment given its canonical
indicator id (or None when nothing matches well enough)."""
from __future__ import annotations

from collections import Counter

from zhibiao.models import Extraction


def _registry():
    try:
        from zhibiao.catalog.regions import RegionRegistry
    except ImportError:  # the registry module is optional while a checkout is being built
        return None
    return RegionRegistry.default()


def _catalog():
    try:
        from zhibiao.catalog.matcher import Catalog
    except ImportError:
        return None
    return Catalog.default()


def resolve_region(extraction: Extraction, text: str | None) -> None:
    registry = _registry()
    if registry is None:
        return
    doc = extraction.document
    region = registry.resolve(doc.region.name) if doc.region else None
    if region is None and text:
        # No region in the title or signature (a work report opens with 各位代表): the region the
        # text names most often, preferring the larger levels a report is given by.
        counts: Counter = Counter()
        found = {}
        # the region is named in a report's heading and opening; the first pages are enough
        for reg, _s, _e in registry.find_in_text(text[:4000]) or registry.find_in_text(text[4000:20000]):
            counts[reg.code] += 1
            found[reg.code] = reg
        if counts:
            code, _n = counts.most_common(1)[0]
            region = found[code]
    if region is not None:
        doc.region = region
        if doc.issuer is None or doc.issuer.endswith("人民政府") or doc.issuer == "国务院":
            doc.issuer = registry.issuer_name(region)


def map_indicators(extraction: Extraction) -> None:
    catalog = _catalog()
    if catalog is None:
        return
    for t in extraction.targets:
        m = catalog.match(t.name, unit=t.unit, measure=None, text=t.text, parent=t.parent)
        t.indicator, t.indicator_confidence = (m.id, m.confidence) if m else (None, None)
    for a in extraction.actuals:
        m = catalog.match(a.name, unit=a.unit, measure=a.measure, text=a.text)
        a.indicator, a.indicator_confidence = (m.id, m.confidence) if m else (None, None)
    for c in extraction.commitments:
        m = catalog.match(c.metric, unit=c.unit, measure=None, text=c.text)
        c.indicator, c.indicator_confidence = (m.id, m.confidence) if m else (None, None)


def annotate_extraction(extraction: Extraction, text: str | None = None) -> Extraction:
    resolve_region(extraction, text)
    map_indicators(extraction)
    return extraction

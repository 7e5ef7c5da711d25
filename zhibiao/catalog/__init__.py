"""Stage 4: the indicator catalogue and the region registry (data in ``catalog/data/``)."""
from zhibiao.catalog.matcher import FUZZY_THRESHOLD, Catalog, Indicator, Match, normalize_name
from zhibiao.catalog.regions import RegionRegistry

__all__ = ["FUZZY_THRESHOLD", "Catalog", "Indicator", "Match", "RegionRegistry", "normalize_name"]

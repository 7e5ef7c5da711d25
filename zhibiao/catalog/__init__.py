"""Stage 4: the indicator catalogue and the region registry (data in ``catalog/data/``)."""
from zhibiao.compiled import choose

# compiled modules (setup.py) or their sources, for every package that has them: decided before the
# first of them is imported (zhibiao/compiled.py; whichever of text, catalog, extract comes first)
choose()

from zhibiao.catalog.matcher import FUZZY_THRESHOLD, Catalog, Indicator, Match, normalize_name  # noqa: E402
from zhibiao.catalog.regions import RegionRegistry  # noqa: E402

__all__ = ["FUZZY_THRESHOLD", "Catalog", "Indicator", "Match", "RegionRegistry", "normalize_name"]

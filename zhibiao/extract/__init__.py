"""Stage 3: what a document says (metadata, sections, targets, actuals, commitments)."""
from zhibiao.compiled import choose

# compiled modules (setup.py) or their sources, for every package that has them: decided before the
# first of them is imported (zhibiao/compiled.py; whichever of text, catalog, extract comes first)
choose()

# Bumped whenever extraction output changes, so `zhibiao reindex` knows which stored documents
# were read by an older extractor (tests/extract/test_extractor_version.py holds it to the output
# of the project's own documents).
EXTRACTOR_VERSION = "2026.12.06.37.2"

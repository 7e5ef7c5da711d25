"""Stage 3: what a document says (metadata, sections, targets, actuals, commitments)."""
from pathlib import Path

from zhibiao.extract.compiled import choose

# compiled rules (setup.py) or their sources: decided before any rule module is imported
choose(__name__, Path(__file__).parent)

# Bumped whenever extraction output changes, so `zhibiao reindex` knows which stored documents
# were read by an older extractor.
EXTRACTOR_VERSION = "2026.11.24"

"""Stage 3: what a document says (metadata, sections, targets, actuals, commitments)."""

# Bumped whenever extraction output changes, so `zhibiao reindex` knows which stored documents
# were read by an older extractor.
EXTRACTOR_VERSION = "2026.11.24"

"""Stage 2: normalised text with provenance (see :mod:`zhibiao.text.normalize`)."""
from zhibiao.text.document import Document
from zhibiao.text.normalize import NormalizedText, find_table_zone, normalize
from zhibiao.text.offsets import Change, Edit, MappedText

__all__ = ["Change", "Document", "Edit", "MappedText", "NormalizedText", "find_table_zone", "normalize"]

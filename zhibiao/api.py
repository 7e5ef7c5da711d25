"""The Python API: what the CLI, the web app and users' scripts call.

    >>> from zhibiao.api import extract_file
    >>> extraction = extract_file("plan.pdf")
    >>> [t.name for t in extraction.targets]

The stages run in order: load -> normalise -> extract -> annotate (catalogue: region codes and
canonical indicator ids).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from zhibiao.extract.pipeline import extract_document
from zhibiao.models import Extraction, LoadedText
from zhibiao.text.document import Document


def read_document(path: str | Path, limits=None) -> Document:
    """Load a file (TXT/HTML/PDF/DOCX) and normalise it. Raises :class:`zhibiao.errors.LoadError`."""
    from zhibiao.load import load

    return Document.from_loaded(load(path, limits))


def annotate(extraction: Extraction, doc: Document | None = None, settings=None) -> Extraction:
    """Resolve the region and map every line to a canonical indicator (the catalogue stage), by
    the catalogue of ``settings`` (:class:`zhibiao.settings.Settings` already read, else read now)."""
    from zhibiao.catalog.annotate import annotate_extraction

    return annotate_extraction(extraction, text=doc.text if doc is not None else None, settings=settings)


def known_levels():
    """The region registry's levels of the regions it knows (``RegionRegistry.level_of``), handed to the
    extraction for the regions a document names (extract never imports catalog); None without the registry."""
    try:
        from zhibiao.catalog.regions import RegionRegistry
    except ImportError:  # (the registry module is optional while a checkout is being built, as for annotate)
        return None
    return RegionRegistry.default().level_of


def extract(doc: Document, settings=None, plan_year: int | None = None) -> Extraction:
    """A document's extraction; ``plan_year`` dates it when the reader knows the year better than
    its text says it (a reviewer's correction; ``zhibiao extract --plan-year``)."""
    return annotate(extract_document(doc, plan_year or 0, known_levels()), doc, settings)


def extract_file(path: str | Path, limits=None, plan_year: int | None = None) -> Extraction:
    """Everything zhibiao extracts from one file, within the per-document time limit
    (``limits.max_seconds``, ZHIBIAO_MAX_SECONDS) over every stage; dated by ``plan_year`` when given."""
    doc, extraction = read_and_extract(path, limits, plan_year)
    return extraction


def read_and_extract(path: str | Path, limits=None, plan_year: int | None = None) -> tuple[Document, Extraction]:
    """The document and its extraction; every stage within the per-document time limit
    (a :class:`zhibiao.errors.LimitExceeded` naming the file when it runs out)."""
    from zhibiao.load import Limits
    from zhibiao.load.limits import time_limit
    from zhibiao.settings import Settings

    settings = Settings.load()  # once a document: its limits and the catalogue it is annotated by
    limits = limits or Limits.from_settings(settings)
    with time_limit(limits.max_seconds, str(path)):
        doc = read_document(path, limits)
        return doc, extract(doc, settings, plan_year)


def extract_text(text: str, source: str = "<text>") -> Extraction:
    """Extract from a string already in memory (tests, the web upload preview)."""
    data = text.encode("utf-8")
    loaded = LoadedText(path=source, format="txt", text=text, sha256=hashlib.sha256(data).hexdigest(),
                        encoding="utf-8")
    return extract(Document.from_loaded(loaded))

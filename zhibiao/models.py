"""Plain data classes passed between the pipeline's stages.

Every stage (load -> text -> extract -> catalog -> store -> track -> web/cli) speaks in these
types; none of them knows how the others work. Numbers are ``Decimal`` built from the printed
digits; spans are half-open ``[start, end)`` character offsets.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

SCHEMA = "zhibiao.extraction/1"


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets ``[start, end)``."""

    start: int
    end: int

    # (written out: the generated __init__ of a frozen dataclass sets each field through
    # object.__setattr__ and then calls __post_init__ — three calls more, for the ≈ 500 spans a
    # document makes; this one checks the offsets first and writes them into the instance's dict, as
    # object.__setattr__ does: the same instance. __eq__, __hash__, __repr__ and the refusal of
    # assignment stay generated)
    def __init__(self, start: int, end: int) -> None:
        if start < 0 or end < start:
            raise ValueError(f"bad span [{start}, {end})")
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass
class LoadedText:
    """What a loader read from a file: text in reading order, before normalisation.

    Tables are one row per line with cells separated by tabs. ``pages`` holds the offset in
    ``text`` where each page starts (PDF only; a single 0 otherwise). ``metadata`` carries what the
    file itself says about the document (an HTML page's 索引号/发文字号/成文日期 block, a PDF's or
    DOCX's title), with the keys as printed.
    """

    path: str
    format: str  # txt | html | pdf | docx
    text: str
    sha256: str
    encoding: str | None = None
    pages: list[int] = field(default_factory=lambda: [0])
    metadata: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)

    def page_of(self, offset: int) -> int:
        """1-based page number of a raw-text offset."""
        page = 1
        for i, start in enumerate(self.pages):
            if offset >= start:
                page = i + 1
            else:
                break
        return page


@dataclass
class Region:
    name: str
    level: str  # national | province | prefecture | county
    code: str | None = None
    parent: str | None = None  # the parent region's name
    parent_code: str | None = None
    former: bool = False  # no longer a division (临安市, since 2017 临安区)

    def to_dict(self) -> dict[str, Any]:
        out = {"name": self.name, "level": self.level, "code": self.code, "parent": self.parent}
        return out | {"former": True} if self.former else out


@dataclass
class Section:
    """A heading of the document body (一、 / （一） / 1. / （1） / 附件)."""

    level: int
    number: str
    title: str
    span: Span
    path: list[str] = field(default_factory=list)  # titles of the enclosing headings, this one last

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "number": self.number, "title": self.title,
                "span": self.span.to_list(), "path": self.path}


@dataclass
class DocumentInfo:
    source: str
    sha256: str
    format: str
    doc_type: str = "other"  # plan_notice | plan_report | work_report | statistical_bulletin | other
    title: str | None = None
    issuer: str | None = None
    # no issuer printed: the catalogue stage names the usual one for the kind and region (shown in
    # brackets, as a cataloguer's supplied information, never as if the document printed it)
    issuer_inferred: bool = False
    region: Region | None = None
    plan_year: int | None = None
    doc_number: str | None = None
    issued_on: str | None = None  # ISO date
    # the level the text speaks of itself at (全县 → county), for the catalogue stage to find a
    # region the document never names in full; not part of the JSON contract
    region_level_hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "sha256": self.sha256, "format": self.format,
            "doc_type": self.doc_type, "title": self.title, "issuer": self.issuer,
            "issuer_inferred": self.issuer_inferred,
            "region": self.region.to_dict() if self.region else None,
            "plan_year": self.plan_year, "doc_number": self.doc_number, "issued_on": self.issued_on,
        }


@dataclass
class Target:
    """One target a document sets (SCHEMA.md `target` line)."""

    name: str
    text: str
    kind: str | None  # numeric | relative | directional | assigned | None (unparsed)
    year: int | None = None
    category: str | None = None
    seq: str | None = None
    parent: str | None = None
    unit: str | None = None
    comparator: str | None = None  # >= > <= < ~ = range
    value: Decimal | None = None
    value_high: Decimal | None = None
    modality: str | None = None  # 确保 / 力争 / 争取 / 预期 ...
    reference: str | None = None  # relative targets: what they are tied to (经济增长, GDP增速 ...)
    attribute: str | None = None  # the table's 属性 column: binding (约束性) | anticipatory (预期性)
    source: str = "table"  # table | prose
    indicator: str | None = None
    indicator_confidence: float | None = None
    span: Span | None = None  # of `text` in the normalised text
    name_span: Span | None = None
    source_span: Span | None = None  # of `text` in the raw text
    page: int | None = None
    flags: list[str] = field(default_factory=list)  # e.g. decimal_restored, inherited_from_row_above
    name_origin: str = "printed"  # printed | carried (from an earlier clause) | composed (from a list)


@dataclass
class Allocation(Target):
    """A target a document assigns to a region below its own (a breakdown table's cell, 分解下达:
    南昌市 | 地区生产总值增长 6左右 in the province's notice) — the region's, not the document's."""

    region: str = ""  # as printed in its row (南昌市, 南昌)
    region_code: str | None = None  # the catalogue's: one of the divisions of the document's region


@dataclass
class Actual:
    """A result the document states for an earlier period (SCHEMA.md `actual` line)."""

    name: str
    measure: str  # growth | level | share
    text: str
    comparator: str = "="
    value: Decimal | None = None
    unit: str | None = None
    year: int | None = None
    period: str | None = None  # e.g. "2024-01/2024-09" for 1—9月
    estimated: bool = False
    rank: str | None = None
    indicator: str | None = None
    indicator_confidence: float | None = None
    span: Span | None = None
    source_span: Span | None = None
    page: int | None = None
    name_span: Span | None = None  # where the name is printed (normalised text)
    name_origin: str = "printed"  # printed | carried (from an earlier clause) | composed (from a list)
    parent: str | None = None  # a table row under a total (食品烟酒 under 居民消费价格)
    source: str = "prose"  # prose | table


@dataclass
class Commitment:
    """A quantified task the document's body commits to (新增高新技术企业350家)."""

    metric: str
    text: str
    value: Decimal | None
    unit: str | None = None
    comparator: str = "="
    modality: str | None = None  # 确保 / 力争 / 争创 / None
    year: int | None = None
    section_path: list[str] = field(default_factory=list)
    target_ref: int | None = None  # index into `targets` of the table target it restates
    indicator: str | None = None
    indicator_confidence: float | None = None
    span: Span | None = None
    source_span: Span | None = None
    page: int | None = None
    name_span: Span | None = None
    name_origin: str = "printed"


@dataclass
class Extraction:
    document: DocumentInfo
    sections: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    actuals: list[Actual] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    allocations: list[Allocation] = field(default_factory=list)  # targets assigned to regions below

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "targets": [line_to_dict(t) for t in self.targets],
            "actuals": [line_to_dict(a) for a in self.actuals],
            "commitments": [line_to_dict(c) for c in self.commitments],
            "allocations": [line_to_dict(a) for a in self.allocations],
            "warnings": list(self.warnings),
        }


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number. Shortest-repr floats print the same digits for the <=15
    significant digits a plan document prints, so 16.4 stays 16.4 on the wire."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    return float(value)


# A line's class -> its fields' names in order, those whose values may need converting for JSON (not
# annotated as a plain str/int/float/bool, possibly None), and a getter of the values of the others
_LINE_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...], Any]] = {}
_PLAIN_ANNOTATIONS = {" | ".join(parts) for plain in ("str", "int", "float", "bool")
                      for parts in ((plain,), (plain, "None"), ("None", plain))}
_PLAIN_TYPES = frozenset((str, int, float, bool, type(None)))


def _line_fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...], Any]:
    import operator

    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    converted = tuple(f.name for f in fields if str(f.type) not in _PLAIN_ANNOTATIONS)
    plain = [n for n in names if n not in converted]
    _LINE_FIELDS[cls] = spec = names, converted, (operator.itemgetter(*plain) if len(plain) > 1 else None)
    return spec


def _json_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return json_number(v)
    if isinstance(v, Span):
        return [v.start, v.end]
    if isinstance(v, list):
        return list(v)
    return v


def line_to_dict(line: Any) -> dict[str, Any]:
    """A target, actual or commitment as its JSON dictionary: every field in order, Decimals as
    numbers, spans as ``[start, end]``, lists copied. Made for each of the ≈ 140 lines of every
    ingested document, so read in bulk: the instance's dictionary (its fields in order, as the
    dataclass's ``__init__`` set them) copied whole, then only the fields not annotated as plain
    values converted — once the others' values are seen to be plain indeed (else every field is)
    — 5.4 → 1.8 µs a line (``dataclasses.fields`` and four ``isinstance`` per value before)."""
    cls = type(line)
    names, converted, plain = _LINE_FIELDS.get(cls) or _line_fields(cls)
    values = line.__dict__
    if tuple(values) == names and plain is not None and _PLAIN_TYPES.issuperset(map(type, plain(values))):
        out = dict(values)
    else:
        out, converted = {name: values[name] for name in names}, names
    for name in converted:
        v = out[name]
        if v is not None:
            out[name] = _json_value(v)
    return out


@dataclass
class Provenance:
    """Where a fetched document came from: what was asked for, where it was found after
    redirects, when, and what the server said. ``article`` describes the page that linked an
    attachment (its address, title, date and metadata block)."""

    url: str
    final_url: str
    retrieved_at: str  # ISO 8601, UTC
    http_status: int
    content_type: str
    redirects: list[str] = field(default_factory=list)
    article: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

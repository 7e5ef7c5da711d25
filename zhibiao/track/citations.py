"""Citations: every figure can be cited by the document it came from — issuer, title, document
number, date, page, and for a fetched document its address and retrieval date.

Text citations follow GB/T 7714-2015 (the Chinese standard for references): ``[Z]`` for a document,
``[EB/OL]`` with ``(issued)[retrieved]`` and the address for one fetched from the web. A region-year
can be exported as CSL-JSON (Zotero, pandoc) or BibTeX (biblatex fields).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from zhibiao.track.naming import genre


@dataclass(frozen=True)
class Source:
    """What a citation needs of a stored document."""

    document_id: int
    title: str
    issuer: str | None
    doc_number: str | None
    issued_on: str | None  # ISO date
    plan_year: int | None
    region_name: str | None
    region_code: str | None
    doc_type: str
    url: str | None  # the address it was fetched from
    retrieved_at: str | None  # ISO date of retrieval
    sha256: str
    issuer_inferred: bool = False  # the usual issuer for the kind and region, not printed: [in brackets]

    @classmethod
    def from_row(cls, d: Any) -> "Source":
        """From a ``DocumentRow`` (or anything with its attributes)."""
        from zhibiao.track.naming import document_title

        title = d.title or document_title(d)  # as printed; composed (the one way) when it has none
        retrieved = getattr(d, "retrieved_at", None)
        return cls(document_id=d.id, title=title, issuer=d.issuer, doc_number=d.doc_number, issued_on=d.issued_on,
                   plan_year=d.plan_year, region_name=d.region_name, region_code=d.region_code,
                   doc_type=d.doc_type or "other", url=getattr(d, "source_url", None),
                   retrieved_at=retrieved.date().isoformat() if isinstance(retrieved, datetime) else retrieved,
                   sha256=d.sha256, issuer_inferred=bool(getattr(d, "issuer_inferred", False)))

    @property
    def key(self) -> str:
        region = self.region_code or "doc"
        return f"zhibiao-{region}-{self.plan_year or 'n.d.'}-{self.document_id}"

    def to_dict(self) -> dict[str, Any]:
        return {"document_id": self.document_id, "title": self.title, "issuer": self.issuer,
                "issuer_inferred": self.issuer_inferred,
                "doc_number": self.doc_number, "issued_on": self.issued_on, "url": self.url,
                "retrieved_at": self.retrieved_at}


def cite_text(src: Source, page: int | None = None) -> str:
    """A GB/T 7714-2015 reference: 浙江省人民政府. 关于…的通知: 浙政发〔2024〕5号[EB/OL]. (2024-01-30)[2026-12-01]. http://…"""
    # an issuer the document does not print is information supplied, in square brackets (GB/T 7714)
    head = (f"[{src.issuer}]. " if src.issuer_inferred else f"{src.issuer}. ") if src.issuer else ""
    title = src.title + (f": {src.doc_number}" if src.doc_number and src.doc_number not in src.title else "")
    page_part = f": {page}" if page else ""
    if src.url:
        issued = f"({src.issued_on})" if src.issued_on else ""
        retrieved = f"[{src.retrieved_at}]" if src.retrieved_at else ""
        return f"{head}{title}[EB/OL]. {issued}{retrieved}{page_part}. {src.url}."
    date = f" {src.issued_on}" if src.issued_on else (f" {src.plan_year}" if src.plan_year else "")
    return f"{head}{title}[Z].{date}{page_part}.".replace("[Z]..", "[Z].")


def cite_line(src: Source, quote: str | None = None, page: int | None = None) -> dict[str, Any]:
    """The citation of one figure: the reference text, the quoted figure, page and address."""
    return {"text": cite_text(src, page), "quote": quote, "page": page, "document_id": src.document_id,
            "title": src.title, "url": src.url, "retrieved_at": src.retrieved_at}


def _date_parts(iso: str | None) -> dict | None:
    if not iso:
        return None
    parts = [int(x) for x in re.findall(r"\d+", iso)[:3]]
    return {"date-parts": [parts]} if parts else None


def csl_item(src: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": src.key, "type": "report", "title": src.title, "language": "zh-CN",
                            "genre": genre(src.doc_type)}
    if src.issuer:
        item["author"] = [{"literal": src.issuer}]
        item["publisher"] = src.issuer
    if src.region_name:
        item["publisher-place"] = src.region_name
    if src.doc_number:
        item["number"] = src.doc_number
    issued = _date_parts(src.issued_on) or ({"date-parts": [[src.plan_year]]} if src.plan_year else None)
    if issued:
        item["issued"] = issued
    if src.url:
        item["URL"] = src.url
        if src.retrieved_at:
            item["accessed"] = _date_parts(src.retrieved_at)
    return item


def csl_json(sources: Iterable[Source]) -> list[dict[str, Any]]:
    return [csl_item(s) for s in sources]


_BIB_SPECIAL = re.compile(r"([\\{}%&#_$^~])")


def _bib(value: str) -> str:
    return _BIB_SPECIAL.sub(lambda m: {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(m.group(1),
                                                                                               "\\" + m.group(1)),
                            value)


def bibtex_entry(src: Source) -> str:
    fields: list[tuple[str, str]] = []
    if src.issuer:
        fields.append(("author", "{" + _bib(src.issuer) + "}"))  # a body, not a person: kept whole
    fields.append(("title", _bib(src.title)))
    if src.doc_number:
        fields.append(("number", _bib(src.doc_number)))
    if src.issuer:
        fields.append(("institution", _bib(src.issuer)))
    if src.issued_on:
        fields.append(("date", src.issued_on))
    year = (src.issued_on or "")[:4] or (str(src.plan_year) if src.plan_year else "")
    if year:
        fields.append(("year", year))
    fields.append(("type", _bib(genre(src.doc_type))))
    if src.url:
        fields.append(("url", src.url.replace("{", "%7B").replace("}", "%7D")))
        if src.retrieved_at:
            fields.append(("urldate", src.retrieved_at))
    fields.append(("langid", "chinese"))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@report{{{src.key},\n{body}\n}}\n"


def bibtex(sources: Iterable[Source]) -> str:
    return "\n".join(bibtex_entry(s) for s in sources)

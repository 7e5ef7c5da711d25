"""How a person names a document — stored (a row of the read model) or just extracted (``zhibiao
extract``): one owner, so that the CLI, the API and the pages name it alike. Kept apart from
``queries`` so that naming a document needs no database library."""
from __future__ import annotations

import functools
import re
from pathlib import PurePath
from typing import Any

from zhibiao.datafiles import load_yaml

A_YEAR = re.compile(r"\d{4}\s*年")  # (a title naming a year of its own)
# the ends a division's short name drops (滁州市 → 滁州): the catalogue's words (catalog/data/region_words.yaml)
SHORT_NAME_ENDS = tuple(load_yaml("zhibiao.catalog", "data", "region_words.yaml")["short_name_ends"])
DOC_TYPE_NAMES = {"plan_notice": ("国民经济和社会发展计划", "annual plan"),
                  "plan_report": ("计划执行情况与计划草案的报告", "plan report"),
                  "work_report": ("政府工作报告", "government work report"),
                  "statistical_bulletin": ("统计公报", "statistical bulletin"),
                  "five_year_plan": ("五年规划纲要", "five-year plan"),
                  "outline": ("规划纲要", "five-year plan outline"),
                  "other": ("政府文件", "government document")}


def genre(doc_type: str | None, lang: str = "zh") -> str:
    """What kind of document a type is, as a person says it (政府工作报告; a citation's genre)."""
    names = DOC_TYPE_NAMES.get(doc_type or "other", DOC_TYPE_NAMES["other"])
    return names[0] if lang == "zh" else names[1]


def document_title(d: Any) -> str:
    """How a person names a stored document: its title; else issuer, year and document number;
    else region, year and kind; never a path on the server (at most a file's own name)."""
    title, region, year_n = getattr(d, "title", None), getattr(d, "region_name", None), getattr(d, "plan_year", None)
    if title:  # 政府工作报告: whose, and which year's
        from zhibiao.text.chinese import search_form

        plain = search_form(title)  # (溫州市 in a traditional title is 温州市, 二〇二五年 is 2025年)
        # a title naming a year of its own (2023年统计公报 of plan year 2024) or a five-year period
        # (第十四个五年规划…纲要, issued in 2021) is whole: a year before it would misdate it
        if not _names_a_document(plain):
            return title  # a headline (佛山市政府工作报告提出今年GDP增长5.5%左右): whole as printed, its own words its time
        if year_n and not A_YEAR.search(plain) and getattr(d, "doc_type", None) != "five_year_plan":
            title = f"{year_n}年{title}"
        if region and region not in plain and not _names_by_short_name(plain, region):
            title = f"{region}{title}"
        return title
    kind = genre(getattr(d, "doc_type", None))
    year = f"{d.plan_year}年" if getattr(d, "plan_year", None) else ""
    if getattr(d, "issuer", None) and (getattr(d, "doc_number", None) or year):
        return f"{d.issuer} {year}{kind}" + (f"（{d.doc_number}）" if d.doc_number else "")
    if getattr(d, "region_name", None) or year:
        return f"{d.region_name or ''}{year}{kind}" + (f"（{d.doc_number}）" if getattr(d, "doc_number", None) else "")
    url = getattr(d, "source_url", None)
    return url or PurePath(getattr(d, "path", "") or "document").name


# a bracketed note after a title's last word (政府工作报告（摘要）, …（全文）)
TITLE_NOTE = re.compile(r"[（(][^（()）]{1,8}[）)]$")


@functools.cache
def _title_endings() -> tuple[str, ...]:
    """The words a document's title ends with (报告, 公报, 计划…): the extractor's (documents.title_endings),
    read when a title is first named (no import of the extractor for it)."""
    return tuple(load_yaml("zhibiao.extract", "data", "lexicon.yaml")["documents"]["title_endings"])


def _names_a_document(title: str) -> bool:
    """Whether a title is a document's name (政府工作报告, 某市政府工作报告（摘要）) — which a region and a year
    before it complete — rather than a headline's sentence (岳阳市长：今年GDP力争增长6%), which they would misread."""
    return TITLE_NOTE.sub("", title.rstrip()).endswith(_title_endings())


def _names_by_short_name(title: str, region: str) -> bool:
    """Whether a title names the region by its short name (滁州：今年… of 滁州市) — of two characters at least:
    和县's 和 is any word's."""
    short = next((region[:-len(end)] for end in SHORT_NAME_ENDS if region.endswith(end)), "")
    return len(short) >= 2 and short in title


def apart(d: Any) -> str:
    """What tells a document from another of the same title (two uploads of one report, a plan
    notice issued twice): its document number, issue date and id — 衢政发〔2024〕5号 · 2024-02-01 · #1.
    ``d`` a stored document's row or record, or a dict with those keys."""
    get = d.get if isinstance(d, dict) else (lambda k: getattr(d, k, None))
    return " · ".join(str(x) for x in (get("doc_number"), get("issued_on"), f"#{get('id')}") if x)


def set_apart(docs: list[dict], key: str = "title") -> list[dict]:
    """``docs`` (dicts) with ``apart`` (:func:`apart`) on each whose ``key`` another of them bears too,
    so that a list of documents never shows two it does not tell apart."""
    seen: dict[Any, int] = {}
    for d in docs:
        seen[d.get(key)] = seen.get(d.get(key), 0) + 1
    for d in docs:
        if seen[d.get(key)] > 1:
            d["apart"] = apart(d)
    return docs

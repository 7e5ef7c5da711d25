"""What a report says, gathered from the read model (``zhibiao.track``): the status of every
target, the figures behind each with their sources, the comparison with the level above and with
last year. Plain data; ``docx.py`` and ``xlsx.py`` only lay it out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from zhibiao import __version__
from zhibiao.track.achievement import Achievement, achievement
from zhibiao.track.grid import comparison_label
from zhibiao.track.queries import NoTargets

LANGS = ("zh", "en")


@lru_cache(maxsize=1)
def _strings() -> dict:
    return yaml.safe_load(resources.files("zhibiao.report").joinpath("strings.yaml").read_text("utf-8"))


class Words:
    """The report's words in one language: ``w("title", region=…)``, ``w.status("achieved")``."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGS else "zh"

    def __call__(self, key: str, **values: Any) -> str:
        entry = _strings()[key]
        return entry[self.lang].format(**values) if values else entry[self.lang]

    def status(self, status: str) -> str:
        entry = _strings()["statuses"].get(status)
        return entry[self.lang] if entry else status

    def comparison(self, label: str | None) -> str:
        entry = _strings()["comparisons"].get(label or "")
        return entry[self.lang] if entry else (label or "")


@dataclass
class Source:
    reference: str | None          # the GB/T 7714 reference of the document (track/citations.py)
    quote: str | None = None       # the printed words the figure was read from
    span: list[int] | None = None

    def label(self) -> str:
        """The reference, and the quoted words on a line of their own."""
        return "\n".join(x for x in (self.reference, f"“{self.quote}”" if self.quote else None) if x)


def _source(citation: dict | None, span: list[int] | None) -> Source | None:
    if not citation:
        return None
    return Source(citation.get("text"), citation.get("quote"), span)


@dataclass
class Line:
    category: str | None
    seq: str | None
    name: str
    indicator: str | None
    target: str
    unit: str | None
    value: Any
    status: str
    explanation: str
    actual: str | None
    actual_value: Any
    target_source: Source | None
    actual_source: Source | None
    # a part of the year's actual: its months in the report's language (1—11月 / months 1–11,
    # ``track.status.months_label``, the scorecard's); "" for a whole year's
    months: str = ""

    @property
    def actual_shown(self) -> str | None:
        """The actual as the report prints it: a part of the year's with its months (同比增长5.1% · 1—11月),
        as the scorecard and ``zhibiao status`` show it — never read as the year's."""
        if self.actual is None:
            return None
        return f"{self.actual} · {self.months}" if self.months else self.actual


@dataclass
class Report:
    region: dict
    year: int
    lang: str
    lines: list[Line]
    achievement: Achievement
    parent: dict | None = None                           # the level above: its name and code
    vs_parent: list[dict] = field(default_factory=list)  # indicator, name, own, parent, comparison
    vs_last_year: list[dict] = field(default_factory=list)
    generated: str = field(default_factory=lambda: date.today().isoformat())
    version: str = __version__

    @property
    def words(self) -> Words:
        return Words(self.lang)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in self.lines:
            out[line.status] = out.get(line.status, 0) + 1
        return out

    def categories(self) -> list[tuple[str, list[Line]]]:
        """Lines grouped by the category printed in the plan, in the plan's order."""
        groups: dict[str, list[Line]] = {}
        other = self.words("uncategorised")
        for line in self.lines:
            groups.setdefault(line.category or other, []).append(line)
        return list(groups.items())

    def behind(self) -> list[Line]:
        return [line for line in self.lines if line.status in ("missed", "behind")]

    def summary_text(self) -> str:
        c, a, w = self.counts(), self.achievement, self.words
        rate = f"{a.rate:.1%}" if a.rate is not None else w("no_rate")
        return w("summary_text", year=self.year, region=self.region["name"], total=a.total, judged=a.judged,
                 achieved=c.get("achieved", 0), basically=c.get("basically_achieved", 0), rate=rate,
                 missed=c.get("missed", 0), behind=c.get("behind", 0), pending=c.get("pending", 0),
                 review=c.get("needs_review", 0))

    def indicator_name(self, line_or_id, fallback: str) -> str:
        """The catalogue's English name in English reports, the printed name otherwise."""
        indicator = line_or_id if isinstance(line_or_id, (str, type(None))) else line_or_id.indicator
        if self.lang == "en" and indicator:
            from zhibiao.catalog import Catalog

            ind = Catalog.default().get(indicator)
            if ind:
                return ind.name_en
        return fallback


def build(tracker, region: str, year: int, lang: str = "zh") -> Report:
    """Everything a report of ``region``'s ``year`` says, from the read model; a region-year
    without targets is a :class:`zhibiao.track.queries.NoTargets`."""
    status = tracker.status(region, year, require_data=True)
    lines = []
    for t in status.targets:
        a = t.actual or None
        lines.append(Line(
            category=t.category, seq=t.seq, name=t.name, indicator=t.indicator, target=t.text,
            unit=t.unit, value=t.value, status=t.status, explanation=t.explain(lang),
            actual=a["text"] if a else None, actual_value=a["value"] if a else None,
            target_source=_source(t.citation, t.span),
            actual_source=_source(a.get("citation"), a.get("span")) if a else None,
            months=(a.get("months_en" if lang == "en" else "months") or "") if a else ""))
    report = Report(region=status.region, year=year, lang=lang, lines=lines, achievement=achievement(status.targets))
    parent_code = tracker.region(status.region["code"]).parent_code
    if parent_code:
        levels = tracker.compare_levels(parent_code, year)
        report.parent = levels["region"]
        mine = next((c for c in levels["children"] if c["region"]["code"] == status.region["code"]), None)
        for x in (mine or {}).get("targets", []):
            report.vs_parent.append({"indicator": x["indicator"], "name": x["name"], "own": x["child"]["text"],
                                     "parent": x["parent"]["text"], "comparison": comparison_label(x)})
    try:
        report.vs_last_year = [r for r in tracker.compare_years(region, year) if r["previous"] or r["current"]]
    except NoTargets:  # last year's targets not stored: the section says so
        report.vs_last_year = []
    return report

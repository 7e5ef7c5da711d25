"""Quantified commitments: the tasks a plan's body (or a report's plans for the year) sets with a
number — 新增高新技术企业350家, 建设高标准农田10万亩, 新增绿地60公顷、绿道30公里 (two), 确保…比例
保持100%. Each keeps its modality (力争 / 确保 / 争创 / 争取), its section path and, when it restates
a targets-table row, a link to that target."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from zhibiao.extract.actuals import CLAUSE_SPLIT, SENTENCE_END, clause_figures
from zhibiao.extract.sections import section_path_at
from zhibiao.models import Section, Target

MODALITY = re.compile(r"力争|确保|争创|争取|努力")
REVIEW = re.compile(r"去年|上年|过去一年|一年来|已经|已")
NOT_A_TASK = re.compile(r"^(?:第|前|近|约)?$")
LEAD_MODAL = re.compile(r"^(?:力争|确保|争创|争取|努力|力求|全年|全市|全省)+")


@dataclass
class FoundCommitment:
    metric: str
    text: str
    value: Decimal
    unit: str | None
    comparator: str
    modality: str | None
    start: int
    end: int
    section_path: list[str]
    target_ref: int | None


def _target_ref(metric: str, value: Decimal, targets: list[Target]) -> int | None:
    """The table target a commitment restates: the same value and a name that reads the same."""
    best, best_score = None, 0.0
    for i, t in enumerate(targets):
        if t.value is None or t.value != value or t.source != "table":
            continue
        score = fuzz.partial_ratio(metric, t.name)
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 70 else None


def find_commitments(text: str, start: int, end: int, sections: list[Section],
                     targets: list[Target]) -> list[FoundCommitment]:
    out: list[FoundCommitment] = []
    pos = start
    bounds = [(m.start(), m.end()) for m in SENTENCE_END.finditer(text, start, end)]
    for s_end, nxt in bounds + [(end, end)]:
        sentence = text[pos:s_end]
        s_start = pos
        pos = nxt
        if len(sentence) < 4 or REVIEW.search(sentence[:12]):
            continue
        # 力争/确保 opening a sentence govern all of it; inside, only their own clause
        modality_m = MODALITY.match(sentence.lstrip())
        offset = 0
        last_name = None
        for clause in CLAUSE_SPLIT.split(sentence):
            c_start = s_start + offset
            offset += len(clause) + 1
            clause_modality = MODALITY.search(clause)
            figures, last_name = clause_figures(clause, last_name)
            for f in figures:
                if f.measure == "growth" and f.unit != "%":
                    continue
                if NOT_A_TASK.match(f.name) or len(f.name) < 2:
                    continue
                metric = LEAD_MODAL.sub("", f.name)
                at = clause.rfind(metric, 0, f.start)
                if at < 0 or len(metric) < 2 or re.search(r"[、，,]$", clause[:f.start].rstrip()):
                    continue  # the figure names nothing in its own clause
                begin = at
                out.append(FoundCommitment(
                    metric=metric, text=clause[begin:f.end], value=f.value, unit=f.unit,
                    comparator=f.comparator,
                    modality=(clause_modality or modality_m).group() if (clause_modality or modality_m) else None,
                    start=c_start + begin, end=c_start + f.end,
                    section_path=section_path_at(sections, c_start), target_ref=_target_ref(metric, f.value, targets),
                ))
    return out

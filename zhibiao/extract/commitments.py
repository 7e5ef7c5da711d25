"""Quantified commitments: the tasks a plan's body (or a report's plans for the year) sets with a
number — 新增高新技术企业350家, 建设高标准农田10万亩, 新增绿地60公顷、绿道30公里 (two), 确保…比例
保持100%. Each keeps its modality (力争 / 确保 / 争创 / 争取), its section path and, when it restates
a targets-table row, a link to that target.

They are read where the document speaks of its plan year: a plan notice's body before its targets
table, a report's part after the review of last year. Paragraphs and sentences that open with last
year (2023年，… / 去年…) or several years (五年来…) are reviews, not tasks; the targets table and the
targets paragraph are targets, not commitments.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from zhibiao.extract.actuals import (CLAUSE_SPLIT, _opening_time, _sentences, _zones, clause_figures, figure_candidates,
                                     plan_year_of)
from zhibiao.extract.metadata import Metadata, extract_metadata
from zhibiao.extract.prose import find_target_sentences
from zhibiao.extract.sections import section_path_at
from zhibiao.models import Commitment, Section, Span, Target
from zhibiao.text.document import Document

MODALITY = re.compile(r"力争|确保|争创|争取|努力")
# A figure is a digit, or a Chinese numeral before a unit (三家, 两个): 一 alone (一批, 进一步) is none.
FIGURE_HINT = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]+\s?(?:[个家项万亿倍名人条座所场次批处只台辆套间户]|%|百分)|百分之")
LEAD_MODAL = re.compile(r"^(?:力争|确保|争创|争取|努力|力求|全年|全市|全省|全县|全区|今年|年内|当年|要(?!素|求|点)|再|还|并|将|拟)+")
# A section for several years (“十三五”时期主要目标任务) commits to no single year's figures.
MULTI_YEAR = re.compile(r"五年|时期|期间|规划期|“?十[一二三四五]五”?")
OTHER_YEAR = re.compile(r"到(20\d\d)年|(20\d\d)年(?:前|底前|以前)")
# "第2位", "前3名", "约": a figure that counts nothing the plan commits to
NOT_A_TASK = re.compile(r"^(?:第|前|近|约)?$")


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


def _norm(name: str) -> str:
    return re.sub(r"[\s“”\"'（）()、，,]", "", name)


def target_ref(metric: str, value: Decimal, unit: str | None, targets: list[Target]) -> int | None:
    """The table target a commitment restates: the same value (in the same unit) and a name that
    reads the same (社会消费品零售总额 for 社会消费品零售总额增长)."""
    best, best_score = None, 0.0
    m = _norm(metric)
    for i, t in enumerate(targets):
        if t.value is None or t.value != value or t.source != "table" or (t.unit and unit and t.unit != unit):
            continue
        score = fuzz.partial_ratio(m, _norm(t.name))
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 70 else None


def find_commitments(text: str, meta: Metadata, sections: list[Section], targets: list[Target],
                     blocked: list[tuple[int, int]], limit: int) -> list[FoundCommitment]:
    if meta.doc_type == "statistical_bulletin":
        return []
    out: list[FoundCommitment] = []
    heads = [s for s in sections if s.level == 1]
    for zone in _zones(text, meta, sections, limit, blocked):
        if zone.mode != "plan":
            continue
        head = next((h for h in reversed(heads) if h.span.start <= zone.start), None)
        if head and MULTI_YEAR.search(head.title) and not (meta.plan_year and str(meta.plan_year) in head.title):
            continue
        pos = zone.start
        for para in text[zone.start:zone.end].split("\n"):
            p_start, p_end = pos, pos + len(para)
            pos = p_end + 1
            opening = re.split(r"[，,。；;：:]", para.lstrip(), maxsplit=1)[0][:30]
            p_mode, _ = _opening_time(opening, meta.plan_year, False)
            if p_mode in ("review", "multi"):
                continue  # "2023年，…": a review paragraph inside the plan
            for s, e in _sentences(text, p_start, p_end):
                _sentence(text, s, e, meta, sections, targets, blocked, out)
    return out


def _sentence(text: str, s: int, e: int, meta: Metadata, sections: list[Section], targets: list[Target],
              blocked: list[tuple[int, int]], out: list[FoundCommitment]) -> None:
    sentence = text[s:e]
    cands = figure_candidates(sentence)
    if len(sentence) < 4 or not cands:
        return
    mode, _ = _opening_time(sentence[:cands[0].start], meta.plan_year, False)
    if mode in ("review", "multi"):
        return
    other = OTHER_YEAR.search(sentence)
    if other and meta.plan_year and int(other.group(1) or other.group(2)) != meta.plan_year:
        return  # "到2025年…": a later year's goal
    # 力争/确保 opening a sentence govern all of it; inside, only their own clause
    modality_m = MODALITY.match(re.sub(r"^[\s（(]*[一二三四五六七八九十\d]+[)）、.．]\s*", "", sentence.lstrip()))
    offset = 0
    last_name = None
    for clause in CLAUSE_SPLIT.split(sentence):
        c_start = s + offset
        offset += len(clause) + 1
        if not clause.strip() or not FIGURE_HINT.search(clause):
            continue  # no digit and no Chinese numeral: nothing to count
        if any(a < c_start + len(clause) and c_start < b for a, b in blocked):
            continue  # the targets paragraph: targets, not commitments
        if re.search(r"去年|上年(?!同期)|过去一年|五年来", clause) and not re.search(r"比去年|比上年|较上年|较去年", clause):
            continue
        clause_modality = MODALITY.search(clause)
        figures, last_name = clause_figures(clause, last_name, as_target=True)
        for f in figures:
            if f.measure == "growth" and f.unit != "%":
                continue
            if NOT_A_TASK.match(f.name) or len(f.name) < 2:
                continue
            metric = LEAD_MODAL.sub("", f.name)
            if not f.own or len(metric) < 2:
                continue  # the figure names nothing in its own clause
            at = clause.rfind(metric, 0, f.start)
            if at < 0:
                after = clause.find(metric, f.start)  # "新挂牌6个省级风貌样板区": named after the figure
                at = after if after >= 0 else len(clause) - len(clause.lstrip())
            begin, end = min(at, f.start), max(f.end, at + len(metric) if clause.startswith(metric, at) else f.end)
            modality = clause_modality or modality_m
            out.append(FoundCommitment(
                metric=metric, text=clause[begin:end], value=f.value, unit=f.unit, comparator=f.comparator,
                modality=modality.group() if modality else None, start=c_start + begin, end=c_start + end,
                section_path=section_path_at(sections, c_start), target_ref=target_ref(metric, f.value, f.unit, targets),
            ))


def extract_commitments(doc: Document, sections: list[Section], targets: list[Target],
                        meta: Metadata | None = None) -> list[Commitment]:
    """The quantified tasks of ``doc``'s body, for its plan year. ``source_span`` and ``page`` are
    left for the pipeline to fill."""
    meta = meta or extract_metadata(doc)
    text = doc.search_text
    meta = dataclasses.replace(meta, plan_year=plan_year_of(text, meta))
    limit = doc.normalized.table_zone if doc.normalized.table_zone is not None else len(text)
    blocked = list(find_target_sentences(text)) + [(t.span.start, t.span.end) for t in targets if t.span is not None]
    out: list[Commitment] = []
    for c in find_commitments(text, meta, sections, targets, blocked, limit):
        span = Span(c.start, c.end)
        out.append(Commitment(
            metric=doc.printed(c.metric, span), text=doc.printed(c.text, span), value=c.value,
            unit=doc.printed(c.unit, span) if c.unit else None, comparator=c.comparator, modality=c.modality,
            year=meta.plan_year, section_path=c.section_path, target_ref=c.target_ref, span=span,
        ))
    return out

"""Targets stated in prose: a work report's "主要预期目标是：…" and the same sentence in plan
reports and national reports. One target per indicator; shared subjects are split
("一般公共预算收入、城乡居民人均可支配收入增长与经济增长基本同步" gives two)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from zhibiao.extract.lexicon import LEX
from zhibiao.extract.grammar import ASSIGNED, MODALITY, RELATIVE, ParsedTarget, _candidates, parse_target
from zhibiao.extract.tables import is_name_like

_INTRO = LEX.alt("targets.introductions")
TRIGGER = re.compile(
    rf"(?:{LEX.alt('targets.head_qualifiers')})?(?:{LEX.alt('targets.heads')})(?:{LEX.alt('targets.head_tails')})?(?:{_INTRO})?[:：]"
    rf"|主要预期目标(?:是|为)?[:：]?"
    rf"|(?:经济社会发展|发展)的?主要(?:预期)?目标(?:是|为)[:：]?"
    rf"|(?:型|类)?(?:{LEX.alt('targets.aspect_heads')})[,，:：]"
)
# A target stated in passing: "2023年，江苏目标经济增长5%左右", "今年全省地区生产总值预期增长6.5%".
INLINE = re.compile(rf"(?:{LEX.alt('targets.inline_times')}|\d{{4}}年)[^。；;\n]{{0,20}}?(?:{LEX.alt('targets.inline_markers')})(?!是|为|[:：])")
_BULLETS = LEX.alt("targets.bullets")
LIST_ITEM = re.compile(rf"^\s*(?:{_BULLETS}|\d{{1,2}}[.、．]|[（(]\d{{1,2}}[）)]|[（(][一二三四五六七八九十]+[）)])")
CLAUSE_SPLIT = re.compile(r"[，,；;。\n]")
OPENER_BEFORE = re.compile(rf"(?:{LEX.alt('targets.openers')})+$")
DIRECTIONAL_PHRASE = re.compile(
    rf"(?:{LEX.alt('kinds.manner_leads')})?(?:{LEX.alt('kinds.manners')})+(?:{LEX.alt('kinds.direction_up', 'kinds.direction_down', 'kinds.direction_steady')})"
    rf"|{LEX.alt('kinds.directional_phrases')}"
    rf"|(?<=[\u4e00-\u9fff]{{4}})(?:改善|好转)$"
)
EXPLAINING = re.compile(LEX.alt("targets.explaining"))
LEAD_MODAL = re.compile(rf"^[\s{_BULLETS}]*(?:\d{{1,2}}[.、．]|[（(]\d{{1,2}}[）)])?(?:{LEX.alt('targets.item_leads', 'names.own_region_words')})*")
NAME_TRAIL = re.compile(rf"(?:{LEX.alt('targets.name_trails')})+$")
MEASURE_SUFFIX = re.compile(rf"({LEX.alt('targets.shared_measures')})$")
COMPLETED_BEFORE = re.compile(rf"(?:{LEX.alt('targets.completed')})了?.{{0,10}}$")


@dataclass
class ProseTarget:
    name: str
    text: str
    parsed: ParsedTarget
    span: tuple[int, int]  # of text
    name_span: tuple[int, int]
    modality: str | None
    parent: str | None = None  # "生产总值增长6%以上，其中第一产业增加值增长2.9%": 生产总值


@lru_cache(maxsize=16)
def find_target_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentence(s) that list the year's main targets."""
    out = []
    for m in TRIGGER.finditer(text):
        head = text[max(0, m.start() - 40):m.start()]
        if COMPLETED_BEFORE.search(head) or "去年" in head[-15:]:
            continue  # "较好完成了…确定的目标任务": a review, not a list of targets
        start = m.end()
        while start < len(text) and text[start] in " \t\n\u3000":
            start += 1
        if start > m.end() and "\n" in text[m.end():start]:
            # a list on the following lines (——生产总值增长6%以上；…): take every item line
            end = start
            for line in text[start:].split("\n"):
                if not line.strip():
                    end += len(line) + 1
                    continue
                if not LIST_ITEM.match(line) and end > start:
                    break
                end += len(line) + 1
                if not LIST_ITEM.match(line):
                    break  # a single paragraph after the trigger
            end = min(end, len(text))
            k = text.find("。", start, end)
            if k >= 0 and not LIST_ITEM.match(text[start:start + 3]):
                end = k
        else:
            end = len(text)
            for stop in ("。", "\n"):
                k = text.find(stop, start)
                if k >= 0:
                    end = min(end, k)
            # "…同步。能耗强度下降3.1%以上，主要污染物排放继续减少。": the list goes on
            while end < len(text) and text[end] == "。":
                nxt = len(text)
                for stop in ("。", "\n"):
                    k = text.find(stop, end + 1)
                    if k >= 0:
                        nxt = min(nxt, k)
                sentence = text[end + 1:nxt]
                clauses = [c for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
                if not clauses or EXPLAINING.search(sentence) or TRIGGER.search(sentence) or \
                        sum(1 for c in clauses if _target_start(c) is not None) * 2 < len(clauses):
                    break
                end = nxt
        if end - start < 6:
            continue
        out.append((start, end))
    # a trigger inside a list already taken (…指标方面，…。…指标方面，…) starts no second list
    kept: list[tuple[int, int]] = []
    for a, b in out:
        if not any(a0 <= a < b0 for a0, b0 in kept):
            kept.append((a, b))
    out = kept
    for m in INLINE.finditer(text):
        if any(a - 60 <= m.start() <= b for a, b in out):
            continue
        end = len(text)
        for stop in ("。", "\n", "；", ";"):
            k = text.find(stop, m.end())
            if k >= 0:
                end = min(end, k)
        head = text[max(0, m.start() - 12):m.start()]
        if "去年" in head or end - m.end() < 4:
            continue
        out.append((m.end(), end))
    return tuple(out)  # cached: never to be changed by a caller


def _target_start(clause: str) -> int | None:
    """Where the target phrase begins in a clause ("地区生产总值增长|6.5%以上")."""
    positions = []
    marker = re.match(r"^[\s—\-•·]*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])", clause)
    skip = marker.end() if marker else 0  # "1.地区生产总值…": the item's number is no value
    cands = [c for c in _candidates(clause) if c.start >= skip]
    if cands:
        pos = cands[0].start
        opener = OPENER_BEFORE.search(clause[:pos])
        positions.append(opener.start() if opener else pos)
    for pattern in (RELATIVE, ASSIGNED, DIRECTIONAL_PHRASE):
        m = pattern.search(clause)
        if m:
            start = m.start()
            opener = OPENER_BEFORE.search(clause[:start])
            positions.append(opener.start() if opener else start)
    positions = [p for p in positions if p > skip]
    return min(positions) if positions else None


def split_subjects(names: str) -> list[tuple[str, int, int]]:
    """"一般公共预算收入、城乡居民人均可支配收入增长" -> both, the shared 增长 carried over."""
    parts = []
    pos = 0
    for piece in re.split(r"(、|和|及)", names):
        if piece in ("、", "和", "及"):
            pos += len(piece)
            continue
        if piece:
            parts.append((piece, pos, pos + len(piece)))
        pos += len(piece)
    if len(parts) < 2 or any(len(p[0]) < 2 for p in parts):
        return [(names, 0, len(names))]
    # "和" joins words inside one name too (研究和试验发展, 生态环保城市更新和水利设施投资); split on it
    # only when the part before it is an indicator's name in its own right.
    if "、" not in names and (any(len(p[0]) < 4 for p in parts) or not is_name_like(parts[0][0])):
        return [(names, 0, len(names))]
    suffix = MEASURE_SUFFIX.search(parts[-1][0])
    out = []
    for i, (p, s, e) in enumerate(parts):
        if suffix and i < len(parts) - 1 and not MEASURE_SUFFIX.search(p):
            p = p + suffix.group()
        out.append((p, s, e))
    return out


def _clauses(sentence: str):
    """(offset, separator before it, clause): split on ，；。 and also on 、 where each piece states
    its own figure ("交通投资增长10%、民间投资增长10%")."""
    pos, sep = 0, ""
    for part in re.split(r"([，,；;。\n])", sentence):
        if len(part) == 1 and part in "，,；;。\n":
            sep = part
            pos += 1
            continue
        pieces = part.split("、")
        if len(pieces) > 1 and all(_candidates(p) for p in pieces):
            off = pos
            for i, p in enumerate(pieces):
                yield off, (sep if i == 0 else "、"), p
                off += len(p) + 1
        else:
            yield pos, sep, part
        pos += len(part)


def extract_prose_targets(text: str) -> list[ProseTarget]:
    out: list[ProseTarget] = []
    for s_start, s_end in find_target_sentences(text):
        sentence = text[s_start:s_end]
        main_name: str | None = None  # the item a "其中…" clause details
        parent: str | None = None
        for offset, sep, clause in _clauses(sentence):
            c_start = s_start + offset
            if not clause.strip():
                continue
            if clause.lstrip(" —-").startswith("其中"):
                parent = main_name
            elif sep not in ("，", ",", "、"):
                parent = None  # a new item (after ；, 。 or a new line) details nothing
            k = _target_start(clause)
            if k is None:
                # "完成省下达的节能减排降碳约束性指标": the indicator is the object of the assignment
                m = re.match(r"\s*完成(?:国家|省|市|上级)?下达的(.{2,40})$", clause)
                if m:
                    parsed = parse_target(clause.strip())
                    out.append(ProseTarget(name=m.group(1).strip(), text=clause.strip(), parsed=parsed,
                                           span=(c_start, c_start + len(clause)),
                                           name_span=(c_start + m.start(1), c_start + m.end(1)), modality=None))
                continue
            name_part = clause[:k]
            lead = LEAD_MODAL.match(name_part)
            modality_m = MODALITY.search(clause)
            modality = modality_m.group() if modality_m and modality_m.group() not in ("确定", "计划") else None
            if lead:
                name_part = name_part[lead.end():]
            name_offset = c_start + (lead.end() if lead else 0)
            name_part = NAME_TRAIL.sub("", name_part)
            core = re.sub(r"增长|增速|目标|定为|为|达到|保持", "", name_part)
            if len(core) < 2 or not re.search(r"[\u4e00-\u9fff]{2}", core):
                continue
            target_text = clause[k:].strip()
            parsed = parse_target(target_text)
            if parsed.kind is None:
                continue
            whole_relative = parsed.kind == "relative" and lead is not None and lead.end() > 0
            for name, a, b in split_subjects(name_part):
                out.append(ProseTarget(
                    name=name.strip(),
                    text=(clause.strip() if whole_relative else target_text),
                    parsed=parsed,
                    span=(c_start + k, c_start + len(clause)),
                    name_span=(name_offset + a, name_offset + b),
                    modality=modality or parsed.modality,
                    parent=parent,
                ))
            if parent is None:
                main_name = re.sub(r"(?:增长|增速)$", "", out[-1].name) if out else None
    return out

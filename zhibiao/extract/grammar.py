"""The target grammar: a target cell or phrase to kind, comparator, value(s), unit and modality.

Comparators follow the statutory reading: 以上/以下/以内/不低于/不高于/不超过 include the number
itself; 超过/高于/低于/不满/不足 exclude it. Kinds: ``numeric``; ``relative`` (与经济增长同步,
高于GDP增速); ``directional`` (稳步增长, 持续下降); ``assigned`` (完成省下达目标). A phrase that fits
none of them gets ``kind=None`` and is reported, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from zhibiao.extract.numbers import NumberMatch, find_numbers, parse_chinese

# Longest first, so 万人次 wins over 万人 and 人/亿元 over 人.
UNITS = sorted(
    """万亿元 亿元 千万元 万元 元 亿美元 万美元 美元 万亿斤 亿斤 万斤 斤 万人次 人次 万人 人 万户 户 万名 名
    个百分点 百分点 % ‰ 微克/立方米 毫克/立方米 人/亿元 人/万人 万吨标煤 万吨标准煤 吨标准煤 吨标煤 万吨 吨 公斤
    万亩 亩 万公顷 公顷 平方公里 万平方米 平方米 公里 千米 米 万千瓦时 亿千瓦时 万千瓦 千瓦 万标箱 标箱 万辆 辆
    万套 套 万间 间 万张 张 个 家 件 所 座 条 项 台 艘 场 次 倍 岁 年 天 小时 分钟 立方米 亿立方米 万立方米 吨/万元
    立方米/万元 元/人 元/月 元/年 万元/人 个/万人 人/千人 张/千人 家次 万家次 万家 场次 万册 册 万台 万只 万头 万株 万棵
    亿吨 亿人次 千公顷 万公里 万千瓦时 亿方 万方 万个 万件 万名
    万 亿""".split(),
    key=len,
    reverse=True,
)
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
UNIT_AFTER = re.compile(rf"\s?(?:{UNIT_RE})")
COUNT_WORDS = frozenset("个 项 年 条 次 家 名 场 倍 件 所 座 台 天 张 套 间 辆 艘".split())

PREFIX_COMPARATORS = [
    (re.compile(r"(?:不低于|不少于|不小于|至少|不低于上年的?)$"), ">="),
    (re.compile(r"(?:不高于|不超过|不多于|不大于|最多|控制在)$"), "<="),
    (re.compile(r"(?:高于|超过|突破|大于|多于|逾|超)$"), ">"),
    (re.compile(r"(?:低于|少于|小于|不足|不满|不到)$"), "<"),
    (re.compile(r"(?:约|大约|接近)$"), "~"),
    (re.compile(r"(?:≥|>=|⩾)$"), ">="),
    (re.compile(r"(?:≤|<=|⩽)$"), "<="),
    (re.compile(r">$"), ">"),
    (re.compile(r"<$"), "<"),
    (re.compile(r"≈$"), "~"),
]
SUFFIX_COMPARATORS = [
    (re.compile(r"^(?:以上)"), ">="),
    (re.compile(r"^(?:以内|以下)"), "<="),
    (re.compile(r"^(?:左右|上下)"), "~"),
]
RANGE_SEP = re.compile(r"\s?(?:[-—–~～]{1,2}|至|到)\s?")
YEAR_AFTER = re.compile(r"\s?年")

ASSIGNED = re.compile(
    r"(?:国家|省|市|县|上级|中央|自治区|省政府|市政府)[^，,。；;]{0,3}(?:下达|确定|核定|下发|分解|要求)[^，,。；;]{0,2}(?:目标|任务|指标|计划)"
    r"|(?:省|国|市)定(?:目标|任务)|下达(?:的)?(?:目标|任务|计划)|完成(?:国家|省|市|上级)?下达的"
)
RELATIVE = re.compile(
    r"(?:与|和|同|跟)(?P<ref1>[^，,。；;]{1,14}?)(?:基本)?(?:同步|相适应|相协调|相匹配|保持一致)"
    r"|(?:高于|快于|略高于|超过|不低于|低于|慢于|优于)(?P<ref2>[^，,。；;]{1,14}?(?:增速|增长|增幅|平均|水平|速度))"
)
DIRECTIONAL = re.compile(
    r"增长|提高|提升|下降|降低|改善|增加|减少|扩大|缩小|稳定|平衡|提质|好转|优化|巩固|稳中|回升|上升|只增不减|不下降|保持|加快|增强|收窄"
    r"|向好|回稳|合理水平"
)
MODALITY = re.compile(r"确保|力争|争取|努力|预期|力求|争创|确定|计划")
GROWTH_WORD = re.compile(r"(?:同比|比上年|较上年|年均)?(?:增长|增速|增幅|提高|上涨|涨幅|下降|降低|减少|回落)")


@dataclass
class ParsedTarget:
    kind: str | None
    comparator: str | None = None
    value: Decimal | None = None
    value_high: Decimal | None = None
    unit: str | None = None
    modality: str | None = None
    reference: str | None = None
    number_span: tuple[int, int] | None = None  # offsets of the value (through value_high) in the text
    notes: list[str] = field(default_factory=list)


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    m = UNIT_AFTER.match(text, end)
    if not m:
        return None, end
    return m.group().strip(), m.end()


def _candidates(text: str) -> list[NumberMatch]:
    """Numbers that can be a target's value: not years (较2023年, 以2020年为基期), not part of a name
    such as PM2.5 or GDP, not Chinese numerals without a unit or 百分之."""
    out = []
    for n in find_numbers(text):
        if n.chinese and text[n.end - 1] in "万亿" and UNIT_AFTER.match(text, n.end - 1):
            # 一千二百万人: the 万 belongs to the unit 万人
            n = NumberMatch(parse_chinese(text[n.start + (3 if n.percent else 0):n.end - 1]), n.start, n.end - 1,
                            n.percent, True)
        if YEAR_AFTER.match(text, n.end) and (n.chinese or 1900 <= n.value <= 2100):
            continue
        if n.start > 0 and re.match(r"[A-Za-z]", text[n.start - 1]):
            continue  # PM2.5, SO2, 5G
        if n.chinese and not n.percent:
            unit = UNIT_AFTER.match(text, n.end)
            # 三个“一号工程”, 两个一百年: a Chinese numeral counting things is wording, not a value
            if not unit or unit.group().strip() in COUNT_WORDS:
                continue
        out.append(n)
    return out


def _comparator(text: str, start: int, end: int) -> str:
    after = text[end:].lstrip()
    for pattern, comp in SUFFIX_COMPARATORS:
        if pattern.match(after):
            return comp
    before = text[max(0, start - 8):start].rstrip()
    # "控制在3%左右" was handled by the suffix; a bare 控制在 is a ceiling.
    for pattern, comp in PREFIX_COMPARATORS:
        if pattern.search(before):
            return comp
    return "="


def parse_target(text: str, column_unit: str | None = None) -> ParsedTarget:
    """Parse one target cell or phrase."""
    t = text.strip()
    modality_m = MODALITY.search(t)
    modality = modality_m.group() if modality_m and modality_m.group() not in ("确定", "计划") else None
    if not t:
        return ParsedTarget(None, notes=["empty target"])
    cands = _candidates(t)
    if not cands:
        if ASSIGNED.search(t):
            return ParsedTarget("assigned", modality=modality)
        rel = RELATIVE.search(t)
        if rel:
            ref = (rel.group("ref1") or rel.group("ref2") or "").strip()
            return ParsedTarget("relative", modality=modality, reference=ref or None)
        if DIRECTIONAL.search(t):
            return ParsedTarget("directional", modality=modality)
        return ParsedTarget(None, modality=modality, notes=[f"no value or known wording in {t!r}"])

    # A percentage is what a rate/growth target means; prefer it over counts in the same phrase
    # ("128个考核断面…占比100%" is 100%, "增长10%，占全国份额保持14.3‰" is 10%).
    def unit_of(n: NumberMatch) -> str | None:
        return "%" if n.percent else _unit_after(t, n.end)[0]

    def range_after(n: NumberMatch) -> NumberMatch | None:
        end = n.end if n.percent else _unit_after(t, n.end)[1]
        sep = RANGE_SEP.match(t, end)
        if not sep:
            return None
        nxt = next((c for c in cands if c.start == sep.end()), None)
        return nxt if nxt is not None and nxt.value > n.value else None

    pairs = [(n, range_after(n)) for n in cands]
    ranged = [(n, hi) for n, hi in pairs if hi is not None]
    pick = next((n for n in cands if unit_of(n) == "%"), None)
    if pick is None or (column_unit and column_unit != "%" and unit_of(cands[0]) == column_unit):
        pick = cands[0]
    high = None
    if ranged and (ranged[0][0].start <= pick.start <= ranged[0][1].start):
        pick, high = ranged[0]
    unit = unit_of(pick) or (unit_of(high) if high else None)
    if high is not None:
        comparator, value_high, span_end = "range", high.value, high.end
    else:
        unit_end = pick.end if pick.percent else _unit_after(t, pick.end)[1]
        comparator, value_high, span_end = _comparator(t, pick.start, unit_end), None, pick.end
    return ParsedTarget(
        "numeric", comparator=comparator, value=pick.value, value_high=value_high,
        unit=unit or column_unit, modality=modality, number_span=(pick.start, span_end),
    )


def is_growth_phrase(text: str) -> bool:
    return bool(GROWTH_WORD.search(text))

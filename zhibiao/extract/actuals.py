"""Actual results a document reports for an earlier period (work reports' reviews, plan
execution reports, statistical bulletins).

A result is a clause naming an indicator and a figure: "全年实现地区生产总值7791亿元" (a level),
"增长7.8%" (growth, the name carried over from the clause before), "占比达76.1%" (a share).
Sentences that set or quote targets, speak of plans, or compare with other regions' figures never
give actuals: a target mistaken for a result is the worst error this product can make.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from zhibiao.extract.grammar import COUNT_WORDS, UNIT_AFTER, _candidates
from zhibiao.extract.prose import TRIGGER

SENTENCE_END = re.compile(r"[。；;！!？?\n]")
CLAUSE_SPLIT = re.compile(r"[，,：:]")
# A sentence that sets a target or speaks of the future gives no result.
FUTURE = re.compile(r"力争|确保|预期目标|主要目标|目标是|目标为|力求|将要|预计到|到20\d\d年|今年|明年")
# In a plan, where every sentence is about the plan year, much weaker words already mean a plan.
PLAN_WORDS = re.compile(r"目标|力争|确保|预期|计划|争取|力求|要|将|拟|规划")
VERB_ONLY = re.compile(r"^(?:组织|举办|建成|完成|实施|开展|推动|推进|培育|引进|创建|打造|建设|累计|新增|共|有|其中|全年|已有|拥有|"
                       r"完工|开工|新建|改造|推出|挂牌|选树|争创|力争|确保|争取|新引进|新开工|新培育)?$")
CONTROL_BEFORE = re.compile(r"(?:控制在|不超过|不高于)$")
FLOOR_BEFORE = re.compile(r"(?:不低于|不少于|至少)$")
RATIO_NAME = re.compile(r"(?:比|倍差|指数|系数)$")
ELSEWHERE = re.compile(r"(?:高于|低于|快于|慢于)(?:全国|全省|全市|平均)|全国平均|全省平均")
GROWTH_BEFORE = re.compile(r"(?:同比|比上年|较上年|比去年|年均|名义|实际|同口径)?(?:增长|增速|增幅|提高|上涨|上升|涨幅)(?:了)?$")
DECLINE_BEFORE = re.compile(r"(?:同比|比上年|较上年|比去年)?(?:下降|减少|回落|降低)(?:了)?$")
SHARE_NAME = re.compile(r"(?:比重|占比|比例|率|份额|覆盖率|强度)$")
LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|其中|全年|全市|全省|全县|全区|全国|今年|去年|上年|一年来|过去一年|"
                  r"我们|实现|完成|累计|共计|达到|首次|预计|初步核算|初步统计|据初步核算|比上年|同比|分别|均|并|还)+")
TRAIL = re.compile(r"(?:实现|完成|达到|达|为|是|突破|超过|超|逾|分别|同比|比上年|较上年|共计|累计|约|接近|首次|控制在|保持在|保持|"
                   r"缩小至|缩小到|扩大至|扩大到|提高到|提高至|提升至|提升到|下降到|下降至|降至|降到|升至|增至|增加到|"
                   r"稳定在|不低于|不少于|不高于|不超过|均|各)+$")
GT_BEFORE = re.compile(r"(?:突破|超过|超|逾|高于)$")
APPROX_BEFORE = re.compile(r"(?:约|近|接近)$")
RANK = re.compile(r"(?:居|位居|列|位列|排名)(?:全国|全省|全市|全区)?(?:第[一二三四五六七八九十\d]+位|前\d+位|首位|第一|前列)")
PERIOD = [
    (re.compile(r"1\s*[-—–至]\s*(\d{1,2})\s*月"), lambda m: (1, int(m.group(1)))),
    (re.compile(r"上半年"), lambda m: (1, 6)),
    (re.compile(r"前三季度"), lambda m: (1, 9)),
    (re.compile(r"一季度|第一季度"), lambda m: (1, 3)),
]


@dataclass
class FoundActual:
    name: str
    measure: str
    text: str
    comparator: str
    value: Decimal
    unit: str | None
    start: int
    end: int
    estimated: bool
    rank: str | None
    period: tuple[int, int] | None


def review_end(text: str, doc_type: str, plan_year: int | None) -> int:
    """Where the review of last year ends: the targets paragraph or the heading of this year's work."""
    if doc_type == "statistical_bulletin":
        return len(text)
    ends = [m.start() for m in TRIGGER.finditer(text)]
    if plan_year:
        for m in re.finditer(rf"(?m)^\s*[一二三四五六七八九十]+、\s*{plan_year}\s*年", text):
            ends.append(m.start())
    m = re.search(r"(?m)^\s*[二三四五]、.{0,12}(?:今年|主要目标|总体要求|工作安排|工作部署|重点工作|工作任务)", text)
    if m:
        ends.append(m.start())
    return min(ends) if ends else len(text)


def _name_before(clause: str, pos: int) -> str:
    """The indicator named before the figure at ``pos``: the clause's words up to it, without the
    verbs and adverbs that introduce a figure."""
    name = clause[:pos]
    name = re.sub(r"^[\s、，,]+", "", name)
    prev = LEAD.match(name)
    if prev:
        name = name[prev.end():]
    for _ in range(3):
        name = TRAIL.sub("", name)
        name = GROWTH_BEFORE.sub("", name)
        name = DECLINE_BEFORE.sub("", name)
    return name.strip(" 、，,")


def _split_names(name: str, n: int) -> list[str] | None:
    """"城镇和农村居民人均可支配收入" with two figures -> the two names it abbreviates;
    "固定资产投资、社会消费品零售总额" -> its two names."""
    parts = [p for p in re.split(r"、|和|及|与", name) if p]
    if len(parts) == n and all(len(p) >= 2 for p in parts):
        if n == 2 and len(parts[0]) <= 3 and len(parts[1]) > len(parts[0]) + 2:
            head = len(parts[0])
            return [parts[0] + parts[1][head:], parts[1]]
        return parts
    return None


def find_actuals(text: str, start: int = 0, end: int | None = None, strict: bool = False) -> list[FoundActual]:
    """Results stated in ``text[start:end]``; ``strict`` for plans, whose sentences are about the
    plan year unless they say otherwise."""
    end = len(text) if end is None else end
    out: list[FoundActual] = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        sentence_start, sentence_end = pos, m.start()
        pos = m.end()
        _sentence(text, sentence_start, sentence_end, out, strict)
    if pos < end:
        _sentence(text, pos, end, out, strict)
    return out


def _sentence(text: str, s: int, e: int, out: list[FoundActual], strict: bool = False) -> None:
    sentence = text[s:e]
    if len(sentence) < 4 or FUTURE.search(sentence) or not re.search(r"\d|[一二三四五六七八九十百千万]", sentence):
        return
    if strict and PLAN_WORDS.search(sentence):
        return
    estimated = bool(re.search(r"预计|初步核算|初步统计|初步测算", sentence))
    period = None
    for pattern, fn in PERIOD:
        pm = pattern.search(sentence)
        if pm:
            period = fn(pm)
            break
    last_name: str | None = None
    last_names: list[str] | None = None
    offset = 0
    for clause in CLAUSE_SPLIT.split(sentence):
        c_start = s + offset
        offset += len(clause) + 1
        if not clause.strip() or ELSEWHERE.search(clause):
            continue
        rank_m = RANK.search(clause)
        rank = rank_m.group() if rank_m else None
        if rank and out and not _candidates(clause[:rank_m.start()]):
            # "、居全省第2位" qualifies the figures just before it
            for a in out[-2:]:
                if a.rank is None and a.start >= s:
                    a.rank = rank
        if re.search(r"将|要|拟", clause) and not re.search(r"将近", clause):
            continue
        figures, last_name = clause_figures(clause, last_name, last_names)
        if len(figures) >= 2:
            last_names = [f.name for f in figures]
        for f in figures:
            out.append(FoundActual(
                name=f.name, measure=f.measure, text=f.text, comparator=f.comparator, value=f.value, unit=f.unit,
                start=c_start + f.start, end=c_start + f.end, estimated=estimated, rank=rank, period=period,
            ))


@dataclass
class Figure:
    """A figure in a clause and what it measures; offsets are within the clause."""

    name: str
    measure: str
    text: str
    comparator: str
    value: Decimal
    unit: str | None
    start: int
    end: int


def clause_figures(clause: str, last_name: str | None = None,
                   last_names: list[str] | None = None) -> tuple[list[Figure], str | None]:
    """Every figure a clause states, each with the name of what it measures ("全年实现地区生产总值
    7791亿元" -> 地区生产总值, 7791 亿元), and the last name seen (a clause like "增长7.8%" that
    names nothing speaks of the one before)."""
    out: list[Figure] = []
    figures = []
    for n in _candidates(clause):
        unit_m = UNIT_AFTER.match(clause, n.end)
        unit = "%" if n.percent else (unit_m.group().strip() if unit_m else None)
        after = clause[(unit_m.end() if unit_m else n.end):]
        if unit is None and RATIO_NAME.search(re.sub(r"(?:缩小|扩大|下降|提高)?(?:至|到|为|达)?$", "",
                                                     clause[:n.start])) and not n.chinese:
            figures.append((n, None, n.end))  # 城乡收入比缩小至1.65: a ratio has no unit
            continue
        if unit is None or unit == "年" or (unit in COUNT_WORDS and n.chinese):
            continue
        if re.match(r"^(?:以上|以下)?[\u4e00-\u9fff“]", after) and unit != "%" and not re.match(
                r"^(?:以上|左右|多)?(?:[，,、。；]|$)", after) and re.match(r"^(?:以上|以下)", after):
            continue  # "10亿元以上产业项目": a qualifier inside a name
        if unit in ("分钟", "小时", "天", "条") and re.match(r"^[\u4e00-\u9fff“”]", after):
            continue  # "15分钟公共服务圈", "民营经济33条": part of a name
        if clause[:n.start].count("“") > clause[:n.start].count("”"):
            continue  # inside quotation marks: a name such as “5+1”
        if re.match(r"^级", after):
            continue  # "10亿元级产业链": a class, not a figure
        figures.append((n, unit, unit_m.end() if unit_m else n.end))
    # "年经营性收入80万元、100万元以上行政村": a figure listed with a qualifier is a qualifier too
    qualifier_at = [m.start() for m in re.finditer(r"\d+(?:\.\d+)?[万亿]?元以上[\u4e00-\u9fff]", clause)]
    figures = [f for f in figures if not any(re.fullmatch(r"、", clause[f[2]:q]) for q in qualifier_at)]
    if not figures:
        return out, last_name
    names_for_list: list[str] | None = None
    if len(figures) >= 2:
        between = clause[figures[0][2]:figures[1][0].start]
        if re.fullmatch(r"\s*[、和]\s*", between):
            own = _name_before(clause, figures[0][0].start)
            names_for_list = _split_names(own, len(figures))
            if names_for_list is None and not re.search(r"[\u4e00-\u9fff]{2}", own or "") and last_names \
                    and len(last_names) == len(figures):
                names_for_list = list(last_names)  # "…80392元、48825元，分别增长5.0%、6.4%"
    list_measure: str | None = None
    list_sign = 1
    for k, (n, unit, unit_end) in enumerate(figures):
        before = clause[:n.start]
        if k > 0:
            before = clause[figures[k - 1][2]:n.start]
        measure = "level"
        value = n.value
        prefix = before.rstrip()
        if DECLINE_BEFORE.search(prefix):
            measure, value = "growth", -value
        elif GROWTH_BEFORE.search(prefix) and unit == "%":
            measure = "growth"
        elif k > 0 and list_measure and re.fullmatch(r"\s*[、和]\s*", before):
            measure, value = list_measure, value * list_sign  # 分别下降15.3%、6.3%
        elif unit in ("%", "‰"):
            measure = "share"
        if k == 0:
            list_measure, list_sign = measure, (-1 if value < 0 else 1)
        comparator = "="
        if GT_BEFORE.search(prefix):
            comparator = ">"
        elif CONTROL_BEFORE.search(prefix) and clause[unit_end:unit_end + 2] != "左右":
            comparator = "<="
        elif FLOOR_BEFORE.search(prefix):
            comparator = ">="
        elif APPROX_BEFORE.search(prefix) or clause[unit_end:unit_end + 2] == "左右":
            comparator = "~"
        elif clause[unit_end:unit_end + 2] == "以上":
            comparator = ">="
        if names_for_list:
            name = names_for_list[k]
        else:
            name = _name_before(before if k else clause, len(before) if k else n.start)
            if k > 0 and not name:
                name = figures and _name_before(clause, figures[0][0].start)
        if measure == "share" and name and not SHARE_NAME.search(name) and last_name and not re.search(
                r"[\u4e00-\u9fff]{2}", name):
            name = last_name
        if name and "、" in name and re.search(r"\d", name.rsplit("、", 1)[0]):
            name = name.rsplit("、", 1)[1]  # "…产业链1条以上、省级以上龙头企业": the last item is this figure's
        after_unit = clause[unit_end:]
        if name and re.search(r"[和及、]$", name) and re.match(r"[\u4e00-\u9fff“]{2,}", after_unit):
            # "推出70项…场景和10个特色产业专区应用": the thing counted follows the figure
            name = re.match(r"[\u4e00-\u9fff“”A-Za-z]{2,30}", after_unit).group()
        if name and "等" in name:
            # "争取专项债、特别国债…等资金支持": the thing measured follows the list
            head = re.match(r"^(争取|引进|完成|实现|累计|新增|获得)?", name).group()
            tail_name = name.rsplit("等", 1)[1]
            name = head + tail_name if len(tail_name) >= 2 else ""
        if VERB_ONLY.match(name or "") and unit and unit != "%":
            # "组织4478家次企业境外参展": the count comes first, the thing counted after it
            tail = re.match(r"[\u4e00-\u9fff“”A-Za-z]{2,30}", clause[unit_end:])
            name = tail.group() if tail else name
        if name and (name.endswith("的") or re.match(r"^(?:从|在|对|把|以|其|中有|我市|我省|我县|我区)", name)):
            continue
        if not name or not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", name):
            name = last_name
        if not name:
            continue
        last_name = name
        phrase_start = _phrase_start(clause, n.start)
        paren = re.match(r"[（(][\u4e00-\u9fff]{1,2}[）)]", clause[unit_end:])
        if paren and unit:
            unit, unit_end = unit + paren.group(), unit_end + paren.end()  # 万套（间）
        phrase_end = unit_end + (2 if clause[unit_end:unit_end + 2] in ("左右", "以上") else 0)
        out.append(Figure(name=name, measure=measure, text=clause[phrase_start:phrase_end],
                          comparator=comparator, value=value, unit=unit, start=phrase_start, end=phrase_end))
    return out, last_name


def _phrase_start(clause: str, number_start: int) -> int:
    m = re.search(r"(?:同比|比上年|较上年|比去年|名义|实际|同口径)?(?:增长|下降|减少|回落|上涨|提高)?"
                  r"(?:突破|超过|超|逾|达到|达|约|为|缩小至|扩大至|提高到|提高至|降至|升至)?$",
                  clause[:number_start])
    return m.start() if m and m.group() else number_start

"""Actual results a document reports for an earlier period: the review part of work reports
(一、2023年工作回顾 / 过去一年 …), plan execution reports (执行情况), statistical bulletins, and the
review paragraphs of plan notices.

A result is a clause naming an indicator and a figure: "全年实现地区生产总值7791亿元" (a level),
"增长7.8%" (growth, the name carried over from the clause before), "占比达76.1%" (a share).
Time is scoped from the outside in: the document type gives the reviewed year (a report for plan
year N reviews N−1, a bulletin its title's year); level-1 headings mark review, multi-year review
(过去五年) and plan parts; a paragraph or sentence opening with its own time (2022年，… / 去年… /
五年来… / 今年…) overrides its section. Sentences that set or quote targets, speak of plans, or
state other regions' figures never give actuals: a target mistaken for a result is the worst error
this product can make.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

from zhibiao.extract.grammar import COUNT_WORDS, UNITS, _candidates
from zhibiao.extract.metadata import Metadata
from zhibiao.extract.numbers import find_numbers
from zhibiao.extract.prose import find_target_sentences
from zhibiao.models import Actual, Section, Span, Target
from zhibiao.text.document import Document

SENTENCE_END = re.compile(r"[。！!？?\n]")
CLAUSE_SPLIT = re.compile(r"[，,：:；;]")

# Units: the grammar's list plus a magnitude in front of any of its base units (1.6万公里,
# 4.45亿千瓦, 5.31亿吨), longest first so 万人次 wins over 万人 and 万.
_MAGNITUDES = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "十万", "万", "千")
_BASES = {u for u in UNITS if not u.startswith(("万", "亿", "千万", "百分", "个百分")) and u not in ("%", "‰", "年", "岁")}
_ALL_UNITS = set(UNITS) | {"万亿", "亿", "万"} | {m + b for m in _MAGNITUDES for b in _BASES if not b.startswith(("千", "百", "十"))}
UNIT_AFTER = re.compile(r"\s?(?:" + "|".join(re.escape(u) for u in sorted(_ALL_UNITS, key=len, reverse=True)) + ")")
POINTS = re.compile(r"^\s?个?百分点")

# --- time scope ---------------------------------------------------------------------------
REVIEW_TITLE = re.compile(r"回顾|执行情况|完成情况|主要工作|工作总结|总结|过去|成就|成绩|基本情况|运行情况|发展情况|取得")
MULTI_TITLE = re.compile(r"五年|十年|时期|届|以来")
PLAN_TITLE = re.compile(r"今年|明年|目标|总体要求|安排|部署|重点|任务|建议|草案|展望|思路|举措|措施|对策|政府自身建设")
LAST_YEAR = re.compile(r"(?<![比较同与和])(?:去年|上年(?!同期)|过去一年|一年来|过去的一年)")
MULTI = re.compile(r"这五年|五年来|过去五年|近[两三四五]年|[两三四五]年间|五年累计|这些年|以来|"
                   r"“?十[一二三四五]五”?(?:时期|期间|以来)|近年来|多年来|历年|几年来|近几年|三年来|两年来")
# an average over years qualifies its own clause only: "增长11%，两年平均增长8.2%，制造业投资增长27%"
AVERAGE = re.compile(r"年均(?:增长|增速|增幅|提高|上涨|下降|递增|减少)|[两三四五]年平均|平均每年")
FUTURE = re.compile(r"今年|明年|下一步|预计到|到20\d\d年|力争|力求|努力(?!下)|预期|计划(?=[到在于将要新完实达力])|将要")
SOFT_FUTURE = re.compile(r"目标|将(?!近)|拟|确保|有望|(?<![主重需必纲摘概只首])要(?![素求点件闻务])")
EXPLICIT_YEAR = re.compile(r"(?<![比较与同和到至从由])(?:截至|截止|到)?(\d{4})\s*年(?:底|末|全年|度)?(?!以来|来|起|前|之前|以前|计划|目标|的目标|规划)")
ELSEWHERE = re.compile(r"(?:高于|低于|快于|慢于|超过|领先|优于)(?:全国|全省|全市|全区|面上|平均|同期)|全国平均|全省平均|全市平均|"
                       r"比全(?:国|省|市)|较全(?:国|省|市)|全国同期|全省同期")
ESTIMATE = re.compile(r"预计(?!到)|初步核算|初步统计|初步测算|预估|快报数")
RANK = re.compile(r"(?:居|位居|列|位列|排名|排|分居|分别居|均居)(?:全国|全省|全市|全区|中部|西部|东部|同类城市|全国同类城市|全省同类城市)?"
                  r"(?:第[一二三四五六七八九十\d]+(?:位|名)?(?:、第[一二三四五六七八九十\d]+(?:位|名)?)*|前\d+位?|首位|第一|前列)")
PERIOD = [
    (re.compile(r"(?<!\d)1\s*[-—–~～至到]\s*(\d{1,2})\s*月"), lambda m: (1, int(m.group(1)))),
    (re.compile(r"一至([一二三四五六七八九十]{1,2})月"), lambda m: (1, _cn_month(m.group(1)))),
    (re.compile(r"上半年"), lambda m: (1, 6)),
    (re.compile(r"前三季度|一至三季度|1-3季度"), lambda m: (1, 9)),
    (re.compile(r"(?<![前二三四])一季度|第一季度"), lambda m: (1, 3)),
]

# --- what a figure measures ---------------------------------------------------------------
GROWTH_VERB = re.compile(r"(?:同比|比上年|较上年|比去年|比上年同期|同口径|可比价|名义|实际|分别|均|全年)*"
                         r"(?:增长|增加|提高|提升|上升|上涨|增|涨|回升|攀升)(?:了)?(?:分别)?$")
DECLINE_VERB = re.compile(r"(?:同比|比上年|较上年|比去年|比上年同期|分别|均)*(?:下降|减少|降低|回落|下滑|改善|缩减|减)(?:了)?(?:分别)?$")
TO_VERB = re.compile(r"(?:提高|提升|上升|下降|降低|回落|缩小|扩大|增加|增长|减少|达|升|降|增)(?:到|至)$")
GROWTH_NAME = re.compile(r"(?:涨幅|增幅|增速|增长率|降幅|增长速度)$")
SHARE_NAME = re.compile(r"(?:比重|占比|比例|率|份额|之比|强度|贡献率|覆盖面|水平)$")
LEVEL_RATE = re.compile(r"失业率$")  # a rate the sources report as the economy's level, not a share of something
RATIO_NAME = re.compile(r"(?:比|倍差|指数|系数)$")
# how a target states its bound (commitments read as targets: 控制在5% is a ceiling)
TARGET_BEFORE = [(re.compile(r"(?:不低于|不少于|不小于|至少)$"), ">="), (re.compile(r"(?:不高于|不超过|不多于|控制在)$"), "<="),
                 (re.compile(r"(?:不到|不足|低于|少于)$"), "<"), (re.compile(r"(?:突破|超过|超|逾|高于|大于)$"), ">")]
GT_BEFORE = re.compile(r"(?:突破|超过|超|逾|高于|大于|破)$")
LT_BEFORE = re.compile(r"(?:不到|不足|低于|少于)$")
APPROX_BEFORE = re.compile(r"(?:约|近|接近|将近|大约)$")
COMPARATOR_WORDS = r"突破|超过|超|逾|高于|大于|不到|不足|低于|约|近|接近|将近|大约|达到|达|为|是|至|到|控制在|保持在|稳定在|保持|稳定"

# --- names --------------------------------------------------------------------------------
LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|其中|另外|此外|同时|全年|全市|全省|全县|全区|全国|全镇|我市|我省|我县|我区|今年|"
                  r"去年(?:末|底)?|上年(?:末|底)?|"
                  r"一年来|过去一年|我们|实现|完成|累计|共计|达到|首次|预计|初步核算|初步统计|据初步核算|比上年|同比|分别|均|并|还|"
                  r"报告(?:提到|指出|显示|称)|截至\d{4}年(?:底|末)|\d{4}年(?:底|末|全年)?|全年共|共有)+")
TRAIL = re.compile(r"(?:实现|完成|达到|达|为|是|突破|超过|超|逾|分别|同比|比上年|较上年|比去年|比上年同期|共计|累计|约|接近|近|将近|"
                   r"首次|控制在|保持在|保持|稳定在|缩小至|缩小到|扩大至|扩大到|提高到|提高至|提升至|提升到|下降到|下降至|降至|"
                   r"降到|回落到|回落至|上升到|上升至|升至|增至|增加到|增加至|预计|不低于|不少于|不高于|不超过|(?<!人)均|各|由|从|"
                   r"同口径|可比价|名义|实际|全年|年末|年底|新|已|去年|上年|又|再|还|也|破|将|高达|压缩至|压缩到|减少到|减少至|减至|每人每月|每人每年|每月|每年)+$")
VERB_ONLY = re.compile(r"^(?:新|又|再|还)?(?:挂牌|组织|举办|建成|完成|实施|开展|推动|推进|培育|引进|创建|打造|建设|累计|新增|共|有|其中|全年|已有|拥有|"
                       r"完工|开工|新建|改造|推出|挂牌|选树|争创|力争|确保|争取|新引进|新开工|新培育|实现|解决|帮助|带动|吸引|接待|"
                       r"承办|办理|培训|救助|资助|惠及|服务|转移|安置|帮扶|扶持|支持|减轻|减少|增加|建立|建立了|新建了|改造了|完成了|"
                       r"实现了|解决了|帮助了|达到|达|为|引导|用好|用于|安排|投入|拟安排|拟投入)?$")
# a phrase opening with a preposition or conjunction is a circumstance, not an indicator's name
PREPOSITION = re.compile(r"^(?:从|把|让|被|将|按照|根据|通过|围绕|针对|对于|为了|由于|随着|其中有|中有|和|及|或|而|但|"
                         r"在(?!建|校|岗|园(?!区)|库|职|册|线|营|读|网)|对(?!外|口)|其(?!他))")


def _cn_month(s: str) -> int:
    from zhibiao.extract.numbers import parse_chinese

    return int(parse_chinese(s))


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
    own: bool = True  # named in its own clause (not carried over from the clause before)


def figure_candidates(text: str) -> list:
    """The grammar's candidate numbers, plus Chinese numerals counting things where they state a
    figure ("新增规上工业企业一百二十家。"), not a name ("三个“一号工程”", "十项重大工程")."""
    cands = _candidates(text)
    if not re.search(r"[一二两三四五六七八九十百千]", text):
        return cands
    have = {(c.start, c.end) for c in cands}
    for n in find_numbers(text):
        if not n.chinese or n.percent or (n.start, n.end) in have or n.end - n.start < 2 or n.value < 10:
            continue
        unit = UNIT_AFTER.match(text, n.end)
        if not unit or unit.group().strip() not in COUNT_WORDS:
            continue
        after = text[unit.end():]
        if re.match(r"[\u4e00-\u9fff“]", after) and not re.match(r"以上|左右|以内|以下", after):
            continue
        cands.append(n)
    return sorted(cands, key=lambda c: c.start)


def _name_before(clause: str, pos: int) -> str:
    """The indicator named before the figure at ``pos``: the clause's words up to it, without the
    verbs and adverbs that introduce a figure."""
    name = clause[:pos]
    name = re.sub(r"^[\s、，,—\-·]+", "", name)
    lead = LEAD.match(name)
    if lead:
        name = name[lead.end():]
    name = re.sub(r"^(?:上半年|下半年|前三季度|一季度|第一季度|1\s*[-—–~～至到]\s*\d{1,2}\s*月)[，,]?", "", name)
    lead = LEAD.match(name)
    if lead:
        name = name[lead.end():]
    # "江苏全省GDP", "济南去年GDP": a place named before the indicator
    name = re.sub(r"^(?!年末|年底|全年)[\u4e00-\u9fff]{2,3}(?:全省|全市|全县|全区|去年|上年)(?=[\u4e00-\u9fffA-Za-z]{2})", "", name)
    name = re.sub(r"^(年末|年底)(?:全市|全省|全县|全区|全国)", r"\1", name)
    # "规模以上工业企业实现利润总额": the verb inside is not part of the indicator
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:实现|完成)(?=[\u4e00-\u9fff]{2})", "", name)
    for _ in range(3):
        name = TRAIL.sub("", name)
        name = GROWTH_VERB.sub("", name)
        name = DECLINE_VERB.sub("", name)
        name = re.sub(r"[（(][^）)]*$", "", name)  # an unclosed bracket belongs to the figure
        name = re.sub(r"(?:从|由)[^从由]*\d[^从由]*$", "", name)  # "城镇化率从47.5%提高到": the figure left behind
    return name.strip(" 、，,")


def _split_names(name: str, n: int) -> list[str] | None:
    """One printed name for ``n`` figures: "城镇和农村居民人均可支配收入" -> both incomes,
    "城乡居民人均可支配收入" -> 城镇… and 农村…, "规上工业企业利税总额、利润总额" -> both with the shared
    head, "固定资产投资、社会消费品零售总额" -> the two names."""
    if n == 2 and name.startswith("城乡居民"):
        return ["城镇" + name[2:], "农村" + name[2:]]
    parts = [p for p in re.split(r"、|和|及|与|以及", name) if p]
    if len(parts) != n:
        return None
    money = r"\d+(?:\.\d+)?[万亿]?元"
    if n == 2 and re.search(money + "$", parts[0]) and re.match(money, parts[1]):
        # "年经营性收入80万元、100万元以上行政村占比": two thresholds of one name
        head = re.sub(money + "$", "", parts[0])
        rest = re.sub("^" + money, "", parts[1])
        return [parts[0] + rest, head + parts[1]]
    shortest, longest = min(len(p) for p in parts), max(len(p) for p in parts)
    if n == 2 and shortest <= 4 and longest >= shortest + 3:
        head = parts[0][:-len(parts[-1])] if len(parts[0]) > len(parts[-1]) else ""
        tail = parts[-1][len(parts[0]):] if len(parts[-1]) > len(parts[0]) else ""
        if tail:
            # 城镇和农村居民人均可支配收入: the last item carries the shared rest of the name
            core = len(parts[0])
            return [p + parts[-1][core:] if i < n - 1 else p for i, p in enumerate(parts)]
        if head:
            # 规上工业企业利税总额、利润总额: the first item carries the shared head
            return [p if i == 0 else parts[0][:len(parts[0]) - len(p)] + p for i, p in enumerate(parts)]
    return parts


def _unit_at(clause: str, n) -> tuple[str | None, int]:
    if n.percent:
        return "%", n.end
    more = re.match(r"([万亿千]?)(?:多|余)", clause[n.end:])
    if more:
        m = UNIT_AFTER.match(clause, n.end + more.end())  # "3500余万人次", "4万多亿元"
        if m:
            return more.group(1) + m.group().strip(), m.end()
    m = UNIT_AFTER.match(clause, n.end)
    if not m:
        return None, n.end
    return m.group().strip(), m.end()


def clause_figures(clause: str, last_name: str | None = None, last_names: list[str] | None = None,
                   as_target: bool = False) -> tuple[list[Figure], str | None]:
    """Every figure a clause states, each with the name of what it measures ("全年实现地区生产总值
    7791亿元" -> 地区生产总值, 7791 亿元), and the last name seen (a clause like "增长7.8%" that
    names nothing speaks of the one before; "…80392元、48825元，分别增长5.0%、6.4%" speaks of the
    names of the list before, ``last_names``)."""
    out: list[Figure] = []
    figures = []
    for n in figure_candidates(clause):
        unit, unit_end = _unit_at(clause, n)
        after = clause[unit_end:]
        if unit in _MAGNITUDES and re.match(r"多|余", after):
            continue  # "4万多": the unit is missing
        if unit != "%" and re.search(r"(?:比|较)(?:上年|去年|上年末|上年底|年初)(?:末|底)?(?:增加|减少|多|少|增长|下降|净增)了?$",
                                     clause[:n.start]):
            continue  # "比上年末增加1.1万人": a change against last year, not a level
        if POINTS.match(clause[n.end:]) or (unit == "倍"):
            continue  # 提高3个百分点, 增长1.2倍: a change in points or a multiple, not a figure of its own
        if unit is None and not n.chinese and RATIO_NAME.search(
                re.sub(r"(?:缩小|扩大|下降|提高|降低|上升)?(?:至|到|为|达)?$", "", clause[:n.start])):
            figures.append((n, None, n.end))  # 城乡收入比缩小至1.65: a ratio has no unit
            continue
        if unit is None and not n.chinese and re.search(r"指数(?:为|达|达到)?$", clause[:n.start]):
            figures.append((n, None, n.end))  # 制造业高质量发展指数为89.1
            continue
        if unit is None or unit in ("年", "岁"):
            continue
        if re.match(r"^(?:以上|以下)[\u4e00-\u9fff“]", after) and unit != "%":
            continue  # "10亿元以上产业项目": a qualifier inside a name
        if re.match(r"^(?:以上|以下)?(?:的|规模|级|量级|大关|台阶|级别)", after):
            continue  # "10亿元级产业链", "万亿大关", "50强": a class, not a figure
        if unit == "条" and clause[:n.start].endswith("新"):
            continue  # "民间投资新36条": a policy's name
        if unit in ("分钟", "小时", "天", "条", "米") and re.match(r"^[\u4e00-\u9fff“”]", after):
            continue  # "15分钟公共服务圈", "民营经济33条": part of a name
        if clause[:n.start].endswith("等"):
            continue  # "…工矿、农业等9个重点领域": the count of a list just printed, not a figure
        if clause[:n.start].rstrip().endswith("±"):
            continue  # "±800千伏": a rating inside a name
        if clause[:n.start].count("“") > clause[:n.start].count("”"):
            continue  # inside quotation marks: a name such as “5+1”
        if re.search(r"(?:第|前|后|每|连续|先后)$", clause[:n.start]):
            continue  # 第2位, 前1%, 每1000人口, 连续2次: an ordinal, a base or a frequency, not a figure
        figures.append((n, unit, unit_end))
    # "年经营性收入80万元、100万元以上行政村": a figure listed with a qualifier is a qualifier too
    qualifier_at = [m.start() for m in re.finditer(r"\d+(?:\.\d+)?[万亿]?元以上[\u4e00-\u9fff]", clause)]
    figures = [f for f in figures if not any(re.fullmatch(r"、", clause[f[2]:q]) for q in qualifier_at)]
    # "从3.16万亿元增加到8.31万亿元", "由46.9%提高到48.2%": only the figure reached is a result
    kept = []
    for i, f in enumerate(figures):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt and re.search(r"(?:从|由)(?:\d{4}年(?:底|末)?的?|人均|每人每年|每人每月|每人)?$", clause[:f[0].start]) and \
                re.search(r"(?:到|至)$", clause[f[2]:nxt[0].start]):
            continue
        kept.append(f)
    figures = kept
    ranged = []
    for f in figures:
        low = re.search(r"(\d+(?:\.\d+)?)\s?[-—–~～至到]\s?$", clause[:f[0].start])
        ranged.append(low)
    if not figures:
        return out, last_name

    # Figures joined by 、/和 form a list sharing one printed name, measure and comparator.
    groups: list[list[int]] = [[0]]
    for k in range(1, len(figures)):
        between = clause[figures[k - 1][2]:figures[k][0].start]
        if re.fullmatch(r"\s*(?:左右|以上)?\s*(?:、|和|及|与)\s*", between):
            groups[-1].append(k)
        else:
            groups.append([k])

    consumed = 0
    for g_index, group in enumerate(groups):
        first = figures[group[0]]
        prev_end = figures[groups[g_index - 1][-1]][2] if g_index else 0
        prev_end = max(prev_end, min(consumed, first[0].start))  # "4个核心区、3个协同区": 核心区 was counted
        low = ranged[group[0]]
        before = clause[prev_end:low.start() if low else first[0].start]  # "试点1—2个": the name ends before 1—
        prefix = before.rstrip()
        own_name = _name_before(before, len(before))
        if g_index:
            # "GDP突破12万亿元、再上一个新台阶、人均达14.3万元": after a figure, the words since the last 、
            own_name = own_name.rsplit("、", 1)[-1]
            if not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", own_name):
                own_name = ""
        if re.fullmatch(r"[、，,\s]*累计(?:达到|达|共|建成|创建|培育|新增|完成)?", before) and last_name:
            own_name = "累计" + re.sub(r"^新增", "", last_name)  # "新增上市企业6家、累计达100家"
        if own_name.startswith("占") and last_name:
            own_name = last_name + own_name  # "高新技术产业增加值增长11.3%，占规上工业的比重为62.4%"
        if own_name in ("总数", "总量", "总计", "合计", "总规模") and last_name:
            # "新认定国家高新技术企业1100家，总数达6500家"
            own_name = re.sub(rf"^(?:新增|新认定|新培育|新引进|新建|{COUNT_VERBS})+", "", last_name) + own_name
        if own_name == "人均" and last_name:
            own_name = "人均" + last_name  # a bare 人均 speaks of the indicator just named
        names: list[str | None]
        if len(group) > 1:
            split = _split_names(own_name, len(group)) if own_name else None
            if split is None and not own_name and last_names and len(last_names) >= len(group):
                # "…80392元、48825元，分别增长5.0%、6.4%": the names of the figures just before
                split = list(last_names[-len(group):])
            names = list(split) if split else [own_name or None] + [None] * (len(group) - 1)
        else:
            names = [own_name or None]
        last_unit_end = figures[group[-1]][2]
        paren = re.match(r"[（(][\u4e00-\u9fff]{1,2}[）)]", clause[last_unit_end:])
        tail_word = clause[last_unit_end + (paren.end() if paren else 0):][:2]
        # measure and comparator from the words before the list and after its last figure
        measure_kind = "level"
        if DECLINE_VERB.search(prefix):
            measure_kind = "decline"
        elif GROWTH_VERB.search(prefix):
            measure_kind = "growth"
        verb_strip = re.sub(rf"(?:{COMPARATOR_WORDS})+$", "", prefix)
        if measure_kind == "level" and not TO_VERB.search(prefix):
            if DECLINE_VERB.search(verb_strip):
                measure_kind = "decline"
            elif GROWTH_VERB.search(verb_strip):
                measure_kind = "growth"
        comparator = "="
        if re.match(r"[万亿千]?(?:多|余)", clause[first[0].end:]):
            comparator = ">"  # "3500余万人次": more than
        bare = re.sub(r"(?:分别|均|各)$", "", prefix)
        bound = next((c for pattern, c in TARGET_BEFORE if pattern.search(bare)), None)
        if bound in (">=", "<="):
            # 不低于/不超过 state a bound; 控制在 reports a result (=) but sets a ceiling in a plan
            comparator = bound if (as_target or not bare.endswith("控制在") or tail_word in ("以内", "以下")) else "="
        elif tail_word[:2] in ("以内", "以下"):
            comparator = "<="
        elif comparator == ">" or GT_BEFORE.search(bare):
            comparator = ">"
        elif LT_BEFORE.search(bare):
            comparator = "<"
        elif APPROX_BEFORE.search(bare) or tail_word == "左右":
            comparator = "~"
        elif tail_word == "以上":
            comparator = ">="
        for pos_in_group, k in enumerate(group):
            n, unit, unit_end = figures[k]
            name = names[pos_in_group]
            if name is None:
                name = names[0] if pos_in_group else None
            value = n.value
            if ranged[k] is not None:
                value = Decimal(ranged[k].group(1))  # "1—2个": at least the low end
            if unit == "%":
                if measure_kind == "growth":
                    measure = "growth"
                elif measure_kind == "decline":
                    measure, value = "growth", -value
                else:
                    measure = "share"
            else:
                measure = "level"
            # a name that says what it measures: 居民消费价格涨幅, 城镇登记失业率
            if name and unit == "%" and GROWTH_NAME.search(name):
                measure = "growth"
            elif name and measure == "share" and LEVEL_RATE.search(name):
                measure = "level"
            if name and "、" in name and re.search(r"\d", name.rsplit("、", 1)[0]):
                name = name.rsplit("、", 1)[1]  # "…产业链1条以上、省级以上龙头企业": the last item is this figure's
            after_unit = clause[unit_end:]
            if name and re.search(r"[和及、]$", name) and re.match(r"[\u4e00-\u9fff“]{2,}", after_unit):
                name = ""  # "推出70项…场景和10个特色产业专区应用": the thing counted follows the figure
            if name and "等" in name:
                # "争取专项债、特别国债…等资金支持": the thing measured follows the list
                head = re.match(r"^(争取|引进|完成|实现|累计|新增|获得)?", name).group()
                tail_name = name.rsplit("等", 1)[1]
                name = head + tail_name if len(tail_name) >= 2 else ""
            if name and PREPOSITION.match(name) and re.search(r"(?:建设|打造|培育|新建|创建|实施|推进|引进|建成|改造|设立)$", name):
                name = ""  # "在园区、平台建设15个线下分中心": the thing counted follows the figure
            found_after = _counted_after(after_unit, unit in COUNTERS) if unit and unit != "%" and (
                not name or VERB_ONLY.match(name) or _good_name(name)) else None
            counted = found_after[0] if found_after else None
            noun_end = None
            if counted and VERB_ONLY.match(name or ""):
                # "组织4478家次企业境外参展", "68.7万农村贫困人口脱贫": the thing counted follows
                verb = name or ""
                name = verb + counted if verb.startswith("新") or verb == "累计" else counted
                noun_end = unit_end + found_after[1]
            elif counted and (unit in COUNTERS or unit.endswith(tuple(COUNTERS))) and re.match(r"[\u4e00-\u9fff“]", after_unit):
                # "推进省级特色产业集群4个核心区": what is counted follows the count word
                context = re.sub(rf"^(?:{COUNT_VERBS})+", "", name or "") if g_index == 0 else ""
                name = context + counted if context and len(counted) <= 6 and _good_name(context) else counted
                noun_end = unit_end + found_after[1]
            if name and not _good_name(name):
                continue
            own = True
            if not name or not re.search(r"[\u4e00-\u9fffA-Za-z]{2}", name):
                name, own = last_name, False
            if not name:
                continue
            last_name = name
            start = _phrase_start(clause, n.start) if pos_in_group == 0 else n.start
            if ranged[k] is not None:
                start = ranged[k].start()
            paren = re.match(r"[（(][\u4e00-\u9fff]{1,2}[）)]", clause[unit_end:])
            if paren and unit:
                unit, unit_end = unit + paren.group(), unit_end + paren.end()  # 万套（间）
            end = unit_end + (2 if clause[unit_end:unit_end + 2] in ("左右", "以上", "以内", "以下") else 0)
            if noun_end:
                end = max(end, noun_end)
                consumed = max(consumed, noun_end)
            out.append(Figure(name=name, measure=measure, text=clause[start:end],
                              comparator=">=" if ranged[k] is not None else comparator,
                              value=value, unit=unit, start=start, end=end, own=own))
    return out, last_name


COUNTERS = frozenset("个 家 项 所 座 条 场 台 艘 件 名 张 套 间 户 辆 处 批 支 类 种 场次 家次".split())
COUNT_VERBS = r"推进|推动|建设|打造|培育|创建|实施|新建|建成|完成|引进|改造|开展|举办|组织|支持|争创|力争|确保|争取|全面|加快|深化"
_COUNTED_STOP = r"(?=得到|获得|全部|均|已|被|是|始终|都|要(?!素|求|点)|将|能|可以|[和及与](?=\d)|受益|实现|完成|出成效|落地|见效|取得|入选|获|并|精彩|顺畅|顺利|圆满|成功|安全|有序|[两三四]季|连续|建设(?:[^\u4e00-\u9fff]|$)|[^\u4e00-\u9fff“”A-Za-z]|$)"
_NOT_COUNTED = re.compile(r"^(?:居|位居|列|排名|具有|有|是|为|在|并|和|及|且|以|用于|达|占|实现|完成|覆盖|左右|以上|以下|以内|多|余|次|的|等)")


def _counted_after(after: str, counter: bool = True) -> tuple[str, int] | None:
    """What a count printed before its noun counts: "10个具有辨识度的研学旅游基地" -> 研学旅游基地,
    "3家差异化管控试点企业出成效" -> 差异化管控试点企业."""
    m = re.match(r"[^，,。；;、]{0,14}?的([\u4e00-\u9fff“”A-Za-z]{2,20}?)" + _COUNTED_STOP, after) if counter else None
    if m and not re.search(r"\d", m.group()):
        return m.group(1), m.end()
    m = re.match(r"[\u4e00-\u9fff“”A-Za-z]{2,20}?" + _COUNTED_STOP, after)
    if not m or _NOT_COUNTED.match(m.group()):
        return None
    return m.group(), m.end()


def _phrase_start(clause: str, number_start: int) -> int:
    m = re.search(r"(?:同比|比上年|较上年|比去年|名义|实际|同口径)?(?:增长|下降|减少|回落|上涨|提高)?"
                  r"(?:突破|超过|超|逾|达到|达|约|为|缩小至|扩大至|提高到|提高至|降至|升至|回落到)?$",
                  clause[:number_start])
    return m.start() if m and m.group() else number_start


# --- where results are stated -------------------------------------------------------------

REVIEW_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]+、)?[ \t]*(\d{4})[ \t]*年[^\n。，,]{0,16}?"
                            r"(?:工作回顾|回顾|计划执行情况|执行情况|主要工作|工作总结)[ \t]*$")
PLAN_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]+、)?[ \t]*(\d{4})[ \t]*年[^\n。，,]{0,20}?"
                          r"(?:工作安排|主要目标|预期目标|重点工作|工作任务|总体要求|计划草案|工作部署|总体部署)[^\n。，,]{0,12}$")


THIS_YEAR_HEADING = re.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]+、)?[ \t]*(?:今年|明年)[^\n。，,]{0,16}"
                               r"(?:工作|目标|任务|安排|部署)[^\n。，,]{0,8}$")


def plan_year_of(text: str, meta: Metadata) -> int | None:
    """The year a report plans for, read from its own headings where it prints them ("2024年工作
    回顾" reviews 2024, so the plan is for 2025); the metadata's year otherwise."""
    if meta.doc_type not in ("work_report", "plan_report"):
        return meta.plan_year
    m = REVIEW_HEADING.search(text)
    if m:
        return int(m.group(1)) + 1
    m = PLAN_HEADING.search(text)
    if m:
        return int(m.group(1))
    return meta.plan_year


@dataclass
class _Zone:
    start: int
    end: int
    mode: str  # review | multi | plan


def _title_mode(title: str, plan_year: int | None) -> str | None:
    years = [int(y) for y in re.findall(r"(\d{4})\s*年", title)]
    if plan_year and any(y >= plan_year for y in years):
        return "plan"
    if REVIEW_TITLE.search(title) or (plan_year and years):
        if MULTI_TITLE.search(title) and not (plan_year and plan_year - 1 in years):
            return "multi"
        return "review"
    if PLAN_TITLE.search(title):
        return "plan"
    return None


def _zones(text: str, meta: Metadata, sections: list[Section], limit: int,
           target_sentences: list[tuple[int, int]]) -> list[_Zone]:
    if meta.doc_type == "statistical_bulletin":
        return [_Zone(0, limit, "review")]
    report = meta.doc_type in ("work_report", "plan_report")
    heads = [s for s in sections if s.level == 1 and s.span.start < limit and not s.number.startswith("附件")]
    zones: list[_Zone] = []
    mode, start, seen_plan = ("review" if report else "plan"), 0, False
    for s in heads:
        zones.append(_Zone(start, s.span.start, mode))
        m = _title_mode(s.title, meta.plan_year)
        if m is None:
            m = "plan" if (seen_plan or not report) else mode
        seen_plan = seen_plan or m == "plan"
        mode, start = m, s.span.start
    zones.append(_Zone(start, limit, mode))
    if report:
        # The year's targets, or a heading for the plan year printed without a number, end the
        # review: what follows speaks of the plan year (reports without numbered headings, news
        # excerpts of a work report).
        cuts = [a for a, _b in target_sentences] + [m.start() for m in PLAN_HEADING.finditer(text, 0, limit)
                                                    if not meta.plan_year or int(m.group(1)) >= meta.plan_year]
        cuts += [m.start() for m in THIS_YEAR_HEADING.finditer(text, 0, limit)]
        for a in sorted(cuts):
            z = next((z for z in zones if z.start <= a < z.end), None)
            if z is None or z.mode != "review" or (heads and any(h.span.start <= a for h in heads)
                                                    and _title_mode(_head_at(heads, a).title, meta.plan_year) == "review"):
                continue
            out = []
            for zz in zones:
                if zz.end <= a:
                    out.append(zz)
                elif zz.start >= a:
                    out.append(_Zone(zz.start, zz.end, "plan"))
                else:
                    out += [_Zone(zz.start, a, zz.mode), _Zone(a, zz.end, "plan")]
            zones = out
            break
    return [z for z in zones if z.end > z.start]


def _head_at(heads: list[Section], pos: int) -> Section:
    return [h for h in heads if h.span.start <= pos][-1]


def _opening_time(head: str, plan_year: int | None, bulletin: bool) -> tuple[str | None, int | None]:
    """What the opening words of a paragraph or sentence say about its time: ("review", year),
    ("multi", None), ("plan", None) or (None, None) when they say nothing."""
    years = list(EXPLICIT_YEAR.finditer(head))
    m = years[-1] if years else None  # the time adverbial is the year nearest the words that follow
    multi = MULTI.search(head)
    if m:
        y = int(m.group(1))
        if multi and multi.start() < m.start():
            return "multi", None
        if bulletin or plan_year is None or y < plan_year:
            return "review", y
        return "plan", None
    if LAST_YEAR.search(head):
        return "review", None
    if multi:
        return "multi", None
    if FUTURE.search(head) and not bulletin:
        return "plan", None
    return None, None


def _region_level(name: str | None) -> str | None:
    if not name:
        return None
    if name in ("中华人民共和国", "全国"):
        return "national"
    if name.endswith(("省", "自治区")) or name in ("北京市", "上海市", "天津市", "重庆市"):
        return "province"
    if name.endswith(("县", "区", "旗", "镇")):
        return "county"
    return "prefecture"


OTHER_REGION = {
    "national": None,
    "province": re.compile(r"^(?:全国|我国|中国)"),
    "prefecture": re.compile(r"^(?:全国|我国|全省|我省|中国)"),
    "county": re.compile(r"^(?:全国|我国|全省|我省|全市|我市|中国)"),
}


@dataclass
class _Found:
    figure: Figure
    start: int
    end: int
    year: int | None
    period: tuple[int, int] | None
    estimated: bool
    rank: str | None = None


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def find_results(text: str, meta: Metadata, sections: list[Section], blocked: list[tuple[int, int]],
                 limit: int | None = None) -> list[_Found]:
    """Every result stated in ``text[:limit]`` with its year; ``blocked`` are target sentences."""
    limit = len(text) if limit is None else limit
    bulletin = meta.doc_type == "statistical_bulletin"
    meta = dataclasses.replace(meta, plan_year=plan_year_of(text, meta))
    plan_year = meta.plan_year
    year0 = plan_year if bulletin else (plan_year - 1 if plan_year else None)
    # a document of unknown region is at least not the country's
    other_region = OTHER_REGION.get(_region_level(meta.region_name) or "province")
    target_sentences = [b for b in blocked if b[1] - b[0] > 0]
    out: list[_Found] = []
    for zone in _zones(text, meta, sections, limit, target_sentences):
        pos = zone.start
        for para in text[zone.start:zone.end].split("\n"):
            p_start, p_end = pos, pos + len(para)
            pos = p_end + 1
            if not re.search(r"\d|[一二三四五六七八九十百千万]", para):
                continue
            p_mode, p_year = _opening_time(re.split(r"[，,。；;：:]", para.lstrip(), maxsplit=1)[0][:30],
                                           plan_year, bulletin)
            if p_mode == "review" and p_year is None:
                p_year = year0
            if p_mode is None:
                p_mode, p_year = zone.mode, year0
            p_base, p_base_year = p_mode, p_year
            para_estimated = False
            for s, e in _sentences(text, p_start, p_end):
                # a sentence that opens with its own time sets it for the rest of the paragraph
                # ("…收官之年。过去五年，…。城镇新增就业人数超过6400万人。" speaks of five years)
                lead = re.split(r"[，,：:；;]", text[s:e].lstrip(), maxsplit=1)[0]
                lead = lead if len(lead) <= 40 else lead[:12]  # a time adverbial opens a long clause
                s_mode, s_year = _opening_time(lead, plan_year, bulletin)
                if s_mode is None and re.match(r"\s*(?:全年|年末|年底)", text[s:e]) and p_base == "review":
                    s_mode, s_year = "review", p_base_year
                para_estimated = _sentence(text, s, e, p_mode, p_year, year0, plan_year, bulletin, blocked,
                                           other_region, para_estimated, out)
                if s_mode is not None:
                    p_mode, p_year = s_mode, (s_year if s_year is not None or s_mode != "review" else year0)
    return out


def _sentence(text: str, s: int, e: int, p_mode: str, p_year: int | None, year0: int | None,
              plan_year: int | None, bulletin: bool, blocked: list[tuple[int, int]], other_region,
              para_estimated: bool, out: list[_Found]) -> bool:
    sentence = text[s:e]
    cands = figure_candidates(sentence)
    if not cands:
        return para_estimated or bool(re.search(r"下同", sentence) and ESTIMATE.search(sentence))
    head = sentence[:cands[0].start]
    mode, year = _opening_time(head, plan_year, bulletin)
    if mode is None:
        mode, year = p_mode, p_year
    elif mode == "review" and year is None:
        year = year0
    if mode != "review":
        return para_estimated
    if re.search(r"下同", sentence) and ESTIMATE.search(sentence):
        para_estimated = True
    est_at = ESTIMATE.search(sentence)
    period = None
    for pattern, fn in PERIOD:
        pm = pattern.search(head) or pattern.match(sentence)
        if pm:
            period = fn(pm)
            break
    first_here = len(out)
    last_name: str | None = None
    recent: list[str] = []  # names of the sentence's figures, latest last
    offset = 0
    stop = False
    prev_clause_found: list[_Found] = []
    pending: list[_Found] = []  # figures since the last rank
    for clause in CLAUSE_SPLIT.split(sentence):
        c_start = s + offset
        offset += len(clause) + 1
        if not clause.strip():
            continue
        if stop and not bulletin and (LAST_YEAR.match(clause.lstrip()) or _last_year_at(clause, plan_year)):
            stop = False  # "…五年累计…，去年达到…": last year again
        if stop:
            continue
        if any(a < c_start + len(clause) and c_start < b for a, b in blocked):
            continue  # a target sentence: never a result
        if FUTURE.search(clause) and not bulletin:
            stop = True  # "今年全省地区生产总值预期增长6.5%": the rest speaks of the plan
            continue
        rank_m = RANK.search(clause)
        if rank_m and not _candidates(clause[:rank_m.start()]):
            several = len(re.findall(r"第[一二三四五六七八九十\d]+", rank_m.group())) > 1 or rank_m.group().startswith("均")
            _give_rank(rank_m.group(), pending if several else prev_clause_found)
            pending = []
        if MULTI.search(clause) and not _last_year_at(clause, plan_year):
            stop = True  # "五年累计培育…，累计新增…": the years before last
            continue
        if (SOFT_FUTURE.search(clause) and not bulletin) or ELSEWHERE.search(clause) or AVERAGE.search(clause):
            subject = _subject(clause)
            if subject and not ELSEWHERE.search(clause):
                last_name = subject  # "年初确定的地区生产总值增长6.5%的目标顺利完成，实际增长7.1%"
            continue
        if other_region and other_region.match(re.sub(r"^(?:其中|同期|而|但)", "", clause.lstrip())) \
                and not re.match(r"^(?:全国|全省)(?:第|前|首|领先)", clause.lstrip()):
            continue  # "全国居民消费价格上涨0.2%": another region's figure
        if re.search(r"全年|年末|年底", clause):
            period = None  # "上半年…增长7.2%，全年增长6.5%"
        for pattern, fn in PERIOD:
            pm = pattern.match(clause.lstrip())
            if pm:
                period = fn(pm)
                break
        figures, last_name = clause_figures(clause, last_name, recent)
        for f in figures:
            if f.name in recent:
                recent.remove(f.name)
            recent.append(f.name)
        if not figures and not rank_m:
            subject = _subject(clause)
            if subject:
                last_name = subject  # "消费对经济增长的贡献率上升3个百分点，达到51.2%"
        found = []
        for f in figures:
            a = c_start + f.start
            estimated = para_estimated or bool(est_at and s + est_at.start() <= a) or \
                bool(re.match(r"\s*[（(]\s*预计", clause[f.end:]))
            found.append(_Found(f, a, c_start + f.end, year, period, estimated))
        if rank_m and found and _candidates(clause[:rank_m.start()]):
            _give_rank(rank_m.group(), [x for x in found if x.start < c_start + rank_m.start()])
            pending = []
        elif found:
            pending += found
        if found:
            prev_clause_found = found
            out.extend(found)
    # "突破9000亿元，达到9180亿元": the exact figure makes the bound redundant
    mine = out[first_here:]
    for f in mine:
        if f.figure.comparator == ">" and any(
                g is not f and g.figure.comparator == "=" and (g.figure.name, g.figure.measure, g.figure.unit)
                == (f.figure.name, f.figure.measure, f.figure.unit) for g in mine):
            out.remove(f)
    # a "(预计数)" note after the sentence's figures covers them all
    if re.search(r"[（(]\s*预计", sentence):
        for f in out[first_here:]:
            f.estimated = True
    return para_estimated


SUBJECT_VERB = re.compile(r"屡|再创|创|持续|保持|实现|稳步|连续|不断|继续|进一步|大幅|明显|稳定|较快|快速|首次|取得|获得|位居|居|"
                          r"达到|突破|超过|上升|提高|下降|增长|回落")


def _subject(clause: str) -> str | None:
    """The indicator a clause without a usable figure speaks of, for the clauses after it:
    "粮食产量屡创历史新高，去年达到1.09万亿斤"."""
    cands = _candidates(clause)
    if cands:
        name = _name_before(clause, cands[0].start)
        name = re.sub(r"^.*(?:确定|下达|提出|制定|设定|明确)的", "", name)  # "年初确定的地区生产总值"
    else:
        m = SUBJECT_VERB.search(clause)
        name = _name_before(clause, m.start()) if m else ""
    if not (2 <= len(name) <= 20) or not re.search(r"[\u4e00-\u9fff]{2}", name) or PREPOSITION.match(name) \
            or re.search(r"我们|工作|政策|改革|建设|发展$|[，,。]", name) or VERB_ONLY.match(name):
        return None
    return name


BAD_NAME_END = re.compile(r"(?:使|了|和|与|及|又|的|给|让|向|对|把|被|在|从|为|以|将|到人|等|或)$")
BAD_NAME_START = re.compile(r"^(?:多|余|个|位|平均每天|每天|名|项|家)")


def _good_name(name: str) -> bool:
    """Whether the words before a figure read as an indicator's name, not a circumstance or a verb."""
    return not (BAD_NAME_END.search(name) or BAD_NAME_START.match(name) or PREPOSITION.match(name)
                or re.search(r"[>|/\\±]|\d{4}年|\d$", name) or (VERB_ONLY.match(name) and len(name) <= 4))


def _last_year_at(clause: str, plan_year: int | None) -> bool:
    head = re.sub(r"^\s*(?:其中|同时|而|但)?", "", clause)[:12]
    if LAST_YEAR.match(head):
        return True
    m = EXPLICIT_YEAR.match(head)
    return bool(m and plan_year and int(m.group(1)) == plan_year - 1)


def _give_rank(rank: str, found: list[_Found]) -> None:
    """"居全省第2位" qualifies the figures just before it; "分别居全省第2位、第3位" one each."""
    free = [f for f in found if f.rank is None]
    if not free:
        return
    parts = re.findall(r"第[一二三四五六七八九十\d]+(?:位|名)?", rank)
    if len(parts) > 1 and len(parts) == len(free):
        prefix = rank[:rank.index(parts[0])]
        prefix = re.sub(r"^(?:分居|分别居|均居)", "居", prefix)
        for f, p in zip(free, parts):
            f.rank = prefix + (p if p.endswith(("位", "名")) else p + "位")
        return
    for f in free:
        f.rank = re.sub(r"^(?:分别居|均居)", "居", rank)


def _own_region_words(region: str | None) -> re.Pattern | None:
    if not region:
        return None
    short = re.sub(r"(?:省|市|自治区|特别行政区|自治州|地区|盟|县|自治县|区|旗)$", "", region)
    if region == "中华人民共和国":
        short = "中国|我国"
    if len(short) < 2 and region != "中华人民共和国":
        return None
    return re.compile(rf"^(?:{short})(?:全省|全市|全县|全区|全国|省|市|县)?(?:去年|上年)?")


def extract_actuals(doc: Document, meta: Metadata, sections: list[Section], targets: list[Target]) -> list[Actual]:
    """The results ``doc`` states for earlier periods, each with its year (and period) and span in
    the normalised text. ``source_span`` and ``page`` are left for the pipeline to fill."""
    text = doc.search_text
    limit = doc.normalized.table_zone if doc.normalized.table_zone is not None else len(text)
    blocked = [] if meta.doc_type == "statistical_bulletin" else list(find_target_sentences(text))
    blocked += [(t.span.start, t.span.end) for t in targets if t.span is not None]
    out: list[Actual] = []
    seen = set()
    own = _own_region_words(meta.region_name)
    for f in find_results(text, meta, sections, blocked, limit):
        fig = f.figure
        if f.year is None:
            continue  # a result whose year cannot be told is no use for tracking, and may mislead
        if own:
            rest = own.sub("", fig.name)
            if len(rest) >= 2 and re.search(r"[\u4e00-\u9fffA-Za-z]{2}", rest):
                fig.name = rest  # "江苏全省GDP" -> "GDP"
        span = Span(f.start, f.end)
        period = None
        if f.period and f.year:
            period = f"{f.year}-{f.period[0]:02d}/{f.year}-{f.period[1]:02d}"
        key = (fig.name, fig.measure, fig.value, fig.unit, f.year, period)
        if key in seen:
            continue  # a result restated (a news excerpt's headline and body)
        seen.add(key)
        near = Span(max(0, f.start - 200), f.end)  # the name's characters are printed around the figure
        out.append(Actual(
            name=doc.printed(fig.name, near), measure=fig.measure, text=doc.printed(fig.text, span),
            comparator=fig.comparator, value=fig.value, unit=doc.printed(fig.unit, span) if fig.unit else None,
            year=f.year, period=period, estimated=f.estimated, rank=doc.printed(f.rank, Span(f.start, min(len(text), f.end + 40)))
            if f.rank else None, span=span,
        ))
    return out

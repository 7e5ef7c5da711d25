"""Coordination: one printed name standing for several indicators, expanded the same way for
targets, actuals and commitments.

* a list of names sharing a predicate: "一般公共预算收入、城乡居民人均可支配收入增长" → both, the
  shared 增长 carried over (:func:`split_subjects`);
* a name and several values taken in order (分别): "城乡居民人均可支配收入分别增长6%、7%" →
  城镇居民… and 农村居民…; "三次产业增加值分别增长…" → 第一/第二/第三产业增加值; "城镇和农村居民人均
  可支配收入" → both incomes; "规上工业企业利税总额、利润总额" → both with the shared head
  (:func:`split_names`). The word pairs (城乡 → 城镇 + 农村 …) are data: ``lexicon.yaml``.
"""
from __future__ import annotations

import re

from zhibiao.extract.lexicon import LEX
from zhibiao.extract.tables import is_name_like

JOINERS = re.compile(LEX.alt("names.list_joiners"))
# 和 joins words inside a name too (研究和试验发展), so a subject list splits on 、和及 only
SUBJECT_JOINERS = ("、", "和", "及")
# the measure a list of subjects shares, with the amount it is of (…和高端装备制造业增加值|增速均高于…)
MEASURE_SUFFIX = re.compile(rf"((?:{LEX.alt('names.shared_tails')})?(?:{LEX.alt('targets.shared_measures')}))$")
_COORDINATIONS = LEX.mapping("names.coordinations")
# a coordinated word, after a place of one's own (dropped) and other words of the name (kept)
_COORDINATION = re.compile(rf"^(?:{LEX.alt('names.own_region_words')})?([^、和及与]{{0,12}}?)({'|'.join(sorted(map(re.escape, _COORDINATIONS), key=len, reverse=True))})")
# the measure a list's last item ends with, shared by the items before it (粮食、油料、蔬菜产量)
MEASURE_TAIL = re.compile(rf"(?:{LEX.alt('names.shared_tails')})$")
SHARED_HEAD = re.compile(rf"^(?:{LEX.alt('names.intensity_heads', 'names.shared_heads')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
INTENSITY_HEAD = re.compile(rf"^(?:{LEX.alt('names.intensity_heads')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
INTENSITY_HEADS = frozenset(LEX.words("names.intensity_heads"))
BARE_MEASURES = frozenset(LEX.words("names.bare_measures"))
TOTAL_ONLY = re.compile(rf"^(?:{LEX.alt('names.total_only')})")
_MONEY = r"\d+(?:\.\d+)?[万亿]?元"
# a verb opening a list of names governs each of them (新增城镇和农村公益性岗位: 新增 both)
LEAD_VERB = re.compile(rf"^(?:{LEX.alt('names.new_leads', 'names.count_verbs')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
NEW_LEAD = re.compile(rf"^(?:{LEX.alt('names.new_leads')})(?=[\u4e00-\u9fffA-Za-z]{{2}})")


def _takes_head(head: str, part: str) -> bool:
    """Does a later name of a list take the head the first printed (单位地区生产总值 … 二氧化碳排放)? Not
    when it prints a head of its own, nor a pollutant an intensity head (pollutants are cut in total)."""
    return not SHARED_HEAD.match(part) and not (head in INTENSITY_HEADS and TOTAL_ONLY.match(part))


def share_head(first: str, part: str, same_unit: bool = False) -> str:
    """A name listed after ``first`` with the head ``first`` opens with when it prints none of its own
    (粮食播种面积…、产量… → 粮食产量; 单位地区生产总值能耗…、二氧化碳排放… → 单位地区生产总值二氧化碳
    排放): a bare measure (产量, 利润) takes a head word, any name an intensity head — not a thing of its
    own (粮食总产量…、生猪出栏…); failing a head, the lead a count of new things opens with
    (``share_lead``)."""
    lead = LEAD_VERB.match(first)  # (确保粮食播种面积…: the verb governs the list, the head follows it)
    head = SHARED_HEAD.match(first[lead.end():] if lead else first)
    if head is None or not (part in BARE_MEASURES or head.group() in INTENSITY_HEADS) or not _takes_head(head.group(), part):
        return share_lead(first, part) if same_unit else part
    return head.group() + part


def share_lead(first: str, part: str) -> str:
    """A thing counted by the same counter as ``first`` (家, 个 …) after a count of new things, with no
    verb of its own, is new too (新增规上工业企业80家、高新技术企业60家 → 新增高新技术企业: an
    increment, not a stock)."""
    if LEAD_VERB.match(part) is not None:
        return part
    lead = LEAD_VERB.match(first)
    new = NEW_LEAD.match(first[lead.end():] if lead and not NEW_LEAD.match(first) else first)  # (力争新增…)
    return new.group() + part if new is not None else part


# the members of each coordinated word (城镇, 农村 of 城乡): siblings, one standing for another in a list
_SIBLINGS = [frozenset(members) for members in _COORDINATIONS.values()]


def _sibling_at(first: str, last: str) -> int:
    """Where a list's last item goes on past the sibling it opens with of the word its first item ends
    with (城镇 … 农村居民人均可支配收入 → after 农村), else 0."""
    for members in _SIBLINGS:
        for word in members:
            if last.startswith(word) and len(last) > len(word) and any(
                    first.endswith(other) for other in members if other != word):
                return len(word)
    return 0


def expand_coordination(name: str, n: int) -> list[str] | None:
    """城乡居民人均可支配收入 → [城镇居民人均可支配收入, 农村居民人均可支配收入], the words before
    the coordinated word kept (金融机构本外币存贷款余额 → …存款余额, …贷款余额), when it has ``n``
    members."""
    m = _COORDINATION.match(name)
    if not m:
        return None
    members = _COORDINATIONS[m.group(2)]
    rest = name[m.end():]
    if len(members) != n or JOINERS.search(rest):
        return None  # (进出口总额、实际使用外资: a list of names, the word opening its first)
    return [m.group(1) + member + rest for member in members]


def split_names(name: str, n: int) -> list[str] | None:
    """One printed name for ``n`` figures taken in order, or ``None`` when it does not divide."""
    lead = LEAD_VERB.match(name)
    if lead:
        inner = split_names(name[lead.end():], n)
        if inner:
            return [lead.group() + part for part in inner]
    composed = expand_coordination(name, n)
    if composed:
        return composed
    parts = [p for p in JOINERS.split(name) if p]
    if len(parts) != n:
        return None
    if n == 2 and re.search(_MONEY + "$", parts[0]) and re.match(_MONEY, parts[1]):
        # "年经营性收入80万元、100万元以上行政村占比": two thresholds of one name
        head = re.sub(_MONEY + "$", "", parts[0])
        rest = re.sub("^" + _MONEY, "", parts[1])
        return [parts[0] + rest, head + parts[1]]
    shortest, longest = min(len(p) for p in parts), max(len(p) for p in parts)
    short_items = shortest <= 4 and longest >= shortest + 3
    modifiers = not any(is_name_like(p) for p in parts[:-1])  # (the items before the last name nothing whole)
    measure = MEASURE_TAIL.search(parts[-1]) if modifiers else None
    if measure is not None:
        # 粮食、油料、蔬菜产量; 高新技术产业、装备制造业增加值: items naming no measure share the last's
        return [p + measure.group() for p in parts[:-1]] + [parts[-1]]
    short_first = short_items and all(len(p) <= 4 for p in parts[:-1])
    if len(parts[-1]) > len(parts[0]) and (short_first or modifiers):
        # 城镇和农村居民人均可支配收入, 农村常住居民、城镇常住居民人均可支配收入: the last item carries
        # the rest of the name the first items open — after the word they end with (民间投资和制造业
        # 投资占全部投资比重), else after as many characters; an item that is a name in its own right
        # (生产总值、一般公共预算收入) takes nothing but what follows its own last word
        k = parts[-1].find(parts[0][-2:])
        if 0 <= k and k + 2 < len(parts[-1]):
            return [p + parts[-1][k + 2:] if i < n - 1 else p for i, p in enumerate(parts)]
        sibling = _sibling_at(parts[0], parts[-1])
        if sibling:
            # 实际城镇、农村居民人均可支配收入: the first item ends with the word the last opens with a
            # sibling of (城镇 ↔ 农村): the rest is what follows the sibling, whatever stands before the word
            return [p + parts[-1][sibling:] if i < n - 1 else p for i, p in enumerate(parts)]
        if short_first and not is_name_like(parts[0]):
            tail = parts[-1][len(parts[0]):]
            return [p + tail if i < n - 1 else p for i, p in enumerate(parts)]
    if short_items and len(parts[0]) > len(parts[-1]) and all(len(p) <= 4 for p in parts[1:]):
        # 规上工业企业利税总额、利润总额, 生产安全事故起数、死亡人数: the first item's head is shared by
        # the short items after it ending as it does (the words they stand for); another measure
        # takes the head word only (规上工业增加值、利润 → 规上工业利润; 社会消费品零售总额、网上零售)
        word = SHARED_HEAD.match(parts[0])
        out = [parts[0]]
        for p in parts[1:]:
            if p[-1] == parts[0][-1]:
                out.append(parts[0][:len(parts[0]) - len(p)] + p)
            else:
                out.append(word.group() + p if word is not None else p)
        return out
    shared = INTENSITY_HEAD.match(parts[0])
    if shared:
        # 单位地区生产总值能源消耗和二氧化碳排放分别降低…: the head is shared (as by split_subjects)
        return [shared.group() + p if i and _takes_head(shared.group(), p) else p for i, p in enumerate(parts)]
    return parts


def split_subjects(names: str, and_joins: bool = False) -> list[tuple[str, int, int]]:
    """Names sharing one predicate, each with its offsets in ``names``: "一般公共预算收入、城乡居民
    人均可支配收入增长" → both, the shared 增长 carried over."""
    parts = []
    pos = 0
    for piece in re.split(r"(、|和|及)", names):
        if piece in SUBJECT_JOINERS:
            pos += len(piece)
            continue
        if piece:
            parts.append((piece, pos, pos + len(piece)))
        pos += len(piece)
    if len(parts) < 2 or any(len(p[0]) < 2 for p in parts):
        return [(names, 0, len(names))]
    head = SHARED_HEAD.match(parts[0][0])
    # "和" joins words inside one name too (研究和试验发展, 生态环保城市更新和水利设施投资); split on it
    # only when the part before it is an indicator's name in its own right, or names a head the
    # short parts after it share (粮食播种面积和产量).
    shares_head = head is not None and all(len(p[0]) < 4 for p in parts[1:])
    # a target in words (完成省下达目标, 稳中提质) names no figure: 和 between two full names joins them
    whole_names = and_joins and all(len(p[0]) >= 4 for p in parts)
    if "、" not in names and not shares_head and not whole_names and (
            any(len(p[0]) < 4 for p in parts) or not is_name_like(parts[0][0])):
        return [(names, 0, len(names))]
    suffix = MEASURE_SUFFIX.search(parts[-1][0])
    out = []
    for i, (p, s, e) in enumerate(parts):
        if suffix and i < len(parts) - 1 and not MEASURE_SUFFIX.search(p):
            p = p + suffix.group()
        if i and head and (shares_head or len(p) >= 4) and _takes_head(head.group(), p):
            p = head.group() + p  # 单位地区生产总值能耗和二氧化碳排放: the head is shared
        out.append((p, s, e))
    return out

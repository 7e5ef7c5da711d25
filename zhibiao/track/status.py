"""Where each target stands: its status against the actual figure, and why.

The rules deciding a status are data (``track/rules.yaml``, first match wins); the tests they
name are here. Every status carries a one-line explanation naming the actual, its value and the
document (or import) it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from zhibiao.errors import InputError
from zhibiao.models import json_number

STATUSES = ("achieved", "basically_achieved", "missed", "on_track", "behind", "pending", "needs_review")
SCALE = {"万亿元": Decimal(10) ** 12, "亿元": Decimal(10) ** 8, "千万元": Decimal(10) ** 7, "万元": Decimal(10) ** 4,
         "元": Decimal(1), "亿美元": Decimal(10) ** 8, "万美元": Decimal(10) ** 4, "万亿美元": Decimal(10) ** 12,
         "万人": Decimal(10) ** 4, "人": Decimal(1), "亿人次": Decimal(10) ** 8, "万人次": Decimal(10) ** 4,
         "万吨": Decimal(10) ** 4, "吨": Decimal(1), "亿吨": Decimal(10) ** 8, "万亩": Decimal(10) ** 4,
         "亩": Decimal(1)}
PERCENTISH = {"%", "‰", "百分点", None}


@dataclass
class Actual:
    value: Decimal
    unit: str | None
    text: str
    document: str
    span: list[int] | None
    year: int | None
    period: str | None
    estimated: bool
    comparator: str = "="
    citation: dict | None = None  # where the figure can be checked (zhibiao.track.citations.cite_line)


@dataclass
class TargetLine:
    name: str
    indicator: str | None
    text: str
    kind: str | None
    comparator: str | None
    value: Decimal | None
    value_high: Decimal | None
    unit: str | None
    year: int | None
    reference: str | None
    direction: str = "up"
    document: str | None = None
    span: list[int] | None = None
    parent: str | None = None


@dataclass
class Status:
    status: str
    explanation: str
    actual: Actual | None = None
    rule: str | None = None


@dataclass
class Rules:
    tolerance: dict[str, float]
    rules: list[dict[str, Any]]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Rules":
        if path is None:
            return _default_rules()
        p = Path(path)
        try:
            data = yaml.safe_load(p.read_text("utf-8"))
        except OSError as exc:
            raise InputError(f"{p}: cannot read the rules file: {exc.strerror or exc}") from None
        except yaml.YAMLError as exc:
            raise InputError(f"{p}: not valid YAML: {exc}") from None
        return cls.from_data(data, str(p))

    @classmethod
    def from_data(cls, data: Any, source: str) -> "Rules":
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise InputError(f"{source}: expected a mapping with a 'rules' list")
        for i, r in enumerate(data["rules"], 1):
            if not isinstance(r, dict) or ("status" not in r and "test" not in r):
                raise InputError(f"{source}: rule #{i} needs a 'status' or a 'test'")
            if "status" in r and r["status"] not in STATUSES:
                raise InputError(f"{source}: rule #{i}: unknown status {r['status']!r}")
            if "test" in r and r["test"] not in TESTS:
                raise InputError(f"{source}: rule #{i}: unknown test {r['test']!r} (one of {sorted(TESTS)})")
        tol = {"percent_points": 0.5, "relative": 0.05, "sync_points": 1.0, "progress_margin": 0.0}
        tol.update(data.get("tolerance") or {})
        return cls(tol, data["rules"])


@lru_cache(maxsize=1)
def _default_rules() -> Rules:
    text = resources.files("zhibiao.track").joinpath("rules.yaml").read_text("utf-8")
    return Rules.from_data(yaml.safe_load(text), "rules.yaml (bundled)")


def fmt(value: Decimal | None, unit: str | None = None) -> str:
    if value is None:
        return "?"
    return f"{json_number(value)}{unit or ''}"


def convert(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """The value in another unit (亿元 -> 万亿元), or None when the units do not compare."""
    if unit == to_unit or (unit in PERCENTISH and to_unit in PERCENTISH and "‰" not in (unit, to_unit)):
        return value
    if unit in SCALE and to_unit in SCALE and (unit[-1] == to_unit[-1] or unit.endswith(to_unit[-2:])):
        return value * SCALE[unit] / SCALE[to_unit]
    return None


class Context:
    """What tests need beyond the target and its actual: other indicators' actuals, the superior
    region's targets."""

    def actual_of(self, indicator: str, year: int | None) -> Actual | None:  # pragma: no cover - interface
        return None

    def parent_target(self, target: TargetLine) -> TargetLine | None:  # pragma: no cover - interface
        return None


def _compare(t: TargetLine, a: Actual, tol: dict, partial: bool = False) -> Status:
    value = convert(a.value, a.unit, t.unit)
    if value is None:
        return Status("needs_review", f"实际 {a.text} 的单位与目标 {t.text} 不可比 (units differ: {a.unit} vs {t.unit})", a)
    good, bad = ("on_track", "behind") if partial else ("achieved", "missed")
    comp = t.comparator
    direction = t.direction
    if comp == "=":
        comp = ">=" if direction == "up" else "<="
    v, hi = t.value, t.value_high
    pct = t.unit in PERCENTISH
    slack = Decimal(str(tol["percent_points"])) if pct else abs(v) * Decimal(str(tol["relative"])) if v else Decimal(0)
    if comp == ">=":
        ok = value >= v
    elif comp == ">":
        ok = value > v
    elif comp == "<=":
        ok = value <= v
    elif comp == "<":
        ok = value < v
    elif comp == "range":
        ok = v <= value <= hi or (direction == "up" and value > hi) or (direction != "up" and value < v)
    elif comp == "~":
        if direction == "up":
            ok = value >= v
        else:
            ok = value <= v
        if not ok and abs(value - v) <= slack:
            src = f"{a.document}"
            return Status("on_track" if partial else "basically_achieved",
                          f"实际 {fmt(value, t.unit)} 接近目标 {t.text}（容差 {fmt(slack, t.unit)}），来源 {src}", a)
    else:
        return Status("needs_review", f"比较符 {t.comparator!r} 无法判断", a)
    status = good if ok else bad
    verb = "达到" if ok else "未达到"
    return Status(status, f"实际 {fmt(value, t.unit)}{'（预计）' if a.estimated else ''} {verb}目标 {t.text}，来源 {a.document}", a)


def _relative(t: TargetLine, a: Actual | None, ctx: Context, tol: dict) -> Status:
    ref = (t.reference or "")
    ref_indicator = "gdp_growth" if any(w in ref for w in ("经济", "GDP", "生产总值", "经济发展")) else None
    if "投资" in ref:
        ref_indicator = "fai_growth"
    if ref_indicator is None:
        return Status("needs_review", f"参照指标“{ref}”无法识别，需人工判断", a)
    if a is None:
        return Status("pending", "尚无实际数据 (no actual figure yet)")
    r = ctx.actual_of(ref_indicator, t.year)
    if r is None:
        return Status("pending", f"参照指标 {ref_indicator} 尚无实际数据", a)
    synced = any(w in t.text for w in ("同步", "相适应", "相协调"))
    if synced:
        ok = a.value >= r.value or abs(a.value - r.value) <= Decimal(str(tol["sync_points"]))
        rel = "同步" if ok else "未同步"
    else:
        ok = a.value > r.value
        rel = "高于" if ok else "未高于"
    return Status("achieved" if ok else "missed",
                  f"实际 {fmt(a.value, a.unit)}（{a.document}）{rel}参照 {fmt(r.value, r.unit)}（{r.document}）", a)


def _assigned(t: TargetLine, a: Actual | None, ctx: Context, tol: dict) -> Status:
    superior = ctx.parent_target(t)
    if superior is None or superior.kind != "numeric":
        return Status("pending" if a is None else "needs_review", "上级下达目标未入库，无法判断 (the superior region's "
                      "target is not stored)", a)
    if a is None:
        return Status("pending", f"上级目标 {superior.text}，尚无实际数据")
    s = _compare(superior, a, tol)
    s.explanation += f"（按上级目标 {superior.text}）"
    return s


def _progress(t: TargetLine, a: Actual, tol: dict) -> Status:
    months = 12
    if a.period and "/" in a.period:
        try:
            months = int(a.period.split("/")[1].split("-")[1])
        except (IndexError, ValueError):
            months = 12
    if t.unit in PERCENTISH or t.comparator in ("~",):
        return _compare(t, a, tol, partial=True)  # rates compare directly
    value = convert(a.value, a.unit, t.unit)
    if value is None or not t.value:
        return Status("needs_review", "进度无法计算 (units differ)", a)
    done = value / t.value
    share = Decimal(months) / 12 - Decimal(str(tol["progress_margin"]))
    ok = done >= share
    return Status("on_track" if ok else "behind",
                  f"1-{months}月完成 {fmt(value, t.unit)}，为目标的 {round(done * 100, 1)}%，时序进度 "
                  f"{round(Decimal(months) / 12 * 100, 1)}%，来源 {a.document}", a)


def _required_rate(t: TargetLine, a: Actual, ctx: Context, tol: dict) -> Status:
    """A target for a later year (到2025年…): is the observed yearly change at least the change
    still needed each year to reach it?"""
    value = convert(a.value, a.unit, t.unit)
    if value is None or t.value is None or t.year is None or a.year is None:
        return Status("needs_review", f"目标 {t.text}（{t.year}年）与最近实际 {a.text} 不可比", a)
    up = t.direction == "up" and t.comparator not in ("<=", "<")
    reached = value >= t.value if up else value <= t.value
    if reached:
        return Status("on_track", f"{a.year}年实际 {fmt(value, t.unit)} 已达到{t.year}年目标 {t.text}，来源 {a.document}", a)
    previous = ctx.actual_of(t.indicator, a.year - 1) if t.indicator else None
    if previous is None:
        return Status("pending", f"目标年份 {t.year}，最近实际 {fmt(value, t.unit)}（{a.year}年，来源 {a.document}）；"
                                 f"缺少上一年实际，无法计算年均进度", a)
    before = convert(previous.value, previous.unit, t.unit)
    observed = value - before if before is not None else None
    required = (t.value - value) / (t.year - a.year)
    ok = observed is not None and (observed >= required if up else observed <= required)
    return Status("on_track" if ok else "behind",
                  f"{a.year}年实际 {fmt(value, t.unit)}，年变化 {fmt(observed, t.unit)}，到{t.year}年需每年 "
                  f"{fmt(required.quantize(Decimal('0.01')), t.unit)}，来源 {a.document}", a)


TESTS = {"compare", "relative", "assigned", "progress", "required_rate"}


def _holds(cond: dict, t: TargetLine, a: Actual | None) -> bool:
    for key, want in cond.items():
        if key == "kind" and t.kind not in want:
            return False
        if key == "has_actual" and (a is not None) != bool(want):
            return False
        if key == "period":
            partial = a is not None and bool(a.period)
            if (want == "partial") != partial:
                return False
        if key == "later_year":
            later = a is not None and a.year is not None and t.year is not None and t.year > a.year
            if later != bool(want):
                return False
        if key == "comparator" and t.comparator not in want:
            return False
    return True


def decide(t: TargetLine, a: Actual | None, ctx: Context, rules: Rules | None = None) -> Status:
    rules = rules or Rules.load()
    tol = rules.tolerance
    for rule in rules.rules:
        if not _holds(rule.get("when") or {}, t, a):
            continue
        name = rule.get("name")
        if "status" in rule:
            return Status(rule["status"], rule.get("explanation") or rule["status"], a, name)
        test = rule["test"]
        if test == "compare":
            s = _compare(t, a, tol)
        elif test == "relative":
            s = _relative(t, a, ctx, tol)
        elif test == "assigned":
            s = _assigned(t, a, ctx, tol)
        elif test == "progress":
            s = _progress(t, a, tol)
        else:
            s = _required_rate(t, a, ctx, tol)
        s.rule = name
        return s
    return Status("needs_review", "没有规则适用 (no rule applies)", a)

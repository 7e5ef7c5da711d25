"""Texts made to find superlinear patterns: long runs of digits, Chinese numerals, punctuation and
one repeated character, bare and inside the places extractors look hardest (a targets table row,
a results sentence), and the longest lines of real documents repeated. Shared by
tests/hardening/test_linear_time.py (a hang guard) and benchmarks/linear_time.py (growth figures)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL_FOLDERS = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT.parent / "shared" / "corpus" / "dev",
                ROOT / "examples"]

# (name, the unit repeated to make a run)
RUNS: list[tuple[str, str]] = [
    ("digits", "1"),
    ("decimal_dots", "1."),
    ("thousands", "1,"),
    ("percent", "1%"),
    ("chinese_numerals", "一二三四五六七八九十百千万亿"),
    ("chinese_zero", "〇"),
    ("comma", "，"),
    ("enumeration_comma", "、"),
    ("full_stop", "。"),
    ("brackets", "（"),
    ("punctuation_mix", "，。；：、（）《》“”—…"),
    ("ascii_punctuation", "-.,:;()[]%"),
    ("spaces", " "),
    ("tabs", "\t"),
    ("newlines", "\n"),
    ("space_digit", "1 "),
    ("year", "年"),
    ("grow", "增长"),
    ("yuan_above", "元以上"),
    ("wan", "万"),
    ("target_word", "目标"),
    ("target_list", "主要目标："),
    ("percent_growth", "增长1%"),
    # short tables set out by runs of spaces, a blank line apart: each opens a zone of the normaliser
    ("laid_out_rows", "油料      万吨      18.42\n茶叶      万吨      9.86\n柑橘      万吨      4.1\n\n"),
]

PLAN_HEAD = ("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n"
             "附件\n\n2025年主要目标\n\n序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n")
REPORT_HEAD = "政府工作报告\n\n一、2024年工作回顾\n\n2024年，全市地区生产总值增长6.1%，"


def run_of(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def contexts(run: str) -> dict[str, str]:
    """The same run bare, in an untitled note (where metadata falls back on scanning every
    line), in a targets table row, and in a results sentence."""
    return {
        "bare": run,
        "untitled": f"情况说明{run}完毕。",
        "table": PLAN_HEAD + f"2\t规模以上工业增加值{run}\t{run}元以上\n3\t城镇调查失业率\t5%以内\n",
        "prose": REPORT_HEAD + f"一般公共预算收入{run}元以上，居民人均可支配收入增长{run}%。\n",
    }


def hostile_texts(size: int) -> dict[str, str]:
    out = {}
    for name, unit in RUNS:
        for where, text in contexts(run_of(unit, size)).items():
            out[f"{name}/{where}"] = text
    return out


def read_text(path: Path) -> str:
    """A real document's text as the loader reads it (any encoding)."""
    from zhibiao.load import load

    return load(path).text


def longest_lines(count: int = 2) -> list[tuple[str, str]]:
    """The longest line of all the real documents present (../shared), then the longest of the
    bundled examples (always present), then the next longest: (where, line)."""
    lines: list[tuple[int, str, str]] = []
    for folder in REAL_FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.txt")):
            best = max(read_text(path).splitlines() or [""], key=len)
            lines.append((len(best), f"{folder.name}/{path.name}", best))
    lines.sort(key=lambda x: -x[0])
    out = lines[:1]
    out += [x for x in lines if x[1].startswith("examples/") and x not in out][:1]
    out += [x for x in lines if x not in out]
    return [(where, line) for _n, where, line in out[:count]]

"""A synthetic national corpus with ground truth, for benchmarks at scale.

For regions drawn from the registry (provinces, prefecture-level cities, counties) and a range of
years, writes a plan notice (a main-targets table in one of the three layouts the extractor reads:
tab, cell per line, space-separated with a unit column and full-width digits) and a work report
(last year's results, this year's targets in prose) per region-year, in TXT (UTF-8 or GBK), HTML,
DOCX or PDF, each with a `<file>.jsonl` ground truth in the ../shared/gold/SCHEMA.md format.

    .venv/bin/python benchmarks/generate.py --out /tmp/corpus --documents 1000 --formats txt
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the HTML/DOCX/PDF writers the tests use

# indicator id, printed name, unit, plausible target range (low, high, step), comparator words
INDICATORS = [
    ("gdp_growth", "地区生产总值增速", "%", (4.5, 8.0, 0.5)), ("industrial_value_added_growth", "规上工业增加值增速", "%", (5, 10, 0.5)),
    ("fai_growth", "固定资产投资增速", "%", (3, 10, 1)), ("retail_sales_growth", "社会消费品零售总额增速", "%", (4, 8, 0.5)),
    ("rd_intensity", "R&D经费支出占GDP比重", "%", (2.0, 3.6, 0.05)), ("surveyed_unemployment", "城镇调查失业率", "%", (5, 5.5, 0.5)),
    ("cpi", "居民消费价格涨幅", "%", (2, 3, 1)), ("new_urban_jobs", "新增城镇就业人数", "万人", (1, 20, 0.1)),
    ("pm25", "PM2.5年均浓度", "微克/立方米", (20, 35, 1)), ("good_air_days_share", "空气质量优良天数比例", "%", (85, 95, 0.5)),
    ("fdi_utilized", "实际使用外资额", "亿美元", (1, 30, 0.5)), ("museums", "博物馆数量", "家", (10, 80, 1)),
    ("hospitals", "医院数量", "家", (20, 150, 1)), ("forest_coverage", "森林覆盖率", "%", (30, 70, 0.1)),
    ("urbanization_rate", "常住人口城镇化率", "%", (55, 80, 0.1)),
]
QUALITATIVE = [("budget_revenue_growth", "一般公共预算收入增速", "与经济增长基本同步", "relative"),
               ("disposable_income_growth", "居民人均可支配收入增速", "与经济增长同步", "relative"),
               ("energy_intensity_reduction", "单位GDP能耗降低", "完成省下达目标", "assigned"),
               ("labor_productivity_growth", "全员劳动生产率增长", "稳步增长", "directional")]
SUFFIX = [("以上", ">="), ("左右", "~"), ("", "="), ("以内", "<=")]
CATEGORIES = ["经济发展", "科技创新", "生态环境", "社会民生"]
FULLWIDTH = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789%"}


def _regions(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    try:
        from zhibiao.catalog import RegionRegistry

        reg = RegionRegistry.default()
        # names that resolve to one region only, so the ground truth can name its code
        rows = [(r.name, r.level, r.code) for r in reg.rows.values()
                if r.level != "national" and reg.resolve(r.name) is not None and reg.resolve(r.name).code == r.code]
    except ImportError:  # the generator also runs without the package installed
        rows = [("浙江省", "province", "330000"), ("杭州市", "prefecture", "330100"), ("德清县", "county", "330521")]
    rng.shuffle(rows)
    return rows[:n] if n else rows


def _value(rng: random.Random, spec) -> Decimal:
    low, high, step = (Decimal(str(x)) for x in spec)
    steps = int((high - low) / step)
    return (low + step * rng.randint(0, steps)).normalize()


def _fmt(v: Decimal) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def plan_notice(region: str, year: int, rng: random.Random, layout: str) -> tuple[str, list[dict]]:
    rows = rng.sample(INDICATORS, k=rng.randint(8, len(INDICATORS))) + rng.sample(QUALITATIVE, k=2)
    gold, lines = [], []
    cat_of = {}
    for i, r in enumerate(rows):
        cat_of[i] = CATEGORIES[min(3, i * 4 // len(rows))]
    if layout == "tab":
        lines.append(f"指标类型\t序号\t指标名称\t{year}年目标")
    elif layout == "space":
        lines.append(f"类别 序号 指 标 单位 {year} 年目标")
    else:
        lines += ["指标类型", "序号", "指标名称", f"{year}年目标"]
    for i, r in enumerate(rows):
        seq = str(i + 1)
        cat = cat_of[i] if i == 0 or cat_of[i] != cat_of[i - 1] else ""
        if len(r) == 4 and r[3] in ("relative", "assigned", "directional"):
            ind, name, text, kind = r
            unit, comp, value = None, None, None
            shown_unit = "—"
        else:
            ind, name, unit, spec = r
            value = _value(rng, spec)
            suffix, comp = rng.choice(SUFFIX)
            text = f"{_fmt(value)}{unit}{suffix}"
            kind = "numeric"
            shown_unit = unit
        gold.append({"type": "target", "year": year, "category": cat_of[i], "seq": seq, "name": name, "parent": None,
                     "unit": unit, "text": text, "kind": kind, "comparator": comp,
                     "value": float(value) if value is not None else None, "value_high": None, "group": ind})
        if layout == "tab":
            lines.append(f"{cat}\t{seq}\t{name}\t{text}")
        elif layout == "space":
            bare = text.replace(unit, " ", 1).replace("  ", " ") if unit else text
            if cat:
                lines += [cat[:2], "", cat[2:], ""]
            lines.append(f"{seq} {name} {shown_unit} {bare}".translate(FULLWIDTH))
        else:
            lines += ([cat] if cat else []) + [seq, name, text]
    sep = "\n\n" if layout == "cell" else "\n"
    body = (f"{region}人民政府关于下达{year}年{region}国民经济和社会发展计划的通知\n\n"
            f"各有关单位：\n\n{year}年{region}国民经济和社会发展计划已经审议批准，现印发给你们，请认真组织实施。\n\n"
            f"一、着力扩大有效需求\n\n新增高新技术企业{rng.randint(10, 500)}家，建设高标准农田{rng.randint(1, 20)}万亩。\n\n"
            f"{region}人民政府\n\n{year}年2月{rng.randint(1, 28)}日\n\n附件\n\n{year}年{region}国民经济和社会发展计划主要目标\n\n"
            + sep.join(lines) + "\n")
    return body, gold


def work_report(region: str, year: int, rng: random.Random) -> tuple[str, list[dict]]:
    gdp = _value(rng, (3.0, 9.0, 0.1))
    level = _value(rng, (100, 9000, 1))
    ind = _value(rng, (3.0, 12.0, 0.1))
    target = _value(rng, (4.5, 7.5, 0.5))
    gold = [
        {"type": "actual", "year": year - 1, "name": "地区生产总值", "measure": "level", "unit": "亿元",
         "text": f"{_fmt(level)}亿元", "comparator": "=", "value": float(level), "group": "gdp_level"},
        {"type": "actual", "year": year - 1, "name": "地区生产总值", "measure": "growth", "unit": "%",
         "text": f"增长{_fmt(gdp)}%", "comparator": "=", "value": float(gdp), "group": "gdp_growth"},
        {"type": "actual", "year": year - 1, "name": "规上工业增加值", "measure": "growth", "unit": "%",
         "text": f"增长{_fmt(ind)}%", "comparator": "=", "value": float(ind), "group": "industrial_value_added_growth"},
        {"type": "target", "year": year, "category": None, "seq": None, "name": "地区生产总值增长", "parent": None,
         "unit": "%", "text": f"{_fmt(target)}%左右", "kind": "numeric", "comparator": "~", "value": float(target),
         "value_high": None, "group": "gdp_growth"},
        {"type": "target", "year": year, "category": None, "seq": None, "name": "城镇调查失业率", "parent": None,
         "unit": "%", "text": "5.5%以内", "kind": "numeric", "comparator": "<=", "value": 5.5, "value_high": None,
         "group": "surveyed_unemployment"},
    ]
    text = (f"政府工作报告\n\n——{year}年1月在{region}人民代表大会上\n\n各位代表：\n\n现在，我代表{region}人民政府向大会报告工作。\n\n"
            f"一、{year - 1}年工作回顾\n\n全年实现地区生产总值{_fmt(level)}亿元，增长{_fmt(gdp)}%。规上工业增加值增长{_fmt(ind)}%。\n\n"
            f"二、{year}年主要目标\n\n经济社会发展的主要预期目标是：地区生产总值增长{_fmt(target)}%左右，城镇调查失业率5.5%以内。\n")
    return text, gold


def write(out: Path, stem: str, text: str, gold: list[dict], meta: dict, fmt: str, rng: random.Random) -> Path:
    if fmt == "txt":
        path = out / f"{stem}.txt"
        path.write_bytes(text.encode("gbk" if rng.random() < 0.3 else "utf-8"))
    elif fmt == "html":
        from formats import write_html

        path = write_html(text, out / f"{stem}.html")
    elif fmt == "docx":
        from formats import write_docx

        path = write_docx(text, out / f"{stem}.docx")
    else:
        from formats import write_pdf

        path = write_pdf(text, out / f"{stem}.pdf")
    lines = [{"type": "document", "doc": path.name, **meta}] + [{"doc": path.name, **g} for g in gold]
    (out / f"{path.name}.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    return path


def generate(out: Path, documents: int, years: tuple[int, int], formats: list[str], seed: int = 1,
             layouts: tuple[str, ...] = ("tab", "cell", "space")) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    regions = _regions(0, rng)
    paths: list[Path] = []
    i = 0
    while len(paths) < documents:
        region, level, code = regions[i % len(regions)]
        year = years[0] + (i // len(regions)) % (years[1] - years[0] + 1)
        fmt = formats[i % len(formats)]
        layout = layouts[i % len(layouts)] if fmt == "txt" else "tab"
        meta = {"region": region, "region_level": level, "region_code": code, "plan_year": year}
        text, gold = plan_notice(region, year, rng, layout)
        issued = re.search(r"(\d{4})年(\d+)月(\d+)日\n\n附件", text)
        issued_on = f"{issued.group(1)}-{int(issued.group(2)):02d}-{int(issued.group(3)):02d}"
        paths.append(write(out, f"{i:06d}_plan_{layout}", text, gold,
                           meta | {"doc_type": "plan_notice", "issued_on": issued_on}, fmt, rng))
        if len(paths) < documents:
            text, gold = work_report(region, year, rng)
            paths.append(write(out, f"{i:06d}_report", text, gold, meta | {"doc_type": "work_report"}, fmt, rng))
        i += 1
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--years", default="2016-2025", help="first-last")
    ap.add_argument("--formats", default="txt", help="comma-separated: txt,html,docx,pdf")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    y0, y1 = (int(x) for x in args.years.split("-"))
    paths = generate(args.out, args.documents, (y0, y1), args.formats.split(","), args.seed)
    print(f"wrote {len(paths)} documents to {args.out}")


if __name__ == "__main__":
    main()

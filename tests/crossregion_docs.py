"""Documents of our own for the cross-region views' tests: 湖州市's districts and counties, each
with its own 2024 plan notice (figures of our choosing) — some set a higher GDP growth than the
city's 6%左右, some lower, one the same; two leave out investment."""
from __future__ import annotations

from pathlib import Path

COUNTIES = {"吴兴区": ("6.5%左右", "8%"), "南浔区": ("5.5%左右", None), "德清县": ("6%左右", "7%"),
            "长兴县": ("7%以上", "9%左右"), "安吉县": ("6.2%", None)}
COUNTY_CODES = {"330502", "330503", "330521", "330522", "330523"}


def county_plan(name: str, gdp: str, investment: str | None) -> str:
    """A plan notice of ``name`` for 2024 with its main-targets table."""
    rows = f"经济发展\t1\t地区生产总值增速\t{gdp}\n"
    if investment:
        rows += f"\t2\t固定资产投资增速\t{investment}\n"
    rows += "民生保障\t3\t城镇调查失业率\t5%以内\n"
    return (f"{name}人民政府关于下达2024年{name}国民经济和社会发展计划的通知\n\n"
            f"各乡镇人民政府，{name}政府各部门：\n\n"
            f"2024年{name}国民经济和社会发展计划已经{name}人大审议批准，现印发给你们，请认真组织实施。\n\n"
            f"{name}人民政府\n\n2024年2月6日\n\n附件\n\n"
            f"2024年{name}国民经济和社会发展计划主要目标\n\n类别\t序号\t指标名称\t2024年目标\n{rows}")


def write_counties(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (gdp, investment) in COUNTIES.items():
        (folder / f"{name}_2024.txt").write_text(county_plan(name, gdp, investment), encoding="utf-8")
    return folder


# a province, two of its cities and their figures: 湖州's retail sales of 1—9月 (a monthly report) beside 嘉兴's whole
# year's (a bulletin) — a part of the year's actual in the cross-region views
PART_YEAR = {
    "zj.txt": "浙江省2025年政府工作报告\n\n2025年1月14日在浙江省第十四届人民代表大会第三次会议上\n\n"
              "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；社会消费品零售总额增长5%左右。\n",
    "hz.txt": "湖州市2025年政府工作报告\n\n2025年1月12日在湖州市第九届人民代表大会第五次会议上\n\n"
              "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6.5%左右。\n",
    "hz_m.txt": "湖州市2025年1—9月经济运行情况\n\n湖州市统计局　2025年10月20日\n\n"
                "1—9月，全市社会消费品零售总额累计实现1080.5亿元，同比增长5.8%。\n",
    "jx.txt": "嘉兴市2025年政府工作报告\n\n2025年1月10日在嘉兴市第十届人民代表大会第五次会议上\n\n"
              "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；社会消费品零售总额增长6%左右。\n",
    "jx_b.txt": "嘉兴市2025年国民经济和社会发展统计公报\n\n嘉兴市统计局　2026年3月10日\n\n"
                "初步核算，全年全市地区生产总值增长6.2%。全年社会消费品零售总额2050.3亿元，比上年增长5.9%。\n",
}

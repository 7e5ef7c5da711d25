"""Documents of real length and shape, written from facts of our own choosing, with their ground truth.

Four kinds, as a region publishes them every year:

- ``plan_notice``: 关于下达…国民经济和社会发展计划的通知 — a preamble, eight to ten task sections
  (一、/（一）) full of commitments, the signature and date, and the main-targets table as an
  attachment (tab, cell-per-line or space-separated layout);
- ``work_report``: 政府工作报告 — a long review of last year (headline results, then results section
  by section), this year's main expected targets in prose, this year's tasks;
- ``plan_report``: 计划执行情况与计划草案的报告 — last year's execution with a completion table
  (last year's plan, last year's result, this year's plan), this year's targets in prose, tasks;
- ``statistical_bulletin``: 统计公报 — a year's results section by section (综合, 农业, 工业…).

Every document is built from one :class:`Facts` per region and year (its targets and its results),
so a city's plan notice, its work report of the next year and its bulletin agree, as real ones do.
Text and ground truth are written together (:class:`Writer`), so every gold line's text is printed
in the document. Ground truth lines follow ../shared/gold/SCHEMA.md. All wording here is our own.
"""
from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from decimal import Decimal

FULLWIDTH = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789.%"}
CN_NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一, 12 → 十二 (section numbers)."""
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


def fmt(v: Decimal) -> str:
    s = format(v, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def dec(rng: random.Random, low: float, high: float, places: int = 1) -> Decimal:
    q = Decimal(1).scaleb(-places)
    return Decimal(str(rng.uniform(low, high))).quantize(q)


def stable_seed(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Regions


@dataclass(frozen=True)
class Place:
    name: str          # as in the registry
    level: str         # province | prefecture | county
    code: str
    parent: str | None  # the parent's name
    printed: str       # as the document prints it (a county whose name is not unique: with its city)

    @property
    def short(self) -> str:
        n = self.name
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州", "自治县", "地区",
                       "林区", "新区", "省", "市", "县", "区", "旗", "盟"):
            if n.endswith(suffix) and len(n) - len(suffix) >= 2:
                return n[: -len(suffix)]
        return n

    @property
    def whole(self) -> str:
        """全省 / 全市 / 全县 / 全区 / 全旗."""
        if self.level == "province":
            return "全区" if self.name.endswith("自治区") else "全市" if self.name.endswith("市") else "全省"
        if self.level == "prefecture":
            return "全州" if self.name.endswith("州") else "全盟" if self.name.endswith("盟") else (
                "全地区" if self.name.endswith("地区") else "全市")
        for suffix, word in (("区", "全区"), ("旗", "全旗"), ("市", "全市")):
            if self.name.endswith(suffix):
                return word
        return "全县"

    @property
    def unit_word(self) -> str:
        return self.whole[1:]

    @property
    def scale(self) -> float:
        """Size of the economy relative to a middling province (stable per region)."""
        r = random.Random(stable_seed("scale", self.code))
        base = {"province": 1.0, "prefecture": 0.11, "county": 0.011}[self.level]
        return base * r.uniform(0.35, 2.4)


def places(registry=None) -> list[Place]:
    """Every province, prefecture and county of the region registry, in code order."""
    if registry is None:
        from zhibiao.catalog import RegionRegistry

        registry = RegionRegistry.default()
    rows = [r for r in registry.rows.values() if r.level in ("province", "prefecture", "county")]
    by_code = {r.code: r for r in registry.rows.values()}
    out = []
    for r in sorted(rows, key=lambda r: r.code):
        parent = by_code.get(r.parent_code) if r.parent_code else None
        resolved = registry.resolve(r.name)
        unique = resolved is not None and resolved.code == r.code
        printed = r.name if unique or parent is None or parent.level == "national" else parent.name + r.name
        out.append(Place(r.name, r.level, r.code, parent.name if parent and parent.level != "national" else None,
                         printed))
    return out


# ---------------------------------------------------------------------------------------------
# Indicators: id, names as tables print them, names as prose prints them, unit, target generator


@dataclass(frozen=True)
class Ind:
    id: str
    table_name: str
    prose_name: str
    unit: str | None
    category: str
    low: float = 0
    high: float = 0
    places: int = 1
    comparators: tuple = ("以上", "左右", "", "以内")
    scaled: bool = False  # a level that grows with the size of the region
    qualitative: tuple = ()  # (text, kind) choices instead of a number


TABLE_INDICATORS = [
    Ind("gdp_growth", "地区生产总值增速", "地区生产总值增长", "%", "经济发展", 4.5, 8.0, 1, ("以上", "左右", "")),
    Ind("industrial_value_added_growth", "规模以上工业增加值增速", "规模以上工业增加值增长", "%", "经济发展", 5, 10, 1, ("以上", "左右", "")),
    Ind("services_value_added_growth", "服务业增加值增速", "服务业增加值增长", "%", "经济发展", 5, 8, 1, ("以上", "左右")),
    Ind("fai_growth", "固定资产投资增速", "固定资产投资增长", "%", "经济发展", 4, 12, 0, ("以上", "左右", "")),
    Ind("manufacturing_investment_growth", "制造业投资增速", "制造业投资增长", "%", "经济发展", 6, 15, 0, ("以上", "")),
    Ind("private_investment_share", "民间投资占固定资产投资比重", "民间投资占比", "%", "经济发展", 45, 65, 1, ("以上", "左右")),
    Ind("retail_sales_growth", "社会消费品零售总额增速", "社会消费品零售总额增长", "%", "经济发展", 4, 9, 1, ("以上", "左右", "")),
    Ind("export_growth", "出口增速", "出口增长", "%", "经济发展", 2, 8, 0, ("以上", "左右")),
    Ind("fdi_utilized", "实际使用外资", "实际使用外资", "亿美元", "经济发展", 2, 60, 1, ("以上", ""), scaled=True),
    Ind("budget_revenue_growth", "一般公共预算收入增速", "一般公共预算收入增长", "%", "经济发展", 3, 7, 1, ("以上", "左右", ""),
        qualitative=(("与经济增长基本同步", "relative"),)),
    Ind("cpi", "居民消费价格涨幅", "居民消费价格涨幅", "%", "经济发展", 2, 3, 0, ("左右", "以内")),
    Ind("rd_intensity", "研究与试验发展经费支出占地区生产总值比重", "研发经费投入强度", "%", "科技创新", 1.8, 3.6, 2,
        ("以上", "左右", "")),
    Ind("hightech_industry_share", "高新技术产业增加值占规上工业增加值比重", "高新技术产业增加值占比", "%", "科技创新", 40, 68, 1,
        ("以上", "左右")),
    Ind("digital_core_industry_growth", "数字经济核心产业增加值增速", "数字经济核心产业增加值增长", "%", "科技创新", 6, 12, 0,
        ("以上", "左右")),
    Ind("invention_patents_per_10k", "每万人高价值发明专利拥有量", "每万人高价值发明专利拥有量", "件", "科技创新", 5, 30, 1,
        ("以上", "")),
    Ind("hightech_enterprises", "新增高新技术企业", "新增高新技术企业", "家", "科技创新", 40, 900, 0, ("以上", ""), scaled=True),
    Ind("urbanization_rate", "常住人口城镇化率", "常住人口城镇化率", "%", "城乡协调", 55, 78, 1, ("以上", "左右", "")),
    Ind("high_standard_farmland", "新建高标准农田", "新建高标准农田", "万亩", "城乡协调", 2, 60, 1, ("", "以上"), scaled=True),
    Ind("grain_output", "粮食总产量", "粮食总产量", "万吨", "城乡协调", 20, 900, 1, ("以上", ""), scaled=True),
    Ind("village_collective_income", "村级集体经济年经营性收入20万元以上行政村占比", "集体经济年经营性收入20万元以上村占比",
        "%", "城乡协调", 60, 95, 0, ("以上", "")),
    Ind("disposable_income_growth", "居民人均可支配收入增速", "居民人均可支配收入增长", "%", "民生福祉", 5, 7, 1, ("以上", "左右"),
        qualitative=(("与经济增长同步", "relative"), ("与经济增长基本同步", "relative"))),
    Ind("urban_rural_income_ratio", "城乡居民人均可支配收入比", "城乡居民收入倍差", None, "民生福祉", 1.6, 2.2, 2, ("以内", "")),
    Ind("new_urban_jobs", "城镇新增就业", "城镇新增就业", "万人", "民生福祉", 5, 110, 1, ("以上", ""), scaled=True),
    Ind("surveyed_unemployment", "城镇调查失业率", "城镇调查失业率", "%", "民生福祉", 5, 5.5, 1, ("以内", "左右")),
    Ind("new_school_places", "新增中小学学位", "新增中小学学位", "个", "民生福祉", 2000, 90000, 0, ("以上", ""), scaled=True),
    Ind("childcare_slots_per_1000", "每千人口拥有3岁以下婴幼儿托位数", "每千人口婴幼儿托位数", "个", "民生福祉", 3, 5, 1,
        ("以上", "")),
    Ind("doctors_per_1000", "每千人口执业（助理）医师数", "每千人口执业（助理）医师数", "人", "民生福祉", 2.8, 4.5, 1,
        ("以上", "")),
    Ind("life_expectancy", "人均预期寿命", "人均预期寿命", "岁", "民生福祉", 78, 83, 1, ("以上", "")),
    Ind("old_community_renovation", "改造城镇老旧小区", "改造城镇老旧小区", "个", "民生福祉", 30, 1200, 0, ("", "以上"), scaled=True),
    Ind("affordable_housing", "筹集保障性租赁住房", "筹集保障性租赁住房", "万套", "民生福祉", 0.5, 25, 1, ("", "以上"), scaled=True),
    Ind("energy_intensity_reduction", "单位地区生产总值能耗降低", "单位地区生产总值能耗降低", "%", "绿色发展", 2, 3.5, 1, ("", "以上"),
        qualitative=(("完成省下达目标", "assigned"), ("完成国家下达目标", "assigned"))),
    Ind("carbon_intensity_reduction", "单位地区生产总值二氧化碳排放降低", "单位地区生产总值二氧化碳排放降低", "%", "绿色发展", 3, 4.5, 1,
        ("", "以上"), qualitative=(("完成省下达目标", "assigned"),)),
    Ind("pm25", "细颗粒物（PM2.5）平均浓度", "细颗粒物平均浓度", "微克/立方米", "绿色发展", 18, 42, 0, ("以内", "")),
    Ind("good_air_days_share", "空气质量优良天数比例", "空气质量优良天数比例", "%", "绿色发展", 80, 96, 1, ("以上", "")),
    Ind("water_quality_share", "地表水达到或好于Ⅲ类水体比例", "地表水达到或好于Ⅲ类水体比例", "%", "绿色发展", 80, 100, 1, ("以上", "")),
    Ind("forest_coverage", "森林覆盖率", "森林覆盖率", "%", "绿色发展", 25, 70, 1, ("以上", "")),
    Ind("waste_sorting_coverage", "生活垃圾分类覆盖面", "生活垃圾分类覆盖面", "%", "绿色发展", 90, 100, 0, ("以上", "")),
    Ind("labor_productivity_growth", "全员劳动生产率增长", "全员劳动生产率增长", "%", "经济发展", 0, 0,
        qualitative=(("稳步提高", "directional"), ("稳步增长", "directional"))),
    Ind("work_safety_death_rate", "亿元地区生产总值生产安全事故死亡率", "亿元地区生产总值生产安全事故死亡率", "人/亿元", "安全发展",
        0.01, 0.03, 3, ("以内", "")),
    Ind("food_safety_pass_rate", "食品抽检合格率", "食品抽检合格率", "%", "安全发展", 97, 99.5, 1, ("以上", "")),
]
IND = {i.id: i for i in TABLE_INDICATORS}
# the targets a work report or plan report states in prose, in the usual order
PROSE_TARGETS = ["gdp_growth", "budget_revenue_growth", "industrial_value_added_growth", "fai_growth",
                 "retail_sales_growth", "export_growth", "disposable_income_growth", "new_urban_jobs",
                 "surveyed_unemployment", "cpi", "rd_intensity", "energy_intensity_reduction", "grain_output"]


@dataclass
class TargetFact:
    ind: Ind
    text: str        # as printed after the name, e.g. "6.5%以上"
    kind: str
    comparator: str | None
    value: Decimal | None


COMPARATOR = {"以上": ">=", "左右": "~", "": "=", "以内": "<="}


def bare(f: "TargetFact") -> str:
    """A target cell under a unit column: the figure without its unit (6.5以上)."""
    return f.text.replace(f.ind.unit, "", 1) if f.kind == "numeric" and f.ind.unit else f.text


@dataclass
class Facts:
    """One region's targets for a year and its results in that year."""

    place: Place
    year: int
    targets: dict[str, TargetFact] = field(default_factory=dict)
    results: dict[str, Decimal] = field(default_factory=dict)

    @classmethod
    def of(cls, place: Place, year: int, seed: int) -> "Facts":
        rng = random.Random(stable_seed(seed, "facts", place.code, year))
        f = cls(place, year)
        grow = 1.055 ** (year - 2016)
        for ind in TABLE_INDICATORS:
            if ind.qualitative and (not ind.high or rng.random() < 0.35):
                text, kind = rng.choice(ind.qualitative)
                f.targets[ind.id] = TargetFact(ind, text, kind, None, None)
                continue
            low, high = ind.low, ind.high
            if ind.scaled:
                low, high = low * place.scale * grow, high * place.scale * grow
            v = dec(rng, low, high, ind.places)
            if ind.places == 1 and not ind.scaled and rng.random() < 0.5:
                v = (v * 2).quantize(Decimal(1)) / 2  # targets are often whole or half points
            v = max(v, Decimal(1).scaleb(-ind.places))
            suffix = rng.choice(ind.comparators)
            f.targets[ind.id] = TargetFact(ind, f"{fmt(v)}{ind.unit or ''}{suffix}", "numeric", COMPARATOR[suffix], v)
        s = place.scale * grow
        r = {
            "gdp_level": dec(rng, 2800, 6200, 2) * Decimal(str(round(s, 4))),
            "gdp_growth": dec(rng, 2.5, 9.5),
            "primary_growth": dec(rng, 1.5, 5.5), "secondary_growth": dec(rng, 2, 10), "tertiary_growth": dec(rng, 3, 9),
            "industrial_value_added_growth": dec(rng, 2, 12),
            "fai_growth": dec(rng, -6, 14), "manufacturing_investment_growth": dec(rng, -3, 20),
            "retail_sales_level": dec(rng, 1100, 2700, 1) * Decimal(str(round(s, 4))), "retail_sales_growth": dec(rng, 1, 10),
            "trade_level": dec(rng, 300, 5000, 1) * Decimal(str(round(s, 4))), "trade_growth": dec(rng, -8, 15),
            "export_growth": dec(rng, -8, 16), "fdi_utilized": dec(rng, 1, 60, 2) * Decimal(str(round(s, 4))),
            "budget_revenue_level": dec(rng, 250, 650, 2) * Decimal(str(round(s, 4))), "budget_revenue_growth": dec(rng, -3, 10),
            "budget_expenditure_level": dec(rng, 500, 1100, 2) * Decimal(str(round(s, 4))),
            "urban_income_level": Decimal(rng.randint(32000, 86000)), "urban_income_growth": dec(rng, 3.5, 7.5),
            "rural_income_level": Decimal(rng.randint(14000, 45000)), "rural_income_growth": dec(rng, 5, 9.5),
            "new_urban_jobs": dec(rng, 5, 110) * Decimal(str(round(place.scale, 4))), "surveyed_unemployment": dec(rng, 4.5, 5.6),
            "cpi": dec(rng, 0.2, 2.9), "grain_output": dec(rng, 20, 900) * Decimal(str(round(place.scale, 4))),
            "grain_area": dec(rng, 60, 2000) * Decimal(str(round(place.scale, 4))),
            "pm25": Decimal(rng.randint(16, 48)), "good_air_days_share": dec(rng, 76, 98),
            "forest_coverage": dec(rng, 22, 72), "energy_intensity_reduction": dec(rng, 1.5, 4.5),
            "hightech_enterprises": Decimal(max(3, int(rng.uniform(40, 900) * place.scale * grow))),
            "tech_smes": Decimal(max(5, int(rng.uniform(100, 2600) * place.scale * grow))),
            "rd_intensity": dec(rng, 1.5, 3.6, 2), "urbanization_rate": dec(rng, 48, 80),
            "population": dec(rng, 300, 1300, 1) * Decimal(str(round(place.scale, 4))),
            "birth_rate": dec(rng, 4.5, 11, 2),
            "tourist_arrivals": dec(rng, 2000, 9000) * Decimal(str(round(place.scale, 4))),
            "tourism_revenue": dec(rng, 200, 1500) * Decimal(str(round(place.scale, 4))),
            "electricity_growth": dec(rng, 1, 11), "freight_growth": dec(rng, -4, 9),
            "deposit_level": dec(rng, 5000, 16000, 1) * Decimal(str(round(s, 4))), "deposit_growth": dec(rng, 5, 13),
            "loan_level": dec(rng, 4000, 15000, 1) * Decimal(str(round(s, 4))), "loan_growth": dec(rng, 6, 15),
            "hospital_beds": Decimal(max(200, int(rng.uniform(2e4, 9e4) * place.scale))),
            "pension_insured": dec(rng, 200, 900) * Decimal(str(round(place.scale, 4))),
        }
        f.results = {k: _round_like(v) for k, v in r.items()}
        return f


def _round_like(v: Decimal) -> Decimal:
    """Figures as a statistics bureau prints them: levels to one or two places, never 0."""
    if v >= 1000:
        v = v.quantize(Decimal("0.1"))
    elif v >= 1:
        v = v.quantize(Decimal("0.01"))
    else:
        v = v.quantize(Decimal("0.001"))
    return v if v != 0 else Decimal("0.1")


# ---------------------------------------------------------------------------------------------
# Writing: text and ground truth together


class Writer:
    """Accumulates the text and the gold lines whose ``text`` it prints."""

    def __init__(self):
        self.parts: list[str] = []
        self.gold: list[dict] = []

    def t(self, s: str) -> "Writer":
        self.parts.append(s)
        return self

    def para(self, s: str = "") -> "Writer":
        self.parts.append(s + "\n\n")
        return self

    @property
    def text(self) -> str:
        return "".join(self.parts)

    # actual results
    def level(self, name: str, value: Decimal, unit: str, year: int, group: str | None = None, *,
              prefix: str = "", optional: bool = False, measure: str = "level") -> "Writer":
        shown = f"{prefix}{fmt(value)}{unit}"
        self.parts.append(shown)
        self.gold.append({"type": "actual", "year": year, "name": name, "measure": measure, "unit": unit,
                          "text": shown, "comparator": "=", "value": float(value), "group": group}
                         | ({"optional": True} if optional else {}))
        return self

    def growth(self, name: str, value: Decimal, year: int, group: str | None = None, *, verb: str = "增长",
               optional: bool = False) -> "Writer":
        if value < 0:
            shown, value_out = f"下降{fmt(-value)}%", value
        else:
            shown, value_out = f"{verb}{fmt(value)}%", value
        self.parts.append(shown)
        self.gold.append({"type": "actual", "year": year, "name": name, "measure": "growth", "unit": "%",
                          "text": shown, "comparator": "=", "value": float(value_out), "group": group}
                         | ({"optional": True} if optional else {}))
        return self

    def share(self, name: str, value: Decimal, year: int, group: str | None = None, *,
              optional: bool = False) -> "Writer":
        shown = f"{fmt(value)}%"
        self.parts.append(shown)
        self.gold.append({"type": "actual", "year": year, "name": name, "measure": "share", "unit": "%",
                          "text": shown, "comparator": "=", "value": float(value), "group": group}
                         | ({"optional": True} if optional else {}))
        return self

    # targets
    def target(self, name: str, fact: TargetFact, year: int, *, category: str | None = None, seq: str | None = None,
               text: str | None = None, group: str | None = None) -> dict:
        shown = text if text is not None else fact.text
        line = {"type": "target", "year": year, "category": category, "seq": seq, "name": name, "parent": None,
                "unit": fact.ind.unit if fact.kind == "numeric" else None, "text": shown, "kind": fact.kind,
                "comparator": fact.comparator, "value": float(fact.value) if fact.value is not None else None,
                "value_high": None, "group": group or fact.ind.id}
        self.gold.append(line)
        return line


# ---------------------------------------------------------------------------------------------
# Our own wording: verbs, objects, headings, commitments

VERBS = ["深入推进", "加快推进", "持续深化", "全面实施", "扎实推进", "大力发展", "积极培育", "统筹推进", "不断完善", "着力提升",
         "加快构建", "系统推进", "稳步推进", "全力打造", "有序推进", "健全完善", "迭代升级", "协同推进", "大力实施", "持续优化"]
OBJECTS = [
    "产业链上下游协同创新", "县域商业体系建设", "城乡供水一体化", "居家社区养老服务网络", "数字政府建设", "企业全生命周期服务",
    "农村人居环境整治提升", "职业技能提升行动", "义务教育优质均衡发展", "公共文化服务体系", "河湖长制落实", "低效工业用地再开发",
    "中小企业梯度培育", "重点产业链链长制", "科技成果转移转化", "人才引育留用机制", "城市更新行动", "历史文化街区保护利用",
    "新型基础设施建设", "农业社会化服务体系", "种业振兴行动", "农村产权制度改革", "国资国企改革", "要素市场化配置改革",
    "政务服务增值化改革", "社会信用体系建设", "外贸新业态新模式", "跨境电商综合试验", "服务业扩大开放", "首台套首批次应用",
    "工业互联网平台建设", "智能工厂和数字化车间", "绿色工厂和绿色园区", "清洁能源替代", "建筑领域节能改造", "公交优先发展",
    "城乡客运一体化", "物流枢纽建设", "冷链物流设施", "全民健身设施", "医疗卫生服务能力", "紧密型县域医共体", "公共卫生应急体系",
    "婴幼儿照护服务", "困难群众救助帮扶", "住房保障体系", "平安建设", "安全生产专项整治", "防灾减灾救灾体系",
    "基层治理体系", "矛盾纠纷多元化解", "食品药品安全监管", "耕地保护和粮食安全责任", "高标准农田建设", "乡村特色产业",
    "农文旅融合发展", "现代服务业集聚区", "总部经济", "夜间经济", "消费新场景", "品牌建设和质量提升", "知识产权保护",
    "营商环境优化提升", "法治政府建设", "财政资金直达机制", "地方金融风险防控", "普惠金融服务", "绿色金融改革",
    "园区能级提升", "开发区整合提升", "山海协作", "对口支援和东西部协作", "生态保护修复", "山水林田湖草系统治理",
    "大气污染防治", "水污染防治", "土壤污染防治", "固体废物综合利用", "碳达峰碳中和", "节水型社会建设",
]
ADVERBS = ["", "", "进一步", "全面", "持续", "加快", "深入"]
RESULTS_OF = ["取得积极成效", "迈出坚实步伐", "取得新突破", "形成一批可复制经验", "走在前列", "获得上级通报表扬", "顺利通过验收"]
PROJECT_SUFFIX = ["产业园", "科创园", "物流中心", "综合枢纽", "智造小镇", "现代农业园区", "文化公园", "体育中心", "数据中心",
                  "职业教育园区", "人民医院新院区", "生态湿地公园", "污水处理厂扩建工程", "城市快速路", "水库加固工程"]
HEADINGS = [
    "着力扩大有效需求，巩固经济回升向好态势", "坚持创新驱动，加快建设现代化产业体系", "深化重点领域改革，持续优化营商环境",
    "推进高水平对外开放，培育外贸竞争新优势", "统筹城乡区域发展，全面推进乡村振兴", "加强生态文明建设，推动绿色低碳发展",
    "增进民生福祉，提升公共服务均等化水平", "推进以人为核心的新型城镇化，提升城市功能品质", "统筹发展和安全，守牢安全发展底线",
    "繁荣发展文化事业和文化产业，提升城市软实力", "发展数字经济，培育壮大新动能", "加强政府自身建设，提高行政效能",
]
# commitments: (verb, object, unit, low, high) printed as 新增X家 etc.
COMMITMENTS = [
    ("新增", "规模以上工业企业", "家", 10, 400), ("新增", "科技型中小企业", "家", 30, 1500), ("培育", "专精特新中小企业", "家", 5, 200),
    ("新建", "5G基站", "个", 100, 8000), ("改造提升", "农贸市场", "个", 3, 60), ("建成", "城市书房", "家", 2, 40),
    ("新增", "婴幼儿托位", "个", 100, 6000), ("新建", "养老服务中心", "个", 2, 80), ("改造", "农村公路", "公里", 20, 900),
    ("新建", "城市绿道", "公里", 5, 300), ("实施", "重大产业项目", "个", 10, 300), ("完成", "造林绿化", "万亩", 1, 40),
    ("新增", "公共停车泊位", "个", 500, 30000), ("建设", "未来社区", "个", 2, 60), ("创建", "美丽乡村示范村", "个", 5, 120),
    ("新增", "城镇污水管网", "公里", 10, 500), ("治理", "水土流失面积", "平方公里", 5, 400), ("新建", "充电桩", "个", 200, 20000),
    ("开展", "职业技能培训", "万人次", 1, 80), ("新增", "家庭医生签约", "万人", 1, 60), ("建成", "数字化车间", "个", 5, 200),
]
MODIFIERS = ["", "", "", "省级", "市级", "国家级", "重点", "智能化", "绿色", "数字化", "高品质", "标准化", "示范性", "县域", "乡镇",
             "社区", "村级", "综合性", "专业化", "规模化", "特色", "公益性", "普惠性", "现代化", "区域性"]
PLACE_WORDS = ["东部", "西部", "南部", "北部", "中心城区", "临港", "滨江", "沿湖", "高铁新城", "老城区"]


def _project(rng: random.Random, place: Place) -> str:
    return f"{place.short}{rng.choice(PLACE_WORDS)}{rng.choice(PROJECT_SUFFIX)}"


def filler_sentence(rng: random.Random, place: Place) -> str:
    """A sentence of policy prose without any figure."""
    k = rng.random()
    a, b, c = rng.sample(OBJECTS, 3)
    v1, v2, v3 = rng.sample(VERBS, 3)
    if k < 0.3:
        return f"{rng.choice(ADVERBS)}{v1}{a}，{v2}{b}，{v3}{c}。"
    if k < 0.5:
        return f"以{a}为牵引，{v1}{b}，推动{place.short}{c}{rng.choice(RESULTS_OF)}。"
    if k < 0.7:
        return f"{v1}{_project(rng, place)}、{_project(rng, place)}等项目建设，{v2}{a}。"
    if k < 0.85:
        return f"坚持问题导向和目标导向，{v1}{a}，健全{b}长效机制，确保各项工作落地见效。"
    return f"聚焦{a}和{b}，{v1}政策集成，形成{place.unit_word}上下协同推进的工作格局。"


def commitment_sentence(rng: random.Random, place: Place) -> str:
    """A planned task with a figure (a commitment, not a target)."""
    parts = []
    for verb, obj, unit, low, high in rng.sample(COMMITMENTS, rng.randint(1, 3)):
        hi = max(low + 1, high * min(1.0, place.scale * 3))
        n = rng.uniform(low, hi)
        shown = fmt(Decimal(str(round(n, 1)))) if unit in ("万亩", "万人次", "万人") else str(int(n))
        where = f"在{place.short}{rng.choice(PLACE_WORDS)}" if rng.random() < 0.3 else ""
        parts.append(f"{where}{verb}{rng.choice(MODIFIERS)}{obj}{shown}{unit}")
    return f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，" + "，".join(parts) + "。"


def task_section(w: Writer, rng: random.Random, place: Place, number: int, heading: str, *, subsections: int,
                 sentences: tuple[int, int]) -> None:
    w.para(f"{cn(number)}、{heading}")
    for j in range(1, subsections + 1):
        a, b = rng.sample(OBJECTS, 2)
        body = [f"（{cn(j)}）{rng.choice(VERBS)}{a}。"]
        for _ in range(rng.randint(*sentences)):
            body.append(commitment_sentence(rng, place) if rng.random() < 0.3 else filler_sentence(rng, place))
        w.para("".join(body))


# ---------------------------------------------------------------------------------------------
# Shared pieces


def congress(place: Place, year: int, rng: random.Random) -> str:
    session = (year - 2016) % 5 + 1
    term = {"province": 12, "prefecture": 8, "county": 17}[place.level] + (year - 2013) // 5
    return f"{place.printed}第{cn(term)}届人民代表大会第{cn(session)}次会议"


def doc_number(place: Place, year: int, rng: random.Random) -> str:
    return f"{place.short[0]}政发〔{year}〕{rng.randint(1, 30)}号"


def gold_document(place: Place, doc_type: str, plan_year: int, **fields) -> dict:
    return {"type": "document", "doc_type": doc_type, "region": place.name, "region_level": place.level,
            "region_code": place.code, "parent_region": place.parent, "plan_year": plan_year,
            "issuer": fields.get("issuer"), "doc_number": fields.get("doc_number"), "issued_on": fields.get("issued_on")}


def prose_targets(w: Writer, facts: Facts, year: int, lead: str) -> None:
    """主要预期目标是：…；…。 with the names as prose prints them."""
    items = []
    for ind_id in PROSE_TARGETS:
        f = facts.targets.get(ind_id)
        if f is None:
            continue
        items.append((f, ind_id))
    w.t(lead)
    for i, (f, ind_id) in enumerate(items):
        name = f.ind.prose_name
        if ind_id == "energy_intensity_reduction" and f.kind == "numeric":
            name = "单位地区生产总值能耗降低"
        w.t(name)
        w.t(f.text)
        w.target(name, f, year)
        w.t("。\n\n" if i == len(items) - 1 else "；")


def results_headline(w: Writer, facts: Facts, year: int, place: Place) -> None:
    """The opening paragraph of a review: the headline results of ``year``."""
    r = facts.results
    w.t(f"{year}年，{place.whole}经济运行稳中有进、进中向好。全年实现地区生产总值")
    w.level("地区生产总值", r["gdp_level"], "亿元", year, "gdp_level")
    w.t("，比上年")
    w.growth("地区生产总值", r["gdp_growth"], year, "gdp_growth")
    w.t("；规模以上工业增加值")
    w.growth("规模以上工业增加值", r["industrial_value_added_growth"], year, "industrial_value_added_growth")
    w.t("；固定资产投资")
    w.growth("固定资产投资", r["fai_growth"], year, "fai_growth")
    w.t("；社会消费品零售总额")
    w.level("社会消费品零售总额", r["retail_sales_level"], "亿元", year, "retail_sales_level")
    w.t("，")
    w.growth("社会消费品零售总额", r["retail_sales_growth"], year, "retail_sales_growth")
    w.t("；一般公共预算收入")
    w.level("一般公共预算收入", r["budget_revenue_level"], "亿元", year, "budget_revenue_level")
    w.t("，")
    w.growth("一般公共预算收入", r["budget_revenue_growth"], year, "budget_revenue_growth")
    w.t("；城镇居民人均可支配收入")
    w.level("城镇居民人均可支配收入", r["urban_income_level"], "元", year, "urban_income_level")
    w.t("，")
    w.growth("城镇居民人均可支配收入", r["urban_income_growth"], year, "urban_income_growth")
    w.t("；农村居民人均可支配收入")
    w.level("农村居民人均可支配收入", r["rural_income_level"], "元", year, "rural_income_level")
    w.t("，")
    w.growth("农村居民人均可支配收入", r["rural_income_growth"], year, "rural_income_growth")
    w.t("。城镇调查失业率")
    w.level("城镇调查失业率", r["surveyed_unemployment"], "%", year, "surveyed_unemployment")
    w.t("，居民消费价格")
    w.growth("居民消费价格", r["cpi"], year, "cpi", verb="上涨")
    w.t("。\n\n")


def review_section(w: Writer, rng: random.Random, facts: Facts, year: int, place: Place, number: int,
                   sentences: tuple[int, int]) -> None:
    """（一）…: achievements of ``year`` in one area: prose and a few counted results (actuals)."""
    a = rng.choice(OBJECTS)
    w.t(f"（{cn(number)}）{rng.choice(['坚持', '聚焦', '突出', '注重'])}{a}，{rng.choice(RESULTS_OF)}。")
    for _ in range(rng.randint(*sentences)):
        if rng.random() < 0.25:
            verb, obj, unit, low, high = rng.choice(COMMITMENTS)
            hi = max(low + 1, high * min(1.0, place.scale * 3))
            n = Decimal(str(round(rng.uniform(low, hi), 1))) if unit in ("万亩", "万人次", "万人") else Decimal(int(rng.uniform(low, hi)))
            w.t(f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，全年{verb}{obj}")
            w.level(f"{verb}{obj}", n, unit, year, None, optional=True)
            w.t("。")
        else:
            w.t(filler_sentence(rng, place))
    w.t("\n\n")


# ---------------------------------------------------------------------------------------------
# The four kinds


def plan_notice(place: Place, year: int, seed: int, layout: str) -> tuple[str, list[dict], dict]:
    rng = random.Random(stable_seed(seed, "plan_notice", place.code, year))
    facts = Facts.of(place, year, seed)
    w = Writer()
    gov = f"{place.printed}人民政府"
    number = doc_number(place, year, rng)
    month, day = rng.randint(1, 3), rng.randint(1, 28)
    w.para(f"{gov}文件").para(number)
    w.para(f"{gov}关于下达{year}年{place.printed}国民经济和社会发展计划的通知")
    w.para(rng.choice(["各县（市、区）人民政府，市政府各部门、各直属单位：", "各有关单位：",
                       "各乡镇人民政府、街道办事处，政府各部门："]))
    w.para(f"{year}年{place.printed}国民经济和社会发展计划已经{congress(place, year, rng)}审议批准，现印发给你们，请认真组织实施。")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(4, 7))))
    for i, heading in enumerate(rng.sample(HEADINGS, rng.randint(8, 10)), start=1):
        task_section(w, rng, place, i, heading, subsections=rng.randint(2, 4), sentences=(4, 8))
    w.para(gov).para(f"{year}年{month}月{day}日")
    w.para("附件").para(f"{year}年{place.printed}国民经济和社会发展计划主要目标")
    _targets_table(w, rng, facts, year, layout)
    gold = gold_document(place, "plan_notice", year, issuer=gov, doc_number=number,
                         issued_on=f"{year}-{month:02d}-{day:02d}")
    return w.text, [gold] + w.gold, {"title": f"{gov}关于下达{year}年{place.printed}国民经济和社会发展计划的通知",
                                     "doc_number": number, "date": f"{year}-{month:02d}-{day:02d}"}


def _targets_table(w: Writer, rng: random.Random, facts: Facts, year: int, layout: str) -> None:
    chosen = [i for i in TABLE_INDICATORS if i.id in PROSE_TARGETS[:10] or rng.random() < 0.75]
    order = {c: n for n, c in enumerate(dict.fromkeys(i.category for i in TABLE_INDICATORS))}
    chosen.sort(key=lambda i: order[i.category])
    if layout == "tab":
        w.t(f"类别\t序号\t指标名称\t单位\t{year}年目标\t属性\n")
    elif layout == "space":
        w.t(f"类别 序号 指 标 单位 {year} 年目标\n")
    else:
        w.t(f"指标类型\n\n序号\n\n指标名称\n\n{year}年目标\n\n")
    previous = None
    for n, ind in enumerate(chosen, start=1):
        f = facts.targets[ind.id]
        cat = ind.category if ind.category != previous else ""
        previous = ind.category
        seq = str(n)
        unit = ind.unit or "—"
        if layout == "tab":
            w.target(ind.table_name, f, year, category=ind.category, seq=seq, text=bare(f))
            binding = "约束性" if ind.id in ("energy_intensity_reduction", "carbon_intensity_reduction", "pm25",
                                             "good_air_days_share", "water_quality_share", "forest_coverage") else "预期性"
            w.t(f"{cat}\t{seq}\t{ind.table_name}\t{unit}\t{bare(f)}\t{binding}\n")
        elif layout == "space":
            w.target(ind.table_name, f, year, category=ind.category, seq=seq, text=bare(f))
            if cat:
                w.t(f"{cat[:2]}\n\n{cat[2:]}\n\n")
            w.t(f"{seq} {ind.table_name} {unit} {bare(f)}".translate(FULLWIDTH) + "\n")
        else:
            w.target(ind.table_name, f, year, category=ind.category, seq=seq)
            w.t((f"{cat}\n\n" if cat else "") + f"{seq}\n\n{ind.table_name}\n\n{f.text}\n\n")
    w.t("\n")


def work_report(place: Place, year: int, seed: int) -> tuple[str, list[dict], dict]:
    rng = random.Random(stable_seed(seed, "work_report", place.code, year))
    last = Facts.of(place, year - 1, seed)
    facts = Facts.of(place, year, seed)
    w = Writer()
    day = rng.randint(5, 28)
    w.para("政府工作报告")
    w.para(f"——{year}年1月{day}日在{congress(place, year, rng)}上")
    w.para(f"{place.printed}{'省长' if place.level == 'province' else '市长' if place.level == 'prefecture' else '县长'}")
    w.para("各位代表：")
    w.para(f"现在，我代表{place.printed}人民政府，向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。")
    w.para(f"一、{year - 1}年工作回顾")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(3, 5))))
    results_headline(w, last, year - 1, place)
    w.para(f"一年来，我们主要做了以下工作：")
    for j in range(1, rng.randint(10, 14)):
        review_section(w, rng, last, year - 1, place, j, (7, 12))
    w.para("".join(filler_sentence(rng, place) for _ in range(3)))
    w.para(f"二、{year}年主要目标和重点工作")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(2, 4))))
    prose_targets(w, facts, year, f"{year}年经济社会发展的主要预期目标是：")
    w.para("重点抓好以下工作：")
    for j, heading in enumerate(rng.sample(HEADINGS, rng.randint(7, 9)), start=1):
        w.para(f"（{cn(j)}）{heading}")
        for _ in range(rng.randint(2, 3)):
            w.para("".join(commitment_sentence(rng, place) if rng.random() < 0.3 else filler_sentence(rng, place)
                           for _ in range(rng.randint(4, 7))))
    w.para("三、全面加强政府自身建设")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(4, 6))))
    w.para("各位代表！" + filler_sentence(rng, place))
    gold = gold_document(place, "work_report", year, issuer=f"{place.printed}人民政府",
                         issued_on=f"{year}-01-{day:02d}")
    return w.text, [gold] + w.gold, {"title": f"{year}年{place.printed}政府工作报告", "date": f"{year}-01-{day:02d}"}


COMPLETION_ROWS = [  # indicator id, row name, result key, unit
    ("gdp_growth", "地区生产总值增长", "gdp_growth", "%"),
    ("industrial_value_added_growth", "规模以上工业增加值增长", "industrial_value_added_growth", "%"),
    ("fai_growth", "固定资产投资增长", "fai_growth", "%"),
    ("retail_sales_growth", "社会消费品零售总额增长", "retail_sales_growth", "%"),
    ("budget_revenue_growth", "一般公共预算收入增长", "budget_revenue_growth", "%"),
    ("export_growth", "出口增长", "export_growth", "%"),
    ("surveyed_unemployment", "城镇调查失业率", "surveyed_unemployment", "%"),
    ("cpi", "居民消费价格涨幅", "cpi", "%"),
]


def plan_report(place: Place, year: int, seed: int) -> tuple[str, list[dict], dict]:
    rng = random.Random(stable_seed(seed, "plan_report", place.code, year))
    last = Facts.of(place, year - 1, seed)
    facts = Facts.of(place, year, seed)
    w = Writer()
    day = rng.randint(5, 28)
    issuer = f"{place.printed}发展和改革{'委员会' if place.level != 'county' else '局'}"
    title = (f"关于{place.printed}{year - 1}年国民经济和社会发展计划执行情况与{year}年国民经济和社会发展计划草案的报告")
    w.para(title).para(f"——{year}年1月{day}日在{congress(place, year, rng)}上").para(issuer)
    w.para("各位代表：")
    w.para(f"受{place.printed}人民政府委托，现将{place.printed}{year - 1}年国民经济和社会发展计划执行情况与{year}年"
           "国民经济和社会发展计划草案提请大会审查，并请政协委员和其他列席人员提出意见。")
    w.para(f"一、{year - 1}年国民经济和社会发展计划执行情况")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(2, 4))))
    results_headline(w, last, year - 1, place)
    w.para(f"{year - 1}年主要指标完成情况见下表：")
    w.t(f"指标名称\t单位\t{year - 1}年计划\t{year - 1}年完成\t{year}年目标\n")
    for ind_id, name, key, unit in COMPLETION_ROWS:
        prev, cur = last.targets[ind_id], facts.targets[ind_id]
        result = last.results[key]
        w.t(f"{name}\t{unit}\t{bare(prev)}\t{fmt(result)}\t{bare(cur)}\n")
        w.target(name, prev, year - 1, text=bare(prev))
        measure = "level" if ind_id == "surveyed_unemployment" else "growth"
        w.gold.append({"type": "actual", "year": year - 1, "name": name, "measure": measure, "unit": unit,
                       "text": fmt(result), "comparator": "=", "value": float(result), "group": ind_id})
        w.target(name, cur, year, text=bare(cur))
    w.t("\n")
    for j in range(1, rng.randint(9, 12)):
        review_section(w, rng, last, year - 1, place, j, (6, 10))
    w.para(f"二、{year}年经济社会发展的总体要求和主要目标")
    w.para("".join(filler_sentence(rng, place) for _ in range(rng.randint(3, 5))))
    w.para(f"三、{year}年国民经济和社会发展的主要任务")
    for j, heading in enumerate(rng.sample(HEADINGS, rng.randint(7, 9)), start=1):
        w.para(f"（{cn(j)}）{heading}")
        for _ in range(rng.randint(1, 3)):
            w.para("".join(commitment_sentence(rng, place) if rng.random() < 0.3 else filler_sentence(rng, place)
                           for _ in range(rng.randint(4, 8))))
    w.para("各位代表！" + filler_sentence(rng, place))
    # Targets of both years come from the completion table: the prose above names no figure.
    gold = gold_document(place, "plan_report", year, issuer=issuer, issued_on=f"{year}-01-{day:02d}")
    # the table repeats each indicator's name for both years: gold keeps each year's line
    return w.text, [gold] + w.gold, {"title": title, "date": f"{year}-01-{day:02d}"}


# Further results of each section: name, unit, range (at a middling province's size when scaled),
# flags: s = scales with the region, i = a whole number, y = a year-end stock (年末), p = a share (%)
BULLETIN_ITEMS = {
    "综合": [("人均地区生产总值", "元", 40000, 160000, "i"), ("全员劳动生产率", "元/人", 80000, 260000, "i"),
           ("规模以上服务业营业收入", "亿元", 1500, 20000, "s"), ("数字经济核心产业增加值", "亿元", 300, 6000, "s"),
           ("民营经济增加值", "亿元", 2000, 30000, "s")],
    "农业": [("油料产量", "万吨", 5, 120, "s"), ("蔬菜产量", "万吨", 100, 2500, "s"), ("水果产量", "万吨", 50, 1500, "s"),
           ("生猪出栏", "万头", 100, 4000, "s"), ("禽蛋产量", "万吨", 10, 300, "s"), ("茶叶产量", "吨", 2000, 90000, "si"),
           ("农作物播种面积", "万亩", 500, 9000, "s"), ("农业机械总动力", "万千瓦", 500, 9000, "sy"),
           ("家庭农场", "家", 2000, 90000, "siy"), ("农民专业合作社", "家", 3000, 60000, "siy")],
    "工业和建筑业": [("规模以上工业营业收入", "亿元", 5000, 60000, "s"), ("装备制造业增加值", "亿元", 800, 9000, "s"),
               ("战略性新兴产业增加值", "亿元", 600, 8000, "s"), ("建筑业企业签订合同额", "亿元", 2000, 30000, "s"),
               ("规模以上工业企业", "家", 3000, 50000, "siy"), ("规模以上工业企业营业收入利润率", "%", 4, 9, "p"),
               ("建筑业房屋施工面积", "万平方米", 5000, 90000, "s"), ("高技术制造业增加值", "亿元", 300, 6000, "s")],
    "固定资产投资": [("工业投资", "亿元", 800, 9000, "s"), ("交通投资", "亿元", 300, 3000, "s"),
               ("商品房销售面积", "万平方米", 500, 9000, "s"), ("房屋施工面积", "万平方米", 3000, 40000, "s"),
               ("生态环保投资", "亿元", 50, 900, "s"), ("水利投资", "亿元", 40, 700, "s"), ("能源投资", "亿元", 80, 1200, "s")],
    "国内贸易": [("限额以上单位商品零售额", "亿元", 2000, 12000, "s"), ("餐饮收入", "亿元", 300, 2500, "s"),
             ("网络零售额", "亿元", 500, 12000, "s"), ("限额以上单位汽车类零售额", "亿元", 300, 2500, "s"),
             ("限额以上单位石油及制品类零售额", "亿元", 200, 1500, "s"), ("限额以上单位通讯器材类零售额", "亿元", 40, 600, "s")],
    "对外经济": [("进口总额", "亿元", 500, 12000, "s"), ("对外承包工程营业额", "亿美元", 5, 90, "s"),
             ("服务贸易进出口额", "亿元", 300, 5000, "s"), ("新设外商投资企业", "家", 100, 3000, "si"),
             ("机电产品出口额", "亿元", 500, 9000, "s"), ("高新技术产品出口额", "亿元", 200, 4000, "s")],
    "交通、邮电和旅游": [("公路总里程", "公里", 30000, 150000, "sy"), ("快递业务量", "亿件", 5, 150, "s"),
                   ("邮政业务总量", "亿元", 50, 900, "s"), ("移动电话用户", "万户", 1000, 9000, "sy"),
                   ("固定互联网宽带接入用户", "万户", 500, 4000, "sy"), ("旅客运输量", "万人次", 3000, 60000, "s"),
                   ("港口货物吞吐量", "万吨", 2000, 90000, "s")],
    "财政和金融": [("税收收入", "亿元", 400, 6000, "s"), ("民生支出", "亿元", 500, 7000, "s"),
              ("保险业原保险保费收入", "亿元", 300, 3000, "s"), ("教育支出", "亿元", 150, 1800, "s"),
              ("社会保障和就业支出", "亿元", 100, 1500, "s"), ("境内外上市公司", "家", 10, 600, "siy")],
    "教育和科学技术": [("专利授权量", "件", 10000, 300000, "si"), ("发明专利授权量", "件", 1500, 60000, "si"),
                 ("技术合同成交额", "亿元", 50, 3000, "s"), ("普通高中在校生", "万人", 20, 150, "sy"),
                 ("普通高等学校在校生", "万人", 20, 160, "sy"), ("中等职业教育在校生", "万人", 10, 80, "sy"),
                 ("省级以上重点实验室", "家", 20, 400, "siy")],
    "文化、卫生和体育": [("卫生技术人员", "万人", 10, 80, "sy"), ("执业（助理）医师", "万人", 4, 30, "sy"),
                  ("艺术表演团体", "个", 50, 900, "siy"), ("体育场地", "万个", 2, 30, "sy"), ("公共图书馆藏书", "万册", 800, 9000, "sy"),
                  ("广播节目综合人口覆盖率", "%", 98, 100, "p"), ("电视节目综合人口覆盖率", "%", 98, 100, "p")],
    "人口、居民收入和社会保障": [("全体居民人均消费支出", "元", 20000, 45000, "i"), ("城镇居民人均消费支出", "元", 25000, 50000, "i"),
                      ("农村居民人均消费支出", "元", 12000, 30000, "i"), ("参加失业保险", "万人", 200, 2000, "sy"),
                      ("城乡居民最低生活保障对象", "万人", 10, 150, "sy"), ("参加基本医疗保险", "万人", 1500, 9000, "sy"),
                      ("养老机构床位", "万张", 2, 30, "sy")],
    "资源、环境和安全生产": [("城镇污水处理率", "%", 90, 99, "p"), ("生活垃圾无害化处理率", "%", 95, 100, "p"),
                   ("全年总用水量", "亿立方米", 50, 300, "s"), ("新增造林面积", "万亩", 10, 200, "s"),
                   ("规模以上工业综合能源消费量", "万吨标准煤", 2000, 15000, "s"), ("地表水省控断面Ⅲ类以上水质比例", "%", 80, 100, "p")],
}
BULLETIN_SECTIONS = ["综合", "农业", "工业和建筑业", "固定资产投资", "国内贸易", "对外经济", "交通、邮电和旅游", "财政和金融",
                     "教育和科学技术", "文化、卫生和体育", "人口、居民收入和社会保障", "资源、环境和安全生产"]


def statistical_bulletin(place: Place, year: int, seed: int) -> tuple[str, list[dict], dict]:
    rng = random.Random(stable_seed(seed, "bulletin", place.code, year))
    f = Facts.of(place, year, seed)
    r = f.results
    w = Writer()
    issuer = f"{place.printed}统计局"
    month, day = rng.randint(2, 4), rng.randint(1, 28)
    title = f"{place.printed}{year}年国民经济和社会发展统计公报"
    w.para(title).para(issuer).para(f"{year + 1}年{month}月{day}日")
    w.para(f"{year}年，{place.whole}上下" + "".join(filler_sentence(rng, place) for _ in range(rng.randint(2, 4))))
    for i, section in enumerate(BULLETIN_SECTIONS, start=1):
        w.para(f"{cn(i)}、{section}")
        w.para(filler_sentence(rng, place))
        BULLETIN_WRITERS[i - 1](w, rng, f, year, place)
        items = BULLETIN_ITEMS[section]
        for name, unit, low, high, flags in rng.sample(items, max(3, len(items) - rng.randint(0, 2))):
            w.t(f"{'年末' if 'y' in flags else '全年'}{name}")
            if "p" in flags:
                w.t("为")
                w.share(name, dec(rng, low, high), year)
            else:
                value = _scaled(rng, place, low, high) if "s" in flags else dec(rng, low, high)
                if "i" in flags:
                    value = Decimal(max(1, int(value)))
                w.level(name, value, unit, year)
                w.t("，比上年" + ("末" if "y" in flags else ""))
                w.growth(name, dec(rng, -9, 18), year)
            w.t("。")
        w.t("\n\n")
    w.para("注：本公报中部分数据为初步统计数，各项数据均未包括外来人口较多的开发区单列统计部分。公报中部分数据因四舍五入，"
           "存在总计与分项合计不等的情况。")
    gold = gold_document(place, "statistical_bulletin", year, issuer=issuer,
                         issued_on=f"{year + 1}-{month:02d}-{day:02d}")
    return w.text, [gold] + w.gold, {"title": title, "date": f"{year + 1}-{month:02d}-{day:02d}"}


def _scaled(rng, place, low, high, places=1) -> Decimal:
    return _round_like(dec(rng, low, high, places) * Decimal(str(round(place.scale, 4))))


def _b_overview(w, rng, f, y, p):
    r = f.results
    w.t("经初步核算，全年实现地区生产总值")
    w.level("地区生产总值", r["gdp_level"], "亿元", y, "gdp_level")
    w.t("，按可比价格计算，比上年")
    w.growth("地区生产总值", r["gdp_growth"], y, "gdp_growth")
    w.t("。其中，第一产业增加值")
    w.growth("第一产业增加值", r["primary_growth"], y, "primary_value_added_growth")
    w.t("；第二产业增加值")
    w.growth("第二产业增加值", r["secondary_growth"], y, "secondary_value_added_growth")
    w.t("；第三产业增加值")
    w.growth("第三产业增加值", r["tertiary_growth"], y, "tertiary_value_added_growth")
    w.t("。全年居民消费价格比上年")
    w.growth("居民消费价格", r["cpi"], y, "cpi", verb="上涨")
    w.t("。年末常住人口")
    w.level("年末常住人口", r["population"], "万人", y, "population")
    w.t("，全年出生率为")
    w.level("出生率", r["birth_rate"], "‰", y, "birth_rate", optional=True)
    w.t("。全年城镇新增就业")
    w.level("城镇新增就业", r["new_urban_jobs"], "万人", y, "new_urban_jobs")
    w.t("，城镇调查失业率")
    w.level("城镇调查失业率", r["surveyed_unemployment"], "%", y, "surveyed_unemployment")
    w.t("。\n\n")


def _b_agriculture(w, rng, f, y, p):
    r = f.results
    w.t("全年粮食播种面积")
    w.level("粮食播种面积", r["grain_area"], "万亩", y, "grain_area")
    w.t("，粮食总产量")
    w.level("粮食总产量", r["grain_output"], "万吨", y, "grain_output")
    w.t("，比上年")
    w.growth("粮食总产量", dec(rng, -3, 4), y, "grain_output_growth", optional=True)
    w.t("。全年农林牧渔业总产值")
    w.level("农林牧渔业总产值", _scaled(rng, p, 300, 900), "亿元", y, "agri_output_level")
    w.t("，比上年")
    w.growth("农林牧渔业总产值", dec(rng, 1, 6), y, "agri_output_growth")
    w.t("。年末新建高标准农田")
    w.level("新建高标准农田", _scaled(rng, p, 5, 60), "万亩", y, "high_standard_farmland")
    w.t("。全年肉类总产量")
    w.level("肉类总产量", _scaled(rng, p, 10, 120), "万吨", y, None, optional=True)
    w.t("，水产品产量")
    w.level("水产品产量", _scaled(rng, p, 5, 80), "万吨", y, None, optional=True)
    w.t("。\n\n")


def _b_industry(w, rng, f, y, p):
    r = f.results
    w.t("全年规模以上工业增加值比上年")
    w.growth("规模以上工业增加值", r["industrial_value_added_growth"], y, "industrial_value_added_growth")
    w.t("。规模以上工业企业实现利润总额")
    w.level("规模以上工业企业利润总额", _scaled(rng, p, 500, 2500), "亿元", y, None)
    w.t("，比上年")
    w.growth("规模以上工业企业利润总额", dec(rng, -10, 15), y, "industrial_profit_growth")
    w.t("。高新技术产业增加值占规模以上工业增加值的比重为")
    w.share("高新技术产业增加值占规模以上工业增加值的比重", dec(rng, 35, 68), y, "hightech_industry_share")
    w.t("。全年建筑业总产值")
    w.level("建筑业总产值", _scaled(rng, p, 800, 6000), "亿元", y, None)
    w.t("，比上年")
    w.growth("建筑业总产值", dec(rng, -5, 12), y, "construction_output_growth")
    w.t("。\n\n")
    w.t("全年规模以上工业主要产品产量如下：\n")
    w.t("产品名称\t单位\t产量\t比上年增长（%）\n")
    for name, unit in rng.sample([("钢材", "万吨"), ("水泥", "万吨"), ("发电量", "亿千瓦时"), ("化学纤维", "万吨"), ("布", "亿米"),
                                  ("汽车", "万辆"), ("集成电路", "亿块"), ("光伏电池", "万千瓦"), ("家用电冰箱", "万台")], 5):
        output, change = _scaled(rng, p, 5, 900), dec(rng, -12, 25)
        w.t(f"{name}\t{unit}\t{fmt(output)}\t{fmt(change)}\n")
        w.gold.append({"type": "actual", "year": y, "name": name, "measure": "level", "unit": unit, "text": fmt(output),
                       "comparator": "=", "value": float(output), "group": None, "optional": True})
        w.gold.append({"type": "actual", "year": y, "name": name, "measure": "growth", "unit": "%", "text": fmt(change),
                       "comparator": "=", "value": float(change), "group": None, "optional": True})
    w.t("\n")


def _b_investment(w, rng, f, y, p):
    r = f.results
    w.t("全年固定资产投资比上年")
    w.growth("固定资产投资", r["fai_growth"], y, "fai_growth")
    w.t("。其中，制造业投资")
    w.growth("制造业投资", r["manufacturing_investment_growth"], y, "manufacturing_investment_growth")
    w.t("，基础设施投资")
    w.growth("基础设施投资", dec(rng, -8, 15), y, "infrastructure_investment_growth")
    w.t("，民间投资")
    w.growth("民间投资", dec(rng, -10, 12), y, "private_investment_growth")
    w.t("。全年房地产开发投资")
    w.level("房地产开发投资", _scaled(rng, p, 300, 3000), "亿元", y, None, optional=True)
    w.t("。\n\n")


def _b_trade(w, rng, f, y, p):
    r = f.results
    w.t("全年社会消费品零售总额")
    w.level("社会消费品零售总额", r["retail_sales_level"], "亿元", y, "retail_sales_level")
    w.t("，比上年")
    w.growth("社会消费品零售总额", r["retail_sales_growth"], y, "retail_sales_growth")
    w.t("。按经营地统计，城镇消费品零售额")
    w.level("城镇消费品零售额", _round_like(r["retail_sales_level"] * Decimal("0.84")), "亿元", y, None, optional=True)
    w.t("，乡村消费品零售额")
    w.level("乡村消费品零售额", _round_like(r["retail_sales_level"] * Decimal("0.16")), "亿元", y, None, optional=True)
    w.t("。全年实物商品网上零售额")
    w.growth("实物商品网上零售额", dec(rng, 2, 20), y, None, optional=True)
    w.t("。\n\n")


def _b_foreign(w, rng, f, y, p):
    r = f.results
    w.t("全年货物进出口总额")
    w.level("货物进出口总额", r["trade_level"], "亿元", y, "trade_level")
    w.t("，比上年")
    w.growth("货物进出口总额", r["trade_growth"], y, "trade_growth")
    w.t("。其中，出口")
    w.growth("出口", r["export_growth"], y, "export_growth")
    w.t("。全年实际使用外资")
    w.level("实际使用外资", r["fdi_utilized"], "亿美元", y, "fdi_utilized")
    w.t("。\n\n")


def _b_transport(w, rng, f, y, p):
    r = f.results
    w.t("全年货运量比上年")
    w.growth("货运量", r["freight_growth"], y, "freight_volume_growth")
    w.t("。全社会用电量比上年")
    w.growth("全社会用电量", r["electricity_growth"], y, "electricity_consumption_growth")
    w.t("。全年接待游客")
    w.level("接待游客", r["tourist_arrivals"], "万人次", y, "tourist_arrivals")
    w.t("，实现旅游总收入")
    w.level("旅游总收入", r["tourism_revenue"], "亿元", y, "tourism_revenue")
    w.t("。年末5G基站")
    w.level("5G基站", _scaled(rng, p, 0.5, 12, 2), "万个", y, "five_g_base_stations", optional=True)
    w.t("。\n\n")


def _b_finance(w, rng, f, y, p):
    r = f.results
    w.t("全年一般公共预算收入")
    w.level("一般公共预算收入", r["budget_revenue_level"], "亿元", y, "budget_revenue_level")
    w.t("，比上年")
    w.growth("一般公共预算收入", r["budget_revenue_growth"], y, "budget_revenue_growth")
    w.t("。一般公共预算支出")
    w.level("一般公共预算支出", r["budget_expenditure_level"], "亿元", y, "budget_expenditure_level")
    w.t("。年末金融机构本外币存款余额")
    w.level("金融机构本外币存款余额", r["deposit_level"], "亿元", y, None)
    w.t("，比上年末")
    w.growth("金融机构本外币存款余额", r["deposit_growth"], y, "deposit_growth")
    w.t("；本外币贷款余额")
    w.level("本外币贷款余额", r["loan_level"], "亿元", y, None)
    w.t("，")
    w.growth("本外币贷款余额", r["loan_growth"], y, "loan_growth")
    w.t("。\n\n")


def _b_science(w, rng, f, y, p):
    r = f.results
    w.t("全年研究与试验发展经费支出占地区生产总值的比重为")
    w.share("研究与试验发展经费支出占地区生产总值的比重", r["rd_intensity"], y, "rd_intensity")
    w.t("。年末高新技术企业")
    w.level("高新技术企业", r["hightech_enterprises"], "家", y, "hightech_enterprises")
    w.t("，科技型中小企业")
    w.level("科技型中小企业", r["tech_smes"], "家", y, "tech_smes")
    w.t("。全年普通高校招生")
    w.level("普通高校招生", _scaled(rng, p, 1, 30, 2), "万人", y, None, optional=True)
    w.t("。\n\n")


def _b_culture(w, rng, f, y, p):
    r = f.results
    w.t("年末共有医疗卫生机构床位")
    w.level("医疗卫生机构床位", r["hospital_beds"], "张", y, None)
    w.t("。年末共有博物馆")
    w.level("博物馆", Decimal(max(1, int(rng.uniform(5, 120) * p.scale))), "家", y, "museums", optional=True)
    w.t("，公共图书馆")
    w.level("公共图书馆", Decimal(max(1, int(rng.uniform(5, 100) * p.scale))), "个", y, None, optional=True)
    w.t("。\n\n")


def _b_people(w, rng, f, y, p):
    r = f.results
    w.t("全年城镇居民人均可支配收入")
    w.level("城镇居民人均可支配收入", r["urban_income_level"], "元", y, "urban_income_level")
    w.t("，比上年")
    w.growth("城镇居民人均可支配收入", r["urban_income_growth"], y, "urban_income_growth")
    w.t("；农村居民人均可支配收入")
    w.level("农村居民人均可支配收入", r["rural_income_level"], "元", y, "rural_income_level")
    w.t("，")
    w.growth("农村居民人均可支配收入", r["rural_income_growth"], y, "rural_income_growth")
    w.t("。年末常住人口城镇化率为")
    w.share("常住人口城镇化率", r["urbanization_rate"], y, "urbanization_rate")
    w.t("。年末参加城乡居民基本养老保险")
    w.level("参加城乡居民基本养老保险", r["pension_insured"], "万人", y, "pension_insured")
    w.t("。\n\n")


def _b_environment(w, rng, f, y, p):
    r = f.results
    w.t("全年细颗粒物（PM2.5）平均浓度为")
    w.level("细颗粒物（PM2.5）平均浓度", r["pm25"], "微克/立方米", y, "pm25")
    w.t("，空气质量优良天数比例为")
    w.share("空气质量优良天数比例", r["good_air_days_share"], y, "good_air_days_share")
    w.t("。森林覆盖率")
    w.share("森林覆盖率", r["forest_coverage"], y, "forest_coverage")
    w.t("。单位地区生产总值能耗比上年")
    w.growth("单位地区生产总值能耗", -r["energy_intensity_reduction"], y, "energy_intensity_reduction")
    w.t("。\n\n")


BULLETIN_WRITERS = [_b_overview, _b_agriculture, _b_industry, _b_investment, _b_trade, _b_foreign, _b_transport,
                    _b_finance, _b_science, _b_culture, _b_people, _b_environment]
KINDS = ("plan_notice", "work_report", "plan_report", "statistical_bulletin")


def compose(kind: str, place: Place, year: int, seed: int = 1, layout: str = "tab") -> tuple[str, list[dict], dict]:
    """(text, gold lines, metadata for an HTML page) of one document."""
    if kind == "plan_notice":
        return plan_notice(place, year, seed, layout)
    if kind == "work_report":
        return work_report(place, year, seed)
    if kind == "plan_report":
        return plan_report(place, year, seed)
    if kind == "statistical_bulletin":
        return statistical_bulletin(place, year, seed)
    raise ValueError(kind)

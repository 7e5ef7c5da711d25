"""The words the region registry reads a division's name by and writes an issuer's name with
(zhibiao/catalog/data/region_words.yaml): each one pinned by a case that fails without it. The cases
name their words (a case read from the file would go with its word), and every word of the file
has its case (a word added without one fails the last test)."""
from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from zhibiao.catalog import RegionRegistry
from zhibiao.catalog.annotate import resolve_region
from zhibiao.catalog.regions import RegionRow
from zhibiao.models import DocumentInfo, Extraction, Region

WORDS = yaml.safe_load(files("zhibiao.catalog").joinpath("data", "region_words.yaml").read_text("utf-8"))
SPEC = {
    "division_ends": ["省", "市", "区", "县", "旗", "州", "盟"],
    "place_within_ends": ["经济技术开发区", "高新技术产业开发区", "经济开发区", "高新区", "开发区", "新区", "工业园区", "产业园区",
                          "综合保税区", "保税区", "镇", "乡", "街道"],
    "autonomous_ends": ["自治县", "自治旗", "自治州", "自治区"],
    "autonomous_short_ends": [{"自治州": "州", "自治县": "县", "自治旗": "旗"}],
    "short_name_ends": ["特别行政区", "地区", "省", "市", "县", "区", "旗", "盟"],
    "issuer_suffixes": ["人民政府办公厅", "人民政府办公室", "人民政府", "政府办公室", "政府", "发展和改革委员会",
                        "发展改革委", "发改委", "发展和改革局", "发改局", "统计局", "人民代表大会常务委员会", "人大常委会"],
    "national_names": ["国务院", "全国", "中国", "中华人民共和国", "国家"],
    "level_name_ends": ["县", "市", "区", "旗"],
    "two_character_name_ends": ["县", "市"],
    "government": ["人民政府"],
    "plan_commission": ["发展和改革委员会"],
    "plan_bureau": ["发展和改革局"],
    "statistics_bureau": ["统计局"],
    "national_government": ["国务院"],
    "national_plan_commission": ["国家发展和改革委员会"],
    "national_statistics_bureau": ["国家统计局"],
}
NATION, ZHEJIANG, YANGBI = "100000", "330000", "532922"  # (漾濞彝族自治县: its short name 漾濞 is no other's)


@pytest.fixture(scope="module")
def registry() -> RegionRegistry:
    return RegionRegistry.default()


@pytest.mark.parametrize("end", [e for e in SPEC["division_ends"] if e != "县"])
def test_a_short_name_running_into_a_division_end_names_another_place(registry, end):
    """漾濞 is 漾濞彝族自治县's short name, but 漾濞省 (漾濞市, …) would be another division's (漾濞县 is its own:
    autonomous_short_ends)."""
    assert [(r.code, a, b) for r, a, b in registry.find_at_level("漾濞的发展", "county")] == [(YANGBI, 0, 2)]
    assert registry.find_at_level(f"漾濞{end}的发展", "county") == []


@pytest.mark.parametrize("end, worded, code", [("自治县", "漾濞县", YANGBI), ("自治州", "大理州", "532900"),
                                               ("自治旗", "莫力达瓦旗", "150722")])
def test_an_autonomous_division_is_named_by_its_short_name_and_its_levels_end(registry, end, worded, code):
    """(as its own documents print it: 大理白族自治州 → 大理州; a short name and another end is still none)"""
    assert SPEC["autonomous_short_ends"][0][end] == worded[-1]
    assert registry.resolve(worded).code == code
    level = registry.by_code(code).level
    assert [(r.code, a, b) for r, a, b in registry.find_at_level(f"{worded}的发展", level)] == [(code, 0, len(worded))]
    # (鄂伦春自治旗's name is its ethnic group's and its end: no short name, and 旗 alone names nothing)
    assert registry.resolve(worded[-1]) is None


@pytest.mark.parametrize("name, short", [("漾濞彝族自治县", "漾濞"), ("莫力达瓦达斡尔族自治旗", "莫力达瓦"),
                                         ("大理白族自治州", "大理"), ("宁夏回族自治区", "宁夏")])
def test_an_autonomous_divisions_short_name_is_without_its_ethnic_groups_and_end(name, short):
    assert name[-3:] in SPEC["autonomous_ends"]
    assert RegionRegistry.short_name(name) == short


@pytest.mark.parametrize("name, short", [("香港特别行政区", "香港"), ("阿里地区", "阿里"), ("浙江省", "浙江"),
                                         ("绍兴市", "绍兴"), ("德清县", "德清"), ("西湖区", "西湖"),
                                         ("科尔沁右翼前旗", "科尔沁右翼前"), ("阿拉善盟", "阿拉善")])
def test_a_divisions_short_name_is_without_its_end(name, short):
    assert name[len(short):] in SPEC["short_name_ends"]
    assert RegionRegistry.short_name(name) == short


@pytest.mark.parametrize("suffix", SPEC["issuer_suffixes"])
def test_an_issuer_names_its_region(registry, suffix):
    assert registry.resolve(f"浙江省{suffix}").code == ZHEJIANG
    assert registry.resolve(f"浙江{suffix}").code == ZHEJIANG
    assert registry.resolve_compound(f"浙江省杭州市西湖区{suffix}").code == "330106"


@pytest.mark.parametrize("name", SPEC["national_names"])
def test_the_nations_names_name_it_within_any_parent(registry, name):
    assert registry.resolve(name).code == NATION
    assert registry.resolve(name, within=ZHEJIANG).code == NATION  # (the nation, though no division of the province)


@pytest.mark.parametrize("end", SPEC["two_character_name_ends"])
def test_a_division_s_full_name_of_two_characters_opens_a_name(end):
    """攸县, 芒市: a full name of one character and its end opens a result's name as a longer one does (a
    district's, 城区 / 东区, is a word too: none)."""
    rows = [RegionRow(NATION, "中华人民共和国", "national", None, ()),
            RegionRow("430000", "湖南省", "province", NATION, ("湖南",)),
            RegionRow("430200", "株洲市", "prefecture", "430000", ("株洲",)),
            RegionRow("430223", f"攸{end}", "county", "430200", ()),
            RegionRow("430203", "东区", "county", "430200", ())]
    registry = RegionRegistry({r.code: r for r in rows})
    assert registry.division_opening(f"攸{end}地区生产总值") == f"攸{end}"
    assert registry.division_opening("东区地区生产总值") is None


@pytest.mark.parametrize("end", SPEC["level_name_ends"])
def test_a_full_name_names_its_division_at_its_level_though_a_higher_one_is_known_by_it(end):
    """巢湖市: until 2011 a prefecture-level city, since then a county-level one (in a registry that
    keeps the former): at county level the full name is the county's, the short name 巢湖 neither's."""
    rows = [RegionRow(NATION, "中华人民共和国", "national", None, ()),
            RegionRow("340000", "安徽省", "province", NATION, ("安徽",)),
            RegionRow("340100", "合肥市", "prefecture", "340000", ("合肥",)),
            RegionRow("341400", f"巢湖{end}", "prefecture", "340000", ("巢湖",), former=True),
            RegionRow("340181", f"巢湖{end}", "county", "340100", ("巢湖",))]
    found = RegionRegistry({r.code: r for r in rows}).find_at_level(f"巢湖{end}人民政府", "county")
    assert [(r.code, a, b) for r, a, b in found] == [("340181", 0, 3)]


# (the word's key, the region, the kind of document, the issuer written)
ISSUERS = [("government", ZHEJIANG, None, "浙江省人民政府"),
           ("plan_commission", ZHEJIANG, "plan_report", "浙江省发展和改革委员会"),
           ("plan_bureau", YANGBI, "plan_report", "漾濞彝族自治县发展和改革局"),
           ("statistics_bureau", ZHEJIANG, "statistical_bulletin", "浙江省统计局"),
           ("national_government", NATION, "work_report", "国务院"),
           ("national_plan_commission", NATION, "plan_report", "国家发展和改革委员会"),
           ("national_statistics_bureau", NATION, "statistical_bulletin", "国家统计局")]


@pytest.mark.parametrize("key, code, doc_type, issuer", ISSUERS, ids=[i[0] for i in ISSUERS])
def test_the_body_issuing_a_kind_of_document(registry, key, code, doc_type, issuer):
    assert issuer.endswith(SPEC[key][0])
    assert registry.issuer_name(registry.by_code(code), doc_type) == issuer


@pytest.mark.parametrize("printed, issuer", [("日在浮山县人民政府", "浮山县人民政府"), ("日在浮山县统计局", "日在浮山县统计局")])
def test_a_governments_printed_name_is_written_as_the_registry_writes_it(printed, issuer):
    """(catalog.annotate: a government's name the extractor cut badly is written again; another
    body's is kept as printed)"""
    extraction = Extraction(DocumentInfo(source="x.txt", sha256="", format="txt", doc_type="plan_notice",
                                         issuer=printed, region=Region(name="浮山县", level="county")))
    resolve_region(extraction, None)
    assert (extraction.document.region.code, extraction.document.issuer) == ("141027", issuer)


@pytest.mark.parametrize("code", ["330000", "330500", "330522", "110101", "100000"])
@pytest.mark.parametrize("doc_type", ["plan_notice", "plan_report", "statistical_bulletin"])
def test_every_issuer_the_registry_writes_names_its_region_again(registry, code, doc_type):
    """(a county's plan report is issued by its 发展和改革局: the name written must resolve back)"""
    region = registry.by_code(code)
    assert registry.resolve(registry.issuer_name(region, doc_type)).code == code


def test_every_issuer_has_its_case():
    """(the lists' words have theirs by the parametrized tests above)"""
    lists = {"division_ends", "autonomous_ends", "autonomous_short_ends", "short_name_ends", "issuer_suffixes", "national_names", "level_name_ends",
             "two_character_name_ends",
             "place_within_ends"}
    assert sorted(i[0] for i in ISSUERS) == sorted(set(SPEC) - lists)


def test_every_region_word_has_its_case():
    """The file's words are the cases' words: a word added to it without a case fails here."""
    in_file = {key: sorted(words) if isinstance(words, list) else [words] for key, words in WORDS.items()}
    assert in_file == {key: sorted(words) for key, words in SPEC.items()}


@pytest.mark.parametrize("end", SPEC["place_within_ends"])
def test_a_short_name_running_into_a_place_within_is_no_mention_of_its_division(registry, end):
    # (a town, a zone or a park named after a county: 缙云 of 缙云{end} is not 缙云县)
    assert [r.name for r, _a, _b in registry.find_at_level(f"缙云{end}", "county")] == [] and \
        [r.name for r, _a, _b in registry.find_at_level("缙云经济稳中有进", "county")] == ["缙云县"]

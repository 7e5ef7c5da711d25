"""The words a printed name is read by when it is matched to the catalogue
(zhibiao/catalog/data/name_words.yaml): each one pinned by a case that fails without it. The cases
name their words (a case read from the file would go with its word), and every word of the file
has its case (a word added without one fails the last test)."""
from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from zhibiao.catalog import Catalog
from zhibiao.catalog.matcher import SHARE_OF_WORDING, concept_of, infer_measure

WORDS = yaml.safe_load(files("zhibiao.catalog").joinpath("data", "name_words.yaml").read_text("utf-8"))
SPEC = {
    "growth_suffixes": ["增长率", "增长", "增速", "增幅", "涨幅", "上涨", "提高", "实际增长", "名义增长", "递增"],
    "growth_suffix_leads": ["年均"],
    "reduction_suffixes": ["下降率", "降低率", "下降", "降低", "降幅", "减少"],
    "index_suffixes": ["指数"],
    "level_suffixes": ["总额", "总量", "水平", "规模", "数量", "额"],
    "growth_wording_leads": ["比上年", "同比", "年均"],
    "growth_wording_verbs": ["增长", "增加", "增速", "下降", "回落", "上涨"],
    "share_names": ["比重", "占比", "份额", "比例"],
    "share_wordings": ["比重", "份额", "占比"],
    "share_of_lead": ["占"],
    "share_of_words": ["比重", "份额", "比例"],
    "time_openings": ["年末", "年底", "全年"],
    "region_openings": ["全国", "全省", "全市", "全县", "全区", "全州", "全旗", "全盟"],
    "region_ends": ["省", "自治区", "市", "县"],
    "region_part_openings": ["中心城区", "主城区", "城区", "市区", "县城"],
    "scope_qualifiers": ["限额以上", "限上", "规模以上", "规上"],
}
JOBS = "城镇新增就业"  # in the catalogue (new_urban_jobs); with a word of two or more before it, too far for a fuzzy match


@pytest.mark.parametrize("word", SPEC["growth_suffixes"])
def test_a_name_ending_with_a_growth_word_is_a_growth_of_its_concept(word):
    assert concept_of(f"居民收入{word}") == "居民收入"
    assert infer_measure(f"居民收入{word}", None, None, None) == "growth"


@pytest.mark.parametrize("lead", SPEC["growth_suffix_leads"])
def test_a_growth_words_lead_is_no_part_of_the_concept(lead):
    assert concept_of(f"居民收入{lead}增长") == "居民收入"


@pytest.mark.parametrize("word", SPEC["reduction_suffixes"])
def test_a_name_ending_with_a_reduction_word_is_a_reduction_of_its_concept(word):
    assert concept_of(f"单位地区生产总值能耗{word}") == "单位地区生产总值能耗"
    # (the concept only: the measure is still the unit's)
    assert infer_measure(f"生产安全事故死亡人数{word}", "人", None, "120人") == "level"
    # the catalogue's reduction, however the word is printed (万元地区生产总值能耗 is one of its aliases)
    found = Catalog.default().match(f"万元地区生产总值能耗{word}", unit="%", text="3%")
    assert found.id == "energy_intensity_reduction" and found.reason == "concept", (word, found)


@pytest.mark.parametrize("word", SPEC["index_suffixes"])
def test_a_name_ending_with_an_index_word_is_an_index(word):
    assert infer_measure(f"居民消费价格{word}", None, None, None) == "index"
    assert infer_measure("居民消费价格", None, None, None) is None


@pytest.mark.parametrize("word", SPEC["level_suffixes"])
def test_a_name_ending_with_a_level_word_is_its_concept(word):
    assert concept_of(f"进出口{word}") == "进出口"


@pytest.mark.parametrize("lead", SPEC["growth_wording_leads"])
def test_a_wording_opening_with_a_lead_and_a_growth_verb_states_a_growth(lead):
    assert infer_measure("工业用电量", "%", None, f"{lead}增长6%") == "growth"


@pytest.mark.parametrize("verb", SPEC["growth_wording_verbs"])
def test_a_wording_opening_with_a_growth_verb_states_a_growth(verb):
    assert infer_measure("工业用电量", "%", None, f"比上年{verb}6%") == "growth"
    assert infer_measure("工业用电量", "%", None, "为6%") == "growth_or_share"


@pytest.mark.parametrize("word", SPEC["share_names"])
def test_a_name_holding_a_share_word_is_a_share(word):
    assert infer_measure(f"服务业增加值{word}", "%", None, "45%") == "share"


@pytest.mark.parametrize("word", SPEC["share_wordings"])
def test_a_wording_holding_a_share_word_states_a_share(word):
    assert infer_measure("服务业增加值", "%", None, f"{word}达到45%") == "share"


@pytest.mark.parametrize("lead", SPEC["share_of_lead"])
@pytest.mark.parametrize("word", SPEC["share_of_words"])
def test_a_wording_naming_the_whole_a_line_is_a_share_of(lead, word):
    assert SHARE_OF_WORDING.match(f"{lead}全国{word}保持稳定").group() == f"{lead}全国{word}"
    assert SHARE_OF_WORDING.match(f"{lead}全国总额保持稳定") is None


def test_the_share_a_wording_names_finds_its_indicator():
    assert Catalog.default().match("货物出口总额", text="占全国份额保持稳定").id == "export_share_national"


@pytest.mark.parametrize("word", SPEC["time_openings"])
def test_a_names_time_names_no_indicator(word):
    found = Catalog.default().match(f"{word}{JOBS}")
    assert found.id == "new_urban_jobs" and found.reason.startswith("without its time")


@pytest.mark.parametrize("name", [f"{opening}{JOBS}" for opening in SPEC["region_openings"]]
                         + [f"{place}{end}{JOBS}" for place, end in zip(("河南", "宁夏回族", "湖州", "德清"),
                                                                        SPEC["region_ends"])])
def test_a_names_region_names_no_indicator(name):
    found = Catalog.default().match(name)
    assert found.id == "new_urban_jobs" and found.reason.startswith("without region"), name


PM25 = "PM2.5平均浓度"  # in the catalogue (pm25), a concentration: measured per unit


@pytest.mark.parametrize("part", SPEC["region_part_openings"])
def test_the_part_of_the_region_a_figure_per_unit_is_measured_in_names_no_indicator(part):
    found = Catalog.default().match(f"{part}{PM25}", unit="微克/立方米", text="控制在30微克/立方米以内")
    assert found.id == "pm25" and found.reason.startswith("without a part of the region"), (part, found)
    found = Catalog.default().match(f"{part}污水处理率", unit="%", text="达到95%")
    assert found.id == "sewage_treatment_rate" and found.reason.startswith("without a part of the region"), (part, found)
    # an amount or a count of the part is not the region's
    found = Catalog.default().match(f"{part}常住人口", unit="万人", text="达到50万人")
    assert found is None or found.id != "population", (part, found)


@pytest.mark.parametrize("part", SPEC["region_part_openings"])
def test_a_part_of_the_region_in_brackets_after_a_name_is_read_as_in_front_of_it(part):
    found = Catalog.default().match(f"{PM25}（{part}）", unit="微克/立方米", text="控制在30微克/立方米以内")
    assert found.id == "pm25" and found.reason.startswith("without a part of the region"), (part, found)
    # a growth, an amount or a count of the part is not the region's (its own row stands beside it)
    assert Catalog.default().match(f"地区生产总值增速（{part}）", unit="%", text="6左右") is None
    assert Catalog.default().match(f"{JOBS}（{part}）", unit="万人", text="3.2") is None


@pytest.mark.parametrize("qualifier", SPEC["scope_qualifiers"])
def test_a_name_narrowed_to_the_units_above_a_threshold_is_no_fuzzy_match_of_the_whole(qualifier):
    # (each name is a fuzzy match of the whole's without the rule: the qualifier in front, the rest the same)
    for name, whole in ((f"{qualifier}社会消费品零售总额增长", "retail_sales_growth"),
                        (f"{qualifier}社会消费品零售额", "retail_sales_level"),
                        (f"{qualifier}服务业增加值占地区生产总值比重", "services_share")):
        found = Catalog.default().match(name)
        assert found is None or found.id != whole, (name, found)


def test_two_narrowed_names_may_match_fuzzily():
    found = Catalog.default().match("规模以上全部工业增加值")
    assert found is not None and found.id.startswith("industrial_value_added") and found.reason.startswith("fuzzy"), found


def test_every_name_word_has_its_case():
    """The file's words are the cases' words: a word added to it without a case fails here."""
    in_file = {key: sorted(words) if isinstance(words, list) else [words] for key, words in WORDS.items()}
    assert in_file == {key: sorted(words) for key, words in SPEC.items()}

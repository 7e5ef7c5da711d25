"""load/data/web_page.yaml: one list per kind of word of a web page's furniture, read by the HTML
loader and by normalisation. A metadata key opens a line of furniture, but for the generic keys the
file names as the exception (文号, 来源, 分类): wrapped prose lines open with them."""
from __future__ import annotations

import pytest

from zhibiao.datafiles import load_yaml
from zhibiao.text.normalize import normalize, page_furniture

WORDS = load_yaml("zhibiao.load", "data", "web_page.yaml")
TITLE_BELOW = "某市人民政府关于下达2024年某市国民经济和社会发展计划的通知"


def test_each_word_is_in_one_list():
    lists = {k: v for k, v in WORDS.items() if k != "generic_keys"}
    seen: dict[str, str] = {}
    for name, words in lists.items():
        for w in words:
            assert w not in seen, f"{w} is in {seen.get(w)} and {name}"
            seen[w] = name
    assert set(WORDS["generic_keys"]) <= set(WORDS["metadata_keys"])


@pytest.mark.parametrize("key", [k for k in WORDS["metadata_keys"] if k not in WORDS["generic_keys"]])
def test_a_metadata_key_opens_a_line_of_furniture(key):
    assert page_furniture(f"{key} 某市人民政府办公室")
    assert normalize(f"{key} 某市人民政府办公室\n{TITLE_BELOW}\n").text.endswith(f"\n{TITLE_BELOW}\n")


@pytest.mark.parametrize("line", ["来源于工业的税收增长8%，", "分类推进城镇老旧小区改造，", "文号管理和公文处理进一步规范，"])
def test_a_generic_key_opening_a_wrapped_line_of_prose_is_prose(line):
    assert line[:2] in WORDS["generic_keys"]
    assert not page_furniture(line)
    joined = normalize(f"今年财政收入结构持续优化，其中\n{line}质量效益稳步提升。\n").text
    assert f"其中{line}质量效益稳步提升。" in joined


@pytest.mark.parametrize("label", WORDS["inline_labels"])
def test_a_label_printed_only_after_another_s_value_opens_no_line_of_furniture(label):
    # (时间紧、任务重, 作者… at the head of a wrapped prose line: prose, joined)
    line = f"{label}紧、任务重，"
    assert not page_furniture(line)
    assert f"其中{line}质量效益稳步提升。" in normalize(f"今年工作成效明显，其中\n{line}质量效益稳步提升。\n").text

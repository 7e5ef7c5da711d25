"""Faults red team 36 left (its README's "Left"), each on a small text of our own."""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text


def targets(text: str) -> list[tuple]:
    return [(t.year, t.name, t.text) for t in extract_text(text).targets]


@pytest.mark.parametrize("furniture", ["某某市发展和改革委员会　2026年3月2日", "某某市发展和改革委员会\n2026年3月2日",
                                       "某某市发展和改革委员会\n（2026年3月2日）", "2026年3月2日"])
def test_a_title_naming_the_targets_opens_the_list_below_its_issuer_and_date(furniture):
    text = f"某某市2026年经济社会发展主要预期目标\n{furniture}\n\n规模以上工业增加值增长7%；城镇新增就业2.5万人。\n"
    assert targets(text) == [(2026, "规模以上工业增加值", "增长7%"), (2026, "城镇新增就业", "2.5万人")]



@pytest.mark.parametrize("text, named", [
    ("青田县政府工作报告提出今年GDP增长5.5%左右\n2026年1月10日上午，青田县第十八届人民代表大会第五次会议开幕。"
     "县长代表县政府作政府工作报告。\n报告提出，今年全县地区生产总值增长5.5%左右。\n",
     "青田县政府工作报告提出今年GDP增长5.5%左右"),
    ("政府工作报告\n——2026年1月10日在青田县第十八届人民代表大会第五次会议上\n各位代表：\n今年全县地区生产总值增长5.5%左右。\n",
     "青田县2026年政府工作报告")])
def test_a_headline_is_named_as_printed_a_bare_work_reports_title_completed(text, named):
    from zhibiao.api import extract_text as extract  # (with the catalogue: the region's name as the command names it)
    from zhibiao.cli.extract import document_name

    assert document_name(extract(text).document) == named

"""Scans made fast for speed (issue 16) find exactly what the plain pattern finds."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from zhibiao.extract.scope import SESSION, sessions

PIECES = ["第十四届", "十四届", "14届", "第十三届全国", "届", "人民代表大会", "人大", "全国人大", "常务委员会", "第二次会议",
          "二次会议", "第3次全体会议", "会议", "以来", "后", "省", "杭州市", "在", " ", "　", "\n", "政府工作报告", "第", "十",
          "一二三", "2024年", "，", "。", "全国"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_sessions_are_the_pattern_s_matches(text):
    assert [(m.span(), m.groups()) for m in sessions(text)] == [(m.span(), m.groups()) for m in SESSION.finditer(text)]


def test_sessions_are_found_in_a_document_head():
    head = "浙江省第十四届人民代表大会第二次会议\n政府工作报告\n——2024年1月23日在省十四届人大二次会议上"
    assert [m.group("term", "session") for m in sessions(head)] == [("十四", "二"), ("十四", "二")]


def test_numerals_read_without_cn2an_are_read_as_cn2an_reads_them():
    import cn2an
    from decimal import Decimal

    from zhibiao.extract.numbers import parse_chinese

    digits = "一二三四五六七八九"
    forms = list("零〇一二两三四五六七八九十") + [a + "十" + b for a in ["", *digits] for b in ["", *digits]]
    for form in forms:
        expected = Decimal(cn2an.cn2an(form.replace("两", "二").replace("〇", "零"), "normal"))
        assert parse_chinese.__wrapped__(form) == expected and str(parse_chinese.__wrapped__(form)) == str(expected)

"""Property tests: the extractor never crashes on strange text, and every span it reports lies
inside the text and reads back its own value."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhibiao.api import extract_text
from zhibiao.extract.grammar import _candidates, parse_target
from zhibiao.extract.numbers import find_numbers
from zhibiao.text import normalize

TOKENS = st.sampled_from([
    "附件", "主要目标", "序号", "指标名称", "2024年目标", "经济发展", "1", "2", "12", "地区生产总值增长", "6.5%以上",
    "左右", "以内", "\t", "\n", "\n\n", " ", "％", "５ ５", "与经济增长同步", "完成省下达目标", "结构性指标", "（", "）",
    "主要预期目标是：", "，", "；", "。", "增长", "亿元", "万人", "—３—", "一、", "（一）", "百分之五", "两千",
    "人民政府", "2024年2月5日", "〔2024〕2号", "\x00", "\ufeff", "\r\n", "國內生產總值", "(qū)", ",,",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=120).map("".join))
def test_extractor_survives_any_mix_of_plan_words(text):
    e = extract_text(text)
    norm = normalize(text).text
    for t in e.targets:
        assert 0 <= t.span.start <= t.span.end <= len(norm)
        assert 0 <= t.source_span.start <= t.source_span.end <= len(text)
        if t.value is not None:
            # every value is printed in its own span: extraction never invents digits
            assert t.value in {n.value for n in [*find_numbers(t.span.slice(norm)), *_candidates(t.span.slice(norm))]}
    for line in [*e.actuals, *e.commitments]:
        assert 0 <= line.span.start <= line.span.end <= len(norm)
        if line.value is not None:
            span_text = line.span.slice(norm)  # 两千亿元 is read as 2000 of 亿元, as the extractor reads it
            printed = {n.value for n in [*find_numbers(span_text), *_candidates(span_text)]}
            assert line.value in printed or -line.value in printed  # 下降5% is growth -5
    e.to_dict()  # serialisable


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_grammar_never_raises(text):
    p = parse_target(text)
    assert p.kind in (None, "numeric", "relative", "directional", "assigned")
    if p.number_span:
        a, b = p.number_span
        assert 0 <= a <= b <= len(text.strip())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_text_extracts(text):
    extract_text(text).to_dict()

"""A document's normalised text and the search form the extractor's patterns read."""
from __future__ import annotations

from zhibiao.models import LoadedText
from zhibiao.text.document import Document


def _document(text: str) -> Document:
    return Document.from_loaded(LoadedText(text=text, path="note.txt", format="txt", sha256="0" * 64))


def test_the_search_text_is_simplified_with_years_in_digits_and_the_same_offsets():
    doc = _document("二〇二五年，全縣地區生產總值增長6%左右。")
    assert doc.search_text == "2025年，全县地区生产总值增长6%左右。"
    assert len(doc.search_text) == len(doc.text)
    assert doc.printed("地区生产总值", (8, 14)) == "地區生產總值"  # written back as the document prints it


def test_the_search_text_is_made_once_per_document():
    # (the extractor reads it hundreds of times a document: made again at each read — as a
    # functools.cached_property is in a class compiled by mypyc — it cost more than the extraction)
    doc = _document("全縣地區生產總值增長6%左右。" * 20)
    first = doc.search_text
    assert first is not doc.text and doc.search_text is first
    plain = _document("全县地区生产总值增长6%左右。")
    assert plain.search_text is plain.text  # nothing to change: the text itself


def test_a_value_is_printed_back_as_it_stands_in_its_span():
    # 發 and 髮 both read 发: a value found in its span is written as it is printed there
    doc = _document("頭髮與發展、發展與頭髮。")
    assert doc.search_text == "头发与发展、发展与头发。"
    assert doc.printed("发展", (3, 5)) == "發展"
    assert doc.printed("头发", (0, 2)) == "頭髮"
    assert doc.printed("头发与发展", (0, 5)) == "頭髮與發展"
    assert doc.printed("与发展", (0, 5)) == "與發展"


def test_a_value_not_printed_as_it_is_takes_each_character_from_its_first_place_in_the_span():
    # (a name cleaned of a mark between its characters is not in its span as it is)
    doc = _document("頭髮與發展、發展與頭髮。")
    assert doc.printed("头发发展", (0, 5)) == "頭髮髮展"  # 发 first printed 髮 in this span
    assert doc.printed("发展x", (3, 5)) == "發展x"  # a character the span does not hold stays
    assert doc.printed("发展", (3, 3)) == "发展"  # an empty span changes nothing


def test_a_value_of_a_span_nothing_changed_is_itself():
    doc = _document("頭髮：2025年全市增長6%。")
    assert doc.printed("2025年全市", (3, 10)) == "2025年全市"

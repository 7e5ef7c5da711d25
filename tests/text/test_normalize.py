"""Normalisation: every change mapped back to the raw text; decimals restored only on evidence."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhibiao.text import MappedText, normalize
from zhibiao.text.offsets import Edit


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("ＧＤＰ增长　６．５％以上", "GDP增长6.5%以上"),  # width folded, ideographic space dropped
        ("地区生产总值（ＧＤＰ）", "地区生产总值（GDP）"),  # Chinese brackets kept as printed
        ("要坚持稳中求进工作总基调，持续推动“八\n\n八战略”走深走实。", "要坚持稳中求进工作总基调，持续推动“八八战略”走深走实。"),
        # across a page break a full line runs on; a short one is a paragraph of its own (a list item)
        ("全市上下坚持稳中求进工作总基调，持续推动经济\n\n高质量发展。", "全市上下坚持稳中求进工作总基调，持续推动经济高质量发展。"),
        ("地区生产总值增长6%左右\n\n城镇新增就业3万人", "地区生产总值增长6%左右\n\n城镇新增就业3万人"),
        # a chart's caption is a line of its own
        ("图1 三次产业增加值及其增长速度\n年末全省常住人口3856万人，比上年末增加4万人。",
         "图1三次产业增加值及其增长速度\n年末全省常住人口3856万人，比上年末增加4万人。"),
        # a title's bracketed note ends the title's line
        ("某市国民经济和社会发展第十五个五年规划纲要（摘要）\n“十五五”时期经济社会发展的主要目标是：",
         "某市国民经济和社会发展第十五个五年规划纲要（摘要）\n“十五五”时期经济社会发展的主要目标是："),
        ("安排省级财政资金 １０２３ ６ 亿元，支持发展。", "安排省级财政资金1023.6亿元，支持发展。"),
        ("细颗粒物（ＰＭ２ ５）浓度", "细颗粒物（PM2.5）浓度"),
        ("2024 年 是 关键一年。", "2024年是关键一年。"),
        ("第一段结束。\n\n—３１—\n\n第二段。", "第一段结束。\n\n\n第二段。"),
        ("固定资产投资1,234.5亿元,增长5%", "固定资产投资1234.5亿元,增长5%"),  # thousands grouped: no clause break
        ("分别为2023,2024年", "分别为2023,2024年"),  # two years, not a grouped number
        # a pinyin gloss a wrap put at the next line's start goes, and the wrap joins; "(a)" opening a line stays
        ("一般公共预算收入218.5亿元、增长\n(zhǎng)5.2%；", "一般公共预算收入218.5亿元、增长5.2%；"),
        ("今年主要工作安排如下所列各项\n(a)城镇新增就业2万人", "今年主要工作安排如下所列各项\n(a)城镇新增就业2万人"),
    ],
)
def test_normalize_spec(raw, expected):
    assert normalize(raw).text == expected


def test_across_a_blank_line_a_text_of_paragraph_lines_runs_on_only_in_prose():
    """A text of one line a paragraph (its lines far longer than a page's width) is not wrapped: a
    line without a clause above a blank line is a headline above its dateline, not a page break —
    joined, the headline's target and the lead's results became one sentence. A paragraph's piece
    cut by a page break (it holds clauses) still runs on; in a wrapped text any full line does."""
    para = "全市地区生产总值达到1234.5亿元，增长6.1%，规模以上工业增加值增长7.2%，固定资产投资增长5.3%，" * 2 + "实现良好开局。"
    raw = (f"青川市政府工作报告发布 今年GDP预期增长6%左右\n\n2025-01-20 09:00 来源：青川日报\n\n{para}\n\n"
           f"推进重大项目建设，力争新增10亿元以上产业项目30个以上，其\n\n中50亿元以上项目5个。\n\n{para}\n\n{para}")
    out = normalize(raw).text
    assert out.startswith("青川市政府工作报告发布今年GDP预期增长6%左右\n\n2025-01-20 09:00来源：青川日报\n\n全市")
    assert "30个以上，其中50亿元" in out
    wrapped = "\n\n".join(["青川市政府工作报告发布今年GDP预期增长", "6%左右全市地区生产总值达到1234.5亿元",
                             "增长6.1%规模以上工业增加值增长7.2%固定", "资产投资增长5.3%实现良好开局。"])
    assert normalize(wrapped).text == wrapped.replace("\n", "")


def test_heading_and_title_lines_are_not_joined():
    raw = "一、聚焦创新提质\n\n（一）构建体系。内容。\n\n绍兴市人民政府关于下达2024年计划的通知\n\n各区、县（市）人民政府："
    out = normalize(raw).text
    assert "一、聚焦创新提质\n" in out
    assert "的通知\n" in out


@pytest.mark.parametrize("below", ["今年全县地区生产总值预期增长5.5%左右。", "18日，青禾县第九届人民代表大会第五次会议开幕。",
                                   "2026年全县地区生产总值增长5.5%左右，城镇新增就业2万人。"])
def test_a_headline_naming_a_year_is_not_joined_to_the_first_sentence_below_it(below):
    # (no blank line between: the headline names a year and holds no clause; the line below opens a sentence)
    assert normalize(f"青禾县2026年政府工作报告解读\n{below}\n").text.startswith("青禾县2026年政府工作报告解读\n")
    # a first line holding a clause, or naming no year, is a sentence's: a wrap runs on; and so does a
    # line cut before a figure
    assert normalize(f"青禾县2026年政府工作，报告解读\n{below}\n").text.count("\n") == 1
    assert normalize(f"青禾县今年政府工作报告的解读\n{below}\n").text.count("\n") == 1
    assert normalize("2025年青禾县全年地区生产总值增长\n5.1%，城镇新增就业2万人。\n").text.count("\n") == 1
    # a first line at a wrapped text's width is a wrap, whatever it names
    lines = ["2025年青禾县全年经济运行总体平稳稳中有进全县地区", "生产总值增长百分之五点一，城镇新增就业两万人，居民",
             "收入稳步提高，民生保障持续加强，社会大局和谐稳定。"]
    assert normalize("\n".join(lines) + "\n").text == "".join(lines) + "\n"


def test_decimal_restored_in_space_table_rows_and_flagged():
    raw = "正文。\n\n附件\n\n类别 序号 指 标 单位 ２０２４ 年目标\n\n１ 地区生产总值增长 ％ ５ ５ 左右\n\n２ 森林覆盖率 ％ ６１ ４\n\n３ 人口 万人 １００\n"
    n = normalize(raw)
    assert "1 地区生产总值增长 % 5.5 左右" in n.text
    assert "2 森林覆盖率 % 61.4" in n.text
    assert "3 人口 万人 100" in n.text  # a single number is never split
    assert [(c.before, c.after) for c in n.changes] == [("5 5", "5.5"), ("61 4", "61.4")]
    for c in n.changes:
        assert c.span.slice(n.text) == c.after
        # the raw span holds the full-width digits that were printed
        assert raw[c.source_span.start:c.source_span.end].replace(" ", "") in ("５５", "６１４")


def test_two_numbers_in_prose_are_not_merged():
    assert normalize("建设 15 个项目和 20 个园区。").text == "建设15个项目和20个园区。"


def test_spans_map_back_to_raw_text():
    raw = "\ufeff各位代表：\r\n\r\n全年实现地区生产总值　７７９１ 亿元，增长 ７．８％。"
    n = normalize(raw)
    i = n.text.index("7791")
    src = n.to_source(i, i + 4)
    assert raw[src.start:src.end] == "７７９１"
    j = n.text.index("7.8%")
    src = n.to_source(j, j + 4)
    assert raw[src.start:src.end] == "７．８％"


CJK = st.sampled_from(list("国民经济和社会发展计划增长目标以上左右亿元万人，。、：（）一二三四五"))
PIECE = st.one_of(CJK, st.sampled_from(["\n", "\n\n", " ", "　", "１", "２", "５", "％", "ＧＤＰ", "\r\n", "\t", "—３—\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECE, max_size=80).map("".join))
def test_offset_map_is_consistent_on_any_text(raw):
    n = normalize(raw)
    m = n.mapped
    assert len(m.starts) == len(m.ends) == len(n.text)
    prev = 0
    for i in range(len(n.text)):
        s, e = m.starts[i], m.ends[i]
        assert 0 <= s <= e <= len(raw)
        assert s >= prev or s == m.starts[i - 1]  # monotone: the map never goes backwards
        prev = s
    for a in range(0, len(n.text), 7):
        span = n.to_source(a, min(len(n.text), a + 5))
        assert 0 <= span.start <= span.end <= len(raw)


def test_mapped_text_edit_rejects_overlaps():
    m = MappedText("abcdef")
    with pytest.raises(ValueError):
        m.edit([Edit(0, 3, "x"), Edit(2, 4, "y")])
    out = m.edit([Edit(1, 3, ""), Edit(4, 4, "ZZ")])
    assert out.text == "adZZef"
    assert out.to_source(0, 1).to_list() == [0, 1]
    assert out.to_source(1, 2).to_list() == [3, 4]


# ---------------------------------------------------------------- layouts of issue 13's kinds

def _loaded(text: str, fmt: str = "txt"):
    from zhibiao.models import LoadedText

    return LoadedText(path="x." + fmt, format=fmt, text=text, sha256="0")


def test_html_and_docx_paragraphs_are_never_joined_but_wrapped_text_lines_are():
    raw = "国家统计局平川调查队\n\n（2022年3月25日）\n\n一年来，全市经济运行稳中向好，实现了良好开局\n\n图1　地区生产总值及其增长速度\n\n按常住人口计算。"
    for fmt in ("html", "docx"):
        out = normalize(_loaded(raw, fmt)).text
        assert "良好开局\n" in out and "调查队\n" in out, fmt
    assert "良好开局图1" in normalize(_loaded(raw, "txt")).text  # a text file's blank line is a page break


def test_html_and_docx_paragraphs_that_are_a_wrapped_texts_lines_run_on():
    # a PDF's text pasted into a page or a Word file, a line a paragraph: a line at the text's
    # width runs on into the next, and a number cut between two paragraphs is one number
    para = ("全市上下坚持稳中求进工作总基调，着力推动高质量发展，经济运行持续回升向好，地区生产总值"
            "增长百分之五左右，城镇新增就业三万人以上，居民人均可支配收入增长与经济增长基本同步，"
            "粮食产量稳定在五十万吨以上，单位地区生产总值能耗完成省下达的目标任务。")
    wrapped = "\n\n".join(["平川市2024年国民经济和社会发展计划"] + [para[i:i + 30] for i in range(0, len(para), 30)])
    cut = ("2023年，全市规模以上工业增加值增长11.6%，固定资产投资增长12.\n\n"
           "8%，社会消费品零售总额增长6.5%，一般公共预算收入增长8.9%，各项指标均好于预期。")
    for fmt in ("html", "docx"):
        out = normalize(_loaded(wrapped, fmt)).text
        assert para in out and "发展计划\n" in out, fmt
        assert "增长12.8%，社会消费品" in normalize(_loaded(cut, fmt)).text, fmt


def test_table_rows_and_cells_are_never_joined():
    raw = ("主要指标完成情况如下，各项指标均较好完成年度计划任务目标\n"
           "| 地区生产总值增长 | % | 8左右 |\n| 城镇新增就业 | 万人 | 5 |\n"
           "城镇居民人均可支配收入增长（%）\n8\n8.6\n"
           "“十五五”时期经济社会发展主要指标\n指标\n2025年\n")
    out = normalize(raw).text
    assert "| 地区生产总值增长 | % | 8左右 |\n| 城镇新增就业" in out
    assert "增长（%）\n8\n8.6\n" in out
    assert "主要指标\n指标\n2025年" in out


def test_bylines_dated_signatures_and_titles_end_their_line():
    raw = ("平川市2023年国民经济和社会发展计划执行情况\n今年以来，全市上下坚持稳中求进工作总基调，经济运行平稳\n"
           "——2024年1月22日在平川市第九届人民代表大会第三次会议上\n平川市发展和改革委员会\n"
           "平川市发展和改革委员会　2023年10月20日\n今年以来，全市经济运行呈现恢复态势，支柱产业承压")
    out = normalize(raw).text
    assert "计划执行情况\n" in out
    assert "会议上\n平川市" in out
    assert "2023年10月20日\n今年以来" in out


def test_a_date_in_chinese_digits_ends_its_line():
    """A notice's date under its signature printed in Chinese digits (二〇二五年二月十八日) is a line of its
    own, as one in Arabic digits: it was joined to the plan's first line, and the notice lost its date
    (red team 34)."""
    raw = "福州市鼓楼区人民政府\n二〇二五年二月十八日\n2025年全区经济社会发展主要预期目标：地区生产总值增长5.5%左右。"
    assert "二〇二五年二月十八日\n2025年全区" in normalize(raw).text


def test_forum_markup_is_dropped_and_a_block_end_ends_its_paragraph():
    out = normalize("[align=center][b]20[/b][b]22[/b][b]年[/b]公报[/align][align=left]正文[/align]").text
    assert out.split("\n")[:2] == ["2022年公报", "正文"]


def test_a_sentence_naming_header_words_opens_no_table_zone():
    from zhibiao.text.normalize import find_table_zones

    # 指标 … 预期 in a sentence, not a header row: the lines below it are text, joined as text
    raw = ("全年地区生产总值增长6.5%，各项主要指标均好于预期。\n"
           "规模以上工业增加值增长11.6%，固定资产投资增长12.\n8%，社会消费品零售总额增长6.5%。")
    assert find_table_zones(raw) == []
    assert "增长12.8%，社会消费品" in normalize(raw).text


def test_a_table_zone_ends_at_the_text_after_the_table():
    from zhibiao.text.normalize import find_table_zones

    raw = ("一、执行情况\n序号 指标 单位 2023年目标\n1 地区生产总值增长 % 6左右\n2 城镇新增就业 万人 3\n"
           "全年外贸进出口总额完成210亿元，比上年增长5%，完成年计划的87.5%，\n较上年有所回落。\n")
    n = normalize(raw)
    zones = find_table_zones(n.text)
    assert len(zones) == 1 and n.text[zones[0][0]:zones[0][1]].endswith("3")
    assert "1 地区生产总值增长 % 6左右" in n.text  # cells of a space-laid table keep their spaces
    assert "87.5%，较上年有所回落" in n.text  # the text after the table is joined as text


def test_two_columns_are_read_one_after_the_other_with_an_exact_map():
    raw = ("2022年工作回顾                            2023年主要目标\n"
           "全年全区生产总值达到512.3亿元，增长5      全区经济社会发展的主要预期目标是：\n"
           ".1%，规模以上工业增加值增长8.2%。        地区生产总值增长6%左右。\n")
    n = normalize(raw)
    assert n.text.index("2022年工作回顾") < n.text.index("增长8.2%") < n.text.index("2023年主要目标") \
        < n.text.index("地区生产总值增长6%左右")
    assert "增长5.1%" in n.text  # a number wrapped at the column's edge is joined again
    for piece in ("地区生产总值增长6%左右", "主要预期目标是", "512.3亿元"):
        a = n.text.index(piece)
        src = n.to_source(a, a + len(piece))
        assert raw[src.start:src.end] == piece


def test_a_space_separated_table_is_not_taken_for_columns():
    raw = ("序号   指标名称              单位    2024年目标\n"
           "1      地区生产总值增长      %       6左右\n"
           "2      规上工业增加值增长    %       7\n"
           "3      固定资产投资增长      %       5以上\n")
    assert normalize(raw).text.index("地区生产总值增长") < normalize(raw).text.index("规上工业增加值增长")


def test_a_table_laid_out_with_wide_gaps_keeps_its_cells_apart():
    # a fixed-width table (a PDF's text layer): wide gaps between cells become tabs, a header word
    # set letter by letter is one cell, and words set at another spacing are other cells
    raw = ("正文。\n\n附件\n\n序号   指      标      名      称          单 位     2024年预计     2025年计划\n"
           "1      地区生产总值                        亿元      3120           3300\n")
    out = normalize(raw).text
    assert "序号\t指标名称\t单位\t2024年预计\t2025年计划\n" in out
    assert "1\t地区生产总值\t亿元\t3120\t3300\n" in out


def test_in_a_laid_out_table_an_indented_row_or_one_of_a_single_gap_keeps_its_cells_apart():
    # a table copied with runs of spaces for its tabs: a sub-row under its parent row is indented
    # (its first cells empty) and holds one wide gap, or only its one cell
    raw = ("正文。\n\n附件\n\n类别  序号  指标名称  2025年目标\n"
           "经济  1  固定资产投资增速  6%\n"
           "      其中  工业投资 增速  9%\n"
           "      民间投资增速  5%\n"
           "          二氧化硫\n"
           "  2  人均 GDP 增速  5.5%\n")
    out = normalize(raw).text
    assert "\t其中\t工业投资 增速\t9%\n" in out
    assert "\t民间投资增速\t5%\n" in out  # one gap and an indent
    assert "\n\t二氧化硫\n" in out  # an indent only
    assert "\t2\t人均 GDP 增速\t5.5%" in out
    # a row of one gap in a table whose rows are not laid out is not: its run is one space
    out = normalize("正文。\n\n附件\n\n序号 指标名称 2025年目标\n1 地区生产总值增长  6左右\n  2 人口 3\n").text
    assert "1 地区生产总值增长 6左右\n" in out and "\t" not in out


def test_a_laid_out_table_read_whole_when_its_sub_rows_hold_one_gap(tmp_path):
    from zhibiao.api import extract_file

    # the same notice's table with tabs and with runs of two spaces: the same targets
    rows = [("经济发展", "1", "地区生产总值增长", "6%左右"), ("", "2", "固定资产投资增长", "7%"),
            ("", "", "制造业投资增长", "12%"), ("", "", "民间投资增长", "5%以上"),
            ("生态环境", "3", "单位GDP能耗降低", "完成省下达目标"), ("", "4", "森林覆盖率", "61.5%")]
    head = "某某市人民政府关于下达2025年国民经济和社会发展计划的通知\n\n各县（市、区）人民政府：\n\n现将计划下达。\n\n附件\n\n"
    tabbed = head + "类别\t序号\t指标名称\t2025年目标\n" + "".join("\t".join(r) + "\n" for r in rows)
    spaced = head + "类别  序号  指标名称  2025年目标\n" + "".join("  ".join(r) + "\n" for r in rows)
    (tmp_path / "tabbed.txt").write_text(tabbed, encoding="utf-8")
    (tmp_path / "spaced.txt").write_text(spaced, encoding="utf-8")
    read = [[(t.name, t.text) for t in extract_file(tmp_path / name).targets] for name in ("tabbed.txt", "spaced.txt")]
    assert len(read[0]) == 6 and read[1] == read[0]


def test_a_table_set_out_by_runs_of_spaces_is_a_zone_without_header_words():
    from zhibiao.text.normalize import find_table_zones

    prose = "全年粮食总产量170.6万吨，比上年增长1.8%。\n"
    table = ("表2　2024年主要农产品产量\n"
             "产品名称    单位      产量      比上年增长（%）\n"
             "油料      万吨      18.42   2.6\n"
             "茶叶      万吨      9.86    5.9\n")
    text = prose + table + prose
    # three rows of wide gaps open a zone (the caption above is not one of them); running text ends it
    assert find_table_zones(text) == [(text.index("产品名称"), text.index("\n全年", 1))]
    assert find_table_zones(prose + table[:table.index("茶叶")] + prose) == []  # two rows: no table
    # two cells a row: a name and its figure, parted by a wide gap, or by one space (a layout's
    # narrowest), under a header of one gap
    two = "指标      比上年涨跌（%）\n居民消费价格  0.3\n其中：食品 -0.6\n衣着      1.1\n居住      -0.2\n"
    assert find_table_zones(prose + two + prose) == [(len(prose), len(prose + two) - 1)]
    out = normalize(prose + two + prose).text
    assert "\n指标\t比上年涨跌（%）\n居民消费价格\t0.3\n其中：食品\t-0.6\n衣着\t1.1\n" in out
    # a line of prose with a figure is no row: "增长 5" in a sentence
    assert find_table_zones("今年增长 5\n明年增长 6\n后年增长 7\n".replace("增长", "经济增长率达到，")) == []
    # one space before a figure parts a short name only; a row is short
    assert find_table_zones("全市规模以上工业企业实现利润总额比上年 5\n" * 3) == []
    assert find_table_zones(("地区生产总值" * 14 + "    亿元    5\n") * 3) == []


def test_a_table_of_bars_with_empty_cells_keeps_its_bars(tmp_path):
    from zhibiao.api import extract_file

    # "|  |": an empty cell between bars is no wide gap of a layout (its rows are not set out again)
    head = "某某市人民政府关于下达2025年国民经济和社会发展计划的通知\n\n现将计划下达。\n\n附件\n\n"
    rows = [("类别", "序号", "指标名称", "2025年目标", "", ""), ("经济发展", "1", "地区生产总值增长", "6%左右", "", ""),
            ("", "2", "固定资产投资增长", "7%", "", ""), ("", "", "制造业投资增长", "12%", "", ""),
            ("", "3", "森林覆盖率", "61.5%", "", "")]  # (the empty cells a copied table ends its rows with)
    tabbed = head + "".join("\t".join(r) + "\n" for r in rows)
    piped = head + "".join(f"| {' | '.join(r)} |\n" for r in rows)
    (tmp_path / "tabbed.txt").write_text(tabbed, encoding="utf-8")
    (tmp_path / "piped.txt").write_text(piped, encoding="utf-8")
    read = [[(t.name, t.text) for t in extract_file(tmp_path / n).targets] for n in ("tabbed.txt", "piped.txt")]
    assert len(read[0]) == 4 and read[1] == read[0]


def test_a_bulletin_table_set_out_by_spaces_reads_as_its_tabbed_form(tmp_path):
    from zhibiao.api import extract_file

    head = "某某市2024年国民经济和社会发展统计公报\n\n某某市统计局\n\n一、农业\n\n全年粮食总产量170.6万吨，比上年增长1.8%。\n\n表2　2024年主要农产品产量及其增长速度\n"
    rows = [("产品名称", "单位", "产量", "比上年增长（%）"), ("油料", "万吨", "18.42", "2.6"),
            ("茶叶", "万吨", "9.86", "5.9"), ("柑橘", "万吨", "412.30", "-1.4")]
    tail = "\n二、工业\n\n全年规模以上工业增加值比上年增长8.2%。\n"
    tabbed = head + "".join("\t".join(r) + "\n" for r in rows) + tail
    spaced = head + "".join("".join(c.ljust(10) for c in r).rstrip() + "\n" for r in rows) + tail
    (tmp_path / "tabbed.txt").write_text(tabbed, encoding="utf-8")
    (tmp_path / "spaced.txt").write_text(spaced, encoding="utf-8")
    read = [sorted((a.name, str(a.value)) for a in extract_file(tmp_path / n).actuals) for n in ("tabbed.txt", "spaced.txt")]
    assert ("茶叶", "9.86") in read[0] and read[1] == read[0]


def test_single_spaces_between_cells_stay_spaces():
    out = normalize("正文。\n\n附件\n\n序号 指标名称 单位 2025年目标\n1 地区生产总值增长 % 6左右\n").text
    assert "1 地区生产总值增长 % 6左右" in out and "\t" not in out


def test_table_zones_header_to_text_attachment_to_the_end():
    from zhibiao.text.normalize import find_table_zones

    text = ("指导思想。\n序号 指标 单位 目标\n1 地区生产总值 % 6\n附件\n2 人口 万人 3\n"
            "全年外贸进出口总额完成210亿元，比上年增长5%，完成年计划的87.5%，\n"
            "序号 指标 单位 目标\n3 就业 万人 5\n就业形势总体稳定，城镇调查失业率保持在5.5%以内，重点群体就业得到保障。\n"
            "附件 2\n表格\n")
    zones = find_table_zones(text)
    header, second = text.index("序号"), text.rindex("序号")
    # a 附件 line inside a table's zone is one of its rows; the text after the table ends the zone;
    # a second header opens another, and a 附件 line outside a zone runs to the end
    assert zones == [(header, text.index("\n全年")), (second, text.index("\n就业形势")), (text.index("附件 2"), len(text))]
    assert find_table_zones("指导思想是坚持稳中求进。\n没有表格。") == []
    assert find_table_zones("序号 指标 单位 目标") == [(0, len("序号 指标 单位 目标"))]


def test_page_numbers_on_the_first_and_last_lines_and_between_pages():
    # (the page break stays a line break)
    assert normalize("—1—\n第一段结束。\n\f- 2 -\n第二段。\n第 3 页\n").text == "第一段结束。\n\n第二段。\n"
    assert normalize("第一章 总则\n第一条 内容。").text == "第一章总则\n第一条内容。"  # headings, not furniture


def test_a_two_page_texts_running_header_is_furniture_and_never_joins_a_sentence():
    # a header repeats only twice in two pages: opening both pages, no sentence, it is dropped, and
    # the sentence broken by the page closes without it
    line = "全县上下奋力拼搏，经济运行稳中向好，产业结构持续优化，新兴产业发展较快，服务业增加值比重达到"
    text = f"清河县人民政府网站\n\n工作报告\n{line}\n\n— 1 —\n\f\n清河县人民政府网站\n\n42.5%。粮食稳定。\n"
    out = normalize(text).text
    assert "网站" not in out
    assert f"{line}42.5%。" in out
    # a line opening both pages that is a sentence is text, and a line that opens only one page stays
    kept = normalize("全县经济稳中向好。\n第一段写完了\n\f全县经济稳中向好。\n第二段。\n").text
    assert kept.count("全县经济稳中向好。") == 2
    kept = normalize("全县上下，齐心协力\n第一段写完了。\n\f全县上下，齐心协力\n第二段。\n").text
    assert kept.count("全县上下，齐心协力") == 2
    assert "清河县人民政府网站" in normalize("清河县人民政府网站\n第一段。\n\f第二段。\n").text


def test_width_folding_translates_every_run_and_keeps_the_map():
    raw = "ＧＤＰ增长６．５％，ＣＰＩ３％左右，目标１０"
    n = normalize(raw)
    assert n.text == "GDP增长6.5%，CPI3%左右，目标10"
    assert list(n.mapped.starts) == list(range(len(raw)))
    m = MappedText("ａ中ｂ").translate({0xFF41: "a", 0xFF42: "b"}, __import__("re").compile("[ａｂ][ａｂ]*"))
    assert m.text == "a中b"
    unchanged = MappedText("中文")
    assert unchanged.translate({0xFF41: "a"}, __import__("re").compile("ａ")) is unchanged


TITLE_BELOW = "某市人民政府关于下达2024年某市国民经济和社会发展计划的通知"


# load/data/web_page.yaml: a web page's furniture copied into a text file stays on lines of its own
@pytest.mark.parametrize("line", [
    *(f"{label} 某市人民政府办公室" for label in (
        "索引号", "发布机构", "发文机关", "公开方式", "发文字号", "主题分类", "组配分类", "成文日期", "发布日期", "发布时间",
        "公开日期", "有效性", "生效日期", "失效日期", "公开范围", "信息来源", "浏览次数", "点击率", "点击数", "阅读次数",
        "编稿时间", "归档时间", "稿源", "责任编辑", "字号")),
    *(f"{mark}：首页 政务公开 政策解读栏目" for mark in ("当前位置", "您当前的位置", "您现在的位置", "当前的位置", "您的位置", "所在位置")),
    *(f"{tool} 某市人民政府门户网站" for tool in ("收藏本站", "设为首页", "加入收藏", "官方微博", "无障碍阅读", "繁体中文", "繁體中文",
                                          "打印本页", "关闭窗口")),
    "首页 > 政务公开 > 政策解读 > 某市发展改革",  # a breadcrumb trail
    "組配分類 某市人民政府辦公室",  # a traditional page: its labels read in simplified characters
])
def test_a_web_pages_furniture_is_never_joined_to_the_title_below_it(line):
    out = normalize(f"{line}\n{TITLE_BELOW}\n").text
    assert out.endswith(f"\n{TITLE_BELOW}\n")



def test_a_line_of_furniture_below_a_headline_is_not_joined_to_it():
    raw = "某市召开经济工作会议部署全年重点任务\n发布时间 2024-03-05 浏览次数 35\n"
    assert normalize(raw).text.startswith("某市召开经济工作会议部署全年重点任务\n发布时间")


DECIMAL_TEXT = st.lists(st.sampled_from(["1", "23", "4567", "1234567", " ", "  ", ".", "亿元", "%", "万人", "增长", "\n", "x", "０"]),
                        max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(DECIMAL_TEXT)
def test_decimals_in_body_are_the_matches_of_a_scan_of_the_whole_text(text):
    import importlib

    normalize_module = importlib.import_module("zhibiao.text.normalize")  # (the package's name normalize is the function)
    found = [(m.span(), m.groups()) for m in normalize_module._decimals_in_body(text)]
    assert found == [(m.span(), m.groups()) for m in normalize_module.DECIMAL_IN_BODY.finditer(text)]


CLEAN_OR_FOLD = st.lists(st.sampled_from(["国", "a", "\r\n", "\r", "\n", "\x0b", "\u200b", "\ufeff", "\x00", "\u3000", "\xa0", "１",
                                          "ａ", "％", "，", "（", " ", "\u00ad"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(CLEAN_OR_FOLD)
def test_one_scan_cleans_and_folds_as_the_two_passes_one_after_the_other(raw):
    import importlib

    normalize_module = importlib.import_module("zhibiao.text.normalize")
    m = MappedText(raw)
    once = normalize_module._clean_and_fold(m)
    twice = normalize_module._basic_cleanup(m).translate(normalize_module.WIDTH_TABLE, normalize_module.WIDTH_FOLDED)
    assert (once.text, list(once.starts), list(once.ends)) == (twice.text, list(twice.starts), list(twice.ends))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\t", "国", "\n", "a"]), max_size=20).map("".join))
def test_three_blanks_are_found_with_or_without_a_tab(text):
    import importlib

    normalize_module = importlib.import_module("zhibiao.text.normalize")
    assert normalize_module._three_blanks(text) == (normalize_module.THREE_BLANKS.search(text) is not None)


@pytest.mark.parametrize("raw, clean", [
    ("增长6%，，居民消费价格涨幅3%左右。", "增长6%，居民消费价格涨幅3%左右。"),
    ("能耗下降3.4%以上。。主要污染物排放继续减少。", "能耗下降3.4%以上。主要污染物排放继续减少。"),
    ("涨幅3%左右。，城镇新增就业", "涨幅3%左右。城镇新增就业"),
    ("主要目标：：增长6%", "主要目标：增长6%"),
    ("新建学校、、医院", "新建学校、医院"),
])
def test_doubled_punctuation_is_dropped(raw, clean):
    # (a repost's doubled marks: "。。" left a sentence of its own between them, and the target
    # sentence after it was read apart from its list)
    assert normalize(raw).text == clean


@pytest.mark.parametrize("raw,clean", [
    ("增长6%左右👍，投资增长8%🔥。", "增长6%左右，投资增长8%。"),  # a repost's pictographs
    ("增长6%左右❤️。", "增长6%左右❤。"),  # (a presentation selector goes; a symbol of the BMP stays)
    ("投资增长8%.消费增长5%.", "投资增长8%。消费增长5%。"),  # an ASCII full stop ending a sentence
    ("（见附件）.\n下一段", "（见附件）。\n下一段"),
    ("增长5.5%，No.1，第1.2节，1.地区生产总值", "增长5.5%，No.1，第1.2节，1.地区生产总值"),  # no full stops
    ("网址www.gov.cn。", "网址www.gov.cn。"),
    ("见附件.docx。", "见附件.docx。"),
])
def test_a_reposts_decoration_goes_and_its_ascii_full_stops_are_chinese(raw, clean):
    n = normalize(raw)
    assert n.text == clean
    # (the map still leads each character back to where it was printed)
    k = n.text.find("投资") if "投资" in n.text else 0
    assert raw[n.to_source(k, k + 2).start:][:2] == n.text[k:k + 2]


LONG = "全区上下坚持稳中求进工作总基调，经济运行稳中向好，"  # (a full line: long enough to be wrapped)


@pytest.mark.parametrize("upper, lower", [
    (f"{LONG}城镇调查失业率5.5%左右,", "城镇登记失业率4.5%以内。"),  # a repost's ASCII comma
    (f"{LONG}地区生产总值增长6.5%", "左右。"),  # a percent sign at the wrap
    (f"{LONG}出生率为5.94‰", "左右。"),
    (f"{LONG}完成年计划710亿元的89.4%(", "主要是二产未达预期)。"),  # an opening bracket
    (f"{LONG}地区生产总值增长6%左右", ";城镇新增就业22万人以上。"),  # the line below opens with a mark
    (f"{LONG}城镇新增就业22万人以上", ",城镇登记失业率4.5%以内。"),
    (f"{LONG}主要预期目标", ":地区生产总值增长6%左右。"),
    (f"{LONG}城镇登记失业率4.5", "%以内。"),
    (f"{LONG}地区生产总值增长6%左右", ")。"),
])
def test_a_line_wrapped_after_or_before_a_mark_is_joined(upper, lower):
    assert normalize(f"{upper}\n{lower}").text == upper + lower


def test_a_line_ending_with_a_percent_sign_does_not_run_across_a_blank_line():
    # (a news headline ending with its figure, then the article)
    text = "某市人大会议开幕今年地区生产总值预期增长6.5%\n\n1月15日，某市第十八届人民代表大会第三次会议开幕。"
    assert normalize(text).text == text


FIXED_WIDTH_HEADER = "类别        序号        指标名称            单位        2023年实际        2024年目标        属性"
FIXED_WIDTH_ROWS = ["经济发展    1           地区生产总值增长    %           6.0               6左右             预期性",
                    "            2           城镇新增就业        万人        8.2               8                 预期性"]


def test_a_fixed_width_table_keeps_its_cells_apart():
    # (a text laid out by runs of spaces, as pdftotext -layout writes a table: its header is 78
    # characters with the gaps, 32 without — a header is known by its words, not its gaps; a row
    # under a merged category cell opens with a gap, its first cell empty)
    text = f"2024年主要指标\n{FIXED_WIDTH_HEADER}\n" + "\n".join(FIXED_WIDTH_ROWS) + "\n\n全市上下坚持稳中求进工作总基调。"
    assert normalize(text).text.split("\n")[1:4] == [
        "类别\t序号\t指标名称\t单位\t2023年实际\t2024年目标\t属性",
        "经济发展\t1\t地区生产总值增长\t%\t6.0\t6左右\t预期性",
        "\t2\t城镇新增就业\t万人\t8.2\t8\t预期性"]


def test_a_cell_that_fills_its_column_is_parted_from_the_next_by_its_one_space():
    # a layout whose cell filled its column leaves one space before the next (pdftotext -layout, tab
    # stops): a row short of its table's cells by as many cells as it holds single spaces is parted
    # at them too (the table's count: its rows' most frequent); a row holding more single spaces than
    # cells missing keeps them (人均 GDP 增速)
    rows = ["序号    指标                单位    2023年实际 2024年目标 属性",
            "1       地区生产总值增长    %       6.0        6左右      预期性",
            "2       一般公共预算收入增长   %    5.2        与经济增长同步 预期性",
            "3       城镇调查失业率 %    5.1        5.5以内    预期性",
            "4       城镇新增就业        万人    3.2        3          预期性",
            "5       粮食总产量          万吨    52.1       52         约束性",
            "6       人均 GDP 增速 %     5.0        5.5        预期性"]
    out = normalize("2024年主要指标\n" + "\n".join(rows) + "\n\n全市上下坚持稳中求进工作总基调。").text.split("\n")
    assert out[1:5] == ["序号\t指标\t单位\t2023年实际\t2024年目标\t属性",
                        "1\t地区生产总值增长\t%\t6.0\t6左右\t预期性",
                        "2\t一般公共预算收入增长\t%\t5.2\t与经济增长同步\t预期性",
                        "3\t城镇调查失业率\t%\t5.1\t5.5以内\t预期性"]
    assert out[7].split("\t")[1:] == ["人均 GDP 增速 %", "5.0", "5.5", "预期性"]
    # rows under a merged category cell open with an indent: an empty cell, counted as one
    grouped = ["类别      序号  指标              单位  2025年目标 属性",
               "经济发展  1     地区生产总值增长  %     6左右      预期性",
               "          2     城镇新增就业      万人  3          预期性",
               "          3     粮食总产量        万吨  52         约束性",
               "          4     高新技术企业数 家     1000       预期性"]
    out = normalize("\n".join(grouped) + "\n\n全市上下坚持稳中求进工作总基调。").text.split("\n")
    assert out[0] == "类别\t序号\t指标\t单位\t2025年目标\t属性"
    assert out[4] == "\t4\t高新技术企业数\t家\t1000\t预期性"


def test_a_clause_end_at_a_wrapped_texts_width_runs_on():
    # a text copied out of a PDF, each line cut at 30 characters: a line that ends at the width with a
    # semicolon (or, across a blank line, a repost's comma) is a wrap, and the sentence runs on
    lines = ["全市全年地区生产总值增长6%左右，一般公共预算收入增长5%；",
             "规模以上工业增加值增长7%，全社会固定资产投资增长8%以上,",
             "社会消费品零售总额增长6.5%，外贸进出口总额增长5%左右",
             "。城镇调查失业率控制在5.5%以内。"]
    assert [len(x) for x in lines[:3]] == [30, 30, 29]
    joined = "".join(lines) + "\n"
    for sep in ("\n", "\n\n"):
        assert normalize(sep.join(lines) + "\n").text == joined
    # a list item short of the width ends its line; so does a sentence's end
    items = "地区生产总值增长6%左右；\n一般公共预算收入增长5%；\n" + "\n\n".join(lines) + "\n"
    assert normalize(items).text.startswith("地区生产总值增长6%左右；\n一般公共预算收入增长5%；\n全市")
    # in a text of one line a paragraph (not wrapped at a width) a semicolon ends its line
    long = "全市地区生产总值增长6%左右，一般公共预算收入增长5%，规模以上工业增加值增长7%，全社会固定资产投资增长8%以上，社会消费品零售总额增长6%；"
    assert len(long) > 60
    assert normalize(long + "\n" + long + "\n" + long + "。\n").text.count("\n") == 3


def test_lines_of_about_one_length_that_mostly_close_their_sentences_are_no_wrapped_text():
    # (red team 35) a plan's lead and its items a line, each ending with ；or 。, the longest about 20
    # characters: not a text wrapped at that width — no item runs into the next, whatever its length
    lines = ["2026年全市经济社会发展的主要预期目标是：", "地区生产总值增长6%—6.5%；", "规模以上工业增加值增长6.5%以上；",
             "社会消费品零售总额增长6%至7%；", "城镇居民人均可支配收入增长5.5%—6%；", "农村居民人均可支配收入增长6.5%—7%。"]
    assert sum(len(x) >= 20 for x in lines) >= 3
    text = "\n".join(lines) + "\n"
    assert normalize(text).text == text


def test_a_line_at_a_wrapped_texts_width_runs_on_whatever_it_ends_or_the_next_opens_with():
    # a wrapped text's line that reaches its width was cut by the wrap: it runs on after a character
    # no wrap is expected after (R&|D), into a line opening with a repost's ASCII bracket, and a
    # heading that long was wrapped too
    lines = ["一、全市全年地区生产总值增长6.5%左右，全社会研究与研发（R&",
             "D）经费支出占比达到3.2%左右，规模以上工业增加值增长7.5%",
             "(主要是新增产能集中释放)，全社会固定资产投资增长8.5%以上",
             "“十四五”规划目标任务全面完成，城镇新增就业三万人。",
             "二、着力扩大有效需求"]
    assert [len(x) for x in lines[:4]] == [32, 32, 31, 26]
    out = normalize("\n".join(lines) + "\n").text
    assert out == "".join(lines[:4]) + "\n" + lines[4] + "\n"
    # the same lines in a text of one line a paragraph (not wrapped at a width) keep apart
    paragraph = "全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，着力推动高质量发展，经济运行持续回升向好。"
    assert len(paragraph) > 50
    text = "\n".join([paragraph * 2] * 3 + lines) + "\n"
    assert normalize(text).text.split("\n")[3:5] == lines[:2]
    assert normalize(text).text.split("\n")[5].startswith(lines[2])


def test_a_line_opening_with_a_mark_no_line_opens_with_continues_the_line_above():
    # (across a blank line too: the wrap put the sentence's full stop on a line of its own)
    assert normalize("全年外贸进出口总额增长5%\n\n。城镇新增就业二十万人。\n").text == "全年外贸进出口总额增长5%。城镇新增就业二十万人。\n"
    assert normalize("全年外贸进出口总额增长5%\n\n，城镇新增就业二十万人。\n").text == "全年外贸进出口总额增长5%，城镇新增就业二十万人。\n"


def test_a_list_items_name_may_be_a_label_with_a_colon():
    # (red team 35) a county's targets a line, each a label and its figure: no line runs into the next,
    # whatever the label's length (规模以上工业增加值：, nine characters, is no key of a "key: value" line)
    items = ["地区生产总值：增长6.5%左右", "规模以上工业增加值：增长8%", "社会消费品零售总额：增长6.5%",
             "一般公共预算收入：增长5%", "城镇新增就业：6000人以上"]
    text = "某县2026年主要预期目标\n" + "\n".join(items) + "\n"
    assert normalize(text).text == text


def test_short_lines_each_stating_a_figure_are_list_items_not_a_wrapped_sentence():
    # a web page's list copied into a text file, a target a line, no mark after them: each line
    # stays a line (they were glued into one item, 增长6%左右规模以上工业增加值增长7%…)
    items = ["全市地区生产总值增长6%左右", "规模以上工业增加值增长7%", "城镇新增就业2300人以上",
             "粮食总产量稳定在45万吨", "居民消费价格涨幅3%左右"]
    text = "今年全市主要预期目标：\n" + "\n".join(items) + "\n"
    assert normalize(text).text == text
    # so do the lines above and below such a run: its lead, with no colon, and an item with no figure
    text = "今年全市经济社会发展主要预期目标\n" + "\n".join(items) + "\n单位地区生产总值能耗降低完成省下达任务\n"
    assert normalize(text).text == text
    # (but a line opening with a figure's unit or qualifier goes on with the figure above it)
    assert normalize("\n".join(items[:2]) + "\n以上的水平保持稳定\n").text == f"{items[0]}\n{items[1]}以上的水平保持稳定\n"
    # a sentence a wrap cut after a figure runs on (the line below holds a clause mark) …
    assert normalize("全市全年地区生产总值增长6%左右\n规模以上工业增加值增长7%，投资增长8%\n").text.count("\n") == 1
    # … and so does a line at a wrapped text's width, whatever it holds
    lines = ["全市上下坚持稳中求进工作总基调，地区生产总值增长6%", "规模以上工业增加值增长7%左右，投资增长8%以上，消费",
             "市场持续回暖，社会消费品零售总额增长6.5%，居民收入", "稳步提高。"]
    assert normalize("\n".join(lines) + "\n").text == "".join(lines) + "\n"
    # (two lines at the width that a wrap happened to cut after a figure, no mark in either)
    lines = ["全市上下坚持稳中求进工作总基调，经济运行稳中向好，投资", "安排专项资金支持重点项目建设投入资金合计达到12亿元",
             "用于城乡基础设施和民生保障实事项目建设共计完成40个", "年度重点工作任务全面完成，人民群众获得感持续增强。"]
    assert normalize("\n".join(lines) + "\n").text == "".join(lines) + "\n"
    # a line longer than a list item's is a sentence's, whatever it ends with
    long = "全市上下坚持稳中求进工作总基调经济运行稳中向好全年安排专项资金支持重点项目建设"
    assert len(f"{long}40个") > 40
    assert normalize(f"{long}12亿元\n{long}40个\n").text.count("\n") == 1


@pytest.mark.parametrize(
    "raw, expected",
    [
        # thousands grouped by a space (GB/T 15835), of any width: one figure
        ("全区社会消费品零售总额６ ５１２．８亿元，增长3%", "全区社会消费品零售总额6512.8亿元，增长3%"),
        ("居民人均可支配收入37\u00a0250元、18\u2009640元", "居民人均可支配收入37250元、18640元"),
        ("地方财政收入突破1\u202f200亿元", "地方财政收入突破1200亿元"),
        ("进出口总额12 345 678万元", "进出口总额12345678万元"),
        # a cell of a tab row: the space is inside its cell
        ("指标\t单位\t上半年完成\n地区生产总值\t亿元\t2 318.4\n", "指标\t单位\t上半年完成\n地区生产总值\t亿元\t2318.4\n"),
        # two figures side by side, never one: years, a decimal's lost point, a figure followed by a space
        ("2025 2026年目标", "2025 2026年目标"),
        ("安排资金 １０２３ ６ 亿元", "安排资金1023.6亿元"),
        ("刻度 1 000 1 500", "刻度1 000 1 500"),
    ],
)
def test_thousands_grouped_by_spaces_are_one_figure(raw, expected):
    assert normalize(raw).text == expected


def test_a_spaced_table_row_keeps_its_cells_apart():
    """In a table zone's row of cells parted by single spaces a figure and its share stay two."""
    raw = "表1　主要指标\n指标 单位 2024年 2025年 增长(%)\n常住人口 万人 641 655 2.2\n城镇人口 万人 415 428 3.1\n"
    out = normalize(raw).text
    assert "641 655 2.2" in out and "415 428 3.1" in out


def test_a_figure_grouped_by_spaces_maps_back_to_its_printed_digits():
    raw = "全年社会消费品零售总额4\u00a0206.9亿元。"
    n = normalize(raw)
    at = n.text.index("4206.9")
    span = n.to_source(at, at + len("4206.9亿元"))
    assert raw[span.start:span.end] == "4\u00a0206.9亿元"


def test_a_figure_grouped_by_spaces_fills_a_cell_of_a_laid_out_row():
    """In a row laid out in fixed-width columns a figure with decimals between wide gaps is one cell's; two
    whole figures parted by one space may be two cells that filled their columns, and stay apart."""
    raw = ("表1　主要指标\n指标              单位      上半年完成      同比增长（%）\n"
           "地区生产总值      亿元      2 318.4         5.9\n年末常住人口      万人      641 100\n"
           "工业增加值        亿元      150 320.5 6.5\n")
    out = normalize(raw).text
    assert "2318.4\t5.9" in out and "641\t100" in out and "150320.5" not in out
    # a table copied one cell a line: the line is the cell
    assert normalize("指标\n单位\n上半年完成\n地区生产总值\n亿元\n2 318.4\n").text.endswith("\n2318.4\n")


@pytest.mark.parametrize("dateline", ["2026-01-12 09:15　来源：青禾日报", "2026年1月12日 09:15", "2026年01月12日 来源：青禾新闻网",
                                      "2026-01-12 发布时间：09:15"])
def test_a_news_dateline_is_a_line_of_its_own(dateline):
    # (a page's date with its time or a label after it: furniture, joined neither to the headline nor to the lead)
    out = normalize(f"青禾县今年经济增长预期目标定为5.5%左右\n{dateline}\n记者从县两会上获悉，今年预期增长5.5%左右。\n").text
    assert out.count("\n") == 3 and out.split("\n")[1].startswith("2026")
    # (nor is a date opening a line of prose, or a date alone — a notice's, under its signature — furniture)
    from zhibiao.text.normalize import page_furniture

    assert page_furniture(dateline)
    assert not page_furniture("2026年1月12日召开的会议提出，今年预期增长5.5%左右。") and not page_furniture("2026年1月12日")

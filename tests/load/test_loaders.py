"""Each loader on real files made here, in every format; bad input gets one clear error."""
from __future__ import annotations

import codecs
from decimal import Decimal
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from zhibiao.errors import LimitExceeded, LoadError
from zhibiao.load import Limits, load

from formats import write_docx, write_html, write_pdf

PLAN = (
    "湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知\n\n"
    "各区县人民政府，市政府各部门：\n\n"
    "2025年湖州市国民经济和社会发展计划已经市人大审议批准，现印发给你们，请认真组织实施。\n\n"
    "一、着力扩大有效投资\n\n新增高新技术企业300家，建设高标准农田5万亩。\n\n"
    "湖州市人民政府\n\n2025年2月10日\n\n附件\n\n2025年湖州市国民经济和社会发展计划主要目标\n\n"
    "指标类型\t序号\t指标名称\t2025年目标\n"
    "经济发展\t1\t地区生产总值增速\t6%左右\n"
    "\t2\t一般公共预算收入增速\t与经济增长基本同步\n"
    "生态环境\t3\t单位GDP能耗降低\t完成省下达目标\n"
    "社会民生\t4\t城镇调查失业率\t5%以内\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_txt_in_every_common_encoding(tmp_path, encoding):
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(PLAN.encode(encoding))
    loaded = load(path)
    assert loaded.text.replace("\r\n", "\n") == PLAN
    assert loaded.format == "txt"
    assert len(loaded.sha256) == 64


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国民经济和社会发展计划目标增长亿元万人，。：（）、 \n0123456789%")),
               min_size=20, max_size=300).filter(lambda t: t.strip()))
@example("0000000000000000000。")  # figures and one Chinese mark: read as Big5 once
def test_txt_round_trip_in_gb18030_and_utf16(text):
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for enc in ("gb18030", "utf-16"):
            p = Path(d) / f"x.{enc}.txt"
            p.write_bytes(text.encode(enc))
            if any("\u4e00" <= c <= "\u9fff" for c in text):
                assert load(p).text == text
            else:  # figures and marks alone: read as the text it is, and then refused as no Chinese document
                from zhibiao.load.txt import decode

                assert decode(p.read_bytes(), str(p))[0] == text
                with pytest.raises(LoadError, match="not a Chinese document"):
                    load(p)


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("國民經濟和社會發展計劃目標增長億元萬人據資料圖匯點，。：（）、 \n0123456789%")),
               min_size=20, max_size=300).filter(lambda t: sum("\u4e00" <= c <= "\u9fff" for c in t) >= 10))
@example(text="（資料圖）\n\n據交匯點消息，1月15日上午，江蘇省十四屆人大一次會議開幕。")
def test_txt_round_trip_in_big5(text, tmp_path_factory):
    # (Big5's bytes are valid GB18030 too, read as kana and rare characters: 戈瓜 沮ユ蹲翴 — once
    # refused as binary data after that reading; a short one may read as Chinese both ways, see below)
    p = tmp_path_factory.mktemp("big5") / "x.txt"
    p.write_bytes(text.encode("big5hkscs"))
    assert load(p).text == text


@pytest.mark.parametrize("text", ["0000000000億億億億億億億億億億", "0000000000億億億億億億劃匯和經",
                                  "全市地区生产总值增长6.5%，建成面积1000㎡，货物进出口总额增长5%"])
def test_a_short_text_chinese_in_both_gb18030_and_big5_is_read_in_its_own(tmp_path, text):
    # the same bytes are 億億億… in Big5 and 货货货… in GB18030: too short for another script to show
    # in the wrong reading, so the characters' frequencies decide (charset-normalizer's measure)
    for encoding in ("big5hkscs", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # (a simplified text has no Big5 form)
        p = tmp_path / f"x.{encoding}.txt"
        p.write_bytes(data)
        assert load(p).text == text, encoding


def test_html_page_main_content_metadata_and_merged_cells(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知_湖州市人民政府</title>
<script>alert('<p>不要我</p>')</script></head><body>
<div class="nav"><a href="/">首页</a><a>政务公开</a></div><div class="position">当前位置：首页 &gt; 文件</div>
<table class="meta"><tr><td>索引号：</td><td>113305/2025-01</td><td>发布机构：</td><td>湖州市人民政府</td></tr>
<tr><td>发文字号：</td><td>湖政发〔2025〕3号</td><td>成文日期：</td><td>2025-02-10</td></tr></table>
<div id="zoom"><h1>湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知</h1>
<p onclick="steal()">各区县人民政府：现印发给你们。</p>
<table><tr><th>类别</th><th>序号</th><th colspan="2">指标</th><th>目标</th></tr>
<tr><td rowspan="2">经济发展</td><td>1</td><td colspan="2">地区生产总值增速</td><td>6%左右</td></tr>
<tr><td>2</td><td>固定资产投资增速</td><td>工业投资增速</td><td rowspan="2">10%</td></tr>
<tr><td>生态</td><td>3</td><td colspan="2">森林覆盖率</td></tr></table></div>
<div class="footer">主办单位：湖州市人民政府办公室 网站标识码：123 浙ICP备1号</div></body></html>""", encoding="utf-8")
    loaded = load(page)
    assert loaded.format == "html"
    assert loaded.metadata["发文字号"] == "湖政发〔2025〕3号"
    assert loaded.metadata["成文日期"] == "2025-02-10"
    assert loaded.title == "湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知"
    lines = loaded.text.split("\n")
    # colspan: the text in every column the cell spans (the table reader reads a name once)
    assert "类别\t序号\t指标\t指标\t目标" in lines
    assert "经济发展\t1\t地区生产总值增速\t地区生产总值增速\t6%左右" in lines
    assert "\t2\t固定资产投资增速\t工业投资增速\t10%" in lines  # rowspan: text in the first row only
    assert "生态\t3\t森林覆盖率\t森林覆盖率" in lines
    for noise in ("首页", "当前位置", "主办单位", "ICP", "alert", "不要我", "索引号"):
        assert noise not in loaded.text


# A page with what text_content() has to get right: blank text nodes of the markup, tails, a
# comment and a processing instruction whose content is no text but whose tail is, links nested in
# links, ASCII and Chinese runs, a container of menus and one of the article.
_MEASURED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>
  <div class="menu"> <a href="/">首页 </a> <a> 政务公开<a>信息</a></a>  \n</div>
  <div id="zoom">\n  <p>  湖州市2025年计划 <b>地区生产总值</b>增长6%左右。</p><?php echo 1 ?>尾 巴
  <td> 表内文字 </td>  <span>   </span>\n<p>ASCII only 123</p> 末<a href="#x"> 附件一 </a> \n </div>
  <section>  </section><main>十</main></body></html>"""


def _tree(text: str):
    import lxml.html

    from zhibiao.load.html import _parser

    return lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())


@pytest.mark.parametrize("page", ["measured", *sorted(str(p) for p in Path(__file__).parents[2].joinpath("examples")
                                                     .glob("*.html"))])
def test_one_walk_measures_every_element_as_its_text_content_does(page):
    """The main container is chosen by each element's Chinese characters, stripped length and the
    share of it in links, summed from the children's in one walk (html._pieces): the same numbers
    as text_content() of each element — on a page made for it and on the bundled examples' pages."""
    import re

    from zhibiao.load.html import _clean, _pieces

    cjk = re.compile(r"[\u4e00-\u9fff]")  # (counted a character at a time, as the loader did)

    root = _tree(_MEASURED_PAGE if page == "measured" else Path(page).read_text(encoding="utf-8", errors="replace"))
    _clean(root)
    pieces = _pieces(root)
    checked = 0
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        text = el.text_content() or ""
        links = sum(len((a.text_content() or "").strip()) for a in el.iter("a"))
        piece = pieces[el]
        assert (piece.cjk, piece.stripped, piece.links) == (len(cjk.findall(text)), len(text.strip()), links), \
            (el.tag, text)
        checked += 1
    assert checked >= 12


def test_every_element_is_an_lxml_html_element_chosen_in_c():
    """The parser's elements are lxml.html's (text_content, drop_tree), chosen by a lookup in C, for
    a form's fields too."""
    import lxml.html

    root = _tree('<html><body><form><input name="q"><select><option>a</option></select><textarea>b</textarea>'
                 '</form><p>文字</p></body></html>')
    assert {type(el) for el in root.iter() if isinstance(el.tag, str)} == {lxml.html.HtmlElement}
    root.find(".//form").drop_tree()
    assert root.text_content() == "文字"


def _footer_words() -> list[str]:
    from zhibiao.datafiles import load_yaml

    page = load_yaml("zhibiao.load", "data", "web_page.yaml")
    return page["footer_words"] + page["site_tools"]


@pytest.mark.parametrize("word", [*_footer_words(), "字体：【大 中 小】"])
def test_a_short_line_with_a_footer_word_or_a_site_tool_is_dropped_a_long_one_kept(tmp_path, word):
    """load/data/web_page.yaml's footer words and site tools (and the font size buttons) mark a
    line of the page's footer or tools inside the article's own markup, where no class names it."""
    long = f"（本文已于2025年2月10日在湖州市人民政府门户网站全文公布，{word}，各区县人民政府、市政府各部门、各有关单位请遵照执行，认真组织实施，确保完成全年目标任务。）"
    assert len(long) > 80
    page = tmp_path / "page.html"
    page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="zoom">
<h1>湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知</h1><p>各区县人民政府：现印发给你们。</p>
<p>【{word}】 湖州市人民政府</p><p>{long}</p></div></body></html>""", encoding="utf-8")
    lines = load(page).text.split("\n")
    assert not any(word in ln for ln in lines if len(ln) <= 80), lines
    assert long in lines and "各区县人民政府：现印发给你们。" in lines


def test_a_cell_merged_across_columns_is_printed_in_each_but_a_rows_only_text_once(tmp_path):
    """A cell merged across columns holds for each (a target of two years); a title, heading or note
    across the table is a line, not cells: printed once, its sentences never read twice."""
    import docx

    rows = [[("指标", 1), ("2024年目标", 1), ("2025年目标", 1)], [("二、民生", 3)],
            [("城镇新增就业", 1), ("完成市下达任务", 2)], [("注：2024年数据为初步统计数。", 3)]]
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>平江县主要目标如下。</p><table>'
                    + "".join("<tr>" + "".join(f'<td colspan="{n}">{t}</td>' for t, n in r) + "</tr>" for r in rows)
                    + "</table></div></body></html>", encoding="utf-8")
    d = docx.Document()
    t = d.add_table(rows=len(rows), cols=3)
    for i, r in enumerate(rows):
        col = 0
        for text, n in r:
            (t.cell(i, col) if n == 1 else t.cell(i, col).merge(t.cell(i, col + n - 1))).text = text
            col += n
    d.save(str(tmp_path / "plan.docx"))
    for path in (page, tmp_path / "plan.docx"):
        lines = load(path).text.split("\n")
        assert "城镇新增就业\t完成市下达任务\t完成市下达任务" in lines, path
        assert "二、民生" in lines and "注：2024年数据为初步统计数。" in lines, path


def test_docx_paragraphs_tables_and_merges(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("嘉善县人民政府关于下达2025年计划的通知")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "类别", "指标", "目标"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "经济发展"  # vertical merge
    t.cell(1, 1).text, t.cell(1, 2).text = "地区生产总值增速", "6%"
    t.cell(2, 1).merge(t.cell(2, 2)).text = "稳步增长"  # horizontal merge
    d.add_paragraph("嘉善县人民政府")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    loaded = load(path)
    assert loaded.format == "docx"
    lines = loaded.text.split("\n")
    assert lines[0] == "嘉善县人民政府关于下达2025年计划的通知"
    assert "经济发展\t地区生产总值增速\t6%" in lines
    assert "\t稳步增长" in lines  # merged down: its first row only; a row's only text: once
    assert loaded.text.index("通知") < loaded.text.index("类别") < loaded.text.rindex("嘉善县人民政府")


def test_pdf_text_tables_pages_and_furniture(tmp_path):
    body = PLAN.replace("新增高新技术企业300家", "新增高新技术企业300家。" + "推进项目建设，" * 300)
    path = write_pdf(body, tmp_path / "plan.pdf")
    loaded = load(path)
    assert loaded.format == "pdf"
    assert len(loaded.pages) >= 2 and loaded.pages[0] == 0
    assert "经济发展\t1\t地区生产总值增速\t6%左右" in loaded.text.replace(" ", "")\
        or "经济发展\t1\t地区生产总值增速\t6%左右" in loaded.text
    assert loaded.page_of(loaded.text.index("附件")) == len(loaded.pages)
    from zhibiao.api import extract_file

    e = extract_file(path)
    assert [t.name for t in e.targets] == ["地区生产总值增速", "一般公共预算收入增速", "单位GDP能耗降低", "城镇调查失业率"]
    assert all(t.page == len(loaded.pages) for t in e.targets)
    assert "—1—" not in e.document.title and "—" not in "".join(s.title for s in e.sections)


def test_pdf_table_continued_on_next_page_is_joined(tmp_path):
    rows = "\n".join(f"\t{i}\t指标{i}增速\t{i}%" for i in range(1, 80))
    text = PLAN.split("附件")[0] + "附件\n\n2025年主要目标\n\n类别\t序号\t指标名称\t2025年目标\n" + rows + "\n"
    loaded = load(write_pdf(text, tmp_path / "long.pdf"))
    assert len(loaded.pages) >= 2
    assert loaded.text.count("类别\t序号\t指标名称\t2025年目标") == 1  # repeated header dropped
    from zhibiao.api import extract_file

    targets = extract_file(tmp_path / "long.pdf").targets
    assert [t.seq for t in targets] == [str(i) for i in range(1, 80)]


def _unruled_table_pdf(path: Path) -> Path:
    """A plan notice whose targets table has no rules: each cell a string drawn at its column."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10.5)
    y = 800
    for line in ("湖州市人民政府关于下达2025年湖州市国民经济和社会发展计划的通知", "现印发给你们，请认真组织实施。",
                 "附件：2025年主要指标"):
        c.drawString(60, y, line)
        y -= 20
    for row in (("序号", "指标名称", "单位", "2024年预计", "2025年计划", "增长（%）"),
                ("1", "地区生产总值", "亿元", "4000", "4230", "5.5左右"),
                ("2", "一般公共预算收入", "亿元", "330.5", "345", "4")):
        for x, cell in zip((60, 90, 260, 310, 380, 450), row):
            c.drawString(x, y, cell)
        y -= 18
    c.save()
    return path


def test_pdf_unruled_table_keeps_its_columns_apart(tmp_path):
    loaded = load(_unruled_table_pdf(tmp_path / "plan.pdf"))
    assert "1  地区生产总值  亿元  4000  4230  5.5左右" in loaded.text  # a wide gap, not "4000 4230 5.5左右"
    assert "现印发给你们，请认真组织实施。" in loaded.text  # prose keeps no gaps
    from zhibiao.api import extract_file

    e = extract_file(tmp_path / "plan.pdf")
    assert [(t.name, t.text) for t in e.targets] == [
        ("地区生产总值", "4230"), ("地区生产总值增速", "5.5左右"), ("一般公共预算收入", "345"), ("一般公共预算收入增速", "4")]
    assert [(a.year, a.name, a.text) for a in e.actuals] == [(2024, "地区生产总值", "4000"), (2024, "一般公共预算收入", "330.5")]


def _justified_pdf(path: Path, paragraphs: list[list[str]], width: float = 360, spacing: float = 10) -> Path:
    """A page set as a word processor sets it: each paragraph's lines but its last justified to the
    column's ``width`` (characters spaced out), lines 16 pt apart, paragraphs ``spacing`` more. A
    paragraph whose last line starts with ``|`` is justified to the end (it fills its last line
    too); a line starting with ``>`` is indented by two characters, one starting with ``<`` set right
    (a signature, its date)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=(width + 144, 842))
    y = 780.0
    for lines in paragraphs:
        for i, line in enumerate(lines):
            right = line.startswith("<")
            full = (i < len(lines) - 1 or line.startswith("|")) and not right
            indent = 21 if line.startswith(">") else 0
            line = line.lstrip("|><")
            natural = pdfmetrics.stringWidth(line, "STSong-Light", 10.5)
            assert natural <= width - indent, line  # (the fixture's lines fit its column)
            if right:
                indent = width - natural
            text = c.beginText(72 + indent, y)
            text.setFont("STSong-Light", 10.5)
            text.setCharSpace((width - indent - natural) / (len(line) - 1) if full else 0)
            text.textOut(line)
            c.drawText(text)
            y -= 16
        y -= spacing
    c.save()
    return path


def test_pdf_paragraphs_from_the_page_geometry(tmp_path):
    """A line full to the margin wraps, whatever its last character; space between lines or a short
    line ends a paragraph: the text of a PDF keeps its paragraphs as a text file would."""
    path = _justified_pdf(tmp_path / "report.pdf", [
        ["青川市政府工作报告发布 今年GDP预期增长6%左右"],
        ["2025-01-20 09:00 来源：青川日报"],
        ["报告显示，去年全市地区生产总值达到1234.5亿元，增长6.1%。", "规模以上工业增加值增长7.2%；全市森林覆盖率达到45.6%；城镇新增就",
         "业3.21万人。"],
        ["|一般公共预算收入增长5.5%，居民人均可支配收入增长6.2%。"],
        ["报告提出，今年主要预期目标是：地区生产总值增长6%左右。"],
        ["报告指出，今年将坚持稳中求进工作总基调，推进产业转型升级，", "加快建设现代化产业体系，扩大有效投资，推动消费持续恢复，",
         "持续改善生态环境质量，切实保障和改善民生。"],
        ["报告要求，全市上下要坚定信心、真抓实干，以更大力度推进", "改革开放，以更实举措推进高质量发展，奋力谱写现代化建设",
         "新篇章。"],
    ])
    text = load(path).text
    assert "增长6.1%。规模以上工业增加值" in text  # a wrap after 。 (the line is full)
    assert "城镇新增就业3.21万人。" in text
    assert "6.2%。\n\n报告提出" in text  # a full last line, then space: a paragraph's end
    assert "6%左右\n\n2025-01-20" in text and "青川日报\n\n报告显示" in text  # headline, dateline, lead apart
    from zhibiao.api import extract_file

    e = extract_file(path)
    assert {(a.year, str(a.value)) for a in e.actuals} >= {(2024, "7.2"), (2024, "45.6"), (2024, "3.21")}
    assert [(t.year, t.text) for t in e.targets] == [(2025, "增长6%左右")]


def test_pdf_indented_line_opens_a_paragraph(tmp_path):
    """Paragraphs set without space between them, each opening indented: a full line ending with
    。 and an indented line after it are two paragraphs; a full line and one at the left edge, one."""
    path = _justified_pdf(tmp_path / "plan.pdf", [
        [">全年地区生产总值增长5.8%，一般公共预算收入增长4.1%。", "城镇新增就业2.5万人，城镇调查失业率5.1%，居民收入增长6.0%。"],
        ["|>今年主要预期目标：地区生产总值增长5.5%左右，城镇新增就业2万人。"],
        [">固定资产投资增长6%，社会消费品零售总额增长6.5%。"],
    ], spacing=0)
    text = load(path).text
    assert "增长4.1%。城镇新增就业" in text
    assert "增长6.0%。\n今年主要" in text and "就业2万人。\n固定资产" in text


def test_pdf_a_line_set_right_is_no_wrap(tmp_path):
    """A signature's date set right reaches the right edge, and the note after it starts at the left
    edge: no wrap of the date (it was read as 2026年3月9日（此件主动公开）, a line of neither)."""
    path = _justified_pdf(tmp_path / "notice.pdf", [
        ["现将青川市2026年国民经济和社会发展计划下达给你们，请认真贯彻执行，", "确保全年目标任务圆满完成。"],
        ["<青川市人民政府", "<2026年3月9日", "（此件主动公开）"],
    ], spacing=0)
    text = load(path).text
    assert "执行，确保全年" in text  # (a paragraph's wrap is still joined)
    assert "2026年3月9日\n（此件主动公开）" in text


def test_pdf_short_lines_never_join(tmp_path):
    """A page of short lines (one cell or one heading a line) has no full line: nothing is joined,
    though its longest line is the page's widest."""
    path = _justified_pdf(tmp_path / "cells.pdf", [["指标"], ["地区生产总值（亿元）"], ["300.41"], ["469.5"]])
    assert load(path).text.split() == ["指标", "地区生产总值（亿元）", "300.41", "469.5"]


def _scanned_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for x in range(0, 200, 10):
        c.rect(50 + x, 500, 5, 5, fill=1)  # an image-like drawing, no text
    c.showPage()
    c.save()
    return path


def test_scanned_pdf_has_a_clear_error(tmp_path):
    with pytest.raises(LoadError, match="no text layer"):
        load(_scanned_pdf(tmp_path / "scan.pdf"))


def test_encrypted_pdf_has_a_clear_error(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    enc = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", canPrint=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(100, 700, "plan 2025")
    c.save()
    with pytest.raises(LoadError, match="encrypted"):
        load(path)


def test_truncated_pdf_and_docx(tmp_path):
    pdf = write_pdf(PLAN, tmp_path / "ok.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(pdf[: len(pdf) // 3])
    with pytest.raises(LoadError):
        load(tmp_path / "cut.pdf")
    docx_bytes = write_docx(PLAN, tmp_path / "ok.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(docx_bytes[: len(docx_bytes) // 2])
    with pytest.raises(LoadError, match="DOCX"):
        load(tmp_path / "cut.docx")


def test_docx_zip_bomb_and_entities_are_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b"0" * 5_000_000 + b"</w:document>")
    bomb.write_bytes(buf.getvalue())
    with pytest.raises(LimitExceeded, match="zip bomb"):
        load(bomb, Limits(max_decompressed_bytes=1_000_000))
    ent = tmp_path / "entities.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document/>')
    ent.write_bytes(buf.getvalue())
    with pytest.raises(LoadError, match="entit"):
        load(ent)


@pytest.mark.parametrize("make, problem", [
    (lambda p: p, "no such file"),
    (lambda p: (p.mkdir(), p)[1], "is a directory"),
    (lambda p: (p.write_bytes(b""), p)[1], "empty"),
    (lambda p: (p.write_bytes(bytes(range(256)) * 40), p)[1], "binary"),
    (lambda p: (p.write_bytes("计划\x00目标".encode()), p)[1], "NUL"),
])
def test_bad_input_gets_one_clear_error(tmp_path, make, problem):
    path = make(tmp_path / "doc.txt")
    with pytest.raises(LoadError) as info:
        load(path)
    assert problem in str(info.value)
    assert str(path) in str(info.value)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(PLAN.encode() * 2000)
    with pytest.raises(LimitExceeded, match="limit"):
        load(path, Limits(max_file_bytes=100_000))


def test_content_decides_the_loader_not_the_suffix(tmp_path):
    path = write_html(PLAN, tmp_path / "page.txt")
    assert load(path).format == "html"
    docx_as_pdf = write_docx(PLAN, tmp_path / "x.docx")
    renamed = tmp_path / "x.pdf"
    renamed.write_bytes(docx_as_pdf.read_bytes())
    assert load(renamed).format == "docx"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国内生产 \n\r\t\u3000\xa0\x01\x7f\u200b\x0b\x1cab1") + ["\U0001f600"]), max_size=50))
def test_printable_characters_are_counted_as_one_test_of_each_would(text):
    from zhibiao.load import _printable

    assert _printable(text) == sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t\u3000\xa0")


def test_a_text_of_short_lines_indented_by_ideographic_spaces_is_text(tmp_path):
    # (two U+3000 before each short line: a third of the characters, which isprintable refuses)
    p = tmp_path / "indented.txt"
    p.write_text("地区生产总值\n" + "\n".join(f"\u3000\u3000{cell} |" for cell in ["年均", "6.1", "%", "预期性"] * 10),
                 encoding="utf-8")
    assert "预期性" in load(p).text


def test_a_text_of_control_characters_is_binary(tmp_path):
    p = tmp_path / "controls.txt"
    p.write_bytes(("地区生产总值" + "\x01\x02\x03" * 20).encode("utf-8"))
    with pytest.raises(LoadError, match="binary data"):
        load(p)
    p.write_bytes(("地区生产总值\t增长\r\n" * 20 + "\u3000" * 10).encode("utf-8"))
    assert load(p).text.startswith("地区生产总值")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("国内生产㐀䶿一鿿 \t\n\u3000\x0bab1，。")), max_size=60))
def test_the_cjk_share_is_counted_as_a_loop_over_the_characters_would(text):
    from zhibiao.load.txt import CJK_RANGES, _cjk_share

    sample = text[:4000]
    cjk = sum(1 for ch in sample if any(a <= ord(ch) <= b for a, b in CJK_RANGES))
    expected = cjk / max(1, len(sample) - sum(1 for ch in sample if ch.isspace())) if text else 0.0
    assert _cjk_share(text) == expected


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_told_by_its_nul_bytes(tmp_path, encoding):
    text = "2024 plan: GDP +6%\n" * 40 + PLAN  # (mostly ASCII: every other byte NUL, on its side)
    path = tmp_path / f"plan-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    loaded = load(path)
    assert (loaded.text, loaded.encoding) == (text, encoding)


ENGLISH = ("Project notes\n\nThe build takes 15-25 % longer on this machine, and the cache saves 30 % of "
           "the time. Run the demo first; 地区 appears once.\n")


@pytest.mark.parametrize("write", ["txt", "html", "docx", "pdf"])
def test_a_document_in_another_language_is_refused_with_its_share_of_chinese(tmp_path, write):
    # an English README read as a plan would be made a work report with English "results" (15-25 %)
    target = tmp_path / f"notes.{write}"
    if write == "txt":
        target.write_text(ENGLISH * 5, encoding="utf-8")
    else:
        {"html": write_html, "docx": write_docx, "pdf": write_pdf}[write](ENGLISH * 5, target)
    with pytest.raises(LoadError, match=r"notes\.\w+: not a Chinese document \(\d+% of its letters are Chinese characters\)"):
        load(target)


def test_figures_alone_are_no_chinese_document_and_a_short_chinese_one_is(tmp_path):
    figures = tmp_path / "figures.txt"
    figures.write_text("2025 6.5 7.0 8\n" * 20, encoding="utf-8")
    with pytest.raises(LoadError, match="not a Chinese document \\(it has no letters"):
        load(figures)
    short = tmp_path / "short.txt"
    short.write_text("GDP增长6.5%，CPI涨幅3%左右，PM2.5浓度35微克/立方米。", encoding="utf-8")  # (Latin names, Chinese words)
    assert "GDP" in load(short).text


def test_a_utf16_text_cut_short_loses_only_its_last_character(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(PLAN.encode("utf-16")[:-1])  # a download cut in the middle of the last character
    loaded = load(path)
    assert loaded.text.replace("\r\n", "\n")[:-1] == PLAN[:-1]
    assert loaded.encoding == "utf-16 (with undecodable bytes replaced)"


def test_a_utf32_text_is_read_by_its_byte_order_mark(tmp_path):
    path = tmp_path / "plan32.txt"
    path.write_bytes(PLAN.encode("utf-32"))  # FF FE 00 00: UTF-16's mark and a NUL character, read as UTF-32
    loaded = load(path)
    assert (loaded.text.replace("\r\n", "\n"), loaded.encoding) == (PLAN, "utf-32")


def test_bytes_behind_a_byte_order_mark_that_do_not_decode_are_refused_in_one_line(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + b"garbage, then more garbage")
    with pytest.raises(LoadError, match=r"junk\.txt.*damaged UTF-32 text"):
        load(path)


def _fallback_digits_pdf(path: Path) -> Path:
    """A Word-made work report: bold title and headings in a CJK font whose digits are printed by a
    Latin fallback font, whose glyph boxes stand 3.4 pt lower than the CJK ones (past pdfplumber's 3 pt)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))

    def mixed(x: float, y: float, parts: list[str], size: float) -> None:
        for part in parts:
            digits = part.isdigit()
            font = "Helvetica-Bold" if digits else "STSong-Light"
            c.setFont(font, size)
            c.drawString(x, y - (4.5 if digits else 0), part)
            x += pdfmetrics.stringWidth(part, font, size)

    mixed(180, 790, ["桐岭市", "2026", "年政府工作报告"], 16.5)
    mixed(60, 750, ["一、", "2025", "年工作回顾"], 14.25)
    c.setFont("STSong-Light", 11)
    c.drawString(80, 725, "全市地区生产总值增长5.4%，城镇新增就业1.8万人。")
    mixed(60, 695, ["二、", "2026", "年主要目标"], 14.25)
    c.setFont("STSong-Light", 11)
    c.drawString(80, 670, "地区生产总值增长5.5%左右，城镇新增就业1.9万人。")
    # a footnote mark, smaller and raised, and a second column's line a little lower: lines of their own
    c.drawString(60, 640, "注：数据为快报数")
    c.setFont("STSong-Light", 7)
    c.drawString(148, 646.2, "1")
    c.setFont("STSong-Light", 11)
    c.drawString(60, 615, "左栏文字")
    c.drawString(300, 611, "右栏文字")
    c.drawString(60, 590, "甲乙丙")  # and the next line, starting below where this one ends
    c.drawString(93, 576, "丁戊")
    c.drawString(300, 560, "桐岭市人民政府")  # and a date printed over the issuer (a seal's place)
    c.drawString(305, 555, "二〇二六年一月")
    c.save()
    return path


def test_pdf_digits_in_a_fallback_font_stay_on_their_line(tmp_path):
    loaded = load(_fallback_digits_pdf(tmp_path / "report.pdf"))
    lines = loaded.text.splitlines()
    assert "桐岭市2026年政府工作报告" in lines
    assert "一、2025年工作回顾" in lines and "二、2026年主要目标" in lines
    assert "2026" not in lines and "2025" not in lines
    assert "1" in lines  # (the footnote mark is not put into the note)
    assert "左栏文字" in lines and "右栏文字" in lines  # (nor a second column's line into the first's)
    assert "甲乙丙" in lines and "丁戊" in lines
    assert "桐岭市人民政府" in lines and "二〇二六年一月" in lines
    from zhibiao.api import extract_file

    e = extract_file(tmp_path / "report.pdf")
    assert e.document.title == "桐岭市2026年政府工作报告" and e.document.plan_year == 2026
    assert [(t.year, t.name, t.text) for t in e.targets] == [(2026, "地区生产总值", "增长5.5%左右"),
                                                              (2026, "城镇新增就业", "1.9万人")]
    assert [(a.year, a.name) for a in e.actuals] == [(2025, "地区生产总值"), (2025, "城镇新增就业")]


def test_a_pretty_printed_pages_inline_elements_keep_their_sentence_on_one_line(tmp_path):
    """White space at an inline element's edge is HTML's collapsible space: a figure printed on lines of
    its own inside <strong> or <span> stays in its sentence (it read as paragraphs of their own, the
    name and the figure apart); line breaks the markup makes (<p>, <br>) stay."""
    page = tmp_path / "page.html"
    page.write_text("""<html><head><meta charset="utf-8"></head><body><div id="zoom">
<h1>平江县2026年政府工作报告</h1>
<p>
  全县地区生产总值完成
  <strong>
    286.4
  </strong>
  亿元，增长
  <span style="color:red">
    5.9
  </span>
  %。<br>一般公共预算收入<b>12.3</b>亿元。
</p>
</div></body></html>""", encoding="utf-8")
    lines = [ln.strip() for ln in load(page).text.split("\n") if ln.strip()]
    assert lines == ["平江县2026年政府工作报告", "全县地区生产总值完成 286.4 亿元，增长 5.9 %。", "一般公共预算收入12.3亿元。"]
    from zhibiao.api import extract_file

    actuals = {(a.name, a.value) for a in extract_file(page).actuals}
    assert {("地区生产总值", Decimal("286.4")), ("地区生产总值", Decimal("5.9"))} <= actuals


@pytest.mark.parametrize("title, plain", [("青石县2026年政府工作报告_青石县人民政府", "青石县2026年政府工作报告"),
                                          ("青石县2026年政府工作报告｜青石新闻网", "青石县2026年政府工作报告"),
                                          ("关于下达2026年计划的通知 - 青石县政府门户网站", "关于下达2026年计划的通知"),
                                          ("青石县2026年政府工作报告", "青石县2026年政府工作报告")])
def test_a_pdf_printed_from_a_web_page_keeps_its_title_without_the_sites_name(tmp_path, title, plain):
    # a page printed to PDF keeps the page's <title> in its metadata, the site's name after it: cut as the
    # HTML loader cuts a <title> (one owner, load/titles.py)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = tmp_path / "printed.pdf"
    c = canvas.Canvas(str(out))
    c.setTitle(title)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "青石县2026年政府工作报告")
    c.drawString(72, 730, "全县地区生产总值增长5.9%，一般公共预算收入增长3.1%。")
    c.save()
    assert load(out).title == plain


def test_pdfminers_font_warnings_never_reach_the_users_terminal():
    # a PDF printer leaving out a font's box makes pdfminer log a warning a font (nineteen lines for a
    # Chromium page); the text is read all the same, so they are not shown
    import logging

    import zhibiao.load.pdf  # noqa: F401  (the loader sets the level when it is imported)

    assert logging.getLogger("pdfminer").getEffectiveLevel() >= logging.ERROR


def _refused_by_share(text: str) -> str | None:
    """The language test as first written: every Chinese character of the sample counted (the
    reference of the one that counts the head's first)."""
    from zhibiao.load import CHINESE_LEAST, CHINESE_SAMPLE, LATIN_RUN
    from zhibiao.load.txt import CJK_RUN

    sample = text[:CHINESE_SAMPLE]
    han = sum(map(len, CJK_RUN.findall(sample)))
    letters = han + sum(map(len, LATIN_RUN.findall(sample)))
    if han == 0 or han < CHINESE_LEAST * letters:
        return f"{100 * han / letters:.0f}% of its letters are" if letters else "it has no letters, no"
    return None


_LANGUAGE_RUNS = st.lists(st.tuples(st.sampled_from(["国", "经济发展", "GDP", "a", "English words ", "2025 ", "，", "\n", "𠀀"]),
                                    st.integers(1, 900)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_LANGUAGE_RUNS)
@example([("English words ", 140), ("国", 1)])
@example([("经济发展", 900), ("English words ", 400)])  # (passed by the first third's Chinese characters)
@example([("English words ", 100), ("国", 900)])  # (the first third English: every letter counted)
@example([("a", 1996), ("经济发展", 130)])
def test_the_language_is_judged_as_by_counting_every_chinese_character(runs):
    from zhibiao.load import _require_chinese
    from zhibiao.models import LoadedText

    text = "".join(piece * n for piece, n in runs)
    refused = _refused_by_share(text)
    loaded = LoadedText(path="x.txt", format="txt", text=text, sha256="0")
    if refused is None:
        _require_chinese(loaded)
    else:
        with pytest.raises(LoadError) as caught:
            _require_chinese(loaded)
        assert f"({refused} Chinese characters)" in str(caught.value)


def _table_across_a_break(path: Path, ruled_below: bool, notes: tuple[tuple[float, str], ...] = (),
                          narrow: bool = False, apart: bool = True) -> Path:
    """A ruled targets table at a page's foot whose second category cell is merged down over its rows
    and across the page break, as a browser prints it: the cell has no rule under it on the first page
    (its text set in the middle of its part there), and the row on the next page no rule over it
    (``ruled_below``: over its other cells, not the category's). The first category is merged down
    over two rows, within the page. The next page's top holds, instead of the row, ``notes``: pieces
    of one line of text (x, words), or (``narrow``) a table of two columns under the third's place.
    ``apart``: a rule between the two categories (else none: their texts in one run of rows)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    xs = [60, 120, 150, 290, 330, 420, 510]
    rows = [("类别", "序号", "指标名称", "单位", "2024年预计完成", "2025年目标"),
            ("", "1", "粮食播种面积", "万亩", "102.3", "102.5"),
            ("", "2", "高标准农田建设", "万亩", "4.1", "4.5"),
            ("", "3", "农村自来水普及率", "%", "96.2", "97"),
            ("", "4", "农村公路里程", "公里", "3120", "3200"),
            ("", "5", "农产品加工产值", "亿元", "58.6", "62")]
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(60, 780, "青川县人民政府关于下达2025年国民经济和社会发展计划的通知")
    c.drawString(60, 750, "现将主要指标下达给你们，请认真组织实施。")

    def row_at(top: float, cells: tuple[str, ...]) -> None:
        for x, cell in zip(xs, cells):
            if cell:
                c.drawString(x + 3, top - 14, cell)

    top = 200  # the table's first page: the header and four rows
    for k, cells in enumerate(rows[:5]):
        row_at(top - 20 * k, cells)
    c.drawString(xs[0] + 3, top - 20 - 14, "粮食安全")  # over rows 1 and 2, its text in the first
    c.drawString(xs[0] + 3, top - 80 - 14, "农业农村")  # (the middle of the category's part on this page)
    for x in xs:
        c.line(x, top, x, top - 100)
    c.line(xs[0], top, xs[-1], top)
    c.line(xs[0], top - 20, xs[-1], top - 20)
    c.line(xs[0] if apart else xs[1], top - 60, xs[-1], top - 60)
    for k in (2, 4, 5):
        c.line(xs[1], top - 20 * k, xs[-1], top - 20 * k)  # (none across the categories merged down)
    c.drawString(290, 40, "- 1 -")
    c.showPage()
    c.setFont("STSong-Light", 10)
    top = 800  # the next page: the last row, under the category cell still
    for x, words in notes:
        c.drawString(x, top - 14, words)
    if narrow:
        for x in (150, 220, 290):
            c.line(x, top, x, top - 20)
        c.line(150, top, 290, top)
        c.line(150, top - 20, 290, top - 20)
        c.drawString(153, top - 14, "甲")
        c.drawString(223, top - 14, "乙")
    if not notes and not narrow:
        row_at(top, rows[5])
        for x in xs:
            c.line(x, top, x, top - 20)
        c.line(xs[0], top - 20, xs[-1], top - 20)
        if ruled_below:
            c.line(xs[1], top, xs[-1], top)
    c.drawString(290, 40, "- 2 -")
    c.save()
    return path


@pytest.mark.parametrize("ruled_below", [False, True])
def test_pdf_cell_merged_down_across_a_page_break_keeps_its_text_and_rows(tmp_path, ruled_below):
    # the category's text, in no cell pdfplumber finds, is its first row's; the row past the break,
    # under the same columns (no table found there, or one without the category's column), is the table's
    loaded = load(_table_across_a_break(tmp_path / "notice.pdf", ruled_below))
    lines = loaded.text.split("\n")
    assert "粮食安全\t1\t粮食播种面积\t万亩\t102.3\t102.5" in lines
    assert "农业农村\t3\t农村自来水普及率\t%\t96.2\t97" in lines
    assert "\t5\t农产品加工产值\t亿元\t58.6\t62" in lines
    from zhibiao.api import extract_file

    e = extract_file(tmp_path / "notice.pdf")
    assert [(t.category, t.seq, t.name, t.text) for t in e.targets] == [
        ("粮食安全", "1", "粮食播种面积", "102.5"), ("粮食安全", "2", "高标准农田建设", "4.5"),
        ("农业农村", "3", "农村自来水普及率", "97"), ("农业农村", "4", "农村公路里程", "3200"),
        ("农业农村", "5", "农产品加工产值", "62")]
    assert [(a.name, a.text) for a in e.actuals] == [("粮食播种面积", "102.3"), ("高标准农田建设", "4.1"),
                                                     ("农村自来水普及率", "96.2"), ("农村公路里程", "3120"),
                                                     ("农产品加工产值", "58.6")]


@pytest.mark.parametrize("notes,narrow,line", [
    (((63, "注：表中数据为初步统计"), (240, "单位见表头")), False, "注：表中数据为初步统计  单位见表头"),  # across columns
    (((153, "见附表"), (225, "（续）")), False, "见附表  （续）"),  # in one column
    ((), True, "甲\t乙"),  # a table of its own: two columns where the one above has one
])
def test_pdf_text_at_the_next_pages_top_is_no_row_unless_set_in_the_tables_cells(tmp_path, notes, narrow, line):
    loaded = load(_table_across_a_break(tmp_path / "notice.pdf", False, notes, narrow))
    assert line in loaded.text.split("\n")


def test_pdf_two_texts_in_one_run_of_cells_without_rules_stay_apart(tmp_path):
    # no rule between the two categories either: two texts, each in the row it stands in, not one
    # text of both in the first row
    lines = load(_table_across_a_break(tmp_path / "notice.pdf", False, apart=False)).text.split("\n")
    assert "粮食安全\t1\t粮食播种面积\t万亩\t102.3\t102.5" in lines
    assert "农业农村\t4\t农村公路里程\t公里\t3120\t3200" in lines


CMS_PAGE = ("<html><head><meta charset='utf-8'><title>政府工作报告_某某网</title></head><body>"
            "<div class='nav'>首页 &gt; 政务公开</div><div class='box'>"
            "<h1>政府工作报告</h1>{between}"
            "<div id='zoom'><p>各位代表：</p><p>现在，我代表县人民政府，向大会报告工作，请予审议。</p>"
            "<p>2025年，全县地区生产总值增长5.6%，一般公共预算收入增长3.1%，城镇居民人均可支配收入增长4.8%。</p>"
            + "<p>一年来，我们坚持稳中求进工作总基调，统筹发展和安全，扎实推进各项工作，经济社会发展取得新成效。</p>" * 4
            + "</div>"
            "</div></body></html>")
HEAD = ("<p>——2026年1月12日在松阳县第十八届人民代表大会第五次会议上</p><p>县长　某某</p>"
        "<p>发布时间：2026-01-20　来源：县政府办　浏览次数：312</p><p>【字体：大 中 小】 打印本页</p>")


def test_the_lines_between_a_headline_and_its_article_are_the_article_s(tmp_path):
    # (a CMS page: the headline, its delivery note and byline above the article's box; the page's
    # furniture between them — 发布时间, the font buttons — is not the article's)
    path = tmp_path / "report.html"
    path.write_text(CMS_PAGE.format(between=HEAD), encoding="utf-8")
    text = load(path).text
    assert text.startswith("政府工作报告\n——2026年1月12日在松阳县第十八届人民代表大会第五次会议上\n县长 某某\n\n各位代表：")
    assert "发布时间" not in text and "字体" not in text
    from zhibiao.api import extract_file

    d = extract_file(path).document
    assert (d.region.name, d.issued_on, d.plan_year) == ("松阳县", "2026-01-12", 2026)


def test_a_key_of_the_pages_metadata_is_a_word_of_its_own_not_the_end_of_a_notes(tmp_path):
    # (数据来源： under a table names where its figures come from, not the page's source; 【来源：…】 does)
    note = "<p>注：2025年数据来源：某某省统计局，为快报数。</p>"
    path = tmp_path / "page.html"
    path.write_text(CMS_PAGE.format(between="").replace("</div></div>", note + "</div></div>"), encoding="utf-8")
    assert "来源" not in load(path).metadata
    path.write_text(CMS_PAGE.format(between="<p>【来源：县政府办】</p>"), encoding="utf-8")
    assert load(path).metadata["来源"] == "县政府办"  # (its bracket closes the value)


def test_a_long_run_between_a_headline_and_its_article_is_not_taken(tmp_path):
    # (more than a head's few lines — a list of links, a summary box — is not a delivery note and byline)
    path = tmp_path / "page.html"
    path.write_text(CMS_PAGE.format(between=HEAD + "".join(f"<p>相关链接第{i}条</p>" for i in range(1, 7))), encoding="utf-8")
    assert load(path).text.startswith("政府工作报告\n\n各位代表：")


def test_a_headline_s_own_box_above_the_article_gives_nothing(tmp_path):
    # (the headline's siblings end before the article's box begins: what stands beside the headline in
    # its own box — a column's name — is not known to lead into the article)
    path = tmp_path / "page.html"
    page = CMS_PAGE.format(between="").replace("<h1>政府工作报告</h1>", "<div class='title'><h1>政府工作报告</h1><p>要闻动态</p></div>")
    path.write_text(page, encoding="utf-8")
    assert load(path).text.startswith("政府工作报告\n\n各位代表：")

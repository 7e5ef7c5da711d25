"""The words of a document's metadata and of its commitments, one text (or more) per word of the
lexicon's ``documents.*`` and ``commitments.*`` lists: the level a text speaks of itself at, and the
quantified tasks of a plan (their modal word, the words before their name, the units a Chinese
numeral counts, the parts for several years that commit to no year). Every text is written here
with facts of our own choosing; none is built from the lexicon (see
``benchmarks/lexicon_mutations.py``).
"""
from __future__ import annotations

import pytest

from zhibiao.api import extract_text
from zhibiao.extract.metadata import doc_type_of, find_region_name, is_bulletin_layout, region_level_hint
from zhibiao.models import LoadedText
from zhibiao.text.document import Document

# documents.self_references: how a document speaks of its own region
SELF_REFERENCES = [
    ("全省", "province"), ("我省", "province"), ("省委", "province"), ("省政府", "province"), ("本省", "province"),
    ("省人大", "province"), ("全自治区", "province"),
    ("全市", "prefecture"), ("我市", "prefecture"), ("市委", "prefecture"), ("市政府", "prefecture"), ("本市", "prefecture"),
    ("市人大", "prefecture"), ("市域", "prefecture"), ("全州", "prefecture"), ("我州", "prefecture"), ("州委", "prefecture"),
    ("全盟", "prefecture"), ("盟委", "prefecture"),
    ("全县", "county"), ("我县", "county"), ("县委", "county"), ("县政府", "county"), ("本县", "county"), ("县人大", "county"),
    ("县域", "county"), ("全旗", "county"), ("我旗", "county"), ("旗委", "county"),
]


@pytest.mark.parametrize("word,level", SELF_REFERENCES)
def test_the_level_a_text_speaks_of_itself_at(word, level):
    assert region_level_hint(f"{word}经济稳定增长。{word}上下奋发有为。") == level


def notice(body: str, heading: str = "一、推进产业升级") -> str:
    """A plan notice for 2024 whose first part, under ``heading``, is ``body``."""
    return ("某市人民政府关于印发某市2024年国民经济和社会发展计划的通知\n\n各县（市、区）人民政府：\n\n"
            "现将《某市2024年国民经济和社会发展计划》印发给你们，请认真组织实施。\n\n" + heading + "\n" + body + "\n")


def commitments(body: str, heading: str = "一、推进产业升级") -> list[tuple]:
    return [(c.metric, str(c.value), c.unit, c.modality) for c in extract_text(notice(body, heading)).commitments]


# commitments.modality / commitments.leads: a task's modal word and the words before its name
TASKS = [
    ("力争新增高新技术企业350家。", [("新增高新技术企业", "350", "家", "力争")]),
    ("确保新增高新技术企业350家。", [("新增高新技术企业", "350", "家", "确保")]),
    ("争创省级园区3个。", [("省级园区", "3", "个", "争创")]),
    ("争取新增高新技术企业350家。", [("新增高新技术企业", "350", "家", "争取")]),
    ("努力新增高新技术企业350家。", [("新增高新技术企业", "350", "家", "努力")]),
    ("新增高新技术企业350家，力争新增上市企业5家。",
     [("新增高新技术企业", "350", "家", None), ("新增上市企业", "5", "家", "力争")]),
    ("力求新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
    ("年内新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
    ("当年新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
    ("再新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
    ("拟新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
    ("要新增高新技术企业350家。", [("新增高新技术企业", "350", "家", None)]),
]


@pytest.mark.parametrize("body,expected", TASKS)
def test_tasks_of_the_plan(body, expected):
    assert commitments(body) == expected


# commitments.hint_units: a Chinese numeral before one of them counts something
COUNTED_IN_WORDS = [
    ("新建学校十二个。", ("新建学校", "12", "个")), ("新增高新技术企业十二家。", ("新增高新技术企业", "12", "家")),
    ("实施重点项目十二项。", ("实施重点项目", "12", "项")), ("新增造林三万亩。", ("新增造林", "3", "万亩")),
    ("新增投资三亿元。", ("新增投资", "3", "亿元")), ("新增就业三百人。", ("新增就业", "300", "人")),
    ("新建农村公路十二条。", ("新建农村公路", "12", "条")), ("新建桥梁十二座。", ("新建桥梁", "12", "座")),
    ("新建学校十二所。", ("新建学校", "12", "所")), ("举办展会十二场。", ("举办展会", "12", "场")),
    ("开展督查十二次。", ("开展督查", "12", "次")), ("新增设备十二台。", ("新增设备", "12", "台")),
    ("新增公交车十二辆。", ("新增公交车", "12", "辆")), ("新建保障房十二套。", ("新建保障房", "12", "套")),
    ("改造校舍十二间。", ("改造校舍", "12", "间")), ("新增养殖大户十二户。", ("新增养殖大户", "12", "户")),
    ("引进种牛十二只。", ("引进种牛", "12", "只")), ("培养技术骨干十二名。", ("培养技术骨干", "12", "名")),
]


@pytest.mark.parametrize("body,expected", COUNTED_IN_WORDS)
def test_chinese_numerals_count_tasks(body, expected):
    assert [c[:3] for c in commitments(body)] == [expected]


# commitments.multi_year_titles: a part for several years commits to no single year's figures
MULTI_YEAR_PARTS = ["一、未来五年主要任务", "一、规划实施时期重点任务", "一、规划期间重点任务", "一、规划期主要任务"]


@pytest.mark.parametrize("heading", MULTI_YEAR_PARTS)
def test_parts_for_several_years_commit_to_nothing(heading):
    assert commitments("新增高新技术企业350家。", heading) == []
    assert commitments("新增高新技术企业350家。") == [("新增高新技术企业", "350", "家", None)]


# commitments.compared_with_last / commitments.reviews (with time.last_year): a clause with last year's
# words reviews, unless it compares the plan's figure with last year's
@pytest.mark.parametrize("compared", ["比去年", "比上年", "较上年", "较去年"])
def test_a_plan_compared_with_last_year_is_a_task(compared):
    assert commitments(f"粮食产量{compared}增长2%，达到52万吨。")[:1] == [("粮食产量", "2", "%", None)]


def test_a_clause_of_five_years_reviews():
    assert commitments("新建学校3所，五年来新建学校达到20所。") == [("新建学校", "3", "所", None)]


# documents.five_year_titles / progress_titles: the kind of document a title names
TITLED = [
    ("某市“十四五”规划纲要", "five_year_plan"), ("某市二〇三五年远景目标纲要", "five_year_plan"),
    ("某市第十四个五年规划", "five_year_plan"), ("某市“十四五”规划和二〇三五年远景目标", "five_year_plan"),
    ("某市“十四五”规划和2035年远景目标", "five_year_plan"), ("中共某市委关于制定二〇三五年远景目标的建议", "five_year_plan"),
    ("中共某市委关于制定“十四五”规划的建议", "five_year_plan"), ("某市“十四五”规划建议", "five_year_plan"),
    ("某市2024年上半年国民经济和社会发展计划执行情况", "plan_report"),
    ("关于某市2024年上半年国民经济和社会发展计划执行情况的报告", "plan_report"),
    ("某市2024年1—9月国民经济和社会发展计划执行情况报告", "plan_report"),
    # documents.evaluation_words: an outline's implementation evaluated is a report on it
    ("某县“十四五”规划纲要实施年度评估报告", "plan_report"), ("某县“十四五”规划纲要中期评估", "plan_report"),
    ("某县“十三五”规划纲要实施总结评估", "plan_report"), ("关于某县“十四五”规划纲要实施情况的报告", "plan_report"),
    ("某县“十四五”规划纲要实施情况报告", "plan_report"),
    # the draft of the next outline that reviews the last one is that outline (its draft words)
    ("关于某县“十三五”规划纲要实施总结评估和“十四五”规划纲要草案的报告", "five_year_plan"),
]


@pytest.mark.parametrize("title,doc_type", TITLED)
def test_titles_name_the_kind_of_document(title, doc_type):
    assert doc_type_of(title, "") == doc_type


# documents.other_reporting_bodies: a 工作报告 of a body other than a government, opened by 各位代表 as a
# government's is, is no work report; the government's own (its 工作报告 under its name or none) is
@pytest.mark.parametrize("body", ["人民代表大会常务委员会", "人大常委会", "中级人民法院", "人民检察院", "监察委员会"])
def test_another_bodys_work_report_to_the_congress_is_not_a_government_work_report(body):
    text = f"某市{body}2025年工作报告\n\n各位代表：\n现在，我向大会报告工作，请予审议。\n"
    assert doc_type_of(f"某市{body}2025年工作报告", text) == "other"


@pytest.mark.parametrize("title", ["某市人民政府工作报告", "某市2025年工作报告"])
def test_a_governments_work_report_under_its_name_or_none_is_a_work_report(title):
    assert doc_type_of(title, f"{title}\n\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n") == "work_report"


# documents.bulletin_sections / bulletin_first_section: a text without a title laid out in a
# bulletin's sections, opening with 综合, is a bulletin
SECTIONS = ["农业", "工业", "建筑业", "固定资产投资", "投资", "国内贸易", "对外经济", "交通", "邮电", "旅游", "财政", "金融",
            "居民收入", "人民生活", "社会保障", "人口", "就业", "教育", "科学技术", "科技", "文化", "卫生", "体育", "资源", "环境",
            "安全生产", "城市建设"]


@pytest.mark.parametrize("section", SECTIONS)
def test_sections_of_a_bulletin(section):
    assert is_bulletin_layout(f"一、综合\n全年地区生产总值增长6%。\n二、{section}\n全年增长5%。\n")


def test_a_bulletin_opens_with_its_general_section():
    assert not is_bulletin_layout("一、农业\n全年粮食产量增长2%。\n二、工业\n全年增长5%。\n")


# documents.bulletin_bodies: a bureau's name under the title makes one section enough
@pytest.mark.parametrize("body", ["某市统计局", "某县调查队", "某市调查总队"])
def test_a_bureau_signs_a_bulletin(body):
    assert is_bulletin_layout(f"{body}\n一、综合\n全年地区生产总值增长6%。\n")


def info(text: str):
    return extract_text(text).document


# documents.title_words: a line holding one of them (and no sentence punctuation) is a title line
@pytest.mark.parametrize("word", ["关于", "通知", "报告", "计划", "规划", "公报", "纲要", "执行情况"])
def test_words_of_a_title_line(word):
    assert info(f"某市{word}文稿\n全市经济运行平稳，各项工作有序推进。\n").title == f"某市{word}文稿"


# documents.title_endings: a title broken over two lines is joined up to the word that ends it
@pytest.mark.parametrize("ending", ["通知", "报告", "计划", "规划", "公报", "纲要", "建议", "意见", "决定", "草案", "执行情况"])
def test_a_title_broken_over_lines_is_joined_to_its_ending(ending):
    # a blank line between (as a page break leaves it): the text stage keeps short lines apart
    text = f"某市关于印发\n\n某项工作的{ending}\n各区县，各部门：\n全市经济运行平稳。\n"
    assert info(text).title == f"某市关于印发某项工作的{ending}"


# documents.title_joiners: a title broken after a part that ends as a whole one (…计划执行情况) goes on on
# the next line when that line opens with a joining word and ends as a title (与2025年…草案的报告)
@pytest.mark.parametrize("joiner", ["与", "和", "及", "暨"])
def test_a_title_broken_before_its_joining_word_is_one_title(joiner):
    text = (f"关于某市2024年国民经济和社会发展计划执行情况\n{joiner}2025年国民经济和社会发展计划草案的报告\n"
            "各位代表：\n全市经济运行平稳。\n")
    assert info(text).title == f"关于某市2024年国民经济和社会发展计划执行情况{joiner}2025年国民经济和社会发展计划草案的报告"


def test_a_whole_title_closed_by_its_ending_is_not_joined_to_the_next_line():
    # (和谐… opens the next line by chance: the title before it ended with 的通知)
    text = "某市人民政府关于印发某项工作方案的通知\n和谐社区建设三年行动计划\n各区县，各部门：\n全市经济运行平稳。\n"
    assert info(text).title == "某市人民政府关于印发某项工作方案的通知"


@pytest.mark.parametrize("line", ["与2025年主要目标", "与上年相比全市各项工作进展顺利各项指标完成良好经济运行总体平稳" * 2 + "的报告"])
def test_a_line_opening_with_a_joining_word_is_no_part_of_the_title_unless_it_ends_as_one_of_a_title_s_length(line):
    text = f"某市2024年国民经济和社会发展计划执行情况\n{line}\n全市经济运行平稳。\n"
    assert info(text).title == "某市2024年国民经济和社会发展计划执行情况"


# documents.progress_titles / draft_words: an execution report written during its year, its title in
# report form too (关于…的报告), reports on its own year — the part its title names; a title naming last
# year's execution and this year's draft reviews last year
IN_YEAR_TITLES = ["某市2024年前三季度国民经济和社会发展计划执行情况", "关于某市2024年前三季度国民经济和社会发展计划执行情况的报告",
                  "某市2024年前三季度国民经济和社会发展计划执行情况报告"]


@pytest.mark.parametrize("title", IN_YEAR_TITLES)
def test_an_in_year_report_reports_on_its_own_year(title):
    e = extract_text(f"{title}\n\n一、主要指标完成情况\n全市地区生产总值增长5.1%。\n")
    assert e.document.doc_type == "plan_report" and e.document.plan_year == 2024
    assert [(a.year, a.period) for a in e.actuals] == [(2024, "2024-01/2024-09")]


DRAFT_TITLES = ["关于某市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告",
                "关于某市2025年国民经济和社会发展计划草案和2024年计划执行情况的报告",
                "关于某市2025年计划安排和2024年计划执行情况的报告"]


@pytest.mark.parametrize("title", DRAFT_TITLES)
def test_a_report_with_next_years_draft_reviews_the_year_before(title):
    e = extract_text(f"{title}\n\n一、2024年国民经济和社会发展计划执行情况\n全市地区生产总值增长5.1%。\n")
    assert e.document.plan_year == 2025 and [(a.year, a.period) for a in e.actuals] == [(2024, None)]


# documents.title_labels: a label before the title on its line (a repost's 原标题：) is not the title's
@pytest.mark.parametrize("label", ["原标题：", "原题:", "标题："])
def test_a_label_before_the_title_is_not_the_titles(label):
    text = f"{label}某市政府工作报告（摘要）\n\n全市经济运行平稳，各项工作有序推进。\n"
    assert info(text).title == "某市政府工作报告（摘要）"


def test_a_label_in_traditional_characters_is_not_the_titles():
    text = "原標題：某市政府工作報告（摘要）\n\n全市經濟運行平穩，各項工作有序推進，地區生產總值增長百分之五。\n"
    assert info(text).title == "某市政府工作報告（摘要）"


# documents.photo_credits: a caption under a page's photograph ((记者 某某 摄)) is never the title
@pytest.mark.parametrize("credit", ["摄", "摄影", "供图"])
def test_a_photographs_caption_is_not_the_title(credit):
    text = f"市长作政府工作报告（记者 王明{credit}）\n\n全市经济运行平稳，各项工作有序推进。\n"
    assert info(text).title is None


# documents.signing_bodies: a date line under a signature dates the document
@pytest.mark.parametrize("body", ["人民政府", "国务院", "办公厅", "办公室", "委员会", "统计局", "调查队", "调查总队"])
def test_the_date_under_a_signature(body):
    text = f"某市关于某项工作的报告\n\n全市经济运行平稳，各项工作有序推进。\n\n某市{body}\n2024年3月5日\n"
    assert info(text).issued_on == "2024-03-05"


# documents.bureaus: a planning or statistics bureau signs its reports too
@pytest.mark.parametrize("bureau", ["发展和改革局", "发展和改革委员会", "发展改革委", "发改委", "发改局", "统计局"])
def test_the_date_under_a_bureaus_signature(bureau):
    text = f"某市2024年1—9月计划执行情况\n\n1—9月，全市地区生产总值增长5.1%。\n\n某市{bureau}\n2024年10月12日\n"
    assert info(text).issued_on == "2024-10-12"


# documents.publicity_notes: the note of a document's publication after its date leaves the date its date
@pytest.mark.parametrize("note", ["此件主动公开", "此件公开发布", "此件依申请公开", "此件不予公开"])
def test_a_publicity_note_after_the_date(note):
    text = f"某市关于某项工作的报告\n\n全市经济运行平稳，各项工作有序推进。\n\n某市人民政府\n2024年3月5日（{note}）\n"
    assert info(text).issued_on == "2024-03-05"


# documents.dated_bodies: a body and a date on one line at the head of a document
@pytest.mark.parametrize("body", ["人民政府", "委员会", "统计局", "发展和改革局", "调查队", "调查总队"])
def test_a_body_and_its_date_on_one_line(body):
    text = f"某市关于某项工作的报告\n某市{body}　2024年3月5日\n\n全市经济运行平稳，各项工作有序推进。\n"
    assert info(text).issued_on == "2024-03-05"


def _region_and_issuer(text: str) -> tuple[str | None, str | None]:
    loaded = LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")
    return find_region_name(Document.from_loaded(loaded), None)


# documents.bureaus: a bureau named near the head names the region; it issues the document when printed
# as its issuer, on a line of its own (a byline) — not named in a sentence
@pytest.mark.parametrize("bureau", ["发展和改革局", "发展和改革委员会", "发展改革委", "发改委", "发改局", "统计局"])
def test_a_bureau_near_the_head_names_the_region_and_its_byline_the_issuer(bureau):
    sentence = f"某项工作的说明\n\n某市{bureau}提出。全市经济运行平稳，各项工作有序推进。\n"
    assert _region_and_issuer(sentence) == ("某市", None) and info(sentence).issuer is None
    byline = f"某项工作的说明\n某市{bureau}\n\n全市经济运行平稳，各项工作有序推进。\n"
    assert info(byline).issuer == f"某市{bureau}"


# documents.citing_words / citing_followers: a bureau cited as the source of figures names whose figures they
# are, not the document's region (a province's bureau cited in a text on one of its cities, a table's note)
@pytest.mark.parametrize("sentence", ["据某省统计局发布，", "数据来源：某省统计局。", "数据来源:某省统计局。", "数字来源于某省统计局。",
                                      "数字来自某省统计局。", "某省统计局数据显示，", "某省统计局近日发布的数据，", "某省统计局统计数据表明，"])
def test_a_bureau_cited_as_the_source_of_figures_names_no_region(sentence):
    assert _region_and_issuer(f"某项工作的说明\n\n{sentence}全市经济运行平稳，各项工作有序推进。\n") == (None, None)


def test_a_text_citing_its_provinces_bureau_is_its_citys():
    text = ("前三季度某市经济运行稳中有进\n\n"
            "某某省统计局近日发布的数据显示，今年前三季度，宁波市实现地区生产总值8123亿元，同比增长5.6%。\n"
            "宁波市统计局相关负责人表示，全市经济运行总体平稳。\n")
    assert info(text).region.name == "宁波市"


# documents.number_keys: a document number after its key on a long line
@pytest.mark.parametrize("key", ["发文字号", "文号"])
def test_a_document_number_after_its_key(key):
    text = f"某市人民政府关于某项工作的通知\n索引号：000000000/2024-00001　主题分类：综合政务　{key}：某政发〔2024〕3号\n全市经济运行平稳。\n"
    assert info(text).doc_number == "某政发〔2024〕3号"


# documents.date_keys: a page header's 成文日期 dates the document
def test_a_written_on_date_in_a_page_header():
    text = "某市人民政府关于某项工作的通知\n成文日期：2024-03-05\n全市经济运行平稳，各项工作有序推进。\n"
    assert info(text).issued_on == "2024-03-05"


# documents.issuing_verbs: a text that issues a plan to the bodies below is a plan notice
@pytest.mark.parametrize("sentence", ["现予下达，请认真贯彻执行。", "现印发给你们，请认真贯彻执行。", "现将某市年度计划转发给你们，请认真贯彻执行。",
                                      "现下达给你们，请认真贯彻执行。"])
def test_issuing_a_plan_makes_a_plan_notice(sentence):
    assert doc_type_of(None, f"各区县人民政府，市各部门：\n{sentence}\n") == "plan_notice"


# documents.issue_verbs: a digest of an outline reports how it was issued, with its number
@pytest.mark.parametrize("verb", ["印发", "发布", "下发", "通过"])
def test_how_an_outline_was_issued(verb):
    text = (f"某市“十四五”规划纲要解读\n\n2月6日，某市人民政府{verb}《某市国民经济和社会发展第十四个五年规划纲要》"
            "（某政发〔2021〕3号）。\n全市经济运行平稳。\n")
    doc = info(text)
    assert (doc.doc_number, doc.issued_on) == ("某政发〔2021〕3号", "2021-02-06")


# documents.approval_verbs: an outline approved by the people's congress
@pytest.mark.parametrize("verb", ["批准", "通过"])
def test_an_outline_approved_by_the_congress(verb):
    text = (f"某市国民经济和社会发展第十四个五年规划纲要\n（2021年2月5日某市第八届人民代表大会第六次会议{verb}）\n\n"
            "全市经济运行平稳。\n")
    assert info(text).issued_on == "2021-02-05"


# documents.congress_words: the congress a report was delivered at names its region
@pytest.mark.parametrize("congress", ["人民代表大会", "人大"])
def test_the_congress_a_report_was_delivered_at_names_its_region(congress):
    text = (f"政府工作报告\n——2024年1月21日在某市第十四届{congress}第四次会议上\n\n"
            "各位代表：现在，我代表政府向大会报告工作。\n")
    loaded = LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")
    assert find_region_name(Document.from_loaded(loaded), "政府工作报告") == ("某市", None)


# documents.body_prepositions: a body's name starts after the preposition that introduces it
@pytest.mark.parametrize("word", ["在", "于", "经", "向", "由"])
def test_a_body_starts_after_its_preposition(word):
    text = f"某项工作的说明\n\n本文{word}某市统计局提出。全市经济运行平稳，各项工作有序推进。\n"
    assert _region_and_issuer(text) == ("某市", None)  # (the region, not "本文由某市": named in a sentence, no issuer)


# documents.page_end_marks: a page's chrome after its article (related headlines) states no results
@pytest.mark.parametrize("mark", ["责任编辑", "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "相关链接", "相关文章"])
def test_the_chrome_after_an_articles_end_is_not_read(mark):
    page = ("某市2024年经济运行情况\n\n去年全市地区生产总值增长6.1%，一般公共预算收入增长4.2%。\n\n"
            f"（{mark}：某某）\n某县去年粮食产量突破50万吨\n")
    assert [a.name for a in extract_text(page).actuals] == ["地区生产总值", "一般公共预算收入"]


@pytest.mark.parametrize("mark", ["往期推荐：", "往期回顾", "往期精选", "精彩推荐", "热门推荐"])
def test_a_reposts_links_to_earlier_articles_are_not_read(mark):
    """The links a repost prints after its article (other places' targets in their headlines) are no
    tasks or targets of the document."""
    page = ("某市2026年政府工作报告\n——2026年1月8日在某市第九届人民代表大会第三次会议上\n\n一、2025年工作回顾\n"
            "全市地区生产总值增长5.2%。\n\n二、2026年工作安排\n今年新建高标准农田3万亩。\n\n"
            f"{mark}\n青山县：规上工业增加值增长9%以上\n白水市新增城镇就业2万人\n")
    e = extract_text(page)
    assert [c.metric for c in e.commitments] == ["新建高标准农田"] and not e.targets


@pytest.mark.parametrize("credit", ["编辑：某某　审核：某某", "审核：某某", "责编：某某"])
def test_an_articles_credit_line_ends_it(credit):
    page = ("某市2024年经济运行情况\n\n去年全市地区生产总值增长6.1%。\n\n"
            f"{credit}\n某县去年粮食产量突破50万吨\n")
    assert [a.name for a in extract_text(page).actuals] == ["地区生产总值"]


def test_a_paragraph_of_prose_after_the_mark_keeps_the_text_read():
    page = ("某市2024年经济运行情况\n\n去年全市地区生产总值增长6.1%。\n\n相关新闻\n"
            "去年全市粮食产量达到50万吨，比上年增长2%，全市上下坚持藏粮于地、藏粮于技，连续多年保持稳定增长的良好势头。\n")
    assert "粮食产量" in [a.name for a in extract_text(page).actuals]


# documents.issuing_verbs / plan_words: a title issuing a plan names a plan notice
@pytest.mark.parametrize("title", ["某市人民政府关于下达某市2024年重点项目计划的通知", "某区人民政府关于印发某区产业发展规划的通知",
                                   "某市人民政府关于转发某省2024年重点项目计划的通知"])
def test_a_title_issuing_a_plan_names_a_plan_notice(title):
    assert doc_type_of(title, "") == "plan_notice"


# documents.annual_plan_titles: a title that is the year's plan itself, printed without a notice (red team 35)
@pytest.mark.parametrize("title", ["某市2024年国民经济和社会发展计划", "2024年某县国民经济和社会发展计划"])
def test_a_title_that_is_the_years_plan_names_a_plan_notice(title):
    assert doc_type_of(title, "") == "plan_notice"
    assert doc_type_of(title + "执行情况", "") != "plan_notice"  # (its execution reported: no plan)


# documents.quoted_title_endings: a page without a title line takes the dated document it quotes
@pytest.mark.parametrize("quoted", ["某市2024年政府工作报告", "某市2024年国民经济和社会发展计划", "关于下达某市2024年计划的通知",
                                    "某市2023年国民经济和社会发展统计公报", "某市2024年产业发展规划纲要"])
def test_a_page_takes_the_title_it_quotes(quoted):
    text = f"来源：某某网\n现将《{quoted}》全文转载如下，供大家参考。\n全市经济运行平稳。\n"
    assert extract_text(text).document.title == quoted


# documents.nation / national_government: the State Council's report is the nation's, and so is a
# page whose publisher is the State Council (as a government site prints it, in either script)
def test_the_state_councils_report_is_the_nations():
    text = ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n"
            "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n")
    loaded = LoadedText(path="<text>", format="txt", text=text, sha256="0" * 64, encoding="utf-8")
    assert find_region_name(Document.from_loaded(loaded), "政府工作报告") == ("中华人民共和国", "国务院")


@pytest.mark.parametrize("publisher", ["国务院", "國務院"])
def test_a_page_published_by_the_state_council_is_the_nations(publisher):
    loaded = LoadedText(path="<text>", format="html", text="关于做好某项工作的通知\n\n各地区要认真落实。\n",
                        sha256="0" * 64, encoding="utf-8", metadata={"发布机构": publisher})
    assert find_region_name(Document.from_loaded(loaded), None) == ("中华人民共和国", "国务院")


def test_a_session_line_dated_in_chinese_numerals_dates_the_report_and_leaves_the_bureau_under_it_alone():
    # "——二〇二六年一月八日在…会议上": the delivery's date in Chinese numerals; the line is a line of its own,
    # so the bureau printed under it is the issuer, as printed (never rebuilt from the level's usual name)
    text = ("关于青石县2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n"
            "——二〇二六年一月九日在青石县第十七届人民代表大会第五次会议上\n青石县发展和改革委员会\n"
            "一、2025年计划执行情况\n全县地区生产总值增长5.9%。\n")
    got = info(text)
    assert (got.issued_on, got.issuer) == ("2026-01-09", "青石县发展和改革委员会")


@pytest.mark.parametrize("gap", ["\n", ""])
def test_a_bureaus_signature_at_the_end_names_the_issuer_and_its_date_in_chinese_numerals_dates_the_report(gap):
    # the signature and its date on two lines, or joined on one: the bureau as printed, the date read
    text = ("关于青石县2025年计划执行情况与2026年计划草案的报告\n一、2025年计划执行情况\n"
            f"全县地区生产总值增长5.9%，固定资产投资增长4.4%。\n" + "全县经济运行总体平稳，各项工作有序推进。\n" * 12
            + f"青石县发展和改革委员会{gap}二〇二六年一月八日\n")
    got = info(text)
    assert (got.issued_on, got.issuer) == ("2026-01-08", "青石县发展和改革委员会")

"""What a document is: its type, title, issuer, region (as printed), number and date. The plan
year belongs to the time scope (``scope.py``).

Regions are found here by their printed names only, from evidence: the title, the issuer, a
congress (XX县第十八届人民代表大会), a bureau (XX市XX区发展和改革局), the signature; and the level a
document speaks of itself at (全县 / 县委 → a county). The catalogue stage resolves names to
GB/T 2260 codes and levels (extract never imports catalog); a document that names no region
gets none, never the first place it mentions.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Final

from zhibiao.extract.lexicon import LEX
from zhibiao.extract.numbers import NumberError, parse_chinese
from zhibiao.extract.segments import without_latin_prose
from zhibiao.text.chinese import search_form, to_simplified
from zhibiao.text.document import Document
from zhibiao.text.normalize import DATE_LINE, PAGE_LABEL_WORDS, page_furniture
from zhibiao.text.scan import LineScanner, alternation, scanner

REGION_NAME_CHARS: Final = 10  # a region's name before its suffix: at most this many characters
REGION_NAME: Final = rf"[\u4e00-\u9fff]{{1,{REGION_NAME_CHARS}}}?(?:{LEX.alt('documents.region_suffixes')})"
# the longest REGION_NAME can match
REGION_NAME_REACH: Final = REGION_NAME_CHARS + max(map(len, LEX.words("documents.region_suffixes")))
NATION: Final = LEX.words("documents.nation")[0]
NATIONAL_GOVERNMENT: Final = LEX.words("documents.national_government")
NATIONAL_BODIES: Final = LEX.words("documents.national_bodies")
SEATED_BODIES: Final = tuple(LEX.words("documents.seated_bodies"))
ISSUER: Final = re.compile(rf"(?P<region>{REGION_NAME})人民政府|{LEX.alt('documents.national_government')}")
TITLE_HINT: Final = re.compile(LEX.alt("documents.title_words"))
TITLE_END: Final = re.compile(rf"(?:{LEX.alt('documents.title_endings')})[)）]?$")
# a title and, on its line, the note of its delivery: 政府工作报告（2024年1月20日在…会议上）某某
TITLE_THEN_DELIVERY: Final = re.compile(rf"^(.{{2,60}}?(?:{LEX.alt('documents.title_endings')}))\s*[（(]\s*[—–-]*\s*\d{{4}}\s*年")
TITLE_JOINER: Final = re.compile(rf"^(?:{LEX.alt('documents.title_joiners')})")
# a title closed by 的 and its ending (…的报告, …的通知): whole, whatever line follows
CLOSED_TITLE: Final = re.compile(rf"的(?:{LEX.alt('documents.title_endings')})[)）]?$")
TITLE_LABEL: Final = re.compile(rf"^(?:{LEX.alt('documents.title_labels')})\s*[：:]\s*")
PHOTO_CAPTION: Final = re.compile(rf"[（(][^（()）]{{0,30}}(?:{LEX.alt('documents.photo_credits')})[)）]\s*$")
# a numbered heading (一、2024年…计划执行情况) is a part of a document, never its title
HEADING_NUMBER: Final = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章篇节])")
BULLETIN_HEADING: Final = LineScanner(rf"(?m)^[ \t]*[一二三四五六七八九十]+、[ \t]*({LEX.alt('documents.bulletin_sections')})[^\n。，,]{{0,10}}$")
BULLETIN_FIRST: Final = frozenset(LEX.words("documents.bulletin_first_section"))
BULLETIN_BODY: Final = re.compile(rf"(?m)^[ \t]*[\u4e00-\u9fff]{{2,20}}?(?:{LEX.alt('documents.bulletin_bodies')})")
# a bulletin's title printed at the head of a line that goes on (…统计公报 2023年,在…)
BULLETIN_WORDS: Final = "国民经济和社会发展统计公报"
BULLETIN_TITLE: Final = re.compile(rf"(?:\d{{4}}\s*年)?[\u4e00-\u9fff]{{0,12}}?(?:\d{{4}}\s*年)?[\u4e00-\u9fff]{{0,20}}?{BULLETIN_WORDS}")


def bulletin_title(head: str) -> re.Match | None:
    """BULLETIN_TITLE's first match in ``head``, searched for only where its closing words are: the
    pattern's lazy runs of up to 12 and 20 characters are tried at every position of a Chinese text
    (≈ 0.8 µs a character: 250 µs for a head of 300), and most heads hold no bulletin's title."""
    return BULLETIN_TITLE.search(head) if BULLETIN_WORDS in head else None


FIVE_YEAR_TITLE: Final = re.compile(LEX.alt("documents.five_year_titles"))
FIVE_YEAR_QUOTED: Final = re.compile(rf"《[^》]{{0,40}}(?:第[一二三四五六七八九十]+个五年|十[一二三四五六]五)[^》]{{0,30}}(?:{LEX.alt('documents.five_year_titles')})[^》]{{0,10}}》")
PROGRESS_TITLE: Final = re.compile(rf"(?:{LEX.alt('documents.progress_titles')})$")
# a monthly statistics report's title: its year, a month or a part of the year, then its closing words
# (2025年1—11月全市经济运行情况, 宜宾市2025年11月统计月报, 2025年上半年主要经济指标)
_PART_OF_YEAR: Final = LEX.alt("time.half_year", "time.three_quarters", "time.first_quarter", "time.later_parts")
MONTHLY_TITLE: Final = re.compile(rf"\d{{4}}\s*年[^\n。，]{{0,12}}?(?:\d{{1,2}}\s*月|一至[一二三四五六七八九十]{{1,2}}月|{_PART_OF_YEAR})"
                                  rf"[^\n。，]{{0,20}}?(?:{LEX.alt('documents.monthly_report_titles')})[)）]?$")


# a news headline on the economy of a part of the year (前三季度某市经济运行稳中有进, 1—11月全市经济运行总体平稳):
# its part of the year opens it, a short appraisal closes it — the results so far, as a monthly report's
IN_YEAR_HEADLINE: Final = re.compile(rf"^(?:\d{{4}}\s*年)?(?:\d{{1,2}}\s*[-—–~至]\s*\d{{1,2}}\s*月|{_PART_OF_YEAR})"
                                     rf"[^\n。，：:]{{0,10}}?(?:{LEX.alt('documents.in_year_headline_words')})[\u4e00-\u9fff]{{0,6}}$")

# a press conference on the economy's results of a year or of a part of it (国务院新闻办公室举行2025年国民经济运行情况
# 新闻发布会, 某市统计局2025年前三季度经济运行情况新闻发布会): the results of the period it names, as a monthly report's
RESULTS_BRIEFING: Final = re.compile(rf"\d{{4}}\s*年[^\n。，]{{0,20}}?(?:{LEX.alt('documents.monthly_report_titles', 'documents.in_year_headline_words')})"
                                     rf"[^\n。，]{{0,4}}?(?:{LEX.alt('documents.results_briefings')})$")


def monthly_report(title: str | None) -> bool:
    """Is ``title`` a statistics bureau's monthly report's (2025年1—11月全市经济运行情况, 2025年11月统计月报), a
    news headline on the economy of the part of the year it opens with (前三季度某市经济运行稳中有进), or a press
    conference's on the results of the year or the part it names (2025年国民经济运行情况新闻发布会)?"""
    if not title:
        return False
    plain = to_simplified(title)
    return bool(MONTHLY_TITLE.search(plain) or IN_YEAR_HEADLINE.search(plain) or RESULTS_BRIEFING.search(plain))


def _ends_title(line: str) -> bool:
    """Does ``line`` end as a whole title does (…的通知, …计划执行情况, a monthly report's …统计月报)?"""
    return bool(TITLE_END.search(line) or MONTHLY_TITLE.search(line))


DRAFT_WORDS: Final = re.compile(LEX.alt("documents.draft_words"))
# …第十四个五年规划和二〇三五年远景目标纲要实施中期评估报告: the outline's name, then its evaluation
EVALUATION_TITLE: Final = re.compile(rf"(?:{LEX.alt('documents.five_year_titles')})[^《》]{{0,12}}?"
                                     rf"(?:{LEX.alt('documents.evaluation_words')})")


def evaluates_outline(title: str | None) -> bool:
    """Does a title name a report evaluating an outline's implementation (no draft of a new one)?"""
    return bool(title and EVALUATION_TITLE.search(title) and not DRAFT_WORDS.search(title))
PARTY_ISSUER: Final = re.compile(rf"^(?:{LEX.alt('documents.party_issuers')})[\u4e00-\u9fff]{{1,12}}?(?:委员会|委)(?=关于)")
_NUMBER_KEYS: Final = LEX.alt("documents.number_keys")
DOC_NUMBER: Final = re.compile(rf"(?:(?:{_NUMBER_KEYS})\s*[:：]?\s*)?(?P<num>[\u4e00-\u9fff]{{1,8}}\s*[〔\[【（(]\s*\d{{4}}\s*[〕\]】）)]\s*\d+\s*号)")
DOC_NUMBER_KEY: Final = re.compile(rf"(?:{_NUMBER_KEYS})\s*[:：]?\s*")
# what every DOC_NUMBER holds, its year in brackets (〔2024〕): found by the engine's scan for a bracket, where
# DOC_NUMBER itself is tried at every Chinese character of a line (a long line holding 号 costs ≈ 100,000 instructions)
DOC_NUMBER_YEAR: Final = re.compile(r"[〔\[【（(]\s*\d{4}\s*[〕\]】）)]")
DATE: Final = scanner(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
ISO_DATE: Final = re.compile(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})")
# a date in Chinese numerals (its year in digits in the search text: 2025年三月五日)
CN_DATE: Final = scanner(r"(\d{4}|[零〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
# (a planning or statistics bureau signs its reports too: 江门市发展和改革局 / 2023年12月18日)
SIGNATURE: Final = re.compile(rf"(?:{LEX.alt('documents.signing_bodies', 'documents.bureaus')})\s*$")
SIGNED_LINE: Final = re.compile(rf"^(.{{2,30}}?(?:{LEX.alt('documents.dated_bodies')}))\s*(\d{{4}}\s*年\s*(?:\d{{1,2}}\s*月\s*\d{{1,2}}|[一二三四五六七八九十]{{1,3}}月[一二三四五六七八九十]{{1,3}})\s*日)\s*$")
WRITTEN_ON: Final = re.compile(rf"(?:{LEX.alt('documents.date_keys')})\s*[:：]?\s*(\d{{4}}\s*[-年./]\s*\d{{1,2}}\s*[-月./]\s*\d{{1,2}})")
_ISSUING: Final = LEX.alt("documents.issuing_verbs")
ISSUING_WORDS: Final = re.compile(rf"现予(?:{_ISSUING})|现(?:{_ISSUING})给?你们|现将.{{0,30}}(?:{_ISSUING})给")
# XX县第十八届人民代表大会 / XX市XX区发展和改革局: bodies that name their region
_BODY_START: Final = "(?:(?<![\u4e00-\u9fff])|" + "|".join(f"(?<={re.escape(w)})" for w in LEX.words("documents.body_prepositions")) + ")"
_CONGRESS: Final = LEX.alt("documents.congress_words")
_APPROVAL: Final = LEX.alt("documents.approval_verbs")
# a report's date of delivery: "2019年1月21日在杭州市第十三届人民代表大会第四次会议上";
# an outline's approval: "（2021年2月5日衢州市第八届人民代表大会第六次会议批准）"
# (a scanner: tried only at a digit or an opening bracket)
_MD: Final = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"  # a month or a day, in digits or Chinese numerals (一月八日)
DELIVERED: Final = scanner(rf"(\d{{4}})\s*年\s*{_MD}\s*月\s*{_MD}\s*日\s*在[\s\S]{{0,40}}?(?:{_CONGRESS})"
                       rf"|[（(]\s*(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日[^（()）\n]{{0,40}}?(?:{_CONGRESS})[^（()）\n]{{0,30}}?"
                       rf"(?:{_APPROVAL})\s*[）)]")
CONGRESS_BODY: Final = re.compile(rf"{_BODY_START}(?P<r>{REGION_NAME})(?:第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届)(?:{_CONGRESS})")
_BUREAUS: Final = LEX.alt("documents.bureaus")
BUREAU_BODY: Final = re.compile(rf"{_BODY_START}(?P<r>(?:{REGION_NAME})?{REGION_NAME})(?:{_BUREAUS})")
CONGRESS_WORDS: Final = tuple(LEX.words("documents.congress_words"))
BUREAU_WORDS: Final = tuple(LEX.words("documents.bureaus"))
TERM_CHARS: Final = frozenset("第一二三四五六七八九十")  # what CONGRESS_BODY allows between a region and its 届


def _first_in_windows(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]) -> re.Match | None:
    """``pattern.search(text)``, for a pattern whose every match lies within one of ``windows``
    (``(start, end)`` around each place a match can end): each window searched alone, then the
    text matched at the leftmost start they found — the same match, without trying the pattern at
    every position of the text (a REGION_NAME-led pattern tries up to ten characters and every
    suffix at each: ≈ 0.1 µs a character, 100–130 µs a document's head)."""
    first = -1
    for start, end in windows:
        m = pattern.search(text, start, end)
        if m is not None and (first < 0 or m.start() < first):
            first = m.start()
    return pattern.match(text, first) if first >= 0 else None


def _places(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every place one of ``words`` is printed in ``text``."""
    out = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            out.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return out


def congress_body(head: str) -> re.Match | None:
    """CONGRESS_BODY's first match in ``head`` (某县第十八届人民代表大会), tried only before each
    congress word that follows a 届."""
    windows = []
    for at, end in _places(head, CONGRESS_WORDS):
        if at > 0 and head[at - 1] == "届":
            start = at - 1
            while start > 0 and head[start - 1] in TERM_CHARS:
                start -= 1
            windows.append((max(0, start - REGION_NAME_REACH), end))
    return _first_in_windows(CONGRESS_BODY, head, windows)


def bureau_body(head: str) -> re.Match | None:
    """BUREAU_BODY's first match in ``head`` (某市某区发展和改革局), tried only before each bureau's
    name (the region's two names before it at most)."""
    windows = [(max(0, at - 2 * REGION_NAME_REACH), end) for at, end in _places(head, BUREAU_WORDS)]
    return _first_in_windows(BUREAU_BODY, head, windows)


# A body that issues documents, by name: a region's name (or the nation's body: 国务院, 国家, 全国), a few
# words, the kind of body (documents.signing_bodies / bureaus) — 某市人民代表大会财政经济委员会, 某某经济技术
# 开发区管委会, 某县某镇人民政府, 国务院新闻办公室, 某市发展和改革局. Printed as the issuer — opening the
# title, on a line of its own at the head or the end, after a source line's key — it is the issuer; a body
# named in a sentence (省统计局发布数据显示…) is not. Where a nation's body follows a body's name
# (某省统计局国家统计局某某调查总队: two bodies signing together), the first is the issuer. No name holds 关于
# (中共某市委关于…某某委员会…: the title's subject, after its issuer).
_NATIONAL_STARTS: Final = LEX.alt("documents.national_government", "documents.national_bodies")
BODY_NAME: Final = (rf"(?!关于)(?:(?:{REGION_NAME}|{_NATIONAL_STARTS})(?:(?!关于)[\u4e00-\u9fff]){{0,16}}?"
                    rf"(?:{LEX.alt('documents.signing_bodies', 'documents.bureaus')})|{LEX.alt('documents.national_short_bodies')})")
# a body opening the title, the title's own words after it (某某开发区管委会2025年工作报告, 某市人民政府
# 办公室关于…的通知, 某省政府新闻办举行…发布会)
TITLE_BODY: Final = re.compile(rf"{BODY_NAME}(?=\d{{4}}\s*年|{LEX.alt('documents.issuer_followers')})")
# a body opening a line of its own at the head (a byline): "南雄市发展和改革局局长　陈立", 国务院新闻办公室
# above a press release; or the title's own line, a body naming itself before 关于 (新县发展和改革委员会关于…
# 的报告: also a byline above the title, which the normaliser joins to it)
BYLINE_BODY: Final = re.compile(rf"(?m)^[ \t]*{BODY_NAME}(?={LEX.alt('documents.byline_titles')}|关于|[ \t]|$|{_NATIONAL_STARTS})")
# a body signing at the end, alone on its line or with its date after it, on that line or the next
# (瑞金市发展和改革委员会 / 2026年1月8日) — not a colophon's body, whose date is the printing's (…办公室 2026年1月5日印发)
SIGNING_BODY: Final = re.compile(rf"(?m)^[ \t]*{BODY_NAME}(?=[ \t]*(?:(?:\d{{4}}\s*年[\d \t月日一二三四五六七八九十〇零]*)?$|{_NATIONAL_STARTS}))")


def body_or_date_line(line: str) -> bool:
    """Is ``line`` a document's furniture under its title: a body's name, with or without its date after it
    (某市发展和改革委员会　2026年2月8日), or a date alone — no words of the document's own."""
    return SIGNING_BODY.match(line) is not None or date_alone(line) is not None


_PAGE_LABELS: Final = alternation((*LEX.words("documents.source_keys"), *PAGE_LABEL_WORDS))
# a repost's source line naming a body (来源：某市统计局　发布时间：…): the value ends where the page's next
# label begins (printed with no space between them when a page is copied), or at the end of its Chinese words;
# its key a label of its own (not a table's note: 数据来源：某市统计局 names where figures come from)
SOURCE_LINE: Final = re.compile(rf"(?<![\u4e00-\u9fff])(?:{LEX.alt('documents.source_keys')})\s*[:：]\s*({BODY_NAME})(?=$|[^\u4e00-\u9fff]|{_PAGE_LABELS}|{_NATIONAL_STARTS})", re.M)
SOURCE_KEYS: Final = LEX.words("documents.source_keys")
BODY_NAME_ALONE: Final = re.compile(BODY_NAME)
CITING_WORD: Final = re.compile(LEX.alt('documents.citing_words'))
# (a few words between the body and its figures: 某省统计局近日发布的数据显示)
CITING_AFTER: Final = re.compile(rf"[^。，；,;\n]{{0,6}}?(?:{LEX.alt('documents.citing_followers')})")
OTHER_BODYS_REPORT: Final = re.compile(rf"(?:{LEX.alt('documents.other_reporting_bodies')})(?:\d{{4}}\s*年)?工作报告")
GOVERNING_BODY: Final = re.compile(rf"(?:{LEX.alt('documents.governing_bodies')})$")
SIGNATURE_REACH: Final = 600  # the characters at the end of a document its signature is looked for in
# (the small patterns of the functions below, compiled once)
QUOTED_TITLE: Final = re.compile(rf"《([^》]{{6,80}}(?:{LEX.alt('documents.quoted_title_endings')}))》")
A_YEAR: Final = re.compile(r"\d{4}年")
FOUR_DIGITS: Final = re.compile(r"\d{4}")
SENTENCE_MARK: Final = re.compile(r"[，,。]")
SENTENCE_OR_COLON: Final = re.compile(r"[，,。：:]")
# the plan report's title (关于…计划执行情况与…计划草案的报告) — and a congress committee's review of it (…计划
#草案的审查结果报告, signed by its 财政经济委员会): a plan report too, since it restates the draft's targets and last
# year's results, which read as the plan report's (targets of the plan year, actuals of the year before); its
# issuer is the committee it prints, not the development commission
PLAN_REPORT_TITLE: Final = re.compile(r"执行情况.{0,30}(计划|草案).{0,6}报告")
BUDGET_TITLE: Final = re.compile(LEX.alt("documents.budget_titles"))
RESOLUTION_TITLE: Final = re.compile(rf"(?:{LEX.alt('documents.resolution_titles')})$")
ISSUING_TITLE: Final = re.compile(rf"(?:{_ISSUING}).{{0,30}}(?:{LEX.alt('documents.plan_words')})")
ANNUAL_PLAN_TITLE: Final = re.compile(rf"\d{{4}}年.{{0,20}}(?:{LEX.alt('documents.annual_plan_titles')}"
                                      rf"|(?:{LEX.alt('documents.annual_plan_subjects')})(?:{LEX.alt('documents.annual_plan_targets')}))$")
PLAN_REPORT_HEAD: Final = re.compile(r"受.{0,12}人民政府委托|计划执行情况.{0,40}草案")
DEPUTIES: Final = re.compile(r"(?:^|\n)\s*各位代表")
WORK_REPORT_WORDS: Final = re.compile(r"作.{0,4}政府工作报告|政府工作报告")
CONGRESS_OPENS: Final = re.compile(rf"(?:{_CONGRESS}).{{0,30}}(?:{LEX.alt('time.congress_events')})")
WORK_REQUIREMENTS: Final = re.compile(r"政府工作(?:的)?总体要求|做好今年政府工作")
# a date line alone, or with the note of its publication after it (2026年2月10日（此件主动公开）)
DATE_ALONE: Final = re.compile(rf"[（(]?\s*[\d零〇一二三四五六七八九十年月日\s]+[)）]?(?:[（(]\s*(?:{LEX.alt('documents.publicity_notes')})\s*[)）])?")
PARTY_LEAD: Final = re.compile(rf"^(?:{LEX.alt('documents.party_issuers')})")
A_REGION_NAME: Final = re.compile(REGION_NAME)
TITLE_VERB: Final = re.compile(rf"^(?:关于)?(?:{_ISSUING})?")
_TITLE_REGION: Final = rf"{LEX.alt('documents.national_names')}|{REGION_NAME}"  # (中华人民共和国2025年…统计公报: the nation's)
YEAR_REGION_PLAN: Final = re.compile(rf"\d{{4}}\s*年\s*(?P<r>{_TITLE_REGION})国民经济")
REGION_PLAN: Final = re.compile(rf"(?P<r>{_TITLE_REGION})(?:\d{{4}}年|国民经济和社会发展第)")
ON_BEHALF: Final = re.compile(rf"(?:我代表|受)({LEX.alt('documents.national_government')}|[\u4e00-\u9fff]{{0,8}}人民政府)")  # (受国务院委托: the national plan report)
SENTENCE_END: Final = re.compile(r"[。\n]")
WORDS_BEFORE_NUMBER: Final = re.compile(r"^.*[以为将由的经按用]")
SELF_LEVELS: Final = ("province", "prefecture", "county")
# the words of the three levels in one pattern, a named group each, read in one pass: no word of one
# level can overlap a word of another where printed (tests/extract/test_fast_rules.py checks the
# lexicon for it), so the matches of each group are those of the level's own pattern
# (a scanner: the named groups hide the words' first characters from re's own fast scan)
SELF_REFERENCE: Final = scanner("|".join(f"(?P<{level}>{LEX.alt(f'documents.self_references.{level}')})"
                                  for level in SELF_LEVELS))


@dataclass
class Metadata:
    doc_type: str
    title: str | None
    issuer: str | None
    region_name: str | None
    plan_year: int | None  # set from the time scope (scope.py owns the plan year)
    doc_number: str | None
    issued_on: str | None
    region_level_hint: str | None = None  # the level the document speaks of itself at (全县 → county)


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def find_title(doc: Document) -> str | None:
    """The document's title: a loader's, a quoted 《…》 title, or the first title-like line — joined
    with its continuation when a page broke it ("…关于下达2020年" / "自治区国民经济…计划的通知").
    A loader's title without a title's words (a portal's page named 文件 or 政策解读 for every
    document it holds) is the last resort, after the text's own title."""
    loaded = doc.loaded.title.strip() if doc.loaded.title else None
    line_title = _title_line(doc)
    if loaded and TITLE_HINT.search(to_simplified(loaded)):
        if line_title and "".join(loaded.split()) in "".join(line_title.split()) \
                and _ends_title(to_simplified(line_title)):
            # a Word page's <title> (its properties: 临海市2026年…计划) inside the printed title
            # (…人民政府关于印发临海市2026年…计划的通知): the printed one is the document's
            return line_title
        return loaded
    if line_title and _ends_title(to_simplified(line_title)):
        return line_title
    head = doc.search_text[:300]
    bulletin = bulletin_title(head)
    if bulletin and head[:bulletin.start()].strip() == "":
        # "2023年昌吉市国民经济和社会发展统计公报 2023年,在市党委…": the title opens a long line
        return doc.printed(bulletin.group().strip(), (bulletin.start(), bulletin.end()))
    quoted = QUOTED_TITLE.search(doc.search_text[:1500])
    if quoted and A_YEAR.search(quoted.group(1)):
        return doc.printed(quoted.group(1), (quoted.start(1), quoted.end(1)))
    return line_title or loaded or _headline(doc)


HEADLINE_LENGTH: Final = (6, 40)  # a news headline's length, in characters
HAN: Final = re.compile(r"[\u4e00-\u9fff]")
CELL_GAPS: Final = re.compile(r"[\t|]|\S\s+\S+\s+\S")  # a table's row (类别 序号 指标 单位): cells, no headline


def _headline(doc: Document) -> str | None:
    """A news headline without a title's words (滁州：今年经济增长预期目标6.5%左右) opening a text that has no
    other title: its first line, when it reads as a headline — short, no sentence's or clause's mark, not a
    page's furniture, a table's row, a date (a report's delivery note, ——2026年1月15日在…会议上), a body's name (a bulletin's
    bureau, 某某市统计局) or a numbered heading. (A page's own <title> is the loader's title, read before.)"""
    text = doc.search_text[:200]
    at = len(text) - len(text.lstrip())
    line = text[at:].split("\n", 1)[0].rstrip()
    low, high = HEADLINE_LENGTH
    if not low <= len(line) <= high or len(HAN.findall(line)) < 4 or SENTENCE_MARK.search(line) or CELL_GAPS.search(line) \
            or line.endswith(("：", ":", "；", ";")) or HEADING_NUMBER.match(line) or DATE_LINE.match(line) \
            or SIGNATURE.search(line) or PHOTO_CAPTION.search(line) or page_furniture(line):
        return None  # (a photograph's caption: （记者 某某 摄）)
    return doc.printed(line, (at, at + len(line)))


def _title_line(doc: Document) -> str | None:
    """The first title-like line of the document's head (joined with the one or two lines a page
    break cut it into) — unless it is a bare headline (自治区人民政府发布通知: no 关于, no year) and
    a full title (…关于下达2020年…的通知) follows within a few lines: a page's headline above it."""
    pos = 0
    lines: list[tuple[str, int]] = []
    for raw in doc.search_text[:3000].split("\n"):
        if raw.strip():
            lines.append((raw.strip(), pos + raw.index(raw.strip()[0])))
        pos += len(raw) + 1
    first: tuple[str, int, int, int] | None = None  # title, start, end, the line it opened on
    for i, (line, at) in enumerate(lines[:15]):
        if first is not None and i > first[3] + 6:
            break
        label = TITLE_LABEL.match(line)
        if label:  # 原标题：…: a repost's label, the title after it
            line, at = line[label.end():], at + label.end()
        if not (TITLE_HINT.search(line) or MONTHLY_TITLE.search(line)) or len(line) > 80 or line.endswith(("。", "：", ":")) \
                or line.startswith(("各", "附件")) or SENTENCE_MARK.search(line) or HEADING_NUMBER.match(line) \
                or PHOTO_CAPTION.search(line) or page_furniture(line):
            continue  # (首页>信息公开>政府工作报告: a breadcrumb names where the page sits, not the document)
        title, end = line, at + len(line)
        delivered = TITLE_THEN_DELIVERY.match(title)
        if delivered:  # 政府工作报告（2019年1月21日在…会议上）: the title ends before its note
            title, end = delivered.group(1), at + delivered.end(1)
        if not _ends_title(title):
            for nxt, nat in lines[i + 1:i + 3]:
                if len(title) + len(nxt) > 80 or SENTENCE_OR_COLON.search(nxt):
                    break
                title, end = title + nxt, nat + len(nxt)
                if _ends_title(title):
                    break
            if not _ends_title(title):
                title, end = line, at + len(line)
        elif i + 1 < len(lines) and not CLOSED_TITLE.search(title):
            nxt, nat = lines[i + 1]
            if TITLE_JOINER.match(nxt) and len(title) + len(nxt) <= 80 and _ends_title(nxt):
                title, end = title + nxt, nat + len(nxt)  # …计划执行情况 / 与2025年…计划草案的报告: one title
        number = DOC_NUMBER.match(title)
        if number and TITLE_HINT.search(title, number.end()):  # 嘉政发〔2023〕3号嘉祥县人民政府关于…: the number is not the title's
            rest = title[number.end():].lstrip()
            at, title = at + len(title) - len(rest), rest
        if first is None:
            first = (title, at, end, i)
            if "关于" in title or A_YEAR.search(title):
                break
        elif "关于" in title and A_YEAR.search(title) and TITLE_END.search(title):
            first = (title, at, end, i)
            break
    return doc.printed(first[0], (first[1], first[2])) if first else None


def is_bulletin_layout(text: str) -> bool:
    """A text laid out in a bulletin's sections (一、综合 / 二、农业 …), opening with 综合, under a
    statistics bureau's name or with preliminary accounts (初步核算): a bulletin without a title."""
    heads = [m.group(1) for m in BULLETIN_HEADING.finditer(text[:20000])]
    if not heads or heads[0] not in BULLETIN_FIRST:
        return False
    return len(set(heads)) >= 2 or bool(BULLETIN_BODY.search(text[:600])) or "初步核算" in text[:3000]


def doc_type_of(title: str | None, text: str, issuer: str | None = None) -> str:
    t = title or ""
    head = text[:800]
    if "统计公报" in t or BULLETIN_WORDS in head[:300]:
        return "statistical_bulletin"
    if monthly_report(t):
        return "other"  # a monthly statistics report: results of a part of the year, no plan and no annual bulletin
    if "政府工作报告" in t:
        return "work_report"
    if OTHER_BODYS_REPORT.search(t):
        return "other"  # a congress committee's, a court's, a procuratorate's 工作报告: no government's, though 各位代表 opens it
    if "工作报告" in t and issuer and GOVERNING_BODY.search(to_simplified(issuer)):
        # a government's 工作报告, or a development zone's administration's (某某开发区管委会2025年工作报告,
        # a bare 工作报告 under its 管理委员会): it governs the zone as a government does — not a congress
        # committee's or a court's 工作报告
        return "work_report"
    if RESOLUTION_TITLE.search(t):
        return "other"  # a congress's resolution approving the plan
    if evaluates_outline(t):
        return "plan_report"  # an outline's mid-term or final evaluation: a report on it, of the year evaluated
    if FIVE_YEAR_TITLE.search(t):
        return "five_year_plan"  # an outline, its proposal, or a notice issuing one
    if BUDGET_TITLE.search(t):
        return "other"  # a budget's execution and draft: no plan report
    if PLAN_REPORT_TITLE.search(t):
        return "plan_report"
    if PROGRESS_TITLE.search(t) and "计划" in t:
        return "plan_report"  # an execution report written during the year
    if ISSUING_TITLE.search(t) or ANNUAL_PLAN_TITLE.search(t):
        return "plan_notice"
    if PLAN_REPORT_HEAD.search(head):
        return "plan_report"
    if ISSUING_WORDS.search(text[:4000]):
        return "plan_notice"
    if is_bulletin_layout(text):
        return "statistical_bulletin"
    if DEPUTIES.search(text[:400]) or WORK_REPORT_WORDS.search(head) or CONGRESS_OPENS.search(head) \
            or WORK_REQUIREMENTS.search(text[:3000]):
        return "work_report"
    if FIVE_YEAR_QUOTED.search(text[:1500]):
        return "five_year_plan"  # a digest of an outline (《…第十四个五年规划…纲要》)
    return "other"


def find_doc_number(doc: Document) -> str | None:
    for key in LEX.words("documents.number_keys"):
        value = doc.loaded.metadata.get(key)
        if value:
            m = DOC_NUMBER.search(value)
            if m:
                return "".join(m.group("num").split())
    head = doc.search_text[:1500]
    pos = 0
    for raw in head.split("\n")[:40]:
        line = raw.strip()
        m = DOC_NUMBER.search(raw) if "号" in raw and DOC_NUMBER_YEAR.search(raw) else None  # (every number ends in 号)
        # a number on a short line of its own, after a 文号 key, or glued before the title
        if m and (len(line) <= 30 or DOC_NUMBER_KEY.search(raw[:m.start("num")]) or raw.lstrip().startswith(m.group("num"))):
            a, b = pos + m.start("num"), pos + m.end("num")  # (the match's offsets in its line, in the text)
            number = "".join(doc.printed(m.group("num"), (a, b)).split())
            return number.replace("[", "〔").replace("]", "〕")
        pos += len(raw) + 1
    return None


def _month_or_day(printed: str) -> int:
    return int(printed) if printed.isdigit() else int(parse_chinese(printed))


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def date_alone(line: str) -> str | None:
    """The date of a line that is a date alone (2026年2月10日, （2026年2月10日）, with its publicity note after it)."""
    date = _date_in(line)
    return date if date and DATE_ALONE.fullmatch(line) else None


def _date_in(line: str) -> str | None:
    m = DATE.search(line)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = CN_DATE.search(line)
    if m:
        try:
            year = int(m.group(1)) if m.group(1).isdigit() else int(parse_chinese(m.group(1)))  # 二〇二五: digit by digit
            return _iso(year, int(parse_chinese(m.group(2))), int(parse_chinese(m.group(3))))
        except NumberError:
            return None
    return None


def _iso_of(value: str) -> str | None:
    m = ISO_DATE.search(value)
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


HEAD_LINES: Final = 6  # a document's head: its title, delivery note, speaker and date lines


def find_issued_on(doc: Document) -> str | None:
    """The date a notice was issued: a page's 成文日期 (in its metadata or printed in its header),
    the date under the issuer's name closing the notice (not the 印发 date of the colophon), or a
    date line right after the paragraph that issues the plan (现予下达…)."""
    value = next(filter(None, map(doc.loaded.metadata.get, LEX.words("documents.date_keys"))), None)
    if value and _iso_of(value):
        return _iso_of(value)
    m = WRITTEN_ON.search(doc.search_text[:2000])
    if m and _iso_of(m.group(1)):
        return _iso_of(m.group(1))
    m = DELIVERED.search(doc.search_text[:800])
    if m and m.group(1) is None:
        return _iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    if m:
        return _iso(int(m.group(1)), _month_or_day(m.group(2)), _month_or_day(m.group(3)))
    lines = _lines(doc.search_text)
    for line in lines[:12]:
        m = SIGNED_LINE.match(line)
        if m and len(line) <= 40:
            return _date_in(m.group(2))  # "柳州市发展和改革委员会　2023年10月20日": the body and its date on one line
    for i, line in enumerate(lines):
        if len(line) <= 40 and line[-1:] == "日":
            signed = SIGNED_LINE.match(line)
            if signed:
                return _date_in(signed.group(2))  # the signature and its date on one line, at the end
        if len(line) > 24 or "印发" in line:
            continue
        date = date_alone(line)
        if not date:
            continue
        prev = lines[max(0, i - 2):i]
        if any(SIGNATURE.search(p) and len(p) <= 30 for p in prev):
            return date
        if i < HEAD_LINES and line[:1] in "（(" and all(len(p) <= 40 and "。" not in p for p in lines[:i]):
            return date  # a report's date in brackets under its title, delivery note and speaker: （2026年2月6日）
        if i < 40 and any(ISSUING_WORDS.search(p) for p in lines[max(0, i - 3):i]):
            return date  # "…现予下达，请认真贯彻实施。" / "2020年1月22日"
    return None


NATIONAL_NAMES: Final = frozenset(LEX.words("documents.national_names"))
PROVINCE_SUFFIXES: Final = tuple(LEX.words("documents.province_suffixes"))
MUNICIPALITIES: Final = frozenset(LEX.words("documents.municipalities"))
COUNTY_SUFFIXES: Final = tuple(LEX.words("documents.county_suffixes"))


# The level of the division a name names, by a registry that knows it (GB/T 2260: 义乌市 a county), None for a
# name it does not know — the catalogue's, handed down by the caller (extract never imports catalog)
KnownLevels = Callable[[str], str | None]


def region_level(name: str | None, known: KnownLevels | None = None) -> str | None:
    """A region's level: the ``known`` one where a registry knows the name (a county-level city ends in 市
    as a prefecture does), else from its printed name (the lexicon's endings); the catalogue stage
    replaces the document's with the registry's when it knows the region."""
    if not name:
        return None
    if known is not None:
        level = known(name)
        if level is not None:
            return level
    if name in NATIONAL_NAMES:
        return "national"
    if name.endswith(PROVINCE_SUFFIXES) or name in MUNICIPALITIES:
        return "province"
    if name.endswith(COUNTY_SUFFIXES):
        return "county"
    return "prefecture"


def region_level_hint(text: str) -> str | None:
    """The level a document speaks of itself at: 全县 / 县委 / 县域 → county; none when unclear."""
    head = text[:6000]
    counts = Counter(dict.fromkeys(SELF_LEVELS, 0))  # (a tie goes to the first level, as before)
    counts.update(m.lastgroup or "" for m in SELF_REFERENCE.finditer(head))  # (every match is a level's group)
    (level, n), = counts.most_common(1)
    if n < 2:
        return None
    others = sum(counts.values()) - n
    return level if n >= 2 * others else None


def find_region_name(doc: Document, title: str | None) -> tuple[str | None, str | None]:
    """(region name as printed, issuer) from the title, the issuer, a congress or bureau it
    names, the signature or the salutation."""
    text = doc.search_text
    if title:
        party = PARTY_ISSUER.match(title)
        if party:
            body = PARTY_LEAD.sub("", party.group())
            named = A_REGION_NAME.match(body + "委")
            if named:
                return named.group(), party.group()
    for source in filter(None, [title, doc.loaded.metadata.get("发布机构")]):
        m = ISSUER.search(source)
        if m:
            if m.group("region"):
                return m.group("region"), m.group()
            return NATION, NATIONAL_GOVERNMENT[0]
    if title:
        bare = TITLE_VERB.sub("", title)
        m = YEAR_REGION_PLAN.search(bare) or REGION_PLAN.match(bare)
        if m:
            return m.group("r"), None
    opening = ON_BEHALF.search(text[:600])
    if opening and opening.group(1) in NATIONAL_GOVERNMENT:
        # 我代表国务院: the State Council's report; 受国务院委托: a ministry's on its behalf (the plan report)
        return NATION, NATIONAL_GOVERNMENT[0] if opening.group().startswith("我代表") else None
    m = congress_body(text[:1500])
    if m and not m.group("r").startswith(NATIONAL_BODIES):
        return _body_region(m)[0], None
    publisher = source_body(doc)
    if publisher:  # the publisher a repost's source line names (来源：某市统计局): its region, not a bureau's in a sentence
        return _body_s_region(publisher), None
    m = bureau_body(text[:1500])
    if m and not m.group("r").startswith(NATIONAL_BODIES) and not _cited(text, m):
        # a bureau named at the head names the region; it issues the document only where it is printed
        # as the issuer (a byline, a signature: printed_issuer), not in a sentence (某市统计局发布数据显示…)
        return _body_region(m)[0], None
    signed = _signature(text)
    if signed:
        return (signed.group("region") or NATION), signed.group()
    return None, None


def _signature(text: str) -> re.Match | None:
    """A government's name on a line of its own near the end: the document's signature."""
    for line in reversed(_lines(text[-3000:])):
        m = ISSUER.fullmatch(line) if len(line) < 20 else None
        if m:
            return m
    return None


def _signing_government(doc: Document, region: str) -> str | None:
    """The issuer printed in the signature when the title names the region but not the issuer
    (临海市2026年…计划 signed 临海市人民政府): printed, so not to be inferred."""
    signed = _signature(doc.search_text)
    if signed is None or (signed.group("region") or NATION) != region:
        return None
    at = doc.search_text.rfind(signed.group())
    return doc.printed(signed.group(), (at, at + len(signed.group())))


_AFTER_PREPOSITION: Final = re.compile(rf"^[\u4e00-\u9fff]+?(?:{'|'.join(map(re.escape, LEX.words('documents.body_prepositions')))})(?={REGION_NAME}$)")


def _cited(text: str, m: re.Match) -> bool:
    """Is the bureau ``m`` matched cited as the source of figures (据某省统计局…, 数据来源：某省统计局,
    某省统计局数据显示)? Then it names whose figures they are, not the document's region."""
    # (the region's words may hold the citing word: the match opens on a run of characters, 数字来自某省)
    return bool(CITING_WORD.search(text, max(0, m.start() - 4), m.end("r")) or CITING_AFTER.match(text, m.end()))


def _body_region(m: re.Match) -> tuple[str, int]:
    """The region a body's match names, and where it starts: a match that opened at the start of
    a clause keeps the words before the body's preposition ("日在杭州市" of "…21日在杭州市第十三届
    人民代表大会"); the region starts after them."""
    name = m.group("r")
    lead = _AFTER_PREPOSITION.match(name)
    cut = lead.end() if lead else 0
    return name[cut:], m.start("r") + cut


def _fits(body: str, region: str | None) -> bool:
    """Can ``body`` issue a document of ``region``? It names the region (or the nation's body the
    nation); any body when the region is unknown. (Another government's name at a page's end — the
    portal's — is no signature.)"""
    if region is None:
        return True
    return body.startswith(NATIONAL_GOVERNMENT + NATIONAL_BODIES) if region == NATION else region in body


def _body_s_region(body: str) -> str | None:
    """The region a body's name opens with (某市统计局 → 某市; 国务院新闻办公室, 国家统计局 → the nation); None for
    a nation's body seated in a region (国家统计局衡阳调查队: its place printed short, found by the catalogue)."""
    plain = to_simplified(body)
    if plain.startswith(NATIONAL_GOVERNMENT + NATIONAL_BODIES):
        return None if plain.endswith(SEATED_BODIES) else NATION
    named = A_REGION_NAME.match(plain)
    return named.group() if named else NATION


def printed_issuer(doc: Document, region: str | None) -> str | None:
    """The issuer the document prints, by the general rule of BODY_NAME (the title's opening body is
    read before): opening a headline, on a line of its own at the head (a byline) or at the end (a
    signature), else the publisher a repost's source line names (来源：某市统计局, a page's 发布机构) —
    as printed."""
    text = doc.search_text
    head = text.lstrip()
    headline = TITLE_BODY.match(head, 0, head.find("\n") if "\n" in head else len(head))
    if headline:  # a headline without a title's words (某省人民政府新闻办公室举行…发布会): the body opening it
        at = len(text) - len(head)
        return doc.printed(headline.group(), (at, at + headline.end()))
    source = source_body(doc)
    if source and region == _body_s_region(source):
        region = None  # (a region the source line named is no test of what the document prints: it prints its issuer)
    for found in (BYLINE_BODY.search(text[:1500]), SIGNING_BODY.search(text, max(0, len(text) - SIGNATURE_REACH))):
        if found and _fits(found.group().strip(), region):
            start = found.start() + len(found.group()) - len(found.group().lstrip())
            return doc.printed(text[start:found.end()], (start, found.end()))
    return source


def source_body(doc: Document) -> str | None:
    """The body a repost's source line names (来源：某市统计局, a page's 发布机构 or 信息来源 in its metadata
    or printed at its head), as printed: the original publisher. None for a source that is no body
    (来源：某某日报)."""
    for key in SOURCE_KEYS:
        value = (doc.loaded.metadata.get(key) or "").strip()
        if value and BODY_NAME_ALONE.fullmatch(to_simplified(value)):
            return value
    source = SOURCE_LINE.search(doc.search_text[:1500])
    return doc.printed(source.group(1), source.span(1)) if source else None


def extract_metadata(doc: Document) -> Metadata:
    title = find_title(doc)
    if title:  # a bilingual page's title without its English half (…要点（中英对照）Highlights of …)
        title = without_latin_prose(title).strip() or title
    plain_title = search_form(title) if title else None  # the patterns read simplified characters, years in digits
    region, issuer = find_region_name(doc, plain_title)
    opening = TITLE_BODY.match(plain_title) if plain_title else None
    if opening and title:  # the body opening the title (某市人民政府办公室关于…: the office, not the government in it;
        issuer = title[:opening.end()]  # its words hold no year, so the printed title has them at the same offsets)
    if issuer is None and region is not None:
        issuer = _signing_government(doc, region)
    if issuer is None:
        issuer = printed_issuer(doc, region)
    # no issuer printed: the catalogue stage names the usual one for the document's kind and region
    doc_type = doc_type_of(plain_title, doc.search_text, issuer)
    number, issued_on = find_doc_number(doc), find_issued_on(doc)
    if doc_type == "five_year_plan":
        said_number, said_date, said_issuer = issue_sentence(doc)
        number, issued_on = number or said_number, issued_on or said_date
        issuer = said_issuer or issuer  # the government that issued the outline, not the page's source
    if region is None and issuer is not None:
        # a body printed as the issuer names the document's region: a nation's body (国务院新闻办公室, 国家统计局,
        # 国家发展改革委 opening a press release's headline or on its byline) the nation
        region = _body_s_region(issuer)
    return Metadata(
        doc_type=doc_type, title=title, issuer=issuer, region_name=region,
        plan_year=None, doc_number=number, issued_on=issued_on,
        region_level_hint=region_level_hint(doc.search_text),
    )


ISSUE_VERBS: Final = re.compile(LEX.alt("documents.issue_verbs"))
ADOPTED: Final = re.compile(rf"[（(]\s*(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日[^）)\n]{{0,60}}(?:{_APPROVAL})\s*[）)]")
MONTH_DAY: Final = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def issue_sentence(doc: Document) -> tuple[str | None, str | None, str | None]:
    """A digest of an outline says how it was issued: "2月6日，桂林市人民政府印发《…纲要》（市政发
    〔2026〕3号）" / "（2020年12月28日…全体会议通过）": the number and the date (its year from the
    number when the sentence prints only month and day)."""
    text = doc.search_text[:3000]
    m = ADOPTED.search(text)
    if m:
        return None, _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))), None
    for sentence in SENTENCE_END.split(text):
        if not ISSUE_VERBS.search(sentence):
            continue
        number = DOC_NUMBER.search(sentence)
        if not number:
            continue
        num = "".join(number.group("num").split())
        num = WORDS_BEFORE_NUMBER.sub("", num)  # "省政府以云政发〔2021〕4号": the words before are the sentence's
        digits = FOUR_DIGITS.search(num)  # (always: a number holds its year, and the words cut before it hold no digit)
        if digits is None:
            continue
        year = int(digits.group())
        day = MONTH_DAY.search(sentence)
        at = doc.search_text.find(num)
        printed = doc.printed(num, (at, at + len(num))) if at >= 0 else num
        gov = ISSUER.search(sentence)
        issuer = gov.group() if gov and gov.group("region") else None
        return printed, (_iso(year, int(day.group(1)), int(day.group(2))) if day else None), issuer
    return None, None, None

"""What a document is: its type, title, issuer, region (as printed), plan year, number and date.

Regions are found here by their printed names only; the catalogue stage resolves them to
GB/T 2260 codes and levels (extract never imports catalog).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from zhibiao.extract.numbers import NumberError, parse_chinese
from zhibiao.text.document import Document

REGION_NAME = r"[\u4e00-\u9fff]{1,10}?(?:省|市|自治区|特别行政区|自治州|地区|盟|县|自治县|区|旗)"
ISSUER = re.compile(rf"(?P<region>{REGION_NAME})人民政府|国务院|國務院")
TITLE_HINT = re.compile(r"关于|通知|报告|计划|规划|公报|纲要")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}\s*[〔\[【（(]\s*(\d{4})\s*[〕\]】）)]\s*\d+\s*号")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(r"([零〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
SIGNATURE = re.compile(r"(人民政府|国务院|办公厅|办公室|委员会|发展和改革委员会|统计局)\s*$")


@dataclass
class Metadata:
    doc_type: str
    title: str | None
    issuer: str | None
    region_name: str | None
    plan_year: int | None  # set from the time scope (scope.py owns the plan year)
    doc_number: str | None
    issued_on: str | None


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def find_title(doc: Document) -> str | None:
    if doc.loaded.title:
        return doc.loaded.title.strip()
    quoted = re.search(r"《([^》]{6,80}(?:报告|计划|通知|公报|纲要))》", doc.search_text[:1500])
    if quoted and re.search(r"\d{4}年", quoted.group(1)):
        return quoted.group(1)
    for line in _lines(doc.search_text[:3000])[:15]:
        if TITLE_HINT.search(line) and len(line) <= 80 and not line.endswith(("。", "：", ":")) \
                and not line.startswith(("各", "附件")):
            return line
    return None


def doc_type_of(title: str | None, text: str) -> str:
    t = title or ""
    head = text[:800]
    if "统计公报" in t or re.search(r"国民经济和社会发展统计公报", head[:300]):
        return "statistical_bulletin"
    if "政府工作报告" in t:
        return "work_report"
    if re.search(r"执行情况.{0,30}(计划|草案).{0,6}报告", t):
        return "plan_report"
    if re.search(r"(下达|印发).{0,30}(计划|规划)", t):
        return "plan_notice"
    if re.search(r"受.{0,12}人民政府委托|计划执行情况.{0,40}草案", head):
        return "plan_report"
    if re.search(r"现印发给你们|现予印发|现将.{0,30}印发给", text[:4000]):
        return "plan_notice"
    if re.search(r"(?:^|\n)\s*各位代表", text[:400]) or re.search(r"作.{0,4}政府工作报告|政府工作报告", head) \
            or re.search(r"(人民代表大会|人大).{0,30}(开幕|召开)", head):
        return "work_report"
    return "other"


def find_doc_number(doc: Document) -> str | None:
    for key in ("发文字号", "文号"):
        value = doc.loaded.metadata.get(key)
        if value and DOC_NUMBER.search(value):
            return re.sub(r"\s+", "", DOC_NUMBER.search(value).group())
    head = doc.search_text[:1500]
    for line in _lines(head)[:12]:
        m = DOC_NUMBER.search(line)
        if m and len(line) <= 30:
            return re.sub(r"\s+", "", m.group()).replace("[", "〔").replace("]", "〕")
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _date_in(line: str) -> str | None:
    m = DATE.search(line)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = CN_DATE.search(line)
    if m:
        try:
            return _iso(int(parse_chinese(m.group(1))), int(parse_chinese(m.group(2))), int(parse_chinese(m.group(3))))
        except NumberError:
            return None
    return None


def find_issued_on(doc: Document) -> str | None:
    """The date under the issuer's name closing a notice (not the 印发 date of the colophon);
    a web page's 成文日期 when the page states it."""
    value = doc.loaded.metadata.get("成文日期")
    if value:
        m = re.search(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})", value)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    # a report's date of delivery: "2019年1月21日在杭州市第十三届人民代表大会第四次会议上"
    m = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在[\s\S]{0,40}?人民代表大会", doc.search_text[:800])
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    lines = _lines(doc.search_text)
    for i, line in enumerate(lines):
        if len(line) > 24 or "印发" in line:
            continue
        date = _date_in(line)
        if not date or not re.fullmatch(r"[（(]?\s*[\d零〇一二三四五六七八九十年月日\s]+[)）]?", line):
            continue
        prev = lines[max(0, i - 2):i]
        if any(SIGNATURE.search(p) and len(p) <= 30 for p in prev):
            return date
    return None


def find_region_name(doc: Document, title: str | None) -> tuple[str | None, str | None]:
    """(region name as printed, issuer) from the title, the signature or the salutation."""
    for source in filter(None, [title, doc.loaded.metadata.get("发布机构")]):
        m = ISSUER.search(source)
        if m:
            if m.group("region"):
                return m.group("region"), m.group()
            return "中华人民共和国", "国务院"
    if title:
        bare = re.sub(r"^(?:关于)?(?:印发|下达)?", "", title)
        m = re.search(rf"\d{{4}}\s*年\s*(?P<r>{REGION_NAME})国民经济", bare) or \
            re.match(rf"(?P<r>{REGION_NAME})\d{{4}}年", bare)
        if m:
            return m.group("r"), None
    opening = re.search(r"我代表(国务院|[\u4e00-\u9fff]{0,8}人民政府)", doc.search_text[:600])
    if opening and opening.group(1) == "国务院":
        return "中华人民共和国", "国务院"
    tail = _lines(doc.search_text[-3000:])
    for line in reversed(tail):
        m = ISSUER.fullmatch(line) if len(line) < 20 else None
        if m:
            return (m.group("region") or "中华人民共和国"), m.group()
    return None, None


def extract_metadata(doc: Document) -> Metadata:
    title = find_title(doc)
    doc_type = doc_type_of(title, doc.search_text)
    region, issuer = find_region_name(doc, title)
    if issuer is None and region is not None:
        issuer = "国务院" if region == "中华人民共和国" else f"{region}人民政府"
    return Metadata(
        doc_type=doc_type, title=title, issuer=issuer, region_name=region,
        plan_year=None, doc_number=find_doc_number(doc),
        issued_on=find_issued_on(doc),
    )

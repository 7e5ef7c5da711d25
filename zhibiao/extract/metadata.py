"""What a document is: its type, title, issuer, region (as printed), plan year, number and date.

Regions are found here by their printed names only; the catalogue stage resolves them to
GB/T 2260 codes and levels (extract never imports catalog).
"""
from __future__ import annotations

import re
from collections import Counter
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
YEAR_OF_PLAN = re.compile(r"(\d{4})\s*年(?:[^，。\n]{0,30}?)(?:国民经济和社会发展(?:计划|规划)|主要目标|主要预期目标|工作安排|重点工作|目标任务|经济社会发展)")
REVIEW_YEAR = re.compile(r"(\d{4})\s*年(?:主要)?工作回顾|(\d{4})\s*年(?:主要)?工作$|一、\s*(\d{4})\s*年")


@dataclass
class Metadata:
    doc_type: str
    title: str | None
    issuer: str | None
    region_name: str | None
    plan_year: int | None
    doc_number: str | None
    issued_on: str | None


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def find_title(doc: Document) -> str | None:
    if doc.loaded.title:
        return doc.loaded.title.strip()
    for line in _lines(doc.text[:3000])[:15]:
        if TITLE_HINT.search(line) and len(line) <= 80 and not line.endswith(("。", "：", ":")) \
                and not line.startswith(("各", "附件")):
            return line
    return None


def doc_type_of(title: str | None, text: str) -> str:
    t = title or ""
    head = text[:4000]
    if "统计公报" in t or re.search(r"国民经济和社会发展统计公报", head[:300]):
        return "statistical_bulletin"
    if "政府工作报告" in t or re.search(r"^\s*各位代表", text[:200]) or "政府工作报告" in head[:600]:
        return "work_report"
    if re.search(r"执行情况.{0,20}(计划|草案).{0,6}报告", t) or re.search(r"计划执行情况.{0,40}草案的报告", head[:600]):
        return "plan_report"
    if re.search(r"(下达|印发).{0,30}(计划|规划)", t) or re.search(r"现印发给你们|现予印发|现将.{0,30}印发", head):
        return "plan_notice"
    return "other"


def find_doc_number(doc: Document) -> str | None:
    for key in ("发文字号", "文号"):
        value = doc.loaded.metadata.get(key)
        if value and DOC_NUMBER.search(value):
            return re.sub(r"\s+", "", DOC_NUMBER.search(value).group())
    head = doc.text[:1500]
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
    lines = _lines(doc.text)
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
        m = re.search(rf"(?:关于下达)?\s*\d{{4}}\s*年\s*(?P<r>{REGION_NAME})国民经济", title) or \
            re.match(rf"(?P<r>{REGION_NAME})\d{{4}}年", title)
        if m:
            return m.group("r"), None
    tail = _lines(doc.text[-3000:])
    for line in reversed(tail):
        m = ISSUER.fullmatch(line) if len(line) < 20 else None
        if m:
            return (m.group("region") or "中华人民共和国"), m.group()
    return None, None


def find_plan_year(doc: Document, title: str | None, doc_type: str) -> int | None:
    if title:
        m = re.search(r"(\d{4})\s*年", title)
        if m and doc_type != "statistical_bulletin":
            return int(m.group(1))
    text = doc.text
    if doc_type == "work_report" or doc_type == "plan_report" or doc_type == "other":
        years = [int(m.group(1)) for m in YEAR_OF_PLAN.finditer(text) if 1949 < int(m.group(1)) < 2100]
        review = [int(next(g for g in m.groups() if g)) for m in REVIEW_YEAR.finditer(text)]
        if review:
            return max(review) + 1 if not years or max(years) <= max(review) else max(years)
        if years:
            counts = Counter(years)
            return max(y for y in counts if counts[y] >= 1)
    if doc_type == "statistical_bulletin" and title:
        m = re.search(r"(\d{4})\s*年", title)
        return int(m.group(1)) if m else None
    m = re.search(r"(\d{4})\s*年", text[:2000])
    return int(m.group(1)) if m else None


def extract_metadata(doc: Document) -> Metadata:
    title = find_title(doc)
    doc_type = doc_type_of(title, doc.text)
    region, issuer = find_region_name(doc, title)
    if issuer is None and region is not None:
        issuer = "国务院" if region == "中华人民共和国" else f"{region}人民政府"
    return Metadata(
        doc_type=doc_type, title=title, issuer=issuer, region_name=region,
        plan_year=find_plan_year(doc, title, doc_type), doc_number=find_doc_number(doc),
        issued_on=find_issued_on(doc),
    )

"""Citations of figures: GB/T 7714 text, CSL-JSON and BibTeX; from the seeds ingested as files
and from a document fetched from the tests' own web site."""
from __future__ import annotations

import ipaddress
import json
import re

import pytest

from docserver import DocServer, build_site
from paths import GOLD, load_gold, need_shared
from zhibiao.fetch import Fetcher, FetchSettings
from zhibiao.store import Database
from zhibiao.ingest import ingest, ingest_addresses
from zhibiao.track import Tracker
from zhibiao.track.citations import Source, bibtex, bibtex_entry, cite_text, csl_json


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    from paths import SEEDS

    db = Database.open(tmp_path_factory.mktemp("cite") / "seeds.db")
    assert ingest(db, [need_shared(SEEDS)]).count("failed") == 0
    return db


def gold_document(region: str, year: int, doc_type: str) -> dict:
    for path in sorted(need_shared(GOLD).glob("*.jsonl")):
        doc = load_gold(path)[0]
        if (doc["region"], doc["plan_year"], doc["doc_type"]) == (region, year, doc_type):
            return doc
    pytest.skip(f"no {region} {year} {doc_type} in the gold")


@pytest.mark.corpus
def test_the_shaoxing_2023_gdp_target_is_cited_with_issuer_title_number_and_date(seeds_db):
    gold = gold_document("绍兴市", 2023, "plan_notice")
    report = Tracker(seeds_db).status("绍兴市", 2023)
    line = next(t for t in report.targets if t.indicator == "gdp_growth")
    c = line.citation
    assert c["text"].startswith(f"{gold['issuer']}. ")
    assert c["title"] and c["title"] in c["text"] and "国民经济和社会发展计划" in c["title"]
    assert gold["doc_number"] and gold["doc_number"] in c["text"]
    assert gold["issued_on"] and c["text"].endswith(f"[Z]. {gold['issued_on']}.")
    assert c["url"] is None and "[EB/OL]" not in c["text"]  # a file: no address to give
    assert line.text in c["quote"]
    # the actual is cited too, by its own document
    assert line.actual and line.actual["citation"]["document_id"] != c["document_id"]


@pytest.mark.corpus
def test_a_region_year_as_csl_json_and_bibtex(seeds_db):
    sources = Tracker(seeds_db).sources("绍兴市", 2023)
    assert len(sources) == 2  # the plan notice and the work report with the results
    items = csl_json(sources)
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items
    plan = next(i for i in items if i.get("number"))
    assert plan["type"] == "report" and plan["author"] == [{"literal": "绍兴市人民政府"}]
    assert plan["issued"]["date-parts"][0][0] == 2023 and "URL" not in plan
    text = bibtex(sources)
    assert text.count("@report{") == 2 and text.count("{") == text.count("}")
    assert re.search(r"number = \{绍政发〔2023〕\d+号\}", text)


def test_bibtex_escapes_what_latex_would_read():
    src = Source(document_id=7, title="关于{特别}计划 100% & #1_a", issuer="某市人民政府", doc_number=None,
                 issued_on="2024-02-01", plan_year=2024, region_name="某市", region_code="330100",
                 doc_type="plan_notice", url="http://example.org/a{b}.pdf", retrieved_at="2026-12-01", sha256="x")
    entry = bibtex_entry(src)
    assert r"title = {关于\{特别\}计划 100\% \& \#1\_a}" in entry
    assert "url = {http://example.org/a%7Bb%7D.pdf}" in entry and "urldate = {2026-12-01}" in entry
    assert cite_text(src, page=3) == ("某市人民政府. 关于{特别}计划 100% & #1_a[EB/OL]. (2024-02-01)[2026-12-01]: 3. "
                                      "http://example.org/a{b}.pdf.")


def test_a_fetched_document_is_cited_with_its_address_and_retrieval_date(tmp_path):
    server = build_site(DocServer(), tmp_path)
    try:
        db = Database.open(tmp_path / "z.db")
        with Fetcher(FetchSettings(allow_private=True, networks=(ipaddress.ip_network("127.0.0.0/8"),),
                                   delay=0)) as f:
            ingest_addresses(db, [server.url("/zwgk/art_2024_5.html")], fetcher=f)
        report = Tracker(db).status("浙江省", 2024)
        c = report.targets[0].citation
        assert c["url"] == server.url("/files/plan2024.pdf") and re.fullmatch(r"\d{4}-\d\d-\d\d", c["retrieved_at"])
        assert "[EB/OL]. (2024-01-30)[" in c["text"] and c["text"].endswith(server.url("/files/plan2024.pdf") + ".")
        assert "浙政发〔2024〕5号" in c["text"]
        rows = Tracker(db).targets(region="浙江省", year=2024)
        assert rows[0]["url"] == server.url("/files/plan2024.pdf")
        assert rows[0]["citation"].endswith(server.url("/files/plan2024.pdf") + ".")
        [item] = csl_json(Tracker(db).sources("浙江省", 2024))
        assert item["URL"] == server.url("/files/plan2024.pdf") and item["accessed"]["date-parts"][0][0] >= 2024
    finally:
        server.close()


def test_an_issuer_the_document_does_not_print_is_cited_in_brackets(tmp_path):
    # a plan report naming no commission gets the usual one for a county, marked as supplied; a
    # notice printing its government is cited as printed
    report = tmp_path / "report.txt"
    report.write_text("关于长兴县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
                      "——2026年1月10日在长兴县第十八届人民代表大会第五次会议上\n"
                      "一、2025年计划执行情况\n全县地区生产总值增长6.1%。\n"
                      "二、2026年主要目标\n2026年主要预期目标是：地区生产总值增长6%左右。\n", encoding="utf-8")
    notice = tmp_path / "notice.txt"
    notice.write_text("长兴县人民政府关于下达2025年长兴县国民经济和社会发展计划的通知\n长政发〔2025〕3号\n"
                      "2025年主要预期目标是：地区生产总值增长5.5%左右。\n长兴县人民政府\n2025年2月1日\n",
                      encoding="utf-8")
    db = Database.open(tmp_path / "z.db")
    assert ingest(db, [report, notice]).count("failed") == 0
    tracker = Tracker(db)
    supplied = next(t for t in tracker.status("长兴县", 2026).targets if t.indicator == "gdp_growth")
    assert supplied.citation["text"].startswith("[长兴县发展和改革局]. ")
    printed = next(t for t in tracker.status("长兴县", 2025).targets if t.indicator == "gdp_growth")
    assert printed.citation["text"].startswith("长兴县人民政府. ")
    assert printed.actual["citation"]["text"].startswith("[长兴县发展和改革局]. ")  # the result, from the report
    assert [src.issuer_inferred for src in tracker.sources("长兴县", 2026)] == [True]
    # the flag is the extraction's, kept by the store and given by the API's document
    docs = {d["doc_type"]: d for d in (tracker.q.document(i) for i in (1, 2))}
    assert docs["plan_report"]["issuer_inferred"] is True and docs["plan_notice"]["issuer_inferred"] is False

"""Two documents of one title (a plan notice issued twice, two uploads of one report) are told apart
in a region page's list of documents and the home page's recent documents, as a conflict's
explanation tells them apart (``track/naming.py`` ``apart``: number, date and id), in Chinese and
English; a title of its own is shown alone. Documents written for this test (own wording), real
SQLite, the real app."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from zhibiao.web.app import create_app

TITLE = "遂宁市人民政府关于下达2024年遂宁市国民经济和社会发展计划的通知"
NOTICE = (TITLE + "\n遂府发〔2024〕{n}号\n各县（市、区）人民政府，市政府各部门：\n现将{what}2024年遂宁市国民经济和社会发展计划下达"
          "给你们，请认真贯彻执行。\n2024年主要预期目标：地区生产总值增长{gdp}%左右；城镇新增就业2.6万人。\n遂宁市人民政府\n{date}\n")
REPORT = ("遂宁市2025年政府工作报告\n——2025年1月13日在遂宁市第八届人民代表大会第五次会议上\n二、2025年主要预期目标\n"
          "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    folder = tmp_path_factory.mktemp("same_title")
    files = {"a.txt": NOTICE.format(n=3, what="", gdp="6.5", date="2024年2月2日"),
             "b.txt": NOTICE.format(n=9, what="调整后的", gdp="6", date="2024年7月15日"),
             "r.txt": REPORT}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = Database.open(folder / "z.db")
    assert ingest(db, [folder / n for n in files]).count("failed") == 0
    return TestClient(create_app(db))


def _ids(client) -> dict[str, int]:
    rows = client.get("/api/v1/documents").json()["rows"]
    return {d["doc_number"] or d["title"]: d["id"] for d in rows}


def _rows(html: str, table: str) -> list[str]:
    body = html.split(f'id="{table}"', 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", r) for r in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)]


@pytest.mark.parametrize("page, table", [("/region/510900", "documents"), ("/", "recent")])
def test_a_list_of_documents_tells_two_of_one_title_apart(client, page, table):
    ids = _ids(client)
    a, b = ids["遂府发〔2024〕3号"], ids["遂府发〔2024〕9号"]
    zh = _rows(client.get(page, params={"lang": "zh"}).text, table)
    assert any(f"{TITLE} （遂府发〔2024〕3号 · 2024-02-02 · #{a}）" in r for r in zh), zh
    assert any(f"{TITLE} （遂府发〔2024〕9号 · 2024-07-15 · #{b}）" in r for r in zh), zh
    report = next(r for r in zh if "政府工作报告" in r)
    assert "#" not in report  # a title of its own: nothing added
    en = _rows(client.get(page, params={"lang": "en"}).text, table)
    assert any(f"{TITLE} (遂府发〔2024〕3号 · 2024-02-02 · #{a})" in r for r in en), en
    assert "#" not in next(r for r in en if "政府工作报告" in r)


# two uploads of one county's work report that never says its year (own wording), and a dated one
UNDATED = ("清流县政府工作报告\n——在清流县第十八届人民代表大会第五次会议上\n一、过去一年工作回顾\n全县地区生产总值增长{past}%。\n"
           "二、今年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长{gdp}%左右。\n")
DATED = ("清流县2025年政府工作报告\n——2025年1月10日在清流县第十八届人民代表大会第六次会议上\n二、2025年主要预期目标\n"
         "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n")


@pytest.fixture(scope="module")
def undated(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database

    folder = tmp_path_factory.mktemp("same_title_undated")
    files = {"a.txt": UNDATED.format(past="5.1", gdp="6"), "b.txt": UNDATED.format(past="4.8", gdp="5.5"),
             "c.txt": DATED}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = Database.open(folder / "z.db")
    assert ingest(db, [folder / n for n in files]).count("failed") == 0
    return TestClient(create_app(db))


@pytest.mark.parametrize("page", ["/", "/review", "/region/350423/2025"])
def test_the_documents_needing_review_are_told_apart(undated, page):
    """The home, review and scorecard pages' "needing review" lists: two of one title, by number,
    date and id as every other list of documents (the read model's list carries ``apart``)."""
    ids = sorted(d["id"] for d in undated.get("/api/v1/documents/needing-review").json()["rows"])
    assert len(ids) == 2
    for lang, (left, right) in (("zh", "（）"), ("en", "()")):
        html = undated.get(page, params={"lang": lang}).text
        part = re.sub(r"<[^>]+>", "", html.split('id="needs-review"', 1)[1].split("</section>", 1)[0])
        for i in ids:
            assert f"清流县政府工作报告 {left}#{i}{right}" in part, (lang, part)
        assert "2025年政府工作报告" not in part

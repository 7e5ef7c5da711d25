"""A document printing no title (a work report that opens with 各位代表：) is named in every list of documents as
the reader, the scorecard and the CLI name it — its issuer (or region), year and kind — never by its id."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

# a work report as a repost prints it, its title line lost: the region only in its text
REPORT = """各位代表：

现在，我代表湖州市人民政府，向大会报告工作，请予审议。

一、2025年工作回顾

过去一年，湖州市地区生产总值增长5.9%。

二、2026年工作安排

今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业3万人以上。
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    folder = tmp_path_factory.mktemp("untitled")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    db = Database.open(folder / "z.db")
    assert ingest(db, [folder / "report.txt"]).count("failed") == 0
    return TestClient(create_app(db))


NAMED = "湖州市人民政府 2026年政府工作报告"


def test_the_overview_names_an_untitled_document_by_region_year_and_kind(client):
    r = client.get("/region/330500")
    assert r.status_code == 200
    assert f'">{NAMED}</a>' in r.text


def test_search_names_an_untitled_document_s_targets_document_alike(client):
    page = client.get("/search", params={"q": "湖州市人民政府"})  # (found by its issuer)
    assert page.status_code == 200 and f'">{NAMED}</a>' in page.text
    found = client.get("/api/v1/search", params={"q": "地区生产总值"}).json()
    assert {t["document"] for t in found["targets"]} == {NAMED}

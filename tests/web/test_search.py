"""Search: one box for indicators, regions, documents and target wording, on SQLite (FTS5) and
PostgreSQL (pg_trgm), two-character queries included."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES


@pytest.fixture
def client(db_url):  # noqa: F811
    from zhibiao.store import Database
    from zhibiao.ingest import ingest
    from zhibiao.web.app import create_app

    db = Database.open(db_url)
    ingest(db, [EXAMPLES])
    yield TestClient(create_app(db))
    db.dispose()


def _search(client, q):
    r = client.get("/api/v1/search", params={"q": q})
    assert r.status_code == 200
    return r.json()


def test_indicators_regions_documents_and_targets(client):
    gdp = _search(client, "GDP")
    assert {"gdp_level", "gdp_growth"} <= {i["id"] for i in gdp["indicators"][:3]}
    assert any("GDP" in t["name"] for t in gdp["targets"])  # 单位GDP能耗降低
    assert _search(client, "地区生产总值")["indicators"][0]["id"] in ("gdp_level", "gdp_growth")
    assert _search(client, "GDP growth")["indicators"][0]["id"] == "gdp_growth"
    assert _search(client, "gdp_growth")["indicators"][0]["id"] == "gdp_growth"
    shaoxing = _search(client, "绍兴")
    assert shaoxing["regions"][0] == {"code": "330600", "name": "绍兴市", "level": "prefecture", "parent": "浙江省",
                                      "path": ["浙江省", "绍兴市"]}
    assert _search(client, "330500")["regions"][0]["name"] == "湖州市"
    # two characters: below the trigram index, answered by substring
    jobs = _search(client, "就业")
    assert "new_urban_jobs" in {i["id"] for i in jobs["indicators"]}
    assert {t["region"] for t in jobs["targets"]} >= {"湖州市", "台州市"}
    huzhou = _search(client, "湖州")
    assert huzhou["regions"][0]["code"] == "330500"
    assert any("湖州市国民经济和社会发展计划" in (d["title"] or "") for d in huzhou["documents"])
    # three and more: the text index
    fiscal = _search(client, "一般公共预算收入")
    assert {t["region"] for t in fiscal["targets"]} >= {"湖州市", "浙江省"}
    assert all("一般公共预算收入" in t["name"] for t in fiscal["targets"])
    docs = _search(client, "计划的通知")["documents"]
    assert docs and all("计划的通知" in d["title"] for d in docs)


def test_odd_queries_are_answered(client):
    for q in ['"', "'", "%", "_", "a*", "NEAR(", "AND", "地区 OR", "\\"]:
        assert client.get("/api/v1/search", params={"q": q}).status_code == 200, q
    percent = _search(client, "%")["targets"]  # % is a character, not a wildcard
    assert percent and all("%" in t["text"] or "%" in t["name"] for t in percent)
    assert _search(client, "_")["targets"] == []
    assert client.get("/api/v1/search", params={"q": ""}).status_code == 422


def test_index_follows_deletions(client):
    docs = _search(client, "台州市")["documents"]
    assert docs
    # the token-free client cannot delete: go to the database through the app's own state
    from zhibiao.store.schema import DocumentRow

    db = client.app.state.zhibiao.db
    with db.session.begin() as s:
        for d in docs:
            s.delete(s.get(DocumentRow, d["id"]))
    after = _search(client, "台州市")
    assert after["documents"] == [] and all(t["region"] != "台州市" for t in after["targets"])


def test_a_costly_search_follows_a_deletion_at_once(client):
    """At national scale a first search takes a few hundred milliseconds; the cache of
    cross-region views answers such a view from before a write while it is refreshed behind —
    never a search: a deleted document must not be found by the next search."""
    docs = _search(client, "湖州市")["documents"]
    assert docs
    searches = client.app.state.zhibiao.searches
    for entry in searches._entries.values():
        entry.cost = 30.0  # as if it had taken 30 s
    from zhibiao.store.schema import DocumentRow

    with client.app.state.zhibiao.db.session.begin() as s:
        s.delete(s.get(DocumentRow, docs[0]["id"]))
    after = _search(client, "湖州市")["documents"]
    assert docs[0]["id"] not in {d["id"] for d in after} and len(after) == len(docs) - 1


def test_search_page(client):
    r = client.get("/search", params={"q": "绍兴"})
    assert r.status_code == 200 and 'href="/region/330600"' in r.text
    r = client.get("/search", params={"q": "<script>x</script>"})
    assert "<script>x</script>" not in r.text
    r = client.get("/indicators")
    assert r.status_code == 200 and 'href="/indicator/gdp_growth"' in r.text
    assert '<a href="/compare/regions?indicator=gdp_growth&year=2024">3</a>' in r.text


def test_letters_match_in_either_case_and_other_words_as_written(client):
    upper, lower = _search(client, "GDP")["targets"], _search(client, "gdp")["targets"]
    assert upper and lower == upper  # a word with letters: matched in either case (ILIKE)
    jobs = _search(client, "就业")["targets"]  # no letter with a case: matched as written (LIKE), the same rows
    assert jobs and all("就业" in t["name"] or "就业" in t["text"] for t in jobs)


def test_answers_come_from_the_cache_until_the_database_changes(client, tmp_path):
    st = client.app.state.zhibiao
    first = _search(client, "湖州")
    hits = st.searches.hits
    assert _search(client, "湖州") == first and st.searches.hits == hits + 1
    (tmp_path / "n.txt").write_text("湖州市人民政府关于下达2027年湖州市国民经济和社会发展计划的通知\n\n"
                                    "湖政发〔2027〕1号\n\n序号\t指标名称\t单位\t2027年目标\n1\t地区生产总值增长\t%\t6左右\n",
                                    encoding="utf-8")
    from zhibiao.ingest import ingest

    ingest(st.db, [tmp_path / "n.txt"])
    titles = [d["title"] for d in _search(client, "湖州")["documents"]]
    assert any("2027年湖州市国民经济和社会发展计划" in (t or "") for t in titles)


def test_next_pages_of_targets_and_documents_in_the_api_and_the_page(client):
    first = client.get("/api/v1/search", params={"q": "%", "_size": 2}).json()
    assert len(first["targets"]) == 4 and first["next"]["targets"]
    rows, token = list(first["targets"]), first["next"]["targets"]
    while token:
        page = client.get("/api/v1/search", params={"q": "%", "_size": 2, "section": "targets", "_next": token}).json()
        assert page["indicators"] == [] and page["documents"] == []
        rows += page["targets"]
        token = page["next"]["targets"]
    whole = client.get("/api/v1/search", params={"q": "%", "_size": 100}).json()["targets"]
    assert rows == whole
    assert client.get("/api/v1/search", params={"q": "%", "_next": "5"}).status_code == 400  # which section?
    assert client.get("/api/v1/search", params={"q": "%", "section": "x", "_next": "5"}).status_code == 422
    page = client.get("/search", params={"q": "%"})
    if len(whole) > 40:
        assert 'id="more-targets"' in page.text
        more = page.text.split('id="more-targets" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
        second = client.get(more + "&lang=en")
        assert second.status_code == 200 and "First page of results" in second.text
        assert 'id="found-indicators"' not in second.text and whole[40]["text"] in second.text

"""The home page's region tree at national scale: past TREE_ROWS regions it shows the nation,
provinces and cities, and leaves each city's counties to its own page (a tree of 3,000 regions
is a 3.5 MB page), saying how many there are."""
from __future__ import annotations

from fastapi.testclient import TestClient

from paths import EXAMPLES

DEQING_PLAN = """德清县人民政府关于下达2024年德清县国民经济和社会发展计划的通知

各乡镇人民政府，县政府各部门：

2024年德清县国民经济和社会发展计划已经县人大审议批准，现印发给你们，请认真组织实施。

德清县人民政府

2024年2月6日

附件

2024年德清县国民经济和社会发展计划主要目标

类别\t序号\t指标名称\t2024年目标
经济发展\t1\t地区生产总值增速\t6%左右
\t2\t固定资产投资增速\t8%
"""


def test_a_large_tree_leaves_counties_to_their_citys_page(tmp_path, monkeypatch):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web import pages
    from zhibiao.web.app import create_app

    plan = tmp_path / "deqing_2024.txt"
    plan.write_text(DEQING_PLAN, encoding="utf-8")
    db = Database.open(tmp_path / "tree.db")
    ingest(db, [EXAMPLES, plan])
    with TestClient(create_app(db)) as c:
        full = c.get("/")
        assert full.status_code == 200
        assert "data-region=\"330521\"" in full.text and "data-region=\"330500\"" in full.text  # 德清县 under 湖州市
        monkeypatch.setattr(pages, "TREE_ROWS", 2)
        compact = c.get("/", params={"lang": "en"})
    assert compact.status_code == 200
    assert "data-region=\"330521\"" not in compact.text
    assert "data-region=\"330500\"" in compact.text and "data-region=\"330000\"" in compact.text
    assert "Counties below (on this region&#39;s page): 1" in compact.text
    assert 'href="/region/330500"' in compact.text


def test_the_home_page_rendered_once_carries_each_responses_nonce(tmp_path):
    """The home page is rendered once per view and language; each response's inline scripts still
    carry that response's own nonce (the Content-Security-Policy allows no other)."""
    import re

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    db = Database.open(tmp_path / "nonce.db")
    ingest(db, [EXAMPLES])
    nonces = []
    with TestClient(create_app(db)) as c:
        for _ in range(3):
            r = c.get("/")
            nonce = re.search(r"'nonce-([^']+)'", r.headers["content-security-policy"]).group(1)
            assert f'nonce="{nonce}"' in r.text and "zhibiao-nonce" not in r.text
            nonces.append(nonce)
    assert len(set(nonces)) == 3


HANGZHOU_BULLETIN = """2024年杭州市国民经济和社会发展统计公报

杭州市统计局

2025年3月10日

一、综合

初步核算，全年全市地区生产总值21860亿元，按可比价格计算，比上年增长4.7%。
"""


def test_every_grid_link_of_the_tree_opens_a_year(tmp_path):
    """A province whose first city has only a bulletin (documents, no targets): its grid opens at
    the year of a city below it that has targets, not at an empty year (/region/330000//grid)."""
    import re

    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    bulletin = tmp_path / "hangzhou_2024_bulletin.txt"
    bulletin.write_text(HANGZHOU_BULLETIN, encoding="utf-8")
    db = Database.open(tmp_path / "tree.db")
    ingest(db, [bulletin, *sorted(EXAMPLES.glob("huzhou_*[!l]"))])  # 湖州市's plans and report, nothing of the province's
    with TestClient(create_app(db)) as c:
        home = c.get("/")
        assert 'data-region="330100"' in home.text  # the bulletin's city is in the tree, before 湖州市
        links = re.findall(r'href="(/region/\d+/[^"]*grid)"', home.text)
        assert "/region/330000/2025/grid" in links
        assert all(c.get(link).status_code == 200 for link in links), links

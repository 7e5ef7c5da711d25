"""Every link a page shows leads somewhere: the site walked from its home page, in both languages,
on a database where a province sets no targets of its own and a city has only a bulletin (the
cases where a grid's parent row, the tree's grid link and a reader's scorecard link led to a 404)."""
from __future__ import annotations

import re
from collections import deque

from fastapi.testclient import TestClient

from paths import EXAMPLES

BULLETIN = """2024年杭州市国民经济和社会发展统计公报

杭州市统计局

2025年3月10日

一、综合

初步核算，全年全市地区生产总值21860亿元，按可比价格计算，比上年增长4.7%。
"""

LINK = re.compile(r'href="(/[^"#]*)"')
NOT_PAGES = ("/static/", "/export", "/api/", "/download")


def test_no_link_of_the_site_leads_to_a_missing_page(tmp_path):
    from zhibiao.ingest import ingest
    from zhibiao.store import Database
    from zhibiao.web.app import create_app

    bulletin = tmp_path / "hangzhou_2024_bulletin.txt"
    bulletin.write_text(BULLETIN, encoding="utf-8")
    db = Database.open(tmp_path / "links.db")
    ingest(db, [bulletin, *sorted(EXAMPLES.glob("huzhou_*[!l]"))])  # 湖州市's documents, none of the province's
    seen: dict[str, str] = {}
    missing = []
    with TestClient(create_app(db)) as c:
        for lang in ("zh", "en"):
            queue = deque([("/", "start")])
            while queue and len(seen) < 600:
                url, referrer = queue.popleft()
                if (lang, url) in seen:
                    continue
                seen[(lang, url)] = referrer
                r = c.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
                if r.status_code >= 400:
                    missing.append((r.status_code, url, referrer))
                    continue
                if "text/html" in r.headers.get("content-type", ""):
                    for link in LINK.findall(r.text):
                        link = link.replace("&amp;", "&")
                        if not link.startswith("//") and not any(p in link for p in NOT_PAGES):
                            queue.append((link, url))
    assert len(seen) > 40  # the walk reached the scorecards, grids, readers and comparisons
    assert missing == []

"""After an ingest the status snapshot is refreshed where the new documents can change a status —
their regions and those regions' children — and nowhere else: at national scale a full refresh
after every ingest takes minutes. What it holds afterwards is what a full refresh gives."""
from __future__ import annotations

import shutil
import subprocess
import sys

from sqlalchemy import select

from dbs import db_url  # noqa: F401  (fixture)
from paths import EXAMPLES
from zhibiao.store import Database
from zhibiao.store.schema import StatusSnapshotRow


def zb(*args):
    r = subprocess.run([sys.executable, "-m", "zhibiao", *args], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r


def _snapshot(url) -> dict[tuple, tuple]:
    db = Database.open(url)
    with db.session() as s:
        rows = s.scalars(select(StatusSnapshotRow)).all()
    db.dispose()
    return {(r.region_code, r.year, r.line_no): (r.indicator, r.text, r.status, r.explanation, r.actual_text,
                                                 r.computed_at) for r in rows}


def _content(snapshot: dict) -> dict:
    return {k: v[:-1] for k, v in snapshot.items()}  # all but when it was computed


def test_an_ingest_refreshes_its_regions_and_their_children_only(db_url, tmp_path):  # noqa: F811
    first, second, third = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder in (first, second, third):
        folder.mkdir()
    for p in EXAMPLES.iterdir():
        if p.suffix in (".txt", ".html", ".docx", ".pdf"):
            dest = {"taizhou_2025_work_report.txt": second, "zhejiang_2025_work_report.txt": third}.get(p.name, first)
            shutil.copy(p, dest / p.name)
    zb("ingest", str(first), "--db", db_url, "-q")
    before = _snapshot(db_url)
    assert {code for code, _y, _n in before} >= {"330500", "331000", "330000"}  # 湖州, 台州, 浙江

    # a work report of 台州市: 台州's lines are recomputed, 湖州's and 浙江's are left as they were
    zb("ingest", str(second), "--db", db_url, "-q")
    after = _snapshot(db_url)
    changed = {code for key, v in after.items() if before.get(key) is None or before[key][-1] != v[-1]
               for code in [key[0]]}
    assert changed == {"331000"}
    # ...and the snapshot holds what a full refresh computes
    zb("snapshot", "--db", db_url)
    full = _snapshot(db_url)
    assert _content(after) == _content(full)

    # a work report of 浙江省: the province and its cities (whose 完成省下达目标 reads the province's target)
    zb("ingest", str(third), "--db", db_url, "-q")
    later = _snapshot(db_url)
    changed = {key[0] for key, v in later.items() if full.get(key) is None or full[key][-1] != v[-1]}
    assert changed == {"330000", "330500", "331000"}
    zb("snapshot", "--db", db_url)
    assert _content(later) == _content(_snapshot(db_url))


def test_an_ingest_that_stores_nothing_recomputes_nothing(db_url, tmp_path):  # noqa: F811
    zb("ingest", str(EXAMPLES), "--db", db_url, "-q")
    before = _snapshot(db_url)
    zb("ingest", str(EXAMPLES), "--db", db_url, "-q")  # every document unchanged
    assert _snapshot(db_url) == before

"""A scorecard reads the region-year's actual figures once, not once per target (at national
scale the per-target queries were two thirds of a scorecard's time), and answers exactly as
when each target's figure is read on its own."""
from __future__ import annotations

import contextlib
import json

from sqlalchemy import event

from paths import EXAMPLES
from zhibiao.ingest import ingest
from zhibiao.store import Database
from zhibiao.track.queries import ReadModel
from zhibiao.track.tracker import Tracker


def test_a_scorecard_reads_the_actuals_once_and_answers_the_same(tmp_path, monkeypatch):
    db = Database.open(tmp_path / "s.db")
    ingest(db, [EXAMPLES])
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    report = Tracker(db).status("330500", 2024)
    with_actual = [t for t in report.targets if t.actual]
    assert len(report.targets) >= 10 and len(with_actual) >= 5
    per_target = sum("FROM observations" in s and "observations.indicator =" in s for s in statements)
    assert per_target == 0, "an actual figure was read with a query of its own"

    monkeypatch.setattr(ReadModel, "actuals_of", lambda self, code, year: contextlib.nullcontext())
    one_by_one = Tracker(db).status("330500", 2024)
    assert json.dumps(one_by_one.to_dict(), default=str, sort_keys=True) == \
        json.dumps(report.to_dict(), default=str, sort_keys=True)

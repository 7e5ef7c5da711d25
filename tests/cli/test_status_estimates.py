"""An estimate (预计数) that decided a status is marked in the CLI as on the scorecard, the grid and
the home page (migration 0017's basis, read by the read model — never re-decided here): `status`'s
actual column and summary, `cite`'s actual line, in Chinese and English; `--format json` carries
the achievement with how many statuses estimates decided, CSV the figure's basis. Documents written
for this test (own wording), real SQLite, the real command."""
from __future__ import annotations

import csv
import io
import json

import pytest
from clirun import ingested, zb

PLAN = ("遂宁市2024年政府工作报告\n——2024年1月11日在遂宁市第八届人民代表大会第四次会议上\n二、2024年主要预期目标\n"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；城镇新增就业2.6万人。\n")
REVIEW = ("遂宁市2025年政府工作报告\n——2025年1月13日在遂宁市第八届人民代表大会第五次会议上\n一、2024年工作回顾\n"
          "过去一年，预计全年全市地区生产总值增长6.4%。城镇新增就业2.7万人。\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingested(tmp_path_factory.mktemp("estimates"), {"plan.txt": PLAN, "review.txt": REVIEW})


def _row(out: str, word: str) -> str:
    return next(line for line in out.splitlines() if word in line)


def test_status_marks_the_actual_an_estimate_decided_in_either_language(db):
    zh = zb("status", "-r", "遂宁市", "-y", "2024", "--db", db)
    assert zh.returncode == 0, zh.stderr
    assert "增长6.4%（预计数）" in _row(zh.stdout, "地区生产总值")
    assert "（预计数）" not in _row(zh.stdout, "城镇新增就业")  # a report's figure without 预计: no mark
    assert "据预计数 1" in zh.stdout and "公报发布后可能变化" in zh.stdout
    en = zb("status", "-r", "遂宁市", "-y", "2024", "--db", db, "--lang", "en")
    assert en.returncode == 0, en.stderr
    assert "增长6.4% (estimate)" in _row(en.stdout, "GDP growth")
    assert "(estimate)" not in _row(en.stdout, "New urban jobs")
    assert "by estimates 1" in en.stdout and "预计数" not in en.stdout


def test_status_json_and_csv_say_what_an_estimate_decided(db):
    out = zb("status", "-r", "遂宁市", "-y", "2024", "--db", db, "-f", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["achievement"] == {"reached": 2, "judged": 2, "pending": 0, "total": 2, "rate": 1.0, "estimated": 1}
    gdp = next(t for t in data["targets"] if t["indicator"] == "gdp_growth")
    assert gdp["actual"]["basis"] == "estimate" and gdp["actual"]["estimated"] is True
    rows = list(csv.DictReader(io.StringIO(zb("status", "-r", "遂宁市", "-y", "2024", "--db", db, "-f", "csv").stdout)))
    assert {r["indicator"]: r["actual_basis"] for r in rows} == {"gdp_growth": "estimate", "new_urban_jobs": "preliminary"}


def test_cite_marks_the_estimate_too(db):
    zh = zb("cite", "-r", "遂宁市", "-y", "2024", "--db", db)
    assert "实际 增长6.4%（预计数）:" in zh.stdout and "实际 2.7万人:" in zh.stdout
    en = zb("cite", "-r", "遂宁市", "-y", "2024", "--db", db, "--lang", "en")
    assert "actual 增长6.4% (estimate):" in en.stdout
    data = json.loads(zb("cite", "-r", "遂宁市", "-y", "2024", "--db", db, "-f", "json").stdout)
    assert [f["actual"]["basis"] for f in data] == ["estimate", "preliminary"]

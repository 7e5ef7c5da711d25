"""A region-year without targets has one answer (track/queries.py NoTargets, its words in
track/messages.yaml): every command that asks for one — status, compare years and levels, cite,
report, export — the scorecard page and the API say the same words in the same language, and the
JSON forms carry the same fields. A command that goes back to words of its own fails here.
Documents here are our own, written for the tests."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

import zhibiao
from zhibiao.cli import main
from zhibiao.ingest import ingest
from zhibiao.track.queries import NoTargets

PLAN = ("湖州市人民政府关于下达{y}年湖州市国民经济和社会发展计划的通知\n\n湖政发〔{y}〕3号\n\n"
        "各区县人民政府，市政府各部门：\n现将{y}年湖州市国民经济和社会发展计划下达给你们，请认真组织实施。\n\n"
        "湖州市人民政府\n{y}年1月20日\n\n附件\n\n{y}年湖州市国民经济和社会发展主要目标\n\n"
        "序号\t指标名称\t单位\t{y}年目标\n1\t地区生产总值增长\t%\t6左右\n2\t城镇调查失业率\t%\t5以内\n")

SAID = {  # the words, written out: a change of wording is a change of this test
    "zh": "湖州市（330500）没有2019年的目标；已有目标的年份：2024、2025",
    "en": "湖州市 (330500) has no targets for 2019: targets exist for 2024, 2025",
}
FIELDS = {"error": "no_targets", "region": {"name": "湖州市", "code": "330500"}, "year": 2019, "years": [2024, 2025]}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("no_targets")
    for y in (2024, 2025):
        (folder / f"plan{y}.txt").write_text(PLAN.format(y=y), encoding="utf-8")
    path = folder / "db.sqlite"
    assert ingest(zhibiao.open(path).db, [folder]).count("failed") == 0
    return str(path)


def _commands(db: str, tmp) -> dict[str, list[str]]:
    where = ["-r", "湖州市", "-y", "2019", "--db", db]
    return {"status": ["status", *where], "compare years": ["compare", "years", *where],
            "compare levels": ["compare", "levels", *where], "cite": ["cite", *where],
            "report": ["report", str(tmp / "r.docx"), *where], "export": ["export", "-", *where]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_says_the_same_words_in_the_language_and_the_same_json(db, tmp_path, capsys, monkeypatch,
                                                                            lang):
    monkeypatch.setenv("ZHIBIAO_LANG", lang)  # the setting: commands without a --lang option follow it
    for name, args in _commands(db, tmp_path).items():
        if name == "report":
            args = [*args, "--lang", lang]  # the report's own option
        for fmt in ("csv" if name == "export" else "text", "json"):  # (export writes files: csv is its default)
            code = main([*args, "--format", fmt])
            out, err = capsys.readouterr()
            assert code == 1, (name, fmt, err)
            assert err == f"error: {SAID[lang]}\n", (name, fmt)
            if fmt == "json":
                assert json.loads(out) == {"detail": SAID[lang], **FIELDS}, name
            else:
                assert out == "", name
    assert not list(tmp_path.glob("r.docx*"))  # no report written


def test_the_language_option_wins_over_the_setting(db, capsys, monkeypatch):
    monkeypatch.setenv("ZHIBIAO_LANG", "zh")
    assert main(["status", "-r", "湖州市", "-y", "2019", "--db", db, "--lang", "en"]) == 1
    assert capsys.readouterr().err == f"error: {SAID['en']}\n"


def test_a_region_without_any_targets_says_so(db, capsys, monkeypatch):
    monkeypatch.setenv("ZHIBIAO_LANG", "zh")
    assert main(["compare", "years", "-r", "台州市", "-y", "2024", "--db", db, "-f", "json"]) == 1
    out, err = capsys.readouterr()
    assert err == "error: 台州市（331000）没有2024年的目标；尚未存储该地区任何年份的目标\n"
    assert json.loads(out)["years"] == []
    tracker = zhibiao.open(db)
    with pytest.raises(NoTargets) as caught:
        tracker.q.require_year(tracker.region("台州市"), 2024)
    assert str(caught.value) == "台州市 (331000) has no targets for 2024: no targets are stored for it"


def test_a_region_year_with_targets_is_no_error(db, capsys):
    assert main(["status", "-r", "湖州市", "-y", "2025", "--db", db, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["targets"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_and_the_api_say_the_same(db, lang):
    from zhibiao.store.database import Database
    from zhibiao.web.app import create_app

    with TestClient(create_app(Database.open(db))) as client:
        page = client.get(f"/region/330500/2019?lang={lang}")
        assert page.status_code == 404
        assert re.search(r'<p id="error-message">(.*?)</p>', page.text).group(1) == SAID[lang]
        assert 'href="/region/330500/2024"' in page.text and 'href="/region/330500/2025"' in page.text
        report = client.get("/api/v1/report", params={"region": "湖州市", "year": 2019, "lang": lang})
        assert report.status_code == 404 and report.json() == {"detail": SAID[lang], **FIELDS}
        for path in ("status", "citations", "compare/levels", "compare/years"):  # never an empty 200
            r = client.get(f"/api/v1/{path}", params={"region": "湖州市", "year": 2019, "lang": lang})
            assert r.status_code == 404 and r.json() == {"detail": SAID[lang], **FIELDS}, path


def test_comparing_with_a_year_not_stored_says_so_and_marks_nothing_new(db, capsys, monkeypatch, tmp_path):
    # 2024 is the first year stored: against 2023, every line would read "new"
    monkeypatch.setenv("ZHIBIAO_LANG", "zh")
    assert main(["compare", "years", "-r", "湖州市", "-y", "2024", "--db", db]) == 1
    assert capsys.readouterr().err == "error: 湖州市（330500）没有2023年的目标；已有目标的年份：2024、2025\n"
    from zhibiao.store.database import Database
    from zhibiao.web.app import create_app

    with TestClient(create_app(Database.open(db))) as client:
        api = client.get("/api/v1/compare/years", params={"region": "湖州市", "year": 2024})
        assert api.status_code == 404 and api.json()["year"] == 2023
        assert client.get("/compare/years", params={"region": "湖州市", "year": 2024}).status_code == 404
        assert client.get("/api/v1/compare/years", params={"region": "湖州市", "year": 2025}).status_code == 200
    # the report says last year's targets are not stored, and still reports the year
    assert main(["report", str(tmp_path / "r.docx"), "-r", "湖州市", "-y", "2024", "--db", db]) == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "上年目标未入库，无法比较。" in text


@pytest.mark.parametrize("command", [["status", "-r", "湖州市", "-y", "2024"], ["targets"], ["compare", "years", "-r",
                                     "湖州市", "-y", "2025"], ["cite", "-r", "湖州市", "-y", "2024"], ["snapshot"]])
def test_a_command_that_reads_refuses_a_database_that_does_not_exist(tmp_path, capsys, command):
    # a mistyped --db made an empty database, whose answer was "no targets"
    missing = tmp_path / "typo.db"
    assert main([*command, "--db", str(missing)]) == 2
    assert capsys.readouterr().err == f"error: {missing}: no database here (zhibiao ingest makes one; --db or " \
                                      "ZHIBIAO_DATABASE_URL names another)\n"
    assert not list(tmp_path.iterdir())  # nothing made


def test_a_command_that_stores_makes_its_database(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN.format(y=2025), encoding="utf-8")
    assert main(["ingest", str(tmp_path / "plan.txt"), "--db", str(tmp_path / "new.db"), "-q"]) == 0
    assert (tmp_path / "new.db").exists()

"""One settings object: options over environment over defaults, malformed values named, the
documentation generated from the code, and the server reading the same object as the CLI."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from paths import ROOT
from zhibiao.cli import app
from zhibiao.errors import InputError
from zhibiao.settings import Settings, describe, markdown_table

runner = CliRunner()


def test_precedence_option_over_environment_over_default():
    assert Settings.load(env={}).port == 8000
    assert Settings.load(env={"ZHIBIAO_PORT": "9001"}).port == 9001
    assert Settings.load(env={"ZHIBIAO_PORT": "9001"}, port=9002).port == 9002
    assert Settings.load(env={"ZHIBIAO_PORT": "9001"}, port=None).port == 9001
    s = Settings.load(env={"ZHIBIAO_MAX_UPLOAD_MB": "3"})
    assert s.max_upload_mb == 3 and s.max_upload_bytes == 3_000_000
    assert Settings.load(env={"ZHIBIAO_CATALOG": "a.yaml:b.yaml"}).catalog == ("a.yaml", "b.yaml")
    assert Settings.load(env={"ZHIBIAO_LANG": "en_US.UTF-8"}).lang == "en"
    assert Settings.load(env={}, lang="zh-CN").lang == "zh"


@pytest.mark.parametrize("env, word", [({"ZHIBIAO_PORT": "abc"}, "ZHIBIAO_PORT"),
                                       ({"ZHIBIAO_PORT": "70000"}, "ZHIBIAO_PORT"),
                                       ({"ZHIBIAO_MAX_UPLOAD_MB": "-1"}, "ZHIBIAO_MAX_UPLOAD_MB"),
                                       ({"ZHIBIAO_MAX_UPLOAD_MB": "nan"}, "ZHIBIAO_MAX_UPLOAD_MB"),
                                       ({"ZHIBIAO_LANG": "fr"}, "ZHIBIAO_LANG")])
def test_malformed_values_name_their_variable(env, word):
    with pytest.raises(InputError, match=word):
        Settings.load(env=env)


def test_docs_table_is_generated_from_the_code():
    docs = (ROOT / "docs" / "cli.md").read_text("utf-8")
    block = docs.split("<!-- settings:begin -->\n", 1)[1].split("<!-- settings:end -->", 1)[0]
    assert block == markdown_table(), "docs/cli.md is out of date: python -m zhibiao.settings > the settings block"


def test_no_module_reads_the_environment_but_settings():
    """Settings are read in one place: no other module of the package looks at os.environ."""
    offenders = []
    for path in (ROOT / "zhibiao").rglob("*.py"):
        if path.name == "settings.py" or "migrations" in path.parts:
            continue
        if re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text("utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_settings_command_shows_values_and_sources(monkeypatch):
    monkeypatch.setenv("ZHIBIAO_MAX_UPLOAD_MB", "7")
    monkeypatch.setenv("ZHIBIAO_TOKEN", "secret-token")
    r = runner.invoke(app, ["settings", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = {x["name"]: x for x in json.loads(r.stdout)}
    assert rows["max_upload_mb"]["value"] == 7 and rows["max_upload_mb"]["source"] == "environment"
    assert rows["port"]["source"] == "default" and rows["port"]["value"] == 8000
    assert rows["token"]["value"] == "(set)" and "secret-token" not in r.stdout
    assert {d["name"] for d in describe()} == set(rows)
    text = runner.invoke(app, ["settings"])
    assert text.exit_code == 0 and "ZHIBIAO_MAX_UPLOAD_MB" in text.stdout and "secret-token" not in text.stdout
    monkeypatch.setenv("ZHIBIAO_PORT", "abc")
    bad = runner.invoke(app, ["settings"])
    assert bad.exit_code == 2 and "ZHIBIAO_PORT" in bad.output


def test_the_server_reads_the_same_settings(monkeypatch, tmp_path):
    """ZHIBIAO_MAX_UPLOAD_MB was documented and ignored by serve: the app now takes it from the
    one settings object, and an option given to create_app wins."""
    from zhibiao.web.app import create_app

    monkeypatch.setenv("ZHIBIAO_MAX_UPLOAD_MB", "2")
    monkeypatch.setenv("ZHIBIAO_UPLOAD_DIR", str(tmp_path / "up"))
    app_ = create_app(str(tmp_path / "z.db"))
    assert app_.state.zhibiao.max_upload_bytes == 2_000_000
    assert app_.state.zhibiao.uploads == tmp_path / "up"
    assert create_app(str(tmp_path / "z.db"), max_upload_mb=5).state.zhibiao.max_upload_bytes == 5_000_000


def test_a_large_database_is_announced_before_the_servers_check(tmp_path, monkeypatch, capsys):
    """`zhibiao serve` reads every page of a SQLite file before it listens: a file large enough for
    that to take a while is announced first, in the interface's language; a small one is not."""
    import zhibiao.cli.web as web
    from zhibiao.store import Database

    db = Database.open(tmp_path / "big.db")
    web.check_before_serving(db, "en")
    assert "checking the database file" not in capsys.readouterr().err  # a small file: no notice
    monkeypatch.setattr(web, "ANNOUNCE_CHECK_BYTES", 1)
    web.check_before_serving(db, "en")
    assert "checking the database file (0.0 GB, every page read once) before serving" in capsys.readouterr().err
    web.check_before_serving(db, "zh")
    assert "正在检查数据库文件" in capsys.readouterr().err

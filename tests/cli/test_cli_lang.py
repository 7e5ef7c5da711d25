"""`targets`, `compare years|regions|levels` and `cite` speak the command's language as `status` and
`report` do: --lang, else ZHIBIAO_LANG, else Chinese — their tables' headers, words and phrases.
JSON and CSV keep the machine names whatever the language."""
from __future__ import annotations

import pytest
from clirun import zb
from paths import EXAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("lang") / "z.db")
    assert zb("ingest", str(EXAMPLES), "--db", path, "-q").returncode == 0
    return path


COMMANDS = {
    "targets": (["targets", "-r", "湖州市", "-y", "2025"], ["项目标", "地区", "指标", "比较符"],
                ["target(s)", "region", "indicator", "comparator"]),
    "years": (["compare", "years", "-r", "湖州市", "-y", "2025"], ["2024年 → 2025年", "变化", "松紧", "降低"],
              ["2024 → 2025", "change", "stricter/looser", "lowered"]),
    "regions": (["compare", "regions", "-i", "gdp_growth", "-y", "2024", "--size", "1"],
                ["共 3 个；下一页：--offset 1", "地区", "另有表述"], ["of 3; next page: --offset 1", "region", "conflict"]),
    "levels": (["compare", "levels", "-r", "浙江省", "-y", "2024"], ["对比 浙江省 2024年", "下级", "松紧", "更严",
                                                                    "未列入的上级目标："],
               [" vs 浙江省 2024", "child", "stricter/looser", "stricter", "left out: "]),
    "cite": (["cite", "-r", "湖州市", "-y", "2024"], ["  实际 "], ["  actual "]),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_text_in_chinese_by_default_english_by_option_or_environment(db, name):
    args, zh, en = COMMANDS[name]
    default = zb(*args, "--db", db)
    assert default.returncode == 0, default.stderr
    assert all(w in default.stdout for w in zh), default.stdout
    assert en[0] not in default.stdout
    for english in (zb(*args, "--db", db, "--lang", "en"), zb(*args, "--db", db, env={"ZHIBIAO_LANG": "en"})):
        assert english.returncode == 0, english.stderr
        assert all(w in english.stdout for w in en), english.stdout
        assert zh[0] not in english.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json_is_the_same_in_either_language(db, name):
    args = COMMANDS[name][0]
    zh, en = zb(*args, "--db", db, "-f", "json"), zb(*args, "--db", db, "-f", "json", "--lang", "en")
    assert zh.returncode == en.returncode == 0 and zh.stdout == en.stdout and zh.stdout.startswith(("[", "{"))


def test_a_message_in_the_command_s_language(db):
    zh = zb("compare", "regions", "-i", "pm25", "-y", "2030", "--db", db)
    en = zb("compare", "regions", "-i", "pm25", "-y", "2030", "--db", db, "--lang", "en")
    assert zh.stderr == "error: 没有地区有 2030 年的 pm25 目标\n"
    assert en.stderr == "error: no region has a pm25 target for 2030\n"

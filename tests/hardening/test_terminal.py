"""Document text never acts on the terminal (issue 17.3): rich markup in a name ([/bold] used to
crash extract, status, targets and compare years with a MarkupError; [link=…] made a live link)
and control characters (escape sequences, bidi overrides) are shown inert or dropped."""
from __future__ import annotations

import pytest

from zhibiao.cli import main
from zhibiao.store import Database
from zhibiao.ingest import ingest

PLAN = ("嘉善县人民政府关于下达{y}年嘉善县国民经济和社会发展计划的通知\x1b]8;;http://evil.example\x07\n\n现印发给你们。\n\n"
        "附件\n\n{y}年主要目标\n\n序号\t指标名称\t{y}年目标\n"
        "1\t地区生产总值增长[/bold]\t{v}%左右\n"
        "2\t[link=http://evil.example]一般公共预算收入[/link]增长\t5%\n"
        "3\t居民人均可支配收入增长\u202e率:smile:\t6%\n"
        "4\t城镇调查失业率\x1b[2J\x1b[31m\t5%以内\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("terminal")
    for y, v in ((2024, 7), (2025, 6)):
        (folder / f"plan{y}.txt").write_text(PLAN.format(y=y, v=v), encoding="utf-8")
    db_path = folder / "t.db"
    assert ingest(Database.open(db_path), [folder]).count("failed") == 0
    return folder, str(db_path)


def _clean(out: str) -> None:
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out


@pytest.mark.parametrize("args", [
    ["extract", "{folder}/plan2025.txt"],
    ["targets", "-r", "嘉善县", "--db", "{db}"],
    ["status", "-r", "嘉善县", "-y", "2025", "--db", "{db}"],
    ["compare", "years", "-r", "嘉善县", "-y", "2025", "--db", "{db}"],
])
def test_markup_in_documents_is_printed_as_text(hostile, capsys, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no cell is folded
    folder, db = hostile
    code = main([a.format(folder=folder, db=db) for a in args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "[/bold]" in captured.out  # shown as printed, not interpreted
    assert "[link=http://evil.example]" in captured.out
    assert ":smile:" in captured.out  # no emoji substitution either
    _clean(captured.out + captured.err)


def test_escape_sequences_in_names_and_errors_never_reach_the_terminal(hostile, capsys):
    folder, _db = hostile
    code = main(["extract", str(folder / "\x1b[2Jmissing\u202e.txt")])
    captured = capsys.readouterr()
    assert code == 3 and "missing" in captured.err and captured.err.count("\n") == 1
    _clean(captured.err)


def test_markup_in_arguments_is_harmless(hostile, capsys):
    _folder, db = hostile
    code = main(["override", "-r", "嘉善县", "-y", "2025", "-t", "[/red]x", "-s", "missed", "--reason", "r",
                 "--db", db])
    assert code == 1 and "[/red]x" in capsys.readouterr().err  # (no such target: named as typed, markup inert)
    assert main(["catalog", "search", "[/bold]"]) == 0
    assert "[/bold]" in capsys.readouterr().out


def test_bidi_and_control_characters_are_stripped_from_names():
    from zhibiao.api import extract_text

    e = extract_text(PLAN.format(y=2025, v=6))
    names = [t.name for t in e.targets]
    assert "居民人均可支配收入增长率:smile:" in names  # U+202E gone, the rest as printed
    for n in names + [e.document.title or ""]:
        assert not any(ch in n for ch in "\u202e\u202d\u2066\u2067\u2068\u2069\u200f\x1b\x07\x00"), repr(n)
    for t in e.targets:  # spans still read back exactly
        assert t.span is not None

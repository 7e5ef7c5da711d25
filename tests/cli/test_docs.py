"""Datasette's habit: a command or option the docs do not mention is a failing test."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer.main

from zhibiao.cli import app

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text("utf-8")


def _commands(group: click.Group, prefix: str = "zhibiao"):
    for name, cmd in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path)


ROOT = typer.main.get_command(app)
COMMANDS = list(_commands(ROOT))


def test_there_are_commands():
    assert any(path == "zhibiao extract" for path, _ in COMMANDS)


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_is_documented(path, cmd):
    assert f"## {path}" in DOCS, f"docs/cli.md has no section '## {path}'"
    section = DOCS.split(f"## {path}", 1)[1].split("\n## ", 1)[0]
    for param in cmd.params:
        if isinstance(param, click.Option):
            if param.name == "help":
                continue
            assert any(opt in section for opt in param.opts), f"{path}: option {param.opts[0]} is not documented"


@pytest.mark.parametrize("path, cmd", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help(path, cmd):
    assert (cmd.help or cmd.short_help or "").strip(), f"{path} has no help text"

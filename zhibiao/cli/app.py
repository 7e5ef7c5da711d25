"""The Typer application every CLI module adds its commands to."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="zhibiao",
    help="zhibiao (指标): targets of Chinese development plans, extracted, stored and tracked.\n\n"
    "从国民经济和社会发展计划、政府工作报告中提取目标指标，入库并跟踪完成情况。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from zhibiao import __version__

        typer.echo(f"zhibiao {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", callback=_version,
                                 is_eager=True),
) -> None:
    """zhibiao (指标): targets of Chinese development plans, extracted, stored and tracked."""


def print_error(message: object, label: str = "error") -> None:
    """One line on stderr, never wrapped or styled, so scripts can read it."""
    import sys

    sys.stderr.write(f"{label}: {message}\n")

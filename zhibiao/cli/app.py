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

    sys.stderr.write(f"{label}: {' '.join(terminal_safe(message).splitlines())}\n")


def fail(exc: Exception, code: int | None = None, fmt: str = "text", lang: str | None = None):
    """Report ``exc`` and end the command. One line on stderr; a region-year without targets
    (:class:`zhibiao.track.queries.NoTargets`) says so in the command's language (``lang``, else the
    ``lang`` setting) and, with ``--format json``, prints its fields on stdout too (the API's 404
    body). The exit code is the error's own (1 for something the database does not hold, 2 for bad
    input), or ``code``."""
    import sys

    from zhibiao.track.queries import NoTargets

    if isinstance(exc, NoTargets):
        lang = lang or load_settings().lang
        print_error(exc.message(lang))
        if fmt == "json":
            import json

            sys.stdout.write(json.dumps(exc.to_dict(lang), ensure_ascii=False) + "\n")
    else:
        print_error(exc)
    raise typer.Exit(code if code is not None else getattr(exc, "exit_code", 1))


# C0 and C1 control characters (but tab and newline), DEL, and the bidirectional controls that
# reorder what a terminal shows (U+202E and friends): never sent to a terminal from a document.
_UNSAFE = {c: None for c in (*range(0, 9), *range(11, 32), *range(127, 160), 0x061C, 0x200E, 0x200F,
                             *range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def terminal_safe(value: object) -> str:
    """Text from a document or a user, without the characters that would act on the terminal."""
    return str(value).translate(_UNSAFE)


def plain(value: object, style: str = "") -> "Text":
    """Document text for a rich table or print: never read as markup (``[/bold]``, ``[link=…]``)
    or emoji codes, and without control characters (escape sequences)."""
    from rich.text import Text

    return Text("" if value is None else terminal_safe(value), style=style)


def setting_option(name: str, *flags: str, **kwargs):
    """A Typer option for a setting of zhibiao.settings: no default of its own (None means "not
    given", so the environment and the setting's default apply), help from the setting."""
    from dataclasses import fields

    from zhibiao.settings import Settings

    f = next(f for f in fields(Settings) if f.name == name)
    default = f.default if f.default not in (None, ()) else None
    tail = f"Also {f.metadata['env']}" + (f"; default {default}" if default is not None else "") + "."
    return typer.Option(None, *flags, help=f"{f.metadata['help']} {tail}", show_default=False, **kwargs)


def load_settings(**options):
    """The settings in effect for a command (options over environment over defaults); a malformed
    environment variable is a one-line usage error."""
    from zhibiao.errors import ZhibiaoError
    from zhibiao.settings import Settings

    try:
        return Settings.load(**options)
    except ZhibiaoError as exc:
        print_error(exc)
        raise typer.Exit(2) from None


def console(stderr: bool = False):
    """A Rich console: the terminal's width on a terminal; piped or captured, wide rows that
    scripts and pagers can read without names folded across lines. No emoji codes (:smile:) are
    read in what it prints (and Rich's table of them, 6 ms to load, is never imported)."""
    from rich.console import Console

    c = Console(stderr=stderr, soft_wrap=False, emoji=False)
    return c if c.is_terminal else Console(stderr=stderr, width=200, soft_wrap=False, emoji=False)

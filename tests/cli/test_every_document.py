"""`zhibiao extract` as a user runs it, in its default text form and as JSON, on every bundled
example and every real seed and dev document (in-process, with Typer's test runner). A traceback
on any document is a failing test: the text form once crashed on every document with actuals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from paths import DEV, EXAMPLES, SEEDS
from zhibiao.cli import app

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".shtml", ".xhtml", ".pdf", ".docx"}


def _documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                  and p.name != "README.md")


def _params(folder: Path, label: str):
    docs = _documents(folder)
    if not docs:
        return [pytest.param(None, id=f"{label}-absent",
                             marks=pytest.mark.skip(reason=f"{folder} is absent: the shared corpus lives beside the "
                                                    "repo (../shared) on dev machines and CI"))]
    return [pytest.param(p, id=f"{label}-{p.name}") for p in docs]


ALL = _params(EXAMPLES, "example") + _params(SEEDS, "seed") + _params(DEV, "dev")
runner = CliRunner()


def _run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"zhibiao {' '.join(args)} raised {type(result.exception).__name__}:\n{tb}")
    return result


@pytest.mark.parametrize("path", ALL)
def test_extract_text_form_reads_every_document(path):
    result = _run("extract", str(path))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Traceback" not in out
    heading = out.splitlines()[0]  # the document by its name (title, else issuer, year and kind), then its file's name
    assert str(path.parent) not in heading and heading.endswith(f"({path.name})") and len(heading) > len(path.name) + 4
    data = json.loads(_run("extract", "--format", "json", str(path)).stdout)
    # every target and actual the JSON names is in the readable tables, with its printed wording
    assert f"Targets ({len(data['targets'])})" in out
    if data["actuals"]:
        assert f"Actuals ({len(data['actuals'])})" in out
    for t in data["targets"][:5]:
        assert t["name"].split()[0][:4] in out
    for a in data["actuals"][:5]:
        assert a["text"][:4] in out

"""The pipeline's shape: each stage imports only the stages below it (load -> fetch -> text -> extract ->
catalog -> store -> track -> web/cli), and the shared models and errors."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "zhibiao"
ORDER = ["load", "fetch", "text", "extract", "catalog", "store", "track", "report", "web", "cli"]
SHARED = {"models", "errors", "settings"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("zhibiao."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("zhibiao.")}
    return out


@pytest.mark.parametrize("stage", ORDER)
def test_stage_imports_only_lower_stages(stage):
    allowed = set(ORDER[: ORDER.index(stage) + 1]) | SHARED
    if stage == "cli":
        allowed |= {"api", "web", "export"}
    if stage == "web":
        allowed |= {"api", "export"}  # the upload preview runs the whole extraction
    if stage == "store":
        allowed |= {"api"}  # ingest workers run the whole extraction
    if stage == "report":
        allowed |= {"export"}  # the one safe XLSX cell writer
    for path in (PACKAGE / stage).rglob("*.py"):
        bad = _imports(path) - allowed - {stage}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_models_import_nothing_of_ours():
    assert _imports(PACKAGE / "models.py") == set()


def test_export_is_a_serving_module_of_its_own():
    """zhibiao/export.py (the CSV/XLSX writers the CLI, API and pages share) sits beside cli/ and
    web/ and depends on none of the pipeline."""
    assert _imports(PACKAGE / "export.py") <= SHARED

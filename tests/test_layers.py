"""The pipeline's shape: each stage imports only the stages below it (load -> fetch -> text -> extract ->
catalog -> store -> track -> web/cli), and the shared models and errors."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "zhibiao"
ORDER = ["load", "fetch", "text", "extract", "catalog", "store", "track", "report", "web", "cli"]
SHARED = {"models", "errors", "settings", "datafiles", "workers", "compiled"}


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
        allowed |= {"api", "ingest", "web", "export"}
    if stage == "web":
        allowed |= {"api", "ingest", "export"}  # the upload preview runs the whole extraction
    if stage == "report":
        allowed |= {"export"}  # the one safe XLSX cell writer
    for path in (PACKAGE / stage).rglob("*.py"):
        bad = _imports(path) - allowed - {stage}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


# The modules beside the stages: what each may import. api.py runs the extraction path; ingest.py
# connects it to the store (extraction in workers, writing in the store), so the store never
# imports either.
TOP_LEVEL = {
    "api": {"load", "text", "extract", "catalog"},
    "ingest": {"api", "load", "fetch", "text", "store"},
}


@pytest.mark.parametrize("module", sorted(TOP_LEVEL))
def test_top_level_modules_import_only_what_they_connect(module):
    bad = _imports(PACKAGE / f"{module}.py") - TOP_LEVEL[module] - SHARED
    assert not bad, f"{module}.py imports {sorted(bad)}"


def test_no_stage_below_the_serving_ones_imports_the_orchestration():
    """The ingest orchestration (zhibiao.ingest) and the Python API (zhibiao.api) sit above the
    store: no pipeline stage imports them."""
    for stage in ORDER[: ORDER.index("report") + 1]:
        for path in (PACKAGE / stage).rglob("*.py"):
            assert not _imports(path) & {"api", "ingest"}, f"{path.relative_to(PACKAGE)} imports the orchestration"


def test_models_import_nothing_of_ours():
    assert _imports(PACKAGE / "models.py") == set()


def test_export_is_a_serving_module_of_its_own():
    """zhibiao/export.py (the CSV/XLSX writers the CLI, API and pages share) sits beside cli/ and
    web/ and depends on none of the pipeline."""
    assert _imports(PACKAGE / "export.py") <= SHARED

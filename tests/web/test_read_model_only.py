"""The web reads through the one read model (zhibiao.track): no module of zhibiao/web imports the
ORM rows of the store or builds SQL of its own — only SQLAlchemy's exceptions, to answer a
database failure with a 503."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "zhibiao" / "web"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {f"{node.module}.{a.name}" for a in node.names} | {node.module}
    return names


@pytest.mark.parametrize("path", sorted(WEB.glob("*.py")), ids=lambda p: p.name)
def test_no_orm_rows_and_no_sql_in_the_web(path):
    imported = _imports(path)
    assert not {n for n in imported if n.startswith("zhibiao.store.schema")}, f"{path.name} imports ORM rows"
    sql = {n for n in imported if n.split(".")[0] == "sqlalchemy" and not n.startswith("sqlalchemy.exc")}
    assert not sql, f"{path.name} builds SQL of its own: {sorted(sql)}"

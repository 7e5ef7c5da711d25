"""Schemathesis against our own OpenAPI schema: no generated request makes the server fail (5xx),
and every write is refused without the token."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

from paths import EXAMPLES  # noqa: E402
from zhibiao.store import Database  # noqa: E402
from zhibiao.store.ingest import ingest  # noqa: E402
from zhibiao.web.app import create_app  # noqa: E402


def _app(tmp_dir):
    db = Database.open(tmp_dir / "fuzz.db")
    ingest(db, [EXAMPLES])
    return create_app(db, token="fuzz-token")


_tmp = __import__("tempfile").mkdtemp(prefix="zhibiao-apifuzz-")
APP = _app(__import__("pathlib").Path(_tmp))
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=int(os.environ.get("ZHIBIAO_FUZZ_EXAMPLES", "25")), deadline=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    from schemathesis.checks import not_a_server_error

    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    # the upload preview and the tables' export store nothing, so they need no token
    if case.method.upper() in ("POST", "DELETE", "PUT", "PATCH") and case.path not in ("/api/v1/extract",
                                                                                       "/api/v1/export"):
        assert response.status_code in (400, 401, 403, 404, 405, 422), (case.path, response.status_code)

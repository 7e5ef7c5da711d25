"""Every route fuzzed (issue 17.7): schemathesis generates requests for every operation of the
OpenAPI schema — write routes included — sent once without credentials and once with the
server's token; none may answer 5xx, and without the token no write may succeed. The pages (not
in the schema) are fuzzed by hypothesis with any text and any number in every parameter. Fetching
is confined to the loopback address (tests/conftest.py). ZHIBIAO_FUZZ_EXAMPLES raises the number
of examples for a longer run; the default keeps CI within its budget."""
from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

schemathesis = pytest.importorskip("schemathesis")

from paths import EXAMPLES  # noqa: E402
from zhibiao.settings import Settings  # noqa: E402
from zhibiao.store import Database  # noqa: E402
from zhibiao.ingest import ingest  # noqa: E402
from zhibiao.web.app import create_app  # noqa: E402

TOKEN = "fuzz-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
EXAMPLES_N = int(os.environ.get("ZHIBIAO_FUZZ_EXAMPLES", "25"))
OPEN_WRITES = ("/api/v1/extract", "/api/v1/export", "/api/v1/session")  # they store nothing


def _app():
    folder = Path(tempfile.mkdtemp(prefix="zhibiao-apifuzz-"))
    db = Database.open(folder / "fuzz.db")
    ingest(db, [EXAMPLES])
    # fetch jobs end fast: no retries, no politeness delay against the loopback-only addresses
    quick = replace(Settings.load(), token=TOKEN, fetch_retries=0, fetch_delay=0.0, fetch_timeout=2.0,
                    fetch_max_seconds=5.0, max_upload_mb=1)
    return create_app(db, settings=quick)


APP = _app()
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=EXAMPLES_N, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_route_fails_with_or_without_the_token(case):
    from schemathesis.checks import not_a_server_error

    anonymous = case.call(headers={k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"})
    case.validate_response(anonymous, checks=[not_a_server_error])
    if case.method.upper() in ("POST", "DELETE", "PUT", "PATCH") and case.path not in OPEN_WRITES:
        assert anonymous.status_code == 401, (case.path, anonymous.status_code)  # refused from its headers
    with_token = case.call(headers={**(case.headers or {}), **AUTH})
    case.validate_response(with_token, checks=[not_a_server_error])


# ------------------------------------------------------------------ the pages

PAGES = ["/", "/region/{region}/{year}", "/region/{region}", "/region/{region}/{year}/grid", "/indicator/{text}",
         "/compare/years", "/compare/regions", "/compare/levels", "/document/{number}", "/review", "/upload",
         "/search", "/indicators", "/static/{text}", "/static/docs/{text}", "/api/v1/docs", "/api/v1/redoc"]
QUERY = ["region", "year", "indicator", "level", "lang", "q", "reviewed", "colour", "_next", "_size", "format"]

anything = st.one_of(st.text(max_size=40), st.integers(min_value=-10**30, max_value=10**30).map(str),
                     st.sampled_from(["330500", "湖州市", "2024", "²", "0", "-1", "1e9", "NaN", "../..", "%00", "\x00",
                                      "gdp_growth", "en", "zh", "true", "<script>", "[/bold]", "=1+1"]))


@settings(max_examples=EXAMPLES_N * 8, deadline=None, suppress_health_check=list(HealthCheck))
@given(page=st.sampled_from(PAGES), region=anything, year=anything, text=anything, number=anything,
       query=st.dictionaries(st.sampled_from(QUERY), anything, max_size=4))
def test_no_page_fails_whatever_its_parameters(page, region, year, text, number, query):
    from fastapi.testclient import TestClient

    client = _client()
    path = page.format(region=quote(region, safe=""), year=quote(year, safe=""), text=quote(text, safe=""),
                       number=quote(number, safe=""))
    r = client.get(path, params=query)
    assert r.status_code < 500, (path, query, r.status_code, r.text[:300])
    assert isinstance(client, TestClient)


_CLIENT = []


def _client():
    from fastapi.testclient import TestClient

    if not _CLIENT:
        _CLIENT.append(TestClient(APP, raise_server_exceptions=False))
    return _CLIENT[0]

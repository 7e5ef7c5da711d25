import pytest

from docserver import DocServer, build_site, fetch_settings
from zhibiao.fetch import Fetcher


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


@pytest.fixture
def fetcher():
    with Fetcher(fetch_settings()) as f:
        yield f

import ipaddress

import pytest

from docserver import DocServer, build_site
from zhibiao.fetch import Fetcher, FetchSettings

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server = build_site(DocServer(), tmp_path_factory.mktemp("site"))
    yield server
    server.close()


def settings(**changes) -> FetchSettings:
    base = dict(allow_private=True, networks=LOOPBACK, delay=0.0, backoff=0.01, timeout=5.0, retries=1)
    return FetchSettings(**(base | changes))


@pytest.fixture
def fetcher():
    with Fetcher(settings()) as f:
        yield f

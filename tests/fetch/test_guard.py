"""A server that fetches for its users must not be turned against its own network: with the
private-address setting off, loopback and private addresses are refused before any connection —
after the host name is resolved, and again at every redirect. Only loopback addresses are ever
contacted here."""
from __future__ import annotations

import ipaddress

import pytest

from docserver import LOOPBACK, DocServer, Page
from docserver import fetch_settings as settings
from zhibiao.errors import FetchError, InputError
from zhibiao.fetch import Fetcher, FetchSettings, fetch_address
from zhibiao.fetch.guard import refusal

PRIVATE_OFF = dict(allow_private=False)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1",
                                     "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"])
def test_private_loopback_and_link_local_addresses_are_refused(address):
    assert refusal(address, FetchSettings()) is not None
    assert refusal(address, FetchSettings(allow_private=True)) is None


@pytest.mark.parametrize("address", ["8.8.8.8", "114.114.114.114", "2400:3200::1"])
def test_public_addresses_are_allowed(address):
    assert refusal(address, FetchSettings()) is None


def test_networks_confine_everything():
    confined = FetchSettings(allow_private=True, networks=LOOPBACK)
    assert refusal("127.0.0.1", confined) is None
    assert "outside the networks" in refusal("8.8.8.8", confined)


def test_loopback_is_refused_before_connecting(site):
    before = len(site.hits)
    with Fetcher(settings(**PRIVATE_OFF)) as f, pytest.raises(FetchError, match="loopback address: refused") as info:
        fetch_address(site.url("/notice.html"), f)
    assert "nothing was sent" in str(info.value)
    assert len(site.hits) == before  # not even robots.txt was asked for


def test_a_name_is_checked_after_resolution(site):
    before = len(site.hits)
    with Fetcher(settings(**PRIVATE_OFF)) as f, pytest.raises(FetchError, match=r"localhost \((127\.0\.0\.1|::1)\) is a loopback"):
        fetch_address(f"http://localhost:{site.port}/notice.html", f)
    assert len(site.hits) == before


def test_every_redirect_is_checked_before_connecting(site):
    inner = DocServer("127.0.0.2")  # a second loopback host, standing for a machine on the private network
    try:
        inner.pages["/secret"] = Page(body="内部文件".encode())
        site.pages["/to-private"] = Page(302, b"", headers={"Location": inner.url("/secret")})
        # private addresses allowed for 127.0.0.1 only: the first hop is fetched, the redirect is not
        only_first = settings(allow_private=False, private_networks_allowed=(ipaddress.ip_network("127.0.0.1/32"),))
        with Fetcher(only_first) as f, pytest.raises(FetchError, match=r"127\.0\.0\.2 is a loopback address: refused.*"
                                                                      r"redirected to"):
            fetch_address(site.url("/to-private"), f)
        assert site.count("/to-private") >= 1
        assert inner.hits == []
    finally:
        inner.close()


def test_confinement_refuses_a_loopback_host_outside_the_networks():
    inner = DocServer("127.0.0.2")
    try:
        inner.pages["/x"] = Page(body="文件".encode())
        with Fetcher(settings(networks=(ipaddress.ip_network("127.0.0.1/32"),))) as f, \
                pytest.raises(FetchError, match="outside the networks"):
            fetch_address(inner.url("/x"), f)
        assert inner.hits == []
    finally:
        inner.close()


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.delenv("ZHIBIAO_FETCH_NETWORKS")
    monkeypatch.setenv("ZHIBIAO_FETCH_ALLOW_PRIVATE", "0")
    assert not FetchSettings.from_env().allow_private
    monkeypatch.setenv("ZHIBIAO_FETCH_ALLOW_PRIVATE", "10.2.0.0/16, 127.0.0.1")
    s = FetchSettings.from_env()
    assert not s.allow_private and refusal("10.2.3.4", s) is None and refusal("10.3.0.1", s) is not None
    monkeypatch.setenv("ZHIBIAO_FETCH_ALLOW_PRIVATE", "not-a-network")
    with pytest.raises(InputError, match="ZHIBIAO_FETCH_ALLOW_PRIVATE"):
        FetchSettings.from_env()
    monkeypatch.setenv("ZHIBIAO_FETCH_ALLOW_PRIVATE", "1")
    monkeypatch.setenv("ZHIBIAO_FETCH_DELAY", "soon")
    with pytest.raises(InputError, match="ZHIBIAO_FETCH_DELAY"):
        FetchSettings.from_env()


def test_confined_fetching_resolves_names_without_dns(site):
    """Under ZHIBIAO_FETCH_NETWORKS a name is looked up in the hosts file only: localhost is found
    there; any other name is refused before a DNS query could leave the machine."""
    from zhibiao.fetch.guard import resolve

    confined = settings()
    assert "127.0.0.1" in resolve("localhost", 80, confined) or "::1" in resolve("localhost", 80, confined)
    with Fetcher(confined) as f, pytest.raises(FetchError, match="not in the hosts file"):
        fetch_address("http://plans.example.invalid/notice.html", f)
    assert resolve("127.0.0.1", 80, confined) == ["127.0.0.1"]

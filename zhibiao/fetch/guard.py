"""No request to an address the settings forbid: the check runs on the addresses a host name
resolves to, right before the connection is opened, for the first request and every redirect
alike — and the connection then goes to the address that was checked, so a name that resolves
differently a moment later (DNS rebinding) cannot slip past it.

A server that fetches on behalf of its users must not be turned against its own network:
private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16, where cloud
metadata services live), shared (100.64/10), multicast, reserved and unspecified addresses are
refused unless ZHIBIAO_FETCH_ALLOW_PRIVATE allows them.
"""
from __future__ import annotations

import ipaddress
import socket
import typing

import httpcore
import httpx

from zhibiao.fetch.settings import FetchSettings


class BlockedAddress(Exception):
    """A host resolved to an address the settings forbid; nothing was sent to it."""

    def __init__(self, host: str, address: str, reason: str):
        self.host, self.address, self.reason = host, address, reason
        shown = host if host == address else f"{host} ({address})"
        super().__init__(f"{shown} is {reason}")


def refusal(address: str, settings: FetchSettings) -> str | None:
    """Why ``address`` (an IP) may not be fetched, or None when it may."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if settings.networks and not any(ip in net for net in settings.networks if net.version == ip.version):
        return "outside the networks fetching is confined to (ZHIBIAO_FETCH_NETWORKS)"
    public = ip.is_global and not ip.is_multicast
    if public or settings.allow_private:
        return None
    if any(ip in net for net in settings.private_networks_allowed if net.version == ip.version):
        return None
    kind = "a loopback" if ip.is_loopback else "a link-local" if ip.is_link_local else \
        "a private" if ip.is_private else "a non-public"
    return f"{kind} address: refused (set ZHIBIAO_FETCH_ALLOW_PRIVATE=1 to allow fetching from private networks)"


HOSTS_FILE = "/etc/hosts"


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def resolve_locally(host: str) -> list[str]:
    """A host name's addresses from the hosts file alone: no DNS query leaves the machine."""
    found: list[str] = []
    try:
        lines = open(HOSTS_FILE, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        lines = []
    for line in lines:
        parts = line.split("#", 1)[0].split()
        if len(parts) >= 2 and host.lower() in (p.lower() for p in parts[1:]) and _literal(parts[0]):
            found.append(_literal(parts[0]))
    return found


def resolve(host: str, port: int, settings: FetchSettings | None = None) -> list[str]:
    """The addresses to check and connect to. Confined fetching (ZHIBIAO_FETCH_NETWORKS) resolves
    names from the hosts file only, so that not even a DNS query reaches beyond the networks."""
    literal = _literal(host)
    if literal:
        return [literal]
    if settings is not None and settings.networks:
        found = resolve_locally(host)
        if not found:
            raise BlockedAddress(host, host, "not in the hosts file, and fetching is confined to networks "
                                             "(ZHIBIAO_FETCH_NETWORKS), where names are resolved locally only")
        return found
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
    seen: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        if sockaddr[0] not in seen:
            seen.append(sockaddr[0])
    return seen


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, resolving names itself and checking every address first."""

    def __init__(self, settings: FetchSettings):
        self.settings = settings

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: typing.Iterable | None = None) -> httpcore.NetworkStream:
        addresses = resolve(host, port, self.settings)
        for address in addresses:  # all of them: a name resolving to a public and a private address is refused
            reason = refusal(address, self.settings)
            if reason:
                raise BlockedAddress(host, address, reason)
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                           socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the guarded backend; never a proxy from the environment (a proxy
    would fetch the address on our behalf, past the check)."""

    def __init__(self, settings: FetchSettings):
        super().__init__(trust_env=False, retries=0)
        # httpx builds its connection pool without a way to pass a network backend: rebuild it.
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), max_connections=10,
                                             max_keepalive_connections=5, keepalive_expiry=5.0,
                                             network_backend=GuardedBackend(settings))

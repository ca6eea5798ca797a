"""The address guard: a cited page must not make a CI runner fetch its cloud credentials.

Link-local (169.254.0.0/16, fe80::/10) and cloud-metadata addresses are refused unless allowed.
A direct connection checks the address its host name resolves to (before connecting) and the
address it reached (once connected, since a DNS answer can change between the two). Through a
proxy the connection is to the proxy, so the *target* is checked before the proxy is asked:
a literal address or a name that resolves here to a refused address never reaches the proxy.
A name that does not resolve here is left to the proxy (corporate proxies resolve names the
runner cannot); the proxy itself, configured by the runner, is trusted.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .deadline import current, guarding

_METADATA = (ipaddress.ip_address("fd00:ec2::254"),)  # AWS's IPv6 metadata service; the IPv4 one is link-local
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def link_local(address: str) -> bool:
    """Whether an IP address is link-local (169.254.0.0/16, fe80::/10) or a cloud metadata service,
    also when written as IPv4-mapped or NAT64 IPv6."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_link_local or ip in _METADATA


class AddressRefused(urllib3.exceptions.NewConnectionError):
    """A link-local or metadata address was about to be contacted. ``message`` is the report's line."""

    def __init__(self, conn: HTTPConnection | None, host: str, address: str) -> None:
        self.message = (f"refused to connect to {host} ({address}): link-local or cloud-metadata address"
                        if host.strip("[]") != address else
                        f"refused to connect to {address}: link-local or cloud-metadata address")
        super().__init__(conn, self.message)  # type: ignore[arg-type]


def refused_address(host: str, port: int) -> str | None:
    """The first refused address ``host`` resolves to, or None; a name that does not resolve is None."""
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return None
    return next((str(a[0]) for *_, a in infos if link_local(str(a[0]))), None)


class _Guarded:
    """A urllib3 connection that refuses link-local addresses and reports its socket to the
    current fetch's watchdog. A connection to a proxy is not checked: its target was (``_Adapter``)."""

    host: str
    port: int
    proxy: Any
    _dns_host: str
    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        fetch = current()
        guard = guarding() and self.proxy is None
        if guard:
            try:
                infos = socket.getaddrinfo(self._dns_host, self.port, 0, socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise urllib3.exceptions.NameResolutionError(self.host, self, exc) from exc  # type: ignore[arg-type]
            for *_, address in infos:
                if link_local(str(address[0])):
                    raise AddressRefused(self, self.host, str(address[0]))  # type: ignore[arg-type]
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        if guard:
            with suppress(OSError):
                peer = str(sock.getpeername()[0])
                if link_local(peer):
                    sock.close()
                    raise AddressRefused(self, self.host, peer)  # type: ignore[arg-type]
        if fetch is not None:
            fetch.watch(sock)
        return sock

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        fetch = current()
        if fetch is not None and self.sock is not None:  # a reused keep-alive connection
            fetch.watch(self.sock)
        return super().getresponse(*args, **kwargs)  # type: ignore[misc]


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """requests' adapter with guarded connections, direct or through a proxy. A proxied target's
    host name is resolved once per adapter (a run): a runner without DNS of its own then waits for
    its resolver once per host, not once per request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resolved: dict[tuple[str, int], str | None] = {}
        self._resolving = threading.Lock()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        """Through an HTTP proxy the watchdog still sees the sockets."""
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        return manager

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        """Check a proxied request's target before the proxy is asked for it."""
        if guarding() and select_proxy(request.url or "", kwargs.get("proxies")):
            parts = urlsplit(request.url or "")
            host = parts.hostname or ""
            address = self._refused(host, parts.port or (443 if parts.scheme == "https" else 80))
            if address is not None:
                raise requests.exceptions.ConnectionError(AddressRefused(None, host, address), request=request)
        return super().send(request, *args, **kwargs)

    def _refused(self, host: str, port: int) -> str | None:
        with self._resolving:
            if (host, port) in self._resolved:
                return self._resolved[(host, port)]
        address = refused_address(host, port)
        with self._resolving:
            self._resolved[(host, port)] = address
        return address


def no_auth(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """Set as the session's auth so requests never adds the runner's ~/.netrc credentials to a
    request a claims file (or a page's redirect) chose."""
    return request

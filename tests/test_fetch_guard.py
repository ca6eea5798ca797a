"""The address guard with proxies in the environment (issue 19): a link-local or metadata target
is refused before any proxy is asked, against a real CONNECT-logging proxy on 127.0.0.1; normal
hosts still go through the proxy."""

from __future__ import annotations

import socket

import pytest

from factcheck.fetch import FailureKind, Fetcher
from fetch_servers import HTML, proxy_fixture, server_fixture  # noqa: F401 - pytest's fixtures

PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy",
                   "NO_PROXY", "no_proxy")
METADATA_URLS = [
    "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.170.2/v2/credentials",  # ECS task credentials, also link-local
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://[fe80::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://2852039166/latest/meta-data/",  # 169.254.169.254 as one number: a "name" the resolver reads
    "http://0xa9.0xfe.0xa9.0xfe/",
]


@pytest.fixture
def proxied(proxy, monkeypatch):
    """Every proxy variable points at the logging proxy; nothing bypasses it."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return proxy, monkeypatch


@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy"])
@pytest.mark.parametrize("url", METADATA_URLS)
def test_a_metadata_target_is_refused_before_the_proxy_is_asked(proxied, variable, url):
    proxy, monkeypatch = proxied
    monkeypatch.setenv(variable, proxy.url)
    with Fetcher(timeout=2, retries=0) as f:
        r = f.fetch(url)
    assert r.failure is FailureKind.REFUSED_ADDRESS and r.text is None
    assert r.error.startswith("refused to connect to ") and r.error.endswith(
        "link-local or cloud-metadata address (allow it with --allow-link-local)")
    assert proxy.log == []


def test_allowed_link_local_does_go_to_the_proxy(proxied):
    """The control for the test above: the same request, allowed, is what the proxy logs."""
    proxy, monkeypatch = proxied
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with Fetcher(timeout=2, retries=0, allow_link_local=True) as f:
        r = f.fetch("https://169.254.169.254/latest/meta-data/")
    assert r.error is not None and r.failure is not FailureKind.REFUSED_ADDRESS
    assert proxy.log == ["CONNECT 169.254.169.254:443"]


def test_a_host_name_resolving_to_link_local_is_refused_before_the_proxy(proxied):
    """No name resolves to a link-local address on this machine, so the resolver's answer for one
    name is replaced: the only stand-in in these tests, for DNS a test cannot run offline."""
    proxy, monkeypatch = proxied
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if host == "metadata.example.internal":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 443))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with Fetcher(timeout=2, retries=0) as f:
        r = f.fetch("https://metadata.example.internal/latest/meta-data/")
    assert r.error == ("refused to connect to metadata.example.internal (169.254.169.254): link-local or "
                       "cloud-metadata address (allow it with --allow-link-local)")
    assert proxy.log == []


def test_a_normal_host_is_fetched_through_the_proxy(proxied, server):
    proxy, monkeypatch = proxied
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.expect_request("/page").respond_with_data("<p>Cape of Good Hope</p>", content_type=HTML)
    with Fetcher(timeout=5) as f:
        r = f.fetch(server.url_for("/page"))
    assert (r.error, r.text) == (None, "<p>Cape of Good Hope</p>")
    assert proxy.log == [f"GET {server.url_for('/page')}"]


def test_a_redirect_to_metadata_through_the_proxy_is_refused_at_that_hop(proxied, server):
    proxy, monkeypatch = proxied
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    server.expect_request("/r").respond_with_data("", status=302,
                                                  headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    with Fetcher(timeout=5) as f:
        r = f.fetch(server.url_for("/r"))
    assert r.failure is FailureKind.REFUSED_ADDRESS
    assert proxy.log == [f"GET {server.url_for('/r')}"]  # the first hop went through it, the second never


def test_no_proxy_hosts_are_still_guarded_directly(proxied):
    proxy, monkeypatch = proxied
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "169.254.169.254")
    with Fetcher(timeout=2, retries=0) as f:
        r = f.fetch("http://169.254.169.254/latest/meta-data/")
    assert r.failure is FailureKind.REFUSED_ADDRESS and proxy.log == []

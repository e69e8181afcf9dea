"""A feed URL is untrusted: newsmap asks no loopback, link-local, private or reserved
address (server-side request forgery) unless FETCH_ALLOW_PRIVATE_ADDRESSES says so."""

from __future__ import annotations

import socket

import pytest
from django.test.utils import override_settings

import events.fetch
from events.fetch import Fetcher, FetchError, refused_address
from tests.web_server import LocalWeb


def resolving_to(address: str):
    """A resolver that answers every name with one address, as a hostile DNS might."""

    def resolve(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    return resolve


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0"]
    + ["100.64.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"],
)
def test_addresses_that_are_not_public_are_refused(address: str) -> None:
    assert refused_address(address) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert refused_address(address) is None


def test_the_local_server_is_refused_while_private_addresses_are_not_allowed(
    web: LocalWeb,
) -> None:
    url = web.page("/feed.xml", "<rss/>", "application/rss+xml")
    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=False):
        fetcher = Fetcher()
    with pytest.raises(FetchError) as refused:
        fetcher.get(url)
    line = str(refused.value)
    assert line.startswith(url + ": ")
    assert "127.0.0.1, a loopback address: refused" in line
    assert "FETCH_ALLOW_PRIVATE_ADDRESSES=true" in line
    assert web.requests == [], "nothing was sent, not even for robots.txt"


def test_a_public_name_that_resolves_to_a_private_address_is_refused() -> None:
    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=False):
        fetcher = Fetcher(resolve=resolving_to("169.254.169.254"))
    with pytest.raises(FetchError, match="169.254.169.254, a link-local address: refused"):
        fetcher.get("http://news.example.com/feed.xml")


def test_a_redirect_to_a_private_address_is_refused(
    web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked again on every redirect: the local server stands in for a public site
    (only its address passes), and its feed redirects to a name inside the network."""
    start = web.redirect("/feed.xml", "http://metadata.internal/latest/")
    refused = events.fetch.refused_address
    monkeypatch.setattr(
        events.fetch, "refused_address", lambda a: None if a == "127.0.0.1" else refused(a)
    )

    def resolve(host: str, port: int, **options: object) -> list[tuple[object, ...]]:
        if host == "metadata.internal":
            return resolving_to("10.0.0.7")(host, port)
        return socket.getaddrinfo(host, port, **options)  # type: ignore[arg-type]

    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=False):
        fetcher = Fetcher(resolve=resolve)
    with pytest.raises(FetchError, match=r"metadata.internal resolves to 10.0.0.7, a private"):
        fetcher.get(start)
    assert [r.path for r in web.requests] == ["/robots.txt", "/feed.xml"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", 'the scheme is "file:"'),
        ("ftp://example.com/feed", 'the scheme is "ftp:"'),
        ("gopher://example.com/", 'the scheme is "gopher:"'),
        ("example.com/feed.xml", "the scheme is none"),
        ("http:///feed.xml", "names no host"),
        ("http://example.com:99999/", "is not a valid URL"),
    ],
)
def test_only_http_and_https_urls_are_fetched(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        Fetcher(resolve=resolving_to("93.184.215.14")).get(url)


def test_a_redirect_to_another_scheme_is_refused(web: LocalWeb) -> None:
    start = web.redirect("/feed.xml", "file:///etc/passwd")
    with pytest.raises(FetchError, match=r'scheme is "file:" \(redirected to file:///etc/passwd\)'):
        Fetcher().get(start)

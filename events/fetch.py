"""A polite, careful HTTP client for the feeds and pages a user asks newsmap to read.

A feed URL is untrusted input: typed by an editor, or handed over by a feed's own
redirects. So every request, and every redirect, goes only to http(s) on a public
address (checked after DNS resolution, on the address the socket then connects to, so
a name cannot resolve to a public address for the check and a private one for the
connection), and a slow or endless answer is cut off by a deadline and a size limit.
Politeness: a User-Agent naming newsmap and its URL, robots.txt, conditional GET and at
most FETCH_REQUESTS_PER_SECOND requests to one host.

The standard library's http.client rather than requests or urllib: they resolve and
connect in one step, and the address check has to sit between the two.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from django.conf import settings

from events.terminal import printable

REDIRECTS = frozenset({301, 302, 303, 307, 308})
# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; the rest is ignored.
ROBOTS_MAX_BYTES = 512 * 1024
# ...and to follow at least five redirects to it.
ROBOTS_REDIRECTS = 5
_CHUNK = 64 * 1024
_PORTS = {"http": 80, "https": 443}
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# What stays unescaped in a request's path and query (RFC 3986's reserved characters and %).
_URL_SAFE = "/?#[]@!$&'()*+,;=:%~"
# What an error line quotes of a URL: enough to find it, not a screenful.
_SHOWN_URL = 200

Resolver = Callable[..., list[tuple[Any, ...]]]


class FetchError(Exception):
    """A URL that could not be read, with a one-line reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = " ".join(reason.split())

    def __str__(self) -> str:
        return printable(f"{shown_url(self.url)}: {self.reason}")


def shown_url(url: str) -> str:
    return url if len(url) <= _SHOWN_URL else url[: _SHOWN_URL - 1] + "…"


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators sent still hold
    body: bytes
    content_type: str  # the media type, lower case ("application/rss+xml"), or ""
    charset: str | None
    etag: str
    last_modified: str


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool
    timeout: float  # seconds for the whole request, connection to last byte
    max_bytes: int
    max_redirects: int
    per_host_per_second: float
    user_agent: str

    @classmethod
    def from_settings(cls) -> FetchPolicy:
        return cls(
            allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES,
            timeout=settings.FETCH_TIMEOUT_SECONDS,
            max_bytes=settings.FETCH_MAX_BYTES,
            max_redirects=settings.FETCH_MAX_REDIRECTS,
            per_host_per_second=settings.FETCH_REQUESTS_PER_SECOND,
            user_agent=user_agent(),
        )


VERSION = "0.1"


def user_agent() -> str:
    """newsmap/0.1 (+https://newsmap.example.org/): who asks, and where to find them."""
    url = settings.NEWSMAP_URL
    return f"newsmap/{VERSION} (+{url})" if url else f"newsmap/{VERSION}"


# --- addresses ----------------------------------------------------------------------------


def refused_address(address: str) -> str | None:
    """Why newsmap will not connect to this IP address, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 is 127.0.0.1; 64:ff9b::/96 and 6to4 carry IPv4 too, but only
        # reach it through a gateway, and are not global by ipaddress's table anyway.
        ip = ip.ipv4_mapped or ip
    for test, what in (
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_multicast", "a multicast"),
        ("is_unspecified", "an unspecified"),
        ("is_private", "a private"),
        ("is_reserved", "a reserved"),
    ):
        if getattr(ip, test):
            return f"{what} address"
    if not ip.is_global:
        return "not a public address"
    return None


def _vetted_addresses(
    url: str, host: str, port: int, policy: FetchPolicy, resolve: Resolver
) -> list[tuple[Any, ...]]:
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(url, f"the host {host!r} could not be resolved ({error})") from None
    if not infos:
        raise FetchError(url, f"the host {host!r} has no address")
    if policy.allow_private:
        return infos
    for info in infos:
        address = info[4][0]
        why = refused_address(address)
        if why:
            # One private address among public ones is refused too: which one the
            # connection would use is up to the order the resolver gives.
            raise FetchError(
                url,
                f"{host} resolves to {address}, {why}: refused "
                "(set FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow)",
            )
    return infos


def _connect(infos: list[tuple[Any, ...]], timeout: float, source: Any = None) -> socket.socket:
    """A socket to the first of the vetted addresses that answers."""
    last: OSError | None = None
    for family, kind, proto, _, address in infos:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            if source:
                sock.bind(source)
            sock.connect(address)
            return sock
        except OSError as error:
            sock.close()
            last = error
    assert last is not None
    raise last


class _Vetted:
    """Mixed into http.client's connections: resolve, check, then connect to exactly
    the addresses checked (HTTPSConnection wraps the socket this makes, with the name)."""

    def _vetting(self, url: str, policy: FetchPolicy, resolve: Resolver) -> None:
        def create(address: tuple[str, int], timeout: Any = None, source: Any = None) -> Any:
            host, port = address
            infos = _vetted_addresses(url, host, port, policy, resolve)
            return _connect(infos, policy.timeout, source)

        self._create_connection = create  # type: ignore[attr-defined]


class _HTTP(_Vetted, http.client.HTTPConnection):
    pass


class _HTTPS(_Vetted, http.client.HTTPSConnection):
    pass


# --- the client ---------------------------------------------------------------------------


class Fetcher:
    """One per run: it remembers each host's robots.txt and when it was last asked."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        resolve: Resolver = socket.getaddrinfo,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy.from_settings()
        self._resolve = resolve
        self._clock = clock
        self._sleep = sleep
        self._next_at: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def get(
        self, url: str, etag: str = "", last_modified: str = "", accept: str = "*/*"
    ) -> Response:
        """The resource at url, following redirects; FetchError says why not.

        etag and last_modified: validators from an earlier answer, sent as
        If-None-Match and If-Modified-Since; a 304 comes back as a Response with
        status 304 and no body."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            parts = _checked_url(url, current)
            self._vet(url, parts)
            self._obey_robots(url, current, parts)
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, message, body = self._request(current, parts, headers, self.policy.max_bytes)
            if status in REDIRECTS:
                location = message.get("Location")
                if not location:
                    raise FetchError(url, f"{current} redirects ({status}) without a Location")
                current = urljoin(current, location.strip())
                continue
            return _response(url, current, status, message, body)
        raise FetchError(
            url, f"more than {self.policy.max_redirects} redirects (the last to {current})"
        )

    def _obey_robots(self, url: str, current: str, parts: Any) -> None:
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(url, origin)
        rules = self._robots[origin]
        if rules is not None and not rules.can_fetch("newsmap", current):
            raise FetchError(url, f"{origin}/robots.txt disallows {shown_url(current)} to newsmap")

    def _read_robots(self, url: str, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's rules; None (anything goes) where it has no robots.txt (RFC 9309:
        a 4xx, or more redirects than it asks crawlers to follow). An unreachable one, or
        a 5xx, means the site may be down: nothing there is asked for this run."""
        robots = f"{origin}/robots.txt"
        for _ in range(ROBOTS_REDIRECTS + 1):
            try:
                parts = _checked_url(url, robots)
                self._vet(url, parts)
                status, message, body = self._request(
                    robots, parts, {"Accept": "text/plain"}, ROBOTS_MAX_BYTES, cut=True
                )
            except FetchError as error:
                raise FetchError(url, f"its robots.txt could not be read: {error.reason}") from None
            if status in REDIRECTS and message.get("Location"):
                robots = urljoin(robots, message["Location"].strip())
                continue
            if status >= 500:
                raise FetchError(url, f"its robots.txt answered {status}: not asking that host now")
            if status != 200:
                return None
            rules = urllib.robotparser.RobotFileParser()
            rules.parse(body.decode("utf-8", "replace").splitlines())
            return rules
        return None

    def _vet(self, url: str, parts: Any) -> None:
        """Checked before anything is asked, so that a refused address is what the line
        says (robots.txt first would fail instead); the connection checks again."""
        port = parts.port or _PORTS[parts.scheme]
        _vetted_addresses(url, parts.hostname, port, self.policy, self._resolve)

    def _wait_turn(self, host: str) -> None:
        """At most per_host_per_second requests to one host: the next waits its turn."""
        now = self._clock()
        at = self._next_at.get(host, now)
        if at > now:
            self._sleep(at - now)
            now = at
        self._next_at[host] = now + 1.0 / self.policy.per_host_per_second

    def _request(
        self, url: str, parts: Any, headers: dict[str, str], limit: int, cut: bool = False
    ) -> tuple[int, Message, bytes]:
        """One GET, no redirects followed. cut: a body over limit is cut rather than
        refused (robots.txt)."""
        host = parts.hostname or ""
        self._wait_turn(host)
        deadline = time.monotonic() + self.policy.timeout
        kind = _HTTPS if parts.scheme == "https" else _HTTP
        extra = {"context": ssl.create_default_context()} if kind is _HTTPS else {}
        connection = kind(host, parts.port, timeout=self.policy.timeout, **extra)
        connection._vetting(url, self.policy, self._resolve)
        # Spaces and other characters a request line cannot carry are %-escaped, as
        # browsers send them; what is escaped already stays as it is.
        path = quote(urlunsplit(("", "", parts.path or "/", parts.query, "")), safe=_URL_SAFE)
        try:
            connection.request(
                "GET",
                path,
                headers={
                    "User-Agent": self.policy.user_agent,
                    "Accept-Encoding": "identity",
                    **headers,
                },
            )
            answer = connection.getresponse()
            body = (
                b"" if answer.status in REDIRECTS else _read_body(url, answer, limit, deadline, cut)
            )
            return answer.status, answer.msg, body
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(url, f"no answer within {self.policy.timeout:g} s") from None
        except ssl.SSLError as error:
            raise FetchError(url, f"TLS failed: {error.reason or error}") from None
        except http.client.InvalidURL as error:
            raise FetchError(url, f"{shown_url(url)} is not a valid URL ({error})") from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(url, _network_reason(error)) from None
        finally:
            connection.close()


def _network_reason(error: Exception) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(error, http.client.HTTPException):
        return f"the server's answer is not HTTP ({type(error).__name__})"
    return f"could not connect: {getattr(error, 'strerror', None) or error}"


def _checked_url(original: str, url: str) -> Any:
    # urlsplit drops tabs and line breaks anywhere in a URL, so "exa\nmple.com" would
    # ask another host than the one written: no URL with a control character is asked.
    if _CONTROL.search(url):
        raise FetchError(original, f"{shown_url(url)} has a control character")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError as error:
        raise FetchError(original, f"{shown_url(url)} is not a valid URL ({error})") from None
    if parts.scheme not in ("http", "https"):
        where = "" if url == original else f" (redirected to {shown_url(url)})"
        scheme = f'"{parts.scheme}:"' if parts.scheme else "none"
        raise FetchError(
            original, f"only http and https are fetched, the scheme is {scheme}{where}"
        )
    if not parts.hostname:
        raise FetchError(original, f"{shown_url(url)} names no host")
    if " " in parts.hostname:
        raise FetchError(original, f"{shown_url(url)} has a space in its host name")
    return parts


def _read_body(
    url: str, answer: http.client.HTTPResponse, limit: int, deadline: float, cut: bool
) -> bytes:
    declared = answer.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limit and not cut:
        raise FetchError(
            url, f"the answer is {int(declared):,} bytes, over FETCH_MAX_BYTES {limit:,}"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            # A server trickling a byte at a time never trips the socket's timeout.
            raise FetchError(url, "the answer took longer than FETCH_TIMEOUT_SECONDS to arrive")
        chunk = answer.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        chunks.append(chunk)
        if size > limit:
            if cut:
                return b"".join(chunks)[:limit]
            raise FetchError(url, f"the answer is over FETCH_MAX_BYTES ({limit:,} bytes): cut off")


def _response(url: str, final: str, status: int, message: Message, body: bytes) -> Response:
    if status == 304:
        return Response(final, 304, b"", "", None, "", "")
    if status != 200:
        reason = http.client.responses.get(status, "")
        where = "" if final == url else f" (at {shown_url(final)})"
        raise FetchError(url, f"the server answered {status} {reason}{where}".strip())
    content_type = message.get_content_type() if message.get("Content-Type") else ""
    return Response(
        url=final,
        status=200,
        body=body,
        content_type=content_type,
        charset=message.get_content_charset(),
        etag=(message.get("ETag") or "").strip(),
        last_modified=(message.get("Last-Modified") or "").strip(),
    )

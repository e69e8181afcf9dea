"""A local web server on 127.0.0.1 for the tests of feeds and pages: nothing leaves the machine.

Each test says what its paths answer (`web.page("/feed.xml", body, "application/rss+xml")`);
every request is kept with its headers, so a test can see what newsmap sent. Unknown
paths, robots.txt included, answer 404, as a site without one does.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test.utils import override_settings


@dataclass
class Answer:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    # Sent without Content-Length, in pieces: a body whose size the server does not say.
    unsized: bool = False


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


Route = Answer | Callable[[Request], Answer]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up mid-request (a timeout, a size limit) is the test's point.
        pass


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def page(self, path: str, body: str | bytes, content_type: str = "", **options: object) -> str:
        """Serves body at path; its full URL."""
        raw = body.encode() if isinstance(body, str) else body
        kind = content_type or "text/html; charset=utf-8"
        self.routes[path] = Answer(raw, kind, **options)  # type: ignore[arg-type]
        return self.url + path

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.routes[path] = Answer(b"", "text/plain", status, {"Location": to})
        return self.url + path

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(web: LocalWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
            web.requests.append(request)
            # A route with a query answers only it; one without answers any query.
            route = web.routes.get(self.path) or web.routes.get(self.path.split("?")[0])
            if route is None:
                answer = Answer(b"not here", "text/plain", 404)
            else:
                answer = route(request) if callable(route) else route
            # The client may give up (a timeout, a size limit): as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(answer)

        def _send(self, answer: Answer) -> None:
            if answer.delay:
                time.sleep(answer.delay)
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.unsized:
                self.send_header("Connection", "close")
                self.end_headers()
                for start in range(0, len(answer.body), 65536):
                    self.wfile.write(answer.body[start : start + 65536])
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    """The local server, with newsmap allowed to reach 127.0.0.1 and not kept waiting
    between requests (the one-a-second politeness has its own test)."""
    server = LocalWeb()
    server.start()
    with override_settings(FETCH_ALLOW_PRIVATE_ADDRESSES=True, FETCH_REQUESTS_PER_SECOND=1000.0):
        yield server
    server.stop()

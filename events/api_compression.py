"""gzip for the read API's answers, and only theirs.

The map loads /api/events/compact whole (about 200 bytes an event), and JSON
shrinks four to six times. The HTML pages stay uncompressed: they carry CSRF
tokens and session-bound content beside reflected input, what BREACH reads out
of compressed sizes; the API's answers hold no secret.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"

# Shorter bodies gain nothing from compression (Django's GZipMiddleware's bound).
MIN_BYTES = 200

# Level 1, not Django's 6: /api/events/compact at 100,000 events (18.7 MB)
# compresses to 3.6 MB at level 1 and to 2.5 MB at level 6 in 6.7 times as long
# (427 ms against 2,851 ms, measured on a busy 2-core machine): the last
# megabyte would cost more time than it saves on any link.
LEVEL = 1


class ApiGZipMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            compress(request, response)
        return response


def compress(request: HttpRequest, response: HttpResponse) -> None:
    """gzip the body in place when the client takes it and it gets shorter."""
    if response.streaming or response.has_header("Content-Encoding"):
        return
    if len(response.content) < MIN_BYTES:
        return
    # Caches must keep the two encodings apart, whichever this one gets.
    patch_vary_headers(response, ("Accept-Encoding",))
    if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return
    body = gzip.compress(response.content, compresslevel=LEVEL, mtime=0)
    if len(body) >= len(response.content):
        return
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = "gzip"
    # The bytes differ from the identity answer's: its strong ETag becomes a
    # weak one (RFC 9110 8.8.1), which If-None-Match still matches, so a
    # repeat gets its 304.
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag

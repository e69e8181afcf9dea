"""The Content-Security-Policy of newsmap's own pages.

Article text, titles, addresses and every name an editor types are untrusted;
templates and scripts put them in as text. The policy is the second line: no
page runs a script that is not one of newsmap's files, so markup that slipped
past escaping (a place renamed `<img src=x onerror=…>`) still cannot run in an
editor's session. Views with a policy of their own (the embeds) keep it;
events.framing adds `frame-ancestors` to either.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from events.framing import CSP

PAGE_CSP = "; ".join(
    [
        "default-src 'self'",
        # No inline script, no eval: every script is a file newsmap serves.
        "script-src 'self'",
        # The admin's and Leaflet's markup carry style attributes; styles run no code.
        "style-src 'self' 'unsafe-inline'",
        # Map tiles come from the tile server in settings, wherever that is.
        "img-src 'self' data: https: http:",
        "connect-src 'self'",
        # The embed code page and the article admin preview frame newsmap's own embed.
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if CSP not in response:
            response[CSP] = PAGE_CSP
        return response

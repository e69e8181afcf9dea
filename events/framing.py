"""Who may show newsmap's pages inside a frame.

Every page refuses it: X-Frame-Options DENY (Django's middleware, with
X_FRAME_OPTIONS = "DENY") for old browsers, and CSP `frame-ancestors 'none'`
for current ones, which obey it over X-Frame-Options. Views meant to be framed
by other sites (the embeds) are wrapped in @frameable; they answer with
`frame-ancestors` set to settings.EMBED_FRAME_ANCESTORS instead, and without
X-Frame-Options, which cannot express an allowlist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]

CSP = "Content-Security-Policy"

# CSP source expressions that make sense for frame-ancestors: '*', 'self',
# 'none', a scheme ("https:") or a host with optional scheme, wildcard
# subdomain, port and path. Anything else (spaces, ';', ',') could smuggle in
# another directive.
_SOURCE = re.compile(
    r"""^(?:\*|'self'|'none'|[a-z][a-z0-9+.-]*:
    |(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:/[^\s;,']*)?)$""",
    re.IGNORECASE | re.VERBOSE,
)


def check_sources(sources: list[str]) -> list[str]:
    bad = [source for source in sources if not _SOURCE.match(source)]
    if bad:
        raise ImproperlyConfigured(
            f"EMBED_FRAME_ANCESTORS has entries that are not CSP sources: {', '.join(bad)} "
            "(use origins such as https://news.example.com, *.example.com or *)"
        )
    return sources


def frameable(view: View) -> View:
    """Let the allowlist in EMBED_FRAME_ANCESTORS frame this view's answers."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.frameable = True  # type: ignore[attr-defined]
        # Django's XFrameOptionsMiddleware would still add DENY otherwise.
        response.xframe_options_exempt = True  # type: ignore[attr-defined]
        return response

    return wrapper


def _with_directive(policy: str, directive: str) -> str:
    # A view that set its own frame-ancestors meant it; keep that one.
    names = {part.strip().split(" ", 1)[0].lower() for part in policy.split(";")}
    if "frame-ancestors" in names:
        return policy
    return f"{policy.rstrip('; ')}; {directive}" if policy.strip() else directive


class FramingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # Checked at start-up so that a typo stops the server instead of
        # silently letting (or not letting) newsrooms frame the embeds.
        check_sources(settings.EMBED_FRAME_ANCESTORS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(response, "frameable", False):
            # Read per request, so a test's override_settings takes effect; an
            # empty allowlist means nobody.
            sources = " ".join(check_sources(settings.EMBED_FRAME_ANCESTORS)) or "'none'"
        else:
            sources = "'none'"
        response[CSP] = _with_directive(response.get(CSP, ""), f"frame-ancestors {sources}")
        return response

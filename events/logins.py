"""Login rate limiting (django-axes): who is counted, and how a refused login reads.

After LOGIN_FAILURE_LIMIT wrong passwords for one username from one address,
that pair is refused for LOGIN_COOLOFF_MINUTES, even with the right password.
Counting the pair, not the username alone, means nobody can lock an editor out
from elsewhere by guessing at their name; counting the address behind the
proxy (PROXY_COUNT), not the proxy's, means one guesser does not lock out
everyone.
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginRateLimitBackend(AxesStandaloneBackend):
    """Axes' check, for logins that come with a web request.

    A login without one (manage.py shell, the test client's login()) is no
    guess from the network, and axes' own backend would refuse it outright.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_address(request: HttpRequest) -> str:
    """The address a login came from: REMOTE_ADDR, or behind PROXY_COUNT proxies
    that each append to X-Forwarded-For, the entry the outermost one added.

    Entries further left are whatever the client sent, so they are never read.
    """
    count = settings.PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count == 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    # Too few entries: the request did not come through every proxy.
    return forwarded[-count] if len(forwarded) >= count else remote


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The answer to a refused login: the admin's look, and when to try again."""
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed logins",
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "admin/locked_out.html", context, status=429)

"""`manage.py check --deploy` is clean with the variables README.md's Deploying section names.

Each run is a child process, as an operator runs it: settings read the
environment once, at start-up. A bad value stops it with one line naming the
variable.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# What README.md, Deploying, tells an operator behind an HTTPS reverse proxy to set.
DEPLOYED = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "newsmap.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://newsmap.example.org",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def _manage(*args: str, **variables: str) -> subprocess.CompletedProcess[str]:
    # Variables of the test run's own (DEBUG=true, say) must not leak in.
    # conftest.py's DJANGO_ALLOW_ASYNC_UNSAFE is for Playwright; check --deploy refuses it.
    own = {*DEPLOYED, "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"}
    own.add("DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {name: value for name, value in os.environ.items() if name not in own}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**env, **variables},
        capture_output=True,
        text=True,
        timeout=60,
    )


def _printed(values: str) -> list[str]:
    """manage.py arguments that print these settings (as s.NAME)."""
    return ["shell", "-v", "0", "-c", f"from django.conf import settings as s; print({values})"]


def test_check_deploy_finds_no_issue_with_the_documented_variables_set() -> None:
    done = _manage("check", "--deploy", "--fail-level", "WARNING", **DEPLOYED)
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert done.stderr == ""


def test_check_deploy_warns_without_them() -> None:
    # The same check, so that the clean run above is not clean for want of looking.
    done = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W009", "security.W012"):
        assert warning in done.stderr


def test_secure_cookies_follow_the_https_redirect_unless_set() -> None:
    show = _printed("s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE")
    redirected = _manage(*show, SECURE_SSL_REDIRECT="true")
    assert redirected.stdout.split() == ["True", "True"]
    overridden = _manage(*show, SECURE_SSL_REDIRECT="true", CSRF_COOKIE_SECURE="no")
    assert overridden.stdout.split() == ["True", "False"]


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        ("SECURE_HSTS_SECONDS", "a year", "SECURE_HSTS_SECONDS='a year' is not a whole number"),
        ("SECURE_HSTS_SECONDS", "-1", "SECURE_HSTS_SECONDS='-1' must be at least 0"),
        ("SECURE_SSL_REDIRECT", "sometimes", "SECURE_SSL_REDIRECT='sometimes' is not a boolean"),
        ("CSRF_TRUSTED_ORIGINS", "newsmap.example.org", "CSRF_TRUSTED_ORIGINS has entries"),
        ("SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto: https", "is not a header name"),
        ("LOGIN_FAILURE_LIMIT", "0", "LOGIN_FAILURE_LIMIT='0' must be at least 1"),
    ],
)
def test_a_bad_value_stops_start_up_with_one_line_naming_it(
    variable: str, value: str, reason: str
) -> None:
    done = _manage("check", **{variable: value})
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("ImproperlyConfigured: ")
    assert reason in lines[0]


def test_the_proxy_header_is_named_as_the_proxy_sends_it() -> None:
    done = _manage(
        *_printed("*s.SECURE_PROXY_SSL_HEADER"), SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"
    )
    assert done.stdout.split() == ["HTTP_X_FORWARDED_PROTO", "https"]

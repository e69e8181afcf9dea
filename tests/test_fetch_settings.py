"""The fetch settings come from the environment; a bad value names the variable."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsmap.settings import env_bool, env_float, env_url


@pytest.mark.parametrize("raw", ["fast", "0", "-1", "nan", "inf"])
def test_a_request_rate_that_is_no_positive_number_is_refused(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FETCH_REQUESTS_PER_SECOND", raw)
    with pytest.raises(ImproperlyConfigured, match="FETCH_REQUESTS_PER_SECOND="):
        env_float("FETCH_REQUESTS_PER_SECOND", 1.0, above=0)


def test_a_request_rate_may_be_a_fraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FETCH_REQUESTS_PER_SECOND", "0.25")
    assert env_float("FETCH_REQUESTS_PER_SECOND", 1.0, above=0) == 0.25


def test_private_addresses_are_refused_unless_the_variable_says_true(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False) is False
    monkeypatch.setenv("FETCH_ALLOW_PRIVATE_ADDRESSES", "true")
    assert env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False) is True
    monkeypatch.setenv("FETCH_ALLOW_PRIVATE_ADDRESSES", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="FETCH_ALLOW_PRIVATE_ADDRESSES"):
        env_bool("FETCH_ALLOW_PRIVATE_ADDRESSES", False)


@pytest.mark.parametrize("raw", ["newsmap.example.org", "ftp://x.example/", "https:// spaced"])
def test_newsmap_url_must_be_an_http_url(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSMAP_URL", raw)
    with pytest.raises(ImproperlyConfigured, match="NEWSMAP_URL=.* is not an http"):
        env_url("NEWSMAP_URL", "")

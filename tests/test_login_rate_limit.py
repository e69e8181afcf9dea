"""Login attempts are rate limited: five wrong passwords for a username from one address lock it.

The fifth wrong password is answered with a page that says why and for how
long, and every attempt after it is refused the same way, even with the right
password; other users, and the same user from elsewhere, log in as before.
Behind a proxy the address is the one the proxy reports.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-admin-passphrase"
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def staff(settings: Any) -> None:
    # Some forty logins: the real hasher's deliberate slowness would take a minute.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User.objects.create_user("erin", password=PASSWORD, is_staff=True)
    User.objects.create_user("root", password=PASSWORD, is_staff=True, is_superuser=True)


def _login(client: Client, username: str, password: str, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def _fail_five_times(client: Client, **headers: str) -> None:
    for _ in range(4):
        answer = _login(client, "erin", "wrong", **headers)
        assert answer.status_code == 200
        assert "Please enter the correct username and password" in answer.content.decode()
    # The fifth is counted, and locks the pair at once.
    assert _login(client, "erin", "wrong", **headers).status_code == 429


def test_the_sixth_wrong_password_is_refused_with_a_clear_message(client: Client) -> None:
    _fail_five_times(client)
    refused = _login(client, "erin", "wrong")
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Too many failed logins" in page
    assert "refused for 15 minutes" in page


def test_the_right_password_is_refused_too_while_locked(client: Client) -> None:
    _fail_five_times(client)
    assert _login(client, "erin", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_another_user_logs_in_from_the_same_address(client: Client) -> None:
    _fail_five_times(client)
    answer = _login(Client(), "root", PASSWORD)
    assert answer.status_code == 302 and answer["Location"] == "/admin/"


def test_the_same_user_logs_in_from_another_address(client: Client) -> None:
    # Counting username and address together: a guesser elsewhere cannot lock erin out.
    _fail_five_times(client)
    answer = _login(Client(REMOTE_ADDR="198.51.100.7"), "erin", PASSWORD)
    assert answer.status_code == 302


def test_a_good_login_starts_the_count_again(client: Client) -> None:
    for _ in range(4):
        _login(client, "erin", "wrong")
    assert _login(client, "erin", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert _login(client, "erin", "wrong").status_code == 200
    assert _login(client, "erin", PASSWORD).status_code == 302


def test_the_login_page_still_opens(client: Client) -> None:
    _fail_five_times(client)
    assert client.get(LOGIN).status_code == 200


@override_settings(PROXY_COUNT=1)
def test_behind_a_proxy_the_address_it_reports_is_counted_not_what_the_client_claims() -> None:
    proxied = Client(REMOTE_ADDR="127.0.0.1")
    # The client makes up a new address each time; the proxy appends the real one.
    for n in range(4):
        answer = _login(proxied, "erin", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9")
        assert answer.status_code == 200
    _login(proxied, "erin", "wrong", HTTP_X_FORWARDED_FOR="10.0.0.4, 203.0.113.9")
    refused = _login(proxied, "erin", "wrong", HTTP_X_FORWARDED_FOR="10.0.0.99, 203.0.113.9")
    assert refused.status_code == 429
    # Another reader behind the same proxy is someone else.
    other = _login(proxied, "erin", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other.status_code == 302

"""Every page but the embeds runs only newsmap's own script files: no inline script.

The embeds keep their own, stricter policy; the admin's article page and the
embed code page, which preview the embed, load its resize script as a file.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import expect

from events.csp import PAGE_CSP
from events.embed import EMBED_CSP
from events.models import Article, Place
from tests.event_support import make_event

SUPERUSER_PASSWORD = "a-long-admin-passphrase"


def _directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


@pytest.fixture
def article(db: None) -> Article:
    return Article.objects.create(
        title="Zawiya", published=date(2011, 3, 11), text="Rebels held Zawiya.", content_hash="z"
    )


@pytest.fixture
def admin_client(client: Client, db: None) -> Client:
    client.force_login(User.objects.create_superuser("root", password=SUPERUSER_PASSWORD))
    return client


def test_the_page_policy_allows_script_only_from_newsmaps_own_files() -> None:
    script = _directives(PAGE_CSP)["script-src"]
    assert script == ["'self'"]
    assert _directives(PAGE_CSP)["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/events/place/",
        "/admin/events/place/add/",
        "/admin/events/article/{article}/change/",
        "/admin/auth/user/",
        "/",
        "/articles/{article}/",
        "/embed/code/",
        "/api/docs",
    ],
)
def test_admin_and_reader_pages_carry_the_page_policy(
    admin_client: Client, article: Article, path: str
) -> None:
    response = admin_client.get(path.format(article=article.pk))
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_embed_keeps_its_own_stricter_policy(client: Client, article: Article) -> None:
    response = client.get(f"/embed/timeline/?article={article.pk}")
    policy = response["Content-Security-Policy"]
    assert policy.startswith(EMBED_CSP)
    assert "frame-ancestors" in policy


def test_the_resize_script_is_a_file_for_the_previews(client: Client) -> None:
    response = client.get("/embed/resize.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"newsmap:height" in response.content


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_article_page_previews_the_embed_with_no_script_refused(
    page: Any, live_server: Any
) -> None:
    place = Place.objects.create(name="Zawiya", country_code="LY", lat=32.76, lon=12.73)
    article = Article.objects.create(
        title="Zawiya", published=date(2011, 3, 11), text="Rebels held Zawiya.", content_hash="z"
    )
    make_event(article, article.text, date(2011, 3, 11), date(2011, 3, 11), place)
    User.objects.create_superuser("root", password=SUPERUSER_PASSWORD)
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/events/article/{article.pk}/change/")
    page.fill("#id_username", "root")
    page.fill("#id_password", SUPERUSER_PASSWORD)
    page.click("input[type=submit]")
    frame = page.locator("#embed-preview iframe[data-newsmap]")
    # The resize script ran: the iframe took the timeline's height, not the snippet's 420.
    # (Locator assertions, not page.evaluate: the policy refuses Playwright's eval too.)
    expect(frame).to_have_attribute("style", re.compile(r"height: ?\d+px"))
    expect(frame).not_to_have_css("height", "420px")
    # A refused script would be a console error, which the page fixture fails on.


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_embed_code_page_updates_its_preview_without_inline_script(
    page: Any, live_server: Any, article: Article
) -> None:
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{live_server.url}/embed/code/?article={article.pk}")
    page.select_option("select[name=theme]", "dark")
    expect(page.locator("#preview iframe")).to_have_attribute("src", re.compile("theme=dark"))
    assert page.locator("#preview script").count() == 0
    assert page.locator("#preview iframe").count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_api_docs_render_offline(page: Any, live_server: Any) -> None:
    # Nothing off this server answers: Swagger UI must come from newsmap's own files.
    page.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    assert page.locator(".swagger-ui .opblock").count() >= 5

"""An article page links to its original only at a web address a browser may follow."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from events.models import Article


def _page(client: Client, url: str) -> str:
    article = Article.objects.create(
        title="Zawiya", url=url, published=date(2011, 3, 11), text="...", content_hash=url
    )
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/path",
    ],
)
def test_a_script_or_data_address_is_no_original_article_link(client: Client, url: str) -> None:
    html = _page(client, url)
    assert "Original article" not in html
    assert "alert(" not in html


@pytest.mark.django_db
def test_a_web_address_is_the_original_article_link(client: Client) -> None:
    html = _page(client, "https://news.example.com/zawiya?a=1&b=2")
    assert 'href="https://news.example.com/zawiya?a=1&amp;b=2"' in html
    assert "Original article" in html

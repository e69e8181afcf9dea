"""/embed/code/ and the Article admin page give the iframe snippet for the current filters."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from events.models import Article


@pytest.fixture
def article(db: None) -> Article:
    return Article.objects.create(
        title='Zawiya "under fire"',
        source="Wire",
        published=date(2011, 3, 11),
        text="...",
        content_hash="z",
    )


def test_the_generator_writes_the_iframe_and_the_resize_script_for_its_filters(
    client: Client, article: Article
) -> None:
    response = client.get(f"/embed/code/?article={article.pk}&theme=dark&map=1&q=")
    assert response.status_code == 200
    html = response.content.decode()
    src = f"http://testserver/embed/timeline/?article={article.pk}&amp;theme=dark&amp;map=1"
    # In the textarea, escaped once more; in the preview, as the host page will have it.
    assert f'<iframe data-newsmap src="{src}"' in html
    assert f"&lt;iframe data-newsmap src=&quot;{src.replace('&amp;', '&amp;amp;')}&quot;" in html
    assert "newsmap:height" in html
    assert 'title="Zawiya &quot;under fire&quot; (newsmap timeline)"' in html


def test_the_snippet_alone_is_text_for_the_live_preview(client: Client, article: Article) -> None:
    response = client.get(f"/embed/code/snippet/?article={article.pk}&height=500")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert text.startswith("<iframe data-newsmap ")
    assert 'height="500"' in text
    assert text.rstrip().endswith("</script>")


def test_the_generator_explains_settings_it_cannot_embed(client: Client, db: None) -> None:
    response = client.get("/embed/code/?start_at=soon")
    assert response.status_code == 400
    assert "These settings cannot be embedded" in response.content.decode()
    assert client.get("/embed/code/snippet/?start_at=soon").status_code == 400


def test_the_article_admin_page_has_an_embed_button_and_section_with_a_preview(
    client: Client, article: Article
) -> None:
    User.objects.create_superuser("editor", "editor@example.com", "pw")
    client.login(username="editor", password="pw")
    html = client.get(f"/admin/events/article/{article.pk}/change/").content.decode()
    assert f'href="/embed/code/?article={article.pk}" class="embedlink">Embed</a>' in html
    src = f"http://testserver/embed/timeline/?article={article.pk}"
    assert f'<iframe data-newsmap src="{src}"' in html, "the live preview"
    assert f"&lt;iframe data-newsmap src=&quot;{src}&quot;" in html, "the code to copy"

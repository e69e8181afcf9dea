"""A URL as people and feeds write it (spaces, accents) is sent %-escaped, as browsers send
it; one that no request line can carry is one line, not a traceback."""

from __future__ import annotations

import pytest

from events.fetch import Fetcher, FetchError
from tests.web_server import LocalWeb


def test_spaces_and_accents_are_sent_escaped(web: LocalWeb) -> None:
    web.page("/a%20story/caf%C3%A9", "<p>here</p>")
    answer = Fetcher().get(web.url + "/a story/café")
    assert answer.body == b"<p>here</p>"


def test_what_is_escaped_already_is_not_escaped_again(web: LocalWeb) -> None:
    web.page("/a%20story?q=a%26b", "<p>here</p>")
    assert Fetcher().get(web.url + "/a%20story?q=a%26b").status == 200


def test_a_redirect_to_a_location_with_spaces_is_followed(web: LocalWeb) -> None:
    web.redirect("/old", "/new story")
    web.page("/new%20story", "<p>here</p>")
    assert Fetcher().get(web.url + "/old").body == b"<p>here</p>"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://exa\nmple.com/feed.xml", "has a control character"),
        ("http://news.example.com/\tfeed", "has a control character"),
        ("http://exa mple.com/", "has a space in its host name"),
    ],
)
def test_a_url_no_request_can_carry_is_refused(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as bad:
        Fetcher().get(url)
    assert str(bad.value).endswith(reason)
    assert "\n" not in str(bad.value) and "\t" not in str(bad.value)

""".html files are read by trafilatura (benchmarks/html_bodies.py: .965 shingle F1 beside
.883 for newsmap's own reader): the story without the site around it, sentences whole,
and the author; pages of a line or two still read whole by newsmap's reader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from events.readers import ReadError, read_file

STORY = [
    "Rebels said on Thursday they had pushed government forces back from the oil port of "
    "<b>Ras Lanuf</b>, after a day of shelling along the coast road to <a href='/s'>Sirte</a>.",
    "In Benghazi, the opposition council appealed again for a no-fly zone, while in Brussels "
    "ministers of the European Union discussed how to freeze the government's assets.",
    "Thousands of workers have left through the border crossing at Ras Jdir in Tunisia, aid "
    "groups said, many of them waiting for days for transport home.",
]


def page(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>Rebels push back | The Daily</title>"
        '<meta name="author" content="Jane Roe">'
        '<meta property="article:published_time" content="2011-03-10T14:00:00Z"></head><body>'
        "<header><p>The Daily: all the news</p></header>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        f"<main><article><header><h1>Rebels push back</h1></header>{body}</article>"
        "<aside><h2>Related</h2><p><a href='/x'>Older: the fall of Zawiya</a></p></aside></main>"
        "<footer><p>Copyright The Daily. Contact us.</p></footer></body></html>"
    )


def test_a_story_is_read_without_the_site_around_it(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page(STORY))
    [article] = read_file(path)
    lines = article.text.splitlines()
    assert lines[0] == "Rebels push back"
    assert lines[1].startswith("Rebels said on Thursday they had pushed government forces")
    assert "of Ras Lanuf, after a day of shelling along the coast road to Sirte." in lines[1]
    assert len(lines) == 4
    for chrome in ("all the news", "Home", "Related", "Zawiya", "Copyright"):
        assert chrome not in article.text
    assert article.author == "Jane Roe"
    assert article.published == date(2011, 3, 10)


def test_a_page_of_one_short_paragraph_keeps_its_sentence_whole(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text(page(["He said <b>no</b> and <a href='/x'>left</a> on <em>Friday</em>."]))
    [article] = read_file(path)
    assert "He said no and left on Friday." in article.text.splitlines()


DATED = '<meta property="article:published_time" content="2011-03-10T14:00:00Z">'


def test_a_date_given_only_in_json_ld_is_the_publication_date(tmp_path: Path) -> None:
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2011-03-09"}</script>'
    )
    path = tmp_path / "ld.html"
    path.write_text(page(STORY).replace(DATED, ld))
    [article] = read_file(path)
    assert article.published == date(2011, 3, 9)


def test_a_date_only_told_in_the_text_is_not_taken_for_the_publication_date(
    tmp_path: Path,
) -> None:
    told = [*STORY, "The fighting began on 17 February 2011, residents recalled on the day."]
    path = tmp_path / "undated.html"
    path.write_text(page(told).replace(DATED, ""))
    with pytest.raises(ReadError, match="no publication date"):
        read_file(path)

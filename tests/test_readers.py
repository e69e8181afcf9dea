"""Reading article files: each format, sidecar metadata, dates, and every error message."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from events.readers import ArticleInput, ReadError, find_files, parse_published, read_file


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        # newline="" so tests control the exact line endings on disk.
        path.write_text(content, encoding="utf-8", newline="")
    return path


def write_json(path: Path, data: object) -> Path:
    return write(path, json.dumps(data))


def jsonl(*records: object) -> str:
    return "\n".join(json.dumps(r) for r in records) + "\n"


def error_for(path: Path, published: date | None = None) -> str:
    with pytest.raises(ReadError) as info:
        read_file(path, published=published)
    return str(info.value)


# --- parse_published ----------------------------------------------------------------------


def test_a_plain_date_has_no_time_of_day() -> None:
    assert parse_published("2011-03-10") == (date(2011, 3, 10), None)


def test_a_utc_datetime_keeps_its_time_and_timezone() -> None:
    day, moment = parse_published("2011-03-10T14:00:00Z")
    assert day == date(2011, 3, 10)
    assert moment == datetime(2011, 3, 10, 14, 0, tzinfo=UTC)
    assert moment is not None and moment.utcoffset() == timedelta(0)


def test_the_calendar_day_is_the_one_written_not_the_utc_day() -> None:
    day, moment = parse_published("2011-03-10T23:30:00-05:00")
    assert day == date(2011, 3, 10)
    assert moment == datetime(2011, 3, 10, 23, 30, tzinfo=timezone(timedelta(hours=-5)))


def test_a_datetime_without_offset_stays_naive() -> None:
    _, moment = parse_published("2011-03-10T14:00:00")
    assert moment == datetime(2011, 3, 10, 14, 0)
    assert moment is not None and moment.tzinfo is None


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("2011-13-45", "month must be in 1..12"),
        ("10/03/2011", "expected YYYY-MM-DD"),
        ("20110310", "expected YYYY-MM-DD"),
        ("", "expected YYYY-MM-DD"),
        ("2011-03-10T25:00", "2011-03-10T25:00"),
    ],
)
def test_an_unparseable_date_is_a_clear_value_error(value: str, detail: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_published(value)
    assert str(info.value).startswith(f'bad publication date "{value}": ')
    assert detail in str(info.value)


# --- ReadError ----------------------------------------------------------------------------


def test_a_read_error_names_the_file_line_and_reason_on_one_line() -> None:
    error = ReadError(Path("seeds/x.jsonl"), "the record has no text", line=3)
    assert str(error) == "seeds/x.jsonl: line 3: the record has no text"
    assert (error.path, error.reason, error.line) == (Path("seeds/x.jsonl"), error.reason, 3)


def test_a_read_error_without_a_line_names_just_the_file() -> None:
    assert str(ReadError(Path("a.txt"), "is empty")) == "a.txt: is empty"


def test_a_read_error_folds_a_multi_line_reason_into_one_line() -> None:
    assert str(ReadError(Path("a.txt"), "bad\n  thing")) == "a.txt: bad thing"


# --- .txt ---------------------------------------------------------------------------------


def test_a_text_file_takes_its_metadata_from_the_sidecar(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Quake hits Japan\n\nA strong earthquake struck.\n")
    write_json(
        tmp_path / "story.meta.json",
        {
            "title": "Earthquake",
            "source": "Wire",
            "url": "https://example.com/q",
            "published": "2011-03-11T05:46:00Z",
        },
    )
    assert read_file(story) == [
        ArticleInput(
            text="Quake hits Japan\n\nA strong earthquake struck.\n",
            title="Earthquake",
            source="Wire",
            url="https://example.com/q",
            published=date(2011, 3, 11),
            published_at=datetime(2011, 3, 11, 5, 46, tzinfo=UTC),
            origin=story.as_posix(),
        )
    ]


def test_a_text_file_title_defaults_to_its_first_non_blank_line(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "\n   Quake   hits Japan  \nBody.")
    write_json(tmp_path / "story.meta.json", {"published": "2011-03-11"})
    [article] = read_file(story)
    assert article.title == "Quake hits Japan"
    assert (article.source, article.url) == ("", "")
    assert (article.published, article.published_at) == (date(2011, 3, 11), None)


def test_a_long_first_line_is_cut_to_200_characters_for_the_title(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "word " * 100)
    [article] = read_file(story, published=date(2011, 3, 11))
    assert len(article.title) <= 200
    assert article.title.endswith("word…")


def test_text_keeps_its_content_but_loses_the_bom_and_crlf(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "\ufeffLine one  \r\nLine\ttwo\rthree\r\n")
    [article] = read_file(story, published=date(2011, 3, 11))
    assert article.text == "Line one  \nLine\ttwo\nthree\n"


def test_the_published_option_stands_in_for_a_missing_sidecar(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    [article] = read_file(story, published=date(2020, 1, 2))
    assert (article.published, article.published_at) == (date(2020, 1, 2), None)
    assert article.title == "Body."


def test_the_published_option_overrides_the_sidecar_date(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    write_json(tmp_path / "story.meta.json", {"published": "2011-03-11T05:46:00Z"})
    [article] = read_file(story, published=date(2020, 1, 2))
    assert (article.published, article.published_at) == (date(2020, 1, 2), None)


def test_a_text_file_without_a_date_asks_for_one(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    assert error_for(story) == (
        f"{story.as_posix()}: no publication date: "
        'add "published" to story.meta.json or pass --published'
    )


def test_a_bad_sidecar_date_is_reported_with_the_value(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    write_json(tmp_path / "story.meta.json", {"published": "2011-13-45"})
    assert error_for(story).startswith(
        f'{story.as_posix()}: bad publication date "2011-13-45": month must be in 1..12'
    )


def test_a_malformed_sidecar_is_named_in_the_error(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    sidecar = write(tmp_path / "story.meta.json", '{"published": }')
    assert error_for(story) == (
        f"{sidecar.as_posix()}: is not valid JSON: Expecting value at line 1 column 15"
    )


def test_a_sidecar_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    sidecar = write_json(tmp_path / "story.meta.json", ["2011-03-10"])
    assert error_for(story) == f"{sidecar.as_posix()}: is not a JSON object (it is a list)"


def test_a_misspelt_sidecar_key_is_an_error_rather_than_lost_metadata(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body.")
    sidecar = write_json(tmp_path / "story.meta.json", {"publised": "2011-03-10"})
    assert error_for(story) == (
        f'{sidecar.as_posix()}: has unknown key "publised" '
        "(expected any of: note, published, source, title, url)"
    )


def test_an_empty_text_file_is_an_error(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", b"")
    assert error_for(story, date(2011, 3, 10)) == f"{story.as_posix()}: is empty"


def test_a_text_file_holding_only_a_bom_is_whitespace(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", b"\xef\xbb\xbf \r\n\t")
    assert error_for(story, date(2011, 3, 10)) == f"{story.as_posix()}: contains only whitespace"


def test_a_binary_file_is_not_text(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error_for(story, date(2011, 3, 10)) == (
        f"{story.as_posix()}: is not text (binary content)"
    )


def test_invalid_utf8_names_the_byte_and_line(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Caf\xe9\nna\xefve".encode("latin-1"))
    message = error_for(story, date(2011, 3, 10))
    assert message.startswith(f"{story.as_posix()}: is not valid UTF-8 (byte 0xe9 on line 1")


def test_a_utf16_text_file_is_asked_to_be_saved_as_utf8(tmp_path: Path) -> None:
    story = write(tmp_path / "story.txt", "Body".encode("utf-16"))
    assert error_for(story, date(2011, 3, 10)) == (
        f"{story.as_posix()}: is UTF-16 encoded: save it as UTF-8"
    )


# --- .json --------------------------------------------------------------------------------


def test_a_json_file_with_one_record_gives_one_article(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "one.json",
        {
            "id": "a1",
            "text": "Floods in Queensland.\nMore rain.",
            "title": "Floods",
            "source": "ABC",
            "url": "https://abc.example/f",
            "published": "2011-01-10",
            "author": "extra fields are ignored",
        },
    )
    assert read_file(path) == [
        ArticleInput(
            text="Floods in Queensland.\nMore rain.",
            title="Floods",
            source="ABC",
            url="https://abc.example/f",
            published=date(2011, 1, 10),
            published_at=None,
            origin=f"{path.as_posix()}#a1",
        )
    ]


def test_a_single_json_record_without_id_has_the_file_as_origin(tmp_path: Path) -> None:
    path = write_json(tmp_path / "one.json", {"text": "Body.", "published": "2011-01-10"})
    [article] = read_file(path)
    assert article.origin == path.as_posix()
    assert article.title == "Body."


def test_a_json_list_gives_articles_in_order(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "many.json",
        [
            {"id": 7, "text": "First.", "published": "2011-01-10"},
            {"text": "Second.\r\nLine.", "published": "2011-01-11T08:00:00+01:00"},
        ],
    )
    first, second = read_file(path)
    assert (first.text, first.origin) == ("First.", f"{path.as_posix()}#7")
    assert (second.text, second.origin) == ("Second.\nLine.", f"{path.as_posix()}#record 2")
    assert second.published_at == datetime(2011, 1, 11, 8, 0, tzinfo=timezone(timedelta(hours=1)))


def test_the_published_option_overrides_every_json_record(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "many.json",
        [
            {"text": "First.", "published": "2011-01-10T10:00:00Z"},
            {"text": "Second."},
            {"text": "Third.", "published": "not a date"},
        ],
    )
    articles = read_file(path, published=date(2012, 5, 6))
    assert [(a.published, a.published_at) for a in articles] == [(date(2012, 5, 6), None)] * 3


def test_malformed_json_reports_the_position(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '{"a": nope}')
    assert error_for(path) == (
        f"{path.as_posix()}: is not valid JSON: Expecting value at line 1 column 7"
    )


def test_a_json_scalar_is_not_a_record(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", '"just text"')
    assert error_for(path) == (
        f"{path.as_posix()}: is not a record object or a list of record objects (it is a string)"
    )


def test_an_empty_json_list_has_no_records(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.json", "[]")
    assert error_for(path) == f"{path.as_posix()}: contains an empty list: no records to read"


def test_a_json_list_item_that_is_not_an_object_names_the_record(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", [{"text": "ok", "published": "2011-01-10"}, "x"])
    assert error_for(path) == (
        f"{path.as_posix()}: record 2: the record is not a JSON object (it is a string)"
    )


def test_a_json_record_without_text_is_an_error(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", {"title": "T", "published": "2011-01-10"})
    assert error_for(path) == f"{path.as_posix()}: the record has no text"


def test_a_json_record_with_a_number_as_text_is_an_error(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", {"text": 42, "published": "2011-01-10"})
    assert (
        error_for(path)
        == f'{path.as_posix()}: the record\'s "text" is not a string (it is a number)'
    )


def test_a_json_record_with_blank_text_is_an_error(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", {"text": " \n ", "published": "2011-01-10"})
    assert error_for(path) == f"{path.as_posix()}: the record's text is blank"


def test_a_json_record_without_a_date_asks_for_one(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", [{"text": "Body."}])
    assert error_for(path) == (
        f"{path.as_posix()}: record 1: no publication date: "
        'add "published" to the record or pass --published'
    )


def test_a_json_record_with_a_non_string_title_is_an_error(tmp_path: Path) -> None:
    path = write_json(
        tmp_path / "bad.json", {"text": "B", "title": ["x"], "published": "2011-01-10"}
    )
    assert error_for(path) == (
        f'{path.as_posix()}: the record\'s "title" is not a string (it is a list)'
    )


def test_a_numeric_date_is_a_bad_publication_date(tmp_path: Path) -> None:
    path = write_json(tmp_path / "bad.json", {"text": "B", "published": 2011})
    assert error_for(path).startswith(f"{path.as_posix()}: bad publication date 2011: ")


# --- .jsonl -------------------------------------------------------------------------------


def test_a_jsonl_file_gives_one_article_per_line_skipping_blank_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        jsonl({"id": "x1", "text": "One.", "published": "2011-03-10"})
        + "\n   \n"
        + jsonl({"text": "Two\u2028still two.", "published": "2011-03-11"}),
    )
    first, second = read_file(path)
    assert (first.text, first.origin) == ("One.", f"{path.as_posix()}#x1")
    # The record sits on line 4 of the file, after the two blank lines.
    assert (second.text, second.origin) == ("Two\u2028still two.", f"{path.as_posix()}#line 4")


def test_a_jsonl_file_with_crlf_line_ends_and_bom_reads(tmp_path: Path) -> None:
    body = jsonl({"text": "A", "published": "2011-03-10"}, {"text": "B", "published": "2011-03-10"})
    path = write(tmp_path / "feed.jsonl", "\ufeff" + body.replace("\n", "\r\n"))
    assert [a.text for a in read_file(path)] == ["A", "B"]


def test_a_record_without_text_names_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        jsonl(
            {"text": "ok", "published": "2011-03-10"},
            {"text": "ok", "published": "2011-03-10"},
            {"title": "no text", "published": "2011-03-10"},
        ),
    )
    assert error_for(path) == f"{path.as_posix()}: line 3: the record has no text"


def test_one_bad_jsonl_line_fails_the_whole_file(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        jsonl({"text": "ok", "published": "2011-03-10"}) + '{"text": "cut off\n',
    )
    assert error_for(path) == (
        f"{path.as_posix()}: line 2: is not valid JSON: "
        "Unterminated string starting at at column 10"
    )


def test_a_jsonl_line_that_is_not_an_object_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", "[1, 2]\n")
    assert error_for(path) == (
        f"{path.as_posix()}: line 1: the record is not a JSON object (it is a list)"
    )


def test_a_jsonl_bad_date_names_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        jsonl({"text": "ok", "published": "2011-03-10"}, {"text": "ok", "published": "2011-13-45"}),
    )
    assert error_for(path).startswith(
        f'{path.as_posix()}: line 2: bad publication date "2011-13-45": month must be in 1..12'
    )


def test_a_jsonl_record_without_a_date_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", jsonl({"text": "ok"}))
    assert error_for(path) == (
        f"{path.as_posix()}: line 1: no publication date: "
        'add "published" to the record or pass --published'
    )


def test_two_records_with_the_same_id_would_collide_and_are_an_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        jsonl(
            {"id": "a", "text": "1", "published": "2011-03-10"},
            {"id": "a", "text": "2", "published": "2011-03-10"},
        ),
    )
    assert error_for(path) == f'{path.as_posix()}: line 1 and line 2 have the same id "a"'


def test_a_jsonl_file_of_blank_lines_is_whitespace(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", "\n  \n")
    assert error_for(path) == f"{path.as_posix()}: contains only whitespace"


def test_a_binary_jsonl_file_is_not_text(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", b'{"text": "a\x00"}')
    assert error_for(path) == f"{path.as_posix()}: is not text (binary content)"


# --- .html --------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Quake | The Daily</title>
<meta property="og:title" content="Earthquake strikes  Japan">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/og">
<link rel="canonical" href="https://daily.example/quake">
<meta property="article:published_time" content="2011-03-11T06:10:00+00:00">
<script>var ignored = "script text";</script>
<style>p { color: red }</style>
</head><body>
<nav><p>Home</p><p>World</p></nav>
<header><p>Site banner</p></header>
<article>
  <h1>Earthquake strikes Japan</h1>
  <p>A magnitude 9.0 earthquake struck
     off the coast of <b>Tōhoku</b>.</p>
  <p>Tsunami warnings&nbsp;were issued.<br>Residents fled.</p>
  <aside><p>Related: older quakes</p></aside>
  <footer><p>© The Daily</p></footer>
</article>
<footer><p>Contact us</p></footer>
</body></html>
"""


def test_an_html_page_gives_its_article_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "quake.html", PAGE)
    assert read_file(path) == [
        ArticleInput(
            text=(
                "Earthquake strikes Japan\n"
                "A magnitude 9.0 earthquake struck off the coast of Tōhoku.\n"
                "Tsunami warnings were issued.\n"
                "Residents fled."
            ),
            title="Earthquake strikes Japan",
            source="The Daily",
            url="https://daily.example/quake",
            published=date(2011, 3, 11),
            published_at=datetime(2011, 3, 11, 6, 10, tzinfo=UTC),
            origin=path.as_posix(),
        )
    ]


def test_without_an_article_the_element_with_most_paragraph_text_wins(tmp_path: Path) -> None:
    page = """<html><head><title> Plain
      page </title></head><body>
    <div class="teaser"><p>Short teaser.</p></div>
    <div class="story"><p>The long first paragraph of the story.</p>
      <p>The second paragraph.</p></div>
    <div itemprop="datePublished" content="2011-03-12"></div>
    </body></html>"""
    path = write(tmp_path / "plain.htm", page)
    [article] = read_file(path)
    assert article.text == "The long first paragraph of the story.\nThe second paragraph."
    assert article.title == "Plain page"
    assert (article.published, article.url, article.source) == (date(2011, 3, 12), "", "")


def test_an_html_date_can_come_from_a_time_element(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="og:url" content="https://x.example/a"></head><body>'
        '<article><p>Posted <time datetime="14:00">2pm</time>, '
        '<time datetime="2011-03-13">Sunday</time></p><p>Text.</p></article></body></html>'
    )
    path = write(tmp_path / "t.html", page)
    [article] = read_file(path)
    assert (article.published, article.url, article.title) == (
        date(2011, 3, 13),
        "https://x.example/a",
        "Posted 2pm, Sunday",
    )


def test_an_html_page_is_decoded_with_its_declared_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    path = write(tmp_path / "ru.html", page.encode("windows-1251"))
    [article] = read_file(path, published=date(2011, 3, 10))
    assert article.text == "Привет, мир"


def test_an_html_page_with_bytes_invalid_for_its_charset_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.html", b"<html><body><p>caf\xe9</p></body></html>")
    assert error_for(path, date(2011, 3, 10)).startswith(
        f"{path.as_posix()}: is not valid utf-8 (byte 0xe9 on line 1"
    )


def test_an_html_page_without_a_date_asks_for_one(tmp_path: Path) -> None:
    path = write(tmp_path / "nodate.html", "<p>Text.</p>")
    assert error_for(path) == (
        f"{path.as_posix()}: no publication date: the page has no article:published_time, "
        'datePublished or <time datetime>; add "published" to nodate.meta.json or pass --published'
    )


def test_an_html_sidecar_supplies_a_missing_date(tmp_path: Path) -> None:
    path = write(tmp_path / "nodate.html", "<p>Text.</p>")
    write_json(tmp_path / "nodate.meta.json", {"published": "2011-03-10", "source": "S"})
    [article] = read_file(path)
    assert (article.published, article.source, article.title) == (date(2011, 3, 10), "S", "Text.")


def test_a_bad_html_meta_date_is_an_error(tmp_path: Path) -> None:
    page = '<meta property="article:published_time" content="yesterday"><p>Text.</p>'
    path = write(tmp_path / "bad.html", page)
    assert error_for(path).startswith(f'{path.as_posix()}: bad publication date "yesterday": ')


def test_an_html_page_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><body><nav><p>Menu</p></nav><script>x()</script></body></html>"
    path = write(tmp_path / "empty.html", page)
    assert error_for(path, date(2011, 3, 10)) == f"{path.as_posix()}: has no article text"


def test_a_latin1_page_is_read_as_windows_1252_like_browsers_do(tmp_path: Path) -> None:
    page = b'<meta charset="iso-8859-1"><p>caf\xe9 \x93quoted\x94</p>'
    path = write(tmp_path / "latin.html", page)
    [article] = read_file(path, published=date(2011, 3, 10))
    assert article.text == "café “quoted”"


def test_deeply_nested_html_does_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    page = "<body>" + "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000 + "</body>"
    path = write(tmp_path / "deep.html", page)
    assert [a.text for a in read_file(path, published=date(2011, 3, 10))] == ["deep"]


# --- read_file: which files -----------------------------------------------------------------


def test_an_unknown_extension_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    assert error_for(path) == (
        f'{path.as_posix()}: has an unknown extension ".pdf" '
        "(expected .txt, .json, .jsonl, .html or .htm)"
    )


def test_a_file_without_extension_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "README", "text")
    assert error_for(path) == (
        f"{path.as_posix()}: has no extension (expected .txt, .json, .jsonl, .html or .htm)"
    )


def test_extensions_are_matched_regardless_of_case(tmp_path: Path) -> None:
    path = write(tmp_path / "STORY.TXT", "Body.")
    assert [a.text for a in read_file(path, published=date(2011, 3, 10))] == ["Body."]


def test_reading_a_sidecar_itself_points_at_its_article(tmp_path: Path) -> None:
    path = write_json(tmp_path / "story.meta.json", {"published": "2011-03-10"})
    assert error_for(path) == (
        f"{path.as_posix()}: is a metadata sidecar, not an article: "
        "read the article file next to it (such as story.txt)"
    )


def test_reading_a_missing_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    assert error_for(path) == f"{path.as_posix()}: no such file or folder"


def test_reading_a_folder_is_an_error(tmp_path: Path) -> None:
    assert error_for(tmp_path) == f"{tmp_path.as_posix()}: is a folder, not a file"


# --- find_files ---------------------------------------------------------------------------


def test_a_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.jsonl",
        "a.meta.json",
        "sub/z.html",
        "sub/deeper/y.htm",
        "sub-2/c.json",
        "notes.md",
        "image.png",
        ".hidden.txt",
        ".git/objects/x.txt",
        "UPPER.TXT",
    ]:
        write(tmp_path / name, "x")
    found = find_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "UPPER.TXT",
        "a.jsonl",
        "b.txt",
        "sub/deeper/y.htm",
        "sub/z.html",
        "sub-2/c.json",
    ]


def test_files_named_explicitly_are_kept_even_with_unknown_extensions(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF")
    story = write(tmp_path / "story.txt", "x")
    assert find_files([pdf, story]) == [pdf, story]
    with pytest.raises(ReadError, match="unknown extension"):
        read_file(pdf)


def test_arguments_keep_their_order_and_duplicates_are_dropped(tmp_path: Path) -> None:
    a = write(tmp_path / "one/a.txt", "x")
    b = write(tmp_path / "two/b.txt", "x")
    assert find_files([tmp_path / "two", tmp_path / "one", b, a]) == [b, a]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        find_files([tmp_path / "nowhere"])
    assert str(info.value) == f"{(tmp_path / 'nowhere').as_posix()}: no such file or folder"


def test_an_empty_folder_has_no_files(tmp_path: Path) -> None:
    assert find_files([tmp_path]) == []

"""What the readers make of broken or hostile files that are still articles, and the
limits that keep one file from hanging the reader or filling its memory.

The one-line refusals themselves are in test_ingest_bad_input_suite.py. Tests run as
root, for whom file permissions do not apply, so the unreadable cases are made by
making the system calls fail rather than by chmod.
"""

from __future__ import annotations

import errno
import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from events import readers
from events.readers import ReadError, find_files, nests_too_deeply, read_file

DAY = date(2011, 3, 10)
TEXT = "Rebels shelled Benghazi on Friday."


def _jsonl(path: Path, **fields: object) -> Path:
    path.write_text(json.dumps({"text": TEXT, "published": "2011-03-10", **fields}) + "\n")
    return path


def _error(path: Path, **options: object) -> str:
    with pytest.raises(ReadError) as info:
        read_file(path, **options)  # type: ignore[arg-type]
    return str(info.value)


def test_a_symbolic_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "story.txt"
    target.write_text(TEXT)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert [a.text for a in read_file(link, published=DAY)] == [TEXT]


def test_a_folder_walk_lists_a_link_loop_once_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "good.txt").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)  # a folder link: not followed
    found = find_files([tmp_path, tmp_path / "loop.txt"])
    assert found == [tmp_path / "good.txt", tmp_path / "loop.txt"]


def test_a_file_at_the_size_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT)
    size = path.stat().st_size
    assert read_file(path, published=DAY, max_bytes=size)
    assert f"is {size:,} bytes, over the limit of {size - 1:,}" in _error(
        path, published=DAY, max_bytes=size - 1
    )


def test_a_file_that_reports_no_size_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    # /proc's files say they are empty and then give content, as a file that grows does.
    link = tmp_path / "status.txt"
    link.symlink_to("/proc/self/status")
    assert "grew while being read" in _error(link, published=DAY, max_bytes=10)


def test_a_file_the_system_will_not_open_is_named_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(readers.os, "open", refuse)
    assert _error(path, published=DAY) == f"{path}: cannot be read: Permission denied"


def test_a_folder_the_system_will_not_list_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "good.txt").write_text(TEXT)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    found = find_files([tmp_path])
    assert found == [tmp_path / "good.txt", locked]
    assert "is a folder that cannot be listed: Permission denied" in _error(locked)


def test_an_integer_id_is_kept_as_its_digits(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", id=12345678901234567890)
    assert read_file(path)[0].origin == f"{path.as_posix()}#12345678901234567890"


def test_an_id_of_500_characters_is_kept(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", id="x" * 500)
    assert read_file(path)[0].origin.endswith("#" + "x" * 500)


def test_control_characters_are_dropped_from_titles_and_sources(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl", title="Breaking\x08 news\x1b[31m  now\x07", source=" Wire\x1b "
    )
    article = read_file(path)[0]
    assert article.title == "Breaking news[31m now"
    assert article.source == "Wire"


def test_a_default_title_from_the_text_drops_control_characters(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", text="\n\n  \x1b[1mRebels\x1b[0m advance\nMore.")
    assert read_file(path)[0].title == "[1mRebels[0m advance"


def test_a_text_of_one_long_line_gets_a_short_title_quickly(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", text="word " * 2_000_000)
    started = time.perf_counter()
    title = read_file(path)[0].title
    assert len(title) <= 200 and title.startswith("word word")
    assert time.perf_counter() - started < 5  # a sanity bound, not a benchmark


def test_a_value_quoted_in_an_error_is_cut_short_and_escaped(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", published="2011\n" + "x" * 100_000)
    message = _error(path)
    assert len(message) < 300
    assert '"2011\\nxxx' in message and "…" in message


def _page(tmp_path: Path, head: str, body: bytes) -> Path:
    page = (
        b"<html><head>" + head.encode() + b'<meta property="article:published_time" '
        b'content="2011-03-10"></head><body><p>' + body + b"</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page)
    return path


@pytest.mark.parametrize("label", ["utf-7", "unicode_escape", "raw_unicode_escape", "base64"])
def test_a_charset_no_browser_knows_is_ignored_and_the_page_read_as_utf8(
    tmp_path: Path, label: str
) -> None:
    # unicode_escape would turn the text's "\\u0000" into a NUL, utf-7 its "+ADw-" into "<".
    path = _page(tmp_path, f'<meta charset="{label}">', b"Rebels \\u0000 +ADw-b+AD4- in Benghazi.")
    assert read_file(path)[0].text == "Rebels \\u0000 +ADw-b+AD4- in Benghazi."


def test_a_latin1_label_is_read_as_windows_1252_as_browsers_do(tmp_path: Path) -> None:
    path = _page(tmp_path, '<meta charset="latin1">', "“Benghazi”".encode("cp1252"))
    assert read_file(path)[0].text == "“Benghazi”"


def test_a_declared_utf16_is_read_as_utf8_as_html_says(tmp_path: Path) -> None:
    path = _page(tmp_path, '<meta charset="utf-16">', "Zürich".encode())
    assert read_file(path)[0].text == "Zürich"


def test_nested_articles_give_the_outermost_one(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2011-03-10"></head>'
        "<body><article><p>Outer story.</p>"
        + "<article><p>Inner.</p>" * 2000
        + "</article>" * 2001
        + "<article><p>Short.</p></article></body></html>"
    )
    path = tmp_path / "nested.html"
    path.write_text(page)
    text = read_file(path)[0].text
    assert text.startswith("Outer story.\nInner.") and "Short." not in text


def test_the_nesting_estimate_skips_scripts_svg_comments_and_tags_that_close_themselves() -> None:
    inside = "<div>" * 50
    html = (
        f"<script>{'<div>' * 100_000}</script><svg>{'<g>' * 100_000}</svg>"
        f"<!-- {'<div>' * 100_000} -->" + "<p><li><a>" * 100_000 + inside
    )
    assert nests_too_deeply(html, 100_000) == 0
    assert nests_too_deeply("<div>" * 1000, 100_000) == 447

"""Every kind of bad input a file can bring to `manage.py ingest`, each in one run with a
good file: the run exits non-zero, prints exactly one line naming the bad file and why
(no traceback), stores the good file, and leaves every other row as it was."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from events.models import Article, Event, Place
from events.terminal import printable

GOOD_TEXT = "Fighting went on in Benghazi on Saturday, witnesses said."
TEXT = "Rebels shelled Benghazi on Friday."
DAY = "2011-03-10"


@dataclass(frozen=True)
class Bad:
    """What a case hands the ingest, and what its one error line must say."""

    paths: list[Path]
    names: Path  # the file the line must name
    says: tuple[str, ...]  # words of the reason, any case
    settings: dict[str, Any] = field(default_factory=dict)


Build = Callable[[Path], Bad]


def _record(**fields: object) -> str:
    return json.dumps({"id": "r1", "text": TEXT, "published": DAY, **fields})


def _file(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _jsonl(tmp: Path, line: str, *says: str) -> Bad:
    """A .jsonl file whose one line is `line` (raw JSON text, escapes and all)."""
    path = _file(tmp / "bad.jsonl", line + "\n")
    return Bad([path], path, says)


def _dated_txt(tmp: Path, name: str, content: str | bytes, *says: str) -> Bad:
    path = _file(tmp / name, content)
    _file(tmp / (path.stem + ".meta.json"), json.dumps({"published": DAY}))
    return Bad([path], path, says)


def _sidecar(tmp: Path, meta: str | bytes, *says: str) -> Bad:
    article = _file(tmp / "story.txt", TEXT)
    sidecar = _file(tmp / "story.meta.json", meta)
    return Bad([article], sidecar, says)


def _page(tmp: Path, content: str | bytes, *says: str) -> Bad:
    path = _file(tmp / "page.html", content)
    return Bad([path], path, says)


def _dated_page(body: str, head: str = "") -> str:
    return (
        f'<html><head><meta property="article:published_time" content="{DAY}">{head}</head>'
        f"<body>{body}</body></html>"
    )


# --- the file system ----------------------------------------------------------------------


def missing_path(tmp: Path) -> Bad:
    return Bad([tmp / "nowhere.txt"], tmp / "nowhere.txt", ("no such file",))


def symlink_to_itself(tmp: Path) -> Bad:
    link = tmp / "loop.txt"
    link.symlink_to("loop.txt")
    return Bad([link], link, ("symbolic link", "loops"))


def symlinks_in_a_circle(tmp: Path) -> Bad:
    (tmp / "a.txt").symlink_to("b.txt")
    (tmp / "b.txt").symlink_to("a.txt")
    return Bad([tmp / "a.txt"], tmp / "a.txt", ("loops",))


def symlink_loop_in_a_folder(tmp: Path) -> Bad:
    folder = tmp / "news"
    folder.mkdir()
    (folder / "loop.jsonl").symlink_to("loop.jsonl")
    return Bad([folder], folder / "loop.jsonl", ("loops",))


def broken_symlink(tmp: Path) -> Bad:
    link = tmp / "gone.txt"
    link.symlink_to("removed.txt")
    return Bad([link], link, ("removed.txt", "does not exist"))


def fifo_named_txt(tmp: Path) -> Bad:
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)
    return Bad([fifo], fifo, ("FIFO", "only regular files"))


def fifo_in_a_folder(tmp: Path) -> Bad:
    folder = tmp / "news"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    return Bad([folder], folder / "pipe.jsonl", ("FIFO",))


def symlink_to_urandom(tmp: Path) -> Bad:
    link = tmp / "random.txt"
    link.symlink_to("/dev/urandom")
    return Bad([link], link, ("/dev/urandom", "character device"))


def symlink_to_dev_null(tmp: Path) -> Bad:
    link = tmp / "null.json"
    link.symlink_to("/dev/null")
    return Bad([link], link, ("character device",))


def unix_socket(tmp: Path) -> Bad:
    path = tmp / "s.jsonl"
    with socket.socket(socket.AF_UNIX) as server:
        # Relative, since socket addresses are limited to about 100 bytes.
        cwd = Path.cwd()
        os.chdir(tmp)
        try:
            server.bind(path.name)
        finally:
            os.chdir(cwd)
    return Bad([path], path, ("socket",))


def file_over_the_size_limit(tmp: Path) -> Bad:
    path = _file(tmp / "big.jsonl", _record(text="Benghazi " * 200) + "\n")
    size = f"{path.stat().st_size:,}"
    return Bad(
        [path], path, (size, "1,000", "INGEST_MAX_FILE_BYTES"), {"INGEST_MAX_FILE_BYTES": 1000}
    )


def sidecar_that_is_a_folder(tmp: Path) -> Bad:
    article = _file(tmp / "story.txt", TEXT)
    (tmp / "story.meta.json").mkdir()
    return Bad([article], tmp / "story.meta.json", ("folder",))


def sidecar_that_is_a_fifo(tmp: Path) -> Bad:
    article = _file(tmp / "story.txt", TEXT)
    os.mkfifo(tmp / "story.meta.json")
    return Bad([article], tmp / "story.meta.json", ("FIFO",))


def sidecar_that_is_a_broken_link(tmp: Path) -> Bad:
    article = _file(tmp / "story.txt", TEXT)
    (tmp / "story.meta.json").symlink_to("elsewhere.meta.json")
    return Bad([article], tmp / "story.meta.json", ("does not exist",))


def sidecar_named_as_the_article(tmp: Path) -> Bad:
    sidecar = _file(tmp / "story.meta.json", json.dumps({"published": DAY}))
    return Bad([sidecar], sidecar, ("sidecar", "story.txt"))


def unknown_extension(tmp: Path) -> Bad:
    path = _file(tmp / "story.docx", TEXT)
    return Bad([path], path, ('".docx"',))


def no_extension(tmp: Path) -> Bad:
    path = _file(tmp / "README", TEXT)
    return Bad([path], path, ("no extension",))


def name_with_a_newline(tmp: Path) -> Bad:
    return _dated_txt(tmp, "one\ntwo.txt", b"", "empty")


def name_with_a_terminal_escape(tmp: Path) -> Bad:
    return _dated_txt(tmp, "red\x1b[31mflag\x1b[0m.txt", b"", "empty")


def name_with_a_right_to_left_override(tmp: Path) -> Bad:
    return _dated_txt(tmp, "invoice\u202etxt.exe.txt", b"", "empty")


def name_that_is_not_utf8(tmp: Path) -> Bad:
    raw = os.fsencode(tmp) + b"/caf\xe9.txt"
    Path(os.fsdecode(raw)).write_text(TEXT)
    path = Path(os.fsdecode(raw))
    _file(tmp / "caf\udce9.meta.json", json.dumps({"published": DAY}))
    return Bad([path], path, ("not valid UTF-8", "0xe9", "rename"))


# --- text files ---------------------------------------------------------------------------


def empty_text_file(tmp: Path) -> Bad:
    return _dated_txt(tmp, "empty.txt", b"", "empty")


def whitespace_only_text_file(tmp: Path) -> Bad:
    return _dated_txt(tmp, "blank.txt", " \n\t\n", "only whitespace")


def text_file_holding_only_a_bom(tmp: Path) -> Bad:
    return _dated_txt(tmp, "bom.txt", b"\xef\xbb\xbf", "only whitespace")


def binary_text_file(tmp: Path) -> Bad:
    return _dated_txt(tmp, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")


def text_file_with_invalid_utf8(tmp: Path) -> Bad:
    return _dated_txt(tmp, "latin.txt", "Caf\xe9 in Benghazi".encode("latin-1"), "0xe9")


def utf16_text_file(tmp: Path) -> Bad:
    return _dated_txt(tmp, "wide.txt", TEXT.encode("utf-16"), "UTF-16")


def text_file_without_a_date(tmp: Path) -> Bad:
    path = _file(tmp / "undated.txt", TEXT)
    return Bad([path], path, ("no publication date", "undated.meta.json"))


def sidecar_with_a_bad_date(tmp: Path) -> Bad:
    article = _file(tmp / "story.txt", TEXT)
    _file(tmp / "story.meta.json", json.dumps({"published": "2011-13-45"}))
    return Bad([article], article, ("2011-13-45",))


def sidecar_with_malformed_json(tmp: Path) -> Bad:
    return _sidecar(tmp, '{"published": ', "not valid JSON")


def sidecar_that_is_a_list(tmp: Path) -> Bad:
    return _sidecar(tmp, "[]", "not a JSON object")


def sidecar_with_a_misspelt_key(tmp: Path) -> Bad:
    return _sidecar(tmp, json.dumps({"publised": DAY}), '"publised"')


def empty_sidecar(tmp: Path) -> Bad:
    return _sidecar(tmp, "", "empty")


def sidecar_with_a_number_as_title(tmp: Path) -> Bad:
    return _sidecar(tmp, json.dumps({"published": DAY, "title": 7}), '"title"', "not a string")


def sidecar_with_nul_in_the_title(tmp: Path) -> Bad:
    return _sidecar(tmp, '{"published": "2011-03-10", "title": "a\\u0000b"}', "NUL", "title")


def sidecar_nested_too_deeply(tmp: Path) -> Bad:
    return _sidecar(tmp, "[" * 100_000 + "]" * 100_000, "too deeply")


# --- .json and .jsonl records -------------------------------------------------------------


def malformed_json(tmp: Path) -> Bad:
    path = _file(tmp / "cut.json", '{"text": "Benghazi", ')
    return Bad([path], path, ("not valid JSON",))


def json_nested_100k_deep(tmp: Path) -> Bad:
    path = _file(tmp / "deep.json", "[" * 100_000 + "]" * 100_000)
    return Bad([path], path, ("too deeply",))


def jsonl_line_nested_100k_deep(tmp: Path) -> Bad:
    return _jsonl(tmp, '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "too deeply")


def json_that_is_one_long_string(tmp: Path) -> Bad:
    path = _file(tmp / "string.json", json.dumps("Benghazi " * 100_000))
    return Bad([path], path, ("not a record", "a string"))


def json_empty_list(tmp: Path) -> Bad:
    path = _file(tmp / "none.json", "[]")
    return Bad([path], path, ("empty list",))


def json_list_of_numbers(tmp: Path) -> Bad:
    path = _file(tmp / "numbers.json", "[1, 2]")
    return Bad([path], path, ("record 1", "not a JSON object"))


def jsonl_of_a_million_empty_lines(tmp: Path) -> Bad:
    path = _file(tmp / "blank.jsonl", "\n" * 1_000_000)
    return Bad([path], path, ("only whitespace",))


def one_bad_line_among_good_ones(tmp: Path) -> Bad:
    good = _record()
    path = _file(tmp / "mixed.jsonl", f"{good}\n{{oops\n")
    return Bad([path], path, ("line 2", "not valid JSON"))


def record_without_text(tmp: Path) -> Bad:
    return _jsonl(tmp, json.dumps({"id": "x", "published": DAY}), "no text")


def record_with_a_number_as_text(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(text=12), '"text"', "not a string")


def record_with_blank_text(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(text=" \n "), "blank")


def record_with_a_list_as_title(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(title=["a"]), '"title"', "a list")


def record_with_a_key_twice(tmp: Path) -> Bad:
    line = '{"text": "Benghazi.", "text": "Tripoli.", "published": "2011-03-10"}'
    return _jsonl(tmp, line, '"text"', "twice")


def lone_surrogate(field_name: str) -> Build:
    def build(tmp: Path) -> Bad:
        value = "Benghazi \\ud800 rebels" if field_name == "text" else "ab\\ud800"
        line = _record()[:-1] + f', "{field_name}": "{value}"}}'
        if field_name in {"text", "id"}:
            line = _record(**{field_name: "placeholder"}).replace('"placeholder"', f'"{value}"')
        at = "10" if field_name == "text" else "3"
        return _jsonl(tmp, line, "lone surrogate", f'"{field_name}"', f"character {at}")

    return build


def nul_character(field_name: str) -> Build:
    def build(tmp: Path) -> Bad:
        line = _record(**{field_name: "placeholder"}).replace('"placeholder"', '"Beng\\u0000hazi"')
        return _jsonl(tmp, line, "NUL", f'"{field_name}"', "character 5")

    return build


def id_of_5000_digits(tmp: Path) -> Bad:
    line = _record(id=0).replace('"id": 0', '"id": ' + "7" * 5000)
    return _jsonl(tmp, line, '"id"', "5,000 characters", "at most 500")


def id_of_10000_characters(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(id="x" * 10_000), '"id"', "10,000 characters")


def id_that_is_a_fraction(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(id=1.5), '"id"', "whole number", "1.5")


def id_that_is_true(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(id=True), '"id"', "true")


def id_that_is_blank(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(id="  "), '"id"', "empty")


def id_with_a_line_break(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(id="a\nb"), '"id"', "control character", "\\n")


def two_records_with_one_id(tmp: Path) -> Bad:
    path = _file(tmp / "twice.jsonl", _record() + "\n" + _record(text="Tripoli.") + "\n")
    return Bad([path], path, ("same id", '"r1"'))


def published_as_a_number(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(published=20110310), "20110310", "a number")


def published_as_a_5000_digit_number(tmp: Path) -> Bad:
    line = _record(published=0).replace('"published": 0', '"published": ' + "9" * 5000)
    return _jsonl(tmp, line, "5,000 digits")


def published_as_infinity(tmp: Path) -> Bad:
    line = _record(published=0).replace('"published": 0', '"published": 1e999')
    return _jsonl(tmp, line, "Infinity")


def published_as_a_list(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(published=["2011-03-10"] * 10_000), "a list")


def published_not_a_date(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(published="2011-13-45"), "2011-13-45", "month")


def published_missing(tmp: Path) -> Bad:
    return _jsonl(tmp, json.dumps({"id": "x", "text": TEXT}), "no publication date")


def published_a_megabyte_long(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(published="2011-03-10" + "x" * 1_000_000), "2011-03-10xxx", "…")


def published_with_a_terminal_escape(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(published="\x1b[2J2011"), "\\u001b[2J2011")


def published_late_on_the_last_day_west_of_utc(tmp: Path) -> Bad:
    return _jsonl(
        tmp, _record(published="9999-12-31T23:00:00-05:00"), "outside the years 1 to 9999"
    )


def published_early_on_the_first_day_east_of_utc(tmp: Path) -> Bad:
    return _jsonl(
        tmp, _record(published="0001-01-01T00:30:00+01:00"), "outside the years 1 to 9999"
    )


def url_longer_than_stored(tmp: Path) -> Bad:
    url = "https://example.org/" + "a" * 3000
    return _jsonl(tmp, _record(url=url), '"url"', "3,020 characters", "at most 2,000")


def url_with_a_control_character(tmp: Path) -> Bad:
    return _jsonl(tmp, _record(url="https://example.org/\x07"), '"url"', "control character")


# --- .html --------------------------------------------------------------------------------


def empty_page(tmp: Path) -> Bad:
    return _page(tmp, b"", "empty")


def page_without_text(tmp: Path) -> Bad:
    return _page(tmp, _dated_page("<nav>Home</nav>"), "no article text")


def page_without_a_date(tmp: Path) -> Bad:
    return _page(tmp, f"<html><body><p>{TEXT}</p></body></html>", "no publication date")


def page_with_a_bad_meta_date(tmp: Path) -> Bad:
    page = _dated_page(f"<p>{TEXT}</p>").replace(DAY, "yesterday")
    return _page(tmp, page, '"yesterday"')


def page_with_bytes_its_charset_lacks(tmp: Path) -> Bad:
    page = _dated_page("<p>Caf\xe9</p>", '<meta charset="utf-8">').encode("latin-1")
    return _page(tmp, page, "utf-8", "0xe9")


def page_declaring_a_charset_browsers_refuse(tmp: Path) -> Bad:
    page = _dated_page(f"<p>{TEXT}</p>", '<meta charset="iso-2022-kr">')
    return _page(tmp, page, '"iso-2022-kr"', "UTF-8")


def page_nested_200k_deep(tmp: Path) -> Bad:
    page = _dated_page("<div>" * 200_000 + f"<p>{TEXT}</p>" + "</div>" * 200_000)
    return _page(tmp, page, "too deeply")


def binary_page(tmp: Path) -> Bad:
    return _page(tmp, b"GIF89a\x00\x01\x00", "binary")


CASES: dict[str, Build] = {
    "a missing path is named": missing_path,
    "a symbolic link to itself is named, not followed": symlink_to_itself,
    "symbolic links in a circle are named": symlinks_in_a_circle,
    "a symbolic link loop in a folder does not stop the run": symlink_loop_in_a_folder,
    "a broken symbolic link names its target": broken_symlink,
    "a fifo named txt is refused without being opened": fifo_named_txt,
    "a fifo in a folder is refused without being opened": fifo_in_a_folder,
    "a symbolic link to dev urandom is refused without being read": symlink_to_urandom,
    "a symbolic link to dev null is a device": symlink_to_dev_null,
    "a unix socket is refused": unix_socket,
    "a file over the size limit says its size and the setting": file_over_the_size_limit,
    "a sidecar that is a folder is named": sidecar_that_is_a_folder,
    "a sidecar that is a fifo is refused without being opened": sidecar_that_is_a_fifo,
    "a sidecar that is a broken link is named": sidecar_that_is_a_broken_link,
    "a sidecar given as the article points at the article": sidecar_named_as_the_article,
    "an unknown extension is named": unknown_extension,
    "a file without extension is named": no_extension,
    "a name with a newline is escaped": name_with_a_newline,
    "a name with a terminal escape is escaped": name_with_a_terminal_escape,
    "a name with a right to left override is escaped": name_with_a_right_to_left_override,
    "a name that is not utf8 is refused and escaped": name_that_is_not_utf8,
    "an empty text file": empty_text_file,
    "a text file of whitespace": whitespace_only_text_file,
    "a text file holding only a bom": text_file_holding_only_a_bom,
    "a binary text file": binary_text_file,
    "a text file with invalid utf8 names the byte": text_file_with_invalid_utf8,
    "a utf16 text file is asked to be utf8": utf16_text_file,
    "a text file without a date asks for a sidecar": text_file_without_a_date,
    "a sidecar with a bad date quotes it": sidecar_with_a_bad_date,
    "a sidecar with malformed json": sidecar_with_malformed_json,
    "a sidecar that is a list": sidecar_that_is_a_list,
    "a sidecar with a misspelt key": sidecar_with_a_misspelt_key,
    "an empty sidecar": empty_sidecar,
    "a sidecar with a number as title": sidecar_with_a_number_as_title,
    "a sidecar with nul in the title": sidecar_with_nul_in_the_title,
    "a sidecar nested 100k deep": sidecar_nested_too_deeply,
    "malformed json": malformed_json,
    "json nested 100k deep": json_nested_100k_deep,
    "a jsonl line nested 100k deep": jsonl_line_nested_100k_deep,
    "a json file that is one long string": json_that_is_one_long_string,
    "a json empty list": json_empty_list,
    "a json list of numbers": json_list_of_numbers,
    "a jsonl of a million empty lines": jsonl_of_a_million_empty_lines,
    "one bad jsonl line fails the whole file": one_bad_line_among_good_ones,
    "a record without text": record_without_text,
    "a record with a number as text": record_with_a_number_as_text,
    "a record with blank text": record_with_blank_text,
    "a record with a list as title": record_with_a_list_as_title,
    "a record with a key twice": record_with_a_key_twice,
    "a lone surrogate in the text names the field and place": lone_surrogate("text"),
    "a lone surrogate in the title": lone_surrogate("title"),
    "a lone surrogate in the source": lone_surrogate("source"),
    "a lone surrogate in the url": lone_surrogate("url"),
    "a lone surrogate in the id": lone_surrogate("id"),
    "a nul in the text names the field and place": nul_character("text"),
    "a nul in the title": nul_character("title"),
    "a nul in the source": nul_character("source"),
    "an id of 5000 digits": id_of_5000_digits,
    "an id of 10000 characters": id_of_10000_characters,
    "an id that is a fraction": id_that_is_a_fraction,
    "an id that is true": id_that_is_true,
    "a blank id": id_that_is_blank,
    "an id with a line break": id_with_a_line_break,
    "two records with one id": two_records_with_one_id,
    "a date that is a number": published_as_a_number,
    "a date of 5000 digits": published_as_a_5000_digit_number,
    "a date of infinity": published_as_infinity,
    "a date that is a list": published_as_a_list,
    "a date that is no date": published_not_a_date,
    "a record without a date": published_missing,
    "a date a megabyte long is quoted short": published_a_megabyte_long,
    "a date with a terminal escape is quoted escaped": published_with_a_terminal_escape,
    "a date past 9999 in utc": published_late_on_the_last_day_west_of_utc,
    "a date before year 1 in utc": published_early_on_the_first_day_east_of_utc,
    "a url longer than can be stored": url_longer_than_stored,
    "a url with a control character": url_with_a_control_character,
    "an empty page": empty_page,
    "a page without text": page_without_text,
    "a page without a date": page_without_a_date,
    "a page with a bad meta date": page_with_a_bad_meta_date,
    "a page with bytes its charset lacks": page_with_bytes_its_charset_lacks,
    "a page declaring a charset browsers refuse": page_declaring_a_charset_browsers_refuse,
    "a page nested 200k deep": page_nested_200k_deep,
    "a binary page": binary_page,
}


def _rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of newsmap's tables but those of the good file's article."""
    good = set(Article.objects.filter(origin__endswith="good.jsonl#g").values_list("id", flat=True))
    tables: dict[str, list[tuple[Any, ...]]] = {}
    models = [*apps.get_app_config("events").get_models(), Event.places.through]
    for model in models:
        rows = model.objects.all()
        names = {f.name for f in model._meta.fields}
        if model is Article:
            rows = rows.exclude(id__in=good)
        elif "article" in names:
            rows = rows.exclude(article_id__in=good)
        elif model is Event.places.through:
            rows = rows.exclude(event__article_id__in=good)
        tables[model._meta.db_table] = sorted(rows.values_list(), key=repr)
    return tables


def _checksum(tables: dict[str, list[tuple[Any, ...]]]) -> str:
    return hashlib.sha256(repr(sorted(tables.items())).encode()).hexdigest()


@pytest.fixture
def stored_before(tmp_path: Path) -> None:
    """An article, its place, mentions and events already stored: a bad file leaves them,
    and the good file's place (Benghazi again) is one of them."""
    earlier = _file(tmp_path / "earlier.jsonl", _record(id="e") + "\n")
    call_command("ingest", str(earlier), stdout=StringIO(), stderr=StringIO())
    assert Place.objects.exists() and Event.objects.exists()


@contextlib.contextmanager
def _fifo_watchdog(folder: Path) -> Iterator[None]:
    """Should a FIFO under folder be opened for reading after all, it gets a writer that
    closes at once after 10 s: the read ends and the case fails instead of hanging."""
    done = threading.Event()

    def unblock() -> None:
        if done.wait(10):
            return
        for path in folder.rglob("*"):
            if path.is_fifo():
                with contextlib.suppress(OSError):
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Thread(target=unblock, daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        done.set()
        watchdog.join()


def _ingest(*paths: Path) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def _sentence(name: str) -> str:
    return name.replace(" ", "_")


@pytest.mark.django_db
@pytest.mark.parametrize("build", list(CASES.values()), ids=[_sentence(n) for n in CASES])
def test_bad_input_gets_one_line_stores_the_good_file_and_changes_nothing_else(
    build: Build, tmp_path: Path, settings: Any, stored_before: None
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    bad = build(folder)
    for name, value in bad.settings.items():
        setattr(settings, name, value)
    good = _file(
        tmp_path / "good.jsonl",
        json.dumps({"id": "g", "text": GOOD_TEXT, "published": "2011-03-12"}) + "\n",
    )
    before = _rows()

    with _fifo_watchdog(folder):
        out, err, status = _ingest(*bad.paths, good)

    assert status == 1, out + err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(printable(bad.names.as_posix()) + ": "), lines[0]
    reason = lines[0].lower()
    missing = [words for words in bad.says if words.lower() not in reason]
    assert not missing, f"{lines[0]!r} does not say {missing}"
    assert "1 error" in out
    assert Article.objects.get(origin=f"{good.as_posix()}#g").events.exists()
    after = _rows()
    assert _checksum(after) == _checksum(before)
    assert after == before


def test_there_are_at_least_sixty_kinds_of_bad_input() -> None:
    assert len(set(CASES.values())) == len(CASES) >= 60

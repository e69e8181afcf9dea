"""Names and values from files are printed escaped: they cannot break a line or restyle
the terminal, in error lines or in the progress bar."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from events.terminal import printable


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("one\ntwo", "one\\ntwo"),
        ("tab\there\r", "tab\\there\\r"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\x07 del\x7f c1\x9b", "bell\\x07 del\\x7f c1\\x9b"),
        ("line\u2028sep", "line\\u2028sep"),
        ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),
        ("caf\udce9.txt", "caf\\xe9.txt"),  # the byte 0xe9 of a name that is not UTF-8
        ("half \ud800 pair", "half \\ud800 pair"),
    ],
)
def test_characters_that_break_or_restyle_a_line_are_escaped(text: str, printed: str) -> None:
    assert printable(text) == printed


def test_ordinary_text_in_any_script_is_kept_as_it_is() -> None:
    text = 'Benghazi, بنغازي, Zürich, 東京 and "quotes" \\ backslashes'
    assert printable(text) == text


def test_escaping_twice_reads_the_same() -> None:
    once = printable("a\nb\x1b")
    assert printable(once) == once


class _Terminal(StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_the_progress_bar_and_the_error_line_print_a_hostile_name_escaped(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "x\n\x1b[2Jy.jsonl"
    bad.write_text(json.dumps({"id": "1", "text": "Benghazi."}) + "\n")
    err = _Terminal()
    with pytest.raises(CommandError):
        call_command("ingest", str(bad), stdout=StringIO(), stderr=err)
    written = err.getvalue()
    assert "1/1 files" in written  # the bar was drawn, with the file's name
    assert "\x1b" not in written
    assert "x\\n\\x1b[2Jy.jsonl" in written
    # The bar redraws its line with \r; the only line end closes the one error line.
    assert written.count("\n") == 1

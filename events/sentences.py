"""Split article text into sentences, keeping offsets into the original text.

News copy has one paragraph a line; photo captions sit on their own line behind
a short label ("Battle: A rebel vehicle is hit…"). A line break always ends a
sentence; inside a line, a full stop ends one unless it closes an abbreviation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Abbreviations that end with a full stop but rarely end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "dept",
        "est",
        "approx",
        "fig",
        "pres",
        "sec",
        "univ",
    ]
)

_SENTENCE_END = re.compile(r"""[.!?]+["'’”)\]]*(?=\s+["'‘“(\[]?[A-Z0-9])""")
# "Battle: ", "Rallying cry: ", "Forced back: " — a caption's label.
_CAPTION_LABEL = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,3}: (?=\S)")
_NOT_A_LABEL = frozenset({"said", "says", "told", "added", "wrote", "asked", "reported"})
# A caption is a line or two under a picture; a longer line behind a label ("HISTORY: The
# British established …", a fact box) is a paragraph, split into sentences as any.
CAPTION_MAX_CHARS = 320


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    is_caption: bool


def _is_caption(line: str) -> bool:
    if len(line) > CAPTION_MAX_CHARS:
        return False
    match = _CAPTION_LABEL.match(line)
    if not match:
        return False
    label_words = match.group(0)[:-2].lower().split()
    return not _NOT_A_LABEL.intersection(label_words)


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at text[stop] closes an abbreviation (U.S., Mr., A.)."""
    word_start = stop
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:stop]
    if not word:
        return False
    if "." in word or len(word) == 1:
        return True  # U.S. / U.N. / initials
    return word.lower() in ABBREVIATIONS


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
            continue
        yield cursor, match.end()
        cursor = match.end()
        while cursor < end and text[cursor].isspace():
            cursor += 1
    if cursor < end:
        yield cursor, end


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        stripped = line.strip()
        if not stripped:
            continue
        # Offsets skip the line's leading and trailing white space.
        line_start += len(line) - len(line.lstrip())
        line_end -= len(line) - len(line.rstrip())
        caption = _is_caption(stripped)
        for start, end in _split_line(text, line_start, line_end):
            end_trimmed = end
            while end_trimmed > start and text[end_trimmed - 1].isspace():
                end_trimmed -= 1
            sentences.append(Sentence(start, end_trimmed, text[start:end_trimmed], caption))
    return sentences

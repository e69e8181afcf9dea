"""A headline for an event: its lead sentence's main clause, in about 80 characters.

"The military forces of Moammar Gadhafi on Friday pounded Ras Lanuf, the key oil
port once in the hands of rebel forces, with its leadership confidently vowing…"
reads on a card as "The military forces of Moammar Gadhafi pounded Ras Lanuf".
Only trims: every headline is the sentence with parts left out (labels,
datelines, attributions, asides, day names, trailing clauses), never reworded;
the full sentence stays with the event.
"""

from __future__ import annotations

import re

LIMIT = 80
# A cut before this many characters leaves too little to read.
MIN_CLAUSE = 40
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"

# Each trim: what it leaves out, in the order they apply.
TRIMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Battle: A rebel vehicle is hit…", a caption's label.
    ("label", re.compile(r"^[A-Z][\w'-]*(?:\s[\w'-]+){0,2}:\s+(?=[A-Z])")),
    # "TRIPOLI, March 10 (Reuters) - ", a wire dateline.
    (
        "dateline",
        re.compile(r"^[A-Z][A-Z .,'-]{2,}(?:,[^()\-–—]{0,30})?(?:\([^)]*\))?\s*[-–—]+\s*"),
    ),
    # "… said Friday that Libya has…": what was said is the news.
    (
        "attribution",
        re.compile(
            r"^.{0,140}?\b(?:said|says|told \w+|announced|noted|reported|stated)"
            rf"(?: (?:on )?{_DAY})? that\s+"
        ),
    ),
    # "On Thursday, ", "In Brussels, Belgium, ", "Even as it targeted its enemies, ".
    (
        "setting",
        re.compile(
            r"^(?:On|In|At|By|As of|Along with|Earlier|Later|Meanwhile|However|"
            r"Also|Still|Instead|Moreover|Even as|As|While|Although|Though|After|"
            r"Before|When|Since|Despite|Amid|Following)\b[^,]{0,60},"
            r"(?:\s[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?,)?\s+"
        ),
    ),
    # "(AFP)", "-- as expected --": asides in brackets or dashes.
    # Only where a space or a stop follows: "( SET)index", glued to its word, stays.
    ("brackets", re.compile(r"\s*\([^()]{0,80}\)(?=[\s,.;:!?]|$)")),
    ("dashes", re.compile(r"\s+[-–—]{1,2}\s[^-–—]{0,80}\s[-–—]{1,2}(?=\s)")),
    # ", son of Libyan Leader Moammar Gadhafi, ", ", for instance, ": appositives and asides.
    (
        "aside",
        re.compile(
            r",\s(?:a|an|the|one of|son of|daughter of|wife of|for instance|"
            r"for example|however|who|which|whose|meanwhile|in turn)\b[^,]{0,70},(?=\s)"
        ),
    ),
    # " on Friday", " today": the card shows the date.
    (
        "day",
        re.compile(
            rf"\s(?:on |early |late |last |this )?{_DAY}(?: (?:morning|afternoon|evening|night))?\b"
        ),
    ),
    # ", the U.N. refugee agency said." at the end.
    (
        "source",
        re.compile(r",[^,]{0,80}\b(?:said|says|reported|added|according to [^,]{0,60})\.?$"),
    ),
)

# Where a clause that only adds to the main one starts.
_CLAUSE = re.compile(r",\s|;\s|\s(?:as|after|while|when|despite|before|amid|because)\s")
_WEAK_END = re.compile(
    r"(?:\s(?:the|a|an|of|and|or|but|yet|so|that|which|who|to|in|on|at|for|by|with|from|its|his|her"
    r"|their))+$"
)


# A full stop ends a sentence after a lower-case word, a number or a closing
# quote, not after "U.S." or "Mr.".
_STOP = re.compile(r"[.!?]['\"”’]?\s+(?=[A-Z'\"“‘])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bMrs?|\bMs|\bDr|\bSt|\bGen|\bSen|\bRep|\bGov|\bCol|\bLt"
    r"|\bJr|\bNo|\bvs)$"
)


def _first_sentence(text: str) -> str:
    for stop in _STOP.finditer(text):
        if not _ABBREVIATION.search(text, max(0, stop.start() - 4), stop.start()):
            return text[: stop.start() + 1]
    return text


def _trim(text: str) -> str:
    for _name, pattern in TRIMS:
        trimmed = pattern.sub("", text, count=1)
        # A trim that would leave a stub is no trim.
        if len(trimmed.split()) >= 3:
            text = trimmed
    return text


def _cut(text: str) -> str:
    """The text up to the last clause boundary that keeps it within LIMIT."""
    if len(text) <= LIMIT:
        return text
    best = 0
    for match in _CLAUSE.finditer(text):
        # The first boundary past a short clause: the main clause ends there.
        if MIN_CLAUSE <= match.start() <= LIMIT:
            best = match.start()
            break
    if best:
        return _WEAK_END.sub("", text[:best])
    words = text[: LIMIT - 1].rsplit(" ", 1)[0]
    return _WEAK_END.sub("", words.rstrip(",;:")) + "…"


def headline(sentence: str) -> str:
    """About LIMIT characters of the sentence's main clause (never over LIMIT + 1)."""
    text = _trim(_first_sentence(" ".join(sentence.split())))
    text = _cut(text).strip().rstrip(".,;:").strip()
    # Quotation marks left open by a cut say nothing; drop an unmatched one.
    for mark in ('"', "“", "”"):
        if text.count(mark) == 1:
            text = text.strip(mark).strip()
    first = text[:1].upper()
    # "ß".upper() is "SS" and "µ".upper() another letter: those stay as they are.
    return (first if first.lower() == text[:1] else text[:1]) + text[1:]

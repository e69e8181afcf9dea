"""Who says what a sentence reports as said: the speaker of a statement.

News attributes a quotation or a claim in a few set ways, and these are read in
order, the first that fits giving the speaker:

- after the quotation: '"We will retake the east," Saif al-Islam said.' or
  '…, said Deputy Foreign Minister Khaled Kaim.';
- before it, as the subject of a verb of saying: 'Larijani said that …',
  'The State Department said Tuesday …', 'Beijing warned …';
- 'according to the ministry'.

A speaker is a name (capitalised words, with the small words names hold: "of",
"al-", "bin") or a body ("the ministry", "a spokesman"), at most SPEAKER_WORDS
words. A pronoun ("he said") names nobody: no speaker, rather than a wrong one.
"""

from __future__ import annotations

import re

SPEAKER_WORDS = 8
MAX_CHARS = 100

_SAY = (
    r"(?:said|says|told|added|warned|stated|declared|announced|insisted|stressed|noted"
    r"|claimed|vowed|urged|argued|explained|asserted|pledged|promised|threatened"
    r"|reiterated|repeated|confirmed|denied|charged|complained)"
)
# A name: capitalised words and the small words between them ("Ban Ki-moon",
# "Secretary of State Hillary Clinton", "Abu Omar al-Saif"), or "the"/"a" and a
# body's words ("the foreign ministry", "a military spokesman").
_ROLE = r"(?:coach|minister|president|premier|spokesman|spokeswoman|leader|chief|secretary"
_ROLE += r"|chairman|director|general|ambassador|envoy|commander|governor|mayor|negotiator)"
# A role may follow one plain word of its own: "sports minister", "foreign minister".
_NAME_WORD = (
    rf"(?:[A-Z][\w.'’-]*|al-\w+|bin|of|de|van|von|the|for|(?:[a-z]+\s+)?{_ROLE})(?![\w'’-])"
)
_NAME = rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,{SPEAKER_WORDS - 1}}})"
_BODIES = (
    "ministry|spokesman|spokeswoman|spokesperson|official|officials|police|army|military"
    "|government|agency|source|sources|committee|council|department|embassy|court"
    "|commission|minister|president|leader"
)
_BODY = rf"(?:(?:[Tt]he|[Aa]n?)\s+(?:[\w'-]+\s+){{0,4}}(?:{_BODIES})(?:\s+{_NAME})?)"
# Bodies that speak without an article: "…, police said."
_BARE = r"(?:police|officials|witnesses|sources|residents|analysts|diplomats|experts)"
_WHO = rf"(?P<who>{_BODY}|{_NAME}|{_BARE})"

_AFTER_QUOTE = [
    # '"…," Saif al-Islam said.' / '"…," he added' (no speaker then).
    re.compile(rf"[\"”’],?\s+{_WHO},?\s+{_SAY}\b"),
    # '"…," said Deputy Foreign Minister Khaled Kaim.'
    re.compile(rf"[\"”’],?\s+{_SAY}\s+{_WHO}"),
    # '…, said Deputy Foreign Minister Khaled Kaim.' at the end of a sentence.
    re.compile(rf",\s+{_SAY}\s+{_WHO}[.,]?\s*$"),
    # '…, the ministry said.' at the end.
    re.compile(rf",\s+{_WHO}\s+{_SAY}\.?\s*$"),
]
# 'Larijani said that …' / 'The State Department said Tuesday …' at the start.
# An aside may stand between the speaker and the verb ("Kaim, for instance, said").
_SUBJECT = re.compile(
    rf"^(?:[A-Z][\w ,'-]{{0,40}},\s+)?{_WHO}(?:,[^,\"]{{1,80}},)?\s+"
    rf"(?:(?:also|has|had|again|on \w+|\w+day)\s+)?{_SAY}\b"
)
_ACCORDING = re.compile(rf"\baccording to\s+{_WHO}")

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "this", "that"})
_LEADING = re.compile(r"^(?:But|And|However|Also|Meanwhile|Earlier|Later|Then)\s+")


def speaker(sentence: str) -> str:
    """The speaker the sentence names for what it reports as said, or ''."""
    for pattern in (*_AFTER_QUOTE, _SUBJECT, _ACCORDING):
        match = pattern.search(sentence)
        if match and (who := _clean(match.group("who"))):
            return who
    return ""


def _clean(who: str) -> str:
    who = _LEADING.sub("", who.strip(" ,.")).strip()
    words = who.split()
    # Small words that end a name belong to what follows ("Annan of" …).
    while words and words[-1].lower() in {"of", "the", "for", "de", "van", "von"}:
        words.pop()
    if not words or words[0].lower() in _PRONOUNS or len(words) > SPEAKER_WORDS:
        return ""
    if words[0] in {"The", "A", "An"}:
        words[0] = words[0].lower()
    return " ".join(words)[:MAX_CHARS]

"""Text from files and file names made safe to print as one line on a terminal.

A file may be named "a\\nb.txt" or carry an ANSI escape ("\\x1b[31m") in its name or in
a record's fields; printed as they are, they break an error report across lines, colour
or clear the terminal, or (bidirectional overrides) show the name in another order.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (U+0085 is a line end to some terminals), the line and
# paragraph separators, bidirectional overrides and isolates, and lone surrogates
# (which is how Python holds a file name's bytes that are not UTF-8).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:
        # os.fsdecode's stand-in for the byte 0x80-0xff that is not UTF-8.
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """text with every character that could break or restyle a terminal line escaped
    as Python's repr writes it (\\n, \\x1b, \\u202e); everything else is kept, so that a
    name in any script still reads as itself. Backslashes are kept too, which makes
    the function idempotent: a message escaped twice reads the same."""
    return _UNSAFE.sub(_escape, text)

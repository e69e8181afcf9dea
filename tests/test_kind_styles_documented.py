"""docs/kinds.md's table of labels, colours and symbols is events/kind_styles.py's."""

from __future__ import annotations

import re

from django.conf import settings

from events.kind_styles import KIND_STYLES


def test_the_documented_styles_are_the_ones_served() -> None:
    text = (settings.BASE_DIR / "docs" / "kinds.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z_]+) \| ([^|]+) \| `(#[0-9a-f]{6})` \| (\S) \|$", text, re.M)
    assert rows == [(s.kind, s.label, s.colour, s.symbol) for s in KIND_STYLES.values()]

"""How each kind of event looks, in one place: its label, its colour and its symbol.

The embed, the article page and the map (through /api/kinds and /kinds.css)
all read these, so that "fighting" is the same red cross everywhere a reader
meets it. The kinds themselves, and their order, are the classifier's
(events/extraction/happenings/kinds.py); the labels are the Event model's
choices, so that the admin says what the pages say.

Each colour is dark enough for white text on it (at least 4.5:1, WCAG AA),
and so for a badge with its label on either theme; the symbol tells kinds
apart for readers who cannot tell the colours apart. Symbols are from
Unicode's geometric shapes and dingbats, which every system font has.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from events.extraction.happenings import KINDS


@dataclass(frozen=True, slots=True)
class KindStyle:
    kind: str
    label: str
    colour: str  # "#rrggbb"
    symbol: str


# In the order a legend lists them: acts of violence first, "other" last.
_STYLES = {
    "fighting": ("#b91c1c", "✖"),
    "violence_against_civilians": ("#831843", "▼"),
    "protest": ("#c2410c", "▲"),
    "diplomacy": ("#1d4ed8", "◆"),
    "sanctions": ("#6d28d9", "■"),
    "humanitarian": ("#15803d", "✚"),
    "statement": ("#0e7490", "●"),
    "politics": ("#854d0e", "□"),
    "economy": ("#4d7c0f", "◇"),
    "disaster": ("#be185d", "★"),
    "crime": ("#334155", "△"),
    "other": ("#5b6472", "○"),
}


def label_of(kind: str) -> str:
    """The kind as a reader reads it: "Violence against civilians" (the model's choice label)."""
    return kind.replace("_", " ").capitalize()


KIND_STYLES: dict[str, KindStyle] = {
    kind: KindStyle(kind, label_of(kind), colour, symbol)
    for kind, (colour, symbol) in _STYLES.items()
}


def style_of(kind: str) -> KindStyle:
    """The kind's style; a kind no longer in the taxonomy looks like "other"."""
    return KIND_STYLES.get(kind, KIND_STYLES["other"])


def unstyled() -> set[str]:
    """Kinds with no style here and styles of no kind: none (a test says so)."""
    return set(KIND_STYLES) ^ set(KINDS)


def as_json() -> list[dict[str, Any]]:
    """Every kind's style, in legend order: what /api/kinds answers."""
    return [asdict(style) for style in KIND_STYLES.values()]


def css() -> str:
    """A class per kind that sets --kind-colour: what /kinds.css serves.

    Only the colour: pages write the symbol into their markup (aria-hidden, next
    to the label), so that a screen reader reads the label once, not a shape."""
    rules = [f".kind-{s.kind} {{ --kind-colour: {s.colour}; }}" for s in KIND_STYLES.values()]
    head = "/* From events/kind_styles.py: one class per kind of event. */"
    return "\n".join([head, *rules]) + "\n"

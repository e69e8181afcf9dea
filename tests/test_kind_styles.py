"""One label, colour and symbol per kind of event, for every page: /api/kinds and /kinds.css."""

from __future__ import annotations

import re

from django.test import Client

from events.extraction.happenings import KINDS
from events.kind_styles import KIND_STYLES, style_of, unstyled
from events.models import KIND_CHOICES


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_every_kind_the_classifier_gives_has_a_style_and_no_style_is_of_no_kind() -> None:
    assert unstyled() == set()


def test_labels_are_the_models_choices_so_the_admin_says_what_the_pages_say() -> None:
    assert {style.kind: style.label for style in KIND_STYLES.values()} == dict(KIND_CHOICES)


def test_colours_and_symbols_tell_every_kind_apart() -> None:
    styles = list(KIND_STYLES.values())
    assert len({style.colour for style in styles}) == len(styles)
    assert len({style.symbol for style in styles}) == len(styles)
    assert all(len(style.symbol) == 1 for style in styles)


def test_white_text_on_each_colour_reads_at_wcag_aa() -> None:
    for style in KIND_STYLES.values():
        assert contrast_with_white(style.colour) >= 4.5, style


def test_a_kind_no_longer_in_the_taxonomy_looks_like_other() -> None:
    assert style_of("riot") == KIND_STYLES["other"]


def test_api_kinds_lists_each_kind_with_its_label_colour_and_symbol(
    client: Client, db: None
) -> None:
    response = client.get("/api/kinds")
    assert response.status_code == 200
    body = response.json()
    assert [item["kind"] for item in body] == list(KIND_STYLES)
    assert set(KINDS) == {item["kind"] for item in body}
    fighting = body[0]
    assert fighting == {"kind": "fighting", "label": "Fighting", "colour": "#b91c1c", "symbol": "✖"}


def test_kinds_css_sets_each_kinds_colour_on_its_class(client: Client, db: None) -> None:
    response = client.get("/kinds.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "max-age=3600" in response["Cache-Control"]
    rules = dict(
        re.findall(r"\.kind-([a-z_]+) \{ --kind-colour: (#[0-9a-f]{6}); \}", response.text)
    )
    assert rules == {style.kind: style.colour for style in KIND_STYLES.values()}

"""The embed's repeated markup, one card and one date button per event or day.

Written here rather than in templates/embed/timeline.html because the template
engine spent 90-190 ms on 500 cards (a few microseconds for each of the ten
thousand variables and tags), most of the embed's time; format_html writes the
same markup in a few. Every string is escaped as Django's templates escape it:
article text and place names reach the page as text only (tests/test_embed_timeline.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString, mark_safe

from events.api_timeline import safe_url, says_more
from events.kind_styles import style_of

if TYPE_CHECKING:
    from events.embed import Card, Group

# Each {} is filled with escape(value): the same five characters Django's
# escaping replaces, without its lazy-string wrappers (a third of the time).
_CARD = (
    '\n<li class="nm-card kind-{7}" id="nm-card-{0}" tabindex="-1" data-index="{0}"'
    ' data-places="{1}" data-kind="{7}"><time class="nm-date" datetime="{2}">{3}</time>'
    "{8}{4}{5}"
    '<p class="nm-source">{6}</p></li>'
)
# The kind: its symbol for the eye (the label says it to a screen reader).
_KIND = '<p class="nm-kind"><span class="nm-kind-mark" aria-hidden="true">{0}</span> {1}</p>'
# The headline, and the whole sentence one click (or Enter) away: <details> is
# keyboard operable and needs no script.
_HEADLINE = (
    '<details class="nm-detail"><summary class="nm-headline">{0}'
    '<span class="nm-sr"> (the whole sentence)</span></summary>'
    '<p class="nm-text">{1}</p></details>'
)
_CAPTION = '<p class="nm-caption">Photo caption</p>'
_SENTENCE = '<p class="nm-text nm-headline">{0}</p>'
_LINK = (
    '<a href="{}" target="_blank" rel="noopener noreferrer">{}'
    '<span class="nm-sr"> (opens in a new tab)</span></a>'
)
_BUTTON = (
    '\n<li><button type="button" data-index="{0}" aria-controls="nm-track">'
    '<span class="nm-axis-label">{1}</span> '
    '<span class="nm-axis-n" aria-label="{2} event{3}">{2}</span></button></li>'
)


def _places(card: Card) -> str:
    if not card.places:
        return ""
    names = "".join(f"<li>{escape(place['name'])}</li>" for place in card.places)
    return f'<ul class="nm-places" aria-label="Places">{names}</ul>'


def _source(card: Card) -> str:
    own = _link(card.url, card.source)
    if card.told.reports == 1:
        return own
    # Each source once: two AFP stories are one name to a reader; the count says two.
    named = {card.source}
    others = []
    for source in card.told.sources:
        name = source["source"] or source["title"]
        if name not in named:
            named.add(name)
            others.append(_link(safe_url(source["url"]), name))
    told = f'<span class="nm-reports">{card.told.reports} reports</span>'
    return told + " · " + ", ".join([own, *others])


def _link(url: str, source: str) -> str:
    if url:
        return _LINK.format(escape(url), escape(source or "Source"))
    return escape(source)


def _text(card: Card) -> str:
    # A photo's caption says so: it describes a picture the embed does not show.
    told = _CAPTION if card.caption else ""
    if says_more(card.headline, card.text):
        return told + _HEADLINE.format(escape(card.headline), escape(card.text))
    return told + _SENTENCE.format(escape(card.text))


def _card(card: Card) -> str:
    style = style_of(card.kind)
    return _CARD.format(
        card.index,
        escape(card.place_ids),
        card.date_start.isoformat(),
        escape(card.label),
        _text(card),
        _places(card),
        _source(card),
        style.kind,
        _KIND.format(escape(style.symbol), escape(_kind_label(style.label, card.speaker))),
    )


def _kind_label(label: str, speaker: str) -> str:
    # A statement says whose: "Statement · Larijani".
    return f"{label} · {speaker}" if speaker else label


def cards_html(cards: Iterable[Card]) -> SafeString:
    """The <li> of each card, for the track's <ol>."""
    return mark_safe("".join(_card(card) for card in cards))  # every value escaped above


def axis_html(groups: Iterable[Group]) -> SafeString:
    """A button per day (or month, or year) on the date strip, with its count."""
    return mark_safe(  # every value escaped above
        "".join(
            _BUTTON.format(g.first_index, escape(g.label), g.count, "" if g.count == 1 else "s")
            for g in groups
        )
    )

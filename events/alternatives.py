"""The gazetteer's other candidates for a place's name, for editors to switch to.

"Windsor" is a town in England and a city in Ontario; the pipeline picks one from
the article's context, and when it picks wrong the editor needs the others at
hand, not a search. Read from the offline gazetteer, never the network.
"""

from __future__ import annotations

from events.gazetteer import Entry, GazetteerError
from events.geocoder import OfflineGazetteer
from events.models import Place

# More than this is a list nobody reads; the most populous come first.
SHOWN = 8


def is_same(entry: Entry, place: Place) -> bool:
    if entry.geonameid is not None and place.geonameid is not None:
        return entry.geonameid == place.geonameid
    return bool(place.gazetteer_key) and entry.key == place.gazetteer_key


def candidates(place: Place, gazetteer: OfflineGazetteer | None = None) -> list[Entry]:
    """What else the place's name could mean, best first; [] without a gazetteer."""
    try:
        found = (gazetteer or OfflineGazetteer()).candidates(place.name)
    except GazetteerError:
        return []
    return [entry for entry in found if not is_same(entry, place)][:SHOWN]


def find(place: Place, key: str) -> Entry | None:
    """The candidate with this gazetteer key, if the name can mean it."""
    return next((entry for entry in candidates(place) if entry.key == key), None)


def describe(entry: Entry) -> str:
    """'City or town in GB, population 30,000': enough to tell two Windsors apart."""
    kind = Place.Kind(entry.kind).label if entry.kind in Place.Kind.values else entry.kind
    where = f" in {entry.country_code}" if entry.country_code else ""
    people = f", population {entry.population:,}" if entry.population else ""
    return f"{kind}{where}{people} ({entry.lat:.2f}, {entry.lon:.2f})"

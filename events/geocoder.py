"""geopy geocoders for newsmap: the offline gazetteer, and Nominatim backed by it.

settings.GEOCODER picks one through get_geocoder(). Both speak geopy's
Geocoder interface so callers can swap them without caring which is in use.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from events.gazetteer import Entry, Gazetteer, normalize

logger = logging.getLogger(__name__)

# Nominatim's usage policy allows at most one request per second.
NOMINATIM_MIN_INTERVAL = 1.0


@lru_cache(maxsize=4)
def _shared_gazetteer(path: Path) -> Gazetteer:
    # One read-only connection per index file and process: geocoders are
    # created freely (per request, per task) and must not each reopen it.
    return Gazetteer.open(path)


def _country_code_filter(country_codes: str | Iterable[str] | None) -> set[str] | None:
    if country_codes is None:
        return None
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    codes = {code.strip().upper() for code in country_codes if code.strip()}
    return codes or None


def _looks_like_abbreviation(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def to_location(entry: Entry) -> Location:
    address = f"{entry.name}, {entry.country_code}" if entry.country_code else entry.name
    return Location(address, (entry.lat, entry.lon), dataclasses.asdict(entry))


class OfflineGazetteer(Geocoder):
    """Geocodes against newsmap's offline gazetteer index; never touches the network."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, path: Path | None = None) -> None:
        super().__init__(user_agent="newsmap-offline-gazetteer")
        self._gazetteer = gazetteer
        self._path = path

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            path = Path(self._path) if self._path else Path(settings.GAZETTEER_PATH)
            self._gazetteer = _shared_gazetteer(path.resolve())
        return self._gazetteer

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        *,
        limit: int | None = None,
        timeout: object = None,
    ) -> Location | list[Location] | None:
        """Best match first; "Paris, France" and "Springfield, Illinois, US" narrow the search.

        timeout is accepted for drop-in compatibility with network geocoders.
        """
        entries = self.candidates(query, country_codes=country_codes)
        if exactly_one:
            return to_location(entries[0]) if entries else None
        if limit is not None:
            entries = entries[:limit]
        return [to_location(entry) for entry in entries]

    def candidates(
        self, query: str, *, country_codes: str | Iterable[str] | None = None
    ) -> list[Entry]:
        """Every entry the query could mean, best first."""
        codes = _country_code_filter(country_codes)
        parts = [part.strip() for part in str(query).split(",") if part.strip()]
        if not parts:
            return []
        # A name that itself contains a comma ("Washington, D.C.") wins over
        # reading the comma as "place, qualifier".
        if len(parts) == 1 and _looks_like_abbreviation(parts[0]):
            # "UN" must not become Un, India: all-caps tokens only match
            # curated abbreviations of countries and regions.
            found = self.gazetteer.lookup_abbreviation(parts[0])
            return self._rank(parts[0], self._filter(found, codes, None))
        whole = self._filter(self.gazetteer.lookup(query), codes, None)
        if whole or len(parts) == 1:
            return self._rank(parts[0], whole)

        admin1: set[str] | None = None
        country = self._as_country(parts[-1])
        if country is not None:
            if codes is not None and country not in codes:
                return []
            codes = {country}
            parts = parts[:-1]
        if len(parts) > 1:
            regions = [
                entry
                for entry in self.gazetteer.lookup(parts[-1])
                if entry.kind == "region" and (codes is None or entry.country_code in codes)
            ]
            if regions:
                admin1 = {entry.admin1 for entry in regions}
                parts = parts[:-1]
        name = parts[0]
        found = self._filter(self.gazetteer.lookup(name), codes, admin1)
        if not found and admin1 is not None:
            # The qualifier may be a region GeoNames files the place under differently.
            found = self._filter(self.gazetteer.lookup(name), codes, None)
        return self._rank(name, found)

    def _as_country(self, text: str) -> str | None:
        for entry in self.gazetteer.lookup(text):
            if entry.kind == "country":
                return entry.country_code
        if text.isupper() or "." in text:
            for entry in self.gazetteer.lookup_abbreviation(text):
                if entry.kind == "country":
                    return entry.country_code
            if len(text) == 2 and (entry := self.gazetteer.country(text)) is not None:
                return entry.country_code
        return None

    @staticmethod
    def _filter(
        entries: list[Entry], codes: set[str] | None, admin1: set[str] | None
    ) -> list[Entry]:
        return [
            entry
            for entry in entries
            if (codes is None or entry.country_code in codes)
            and (admin1 is None or entry.admin1 in admin1)
        ]

    @staticmethod
    def _rank(name: str, entries: list[Entry]) -> list[Entry]:
        norm = normalize(name)

        # A country named exactly ("Georgia") beats a region or town of that
        # name; otherwise a place whose own name matches beats one matched only
        # through an alternate name (Tripoli the city over the Ţarābulus
        # district), then the more populous wins.
        def score(entry: Entry) -> tuple[bool, bool, int]:
            return (entry.kind == "country", normalize(entry.name) == norm, entry.population)

        ranked = sorted(entries, key=score, reverse=True)
        if ranked and ranked[0].kind == "region":
            # A region's population is the sum of its towns, so it outweighs
            # its namesake city (São Paulo, New York, Kyiv); news means the city.
            region = ranked[0]
            namesakes = [e for e in ranked if e.kind == "city" and e.admin1 == region.admin1]
            if namesakes:
                ranked.remove(namesakes[0])
                ranked.insert(0, namesakes[0])
        return ranked

    def reverse(self, query: object, *args: Any, **kwargs: Any) -> Location | None:
        raise NotImplementedError(
            "OfflineGazetteer cannot reverse-geocode: the index maps names to points, "
            "not points to names. Use a network geocoder (GEOCODER=nominatim) for that."
        )


class FallbackGeocoder(Geocoder):
    """Asks primary first; when it fails (network, quota, outage) asks fallback."""

    def __init__(self, primary: Geocoder, fallback: Geocoder, *, min_interval: float = 0.0):
        super().__init__(user_agent="newsmap-fallback-geocoder")
        self.primary = primary
        self.fallback = fallback
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._last_call = 0.0

    def _throttle(self) -> None:
        if self.min_interval <= 0:
            return
        with self._lock:
            wait = self._last_call + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_call = time.monotonic()

    def geocode(
        self,
        query: str,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        **kwargs: Any,
    ) -> Location | list[Location] | None:
        try:
            self._throttle()
            return self.primary.geocode(
                query, exactly_one=exactly_one, country_codes=country_codes, **kwargs
            )
        except (GeopyError, OSError) as exc:
            logger.warning(
                "%s failed for %r (%s); using %s",
                type(self.primary).__name__,
                query,
                exc,
                type(self.fallback).__name__,
            )
        fallback_kwargs = {k: v for k, v in kwargs.items() if k in ("limit", "timeout")}
        return self.fallback.geocode(
            query, exactly_one=exactly_one, country_codes=country_codes, **fallback_kwargs
        )

    def reverse(self, query: object, *args: Any, **kwargs: Any) -> Location | None:
        self._throttle()
        return self.primary.reverse(query, *args, **kwargs)


def get_geocoder() -> Geocoder:
    """The geocoder settings.GEOCODER names."""
    choice = settings.GEOCODER
    if choice == "gazetteer":
        return OfflineGazetteer()
    if choice == "nominatim":
        return FallbackGeocoder(
            Nominatim(user_agent=settings.NOMINATIM_USER_AGENT),
            OfflineGazetteer(),
            min_interval=NOMINATIM_MIN_INTERVAL,
        )
    raise ImproperlyConfigured(f"GEOCODER={choice!r}: use 'gazetteer' or 'nominatim'")

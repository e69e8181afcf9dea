"""newsmap's geopy geocoders: the offline gazetteer, and Nominatim falling back to it."""

from __future__ import annotations

from collections.abc import Iterator
from unittest import mock

import pytest
from django.test import override_settings
from geopy.exc import GeocoderServiceError, GeocoderUnavailable
from geopy.geocoders import Nominatim
from geopy.location import Location

from events.gazetteer import Gazetteer
from events.geocoder import FallbackGeocoder, OfflineGazetteer, get_geocoder


@pytest.fixture(scope="session")
def gazetteer() -> Iterator[Gazetteer]:
    # The real index at settings.GAZETTEER_PATH, built on first use if missing.
    gaz = Gazetteer.open()
    yield gaz
    gaz.close()


@pytest.fixture
def geocoder(gazetteer: Gazetteer) -> OfflineGazetteer:
    return OfflineGazetteer(gazetteer)


def test_paris_france_is_the_french_capital(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Paris, France")
    assert isinstance(location, Location)
    assert location.raw["country_code"] == "FR"
    assert location.raw["kind"] == "city"
    assert location.address == "Paris, FR"
    assert location.latitude == pytest.approx(48.85, abs=0.1)
    assert location.longitude == pytest.approx(2.35, abs=0.1)


def test_a_trailing_country_restricts_the_search(geocoder: OfflineGazetteer) -> None:
    paris_texas = geocoder.geocode("Paris, United States")
    assert paris_texas is not None and paris_texas.raw["country_code"] == "US"
    tripoli_lebanon = geocoder.geocode("Tripoli, Lebanon")
    assert tripoli_lebanon is not None and tripoli_lebanon.raw["country_code"] == "LB"


def test_a_trailing_abbreviation_or_iso_code_restricts_the_search(
    geocoder: OfflineGazetteer,
) -> None:
    assert geocoder.geocode("Birmingham, UK").raw["country_code"] == "GB"  # type: ignore[union-attr]
    assert geocoder.geocode("Tripoli, LB").raw["country_code"] == "LB"  # type: ignore[union-attr]


def test_a_region_before_the_country_narrows_further(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Springfield, Illinois, US")
    assert location is not None
    assert location.raw["admin1"] == "US.IL"


def test_tripoli_alone_is_the_libyan_capital(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Tripoli")
    assert location is not None
    assert location.raw["country_code"] == "LY"
    assert location.raw["kind"] == "city"
    assert location.raw["geonameid"] == 2210247


def test_an_exact_country_name_beats_a_region_of_that_name(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Georgia")
    assert location is not None
    assert (location.raw["kind"], location.raw["country_code"]) == ("country", "GE")


@pytest.mark.parametrize(
    ("query", "geonameid"), [("São Paulo", 3448439), ("New York", 5128581), ("Kyiv", 703448)]
)
def test_a_city_beats_the_same_named_region_it_lies_in(
    geocoder: OfflineGazetteer, query: str, geonameid: int
) -> None:
    location = geocoder.geocode(query)
    assert location is not None
    assert (location.raw["kind"], location.raw["geonameid"]) == ("city", geonameid)


def test_washington_dc_is_the_capital_not_the_state(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Washington, D.C.")
    assert location is not None
    assert location.raw["geonameid"] == 4140963


def test_a_macro_region_beats_a_neighbourhood_of_the_same_name(
    geocoder: OfflineGazetteer,
) -> None:
    location = geocoder.geocode("Middle East")
    assert location is not None
    assert location.raw["key"] == "sup:middle_east"


def test_country_codes_restrict_results(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Tripoli", country_codes=["lb"])
    assert location is not None and location.raw["country_code"] == "LB"
    assert geocoder.geocode("Paris, France", country_codes="DE") is None


def test_seas_have_no_country_in_their_address(geocoder: OfflineGazetteer) -> None:
    location = geocoder.geocode("Mediterranean")
    assert location is not None
    assert location.address == "Mediterranean Sea"
    assert location.raw["kind"] == "water"


def test_all_caps_queries_only_match_abbreviations(geocoder: OfflineGazetteer) -> None:
    assert geocoder.geocode("UN") is None
    uk = geocoder.geocode("UK")
    assert uk is not None and uk.raw["country_code"] == "GB"


def test_many_results_come_best_first(geocoder: OfflineGazetteer) -> None:
    locations = geocoder.geocode("Tripoli", exactly_one=False, limit=3)
    assert isinstance(locations, list) and len(locations) == 3
    assert all(isinstance(loc, Location) for loc in locations)
    assert locations[0].raw["country_code"] == "LY"


def test_unknown_places_give_none_or_an_empty_list(geocoder: OfflineGazetteer) -> None:
    assert geocoder.geocode("Xqzzyville") is None
    assert geocoder.geocode("Xqzzyville", exactly_one=False) == []
    assert geocoder.geocode(" , ") is None


def test_reverse_geocoding_is_refused_with_a_reason(geocoder: OfflineGazetteer) -> None:
    with pytest.raises(NotImplementedError, match="cannot reverse-geocode"):
        geocoder.reverse((32.9, 13.2))


@override_settings(GEOCODER="gazetteer")
def test_settings_choose_the_offline_gazetteer() -> None:
    assert isinstance(get_geocoder(), OfflineGazetteer)


@override_settings(GEOCODER="nominatim", NOMINATIM_USER_AGENT="newsmap-tests")
def test_settings_choose_nominatim_backed_by_the_gazetteer() -> None:
    geocoder = get_geocoder()
    assert isinstance(geocoder, FallbackGeocoder)
    assert isinstance(geocoder.primary, Nominatim)
    assert geocoder.primary.headers["User-Agent"] == "newsmap-tests"
    assert isinstance(geocoder.fallback, OfflineGazetteer)


@override_settings(GEOCODER="nominatim")
def test_a_failing_nominatim_falls_back_to_the_gazetteer(gazetteer: Gazetteer) -> None:
    geocoder = get_geocoder()
    with mock.patch.object(
        Nominatim, "geocode", side_effect=GeocoderUnavailable("Service not available")
    ) as nominatim_geocode:
        location = geocoder.geocode("Tripoli")
    nominatim_geocode.assert_called_once()
    assert location is not None
    assert location.raw["country_code"] == "LY"
    assert location.raw["key"] == "gn:2210247"


def test_a_working_primary_answers_without_the_fallback(geocoder: OfflineGazetteer) -> None:
    answer = Location("Tripoli, Libya", (32.9, 13.2), {"from": "primary"})
    primary = mock.Mock(spec=Nominatim)
    primary.geocode.return_value = answer
    fallback = mock.Mock(wraps=geocoder)
    combined = FallbackGeocoder(primary, fallback)
    assert combined.geocode("Tripoli", country_codes=["ly"]) is answer
    primary.geocode.assert_called_once_with("Tripoli", exactly_one=True, country_codes=["ly"])
    fallback.geocode.assert_not_called()


def test_any_geopy_service_error_triggers_the_fallback(geocoder: OfflineGazetteer) -> None:
    primary = mock.Mock(spec=Nominatim)
    primary.geocode.side_effect = GeocoderServiceError("HTTP 500")
    combined = FallbackGeocoder(primary, geocoder)
    locations = combined.geocode("Paris, France", exactly_one=False)
    assert isinstance(locations, list)
    assert locations[0].raw["country_code"] == "FR"

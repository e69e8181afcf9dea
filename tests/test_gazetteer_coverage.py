"""Places the gazetteer must know beyond towns and states: islands, rivers,
world regions, former provinces, counties, and the demonyms of regions."""

from __future__ import annotations

import pytest

from events.toponyms import ToponymFinder, haversine_km
from tests.toponym_support import find, places


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("A tsunami hit the Indonesian island of Java on Monday.", "Java", "ID"),
        ("Fighting spread across Mindanao last week.", "Mindanao", "PH"),
        ("Flooding closed roads on Long Island.", "Long Island", "US"),
        ("Ministers in Trinidad and in Jamaica met.", "Trinidad", "TT"),
    ],
)
def test_a_large_island_is_a_place_of_its_own(
    finder: ToponymFinder, text: str, name: str, country: str
) -> None:
    entry = places(finder, text)[name].entry
    assert (entry.name, entry.country_code) == (name, country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Storms swept across the Midwest.", "Midwest"),
        ("Snow closed schools across New England.", "New England"),
        ("Drought has gripped the Sahel for a decade.", "Sahel"),
        ("A heatwave hit Northern Europe.", "Northern Europe"),
        ("Gas prices rose across Eastern Europe.", "Eastern Europe"),
    ],
)
def test_a_region_news_names_is_the_region_not_a_village(
    finder: ToponymFinder, text: str, name: str
) -> None:
    assert places(finder, text)[name].entry.population >= 10_000_000


@pytest.mark.parametrize(
    ("text", "name", "successor"),
    [
        ("The Soviet Union prepared Marburg virus samples.", "Soviet Union", "RU"),
        ("The war broke Yugoslavia apart.", "Yugoslavia", "RS"),
    ],
)
def test_a_former_country_is_placed_at_its_largest_successor(
    finder: ToponymFinder, text: str, name: str, successor: str
) -> None:
    entry = places(finder, text)[name].entry
    country = finder.gazetteer.country(successor)
    assert entry.name == name
    assert haversine_km(entry.lat, entry.lon, country.lat, country.lon) < 5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nineteen people have died in the West Midlands.", "West Midlands"),
        ("Floods hit farms across East Anglia.", "East Anglia"),
        ("Cases rose across South West England.", "South West England"),
    ],
)
def test_an_english_region_is_a_place_not_a_namesake_abroad(
    finder: ToponymFinder, text: str, name: str
) -> None:
    entry = places(finder, text)[name].entry
    assert (entry.name, entry.country_code) == (name, "GB")


def test_midlands_in_a_zimbabwe_story_is_zimbabwes_province(finder: ToponymFinder) -> None:
    found = places(finder, "Zimbabwe reported anthrax in Midlands and Masvingo.")
    assert found["Midlands"].entry.country_code == "ZW"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kenya reported cholera in Nyanza and the North Eastern Province.", "Nyanza"),
        (
            "Kenya reported cholera in Nyanza and the North Eastern Province.",
            "North Eastern Province",
        ),
        ("Rebels crossed into Katanga in 2006.", "Katanga"),
        ("Ebola was confirmed in Kasai Occidental.", "Kasai Occidental"),
    ],
)
def test_a_former_province_older_news_names_is_still_a_place(
    finder: ToponymFinder, text: str, name: str
) -> None:
    entry = places(finder, text)[name].entry
    assert entry.kind == "region" and entry.country_code in {"KE", "CD"}


@pytest.mark.parametrize(
    ("text", "name", "entry_name"),
    [
        ("Karnataka refused to release Cauvery water to Tamil Nadu.", "Cauvery", "Kaveri"),
        ("Tension rose on the Korean Peninsula.", "Korean Peninsula", "Korean Peninsula"),
        ("Barges were stranded on the Ohio River.", "Ohio River", "Ohio River"),
    ],
)
def test_major_rivers_and_peninsulas_are_places_of_their_own(
    finder: ToponymFinder, text: str, name: str, entry_name: str
) -> None:
    assert places(finder, text)[name].entry.name == entry_name


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Flooding closed roads in Nenagh, Co. Tipperary.", "Co. Tipperary", "IE"),
        ("The farm lies in County Cork.", "County Cork", "IE"),
        ("The race moves to Silverstone, Northamptonshire.", "Northamptonshire", "GB"),
        ("Police in Greater Manchester made arrests.", "Greater Manchester", "GB"),
    ],
)
def test_irish_and_english_counties_are_regions(
    finder: ToponymFinder, text: str, name: str, country: str
) -> None:
    entry = places(finder, text)[name].entry
    assert (entry.kind, entry.country_code) == ("region", country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Kurdish militia spokesman spoke.", "Kurdistan"),
        ("Texan ranchers want rain.", "Texas"),
        ("Every Iowan deserves broadband.", "Iowa"),
        ("Manitobans voted on Tuesday.", "Manitoba"),
        ("Long Islanders woke to snow.", "Long Island"),
    ],
)
def test_a_regions_demonym_names_the_region(finder: ToponymFinder, text: str, name: str) -> None:
    assert [(t.entry.name, t.role) for t in find(finder, text)] == [(name, "demonym")]


def test_korean_alone_means_south_korea(finder: ToponymFinder) -> None:
    assert [t.entry.country_code for t in find(finder, "Crowds waved Korean flags.")] == ["KR"]


def test_trinidad_in_a_cuba_story_is_the_cuban_town(finder: ToponymFinder) -> None:
    found = places(finder, "Tourists in Havana and Trinidad, Cuba, returned home.")
    assert found["Trinidad"].entry.country_code == "CU"

"""The offline gazetteer index answers the questions newsmap asks of it."""

from __future__ import annotations

import io
import math
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from events import gazetteer as gazetteer_module
from events.gazetteer import Entry, Gazetteer, GazetteerError, normalize


@pytest.fixture(scope="session")
def gazetteer() -> Iterator[Gazetteer]:
    # The real index at settings.GAZETTEER_PATH, built on first use if missing.
    gaz = Gazetteer.open()
    yield gaz
    gaz.close()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("U.S.", "us"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("São_Paulo", "sao paulo"),
        ("Guinea-Bissau", "guinea bissau"),
        ("  New   York  ", "new york"),
        ("Łódź", "lodz"),
        ("STRAßE", "strasse"),
        ("Ras\u2013Lanuf", "ras lanuf"),
        # Plain ASCII takes a shorter path that must fold the same way.
        ("Cote d`Ivoire", "cote d'ivoire"),
        ("ST. KITTS", "st kitts"),
    ],
)
def test_normalize_folds_case_accents_punctuation_and_spacing(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_tripoli_names_both_the_libyan_and_the_lebanese_city(gazetteer: Gazetteer) -> None:
    cities = [e for e in gazetteer.lookup("Tripoli") if e.kind == "city"]
    codes = {e.country_code for e in cities}
    assert {"LY", "LB"} <= codes
    populations = [e.population for e in gazetteer.lookup("Tripoli")]
    assert populations == sorted(populations, reverse=True)


def test_lookup_ignores_case_and_accents(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("TRIPOLI") == gazetteer.lookup("Trípoli")


def test_ras_lanouf_spelling_finds_ras_lanuf_from_the_supplement(gazetteer: Gazetteer) -> None:
    (entry,) = gazetteer.lookup("Ras Lanouf")
    assert entry.name == "Ras Lanuf"
    assert entry.key == "sup:ras_lanuf"
    assert entry.country_code == "LY"
    assert distance_km(entry.lat, entry.lon, 30.50, 18.56) < 5


def test_brega_finds_the_libyan_oil_port_geonames_calls_al_burayqah(gazetteer: Gazetteer) -> None:
    assert [e.geonameid for e in gazetteer.lookup("Brega")] == [2215210]


def test_bin_jiwad_finds_bin_jawad(gazetteer: Gazetteer) -> None:
    assert [e.name for e in gazetteer.lookup("Bin Jiwad")] == ["Bin Jawad"]


@pytest.mark.parametrize("alias", ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom"])
def test_names_for_britain_find_the_united_kingdom(gazetteer: Gazetteer, alias: str) -> None:
    countries = [e for e in gazetteer.lookup(alias) if e.kind == "country"]
    assert [(e.name, e.country_code) for e in countries] == [("United Kingdom", "GB")]


@pytest.mark.parametrize("alias", ["US", "U.S.", "USA", "America", "United States of America"])
def test_names_for_america_find_the_united_states(gazetteer: Gazetteer, alias: str) -> None:
    countries = [e for e in gazetteer.lookup(alias) if e.kind == "country"]
    assert [e.country_code for e in countries] == ["US"]


def test_england_is_a_region_of_the_united_kingdom_near_the_midlands(
    gazetteer: Gazetteer,
) -> None:
    (england,) = [e for e in gazetteer.lookup("England") if e.kind == "region"]
    assert england.country_code == "GB"
    assert england.admin1 == "GB.ENG"
    assert distance_km(england.lat, england.lon, 52.5, -1.5) < 400


def test_mediterranean_is_water(gazetteer: Gazetteer) -> None:
    (sea,) = gazetteer.lookup("Mediterranean")
    assert sea.kind == "water"
    assert sea.name == "Mediterranean Sea"
    assert sea.country_code == ""


def test_supplement_holds_eighty_or_more_water_bodies(gazetteer: Gazetteer) -> None:
    conn = sqlite3.connect(gazetteer.path)
    try:
        (count,) = conn.execute(
            "SELECT count(*) FROM entries WHERE kind = 'water' AND key LIKE 'sup:%'"
        ).fetchone()
    finally:
        conn.close()
    assert count >= 80


@pytest.mark.parametrize(
    ("word", "code"),
    [("Tunisian", "TN"), ("Tunisians", "TN"), ("libyan", "LY"), ("Swiss", "CH"), ("Dutch", "NL")],
)
def test_demonyms_resolve_to_country_codes(gazetteer: Gazetteer, word: str, code: str) -> None:
    assert gazetteer.demonym(word) == code


def test_unknown_word_is_no_demonym(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym("Tuesday") is None


def test_un_is_no_abbreviation_even_though_a_town_is_called_un(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup_abbreviation("UN") == []


@pytest.mark.parametrize(
    ("token", "code"), [("UK", "GB"), ("U.S.", "US"), ("USA", "US"), ("UAE", "AE"), ("DRC", "CD")]
)
def test_abbreviations_find_their_country(gazetteer: Gazetteer, token: str, code: str) -> None:
    assert [e.country_code for e in gazetteer.lookup_abbreviation(token)] == [code]


@pytest.mark.parametrize(
    ("code", "lat", "lon", "within_km"),
    [
        ("LY", 27.0, 17.0, 700),
        ("FR", 46.6, 2.4, 600),
        ("US", 39.8, -98.6, 2500),
        ("GB", 54.0, -2.5, 600),
        ("DE", 51.2, 10.4, 500),
        ("CH", 46.8, 8.2, 200),
        ("AT", 47.5, 14.5, 300),
        ("BE", 50.6, 4.6, 200),
        ("TN", 34.0, 9.5, 500),
        ("EG", 26.8, 30.8, 700),
        ("IT", 42.8, 12.8, 600),
    ],
)
def test_country_points_fall_near_the_country_centre(
    gazetteer: Gazetteer, code: str, lat: float, lon: float, within_km: float
) -> None:
    country = gazetteer.country(code)
    assert country is not None
    assert distance_km(country.lat, country.lon, lat, lon) < within_km
    assert country.population > 1_000_000


def test_country_lookup_by_code_ignores_case(gazetteer: Gazetteer) -> None:
    libya = gazetteer.country("ly")
    assert libya is not None and libya.name == "Libya"
    assert gazetteer.country("ZZ") is None


def test_get_returns_the_entry_for_its_key(gazetteer: Gazetteer) -> None:
    (sea,) = gazetteer.lookup("Mediterranean Sea")
    assert gazetteer.get(sea.key) == sea
    assert gazetteer.get("gn:0") is None


def test_city_entries_carry_their_geonames_id_and_admin1_code(gazetteer: Gazetteer) -> None:
    libyan = [e for e in gazetteer.lookup("Tripoli") if e.country_code == "LY" and e.kind == "city"]
    assert libyan[0].geonameid == 2210247
    assert libyan[0].admin1.startswith("LY.")


def test_max_tokens_is_capped_for_ngram_matching(gazetteer: Gazetteer) -> None:
    assert 3 <= gazetteer.max_tokens <= 6


def test_lookups_are_cached(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Benghazi") is gazetteer.lookup("Benghazi")


def test_entries_are_immutable() -> None:
    entry = Entry("sup:x", "X", "city", "", 0.0, 0.0, 0, None, "")
    with pytest.raises(AttributeError):
        entry.name = "Y"  # type: ignore[misc]


def test_missing_index_is_refused_when_building_is_not_allowed(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="build_gazetteer"):
        Gazetteer.open(tmp_path / "absent.sqlite3", build_if_missing=False)


def test_missing_index_is_built_on_first_open_with_one_line_of_notice(
    gazetteer: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Copying the real index stands in for the 10-second build.
    monkeypatch.setattr(
        gazetteer_module, "build", lambda path: shutil.copyfile(gazetteer.path, path)
    )
    target = tmp_path / "fresh.sqlite3"
    stderr = io.StringIO()
    with Gazetteer.open(target, stderr=stderr) as fresh:
        assert fresh.lookup("Mediterranean")[0].kind == "water"
    assert stderr.getvalue() == f"Building the gazetteer index at {target} (first use)…\n"


def test_index_with_a_stale_schema_version_is_refused(gazetteer: Gazetteer, tmp_path: Path) -> None:
    stale = tmp_path / "stale.sqlite3"
    shutil.copyfile(gazetteer.path, stale)
    conn = sqlite3.connect(stale)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(GazetteerError, match="schema version 0"):
        Gazetteer.open(stale, build_if_missing=False)


def test_default_path_is_the_configured_one(gazetteer: Gazetteer) -> None:
    assert gazetteer.path == Path(settings.GAZETTEER_PATH)

"""build_gazetteer reads GeoNames dumps (allCountries.txt format) besides packaged data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from events.gazetteer import Gazetteer


def dump_row(
    geonameid: int,
    name: str,
    alternatenames: list[str],
    lat: float,
    lon: float,
    feature_class: str,
    feature_code: str,
    country: str,
    admin1: str = "",
    population: int = 0,
) -> str:
    columns = [
        str(geonameid),
        name,
        name,
        ",".join(alternatenames),
        str(lat),
        str(lon),
        feature_class,
        feature_code,
        country,
        "",  # cc2
        admin1,
        "",  # admin2
        "",  # admin3
        "",  # admin4
        str(population),
        "",  # elevation
        "12",  # dem
        "Europe/Rome",
        "2024-01-01",
    ]
    assert len(columns) == 19
    return "\t".join(columns)


# Made-up ids far above GeoNames' range so they cannot collide with real places.
HAMLET_ID = 990000001
LAKE_ID = 990000002
STREAM_ID = 990000003


@pytest.fixture(scope="module")
def dump_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    folder = tmp_path_factory.mktemp("dump")
    dump = folder / "allCountries.txt"
    dump.write_text(
        "\n".join(
            [
                dump_row(
                    HAMLET_ID,
                    "Borgo Zeffirino",
                    ["Zeffirino"],
                    44.1,
                    10.2,
                    "P",
                    "PPL",
                    "IT",
                    "09",
                    120,
                ),
                dump_row(LAKE_ID, "Lago Quietissimo", [], 44.2, 10.3, "H", "LK", "IT", "09"),
                dump_row(STREAM_ID, "Rio Zeffirino", [], 44.15, 10.25, "H", "STM", "IT", "09"),
                # A country row with a real geonameid merges into the existing country.
                dump_row(
                    3175395,
                    "Italy",
                    ["Repubblica Italiana Prova"],
                    # Not the packaged (Factbook) point, so the test sees which wins.
                    43.1,
                    12.4,
                    "A",
                    "PCLI",
                    "IT",
                    "",
                    60000000,
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    output = folder / "index.sqlite3"
    call_command("build_gazetteer", geonames=[str(dump)], output=str(output), verbosity=0)
    gaz = Gazetteer.open(output, build_if_missing=False)
    yield gaz
    gaz.close()


def test_a_populated_place_from_the_dump_becomes_a_city(dump_build: Gazetteer) -> None:
    (hamlet,) = dump_build.lookup("Borgo Zeffirino")
    assert hamlet.kind == "city"
    assert hamlet.key == f"gn:{HAMLET_ID}"
    assert hamlet.country_code == "IT"
    assert hamlet.admin1 == "IT.09"
    assert (hamlet.lat, hamlet.lon, hamlet.population) == (44.1, 10.2, 120)


def test_alternate_names_from_the_dump_are_indexed(dump_build: Gazetteer) -> None:
    assert [e.geonameid for e in dump_build.lookup("Zeffirino")] == [HAMLET_ID]


def test_a_lake_from_the_dump_becomes_water(dump_build: Gazetteer) -> None:
    (lake,) = dump_build.lookup("Lago Quietissimo")
    assert lake.kind == "water"


def test_streams_are_left_out(dump_build: Gazetteer) -> None:
    assert dump_build.lookup("Rio Zeffirino") == []


def test_a_country_row_merges_into_the_existing_country_with_its_own_point(
    dump_build: Gazetteer,
) -> None:
    (italy,) = [e for e in dump_build.lookup("Repubblica Italiana Prova")]
    assert italy == dump_build.country("IT")
    assert (italy.lat, italy.lon) == (43.1, 12.4)


def test_the_packaged_data_is_still_there(dump_build: Gazetteer) -> None:
    assert any(e.country_code == "LY" for e in dump_build.lookup("Tripoli"))


def test_a_dump_with_the_wrong_number_of_columns_is_a_command_error(tmp_path: Path) -> None:
    bad = tmp_path / "cities.txt"
    bad.write_text(dump_row(HAMLET_ID, "Ok", [], 1, 2, "P", "PPL", "IT") + "\nonly\tthree\tcols\n")
    output = tmp_path / "index.sqlite3"
    with pytest.raises(CommandError, match=r"cities\.txt line 2: expected 19 tab-separated"):
        call_command("build_gazetteer", geonames=[str(bad)], output=str(output), verbosity=0)
    assert not output.exists()
    assert list(tmp_path.iterdir()) == [bad], "no temporary file may be left behind"


def test_a_dump_with_a_non_numeric_latitude_is_a_command_error(tmp_path: Path) -> None:
    bad = tmp_path / "cities.txt"
    bad.write_text(dump_row(HAMLET_ID, "Ok", [], 1, 2, "P", "PPL", "IT").replace("\t1\t", "\tx\t"))
    with pytest.raises(CommandError, match="line 1: bad number"):
        call_command("build_gazetteer", geonames=[str(bad)], output=str(tmp_path / "i"))


def test_a_missing_dump_is_a_command_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command(
            "build_gazetteer", geonames=[str(tmp_path / "nope.txt")], output=str(tmp_path / "i")
        )


def test_the_command_line_reports_a_bad_dump_in_one_line_without_traceback(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not a dump\n")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "build_gazetteer",
            "--geonames",
            str(bad),
            "--output",
            str(tmp_path / "i.sqlite3"),
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"CommandError: {bad} line 1: expected 19 tab-separated columns "
        "(GeoNames allCountries/citiesN format), found 1"
    ]


def test_if_missing_leaves_an_existing_index_alone(tmp_path: Path) -> None:
    existing = tmp_path / "index.sqlite3"
    existing.write_bytes(b"placeholder")
    call_command("build_gazetteer", output=str(existing), if_missing=True, verbosity=0)
    assert existing.read_bytes() == b"placeholder"

"""Where the gazetteer puts regions it derives from their towns, and what they weigh."""

from __future__ import annotations

import pytest

from events.gazetteer import Gazetteer, _area_centre, _region_centres, _without_strays
from events.toponyms import haversine_km


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def test_a_crowded_corner_does_not_pull_the_centre_towards_it() -> None:
    # A 10° square with one town in each cell of its left half and forty
    # towns crowded into its right-hand top corner.
    spread = [(lat + 0.5, lon + 0.5) for lat in range(0, 10, 2) for lon in range(0, 10, 2)]
    crowd = [(9.5 + i / 1000, 9.5) for i in range(40)]
    lat, lon = _area_centre(spread + crowd)
    assert abs(lat - 5.0) < 1.5 and abs(lon - 5.0) < 1.5


def test_a_region_across_the_antimeridian_is_centred_on_it() -> None:
    lat, lon = _area_centre([(65.0, 178.0), (66.0, 179.5), (64.0, -179.0), (65.5, -177.5)])
    assert lat == pytest.approx(65.0, abs=1.5)
    assert abs(lon) > 175


@pytest.mark.parametrize(
    ("name", "code", "lat", "lon"),
    [
        ("Ontario", "CA", 50.0, -85.0),
        ("Alberta", "CA", 55.0, -115.0),
        ("New South Wales", "AU", -32.0, 147.0),
    ],
)
def test_big_regions_sit_near_the_middle_of_their_land_not_their_people(
    gazetteer: Gazetteer, name: str, code: str, lat: float, lon: float
) -> None:
    region = next(
        e for e in gazetteer.lookup(name) if e.kind == "region" and e.country_code == code
    )
    assert haversine_km(region.lat, region.lon, lat, lon) < 150


def test_a_county_weighs_as_its_largest_town_not_its_state(gazetteer: Gazetteer) -> None:
    county = next(
        e
        for e in gazetteer.lookup("Marathon County")
        if e.kind == "region" and e.country_code == "US"
    )
    wisconsin = next(e for e in gazetteer.lookup("Wisconsin") if e.kind == "region")
    assert 0 < county.population < wisconsin.population / 10


def test_capitals_are_known_by_their_country(gazetteer: Gazetteer) -> None:
    capitals = {
        gazetteer.get(key).country_code: gazetteer.get(key).name for key in gazetteer.capitals
    }  # type: ignore[union-attr]
    assert capitals["US"] == "Washington"
    assert capitals["FR"] == "Paris"
    assert len(capitals) > 200


def test_a_region_is_placed_in_the_land_nearest_its_towns_not_at_its_towns() -> None:
    square = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}
    towns = {"XX.A": [(1.0, 1.0), (1.2, 0.8)], "XX.B": [(9.0, 9.0)]}
    centres = _region_centres({"XX": square}, towns)
    # The diagonal splits the square: each region's land is a triangle.
    assert centres["XX.A"] == pytest.approx((3.3, 3.3), abs=0.5)
    assert centres["XX.B"] == pytest.approx((6.7, 6.7), abs=0.5)


def test_a_region_across_the_antimeridian_is_centred_on_it_by_its_land() -> None:
    halves = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[170, 60], [180, 60], [180, 70], [170, 70], [170, 60]]],
            [[[-180, 60], [-170, 60], [-170, 70], [-180, 70], [-180, 60]]],
        ],
    }
    centres = _region_centres({"XX": halves}, {"XX.C": [(65.0, 175.0), (65.0, -175.0)]})
    lat, lon = centres["XX.C"]
    assert lat == pytest.approx(65.0, abs=1.0)
    assert abs(lon) > 178


def test_a_few_towns_filed_under_a_far_region_do_not_claim_the_land_between() -> None:
    land = {"type": "Polygon", "coordinates": [[[0, 0], [40, 0], [40, 10], [0, 10], [0, 0]]]}
    home = [(5.0 + i / 10, 35.0 + i / 10) for i in range(20)]
    strays = [(5.0, 2.0), (5.2, 2.1)]  # mislabelled, 33 degrees west of the rest
    other = [(5.0, 15.0)]
    centres = _region_centres({"XX": land}, {"XX.H": home + strays, "XX.O": other})
    assert centres["XX.H"][1] > 25


def test_first_level_regions_are_known_apart_from_counties(gazetteer: Gazetteer) -> None:
    def region(name: str) -> str:
        return next(e.key for e in gazetteer.lookup(name) if e.kind == "region")

    assert region("California") in gazetteer.first_level
    assert region("Orange County") not in gazetteer.first_level


def test_a_far_handful_of_misfiled_towns_is_left_out() -> None:
    region = [(46 + i / 20, 126 + i / 20) for i in range(100)]
    misfiled = [(44 + i / 10, 84 + i / 10) for i in range(8)]  # 30 degrees west
    assert sorted(_without_strays(region + misfiled)) == sorted(region)


def test_a_sparse_chain_of_towns_to_the_north_stays() -> None:
    south = [(43 + i / 50, -80 + i / 50) for i in range(100)]
    north = [(45.0 + 2.5 * i, -81.0) for i in range(1, 5)]  # up to 55 N, 2.5 degrees apart
    assert sorted(_without_strays(south + north)) == sorted(south + north)


def test_heilongjiang_is_centred_in_the_north_east_not_the_desert(gazetteer: Gazetteer) -> None:
    entry = next(e for e in gazetteer.lookup("Heilongjiang") if e.kind == "region")
    assert haversine_km(entry.lat, entry.lon, 47.9, 127.8) < 250


def test_a_region_of_scattered_enclaves_is_placed_on_one_of_them() -> None:
    # Four enclaves hundreds of kilometres apart, as Puducherry's are: the
    # middle of the area they span is another region's land.
    enclaves = [(11.7, 75.5), (16.7, 82.2), (10.9, 79.8), (11.93, 79.8)]
    lat, lon = _area_centre(enclaves)
    assert min(haversine_km(lat, lon, *town) for town in enclaves) < 100


def test_a_crescent_shaped_region_is_placed_on_its_land_not_in_its_bay() -> None:
    # A U of land round a bay: its towns claim the cells of the U only.
    u_shape = {
        "type": "Polygon",
        "coordinates": [
            [[0, 0], [10, 0], [10, 10], [8, 10], [8, 2], [2, 2], [2, 10], [0, 10], [0, 0]]
        ],
    }
    towns = {"XX.U": [(9.0, 1.0), (9.0, 9.0), (1.0, 5.0)]}
    lat, lon = _region_centres({"XX": u_shape}, towns)["XX.U"]
    on_land = lon < 2 or lon > 8 or lat < 2
    assert on_land

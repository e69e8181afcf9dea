"""Which reports are one happening, from their evidence alone (no database)."""

from __future__ import annotations

from datetime import date

from events.extraction.happenings.same import PlaceRef, Report, evidence, group

FRIDAY, THURSDAY = date(2011, 3, 11), date(2011, 3, 10)
LIBYA = PlaceRef(1, "country", "LY", "Libya")
RAS_LANUF = PlaceRef(2, "city", "LY", "Ras Lanuf")
ZAWIYA = PlaceRef(3, "city", "LY", "Zawiya")
TRIPOLI = PlaceRef(4, "city", "LY", "Tripoli")


def report(
    at: int, text: str, *places: PlaceRef, day: date | None = FRIDAY, kind: str = "fighting"
) -> Report:
    return Report(key=("article", at), kind=kind, day=day, places=places, text=text)


POUNDED = report(0, "Government forces on Friday pounded Ras Lanuf, the oil port.", RAS_LANUF)
BOMBARDMENT = report(
    100, "In Ras Lanuf, pro-government forces kept up a steady bombardment.", RAS_LANUF
)


def keys(groups: list[list[Report]]) -> list[list[int]]:
    return [[r.key[1] for r in g] for g in groups]


def test_two_tellings_of_one_shelling_are_one_happening() -> None:
    assert keys(group([POUNDED, BOMBARDMENT])) == [[0, 100]]
    assert set(evidence(POUNDED, BOMBARDMENT)) >= {"same_place", "same_act"}


def test_the_same_shelling_a_day_apart_is_two_happenings() -> None:
    thursday = report(
        100, "Forces kept up a steady bombardment of Ras Lanuf.", RAS_LANUF, day=THURSDAY
    )
    assert keys(group([POUNDED, thursday])) == [[0], [100]]


def test_shelling_of_two_towns_on_one_day_is_two_happenings() -> None:
    zawiya = report(100, "Government forces pounded Zawiya on Friday.", ZAWIYA)
    assert "other_place" in evidence(POUNDED, zawiya)
    assert keys(group([POUNDED, zawiya])) == [[0], [100]]


def test_different_kinds_never_join() -> None:
    talks = report(100, "Envoys met in Ras Lanuf on Friday.", RAS_LANUF, kind="diplomacy")
    assert keys(group([POUNDED, talks])) == [[0], [100]]


def test_a_span_never_joins_a_day() -> None:
    week = report(100, "Forces pounded Ras Lanuf all week.", RAS_LANUF, day=None)
    assert keys(group([POUNDED, week])) == [[0], [100]]


def test_a_town_and_its_country_join_when_the_words_agree() -> None:
    vow = report(
        0, "Saif al-Islam Gadhafi vowed to retake the east of Libya.", LIBYA, kind="statement"
    )
    again = report(
        100, "Seif al-Islam Gadhafi in Tripoli vowed to retake the east.", TRIPOLI, kind="statement"
    )
    assert "same_country" in evidence(vow, again)
    assert keys(group([vow, again])) == [[0, 100]]


def test_different_actors_at_one_place_stay_apart() -> None:
    union = report(
        0,
        "The European Union welcomes the interim council in Ras Lanuf as a partner.",
        RAS_LANUF,
        kind="diplomacy",
    )
    sarkozy = report(
        100,
        "President Sarkozy said France sees the council in Ras Lanuf as its proper partner.",
        RAS_LANUF,
        kind="diplomacy",
    )
    assert "other_actors" in evidence(union, sarkozy)
    assert keys(group([union, sarkozy])) == [[0], [100]]


def test_a_happening_never_chains_across_two_towns() -> None:
    # Libya joins each town, but the towns are against each other: never one group.
    country = report(50, "Government forces pounded rebels across Libya on Friday.", LIBYA)
    zawiya = report(100, "Government forces pounded rebels in Zawiya on Friday.", ZAWIYA)
    groups = group([POUNDED, country, zawiya])
    assert not any({0, 100} <= set(g) for g in keys(groups))


def test_the_grouping_does_not_depend_on_the_order_reports_come_in() -> None:
    country = report(50, "Government forces pounded rebels across Libya on Friday.", LIBYA)
    zawiya = report(100, "Government forces pounded rebels in Zawiya on Friday.", ZAWIYA)
    reports = [POUNDED, BOMBARDMENT, country, zawiya]
    assert keys(group(reports)) == keys(group(list(reversed(reports))))


def test_reports_of_no_known_kind_never_join() -> None:
    one = report(0, "Crowds gathered in Ras Lanuf on Friday.", RAS_LANUF, kind="other")
    two = report(100, "Crowds gathered in Ras Lanuf on Friday.", RAS_LANUF, kind="other")
    assert keys(group([one, two])) == [[0], [100]]


def test_an_editors_join_outweighs_the_evidence_and_a_split_outweighs_it_too() -> None:
    zawiya = report(100, "Government forces pounded Zawiya on Friday.", ZAWIYA)
    joined = group([POUNDED, zawiya], {(POUNDED.key, zawiya.key): True})
    assert keys(joined) == [[0, 100]]
    split = group([POUNDED, BOMBARDMENT], {(BOMBARDMENT.key, POUNDED.key): False})
    assert keys(split) == [[0], [100]]

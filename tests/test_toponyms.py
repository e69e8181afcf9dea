"""Which names are places, and which place each one means."""

from __future__ import annotations

import pytest

from events.sentences import split_sentences
from events.toponyms import DEMONYM, EMBEDDED, PLACE, Overrides, ToponymFinder
from tests.toponym_support import find, places


def test_tripoli_in_a_libya_story_is_libyas_capital(finder: ToponymFinder) -> None:
    found = places(finder, "Rebels in Libya fought on. Shells fell on Tripoli today.")
    assert found["Tripoli"].entry.country_code == "LY"


def test_paris_in_a_french_story_is_in_france(finder: ToponymFinder) -> None:
    found = places(finder, "Paris said it would recognise the council in Benghazi.")
    assert found["Paris"].entry.country_code == "FR"


def test_a_qualifying_country_picks_the_town_inside_it(finder: ToponymFinder) -> None:
    found = places(finder, "In Brussels, Belgium, the council met.")
    assert found["Brussels"].entry.country_code == "BE"


def test_people_named_like_towns_are_not_places(finder: ToponymFinder) -> None:
    text = (
        "U.S. President Barack Obama spoke with Hillary Clinton. "
        "Obama noted that Clinton will travel. Among the sons are Saadi, Hannibal and Saif."
    )
    found = places(finder, text)
    assert "Obama" not in found
    assert "Clinton" not in found
    assert "Hannibal" not in found
    assert found["U.S."].entry.country_code == "US"


def test_a_common_word_opening_a_sentence_is_not_a_place(finder: ToponymFinder) -> None:
    found = places(finder, "Along with its offensive, the army advanced. Union leaders met.")
    assert not found


def test_adjectives_before_border_make_places(finder: ToponymFinder) -> None:
    found = places(finder, "Workers were stranded at the Tunisian and Egyptian borders.")
    assert {t.entry.country_code for t in found.values()} == {"TN", "EG"}


def test_a_nationality_is_a_demonym_not_a_place(finder: ToponymFinder) -> None:
    found = find(finder, "Russian officials denied the report.")
    assert [(t.text, t.role, t.entry.country_code) for t in found] == [("Russian", DEMONYM, "RU")]


def test_a_country_inside_an_organisations_name_is_embedded(finder: ToponymFinder) -> None:
    found = find(finder, "The report was published by DeSmog Canada last week.")
    assert [(t.text, t.role) for t in found] == [("Canada", EMBEDDED)]


def test_a_disease_named_after_a_place_is_not_a_place(finder: ToponymFinder) -> None:
    assert not places(finder, "Two birds tested positive for West Nile virus.")


def test_a_country_ending_an_unknown_name_is_not_learned_as_a_surname(
    finder: ToponymFinder,
) -> None:
    found = find(finder, "By Trend Iran's trade grew. Exports to Iran fell.")
    assert any(t.text == "Iran" and t.role == PLACE for t in found)


def test_spelling_variants_resolve_to_one_place(finder: ToponymFinder) -> None:
    found = places(finder, "Rebels fled from Ras Lanouf. Tanks reached Ras Lanuf.")
    assert found["Ras Lanouf"].entry.key == found["Ras Lanuf"].entry.key


def test_the_mediterranean_is_a_sea(finder: ToponymFinder) -> None:
    found = places(finder, "More ships will sail in the Mediterranean.")
    assert found["Mediterranean"].entry.kind == "water"


def test_editors_stop_list_and_aliases_are_honoured(finder: ToponymFinder) -> None:
    text = "Fighting reached Zawiya and Brega."
    brega = finder.gazetteer.lookup("Benghazi")[0]
    overrides = Overrides(aliases={"brega": brega}, never=frozenset({"zawiya"}))
    found = {t.text: t for t in finder.find(text, split_sentences(text), overrides)}
    assert "Zawiya" not in found
    assert found["Brega"].entry.key == brega.key


def test_an_ap_state_abbreviation_after_a_town_is_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "HELENA, Mont. (AP) - The prison in Shelby will close.")
    assert found["Mont"].entry.name == "Montana"


def test_new_york_is_the_city_not_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "She grew up in New York and studied in Boston.")
    assert found["New York"].entry.kind == "city"


def test_a_common_word_naming_a_region_needs_a_cue(finder: ToponymFinder) -> None:
    assert "Centre" not in {t.text for t in find(finder, "It met at the Community Centre.")}


def test_a_common_word_is_no_small_town_abroad_even_after_a_cue(finder: ToponymFinder) -> None:
    text = "Police in St. Louis said the suspects were seen at Salt on Hampton Avenue."
    assert places(finder, text).keys() == {"St. Louis"}


def test_a_common_word_after_a_cue_is_a_big_city_abroad(finder: ToponymFinder) -> None:
    found = places(finder, "Britons on holiday in Split were told to stay indoors.")
    assert found["Split"].entry.country_code == "HR"


def test_a_common_word_after_a_cue_is_no_mid_sized_town_abroad(finder: ToponymFinder) -> None:
    text = "The family left a shack in Johannesburg to live in Delft, near Soweto."
    assert places(finder, text).keys() == {"Johannesburg", "Soweto"}


def test_a_common_word_after_a_cue_is_a_city_of_note_abroad(finder: ToponymFinder) -> None:
    text = "Protesters marched in Boston and Chicago on Monday, and in Cork crowds gathered."
    assert places(finder, text)["Cork"].entry.country_code == "IE"


def test_a_small_town_listed_after_a_country_is_one_of_its_own(finder: ToponymFinder) -> None:
    text = "Israel, Arab leaders and other nations in the U.S.-led coalition met in Syria."
    assert places(finder, text).keys() == {"Israel", "U.S.", "Syria"}
    found = places(finder, "Fighting spread across Libya, Bin Jiwad and Ras Lanuf.")
    assert found["Bin Jiwad"].entry.country_code == "LY"


def test_two_small_towns_names_side_by_side_are_one_name_not_two_places(
    finder: ToponymFinder,
) -> None:
    text = "The gala at Sullivan Goss drew a crowd in Santa Barbara."
    assert places(finder, text).keys() == {"Santa Barbara"}


def test_a_place_before_a_word_the_gazetteer_knows_as_a_town_stays_a_place(
    finder: ToponymFinder,
) -> None:
    text = "According to the Beverly Hills Police Department, the window shattered in Los Angeles."
    assert "Beverly Hills" in {t.text for t in find(finder, text)}


def test_sa_is_south_africa_in_a_story_about_it(finder: ToponymFinder) -> None:
    text = "South Africa's chiefs met in Rustenburg. No other chief in SA faced such claims."
    assert places(finder, text)["SA"].entry.country_code == "ZA"


def test_a_company_form_after_a_name_is_no_place(finder: ToponymFinder) -> None:
    assert find(finder, "Nestlé SA said profits rose. Volvo AB and Airbus SA followed.") == []


def test_an_arab_town_is_found_without_its_article(finder: ToponymFinder) -> None:
    text = "Turkey shelled Qamishli and other towns along the border, Syria said."
    entry = places(finder, text)["Qamishli"].entry
    assert (entry.name, entry.country_code) == ("Al Qāmishlī", "SY")


def test_the_article_stays_on_towns_outside_the_arab_world(finder: ToponymFinder) -> None:
    assert "Paso" not in places(finder, "Officials in El Paso, Texas, said Paso was calm.")


def test_one_word_that_only_an_alternate_name_gives_a_village_needs_more_than_in(
    finder: ToponymFinder,
) -> None:
    text = "The dishes are much like what is done in Newcomers, said Allen, a chef in Ohio."
    assert places(finder, text).keys() == {"Ohio"}


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("He was born in Bombay, India.", "Bombay", "Mumbai"),
        ("The village of Pongpong, in Mindanao, had the most cases.", "Pongpong", "Pung-Pang"),
    ],
)
def test_an_alternate_name_after_a_cue_is_a_city_or_a_village_the_text_calls_one(
    finder: ToponymFinder, text: str, name: str, place: str
) -> None:
    assert places(finder, text)[name].entry.name == place


def test_a_name_opening_a_sentence_keeps_its_first_word(finder: ToponymFinder) -> None:
    found = find(finder, "New York Times reporters were there.")
    assert [t.text for t in found] == ["New York"]


def test_a_demonym_after_a_prefix_is_still_the_demonym(finder: ToponymFinder) -> None:
    found = find(finder, "He denounced the anti-Russian policy of the government.")
    assert [(t.text, t.role, t.entry.country_code) for t in found] == [("Russian", DEMONYM, "RU")]


def test_mid_atlantic_is_not_the_ocean(finder: ToponymFinder) -> None:
    assert not find(finder, "Stores closed in nine mid-Atlantic states.")


def test_the_article_opening_a_sentence_is_not_part_of_the_name(finder: ToponymFinder) -> None:
    found = find(finder, "The United States said it would help. The Hague disagreed.")
    assert [(t.text, t.role) for t in found] == [("United States", PLACE), ("The Hague", PLACE)]


def test_a_dateline_in_capitals_is_the_place_the_story_was_filed_from(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "CAIRO - On a perfectly manicured grass field, boys played.")
    assert found["CAIRO"].entry.country_code == "EG"


def test_a_dateline_town_is_placed_in_the_state_after_it(finder: ToponymFinder) -> None:
    found = places(finder, "Intro.\n\nPLEASANTON, Calif.--(BUSINESS WIRE)--DeltaTrak said.")
    assert found["PLEASANTON"].entry.admin1 == "US.CA"


def test_an_acronym_heading_a_paragraph_is_no_dateline(finder: ToponymFinder) -> None:
    assert not find(finder, "NATO: Allies met on Monday.\n\nWHO - the health agency - said so.")


def test_two_places_joined_by_a_hyphen_are_two_places(finder: ToponymFinder) -> None:
    found = places(finder, "The return Amsterdam-London leg takes two years more.")
    assert {t.entry.country_code for t in found.values()} == {"NL", "GB"}


def test_a_hyphenated_place_name_stays_whole(finder: ToponymFinder) -> None:
    found = find(finder, "Aid reached Guinea-Bissau and Winston-Salem.")
    assert [t.text for t in found] == ["Guinea-Bissau", "Winston-Salem"]


def test_a_hyphenated_first_name_is_not_two_places(finder: ToponymFinder) -> None:
    assert not find(finder, "Jean-Pierre Raffarin spoke for an hour.")

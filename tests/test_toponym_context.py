"""What the rest of an article tells about which place a name means."""

from __future__ import annotations

import pytest

from events.sentences import split_sentences
from events.toponyms import PLACE, ToponymFinder
from tests.toponym_support import find, places


def test_georgia_among_us_states_is_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "Cases were reported in Texas, Alabama and Georgia this week.")
    assert found["Georgia"].entry.country_code == "US"
    assert found["Georgia"].entry.kind == "region"


def test_georgia_beside_russia_is_the_country(finder: ToponymFinder) -> None:
    found = places(finder, "Russia and Georgia traded accusations over South Ossetia.")
    assert found["Georgia"].entry.country_code == "GE"


def test_the_region_after_a_city_and_a_comma_is_the_one_holding_the_city(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "The samples were sent to a laboratory in Atlanta, Georgia.")
    assert found["Georgia"].entry.country_code == "US"
    assert found["Atlanta"].entry.country_code == "US"


def test_washington_alone_is_the_capital_not_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "Officials in Washington said the United States would respond.")
    entry = found["Washington"].entry
    assert (entry.kind, entry.country_code) == ("city", "US")
    assert abs(entry.lat - 38.9) < 0.2 and abs(entry.lon + 77.0) < 0.2


def test_a_country_named_like_its_capital_stays_the_country(finder: ToponymFinder) -> None:
    found = places(finder, "Mexico reported new cases on Tuesday.")
    assert found["Mexico"].entry.kind == "country"


def test_a_name_joined_by_of_the_is_read_whole(finder: ToponymFinder) -> None:
    found = places(finder, "Polio rose in Angola, Chad and the Democratic Republic of the Congo.")
    assert "Democratic Republic of the Congo" in found
    assert found["Democratic Republic of the Congo"].entry.country_code == "CD"


def test_zaire_is_the_former_name_of_the_democratic_republic_of_the_congo(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "The virus was first identified in Zaire in 1976.")
    assert found["Zaire"].entry.country_code == "CD"


def test_a_county_named_in_full_is_a_place_however_small(finder: ToponymFinder) -> None:
    found = places(finder, "Deputies from Marathon County searched the river.")
    assert found["Marathon County"].entry.country_code == "US"


def test_washington_state_is_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "The cow came from a Washington state farm near the border.")
    assert found["Washington"].entry.kind == "region"


def test_washington_in_a_list_of_states_is_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "Illnesses were reported in Oregon, Utah, Washington and Wisconsin.")
    assert found["Washington"].entry.kind == "region"


def test_washington_dc_is_the_capital(finder: ToponymFinder) -> None:
    found = places(finder, "A patient was admitted to a hospital in Washington, D.C. on Monday.")
    assert found["Washington"].entry.kind == "city"


def test_oklahoma_is_the_state_not_the_city_that_shares_its_name(finder: ToponymFinder) -> None:
    found = places(finder, "Teachers in Oklahoma walked out on Monday.")
    assert found["Oklahoma"].entry.kind == "region"


def test_new_york_is_the_city_that_goes_by_the_states_name(finder: ToponymFinder) -> None:
    found = places(finder, "Protesters marched in New York on Monday.")
    assert found["New York"].entry.kind == "city"


@pytest.mark.parametrize(
    "text",
    [
        "A landmark award by a New York court has caught the attention of artists.",
        "The New York Attorney General sued the landlord.",
        "Under New York law, the landlord must pay.",
    ],
)
def test_new_york_before_a_court_or_a_law_is_the_state(finder: ToponymFinder, text: str) -> None:
    assert places(finder, text)["New York"].entry.kind == "region"


def test_a_new_york_court_leaves_new_york_alone_elsewhere_the_city(finder: ToponymFinder) -> None:
    text = "A New York court ruled on Monday. Crowds in New York cheered."
    new_york = [t for t in find(finder, text) if t.text == "New York"]
    assert [t.entry.kind for t in new_york] == ["region", "city"]


@pytest.mark.parametrize("text", ["St. Louis", "ST. LOUIS"])
def test_a_full_stop_after_st_does_not_end_the_name(finder: ToponymFinder, text: str) -> None:
    found = places(finder, f"Police in {text} said burglaries fell.")
    assert found[text].entry.name == "St. Louis"


def test_a_word_opening_the_sentence_does_not_make_a_name_of_the_place(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "Residents of Georgia, Alabama and Florida braced for the storm.")
    assert {"Georgia", "Alabama", "Florida"} <= found.keys()


@pytest.mark.parametrize("country", ["China", "Zimbabwe", "Chad"])
def test_a_country_opening_a_sentence_is_the_country_though_also_a_word(
    finder: ToponymFinder, country: str
) -> None:
    found = places(finder, f"{country} has announced a new outbreak.")
    assert found[country].entry.kind == "country"


@pytest.mark.parametrize(("name", "code"), [("Philippines", "PH"), ("Laos", "LA")])
def test_a_country_whose_name_ends_in_s_is_a_place_not_a_plural_demonym(
    finder: ToponymFinder, name: str, code: str
) -> None:
    found = places(finder, f"Cases were confirmed in {name} on Monday.")
    assert found[name].entry.country_code == code


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Deaths were reported in Malaysia, Myanmar and Kenya.", "Myanmar", "MM"),
        ("The Vatican said the Pope was well.", "Vatican", "VA"),
    ],
)
def test_a_country_whose_name_is_also_its_adjective_is_a_place(
    finder: ToponymFinder, text: str, name: str, code: str
) -> None:
    found = places(finder, text)
    assert (found[name].role, found[name].entry.country_code) == (PLACE, code)


def test_countries_in_a_list_do_not_qualify_each_other(finder: ToponymFinder) -> None:
    found = places(finder, "Cases were found in Mexico, China, Japan and Brazil.")
    assert found["China"].entry.kind == "country"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Consultants from a London-based firm came.", "London"),
        ("A man in Pakistan-administered Kashmir died.", "Pakistan"),
        ("An Australia-wide ban began.", "Australia"),
    ],
)
def test_a_name_before_a_hyphen_and_a_lower_case_word_stands_alone(
    finder: ToponymFinder, text: str, name: str
) -> None:
    found = {t.text for t in finder.find(text, split_sentences(text))}
    assert name in found


def test_a_hyphenated_name_stays_whole(finder: ToponymFinder) -> None:
    found = places(finder, "He flew to Guinea-Bissau and Stratford-upon-Avon.")
    assert {"Guinea-Bissau", "Stratford-upon-Avon"} <= found.keys()


def test_the_mayor_of_a_city_names_the_city(finder: ToponymFinder) -> None:
    found = places(finder, "Earlier this week, the Mayor of Boston declared an emergency.")
    assert found["Boston"].entry.country_code == "US"


def test_the_centre_is_a_word_in_british_spelling_too(finder: ToponymFinder) -> None:
    found = places(finder, "In its petition, the State said the Centre had failed to act.")
    assert "Centre" not in found


def test_a_state_after_a_city_and_a_comma_stays_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "She runs a cake studio in Tacoma, Washington and sells online.")
    assert found["Washington"].entry.kind == "region"


def test_a_sentence_opening_with_a_is_no_acronym_before_a_place(finder: ToponymFinder) -> None:
    found = places(finder, "A Washington state farm was closed. Officials in Washington agreed.")
    assert "Washington" in found


def test_the_state_of_names_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "The first case turned up in the state of Washington.")
    assert found["Washington"].entry.kind == "region"


def test_a_sentence_may_open_with_a_three_word_place(finder: ToponymFinder) -> None:
    found = places(finder, "New South Wales reported eleven cases.")
    assert found["New South Wales"].entry.country_code == "AU"


def test_es_joins_a_name_as_el_and_al_do(finder: ToponymFinder) -> None:
    found = places(finder, "He flew to Dar es Salaam on Monday.")
    assert found["Dar es Salaam"].entry.country_code == "TZ"


def test_a_big_city_outweighs_a_small_namesake_in_a_country_the_article_names(
    finder: ToponymFinder,
) -> None:
    # Spain's centre point says nothing about where in Spain a town lies.
    text = (
        "Spain is its biggest market. She teaches at the University of California, "
        "Los Angeles, and studies Spanish retailers."
    )
    found = places(finder, text)
    assert found["Los Angeles"].entry.country_code == "US"


def test_a_province_far_bigger_than_its_city_is_the_province(finder: ToponymFinder) -> None:
    found = places(finder, "Health officials in Quebec confirmed two cases.")
    assert found["Quebec"].entry.kind == "region"


def test_a_city_qualified_by_its_district_ends_a_list_of_states(finder: ToponymFinder) -> None:
    found = places(finder, "Trips to Alaska, Hawaii, Florida and Washington, D.C., followed.")
    entry = found["Washington"].entry
    assert (entry.kind, entry.admin1) == ("city", "US.DC")


def test_a_state_in_a_list_of_states_is_no_town_qualified_by_the_next(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "It spread to Utah, Virginia, Washington, West Virginia and Wyoming.")
    entry = found["Washington"].entry
    assert (entry.kind, entry.admin1) == ("region", "US.WA")


def test_a_state_name_alone_is_the_state_not_a_town_named_after_it(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "The rule would cut methane emissions from wells in Wyoming.")
    entry = found["Wyoming"].entry
    assert (entry.kind, entry.admin1) == ("region", "US.WY")


def test_states_in_a_list_do_not_qualify_each_other(finder: ToponymFinder) -> None:
    found = places(
        finder, "Bees died in Georgia, Oklahoma, Pennsylvania, Wisconsin and California."
    )
    assert found["Oklahoma"].entry.admin1 == "US.OK"
    found = places(finder, "Cases are under investigation in Washington, Pennsylvania and Ohio.")
    assert found["Washington"].entry.admin1 == "US.WA"


def test_a_town_the_gazetteer_lacks_is_not_its_namesake_abroad(finder: ToponymFinder) -> None:
    found = places(finder, "He was stopped on a highway in Stroud, Ontario, Canada.")
    assert "Stroud" not in found
    assert found["Ontario"].entry.admin1 == "CA.08"


def test_a_town_the_gazetteer_lacks_in_a_province_is_not_a_city_abroad(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "The driver will appear in a Bradford, Ontario court on May 12.")
    assert "Bradford" not in found
    assert found["Ontario"].entry.admin1 == "CA.08"
    found = places(finder, "The plant in London, Ontario closed.")
    assert found["London"].entry.country_code == "CA"


def test_a_city_before_a_region_in_a_list_of_cities_stays_itself(finder: ToponymFinder) -> None:
    found = places(finder, "The band was due to play in Copenhagen, Hamburg and Mannheim.")
    assert found["Copenhagen"].entry.country_code == "DK"


def test_towns_the_article_leaves_no_doubt_about_speak_for_the_rest(
    finder: ToponymFinder,
) -> None:
    text = (
        "Birmingham City lost at home. Southampton scored twice before the break "
        "and Bolton held on. Birmingham now sit bottom of the table."
    )
    assert all(t.entry.country_code == "GB" for t in find(finder, text) if t.text == "Birmingham")


@pytest.mark.parametrize(
    "text", ["Oil spills in the Niger Delta go on.", "Birds of the Danube Delta."]
)
def test_a_delta_is_not_the_river_or_the_country_it_is_named_after(
    finder: ToponymFinder, text: str
) -> None:
    assert find(finder, text) == []


def test_a_church_named_after_a_saint_is_not_the_town(finder: ToponymFinder) -> None:
    assert places(finder, "Crowds filled St. Peter's Square in Rome.").keys() == {"Rome"}
    found = places(finder, "Crews cleared St. Louis's streets overnight.")
    assert found["St. Louis"].entry.country_code == "US"


def test_a_county_of_a_state_the_article_names_is_in_that_state(finder: ToponymFinder) -> None:
    text = "Illinois health officials said two cases were found in Fulton County."
    assert places(finder, text)["Fulton County"].entry.admin1 == "US.IL"


def test_a_village_abroad_is_not_the_one_a_story_means(finder: ToponymFinder) -> None:
    # The gazetteer's only Kalam-like name is an Indian village; the story is
    # in Pakistan, whose Kalam it lacks.
    found = places(finder, "Pakistan said floods cut off the valley town of Kalam.")
    assert "Kalam" not in found


def test_one_word_naming_only_a_small_town_abroad_is_a_place_the_gazetteer_lacks(
    finder: ToponymFinder,
) -> None:
    # The gazetteer's only Rehab is a town in Jordan; the story's is a suburb of Cairo.
    text = "Egypt's clubs opened academies in Rehab and in Cairo, Egyptian officials said."
    assert "Rehab" not in places(finder, text)


def test_an_airport_named_alone_is_the_city_it_serves(finder: ToponymFinder) -> None:
    text = (
        "Britain said officers searched a Russian plane at Heathrow. Britain expelled 23 diplomats."
    )
    entry = places(finder, text)["Heathrow"].entry
    assert (entry.name, entry.country_code) == ("London", "GB")


def test_municipalities_do_not_count_as_states_of_their_country(finder: ToponymFinder) -> None:
    text = (
        "Brazil reported cases in São Paulo, Rio de Janeiro, Santa Catarina, "
        "Rio Grande do Sul, Tocantins and Minas Gerais. "
        "In the South American country of Chile, the Institute of Public Health in "
        "Santiago confirmed 393 cases."
    )
    assert places(finder, text)["Santiago"].entry.country_code == "CL"


def test_a_region_named_only_by_a_direction_needs_its_country_in_the_story(
    finder: ToponymFinder,
) -> None:
    assert "South West" not in places(finder, "Floods hit South West England on Monday.")
    found = places(finder, "Cameroon sent troops to the South West after the attacks.")
    assert found["South West"].entry.country_code == "CM"


def test_a_state_inside_a_name_does_not_become_a_person(finder: ToponymFinder) -> None:
    text = "He writes the Connecting California column. Voters in California disagree."
    assert "California" in places(finder, text)


def test_a_country_after_and_is_a_list_item_not_inside_a_name(finder: ToponymFinder) -> None:
    found = {t.text: t for t in find(finder, "Talks between the UN and Britain stalled.")}
    assert found["Britain"].role == "place"


def test_the_eu_is_europe_in_the_way_european_is(finder: ToponymFinder) -> None:
    found = {t.text: t for t in find(finder, "EU ministers met in Brussels.")}
    assert (found["EU"].entry.name, found["EU"].role) == ("Europe", "demonym")


@pytest.mark.parametrize(
    "text",
    [
        "She studied at Cornell University for four years.",
        "Parents met at Franklin Elementary. Teachers at Franklin were worried.",
        "Volunteers at Eva's Village served meals.",
    ],
)
def test_a_small_town_name_inside_an_institutions_name_is_not_the_town(
    finder: ToponymFinder, text: str
) -> None:
    assert places(finder, text) == {}


def test_a_short_word_in_title_case_is_not_an_abbreviation(finder: ToponymFinder) -> None:
    assert "Car" not in places(finder, "Car sales rose in March.")
    assert places(finder, "Fighting resumed in the CAR.")["CAR"].entry.country_code == "CF"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A caravan of Central American migrants came north.", "Central America"),
        ("Senior South Korean officials met on Monday.", "South Korea"),
    ],
)
def test_a_two_word_demonym_inside_a_sentence_is_found(
    finder: ToponymFinder, text: str, name: str
) -> None:
    assert [(t.entry.name, t.role) for t in find(finder, text)] == [(name, "demonym")]


@pytest.mark.parametrize(
    "text",
    [
        "A letter was found in downtown Buffalo, New York, on Monday.",
        "Buffalo, New York, may take some of the patients.",
    ],
)
def test_a_town_named_like_a_word_is_a_place_when_its_state_qualifies_it(
    finder: ToponymFinder, text: str
) -> None:
    found = places(finder, text)
    assert (found["Buffalo"].entry.admin1, found["New York"].entry.kind) == ("US.NY", "region")


def test_a_word_opening_a_sentence_before_a_state_is_still_a_word(
    finder: ToponymFinder,
) -> None:
    assert set(places(finder, "However, Texas officials disagreed.")) == {"Texas"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Cases were found in Benin, Côte d'Ivoire and Ghana.", "Côte d'Ivoire", "CI"),
        ("Floods hit Bab el-Oued in Algiers.", "Bab el-Oued", "DZ"),
    ],
)
def test_a_name_with_an_elided_article_is_one_name(
    finder: ToponymFinder, text: str, name: str, country: str
) -> None:
    assert places(finder, text)[name].entry.country_code == country


def test_a_country_before_a_disease_word_is_still_the_country(finder: ToponymFinder) -> None:
    found = places(finder, "With the United States flu season under way, clinics filled up.")
    assert found["United States"].entry.country_code == "US"


def test_a_town_called_a_resort_is_a_place_though_its_name_is_a_word(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "Gunmen were killed at the holiday resort of Acapulco on Saturday.")
    assert found["Acapulco"].entry.country_code == "MX"


def test_the_short_form_of_a_citys_name_is_the_city(finder: ToponymFinder) -> None:
    found = places(finder, "Parañaque officials said the storm had passed.")
    assert found["Parañaque"].entry.country_code == "PH"


def test_a_states_governor_means_the_state(finder: ToponymFinder) -> None:
    found = places(finder, "New York Governor Andrew Cuomo declared a health emergency.")
    assert found["New York"].entry.kind == "region"


def test_once_an_article_says_the_state_a_bare_name_is_the_state_too(
    finder: ToponymFinder,
) -> None:
    text = (
        "A disaster has occurred throughout New York state, the governor said. "
        "At least 75 people have died in New York since April."
    )
    assert [t.entry.kind for t in find(finder, text)] == ["region", "region"]


def test_a_bare_new_york_is_still_the_city(finder: ToponymFinder) -> None:
    found = places(finder, "The man had recently been in New York.")
    assert found["New York"].entry.name == "New York City"


def test_a_big_state_that_speaks_is_its_government_not_a_person(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "Tamil Nadu said it had written to the Centre repeatedly.")
    assert found["Tamil Nadu"].entry.country_code == "IN"


def test_the_state_of_a_region_is_that_region(finder: ToponymFinder) -> None:
    found = places(finder, "It hurts the farmers of the State of Tamil Nadu, officials said.")
    assert found["Tamil Nadu"].entry.country_code == "IN"


def test_a_person_who_speaks_is_still_a_person(finder: ToponymFinder) -> None:
    assert "Clinton" not in places(finder, "Clinton said the talks would go on.")


def test_a_title_before_a_comma_does_not_make_the_next_name_a_person(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "According to the minister, Slovenia's action served its interests.")
    assert found["Slovenia"].entry.country_code == "SI"


def test_in_the_town_area_is_a_cue(finder: ToponymFinder) -> None:
    found = places(finder, "Puppies were stolen from a farm in the Fredericton area this week.")
    assert found["Fredericton"].entry.country_code == "CA"


def test_in_the_university_of_is_no_cue_for_a_town_called_university(
    finder: ToponymFinder,
) -> None:
    assert "University" not in places(finder, "She studied in the University of Manila.")


def test_a_town_its_state_qualifies_needs_no_other_support(finder: ToponymFinder) -> None:
    found = places(finder, "It will be built at GM's Bowling Green, Kentucky facility.")
    assert found["Bowling Green"].entry.admin1 == "US.KY"


def test_a_city_after_and_is_a_list_not_part_of_a_name(finder: ToponymFinder) -> None:
    found = places(finder, "It deepens the cooperation between NATO and Tunis.")
    assert found["Tunis"].entry.country_code == "TN"


def test_a_state_alone_is_the_state_not_a_town_inside_named_after_it(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "Ducks were sampled in Maryland.")
    assert (found["Maryland"].entry.name, found["Maryland"].entry.kind) == ("Maryland", "region")


def test_the_capital_before_a_name_is_a_cue(finder: ToponymFinder) -> None:
    found = places(finder, "The workers drove from the capital, Juba, northeast to Pibor.")
    assert found["Juba"].entry.country_code == "SS"


def test_a_resident_of_a_town_who_told_is_the_town_not_a_speaker(
    finder: ToponymFinder,
) -> None:
    found = places(finder, "A woman who is a former resident of Lubbock told reporters so.")
    assert found["Lubbock"].entry.admin1 == "US.TX"


def test_the_provinces_of_are_a_cue(finder: ToponymFinder) -> None:
    found = places(finder, "Cases were reported in the provinces of Nyanza and Rift Valley.")
    assert found["Nyanza"].entry.country_code == "KE"


def test_an_acronym_before_a_city_does_not_make_the_city_a_persons_name(
    finder: ToponymFinder,
) -> None:
    text = "Results come from the CDC in Atlanta, Georgia. We send samples to CDC Atlanta."
    found = places(finder, text)
    assert (found["Atlanta"].entry.country_code, found["Georgia"].entry.kind) == ("US", "region")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        (
            "Ducks were sampled in Crawford County located in Pennsylvania.",
            "Crawford County",
            "US.PA",
        ),
        ("Austin, in Scott County, Indiana, was the centre of the outbreak.", "Austin", "US.IN"),
    ],
)
def test_in_after_a_name_qualifies_it_as_a_comma_does(
    finder: ToponymFinder, text: str, name: str, admin1: str
) -> None:
    assert places(finder, text)[name].entry.admin1 == admin1


def test_a_town_in_a_place_the_gazetteer_half_knows_is_kept(finder: ToponymFinder) -> None:
    found = places(finder, "Horses were kept at Cattai and Wilberforce in North-Western Sydney.")
    assert found["Wilberforce"].entry.country_code == "AU"


def test_a_part_of_a_state_named_like_a_city_is_the_state(finder: ToponymFinder) -> None:
    text = (
        "The team travelled to central Washington. Its focus is at home in Washington. "
        "Trips to Florida and Washington, D.C., followed."
    )
    assert [t.entry.name for t in find(finder, text)] == [
        "Washington",
        "Washington",
        "Florida",
        "Washington",
        "District of Columbia",
    ]
    assert [t.entry.kind for t in find(finder, text)][:2] == ["region", "region"]
    assert find(finder, text)[3].entry.kind == "city"


def test_southern_china_is_still_the_country(finder: ToponymFinder) -> None:
    found = places(finder, "Floods hit southern China this week.")
    assert found["China"].entry.country_code == "CN"


def test_the_capital_outweighs_a_town_in_a_region_the_story_names(
    finder: ToponymFinder,
) -> None:
    text = (
        "Britain and the United States expelled Russian diplomats after the "
        "attack in the English city. In Washington, the diplomats prepared to leave."
    )
    entry = places(finder, text)["Washington"].entry
    assert (entry.country_code, entry.admin1) == ("US", "US.DC")


def test_a_county_is_the_one_in_the_state_of_the_towns_the_story_names(
    finder: ToponymFinder,
) -> None:
    text = "Detectives searched a house in the town of Southold. Suffolk County police found bones."
    assert places(finder, text)["Suffolk County"].entry.admin1 == "US.NY"


@pytest.mark.parametrize(("name", "country"), [("Yorkshire", "GB"), ("Bohemia", "CZ")])
def test_a_historic_region_outweighs_a_small_town_in_a_country_the_story_names(
    finder: ToponymFinder, name: str, country: str
) -> None:
    text = f"Officials in {name} said on Monday that the United States would help."
    entry = places(finder, text)[name].entry
    assert (entry.kind, entry.country_code) == ("region", country)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Students at Washington University protested.", "US.WA"),
        ("She studied at the University of Washington in Seattle.", "US.WA"),
        ("Students at New York University protested.", "US.NY"),
    ],
)
def test_a_state_naming_an_institution_is_the_state_not_the_capital(
    finder: ToponymFinder, text: str, admin1: str
) -> None:
    entry = next(t.entry for t in find(finder, text) if t.text in {"Washington", "New York"})
    assert entry.admin1 == admin1


def test_a_small_town_is_found_where_the_story_names_its_county(finder: ToponymFinder) -> None:
    text = "Collier County was awarded a grant for Immokalee's streets, Florida officials said."
    assert places(finder, text)["Immokalee"].entry.admin1 == "US.FL"
    # Alone, a one-word small town is more often a surname.
    assert "Immokalee" not in places(finder, "The grant for Immokalee's streets was announced.")

"""English categories found on LGL's development half (issue 19), on the built-in gazetteer and
a real Geoparser: each test names the category, with examples other than LGL's own."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.en import ENGLISH
from gazetteer.model import MentionType, PlaceKind, Rejection


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser(Gazetteer.load(), language=ENGLISH)


def _places(gp: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {
        m.text: (m.place.name, m.place.kind)
        for m in gp.parse(text)
        if m.type == MentionType.TOPONYM
    }


@pytest.mark.parametrize("state", ["Ohio", "Kentucky", "Illinois", "Minnesota", "Missouri"])
def test_a_state_named_after_its_river_is_the_state(gp: Geoparser, state: str) -> None:
    text = f"{state} received about $30 million in federal funds for the program last year."
    assert _places(gp, text)[state] == (state, PlaceKind.ADMIN1)


def _rejected(gp: Geoparser, text: str) -> dict[str, Rejection]:
    return {r.text: r.why for r in gp.analyse(text)[1]}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deal was signed by Wanda Sherwood and the mayor of Austin, Texas.", "Sherwood"),
        ("The road stays closed, Lockhart said in Austin, Texas, on Monday.", "Lockhart"),
        ("The road stays closed, Lockhart told reporters in Austin, Texas.", "Lockhart"),
    ],
)
def test_a_small_towns_name_used_as_a_surname_is_no_place(
    gp: Geoparser, text: str, name: str
) -> None:
    assert _rejected(gp, text)[name] == Rejection.SURNAME
    assert name not in _places(gp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Moscow said the talks had failed.", "Moscow"),  # a capital speaks for its government
        ("Voters in Lockhart, Texas, said no to the plan.", "Lockhart"),  # a place cue
        ("Trailing Lockhart, Texas, the team lost.", "Lockhart"),  # a sentence's first word
    ],
)
def test_a_place_before_said_or_after_a_capital_stays(gp: Geoparser, text: str, name: str) -> None:
    assert name in _places(gp, text)


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("Deputies closed a road in Laurel County on Monday.", "Laurel County", "US.KY"),
        ("The fire district of Rapides Parish investigated.", "Rapides Parish", "US.LA"),
        ("Schools in Madison County, Ohio, opened late.", "Madison County", "US.OH"),
        ("Schools in Madison County, Alabama, opened late.", "Madison County", "US.AL"),
    ],
)
def test_a_us_county_or_parish_is_one_name_of_a_county(
    gp: Geoparser, text: str, name: str, state: str
) -> None:
    found = {m.text: m.place for m in gp.parse(text) if m.type == MentionType.TOPONYM}
    assert found[name].kind == PlaceKind.ADMIN2
    assert found[name].admin1 == state


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        (
            "The film by Andrew Toledo opened in Austin, Texas, on Friday.",
            "Toledo",
            Rejection.SURNAME,
        ),
        ("A talk by Mary Wheeler drew a crowd in Austin, Texas.", "Mary", Rejection.GIVEN_NAME),
    ],
)
def test_a_common_given_name_makes_a_person(
    gp: Geoparser, text: str, name: str, why: Rejection
) -> None:
    assert _rejected(gp, text)[name] == why
    assert name not in _places(gp, text)


def test_given_names_come_from_the_census_list_less_everyday_words() -> None:
    from gazetteer.lang.en import given_names

    names = given_names()
    assert {"Andrew", "Mary", "Keith", "Rhonda"} <= names
    assert not {"May", "Will", "The"} & names


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Sen. Byron Dorgan, D-N.D., questioned the bonuses.", "N.D.", "North Dakota"),
        ("Rep. Nick Rahall, D-W. Va., chairs the committee.", "W. Va.", "West Virginia"),
        ("He is held in Greenwood, W. Va., on a parole violation.", "W. Va.", "West Virginia"),
        (
            "Lanes reopen after accident. CHARLESTON, W.Va. -- All lanes reopened.",
            "CHARLESTON",
            "Charleston",
        ),
        (
            "The week opens in St. Petersburg and in Mt. Pleasant.",
            "St. Petersburg",
            "Saint Petersburg",
        ),
        ("The week opens in St. Petersburg and in Mt. Pleasant.", "Mt. Pleasant", "Mount Pleasant"),
        ("Fans in Ft. Worth cheered.", "Ft. Worth", "Fort Worth"),
    ],
)
def test_abbreviations_of_states_saints_and_datelines(
    gp: Geoparser, text: str, name: str, place: str
) -> None:
    assert _places(gp, text)[name][0] == place


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Crowds marked St. Patrick's Day in Boston.", "St. Patrick"),
        ("Buses stop at St. Mary's High School in Boston.", "St. Mary"),
    ],
)
def test_a_saints_feast_or_school_is_no_place(gp: Geoparser, text: str, name: str) -> None:
    assert _rejected(gp, text)[name] == Rejection.NAME_PART
    assert "Boston" in _places(gp, text)


def test_a_surname_named_like_a_province_and_its_seat_stays_a_person(gp: Geoparser) -> None:
    text = "The film is by Andrew Ragusa. Ragusa said he would shoot it in Austin, Texas."
    rejected = [r for r in gp.analyse(text)[1] if r.text == "Ragusa"]
    assert [r.why for r in rejected] == [Rejection.SURNAME, Rejection.PERSON_ELSEWHERE]
    assert "Ragusa" not in _places(gp, text)


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        (
            "Police said Mrs. Lockhart interrupted a burglary in Austin, Texas.",
            "Lockhart",
            Rejection.PERSON,
        ),
        ("Detective Sgt. Don Yarbrough spoke in Austin, Texas.", "Don", Rejection.PERSON),
        (
            "Members are Marsha J. Lockhart and others of Austin, Texas.",
            "Lockhart",
            Rejection.SURNAME,
        ),
        (
            "Members are Marsha Jones, Cathy Lockhart and others of Austin, Texas.",
            "Lockhart",
            Rejection.SURNAME,
        ),
    ],
)
def test_a_town_after_a_dotted_title_or_an_initial_is_a_person(
    gp: Geoparser, text: str, name: str, why: Rejection
) -> None:
    assert _rejected(gp, text)[name] == why


def test_ambiguous_counties_named_together_are_of_the_state_they_share(gp: Geoparser) -> None:
    text = "Storms hit Wayne County, Lawrence County and Giles County overnight."
    found = {m.text: m.place for m in gp.parse(text) if m.type == MentionType.TOPONYM}
    assert {found[n].admin1 for n in ("Wayne County", "Lawrence County", "Giles County")} == {
        "US.TN"
    }


def test_a_city_council_is_no_club_and_leaves_the_city_elsewhere(gp: Geoparser) -> None:
    text = "Kehoe spoke at the Leeds City Council meeting. The memorial in Leeds opened."
    rejected = [r.why for r in gp.analyse(text)[1] if r.text == "Leeds"]
    assert rejected == [Rejection.ORGANISATION]
    assert "Leeds" in _places(gp, text)


def test_a_state_named_like_a_country_is_the_state_in_a_us_story(gp: Geoparser) -> None:
    text = "Needy Georgia residents in Atlanta and Savannah could get help, officials said."
    assert _places(gp, text)["Georgia"] == ("Georgia", PlaceKind.ADMIN1)
    abroad = "Georgia and Russia met in Tbilisi and Moscow, officials said."
    assert _places(gp, abroad)["Georgia"] == ("Georgia", PlaceKind.COUNTRY)


def test_america_alone_is_the_united_states_not_inside_a_regions_name(gp: Geoparser) -> None:
    found = _places(gp, "Jobs are moving out of America to Latin America and South America.")
    assert found["America"] == ("United States", PlaceKind.COUNTRY)
    assert found["Latin America"][1] == PlaceKind.REGION
    assert found["South America"][1] == PlaceKind.REGION

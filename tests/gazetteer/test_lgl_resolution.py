"""English resolution categories found on LGL's development half (issue 19): which namesake a
local US story means. Real gazetteer, real Geoparser; sentences of our own."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.en import ENGLISH
from gazetteer.model import MentionType


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser(Gazetteer.load(), language=ENGLISH)


def _states(gp: Geoparser, text: str) -> dict[str, str]:
    """Each toponym's first-level division code ("US.MN")."""
    return {m.text: m.place.admin1 for m in gp.parse(text) if m.type == MentionType.TOPONYM}


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        # Minnesota is also a river: still the state the story is about.
        (
            "The school board met in Albany on Tuesday. Minnesota law requires a vote.",
            "Albany",
            "US.MN",
        ),
        # Florida is also a town of New York and of Cuba, and a department of Uruguay.
        (
            "A man from Madison died in a crash on Sunday, troopers in Florida said. The U.S. "
            "has more such deaths each year.",
            "Madison",
            "US.FL",
        ),
    ],
)
def test_a_state_with_namesakes_still_places_the_documents_towns(
    gp: Geoparser, text: str, town: str, state: str
) -> None:
    assert _states(gp, text)[town] == state


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Georgia lawmakers met on Monday. The bill now goes to Albany, where Georgia farmers "
            "and Texas ranchers will testify.",
            "Albany",
        ),
        (
            "Lawmakers in Georgia met in Savannah and Macon on Monday. The bill goes to Columbus "
            "next, as it did in Georgia and Texas last year.",
            "Columbus",
        ),
    ],
)
def test_a_state_named_like_a_country_places_the_towns_in_its_state(
    gp: Geoparser, text: str, town: str
) -> None:
    # Georgia, sure as a country before the document is read, is the US state here: its
    # mentions count for the US and name the state for the towns.
    states = _states(gp, text)
    assert states["Georgia"] == "US.GA"
    assert states[town] == "US.GA"


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("Deputies in Suwannee County said a man from Live Oak was arrested.", "Live Oak", "US.FL"),
        ("Deputies in Pinellas County said Dunedin will reopen its pier.", "Dunedin", "US.FL"),
    ],
)
def test_a_county_named_surely_names_its_state_for_the_towns(
    gp: Geoparser, text: str, town: str, state: str
) -> None:
    # Towns carry no county code: the county speaks for its state.
    assert _states(gp, text)[town] == state


@pytest.mark.parametrize(
    ("text", "county", "state"),
    [
        (
            "Indiana lawmakers met on Monday. Indiana schools in Boone County will reopen, Indiana "
            "officials said, as will a school in Kentucky.",
            "Boone County",
            "US.IN",
        ),
    ],
)
def test_the_most_named_state_decides_between_named_states(
    gp: Geoparser, text: str, county: str, state: str
) -> None:
    # The local paper's home state (named three times) outweighs a state named once: Boone
    # County of Indiana, not of Kentucky.
    assert _states(gp, text)[county] == state


def test_one_named_state_does_not_outweigh_a_capital(gp: Geoparser) -> None:
    text = (
        "Deputies in Savannah and Macon said the suspect fled to Washington, where the "
        "FBI arrested him."
    )
    assert _states(gp, text)["Washington"] == "US.DC"


def _kinds(gp: Geoparser, text: str) -> dict[str, str]:
    return {m.text: m.place.kind for m in gp.parse(text) if m.type == MentionType.TOPONYM}


def test_names_listed_before_counties_are_counties(gp: Geoparser) -> None:
    text = "Roofs were torn off on Tuesday in Greenwood, Abbeville and Laurens counties."
    places = {m.text: m.place for m in gp.parse(text) if m.type == MentionType.TOPONYM}
    assert {name: p.kind for name, p in places.items()} == {
        "Greenwood": "admin2",
        "Abbeville": "admin2",
        "Laurens": "admin2",
    }
    # The three counties of one state (South Carolina) are each that state's.
    assert {p.admin1 for p in places.values()} == {"US.SC"}


def test_a_state_before_counties_stays_the_state(gp: Geoparser) -> None:
    text = "Its rate is near the middle of Ohio counties, officials in Columbus said."
    assert _kinds(gp, text)["Ohio"] == "admin1"

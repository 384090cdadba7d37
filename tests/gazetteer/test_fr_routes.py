"""Routes and lines between two places written with a hyphen (issue 19, French): "l'axe
Abidjan-Bouaké", "le vol Paris-Dakar" name both ends, while a name the gazetteer lacks made of
two towns ("Assa-Zag", the province) or a person's ("Marie-France") stays set aside; on a real
gazetteer and a real Geoparser."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.fr import FRENCH
from gazetteer.model import Rejection

DATA = Path(__file__).parent / "data" / "routes_fr.yaml"


@pytest.fixture(scope="module")
def fr() -> Geoparser:
    return Geoparser(Gazetteer.from_files([DATA], frozenset()), language=FRENCH)


def _places(gp: Geoparser, text: str) -> dict[str, str]:
    return {m.text: m.place.name for m in gp.parse(text)}


def _rejected(gp: Geoparser, text: str) -> dict[str, Rejection]:
    return {r.text: r.why for r in gp.analyse(text)[1]}


@pytest.mark.parametrize(("text", "ends"), [
    ("Les camions roulent de nouveau sur l'axe Abidjan-Bouaké depuis lundi.",
     {"Abidjan": "Abidjan", "Bouaké": "Bouaké"}),
    ("Le vol Paris-Dakar de samedi a été retardé de trois heures.",
     {"Paris": "Paris", "Dakar": "Dakar"}),
    ("La liaison Tunis-Sfax sera assurée par des bus de remplacement.",
     {"Tunis": "Tunis", "Sfax": "Sfax"}),
    # two towns of one division, but a route word before them
    ("Le tronçon Rabat-Salé du tramway est fermé.", {"Rabat": "Rabat", "Salé": "Salé"}),
    # a town and a country after a route word
    ("Le gazoduc Algérie-Italie fonctionne à plein régime.",
     {"Algérie": "Algeria", "Italie": "Italy"}),
])
def test_a_route_word_before_the_pair_makes_both_places(fr: Geoparser, text: str,
                                                        ends: dict[str, str]) -> None:
    assert _places(fr, text) == ends


@pytest.mark.parametrize(("text", "ends"), [
    ("Le derby Alger-Oran se jouera à guichets fermés.", {"Alger": "Algiers", "Oran": "Oran"}),
    ("Les prix Abidjan-Bouaké ont doublé.", {"Abidjan": "Abidjan", "Bouaké": "Bouaké"}),
    ("Un Paris-Dakar en douze heures de car.", {"Paris": "Paris", "Dakar": "Dakar"}),
    ("Un Paris-France express.", {"Paris": "Paris", "France": "France"}),
])
def test_two_towns_of_different_divisions_are_both_places(fr: Geoparser, text: str,
                                                         ends: dict[str, str]) -> None:
    assert _places(fr, text) == ends


def test_a_compound_of_two_towns_of_one_division_stays_set_aside(fr: Geoparser) -> None:
    # Assa-Zag is the province named after its two towns (one first-level division).
    text = "De fortes pluies sont attendues à Assa-Zag et à Rabat."
    assert _places(fr, text) == {"Rabat": "Rabat"}
    assert _rejected(fr, text) == {"Assa": Rejection.NAME_PART, "Zag": Rejection.NAME_PART}
    # Two countries without a route word: a match, a summit, not a route.
    assert _rejected(fr, "Le sommet France-Algérie est reporté.") == {
        "France": Rejection.NAME_PART, "Algérie": Rejection.NAME_PART}


def test_a_given_name_joined_by_a_hyphen_makes_a_persons_name(fr: Geoparser) -> None:
    # Marie is a town of the gazetteer too: a town and a country, but Marie a given name.
    assert _rejected(fr, "Hier soir, Marie-France a chanté.") == {
        "Marie": Rejection.NAME_PART, "France": Rejection.NAME_PART}

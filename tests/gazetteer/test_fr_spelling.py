"""French spellings of the Maghreb's names (issue 19, ``gazetteer.lang.fr_spelling``): the
spelling rule, read only with support, on a real gazetteer and a real Geoparser."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser, lang
from gazetteer.lang.fr import FRENCH
from gazetteer.lang.fr_spelling import skeleton
from gazetteer.model import Rejection

DATA = Path(__file__).parent / "data" / "spelling_fr.yaml"


@pytest.fixture(scope="module")
def fr() -> Geoparser:
    return Geoparser(Gazetteer.from_files([DATA], frozenset()), language=FRENCH)


def _places(gp: Geoparser, text: str) -> dict[str, str]:
    return {m.text: m.place.name for m in gp.parse(text)}


@pytest.mark.parametrize(("french", "latin"), [
    ("Taroudante", "Taroudannt"), ("Zagoura", "Zagora"), ("Guelmime", "Guelmim"),
    ("Skhirat", "Skhirate"), ("Kénitra", "Kenitra"), ("Béni Mellal", "Beni-Mellal"),
    ("El-Hamiz", "El Hamiz"), ("Djelfa", "Jelfa"),
])
def test_french_and_latin_spellings_share_a_skeleton(french: str, latin: str) -> None:
    assert skeleton(french) == skeleton(latin)


def test_different_names_keep_different_skeletons() -> None:
    assert skeleton("Rabat") != skeleton("Rabta")
    assert skeleton("Tata") != skeleton("Taza")


def test_a_french_spelling_in_a_list_of_the_countrys_places(fr: Geoparser) -> None:
    found = _places(fr, "L'alerte concerne Rabat, Taroudante, Zagoura et Guelmime.")
    assert found == {"Rabat": "Rabat", "Taroudante": "Taroudant", "Zagoura": "Zagora",
                     "Guelmime": "Guelmim"}


def test_a_french_spelling_after_a_cue_or_with_its_country_named(fr: Geoparser) -> None:
    assert [(m.text, m.place.country) for m in fr.parse("Il est né à Taroudante.")] == [
        ("Taroudante", "MA")]
    assert "Zagoura" in _places(fr, "Zagoura a reçu de la pluie, dit la météo du Maroc.")


def test_a_french_spelling_without_support_is_not_read(fr: Geoparser) -> None:
    assert _places(fr, "Zagoura a reçu de la pluie hier.") == {}


def test_the_candidates_are_the_supporting_countrys(fr: Geoparser) -> None:
    m = next(m for m in fr.parse("Rabat, Taroudante et Casablanca") if m.text == "Taroudante")
    assert {c.place.country for c in m.alternatives} | {m.place.country} == {"MA"}


def test_a_town_named_so_gets_its_province_of_the_same_spelling(fr: Geoparser) -> None:
    m = next(m for m in fr.parse("Rabat, Khénifra et Casablanca") if m.text == "Khénifra")
    assert {m.place.kind, *(c.place.kind for c in m.alternatives)} == {"city", "admin2"}


def test_a_name_joined_by_a_hyphen_to_another_is_part_of_it(fr: Geoparser) -> None:
    _, rejected = fr.analyse("Rabat, Assa-Zag et Casablanca")
    assert {r.text: r.why for r in rejected} == {"Assa": Rejection.NAME_PART,
                                                 "Zag": Rejection.NAME_PART}
    assert "Rabat" in _places(fr, "le Sud-Rabat, à Rabat")


def test_a_divisions_french_name_also_names_its_seat_town(fr: Geoparser) -> None:
    m = next(m for m in fr.parse("A Genève, on aime voter.") if m.text == "Genève")
    assert (m.place.name, m.place.kind) == ("Geneva", "city")
    assert [c.place.kind for c in m.alternatives] == ["admin1"]
    # A division without a town of its name stays the division.
    assert [(m.text, m.place.kind) for m in fr.parse("Dans le canton de Vaud.")] == [
        ("Vaud", "admin1")]


def test_a_name_given_its_town_still_meets_the_rules_of_its_word(fr: Geoparser) -> None:
    # "Beach" (an alternate name of Praia's division) is given the town Praia, and stays the
    # capitalised everyday word the French rules reject without a place cue.
    assert _why_beach(fr) == Rejection.COMMON_WORD


def _why_beach(gp: Geoparser) -> Rejection:
    _, rejected = gp.analyse("Beach volley : la finale aura lieu demain.")
    return next(r.why for r in rejected if r.text == "Beach")


def test_a_french_town_named_like_an_english_word_is_no_word_in_french() -> None:
    # Nice is an everyday English word (``latin_words``): English text needs a cue
    # for it; French text reads Nice, a town of France, by the French rules (a list of
    # places supports it).
    rows = Path(__file__).parent / "data" / "rules_fr.yaml"
    gaz = Gazetteer.from_files([rows, DATA], frozenset(), frozenset({"Nice"}))
    text = "Les attentats ont ensanglanté Paris, Nice, Londres et Berlin."
    assert "Nice" in {m.text for m in Geoparser(gaz, language=FRENCH).parse(text)}
    english = Geoparser(gaz, language=lang.get("en"))
    assert "Nice" not in {m.text for m in english.parse("Attacks hit Paris, Nice and Berlin.")}


def test_a_french_compass_name_reads_the_english_named_division(fr: Geoparser) -> None:
    def places(text: str) -> dict[str, tuple[str, str | None]]:
        return {m.text: (m.place.name, m.place.country) for m in fr.parse(text)}

    text = "Les séparatistes du Cameroun veulent un État dans le Sud-Ouest."
    assert places(text)["Sud-Ouest"] == ("South-West", "CM")
    text = "Boko Haram frappe encore l'Extrême-Nord du Cameroun."
    assert places(text)["Extrême-Nord"] == ("Far North", "CM")
    # Burkina Faso's Sud-Ouest keeps its own name, named or not; Cameroon's needs Cameroon
    # named; South Africa is not French-speaking.
    assert places("Au Burkina, dans le Sud-Ouest.")["Sud-Ouest"] == ("Sud-Ouest", "BF")
    m = next(m for m in fr.parse("Il vit dans le Sud-Ouest.") if m.text == "Sud-Ouest")
    assert (m.place.country, m.alternatives) == ("BF", ())
    assert "Nord-Ouest" not in places("Au Cameroun comme ailleurs, dans le Nord-Ouest.")


def test_the_mayor_of_a_small_town_names_the_town(fr: Geoparser) -> None:
    # A town of no great size needs a cue: "le maire de", "la mairie de" call it a town.
    assert _places(fr, "Le maire de Louveciennes a démissionné.") == {
        "Louveciennes": "Louveciennes"}
    assert _places(fr, "La mairie de Louveciennes est fermée.") == {
        "Louveciennes": "Louveciennes"}
    _, rejected = fr.analyse("Le budget de Louveciennes a été rejeté.")
    assert [(r.text, r.why) for r in rejected] == [("Louveciennes", Rejection.LONE_TOWN)]


def test_the_town_ending_a_schools_long_name_is_the_schools(fr: Geoparser) -> None:
    text = "Elle a étudié à l'Ecole nationale d'architecture et d'urbanisme de Rabat."
    _, rejected = fr.analyse(text)
    assert [(r.text, r.why) for r in rejected] == [("Rabat", Rejection.ORGANISATION)]
    # A capitalised word between the head and the town ends the school's name; a country
    # stays.
    assert "Rabat" in _places(fr, "L'Ecole nationale de Casablanca et de Rabat a fermé.")
    assert "Maroc" in _places(fr, "L'Université des sciences du Maroc a ouvert.")

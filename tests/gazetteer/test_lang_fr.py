"""French behind the language seam (issue 19): each rejection rule of ``gazetteer.lang.fr`` on a
real gazetteer and a real Geoparser, the registry, folding, articles and cue words."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser, lang
from gazetteer.lang.fr import FRENCH, RULES
from gazetteer.model import PlaceKind, Rejection

DATA = Path(__file__).parent / "data" / "rules_fr.yaml"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_files([DATA], frozenset())


@pytest.fixture(scope="module")
def fr(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz, language=FRENCH)


def _found(gp: Geoparser, text: str) -> list[str]:
    return [m.text for m in gp.parse(text)]


def _why(gp: Geoparser, text: str, name: str) -> Rejection:
    _, rejected = gp.analyse(text)
    whys = [r.why for r in rejected if r.text == name]
    assert whys, f"{name} not rejected in {text!r}: {[r.text for r in rejected]}"
    return whys[0]


def test_french_is_registered_left_to_right_and_keeps_case(gaz: Gazetteer) -> None:
    assert lang.get("fr") is FRENCH and lang.codes() == ("ar", "en", "fr")
    assert FRENCH.direction == "ltr" and FRENCH.proclitics == ()
    assert FRENCH.fold("Algérie") == FRENCH.fold("Algerie") == "Algerie"
    assert FRENCH.fold("Égypte") == "Egypte" and FRENCH.fold("Nice") != FRENCH.fold("nice")
    assert {"l'", "d'", "au", "aux", "du", "des", "en", "le", "la", "les"} <= set(FRENCH.articles)
    # The gazetteer gives the masculine and the feminine nouns (demonyms_fr); each makes its
    # plural and its lower-case adjectives.
    assert FRENCH.demonym_forms("Marocaine") == ["Marocaine", "Marocaines", "marocaine",
                                                 "marocaines"]
    assert FRENCH.demonym_forms("Égyptien") == ["Égyptien", "Égyptiens", "Egyptien",
                                                "Egyptiens", "égyptien", "égyptiens"]
    assert FRENCH.demonym_forms("Français") == ["Français", "français"]
    voc = FRENCH.vocabulary()
    assert {"ville", "commune"} <= voc.cues["city"] and "wilaya" in voc.cues["admin1"]
    names = [r.__name__ for r in RULES]
    assert len(set(names)) == len(names)
    assert names.index("organisation") < names.index("demonym_stays") < names.index("place_cue")
    assert names.index("place_cue") < names.index("common_word")
    ar = Geoparser(gaz)
    assert ar.for_language("fr").language is FRENCH and ar.for_language("fr").gaz is gaz


@pytest.mark.parametrize(("text", "name"), [
    ("Les pluies ont frappé l'Égypte et l'Algérie.", "Égypte"),  # elided article
    ("Les pluies ont frappé l'Egypte et l'Algerie.", "Algerie"),  # accents left out
    ("Le ministre est arrivé au Maroc mardi.", "Maroc"),  # a contraction
    ("Le président d'Algérie a parlé.", "Algérie"),  # d' before a country
    ("Il vit à Nice depuis dix ans.", "Nice"),  # à before a common word
    ("Il a grandi dans la ville de Tours.", "Tours"),  # dans la ville de
    ("Tours, France, est calme.", "Tours"),  # a country after a comma
    ("Florence est à Paris.", "Paris"),
    ("Il est en visite à Florence Nightingale.", "Florence"),  # a preposition before
    ("Des frappes ont visé le Sud-Liban.", "Liban"),  # a compass word is no organisation
    ("Le président de l'Union des Comores a parlé.", "Comores"),  # a formal name
])
def test_a_place_with_support_stays(fr: Geoparser, text: str, name: str) -> None:
    assert name in _found(fr, text)


@pytest.mark.parametrize(("text", "name", "why"), [
    ("Le vent souffle dans l'Ouest du pays.", "Ouest", Rejection.DIRECTION),
    ("Météo-France a placé le département en vigilance.", "France", Rejection.ORGANISATION),
    ("Selon Ouest-France, la tempête arrive.", "France", Rejection.ORGANISATION),
    ("France 24 a diffusé le discours.", "France", Rejection.TV_CHANNEL),
    ("Radio France a diffusé le discours.", "France", Rejection.NEWS_SITE),
    ("L'Olympique de Marseille a gagné le match.", "Marseille", Rejection.CLUB),
    ("L'Espérance de Tunis joue en Ligue des champions.", "Tunis", Rejection.CLUB),
    ("La Banque d'Algérie a relevé son taux.", "Algérie", Rejection.ORGANISATION),
    ("Florence Parly a parlé.", "Florence", Rejection.GIVEN_NAME),
    ("Le chef du gouvernement, Aziz Akhannouch, a parlé.", "Aziz", Rejection.GIVEN_NAME),
    ("Le chef de la police de Liège a parlé.", "Liège", Rejection.ORGANISATION),
    ("Le match de l'équipe de France a eu lieu.", "France", Rejection.ORGANISATION),
    ("La France Insoumise a déposé une motion.", "France", Rejection.ORGANISATION),
    ("Le discours de Michel Tours a duré.", "Tours", Rejection.SURNAME),
    ("Nice est une belle journée pour sortir.", "Nice", Rejection.COMMON_WORD),
    ("Tours et détours du discours.", "Tours", Rejection.COMMON_WORD),
    ("Le gouvernement a parlé.", "Le", Rejection.COMMON_WORD),  # a sentence's first word
    ("Bon, il a parlé.", "Bon", Rejection.COMMON_WORD),
])
def test_a_rule_rejects(fr: Geoparser, text: str, name: str, why: Rejection) -> None:
    assert _why(fr, text, name) == why
    assert name not in _found(fr, text)


def test_lower_case_words_are_words(tmp_path: Path) -> None:
    # A gazetteer whose town is also written in lower case (as some alternate names are).
    yaml = tmp_path / "lower.yaml"
    yaml.write_text(DATA.read_text(encoding="utf-8").replace(
        "name: Nice, name_ar: نيس,", "name: Nice, name_ar: نيس, names_en: [nice],"),
        encoding="utf-8")
    gp = Geoparser(Gazetteer.from_files([yaml], frozenset()), language=FRENCH)
    text = "Une journée nice et calme à Nice."
    assert _why(gp, text, "nice") == Rejection.COMMON_WORD
    assert [m.start for m in gp.parse(text)] == [text.rindex("Nice")]


def test_the_wilaya_of_oran_is_the_province(fr: Geoparser) -> None:
    found = {m.text: m.place.kind for m in fr.parse("Les pluies ont touché la wilaya d'Oran.")}
    assert found == {"Oran": PlaceKind.ADMIN1}
    town = {m.text: m.place.kind for m in fr.parse("Il est né à Oran en 1960.")}
    assert town == {"Oran": PlaceKind.CITY}


def test_arabic_quoted_in_french_is_not_judged_by_case(fr: Geoparser) -> None:
    # Arabic letters have no capitals: a quoted Arabic name is no lower-case French word.
    assert "وهران" in _found(fr, "La ville de «وهران» est au bord de la mer.")


def test_the_same_text_read_as_arabic_keeps_what_french_rejects(gaz: Gazetteer,
                                                                  fr: Geoparser) -> None:
    text = "Radio France a diffusé le match de l'Olympique de Marseille."
    assert "France" not in _found(fr, text) and "Marseille" not in _found(fr, text)
    assert {"France", "Marseille"} <= set(_found(Geoparser(gaz), text))


def test_abbreviations_of_countries_are_found(fr: Geoparser) -> None:
    text = "Des violences au Sahel et en RDC inquiètent. La RDCX n'en est pas une."
    found = [(m.text, m.place.name) for m in fr.parse(text)]
    assert found == [("RDC", "Democratic Republic of the Congo")]
    assert [m.text for m in fr.parse("Il vit à Liège, en Belgique.")] == ["Liège"]

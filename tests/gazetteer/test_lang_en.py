"""English behind the language seam (issue 19): each rejection rule of ``gazetteer.lang.en`` on a
real gazetteer and a real Geoparser, the registry, and the geoparser chosen per article."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser, lang
from gazetteer.lang.ar import ARABIC
from gazetteer.lang.en import ENGLISH, RULES
from gazetteer.model import Rejection

DATA = Path(__file__).parent / "data" / "rules_en.yaml"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_files([DATA], frozenset())


@pytest.fixture(scope="module")
def en(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz, language=ENGLISH)


def _found(gp: Geoparser, text: str) -> list[str]:
    return [m.text for m in gp.parse(text)]


def _why(gp: Geoparser, text: str, name: str) -> Rejection:
    _, rejected = gp.analyse(text)
    whys = [r.why for r in rejected if r.text == name]
    assert whys, f"{name} not rejected in {text!r}: {[r.text for r in rejected]}"
    return whys[0]


def test_english_is_registered_left_to_right_and_keeps_case() -> None:
    assert lang.get("en") is ENGLISH and "en" in lang.codes()
    assert ENGLISH.direction == "ltr" and ENGLISH.proclitics == ()
    assert ENGLISH.fold("May") == "May" != ENGLISH.fold("may")
    assert ENGLISH.demonym_forms("Syrian") == ["Syrian", "Syrians"]
    assert ENGLISH.demonym_forms("French") == ["French"]
    assert ENGLISH.vocabulary().cues["city"] >= {"city", "town"}
    names = [r.__name__ for r in RULES]
    assert len(set(names)) == len(names)
    assert names.index("organisation") < names.index("demonym_stays") < names.index("place_cue")
    assert names.index("place_cue") < names.index("common_word")


def test_for_language_picks_a_sibling_over_the_same_gazetteer(gaz: Gazetteer) -> None:
    ar = Geoparser(gaz)
    assert ar.for_language(None) is ar and ar.for_language("ar") is ar
    assert ar.for_language("xx") is ar  # a language with no rules: Arabic's
    en = ar.for_language("en")
    assert en.language is ENGLISH and en.gaz is gaz and ar.for_language("en") is en
    assert ar.language is ARABIC


@pytest.mark.parametrize(("text", "name", "why"), [
    ("Prices rose in May and in March.", "May", Rejection.ENGLISH_WORD),
    ("The West has imposed sanctions.", "West", Rejection.DIRECTION),
    ("The Center for Strategic Studies said so.", "Center", Rejection.DIRECTION),
    ("Most people agreed.", "Most", Rejection.ENGLISH_WORD),
    ("She flew to the Cook Islands.", "Islands", Rejection.NAME_PART),
    ("Fires burned in Orange County overnight.", "Orange", Rejection.NAME_PART),
    ("The New York Times reported it.", "New York", Rejection.NEWSPAPER),
    ("He works at Bank of America.", "America", Rejection.ORGANISATION),
    ("Real Madrid won the match.", "Madrid", Rejection.CLUB),
    ("France 24 broadcast the speech.", "France", Rejection.TV_CHANNEL),
    ("CNN Turk broadcast the speech.", "Turk", Rejection.NEWS_SITE),
    ("Paris Hilton arrived late.", "Paris", Rejection.GIVEN_NAME),
    ("Michael Jordan retired.", "Jordan", Rejection.SURNAME),
    ("The march led by Hamza Shahbaz has moved.", "Hamza", Rejection.NAME_PART),
    ("The Madrid Regional Administration said so.", "Madrid", Rejection.ORGANISATION),
    ("The U.S. Forest Service said so.", "U.S.", Rejection.ORGANISATION),
])
def test_a_rule_rejects(en: Geoparser, text: str, name: str, why: Rejection) -> None:
    assert _why(en, text, name) == why
    assert name not in _found(en, text)


@pytest.mark.parametrize(("text", "name"), [
    ("The storm hit Mobile, Ala., on Monday.", "Mobile"),  # City, State
    ("Officials in Mobile said the port was closed.", "Mobile"),  # a place preposition
    ("Jordan King Abdullah met the envoy.", "Jordan"),  # a country is no given name
    ("Turkey and France signed the accord.", "Turkey"),  # a country named like a word
    ("He visited Paris and Madrid last week.", "Madrid"),
    ("Crowds gathered in Paris Saturday.", "Paris"),
    ("The U.S. Senate voted.", "U.S."),  # no organisation's head after it
    ("Crowds gathered in Hamza Saturday.", "Hamza"),  # a small town after a preposition
    ("Madrid Saturday was calm.", "Madrid"),  # a big city before a capitalised word
])
def test_a_place_with_support_stays(en: Geoparser, text: str, name: str) -> None:
    assert name in _found(en, text)


def test_lower_case_words_are_words(tmp_path: Path) -> None:
    # A gazetteer whose town is also written in lower case (as some alternate names are).
    yaml = tmp_path / "lower.yaml"
    yaml.write_text(DATA.read_text(encoding="utf-8").replace(
        "name: Mobile, name_ar: موبيل,", "name: Mobile, name_ar: موبيل, names_en: [mobile],"),
        encoding="utf-8")
    gp = Geoparser(Gazetteer.from_files([yaml], frozenset()), language=ENGLISH)
    text = "He said he may return to mobile work in Mobile."
    assert _why(gp, text, "mobile") == Rejection.ENGLISH_WORD
    assert [m.start for m in gp.parse(text)] == [text.rindex("Mobile")]


def test_the_same_text_read_as_arabic_keeps_what_english_rejects(gaz: Gazetteer,
                                                                   en: Geoparser) -> None:
    text = "Real Madrid won the match. Paris Hilton arrived late."
    assert "Madrid" not in _found(en, text) and "Paris" not in _found(en, text)
    assert {"Madrid", "Paris"} <= set(_found(Geoparser(gaz), text))


def test_abbreviations_and_datelines_are_found(en: Geoparser, gaz: Gazetteer) -> None:
    text = ("CHARLESTON (AP) — The U.S. and the UK sent aid to Tulsa, Okla., and to Athens, "
            "Ga., while Georgia's envoy met the US envoy.")
    found = {(m.text, m.place.name, m.place.country) for m in en.parse(text)}
    assert {("CHARLESTON", "Charleston", "US"), ("U.S.", "United States", "US"),
            ("Okla.", "Oklahoma", "US"), ("Tulsa", "Tulsa", "US"),
            ("Ga.", "Georgia", "US"), ("US", "United States", "US")} <= found
    # «Ga.» is the state alone; Georgia written in full may still be the country.
    assert [p.country for m in en.parse(text) if m.text == "Ga." for p in [m.place]] == ["US"]
    # Only after a comma is a state's abbreviation read ("Miss." is a title elsewhere).
    assert _found(en, "Miss. Okla. Smith said so.") == []
    # Arabic reads no abbreviation: its matches are what the matcher found.
    assert "U.S." not in _found(Geoparser(gaz), text)


def test_written_names_respect_the_passages(en: Geoparser) -> None:
    text = "Headline about the U.S.\n\nThe UK said so."
    body = text.index("The UK")
    assert [m.text for m in en.parse(text, [(body, len(text))])] == ["UK"]


def test_a_city_then_its_state_or_country_keeps_the_places_inside(en: Geoparser,
                                                                  gaz: Gazetteer) -> None:
    # Each occurrence keeps its own area (a bare Paris in a story naming Texas is Texan too:
    # test_demonyms.py).
    text = "The storm hit Paris, Texas, on Monday. Paris, France, is far away."
    found = [(m.text, m.place.country) for m in en.parse(text)]
    assert found == [("Paris", "US"), ("Texas", "US"), ("Paris", "FR"), ("France", "FR")]
    assert [(m.text, m.place.country) for m in en.parse("Crowds gathered in Paris, France.")] \
        == [("Paris", "FR"), ("France", "FR")]
    # Arabic reads no such pattern: the capital stands (byte-identical Arabic output).
    assert ENGLISH.city_then_area and not ARABIC.city_then_area
    assert [m.place.country for m in Geoparser(gaz).parse(text)][:1] == ["FR"]

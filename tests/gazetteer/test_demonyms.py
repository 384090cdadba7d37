"""English and French demonyms (issue 19): the data built from mledoze/countries, the forms
made by rule, the rules that tell a demonym from a language or a name, and resolution by the
divisions a document names — on a small real gazetteer, the built-in one, and real parsers."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.en import ENGLISH
from gazetteer.lang.fr import FRENCH
from gazetteer.latin_demonyms import english_forms, english_plural, french_forms, french_plural
from gazetteer.model import MentionType, Rejection
from gazetteer.store import DATA_DIR

DATA = Path(__file__).parent / "data" / "demonyms.yaml"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_demonyms.py"
DEMONYM = MentionType.DEMONYM


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_demonyms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_files([DATA], frozenset())


@pytest.fixture(scope="module")
def en(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz, language=ENGLISH)


@pytest.fixture(scope="module")
def fr(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz, language=FRENCH)


def _typed(gp: Geoparser, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type.value, m.place.country or "") for m in gp.parse(text)]


def _why(gp: Geoparser, text: str, name: str) -> Rejection:
    _, rejected = gp.analyse(text)
    whys = [r.why for r in rejected if r.text == name]
    assert whys, f"{name} not rejected in {text!r}: {[r.text for r in rejected]}"
    return whys[0]


# --- forms --------------------------------------------------------------------------------


def test_english_plurals_by_rule() -> None:
    assert english_forms("Syrian") == ["Syrian", "Syrians"]
    assert english_forms("Iraqi") == ["Iraqi", "Iraqis"]
    assert english_forms("Saudi Arabian") == ["Saudi Arabian", "Saudi Arabians"]
    for none in ("French", "Chinese", "Swiss", "Dutch", "Malagasy"):
        assert english_plural(none) is None and english_forms(none) == [none]


def test_french_plurals_and_adjectives_by_rule() -> None:
    assert french_plural("marocain") == "marocains"
    assert french_plural("national") == "nationaux"  # -al → -aux
    assert french_plural("Français") == "Français" and french_plural("roux") == "roux"
    assert french_forms("Marocain") == ["Marocain", "Marocains", "marocain", "marocains"]
    assert french_forms("Sud-africaine") == ["Sud-africaine", "Sud-africaines",
                                             "sud-africaine", "sud-africaines"]
    assert "Egyptienne" in french_forms("Égyptienne")  # written without the capital's accent


# --- the data and its script -----------------------------------------------------------------


def test_the_data_file_names_its_source_hash_and_licence() -> None:
    script = _script()
    head = (DATA_DIR / "demonyms.yaml").read_text(encoding="utf-8")[:800]
    assert script.SHA256 in head and script.COMMIT in head and "ODbL" in head
    assert script.SHA256 in (DATA_DIR.parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_script_refuses_a_source_of_another_hash(tmp_path: Path) -> None:
    other = tmp_path / "countries.json"
    other.write_text("[]", encoding="utf-8")
    with pytest.raises(SystemExit, match="sha256"):
        _script().read_source(other)


def test_the_script_splits_pairs_keeps_shared_ones_and_leaves_territories_out() -> None:
    def entry(code: str, eng: str, fra: str, independent: bool = True) -> dict[str, object]:
        return {"cca2": code, "independent": independent,
                "demonyms": {"eng": {"m": eng, "f": eng}, "fra": {"m": fra, "f": fra + "e"}}}

    source = json.dumps([
        entry("FR", "French", "Français"), entry("TF", "French", "Français", False),
        entry("CG", "Congolese", "Congolais"), entry("CD", "Congolese", "Congolais"),
        entry("AG", "Antiguan, Barbudan", "Antiguais et barbudien"),
        entry("SA", "Saudi Arabian", "Saoudien"),
    ]).encode()
    lines = {ln.rsplit("# ", 1)[1]: ln for ln in _script().build(source).splitlines()
             if ln.startswith("  - ")}
    assert set(lines) == {"FR", "CG", "CD", "AG", "SA"}  # not TF: France's forms are France's
    assert '"Congolese"' in lines["CG"] and '"Congolese"' in lines["CD"]
    assert 'demonyms_en: ["Antiguan", "Barbudan"]' in lines["AG"]
    assert '"Barbudien"' in lines["AG"]  # a noun: capitalised like the first
    assert 'demonyms_en: ["Saudi Arabian", "Saudi"]' in lines["SA"]  # the curated short form
    assert hashlib.sha256(source).hexdigest() != _script().SHA256


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.load()


def test_the_built_in_gazetteer_reads_english_and_french_demonyms(world: Gazetteer) -> None:
    en, fr = Geoparser(world, language=ENGLISH), Geoparser(world, language=FRENCH)
    found = _typed(en, "Syrian troops met Moroccans and Somali elders; Pakistanis watched.")
    assert found == [("Syrian", "demonym", "SY"), ("Moroccans", "demonym", "MA"),
                     ("Somali", "demonym", "SO"), ("Pakistanis", "demonym", "PK")]
    found = _typed(fr, "Le gouvernement marocain et les Algériennes ; des Égyptiens.")
    assert found == [("marocain", "demonym", "MA"), ("Algériennes", "demonym", "DZ"),
                     ("Égyptiens", "demonym", "EG")]


# --- English rules -------------------------------------------------------------------------


def test_english_demonyms_are_typed_demonyms_and_plurals_too(en: Geoparser) -> None:
    assert _typed(en, "Syrian troops and American officials met Moroccans.") == [
        ("Syrian", "demonym", "SY"), ("American", "demonym", "US"),
        ("Moroccans", "demonym", "MA")]
    assert _typed(en, "the american way") == []  # English demonyms are capitalised


@pytest.mark.parametrize(("text", "name"), [
    ("She speaks French at home.", "French"),
    ("The book was translated into Russian last year.", "Russian"),
    ("Statements in French and Arabic were read.", "French"),
    ("He answered in Russian.", "Russian"),
    ("French speakers protested.", "French"),
    ("A Russian-language channel closed.", "Russian"),
])
def test_an_english_demonym_naming_a_language_is_rejected(en: Geoparser, text: str,
                                                          name: str) -> None:
    assert _why(en, text, name) is Rejection.LANGUAGE


def test_in_and_a_demonym_before_a_noun_is_the_adjective(en: Geoparser) -> None:
    assert _typed(en, "A shift in French politics.") == [("French", "demonym", "FR")]


@pytest.mark.parametrize(("text", "name"), [
    ("She studied at the American University of Beirut.", "American"),
    ("He won the French Open twice.", "French"),
    ("The Syrian Democratic Forces said so.", "Syrian"),
    ("Latin American leaders met.", "American"),
])
def test_an_english_demonym_in_a_name_is_rejected(en: Geoparser, text: str, name: str) -> None:
    assert _why(en, text, name) is Rejection.NAME_PART


def test_a_longer_place_name_wins_over_its_demonym(en: Geoparser) -> None:
    assert [(m.text, m.type) for m in en.parse("Ships crossed the Indian Ocean.")] == [
        ("Indian Ocean", MentionType.TOPONYM)]


def test_a_country_demonym_outweighs_a_small_place_of_another_country(en: Geoparser) -> None:
    # Somali is also the name of an Ethiopian region: the demonym is Somalia's.
    assert _typed(en, "Somali forces advanced.") == [("Somali", "demonym", "SO")]


def test_a_demonym_two_countries_share_is_resolved_by_the_document(en: Geoparser) -> None:
    kinshasa = _typed(en, "Congolese soldiers paraded in Kinshasa.")
    brazzaville = _typed(en, "Congolese soldiers paraded in Brazzaville.")
    assert kinshasa[0] == ("Congolese", "demonym", "CD")
    assert brazzaville[0] == ("Congolese", "demonym", "CG")


# --- French rules --------------------------------------------------------------------------


def test_french_adjectives_are_lower_case_and_nouns_capitalised(fr: Geoparser) -> None:
    assert _typed(fr, "Le gouvernement marocain a reçu les Marocaines et des diplomates "
                      "syriens.") == [("marocain", "demonym", "MA"),
                                      ("Marocaines", "demonym", "MA"),
                                      ("syriens", "demonym", "SY")]


@pytest.mark.parametrize(("text", "name"), [
    ("Il apprend le français.", "français"),
    ("Un message en russe a circulé.", "russe"),
    ("Elle parle russe couramment.", "russe"),
    ("Le français langue étrangère.", "français"),
])
def test_a_french_demonym_naming_a_language_is_rejected(fr: Geoparser, text: str,
                                                        name: str) -> None:
    assert _why(fr, text, name) is Rejection.LANGUAGE


def test_a_capitalised_french_demonym_after_a_name_word_ends_the_name(fr: Geoparser) -> None:
    assert _why(fr, "Il dirige l'Institut Français depuis mai.", "Français") is \
        Rejection.NAME_PART
    assert _typed(fr, "Les Français ont voté.") == [("Français", "demonym", "FR")]
    assert _why(fr, "Un cyclone dans l'océan Indien menace l'île.", "Indien") is \
        Rejection.NAME_PART


# --- resolution by the document's divisions --------------------------------------------------


def _places(gp: Geoparser, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.admin1 or m.place.country or "") for m in gp.parse(text)
            if m.type is MentionType.TOPONYM]


def test_a_state_the_document_names_decides_its_namesake_towns(en: Geoparser) -> None:
    text = "Storms hit Texas on Monday. In Paris roads closed and in Gainesville power failed."
    assert _places(en, text) == [("Texas", "US.TX"), ("Paris", "US.TX"),
                                 ("Gainesville", "US.TX")]
    # Without the state, the best-known places stand.
    assert _places(en, "In Paris roads closed; in the United States, Gainesville lost power.") \
        == [("Paris", "FR.11"), ("United States", "US"), ("Gainesville", "US.FL")]


def test_a_town_the_document_names_names_its_state(en: Geoparser) -> None:
    # Dallas, Texas dwarfs Dallas, Georgia: the story is from Texas, and so is its Paris.
    assert _places(en, "Police in Dallas said a man from Paris was held.") == [
        ("Dallas", "US.TX"), ("Paris", "US.TX")]


def test_a_bigger_place_in_another_named_country_keeps_its_name(en: Geoparser) -> None:
    text = ("Pakistan protested. Islamabad said talks in Srinagar had failed; Islamabad will "
            "answer.")
    assert ("Islamabad", "PK.08") in _places(en, text)
    assert ("Islamabad", "IN.12") not in _places(en, text)


def test_french_reads_the_divisions_too_and_arabic_does_not(fr: Geoparser, gaz: Gazetteer) -> None:
    assert _places(fr, "Des orages au Texas. À Paris, les routes sont fermées.") == [
        ("Texas", "US.TX"), ("Paris", "US.TX")]
    assert ENGLISH.divisions_decide and FRENCH.divisions_decide
    arabic = Geoparser(gaz)
    assert not arabic.language.divisions_decide
    text = "عواصف في تكساس. وفي باريس أغلقت الطرق."
    found = [(m.text, m.place.country) for m in arabic.parse(text)]
    assert found == [("تكساس", "US"), ("باريس", "FR")]

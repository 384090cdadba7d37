"""French and English exonyms (issue 19): CLDR's names of countries, world regions and the
exemplar cities of its time zones, added to the built-in gazetteer by scripts/build_exonyms.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.store import DATA_DIR

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_exonyms.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_exonyms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser(Gazetteer.load())


def test_the_committed_file_is_what_the_script_builds() -> None:
    pytest.importorskip("babel")
    assert (DATA_DIR / "exonyms.yaml").read_text(encoding="utf-8") == _script().build()


def test_french_names_of_countries_regions_and_cities_are_found(gp: Geoparser) -> None:
    text = (
        "Des pluies ont frappé l'Algérie, le Sénégal et le Liban ; à Beyrouth et à Londres "
        "les prix montent, comme partout en Afrique et en Egypte, et en Côte-d’Ivoire."
    )
    found = {m.text: m.place.id for m in gp.parse(text)}
    assert found == {
        "Algérie": "gn:2589581",  # the country Algeria
        "Sénégal": "gn:2245662",
        "Liban": "gn:272103",
        "Beyrouth": "gn:276781",  # the city, not the governorate
        "Londres": "gn:2643743",
        "Afrique": "region:africa",
        "Egypte": "gn:357994",  # an accented capital written bare (Égypte)
        "Côte-d’Ivoire": "gn:2287781",  # an apostrophe between the words of a name
    }


def test_a_city_exonym_goes_to_the_city_of_the_zone_country() -> None:
    pytest.importorskip("babel")
    city = {"name": "Algiers", "names_en": [], "kind": "city"}
    cities = {
        "gn:1": {**city, "country": "DZ", "population": 10},
        "gn:2": {**city, "country": "US", "population": 99},
    }
    assert _script()._city_names(cities) == {"gn:1": {"Alger"}}

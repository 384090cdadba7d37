"""The towns of French-speaking Europe and France overseas (``gazetteer/data/fr/towns.tsv``,
``scripts/build_towns_fr.py``): the source read in its own shape, a malformed record refused
naming its file, the rules of the build, and the towns found in French text by the built-in
gazetteer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.fr import FRENCH
from gazetteer.store import BUILTIN_FILES
from gazetteer.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ROOT / "gazetteer" / "data" / "fr" / "towns.tsv"


@pytest.fixture(scope="module")
def bt() -> ModuleType:
    pytest.importorskip("wordfreq")
    spec = importlib.util.spec_from_file_location(
        "build_towns_fr", ROOT / "scripts" / "build_towns_fr.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_towns_fr"] = module
    spec.loader.exec_module(module)
    return module


def _rec(gid: int, name: str, cc: str, population: int) -> dict[str, object]:
    return {"geonameid": gid, "name": name, "latitude": 42.91056, "longitude": 3.02944,
            "countrycode": cc, "population": population, "admin1code": "76",
            "alternatenames": ["ليوكات", "Leucata"]}


def test_the_towns_kept_and_their_rows(bt: ModuleType, tmp_path: Path) -> None:
    records = {
        "2999046": _rec(2999046, "Leucate", "FR", 3539),
        "1": _rec(1, "Fontaine", "FR", 22000),      # an everyday French word: common_word
        "2": _rec(2, "Petitville", "FR", 900),      # too small
        "3": _rec(3, "Known", "FR", 50000),          # already in cities.tsv
        "4": _rec(4, "Tarragona", "ES", 130000),     # not a French-speaking country
    }
    table = bt.rows(records, tmp_path / "cities500.json", {"gn:3"})
    assert table == [
        ["gn:1", "city", "Fontaine", "FR", "FR.76", "42.91056", "3.02944", "22000", "1", "1"],
        ["gn:2999046", "city", "Leucate", "FR", "FR.76", "42.91056", "3.02944", "3539",
         "2999046", ""],
    ]
    out = tmp_path / "towns.tsv"
    bt.write(table, "cities500.json sha256:0 (test)", out)
    entries = read_tsv(out)
    assert [e.fields["name"] for e in entries] == ["Fontaine", "Leucate"]
    assert "name_ar" not in entries[1].fields  # no Arabic name: Arabic text finds no more


def test_the_towns_of_french_speaking_africa_and_their_namesakes(bt: ModuleType,
                                                                tmp_path: Path) -> None:
    records = {
        "2253046": _rec(2253046, "Bakel", "SN", 13329),
        "6": _rec(6, "Brazzaville", "CI", 3669),   # a village named like a capital: left out
        "7": _rec(7, "Mali", "GN", 6293),           # named like a country: left out
        "8": _rec(8, "Grand", "CI", 3633),          # an everyday word: common_word
        "9": _rec(9, "Brazzaville", "FR", 3000),    # Europe's rows are built as before
        "10": _rec(10, "Petitbourg", "NG", 9000),   # not a French-speaking country
        # a rarer word or a given name: common_word in Africa (one word), not in Europe
        "11": _rec(11, "Scierie", "CI", 9000), "12": _rec(12, "Noé", "CI", 3000),
        "13": _rec(13, "Scierie", "FR", 9000), "14": _rec(14, "Anse à Galets", "HT", 7178),
        # named like a word and of 10,000+: any place of its country would let it stand
        "15": _rec(15, "Kamala", "CI", 10763),
    }
    prominent = {"brazzaville", "mali"}
    table = bt.rows(records, tmp_path / "cities500.json", set(), prominent, {"noe"})
    assert [(r[2], r[3], r[9]) for r in table] == [
        ("Grand", "CI", "1"), ("Brazzaville", "FR", ""), ("Scierie", "CI", "1"),
        ("Noé", "CI", "1"), ("Scierie", "FR", ""), ("Anse à Galets", "HT", ""),
        ("Bakel", "SN", "")]


def test_the_prominent_names_are_countries_capitals_and_big_cities(bt: ModuleType,
                                                                  tmp_path: Path) -> None:
    cities = tmp_path / "cities.tsv"
    cities.write_text(
        "# a comment\nid\tname\tnames_en\tpopulation\tcapital\n"
        "gn:1\tBrazzaville\t\t1284609\t1\ngn:2\tOttawa\tOtava|Ottava\t812129\t1\n"
        "gn:3\tPodor\t\t11608\t\ngn:4\tYamoussoukro\t\t15000\t1\n", encoding="utf-8")
    countries = tmp_path / "countries.yaml"
    countries.write_text("format: explorer-gazetteer/1\nplaces:\n"
                         "  - {name: Mali, names_en: [Mali Republic]}\n", encoding="utf-8")
    assert bt.prominent_names(cities, countries) == {
        "brazzaville", "ottawa", "otava", "ottava", "yamoussoukro", "mali", "mali republic"}
    cities.write_text("id\tname\tpopulation\ngn:1\tX\tmany\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"cities\.tsv: population 'many'"):
        bt.prominent_names(cities, countries)


def test_a_malformed_record_names_its_file(bt: ModuleType, tmp_path: Path) -> None:
    bad = _rec(5, "Nulle", "FR", 3000)
    bad["latitude"] = "north"
    with pytest.raises(SystemExit, match=r"cities500\.json: record '5'"):
        bt.rows({"5": bad}, tmp_path / "cities500.json", set())


def test_the_french_towns_are_a_builtin_file() -> None:
    assert BUILTIN_FILES.index("towns.tsv") < BUILTIN_FILES.index("fr/towns.tsv")
    head = TOWNS.read_text(encoding="utf-8")[:1000]
    assert "GENERATED" in head and "sha256:" in head and "CC BY 4.0" in head
    entries = read_tsv(TOWNS)
    assert len(entries) > 7000
    europe = ("FR", "BE", "CH", "LU", "MC", "RE", "GP", "MQ", "GF", "YT", "NC", "PF")
    africa = ("SN", "CI", "ML", "BF", "NE", "TG", "BJ", "GN", "CM", "CD", "CG", "GA", "TD",
              "CF", "MG", "DJ", "KM", "HT", "MA", "DZ", "TN", "MR")
    assert all(e.fields["country"] in europe + africa for e in entries)
    assert sum(e.fields["country"] in africa for e in entries) > 2000


def test_small_french_towns_are_found_in_french_text() -> None:
    gaz = Gazetteer.load()
    gp = Geoparser(gaz, language=FRENCH)
    found = {m.text: m.place.name for m in gp.parse(
        "La chaleur est record : 27,4°C à Leucate et 26,7°C à Cabestany, près de Perpignan.")}
    assert found == {"Leucate": "Leucate", "Cabestany": "Cabestany", "Perpignan": "Perpignan"}
    where = {m.text: (m.place.name, m.place.country) for m in gp.parse(
        "Au Sénégal, la crue du fleuve a coupé la route entre Bakel et Podor.")}
    assert where == {"Sénégal": ("Senegal", "SN"), "Bakel": ("Bakel", "SN"),
                     "Podor": ("Podor", "SN")}

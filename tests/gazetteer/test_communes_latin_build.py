"""Algeria's communes that GeoNames has no town for (``gazetteer/data/fr/communes_dz.tsv``,
``scripts/build_communes_latin.py``): the two sources read in their own shapes, a malformed
line refused with FILE:LINE, the rules of the build, and the communes found in French text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import Gazetteer, Geoparser
from gazetteer.lang.fr import FRENCH
from gazetteer.store import BUILTIN_FILES
from gazetteer.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bc() -> ModuleType:
    pytest.importorskip("wordfreq")
    spec = importlib.util.spec_from_file_location(
        "build_communes_latin", ROOT / "scripts" / "build_communes_latin.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_communes_latin"] = module
    spec.loader.exec_module(module)
    return module


POSTAL = """\
DZ\t16006\tKouba\tAlger\t16\t\t\t\t\t36.7344\t3.0848\t4
DZ\t16047\tDely Ibrahim\tAlger\t16\t\t\t\t\t36.7997\t3.2472\t1
DZ\t16000\tAlger Rp\tAlger\t16\t\t\t\t\t36.76\t3.05\t1
DZ\t19011\tKouba\tSetif\t19\t\t\t\t\t36.0227\t5.3676\t3
DZ\t16050\tLiberté\tAlger\t16\t\t\t\t\t36.7850\t3.0600\t4
"""


def _communes(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "communes.json"
    path.write_text(json.dumps({"nb_communes": len(records), "communes": records},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _c(name: str, postal: str | None, wilaya: str = "Algiers") -> dict[str, object]:
    return {"nom_fr": name, "nom_ar": "بلدية", "code_postal": postal, "wilaya_en": wilaya,
            "wilaya_fr": "Alger"}


def test_communes_with_a_point_of_their_own_are_added(bc: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "DZ.txt").write_text(POSTAL, encoding="utf-8")
    postal = bc.read_postal(tmp_path / "DZ.txt")
    communes = bc.read_communes(_communes(tmp_path, [
        _c("Kouba", "16006"),
        _c("Dely Ibrahim", "16047"),   # only the wilaya's point: left out
        _c("Ouled Zouai", None),       # no postal code: no point
        _c("Alger Centre", "16000"),   # no row of its name
        _c("Bab Ezzouar", "16000"),    # a town the gazetteer has
        _c("Liberté", "16050"),        # an everyday word: common_word
    ]))
    table = bc.build(communes, postal, {"babezzouar"}, {"algiers": "DZ.01"})
    assert table == [
        ["dzc:16006", "city", "Kouba", "DZ", "DZ.01", "36.7344", "3.0848", ""],
        ["dzc:16050", "city", "Liberté", "DZ", "DZ.01", "36.7850", "3.0600", "1"],
    ]
    out = tmp_path / "communes_dz.tsv"
    bc.write(table, ["test"], out)
    entries = read_tsv(out)
    assert [e.fields["name"] for e in entries] == ["Kouba", "Liberté"]
    assert all("name_ar" not in e.fields for e in entries)  # Arabic text finds no more


def test_a_malformed_postal_line_names_its_file_and_line(bc: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "DZ.txt"
    path.write_text(POSTAL + "DZ\t16006\tKouba\tAlger\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"DZ\.txt:6: not a GeoNames postal-code row"):
        bc.read_postal(path)


def test_the_communes_are_a_builtin_file_found_in_french_text() -> None:
    assert BUILTIN_FILES.index("towns.tsv") < BUILTIN_FILES.index("fr/communes_dz.tsv")
    path = ROOT / "gazetteer" / "data" / "fr" / "communes_dz.tsv"
    assert "CC BY 4.0" in path.read_text(encoding="utf-8")[:1500]
    assert len(read_tsv(path)) > 400
    gp = Geoparser(Gazetteer.load(), language=FRENCH)
    found = {m.text: m.place.id for m in gp.parse(
        "Des inondations ont touché Alger, notamment Kouba et Bab Ezzouar.")}
    assert found["Kouba"] == "dzc:16006"

"""French names of the Arab world's towns and divisions (``gazetteer/data/fr/exonyms.yaml``,
``scripts/build_exonyms_fr.py``): Who's On First records read in their own format, the rules of
the build, a broken record refused naming its file, and the names found in French text."""

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

ROOT = Path(__file__).resolve().parents[2]
PLACES = Path(__file__).parent / "data" / "exonyms_fr.yaml"


@pytest.fixture(scope="module")
def be() -> ModuleType:
    pytest.importorskip("wordfreq")
    spec = importlib.util.spec_from_file_location(
        "build_exonyms_fr", ROOT / "scripts" / "build_exonyms_fr.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_exonyms_fr"] = module
    spec.loader.exec_module(module)
    return module


def _record(root: Path, wid: str, gid: int, french: str, placetype: str = "locality") -> Path:
    path = root / "data" / wid[:3] / wid[3:6] / wid[6:] / f"{wid}.geojson"
    path.parent.mkdir(parents=True)
    props = {"wof:placetype": placetype, "wof:concordances": {"gn:id": gid},
             "name:fra_x_preferred": [french]}
    path.write_text(json.dumps({"type": "Feature", "properties": props}, ensure_ascii=False,
                               indent=2), encoding="utf-8")
    return path


def test_alike_names(be: ModuleType) -> None:
    assert be.alike("Alexandrie", ["Alexandria"]) and be.alike("Le Caire", ["Cairo"])
    assert be.alike("Djeddah", ["Jeddah"]) and be.alike("Syrte", ["Sirte"])
    assert not be.alike("Nasser", ["Būsh"])


def test_the_french_names_kept(be: ModuleType, tmp_path: Path) -> None:
    places = PLACES
    gaz = Gazetteer.from_files([places])
    wof = tmp_path / "whosonfirst-data-admin-eg"
    _record(wof, "421200905", 361058, "Alexandrie")
    _record(wof, "421200906", 358600, "Nasser")        # unlike the town's own name
    _record(wof, "421200907", 6547303, "Médiouna", "county")  # a French spelling: read there
    _record(wof, "421200908", 9000001, "Smallvillé")   # a small town
    _record(wof, "421200909", 1, "Nulle Part")         # not in the gazetteer
    _record(wof, "421200910", 361058, "Alexandrie", "neighbourhood")  # not a place type read
    found, digest = be.french_names([wof], gaz)
    assert found == {"gn:361058": ["Alexandrie"]}
    out = tmp_path / "exonyms.yaml"
    be.write(found, [f"test {digest}"], out)
    merged = Gazetteer.from_files([places, out])
    assert merged.error_lines() == []
    assert "Alexandrie" in merged.by_id["gn:361058"].names_en


def test_a_broken_record_names_its_file(be: ModuleType, tmp_path: Path) -> None:
    path = _record(tmp_path, "421200905", 361058, "Alexandrie")
    path.write_text('{\n "properties": {"name:fra_x_preferred": ["x"], "gn:id"', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"421200905\.geojson:2: not JSON"):
        list(be.records(tmp_path))


def test_the_french_exonyms_are_read_in_french_text() -> None:
    assert BUILTIN_FILES.index("exonyms.yaml") < BUILTIN_FILES.index("fr/exonyms.yaml")
    gp = Geoparser(Gazetteer.load(), language=FRENCH)
    found = {m.text: m.place.name for m in gp.parse(
        "Le club jouera dimanche à Alexandrie, puis à Damas et à Alep.")}
    assert found == {"Alexandrie": "Alexandria", "Damas": "Damascus", "Alep": "Aleppo"}

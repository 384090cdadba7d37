"""The French names of the oceans and seas (``gazetteer/data/fr/features.yaml``,
``scripts/build_features_fr.py``): the build from real Who's On First records in their own
format, and the names found in French sentences by the built-in gazetteer."""

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


@pytest.fixture(scope="module")
def bf() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_features_fr", ROOT / "scripts" / "build_features_fr.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_features_fr"] = module
    spec.loader.exec_module(module)
    return module


def _record(root: Path, wid: str, props: dict[str, object]) -> Path:
    path = root / "data" / wid[:3] / wid[3:6] / wid[6:] / f"{wid}.geojson"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"type": "Feature", "properties": props}), encoding="utf-8")
    return path


def test_the_french_names_of_a_record(bf: ModuleType, tmp_path: Path) -> None:
    _record(tmp_path, "404528717", {
        "name:fra_x_preferred": ["Océan Indien"],
        "name:fra_x_variant": ["océan Indien", "Ocean Indien"],
        "name:eng_x_preferred": ["Indian Ocean"]})
    _record(tmp_path, "404528799", {"name:fra_x_preferred": ["Manche"]})  # one word: a word
    found, sources = bf.build([tmp_path], ["404528717", "404528799", "1"])
    assert found == {"wof:404528717": ["Océan Indien", "océan Indien", "Ocean Indien",
                                       "ocean Indien"]}
    assert sources[0].startswith("2 records, sha256")
    out = tmp_path / "features.yaml"
    bf.write(found, sources, out)
    text = out.read_text(encoding="utf-8")
    assert "GENERATED" in text and "Who's On First" in text
    assert '{id: "wof:404528717", names_en: ["Océan Indien",' in text


def test_a_broken_record_names_its_file(bf: ModuleType, tmp_path: Path) -> None:
    path = _record(tmp_path, "404528717", {})
    path.write_text("{\n  broken", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"404528717\.geojson:2: not JSON"):
        bf.build([tmp_path], ["404528717"])


def test_the_french_features_are_a_builtin_file_after_physical() -> None:
    assert BUILTIN_FILES.index("physical.tsv") < BUILTIN_FILES.index("fr/features.yaml")
    head = (ROOT / "gazetteer" / "data" / "fr" / "features.yaml").read_text(encoding="utf-8")
    assert "GENERATED" in head[:600] and "sha256" in head[:600]


@pytest.fixture(scope="module")
def fr() -> Geoparser:
    gaz = Gazetteer.load()
    assert gaz.error_lines() == []
    return Geoparser(gaz, language=FRENCH)


@pytest.mark.parametrize(("text", "found", "place_name"), [
    ("Le cyclone s'approche de La Réunion, dans l'océan Indien.", "océan Indien", "Indian Ocean"),
    ("Un cargo a chaviré en mer du Japon hier.", "mer du Japon", "Sea of Japan"),
    ("Une tempête balaie le golfe du Mexique.", "golfe du Mexique", "Gulf of Mexico"),
])
def test_seas_are_found_by_their_french_names(
    fr: Geoparser, text: str, found: str, place_name: str
) -> None:
    hits = {m.text: m.place for m in fr.parse(text)}
    assert found in hits, hits
    assert hits[found].name == place_name

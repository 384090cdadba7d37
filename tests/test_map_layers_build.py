"""The map's physical layers (issue 20, ``scripts/build_map_layers.py``): the build's rules on
small inputs written in Natural Earth's own formats, and the generated page scripts."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PHYSICAL = ROOT / "resources" / "web" / "explorer" / "physical"


@pytest.fixture(scope="module")
def bml() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_map_layers", ROOT / "scripts" / "build_map_layers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_map_layers"] = module
    spec.loader.exec_module(module)
    return module


def generated(layer: str) -> dict[str, Any]:
    text = (PHYSICAL / f"{layer}.js").read_text(encoding="utf-8")
    body = text.split(f"window.EXPLORER_PHYSICAL.{layer} = ", 1)[1].rstrip().rstrip(";")
    data: dict[str, Any] = json.loads(body)
    return data


def write_raw(raw: Path, rivers: list[dict[str, Any]], table: list[dict[str, str]]) -> None:
    (raw / "natural-earth-geojson").mkdir(parents=True)
    (raw / "natural-earth-csv").mkdir(parents=True)
    (raw / "natural-earth-geojson" / "ne_50m_rivers_lake_centerlines.json").write_text(
        json.dumps({"type": "FeatureCollection", "features": rivers}), encoding="utf-8")
    with (raw / "natural-earth-csv" / "ne_50m_rivers_lake_centerlines.csv").open(
            "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["name", "name_en", "name_ar", "name_fr", "name_abb"])
        writer.writeheader()
        writer.writerows(table)


def river(name: str | None, coords: list[list[float]] | None) -> dict[str, Any]:
    return {"type": "Feature",
            "properties": {"name": name, "featurecla": "River", "min_zoom": 3.0,
                           "min_label": 4.0},
            "geometry": None if coords is None else {"type": "LineString", "coordinates": coords}}


def test_a_river_named_in_three_languages_simplified_and_quantized(
        bml: ModuleType, tmp_path: Path) -> None:
    straight = [[30.0 + i / 10, 20.0] for i in range(11)]  # 11 points on one parallel
    write_raw(tmp_path, [river("Wadi Test", straight), river("Gone", None),
                         river("L. Sample", [[1.0, 2.0], [1.5, 2.5]])],
              [{"name": "Wadi Test", "name_en": "Wadi Test", "name_ar": "وادي التجربة",
                "name_fr": "Oued Test", "name_abb": ""},
               {"name": "Lake Sample", "name_en": "Lake Sample", "name_ar": "بحيرة العينة",
                "name_fr": "Lac Échantillon", "name_abb": ""}])
    data = bml.build_layer(tmp_path, "rivers")
    features = data["features"]
    assert len(features) == 2  # the feature without a shape is left out
    first = features[0]
    assert first["n"] == {"en": "Wadi Test", "ar": "وادي التجربة", "fr": "Oued Test"}
    assert first["g"] == [[2000, 3000, 2000, 3100]]  # the straight line: its two ends
    assert first["z"] == 3.0 and first["l"] == 4.0
    assert first["p"] == [20.0, 31.0]  # halfway along its kept points
    # "L. Sample" in the shapes is "Lake Sample" in the table.
    assert features[1]["n"]["ar"] == "بحيرة العينة"


def test_an_input_that_is_not_the_pinned_one_fails_naming_the_file(
        bml: ModuleType, tmp_path: Path) -> None:
    write_raw(tmp_path, [], [])
    for rel in bml.PINNED:
        path = tmp_path / rel
        if not path.exists():
            path.write_text("x", encoding="utf-8")
    with pytest.raises(bml.BuildError, match="COMMIT: SHA-256"):
        bml.check_pinned(tmp_path)
    (tmp_path / "natural-earth-geojson" / "ne_50m_lakes.json").unlink()
    assert bml.main(["--raw", str(tmp_path)]) == 1


def test_a_shapes_file_that_is_not_geojson_is_named(bml: ModuleType, tmp_path: Path) -> None:
    write_raw(tmp_path, [], [])
    bad = tmp_path / "natural-earth-geojson" / "ne_50m_rivers_lake_centerlines.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(bml.BuildError, match=r"ne_50m_rivers_lake_centerlines\.json"):
        bml.build_layer(tmp_path, "rivers")


def test_the_generated_layers_small_named_and_from_the_pinned_inputs(bml: ModuleType) -> None:
    total = 0
    for layer in ("rivers", "lakes", "borders"):
        path = PHYSICAL / f"{layer}.js"
        total += path.stat().st_size
        header = path.read_text(encoding="utf-8").split("*/", 1)[0]
        source = bml.LAYERS[layer][0]
        rel = source if source.endswith(".tgz") else f"natural-earth-geojson/{source}.json"
        assert f"{rel} sha256 {bml.PINNED[rel]}" in header
        assert len(generated(layer)["features"]) > 100
    assert total < 1_500_000
    names = {f["n"]["en"]: f["n"] for f in generated("rivers")["features"] if "n" in f}
    assert names["Euphrates"]["ar"] == "الفرات" and names["Nile"]["fr"] == "Nil"
    lakes = {f["n"]["en"]: f["n"] for f in generated("lakes")["features"] if "n" in f}
    assert lakes["Dead Sea"]["ar"] == "البحر الميت"
    # First-level borders of every country with divisions: Iraq's governorates, Egypt's...
    countries = {f["c"] for f in generated("borders")["features"]}
    assert {"IRQ", "EGY", "SYR", "DZA", "USA", "FRA"} <= countries and len(countries) > 150


def test_the_borders_are_the_arcs_two_divisions_share(bml: ModuleType) -> None:
    # Two squares side by side: arc 0 is their common side, arcs 1 and 2 their outer sides.
    topology = {"type": "Topology", "arcs": [[[1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0], [1, 0]],
                                             [[1, 0], [2, 0], [2, 1], [1, 1]]],
                "objects": {"x": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]]},
                    {"type": "MultiPolygon", "arcs": [[[2, -1]]]}]}}}
    assert bml.shared_arcs(topology) == [0]
    assert bml.decode_arcs(topology)[0] == [[1.0, 0.0], [1.0, 1.0]]
    quantized = {"transform": {"scale": [0.5, 2.0], "translate": [10.0, 20.0]},
                 "arcs": [[[2, 1], [1, -1]]]}
    assert bml.decode_arcs(quantized) == [[[11.0, 22.0], [11.5, 20.0]]]


def test_the_borders_labels_are_the_gazetteers_divisions(bml: ModuleType) -> None:
    """``borders_labels.js`` is what the build makes from the gazetteer now (reproducible)."""
    made = bml.build_border_labels()
    text = (PHYSICAL / "borders_labels.js").read_text(encoding="utf-8")
    body = text.split("window.EXPLORER_PHYSICAL.borders_labels = ", 1)[1].rstrip().rstrip(";")
    assert json.loads(body) == made
    by_name = {(d["c"], d["n"]["en"]): d for d in made["labels"]}
    assert by_name[("IQ", "Al Anbar")]["n"]["ar"] == "الأنبار"
    assert by_name[("US", "Kansas")]["n"]["ar"] == "كانساس"  # the US states: admin1.yaml
    assert len(made["labels"]) > 3000


def test_the_borders_labels_from_small_gazetteer_files(bml: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "admin1.tsv").write_text(
        "# a comment\nid\tkind\tname\tname_ar\tcountry\tlat\tlon\n"
        "gn:1\tadmin1\tAl Anbar\tالأنبار\tIQ\t32.7912\t41.6\n"
        "gn:2\tcity\tBaghdad\tبغداد\tIQ\t33.3\t44.4\n", encoding="utf-8")
    (tmp_path / "admin1.yaml").write_text(
        'places:\n  - {id: "gn:3", kind: "admin1", name: "Kansas", name_ar: "كانساس", '
        'country: "US", lat: 38.5, lon: -98.4}\n', encoding="utf-8")
    made = bml.build_border_labels(tmp_path)
    assert made["labels"] == [
        {"c": "IQ", "n": {"en": "Al Anbar", "ar": "الأنبار"}, "p": [32.79, 41.6]},
        {"c": "US", "n": {"en": "Kansas", "ar": "كانساس"}, "p": [38.5, -98.4]}]
    # A place without a point: the build stops, naming the file.
    (tmp_path / "admin1.yaml").write_text(
        'places:\n  - {id: "gn:3", kind: "admin1", name: "Kansas", name_ar: "", '
        'country: "US"}\n', encoding="utf-8")
    with pytest.raises(bml.BuildError, match=r"admin1\.yaml: line 2: .* without lat"):
        bml.build_border_labels(tmp_path)

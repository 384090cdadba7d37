"""The map's generated label data (resources/basemap/labels.js, country_names.json) are what
scripts/build_map_labels.py makes from the gazetteer as it is now (`make assets` was run)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.conftest import ROOT

BASEMAP = ROOT / "resources" / "basemap"


def _script() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_map_labels", ROOT / "scripts" / "build_map_labels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _committed_labels(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    start = text.index("window.EXPLORER_LABELS = ") + len("window.EXPLORER_LABELS = ")
    return json.loads(text[start:].rstrip().rstrip(";"))


def test_label_data_are_up_to_date_with_the_gazetteer() -> None:
    script = _script()
    assert _committed_labels(BASEMAP / "labels.js") == script.build()  # type: ignore[attr-defined]
    names = json.loads((BASEMAP / "country_names.json").read_text(encoding="utf-8"))
    assert names == script.country_names()  # type: ignore[attr-defined]
    # What the window's country search relies on.
    assert {"USA", "أمريكا"} <= set(names["US"]) and "طاجكستان" in names["TJ"]
    labels = script.build()  # type: ignore[attr-defined]
    assert {row[0] for row in labels["countries"]} >= {"SY", "EG", "AE", "US"}
    assert any(row[3] == "Damascus" and row[4] == "دمشق" for row in labels["capitals"])

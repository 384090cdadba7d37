"""The window starts without importing the geoparser: the gazetteer package loads it (and its
YAML loader and geopy) only when first used."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("gazetteer.geoparser", "gazetteer.store", "geopy", "yaml")


def modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys\nprint(*sys.modules)"],
                         check=True, capture_output=True, text=True, cwd=ROOT,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    return set(out.split())


def test_the_window_does_not_import_the_geoparser() -> None:
    loaded = modules_after("import explorer.qt.window")
    assert "gazetteer.normalize" in loaded  # the folding it needs
    assert not loaded & set(HEAVY)


def test_the_public_names_still_import() -> None:
    loaded = modules_after("from gazetteer import Geoparser, Gazetteer, Place, load_geoparser\n"
                           "assert Geoparser.__module__ == 'gazetteer.geoparser'")
    assert {"gazetteer.geoparser", "gazetteer.store"} <= loaded
